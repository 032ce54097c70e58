// Benchmark corpus: the development articles, read once per benchmark process, plus the
// counters every benchmark reports (MB/s, docs/s, sentences/s, peak RSS).
//
// Where the articles come from (docs/performance.md):
//   EVIDENT_BENCH_DATA unset   -> <source>/../shared/data/dev/*.jsonl (about 10 MB, 8,603 docs)
//   EVIDENT_BENCH_DATA=DIR     -> DIR/*.jsonl in sorted order; a folder without .jsonl files is
//                                 read as text::ReadInputs reads any folder (txt, html, jsonl)
//   EVIDENT_BENCH_DATA=FILE    -> that one file
//   EVIDENT_BENCH_MAX_DOCS=N   -> keep only the first N documents (CI smoke runs); they are
//                                 rewritten to a temporary JSONL file so that reading and
//                                 end-to-end benchmarks see exactly the same N documents
// The articles are never copied into the repository. Without them, RunBenchmarks() prints
// where it looked and exits 0, so a checkout without shared data still passes.
//
// Throughput counters use the document text bytes (after JSONL decoding), the same unit as
// the CLI's "MB/s" summary line, so stage rates add up: 1/total = sum(1/stage).
//
// Not thread-safe: benchmarks call these from the benchmark thread only.
#pragma once

#include <benchmark/benchmark.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "common/date.h"
#include "pipeline/engine.h"
#include "text/document.h"

namespace evident::bench {

struct Corpus {
  std::string source;                // what was read, for the log line
  std::vector<std::string> inputs;   // paths for text::ReadInputs / pipeline::CodeInputs
  std::vector<text::Document> docs;  // documents read without error, in input order
  // Per document: its publication date, for the date extractor.
  std::vector<std::optional<CivilDate>> published;
  size_t input_bytes = 0;  // size of the input files (JSON framing included)
  size_t text_bytes = 0;   // sum of docs[i].text.size()
  size_t sentences = 0;    // sentences found by tokens::Tokenizer over all docs
  size_t rejected = 0;     // items the reader rejected (not in docs)
};

// The corpus, loaded on first use; nullptr when no articles were found (message printed).
const Corpus* GetCorpus();

// The engine over the built-in lexicons (pipeline::DefaultDataDir()); exits with status 3 and
// the lexicon errors if they do not load.
const pipeline::Engine& GetEngine();

// Peak resident set size of this process in MB (VmHWM from /proc/self/status), 0 if unknown.
double PeakRssMb();
// Resets VmHWM to the current RSS (writes "5" to /proc/self/clear_refs, Linux >= 4.0), so
// that each benchmark reports its own peak. The largest value seen is kept for the exit line.
void ResetPeakRss();

// Sets the counters every benchmark reports, as rates over the benchmark's time (CPU time of
// the benchmark thread, or wall-clock time for benchmarks marked UseRealTime()):
//   MB/s, docs/s, sentences/s  for `bytes`, `docs`, `sentences` processed per iteration
//   peak_RSS_MB                VmHWM since the benchmark started (includes the corpus)
void ReportThroughput(benchmark::State& state, size_t bytes, size_t docs, size_t sentences);
// The same for one pass over the whole corpus.
void ReportCorpusThroughput(benchmark::State& state, const Corpus& corpus);

// main() of every benchmark program: parses benchmark flags, loads the corpus (or explains
// why it is skipped), runs the benchmarks and prints the process's peak RSS.
int RunBenchmarks(int argc, char** argv);

}  // namespace evident::bench
