// The material acts around a conflict that event coders code besides protests, violence and the
// legal process: property seized or destroyed (SEIZE, DESTROY), forces moved (MOBILIZE) and
// restrictions imposed (RESTRICT). Each test reads an invented report as a user would: which of
// these events it states, with what mode, place and actor, and which look-alikes it does not.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "events/cameo.h"
#include "test_engine.h"

namespace evident::pipeline {
namespace {

using events::Event;
using events::EventStatus;
using lexicon::EventType;
using testing::CodeText;

std::vector<const Event*> OfType(const CodedDocument& cd, EventType type) {
  std::vector<const Event*> out;
  for (const auto& e : cd.events)
    if (e.type == type) out.push_back(&e);
  return out;
}

std::string Trigger(const CodedDocument& cd, const Event& e) { return std::string(e.trigger.Of(cd.doc.text)); }

TEST(MaterialActs, LootingIsASeizureWhereItHappenedWithNoCount) {
  const auto cd = CodeText("On 3 March 2026, Kelmar militants looted 40 shops in Dorvane, Kenya.");
  const auto seized = OfType(cd, EventType::kSeize);
  ASSERT_EQ(seized.size(), 1u);
  EXPECT_EQ(seized[0]->mode, "looting");
  EXPECT_EQ(seized[0]->status, EventStatus::kHappened);
  EXPECT_TRUE(seized[0]->counts.empty()) << "40 counts shops, not people";
  ASSERT_TRUE(seized[0]->location.has_value());
  EXPECT_EQ(seized[0]->location->country, "KE");
  const auto code = events::ToExternalCode(EventType::kSeize, seized[0]->mode);
  EXPECT_EQ(code.plover_event, "COERCE");
  EXPECT_EQ(code.cameo, "1711");
}

// Each text states exactly one event of `type`, of that mode (when one is given) and whose
// trigger is those words (when given).
struct Stated {
  const char* text;
  EventType type;
  std::string_view mode;
  std::string_view trigger = {};
};
void ExpectStated(const std::vector<Stated>& cases) {
  for (const Stated& c : cases) {
    const auto cd = CodeText(c.text);
    const auto found = OfType(cd, c.type);
    ASSERT_EQ(found.size(), 1u) << c.text;
    if (!c.mode.empty()) {
      EXPECT_EQ(found[0]->mode, c.mode) << c.text;
    }
    if (!c.trigger.empty()) {
      EXPECT_EQ(Trigger(cd, *found[0]), c.trigger) << c.text;
    }
  }
}
// No text states an event of `type`.
void ExpectNone(EventType type, const std::vector<const char*>& texts) {
  for (const char* text : texts) EXPECT_TRUE(OfType(CodeText(text), type).empty()) << text;
}

TEST(MaterialActs, SeizingThingsIsASeizureSeizingPeopleIsNot) {
  ExpectStated(
      {{"Gunmen seized a fuel tanker and two motorbikes near Kelvaro on Monday.", EventType::kSeize, "confiscation"}});
  ExpectNone(EventType::kSeize, {"Soldiers seized two fighters near Kelvaro on Monday.",
                                 "The gunmen seized him outside the clinic on Monday."});
}

TEST(MaterialActs, AStolenThingDescribedIsNoTheft) {
  // The gun "reported stolen" or "a stolen car" is a detail of another story, not an act the
  // report states; the theft told as an act is one.
  ExpectNone(EventType::kSeize, {"Officers found a stolen car behind the Kelbrook motel.",
                                 "The handgun had been reported stolen from a truck in Arvel.",
                                 "He was charged in Arvel with receiving stolen property."});
  ExpectStated({{"Police said tools stolen from a barn near Arvel were found on Sunday.", EventType::kSeize, "theft"},
                {"Two men stole a pickup truck from a farm near Arvel on Sunday.", EventType::kSeize, "theft"}});
}

TEST(MaterialActs, ArsonAndDemolitionDestroyPropertyNotPeopleNorFires) {
  ExpectStated(
      {{"Unknown men set fire to a school in Varta on Tuesday night.", EventType::kDestroy, "arson", "set fire to"},
       {"Bulldozers razed three farm sheds near Kelvaro on Monday.", EventType::kDestroy, "demolition"}});
  // "set fire" is no shooting ("fire" the verb).
  ExpectNone(EventType::kAssault, {"Unknown men set fire to a school in Varta on Tuesday night."});
  ExpectNone(EventType::kDestroy, {"Police found the badly burned body of a man near Varta.",
                                   "A fire broke out at the depot in Varta, destroying two warehouses.",
                                   "The smoke came from a burning car on the Varta bypass."});
}

TEST(MaterialActs, WhatWasDestroyedMayBeNamedAfterItsPeople) {
  // "civilian houses", "a student hostel": the person noun says whose, the thing is what burned.
  ExpectStated(
      {{"Soldiers destroyed 40 civilian houses near Kelvaro on Monday.", EventType::kDestroy, "demolition"},
       {"A mob smashed the windows of a student hostel in Varta on Monday.", EventType::kDestroy, "vandalism"}});
  // So in a passive: the owner before "'s" or the person noun before the thing is no subject.
  ExpectStated({{"A farmer's barn was set on fire near Kelvaro on Monday.", EventType::kDestroy, "arson"},
                {"The fighters' depot was looted in Varta on Monday.", EventType::kSeize, "looting"},
                {"A student hostel was burned down in Varta on Monday.", EventType::kDestroy, "arson"}});
  ExpectNone(EventType::kDestroy, {"The farmer's son was set on fire near Kelvaro on Monday."});
}

TEST(MaterialActs, SetOnFireIsArsonOfWhatStandsBetween) {
  ExpectStated({{"Militants set three trucks on fire near Kelvaro on Monday.", EventType::kDestroy, "arson",
                 "set three trucks on fire"},
                {"A school was set on fire in Varta on Monday.", EventType::kDestroy, "arson"}});
  ExpectNone(EventType::kDestroy,
             {"The men set him on fire in Varta on Monday.", "A man was set on fire in Varta on Monday.",
              "The depot was on fire when police arrived in Varta."});
}

TEST(MaterialActs, AFirebombThrownAtAThingIsArsonAtPeopleItIsNot) {
  ExpectStated({{"Youths threw Molotov cocktails at a bank in Varta on Monday.", EventType::kDestroy, "arson",
                 "threw Molotov cocktails at"},
                {"Rioters hurled a Molotov cocktail at two police vans near Kelvaro.", EventType::kDestroy, "arson"},
                {"Masked men firebombed a party office in Varta on Monday.", EventType::kDestroy, "arson"}});
  // Thrown at people it is no arson (and, as the phrase also names an offence someone is held
  // for, no violence coded either).
  ExpectNone(EventType::kDestroy, {"Protesters threw Molotov cocktails at riot police in Varta on Monday.",
                                   "He was detained in Varta for hurling a Molotov cocktail at officers."});
}

TEST(MaterialActs, ForcesDeployedAreAMobilizationGasOrAirbagsAreNot) {
  ExpectStated({
      {"The army deployed 300 troops along the border near Kelvaro on Friday.", EventType::kMobilize, "deployment"},
      {"Riot police were deployed in central Varta on Friday.", EventType::kMobilize, "deployment"},
      {"Rebel reinforcements arrived on the Kelvaro front on Friday.", EventType::kMobilize, "deployment"},
      {"Kelmar and Dorvan forces conducted a joint patrol near Varta on Friday.", EventType::kMobilize, "patrol"},
      {"A patrol by Kelmar forces took place near Varta on Friday.", EventType::kMobilize, "patrol"},
  });
  ExpectNone(
      EventType::kMobilize,
      {"Police deployed tear gas against the crowd in Varta.", "The airbag deployed when the van hit a wall in Varta.",
       "Two patrol officers were shot in Varta on Friday.", "Soldiers on patrol were attacked near Varta on Friday."});
}

TEST(MaterialActs, ACurfewImposedIsARestrictionACurfewViolationIsNot) {
  ExpectStated({
      {"The governor imposed a three-day curfew on Varta on Sunday.", EventType::kRestrict, "curfew"},
      {"A lockdown was declared in Varta on Sunday.", EventType::kRestrict, "lockdown"},
      {"The president declared a state of emergency in Varta on Sunday.", EventType::kRestrict, "emergency"},
      {"The governor instituted a ban on all travel from Varta on Sunday.", EventType::kRestrict, "ban"},
  });
  ExpectNone(EventType::kRestrict,
             {"He was cited for a curfew violation in Varta.", "Lockdown rules in Varta are strict.",
              "The ban on gatherings in Varta is unpopular."});
}

TEST(MaterialActs, AidHandedOutIsAidItsPriceOrItsCutIsNot) {
  // Food handed out by an armed group, a government or a charity: PLOVER's AID (CAMEO 073),
  // placed and dated as any event, with no count of the families fed.
  const auto cd = CodeText("Members of the Kelmar cartel delivered food packages to 300 families in Dorvane, Kenya.");
  const auto aid = OfType(cd, EventType::kAid);
  ASSERT_EQ(aid.size(), 1u);
  EXPECT_EQ(aid[0]->mode, "humanitarian");
  EXPECT_TRUE(aid[0]->counts.empty());
  ASSERT_TRUE(aid[0]->location.has_value());
  EXPECT_EQ(aid[0]->location->country, "KE");
  const auto code = events::ToExternalCode(EventType::kAid, aid[0]->mode);
  EXPECT_EQ(code.plover_event, "AID");
  EXPECT_EQ(code.cameo, "073");
  ExpectStated({{"Volunteers distributed food parcels in Varta on Tuesday.", EventType::kAid, "humanitarian"},
                {"Food packages were handed out to residents of Kelvaro on Monday.", EventType::kAid, "humanitarian"},
                {"The army handed out boxes of food in Varta on Monday.", EventType::kAid, "humanitarian"}});
  ExpectNone(EventType::kAid, {"The price of food packages rose in Varta this week.",
                               "The charity said food aid to Kelvaro had been cut.",
                               "A medic gave him first aid at the scene in Varta."});
}

TEST(MaterialActs, TheyCarryNoCountsAndLeaveTheCoreEventsAlone) {
  // A report of arrests and looting: the 12 arrested stay with the arrest.
  const auto cd = CodeText("Police arrested 12 people in Varta on Monday after rioters looted 30 shops.");
  ASSERT_EQ(OfType(cd, EventType::kArrest).size(), 1u);
  ASSERT_EQ(OfType(cd, EventType::kArrest)[0]->counts.size(), 1u);
  EXPECT_EQ(OfType(cd, EventType::kArrest)[0]->counts[0].value, 12);
  EXPECT_EQ(OfType(cd, EventType::kSeize).size(), 1u);
  for (const auto& e : cd.events) {
    if (lexicon::IsMaterialAct(e.type)) {
      EXPECT_TRUE(e.counts.empty()) << lexicon::EventTypeName(e.type);
    }
  }
}

}  // namespace
}  // namespace evident::pipeline
