#include "extract/numbers.h"

#include <array>
#include <cmath>
#include <cstddef>
#include <initializer_list>
#include <string_view>

#include "common/bytes.h"

// How the extractor reads a sentence (see docs/numbers.md for the user-facing rules):
//
//   [qualifier] [currency] core [range] [postfix] [unit]
//   "at least"   "$"      "5,000" "- 6,000"  "or more"  "days"
//
// A phrase is tried at each token that can start one (a number, a number word, a qualifier,
// a vague word, "a"/"an", a currency sign ...). The first phrase found is emitted and the scan
// continues after it, so mentions never overlap and come out in reading order. Whether a number
// counts people or is something else (age, year, money ...) is decided from the tokens around
// the phrase; the assembler skips mentions with `not_count` set.
//
// PERF: one hash-table probe per token decides whether a phrase can start there; everything
// else happens only around numbers. No allocation: the word table is built once on first use,
// phrases live on the stack, and the caller's vector is reused.

namespace evident::extract {
namespace {

using tokens::Token;
using tokens::TokenizedText;
using tokens::TokenKind;

// Values above this are not treated as numbers (ids, overflow); 10^15 keeps every
// computation below (12 * N + 5) inside int64.
constexpr int64_t kMaxValue = 1'000'000'000'000'000LL;
constexpr double kMaxReal = 1e15;

// ---------------------------------------------------------------------------------------------
// Word table
// ---------------------------------------------------------------------------------------------

enum WordFlag : uint64_t {
  kUnitWord = 1ULL << 0,     // zero .. nineteen (value)
  kTensWord = 1ULL << 1,     // twenty .. ninety (value)
  kHundredWord = 1ULL << 2,  // hundred (value 100)
  kBigScale = 1ULL << 3,     // thousand, million, lakh, crore ... (value)
  kDozenWord = 1ULL << 4,    // dozen (value 12)
  kOrdinalWord = 1ULL << 5,  // first .. millionth (value)
  kMonth = 1ULL << 6,        // january .. dec (value 1-12)
  kWeekday = 1ULL << 7,
  kCurrency = 1ULL << 8,        // $ € £ dollars rupees rs tenge ...
  kTimeUnit = 1ULL << 9,        // days, hours, years ...
  kMeasureUnit = 1ULL << 10,    // km, kg, miles, caliber ...
  kPercentWord = 1ULL << 11,    // % percent pct
  kPersonNoun = 1ULL << 12,     // words after a number that make it a head count
  kStreetSuffix = 1ULL << 13,   // Road, Street, Ave ...
  kIdNoun = 1ULL << 14,         // Section 144, Route 9 (capitalized)
  kIdNounAnyCase = 1ULL << 15,  // section 144 in lowercase text
  kYearPrep = 1ULL << 16,       // in 2014, since 2010
  kMoneyNoun = 1ULL << 17,      // fine of 100, bail of 5,000
  kMoneyVerb = 1ULL << 18,      // fined 500, worth 200
  kAgeWord = 1ULL << 19,        // aged 17, age 17, ages 15 to 17
  kChildWord = 1ULL << 20,      // children under 12
  kFraction = 1ULL << 21,       // two-thirds, one half
  kTimeSuffix = 1ULL << 22,     // 7 p.m., 3 o'clock, 10:30 GMT
  kPhoneContext = 1ULL << 23,   // call 5551234
  kVagueWord = 1ULL << 24,      // several, dozens, hundreds ...
  kQualifierStart = 1ULL << 25,
  kArticle = 1ULL << 26,        // a, an
  kChangeVerb = 1ULL << 27,     // rose from 10 to 20 (two numbers, not a range)
  kDecadePrep = 1ULL << 28,     // in his 40s
  kAgeUnit = 1ULL << 29,        // 21-year-old, 3-month-old
  kPrefixSymbol = 1ULL << 30,   // + (phone), # (id)
  kHalfWord = 1ULL << 31,       // half a dozen
  kTimePrep = 1ULL << 32,       // at 1800 hours
  kMonthPrep = 1ULL << 33,      // on march 5 (lowercase month names need one)
  kListSeparator = 1ULL << 34,  // aged 15, 16 and 17
  kObjectNoun = 1ULL << 35,     // 23 stab wounds: things on or of a body, not people
  kObjectModifier = 1ULL << 36, // stab, gunshot, bullet ... between the number and the thing
};

// Words that may begin a phrase; one probe of the table per token checks this mask.
constexpr uint64_t kStartMask = kUnitWord | kTensWord | kOrdinalWord | kCurrency | kVagueWord | kQualifierStart |
                                kArticle | kPrefixSymbol | kHalfWord;

struct WordEntry {
  std::string_view word;
  uint64_t flags;
  int64_t value;
};

// Lexicons. A word may be listed under several flags; flags are merged, the value of the
// first entry with a non-zero value wins. TODO(#numbers): move to data/ once the lexicon
// format supports flags.
// Grouped by topic for reading, hence unformatted.
// clang-format off
constexpr WordEntry kWords[] = {
    // Number words.
    {"zero", kUnitWord, 0}, {"one", kUnitWord, 1}, {"two", kUnitWord, 2},
    {"three", kUnitWord, 3}, {"four", kUnitWord, 4}, {"five", kUnitWord, 5},
    {"six", kUnitWord, 6}, {"seven", kUnitWord, 7}, {"eight", kUnitWord, 8},
    {"nine", kUnitWord, 9}, {"ten", kUnitWord, 10}, {"eleven", kUnitWord, 11},
    {"twelve", kUnitWord, 12}, {"thirteen", kUnitWord, 13}, {"fourteen", kUnitWord, 14},
    {"fifteen", kUnitWord, 15}, {"sixteen", kUnitWord, 16}, {"seventeen", kUnitWord, 17},
    {"eighteen", kUnitWord, 18}, {"nineteen", kUnitWord, 19},
    {"twenty", kTensWord, 20}, {"thirty", kTensWord, 30}, {"forty", kTensWord, 40},
    {"fourty", kTensWord, 40}, {"fifty", kTensWord, 50}, {"sixty", kTensWord, 60},
    {"seventy", kTensWord, 70}, {"eighty", kTensWord, 80}, {"ninety", kTensWord, 90},
    {"hundred", kHundredWord, 100},
    {"thousand", kBigScale, 1'000}, {"million", kBigScale, 1'000'000},
    {"mn", kBigScale, 1'000'000}, {"billion", kBigScale, 1'000'000'000},
    {"bn", kBigScale, 1'000'000'000},
    {"lakh", kBigScale, 100'000}, {"lakhs", kBigScale, 100'000}, {"lac", kBigScale, 100'000},
    {"lacs", kBigScale, 100'000}, {"crore", kBigScale, 10'000'000},
    {"crores", kBigScale, 10'000'000},
    {"dozen", kDozenWord, 12},
    {"half", kHalfWord | kFraction, 0},
    // Ordinals.
    {"first", kOrdinalWord, 1}, {"second", kOrdinalWord | kTimeUnit, 2},
    {"third", kOrdinalWord | kFraction, 3}, {"fourth", kOrdinalWord | kFraction, 4},
    {"fifth", kOrdinalWord | kFraction, 5}, {"sixth", kOrdinalWord | kFraction, 6},
    {"seventh", kOrdinalWord, 7}, {"eighth", kOrdinalWord | kFraction, 8},
    {"ninth", kOrdinalWord, 9}, {"tenth", kOrdinalWord | kFraction, 10},
    {"eleventh", kOrdinalWord, 11}, {"twelfth", kOrdinalWord, 12},
    {"thirteenth", kOrdinalWord, 13}, {"fourteenth", kOrdinalWord, 14},
    {"fifteenth", kOrdinalWord, 15}, {"sixteenth", kOrdinalWord, 16},
    {"seventeenth", kOrdinalWord, 17}, {"eighteenth", kOrdinalWord, 18},
    {"nineteenth", kOrdinalWord, 19}, {"twentieth", kOrdinalWord, 20},
    {"thirtieth", kOrdinalWord, 30}, {"fortieth", kOrdinalWord, 40},
    {"fiftieth", kOrdinalWord, 50}, {"sixtieth", kOrdinalWord, 60},
    {"seventieth", kOrdinalWord, 70}, {"eightieth", kOrdinalWord, 80},
    {"ninetieth", kOrdinalWord, 90}, {"hundredth", kOrdinalWord, 100},
    {"thousandth", kOrdinalWord, 1000}, {"millionth", kOrdinalWord, 1'000'000},
    // Fractions (besides half/third/... above).
    {"halves", kFraction, 0}, {"thirds", kFraction, 0}, {"quarter", kFraction, 0},
    {"quarters", kFraction, 0}, {"fourths", kFraction, 0}, {"fifths", kFraction, 0},
    {"sixths", kFraction, 0}, {"eighths", kFraction, 0}, {"tenths", kFraction, 0},
    // Vague quantity words (ranges in kVague below).
    {"several", kVagueWord, 0}, {"dozens", kVagueWord, 0}, {"scores", kVagueWord, 0},
    {"hundreds", kVagueWord, 0}, {"thousands", kVagueWord, 0}, {"millions", kVagueWord, 0},
    {"billions", kVagueWord, 0}, {"tens", kVagueWord, 0},
    {"lakhs", kVagueWord, 0}, {"lacs", kVagueWord, 0}, {"crores", kVagueWord, 0},
    {"a", kArticle | kQualifierStart, 0}, {"an", kArticle | kQualifierStart, 0},
    // Qualifier first words (full phrases in kQualifiers).
    {"at", kQualifierStart | kTimePrep, 0}, {"no", kQualifierStart, 0},
    {"not", kQualifierStart, 0}, {"more", kQualifierStart, 0},
    {"over", kQualifierStart, 0}, {"above", kQualifierStart, 0},
    {"upwards", kQualifierStart, 0}, {"upward", kQualifierStart, 0},
    {"in", kQualifierStart | kYearPrep | kMonthPrep, 0}, {"well", kQualifierStart, 0},
    {"just", kQualifierStart, 0}, {"greater", kQualifierStart, 0},
    {"slightly", kQualifierStart, 0}, {"nearly", kQualifierStart, 0},
    {"almost", kQualifierStart, 0}, {"close", kQualifierStart, 0},
    {"about", kQualifierStart | kTimePrep, 0}, {"around", kQualifierStart | kTimePrep, 0},
    {"some", kQualifierStart, 0}, {"approximately", kQualifierStart, 0},
    {"approx", kQualifierStart, 0}, {"roughly", kQualifierStart, 0},
    {"estimated", kQualifierStart, 0}, {"circa", kQualifierStart | kYearPrep, 0},
    {"somewhere", kQualifierStart, 0}, {"up", kQualifierStart, 0},
    {"as", kQualifierStart, 0}, {"less", kQualifierStart, 0}, {"fewer", kQualifierStart, 0},
    {"under", kQualifierStart, 0}, {"below", kQualifierStart, 0},
    {"between", kQualifierStart, 0},
    // Symbols that start a non-count: "+1 555 ..." "#5".
    {"+", kPrefixSymbol, 0}, {"#", kPrefixSymbol, 0},
    // Months and weekdays.
    {"january", kMonth, 1}, {"february", kMonth, 2}, {"march", kMonth, 3},
    {"april", kMonth, 4}, {"may", kMonth, 5}, {"june", kMonth, 6}, {"july", kMonth, 7},
    {"august", kMonth, 8}, {"september", kMonth, 9}, {"october", kMonth, 10},
    {"november", kMonth, 11}, {"december", kMonth, 12}, {"jan", kMonth, 1},
    {"feb", kMonth, 2}, {"mar", kMonth, 3}, {"apr", kMonth, 4}, {"jun", kMonth, 6},
    {"jul", kMonth, 7}, {"aug", kMonth, 8}, {"sep", kMonth, 9}, {"sept", kMonth, 9},
    {"oct", kMonth, 10}, {"nov", kMonth, 11}, {"dec", kMonth, 12},
    {"monday", kWeekday, 0}, {"tuesday", kWeekday, 0}, {"wednesday", kWeekday, 0},
    {"thursday", kWeekday, 0}, {"friday", kWeekday, 0}, {"saturday", kWeekday, 0},
    {"sunday", kWeekday, 0},
    // Currencies: signs, codes and names (before or after the number).
    {"$", kCurrency, 0}, {"€", kCurrency, 0}, {"£", kCurrency, 0}, {"¥", kCurrency, 0},
    {"₹", kCurrency, 0}, {"rs", kCurrency, 0}, {"inr", kCurrency, 0},
    {"usd", kCurrency, 0}, {"eur", kCurrency, 0}, {"gbp", kCurrency, 0},
    {"pkr", kCurrency, 0}, {"npr", kCurrency, 0}, {"lkr", kCurrency, 0},
    {"bdt", kCurrency, 0}, {"kes", kCurrency, 0}, {"ksh", kCurrency, 0},
    {"kshs", kCurrency, 0}, {"ugx", kCurrency, 0}, {"tzs", kCurrency, 0},
    {"ngn", kCurrency, 0}, {"zar", kCurrency, 0}, {"ghs", kCurrency, 0},
    {"egp", kCurrency, 0}, {"cny", kCurrency, 0}, {"rmb", kCurrency, 0},
    {"jpy", kCurrency, 0}, {"rub", kCurrency, 0}, {"uah", kCurrency, 0},
    {"kzt", kCurrency, 0}, {"php", kCurrency, 0}, {"idr", kCurrency, 0},
    {"dollar", kCurrency, 0}, {"dollars", kCurrency, 0}, {"euro", kCurrency, 0},
    {"euros", kCurrency, 0},
    {"sterling", kCurrency, 0}, {"rupee", kCurrency, 0}, {"rupees", kCurrency, 0},
    {"tenge", kCurrency, 0}, {"ruble", kCurrency, 0}, {"rubles", kCurrency, 0},
    {"rouble", kCurrency, 0}, {"roubles", kCurrency, 0}, {"yuan", kCurrency, 0},
    {"renminbi", kCurrency, 0}, {"yen", kCurrency, 0}, {"naira", kCurrency, 0},
    {"shilling", kCurrency, 0}, {"shillings", kCurrency, 0}, {"cedi", kCurrency, 0},
    {"cedis", kCurrency, 0}, {"peso", kCurrency, 0}, {"pesos", kCurrency, 0},
    {"reais", kCurrency, 0}, {"lira", kCurrency, 0}, {"liras", kCurrency, 0},
    {"taka", kCurrency, 0}, {"afghanis", kCurrency, 0}, {"dinar", kCurrency, 0},
    {"dinars", kCurrency, 0}, {"dirham", kCurrency, 0}, {"dirhams", kCurrency, 0},
    {"riyal", kCurrency, 0}, {"riyals", kCurrency, 0}, {"rial", kCurrency, 0},
    {"rials", kCurrency, 0}, {"franc", kCurrency, 0}, {"francs", kCurrency, 0},
    {"kwacha", kCurrency, 0}, {"birr", kCurrency, 0}, {"baht", kCurrency, 0},
    {"ringgit", kCurrency, 0}, {"rupiah", kCurrency, 0}, {"kyat", kCurrency, 0},
    {"lari", kCurrency, 0}, {"manat", kCurrency, 0}, {"hryvnia", kCurrency, 0},
    {"hryvnias", kCurrency, 0}, {"zloty", kCurrency, 0}, {"bolivars", kCurrency, 0},
    {"leones", kCurrency, 0}, {"cents", kCurrency, 0}, {"paise", kCurrency, 0},
    {"bucks", kCurrency, 0}, {"som", kCurrency, 0}, {"soms", kCurrency, 0}, {"somoni", kCurrency, 0},
    {"sum", kCurrency, 0}, {"dram", kCurrency, 0}, {"drams", kCurrency, 0}, {"leu", kCurrency, 0},
    {"lei", kCurrency, 0}, {"forint", kCurrency, 0}, {"koruna", kCurrency, 0}, {"rand", kCurrency, 0},
    // Time units (durations) and time-of-day suffixes.
    {"seconds", kTimeUnit, 0}, {"sec", kTimeUnit, 0}, {"secs", kTimeUnit, 0},
    {"minute", kTimeUnit, 0}, {"minutes", kTimeUnit, 0}, {"min", kTimeUnit, 0},
    {"mins", kTimeUnit, 0}, {"hour", kTimeUnit, 0}, {"hours", kTimeUnit, 0},
    {"hr", kTimeUnit, 0}, {"hrs", kTimeUnit, 0}, {"day", kTimeUnit | kAgeUnit, 0},
    {"days", kTimeUnit | kAgeUnit, 0}, {"night", kTimeUnit, 0}, {"nights", kTimeUnit, 0},
    {"week", kTimeUnit | kAgeUnit, 0}, {"weeks", kTimeUnit | kAgeUnit, 0},
    {"weekend", kTimeUnit, 0}, {"weekends", kTimeUnit, 0},
    {"fortnight", kTimeUnit, 0}, {"fortnights", kTimeUnit, 0},
    {"month", kTimeUnit | kAgeUnit, 0}, {"months", kTimeUnit | kAgeUnit, 0},
    {"year", kTimeUnit | kAgeUnit | kYearPrep, 0}, {"years", kTimeUnit | kAgeUnit, 0},
    {"yr", kTimeUnit | kAgeUnit, 0}, {"yrs", kTimeUnit | kAgeUnit, 0},
    {"decade", kTimeUnit, 0}, {"decades", kTimeUnit, 0}, {"century", kTimeUnit, 0},
    {"centuries", kTimeUnit, 0},
    {"a.m.", kTimeSuffix, 0}, {"p.m.", kTimeSuffix, 0}, {"am", kTimeSuffix, 0},
    {"pm", kTimeSuffix, 0}, {"o'clock", kTimeSuffix, 0}, {"gmt", kTimeSuffix, 0},
    {"utc", kTimeSuffix, 0}, {"ist", kTimeSuffix, 0}, {"noon", kTimeSuffix, 0},
    {"midnight", kTimeSuffix, 0}, {"edt", kTimeSuffix, 0}, {"pdt", kTimeSuffix, 0},
    {"cdt", kTimeSuffix, 0}, {"bst", kTimeSuffix, 0}, {"cet", kTimeSuffix, 0},
    {"cest", kTimeSuffix, 0}, {"hrs.", kTimeSuffix, 0},
    // Measures.
    {"times", kMeasureUnit, 0},  // how often: "fired at the van four times"
    {"km", kMeasureUnit | kIdNounAnyCase, 0}, {"kms", kMeasureUnit, 0},
    {"kilometre", kMeasureUnit | kIdNounAnyCase, 0}, {"kilometres", kMeasureUnit, 0},
    {"kilometer", kMeasureUnit | kIdNounAnyCase, 0}, {"kilometers", kMeasureUnit, 0},
    {"metre", kMeasureUnit, 0}, {"metres", kMeasureUnit, 0}, {"meter", kMeasureUnit, 0},
    {"meters", kMeasureUnit, 0}, {"m", kMeasureUnit, 0}, {"mile", kMeasureUnit, 0},
    {"miles", kMeasureUnit, 0}, {"ft", kMeasureUnit, 0}, {"feet", kMeasureUnit, 0},
    {"foot", kMeasureUnit, 0}, {"inch", kMeasureUnit, 0}, {"inches", kMeasureUnit, 0},
    {"yard", kMeasureUnit, 0}, {"yards", kMeasureUnit, 0}, {"cm", kMeasureUnit, 0},
    {"mm", kMeasureUnit, 0}, {"kg", kMeasureUnit, 0}, {"kgs", kMeasureUnit, 0},
    {"kilo", kMeasureUnit, 0}, {"kilos", kMeasureUnit, 0}, {"kilogram", kMeasureUnit, 0},
    {"kilograms", kMeasureUnit, 0}, {"kilogrammes", kMeasureUnit, 0},
    {"gram", kMeasureUnit, 0}, {"grams", kMeasureUnit, 0}, {"g", kMeasureUnit, 0},
    {"mg", kMeasureUnit, 0}, {"lb", kMeasureUnit, 0}, {"lbs", kMeasureUnit, 0},
    {"ounce", kMeasureUnit, 0}, {"ounces", kMeasureUnit, 0}, {"oz", kMeasureUnit, 0},
    {"ton", kMeasureUnit, 0}, {"tons", kMeasureUnit, 0}, {"tonne", kMeasureUnit, 0},
    {"tonnes", kMeasureUnit, 0}, {"litre", kMeasureUnit, 0}, {"litres", kMeasureUnit, 0},
    {"liter", kMeasureUnit, 0}, {"liters", kMeasureUnit, 0}, {"gallon", kMeasureUnit, 0},
    {"gallons", kMeasureUnit, 0}, {"acre", kMeasureUnit, 0}, {"acres", kMeasureUnit, 0},
    {"hectare", kMeasureUnit, 0}, {"hectares", kMeasureUnit, 0},
    {"caliber", kMeasureUnit, 0}, {"calibre", kMeasureUnit, 0}, {"gauge", kMeasureUnit, 0},
    // Wounds counted on a body ("23 stab wounds", "two gunshot wounds to the chest").
    {"wound", kObjectNoun, 0}, {"wounds", kObjectNoun, 0}, {"lacerations", kObjectNoun, 0},
    {"stab", kObjectModifier, 0}, {"gunshot", kObjectModifier, 0}, {"gun", kObjectModifier, 0},
    {"shot", kObjectModifier, 0}, {"bullet", kObjectModifier, 0}, {"knife", kObjectModifier, 0},
    {"incision", kObjectModifier, 0}, {"puncture", kObjectModifier, 0}, {"entry", kObjectModifier, 0},
    {"exit", kObjectModifier, 0}, {"superficial", kObjectModifier, 0}, {"separate", kObjectModifier, 0},
    // Vehicles, doors and a charge's counts: things, not people ("two cars were blocking the
    // ramp", "100 patrol cars", "three doors away", "four counts of burglary").
    {"car", kObjectNoun, 0}, {"cars", kObjectNoun, 0}, {"vehicle", kObjectNoun, 0},
    {"vehicles", kObjectNoun, 0}, {"truck", kObjectNoun, 0}, {"trucks", kObjectNoun, 0},
    {"door", kObjectNoun, 0}, {"doors", kObjectNoun, 0}, {"count", kObjectNoun, 0},
    {"counts", kObjectNoun, 0}, {"patrol", kObjectModifier, 0},
    {"millimeter", kMeasureUnit, 0}, {"millimetre", kMeasureUnit, 0},
    {"degree", kMeasureUnit, 0}, {"degrees", kMeasureUnit, 0}, {"°", kMeasureUnit, 0},
    {"mph", kMeasureUnit, 0}, {"kph", kMeasureUnit, 0}, {"kmph", kMeasureUnit, 0},
    {"knots", kMeasureUnit, 0}, {"megawatts", kMeasureUnit, 0}, {"mw", kMeasureUnit, 0},
    {"kw", kMeasureUnit, 0}, {"volts", kMeasureUnit, 0}, {"sq", kMeasureUnit, 0},
    {"square", kMeasureUnit, 0}, {"storey", kMeasureUnit, 0}, {"story", kMeasureUnit, 0},
    // "pounds" is a weight in most of our text; money only after money words (see Classify).
    {"pound", kMeasureUnit, 0}, {"pounds", kMeasureUnit, 0},
    // Percent.
    {"%", kPercentWord, 0}, {"percent", kPercentWord, 0}, {"pct", kPercentWord, 0},
    {"percentage", kPercentWord, 0},
    // Street suffixes (937 Euharlee Road).
    {"road", kStreetSuffix, 0}, {"rd", kStreetSuffix, 0}, {"street", kStreetSuffix, 0},
    {"st", kStreetSuffix, 0}, {"avenue", kStreetSuffix, 0}, {"ave", kStreetSuffix, 0},
    {"drive", kStreetSuffix, 0}, {"dr", kStreetSuffix, 0}, {"lane", kStreetSuffix, 0},
    {"ln", kStreetSuffix, 0}, {"boulevard", kStreetSuffix, 0}, {"blvd", kStreetSuffix, 0},
    {"highway", kStreetSuffix | kIdNoun, 0}, {"hwy", kStreetSuffix | kIdNoun, 0},
    {"way", kStreetSuffix, 0}, {"pl", kStreetSuffix, 0},
    {"ct", kStreetSuffix, 0}, {"cir", kStreetSuffix, 0}, {"parkway", kStreetSuffix, 0},
    {"pkwy", kStreetSuffix, 0},
    {"terrace", kStreetSuffix, 0}, {"trail", kStreetSuffix, 0}, {"pike", kStreetSuffix, 0},
    {"turnpike", kStreetSuffix, 0}, {"alley", kStreetSuffix, 0}, {"plaza", kStreetSuffix, 0},
    {"crescent", kStreetSuffix, 0}, {"expressway", kStreetSuffix, 0},
    {"freeway", kStreetSuffix, 0},
    // Nouns naming a numbered thing: "Section 144", "Route 9", "Flight 17".
    {"section", kIdNoun | kIdNounAnyCase, 0}, {"sections", kIdNoun | kIdNounAnyCase, 0},
    {"sec", kIdNoun, 0}, {"article", kIdNoun | kIdNounAnyCase, 0},
    {"articles", kIdNoun | kIdNounAnyCase, 0}, {"clause", kIdNoun | kIdNounAnyCase, 0},
    {"ward", kIdNoun | kIdNounAnyCase, 0}, {"sector", kIdNoun | kIdNounAnyCase, 0},
    {"route", kIdNoun, 0}, {"interstate", kIdNoun, 0}, {"flight", kIdNoun, 0},
    {"room", kIdNoun, 0}, {"precinct", kIdNoun, 0}, {"block", kIdNoun, 0},
    {"gate", kIdNoun, 0}, {"platform", kIdNoun, 0}, {"unit", kIdNoun, 0},
    {"chapter", kIdNoun, 0}, {"rule", kIdNoun, 0}, {"phase", kIdNoun, 0},
    {"zone", kIdNoun, 0}, {"apartment", kIdNoun, 0}, {"apt", kIdNoun, 0},
    {"suite", kIdNoun, 0}, {"floor", kIdNoun, 0}, {"level", kIdNoun, 0},
    {"bus", kIdNoun, 0}, {"train", kIdNoun, 0}, {"case", kIdNoun, 0}, {"item", kIdNoun, 0},
    {"page", kIdNoun, 0}, {"paragraph", kIdNoun, 0}, {"para", kIdNoun, 0},
    {"code", kIdNoun, 0}, {"bill", kIdNoun, 0}, {"resolution", kIdNoun, 0},
    {"amendment", kIdNoun, 0}, {"lot", kIdNoun, 0}, {"plot", kIdNoun, 0},
    {"building", kIdNoun, 0}, {"terminal", kIdNoun, 0}, {"hall", kIdNoun, 0},
    {"hangar", kIdNoun, 0}, {"pier", kIdNoun, 0}, {"exit", kIdNoun, 0},
    {"junction", kIdNoun, 0}, {"checkpoint", kIdNoun, 0}, {"station", kIdNoun, 0},
    {"channel", kIdNoun, 0}, {"version", kIdNoun, 0}, {"grade", kIdNoun, 0},
    {"class", kIdNoun, 0}, {"category", kIdNoun, 0}, {"schedule", kIdNoun, 0},
    {"form", kIdNoun, 0}, {"table", kIdNoun, 0}, {"figure", kIdNoun, 0},
    {"fig", kIdNoun, 0}, {"vol", kIdNoun, 0}, {"volume", kIdNoun, 0},
    {"track", kIdNoun, 0}, {"game", kIdNoun, 0}, {"round", kIdNoun, 0},
    {"episode", kIdNoun, 0}, {"season", kIdNoun, 0}, {"stage", kIdNoun, 0},
    {"part", kIdNoun, 0}, {"number", kIdNoun, 0}, {"cell", kIdNoun, 0},
    {"tower", kIdNoun, 0}, {"wing", kIdNoun, 0}, {"bay", kIdNoun, 0},
    {"proposition", kIdNoun, 0}, {"prop", kIdNoun, 0}, {"measure", kIdNoun, 0},
    {"battalion", kIdNoun, 0}, {"brigade", kIdNoun, 0}, {"regiment", kIdNoun, 0},
    {"squad", kIdNoun, 0}, {"model", kIdNoun, 0}, {"image", kIdNoun, 0},
    {"photo", kIdNoun, 0}, {"slide", kIdNoun, 0}, {"video", kIdNoun, 0},
    {"news", kIdNoun, 0},  // "Channel 4", "Action News 5"
    // Head nouns and verbs that make a number a head count (used for ambiguous numbers:
    // "2014 protesters", "in March 20 people ...").
    {"people", kPersonNoun, 0}, {"persons", kPersonNoun, 0}, {"person", kPersonNoun, 0},
    {"protesters", kPersonNoun, 0}, {"protestors", kPersonNoun, 0},
    {"demonstrators", kPersonNoun, 0}, {"students", kPersonNoun, 0},
    {"workers", kPersonNoun, 0}, {"supporters", kPersonNoun, 0},
    {"members", kPersonNoun, 0}, {"activists", kPersonNoun, 0},
    {"prisoners", kPersonNoun, 0}, {"inmates", kPersonNoun, 0},
    {"detainees", kPersonNoun, 0}, {"farmers", kPersonNoun, 0},
    {"teachers", kPersonNoun, 0}, {"residents", kPersonNoun, 0},
    {"villagers", kPersonNoun, 0}, {"soldiers", kPersonNoun, 0}, {"troops", kPersonNoun, 0},
    {"police", kPersonNoun, 0}, {"policemen", kPersonNoun, 0},
    {"officers", kPersonNoun, 0}, {"men", kPersonNoun, 0}, {"women", kPersonNoun, 0},
    {"children", kPersonNoun | kChildWord, 0}, {"kids", kPersonNoun | kChildWord, 0},
    {"boys", kPersonNoun | kChildWord, 0}, {"girls", kPersonNoun | kChildWord, 0},
    {"minors", kPersonNoun | kChildWord, 0}, {"civilians", kPersonNoun, 0},
    {"migrants", kPersonNoun, 0}, {"refugees", kPersonNoun, 0},
    {"employees", kPersonNoun, 0}, {"others", kPersonNoun, 0},
    {"participants", kPersonNoun, 0}, {"marchers", kPersonNoun, 0},
    {"rioters", kPersonNoun, 0}, {"militants", kPersonNoun, 0},
    {"fighters", kPersonNoun, 0}, {"rebels", kPersonNoun, 0},
    {"insurgents", kPersonNoun, 0}, {"suspects", kPersonNoun, 0},
    {"individuals", kPersonNoun, 0}, {"youths", kPersonNoun, 0},
    {"journalists", kPersonNoun, 0}, {"doctors", kPersonNoun, 0},
    {"nurses", kPersonNoun, 0}, {"voters", kPersonNoun, 0}, {"citizens", kPersonNoun, 0},
    {"delegates", kPersonNoun, 0}, {"miners", kPersonNoun, 0}, {"drivers", kPersonNoun, 0},
    {"traders", kPersonNoun, 0}, {"vendors", kPersonNoun, 0},
    {"merchants", kPersonNoun, 0}, {"labourers", kPersonNoun, 0},
    {"laborers", kPersonNoun, 0}, {"pilgrims", kPersonNoun, 0},
    {"devotees", kPersonNoun, 0}, {"worshippers", kPersonNoun, 0},
    {"followers", kPersonNoun, 0}, {"relatives", kPersonNoun, 0},
    {"victims", kPersonNoun, 0}, {"casualties", kPersonNoun, 0},
    {"dead", kPersonNoun, 0}, {"injured", kPersonNoun, 0}, {"wounded", kPersonNoun, 0},
    {"arrested", kPersonNoun, 0}, {"killed", kPersonNoun, 0}, {"detained", kPersonNoun, 0},
    {"were", kPersonNoun, 0}, {"are", kPersonNoun, 0}, {"have", kPersonNoun, 0},
    {"had", kPersonNoun, 0}, {"of", kPersonNoun, 0},
    // Context before a number.
    {"since", kYearPrep | kMonthPrep, 0}, {"until", kYearPrep | kMonthPrep | kTimePrep, 0},
    {"till", kYearPrep | kMonthPrep | kTimePrep, 0}, {"by", kYearPrep | kMonthPrep | kTimePrep, 0},
    {"from", kYearPrep | kMonthPrep | kTimePrep, 0}, {"during", kYearPrep | kMonthPrep, 0},
    {"before", kYearPrep | kMonthPrep | kTimePrep, 0},
    {"after", kYearPrep | kMonthPrep | kTimePrep, 0}, {"early", kYearPrep, 0},
    {"mid", kYearPrep, 0}, {"late", kYearPrep, 0},
    {"fy", kYearPrep, 0}, {"on", kMonthPrep, 0}, {"last", kMonthPrep, 0},
    {"this", kMonthPrep, 0}, {"next", kMonthPrep, 0}, {"through", kMonthPrep, 0},
    {"his", kDecadePrep, 0}, {"her", kDecadePrep, 0}, {"their", kDecadePrep, 0},
    {"aged", kAgeWord, 0}, {"age", kAgeWord, 0}, {"ages", kAgeWord, 0},
    {"fine", kMoneyNoun, 0}, {"fines", kMoneyNoun, 0}, {"bail", kMoneyNoun, 0},
    {"bond", kMoneyNoun, 0}, {"surety", kMoneyNoun, 0}, {"compensation", kMoneyNoun, 0},
    {"reward", kMoneyNoun, 0}, {"bounty", kMoneyNoun, 0}, {"ransom", kMoneyNoun, 0},
    {"penalty", kMoneyNoun, 0}, {"bribe", kMoneyNoun, 0}, {"sum", kMoneyNoun, 0},
    {"salary", kMoneyNoun, 0}, {"damages", kMoneyNoun, 0}, {"fee", kMoneyNoun, 0},
    {"fees", kMoneyNoun, 0}, {"deposit", kMoneyNoun, 0}, {"loss", kMoneyNoun, 0},
    {"losses", kMoneyNoun, 0},
    {"fined", kMoneyVerb, 0}, {"worth", kMoneyVerb, 0}, {"costing", kMoneyVerb, 0},
    {"cost", kMoneyVerb, 0}, {"costs", kMoneyVerb, 0}, {"paid", kMoneyVerb, 0},
    {"owed", kMoneyVerb, 0}, {"earned", kMoneyVerb, 0},
    {"phone", kPhoneContext, 0}, {"telephone", kPhoneContext, 0}, {"tel", kPhoneContext, 0},
    {"mobile", kPhoneContext, 0}, {"cell", kPhoneContext, 0}, {"call", kPhoneContext, 0},
    {"helpline", kPhoneContext, 0}, {"hotline", kPhoneContext, 0},
    {"whatsapp", kPhoneContext, 0}, {"contact", kPhoneContext, 0}, {"fax", kPhoneContext, 0},
    {"dial", kPhoneContext, 0}, {"ph", kPhoneContext, 0}, {"called", kPhoneContext, 0},
    {"calling", kPhoneContext, 0}, {"dialed", kPhoneContext, 0}, {"dialled", kPhoneContext, 0},
    {"rose", kChangeVerb, 0}, {"risen", kChangeVerb, 0}, {"rising", kChangeVerb, 0},
    {"rises", kChangeVerb, 0}, {"increased", kChangeVerb, 0}, {"climbed", kChangeVerb, 0},
    {"jumped", kChangeVerb, 0}, {"grew", kChangeVerb, 0}, {"went", kChangeVerb, 0},
    {"fell", kChangeVerb, 0}, {"dropped", kChangeVerb, 0}, {"declined", kChangeVerb, 0},
    {"decreased", kChangeVerb, 0}, {"reduced", kChangeVerb, 0}, {"up", kChangeVerb, 0},
    {"down", kChangeVerb, 0}, {"surged", kChangeVerb, 0},
    {",", kListSeparator, 0}, {"and", kListSeparator, 0}, {"&", kListSeparator, 0},
    {"or", kListSeparator, 0}, {"/", kListSeparator, 0},
};
// clang-format on

struct WordInfo {
  uint64_t flags = 0;
  int64_t value = 0;
};

// Open-addressing table keyed by the tokenizer's hash; built once, read-only afterwards.
// PERF: the probes read a 16 KB array of (hash tag, entry) pairs; the entries (48 bytes each)
// only when the tag matches. The slots themselves were a 96 KB array read for every token of
// the sentences scanned.
class WordTable {
 public:
  WordTable() {
    for (const WordEntry& e : kWords) {
      uint64_t h = tokens::HashToken(e.word);
      size_t i = h & kMask;
      while (index_[i] != 0 && entries_[(index_[i] & 0xFFFF) - 1].word != e.word) i = (i + 1) & kMask;
      if (index_[i] == 0) {
        entries_.push_back(Entry{h, e.word, WordInfo{}});
        index_[i] = Tag(h) | static_cast<uint32_t>(entries_.size());
      }
      Entry& entry = entries_[(index_[i] & 0xFFFF) - 1];
      entry.info.flags |= e.flags;
      if (entry.info.value == 0) entry.info.value = e.value;
    }
  }

  const WordInfo& Find(const Token& t) const {
    const uint32_t tag = Tag(t.hash);
    for (size_t i = t.hash & kMask; index_[i] != 0; i = (i + 1) & kMask) {
      if ((index_[i] & 0xFFFF0000u) != tag) continue;
      const Entry& e = entries_[(index_[i] & 0xFFFF) - 1];
      if (e.hash == t.hash && SameWord(e.word, t.norm)) return e.info;
    }
    return empty_;
  }

 private:
  static constexpr size_t kSize = 4096;  // > 4x the entries: short probe chains
  static constexpr size_t kMask = kSize - 1;
  static_assert(std::size(kWords) * 4 < kSize && std::size(kWords) < 0xFFFF);
  // The hash's top 16 bits, never zero (a zero slot is empty).
  static uint32_t Tag(uint64_t h) { return static_cast<uint32_t>((h >> 48) | 1) << 16; }
  struct Entry {
    uint64_t hash = 0;
    std::string_view word;
    WordInfo info;
  };
  std::array<uint32_t, kSize> index_{};  // Tag(hash) | (entry index + 1); 0 = empty
  std::vector<Entry> entries_;
  WordInfo empty_;
};

const WordTable& Words() {
  static const WordTable table;
  return table;
}

// ---------------------------------------------------------------------------------------------
// Qualifiers and vague words
// ---------------------------------------------------------------------------------------------

enum class Qual : uint8_t {
  kNone,
  kAtLeast,   // (N, N, null)
  kMoreThan,  // (N, N+1, null)
  kNearly,    // (N, round(0.9N), N-1)
  kApprox,    // (N, round(0.8N), round(1.2N))
  kUpTo,      // (N, null, N)
  kLessThan,  // (N, null, N-1), reported as kUpTo
  kBetween,   // between A and B
};

struct QualifierEntry {
  std::array<std::string_view, 4> words;
  Qual qual;
};

constexpr QualifierEntry kQualifiers[] = {
    {{"at", "least"}, Qual::kAtLeast},
    {{"no", "fewer", "than"}, Qual::kAtLeast},
    {{"no", "less", "than"}, Qual::kAtLeast},
    {{"not", "less", "than"}, Qual::kAtLeast},
    {{"not", "fewer", "than"}, Qual::kAtLeast},
    {{"a", "minimum", "of"}, Qual::kAtLeast},
    {{"more", "than"}, Qual::kMoreThan},
    {{"over"}, Qual::kMoreThan},
    {{"above"}, Qual::kMoreThan},
    {{"upwards", "of"}, Qual::kMoreThan},
    {{"upward", "of"}, Qual::kMoreThan},
    {{"in", "excess", "of"}, Qual::kMoreThan},
    {{"well", "over"}, Qual::kMoreThan},
    {{"well", "above"}, Qual::kMoreThan},
    {{"just", "over"}, Qual::kMoreThan},
    {{"just", "above"}, Qual::kMoreThan},
    {{"greater", "than"}, Qual::kMoreThan},
    {{"slightly", "more", "than"}, Qual::kMoreThan},
    {{"nearly"}, Qual::kNearly},
    {{"almost"}, Qual::kNearly},
    {{"close", "to"}, Qual::kNearly},
    {{"just", "under"}, Qual::kNearly},
    {{"just", "below"}, Qual::kNearly},
    {{"just", "shy", "of"}, Qual::kNearly},
    {{"slightly", "less", "than"}, Qual::kNearly},
    {{"slightly", "fewer", "than"}, Qual::kNearly},
    {{"about"}, Qual::kApprox},
    {{"around"}, Qual::kApprox},
    {{"some"}, Qual::kApprox},
    {{"approximately"}, Qual::kApprox},
    {{"approx", "."}, Qual::kApprox},
    {{"approx"}, Qual::kApprox},
    {{"roughly"}, Qual::kApprox},
    {{"an", "estimated"}, Qual::kApprox},
    {{"estimated"}, Qual::kApprox},
    {{"circa"}, Qual::kApprox},
    {{"somewhere", "around"}, Qual::kApprox},
    {{"in", "the", "region", "of"}, Qual::kApprox},
    {{"up", "to"}, Qual::kUpTo},
    {{"as", "many", "as"}, Qual::kUpTo},
    {{"at", "most"}, Qual::kUpTo},
    {{"at", "the", "most"}, Qual::kUpTo},
    {{"no", "more", "than"}, Qual::kUpTo},
    {{"not", "more", "than"}, Qual::kUpTo},
    {{"a", "maximum", "of"}, Qual::kUpTo},
    {{"less", "than"}, Qual::kLessThan},
    {{"fewer", "than"}, Qual::kLessThan},
    {{"under"}, Qual::kLessThan},
    {{"below"}, Qual::kLessThan},
    {{"between"}, Qual::kBetween},
};

// kQualifiers grouped by the token hash of their first word, each group in table order.
// PERF: MatchQualifier reads the entries of one first word only; comparing the first word of all
// fifty entries with every qualifier start ("a", "in", "more") was 1% of the coding instructions.
struct QualifierIndex {
  struct Group {
    uint64_t hash = 0;
    uint8_t begin = 0, count = 0;  // into `order`
  };
  static constexpr size_t kSlots = 128;  // a power of two, over twice the distinct first words
  std::array<uint8_t, std::size(kQualifiers)> order{};
  std::array<Group, kSlots> slots{};
  QualifierIndex() {
    std::array<uint64_t, std::size(kQualifiers)> hashes{};
    for (size_t i = 0; i < hashes.size(); ++i) hashes[i] = tokens::HashToken(kQualifiers[i].words[0]);
    uint8_t next = 0;
    for (size_t i = 0; i < hashes.size(); ++i) {
      Group& g = Slot(hashes[i]);
      if (g.count != 0) continue;  // grouped with an earlier entry
      g.hash = hashes[i];
      g.begin = next;
      for (size_t j = i; j < hashes.size(); ++j)
        if (hashes[j] == hashes[i]) order[next++] = static_cast<uint8_t>(j);
      g.count = static_cast<uint8_t>(next - g.begin);
    }
  }
  // The group of entries whose first word has token hash `h` (count 0 if none).
  const Group& Find(uint64_t h) const { return slots[SlotIndex(h)]; }

 private:
  Group& Slot(uint64_t h) { return slots[SlotIndex(h)]; }
  size_t SlotIndex(uint64_t h) const {
    size_t i = h & (kSlots - 1);
    while (slots[i].count != 0 && slots[i].hash != h) i = (i + 1) & (kSlots - 1);
    return i;
  }
};
static_assert(std::size(kQualifiers) < 256);
const QualifierIndex kQualifierIndex;

struct VagueEntry {
  std::string_view word;
  int64_t low;
  int64_t high;
  bool needs_of;  // "scores of", "tens of": without "of" the word means something else
  int64_t unit;   // after "several"/"a few": "several hundreds" = several x 100
  int64_t scale;  // as the second word of "hundreds of thousands": multiplier (0 = never)
};

// counts.README.md: several 3-9, a few 2-5, dozens 24-99, scores 40-99, hundreds 200-999,
// thousands 2000-9999, tens of thousands 20000-99999, hundreds of thousands 200000-999999;
// by analogy tens 20-99, millions, lakhs (2-9.99 lakh), crores.
constexpr VagueEntry kVague[] = {
    {"dozens", 24, 99, false, 12, 0},
    {"scores", 40, 99, true, 0, 0},
    {"tens", 20, 99, true, 0, 0},
    {"hundreds", 200, 999, false, 100, 0},
    {"thousands", 2'000, 9'999, false, 1'000, 1'000},
    {"millions", 2'000'000, 9'999'999, false, 1'000'000, 1'000'000},
    {"billions", 2'000'000'000, 9'999'999'999, false, 1'000'000'000, 1'000'000'000},
    {"lakhs", 200'000, 999'999, false, 100'000, 100'000},
    {"lacs", 200'000, 999'999, false, 100'000, 100'000},
    {"crores", 20'000'000, 99'999'999, false, 10'000'000, 10'000'000},
};

const VagueEntry* FindVague(std::string_view w) {
  for (const VagueEntry& v : kVague)
    if (v.word == w) return &v;
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Digit strings
// ---------------------------------------------------------------------------------------------

struct DigitParse {
  bool integer = false;
  bool weird = false;  // "1.2.3", "12,34,5": a code, not a quantity
  bool separators = false;
  bool euro_thousands = false;  // "1.000": 1000, or 1.0 before a scale word
  bool leading_zero = false;
  int digits = 0;
  int64_t value = 0;  // when integer (or the thousands reading of "1.000")
  double real = 0;    // numeric value ("1.5", or the decimal reading of "1.000")
};

// Parses "1,000" "1,00,000" "1.000" "3.5" "1,000.50" "1.000,50". Other shapes are weird.
DigitParse ParseDigits(std::string_view s) {
  DigitParse d;
  constexpr int kMaxGroups = 8;
  int group_len[kMaxGroups] = {};
  char sep[kMaxGroups] = {};
  int n = 0;
  int len = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      ++len;
      ++d.digits;
      continue;
    }
    if (n + 1 >= kMaxGroups) {
      d.weird = true;
      return d;
    }
    group_len[n] = len;
    sep[n] = c;
    ++n;
    len = 0;
  }
  group_len[n] = len;
  const int groups = n + 1;
  d.separators = n > 0;
  d.leading_zero = s.size() > 1 && s[0] == '0' && (n == 0 || group_len[0] > 1);
  // Accumulate all digits as an integer and remember where a decimal separator would go.
  auto digits_value = [&](size_t from, size_t to, bool* overflow) {
    int64_t v = 0;
    for (size_t k = from; k < to; ++k) {
      char c = s[k];
      if (c < '0' || c > '9') continue;
      if (v > kMaxValue / 10) {
        *overflow = true;
        return v;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  };
  bool overflow = false;
  if (n == 0) {
    d.value = digits_value(0, s.size(), &overflow);
    if (overflow) {
      d.weird = true;
      return d;
    }
    d.integer = true;
    d.real = static_cast<double>(d.value);
    return d;
  }
  bool all_comma = true;
  bool all_dot = true;
  for (int k = 0; k < n; ++k) {
    all_comma &= sep[k] == ',';
    all_dot &= sep[k] == '.';
  }
  auto tail_groups_are = [&](int from, int to, int size) {
    for (int k = from; k < to; ++k)
      if (group_len[k] != size) return false;
    return true;
  };
  auto as_decimal = [&](size_t dec_pos) {
    int64_t ip = digits_value(0, dec_pos, &overflow);
    double frac = 0;
    double scale = 0.1;
    for (size_t k = dec_pos + 1; k < s.size() && scale > 1e-12; ++k) {
      frac += (s[k] - '0') * scale;
      scale /= 10;
    }
    d.real = static_cast<double>(ip) + frac;
    d.integer = false;
    if (overflow) d.weird = true;
  };
  const bool lead_ok = group_len[0] >= 1 && group_len[0] <= 3;
  if (all_comma) {
    // US "1,000,000" or Indian "1,00,000" grouping -> integer; "1,5" -> decimal comma.
    bool us = lead_ok && tail_groups_are(1, groups, 3);
    bool indian = groups >= 3 && group_len[0] >= 1 && group_len[0] <= 2 && tail_groups_are(1, groups - 1, 2) &&
                  group_len[groups - 1] == 3;
    if (us || indian) {
      d.value = digits_value(0, s.size(), &overflow);
      d.integer = !overflow;
      d.weird = overflow;
      d.real = static_cast<double>(d.value);
    } else if (groups == 2) {
      as_decimal(s.find(','));
    } else {
      d.weird = true;
    }
    return d;
  }
  if (all_dot) {
    if (groups == 2) {
      as_decimal(s.find('.'));
      // "1.000": European thousands unless the caller sees a scale word ("1.500 million").
      if (group_len[1] == 3 && lead_ok && !(group_len[0] == 1 && s[0] == '0') && !d.weird) {
        d.euro_thousands = true;
        d.value = digits_value(0, s.size(), &overflow);
      }
    } else if (lead_ok && tail_groups_are(1, groups, 3)) {
      d.value = digits_value(0, s.size(), &overflow);  // "1.000.000"
      d.integer = !overflow;
      d.weird = overflow;
      d.real = static_cast<double>(d.value);
    } else {
      d.weird = true;  // version numbers, IP addresses
    }
    return d;
  }
  // Mixed: the last separator is the decimal one, the others group thousands.
  char dec = sep[n - 1];
  for (int k = 0; k < n - 1; ++k) {
    if (sep[k] == dec || group_len[k + 1] != 3 || !lead_ok) {
      d.weird = true;
      return d;
    }
  }
  as_decimal(s.rfind(dec));
  return d;
}

int64_t RoundTenths(int64_t n, int tenths) { return (n * tenths + 5) / 10; }

// ---------------------------------------------------------------------------------------------
// The scanner
// ---------------------------------------------------------------------------------------------

// A parsed number: digits (with scale words) or number words.
struct Core {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool integer = false;
  bool weird = false;
  bool words = false;
  bool plain = false;  // a single digit token without separators or scale words
  bool leading_zero = false;
  bool approximate = false;  // "a couple of hundred"
  bool single_one = false;   // the word "one" on its own
  int digits = 0;            // digit count of the digit token (0 for words)
  int64_t value = 0;         // when integer
  double real = 0;
  int64_t scale = 1;  // product of the scale words after digits ("5 million")
};

class Scanner {
 public:
  Scanner(const TokenizedText& doc, uint32_t begin, uint32_t end, std::vector<Quantity>* out)
      : t_(doc.tokens), begin_(begin), end_(end), out_(out), words_(Words()) {}

  void Run() {
    // PERF: each token's entry in the word table, looked up once: the phrase rules ask for the
    // same neighbours many times (the lookups were a third of the scanner's instructions).
    static thread_local std::vector<const WordInfo*> infos;
    infos.resize(end_ - begin_);
    for (uint32_t k = begin_; k < end_; ++k) infos[k - begin_] = &words_.Find(t_[k]);
    info_ = infos.data();
    uint32_t i = begin_;
    while (i < end_) {
      const Token& tok = t_[i];
      bool may_start =
          tok.kind == TokenKind::kNumber || tok.kind == TokenKind::kAlnum || (Info(i).flags & kStartMask) != 0;
      Quantity q;
      if (may_start && TryAt(i, &q) && q.end_token > i) {
        q.span = Join(t_[q.begin_token].span, t_[q.end_token - 1].span);
        out_->push_back(q);
        i = q.end_token;
      } else {
        ++i;
      }
    }
  }

 private:
  // ---- token access (everything outside [begin_, end_) reads as absent) ----
  bool In(int64_t k) const { return k >= begin_ && k < end_; }
  const WordInfo& Info(int64_t k) const {
    static const WordInfo kNone;
    return In(k) ? *info_[k - begin_] : kNone;
  }
  bool Has(int64_t k, uint64_t flag) const { return (Info(k).flags & flag) != 0; }
  bool Is(int64_t k, std::string_view s) const { return In(k) && t_[k].Is(s); }
  bool IsKind(int64_t k, TokenKind kind) const { return In(k) && t_[k].kind == kind; }
  bool IsNumber(int64_t k) const { return IsKind(k, TokenKind::kNumber); }
  // No whitespace before token k.
  bool Glued(int64_t k) const { return In(k) && !t_[k].HasFlag(tokens::kSpaceBefore); }
  // Token k is a hyphen joining its neighbours: "21-year", "seventy-one".
  bool HyphenJoin(int64_t k) const { return Is(k, "-") && Glued(k) && Glued(k + 1); }
  bool Capitalized(int64_t k) const {
    return IsKind(k, TokenKind::kWord) && (t_[k].HasFlag(tokens::kCapitalized) || t_[k].HasFlag(tokens::kAllCaps));
  }
  int64_t Value(int64_t k) const { return Info(k).value; }

  // ---- phrase parts ----

  // Longest qualifier at *k; advances *k past it.
  Qual MatchQualifier(uint32_t* k) const {
    if (!Has(*k, kQualifierStart)) return Qual::kNone;
    const QualifierIndex::Group& group = kQualifierIndex.Find(t_[*k].hash);
    Qual best = Qual::kNone;
    uint32_t best_len = 0;
    for (uint8_t g = 0; g < group.count; ++g) {
      const QualifierEntry& q = kQualifiers[kQualifierIndex.order[group.begin + g]];
      uint32_t len = 0;
      while (len < q.words.size() && !q.words[len].empty()) {
        if (!Is(*k + len, q.words[len])) break;
        ++len;
      }
      if (len == 0 || (len < q.words.size() && !q.words[len].empty())) continue;
      if (len > best_len) {
        best_len = len;
        best = q.qual;
      }
    }
    *k += best_len;
    return best;
  }

  // Number words from k: "seventy-one", "two hundred and fifty", "a dozen", "half a million",
  // "a couple of".
  bool ParseWords(uint32_t k, Core* c) const {
    c->begin = k;
    c->words = true;
    const WordInfo& first = Info(k);
    auto is_scale = [&](int64_t p) { return Has(p, kHundredWord | kBigScale | kDozenWord); };
    if ((first.flags & kHalfWord) && Has(k + 1, kArticle) && is_scale(k + 2)) {
      c->value = Value(k + 2) / 2;  // half a dozen = 6, half a million = 500000
      c->end = k + 3;
      c->integer = true;
      c->real = static_cast<double>(c->value);
      return true;
    }
    enum Last { kNothing, kA, kUnit, kTens, kHundred, kBig, kAnd, kDozen };
    Last last = kNothing;
    int64_t total = 0;
    int64_t cur = 0;
    int64_t last_big = 0;
    uint32_t p = k;
    if (first.flags & kArticle) {
      if (Is(k + 1, "couple")) {
        // "a couple of" people = 2; "a couple (of) hundred" = about 200.
        uint32_t s = k + 2;
        if (Is(s, "of")) ++s;
        if (Has(s, kHundredWord | kBigScale)) {
          c->value = 2 * Value(s);
          c->end = s + 1;
          c->approximate = true;
        } else if (Is(k + 2, "of")) {
          c->value = 2;
          c->end = k + 2;
        } else {
          return false;
        }
        c->integer = true;
        c->real = static_cast<double>(c->value);
        return true;
      }
      if (!is_scale(k + 1)) return false;
      last = kA;
      ++p;
    }
    // State saved before "and", restored when "and" turns out to join two numbers
    // ("between two hundred and three hundred").
    struct Saved {
      uint32_t p = 0;
      int64_t total = 0, cur = 0, last_big = 0;
      Last last = kNothing;
    } saved;
    bool after_and = false;
    auto rollback = [&] {
      p = saved.p;
      total = saved.total;
      cur = saved.cur;
      last_big = saved.last_big;
      last = saved.last;
    };
    while (In(p)) {
      const WordInfo& w = Info(p);
      const int64_t v = w.value;
      if (w.flags & kUnitWord) {
        bool ok =
            last == kNothing || last == kHundred || last == kBig || last == kAnd || (last == kTens && v < 10 && v > 0);
        if (!ok) break;
        cur += v;
        last = kUnit;
      } else if (w.flags & kTensWord) {
        bool ok = last == kNothing || last == kHundred || last == kBig || last == kAnd;
        if (!ok) break;
        cur += v;
        last = kTens;
      } else if (w.flags & (kHundredWord | kBigScale | kDozenWord)) {
        const bool counted = last == kA || last == kUnit || last == kTens;
        bool ok;
        if (w.flags & kHundredWord) {
          ok = counted && !(after_and && saved.last == kHundred);
        } else if (w.flags & kDozenWord) {
          ok = counted && total == 0 && !after_and;
        } else {
          ok = (counted || last == kHundred) && (last_big == 0 || v < last_big);
        }
        if (!ok) {
          if (after_and) rollback();
          break;
        }
        const int64_t base = last == kA ? 1 : cur;
        if (w.flags & kHundredWord) {
          cur = base * 100;
          last = kHundred;
        } else if (w.flags & kDozenWord) {
          cur = base * 12;
          last = kDozen;
          ++p;
          break;  // nothing continues a dozen
        } else {
          if (base > kMaxValue / v) break;
          total += base * v;
          cur = 0;
          last_big = v;
          last = kBig;
        }
      } else if (HyphenJoin(p) && ((last == kTens && Has(p + 1, kUnitWord) && Value(p + 1) > 0 && Value(p + 1) < 10) ||
                                   ((last == kUnit || last == kTens) && Has(p + 1, kHundredWord | kBigScale)))) {
        ++p;  // "seventy-one", "one-hundred"
        continue;
      } else if (Is(p, "and") && (last == kHundred || last == kBig) && Has(p + 1, kUnitWord | kTensWord)) {
        saved = Saved{p, total, cur, last_big, last};
        after_and = true;
        last = kAnd;
      } else {
        break;
      }
      ++p;
    }
    if (last == kA || last == kNothing || p == k) return false;
    c->end = p;
    c->value = total + cur;
    c->integer = true;
    c->real = static_cast<double>(c->value);
    c->single_one = c->end == k + 1 && Is(k, "one");
    return true;
  }

  // Digits with their scale words ("1.5 million", "2 lakh", "5 thousand"), or number words.
  bool ParseCore(uint32_t k, Core* c) const {
    *c = Core{};
    if (!In(k)) return false;
    const Token& tok = t_[k];
    if (tok.kind == TokenKind::kWord) return ParseWords(k, c);
    if (tok.kind != TokenKind::kNumber) return false;
    DigitParse d = ParseDigits(tok.norm);
    c->begin = k;
    c->end = k + 1;
    c->digits = d.digits;
    c->leading_zero = d.leading_zero;
    if (d.weird) {
      c->weird = true;
      return true;
    }
    const bool scale_follows = Has(k + 1, kHundredWord | kBigScale | kDozenWord);
    c->real = d.real;
    c->integer = d.integer;
    c->value = d.value;
    if (d.euro_thousands && !scale_follows) {
      c->integer = true;  // "1.000" = 1000
      c->real = static_cast<double>(d.value);
    }
    c->plain = !d.separators;
    int scales = 0;
    uint32_t p = k + 1;
    while (scales < 2 && Has(p, kHundredWord | kBigScale | kDozenWord)) {
      double v = static_cast<double>(Value(p));
      if (c->real * v > kMaxReal) break;
      c->real *= v;
      c->scale *= Value(p);
      ++scales;
      ++p;
    }
    if (scales > 0) {
      double r = std::round(c->real);
      c->integer = std::fabs(c->real - r) < 1e-6;
      c->value = static_cast<int64_t>(r);
      c->plain = false;
      c->end = p;
    }
    return true;
  }

  // "several" (3-9), "a few" (2-5), "a handful", optionally times a scale word ("several
  // hundred" 300-999); "dozens", "hundreds", "tens of thousands" ...
  bool ParseVague(uint32_t k, uint32_t* end, int64_t* low, int64_t* high) const {
    if (!In(k)) return false;
    int64_t lo = 0;
    int64_t hi = 0;
    uint32_t p = k;
    if (Is(k, "several")) {
      lo = 3;
      hi = 9;
      p = k + 1;
    } else if (Has(k, kArticle) && Is(k + 1, "few")) {
      lo = 2;
      hi = 5;
      p = k + 2;
    } else if (Has(k, kArticle) && Is(k + 1, "handful") && Is(k + 2, "of")) {
      lo = 2;
      hi = 5;
      p = k + 2;
    }
    if (p != k) {
      // Multiplier word: several hundred(s), a few thousand, several dozen.
      if (Has(p, kHundredWord | kBigScale | kDozenWord)) {
        int64_t s = Value(p);
        lo *= s;
        hi = (hi + 1) * s - 1;
        ++p;
      } else if (const VagueEntry* v = In(p) ? FindVague(t_[p].norm) : nullptr; v != nullptr && v->unit > 0) {
        // "several hundreds", "a few thousands": the plural as a multiplier.
        const int64_t s = v->unit;
        {
          lo *= s;
          hi = (hi + 1) * s - 1;
          ++p;
        }
      }
      *low = lo;
      *high = hi;
      *end = p;
      return true;
    }
    const VagueEntry* v = FindVague(t_[k].norm);
    if (v == nullptr) return false;
    p = k + 1;
    if (v->needs_of && !Is(p, "of")) return false;
    lo = v->low;
    hi = v->high;
    // "hundreds of thousands", "tens of thousands", "tens of millions".
    if (Is(p, "of") && In(p + 1)) {
      if (const VagueEntry* s = FindVague(t_[p + 1].norm); s != nullptr && s->scale > 0) {
        lo *= s->scale;
        hi = (hi + 1) * s->scale - 1;
        p += 2;
      }
    }
    *low = lo;
    *high = hi;
    *end = p;
    return true;
  }

  // "21-year-old", "17 years old", "3-month-old", "17 years of age": returns the end token.
  uint32_t AgeSuffix(uint32_t k) const {
    uint32_t p = k;
    if (HyphenJoin(p)) ++p;
    if (!Has(p, kAgeUnit)) return 0;
    ++p;
    if (HyphenJoin(p)) ++p;
    if (Is(p, "old") || Is(p, "olds")) return p + 1;
    if (Is(p, "of") && Is(p + 1, "age")) return p + 2;
    return 0;
  }

  // Capitalized words ending in a street suffix: "Euharlee Road", "N. Main St.".
  uint32_t StreetAhead(uint32_t k) const {
    uint32_t p = k;
    int names = 0;
    while (In(p) && names < 5) {
      if (Capitalized(p) || (IsKind(p, TokenKind::kAlnum) && names == 0)) {
        if (names > 0 && Has(p, kStreetSuffix)) {
          if (Is(p + 1, ".") && Glued(p + 1)) return p + 2;
          return p + 1;
        }
        ++names;
        ++p;
        continue;
      }
      if (Is(p, ".") && Glued(p) && names > 0) {
        ++p;
        continue;
      }
      break;
    }
    return 0;
  }

  // "Parish, |21": a comma right after a capitalized word that is not a month or weekday.
  bool AfterNameComma(uint32_t cb) const {
    const int64_t p = static_cast<int64_t>(cb) - 1;
    return Is(p, ",") && Capitalized(p - 1) && !Has(p - 1, kMonth | kWeekday);
  }

  // The appositive ends at k: "Parish, 21|, was", "Davis, 19|." "Ortiz, 30| and Tomas ...".
  bool ClauseEnd(int64_t k) const {
    return !In(k) || Is(k, ",") || Is(k, ".") || Is(k, ";") || Is(k, ")") || Is(k, ":") ||
           (Is(k, "and") && Capitalized(k + 1));
  }

  // "may" and "march" in lowercase are usually the verbs, unless a preposition precedes.
  bool WeakMonth(int64_t m) const {
    return (Is(m, "may") || Is(m, "march")) && !Capitalized(m) && !Has(m - 1, kMonthPrep);
  }

  // A month name after a day number: "9 May", "9 may 2002", but not "5 may be released".
  bool MonthAfter(int64_t m) const {
    if (!Has(m, kMonth)) return false;
    if (!WeakMonth(m)) return true;
    return !In(m + 1) || IsNumber(m + 1) || IsKind(m + 1, TokenKind::kPunct);
  }

  bool YearLike(const Core& c) const { return c.plain && c.digits == 4 && c.value >= 1900 && c.value <= 2100; }

  // The number is named by the word before it: "Section 144", "No. 5", "AK-47", "#3".
  NotCount IdBefore(uint32_t cb, const Core& a) const {
    const int64_t p = static_cast<int64_t>(cb) - 1;
    if (!In(p)) return NotCount::kNone;
    if (Is(p, "#")) return NotCount::kId;
    if (Is(p, ".") && (Is(p - 1, "no") || Is(p - 1, "nos"))) return NotCount::kId;
    if (Is(p, "no") && Capitalized(p)) return NotCount::kId;
    const WordInfo& w = Info(p);
    if ((w.flags & kIdNounAnyCase) || ((w.flags & kIdNoun) && Capitalized(p))) return NotCount::kId;
    // "u/s 302" (under section)
    if (Is(p, "s") && Is(p - 1, "/") && Is(p - 2, "u")) return NotCount::kId;
    // Glued to a word by an ASCII hyphen: "AK-47", "COVID-19", "mid-2019".
    if (Is(p, "-") && Glued(p) && Glued(cb) && t_[p].span.size() == 1 && IsKind(p - 1, TokenKind::kWord) &&
        !Has(p - 1, kUnitWord | kTensWord)) {
      if (Has(p - 1, kMeasureUnit)) return NotCount::kMeasure;  // "5-foot-11"
      return YearLike(a) ? NotCount::kYear : NotCount::kId;
    }
    return NotCount::kNone;
  }

  // Decides what a numeric phrase is. `pb` is the phrase start (qualifier included), `cb` the
  // first token of the number, `*end` the token after the phrase (extended over unit words).
  NotCount Classify(uint32_t pb, uint32_t cb, const Core& a, const Core* b, Qual qual, bool money, uint32_t* end) {
    const uint32_t k = *end;
    const int64_t before = static_cast<int64_t>(pb) - 1;
    if (money) {
      if (Has(k, kCurrency)) *end = k + 1;
      return NotCount::kMoney;
    }
    // Unit words right after the number.
    if (Has(k, kCurrency)) {
      *end = k + 1;
      return NotCount::kMoney;
    }
    if (Is(k, "us") && Has(k + 1, kCurrency)) {
      *end = k + 2;
      return NotCount::kMoney;
    }
    if (Has(k, kPercentWord)) {
      *end = Is(k + 1, "points") ? k + 2 : k + 1;
      return NotCount::kPercent;
    }
    if (Is(k, "per") && Is(k + 1, "cent")) {
      *end = k + 2;
      return NotCount::kPercent;
    }
    if (uint32_t e = AgeSuffix(k)) {
      *end = e;
      return NotCount::kAge;
    }
    // "19- and 20-year-old brothers", "20 and 24 year old men": the first age of a pair shares
    // the second's unit.
    if (b == nullptr) {
      uint32_t p = k;
      if (Is(p, "-") && Glued(p) && !Glued(p + 1)) ++p;
      if ((Is(p, "and") || Is(p, "or")) && IsNumber(p + 1) && AgeSuffix(p + 2)) return NotCount::kAge;
    }
    // "8 yo girl": "yo" abbreviates "years old".
    if (Is(k, "yo")) {
      *end = k + 1;
      return NotCount::kAge;
    }
    if (Has(k, kTimeSuffix)) {
      *end = k + 1;
      return NotCount::kTime;
    }
    // "1800 hours", "0930 hrs": a clock time, not a duration.
    if (b == nullptr && a.digits == 4 && !a.words && a.plain &&
        (Is(k, "hrs") || Is(k, "hours") || Is(k, "hr") || Is(k, "h"))) {
      int64_t hh = a.value / 100;
      int64_t mm = a.value % 100;
      if (hh < 24 && mm < 60 && (a.leading_zero || !Is(k, "hours") || Has(before, kTimePrep))) {
        *end = k + 1;
        return NotCount::kTime;
      }
    }
    const uint32_t u = HyphenJoin(k) ? k + 1 : k;
    // "Avery Ruiz, 23 months, ...": an age given in months after a name.
    if (u == k && Has(k, kAgeUnit) && qual == Qual::kNone && b == nullptr && AfterNameComma(cb) && ClauseEnd(k + 1)) {
      *end = k + 1;
      return NotCount::kAge;
    }
    if (Has(u, kTimeUnit) && !(Is(u, "second") && u == k)) {
      *end = u + 1;
      return NotCount::kDuration;
    }
    if (Is(u, "square") && Has(u + 1, kMeasureUnit)) {
      *end = u + 2;
      return NotCount::kMeasure;
    }
    if (Has(u, kMeasureUnit) && !Is(u, "square")) {
      *end = u + 1;
      if ((Is(u, "pounds") || Is(u, "pound")) && MoneyContext(before)) return NotCount::kMoney;
      return NotCount::kMeasure;
    }
    // "23 stab wounds", "two gunshot wounds": wounds on a body, not the people who have them.
    {
      uint32_t w = u;
      while (w < u + 3 && Has(w, kObjectModifier) && !Has(w, kObjectNoun)) ++w;
      if (Has(w, kObjectNoun)) {
        *end = w + 1;
        return NotCount::kObject;
      }
    }
    // "two-thirds", "one half": fractions are not head counts.
    if (a.words && b == nullptr && Has(u, kFraction) &&
        (u != k || !Has(u, kOrdinalWord) || a.value <= 1 || t_[u].norm.back() == 's')) {
      *end = u + 1;
      return NotCount::kDecimal;
    }
    // Context before the phrase.
    if (Has(before, kAgeWord) || (Is(before, "of") && Is(before - 1, "age"))) {
      list_class_ = NotCount::kAge;
      return NotCount::kAge;
    }
    if (Is(before, "than") && (Is(before - 1, "younger") || Is(before - 1, "older"))) return NotCount::kAge;
    if ((qual == Qual::kLessThan || qual == Qual::kUpTo || qual == Qual::kMoreThan) && Has(before, kChildWord)) {
      return NotCount::kAge;  // "children under 12"
    }
    // "fined 500" is money, but "fined 18 of them" and "fined 18 protesters" count people, and
    // so does a bare number after an active "fined" ("a court jailed 12 and fined 30"); after a
    // passive one it is what was paid ("he was fined 500").
    if (MoneyContext(before) && !ActiveFineOfPeople(before, k) &&
        !(Has(before, kMoneyVerb) && k < end_ &&
          (Is(k, "of") ||
           (t_[k].kind == tokens::TokenKind::kWord && !(words_.Find(t_[k]).flags & kCurrency) && !Is(k, "each") &&
            !Is(k, "apiece") && !Is(k, "and") && !Is(k, "or") && !Is(k, "for") && !Is(k, "in") && !Is(k, "on") &&
            !Is(k, "at") && !Is(k, "by") && !Is(k, "after") && !Is(k, "over")))))
      return NotCount::kMoney;
    if (Is(before, "per")) return NotCount::kMeasure;  // a rate: "per 100,000 residents"
    // Calibres and decimals written without the leading zero: "a .45 handgun", ".5".
    if (Is(cb - 1, ".") && Glued(cb) && !Glued(cb - 1) && !a.words) {
      return a.digits >= 2 && a.digits <= 3 ? NotCount::kMeasure : NotCount::kDecimal;
    }
    // Citations and footnotes: "[96]".
    if (Is(cb - 1, "[") && Is(k, "]")) return NotCount::kId;
    // Emergency numbers: "called 911", "a 911 call".
    if (b == nullptr && a.plain && (a.value == 911 || a.value == 999 || a.value == 112) &&
        (Has(before, kPhoneContext) || Is(k, "call") || Is(k, "calls") || Is(k, "dispatcher") || Is(k, "dispatchers") ||
         Is(k, "operator"))) {
      return NotCount::kPhone;
    }
    // "Rs. 10 lakh": the tokenizer may end a sentence at "Rs." (read-only look-back).
    if (cb == begin_ && cb >= 2 && t_[cb - 1].norm == "." && (words_.Find(t_[cb - 2]).flags & kCurrency)) {
      return NotCount::kMoney;
    }
    if (b == nullptr && a.integer && !a.words && qual == Qual::kNone && Is(k, "block")) {
      *end = k + 1;
      return NotCount::kAddress;  // "the 2000 block of Quillon Street"
    }
    const Core& last = b != nullptr ? *b : a;
    // Dates: "May 9", "Feb. 4", "9 May", "3-4 May", "9th of May".
    if (a.integer && !a.words && a.digits <= 2 && a.value >= 1 && last.value <= 31) {
      int64_t m = static_cast<int64_t>(cb) - 1;
      if (Is(m, ".") && Glued(m)) --m;
      if (b == nullptr && Has(m, kMonth)) {
        // "In March 20 people were arrested" is a head count; "on March 20" a date.
        bool head_count = Has(k, kPersonNoun) && !Is(k, "of") &&
                          (WeakMonth(m) || !In(m - 1) || Is(m - 1, "in") || Is(m - 1, "during"));
        if (!head_count) {
          list_class_ = NotCount::kDate;
          return NotCount::kDate;
        }
      }
      if (MonthAfter(k) || (Is(k, "of") && MonthAfter(k + 1))) {
        list_class_ = NotCount::kDate;
        return NotCount::kDate;
      }
    }
    // Years: "in 2014", "the 2019 election", "2019-20". A count when it heads people
    // ("2014 protesters") or carries a qualifier on a round number ("about 2000").
    if (YearLike(a) && (b == nullptr || YearLike(*b) || (b->plain && b->digits == 2))) {
      bool year = Has(before, kYearPrep);
      if (!year) {
        bool count_cue = Has(k, kPersonNoun) || (qual != Qual::kNone && qual != Qual::kBetween && a.value % 50 == 0);
        year = !count_cue;
      }
      if (year) {
        list_class_ = NotCount::kYear;
        return NotCount::kYear;
      }
    }
    // Street numbers: "937 Euharlee Road", "the 1200 block of".
    if (b == nullptr && a.integer && !a.words && qual == Qual::kNone) {
      if (uint32_t e = StreetAhead(k)) {
        *end = e;
        return NotCount::kAddress;
      }
    }
    // Numbered things: "Section 144", "No. 5", "AK-47".
    if (NotCount id = IdBefore(cb, a); id != NotCount::kNone) {
      if (id == NotCount::kId) list_class_ = NotCount::kId;
      return id;
    }
    if (Is(k, "ipc") || Is(k, "crpc")) return NotCount::kId;
    if (Is(k, "news") && Capitalized(k)) return NotCount::kId;  // "WAVE 3 News"
    // Enumerations: "1." or "2)" opening a line.
    if (cb == begin_ && (Is(k, ")") || Is(k, ".")) && !In(k + 1)) return NotCount::kId;
    // Lists continue what they started: "aged 15, 16 and 17", "sections 302, 307 and 34".
    // "Image 3 of 14": the total of a numbered series.
    if (qual == Qual::kNone && list_prev_ == NotCount::kId && cb == list_end_ + 1 && Is(list_end_, "of")) {
      return NotCount::kId;
    }
    // A verb after the list ends it, not a noun: "aged 12 and 13 were hurt" (ages), "in 2014 and
    // 2015 protesters" (people).
    const bool verb_after = list_prev_ == NotCount::kAge && (Is(k, "were") || Is(k, "are") || Is(k, "have"));
    if (qual == Qual::kNone && list_prev_ != NotCount::kNone && !(Has(k, kPersonNoun) && !Is(k, "of") && !verb_after) &&
        cb > list_end_ && cb - list_end_ <= 2) {
      bool separators = true;
      bool comma_only = true;
      for (uint32_t p = list_end_; p < cb; ++p) {
        separators &= Has(p, kListSeparator);
        comma_only &= Is(p, ",");
      }
      // Dates and years continue only over "and"/"or": "May 9, 20 were arrested" is a count.
      bool ok = separators && (!comma_only || list_prev_ == NotCount::kAge || list_prev_ == NotCount::kId);
      if (ok) {
        list_class_ = list_prev_;
        return list_prev_;
      }
    }
    // Ages after a name: "Parish, 21, was ...", "Maria Davis, 19." "Chen (19)".
    if (qual == Qual::kNone && b == nullptr && a.plain && a.value >= 1 && a.value <= 120) {
      const int64_t p = static_cast<int64_t>(cb) - 1;
      if (AfterNameComma(cb) && ClauseEnd(k)) return NotCount::kAge;
      if (Is(p, "(") && Is(k, ")") && IsKind(p - 1, TokenKind::kWord)) return NotCount::kAge;
    }
    if (a.weird || (b != nullptr && b->weird)) return NotCount::kId;
    if (!a.integer || (b != nullptr && !b->integer)) {
      // "at 9.30": a clock time written with a dot.
      if (b == nullptr && !a.words && Is(before, "at")) return NotCount::kTime;
      return NotCount::kDecimal;
    }
    if (a.plain && a.digits >= 7) {
      for (int64_t p = static_cast<int64_t>(pb) - 1; p >= static_cast<int64_t>(pb) - 3; --p)
        if (Has(p, kPhoneContext)) return NotCount::kPhone;
      return NotCount::kId;
    }
    if (a.plain && a.leading_zero) return NotCount::kId;
    return NotCount::kNone;
  }

  // Number tokens glued by ":" "/" "-": times, dates, phone numbers. Returns true and fills
  // the class and end when `a` starts such a chain.
  bool GluedChain(const Core& a, NotCount* nc, uint32_t* end) const {
    if (a.words || a.end != a.begin + 1) return false;
    uint32_t p = a.end;
    auto glued_number = [&](uint32_t s) { return Glued(s) && IsNumber(s + 1) && Glued(s + 1); };
    if (Is(p, ":") && glued_number(p)) {
      p += 2;
      if (Is(p, ":") && glued_number(p)) p += 2;
      if (Has(p, kTimeSuffix)) ++p;
      *nc = NotCount::kTime;
      *end = p;
      return true;
    }
    if (Is(p, "/") && glued_number(p)) {
      p += 2;
      bool three = false;
      if (Is(p, "/") && glued_number(p)) {
        p += 2;
        three = true;
      }
      *nc = !three && Is(p, "of") ? NotCount::kDecimal : NotCount::kDate;
      *end = p;
      return true;
    }
    if (Is(p, "-") && glued_number(p) && Is(p + 2, "-") && glued_number(p + 2)) {
      // Three or more groups: "2020-05-09", "09-05-2020", "555-123-4567".
      int groups = 1;
      int digits = a.digits;
      int len[3] = {a.digits, 0, 0};
      int64_t val[3] = {a.value, 0, 0};
      while (Is(p, "-") && glued_number(p) && groups < 6) {
        DigitParse d = ParseDigits(t_[p + 1].norm);
        if (groups < 3) {
          len[groups] = d.digits;
          val[groups] = d.value;
        }
        digits += d.digits;
        ++groups;
        p += 2;
      }
      bool ymd = groups == 3 && len[0] == 4 && val[1] >= 1 && val[1] <= 12 && val[2] >= 1 && val[2] <= 31;
      bool dmy = groups == 3 && len[0] <= 2 && len[1] <= 2 && (len[2] == 4 || len[2] == 2) && val[0] >= 1 &&
                 val[0] <= 31 && val[1] >= 1 && val[1] <= 31;
      *nc = ymd || dmy ? NotCount::kDate : digits >= 7 ? NotCount::kPhone : NotCount::kId;
      *end = p;
      return true;
    }
    return false;
  }

  // Tokens with digits and letters: "21st", "1990s", "11am", "9mm", "$5m".
  bool Alnum(uint32_t pb, uint32_t j, bool money, Qual qual, Quantity* q) const {
    std::string_view norm = t_[j].norm;
    size_t split = 0;
    while (split < norm.size() &&
           ((norm[split] >= '0' && norm[split] <= '9') || norm[split] == ',' || norm[split] == '.'))
      ++split;
    while (split > 0 && (norm[split - 1] == ',' || norm[split - 1] == '.')) --split;
    std::string_view digits = norm.substr(0, split);
    std::string_view suffix = norm.substr(split);
    DigitParse d = ParseDigits(digits);
    bool integer = d.integer && !d.weird;
    int64_t value = d.value;
    double real = d.real;
    NotCount nc = NotCount::kId;
    uint32_t end = j + 1;
    auto one_of = [&](std::initializer_list<std::string_view> list) {
      for (std::string_view s : list)
        if (suffix == s) return true;
      return false;
    };
    if (money) {
      nc = NotCount::kMoney;
      double mult = one_of({"m", "mn", "mln"}) ? 1e6 : one_of({"bn", "b"}) ? 1e9 : one_of({"k"}) ? 1e3 : 1;
      if (mult > 1 && !d.weird && real * mult <= kMaxReal) {
        real *= mult;
        value = static_cast<int64_t>(std::llround(real));
        integer = std::fabs(real - std::round(real)) < 1e-6;
      } else if (mult > 1) {
        integer = false;
      }
    } else if (one_of({"st", "nd", "rd", "th"})) {
      nc = NotCount::kOrdinal;
    } else if (suffix == "s") {
      // "1990s", "the 80s"; "in his 40s", "in her late 20s" are ages.
      const int64_t p = static_cast<int64_t>(j) - 1;
      const bool part = Is(p, "early") || Is(p, "mid") || Is(p, "late");
      if (d.digits == 2 && (Has(p, kDecadePrep) || (part && Has(p - 1, kDecadePrep)))) {
        nc = NotCount::kAge;
      } else if (d.digits == 2 || d.digits == 4) {
        nc = NotCount::kYear;
      }
    } else if (one_of({"am", "pm", "a.m.", "p.m.", "hrs", "hr", "h", "hours", "gmt"})) {
      bool clock = !one_of({"hrs", "hr", "h", "hours"}) || d.digits == 4 || d.leading_zero;
      nc = clock ? NotCount::kTime : NotCount::kDuration;
    } else if (one_of({"yo", "yrs", "yr", "y"})) {
      if (suffix == "yo" || Is(end, "old")) {
        nc = NotCount::kAge;
        if (Is(end, "old")) ++end;
      } else {
        nc = NotCount::kDuration;
      }
    } else if (one_of({"day", "days", "d", "min", "mins", "sec", "secs", "wk", "wks"})) {
      nc = NotCount::kDuration;
    } else if (one_of({"mm",   "cm",   "km",  "kms", "m",   "kg",   "kgs", "g",  "gm", "mg",
                       "lb",   "lbs",  "ft",  "mph", "kph", "kmph", "kmh", "mw", "kw", "kwh",
                       "gw",   "gb",   "mb",  "tb",  "ml",  "l",    "ltr", "cc", "v",  "hp",
                       "sqft", "sqkm", "sqm", "ha",  "mtr", "mtrs", "t",   "oz", "in", "inch"})) {
      nc = NotCount::kMeasure;
    }
    q->begin_token = pb;
    q->end_token = end;
    q->not_count = nc;
    if (integer && !d.weird) {
      SetValues(q, qual, value);
    } else {
      q->kind = KindOf(qual);
    }
    return true;
  }

  static QuantityKind KindOf(Qual qual) {
    switch (qual) {
      case Qual::kNone:
      case Qual::kBetween:
        return QuantityKind::kExact;
      case Qual::kAtLeast:
        return QuantityKind::kAtLeast;
      case Qual::kMoreThan:
        return QuantityKind::kMoreThan;
      case Qual::kNearly:
        return QuantityKind::kNearly;
      case Qual::kApprox:
        return QuantityKind::kApproximate;
      case Qual::kUpTo:
      case Qual::kLessThan:
        return QuantityKind::kUpTo;
    }
    return QuantityKind::kExact;
  }

  // The value table of counts.README.md.
  static void SetValues(Quantity* q, Qual qual, int64_t n) {
    q->kind = KindOf(qual);
    q->value = n;
    switch (qual) {
      case Qual::kNone:
      case Qual::kBetween:
        q->low = n;
        q->high = n;
        break;
      case Qual::kAtLeast:
        q->low = n;
        break;
      case Qual::kMoreThan:
        q->low = n + 1;
        break;
      case Qual::kNearly: {
        int64_t high = n > 0 ? n - 1 : 0;
        int64_t low = RoundTenths(n, 9);
        q->low = low < high ? low : high;
        q->high = high;
        break;
      }
      case Qual::kApprox:
        q->low = RoundTenths(n, 8);
        q->high = RoundTenths(n, 12);
        break;
      case Qual::kUpTo:
        q->high = n;
        break;
      case Qual::kLessThan:
        q->high = n > 0 ? n - 1 : 0;
        break;
    }
  }

  // "jailed 12 and fined 30", "the court fined 45.": "fined" with no auxiliary before it in the
  // sentence (not "was fined 500", "were jailed and fined 300") and a bare number after it
  // (not "fined 30 each", "fined 30 dollars").
  bool ActiveFineOfPeople(int64_t before, uint32_t k) const {
    if (!Is(before, "fined")) return false;
    if (k < end_ && (t_[k].kind == tokens::TokenKind::kWord && !Is(k, "and") && !Is(k, "or") && !Is(k, "on") &&
                     !Is(k, "in") && !Is(k, "for") && !Is(k, "after") && !Is(k, "over")))
      return false;
    for (int64_t p = before - 1; p >= static_cast<int64_t>(begin_) && p >= before - 12; --p)
      if (Is(p, "was") || Is(p, "were") || Is(p, "been") || Is(p, "be") || Is(p, "being") || Is(p, "is") ||
          Is(p, "are") || Is(p, "got") || Is(p, "get") || Is(p, "gets") || Is(p, "him") || Is(p, "her") ||
          Is(p, "them"))
        return false;
    return true;
  }

  // "fined 500", "a fine of 500".
  bool MoneyContext(int64_t before) const {
    return Has(before, kMoneyVerb) || (Is(before, "of") && Has(before - 1, kMoneyNoun));
  }

  // "rose from 10 to 20": two numbers, not a range.
  bool ChangeBefore(uint32_t pb) const {
    const int64_t p = static_cast<int64_t>(pb) - 1;
    return Is(p, "from") && Has(p - 1, kChangeVerb);
  }

  bool TryAt(uint32_t i, Quantity* q) {
    list_prev_ = list_class_;
    list_class_ = NotCount::kNone;
    const Token& tok = t_[i];
    const WordInfo& info = Info(i);
    // Ordinal words: "third", "twenty-first".
    if (info.flags & kOrdinalWord) {
      if (Has(i - 1, kUnitWord | kTensWord) && (info.flags & kFraction)) return false;
      q->begin_token = i;
      q->end_token = i + 1;
      q->not_count = NotCount::kOrdinal;
      SetValues(q, Qual::kNone, info.value);
      return true;
    }
    if ((info.flags & kTensWord) && HyphenJoin(i + 1) && Has(i + 2, kOrdinalWord) && Value(i + 2) < 10) {
      q->begin_token = i;
      q->end_token = i + 3;
      q->not_count = NotCount::kOrdinal;
      SetValues(q, Qual::kNone, info.value + Value(i + 2));
      return true;
    }
    // "+1 555 0100": international phone numbers.
    if (tok.norm == "+" && IsNumber(i + 1) && Glued(i + 1)) {
      uint32_t p = i + 1;
      uint32_t last_number = p;
      while (In(p) && p < i + 12) {
        if (IsNumber(p) && t_[p].norm.find(',') == std::string_view::npos && t_[p].norm.size() <= 6) {
          last_number = p;
        } else if (!(Is(p, "-") || Is(p, "(") || Is(p, ")"))) {
          break;
        }
        ++p;
      }
      q->begin_token = i;
      q->end_token = last_number + 1;
      q->not_count = NotCount::kPhone;
      return true;
    }
    uint32_t j = i;
    Qual qual = MatchQualifier(&j);
    if (!In(j)) return false;
    // Vague quantities.
    {
      uint32_t vend = 0;
      int64_t lo = 0;
      int64_t hi = 0;
      if (qual != Qual::kBetween && ParseVague(j, &vend, &lo, &hi)) {
        q->begin_token = i;
        q->end_token = vend;
        q->kind = QuantityKind::kVague;
        q->low = lo;
        q->high = hi;
        // "thousands of dollars", "several days", "a few metres".
        uint32_t u = Is(vend, "of") ? vend + 1 : vend;
        if (Has(u, kCurrency)) {
          q->not_count = NotCount::kMoney;
          q->end_token = u + 1;
        } else if (Has(u, kTimeUnit) && !Is(u, "second")) {
          q->not_count = NotCount::kDuration;
          q->end_token = u + 1;
        } else if (Has(u, kMeasureUnit) && !Is(u, "square")) {
          q->not_count = NotCount::kMeasure;
          q->end_token = u + 1;
        } else if (Has(static_cast<int64_t>(i) - 1, kAgeWord)) {
          q->not_count = NotCount::kAge;
        }
        return true;
      }
    }
    // Currency before the number: "$5,000", "Rs 500", "Rs. 10 lakh", "€300".
    bool money = false;
    if (Has(j, kCurrency)) {
      uint32_t n = j + 1;
      if (Is(n, ".") && Glued(n)) ++n;
      if (IsNumber(n) || IsKind(n, TokenKind::kAlnum)) {
        money = true;
        j = n;
      } else {
        return false;
      }
    }
    if (IsKind(j, TokenKind::kAlnum)) return Alnum(i, j, money, qual, q);
    Core a;
    if (!ParseCore(j, &a)) return false;
    // "no one", "the one who", "one another", "at one point": pronoun uses of "one".
    if (a.single_one && qual == Qual::kNone && !money) {
      const int64_t p = static_cast<int64_t>(j) - 1;
      if (Is(p, "no") || Is(p, "any") || Is(p, "every") || Is(p, "each") || Is(p, "the") || Is(p, "this") ||
          Is(p, "that") || Is(p, "which") || Is(a.end, "another") || Is(a.end, "point") ||
          (HyphenJoin(a.end) && Is(a.end + 1, "on")))
        return false;
    }
    uint32_t pb = i;  // phrase begin
    uint32_t k = a.end;
    NotCount nc = NotCount::kNone;
    bool chain = false;
    if (!money) {
      uint32_t chain_end = 0;
      if (GluedChain(a, &nc, &chain_end)) {
        chain = true;
        k = chain_end;
      }
    }
    // Ranges: "30-40", "30 to 40", "two or three", "between 30 and 40".
    Core b;
    bool range = false;
    if (!chain) {
      if (qual == Qual::kBetween) {
        if (!(Is(k, "and") && ParseCore(k + 1, &b))) {
          qual = Qual::kNone;
          pb = j;
        } else {
          range = true;
        }
      } else if ((Is(k, "-") || Is(k, "to") || Is(k, "or")) && !(Is(k, "to") && ChangeBefore(pb))) {
        range = ParseCore(k + 1, &b) && !b.weird && b.words == a.words;
      }
      if (range) {
        const bool glued_hyphen = Is(k, "-") && Glued(k) && Glued(k + 1);
        // "20-30 thousand": the scale applies to both ends.
        if (a.scale == 1 && b.scale > 1 && a.integer && a.value <= kMaxValue / b.scale &&
            a.value * b.scale <= b.value) {
          a.value *= b.scale;
          a.real = static_cast<double>(a.value);
        }
        // "10-15,000": thousands written once for both ends.
        if (glued_hyphen && a.plain && a.integer && b.integer && !b.plain && b.scale == 1 && b.value % 1000 == 0 &&
            a.value < b.value / 1000 && a.value * 10 >= b.value / 1000) {
          a.value *= 1000;
          a.real = static_cast<double>(a.value);
        }
        if (glued_hyphen && YearLike(a) && (YearLike(b) || (b.plain && b.digits == 2))) {
          nc = NotCount::kYear;  // "2019-2020", "2019-20"
          k = b.end;
          range = false;
          chain = true;
        } else if (glued_hyphen && a.plain && b.plain &&
                   ((a.digits == 3 && b.digits == 4 && !(a.value % 50 == 0 && b.value % 50 == 0)) ||
                    (HyphenJoin(b.end) &&
                     (IsNumber(b.end + 1) || (In(b.end + 1) && t_[b.end + 1].HasFlag(tokens::kAllCaps)))))) {
          nc = NotCount::kPhone;  // "555-1234" (but "500-1000" is a range)
          k = b.end;
          range = false;
          chain = true;
        } else if (a.integer && b.integer && a.value < b.value) {
          k = b.end;
        } else if (glued_hyphen && a.integer && b.integer) {
          nc = NotCount::kId;  // score lines and tallies: "2-1", "5-4"
          k = b.end;
          range = false;
          chain = true;
        } else {
          range = false;
          if (qual == Qual::kBetween) {
            qual = Qual::kNone;
            pb = j;
          }
        }
      } else if (qual == Qual::kBetween) {
        qual = Qual::kNone;
        pb = j;
      }
    }
    // Postfix qualifiers: "20 or more", "20+", "20-plus", "20 or so", "30-odd", "10 or fewer".
    if (!range && !chain && a.integer) {
      Qual post = Qual::kNone;
      uint32_t e = k;
      if (Is(k, "or") && (Is(k + 1, "more") || Is(k + 1, "above") || Is(k + 1, "over"))) {
        post = Qual::kAtLeast;
        e = k + 2;
      } else if (Is(k, "and") && (Is(k + 1, "above") || Is(k + 1, "over"))) {
        post = Qual::kAtLeast;
        e = k + 2;
      } else if (Is(k, "+") && Glued(k)) {
        post = Qual::kAtLeast;
        e = k + 1;
      } else if (HyphenJoin(k) && Is(k + 1, "plus")) {
        post = Qual::kAtLeast;
        e = k + 2;
      } else if (Is(k, "or") && Is(k + 1, "so")) {
        post = Qual::kApprox;
        e = k + 2;
      } else if (HyphenJoin(k) && Is(k + 1, "odd")) {
        post = Qual::kApprox;
        e = k + 2;
      } else if (Is(k, "odd")) {
        post = Qual::kApprox;
        e = k + 1;
      } else if (Is(k, "or") && (Is(k + 1, "fewer") || Is(k + 1, "less"))) {
        post = Qual::kUpTo;
        e = k + 2;
      }
      if (post != Qual::kNone && (qual == Qual::kNone || qual == Qual::kApprox)) {
        qual = post;
        k = e;
      }
    }
    if (a.approximate && qual == Qual::kNone) qual = Qual::kApprox;
    uint32_t end = k;
    if (!chain) nc = Classify(pb, j, a, range ? &b : nullptr, qual, money, &end);
    q->begin_token = pb;
    q->end_token = end;
    q->not_count = nc;
    if (range) {
      q->kind = QuantityKind::kRange;
      q->low = a.value;
      q->high = b.value;
    } else if (a.integer && !a.weird && !chain) {
      SetValues(q, qual, a.value);
    } else {  // glued chains ("10:30", "2-1", "3/4/2020") and codes carry no value
      q->kind = KindOf(qual);
    }
    if (list_class_ != NotCount::kNone) list_end_ = end;
    return true;
  }

  const std::vector<Token>& t_;
  const uint32_t begin_;
  const uint32_t end_;
  std::vector<Quantity>* out_;
  const WordTable& words_;
  const WordInfo* const* info_ = nullptr;  // per token of [begin_, end_), set by Run()
  // Class of the previous phrase when it came from context that carries over a list
  // ("aged 15, 16 and 17"), and where that phrase ended.
  NotCount list_class_ = NotCount::kNone;
  NotCount list_prev_ = NotCount::kNone;
  uint32_t list_end_ = 0;
};

}  // namespace

std::string_view NotCountName(NotCount reason) {
  switch (reason) {
    case NotCount::kNone:
      return "none";
    case NotCount::kAge:
      return "age";
    case NotCount::kYear:
      return "year";
    case NotCount::kDate:
      return "date";
    case NotCount::kTime:
      return "time";
    case NotCount::kMoney:
      return "money";
    case NotCount::kDuration:
      return "duration";
    case NotCount::kPercent:
      return "percent";
    case NotCount::kOrdinal:
      return "ordinal";
    case NotCount::kPhone:
      return "phone";
    case NotCount::kId:
      return "id";
    case NotCount::kMeasure:
      return "measure";
    case NotCount::kAddress:
      return "address";
    case NotCount::kDecimal:
      return "decimal";
    case NotCount::kObject:
      return "object";
  }
  return "unknown";
}

std::string_view QuantityKindName(QuantityKind kind) {
  switch (kind) {
    case QuantityKind::kExact:
      return "exact";
    case QuantityKind::kAtLeast:
      return "at_least";
    case QuantityKind::kMoreThan:
      return "more_than";
    case QuantityKind::kNearly:
      return "nearly";
    case QuantityKind::kApproximate:
      return "approximate";
    case QuantityKind::kUpTo:
      return "up_to";
    case QuantityKind::kRange:
      return "range";
    case QuantityKind::kVague:
      return "vague";
  }
  return "unknown";
}

NumberExtractor::NumberExtractor() { Words(); }  // builds the word table before first use

void NumberExtractor::Extract(const tokens::TokenizedText& doc, uint32_t begin_token, uint32_t end_token,
                              std::vector<Quantity>* out) const {
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  if (end_token > n) end_token = n;
  if (begin_token >= end_token) return;
  Scanner(doc, begin_token, end_token, out).Run();
}

}  // namespace evident::extract
