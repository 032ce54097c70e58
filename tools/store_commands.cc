#include "store_commands.h"

#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <thread>
#include <vector>

#include "common/date.h"
#include "pipeline/engine.h"
#include "store/format.h"
#include "store/ingest.h"
#include "store/query.h"
#include "store/store.h"
#ifdef EVIDENT_WITH_POSTGRES
#include "store/pg_store.h"
#endif
#include "text/warc.h"

namespace evident::tools {
namespace {

using namespace evident::store;

constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;
constexpr int kExitUsage = 2;
constexpr int kExitFatal = 3;

// Per-document messages printed by one ingest before the rest are only counted.
constexpr int kMaxDocumentMessages = 20;

void Error(const std::string& where, const std::string& message) {
  if (where.empty())
    fmt::print(stderr, "evident: {}\n", message);
  else
    fmt::print(stderr, "evident: {}: {}\n", where, message);
}

void Error(const Status& s) { Error(s.where(), s.message()); }

int UsageOrFatal(const Status& s) {
  Error(s);
  return s.code() == ErrorCode::kUsage ? kExitUsage : kExitFatal;
}

void Write(std::string_view s) { std::fwrite(s.data(), 1, s.size(), stdout); }

size_t TerminalWidth() {
  struct winsize ws;
  if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 20) return ws.ws_col;
  return 0;
}

// The store behind --db: an SQLite file, or (built with EVIDENT_WITH_POSTGRES) a PostgreSQL
// database given by URL. Visit() calls `fn` with what the query functions take (query.h for
// SQLite, pg_store.h for PostgreSQL).
struct OpenedStore {
  std::unique_ptr<Store> sqlite;
#ifdef EVIDENT_WITH_POSTGRES
  std::unique_ptr<PgStore> pg;
#endif
  StoreWriter& writer() {
#ifdef EVIDENT_WITH_POSTGRES
    if (pg) return *pg;
#endif
    return *sqlite;
  }
  template <typename Fn>
  auto Visit(Fn&& fn) {
#ifdef EVIDENT_WITH_POSTGRES
    if (pg) return fn(*pg);
#endif
    return fn(sqlite->db());
  }
};

#ifndef EVIDENT_WITH_POSTGRES
// Replaces this process with evident-pg (same folder as this binary) and the same arguments.
// Returns nullopt when there is no such program (OpenStore then says PostgreSQL is not built
// in), an exit code when it cannot be started.
std::optional<int> RunPostgresHelper(char** argv) {
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return std::nullopt;
  std::filesystem::path helper = self.parent_path() / "evident-pg";
  if (::access(helper.c_str(), X_OK) != 0) return std::nullopt;
  std::fflush(stdout);
  std::fflush(stderr);
  ::execv(helper.c_str(), argv);
  Error(helper.string(), std::string("cannot run the PostgreSQL store program: ") + std::strerror(errno));
  return kExitFatal;
}
#endif

Result<OpenedStore> OpenStore(const std::string& db, bool create, int busy_timeout_ms) {
  OpenOptions options;
  options.create = create;
  options.read_only = false;
  options.busy_timeout_ms = busy_timeout_ms;
  OpenedStore opened;
  if (IsPostgresUrl(db)) {
#ifdef EVIDENT_WITH_POSTGRES
    options.read_only = !create;  // the readers do not create or migrate the schema
    auto pg = PgStore::Open(db, options);
    if (!pg.ok()) return pg.status();
    opened.pg = std::move(pg).value();
    return opened;
#else
    return Status(ErrorCode::kUsage,
                  "this evident was built without PostgreSQL support: there is no evident-pg next to it (it is "
                  "built when libpqxx-dev and libpq-dev are installed; keep it in the same folder), or use an "
                  "SQLite file name",
                  "--db");
#endif
  }
  auto store = Store::Open(db, options);
  if (!store.ok()) return store.status();
  opened.sqlite = std::move(store).value();
  return opened;
}

// ---- Progress on a terminal ----

// Counts the documents in the inputs on a background thread, so that the progress line can
// show an ETA: a JSONL file has one per non-empty line, a text or HTML file one. WARC files
// hold an unknown number: then there is no total (and no ETA).
class DocumentCounter {
 public:
  DocumentCounter(std::vector<std::string> inputs, bool all_jsonl)
      : thread_([this, inputs = std::move(inputs), all_jsonl] { Count(inputs, all_jsonl); }) {}
  ~DocumentCounter() {
    stop_ = true;
    thread_.join();
  }
  // -1 while counting or when unknown.
  int64_t total() const { return total_.load(); }

