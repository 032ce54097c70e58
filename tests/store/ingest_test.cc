// Ingest with the real engine: every document accounted for, idempotent re-ingest, batches,
// the retry of failed documents.
#include "store/ingest.h"

#include <gtest/gtest.h>

#include <fstream>

#include "store_fixture.h"

namespace evident::store {
namespace {

using testing::Scalar;
using testing::StoreTest;

const pipeline::Engine& SharedEngine() {
  static const pipeline::Engine* engine = [] {
    auto e = pipeline::Engine::Create({});
    if (!e.ok()) {
      ADD_FAILURE() << e.status().ToString();
      std::abort();
    }
    return std::move(e).value().release();
  }();
  return *engine;
}

class IngestTest : public StoreTest {
 protected:
  // n invented reports, one JSON line each; line 5 (if n > 5) is not JSON.
  std::string WriteCorpus(const std::string& name, int n, int first = 0) {
    std::string path = (dir_ / name).string();
    std::ofstream out(path);
    for (int i = first; i < first + n; ++i) {
      if (i == 5) {
        out << "{not json\n";
        continue;
      }
      out << "{\"id\": \"doc-" << i << "\", \"published\": \"2024-03-0" << (1 + i % 9)
          << "\", \"text\": \"Police in Varnholm detained " << (i + 2) << " protesters on Monday, officials said.\"}\n";
    }
    return path;
  }

  Result<RunCounts> Run(const std::vector<std::string>& inputs, IngestOptions options = {}) {
    auto store = OpenOrDie();
    if (!store) return Status(ErrorCode::kIoError, "cannot open");
    return Ingest(SharedEngine(), *store, inputs, options);
  }
};

TEST_F(IngestTest, StoresEveryDocumentOnceAndAccountsForAll) {
  std::string corpus = WriteCorpus("a.jsonl", 40);
  IngestOptions options;
  options.threads = 2;
  options.batch_docs = 7;
  auto counts = Run({corpus}, options);
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->read, 40);
  EXPECT_EQ(counts->stored, 39);
  EXPECT_EQ(counts->rejected, 1);
  EXPECT_EQ(counts->read, counts->stored + counts->skipped_duplicates + counts->rejected + counts->failed);
  EXPECT_GE(counts->events, 39);

  auto again = Run({corpus}, options);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->read, 40);
  EXPECT_EQ(again->skipped_duplicates, 40);
  EXPECT_EQ(again->stored, 0);

  auto store = OpenOrDie();
  EXPECT_EQ(Scalar(store->db(), "SELECT count(*) FROM documents"), "40");
  EXPECT_EQ(Scalar(store->db(), "SELECT count(DISTINCT content_hash) FROM documents"), "40");
  EXPECT_EQ(Scalar(store->db(), "SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT doc_id FROM documents)"), "0");
  // Documents keep input order.
  EXPECT_EQ(Scalar(store->db(), "SELECT source_id FROM documents WHERE doc_id = 3"), "doc-2");
  EXPECT_EQ(Scalar(store->db(), "SELECT count(*) || ' ' || sum(finished IS NOT NULL) FROM runs"), "2 2");
}

TEST_F(IngestTest, NewInputsAreAddedToAnExistingStore) {
  auto first = Run({WriteCorpus("a.jsonl", 4)});
  ASSERT_TRUE(first.ok());
  auto second = Run({WriteCorpus("a.jsonl", 4), WriteCorpus("b.jsonl", 4, 100)});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->skipped_duplicates, 4);
  EXPECT_EQ(second->stored, 4);
}

TEST_F(IngestTest, RetryFailedRecodesStoredFailures) {
  ASSERT_TRUE(Run({WriteCorpus("a.jsonl", 4)}).ok());
  {
    // As if the engine had failed on doc-1 and doc-3.
    auto store = OpenOrDie();
    ASSERT_TRUE(store->db()
                    .Exec("DELETE FROM counts WHERE doc_id IN (2, 4); DELETE FROM events WHERE doc_id IN (2, 4); "
                          "UPDATE documents SET status = 'failed', error_code = 'internal', event_count = 0 "
                          "WHERE doc_id IN (2, 4)")
                    .ok());
  }
  IngestOptions options;
  options.retry_failed = true;
  auto counts = Run({}, options);
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(counts->read, 2);
  EXPECT_EQ(counts->stored, 2);
  auto store = OpenOrDie();
  EXPECT_EQ(Scalar(store->db(), "SELECT group_concat(status) FROM documents"), "ok,ok,ok,ok");
  EXPECT_EQ(Scalar(store->db(), "SELECT count(DISTINCT doc_id) FROM events"), "4");
  EXPECT_EQ(Scalar(store->db(), "SELECT origin FROM documents WHERE doc_id = 2").find("a.jsonl:2") != std::string::npos,
            true);
}

TEST_F(IngestTest, ALockedStoreStopsTheRunWithAClearError) {
  auto holder = OpenOrDie();
  ASSERT_TRUE(holder->db().Exec("BEGIN IMMEDIATE").ok());
  auto store = OpenOrDie(/*busy_timeout_ms=*/20);
  auto counts = Ingest(SharedEngine(), *store, {WriteCorpus("a.jsonl", 3)}, {});
  ASSERT_FALSE(counts.ok());
  EXPECT_NE(counts.status().message().find("locked"), std::string::npos) << counts.status().message();
}

}  // namespace
}  // namespace evident::store
