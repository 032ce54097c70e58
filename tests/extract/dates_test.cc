#include "extract/dates.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "tokens/tokenizer.h"

namespace evident::extract {
namespace {

// One extracted mention, flattened for readable expectations.
struct Found {
  std::string text;   // the span's text
  std::string value;  // YYYY-MM-DD
  DatePrecision precision;
  DateBasis basis;
};

// Tokenizes `text` with the real tokenizer and extracts every sentence. `published` is
// "YYYY-MM-DD" or empty for none.
class DatesTest : public ::testing::Test {
 protected:
  std::vector<Found> Run(std::string_view text, std::string_view published) {
    text_ = std::string(text);
    tokenizer_.Tokenize(text_, &doc_);
    std::optional<CivilDate> pub;
    if (!published.empty()) {
      pub = ParseIsoDate(published);
      EXPECT_TRUE(pub.has_value()) << published;
    }
    mentions_.clear();
    for (const auto& s : doc_.sentences) extractor_.Extract(doc_, s.begin_token, s.end_token, pub, &mentions_);
    std::vector<Found> found;
    for (const auto& m : mentions_) {
      EXPECT_LE(m.span.end, text_.size());
      EXPECT_LT(m.begin_token, m.end_token);
      EXPECT_EQ(m.span.begin, doc_.tokens[m.begin_token].span.begin);
      found.push_back(Found{std::string(m.span.Of(text_)), FormatIsoDate(m.value), m.precision, m.basis});
    }
    return found;
  }

  // The only mention in `text`; fails the test if there is not exactly one.
  Found One(std::string_view text, std::string_view published) {
    std::vector<Found> found = Run(text, published);
    EXPECT_EQ(found.size(), 1u) << text;
    if (found.empty()) return Found{"<none>", "", DatePrecision::kDay, DateBasis::kExplicit};
    return found[0];
  }

