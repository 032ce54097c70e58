#include "extract/numbers.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "tokens/tokenizer.h"

// All sentences below are invented for these tests. Each quantity is described as
//   "<span text> =value [low,high] kind"   for counts ("-" for null), or
//   "<span text> !not_count"               for numbers that are not head counts.

namespace evident::extract {
namespace {

using V = std::vector<std::string>;

std::string Opt(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : "-"; }

std::string Describe(const Quantity& q, std::string_view text) {
  std::string s(q.span.Of(text));
  if (!q.IsCount()) return s + " !" + std::string(NotCountName(q.not_count));
  return s + " =" + Opt(q.value) + " [" + Opt(q.low) + "," + Opt(q.high) + "] " + std::string(QuantityKindName(q.kind));
}

// Runs the extractor over every sentence of `text` and checks the invariants every caller
// relies on: spans match the tokens, mentions are ordered, disjoint and inside the sentence.
V Q(const std::string& text) {
  tokens::Tokenizer tokenizer;
  tokens::TokenizedText doc;
  tokenizer.Tokenize(text, &doc);
  NumberExtractor extractor;
  std::vector<Quantity> out;
  V result;
  for (const tokens::Sentence& s : doc.sentences) {
    size_t first = out.size();
    extractor.Extract(doc, s.begin_token, s.end_token, &out);
    uint32_t prev_end = s.begin_token;
    for (size_t k = first; k < out.size(); ++k) {
      const Quantity& q = out[k];
      EXPECT_LE(prev_end, q.begin_token) << text;
      EXPECT_LT(q.begin_token, q.end_token) << text;
      EXPECT_LE(q.end_token, s.end_token) << text;
      EXPECT_EQ(q.span, Join(doc.tokens[q.begin_token].span, doc.tokens[q.end_token - 1].span));
      if (q.low && q.high) {
        EXPECT_LE(*q.low, *q.high) << text;
      }
      prev_end = q.end_token;
      result.push_back(Describe(q, text));
    }
  }
  return result;
}

// The quantities of `text` that may count people.
V Counts(const std::string& text) {
  V all = Q(text);
  V counts;
  for (auto& s : all)
    if (s.find(" !") == std::string::npos) counts.push_back(s);
  return counts;
}

// ---- exact numbers ----

TEST(NumberExtractor, DigitsAreExactCounts) {
  EXPECT_EQ(Q("Police detained 15 people in Varnholm."), V{"15 =15 [15,15] exact"});
}

TEST(NumberExtractor, ThousandsSeparators) {
  EXPECT_EQ(Q("About 1,500 marched."), V{"About 1,500 =1500 [1200,1800] approximate"});
  EXPECT_EQ(Q("Officials counted 12,000,000 voters."), V{"12,000,000 =12000000 [12000000,12000000] exact"});
  EXPECT_EQ(Q("A rally of 1,00,000 farmers was held."), V{"1,00,000 =100000 [100000,100000] exact"});
}

TEST(NumberExtractor, EuropeanThousandsWithDot) {
  EXPECT_EQ(Q("Some 2.500 workers struck."), V{"Some 2.500 =2500 [2000,3000] approximate"});
  EXPECT_EQ(Q("Police said 1.000 people marched."), V{"1.000 =1000 [1000,1000] exact"});
  EXPECT_EQ(Q("Organisers said 1.000.000 people marched."), V{"1.000.000 =1000000 [1000000,1000000] exact"});
}

TEST(NumberExtractor, DecimalBeforeScaleWordIsNotEuropeanThousands) {
  EXPECT_EQ(Q("A crowd of 1.500 million gathered."), V{"1.500 million =1500000 [1500000,1500000] exact"});
}

TEST(NumberExtractor, DecimalWithScaleWord) {
  EXPECT_EQ(Q("Nearly 1.5 million people voted."), V{"Nearly 1.5 million =1500000 [1350000,1499999] nearly"});
  EXPECT_EQ(Q("Organisers said 2 million marched."), V{"2 million =2000000 [2000000,2000000] exact"});
  EXPECT_EQ(Q("They said 5 thousand joined."), V{"5 thousand =5000 [5000,5000] exact"});
}

TEST(NumberExtractor, NumberWordsUpToTwenty) {
  EXPECT_EQ(Q("Three protesters and eleven students were held."),
            (V{"Three =3 [3,3] exact", "eleven =11 [11,11] exact"}));
  EXPECT_EQ(Q("zero"), V{"zero =0 [0,0] exact"});
}

TEST(NumberExtractor, HyphenatedNumberWords) {
  EXPECT_EQ(Q("Seventy-one people were hurt."), V{"Seventy-one =71 [71,71] exact"});
  EXPECT_EQ(Q("At least thirty-three tourists were held."), V{"At least thirty-three =33 [33,-] at_least"});
}

TEST(NumberExtractor, SpacedTensAndUnits) { EXPECT_EQ(Q("twenty one people"), V{"twenty one =21 [21,21] exact"}); }

TEST(NumberExtractor, HundredsThousandsMillionsInWords) {
  EXPECT_EQ(Q("two hundred and fifty workers"), V{"two hundred and fifty =250 [250,250] exact"});
  EXPECT_EQ(Q("one hundred twenty-five"), V{"one hundred twenty-five =125 [125,125] exact"});
  EXPECT_EQ(Q("two thousand five hundred marchers"), V{"two thousand five hundred =2500 [2500,2500] exact"});
  EXPECT_EQ(Q("one million two hundred thousand voters"),
            V{"one million two hundred thousand =1200000 [1200000,1200000] exact"});
  EXPECT_EQ(Q("three million"), V{"three million =3000000 [3000000,3000000] exact"});
}

TEST(NumberExtractor, ArticleWithScaleWord) {
  EXPECT_EQ(Q("a hundred people"), V{"a hundred =100 [100,100] exact"});
  EXPECT_EQ(Q("a thousand people"), V{"a thousand =1000 [1000,1000] exact"});
  EXPECT_EQ(Q("a million people"), V{"a million =1000000 [1000000,1000000] exact"});
}

TEST(NumberExtractor, ArticleAloneIsNotAQuantity) { EXPECT_EQ(Q("A man was arrested and an officer was hurt."), V{}); }

TEST(NumberExtractor, OneIsAQuantity) {
  EXPECT_EQ(Q("One protester was detained."), V{"One =1 [1,1] exact"});
  EXPECT_EQ(Q("one of the organisers was fined."), V{"one =1 [1,1] exact"});
}

TEST(NumberExtractor, PronounOneIsNot) {
  EXPECT_EQ(Q("No one was hurt."), V{});
  EXPECT_EQ(Q("They blamed one another."), V{});
  EXPECT_EQ(Q("At one point the crowd left."), V{});
  EXPECT_EQ(Q("He was the one who spoke."), V{});
}

TEST(NumberExtractor, Dozens) {
  EXPECT_EQ(Q("a dozen students"), V{"a dozen =12 [12,12] exact"});
  EXPECT_EQ(Q("two dozen students"), V{"two dozen =24 [24,24] exact"});
  EXPECT_EQ(Q("half a dozen students"), V{"half a dozen =6 [6,6] exact"});
  EXPECT_EQ(Q("nearly two dozen students"), V{"nearly two dozen =24 [22,23] nearly"});
  EXPECT_EQ(Q("about two dozen relatives"), V{"about two dozen =24 [19,29] approximate"});
  EXPECT_EQ(Q("3 dozen eggs"), V{"3 dozen =36 [36,36] exact"});
}

TEST(NumberExtractor, HalfAMillion) {
  EXPECT_EQ(Q("half a million people"), V{"half a million =500000 [500000,500000] exact"});
}

TEST(NumberExtractor, CoupleOf) {
  EXPECT_EQ(Q("a couple of guards"), V{"a couple =2 [2,2] exact"});
  EXPECT_EQ(Q("a couple of hundred people"), V{"a couple of hundred =200 [160,240] approximate"});
  EXPECT_EQ(Q("The couple was arrested."), V{});
  EXPECT_EQ(Q("a couple was arrested"), V{});
}

// ---- qualifiers ----

TEST(NumberExtractor, AtLeast) {
  EXPECT_EQ(Q("At least 20 people were detained."), V{"At least 20 =20 [20,-] at_least"});
  EXPECT_EQ(Q("no fewer than 20 people"), V{"no fewer than 20 =20 [20,-] at_least"});
  EXPECT_EQ(Q("not less than 20 people"), V{"not less than 20 =20 [20,-] at_least"});
  EXPECT_EQ(Q("a minimum of 20 people"), V{"a minimum of 20 =20 [20,-] at_least"});
}

TEST(NumberExtractor, MoreThanAndOver) {
  EXPECT_EQ(Q("more than 100 relatives"), V{"more than 100 =100 [101,-] more_than"});
  EXPECT_EQ(Q("over 40 prisoners"), V{"over 40 =40 [41,-] more_than"});
  EXPECT_EQ(Q("well over 40 prisoners"), V{"well over 40 =40 [41,-] more_than"});
  EXPECT_EQ(Q("upwards of 40 prisoners"), V{"upwards of 40 =40 [41,-] more_than"});
  EXPECT_EQ(Q("in excess of 40 prisoners"), V{"in excess of 40 =40 [41,-] more_than"});
}

TEST(NumberExtractor, MoreThanADozenAndOverAHundred) {
  EXPECT_EQ(Q("more than a dozen"), V{"more than a dozen =12 [13,-] more_than"});
  EXPECT_EQ(Q("over a hundred"), V{"over a hundred =100 [101,-] more_than"});
}

TEST(NumberExtractor, NearlyAndAlmost) {
  EXPECT_EQ(Q("nearly 1,000 workers"), V{"nearly 1,000 =1000 [900,999] nearly"});
  EXPECT_EQ(Q("almost 50 people"), V{"almost 50 =50 [45,49] nearly"});
  EXPECT_EQ(Q("close to 50 people"), V{"close to 50 =50 [45,49] nearly"});
  EXPECT_EQ(Q("just under 50 people"), V{"just under 50 =50 [45,49] nearly"});
}

TEST(NumberExtractor, NearlyOneKeepsLowNotAboveHigh) { EXPECT_EQ(Q("nearly one"), V{"nearly one =1 [0,0] nearly"}); }

TEST(NumberExtractor, Approximate) {
  EXPECT_EQ(Q("about 200 people"), V{"about 200 =200 [160,240] approximate"});
  EXPECT_EQ(Q("around 20 people"), V{"around 20 =20 [16,24] approximate"});
  EXPECT_EQ(Q("some 15 supporters"), V{"some 15 =15 [12,18] approximate"});
  EXPECT_EQ(Q("approximately 15 supporters"), V{"approximately 15 =15 [12,18] approximate"});
  EXPECT_EQ(Q("roughly 15 supporters"), V{"roughly 15 =15 [12,18] approximate"});
  EXPECT_EQ(Q("an estimated 5,000 marchers"), V{"an estimated 5,000 =5000 [4000,6000] approximate"});
  EXPECT_EQ(Q("approx. 25 supporters"), V{"approx. 25 =25 [20,30] approximate"});
}

TEST(NumberExtractor, UpToAndAsManyAs) {
  EXPECT_EQ(Q("up to 30 people"), V{"up to 30 =30 [-,30] up_to"});
  EXPECT_EQ(Q("as many as 30 people"), V{"as many as 30 =30 [-,30] up_to"});
  EXPECT_EQ(Q("no more than 30 people"), V{"no more than 30 =30 [-,30] up_to"});
  EXPECT_EQ(Q("at most 30 people"), V{"at most 30 =30 [-,30] up_to"});
}

TEST(NumberExtractor, LessThanIsUpToNMinusOne) {
  EXPECT_EQ(Q("less than 10 lawyers"), V{"less than 10 =10 [-,9] up_to"});
  EXPECT_EQ(Q("fewer than 10 lawyers"), V{"fewer than 10 =10 [-,9] up_to"});
  EXPECT_EQ(Q("under 10 lawyers"), V{"under 10 =10 [-,9] up_to"});
}

TEST(NumberExtractor, PostfixQualifiers) {
  EXPECT_EQ(Q("20 or more people"), V{"20 or more =20 [20,-] at_least"});
  EXPECT_EQ(Q("20+ people"), V{"20+ =20 [20,-] at_least"});
  EXPECT_EQ(Q("a 20-plus crowd"), V{"20-plus =20 [20,-] at_least"});
  EXPECT_EQ(Q("30-odd committees"), V{"30-odd =30 [24,36] approximate"});
  EXPECT_EQ(Q("20 or so people"), V{"20 or so =20 [16,24] approximate"});
  EXPECT_EQ(Q("10 or fewer people"), V{"10 or fewer =10 [-,10] up_to"});
}

TEST(NumberExtractor, QualifierWithoutNumberIsNothing) {
  EXPECT_EQ(Q("Some protesters were held for about an hour."), V{});
  EXPECT_EQ(Q("More than half of them left."), V{});
}

// ---- ranges ----

TEST(NumberExtractor, Ranges) {
  EXPECT_EQ(Q("30-40 people"), V{"30-40 =- [30,40] range"});
  EXPECT_EQ(Q("30 - 40 people"), V{"30 - 40 =- [30,40] range"});
  EXPECT_EQ(Q("30 to 40 people"), V{"30 to 40 =- [30,40] range"});
  EXPECT_EQ(Q("between 30 and 40 people"), V{"between 30 and 40 =- [30,40] range"});
  EXPECT_EQ(Q("two or three people"), V{"two or three =- [2,3] range"});
  EXPECT_EQ(Q("500-1000 workers"), V{"500-1000 =- [500,1000] range"});
  EXPECT_EQ(Q("30\xE2\x80\x93"
              "40 people"),
            V{"30\xE2\x80\x93"
              "40 =- [30,40] range"});
}

TEST(NumberExtractor, RangeSharesTheScaleWord) {
  EXPECT_EQ(Q("20-30 thousand people"), V{"20-30 thousand =- [20000,30000] range"});
  EXPECT_EQ(Q("between two hundred and three hundred people"),
            V{"between two hundred and three hundred =- [200,300] range"});
}

TEST(NumberExtractor, NotARangeWhenDescending) {
  EXPECT_EQ(Q("between 40 and 30 people"), (V{"40 =40 [40,40] exact", "30 =30 [30,30] exact"}));
}

TEST(NumberExtractor, ChangeIsTwoNumbersNotARange) {
  EXPECT_EQ(Q("The toll rose from 10 to 20."), (V{"10 =10 [10,10] exact", "20 =20 [20,20] exact"}));
}

// ---- vague quantities ----

TEST(NumberExtractor, VagueWords) {
  EXPECT_EQ(Q("Several people"), V{"Several =- [3,9] vague"});
  EXPECT_EQ(Q("a few people"), V{"a few =- [2,5] vague"});
  EXPECT_EQ(Q("a handful of people"), V{"a handful =- [2,5] vague"});
  EXPECT_EQ(Q("dozens of tailors"), V{"dozens =- [24,99] vague"});
  EXPECT_EQ(Q("scores of protesters"), V{"scores =- [40,99] vague"});
  EXPECT_EQ(Q("hundreds of residents"), V{"hundreds =- [200,999] vague"});
  EXPECT_EQ(Q("thousands of inmates"), V{"thousands =- [2000,9999] vague"});
  EXPECT_EQ(Q("tens of people"), V{"tens =- [20,99] vague"});
  EXPECT_EQ(Q("millions of voters"), V{"millions =- [2000000,9999999] vague"});
}

TEST(NumberExtractor, VagueCompounds) {
  EXPECT_EQ(Q("tens of thousands of people"), V{"tens of thousands =- [20000,99999] vague"});
  EXPECT_EQ(Q("hundreds of thousands of people"), V{"hundreds of thousands =- [200000,999999] vague"});
  EXPECT_EQ(Q("several hundred people"), V{"several hundred =- [300,999] vague"});
  EXPECT_EQ(Q("several thousand people"), V{"several thousand =- [3000,9999] vague"});
  EXPECT_EQ(Q("several hundreds of people"), V{"several hundreds =- [300,999] vague"});
  EXPECT_EQ(Q("a few hundred people"), V{"a few hundred =- [200,599] vague"});
  EXPECT_EQ(Q("several dozen people"), V{"several dozen =- [36,119] vague"});
}

TEST(NumberExtractor, ScoresAndTensNeedOf) {
  EXPECT_EQ(Q("He scores goals."), V{});
  EXPECT_EQ(Q("the tens digit"), V{});
}

TEST(NumberExtractor, VagueWithQualifierKeepsTheRange) {
  EXPECT_EQ(Q("at least several hundred people"), V{"at least several hundred =- [300,999] vague"});
}

TEST(NumberExtractor, UnannotatedQuantifiersAreNotQuantities) {
  EXPECT_EQ(Q("Many people and some students, a number of workers and a group of women."), V{});
}

TEST(NumberExtractor, VagueOfMoneyOrTimeIsNotACount) {
  EXPECT_EQ(Q("thousands of dollars"), V{"thousands of dollars !money"});
  EXPECT_EQ(Q("for several days"), V{"several days !duration"});
  EXPECT_EQ(Q("a few metres away"), V{"a few metres !measure"});
}

// ---- Indian numbering ----

TEST(NumberExtractor, LakhAndCrore) {
  EXPECT_EQ(Q("2 lakh people"), V{"2 lakh =200000 [200000,200000] exact"});
  EXPECT_EQ(Q("1.5 lakh people"), V{"1.5 lakh =150000 [150000,150000] exact"});
  EXPECT_EQ(Q("five crore people"), V{"five crore =50000000 [50000000,50000000] exact"});
  EXPECT_EQ(Q("one lakh volunteers"), V{"one lakh =100000 [100000,100000] exact"});
  EXPECT_EQ(Q("lakhs of people"), V{"lakhs =- [200000,999999] vague"});
}

TEST(NumberExtractor, LakhOfRupeesIsMoney) {
  EXPECT_EQ(Q("a fine of rs 5 lakh was imposed"), V{"rs 5 lakh !money"});
  EXPECT_EQ(Q("Rs 10 lakh"), V{"Rs 10 lakh !money"});
  EXPECT_EQ(Q("10 lakh rupees"), V{"10 lakh rupees !money"});
}

// ---- not counts: ages ----

TEST(NumberExtractor, HyphenatedAge) {
  EXPECT_EQ(Q("A 21-year-old was arrested."), V{"21-year-old !age"});
  EXPECT_EQ(Q("a 17-year-old boy"), V{"17-year-old !age"});
  EXPECT_EQ(Q("a 3-month-old baby"), V{"3-month-old !age"});
  EXPECT_EQ(Q("two 17-year-olds"), (V{"two =2 [2,2] exact", "17-year-olds !age"}));
}

TEST(NumberExtractor, NumberBeforeAPersonNounIsACountNotAnAge) {
  EXPECT_EQ(Q("17 people were arrested."), V{"17 =17 [17,17] exact"});
  EXPECT_EQ(Q("a 15-member delegation"), V{"15 =15 [15,15] exact"});
}

TEST(NumberExtractor, AgeWords) {
  EXPECT_EQ(Q("a boy aged 17"), V{"17 !age"});
  EXPECT_EQ(Q("a woman, age 17, was held"), V{"17 !age"});
  EXPECT_EQ(Q("17 years old"), V{"17 years old !age"});
  EXPECT_EQ(Q("17 years of age"), V{"17 years of age !age"});
  EXPECT_EQ(Q("men aged between 18 and 25"), V{"between 18 and 25 !age"});
  EXPECT_EQ(Q("under the age of 18"), V{"18 !age"});
}

TEST(NumberExtractor, AgeListsCarryOver) {
  EXPECT_EQ(Q("The boys were aged 14, 15, 15 and 17."), (V{"14 !age", "15 !age", "15 !age", "17 !age"}));
}

TEST(NumberExtractor, AgeAfterNameBetweenCommas) {
  EXPECT_EQ(Q("Dorin Parish, 21, was charged."), V{"21 !age"});
  EXPECT_EQ(Q("Police arrested Maria Davis, 19."), V{"19 !age"});
  EXPECT_EQ(Q("Lena Ortiz, 30, and Tomas Bey, 28, were held."), (V{"30 !age", "28 !age"}));
  EXPECT_EQ(Q("Wen Lio (35) was held."), V{"35 !age"});
}

TEST(NumberExtractor, CountAfterCommaIsNotAnAge) {
  EXPECT_EQ(Q("In Varnholm, 21 people were held."), V{"21 =21 [21,21] exact"});
  EXPECT_EQ(Q("On Tuesday, 21, maybe more, were held."), V{"21 =21 [21,21] exact"});
}

// The first age of a pair shares the second's unit: "19- and 20-year-old brothers", "20 and 24
// year old men"; "yo" abbreviates "years old" ("8 yo girl"). Two counts joined by "and" stay
// counts.
TEST(NumberExtractor, TheFirstAgeOfAPairAndYoAreAges) {
  EXPECT_EQ(Q("the 19- and 20-year-old brothers"), (V{"19 !age", "20-year-old !age"}));
  EXPECT_EQ(Q("the 20 and 24 year old men"), (V{"20 !age", "24 year old !age"}));
  EXPECT_EQ(Q("an 8 yo girl"), V{"8 yo !age"});
  EXPECT_EQ(Q("12 men and 4 women were held"), (V{"12 =12 [12,12] exact", "4 =4 [4,4] exact"}));
}

TEST(NumberExtractor, AgeDecades) {
  EXPECT_EQ(Q("a man in his 40s"), V{"40s !age"});
  EXPECT_EQ(Q("a woman in her late 20s"), V{"20s !age"});
  EXPECT_EQ(Q("in the 1990s"), V{"1990s !year"});
}

TEST(NumberExtractor, ChildrenUnderIsAnAge) {
  EXPECT_EQ(Q("children under 12 were released"), V{"under 12 !age"});
  EXPECT_EQ(Q("under 12 people were released"), V{"under 12 =12 [-,11] up_to"});
}

// ---- not counts: years and dates ----

TEST(NumberExtractor, Years) {
  EXPECT_EQ(Q("in 2014"), V{"2014 !year"});
  EXPECT_EQ(Q("the 2019 election"), V{"2019 !year"});
  EXPECT_EQ(Q("since 2010"), V{"2010 !year"});
  EXPECT_EQ(Q("the 2019-20 budget"), V{"2019-20 !year"});
  EXPECT_EQ(Q("from 2019 to 2020"), V{"2019 to 2020 !year"});
  EXPECT_EQ(Q("mid-2019"), V{"2019 !year"});
}

TEST(NumberExtractor, FourDigitNumberHeadingPeopleIsACount) {
  // Documented choice: 1900-2100 followed by a person noun is a head count.
  EXPECT_EQ(Q("2014 protesters marched."), V{"2014 =2014 [2014,2014] exact"});
  EXPECT_EQ(Q("In 2000, 2000 people marched."), (V{"2000 !year", "2000 =2000 [2000,2000] exact"}));
  EXPECT_EQ(Q("about 2000 marched"), V{"about 2000 =2000 [1600,2400] approximate"});
  EXPECT_EQ(Q("1,950 marched"), V{"1,950 =1950 [1950,1950] exact"});
}

TEST(NumberExtractor, Dates) {
  EXPECT_EQ(Q("On 9 May 2020, 20 protesters were held."), (V{"9 !date", "2020 !year", "20 =20 [20,20] exact"}));
  EXPECT_EQ(Q("on May 9"), V{"9 !date"});
  EXPECT_EQ(Q("on Feb. 4, 2014"), (V{"4 !date", "2014 !year"}));
  EXPECT_EQ(Q("on 3/4/2020"), V{"3/4/2020 !date"});
  EXPECT_EQ(Q("on 2020-05-09"), V{"2020-05-09 !date"});
  EXPECT_EQ(Q("on 09-05-2020"), V{"09-05-2020 !date"});
  EXPECT_EQ(Q("on the 9th of May"), V{"9th !ordinal"});
  // A qualifier stays part of the phrase whatever the number turns out to be.
  EXPECT_EQ(Q("Around 4 May 2020 (3-4 May)"), (V{"Around 4 !date", "2020 !year", "3-4 !date"}));
}

TEST(NumberExtractor, MonthNameFollowedByCountIsACount) {
  EXPECT_EQ(Q("In March 20 people were arrested."), V{"20 =20 [20,20] exact"});
  EXPECT_EQ(Q("the march 20 people joined"), V{"20 =20 [20,20] exact"});
  EXPECT_EQ(Q("arrested on march 5"), V{"5 !date"});
  EXPECT_EQ(Q("the march 15 ceremony"), V{"15 !date"});
  EXPECT_EQ(Q("from 9 may 2002"), (V{"9 !date", "2002 !year"}));
  EXPECT_EQ(Q("the 5 may be released"), V{"5 =5 [5,5] exact"});
}

TEST(NumberExtractor, DateListsCarryOverOnlyAcrossAnd) {
  EXPECT_EQ(Q("on May 9 and 10"), (V{"9 !date", "10 !date"}));
  EXPECT_EQ(Q("On May 9, 20 were arrested."), (V{"9 !date", "20 =20 [20,20] exact"}));
}

// ---- not counts: times ----

TEST(NumberExtractor, Times) {
  EXPECT_EQ(Q("at 10:30"), V{"10:30 !time"});
  EXPECT_EQ(Q("at 7 p.m."), V{"7 p.m. !time"});
  EXPECT_EQ(Q("at 7:35 p.m. Wednesday"), V{"7:35 p.m. !time"});
  EXPECT_EQ(Q("at 11am"), V{"11am !time"});
  EXPECT_EQ(Q("at 10.30am"), V{"10.30am !time"});
  EXPECT_EQ(Q("at 3 o'clock"), V{"3 o'clock !time"});
  EXPECT_EQ(Q("at 1800 hours"), V{"1800 hours !time"});
  EXPECT_EQ(Q("by 0930 hrs"), V{"0930 hrs !time"});
  EXPECT_EQ(Q("at 9.30 the crowd left"), V{"9.30 !time"});
}

TEST(NumberExtractor, HoursAfterACountAreADuration) {
  EXPECT_EQ(Q("for 48 hours"), V{"48 hours !duration"});
  EXPECT_EQ(Q("for 1000 hours"), V{"1000 hours !duration"});
}

// ---- not counts: money ----

TEST(NumberExtractor, Money) {
  EXPECT_EQ(Q("bail of $5,000"), V{"$5,000 !money"});
  EXPECT_EQ(Q("more than $5 million"), V{"more than $5 million !money"});
  EXPECT_EQ(Q("5,000 dollars"), V{"5,000 dollars !money"});
  EXPECT_EQ(Q("a \xE2\x82\xAC"
              "300 fine"),
            V{"\xE2\x82\xAC"
              "300 !money"});
  EXPECT_EQ(Q("\xC2\xA3"
              "20"),
            V{"\xC2\xA3"
              "20 !money"});
  EXPECT_EQ(Q("500 tenge"), V{"500 tenge !money"});
  EXPECT_EQ(Q("a fine of 100"), V{"100 !money"});
  EXPECT_EQ(Q("he was fined 500"), V{"500 !money"});
  EXPECT_EQ(Q("$5m in damages"), V{"$5m !money"});
  EXPECT_EQ(Q("500 US dollars"), V{"500 US dollars !money"});
}

TEST(NumberExtractor, MoneyValueIsStillParsed) {
  tokens::Tokenizer tokenizer;
  tokens::TokenizedText doc;
  std::string text = "a bail of Rs 2 lakh";
  tokenizer.Tokenize(text, &doc);
  std::vector<Quantity> out;
  NumberExtractor().Extract(doc, 0, static_cast<uint32_t>(doc.tokens.size()), &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].not_count, NotCount::kMoney);
  EXPECT_EQ(out[0].value, 200000);
}

TEST(NumberExtractor, RsWithDotAcrossSentenceBreak) {
  // Wherever the sentence splitter puts the break after "Rs.", the amount is money.
  V got = Q("He paid Rs. 500 to the clerk.");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].find("!money"), std::string::npos) << got[0];
}

