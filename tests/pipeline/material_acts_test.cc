// The material acts around a conflict that event coders code besides protests, violence and the
// legal process: property seized or destroyed (SEIZE, DESTROY), forces moved (MOBILIZE) and
// restrictions imposed (RESTRICT). Each test reads an invented report as a user would: which of
// these events it states, with what mode, place and actor, and which look-alikes it does not.
#include <gtest/gtest.h>

#include <string>
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

bool IsMaterial(EventType t) {
  return t == EventType::kSeize || t == EventType::kDestroy || t == EventType::kMobilize || t == EventType::kRestrict;
}

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

TEST(MaterialActs, SeizingThingsIsASeizureSeizingPeopleIsNot) {
  const auto things = CodeText("Gunmen seized a fuel tanker and two motorbikes near Kelvaro on Monday.");
  ASSERT_EQ(OfType(things, EventType::kSeize).size(), 1u);
  EXPECT_EQ(OfType(things, EventType::kSeize)[0]->mode, "confiscation");
  const auto people = CodeText("Soldiers seized two fighters near Kelvaro on Monday.");
  EXPECT_TRUE(OfType(people, EventType::kSeize).empty());
  const auto him = CodeText("The gunmen seized him outside the clinic on Monday.");
  EXPECT_TRUE(OfType(him, EventType::kSeize).empty());
}

TEST(MaterialActs, AStolenThingDescribedIsNoTheft) {
  // The gun "reported stolen" or "a stolen car" is a detail of another story, not an act the
  // report states; the theft told as an act is one.
  for (const char* text : {"Officers found a stolen car behind the Kelbrook motel.",
                           "The handgun had been reported stolen from a truck in Arvel.",
                           "He was charged in Arvel with receiving stolen property."})
    EXPECT_TRUE(OfType(CodeText(text), EventType::kSeize).empty()) << text;
  const auto taken = CodeText("Police said tools stolen from a barn near Arvel were found on Sunday.");
  EXPECT_EQ(OfType(taken, EventType::kSeize).size(), 1u);
  const auto theft = CodeText("Two men stole a pickup truck from a farm near Arvel on Sunday.");
  ASSERT_EQ(OfType(theft, EventType::kSeize).size(), 1u);
  EXPECT_EQ(OfType(theft, EventType::kSeize)[0]->mode, "theft");
}

TEST(MaterialActs, ArsonAndDemolitionDestroyPropertyNotPeopleNorFires) {
  const auto arson = CodeText("Unknown men set fire to a school in Varta on Tuesday night.");
  ASSERT_EQ(OfType(arson, EventType::kDestroy).size(), 1u);
  EXPECT_EQ(OfType(arson, EventType::kDestroy)[0]->mode, "arson");
  EXPECT_EQ(Trigger(arson, *OfType(arson, EventType::kDestroy)[0]), "set fire to");
  // "set fire" is no shooting ("fire" the verb).
  EXPECT_TRUE(OfType(arson, EventType::kAssault).empty());
  const auto razed = CodeText("Bulldozers razed three farm sheds near Kelvaro on Monday.");
  ASSERT_EQ(OfType(razed, EventType::kDestroy).size(), 1u);
  EXPECT_EQ(OfType(razed, EventType::kDestroy)[0]->mode, "demolition");
  for (const char* text : {"Police found the badly burned body of a man near Varta.",
                           "A fire broke out at the depot in Varta, destroying two warehouses.",
                           "The smoke came from a burning car on the Varta bypass."})
    EXPECT_TRUE(OfType(CodeText(text), EventType::kDestroy).empty()) << text;
}

TEST(MaterialActs, WhatWasDestroyedMayBeNamedAfterItsPeople) {
  // "civilian houses", "a student hostel": the person noun says whose, the thing is what burned.
  const auto houses = CodeText("Soldiers destroyed 40 civilian houses near Kelvaro on Monday.");
  EXPECT_EQ(OfType(houses, EventType::kDestroy).size(), 1u);
  const auto hostel = CodeText("A mob smashed the windows of a student hostel in Varta on Monday.");
  ASSERT_EQ(OfType(hostel, EventType::kDestroy).size(), 1u);
  EXPECT_EQ(OfType(hostel, EventType::kDestroy)[0]->mode, "vandalism");
}

