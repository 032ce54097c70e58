#include "store/pg_store.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <pqxx/pqxx>

#include "common/date.h"
#include "common/error_codes.h"
#include "events/cameo.h"
#include "pipeline/json_writer.h"
#include "store/schema.h"
#include "store/store.h"

#ifndef EVIDENT_VERSION
#define EVIDENT_VERSION "unknown"
#endif

namespace evident::store {
namespace {

// The same schema as schema.cc's version 1, in PostgreSQL types. Versions are shared with
// SQLite (kSchemaVersion): kPgMigrations[i] takes version i to i + 1.
constexpr std::string_view kPgMigrations[] = {
    R"sql(
CREATE TABLE runs (
  run_id BIGINT PRIMARY KEY,
  started TEXT NOT NULL,
  finished TEXT,
  evident_version TEXT NOT NULL,
  args TEXT NOT NULL,
  inputs TEXT NOT NULL,
  read BIGINT NOT NULL DEFAULT 0,
  stored BIGINT NOT NULL DEFAULT 0,
  skipped_duplicates BIGINT NOT NULL DEFAULT 0,
  rejected BIGINT NOT NULL DEFAULT 0,
  failed BIGINT NOT NULL DEFAULT 0,
  events BIGINT NOT NULL DEFAULT 0,
  bytes BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE documents (
  doc_id BIGINT PRIMARY KEY,
  source_id TEXT NOT NULL,
  origin TEXT NOT NULL,
  url TEXT,
  title TEXT,
  published TEXT,
  content_hash TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('ok', 'rejected', 'failed')),
  error_code TEXT,
  error_message TEXT,
  error_where TEXT,
  warnings TEXT,
  bytes BIGINT NOT NULL,
  event_count BIGINT NOT NULL,
  run_id BIGINT NOT NULL REFERENCES runs(run_id),
  text TEXT NOT NULL
);
CREATE INDEX documents_source_id ON documents(source_id);
CREATE TABLE events (
  event_key BIGINT PRIMARY KEY,
  doc_id BIGINT NOT NULL REFERENCES documents(doc_id),
  event_id TEXT NOT NULL,
  type TEXT NOT NULL,
  mode TEXT,
  status TEXT NOT NULL,
  trigger_text TEXT NOT NULL,
  trigger_start BIGINT NOT NULL,
  trigger_end BIGINT NOT NULL,
  sentence_start BIGINT NOT NULL,
  sentence_end BIGINT NOT NULL,
  actor_text TEXT,
  actor_start BIGINT,
  actor_end BIGINT,
  actor_sector TEXT,
  actor_country TEXT,
  target_text TEXT,
  target_start BIGINT,
  target_end BIGINT,
  target_sector TEXT,
  target_country TEXT,
  part_of TEXT,
  date_value TEXT,
  date_precision TEXT,
  date_basis TEXT,
  date_text TEXT,
  date_start BIGINT,
  date_end BIGINT,
  location_text TEXT,
  location_start BIGINT,
  location_end BIGINT,
  location_name TEXT,
  location_country TEXT,
  source_text TEXT,
  source_start BIGINT,
  source_end BIGINT,
  plover_event TEXT NOT NULL,
  plover_mode TEXT,
  cameo TEXT NOT NULL,
  country TEXT GENERATED ALWAYS AS (coalesce(location_country, actor_country, target_country)) STORED
);
CREATE TABLE counts (
  event_key BIGINT NOT NULL REFERENCES events(event_key),
  n BIGINT NOT NULL,
  doc_id BIGINT NOT NULL REFERENCES documents(doc_id),
  role TEXT NOT NULL,
  value BIGINT,
  low BIGINT,
  high BIGINT,
  approximate INTEGER NOT NULL,
  span_text TEXT NOT NULL,
  span_start BIGINT NOT NULL,
  span_end BIGINT NOT NULL,
  PRIMARY KEY (event_key, n)
);
CREATE TABLE checks (
  doc_id BIGINT NOT NULL REFERENCES documents(doc_id),
  n BIGINT NOT NULL,
  kind TEXT NOT NULL,
  result TEXT NOT NULL,
  events TEXT NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (doc_id, n)
);
)sql",
    // 2: the event's place in full (see schema.cc).
    R"sql(
ALTER TABLE events ADD COLUMN location_admin1_code TEXT;
ALTER TABLE events ADD COLUMN location_admin1_name TEXT;
ALTER TABLE events ADD COLUMN location_lat DOUBLE PRECISION;
ALTER TABLE events ADD COLUMN location_lon DOUBLE PRECISION;
ALTER TABLE events ADD COLUMN location_geonames_id BIGINT;
ALTER TABLE events ADD COLUMN location_precision TEXT;
ALTER TABLE events ADD COLUMN location_basis TEXT;
)sql",
    // 3: events only the title states (see schema.cc).
    R"sql(
ALTER TABLE events ADD COLUMN evidence_from TEXT NOT NULL DEFAULT 'text' CHECK (evidence_from IN ('text', 'title'));
)sql",
};
static_assert(std::size(kPgMigrations) == kSchemaVersion, "one migration per schema version");

