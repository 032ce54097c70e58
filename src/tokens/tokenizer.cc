#include "tokens/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "common/utf8.h"

namespace evident::tokens {
namespace {

enum CharClass : uint8_t { kOther, kSpace, kNewline, kLetter, kDigit, kApos, kPunctChar };

constexpr std::array<uint8_t, 256> MakeAsciiTable() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = kOther;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  t[' '] = t['\t'] = t['\r'] = t['\f'] = t['\v'] = kSpace;
  t['\n'] = kNewline;
  t['\''] = kApos;
  for (char c : std::string_view(".,;:!?()[]{}\"-")) t[static_cast<uint8_t>(c)] = kPunctChar;
  for (int c = 0x80; c < 256; ++c) t[c] = kLetter;  // refined by DecodeSpecial
  return t;
}
constexpr auto kAscii = MakeAsciiTable();

// ASCII letters and digits: the bytes a word's inner loop consumes without a second look.
constexpr std::array<bool, 256> MakeAlnumTable() {
  std::array<bool, 256> t{};
  for (int c = 0; c < 128; ++c) t[c] = kAscii[c] == kLetter || kAscii[c] == kDigit;
  return t;
}
constexpr auto kAsciiAlnum = MakeAlnumTable();

// Non-ASCII code points that are not letters. Returns the class and, for punctuation, the
// ASCII normal form.
CharClass ClassifyCodePoint(char32_t cp, std::string_view* norm) {
  switch (cp) {
    case 0x00A0:
    case 0x2002:
    case 0x2003:
    case 0x2009:
    case 0x200A:
    case 0x202F:
    case 0x200B:
    case 0x3000:
    case 0xFEFF:
      return kSpace;
    case 0x2028:
    case 0x2029:
    case 0x0085:
      return kNewline;
    case 0x2018:
    case 0x2019:
    case 0x02BC:
    case 0x2032:
      *norm = "'";
      return kApos;
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x00AB:
    case 0x00BB:
    case 0x2033:
      *norm = "\"";
      return kPunctChar;
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
      *norm = "-";
      return kPunctChar;
    case 0x2026:
      *norm = "...";
      return kPunctChar;
    case 0x2022:
    case 0x00B7:
    case 0x00A9:
    case 0x00AE:
    case 0x2122:
    case 0xFFFD:
    case 0x00B0:
    case 0x20AC:
    case 0x00A3:
    case 0x00A5:
    case 0x20B9:
    case 0x20BD:
    case 0x00A7:
      return kOther;
    default:
      return kLetter;
  }
}

// The first position at or after `i` (before `n`) that is not an ASCII letter or digit.
// PERF: sixteen bytes per step with SSE2 (eight with carry-free byte arithmetic without it): a
// word's end costs no mispredicted loop exit per byte, and most words take one step.
size_t SkipAsciiAlnum(const char* text, size_t i, size_t n) {
#if defined(__SSE2__)
  const __m128i case_bit = _mm_set1_epi8(0x20);
  const __m128i to_letters = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
  const __m128i to_digits = _mm_set1_epi8(static_cast<char>(0x80 - '0'));
  const __m128i letters_end = _mm_set1_epi8(static_cast<char>(-128 + 26));
  const __m128i digits_end = _mm_set1_epi8(static_cast<char>(-128 + 10));
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + i));
    // Letters ('a'-'z' after OR 0x20) and digits moved to the bottom of the signed range, so
    // one signed comparison tests each range; bytes >= 0x80 fall outside both.
    const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, case_bit), to_letters), letters_end);
    const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, to_digits), digits_end);
    const unsigned stop = ~static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit))) & 0xFFFFu;
    if (stop != 0) return i + static_cast<size_t>(__builtin_ctz(stop));
    i += 16;
  }
