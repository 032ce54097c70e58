// PgStore: the event store in a PostgreSQL database (`--db postgresql://...`), built with
// EVIDENT_WITH_POSTGRES (libpqxx 6.x). Same tables, columns and semantics as the SQLite store
// (docs/store.md), with these differences of mechanism:
//   - each batch is one transaction that takes `LOCK TABLE documents IN EXCLUSIVE MODE` (one
//     writer at a time, readers never wait; --busy-timeout is the lock_timeout), so doc_ids
//     are assigned by the writer (max + 1) without gaps, as SQLite assigns rowids;
//   - the batch's rows are buffered and bulk-loaded with COPY (pqxx::stream_to) at Commit():
//     documents through a temporary table and `INSERT ... ON CONFLICT (content_hash) DO
//     NOTHING`, events, counts and checks straight into their tables;
//   - PostgreSQL text holds neither NUL bytes nor invalid UTF-8: such bytes are stored as ' '
//     and '?' (same length, so every byte offset stays valid).
//
// Query functions over it (pg::ForEachEvent, ...) mirror query.h.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/query.h"
#include "store/sqlite.h"  // OpenOptions
#include "store/writer.h"

namespace pqxx {
class connection_base;
class dbtransaction;
}  // namespace pqxx

namespace evident::store {

class PgStore : public StoreWriter {
 public:
  // Connects to `url` and (unless options.read_only) migrates the schema. Errors (kIoError):
  // the server cannot be reached, the database has a newer schema, or (read-only) holds no
  // evident store.
  static Result<std::unique_ptr<PgStore>> Open(const std::string& url, const OpenOptions& options);
  ~PgStore() override;

  const std::string& name() const override { return name_; }
  Status BeginRun(std::string_view args_json, std::string_view inputs_json) override;
  int64_t run_id() const override { return run_id_; }
  const RunCounts& counts() const override { return counts_; }
  Result<AddOutcome> Add(const pipeline::CodedDocument& cd, std::string_view content_hash) override;
  Result<AddOutcome> Replace(int64_t doc_id, const pipeline::CodedDocument& cd, std::string_view origin) override;
  size_t pending() const override { return pending_; }
  Status Commit() override;
  Status FinishRun() override;
  void Rollback() override;
  Status ForEachFailed(const std::function<void(int64_t doc_id, const text::Document& doc)>& fn) override;

  pqxx::connection_base& conn();
  // A Status for a libpqxx exception caught while doing `action`.
  Status Error(const std::exception& e, std::string_view action) const;

  // Rows buffered for COPY: `arity` cells per row, NULL as nullopt.
  struct Rows {
    size_t arity = 0;
    std::vector<std::optional<std::string>> cells;
    size_t size() const { return arity ? cells.size() / arity : 0; }
  };

 private:
  struct Connection;  // a pqxx::connection (pg_store.cc)
  PgStore();
  Status Begin();
  void AddCoding(int64_t doc_id, const pipeline::CodedDocument& cd);
  void ClearBatch();

  std::unique_ptr<Connection> conn_;
  std::unique_ptr<pqxx::dbtransaction> txn_;
  std::string name_;
  int busy_timeout_ms_ = 5000;
  int64_t run_id_ = 0;
  RunCounts counts_;
  size_t pending_ = 0;
  int64_t next_doc_id_ = 0;
  std::unordered_map<std::string, std::string> batch_hashes_;  // content hash -> status, this batch
  Rows documents_, events_, counts_rows_, checks_;
};

namespace pg {

Status Migrate(PgStore& store);
Status ForEachEvent(PgStore& store, const EventFilter& filter, const std::function<void(const EventRecord&)>& fn);
Result<DocumentRecord> GetDocument(PgStore& store, std::string_view id);
Result<std::vector<StatsRow>> Stats(PgStore& store, const EventFilter& filter, const std::vector<std::string>& by);
Result<std::vector<RunRecord>> ListRuns(PgStore& store);
Result<StoreTotals> Totals(PgStore& store);

}  // namespace pg

// Overloads so that callers can treat both backends alike (tools/store_commands.cc).
inline Status ForEachEvent(PgStore& s, const EventFilter& f, const std::function<void(const EventRecord&)>& fn) {
  return pg::ForEachEvent(s, f, fn);
}
inline Result<DocumentRecord> GetDocument(PgStore& s, std::string_view id) { return pg::GetDocument(s, id); }
inline Result<std::vector<StatsRow>> Stats(PgStore& s, const EventFilter& f, const std::vector<std::string>& by) {
  return pg::Stats(s, f, by);
}
inline Result<std::vector<RunRecord>> ListRuns(PgStore& s) { return pg::ListRuns(s); }
inline Result<StoreTotals> Totals(PgStore& s) { return pg::Totals(s); }

}  // namespace evident::store
