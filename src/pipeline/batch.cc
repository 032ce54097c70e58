#include "pipeline/batch.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <memory>
#include <mutex>
#include <span>
#include <thread>

namespace evident::pipeline {
namespace {

void CodeOne(Coder& coder, const RenderFn& render, CodedDocument* cd) {
  if (cd->status.ok()) {
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
  if (render) render(*cd, &cd->rendered);
}

// Worker threads that live for the whole run and code one chunk at a time. The caller hands a
// chunk over with Start() and collects it with Wait(); meanwhile it reads the next chunk and
// emits the previous one, so reading and writing overlap with coding.
// PERF: with a fresh pool per chunk and serial read/emit, -j 2 reached 1.60x of -j 1 (18-20%
// of the run was serial on the calling thread, docs/performance.md).
class WorkerPool {
 public:
  WorkerPool(const Engine& engine, int threads, const RenderFn& render) : render_(render) {
    for (int i = 0; i < threads; ++i) coders_.push_back(std::make_unique<Coder>(engine));
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this, i] { Loop(i); });
  }
  ~WorkerPool() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    start_cv_.notify_all();
    for (auto& t : workers_) t.join();
  }

  void Start(std::vector<CodedDocument>* chunk) {
    std::lock_guard<std::mutex> lock(mu_);
    chunk_ = chunk;
    next_.store(0);
    active_ = static_cast<int>(workers_.size());
    ++generation_;
    start_cv_.notify_all();
  }

  void Wait() {
    std::unique_lock<std::mutex> lock(mu_);
    done_cv_.wait(lock, [this] { return active_ == 0; });
    chunk_ = nullptr;
  }

 private:
  void Loop(int id) {
    uint64_t seen = 0;
    while (true) {
      std::vector<CodedDocument>* chunk;
      {
        std::unique_lock<std::mutex> lock(mu_);
        start_cv_.wait(lock, [&] { return stop_ || generation_ != seen; });
        if (stop_) return;
        seen = generation_;
        chunk = chunk_;
      }
      for (size_t i = next_++; i < chunk->size(); i = next_++) CodeOne(*coders_[id], render_, &(*chunk)[i]);
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (--active_ == 0) done_cv_.notify_all();
      }
    }
  }

  const RenderFn& render_;
  std::vector<std::unique_ptr<Coder>> coders_;
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable start_cv_, done_cv_;
  std::vector<CodedDocument>* chunk_ = nullptr;
  std::atomic<size_t> next_{0};
  int active_ = 0;
  uint64_t generation_ = 0;
  bool stop_ = false;
};

}  // namespace

Result<RunReport> CodeInputs(const Engine& engine, const std::vector<std::string>& inputs,
                             const BatchOptions& options, const EmitFn& emit) {
  auto start = std::chrono::steady_clock::now();
  RunReport report;
  int threads = options.threads < 1 ? 1 : options.threads;
  const size_t chunk_docs = options.chunk_docs < 1 ? 1 : options.chunk_docs;

  auto account_and_emit = [&](std::span<CodedDocument> chunk) {
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
  };

  // Single thread: code in the reading thread, no pool.
  std::unique_ptr<Coder> coder;
  std::unique_ptr<WorkerPool> pool;
  if (threads == 1) coder = std::make_unique<Coder>(engine);
  else pool = std::make_unique<WorkerPool>(engine, threads, options.render);

  std::vector<CodedDocument> reading, coding;  // chunk being read; chunk with the workers
  if (threads > 1) reading.reserve(chunk_docs);
  bool in_flight = false;

  auto hand_over = [&] {
    if (in_flight) pool->Wait();
    std::swap(reading, coding);  // `reading` now holds the coded previous chunk
    pool->Start(&coding);
    bool had_previous = in_flight;
    in_flight = true;
    if (had_previous) account_and_emit(reading);  // emit chunk k-1 while chunk k is coded
    reading.clear();
  };

  // PERF: one thread codes each document as soon as it is read and emits it at once: its text
  // and output are still in the cache (chunks of 512 documents went through it three times).
  // One CodedDocument serves every document, so that its event and check vectors keep their
  // room (they were allocated and grown on every document).
  CodedDocument single;
  Status st = text::ReadInputs(inputs, options.read, [&](text::ReadItem&& item) {
    if (threads == 1) {
      single.doc = std::move(item.doc);
      single.status = std::move(item.status);
      single.failed = false;
      single.events.clear();
      single.checks.clear();
      single.rendered.clear();
      CodeOne(*coder, options.render, &single);
      account_and_emit(std::span<CodedDocument>(&single, 1));
      return;
    }
    CodedDocument cd;
    cd.doc = std::move(item.doc);
    cd.status = std::move(item.status);
    reading.push_back(std::move(cd));
    if (reading.size() >= chunk_docs) hand_over();
  });
  if (!reading.empty()) hand_over();
  if (in_flight) {
    pool->Wait();
    account_and_emit(coding);
    coding.clear();
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!st.ok()) return st;
  return report;
}

}  // namespace evident::pipeline
