// CountryTable: the project's one list of countries (data/countries.tsv), and the name keys
// used to look countries up in text, gold labels and predictions.
//
// Input: a TSV file, one country per line, `code<TAB>name<TAB>aliases<TAB>demonyms` (aliases
// and demonyms `|`-separated, may be empty; `#` starts a comment line). Output: lookups from
// any spelling to the ISO 3166-1 alpha-2 code:
//
//   CodeForName("Democratic Republic of Congo") => "CD"    (alias)
//   CodeForName("the Philippines")              => "PH"    (leading "the" ignored)
//   CodeForName("COTE D’IVOIRE")                => "CI"    (case, accents, curly quote folded)
//   CodeForName("BY")                           => "BY"    (a code, written in capitals)
//   CodeForName("by")                           => nullptr (lowercase: an English word)
//   CodeForDemonym("Ivorian") / ("Ivorians")    => "CI"    (plural -s as a fallback)
//
// Names and aliases share one key space, demonyms another; within each, a key may belong to one
// code only (Load fails otherwise), so every lookup has a single answer.
//
// Ownership and threads: a loaded table is an immutable value (copyable, movable); pointers it
// returns point into the table and stay valid as long as it does (also across a move). All
// const methods are safe to call from many threads.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/status.h"

namespace evident {

class CountryTable {
 public:
  struct Entry {
    std::string code;                   // ISO 3166-1 alpha-2 ("XK" for Kosovo, user-assigned)
    std::string name;                   // English short name ("Bolivia", "Côte d'Ivoire")
    std::vector<std::string> aliases;   // other names: official, short, press ("U.S.", "DRC")
    std::vector<std::string> demonyms;  // adjectives and people ("Ivorian", "Filipino")
    size_t line = 0;                    // 1-based line in the file it was read from
  };

  // Reads and checks the whole file. Every problem is reported at once, each as
  // `path:line: message` (wrong column count, code not two capital letters, duplicate code,
  // empty name, a name/alias or demonym claimed by two codes - naming both lines). Error code
  // kIoError if the file cannot be read, kLexiconError for content problems.
  static Result<CountryTable> Load(const std::string& path);

  // Same as Load, for text already in memory; `file_name` is used in error messages only.
  static Result<CountryTable> Parse(std::string_view text, const std::string& file_name);

  // The code for a country name, alias or code; nullptr if unknown. Names and aliases compare
  // by NameKey (case, accents, quotes, hyphens, spacing and a leading "the" do not matter).
  // A code is accepted only as two capital ASCII letters ("IN", not "in").
  const std::string* CodeForName(std::string_view name_or_code) const;

  // The code for a demonym or country adjective ("Belarusian", "Nigerien" => NE); nullptr if
  // unknown. Falls back to dropping one trailing "s" ("Iraqis" => IQ). Ambiguous demonyms
  // are listed under one code only (see scripts/country_extras.tsv: "Congolese" => CD).
  const std::string* CodeForDemonym(std::string_view demonym) const;

  // The short name for a code ("CD" => "Congo, The Democratic Republic of the"); empty if the
  // code is unknown. Codes compare exactly (capitals).
  std::string_view NameForCode(std::string_view code) const;

  // The entry for a code, or nullptr.
  const Entry* FindCode(std::string_view code) const;

  // All entries in file order (the shipped file is sorted by code).
  const std::vector<Entry>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }

 private:
  std::vector<Entry> entries_;
  std::unordered_map<std::string, size_t> by_code_;     // code -> index into entries_
  std::unordered_map<std::string, size_t> by_name_;     // NameKey(name or alias) -> index
  std::unordered_map<std::string, size_t> by_demonym_;  // NameKey(demonym) -> index
};

// Lowercases ASCII and folds accented Latin letters (Latin-1 Supplement, Latin Extended-A,
// Romanian s/t with comma below, and the schwa "ə" as "a") to their base letters: "Bogotá" => "bogota",
// "Łódź" => "lodz", "Straße" => "strasse", "Æ" => "ae". Other characters pass through unchanged
// (non-Latin scripts are not case-folded). Invalid UTF-8 bytes pass through as they are.
std::string FoldCaseAndAccents(std::string_view text);

// The lookup key for names: FoldCaseAndAccents, then typographic apostrophes become "'",
// hyphens and dashes become spaces, runs of whitespace become one space, the ends are trimmed
// and one leading "the " is dropped: " The  Guinea–Bissau " => "guinea bissau".
std::string NameKey(std::string_view name);
// NameKey without its fast path for ASCII names (PERF): the reference the tests compare it with.
std::string NameKeyGeneral(std::string_view name);

}  // namespace evident
