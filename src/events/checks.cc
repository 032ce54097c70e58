#include "events/checks.h"

#include <string>

namespace evident::events {
namespace {

const Count* MainCount(const Event& e) {
  for (const auto& c : e.counts)
    if (c.value || c.low) return &c;
  return nullptr;
}

std::string Describe(const Count& c) {
  std::string s(lexicon::RoleName(c.role));
  s += " ";
  if (c.value) s += std::to_string(*c.value);
  else s += std::to_string(c.low.value_or(0)) + "-" + (c.high ? std::to_string(*c.high) : std::string("?"));
  return s;
}

}  // namespace

std::vector<Check> CheckNumbers(const std::vector<Event>& events) {
  std::vector<Check> out;
  const int n = static_cast<int>(events.size());
  // Parts vs their total, and parts larger than their set.
  for (int p = 0; p < n; ++p) {
    const Count* total = MainCount(events[p]);
    if (!total || !total->value) continue;
    std::vector<int> parts;
    int64_t sum = 0;
    bool exact = !total->approximate;
    std::string terms;
    for (int c = 0; c < n; ++c) {
      if (events[c].part_of != p) continue;
      const Count* part = MainCount(events[c]);
      if (!part || !part->value) continue;
      parts.push_back(c);
      sum += *part->value;
      exact = exact && !part->approximate;
      if (!terms.empty()) terms += " + ";
      terms += Describe(*part);
      if (*part->value > *total->value) {
        Check ch{"subset", "inconsistent", {p, c},
                 Describe(*part) + " is larger than its set, " + Describe(*total)};
        out.push_back(std::move(ch));
      }
    }
    if (parts.empty()) continue;
    Check ch;
    ch.kind = "parts_sum";
    ch.events = {p};
    ch.events.insert(ch.events.end(), parts.begin(), parts.end());
    if (sum == *total->value) {
      ch.result = "consistent";
      ch.message = terms + " = " + Describe(*total);
    } else if (sum < *total->value) {
      ch.result = "partial";
      ch.message = terms + " = " + std::to_string(sum) + ", less than " + Describe(*total) +
                   " (" + std::to_string(*total->value - sum) + " not accounted for)";
    } else {
      ch.result = exact ? "inconsistent" : "partial";
      ch.message = terms + " = " + std::to_string(sum) + ", more than " + Describe(*total);
    }
    out.push_back(std::move(ch));
  }
  // Figures stated again (merged into one event by the assembler).
  for (int a = 0; a < n; ++a)
    for (const auto& r : events[a].restated)
      out.push_back(Check{"repeated", "consistent", {a},
                          Describe(r) + " is stated again in a later sentence for the same event"});
  // The same figure repeated, and different figures for what looks like the same group.
  for (int a = 0; a < n; ++a) {
    if (events[a].status != EventStatus::kHappened) continue;
    for (const auto& ca : events[a].counts) {
      if (!ca.value) continue;
      for (int b = a + 1; b < n; ++b) {
        const Event& eb = events[b];
        if (eb.status != EventStatus::kHappened || eb.sentence_index == events[a].sentence_index) continue;
        if (eb.part_of == a || events[a].part_of == b) continue;
        for (const auto& cb : eb.counts) {
          if (cb.role != ca.role || !cb.value) continue;
          if (*cb.value == *ca.value && *ca.value > 1) {
            out.push_back(Check{"repeated", "consistent", {a, b},
                                Describe(ca) + " is stated again in a later sentence"});
          } else if (*cb.value != *ca.value && *ca.value > 1 && *cb.value > 1 && eb.type == events[a].type &&
                     !ca.approximate && !cb.approximate && events[a].date && eb.date &&
                     events[a].date->value == eb.date->value) {
            out.push_back(Check{"contradiction", "inconsistent", {a, b},
                                Describe(ca) + " and " + Describe(cb) +
                                    " are given for the same kind of event on the same date"});
          }
        }
      }
    }
  }
  return out;
}

}  // namespace evident::events
