// A town before a noun for the people of a shooting in a headline ("Tarboro gunman ...") is a
// place: headlines drop the article of "a Tarboro gunman". Invented headlines, real US towns.
// Not "mother" or "father": "a single working Latina mother" says who she is.
#include <gtest/gtest.h>

#include <string>

#include "test_engine.h"

namespace evident::pipeline {
namespace {

using events::Event;
using lexicon::EventType;
using testing::CodeWithTitle;

// The name and country of the first event's place, or "<none>".
std::string PlaceOfFirst(const CodedDocument& cd) {
  for (const Event& e : cd.events)
    if (e.location.has_value()) return e.location->name + "/" + e.location->country;
  return "<none>";
}

TEST(TitleResidence, TownBeforeGunmanShooterSuspectOrVictimIsAPlace) {
  const std::string boilerplate = "Thank you for registering! Sign in to update your profile.";
  EXPECT_EQ(PlaceOfFirst(CodeWithTitle("Tarboro gunman shot three neighbours before fleeing", boilerplate)),
            "Tarboro/US");
  EXPECT_EQ(PlaceOfFirst(CodeWithTitle("Kankakee shooter wounded two at a cookout", boilerplate)), "Kankakee/US");
  EXPECT_EQ(PlaceOfFirst(CodeWithTitle("Kankakee victim of weekend shooting identified", boilerplate)), "Kankakee/US");
}

}  // namespace
}  // namespace evident::pipeline