// How often is no head count: "fired at the van four times", "fired 12 times".
TEST(NumberExtractor, TimesIsHowOftenNotPeople) {
  EXPECT_EQ(Q("the sniper fired at the van four times"), V{"four times !measure"});
  EXPECT_EQ(Q("officers fired 12 times"), V{"12 times !measure"});
}

// "a girl younger than 9", "men older than 60": ages.
TEST(NumberExtractor, YoungerOrOlderThanIsAnAge) {
  EXPECT_EQ(Q("a girl younger than 9 was hurt"), V{"9 !age"});
  EXPECT_EQ(Q("two men older than 60 were hurt"), (V{"two =2 [2,2] exact", "60 !age"}));
}

// The last age of a list is an age also before the verb: "two boys aged 12 and 13 were hurt".
TEST(NumberExtractor, TheLastAgeOfAListBeforeAVerbIsAnAge) {
  EXPECT_EQ(Q("two boys aged 12 and 13 were hurt"), (V{"two =2 [2,2] exact", "12 !age", "13 !age"}));
  EXPECT_EQ(Q("three girls ages 12, 13 and 16 are recovering"),
            (V{"three =3 [3,3] exact", "12 !age", "13 !age", "16 !age"}));
}

// A bare number after an active penalty verb is people: "a court jailed 12 and fined 30" fined
// thirty people. Money needs a currency, "of N", or a passive ("he was fined 500": the subject
// is the person, the number what he paid).
TEST(NumberExtractor, BareNumberAfterAnActivePenaltyVerbIsACount) {
  EXPECT_EQ(Q("a tribunal in Korvath jailed 12 and fined 30."), (V{"12 =12 [12,12] exact", "30 =30 [30,30] exact"}));
  EXPECT_EQ(Q("the magistrate fined 45 and warned the rest"), V{"45 =45 [45,45] exact"});
  EXPECT_EQ(Q("the organiser was jailed for six days and fined 300."), (V{"six days !duration", "300 !money"}));
  EXPECT_EQ(Q("they were each fined 250 on Monday"), V{"250 !money"});
  EXPECT_EQ(Q("the magistrate fined 45 dollars"), V{"45 dollars !money"});
}