  std::string text_;
  tokens::Tokenizer tokenizer_;
  tokens::TokenizedText doc_;
  DateExtractor extractor_;
  std::vector<DateMention> mentions_;
};

constexpr auto kDay = DatePrecision::kDay;
constexpr auto kMonth = DatePrecision::kMonth;
constexpr auto kYear = DatePrecision::kYear;
constexpr auto kExplicit = DateBasis::kExplicit;
constexpr auto kRelative = DateBasis::kRelative;

#define EXPECT_FOUND(found, t, v, p, b)    \
  do {                                     \
    const Found& f_ = (found);             \
    EXPECT_EQ(f_.text, t);                 \
    EXPECT_EQ(f_.value, v);                \
    EXPECT_EQ(f_.precision, p) << f_.text; \
    EXPECT_EQ(f_.basis, b) << f_.text;     \
  } while (0)

// ---- explicit dates ----

TEST_F(DatesTest, DayMonthYear) {
  EXPECT_FOUND(One("On 9 May 2020, nurses marched in Velmora.", "2020-05-09"), "9 May 2020", "2020-05-09", kDay,
               kExplicit);
  EXPECT_FOUND(One("Around 14 April 2020 (as reported), a farmer was beaten.", "2020-04-20"), "14 April 2020",
               "2020-04-14", kDay, kExplicit);
}

TEST_F(DatesTest, SpanIsExactByteRange) {
  Run("On 28 April 2020 police detained two men.", "2020-04-30");
  ASSERT_EQ(mentions_.size(), 1u);
  EXPECT_EQ(mentions_[0].span.begin, 3u);
  EXPECT_EQ(mentions_[0].span.end, 16u);
  EXPECT_EQ(mentions_[0].begin_token, 1u);
  EXPECT_EQ(mentions_[0].end_token, 4u);
}

TEST_F(DatesTest, MonthDayYearWithAbbreviationDot) {
  EXPECT_FOUND(One("BRANTFORD (Feb. 4, 2014) - Deputies believe the man fled.", "2014-02-05"), "Feb. 4, 2014",
               "2014-02-04", kDay, kExplicit);
  EXPECT_FOUND(One("The hearing was held Sept. 12, 2019 in Orlin.", "2019-09-20"), "Sept. 12, 2019", "2019-09-12", kDay,
               kExplicit);
  EXPECT_FOUND(One("(Posted on: March 3, 2015)", "2015-03-03"), "March 3, 2015", "2015-03-03", kDay, kExplicit);
}

TEST_F(DatesTest, AbbreviationWithoutDotNextToNumber) {
  EXPECT_FOUND(One("Updated Oct 9, 2016 at noon.", "2016-10-09"), "Oct 9, 2016", "2016-10-09", kDay, kExplicit);
}

TEST_F(DatesTest, Ordinals) {
  EXPECT_FOUND(One("The rally on March 15th drew a crowd.", "2020-03-20"), "March 15th", "2020-03-15", kDay, kRelative);
  EXPECT_FOUND(One("Workers struck on the 15th of March.", "2020-03-20"), "15th of March", "2020-03-15", kDay,
               kRelative);
  EXPECT_FOUND(One("On 1st May 2020, workers marched.", "2020-05-02"), "1st May 2020", "2020-05-01", kDay, kExplicit);
}

TEST_F(DatesTest, LowercaseMonthNames) {
  EXPECT_FOUND(One("this story is from march 10, 2002", "2002-03-10"), "march 10, 2002", "2002-03-10", kDay, kExplicit);
  EXPECT_FOUND(One("the procession will be held on march 15 in the town.", "2002-03-10"), "march 15", "2002-03-15",
               kDay, kRelative);
  EXPECT_FOUND(One("the plan was due in may 2002 at the latest.", "2002-03-10"), "may 2002", "2002-05-01", kMonth,
               kExplicit);
  EXPECT_FOUND(One("police fired on 15 may near the gate.", "2002-06-10"), "15 may", "2002-05-15", kDay, kRelative);
}

TEST_F(DatesTest, IsoDate) {
  EXPECT_FOUND(One("Filed 2020-05-09 by the clerk.", "2020-05-10"), "2020-05-09", "2020-05-09", kDay, kExplicit);
  // The tokenizer glues "09T10"; the span stops at the day.
  EXPECT_FOUND(One("Timestamp 2020-05-09T10:00:00Z here.", "2020-05-10"), "2020-05-09", "2020-05-09", kDay, kExplicit);
  EXPECT_FOUND(One("See example.com/news/2015/04/17/crash-report for more.", "2015-04-18"), "2015/04/17", "2015-04-17",
               kDay, kExplicit);
}

TEST_F(DatesTest, NumericDatesPreferMonthFirstUnlessUnambiguous) {
  EXPECT_FOUND(One("Arrested 13/05/2020 at the market.", "2020-05-20"), "13/05/2020", "2020-05-13", kDay, kExplicit);
  EXPECT_FOUND(One("Arrested 05/13/2020 at the market.", "2020-05-20"), "05/13/2020", "2020-05-13", kDay, kExplicit);
  // Both parts <= 12: month first (US), the sources that write such dates.
  EXPECT_FOUND(One("Arrested 03/05/2020 at the market.", "2020-05-20"), "03/05/2020", "2020-03-05", kDay, kExplicit);
  // ... unless only the day-first reading is not after publication.
  EXPECT_FOUND(One("Arrested 05/03/2020 at the market.", "2020-03-10"), "05/03/2020", "2020-03-05", kDay, kExplicit);
  EXPECT_FOUND(One("Posted 6/24/14 by staff.", "2014-06-25"), "6/24/14", "2014-06-24", kDay, kExplicit);
  EXPECT_FOUND(One("Case filed 9-15-16 downtown.", "2016-09-16"), "9-15-16", "2016-09-15", kDay, kExplicit);
  EXPECT_FOUND(One("Stand 09.05.2020 laut Polizei.", "2020-05-10"), "09.05.2020", "2020-05-09", kDay, kExplicit);
}

TEST_F(DatesTest, NumericNonDatesIgnored) {
  EXPECT_TRUE(Run("Call 713-308-3600 with tips.", "2020-05-10").empty());
  EXPECT_TRUE(Run("The team won 24/7 coverage 3/4 of the time.", "2020-05-10").empty());
  EXPECT_TRUE(Run("Open 1/2/3/2020 now.", "2020-05-10").empty());
}

TEST_F(DatesTest, MonthYearAndBareYear) {
  EXPECT_FOUND(One("The clinic closed in December 2019.", "2020-05-10"), "December 2019", "2019-12-01", kMonth,
               kExplicit);
  EXPECT_FOUND(One("He was convicted in 2014 of robbery.", "2020-05-10"), "2014", "2014-01-01", kYear, kExplicit);
  EXPECT_FOUND(One("Tensions rose in mid-2019 again.", "2020-05-10"), "2019", "2019-01-01", kYear, kExplicit);
  EXPECT_FOUND(One("He was jailed in June of 2015 for theft.", "2020-05-10"), "June of 2015", "2015-06-01", kMonth,
               kExplicit);
}

TEST_F(DatesTest, NumbersThatAreNotYears) {
  EXPECT_TRUE(Run("A crowd of 2000 gathered.", "2020-05-10").empty());
  EXPECT_TRUE(Run("Police counted 1995 ballots.", "2020-05-10").empty());
  EXPECT_TRUE(Run("The fire spread in 2000 homes.", "2020-05-10").empty());
}

// ---- month and month-day without a year ----

TEST_F(DatesTest, BareMonthTakesPublicationYearOrThePreviousOne) {
  EXPECT_FOUND(One("Protests began in December.", "2020-01-10"), "December", "2019-12-01", kMonth, kRelative);
  EXPECT_FOUND(One("Protests began in January.", "2020-01-10"), "January", "2020-01-01", kMonth, kRelative);
  EXPECT_FOUND(One("The strike lasted until mid-April.", "2020-05-10"), "April", "2020-04-01", kMonth, kRelative);
}

TEST_F(DatesTest, BareMonthUpToThreeMonthsAheadIsThisYear) {
  EXPECT_FOUND(One("Their trial is due to open in May.", "2020-03-14"), "May", "2020-05-01", kMonth, kRelative);
  EXPECT_FOUND(One("He was released in June.", "2020-01-10"), "June", "2019-06-01", kMonth, kRelative);
}

TEST_F(DatesTest, BareMonthNeedsAPreposition) {
  EXPECT_TRUE(Run("April Dunmore said the gate was locked.", "2020-05-10").empty());
  EXPECT_TRUE(Run("The trial of June Alwick resumed.", "2020-05-10").empty());
  EXPECT_TRUE(Run("Ask Jan about it.", "2020-05-10").empty());
}

TEST_F(DatesTest, MonthDayTakesTheYearOfPublication) {
  EXPECT_FOUND(One("He was shot on Jan. 5 outside a bar.", "2014-02-05"), "Jan. 5", "2014-01-05", kDay, kRelative);
}

TEST_F(DatesTest, MonthDayAcrossTheYearBoundary) {
  EXPECT_FOUND(One("The shooting happened Dec. 28 near the pier.", "2020-01-03"), "Dec. 28", "2019-12-28", kDay,
               kRelative);
  EXPECT_FOUND(One("She is due in court on Jan. 6.", "2019-12-28"), "Jan. 6", "2020-01-06", kDay, kRelative);
}

TEST_F(DatesTest, MonthDayUpToThreeMonthsAheadIsAScheduledDate) {
  EXPECT_FOUND(One("He is due in court on April 8.", "2020-03-01"), "April 8", "2020-04-08", kDay, kRelative);
  // Far ahead: the past one.
  EXPECT_FOUND(One("The boy was killed Nov. 2 in the park.", "2020-03-01"), "Nov. 2", "2019-11-02", kDay, kRelative);
}

// A date read ahead keeps its past reading for an event the text reports as done; a date
// read in the past, a written year or a weekday has none.
TEST_F(DatesTest, DateReadAheadKeepsItsPastReading) {
  ASSERT_EQ(Run("He is due in court on April 8 and in May.", "2020-03-01").size(), 2u);
  EXPECT_EQ(FormatIsoDate(mentions_[0].past_value), "2019-04-08");
  EXPECT_EQ(FormatIsoDate(mentions_[1].past_value), "2019-05-01");
  ASSERT_EQ(Run("They met on Feb. 29 at the hall.", "2020-01-10").size(), 1u);
  EXPECT_EQ(FormatIsoDate(mentions_[0].value), "2020-02-29");
  EXPECT_EQ(FormatIsoDate(mentions_[0].past_value), "2016-02-29");
  for (std::string_view text : {"He was hurt on Feb. 20.", "He is due on April 8, 2020.", "He left on Tuesday."}) {
    ASSERT_EQ(Run(text, "2020-03-01").size(), 1u) << text;
    EXPECT_EQ(mentions_[0].past_value.year, 0) << text;
  }
}

TEST_F(DatesTest, MonthOrDayWithLastYear) {
  EXPECT_FOUND(One("the deal was signed on may 25 last year.", "2002-03-10"), "may 25 last year", "2001-05-25", kDay,
               kRelative);
  EXPECT_FOUND(One("The mill closed in June last year.", "2002-03-10"), "June last year", "2001-06-01", kMonth,
               kRelative);
}

// ---- leap years and invalid dates ----

TEST_F(DatesTest, LeapDay) {
  EXPECT_FOUND(One("On 29 February 2020 the march ended.", "2020-03-01"), "29 February 2020", "2020-02-29", kDay,
               kExplicit);
  EXPECT_FOUND(One("They met on Feb. 29 at the hall.", "2021-03-10"), "Feb. 29", "2020-02-29", kDay, kRelative);
}

TEST_F(DatesTest, InvalidDatesAreDroppedWhole) {
  EXPECT_TRUE(Run("On 29 February 2019 nothing happened.", "2019-03-10").empty());
  EXPECT_TRUE(Run("On 31 February 2020 nothing happened.", "2020-03-10").empty());
  EXPECT_TRUE(Run("Filed April 31, 2020 in error.", "2020-05-10").empty());
  EXPECT_TRUE(Run("Filed 13/13/2020 in error.", "2020-05-10").empty());
  EXPECT_TRUE(Run("Filed 2020-02-30 in error.", "2020-05-10").empty());
  EXPECT_TRUE(Run("Filed on Monday, February 30, 2020 in error.", "2020-05-10").empty());
}

// ---- "may", "march", "sat", "sun", "wed" as ordinary words ----

TEST_F(DatesTest, MayTheModalIsNotADate) {
  EXPECT_TRUE(Run("Protesters may gather again.", "2020-05-10").empty());
  EXPECT_TRUE(Run("up to 15 may have died in the clash.", "2020-05-10").empty());
  EXPECT_TRUE(Run("the court may hear the case in may.", "2020-05-10").empty());
  EXPECT_TRUE(Run("May the court hear us.", "2020-05-10").empty());
  EXPECT_TRUE(Run("OFFICIALS SAY 15 MAY HAVE DIED", "2020-05-10").empty());
}

TEST_F(DatesTest, MarchTheNounIsNotADate) {
  EXPECT_TRUE(Run("The march ended peacefully.", "2020-05-10").empty());
  EXPECT_TRUE(Run("about 200 march to the collectorate every week.", "2020-05-10").empty());
  EXPECT_TRUE(Run("they march 15 km each day.", "2020-05-10").empty());
  EXPECT_TRUE(Run("In March 15 protesters were hurt.", "2020-05-10").size() == 1);  // March only
  std::vector<Found> found = Run("The March 8 march was calm.", "2020-05-10");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FOUND(found[0], "March 8", "2020-03-08", kDay, kRelative);
}

TEST_F(DatesTest, WeekdayAbbreviationsNeedADotOrADate) {
  EXPECT_TRUE(Run("He sat down.", "2020-05-10").empty());
  EXPECT_TRUE(Run("he sat.", "2020-05-10").empty());
  EXPECT_TRUE(Run("The sun rose over the camp.", "2020-05-10").empty());
  EXPECT_TRUE(Run("They wed last spring.", "2020-05-10").empty());
  EXPECT_TRUE(Run("police confirmed to The Weston Sun.", "2020-05-10").empty());
  EXPECT_FOUND(One("Shots rang out about 10 p.m. Sun.", "2020-05-13"), "Sun.", "2020-05-10", kDay, kRelative);
  EXPECT_FOUND(One("Updated Mon Mar 09 17:08 PDT.", "2015-03-10"), "Mon Mar 09", "2015-03-09", kDay, kRelative);
}

// ---- weekdays ----

TEST_F(DatesTest, WeekdayIsTheLatestOnOrBeforePublication) {
  // 2020-03-02 is a Monday: Friday is in February.
  EXPECT_FOUND(One("Police said on Friday that two men were held.", "2020-03-02"), "Friday", "2020-02-28", kDay,
               kRelative);
  // Same weekday as publication: the publication date.
  EXPECT_FOUND(One("Police said on Monday that two men were held.", "2020-03-02"), "Monday", "2020-03-02", kDay,
               kRelative);
  // Across a year: 2021-01-01 is a Friday.
  EXPECT_FOUND(One("The fire started Tuesday.", "2021-01-01"), "Tuesday", "2020-12-29", kDay, kRelative);
}

TEST_F(DatesTest, WeekdayWithPartOfDay) {
  EXPECT_FOUND(One("Around 10:30 Monday night, officers arrived.", "2014-02-05"), "Monday night", "2014-02-03", kDay,
               kRelative);
  EXPECT_FOUND(One("He died early Sunday morning.", "2014-02-05"), "Sunday morning", "2014-02-02", kDay, kRelative);
  EXPECT_FOUND(One("the mob gathered on thursday night near the temple.", "2002-03-10"), "thursday night", "2002-03-07",
               kDay, kRelative);
  EXPECT_FOUND(One("It happened Tuesday afternoon.", "2014-02-05"), "Tuesday afternoon", "2014-02-04", kDay, kRelative);
}

TEST_F(DatesTest, PossessiveWeekday) {
  EXPECT_FOUND(One("Saturday's shooting shocked the town.", "2014-02-05"), "Saturday", "2014-02-01", kDay, kRelative);
  EXPECT_FOUND(One("Results of Sunday’s vote were disputed.", "2020-05-13"), "Sunday", "2020-05-10", kDay, kRelative);
}

TEST_F(DatesTest, WeekdayBeforeAnExplicitDateIsOneMention) {
  EXPECT_FOUND(One("Monday, May 4, 2020 was quiet.", "2020-05-10"), "Monday, May 4, 2020", "2020-05-04", kDay,
               kExplicit);
  EXPECT_FOUND(One("Shots were fired Wednesday night June 9, 2014 downtown.", "2014-06-12"),
               "Wednesday night June 9, 2014", "2014-06-09", kDay, kExplicit);
  EXPECT_FOUND(One("On Sunday 10 May the square was cleared.", "2020-05-12"), "Sunday 10 May", "2020-05-10", kDay,
               kRelative);
  // The written date wins over a weekday that does not match it.
  EXPECT_FOUND(One("On Tuesday, May 4, 2020 it rained.", "2020-05-10"), "Tuesday, May 4, 2020", "2020-05-04", kDay,
               kExplicit);
}

TEST_F(DatesTest, WeekdayAfterAnExplicitDateJoinsWhenItMatches) {
  EXPECT_FOUND(One("Rallies on 4 May 2020 (Monday) were banned.", "2020-05-10"), "4 May 2020 (Monday)", "2020-05-04",
               kDay, kExplicit);
  std::vector<Found> found = Run("On May 4, 2020, Friday rallies were banned.", "2020-05-10");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].text, "May 4, 2020");
  EXPECT_EQ(found[1].text, "Friday");
}

