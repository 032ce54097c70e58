#include "store/ingest.h"

#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include "pipeline/json_writer.h"

namespace evident::store {
namespace {

// Writes documents to the store on a thread of its own, in the order they were pushed,
// committing every `batch_docs`. CodeInputs' emit only copies each document into the queue, so
// reading and handing chunks to the coding threads never waits for SQLite.
// PERF: with the inserts on the emitting thread, ingest of the dev sets (8,603 documents) took
// 0.70 s against 0.40 s for `evident code` (the engine before the gazetteer): the coding
// threads idled while that thread wrote.
// After the first store error the writer drops everything (CodeInputs cannot be stopped from
// emit; the rest of the run is coded but not stored).
class Writer {
 public:
  struct Job {
    pipeline::CodedDocument cd;
    int64_t replace_doc_id = 0;  // > 0: recoding of this failed document
    std::string origin;          // its stored origin, for a replace
  };

  Writer(StoreWriter& store, const IngestOptions& options) : store_(store), options_(options), thread_([this] { Loop(); }) {}
  ~Writer() { Finish(); }

  // Blocks while the queue is full.
  void Push(Job job) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [this] { return queue_.size() < kMaxQueued || stopped_; });
    if (stopped_) return;  // after an error: drop
    queue_.push_back(std::move(job));
    not_empty_.notify_one();
  }

  // Waits until every pushed document is written; returns the first error.
  Status Finish() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closing_ = true;
    }
    not_empty_.notify_one();
    if (thread_.joinable()) thread_.join();
    return error_;
  }

 private:
  static constexpr size_t kMaxQueued = 2048;

  void Loop() {
    std::deque<Job> batch;
    while (true) {
      {
        std::unique_lock<std::mutex> lock(mu_);
        not_empty_.wait(lock, [this] { return !queue_.empty() || closing_; });
        if (queue_.empty()) return;
        batch.swap(queue_);
      }
      not_full_.notify_all();
      for (Job& job : batch) {
        if (!error_.ok()) break;
        Result<AddOutcome> outcome = job.replace_doc_id > 0 ? store_.Replace(job.replace_doc_id, job.cd, job.origin)
                                                            : store_.Add(job.cd, job.cd.rendered);
        if (outcome.ok() && options_.on_document) options_.on_document(job.cd, *outcome, store_.counts());
        Status s = outcome.ok() ? Status::Ok() : outcome.status();
        if (s.ok() && store_.pending() >= options_.batch_docs) s = store_.Commit();
        if (!s.ok()) Stop(std::move(s));
      }
      batch.clear();
    }
  }

  void Stop(Status error) {
    error_ = std::move(error);
    store_.Rollback();
    std::lock_guard<std::mutex> lock(mu_);
    stopped_ = true;
    queue_.clear();
    not_full_.notify_all();
  }

  StoreWriter& store_;
  const IngestOptions& options_;
  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Job> queue_;
  bool closing_ = false, stopped_ = false;
  Status error_;  // written by the writer thread only; read after join
  std::thread thread_;
};

// Writes the failed documents to an unlinked temporary JSONL file and returns its
// /proc/self/fd path (nothing is left behind if the process dies), with the doc_ids and
// origins in file order.
struct FailedBatch {
  int fd = -1;
  std::string path;
  std::vector<int64_t> doc_ids;
  std::vector<std::string> origins;
  ~FailedBatch() {
    if (fd >= 0) ::close(fd);
  }
};

Status WriteFailed(StoreWriter& store, FailedBatch* batch) {
  std::string tmpl = (std::filesystem::temp_directory_path() / "evident-retry-XXXXXX").string();
  batch->fd = ::mkstemp(tmpl.data());
  if (batch->fd < 0) {
    return Status(ErrorCode::kIoError, std::string("cannot create a temporary file: ") + std::strerror(errno), tmpl);
  }
  ::unlink(tmpl.c_str());
  batch->path = "/proc/self/fd/" + std::to_string(batch->fd);
  std::string line;
  Status write_error;
  Status s = store.ForEachFailed([&](int64_t doc_id, const text::Document& doc) {
    line = "{\"id\":";
    pipeline::AppendJsonString(doc.id, &line);
    line += ",\"text\":";
    pipeline::AppendJsonString(doc.text, &line);
    for (auto [key, value] : {std::pair<const char*, const std::string*>{"published", &doc.published},
                              {"title", &doc.title},
                              {"url", &doc.url}}) {
      if (value->empty()) continue;
      line += ",\"";
      line += key;
      line += "\":";
      pipeline::AppendJsonString(*value, &line);
    }
    line += "}\n";
    size_t done = 0;
    while (done < line.size() && write_error.ok()) {
      ssize_t n = ::write(batch->fd, line.data() + done, line.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        write_error =
            Status(ErrorCode::kIoError, std::string("cannot write the temporary file: ") + std::strerror(errno), tmpl);
        break;
      }
      done += static_cast<size_t>(n);
    }
    batch->doc_ids.push_back(doc_id);
    batch->origins.push_back(doc.origin);
  });
  if (!s.ok()) return s;
  return write_error;
}

}  // namespace

std::string JsonArray(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    pipeline::AppendJsonString(items[i], &out);
  }
  out += ']';
  return out;
}

Result<RunCounts> Ingest(const pipeline::Engine& engine, StoreWriter& store, const std::vector<std::string>& inputs,
                         const IngestOptions& options) {
  if (Status s = store.BeginRun(options.args_json, JsonArray(inputs)); !s.ok()) return s;

  pipeline::BatchOptions batch;
  batch.threads = options.threads;
  batch.read = options.read;
  // The hash is computed on the worker threads.
  batch.render = [](const pipeline::CodedDocument& cd, std::string* out) { *out = ContentHash(cd); };

  if (options.retry_failed) {
    FailedBatch failed;
    if (Status s = WriteFailed(store, &failed); !s.ok()) return s;
    if (!failed.doc_ids.empty()) {
      pipeline::BatchOptions retry = batch;
      retry.read = {};
      retry.read.format = text::InputFormat::kJsonl;
      size_t next = 0;
      Writer writer(store, options);
      auto report = pipeline::CodeInputs(engine, {failed.path}, retry, [&](const pipeline::CodedDocument& cd) {
        size_t i = next++;
        if (i < failed.doc_ids.size()) writer.Push({cd, failed.doc_ids[i], failed.origins[i]});
      });
      if (Status s = writer.Finish(); !s.ok()) return s;
      if (!report.ok()) return report.status();
      if (next != failed.doc_ids.size()) {
        return Status(ErrorCode::kInternal,
                      "recoded " + std::to_string(next) + " of " + std::to_string(failed.doc_ids.size()) +
                          " failed documents; the rest stay failed",
                      store.name());
      }
    }
  }

  if (!inputs.empty()) {
    Writer writer(store, options);
    auto report = pipeline::CodeInputs(engine, inputs, batch, [&](const pipeline::CodedDocument& cd) {
      writer.Push({cd, 0, {}});
    });
    if (Status s = writer.Finish(); !s.ok()) return s;
    if (!report.ok()) {
      store.Rollback();
      return report.status();
    }
  }
  if (Status s = store.FinishRun(); !s.ok()) return s;
  return store.counts();
}

}  // namespace evident::store
