#include "text/document.h"

#include <emmintrin.h>

#include <cstring>
#include <string>

#include "common/date.h"
#include "common/utf8.h"

namespace evident::text {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// PERF: a view (two strings were built per document for checks that pass).
std::string_view Where(const Document& doc) { return doc.origin.empty() ? doc.id : doc.origin; }

bool IsUnicodeSpace(char32_t c) {
  return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200B) || c == 0x2028 ||
         c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// True if `text` holds only ASCII or Unicode whitespace. Stops at the first other character,
// so real articles cost a few bytes.
bool IsBlank(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v') {
      ++i;
      continue;
    }
    if (c < 0x80) return false;
    size_t len = 0;
    char32_t cp = DecodeUtf8(text, i, &len);
    if (cp == 0xFFFD || !IsUnicodeSpace(cp)) return false;
    i += len;
  }
  return true;
}

bool IsBinaryControl(unsigned char c) {
  return (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') || c == 0x7F;
}

// A hint on what the bytes are, for the binary-input message.
std::string_view BinaryHint(std::string_view bytes) {
  auto starts = [&](std::string_view magic) { return bytes.substr(0, magic.size()) == magic; };
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    return "; it starts with a UTF-16 byte order mark: convert it to UTF-8 "
           "(iconv -f UTF-16 -t UTF-8)";
  }
  if (starts("\x1F\x8B")) return "; it is gzip-compressed: decompress it first";
  if (starts("PK\x03\x04")) return "; it is a zip archive (or .docx/.odt): extract the text first";
  if (starts("%PDF")) return "; it is a PDF: extract the text first (pdftotext)";
  // "a\0b\0c\0" is UTF-16LE without a byte order mark.
  if (bytes.size() >= 4 && bytes[0] != '\0' && bytes[1] == '\0' && bytes[2] != '\0' &&
      bytes[3] == '\0') {
    return "; it looks like UTF-16LE: convert it to UTF-8 (iconv -f UTF-16LE -t UTF-8)";
  }
  return "; give UTF-8 text, JSONL or HTML";
}

}  // namespace

Status CheckDocumentSize(size_t bytes, std::string_view where) {
  if (bytes <= kMaxDocumentBytes) return Status::Ok();
  return Status(ErrorCode::kTooLarge,
                "document is " + std::to_string(bytes) + " bytes, over the limit of " +
                    std::to_string(kMaxDocumentBytes) + " bytes (" +
                    std::to_string(kMaxDocumentBytes >> 20) +
                    " MiB); split it into smaller documents",
                std::string(where));
}

Status CheckNotBinary(std::string_view bytes, std::string_view where) {
  // PERF: memchr scans the whole text at memory speed; the control-character count only
  // looks at the first kBinarySniffBytes.
  if (const void* nul = std::memchr(bytes.data(), '\0', bytes.size())) {
    size_t at = static_cast<const char*>(nul) - bytes.data();
    return Status(ErrorCode::kBinaryInput,
                  "NUL byte at byte " + std::to_string(at) + ": this is binary data, not text" +
                      std::string(BinaryHint(bytes)),
                  std::string(where));
  }
  std::string_view head = bytes.substr(0, kBinarySniffBytes);
  // Sixteen bytes per step with SSE2; the first position is only looked for when the text is
  // about to be rejected. PERF: an eight-byte test sent every word holding a line break or a tab
  // to a byte loop (0.7% of the coding time on pages with short lines).
  size_t controls = 0;
  size_t i = 0;
  const __m128i below_space = _mm_set1_epi8(0x1F), del = _mm_set1_epi8(0x7F), nl = _mm_set1_epi8('\n'),
                cr = _mm_set1_epi8('\r'), tab = _mm_set1_epi8('\t'), ff = _mm_set1_epi8('\f');
  for (; i + 16 <= head.size(); i += 16) {
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(head.data() + i));
    // Below 0x20 (unsigned), but for the four kinds of white space; or DEL.
    const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(c, below_space), c);
    const __m128i space = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(c, nl), _mm_cmpeq_epi8(c, cr)),
                                       _mm_or_si128(_mm_cmpeq_epi8(c, tab), _mm_cmpeq_epi8(c, ff)));
    const __m128i bad = _mm_or_si128(_mm_andnot_si128(space, low), _mm_cmpeq_epi8(c, del));
    controls += static_cast<size_t>(__builtin_popcount(static_cast<unsigned>(_mm_movemask_epi8(bad))));
  }
  for (; i < head.size(); ++i) controls += IsBinaryControl(static_cast<unsigned char>(head[i]));
  if (controls > 0 && controls * 10 > head.size()) {
    size_t first = 0;
    while (!IsBinaryControl(static_cast<unsigned char>(head[first]))) ++first;
    return Status(ErrorCode::kBinaryInput,
                  std::to_string(controls) + " of the first " + std::to_string(head.size()) +
                      " bytes are control characters (first at byte " + std::to_string(first) +
                      "): this looks like binary data, not text" + std::string(BinaryHint(bytes)),
                  std::string(where));
  }
  return Status::Ok();
}

Status PrepareText(Document* doc) {
  std::string& text = doc->text;
  if (Status s = CheckDocumentSize(text.size(), Where(*doc)); !s.ok()) return s;
  if (text.starts_with(kUtf8Bom)) text.erase(0, kUtf8Bom.size());
  if (IsBlank(text)) {
    std::string what = text.empty() ? "document text is empty"
                                    : "document text is only whitespace (" +
                                          std::to_string(text.size()) + " bytes)";
    return Status(ErrorCode::kEmptyDocument,
                  what + "; there is nothing to code, give the article text", std::string(Where(*doc)));
  }
  if (Status s = CheckNotBinary(text, Where(*doc)); !s.ok()) return s;
  size_t first_invalid = FindInvalidUtf8(text);
  if (first_invalid != std::string_view::npos) {
    size_t replaced = RepairUtf8(text);
    doc->warnings.push_back("invalid UTF-8: " + std::to_string(replaced) +
                            (replaced == 1 ? " sequence" : " sequences") +
                            " replaced with U+FFFD (first at byte " +
                            std::to_string(first_invalid) + ")");
  }
  return Status::Ok();
}

std::string PublishedDate(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  if (value.size() < 10) return {};
  if (value.size() > 10 && value[10] != 'T' && value[10] != 't' && value[10] != ' ') return {};
  std::string_view date = value.substr(0, 10);
  if (!ParseIsoDate(date)) return {};
  return std::string(date);
}

}  // namespace evident::text
