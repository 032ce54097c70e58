// Event places in US local news (issue #3, GVA-style reports): what the `location` of an event
// says for stories that are clearly American. Invented reports; published 2026-03-14.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "pipeline/engine.h"
#include "test_engine.h"
#include "text/document.h"

namespace evident::pipeline {
namespace {

using events::Event;
using lexicon::EventType;
using testing::CodeText;
using testing::CodeTitleOnly;
using testing::CodeWithTitle;

std::string_view Text(const CodedDocument& cd, Span s) { return s.Of(cd.doc.text); }

// The first event of `type` with a location, or nullptr.
const Event* PlacedEvent(const CodedDocument& cd, EventType type) {
  for (const auto& e : cd.events)
    if (e.type == type && e.location) return &e;
  return nullptr;
}

// GeoNames spells 108 US places "Saint X" and seven "St. X" (St. Louis, St. Charles, St.
// Petersburg...): the name shown is "Saint X" for all of them, as US postal names write it;
// the text keeps the words written.
TEST(UsPlaces, SaintIsSpelledOutInTheName) {
  auto cd = CodeText("Two men were wounded outside a laundromat in St. Louis late on Friday, police said.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(cd, e->location->span), "St. Louis");
  EXPECT_EQ(e->location->name, "Saint Louis");
  EXPECT_EQ(e->location->country, "US");
  EXPECT_EQ(e->location->admin1_code, "US-MO");

  auto charles = CodeText("A teenager was shot and killed in St. Charles, Mo., on Thursday night, police said.");
  const Event* c = PlacedEvent(charles, EventType::kAssault);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->location->name, "Saint Charles");
  EXPECT_EQ(c->location->admin1_code, "US-MO");
}

// Places abroad keep their GeoNames names ("St. Albert", Canada).
TEST(UsPlaces, SaintAbroadKeepsItsName) {
  auto cd = CodeText("Police in St. Albert, Alberta, arrested two men after a stabbing on Friday.");
  const Event* e = PlacedEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->country, "CA");
  EXPECT_EQ(e->location->name, "St. Albert");
}

// US broadcast call letters ("told WQRT 13 News", "KQXB-TV reported") and police acronyms
// ("the RVPD said") are US local news: a story with nothing else that names a country is in
// the US.
TEST(UsPlaces, CallLettersAndPoliceAcronymsSayUs) {
  for (const char* text : {"A man was shot in the leg outside a corner store late on Friday, police told WQRT 13 News.",
                           "A woman was wounded by a stray bullet on Sunday night, KQXB-TV reported.",
                           "The RVPD said two teenagers were shot and wounded after a party on Saturday."}) {
    auto cd = CodeText(text);
    const Event* e = PlacedEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->location->country, "US") << text;
  }
}

// The same cues choose the US town over a namesake abroad of about its size ("Lodi": Italy
// 45,000, California 62,000).
TEST(UsPlaces, CallLettersChooseTheUsNamesake) {
  auto cd = CodeText("Lodi police said a girl was shot and wounded on Sunday, WQRT 13 News reported.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Lodi");
  EXPECT_EQ(e->location->country, "US");
}

// Capitals that only look like call letters are no cue: a force ("KFOR troops"), a word in a
// shouted line ("WERE 12 ..."), an acronym not followed by a channel number or a station word.
TEST(UsPlaces, OtherCapitalsAreNoCallLetters) {
  auto cd = CodeText("KFOR troops said a man was shot and wounded near a bakery on Friday.");
  for (const auto& e : cd.events) {
    if (e.location) {
      EXPECT_NE(e.location->country, "US");
    }
  }
}

// A compass point written as initials before a city ("in SW Tulsa", "in NE Omaha") is a part of
// the city, as "Southwest Tulsa" is; "NE" after a comma still qualifies as Nebraska.
TEST(UsPlaces, CompassInitialsBeforeACity) {
  for (const char* text : {"Two men were shot and wounded late on Friday in SW Tulsa, police said.",
                           "A teenager was shot in NE Omaha on Sunday night."}) {
    auto cd = CodeText(text);
    const Event* e = PlacedEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->location->country, "US") << text;
    EXPECT_TRUE(e->location->name == "Tulsa" || e->location->name == "Omaha") << text;
  }
  auto cd = CodeText("A man was shot and killed in Omaha, NE, on Sunday night.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Omaha");
  EXPECT_EQ(e->location->admin1_code, "US-NE");
}