TEST(MaterialActs, SetOnFireIsArsonOfWhatStandsBetween) {
  const auto trucks = CodeText("Militants set three trucks on fire near Kelvaro on Monday.");
  ASSERT_EQ(OfType(trucks, EventType::kDestroy).size(), 1u);
  EXPECT_EQ(Trigger(trucks, *OfType(trucks, EventType::kDestroy)[0]), "set three trucks on fire");
  const auto school = CodeText("A school was set on fire in Varta on Monday.");
  EXPECT_EQ(OfType(school, EventType::kDestroy).size(), 1u);
  for (const char* text : {"The men set him on fire in Varta on Monday.", "A man was set on fire in Varta on Monday.",
                           "The depot was on fire when police arrived in Varta."})
    EXPECT_TRUE(OfType(CodeText(text), EventType::kDestroy).empty()) << text;
}

TEST(MaterialActs, ForcesDeployedAreAMobilizationGasOrAirbagsAreNot) {
  const auto troops = CodeText("The army deployed 300 troops along the border near Kelvaro on Friday.");
  ASSERT_EQ(OfType(troops, EventType::kMobilize).size(), 1u);
  EXPECT_EQ(OfType(troops, EventType::kMobilize)[0]->mode, "deployment");
  const auto passive = CodeText("Riot police were deployed in central Varta on Friday.");
  EXPECT_EQ(OfType(passive, EventType::kMobilize).size(), 1u);
  const auto reinforcements = CodeText("Rebel reinforcements arrived on the Kelvaro front on Friday.");
  EXPECT_EQ(OfType(reinforcements, EventType::kMobilize).size(), 1u);
  const auto patrol = CodeText("Kelmar and Dorvan forces conducted a joint patrol near Varta on Friday.");
  ASSERT_EQ(OfType(patrol, EventType::kMobilize).size(), 1u);
  EXPECT_EQ(OfType(patrol, EventType::kMobilize)[0]->mode, "patrol");
  const auto noun = CodeText("A patrol by Kelmar forces took place near Varta on Friday.");
  EXPECT_EQ(OfType(noun, EventType::kMobilize).size(), 1u);
  for (const char* text : {"Police deployed tear gas against the crowd in Varta.",
                           "The airbag deployed when the van hit a wall in Varta.",
                           "Two patrol officers were shot in Varta on Friday.",
                           "Soldiers on patrol were attacked near Varta on Friday."})
    EXPECT_TRUE(OfType(CodeText(text), EventType::kMobilize).empty()) << text;
}

TEST(MaterialActs, ACurfewImposedIsARestrictionACurfewViolationIsNot) {
  const auto curfew = CodeText("The governor imposed a three-day curfew on Varta on Sunday.");
  ASSERT_EQ(OfType(curfew, EventType::kRestrict).size(), 1u);
  EXPECT_EQ(OfType(curfew, EventType::kRestrict)[0]->mode, "curfew");
  const auto passive = CodeText("A lockdown was declared in Varta on Sunday.");
  ASSERT_EQ(OfType(passive, EventType::kRestrict).size(), 1u);
  EXPECT_EQ(OfType(passive, EventType::kRestrict)[0]->mode, "lockdown");
  const auto emergency = CodeText("The president declared a state of emergency in Varta on Sunday.");
  ASSERT_EQ(OfType(emergency, EventType::kRestrict).size(), 1u);
  EXPECT_EQ(OfType(emergency, EventType::kRestrict)[0]->mode, "emergency");
  const auto ban = CodeText("The governor instituted a ban on all travel from Varta on Sunday.");
  ASSERT_EQ(OfType(ban, EventType::kRestrict).size(), 1u);
  EXPECT_EQ(OfType(ban, EventType::kRestrict)[0]->mode, "ban");
  for (const char* text : {"He was cited for a curfew violation in Varta.", "Lockdown rules in Varta are strict.",
                           "The ban on gatherings in Varta is unpopular."})
    EXPECT_TRUE(OfType(CodeText(text), EventType::kRestrict).empty()) << text;
}

TEST(MaterialActs, TheyCarryNoCountsAndLeaveTheCoreEventsAlone) {
  // A report of arrests and looting: the 12 arrested stay with the arrest.
  const auto cd = CodeText("Police arrested 12 people in Varta on Monday after rioters looted 30 shops.");
  ASSERT_EQ(OfType(cd, EventType::kArrest).size(), 1u);
  ASSERT_EQ(OfType(cd, EventType::kArrest)[0]->counts.size(), 1u);
  EXPECT_EQ(OfType(cd, EventType::kArrest)[0]->counts[0].value, 12);
  EXPECT_EQ(OfType(cd, EventType::kSeize).size(), 1u);
  for (const auto& e : cd.events)
    if (IsMaterial(e.type)) EXPECT_TRUE(e.counts.empty()) << lexicon::EventTypeName(e.type);
}

}  // namespace
}  // namespace evident::pipeline
