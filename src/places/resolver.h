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
// dateline, or the same name supported elsewhere in the document. After the choice, a small
// place abroad in a story about another country takes its namesake there or becomes a local
// locality the gazetteer lacks ("Hays city in western Yemen" => Ḩays, YE; "Mine 6/7, Donetsk"
// => a locality of Donetsk Oblast), and so does a name whose qualifier holds none of its
// candidates.
//
// Ownership and threads: a PlaceResolver holds a copy of the (shared, immutable) Gazetteer and
// is immutable itself; Resolve() is const and safe to call from many threads at once, each
// thread with its own Workspace (or none).
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/span.h"
#include "common/status.h"
#include "places/gazetteer.h"
#include "tokens/tokenizer.h"

namespace evident::places {

// kAdmin2 is a county the gazetteer lacks ("DeKalb County"): listed = false, no coordinates.
enum class Precision : uint8_t { kCity, kAdmin1, kCountry, kAdmin2 };
std::string_view PrecisionName(Precision p);  // "city", "admin1", "country", "admin2"

// The words after a place's name (ending before token `e`) that make it the name of a site
// named after the place: up to three capitalized words ending in a site noun ("Kharkiv
// Airport", "Kharkiv Pumping Station", "Kalinovka Mine"), then a capitalized road word
// ("Misrata Airport Road"), or a lowercase site noun right after the name ("Kramatorsk
// airport"); also a hall, a mall or an expressway ("Kelmora Banquet Hall"), and a paper's or a
// newsroom's name (News, Chronicle, Tribune, Gazette, Herald, Press, Journal: "Tulsa Herald").
// Returns the end of those words, or `e` when none follow. Hospitals, schools and the like are
// not sites here: they are where victims are taken (events: NamesAFacility), and named after
// people as often.
uint32_t SiteNameEnd(const tokens::TokenizedText& text, uint32_t e);

// Whether the hyphen at token `hyphen` joins the two towns a road is named after: an attached
// hyphen between capitalized words, then up to three capitalized words before "road" or
// "highway" ("the Zahle-Kelbara road", "the Kelbara-Dhaka Highway"); not a compound adjective
// ("Taliban-planted") or one joined name ("Mogadishu-Hodan district").
bool JoinsRoadEnds(const tokens::TokenizedText& text, uint32_t hyphen);

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
  // GeoNames' population of the place the name was matched to (for an unlisted place kept in
  // its namesakes' country, `namesake_country`, the namesake's); 0 if unknown or none.
  uint32_t population = 0;
  Precision precision = Precision::kCity;
  bool listed = true;      // false: a locality the gazetteer lacks ("in X village")
  // Unlisted, yet its country is its namesakes' own: a small town far from the story's other
  // places, moved to their subdivision ("Hillview" in a Memphis story). It votes for the country.
  bool namesake_country = false;
  bool demonym = false;    // "Kazakh police": a country by its adjective
  bool actor = false;      // "Houthi forces": an actor tied to one country (a vote)
  bool dateline = false;   // the place of the dateline ("LUCKNOW:")
  bool qualifier = false;  // qualifies the mention before it (", N.C." ", Texas")
  // For a section of a town (GeoNames PPLX, Gazetteer::Container): the city containing it
  // ("ROGERS PARK" => Rogers Park, within Chicago), which events placed there report. Empty
  // name when the place is no section or none contains it.
  struct Within {
    std::string name;
    int64_t geonames_id = 0;
    double lat = 0, lon = 0;
  } within;
  // For a US county named after its seat ("Stafford County", unlisted, precision admin2): the
  // town of its state bearing its name that GeoNames files as a county seat (PPLA2), which
  // events placed in the county report as their name and coordinates. Empty name otherwise.
  struct Seat : Within {
    std::string admin1_code, admin1_name;  // the county's state ("US-VA", "Virginia")
    uint32_t population = 0;               // the seat's (GeoNames)
  } seat;
  // A part of a large city named as coders name such parts, "City-Part" ("Sao Paulo-East Zone"
  // for "the East Zone of Sao Paulo", "Bogota-Kelmora" for "in Kelmora, Bogota"), which events
  // placed there report as their `name`; empty for any other place. Both parts as written.
  std::string section_name;
  std::vector<Candidate> candidates;  // what the name could mean, best first (empty if unlisted);
                                      // empty when resolved without `explain`
  std::string why;                    // why this candidate ("qualified by Texas; population");
                                      // empty when resolved without `explain`
};

class PlaceResolver {
 public:
  explicit PlaceResolver(Gazetteer gazetteer);

