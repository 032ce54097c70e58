// Store: the SQLite event store (schema in schema.cc, documented in docs/store.md). Opens the
// database (creating and migrating it), records runs, and writes coded documents, their
// events, counts and checks in batched transactions.
//
//   auto store = Store::Open("evident.db", {.create = true});
//   (*store)->BeginRun(args_json, inputs_json);         // committed at once
//   for (const CodedDocument& cd : coded) {
//     auto outcome = (*store)->Add(cd, ContentHash(cd));  // kStored, kDuplicate, ...
//     if ((*store)->pending() >= 500) (*store)->Commit();
//   }
//   (*store)->FinishRun();
//
// Exactly once: documents.content_hash is UNIQUE, and Add() inserts a document only if its hash
// is not stored yet with status ok or rejected (one stored as failed is replaced: that is the
// retry). A batch of documents and the run's counters commit in one transaction, so after a
// crash (kill -9) the database holds whole batches only, and running the same inputs again
// stores exactly the documents that are missing.
//
// Invariant: a document stored as rejected or failed has no events, counts or checks.
//
// Not thread-safe: one thread uses a Store (the thread that calls CodeInputs' emit).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"
#include "pipeline/engine.h"
#include "store/sqlite.h"
#include "store/writer.h"
#include "text/document.h"

namespace evident::store {

// events.event_key = doc_id * 2^kEventKeyBits + n, where n = 1, 2, ... is the event's number
// in its document ("e3" -> n = 3). The events of a document are one range of keys, so the
// table needs no index by document (PERF: the index cost 20% of the store's insert time).
// A document has fewer events than bytes of text, so n always fits.
inline constexpr int kEventKeyBits = 24;
static_assert(text::kMaxDocumentBytes < (int64_t{1} << kEventKeyBits));
inline int64_t EventKey(int64_t doc_id, int64_t n) { return (doc_id << kEventKeyBits) + n; }

// documents.text of a rejected document holds at most this many bytes of what was read
// (bytes and content_hash still cover all of it).
inline constexpr size_t kMaxRejectedTextBytes = 64u << 10;

// RunCounts and AddOutcome are in writer.h.

// The content hash that identifies a document in the store: FNV-1a 64 of the text, as 16 hex
// digits. A rejected document also hashes its origin (the reason it has no usable text is
// tied to where it was read), so two different empty files are two rejections, while the
// same bad line read again is a duplicate.
std::string ContentHash(const pipeline::CodedDocument& cd);

// FNV-1a 64 of `bytes` (exposed for tests).
uint64_t Fnv1a64(std::string_view bytes, uint64_t seed = 14695981039346656037ull);

class Store : public StoreWriter {
 public:
  // Opens the database at `path` (created if options.create) and migrates it to
  // kSchemaVersion. Sets WAL mode, synchronous=NORMAL and the busy timeout. Errors: see
  // Database::Open and Migrate (a newer schema, a locked or foreign file).
  static Result<std::unique_ptr<Store>> Open(const std::string& path, const OpenOptions& options);

  ~Store() override;

  const std::string& name() const override { return db_.path(); }

  // Starts a run: inserts its row (args and inputs are JSON arrays of strings) and commits.
  Status BeginRun(std::string_view args_json, std::string_view inputs_json) override;
  int64_t run_id() const override { return run_id_; }
  const RunCounts& counts() const override { return counts_; }

  // Adds a coded document in the current batch (a transaction begun on demand) and counts it.
  Result<AddOutcome> Add(const pipeline::CodedDocument& cd, std::string_view content_hash) override;

  // Replaces the stored failed document `doc_id` with its new coding (--retry-failed). The
  // stored text, ids and origin stay; `origin` names it in error_where if it fails again.
  Result<AddOutcome> Replace(int64_t doc_id, const pipeline::CodedDocument& cd, std::string_view origin) override;

  // Documents added since the last Commit().
  size_t pending() const override { return pending_; }

  // Writes the run's counters and commits the batch. A no-op without a batch.
  Status Commit() override;
  // Commits and marks the run finished.
  Status FinishRun() override;
  // Drops the uncommitted batch (after a fatal error).
  void Rollback() override;

  // Calls `fn` for each stored failed document (doc_id, document as read), in doc_id order.
  Status ForEachFailed(const std::function<void(int64_t doc_id, const text::Document& doc)>& fn) override;

  Database& db() { return db_; }

 private:
  explicit Store(Database db) : db_(std::move(db)) {}
  Status Prepare();
  Status Begin();
  Status InsertCoding(int64_t doc_id, const pipeline::CodedDocument& cd);

  Database db_;
  Statement insert_doc_, find_doc_, update_failed_doc_, replace_doc_, insert_event_, insert_count_, insert_check_,
      update_run_;
  int64_t run_id_ = 0;
  RunCounts counts_;
  size_t pending_ = 0;
  bool in_transaction_ = false;
  std::string scratch_;
};

}  // namespace evident::store
