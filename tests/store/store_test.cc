// Store: schema creation and version checks, exactly-once adds (duplicates, rejected and
// failed documents), batches and their atomicity, locked databases.
#include "store/store.h"

#include <gtest/gtest.h>

#include <fstream>

#include "store/format.h"
#include "store/query.h"
#include "store/schema.h"
#include "store_fixture.h"

namespace evident::store {
namespace {

using lexicon::EventType;
using lexicon::Role;
using testing::Failed;
using testing::MakeDoc;
using testing::Find;
using testing::MakeEvent;
using testing::Rejected;
using testing::Scalar;
using testing::StoreTest;

TEST(ContentHash, IsFnv1aOfTheTextAsHex) {
  EXPECT_EQ(Fnv1a64(""), 14695981039346656037ull);
  EXPECT_EQ(Fnv1a64("a"), 0xaf63dc4c8601ec8cull);  // the published FNV-1a 64 test vector
  pipeline::CodedDocument cd = MakeDoc("1", "a");
  EXPECT_EQ(ContentHash(cd), "af63dc4c8601ec8c");
  // The id does not matter: the same text is the same document.
  EXPECT_EQ(ContentHash(MakeDoc("other", "a")), "af63dc4c8601ec8c");
}

TEST(ContentHash, RejectedDocumentsAlsoHashTheirOrigin) {
  auto a = Rejected("a.txt", ErrorCode::kEmptyDocument, "empty");
  auto b = Rejected("b.txt", ErrorCode::kEmptyDocument, "empty");
  EXPECT_NE(ContentHash(a), ContentHash(b));
  EXPECT_EQ(ContentHash(a), ContentHash(Rejected("a.txt", ErrorCode::kEmptyDocument, "empty")));
  EXPECT_NE(ContentHash(a), ContentHash(MakeDoc("a.txt", "")));
}

TEST_F(StoreTest, CreatesTheSchemaAtTheCurrentVersion) {
  auto store = OpenOrDie();
  ASSERT_TRUE(store);
  auto version = ReadSchemaVersion(store->db());
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, kSchemaVersion);
  for (const char* table : {"documents", "events", "counts", "checks", "runs", "schema_version"}) {
    EXPECT_EQ(Scalar(store->db(), std::string("SELECT count(*) FROM sqlite_schema WHERE name = '") + table + "'"), "1")
        << table;
  }
  EXPECT_EQ(Scalar(store->db(), "PRAGMA journal_mode"), "wal");
  // Opening again changes nothing.
  store.reset();
  store = OpenOrDie();
  EXPECT_EQ(Scalar(store->db(), "SELECT count(*) FROM schema_version"), std::to_string(kSchemaVersion));
}

TEST_F(StoreTest, RefusesANewerSchemaVersion) {
  {
    auto store = OpenOrDie();
    ASSERT_TRUE(store->db()
                    .Exec("INSERT INTO schema_version VALUES (" + std::to_string(kSchemaVersion + 1) + ", 'later')")
                    .ok());
  }
  OpenOptions options;
  auto store = Store::Open(db_path_, options);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().where(), db_path_);
  EXPECT_NE(store.status().message().find("schema version " + std::to_string(kSchemaVersion + 1) + ", newer"),
            std::string::npos)
      << store.status().message();
}

// Schema 2 keeps the event's place in full: subdivision, coordinates, GeoNames id, precision
// and basis, read back by the queries.
TEST_F(StoreTest, StoresTheEventsPlaceInFull) {
  auto store = OpenOrDie();
  ASSERT_TRUE(store->BeginRun("[]", "[\"in.jsonl\"]").ok());
  std::string text = "Police in Varnholm detained 14 people.";
  events::Event e = MakeEvent(text, EventType::kArrest, "detained", {}, "VH");
  e.location->span = Span{10, 18};
  e.location->name = "Varnholm";
  e.location->admin1_code = "VH-01";
  e.location->admin1_name = "North Province";
  e.location->lat = 48.8534;
  e.location->lon = -2.348801;
  e.location->has_coordinates = true;
  e.location->geonames_id = 2988507;
  e.location->precision = "city";
  e.location->basis = "same sentence";
  auto cd = MakeDoc("a", text, {e});
  ASSERT_TRUE(store->Add(cd, ContentHash(cd)).ok());
  ASSERT_TRUE(store->FinishRun().ok());
  std::vector<EventRecord> got;
  ASSERT_TRUE(ForEachEvent(store->db(), EventFilter{}, [&](const EventRecord& r) { got.push_back(r); }).ok());
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].location_name, "Varnholm");
  EXPECT_EQ(got[0].location_admin1_code, "VH-01");
  EXPECT_EQ(got[0].location_admin1_name, "North Province");
  ASSERT_TRUE(got[0].location_lat.has_value());
  EXPECT_DOUBLE_EQ(*got[0].location_lat, 48.8534);
  EXPECT_DOUBLE_EQ(*got[0].location_lon, -2.348801);
  EXPECT_EQ(got[0].location_geonames_id, 2988507);
  EXPECT_EQ(got[0].location_precision, "city");
  EXPECT_EQ(got[0].location_basis, "same sentence");
}

