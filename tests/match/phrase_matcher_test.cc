#include "match/phrase_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/lexicon.h"
#include "tokens/tokenizer.h"

namespace evident::match {
namespace {

using lexicon::Form;
using lexicon::Lexicon;
using lexicon::PhraseTable;

// A small table with one attribute column (a label) before the phrase. The real data dir
// supplies the irregular verbs ("take" -> "took", "taken").
constexpr std::string_view kTable =
    "# label\tphrase\n"
    "custody\ttake/v into custody\n"
    "arrest_v\tarrest/v\n"
    "arrest_n\tarrest/n\n"
    "police\tpolice\n"
    "riot_police\triot police\n"
    "riot\triot/n\n"
    "tear_gas\ttear gas\n";

// The lexicon (for irregular verbs), the table and its matcher, built once for all tests.
struct Shared {
  Lexicon lexicon;
  PhraseTable table;
  std::unique_ptr<PhraseMatcher> matcher;
};

const Shared& GetShared() {
  static const Shared* shared = [] {
    auto* s = new Shared();
    auto lex = Lexicon::Load(EVIDENT_SOURCE_DIR "/data");
    EXPECT_TRUE(lex.ok()) << lex.status().ToString();
    if (lex.ok()) s->lexicon = std::move(lex).value();
    std::vector<std::string> errors;
    Status st = Lexicon::ParseTable("test.tsv", kTable, 1, nullptr, &s->lexicon, &s->table, &errors);
    EXPECT_TRUE(st.ok()) << st.ToString();
    EXPECT_TRUE(errors.empty()) << ::testing::PrintToString(errors);
    s->matcher = std::make_unique<PhraseMatcher>(s->table);
    return s;
  }();
  return *shared;
}

const PhraseTable& Table() { return GetShared().table; }
const PhraseMatcher& Matcher() { return *GetShared().matcher; }

const std::string& LabelOf(uint32_t phrase) { return Table().entries[Table().phrases[phrase].entry].fields[0]; }
const std::string& Label(const Match& m) { return LabelOf(m.phrase); }

// One tokenized text; the text is owned here because tokens point into it.
class Doc {
 public:
  explicit Doc(std::string text) : text_(std::move(text)) { tokenizer_.Tokenize(text_, &tokens_); }
  const tokens::TokenizedText& tokens() const { return tokens_; }
  uint32_t size() const { return static_cast<uint32_t>(tokens_.tokens.size()); }
  std::vector<Match> Find(uint32_t begin, uint32_t end) const {
    std::vector<Match> out;
    Matcher().Find(tokens_, begin, end, &out);
    return out;
  }
  std::vector<Match> FindAll() const { return Find(0, size()); }
  // The matched words as they stand in the text.
  std::string_view Words(const Match& m) const {
    uint32_t b = tokens_.tokens[m.begin_token].span.begin;
    return std::string_view(text_).substr(b, tokens_.tokens[m.end_token - 1].span.end - b);
  }