// A station's name after the headline ("... - WQRT News 9 Tarboro, North Carolina") says where
// the station is, not where it happened: the town the text names comes first; with no town in
// the text, the station's town still places the events.
TEST(UsPlaces, StationTownInTheTitleYieldsToTheText) {
  auto cd = CodeWithTitle("Teen wounded outside gas station - WQRT News 9 Tarboro, North Carolina News, Weather",
                          "A 16-year-old was shot and wounded outside a gas station on Friday night.\n\n"
                          "Greenville police are asking witnesses to come forward.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Greenville");
  EXPECT_EQ(e->location->admin1_code, "US-NC");

  auto alone = CodeWithTitle("Teen wounded outside gas station - WQRT News 9 Tarboro, North Carolina News, Weather",
                             "A 16-year-old was shot and wounded outside a gas station on Friday night.");
  const Event* a = PlacedEvent(alone, EventType::kAssault);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->location->name, "Tarboro");
  EXPECT_EQ(a->location->basis, "title");

  // Not a small town of another state far away, which the text names unqualified: a namesake of
  // a quarter of the station's large city ("the Hillview Apartments" in a Memphis station's
  // story).
  auto quarter = CodeWithTitle("Man shot during gun sale - WQRT News 5 - Memphis, Tennessee",
                               "A 19-year-old was shot and killed on Friday night. He graduated early from Hillcrest "
                               "High School, his brother said. Police said he was shot after he met a seller at the "
                               "Hillcrest Apartments.");
  for (const auto& ev : quarter.events) {
    ASSERT_TRUE(ev.location.has_value());
    EXPECT_EQ(ev.location->name, "Memphis");
  }

  // Call letters right before the town ("- FOX 8 WQRT Omaha News") are the station's name,
  // no part of the town's.
  // A site's kicker before the headline ("Omaha News: ...") names the town too.
  auto kicker = CodeWithTitle("Omaha News: Teen wounded outside gas station",
                              "A 16-year-old was shot and wounded outside a gas station on Friday night.");
  const Event* k = PlacedEvent(kicker, EventType::kAssault);
  ASSERT_NE(k, nullptr);
  EXPECT_EQ(k->location->name, "Omaha");

  auto letters = CodeWithTitle("Teen wounded outside gas station - FOX 8 WQRT Omaha News, Weather, Sports",
                               "A 16-year-old was shot and wounded outside a gas station on Friday night.");
  const Event* l = PlacedEvent(letters, EventType::kAssault);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->location->name, "Omaha");
}

// The station's town after the site's name ("... - KQXBNews.com - Jackson, MS") is where the
// station is: an event the text places in a county of that state goes to the county's seat,
// not to the station's town.
TEST(UsPlaces, StationTownInTheTitleYieldsToTheCountySeat) {
  auto cd = CodeWithTitle("Teen killed, another charged in Lincoln County - KQXBNews.com - Jackson, MS",
                          "Deputies were called to a home on Highway 27 in Lincoln County early Sunday, where they "
                          "found a teen shot in the head, the sheriff said.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Brookhaven");
  EXPECT_EQ(e->location->admin1_code, "US-MS");
}

// The title's US wording counts as the text's does: a station's call letters in the site name
// ("- WQRT News 7", "- WQRT Channel 7") choose the US namesake of a town the text names.
TEST(UsPlaces, CallLettersInTheTitleChooseTheUsNamesake) {
  for (const char* title : {"Boy, 14, wounded by stray round - WQRT News 7",
                            "Boy, 14, wounded by stray round - WQRT Channel 7"}) {
    auto cd = CodeWithTitle(title, "A 14-year-old was shot in the leg in Winchester on Friday, officials said.");
    const Event* e = PlacedEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << title;
    EXPECT_EQ(e->location->name, "Winchester") << title;
    EXPECT_EQ(e->location->country, "US") << title;
  }
}

// A county is a subdivision: it never takes the event from the town it holds, even one named
// after "the" ("in the Tarboro area in Edgecombe County" is Tarboro).
TEST(UsPlaces, CountyDoesNotTakeTheEventFromItsTown) {
  auto cd = CodeText(
      "Deputies were called to reports of shots fired in the Tarboro area in Edgecombe County late on Sunday, "
      "the sheriff said.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Tarboro");
}

// The station's town written next to "News" in the site name ("WQRT 41 Omaha News", "KQXB.com |
// Omaha News, Weather", "WQRT News Omaha") is a town, not part of a newspaper's name: it places
// events the text does not.
TEST(UsPlaces, StationTownNextToNewsInTheSiteName) {
  for (const char* title : {"Teen wounded outside gas station - WQRT 41 Omaha News",
                            "Teen wounded outside gas station - KQXB.com | Omaha News, Weather & Sports",
                            "Teen wounded outside gas station - WQRT News Omaha"}) {
    auto cd = CodeWithTitle(title, "A 16-year-old was shot and wounded outside a gas station on Friday night.");
    const Event* e = PlacedEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << title;
    EXPECT_EQ(e->location->name, "Omaha") << title;
    EXPECT_EQ(e->location->basis, "title") << title;
  }
}

// The town of the hospital a victim was taken to ("a Raleigh hospital", "flown to a hospital in
// Greenville") is not where it happened: the event takes the dateline or the town the story
// says it happened in.
TEST(UsPlaces, HospitalTownIsNotTheScene) {
  auto cd = CodeText(
      "ROCKY MOUNT, N.C. \u2014 A 12-year-old boy is in serious condition at a Raleigh hospital after he was "
      "accidentally shot by a friend on Saturday, police said.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Rocky Mount");

  auto flown = CodeText(
      "A woman was flown to a hospital in Greenville after she was shot on Sunday night. The shooting happened at "
      "a home in Tarboro, deputies said.");
  for (const auto& ev : flown.events) {
    ASSERT_TRUE(ev.location.has_value());
    EXPECT_EQ(ev.location->name, "Tarboro");
  }
}

