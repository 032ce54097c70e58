#include "store/schema.h"

#include <string>

namespace evident::store {
namespace {

// kMigrations[i] takes a database from version i to version i + 1. Applied ones never change.
constexpr std::string_view kMigrations[] = {
    // 1: documents, events, counts, checks, runs.
    R"sql(
CREATE TABLE runs (
  run_id INTEGER PRIMARY KEY,
  started TEXT NOT NULL,
  finished TEXT,
  evident_version TEXT NOT NULL,
  args TEXT NOT NULL,
  inputs TEXT NOT NULL,
  read INTEGER NOT NULL DEFAULT 0,
  stored INTEGER NOT NULL DEFAULT 0,
  skipped_duplicates INTEGER NOT NULL DEFAULT 0,
  rejected INTEGER NOT NULL DEFAULT 0,
  failed INTEGER NOT NULL DEFAULT 0,
  events INTEGER NOT NULL DEFAULT 0,
  bytes INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE documents (
  doc_id INTEGER PRIMARY KEY,
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
  bytes INTEGER NOT NULL,
  event_count INTEGER NOT NULL,
  run_id INTEGER NOT NULL REFERENCES runs(run_id),
  text TEXT NOT NULL
);
CREATE INDEX documents_source_id ON documents(source_id);
CREATE TABLE events (
  event_key INTEGER PRIMARY KEY,
  doc_id INTEGER NOT NULL REFERENCES documents(doc_id),
  event_id TEXT NOT NULL,
  type TEXT NOT NULL,
  mode TEXT,
  status TEXT NOT NULL,
  trigger_text TEXT NOT NULL,
  trigger_start INTEGER NOT NULL,
  trigger_end INTEGER NOT NULL,
  sentence_start INTEGER NOT NULL,
  sentence_end INTEGER NOT NULL,
  actor_text TEXT,
  actor_start INTEGER,
  actor_end INTEGER,
  actor_sector TEXT,
  actor_country TEXT,
  target_text TEXT,
  target_start INTEGER,
  target_end INTEGER,
  target_sector TEXT,
  target_country TEXT,
  part_of TEXT,
  date_value TEXT,
  date_precision TEXT,
  date_basis TEXT,
  date_text TEXT,
  date_start INTEGER,
  date_end INTEGER,
  location_text TEXT,
  location_start INTEGER,
  location_end INTEGER,
  location_name TEXT,
  location_country TEXT,
  source_text TEXT,
  source_start INTEGER,
  source_end INTEGER,
  plover_event TEXT NOT NULL,
  plover_mode TEXT,
  cameo TEXT NOT NULL,
  country TEXT GENERATED ALWAYS AS (coalesce(location_country, actor_country, target_country)) VIRTUAL
);
CREATE TABLE counts (
  event_key INTEGER NOT NULL REFERENCES events(event_key),
  n INTEGER NOT NULL,
  doc_id INTEGER NOT NULL REFERENCES documents(doc_id),
  role TEXT NOT NULL,
  value INTEGER,
  low INTEGER,
  high INTEGER,
  approximate INTEGER NOT NULL,
  span_text TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL,
  PRIMARY KEY (event_key, n)
) WITHOUT ROWID;
CREATE TABLE checks (
  doc_id INTEGER NOT NULL REFERENCES documents(doc_id),
  n INTEGER NOT NULL,
  kind TEXT NOT NULL,
  result TEXT NOT NULL,
  events TEXT NOT NULL,
  message TEXT NOT NULL,
  PRIMARY KEY (doc_id, n)
) WITHOUT ROWID;
)sql",
    // 2: where each event happened, in full: subdivision, coordinates, GeoNames id, precision
    // and how the place was chosen (until 1 only the name and country were kept).
    R"sql(
ALTER TABLE events ADD COLUMN location_admin1_code TEXT;
ALTER TABLE events ADD COLUMN location_admin1_name TEXT;
ALTER TABLE events ADD COLUMN location_lat REAL;
ALTER TABLE events ADD COLUMN location_lon REAL;
ALTER TABLE events ADD COLUMN location_geonames_id INTEGER;
ALTER TABLE events ADD COLUMN location_precision TEXT;
ALTER TABLE events ADD COLUMN location_basis TEXT;
)sql",
    // 3: events that only the document's title states: their spans are offsets into the title
    // (docs/output.md, `from`).
    R"sql(
ALTER TABLE events ADD COLUMN evidence_from TEXT NOT NULL DEFAULT 'text' CHECK (evidence_from IN ('text', 'title'));
)sql",
};

static_assert(std::size(kMigrations) == kSchemaVersion, "one migration per schema version");

std::string Now() {
  // SQLite's clock keeps this module free of locale and time-zone code.
  return "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";
}

}  // namespace

Result<int> ReadSchemaVersion(Database& db) {
  auto has_table = db.Prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'");
  if (!has_table.ok()) return has_table.status();
  int rc = has_table->Step();
  if (rc != SQLITE_ROW) return db.Error(rc, "reading the schema version");
  if (has_table->Int(0) == 0) {
    auto any = db.Prepare("SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'");
    if (!any.ok()) return any.status();
    rc = any->Step();
    if (rc != SQLITE_ROW) return db.Error(rc, "reading the schema");
    if (any->Int(0) > 0) {
      return Status(ErrorCode::kIoError,
                    "the database has tables but no schema_version table, so it is not an evident database; "
                    "give a new file name to --db",
                    db.path());
    }
    return 0;
  }
  auto version = db.Prepare("SELECT coalesce(max(version), 0) FROM schema_version");
  if (!version.ok()) return version.status();
  rc = version->Step();
  if (rc != SQLITE_ROW) return db.Error(rc, "reading the schema version");
  return static_cast<int>(version->Int(0));
}

namespace {

Status TooNew(const Database& db, int version) {
  return Status(ErrorCode::kIoError,
                "the database has schema version " + std::to_string(version) + ", newer than this evident knows (" +
                    std::to_string(kSchemaVersion) +
                    "); it was written by a newer evident: use that version, or another --db",
                db.path());
}

}  // namespace

Status Migrate(Database& db) {
  auto version = ReadSchemaVersion(db);
  if (!version.ok()) return version.status();
  if (*version > kSchemaVersion) return TooNew(db, *version);
  if (*version == kSchemaVersion) return Status::Ok();
  // BEGIN IMMEDIATE takes the write lock now, so two processes cannot both migrate.
  if (Status s = db.Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  auto again = ReadSchemaVersion(db);  // another process may have migrated meanwhile
  if (!again.ok() || *again >= kSchemaVersion) {
    db.Exec("ROLLBACK");
    if (!again.ok()) return again.status();
    return *again > kSchemaVersion ? TooNew(db, *again) : Status::Ok();
  }
  Status s;
  if (*again == 0)
    s = db.Exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)");
  for (int v = *again; s.ok() && v < kSchemaVersion; ++v) {
    s = db.Exec(kMigrations[v]);
    if (s.ok())
      s = db.Exec("INSERT INTO schema_version (version, applied) VALUES (" + std::to_string(v + 1) + ", " + Now() +
                  ")");
  }
  if (s.ok()) s = db.Exec("COMMIT");
  if (!s.ok()) {
    db.Exec("ROLLBACK");
    return s;
  }
  return Status::Ok();
}

}  // namespace evident::store
