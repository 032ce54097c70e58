#include "bench/corpus.h"

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string_view>

#include "pipeline/json_writer.h"
#include "text/reader.h"
#include "tokens/tokenizer.h"

#ifndef EVIDENT_BENCH_DEFAULT_DATA
#error "EVIDENT_BENCH_DEFAULT_DATA must name the default corpus folder (bench/CMakeLists.txt)"
#endif

namespace evident::bench {
namespace {

namespace fs = std::filesystem;

double g_max_peak_mb = 0;

// The temporary JSONL file of a limited corpus; removed when the process exits normally.
struct TempFile {
  std::string path;
  ~TempFile() {
    if (!path.empty()) std::remove(path.c_str());
  }
};
TempFile g_temp_file;

std::string DataPath() {
  if (const char* env = std::getenv("EVIDENT_BENCH_DATA"); env && *env) return env;
  return EVIDENT_BENCH_DEFAULT_DATA;
}

// 0 = no limit.
size_t MaxDocs() {
  const char* env = std::getenv("EVIDENT_BENCH_MAX_DOCS");
  if (!env || !*env) return 0;
  char* end = nullptr;
  unsigned long long n = std::strtoull(env, &end, 10);
  if (*end != '\0' || n == 0) {
    std::fprintf(stderr,
                 "evident bench: EVIDENT_BENCH_MAX_DOCS='%s' is not a positive number; "
                 "using every document\n",
                 env);
    return 0;
  }
  return static_cast<size_t>(n);
}

// The inputs for `path`: its .jsonl files when it is a folder holding some, else the path itself.
std::vector<std::string> InputsFor(const std::string& path) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return {path};
  std::vector<std::string> jsonl;
  for (const auto& e : fs::directory_iterator(path, ec))
    if (e.is_regular_file(ec) && e.path().extension() == ".jsonl") jsonl.push_back(e.path().string());
  std::sort(jsonl.begin(), jsonl.end());
  if (jsonl.empty()) return {path};
  return jsonl;
}

size_t InputBytes(const std::vector<std::string>& inputs) {
  size_t bytes = 0;
  std::error_code ec;
  for (const auto& in : inputs) {
    if (fs::is_directory(in, ec)) {
      for (const auto& e : fs::recursive_directory_iterator(in, ec))
        if (e.is_regular_file(ec)) bytes += e.file_size(ec);
    } else {
      auto size = fs::file_size(in, ec);
      if (!ec) bytes += size;
    }
  }
  return bytes;
}

// Writes `docs` as JSONL to a new temporary file; returns its path, or "" on failure.
std::string WriteTempJsonl(const std::vector<text::Document>& docs) {
  std::error_code ec;
  fs::path dir = fs::temp_directory_path(ec);
  if (ec) dir = "/tmp";
  std::string name = (dir / "evident_bench_XXXXXX.jsonl").string();
  int fd = mkstemps(name.data(), 6);
  if (fd < 0) return "";
  std::string out;
  for (const auto& d : docs) {
    out += "{\"id\":";
    pipeline::AppendJsonString(d.id, &out);
    out += ",\"text\":";
    pipeline::AppendJsonString(d.text, &out);
    if (!d.published.empty()) {
      out += ",\"published\":";
      pipeline::AppendJsonString(d.published, &out);
    }
    if (!d.title.empty()) {
      out += ",\"title\":";
      pipeline::AppendJsonString(d.title, &out);
    }
    out += "}\n";
  }
  bool ok = write(fd, out.data(), out.size()) == static_cast<ssize_t>(out.size());
  close(fd);
  if (!ok) {
    std::remove(name.c_str());
    return "";
  }
  return name;
}

std::unique_ptr<Corpus> LoadCorpus() {
  std::string path = DataPath();
  std::error_code ec;
  if (!fs::exists(path, ec)) {
    std::fprintf(stderr,
                 "evident bench: no development articles at %s; set EVIDENT_BENCH_DATA to a .jsonl "
                 "file or a folder of them. Skipping the benchmarks.\n",
                 path.c_str());
    return nullptr;
  }
  auto c = std::make_unique<Corpus>();
  c->inputs = InputsFor(path);
  size_t max_docs = MaxDocs();
  Status st = text::ReadInputs(c->inputs, text::ReadOptions{}, [&](text::ReadItem&& item) {
    if (!item.status.ok()) {
      ++c->rejected;
      return;
    }
    if (max_docs == 0 || c->docs.size() < max_docs) c->docs.push_back(std::move(item.doc));
  });
  if (!st.ok() || c->docs.empty()) {
    std::fprintf(stderr, "evident bench: no documents could be read from %s%s%s. Skipping the benchmarks.\n",
                 path.c_str(), st.ok() ? "" : ": ", st.ok() ? "" : st.ToString().c_str());
    return nullptr;
  }
  c->source = path;
  if (max_docs != 0) {
    std::string temp = WriteTempJsonl(c->docs);
    if (temp.empty()) {
      std::fprintf(stderr, "evident bench: cannot write a temporary JSONL file for the first %zu documents\n",
                   max_docs);
      return nullptr;
    }
    g_temp_file.path = temp;
    c->inputs = {temp};
    c->source += " (first " + std::to_string(c->docs.size()) + " documents, via " + temp + ")";
  }
  c->input_bytes = InputBytes(c->inputs);

  tokens::Tokenizer tokenizer;
  tokens::TokenizedText tt;
  for (const auto& d : c->docs) {
    c->text_bytes += d.text.size();
    tokenizer.Tokenize(d.text, &tt);
    c->sentences += tt.sentences.size();
    c->published.push_back(ParseIsoDate(d.published));
  }
  std::fprintf(stderr,
               "evident bench: corpus %s: %zu documents (%zu rejected by the reader), %.2f MB text "
               "(%.2f MB input), %zu sentences\n",
               c->source.c_str(), c->docs.size(), c->rejected, c->text_bytes / 1e6, c->input_bytes / 1e6, c->sentences);
  return c;
}

}  // namespace

