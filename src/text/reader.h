// Readers: turn command-line inputs into a stream of ReadItems, in input order.
//
// Inputs: a path to a plain-text file (whole file = one document), a JSONL file (".jsonl" or
// ".ndjson", or any file when options.format == kJsonl; one JSON object per line with "text"
// required and "id", "published", "title", "url" optional), an HTML file (".html"/".htm":
// main article text, title and publication date from meta tags, see html.h), a directory
// (walked recursively, files in sorted path order, hidden files and directories skipped), or
// "-" for standard input (read as text, or as JSONL / HTML when options.format says so).
// Extensions are matched case-insensitively; options.format other than kAuto applies to every
// file. docs/input.md is the user-facing description.
//
// Ids: a text or HTML file's id is its path as given or as found in the walk
// ("examples/foo.txt"); standard input is "stdin". A JSONL line takes its "id" (a number
// becomes its decimal text), else "<file>:<line>" ("news.jsonl:7", "stdin:7").
//
// Nothing is lost: an unreadable path, a bad JSONL line or a bad document becomes a ReadItem
// with a non-ok status (and the id and origin it would have had), and reading goes on with the
// next one. Each item is passed to the sink as soon as it is read: a JSONL file is streamed
// line by line, so memory stays bounded by the longest line, not the file.
//
// Thread safety: ReadInputs and ParseJsonlLine may run on several threads at once (the JSON
// parser is thread_local); the sink is called on the calling thread.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "text/document.h"

namespace evident::text {

enum class InputFormat { kAuto, kText, kJsonl, kHtml };

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;
  std::string default_published;  // "YYYY-MM-DD" used when a document has none (--published)
};

// A JSONL line longer than this is rejected (kTooLarge) without being held in memory. JSON
// escapes make a line longer than its text, hence the margin over kMaxDocumentBytes.
inline constexpr size_t kMaxJsonlLineBytes = 4 * kMaxDocumentBytes;

using ItemSink = std::function<void(ReadItem&&)>;

// Reads every input in order and hands each item to `sink`. Returns non-ok only for faults
// that stop the whole run before anything is read: an options.default_published that is not
// a YYYY-MM-DD date (kUsage). Unreadable inputs become rejected items (kIoError).
Status ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                  const ItemSink& sink);

// Parses one JSONL line (without its newline) into a document, then runs PrepareText.
// `origin` is "file:line"; it is also the id when the line has none.
//   {"id": 7, "text": "...", "published": "2020-05-09T10:00:00Z"}
//     => Document{id="7", published="2020-05-09", origin=origin}
// Errors: not a JSON object -> kBadJson; no string "text" -> kMissingText; "id" neither string
// nor number -> kBadField; then PrepareText's. A bad "published", "title" or "url" only adds a
// warning. Invalid UTF-8 in the line is repaired (with a warning) before parsing.
ReadItem ParseJsonlLine(std::string_view line, const std::string& origin,
                        const ReadOptions& options);

}  // namespace evident::text