constexpr std::string_view kNowSql = "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";
// Key for pg_advisory_xact_lock while migrating ("evident" in ASCII).
constexpr int64_t kMigrationLock = 0x65766964656e74;

const std::vector<std::string> kDocumentColumns = {
    "doc_id",     "source_id",     "origin",      "url",      "title", "published",   "content_hash", "status",
    "error_code", "error_message", "error_where", "warnings", "bytes", "event_count", "run_id",       "text"};
const std::vector<std::string> kEventColumns = {"event_key",
                                                "doc_id",
                                                "event_id",
                                                "type",
                                                "mode",
                                                "status",
                                                "trigger_text",
                                                "trigger_start",
                                                "trigger_end",
                                                "sentence_start",
                                                "sentence_end",
                                                "actor_text",
                                                "actor_start",
                                                "actor_end",
                                                "actor_sector",
                                                "actor_country",
                                                "target_text",
                                                "target_start",
                                                "target_end",
                                                "target_sector",
                                                "target_country",
                                                "part_of",
                                                "date_value",
                                                "date_precision",
                                                "date_basis",
                                                "date_text",
                                                "date_start",
                                                "date_end",
                                                "location_text",
                                                "location_start",
                                                "location_end",
                                                "location_name",
                                                "location_country",
                                                "source_text",
                                                "source_start",
                                                "source_end",
                                                "plover_event",
                                                "plover_mode",
                                                "cameo",
                                                "location_admin1_code",
                                                "location_admin1_name",
                                                "location_lat",
                                                "location_lon",
                                                "location_geonames_id",
                                                "location_precision",
                                                "location_basis",
                                                "evidence_from"};
const std::vector<std::string> kCountColumns = {"event_key", "n",           "doc_id",    "role",       "value",   "low",
                                                "high",      "approximate", "span_text", "span_start", "span_end"};
const std::vector<std::string> kCheckColumns = {"doc_id", "n", "kind", "result", "events", "message"};

// PostgreSQL text cannot hold NUL or invalid UTF-8: replace such bytes, keeping the length.
std::string Clean(std::string_view s) {
  std::string out(s);
  size_t i = 0, n = out.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c == 0) {
      out[i++] = ' ';
      continue;
    }
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    bool valid = len > 0 && i + len <= n;
    for (size_t k = 1; valid && k < len; ++k) valid = (static_cast<unsigned char>(out[i + k]) & 0xC0) == 0x80;
    if (valid && len == 3) {
      unsigned char c1 = static_cast<unsigned char>(out[i + 1]);
      valid = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);
    } else if (valid && len == 4) {
      unsigned char c1 = static_cast<unsigned char>(out[i + 1]);
      valid = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    if (!valid) {
      out[i++] = '?';
      continue;
    }
    i += len;
  }
  return out;
}

