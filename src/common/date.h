// Civil dates: days-from-civil arithmetic for resolving relative dates.
#pragma once

#include <cstddef>
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
// Writes FormatIsoDate(d) at p (room for kMaxIsoDate bytes) and returns the end.
inline constexpr size_t kMaxIsoDate = 40;  // "%04d-%02d-%02d" of three ints: at most 35
char* WriteIsoDate(const CivilDate& d, char* p);
// Days since 1970-01-01 and back.
long DaysFromCivil(const CivilDate& d);
CivilDate CivilFromDays(long days);
// 0 = Monday .. 6 = Sunday.
int Weekday(const CivilDate& d);
int DaysInMonth(int year, int month);

}  // namespace evident
