// DateExtractor: a left-to-right scan over one sentence's tokens. Each token is classified once
// (numbers by kind, words by a lookup in a small hash table of date words); only a hit starts a
// matcher, which either returns the end of the tokens it consumed (emitting zero, one or two
// mentions) or 0 to let the scan move on. Forms and resolution rules: dates.h, docs/dates.md.
#include "extract/dates.h"

#include <array>
#include <cassert>

#include "common/bytes.h"

namespace evident::extract {
namespace {

using tokens::Token;
using tokens::TokenKind;

// A written year outside this range is not a year (a count, an id, a street number).
constexpr int kMinYear = 1800;
constexpr int kMaxYear = 2199;
// A bare year ("in 2019") has no month to vouch for it: a narrower range.
constexpr int kMinBareYear = 1900;
constexpr int kMaxBareYear = 2099;
// How far back a month-day without a year may be placed ("Feb. 29" needs a leap year).
constexpr int kMaxYearsBack = 8;
// A month-day or month without a year is placed in the latest year that puts it (its first
// day) no later than publication + kFutureDays. Dates written without a year that lie ahead
// of publication are nearly all hearings, sentencings, elections and planned rallies ("due in
// court on April 8", "the march 15 rath puja programme", "will be sentenced in November"),
// up to about three months ahead. On gva.jsonl, of the 45 month-days that a 1-day and this
// 92-day window resolve differently, 35 are right with 92 days; of 36 bare months in the dev
// sets within 92 days ahead, about 24 are future and 5 past. See docs/dates.md.
constexpr long kFutureDays = 92;

enum class WordId : uint8_t {
  kMonth,      // value 1..12
  kWeekday,    // value 0..6 (Monday = 0, as common/date.h)
  kPartOfDay,  // night, morning, afternoon, evening
  kYesterday,
  kToday,
  kTonight,
  kTomorrow,
  kLast,
  kThis,
  kNext,
  kEarlier,
  kLater,
  kPast,
  kThe,
  kSame,
  kNumeral,  // "a", "one" .. "ten"; value
  kPrevious,
  kFollowing,
  kDayUnit,
  kWeekUnit,
  kWeekendUnit,
  kMonthUnit,
  kYearUnit,
  kAgo,
  kBefore,
  kAfter,
  kHoliday,  // "new", "christmas", "halloween": checked with their next words
  kPrep,     // only its flags matter
};

enum WordFlag : uint8_t {
  kAbbrev = 1,      // "feb", "sept", "fri": needs a dot, or a number next to it
  kWeak = 2,        // "may", "march", "sat", "sun", "wed", "mon": also ordinary words
  kPeriodPrep = 4,  // may introduce a bare month: "in May", "since April", "mid-June"
  kYearPrep = 8,    // may introduce a bare year: "in 2019" (not "by", "of", "from": counts)
  kDayPrep = 16,    // makes "15 may" a date: "on 15 may", "since 15 march"
};

struct WordEntry {
  std::string_view text;
  WordId id;
  int8_t value;
  uint8_t flags;
};

constexpr WordEntry kWords[] = {
    {"january", WordId::kMonth, 1, 0},
    {"february", WordId::kMonth, 2, 0},
    {"march", WordId::kMonth, 3, kWeak},
    {"april", WordId::kMonth, 4, 0},
    {"may", WordId::kMonth, 5, kWeak},
    {"june", WordId::kMonth, 6, 0},
    {"july", WordId::kMonth, 7, 0},
    {"august", WordId::kMonth, 8, 0},
    {"september", WordId::kMonth, 9, 0},
    {"october", WordId::kMonth, 10, 0},
    {"november", WordId::kMonth, 11, 0},
    {"december", WordId::kMonth, 12, 0},
    {"jan", WordId::kMonth, 1, kAbbrev},
    {"feb", WordId::kMonth, 2, kAbbrev},
    {"mar", WordId::kMonth, 3, kAbbrev},
    {"apr", WordId::kMonth, 4, kAbbrev},
    {"jun", WordId::kMonth, 6, kAbbrev},
    {"jul", WordId::kMonth, 7, kAbbrev},
    {"aug", WordId::kMonth, 8, kAbbrev},
    {"sep", WordId::kMonth, 9, kAbbrev},
    {"sept", WordId::kMonth, 9, kAbbrev},
    {"oct", WordId::kMonth, 10, kAbbrev},
    {"nov", WordId::kMonth, 11, kAbbrev},
    {"dec", WordId::kMonth, 12, kAbbrev},
    {"monday", WordId::kWeekday, 0, 0},
    {"tuesday", WordId::kWeekday, 1, 0},
    {"wednesday", WordId::kWeekday, 2, 0},
    {"thursday", WordId::kWeekday, 3, 0},
    {"friday", WordId::kWeekday, 4, 0},
    {"saturday", WordId::kWeekday, 5, 0},
    {"sunday", WordId::kWeekday, 6, 0},
    {"mon", WordId::kWeekday, 0, kAbbrev | kWeak},
    {"tue", WordId::kWeekday, 1, kAbbrev},
    {"tues", WordId::kWeekday, 1, kAbbrev},
    {"wed", WordId::kWeekday, 2, kAbbrev | kWeak},
    {"thu", WordId::kWeekday, 3, kAbbrev},
    {"thur", WordId::kWeekday, 3, kAbbrev},
    {"thurs", WordId::kWeekday, 3, kAbbrev},
    {"fri", WordId::kWeekday, 4, kAbbrev},
    {"sat", WordId::kWeekday, 5, kAbbrev | kWeak},
    {"sun", WordId::kWeekday, 6, kAbbrev | kWeak},
    {"night", WordId::kPartOfDay, 0, 0},
    {"morning", WordId::kPartOfDay, 0, 0},
    {"afternoon", WordId::kPartOfDay, 0, 0},
    {"evening", WordId::kPartOfDay, 0, 0},
    {"yesterday", WordId::kYesterday, 0, 0},
    {"today", WordId::kToday, 0, 0},
    {"tonight", WordId::kTonight, 0, 0},
    {"tomorrow", WordId::kTomorrow, 0, 0},
    {"last", WordId::kLast, 0, 0},
    {"this", WordId::kThis, 0, 0},
    {"next", WordId::kNext, 0, 0},
    {"earlier", WordId::kEarlier, 0, 0},
    {"later", WordId::kLater, 0, 0},
    {"past", WordId::kPast, 0, 0},
    {"the", WordId::kThe, 0, 0},
    {"same", WordId::kSame, 0, 0},
    {"a", WordId::kNumeral, 1, 0},
    {"an", WordId::kNumeral, 1, 0},
    {"one", WordId::kNumeral, 1, 0},
    {"two", WordId::kNumeral, 2, 0},
    {"three", WordId::kNumeral, 3, 0},
    {"four", WordId::kNumeral, 4, 0},
    {"five", WordId::kNumeral, 5, 0},
    {"six", WordId::kNumeral, 6, 0},
    {"seven", WordId::kNumeral, 7, 0},
    {"eight", WordId::kNumeral, 8, 0},
    {"nine", WordId::kNumeral, 9, 0},
    {"ten", WordId::kNumeral, 10, 0},
    {"previous", WordId::kPrevious, 0, 0},
    {"following", WordId::kFollowing, 0, 0},
    {"day", WordId::kDayUnit, 0, 0},
    {"days", WordId::kDayUnit, 0, 0},
    {"week", WordId::kWeekUnit, 0, 0},
    {"weeks", WordId::kWeekUnit, 0, 0},
    {"weekend", WordId::kWeekendUnit, 0, 0},
    {"month", WordId::kMonthUnit, 0, 0},
    {"months", WordId::kMonthUnit, 0, 0},
    {"year", WordId::kYearUnit, 0, 0},
    {"years", WordId::kYearUnit, 0, 0},
    {"ago", WordId::kAgo, 0, 0},
    {"new", WordId::kHoliday, 0, 0},
    {"christmas", WordId::kHoliday, 0, 0},
    {"halloween", WordId::kHoliday, 0, 0},
    {"fourth", WordId::kHoliday, 0, 0},
    {"thanksgiving", WordId::kHoliday, 0, 0},
    {"easter", WordId::kHoliday, 0, 0},
    {"memorial", WordId::kHoliday, 0, 0},
    {"before", WordId::kBefore, 0, kPeriodPrep | kYearPrep | kDayPrep},
    {"after", WordId::kAfter, 0, kPeriodPrep | kYearPrep | kDayPrep},
    {"on", WordId::kPrep, 0, kDayPrep},
    {"around", WordId::kPrep, 0, kDayPrep},
    {"of", WordId::kPrep, 0, kPeriodPrep | kDayPrep},
    {"from", WordId::kPrep, 0, kPeriodPrep | kDayPrep},
    {"by", WordId::kPrep, 0, kPeriodPrep | kDayPrep},
    {"in", WordId::kPrep, 0, kPeriodPrep | kYearPrep},
    {"during", WordId::kPrep, 0, kPeriodPrep | kYearPrep},
    {"throughout", WordId::kPrep, 0, kPeriodPrep | kYearPrep},
    {"through", WordId::kPrep, 0, kPeriodPrep | kYearPrep | kDayPrep},
    {"since", WordId::kPrep, 0, kPeriodPrep | kYearPrep | kDayPrep},
    {"until", WordId::kPrep, 0, kPeriodPrep | kYearPrep | kDayPrep},
    {"till", WordId::kPrep, 0, kPeriodPrep | kYearPrep | kDayPrep},
    {"early", WordId::kPrep, 0, kPeriodPrep | kYearPrep},
    {"late", WordId::kPrep, 0, kPeriodPrep | kYearPrep},
    {"mid", WordId::kPrep, 0, kPeriodPrep | kYearPrep},
};
constexpr size_t kNumWords = sizeof(kWords) / sizeof(kWords[0]);

// Open-addressing table keyed by Token::hash. PERF: one masked probe per word token; the
// first probe misses for almost every token of running text, so the scan costs about one
// load and compare per token: 160-410 MB/s of text on the dev sets (-O2, one core, after
// tokenization), a small share of the tokenizer's time.
class WordTable {
 public:
  WordTable() {
    static_assert(kNumWords < 255 && kNumWords * 2 < kSlots, "table too full");
    for (size_t w = 0; w < kNumWords; ++w) {
      uint64_t h = tokens::HashToken(kWords[w].text);
      size_t slot = h & (kSlots - 1);
      while (index_[slot] != 0) slot = (slot + 1) & (kSlots - 1);
      index_[slot] = static_cast<uint8_t>(w + 1);
      hash_[slot] = h;
    }
  }

