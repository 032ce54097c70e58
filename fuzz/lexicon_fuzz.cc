// Fuzzes the lexicon file parser: arbitrary bytes as a triggers/nouns/cues table must give
// either entries or file:line errors, never a crash, and every phrase must have 1..8 words.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static evident::lexicon::Lexicon* inflector = [] {
    auto lex = evident::lexicon::Lexicon::Load(EVIDENT_DATA_DIR);
    return lex.ok() ? new evident::lexicon::Lexicon(std::move(lex).value()) : nullptr;
  }();
  if (!inflector) std::abort();
  std::string_view content(reinterpret_cast<const char*>(data), size);
  for (int columns : {1, 2, 4}) {
    evident::lexicon::PhraseTable table;
    std::vector<std::string> errors;
    evident::Status st = evident::lexicon::Lexicon::ParseTable("fuzz.tsv", content, columns, nullptr, inflector,
                                                              &table, &errors);
    if (st.ok() != errors.empty()) std::abort();
    for (const auto& e : errors)
      if (e.rfind("fuzz.tsv", 0) != 0) std::abort();
    for (const auto& p : table.phrases)
      if (p.words.empty() || p.words.size() > 8 || p.entry >= table.entries.size()) std::abort();
  }
  return 0;
}
