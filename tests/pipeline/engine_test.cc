// End-to-end coding through Engine + Coder on short invented reports: what a user reads in the
// output (type, status, counts, part_of, date, actor, source, spans). All documents are
// published on Saturday 2026-03-14 unless a test says otherwise.
#include "pipeline/engine.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "common/date.h"
#include "test_engine.h"

namespace evident::pipeline {
namespace {

namespace fs = std::filesystem;
using events::Count;
using events::Event;
using events::EventStatus;
using lexicon::EventType;
using lexicon::Role;
using lexicon::Sector;
using testing::CodeText;
using testing::CodeTitleOnly;
using testing::CodeWithTitle;

std::string_view Text(const CodedDocument& cd, Span s) { return s.Of(cd.doc.text); }

// The only event of `type`; fails the test when there is none or more than one.
const Event* OnlyEvent(const CodedDocument& cd, EventType type) {
  const Event* found = nullptr;
  int n = 0;
  for (const auto& e : cd.events)
    if (e.type == type) {
      found = &e;
      ++n;
    }
  EXPECT_EQ(n, 1) << "events of type " << lexicon::EventTypeName(type) << " in: " << cd.doc.text;
  return n == 1 ? found : nullptr;
}

// Whether some event of `cd` has a count of `role` with `value`.
bool HasCount(const CodedDocument& cd, Role role, int64_t value) {
  for (const auto& ev : cd.events)
    for (const auto& c : ev.counts)
      if (c.role == role && c.value == value) return true;
  return false;
}

// The only event of `type` in `cd`, which must have a location; null (and a failure) otherwise.
const Event* OnlyPlacedEvent(const CodedDocument& cd, EventType type) {
  const Event* e = OnlyEvent(cd, type);
  if (e != nullptr && !e->location.has_value()) {
    ADD_FAILURE() << "the event has no location: " << cd.doc.text;
    return nullptr;
  }
  return e;
}

// The written place of the only event of `type`, with a failure (and a marker) when there is
// no such event or it has no location.
std::string PlaceOfOnly(const CodedDocument& cd, EventType type) {
  const Event* e = OnlyEvent(cd, type);
  if (e == nullptr) {
    ADD_FAILURE() << "not exactly one event of that type";
    return "<no event>";
  }
  if (!e->location.has_value()) {
    ADD_FAILURE() << "the event has no location";
    return "<no location>";
  }
  return std::string(Text(cd, e->location->span));
}

// The only count of `e`.
const Count* OnlyCount(const Event& e) {
  EXPECT_EQ(e.counts.size(), 1u);
  return e.counts.size() == 1 ? &e.counts[0] : nullptr;
}

void ExpectExact(const Count& c, Role role, int64_t n) {
  EXPECT_EQ(c.role, role);
  EXPECT_EQ(c.value, n);
  EXPECT_EQ(c.low, n);
  EXPECT_EQ(c.high, n);
  EXPECT_FALSE(c.approximate);
}

bool HasCountValue(const CodedDocument& cd, int64_t n) {
  for (const auto& e : cd.events)
    for (const auto& c : e.counts)
      if (c.value == n || c.low == n || c.high == n) return true;
  return false;
}

// --- Engine creation ---------------------------------------------------------------------

TEST(Engine, CreatesFromTheBuiltInDataDir) {
  const Engine& engine = testing::SharedEngine();
  EXPECT_GT(engine.lexicon().triggers().entries.size(), 100u);
  EXPECT_FALSE(engine.countries().entries().empty());
}

TEST(Engine, CreateFailsForAMissingDataDirNamingTheFiles) {
  auto engine = Engine::Create({.data_dir = "/nonexistent-evident-data", .gazetteer = {}});
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), ErrorCode::kLexiconError);
  EXPECT_NE(engine.status().message().find("triggers.tsv"), std::string::npos) << engine.status().message();
  EXPECT_NE(engine.status().message().find("countries.tsv"), std::string::npos) << engine.status().message();
}

TEST(Engine, CreateReportsABadLexiconLineWithFileAndLine) {
  fs::path dir = fs::temp_directory_path() / ("evident_engine_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const auto& entry : fs::directory_iterator(EVIDENT_SOURCE_DIR "/data"))
    if (entry.path().extension() == ".tsv") fs::copy_file(entry.path(), dir / entry.path().filename());
  size_t lines = 0;
  {
    std::ifstream in(dir / "triggers.tsv");
    std::string line;
    while (std::getline(in, line)) ++lines;
  }
  {
    std::ofstream out(dir / "triggers.tsv", std::ios::app);
    out << "ARRST\t-\tarrested\t-\tfrog-march/v\n";
  }
  auto engine = Engine::Create({.data_dir = dir.string(), .gazetteer = {}});
  fs::remove_all(dir);
  ASSERT_FALSE(engine.ok());
  EXPECT_EQ(engine.status().code(), ErrorCode::kLexiconError);
  std::string where = "triggers.tsv:" + std::to_string(lines + 1) + ":";
  EXPECT_NE(engine.status().message().find(where), std::string::npos) << engine.status().message();
  EXPECT_NE(engine.status().message().find("ARRST"), std::string::npos) << engine.status().message();
}

// --- Counts: passive, active, nominal ----------------------------------------------------

TEST(EventAssembler, CountsPassiveSubject) {
  auto cd = CodeText("Fifteen protesters were arrested in Veloria on Tuesday.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->status, EventStatus::kHappened);
  EXPECT_EQ(Text(cd, e->trigger), "arrested");
  const Count* c = OnlyCount(*e);
  ASSERT_NE(c, nullptr);
  ExpectExact(*c, Role::kArrested, 15);
  EXPECT_EQ(Text(cd, c->span), "Fifteen protesters");
}

TEST(EventAssembler, CountsActiveObjectWithItsActor) {
  auto cd = CodeText("Police arrested 15 people on Tuesday.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  const Count* c = OnlyCount(*e);
  ASSERT_NE(c, nullptr);
  ExpectExact(*c, Role::kArrested, 15);
  EXPECT_EQ(Text(cd, c->span), "15 people");
  ASSERT_TRUE(e->actor.has_value());
  EXPECT_EQ(Text(cd, e->actor->span), "Police");
  EXPECT_EQ(e->actor->sector, Sector::kPolice);
}

TEST(EventAssembler, CountsNumberBeforeAnEventNoun) {
  auto cd = CodeText("Police made 15 arrests on Tuesday.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(cd, e->trigger), "arrests");
  const Count* c = OnlyCount(*e);
  ASSERT_NE(c, nullptr);
  ExpectExact(*c, Role::kArrested, 15);
}

TEST(EventAssembler, CountsOfPhraseAfterAnEventNoun) {
  auto cd = CodeText("The arrest of 15 protesters on Tuesday drew criticism.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->status, EventStatus::kHappened);
  const Count* c = OnlyCount(*e);
  ASSERT_NE(c, nullptr);
  ExpectExact(*c, Role::kArrested, 15);
  EXPECT_EQ(Text(cd, c->span), "15 protesters");
}

TEST(EventAssembler, InventsNoCountWithoutANumber) {
  auto cd = CodeText("Police arrested people at 10:30 on Tuesday.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->counts.empty());  // "10:30" is a time, "people" has no number
  auto passive = CodeText("Protesters were arrested in the capital.");
  const Event* p = OnlyEvent(passive, EventType::kArrest);
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(p->counts.empty());
}

// A quantifier opening a sentence ("Most", "Several", "Few") is no person's name: the text
// states no number, so none is output (it was read as one named person); the people it stands
// for still make the event ("Most were freed": a release).
TEST(EventAssembler, QuantifierPronounIsNoNamedPerson) {
  for (const char* text : {"Most of those detained have been freed.", "Most were freed on Friday.",
                           "Several have since been released.", "Few were ever charged."}) {
    auto cd = CodeText(text);
    ASSERT_FALSE(cd.events.empty()) << text;
    EXPECT_FALSE(HasCountValue(cd, 1)) << text;
  }
  // A name still counts one person.
  EXPECT_TRUE(HasCount(CodeText("Mostafa Karimi was freed on Friday."), Role::kReleased, 1));
}

// People tied to a protest by its cause or its time ("over", "after", "during" the protests)
// are not its marchers: "penalised nearly 600 people over last week's protests" states no
// crowd size. People before a protest verb or at a rally still are.
TEST(EventAssembler, PeopleTiedToAProtestByItsCauseAreNoParticipants) {
  auto penalised = CodeText("Authorities in Veloria have penalised nearly 600 people over last week's protests.");
  EXPECT_FALSE(HasCount(penalised, Role::kParticipants, 600));
  EXPECT_FALSE(HasCount(CodeText("Officials questioned 45 students after the sit-in."), Role::kParticipants, 45));
  EXPECT_TRUE(HasCount(CodeText("Nearly 600 people joined last week's protests in Veloria."), Role::kParticipants, 600));
  EXPECT_TRUE(HasCount(CodeText("Some 3,000 marchers rallied outside the ministry."), Role::kParticipants, 3000));
}

// --- part_of and the parts_sum check -----------------------------------------------------

TEST(EventAssembler, PartitiveAndSiblingsArePartsOfTheTotal) {
  auto cd = CodeText("512 were found guilty, 301 of whom were jailed, while 140 were fined and 71 received warnings.");
  ASSERT_EQ(cd.events.size(), 4u);
  const Event& convict = cd.events[0];
  EXPECT_EQ(convict.type, EventType::kConvict);
  ASSERT_EQ(convict.counts.size(), 1u);
  ExpectExact(convict.counts[0], Role::kConvicted, 512);
  EXPECT_EQ(convict.part_of, -1);

  struct Part {
    std::string_view mode;
    Role role;
    int64_t n;
  };
  const Part parts[] = {{"jail", Role::kJailed, 301}, {"fine", Role::kFined, 140}, {"warning", Role::kWarned, 71}};
  for (int i = 0; i < 3; ++i) {
    const Event& e = cd.events[i + 1];
    EXPECT_EQ(e.type, EventType::kSentence) << i;
    EXPECT_EQ(e.mode, parts[i].mode) << i;
    EXPECT_EQ(e.part_of, 0) << i;
    ASSERT_EQ(e.counts.size(), 1u) << i;
    ExpectExact(e.counts[0], parts[i].role, parts[i].n);
  }
  EXPECT_EQ(Text(cd, cd.events[1].counts[0].span), "301 of whom");

  ASSERT_EQ(cd.checks.size(), 1u);
  EXPECT_EQ(cd.checks[0].kind, "parts_sum");
  EXPECT_EQ(cd.checks[0].result, "consistent");
  EXPECT_EQ(cd.checks[0].events, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(cd.checks[0].message, "jailed 301 + fined 140 + warned 71 = convicted 512");
}

TEST(EventAssembler, ListedPartsOfAGroupArePartsOfItsCount) {
  // A list after "including" or "among them", or "N of them" + a noun in an apposition: each
  // part counted on its own (never summed), part of the stated total.
  auto parts_of = [](const CodedDocument& cd, Role role) {
    std::vector<std::tuple<int64_t, int>> r;
    for (const auto& e : cd.events)
      for (const auto& c : e.counts)
        if (c.role == role && c.value) r.emplace_back(*c.value, e.part_of);
    return r;
  };
  using V = std::vector<std::tuple<int64_t, int>>;
  auto a = CodeText("At least 30 people, including four reporters and a lawyer, were detained in Korvath on Friday.");
  EXPECT_EQ(parts_of(a, Role::kArrested), (V{{30, -1}, {4, 0}, {1, 0}}));
  EXPECT_EQ(Text(a, a.events[2].counts[0].span), "a lawyer");
  auto b = CodeText("Police in Korvath detained 20 people overnight, among them two minors.");
  EXPECT_EQ(parts_of(b, Role::kArrested), (V{{20, -1}, {2, 0}}));
  auto c = CodeText("Nine people, three of them students, were jailed by a court in Korvath.");
  EXPECT_EQ(parts_of(c, Role::kJailed), (V{{9, -1}, {3, 0}}));
  auto d = CodeText("Two guards including their commander were killed in the ambush.");
  EXPECT_EQ(parts_of(d, Role::kKilled), (V{{2, -1}, {1, 0}}));
  // Past a remark in parentheses, which holds no part of the group outside it.
  auto g = CodeText("Gunmen killed 6 farmers near Korvath (two were beheaded), including a boy.");
  EXPECT_EQ(parts_of(g, Role::kKilled), (V{{6, -1}, {1, 0}, {2, -1}}));
  // Not parts: a partitive with its own verb, and a list after another group.
  auto e = CodeText("Police arrested 17 people in Korvath, 9 of them were charged.");
  EXPECT_EQ(parts_of(e, Role::kArrested), (V{{17, -1}}));
  auto f = CodeText("Thirty people were detained and 12 hurt, including two children.");
  EXPECT_EQ(parts_of(f, Role::kArrested), (V{{30, -1}}));
}

TEST(EventAssembler, PartOfANumberedSetCountsThePart) {
  // "N of the M": N people underwent it, M names the set (as subject and as object).
  auto a = CodeText("Eleven activists stood trial in Korvath. Two of the eleven were jailed on Monday.");
  EXPECT_TRUE(HasCount(a, Role::kJailed, 2));
  EXPECT_FALSE(HasCount(a, Role::kJailed, 11));
  auto b = CodeText("The tribunal in Korvath convicted six of the 10 defendants.");
  const Event* e = OnlyEvent(b, EventType::kConvict);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->counts.size(), 1u);
  ExpectExact(e->counts[0], Role::kConvicted, 6);
  EXPECT_EQ(Text(b, e->counts[0].span), "six of the 10 defendants");
}

TEST(EventAssembler, ANumberAfterAPlaceAndACommaCounts) {
  // An unknown town after a preposition is no name with an age after it.
  auto a = CodeText("After the clashes in Dravenholt, 40 were arrested.");
  EXPECT_TRUE(HasCount(a, Role::kArrested, 40));
  auto b = CodeText("Of the 90 people held after the march in Velbrun, 64 were convicted.");
  EXPECT_TRUE(HasCount(b, Role::kConvicted, 64));
  // A name with an age is still no count.
  auto c = CodeText("Police said Lena Varga, 31 was arrested at the scene.");
  EXPECT_FALSE(HasCount(c, Role::kArrested, 31));
}

TEST(EventAssembler, FinesAsAPenaltyNounCountTheirRecipients) {
  // "fines" handed to people is a penalty; the recipients are fined.
  auto a = CodeText("Twenty-six cyclists from the protest convoy were given fines by the district court.");
  const Event* e = OnlyEvent(a, EventType::kSentence);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->mode, "fine");
  EXPECT_TRUE(HasCount(a, Role::kFined, 26));
  auto b = CodeText("Nine workers were issued fines of 300 each after the sit-in at the port.");
  EXPECT_TRUE(HasCount(b, Role::kFined, 9));
  EXPECT_FALSE(HasCount(b, Role::kFined, 300));
  auto c = CodeText("The magistrate handed a fine to each of the 14 organisers.");
  EXPECT_EQ(c.events.size(), 1u);
  // The adjective is no penalty.
  auto d = CodeText("The weather was fine and a fine drizzle fell as 300 people marched through Korvath.");
  for (const auto& ev : d.events) EXPECT_NE(ev.type, EventType::kSentence);
  auto f = CodeText("Police walked a fine line as 50 students rallied; the organisers said they were fine.");
  for (const auto& ev : f.events) EXPECT_NE(ev.type, EventType::kSentence);
}

TEST(EventAssembler, OnePersonBeforeAReducedRelativeIsTheSubject) {
  // "<person> <participle> <phrase> has died": the person shot or wounded earlier is killed,
  // and no longer counted injured.
  auto a = CodeText("A marcher wounded during Sunday's clashes in Korvath has died in hospital.");
  EXPECT_TRUE(HasCount(a, Role::kKilled, 1));
  EXPECT_FALSE(HasCount(a, Role::kInjured, 1));
  auto b = CodeText("The teenager shot by police in Velbrun on Friday has died.");
  EXPECT_TRUE(HasCount(b, Role::kKilled, 1));
  EXPECT_FALSE(HasCount(b, Role::kInjured, 1));
  auto c = CodeText("The student arrested outside the parliament on Monday was released on bail.");
  EXPECT_TRUE(HasCount(c, Role::kReleased, 1));
  // An object after the verb makes it active: the gunman is not the one who died.
  auto d = CodeText("Police said a gunman shot a guard at the Korvath depot; the guard later died.");
  EXPECT_FALSE(HasCount(d, Role::kInjured, 1) && HasCount(d, Role::kKilled, 2));
}

TEST(EventAssembler, RemandAndPretrialDetentionAreCustody) {
  auto a = CodeText("Eleven miners were remanded in custody by a court in Velbrun.");
  const Event* e = OnlyEvent(a, EventType::kCustody);
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(HasCount(a, Role::kDetained, 11));
  auto b = CodeText("Thirteen students remain in pre-trial detention, their lawyers in Korvath said.");
  EXPECT_TRUE(HasCount(b, Role::kDetained, 13));
  for (const auto& ev : b.events) EXPECT_NE(ev.type, EventType::kArrest);
  auto c = CodeText("Four organisers remain in police custody after the march.");
  EXPECT_TRUE(HasCount(c, Role::kDetained, 4));
}

TEST(EventAssembler, CourtOutcomesForTheRestAndForPeopleOrderedReleased) {
  // "the remaining N", "the other N" as objects count N.
  auto a = CodeText("A court in Brask jailed 31 of the 58 defendants and fined the remaining 27.");
  EXPECT_TRUE(HasCount(a, Role::kJailed, 31));
  EXPECT_TRUE(HasCount(a, Role::kFined, 27));
  auto b = CodeText("Police in Korvath freed the other 12 on Sunday.");
  EXPECT_TRUE(HasCount(b, Role::kReleased, 12));
  EXPECT_FALSE(HasCount(b, Role::kReleased, 1));
  // A participle phrase after people: "ordered 23 people released on bail".
  auto c = CodeText("The magistrate ordered 17 miners released on bail.");
  EXPECT_TRUE(HasCount(c, Role::kReleased, 17));
}

// Whether some event of `cd` counts people as jailed or convicted.
bool CountsJailedOrConvicted(const CodedDocument& cd) {
  for (const auto& ev : cd.events)
    for (const auto& c : ev.counts)
      if (c.role == Role::kJailed || c.role == Role::kConvicted) return true;
  return false;
}

// A suspended term, community service or probation is a sentence, but nobody goes to jail: the
// event is a SENTENCE with no count role (like a death sentence), never `jailed`.
TEST(EventAssembler, SuspendedTermsAreSentencesButNotJail) {
  auto a = CodeText("Five of the strikers were given suspended terms by a court in Velbrun.");
  const Event* e = OnlyEvent(a, EventType::kSentence);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->mode, "suspended");
  EXPECT_FALSE(HasCount(a, Role::kJailed, 5));
  auto b = CodeText("A Korvath court handed 6 students suspended prison terms.");
  EXPECT_FALSE(HasCount(b, Role::kJailed, 6));
  ASSERT_NE(OnlyEvent(b, EventType::kSentence), nullptr);
}

// "suspended" before a term's length or after the term ("suspended two-year prison terms",
// "two years in prison, suspended for three years") makes it suspended too.
TEST(EventAssembler, ASuspendedTermWithItsLengthIsNotJail) {
  for (const char* text : {"Three organisers were given suspended two-year prison terms in Brask.",
                           "Three organisers were sentenced to two years in prison, suspended for three years."}) {
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, EventType::kSentence);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->mode, "suspended") << text;
    EXPECT_FALSE(HasCount(cd, Role::kJailed, 3)) << text;
  }
}

TEST(EventAssembler, CommunityServiceAndProbationAreSentencesButNotJail) {
  for (const char* text : {"Four miners were sentenced to community service by a court in Velbrun.",
                           "Two students from Korvath were sentenced to probation on Tuesday.",
                           "The magistrate sentenced 9 marchers to 100 hours of community service.",
                           "Three organisers were sentenced to three years of probation in Brask."}) {
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, EventType::kSentence);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->status, EventStatus::kHappened) << text;
    EXPECT_FALSE(CountsJailedOrConvicted(cd)) << text;
  }
  // A prison term after the same verb is still jail.
  auto d = CodeText("Four miners were sentenced to three years in prison by a court in Velbrun.");
  EXPECT_TRUE(HasCount(d, Role::kJailed, 4));
  // Fines after it are fines.
  auto f = CodeText("Six marchers were sentenced to fines by a court in Brask.");
  EXPECT_TRUE(HasCount(f, Role::kFined, 6));
  EXPECT_FALSE(HasCount(f, Role::kJailed, 6));
}

// An acquittal is its own event (ACQUIT, which has no count role): the acquitted are never
// counted as convicted or jailed, and "pleaded not guilty" is a plea, not an acquittal.
TEST(EventAssembler, AcquittalsAreNeverConvictions) {
  for (const char* text : {"Nine activists were cleared of all charges by a Korvath court on Monday.",
                           "A court in Brask cleared the two editors of all charges.",
                           "The jury found Dana Kelm not guilty of arson.",
                           "Eleven miners were acquitted by the Velbrun district court."}) {
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, EventType::kAcquit);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->status, EventStatus::kHappened) << text;
    EXPECT_FALSE(CountsJailedOrConvicted(cd)) << text;
    for (const auto& ev : cd.events) EXPECT_NE(ev.type, EventType::kConvict) << text;
  }
  auto b = CodeText("Of the 40 defendants in Brask, 12 were acquitted and 28 were convicted.");
  EXPECT_TRUE(HasCount(b, Role::kConvicted, 28));
  EXPECT_FALSE(HasCount(b, Role::kConvicted, 12));
  EXPECT_FALSE(HasCount(b, Role::kJailed, 12));
  auto c = CodeText("Dana Kelm pleaded not guilty to arson in a Korvath court on Monday.");
  for (const auto& ev : c.events) EXPECT_NE(ev.type, EventType::kAcquit);
}

