// Short coder notes of the kind conflict monitors write ("On 3 June, militiamen attacked ..."):
// the event they report must come out as happened, with its place, since a note without a
// happened event has no country, location or date at all. Invented text, fictional places.
#include <gtest/gtest.h>

#include <string>

#include "test_engine.h"

namespace evident::pipeline {
namespace {

using events::Event;
using events::EventStatus;
using lexicon::EventType;
using testing::CodeText;

// The first event of `type`, or null.
const Event* FirstEvent(const CodedDocument& cd, EventType type) {
  for (const auto& e : cd.events)
    if (e.type == type) return &e;
  return nullptr;
}

// Whether some event of `type` happened.
bool Happened(const CodedDocument& cd, EventType type) {
  for (const auto& e : cd.events)
    if (e.type == type && e.status == EventStatus::kHappened) return true;
  return false;
}

// A plural noun after a possessive or determiner is no verb: "with their faces covered" is no
// "faces (charges)", "the risks" no "risks (arrest)".
TEST(CoderNotes, PluralNounAfterPossessiveIsNoModal) {
  auto cd = CodeText("On 3 June 2021, in Kelmora, about 15 men with scarves over their faces attacked two vendors.");
  EXPECT_TRUE(Happened(cd, EventType::kAssault)) << cd.doc.text;
  auto risks = CodeText("Despite the risks, hundreds of nurses protested in Dravenholt on Monday.");
  EXPECT_TRUE(Happened(risks, EventType::kProtest)) << risks.doc.text;
}

// ... nor is a capitalized word inside an institution's name ("... against Food Risks").
TEST(CoderNotes, CapitalizedWordInANameIsNoModal) {
  auto cd = CodeText(
      "On 5 June 2021, in Kelmora, inspectors of the Office for Protection against Food Risks were "
      "attacked by stall holders.");
  EXPECT_TRUE(Happened(cd, EventType::kAssault)) << cd.doc.text;
}

// The verb still is a modal where it is one: "faces up to five years" was not sentenced yet.
TEST(CoderNotes, ModalVerbAfterItsSubjectStaysHypothetical) {
  auto cd = CodeText("The editor faces up to five years in prison.");
  const Event* e = FirstEvent(cd, EventType::kSentence);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->status, EventStatus::kHypothetical);
  auto fear = CodeText("Residents fear attacks on the market.");
  EXPECT_FALSE(Happened(fear, EventType::kAssault)) << fear.doc.text;
}

// An event named after a relation is taken as known: "could be related to the arrest of a gang
// leader" doubts the link, not the arrest (one person arrested). The modal before the verb
// itself still makes it hypothetical.
TEST(CoderNotes, EventNamedAfterARelationHappened) {
  auto cd = CodeText(
      "On 1 May 2020, in Kelmora, gunmen fired at a police post. The attack could be related to the arrest of a "
      "gang leader.");
  const Event* e = FirstEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr) << cd.doc.text;
  EXPECT_EQ(e->status, EventStatus::kHappened);
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(e->counts[0].value, 1);
  auto linked = CodeText("The fire may have been linked to the killing of two herders near Kelmora last week.");
  EXPECT_TRUE(Happened(linked, EventType::kAssault)) << linked.doc.text;
  auto could = CodeText("Police in Kelmora could arrest two gang leaders this week.");
  EXPECT_FALSE(Happened(could, EventType::kArrest)) << could.doc.text;
}

// A demand inside the subject's relative clause is no demand of the main verb's event:
// "farmers who had camped at the bridge to demand fair prices were dispersed" were dispersed.
TEST(CoderNotes, DemandInsideTheSubjectStopsAtTheFiniteVerb) {
  auto cd = CodeText(
      "On 1 June 2021, in Kelmora, a crowd of farmers who had camped at the bridge to demand fair prices were "
      "dispersed by the police.");
  EXPECT_TRUE(Happened(cd, EventType::kProtest)) << cd.doc.text;
  // A demand of the event itself stays one.
  auto demanded = CodeText("The union demanded that the two organisers be released.");
  EXPECT_FALSE(Happened(demanded, EventType::kRelease)) << demanded.doc.text;
}

// Police trying to contain a march: the march happened.
TEST(CoderNotes, ProtestThePoliceTriedToContainHappened) {
  auto cd = CodeText("On 9 June 2021, in Kelmora, officers tried to contain the march.");
  EXPECT_TRUE(Happened(cd, EventType::kProtest)) << cd.doc.text;
  auto planned = CodeText("The union tried to organise a demonstration in Kelmora.");
  EXPECT_FALSE(Happened(planned, EventType::kProtest)) << planned.doc.text;
}

// People nouns of trade: "a businesswoman" is a person an assault verb can act on.
TEST(CoderNotes, BusinesswomanIsAPerson) {
  auto cd = CodeText("On 2 June 2021, soldiers beat a businesswoman at the market in Kelbara.");
  EXPECT_TRUE(Happened(cd, EventType::kAssault)) << cd.doc.text;
}