TEST(NumberExtractor, CountNearMoneyWordsStaysACount) { EXPECT_EQ(Q("5 people were fined"), V{"5 =5 [5,5] exact"}); }

// ---- not counts: durations, percentages, measures ----

TEST(NumberExtractor, Durations) {
  EXPECT_EQ(Q("three days"), V{"three days !duration"});
  EXPECT_EQ(Q("10 years in prison"), V{"10 years !duration"});
  EXPECT_EQ(Q("two weeks"), V{"two weeks !duration"});
  EXPECT_EQ(Q("six months"), V{"six months !duration"});
  EXPECT_EQ(Q("a three-day strike"), V{"three-day !duration"});
  EXPECT_EQ(Q("one day later"), V{"one day !duration"});
  EXPECT_EQ(Q("5 to 10 years"), V{"5 to 10 years !duration"});
  EXPECT_EQ(Q("less than 24 hours"), V{"less than 24 hours !duration"});
}

TEST(NumberExtractor, Percentages) {
  EXPECT_EQ(Q("50%"), V{"50% !percent"});
  EXPECT_EQ(Q("50 percent"), V{"50 percent !percent"});
  EXPECT_EQ(Q("50 per cent"), V{"50 per cent !percent"});
  EXPECT_EQ(Q("30-40% of voters"), V{"30-40% !percent"});
  EXPECT_EQ(Q("3.5 percent"), V{"3.5 percent !percent"});
}