// Where a victim lives ("a Tarboro man", "John Smith, 41, of Tarboro", "a 19-year-old from
// Tarboro") is not where it happened when the story names that place ("near a bar in
// Greenville", "The shooting occurred at a gas station in Greenville").
TEST(UsPlaces, ResidenceIsNotTheScene) {
  for (const char* text :
       {"A Tarboro man was shot and killed early Saturday near a bar in Greenville, police said.",
        "Police said a 19-year-old Tarboro man was shot Saturday. It happened outside a bar in Greenville.",
        "John Smith, 41, of Tarboro, was shot and killed Saturday, police said. The shooting occurred at a gas "
        "station in Greenville.",
        // "from" after a person or an age says where someone comes from, as "of" does.
        "A 19-year-old from Tarboro was wounded Saturday night in a shooting at a campground in Greenville.",
        "A man from Tarboro was shot early Saturday near a bar in Greenville, police said."}) {
    auto cd = CodeText(text);
    ASSERT_FALSE(cd.events.empty()) << text;
    for (const auto& e : cd.events) {
      ASSERT_TRUE(e.location.has_value()) << text;
      EXPECT_EQ(e.location->name, "Greenville") << text;
    }
  }
  // With no other place, the residence is the best guess there is.
  auto alone = CodeText("A Tarboro man was shot and wounded early Saturday, police said.");
  const Event* e = PlacedEvent(alone, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Tarboro");
}

// A town's police named by their initials, chief or deputies ("Tarboro PD:", "Tarboro chief:",
// "Tarboro deputy wounded") supports the town as a place, as "Tarboro police" does ("officers"
// does not: "Metropolitana officers" are no Chilean region's).
TEST(UsPlaces, TownsPoliceOfficersSupportTheTown) {
  for (const char* title : {"Tarboro PD: Teen wounded after shots fired at party",
                            "Tarboro chief: Teen wounded after shots fired at party",
                            "Tarboro deputy wounded in exchange of gunfire at party"}) {
    auto cd = CodeTitleOnly(title);
    const Event* e = PlacedEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << title;
    EXPECT_EQ(e->location->name, "Tarboro") << title;
  }
}

// A town before a bar, as before a nightclub or motel ("a Tarboro bar"), is a place.
TEST(UsPlaces, TownBeforeABarIsAPlace) {
  auto cd = CodeTitleOnly("Third man charged in deadly Tarboro bar shooting");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Tarboro");
}

// A headline's adjective opening it ("Missing Tarboro teen ...", "Wounded Tarboro officer ...")
// is no part of the town's name: the town before its resident is the place.
TEST(UsPlaces, HeadlineAdjectiveBeforeATownIsNoPartOfItsName) {
  for (const char* title : {"Investigator: Missing Tarboro teen was beaten, shot to death",
                            "Wounded Tarboro teen dies days after shooting"}) {
    auto cd = CodeTitleOnly(title);
    const Event* e = PlacedEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << title;
    EXPECT_EQ(e->location->name, "Tarboro") << title;
  }
}

// A town before the crime it names ("2 Tarboro shootings", "a Tarboro homicide") is a place, as
// before its residents or a bar.
TEST(UsPlaces, TownBeforeAShootingIsAPlace) {
  for (const char* title : {"Documents show feud behind 2 Tarboro shootings",
                            "Teen charged in weekend Tarboro homicide, police say"}) {
    auto cd = CodeTitleOnly(title);
    const Event* e = PlacedEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << title;
    EXPECT_EQ(e->location->name, "Tarboro") << title;
  }
}

// A region of a state ("upstate New York", "central New York") is the state, not the city of
// that name; the seat city keeps its own ("southern Baghdad" is the city).
TEST(UsPlaces, RegionOfAStateIsTheState) {
  for (const char* text : {"Two hunters were wounded in central New York on Saturday, state police said.",
                           "Two hunters were wounded in upstate New York on Saturday, state police said."}) {
    auto cd = CodeText(text);
    const Event* e = PlacedEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->location->precision, "admin1") << text;
    EXPECT_EQ(e->location->admin1_code, "US-NY") << text;
  }
}

// A sentence saying where it happened places the story's events also with the town before
// "home" ("It happened at the family's Greenville home"), as with "in Greenville".
TEST(UsPlaces, SceneSentenceWithATownsHome) {
  auto cd = CodeText(
      "TARBORO, N.C. \u2014 A 12-year-old boy was accidentally shot by his brother on Saturday.\n\nThe boys "
      "found the rifle in a closet.\n\nIt happened late Saturday at the family's Greenville home, deputies "
      "said.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Greenville");
}

// Police write "a 17-year-old Greenville male": a residence, as "a Greenville man" is, which
// comes before the dateline's town (where the story was filed).
TEST(UsPlaces, MaleAndFemaleAfterATownAreResidents) {
  auto cd = CodeText(
      "TARBORO, N.C. \u2014 A 17-year-old Greenville male was charged on Friday with shooting a classmate in the "
      "arm.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Greenville");
}

// A sentence saying where it happened places an event its own sentence places only in a county,
// however far from the event it stands.
TEST(UsPlaces, SceneSentenceFarFromTheEvent) {
  auto cd = CodeText(
      "A two-year-old was flown to a hospital after accidentally shooting himself in the chest in Wilkes County "
      "on Sunday evening.\n\nThe sheriff said the parents drove the child to an emergency room.\n\nThe boy was "
      "later moved to another hospital for surgery.\n\nThe parents said the boy found the handgun in the door "
      "of their car.\n\nIt happened late that evening on Kelvin Mill Road in Thurmond.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Thurmond");
  EXPECT_EQ(e->location->admin1_code, "US-NC");
}

