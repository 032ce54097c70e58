// Queries: event filters, documents by id, statistics (sums, ranges, approximate flags, parts
// not double-counted, documents behind each figure) and runs.
#include "store/query.h"

#include <gtest/gtest.h>

#include "store/format.h"
#include "store_fixture.h"

namespace evident::store {
namespace {

using lexicon::EventType;
using lexicon::Role;
using testing::MakeDoc;
using testing::MakeEvent;
using testing::StoreTest;

// Four invented reports (fictional places, country codes VH and LK stand for two countries).
class QueryTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    store_ = OpenOrDie();
    ASSERT_TRUE(store_->BeginRun("[]", "[]").ok());
    std::string t1 = "Police in Varnholm detained at least 20 protesters after a rally of 300 people.";
    Add(MakeDoc(
        "r1", t1,
        {MakeEvent(t1, EventType::kArrest, "detained",
                   {{Role::kArrested, 20, 20, std::nullopt, true, "at least 20 protesters"}}, "VH", "2024-02-26"),
         MakeEvent(t1, EventType::kProtest, "rally", {{Role::kParticipants, 300, 300, 300, false, "300 people"}}, "VH",
                   "2024-02-26")}));
    std::string t2 = "Hundreds were arrested in Lorvik; a court later jailed 12 of them.";
    auto jailed = MakeEvent(t2, EventType::kSentence, "jailed", {{Role::kJailed, 12, 12, 12, false, "12 of them"}},
                            "LK", "2024-03-05");
    jailed.part_of = 0;
    Add(MakeDoc("r2", t2,
                {MakeEvent(t2, EventType::kArrest, "arrested",
                           {{Role::kArrested, std::nullopt, 200, 999, true, "Hundreds"}}, "LK", "2024-03-01"),
                 jailed}));
    // An individual victim restated as part of the stated toll: not added twice.
    std::string t3 = "Three people were killed in Varnholm, among them a teacher, 41.";
    auto victim = MakeEvent(t3, EventType::kAssault, "killed", {{Role::kKilled, 1, 1, 1, false, "a teacher"}}, "VH",
                            "2024-03-10");
    victim.part_of = 0;
    Add(MakeDoc("r3", t3,
                {MakeEvent(t3, EventType::kAssault, "killed", {{Role::kKilled, 3, 3, 3, false, "Three people"}}, "VH",
                           "2024-03-10"),
                 victim}));
    std::string t4 = "Police did not arrest the 50 marchers in Varnholm.";
    auto negated = MakeEvent(t4, EventType::kArrest, "arrest",
                             {{Role::kArrested, 50, 50, 50, false, "the 50 marchers"}}, "VH", "2024-03-12");
    negated.status = events::EventStatus::kNegated;
    Add(MakeDoc("r4", t4, {negated}));
    ASSERT_TRUE(store_->FinishRun().ok());
  }

  void Add(const pipeline::CodedDocument& cd) {
    auto outcome = store_->Add(cd, ContentHash(cd));
    ASSERT_TRUE(outcome.ok()) << outcome.status().ToString();
  }

  std::vector<std::string> Ids(EventFilter f) {
    EXPECT_TRUE(NormalizeFilter(&f).ok());
    std::vector<std::string> ids;
    Status s =
        ForEachEvent(store_->db(), f, [&](const EventRecord& e) { ids.push_back(e.source_id + "/" + e.event_id); });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return ids;
  }

  std::unique_ptr<Store> store_;
};

using V = std::vector<std::string>;

TEST_F(QueryTest, DefaultListsHappenedEventsInDocumentOrder) {
  EXPECT_EQ(Ids({}), (V{"r1/e1", "r1/e2", "r2/e1", "r2/e2", "r3/e1", "r3/e2"}));
  EventFilter all;
  all.statuses.clear();
  EXPECT_EQ(Ids(all).size(), 7u);
  EventFilter negated;
  negated.statuses = {"NEGATED"};
  EXPECT_EQ(Ids(negated), (V{"r4/e1"}));
}