 private:
  void Count(const std::vector<std::string>& inputs, bool all_jsonl) {
    namespace fs = std::filesystem;
    int64_t total = 0;
    auto file = [&](const fs::path& p) -> bool {
      std::string name = p.string();
      if (text::IsWarcPath(name)) return false;
      std::string ext = p.extension().string();
      std::transform(ext.begin(), ext.end(), ext.begin(), ::tolower);
      if (!all_jsonl && ext != ".jsonl" && ext != ".ndjson") {
        ++total;
        return true;
      }
      std::ifstream in(p, std::ios::binary);
      std::vector<char> buf(1 << 20);
      char last = '\n';
      while (!stop_ && in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        std::streamsize n = in.gcount();
        for (std::streamsize i = 0; i < n; ++i) {
          if (buf[i] == '\n' && last != '\n') ++total;
          last = buf[i];
        }
      }
      if (last != '\n') ++total;
      return !stop_;
    };
    for (const std::string& input : inputs) {
      if (stop_) return;
      std::error_code ec;
      if (input == "-") return;  // stdin: unknown
      if (fs::is_directory(input, ec)) {
        std::vector<fs::path> files;
        for (fs::recursive_directory_iterator it(input, ec), end; !ec && it != end; it.increment(ec)) {
          if (it->path().filename().string().starts_with('.')) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
          }
          if (it->is_regular_file(ec)) files.push_back(it->path());
        }
        for (const auto& f : files)
          if (!file(f)) return;
      } else if (!file(input)) {
        return;
      }
    }
    total_ = total;
  }

  std::atomic<bool> stop_{false};
  std::atomic<int64_t> total_{-1};
  std::thread thread_;
};

class ProgressLine {
 public:
  explicit ProgressLine(const DocumentCounter* counter) : counter_(counter), start_(Clock::now()), last_(start_) {}

  void Update(const RunCounts& c) {
    auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    double rate = seconds > 0 ? c.read / seconds : 0;
    std::string line =
        fmt::format("ingest: {} docs ({} stored, {} duplicates, {} rejected, {} failed)  {:.1f} MB  {} docs/s",
                    Thousands(c.read), Thousands(c.stored), Thousands(c.skipped_duplicates), Thousands(c.rejected),
                    Thousands(c.failed), c.bytes / 1e6, Thousands(static_cast<int64_t>(rate)));
    int64_t total = counter_ ? counter_->total() : -1;
    if (total > 0 && rate > 0) {
      int64_t left = std::max<int64_t>(0, total - c.read);
      int64_t eta = static_cast<int64_t>(left / rate);
      line += fmt::format("  {:.0f}%  ETA {}:{:02d}:{:02d}", 100.0 * std::min<int64_t>(c.read, total) / total,
                          eta / 3600, (eta / 60) % 60, eta % 60);
    }
    fmt::print(stderr, "\r\x1b[K{}", line);
    std::fflush(stderr);
    shown_ = true;
  }

  void Clear() {
    if (shown_) fmt::print(stderr, "\r\x1b[K");
    shown_ = false;
  }

 private:
  using Clock = std::chrono::steady_clock;
  const DocumentCounter* counter_;
  Clock::time_point start_, last_;
  bool shown_ = false;
};

// ---- Commands ----

struct CommonArgs {
  std::string db = "evident.db";
  int busy_timeout_ms = 5000;
};

void AddCommon(CLI::App* cmd, CommonArgs* common) {
  cmd->add_option("--db", common->db, "the store: an SQLite file (default evident.db) or a postgresql://... URL");
  cmd->add_option("--busy-timeout", common->busy_timeout_ms,
                  "milliseconds to wait for another process that holds the database lock (default 5000)")
      ->check(CLI::Range(0, 3600000));
}

struct IngestArgs {
  CommonArgs common;
  std::vector<std::string> inputs;
  int threads = 1;
  bool retry_failed = false;
  size_t batch = 500;
  std::string published;
  std::string input_format = "auto";
  bool quiet = false;
};

struct FilterArgs {
  std::vector<std::string> types;
  std::string country, since, until, role, text, status = "happened";
  std::optional<int64_t> min;

