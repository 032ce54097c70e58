#include "pipeline/json_writer.h"

#include <cstdio>

#include "events/cameo.h"

namespace evident::pipeline {
namespace {

using events::Event;

void AppendSpanFields(std::string_view text, Span span, std::string* out) {
  *out += "\"text\":";
  AppendJsonString(span.Of(text), out);
  *out += ",\"start\":";
  *out += std::to_string(span.begin);
  *out += ",\"end\":";
  *out += std::to_string(span.end);
}

void AppendSpan(std::string_view text, Span span, std::string* out) {
  *out += '{';
  AppendSpanFields(text, span, out);
  *out += '}';
}

void AppendOptInt(const std::optional<int64_t>& v, std::string* out) {
  if (v) *out += std::to_string(*v);
  else *out += "null";
}

void AppendActor(std::string_view text, const std::optional<events::ActorRef>& a, std::string* out) {
  if (!a) {
    *out += "null";
    return;
  }
  *out += '{';
  AppendSpanFields(text, a->span, out);
  *out += ",\"sector\":\"";
  *out += lexicon::SectorName(a->sector);
  *out += "\",\"country\":";
  if (a->country.empty()) *out += "null";
  else AppendJsonString(a->country, out);
  *out += '}';
}

void AppendEvent(std::string_view text, const std::vector<Event>& all, size_t i, std::string* out) {
  const Event& e = all[i];
  *out += "{\"id\":\"e";
  *out += std::to_string(i + 1);
  *out += "\",\"type\":\"";
  *out += lexicon::EventTypeName(e.type);
  *out += "\",\"mode\":";
  if (e.mode.empty()) *out += "null";
  else AppendJsonString(e.mode, out);
  *out += ",\"status\":\"";
  *out += events::EventStatusName(e.status);
  *out += "\",\"trigger\":";
  AppendSpan(text, e.trigger, out);
  *out += ",\"sentence\":";
  AppendSpan(text, e.sentence, out);
  *out += ",\"actor\":";
  AppendActor(text, e.actor, out);
  *out += ",\"target\":";
  AppendActor(text, e.target, out);
  *out += ",\"counts\":[";
  for (size_t c = 0; c < e.counts.size(); ++c) {
    const auto& n = e.counts[c];
    if (c) *out += ',';
    *out += "{\"role\":\"";
    *out += lexicon::RoleName(n.role);
    *out += "\",\"value\":";
    AppendOptInt(n.value, out);
    *out += ",\"low\":";
    AppendOptInt(n.low, out);
    *out += ",\"high\":";
    AppendOptInt(n.high, out);
    *out += ",\"approximate\":";
    *out += n.approximate ? "true" : "false";
    *out += ',';
    AppendSpanFields(text, n.span, out);
    *out += '}';
  }
  *out += "],\"restated\":[";
  for (size_t c = 0; c < e.restated.size(); ++c) {
    if (c) *out += ',';
    AppendSpan(text, e.restated[c].span, out);
  }
  *out += "],\"part_of\":";
  if (e.part_of >= 0) *out += "\"e" + std::to_string(e.part_of + 1) + "\"";
  else *out += "null";
  *out += ",\"date\":";
  if (e.date) {
    *out += "{\"value\":\"";
    *out += FormatIsoDate(e.date->value);
    *out += "\",\"precision\":\"";
    *out += e.date->precision;
    *out += "\",";
    AppendSpanFields(text, e.date->span, out);
    *out += ",\"basis\":\"";
    *out += e.date->basis;
    *out += "\"}";
  } else {
    *out += "null";
  }
  *out += ",\"location\":";
  if (e.location) {
    const auto& l = *e.location;
    auto opt_string = [&](const std::string& v) {
      if (v.empty()) *out += "null";
      else AppendJsonString(v, out);
    };
    *out += '{';
    AppendSpanFields(text, l.span, out);
    *out += ",\"name\":";
    opt_string(l.name);
    *out += ",\"country\":";
    opt_string(l.country);
    *out += ",\"admin1\":";
    if (l.admin1_code.empty() && l.admin1_name.empty()) {
      *out += "null";
    } else {
      *out += "{\"code\":";
      opt_string(l.admin1_code);
      *out += ",\"name\":";
      opt_string(l.admin1_name);
      *out += '}';
    }
    char coords[64];
    if (l.has_coordinates) std::snprintf(coords, sizeof coords, ",\"lat\":%.5f,\"lon\":%.5f", l.lat, l.lon);
    else std::snprintf(coords, sizeof coords, ",\"lat\":null,\"lon\":null");
    *out += coords;
    *out += ",\"geonames_id\":";
    if (l.geonames_id) *out += std::to_string(l.geonames_id);
    else *out += "null";
    *out += ",\"precision\":\"";
    *out += l.precision;
    *out += "\",\"basis\":\"";
    *out += l.basis;
    *out += "\"}";
  } else {
    *out += "null";
  }
  *out += ",\"source\":";
  if (e.source) AppendSpan(text, *e.source, out);
  else *out += "null";
  auto code = events::ToExternalCode(e.type, e.mode);
  *out += ",\"plover\":{\"event\":\"";
  *out += code.plover_event;
  *out += "\",\"mode\":";
  if (code.plover_mode.empty()) *out += "null";
  else AppendJsonString(code.plover_mode, out);
  *out += "},\"cameo\":\"";
  *out += code.cameo;
  *out += "\"}";
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  static const char* kHex = "0123456789abcdef";
  *out += '"';
  // PERF: copy runs of bytes that need no escaping in one append (byte-wise appends were 7% of
  // a profile of the whole CLI, docs/performance.md).
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': *out += "\\\""; break;
      case '\\': *out += "\\\\"; break;
      case '\n': *out += "\\n"; break;
      case '\r': *out += "\\r"; break;
      case '\t': *out += "\\t"; break;
      case '\b': *out += "\\b"; break;
      case '\f': *out += "\\f"; break;
      default:
        if (c < 0x20) {
          *out += "\\u00";
          *out += kHex[c >> 4];
          *out += kHex[c & 15];
        }
    }
  }
  out->append(s.data() + run, s.size() - run);
  *out += '"';
}