TEST_F(QueryTest, FiltersByTypeCountryAndDates) {
  EventFilter f;
  f.types = {"arrest"};
  EXPECT_EQ(Ids(f), (V{"r1/e1", "r2/e1"}));
  f = {};
  f.country = "lk";
  EXPECT_EQ(Ids(f), (V{"r2/e1", "r2/e2"}));
  f = {};
  f.since = "2024-03-01";
  f.until = "2024-03-05";
  EXPECT_EQ(Ids(f), (V{"r2/e1", "r2/e2"}));
  f = {};
  f.until = "2024-02";  // the whole month
  EXPECT_EQ(Ids(f), (V{"r1/e1", "r1/e2"}));
  f = {};
  f.since = "2024";
  EXPECT_EQ(Ids(f).size(), 6u);
}

TEST_F(QueryTest, FiltersByRoleMinimumUsingTheLowBoundOfRanges) {
  EventFilter f;
  f.role = "arrested";
  f.min = 100;
  EXPECT_EQ(Ids(f), (V{"r2/e1"}));  // "Hundreds": low 200
  f.min = 20;
  EXPECT_EQ(Ids(f), (V{"r1/e1", "r2/e1"}));
  f = {};
  f.min = 250;
  EXPECT_EQ(Ids(f), (V{"r1/e2"}));  // any role
}

TEST_F(QueryTest, FiltersByWordsInTheSentence) {
  EventFilter f;
  f.words = {"varnholm", "POLICE"};
  EXPECT_EQ(Ids(f), (V{"r1/e1", "r1/e2"}));
}

TEST_F(QueryTest, FiltersOneDocumentByItsKeyRange) {
  EventFilter f;
  f.doc_id = 2;
  EXPECT_EQ(Ids(f), (V{"r2/e1", "r2/e2"}));
}

TEST_F(QueryTest, RejectsBadFilterValues) {
  EventFilter f;
  f.types = {"RIOT"};
  Status s = NormalizeFilter(&f);
  EXPECT_EQ(s.code(), ErrorCode::kUsage);
  EXPECT_EQ(s.where(), "--type");
  EXPECT_NE(s.message().find("PROTEST"), std::string::npos);
  f = {};
  f.role = "wounded";
  EXPECT_EQ(NormalizeFilter(&f).where(), "--role");
  f = {};
  f.since = "2024-13-01";
  EXPECT_EQ(NormalizeFilter(&f).where(), "--since");
  f = {};
  f.country = "Varnholm";
  EXPECT_EQ(NormalizeFilter(&f).where(), "--country");
  f = {};
  f.statuses = {"maybe"};
  EXPECT_EQ(NormalizeFilter(&f).where(), "--status");
}

TEST_F(QueryTest, RecordsCarryEveryField) {
  EventFilter f;
  f.types = {"PROTEST"};
  std::vector<EventRecord> events;
  ASSERT_TRUE(NormalizeFilter(&f).ok());
  ASSERT_TRUE(ForEachEvent(store_->db(), f, [&](const EventRecord& e) { events.push_back(e); }).ok());
  ASSERT_EQ(events.size(), 1u);
  const EventRecord& e = events[0];
  EXPECT_EQ(e.doc_id, 1);
  EXPECT_EQ(e.trigger.text, "rally");
  EXPECT_EQ(e.sentence.text, "Police in Varnholm detained at least 20 protesters after a rally of 300 people.");
  EXPECT_EQ(e.date_value, "2024-02-26");
  EXPECT_EQ(e.country, "VH");
  EXPECT_EQ(e.plover_event, "PROTEST");
  ASSERT_EQ(e.counts.size(), 1u);
  EXPECT_EQ(e.counts[0].role, "participants");
  EXPECT_EQ(e.counts[0].value, 300);
  EXPECT_EQ(e.counts[0].span.text, "300 people");
}