// An event only the title states keeps its spans into the title: the stored trigger and
// count text, the sentence the queries cut out, and `from`, are the title's.
TEST_F(StoreTest, KeepsTheTitleAsTheEvidenceOfATitleEvent) {
  auto store = OpenOrDie();
  ASSERT_TRUE(store->BeginRun("[]", "[\"in.jsonl\"]").ok());
  std::string title = "Four hurt in Varnholm shooting";
  std::string text = "Subscribe to read the full story. Already a subscriber? Log in.";
  events::Event e = MakeEvent(title, EventType::kAssault, "shooting", {{Role::kInjured, 4, 4, 4, false, "Four"}});
  e.from_title = true;
  e.location.emplace();
  e.location->span = Find(title, "Varnholm");
  e.location->name = "Varnholm";
  e.location->basis = "title";
  auto cd = MakeDoc("t", text, {e});
  cd.doc.title = title;
  ASSERT_TRUE(store->Add(cd, ContentHash(cd)).ok());
  ASSERT_TRUE(store->FinishRun().ok());
  std::vector<EventRecord> got;
  ASSERT_TRUE(ForEachEvent(store->db(), EventFilter{}, [&](const EventRecord& r) { got.push_back(r); }).ok());
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].evidence_from, "title");
  EXPECT_EQ(got[0].trigger.text, "shooting");
  EXPECT_EQ(got[0].sentence.text, title);
  EXPECT_EQ(got[0].location.text, "Varnholm");
  ASSERT_EQ(got[0].counts.size(), 1u);
  EXPECT_EQ(got[0].counts[0].span.text, "Four");
  std::string csv = EventsCsvHeader();
  AppendEventCsv(got[0], &csv);
  EXPECT_NE(csv.find(",from,trigger,sentence\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find(",title,shooting,Four hurt in Varnholm shooting\n"), std::string::npos) << csv;
}

// A store written by schema 1 is upgraded in place: its events stay, without the new place
// fields, and new events get them.
TEST_F(StoreTest, UpgradesASchemaOneStore) {
  std::string text = "Police in Varnholm detained 14 people.";
  {
    auto store = OpenOrDie();
    ASSERT_TRUE(store->BeginRun("[]", "[\"in.jsonl\"]").ok());
    auto cd = MakeDoc("old", text, {MakeEvent(text, EventType::kArrest, "detained", {}, "VH")});
    ASSERT_TRUE(store->Add(cd, ContentHash(cd)).ok());
    ASSERT_TRUE(store->FinishRun().ok());
    // Back to schema 1: the columns of migrations 2 and 3 dropped, their version rows removed.
    Database& db = store->db();
    for (const char* column : {"location_admin1_code", "location_admin1_name", "location_lat", "location_lon",
                               "location_geonames_id", "location_precision", "location_basis", "evidence_from"}) {
      ASSERT_TRUE(db.Exec(std::string("ALTER TABLE events DROP COLUMN ") + column).ok()) << column;
    }
    ASSERT_TRUE(db.Exec("DELETE FROM schema_version WHERE version >= 2").ok());
  }
  auto store = OpenOrDie();
  ASSERT_TRUE(store);
  EXPECT_EQ(Scalar(store->db(), "SELECT max(version) FROM schema_version"), "3");
  EXPECT_EQ(Scalar(store->db(), "SELECT count(*) FROM events WHERE location_precision IS NULL"), "1");
  // The old event's spans are into its text.
  EXPECT_EQ(Scalar(store->db(), "SELECT evidence_from FROM events"), "text");
  std::string text2 = "Police in Kellmar detained 9 people.";
  events::Event e = MakeEvent(text2, EventType::kArrest, "detained", {}, "VH");
  e.location->precision = "country";
  e.location->basis = "document";
  ASSERT_TRUE(store->BeginRun("[]", "[\"in.jsonl\"]").ok());
  auto cd = MakeDoc("new", text2, {e});
  ASSERT_TRUE(store->Add(cd, ContentHash(cd)).ok());
  ASSERT_TRUE(store->FinishRun().ok());
  EXPECT_EQ(Scalar(store->db(), "SELECT group_concat(coalesce(location_basis, '-'), ',') FROM events"), "-,document");
}

TEST_F(StoreTest, MigratesFromVersionZero) {
  {
    // A database whose schema_version table exists but is empty (created by hand, or a
    // migration interrupted before its first version) is at version 0.
    auto db = Database::Open(db_path_, {.create = true});
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)").ok());
  }
  auto store = OpenOrDie();
  ASSERT_TRUE(store);
  EXPECT_EQ(Scalar(store->db(), "SELECT max(version) FROM schema_version"), std::to_string(kSchemaVersion));
}