TEST_F(DatesTest, LastAndNextWeekday) {
  // 2020-05-08 is a Friday.
  EXPECT_FOUND(One("It happened last Friday.", "2020-05-08"), "last Friday", "2020-05-01", kDay, kRelative);
  EXPECT_FOUND(One("The vote is next Tuesday.", "2020-05-08"), "next Tuesday", "2020-05-12", kDay, kRelative);
}

// ---- words relative to publication ----

TEST_F(DatesTest, DayWords) {
  const char* pub = "2020-05-10";
  EXPECT_FOUND(One("Two men were held yesterday.", pub), "yesterday", "2020-05-09", kDay, kRelative);
  EXPECT_FOUND(One("They were freed yesterday morning.", pub), "yesterday morning", "2020-05-09", kDay, kRelative);
  EXPECT_FOUND(One("A vigil is planned today.", pub), "today", "2020-05-10", kDay, kRelative);
  EXPECT_FOUND(One("A vigil is planned tonight.", pub), "tonight", "2020-05-10", kDay, kRelative);
  EXPECT_FOUND(One("Shots were fired last night.", pub), "last night", "2020-05-09", kDay, kRelative);
  EXPECT_FOUND(One("Police said this morning that he died.", pub), "this morning", "2020-05-10", kDay, kRelative);
  EXPECT_FOUND(One("A man was charged earlier today.", pub), "earlier today", "2020-05-10", kDay, kRelative);
  EXPECT_FOUND(One("He appears in court tomorrow.", pub), "tomorrow", "2020-05-11", kDay, kRelative);
}

