#include "pipeline/batch.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
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

// Worker threads that live for the whole run and code the chunks queued with Submit(), in
// order, a document at a time; the caller takes each chunk back with TakeOldest() once all its
// documents are coded, and meanwhile reads the next chunk, so reading and writing overlap with
// coding. PERF: a worker that ends its share of one chunk goes on with the next one queued
// instead of waiting at a barrier for the other workers' last documents (the pool coded one
// chunk at a time: with a fresh pool per chunk and serial read/emit, -j 2 reached 1.60x of
// -j 1; docs/performance.md).
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
    work_cv_.notify_all();
    for (auto& t : workers_) t.join();
  }

  void Submit(std::vector<CodedDocument> chunk) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      queue_.push_back(Chunk{std::move(chunk), 0, 0});
    }
    work_cv_.notify_all();
  }
  size_t in_flight() const { return queue_.size(); }  // the calling thread's view

  // Waits until every document of the oldest chunk is coded, and returns it.
  std::vector<CodedDocument> TakeOldest() {
    std::unique_lock<std::mutex> lock(mu_);
    done_cv_.wait(lock, [this] { return queue_.front().done == queue_.front().docs.size(); });
    std::vector<CodedDocument> docs = std::move(queue_.front().docs);
    queue_.pop_front();
    return docs;
  }

 private:
  struct Chunk {
    std::vector<CodedDocument> docs;
    size_t next = 0;  // the next document to hand out
    size_t done = 0;  // documents coded
  };

  void Loop(int id) {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      Chunk* chunk = nullptr;
      work_cv_.wait(lock, [&] {
        for (Chunk& c : queue_) {
          if (c.next < c.docs.size()) {
            chunk = &c;
            return true;
          }
        }
        return stop_;
      });
      if (chunk == nullptr) return;  // stopping, nothing left
      CodedDocument* cd = &chunk->docs[chunk->next++];
      // A deque's elements stay where they are while others are added at the back (only the
      // calling thread removes the front, after all its documents are done).
      lock.unlock();
      CodeOne(*coders_[id], render_, cd);
      lock.lock();
      if (++chunk->done == chunk->docs.size()) done_cv_.notify_all();
    }
  }

  const RenderFn& render_;
  std::vector<std::unique_ptr<Coder>> coders_;
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable work_cv_, done_cv_;
  std::deque<Chunk> queue_;  // in input order
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

  // The chunk being read; the workers have the chunks submitted before it. PERF: at most two
  // in flight, so that memory stays bounded while a worker always finds a document to code.
  std::vector<CodedDocument> reading;
  if (threads > 1) reading.reserve(chunk_docs);
  auto submit = [&] {
    pool->Submit(std::move(reading));
    reading = {};
    reading.reserve(chunk_docs);
    // Emit chunk k-1 while chunk k is coded.
    if (pool->in_flight() >= 2) {
      std::vector<CodedDocument> done = pool->TakeOldest();
      account_and_emit(done);
    }
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
    if (reading.size() >= chunk_docs) submit();
  });
  if (!reading.empty()) pool->Submit(std::move(reading));
  while (pool && pool->in_flight() > 0) {
    std::vector<CodedDocument> done = pool->TakeOldest();
    account_and_emit(done);
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!st.ok()) return st;
  return report;
}

}  // namespace evident::pipeline