  const WordEntry* Find(const Token& t) const {
    for (size_t slot = t.hash & (kSlots - 1); index_[slot] != 0; slot = (slot + 1) & (kSlots - 1)) {
      if (hash_[slot] != t.hash) continue;
      const WordEntry& e = kWords[index_[slot] - 1];
      if (SameWord(e.text, t.norm)) return &e;
    }
    return nullptr;
  }

 private:
  static constexpr size_t kSlots = 1024;  // PERF: a miss (most words) ends after ~1 probe (2.5 with 256)
  std::array<uint8_t, kSlots> index_{};  // kWords index + 1; 0 = empty
  std::array<uint64_t, kSlots> hash_{};
};

const WordTable& Words() {
  static const WordTable table;  // immutable after (thread-safe) initialization
  return table;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Value of an all-digit string of 1..4 digits; -1 otherwise.
int DigitsValue(std::string_view s) {
  if (s.empty() || s.size() > 4) return -1;
  int v = 0;
  for (char c : s) {
    if (!IsDigit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool IsValid(const CivilDate& d) {
  return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= DaysInMonth(d.year, d.month);
}

// A date form matched by syntax, before resolution. end == 0: no match. A match that is not
// `valid` still consumes its tokens (so "31 February 2020" does not leave "February 2020").
// US holidays whose day moves from year to year.
enum class MovingHoliday : uint8_t { kNone, kThanksgiving, kEaster, kMemorialDay };

// The day of `h` in `year`.
CivilDate MovingHolidayIn(MovingHoliday h, int year) {
  // The n-th (n > 0) or last (n = 0) `weekday` (0 = Monday) of `month`.
  auto nth = [year](int month, int weekday, int n) {
    if (n == 0) {
      int last = DaysInMonth(year, month);
      int w = Weekday(CivilDate{year, month, last});
      return CivilDate{year, month, last - (w - weekday + 7) % 7};
    }
    int w = Weekday(CivilDate{year, month, 1});
    return CivilDate{year, month, 1 + (weekday - w + 7) % 7 + 7 * (n - 1)};
  };
  switch (h) {
    case MovingHoliday::kThanksgiving:
      return nth(11, 3, 4);  // fourth Thursday of November
    case MovingHoliday::kMemorialDay:
      return nth(5, 0, 0);  // last Monday of May
    case MovingHoliday::kEaster: {
      // Gregorian computus (the anonymous algorithm, Meeus/Jones/Butcher).
      int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
      int h2 = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h2 - k) % 7;
      int m = (a + 11 * h2 + 22 * l) / 451;
      int month = (h2 + l - 7 * m + 114) / 31, day = (h2 + l - 7 * m + 114) % 31 + 1;
      return CivilDate{year, month, day};
    }
    case MovingHoliday::kNone:
      break;
  }
  return CivilDate{};
}

struct Parsed {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool valid = true;
  int year = 0;   // 0: not written (supplied from the publication date)
  int month = 0;  // 0: year precision
  int day = 0;    // 0: month (or year) precision
  // Ranges "5-7 May", "May 12-14": the first day has its own tokens [begin, first_end) and
  // the second part is [second_begin, end).
  int first_day = 0;
  uint32_t first_end = 0;
  uint32_t second_begin = 0;
  // "May 25 last year": the year relative to publication (year == 0 and has_year_offset).
  bool has_year_offset = false;
  int year_offset = 0;
  // "2020-05-09T10:00": the last token runs past the date; the span ends here instead.
  uint32_t span_end = 0;
  // A holiday whose day moves ("Thanksgiving"): month and day follow from the year.
  MovingHoliday moving = MovingHoliday::kNone;
  bool matched() const { return end != 0; }
};

struct MonthWord {
  int month = 0;             // 0: not a month word
  uint32_t end = 0;          // after the abbreviation dot, if any
  bool weak = false;         // "may"/"march" that may be the modal or the noun: needs a number
  bool bare_abbrev = false;  // "feb" without its dot: needs a number
};

class Scanner {
 public:
  Scanner(const tokens::TokenizedText& doc, uint32_t begin, uint32_t end, const std::optional<CivilDate>& published,
          std::vector<DateMention>* out)
      : toks_(doc.tokens.data()), b_(begin), e_(end), pub_(published), out_(out) {
    if (pub_) {
      pub_days_ = DaysFromCivil(*pub_);
      pub_weekday_ = Weekday(*pub_);
    }
  }

  void Run() {
    const WordTable& words = words_;
    for (uint32_t i = b_; i < e_;) {
      const Token& t = toks_[i];
      uint32_t end = 0;
      if (t.kind == TokenKind::kNumber || t.kind == TokenKind::kAlnum) {
        end = TryNumber(i);
      } else if (t.kind == TokenKind::kWord) {
        if (const WordEntry* w = words.Find(t)) end = TryWord(i, *w);
      }
      i = end > i ? end : i + 1;
    }
  }

 private:
  // ---- token tests (all false outside [b_, e_)) ----
  bool Has(uint32_t i) const { return i >= b_ && i < e_; }
  bool NormIs(uint32_t i, std::string_view s) const { return Has(i) && toks_[i].norm == s; }
  // Token i+1 starts right where token i ends ("Feb." "2020-05-09").
  bool Glued(uint32_t i) const { return Has(i) && Has(i + 1) && toks_[i].span.end == toks_[i + 1].span.begin; }
  const WordEntry* WordAt(uint32_t i) const {
    if (!Has(i) || toks_[i].kind != TokenKind::kWord) return nullptr;
    return words_.Find(toks_[i]);
  }
  bool WordIs(uint32_t i, WordId id) const {
    const WordEntry* w = WordAt(i);
    return w != nullptr && w->id == id;
  }
  bool FlagBefore(uint32_t i, uint8_t flag) const {
    if (i <= b_) return false;
    // "mid-April", "mid-2019"
    if (NormIs(i - 1, "-") && i - 1 > b_ && NormIs(i - 2, "mid")) return (flag & kPeriodPrep) || (flag & kYearPrep);
    const WordEntry* w = WordAt(i - 1);
    return w != nullptr && (w->flags & flag) != 0;
  }
  // End of the sentence or punctuation: "... the day before." "... the day before, when".
  bool BoundaryAt(uint32_t i) const { return !Has(i) || toks_[i].kind == TokenKind::kPunct; }
  bool IsRangeJoin(uint32_t i) const {
    if (!Has(i)) return false;
    std::string_view n = toks_[i].norm;
    return n == "-" || n == "to" || n == "and" || n == "&" || n == "through" || n == "till" || n == "until";
  }

  // 1..31 from "9", "09", "9th", "1st"; 0 otherwise.
  int DayAt(uint32_t i) const {
    if (!Has(i)) return 0;
    const Token& t = toks_[i];
    std::string_view n = t.norm;
    if (t.kind == TokenKind::kAlnum) {
      if (n.size() < 3 || n.size() > 4) return 0;
      std::string_view suffix = n.substr(n.size() - 2);
      if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return 0;
      n = n.substr(0, n.size() - 2);
    } else if (t.kind != TokenKind::kNumber) {
      return 0;
    }
    if (n.size() > 2) return 0;
    int v = DigitsValue(n);
    return v >= 1 && v <= 31 ? v : 0;
  }
  bool IsOrdinal(uint32_t i) const { return Has(i) && toks_[i].kind == TokenKind::kAlnum; }

  int YearAt(uint32_t i, int lo = kMinYear, int hi = kMaxYear) const {
    if (!Has(i) || toks_[i].kind != TokenKind::kNumber || toks_[i].norm.size() != 4) return 0;
    int v = DigitsValue(toks_[i].norm);
    return v >= lo && v <= hi ? v : 0;
  }

  // "3", "three", "a" -> 1..99; 0 otherwise.
  int SmallNumberAt(uint32_t i) const {
    if (!Has(i)) return 0;
    const Token& t = toks_[i];
    if (t.kind == TokenKind::kNumber) {
      if (t.norm.size() > 2) return 0;
      int v = DigitsValue(t.norm);
      return v > 0 ? v : 0;
    }
    const WordEntry* w = WordAt(i);
    return w != nullptr && w->id == WordId::kNumeral ? w->value : 0;
  }

  // "In March 15 protesters ..." : the number counts the next word, it is not a day.
  bool IsCountedNounAt(uint32_t i) const {
    if (!Has(i)) return false;
    const Token& t = toks_[i];
    if (t.kind == TokenKind::kSymbol) return t.norm == "%";
    if (t.kind != TokenKind::kWord || t.HasFlag(tokens::kCapitalized)) return false;
    std::string_view n = t.norm;
    if (n == "people" || n == "men" || n == "women" || n == "children" || n == "km" || n == "kg" || n == "per" ||
        n == "percent")
      return true;
    if (n.size() < 4 || n.back() != 's' || n[n.size() - 2] == 's') return false;  // across, less
    return n != "this" && n != "thus" && n != "plus" && WordAt(i) == nullptr;
  }

  // "last year" -> -1, "this year" -> 0 after a month or a day; kNoOffset otherwise.
  static constexpr int kNoOffset = 99;
  int YearOffsetAt(uint32_t i) const {
    if (!NormIs(i + 1, "year")) return kNoOffset;
    if (WordIs(i, WordId::kLast)) return -1;
    if (WordIs(i, WordId::kThis)) return 0;
    return kNoOffset;
  }

  MonthWord MonthAt(uint32_t i) const {
    MonthWord m;
    const WordEntry* w = WordAt(i);
    if (w == nullptr || w->id != WordId::kMonth) return m;
    m.month = w->value;
    m.end = i + 1;
    if (w->flags & kAbbrev) {
      if (NormIs(i + 1, ".") && Glued(i)) {
        m.end = i + 2;
      } else {
        m.bare_abbrev = true;
      }
    }
    const Token& t = toks_[i];
    m.weak = (w->flags & kWeak) && (!t.HasFlag(tokens::kCapitalized) || t.HasFlag(tokens::kAllCaps) || i == b_);
    return m;
  }

  // ---- date forms (no emission) ----

  // "2020-05-09", "2020/05/09", "5/9/2020", "05-09-20", "09.05.2020" (one token).
  Parsed ParseNumeric(uint32_t i) const {
    Parsed p;
    const Token& t = toks_[i];
    if (t.kind != TokenKind::kNumber) return p;
    int a, b, c;
    size_t la, lb, lc;
    uint32_t end;
    bool dotted = false;
    if (t.norm.find('.') != std::string_view::npos) {
      // The tokenizer keeps "09.05.2020" whole (dots between digits). Day-first, the order
      // of every country that writes dates with dots; 4-digit years only (else a version).
      std::string_view n = t.norm;
      size_t d1 = n.find('.');
      size_t d2 = n.find('.', d1 + 1);
      if (d2 == std::string_view::npos || n.find('.', d2 + 1) != std::string_view::npos) return p;
      std::string_view pa = n.substr(0, d1), pb = n.substr(d1 + 1, d2 - d1 - 1), pc = n.substr(d2 + 1);
      a = DigitsValue(pa), b = DigitsValue(pb), c = DigitsValue(pc);
      la = pa.size(), lb = pb.size(), lc = pc.size();
      if (a < 0 || b < 0 || c < 0 || (la != 4 && lc != 4)) return p;
      end = i + 1;
      dotted = true;
    } else {
      if (!Has(i + 4)) return p;
      std::string_view sep = toks_[i + 1].norm;
      if (sep != "/" && sep != "-") return p;
      if (toks_[i + 3].norm != sep) return p;
      if (!Glued(i) || !Glued(i + 1) || !Glued(i + 2) || !Glued(i + 3)) return p;
      // Not the middle of a longer run ("1/2/3/2020", "713-308-3600-12").
      if (i > b_ + 1 && Glued(i - 2) && Glued(i - 1) && toks_[i - 1].norm == sep &&
          toks_[i - 2].kind == TokenKind::kNumber)
        return p;
      if (Glued(i + 4) && NormIs(i + 5, sep) && Glued(i + 5) && Has(i + 6) && toks_[i + 6].kind == TokenKind::kNumber)
        return p;
      a = DigitsValue(toks_[i].norm);
      b = toks_[i + 2].kind == TokenKind::kNumber ? DigitsValue(toks_[i + 2].norm) : -1;
      la = toks_[i].norm.size();
      lb = toks_[i + 2].norm.size();
      const Token& tc = toks_[i + 4];
      std::string_view nc = tc.norm;
      if (tc.kind == TokenKind::kAlnum && la == 4 && nc.size() > 3 && nc[2] == 't' && IsDigit(nc[3])) {
        nc = nc.substr(0, 2);  // "2020-05-09T10:00": the tokenizer glues "09t10"
        p.span_end = tc.span.begin + 2;
      } else if (tc.kind != TokenKind::kNumber) {
        return p;
      }
      c = DigitsValue(nc);
      lc = nc.size();
      if (a < 0 || b < 0 || c < 0) return p;
      end = i + 5;
    }
    p.begin = i;
    p.end = end;
    if (la == 4 && lb <= 2 && lc <= 2) {  // year first: always y-m-d
      p.year = a, p.month = b, p.day = c;
    } else if (la <= 2 && lb <= 2 && (lc == 4 || (lc == 2 && !dotted))) {
      int year = c;
      if (lc == 2) {
        // "6/24/14": the century that puts the year not after the publication year + 1.
        year = 2000 + c;
        if (pub_ ? year > pub_->year + 1 : c >= 50) year -= 100;
      }
      p.year = year;
      if (dotted || (a > 12 && b <= 12)) {
        p.day = a, p.month = b;
      } else if (a <= 12) {
        // Month first (US), the order of the sources that write such dates; day first only
        // when that is the one reading not after publication + 1 day (see docs/dates.md).
        p.month = a, p.day = b;
        if (b <= 12 && a != b && pub_) {
          long limit = pub_days_ + 1;
          CivilDate md{year, a, b}, dm{year, b, a};
          if (DaysFromCivil(md) > limit && DaysFromCivil(dm) <= limit) p.month = b, p.day = a;
        }
      } else {
        p.valid = false;  // both parts > 12
      }
    } else {
      return Parsed{};
    }
    if (p.year < kMinYear || p.year > kMaxYear) p.valid = false;
    return p;
  }

  // "9 May 2020", "9 May, 2020", "15th of March", "9 May". `strong`: the context already
  // says "date" (a weekday or range before), so "15 may" needs no more evidence.
  Parsed ParseDayFirst(uint32_t i, bool strong) const {
    Parsed p;
    int d = DayAt(i);
    if (d == 0) return p;
    uint32_t j = i + 1;
    bool ordinal = IsOrdinal(i);
    if (ordinal && NormIs(j, "of")) ++j;
    MonthWord m = MonthAt(j);
    if (m.month == 0) return p;
    uint32_t k = m.end;
    int year = 0;
    if ((year = YearAt(k)) != 0) {
      ++k;
    } else if (NormIs(k, ",") && (year = YearAt(k + 1)) != 0) {
      k += 2;
    } else if (int off = YearOffsetAt(k); off != kNoOffset) {
      p.has_year_offset = true;
      p.year_offset = off;
      k += 2;
    }
    if (year == 0 && m.weak && !p.has_year_offset) {
      // "15 may have died", "200 march to the office": the modal and the verb.
      bool date = strong || ordinal || FlagBefore(i, kDayPrep) || BoundaryAt(m.end);
      if (!date) return p;
    }
    p.begin = i;
    p.end = k;
    p.year = year;
    p.month = m.month;
    p.day = d;
    return p;
  }

  // "May 9, 2020", "Feb. 4, 2014", "March 15th", "May 12-14, 2014", "May 2020", and, when
  // `allow_bare`, a bare month after a period preposition: "in May", "mid-April".
  Parsed ParseMonthFirst(uint32_t i, bool allow_bare) const {
    Parsed p;
    MonthWord m = MonthAt(i);
    if (m.month == 0) return p;
    uint32_t j = m.end;
    // "Wed. May. 25": a dot after a full month name, only when a day follows.
    if (j == i + 1 && NormIs(j, ".") && Glued(i) && DayAt(j + 1) != 0) ++j;
    p.begin = i;
    p.month = m.month;
    if (int d = DayAt(j); d != 0 && !(NormIs(j + 1, ":") && Glued(j))) {
      uint32_t k = j + 1;
      int first_day = 0;
      uint32_t first_end = 0, second_begin = 0;
      if (IsRangeJoin(k)) {
        int d2 = DayAt(k + 1);
        if (d2 > d && !(IsCountedNounAt(k + 2) && YearAt(k + 2) == 0)) {
          first_day = d, first_end = k, second_begin = k + 1;
          d = d2;
          k += 2;
        }
      }
      int year = 0;
      if ((year = YearAt(k)) != 0) {
        ++k;
      } else if (NormIs(k, ",") && (year = YearAt(k + 1)) != 0) {
        k += 2;
      }
      if (year == 0) {
        if (int off = YearOffsetAt(k); off != kNoOffset) {
          p.has_year_offset = true;
          p.year_offset = off;
          k += 2;
        }
      }
      if (year != 0 || first_day != 0 || p.has_year_offset || !IsCountedNounAt(k) || FlagBefore(i, kDayPrep)) {
        p.end = k;
        p.year = year;
        p.day = d;
        p.first_day = first_day;
        p.first_end = first_end;
        p.second_begin = second_begin;
        return p;
      }
    }
    if (int y = YearAt(j); y != 0) {
      p.end = j + 1;
      p.year = y;
      return p;
    }
    if (int y = YearAt(j + 1); y != 0 && NormIs(j, "of")) {  // "June of 2015"
      p.end = j + 2;
      p.year = y;
      return p;
    }
    p.has_year_offset = false;
    if (int off = YearOffsetAt(j); off != kNoOffset && !m.weak && !m.bare_abbrev) {
      // "in May last year", "June this year" need no preposition.
      p.has_year_offset = true;
      p.year_offset = off;
      p.end = j + 2;
      return p;
    }
    if (!allow_bare || m.weak || m.bare_abbrev || !FlagBefore(i, kPeriodPrep)) return Parsed{};
    // "the murder of April Jones": a month name used as a first name.
    if (Has(j) && toks_[j].kind == TokenKind::kWord && toks_[j].HasFlag(tokens::kCapitalized) && WordAt(j) == nullptr)
      return Parsed{};
    p.end = j;
    return p;
  }

  // Any explicit form with day precision starting at i (after a weekday).
  Parsed ParseDayDate(uint32_t i) const {
    if (!Has(i)) return Parsed{};
    Parsed p = ParseNumeric(i);
    if (!p.matched()) p = ParseDayFirst(i, /*strong=*/true);
    if (!p.matched()) p = ParseMonthFirst(i, /*allow_bare=*/false);
    if (p.matched() && p.day == 0) return Parsed{};
    return p;
  }

  // ---- resolution and emission ----

  // The latest year whose (year, month, day) is not after publication + kFutureDays; 0 if
  // none within kMaxYearsBack (only Feb 29 can need more than one year back).
  int SupplyYear(int month, int day) const {
    long limit = pub_days_ + kFutureDays;
    for (int y = pub_->year + 1; y >= pub_->year - kMaxYearsBack; --y) {
      if (day > DaysInMonth(y, month)) continue;
      if (DaysFromCivil(CivilDate{y, month, day}) <= limit) return y;
    }
    return 0;
  }

  // "Monday Avenue", "the 7 July area", "Friday Street": a street or quarter noun after the
  // date words makes them a place's name (the tokens stay consumed: no fragment is a date).
  bool NamesAPlace(uint32_t end) const {
    static constexpr std::string_view kPlaceNouns[] = {
        "avenue", "street", "road", "drive", "boulevard", "lane", "square", "area", "district",
        "sector", "neighbourhood", "neighborhood", "bridge", "stadium", "quarter", "roundabout"};
    if (!Has(end)) return false;
    if (Has(end + 1) && toks_[end + 1].norm == "-") return false;  // "the April 16 drive-by shooting"
    for (std::string_view n : kPlaceNouns)
      if (toks_[end].norm == n) return true;
    return false;
  }

  void Emit(uint32_t begin, uint32_t end, const CivilDate& value, DatePrecision precision, DateBasis basis,
            uint32_t span_end = 0) {
    if (!IsValid(value) || end <= begin || NamesAPlace(end)) return;
    DateMention m;
    m.span = Join(toks_[begin].span, toks_[end - 1].span);
    if (span_end > m.span.begin && span_end < m.span.end) m.span.end = span_end;
    m.begin_token = begin;
    m.end_token = end;
    m.value = value;
    m.precision = precision;
    m.basis = basis;
    out_->push_back(m);
    if (precision == DatePrecision::kDay) anchor_ = DaysFromCivil(value);
  }
  void EmitDays(uint32_t begin, uint32_t end, long days) {
    Emit(begin, end, CivilFromDays(days), DatePrecision::kDay, DateBasis::kRelative);
  }
  void EmitMonth(uint32_t begin, uint32_t end, int year, int month) {
    while (month < 1) month += 12, --year;
    while (month > 12) month -= 12, ++year;
    Emit(begin, end, CivilDate{year, month, 1}, DatePrecision::kMonth, DateBasis::kRelative);
  }
  void EmitYear(uint32_t begin, uint32_t end, int year) {
    Emit(begin, end, CivilDate{year, 1, 1}, DatePrecision::kYear, DateBasis::kRelative);
  }

  // Emits a parsed form; returns the end of the consumed tokens.
  uint32_t EmitParsed(const Parsed& p) {
    if (!p.valid) return p.end;
    if (p.moving != MovingHoliday::kNone) return EmitMovingHoliday(p);
    int year = p.year;
    DateBasis basis = DateBasis::kExplicit;
    if (year == 0) {
      if (!pub_) return p.end;  // needs the publication year
      basis = DateBasis::kRelative;
      if (p.has_year_offset) {
        year = pub_->year + p.year_offset;
      } else if (p.day != 0) {
        year = SupplyYear(p.month, p.day);
      } else {
        year = SupplyYear(p.month, 1);
      }
      if (year == 0) return p.end;
    }
    const size_t first_new = out_->size();
    uint32_t end = EmitParsedValue(p, year, basis);
    // A year supplied ahead of publication: keep the past reading (see DateMention).
    if (basis == DateBasis::kRelative && !p.has_year_offset)
      for (size_t k = first_new; k < out_->size(); ++k) {
        DateMention& m = (*out_)[k];
        if (DaysFromCivil(m.value) <= pub_days_) continue;
        for (int y = m.value.year - 1; y >= m.value.year - kMaxYearsBack; --y)
          if (m.value.day <= DaysInMonth(y, m.value.month)) {
            m.past_value = CivilDate{y, m.value.month, m.value.day};
            break;
          }
      }
    return end;
  }

  // A moving holiday: its day in the written year, else in the latest year that puts it no
  // later than publication + kFutureDays (as SupplyYear); the past reading as for month-days.
  uint32_t EmitMovingHoliday(const Parsed& p) {
    if (p.year != 0) {
      Emit(p.begin, p.end, MovingHolidayIn(p.moving, p.year), DatePrecision::kDay, DateBasis::kExplicit);
      return p.end;
    }
    if (!pub_) return p.end;
    for (int y = pub_->year + 1; y >= pub_->year - 1; --y) {
      CivilDate value = MovingHolidayIn(p.moving, y);
      if (DaysFromCivil(value) > pub_days_ + kFutureDays) continue;
      const size_t before = out_->size();
      Emit(p.begin, p.end, value, DatePrecision::kDay, DateBasis::kRelative);
      if (out_->size() > before && DaysFromCivil(value) > pub_days_)
        out_->back().past_value = MovingHolidayIn(p.moving, y - 1);
      break;
    }
    return p.end;
  }

  // Emits `p` with its year settled; returns the end of the consumed tokens.
  uint32_t EmitParsedValue(const Parsed& p, int year, DateBasis basis) {
    if (p.month == 0) {
      Emit(p.begin, p.end, CivilDate{year, 1, 1}, DatePrecision::kYear, basis);
      return p.end;
    }
    if (p.day == 0) {
      Emit(p.begin, p.end, CivilDate{year, p.month, 1}, DatePrecision::kMonth, basis);
      return p.end;
    }
    if (p.first_day != 0) {
      Emit(p.begin, p.first_end, CivilDate{year, p.month, p.first_day}, DatePrecision::kDay, basis);
    }
    CivilDate value{year, p.month, p.day};
    uint32_t end = p.end;
    // "4 May 2020 (Monday)", "May 4, Monday": a trailing weekday joins the mention when it
    // names the date's own weekday (otherwise it is left for its own mention).
    if (IsValid(value) && (NormIs(end, ",") || NormIs(end, "("))) {
      const WordEntry* w = WordAt(end + 1);
      if (w != nullptr && w->id == WordId::kWeekday && !(w->flags & kAbbrev) && w->value == Weekday(value)) {
        bool paren = NormIs(end, "(");
        end += 2;
        if (paren && NormIs(end, ")")) ++end;
      }
    }
    Emit(p.first_day != 0 ? p.second_begin : p.begin, end, value, DatePrecision::kDay, basis,
         end == p.end ? p.span_end : 0);
    return end;
  }

  // ---- matchers: return the end of consumed tokens, 0 for no match ----

  uint32_t TryNumber(uint32_t i) {
    if (Parsed p = ParseNumeric(i); p.matched()) return EmitParsed(p);
    if (Parsed p = ParseDayFirst(i, false); p.matched()) return EmitParsed(p);
    // "5-7 May 2020", "between 1 and 3 May": the first day borrows month and year.
    if (int d1 = DayAt(i); d1 != 0 && IsRangeJoin(i + 1)) {
      bool strong = IsOrdinal(i) || FlagBefore(i, kDayPrep) || NormIs(i - 1, "between");
      Parsed p = ParseDayFirst(i + 2, strong);
      if (p.matched() && p.day > d1) {
        p.first_day = d1;
        p.first_end = i + 1;
        p.second_begin = i + 2;
        p.begin = i;
        return EmitParsed(p);
      }
    }
    if (int y = YearAt(i, kMinBareYear, kMaxBareYear);
        y != 0 && FlagBefore(i, kYearPrep) && !IsCountedNounAt(i + 1)) {  // "in 2000 homes"
      Emit(i, i + 1, CivilDate{y, 1, 1}, DatePrecision::kYear, DateBasis::kExplicit);
      return i + 1;
    }
    return TryCount(i);
  }

  uint32_t TryWord(uint32_t i, const WordEntry& w) {
    switch (w.id) {
      case WordId::kMonth: {
        Parsed p = ParseMonthFirst(i, /*allow_bare=*/true);
        return p.matched() ? EmitParsed(p) : 0;
      }
      case WordId::kWeekday:
        return TryWeekday(i, w);
      case WordId::kYesterday:
      case WordId::kTomorrow: {
        uint32_t k = WordIs(i + 1, WordId::kPartOfDay) ? i + 2 : i + 1;
        if (pub_) EmitDays(i, k, pub_days_ + (w.id == WordId::kTomorrow ? 1 : -1));
        return k;
      }
      case WordId::kToday:
      case WordId::kTonight:
        if (pub_) EmitDays(i, i + 1, pub_days_);
        return i + 1;
      case WordId::kEarlier:
      case WordId::kLater:
        if (WordIs(i + 1, WordId::kToday) || WordIs(i + 1, WordId::kTonight)) {
          if (pub_) EmitDays(i, i + 2, pub_days_);
          return i + 2;
        }
        if (WordIs(i + 1, WordId::kThis)) return TryThis(i + 1, i, w.id == WordId::kEarlier);
        return 0;
      case WordId::kLast:
        return TryLast(i);
      case WordId::kThis:
        return TryThis(i, i, false);
      case WordId::kNext:
        return TryNext(i, i);
      case WordId::kThe:
        return TryThe(i);
      case WordId::kNumeral:
        return TryCount(i);
      case WordId::kHoliday: {
        Parsed p = ParseHoliday(i);
        return p.matched() ? EmitParsed(p) : 0;
      }
      default:
        return 0;
    }
  }

  // Fixed-date holidays, resolved like a month-day without a year: "New Year's Eve",
  // "New Years Day", "Christmas Eve", "Christmas Day", "Halloween", "Fourth of July" (not bare
  // "Christmas": usually the season).
  Parsed ParseHoliday(uint32_t i) const {
    Parsed p;
    std::string_view n = toks_[i].norm;
    uint32_t k = i + 1;
    if (n == "new") {
      if (NormIs(k, "year") && NormIs(k + 1, "'s")) {
        k += 2;
      } else if (NormIs(k, "years") || NormIs(k, "year's")) {
        k += 1;
      } else {
        return p;
      }
      if (NormIs(k, "eve")) {
        p.month = 12, p.day = 31;
      } else if (NormIs(k, "day")) {
        p.month = 1, p.day = 1;
      } else {
        return p;
      }
      ++k;
    } else if (n == "christmas") {
      if (NormIs(k, "eve")) {
        p.month = 12, p.day = 24;
      } else if (NormIs(k, "day")) {
        p.month = 12, p.day = 25;
      } else {
        return p;
      }
      ++k;
    } else if (n == "thanksgiving" || n == "easter" || n == "memorial") {
      // "Thanksgiving (Day/night)", "Easter (Sunday)", "Memorial Day" (US); not a holiday
      // weekend or week, nor "a memorial day of prayer", nor a longer name ("Orthodox Easter",
      // "Genocide Memorial Day"). "Labor Day" is not read: 1 May in most countries.
      if (i > b_ && toks_[i - 1].kind == TokenKind::kWord && toks_[i - 1].HasFlag(tokens::kCapitalized) &&
          WordAt(i - 1) == nullptr)
        return p;
      if (n == "thanksgiving") {
        p.moving = MovingHoliday::kThanksgiving;
        if (NormIs(k, "day")) ++k;
      } else if (n == "easter") {
        p.moving = MovingHoliday::kEaster;
        if (NormIs(k, "sunday") || NormIs(k, "day")) ++k;
      } else {
        if (!toks_[i].HasFlag(tokens::kCapitalized) || !NormIs(k, "day")) return p;
        p.moving = MovingHoliday::kMemorialDay;
        ++k;
      }
      if (NormIs(k, "weekend") || NormIs(k, "week") || NormIs(k, "holiday") || NormIs(k, "holidays") ||
          NormIs(k, "break") || NormIs(k, "season"))
        return Parsed{};
      p.month = 1, p.day = 1;  // settled with the year (EmitParsed)
    } else if (n == "fourth") {
      if (!NormIs(k, "of") || !NormIs(k + 1, "july")) return p;
      p.month = 7, p.day = 4;
      k += 2;
    } else {  // halloween
      p.month = 10, p.day = 31;
    }
    p.begin = i;
    p.end = k;
    if (int y = YearAt(k); y != 0) {
      p.year = y;
      p.end = k + 1;
    }
    return p;
  }

  // "Friday", "Friday night", "Sunday's", "Fri.", "Monday, May 4, 2020", "Mon Mar 09".
  uint32_t TryWeekday(uint32_t i, const WordEntry& w) {
    uint32_t j = i + 1;
    bool dotted = false;
    if ((w.flags & kAbbrev) && NormIs(j, ".") && Glued(i)) {
      dotted = true;
      ++j;
    }
    uint32_t k = WordIs(j, WordId::kPartOfDay) ? j + 1 : j;
    uint32_t d = NormIs(k, ",") ? k + 1 : k;
    if (Parsed p = ParseDayDate(d); p.matched()) {
      p.begin = i;
      return EmitParsed(p);
    }
    if (w.flags & kAbbrev) {
      if (!dotted) return 0;  // "sat", "sun", "wed" are words
      // "he sat.", "The Baltimore Sun.", "11 a.m.; Sun. School": a weak abbreviation needs a
      // capital and, before it, a number or a lowercase word ("10 p.m. Sun.", "party Sat.").
      if (w.flags & kWeak) {
        const Token& t = toks_[i];
        if (!t.HasFlag(tokens::kCapitalized) || i == b_) return 0;
        const Token& prev = toks_[i - 1];
        bool lower_word = prev.kind == TokenKind::kWord && !prev.HasFlag(tokens::kCapitalized) && prev.norm != "the" &&
                          prev.norm != "a";
        if (!lower_word && prev.kind != TokenKind::kNumber) return 0;
      }
    }
    if (pub_) EmitDays(i, k, pub_days_ - (pub_weekday_ - w.value + 7) % 7);
    return k;
  }

  // "last night", "last week", "last weekend", "last month", "last year", "last Friday
  // (night)", "last March".
  uint32_t TryLast(uint32_t i) {
    const WordEntry* w = WordAt(i + 1);
    if (w == nullptr) return 0;
    uint32_t k = i + 2;
    switch (w->id) {
      case WordId::kPartOfDay:
        if (toks_[i + 1].norm != "night" && toks_[i + 1].norm != "evening") return 0;
        if (pub_) EmitDays(i, k, pub_days_ - 1);
        return k;
      case WordId::kWeekUnit:
        if (toks_[i + 1].norm != "week") return 0;
        if (pub_) EmitDays(i, k, pub_days_ - 7);
        return k;
      case WordId::kWeekendUnit:
        if (pub_) EmitDays(i, k, LastWeekend());
        return k;
      case WordId::kMonthUnit:
        if (toks_[i + 1].norm != "month") return 0;
        if (pub_) EmitMonth(i, k, pub_->year, pub_->month - 1);
        return k;
      case WordId::kYearUnit:
        if (toks_[i + 1].norm != "year") return 0;
        if (pub_) EmitYear(i, k, pub_->year - 1);
        return k;
      case WordId::kWeekday: {
        if (w->flags & kAbbrev) return 0;
        if (WordIs(k, WordId::kPartOfDay)) ++k;
        int delta = (pub_weekday_ - w->value + 7) % 7;
        if (pub_) EmitDays(i, k, pub_days_ - (delta == 0 ? 7 : delta));
        return k;
      }
      case WordId::kMonth: {
        MonthWord m = MonthAt(i + 1);
        if (m.weak || m.bare_abbrev) return 0;
        if (pub_) EmitMonth(i, m.end, m.month < pub_->month ? pub_->year : pub_->year - 1, m.month);
        return m.end;
      }
      default:
        return 0;
    }
  }

  // At i: "this". `begin`: where the mention starts ("earlier this week" starts at "earlier").
  uint32_t TryThis(uint32_t i, uint32_t begin, bool earlier) {
    const WordEntry* w = WordAt(i + 1);
    if (w == nullptr) return 0;
    uint32_t k = i + 2;
    std::string_view n = toks_[i + 1].norm;
    switch (w->id) {
      case WordId::kPartOfDay:
        if (n == "night") return 0;
        if (pub_) EmitDays(begin, k, pub_days_);
        return k;
      case WordId::kWeekUnit:
        if (n != "week") return 0;
        if (pub_) {
          // "earlier this week": the middle of the days of this week before publication.
          long monday = pub_days_ - pub_weekday_;
          EmitDays(begin, k, earlier && pub_weekday_ > 0 ? monday + (pub_weekday_ - 1) / 2 : pub_days_);
        }
        return k;
      case WordId::kWeekendUnit:
        if (pub_) EmitDays(begin, k, SaturdayOnOrBefore());
        return k;
      case WordId::kMonthUnit:
        if (n != "month") return 0;
        if (pub_) EmitMonth(begin, k, pub_->year, pub_->month);
        return k;
      case WordId::kYearUnit:
        if (n != "year") return 0;
        if (pub_) EmitYear(begin, k, pub_->year);
        return k;
      case WordId::kPast:  // "this past week", "this past weekend"
        if (WordIs(k, WordId::kWeekendUnit)) {
          if (pub_) EmitDays(begin, k + 1, LastWeekend());
          return k + 1;
        }
        if (NormIs(k, "week")) {
          if (pub_) EmitDays(begin, k + 1, pub_days_ - 7);
          return k + 1;
        }
        return 0;
      default:
        return 0;  // "this Friday": the weekday alone is matched next
    }
  }

  // "next week", "next month", "next year", "next Friday", "next day" (after an anchor).
  uint32_t TryNext(uint32_t i, uint32_t begin) {
    const WordEntry* w = WordAt(i + 1);
    if (w == nullptr) return 0;
    uint32_t k = i + 2;
    std::string_view n = toks_[i + 1].norm;
    switch (w->id) {
      case WordId::kWeekUnit:
        if (n != "week") return 0;
        if (pub_) EmitDays(begin, k, pub_days_ + 7);
        return k;
      case WordId::kMonthUnit:
        if (n != "month") return 0;
        if (pub_) EmitMonth(begin, k, pub_->year, pub_->month + 1);
        return k;
      case WordId::kYearUnit:
        if (n != "year") return 0;
        if (pub_) EmitYear(begin, k, pub_->year + 1);
        return k;
      case WordId::kWeekday: {
        if (w->flags & kAbbrev) return 0;
        int delta = (w->value - pub_weekday_ + 7) % 7;
        if (pub_) EmitDays(begin, k, pub_days_ + (delta == 0 ? 7 : delta));
        return k;
      }
      case WordId::kDayUnit:
      case WordId::kPartOfDay:
        if (n == "days") return 0;
        if (anchor_) EmitDays(begin, k, *anchor_ + 1);
        return k;
      default:
        return 0;
    }
  }

  // "the weekend", "the previous day", "the next morning", "the following day", "the same
  // day", "the day before." — the day forms count from the last day mentioned before them in
  // the sentence (no such day: no mention).
  uint32_t TryThe(uint32_t i) {
    const WordEntry* w = WordAt(i + 1);
    if (w == nullptr) return 0;
    switch (w->id) {
      case WordId::kWeekendUnit:
        if (pub_) EmitDays(i, i + 2, SaturdayOnOrBefore());
        return i + 2;
      case WordId::kNext:  // "the next day"; "the next week" counts from the story, not here
        if (!WordIs(i + 2, WordId::kDayUnit) && !WordIs(i + 2, WordId::kPartOfDay)) return 0;
        return TryNext(i + 1, i);
      case WordId::kPrevious:
      case WordId::kFollowing:
      case WordId::kSame: {
        if (!(WordIs(i + 2, WordId::kDayUnit) || WordIs(i + 2, WordId::kPartOfDay)) || NormIs(i + 2, "days")) return 0;
        int delta = w->id == WordId::kPrevious ? -1 : w->id == WordId::kFollowing ? 1 : 0;
        if (anchor_) EmitDays(i, i + 3, *anchor_ + delta);
        return i + 3;
      }
      case WordId::kDayUnit:
      case WordId::kPartOfDay: {
        if (toks_[i + 1].norm == "days") return 0;
        // "the day before the vote" is anchored to the vote: only a bare "the day before".
        bool before = WordIs(i + 2, WordId::kBefore);
        if (!(before || WordIs(i + 2, WordId::kAfter)) || !BoundaryAt(i + 3)) return 0;
        if (anchor_) EmitDays(i, i + 3, *anchor_ + (before ? -1 : 1));
        return i + 3;
      }
      default:
        return 0;
    }
  }

  // "two days ago", "3 weeks ago", "a month ago", "a year ago" (from publication); "a day
  // earlier", "two days later", "a week earlier" (from the last day mentioned).
  uint32_t TryCount(uint32_t i) {
    int n = SmallNumberAt(i);
    if (n == 0) return 0;
    const WordEntry* unit = WordAt(i + 1);
    const WordEntry* dir = WordAt(i + 2);
    if (unit == nullptr || dir == nullptr) return 0;
    uint32_t k = i + 3;
    if (dir->id == WordId::kAgo) {
      switch (unit->id) {
        case WordId::kDayUnit:
          if (pub_) EmitDays(i, k, pub_days_ - n);
          return k;
        case WordId::kWeekUnit:
          if (pub_) EmitDays(i, k, pub_days_ - 7L * n);
          return k;
        case WordId::kMonthUnit:
          if (pub_) EmitMonth(i, k, pub_->year, pub_->month - n);
          return k;
        case WordId::kYearUnit:
          if (pub_) EmitYear(i, k, pub_->year - n);
          return k;
        default:
          return 0;
      }
    }
    if (dir->id == WordId::kEarlier || dir->id == WordId::kLater) {
      long days = unit->id == WordId::kDayUnit ? n : unit->id == WordId::kWeekUnit ? 7L * n : 0;
      if (days == 0) return 0;
      if (anchor_) EmitDays(i, k, *anchor_ + (dir->id == WordId::kEarlier ? -days : days));
      return k;
    }
    return 0;
  }

  // Saturday of the weekend on or before publication ("over the weekend" read on a Monday is
  // the Saturday two days before; read on a Sunday, the day before).
  long SaturdayOnOrBefore() const { return pub_days_ - (pub_weekday_ + 2) % 7; }
  // "last weekend": read during a weekend, the one before it.
  long LastWeekend() const { return SaturdayOnOrBefore() - (pub_weekday_ >= 5 ? 7 : 0); }

  const WordTable& words_ = Words();  // PERF: one guard check per sentence, not per word
  const Token* toks_;
  uint32_t b_;
  uint32_t e_;
  const std::optional<CivilDate>& pub_;
  std::vector<DateMention>* out_;
  long pub_days_ = 0;
  int pub_weekday_ = 0;
  std::optional<long> anchor_;  // days of the last day-precision mention emitted
};

}  // namespace

std::string_view DatePrecisionName(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return "day";
    case DatePrecision::kMonth:
      return "month";
    case DatePrecision::kYear:
      return "year";
  }
  return "day";
}

std::string_view DateBasisName(DateBasis b) {
  switch (b) {
    case DateBasis::kExplicit:
      return "explicit";
    case DateBasis::kRelative:
      return "relative";
    case DateBasis::kPublished:
      return "published";
  }
  return "explicit";
}

DateExtractor::DateExtractor() { Words(); }

void DateExtractor::Extract(const tokens::TokenizedText& doc, uint32_t begin_token, uint32_t end_token,
                            const std::optional<CivilDate>& published, std::vector<DateMention>* out) const {
  assert(begin_token <= end_token && end_token <= doc.tokens.size());
  const uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  if (end_token > n) end_token = n;
  if (begin_token >= end_token) return;
  std::optional<CivilDate> pub = published;
  if (pub && !IsValid(*pub)) pub.reset();  // an impossible publication date resolves nothing
  Scanner(doc, begin_token, end_token, pub, out).Run();
}

}  // namespace evident::extract
