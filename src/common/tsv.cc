#include "common/tsv.h"

#include "common/utf8.h"

namespace evident {

std::string_view TrimSpace(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

void ForEachTsvLine(std::string_view text, const std::function<void(size_t, const std::string&)>& problem,
                    const std::function<void(size_t, const std::vector<std::string_view>&, std::string_view)>& on_line) {
  size_t line_no = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (TrimSpace(line).empty() || line.front() == '#') continue;
    if (size_t bad = FindInvalidUtf8(line); bad != std::string_view::npos) {
      problem(line_no, "invalid UTF-8 at byte " + std::to_string(bad) + "; the file must be UTF-8");
      continue;
    }
    on_line(line_no, SplitOn(line, '\t'), line);
  }
}

}  // namespace evident
