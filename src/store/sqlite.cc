#include "store/sqlite.h"

#include <sys/stat.h>

#include <utility>

namespace evident::store {

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = other.stmt_;
    db_ = other.db_;
    other.stmt_ = nullptr;
  }
  return *this;
}

Result<Database> Database::Open(const std::string& path, const OpenOptions& options) {
  if (!options.create) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      return Status(ErrorCode::kIoError,
                    "no such database; store documents first with `evident ingest PATH... --db " + path + "`", path);
    }
  }
  int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (options.create && !options.read_only) flags |= SQLITE_OPEN_CREATE;
  flags |= SQLITE_OPEN_NOMUTEX;  // one connection per thread
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Database db(raw, path, options.busy_timeout_ms);
  if (rc != SQLITE_OK) {
    if (!raw) return Status(ErrorCode::kIoError, "cannot open the database: out of memory", path);
    return db.Error(rc, "opening the database");
  }
  sqlite3_extended_result_codes(raw, 0);
  sqlite3_busy_timeout(raw, options.busy_timeout_ms);
  return db;
}

Database::Database(Database&& other) noexcept
    : db_(other.db_), path_(std::move(other.path_)), busy_timeout_ms_(other.busy_timeout_ms_) {
  other.db_ = nullptr;
}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = other.db_;
    path_ = std::move(other.path_);
    busy_timeout_ms_ = other.busy_timeout_ms_;
    other.db_ = nullptr;
  }
  return *this;
}

Database::~Database() { sqlite3_close_v2(db_); }

Status Database::Exec(std::string_view sql) {
  std::string text(sql);
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "running `" + Fragment(sql) + "`");
  return Status::Ok();
}

Result<Statement> Database::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "preparing `" + Fragment(sql) + "`");
  return Statement(stmt, db_);
}

Status Database::Error(int rc, std::string_view action) const {
  int primary = rc & 0xff;
  std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
  std::string message;
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      message = "the database is locked by another process (waited " + std::to_string(busy_timeout_ms_) +
                " ms) while " + std::string(action) + "; wait for it to finish, or use another --db";
      break;
    case SQLITE_NOTADB:
      message = "the file is not an SQLite database (" + detail + ") while " + std::string(action) +
                "; give the path of an evident database, or a new file name";
      break;
    case SQLITE_CORRUPT:
      message = "the database file is damaged (" + detail + ") while " + std::string(action) +
                "; restore it from a copy or ingest into a new file";
      break;
    case SQLITE_FULL:
      message = "the disk is full while " + std::string(action) + "; free space and run the command again (" +
                "everything committed so far is kept)";
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      message = "cannot write or open the database (" + detail + ") while " + std::string(action) +
                "; check the path and its permissions";
      break;
    default:
      message = "SQLite error while " + std::string(action) + ": " + detail;
  }
  return Status(ErrorCode::kIoError, std::move(message), path_);
}

}  // namespace evident::store
