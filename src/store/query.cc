#include "store/query.h"

#include <algorithm>
#include <charconv>
#include <variant>

#include "common/date.h"
#include "lexicon/vocabulary.h"
#include "store/filter_sql.h"
#include "store/store.h"

namespace evident::store {
namespace {

// SQLite's dialect of the filter's WHERE clause (filter_sql.h).
std::string SqlitePlaceholder(size_t n, bool /*is_int*/) { return "?" + std::to_string(n); }
std::string SqliteContainsWord(const std::string& text, const std::string& word) {
  return "instr(lower(" + text + "), lower(" + word + ")) > 0";
}
// The sentence of event `e` in document `d` (byte offsets, so the text is cut as a BLOB).
constexpr std::string_view kSentenceSql =
    "CAST(substr(CAST(CASE WHEN e.evidence_from = 'title' THEN d.title ELSE d.text END AS BLOB), e.sentence_start + 1, "
    "e.sentence_end - e.sentence_start) AS TEXT)";
const SqlDialect kSqlite{SqlitePlaceholder, kSentenceSql, SqliteContainsWord};

using Where = FilterSql;
Where BuildWhere(const EventFilter& f) { return BuildFilterSql(f, kSqlite); }

void BindAll(const Where& w, Statement& st) {
  for (size_t i = 0; i < w.params.size(); ++i) {
    int index = static_cast<int>(i + 1);
    if (const int64_t* v = std::get_if<int64_t>(&w.params[i]))
      st.Bind(index, *v);
    else
      st.Bind(index, std::string_view(std::get<std::string>(w.params[i])));
  }
}

Status QueryError(Database& db, int rc, std::string_view what) { return db.Error(rc, std::string(what)); }

SpanRecord ReadSpan(const Statement& st, int first) {
  SpanRecord s;
  if (st.IsNull(first + 1)) return s;
  s.present = true;
  s.text = st.String(first);
  s.start = st.Int(first + 1);
  s.end = st.Int(first + 2);
  return s;
}

bool IsUpperAlpha2(std::string_view s) {
  return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

std::string Upper(std::string s) {
  for (char& c : s) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  return s;
}
std::string Lower(std::string s) {
  for (char& c : s) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  return s;
}

std::string KnownTypes() {
  std::string out;
  for (int t = 0; t < lexicon::kNumEventTypes; ++t) {
    if (t) out += ", ";
    out += lexicon::EventTypeName(static_cast<lexicon::EventType>(t));
  }
  return out;
}

std::string KnownRoles() {
  std::string out;
  for (int r = static_cast<int>(lexicon::Role::kParticipants); r <= static_cast<int>(lexicon::Role::kInjured); ++r) {
    if (!out.empty()) out += ", ";
    out += lexicon::RoleName(static_cast<lexicon::Role>(r));
  }
  return out;
}

}  // namespace

Status NormalizeFilter(EventFilter* f) {
  for (std::string& t : f->types) {
    t = Upper(t);
    if (!lexicon::ParseEventType(t)) {
      return Status(ErrorCode::kUsage, "unknown event type '" + Fragment(t) + "'; types are " + KnownTypes(), "--type");
    }
  }
  for (std::string& s : f->statuses) {
    s = Lower(s);
    if (s != "happened" && s != "negated" && s != "planned" && s != "hypothetical") {
      return Status(
          ErrorCode::kUsage,
          "unknown event status '" + Fragment(s) + "'; statuses are happened, negated, planned, hypothetical, all",
          "--status");
    }
  }
  if (!f->country.empty()) {
    f->country = Upper(f->country);
    if (!IsUpperAlpha2(f->country)) {
      return Status(ErrorCode::kUsage,
                    "'" + Fragment(f->country) + "' is not a country code; use ISO 3166-1 alpha-2 (KZ, US, ...)",
                    "--country");
    }
  }
  for (auto [value, name] : {std::pair<std::string*, const char*>{&f->since, "--since"}, {&f->until, "--until"}}) {
    if (value->empty()) continue;
    // A month or a year is accepted: --since 2020-05 means 2020-05-01; --until 2020-05 the
    // month's end (dates compare as text, so "2020-05-99" is after every day of May).
    std::string v = *value;
    bool until = std::string_view(name) == "--until";
    if (v.size() == 4)
      v += until ? "-99-99" : "-01-01";
    else if (v.size() == 7)
      v += until ? "-99" : "-01";
    std::string check = v;
    if (until) {
      if (check.substr(5, 2) == "99") check.replace(5, 2, "12");
      if (check.substr(8, 2) == "99") check.replace(8, 2, "01");
    }
    if (!ParseIsoDate(check)) {
      return Status(ErrorCode::kUsage, "'" + Fragment(*value) + "' is not a date; use YYYY-MM-DD, YYYY-MM or YYYY",
                    name);
    }
    *value = v;
  }
  if (!f->role.empty()) {
    f->role = Lower(f->role);
    auto role = lexicon::ParseRole(f->role);
    if (!role || *role == lexicon::Role::kNone) {
      return Status(ErrorCode::kUsage, "unknown count role '" + Fragment(f->role) + "'; roles are " + KnownRoles(),
                    "--role");
    }
  }
  return Status::Ok();
}

Status ForEachEvent(Database& db, const EventFilter& filter, const std::function<void(const EventRecord&)>& fn) {
  Where w = BuildWhere(filter);
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
      "e.location_precision, e.location_basis, e.evidence_from "
      "FROM events e JOIN documents d ON d.doc_id = e.doc_id" +
      w.sql + " ORDER BY e.doc_id, e.event_key";
  if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit);
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  BindAll(w, *st);
  auto counts = db.Prepare(
      "SELECT role, value, low, high, approximate, span_text, span_start, span_end FROM counts "
      "WHERE event_key = ?1 ORDER BY n");
  if (!counts.ok()) return counts.status();
  EventRecord e;
  int rc;
  while ((rc = st->Step()) == SQLITE_ROW) {
    const Statement& r = *st;
    e = EventRecord();
    e.event_key = r.Int(0);
    e.doc_id = r.Int(1);
    e.source_id = r.String(2);
    e.url = r.String(3);
    e.title = r.String(4);
    e.published = r.String(5);
    e.event_id = r.String(6);
    e.type = r.String(7);
    e.mode = r.String(8);
    e.status = r.String(9);
    e.trigger = ReadSpan(r, 10);
    e.sentence.present = true;
    e.sentence.text = r.String(13);
    e.sentence.start = r.Int(14);
    e.sentence.end = r.Int(15);
    e.actor.span = ReadSpan(r, 16);
    e.actor.sector = r.String(19);
    e.actor.country = r.String(20);
    e.target.span = ReadSpan(r, 21);
    e.target.sector = r.String(24);
    e.target.country = r.String(25);
    e.part_of = r.String(26);
    e.date_value = r.String(27);
    e.date_precision = r.String(28);
    e.date_basis = r.String(29);
    e.date = ReadSpan(r, 30);
    e.location = ReadSpan(r, 33);
    e.has_location = e.location.present;
    e.location_name = r.String(36);
    e.location_country = r.String(37);
    e.source = ReadSpan(r, 38);
    e.plover_event = r.String(41);
    e.plover_mode = r.String(42);
    e.cameo = r.String(43);
    e.country = r.String(44);
    e.location_admin1_code = r.String(45);
    e.location_admin1_name = r.String(46);
    if (!r.IsNull(47)) e.location_lat = r.Double(47);
    if (!r.IsNull(48)) e.location_lon = r.Double(48);
    e.location_geonames_id = r.OptInt(49);
    e.location_precision = r.String(50);
    e.location_basis = r.String(51);
    e.evidence_from = r.String(52);
    counts->Bind(1, e.event_key);
    int crc;
    while ((crc = counts->Step()) == SQLITE_ROW) {
      CountRecord c;
      c.role = counts->String(0);
      c.value = counts->OptInt(1);
      c.low = counts->OptInt(2);
      c.high = counts->OptInt(3);
      c.approximate = counts->Int(4) != 0;
      c.span = ReadSpan(*counts, 5);
      e.counts.push_back(std::move(c));
    }
    counts->Reset();
    if (crc != SQLITE_DONE) return QueryError(db, crc, "reading counts");
    fn(e);
  }
  if (rc != SQLITE_DONE) return QueryError(db, rc, "reading events");
  return Status::Ok();
}

Result<DocumentRecord> GetDocument(Database& db, std::string_view id) {
  constexpr std::string_view kColumns =
      "SELECT doc_id, source_id, origin, url, title, published, content_hash, status, error_code, error_message, "
      "error_where, warnings, text, run_id FROM documents ";
  int64_t number = 0;
  auto [ptr, ec] = std::from_chars(id.data(), id.data() + id.size(), number);
  bool numeric = ec == std::errc() && ptr == id.data() + id.size();
  std::vector<DocumentRecord> found;
  auto read = [&](Statement& st) -> Status {
    int rc;
    while ((rc = st.Step()) == SQLITE_ROW) {
      DocumentRecord d;
      d.doc_id = st.Int(0);
      d.source_id = st.String(1);
      d.origin = st.String(2);
      d.url = st.String(3);
      d.title = st.String(4);
      d.published = st.String(5);
      d.content_hash = st.String(6);
      d.status = st.String(7);
      d.error_code = st.String(8);
      d.error_message = st.String(9);
      d.error_where = st.String(10);
      d.warnings = st.String(11);
      d.text = st.String(12);
      d.run_id = st.Int(13);
      found.push_back(std::move(d));
    }
    if (rc != SQLITE_DONE) return QueryError(db, rc, "reading the document");
    return Status::Ok();
  };
  if (numeric) {
    auto st = db.Prepare(std::string(kColumns) + "WHERE doc_id = ?1");
    if (!st.ok()) return st.status();
    st->Bind(1, number);
    if (Status s = read(*st); !s.ok()) return s;
  }
  if (found.empty()) {
    auto st = db.Prepare(std::string(kColumns) + "WHERE source_id = ?1 ORDER BY doc_id LIMIT 11");
    if (!st.ok()) return st.status();
    st->Bind(1, id);
    if (Status s = read(*st); !s.ok()) return s;
  }
  if (found.empty()) {
    return Status(ErrorCode::kUsage,
                  "no document with doc_id or source id '" + Fragment(id) + "'; list them with `evident events`",
                  db.path());
  }
  if (found.size() > 1) {
    std::string ids;
    for (const auto& d : found) ids += (ids.empty() ? "" : ", ") + std::to_string(d.doc_id);
    return Status(ErrorCode::kUsage,
                  "several documents have source id '" + Fragment(id) + "' (doc_id " + ids + "); give a doc_id",
                  db.path());
  }
  DocumentRecord& doc = found.front();
  auto checks = db.Prepare("SELECT kind, result, events, message FROM checks WHERE doc_id = ?1 ORDER BY n");
  if (!checks.ok()) return checks.status();
  checks->Bind(1, doc.doc_id);
  int rc;
  while ((rc = checks->Step()) == SQLITE_ROW) {
    doc.checks.push_back({checks->String(0), checks->String(1), checks->String(2), checks->String(3)});
  }
  if (rc != SQLITE_DONE) return QueryError(db, rc, "reading checks");
  return std::move(doc);
}

Result<StatsGroupingSql> StatsGrouping(const std::vector<std::string>& by) {
  StatsGroupingSql g;
  for (const std::string& dim : by) {
    if (dim == "country")
      g.keys.push_back("coalesce(e.country, '')");
    else if (dim == "type")
      g.keys.push_back("e.type");
    else if (dim == "month")
      g.keys.push_back("coalesce(substr(e.date_value, 1, 7), '')");
    else if (dim == "year")
      g.keys.push_back("coalesce(substr(e.date_value, 1, 4), '')");
    else if (dim == "status")
      g.keys.push_back("e.status");
    else if (dim == "source")
      g.keys.push_back("coalesce(e.source_text, '')");
    else if (dim == "role")
      continue;
    else {
      std::string known;
      for (std::string_view d : kStatsDimensions) known += (known.empty() ? "" : ", ") + std::string(d);
      return Status(ErrorCode::kUsage, "unknown --by dimension '" + Fragment(dim) + "'; use " + known, "--by");
    }
  }
  for (size_t i = 0; i < g.keys.size(); ++i) g.select += g.keys[i] + " AS k" + std::to_string(i) + ", ";
  for (size_t i = 0; i < g.keys.size(); ++i) g.group_by += (g.group_by.empty() ? "" : ", ") + ("k" + std::to_string(i));
  return g;
}

Result<std::vector<StatsRow>> Stats(Database& db, const EventFilter& filter, const std::vector<std::string>& by) {
  auto grouping = StatsGrouping(by);
  if (!grouping.ok()) return grouping.status();
  const std::string& key_list = grouping->select;
  const std::string& group = grouping->group_by;
  const std::vector<std::string>& keys = grouping->keys;

  std::vector<StatsRow> rows;
  auto run = [&](const std::string& sql, const Where& w, bool with_role) -> Status {
    auto st = db.Prepare(sql);
    if (!st.ok()) return st.status();
    BindAll(w, *st);
    int rc;
    while ((rc = st->Step()) == SQLITE_ROW) {
      StatsRow row;
      size_t i = 0;
      for (; i < keys.size(); ++i) row.keys.push_back(st->String(static_cast<int>(i)));
      int col = static_cast<int>(i);
      if (with_role) row.role = st->String(col++);
      row.events = st->Int(col++);
      if (with_role) {
        row.people = st->Int(col++);
        row.approximate = st->Int(col++) != 0;
      }
      row.documents = st->Int(col++);
      rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) return QueryError(db, rc, "computing statistics");
    return Status::Ok();
  };

  EventFilter unlimited = filter;
  unlimited.limit = 0;
  Where w = BuildWhere(unlimited);
  std::string events_sql = "SELECT " + key_list +
                           "count(*), count(DISTINCT e.doc_id) FROM events e JOIN documents d ON d.doc_id = e.doc_id" +
                           w.sql + (group.empty() ? "" : " GROUP BY " + group);
  if (Status s = run(events_sql, w, false); !s.ok()) return s;

  Where wr = BuildWhere(unlimited);
  std::string cond = wr.sql.empty() ? " WHERE " : wr.sql + " AND ";
  std::string people_sql =
      "SELECT " + key_list +
      "c.role, count(DISTINCT e.event_key), coalesce(sum(coalesce(c.value, c.low)), 0), "
      "max(c.approximate OR c.value IS NULL), count(DISTINCT e.doc_id) "
      "FROM events e JOIN documents d ON d.doc_id = e.doc_id JOIN counts c ON c.event_key = e.event_key" +
      cond +
      "NOT (e.part_of IS NOT NULL AND EXISTS (SELECT 1 FROM counts pc WHERE pc.event_key = "
      "(e.doc_id << " +
      std::to_string(kEventKeyBits) +
      ") + CAST(substr(e.part_of, 2) AS INTEGER) AND pc.role = c.role))"
      " GROUP BY " +
      (group.empty() ? std::string() : group + ", ") + "c.role";
  if (Status s = run(people_sql, wr, true); !s.ok()) return s;

  // Each group's events row first, then its roles in the order of the role vocabulary.
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

Result<std::vector<RunRecord>> ListRuns(Database& db) {
  auto st = db.Prepare(
      "SELECT run_id, started, finished, evident_version, args, inputs, read, stored, skipped_duplicates, rejected, "
      "failed, events, bytes FROM runs ORDER BY run_id");
  if (!st.ok()) return st.status();
  std::vector<RunRecord> runs;
  int rc;
  while ((rc = st->Step()) == SQLITE_ROW) {
    RunRecord r;
    r.run_id = st->Int(0);
    r.started = st->String(1);
    r.finished = st->String(2);
    r.evident_version = st->String(3);
    r.args = st->String(4);
    r.inputs = st->String(5);
    r.read = st->Int(6);
    r.stored = st->Int(7);
    r.skipped_duplicates = st->Int(8);
    r.rejected = st->Int(9);
    r.failed = st->Int(10);
    r.events = st->Int(11);
    r.bytes = st->Int(12);
    runs.push_back(std::move(r));
  }
  if (rc != SQLITE_DONE) return QueryError(db, rc, "reading runs");
  return runs;
}

Result<StoreTotals> Totals(Database& db) {
  auto st = db.Prepare(
      "SELECT count(*), coalesce(sum(status = 'ok'), 0), coalesce(sum(status = 'rejected'), 0), "
      "coalesce(sum(status = 'failed'), 0), (SELECT count(*) FROM events) FROM documents");
  if (!st.ok()) return st.status();
  int rc = st->Step();
  if (rc != SQLITE_ROW) return QueryError(db, rc, "counting documents");
  StoreTotals t;
  t.documents = st->Int(0);
  t.ok = st->Int(1);
  t.rejected = st->Int(2);
  t.failed = st->Int(3);
  t.events = st->Int(4);
  return t;
}

}  // namespace evident::store
