#include "lexicon/lexicon.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "lexicon/vocabulary.h"

namespace evident::lexicon {
namespace {

bool HasForm(const std::vector<std::pair<std::string, Form>>& forms, const std::string& w) {
  return std::any_of(forms.begin(), forms.end(), [&](auto& p) { return p.first == w; });
}

TEST(Lexicon, LoadsTheProjectDataWithoutErrors) {
  auto lex = Lexicon::Load(EVIDENT_SOURCE_DIR "/data");
  ASSERT_TRUE(lex.ok()) << lex.status().ToString();
  EXPECT_GT(lex->triggers().entries.size(), 200u);
  EXPECT_GT(lex->nouns().entries.size(), 200u);
  EXPECT_GT(lex->cues().entries.size(), 50u);
}

TEST(Lexicon, InflectsRegularAndIrregularVerbsAndNouns) {
  auto lex = Lexicon::Load(EVIDENT_SOURCE_DIR "/data");
  ASSERT_TRUE(lex.ok());
  auto arrest = lex->Inflect("arrest", 'v');
  for (const char* w : {"arrest", "arrests", "arrested", "arresting"}) EXPECT_TRUE(HasForm(arrest, w)) << w;
  auto release = lex->Inflect("release", 'v');
  for (const char* w : {"releases", "released", "releasing"}) EXPECT_TRUE(HasForm(release, w)) << w;
  auto stab = lex->Inflect("stab", 'v');
  EXPECT_TRUE(HasForm(stab, "stabbed"));
  auto take = lex->Inflect("take", 'v');
  for (const char* w : {"took", "taken", "taking", "takes"}) EXPECT_TRUE(HasForm(take, w)) << w;
  auto carry = lex->Inflect("carry", 'v');
  EXPECT_TRUE(HasForm(carry, "carried"));
  auto policeman = lex->Inflect("policeman", 'n');
  EXPECT_TRUE(HasForm(policeman, "policemen"));
  auto casualty = lex->Inflect("casualty", 'n');
  EXPECT_TRUE(HasForm(casualty, "casualties"));
}

TEST(Lexicon, SplitsPhrasesLikeTheTokenizer) {
  EXPECT_EQ(SplitPhrase("sit-in/n"), (std::vector<std::string>{"sit", "-", "in/n"}));
  EXPECT_EQ(SplitPhrase("Sheriff's office"), (std::vector<std::string>{"sheriff", "'s", "office"}));
}

TEST(Lexicon, ReportsEveryBadLineWithFileAndLine) {
  auto lex = Lexicon::Load(EVIDENT_SOURCE_DIR "/data");
  ASSERT_TRUE(lex.ok());
  PhraseTable table;
  std::vector<std::string> errors;
  std::string content =
      "# comment\n"
      "ARREST\t-\tarrested\t-\tarrest/v\n"
      "ARRST\t-\tarrested\t-\tarrest/v\n"
      "ARREST\t-\tarested\t-\tdetain/v\n"
      "ARREST\t-\tarrested\tdetain/v\n"
      "ARREST\t-\tarrested\t-\tdetain/x\n";
  // Reuse the project's trigger validation through Load's public ParseTable entry point.
  Status st = Lexicon::ParseTable("t.tsv", content, 4, nullptr, &*lex, &table, &errors);
  EXPECT_FALSE(st.ok());
  ASSERT_EQ(errors.size(), 2u);  // no validator: the column count and the marker are checked
  EXPECT_EQ(errors[0].rfind("t.tsv:5: expected 5 TAB-separated columns", 0), 0u) << errors[0];
  EXPECT_EQ(errors[1].rfind("t.tsv:6: unknown marker '/x'", 0), 0u) << errors[1];
}

TEST(Lexicon, LoadFailsWithAllErrorsForABadDirectory) {
  auto lex = Lexicon::Load("/nonexistent-evident-dir");
  ASSERT_FALSE(lex.ok());
  EXPECT_EQ(lex.status().code(), ErrorCode::kLexiconError);
  EXPECT_NE(lex.status().message().find("triggers.tsv: cannot read lexicon file"), std::string::npos);
  EXPECT_NE(lex.status().message().find("cues.tsv"), std::string::npos);
}

// A copy of the project's data folder with lines appended to triggers.tsv; returns its path.
std::string DataWithTriggers(const std::string& name, const std::string& extra) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::path(testing::TempDir()) / name;
  fs::remove_all(dir);
  fs::copy(EVIDENT_SOURCE_DIR "/data", dir, fs::copy_options::recursive);
  std::ofstream(dir / "triggers.tsv", std::ios::app) << extra;
  return dir.string();
}

// Seizures, destruction, force movements and restrictions count nobody: a count role on one is
// a mistake the user hears about with its line, as is an unknown patient.
TEST(Lexicon, MaterialActsRejectACountRoleWithTheirLine) {
  std::ifstream in(EVIDENT_SOURCE_DIR "/data/triggers.tsv");
  int lines = 0;
  for (std::string l; std::getline(in, l);) ++lines;
  const std::string dir = DataWithTriggers("lexicon_material",
                                           "SEIZE\tlooting\tarrested\t-\tplunder/v\n"
                                           "MOBILIZE\tdeployment\t-\tforces\tredeploy/v\n"
                                           "DESTROY\tarson\t-\tproperty\tpetrol-bomb/v\n");
  auto lex = Lexicon::Load(dir);
  ASSERT_FALSE(lex.ok());
  const std::string& msg = lex.status().message();
  EXPECT_NE(msg.find("triggers.tsv:" + std::to_string(lines + 1) +
                     ": count role 'arrested' for SEIZE, which counts nobody; expected -"),
            std::string::npos)
      << msg;
  EXPECT_NE(msg.find("triggers.tsv:" + std::to_string(lines + 2) + ": unknown patient 'forces'"), std::string::npos)
      << msg;
  EXPECT_EQ(msg.find("triggers.tsv:" + std::to_string(lines + 3)), std::string::npos) << msg;
}

TEST(Vocabulary, ParsesNamesBothWays) {
  EXPECT_EQ(ParseEventType("CUSTODY"), EventType::kCustody);
  EXPECT_FALSE(ParseEventType("custody"));
  EXPECT_EQ(RoleName(*ParseRole("injured")), "injured");
  EXPECT_EQ(ParseRole("-"), Role::kNone);
  EXPECT_TRUE(IsKnownMode(EventType::kSentence, "fine"));
  EXPECT_FALSE(IsKnownMode(EventType::kArrest, "fine"));
  EXPECT_EQ(ParseEventType("MOBILIZE"), EventType::kMobilize);
  EXPECT_EQ(EventTypeName(EventType::kRestrict), "RESTRICT");
  EXPECT_EQ(ParseEventType("AID"), EventType::kAid);
  EXPECT_TRUE(IsKnownMode(EventType::kAid, "humanitarian"));
  EXPECT_TRUE(IsKnownMode(EventType::kSeize, "looting"));
  EXPECT_FALSE(IsKnownMode(EventType::kDestroy, "looting"));
}

}  // namespace
}  // namespace evident::lexicon
