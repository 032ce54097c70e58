// The WHERE clause of an EventFilter (query.h) over `events e JOIN documents d`, written once
// for both stores: SQLite (query.cc) and PostgreSQL (pg_query.cc) differ only in how a
// parameter is written, how an event's sentence is cut from its document, and how a text is
// searched for a word; an SqlDialect says each.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "store/query.h"

namespace evident::store {

using SqlParam = std::variant<int64_t, std::string>;

struct SqlDialect {
  // The placeholder of the n-th parameter (from 1): "?3" in SQLite, "$3::text" in PostgreSQL.
  std::string (*placeholder)(size_t n, bool is_int);
  // An SQL expression: the sentence of event `e` in document `d`, cut by its byte offsets.
  std::string_view sentence_sql;
  // An SQL condition: `text` contains `word`, ASCII letters compared without case.
  std::string (*contains_word)(const std::string& text, const std::string& word);
};

// A WHERE clause (empty, or " WHERE ..."), and the parameters its placeholders stand for.
struct FilterSql {
  explicit FilterSql(const SqlDialect& d) : dialect(&d) {}
  std::string sql;
  std::vector<SqlParam> params;
  const SqlDialect* dialect;

  void Add(const std::string& condition) { sql += (sql.empty() ? " WHERE " : " AND ") + condition; }
  // Adds a parameter; returns its placeholder.
  std::string P(SqlParam p);
};

// The conditions of `f` (its limit aside): types, statuses, country, dates, count role and
// minimum, words of the sentence, document.
FilterSql BuildFilterSql(const EventFilter& f, const SqlDialect& dialect);

}  // namespace evident::store