#endif
  constexpr uint64_t k01 = 0x0101010101010101ULL, k80 = 0x8080808080808080ULL, k7f = 0x7F7F7F7F7F7F7F7FULL;
  while (i + 8 <= n) {
    uint64_t v;
    std::memcpy(&v, text + i, 8);
    // Bytes below 0x80 in 7 bits, so that adding at most 0x7f per byte carries into no neighbour.
    const uint64_t low = v & k7f;
    const uint64_t folded = (v | (k01 * 0x20)) & k7f;  // 'A'-'Z' -> 'a'-'z'
    const uint64_t letter = (folded + k01 * (0x80 - 'a')) & ~(folded + k01 * (0x7F - 'z')) & k80;
    const uint64_t digit = (low + k01 * (0x80 - '0')) & ~(low + k01 * (0x7F - '9')) & k80;
    const uint64_t stop = (~(letter | digit) & k80) | (v & k80);  // non-ASCII bytes stop too
    if (stop != 0) return i + static_cast<size_t>(__builtin_ctzll(stop)) / 8;
    i += 8;
  }
  while (i < n && kAsciiAlnum[static_cast<unsigned char>(text[i])]) ++i;
  return i;
}

// ".", "!", "?" and "..." (also the normal form of U+2026).
bool IsSentenceFinal(std::string_view norm) {
  return norm.size() == 1 ? norm[0] == '.' || norm[0] == '!' || norm[0] == '?' : norm == "...";
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }

// Abbreviations after which a period does not end a sentence (lowercase, without the dot).
bool IsAbbreviation(std::string_view w, uint64_t hash) {
  static constexpr std::string_view kAbbr[] = {
      "mr",   "mrs",  "ms",   "dr",   "prof",  "gen",    "lt",     "col",  "maj",  "capt", "cpl",  "sgt",
      "st",   "sr",   "jr",   "rev",  "gov",   "sen",    "rep",    "pres", "insp", "supt", "det",  "no",
      "nos",  "vs",   "jan",  "feb",  "mar",   "apr",    "jun",    "jul",  "aug",  "sep",  "sept", "oct",
      "nov",  "dec",  "mt",   "ft",   "co",    "corp",   "inc",    "ltd",  "dept", "univ", "ave",  "blvd",
      "rd",   "hon",  "adm",  "cmdr", "brig",  "messrs", "approx", "est",  "fig",  "vol",  "al",   "etc",
      "ca",   "ala",  "ariz", "ark",  "calif", "colo",   "conn",   "del",  "fla",  "ga",   "ill",  "ind",
      "kan",  "kans", "ky",   "la",   "md",    "mass",   "mich",   "minn", "miss", "mo",   "mont", "neb",
      "nev",  "okla", "ore",  "pa",   "penn",  "tenn",   "tex",    "va",   "vt",   "wash", "wis",  "wyo",
      "sgts", "ph",   "mg",   "rs",   "govt",  "asst",   "supdt",  "addl", "dy",   "shri", "smt",  "km"};
  // PERF: looked up by token hash in a sorted table (a scan of the list ran at every period).
  struct Table {
    std::vector<std::pair<uint64_t, std::string_view>> by_hash;
    Table() {
      for (auto a : kAbbr) by_hash.emplace_back(HashToken(a), a);
      std::sort(by_hash.begin(), by_hash.end());
    }
  };
  static const Table table;
  auto it =
      std::lower_bound(table.by_hash.begin(), table.by_hash.end(), std::pair<uint64_t, std::string_view>(hash, {}));
  return it != table.by_hash.end() && it->first == hash && it->second == w;
}

// The last 1 to 8 bytes of a string, little-endian, zero-extended: two overlapping loads
// (4 to 8 bytes) or the first, middle and last byte (1 to 3), never a byte outside p[0, n).
[[gnu::always_inline]] inline uint64_t TailWord(const char* p, size_t n) {
  if (n >= 4) {
    uint32_t lo, hi;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + n - 4, 4);
    return lo | (static_cast<uint64_t>(hi) << (8 * (n - 4)));
  }
  return static_cast<uint64_t>(static_cast<unsigned char>(p[0])) |
         (static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << (8 * (n / 2))) |
         (static_cast<uint64_t>(static_cast<unsigned char>(p[n - 1])) << (8 * (n - 1)));
}