TEST_F(DatesTest, WeekMonthYearWords) {
  const char* pub = "2020-01-10";  // a Friday
  EXPECT_FOUND(One("Riots broke out last week.", pub), "last week", "2020-01-03", kDay, kRelative);
  EXPECT_FOUND(One("Riots broke out this week.", pub), "this week", "2020-01-10", kDay, kRelative);
  // The middle of Monday..Thursday.
  EXPECT_FOUND(One("Riots broke out earlier this week.", pub), "earlier this week", "2020-01-07", kDay, kRelative);
  EXPECT_FOUND(One("Riots broke out last month.", pub), "last month", "2019-12-01", kMonth, kRelative);
  EXPECT_FOUND(One("Riots broke out earlier this month.", pub), "earlier this month", "2020-01-01", kMonth, kRelative);
  EXPECT_FOUND(One("Riots broke out last year.", pub), "last year", "2019-01-01", kYear, kRelative);
  EXPECT_FOUND(One("Riots broke out this year.", pub), "this year", "2020-01-01", kYear, kRelative);
  EXPECT_FOUND(One("Riots broke out two weeks ago.", pub), "two weeks ago", "2019-12-27", kDay, kRelative);
  EXPECT_FOUND(One("Riots broke out 3 days ago.", pub), "3 days ago", "2020-01-07", kDay, kRelative);
}

