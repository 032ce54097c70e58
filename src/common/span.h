// Span: a half-open byte range [begin, end) into a document's text as evident read it
// (after UTF-8 repair). Every annotation in the pipeline carries one, so that each output
// field can point at its evidence.
#pragma once

#include <cstdint>
#include <string_view>

namespace evident {

struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool Contains(const Span& other) const { return begin <= other.begin && other.end <= end; }
  bool Overlaps(const Span& other) const { return begin < other.end && other.begin < end; }
  std::string_view Of(std::string_view text) const { return text.substr(begin, end - begin); }
  friend bool operator==(const Span&, const Span&) = default;
};

inline Span Join(const Span& a, const Span& b) {
  return Span{a.begin < b.begin ? a.begin : b.begin, a.end > b.end ? a.end : b.end};
}

}  // namespace evident