TEST(NumberExtractor, Measures) {
  EXPECT_EQ(Q("5 km away"), V{"5 km !measure"});
  EXPECT_EQ(Q("10 kg of drugs"), V{"10 kg !measure"});
  EXPECT_EQ(Q("a 9mm pistol"), V{"9mm !measure"});
  EXPECT_EQ(Q("100 metres"), V{"100 metres !measure"});
  EXPECT_EQ(Q("three miles"), V{"three miles !measure"});
  EXPECT_EQ(Q("a .40-caliber handgun"), V{"40-caliber !measure"});
  EXPECT_EQ(Q("5 square kilometres"), V{"5 square kilometres !measure"});
  EXPECT_EQ(Q("caliber 14.5mm weapons"), V{"14.5mm !measure"});
}

// Wounds are counted on a body, not people; the people who have them still count.
TEST(NumberExtractor, WoundsAreObjects) {
  EXPECT_EQ(Q("he suffered 23 stab wounds"), V{"23 stab wounds !object"});
  EXPECT_EQ(Q("two gunshot wounds to the chest"), V{"two gunshot wounds !object"});
  EXPECT_EQ(Q("14 wounds"), V{"14 wounds !object"});
  EXPECT_EQ(Counts("Eight sustained gunshot wounds."), V{"Eight =8 [8,8] exact"});
  EXPECT_EQ(Counts("two men with gunshot wounds"), V{"two =2 [2,2] exact"});
}