TEST_F(DatesTest, Weekends) {
  // 2020-05-11 is a Monday.
  EXPECT_FOUND(One("Four people were shot over the weekend.", "2020-05-11"), "the weekend", "2020-05-09", kDay,
               kRelative);
  EXPECT_FOUND(One("Four people were shot last weekend.", "2020-05-11"), "last weekend", "2020-05-09", kDay, kRelative);
  // Read on a Sunday, "last weekend" is the one before.
  EXPECT_FOUND(One("Four people were shot last weekend.", "2020-05-10"), "last weekend", "2020-05-02", kDay, kRelative);
}

TEST_F(DatesTest, Holidays) {
  EXPECT_FOUND(One("The shooting happened on New Year's Eve.", "2020-01-02"), "New Year's Eve", "2019-12-31", kDay,
               kRelative);
  EXPECT_FOUND(One("Police patrols on Christmas Day 2019 were doubled.", "2020-05-10"), "Christmas Day 2019",
               "2019-12-25", kDay, kExplicit);
  EXPECT_FOUND(One("Fireworks on the Fourth of July hurt two boys.", "2020-07-06"), "Fourth of July", "2020-07-04",
               kDay, kRelative);
  EXPECT_TRUE(Run("Christmas shopping slowed.", "2020-05-10").empty());
  EXPECT_TRUE(Run("He finished fourth in the race.", "2020-05-10").empty());
}

