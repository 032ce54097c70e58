// Output formats of the store commands (docs/store.md has the columns and fields):
//   events   table (people), csv (spreadsheets; RFC 4180), jsonl (the EVENT object of
//            docs/output.md plus the document's fields), plover (one PLOVER-style record per
//            event)
//   show     a document's text with each event's evidence marked, then its events
//   stats    table or csv
//   runs     table
// Pure functions of the query records; no database access.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/query.h"

namespace evident::store {

// One CSV field (RFC 4180): quoted when it holds a comma, quote, CR, LF or leading/trailing
// space; quotes doubled.   He said "no", twice => "He said ""no"", twice"
void AppendCsvField(std::string_view field, std::string* out);

// The count as people read it: "15", "~200" (approximate), "200-999" (a range),
// ">=20" (a low bound only).
std::string CountFigure(const CountRecord& c);

// "arrested 15; killed ~3"
std::string CountsSummary(const std::vector<CountRecord>& counts);

// CSV: a header line, then one line per event.
std::string EventsCsvHeader();
void AppendEventCsv(const EventRecord& e, std::string* out);

// JSONL: one object per event, with a newline.
void AppendEventJson(const EventRecord& e, std::string* out);
void AppendEventPlover(const EventRecord& e, std::string* out);

// A table of events for a terminal, `width` columns wide at most (0: no limit).
std::string EventsTable(const std::vector<EventRecord>& events, size_t width);

// A document with its evidence marked and its events listed. Without `ansi` the marks are
// "[[words]]{e1}" (a count: "[[15 people]]{e1 arrested}"); with `ansi` the words are
// underlined and the label dimmed. Marks that would overlap an earlier mark are left out (the
// event list still gives every span).
std::string FormatDocument(const DocumentRecord& doc, const std::vector<EventRecord>& events, bool ansi);

// Stats as a table or CSV. `dims` are the --by dimensions other than role (the key columns).
std::string StatsTable(const std::vector<StatsRow>& rows, const std::vector<std::string>& dims);
std::string StatsCsv(const std::vector<StatsRow>& rows, const std::vector<std::string>& dims);

std::string RunsTable(const std::vector<RunRecord>& runs);

// 1234567 -> "1,234,567".
std::string Thousands(int64_t n);

}  // namespace evident::store