// Appending cells to a row.
struct RowWriter {
  PgStore::Rows& rows;
  void Str(std::string_view s) { rows.cells.emplace_back(Clean(s)); }
  void StrOrNull(std::string_view s) {
    if (s.empty())
      Null();
    else
      Str(s);
  }
  void Int(int64_t v) { rows.cells.emplace_back(std::to_string(v)); }
  void Int(const std::optional<int64_t>& v) {
    if (v)
      Int(*v);
    else
      Null();
  }
  void Null() { rows.cells.emplace_back(std::nullopt); }
  // Exact round trip (17 significant digits).
  void Double(double v) {
    char buf[32];
    int n = std::snprintf(buf, sizeof buf, "%.17g", v);
    rows.cells.emplace_back(std::string(buf, static_cast<size_t>(n)));
  }
  void Nulls(int n) {
    for (int i = 0; i < n; ++i) Null();
  }
  void Span(std::string_view text, evident::Span span) {
    StrOrNull(span.Of(text));
    Int(static_cast<int64_t>(span.begin));
    Int(static_cast<int64_t>(span.end));
  }
  void Actor(std::string_view text, const std::optional<events::ActorRef>& actor) {
    if (!actor) return Nulls(5);
    Span(text, actor->span);
    Str(lexicon::SectorName(actor->sector));
    StrOrNull(actor->country);
  }
};

template <size_t N>
void CopyRows(pqxx::dbtransaction& txn, const std::string& table, const std::vector<std::string>& columns,
              const PgStore::Rows& rows) {
  if (rows.cells.empty()) return;
  pqxx::stream_to out(txn, table, columns);
  std::array<const char*, N> row;
  for (size_t r = 0; r < rows.size(); ++r) {
    for (size_t i = 0; i < N; ++i) {
      const auto& cell = rows.cells[r * N + i];
      row[i] = cell ? cell->c_str() : nullptr;
    }
    out << row;
  }
  out.complete();
}

std::string_view StatusName(const pipeline::CodedDocument& cd) {
  return cd.status.ok() ? "ok" : cd.failed ? "failed" : "rejected";
}

// NULL (a null pointer parameter) for an empty string.
const char* OrNull(const std::string& s) { return s.empty() ? nullptr : s.c_str(); }

std::string EventId(int index) { return "e" + std::to_string(index + 1); }

