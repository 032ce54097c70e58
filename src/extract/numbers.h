// NumberExtractor: tokens of one sentence -> Quantity mentions (numbers that may count people,
// and numbers that are recognisably something else).
//
// Values follow the labelling rules of the development data (shared/data/dev/counts.README.md):
//   "15"              -> value 15, low 15, high 15                 kind kExact
//   "at least 20"     -> value 20, low 20, high null               kind kAtLeast
//   "more than 20", "over 20" -> value 20, low 21, high null       kind kMoreThan
//   "nearly 1,000", "almost 1,000" -> value 1000, low 900, high 999 kind kNearly
//   "about 50", "around", "some", "approximately", "roughly", "an estimated"
//                     -> value 50, low 40, high 60 (round(0.8N), round(1.2N))  kind kApproximate
//   "up to 30"        -> value 30, low null, high 30              kind kUpTo
//   "30-40", "30 to 40", "between 30 and 40" -> value null, low 30, high 40  kind kRange
//   vague words (value null): "several" 3-9, "a few" 2-5, "dozens" 24-99, "scores" 40-99,
//   "hundreds" 200-999, "thousands" 2000-9999, "tens of thousands" 20000-99999,
//   "hundreds of thousands" 200000-999999, "several hundred" 300-999,
//   "several thousand" 3000-9999, "tens" 20-99                    kind kVague
// Number forms: digits with separators ("1,000", "1.000" = 1000, "3.5" = 3.5 is not a count),
// words ("seventy-one", "two hundred", "a dozen" = 12, "two dozen" = 24, "a hundred",
// "1.5 million", "2 million"), mixed ("5 thousand").
//
// Not counts (not_count set, value still parsed where it is a plain number): ages
// ("21-year-old", "aged 17", "Parish, 21,"), years ("in 2014", "2019 election"), dates
// ("9 May 2020", "May 9", "3/4/2020"), times ("10:30", "7 p.m.", "11am"), money ("$5,000",
// "Rs 500", "5,000 dollars", "rupees 10 lakh"), durations ("three days", "10 years in prison",
// "48 hours"), percentages ("50%", "50 percent"), ordinals ("21st", "third"), phone numbers,
// ids and long digit strings, measures ("5 km", "10 kg"), street numbers ("937 Euharlee Road"),
// decimals ("3.5").
//
// Thread-safe after construction (const methods, no shared mutable state).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "common/span.h"
#include "tokens/tokenizer.h"

namespace evident::extract {

enum class QuantityKind : uint8_t {
  kExact,
  kAtLeast,
  kMoreThan,
  kNearly,
  kApproximate,
  kUpTo,
  kRange,
  kVague,
};

enum class NotCount : uint8_t {
  kNone = 0,  // may count people
  kAge,
  kYear,
  kDate,
  kTime,
  kMoney,
  kDuration,
  kPercent,
  kOrdinal,
  kPhone,
  kId,        // ids and long digit strings
  kMeasure,   // km, kg, miles, metres, calibre ...
  kAddress,   // street numbers
  kDecimal,   // 3.5
  kObject,    // things, not people: 23 stab wounds
};

std::string_view NotCountName(NotCount reason);
std::string_view QuantityKindName(QuantityKind kind);

struct Quantity {
  Span span;                  // the whole phrase incl. qualifier: "at least 20", "two dozen"
  uint32_t begin_token = 0;   // [begin_token, end_token): tokens of the phrase
  uint32_t end_token = 0;
  std::optional<int64_t> value;
  std::optional<int64_t> low;
  std::optional<int64_t> high;
  QuantityKind kind = QuantityKind::kExact;
  NotCount not_count = NotCount::kNone;

  bool approximate() const { return kind != QuantityKind::kExact; }
  bool IsCount() const { return not_count == NotCount::kNone; }
};

class NumberExtractor {
 public:
  NumberExtractor();
  // Appends the quantities found in tokens [begin_token, end_token) of `doc` to `out`, in
  // reading order, non-overlapping. The determiners "a"/"an" are not quantities here (the
  // event assembler decides when "a man" means one person); the word "one" is.
  void Extract(const tokens::TokenizedText& doc, uint32_t begin_token, uint32_t end_token,
               std::vector<Quantity>* out) const;
};

}  // namespace evident::extract