  // Working memory for Resolve, kept from one document to the next by its one user (the
  // engine keeps one per Coder): the per-document vectors keep their capacity, and what the
  // gazetteer's first-word filters say about each capitalized word is remembered ("Police",
  // "Friday" and "Smith" recur from article to article; remembered by 56 bits of the word's
  // hash, as the phrase matchers key phrases by hash). Resolving with a workspace gives the
  // mentions resolving without one gives. A workspace used with another resolver
  // forgets what it remembered. Not thread-safe: one per thread; movable, not copyable.
  class Workspace {
   public:
    Workspace();
    ~Workspace();
    Workspace(Workspace&& other) noexcept;
    Workspace& operator=(Workspace&& other) noexcept;
    // How many words' answers are remembered (for tests).
    size_t words_remembered() const;

   private:
    friend class PlaceResolver;
    struct Impl;
    std::unique_ptr<Impl> impl_;
  };

  // Finds and resolves every place mention of `doc`; `out` is cleared first. Mentions are in
  // text order and do not overlap.
  // With `sentence_mask`, only sentences whose entry is true are searched for names (the
  // engine passes the sentences around its events, the lede and the dateline).
  // With `explain` false, each mention keeps only its chosen candidate and no `why` (what the
  // engine needs; about 10% faster); `evident places` explains.
  // With `workspace`, its memory and memos are used (see Workspace): the same mentions, faster.
  // `extra_us_cues`: US local-news wording found outside `doc` in the same document (its
  // title: "- WQRT Channel 7"), counted with the text's own (UsStyleCues).
  void Resolve(const tokens::TokenizedText& doc, std::vector<PlaceMention>* out,
               const std::vector<bool>* sentence_mask = nullptr, bool explain = true,
               Workspace* workspace = nullptr, int extra_us_cues = 0) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }

  // US county seats (data/us_county_seats.tsv; docs/places.md, rule 12): reads `path`, checks
  // every line (three columns, a US state's ISO 3166-2 code, a seat the gazetteer holds in that
  // state when it holds places at all) and reports every problem at once, one "FILE:LINE:
  // message" a line (kLexiconError). A file that does not exist leaves no seats (a data folder
  // of a test). Not thread-safe: call before resolving.
  // `smaller_path` (optional; data/us_county_seats_small.tsv) lists smaller counties the same
  // way ("Trigg County" => Cadiz); CountySeatState asks them only for names `path` lacks. A
  // county listed in both is an error.
  Status LoadCountySeats(const std::string& path, const std::string& smaller_path = {});
  // The record of the seat of the county named `county_key` (NameKey of its name without
  // "County": "harris") in `state` ("US-TX"), else kNoRecord.
  uint32_t CountySeat(std::string_view state, std::string_view county_key) const;
  // A US county mention without a seat ("Lincoln County" in a text naming no state; rule 12)
  // given its state from elsewhere (`state`, "US-MS": the title's): sets its seat as the
  // resolver does, from the seat files, else the county seat named after it (PPLA2). Returns
  // whether it set one; a county with a seat, or no county, is left as it is.
  bool SeatCounty(std::string_view state, PlaceMention* county) const;
  // The one state whose county named `county_key` the file lists ("dekalb" => "US-GA"); empty
  // when none or several do ("orange": California, Florida, New York).
  std::string_view CountySeatState(std::string_view county_key) const;
  // US television stations (data/us_tv_stations.tsv; docs/places.md, "Stations"): reads `path`,
  // checks every line (three columns: call letters, K or W and two or three more letters; a US
  // state's ISO 3166-2 code; a town the gazetteer holds in that state when it holds places at
  // all) and reports every problem at once, one "FILE:LINE: message" a line (kLexiconError). A
  // file that does not exist leaves no stations. Not thread-safe: call before resolving.
  Status LoadStations(const std::string& path);
  // The town of the station with these call letters (lowercase, "wqrt"): a listed city mention
  // with no span, kept by the resolver; null if no such station is listed.
  const PlaceMention* StationTown(std::string_view call_letters) const;
  // Every state whose county named `county_key` either file lists ("kelvane" => US-TX, US-VA);
  // null when none does.
  const std::vector<std::string>* CountyStates(std::string_view county_key) const;
  // False if no name in the gazetteer starts with this word (NameKey form, with a dot for
  // abbreviations, or its loose form); true means "probably". PERF: checked before building
  // keys for every span starting at a token; without it lowercase archives coded at 2 MB/s,
  // 86% of the time in key building.
  bool MayStartName(std::string_view word_key) const { return NameStarts(word_key) != 0; }
  // The same, per kind of key: kStartsExact (a name starts with the word, or with the word and
  // a dot), kStartsLoose (a name starts with the word's loose form, LooseKey).
  static constexpr uint32_t kStartsExact = 1, kStartsLoose = 2;
  uint32_t NameStarts(std::string_view word_key) const;
  // False if `key` (a NameKey, hashed with NameKeyHash) is certainly not in the gazetteer;
  // true means "probably": Lookup() tells.
  bool MayBeKey(uint32_t key_hash) const { return keys_.MayContain(key_hash); }
  // False if no longer name starts with `key` followed by a space ("rio" of "rio de janeiro").
  bool MayBePrefix(uint32_t key_hash) const { return prefixes_.MayContain(key_hash); }
  // Starts loading what MayBeKey and MayBePrefix read for `key_hash`.
  void PrefetchKeyFilters(uint32_t key_hash) const {
    keys_.Prefetch(key_hash);
    prefixes_.Prefetch(key_hash);
  }

 private:
  Gazetteer gazetteer_;
  // Views of the gazetteer's filters (NameFilter).
  NameFilter first_words_;  // NameKeyHash of every key's first word
  NameFilter keys_;         // NameKeyHash of every key
  NameFilter prefixes_;     // NameKeyHash of every key's part before a space
  // The most populous US town named `name` in the subdivision record `state_record`, with
  // coordinates (a county's seat, a station's town), or kNoRecord.
  uint32_t LargestUsTown(std::string_view name, uint32_t state_record) const;
  // Reads one seats file into county_seats_ and `states` (CountySeatState), adding
  // "FILE:LINE: message" to `problems` for each bad line.
  void ReadCountySeats(const std::string& path, std::unordered_map<std::string, std::string>* states,
                       std::vector<std::string>* problems);
  // "US-TX harris" => the record of Houston (LoadCountySeats).
  std::unordered_map<std::string, uint32_t> county_seats_;
  std::unordered_map<std::string, std::string> county_state_;  // "dekalb" => "US-GA" ("" if several)
  std::unordered_map<std::string, std::string> smaller_county_state_;  // the same for the smaller counties
  std::unordered_map<std::string, PlaceMention> stations_;  // "wqrt" => its town (LoadStations)
  std::unordered_map<std::string, std::vector<std::string>> county_states_;  // "dekalb" => every state listing it
};

