// PlaceResolver: tokens -> place mentions, each resolved to one gazetteer record (or, for a
// locality the gazetteer lacks, to the country its context gives), with the candidates it was
// chosen from and the reason.
//
// Input: a tokenized document (tokens/tokenizer.h) and a Gazetteer. Output: PlaceMention values
// in text order, with byte spans into the document:
//
//   "Police in Paris, Texas, said"           => Paris (US, US-TX), not Paris, France
//   "ROCKY MOUNT, N.C. (AP) - ..."            => Rocky Mount (US-NC), dateline
//   "in Almaty, Kazakhstan's biggest city"   => Almaty (KZ)        and Kazakhstan (country KZ)
//   "Kiev" / "Kyiv"                           => Kyiv (UA, GeoNames 703448) both
//   "LUCKNOW: Police arrested ..."            => Lucknow (IN), dateline
//   "Jordan scored twice"                     => nothing ("Jordan" needs support: a person here)
//   "in Novoluhanske, Donetsk"                => Novoluhanske (UA), not in the gazetteer
//
// How a candidate is chosen (docs/places.md has the rules with examples): a qualifier after
// the name (", N.C.", ", Texas", ", Kazakhstan", "(Banh, Loroum)"), then the document's
// countries and subdivisions (votes of the other mentions), then population and feature class
// (capitals and seats first). Names that are also common words or first names ("Nice",
// "Police", "Georgia", "Jordan", "Chad") are places only with support: a preposition before
// ("in", "near", "from"...), a qualifier after, a place noun after ("city", "province"), the
// dateline, or the same name supported elsewhere in the document.
//
// Ownership and threads: a PlaceResolver holds a copy of the (shared, immutable) Gazetteer and
// is immutable itself; Resolve() is const and safe to call from many threads at once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/span.h"
#include "places/gazetteer.h"
#include "tokens/tokenizer.h"

namespace evident::places {

// kAdmin2 is a county the gazetteer lacks ("DeKalb County"): listed = false, no coordinates.
enum class Precision : uint8_t { kCity, kAdmin1, kCountry, kAdmin2 };
std::string_view PrecisionName(Precision p);  // "city", "admin1", "country", "admin2"

// A candidate as shown to users ("evident places FILE").
struct Candidate {
  uint32_t record = kNoRecord;
  std::string name;
  std::string country;      // ISO 3166-1 alpha-2
  std::string admin1_code;  // ISO 3166-2 ("US-NC") or GeoNames ("KZ.02")
  std::string feature;      // PPLC, PPLA, PPL..., ADM1, PCLI
  int64_t geonames_id = 0;
  uint32_t population = 0;
  double score = 0;  // higher is better; the chosen one has the highest
};

struct PlaceMention {
  Span span;                 // the name in the text ("Rocky Mount", not ", N.C.")
  uint32_t begin_token = 0;  // [begin_token, end_token) into TokenizedText::tokens
  uint32_t end_token = 0;
  std::string name;         // canonical name ("Kyiv" for "Kiev"); as written if unlisted
  std::string country;      // ISO 3166-1 alpha-2; empty if unknown
  std::string admin1_code;  // "US-NC"; GeoNames' "KZ.02" when it has no ISO 3166-2 code
  std::string admin1_name;  // "North Carolina"; empty when unknown
  double lat = 0, lon = 0;  // valid when has_coordinates
  bool has_coordinates = false;
  int64_t geonames_id = 0;  // 0 if none (countries, subdivisions, unlisted places)
  Precision precision = Precision::kCity;
  bool listed = true;                 // false: a locality the gazetteer lacks ("in X village")
  bool demonym = false;               // "Kazakh police": a country by its adjective
  bool actor = false;                 // "Houthi forces": an actor tied to one country (a vote)
  bool dateline = false;              // the place of the dateline ("LUCKNOW:")
  bool qualifier = false;             // qualifies the mention before it (", N.C." ", Texas")
  std::vector<Candidate> candidates;  // what the name could mean, best first (empty if unlisted)
  std::string why;                    // why this candidate ("qualified by Texas; population")
};

class PlaceResolver {
 public:
  explicit PlaceResolver(Gazetteer gazetteer);

  // Finds and resolves every place mention of `doc`; `out` is cleared first. Mentions are in
  // text order and do not overlap.
  // With `sentence_mask`, only sentences whose entry is true are searched for names (the
  // engine passes the sentences around its events, the lede and the dateline).
  void Resolve(const tokens::TokenizedText& doc, std::vector<PlaceMention>* out,
               const std::vector<bool>* sentence_mask = nullptr) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }
  // True if some name in the gazetteer starts with this word (NameKey form, or its loose
  // form). PERF: checked before building keys for every span starting at a token; without it
  // lowercase archives coded at 2 MB/s, 86% of the time in key building.
  bool MayStartName(std::string_view word_key) const;

 private:
  Gazetteer gazetteer_;
  std::unordered_set<uint64_t> first_words_;
};

// The country best supported by the mentions: country names, subdivisions and places of
// 100,000 people or more count 1, smaller places 0.5, the dateline twice, actors 0.5 and
// demonyms 0.3; unlisted places do not count (their country came from the others); ties go to
// the earliest. Empty if there are none.
//   [Almaty (KZ), Kazakhstan (KZ), Russian (demonym RU)] => "KZ"
std::string DocumentCountry(const std::vector<PlaceMention>& mentions);

// The country of an actor written right before `token` ("Kazakh police", "Almaty police",
// "Syrian government forces"): the country of a mention ending at `token` (skipping one
// adjective such as "local" is not done). Empty if none.
std::string CountryBefore(const std::vector<PlaceMention>& mentions, uint32_t token);

}  // namespace evident::places
