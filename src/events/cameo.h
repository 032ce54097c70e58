// PLOVER and CAMEO codes for evident's event types and modes. The table is documented in
// docs/cameo.md; keep the two in step.
#pragma once

#include <string_view>

#include "lexicon/vocabulary.h"

namespace evident::events {

struct ExternalCode {
  std::string_view plover_event;
  std::string_view plover_mode;  // "" when PLOVER has no mode for it
  std::string_view cameo;
};

ExternalCode ToExternalCode(lexicon::EventType type, std::string_view mode);

}  // namespace evident::events