// One person shot who then died is killed, not also injured (the labelling guideline: "beaten
// ... and later succumbed to his injuries" is killed only): "A man was shot ... He died", "was
// reached a clinic, where he died", "was found dead after he accidentally shot himself". Another
// person killed is not the one shot.
TEST(EventAssembler, APersonShotWhoThenDiedIsKilledOnly) {
  for (const char* text : {"A man was shot outside a bar in Korvath on Friday. He died in a Korvath clinic two hours later.",
                           "Tomas Rell, 41, reached a Korvath clinic by ambulance, where he died on Sunday.",
                           "A Korvath soldier was found dead after he accidentally shot himself on the range."}) {
    auto cd = CodeText(text);
    EXPECT_TRUE(HasCount(cd, Role::kKilled, 1)) << text;
    EXPECT_FALSE(HasCount(cd, Role::kInjured, 1)) << text;
  }
  // A death first, then the same person restated as shot: "the boy", "the child", "she".
  for (const char* text : {"A nine-year-old Korvath boy was fatally shot by a stray round on Friday. Neighbours said "
                           "the boy was shot in the back while playing.",
                           "A Korvath girl, 3, was killed on Saturday. Her uncle said the child was shot as two "
                           "drivers traded bullets."}) {
    auto cd = CodeText(text);
    EXPECT_TRUE(HasCount(cd, Role::kKilled, 1)) << text;
    EXPECT_FALSE(HasCount(cd, Role::kInjured, 1)) << text;
  }
  // Not another person: "the suspect", or a woman after a man died.
  auto e = CodeText("A man was killed in Korvath on Friday. The suspect was shot in the leg by an officer.");
  EXPECT_TRUE(HasCount(e, Role::kInjured, 1));
  auto g = CodeText("A man was killed in Korvath on Friday. Later the woman was shot in the arm.");
  EXPECT_TRUE(HasCount(g, Role::kInjured, 1));
  auto b = CodeText("A woman was shot in the arm in Korvath on Friday. Her husband was killed.");
  EXPECT_TRUE(HasCount(b, Role::kInjured, 1));
  EXPECT_TRUE(HasCount(b, Role::kKilled, 1));
  auto c = CodeText("A man was shot in the leg in Korvath on Friday. Doctors in Korvath expect him to recover.");
  EXPECT_TRUE(HasCount(c, Role::kInjured, 1));
}

// "shot" does not say whether the person lived. In a story that reports a death and no
// survivor (nobody "wounded", "injured" or "hurt", no word of surviving or of a limb wound), one
// person reported shot is one of the dead: killed only, not also injured.
TEST(EventAssembler, OnePersonShotInAStoryOfADeathWithNoSurvivorIsNotInjured) {
  for (const char* text :
       {"Police in Korvath found Dana Rell on the porch of a house on Friday night. Rell had been shot "
        "several times. The 31-year-old was pronounced dead at the scene.",
        "Aldo Venn was shot outside a Korvath bar late Friday, police said. Officers found the body of "
        "the 29-year-old in the parking lot.",
        "A Korvath teenager was killed on Saturday. Detectives believe a man in a gray van shot Mila Dorn "
        "after an argument over a car."}) {
    auto cd = CodeText(text);
    EXPECT_TRUE(HasCount(cd, Role::kKilled, 1)) << text;
    EXPECT_FALSE(HasCount(cd, Role::kInjured, 1)) << text;
  }
  // Being rushed to a hospital does not say the person lived either: it is no survivor.
  auto h = CodeText("Aldo Venn was shot outside a Korvath bar late Friday. The victim was rushed to Korvath General "
                    "Hospital by friends. Officers said the 29-year-old died on Saturday.");
  for (const auto& e : h.events)
    for (const auto& c : e.counts) EXPECT_FALSE(c.role == Role::kInjured && Text(h, c.span) == "Aldo Venn");
  // A survivor reported anywhere, a limb wound, or the other side of the shooting keeps the count.
  for (const char* text :
       {"A man was killed in Korvath on Friday. Later a woman was shot too; doctors call her condition stable.",
        "A man was killed in Korvath on Friday. A woman was shot in the shoulder by the same gunman.",
        "A man was killed in Korvath on Friday. The gunman was shot by a deputy outside the house.",
        "A man was killed in Korvath on Friday and a girl was wounded. Another girl was shot by the "
        "gunman as she ran."}) {
    auto cd = CodeText(text);
    EXPECT_TRUE(HasCount(cd, Role::kInjured, 1)) << text;
  }
}

// "N shot, M fatally": M of the N died, so N - M were hurt and lived (killed only, not also
// injured, as for one person). Two separate groups ("and two other guests were killed") stay.
TEST(EventAssembler, ThoseShotFatallyAreNotAlsoInjured) {
  auto a = CodeText("Five people were shot, two of them fatally, at a birthday party in Korvath on Saturday.");
  EXPECT_TRUE(HasCount(a, Role::kInjured, 3));
  EXPECT_TRUE(HasCount(a, Role::kKilled, 2));
  EXPECT_FALSE(HasCount(a, Role::kInjured, 5));
  auto b = CodeText("At least 12 people were shot, one fatally, near a Korvath music hall early Sunday.");
  const Event* e = OnlyEvent(b, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  bool at_least_11 = false;
  for (const auto& c : e->counts)
    if (c.role == Role::kInjured) at_least_11 = c.value == 11 && c.low == 11 && !c.high.has_value();
  EXPECT_TRUE(at_least_11);
  auto c = CodeText(
      "Five people were shot at a birthday party in Korvath on Saturday and two other guests were killed.");
  EXPECT_TRUE(HasCount(c, Role::kInjured, 5));
  EXPECT_TRUE(HasCount(c, Role::kKilled, 2));
}

// Wordings of an arrest in US police news: "booked into" a jail (not "booked" alone, a charge),
// surrendering to the police or the authorities (not to an army: a battlefield surrender), and
// "turned themselves in". Each counts the people it names.
TEST(EventAssembler, BookedIntoJailAndSurrenderingToPoliceAreArrests) {
  struct Case {
    const char* text;
    int64_t arrested;
  };
  for (const Case& c : {Case{"Mila Dorn, 26, was booked into the Korvath County Jail on Friday.", 1},
                        Case{"After a four-hour standoff the two brothers surrendered to police outside the "
                             "Korvath farmhouse.",
                             2},
                        Case{"Aldo Venn surrendered to the authorities in Korvath on Monday, a week after the "
                             "robbery.",
                             1},
                        Case{"The two cousins turned themselves in at the Korvath station on Sunday.", 2}}) {
    auto cd = CodeText(c.text);
    const Event* e = OnlyEvent(cd, EventType::kArrest);
    ASSERT_NE(e, nullptr) << c.text;
    EXPECT_EQ(e->status, EventStatus::kHappened) << c.text;
    EXPECT_TRUE(HasCount(cd, Role::kArrested, c.arrested)) << c.text;
  }
  auto army = CodeText("Twelve rebels surrendered to the army near Korvath and handed over their rifles.");
  for (const auto& e : army.events) EXPECT_NE(e.type, EventType::kArrest);
}

// "A suspect is in custody", "Police have a man in custody": the news of an arrest told by its
// result. A suspect (or person of interest) in custody, or people the police have in custody,
// were arrested; a named person who "remains in custody", someone "already in custody" on
// another charge, and negated or uncertain custody are not.
TEST(EventAssembler, ASuspectInCustodyWasArrested) {
  struct Case {
    const char* text;
    int64_t arrested;
  };
  for (const Case& c : {Case{"A suspect is in custody after a man was shot outside a Korvath diner on Friday.", 1},
                        Case{"Three suspects are in custody in connection with the Korvath robbery.", 3},
                        Case{"Police in Korvath have a man in custody after the shooting.", 1},
                        Case{"A person of interest is in custody, Korvath police said.", 1},
                        Case{"Aldo Venn is in custody after the robbery of a Korvath pharmacy.", 1},
                        Case{"Two men are in custody in connection with the Korvath depot fire.", 2}}) {
    auto cd = CodeText(c.text);
    const Event* e = OnlyEvent(cd, EventType::kArrest);
    ASSERT_NE(e, nullptr) << c.text;
    EXPECT_EQ(e->status, EventStatus::kHappened) << c.text;
    EXPECT_TRUE(HasCount(cd, Role::kArrested, c.arrested)) << c.text;
  }
  // Held on a bond or bail set by a court, or without one: the person was arrested.
  for (const char* text : {"Dorn is being held on a $50,000 bond at the Korvath County Jail.",
                           "Aldo Venn remains jailed on a $200,000 bond.",
                           "He is being held in the North Korvath County Jail in lieu of a $90,000 bond."}) {
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, EventType::kArrest);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_TRUE(HasCount(cd, Role::kArrested, 1)) << text;
  }
  for (const char* text : {"Mila Dorn remains in custody at the Korvath County Jail.",
                           "Both men are being held in the Korvath County Detention Center.",
                           "No suspects are in custody, Korvath police said.",
                           "It was not clear whether a suspect was in custody.",
                           "The suspect was already in custody for a burglary when Korvath police "
                           "linked him to the robbery."}) {
    auto cd = CodeText(text);
    for (const auto& e : cd.events)
      EXPECT_FALSE(e.type == EventType::kArrest && e.status == EventStatus::kHappened) << text;
  }
}

// A clause set off by commas before an event describes its subject, not the event: its modal or
// "wanted" does not make the arrest hypothetical. Nor does a fugitive's "most wanted" list.
TEST(EventAssembler, ACueInACommaClauseAboutTheSubjectLeavesTheEventHappened) {
  for (const char* text : {"Police said the driver, who may have been drinking, was arrested at the scene in Korvath.",
                           "Aldo Venn, wanted for a robbery in Korvath, was arrested on Friday.",
                           "A teenager named on the Korvath most wanted list turned himself in on Sunday."}) {
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, EventType::kArrest);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->status, EventStatus::kHappened) << text;
  }
  for (const char* text : {"Korvath police want to arrest the driver.",
                           "The driver, who police said could face charges, may be arrested later."}) {
    auto cd = CodeText(text);
    for (const auto& e : cd.events)
      EXPECT_FALSE(e.type == EventType::kArrest && e.status == EventStatus::kHappened) << text;
  }
}

// "shot Aldo Dorn twice, killing him": the person shot died; one person killed, not one injured
// and one more killed. "wounding him" keeps the person hurt.
TEST(EventAssembler, ThePersonShotAndThenKillingHimIsKilledOnly) {
  auto a = CodeText("Venn then shot Aldo Dorn twice near the Korvath depot, killing him.");
  const Event* e = OnlyEvent(a, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(e->counts[0].role, Role::kKilled);
  EXPECT_EQ(Text(a, e->counts[0].span), "Aldo Dorn");
  auto c = CodeText("Venn shot Aldo Dorn in Korvath, wounding him.");
  EXPECT_TRUE(HasCount(c, Role::kInjured, 1));
  EXPECT_FALSE(HasCount(c, Role::kKilled, 1));
}

// A place after a preposition and a word for its part ("in downtown Brask", "in northwest
// Korvath County") is no person: the one before the phrase died.
TEST(EventAssembler, APlaceWithADirectionBeforeTheVerbIsNoPerson) {
  auto a = CodeText("A cyclist wounded by gunfire on Tuesday in downtown Port Kelmar has died.");
  EXPECT_TRUE(HasCount(a, Role::kKilled, 1));
  EXPECT_FALSE(HasCount(a, Role::kInjured, 1));
  for (const auto& ev : a.events)
    for (const auto& c : ev.counts) EXPECT_EQ(Text(a, c.span).find("Kelmar"), std::string_view::npos);
}

// "A boy who was shot ... has died": the relative clause's antecedent died, however long the
// place phrase in the clause.
TEST(EventAssembler, TheAntecedentOfALongRelativeClauseDied) {
  auto a = CodeText("A man who was shot twice through the window of a van at a northwest Korvath County depot "
                    "has died, his employer confirmed.");
  EXPECT_TRUE(HasCount(a, Role::kKilled, 1));
  EXPECT_FALSE(HasCount(a, Role::kInjured, 1));
}

// A round-up sums the victims of several incidents ("in separate shootings across the city", "in
// three shootings", "citywide"): no incident has that toll, so the group counts are dropped (the
// assault stays, and one person killed is still counted).
TEST(EventAssembler, RoundUpTotalsOfSeveralIncidentsAreNoIncidentsCounts) {
  auto a = CodeText("Gunmen left five people dead and at least 17 others wounded in separate shootings across "
                    "Korvath during the carnival.");
  EXPECT_FALSE(HasCount(a, Role::kKilled, 5));
  EXPECT_FALSE(HasCount(a, Role::kInjured, 17));
  EXPECT_NE(OnlyEvent(a, EventType::kAssault), nullptr);
  auto b = CodeText("Eleven drivers were wounded in three shootings on the Brask ring road.");
  EXPECT_FALSE(HasCount(b, Role::kInjured, 11));
  auto c = CodeText("Nine cabbies were wounded citywide during the Brask taxi war.");
  EXPECT_FALSE(HasCount(c, Role::kInjured, 9));
  auto d = CodeText("A fisherman was killed and six dockers were hurt in separate shootings at the Brask harbour.");
  EXPECT_TRUE(HasCount(d, Role::kKilled, 1));
  // One incident keeps its toll.
  auto e = CodeText("Seven guests were wounded in a shooting at a Brask wedding.");
  EXPECT_TRUE(HasCount(e, Role::kInjured, 7));
  auto f = CodeText("Seven guests were wounded in the shooting across the square from the Brask town hall.");
  EXPECT_TRUE(HasCount(f, Role::kInjured, 7));
}

// The people fighting are its agents, not its victims: "two ferrymen were fighting" kills nobody;
// the dead of a fight are still counted.
TEST(EventAssembler, PeopleFightingAreNotItsDead) {
  auto a = CodeText("Witnesses said two ferrymen were fighting on the Brask pier when one drew a knife.");
  EXPECT_FALSE(HasCount(a, Role::kKilled, 2));
  auto b = CodeText("Five soldiers were killed in heavy fighting near Korvath.");
  EXPECT_TRUE(HasCount(b, Role::kKilled, 5));
  auto c = CodeText("Fighting in Korvath killed 12 people on Sunday.");
  EXPECT_TRUE(HasCount(c, Role::kKilled, 12));
}

// A number before an event noun that modifies another noun counts that noun: "two murder
// suspects" are suspects, "five homicide cases" cases; nobody is counted as killed.
TEST(EventAssembler, ANumberBeforeAnEventNounModifierCountsItsHead) {
  auto a = CodeText("Police in Brask arrested four murder suspects at the border.");
  EXPECT_TRUE(HasCount(a, Role::kArrested, 4));
  EXPECT_FALSE(HasCount(a, Role::kKilled, 4));
  auto b = CodeText("Brask detectives reopened five homicide cases from the 1990s.");
  EXPECT_FALSE(HasCount(b, Role::kKilled, 5));
}

// A possessive person is no object: "picked up the uncle's pistol" picked up a gun; "arrested
// the victim's brother" arrested one person.
TEST(EventAssembler, APossessiveBeforeAThingIsNoPersonObject) {
  auto a = CodeText("In Brask the toddler picked up her uncle's pistol from a shelf.");
  EXPECT_FALSE(HasCount(a, Role::kArrested, 1));
  auto b = CodeText("Officers in Brask arrested the victim's brother on Monday.");
  EXPECT_TRUE(HasCount(b, Role::kArrested, 1));
}

// "to death" after the object makes the victims dead: "shot four cyclists to death", "stabbed
// his neighbour to death".
TEST(EventAssembler, ToDeathAfterTheObjectIsAKilling) {
  auto a = CodeText("A Korvath sniper shot four cyclists to death on Sunday.");
  EXPECT_TRUE(HasCount(a, Role::kKilled, 4));
  EXPECT_FALSE(HasCount(a, Role::kInjured, 4));
  auto b = CodeText("He stabbed his neighbour to death in Brask on Friday.");
  EXPECT_TRUE(HasCount(b, Role::kKilled, 1));
  EXPECT_FALSE(HasCount(b, Role::kInjured, 1));
}

// The people an assault is "with" are the other side, not its dead or hurt: "clashes with 200
// protesters", "a shootout with two suspects".
TEST(EventAssembler, ThePeopleAFightIsWithAreNotItsVictims) {
  auto a = CodeText("Police in Brask were involved in clashes with 200 protesters on Friday.");
  EXPECT_FALSE(HasCount(a, Role::kKilled, 200));
  auto b = CodeText("A customs officer was wounded in a shootout with two smugglers at the Brask docks.");
  EXPECT_TRUE(HasCount(b, Role::kInjured, 1));
  EXPECT_FALSE(HasCount(b, Role::kInjured, 2));
  auto c = CodeText("A clash between police and marchers in Brask left 3 dead.");
  EXPECT_TRUE(HasCount(c, Role::kKilled, 3));
}

// "picked up" is an arrest by the police, not a parent collecting a child: "the father picked up
// his daughter", "was picked up by passing cyclists".
TEST(EventAssembler, PickedUpIsAnArrestOnlyByTheAuthorities) {
  auto a = CodeText("In Brask a grandmother picked up her grandson from the swimming pool on Friday.");
  for (const auto& ev : a.events) EXPECT_NE(ev.type, EventType::kArrest);
  auto b = CodeText("The injured jogger was picked up by passing cyclists in Brask and driven to a clinic.");
  for (const auto& ev : b.events) EXPECT_NE(ev.type, EventType::kArrest);
  auto c = CodeText("Police in Brask picked up 12 students on Friday.");
  EXPECT_TRUE(HasCount(c, Role::kArrested, 12));
  auto d = CodeText("Tomas Rell was picked up on Wednesday night in Brask.");
  EXPECT_TRUE(HasCount(d, Role::kArrested, 1));
}

// Contracted negations negate, with a straight or a curly apostrophe: "haven't arrested",
// "didn’t arrest".
TEST(EventAssembler, ContractedNegationsNegate) {
  for (const char* text : {"Police in Brask haven't arrested anyone over the shooting.",
                           "Officers in Brask didn\u2019t arrest the two drivers.",
                           "Officers in Brask didn't arrest the two drivers."}) {
    auto cd = CodeText(text);
    for (const auto& ev : cd.events)
      if (ev.type == EventType::kArrest) {
        EXPECT_NE(ev.status, EventStatus::kHappened) << text;
      }
  }
  // A negation of another verb does not reach past it or a dash: "don't believe the shooting
  // was random", "isn't careful — and kills".
  for (const char* text : {"Brask shopkeepers don\u2019t think the fatal shooting at the market was an accident.",
                           "A Brask hunter cleaning his rifle isn't careful \u2014 and kills his brother-in-law."}) {
    auto cd = CodeText(text);
    bool happened = false;
    for (const auto& ev : cd.events) happened |= ev.type == EventType::kAssault && ev.status == EventStatus::kHappened;
    EXPECT_TRUE(happened) << text;
  }
}

// "a court jailed 12 and fined 30": thirty people were fined, not thirty units of money.
TEST(EventAssembler, BareNumberAfterAnActivePenaltyVerbCountsPeople) {
  auto a = CodeText("A tribunal in Korvath jailed 12 and fined 30 on Friday.");
  EXPECT_TRUE(HasCount(a, Role::kJailed, 12));
  EXPECT_TRUE(HasCount(a, Role::kFined, 30));
  auto b = CodeText("The organiser was jailed for six days and fined 300 by a Korvath court.");
  EXPECT_FALSE(HasCount(b, Role::kFined, 300));
}

// "in police custody" states that someone is held (CUSTODY), not that he was arrested; being
// taken into custody is the arrest.
TEST(EventAssembler, BeingInPoliceCustodyIsCustodyNotAnArrest) {
  auto a = CodeText("A 24-year-old man is in police custody in Korvath, officers said.");
  const Event* e = OnlyEvent(a, EventType::kCustody);
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(HasCount(a, Role::kDetained, 1));
  for (const auto& ev : a.events) EXPECT_NE(ev.type, EventType::kArrest);
  auto b = CodeText("Two miners were taken into police custody in Korvath on Friday.");
  EXPECT_TRUE(HasCount(b, Role::kArrested, 2));
  auto c = CodeText("The driver remained in police custody in Brask on Sunday.");
  ASSERT_NE(OnlyEvent(c, EventType::kCustody), nullptr);
  for (const auto& ev : c.events) EXPECT_NE(ev.type, EventType::kArrest);
}

TEST(EventAssembler, AParticipleAfterAPartOfASetCountsTheSet) {
  // "N of the M people <participle>": the participle befell the M.
  auto a = CodeText("Police in Korvath freed 11 of the 30 students held after the sit-in.");
  EXPECT_TRUE(HasCount(a, Role::kReleased, 11));
  auto b = CodeText("The governor pardoned 9 of the 25 activists arrested during the march.");
  EXPECT_TRUE(HasCount(b, Role::kArrested, 25));
  EXPECT_FALSE(HasCount(b, Role::kArrested, 9));
  // A passive with its own auxiliary keeps the part.
  auto c = CodeText("Six of the 40 marchers were arrested.");
  EXPECT_TRUE(HasCount(c, Role::kArrested, 6));
}

TEST(EventAssembler, PenaltiesImposedOnPeopleCountThem) {
  auto a = CodeText("A Korvath court imposed fines on 17 demonstrators on Tuesday.");
  EXPECT_TRUE(HasCount(a, Role::kFined, 17));
  auto b = CodeText("The tribunal imposed prison terms on six union leaders.");
  EXPECT_TRUE(HasCount(b, Role::kJailed, 6));
}

TEST(EventAssembler, ABareNumberSentencedToPrisonIsJailed) {
  auto a = CodeText("The Velbrun court convicted 64 people, sentencing 25 to prison terms.");
  EXPECT_TRUE(HasCount(a, Role::kConvicted, 64));
  EXPECT_TRUE(HasCount(a, Role::kJailed, 25));
  auto b = CodeText("A judge in Korvath sentenced 13 to two years in jail.");
  EXPECT_TRUE(HasCount(b, Role::kJailed, 13));
}

TEST(EventAssembler, PartsOfOneSentenceAreSiblings) {
  // Both counts are parts of the people detained; neither is a part of the other.
  auto a = CodeText("Of those detained, 31 have been released on bail and 8 remain in custody.");
  EXPECT_TRUE(HasCount(a, Role::kReleased, 31));
  EXPECT_TRUE(HasCount(a, Role::kDetained, 8));
  for (const auto& ev : a.events)
    if (ev.type == EventType::kCustody) {
      EXPECT_LT(ev.part_of, 0);
    }
}

TEST(EventAssembler, EachOfTheSetAndWarningsLetOff) {
  auto a = CodeText("A Velbrun court fined each of the 9 strikers 1,000 euros.");
  EXPECT_TRUE(HasCount(a, Role::kFined, 9));
  auto b = CodeText("Seventeen cyclists were let off with a warning by police in Korvath.");
  const Event* e = OnlyEvent(b, EventType::kSentence);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->mode, "warning");
  EXPECT_TRUE(HasCount(b, Role::kWarned, 17));
}

TEST(EventAssembler, OrderedToPayFinesIsAPenaltyImposed) {
  auto a = CodeText("Six dock workers in Korvath were ordered to pay fines on Monday.");
  const Event* e = OnlyEvent(a, EventType::kSentence);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->status, EventStatus::kHappened);
  EXPECT_TRUE(HasCount(a, Role::kFined, 6));
  // Not a demand.
  auto b = CodeText("Unions asked the court to fine the 40 managers.");
  for (const auto& ev : b.events) EXPECT_NE(ev.status, EventStatus::kHappened);
}

TEST(EventAssembler, ADistributedSentenceCountsEachPenalty) {
  auto a = CodeText("Twenty-three miners were sentenced in Velbrun, 15 to prison terms and eight to fines.");
  EXPECT_TRUE(HasCount(a, Role::kJailed, 15));
  EXPECT_TRUE(HasCount(a, Role::kFined, 8));
}

