// Fuzzes the places module: arbitrary bytes as data/place_aliases.tsv must give entries or
// file:line errors, never a crash; the same bytes as a document must resolve to mentions whose
// spans lie inside the text, in order and without overlap; and a gazetteer image built from
// them must be rejected cleanly or load.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "common/countries.h"
#include "common/utf8.h"
#include "places/aliases.h"
#include "places/gazetteer.h"
#include "places/resolver.h"
#include "tokens/tokenizer.h"

using namespace evident;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // The countries-only gazetteer with the shipped aliases (no cities: small and fast), or the
  // world gazetteer named by $EVIDENT_FUZZ_GAZETTEER (build/gazetteer.bin) to reach the rules
  // about cities, namesakes and second-level subdivisions.
  static places::PlaceResolver* resolver = [] {
    std::string warning;
    const char* world = std::getenv("EVIDENT_FUZZ_GAZETTEER");
    auto g = places::Gazetteer::LoadOrFallback(world ? world : "", EVIDENT_DATA_DIR, &warning);
    return g.ok() ? new places::PlaceResolver(std::move(g).value()) : nullptr;
  }();
  if (!resolver) std::abort();
  std::string_view input(reinterpret_cast<const char*>(data), size);

  // 1. The alias file parser.
  auto aliases = places::PlaceAliases::Parse(input, "fuzz.tsv");
  if (!aliases.ok()) {
    if (aliases.status().where().rfind("fuzz.tsv", 0) != 0) std::abort();
  } else {
    for (const auto& e : aliases->entries()) {
      if (e.line == 0 || e.target.empty()) std::abort();
      for (const auto& a : e.aliases)
        if (a.empty()) std::abort();
    }
  }

  // 2. The resolver on the bytes as a document (repaired to UTF-8 as the readers do).
  std::string text(input);
  RepairUtf8(text);
  tokens::Tokenizer tokenizer;
  tokens::TokenizedText doc;
  tokenizer.Tokenize(text, &doc);
  std::vector<places::PlaceMention> mentions;
  resolver->Resolve(doc, &mentions);
  uint32_t last_end = 0;
  for (const auto& m : mentions) {
    if (m.span.end > text.size() || m.span.begin >= m.span.end) std::abort();
    if (m.end_token > doc.tokens.size() || m.begin_token >= m.end_token) std::abort();
    if (m.begin_token < last_end) std::abort();
    last_end = m.end_token;
    if (m.country.size() != 0 && m.country.size() != 2) std::abort();
  }
  (void)places::DocumentCountry(mentions);

  // 3. The loader on the bytes as a gazetteer image.
  auto g = places::Gazetteer::FromBytes(input, "fuzz.bin");
  if (g.ok()) {
    for (uint32_t i = 0; i < g->size() && i < 64; ++i) (void)g->Str(g->record(i).name);
    (void)g->Lookup("paris");
  }
  return 0;
}
