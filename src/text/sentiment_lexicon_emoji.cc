// Emoji valences, shared by both languages. Faces and hearts carry most of
// the sentiment of social text; symbols that mostly decorate are left out.
// "Face with tears of joy" and "loudly crying face" are mostly used for
// laughing or being moved, so they lean positive or stay mild.
#include "text/sentiment_lexicon.h"

namespace threadline::text {

const EmojiValence kEmojiValences[] = {
    // Smiling and laughing faces.
    {0x1F600, 2.3f},  // grinning face
    {0x1F603, 2.5f},  // grinning face with big eyes
    {0x1F604, 2.5f},  // grinning face with smiling eyes
    {0x1F601, 2.3f},  // beaming face
    {0x1F606, 2.3f},  // grinning squinting face
    {0x1F605, 0.8f},  // grinning face with sweat
    {0x1F923, 2.0f},  // rolling on the floor laughing
    {0x1F602, 1.8f},  // face with tears of joy
    {0x1F642, 1.5f},  // slightly smiling face
    {0x1F643, 0.5f},  // upside-down face
    {0x1F609, 1.5f},  // winking face
    {0x1F60A, 2.5f},  // smiling face with smiling eyes
    {0x1F607, 2.0f},  // smiling face with halo
    {0x263A, 2.3f},   // smiling face
    {0x1F972, 0.5f},  // smiling face with tear
    // Affection.
    {0x1F970, 3.0f},  // smiling face with hearts
    {0x1F60D, 3.0f},  // heart eyes
    {0x1F929, 3.0f},  // star-struck
    {0x1F618, 2.5f},  // face blowing a kiss
    {0x1F617, 1.8f},  // kissing face
    {0x1F61A, 2.0f},  // kissing face with closed eyes
    {0x1F619, 2.0f},  // kissing face with smiling eyes
    {0x1F63B, 3.0f},  // cat with heart eyes
    {0x1F48B, 2.0f},  // kiss mark
    // Tongues, hands, playful.
    {0x1F60B, 2.0f},  // savoring food
    {0x1F61B, 1.5f},  // face with tongue
    {0x1F61C, 1.5f},  // winking face with tongue
    {0x1F92A, 1.3f},  // zany face
    {0x1F61D, 1.3f},  // squinting face with tongue
    {0x1F911, 1.0f},  // money-mouth face
    {0x1F917, 2.3f},  // hugging face
    {0x1F92D, 1.0f},  // face with hand over mouth
    {0x1F60E, 2.0f},  // smiling face with sunglasses
    {0x1F973, 3.0f},  // partying face
    {0x1F60C, 1.3f},  // relieved face
    {0x1F638, 2.0f},  // grinning cat
    {0x1F639, 1.8f},  // cat with tears of joy
    {0x1F63A, 2.0f},  // grinning cat with big eyes
    // Neutral to uneasy faces.
    {0x1F610, -0.5f},  // neutral face
    {0x1F611, -1.0f},  // expressionless face
    {0x1F612, -2.0f},  // unamused face
    {0x1F644, -2.0f},  // face with rolling eyes
    {0x1F62C, -1.0f},  // grimacing face
    {0x1F928, -1.0f},  // face with raised eyebrow
    {0x1F914, -0.3f},  // thinking face
    {0x1F974, -1.0f},  // woozy face
    {0x1F635, -1.5f},  // dizzy face
    {0x1F92F, -1.0f},  // exploding head
    {0x1F633, -0.5f},  // flushed face
    {0x1F62A, -1.0f},  // sleepy face
    {0x1F634, -0.5f},  // sleeping face
    {0x1F971, -1.0f},  // yawning face
    // Sad, worried, hurt.
    {0x1F61E, -2.5f},  // disappointed face
    {0x1F614, -2.0f},  // pensive face
    {0x1F61F, -2.0f},  // worried face
    {0x1F615, -1.5f},  // confused face
    {0x1F641, -2.0f},  // slightly frowning face
    {0x2639, -2.5f},   // frowning face
    {0x1F623, -2.0f},  // persevering face
    {0x1F616, -2.5f},  // confounded face
    {0x1F62B, -2.5f},  // tired face
    {0x1F629, -2.3f},  // weary face
    {0x1F97A, -0.8f},  // pleading face
    {0x1F622, -2.5f},  // crying face
    {0x1F62D, -1.0f},  // loudly crying face
    {0x1F625, -1.8f},  // sad but relieved face
    {0x1F613, -1.5f},  // downcast face with sweat
    {0x1F630, -2.0f},  // anxious face with sweat
    {0x1F628, -2.0f},  // fearful face
    {0x1F631, -2.0f},  // screaming in fear
    {0x1F640, -1.5f},  // weary cat
    {0x1F63F, -2.3f},  // crying cat
    {0x1F63E, -2.0f},  // pouting cat
    {0x1F494, -3.0f},  // broken heart
    // Angry and disgusted.
    {0x1F624, -2.0f},  // face with steam from nose
    {0x1F620, -3.0f},  // angry face
    {0x1F621, -3.0f},  // pouting face
    {0x1F92C, -3.5f},  // face with symbols on mouth
    {0x1F922, -2.5f},  // nauseated face
    {0x1F92E, -3.0f},  // face vomiting
    {0x1F637, -1.0f},  // face with medical mask
    {0x1F912, -1.5f},  // face with thermometer
    {0x1F915, -1.5f},  // face with head bandage
    {0x1F927, -1.0f},  // sneezing face
    {0x1F975, -1.0f},  // hot face
    {0x1F976, -1.0f},  // cold face
    {0x1F47F, -1.5f},  // angry face with horns
    {0x1F4A9, -2.0f},  // pile of poo
    {0x1F921, -1.5f},  // clown face
    {0x2620, -1.0f},   // skull and crossbones
    {0x1F926, -2.0f},  // person facepalming
    {0x1F937, -0.5f},  // person shrugging
    // Hands.
    {0x1F44D, 2.0f},   // thumbs up
    {0x1F44E, -2.5f},  // thumbs down
    {0x1F44F, 2.0f},   // clapping hands
    {0x1F64C, 2.3f},   // raising hands
    {0x1F64F, 1.5f},   // folded hands
    {0x1F4AA, 2.0f},   // flexed biceps
    {0x270C, 1.5f},    // victory hand
    {0x1F44C, 2.0f},   // OK hand
    {0x1F91D, 1.5f},   // handshake
    {0x1F918, 1.5f},   // sign of the horns
    {0x1F919, 1.3f},   // call me hand
    {0x1F595, -3.5f},  // middle finger
    {0x1F44A, 0.5f},   // oncoming fist
    // Hearts.
    {0x2764, 3.0f},   // red heart
    {0x2665, 3.0f},   // heart suit
    {0x1F495, 3.0f},  // two hearts
    {0x1F496, 3.0f},  // sparkling heart
    {0x1F497, 3.0f},  // growing heart
    {0x1F493, 3.0f},  // beating heart
    {0x1F49E, 3.0f},  // revolving hearts
    {0x1F498, 3.0f},  // heart with arrow
    {0x1F49D, 3.0f},  // heart with ribbon
    {0x1F49F, 2.5f},  // heart decoration
    {0x2763, 2.5f},   // heart exclamation
    {0x1F499, 2.5f},  // blue heart
    {0x1F49A, 2.5f},  // green heart
    {0x1F49B, 2.5f},  // yellow heart
    {0x1F49C, 2.5f},  // purple heart
    {0x1F9E1, 2.5f},  // orange heart
    {0x1F90D, 2.5f},  // white heart
    {0x1F90E, 2.5f},  // brown heart
    {0x1F5A4, 1.5f},  // black heart
    {0x1F48C, 2.0f},  // love letter
    {0x1F48F, 2.5f},  // kiss
    {0x1F491, 2.5f},  // couple with heart
    // Celebration and praise.
    {0x1F389, 2.5f},   // party popper
    {0x1F38A, 2.5f},   // confetti ball
    {0x1F381, 2.0f},   // wrapped gift
    {0x1F382, 2.0f},   // birthday cake
    {0x1F942, 2.0f},   // clinking glasses
    {0x1F37E, 2.0f},   // bottle with popping cork
    {0x1F37B, 1.5f},   // clinking beer mugs
    {0x1F3C6, 2.5f},   // trophy
    {0x1F947, 2.5f},   // first place medal
    {0x1F31F, 2.0f},   // glowing star
    {0x2B50, 1.5f},    // star
    {0x2728, 1.5f},    // sparkles
    {0x1F525, 1.5f},   // fire
    {0x1F4AF, 2.0f},   // hundred points
    {0x1F60F, 0.5f},   // smirking face
    {0x2705, 1.5f},    // check mark button
    {0x2714, 1.0f},    // check mark
    {0x1F308, 1.5f},   // rainbow
    {0x2600, 1.0f},    // sun
    {0x1F31E, 1.5f},   // sun with face
    {0x1F339, 1.5f},   // rose
    {0x1F338, 1.5f},   // cherry blossom
    {0x1F33A, 1.5f},   // hibiscus
    {0x1F337, 1.5f},   // tulip
    {0x1F490, 2.0f},   // bouquet
    {0x1F44B, 0.5f},   // waving hand
    {0x1F91E, 1.0f},   // crossed fingers
    {0x1FAF6, 3.0f},   // heart hands
    {0x1F979, 1.5f},   // face holding back tears
    {0x1FAE0, -0.5f},  // melting face
    {0x1F648, 0.5f},   // see-no-evil monkey
    {0x1F483, 2.0f},   // woman dancing
    {0x1F57A, 2.0f},   // man dancing
    {0x1F340, 1.5f},   // four leaf clover
    {0x1F33B, 1.5f},   // sunflower
    {0x1F3B6, 0.5f},   // musical notes
    // Warnings and refusals.
    {0x274C, -1.5f},   // cross mark
    {0x26D4, -1.5f},   // no entry
    {0x1F6AB, -1.5f},  // prohibited
    {0x26A0, -1.0f},   // warning
    {0x1F4A2, -2.0f},  // anger symbol
    {0x1F480, -0.5f},  // skull
};

const size_t kEmojiValenceCount =
    sizeof(kEmojiValences) / sizeof(kEmojiValences[0]);

}  // namespace threadline::text