void AppendJsonLine(const CodedDocument& cd, std::string* out) {
  const auto& doc = cd.doc;
  *out += "{\"id\":";
  AppendJsonString(doc.id, out);
  *out += ",\"published\":";
  if (doc.published.empty()) *out += "null";
  else AppendJsonString(doc.published, out);
  *out += ",\"status\":\"";
  *out += cd.status.ok() ? "ok" : (cd.failed ? "failed" : "rejected");
  *out += '"';
  if (!cd.status.ok()) {
    *out += ",\"error\":{\"code\":\"";
    *out += ErrorCodeName(cd.status.code());
    *out += "\",\"message\":";
    AppendJsonString(cd.status.message(), out);
    *out += ",\"where\":";
    AppendJsonString(cd.status.where().empty() ? doc.origin : cd.status.where(), out);
    *out += '}';
  }
  *out += ",\"warnings\":[";
  for (size_t i = 0; i < doc.warnings.size(); ++i) {
    if (i) *out += ',';
    AppendJsonString(doc.warnings[i], out);
  }
  *out += "],\"events\":[";
  for (size_t i = 0; i < cd.events.size(); ++i) {
    if (i) *out += ',';
    AppendEvent(doc.text, cd.events, i, out);
  }
  *out += "],\"checks\":[";
  for (size_t i = 0; i < cd.checks.size(); ++i) {
    const auto& c = cd.checks[i];
    if (i) *out += ',';
    *out += "{\"kind\":\"";
    *out += c.kind;
    *out += "\",\"result\":\"";
    *out += c.result;
    *out += "\",\"events\":[";
    for (size_t k = 0; k < c.events.size(); ++k) {
      if (k) *out += ',';
      *out += "\"e" + std::to_string(c.events[k] + 1) + "\"";
    }
    *out += "],\"message\":";
    AppendJsonString(c.message, out);
    *out += '}';
  }
  *out += "]}\n";
}

}  // namespace evident::pipeline
