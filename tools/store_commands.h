// The store subcommands of the evident CLI (docs/store.md):
//
//   evident ingest PATH... [--db evident.db] [-j N] [--retry-failed] [--batch N] [-q]
//   evident events [--db] [--type T] [--country CC] [--since D] [--until D] [--role R --min N]
//                  [--text WORDS] [--status S] [--format table|csv|jsonl|plover] [--limit N]
//   evident show DOC_ID [--db]
//   evident stats [--db] [--by country,type,month,role] [filters as for events] [--format table|csv]
//   evident runs [--db]
//
// evident_main.cc registers them before parsing and runs the chosen one after:
//   auto store_commands = evident::tools::AddStoreCommands(app);
//   ...app.parse(argc, argv)...
//   if (auto rc = store_commands->Run(data_dir, argc, argv)) return *rc;
//
// Exit codes as for `evident code`: 0 ok, 1 ingest finished with rejected or failed documents,
// 2 usage (bad option values, unknown document), 3 fatal (the database cannot be opened or
// written, is locked, or has a newer schema; the lexicons have errors).
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>

namespace evident::tools {

class StoreCommands {
 public:
  virtual ~StoreCommands() = default;
  // Runs the store subcommand chosen on the command line, if any (nullopt otherwise) and
  // returns its exit code. `data_dir` is the --data option ("" for the built-in data).
  virtual std::optional<int> Run(const std::string& data_dir, int argc, char** argv) = 0;
};

// Adds ingest, events, show, stats and runs to `app`. The returned object holds the options'
// storage, so it must outlive parsing.
std::unique_ptr<StoreCommands> AddStoreCommands(CLI::App& app);

}  // namespace evident::tools