TEST(EventAssembler, RemainingJailedIsCustody) {
  auto a = CodeText("Sixteen dock workers remain jailed in Korvath.");
  EXPECT_TRUE(HasCount(a, Role::kDetained, 16));
  auto b = CodeText("Three union leaders remain under house arrest.");
  EXPECT_TRUE(HasCount(b, Role::kDetained, 3));
  auto c = CodeText("Eight nurses continue to be held without charge.");
  EXPECT_TRUE(HasCount(c, Role::kDetained, 8));
  auto d = CodeText("Five marchers are still imprisoned, their families said.");
  EXPECT_TRUE(HasCount(d, Role::kDetained, 5));
}

TEST(EventAssembler, BailedIsReleased) {
  auto a = CodeText("Seven strikers arrested in Korvath were bailed pending further inquiries.");
  EXPECT_TRUE(HasCount(a, Role::kReleased, 7));
  auto b = CodeText("Nine marchers were released on police bail on Sunday.");
  EXPECT_TRUE(HasCount(b, Role::kReleased, 9));
  // Not people: no release.
  auto c = CodeText("The ferry crew bailed water from the hold all night.");
  EXPECT_TRUE(c.events.empty());
}

TEST(EventAssembler, BothBeforePeopleIsTwo) {
  // "both" + a plural person noun names two people.
  auto a = CodeText("Both organisers were detained outside the town hall in Korvath.");
  const Event* e = OnlyEvent(a, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->counts.size(), 1u);
  ExpectExact(e->counts[0], Role::kArrested, 2);
  EXPECT_EQ(Text(a, e->counts[0].span), "Both organisers");
  auto b = CodeText("Both students were later released without charge.");
  EXPECT_TRUE(HasCount(b, Role::kReleased, 2));
  // Not a pair named by "both ... and": the conjuncts are counted, if at all, on their own.
  auto c = CodeText("Both police and marchers were hurt in the scuffles in Korvath.");
  EXPECT_FALSE(HasCount(c, Role::kInjured, 2));
  auto g = CodeText("Two reporters were held in Korvath; both of them were freed on Sunday.");
  EXPECT_TRUE(HasCount(g, Role::kReleased, 2));
  auto f = CodeText("Both of the detained nurses were released without charge.");
  EXPECT_TRUE(HasCount(f, Role::kReleased, 2));
  // After a larger total of the same role the pair is a part of it.
  auto d = CodeText("Four people were killed in the attack in Korvath on Friday. Both men died at the scene.");
  bool pair_is_part = false;
  for (const auto& ev : d.events)
    for (const auto& c : ev.counts)
      if (c.role == Role::kKilled && c.value == 2) pair_is_part = ev.part_of >= 0;
  EXPECT_TRUE(HasCount(d, Role::kKilled, 2));
  EXPECT_TRUE(pair_is_part);
}

TEST(EventAssembler, PossessiveBeforeOnePersonIsOnePerson) {
  auto a = CodeText("Their spokesman was detained in Korvath on Friday.");
  EXPECT_TRUE(HasCount(a, Role::kArrested, 1));
  auto b = CodeText("Her brother was injured when the crowd was dispersed.");
  EXPECT_TRUE(HasCount(b, Role::kInjured, 1));
  // Not a group of unknown size.
  auto c = CodeText("Their supporters were detained in Korvath on Friday.");
  EXPECT_FALSE(HasCount(c, Role::kArrested, 1));
}

TEST(EventAssembler, StateAfterAnEventNounKeepsTheClauseSubject) {
  // The noun after "charged with" is the charge; the custody after it is a happened state of
  // the clause's subject.
  auto cd = CodeText("Three men were charged with murder and remain in custody, police in Korvath said.");
  const Event* e = OnlyEvent(cd, EventType::kCustody);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->status, EventStatus::kHappened);
  ASSERT_EQ(e->counts.size(), 1u);
  ExpectExact(e->counts[0], Role::kDetained, 3);
}

TEST(EventAssembler, APlaceAfterAPrepositionIsNoSubject) {
  // An unknown town after "from"/"of"/"on" reads like a name; the subject is before it.
  auto a = CodeText("Three men from Korvath were charged with theft.");
  EXPECT_TRUE(HasCount(a, Role::kCharged, 3));
  EXPECT_FALSE(HasCount(a, Role::kCharged, 1));
  auto b = CodeText("Dana Kelm, 26, of Korvath died at the scene.");
  const Event* e = OnlyEvent(b, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(Text(b, e->counts[0].span), "Dana Kelm");
  auto d = CodeText("A teacher from Kelmora town died after the beating.");
  EXPECT_TRUE(HasCount(d, Role::kKilled, 1));
  auto c = CodeText("The girl who was shot at a house on Kelm Road has died.");
  EXPECT_TRUE(HasCount(c, Role::kKilled, 1));
  EXPECT_EQ(Text(c, c.events[0].counts[0].span), "The girl");
}

TEST(EventAssembler, SinceBeforeAPassiveIsAnAdverb) {
  auto cd = CodeText("Police in Korvath detained 14 students; six of them have since been freed.");
  EXPECT_TRUE(HasCount(cd, Role::kReleased, 6));
}

TEST(EventAssembler, RelativeClauseBeforeTheVerbLeadsToItsAntecedent) {
  auto a = CodeText("Eight students who were detained at the rally last week were freed on Sunday.");
  EXPECT_TRUE(HasCount(a, Role::kReleased, 8));
  // The object of the relative clause's verb is not the subject of the main verb.
  auto b = CodeText("The driver who injured four pedestrians was detained in Korvath.");
  EXPECT_TRUE(HasCount(b, Role::kArrested, 1));
  EXPECT_FALSE(HasCount(b, Role::kArrested, 4));
}

TEST(EventAssembler, RecipientsOfAPenaltyWithModifiersAreCounted) {
  auto a = CodeText("Fourteen activists were given 15-day jail terms by a court in Korvath.");
  EXPECT_TRUE(HasCount(a, Role::kJailed, 14));
  auto b = CodeText("Two organisers received a three-year prison sentence.");
  EXPECT_TRUE(HasCount(b, Role::kJailed, 2));
  // The subject of an active "issued" gives the penalty.
  auto c = CodeText("Judge Mara Voss issued a formal warning to the landlord.");
  EXPECT_FALSE(HasCount(c, Role::kWarned, 1));
}

TEST(EventAssembler, ActivePenaltyVerbBeforeANumberIsNoState) {
  auto cd = CodeText("The Korvath court fined 23 marchers and warned six others.");
  EXPECT_TRUE(HasCount(cd, Role::kWarned, 6));
  EXPECT_EQ(std::count_if(cd.events.begin(), cd.events.end(),
                          [](const Event& x) { return x.type == EventType::kCustody; }),
            0);
}

TEST(EventAssembler, JudgeJailingPeopleIsASentenceNotCustody) {
  auto cd = CodeText("In Korvath, the magistrate jailed three protesters for a month.");
  const Event* e = OnlyEvent(cd, EventType::kSentence);
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(HasCount(cd, Role::kJailed, 3));
  EXPECT_EQ(std::count_if(cd.events.begin(), cd.events.end(),
                          [](const Event& x) { return x.type == EventType::kCustody; }),
            0);
}

TEST(EventAssembler, AgentWithADeterminerDoesNotBreakACoordinatedPassive) {
  auto cd = CodeText("Five students were fined by the magistrate and released in Korvath.");
  EXPECT_TRUE(HasCount(cd, Role::kFined, 5));
  EXPECT_TRUE(HasCount(cd, Role::kReleased, 5));
}

TEST(EventAssembler, PeopleWhoClashedAreNoVictims) {
  // "clashed" after a numbered group is the active verb, not a headline passive.
  auto cd = CodeText("Around 300 farm workers clashed with police on the Korvath highway.");
  for (const auto& e : cd.events)
    for (const auto& c : e.counts) EXPECT_NE(c.role, Role::kKilled);
}

TEST(EventAssembler, ProtestGroupAfterAPlacePhrase) {
  auto cd = CodeText("Police dispersed a rally in the old town square of Korvath involving 60 people.");
  EXPECT_TRUE(HasCount(cd, Role::kParticipants, 60));
}

TEST(EventAssembler, TimeAdverbsStandBetweenSubjectAndVerb) {
  auto a = CodeText("The accused had recently left jail in Korvath.");
  EXPECT_TRUE(HasCount(a, Role::kReleased, 1));
  auto b = CodeText("Six students were again detained in Korvath on Monday.");
  EXPECT_TRUE(HasCount(b, Role::kArrested, 6));
}

TEST(EventAssembler, DetainmentIsAnArrestNoun) {
  auto cd = CodeText("Residents of Korvath protested against the detainment of a local journalist.");
  EXPECT_TRUE(HasCount(cd, Role::kArrested, 1));
}

TEST(EventAssembler, AntecedentAfterOfIsOnePerson) {
  auto cd = CodeText("Farmers in Korvath demanded the release of their spokesman who had been detained.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->status, EventStatus::kHappened);
  EXPECT_TRUE(HasCount(cd, Role::kArrested, 1));
}

TEST(EventAssembler, PassiveCoordinatedWithAPassiveThatIsNoEvent) {
  auto a = CodeText("Twenty marchers were questioned overnight and released.");
  EXPECT_TRUE(HasCount(a, Role::kReleased, 20));
  auto c = CodeText("Twenty marchers from Korvath were questioned overnight and released.");
  EXPECT_TRUE(HasCount(c, Role::kReleased, 20));
  // An active verb with its object after "and" stays active.
  auto b = CodeText("The rifle was loaded and accidentally shot his cousin.");
  const Event* e = OnlyEvent(b, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(Text(b, e->counts[0].span), "his cousin");
}

TEST(EventAssembler, AnOrderOrWarrantOfAnArrestIsHypothetical) {
  for (const char* text : {"The order of arresting the mayor of Korvath came from the governor.",
                           "A judge in Korvath issued warrants for the arrest of three men."}) {
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, EventType::kArrest);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->status, EventStatus::kHypothetical) << text;
  }
}

// An attempt reaches the verb it governs: the person a participle describes further on was
// shot all the same; a causative keeps the attempt ("tried to have the man arrested").
TEST(EventAssembler, AnAttemptDoesNotReachAParticipleDescribingAPerson) {
  for (const char* text : {"A neighbour tries to save a boy shot in Korvath.",
                           "The clerk who tried to help a woman shot in Korvath spoke on Monday."}) {
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->status, EventStatus::kHappened) << text;
  }
  auto causative = CodeText("Police tried to have the man arrested in Korvath.");
  const Event* e = OnlyEvent(causative, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->status, EventStatus::kHypothetical);
}

TEST(EventAssembler, PartOfThoseWhoUnderwentAnEvent) {
  auto a = CodeText("Police in Korvath detained 30 people. Seven of those detained remain in custody.");
  EXPECT_TRUE(HasCount(a, Role::kDetained, 7));
  auto b = CodeText("Three of those arrested in Korvath were charged with looting.");
  EXPECT_TRUE(HasCount(b, Role::kCharged, 3));
}

TEST(EventAssembler, DemonymsWithModifiersArePeople) {
  auto a = CodeText("Three injured Kenyans were hospitalized in Nairobi.");
  EXPECT_TRUE(HasCount(a, Role::kInjured, 3));
  auto b = CodeText("The injured Bolivian was hospitalized in Korvath.");
  EXPECT_TRUE(HasCount(b, Role::kInjured, 1));
}

TEST(EventAssembler, PartsLargerThanTheTotalAreInconsistent) {
  auto cd = CodeText("512 were found guilty, 301 of whom were jailed, while 240 were fined.");
  ASSERT_EQ(cd.events.size(), 3u);
  EXPECT_EQ(cd.events[1].part_of, 0);
  EXPECT_EQ(cd.events[2].part_of, 0);
  ASSERT_EQ(cd.checks.size(), 1u);
  EXPECT_EQ(cd.checks[0].kind, "parts_sum");
  EXPECT_EQ(cd.checks[0].result, "inconsistent");
}

TEST(EventAssembler, PartitiveInALaterSentenceIsPartial) {
  auto cd = CodeText("Police arrested 15 people. Three of them were later charged.");
  const Event* arrest = OnlyEvent(cd, EventType::kArrest);
  const Event* charge = OnlyEvent(cd, EventType::kCharge);
  ASSERT_NE(arrest, nullptr);
  ASSERT_NE(charge, nullptr);
  EXPECT_EQ(charge->part_of, arrest - cd.events.data());
  const Count* c = OnlyCount(*charge);
  ASSERT_NE(c, nullptr);
  ExpectExact(*c, Role::kCharged, 3);
  ASSERT_EQ(cd.checks.size(), 1u);
  EXPECT_EQ(cd.checks[0].result, "partial");
}

TEST(EventAssembler, SameFigureInALaterSentenceIsRepeated) {
  auto cd = CodeText("Three people were killed on Monday. The three dead were all students.");
  ASSERT_EQ(cd.checks.size(), 1u);
  EXPECT_EQ(cd.checks[0].kind, "repeated");
  EXPECT_EQ(cd.checks[0].result, "consistent");
}

// --- Status ------------------------------------------------------------------------------

TEST(EventAssembler, NegatedArrestHasNoCount) {
  auto cd = CodeText("Police did not detain anyone.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->status, EventStatus::kNegated);
  EXPECT_TRUE(e->counts.empty());
  auto no_one = CodeText("No one was arrested.");
  const Event* n = OnlyEvent(no_one, EventType::kArrest);
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->status, EventStatus::kNegated);
}

// "no" before the event's subject and its verb negates the event as "no" before a noun
// trigger does: nobody is in custody, nobody was detained.
TEST(EventAssembler, NoBeforeTheSubjectNegates) {
  for (const char* text : {"A man was wounded on Corbel Street. No suspect is in custody, police said.",
                           "Riot police watched the march. No marchers were detained on Sunday.",
                           "No students have been arrested."}) {
    auto cd = CodeText(text);
    int custody_or_arrest = 0;
    for (const Event& e : cd.events) {
      if (e.type != EventType::kCustody && e.type != EventType::kArrest) continue;
      ++custody_or_arrest;
      EXPECT_EQ(e.status, EventStatus::kNegated) << text;
    }
    EXPECT_EQ(custody_or_arrest, 1) << text;
  }
  // Protesters who were not detained still marched.
  auto march = CodeText("No marchers were detained on Sunday.");
  const Event* p = OnlyEvent(march, EventType::kProtest);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->status, EventStatus::kHappened);
  // The rule reaches no further than the subject: "no doubt" is not about the arrest.
  auto cd = CodeText("There is no doubt the two men were arrested on Friday.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->status, EventStatus::kHappened);
}

TEST(EventAssembler, NegationStaysInItsClause) {
  auto cd = CodeText("Police did not comment, but 5 people were arrested.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->status, EventStatus::kHappened);
  const Count* c = OnlyCount(*e);
  ASSERT_NE(c, nullptr);
  ExpectExact(*c, Role::kArrested, 5);
}

// A clause before a comma and a new subject keeps its negation: "when they could not find the
// suspects, they arrested his cousins" is an arrest that happened.
TEST(EventAssembler, NegationOfAnEarlierClauseStaysThere) {
  for (const char* text : {"When the guards couldn't find the organiser, they arrested his two cousins in Brask.",
                           "As the officers did not see the banner, they detained four students anyway."}) {
    auto cd = CodeText(text);
    bool happened = false;
    for (const auto& ev : cd.events) happened |= ev.status == EventStatus::kHappened;
    EXPECT_TRUE(happened) << text;
  }
  // A negation after the comma still negates: "they did not, however, arrest anyone".
  auto b = CodeText("The guards found the organiser, but they did not, however, arrest him in Brask.");
  for (const auto& ev : b.events)
    if (ev.type == EventType::kArrest) {
      EXPECT_NE(ev.status, EventStatus::kHappened);
    }
}

TEST(EventAssembler, FutureRallyIsPlanned) {
  auto cd = CodeText("The opposition will hold a rally on Monday.");
  const Event* e = OnlyEvent(cd, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->status, EventStatus::kPlanned);
  EXPECT_EQ(e->mode, "rally");
  ASSERT_TRUE(e->actor.has_value());
  EXPECT_EQ(e->actor->sector, Sector::kOpposition);
}

TEST(EventAssembler, PastRallyHappened) {
  auto cd = CodeText("The opposition held a rally on Monday.");
  const Event* e = OnlyEvent(cd, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->status, EventStatus::kHappened);
  ASSERT_TRUE(e->date.has_value());
  EXPECT_EQ(FormatIsoDate(e->date->value), "2026-03-09");
}

TEST(EventAssembler, ModalPenaltyIsHypotheticalAndItsDurationNoCount) {
  auto cd = CodeText("The two journalists could face up to 10 years in jail.");
  const Event* e = OnlyEvent(cd, EventType::kSentence);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->status, EventStatus::kHypothetical);
  EXPECT_FALSE(HasCountValue(cd, 10));
}

TEST(EventAssembler, DemandedReleaseIsHypothetical) {
  auto cd = CodeText("Protesters marched through the city demanding the release of 11 activists.");
  const Event* e = OnlyEvent(cd, EventType::kRelease);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->status, EventStatus::kHypothetical);
  const Count* c = OnlyCount(*e);
  ASSERT_NE(c, nullptr);
  ExpectExact(*c, Role::kReleased, 11);
  EXPECT_EQ(Text(cd, c->span), "11 activists");
}

TEST(EventAssembler, ReleaseWithoutDemandHappened) {
  auto cd = CodeText("Police released 11 activists on Monday.");
  const Event* e = OnlyEvent(cd, EventType::kRelease);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->status, EventStatus::kHappened);
  ASSERT_EQ(e->counts.size(), 1u);
  ExpectExact(e->counts[0], Role::kReleased, 11);
}

// --- Number values -----------------------------------------------------------------------

TEST(EventAssembler, VagueCountHasARangeAndNoValue) {
  auto cd = CodeText("Hundreds protested in the capital.");
  const Event* e = OnlyEvent(cd, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  const Count* c = OnlyCount(*e);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->role, Role::kParticipants);
  EXPECT_EQ(c->value, std::nullopt);
  EXPECT_EQ(c->low, 200);
  EXPECT_EQ(c->high, 999);
  EXPECT_TRUE(c->approximate);
  EXPECT_EQ(Text(cd, c->span), "Hundreds");
}

TEST(EventAssembler, NearlyGivesValueAndRangeBelowIt) {
  auto cd = CodeText("Nearly 1,000 people protested in the capital.");
  const Event* e = OnlyEvent(cd, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  const Count* c = OnlyCount(*e);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->value, 1000);
  EXPECT_EQ(c->low, 900);
  EXPECT_EQ(c->high, 999);
  EXPECT_TRUE(c->approximate);
  EXPECT_EQ(Text(cd, c->span), "Nearly 1,000 people");
}

TEST(EventAssembler, AtLeastHasNoUpperBound) {
  auto cd = CodeText("At least 20 people were arrested.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  const Count* c = OnlyCount(*e);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->value, 20);
  EXPECT_EQ(c->low, 20);
  EXPECT_EQ(c->high, std::nullopt);
}

TEST(EventAssembler, AgeIsNotACount) {
  auto cd = CodeText("A 24-year-old student was arrested.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  const Count* c = OnlyCount(*e);
  ASSERT_NE(c, nullptr);
  ExpectExact(*c, Role::kArrested, 1);
  EXPECT_FALSE(HasCountValue(cd, 24));
  auto active = CodeText("Police arrested a 24-year-old student.");
  EXPECT_FALSE(HasCountValue(active, 24));
  ASSERT_EQ(active.events.size(), 1u);
  ASSERT_EQ(active.events[0].counts.size(), 1u);
  EXPECT_EQ(active.events[0].counts[0].value, 1);
}

TEST(EventAssembler, MoneyIsNotACount) {
  auto cd = CodeText("Police fined 3 protesters 500 tenge each.");
  const Event* e = OnlyEvent(cd, EventType::kSentence);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->mode, "fine");
  const Count* c = OnlyCount(*e);
  ASSERT_NE(c, nullptr);
  ExpectExact(*c, Role::kFined, 3);
  EXPECT_FALSE(HasCountValue(cd, 500));
  auto dollars = CodeText("The man was fined $500.");
  EXPECT_FALSE(HasCountValue(dollars, 500));
  auto seized = CodeText("Police arrested 12 people, seizing $40,000 in cash.");
  EXPECT_FALSE(HasCountValue(seized, 40000));
  EXPECT_TRUE(HasCountValue(seized, 12));
}

TEST(EventAssembler, DurationIsNotACount) {
  auto cd = CodeText("A man was jailed for 15 days.");
  const Event* e = OnlyEvent(cd, EventType::kSentence);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->mode, "jail");
  const Count* c = OnlyCount(*e);
  ASSERT_NE(c, nullptr);
  ExpectExact(*c, Role::kJailed, 1);
  EXPECT_FALSE(HasCountValue(cd, 15));
  auto group = CodeText("The activists were jailed for 15 days.");
  EXPECT_FALSE(HasCountValue(group, 15));
}

// --- Dates -------------------------------------------------------------------------------

