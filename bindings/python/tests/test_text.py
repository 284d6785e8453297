"""Sentiment and the reply guard from Python."""

import pytest

import threadline
from threadline import Channel, FindingKind, SentimentLabel


def test_sentiment_in_english_and_spanish():
    s = threadline.analyze_sentiment("Fixed in five minutes, thank you!! 😍")
    assert s.label is SentimentLabel.POSITIVE and s.score > 0.5 and s.language == "en"
    s = threadline.analyze_sentiment("Llevo tres días sin internet, qué pésimo servicio")
    assert s.label is SentimentLabel.NEGATIVE and s.language == "es"
    assert threadline.detect_language("hola") in ("", "es")
    assert threadline.detect_language("the router is not working and I am angry") == "en"


def test_guard_flags_a_card_in_a_public_reply_with_str_offsets():
    guard = threadline.ReplyGuard(own_identities=[("PHONE", "1-800-555-0199")],
                                  required_signoff="^AB")
    ok = guard.check("¡Perdón! Call us at 1-800-555-0199. ^AB", channel="TWITTER")
    assert ok.ok and ok.findings == []
    reply = "¡Ojo! Card 4111 1111 1111 1111 is blocked ^AB"
    r = guard.check(reply, channel=Channel.TWITTER)
    assert not r.ok
    (f,) = r.findings
    assert f.kind is FindingKind.CARD_NUMBER
    assert reply[f.start:f.end] == "4111 1111 1111 1111"
    assert f.byte_end - f.byte_start == 19 and f.byte_start == f.start + 1
    assert r.move_to_channel is Channel.TWITTER and r.move_to_private_message
    missing = guard.check("Thanks!", channel="EMAIL")
    assert [x.kind for x in missing.findings] == [FindingKind.MISSING_SIGNOFF]


def test_guard_customer_identity_and_bad_options():
    guard = threadline.ReplyGuard()
    r = guard.check("Hi, we wrote to ann@example.org", channel="FACEBOOK",
                    customer_identities=["EMAIL:ann@example.org"])
    assert FindingKind.CUSTOMER_IDENTITY in [f.kind for f in r.findings]
    assert threadline.is_public_channel("TWITTER")
    assert not threadline.is_public_channel("EMAIL")
    with pytest.raises(threadline.Error) as e:
        threadline.ReplyGuard(regions=["XX"])
    assert e.value.code == "INVALID_ARGUMENT" and "regions" in e.value.message
    with pytest.raises(threadline.Error):
        guard.check("hi", channel="PIGEON")


def test_wrong_types_name_the_option():
    with pytest.raises(TypeError, match="required_signoff"):
        threadline.ReplyGuard(required_signoff=5)
    with pytest.raises(TypeError, match="regions"):
        threadline.ReplyGuard(regions="US")
    with pytest.raises(TypeError, match="text"):
        threadline.analyze_sentiment(b"bytes")