// PERF: eight bytes per multiply (byte-wise FNV-1a was 4% of coding). Every table keyed by
// token hashes is built at startup with this function, so none depends on its values.
// `readable` bytes from s.data() may be read (at least s.size()): with eight or more, the
// string's last word is one masked load (most tokens are one word); the value does not
// depend on `readable`. Inlined into the tokenizer's loop (a call per token).
[[gnu::always_inline]] inline uint64_t Hash(std::string_view s, size_t readable) {
  constexpr uint64_t kMul = 0x9e3779b97f4a7c15ULL;
  uint64_t h = 0xcbf29ce484222325ULL ^ (s.size() * kMul);
  const char* p = s.data();
  size_t n = s.size();
  if (n == 0) return h;
  while (n > 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 29;
    p += 8;
    n -= 8;
    readable -= 8;
  }
  uint64_t w;
  if (readable >= 8) {
    std::memcpy(&w, p, 8);
    w &= ~uint64_t{0} >> (64 - 8 * n);  // n is 1 to 8
  } else {
    w = TailWord(p, n);
  }
  h = (h ^ w) * kMul;
  h ^= h >> 32;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 29;
  return h;
}

}  // namespace

uint64_t HashToken(std::string_view s) { return Hash(s, s.size()); }

Tokenizer::Tokenizer() = default;

