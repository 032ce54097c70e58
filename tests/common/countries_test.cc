#include "common/countries.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

namespace evident {
namespace {

const std::string kCountriesPath = std::string(EVIDENT_SOURCE_DIR) + "/data/countries.tsv";

const CountryTable& RealTable() {
  static const CountryTable* table = [] {
    Result<CountryTable> loaded = CountryTable::Load(kCountriesPath);
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return loaded.ok() ? new CountryTable(std::move(loaded).value()) : new CountryTable();
  }();
  return *table;
}

std::string CodeOrNull(const std::string* code) { return code == nullptr ? "(null)" : *code; }

// Every value of a top-level `"key": "..."` field in a JSONL file. Inside JSON strings a quote
// is escaped, so the pattern `"key": "` cannot match inside the text field.
std::set<std::string> StringFieldValues(const std::filesystem::path& file, const std::string& key) {
  std::set<std::string> values;
  std::ifstream in(file);
  std::string line;
  const std::string needle = "\"" + key + "\":";
  while (std::getline(in, line)) {
    size_t pos = 0;
    while ((pos = line.find(needle, pos)) != std::string::npos) {
      pos += needle.size();
      while (pos < line.size() && line[pos] == ' ') ++pos;
      if (pos >= line.size() || line[pos] != '"') continue;
      size_t end = line.find('"', pos + 1);
      if (end == std::string::npos) break;
      values.insert(line.substr(pos + 1, end - pos - 1));
      pos = end + 1;
    }
  }
  return values;
}

TEST(CountryTable, LoadsRealFileWithEveryIsoCountryAndKosovo) {
  const CountryTable& t = RealTable();
  EXPECT_EQ(t.size(), 250u);  // 249 ISO 3166-1 + XK
  ASSERT_NE(t.FindCode("XK"), nullptr);
  EXPECT_EQ(t.NameForCode("XK"), "Kosovo");
  EXPECT_EQ(t.NameForCode("BO"), "Bolivia");  // common_name preferred over the ISO name
  EXPECT_EQ(t.NameForCode("CI"), "Côte d'Ivoire");
  EXPECT_EQ(t.NameForCode("ZZ"), "");
  for (size_t i = 1; i < t.entries().size(); ++i) {
    EXPECT_LT(t.entries()[i - 1].code, t.entries()[i].code) << "file is sorted by code";
  }
}

TEST(CountryTable, ResolvesNamesAliasesAndPressForms) {
  const CountryTable& t = RealTable();
  const std::pair<const char*, const char*> cases[] = {
      {"United States", "US"},
      {"USA", "US"},
      {"U.S.", "US"},
      {"U.S.A.", "US"},
      {"America", "US"},
      {"United States of America", "US"},
      {"the United States", "US"},
      {"United Kingdom", "GB"},
      {"UK", "GB"},
      {"U.K.", "GB"},
      {"Britain", "GB"},
      {"Great Britain", "GB"},
      {"Russia", "RU"},
      {"Russian Federation", "RU"},
      {"South Korea", "KR"},
      {"North Korea", "KP"},
      {"DR Congo", "CD"},
      {"DRC", "CD"},
      {"Democratic Republic of Congo", "CD"},
      {"Democratic Republic of the Congo", "CD"},
      {"Congo-Kinshasa", "CD"},
      {"Republic of Congo", "CG"},
      {"Congo-Brazzaville", "CG"},
      {"Congo", "CG"},
      {"Ivory Coast", "CI"},
      {"Cote d'Ivoire", "CI"},
      {"Côte d’Ivoire", "CI"},
      {"Myanmar", "MM"},
      {"Burma", "MM"},
      {"Czech Republic", "CZ"},
      {"Czechia", "CZ"},
      {"Eswatini", "SZ"},
      {"Swaziland", "SZ"},
      {"North Macedonia", "MK"},
      {"Macedonia", "MK"},
      {"Turkey", "TR"},
      {"Türkiye", "TR"},
      {"Turkiye", "TR"},
      {"Palestine", "PS"},
      {"Palestinian Territories", "PS"},
      {"West Bank", "PS"},
      {"Gaza", "PS"},
      {"Syria", "SY"},
      {"Iran", "IR"},
      {"Laos", "LA"},
      {"Vietnam", "VN"},
      {"Viet Nam", "VN"},
      {"Venezuela", "VE"},
      {"Bolivia", "BO"},
      {"Tanzania", "TZ"},
      {"Moldova", "MD"},
      {"Brunei", "BN"},
      {"Taiwan", "TW"},
      {"Kosovo", "XK"},
      {"the Philippines", "PH"},
      {"The Gambia", "GM"},
      {"Guinea Bissau", "GW"},
      {"Curacao", "CW"},
      {"  india ", "IN"},
      {"BOSNIA AND HERZEGOVINA", "BA"},
  };
  for (const auto& [name, code] : cases) {
    EXPECT_EQ(CodeOrNull(t.CodeForName(name)), code) << name;
  }
}

TEST(CountryTable, AcceptsCapitalCodesOnly) {
  const CountryTable& t = RealTable();
  EXPECT_EQ(CodeOrNull(t.CodeForName("BY")), "BY");
  EXPECT_EQ(CodeOrNull(t.CodeForName("US")), "US");
  EXPECT_EQ(t.CodeForName("by"), nullptr);  // an English word, not a code
  EXPECT_EQ(t.CodeForName("in"), nullptr);
  EXPECT_EQ(t.CodeForName("ZZ"), nullptr);
  EXPECT_EQ(t.CodeForName(""), nullptr);
  EXPECT_EQ(t.CodeForName("Atlantis"), nullptr);
}

TEST(CountryTable, ResolvesDemonymsSeparatelyFromNames) {
  const CountryTable& t = RealTable();
  const std::pair<const char*, const char*> cases[] = {
      {"Kazakh", "KZ"},     {"Kazakhstani", "KZ"}, {"Belarusian", "BY"},  {"Belarussian", "BY"},
      {"Ivorian", "CI"},    {"American", "US"},    {"British", "GB"},     {"Indian", "IN"},
      {"Pakistani", "PK"},  {"Afghan", "AF"},      {"Iraqi", "IQ"},       {"Yemeni", "YE"},
      {"Congolese", "CD"},  {"Nigerian", "NG"},    {"Nigerien", "NE"},    {"Filipino", "PH"},
      {"Philippine", "PH"}, {"Dutch", "NL"},       {"Swiss", "CH"},       {"Kosovar", "XK"},
      {"Iraqis", "IQ"},     {"Filipinos", "PH"},   {"PALESTINIAN", "PS"}, {"Burkinabé", "BF"},
  };
  for (const auto& [demonym, code] : cases) {
    EXPECT_EQ(CodeOrNull(t.CodeForDemonym(demonym)), code) << demonym;
  }
  EXPECT_EQ(t.CodeForDemonym("Korean"), nullptr);  // ambiguous, deliberately absent
  EXPECT_EQ(t.CodeForDemonym("India"), nullptr);   // a name, not a demonym
  EXPECT_EQ(t.CodeForName("Indian"), nullptr);     // a demonym, not a name
}

TEST(CountryTable, EveryEntryResolvesByItsOwnNamesAndDemonyms) {
  const CountryTable& t = RealTable();
  for (const CountryTable::Entry& e : t.entries()) {
    EXPECT_EQ(CodeOrNull(t.CodeForName(e.code)), e.code);
    EXPECT_EQ(CodeOrNull(t.CodeForName(e.name)), e.code) << e.name;
    for (const std::string& a : e.aliases) EXPECT_EQ(CodeOrNull(t.CodeForName(a)), e.code) << a;
    for (const std::string& d : e.demonyms) {
      EXPECT_EQ(CodeOrNull(t.CodeForDemonym(d)), e.code) << d;
    }
  }
}

TEST(CountryTable, ResolvesEveryGoldCountryInDevData) {
  std::filesystem::path dev = std::filesystem::path(EVIDENT_SHARED_DATA_DIR) / "dev";
  if (!std::filesystem::is_directory(dev)) GTEST_SKIP() << "no shared data at " << dev;
  const CountryTable& t = RealTable();
  size_t checked = 0;
  for (const auto& file : std::filesystem::directory_iterator(dev)) {
    if (file.path().extension() != ".jsonl") continue;
    for (const std::string& country : StringFieldValues(file.path(), "country")) {
      EXPECT_NE(t.CodeForName(country), nullptr)
          << file.path().filename() << ": gold country '" << country << "' does not resolve";
      ++checked;
    }
  }
  EXPECT_GT(checked, 50u);
}

TEST(NameKey, FoldsCaseAccentsPunctuationAndLeadingThe) {
  EXPECT_EQ(FoldCaseAndAccents("Bogotá"), "bogota");
  EXPECT_EQ(FoldCaseAndAccents("ŁÓDŹ"), "lodz");
  EXPECT_EQ(FoldCaseAndAccents("Straße Æbeltoft Œuvre"), "strasse aebeltoft oeuvre");
  EXPECT_EQ(FoldCaseAndAccents("Timișoara Târgu"), "timisoara targu");
  EXPECT_EQ(FoldCaseAndAccents("Москва"), "Москва");  // other scripts unchanged
  EXPECT_EQ(FoldCaseAndAccents("a\xFF"
                               "B"),
            "a\xFF"
            "b");  // invalid bytes pass through
  EXPECT_EQ(NameKey(" The  Guinea–Bissau "), "guinea bissau");
  EXPECT_EQ(NameKey("Côte d’Ivoire"), "cote d'ivoire");
  EXPECT_EQ(NameKey("the"), "the");
  EXPECT_EQ(NameKey("Theodore"), "theodore");
}

// NameKey's fast path for ASCII names gives what the general path gives, on every string of
// up to four characters from an alphabet of the characters its rules treat specially, and on
// names as the resolver keys them.
TEST(CountryTable, NameKeyAsciiFastPathAgreesWithTheGeneralPath) {
  const std::string alphabet = "aZ -`'.\t\n";
  std::vector<std::string> names = {"",           "St. Louis",     "N.C.",          "Winston-Salem", "THE Bronx",
                                    "the ",       " The  Guinea-Bissau ", "O`Brien", "Ras al-Ain",    "the the x",
                                    "Theodore",   "  -  ",         "A\tB\nC",       "Mar del Plata", "U.S."};
  for (char a : alphabet) {
    names.emplace_back(1, a);
    for (char b : alphabet)
      for (char c : alphabet)
        for (char d : alphabet) names.push_back(std::string{a, b, c, d});
  }
  for (const std::string& n : names) EXPECT_EQ(NameKey(n), NameKeyGeneral(n)) << "[" << n << "]";
  // Not ASCII: the general path.
  EXPECT_EQ(NameKey("Łódź-Bałuty"), "lodz baluty");
}

TEST(CountryTable, ParsesCommentsBlankLinesEmptyColumnsAndCrLf) {
  Result<CountryTable> t = CountryTable::Parse(
      "# comment\n\nAA\tAlphaland\tAlpha|Republic of Alpha\tAlphan\r\nBB\tBetaland\t\t\n",
      "test.tsv");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->size(), 2u);
  EXPECT_EQ(CodeOrNull(t->CodeForName("republic of alpha")), "AA");
  EXPECT_EQ(CodeOrNull(t->CodeForDemonym("Alphan")), "AA");
  EXPECT_EQ(t->entries()[1].line, 4u);
  EXPECT_TRUE(t->entries()[1].aliases.empty());
}

// Writes `text` to a temporary file and loads it.
Result<CountryTable> LoadTemp(const std::string& text) {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("countries_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
       ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".tsv");
  {
    std::ofstream out(path, std::ios::binary);
    out << text;
  }
  Result<CountryTable> t = CountryTable::Load(path.string());
  std::filesystem::remove(path);
  return t;
}

TEST(CountryTableErrors, WrongColumnCountNamesFileAndLine) {
  Result<CountryTable> t = LoadTemp("# header\nAA\tAlphaland\tAlpha\n");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), ErrorCode::kLexiconError);
  EXPECT_NE(t.status().where().find(".tsv:2"), std::string::npos) << t.status().ToString();
  EXPECT_NE(t.status().message().find("expected 4 tab-separated columns"), std::string::npos);
}

