// Helpers for the store tests: a fresh database file per test, and coded documents built by
// hand (so the tests do not depend on what the engine finds in a text).
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "pipeline/engine.h"
#include "store/store.h"

namespace evident::store::testing {

namespace fs = std::filesystem;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("evident_store_test_" + std::to_string(::getpid()) + "_" + info->test_suite_name() + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_path_ = (dir_ / "test.db").string();
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::unique_ptr<Store> OpenOrDie(int busy_timeout_ms = 2000) {
    OpenOptions options;
    options.create = true;
    options.busy_timeout_ms = busy_timeout_ms;
    auto store = Store::Open(db_path_, options);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    if (!store.ok()) return nullptr;
    return std::move(store).value();
  }

  fs::path dir_;
  std::string db_path_;
};

// The span of the first occurrence of `phrase` in `text` (at or after `from`).
inline Span Find(std::string_view text, std::string_view phrase, size_t from = 0) {
  size_t at = text.find(phrase, from);
  EXPECT_NE(at, std::string_view::npos) << "'" << phrase << "' not in '" << text << "'";
  if (at == std::string_view::npos) return {};
  return Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + phrase.size())};
}

struct CountSpec {
  lexicon::Role role;
  std::optional<int64_t> value, low, high;
  bool approximate = false;
  std::string_view phrase;
};

// An event whose trigger is `trigger` and sentence the whole text.
inline events::Event MakeEvent(std::string_view text, lexicon::EventType type, std::string_view trigger,
                               std::vector<CountSpec> counts = {}, std::string_view country = "",
                               std::string_view date = "") {
  events::Event e;
  e.type = type;
  e.trigger = Find(text, trigger);
  e.sentence = Span{0, static_cast<uint32_t>(text.size())};
  for (const CountSpec& c : counts) {
    events::Count n;
    n.role = c.role;
    n.value = c.value;
    n.low = c.low;
    n.high = c.high;
    n.approximate = c.approximate;
    n.span = Find(text, c.phrase);
    e.counts.push_back(n);
  }
  if (!country.empty()) {
    events::LocationRef loc;
    loc.country = std::string(country);
    e.location = loc;
  }
  if (!date.empty()) {
    events::DateRef d;
    d.value = *ParseIsoDate(date);
    d.precision = "day";
    d.basis = "published";
    e.date = d;
  }
  return e;
}

inline pipeline::CodedDocument MakeDoc(std::string id, std::string text, std::vector<events::Event> events = {}) {
  pipeline::CodedDocument cd;
  cd.doc.id = id;
  cd.doc.origin = "test.jsonl:" + id;
  cd.doc.text = std::move(text);
  cd.events = std::move(events);
  return cd;
}

inline pipeline::CodedDocument Rejected(std::string origin, ErrorCode code, std::string message) {
  pipeline::CodedDocument cd;
  cd.doc.id = origin;
  cd.doc.origin = origin;
  cd.status = Status(code, std::move(message), origin);
  return cd;
}

inline pipeline::CodedDocument Failed(std::string id, std::string text) {
  pipeline::CodedDocument cd = MakeDoc(std::move(id), std::move(text));
  cd.failed = true;
  cd.status = Status(ErrorCode::kInternal, "engine fault: test; retry the document", cd.doc.origin);
  return cd;
}

// Runs `sql` and returns the first column of the first row as text ("" if none).
inline std::string Scalar(Database& db, const std::string& sql) {
  auto st = db.Prepare(sql);
  EXPECT_TRUE(st.ok()) << st.status().ToString();
  if (!st.ok() || st->Step() != SQLITE_ROW) return "";
  return st->String(0);
}

}  // namespace evident::store::testing
