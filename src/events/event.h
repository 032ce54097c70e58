// Event: one coded event with every field's evidence span. Produced by EventAssembler, checked
// by CheckNumbers, written by pipeline/json_writer. Spans are byte offsets into the document.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/date.h"
#include "common/span.h"
#include "lexicon/vocabulary.h"

namespace evident::events {

enum class EventStatus : uint8_t { kHappened, kNegated, kPlanned, kHypothetical };
std::string_view EventStatusName(EventStatus s);

struct Count {
  lexicon::Role role = lexicon::Role::kNone;
  std::optional<int64_t> value;
  std::optional<int64_t> low;
  std::optional<int64_t> high;
  bool approximate = false;
  Span span;  // the number phrase: "at least 15 people", "a man", "10 arrested"
  uint32_t quantity_token = 0;  // first token of the number phrase (identity for repeats)
  bool individual = false;      // one person named or described ("a man", "John Smith"), no numeral
};

struct ActorRef {
  Span span;
  lexicon::Sector sector = lexicon::Sector::kUnknown;
  std::string country;  // ISO 3166-1 alpha-2 or empty
};

struct DateRef {
  CivilDate value;
  std::string_view precision;  // "day" | "month" | "year"
  std::string_view basis;      // "explicit" | "relative" | "published"
  Span span;                   // empty for basis "published"
};

struct LocationRef {
  Span span;                // the place name in the text (in the title for basis "title"); empty
                            // for basis "document" with country precision
  std::string name;         // canonical name ("Kyiv" for "Kiev")
  std::string country;      // ISO 3166-1 alpha-2 or empty
  std::string admin1_code;  // "US-NC", or GeoNames' code when ISO 3166-2 has none
  std::string admin1_name;
  double lat = 0, lon = 0;
  bool has_coordinates = false;
  int64_t geonames_id = 0;
  std::string_view precision;  // "city" | "admin1" | "admin2" | "country"
  std::string_view basis;      // "same sentence" | "same paragraph" | "dateline" | "document"
                               // | "title"
  friend bool operator==(const LocationRef&, const LocationRef&) = default;
};

struct Event {
  lexicon::EventType type = lexicon::EventType::kProtest;
  std::string_view mode;  // "" when none
  EventStatus status = EventStatus::kHappened;
  Span trigger;
  Span sentence;
  uint32_t sentence_index = 0;
  uint32_t trigger_token = 0;
  std::optional<ActorRef> actor;
  std::optional<ActorRef> target;
  std::vector<Count> counts;
  int part_of = -1;  // index into the document's events, -1 for none
  std::optional<DateRef> date;
  std::optional<LocationRef> location;
  std::optional<Span> source;
  // Later sentences that state the same figure again for the same kind of event ("two men
  // were arrested ... police said the two men were arrested"), merged into this event.
  std::vector<Count> restated;
  // Stated only by the document's title: its spans (but a location's with basis "dateline" or
  // "document") are offsets into the title, not the text.
  bool from_title = false;
  // Internal: a protest inferred only from a word for protesters ("clashed with
  // demonstrators"); dropped when the document reports the protest itself.
  bool inferred = false;
};

// Removes the events `drop` selects (called once per event, in order) and renumbers part_of; a
// part whose set was removed loses its part_of.
// PERF: compacted in place; a new vector per call was an allocation of a few kilobytes (events
// are a few hundred bytes each) on most documents.
template <typename Pred>
void RemoveEvents(std::vector<Event>* events, Pred drop) {
  thread_local std::vector<int> new_index;
  new_index.assign(events->size(), -1);
  size_t kept = 0;
  for (size_t i = 0; i < events->size(); ++i) {
    if (drop((*events)[i])) continue;
    new_index[i] = static_cast<int>(kept);
    if (kept != i) (*events)[kept] = std::move((*events)[i]);
    ++kept;
  }
  events->erase(events->begin() + static_cast<std::ptrdiff_t>(kept), events->end());
  for (auto& e : *events)
    if (e.part_of >= 0) e.part_of = new_index[e.part_of];
}

// Document-level consistency check of the numbers (see docs/output.md, CHECK).
struct Check {
  std::string_view kind;    // parts_sum | subset | repeated | contradiction
  std::string_view result;  // consistent | partial | inconsistent
  std::vector<int> events;  // indexes into the document's events
  std::string message;
};

}  // namespace evident::events