  Result<EventFilter> ToFilter() const {
    EventFilter f;
    f.types = types;
    f.country = country;
    f.since = since;
    f.until = until;
    f.role = role;
    f.min = min;
    f.statuses.clear();
    if (status != "all") {
      std::string item;
      for (char c : status + ",") {
        if (c == ',') {
          if (!item.empty()) f.statuses.push_back(item);
          item.clear();
        } else {
          item += c;
        }
      }
    }
    std::string word;
    for (char c : text + " ") {
      if (c == ' ' || c == '\t') {
        if (!word.empty()) f.words.push_back(word);
        word.clear();
      } else {
        word += c;
      }
    }
    if (Status s = NormalizeFilter(&f); !s.ok()) return s;
    return f;
  }
};

void AddFilters(CLI::App* cmd, FilterArgs* f) {
  cmd->add_option("--type", f->types, "event types (PROTEST, ARREST, ...; comma-separated)")->delimiter(',');
  cmd->add_option("--country", f->country, "ISO 3166-1 alpha-2 code of the event's country");
  cmd->add_option("--since", f->since, "events dated on or after this day (YYYY-MM-DD, YYYY-MM or YYYY)");
  cmd->add_option("--until", f->until, "events dated on or before this day (YYYY-MM-DD, YYYY-MM or YYYY)");
  cmd->add_option("--role", f->role, "events with a count of this role (arrested, killed, ...)");
  cmd->add_option("--min", f->min, "... whose value (or low bound) is at least N");
  cmd->add_option("--text", f->text, "words that must all occur in the event's sentence");
  cmd->add_option("--status", f->status,
                  "event statuses (comma-separated: happened, negated, planned, hypothetical), or all "
                  "(default happened)");
}

class Commands : public StoreCommands {
 public:
  explicit Commands(CLI::App& app) {
    ingest_ = app.add_subcommand("ingest", "code documents and store them in a database (docs/store.md)");
    ingest_->add_option("inputs", ingest_args_.inputs, "files (text, HTML, JSONL, WARC) and directories");
    AddCommon(ingest_, &ingest_args_.common);
    ingest_->add_option("-j,--threads", ingest_args_.threads, "worker threads")->check(CLI::Range(1, 256));
    ingest_->add_flag("--retry-failed", ingest_args_.retry_failed,
                      "first recode the documents stored as failed (engine faults)");
    ingest_->add_option("--batch", ingest_args_.batch, "documents per transaction (default 500)")
        ->check(CLI::Range(1, 1000000));
    ingest_->add_option("--published", ingest_args_.published,
                        "publication date for documents without one (YYYY-MM-DD)");
    ingest_->add_option("--input", ingest_args_.input_format, "input format (WARC files are recognised by name)")
        ->check(CLI::IsMember({"auto", "text", "jsonl", "html"}));
    ingest_->add_flag("-q,--quiet", ingest_args_.quiet, "no progress line and no summary on stderr");

    events_ = app.add_subcommand("events", "list stored events, filtered (docs/store.md)");
    AddCommon(events_, &events_common_);
    AddFilters(events_, &events_filter_);
    events_->add_option("--format", events_format_, "output format (default table)")
        ->check(CLI::IsMember({"table", "csv", "jsonl", "plover"}));
    events_->add_option("--limit", events_limit_, "at most N events");

    show_ = app.add_subcommand("show", "print a stored document with its events and their evidence marked");
    show_->add_option("doc", show_id_, "doc_id, or the document's source id")->required();
    AddCommon(show_, &show_common_);

    stats_ = app.add_subcommand("stats", "totals of events and of people per count role");
    AddCommon(stats_, &stats_common_);
    AddFilters(stats_, &stats_filter_);
    stats_
        ->add_option("--by", stats_by_, "group by: country, type, month, year, status, source, role (comma-separated)")
        ->delimiter(',');
    stats_->add_option("--format", stats_format_, "output format (default table)")
        ->check(CLI::IsMember({"table", "csv"}));

    runs_ = app.add_subcommand("runs", "list the ingest runs and what they did with their inputs");
    AddCommon(runs_, &runs_common_);
  }

