// Stage (h): end to end. pipeline::CodeInputs over the corpus files, as `evident code` runs it
// (chunks of 128 documents, N coder threads, JSON lines appended in input order and flushed
// every 64 KiB, here to /dev/null), with threads = 1 and 2. Wall-clock time (UseRealTime):
// the coder threads are not the benchmark thread, so its CPU time would miss their work.
//
// The CPU column is then the calling thread's own work. With threads = 2 that is the serial
// part of CodeInputs (reading, moving documents into the chunk, JSON writing, starting and
// joining threads), which bounds the speed-up (Amdahl) whatever the load from other jobs.
// The chunk:64 and chunk:4096 runs show what the per-chunk barrier costs.
//
// The engine is created once, outside the timed loop; BM_EngineCreate (coder_bench.cc)
// measures startup.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <string>

#include "bench/corpus.h"
#include "pipeline/batch.h"
#include "pipeline/json_writer.h"

namespace evident::bench {
namespace {

void BM_CodeInputs(benchmark::State& state) {
  const Corpus& corpus = *GetCorpus();
  const pipeline::Engine& engine = GetEngine();
  ResetPeakRss();
  std::FILE* sink = std::fopen("/dev/null", "w");
  if (!sink) {
    state.SkipWithError("cannot open /dev/null");
    return;
  }
  pipeline::BatchOptions options;
  options.threads = static_cast<int>(state.range(0));
  options.chunk_docs = static_cast<size_t>(state.range(1));
  std::string buffer;
  pipeline::RunReport last;
  for (auto _ : state) {
    auto report = pipeline::CodeInputs(engine, corpus.inputs, options, [&](const pipeline::CodedDocument& cd) {
      pipeline::AppendJsonLine(cd, &buffer);
      if (buffer.size() > (1u << 16)) {
        std::fwrite(buffer.data(), 1, buffer.size(), sink);
        buffer.clear();
      }
    });
    std::fwrite(buffer.data(), 1, buffer.size(), sink);
    buffer.clear();
    if (!report.ok()) {
      state.SkipWithError(report.status().ToString().c_str());
      break;
    }
    last = *report;
  }
  std::fclose(sink);
  if (state.error_occurred()) return;
  // Every document read counts, as in the CLI summary (rejected ones are read but not coded).
  ReportThroughput(state, last.bytes, last.read, corpus.sentences);
  state.counters["events"] = benchmark::Counter(static_cast<double>(last.events));
}
BENCHMARK(BM_CodeInputs)
    ->ArgNames({"threads", "chunk"})
    ->Args({1, 128})
    ->Args({2, 128})
    ->Args({2, 32})
    ->Args({2, 1024})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace evident::bench

int main(int argc, char** argv) { return evident::bench::RunBenchmarks(argc, argv); }