// Enforced disappearances and mutilated bodies are violence against people.
TEST(CoderNotes, ForcedDisappearanceAndDecapitationAreAssaults) {
  auto cd = CodeText("On 4 June 2021, militiamen forcibly disappeared a teacher in Korvath.");
  EXPECT_TRUE(Happened(cd, EventType::kAssault)) << cd.doc.text;
  auto body = CodeText("On 6 June 2021, in Korvath, the body of a farmer was found. It had been decapitated.");
  EXPECT_TRUE(Happened(body, EventType::kAssault)) << body.doc.text;
}

// A body found with signs of violence is violence against a person; no signs of it say none.
TEST(CoderNotes, SignsOfViolenceOnABodyAreAnAssault) {
  auto cd = CodeText("On 6 June 2021, a dead body with signs of violence was found near the Kelmora dam.");
  EXPECT_TRUE(Happened(cd, EventType::kAssault)) << cd.doc.text;
  auto none = CodeText("On 6 June 2021, officers searched the flat in Korvath. There were no signs of violence.");
  EXPECT_FALSE(Happened(none, EventType::kAssault)) << none.doc.text;
}

// People who gathered to pressure someone, or to voice their rejection of something, protested.
TEST(CoderNotes, GatheredToPressureOrRejectIsAProtest) {
  auto cd = CodeText(
      "On 2 June 2021, about 40 fishermen gathered outside the port office in Kelbara to pressure the council "
      "over fuel prices.");
  EXPECT_TRUE(Happened(cd, EventType::kProtest)) << cd.doc.text;
  auto rejection = CodeText(
      "On 3 June 2021, dozens of parents gathered at the school in Korvath and voiced their rejection of the new "
      "timetable.");
  EXPECT_TRUE(Happened(rejection, EventType::kProtest)) << rejection.doc.text;
  auto meal = CodeText("On 3 June 2021, dozens of parents gathered at the school in Korvath for a shared meal.");
  EXPECT_FALSE(Happened(meal, EventType::kProtest)) << meal.doc.text;
}

// People who came out on the streets (or the roads) to demand something protested; to watch a
// parade they did not.
TEST(CoderNotes, CameOutOnTheStreetsToDemandIsAProtest) {
  auto cd = CodeText(
      "On 3 June 2021, hundreds of farm workers came out on the roads in Kelbara, demanding buses to their "
      "villages.");
  EXPECT_TRUE(Happened(cd, EventType::kProtest)) << cd.doc.text;
  auto parade = CodeText("On 3 June 2021, hundreds of residents came out on the streets in Korvath to watch a parade.");
  EXPECT_FALSE(Happened(parade, EventType::kProtest)) << parade.doc.text;
}

// The country of the only happened event of `type`, or "<none>".
std::string CountryOf(const CodedDocument& cd, EventType type) {
  for (const auto& e : cd.events)
    if (e.type == type && e.status == EventStatus::kHappened)
      return e.location.has_value() ? e.location->country : "<no location>";
  return "<none>";
}

// Haiti's departments by the French names the press uses ("Nippes department"; ISO 3166-2 has
// the Creole "Nip"): a village the gazetteer lacks is placed in Haiti by them. Not "Ouest",
// which also names a region of Cameroon, where Bafoussam lies.
TEST(CoderNotes, HaitianDepartmentsByTheirFrenchNames) {
  auto cd = CodeText("On 2 June 2021, in Kelbarre, Nippes department, a teacher was beaten by police officers.");
  EXPECT_EQ(CountryOf(cd, EventType::kAssault), "HT");
  auto ga = CodeText("On 2 June 2021, in Kelbarre, Grand'Anse, a teacher was beaten by police officers.");
  EXPECT_EQ(CountryOf(ga, EventType::kAssault), "HT");
  auto cm = CodeText("On 2 June 2021, in Bafoussam town (Mifi, Ouest), a teacher was beaten by police officers.");
  EXPECT_EQ(CountryOf(cm, EventType::kAssault), "CM");
  // Delmas (GeoNames "Delmas 73") is the commune of Haiti next to Port-au-Prince, not Delmas of
  // South Africa.
  auto delmas = CodeText("On 2 June 2021, police officers beat a teacher in Delmas, near Port-au-Prince.");
  EXPECT_EQ(CountryOf(delmas, EventType::kAssault), "HT");
  const Event* e = FirstEvent(delmas, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->location.has_value());
  EXPECT_EQ(e->location->name, "Delmas");
}

// Madagascar's regions (ISO 3166-2 lists only its former provinces) name the province they lie
// in: "(Kelbaro, Analamanga)" is in Madagascar.
TEST(CoderNotes, MalagasyRegionsNameTheirProvince) {
  auto cd = CodeText("On 2 June 2021, cattle raiders attacked a village in Ambokelo (Kelbaro, Androy).");
  EXPECT_EQ(CountryOf(cd, EventType::kAssault), "MG");
  auto t = CodeText("On 2 June 2021, residents protested in Ambokelo (Kelbaro, Analamanga).");
  EXPECT_EQ(CountryOf(t, EventType::kProtest), "MG");
}

