#include "lexicon/vocabulary.h"

#include <array>

namespace evident::lexicon {
namespace {

constexpr std::array<std::string_view, kNumEventTypes> kTypeNames = {
    "PROTEST", "ASSAULT", "ARREST",  "CHARGE",  "CONVICT",  "SENTENCE", "ACQUIT",
    "RELEASE", "CUSTODY", "SEIZE",   "DESTROY", "MOBILIZE", "RESTRICT", "AID"};
constexpr std::array<std::string_view, 12> kRoleNames = {
    "", "participants", "arrested", "charged", "convicted", "jailed", "fined", "warned",
    "released", "detained", "killed", "injured"};
constexpr std::array<std::string_view, 14> kSectorNames = {
    "unknown", "police", "military", "government", "judiciary", "prosecutor", "opposition",
    "protesters", "civilians", "activists", "journalists", "students", "workers", "rebels"};
constexpr std::array<std::string_view, 16> kCueNames = {
    "negation", "future", "modal", "demand", "attempt", "denial", "source_verb", "source_prep",
    "partitive", "aux", "adverb", "conditional", "participation", "block", "nonviolent_cause", "medical_care"};

template <typename E, size_t N>
std::optional<E> Find(const std::array<std::string_view, N>& names, std::string_view s) {
  for (size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}

}  // namespace

std::string_view EventTypeName(EventType t) { return kTypeNames[static_cast<size_t>(t)]; }
std::optional<EventType> ParseEventType(std::string_view s) { return Find<EventType>(kTypeNames, s); }
std::string_view RoleName(Role r) { return kRoleNames[static_cast<size_t>(r)]; }
std::optional<Role> ParseRole(std::string_view s) {
  if (s == "-") return Role::kNone;
  if (s.empty()) return std::nullopt;
  return Find<Role>(kRoleNames, s);
}
std::string_view SectorName(Sector s) { return kSectorNames[static_cast<size_t>(s)]; }
std::optional<Sector> ParseSector(std::string_view s) { return Find<Sector>(kSectorNames, s); }
std::string_view CueName(Cue c) { return kCueNames[static_cast<size_t>(c)]; }
std::optional<Cue> ParseCue(std::string_view s) { return Find<Cue>(kCueNames, s); }

bool IsKnownMode(EventType t, std::string_view mode) {
  static constexpr std::string_view kProtest[] = {"demonstration", "strike", "riot", "sit_in", "blockade",
                                                  "hunger_strike", "march", "rally", "boycott"};
  static constexpr std::string_view kAssault[] = {"shooting", "beating", "stabbing", "bombing", "clash",
                                                  "crowd_control", "killing", "attack", "torture",
                                                  "sexual_assault", "execution"};
  static constexpr std::string_view kSentence[] = {"jail", "fine", "warning", "community_service",
                                                   "suspended", "death"};
  static constexpr std::string_view kRelease[] = {"bail"};
  static constexpr std::string_view kSeize[] = {"looting", "theft", "confiscation", "occupation"};
  static constexpr std::string_view kDestroy[] = {"arson", "demolition", "vandalism"};
  static constexpr std::string_view kMobilize[] = {"deployment", "patrol", "fortification"};
  static constexpr std::string_view kRestrict[] = {"curfew", "lockdown", "emergency", "ban"};
  static constexpr std::string_view kAid[] = {"humanitarian"};
  auto in = [&](auto& list) {
    for (auto m : list)
      if (m == mode) return true;
    return false;
  };
  switch (t) {
    case EventType::kProtest: return in(kProtest);
    case EventType::kAssault: return in(kAssault);
    case EventType::kSentence: return in(kSentence);
    case EventType::kRelease: return in(kRelease);
    case EventType::kSeize: return in(kSeize);
    case EventType::kDestroy: return in(kDestroy);
    case EventType::kMobilize: return in(kMobilize);
    case EventType::kRestrict: return in(kRestrict);
    case EventType::kAid: return in(kAid);
    default: return false;
  }
}

}  // namespace evident::lexicon