TEST(EventAssembler, WeekdayResolvesBeforePublication) {
  auto cd = CodeText("Police arrested 15 people on Tuesday.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->date.has_value());
  EXPECT_EQ(FormatIsoDate(e->date->value), "2026-03-10");
  EXPECT_EQ(e->date->basis, "relative");
  EXPECT_EQ(e->date->precision, "day");
  EXPECT_EQ(Text(cd, e->date->span), "Tuesday");
}

TEST(EventAssembler, ExplicitDateWins) {
  auto cd = CodeText("Police detained 12 people on 3 March 2026.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->date.has_value());
  EXPECT_EQ(FormatIsoDate(e->date->value), "2026-03-03");
  EXPECT_EQ(e->date->basis, "explicit");
  EXPECT_EQ(Text(cd, e->date->span), "3 March 2026");
}

TEST(EventAssembler, FallsBackToThePublicationDate) {
  auto cd = CodeText("Police detained 12 activists.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->date.has_value());
  EXPECT_EQ(FormatIsoDate(e->date->value), "2026-03-14");
  EXPECT_EQ(e->date->basis, "published");
  EXPECT_TRUE(e->date->span.empty());
  EXPECT_EQ(e->date->span.begin, 0u);
}

TEST(EventAssembler, NoDateWithoutPublicationOrExplicitDate) {
  auto cd = CodeText("Police arrested 15 people on Tuesday.", /*published=*/"");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  EXPECT_FALSE(e->date.has_value());
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(e->counts[0].value, 15);
}

TEST(EventAssembler, LaterSentenceKeepsTheEarlierDayPreciseDate) {
  auto cd = CodeText("Protesters gathered in Veloria on Tuesday. Police arrested 15 people.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->date.has_value());
  EXPECT_EQ(FormatIsoDate(e->date->value), "2026-03-10");
}

// A subordinating word between the trigger and a date puts the date in another clause: a date
// of the trigger's own clause is nearer.
TEST(EventAssembler, DateOfTheTriggersOwnClauseWins) {
  auto cd = CodeText("A farmer was arrested Friday after he shot his neighbour on the Kellmar road Thursday.");
  std::string dates;  // "trigger=date" of each event
  for (const auto& e : cd.events)
    dates += std::string(Text(cd, e.trigger)) + "=" + (e.date ? FormatIsoDate(e.date->value) : "none") + " ";
  EXPECT_EQ(dates, "arrested=2026-03-13 shot=2026-03-12 ");
}

// A parenthesis right after a date glosses it (the span of days it stands for, "as reported"):
// the dates inside do not date the event, even when nearer its trigger.
TEST(EventAssembler, DatesGlossingADateInParenthesesDoNotDateTheEvent) {
  auto cd = CodeText("Around 12 March 2026 (between 10 March - 13 March), gunmen killed two farmers near Kellmar.");
  const Event* e = OnlyEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->date.has_value());
  EXPECT_EQ(FormatIsoDate(e->date->value), "2026-03-12");
  EXPECT_EQ(Text(cd, e->date->span), "12 March 2026");
}

// "was reported on Tuesday" is a passive: it dates the event reported, not a statement.
TEST(EventAssembler, PassiveReportedDatesTheEvent) {
  auto cd = CodeText(
      "A Kellmar woman was arrested on Friday after a shooting near the harbour that was reported on "
      "Tuesday night.");
  std::string dates;  // "trigger=date" of each event
  for (const auto& e : cd.events)
    dates += std::string(Text(cd, e.trigger)) + "=" + (e.date ? FormatIsoDate(e.date->value) : "none") + " ";
  EXPECT_EQ(dates, "arrested=2026-03-13 shooting=2026-03-10 ");
}

// A day fronting the sentence ("On 12 March 2026, ...") dates its clause: another date inside
// it does not beat it, unless it directly follows its own trigger ("arrested in January").
TEST(EventAssembler, FrontedDayBeatsANearerDate) {
  auto night = CodeText(
      "On 12 March 2026, in the Kellmar district of Veloria, hundreds of residents protested the killing "
      "of a farmer the previous night.");
  const Event* protest = OnlyEvent(night, EventType::kProtest);
  ASSERT_NE(protest, nullptr);
  ASSERT_TRUE(protest->date.has_value());
  EXPECT_EQ(FormatIsoDate(protest->date->value), "2026-03-12");
  auto cd = CodeText(
      "On 12 March 2026, in the Kellmar district of Veloria, relatives of prisoners arrested in January "
      "protested outside the jail.");
  std::string dates;  // "trigger=date" of each event
  for (const auto& e : cd.events)
    dates += std::string(Text(cd, e.trigger)) + "=" + (e.date ? FormatIsoDate(e.date->value) : "none") + " ";
  EXPECT_EQ(dates, "arrested=2026-01-01 protested=2026-03-12 ");
}

// A later sentence's event takes the latest earlier date, but not a statement's ("police said
// Thursday") when the earlier sentence states another.
TEST(EventAssembler, LaterSentenceSkipsAnEarlierStatementDate) {
  auto cd = CodeText(
      "A bus driver was found on the road in Kellmar on Wednesday evening, police said Thursday. The "
      "driver had been shot twice.");
  const Event* e = OnlyEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->date.has_value());
  EXPECT_EQ(FormatIsoDate(e->date->value), "2026-03-11");
  EXPECT_EQ(Text(cd, e->date->span), "Wednesday evening");
}

// With no day stated in its sentence or before, an event takes the first day stated in the
// next sentences ("It happened on Sunday"), but not from far down the story (a funeral).
TEST(EventAssembler, EventTakesTheDayOfANextSentence) {
  auto cd = CodeText(
      "A 16-year-old boy was flown to a hospital after he was accidentally shot. It happened on Sunday "
      "afternoon near Kellmar.");
  const Event* e = OnlyEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->date.has_value());
  EXPECT_EQ(FormatIsoDate(e->date->value), "2026-03-08");
  EXPECT_EQ(e->date->basis, "relative");
  EXPECT_EQ(Text(cd, e->date->span), "Sunday afternoon");
  auto far = CodeText(
      "A 16-year-old boy was accidentally shot at a farm near Kellmar. The family has set up a fund. "
      "Neighbours describe him as a keen footballer. His school opened its doors to pupils. Teachers "
      "spoke to every class. A service will be held on Tuesday.");
  e = OnlyEvent(far, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->date.has_value());
  EXPECT_EQ(e->date->basis, "published");
}

// A month-day without a year is read up to 92 days ahead (hearings, planned rallies), but an
// event the text reports as done cannot lie after publication: it takes the year before.
TEST(EventAssembler, HappenedEventTakesThePastYearOfAMonthDay) {
  auto cd = CodeText("A man was shot dead outside a bar on March 29, police said.");
  const Event* e = OnlyEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->date.has_value());
  EXPECT_EQ(FormatIsoDate(e->date->value), "2025-03-29");
  EXPECT_EQ(e->date->basis, "relative");
  EXPECT_EQ(Text(cd, e->date->span), "March 29");
  // A planned event keeps the reading ahead.
  auto planned = CodeText("Teachers will protest outside the ministry on March 29.");
  ASSERT_FALSE(planned.events.empty());
  ASSERT_TRUE(planned.events[0].date.has_value());
  EXPECT_EQ(FormatIsoDate(planned.events[0].date->value), "2026-03-29");
}

// A later sentence's event does not take a date ahead of publication from an earlier sentence
// (a court date): the latest earlier date on or before publication instead.
TEST(EventAssembler, LaterSentenceSkipsAnEarlierDateAheadOfPublication) {
  auto cd = CodeText(
      "Two men were arrested on Friday and are due in court on March 20. Police said one of them had "
      "shot a woman.");
  ASSERT_EQ(cd.events.size(), 2u) << cd.doc.text;
  const Event& shot = cd.events[1];
  EXPECT_EQ(shot.type, EventType::kAssault);
  ASSERT_TRUE(shot.date.has_value());
  EXPECT_EQ(FormatIsoDate(shot.date->value), "2026-03-13");
  EXPECT_EQ(Text(cd, shot.date->span), "Friday");
}

// --- Actors, places, sources ---------------------------------------------------------------

// "Members of the Kelmar cartel", "supporters of the Dorvan Party": the actor is the group
// its members are of, named in full, and takes the group's sector when the table has it.
TEST(EventAssembler, MembersOfAGroupAreTheActorWithTheirGroup) {
  struct Case {
    const char* text;
    EventType type;
    const char* actor;
    Sector sector;
  };
  for (const Case& c : {
           Case{"Members of the Kelmar cartel delivered food packages in Varta on Monday.", EventType::kAid,
                "Members of the Kelmar cartel", Sector::kUnknown},
           Case{"Supporters of the Dorvan Party attacked a rally in Varta on Monday.", EventType::kAssault,
                "Supporters of the Dorvan Party", Sector::kUnknown},
           Case{"Members of the security forces arrested 12 people in Varta on Monday.", EventType::kArrest,
                "Members of the security forces", Sector::kPolice},
           Case{"A reporter was beaten by members of the National Guard in Varta on Monday.", EventType::kAssault,
                "members of the National Guard", Sector::kPolice},
           Case{"Supporters of the police chief attacked a rally in Varta on Monday.", EventType::kAssault,
                "Supporters of the police chief", Sector::kUnknown},
       }) {
    auto cd = CodeText(c.text);
    const Event* e = OnlyEvent(cd, c.type);
    ASSERT_NE(e, nullptr) << c.text;
    ASSERT_TRUE(e->actor.has_value()) << c.text;
    EXPECT_EQ(Text(cd, e->actor->span), c.actor) << c.text;
    EXPECT_EQ(e->actor->sector, c.sector) << c.text;
  }
}

TEST(EventAssembler, DemonymGivesTheActorsCountry) {
  auto cd = CodeText("Kazakh police detained 12 activists in Almaty.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->actor.has_value());
  EXPECT_EQ(Text(cd, e->actor->span), "Kazakh police");
  EXPECT_EQ(e->actor->sector, Sector::kPolice);
  EXPECT_EQ(e->actor->country, "KZ");
  ASSERT_TRUE(e->target.has_value());
  EXPECT_EQ(e->target->sector, Sector::kActivists);
  ASSERT_TRUE(e->location.has_value());
  EXPECT_EQ(e->location->country, "KZ");
}

TEST(EventAssembler, NoCountryWithoutACountryWord) {
  auto cd = CodeText("Police detained 12 activists.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->actor.has_value());
  EXPECT_EQ(e->actor->country, "");
  EXPECT_FALSE(e->location.has_value());
  // Country names are proper nouns: a lowercase demonym is not one.
  auto lower = CodeText("kazakh police detained 12 activists.");
  const Event* l = OnlyEvent(lower, EventType::kArrest);
  ASSERT_NE(l, nullptr);
  ASSERT_TRUE(l->actor.has_value());
  EXPECT_EQ(l->actor->country, "");
}

TEST(EventAssembler, CountryNameGivesTheLocationsCountry) {
  auto cd = CodeText("Police in Kazakhstan detained 12 activists.");
  const Event* e = OnlyPlacedEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(cd, e->location->span), "Kazakhstan");
  EXPECT_EQ(e->location->country, "KZ");
}

// "the 1300 block of Larchmont Avenue" is a US street address, not a blockade; blocking a road is.
TEST(EventAssembler, AStreetBlockIsNoBlockade) {
  auto cd = CodeText(
      "A man was shot in the 1300 block of Larchmont Avenue on Sunday. Police closed the street for about a block "
      "each side.");
  for (const auto& e : cd.events) EXPECT_NE(e.type, EventType::kProtest) << Text(cd, e.trigger);
  auto road = CodeText("Hundreds of farmers blocked the highway near the capital on Monday.");
  const Event* e = OnlyEvent(road, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->mode, "blockade");
}

// "engaged in a fire fight" is a clash that happened; "set on fire" is no shooting (the verb
// "fire" inside it was coded as a hypothetical one).
TEST(EventAssembler, FireFightIsAClashAndSetOnFireNoShooting) {
  auto cd = CodeText("A fire fight broke out between troops and rebels near Kelmora on 1 May 2020.");
  const Event* e = OnlyEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->status, EventStatus::kHappened);
  EXPECT_EQ(e->mode, "clash");
  auto arson = CodeText("Unknown people set a shop on fire overnight in Kelmora.");
  for (const auto& ev : arson.events) EXPECT_NE(ev.mode, "shooting") << ev.trigger.Of(arson.doc.text);
}

// Releasing a suspect sketch or a victim's name is no release of people; releasing suspects is.
TEST(EventAssembler, ReleasingANameOrASketchIsNoRelease) {
  for (std::string text : {"Detectives released a suspect sketch after the robbery on Monday.",
                           "The coroner's office did not release the driver's name.",
                           "The coroner released the victims' names on Tuesday."}) {
    auto cd = CodeText(text);
    for (const auto& ev : cd.events) EXPECT_NE(ev.type, EventType::kRelease) << text;
  }
  auto real = CodeText("Police released two suspects on Monday.");
  const Event* e = OnlyEvent(real, EventType::kRelease);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(e->counts[0].value, 2);
}

// A passive whose subject is a picture, a name or a record of people releases no people.
TEST(EventAssembler, PassiveReleaseOfNamesIsNoRelease) {
  for (std::string text : {"The names of the three wounded marchers have not yet been released by the police.",
                           "Identities for the two other injured men were not released on Sunday.",
                           "Autopsy reports for all four slain villagers were released by the coroner.",
                           "A video of a detained student was released on Friday."}) {
    auto cd = CodeText(text);
    for (const auto& ev : cd.events) EXPECT_NE(ev.type, EventType::kRelease) << text;
  }
  auto real = CodeText("Three detained students were released by the police on Friday.");
  const Event* e = OnlyEvent(real, EventType::kRelease);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(e->counts[0].value, 3);
}

// Leaving a hospital is no release from custody: "released from the hospital", "from Kelmora
// General Hospital", "treated and released", and a sentence about care and nothing about
// custody. A release from custody that mentions a hospital is still one.
TEST(EventAssembler, ReleaseFromHospitalIsNoRelease) {
  for (std::string text : {"The cyclist was released from the hospital late on Tuesday.",
                           "Two of the wounded were released from Kelmora General Hospital on Monday.",
                           "Both women were treated and released at the scene.",
                           "All five victims were treated at a local trauma center and were released.",
                           "One man is still hospitalized, while three others have been released."}) {
    auto cd = CodeText(text);
    for (const auto& ev : cd.events) EXPECT_NE(ev.type, EventType::kRelease) << text;
  }
  for (std::string text : {"Police released 20 detained protesters on Monday; two were treated at a hospital.",
                           "The authorities released 12 marchers from custody to a hospital on Sunday."}) {
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, EventType::kRelease);
    ASSERT_NE(e, nullptr) << text;
    ASSERT_EQ(e->counts.size(), 1u) << text;
  }
}

// A number of killings over a period is a statistic, no event; a toll "so far" and a dated
// event's killings are events.
TEST(EventAssembler, KillingsOverAPeriodAreAStatistic) {
  for (std::string text : {"There have been 31 homicides in Kelmora so far this year, police said.",
                           "In 2019, the county recorded 57 murders.",
                           "The town sees about 12 shootings a year."}) {
    auto cd = CodeText(text);
    for (const auto& ev : cd.events)
      EXPECT_TRUE(ev.counts.empty()) << text << ": " << ev.trigger.Of(cd.doc.text);
  }
  for (std::string text : {"We know of 30 deaths so far, the mayor said.",
                           "New details emerged about last month's murders of six people in Kelmora."}) {
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << text;
    ASSERT_EQ(e->counts.size(), 1u) << text;
  }
}

// "N shot, M fatally": M died, a count of the same assault.
TEST(EventAssembler, NumberBeforeFatallyIsKilled) {
  for (auto [text, killed] : std::vector<std::pair<std::string, int64_t>>{
           {"Four villagers were shot, one fatally, near Kelmora on Monday.", 1},
           {"Five guards were stabbed, two of them fatally, at the Dorvan depot.", 2}}) {
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << text;
    bool found = false;
    for (const auto& c : e->counts)
      if (c.role == Role::kKilled) {
        found = true;
        EXPECT_EQ(c.value, killed) << text;
      }
    EXPECT_TRUE(found) << text;
  }
}

// A camera or a video "captures" a picture, not a person.
TEST(EventAssembler, VideoCapturingSomeoneIsNoArrest) {
  for (std::string text : {"Surveillance video captured a masked gunman firing at the crowd in Kelmora.",
                           "Security cameras captured two men fleeing the shop on Friday."}) {
    auto cd = CodeText(text);
    for (const auto& ev : cd.events) EXPECT_NE(ev.type, EventType::kArrest) << text;
  }
  auto real = CodeText("Soldiers captured two gunmen near Kelmora on Friday.");
  const Event* e = OnlyEvent(real, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(e->counts[0].value, 2);
}

// Numbered groups coordinated before the verb are each counted, never summed; a group an
// earlier verb acts on is not the later verb's subject.
TEST(EventAssembler, CoordinatedGroupsAreCountedEach) {
  auto both = CodeText("Five inmates and two guards were injured in the riot at Kelmora jail.");
  const Event* e = OnlyEvent(both, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  std::vector<int64_t> values;
  for (const auto& c : e->counts) values.push_back(c.value.value_or(-1));
  std::sort(values.begin(), values.end());
  EXPECT_EQ(values, (std::vector<int64_t>{2, 5}));
  auto list = CodeText("Three students, two teachers, and four drivers were detained in Dorvan on Monday.");
  const Event* l = OnlyEvent(list, EventType::kArrest);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->counts.size(), 3u);
  auto object = CodeText("Police detained 5 men and 2 women were hurt in the crush.");
  for (const auto& ev : object.events) {
    if (ev.type != EventType::kAssault) continue;
    ASSERT_EQ(ev.counts.size(), 1u);
    EXPECT_EQ(ev.counts[0].value, 2);
  }
}

// A participle coordinated with an earlier passive verb shares its counted subject; a
// relative clause ("who was charged") has a subject of its own.
TEST(EventAssembler, CoordinatedParticipleSharesThePassiveSubject) {
  auto charged = CodeText("Four marchers were arrested on Monday and charged with blocking a road in Kelmora.");
  const Event* c = OnlyEvent(charged, EventType::kCharge);
  ASSERT_NE(c, nullptr);
  ASSERT_EQ(c->counts.size(), 1u);
  EXPECT_EQ(c->counts[0].value, 4);
  auto released = CodeText("Twelve students were detained by police in Dorvan and later released.");
  const Event* r = OnlyEvent(released, EventType::kRelease);
  ASSERT_NE(r, nullptr);
  ASSERT_EQ(r->counts.size(), 1u);
  EXPECT_EQ(r->counts[0].value, 12);
  auto relative = CodeText("Two guards were killed by a man from Kelmora, who was charged with murder on Friday.");
  const Event* k = OnlyEvent(relative, EventType::kCharge);
  ASSERT_NE(k, nullptr);
  for (const auto& x : k->counts) EXPECT_NE(x.value, 2) << "the guards were not charged";
}

// One person named with a phrase after the noun ("a suspect of arson", "a man from Kelmora")
// opening the clause is the passive's subject; a person inside another noun's phrase is not.
TEST(EventAssembler, OnePersonWithAPhraseAfterTheNoun) {
  auto cd = CodeText("A fight broke out and a suspect of cattle theft was shot and injured near Dorvan.");
  const Event* e = OnlyEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(e->counts[0].value, 1);
  auto house = CodeText("The house of a farmer was attacked in Dorvan on Sunday.");
  for (const auto& ev : house.events) EXPECT_TRUE(ev.counts.empty());
}

// "X, who was killed": the relative pronoun's antecedent is the person counted, not a place in
// a phrase after it.
TEST(EventAssembler, RelativeWhoCountsItsAntecedent) {
  auto cd = CodeText("Mourners gathered for a student from Kelmora, who was killed by a stray bullet last week.");
  const Event* e = OnlyEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(e->counts[0].value, 1);
  EXPECT_EQ(e->counts[0].span.Of(cd.doc.text), "a student");
}

// A participle right after an age standing for a person is a reduced relative: the person
// is counted ("a 16-year-old arrested on Monday").
TEST(EventAssembler, AgeBeforeAParticipleIsItsSubject) {
  auto cd = CodeText("A 16-year-old arrested in Kelmora on Monday was questioned by detectives.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(e->counts[0].value, 1);
  // Also before a participle phrase ("shot and killed"); an object after the verb makes it
  // active, and the subject the one who shot ("shot his grandfather", "charged Kelm Dorvan").
  auto phrase = CodeText("Relatives of a 19-year-old shot and killed by a guard in Dorvan demanded an inquiry.");
  const Event* p = OnlyEvent(phrase, EventType::kAssault);
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->counts.size(), 1u);
  EXPECT_EQ(p->counts[0].role, Role::kKilled);
  auto active = CodeText("A 9-year-old boy shot his uncle during a party in Kelmora on Sunday.");
  const Event* a = OnlyEvent(active, EventType::kAssault);
  ASSERT_NE(a, nullptr);
  for (const auto& c : a->counts) EXPECT_NE(c.span.Of(active.doc.text), "A 9-year-old boy");
}

// Manner adverbs and "found" stand between a subject and its passive verb as "later" does.
TEST(EventAssembler, MannerAdverbsAndFoundBeforeThePassive) {
  for (auto [text, role, value] : std::vector<std::tuple<std::string, Role, int64_t>>{
           {"A 15-year-old was accidentally shot and killed near Kelmora on Sunday.", Role::kKilled, 1},
           {"Three herders were found shot to death outside Dorvan.", Role::kKilled, 3},
           {"Two students were arbitrarily detained in Kelmora on Monday.", Role::kArrested, 2}}) {
    EXPECT_TRUE(HasCount(CodeText(text), role, value)) << text;
  }
}

// An age before a name stands for one person as the object of a verb.
TEST(EventAssembler, AgeAndNameAsObjectIsOnePerson) {
  auto cd = CodeText("Police in Kelmora arrested 19-year-old Mara Dorvan on Friday.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(e->counts[0].value, 1);
  EXPECT_EQ(e->counts[0].span.Of(cd.doc.text), "19-year-old Mara Dorvan");
}

// One person arrested, stated without a number: an age standing for a person before a
// preposition, a single surname as the object, an age and a name with the place the person is
// from before a passive, and "took him into custody". Not a name before a noun.
TEST(EventAssembler, OnePersonArrestedWithoutANumber) {
  for (auto [text, span] : std::vector<std::pair<std::string, std::string>>{
           {"Officers in Kelmora arrested the 15-year-old for the robbery.", "the 15-year-old"},
           {"Detectives say they arrested a 17-year-old with a stolen rifle.", "a 17-year-old"},
           {"Deputies named the suspect as Aldo Varrick, 24. They arrested Varrick at his apartment in Dorvan.",
            "Varrick"},
           {"22-year-old Tomas Heller Vane of Kelmora was arrested by state troopers.",
            "22-year-old Tomas Heller Vane"},
           {"Deputies took him into custody on Friday.", "him"},
           {"Later that evening the victim's cousin was under arrest.", "the victim's cousin"},
           {"Officers placed the driver under arrest after the chase.", "the driver"},
           {"Kelmora police have made an arrest in the killing of a grocer.", "an arrest"}}) {
    SCOPED_TRACE(text);
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, EventType::kArrest);
    const Count* c = e != nullptr ? OnlyCount(*e) : nullptr;
    if (c == nullptr) continue;
    ExpectExact(*c, Role::kArrested, 1);
    EXPECT_EQ(Text(cd, c->span), span);
  }
  // A capitalized word before a noun names a group, not a person; a single name the text has
  // not named in full before is not counted.
  for (std::string text : {"Soldiers arrested Dorvani fighters at the border.",
                           "Police said they arrested Varrick at his apartment in Dorvan."}) {
    auto cd = CodeText(text);
    for (const auto& e : cd.events)
      for (const auto& c : e.counts) ADD_FAILURE() << text << ": " << Text(cd, c.span);
  }
  // An arrest still to make is none that happened; one they were able to make is.
  auto planned = CodeText("Detectives in Kelmora are working to make an arrest in the case.");
  EXPECT_FALSE(HasCount(planned, Role::kArrested, 1));
  const Event* p = OnlyEvent(planned, EventType::kArrest);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->status, EventStatus::kHypothetical);
  const Event* able = OnlyEvent(CodeText("Deputies in Dorvan were able to make an arrest on Sunday."), EventType::kArrest);
  ASSERT_NE(able, nullptr);
  EXPECT_EQ(able->status, EventStatus::kHappened);
  // A title before its dot is no name of its own.
  auto title = CodeText("Aldo Varrick and his father were questioned. Officers arrested Mr. Varrick later.");
  for (const auto& e : title.events)
    for (const auto& c : e.counts) EXPECT_NE(Text(title, c.span), "Mr");
}

