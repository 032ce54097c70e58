// StoreWriter: what an ingest run needs from a store, whatever the database behind it. Two
// implementations: Store (SQLite, store.h) and PgStore (PostgreSQL, pg_store.h; built with
// EVIDENT_WITH_POSTGRES). Ingest (ingest.h) takes a StoreWriter.
//
// The contract is the one documented in store.h: BeginRun commits the run's row at once; Add
// and Replace put a document in the current batch (a transaction begun on demand); Commit
// writes the run's counters and commits the batch; a document's content hash is unique.
//
// Not thread-safe: one thread uses a writer at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "pipeline/engine.h"
#include "text/document.h"

namespace evident::store {

enum class AddOutcome { kStored, kDuplicate, kRejected, kFailed };

// What a run did with its inputs: read == stored + skipped_duplicates + rejected + failed.
struct RunCounts {
  int64_t read = 0;
  int64_t stored = 0;              // new documents coded and stored with status ok
  int64_t skipped_duplicates = 0;  // already in the store (same content hash)
  int64_t rejected = 0;            // new documents stored with status rejected (bad input)
  int64_t failed = 0;              // new documents stored with status failed (engine fault, retryable)
  int64_t events = 0;              // events stored
  int64_t bytes = 0;               // text bytes of the documents read

  // Counts a document read and what adding it to the store did.
  void Record(AddOutcome outcome, const pipeline::CodedDocument& cd) {
    ++read;
    bytes += static_cast<int64_t>(cd.doc.text.size());
    switch (outcome) {
      case AddOutcome::kStored:
        ++stored;
        events += static_cast<int64_t>(cd.events.size());
        break;
      case AddOutcome::kDuplicate:
        ++skipped_duplicates;
        break;
      case AddOutcome::kRejected:
        ++rejected;
        break;
      case AddOutcome::kFailed:
        ++failed;
        break;
    }
  }
};

// True for `postgresql://...` and `postgres://...` (a PgStore, pg_store.h).
inline bool IsPostgresUrl(std::string_view db) {
  return db.starts_with("postgresql://") || db.starts_with("postgres://");
}

class StoreWriter {
 public:
  virtual ~StoreWriter() = default;

  // The store's name in messages: the SQLite path, or the PostgreSQL URL without a password.
  virtual const std::string& name() const = 0;

  virtual Status BeginRun(std::string_view args_json, std::string_view inputs_json) = 0;
  virtual int64_t run_id() const = 0;
  virtual const RunCounts& counts() const = 0;
  virtual Result<AddOutcome> Add(const pipeline::CodedDocument& cd, std::string_view content_hash) = 0;
  virtual Result<AddOutcome> Replace(int64_t doc_id, const pipeline::CodedDocument& cd, std::string_view origin) = 0;
  virtual size_t pending() const = 0;
  virtual Status Commit() = 0;
  virtual Status FinishRun() = 0;
  virtual void Rollback() = 0;
  virtual Status ForEachFailed(const std::function<void(int64_t doc_id, const text::Document& doc)>& fn) = 0;
};

}  // namespace evident::store
