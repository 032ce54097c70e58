// Civil dates: days-from-civil arithmetic for resolving relative dates.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace evident {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Parses "YYYY-MM-DD" (a real calendar date). nullopt otherwise.
std::optional<CivilDate> ParseIsoDate(std::string_view s);
std::string FormatIsoDate(const CivilDate& d);
// Appends FormatIsoDate(d) to *out without a temporary string (the JSON writer's hot path).
void AppendIsoDate(const CivilDate& d, std::string* out);
// Days since 1970-01-01 and back.
long DaysFromCivil(const CivilDate& d);
CivilDate CivilFromDays(long days);
// 0 = Monday .. 6 = Sunday.
int Weekday(const CivilDate& d);
int DaysInMonth(int year, int month);

}  // namespace evident