// The country best supported by the mentions: country names, subdivisions and places of
// 100,000 people or more count 1, smaller places 0.5, the dateline twice, actors 0.5 and
// demonyms 0.3; unlisted places do not count (their country came from the others), except those
// whose country is their namesakes' (namesake_country); ties go to the earliest. Empty if there
// are none.
//   [Almaty (KZ), Kazakhstan (KZ), Russian (demonym RU)] => "KZ"
std::string DocumentCountry(const std::vector<PlaceMention>& mentions);

// Whether a mention other than a demonym names a country: "outside a Thai restaurant" alone
// names none (a cuisine, someone's origin), "in Kelmora, Thailand" and "Taliban fighters" do.
bool NamesAPlace(const std::vector<PlaceMention>& mentions);

// How many times `doc` uses wording typical of US local news: "Adams County" (unless
// `county_is_subdivision(token of "County")` says the name is a subdivision elsewhere, as
// "Kisumu County"), "sheriff", "the 1400 block of", "felony", "misdemeanor", "the Dayton
// Police Department", "the District Attorney", a station's call letters ("KQXB-TV", "WQRT 13
// News", "(WQRT)", "WQRT will continue to follow this story"), a city's side ("on the Northwest
// Side"), "non-life-threatening", a police department's initials ("NOPD") and a street address
// ("2603 Kelvin Springs Road"), the last five once each. The resolver counts each as half a vote
// for the US (at most 1.5); the engine takes one as the document's country when no place
// names one. Counting stops at `limit` (PERF: the callers need no more than 3 and 1; US stories
// reach them in their first lines).
// Whether a lowercased word has the shape of US broadcast call letters: K or W, then two or three
// letters ("kqxb", "wqrt"; the FCC's scheme). UsStyleCues also asks for their context.
bool CallLetterShape(std::string_view norm);

int UsStyleCues(const tokens::TokenizedText& doc, const std::function<bool(uint32_t)>& county_is_subdivision = nullptr,
                int limit = std::numeric_limits<int>::max());

// The country of an actor written right before `token` ("Kazakh police", "Almaty police",
// "Syrian government forces"): the country of a mention ending at `token` (skipping one
// adjective such as "local" is not done). Empty if none.
std::string CountryBefore(const std::vector<PlaceMention>& mentions, uint32_t token);

}  // namespace evident::places
