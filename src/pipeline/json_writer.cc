#include "pipeline/json_writer.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "events/cameo.h"

namespace evident::pipeline {
namespace {

// Writes `s` as a JSON string literal (with quotes) at `p`, which has room for 6 * s.size() + 2
// bytes; returns the end.
// PERF: runs of bytes that need no escaping are copied at once, found sixteen (SSE2) or eight
// bytes at a time (byte-wise appends were 7% of a profile of the whole CLI,
// docs/performance.md).
char* WriteJsonString(std::string_view s, char* p) {
  static const char* kHex = "0123456789abcdef";
  *p++ = '"';
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
  auto flush = [&](size_t upto) {
    std::memcpy(p, s.data() + run, upto - run);
    p += upto - run;
  };
  for (; i < s.size(); ++i) {
#if defined(__SSE2__)
    // PERF: sixteen bytes per step where SSE2 is there (most of the output is quoted text).
    {
      const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control_max = _mm_set1_epi8(0x1F);
      while (i + 16 <= s.size()) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
        const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(v, control_max), v);  // v <= 0x1F
        const __m128i special =
            _mm_or_si128(control, _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
        const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(special));
        if (mask != 0) {
          i += static_cast<size_t>(__builtin_ctz(mask));
          break;
        }
        i += 16;
      }
    }
#endif
    while (i + 8 <= s.size() && word_is_plain(i)) i += 8;
    if (i >= s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    flush(i);
    run = i + 1;
    *p++ = '\\';
    switch (c) {
      case '"':
        *p++ = '"';
        break;
      case '\\':
        *p++ = '\\';
        break;
      case '\n':
        *p++ = 'n';
        break;
      case '\r':
        *p++ = 'r';
        break;
      case '\t':
        *p++ = 't';
        break;
      case '\b':
        *p++ = 'b';
        break;
      case '\f':
        *p++ = 'f';
        break;
      default:
        *p++ = 'u';
        *p++ = '0';
        *p++ = '0';
        *p++ = kHex[c >> 4];
        *p++ = kHex[c & 15];
    }
  }
  flush(s.size());
  *p++ = '"';
  return p;
}

// PERF: literals appended as string_views: the length is known at compile time (appending a
// char* ran strlen on every field name).
using namespace std::string_view_literals;

using events::Event;

// PERF: an event is written through a raw pointer into a per-thread buffer sized for the worst
// case up front, then appended to the output at once. Appending each field to the std::string
// (a capacity check and an out-of-line call per piece) was 12% of the coding instructions
// (docs/performance.md).
class Sink {
 public:
  explicit Sink(char* p) : p_(p) {}
  char* end() const { return p_; }
  // A literal: the size is known at compile time, so the copy is a few moves.
  template <size_t N>
  void Lit(const char (&s)[N]) {
    std::memcpy(p_, s, N - 1);
    p_ += N - 1;
  }
  void Put(char c) { *p_++ = c; }
  void Raw(std::string_view s) {
    std::memcpy(p_, s.data(), s.size());
    p_ += s.size();
  }
  // PERF: numbers are written with WriteInt and std::to_chars; std::to_string and
  // snprintf("%.5f") were 5% of a profile of the whole CLI.
  void Int(int64_t v) { p_ = WriteInt(v, p_); }
  void Fixed5(double v) { p_ = WriteFixed5(v, p_); }
  void OptInt(const std::optional<int64_t>& v) {
    if (v)
      Int(*v);
    else
      Lit("null");
  }
  void EventId(int64_t index) {
    Lit("\"e");
    Int(index + 1);
    Put('"');
  }
  void IsoDate(const CivilDate& d) { p_ = WriteIsoDate(d, p_); }
  // A JSON string literal: at most 6 * s.size() + 2 bytes.
  void String(std::string_view s) { p_ = WriteJsonString(s, p_); }
  void OptString(std::string_view s) {
    if (s.empty())
      Lit("null");
    else
      String(s);
  }
  void SpanFields(std::string_view text, Span span) {
    Lit("\"text\":");
    String(span.Of(text));
    Lit(",\"start\":");
    Int(span.begin);
    Lit(",\"end\":");
    Int(span.end);
  }
  void SpanObject(std::string_view text, Span span) {
    Put('{');
    SpanFields(text, span);
    Put('}');
  }
  void Actor(std::string_view text, const std::optional<events::ActorRef>& a) {
    if (!a) {
      Lit("null");
      return;
    }
    Put('{');
    SpanFields(text, a->span);
    Lit(",\"sector\":\"");
    Raw(lexicon::SectorName(a->sector));
    Lit("\",\"country\":");
    OptString(a->country);
    Put('}');
  }

