#include "events/cameo.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "lexicon/vocabulary.h"

namespace evident::events {
namespace {

using lexicon::EventType;

struct Row {
  EventType type;
  std::string_view mode;
  std::string_view plover_event;
  std::string_view plover_mode;
  std::string_view cameo;
};

void ExpectCode(const Row& r) {
  ExternalCode c = ToExternalCode(r.type, r.mode);
  std::string what = std::string(lexicon::EventTypeName(r.type)) + "/" + std::string(r.mode);
  EXPECT_EQ(c.plover_event, r.plover_event) << what;
  EXPECT_EQ(c.plover_mode, r.plover_mode) << what;
  EXPECT_EQ(c.cameo, r.cameo) << what;
}

// The table in docs/cameo.md, row by row.
TEST(ExternalCode, ProtestModesFollowTheDocumentedTable) {
  for (const Row& r : std::vector<Row>{
           {EventType::kProtest, "", "PROTEST", "demo", "141"},
           {EventType::kProtest, "demonstration", "PROTEST", "demo", "141"},
           {EventType::kProtest, "rally", "PROTEST", "demo", "141"},
           {EventType::kProtest, "march", "PROTEST", "demo", "141"},
           {EventType::kProtest, "hunger_strike", "PROTEST", "hunger", "142"},
           {EventType::kProtest, "strike", "PROTEST", "strike", "143"},
           {EventType::kProtest, "boycott", "PROTEST", "strike", "143"},
           {EventType::kProtest, "blockade", "PROTEST", "obstruct", "144"},
           {EventType::kProtest, "sit_in", "PROTEST", "obstruct", "144"},
           {EventType::kProtest, "riot", "PROTEST", "riot", "145"},
       })
    ExpectCode(r);
}

TEST(ExternalCode, AssaultModesFollowTheDocumentedTable) {
  for (const Row& r : std::vector<Row>{
           {EventType::kAssault, "crowd_control", "ASSAULT", "physical", "175"},
           {EventType::kAssault, "beating", "ASSAULT", "physical", "182"},
           {EventType::kAssault, "stabbing", "ASSAULT", "primitive", "182"},
           {EventType::kAssault, "torture", "ASSAULT", "physical", "1822"},
           {EventType::kAssault, "sexual_assault", "ASSAULT", "sexual", "1821"},
           {EventType::kAssault, "killing", "ASSAULT", "firearms", "186"},
           {EventType::kAssault, "execution", "ASSAULT", "firearms", "186"},
           {EventType::kAssault, "shooting", "ASSAULT", "firearms", "193"},
           {EventType::kAssault, "bombing", "ASSAULT", "explosives", "183"},
           {EventType::kAssault, "clash", "ASSAULT", "firearms", "190"},
           {EventType::kAssault, "attack", "ASSAULT", "", "180"},
           {EventType::kAssault, "", "ASSAULT", "", "180"},
       })
    ExpectCode(r);
}

TEST(ExternalCode, LegalTypesFollowTheDocumentedTable) {
  for (const Row& r : std::vector<Row>{
           {EventType::kArrest, "", "COERCE", "arrest", "173"},
           {EventType::kCustody, "", "COERCE", "arrest", "173"},
           {EventType::kCharge, "", "ACCUSE", "allege", "112"},
           {EventType::kConvict, "", "SANCTION", "convict", "172"},
           {EventType::kSentence, "", "SANCTION", "convict", "172"},
           {EventType::kAcquit, "", "RETREAT", "release", "084"},
           {EventType::kRelease, "", "RETREAT", "release", "084"},
           {EventType::kRelease, "bail", "RETREAT", "release", "084"},
       })
    ExpectCode(r);
  // Every sentence mode is a sanction (CAMEO has no separate sentencing codes).
  for (std::string_view mode : {"jail", "fine", "warning", "community_service", "suspended", "death"})
    ExpectCode({EventType::kSentence, mode, "SANCTION", "convict", "172"});
}

// Looting and seizures are PLOVER's COERCE/confiscate (CAMEO 1711; taking a building or a town,
// 192); burning and demolition its property destruction (1712); forces moved are MOBILIZE
// (154); curfews and lockdowns COERCE/curfew (1723), a state of emergency martial-law (1724).
TEST(ExternalCode, MaterialActsFollowTheDocumentedTable) {
  for (const Row& r : std::vector<Row>{
           {EventType::kSeize, "looting", "COERCE", "confiscate", "1711"},
           {EventType::kSeize, "confiscation", "COERCE", "confiscate", "1711"},
           {EventType::kSeize, "theft", "COERCE", "confiscate", "1711"},
           {EventType::kSeize, "occupation", "COERCE", "confiscate", "192"},
           {EventType::kDestroy, "arson", "ASSAULT", "destroy", "1712"},
           {EventType::kDestroy, "demolition", "ASSAULT", "destroy", "1712"},
           {EventType::kDestroy, "vandalism", "ASSAULT", "destroy", "1712"},
           {EventType::kMobilize, "deployment", "MOBILIZE", "troops", "154"},
           {EventType::kMobilize, "patrol", "MOBILIZE", "troops", "154"},
           {EventType::kMobilize, "fortification", "MOBILIZE", "troops", "154"},
           {EventType::kRestrict, "curfew", "COERCE", "curfew", "1723"},
           {EventType::kRestrict, "lockdown", "COERCE", "curfew", "1723"},
           {EventType::kRestrict, "emergency", "COERCE", "martial-law", "1724"},
           {EventType::kRestrict, "ban", "COERCE", "restrict", "172"},
           {EventType::kAid, "humanitarian", "AID", "humanitarian", "073"},
       })
    ExpectCode(r);
}

TEST(ExternalCode, EveryTypeAndKnownModeHasACode) {
  const std::vector<std::string_view> modes = {"",
                                               "demonstration",
                                               "rally",
                                               "march",
                                               "strike",
                                               "hunger_strike",
                                               "sit_in",
                                               "riot",
                                               "blockade",
                                               "boycott",
                                               "shooting",
                                               "beating",
                                               "stabbing",
                                               "bombing",
                                               "clash",
                                               "crowd_control",
                                               "killing",
                                               "attack",
                                               "torture",
                                               "sexual_assault",
                                               "execution",
                                               "jail",
                                               "fine",
                                               "warning",
                                               "community_service",
                                               "suspended",
                                               "death",
                                               "bail",
                                               "looting",
                                               "theft",
                                               "confiscation",
                                               "occupation",
                                               "arson",
                                               "demolition",
                                               "vandalism",
                                               "deployment",
                                               "patrol",
                                               "fortification",
                                               "curfew",
                                               "lockdown",
                                               "emergency",
                                               "ban",
                                               "humanitarian"};
  for (int t = 0; t < lexicon::kNumEventTypes; ++t) {
    auto type = static_cast<EventType>(t);
    for (std::string_view mode : modes) {
      if (!mode.empty() && !lexicon::IsKnownMode(type, mode)) continue;
      ExternalCode c = ToExternalCode(type, mode);
      EXPECT_FALSE(c.plover_event.empty()) << lexicon::EventTypeName(type) << "/" << mode;
      EXPECT_GE(c.cameo.size(), 3u) << lexicon::EventTypeName(type) << "/" << mode;
    }
  }
}

TEST(ExternalCode, UnknownModesFallBackToTheTypeCode) {
  ExpectCode({EventType::kProtest, "flash_mob", "PROTEST", "demo", "141"});
  ExpectCode({EventType::kAssault, "poisoning", "ASSAULT", "", "180"});
  ExpectCode({EventType::kArrest, "riot", "COERCE", "arrest", "173"});  // a mode of another type
  ExpectCode({EventType::kSentence, "Jail", "SANCTION", "convict", "172"});
  // Modes are case-sensitive snake_case: "Riot" is not "riot".
  ExpectCode({EventType::kProtest, "Riot", "PROTEST", "demo", "141"});
}

TEST(ExternalCode, OutOfRangeTypeGivesEmptyCodes) {
  ExternalCode c = ToExternalCode(static_cast<EventType>(200), "");
  EXPECT_EQ(c.plover_event, "");
  EXPECT_EQ(c.plover_mode, "");
  EXPECT_EQ(c.cameo, "");
}

}  // namespace
}  // namespace evident::events
