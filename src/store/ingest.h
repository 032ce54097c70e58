// Ingest: inputs -> coded documents -> the store, on N worker threads.
//
// Codes the inputs with pipeline::CodeInputs (any input `evident code` reads, plus WARC files)
// and adds every document to the store, in input order, on a writer thread of its own (the
// Store is used by that thread only while Ingest runs), committing every `batch_docs`
// documents in one transaction with the run's counters. The content hash is computed on the
// coding threads (as CodeInputs' render step).
//
//   store::IngestOptions options;
//   options.threads = 2;
//   auto counts = store::Ingest(engine, *store, {"news/"}, options);
//   // counts->read == stored + skipped_duplicates + rejected + failed
//
// With retry_failed, the documents stored as failed are first recoded from their stored text
// (no input needed) and their rows updated.
//
// Every input document is accounted for in the returned counts and in the run's row. A store
// error (locked database, disk full) stops storing: the batch in progress is rolled back, the
// error returned, and every batch committed before it is kept.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "pipeline/batch.h"
#include "pipeline/engine.h"
#include "store/store.h"

namespace evident::store {

struct IngestOptions {
  int threads = 1;
  size_t batch_docs = 500;  // documents per transaction
  bool retry_failed = false;
  text::ReadOptions read;
  std::string args_json = "[]";  // the command line, recorded in the run's row
  // Called after each document is added, on the thread that writes to the store (one thread,
  // not the caller's); `cd` is the document just added and `outcome` what happened to it.
  std::function<void(const pipeline::CodedDocument& cd, AddOutcome outcome, const RunCounts& counts)> on_document;
};

// Runs one ingest run: BeginRun, the retry of failed documents (if asked), the inputs,
// FinishRun. Returns the run's counts.
Result<RunCounts> Ingest(const pipeline::Engine& engine, StoreWriter& store, const std::vector<std::string>& inputs,
                         const IngestOptions& options);

// A JSON array of strings: ["a","b"] (for args_json and the run's inputs).
std::string JsonArray(const std::vector<std::string>& items);

}  // namespace evident::store
