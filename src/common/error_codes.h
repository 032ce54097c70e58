// The one catalogue of error codes. docs/errors.md has one line per code; keep them in step.
#pragma once

#include <string_view>

namespace evident {

enum class ErrorCode {
  kOk = 0,
  kUsage,           // bad command-line arguments
  kIoError,         // a file or directory could not be read
  kEmptyDocument,   // document text is empty or only whitespace
  kBinaryInput,     // document looks like binary data (NUL bytes, control characters)
  kTooLarge,        // document exceeds the size limit
  kBadJson,         // a JSONL line is not a JSON object
  kMissingText,     // a JSONL object lacks a string "text" field
  kBadField,        // a field has the wrong type or format (e.g. published not YYYY-MM-DD)
  kLexiconError,    // a lexicon file has errors (file:line in the message)
  kInternal,        // an engine fault; the document can be retried
};

// Stable snake_case name used in JSON output ("error": {"code": ...}).
std::string_view ErrorCodeName(ErrorCode code);

}  // namespace evident
