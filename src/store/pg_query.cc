// The queries of query.cc over a PgStore: the same SQL in PostgreSQL's dialect ($N parameters,
// bytea for byte offsets, bool_or, FILTER). Keep the two in step.
#include <algorithm>
#include <charconv>
#include <pqxx/pqxx>
#include <variant>

#include "lexicon/vocabulary.h"
#include "store/filter_sql.h"
#include "store/pg_store.h"
#include "store/store.h"

namespace evident::store::pg {
namespace {

// PostgreSQL's dialect of the filter's WHERE clause (filter_sql.h): parameters are passed as
// text and cast.
std::string PgPlaceholder(size_t n, bool is_int) { return "$" + std::to_string(n) + (is_int ? "::bigint" : "::text"); }
std::string PgContainsWord(const std::string& text, const std::string& word) {
  // ASCII case-insensitive, as SQLite's lower().
  return "strpos(translate(" + text + ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'), translate(" +
         word + ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')) > 0";
}
// The sentence of event `e` in document `d`, cut by byte offsets.
constexpr std::string_view kSentenceSql =
    "convert_from(substring(convert_to(CASE WHEN e.evidence_from = 'title' THEN d.title ELSE d.text END, 'UTF8') "
    "FROM (e.sentence_start + 1)::int FOR "
    "(e.sentence_end - e.sentence_start)::int), 'UTF8')";
const SqlDialect kPostgres{PgPlaceholder, kSentenceSql, PgContainsWord};

using Where = FilterSql;
Where BuildWhere(const EventFilter& f) { return BuildFilterSql(f, kPostgres); }

// Runs `sql` with the filter's parameters (as text; the SQL casts them).
pqxx::result Exec(pqxx::transaction_base& txn, const std::string& sql, const Where& w) {
  std::vector<std::string> values;
  for (const SqlParam& p : w.params) {
    if (const int64_t* v = std::get_if<int64_t>(&p))
      values.push_back(std::to_string(*v));
    else
      values.push_back(std::get<std::string>(p));
  }
  return txn.exec_params(sql, pqxx::prepare::make_dynamic_params(values));
}

std::string Str(const pqxx::field& f) { return f.is_null() ? std::string() : std::string(f.c_str(), f.size()); }
int64_t Int(const pqxx::field& f) { return f.is_null() ? 0 : f.as<int64_t>(); }
std::optional<int64_t> OptInt(const pqxx::field& f) {
  if (f.is_null()) return std::nullopt;
  return f.as<int64_t>();
}

SpanRecord ReadSpan(const pqxx::row& r, int first) {
  SpanRecord s;
  if (r[first + 1].is_null()) return s;
  s.present = true;
  s.text = Str(r[first]);
  s.start = Int(r[first + 1]);
  s.end = Int(r[first + 2]);
  return s;
}

}  // namespace

Status ForEachEvent(PgStore& store, const EventFilter& filter, const std::function<void(const EventRecord&)>& fn) {
  Where w = BuildWhere(filter);
  std::string from = " FROM events e JOIN documents d ON d.doc_id = e.doc_id" + w.sql;
  std::string limit = filter.limit > 0 ? " LIMIT " + std::to_string(filter.limit) : "";
  std::string sql =
      "SELECT e.event_key, e.doc_id, d.source_id, d.url, d.title, d.published, e.event_id, e.type, e.mode, e.status, "
      "e.trigger_text, e.trigger_start, e.trigger_end, " +
      std::string(kSentenceSql) +
      ", e.sentence_start, e.sentence_end, "
      "e.actor_text, e.actor_start, e.actor_end, e.actor_sector, e.actor_country, "
      "e.target_text, e.target_start, e.target_end, e.target_sector, e.target_country, e.part_of, "
      "e.date_value, e.date_precision, e.date_basis, e.date_text, e.date_start, e.date_end, "
      "e.location_text, e.location_start, e.location_end, e.location_name, e.location_country, "
      "e.source_text, e.source_start, e.source_end, e.plover_event, e.plover_mode, e.cameo, e.country, "
      "e.location_admin1_code, e.location_admin1_name, e.location_lat, e.location_lon, e.location_geonames_id, "
      "e.location_precision, e.location_basis, e.evidence_from" +
      from + " ORDER BY e.doc_id, e.event_key" + limit;
  // The counts of the same events in one query, in event_key order (= the events' order).
  std::string counts_sql =
      "SELECT event_key, role, value, low, high, approximate, span_text, span_start, span_end FROM counts "
      "WHERE event_key IN (SELECT e.event_key" +
      from + " ORDER BY e.doc_id, e.event_key" + limit + ") ORDER BY event_key, n";
  try {
    pqxx::read_transaction txn(store.conn());
    pqxx::result events = Exec(txn, sql, w);
    pqxx::result counts = Exec(txn, counts_sql, w);
    size_t c = 0;
    EventRecord e;
    for (const pqxx::row& r : events) {
      e = EventRecord();
      e.event_key = Int(r[0]);
      e.doc_id = Int(r[1]);
      e.source_id = Str(r[2]);
      e.url = Str(r[3]);
      e.title = Str(r[4]);
      e.published = Str(r[5]);
      e.event_id = Str(r[6]);
      e.type = Str(r[7]);
      e.mode = Str(r[8]);
      e.status = Str(r[9]);
      e.trigger = ReadSpan(r, 10);
      e.sentence.present = true;
      e.sentence.text = Str(r[13]);
      e.sentence.start = Int(r[14]);
      e.sentence.end = Int(r[15]);
      e.actor.span = ReadSpan(r, 16);
      e.actor.sector = Str(r[19]);
      e.actor.country = Str(r[20]);
      e.target.span = ReadSpan(r, 21);
      e.target.sector = Str(r[24]);
      e.target.country = Str(r[25]);
      e.part_of = Str(r[26]);
      e.date_value = Str(r[27]);
      e.date_precision = Str(r[28]);
      e.date_basis = Str(r[29]);
      e.date = ReadSpan(r, 30);
      e.location = ReadSpan(r, 33);
      e.has_location = e.location.present;
      e.location_name = Str(r[36]);
      e.location_country = Str(r[37]);
      e.source = ReadSpan(r, 38);
      e.plover_event = Str(r[41]);
      e.plover_mode = Str(r[42]);
      e.cameo = Str(r[43]);
      e.country = Str(r[44]);
      e.location_admin1_code = Str(r[45]);
      e.location_admin1_name = Str(r[46]);
      if (!r[47].is_null()) e.location_lat = r[47].as<double>();
      if (!r[48].is_null()) e.location_lon = r[48].as<double>();
      e.location_geonames_id = OptInt(r[49]);
      e.location_precision = Str(r[50]);
      e.location_basis = Str(r[51]);
      e.evidence_from = Str(r[52]);
      while (c < counts.size() && Int(counts[c][0]) < e.event_key) ++c;
      for (; c < counts.size() && Int(counts[c][0]) == e.event_key; ++c) {
        const pqxx::row& cr = counts[c];
        CountRecord n;
        n.role = Str(cr[1]);
        n.value = OptInt(cr[2]);
        n.low = OptInt(cr[3]);
        n.high = OptInt(cr[4]);
        n.approximate = Int(cr[5]) != 0;
        n.span = ReadSpan(cr, 6);
        e.counts.push_back(std::move(n));
      }
      fn(e);
    }
  } catch (const std::exception& ex) {
    return store.Error(ex, "reading events");
  }
  return Status::Ok();
}

Result<DocumentRecord> GetDocument(PgStore& store, std::string_view id) {
  const std::string columns =
      "SELECT doc_id, source_id, origin, url, title, published, content_hash, status, error_code, error_message, "
      "error_where, warnings, text, run_id FROM documents ";
  int64_t number = 0;
  auto [ptr, ec] = std::from_chars(id.data(), id.data() + id.size(), number);
  bool numeric = ec == std::errc() && ptr == id.data() + id.size();
  std::vector<DocumentRecord> found;
  try {
    pqxx::read_transaction txn(store.conn());
    auto read = [&](const pqxx::result& rows) {
      for (const pqxx::row& r : rows) {
        DocumentRecord d;
        d.doc_id = Int(r[0]);
        d.source_id = Str(r[1]);
        d.origin = Str(r[2]);
        d.url = Str(r[3]);
        d.title = Str(r[4]);
        d.published = Str(r[5]);
        d.content_hash = Str(r[6]);
        d.status = Str(r[7]);
        d.error_code = Str(r[8]);
        d.error_message = Str(r[9]);
        d.error_where = Str(r[10]);
        d.warnings = Str(r[11]);
        d.text = Str(r[12]);
        d.run_id = Int(r[13]);
        found.push_back(std::move(d));
      }
    };
    if (numeric) read(txn.exec_params(columns + "WHERE doc_id = $1", number));
    if (found.empty())
      read(txn.exec_params(columns + "WHERE source_id = $1 ORDER BY doc_id LIMIT 11", std::string(id)));
    if (found.size() == 1) {
      for (const pqxx::row& r : txn.exec_params(
               "SELECT kind, result, events, message FROM checks WHERE doc_id = $1 ORDER BY n", found.front().doc_id)) {
        found.front().checks.push_back({Str(r[0]), Str(r[1]), Str(r[2]), Str(r[3])});
      }
    }
  } catch (const std::exception& ex) {
    return store.Error(ex, "reading the document");
  }
  if (found.empty()) {
    return Status(ErrorCode::kUsage,
                  "no document with doc_id or source id '" + Fragment(id) + "'; list them with `evident events`",
                  store.name());
  }
  if (found.size() > 1) {
    std::string ids;
    for (const auto& d : found) ids += (ids.empty() ? "" : ", ") + std::to_string(d.doc_id);
    return Status(ErrorCode::kUsage,
                  "several documents have source id '" + Fragment(id) + "' (doc_id " + ids + "); give a doc_id",
                  store.name());
  }
  return std::move(found.front());
}

Result<std::vector<StatsRow>> Stats(PgStore& store, const EventFilter& filter, const std::vector<std::string>& by) {
  auto grouping = StatsGrouping(by);
  if (!grouping.ok()) return grouping.status();
  const std::string& key_list = grouping->select;
  const std::string& group = grouping->group_by;
  const std::vector<std::string>& keys = grouping->keys;

  std::vector<StatsRow> rows;
  auto read = [&](const pqxx::result& result, bool with_role) {
    for (const pqxx::row& r : result) {
      StatsRow row;
      size_t i = 0;
      for (; i < keys.size(); ++i) row.keys.push_back(Str(r[static_cast<int>(i)]));
      int col = static_cast<int>(i);
      if (with_role) row.role = Str(r[col++]);
      row.events = Int(r[col++]);
      if (with_role) {
        row.people = Int(r[col++]);
        row.approximate = !r[col].is_null() && r[col].as<bool>();
        ++col;
      }
      row.documents = Int(r[col++]);
      rows.push_back(std::move(row));
    }
  };
  EventFilter unlimited = filter;
  unlimited.limit = 0;
  Where w = BuildWhere(unlimited);
  std::string events_sql = "SELECT " + key_list +
                           "count(*), count(DISTINCT e.doc_id) FROM events e JOIN documents d ON d.doc_id = e.doc_id" +
                           w.sql + (group.empty() ? "" : " GROUP BY " + group);
  std::string cond = w.sql.empty() ? " WHERE " : w.sql + " AND ";
  std::string people_sql =
      "SELECT " + key_list +
      "c.role, count(DISTINCT e.event_key), coalesce(sum(coalesce(c.value, c.low)), 0)::bigint, "
      "bool_or(c.approximate <> 0 OR c.value IS NULL), count(DISTINCT e.doc_id) "
      "FROM events e JOIN documents d ON d.doc_id = e.doc_id JOIN counts c ON c.event_key = e.event_key" +
      cond +
      "NOT (e.part_of IS NOT NULL AND EXISTS (SELECT 1 FROM counts pc WHERE pc.event_key = "
      "(e.doc_id << " +
      std::to_string(kEventKeyBits) +
      ") + CAST(substr(e.part_of, 2) AS BIGINT) AND pc.role = c.role))"
      " GROUP BY " +
      (group.empty() ? std::string() : group + ", ") + "c.role";
  try {
    pqxx::read_transaction txn(store.conn());
    read(Exec(txn, events_sql, w), false);
    read(Exec(txn, people_sql, w), true);
  } catch (const std::exception& ex) {
    return store.Error(ex, "computing statistics");
  }
  auto role_rank = [](const std::string& role) {
    auto r = lexicon::ParseRole(role);
    return role.empty() ? -1 : r ? static_cast<int>(*r) : 100;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const StatsRow& a, const StatsRow& b) {
    if (a.keys != b.keys) return a.keys < b.keys;
    return role_rank(a.role) < role_rank(b.role);
  });
  return rows;
}