// A date followed by a street or quarter noun is that place's name.
TEST_F(DatesTest, DateNamingAPlaceIsNoDate) {
  EXPECT_TRUE(Run("Residents gathered in Monday Avenue to protest.", "2020-05-10").empty());
  EXPECT_TRUE(Run("Gunmen fired at the 7 July area of the city.", "2020-05-10").empty());
  EXPECT_TRUE(Run("The shops on Friday Street were closed.", "2020-05-10").empty());
  EXPECT_FOUND(One("Residents gathered on Monday in the avenue.", "2020-05-10"), "Monday", "2020-05-04", kDay,
               kRelative);
  EXPECT_FOUND(One("He was charged in the April 16 drive-by shooting.", "2020-05-10"), "April 16", "2020-04-16", kDay,
               kRelative);
}

// US holidays whose day moves from year to year, resolved like a month-day without a year.
TEST_F(DatesTest, MovingHolidays) {
  EXPECT_FOUND(One("Two men were shot on Thanksgiving night.", "2020-12-01"), "Thanksgiving", "2020-11-26", kDay,
               kRelative);
  EXPECT_FOUND(One("The shops closed on Thanksgiving Day 2019.", "2020-12-01"), "Thanksgiving Day 2019", "2019-11-28",
               kDay, kExplicit);
  EXPECT_FOUND(One("The church was full on Easter Sunday.", "2020-04-20"), "Easter Sunday", "2020-04-12", kDay,
               kRelative);
  EXPECT_FOUND(One("The church was full on Easter Sunday.", "2019-05-01"), "Easter Sunday", "2019-04-21", kDay,
               kRelative);
  EXPECT_FOUND(One("The parade on Memorial Day drew crowds.", "2020-06-01"), "Memorial Day", "2020-05-25", kDay,
               kRelative);
  // A holiday weekend is not the day; "memorial" needs the capital; a longer name is another
  // day; "Labor Day" is 1 May in most countries, not read.
  EXPECT_TRUE(Run("Traffic into Kellmar was heavy on the Thanksgiving weekend.", "2020-12-01").empty());
  EXPECT_TRUE(Run("They held a memorial day of prayer.", "2020-09-10").empty());
  EXPECT_TRUE(Run("Crowds marked Veloria Memorial Day in the capital.", "2020-09-10").empty());
  EXPECT_TRUE(Run("A crash on Labor Day closed the road.", "2020-09-10").empty());
}