// Vehicles, doors and a charge's counts are things, not people: "two cars were blocking the
// ramp" and "nearly 100 patrol cars formed a line" count no marchers, "four counts of burglary"
// no one charged.
TEST(NumberExtractor, VehiclesDoorsAndChargeCountsAreObjects) {
  EXPECT_EQ(Q("two cars were blocking the ramp"), V{"two cars !object"});
  EXPECT_EQ(Q("nearly 100 patrol cars formed a line"), V{"nearly 100 patrol cars !object"});
  EXPECT_EQ(Q("she lived three doors away"), V{"three doors !object"});
  EXPECT_EQ(Q("faces four counts of burglary"), V{"four counts !object"});
  EXPECT_EQ(Counts("two men in a car"), V{"two =2 [2,2] exact"});
}

// ---- not counts: addresses, ids, phones, decimals ----

TEST(NumberExtractor, StreetNumbers) {
  EXPECT_EQ(Q("at 937 Euharlee Road"), V{"937 Euharlee Road !address"});
  EXPECT_EQ(Q("in the 1200 block of Main Street"), V{"1200 block !address"});
  EXPECT_EQ(Q("at 100 N. Main St. in Dunmore"), V{"100 N. Main St. !address"});
}

TEST(NumberExtractor, CountBeforeCapitalizedNamesIsNotAnAddress) {
  EXPECT_EQ(Q("937 Euharlee residents"), V{"937 =937 [937,937] exact"});
}