// A sentence saying it happened near a town ("about two miles west of Tarboro", "near
// Tarboro", "just outside Tarboro") places the events as "in Tarboro" does; not near a place
// named after it ("near Tarboro High School") or a crossing ("near Tarboro and Main"), where an
// event stays in a county with no known seat.
TEST(UsPlaces, SceneSentenceNearATown) {
  for (const char* where : {"in a field about two miles west of Tarboro", "in a wooded area near Tarboro",
                            "on a farm just outside Tarboro"}) {
    auto cd = CodeText(std::string("A hunter was shot and wounded in Kelbrook County on Saturday morning, the sheriff "
                                   "said.\n\nIt "
                                   "happened ") +
                       where + ", deputies said.");
    const Event* e = PlacedEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << where;
    EXPECT_EQ(e->location->name, "Tarboro") << where;
  }
  for (const char* where : {"near Tarboro High School", "near Tarboro and Main"}) {
    auto cd = CodeText(std::string("A hunter was shot and wounded in Kelbrook County on Saturday morning, the sheriff "
                                   "said.\n\nIt happened ") +
                       where + ", deputies said.");
    const Event* e = PlacedEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << where;
    EXPECT_EQ(e->location->name, "Kelbrook County") << where;
  }
}

// "It happened in a field northwest of Kelbrook": a hamlet the gazetteer lacks, named after a
// compass point and "of", is where it happened, not the dateline's town.
TEST(UsPlaces, SceneSentenceNearAHamletTheGazetteerLacks) {
  auto cd = CodeText(
      "DE QUEEN, Ark. - A 16-year-old boy was accidentally shot by his brother on Saturday, the sheriff said.\n\n"
      "It happened in a field northwest of Kelbrook on Saturday around noon, deputies said.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Kelbrook");
  EXPECT_EQ(e->location->country, "US");
}

// "It happened in the Town of Kelbrook, which is northwest of Dorvane": the municipality the
// scene sentence names as such is where it happened, not the town its relative clause
// measures it from.
TEST(UsPlaces, SceneSentenceNamesAMunicipality) {
  auto cd = CodeText(
      "DE QUEEN, Ark. - A 16-year-old boy was accidentally shot by his brother on Saturday, the sheriff said.\n\n"
      "It happened in the Town of Kelbrook, which is northwest of Dorvane, around noon, deputies said.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Kelbrook");
  EXPECT_EQ(e->location->country, "US");

  // Not a development named after one ("in the Village of Kelbrook subdivision").
  auto sub = CodeText(
      "DE QUEEN, Ark. - A 16-year-old boy was accidentally shot by his brother on Saturday, the sheriff said.\n\n"
      "It happened at a home in the Village of Kelbrook subdivision northwest of Dorvane, deputies said.");
  const Event* s = PlacedEvent(sub, EventType::kAssault);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->location->name, "Dorvane");
}

// "in rural Kelbrook", "in unincorporated Kelbrook": a place the gazetteer lacks after "in" and a
// word for its countryside is where it happened, not the dateline's town.
TEST(UsPlaces, RuralPlaceTheGazetteerLacks) {
  for (const char* word : {"rural", "unincorporated"}) {
    auto cd = CodeText(std::string("BRECKENRIDGE, Minn. - The county sheriff reports an accidental shooting in ") +
                       word + " Kelbrook on Wednesday morning.");
    const Event* e = PlacedEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << word;
    EXPECT_EQ(e->location->name, "Kelbrook") << word;
    EXPECT_EQ(e->location->country, "US") << word;
  }
}

// "in the 6900 block of Kelmar Road in Kelbrook after a report": the town of an address, which
// the gazetteer lacks, is where it happened, whatever follows it.
TEST(UsPlaces, AddressTownTheGazetteerLacks) {
  auto cd = CodeText(
      "Deputies were called to a home in the 6900 block of Kelmar Road in Kelbrook after a report of a shooting "
      "on Tuesday.\n\nA 12-year-old boy had been shot in the leg, deputies said. Indiana State Police are "
      "helping with the investigation.");
  ASSERT_FALSE(cd.events.empty());
  for (const auto& e : cd.events) {
    ASSERT_TRUE(e.location.has_value());
    EXPECT_EQ(e.location->name, "Kelbrook");
  }
  // Not a residence's address ("Dana Kell, of the 800 block of Kelmar Avenue in Kelbrook").
  auto lives = CodeText(
      "A man was shot and wounded outside a store on Monday night, Tarboro police said.\n\nThe victim, Dana Kell, "
      "of the 800 block of Kelmar Avenue in Kelbrook, is 34.");
  for (const auto& e : lives.events) {
    ASSERT_TRUE(e.location.has_value());
    EXPECT_EQ(e.location->name, "Tarboro");
  }
}

// "was shot at a Kelbrook home": a town the gazetteer lacks, before a home after "at a", is where
// it happened.
TEST(UsPlaces, HomeInATownTheGazetteerLacks) {
  auto cd = CodeText(
      "Deputies say an 18-year-old man died after a friend shot him early Friday.\n\nDeputies say he was shot at "
      "a Kelbrook home at about 5 a.m. The Choctaw County sheriff said the shooting was an accident.");
  ASSERT_FALSE(cd.events.empty());
  for (const auto& e : cd.events) {
    ASSERT_TRUE(e.location.has_value());
    EXPECT_EQ(e.location->name, "Kelbrook");
  }
}

// "at Fort Kelbrook": a name opening with "Fort" after "at", "in" or "near" is a place (a post
// or its town) though the gazetteer lacks it.
TEST(UsPlaces, FortTheGazetteerLacks) {
  auto cd = CodeText(
      "A soldier's teenage son at Fort Kelbrook died of a gunshot wound on Friday night, Army officials said.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Fort Kelbrook");
}

