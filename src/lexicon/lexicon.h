// Lexicon: the project's word lists (data/*.tsv), parsed and checked completely, then
// compiled into phrase entries with all inflected forms.
//
// File format (documented for users in data/README.md): UTF-8 text, one entry per line, columns
// separated by TABs, '#' starts a comment line, blank lines ignored. Each file has a fixed
// number of attribute columns followed by one phrase column. In a phrase, words are separated
// by spaces and one word may carry an inflection marker:
//   word/v  a verb: expands to word, words, worded, wording (irregular forms from
//           verbs_irregular.tsv; "arrest/v" -> arrest arrests arrested arresting)
//   word/n  a noun: expands to singular and plural ("protester/n" -> protester protesters)
//   word    taken literally
// Matching is case-insensitive (ASCII) and on whole tokens, so "take/v into custody" matches
// "took into custody" and "taken into custody".
//
// Errors are collected for the whole file set and reported together, each "file:line: message"
// (e.g. "triggers.tsv:12: unknown event type 'ARRST'; expected one of PROTEST, ASSAULT, ...").
//
// A Lexicon is immutable after Load() and safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace evident::lexicon {

// The grammatical form a phrase was expanded into; later stages use it to read voice and tense
// ("were arrested" vs "will arrest").
enum class Form : uint8_t {
  kLiteral,
  kBase,        // arrest
  kThird,       // arrests
  kPast,        // arrested (simple past; equals the participle for regular verbs)
  kParticiple,  // arrested / taken
  kPastOrParticiple,
  kGerund,      // arresting
  kSingular,    // protester
  kPlural,      // protesters
};

struct Phrase {
  std::vector<std::string> words;  // lowercase tokens as the tokenizer would produce them
  Form form = Form::kLiteral;
  uint8_t head = 0;                // index of the inflected word in `words`
  uint32_t entry = 0;              // index into the owning table's entries
};

// One parsed line: its attribute columns and where it came from.
struct Entry {
  std::vector<std::string> fields;  // attribute columns
  std::string phrase;               // as written, e.g. "take/v into custody"
  std::string file;
  int line = 0;
};

// A table of phrases from one file, with every expanded form.
struct PhraseTable {
  std::string name;  // file name, for messages
  std::vector<Entry> entries;
  std::vector<Phrase> phrases;
};

// Splits a phrase spec into tokens the way the tokenizer would ("take/v into custody" ->
// {"take/v","into","custody"}; "sit-in" -> {"sit","-","in"}; "u.s." stays whole).
std::vector<std::string> SplitPhrase(std::string_view phrase);

class Lexicon {
 public:
  // Loads every table from `dir`. Fails with kLexiconError listing every problem found.
  static Result<Lexicon> Load(const std::string& dir);

  // Parses one table from text; `columns` is the number of attribute columns before the
  // phrase. `validate(fields, error)` may reject an entry's attributes with a message.
  using Validator = bool (*)(const std::vector<std::string>& fields, std::string* error);
  static Status ParseTable(std::string_view name, std::string_view content, int columns,
                           Validator validate, const Lexicon* irregular_source,
                           PhraseTable* out, std::vector<std::string>* errors);

  const PhraseTable& triggers() const { return triggers_; }   // triggers.tsv
  const PhraseTable& nouns() const { return nouns_; }         // nouns.tsv: people and actors
  const PhraseTable& cues() const { return cues_; }           // cues.tsv: status, source, links

  // Irregular verb forms: base -> {past, participle}.
  struct Irregular {
    std::vector<std::string> past;
    std::vector<std::string> participle;
  };
  const std::unordered_map<std::string, Irregular>& irregular() const { return irregular_; }

  // Expands one marked word into its forms (used by ParseTable; exposed for tests).
  std::vector<std::pair<std::string, Form>> Inflect(std::string_view word, char marker) const;

 private:
  PhraseTable triggers_;
  PhraseTable nouns_;
  PhraseTable cues_;
  std::unordered_map<std::string, Irregular> irregular_;
};

}  // namespace evident::lexicon
