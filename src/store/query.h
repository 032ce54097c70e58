// Queries over the store: filtered events, one document, statistics and runs. Read-only; the
// output formats are in format.h.
//
//   EventFilter f;
//   f.types = {"ARREST"};
//   f.country = "KZ";
//   f.role = "arrested";
//   f.min = 10;
//   ForEachEvent(store.db(), f, [](const EventRecord& e) { ... });
//
// Filters (all optional, combined with AND):
//   types     event type is one of these (PROTEST, ARREST, ...)
//   statuses  event status is one of these; the default is {"happened"}, {} means any
//   country   the event's country: the location's country, else the actor's, else the
//             target's (events.country)
//   since/until  the event date (YYYY-MM-DD, inclusive); events without a date are left out
//   role/min  the event has a count of role `role` (any role when empty) whose value (or its
//             low bound when the value is a range) is >= min
//   words     every word occurs in the event's sentence (ASCII case-insensitive)
//   doc_id    events of one document
//   limit     at most this many events (0: all)
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/sqlite.h"

namespace evident::store {

struct EventFilter {
  std::vector<std::string> types;
  std::vector<std::string> statuses = {"happened"};
  std::string country;
  std::string since;
  std::string until;
  std::string role;
  std::optional<int64_t> min;
  std::vector<std::string> words;
  std::optional<int64_t> doc_id;
  size_t limit = 0;
};

// Checks the filter's values (known type, role and status names, dates, country code shape)
// and normalizes case (types upper, roles and statuses lower, country upper). kUsage with a
// message naming the bad value and the accepted ones.
Status NormalizeFilter(EventFilter* filter);

// A span as stored: `present` is false for a missing field (no actor, no source ...).
struct SpanRecord {
  bool present = false;
  std::string text;
  int64_t start = 0;
  int64_t end = 0;
};

struct CountRecord {
  std::string role;
  std::optional<int64_t> value, low, high;
  bool approximate = false;
  SpanRecord span;
};

struct ActorRecord {
  SpanRecord span;  // span.present is false when the event has no such actor
  std::string sector;
  std::string country;
};

struct EventRecord {
  int64_t event_key = 0;
  int64_t doc_id = 0;
  std::string source_id, url, title, published;  // of the document
  std::string event_id, type, mode, status;
  SpanRecord trigger, sentence;
  ActorRecord actor, target;
  std::string part_of;
  std::string date_value, date_precision, date_basis;  // date_value empty: no date
  SpanRecord date;
  bool has_location = false;
  SpanRecord location;
  std::string location_name, location_country;
  std::string location_admin1_code, location_admin1_name;  // empty when unknown
  std::optional<double> location_lat, location_lon;        // unset when the place has none
  std::optional<int64_t> location_geonames_id;
  std::string location_precision, location_basis;  // "city"..., "same sentence"...; empty before schema 2
  std::string evidence_from;                        // "text" or "title": what the spans point into
  SpanRecord source;
  std::string plover_event, plover_mode, cameo;
  std::string country;  // events.country
  std::vector<CountRecord> counts;
};

// Calls `fn` for each matching event, in document order then event order.
Status ForEachEvent(Database& db, const EventFilter& filter, const std::function<void(const EventRecord&)>& fn);

struct CheckRecord {
  std::string kind, result, events, message;  // events: "e1 e2"
};

struct DocumentRecord {
  int64_t doc_id = 0;
  std::string source_id, origin, url, title, published, content_hash, status;
  std::string error_code, error_message, error_where;
  std::string warnings;  // JSON array, or empty
  std::string text;
  int64_t run_id = 0;
  std::vector<CheckRecord> checks;
};

// The document whose doc_id is `id` (when `id` is a number), else whose source id is `id`.
// kUsage if there is none (or several with that source id: the message lists their doc_ids).
Result<DocumentRecord> GetDocument(Database& db, std::string_view id);

// One figure of `evident stats`: for a group (keys, one per --by dimension other than role),
// either all its events (role empty) or the people of one count role.
struct StatsRow {
  std::vector<std::string> keys;
  std::string role;          // "" for the events row of the group
  int64_t events = 0;        // events in the group (with a count of `role`, for a role row)
  int64_t people = 0;        // role rows: sum of each count's value, or its low bound if a range
  bool approximate = false;  // some count in the sum is approximate or a range
  int64_t documents = 0;     // distinct documents behind the figure
};

// Dimensions for --by: country, type, month, year, status, source, role. `role` splits the
// people figures by role; they are always split, so it only selects no extra key.
inline constexpr std::string_view kStatsDimensions[] = {"country", "type", "month", "year", "status", "source", "role"};

// The SQL grouping for `stats --by` (the same in SQLite and PostgreSQL): one expression per
// dimension except "role", which the callers handle. Fails with kUsage for unknown dimensions.
struct StatsGroupingSql {
  std::vector<std::string> keys;  // SQL expressions over events `e`
  std::string select;             // "expr AS k0, expr AS k1, "
  std::string group_by;           // "k0, k1"
};
Result<StatsGroupingSql> StatsGrouping(const std::vector<std::string>& by);

// Statistics over the events matching `filter`, grouped by `by`. A count whose event is
// part_of another event of the same document that has a count of the same role is not added
// again (it is inside that total: an individual victim of a stated toll).
Result<std::vector<StatsRow>> Stats(Database& db, const EventFilter& filter, const std::vector<std::string>& by);

struct RunRecord {
  int64_t run_id = 0;
  std::string started, finished, evident_version, args, inputs;
  int64_t read = 0, stored = 0, skipped_duplicates = 0, rejected = 0, failed = 0, events = 0, bytes = 0;
};

Result<std::vector<RunRecord>> ListRuns(Database& db);

// Totals over the whole store: documents per status and events.
struct StoreTotals {
  int64_t documents = 0, ok = 0, rejected = 0, failed = 0, events = 0;
};
Result<StoreTotals> Totals(Database& db);

}  // namespace evident::store