// "Deputies responded to 6902 Kelmar Road, Kelbrook, Indiana": the town of an address, between
// the street and its state, is a place though the gazetteer lacks it.
TEST(UsPlaces, AddressTownBeforeItsState) {
  auto cd = CodeText(
      "Deputies responded to 6902 Kelmar Road, Kelbrook, Indiana and found a boy who had been accidentally shot "
      "by his grandfather.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Kelbrook");
  EXPECT_EQ(e->location->admin1_code, "US-IN");
}

// A county named after its seat ("Darlington County, S.C.") places its events at the seat
// (name, id, coordinates), precision admin2, with the county's words as text.
TEST(UsPlaces, CountyNamedAfterItsSeatReportsTheSeat) {
  auto cd = CodeText(
      "A man was shot and killed outside a store in Darlington County, S.C., on Friday night, deputies said.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Darlington");
  EXPECT_EQ(Text(cd, e->location->span), "Darlington County");
  EXPECT_EQ(e->location->admin1_code, "US-SC");
  EXPECT_EQ(e->location->precision, "admin2");
  EXPECT_TRUE(e->location->has_coordinates);
  EXPECT_NE(e->location->geonames_id, 0);
  // Named otherwise: the seat data/us_county_seats.tsv names ("Harris County", Texas: Houston).
  auto harris = CodeText("A teenager was shot and wounded at a house party in Harris County, Texas, on Saturday night.");
  const Event* h = PlacedEvent(harris, EventType::kAssault);
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->location->name, "Houston");
  EXPECT_EQ(Text(harris, h->location->span), "Harris County");
  EXPECT_EQ(h->location->precision, "admin2");
  // Named after its seat and another name: "Miami-Dade County".
  auto dade = CodeText("MIAMI-DADE COUNTY, Fla. - Two teens were wounded at a bus stop in northwest Miami-Dade County.");
  const Event* d = PlacedEvent(dade, EventType::kAssault);
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->location->name, "Miami");
  EXPECT_EQ(d->location->admin1_code, "US-FL");
}

// "in East Flatbush, Brooklyn": a neighbourhood qualified by its city reports the city; the
// text keeps the neighbourhood's words.
TEST(UsPlaces, NeighbourhoodQualifiedByItsCityReportsTheCity) {
  auto cd = CodeText("Four young men were wounded at a party in East Flatbush, Brooklyn, on Sunday, police said.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Brooklyn");
  EXPECT_EQ(Text(cd, e->location->span), "East Flatbush");
  EXPECT_EQ(e->location->precision, "city");
}

// The dateline opening the event's sentence is where the story was filed: a town after "in",
// "at" or "near" in the sentence is where it happened.
TEST(UsPlaces, DatelineYieldsToTheTownOfItsSentence) {
  auto cd = CodeText(
      "TARBORO, N.C. \u2014 A father was arrested after his gun went off and wounded his baby daughter at a home in "
      "Greenville on Saturday, police said.");
  ASSERT_FALSE(cd.events.empty());
  for (const auto& e : cd.events) {
    ASSERT_TRUE(e.location.has_value());
    EXPECT_EQ(e.location->name, "Greenville");
  }
}

// A kicker in capitals before a colon ("NEWS SAPD: ...", "CRIME: ...") is no dateline: the
// dateline of the next paragraph places the story.
TEST(UsPlaces, KickerInCapitalsIsNoDateline) {
  for (const char* text :
       {"NEWS RVPD: Teen wounds man at home on Kelvin Street\n\nSAN ANTONIO - A 15-year-old boy shot "
        "and wounded a man early Thursday, police said.",
        "CRIME: Teen wounds man at home on Kelvin Street\n\nSAN ANTONIO - A 15-year-old boy shot and "
        "wounded a man early Thursday, police said."}) {
    auto cd = CodeText(text);
    const Event* e = PlacedEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->location->name, "San Antonio") << text;
  }
}

// A station's call letters heading the page ("KQXBTV (Photo: KQXBTV)", "KQXB (CBS)") are its
// credit, not a dateline: the dateline of the next paragraph places the story.
TEST(UsPlaces, StationCreditIsNoDateline) {
  for (const char* text :
       {"KQXBTV (Photo: KQXBTV)\n\nSAN ANTONIO -- Police are investigating a shooting Tuesday evening in "
        "Kelmore Heights that killed a man.",
        "KQTV (CBS)\n\nSAN ANTONIO -- Police are investigating a shooting Tuesday evening in Kelmore Heights "
        "that killed a man."}) {
    auto cd = CodeText(text);
    const Event* e = PlacedEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->location->name, "San Antonio") << text;
  }
}

