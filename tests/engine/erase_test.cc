// Engine::Erase: the right to be forgotten. After it nothing of the customer
// is found, the same identity makes a new customer, other customers are
// untouched, and no byte of their data stays in the store's files.
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/engine_dump.h"
#include "engine/sim_data.h"
#include "gtest/gtest.h"
#include "threadline/engine.h"
#include "threadline/store.h"

namespace threadline {
namespace {

using testing_dump::DumpCase;
using testing_dump::DumpCustomer;
using testing_dump::DumpEngine;

const absl::Time kNow =
    absl::FromCivil(absl::CivilDay(2026, 4, 1), absl::UTCTimeZone());

// Everything the API says about one customer.
std::string DumpOne(const Engine& engine, const std::string& id) {
  std::string out;
  absl::StatusOr<Customer> c = engine.GetCustomer(id);
  if (!c.ok()) return c.status().ToString();
  DumpCustomer(*c, &out);
  const auto cases = engine.CasesOf(id);
  const auto timeline = engine.Timeline(id);
  const auto merges = engine.Merges(id);
  if (!cases.ok() || !timeline.ok() || !merges.ok()) return "lookup failed";
  for (const Case& k : *cases) DumpCase(k, &out);
  for (const TimelineEntry& e : *timeline) {
    absl::StrAppend(&out, e.interaction_id, " ", e.case_id, " ", e.text, "\n");
  }
  for (const MergeRecord& m : *merges) {
    absl::StrAppend(&out, m.id, " ", m.survivor_id, " ", m.absorbed_id, "\n");
  }
  return out;
}

class EraseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    data_ = testing_sim::SimInteractions(150, 11);
    char dir[] = "/tmp/threadline-erase-XXXXXX";
    ASSERT_NE(mkdtemp(dir), nullptr);
    dir_ = dir;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Engine> Open(std::shared_ptr<Store> store,
                               std::string journal_dir = "") {
    EngineOptions options;
    options.own_identities = testing_sim::SimOwnIdentities(11);
    options.clock = std::make_shared<ManualClock>(kNow);
    options.store = std::move(store);
    options.journal_dir = std::move(journal_dir);
    absl::StatusOr<std::unique_ptr<Engine>> engine = Engine::Open(options);
    EXPECT_TRUE(engine.ok()) << engine.status();
    return engine.ok() ? *std::move(engine) : nullptr;
  }

  void Feed(Engine& engine) {
    for (const auto& r : engine.IngestBatch(data_)) ASSERT_TRUE(r.ok());
  }

  // A customer with an email, several interactions and, made here, a
  // customer merged into it.
  std::string PickCustomer(Engine& engine, std::string* email) {
    for (int n = 1; n < 400; ++n) {
      const std::string id = absl::StrCat("c-", n);
      absl::StatusOr<Customer> c = engine.GetCustomer(id);
      if (!c.ok() || c->id != id) continue;
      absl::StatusOr<std::vector<TimelineEntry>> t = engine.Timeline(id);
      if (!t.ok() || t->size() < 4) continue;
      for (const CustomerIdentity& i : c->identities) {
        if (i.identity.kind == IdentityKind::kEmail) {
          *email = i.identity.value;
          return id;
        }
      }
    }
    return "";
  }

  std::vector<std::string> Ids() const {
    std::vector<std::string> ids;
    for (const Interaction& in : data_) ids.push_back(in.id);
    return ids;
  }

