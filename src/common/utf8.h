// UTF-8 checks and repair. Repair replaces each maximal invalid subsequence with U+FFFD, so
// the repaired text is valid UTF-8 and all later offsets refer to it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace evident {

// Returns the byte offset of the first invalid sequence, or std::string_view::npos if valid.
size_t FindInvalidUtf8(std::string_view text);

// Replaces invalid sequences with U+FFFD. Returns the number of replacements made.
size_t RepairUtf8(std::string& text);

// Largest prefix length <= max_bytes that does not cut a UTF-8 sequence.
size_t Utf8PrefixLength(std::string_view text, size_t max_bytes);

// Decodes one code point at text[pos]; sets *len to its byte length (1 for invalid bytes,
// which decode as U+FFFD).
char32_t DecodeUtf8(std::string_view text, size_t pos, size_t* len);

}  // namespace evident