// A dateline in capitals before a dash naming a place the gazetteer lacks ("KELBROOK — "), in a
// story in the US, is the story's town, kept as written.
TEST(UsPlaces, UnlistedDatelineBeforeDashIsTheTown) {
  auto cd = CodeText(
      "Posted on May 3, 2016\n\nKELBROOK — A young man died Thursday evening in an accidental "
      "shooting at his home, the Kelso County sheriff said.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "KELBROOK");
  EXPECT_EQ(e->location->country, "US");
}

// A police press release run into one line ("... FOR IMMEDIATE RELEASE TULSA, OK - ...") has its
// dateline after the release line.
TEST(UsPlaces, DatelineAfterImmediateRelease) {
  auto cd = CodeText(
      "Police Department 2 SHOT IN KELBROOK GLEN FOR IMMEDIATE RELEASE TULSA, OK - Detectives are investigating "
      "after two men were shot in Kelbrook Glen on Friday night.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Tulsa");
  EXPECT_EQ(e->location->admin1_code, "US-OK");
}

// A consolidated city-county agency ("Savannah-Chatham Metropolitan Police", "Charlotte-Mecklenburg
// Police") names the city before the hyphen.
TEST(UsPlaces, CityCountyAgencyNamesTheCity) {
  auto cd = CodeText(
      "Charlotte-Mecklenburg Police said a man was shot and wounded outside a convenience store late on Friday.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Charlotte");
  EXPECT_EQ(e->location->admin1_code, "US-NC");
  // Also written without the hyphen.
  auto spaced =
      CodeText("Charlotte Mecklenburg Police said a man was shot and wounded outside a laundromat late on Friday.");
  const Event* s = PlacedEvent(spaced, EventType::kAssault);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->location->name, "Charlotte");
}

// A city's police ("Tarboro Police Chief ...", "Tarboro police said") investigate what happened
// in that city: an event placed only in its state takes that city, however far down the story
// names the police.
TEST(UsPlaces, CityPoliceNameTheTownOfAnEventPlacedInAState) {
  auto cd = CodeText(
      "A man was shot and wounded outside a bar in North Carolina on Saturday night, officers said.\n\n"
      "Witnesses described two men running from the scene toward a parked car.\n\nNeighbors said the bar had "
      "seen fights before and asked for more patrols.\n\nThe owner said he would close early for a week.\n\n"
      "Tarboro Police Chief Mark Kell asked anyone with information to call.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Tarboro");
  EXPECT_EQ(e->location->admin1_code, "US-NC");
}

// With nothing nearer, the city whose police investigate places the event before the town the
// story names most ("His family drove up from Atlanta", "Relatives in Atlanta").
TEST(UsPlaces, CityPoliceBeforeTheTownNamedMost) {
  auto cd = CodeText(
      "A man was shot and wounded at an apartment complex late on Saturday, officers said. His family drove up "
      "from Atlanta to see him. Acworth Police Chief Mark Kell said the suspect fled on foot. Relatives in Atlanta "
      "asked for privacy.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Acworth");
  EXPECT_EQ(e->location->admin1_code, "US-GA");
}

// A name opened by an abbreviation ("St. Louis", "Ft. Worth") is no common word of two letters:
// a large place by such a name needs no preposition before it.
TEST(UsPlaces, AbbreviatedFirstWordOfALargePlace) {
  for (const char* text : {"Three people were killed in overnight St. Louis shootings, police said.",
                           "Two men were wounded in a weekend Ft. Worth shooting, police said."}) {
    auto cd = CodeText(text);
    const Event* e = PlacedEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_TRUE(e->location->name == "Saint Louis" || e->location->name == "Fort Worth") << text;
    EXPECT_EQ(e->location->country, "US") << text;
  }
}

// "Washington D.C." without a comma names the capital as "Washington, D.C." does.
TEST(UsPlaces, WashingtonDcWithoutAComma) {
  auto cd = CodeText("A teenager was shot and killed near her home in Washington D.C. late on Friday, police said.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Washington");
  EXPECT_EQ(e->location->admin1_code, "US-DC");
}

// A town written with "City" after its name, which the gazetteer files without it ("Suisun
// City", GeoNames "Suisun"), keeps "City" in the words shown.
TEST(UsPlaces, CityAfterTheNameIsPartOfTheText) {
  auto cd = CodeText("A two-year-old was shot and wounded in Suisun City on Monday, police said.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(cd, e->location->span), "Suisun City");
  EXPECT_EQ(e->location->admin1_code, "US-CA");
}

// "X-area" ("two Tarboro-area teens", "the 2016 Tulsa-area killings") names the place X and its
// surroundings: a place, not a compound adjective as "Tarboro-based" is.
TEST(UsPlaces, TownAreaCompoundIsThePlace) {
  for (const char* text : {"Two Tarboro-area teens were wounded in a shooting on Monday night.",
                           "This map shows the 2016 Tulsa-area killings."}) {
    auto cd = CodeText(text);
    const Event* e = PlacedEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_NE(e->location->precision, "country") << text;
    EXPECT_TRUE(e->location->name == "Tarboro" || e->location->name == "Tulsa") << text;
  }
}

// A venue named with its kind first ("Club Zephyr", "Hotel Marlow") in a town is a part of the
// town, as "the Go-Go Bar in X" is: the event is in the town.
TEST(UsPlaces, VenueNamedKindFirstIsPartOfTheTown) {
  auto cd = CodeText(
      "Two men were shot and wounded early Sunday in the parking lot of Club Zephyr in Caruthersville, police "
      "said.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Caruthersville");
}

// A quarter the gazetteer lacks, with no town in its paragraph, is a part of the story's city
// when that city is large (100,000 people or more) and is where the story is filed from (the
// dateline) or whose police investigate, else the only large city the story names: the event's
// `name` is the city (its id, state and coordinates), its `text` the quarter as written.
TEST(UsPlaces, QuarterOfTheStorysCity) {
  auto dateline = CodeText(
      "TULSA, Okla. \u2014 Two men were shot and wounded late Saturday in Kelbrook Glen, police said.");
  const Event* e = PlacedEvent(dateline, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Tulsa");
  EXPECT_EQ(Text(dateline, e->location->span), "Kelbrook Glen");
  EXPECT_EQ(e->location->admin1_code, "US-OK");
  EXPECT_NE(e->location->geonames_id, 0);

  auto police = CodeText(
      "A 16-year-old boy was shot in the arm on Monday evening in the Kelvane Park neighborhood.\n\nOmaha "
      "police are looking for a gray sedan seen leaving the block.");
  const Event* p = PlacedEvent(police, EventType::kAssault);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->location->name, "Omaha");
  EXPECT_EQ(Text(police, p->location->span), "Kelvane Park");

  // With neither, the one large city the story names is its city.
  auto only = CodeText(
      "Two men were shot and killed late Saturday in Kelbrook Glen.\n\nA heartbroken Omaha mother is asking "
      "for answers.");
  const Event* o = PlacedEvent(only, EventType::kAssault);
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->location->name, "Omaha");
  EXPECT_EQ(Text(only, o->location->span), "Kelbrook Glen");
  // Two large cities: none is the story's.
  auto two = CodeText(
      "Two men were shot and killed late Saturday in Kelbrook Glen.\n\nA heartbroken Omaha mother is asking "
      "for answers. Her brother flew in from Denver for the vigil.");
  const Event* t = PlacedEvent(two, EventType::kAssault);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->location->name, "Kelbrook Glen");
}

