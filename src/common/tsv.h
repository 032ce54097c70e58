// Helpers for the project's TAB-separated data files (countries.tsv, place_aliases.tsv): the
// line loop every loader needs, with the same rules everywhere.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace evident {

std::string_view TrimSpace(std::string_view s);               // spaces, tabs, CR, LF, FF
std::vector<std::string_view> SplitOn(std::string_view s, char sep);

// Calls `on_line(line_no, columns, line)` for every line of `text` that is not blank and not a
// `#` comment, with a trailing CR removed and the line split on TABs. A line that is not valid
// UTF-8 is reported through `problem(line_no, message)` instead. Line numbers start at 1.
void ForEachTsvLine(std::string_view text, const std::function<void(size_t, const std::string&)>& problem,
                    const std::function<void(size_t, const std::vector<std::string_view>&, std::string_view)>& on_line);

}  // namespace evident
