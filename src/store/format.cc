#include "store/format.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "common/utf8.h"
#include "lexicon/vocabulary.h"

namespace evident::store {
namespace {

using Json = nlohmann::ordered_json;

// The roles in vocabulary order (the CSV's per-role columns).
std::vector<std::string_view> AllRoles() {
  std::vector<std::string_view> roles;
  for (int r = static_cast<int>(lexicon::Role::kParticipants); r <= static_cast<int>(lexicon::Role::kInjured); ++r)
    roles.push_back(lexicon::RoleName(static_cast<lexicon::Role>(r)));
  return roles;
}

Json NullOr(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json SpanJson(const SpanRecord& s) {
  if (!s.present) return nullptr;
  return Json{{"text", s.text}, {"start", s.start}, {"end", s.end}};
}

Json ActorJson(const ActorRecord& a) {
  if (!a.span.present) return nullptr;
  Json j = SpanJson(a.span);
  j["sector"] = NullOr(a.sector);
  j["country"] = NullOr(a.country);
  return j;
}

Json OptInt(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }

Json CountsJson(const std::vector<CountRecord>& counts) {
  Json out = Json::array();
  for (const CountRecord& c : counts) {
    out.push_back(Json{{"role", c.role},
                       {"value", OptInt(c.value)},
                       {"low", OptInt(c.low)},
                       {"high", OptInt(c.high)},
                       {"approximate", c.approximate},
                       {"text", c.span.text},
                       {"start", c.span.start},
                       {"end", c.span.end}});
  }
  return out;
}

// Number of code points (a stand-in for the display width).
size_t Width(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// `s` cut to at most `width` code points, with "…" when cut. Newlines become spaces.
std::string Cut(std::string_view s, size_t width) {
  std::string flat(s);
  for (char& c : flat)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (width == 0 || Width(flat) <= width) return flat;
  size_t keep = width > 1 ? width - 1 : 0;
  size_t bytes = 0, points = 0;
  while (bytes < flat.size() && points < keep) {
    size_t len = 1;
    DecodeUtf8(flat, bytes, &len);
    bytes += len;
    ++points;
  }
  return flat.substr(0, bytes) + "\xE2\x80\xA6";
}

// Lays out rows in columns separated by two spaces; the last column is cut to fit `width`.
std::string Table(const std::vector<std::vector<std::string>>& rows, size_t width, const std::vector<bool>& right) {
  if (rows.empty()) return "";
  size_t n = rows.front().size();
  std::vector<size_t> w(n, 0);
  for (const auto& row : rows)
    for (size_t i = 0; i < n && i < row.size(); ++i) w[i] = std::max(w[i], Width(row[i]));
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (size_t i = 0; i < n && i < row.size(); ++i) {
      bool last = i + 1 == n;
      std::string cell = row[i];
      if (last && width > 0) {
        size_t used = Width(line);
        cell = Cut(cell, width > used + 10 ? width - used : 10);
      }
      size_t pad = w[i] > Width(cell) ? w[i] - Width(cell) : 0;
      bool align_right = i < right.size() && right[i];
      if (align_right) line.append(pad, ' ');
      line += cell;
      if (!last) {
        if (!align_right) line.append(pad, ' ');
        line += "  ";
      }
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line;
    out += '\n';
  }
  return out;
}

std::string OrDash(const std::string& s) { return s.empty() ? "-" : s; }

// Control characters other than newline and tab are shown as U+FFFD on a terminal.
std::string Printable(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\n' && c != '\t')
      out += "\xEF\xBF\xBD";
    else if (u == 0x7f)
      out += "\xEF\xBF\xBD";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string Thousands(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

void AppendCsvField(std::string_view field, std::string* out) {
  bool quote = field.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!field.empty() && (field.front() == ' ' || field.back() == ' '));
  if (!quote) {
    out->append(field);
    return;
  }
  *out += '"';
  for (char c : field) {
    if (c == '"') *out += '"';
    *out += c;
  }
  *out += '"';
}

std::string CountFigure(const CountRecord& c) {
  std::string figure;
  if (c.value)
    figure = Thousands(*c.value);
  else if (c.low && c.high)
    figure = Thousands(*c.low) + "-" + Thousands(*c.high);
  else if (c.low)
    figure = ">=" + Thousands(*c.low);
  else if (c.high)
    figure = "<=" + Thousands(*c.high);
  else
    figure = "?";
  return c.approximate ? "~" + figure : figure;
}

std::string CountsSummary(const std::vector<CountRecord>& counts) {
  std::string out;
  for (const CountRecord& c : counts) {
    if (!out.empty()) out += "; ";
    out += c.role + " " + CountFigure(c);
  }
  return out;
}

namespace {

// Degrees with six decimals (GeoNames' precision, about 10 cm): "48.853400".
std::string FormatCoordinate(double degrees) {
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "%.6f", degrees);
  return std::string(buf, static_cast<size_t>(n));
}

// The place fields of docs/output.md's LOCATION that the store keeps since schema 2.
void AddPlaceFields(const EventRecord& e, Json* loc) {
  (*loc)["admin1"] = e.location_admin1_code.empty()
                         ? Json(nullptr)
                         : Json{{"code", e.location_admin1_code}, {"name", NullOr(e.location_admin1_name)}};
  (*loc)["lat"] = e.location_lat ? Json(*e.location_lat) : Json(nullptr);
  (*loc)["lon"] = e.location_lon ? Json(*e.location_lon) : Json(nullptr);
  (*loc)["geonames_id"] = e.location_geonames_id ? Json(*e.location_geonames_id) : Json(nullptr);
  (*loc)["precision"] = NullOr(e.location_precision);
  (*loc)["basis"] = NullOr(e.location_basis);
}

}  // namespace

std::string EventsCsvHeader() {
  std::string out =
      "doc_id,source_id,url,published,event_id,type,mode,status,date,date_precision,date_basis,country,location,"
      "location_country,location_admin1,location_lat,location_lon,location_precision,actor,actor_sector,"
      "actor_country,target,target_sector,target_country,part_of,source,"
      "plover_event,plover_mode,cameo,counts";
  for (std::string_view role : AllRoles()) {
    out += ',';
    out += role;
  }
  out += ",from,trigger,sentence\n";
  return out;
}

void AppendEventCsv(const EventRecord& e, std::string* out) {
  auto field = [&](std::string_view s) {
    AppendCsvField(s, out);
    *out += ',';
  };
  field(std::to_string(e.doc_id));
  field(e.source_id);
  field(e.url);
  field(e.published);
  field(e.event_id);
  field(e.type);
  field(e.mode);
  field(e.status);
  field(e.date_value);
  field(e.date_precision);
  field(e.date_basis);
  field(e.country);
  field(e.has_location ? (e.location_name.empty() ? e.location.text : e.location_name) : "");
  field(e.location_country);
  field(e.location_admin1_code);
  field(e.location_lat ? FormatCoordinate(*e.location_lat) : std::string());
  field(e.location_lon ? FormatCoordinate(*e.location_lon) : std::string());
  field(e.location_precision);
  field(e.actor.span.text);
  field(e.actor.sector);
  field(e.actor.country);
  field(e.target.span.text);
  field(e.target.sector);
  field(e.target.country);
  field(e.part_of);
  field(e.source.text);
  field(e.plover_event);
  field(e.plover_mode);
  field(e.cameo);
  field(CountsSummary(e.counts));
  // Per role: the sum of value (or low bound) over the event's counts of that role.
  for (std::string_view role : AllRoles()) {
    bool any = false;
    int64_t sum = 0;
    for (const CountRecord& c : e.counts) {
      if (c.role != role) continue;
      std::optional<int64_t> v = c.value ? c.value : c.low;
      if (!v) continue;
      any = true;
      sum += *v;
    }
    field(any ? std::to_string(sum) : "");
  }
  field(e.evidence_from);
  field(e.trigger.text);
  AppendCsvField(e.sentence.text, out);
  *out += '\n';
}

void AppendEventJson(const EventRecord& e, std::string* out) {
  Json j;
  j["doc_id"] = e.doc_id;
  j["source_id"] = e.source_id;
  j["url"] = NullOr(e.url);
  j["published"] = NullOr(e.published);
  j["id"] = e.event_id;
  j["type"] = e.type;
  j["mode"] = NullOr(e.mode);
  j["status"] = e.status;
  j["from"] = e.evidence_from;
  j["trigger"] = SpanJson(e.trigger);
  j["sentence"] = SpanJson(e.sentence);
  j["actor"] = ActorJson(e.actor);
  j["target"] = ActorJson(e.target);
  j["counts"] = CountsJson(e.counts);
  j["part_of"] = NullOr(e.part_of);
  if (e.date_value.empty()) {
    j["date"] = nullptr;
  } else {
    j["date"] =
        Json{{"value", e.date_value}, {"precision", e.date_precision}, {"text", e.date.text}, {"start", e.date.start},
             {"end", e.date.end},     {"basis", e.date_basis}};
  }
  if (e.has_location) {
    Json loc = SpanJson(e.location);
    loc["name"] = NullOr(e.location_name);
    loc["country"] = NullOr(e.location_country);
    AddPlaceFields(e, &loc);
    j["location"] = loc;
  } else {
    j["location"] = nullptr;
  }
  j["source"] = SpanJson(e.source);
  j["plover"] = Json{{"event", e.plover_event}, {"mode", NullOr(e.plover_mode)}};
  j["cameo"] = e.cameo;
  j["country"] = NullOr(e.country);
  *out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
  *out += '\n';
}

void AppendEventPlover(const EventRecord& e, std::string* out) {
  Json j;
  j["id"] = std::to_string(e.doc_id) + "-" + e.event_id;
  j["event_date"] = NullOr(e.date_value);
  j["date_precision"] = NullOr(e.date_precision);
  j["event_type"] = e.plover_event;
  j["mode"] = NullOr(e.plover_mode);
  j["evident_type"] = e.type;
  j["evident_mode"] = NullOr(e.mode);
  j["status"] = e.status;
  j["actor_name"] = e.actor.span.present ? Json(e.actor.span.text) : Json(nullptr);
  j["actor_sector"] = e.actor.span.present ? NullOr(e.actor.sector) : Json(nullptr);
  j["actor_country"] = NullOr(e.actor.country);
  j["recipient_name"] = e.target.span.present ? Json(e.target.span.text) : Json(nullptr);
  j["recipient_sector"] = e.target.span.present ? NullOr(e.target.sector) : Json(nullptr);
  j["recipient_country"] = NullOr(e.target.country);
  if (e.has_location) {
    j["location"] = Json{{"name", NullOr(e.location_name.empty() ? e.location.text : e.location_name)},
                         {"country", NullOr(e.location_country)},
                         {"text", e.location.text}};
    AddPlaceFields(e, &j["location"]);
  } else {
    j["location"] = nullptr;
  }
  j["country"] = NullOr(e.country);
  j["counts"] = CountsJson(e.counts);
  j["source"] = Json{{"doc_id", e.doc_id},
                     {"source_id", e.source_id},
                     {"url", NullOr(e.url)},
                     {"title", NullOr(e.title)},
                     {"published", NullOr(e.published)},
                     {"attribution", e.source.present ? Json(e.source.text) : Json(nullptr)}};
  j["evidence"] = Json{{"text", e.sentence.text}, {"trigger", e.trigger.text}, {"from", e.evidence_from}};
  j["cameo"] = e.cameo;
  *out += j.dump(-1, ' ', false, Json::error_handler_t::replace);
  *out += '\n';
}

std::string EventsTable(const std::vector<EventRecord>& events, size_t width) {
  std::vector<std::vector<std::string>> rows = {{"DOC", "EVENT", "DATE", "TYPE", "STATUS", "CC", "COUNTS", "EVIDENCE"}};
  for (const EventRecord& e : events) {
    rows.push_back({std::to_string(e.doc_id), e.event_id, OrDash(e.date_value), e.type, e.status, OrDash(e.country),
                    OrDash(CountsSummary(e.counts)), e.sentence.text});
  }
  return Table(rows, width, {true, false, false, false, false, false, false, false});
}

std::string FormatDocument(const DocumentRecord& doc, const std::vector<EventRecord>& events, bool ansi) {
  std::string out;
  out += "doc " + std::to_string(doc.doc_id) + "  " + doc.source_id + "  status " + doc.status;
  if (!doc.published.empty()) out += "  published " + doc.published;
  out += "  run " + std::to_string(doc.run_id) + "\n";
  out += "origin: " + doc.origin + "\n";
  if (!doc.url.empty()) out += "url: " + doc.url + "\n";
  if (!doc.title.empty()) out += "title: " + Printable(doc.title) + "\n";
  if (!doc.error_code.empty())
    out += "error: " + doc.error_code + ": " + doc.error_message + " (" + doc.error_where + ")\n";
  if (!doc.warnings.empty()) out += "warnings: " + doc.warnings + "\n";
  out += "\n";

  struct Mark {
    int64_t start, end;
    std::string label;
  };
  std::vector<Mark> marks;
  for (const EventRecord& e : events) {
    if (e.evidence_from == "title") continue;  // spans into the title, shown in the event list
    if (e.trigger.present && e.trigger.end > e.trigger.start)
      marks.push_back({e.trigger.start, e.trigger.end, e.event_id});
    for (const CountRecord& c : e.counts)
      if (c.span.end > c.span.start) marks.push_back({c.span.start, c.span.end, e.event_id + " " + c.role});
  }
  std::stable_sort(marks.begin(), marks.end(),
                   [](const Mark& a, const Mark& b) { return a.start != b.start ? a.start < b.start : a.end > b.end; });
  const std::string& text = doc.text;
  int64_t pos = 0;
  for (const Mark& m : marks) {
    if (m.start < pos || m.end > static_cast<int64_t>(text.size())) continue;  // overlaps an earlier mark
    out += Printable(std::string_view(text).substr(pos, m.start - pos));
    std::string words = Printable(std::string_view(text).substr(m.start, m.end - m.start));
    if (ansi)
      out += "\x1b[4m" + words + "\x1b[24m\x1b[2m{" + m.label + "}\x1b[22m";
    else
      out += "[[" + words + "]]{" + m.label + "}";
    pos = m.end;
  }
  out += Printable(std::string_view(text).substr(std::min<size_t>(pos, text.size())));
  if (!out.empty() && out.back() != '\n') out += '\n';

  out += "\nevents: " + std::to_string(events.size()) + "\n";
  for (const EventRecord& e : events) {
    out += "  " + e.event_id + "  " + e.type + (e.mode.empty() ? "" : "/" + e.mode) + "  " + e.status;
    if (e.evidence_from == "title") out += "  (from the title)";
    if (!e.date_value.empty()) {
      out += "  date " + e.date_value + " (" + e.date_precision + ", " + e.date_basis;
      if (!e.date.text.empty()) out += ": \"" + e.date.text + "\"";
      out += ")";
    }
    if (!e.country.empty()) out += "  country " + e.country;
    out += "\n    trigger \"" + e.trigger.text + "\" [" + std::to_string(e.trigger.start) + "," +
           std::to_string(e.trigger.end) + ")\n";
    for (const CountRecord& c : e.counts) {
      out += "    " + c.role + " " + CountFigure(c) + "  \"" + c.span.text + "\" [" + std::to_string(c.span.start) +
             "," + std::to_string(c.span.end) + ")\n";
    }
    for (auto [name, a] : {std::pair<const char*, const ActorRecord*>{"actor", &e.actor}, {"target", &e.target}}) {
      if (!a->span.present) continue;
      out += std::string("    ") + name + " \"" + a->span.text + "\" " + OrDash(a->sector);
      if (!a->country.empty()) out += " " + a->country;
      out += "\n";
    }
    if (e.has_location) {
      out += "    location \"" + e.location.text + "\"";
      if (!e.location_name.empty() || !e.location_country.empty())
        out += " (" + OrDash(e.location_name) + ", " + OrDash(e.location_country) + ")";
      out += "\n";
    }
    if (e.source.present) out += "    source \"" + e.source.text + "\"\n";
    if (!e.part_of.empty()) out += "    part of " + e.part_of + "\n";
    out += "    plover " + e.plover_event + (e.plover_mode.empty() ? "" : "/" + e.plover_mode) + "  cameo " + e.cameo +
           "\n";
  }
  if (!doc.checks.empty()) {
    out += "\nchecks:\n";
    for (const CheckRecord& c : doc.checks)
      out += "  " + c.kind + " " + c.result + " (" + c.events + "): " + c.message + "\n";
  }
  return out;
}

namespace {

std::vector<std::vector<std::string>> StatsCells(const std::vector<StatsRow>& rows,
                                                 const std::vector<std::string>& dims, bool csv) {
  std::vector<std::vector<std::string>> cells;
  std::vector<std::string> header = dims;
  if (csv) {
    for (const char* h : {"role", "events", "people", "approximate", "documents"}) header.push_back(h);
  } else {
    for (std::string& h : header) std::transform(h.begin(), h.end(), h.begin(), ::toupper);
    for (const char* h : {"ROLE", "EVENTS", "PEOPLE", "DOCS"}) header.push_back(h);
  }
  cells.push_back(header);
  for (const StatsRow& r : rows) {
    std::vector<std::string> row;
    for (const std::string& k : r.keys) row.push_back(csv ? k : OrDash(k));
    bool events_row = r.role.empty();
    if (csv) {
      row.push_back(r.role);
      row.push_back(std::to_string(r.events));
      row.push_back(events_row ? "" : std::to_string(r.people));
      row.push_back(events_row ? "" : r.approximate ? "1" : "0");
      row.push_back(std::to_string(r.documents));
    } else {
      row.push_back(events_row ? "(events)" : r.role);
      row.push_back(Thousands(r.events));
      row.push_back(events_row ? "" : (r.approximate ? "~" : "") + Thousands(r.people));
      row.push_back(Thousands(r.documents));
    }
    cells.push_back(std::move(row));
  }
  return cells;
}

}  // namespace

std::string StatsTable(const std::vector<StatsRow>& rows, const std::vector<std::string>& dims) {
  std::vector<bool> right(dims.size() + 4, false);
  right[dims.size() + 1] = right[dims.size() + 2] = right[dims.size() + 3] = true;
  return Table(StatsCells(rows, dims, false), 0, right);
}

std::string StatsCsv(const std::vector<StatsRow>& rows, const std::vector<std::string>& dims) {
  std::string out;
  for (const auto& row : StatsCells(rows, dims, true)) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) out += ',';
      AppendCsvField(row[i], &out);
    }
    out += '\n';
  }
  return out;
}

std::string RunsTable(const std::vector<RunRecord>& runs) {
  std::vector<std::vector<std::string>> rows = {
      {"RUN", "STARTED", "FINISHED", "READ", "STORED", "DUPLICATES", "REJECTED", "FAILED", "EVENTS", "INPUTS"}};
  for (const RunRecord& r : runs) {
    std::string inputs;
    Json parsed = Json::parse(r.inputs, nullptr, false);
    if (parsed.is_array()) {
      for (const auto& item : parsed) {
        if (!inputs.empty()) inputs += ' ';
        inputs += item.is_string() ? item.get<std::string>() : item.dump();
      }
    } else {
      inputs = r.inputs;
    }
    rows.push_back({std::to_string(r.run_id), r.started, r.finished.empty() ? "(unfinished)" : r.finished,
                    Thousands(r.read), Thousands(r.stored), Thousands(r.skipped_duplicates), Thousands(r.rejected),
                    Thousands(r.failed), Thousands(r.events), Cut(inputs, 60)});
  }
  return Table(rows, 0, {true, false, false, true, true, true, true, true, true, false});
}

}  // namespace evident::store