// A quarter the gazetteer knows only as a small town of another state ("a Bethany Beach
// shooting" under a Norfolk, Va. dateline: Bethany Beach is a town of Delaware) is a part of the
// story's large city too; not one its text qualifies ("in Bethany Beach, Del.").
TEST(UsPlaces, QuarterNamedLikeASmallTownElsewhere) {
  auto cd = CodeText("NORFOLK, Va. - A man was killed in a Bethany Beach shooting on Wednesday night, police said.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Norfolk");
  EXPECT_EQ(Text(cd, e->location->span), "Bethany Beach");

  auto qualified = CodeText(
      "NORFOLK, Va. - A Norfolk man was killed in a shooting in Bethany Beach, Del., on Wednesday night, police "
      "said.");
  const Event* q = PlacedEvent(qualified, EventType::kAssault);
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->location->name, "Bethany Beach");
}

// With no such city, the seat of the county the story names, when it is a city of 100,000 people
// or more ("the Cook County medical examiner": Chicago), is the story's city; not a small seat.
TEST(UsPlaces, QuarterOfTheCountySeat) {
  auto cd = CodeText(
      "A 19-year-old man was shot and killed late Saturday in the 3100 block of Kelmar Avenue in the Kelvane Park "
      "neighborhood.\n\nThe Cook County "
      "medical examiner's office identified him on Sunday.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Chicago");
  EXPECT_EQ(Text(cd, e->location->span), "Kelvane Park");

  auto small = CodeText(
      "A 19-year-old man was shot and killed late Saturday in the 3100 block of Kelmar Avenue in the Kelvane Park "
      "neighborhood.\n\nThe Ogle County "
      "coroner's office identified him on Sunday.");
  const Event* s = PlacedEvent(small, EventType::kAssault);
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->location->name, "Kelvane Park");
}