 private:
  std::string text_;
  tokens::Tokenizer tokenizer_;
  tokens::TokenizedText tokens_;
};

std::vector<std::string> Labels(const std::vector<Match>& ms) {
  std::vector<std::string> out;
  for (const auto& m : ms) out.push_back(Label(m));
  return out;
}

TEST(PhraseMatcher, MatchesMultiWordPhraseWithInflectedHead) {
  Doc doc("Eleven students were taken into custody.");
  auto ms = doc.FindAll();
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(Label(ms[0]), "custody");
  EXPECT_EQ(ms[0].begin_token, 3u);
  EXPECT_EQ(ms[0].end_token, 6u);
  EXPECT_EQ(doc.Words(ms[0]), "taken into custody");
  EXPECT_EQ(Table().phrases[ms[0].phrase].form, Form::kParticiple);
}

TEST(PhraseMatcher, MatchesIrregularPastAndIgnoresCase) {
  Doc doc("Guards TOOK Into Custody the two men.");
  auto ms = doc.FindAll();
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(Label(ms[0]), "custody");
  EXPECT_EQ(doc.Words(ms[0]), "TOOK Into Custody");
  Form form = Table().phrases[ms[0].phrase].form;
  EXPECT_TRUE(form == Form::kPast || form == Form::kPastOrParticiple) << static_cast<int>(form);
}

TEST(PhraseMatcher, NoMatchAcrossABrokenPhrase) {
  // "two men" sits inside the phrase: "took two men into custody" is not "took into custody".
  auto ms = Doc("Guards took two men into custody.").FindAll();
  EXPECT_TRUE(ms.empty()) << ::testing::PrintToString(Labels(ms));
  // A phrase cut off by the end of the text does not match either.
  EXPECT_TRUE(Doc("They were taken into").FindAll().empty());
  // Whole tokens only: "arrestee" is no form of "arrest", "took custody" is not the phrase.
  EXPECT_TRUE(Doc("The arrestee took custody.").FindAll().empty());
}

TEST(PhraseMatcher, LongestMatchWinsAtEachStartToken) {
  Doc doc("Riot police fired tear gas.");
  auto ms = doc.FindAll();
  // At token 0 only "riot police" is reported, not "riot"; "police" starts at token 1 and may
  // overlap it; "tear gas" is found as a whole.
  ASSERT_EQ(ms.size(), 3u) << ::testing::PrintToString(Labels(ms));
  EXPECT_EQ(Label(ms[0]), "riot_police");
  EXPECT_EQ(ms[0].begin_token, 0u);
  EXPECT_EQ(ms[0].end_token, 2u);
  EXPECT_EQ(Label(ms[1]), "police");
  EXPECT_EQ(ms[1].begin_token, 1u);
  EXPECT_EQ(Label(ms[2]), "tear_gas");
  EXPECT_EQ(doc.Words(ms[2]), "tear gas");
}

TEST(PhraseMatcher, ShorterPhraseMatchesWhenTheLongerOneIsIncomplete) {
  Doc doc("The riot ended.");
  auto ms = doc.FindAll();
  ASSERT_EQ(ms.size(), 1u);
  EXPECT_EQ(Label(ms[0]), "riot");
  EXPECT_EQ(doc.Words(ms[0]), "riot");
}

TEST(PhraseMatcher, ReturnsAllAlternativesOfTheSameSpan) {
  Doc doc("Police made three arrests.");
  std::vector<Match> arrests;
  for (const auto& m : doc.FindAll())
    if (doc.Words(m) == "arrests") arrests.push_back(m);
  ASSERT_EQ(arrests.size(), 2u);
  EXPECT_EQ(arrests[0].begin_token, arrests[1].begin_token);
  EXPECT_EQ(arrests[0].end_token, arrests[1].end_token);
  std::vector<std::string> labels = {Label(arrests[0]), Label(arrests[1])};
  std::sort(labels.begin(), labels.end());
  EXPECT_EQ(labels, (std::vector<std::string>{"arrest_n", "arrest_v"}));
}

TEST(PhraseMatcher, ReportsMatchesInStartTokenOrder) {
  auto ms = Doc("Police arrested a man; riot police were taken into custody.").FindAll();
  for (size_t i = 1; i < ms.size(); ++i) EXPECT_LE(ms[i - 1].begin_token, ms[i].begin_token);
  EXPECT_EQ(Labels(ms), (std::vector<std::string>{"police", "arrest_v", "riot_police", "police", "custody"}));
}

TEST(PhraseMatcher, RespectsTheTokenRange) {
  Doc doc("Police arrested them and they were taken into custody.");
  // Police(0) arrested(1) them(2) and(3) they(4) were(5) taken(6) into(7) custody(8) .(9)
  ASSERT_EQ(doc.size(), 10u);
  // "Police" lies before the range.
  EXPECT_EQ(Labels(doc.Find(1, 10)), (std::vector<std::string>{"arrest_v", "custody"}));
  // The range ends inside "taken into custody".
  EXPECT_EQ(Labels(doc.Find(0, 8)), (std::vector<std::string>{"police", "arrest_v"}));
}

TEST(PhraseMatcher, FindsNothingInAnEmptyRangeOrFromInsideAPhrase) {
  Doc doc("Police arrested them and they were taken into custody.");
  EXPECT_TRUE(doc.Find(3, 3).empty());
  EXPECT_TRUE(doc.Find(7, 10).empty());  // "into custody" alone is nothing
}

TEST(PhraseMatcher, AppendsToTheOutputVector) {
  Doc doc("Police arrived.");
  std::vector<Match> ms = {Match{7, 8, 0}};
  Matcher().Find(doc.tokens(), 0, doc.size(), &ms);
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].begin_token, 7u);
  EXPECT_EQ(Label(ms[1]), "police");
}

TEST(PhraseMatcher, LookupFindsExactTokenRanges) {
  Doc doc("They were taken into custody by riot police.");
  // They(0) were(1) taken(2) into(3) custody(4) by(5) riot(6) police(7) .(8)
  const std::vector<uint32_t>* ids = Matcher().Lookup(doc.tokens(), 2, 5);
  ASSERT_NE(ids, nullptr);
  ASSERT_EQ(ids->size(), 1u);
  EXPECT_EQ(LabelOf((*ids)[0]), "custody");

  ids = Matcher().Lookup(doc.tokens(), 6, 8);
  ASSERT_NE(ids, nullptr);
  EXPECT_EQ(LabelOf((*ids)[0]), "riot_police");

  ids = Matcher().Lookup(doc.tokens(), 7, 8);
  ASSERT_NE(ids, nullptr);
  EXPECT_EQ(LabelOf((*ids)[0]), "police");
}

