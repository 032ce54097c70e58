// Document: one input article as evident read it, plus where it came from.
//
// Readers (reader.h) produce Documents from plain text, JSONL and HTML. `text` is valid UTF-8
// (invalid bytes were replaced with U+FFFD and a warning added), and every Span in the output
// refers to byte offsets in this `text`.
//
// Lifecycle: a reader fills id/origin/text (and published, title, url when the input has them),
// then calls PrepareText, which either accepts the text (possibly repaired, with warnings) or
// returns the rejection reason. Documents are moved, never copied, along the pipeline.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace evident::text {

// Documents above this size are rejected (kTooLarge). 8 MiB holds any news article many times.
// Also the limit for a whole HTML file before extraction.
inline constexpr size_t kMaxDocumentBytes = 8u << 20;

// PrepareText looks at this many leading bytes for control characters (binary detection).
inline constexpr size_t kBinarySniffBytes = 4096;

struct Document {
  std::string id;         // from JSONL "id", else derived from the file name (and line number)
  std::string text;       // valid UTF-8
  std::string published;  // "YYYY-MM-DD" or empty
  std::string title;
  std::string url;
  std::string origin;  // "file" or "file:line", for messages
  std::vector<std::string> warnings;
};

// One item produced by a reader: a document ready to code, or a rejection with its reason.
// A rejected item still carries the id and origin so the output line can name it.
struct ReadItem {
  Document doc;
  Status status;  // ok => code it; otherwise the output line is {"status":"rejected", error}
};

// Checks and cleans document text in place, in this order:
//   1. more than kMaxDocumentBytes                      -> kTooLarge
//   2. a leading UTF-8 BOM (EF BB BF) is dropped
//   3. empty or only whitespace (ASCII or Unicode)      -> kEmptyDocument
//   4. a NUL byte anywhere, or more than 10% control characters other than \t \n \f \r in
//      the first kBinarySniffBytes                      -> kBinaryInput
//   5. invalid UTF-8 is replaced with U+FFFD (RepairUtf8) and a warning is added:
//      "invalid UTF-8: 3 sequences replaced with U+FFFD (first at byte 118)"
// Nothing else changes: "\r\n" stays as is, so offsets match the input after steps 2 and 5.
// The Status names doc->origin (or doc->id) in where(). Thread-safe (no shared state).
Status PrepareText(Document* doc);

// Step 1 of PrepareText on its own, for readers that know the size before reading the bytes
// (a 2 GB file is rejected without loading it). `bytes` is the input size.
Status CheckDocumentSize(size_t bytes, std::string_view where);

// Step 4 of PrepareText on its own (used on raw HTML before extraction).
Status CheckNotBinary(std::string_view bytes, std::string_view where);

// The publication date in a field value: "2020-05-09" -> "2020-05-09", and an ISO timestamp
// "2020-05-09T10:00:00Z" or "2020-05-09 10:00" -> "2020-05-09" (the date as written, no time
// zone conversion). Returns "" if the value does not start with a real calendar date.
std::string PublishedDate(std::string_view value);

}  // namespace evident::text