// Not the quarter of a small town's story (a hamlet near it may be a place of its own), nor a
// township, which is one.
TEST(UsPlaces, NoQuarterOfASmallTownOrATownship) {
  auto small = CodeText(
      "TARBORO, N.C. \u2014 Two men were shot and wounded late Saturday in Kelbrook Glen, deputies said.");
  const Event* e = PlacedEvent(small, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Kelbrook Glen");

  auto township = CodeText(
      "TULSA, Okla. \u2014 A man was shot and killed on Sunday in Kelbrook Township, deputies said.");
  const Event* t = PlacedEvent(township, EventType::kAssault);
  ASSERT_NE(t, nullptr);
  EXPECT_NE(t->location->name, "Tulsa");
}

// A story that names no town but names a county in a sentence apart from the event's ("The
// Harris County district attorney announced charges"): the event is in that county, reported at
// its seat, rather than in the country alone.
TEST(UsPlaces, CountyNamedApartFromTheEventReportsItsSeat) {
  auto cd = CodeText(
      "A woman was shot and wounded on her front porch late Friday.\n\n"
      "The Harris County district attorney announced charges against a neighbour on Monday.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Houston");
  EXPECT_EQ(e->location->admin1_code, "US-TX");
}

// "shot while hunting in Texas ... the Harris County sheriff said": an event its sentence places
// only in a state took place in the county of that state the story names, reported at its seat.
TEST(UsPlaces, EventPlacedInAStateTakesTheStatesCounty) {
  auto cd = CodeText(
      "A man was shot and killed while hunting in Texas on Saturday.\n\n"
      "The victim had been mistaken for a deer near a creek, the Harris County sheriff said.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Houston");
  EXPECT_EQ(e->location->admin1_code, "US-TX");
}

// "Pitt County deputies say ... it happened on Route 7 in Kelbrook Hollow": in a story naming no
// listed town, a hamlet the gazetteer lacks that the story says it happened in is the scene, not
// the county's seat.
TEST(UsPlaces, UnlistedHamletWhereItHappenedInAStoryWithoutTowns) {
  auto cd = CodeText(
      "Harris County deputies say a boy was shot and wounded Sunday morning.\n\n"
      "Deputies say it happened on Route 7 in Kelbrook Hollow around 7:45 a.m.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Kelbrook Hollow");
  EXPECT_EQ(e->location->country, "US");
}

// "Sheriff: Harris County man who shot his sons has died" over a text naming no place: the
// title's county places the events, reported at its seat; a town of the text comes first.
TEST(UsPlaces, TitleCountyPlacesEventsAtItsSeat) {
  auto cd = CodeWithTitle("Sheriff: Harris County man who shot his sons has died",
                          "The father shot himself after killing his two young sons, deputies said.\n\n"
                          "He died of his injuries on Sunday.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Houston");
  EXPECT_EQ(e->location->admin1_code, "US-TX");
  auto town = CodeWithTitle("Sheriff: Harris County man who shot his sons has died",
                            "The father shot himself after killing his two young sons, deputies said.\n\n"
                            "He died of his injuries on Sunday. The family had moved from Pasadena, Texas.");
  e = PlacedEvent(town, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Pasadena");
}

// "D.C. police" named again and again: the city the story names most is Washington (the
// subdivision that is one city), not a park named once in passing.
TEST(UsPlaces, SubdivisionThatIsOneCityIsTheTownNamedMost) {
  auto cd = CodeText(
      "A teenager was shot and killed in a courtyard on Friday.\n\n"
      "The man had been arrested two years ago after a shooting in an alley near Kelmar Park.\n\n"
      "D.C. police said he turned himself in on Monday. D.C. police thanked the public for tips.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Washington");
}

// A story naming no town, only the station reporting it ("(Photo Source: WREG News 3)", "KOAT
// will provide updates"), happened in the station's area: its events are reported at the
// station's town (data/us_tv_stations.tsv); a county named without its state is in the
// station's state. Not a station's letters in a line in capitals, nor before a town of the text.
TEST(UsPlaces, StationOfATownlessStoryPlacesItsEvents) {
  auto cd = CodeText(
      "A man was shot and wounded outside a gas station late Friday, police said.\n\n"
      "(Photo Source: WREG News 3)");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Memphis");
  EXPECT_EQ(e->location->admin1_code, "US-TN");
  auto county = CodeText(
      "A man was shot and wounded outside a gas station in Orange County late Friday, deputies said.\n\n"
      "WFTV will provide updates as they become available.");
  e = PlacedEvent(county, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Orlando");
  auto town = CodeText(
      "A man was shot and wounded outside a gas station late Friday, police said.\n\n"
      "He lives in Tarboro, N.C., relatives said. (Photo Source: WREG News 3)");
  e = PlacedEvent(town, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Tarboro");
  // A small town of another state far away, unqualified, is a quarter of the station's large
  // city ("the Hillview Village apartment complex" in a Memphis station's story is no Hillview of
  // Kentucky).
  auto quarter = CodeText(
      "Two teens were wounded at the Hillview Village apartment complex late Saturday, police said.\n\n"
      "(Photo Source: WREG News 3)");
  e = PlacedEvent(quarter, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Memphis");
  // So is such a town in the title ("... at Hillview HS" over a Memphis station's story).
  auto titled = CodeWithTitle("Student hurt in shooting at Hillview HS",
                              "A student accidentally shot himself in the leg, the district said.\n\n(Photo: WREG)");
  e = PlacedEvent(titled, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Memphis");
  auto shouted = CodeText(
      "A man was shot and wounded outside a gas station late Friday, police said.\n\n"
      "REPORTER: WE ARE LIVE AT WREG NEWS TONIGHT.");
  e = PlacedEvent(shouted, EventType::kAssault);
  EXPECT_TRUE(e == nullptr || e->location->name != "Memphis");
}

// A coder reused for the next document reads no station from the previous one's title.
TEST(UsPlaces, StationOfAPreviousTitleIsNotTheNextStorys) {
  Coder coder(testing::SharedEngine());
  auto make = [](std::string title) {
    CodedDocument cd;
    cd.doc.id = "doc-station";
    cd.doc.origin = "test";
    cd.doc.title = std::move(title);
    cd.doc.text = "A man was shot and wounded outside a gas station late Friday, the sheriff said.";
    cd.doc.published = "2026-03-14";
    EXPECT_TRUE(text::PrepareText(&cd.doc).ok());
    return cd;
  };
  CodedDocument first = make("Man wounded outside gas station - WREG");
  coder.Code(&first);
  const Event* e = PlacedEvent(first, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Memphis");
  CodedDocument second = make("");
  coder.Code(&second);
  e = PlacedEvent(second, EventType::kAssault);
  EXPECT_TRUE(e == nullptr || e->location->name != "Memphis");
}

// "He pulled over on Kelmar Road in unincorporated Kelbrook": a place the gazetteer lacks, named
// after "in" and a word for its countryside in a sentence apart from the event's, is the story's
// scene, before a town where another crime "occurred" later in the story.
TEST(UsPlaces, RuralPlaceInAnotherSentenceIsTheScene) {
  auto cd = CodeText(
      "A 20-year-old man died early Sunday after being accidentally shot by a friend, the sheriff's office "
      "said.\n\nThe friends had pulled over on Kelmar Road in unincorporated Kelbrook, deputies said.\n\n"
      "The friend was also charged in a burglary that occurred in Tarboro last year.");
  const Event* e = PlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Kelbrook");
}

}  // namespace
}  // namespace evident::pipeline