// The URL without its password, for messages.
std::string RedactUrl(const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  size_t at = url.find('@', scheme + 3);
  size_t colon = url.find(':', scheme + 3);
  if (at == std::string::npos || colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

}  // namespace

struct PgStore::Connection {
  explicit Connection(const std::string& url) : c(url) {}
  pqxx::connection c;
};

PgStore::PgStore() = default;
pqxx::connection_base& PgStore::conn() { return conn_->c; }

Status PgStore::Error(const std::exception& e, std::string_view action) const {
  std::string message = e.what();
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  if (auto* sql = dynamic_cast<const pqxx::sql_error*>(&e); sql && sql->sqlstate() == "55P03") {
    return Status(ErrorCode::kIoError,
                  "the database is locked by another process (waited " + std::to_string(busy_timeout_ms_) +
                      " ms) while " + std::string(action) + "; wait for it to finish, or use another --db",
                  name_);
  }
  if (dynamic_cast<const pqxx::broken_connection*>(&e)) {
    return Status(ErrorCode::kIoError,
                  "cannot connect to the PostgreSQL server while " + std::string(action) + ": " + message, name_);
  }
  return Status(ErrorCode::kIoError, "PostgreSQL error while " + std::string(action) + ": " + message, name_);
}

Result<std::unique_ptr<PgStore>> PgStore::Open(const std::string& url, const OpenOptions& options) {
  std::unique_ptr<PgStore> store(new PgStore());
  store->name_ = RedactUrl(url);
  store->busy_timeout_ms_ = options.busy_timeout_ms;
  try {
    store->conn_ = std::make_unique<Connection>(url);
    pqxx::nontransaction setup(store->conn());
    setup.exec0("SET lock_timeout = " + std::to_string(options.busy_timeout_ms));
    setup.exec0("SET client_min_messages = warning");
    setup.commit();
  } catch (const std::exception& e) {
    return store->Error(e, "opening the store");
  }
  if (options.read_only) {
    try {
      pqxx::read_transaction txn(store->conn());
      auto has = txn.exec1("SELECT to_regclass('schema_version') IS NOT NULL");
      if (!has[0].as<bool>()) {
        return Status(ErrorCode::kIoError,
                      "the database holds no evident store (no schema_version table); run `evident ingest` first",
                      store->name_);
      }
      int version = txn.exec1("SELECT coalesce(max(version), 0) FROM schema_version")[0].as<int>();
      if (version > kSchemaVersion) {
        return Status(ErrorCode::kIoError,
                      "the database has schema version " + std::to_string(version) +
                          ", newer than this evident knows (" + std::to_string(kSchemaVersion) +
                          "); it was written by a newer evident: use that version, or another --db",
                      store->name_);
      }
    } catch (const std::exception& e) {
      return store->Error(e, "reading the schema version");
    }
    return store;
  }
  if (Status s = pg::Migrate(*store); !s.ok()) return s;
  try {
    pqxx::nontransaction setup(store->conn());
    // The batch's documents go through this table so that INSERT ... ON CONFLICT can skip a
    // stored content hash (COPY cannot).
    setup.exec0("CREATE TEMP TABLE documents_in (LIKE documents) ON COMMIT DELETE ROWS");
    setup.commit();
  } catch (const std::exception& e) {
    return store->Error(e, "opening the store");
  }
  return store;
}

namespace pg {

Status Migrate(PgStore& store) {
  try {
    pqxx::work txn(store.conn());
    // Two processes cannot both migrate: the second waits here, then sees the new version.
    txn.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLock) + ")");
    int version = 0;
    bool has_version = txn.exec1("SELECT to_regclass('schema_version') IS NOT NULL")[0].as<bool>();
    if (has_version) {
      version = txn.exec1("SELECT coalesce(max(version), 0) FROM schema_version")[0].as<int>();
    } else if (txn.exec1("SELECT to_regclass('documents') IS NOT NULL OR to_regclass('events') IS NOT NULL")[0]
                   .as<bool>()) {
      return Status(ErrorCode::kIoError,
                    "the database has evident's tables but no schema_version table, so it is not an evident store; "
                    "use another database in --db",
                    store.name());
    }
    if (version > kSchemaVersion) {
      return Status(ErrorCode::kIoError,
                    "the database has schema version " + std::to_string(version) + ", newer than this evident knows (" +
                        std::to_string(kSchemaVersion) +
                        "); it was written by a newer evident: use that version, or another --db",
                    store.name());
    }
    if (version == kSchemaVersion) return Status::Ok();
    if (!has_version) txn.exec0("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)");
    for (int v = version; v < kSchemaVersion; ++v) {
      txn.exec0(std::string(kPgMigrations[v]));
      txn.exec0("INSERT INTO schema_version (version, applied) VALUES (" + std::to_string(v + 1) + ", " +
                std::string(kNowSql) + ")");
    }
    txn.commit();
  } catch (const std::exception& e) {
    return store.Error(e, "creating or upgrading the schema");
  }
  return Status::Ok();
}

}  // namespace pg

PgStore::~PgStore() { Rollback(); }

Status PgStore::BeginRun(std::string_view args_json, std::string_view inputs_json) {
  try {
    pqxx::work txn(conn());
    txn.exec0("LOCK TABLE runs IN EXCLUSIVE MODE");
    auto row = txn.exec_params1(
        "INSERT INTO runs (run_id, started, evident_version, args, inputs) "
        "SELECT coalesce(max(run_id), 0) + 1, " +
            std::string(kNowSql) + ", $1, $2, $3 FROM runs RETURNING run_id",
        std::string(EVIDENT_VERSION), Clean(args_json), Clean(inputs_json));
    run_id_ = row[0].as<int64_t>();
    txn.commit();
  } catch (const std::exception& e) {
    return Error(e, "recording the run");
  }
  counts_ = {};
  return Status::Ok();
}

Status PgStore::Begin() {
  if (txn_) return Status::Ok();
  ClearBatch();
  try {
    txn_ = std::make_unique<pqxx::work>(conn());
    // One writer at a time (readers are not blocked), waiting up to lock_timeout; the doc_ids
    // of the batch follow the largest stored one.
    txn_->exec0("LOCK TABLE documents IN EXCLUSIVE MODE");
    next_doc_id_ = txn_->exec1("SELECT coalesce(max(doc_id), 0) + 1 FROM documents")[0].as<int64_t>();
  } catch (const std::exception& e) {
    Status s = Error(e, "storing documents");
    txn_.reset();
    return s;
  }
  return Status::Ok();
}

void PgStore::ClearBatch() {
  documents_ = {kDocumentColumns.size(), {}};
  events_ = {kEventColumns.size(), {}};
  counts_rows_ = {kCountColumns.size(), {}};
  checks_ = {kCheckColumns.size(), {}};
  batch_hashes_.clear();
  pending_ = 0;
}