  std::vector<Interaction> data_;
  std::string dir_;
};

TEST_F(EraseTest, NothingOfTheCustomerRemainsAndOthersAreUntouched) {
  std::unique_ptr<Engine> engine = Open(OpenMemoryStore());
  Feed(*engine);
  std::string email;
  const std::string id = PickCustomer(*engine, &email);
  ASSERT_FALSE(id.empty());
  // Merge another customer into it: erasing the survivor erases both.
  std::string other;
  for (int n = 1; other.empty(); ++n) {
    const std::string o = absl::StrCat("c-", n);
    absl::StatusOr<Customer> c = engine->GetCustomer(o);
    if (c.ok() && c->id == o && o != id) other = o;
  }
  absl::StatusOr<MergeRecord> merge = engine->Merge(id, other);
  ASSERT_TRUE(merge.ok()) << merge.status();
  const std::string survivor = merge->survivor_id;

  const Customer before = *engine->GetCustomer(survivor);
  const std::vector<Case> cases = *engine->CasesOf(survivor);
  const std::vector<TimelineEntry> timeline = *engine->Timeline(survivor);
  const EngineStats stats = engine->Stats();
  std::map<std::string, std::string> others;
  for (int n = 1; n < 400; ++n) {
    const std::string o = absl::StrCat("c-", n);
    absl::StatusOr<Customer> c = engine->GetCustomer(o);
    if (c.ok() && c->id == o && o != survivor) others[o] = DumpOne(*engine, o);
  }
  ASSERT_GT(others.size(), 50u);

  absl::StatusOr<ErasureReport> report = engine->Erase(id);
  ASSERT_TRUE(report.ok()) << report.status();
  std::set<std::string> erased(report->customer_ids.begin(),
                               report->customer_ids.end());
  EXPECT_EQ(report->customer_ids.front(), survivor);
  EXPECT_TRUE(erased.count(id) && erased.count(other));
  EXPECT_EQ(report->identities, before.identities.size());
  EXPECT_EQ(report->interactions, timeline.size());
  EXPECT_EQ(report->cases, cases.size());

  for (const std::string& e : erased) {
    EXPECT_EQ(engine->GetCustomer(e).status().code(), absl::StatusCode::kNotFound);
    EXPECT_EQ(engine->CasesOf(e).status().code(), absl::StatusCode::kNotFound);
    EXPECT_EQ(engine->Timeline(e).status().code(), absl::StatusCode::kNotFound);
    EXPECT_EQ(engine->Merges(e).status().code(), absl::StatusCode::kNotFound);
    EXPECT_EQ(engine->Merge(e, "c-1").status().code(),
              absl::StatusCode::kNotFound);
  }
  EXPECT_EQ(engine->Erase(id).status().code(), absl::StatusCode::kNotFound);
  for (const CustomerIdentity& i : before.identities) {
    EXPECT_EQ(engine->FindCustomer(i.identity).status().code(),
              absl::StatusCode::kNotFound)
        << IdentityToString(i.identity);
  }
  for (const Case& k : cases) {
    EXPECT_EQ(engine->GetCase(k.id).status().code(), absl::StatusCode::kNotFound);
    EXPECT_EQ(engine->Context(k.id).status().code(), absl::StatusCode::kNotFound);
  }
  for (const TimelineEntry& t : timeline) {
    EXPECT_EQ(engine->LinkageOf(t.interaction_id).status().code(),
              absl::StatusCode::kNotFound);
  }
  const EngineStats after = engine->Stats();
  EXPECT_EQ(after.interactions, stats.interactions - timeline.size());
  EXPECT_EQ(after.customers, stats.customers - 1);
  EXPECT_EQ(after.identities, stats.identities - before.identities.size());

  // Everyone else answers exactly as before.
  for (const auto& [o, dump] : others) EXPECT_EQ(DumpOne(*engine, o), dump) << o;

  // The same email again is a new customer.
  Interaction again;
  again.id = "after-erasure";
  again.occurred_at = kNow;
  again.channel = Channel::kEmail;
  again.direction = Direction::kInbound;
  again.contact = {IdentityKind::kEmail, email};
  again.text = "Hello, I am writing about my bill";
  absl::StatusOr<Linkage> l = engine->Ingest(again);
  ASSERT_TRUE(l.ok()) << l.status();
  EXPECT_EQ(erased.count(l->customer_id), 0u) << l->customer_id;
  absl::StatusOr<Customer> fresh = engine->GetCustomer(l->customer_id);
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->identities.size(), 1u);
  EXPECT_EQ(engine->Timeline(l->customer_id)->size(), 1u);
}

TEST_F(EraseTest, TheJournalKeepsNoByteOfTheErasedCustomer) {
  std::vector<TimelineEntry> timeline;
  std::string email, text_of_others;
  std::string dump;
  {
    std::unique_ptr<Engine> engine = Open(nullptr, dir_);
    Feed(*engine);
    const std::string id = PickCustomer(*engine, &email);
    ASSERT_FALSE(id.empty());
    timeline = *engine->Timeline(id);
    ASSERT_TRUE(engine->Erase(id).ok());
    for (int n = 1; n < 400; ++n) {
      absl::StatusOr<std::vector<TimelineEntry>> t =
          engine->Timeline(absl::StrCat("c-", n));
      if (!t.ok()) continue;
      for (const TimelineEntry& e : *t) absl::StrAppend(&text_of_others, e.text, "\n");
    }
    dump = DumpEngine(*engine, Ids());
  }
  // Texts only this customer wrote, and their email: in no file.
  std::vector<std::string> secrets = {email};
  for (const TimelineEntry& e : timeline) {
    if (e.text.size() >= 20 && text_of_others.find(e.text) == std::string::npos) {
      secrets.push_back(e.text);
    }
  }
  ASSERT_GE(secrets.size(), 3u);
  int files = 0;
  for (const auto& f : std::filesystem::recursive_directory_iterator(dir_)) {
    if (!f.is_regular_file()) continue;
    ++files;
    std::ifstream in(f.path(), std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)),
                            std::istreambuf_iterator<char>());
    for (const std::string& s : secrets) {
      EXPECT_EQ(bytes.find(s), std::string::npos)
          << f.path() << " holds \"" << s << "\"";
    }
  }
  EXPECT_GT(files, 0);
  // And the journal opens to the same state, erasure included.
  std::unique_ptr<Engine> reopened = Open(nullptr, dir_);
  EXPECT_EQ(DumpEngine(*reopened, Ids()), dump);
}

}  // namespace
}  // namespace threadline