const Corpus* GetCorpus() {
  static const std::unique_ptr<Corpus> corpus = LoadCorpus();
  return corpus.get();
}

const pipeline::Engine& GetEngine() {
  static const std::unique_ptr<pipeline::Engine> engine = [] {
    auto e = pipeline::Engine::Create({});
    if (!e.ok()) {
      std::fprintf(stderr, "evident bench: the lexicons do not load: %s\n", e.status().ToString().c_str());
      std::exit(3);
    }
    return std::move(e).value();
  }();
  return *engine;
}

double PeakRssMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) {
      double mb = std::strtod(line.c_str() + 6, nullptr) / 1024.0;  // the value is in kB
      g_max_peak_mb = std::max(g_max_peak_mb, mb);
      return mb;
    }
  }
  return 0;
}

void ResetPeakRss() {
  PeakRssMb();  // remember the peak so far before it is reset
  std::ofstream clear("/proc/self/clear_refs");
  if (clear) clear << "5";
}

void ReportThroughput(benchmark::State& state, size_t bytes, size_t docs, size_t sentences) {
  using benchmark::Counter;
  double n = static_cast<double>(state.iterations());
  state.counters["MB/s"] = Counter(n * static_cast<double>(bytes) / 1e6, Counter::kIsRate);
  state.counters["docs/s"] = Counter(n * static_cast<double>(docs), Counter::kIsRate);
  state.counters["sentences/s"] = Counter(n * static_cast<double>(sentences), Counter::kIsRate);
  state.counters["peak_RSS_MB"] = Counter(PeakRssMb());
}

void ReportCorpusThroughput(benchmark::State& state, const Corpus& corpus) {
  ReportThroughput(state, corpus.text_bytes, corpus.docs.size(), corpus.sentences);
}

int RunBenchmarks(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;
  const Corpus* corpus = GetCorpus();
  if (!corpus) return 0;
  GetEngine();
  // In the JSON output's "context", for scripts/bench.sh to compute CLI rates.
  benchmark::AddCustomContext("corpus", corpus->source);
  benchmark::AddCustomContext("corpus_docs", std::to_string(corpus->docs.size()));
  benchmark::AddCustomContext("corpus_text_bytes", std::to_string(corpus->text_bytes));
  benchmark::AddCustomContext("corpus_input_bytes", std::to_string(corpus->input_bytes));
  benchmark::AddCustomContext("corpus_sentences", std::to_string(corpus->sentences));
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::fprintf(stderr, "evident bench: peak RSS of this process %.1f MB\n", std::max(g_max_peak_mb, PeakRssMb()));
  return 0;
}

}  // namespace evident::bench
