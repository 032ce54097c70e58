#include "store/filter_sql.h"

#include "store/store.h"

namespace evident::store {

std::string FilterSql::P(SqlParam p) {
  const bool is_int = std::holds_alternative<int64_t>(p);
  params.push_back(std::move(p));
  return dialect->placeholder(params.size(), is_int);
}

namespace {
std::string Placeholders(FilterSql& w, const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) {
    if (!out.empty()) out += ", ";
    out += w.P(v);
  }
  return out;
}
}  // namespace

FilterSql BuildFilterSql(const EventFilter& f, const SqlDialect& dialect) {
  FilterSql w(dialect);
  if (!f.types.empty()) w.Add("e.type IN (" + Placeholders(w, f.types) + ")");
  if (!f.statuses.empty()) w.Add("e.status IN (" + Placeholders(w, f.statuses) + ")");
  if (!f.country.empty()) w.Add("e.country = " + w.P(f.country));
  if (!f.since.empty()) w.Add("e.date_value >= " + w.P(f.since));
  if (!f.until.empty()) w.Add("e.date_value <= " + w.P(f.until));
  if (!f.role.empty() || f.min) {
    std::string cond = "EXISTS (SELECT 1 FROM counts fc WHERE fc.event_key = e.event_key";
    if (!f.role.empty()) cond += " AND fc.role = " + w.P(f.role);
    if (f.min) cond += " AND coalesce(fc.value, fc.low) >= " + w.P(*f.min);
    w.Add(cond + ")");
  }
  for (const std::string& word : f.words) w.Add(dialect.contains_word(std::string(dialect.sentence_sql), w.P(word)));
  if (f.doc_id) {
    // The events of a document are one range of keys (store.h, EventKey).
    w.Add("e.event_key BETWEEN " + w.P(EventKey(*f.doc_id, 0)) + " AND " + w.P(EventKey(*f.doc_id + 1, 0) - 1));
  }
  return w;
}

}  // namespace evident::store
