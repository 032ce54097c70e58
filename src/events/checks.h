// CheckNumbers: a document's events -> consistency checks of their counts.
//
//   "512 were found guilty, 301 of whom were jailed, while 140 were fined and 71 warned"
//   => parts_sum consistent: "jailed 301 + fined 140 + warned 71 = 512 convicted"
//   "12 were arrested ... 15 of the arrested were charged" => subset inconsistent
//   "3 were killed ... the three dead" => repeated consistent
//   "police detained 40 ... police detained 55" (same type, role and date) => contradiction
#pragma once

#include <vector>

#include "events/event.h"

namespace evident::events {

std::vector<Check> CheckNumbers(const std::vector<Event>& events);

}  // namespace evident::events
