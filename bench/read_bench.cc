// Stage (a): reading. text::ReadInputs over the corpus files (from the page cache after the
// first pass): line splitting, JSON parsing (simdjson), UTF-8 checks and PrepareText.
//
//   build-bench/bench/evident_read_bench --benchmark_min_time=0.1
#include <benchmark/benchmark.h>

#include "bench/corpus.h"
#include "text/reader.h"

namespace evident::bench {
namespace {

void BM_ReadJsonl(benchmark::State& state) {
  const Corpus& corpus = *GetCorpus();
  ResetPeakRss();
  size_t docs = 0;
  for (auto _ : state) {
    docs = 0;
    Status st = text::ReadInputs(corpus.inputs, text::ReadOptions{}, [&](text::ReadItem&& item) {
      benchmark::DoNotOptimize(item.doc.text.data());
      docs += item.status.ok();
    });
    if (!st.ok()) {
      state.SkipWithError(st.ToString().c_str());
      return;
    }
  }
  ReportCorpusThroughput(state, corpus);
  // Input file bytes (JSON framing and metadata included), for comparison with disk rates.
  state.counters["input_MB/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * static_cast<double>(corpus.input_bytes) / 1e6,
                         benchmark::Counter::kIsRate);
  if (docs != corpus.docs.size()) state.SkipWithError("document count differs between passes");
}
BENCHMARK(BM_ReadJsonl)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace evident::bench

int main(int argc, char** argv) { return evident::bench::RunBenchmarks(argc, argv); }
