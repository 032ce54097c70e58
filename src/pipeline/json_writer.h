// JSON output: one line per document, schema in docs/output.md. Hand-written for speed (no
// DOM): strings are escaped per RFC 8259, spans are byte offsets into the document text.
#pragma once

#include <cstdint>
#include <string>

#include "pipeline/engine.h"

namespace evident::pipeline {

// Appends one JSON object and a newline to `out`.
void AppendJsonLine(const CodedDocument& doc, std::string* out);

// Appends `s` as a JSON string literal (with quotes).
void AppendJsonString(std::string_view s, std::string* out);

// Writes `v` with five decimals, the digits printf("%.5f") writes, at `out` (room for 48
// bytes); returns the end. Coordinates (whole microdegrees) take a path of integer arithmetic.
char* WriteFixed5(double v, char* out);

// Writes `v` in decimal, the digits std::to_chars writes, at `out` (room for 20 bytes); returns
// the end. Numbers below a million (offsets, counts, ids) take a short path.
char* WriteInt(int64_t v, char* out);

}  // namespace evident::pipeline
