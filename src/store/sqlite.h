// Thin RAII wrappers over the SQLite C API: a connection (Database) and a prepared statement
// (Statement). They turn SQLite result codes into Status values whose message says what went
// wrong in the user's terms (a locked database, a file that is not a database, a full disk)
// and whose where() is the database path.
//
//   auto db = Database::Open("evident.db", {.create = true});
//   auto st = db->Prepare("SELECT count(*) FROM documents WHERE status = ?");
//   st->Bind(1, "ok");
//   if (st->Step() == SQLITE_ROW) n = st->Int(0);
//
// Not thread-safe: one Database and its Statements belong to one thread at a time.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace evident::store {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(Statement&& other) noexcept : stmt_(other.stmt_), db_(other.db_) { other.stmt_ = nullptr; }
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based. Text is bound without a copy: it must stay alive until Step().
  void Bind(int index, int64_t value) { sqlite3_bind_int64(stmt_, index, value); }
  void Bind(int index, std::string_view text) {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
  }
  void Bind(int index, const char* text) { Bind(index, std::string_view(text)); }
  void Bind(int index, double value) { sqlite3_bind_double(stmt_, index, value); }
  void Bind(int index, const std::optional<int64_t>& value) {
    if (value)
      Bind(index, *value);
    else
      BindNull(index);
  }
  // Binds NULL for an empty string.
  void BindOrNull(int index, std::string_view text) {
    if (text.empty())
      BindNull(index);
    else
      Bind(index, text);
  }
  void BindNull(int index) { sqlite3_bind_null(stmt_, index); }

  // SQLITE_ROW, SQLITE_DONE, or an error code (see Database::Error).
  int Step() { return sqlite3_step(stmt_); }
  // Ready to run again; bindings are cleared.
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
  int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  double Double(int column) const { return sqlite3_column_double(stmt_, column); }
  std::optional<int64_t> OptInt(int column) const {
    if (IsNull(column)) return std::nullopt;
    return Int(column);
  }
  // Valid until the next Step(), Reset() or column access of another type. "" for NULL.
  std::string_view Text(int column) const {
    const unsigned char* p = sqlite3_column_text(stmt_, column);
    if (!p) return {};
    return std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
  }
  std::string String(int column) const { return std::string(Text(column)); }

  sqlite3_stmt* get() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  sqlite3* db_ = nullptr;
};

struct OpenOptions {
  bool create = false;         // create the file if it does not exist
  bool read_only = false;      // open for reading only
  int busy_timeout_ms = 5000;  // how long to wait for another process's lock
};

class Database {
 public:
  // Opens (or creates) the database at `path`. A missing file without `create` is an error
  // that says to run `evident ingest` first.
  static Result<Database> Open(const std::string& path, const OpenOptions& options);

  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Runs one or more statements that return no rows.
  Status Exec(std::string_view sql);
  Result<Statement> Prepare(std::string_view sql);

  // A Status for SQLite result code `rc` (from Step(), Exec(), ...) while doing `action`:
  //   "evident.db: the database is locked by another process (waited 5000 ms) while storing
  //    documents; wait for it to finish, or use another --db"
  Status Error(int rc, std::string_view action) const;

  int64_t LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
  int Changes() const { return sqlite3_changes(db_); }
  sqlite3* get() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  Database(sqlite3* db, std::string path, int busy_timeout_ms)
      : db_(db), path_(std::move(path)), busy_timeout_ms_(busy_timeout_ms) {}

  sqlite3* db_ = nullptr;
  std::string path_;
  int busy_timeout_ms_ = 0;
};

}  // namespace evident::store
