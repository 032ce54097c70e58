#include "common/utf8.h"

namespace evident {
namespace {

// Length of a valid sequence starting at text[i], or 0 if invalid (RFC 3629: no overlongs,
// no surrogates, <= U+10FFFF).
size_t ValidSequenceLength(std::string_view text, size_t i) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  size_t n = text.size();
  unsigned char c = s[i];
  if (c < 0x80) return 1;
  auto cont = [&](size_t k) { return i + k < n && (s[i + k] & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    unsigned char c1 = s[i + 1];
    if (c == 0xE0 && c1 < 0xA0) return 0;   // overlong
    if (c == 0xED && c1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    unsigned char c1 = s[i + 1];
    if (c == 0xF0 && c1 < 0x90) return 0;
    if (c == 0xF4 && c1 >= 0x90) return 0;
    return 4;
  }
  return 0;
}

}  // namespace

size_t FindInvalidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    // PERF: ASCII fast path, 8 bytes at a time.
    while (i + 8 <= text.size()) {
      uint64_t w;
      __builtin_memcpy(&w, text.data() + i, 8);
      if (w & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= text.size()) break;
    size_t len = ValidSequenceLength(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

size_t RepairUtf8(std::string& text) {
  size_t first = FindInvalidUtf8(text);
  if (first == std::string_view::npos) return 0;
  std::string out;
  out.reserve(text.size() + 16);
  out.append(text, 0, first);
  size_t replaced = 0;
  size_t i = first;
  while (i < text.size()) {
    size_t len = ValidSequenceLength(text, i);
    if (len) {
      out.append(text, i, len);
      i += len;
      continue;
    }
    out += "\xEF\xBF\xBD";
    ++replaced;
    ++i;
    // Swallow continuation bytes of the same broken sequence.
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
  }
  text.swap(out);
  return replaced;
}

size_t Utf8PrefixLength(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text.size();
  size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return n;
}

char32_t DecodeUtf8(std::string_view text, size_t pos, size_t* len) {
  size_t l = ValidSequenceLength(text, pos);
  const auto* s = reinterpret_cast<const unsigned char*>(text.data()) + pos;
  if (l == 0) {
    *len = 1;
    return 0xFFFD;
  }
  *len = l;
  switch (l) {
    case 1: return s[0];
    case 2: return ((s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    case 3: return ((s[0] & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    default:
      return ((s[0] & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
  }
}

}  // namespace evident
