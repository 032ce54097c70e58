#include "places/aliases.h"

#include <fstream>
#include <map>
#include <sstream>
#include <utility>

#include "common/tsv.h"
#include "common/utf8.h"

namespace evident::places {
namespace {



bool IsUpperAlnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

bool IsCountryCode(std::string_view s) {
  return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

// "US-NC", "UA-14", "CD-KE": two capitals, a hyphen, one to three capitals or digits.
bool IsSubdivisionCode(std::string_view s) {
  if (s.size() < 4 || s.size() > 6 || !IsCountryCode(s.substr(0, 2)) || s[2] != '-') return false;
  for (char c : s.substr(3))
    if (!IsUpperAlnum(c)) return false;
  return true;
}

}  // namespace

bool IsAbbreviation(std::string_view alias) {
  if (!alias.empty() && alias.back() == '.') {
    // "N.C.", "Calif.", "W. Va."; not a full name ending with initials ("Washington D.C."):
    // every word ends with a dot.
    for (size_t start = 0; start < alias.size();) {
      size_t space = alias.find(' ', start);
      if (space == std::string_view::npos) space = alias.size();
      if (space > start && alias[space - 1] != '.') return false;
      start = space + 1;
    }
    return true;
  }
  if (alias.size() < 2 || alias.size() > 3) return false;
  for (char c : alias)
    if (c < 'A' || c > 'Z') return false;
  return true;
}

Result<PlaceAliases> PlaceAliases::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status(ErrorCode::kIoError, "cannot read the place aliases; they ship as data/place_aliases.tsv", path);
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return Parse(buffer.str(), path);
}

Result<PlaceAliases> PlaceAliases::Parse(std::string_view text, const std::string& file_name) {
  PlaceAliases out;
  std::vector<std::string> problems;
  auto problem = [&](size_t line, const std::string& message) {
    problems.push_back(file_name + ":" + std::to_string(line) + ": " + message);
  };
  std::map<std::pair<int, std::string>, size_t> first_line;  // (kind, target) -> line

  ForEachTsvLine(text, problem, [&](size_t line_no, const std::vector<std::string_view>& raw_cols, std::string_view line) {
    std::vector<std::string_view> cols = raw_cols;
    if (cols.size() != 4) {
      problem(line_no, "expected 4 tab-separated columns (kind, target, name, aliases), found " +
                           std::to_string(cols.size()) + " in '" + Fragment(line) + "'");
      return;
    }
    for (auto& c : cols) c = TrimSpace(c);
    PlaceAlias entry;
    entry.line = line_no;
    std::string_view kind = cols[0];
    std::string_view target = cols[1];
    if (kind == "country") {
      entry.kind = PlaceAlias::Kind::kCountry;
      if (!IsCountryCode(target)) {
        problem(line_no,
                "bad country code '" + Fragment(target) + "'; codes are ISO 3166-1 alpha-2, two capital letters");
        return;
      }
    } else if (kind == "admin1") {
      entry.kind = PlaceAlias::Kind::kAdmin1;
      if (!IsSubdivisionCode(target)) {
        problem(line_no, "bad subdivision code '" + Fragment(target) + "'; codes are ISO 3166-2, like US-NC or UA-14");
        return;
      }
    } else if (kind == "city" || kind == "short") {
      entry.kind = kind == "city" ? PlaceAlias::Kind::kCity : PlaceAlias::Kind::kShort;
      if (!IsCountryCode(target) && !IsSubdivisionCode(target)) {
        problem(line_no,
                "bad city target '" + Fragment(target) + "'; write the country (UA) or the subdivision (US-TX)");
        return;
      }
    } else if (kind == "place") {
      entry.kind = PlaceAlias::Kind::kPlace;
      if (!IsSubdivisionCode(target)) {
        problem(line_no, "bad place target '" + Fragment(target) +
                             "'; write the top-level subdivision the place is in (ISO 3166-2, like LB-BI)");
        return;
      }
    } else if (kind == "section") {
      entry.kind = PlaceAlias::Kind::kSection;
      if (!IsSubdivisionCode(target)) {
        problem(line_no, "bad section target '" + Fragment(target) +
                             "'; write the top-level subdivision the city is in (ISO 3166-2, like US-PA)");
        return;
      }
    } else if (kind == "actor") {
      entry.kind = PlaceAlias::Kind::kActor;
      if (!IsCountryCode(target)) {
        problem(line_no, "bad country code '" + Fragment(target) + "' for an actor; codes are ISO 3166-1 alpha-2");
        return;
      }
    } else if (kind == "common") {
      entry.kind = PlaceAlias::Kind::kCommon;
      if (target != "-") {
        problem(line_no, "a common line has '-' as its target, found '" + Fragment(target) + "'");
        return;
      }
    } else {
      problem(line_no, "unknown kind '" + Fragment(kind) +
                           "'; kinds are country, admin1, city, short, place, section, common, actor");
      return;
    }
    entry.target = std::string(target);
    entry.name = std::string(cols[2]);
    bool needs_name = entry.kind == PlaceAlias::Kind::kCity || entry.kind == PlaceAlias::Kind::kShort ||
                      entry.kind == PlaceAlias::Kind::kAdmin1 ||
                      entry.kind == PlaceAlias::Kind::kPlace || entry.kind == PlaceAlias::Kind::kSection;
    if (needs_name && (entry.name.empty() || entry.name == "-")) {
      problem(line_no, std::string("a ") + std::string(kind) + " line needs the place's name in the third column");
      return;
    }
    bool items_ok = true;
    if (!cols[3].empty() && cols[3] != "-") {
      for (std::string_view item : SplitOn(cols[3], '|')) {
        item = TrimSpace(item);
        if (item.empty()) {
          problem(line_no, "empty alias in '" + Fragment(cols[3]) + "'; separate aliases with a single '|'");
          items_ok = false;
          break;
        }
        entry.aliases.emplace_back(item);
      }
    }
    if (!items_ok) return;
    if ((entry.kind == PlaceAlias::Kind::kCommon || entry.kind == PlaceAlias::Kind::kActor ||
         entry.kind == PlaceAlias::Kind::kSection) &&
        entry.aliases.empty()) {
      problem(line_no,
              std::string("a ") + std::string(kind) + " line lists its names in the fourth column; found none");
      return;
    }
    if (entry.kind == PlaceAlias::Kind::kCountry || entry.kind == PlaceAlias::Kind::kAdmin1) {
      auto [it, inserted] = first_line.emplace(std::make_pair(static_cast<int>(entry.kind), entry.target), line_no);
      if (!inserted) {
        problem(line_no, std::string(kind) + " " + entry.target + " is already listed on line " +
                             std::to_string(it->second) + "; merge the two lines");
        return;
      }
    }
    out.entries_.push_back(std::move(entry));
  });

  if (!problems.empty()) {
    if (problems.size() == 1) {
      const std::string& p = problems.front();
      size_t colon = p.find(": ", file_name.size() + 1);
      return Status(ErrorCode::kLexiconError, p.substr(colon + 2), p.substr(0, colon));
    }
    std::string message = std::to_string(problems.size()) + " problems:";
    for (const std::string& p : problems) message += "\n  " + p;
    return Status(ErrorCode::kLexiconError, std::move(message), file_name);
  }
  return out;
}

}  // namespace evident::places