TEST(NumberExtractor, NumberedThings) {
  EXPECT_EQ(Q("under Section 144"), V{"144 !id"});
  EXPECT_EQ(Q("imposed section 144 crpc"), V{"144 !id"});
  EXPECT_EQ(Q("Article 370"), V{"370 !id"});
  EXPECT_EQ(Q("on Route 9"), V{"9 !id"});
  EXPECT_EQ(Q("Flight 17 landed"), V{"17 !id"});
  EXPECT_EQ(Q("FIR No. 123"), V{"123 !id"});
  EXPECT_EQ(Q("an AK-47 rifle"), V{"47 !id"});
  EXPECT_EQ(Q("COVID-19 cases"), V{"19 !id"});
  EXPECT_EQ(Q("room #5"), V{"5 !id"});
  EXPECT_EQ(Q("sections 302, 307 and 34 of the IPC"), (V{"302 !id", "307 !id", "34 !id"}));
}

TEST(NumberExtractor, LowercaseIdNounNeedsTheListedWords) {
  EXPECT_EQ(Q("the flight 17 passengers took"), V{"17 =17 [17,17] exact"});
}

TEST(NumberExtractor, LongDigitStringsAndPhones) {
  EXPECT_EQ(Q("case 20200512345 was filed"), V{"20200512345 !id"});
  EXPECT_EQ(Q("call 5551234"), V{"5551234 !phone"});
  EXPECT_EQ(Q("call 555-1234"), V{"555-1234 !phone"});
  EXPECT_EQ(Q("at 765-555-0199"), V{"765-555-0199 !phone"});
  EXPECT_EQ(Q("at (310) 555-0100"), (V{"310 =310 [310,310] exact", "555-0100 !phone"}));
  EXPECT_EQ(Q("dial +91 98765 43210 now"), V{"+91 98765 43210 !phone"});
}

