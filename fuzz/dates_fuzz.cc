// libFuzzer target for the date extractor: arbitrary bytes -> RepairUtf8 -> Tokenizer ->
// DateExtractor on every sentence, once with a fixed publication date and once without.
// Checks the invariants every later stage relies on:
//   - each mention lies inside its sentence (tokens and bytes) and inside the text;
//   - mentions of one sentence come in text order and do not overlap;
//   - each value is a real calendar date, with day/month set to 1 below their precision;
//   - basis is never `published` (the events stage's fallback), and without a publication
//     date only explicit dates and days counted from them ("the next day") are produced.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/utf8.h"
#include "extract/dates.h"
#include "tokens/tokenizer.h"

namespace {

using evident::CivilDate;
using evident::DaysInMonth;
using evident::extract::DateBasis;
using evident::extract::DateMention;
using evident::extract::DatePrecision;

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckSentence(const evident::tokens::TokenizedText& doc, const evident::tokens::Sentence& s,
                   const std::vector<DateMention>& out, size_t first, bool has_published) {
  uint32_t prev_end_token = s.begin_token;
  uint32_t prev_end_byte = s.span.begin;
  bool seen_day = false;
  for (size_t k = first; k < out.size(); ++k) {
    const DateMention& m = out[k];
    Check(m.begin_token >= prev_end_token && m.begin_token < m.end_token && m.end_token <= s.end_token);
    Check(m.span.begin >= prev_end_byte && m.span.begin < m.span.end && m.span.end <= s.span.end &&
          m.span.end <= doc.text.size());
    Check(m.span.begin == doc.tokens[m.begin_token].span.begin);
    Check(m.span.end <= doc.tokens[m.end_token - 1].span.end);
    prev_end_token = m.end_token;
    prev_end_byte = m.span.end;

    const CivilDate& v = m.value;
    Check(v.month >= 1 && v.month <= 12 && v.day >= 1 && v.day <= DaysInMonth(v.year, v.month));
    if (m.precision != DatePrecision::kDay) Check(v.day == 1);
    if (m.precision == DatePrecision::kYear) Check(v.month == 1);
    Check(m.basis != DateBasis::kPublished);
    // Without publication a relative day can only count from an earlier day in the sentence.
    if (!has_published && m.basis != DateBasis::kExplicit) Check(seen_day && m.precision == DatePrecision::kDay);
    if (m.precision == DatePrecision::kDay) seen_day = true;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const evident::tokens::Tokenizer tokenizer;
  static const evident::extract::DateExtractor extractor;
  std::string text(reinterpret_cast<const char*>(data), size);
  evident::RepairUtf8(text);
  evident::tokens::TokenizedText doc;
  tokenizer.Tokenize(text, &doc);

  const std::optional<CivilDate> published_dates[] = {CivilDate{2020, 3, 2}, std::nullopt};
  std::vector<DateMention> out;
  for (const std::optional<CivilDate>& published : published_dates) {
    out.clear();
    for (const auto& s : doc.sentences) {
      size_t first = out.size();
      extractor.Extract(doc, s.begin_token, s.end_token, published, &out);
      CheckSentence(doc, s, out, first, published.has_value());
    }
  }
  return 0;
}