Result<AddOutcome> PgStore::Add(const pipeline::CodedDocument& cd, std::string_view content_hash) {
  if (Status s = Begin(); !s.ok()) return s;
  const text::Document& doc = cd.doc;
  std::string hash(content_hash);
  std::string warnings;
  if (!doc.warnings.empty()) {
    warnings += '[';
    for (size_t i = 0; i < doc.warnings.size(); ++i) {
      if (i) warnings += ',';
      pipeline::AppendJsonString(doc.warnings[i], &warnings);
    }
    warnings += ']';
  }
  bool rejected = !cd.status.ok() && !cd.failed;
  std::string_view text =
      rejected ? std::string_view(doc.text).substr(0, kMaxRejectedTextBytes) : std::string_view(doc.text);
  std::string error_code, error_where;
  if (!cd.status.ok()) {
    error_code = std::string(ErrorCodeName(cd.status.code()));
    error_where = cd.status.where().empty() ? doc.origin : cd.status.where();
  }
  int64_t event_count = static_cast<int64_t>(cd.status.ok() ? cd.events.size() : 0);

  // Stored before (in this batch, or committed)? A duplicate, unless it failed then.
  int64_t doc_id = 0;
  bool duplicate = false;
  if (auto it = batch_hashes_.find(hash); it != batch_hashes_.end()) {
    duplicate = true;  // a failed document of this batch is not replaced within the batch
  } else {
    try {
      auto found = txn_->exec_params("SELECT doc_id, status FROM documents WHERE content_hash = $1", hash);
      if (!found.empty()) {
        if (found[0][1].as<std::string>() == "failed") {
          doc_id = found[0][0].as<int64_t>();
          std::string url = Clean(doc.url), title = Clean(doc.title), message, where = Clean(error_where),
                      warn = Clean(warnings);
          if (!cd.status.ok()) message = Clean(cd.status.message());
          auto r = txn_->exec_params(
              "UPDATE documents SET source_id = $1, origin = $2, url = $3, title = $4, published = $5, "
              "status = $6, error_code = $7, error_message = $8, error_where = $9, warnings = $10, bytes = $11, "
              "event_count = $12, run_id = $13, text = $14 WHERE doc_id = $15 AND status = 'failed'",
              Clean(doc.id), Clean(doc.origin), OrNull(url), OrNull(title), OrNull(doc.published),
              std::string(StatusName(cd)), cd.status.ok() ? nullptr : error_code.c_str(),
              cd.status.ok() ? nullptr : message.c_str(), cd.status.ok() ? nullptr : where.c_str(), OrNull(warn),
              static_cast<int64_t>(doc.text.size()), event_count, run_id_, Clean(text), doc_id);
          if (r.affected_rows() != 1) doc_id = 0;
        }
        duplicate = doc_id == 0;
      }
    } catch (const std::exception& e) {
      return Error(e, "storing document " + doc.origin);
    }
  }
  if (!duplicate && doc_id == 0) {
    doc_id = next_doc_id_++;
    RowWriter w{documents_};
    w.Int(doc_id);
    w.Str(doc.id);
    w.Str(doc.origin);
    w.StrOrNull(doc.url);
    w.StrOrNull(doc.title);
    w.StrOrNull(doc.published);
    w.Str(hash);
    w.Str(StatusName(cd));
    if (cd.status.ok()) {
      w.Nulls(3);
    } else {
      w.Str(error_code);
      w.Str(cd.status.message());
      w.Str(error_where);
    }
    w.StrOrNull(warnings);
    w.Int(static_cast<int64_t>(doc.text.size()));
    w.Int(event_count);
    w.Int(run_id_);
    w.Str(text);
    batch_hashes_.emplace(hash, std::string(StatusName(cd)));
  }
  ++pending_;
  AddOutcome outcome = duplicate        ? AddOutcome::kDuplicate
                       : cd.status.ok() ? AddOutcome::kStored
                       : cd.failed      ? AddOutcome::kFailed
                                        : AddOutcome::kRejected;
  if (outcome == AddOutcome::kStored) AddCoding(doc_id, cd);
  counts_.Record(outcome, cd);
  return outcome;
}