// ---- days counted from another mention ----

TEST_F(DatesTest, DaysCountedFromTheLastDayMentioned) {
  std::vector<Found> found = Run("He was arrested on 5 May 2020 and charged the next day.", "2020-05-20");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_FOUND(found[1], "the next day", "2020-05-06", kDay, kRelative);
  found = Run("She died on Friday; she had been shot a day earlier.", "2020-05-10");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_FOUND(found[1], "a day earlier", "2020-05-07", kDay, kRelative);
  found = Run("The crowd dispersed on 3 May, but had gathered the previous day.", "2020-05-10");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_FOUND(found[1], "the previous day", "2020-05-02", kDay, kRelative);
}

TEST_F(DatesTest, DaysCountedFromNothingAreDropped) {
  EXPECT_TRUE(Run("They had gathered the previous day.", "2020-05-10").empty());
  // Anchored to the vote, not to a date.
  EXPECT_EQ(Run("On 3 May, the day before the vote, they marched.", "2020-05-10").size(), 1u);
}

// ---- ranges ----

TEST_F(DatesTest, RangesGiveBothDays) {
  std::vector<Found> found = Run("Between 1 and 3 May 2020, students protested.", "2020-05-10");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_FOUND(found[0], "1", "2020-05-01", kDay, kExplicit);
  EXPECT_FOUND(found[1], "3 May 2020", "2020-05-03", kDay, kExplicit);
  found = Run("The fair runs May 12-14, 2014 in Ardley.", "2014-05-01");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_FOUND(found[0], "May 12", "2014-05-12", kDay, kExplicit);
  EXPECT_FOUND(found[1], "14, 2014", "2014-05-14", kDay, kExplicit);
}

TEST_F(DatesTest, NightOfADate) {
  EXPECT_FOUND(One("On the night of 5 May, shops were looted.", "2020-05-10"), "5 May", "2020-05-05", kDay, kRelative);
}

// ---- without a publication date ----

TEST_F(DatesTest, WithoutPublicationOnlyExplicitDates) {
  std::vector<Found> found =
      Run("On Friday, police said that on 9 May 2020 and yesterday, and in May, and on May 9, "
          "crowds gathered last week.",
          "");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FOUND(found[0], "9 May 2020", "2020-05-09", kDay, kExplicit);
  // A relative form without publication leaves no fragment behind ("Friday night" -> nothing,
  // not "night"; "May 9" -> nothing, not "9").
  EXPECT_TRUE(Run("Friday night and May 9 were calm.", "").empty());
}

// ---- extraction boundaries ----

TEST_F(DatesTest, OnlyTheGivenTokenRange) {
  std::string text = "On 9 May 2020 crowds gathered. On 10 May 2020 they left.";
  tokenizer_.Tokenize(text, &doc_);
  ASSERT_EQ(doc_.sentences.size(), 2u);
  std::vector<DateMention> out;
  const auto& s = doc_.sentences[1];
  extractor_.Extract(doc_, s.begin_token, s.end_token, ParseIsoDate("2020-05-10"), &out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].span.Of(text), "10 May 2020");
  // Appends: existing mentions stay.
  extractor_.Extract(doc_, s.begin_token, s.end_token, ParseIsoDate("2020-05-10"), &out);
  EXPECT_EQ(out.size(), 2u);
  // An empty range yields nothing.
  extractor_.Extract(doc_, s.begin_token, s.begin_token, ParseIsoDate("2020-05-10"), &out);
  EXPECT_EQ(out.size(), 2u);
}

