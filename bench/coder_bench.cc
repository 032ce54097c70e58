// Stages (f) and (g), and startup:
//   BM_Code          pipeline::Coder::Code per document: tokenization, matching, numbers,
//                    dates, places, event assembly and checks (everything but reading/writing)
//   BM_WriteJson     pipeline::AppendJsonLine for every coded document (output schema of
//                    docs/output.md), into one reused buffer
//   BM_EngineCreate  pipeline::Engine::Create: loading, checking and compiling the lexicons
//                    (the CLI's startup cost before the first document)
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "bench/corpus.h"
#include "pipeline/engine.h"
#include "pipeline/json_writer.h"

namespace evident::bench {
namespace {

// The corpus as CodedDocuments (a copy of each document; Code() only fills events/checks).
std::vector<pipeline::CodedDocument> CorpusDocuments() {
  std::vector<pipeline::CodedDocument> out;
  for (const auto& d : GetCorpus()->docs) {
    pipeline::CodedDocument cd;
    cd.doc = d;
    out.push_back(std::move(cd));
  }
  return out;
}

// Every corpus document coded once, for the writer benchmark.
const std::vector<pipeline::CodedDocument>& CodedCorpus() {
  static const std::vector<pipeline::CodedDocument> coded = [] {
    auto docs = CorpusDocuments();
    pipeline::Coder coder(GetEngine());
    for (auto& cd : docs) coder.Code(&cd);
    return docs;
  }();
  return coded;
}

void BM_Code(benchmark::State& state) {
  const Corpus& corpus = *GetCorpus();
  auto docs = CorpusDocuments();
  ResetPeakRss();
  pipeline::Coder coder(GetEngine());
  size_t events = 0;
  for (auto _ : state) {
    events = 0;
    for (auto& cd : docs) {
      coder.Code(&cd);
      events += cd.events.size();
    }
    benchmark::DoNotOptimize(events);
  }
  ReportCorpusThroughput(state, corpus);
  state.counters["events"] = benchmark::Counter(static_cast<double>(events));
}
BENCHMARK(BM_Code)->Unit(benchmark::kMillisecond);

void BM_WriteJson(benchmark::State& state) {
  const Corpus& corpus = *GetCorpus();
  const auto& docs = CodedCorpus();
  ResetPeakRss();
  std::string out;
  size_t out_bytes = 0;
  for (auto _ : state) {
    out_bytes = 0;
    out.clear();
    for (const auto& cd : docs) {
      pipeline::AppendJsonLine(cd, &out);
      // The CLI flushes its buffer to stdout beyond 64 KiB; keep the buffer in cache likewise.
      if (out.size() > (1u << 16)) {
        out_bytes += out.size();
        benchmark::DoNotOptimize(out.data());
        out.clear();
      }
    }
    out_bytes += out.size();
    benchmark::DoNotOptimize(out.data());
  }
  ReportCorpusThroughput(state, corpus);
  state.counters["output_MB/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(out_bytes) / 1e6, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_WriteJson)->Unit(benchmark::kMillisecond);

void BM_EngineCreate(benchmark::State& state) {
  ResetPeakRss();
  for (auto _ : state) {
    auto engine = pipeline::Engine::Create({});
    if (!engine.ok()) {
      state.SkipWithError(engine.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(engine->get());
  }
  state.counters["peak_RSS_MB"] = benchmark::Counter(PeakRssMb());
}
BENCHMARK(BM_EngineCreate)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace evident::bench

int main(int argc, char** argv) { return evident::bench::RunBenchmarks(argc, argv); }