// Coordinated people are counted per conjunct, never summed (the labelling guideline: "A truck
// driver and helper were injured" is 1 + 1), as subject or object, also names for a sanction
// and ages after the names; numbered groups the same ("arrested five men and two women": 5
// and 2).
TEST(EventAssembler, CoordinatedPeopleAreCountedPerConjunct) {
  for (auto [text, role, first, second] : std::vector<std::tuple<std::string, Role, std::string, std::string>>{
           {"A man and a woman were shot outside a Dorvan bar on Friday.", Role::kInjured, "A man", "a woman"},
           {"Police arrested a man and his son after the robbery in Kelmora.", Role::kArrested, "a man", "his son"},
           {"Aldo Varrick and Nila Dorn were arrested in Kelmora on Friday.", Role::kArrested, "Aldo Varrick",
            "Nila Dorn"},
           {"Aldo Varrick, 24, and Nila Dorn, 22, were arrested in Kelmora.", Role::kArrested, "Aldo Varrick",
            "Nila Dorn"},
           {"Police in Kelmora arrested Aldo Varrick, 24, and Nila Dorn, 22, on Friday.", Role::kArrested,
            "Aldo Varrick", "Nila Dorn"},
           {"Police arrested five men and two women in Kelmora on Friday.", Role::kArrested, "five men",
            "two women"},
           {"A 40-year-old man shot and killed his cousin and two others inside a Kelmora home.", Role::kKilled,
            "his cousin", "two others"},
           {"The district police chief and his bodyguard were killed in Kelmora.", Role::kKilled,
            "The district police chief", "his bodyguard"},
           {"A truck driver and his helper were injured near Dorvan.", Role::kInjured, "A truck driver",
            "his helper"},
           {"A farmer and herder were injured in a clash near Dorvan.", Role::kInjured, "A farmer", "herder"}}) {
    SCOPED_TRACE(text);
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, role == Role::kArrested ? EventType::kArrest : EventType::kAssault);
    if (e == nullptr) continue;
    std::vector<std::string> spans;
    for (const auto& c : e->counts) {
      EXPECT_EQ(c.role, role);
      spans.push_back(std::string(Text(cd, c.span)));
    }
    std::sort(spans.begin(), spans.end());
    std::vector<std::string> want = {first, second};
    std::sort(want.begin(), want.end());
    EXPECT_EQ(spans, want);
  }
}

// Wounds worded by what hit the person: "grazed by a bullet", "struck by a stray bullet", "hit
// by gunfire", "a graze wound".
TEST(EventAssembler, HitByBulletsIsInjured) {
  for (std::string text : {"A 15-year-old boy was grazed in the leg during the Kelmora shooting.",
                           "A 9-year-old girl was struck by a stray bullet in Dorvan on Sunday.",
                           "Two men were hit by gunfire outside a Kelmora bar."}) {
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << text;
    const Count* c = OnlyCount(*e);
    ASSERT_NE(c, nullptr) << text;
    EXPECT_EQ(c->role, Role::kInjured) << text;
  }
}

// An event noun after a determiner and modifiers is the noun ("the fatal shooting of", "a
// brutal stabbing of"): its "of" names the people it befell; "fatal" and "deadly" make them dead.
TEST(EventAssembler, ModifiedEventNounCountsItsOfPhrase) {
  for (auto [text, role, value, span] : std::vector<std::tuple<std::string, Role, int64_t, std::string>>{
           {"Detectives are investigating the fatal shooting of a 13-year-old girl in Kelmora.", Role::kKilled, 1,
            "a 13-year-old girl"},
           {"Police said the brutal stabbing of a Dorvan shopkeeper was caught on camera.", Role::kInjured, 1,
            "a Dorvan shopkeeper"},
           {"Kelmora mourned after the deadly shooting of two brothers on Sunday.", Role::kKilled, 2,
            "two brothers"}}) {
    SCOPED_TRACE(text);
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, EventType::kAssault);
    const Count* c = e != nullptr ? OnlyCount(*e) : nullptr;
    if (c == nullptr) continue;
    ExpectExact(*c, role, value);
    EXPECT_EQ(Text(cd, c->span), span);
  }
  // The authors after "by" are no victims; "the order to arrest" is still the verb.
  auto by = CodeText("A grocer was killed in a drive-by shooting by two masked men in Dorvan.");
  EXPECT_FALSE(HasCount(by, Role::kInjured, 2));
  auto order = CodeText("The governor gave the order to arrest the drivers of the convoy.");
  const Event* o = OnlyEvent(order, EventType::kArrest);
  ASSERT_NE(o, nullptr);
  EXPECT_EQ(o->status, EventStatus::kHypothetical);
}

// "the shooting death of X" names the dead, also by an age and a name.
TEST(EventAssembler, ShootingDeathOfCountsTheDead) {
  for (auto [text, value] : std::vector<std::pair<std::string, int64_t>>{
           {"Varo Kelm, 19, was charged in the shooting death of 20-year-old Nila Dorn.", 1},
           {"Two men were arrested in the stabbing deaths of three guards at the Dorvan depot.", 3}}) {
    EXPECT_TRUE(HasCount(CodeText(text), Role::kKilled, value)) << text;
  }
}

// People taken to hospital or treated for wounds were injured.
TEST(EventAssembler, TakenToHospitalIsInjured) {
  for (std::string text : {"Six marchers were taken to hospital after the rally in Kelmora.",
                           "Six guards were treated for gunshot wounds at the Dorvan depot.",
                           "Six marchers were rushed to Kelmora General Hospital after the rally.",
                           "Six guards were airlifted to St. Vell's Medical Center from the depot."}) {
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << text;
    ASSERT_EQ(e->counts.size(), 1u) << text;
    EXPECT_EQ(e->counts[0].role, Role::kInjured) << text;
    EXPECT_EQ(e->counts[0].value, 6) << text;
  }
}

// "another" and "a third" standing alone as a subject are one more person.
TEST(EventAssembler, AnotherAndAThirdAreOnePerson) {
  for (std::string text : {"Two herders were killed near Kelmora and another was injured.",
                           "Two herders were killed near Kelmora and a third was wounded."}) {
    EXPECT_TRUE(HasCount(CodeText(text), Role::kInjured, 1)) << text;
  }
}

// A generational suffix ends a person's name.
TEST(EventAssembler, NameWithAGenerationalSuffixIsOnePerson) {
  for (std::string text : {"Darnell Kelm II was arrested in Dorvan on Friday.",
                           "Darnell Kelm Jr. was arrested in Dorvan on Friday."}) {
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, EventType::kArrest);
    ASSERT_NE(e, nullptr) << text;
    ASSERT_EQ(e->counts.size(), 1u) << text;
    EXPECT_EQ(e->counts[0].value, 1) << text;
  }
}

// A bare number opening a clause, with a phrase after it, is the passive's subject.
TEST(EventAssembler, BareNumberWithAPhraseOpeningTheClause) {
  auto cd = CodeText("On Monday, 40 inmates were freed, while around 120 from the Kelmora prison were set free.");
  EXPECT_TRUE(HasCount(cd, Role::kReleased, 120));
}

// Bail set or held on is custody, not release; bail made, posted or granted is release.
TEST(EventAssembler, BailHeldOnIsNoRelease) {
  for (std::string text : {"She is held on $250,000 bail at the county jail.",
                           "A judge set her bail at $75,000 on Tuesday.", "The two suspects remain held without bail."}) {
    auto cd = CodeText(text);
    for (const auto& ev : cd.events) EXPECT_NE(ev.type, EventType::kRelease) << text;
  }
  for (std::string text : {"He made bail on Friday, officials said.", "Kelmore was released on bond on Tuesday.",
                           "The two men posted bond on Monday."}) {
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, EventType::kRelease);
    ASSERT_NE(e, nullptr) << text;
    EXPECT_EQ(e->status, EventStatus::kHappened) << text;
    EXPECT_EQ(e->mode, "bail") << text;
  }
}

// "strike" the verb hits; the noun stops work.
TEST(EventAssembler, StrikeTheVerbIsNoStrike) {
  for (std::string text : {"The robber used a bat to strike the clerk twice.",
                           "Stray bullet strikes 9-year-old girl in the arm",
                           "Another storm is expected to strike the coast."}) {
    auto cd = CodeText(text);
    for (const auto& ev : cd.events) EXPECT_NE(ev.mode, "strike") << text;
  }
  for (std::string text : {"Nurses began a strike at three hospitals on Monday.",
                           "While strikes at two factories went on, workers rallied downtown."}) {
    auto cd = CodeText(text);
    bool strike = false;
    for (const auto& ev : cd.events) strike |= ev.mode == "strike";
    EXPECT_TRUE(strike) << text;
  }
}

// The people counted are those the event befalls: not the gunmen who open fire, not whoever
// is asked to call the police, not the head a wound is to.
TEST(EventAssembler, ShootersBodyPartsAndAnyoneAreNotVictims) {
  const std::pair<std::string, std::string_view> cases[] = {
      {"Two gunmen opened fire on a minibus near Orvanta on Monday.", "Two gunmen"},
      {"A masked gunman opened fire outside the Tollis Lounge late Friday.", "A masked gunman"},
      {"Anyone with information about the shooting is asked to call the sheriff's office.", "Anyone"},
      {"The cashier died of a gunshot wound to the head, the coroner said.", "the head"}};
  for (const auto& [text, not_counted] : cases) {
    auto cd = CodeText(text);
    EXPECT_FALSE(cd.events.empty()) << text;
    for (const auto& ev : cd.events)
      for (const auto& c : ev.counts) EXPECT_NE(Text(cd, c.span), not_counted) << text;
  }
  auto gunmen = CodeText("Two gunmen opened fire on a minibus near Orvanta on Monday.");
  const Event* e = OnlyEvent(gunmen, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->counts.empty());
  ASSERT_TRUE(e->actor.has_value());
  EXPECT_EQ(Text(gunmen, e->actor->span), "gunmen");
  auto wound = CodeText("The cashier died of a gunshot wound to the head, the coroner said.");
  e = OnlyEvent(wound, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(Text(wound, e->counts[0].span), "The cashier");
  EXPECT_EQ(e->counts[0].role, Role::kKilled);
  // The people fired on are still counted.
  auto fired_on = CodeText("Soldiers opened fire on 40 marchers in Orvanta, wounding 12 of them.");
  EXPECT_TRUE(HasCount(fired_on, Role::kInjured, 12));
}

// Pleading guilty and facing charges are said of the people convicted and charged.
TEST(EventAssembler, PleadedGuiltyAndFaceChargesCountTheirSubject) {
  auto pleaded = CodeText("Three activists pleaded guilty to trespassing at the Kelmora depot.");
  const Event* e = OnlyEvent(pleaded, EventType::kConvict);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(e->counts[0].value, 3);
  EXPECT_EQ(e->counts[0].role, Role::kConvicted);
  auto face = CodeText("Five students face charges of vandalism after the sit-in.");
  e = OnlyEvent(face, EventType::kCharge);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(e->counts[0].value, 5);
  // Whoever presses the charges is not charged.
  auto pressed = CodeText("Two shop owners pressed charges against the driver.");
  e = OnlyEvent(pressed, EventType::kCharge);
  ASSERT_NE(e, nullptr);
  for (const auto& c : e->counts) EXPECT_NE(c.value, 2) << Text(pressed, c.span);
}

// A title naming the town places the events of a text that names none (basis "title", the
// span into the title); a town in the text wins over the title's.
TEST(EventAssembler, TitleTownPlacesEventsTheTextDoesNot) {
  auto code = CodeWithTitle;
  auto cd = code("Boy, 9, wounded in Rocky Mount shooting",
                 "A 9-year-old boy was shot and injured on Friday night at an apartment complex, police said.");
  const Event* e = OnlyPlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Rocky Mount");
  EXPECT_EQ(e->location->country, "US");
  EXPECT_EQ(e->location->basis, "title");
  EXPECT_EQ(e->location->span.Of(cd.doc.title), "Rocky Mount");
  EXPECT_FALSE(e->from_title);
  auto in_text = code("Boy, 9, wounded in Rocky Mount shooting",
                      "A 9-year-old boy was shot and injured in Tarboro on Friday night, police said.");
  const Event* t = OnlyPlacedEvent(in_text, EventType::kAssault);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->location->name, "Tarboro");
  EXPECT_EQ(t->location->basis, "same sentence");
}

// A title's town qualified by a state that holds none of its namesakes ("Tarboro, Iowa": no
// Tarboro of Iowa in the gazetteer) is a town of that state the gazetteer lacks, and still the
// title's town.
TEST(EventAssembler, TitleTownTheGazetteerLacksInItsStatePlacesEvents) {
  auto cd = CodeWithTitle("Boy, 9, wounded in Tarboro, Iowa",
                          "A 9-year-old boy was shot and injured on Friday night at an apartment complex, police said.");
  const Event* e = OnlyPlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Tarboro");
  EXPECT_EQ(e->location->admin1_code, "US-IA");
  EXPECT_EQ(e->location->basis, "title");
}

// An event that nothing near it places takes the title's town before the town the text names
// in passing (the headline names where it happened; the text "drove from Tarboro").
TEST(EventAssembler, TitleTownBeatsATownTheTextNamesInPassing) {
  auto cd = CodeWithTitle("Boy, 9, wounded in Rocky Mount shooting",
                          "A 9-year-old boy was shot and injured on Friday night at an apartment complex, police "
                          "said.\n\nHis grandmother drove from Tarboro to the hospital.");
  const Event* e = OnlyPlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Rocky Mount");
  EXPECT_EQ(e->location->basis, "title");
  EXPECT_EQ(e->location->span.Of(cd.doc.title), "Rocky Mount");
}

// The title's town is where it happened, not where someone lives ("Tarboro man charged in Rocky
// Mount shooting").
TEST(EventAssembler, TitleTownIsNotAResidence) {
  auto cd =
      CodeWithTitle("Tarboro man charged in Rocky Mount shooting",
                    "A 9-year-old boy was shot and injured on Friday night at an apartment complex, police said.");
  const Event* e = OnlyPlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Rocky Mount");
}

// A title's subdivision that is one city ("In D.C., gunfire wounds three") is the title's town:
// the events the text does not place are in Washington.
TEST(EventAssembler, TitleDistrictOfColumbiaIsATown) {
  auto cd = CodeWithTitle("In D.C., gunfire wounds three",
                          "Three people were wounded in separate shootings over the weekend, police said.");
  const Event* e = OnlyPlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Washington");
}

// A title's town written as its state's name ("... in New York quadruple murder": New York City
// or the state) is no title town: the events go to the town the text names (Colonie, New York).
TEST(EventAssembler, TitleTownNamedLikeItsStateIsNoTown) {
  auto cd = CodeWithTitle("Four found shot dead in New York quadruple murder",
                          "Four people were found shot dead inside a house on Wednesday, officials said.\n\n"
                          "The district attorney spoke at a news conference in Colonie.");
  const Event* e = OnlyPlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Colonie");
}

// A county the text names without its state ("in Lincoln County", a county of 24 states) is in
// the one state of the title's places ("... outside Mississippi high school"): its seat,
// Brookhaven. (A title town of that state would place the event, as it refines any county.)
TEST(EventAssembler, TitleStateGivesACountyItsSeat) {
  auto cd = CodeWithTitle("Teen shot outside Mississippi high school",
                          "A teenager was shot on a farm in Lincoln County early Sunday, the sheriff said.");
  const Event* e = OnlyPlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Brookhaven");
}

// An event its sentence places only in a county with no known seat ("killed ... in Kelbrook
// County") took place in the town the title names in that county's state, the more precise place.
TEST(EventAssembler, TitleTownRefinesACounty) {
  auto cd = CodeWithTitle("Boy, 10, killed in Rocky Mount shooting",
                          "A 10-year-old boy was shot and killed Friday in Kelbrook County, the sheriff said.");
  const Event* e = OnlyPlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Rocky Mount");
  // A town of another state does not.
  auto other =
      CodeWithTitle("Boy, 10, killed in Tulsa shooting",
                    "A 10-year-old boy was shot and killed Friday in Kelbrook County, N.C., the sheriff said.");
  e = OnlyPlacedEvent(other, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Kelbrook County");
}

// A title stating an event the text does not report (the text is a paywall or sign-up note)
// gives the event, with its count and town, every span into the title.
TEST(EventAssembler, TitleStatesAnEventTheTextDoesNot) {
  auto cd = CodeTitleOnly("Four hurt in Rocky Mount drive-by shooting");
  const Event* e = OnlyEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->from_title);
  EXPECT_EQ(e->status, events::EventStatus::kHappened);
  EXPECT_EQ(e->trigger.Of(cd.doc.title), "hurt");
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(e->counts[0].role, Role::kInjured);
  EXPECT_EQ(e->counts[0].value, 4);
  ASSERT_TRUE(e->location.has_value());
  EXPECT_EQ(e->location->name, "Rocky Mount");
  EXPECT_EQ(e->location->basis, "title");
  EXPECT_EQ(e->location->span.Of(cd.doc.title), "Rocky Mount");
  ASSERT_TRUE(e->date.has_value());
  EXPECT_EQ(e->date->basis, "published");
  EXPECT_EQ(testing::ToJson(cd)["events"][0]["from"], "title");
}

// A headline in title case ("Two Men Shot Outside Bowling Alley In Rocky Mount") states its event
// as the same words in lower case would: capitals there say nothing about names. Its count and
// town are kept (the town is read from the capitals).
TEST(EventAssembler, TitleCaseHeadlineStatesItsEvent) {
  auto cd = CodeTitleOnly("Two Men Shot Outside Bowling Alley In Rocky Mount");
  const Event* e = OnlyEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->from_title);
  EXPECT_EQ(e->status, events::EventStatus::kHappened);
  EXPECT_EQ(e->trigger.Of(cd.doc.title), "Shot");
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(e->counts[0].role, Role::kInjured);
  EXPECT_EQ(e->counts[0].value, 2);
  ASSERT_TRUE(e->location.has_value());
  EXPECT_EQ(e->location->name, "Rocky Mount");

  auto single = CodeTitleOnly("Teen Wounded By Stray Bullet In Tarboro");
  e = OnlyPlacedEvent(single, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Tarboro");
  // A possessive with a curly apostrophe ("Father’s") is no lowercase word.
  auto curly = CodeTitleOnly("Toddler Accidentally Shoots Himself With Uncle\u2019s Pistol In Tarboro");
  e = OnlyEvent(curly, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->from_title);
  // A title that is only a name in capitals states nothing.
  auto name = CodeTitleOnly("Marlow Kelbrook Obituary - Kelmora Funeral Home");
  EXPECT_TRUE(name.events.empty());
}

// A demonym alone ("a Thai restaurant": a cuisine, an origin) places no story abroad: the title's
// town, else US local-news wording ("the 4500 block of"), says where it happened.
TEST(EventAssembler, DemonymAloneYieldsToTitleAndUsWording) {
  auto titled = CodeWithTitle("Three shot outside Thai restaurant in Rocky Mount",
                              "Three people were shot outside a Thai restaurant on Friday night.");
  const Event* e = OnlyPlacedEvent(titled, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->country, "US");
  EXPECT_EQ(e->location->name, "Rocky Mount");
  auto worded = CodeText("Three people were shot outside a Thai restaurant in the 4500 block of Kelvin Avenue.");
  e = OnlyPlacedEvent(worded, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->country, "US");
  // Nothing else says where: the demonym's country stays.
  auto alone = CodeText("Three Thai soldiers were shot dead at a checkpoint on Friday.");
  e = OnlyPlacedEvent(alone, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->country, "TH");
}

// A page with only `title` yields one happened assault, placed in `town`.
void ExpectTitleShootingIn(const char* title, const char* town) {
  auto cd = CodeTitleOnly(title);
  const Event* e = OnlyEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr) << title;
  EXPECT_EQ(e->status, events::EventStatus::kHappened) << title;
  ASSERT_TRUE(e->location.has_value()) << title;
  EXPECT_EQ(e->location->name, town) << title;
}

// A headline drops its articles ("Boy dies of gunshot wound"): a singular person noun opening it,
// alone or after an age ("12-year-old boy dies ..."), is the person the death befell, as in "A boy
// dies": the event is stated (with no count: the headline states none).
TEST(EventAssembler, HeadlineWithoutArticleCountsItsPerson) {
  for (const char* title : {"Boy dies of gunshot wound in Rocky Mount", "Teen dies after shooting in Rocky Mount",
                            "12-year-old boy dies of gunshot wound in Rocky Mount"}) {
    ExpectTitleShootingIn(title, "Rocky Mount");
  }
}

// A headline drops the article of "hit by a stray bullet" too: "hit by stray bullet", "struck by
// bullet" are shootings that injure.
TEST(EventAssembler, HeadlineBulletWithoutArticle) {
  for (const char* title : {"Boy hit by stray bullet outside Rocky Mount apartments",
                            "Woman struck by bullet while sleeping in Rocky Mount home"}) {
    ExpectTitleShootingIn(title, "Rocky Mount");
  }
}

// A place of the title in another country than the text's is a namesake: the title's event is
// placed where the text places the document.
TEST(EventAssembler, TitlePlaceAbroadYieldsToTheText) {
  auto cd = CodeWithTitle("Bethlehem man shot in the arm",
                          "Police in Allentown, Pennsylvania, arrested a suspect on Friday, officials said.");
  const Event* e = OnlyEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->from_title);
  ASSERT_TRUE(e->location.has_value());
  EXPECT_EQ(e->location->country, "US");
}

// The title repeats what the text reports: no second event. A type only the title states is
// added after the text's events.
TEST(EventAssembler, TitleAddsOnlyWhatTheTextLacks) {
  auto same = CodeWithTitle("Four hurt in Rocky Mount drive-by shooting",
                            "Four people were wounded in a drive-by shooting in Rocky Mount on Sunday night.");
  size_t assaults = 0;
  for (const auto& e : same.events) assaults += e.type == EventType::kAssault;
  EXPECT_EQ(assaults, 1u);
  for (const auto& e : same.events) EXPECT_FALSE(e.from_title);
  auto more = CodeWithTitle("Man arrested after Rocky Mount shooting",
                            "Four people were wounded in a drive-by shooting in Rocky Mount on Sunday night.");
  ASSERT_FALSE(more.events.empty());
  const Event& last = more.events.back();
  EXPECT_EQ(last.type, EventType::kArrest);
  EXPECT_TRUE(last.from_title);
  for (size_t i = 0; i + 1 < more.events.size(); ++i) EXPECT_FALSE(more.events[i].from_title);
}

// A title event the title does not place is placed where the text places the document: its
// dateline (span into the text).
TEST(EventAssembler, TitleEventWithoutPlaceTakesTheDateline) {
  auto cd = CodeWithTitle("Teen shot, wounded outside store",
                          "ROCKY MOUNT, N.C. (AP) - Officers responded to a call late on Saturday.");
  const Event* e = OnlyEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->from_title);
  ASSERT_TRUE(e->location.has_value());
  EXPECT_EQ(e->location->name, "Rocky Mount");
  EXPECT_EQ(e->location->basis, "dateline");
  EXPECT_EQ(e->location->span.Of(cd.doc.text), "ROCKY MOUNT");
}

