// The simulator end to end: determinism, sizes, the ground truth's
// consistency, and every trap the data is meant to hold.
#include "sim/simulator.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "phonenumbers/phonenumberutil.h"

namespace threadline::sim {
namespace {

constexpr int64_t kCustomers = 3000;

// The default simulation, made once for the whole suite.
const Simulation& Default() {
  static const Simulation* simulation = [] {
    SimulatorOptions options;
    options.customers = kCustomers;
    options.seed = 20260105;
    return new Simulation(Simulate(options));
  }();
  return *simulation;
}

// Digits: the digits of a value, for comparing phone numbers written in
// different ways (country code included when written).
std::string Digits(const std::string& value) {
  std::string d;
  for (char c : value) {
    if (c >= '0' && c <= '9') d += c;
  }
  return d;
}

// PhoneKey: a phone number's last nine digits, enough to tell numbers apart
// whatever prefix (+57, 0034, 1-) they were written with.
std::string PhoneKey(const std::string& value) {
  std::string d = Digits(value);
  return d.size() > 9 ? d.substr(d.size() - 9) : d;
}

// E164: a phone number read with `region` (default US) by libphonenumber;
// WhatsApp ids are international digits. Empty when it does not parse.
std::string E164(const Identity& id, const std::string& region) {
  using i18n::phonenumbers::PhoneNumber;
  using i18n::phonenumbers::PhoneNumberUtil;
  const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  std::string raw(absl::StripAsciiWhitespace(id.value));
  if (id.kind == IdentityKind::kWhatsapp && !absl::StartsWith(raw, "+")) {
    raw.insert(0, "+");
  }
  PhoneNumber number;
  if (util->Parse(raw, region.empty() ? "US" : region, &number) !=
          PhoneNumberUtil::NO_PARSING_ERROR ||
      !util->IsValidNumber(number)) {
    return "";
  }
  std::string out;
  util->Format(number, PhoneNumberUtil::E164, &out);
  return out;
}

// Canonical: a simple canonical form per kind, for collision checks that do
// not depend on the identity component.
std::string Canonical(const Identity& id, const std::string& region) {
  std::string v(absl::StripAsciiWhitespace(id.value));
  switch (id.kind) {
    case IdentityKind::kPhone:
    case IdentityKind::kWhatsapp: {
      const std::string e164 = E164(id, region);
      return absl::StrCat("PHONE:", e164.empty() ? "?" + v : e164);
    }
    case IdentityKind::kEmail:
      return absl::StrCat("EMAIL:", absl::AsciiStrToLower(v));
    case IdentityKind::kAccount: {
      std::string a;
      for (char c : v) {
        if (absl::ascii_isalnum(static_cast<unsigned char>(c))) {
          a += absl::ascii_toupper(static_cast<unsigned char>(c));
        }
      }
      return absl::StrCat("ACCOUNT:", a);
    }
    default:
      if (!v.empty() && v[0] == '@') v.erase(0, 1);
      return absl::StrCat(static_cast<int>(id.kind), ":",
                          absl::AsciiStrToLower(v));
  }
}

bool ValidUtf8(const std::string& s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80         ? 1
               : (c >> 5) == 6  ? 2
               : (c >> 4) == 14 ? 3
               : (c >> 3) == 30 ? 4
                                : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += n;
  }
  return true;
}

bool IsPublicChannel(Channel c) {
  return c == Channel::kTwitter || c == Channel::kFacebook ||
         c == Channel::kInstagram;
}

TEST(SimulatorTest, SameSeedSameOutput) {
  SimulatorOptions options;
  options.customers = 400;
  options.seed = 7;
  const Simulation a = Simulate(options);
  const Simulation b = Simulate(options);
  ASSERT_EQ(a.interactions.size(), b.interactions.size());
  for (size_t i = 0; i < a.interactions.size(); ++i) {
    ASSERT_EQ(a.interactions[i].interaction, b.interactions[i].interaction)
        << i;
    ASSERT_EQ(a.interactions[i].person, b.interactions[i].person);
    ASSERT_EQ(a.interactions[i].inquiry, b.interactions[i].inquiry);
    ASSERT_EQ(a.interactions[i].linkable, b.interactions[i].linkable);
    ASSERT_EQ(a.interactions[i].incident, b.interactions[i].incident);
  }
}

TEST(SimulatorTest, ThreadsDoNotChangeTheOutput) {
  SimulatorOptions options;
  options.customers = 2500;  // several batches
  options.seed = 11;
  const Simulation one = Simulate(options);
  options.threads = 3;
  const Simulation three = Simulate(options);
  ASSERT_EQ(one.interactions.size(), three.interactions.size());
  for (size_t i = 0; i < one.interactions.size(); ++i) {
    ASSERT_EQ(one.interactions[i].interaction,
              three.interactions[i].interaction)
        << i;
    ASSERT_EQ(one.interactions[i].inquiry, three.interactions[i].inquiry);
  }
  EXPECT_EQ(one.stats.interactions, three.stats.interactions);
  EXPECT_EQ(one.stats.unlinkable, three.stats.unlinkable);
}

TEST(SimulatorTest, DifferentSeedDifferentOutput) {
  SimulatorOptions options;
  options.customers = 300;
  options.seed = 1;
  const Simulation a = Simulate(options);
  options.seed = 2;
  const Simulation b = Simulate(options);
  std::set<std::string> texts_a, texts_b;
  for (const auto& x : a.interactions) {
    texts_a.insert(x.interaction.contact.value);
  }
  for (const auto& x : b.interactions) {
    texts_b.insert(x.interaction.contact.value);
  }
  std::vector<std::string> common;
  std::set_intersection(texts_a.begin(), texts_a.end(), texts_b.begin(),
                        texts_b.end(), std::back_inserter(common));
  // Different people with different addresses, not a shuffle of the same.
  EXPECT_LT(common.size(), texts_a.size() / 10);
  EXPECT_NE(a.interactions.front().interaction,
            b.interactions.front().interaction);
}

TEST(SimulatorTest, StreamingEqualsSimulate) {
  SimulatorOptions options;
  options.customers = 200;
  const Simulation all = Simulate(options);
  Simulator simulator(options);
  size_t i = 0;
  while (const SimulatedInteraction* item = simulator.Next()) {
    ASSERT_LT(i, all.interactions.size());
    EXPECT_EQ(item->interaction, all.interactions[i].interaction);
    ++i;
  }
  EXPECT_EQ(i, all.interactions.size());
  EXPECT_EQ(simulator.stats().interactions, static_cast<int64_t>(i));
}

TEST(SimulatorTest, AboutFourInteractionsPerCustomer) {
  const Simulation& s = Default();
  const double per = static_cast<double>(s.interactions.size()) / kCustomers;
  EXPECT_GT(per, 3.0);
  EXPECT_LT(per, 5.5);
  std::set<std::string> people, inquiries;
  for (const auto& x : s.interactions) {
    people.insert(x.person);
    inquiries.insert(x.inquiry);
  }
  // Everyone has something to say.
  EXPECT_EQ(static_cast<int64_t>(people.size()), kCustomers);
  EXPECT_EQ(s.stats.people, kCustomers);
  EXPECT_EQ(static_cast<int64_t>(inquiries.size()), s.stats.inquiries);
  EXPECT_GT(static_cast<double>(inquiries.size()) / kCustomers, 1.2);
  EXPECT_EQ(s.stats.interactions, static_cast<int64_t>(s.interactions.size()));
}

TEST(SimulatorTest, NoCustomersNoInteractions) {
  SimulatorOptions options;
  options.customers = 0;
  const Simulation s = Simulate(options);
  EXPECT_TRUE(s.interactions.empty());
  EXPECT_FALSE(s.own_identities.empty());
}

TEST(SimulatorTest, IdsAreUniqueAndNameTheirChannel) {
  const Simulation& s = Default();
  absl::flat_hash_set<std::string> ids;
  const std::map<Channel, std::string> prefix = {
      {Channel::kVoice, "vo-"},     {Channel::kSms, "sm-"},
      {Channel::kEmail, "em-"},     {Channel::kWebChat, "ch-"},
      {Channel::kTwitter, "tw-"},   {Channel::kFacebook, "fb-"},
      {Channel::kInstagram, "ig-"}, {Channel::kWhatsapp, "wa-"},
      {Channel::kWebForm, "wf-"}};
  for (const auto& x : s.interactions) {
    const Interaction& in = x.interaction;
    EXPECT_TRUE(ids.insert(in.id).second) << "duplicate id " << in.id;
    ASSERT_TRUE(prefix.count(in.channel)) << in.id;
    EXPECT_TRUE(absl::StartsWith(in.id, prefix.at(in.channel))) << in.id;
  }
}

TEST(SimulatorTest, RepliesPointBackInTimeAndInStream) {
  const Simulation& s = Default();
  absl::flat_hash_map<std::string, size_t> seen;  // id → position
  int replies = 0;
  for (size_t i = 0; i < s.interactions.size(); ++i) {
    const SimulatedInteraction& x = s.interactions[i];
    const Interaction& in = x.interaction;
    if (!in.reply_to.empty()) {
      ++replies;
      auto it = seen.find(in.reply_to);
      ASSERT_NE(it, seen.end())
          << in.id << " answers " << in.reply_to << ", not written before it";
      const SimulatedInteraction& target = s.interactions[it->second];
      EXPECT_LE(target.interaction.occurred_at, in.occurred_at) << in.id;
      EXPECT_EQ(target.inquiry, x.inquiry) << in.id;
      EXPECT_EQ(target.person, x.person) << in.id;
    }
    seen[in.id] = i;
  }
  EXPECT_GT(replies, static_cast<int>(s.interactions.size() / 4));
}

TEST(SimulatorTest, TimesInsideTheWindowMostlyInOrder) {
  SimulatorOptions options;
  const Simulation& s = Default();
  const absl::Time end = options.start + absl::Hours(24 * options.days);
  int late = 0;
  absl::Time previous = absl::InfinitePast();
  for (const auto& x : s.interactions) {
    const absl::Time t = x.interaction.occurred_at;
    EXPECT_GE(t, options.start) << x.interaction.id;
    EXPECT_LT(t, end) << x.interaction.id;
    if (t < previous) ++late;
    previous = std::max(previous, t);
  }
  // A few arrive late, most in order.
  EXPECT_GT(late, 0);
  EXPECT_LT(late, static_cast<int>(s.interactions.size() / 30));
  EXPECT_GT(s.stats.late, 0);
}

TEST(SimulatorTest, ShortWindow) {
  SimulatorOptions options;
  options.customers = 300;
  options.days = 3;
  const Simulation s = Simulate(options);
  ASSERT_FALSE(s.interactions.empty());
  const absl::Time end = options.start + absl::Hours(72);
  for (const auto& x : s.interactions) {
    EXPECT_GE(x.interaction.occurred_at, options.start);
    EXPECT_LT(x.interaction.occurred_at, end);
  }
}

TEST(SimulatorTest, EveryChannelAndBothLanguages) {
  const Simulation& s = Default();
  std::set<Channel> channels;
  int english = 0, spanish = 0, spanish_plain = 0, spanish_accented = 0;
  for (const auto& x : s.interactions) {
    channels.insert(x.interaction.channel);
    const std::string& text = x.interaction.text;
    if (x.language == "en") ++english;
    if (x.language == "es") {
      ++spanish;
      if (x.interaction.direction == Direction::kInbound) {
        // Typed on phones: often without accents or ¿.
        const bool accents = text.find("\xC3") != std::string::npos;
        accents ? ++spanish_accented : ++spanish_plain;
      }
    }
  }
  for (Channel c :
       {Channel::kVoice, Channel::kSms, Channel::kEmail, Channel::kWebChat,
        Channel::kTwitter, Channel::kFacebook, Channel::kInstagram,
        Channel::kWhatsapp, Channel::kWebForm}) {
    EXPECT_TRUE(channels.count(c)) << static_cast<int>(c);
  }
  const int n = static_cast<int>(s.interactions.size());
  EXPECT_GT(english, n / 5);
  EXPECT_GT(spanish, n / 5);
  EXPECT_GT(spanish_plain, 0);
  EXPECT_GT(spanish_accented, 0);
}

TEST(SimulatorTest, TextsVary) {
  const Simulation& s = Default();
  absl::flat_hash_map<std::string, int> count;
  int inbound = 0;
  for (const auto& x : s.interactions) {
    EXPECT_TRUE(ValidUtf8(x.interaction.text)) << x.interaction.id;
    EXPECT_TRUE(ValidUtf8(x.interaction.display_name)) << x.interaction.id;
    if (x.interaction.direction != Direction::kInbound) continue;
    ++inbound;
    ++count[x.interaction.text];
  }
  // Customers rarely write the very same message.
  EXPECT_GT(count.size(), static_cast<size_t>(inbound) * 6 / 10);
  int most = 0;
  for (const auto& [text, n] : count) most = std::max(most, n);
  EXPECT_LT(most, inbound / 50);
}

TEST(SimulatorTest, TruthIsConsistent) {
  const Simulation& s = Default();
  absl::flat_hash_map<std::string, std::string> person_of_inquiry;
  absl::flat_hash_map<std::string, std::string> matter_of_inquiry;
  absl::flat_hash_map<std::string, std::string> person_of_thread;
  absl::flat_hash_map<std::string, std::string> inquiry_of_ref;
  int unlinkable = 0;
  for (const auto& x : s.interactions) {
    const Interaction& in = x.interaction;
    auto [it, fresh] = person_of_inquiry.emplace(x.inquiry, x.person);
    EXPECT_EQ(it->second, x.person) << "inquiry " << x.inquiry;
    auto [mt, mfresh] = matter_of_inquiry.emplace(x.inquiry, x.matter);
    EXPECT_EQ(mt->second, x.matter) << "inquiry " << x.inquiry;
    if (!x.incident.empty()) {
      EXPECT_EQ(x.matter, "outage") << in.id;
    }
    if (in.direction == Direction::kOutbound) {
      EXPECT_FALSE(in.agent_id.empty()) << in.id;
    }
    if (in.disposition == Disposition::kResolved) {
      EXPECT_TRUE(in.direction == Direction::kOutbound ||
                  in.channel == Channel::kVoice)
          << in.id;
    }
    // A conversation key or ticket never spans two people or inquiries.
    if (!in.thread_id.empty()) {
      auto [t, tf] = person_of_thread.emplace(in.thread_id, x.person);
      EXPECT_EQ(t->second, x.person) << in.thread_id;
    }
    if (!in.external_ref.empty()) {
      auto [r, rf] = inquiry_of_ref.emplace(in.external_ref, x.inquiry);
      EXPECT_EQ(r->second, x.inquiry) << in.external_ref;
    }
    EXPECT_TRUE(absl::StartsWith(x.person, "P")) << x.person;
    EXPECT_TRUE(absl::StartsWith(x.inquiry, "Q")) << x.inquiry;
    if (!x.linkable) ++unlinkable;
  }
  const double share = static_cast<double>(unlinkable) / s.interactions.size();
  EXPECT_GT(share, 0.01);
  EXPECT_LT(share, 0.10);
  EXPECT_EQ(unlinkable, s.stats.unlinkable);
  EXPECT_GT(s.stats.resolved_inquiries, s.stats.inquiries / 3);
}

// Linkable truth: a linkable interaction shares an address, a reply or a
// thread, directly or through others, with the rest of its person's
// linkable interactions; an unlinkable one shares none with them.
TEST(SimulatorTest, LinkableMeansConnected) {
  const Simulation& s = Default();
  std::map<std::string, std::vector<size_t>> by_person;
  for (size_t i = 0; i < s.interactions.size(); ++i) {
    by_person[s.interactions[i].person].push_back(i);
  }
  int checked = 0;
  for (const auto& [person, items] : by_person) {
    // Union-find over this person's interactions by shared keys. Mentions
    // in text are not parsed here, so linkable ones may stay apart; the
    // unlinkable ones must not touch the linkable through structured keys.
    std::vector<int> parent(items.size());
    for (size_t i = 0; i < items.size(); ++i) parent[i] = static_cast<int>(i);
    std::function<int(int)> find = [&](int x) {
      return parent[x] == x ? x : parent[x] = find(parent[x]);
    };
    std::map<std::string, int> owner;
    auto key = [&](const std::string& k, int i) {
      auto [it, fresh] = owner.emplace(k, i);
      if (!fresh) parent[find(i)] = find(it->second);
    };
    for (size_t i = 0; i < items.size(); ++i) {
      const Interaction& in = s.interactions[items[i]].interaction;
      key(Canonical(in.contact, in.region), static_cast<int>(i));
      for (const Identity& id : in.identities) {
        key(Canonical(id, in.region), static_cast<int>(i));
      }
      if (!in.thread_id.empty()) key("T" + in.thread_id, static_cast<int>(i));
      if (!in.reply_to.empty()) key("I" + in.reply_to, static_cast<int>(i));
      key("I" + in.id, static_cast<int>(i));
    }
    for (size_t i = 0; i < items.size(); ++i) {
      for (size_t j = i + 1; j < items.size(); ++j) {
        const bool li = s.interactions[items[i]].linkable;
        const bool lj = s.interactions[items[j]].linkable;
        if (li != lj &&
            find(static_cast<int>(i)) == find(static_cast<int>(j))) {
          ADD_FAILURE() << person << ": "
                        << s.interactions[items[i]].interaction.id << " and "
                        << s.interactions[items[j]].interaction.id
                        << " share a key but differ in linkable";
        }
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 0);
}

TEST(SimulatorTest, NoAddressSharedByTwoPeopleButTheFamilyLandline) {
  const Simulation& s = Default();
  std::set<std::string> own;
  for (const Identity& id : s.own_identities) own.insert(Canonical(id, ""));
  absl::flat_hash_map<std::string, std::string> person_of;
  std::set<std::pair<std::string, std::string>> shared_phones;
  for (const auto& x : s.interactions) {
    std::vector<Identity> ids = x.interaction.identities;
    ids.push_back(x.interaction.contact);
    for (const Identity& id : ids) {
      const std::string k = Canonical(id, x.interaction.region);
      EXPECT_EQ(own.count(k), 0u) << "own identity as a customer's: " << k;
      auto [it, fresh] = person_of.emplace(k, x.person);
      if (it->second == x.person) continue;
      if (id.kind == IdentityKind::kPhone) {
        shared_phones.insert(std::minmax(it->second, x.person));
      } else {
        ADD_FAILURE() << k << " used by " << it->second << " and " << x.person;
      }
    }
  }
  // Shared phones are households: few.
  EXPECT_LT(shared_phones.size(), static_cast<size_t>(kCustomers / 20));
}

TEST(SimulatorTest, TrapBrandHandleAndHotlineInMessages) {
  const Simulation& s = Default();
  bool own_twitter = false;
  for (const Identity& id : s.own_identities) {
    if (id.kind == IdentityKind::kTwitter && id.value == "@AcmeCare") {
      own_twitter = true;
    }
  }
  EXPECT_TRUE(own_twitter);
  std::vector<std::string> hotlines;
  for (const Identity& id : s.own_identities) {
    if (id.kind == IdentityKind::kPhone) hotlines.push_back(PhoneKey(id.value));
  }
  int leading = 0, tweets = 0, hotline = 0;
  for (const auto& x : s.interactions) {
    const Interaction& in = x.interaction;
    if (in.direction != Direction::kInbound) continue;
    if (in.channel == Channel::kTwitter) {
      ++tweets;
      if (absl::StartsWith(in.text, "@AcmeCare ")) ++leading;
    }
    const std::string digits = Digits(in.text);
    for (const std::string& h : hotlines) {
      if (digits.find(h) != std::string::npos) {
        ++hotline;
        break;
      }
    }
  }
  EXPECT_GT(leading, tweets / 4);
  EXPECT_GT(hotline, static_cast<int>(s.interactions.size() / 100));
}

TEST(SimulatorTest, TrapFamilyLandline) {
  // Different people calling from the same number, each with their own
  // account.
  const Simulation& s = Default();
  std::map<std::string, std::map<std::string, std::set<std::string>>> accounts;
  for (const auto& x : s.interactions) {
    const Interaction& in = x.interaction;
    if (in.channel != Channel::kVoice ||
        in.contact.kind != IdentityKind::kPhone)
      continue;
    for (const Identity& id : in.identities) {
      if (id.kind == IdentityKind::kAccount) {
        accounts[E164(in.contact, in.region)][x.person].insert(
            Canonical(id, ""));
      }
    }
  }
  int families = 0;
  for (const auto& [phone, people] : accounts) {
    if (people.size() < 2) continue;
    std::set<std::string> all;
    size_t total = 0;
    for (const auto& [person, accts] : people) {
      all.insert(accts.begin(), accts.end());
      total += accts.size();
    }
    EXPECT_EQ(all.size(), total) << "two people with one account on " << phone;
    ++families;
  }
  EXPECT_GT(families, 0);
  EXPECT_GT(s.stats.landline_sharers, 0);
}

TEST(SimulatorTest, TrapNamesakes) {
  const Simulation& s = Default();
  std::map<std::string, std::set<std::string>> people_of_name;
  for (const auto& x : s.interactions) {
    const std::string& name = x.interaction.display_name;
    if (name.find(' ') == std::string::npos) continue;
    people_of_name[absl::AsciiStrToLower(name)].insert(x.person);
  }
  int shared = 0;
  for (const auto& [name, people] : people_of_name) shared += people.size() > 1;
  EXPECT_GT(shared, 5);
  EXPECT_GT(s.stats.namesakes, 0);
}

struct InquirySpan {
  std::string person, matter;
  absl::Time first = absl::InfiniteFuture(), last = absl::InfinitePast();
  absl::Time resolved = absl::InfiniteFuture();
};

std::map<std::string, InquirySpan> Spans(const Simulation& s) {
  std::map<std::string, InquirySpan> spans;
  for (const auto& x : s.interactions) {
    InquirySpan& span = spans[x.inquiry];
    span.person = x.person;
    span.matter = x.matter;
    span.first = std::min(span.first, x.interaction.occurred_at);
    span.last = std::max(span.last, x.interaction.occurred_at);
    if (x.interaction.disposition == Disposition::kResolved) {
      span.resolved = std::min(span.resolved, x.interaction.occurred_at);
    }
  }
  return spans;
}

TEST(SimulatorTest, TrapSameMatterWeeksAfterResolution) {
  const Simulation& s = Default();
  std::map<std::string, std::vector<InquirySpan>> by_person;
  for (const auto& [id, span] : Spans(s)) {
    by_person[span.person].push_back(span);
  }
  int repeats = 0;
  for (auto& [person, spans] : by_person) {
    for (const InquirySpan& a : spans) {
      for (const InquirySpan& b : spans) {
        if (&a != &b && a.matter == b.matter && a.resolved < b.first &&
            b.first - a.resolved > absl::Hours(24 * 14)) {
          ++repeats;
        }
      }
    }
  }
  EXPECT_GT(repeats, 0);
  EXPECT_GT(s.stats.repeat_inquiries, 0);
}

TEST(SimulatorTest, TrapTwoInquiriesOpenAtOnce) {
  const Simulation& s = Default();
  std::map<std::string, std::vector<InquirySpan>> by_person;
  for (const auto& [id, span] : Spans(s)) {
    by_person[span.person].push_back(span);
  }
  int overlapping = 0;
  for (auto& [person, spans] : by_person) {
    for (size_t i = 0; i < spans.size(); ++i) {
      for (size_t j = 0; j < spans.size(); ++j) {
        const InquirySpan& a = spans[i];
        const InquirySpan& b = spans[j];
        if (i != j && a.matter != b.matter && a.first < b.first &&
            b.first < a.last && a.resolved > b.first) {
          ++overlapping;
        }
      }
    }
  }
  EXPECT_GT(overlapping, 10);
  EXPECT_GT(s.stats.concurrent_inquiries, 0);
}

TEST(SimulatorTest, TrapTwoOutageWaves) {
  const Simulation& s = Default();
  std::map<std::string, std::set<std::string>> people;
  std::map<std::string, absl::Time> first, last;
  std::map<std::string, std::pair<int, int>> opening;  // public, all
  std::set<std::string> opened;
  for (const auto& x : s.interactions) {
    if (x.incident.empty()) continue;
    people[x.incident].insert(x.person);
    const absl::Time t = x.interaction.occurred_at;
    if (!first.count(x.incident) || t < first[x.incident]) {
      first[x.incident] = t;
    }
    if (!last.count(x.incident) || t > last[x.incident]) last[x.incident] = t;
    if (opened.insert(x.inquiry).second) {
      auto& [pub, all] = opening[x.incident];
      pub += IsPublicChannel(x.interaction.channel);
      ++all;
    }
  }
  ASSERT_EQ(people.size(), 2u);
  for (const auto& [incident, who] : people) {
    const double share = static_cast<double>(who.size()) / kCustomers;
    EXPECT_GT(share, 0.025) << incident;
    EXPECT_LT(share, 0.06) << incident;
    // All complaints within hours of one another, the replies within a day.
    EXPECT_LT(last[incident] - first[incident], absl::Hours(30)) << incident;
    EXPECT_GT(opening[incident].first * 2, opening[incident].second)
        << incident;
  }
  EXPECT_LT(first["INC1"], first["INC2"]);

  SimulatorOptions options;
  options.customers = 500;
  options.outages = false;
  for (const auto& x : Simulate(options).interactions) {
    EXPECT_TRUE(x.incident.empty());
  }
}

TEST(SimulatorTest, EvidenceOfLinking) {
  // Agents capture identities on calls, pre-chat forms give emails, people
  // write their addresses into messages.
  const Simulation& s = Default();
  int captured_on_calls = 0, prechat = 0, written = 0;
  for (const auto& x : s.interactions) {
    const Interaction& in = x.interaction;
    if (in.channel == Channel::kVoice && !in.identities.empty()) {
      ++captured_on_calls;
    }
    for (const Identity& id : in.identities) {
      if (in.channel == Channel::kWebChat && id.kind == IdentityKind::kEmail) {
        ++prechat;
        break;
      }
    }
    if (in.direction == Direction::kInbound &&
        (in.text.find('@') != std::string::npos &&
         in.text.find(".com") != std::string::npos)) {
      ++written;
    }
  }
  EXPECT_GT(captured_on_calls, 50);
  EXPECT_GT(prechat, 50);
  EXPECT_GT(written, 20);
}

TEST(SimulatorTest, WithheldCallersOnlyWhenAsked) {
  SimulatorOptions options;
  options.customers = 2000;
  auto placeholders = [](const Simulation& s) {
    int n = 0;
    for (const auto& x : s.interactions) {
      if (x.interaction.contact.kind == IdentityKind::kPhone &&
          Digits(x.interaction.contact.value).empty()) {
        ++n;
      }
    }
    return n;
  };
  EXPECT_EQ(placeholders(Simulate(options)), 0);
  options.withheld_calls = true;
  EXPECT_GT(placeholders(Simulate(options)), 0);
}

TEST(SimulatorTest, PhoneNumbersParseInEveryFormat) {
  // Every contact number, in whatever format, reads as a valid number with
  // the interaction's region; captured ones may carry an agent's typo.
  const Simulation& s = Default();
  int captured = 0, bad_captured = 0;
  for (const auto& x : s.interactions) {
    const Interaction& in = x.interaction;
    if (in.contact.kind == IdentityKind::kPhone ||
        in.contact.kind == IdentityKind::kWhatsapp) {
      EXPECT_FALSE(E164(in.contact, in.region).empty())
          << in.id << " " << in.contact.value << " " << in.region;
    }
    for (const Identity& id : in.identities) {
      if (id.kind != IdentityKind::kPhone) continue;
      ++captured;
      if (E164(id, in.region).empty()) ++bad_captured;
    }
  }
  EXPECT_GT(captured, 0);
  EXPECT_LT(bad_captured, captured / 10);
}

TEST(SimulatorTest, RegionSetForNationalPhoneNumbers) {
  const Simulation& s = Default();
  for (const auto& x : s.interactions) {
    const Identity& c = x.interaction.contact;
    if (c.kind != IdentityKind::kPhone) continue;
    const bool international =
        absl::StartsWith(c.value, "+") || absl::StartsWith(c.value, "(+");
    if (!international) {
      EXPECT_FALSE(x.interaction.region.empty())
          << x.interaction.id << " " << c.value;
    }
  }
}

}  // namespace
}  // namespace threadline::sim