void Tokenizer::Tokenize(std::string_view text, TokenizedText* out) const {
  out->text = text;
  out->tokens.clear();
  out->sentences.clear();
  out->lower.assign(text.data(), text.size());
  // Branch-free so that the compiler vectorises it.
  for (char& c : out->lower) c = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 32 : 0));
  std::string_view lower = out->lower;
  const size_t n = text.size();
  size_t i = 0;
  uint8_t pending = 0;  // flags for the next token
  int newlines = 0;
  uint32_t words = 0, capitalized_words = 0;

  // Where a sentence may end: tokens after a line break, and sentence-final punctuation.
  // PERF: SplitSentences looks at these only (a pass over every token was 7 M instructions
  // per 2,000 documents).
  static thread_local std::vector<uint32_t> breaks;
  breaks.clear();
  // `more`: flags known by the caller (kPlainAscii).
  auto push = [&](size_t b, size_t e, TokenKind kind, std::string_view norm, uint8_t more = 0) {
    // PERF: every field is computed first and stored once: a read-modify-write of the flags
    // byte (a char type, which may alias anything) made the compiler reload the tokenizer's
    // state after it.
    uint8_t flags = pending | more;
    if (kind == TokenKind::kWord) {
      ++words;
      if (IsUpper(text[b])) {
        flags |= kCapitalized;
        ++capitalized_words;
      }
      if (e - b >= 2 && !IsLowerAscii(text[b])) {  // PERF: a lowercase first letter is no capitals
        bool all = true;
        int letters = 0;
        for (size_t k = b; k < e; ++k) {
          char c = text[k];
          if (IsLowerAscii(c)) {
            all = false;
            break;
          }
          if (IsUpper(c)) ++letters;
        }
        if (all && letters >= 2) flags |= kAllCaps;
      }
    }
    // Norms are slices of `lower` at the token's offset or static literals ("'s", "..."): the
    // hash may read on to the end of `lower`, never past a literal.
    const uint64_t hash = Hash(norm, norm.data() == lower.data() + b ? n - b : norm.size());
    if ((pending & kNewlineBefore) || (kind == TokenKind::kPunct && IsSentenceFinal(norm))) {
      breaks.push_back(static_cast<uint32_t>(out->tokens.size()));
    }
    // PERF: built in place; a Token assembled on the stack and then copied stalled on
    // store-to-load forwarding (the copy's wide loads read the fields' narrow stores).
    Token& t = out->tokens.emplace_back();
    t.span = Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    t.norm = norm;
    t.hash = hash;
    t.kind = kind;
    t.flags = flags;
    pending = 0;
  };

  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    uint8_t cls = kAscii[c];
    size_t clen = 1;
    std::string_view special;
    if (c >= 0x80) {
      char32_t cp = DecodeUtf8(text, i, &clen);
      cls = ClassifyCodePoint(cp, &special);
    }
    if (cls == kSpace) {
      pending |= kSpaceBefore;
      i += clen;
      continue;
    }
    if (cls == kNewline) {
      pending |= kSpaceBefore | kNewlineBefore;
      if (++newlines >= 2) pending |= kParagraphBefore;
      i += clen;
      continue;
    }
    // Any non-space resets the blank-line counter, but spaces between newlines do not.
    newlines = 0;
    if (cls == kLetter) {
      // Acronym: single ASCII letters each followed by a dot, at least two: "U.S." "a.m." "N.C."
      size_t b = i;
      size_t e = i;
      // PERF: only when a dot follows the first letter (the test ran on every word: 1% of the
      // coding instructions).
      if (c < 0x80 && i + 1 < n && text[i + 1] == '.') {
        size_t k = i;
        int pairs = 0;
        auto is_ascii_letter = [&](size_t p) {
          return p < n && static_cast<unsigned char>(text[p]) < 0x80 &&
                 kAscii[static_cast<unsigned char>(text[p])] == kLetter;
        };
        // Each piece is one letter and a dot; the letter after a dot must not start a word.
        while (is_ascii_letter(k) && !is_ascii_letter(k + 1) && k + 1 < n && text[k + 1] == '.') {
          ++pairs;
          k += 2;
          if (!is_ascii_letter(k) || is_ascii_letter(k + 1)) break;
        }
        if (pairs >= 2) e = k;
      }
      bool plain = false;  // ASCII letters and digits only
      if (e == b) {
        // Word: letters, digits inside, internal apostrophes (don't, o'brien).
        plain = c < 0x80;
        e = i + clen;
        while (e < n) {
          // PERF: ASCII letters and digits in a tight loop; everything else below.
          e = SkipAsciiAlnum(text.data(), e, n);
          if (e >= n) break;
          unsigned char d = static_cast<unsigned char>(text[e]);
          uint8_t dc = kAscii[d];
          size_t dl = 1;
          std::string_view sp;
          if (d >= 0x80) dc = ClassifyCodePoint(DecodeUtf8(text, e, &dl), &sp);
          if (dc == kLetter || dc == kDigit) {
            plain &= d < 0x80;
            e += dl;
            continue;
          }
          if (dc == kApos && sp.empty() && e + 1 < n && kAscii[static_cast<unsigned char>(text[e + 1])] == kLetter) {
            // Keep "don't"; split the possessive "'s" into its own token.
            if ((text[e + 1] == 's' || text[e + 1] == 'S') &&
                (e + 2 >= n || kAscii[static_cast<unsigned char>(text[e + 2])] != kLetter))
              break;
            plain = false;
            e += 1;
            continue;
          }
          break;
        }
      }
      push(b, e, TokenKind::kWord, lower.substr(b, e - b), plain ? kPlainAscii : 0);
      i = e;
      // PERF: the single space after most words, without a turn of the dispatch above.
      if (i < n && text[i] == ' ') {
        pending |= kSpaceBefore;
        ++i;
      }
      continue;
    }
    if (cls == kDigit) {
      size_t b = i;
      size_t e = i + 1;
      bool has_letter = false;
      while (e < n) {
        char d = text[e];
        if (d >= '0' && d <= '9') {
          ++e;
          continue;
        }
        if ((d == ',' || d == '.') && e + 1 < n && text[e + 1] >= '0' && text[e + 1] <= '9' && !has_letter) {
          e += 1;
          continue;
        }
        if (kAscii[static_cast<unsigned char>(d)] == kLetter && static_cast<unsigned char>(d) < 0x80) {
          has_letter = true;
          ++e;
          continue;
        }
        break;
      }
      push(b, e, has_letter ? TokenKind::kAlnum : TokenKind::kNumber, lower.substr(b, e - b));
      i = e;
      continue;
    }
    if (cls == kApos) {
      // Possessive "'s" / "’s" as its own token.
      size_t after = i + clen;
      if (after < n && (text[after] == 's' || text[after] == 'S') &&
          (after + 1 >= n || kAscii[static_cast<unsigned char>(text[after + 1])] != kLetter) && !out->tokens.empty() &&
          !(pending & kSpaceBefore)) {
        push(i, after + 1, TokenKind::kWord, "'s");
        i = after + 1;
        continue;
      }
      push(i, i + clen, TokenKind::kPunct, "'");
      i += clen;
      continue;
    }
    if (cls == kPunctChar) {
      if (c == '.' && i + 2 < n && text[i + 1] == '.' && text[i + 2] == '.') {
        push(i, i + 3, TokenKind::kPunct, "...");
        i += 3;
        continue;
      }
      push(i, i + clen, TokenKind::kPunct, special.empty() ? lower.substr(i, clen) : special);
      i += clen;
      continue;
    }
    push(i, i + clen, TokenKind::kSymbol, lower.substr(i, clen));
    i += clen;
  }
  out->words = words;
  out->capitalized_words = capitalized_words;
  SplitSentences(breaks, out);
}