TEST_F(StoreTest, RefusesAForeignDatabaseAndAMissingFile) {
  {
    auto db = Database::Open(db_path_, {.create = true});
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->Exec("CREATE TABLE notes (x TEXT)").ok());
  }
  auto store = Store::Open(db_path_, {});
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not an evident database"), std::string::npos) << store.status().message();

  auto missing = Store::Open((dir_ / "none.db").string(), {});
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("evident ingest"), std::string::npos) << missing.status().message();

  std::string junk = (dir_ / "junk.db").string();
  { std::ofstream(junk) << "this is not a database file, just text that is long enough to have a header"; }
  auto not_db = Store::Open(junk, {});
  ASSERT_FALSE(not_db.ok());
  EXPECT_NE(not_db.status().message().find("not an SQLite database"), std::string::npos) << not_db.status().message();
}

TEST_F(StoreTest, StoresDocumentsEventsCountsAndSkipsDuplicates) {
  auto store = OpenOrDie();
  ASSERT_TRUE(store->BeginRun("[]", "[\"in.jsonl\"]").ok());
  std::string text = "Police in Varnholm detained 14 people.";
  auto cd = MakeDoc("a", text,
                    {MakeEvent(text, EventType::kArrest, "detained",
                               {{Role::kArrested, 14, 14, 14, false, "14 people"}}, "VH", "2024-02-26")});
  auto first = store->Add(cd, ContentHash(cd));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(*first, AddOutcome::kStored);
  auto again = store->Add(MakeDoc("a-copy", text), ContentHash(cd));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, AddOutcome::kDuplicate);
  ASSERT_TRUE(store->FinishRun().ok());

  Database& db = store->db();
  EXPECT_EQ(Scalar(db, "SELECT count(*) FROM documents"), "1");
  EXPECT_EQ(Scalar(db, "SELECT source_id || ' ' || status || ' ' || event_count FROM documents"), "a ok 1");
  EXPECT_EQ(Scalar(db, "SELECT event_key FROM events"), std::to_string(EventKey(1, 1)));
  EXPECT_EQ(Scalar(db,
                   "SELECT event_id || ' ' || type || ' ' || trigger_text || ' ' || location_country || ' ' || "
                   "date_value || ' ' || plover_event || ' ' || cameo FROM events"),
            "e1 ARREST detained VH 2024-02-26 COERCE 173");
  EXPECT_EQ(Scalar(db, "SELECT role || ' ' || value || ' ' || span_text || ' ' || span_start FROM counts"),
            "arrested 14 14 people 28");
  EXPECT_EQ(Scalar(db,
                   "SELECT read || ' ' || stored || ' ' || skipped_duplicates || ' ' || events || ' ' || "
                   "(finished IS NOT NULL) FROM runs"),
            "2 1 1 1 1");
}

TEST_F(StoreTest, RejectedDocumentsAreStoredWithTheirReasonAndNoEvents) {
  auto store = OpenOrDie();
  ASSERT_TRUE(store->BeginRun("[]", "[]").ok());
  auto bad = Rejected("in.jsonl:3", ErrorCode::kBadJson, "not valid JSON");
  auto outcome = store->Add(bad, ContentHash(bad));
  ASSERT_TRUE(outcome.ok());
  EXPECT_EQ(*outcome, AddOutcome::kRejected);
  EXPECT_EQ(*store->Add(bad, ContentHash(bad)), AddOutcome::kDuplicate);  // the same bad line again
  ASSERT_TRUE(store->FinishRun().ok());
  EXPECT_EQ(Scalar(store->db(),
                   "SELECT status || ' ' || error_code || ' ' || error_message || ' ' || error_where "
                   "FROM documents"),
            "rejected bad_json not valid JSON in.jsonl:3");
  EXPECT_EQ(Scalar(store->db(), "SELECT rejected || ' ' || skipped_duplicates FROM runs"), "1 1");
}