TEST(NumberExtractor, ScoreLines) {
  EXPECT_EQ(Q("they won 2-1"), V{"2-1 !id"});
  EXPECT_EQ(Q("a 5-4 vote"), V{"5-4 !id"});
}

TEST(NumberExtractor, Decimals) {
  EXPECT_EQ(Q("a 3.5 magnitude quake"), V{"3.5 !decimal"});
  EXPECT_EQ(Q("two-thirds of members"), V{"two-thirds !decimal"});
  EXPECT_EQ(Q("one third of members"), V{"one third !decimal"});
}

TEST(NumberExtractor, VersionLikeNumbersAreIds) { EXPECT_EQ(Q("version 1.2.3"), V{"1.2.3 !id"}); }

TEST(NumberExtractor, CalibresAndFootnotes) {
  EXPECT_EQ(Q("a Colt .45 handgun"), V{"45 !measure"});
  EXPECT_EQ(Q("as reported.[96] Two men were held."), (V{"96 !id", "Two =2 [2,2] exact"}));
}

TEST(NumberExtractor, EmergencyNumbers) {
  EXPECT_EQ(Q("a friend called 911"), V{"911 !phone"});
  EXPECT_EQ(Q("a 911 call"), V{"911 !phone"});
  EXPECT_EQ(Q("911 people signed"), V{"911 =911 [911,911] exact"});
  EXPECT_EQ(Q("call 502-574-LMPD"), V{"502-574 !phone"});
}

TEST(NumberExtractor, RatesAndWeights) {
  EXPECT_EQ(Q("12 incidents per 100,000 residents"), (V{"12 =12 [12,12] exact", "100,000 !measure"}));
  EXPECT_EQ(Q("he weighs 185 pounds"), V{"185 pounds !measure"});
  EXPECT_EQ(Q("a fine of 500 pounds"), V{"500 pounds !money"});
  EXPECT_EQ(Q("about 5-foot-11"), (V{"about 5-foot !measure", "11 !measure"}));
}

TEST(NumberExtractor, BlockNumberThatLooksLikeAYear) {
  EXPECT_EQ(Q("in the 2000 block of Quillon Street"), V{"2000 block !address"});
}