Result<std::vector<RunRecord>> ListRuns(PgStore& store) {
  std::vector<RunRecord> runs;
  try {
    pqxx::read_transaction txn(store.conn());
    for (const pqxx::row& r :
         txn.exec("SELECT run_id, started, finished, evident_version, args, inputs, read, stored, skipped_duplicates, "
                  "rejected, failed, events, bytes FROM runs ORDER BY run_id")) {
      RunRecord run;
      run.run_id = Int(r[0]);
      run.started = Str(r[1]);
      run.finished = Str(r[2]);
      run.evident_version = Str(r[3]);
      run.args = Str(r[4]);
      run.inputs = Str(r[5]);
      run.read = Int(r[6]);
      run.stored = Int(r[7]);
      run.skipped_duplicates = Int(r[8]);
      run.rejected = Int(r[9]);
      run.failed = Int(r[10]);
      run.events = Int(r[11]);
      run.bytes = Int(r[12]);
      runs.push_back(std::move(run));
    }
  } catch (const std::exception& ex) {
    return store.Error(ex, "reading runs");
  }
  return runs;
}

Result<StoreTotals> Totals(PgStore& store) {
  StoreTotals t;
  try {
    pqxx::read_transaction txn(store.conn());
    auto r = txn.exec1(
        "SELECT count(*), count(*) FILTER (WHERE status = 'ok'), count(*) FILTER (WHERE status = 'rejected'), "
        "count(*) FILTER (WHERE status = 'failed'), (SELECT count(*) FROM events) FROM documents");
    t.documents = Int(r[0]);
    t.ok = Int(r[1]);
    t.rejected = Int(r[2]);
    t.failed = Int(r[3]);
    t.events = Int(r[4]);
  } catch (const std::exception& ex) {
    return store.Error(ex, "counting documents");
  }
  return t;
}

}  // namespace evident::store::pg