TEST_F(QueryTest, StatsSumValuesOrLowBoundsAndFlagApproximations) {
  auto rows = Stats(store_->db(), {}, {"type"});
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  auto row = [&](const std::string& type, const std::string& role) -> StatsRow {
    for (const StatsRow& r : *rows)
      if (r.keys == V{type} && r.role == role) return r;
    ADD_FAILURE() << "no row " << type << "/" << role;
    return {};
  };
  // ARREST: 20 ("at least 20", approximate) + 200 (low of "hundreds") over two documents.
  StatsRow arrested = row("ARREST", "arrested");
  EXPECT_EQ(arrested.people, 220);
  EXPECT_TRUE(arrested.approximate);
  EXPECT_EQ(arrested.events, 2);
  EXPECT_EQ(arrested.documents, 2);
  // ASSAULT: 3 killed; the teacher is part of the toll and not added again.
  StatsRow killed = row("ASSAULT", "killed");
  EXPECT_EQ(killed.people, 3);
  EXPECT_FALSE(killed.approximate);
  EXPECT_EQ(killed.events, 1);
  EXPECT_EQ(row("ASSAULT", "").events, 2);
  EXPECT_EQ(row("ASSAULT", "").documents, 1);
  // The negated arrest of 50 is not counted (status happened by default).
  EXPECT_EQ(row("ARREST", "").events, 2);

  std::string table = StatsTable(*rows, {"type"});
  EXPECT_NE(table.find("TYPE      ROLE          EVENTS  PEOPLE  DOCS\n"), std::string::npos) << table;
  EXPECT_NE(table.find("ARREST    arrested           2    ~220     2\n"), std::string::npos) << table;
  EXPECT_NE(table.find("ASSAULT   (events)           2             1\n"), std::string::npos) << table;
  std::string csv = StatsCsv(*rows, {"type"});
  EXPECT_NE(csv.find("type,role,events,people,approximate,documents\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("ARREST,arrested,2,220,1,2\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("ARREST,,2,,,2\n"), std::string::npos) << csv;
}

TEST_F(QueryTest, StatsByCountryAndMonthCountDocumentsBehindEachFigure) {
  auto rows = Stats(store_->db(), {}, {"country", "month", "role"});
  ASSERT_TRUE(rows.ok());
  bool found = false;
  for (const StatsRow& r : *rows) {
    if (r.keys == V{"VH", "2024-03"} && r.role == "killed") {
      found = true;
      EXPECT_EQ(r.people, 3);
      EXPECT_FALSE(r.approximate);
      EXPECT_EQ(r.documents, 1);
    }
    if (r.keys == V{"LK", "2024-03"} && r.role.empty()) {
      EXPECT_EQ(r.events, 2);
      EXPECT_EQ(r.documents, 1);
    }
  }
  EXPECT_TRUE(found);
  auto bad = Stats(store_->db(), {}, {"planet"});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().where(), "--by");
}

TEST_F(QueryTest, DocumentsByDocIdOrSourceId) {
  auto by_number = GetDocument(store_->db(), "2");
  ASSERT_TRUE(by_number.ok());
  EXPECT_EQ(by_number->source_id, "r2");
  auto by_source = GetDocument(store_->db(), "r3");
  ASSERT_TRUE(by_source.ok());
  EXPECT_EQ(by_source->doc_id, 3);
  auto missing = GetDocument(store_->db(), "r9");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kUsage);
}

TEST_F(QueryTest, RunsAndTotals) {
  auto runs = ListRuns(store_->db());
  ASSERT_TRUE(runs.ok());
  ASSERT_EQ(runs->size(), 1u);
  EXPECT_EQ((*runs)[0].read, 4);
  EXPECT_EQ((*runs)[0].stored, 4);
  EXPECT_EQ((*runs)[0].events, 7);
  EXPECT_FALSE((*runs)[0].finished.empty());
  auto totals = Totals(store_->db());
  ASSERT_TRUE(totals.ok());
  EXPECT_EQ(totals->documents, 4);
  EXPECT_EQ(totals->events, 7);
}

}  // namespace
}  // namespace evident::store