TEST_F(StoreTest, AFailedDocumentIsReplacedByALaterCoding) {
  auto store = OpenOrDie();
  ASSERT_TRUE(store->BeginRun("[]", "[]").ok());
  std::string text = "Nine protesters were detained in Lorvik.";
  auto failed = Failed("x", text);
  EXPECT_EQ(*store->Add(failed, ContentHash(failed)), AddOutcome::kFailed);
  ASSERT_TRUE(store->Commit().ok());
  EXPECT_EQ(Scalar(store->db(), "SELECT status || ' ' || error_code FROM documents"), "failed internal");

  auto ok = MakeDoc("x", text, {MakeEvent(text, EventType::kArrest, "detained")});
  EXPECT_EQ(*store->Add(ok, ContentHash(ok)), AddOutcome::kStored);
  ASSERT_TRUE(store->FinishRun().ok());
  EXPECT_EQ(Scalar(store->db(), "SELECT count(*) || ' ' || status || ' ' || coalesce(error_code, '-') FROM documents"),
            "1 ok -");
  EXPECT_EQ(Scalar(store->db(), "SELECT count(*) FROM events WHERE doc_id = 1"), "1");
}

TEST_F(StoreTest, ReplaceUpdatesOnlyFailedRows) {
  auto store = OpenOrDie();
  ASSERT_TRUE(store->BeginRun("[]", "[]").ok());
  std::string text = "Two journalists were arrested.";
  auto failed = Failed("x", text);
  ASSERT_EQ(*store->Add(failed, ContentHash(failed)), AddOutcome::kFailed);
  auto ok = MakeDoc("x", text, {MakeEvent(text, EventType::kArrest, "arrested")});
  auto replaced = store->Replace(1, ok, "in.jsonl:1");
  ASSERT_TRUE(replaced.ok()) << replaced.status().ToString();
  EXPECT_EQ(*replaced, AddOutcome::kStored);
  EXPECT_EQ(*store->Replace(1, ok, "in.jsonl:1"), AddOutcome::kDuplicate);  // no longer failed
  ASSERT_TRUE(store->FinishRun().ok());
  EXPECT_EQ(Scalar(store->db(), "SELECT status FROM documents"), "ok");
  EXPECT_EQ(Scalar(store->db(), "SELECT count(*) FROM events"), "1");
  EXPECT_EQ(Scalar(store->db(), "SELECT read || ' ' || failed || ' ' || stored || ' ' || skipped_duplicates FROM runs"),
            "3 1 1 1");
}

TEST_F(StoreTest, AnUncommittedBatchLeavesNoTrace) {
  {
    auto store = OpenOrDie();
    ASSERT_TRUE(store->BeginRun("[]", "[]").ok());
    auto a = MakeDoc("a", "Police detained one man.");
    ASSERT_TRUE(store->Add(a, ContentHash(a)).ok());
    ASSERT_TRUE(store->Commit().ok());
    auto b = MakeDoc("b", "Police detained two men.");
    ASSERT_TRUE(store->Add(b, ContentHash(b)).ok());
    EXPECT_EQ(store->pending(), 1u);
    // Destroyed without Commit: as if the process died here.
  }
  auto store = OpenOrDie();
  EXPECT_EQ(Scalar(store->db(), "SELECT group_concat(source_id) FROM documents"), "a");
  EXPECT_EQ(Scalar(store->db(), "SELECT read || ' ' || stored || ' ' || (finished IS NULL) FROM runs"), "1 1 1");
}

TEST_F(StoreTest, ALockedDatabaseIsAClearError) {
  auto holder = OpenOrDie();
  ASSERT_TRUE(holder->db().Exec("BEGIN IMMEDIATE").ok());
  auto store = OpenOrDie(/*busy_timeout_ms=*/50);
  ASSERT_TRUE(store);
  Status s = store->BeginRun("[]", "[]");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where(), db_path_);
  EXPECT_NE(s.message().find("locked by another process (waited 50 ms)"), std::string::npos) << s.message();
  ASSERT_TRUE(holder->db().Exec("COMMIT").ok());
  EXPECT_TRUE(store->BeginRun("[]", "[]").ok());
}

}  // namespace
}  // namespace evident::store