  std::optional<int> Run(const std::string& data_dir, int argc, char** argv) override {
#ifndef EVIDENT_WITH_POSTGRES
    // A PostgreSQL store is served by evident-pg, built next to this binary with libpq: the
    // command line is handed over to it unchanged (exec). PERF: evident itself does not load
    // libpq and the ~20 libraries it needs (startup 18.5 -> 11 ms, `evident --help` 6 -> 2 ms).
    const std::string* db = *ingest_   ? &ingest_args_.common.db
                            : *events_ ? &events_common_.db
                            : *show_   ? &show_common_.db
                            : *stats_  ? &stats_common_.db
                            : *runs_   ? &runs_common_.db
                                       : nullptr;
    if (db != nullptr && IsPostgresUrl(*db)) {
      if (std::optional<int> rc = RunPostgresHelper(argv)) return rc;
    }
#endif
    if (*ingest_) return RunIngest(data_dir, argc, argv);
    if (*events_) return RunEvents();
    if (*show_) return RunShow();
    if (*stats_) return RunStats();
    if (*runs_) return RunRuns();
    return std::nullopt;
  }

 private:
  int RunIngest(const std::string& data_dir, int argc, char** argv) {
    const IngestArgs& a = ingest_args_;
    if (a.inputs.empty() && !a.retry_failed) {
      Error("usage", "ingest needs files or directories to read (or --retry-failed); see evident ingest --help");
      return kExitUsage;
    }
    if (!a.published.empty() && !ParseIsoDate(a.published)) {
      Error("--published", "'" + a.published + "' is not a date; use YYYY-MM-DD");
      return kExitUsage;
    }
    for (const std::string& input : a.inputs) {
      if (input == "-") {
        Error("usage", "ingest does not read standard input; save it to a file first");
        return kExitUsage;
      }
    }
    // The store first: a locked or too new database is reported before the lexicons load.
    auto store = OpenStore(a.common.db, /*create=*/true, a.common.busy_timeout_ms);
    if (!store.ok()) return UsageOrFatal(store.status());
    pipeline::EngineOptions engine_options;
    engine_options.data_dir = data_dir;
    auto engine = pipeline::Engine::Create(engine_options);
    if (!engine.ok()) {
      Error(engine.status());
      return kExitFatal;
    }

    IngestOptions options;
    options.threads = a.threads;
    options.batch_docs = a.batch;
    options.retry_failed = a.retry_failed;
    options.read.default_published = a.published;
    if (a.input_format == "jsonl")
      options.read.format = text::InputFormat::kJsonl;
    else if (a.input_format == "text")
      options.read.format = text::InputFormat::kText;
    else if (a.input_format == "html")
      options.read.format = text::InputFormat::kHtml;
    options.args_json = JsonArray(std::vector<std::string>(argv, argv + argc));

    bool progress = !a.quiet && ::isatty(STDERR_FILENO);
    std::unique_ptr<DocumentCounter> counter;
    if (progress) counter = std::make_unique<DocumentCounter>(a.inputs, a.input_format == "jsonl");
    ProgressLine line(counter.get());
    int messages = 0;
    int64_t unshown = 0;
    options.on_document = [&](const pipeline::CodedDocument& cd, AddOutcome outcome, const RunCounts& counts) {
      if (outcome == AddOutcome::kRejected || outcome == AddOutcome::kFailed) {
        if (messages < kMaxDocumentMessages) {
          if (progress) line.Clear();
          Error(cd.status.where().empty() ? cd.doc.origin : cd.status.where(),
                std::string(outcome == AddOutcome::kFailed ? "failed: " : "rejected: ") + cd.status.message());
          ++messages;
        } else {
          ++unshown;
        }
      }
      if (progress) line.Update(counts);
    };

    auto start = std::chrono::steady_clock::now();
    auto counts = Ingest(**engine, store->writer(), a.inputs, options);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (progress) line.Clear();
    if (unshown > 0)
      Error("", fmt::format("... and {} more rejected or failed documents (see the documents table)", unshown));
    if (!counts.ok()) {
      Error(counts.status());
      const RunCounts& c = store->writer().counts();
      if (store->writer().run_id() > 0)
        Error(a.common.db, fmt::format("run {} stopped; committed before the error: read {}, stored {} (run the same "
                                       "command again to complete it)",
                                       store->writer().run_id(), c.read, c.stored));
      return counts.status().code() == ErrorCode::kUsage ? kExitUsage : kExitFatal;
    }
    const RunCounts& c = *counts;
    if (!a.quiet) {
      fmt::print(stderr,
                 "evident: read {}, stored {}, duplicates {}, rejected {}, failed {}; {} events; {:.1f} MB in {:.2f} s "
                 "({} docs/s); run {} in {}\n",
                 c.read, c.stored, c.skipped_duplicates, c.rejected, c.failed, c.events, c.bytes / 1e6, seconds,
                 Thousands(static_cast<int64_t>(seconds > 0 ? c.read / seconds : 0)), store->writer().run_id(), a.common.db);
    }
    return (c.rejected || c.failed) ? kExitRejected : kExitOk;
  }

