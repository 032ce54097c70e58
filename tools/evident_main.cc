// evident: the command-line interface.
//
//   evident code [FILE|DIR|-]... [--published YYYY-MM-DD] [--format jsonl|pretty] [-j N]
//   evident eval GOLD.jsonl [--pred PRED.jsonl] [--json] [--errors N]
//   evident places [FILE|DIR|-]...
//   evident ingest|events|show|stats|runs ...   (the store, tools/store_commands.h)
//
// Exit codes (STYLE.md): 0 ok, 1 finished with rejected or failed inputs, 2 usage, 3 fatal.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "common/date.h"
#include "common/huge_pages.h"
#include "eval/scorer.h"
#include "pipeline/batch.h"
#include "pipeline/engine.h"
#include "pipeline/json_writer.h"
#include "pipeline/pretty_writer.h"
#include "places/resolver.h"
#include "text/reader.h"
#include "tokens/tokenizer.h"
#include "store_commands.h"  // ingest, events, show, stats, runs (issue #4)

#ifdef EVIDENT_WITH_MIMALLOC
#include <mimalloc.h>
#include <sys/mman.h>
#endif

namespace {

using namespace evident;

constexpr int kExitOk = 0;
constexpr int kExitRejected = 1;
constexpr int kExitUsage = 2;
constexpr int kExitFatal = 3;

void Error(const std::string& where, const std::string& message) {
  if (where.empty()) fmt::print(stderr, "evident: {}\n", message);
  else fmt::print(stderr, "evident: {}: {}\n", where, message);
}

Result<std::unique_ptr<pipeline::Engine>> MakeEngine(const std::string& data_dir) {
  pipeline::EngineOptions options;
  options.data_dir = data_dir;
  auto engine = pipeline::Engine::Create(options);
  if (engine.ok() && !(*engine)->warning().empty()) Error("warning", (*engine)->warning());
  return engine;
}

struct CodeArgs {
  std::vector<std::string> inputs;
  std::string published;
  std::string format = "jsonl";
  std::string input_format = "auto";
  std::string data_dir;
  int threads = 1;
  bool quiet = false;
};

#ifdef EVIDENT_WITH_MIMALLOC
// With EVIDENT_HUGE_PAGES=1 (common/huge_pages.h), the heap in 2 MB pages where the kernel has
// them: mimalloc asks for them in the segments it maps from now on (worker threads); the
// segment it mapped before main (a static initializer's allocation), where the main thread
// goes on allocating, is advised here: mimalloc's segments are 32 MiB, aligned to their size.
// Advice only: wrong, it changes nothing. MIMALLOC_LARGE_OS_PAGES=0 still turns it off.
void UseHugePagesForTheHeap() {
  if (!HugePagesWanted()) return;
  if (const char* env = std::getenv("MIMALLOC_LARGE_OS_PAGES"); env != nullptr && std::string_view(env) == "0") return;
  mi_option_enable(mi_option_large_os_pages);
  constexpr uintptr_t kSegment = uintptr_t{32} << 20;
  void* probe = mi_malloc(16);
  if (probe == nullptr) return;
  madvise(reinterpret_cast<void*>(reinterpret_cast<uintptr_t>(probe) & ~(kSegment - 1)), kSegment, MADV_HUGEPAGE);
  mi_free(probe);
}
#endif

int RunCode(const CodeArgs& args) {
  if (!args.published.empty() && !ParseIsoDate(args.published)) {
    Error("--published", "'" + args.published + "' is not a date; use YYYY-MM-DD");
    return kExitUsage;
  }
  auto engine = MakeEngine(args.data_dir);
  if (!engine.ok()) {
    Error(engine.status().where(), engine.status().message());
    return kExitFatal;
  }
  pipeline::BatchOptions options;
  options.threads = args.threads;
  options.read.default_published = args.published;
  if (args.input_format == "jsonl") options.read.format = text::InputFormat::kJsonl;
  else if (args.input_format == "text") options.read.format = text::InputFormat::kText;
  else if (args.input_format == "html") options.read.format = text::InputFormat::kHtml;
  bool pretty = args.format == "pretty";
  std::string buffer;
  // PERF: with one thread, each document is rendered and emitted in turn on the same thread,
  // so it is rendered straight into the output buffer (no copy of the 4x larger output).
  const bool direct = options.threads == 1;
  options.render = [pretty, direct, &buffer](const pipeline::CodedDocument& cd, std::string* out) {
    out->clear();
    std::string* to = direct ? &buffer : out;
    if (pretty) pipeline::AppendPretty(cd, to);
    else pipeline::AppendJsonLine(cd, to);
  };
  auto emit = [&](const pipeline::CodedDocument& cd) {
    if (!direct) buffer += cd.rendered;
    if (!cd.status.ok())
      Error(cd.status.where().empty() ? cd.doc.origin : cd.status.where(),
            std::string(cd.failed ? "failed: " : "rejected: ") + cd.status.message());
    if (buffer.size() > (1u << 16)) {
      std::fwrite(buffer.data(), 1, buffer.size(), stdout);
      buffer.clear();
    }
  };
  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) inputs.push_back("-");
  auto report = pipeline::CodeInputs(**engine, inputs, options, emit);
  // PERF: the process ends after this; freeing the engine's tables took 0.5 ms of a 13 ms run on
  // an empty document. It stays reachable from this pointer until exit (no leak to a checker).
  [[maybe_unused]] static const pipeline::Engine* const kept_until_exit = engine->release();
  std::fwrite(buffer.data(), 1, buffer.size(), stdout);
  std::fflush(stdout);
  if (!report.ok()) {
    Error(report.status().where(), report.status().message());
    return kExitFatal;
  }
  const auto& r = *report;
  if (!args.quiet)
    fmt::print(stderr, "evident: read {}, coded {}, rejected {}, failed {}; {} events; {:.1f} MB in {:.2f} s ({:.1f} MB/s)\n",
               r.read, r.coded, r.rejected, r.failed, r.events, r.bytes / 1e6, r.seconds,
               r.seconds > 0 ? r.bytes / 1e6 / r.seconds : 0.0);
  return (r.rejected || r.failed) ? kExitRejected : kExitOk;
}