void Tokenizer::SplitSentences(const std::vector<uint32_t>& breaks, TokenizedText* out) const {
  auto& toks = out->tokens;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  uint32_t start = 0;
  uint32_t paragraph = 0;
  auto close = [&](uint32_t end) {
    if (end <= start) return;
    Sentence s;
    s.begin_token = start;
    s.end_token = end;
    s.span = Span{toks[start].span.begin, toks[end - 1].span.end};
    // A sentence that begins after a blank line begins a paragraph.
    if (start > 0 && toks[start].HasFlag(kParagraphBefore)) ++paragraph;
    s.paragraph = paragraph;
    out->sentences.push_back(s);
    start = end;
  };
  uint32_t resume = 0;  // the tokens before it end inside a sentence already closed
  for (uint32_t i : breaks) {
    if (i < resume) continue;
    const Token& t = toks[i];
    if (i > start && t.HasFlag(kNewlineBefore)) {
      const Token& prev = toks[i - 1];
      // A single line break inside running lowercase text is a wrapped line, not a boundary.
      bool wrapped = !t.HasFlag(kParagraphBefore) && prev.kind == TokenKind::kWord && !(t.flags & kCapitalized) &&
                     t.kind == TokenKind::kWord;
      if (!wrapped) close(i);
    }
    if (t.kind != TokenKind::kPunct) continue;
    if (!IsSentenceFinal(t.norm)) continue;
    uint32_t end = i + 1;
    // Closing quotes and brackets belong to the sentence they close.
    while (end < n && toks[end].kind == TokenKind::kPunct && !toks[end].HasFlag(kSpaceBefore) &&
           (toks[end].norm == "\"" || toks[end].norm == "'" || toks[end].norm == ")"))
      ++end;
    if (end >= n) continue;
    const Token& next = toks[end];
    if (t.norm == ".") {
      if (i == start) continue;
      const Token& prev = toks[i - 1];
      if (prev.span.end != t.span.begin) {
        // " . " spaced period: still a boundary.
      } else if (prev.kind == TokenKind::kWord) {
        if (IsAbbreviation(prev.norm, prev.hash)) continue;
        // Single capital letter: an initial ("John F. Kennedy").
        if (prev.span.size() == 1 && (prev.flags & kCapitalized)) continue;
      }
      if (!next.HasFlag(kSpaceBefore)) {
        // "reported.Major General": glued sentences in scraped text.
        bool glued = prev.kind == TokenKind::kWord && prev.span.size() >= 2 && next.kind == TokenKind::kWord &&
                     (next.flags & kCapitalized) && next.span.size() >= 2 && !(next.flags & kAllCaps);
        if (!glued) continue;
      }
    } else if (!next.HasFlag(kSpaceBefore) && next.kind != TokenKind::kPunct) {
      continue;
    }
    close(end);
    resume = end;
  }
  close(n);
}

}  // namespace evident::tokens
