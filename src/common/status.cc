#include "common/status.h"

#include <string_view>

#include "common/utf8.h"

namespace evident {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "ok";
    case ErrorCode::kUsage: return "usage";
    case ErrorCode::kIoError: return "io_error";
    case ErrorCode::kEmptyDocument: return "empty_document";
    case ErrorCode::kBinaryInput: return "binary_input";
    case ErrorCode::kTooLarge: return "too_large";
    case ErrorCode::kBadJson: return "bad_json";
    case ErrorCode::kMissingText: return "missing_text";
    case ErrorCode::kBadField: return "bad_field";
    case ErrorCode::kLexiconError: return "lexicon_error";
    case ErrorCode::kInternal: return "internal";
  }
  return "unknown";
}

std::string Status::ToString() const {
  if (where_.empty()) return message_;
  return where_ + ": " + message_;
}

std::string Fragment(std::string_view text, size_t max_bytes) {
  size_t n = text.size() <= max_bytes ? text.size() : Utf8PrefixLength(text, max_bytes);
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20) out += "?";
    else out += static_cast<char>(c);
  }
  if (n < text.size()) out += "...";
  return out;
}

}  // namespace evident
