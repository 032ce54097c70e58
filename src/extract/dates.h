// DateExtractor: tokens of one sentence -> DateMentions, resolved against the publication date.
//
//   "on 9 May 2020", "May 9, 2020", "Feb. 4, 2014", "2020-05-09", "09/05/2020" (day-first only
//   when unambiguous)                        -> explicit, precision day
//   "in May 2020", "May 2020"                -> explicit, precision month
//   "in 2019"                                -> explicit, precision year
//   "on May 9", "9 May" (no year)            -> the latest year that puts the date no more than
//                                               92 days after publication (court dates and
//                                               planned events are often ahead); basis relative
//   "on Tuesday", "Tuesday night", "Sunday's vote"
//                                            -> the latest such weekday on or before the
//                                               publication date, basis relative, precision day
//   "yesterday", "last night"                -> published - 1; "today", "this morning",
//                                               "tonight", "earlier today" -> published
//   "last week"                              -> published - 7, precision day (documented
//                                               approximation); "last month" -> previous
//                                               month, precision month; "last year" -> year
//   "earlier this month", "this week" ...    -> month/day precision accordingly
//   "in May" (no year)                       -> the latest May no more than 92 days after
//                                               publication
//   "the previous day", "two days later"     -> counted from the last date earlier in the
//                                               sentence (no mention without one)
//   "on Thanksgiving", "Easter Sunday",      -> that year's day, the year chosen as for "on
//   "Memorial Day"                              May 9" (US holidays; not "Labor Day")
//   "Monday Avenue", "the 7 July area"       -> no mention (a place's name)
// Without a publication date, relative expressions are not resolved (no mention is produced),
// explicit dates still are. Mentions that cannot be real dates ("31 February") are dropped.
//
// Thread-safe after construction.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/span.h"
#include "tokens/tokenizer.h"

namespace evident::extract {

enum class DatePrecision : uint8_t { kDay, kMonth, kYear };
enum class DateBasis : uint8_t { kExplicit, kRelative, kPublished };

std::string_view DatePrecisionName(DatePrecision p);  // "day" | "month" | "year"
std::string_view DateBasisName(DateBasis b);          // "explicit" | "relative" | "published"

struct DateMention {
  Span span;  // "on Tuesday" -> "Tuesday"; "9 May 2020"; "last week"
  uint32_t begin_token = 0;
  uint32_t end_token = 0;
  CivilDate value;
  DatePrecision precision = DatePrecision::kDay;
  DateBasis basis = DateBasis::kExplicit;
  // A month-day or month written without a year and read ahead of publication ("on March
  // 29" published 2026-03-14 -> 2026-03-29): the same date a year earlier, the reading for an
  // event the text reports as done (never after publication). Year 0 otherwise.
  CivilDate past_value;
};

class DateExtractor {
 public:
  DateExtractor();
  void Extract(const tokens::TokenizedText& doc, uint32_t begin_token, uint32_t end_token,
               const std::optional<CivilDate>& published, std::vector<DateMention>* out) const;
};

}  // namespace evident::extract
