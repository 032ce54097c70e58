// Document: one input article as evident read it, plus where it came from.
//
// Readers (reader.h) produce Documents from plain text, JSONL and HTML. `text` is valid UTF-8
// (invalid bytes were replaced with U+FFFD and a warning added), and every Span in the output
// refers to byte offsets in this `text`.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"

namespace evident::text {

// Documents above this size are rejected (kTooLarge). 8 MiB holds any news article many times.
inline constexpr size_t kMaxDocumentBytes = 8u << 20;

struct Document {
  std::string id;         // from JSONL "id", else derived from the file name (and line number)
  std::string text;       // valid UTF-8
  std::string published;  // "YYYY-MM-DD" or empty
  std::string title;
  std::string url;
  std::string origin;     // "file" or "file:line", for messages
  std::vector<std::string> warnings;
};

// One item produced by a reader: a document ready to code, or a rejection with its reason.
// A rejected item still carries the id and origin so the output line can name it.
struct ReadItem {
  Document doc;
  Status status;  // ok => code it; otherwise the output line is {"status":"rejected", error}
};

// Checks and cleans document text in place: rejects empty / binary / oversized text, repairs
// invalid UTF-8 (adding a warning with the count and first offset), drops a leading BOM.
Status PrepareText(Document* doc);

}  // namespace evident::text
