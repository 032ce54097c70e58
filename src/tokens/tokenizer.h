// Tokenizer: document text -> tokens and sentences, all as byte spans into the text.
//
// Input: valid UTF-8 (see common/utf8.h RepairUtf8). Output: TokenizedText, whose tokens hold
// a lowercase normalized form (`norm`) and its 64-bit hash for lexicon lookups. Case is folded
// for ASCII only; typographic quotes and dashes are normalized ("’s" -> "'s", "–" -> "-").
//
//   "Police detained 15 people in Almaty on Wednesday."
//   => Police|detained|15|people|in|Almaty|on|Wednesday|.   one sentence [0,50)
//
// Hyphens split words ("21-year-old" -> 21 - year - old) with kSpaceBefore cleared so later
// stages can see that the pieces were joined. Acronyms with dots ("U.S.", "a.m.") stay whole.
//
// A Tokenizer reuses its buffers across documents; it is not thread-safe (use one per thread).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/bytes.h"
#include "common/span.h"

namespace evident::tokens {

enum class TokenKind : uint8_t {
  kWord,    // letters (and internal apostrophes), incl. acronyms "U.S."
  kNumber,  // digits with optional , or . group/decimal separators: "1,000" "3.5"
  kAlnum,   // starts with a digit and has letters: "21st" "1990s" "10am"
  kPunct,   // . , ; : ! ? ( ) " ' - and their typographic variants
  kSymbol,  // anything else: $ % & / # ...
};

enum TokenFlags : uint8_t {
  kSpaceBefore = 1,       // whitespace precedes the token
  kNewlineBefore = 2,     // a line break precedes the token
  kCapitalized = 4,       // first letter is uppercase
  kAllCaps = 8,           // all letters uppercase, at least two letters
  kParagraphBefore = 16,  // a blank line precedes the token
  kPlainAscii = 32,       // a word of ASCII letters and digits only (no apostrophe, dot or UTF-8)
};

struct Token {
  Span span;
  std::string_view norm;  // lowercase normalized form (owned by TokenizedText or static)
  uint64_t hash = 0;      // HashToken(norm)
  TokenKind kind = TokenKind::kWord;
  uint8_t flags = 0;

  bool Is(std::string_view s) const { return SameWord(norm, s); }
  bool HasFlag(uint8_t f) const { return (flags & f) != 0; }
};

struct Sentence {
  Span span;
  uint32_t begin_token = 0;  // [begin_token, end_token) into TokenizedText::tokens
  uint32_t end_token = 0;
  uint32_t paragraph = 0;  // 0-based paragraph index
};

struct TokenizedText {
  std::string_view text;  // the document text (not owned)
  std::string lower;      // ASCII-lowercased copy of text; norms point into it
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  // Word tokens, and those of them kCapitalized (counted by Tokenize).
  uint32_t words = 0;
  uint32_t capitalized_words = 0;
};

// Eight bytes per step with a final mix; stable across runs and platforms (little-endian).
uint64_t HashToken(std::string_view s);
// Combines token hashes into an n-gram key.
inline uint64_t HashCombine(uint64_t seed, uint64_t h) {
  return (seed ^ h) * 0x9E3779B97F4A7C15ULL + (seed << 6) + (seed >> 2);
}

class Tokenizer {
 public:
  Tokenizer();
  // Tokenizes `text` into `out` (cleared first). `text` must outlive `out`.
  void Tokenize(std::string_view text, TokenizedText* out) const;

 private:
  // Sentences of out->tokens; `breaks`: the tokens after a line break and the sentence-final
  // punctuation, in order (no other token starts or ends a sentence).
  void SplitSentences(const std::vector<uint32_t>& breaks, TokenizedText* out) const;
};

}  // namespace evident::tokens