Result<AddOutcome> PgStore::Replace(int64_t doc_id, const pipeline::CodedDocument& cd, std::string_view origin) {
  if (Status s = Begin(); !s.ok()) return s;
  size_t changed = 0;
  try {
    std::string code, message, where;
    if (!cd.status.ok()) {
      code = std::string(ErrorCodeName(cd.status.code()));
      message = Clean(cd.status.message());
      where = Clean(origin);
    }
    auto r = txn_->exec_params(
        "UPDATE documents SET status = $1, error_code = $2, error_message = $3, error_where = $4, "
        "event_count = $5, run_id = $6 WHERE doc_id = $7 AND status = 'failed'",
        std::string(StatusName(cd)), cd.status.ok() ? nullptr : code.c_str(),
        cd.status.ok() ? nullptr : message.c_str(), cd.status.ok() ? nullptr : where.c_str(),
        static_cast<int64_t>(cd.status.ok() ? cd.events.size() : 0), run_id_, doc_id);
    changed = r.affected_rows();
  } catch (const std::exception& e) {
    return Error(e, "updating document " + std::string(origin));
  }
  ++pending_;
  AddOutcome outcome = changed == 0     ? AddOutcome::kDuplicate
                       : cd.status.ok() ? AddOutcome::kStored
                       : cd.failed      ? AddOutcome::kFailed
                                        : AddOutcome::kRejected;
  if (outcome == AddOutcome::kStored) AddCoding(doc_id, cd);
  counts_.Record(outcome, cd);
  return outcome;
}

void PgStore::AddCoding(int64_t doc_id, const pipeline::CodedDocument& cd) {
  for (size_t i = 0; i < cd.events.size(); ++i) {
    const events::Event& e = cd.events[i];
    // An event only the title states points into the title (docs/output.md, `from`).
    std::string_view text = e.from_title ? std::string_view(cd.doc.title) : std::string_view(cd.doc.text);
    int64_t event_key = EventKey(doc_id, static_cast<int64_t>(i) + 1);
    events::ExternalCode code = events::ToExternalCode(e.type, e.mode);
    RowWriter w{events_};
    w.Int(event_key);
    w.Int(doc_id);
    w.Str(EventId(static_cast<int>(i)));
    w.Str(lexicon::EventTypeName(e.type));
    w.StrOrNull(e.mode);
    w.Str(events::EventStatusName(e.status));
    w.Str(e.trigger.Of(text));
    w.Int(static_cast<int64_t>(e.trigger.begin));
    w.Int(static_cast<int64_t>(e.trigger.end));
    w.Int(static_cast<int64_t>(e.sentence.begin));
    w.Int(static_cast<int64_t>(e.sentence.end));
    w.Actor(text, e.actor);
    w.Actor(text, e.target);
    if (e.part_of >= 0)
      w.Str(EventId(e.part_of));
    else
      w.Null();
    if (e.date) {
      w.Str(FormatIsoDate(e.date->value));
      w.Str(e.date->precision);
      w.Str(e.date->basis);
      w.Span(text, e.date->span);
    } else {
      w.Nulls(6);
    }
    if (e.location) {
      w.Span(e.location->basis == "title" ? std::string_view(cd.doc.title) : std::string_view(cd.doc.text),
             e.location->span);
      w.StrOrNull(e.location->name);
      w.StrOrNull(e.location->country);
    } else {
      w.Nulls(5);
    }
    if (e.source)
      w.Span(text, *e.source);
    else
      w.Nulls(3);
    w.Str(code.plover_event);
    w.StrOrNull(code.plover_mode);
    w.Str(code.cameo);
    if (e.location) {
      const events::LocationRef& l = *e.location;
      w.StrOrNull(l.admin1_code);
      w.StrOrNull(l.admin1_name);
      if (l.has_coordinates) {
        w.Double(l.lat);
        w.Double(l.lon);
      } else {
        w.Nulls(2);
      }
      if (l.geonames_id != 0) {
        w.Int(l.geonames_id);
      } else {
        w.Null();
      }
      w.StrOrNull(l.precision);
      w.StrOrNull(l.basis);
    } else {
      w.Nulls(7);
    }
    w.Str(e.from_title ? "title" : "text");
    for (size_t k = 0; k < e.counts.size(); ++k) {
      const events::Count& n = e.counts[k];
      RowWriter c{counts_rows_};
      c.Int(event_key);
      c.Int(static_cast<int64_t>(k) + 1);
      c.Int(doc_id);
      c.Str(lexicon::RoleName(n.role));
      c.Int(n.value);
      c.Int(n.low);
      c.Int(n.high);
      c.Int(int64_t{n.approximate ? 1 : 0});
      c.Str(n.span.Of(text));
      c.Int(static_cast<int64_t>(n.span.begin));
      c.Int(static_cast<int64_t>(n.span.end));
    }
  }
  for (size_t k = 0; k < cd.checks.size(); ++k) {
    const events::Check& check = cd.checks[k];
    std::string ids;
    for (int id : check.events) {
      if (!ids.empty()) ids += ' ';
      ids += EventId(id);
    }
    RowWriter w{checks_};
    w.Int(doc_id);
    w.Int(static_cast<int64_t>(k) + 1);
    w.Str(check.kind);
    w.Str(check.result);
    w.Str(ids);
    w.Str(check.message);
  }
}