TEST(PhraseMatcher, LookupReturnsAllAlternatives) {
  Doc doc("three arrests");
  const std::vector<uint32_t>* ids = Matcher().Lookup(doc.tokens(), 1, 2);
  ASSERT_NE(ids, nullptr);
  std::vector<std::string> labels;
  for (uint32_t id : *ids) labels.push_back(LabelOf(id));
  std::sort(labels.begin(), labels.end());
  EXPECT_EQ(labels, (std::vector<std::string>{"arrest_n", "arrest_v"}));
}

TEST(PhraseMatcher, LookupReturnsNullForPartialOrUnknownRanges) {
  Doc doc("They were taken into custody by riot police.");
  const auto& t = doc.tokens();
  EXPECT_EQ(Matcher().Lookup(t, 2, 4), nullptr);  // "taken into"
  EXPECT_EQ(Matcher().Lookup(t, 1, 5), nullptr);  // "were taken into custody"
  EXPECT_EQ(Matcher().Lookup(t, 0, 1), nullptr);  // "They"
  EXPECT_EQ(Matcher().Lookup(t, 5, 8), nullptr);  // "by riot police"
}

TEST(PhraseMatcher, ExposesItsTable) { EXPECT_EQ(&Matcher().table(), &Table()); }

TEST(PhraseMatcher, EmptyTableMatchesNothing) {
  lexicon::PhraseTable empty;
  PhraseMatcher matcher(empty);
  tokens::Tokenizer tokenizer;
  tokens::TokenizedText doc;
  std::string text = "Police took two men into custody.";
  tokenizer.Tokenize(text, &doc);
  std::vector<Match> ms;
  matcher.Find(doc, 0, static_cast<uint32_t>(doc.tokens.size()), &ms);
  EXPECT_TRUE(ms.empty());
  EXPECT_EQ(matcher.Lookup(doc, 0, 1), nullptr);
}

// Several tables in one pass give each table exactly what its own matcher gives: a longer
// phrase of one table ("riot police") does not hide a shorter one of another ("riot", "police"),
// and a table whose phrases stop early is not carried on by another's longer ones.
TEST(MultiPhraseMatcher, GivesEachTableWhatItsOwnMatcherGives) {
  constexpr std::string_view kOther =
      "# label\tphrase\n"
      "riot\triot/n\n"
      "police\tpolice\n"
      "two\ttwo men\n"
      "custody_n\tcustody\n"
      "men_into\tmen into custody today\n";
  Lexicon lexicon = GetShared().lexicon;
  PhraseTable other;
  std::vector<std::string> errors;
  ASSERT_TRUE(Lexicon::ParseTable("other.tsv", kOther, 1, nullptr, &lexicon, &other, &errors).ok());
  PhraseTable empty;
  MultiPhraseMatcher multi({&Table(), &other, &empty});
  EXPECT_EQ(multi.size(), 3u);
  PhraseMatcher own_other(other), own_empty(empty);
  for (std::string text : {"Riot police took two men into custody on Sunday.",
                           "Police used tear gas; the riot police arrested 15 after the riot.",
                           "Two men into custody, and an arrest: men into custody today."}) {
    Doc doc(text);
    for (uint32_t b = 0; b < doc.size(); b += 3) {
      std::vector<Match> a, o, e;
      std::vector<Match>* outs[] = {&a, &o, &e};
      multi.Find(doc.tokens(), b, doc.size(), outs);
      std::vector<Match> want_a = doc.Find(b, doc.size()), want_o, want_e;
      own_other.Find(doc.tokens(), b, doc.size(), &want_o);
      own_empty.Find(doc.tokens(), b, doc.size(), &want_e);
      auto same = [](const std::vector<Match>& x, const std::vector<Match>& y) {
        return std::equal(x.begin(), x.end(), y.begin(), y.end(), [](const Match& p, const Match& q) {
          return p.begin_token == q.begin_token && p.end_token == q.end_token && p.phrase == q.phrase;
        });
      };
      EXPECT_TRUE(same(a, want_a)) << text << " from " << b;
      EXPECT_TRUE(same(o, want_o)) << text << " from " << b;
      EXPECT_TRUE(e.empty());
      EXPECT_FALSE(want_a.empty() && want_o.empty() && b == 0) << text;
    }
    // A null output skips its table.
    std::vector<Match> only;
    std::vector<Match>* outs[] = {nullptr, &only, nullptr};
    multi.Find(doc.tokens(), 0, doc.size(), outs);
    std::vector<Match> want;
    own_other.Find(doc.tokens(), 0, doc.size(), &want);
    EXPECT_EQ(only.size(), want.size());
  }
}

}  // namespace
}  // namespace evident::match