TEST_F(DatesTest, AMonthNameAtTheEndOfARangeDoesNotReadPastIt) {
  // "Feb." is a known abbreviation, so "4, 2014" is in the same sentence; cut the range after
  // "Feb." and the date must not be completed from outside it.
  std::string text = "Filed Feb. 4, 2014 here.";
  tokenizer_.Tokenize(text, &doc_);
  std::vector<DateMention> out;
  extractor_.Extract(doc_, 0, 3, ParseIsoDate("2014-02-05"), &out);  // Filed Feb .
  EXPECT_TRUE(out.empty());
}

TEST(DateNames, PrecisionAndBasis) {
  EXPECT_EQ(DatePrecisionName(DatePrecision::kDay), "day");
  EXPECT_EQ(DatePrecisionName(DatePrecision::kMonth), "month");
  EXPECT_EQ(DatePrecisionName(DatePrecision::kYear), "year");
  EXPECT_EQ(DateBasisName(DateBasis::kExplicit), "explicit");
  EXPECT_EQ(DateBasisName(DateBasis::kRelative), "relative");
  EXPECT_EQ(DateBasisName(DateBasis::kPublished), "published");
}

// ---- differential tests: generated input against slow, obvious references ----

const char* const kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
const char* const kWeekdayNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

TEST_F(DatesTest, DifferentialWeekdayResolution) {
  // Reference: step back one day at a time until the weekday matches.
  for (long pub_days = DaysFromCivil({2019, 12, 20}); pub_days < DaysFromCivil({2020, 3, 10}); pub_days += 3) {
    CivilDate pub = CivilFromDays(pub_days);
    for (int wd = 0; wd < 7; ++wd) {
      long d = pub_days;
      while (Weekday(CivilFromDays(d)) != wd) --d;
      std::string text = std::string("Police said on ") + kWeekdayNames[wd] + " that it ended.";
      Found f = One(text, FormatIsoDate(pub));
      EXPECT_EQ(f.value, FormatIsoDate(CivilFromDays(d))) << text << " @" << FormatIsoDate(pub);
    }
  }
}

TEST_F(DatesTest, DifferentialMonthDayResolution) {
  // Reference: the latest date with that month and day, not after publication + 92 days.
  for (long pub_days = DaysFromCivil({2019, 11, 1}); pub_days < DaysFromCivil({2021, 3, 1}); pub_days += 37) {
    CivilDate pub = CivilFromDays(pub_days);
    for (int m = 1; m <= 12; ++m) {
      for (int day : {1, 15, 29, 31}) {
        if (day > DaysInMonth(2020, m)) continue;  // never valid: separately tested
        long expected = 0;
        for (long d = pub_days + 92;; --d) {
          CivilDate c = CivilFromDays(d);
          if (c.month == m && c.day == day) {
            expected = d;
            break;
          }
        }
        std::string text = std::string("It happened on ") + kMonthNames[m - 1] + " " + std::to_string(day) + ".";
        Found f = One(text, FormatIsoDate(pub));
        EXPECT_EQ(f.value, FormatIsoDate(CivilFromDays(expected))) << text << " @" << FormatIsoDate(pub);
      }
    }
  }
}

TEST_F(DatesTest, DifferentialExplicitFormsAgree) {
  // Every day of two years (one leap) written five ways must give the same date.
  for (long days = DaysFromCivil({2019, 1, 1}); days < DaysFromCivil({2021, 1, 1}); ++days) {
    CivilDate c = CivilFromDays(days);
    std::string y = std::to_string(c.year), d = std::to_string(c.day);
    std::string name = kMonthNames[c.month - 1];
    std::string forms[] = {
        "On " + d + " " + name + " " + y + " it rained.",
        "On " + name + " " + d + ", " + y + " it rained.",
        // "May." is no abbreviation: the tokenizer would end the sentence there.
        "On " + (c.month == 5 ? name : name.substr(0, 3) + ".") + " " + d + ", " + y + " it rained.",
        "On " + FormatIsoDate(c) + " it rained.",
        "On " + std::to_string(c.month) + "/" + d + "/" + y + " it rained.",
    };
    for (const std::string& text : forms) {
      Found f = One(text, "2021-06-01");
      EXPECT_EQ(f.value, FormatIsoDate(c)) << text;
      EXPECT_EQ(f.basis, kExplicit) << text;
    }
  }
}

}  // namespace
}  // namespace evident::extract