// A militia of one country is a vote for it where nothing else names one.
TEST(CoderNotes, MalianMilitiaNamesMali) {
  auto cd = CodeText("On 2 June 2021, Dan Na Ambassagou militiamen killed two herders in the commune of Kelboura.");
  EXPECT_EQ(CountryOf(cd, EventType::kAssault), "ML");
}

// The kinds of improvised explosive device coders abbreviate are bombs like "IED".
TEST(CoderNotes, AbbreviatedExplosiveDevicesAreBombings) {
  for (const char* text : {"On 3 June 2021, a UVIED exploded under a council vehicle in Kelbara.",
                           "On 3 June 2021, a VBIED exploded near the market of Kelbara.",
                           "On 3 June 2021, a car bomb exploded near the market of Kelbara."}) {
    auto cd = CodeText(text);
    const Event* e = FirstEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->status, EventStatus::kHappened) << text;
    EXPECT_EQ(e->mode, "bombing") << text;
  }
}

// An attack on a freedom, a right or a website is no violence against people: "the ban is an
// attack on the freedom of the press" reports no assault; "an attack on the editor", "attacked freedom
// fighters" and "an armyworm attack" ... are told apart.
TEST(CoderNotes, AttackOnAnAbstractThingIsNoAssault) {
  for (const char* text :
       {"On 4 June 2021, reporters marched in Kelmora against the closure of a weekly, which they called an attack "
        "on the freedom of the press.",
        "On 4 June 2021, lawyers protested in Kelmora; the new decree is seen as an attack on the independence of "
        "judges and on democracy.",
        "On 4 June 2021, the union said the law attacks the rights of workers in Dravenholt.",
        "On 4 June 2021, hackers staged an attack on the website of the Kelmora council.",
        "On 4 June 2021, farmers in Kelmora protested for aid after an armyworm attack on their fields."}) {
    auto cd = CodeText(text);
    EXPECT_FALSE(Happened(cd, EventType::kAssault)) << text;
  }
  for (const char* text : {"On 4 June 2021, in Kelmora, youths staged an attack on the editor of a weekly.",
                           "On 4 June 2021, in Kelmora, soldiers attacked freedom fighters near the river.",
                           "On 4 June 2021, gunmen carried out an attack on a checkpoint in Dravenholt."}) {
    auto cd = CodeText(text);
    EXPECT_TRUE(Happened(cd, EventType::kAssault)) << text;
  }
}

// Words of violence used for other things: "measures to battle the virus", a death from a
// doctor's negligence, residents beating utensils in protest.
TEST(CoderNotes, ViolenceWordsInOtherSensesAreNoAssault) {
  for (const char* text :
       {"On 4 June 2021, about 30 cyclists protested in Kelmora against the rules imposed to battle the virus.",
        "On 4 June 2021, in Kelmora, the family of a girl who died due to the negligence of nurses protested outside a "
        "clinic.",
        "On 4 June 2021, hundreds of tenants in Kelmora protested by beating utensils on their balconies."}) {
    auto cd = CodeText(text);
    EXPECT_FALSE(Happened(cd, EventType::kAssault)) << text;
    EXPECT_TRUE(Happened(cd, EventType::kProtest)) << text;
  }
  auto battle = CodeText("On 4 June 2021, a fierce battle between two militias left nine fighters dead in Kelmora.");
  EXPECT_TRUE(Happened(battle, EventType::kAssault)) << battle.doc.text;
  auto died = CodeText("On 4 June 2021, a guard died in an ambush on the Kelmora road.");
  EXPECT_TRUE(Happened(died, EventType::kAssault)) << died.doc.text;
}

// Being asked or told to disperse is an order to a crowd, not a protest that happened: "wedding
// guests beat two constables who asked them to disperse" reports the beating only.
TEST(CoderNotes, OrderToDisperseIsNoProtest) {
  auto cd = CodeText("On 4 June 2021, in Kelmora, wedding guests beat two constables who asked them to disperse.");
  EXPECT_FALSE(Happened(cd, EventType::kProtest)) << cd.doc.text;
  EXPECT_TRUE(Happened(cd, EventType::kAssault)) << cd.doc.text;
  auto asked = CodeText("On 4 June 2021, in Kelmora, a crowd at the market was asked to disperse.");
  EXPECT_FALSE(Happened(asked, EventType::kProtest)) << asked.doc.text;
  auto told = CodeText("On 4 June 2021, in Kelmora, a ranger told them to disperse before dusk.");
  EXPECT_FALSE(Happened(told, EventType::kProtest)) << told.doc.text;
  // What a speaker states after the request is no part of it.
  auto shot = CodeText("The driver asked them to call a doctor, saying that he had been stabbed twice.");
  EXPECT_TRUE(Happened(shot, EventType::kAssault)) << shot.doc.text;
  auto police = CodeText("On 4 June 2021, in Kelmora, police used tear gas to disperse about 300 marchers.");
  EXPECT_TRUE(Happened(police, EventType::kProtest)) << police.doc.text;
}

}  // namespace
}  // namespace evident::pipeline
