#include "pipeline/batch.h"

#include <atomic>
#include <chrono>
#include <exception>
#include <memory>
#include <thread>

namespace evident::pipeline {
namespace {

void CodeOne(Coder& coder, CodedDocument* cd) {
  if (!cd->status.ok()) return;  // rejected by the reader
  try {
    coder.Code(cd);
  } catch (const std::exception& ex) {
    cd->events.clear();
    cd->checks.clear();
    cd->failed = true;
    cd->status = Status(ErrorCode::kInternal, std::string("engine fault: ") + ex.what() + "; retry the document",
                        cd->doc.origin);
  }
}

}  // namespace

Result<RunReport> CodeInputs(const Engine& engine, const std::vector<std::string>& inputs,
                             const BatchOptions& options, const EmitFn& emit) {
  auto start = std::chrono::steady_clock::now();
  RunReport report;
  int threads = options.threads < 1 ? 1 : options.threads;
  std::vector<std::unique_ptr<Coder>> coders;
  for (int i = 0; i < threads; ++i) coders.push_back(std::make_unique<Coder>(engine));
  std::vector<CodedDocument> chunk;
  chunk.reserve(options.chunk_docs);

  auto flush = [&] {
    if (chunk.empty()) return;
    if (threads == 1) {
      for (auto& cd : chunk) CodeOne(*coders[0], &cd);
    } else {
      std::atomic<size_t> next{0};
      std::vector<std::thread> pool;
      for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
          for (size_t i = next++; i < chunk.size(); i = next++) CodeOne(*coders[t], &chunk[i]);
        });
      for (auto& th : pool) th.join();
    }
    for (auto& cd : chunk) {
      ++report.read;
      report.bytes += cd.doc.text.size();
      if (cd.status.ok()) {
        ++report.coded;
        report.events += cd.events.size();
      } else if (cd.failed) {
        ++report.failed;
      } else {
        ++report.rejected;
      }
      emit(cd);
    }
    chunk.clear();
  };

  Status st = text::ReadInputs(inputs, options.read, [&](text::ReadItem&& item) {
    CodedDocument cd;
    cd.doc = std::move(item.doc);
    cd.status = std::move(item.status);
    chunk.push_back(std::move(cd));
    if (chunk.size() >= options.chunk_docs) flush();
  });
  flush();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!st.ok()) return st;
  return report;
}

}  // namespace evident::pipeline
