#include "pipeline/pretty_writer.h"

#include <fmt/format.h>

namespace evident::pipeline {
namespace {

std::string Quote(std::string_view text, Span s) {
  std::string q(s.Of(text));
  for (char& c : q)
    if (c == '\n' || c == '\t') c = ' ';
  return "\"" + q + "\"";
}

}  // namespace

void AppendPretty(const CodedDocument& cd, std::string* out) {
  const auto& doc = cd.doc;
  if (!cd.status.ok()) {
    *out += fmt::format("{}: {} ({}): {}\n\n", doc.id, cd.failed ? "FAILED" : "REJECTED",
                        ErrorCodeName(cd.status.code()), cd.status.message());
    return;
  }
  *out += fmt::format("{}{}: {} event{}\n", doc.id,
                      doc.published.empty() ? std::string() : " (published " + doc.published + ")",
                      cd.events.size(), cd.events.size() == 1 ? "" : "s");
  for (const auto& w : doc.warnings) *out += fmt::format("  warning: {}\n", w);
  for (size_t i = 0; i < cd.events.size(); ++i) {
    const auto& e = cd.events[i];
    // An event only the title states quotes the title (docs/output.md, `from`).
    std::string_view text = e.from_title ? std::string_view(doc.title) : std::string_view(doc.text);
    *out += fmt::format("  e{} {}{} {}{}  {}", i + 1, lexicon::EventTypeName(e.type),
                        e.mode.empty() ? std::string() : "/" + std::string(e.mode),
                        events::EventStatusName(e.status), e.from_title ? " (title)" : "", Quote(text, e.trigger));
    if (e.date) {
      *out += fmt::format("  {} ({}{})", FormatIsoDate(e.date->value), e.date->basis,
                          e.date->span.empty() ? std::string() : ": " + Quote(text, e.date->span));
    }
    if (e.part_of >= 0) *out += fmt::format("  part of e{}", e.part_of + 1);
    *out += '\n';
    for (const auto& c : e.counts) {
      std::string v = c.value ? std::to_string(*c.value) : "?";
      std::string range;
      if (c.low != c.value || c.high != c.value)
        range = fmt::format(" [{}..{}]", c.low ? std::to_string(*c.low) : "", c.high ? std::to_string(*c.high) : "");
      *out += fmt::format("       {} {}{} {}\n", lexicon::RoleName(c.role), v, range, Quote(text, c.span));
    }
    std::string who;
    if (e.actor)
      who += fmt::format("actor {}{} {}", lexicon::SectorName(e.actor->sector),
                         e.actor->country.empty() ? "" : "/" + e.actor->country, Quote(text, e.actor->span));
    if (e.target)
      who += fmt::format("{}target {}{} {}", who.empty() ? "" : " | ", lexicon::SectorName(e.target->sector),
                         e.target->country.empty() ? "" : "/" + e.target->country, Quote(text, e.target->span));
    if (e.location)
      who += fmt::format("{}in {}{}{} ({})", who.empty() ? "" : " | ",
                         e.location->name.empty() ? std::string("?") : e.location->name,
                         e.location->admin1_name.empty() ? "" : ", " + e.location->admin1_name,
                         e.location->country.empty() ? "" : ", " + e.location->country, e.location->basis);
    if (!who.empty()) *out += "       " + who + "\n";
    if (e.source) *out += fmt::format("       source: {}\n", Quote(text, *e.source));
  }
  for (const auto& c : cd.checks) *out += fmt::format("  check {} {}: {}\n", c.kind, c.result, c.message);
  *out += '\n';
}

}  // namespace evident::pipeline
