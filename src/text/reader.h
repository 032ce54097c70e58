// Readers: turn command-line inputs into a stream of ReadItems, in input order.
//
// Inputs: a path to a plain-text file (whole file = one document), a JSONL file (".jsonl" or
// ".ndjson", or any file when options.format == kJsonl; one JSON object per line with "text"
// required and "id", "published", "title", "url" optional), an HTML file (".html"/".htm":
// main article text, title and publication date from meta tags), a directory (walked
// recursively, files in sorted path order, hidden files skipped), or "-" for standard input
// (read as text, or as JSONL when options.format == kJsonl).
//
// Nothing is lost: an unreadable path, a bad JSONL line or a bad document becomes a ReadItem
// with a non-ok status, and reading goes on with the next one.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "text/document.h"

namespace evident::text {

enum class InputFormat { kAuto, kText, kJsonl, kHtml };

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;
  std::string default_published;  // "YYYY-MM-DD" used when a document has none (--published)
};

using ItemSink = std::function<void(ReadItem&&)>;

// Reads every input in order and hands each item to `sink`. Returns non-ok only for faults
// that stop the whole run (none today: unreadable inputs become rejected items).
Status ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                  const ItemSink& sink);

// Parses one JSONL line (without its newline) into a document. `origin` is "file:line".
ReadItem ParseJsonlLine(std::string_view line, const std::string& origin, const ReadOptions& options);

}  // namespace evident::text