TEST(CountryTableErrors, BadCodeDuplicateCodeAndEmptyNameAreAllReported) {
  Result<CountryTable> t = LoadTemp(
      "aa\tAlphaland\t\t\n"
      "BB\tBetaland\t\t\n"
      "BB\tBetaland Again\t\t\n"
      "CC\t\t\t\n"
      "DD\tDeltaland\tDelta||D\t\n");
  ASSERT_FALSE(t.ok());
  const std::string& m = t.status().message();
  EXPECT_NE(m.find("4 problems"), std::string::npos) << m;
  EXPECT_NE(m.find(".tsv:1: bad country code 'aa'"), std::string::npos) << m;
  EXPECT_NE(m.find(".tsv:3: duplicate code BB (first on line 2)"), std::string::npos) << m;
  EXPECT_NE(m.find(".tsv:4: empty name for CC"), std::string::npos) << m;
  EXPECT_NE(m.find(".tsv:5: empty alias"), std::string::npos) << m;
}

TEST(CountryTableErrors, AliasClaimedByTwoCodesListsBothLines) {
  Result<CountryTable> t = LoadTemp(
      "CD\tDR Congo\tCongo-Kinshasa\tCongolese\n"
      "CG\tRepublic of Congo\tcongo kinshasa\tCongolese\n");
  ASSERT_FALSE(t.ok());
  const std::string& m = t.status().message();
  EXPECT_NE(m.find("2 problems"), std::string::npos) << m;
  EXPECT_NE(m.find(":2: alias 'congo kinshasa' of CG is already claimed by CD "
                   "('Congo-Kinshasa', line 1)"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find(":2: demonym 'Congolese' of CG is already claimed by CD"), std::string::npos)
      << m;
}

TEST(CountryTableErrors, MissingFileAndEmptyTable) {
  Result<CountryTable> missing = CountryTable::Load("/nonexistent/countries.tsv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), ErrorCode::kIoError);
  EXPECT_EQ(missing.status().where(), "/nonexistent/countries.tsv");

  Result<CountryTable> empty = CountryTable::Parse("# only a comment\n", "empty.tsv");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), ErrorCode::kLexiconError);
}

TEST(CountryTableErrors, InvalidUtf8IsReported) {
  Result<CountryTable> t = CountryTable::Parse("AA\tAlpha\xFFland\t\t\n", "bad.tsv");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().where(), "bad.tsv:1");
  EXPECT_NE(t.status().message().find("invalid UTF-8"), std::string::npos);
}

}  // namespace
}  // namespace evident
