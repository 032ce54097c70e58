// Pretty output for a person reading one report: each event on a few lines with its evidence.
//
//   doc-1 (published 2020-05-09): 2 events
//     e1 ARREST happened  "were arrested"  2020-05-08 (relative: "Friday")
//        arrested 15 (at least) "At least 15 people" | actor police "Police" | in Almaty, KZ
//        source: "the interior ministry said"
//     check parts_sum consistent: jailed 301 + fined 140 + warned 71 = convicted 512
#pragma once

#include <string>

#include "pipeline/engine.h"

namespace evident::pipeline {

void AppendPretty(const CodedDocument& doc, std::string* out);

}  // namespace evident::pipeline
