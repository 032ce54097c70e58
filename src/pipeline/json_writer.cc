#include "pipeline/json_writer.h"

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "events/cameo.h"

namespace evident::pipeline {
namespace {

// PERF: literals appended as string_views: the length is known at compile time (appending a
// char* ran strlen on every field name).
using namespace std::string_view_literals;

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
  *out += "\"e"sv;
  AppendInt(index + 1, out);
  *out += '"';
}

void AppendSpanFields(std::string_view text, Span span, std::string* out) {
  *out += "\"text\":"sv;
  AppendJsonString(span.Of(text), out);
  *out += ",\"start\":"sv;
  AppendInt(span.begin, out);
  *out += ",\"end\":"sv;
  AppendInt(span.end, out);
}

void AppendSpan(std::string_view text, Span span, std::string* out) {
  *out += '{';
  AppendSpanFields(text, span, out);
  *out += '}';
}

void AppendOptInt(const std::optional<int64_t>& v, std::string* out) {
  if (v)
    AppendInt(*v, out);
  else
    *out += "null"sv;
}

void AppendActor(std::string_view text, const std::optional<events::ActorRef>& a, std::string* out) {
  if (!a) {
    *out += "null"sv;
    return;
  }
  *out += '{';
  AppendSpanFields(text, a->span, out);
  *out += ",\"sector\":\""sv;
  *out += lexicon::SectorName(a->sector);
  *out += "\",\"country\":"sv;
  if (a->country.empty())
    *out += "null"sv;
  else
    AppendJsonString(a->country, out);
  *out += '}';
}

void AppendEvent(std::string_view doc_text, std::string_view title, const std::vector<Event>& all, size_t i,
                 std::string* out) {
  const Event& e = all[i];
  // The spans of an event only the title states are offsets into the title.
  const std::string_view text = e.from_title ? title : doc_text;
  *out += "{\"id\":\"e"sv;
  AppendInt(static_cast<int64_t>(i) + 1, out);
  *out += "\",\"type\":\""sv;
  *out += lexicon::EventTypeName(e.type);
  *out += "\",\"mode\":"sv;
  if (e.mode.empty())
    *out += "null"sv;
  else
    AppendJsonString(e.mode, out);
  *out += ",\"status\":\""sv;
  *out += events::EventStatusName(e.status);
  *out += e.from_title ? "\",\"from\":\"title\",\"trigger\":"sv : "\",\"from\":\"text\",\"trigger\":"sv;
  AppendSpan(text, e.trigger, out);
  *out += ",\"sentence\":"sv;
  AppendSpan(text, e.sentence, out);
  *out += ",\"actor\":"sv;
  AppendActor(text, e.actor, out);
  *out += ",\"target\":"sv;
  AppendActor(text, e.target, out);
  *out += ",\"counts\":["sv;
  for (size_t c = 0; c < e.counts.size(); ++c) {
    const auto& n = e.counts[c];
    if (c) *out += ',';
    *out += "{\"role\":\""sv;
    *out += lexicon::RoleName(n.role);
    *out += "\",\"value\":"sv;
    AppendOptInt(n.value, out);
    *out += ",\"low\":"sv;
    AppendOptInt(n.low, out);
    *out += ",\"high\":"sv;
    AppendOptInt(n.high, out);
    *out += ",\"approximate\":"sv;
    *out += n.approximate ? "true" : "false";
    *out += ',';
    AppendSpanFields(text, n.span, out);
    *out += '}';
  }
  *out += "],\"restated\":["sv;
  for (size_t c = 0; c < e.restated.size(); ++c) {
    if (c) *out += ',';
    AppendSpan(text, e.restated[c].span, out);
  }
  *out += "],\"part_of\":"sv;
  if (e.part_of >= 0)
    AppendEventId(e.part_of, out);
  else
    *out += "null"sv;
  *out += ",\"date\":"sv;
  if (e.date) {
    *out += "{\"value\":\""sv;
    AppendIsoDate(e.date->value, out);
    *out += "\",\"precision\":\""sv;
    *out += e.date->precision;
    *out += "\","sv;
    AppendSpanFields(text, e.date->span, out);
    *out += ",\"basis\":\""sv;
    *out += e.date->basis;
    *out += "\"}"sv;
  } else {
    *out += "null"sv;
  }
  *out += ",\"location\":"sv;
  if (e.location) {
    const auto& l = *e.location;
    auto opt_string = [&](const std::string& v) {
      if (v.empty())
        *out += "null"sv;
      else
        AppendJsonString(v, out);
    };
    *out += '{';
    AppendSpanFields(l.basis == "title" ? title : doc_text, l.span, out);
    *out += ",\"name\":"sv;
    opt_string(l.name);
    *out += ",\"country\":"sv;
    opt_string(l.country);
    *out += ",\"admin1\":"sv;
    if (l.admin1_code.empty() && l.admin1_name.empty()) {
      *out += "null"sv;
    } else {
      *out += "{\"code\":"sv;
      opt_string(l.admin1_code);
      *out += ",\"name\":"sv;
      opt_string(l.admin1_name);
      *out += '}';
    }
    if (l.has_coordinates) {
      *out += ",\"lat\":"sv;
      AppendFixed5(l.lat, out);
      *out += ",\"lon\":"sv;
      AppendFixed5(l.lon, out);
    } else {
      *out += ",\"lat\":null,\"lon\":null"sv;
    }
    *out += ",\"geonames_id\":"sv;
    if (l.geonames_id)
      AppendInt(l.geonames_id, out);
    else
      *out += "null"sv;
    *out += ",\"precision\":\""sv;
    *out += l.precision;
    *out += "\",\"basis\":\""sv;
    *out += l.basis;
    *out += "\"}"sv;
  } else {
    *out += "null"sv;
  }
  *out += ",\"source\":"sv;
  if (e.source)
    AppendSpan(text, *e.source, out);
  else
    *out += "null"sv;
  auto code = events::ToExternalCode(e.type, e.mode);
  *out += ",\"plover\":{\"event\":\""sv;
  *out += code.plover_event;
  *out += "\",\"mode\":"sv;
  if (code.plover_mode.empty())
    *out += "null"sv;
  else
    AppendJsonString(code.plover_mode, out);
  *out += "},\"cameo\":\""sv;
  *out += code.cameo;
  *out += "\"}"sv;
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
    uint64_t special =
        ((w - kOnes * 0x20) | ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash)) & ~w & kHigh;
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
      case '"':
        *out += "\\\""sv;
        break;
      case '\\':
        *out += "\\\\"sv;
        break;
      case '\n':
        *out += "\\n"sv;
        break;
      case '\r':
        *out += "\\r"sv;
        break;
      case '\t':
        *out += "\\t"sv;
        break;
      case '\b':
        *out += "\\b"sv;
        break;
      case '\f':
        *out += "\\f"sv;
        break;
      default:
        if (c < 0x20) {
          *out += "\\u00"sv;
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
  *out += "{\"id\":"sv;
  AppendJsonString(doc.id, out);
  *out += ",\"published\":"sv;
  if (doc.published.empty())
    *out += "null"sv;
  else
    AppendJsonString(doc.published, out);
  *out += ",\"status\":\""sv;
  *out += cd.status.ok() ? "ok" : (cd.failed ? "failed" : "rejected");
  *out += '"';
  if (!cd.status.ok()) {
    *out += ",\"error\":{\"code\":\""sv;
    *out += ErrorCodeName(cd.status.code());
    *out += "\",\"message\":"sv;
    AppendJsonString(cd.status.message(), out);
    *out += ",\"where\":"sv;
    AppendJsonString(cd.status.where().empty() ? doc.origin : cd.status.where(), out);
    *out += '}';
  }
  *out += ",\"warnings\":["sv;
  for (size_t i = 0; i < doc.warnings.size(); ++i) {
    if (i) *out += ',';
    AppendJsonString(doc.warnings[i], out);
  }
  *out += "],\"events\":["sv;
  for (size_t i = 0; i < cd.events.size(); ++i) {
    if (i) *out += ',';
    AppendEvent(doc.text, doc.title, cd.events, i, out);
  }
  *out += "],\"checks\":["sv;
  for (size_t i = 0; i < cd.checks.size(); ++i) {
    const auto& c = cd.checks[i];
    if (i) *out += ',';
    *out += "{\"kind\":\""sv;
    *out += c.kind;
    *out += "\",\"result\":\""sv;
    *out += c.result;
    *out += "\",\"events\":["sv;
    for (size_t k = 0; k < c.events.size(); ++k) {
      if (k) *out += ',';
      AppendEventId(c.events[k], out);
    }
    *out += "],\"message\":"sv;
    AppendJsonString(c.message, out);
    *out += '}';
  }
  *out += "]}\n"sv;
}

}  // namespace evident::pipeline