TEST(NumberExtractor, AgeInMonthsAfterName) {
  EXPECT_EQ(Q("Avery Ruiz, 23 months, died."), V{"23 months !age"});
  EXPECT_EQ(Q("He served 23 months, then left."), V{"23 months !duration"});
}

TEST(NumberExtractor, StationNamesAndGalleries) {
  EXPECT_EQ(Q("Copyright WAVE 3 News."), V{"3 !id"});
  EXPECT_EQ(Q("Stay with Channel 3 for more."), V{"3 !id"});
  EXPECT_EQ(Q("Image 3 of 14 Police say"), (V{"3 !id", "14 !id"}));
}

TEST(NumberExtractor, ThousandsWrittenOnceInARange) {
  EXPECT_EQ(Q("a 10-15,000 strong crowd"), V{"10-15,000 =- [10000,15000] range"});
  EXPECT_EQ(Q("5-1,000 people"), V{"5-1,000 =- [5,1000] range"});
}

TEST(NumberExtractor, SmallCodesAndEnumerations) {
  EXPECT_EQ(Q("in the 80s"), V{"80s !year"});
  EXPECT_EQ(Q("badge 0042 was found"), V{"0042 !id"});
  EXPECT_EQ(Q("a .5 gram bag"), V{"5 gram !measure"});
  EXPECT_EQ(Q("a .5 bag"), V{"5 !decimal"});
  EXPECT_EQ(Q("1.\nPolice held 4 men."), (V{"1 !id", "4 =4 [4,4] exact"}));
}

TEST(NumberExtractor, OtherQuantifierWordsAreNotQuantities) {
  EXPECT_EQ(Q("Few people, numerous students and multiple workers came."), V{});
}

// ---- ordinals ----

TEST(NumberExtractor, Ordinals) {
  EXPECT_EQ(Q("the 21st protest"), V{"21st !ordinal"});
  EXPECT_EQ(Q("the third arrest"), V{"third !ordinal"});
  EXPECT_EQ(Q("the twenty-first day"), V{"twenty-first !ordinal"});
  EXPECT_EQ(Q("the 4th Division"), V{"4th !ordinal"});
}

TEST(NumberExtractor, OrdinalValueIsParsed) {
  tokens::Tokenizer tokenizer;
  tokens::TokenizedText doc;
  std::string text = "the twenty-first day";
  tokenizer.Tokenize(text, &doc);
  std::vector<Quantity> out;
  NumberExtractor().Extract(doc, 0, static_cast<uint32_t>(doc.tokens.size()), &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].value, 21);
}

// ---- sentences ----

TEST(NumberExtractor, SeveralQuantitiesInReadingOrder) {
  EXPECT_EQ(Q("At least 15 people, including two journalists, were detained on 9 May in "
              "Varnholm; 3 were released after 48 hours."),
            (V{"At least 15 =15 [15,-] at_least", "two =2 [2,2] exact", "9 !date", "3 =3 [3,3] exact",
               "48 hours !duration"}));
}

TEST(NumberExtractor, GunViolenceStyleSentence) {
  EXPECT_EQ(Counts("Jon Brack, 24, and a 17-year-old were shot at 11:40 p.m. in the 300 block "
                   "of Elm Street; two others were wounded."),
            V{"two =2 [2,2] exact"});
}

TEST(NumberExtractor, OnlyTheGivenTokenRangeIsScanned) {
  tokens::Tokenizer tokenizer;
  tokens::TokenizedText doc;
  std::string text = "12 marched. 30 were held.";
  tokenizer.Tokenize(text, &doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  std::vector<Quantity> out;
  NumberExtractor extractor;
  extractor.Extract(doc, doc.sentences[1].begin_token, doc.sentences[1].end_token, &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].span.Of(text), "30");
  // Appends; an empty or inverted range adds nothing.
  extractor.Extract(doc, 3, 3, &out);
  extractor.Extract(doc, 5, 2, &out);
  extractor.Extract(doc, 0, 1000, &out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].span.Of(text), "12");
}

TEST(NumberExtractor, PhraseDoesNotRunPastTheRange) {
  tokens::Tokenizer tokenizer;
  tokens::TokenizedText doc;
  std::string text = "at least 20 people";
  tokenizer.Tokenize(text, &doc);
  std::vector<Quantity> out;
  NumberExtractor().Extract(doc, 0, 2, &out);  // "at least" only
  EXPECT_TRUE(out.empty());
  NumberExtractor().Extract(doc, 2, 3, &out);  // "20" alone: exact
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, QuantityKind::kExact);
}

TEST(NumberExtractor, Names) {
  EXPECT_EQ(NotCountName(NotCount::kNone), "none");
  EXPECT_EQ(NotCountName(NotCount::kAge), "age");
  EXPECT_EQ(NotCountName(NotCount::kAddress), "address");
  EXPECT_EQ(NotCountName(NotCount::kDecimal), "decimal");
  EXPECT_EQ(QuantityKindName(QuantityKind::kAtLeast), "at_least");
  EXPECT_EQ(QuantityKindName(QuantityKind::kMoreThan), "more_than");
  EXPECT_EQ(QuantityKindName(QuantityKind::kVague), "vague");
  Quantity q;
  EXPECT_TRUE(q.IsCount());
  EXPECT_FALSE(q.approximate());
}

TEST(NumberExtractor, EmptyAndPunctuationOnlyInput) {
  EXPECT_EQ(Q(""), V{});
  EXPECT_EQ(Q("- , . : / $ % +"), V{});
}

TEST(NumberExtractor, HugeNumbersDoNotOverflow) {
  V got = Q("999999999999999999999999 people and 9 billion billion");
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got[0], "999999999999999999999999 !id");
}

}  // namespace
}  // namespace evident::extract
