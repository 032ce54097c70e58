// libFuzzer target for NumberExtractor: arbitrary bytes -> RepairUtf8 -> Tokenizer ->
// NumberExtractor over every sentence (and once over the whole token list).
//
// Checks the invariants callers rely on; any violation aborts:
//   - every span lies inside the text and equals the join of its tokens' spans;
//   - mentions of one call are in reading order, disjoint and inside the given token range;
//   - low <= high whenever both are set;
//   - a range has no value; a vague quantity has no value and both bounds.
//
// Run: numbers_fuzz -dict=... corpus/   (any corpus of news text works as a seed).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "common/utf8.h"
#include "extract/numbers.h"
#include "tokens/tokenizer.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

void CheckRun(const evident::tokens::TokenizedText& doc, uint32_t begin, uint32_t end,
              const std::vector<evident::extract::Quantity>& out, size_t first) {
  using evident::extract::QuantityKind;
  uint32_t prev_end = begin;
  for (size_t k = first; k < out.size(); ++k) {
    const evident::extract::Quantity& q = out[k];
    Check(q.begin_token >= prev_end);
    Check(q.begin_token < q.end_token);
    Check(q.end_token <= end);
    Check(q.span.begin <= q.span.end);
    Check(q.span.end <= doc.text.size());
    Check(q.span ==
          evident::Join(doc.tokens[q.begin_token].span, doc.tokens[q.end_token - 1].span));
    if (q.low && q.high) Check(*q.low <= *q.high);
    if (q.kind == QuantityKind::kRange) Check(!q.value && q.low && q.high);
    if (q.kind == QuantityKind::kVague) Check(!q.value && q.low && q.high);
    // Names exist for every enumerator.
    Check(evident::extract::NotCountName(q.not_count) != "unknown");
    Check(evident::extract::QuantityKindName(q.kind) != "unknown");
    prev_end = q.end_token;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  evident::RepairUtf8(text);
  static const evident::tokens::Tokenizer tokenizer;
  static const evident::extract::NumberExtractor extractor;
  evident::tokens::TokenizedText doc;
  tokenizer.Tokenize(text, &doc);
  std::vector<evident::extract::Quantity> out;
  for (const evident::tokens::Sentence& s : doc.sentences) {
    size_t first = out.size();
    extractor.Extract(doc, s.begin_token, s.end_token, &out);
    CheckRun(doc, s.begin_token, s.end_token, out, first);
  }
  // The whole document as one range: phrases may now cross sentence boundaries.
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  size_t first = out.size();
  extractor.Extract(doc, 0, n, &out);
  CheckRun(doc, 0, n, out, first);
  return 0;
}