 private:
  char* p_;
};

// The most bytes AppendEvent can write for `e`: every string escaped at worst (6 bytes a byte),
// plus the field names, numbers and codes (well under 4 KB).
size_t EventBound(std::string_view text, std::string_view title, const Event& e) {
  std::string_view t = e.from_title ? title : text;
  size_t n = 4096 + e.mode.size() + e.trigger.size() + e.sentence.size();
  auto clip = [&](std::string_view in, Span s) { return s.Of(in).size(); };
  if (e.actor) n += clip(t, e.actor->span) + e.actor->country.size();
  if (e.target) n += clip(t, e.target->span) + e.target->country.size();
  for (const auto& c : e.counts) n += clip(t, c.span) + 64;
  for (const auto& c : e.restated) n += clip(t, c.span) + 32;
  if (e.date) n += clip(t, e.date->span);
  if (e.location) {
    const auto& l = *e.location;
    n += clip(l.basis == "title" ? title : text, l.span) + l.name.size() + l.country.size() + l.admin1_code.size() +
         l.admin1_name.size();
  }
  if (e.source) n += clip(t, *e.source);
  return 6 * n;
}

// The "sentence" and "location" values an event was written with, as offsets into the output:
// the next event of the same sentence or place copies them. PERF: 4.4 of the 32 MB written for
// the development set are such repeats (events of one sentence, one place for a story).
struct Written {
  const Event* event = nullptr;
  size_t sentence_at = 0, sentence_size = 0, location_at = 0, location_size = 0;
};

// Writes event i. `before` is what the event before it was written with, `out` the output
// holding it; `*written` receives this event's offsets relative to the start of `w`.
void WriteEvent(std::string_view doc_text, std::string_view title, const std::vector<Event>& all, size_t i, Sink& w,
                const Written& before, std::string_view out, Written* written) {
  const Event& e = all[i];
  const char* const start = w.end();
  // The spans of an event only the title states are offsets into the title.
  const std::string_view text = e.from_title ? title : doc_text;
  w.Lit("{\"id\":\"e");
  w.Int(static_cast<int64_t>(i) + 1);
  w.Lit("\",\"type\":\"");
  w.Raw(lexicon::EventTypeName(e.type));
  w.Lit("\",\"mode\":");
  w.OptString(e.mode);
  w.Lit(",\"status\":\"");
  w.Raw(events::EventStatusName(e.status));
  if (e.from_title)
    w.Lit("\",\"from\":\"title\",\"trigger\":");
  else
    w.Lit("\",\"from\":\"text\",\"trigger\":");
  w.SpanObject(text, e.trigger);
  w.Lit(",\"sentence\":");
  written->sentence_at = static_cast<size_t>(w.end() - start);
  if (before.event != nullptr && before.event->from_title == e.from_title &&
      before.event->sentence == e.sentence) {
    w.Raw(out.substr(before.sentence_at, before.sentence_size));
  } else {
    w.SpanObject(text, e.sentence);
  }
  written->sentence_size = static_cast<size_t>(w.end() - start) - written->sentence_at;
  w.Lit(",\"actor\":");
  w.Actor(text, e.actor);
  w.Lit(",\"target\":");
  w.Actor(text, e.target);
  w.Lit(",\"counts\":[");
  for (size_t c = 0; c < e.counts.size(); ++c) {
    const auto& n = e.counts[c];
    if (c) w.Put(',');
    w.Lit("{\"role\":\"");
    w.Raw(lexicon::RoleName(n.role));
    w.Lit("\",\"value\":");
    w.OptInt(n.value);
    w.Lit(",\"low\":");
    w.OptInt(n.low);
    w.Lit(",\"high\":");
    w.OptInt(n.high);
    if (n.approximate)
      w.Lit(",\"approximate\":true,");
    else
      w.Lit(",\"approximate\":false,");
    w.SpanFields(text, n.span);
    w.Put('}');
  }
  w.Lit("],\"restated\":[");
  for (size_t c = 0; c < e.restated.size(); ++c) {
    if (c) w.Put(',');
    w.SpanObject(text, e.restated[c].span);
  }
  w.Lit("],\"part_of\":");
  if (e.part_of >= 0)
    w.EventId(e.part_of);
  else
    w.Lit("null");
  w.Lit(",\"date\":");
  if (e.date) {
    w.Lit("{\"value\":\"");
    w.IsoDate(e.date->value);
    w.Lit("\",\"precision\":\"");
    w.Raw(e.date->precision);
    w.Lit("\",");
    w.SpanFields(text, e.date->span);
    w.Lit(",\"basis\":\"");
    w.Raw(e.date->basis);
    w.Lit("\"}");
  } else {
    w.Lit("null");
  }
  w.Lit(",\"location\":");
  written->location_at = static_cast<size_t>(w.end() - start);
  if (e.location && before.event != nullptr && before.event->location == e.location) {
    w.Raw(out.substr(before.location_at, before.location_size));
  } else if (e.location) {
    const auto& l = *e.location;
    w.Put('{');
    w.SpanFields(l.basis == "title" ? title : doc_text, l.span);
    w.Lit(",\"name\":");
    w.OptString(l.name);
    w.Lit(",\"country\":");
    w.OptString(l.country);
    w.Lit(",\"admin1\":");
    if (l.admin1_code.empty() && l.admin1_name.empty()) {
      w.Lit("null");
    } else {
      w.Lit("{\"code\":");
      w.OptString(l.admin1_code);
      w.Lit(",\"name\":");
      w.OptString(l.admin1_name);
      w.Put('}');
    }
    if (l.has_coordinates) {
      w.Lit(",\"lat\":");
      w.Fixed5(l.lat);
      w.Lit(",\"lon\":");
      w.Fixed5(l.lon);
    } else {
      w.Lit(",\"lat\":null,\"lon\":null");
    }
    w.Lit(",\"geonames_id\":");
    if (l.geonames_id)
      w.Int(l.geonames_id);
    else
      w.Lit("null");
    w.Lit(",\"precision\":\"");
    w.Raw(l.precision);
    w.Lit("\",\"basis\":\"");
    w.Raw(l.basis);
    w.Lit("\"}");
  } else {
    w.Lit("null");
  }
  written->location_size = static_cast<size_t>(w.end() - start) - written->location_at;
  written->event = &e;
  w.Lit(",\"source\":");
  if (e.source)
    w.SpanObject(text, *e.source);
  else
    w.Lit("null");
  auto code = events::ToExternalCode(e.type, e.mode);
  w.Lit(",\"plover\":{\"event\":\"");
  w.Raw(code.plover_event);
  w.Lit("\",\"mode\":");
  w.OptString(code.plover_mode);
  w.Lit("},\"cameo\":\"");
  w.Raw(code.cameo);
  w.Lit("\"}");
}

// Appends event i; `*written` holds what the event before it was written with (offsets into
// *out) and receives this event's.
void AppendEvent(std::string_view doc_text, std::string_view title, const std::vector<Event>& all, size_t i,
                 std::string* out, Written* written) {
  static thread_local std::string buffer;
  size_t bound = EventBound(doc_text, title, all[i]);
  if (buffer.size() < bound) buffer.resize(std::max(bound, 2 * buffer.size()));
  Sink w(buffer.data());
  Written now;
  WriteEvent(doc_text, title, all, i, w, *written, *out, &now);
  const size_t at = out->size();
  out->append(buffer.data(), static_cast<size_t>(w.end() - buffer.data()));
  now.sentence_at += at;
  now.location_at += at;
  *written = now;
}

void AppendEventId(int64_t index, std::string* out) {
  char buf[32];
  Sink w(buf);
  w.EventId(index);
  out->append(buf, static_cast<size_t>(w.end() - buf));
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  size_t at = out->size();
  out->resize(at + 6 * s.size() + 2);
  char* end = WriteJsonString(s, out->data() + at);
  out->resize(static_cast<size_t>(end - out->data()));
}

void AppendJsonLine(const CodedDocument& cd, std::string* out) {
  const auto& doc = cd.doc;
  // PERF: room for the usual line up front (an event takes about 1 KB plus its sentence), so
  // the line is not copied as it grows.
  size_t guess = out->size() + 256 + doc.id.size();
  for (const auto& e : cd.events) guess += 1024 + e.sentence.size();
  out->reserve(guess);
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
  Written written;
  for (size_t i = 0; i < cd.events.size(); ++i) {
    if (i) *out += ',';
    AppendEvent(doc.text, doc.title, cd.events, i, out, &written);
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

namespace {
// "00" to "99".
constexpr auto kTwoDigits = [] {
  std::array<char, 200> t{};
  for (int i = 0; i < 100; ++i) {
    t[2 * i] = static_cast<char>('0' + i / 10);
    t[2 * i + 1] = static_cast<char>('0' + i % 10);
  }
  return t;
}();
}  // namespace

// PERF: std::to_chars counts the digits in a loop first; the offsets, counts and ids of a line
// (a dozen numbers per event, nearly all below 10^6) were 1% of the coding's instructions.
char* WriteInt(int64_t v, char* out) {
  if (v < 0 || v >= 1000000) return std::to_chars(out, out + 20, v).ptr;
  auto u = static_cast<uint32_t>(v);
  if (u < 10) {
    *out = static_cast<char>('0' + u);
    return out + 1;
  }
  if (u < 100) {
    std::memcpy(out, &kTwoDigits[2 * u], 2);
    return out + 2;
  }
  // Three to six digits: written from the end, two at a time.
  const int digits = u < 1000 ? 3 : u < 10000 ? 4 : u < 100000 ? 5 : 6;
  char* p = out + digits;
  while (u >= 100) {
    p -= 2;
    std::memcpy(p, &kTwoDigits[2 * (u % 100)], 2);
    u /= 100;
  }
  if (u >= 10) {
    p -= 2;
    std::memcpy(p, &kTwoDigits[2 * u], 2);
  } else {
    *--p = static_cast<char>('0' + u);
  }
  return out + digits;
}

char* WriteFixed5(double v, char* out) {
  // PERF: std::to_chars with a precision (the digits printf("%.5f") writes) took ~500
  // instructions a call. Coordinates are whole microdegrees (the gazetteer's lat_e6 / 1e6): when
  // v * 1e6 lies within a hair of an integer m, the five decimals are m / 10 rounded by its last
  // digit, and a last digit of 5 is decided by the exact value of `v` (above or below the
  // halfway point; half to even only when exactly on it), as printf decides. Anything else goes
  // to std::to_chars.
  const double scaled = std::fabs(v) * 1e6;
  if (!(scaled < 1e15)) return std::to_chars(out, out + 48, v, std::chars_format::fixed, 5).ptr;
  const double whole = std::nearbyint(scaled);
  if (std::fabs(scaled - whole) > scaled * 1e-12) {
    return std::to_chars(out, out + 48, v, std::chars_format::fixed, 5).ptr;
  }
  const auto m = static_cast<uint64_t>(whole);
  uint64_t q = m / 10;  // units of 1e-5
  const uint64_t d = m % 10;
  bool up = d > 5;
  if (d == 5) {
    // fma rounds the exact |v| * 1e6 - m once, so the sign of the difference is exact.
    const double diff = std::fma(std::fabs(v), 1e6, -whole);
    up = diff > 0 || (diff == 0 && (q & 1) != 0);
  }
  if (up) ++q;
  if (std::signbit(v)) *out++ = '-';
  out = std::to_chars(out, out + 24, q / 100000).ptr;
  *out++ = '.';
  uint64_t frac = q % 100000;
  for (int i = 4; i >= 0; --i) {
    out[i] = static_cast<char>('0' + frac % 10);
    frac /= 10;
  }
  return out + 5;
}

}  // namespace evident::pipeline
