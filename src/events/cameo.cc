#include "events/cameo.h"

namespace evident::events {

using lexicon::EventType;

ExternalCode ToExternalCode(EventType type, std::string_view mode) {
  switch (type) {
    case EventType::kProtest:
      if (mode == "strike") return {"PROTEST", "strike", "143"};
      if (mode == "hunger_strike") return {"PROTEST", "hunger", "142"};
      if (mode == "riot") return {"PROTEST", "riot", "145"};
      if (mode == "blockade" || mode == "sit_in") return {"PROTEST", "obstruct", "144"};
      if (mode == "boycott") return {"PROTEST", "strike", "143"};
      return {"PROTEST", "demo", "141"};
    case EventType::kAssault:
      if (mode == "crowd_control") return {"ASSAULT", "physical", "175"};
      if (mode == "beating") return {"ASSAULT", "physical", "182"};
      if (mode == "torture") return {"ASSAULT", "physical", "1822"};
      if (mode == "sexual_assault") return {"ASSAULT", "sexual", "1821"};
      if (mode == "killing" || mode == "execution") return {"ASSAULT", "firearms", "186"};
      if (mode == "shooting") return {"ASSAULT", "firearms", "193"};
      if (mode == "stabbing") return {"ASSAULT", "primitive", "182"};
      if (mode == "bombing") return {"ASSAULT", "explosives", "183"};
      if (mode == "clash") return {"ASSAULT", "firearms", "190"};
      return {"ASSAULT", "", "180"};
    case EventType::kArrest: return {"COERCE", "arrest", "173"};
    case EventType::kCustody: return {"COERCE", "arrest", "173"};
    case EventType::kCharge: return {"ACCUSE", "allege", "112"};
    case EventType::kConvict: return {"SANCTION", "convict", "172"};
    case EventType::kSentence: return {"SANCTION", "convict", "172"};
    case EventType::kAcquit: return {"RETREAT", "release", "084"};
    case EventType::kRelease: return {"RETREAT", "release", "084"};
    case EventType::kSeize: return {"COERCE", "confiscate", mode == "occupation" ? "192" : "1711"};
    case EventType::kDestroy: return {"ASSAULT", "destroy", "1712"};
    case EventType::kMobilize: return {"MOBILIZE", "troops", "154"};
    case EventType::kRestrict:
      if (mode == "curfew" || mode == "lockdown") return {"COERCE", "curfew", "1723"};
      if (mode == "emergency") return {"COERCE", "martial-law", "1724"};
      return {"COERCE", "restrict", "172"};
    case EventType::kAid: return {"AID", "humanitarian", "073"};
  }
  return {"", "", ""};
}

}  // namespace evident::events
