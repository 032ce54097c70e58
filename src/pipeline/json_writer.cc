#include "pipeline/json_writer.h"

#include <charconv>
#include <cstdint>
#include <cstring>
#include <cstdio>

#include "events/cameo.h"

namespace evident::pipeline {
namespace {

using events::Event;

// PERF: numbers are written with std::to_chars straight into the output; std::to_string and
// snprintf("%.5f") were 5% of a profile of the whole CLI (docs/performance.md).
void AppendInt(int64_t v, std::string* out) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out->append(buf, r.ptr);
}

// Same digits as printf("%.5f"): std::to_chars with a precision is specified to format as printf does.
void AppendFixed5(double v, std::string* out) {
  char buf[64];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 5);
  out->append(buf, r.ptr);
}

void AppendEventId(int64_t index, std::string* out) {
  *out += "\"e";
  AppendInt(index + 1, out);
  *out += '"';
}

void AppendSpanFields(std::string_view text, Span span, std::string* out) {
  *out += "\"text\":";
  AppendJsonString(span.Of(text), out);
  *out += ",\"start\":";
  AppendInt(span.begin, out);
  *out += ",\"end\":";
  AppendInt(span.end, out);
}

void AppendSpan(std::string_view text, Span span, std::string* out) {
  *out += '{';
  AppendSpanFields(text, span, out);
  *out += '}';
}

void AppendOptInt(const std::optional<int64_t>& v, std::string* out) {
  if (v) AppendInt(*v, out);
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
  AppendInt(static_cast<int64_t>(i) + 1, out);
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
  if (e.part_of >= 0) AppendEventId(e.part_of, out);
  else *out += "null";
  *out += ",\"date\":";
  if (e.date) {
    *out += "{\"value\":\"";
    AppendIsoDate(e.date->value, out);
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
    if (l.has_coordinates) {
      *out += ",\"lat\":";
      AppendFixed5(l.lat, out);
      *out += ",\"lon\":";
      AppendFixed5(l.lon, out);
    } else {
      *out += ",\"lat\":null,\"lon\":null";
    }
    *out += ",\"geonames_id\":";
    if (l.geonames_id) AppendInt(l.geonames_id, out);
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
  // Eight bytes at a time (SWAR): a word with no control byte, quote or backslash is skipped whole.
  size_t run = 0;
  size_t i = 0;
  auto word_is_plain = [&](size_t at) {
    constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    uint64_t w;
    std::memcpy(&w, s.data() + at, 8);
    uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
    uint64_t special = ((w - kOnes * 0x20) | ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash)) & ~w & kHigh;
    return special == 0;
  };
  for (; i < s.size(); ++i) {
    while (i + 8 <= s.size() && word_is_plain(i)) i += 8;
    if (i >= s.size()) break;
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
      AppendEventId(c.events[k], out);
    }
    *out += "],\"message\":";
    AppendJsonString(c.message, out);
    *out += '}';
  }
  *out += "]}\n";
}

}  // namespace evident::pipeline
