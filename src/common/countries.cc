#include "common/countries.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "common/tsv.h"
#include "common/utf8.h"

namespace evident {
namespace {

// Base letters for U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A), lowercase.
// nullptr: not a letter (U+00D7 multiplication sign, U+00F7 division sign). Generated from the
// Unicode decompositions; letters without one are spelled out (Æ ae, Ø o, Þ th, ß ss, Ł l, Œ oe).
constexpr const char* kLatinFold[0x180 - 0xC0] = {
    "a", "a", "a",  "a",  "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o",  "o",  "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",
    "a", "a", "a",  "a",  "a", "a", "ae", "c",     "e", "e", "e", "e", "i", "i", "i",  "i",
    "d", "n", "o",  "o",  "o", "o", "o",  nullptr, "o", "u", "u", "u", "u", "y", "th", "y",
    "a", "a", "a",  "a",  "a", "a", "c",  "c",     "c", "c", "c", "c", "c", "c", "d",  "d",
    "d", "d", "e",  "e",  "e", "e", "e",  "e",     "e", "e", "e", "e", "g", "g", "g",  "g",
    "g", "g", "g",  "g",  "h", "h", "h",  "h",     "i", "i", "i", "i", "i", "i", "i",  "i",
    "i", "i", "ij", "ij", "j", "j", "k",  "k",     "k", "l", "l", "l", "l", "l", "l",  "l",
    "l", "l", "l",  "n",  "n", "n", "n",  "n",     "n", "n", "n", "n", "o", "o", "o",  "o",
    "o", "o", "oe", "oe", "r", "r", "r",  "r",     "r", "r", "s", "s", "s", "s", "s",  "s",
    "s", "s", "t",  "t",  "t", "t", "t",  "t",     "u", "u", "u", "u", "u", "u", "u",  "u",
    "u", "u", "u",  "u",  "w", "w", "y",  "y",     "y", "z", "z", "z", "z", "z", "z",  "s",
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }


bool IsCode(std::string_view s) {
  return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}


// Who claimed a key first, for "claimed by two codes" errors.
struct Claim {
  size_t index;
  std::string spelling;
};

}  // namespace

std::string FoldCaseAndAccents(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : static_cast<char>(c);
      ++i;
      continue;
    }
    size_t len = 1;
    char32_t cp = DecodeUtf8(text, i, &len);
    const char* folded = nullptr;
    if (cp >= 0xC0 && cp < 0x180) {
      folded = kLatinFold[cp - 0xC0];
    } else if (cp == 0x218 || cp == 0x219) {  // Ș ș (Romanian, comma below)
      folded = "s";
    } else if (cp == 0x21A || cp == 0x21B) {  // Ț ț
      folded = "t";
    } else if (cp == 0x18F || cp == 0x259) {  // Ə ə (Azerbaijani: "Gədəbəy" is written "Gadabay")
      folded = "a";
    }
    if (folded != nullptr) {
      out += folded;
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
  return out;
}

namespace {
// NameKey of a name of ASCII bytes only: the same steps without the UTF-8 cases, in one pass.
// PERF: the place resolver keys every span that is not plain words ("St. Louis", "N.C.",
// "Winston-Salem") this way; the general path cost about 900 instructions a span.
std::string AsciiNameKey(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  for (char ch : name) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (IsSpace(ch) || c == '-') {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += c == '`' ? '\'' : (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : ch;
  }
  constexpr std::string_view kThe = "the ";
  if (out.size() > kThe.size() && out.compare(0, kThe.size(), kThe) == 0) out.erase(0, kThe.size());
  return out;
}
}  // namespace

std::string NameKey(std::string_view name) {
  bool ascii = true;
  for (char c : name) ascii &= static_cast<unsigned char>(c) < 0x80;
  if (ascii) return AsciiNameKey(name);
  return NameKeyGeneral(name);
}

std::string NameKeyGeneral(std::string_view name) {
  std::string folded = FoldCaseAndAccents(name);
  std::string out;
  out.reserve(folded.size());
  bool pending_space = false;
  auto put = [&](std::string_view piece) {
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    out += piece;
  };
  size_t i = 0;
  while (i < folded.size()) {
    unsigned char c = static_cast<unsigned char>(folded[i]);
    if (c < 0x80) {
      if (IsSpace(c) || c == '-') {
        pending_space = true;
      } else if (c == '`') {
        put("'");
      } else {
        put(std::string_view(&folded[i], 1));
      }
      ++i;
      continue;
    }
    size_t len = 1;
    char32_t cp = DecodeUtf8(folded, i, &len);
    switch (cp) {
      case 0x2018:
      case 0x2019:
      case 0x02BC:
      case 0x00B4:
      case 0x2032:  // ‘ ’ ʼ ´ ′
        put("'");
        break;
      case 0x2010:
      case 0x2011:
      case 0x2012:
      case 0x2013:
      case 0x2014:
      case 0x2212:  // dashes
      case 0x00A0:
      case 0x2009:
      case 0x202F:  // no-break, thin, narrow no-break spaces
        pending_space = true;
        break;
      default:
        put(std::string_view(folded).substr(i, len));
    }
    i += len;
  }
  constexpr std::string_view kThe = "the ";
  if (out.size() > kThe.size() && out.compare(0, kThe.size(), kThe) == 0) out.erase(0, kThe.size());
  return out;
}

Result<CountryTable> CountryTable::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status(ErrorCode::kIoError,
                  "cannot read the countries table; it ships as data/countries.tsv", path);
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return Parse(buffer.str(), path);
}

Result<CountryTable> CountryTable::Parse(std::string_view text, const std::string& file_name) {
  CountryTable table;
  std::vector<std::string> problems;
  auto problem = [&](size_t line, const std::string& message) {
    problems.push_back(file_name + ":" + std::to_string(line) + ": " + message);
  };
  std::unordered_map<std::string, Claim> name_claims;
  std::unordered_map<std::string, Claim> demonym_claims;
  // Records `spelling` under `key` for entry `index`; a key owned by another code is an error.
  auto claim = [&](std::unordered_map<std::string, Claim>& claims, std::string_view what,
                   std::string_view spelling, size_t index) {
    std::string key = NameKey(spelling);
    auto [it, inserted] = claims.emplace(key, Claim{index, std::string(spelling)});
    if (inserted || it->second.index == index) return;
    const Entry& first = table.entries_[it->second.index];
    const Entry& second = table.entries_[index];
    problem(second.line, std::string(what) + " '" + Fragment(spelling) + "' of " + second.code +
                             " is already claimed by " + first.code + " ('" +
                             Fragment(it->second.spelling) + "', line " +
                             std::to_string(first.line) + "); a name may belong to one code only");
  };

  ForEachTsvLine(text, problem, [&](size_t line_no, const std::vector<std::string_view>& cols, std::string_view line) {
    if (cols.size() != 4) {
      problem(line_no, "expected 4 tab-separated columns (code, name, aliases, demonyms), found " +
                           std::to_string(cols.size()) + " in '" + Fragment(line) + "'");
      return;
    }
    std::string_view code = cols[0];
    if (!IsCode(code)) {
      problem(line_no, "bad country code '" + Fragment(code) +
                           "'; codes are ISO 3166-1 alpha-2, two capital letters");
      return;
    }
    if (auto it = table.by_code_.find(std::string(code)); it != table.by_code_.end()) {
      problem(line_no, "duplicate code " + std::string(code) + " (first on line " +
                           std::to_string(table.entries_[it->second].line) + ")");
      return;
    }
    std::string_view name = TrimSpace(cols[1]);
    if (name.empty()) {
      problem(line_no, "empty name for " + std::string(code));
      return;
    }

    Entry entry;
    entry.code = std::string(code);
    entry.name = std::string(name);
    entry.line = line_no;
    bool items_ok = true;
    auto read_items = [&](std::string_view column, std::string_view what,
                          std::vector<std::string>* out) {
      if (TrimSpace(column).empty()) return;
      for (std::string_view item : SplitOn(column, '|')) {
        item = TrimSpace(item);
        if (item.empty()) {
          problem(line_no, "empty " + std::string(what) + " in '" + Fragment(column) +
                               "'; separate items with a single '|'");
          items_ok = false;
          continue;
        }
        out->emplace_back(item);
      }
    };
    read_items(cols[2], "alias", &entry.aliases);
    read_items(cols[3], "demonym", &entry.demonyms);
    if (!items_ok) return;

    size_t index = table.entries_.size();
    table.by_code_.emplace(entry.code, index);
    table.entries_.push_back(std::move(entry));
    const Entry& added = table.entries_.back();
    claim(name_claims, "name", added.name, index);
    for (const std::string& alias : added.aliases) claim(name_claims, "alias", alias, index);
    for (const std::string& demonym : added.demonyms) {
      claim(demonym_claims, "demonym", demonym, index);
    }
  });

  if (!problems.empty()) {
    if (problems.size() == 1) {
      // "file:line: message" -> where = "file:line", message after it.
      const std::string& p = problems.front();
      size_t colon = p.find(": ", file_name.size() + 1);
      return Status(ErrorCode::kLexiconError, p.substr(colon + 2), p.substr(0, colon));
    }
    std::string message = std::to_string(problems.size()) + " problems:";
    for (const std::string& p : problems) message += "\n  " + p;
    return Status(ErrorCode::kLexiconError, std::move(message), file_name);
  }
  if (table.entries_.empty()) {
    return Status(ErrorCode::kLexiconError, "no countries in the file", file_name);
  }
  for (auto& [key, c] : name_claims) table.by_name_.emplace(key, c.index);
  for (auto& [key, c] : demonym_claims) table.by_demonym_.emplace(key, c.index);
  return table;
}

const std::string* CountryTable::CodeForName(std::string_view name_or_code) const {
  std::string_view trimmed = TrimSpace(name_or_code);
  if (IsCode(trimmed)) {
    if (auto it = by_code_.find(std::string(trimmed)); it != by_code_.end()) {
      return &entries_[it->second].code;
    }
  }
  auto it = by_name_.find(NameKey(trimmed));
  return it == by_name_.end() ? nullptr : &entries_[it->second].code;
}

const std::string* CountryTable::CodeForDemonym(std::string_view demonym) const {
  std::string key = NameKey(demonym);
  auto it = by_demonym_.find(key);
  if (it == by_demonym_.end() && key.size() > 1 && key.back() == 's') {
    key.pop_back();
    it = by_demonym_.find(key);
  }
  return it == by_demonym_.end() ? nullptr : &entries_[it->second].code;
}

std::string_view CountryTable::NameForCode(std::string_view code) const {
  const Entry* entry = FindCode(code);
  return entry == nullptr ? std::string_view() : std::string_view(entry->name);
}

const CountryTable::Entry* CountryTable::FindCode(std::string_view code) const {
  auto it = by_code_.find(std::string(code));
  return it == by_code_.end() ? nullptr : &entries_[it->second];
}

}  // namespace evident
