#include "lexicon/lexicon.h"

#include <fstream>
#include <sstream>

#include "common/utf8.h"
#include "lexicon/vocabulary.h"

namespace evident::lexicon {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Regular verb forms. Consonant doubling for short CVC stems ("stab" -> "stabbed"); the
// lexicon may list a doubled stem's forms as irregular when the rule guesses wrong.
void RegularVerb(const std::string& w, std::vector<std::pair<std::string, Form>>* out) {
  size_t n = w.size();
  out->emplace_back(w, Form::kBase);
  std::string third, past, ing;
  if (n >= 2 && w[n - 1] == 'y' && !IsVowel(w[n - 2])) {
    third = w.substr(0, n - 1) + "ies";
    past = w.substr(0, n - 1) + "ied";
    ing = w + "ing";
  } else if (n >= 1 && w[n - 1] == 'e') {
    third = w + "s";
    past = w + "d";
    ing = (n >= 2 && w[n - 2] == 'e') ? w + "ing" : w.substr(0, n - 1) + "ing";
  } else {
    bool sibilant = (n >= 1 && (w[n - 1] == 's' || w[n - 1] == 'x' || w[n - 1] == 'z')) ||
                    (n >= 2 && (w.compare(n - 2, 2, "ch") == 0 || w.compare(n - 2, 2, "sh") == 0));
    third = sibilant ? w + "es" : w + "s";
    // Double a final consonant after a single vowel in one-syllable stems: stab, ban, rob.
    int vowels = 0;
    for (char c : w) vowels += IsVowel(c);
    bool cvc = n >= 3 && !IsVowel(w[n - 1]) && IsVowel(w[n - 2]) && !IsVowel(w[n - 3]) &&
               w[n - 1] != 'w' && w[n - 1] != 'x' && w[n - 1] != 'y' && vowels == 1;
    std::string stem = cvc ? w + w[n - 1] : w;
    past = stem + "ed";
    ing = stem + "ing";
  }
  out->emplace_back(third, Form::kThird);
  out->emplace_back(past, Form::kPastOrParticiple);
  out->emplace_back(ing, Form::kGerund);
}

void RegularNoun(const std::string& w, std::vector<std::pair<std::string, Form>>* out) {
  size_t n = w.size();
  out->emplace_back(w, Form::kSingular);
  std::string pl;
  if (n >= 3 && w.compare(n - 3, 3, "man") == 0) pl = w.substr(0, n - 3) + "men";  // policeman
  else if (n >= 2 && w[n - 1] == 'y' && !IsVowel(w[n - 2])) pl = w.substr(0, n - 1) + "ies";
  else if ((n >= 1 && (w[n - 1] == 's' || w[n - 1] == 'x' || w[n - 1] == 'z')) ||
           (n >= 2 && (w.compare(n - 2, 2, "ch") == 0 || w.compare(n - 2, 2, "sh") == 0)))
    pl = w + "es";
  else pl = w + "s";
  if (pl != w) out->emplace_back(pl, Form::kPlural);
}

std::string ReadFile(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *ok = false;
    return {};
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  *ok = true;
  return ss.str();
}

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool ValidateTrigger(const std::vector<std::string>& f, std::string* error) {
  auto type = ParseEventType(f[0]);
  if (!type) {
    *error = "unknown event type '" + f[0] +
             "'; expected one of PROTEST, ASSAULT, ARREST, CHARGE, CONVICT, SENTENCE, ACQUIT, RELEASE, CUSTODY, "
             "SEIZE, DESTROY, MOBILIZE, RESTRICT, AID";
    return false;
  }
  if (f[1] != "-" && !IsKnownMode(*type, f[1])) {
    *error = "unknown mode '" + f[1] + "' for " + f[0] + " (see data/README.md for the modes of each type)";
    return false;
  }
  if (!ParseRole(f[2])) {
    *error = "unknown count role '" + f[2] +
             "'; expected - or one of participants, arrested, charged, convicted, jailed, fined, warned, "
             "released, detained, killed, injured";
    return false;
  }
  // The acts on property, forces, restrictions and aid count nobody.
  if (IsMaterialAct(*type) && f[2] != "-") {
    *error = "count role '" + f[2] + "' for " + f[0] + ", which counts nobody; expected -";
    return false;
  }
  if (f[3] != "-" && f[3] != "person" && f[3] != "road" && f[3] != "subject" && f[3] != "noun" && f[3] != "agent" &&
      f[3] != "hospital" && f[3] != "purpose" && f[3] != "property" && f[3] != "force" && f[3] != "imposed" &&
      f[3] != "given") {
    *error = "unknown patient '" + f[3] +
             "'; expected person, road, subject, noun, agent, purpose, hospital, property, force, imposed, given or -";
    return false;
  }
  return true;
}

bool ValidateNoun(const std::vector<std::string>& f, std::string* error) {
  if (!ParseSector(f[0])) {
    *error = "unknown sector '" + f[0] + "' (see data/README.md for the sectors)";
    return false;
  }
  if (f[1] != "person" && f[1] != "group" && f[1] != "body") {
    *error = "unknown noun kind '" + f[1] + "'; expected person, group or body";
    return false;
  }
  return true;
}

bool ValidateCue(const std::vector<std::string>& f, std::string* error) {
  if (!ParseCue(f[0])) {
    *error = "unknown cue '" + f[0] + "' (see data/README.md for the cue kinds)";
    return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> SplitPhrase(std::string_view phrase) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < phrase.size(); ++i) {
    char c = phrase[i];
    if (c == ' ') {
      flush();
    } else if (c == '-' || c == ',' || c == '(' || c == ')' || c == '"') {
      flush();
      out.emplace_back(1, c);
    } else if (c == '\'' && i + 1 < phrase.size() && phrase[i + 1] == 's' &&
               (i + 2 == phrase.size() || phrase[i + 2] == ' ')) {
      flush();
      out.emplace_back("'s");
      ++i;
    } else {
      cur += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  flush();
  return out;
}

std::vector<std::pair<std::string, Form>> Lexicon::Inflect(std::string_view word, char marker) const {
  std::vector<std::pair<std::string, Form>> out;
  std::string w(word);
  if (marker == 'n') {
    RegularNoun(w, &out);
    return out;
  }
  auto it = irregular_.find(w);
  if (it == irregular_.end()) {
    RegularVerb(w, &out);
    return out;
  }
  out.emplace_back(w, Form::kBase);
  std::string third = w;
  third += (w.back() == 's' || w.back() == 'h' || w.back() == 'o') ? "es" : "s";
  out.emplace_back(third, Form::kThird);
  for (const auto& p : it->second.past) out.emplace_back(p, Form::kPast);
  for (const auto& p : it->second.participle) {
    bool same_as_past = false;
    for (auto& [s, f] : out)
      if (s == p && f == Form::kPast) {
        f = Form::kPastOrParticiple;
        same_as_past = true;
      }
    if (!same_as_past) out.emplace_back(p, Form::kParticiple);
  }
  // "beat", "hit", "put": when the past is spelled like the base, read it as the past
  // (news reports past events), so drop the base reading.
  for (const auto& p : it->second.past)
    if (p == w) {
      out.erase(out.begin());
      break;
    }
  std::string ing;
  if (w.size() >= 2 && w.back() == 'e' && w[w.size() - 2] != 'e') ing = w.substr(0, w.size() - 1) + "ing";
  else if (w.size() >= 2 && w.compare(w.size() - 2, 2, "ie") == 0) ing = w.substr(0, w.size() - 2) + "ying";
  else {
    int vowels = 0;
    for (char c : w) vowels += IsVowel(c);
    size_t n = w.size();
    bool cvc = n >= 3 && !IsVowel(w[n - 1]) && IsVowel(w[n - 2]) && !IsVowel(w[n - 3]) && vowels == 1 &&
               w[n - 1] != 'w' && w[n - 1] != 'x' && w[n - 1] != 'y';
    ing = cvc ? w + w.back() + "ing" : w + "ing";
  }
  out.emplace_back(ing, Form::kGerund);
  return out;
}

Status Lexicon::ParseTable(std::string_view name, std::string_view content, int columns,
                           Validator validate, const Lexicon* inflector, PhraseTable* out,
                           std::vector<std::string>* errors) {
  out->name = std::string(name);
  size_t errors_before = errors->size();
  int line_no = 0;
  size_t pos = 0;
  std::unordered_map<std::string, int> seen;  // fields + phrase -> first line
  if (FindInvalidUtf8(content) != std::string_view::npos) {
    errors->push_back(std::string(name) + ": file is not valid UTF-8; save it as UTF-8");
    return Status(ErrorCode::kLexiconError, errors->back());
  }
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    std::string_view line = content.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? content.size() + 1 : nl + 1;
    ++line_no;
    std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    auto where = std::string(name) + ":" + std::to_string(line_no);
    auto cols = SplitTabs(line);
    if (static_cast<int>(cols.size()) != columns + 1) {
      errors->push_back(where + ": expected " + std::to_string(columns + 1) + " TAB-separated columns, found " +
                        std::to_string(cols.size()) + " in '" + Fragment(trimmed) + "'");
      continue;
    }
    Entry e;
    bool bad = false;
    for (int c = 0; c < columns; ++c) {
      std::string_view f = Trim(cols[c]);
      if (f.empty()) {
        errors->push_back(where + ": column " + std::to_string(c + 1) + " is empty; use - for none");
        bad = true;
        break;
      }
      e.fields.emplace_back(f);
    }
    if (bad) continue;
    e.phrase = std::string(Trim(cols[columns]));
    e.file = std::string(name);
    e.line = line_no;
    std::string error;
    if (validate && !validate(e.fields, &error)) {
      errors->push_back(where + ": " + error);
      continue;
    }
    auto words = SplitPhrase(e.phrase);
    if (words.empty()) {
      errors->push_back(where + ": empty phrase");
      continue;
    }
    if (words.size() > 8) {
      errors->push_back(where + ": phrase has " + std::to_string(words.size()) + " words; at most 8");
      continue;
    }
    int marked = -1;
    char marker = 0;
    for (size_t i = 0; i < words.size(); ++i) {
      auto slash = words[i].find('/');
      if (slash == std::string::npos || words[i].size() == 1) continue;
      std::string m = words[i].substr(slash + 1);
      if (m != "v" && m != "n") {
        errors->push_back(where + ": unknown marker '/" + m + "' on '" + words[i] + "'; expected /v or /n");
        bad = true;
        break;
      }
      if (marked >= 0) {
        errors->push_back(where + ": more than one word carries an inflection marker");
        bad = true;
        break;
      }
      marked = static_cast<int>(i);
      marker = m[0];
      words[i].resize(slash);
    }
    if (bad) continue;
    std::string key;
    for (const auto& f : e.fields) key += f + "\t";
    for (const auto& w : words) key += w + " ";
    key += marker;
    if (auto [it, inserted] = seen.emplace(key, line_no); !inserted) {
      errors->push_back(where + ": duplicate of line " + std::to_string(it->second) + "; remove one");
      continue;
    }
    uint32_t entry_index = static_cast<uint32_t>(out->entries.size());
    out->entries.push_back(std::move(e));
    if (marked < 0) {
      Phrase p;
      p.words = words;
      p.entry = entry_index;
      out->phrases.push_back(std::move(p));
      continue;
    }
    for (auto& [form_word, form] : inflector->Inflect(words[marked], marker)) {
      Phrase p;
      p.words = words;
      p.words[marked] = form_word;
      p.form = form;
      p.head = static_cast<uint8_t>(marked);
      p.entry = entry_index;
      out->phrases.push_back(std::move(p));
    }
  }
  if (errors->size() > errors_before)
    return Status(ErrorCode::kLexiconError, (*errors)[errors_before]);
  return Status::Ok();
}

Result<Lexicon> Lexicon::Load(const std::string& dir) {
  Lexicon lex;
  std::vector<std::string> errors;
  auto read = [&](const std::string& file, std::string* content) {
    bool ok = false;
    *content = ReadFile(dir + "/" + file, &ok);
    if (!ok) errors.push_back(dir + "/" + file + ": cannot read lexicon file; check the --data directory");
    return ok;
  };
  std::string content;
  if (read("verbs_irregular.tsv", &content)) {
    PhraseTable raw;
    // Columns: base past participle; the phrase column is the participle list.
    ParseTable("verbs_irregular.tsv", content, 2, nullptr, &lex, &raw, &errors);
    for (const auto& e : raw.entries) {
      Irregular irr;
      auto split = [](const std::string& s) {
        std::vector<std::string> v;
        size_t start = 0;
        while (start <= s.size()) {
          size_t bar = s.find('|', start);
          std::string part = s.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
          if (!part.empty()) v.push_back(part);
          if (bar == std::string::npos) break;
          start = bar + 1;
        }
        return v;
      };
      irr.past = split(e.fields[1]);
      irr.participle = split(e.phrase);
      if (lex.irregular_.count(e.fields[0]))
        errors.push_back("verbs_irregular.tsv:" + std::to_string(e.line) + ": verb '" + e.fields[0] +
                         "' is listed twice");
      lex.irregular_[e.fields[0]] = std::move(irr);
    }
  }
  if (read("triggers.tsv", &content))
    ParseTable("triggers.tsv", content, 4, ValidateTrigger, &lex, &lex.triggers_, &errors);
  if (read("nouns.tsv", &content))
    ParseTable("nouns.tsv", content, 2, ValidateNoun, &lex, &lex.nouns_, &errors);
  if (read("cues.tsv", &content))
    ParseTable("cues.tsv", content, 1, ValidateCue, &lex, &lex.cues_, &errors);
  if (!errors.empty()) {
    std::string msg = std::to_string(errors.size()) + " lexicon error(s):";
    for (const auto& e : errors) msg += "\n  " + e;
    return Status(ErrorCode::kLexiconError, msg, dir);
  }
  return lex;
}

}  // namespace evident::lexicon
