// The closed vocabularies the lexicon files and the output use: event types, modes, count
// roles, actor sectors and cue kinds, with their names as written in data/*.tsv and JSON.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace evident::lexicon {

// The first nine are the project's core types (protest, violence, the legal process); the last
// five are the material acts around them that event coders also code (PLOVER's COERCE/confiscate,
// property destruction, MOBILIZE, COERCE/restrict and AID): looting and seizures, burning and
// demolition, troop and police movements, curfews and lockdowns, aid handed out. They carry no
// count roles.
enum class EventType : uint8_t {
  kProtest, kAssault, kArrest, kCharge, kConvict, kSentence, kAcquit, kRelease, kCustody,
  kSeize, kDestroy, kMobilize, kRestrict, kAid,
};
inline constexpr int kNumEventTypes = 14;

enum class Role : uint8_t {
  kNone, kParticipants, kArrested, kCharged, kConvicted, kJailed, kFined, kWarned, kReleased,
  kDetained, kKilled, kInjured,
};

enum class Sector : uint8_t {
  kUnknown, kPolice, kMilitary, kGovernment, kJudiciary, kProsecutor, kOpposition, kProtesters,
  kCivilians, kActivists, kJournalists, kStudents, kWorkers, kRebels,
};

// What a cue word tells the assembler (cues.tsv).
enum class Cue : uint8_t {
  kNegation,     // not, never, no, without: the event did not happen
  kFuture,       // will, plan to, set to: planned
  kModal,        // could, may, might, would, faces: hypothetical
  kDemand,       // demand, call for, urge: not happened (demanded)
  kAttempt,      // tried to, attempted to: not happened
  kDenial,       // denied, rejected claims: negated
  kSourceVerb,   // said, told, reported: introduces who says so
  kSourcePrep,   // according to: introduces who says so
  kPartitive,    // of whom, of them, among them, including: a subset of the group before
  kAux,          // were, was, had been, got: passive auxiliaries between subject and verb
  kAdverb,       // also, later, reportedly, briefly: may stand between subject and verb
  kConditional,  // if, unless: hypothetical clause
  kParticipation,  // took part, joined, gathered: "500 people took part" counts participants
  kBlock,        // "heart attack", "press release": suppresses any trigger it overlaps
  kNonviolentCause,  // "died of the disease": a death that is no assault
  kMedicalCare,      // hospital, trauma center: "released from the hospital" is no release
};

// The material acts (SEIZE, DESTROY, MOBILIZE, RESTRICT, AID), which count nobody.
constexpr bool IsMaterialAct(EventType t) {
  return t == EventType::kSeize || t == EventType::kDestroy || t == EventType::kMobilize || t == EventType::kRestrict ||
         t == EventType::kAid;
}
std::string_view EventTypeName(EventType t);
std::optional<EventType> ParseEventType(std::string_view s);
std::string_view RoleName(Role r);  // "" for kNone
std::optional<Role> ParseRole(std::string_view s);  // "-" -> kNone
std::string_view SectorName(Sector s);
std::optional<Sector> ParseSector(std::string_view s);
std::string_view CueName(Cue c);
std::optional<Cue> ParseCue(std::string_view s);
// Modes are free-form snake_case names per type, checked against this list.
bool IsKnownMode(EventType t, std::string_view mode);

}  // namespace evident::lexicon
