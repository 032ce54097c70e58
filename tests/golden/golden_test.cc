// Golden cases: examples/reports/*.txt against examples/expected/*.expect (and the r_ cases in
// tests/golden/). Format and matching rules: docs/golden.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/date.h"
#include "pipeline/engine.h"
#include "pipeline/json_writer.h"
#include "text/reader.h"

namespace evident {
namespace {

namespace fs = std::filesystem;
using pipeline::CodedDocument;

constexpr const char* kPublished = "2026-03-14";

struct ExpectedCount {
  std::string role;
  std::string spec;
};

struct ExpectedEvent {
  std::string line;
  std::string type, mode, status;
  std::vector<ExpectedCount> counts;
  bool more_counts = false;
  std::string part_of, date, country, actor, source;
};

struct Expectation {
  std::vector<ExpectedEvent> events;
  std::vector<std::pair<std::string, std::string>> checks;
  std::string rejected;
};

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Expectation ParseExpect(const fs::path& p) {
  Expectation ex;
  std::istringstream in(ReadAll(p));
  std::string line;
  while (std::getline(in, line)) {
    // '#' starts a comment at the start of a line or after a space, outside quotes.
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '"') quoted = !quoted;
      if (line[i] == '#' && !quoted && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
        line.resize(i);
        break;
      }
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::istringstream ls(line);
    std::string first;
    ls >> first;
    if (first == "rejected") {
      ls >> ex.rejected;
      continue;
    }
    if (first == "check") {
      std::string kind, result;
      ls >> kind >> result;
      ex.checks.emplace_back(kind, result);
      continue;
    }
    ExpectedEvent e;
    e.line = line;
    auto slash = first.find('/');
    e.type = first.substr(0, slash);
    if (slash != std::string::npos) e.mode = first.substr(slash + 1);
    ls >> e.status;
    std::string rest;
    std::getline(ls, rest);
    // Tokens, keeping source="a b c" together.
    size_t i = 0;
    while (i < rest.size()) {
      while (i < rest.size() && rest[i] == ' ') ++i;
      if (i >= rest.size()) break;
      size_t j = i;
      bool quoted = false;
      while (j < rest.size() && (quoted || rest[j] != ' ')) {
        if (rest[j] == '"') quoted = !quoted;
        ++j;
      }
      std::string tok = rest.substr(i, j - i);
      i = j;
      if (tok == "...") {
        e.more_counts = true;
        continue;
      }
      auto eq = tok.find('=');
      if (eq == std::string::npos) {
        ADD_FAILURE() << p << ": cannot read '" << tok << "' in: " << line;
        continue;
      }
      std::string key = tok.substr(0, eq), val = tok.substr(eq + 1);
      if (val.size() >= 2 && val.front() == '"' && val.back() == '"') val = val.substr(1, val.size() - 2);
      if (key == "part_of") e.part_of = val;
      else if (key == "date") e.date = val;
      else if (key == "country") e.country = val;
      else if (key == "actor") e.actor = val;
      else if (key == "source") e.source = val;
      else e.counts.push_back({key, val});
    }
    ex.events.push_back(e);
  }
  return ex;
}

bool CountMatches(const events::Count& c, const std::string& spec) {
  auto num = [](const std::string& s) { return std::stoll(s); };
  try {
    if (spec.rfind(">=", 0) == 0) return c.value == num(spec.substr(2)) && c.low == num(spec.substr(2)) && !c.high;
    if (spec.rfind("<=", 0) == 0) return c.value == num(spec.substr(2)) && !c.low && c.high == num(spec.substr(2));
    if (spec[0] == '>') return c.value == num(spec.substr(1)) && c.low == num(spec.substr(1)) + 1 && !c.high;
    if (spec[0] == '~') return c.value == num(spec.substr(1)) && c.approximate;
    if (auto dots = spec.find(".."); dots != std::string::npos)
      return !c.value && c.low == num(spec.substr(0, dots)) && c.high == num(spec.substr(dots + 2));
    int64_t v = num(spec);
    return c.value == v && c.low == v && c.high == v;
  } catch (...) {
    return false;
  }
}

std::string TypeMode(const events::Event& e) {
  std::string s(lexicon::EventTypeName(e.type));
  if (!e.mode.empty()) s += "/" + std::string(e.mode);
  return s;
}

bool EventMatches(const CodedDocument& cd, const events::Event& ev, const ExpectedEvent& x) {
  if (lexicon::EventTypeName(ev.type) != x.type) return false;
  if (!x.mode.empty() && ev.mode != x.mode) return false;
  if (events::EventStatusName(ev.status) != x.status) return false;
  std::vector<bool> used(ev.counts.size(), false);
  for (const auto& xc : x.counts) {
    bool found = false;
    for (size_t i = 0; i < ev.counts.size() && !found; ++i) {
      if (used[i] || lexicon::RoleName(ev.counts[i].role) != xc.role) continue;
      if (CountMatches(ev.counts[i], xc.spec)) found = used[i] = true;
    }
    if (!found) return false;
  }
  if (!x.more_counts && x.counts.size() != ev.counts.size()) return false;
  if (!x.part_of.empty()) {
    if (ev.part_of < 0) return false;
    const auto& parent = cd.events[ev.part_of];
    std::string want = x.part_of;
    if (want.find('/') == std::string::npos ? lexicon::EventTypeName(parent.type) != want : TypeMode(parent) != want)
      return false;
  }
  if (!x.date.empty() && (!ev.date || FormatIsoDate(ev.date->value) != x.date)) return false;
  if (!x.country.empty() && (!ev.location || ev.location->country != x.country)) return false;
  if (!x.actor.empty() && (!ev.actor || lexicon::SectorName(ev.actor->sector) != x.actor)) return false;
  if (!x.source.empty() &&
      (!ev.source || std::string(ev.source->Of(cd.doc.text)).find(x.source) == std::string::npos))
    return false;
  return true;
}

// Finds a one-to-one assignment of expected lines to events (small sets: backtracking).
bool Assign(const CodedDocument& cd, const std::vector<ExpectedEvent>& xs, size_t i, std::vector<bool>& used) {
  if (i == xs.size()) return true;
  for (size_t e = 0; e < cd.events.size(); ++e) {
    if (used[e] || !EventMatches(cd, cd.events[e], xs[i])) continue;
    used[e] = true;
    if (Assign(cd, xs, i + 1, used)) return true;
    used[e] = false;
  }
  return false;
}

std::string Describe(const CodedDocument& cd) {
  std::string s;
  pipeline::AppendJsonLine(cd, &s);
  std::string out;
  for (size_t i = 0; i < cd.events.size(); ++i) {
    const auto& e = cd.events[i];
    out += "    e" + std::to_string(i + 1) + " " + TypeMode(e) + " " + std::string(events::EventStatusName(e.status));
    for (const auto& c : e.counts) {
      out += " " + std::string(lexicon::RoleName(c.role)) + "=";
      out += c.value ? std::to_string(*c.value) : "?";
      out += "[" + (c.low ? std::to_string(*c.low) : std::string("")) + ".." +
             (c.high ? std::to_string(*c.high) : std::string("")) + "]";
    }
    if (e.part_of >= 0) out += " part_of=e" + std::to_string(e.part_of + 1);
    if (e.date) out += " date=" + FormatIsoDate(e.date->value);
    if (e.location && !e.location->country.empty()) out += " country=" + e.location->country;
    if (e.actor) out += " actor=" + std::string(lexicon::SectorName(e.actor->sector));
    out += "  \"" + std::string(e.trigger.Of(cd.doc.text)) + "\"\n";
  }
  return out;
}

struct Case {
  fs::path report, expect;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.report.filename().string(); }

std::vector<Case> Cases() {
  std::vector<Case> out;
  for (const char* dir : {"examples", "tests/golden"}) {
    fs::path reports = fs::path(EVIDENT_SOURCE_DIR) / dir / "reports";
    fs::path expected = fs::path(EVIDENT_SOURCE_DIR) / dir / "expected";
    if (!fs::exists(reports)) continue;
    for (const auto& f : fs::directory_iterator(reports)) {
      if (f.path().extension() != ".txt") continue;
      out.push_back({f.path(), expected / (f.path().stem().string() + ".expect")});
    }
  }
  std::sort(out.begin(), out.end(), [](const Case& a, const Case& b) { return a.report < b.report; });
  return out;
}

class Golden : public ::testing::TestWithParam<Case> {};

TEST_P(Golden, MatchesHandWrittenExpectation) {
  static auto engine = pipeline::Engine::Create({});
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  const Case& c = GetParam();
  ASSERT_TRUE(fs::exists(c.expect)) << "missing " << c.expect;
  Expectation ex = ParseExpect(c.expect);
  std::string stem = c.report.stem().string();

  text::ReadOptions ro;
  ro.default_published = kPublished;
  std::vector<CodedDocument> docs;
  Status st = text::ReadInputs({c.report.string()}, ro, [&](text::ReadItem&& item) {
    CodedDocument cd;
    cd.doc = std::move(item.doc);
    cd.status = std::move(item.status);
    docs.push_back(std::move(cd));
  });
  ASSERT_TRUE(st.ok());
  ASSERT_EQ(docs.size(), 1u);
  CodedDocument& cd = docs[0];
  if (stem.rfind("r_", 0) == 0) {
    ASSERT_FALSE(cd.status.ok()) << "expected a rejection";
    EXPECT_EQ(ErrorCodeName(cd.status.code()), ex.rejected);
    return;
  }
  ASSERT_TRUE(cd.status.ok()) << cd.status.ToString();
  pipeline::Coder coder(**engine);
  coder.Code(&cd);
  if (stem.rfind("n_", 0) == 0) {
    for (const auto& e : cd.events)
      EXPECT_NE(e.status, events::EventStatus::kHappened)
          << "n_ case yields a happened " << TypeMode(e) << " \"" << e.trigger.Of(cd.doc.text) << "\"";
  }
  std::vector<bool> used(cd.events.size(), false);
  bool ok = Assign(cd, ex.events, 0, used);
  size_t extra = std::count(used.begin(), used.end(), false);
  if (!ok || extra) {
    std::string want;
    for (const auto& x : ex.events) {
      bool any = std::any_of(cd.events.begin(), cd.events.end(),
                             [&](const events::Event& e) { return EventMatches(cd, e, x); });
      want += std::string(any ? "    " : "  ! ") + x.line + "\n";
    }
    ADD_FAILURE() << c.report.filename() << ": " << (ok ? "extra events" : "expected events not all found")
                  << "\n  expected (! = no event matches):\n" << want << "  got:\n" << Describe(cd);
  }
  for (const auto& [kind, result] : ex.checks) {
    bool found = std::any_of(cd.checks.begin(), cd.checks.end(),
                             [&](const events::Check& ch) { return ch.kind == kind && ch.result == result; });
    EXPECT_TRUE(found) << "missing check " << kind << " " << result;
  }
}

INSTANTIATE_TEST_SUITE_P(Examples, Golden, ::testing::ValuesIn(Cases()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string n = info.param.report.stem().string();
                           for (char& ch : n)
                             if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return n;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Golden);

}  // namespace
}  // namespace evident