// A place fronting the clause ("On <date>, in X, Y, ...") is where the clause happened, not a
// place nearer the trigger: where people came from, a quarter or road inside X.
TEST(EventAssembler, FrontedPlaceLocatesTheClause) {
  auto cd =
      CodeText("On 3 May 2020, in Tarboro, North Carolina, traders from Greenville protested outside the town hall.");
  const Event* e = OnlyPlacedEvent(cd, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Tarboro");
  EXPECT_EQ(e->location->basis, "same sentence");
  // A subdivision fronting the clause is wider than the town the clause names.
  auto wide = CodeText("On 3 May 2020, in North Carolina, traders protested outside the town hall in Tarboro.");
  const Event* w = OnlyPlacedEvent(wide, EventType::kProtest);
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->location->name, "Tarboro");
}

// An event at a site named after a place ("in the area of Kharkiv Airport"): the place is
// the town, the text the site as written. A facility someone is taken to is not the scene.
TEST(EventAssembler, SiteNamedAfterAPlaceKeepsItsWords) {
  auto cd = CodeText("On 3 May 2020, army units shelled militia positions in the area of Kharkiv Airport.");
  const Event* e = OnlyPlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Kharkiv");
  EXPECT_EQ(e->location->country, "UA");
  EXPECT_EQ(Text(cd, e->location->span), "Kharkiv Airport");
  auto taken = CodeText("A man was shot in Tarboro on Friday and flown to Greenville Airport, police said.");
  EXPECT_EQ(PlaceOfOnly(taken, EventType::kAssault), "Tarboro");
  // A coast named after its town, "Coast of X" in capitals, as coders name it: the words too.
  auto coast = CodeText("On 3 May 2020, drones struck a depot in Coast of Misrata and injured two guards.");
  e = OnlyPlacedEvent(coast, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->country, "LY");
  EXPECT_EQ(Text(coast, e->location->span), "Coast of Misrata");
}

// A part of a town written with two place nouns ("X village neighbourhood in Y district") is
// placed by the town, as with one; a place with one noun in nothing named is kept.
TEST(EventAssembler, TwoPlaceNounsBeforeTheTownHoldingThem) {
  auto cd = CodeText(
      "On 4 May 2020, militants fired a mortar which landed in Beelow village neighbourhood in Wardhiig-Karan "
      "district (Karan, Banadir).");
  const Event* e = OnlyPlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(cd, e->location->span), "Wardhiig-Karan");
  EXPECT_EQ(e->location->country, "SO");
  auto alone =
      CodeText("On 4 May 2020, militants fired a mortar which landed in Beelow village neighbourhood (Banadir).");
  const Event* a = OnlyPlacedEvent(alone, EventType::kAssault);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(Text(alone, a->location->span), "Beelow");
}

// A dateline naming a section of a city (GeoNames PPLX): the event is in the city, and its
// evidence is the words written.
TEST(EventAssembler, SectionOfACityPlacesTheEventInTheCity) {
  auto cd = CodeText("KREUZBERG — Two men were shot and injured outside a bar early on Sunday, police said.");
  const Event* e = OnlyPlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(cd, e->location->span), "KREUZBERG");
  EXPECT_EQ(e->location->name, "Berlin");
  EXPECT_EQ(e->location->country, "DE");
  EXPECT_EQ(e->location->geonames_id, 2950159);
  EXPECT_EQ(e->location->precision, "city");
}

// The District of Columbia is the city of Washington (data/admin1_seats.tsv, "whole"): an
// event the text places in "D.C." is in Washington, a city, not in a subdivision.
TEST(EventAssembler, TheDistrictOfColumbiaPlacesTheEventInWashington) {
  auto cd = CodeText("D.C. police said a man was shot and wounded late on Tuesday outside a shuttered bakery.");
  const Event* e = OnlyPlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(cd, e->location->span), "D.C.");
  EXPECT_EQ(e->location->name, "Washington");
  EXPECT_EQ(e->location->admin1_code, "US-DC");
  EXPECT_EQ(e->location->geonames_id, 4140963);
  EXPECT_EQ(e->location->precision, "city");
}

// Initials with dots after "in", "of" or a compass point name a place ("D.C." alone is no
// word): the event is in Washington.
TEST(EventAssembler, InitialsAfterInOrACompassPointArePlaces) {
  for (const char* text : {"Two teenagers were shot in Southeast D.C. on Saturday evening near a bus stop.",
                           "A woman was stabbed in D.C. on Monday, officers said."}) {
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << text;
    ASSERT_TRUE(e->location.has_value()) << text;
    EXPECT_EQ(Text(cd, e->location->span), "D.C.") << text;
    EXPECT_EQ(e->location->name, "Washington") << text;
    EXPECT_EQ(e->location->precision, "city") << text;
  }
}

// The event's place is the town, not its neighbourhood nor the district around it.
TEST(EventAssembler, TownBeatsItsNeighbourhoodAndItsDistrict) {
  auto hood = CodeText("On 3 May, in Marvale, Texas, police shot and injured a man in the Brookside neighborhood.");
  const Event* h = OnlyPlacedEvent(hood, EventType::kAssault);
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(Text(hood, h->location->span), "Marvale");
  EXPECT_EQ(h->location->country, "US");

  auto district =
      CodeText("On 7 May, soldiers and rebels clashed in Paletwa Town, Mindat District, and two soldiers were killed.");
  bool found = false;
  for (const auto& e : district.events) {
    if (e.type != EventType::kAssault || !e.location) continue;
    found = true;
    EXPECT_EQ(Text(district, e.location->span), "Paletwa");
  }
  EXPECT_TRUE(found);
}

// "X district of Y", "X district centre, Y": the district named by its seat town is finer than
// the province or city holding it, and the event is there.
TEST(EventAssembler, DistrictNamedByItsTownBeatsThePlaceHoldingIt) {
  auto of = CodeText("Two farmers were shot dead on Sunday in Bismil district of Diyarbakir, officials said.");
  const Event* e = OnlyPlacedEvent(of, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(of, e->location->span), "Bismil");
  EXPECT_EQ(e->location->country, "TR");

  auto centre = CodeText("On 2 June, a police officer was killed by gunmen in Baharak district centre, Badakhshan.");
  const Event* c = OnlyPlacedEvent(centre, EventType::kAssault);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(Text(centre, c->location->span), "Baharak");
  EXPECT_EQ(c->location->country, "AF");
}

// Error path of the rule above: a name after "the" is an institution's ("the School District
// of Waukesha"), not a district, so the event keeps the town.
TEST(EventAssembler, InstitutionNamedLikeADistrictKeepsTheTown) {
  auto cd = CodeText("A boy was shot and killed on Monday, according to the School District of Waukesha.");
  EXPECT_EQ(PlaceOfOnly(cd, EventType::kAssault), "Waukesha");

  // A municipality in a city is the city's own.
  auto city = CodeText("On 3 June, residents of La Vega protested in Libertador municipality in Caracas over water cuts.");
  const Event* p = OnlyPlacedEvent(city, EventType::kProtest);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(Text(city, p->location->span), "Caracas");
}

// "in Kelmora sector area (Uri, J&K)": a sector with a second place noun names a
// locality the gazetteer lacks, where the event happened, not the district in the parentheses.
TEST(EventAssembler, SectorAreaIsALocality) {
  auto cd = CodeText(
      "On 2 June, troops of the two armies traded fire along the border in Kelmora sector area (Uri, J&K).");
  const Event* e = OnlyPlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(cd, e->location->span), "Kelmora");
  EXPECT_EQ(e->location->country, "IN");
  // "the health sector" alone names no place.
  auto alone = CodeText("On 2 June, workers of the Bellmont sector protested in Jammu over unpaid wages.");
  EXPECT_EQ(PlaceOfOnly(alone, EventType::kProtest), "Jammu");
}

// "in Kelbara area (Mukalla, Hadramawt), located 9km east of Mukalla": the place the note's
// parentheses locate is where the event is coded; the town after a direction only describes
// where that place lies.
TEST(EventAssembler, PlaceTheParenthesesLocateBeatsTheTownItLiesNear) {
  auto km = CodeText(
      "On 3 May, tribesmen clashed with soldiers in Kelbara area (Mukalla, Hadramawt), located 9km east of Mukalla.");
  EXPECT_EQ(PlaceOfOnly(km, EventType::kAssault), "Kelbara");
  auto dir = CodeText("On 3 May, gunmen attacked a checkpoint at Kelmor (Bosaso, Bari), south of Bosaso town.");
  EXPECT_EQ(PlaceOfOnly(dir, EventType::kAssault), "Kelmor");
  // Error path: without the parentheses the town placed the village (coders split on it).
  auto bare = CodeText("On 3 May, gunmen attacked a checkpoint in Kelmor village south of Bosaso town.");
  EXPECT_EQ(PlaceOfOnly(bare, EventType::kAssault), "Bosaso");
}

// "at the Kelbara junction in Mogadishu-Hodan district": a junction, roundabout, bridge,
// intersection, crossing or square named after a place is a spot in the place where it happened.
TEST(EventAssembler, CrossingNamedAfterAPlaceRanksAfterThePlaceHoldingIt) {
  auto junction = CodeText(
      "On 3 May, gunmen threw a grenade at soldiers at the Kelbara junction in Mogadishu-Hodan district (Hodan, "
      "Banadir).");
  EXPECT_EQ(PlaceOfOnly(junction, EventType::kAssault), "Mogadishu-Hodan");
  // So does a road or highway named after one place: the place the sentence puts it in.
  auto highway = CodeText("On 3 May, protesters blocked the coastal Kelbara highway in Dorvane with burning tyres.");
  EXPECT_EQ(PlaceOfOnly(highway, EventType::kProtest), "Dorvane");
  // A spot on the road named after a place ("at the Dorvane bridge near Tashan") names it better.
  auto spot = CodeText(
      "On 3 May, drivers blocked the Kelbara highway at the Dorvane bridge near Tashan Kelmo in both directions.");
  EXPECT_NE(PlaceOfOnly(spot, EventType::kProtest), "Kelbara");
  // Error path: alone, the crossing's place still places the event.
  auto alone = CodeText("On 3 May, drivers blocked the Zahle roundabout with burning tyres over fuel prices.");
  EXPECT_EQ(PlaceOfOnly(alone, EventType::kProtest), "Zahle");
  // Nor does it yield when no place holding it follows: the road's region is no scene.
  auto at = CodeText("On 3 May, drivers blocked an Akkar road at the Halba intersection with burning tyres.");
  EXPECT_EQ(PlaceOfOnly(at, EventType::kProtest), "Halba");
}

// "raided Kelbara and Dorvane in Funtua LGA (Katsina)": an event over several villages of one
// district, LGA or sector is placed in that unit, named by its town, not in one of the villages.
TEST(EventAssembler, SeveralVillagesInOneDistrictPlaceTheEventThere) {
  auto two = CodeText("On 3 May, gunmen raided Kelbara and Dorvane in Funtua LGA (Katsina), killing four farmers.");
  const Event* e = OnlyPlacedEvent(two, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(two, e->location->span), "Funtua");
  EXPECT_EQ(e->location->country, "NG");
  auto three = CodeText(
      "On 3 May, bandits attacked Kelbara, Dorvane and Tashan Kelmo villages in Funtua LGA (Katsina) and stole "
      "cattle.");
  EXPECT_EQ(PlaceOfOnly(three, EventType::kAssault), "Funtua");
  auto district = CodeText(
      "On 3 May, troops shelled Kelbara and Dorvane villages in Jalalabad district, Nangarhar, killing a farmer.");
  EXPECT_EQ(PlaceOfOnly(district, EventType::kAssault), "Jalalabad");
  // A small town before "sector area" is the unit too, though it ranks first in the sentence.
  auto sector = CodeText(
      "On 1 May, troops of both armies exchanged fire across the LoC at Kelbara and Dorvane villages in Uri sector "
      "area (Baramulla district, J&K).");
  EXPECT_EQ(PlaceOfOnly(sector, EventType::kAssault), "Uri");
  // "..., all in Kelmor territory": the unit of the whole list (a territory of the DR Congo).
  auto all_in = CodeText(
      "On 1 May, rebels attacked the villages of Kelbara, Dorvane, Tashan Kelmo and Kelbe, all in Kelmora territory "
      "(Sud-Kivu), and looted houses.");
  EXPECT_EQ(PlaceOfOnly(all_in, EventType::kAssault), "Kelmora");
}