struct EvalArgs {
  std::string gold;
  std::string pred;
  std::string data_dir;
  bool json = false;
  size_t errors = 0;
  int threads = 1;
};

int RunEval(const EvalArgs& args) {
  std::string data_dir = args.data_dir.empty() ? pipeline::DefaultDataDir() : args.data_dir;
  auto countries = CountryTable::Load(data_dir + "/countries.tsv");
  if (!countries.ok()) {
    Error(countries.status().where(), countries.status().message());
    return kExitFatal;
  }
  eval::Scorer scorer(*countries);
  std::ifstream gold(args.gold);
  if (!gold) {
    Error(args.gold, "cannot read the gold file");
    return kExitUsage;
  }
  std::string line;
  size_t n = 0;
  size_t bad_lines = 0;
  // A bad gold line is reported and left out; the rest is still scored (docs/eval.md).
  while (std::getline(gold, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Status st = scorer.AddGold(line, args.gold + ":" + std::to_string(n));
    if (!st.ok()) {
      Error(st.where(), st.message() + " (line skipped)");
      ++bad_lines;
    }
  }
  if (!args.pred.empty()) {
    std::ifstream pred(args.pred);
    if (!pred) {
      Error(args.pred, "cannot read the predictions file");
      return kExitUsage;
    }
    n = 0;
    while (std::getline(pred, line)) {
      ++n;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      Status st = scorer.AddPrediction(line, args.pred + ":" + std::to_string(n));
      if (!st.ok()) {
        Error(st.where(), st.message() + " (line skipped)");
        ++bad_lines;
      }
    }
  } else {
    auto engine = MakeEngine(args.data_dir);
    if (!engine.ok()) {
      Error(engine.status().where(), engine.status().message());
      return kExitFatal;
    }
    pipeline::BatchOptions options;
    options.threads = args.threads;
    options.read.format = text::InputFormat::kJsonl;
    std::string out;
    Status failed;
    auto report = pipeline::CodeInputs(**engine, {args.gold}, options, [&](const pipeline::CodedDocument& cd) {
      out.clear();
      pipeline::AppendJsonLine(cd, &out);
      out.pop_back();
      Status st = scorer.AddPrediction(out, cd.doc.origin);
      if (!st.ok() && failed.ok()) failed = st;
    });
    if (!report.ok()) {
      Error(report.status().where(), report.status().message());
      return kExitFatal;
    }
    if (!failed.ok()) {
      Error(failed.where(), failed.message());
      return kExitFatal;
    }
  }
  auto report = scorer.Finish();
  if (bad_lines) fmt::print(stderr, "evident: {} bad line(s) skipped\n", bad_lines);
  if (args.json) {
    std::cout << eval::ReportToJson(report, args.errors > 0) << "\n";
  } else {
    std::cout << eval::FormatReport(report, args.gold);
    if (args.errors) std::cout << eval::FormatErrors(report, args.errors);
  }
  return kExitOk;
}

// evident places FILE...: every place mention with its candidates and the choice made, for
// users checking why an event was placed where it was.
int RunPlaces(const std::vector<std::string>& inputs, const std::string& data_dir, const std::string& published) {
  auto engine = MakeEngine(data_dir);
  if (!engine.ok()) {
    Error(engine.status().where(), engine.status().message());
    return kExitFatal;
  }
  const auto& resolver = (*engine)->places();
  tokens::Tokenizer tokenizer;
  tokens::TokenizedText tokens;
  std::vector<places::PlaceMention> mentions;
  places::PlaceResolver::Workspace workspace;
  text::ReadOptions ro;
  ro.default_published = published;
  size_t rejected = 0;
  Status st = text::ReadInputs(inputs.empty() ? std::vector<std::string>{"-"} : inputs, ro, [&](text::ReadItem&& item) {
    if (!item.status.ok()) {
      Error(item.doc.origin, "rejected: " + item.status.message());
      ++rejected;
      return;
    }
    tokenizer.Tokenize(item.doc.text, &tokens);
    resolver.Resolve(tokens, &mentions, nullptr, /*explain=*/true, &workspace);
    fmt::print("{}: {} place mention{}, document country {}\n", item.doc.id, mentions.size(),
               mentions.size() == 1 ? "" : "s", places::DocumentCountry(mentions));
    for (const auto& m : mentions) {
      std::string kind = m.demonym ? "demonym" : m.actor ? "actor" : m.qualifier ? "qualifier" : m.dateline ? "dateline" : "";
      fmt::print("  \"{}\" [{},{}) -> {}{}{} ({}){}{}\n", m.span.Of(item.doc.text), m.span.begin, m.span.end,
                 m.name, m.admin1_name.empty() ? "" : ", " + m.admin1_name, m.country.empty() ? "" : ", " + m.country,
                 places::PrecisionName(m.precision),
                 m.has_coordinates ? fmt::format(" {:.4f},{:.4f}", m.lat, m.lon) : std::string(),
                 kind.empty() ? std::string() : " [" + kind + "]");
      if (!m.why.empty()) fmt::print("      why: {}\n", m.why);
      size_t shown = 0;
      for (const auto& c : m.candidates) {
        if (++shown > 5) {
          fmt::print("      ... {} more candidates\n", m.candidates.size() - 5);
          break;
        }
        fmt::print("      candidate {} ({}{}{}) {} pop {} score {:.2f}\n", c.name, c.country,
                   c.admin1_code.empty() ? "" : " ", c.admin1_code, c.feature, c.population, c.score);
      }
    }
    fmt::print("\n");
  });
  if (!st.ok()) {
    Error(st.where(), st.message());
    return kExitFatal;
  }
  return rejected ? kExitRejected : kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef EVIDENT_WITH_MIMALLOC
  UseHugePagesForTheHeap();
#endif
  CLI::App app{"evident: news reports -> sourced, checked event records with their numbers"};
  app.require_subcommand(1);
  std::string data_dir;
  app.add_option("--data", data_dir, "lexicon folder (default: the built-in data/)");

  CodeArgs code;
  auto* code_cmd = app.add_subcommand("code", "code documents and print their events (JSONL or pretty)");
  code_cmd->add_option("inputs", code.inputs, "files, directories, or - for stdin (default -)");
  code_cmd->add_option("--published", code.published, "publication date for documents without one (YYYY-MM-DD)");
  code_cmd->add_option("--format", code.format, "output format")->check(CLI::IsMember({"jsonl", "pretty"}));
  code_cmd->add_option("--input", code.input_format, "input format")->check(CLI::IsMember({"auto", "text", "jsonl", "html"}));
  code_cmd->add_option("-j,--threads", code.threads, "worker threads")->check(CLI::Range(1, 256));
  code_cmd->add_flag("-q,--quiet", code.quiet, "no summary on stderr");

  std::vector<std::string> places_inputs;
  std::string places_published;
  auto* places_cmd = app.add_subcommand("places", "list every place mention with its candidates and the choice made");
  places_cmd->add_option("inputs", places_inputs, "files, directories, or - for stdin (default -)");
  places_cmd->add_option("--published", places_published, "publication date for documents without one (YYYY-MM-DD)");

  EvalArgs ev;
  auto* eval_cmd = app.add_subcommand("eval", "score evident against a gold JSONL file (see docs/eval.md)");
  eval_cmd->add_option("gold", ev.gold, "gold JSONL file")->required();
  eval_cmd->add_option("--pred", ev.pred, "predictions JSONL (default: code the gold documents now)");
  eval_cmd->add_flag("--json", ev.json, "print the scores as JSON");
  eval_cmd->add_option("--errors", ev.errors, "also list the errors of the first N documents");
  eval_cmd->add_option("-j,--threads", ev.threads, "worker threads")->check(CLI::Range(1, 256));

  auto store_commands = evident::tools::AddStoreCommands(app);  // issue #4: the store subcommands

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    Error("usage", std::string(e.what()) + "; see evident --help");
    return kExitUsage;
  }
  code.data_dir = ev.data_dir = data_dir;
  if (auto rc = store_commands->Run(data_dir, argc, argv)) return *rc;  // issue #4
  if (*code_cmd) {
    return RunCode(code);
  }
  if (*eval_cmd) return RunEval(ev);
  if (*places_cmd) return RunPlaces(places_inputs, data_dir, places_published);
  return kExitUsage;
}
