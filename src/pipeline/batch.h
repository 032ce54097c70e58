// Batch coding: inputs -> ordered CodedDocuments, on N worker threads, with a RunReport.
//
// Documents are read in chunks, coded in parallel, and handed to `emit` in input order, so
// output line i is always input document i. Nothing is dropped: each document is coded (ok),
// rejected (bad input, with its reason) or failed (an engine fault caught here, retryable),
// and read == coded + rejected + failed.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/engine.h"
#include "text/reader.h"

namespace evident::pipeline {

struct RunReport {
  size_t read = 0;
  size_t coded = 0;
  size_t rejected = 0;
  size_t failed = 0;
  size_t events = 0;
  size_t bytes = 0;
  size_t sentences = 0;
  double seconds = 0;
};

struct BatchOptions {
  int threads = 1;
  size_t chunk_docs = 512;
  text::ReadOptions read;
};

using EmitFn = std::function<void(const CodedDocument&)>;

Result<RunReport> CodeInputs(const Engine& engine, const std::vector<std::string>& inputs,
                             const BatchOptions& options, const EmitFn& emit);

}  // namespace evident::pipeline