// Error path: one village in a district, or several places in a town that is no unit ("in
// Funtua town"), are not placed by that rule.
TEST(EventAssembler, OneVillageOrATownIsNoUnitOfSeveralVillages) {
  auto town = CodeText("On 3 May, gunmen raided Kelbara and Dorvane in Funtua town (Katsina), killing four farmers.");
  const Event* e = OnlyPlacedEvent(town, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_NE(Text(town, e->location->span), "Dorvane");
}

// "in Brankhoek (City of Johannesburg, Gauteng)": the parentheses locate the place before them,
// which is where the event happened, though the gazetteer lacks it and knows the city.
TEST(EventAssembler, PlaceBeforeTheParenthesesBeatsTheCityInThem) {
  auto cd = CodeText(
      "On 3 May, residents barricaded roads with burning tyres in Brankhoek (City of Johannesburg, Gauteng), "
      "demanding food parcels.");
  const Event* e = OnlyPlacedEvent(cd, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(cd, e->location->span), "Brankhoek");
  EXPECT_EQ(e->location->country, "ZA");
  // Parentheses after a name that is no place: the city in them places the event.
  auto venue = CodeText(
      "On 3 May, residents barricaded roads with burning tyres near the Brankhoek mall (City of Johannesburg, "
      "Gauteng).");
  EXPECT_EQ(PlaceOfOnly(venue, EventType::kProtest), "Johannesburg");
}

// A coder's note in square brackets names where the event is coded ("[coded to
// Athens-Kelmora Quarter]", "Kelbaroye [Kelbaroy] (Anchawadi, Gao)"): the event takes that name.
TEST(EventAssembler, CodedNameInBracketsPlacesTheEvent) {
  auto coded =
      CodeText("On 4 May, about 200 nurses picketed the town hall [coded to Athens-Kelmora Quarter] over pay.");
  EXPECT_EQ(PlaceOfOnly(coded, EventType::kProtest), "Athens-Kelmora Quarter");
  auto bare = CodeText("On 4 May, gunmen killed a herder in the area of Kelbaroye [Kelbaroy] (Anchawadi, Gao).");
  EXPECT_EQ(PlaceOfOnly(bare, EventType::kAssault), "Kelbaroy");
}

// The name a coder's bracket gives ("[coded to Athens-Kelmora Quarter]", "[Kelbani]") is where
// the events of its sentence are coded, before any other place the sentence names.
TEST(EventAssembler, CodedNameInBracketsBeatsOtherPlacesOfTheSentence) {
  auto other = CodeText(
      "On 30 April, rebels attacked an army post in Kelbara area, near the Kelmir military camp [Jabal Kelmir] "
      "(Khabb, Al Jawf), killing two soldiers.");
  EXPECT_EQ(PlaceOfOnly(other, EventType::kAssault), "Jabal Kelmir");
  auto city = CodeText("On 28 April, doctors rallied outside a central Athens hospital [coded to Athens-Kelmora Quarter].");
  EXPECT_EQ(PlaceOfOnly(city, EventType::kProtest), "Athens-Kelmora Quarter");
  // Outside brackets too: "coded in Kelbara (Al Dhaher, Sadah)".
  auto plain = CodeText(
      "On 29 April, rebels claimed to have repelled two attacks on a hill site near Najran, coded in Kelbara "
      "(Al Dhaher, Sadah), killing several fighters.");
  EXPECT_EQ(PlaceOfOnly(plain, EventType::kAssault), "Kelbara");
  // Error path: "coded as" before an actor's name names no place.
  auto actor = CodeText(
      "On 29 April, gunmen, coded as Kelmor Brigade forces, attacked a checkpoint in Dorvane (Mukalla, Hadramawt).");
  EXPECT_EQ(PlaceOfOnly(actor, EventType::kAssault), "Dorvane");
}

// Where people come from ("rioters from Kelbara", "a civilian from Kelbara", "forces coming
// from Kelbara") ranks after the place where it happened, as a residence does; alone it still
// places the event.
TEST(EventAssembler, WherePeopleComeFromRanksAfterTheScene) {
  auto cd = CodeText(
      "On 3 May, residents from Kelbara village protested in front of the district office in Dorvane (Ancuabe, "
      "Cabo Delgado) over water cuts.");
  EXPECT_EQ(PlaceOfOnly(cd, EventType::kProtest), "Dorvane");
  auto coming = CodeText(
      "On 3 May, army troops clashed with rebel fighters coming from Kelbara area near Dorvane (Mukalla, "
      "Hadramawt).");
  EXPECT_EQ(PlaceOfOnly(coming, EventType::kAssault), "Dorvane");
  // Error path: the only place of the sentence still places it.
  auto alone = CodeText("On 3 May, rioters from Kelbara (Ancuabe, Cabo Delgado) burned tyres over water cuts.");
  EXPECT_EQ(PlaceOfOnly(alone, EventType::kProtest), "Kelbara");
}

// The places of an event named in a list ("in Kelbara and Dorvane districts, Kandahar") are
// each the place of an event, as coders code them (one event for each location): the first,
// with the counts, is at the first place; the next are part_of it, without counts.
std::vector<std::string> PlacesOfType(const CodedDocument& cd, EventType type) {
  std::vector<std::string> places;
  for (const auto& e : cd.events)
    if (e.type == type && e.location) places.emplace_back(Text(cd, e.location->span));
  return places;
}

TEST(EventAssembler, FirstOfTwoLocalitiesNamedTogether) {
  auto pair = CodeText("On 3 May, airstrikes killed 4 militants in Kelbara and Dorvane districts, Kandahar.");
  ASSERT_EQ(PlacesOfType(pair, EventType::kAssault), (std::vector<std::string>{"Kelbara", "Dorvane"}));
  EXPECT_TRUE(pair.events[0].part_of < 0);
  EXPECT_EQ(pair.events[0].counts.size(), 1u);
  EXPECT_EQ(pair.events[1].part_of, 0);
  EXPECT_TRUE(pair.events[1].counts.empty());
  EXPECT_EQ(pair.events[1].location->country, "AF");
}

// "shelled positions in Kelbara, Dorvane and Tashan Kelmo (Ancuabe, Cabo Delgado)", "on the
// Kelbara (Kelmor, Lahij), Dorvane (Kelmor, Lahij) and Tashan Kelmo fronts": one event for each
// place of the list, the counts on the first only (nothing is counted twice).
TEST(EventAssembler, AnEventOverAListOfPlacesIsOneEventPerPlace) {
  auto three = CodeText(
      "On 3 May, troops shelled militant positions in Kelbara, Dorvane and Tashan Kelmo (Ancuabe, Cabo Delgado), "
      "killing 4 militants.");
  ASSERT_EQ(PlacesOfType(three, EventType::kAssault),
            (std::vector<std::string>{"Kelbara", "Dorvane", "Tashan Kelmo"}));
  int counted = 0;
  for (const auto& e : three.events) {
    EXPECT_EQ(e.location->country, "MZ");
    EXPECT_EQ(e.date->value, three.events[0].date->value);
    if (!e.counts.empty()) ++counted;
  }
  EXPECT_EQ(counted, 1);
  EXPECT_TRUE(HasCount(three, Role::kKilled, 4));
  auto fronts = CodeText(
      "On 3 May, Kelmor forces reportedly exchanged artillery with Dorvan forces on the fronts of Kelbara front "
      "(Al Qabbaytah, Lahij), Dorvane (Qaatabah, Ad Dali), and Tashan Kelmo (Qaatabah, Ad Dali), incurring "
      "fatalities.");
  EXPECT_EQ(PlacesOfType(fronts, EventType::kAssault),
            (std::vector<std::string>{"Kelbara", "Dorvane", "Tashan Kelmo"}));
}

// Error path: a comma alone joins a place and the wider one holding it ("in Kelbara, Cabo
// Delgado"), no list; "between Kelbara and Dorvane" is one spot; where people come from is no
// place of the event ("residents of Kelbara and Dorvane protested in Tashan Kelmo").
TEST(EventAssembler, PlacesThatAreNoListOfTheEventsPlacesAddNoEvent) {
  auto wider = CodeText("On 3 May, troops shelled militant positions in Kelbara, Ancuabe, Cabo Delgado.");
  EXPECT_EQ(PlacesOfType(wider, EventType::kAssault), (std::vector<std::string>{"Kelbara"}));
  auto between = CodeText(
      "On 3 May, gunmen shot two men on the road between Kelbara and Dorvane in the eastern countryside of Dar'a.");
  EXPECT_EQ(PlacesOfType(between, EventType::kAssault), (std::vector<std::string>{"Kelbara"}));
  auto origin = CodeText(
      "On 3 May, residents of Kelbara and Dorvane marched to Tashan Kelmo (Ancuabe, Cabo Delgado) to protest over "
      "water cuts.");
  EXPECT_EQ(PlacesOfType(origin, EventType::kProtest), (std::vector<std::string>{"Tashan Kelmo"}));
}

// A road named after the towns it joins ("the Zahle-Beirut highway") places an event at the
// place the sentence puts the road in, else at its first town; both towns are places (in the
// document's country), not the compound adjective "Taliban-planted" nor one joined name.
TEST(EventAssembler, RoadBetweenTwoTownsIsPlacedWhereTheSentenceSays) {
  auto in_town =
      CodeText("On 3 May, minibus owners blocked the Zahle-Beirut highway in Chtaura with burning tyres over fuel prices.");
  EXPECT_EQ(PlaceOfOnly(in_town, EventType::kProtest), "Chtaura");
  auto road_in_town = CodeText("On 3 May, protesters blocked the Kelbara-Dorvane road in Halba with burning tyres.");
  EXPECT_EQ(PlaceOfOnly(road_in_town, EventType::kProtest), "Halba");
  auto bare = CodeText("On 3 May, residents blocked the Valencia-Maracay highway, Carabobo state, demanding water.");
  EXPECT_EQ(PlaceOfOnly(bare, EventType::kProtest), "Valencia");
  const Event* e = OnlyPlacedEvent(bare, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->country, "VE");
  auto ends = CodeText("On 3 May, hundreds of workers blocked the Sylhet-Comilla highway demanding unpaid wages.");
  EXPECT_EQ(PlaceOfOnly(ends, EventType::kProtest), "Sylhet");
  // No road after the hyphen: a joined name stays one.
  auto joined = CodeText("On 3 May, gunmen killed a trader in Mogadishu-Kelbaro district (Kelbaro, Banadir).");
  EXPECT_EQ(PlaceOfOnly(joined, EventType::kAssault), "Mogadishu-Kelbaro");
  // Notes write the hyphen spaced too ("the Kelbara - Bama road"); a first town the gazetteer
  // lacks is then a place as the second is, in the country of the known one, and the event's
  // (joined, "the Rashayya-Kelmar road" names its second town as often: left as it was).
  auto spaced =
      CodeText("On 3 May, unidentified gunmen ambushed a bus on the Kelbara - Bama road, killing two passengers.");
  EXPECT_EQ(PlaceOfOnly(spaced, EventType::kAssault), "Kelbara");
  e = OnlyPlacedEvent(spaced, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->country, "NG");
  auto connector = CodeText("On 3 May, residents blocked the Kelbara - Dahr el Kelmar road with burning tyres.");
  EXPECT_EQ(PlaceOfOnly(connector, EventType::kProtest), "Kelbara");
}

// Wordings of protests and clashes that name no protest or attack with its usual word: two
// sides that "fought each other", a fight that "broke out", rubber tyres burned on a road, pots
// banged, someone beaten up, an incursion, an anti-tank guided missile (ATGM) fired, human
// remains found.
TEST(EventAssembler, ClashAndProtestWordingsWithoutTheUsualWord) {
  auto fought = CodeText("On 3 May, Kelmor youth and Dorvane party members fought one another in Kelbara (Ntego, Kirundo).");
  EXPECT_NE(OnlyEvent(fought, EventType::kAssault), nullptr);
  auto each = CodeText("On 3 May, two rival clans fought each other near the Kelbara market.");
  EXPECT_NE(OnlyEvent(each, EventType::kAssault), nullptr);
  auto broke = CodeText("On 8 May, a physical fight broke out between two deputies during the council session.");
  EXPECT_NE(OnlyEvent(broke, EventType::kAssault), nullptr);
  auto tyres = CodeText("On 7 May, residents closed the main road by burning tyres in Kelbara, denouncing water cuts.");
  EXPECT_NE(OnlyEvent(tyres, EventType::kProtest), nullptr);
  auto tires = CodeText("On 7 May, factory workers burned rubber tires outside the plant after it was closed.");
  EXPECT_NE(OnlyEvent(tires, EventType::kProtest), nullptr);
  auto pots = CodeText("On 30 April, residents of Kelbara banged pots against the mayor during his visit.");
  EXPECT_NE(OnlyEvent(pots, EventType::kProtest), nullptr);
  // A crowd the police dispersed had gathered: the gathering is a protest.
  auto dispersed = CodeText("On 8 May, police dispersed about 300 day labourers on the Kelbara bridge who demanded buses home.");
  EXPECT_NE(OnlyEvent(dispersed, EventType::kProtest), nullptr);
  auto passive = CodeText("On 1 May, residents who had blocked a market in Kelbara were dispersed by soldiers.");
  EXPECT_NE(OnlyEvent(passive, EventType::kProtest), nullptr);
  // Human remains or a severed head found are a killing.
  auto remains = CodeText("On 8 May, in Kelbara, Dorvane, five bags with human remains were found near a ranch.");
  EXPECT_NE(OnlyEvent(remains, EventType::kAssault), nullptr);
  auto head = CodeText("On 2 May, in Kelbara, Dorvane, a human head was found in a plastic bag.");
  EXPECT_NE(OnlyEvent(head, EventType::kAssault), nullptr);
  auto beat_up = CodeText("On 28 April, soldiers beat up a street vendor in Kelbara for breaking the curfew.");
  EXPECT_NE(OnlyEvent(beat_up, EventType::kAssault), nullptr);
  auto incursion = CodeText("On 1 May, army units repelled an incursion of rebel fighters near Kelbara.");
  EXPECT_NE(OnlyEvent(incursion, EventType::kAssault), nullptr);
  auto atgm = CodeText("On 3 May, rebels destroyed an army truck near Kelbara with an ATGM.");
  EXPECT_NE(OnlyEvent(atgm, EventType::kAssault), nullptr);
  // Not an event: a fight that did not happen, a fire that is no protest.
  auto planned = CodeText("On 8 May, the two clans agreed not to fight each other again.");
  for (const auto& e : planned.events) EXPECT_NE(e.status, EventStatus::kHappened) << Text(planned, e.trigger);
  auto fire = CodeText("On 7 May, a fire destroyed a tyre depot and its stock of used tires in Kelbara.");
  for (const auto& e : fire.events) EXPECT_NE(e.status, EventStatus::kHappened) << Text(fire, e.trigger);
}

// People who gathered somewhere to demand, denounce or oppose something protested; a
// gathering with no such purpose (prayers, a funeral, evidence gathered) is no protest.
TEST(EventAssembler, AGatheringWithADemandIsAProtest) {
  auto demand = CodeText("On 4 May, about 80 bus drivers gathered in front of the Kelbara depot to demand unpaid wages.");
  const Event* e = OnlyEvent(demand, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->status, EventStatus::kHappened);
  auto demanding = CodeText("On 4 May, nurses gathered outside the regional hospital in Kelbara, demanding masks.");
  EXPECT_NE(OnlyEvent(demanding, EventType::kProtest), nullptr);
  auto against = CodeText("On 4 May, shop owners gathered at the town hall of Kelbara against the new curfew.");
  EXPECT_NE(OnlyEvent(against, EventType::kProtest), nullptr);
  auto prayers = CodeText("On 4 May, hundreds of worshippers gathered at the Kelbara mosque for evening prayers.");
  EXPECT_TRUE(prayers.events.empty());
  auto evidence = CodeText("On 4 May, investigators gathered evidence at the Kelbara depot to determine the cause.");
  EXPECT_TRUE(evidence.events.empty());
}

// "tambon X" (a Thai subdistrict) is where the event happened, not the district after it.
TEST(EventAssembler, ThaiSubdistrictPlacesTheEvent) {
  auto cd = CodeText("On 3 May, loggers shot a ranger in tambon Kelphet, Lam Sonthi district of Lop Buri, Thailand.");
  EXPECT_EQ(PlaceOfOnly(cd, EventType::kAssault), "Kelphet");
}

// An event between two localities placed together ("between Kelbara and Dorvane in the
// countryside of Dar'a") is placed at the first, as between two known towns.
TEST(EventAssembler, EventBetweenTwoLocalitiesTakesTheFirst) {
  auto cd = CodeText("On 3 May, gunmen shot two men on the road between Kelbara and Dorvane in the eastern countryside of Dar'a.");
  EXPECT_EQ(PlaceOfOnly(cd, EventType::kAssault), "Kelbara");
}

// Where attackers stand ("forces located at Berd fired on ...") is not where the attack
// struck: the place of its target later in the sentence places the event; alone it still does.
TEST(EventAssembler, AttackersPositionYieldsToTheTargetsPlace) {
  auto cd = CodeText(
      "On 4 May, Armenian forces located at Berd fired with machine guns on the positions of Azerbaijani forces "
      "assumed to be near Kelbarli, Tovuz.");
  EXPECT_EQ(PlaceOfOnly(cd, EventType::kAssault), "Kelbarli");
  auto stationed = CodeText(
      "On 4 May, soldiers stationed in nameless hills in Ijevan region shelled the Azerbaijani positions near "
      "Kelbarli, Tovuz.");
  EXPECT_EQ(PlaceOfOnly(stationed, EventType::kAssault), "Kelbarli");
  auto alone = CodeText("On 4 May, Armenian forces located at Berd fired mortars at Azerbaijani positions.");
  EXPECT_EQ(PlaceOfOnly(alone, EventType::kAssault), "Berd");
}

// "shelled Kelbara village in rural Tell Abiad": a village named as a spot of a town's rural area
// is placed at the town; "in the countryside of" a town keeps the village.
TEST(EventAssembler, AVillageInATownsRuralAreaIsPlacedAtTheTown) {
  auto rural = CodeText("On 3 May, Kelmor forces shelled Kelbara village in rural Tell Abiad in Ar-Raqqa countryside.");
  EXPECT_EQ(PlaceOfOnly(rural, EventType::kAssault), "Tell Abiad");
  // Error path: the countryside of a town keeps the village.
  auto countryside =
      CodeText("On 3 May, Kelmor forces shelled the village of Kelbara in the western countryside of Tell Abiad.");
  EXPECT_EQ(PlaceOfOnly(countryside, EventType::kAssault), "Kelbara");
}

// "accused of passing files to the United States government": a country before "government",
// "authorities", "embassy" or "officials" names an actor, not where the event happened; the
// place of the paragraph places it.
TEST(EventAssembler, ACountrysGovernmentIsNoPlaceOfTheEvent) {
  auto cd = CodeText(
      "On 30 April, in Caracas, officers beat a prisoner during an interrogation. He was arrested with a "
      "colleague accused of passing files to the United States government.");
  for (const auto& e : cd.events) {
    ASSERT_TRUE(e.location.has_value());
    EXPECT_EQ(e.location->country, "VE") << Text(cd, e.trigger);
  }
  // Error path: the country alone still places an event.
  auto alone = CodeText("On 30 April, 20 workers protested in the United States over unpaid wages.");
  EXPECT_EQ(PlaceOfOnly(alone, EventType::kProtest), "United States");
}

// A locality placed in a county or LGA the gazetteer lacks is where the event happened.
TEST(EventAssembler, LocalityInAnUnlistedCountyPlacesTheEvent) {
  auto cd = CodeText("On 3 May, gunmen attacked Kelbara in Dorvane LGA (Kaduna), killing a guard.");
  EXPECT_EQ(PlaceOfOnly(cd, EventType::kAssault), "Kelbara");
}

// A sentence saying where it happened ("The incident happened ... in Rock Falls") places the
// events nothing nearer places, before the dateline (often the reporter's town), when it names a
// town the gazetteer knows (a name it lacks is more often a neighbourhood of the dateline's city).
TEST(EventAssembler, SceneSentenceBeatsTheDateline) {
  auto cd = CodeText(
      "STERLING, Ill. — A 9-year-old boy was shot on Sunday, deputies said.\n\nThe incident happened at a home "
      "on Kelbrook Lane in Rock Falls.");
  EXPECT_EQ(PlaceOfOnly(cd, EventType::kAssault), "Rock Falls");
  // Without such a sentence, the dateline; nor does a neighbourhood the gazetteer lacks move it.
  auto dateline = CodeText(
      "STERLING, Ill. — A 9-year-old boy was shot on Sunday, deputies said.\n\nHis family lives in Rock Falls.");
  EXPECT_EQ(PlaceOfOnly(dateline, EventType::kAssault), "STERLING");
  auto quarter = CodeText(
      "STERLING, Ill. — A 9-year-old boy was shot on Sunday, deputies said.\n\nThe incident happened on Monday "
      "in Kelbrook Park.");
  EXPECT_EQ(PlaceOfOnly(quarter, EventType::kAssault), "STERLING");
}

// "in the 1400 block of Kelbrook Lane in Rock Falls": an address's block, then its town, says
// where it happened as "The incident happened ... in" does; the town places the events before
// the dateline. A town named before the block (whose police came) does not.
TEST(EventAssembler, TownAfterAnAddressBlockBeatsTheDateline) {
  auto cd = CodeText(
      "STERLING, Ill. — A 9-year-old boy was shot on Sunday, deputies said.\n\nDeputies went to a house "
      "in the 1400 block of Kelbrook Lane in Rock Falls.");
  EXPECT_EQ(PlaceOfOnly(cd, EventType::kAssault), "Rock Falls");
  auto near = CodeText(
      "STERLING, Ill. — A 9-year-old boy was shot on Sunday, deputies said.\n\nDeputies went to a barn "
      "in the 1400 block of Kelbrook Road near Rock Falls.");
  EXPECT_EQ(PlaceOfOnly(near, EventType::kAssault), "Rock Falls");
  auto before = CodeText(
      "STERLING, Ill. — A 9-year-old boy was shot on Sunday, deputies said.\n\nOfficers in Rock Falls were "
      "called to the 1400 block of Kelbrook Lane.");
  EXPECT_EQ(PlaceOfOnly(before, EventType::kAssault), "STERLING");
}

// The dateline opening an event's sentence says where the story was filed; a city of its state
// whose police answered ("Rock Falls police Chief Dana Kell") says where it happened. Police of
// another state's city do not.
TEST(EventAssembler, PoliceTownOfTheDatelinesStateBeatsTheDateline) {
  auto cd = CodeText(
      "STERLING, Ill. — A police officer was shot overnight on a quiet street. Rock Falls police Chief Dana "
      "Kell answered a call about two men near an empty house.");
  EXPECT_EQ(PlaceOfOnly(cd, EventType::kAssault), "Rock Falls");
  auto other_state = CodeText(
      "STERLING, Ill. — A police officer was shot overnight on a quiet street. Tulsa police Chief Dana "
      "Kell answered a call about two men near an empty house.");
  EXPECT_EQ(PlaceOfOnly(other_state, EventType::kAssault), "STERLING");
}

// A dateline county ("KELBROOK COUNTY, Ga. -") names no town: the town the story names, in the
// county's state, places the events; a town of another state does not.
TEST(EventAssembler, TownBeatsADatelineCounty) {
  auto cd = CodeText(
      "KELBROOK COUNTY, Ga. — A 19-year-old man was shot on Friday night, deputies said.\n\nNeighbors in "
      "Macon said they called 911 at once.");
  EXPECT_EQ(PlaceOfOnly(cd, EventType::kAssault), "Macon");
  auto other_state = CodeText(
      "KELBROOK COUNTY, Ga. — A 19-year-old man was shot on Friday night, deputies said.\n\nHis mother "
      "lives in Tulsa, Okla.");
  EXPECT_EQ(PlaceOfOnly(other_state, EventType::kAssault), "KELBROOK COUNTY");
}

// An event its sentence places only in a county ("killed ... in Adams County") took place in
// the town a sentence saying where it happened names ("It happened ... in Rock Falls"), the more
// precise place; without such a sentence the county stays.
TEST(EventAssembler, SceneSentenceRefinesACounty) {
  auto cd = CodeText(
      "A 10-year-old boy was shot and killed Friday in Adams County, the sheriff said.\n\nIt happened around "
      "1 p.m. at an apartment on Dorvane Drive in Rock Falls.");
  EXPECT_EQ(PlaceOfOnly(cd, EventType::kAssault), "Rock Falls");
  auto county = CodeText(
      "A 10-year-old boy was shot and killed Friday in Adams County, the sheriff said.\n\nHis family lives "
      "in Rock Falls.");
  EXPECT_EQ(PlaceOfOnly(county, EventType::kAssault), "Adams County");
}

// An event a later sentence places only in a subdivision ("raids across Biobio") took
// place in the town of that subdivision the note named before ("in Kelmora (Biobio)"): the
// more precise place.
TEST(EventAssembler, TownNamedBeforeBeatsItsSubdivision) {
  auto cd = CodeText(
      "On 8 May, in Kelmora (Biobio), three lorries of a firm were burned overnight. Armed men have "
      "attacked farms across Biobio for months.");
  EXPECT_EQ(PlaceOfOnly(cd, EventType::kAssault), "Kelmora");
  // A town of another subdivision does not.
  auto other = CodeText(
      "On 8 May, in Kelmora (Araucania), three lorries of a firm were burned overnight. Armed men have "
      "attacked farms across Biobio for months.");
  EXPECT_EQ(PlaceOfOnly(other, EventType::kAssault), "Biobio");
}

// A lowercase Arabic article begins the written name of the event's place ("in al Mukalla").
TEST(EventAssembler, LowercaseArabicArticleIsPartOfThePlaceText) {
  auto article = CodeText("On 5 May, gunmen killed a fisherman in al Mukalla over a debt.");
  EXPECT_EQ(PlaceOfOnly(article, EventType::kAssault), "al Mukalla");
}

// "between A and B": the event is placed at the first of the two towns; "from A to B" is no
// such pair.
TEST(EventAssembler, BetweenTwoTownsTakesTheFirst) {
  auto cd = CodeText(
      "On 5 May, militants ambushed a supply convoy between Tongomael and Djibo (Soum, Sahel), killing four "
      "soldiers.");
  bool found = false;
  for (const auto& e : cd.events) {
    if (e.type != EventType::kAssault || !e.location) continue;
    found = true;
    EXPECT_EQ(Text(cd, e.location->span), "Tongomael");
  }
  EXPECT_TRUE(found);
  auto road = CodeText(
      "On 5 May, militants ambushed a supply convoy on the road from Tongomael to Djibo (Soum, Sahel), killing four "
      "soldiers.");
  found = false;
  for (const auto& e : road.events) {
    if (e.type != EventType::kAssault || !e.location) continue;
    found = true;
    EXPECT_EQ(Text(road, e.location->span), "Djibo");
  }
  EXPECT_TRUE(found);
}

// A barangay of a small town is a village of its own; of a city of 100,000 people or more, a
// quarter of the city.
TEST(EventAssembler, BarangayOfASmallTownIsTheLocation) {
  auto town = CodeText("On 2 May, police shot dead a robbery suspect who resisted arrest in Barangay Lumot, Tulunan, Cotabato.");
  const Event* e = OnlyPlacedEvent(town, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(town, e->location->span), "Lumot");
  EXPECT_EQ(e->location->name, "Lumot");
  EXPECT_EQ(e->location->country, "PH");
  auto city =
      CodeText("On 2 May, police shot dead a robbery suspect who resisted arrest in Barangay Lumot, Dumaguete, Negros Oriental.");
  EXPECT_EQ(PlaceOfOnly(city, EventType::kAssault), "Dumaguete");
}

// A part of a large city that coders name as a section of it: "the East Zone of Sao Paulo" and a
// quarter written before a capital ("in Kelmora, Bogota") are named "City-Part", as the
// event's `name`; the words written stay its text.
TEST(EventAssembler, ZoneOfACityIsNamedAsASectionOfIt) {
  auto zone = CodeText(
      "On 3 May, in the East Zone of Sao Paulo, Sao Paulo, military police shot and wounded a man who fled a "
      "checkpoint.");
  const Event* e = OnlyPlacedEvent(zone, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Sao Paulo-East Zone");
  EXPECT_EQ(Text(zone, e->location->span), "Sao Paulo");
  EXPECT_EQ(e->location->country, "BR");
  // No zone before the city: the city.
  auto city =
      CodeText("On 3 May, in Sao Paulo, Sao Paulo, military police shot and wounded a man who fled a checkpoint.");
  e = OnlyPlacedEvent(city, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "São Paulo");
}

TEST(EventAssembler, DistrictOfACapitalIsNamedAsASectionOfIt) {
  auto of =
      CodeText("On 3 May, about 40 street vendors protested in the Kelmora district of Sanaa city, demanding aid.");
  const Event* e = OnlyPlacedEvent(of, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Sanaa-Kelmora");
  EXPECT_EQ(e->location->country, "YE");
  auto owner =
      CodeText("On 3 May, about 40 street vendors gathered in Beirut's Kelmora district and blocked a bridge.");
  e = OnlyPlacedEvent(owner, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Beirut-Kelmora");
  // Not a city that is no capital, nor a capital of fewer than 1,000,000 people.
  auto city =
      CodeText("On 3 May, about 40 street vendors protested in the Kelmora district of Aleppo city, demanding aid.");
  e = OnlyPlacedEvent(city, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name.find("-Kelmora"), std::string::npos);
}

TEST(EventAssembler, QuarterOfACapitalIsNamedAsASectionOfIt) {
  auto unlisted = CodeText("On 3 May, in Kelmora, Bogota, about 40 street vendors protested demanding aid.");
  const Event* e = OnlyPlacedEvent(unlisted, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Bogota-Kelmora");
  EXPECT_EQ(Text(unlisted, e->location->span), "Kelmora");
  EXPECT_EQ(e->location->country, "CO");
  // A borough GeoNames lists, in the capital's own subdivision.
  auto borough = CodeText("On 3 May, in Tlalpan, Ciudad de Mexico, about 40 nurses protested demanding masks.");
  e = OnlyPlacedEvent(borough, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Ciudad de Mexico-Tlalpan");
  EXPECT_EQ(e->location->country, "MX");
  // The capital written by its English name is named as the gazetteer shows it, "Ciudad de
  // México" (its official name, as coders name it), in the section's name too.
  auto english =
      CodeText("On 3 May, about 40 street vendors protested in the Kelmora area of Mexico City, demanding aid.");
  e = OnlyPlacedEvent(english, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Ciudad de México-Kelmora");
  auto whole = CodeText("On 3 May, about 40 street vendors protested in Mexico City, demanding aid.");
  e = OnlyPlacedEvent(whole, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Ciudad de México");
  EXPECT_EQ(Text(whole, e->location->span), "Mexico City");
  // Not a town far from the capital in its region ("Bila Tserkva, Kyiv"), nor a district of a
  // city that is no capital, nor a place in a region named like its capital ("Lima").
  auto town = CodeText("On 3 May, in Bila Tserkva, Kyiv, about 40 nurses protested demanding masks.");
  e = OnlyPlacedEvent(town, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Bila Tserkva");
  auto district = CodeText("On 3 May, in Uskudar, Istanbul, about 40 nurses protested demanding masks.");
  EXPECT_EQ(PlaceOfOnly(district, EventType::kProtest), "Uskudar");
  e = OnlyEvent(district, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name.find('-'), std::string::npos);
  auto region = CodeText("On 3 May, in Kelmora, Lima, about 40 nurses protested demanding masks.");
  e = OnlyPlacedEvent(region, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Kelmora");
}

// "Kelzap (Amadiya) region": coders' notes give in parentheses before "region" the name the
// region is coded under (another language's name); the event takes it, as a bracketed coded
// name. Not before "district", where such parentheses hold the district's other name as often
// as its code.
TEST(EventAssembler, CodedNameOfARegionInParentheses) {
  auto listed = CodeText(
      "On 5 May, Turkish forces conducted airstrikes in Kelzap (Amadiya) region of Dahuk, killing two militants.");
  EXPECT_EQ(PlaceOfOnly(listed, EventType::kAssault), "Amadiya");
  auto unlisted = CodeText(
      "On 5 May, Turkish forces conducted airstrikes in Kelkurk (Wadi Kelkurik) region of Erbil, killing two "
      "militants.");
  EXPECT_EQ(PlaceOfOnly(unlisted, EventType::kAssault), "Wadi Kelkurik");
  const Event* e = OnlyPlacedEvent(unlisted, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->country, "IQ");
  auto qualified =
      CodeText("On 5 May, Turkish forces conducted airstrikes in Kelzap (Dahuk) region, killing two militants.");
  EXPECT_EQ(PlaceOfOnly(qualified, EventType::kAssault), "Kelzap");
  auto district = CodeText("On 5 May, Afghan forces killed two militants in Kelbarand (Kelmir Khel) district, Paktia.");
  EXPECT_EQ(PlaceOfOnly(district, EventType::kAssault), "Kelbarand");
}

// Mexico's state capitals that GeoNames names short ("Toluca") are shown by their official
// names ("Toluca de Lerdo"), as coders' gazetteers name them; both forms are found.
TEST(EventAssembler, MexicanStateCapitalsGoByTheirOfficialNames) {
  auto short_name = CodeText("On 3 May, in Toluca, Mexico State, about 50 teachers protested demanding back pay.");
  const Event* e = OnlyPlacedEvent(short_name, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Toluca de Lerdo");
  EXPECT_EQ(Text(short_name, e->location->span), "Toluca");
  auto official = CodeText("On 3 May, in Tuxtla Gutierrez, Chiapas, about 50 teachers protested demanding back pay.");
  e = OnlyPlacedEvent(official, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Tuxtla Gutiérrez");
  EXPECT_EQ(e->location->country, "MX");
  // One that GeoNames names by its official name is found by its short one.
  auto capital = CodeText("On 3 May, in Queretaro, Queretaro, about 50 teachers protested demanding back pay.");
  e = OnlyPlacedEvent(capital, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Santiago de Querétaro");
  EXPECT_EQ(Text(capital, e->location->span), "Queretaro");
}

// "Kelbar Heights (Tovuz Region)": coders name a locality their gazetteer holds several times
// with its region in parentheses; the parentheses, a name and a capitalized unit noun, are part
// of the event's place (name and text). Not a qualifier list ("(Tovuz Region, Azerbaijan)") nor
// after a place the gazetteer knows.
TEST(EventAssembler, LocalityNamedWithItsRegionInParentheses) {
  auto named = CodeText(
      "On 3 May, military forces of Armenia fired with unspecified weapons on the positions of the military forces of "
      "Azerbaijan located at Kelbar Heights (Tovuz Region), Tovuz.");
  const Event* e = OnlyPlacedEvent(named, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name, "Kelbar Heights (Tovuz Region)");
  EXPECT_EQ(Text(named, e->location->span), "Kelbar Heights (Tovuz Region)");
  EXPECT_EQ(e->location->country, "AZ");
  auto listed = CodeText(
      "On 3 May, military forces of Armenia fired with unspecified weapons on the positions of the military forces of "
      "Azerbaijan located at Kelbar Heights (Tovuz Region, Azerbaijan).");
  e = OnlyPlacedEvent(listed, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->name.find('('), std::string::npos);
}

// "shelled X and its outskirts in Y": X with its surroundings is held by Y, and the event is at
// X, a locality the gazetteer lacks.
TEST(EventAssembler, PlaceAndItsSurroundingsInAWiderPlace) {
  auto outskirts = CodeText("On 3 May, artillery hit Kelbara and its outskirts in the eastern countryside of Hama, wounding two farmers.");
  const Event* e = OnlyPlacedEvent(outskirts, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(outskirts, e->location->span), "Kelbara");
  EXPECT_EQ(e->location->country, "SY");
  auto areas = CodeText("On 3 May, rockets struck Kelbara and surrounding areas in the western countryside of Aleppo, wounding a shepherd.");
  const Event* a = OnlyPlacedEvent(areas, EventType::kAssault);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(Text(areas, a->location->span), "Kelbara");
}

// "at" joins a name the gazetteer lacks only as the Arabic article before its own letter ("Bir
// at Tarqa"); "the LoC at Kelmora" is the English word, and the place is Kelmora.
TEST(EventAssembler, EnglishAtJoinsNoName) {
  auto loc = CodeText(
      "On 3 May, troops of the two armies traded fire along the LoC at Kelmora sector area (Uri, J&K).");
  EXPECT_EQ(PlaceOfOnly(loc, EventType::kAssault), "Kelmora");
  auto article = CodeText("On 3 May, shells fired by unknown forces fell in Bir at Tarqa (Aljfara). No casualties reported.");
  const Event* a = OnlyPlacedEvent(article, EventType::kAssault);
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(Text(article, a->location->span), "Bir at Tarqa");
}

// "X, near Y (Z, W)": the parentheses locate Y, the place the event is placed by; without them
// the event stays at X.
TEST(EventAssembler, NearAPlaceTheParenthesesLocate) {
  auto noted = CodeText(
      "On 8 May, gunmen burned five houses and killed a farmer in the village of Kelbara, near Oicha (Beni, "
      "Nord-Kivu).");
  const Event* e = OnlyPlacedEvent(noted, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(noted, e->location->span), "Oicha");
  EXPECT_EQ(e->location->country, "CD");
  auto plain = CodeText(
      "On 8 May, gunmen burned five houses and killed a farmer in the village of Kelbara, near Oicha, police "
      "said.");
  const Event* p = OnlyPlacedEvent(plain, EventType::kAssault);
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(Text(plain, p->location->span), "Kelbara");
}

// "X village in Y (Z)": the parentheses locate the town Y, which places the event; without them
// the village held by Y does ("shelled Kelbara in Idleb").
TEST(EventAssembler, VillageInATownTheParenthesesLocate) {
  auto noted =
      CodeText("On 6 May, a rocket struck a farm in Kelbara village in Garabulli (Almargeb), wounding a farmer.");
  EXPECT_EQ(PlaceOfOnly(noted, EventType::kAssault), "Garabulli");
  auto plain = CodeText("On 6 May, a rocket struck a farm in Kelbara village in Idleb, wounding a farmer.");
  EXPECT_EQ(PlaceOfOnly(plain, EventType::kAssault), "Kelbara");
}

// "on X front in Y", "in X region of Y" and "X in <a name> in the countryside of Y": X, a locality the gazetteer
// lacks, is held by Y and places the event.
TEST(EventAssembler, FrontAndNamedAreaInAWiderPlace) {
  auto front = CodeText("On 9 May, government troops and rebels clashed on Kelbara front in Idleb.");
  const Event* f = OnlyPlacedEvent(front, EventType::kAssault);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(Text(front, f->location->span), "Kelbara");
  EXPECT_EQ(f->location->country, "SY");
  auto region = CodeText("On 6 May, airstrikes killed two fighters in Kelbara region of Dahuk, Northern Iraq.");
  EXPECT_EQ(PlaceOfOnly(region, EventType::kAssault), "Kelbara");
  auto named = CodeText(
      "On 2 May, artillery hit the village of Kelbara in Jabal al-Wusta in the eastern countryside of Hama.");
  EXPECT_EQ(PlaceOfOnly(named, EventType::kAssault), "Kelbara");
}

// The town fronting a sentence ("On 7 May, in Nova Iguacu, ...") also places the events of the
// next sentences that the paragraph places, rather than the locality named after it; without
// a fronted town the nearest earlier place does.
TEST(EventAssembler, FrontedTownPlacesTheNextSentences) {
  auto fronted = CodeText(
      "On 7 May, in Nova Iguacu, Rio de Janeiro, officers raided a house used by a gang in Morro do Kelbara. One "
      "gunman was shot dead.");
  const Event* e = OnlyPlacedEvent(fronted, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(fronted, e->location->span), "Nova Iguacu");
  EXPECT_EQ(e->location->basis, "same paragraph");
  auto plain = CodeText(
      "On 7 May, officers raided a house used by a gang in Morro do Kelbara, Nova Iguacu. One gunman was shot "
      "dead.");
  EXPECT_EQ(PlaceOfOnly(plain, EventType::kAssault), "Morro do Kelbara");
}

// "Kelbara hill (Kiremba, Ngozi)": a hill, market, region or front named after a locality before
// the note's parentheses is that locality, and it places the events of the next sentence too;
// a market without the parentheses names no place.
TEST(EventAssembler, NamedHillBeforeTheNoteParentheses) {
  // The clash and the injuries of the next sentence are both placed there.
  auto hill = CodeText("On 5 May, rival party supporters fought one another on Kelbara hill (Kiremba, Ngozi). Four were injured.");
  int assaults = 0;
  for (const auto& e : hill.events) {
    if (e.type != EventType::kAssault) continue;
    ++assaults;
    ASSERT_TRUE(e.location.has_value());
    EXPECT_EQ(Text(hill, e.location->span), "Kelbara");
    EXPECT_EQ(e.location->country, "BI");
  }
  EXPECT_GE(assaults, 1);
  auto market =
      CodeText("On 5 May, rival party supporters in Ngozi fought one another near the Kelbara market. Four were injured.");
  int market_assaults = 0;
  for (const auto& e : market.events) {
    if (e.type != EventType::kAssault) continue;
    ++market_assaults;
    ASSERT_TRUE(e.location.has_value());
    EXPECT_EQ(Text(market, e.location->span), "Ngozi");
  }
  EXPECT_GE(market_assaults, 1);
}

// A firm or venue the gazetteer lacks, in a province, is placed by the province.
TEST(EventAssembler, VenueInAProvinceTakesTheProvince) {
  auto cd = CodeText("On 9 May, employees of Kelbara Company in Faryab rallied over unpaid wages.");
  const Event* e = OnlyPlacedEvent(cd, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(cd, e->location->span), "Faryab");
  EXPECT_EQ(e->location->country, "AF");
}

// "under X police station area (District, State)": the station's town places the event, not the
// district in the parentheses.
TEST(EventAssembler, PoliceStationAreaNamesItsTown) {
  auto cd = CodeText("On 3 May, Maoists shot dead a villager in a forest under Kelbara police station area (Gaya, Bihar).");
  const Event* e = OnlyPlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(cd, e->location->span), "Kelbara");
  EXPECT_EQ(e->location->country, "IN");
}

// "in the commune of X", "in the region of X (Y)", "residents of X (Y, Z)": the text says X is a
// locality.
TEST(EventAssembler, CommuneOrRegionOfALocality) {
  auto commune = CodeText("Around 1 May, militiamen reportedly killed a herder in the commune of Kelbara.");
  EXPECT_EQ(PlaceOfOnly(commune, EventType::kAssault), "Kelbara");
  auto region = CodeText("On 2 May, farmers marched in the region of Kelbara (Taza) to demand water.");
  const Event* r = OnlyPlacedEvent(region, EventType::kProtest);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(Text(region, r->location->span), "Kelbara");
  EXPECT_EQ(r->location->country, "MA");
  // "residents of X (Y, Z)": with a qualifier, X is a locality too.
  auto residents =
      CodeText("On 4 May, about 500 residents of Kelbara (Mathare, Nairobi) protested against the killing of a man by police.");
  EXPECT_EQ(PlaceOfOnly(residents, EventType::kProtest), "Kelbara");
}

// "at the Civil Hospital, Patiala (Punjab)": a place after a name that is no place is the
// event's place, though it stands where qualifiers stand.
TEST(EventAssembler, QualifierOfAFacilityIsTheLocation) {
  auto cd =
      CodeText("On 1 May, about 70 nurses staged a protest at the Civil Hospital, Patiala (Punjab), demanding masks.");
  const Event* e = OnlyPlacedEvent(cd, EventType::kProtest);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(Text(cd, e->location->span), "Patiala");
  EXPECT_EQ(e->location->country, "IN");
}

// No place named, but the wording of US local news ("the sheriff", "the 1400 block of"): the
// events are placed in the US, by the document. One cue is enough when nothing names a
// country, in the text or in the title; none places nothing.
TEST(EventAssembler, UsLocalNewsWordingGivesTheCountry) {
  auto cd = CodeText(
      "A man was shot and wounded in the 1400 block of Elm Street on Sunday, the sheriff said. "
      "Sheriff's deputies arrested a 19-year-old suspect.");
  bool placed = false;
  for (const auto& e : cd.events) {
    if (!e.location) continue;
    placed = true;
    EXPECT_EQ(e.location->country, "US");
    EXPECT_EQ(e.location->basis, "document");
  }
  EXPECT_TRUE(placed);
  auto one = CodeText("A man was shot and wounded late on Friday, sheriff's deputies said.");
  const Event* e = OnlyPlacedEvent(one, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->country, "US");
  EXPECT_EQ(e->location->precision, "country");
  EXPECT_EQ(e->location->basis, "document");
  auto titled = CodeWithTitle("Teen faces felony charge after shooting at party",
                              "A 17-year-old was shot and wounded at a party on Saturday night, officials said.");
  const Event* t = OnlyPlacedEvent(titled, EventType::kAssault);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->location->country, "US");
  auto none = CodeText("A man was shot and wounded late on Friday, officials said.");
  for (const auto& ev : none.events) EXPECT_FALSE(ev.location.has_value());
}

// A hospital the victims were taken to is not where it happened, though a town bears its name.
TEST(EventAssembler, AHospitalIsNotTheScene) {
  auto cd = CodeText(
      "Chicago police said a 20-year-old man was shot in the chest and taken to Mount Sinai Hospital, "
      "where he was listed in stable condition.");
  ASSERT_FALSE(cd.events.empty());
  for (const Event& e : cd.events) {
    ASSERT_TRUE(e.location.has_value());
    EXPECT_NE(Text(cd, e.location->span), "Mount Sinai");
    EXPECT_EQ(e.location->country, "US");
  }
}

// The town named later in the article, away from the event's paragraph, places the event
// before the bare country does.
TEST(EventAssembler, TownNamedLaterPlacesTheEvent) {
  auto cd = CodeText(
      "A man was shot and wounded on Sunday, police said.\n\n"
      "Officers said it happened at a home on Elm Road in Marvale, Texas.");
  ASSERT_FALSE(cd.events.empty());
  for (const Event& e : cd.events) {
    ASSERT_TRUE(e.location.has_value());
    EXPECT_EQ(Text(cd, e.location->span), "Marvale");
    EXPECT_EQ(e.location->country, "US");
    EXPECT_EQ(e.location->basis, "document");
  }
}

// "in the 200 block of Kelbrook Drive, Rock Falls, Whiteside County": the address's town after
// the street is the scene town as "in Rock Falls" is; a town after a street without a sentence
// saying where it happened (a residence) is not.
TEST(EventAssembler, AddressTownAfterTheStreetBeatsTheDateline) {
  auto cd = CodeText(
      "STERLING, Ill. — A man was shot and killed early on Sunday, deputies said.\n\nDeputies answered a call "
      "about a fight in the 200 block of Kelbrook Drive, Rock Falls, Whiteside County.");
  EXPECT_EQ(PlaceOfOnly(cd, EventType::kAssault), "Rock Falls");
  auto home = CodeText(
      "STERLING, Ill. — A man was shot and killed early on Sunday, deputies said.\n\nHis family lives on "
      "Kelbrook Drive, Rock Falls.");
  EXPECT_EQ(PlaceOfOnly(home, EventType::kAssault), "STERLING");
}

// An event its sentence places only in a county ("in Kelbrook County, Ill.") takes the town its
// restatement's sentence names ("the two deputies were shot ... in Rock Falls"), in the county's
// state; a town of another state does not move it.
TEST(EventAssembler, RestatementsTownRefinesACounty) {
  auto cd = CodeText(
      "Two deputies were shot and wounded in Kelbrook County, Ill., on Friday, the sheriff said.\n\nThe standoff "
      "lasted four hours. Troopers said the two deputies were shot off Route 7 in Rock Falls.");
  EXPECT_EQ(PlaceOfOnly(cd, EventType::kAssault), "Rock Falls");
  auto other_state = CodeText(
      "Two deputies were shot and wounded in Kelbrook County, Ill., on Friday, the sheriff said.\n\nThe standoff "
      "lasted four hours. Troopers said the two deputies were shot off Route 7 in Tulsa, Okla.");
  EXPECT_EQ(PlaceOfOnly(other_state, EventType::kAssault), "Kelbrook County");
}

// Of several cities whose police a story names, the town it names most places the events
// nothing nearer places ("Dixon police are helping ... Rock Falls police said"); when no town is
// named more, the first city's police, as before.
TEST(EventAssembler, MostNamedTownsPoliceBeatTheFirstPolice) {
  auto cd = CodeText(
      "A man was shot and wounded early on Sunday, his family said. The Rock Falls mayor asked for calm, and "
      "Rock Falls schools will open on Monday.\n\nDixon police are helping with the search. Rock Falls police "
      "said the man is 24.");
  EXPECT_EQ(PlaceOfOnly(cd, EventType::kAssault), "Rock Falls");
  auto first = CodeText(
      "A man was shot and wounded early on Sunday, his family said.\n\nDixon police are helping with the "
      "search. Rock Falls police said the man is 24.");
  EXPECT_EQ(PlaceOfOnly(first, EventType::kAssault), "Dixon");
}

// Place names are resolved near the events only; when nothing there names a country, the whole
// text is read for one (the town four sentences after the shooting places it).
TEST(EventAssembler, TextFarFromTheEventsGivesTheCountryWhenNothingNearDoes) {
  auto cd = CodeText(
      "Children looking for snakes found a loaded shotgun. The shotgun went off and wounded a 9-year-old boy. "
      "The boy is expected to recover. Neighbours said the children often play outside. They had never seen a "
      "gun there before. The complex lies on the southeast side of Marvale, Texas.");
  const Event* e = OnlyPlacedEvent(cd, EventType::kAssault);
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->location->country, "US");
}

// A place inside a wider one named after it is the scene: "Kafr Zibdin in Idleb" happened in
// Kafr Zibdin (a village the gazetteer lacks), not in the city of Idlib, and so did the protest
// "in Tell Marwan town in Aleppo countryside".
TEST(EventAssembler, APlaceInsideAWiderOneIsTheScene) {
  for (auto [text, scene] :
       {std::pair{"On 3 May 2021, regime forces shelled Kafr Zibdin in Idleb using artillery.", "Kafr Zibdin"},
        std::pair{"On 3 May 2021, civilians in Tell Marwan town in Aleppo countryside protested.", "Tell Marwan"}}) {
    auto cd = CodeText(text);
    ASSERT_FALSE(cd.events.empty()) << text;
    for (const Event& e : cd.events) {
      ASSERT_TRUE(e.location.has_value()) << text;
      EXPECT_EQ(Text(cd, e.location->span), scene) << text;
      EXPECT_EQ(e.location->country, "SY") << text;
    }
  }
}

// A quarter, a venue or a village of a town is placed by the town: users map "Afrin", not the
// Al-Warda neighbourhood; "Tikrit", not a village of its district the gazetteer lacks; the
// town, not the bar a shooting happened in.
TEST(EventAssembler, APartOfATownTakesTheTown) {
  for (auto [text, town, country] :
       {std::tuple{"On 7 May 2021, gunmen clashed in Al-Warda neighbourhood in Afrin city.", "Afrin", "SY"},
        std::tuple{"On 7 May 2021, militants attacked a police post in Qaryat Zafran village in Tikrit district.",
                   "Tikrit", "IQ"},
        std::tuple{"On 7 May 2021, protesters gathered outside the Grand Seray in Sidon.", "Sidon", "LB"},
        std::tuple{"A man was shot outside the Blue Lantern Bar in Irvington, New Jersey, police said.", "Irvington",
                   "US"}}) {
    auto cd = CodeText(text);
    ASSERT_FALSE(cd.events.empty()) << text;
    for (const Event& e : cd.events) {
      ASSERT_TRUE(e.location.has_value()) << text;
      EXPECT_EQ(Text(cd, e.location->span), town) << text;
      EXPECT_EQ(e.location->country, country) << text;
    }
  }
}

// A quarter named alone in its sentence is placed by the town named earlier in the paragraph.
TEST(EventAssembler, AQuarterTakesTheTownNamedBefore) {
  auto cd = CodeText(
      "On 9 May 2021, in Nova Iguacu, Rio de Janeiro, the Military Police carried out an operation in the "
      "Jardim Palmeira neighborhood. Two suspects were shot dead.");
  ASSERT_FALSE(cd.events.empty());
  for (const Event& e : cd.events) {
    ASSERT_TRUE(e.location.has_value());
    EXPECT_EQ(Text(cd, e.location->span), "Nova Iguacu");
    EXPECT_EQ(e.location->country, "BR");
  }
}

// Two verbs counting the same words are one event: "shot and wounded" is one assault with one
// person injured, not two.
TEST(EventAssembler, TwoVerbsOfTheSameVictimsAreOneEvent) {
  for (const char* text :
       {"A man was shot and wounded on Sunday.", "Police said three people were shot and injured."}) {
    auto cd = CodeText(text);
    const Event* e = OnlyEvent(cd, EventType::kAssault);
    ASSERT_NE(e, nullptr) << text;
    ASSERT_EQ(e->counts.size(), 1u) << text;
    EXPECT_EQ(e->counts[0].role, Role::kInjured);
  }
}

TEST(EventAssembler, SourceFromSaidAndAccordingTo) {
  auto said = CodeText("Police arrested 15 protesters on Tuesday, the interior ministry said.");
  const Event* e = OnlyEvent(said, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  ASSERT_TRUE(e->source.has_value());
  EXPECT_EQ(Text(said, *e->source), "the interior ministry said");

  auto according = CodeText("Police in Veloria detained 12 activists, according to the interior ministry.");
  const Event* a = OnlyEvent(according, EventType::kArrest);
  ASSERT_NE(a, nullptr);
  ASSERT_TRUE(a->source.has_value());
  EXPECT_EQ(Text(according, *a->source), "according to the interior ministry");
}

TEST(EventAssembler, NoSourceWhenNobodyIsQuoted) {
  auto cd = CodeText("Police arrested 15 protesters on Tuesday.");
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  EXPECT_FALSE(e->source.has_value());
}

// --- Spans into multi-byte text -------------------------------------------------------------

TEST(EventAssembler, SpansAreByteOffsetsIntoUtf8Text) {
  // Multi-byte letters and curly quotes before and inside the evidence; CodeText checks every
  // span of every event against the text.
  auto cd = CodeText(
      "Zürich, Dübendorf — “We detained 12 activists in Zürich,” a police spokesman said on Tuesday. "
      "Later, Kazakh police arrested 15 people in Almaty, according to the interior ministry.");
  ASSERT_GE(cd.events.size(), 2u);
  const Event& first = cd.events[0];
  EXPECT_EQ(Text(cd, first.trigger), "detained");
  ASSERT_EQ(first.counts.size(), 1u);
  EXPECT_EQ(Text(cd, first.counts[0].span), "12 activists");
  ASSERT_TRUE(first.location.has_value());
  EXPECT_EQ(Text(cd, first.location->span), "Zürich");
  ASSERT_TRUE(first.source.has_value());
  EXPECT_EQ(Text(cd, *first.source), "a police spokesman said");
  ASSERT_TRUE(first.date.has_value());
  EXPECT_EQ(Text(cd, first.date->span), "Tuesday");
}

TEST(EventAssembler, SpansSurviveRepairedUtf8AndCrlf) {
  // An invalid byte is replaced with U+FFFD (3 bytes) before coding: spans refer to the repaired
  // text, which CodeText checks.
  auto cd = CodeText("Caf\xe9 owners said:\r\n“Police arrested 15 people on Tuesday.”\r\n");
  ASSERT_EQ(cd.doc.warnings.size(), 1u);
  const Event* e = OnlyEvent(cd, EventType::kArrest);
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->counts.size(), 1u);
  EXPECT_EQ(Text(cd, e->counts[0].span), "15 people");
}

TEST(EventAssembler, NothingForAnUnrelatedReport) {
  auto cd = CodeText("The city council approved a new budget for parks on Tuesday.");
  EXPECT_TRUE(cd.events.empty());
  EXPECT_TRUE(cd.checks.empty());
}

}  // namespace
}  // namespace evident::pipeline