  int RunEvents() {
    auto filter = events_filter_.ToFilter();
    if (!filter.ok()) return UsageOrFatal(filter.status());
    filter->limit = events_limit_;
    auto store = OpenStore(events_common_.db, false, events_common_.busy_timeout_ms);
    if (!store.ok()) return UsageOrFatal(store.status());
    std::string out;
    std::vector<EventRecord> table;
    if (events_format_ == "csv") out = EventsCsvHeader();
    auto each = [&](const EventRecord& e) {
      if (events_format_ == "table") {
        table.push_back(e);
        return;
      }
      if (events_format_ == "csv")
        AppendEventCsv(e, &out);
      else if (events_format_ == "jsonl")
        AppendEventJson(e, &out);
      else
        AppendEventPlover(e, &out);
      if (out.size() > (1u << 16)) {
        Write(out);
        out.clear();
      }
    };
    Status s = store->Visit([&](auto& db) { return ForEachEvent(db, *filter, each); });
    if (events_format_ == "table") {
      out = EventsTable(table, TerminalWidth());
      out += fmt::format("({} events)\n", table.size());
    }
    Write(out);
    std::fflush(stdout);
    if (!s.ok()) return UsageOrFatal(s);
    return kExitOk;
  }

  int RunShow() {
    auto store = OpenStore(show_common_.db, false, show_common_.busy_timeout_ms);
    if (!store.ok()) return UsageOrFatal(store.status());
    auto doc = store->Visit([&](auto& db) { return GetDocument(db, show_id_); });
    if (!doc.ok()) return UsageOrFatal(doc.status());
    EventFilter all;
    all.statuses.clear();
    all.doc_id = doc->doc_id;
    std::vector<EventRecord> events;
    Status s = store->Visit(
        [&](auto& db) { return ForEachEvent(db, all, [&](const EventRecord& e) { events.push_back(e); }); });
    if (!s.ok()) return UsageOrFatal(s);
    Write(FormatDocument(*doc, events, ::isatty(STDOUT_FILENO)));
    return kExitOk;
  }

  int RunStats() {
    auto filter = stats_filter_.ToFilter();
    if (!filter.ok()) return UsageOrFatal(filter.status());
    auto store = OpenStore(stats_common_.db, false, stats_common_.busy_timeout_ms);
    if (!store.ok()) return UsageOrFatal(store.status());
    auto rows = store->Visit([&](auto& db) { return Stats(db, *filter, stats_by_); });
    if (!rows.ok()) return UsageOrFatal(rows.status());
    std::vector<std::string> dims;
    for (const std::string& d : stats_by_)
      if (d != "role") dims.push_back(d);
    Write(stats_format_ == "csv" ? StatsCsv(*rows, dims) : StatsTable(*rows, dims));
    return kExitOk;
  }

  int RunRuns() {
    auto store = OpenStore(runs_common_.db, false, runs_common_.busy_timeout_ms);
    if (!store.ok()) return UsageOrFatal(store.status());
    auto runs = store->Visit([&](auto& db) { return ListRuns(db); });
    if (!runs.ok()) return UsageOrFatal(runs.status());
    auto totals = store->Visit([&](auto& db) { return Totals(db); });
    if (!totals.ok()) return UsageOrFatal(totals.status());
    Write(RunsTable(*runs));
    Write(fmt::format("store: {} documents ({} ok, {} rejected, {} failed), {} events\n", Thousands(totals->documents),
                      Thousands(totals->ok), Thousands(totals->rejected), Thousands(totals->failed),
                      Thousands(totals->events)));
    return kExitOk;
  }

  CLI::App *ingest_, *events_, *show_, *stats_, *runs_;
  IngestArgs ingest_args_;
  CommonArgs events_common_, show_common_, stats_common_, runs_common_;
  FilterArgs events_filter_, stats_filter_;
  std::string events_format_ = "table", stats_format_ = "table", show_id_;
  size_t events_limit_ = 0;
  std::vector<std::string> stats_by_;
};

}  // namespace

std::unique_ptr<StoreCommands> AddStoreCommands(CLI::App& app) { return std::make_unique<Commands>(app); }

}  // namespace evident::tools