Status PgStore::Commit() {
  if (!txn_) return Status::Ok();
  try {
    if (documents_.size() > 0) {
      CopyRows<16>(*txn_, "documents_in", kDocumentColumns, documents_);
      auto r = txn_->exec0("INSERT INTO documents SELECT * FROM documents_in ON CONFLICT (content_hash) DO NOTHING");
      if (r.affected_rows() != documents_.size()) {
        // Cannot happen while the batch holds the table lock; never store a partial batch.
        throw std::runtime_error("another writer stored some of this batch's documents meanwhile");
      }
    }
    CopyRows<47>(*txn_, "events", kEventColumns, events_);  // N = kEventColumns.size()
    CopyRows<11>(*txn_, "counts", kCountColumns, counts_rows_);
    CopyRows<6>(*txn_, "checks", kCheckColumns, checks_);
    txn_->exec_params0(
        "UPDATE runs SET read = $1, stored = $2, skipped_duplicates = $3, rejected = $4, failed = $5, events = $6, "
        "bytes = $7 WHERE run_id = $8",
        counts_.read, counts_.stored, counts_.skipped_duplicates, counts_.rejected, counts_.failed, counts_.events,
        counts_.bytes, run_id_);
    txn_->commit();
  } catch (const std::exception& e) {
    Status s = Error(e, "storing documents");
    txn_.reset();
    ClearBatch();
    return s;
  }
  txn_.reset();
  ClearBatch();
  return Status::Ok();
}

Status PgStore::FinishRun() {
  if (Status s = Begin(); !s.ok()) return s;  // the counters are written even for an empty run
  if (Status s = Commit(); !s.ok()) return s;
  try {
    pqxx::work txn(conn());
    txn.exec_params0("UPDATE runs SET finished = " + std::string(kNowSql) + " WHERE run_id = $1", run_id_);
    txn.commit();
  } catch (const std::exception& e) {
    return Error(e, "recording the end of the run");
  }
  return Status::Ok();
}

void PgStore::Rollback() {
  if (!txn_) return;
  try {
    txn_->abort();
  } catch (...) {
  }
  txn_.reset();
  ClearBatch();
}

Status PgStore::ForEachFailed(const std::function<void(int64_t doc_id, const text::Document& doc)>& fn) {
  try {
    pqxx::read_transaction txn(conn());
    auto rows = txn.exec(
        "SELECT doc_id, source_id, origin, url, title, published, text FROM documents "
        "WHERE status = 'failed' ORDER BY doc_id");
    for (const auto& r : rows) {
      text::Document doc;
      doc.id = r[1].c_str();
      doc.origin = r[2].c_str();
      doc.url = r[3].is_null() ? "" : r[3].c_str();
      doc.title = r[4].is_null() ? "" : r[4].c_str();
      doc.published = r[5].is_null() ? "" : r[5].c_str();
      doc.text = r[6].as<std::string>();
      fn(r[0].as<int64_t>(), doc);
    }
  } catch (const std::exception& e) {
    return Error(e, "reading the failed documents");
  }
  return Status::Ok();
}

}  // namespace evident::store
