// Engine: the one place that knows every stage. Loads and checks the lexicons once, then codes
// documents: text -> tokens -> matches -> numbers, dates, places -> events -> checks.
//
//   auto engine = Engine::Create({.data_dir = "data"});
//   Coder coder(**engine);                 // one per thread
//   CodedDocument out;
//   coder.Code(doc, &out);                 // out.events, out.checks
//
// Engine is immutable after Create() and shared by all threads; a Coder holds one thread's
// scratch buffers and must not be shared.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "common/countries.h"
#include "common/status.h"
#include "events/assembler.h"
#include "events/event.h"
#include "extract/dates.h"
#include "extract/numbers.h"
#include "lexicon/lexicon.h"
#include "match/phrase_matcher.h"
#include "places/resolver.h"
#include "text/document.h"
#include "tokens/tokenizer.h"

namespace evident::pipeline {

struct EngineOptions {
  std::string data_dir;   // folder with triggers.tsv, nouns.tsv, cues.tsv, countries.tsv ...
  std::string gazetteer;  // compiled gazetteer (default: the build's gazetteer.bin)
};

// The built-in data folder (the source tree's data/, or EVIDENT_DATA_DIR from the environment).
std::string DefaultDataDir();

struct CodedDocument {
  text::Document doc;
  Status status;        // non-ok: rejected (bad input) or failed (engine fault)
  bool failed = false;  // true for engine faults: the document can be retried
  std::vector<events::Event> events;
  std::vector<events::Check> checks;
  std::string rendered;  // output text, when BatchOptions::render is set
};

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Create(const EngineOptions& options);

  const lexicon::Lexicon& lexicon() const { return lexicon_; }
  const CountryTable& countries() const { return countries_; }
  const places::PlaceResolver& places() const { return *places_resolver_; }
  // Non-empty when the world gazetteer was missing and countries stand in for places.
  const std::string& warning() const { return warning_; }

 private:
  Engine() = default;
  friend class Coder;

  lexicon::Lexicon lexicon_;
  CountryTable countries_;
  lexicon::PhraseTable place_table_;
  events::PlaceTable places_;
  std::unique_ptr<match::PhraseMatcher> triggers_, nouns_, cues_, place_matcher_;
  std::unique_ptr<match::MultiPhraseMatcher> all_phrases_;  // the four tables above in one pass
  std::vector<uint8_t> protester_noun_;  // per nouns.tsv phrase: its sector is protesters
  std::unique_ptr<events::EventAssembler> assembler_;
  tokens::Tokenizer tokenizer_;
  extract::NumberExtractor numbers_;
  extract::DateExtractor dates_;
  std::unique_ptr<places::PlaceResolver> places_resolver_;
  std::string warning_;
};

class Coder {
 public:
  explicit Coder(const Engine& engine) : engine_(engine) {}
  // Codes `out->doc` (already read and checked) into out->events and out->checks. Events that
  // only the title states come last, with Event::from_title set.
  void Code(CodedDocument* out);

 private:
  void AnnotateSentences(const tokens::TokenizedText& text, bool lowercase_text, events::DocumentAnnotations* ann);
  // Drops the title events whose type and status a text event has; marks the rest from_title.
  static void KeepTitleOnlyEvents(const std::vector<events::Event>& text_events,
                                  std::vector<events::Event>* title_events);
  // Resolves the title's places into title_annotations_.places (the site name's "News" read as
  // a lowercase word).
  void ResolveTitlePlaces();
  // Gives a county of the text without a state its seat in the one state of the title's places
  // ("in Lincoln County" under "... - Jackson, MS"); `resolve_title` resolves the title's places.
  void SeatCountiesByTitle(const std::function<void()>& resolve_title);
  // "(Photo Source: WQRT Action News 5)" in a story that names no US town: the station's town
  // (data/us_tv_stations.tsv) as annotations_.station_town, and its state for the text's
  // counties named without one. `has_title`: title_tokens_ hold this document's title.
  void PlaceByStation(bool has_title);
  // Appends title_events_ (dated and placed within the title) to out->events, placing those
  // the title does not place where the text places the document.
  void AppendTitleEvents(CodedDocument* out);

  const Engine& engine_;
  tokens::TokenizedText tokens_;
  events::DocumentAnnotations annotations_;
  std::vector<events::SentenceAnnotations> spare_sentences_;  // see Code()
  std::vector<bool> place_mask_;
  tokens::TokenizedText title_tokens_;
  std::vector<uint8_t> title_flags_;  // title_tokens_' flags while a headline in title case is read lowercase
  // The site name's "News" tokens and call letters read lowercase, with their flags (ResolveTitlePlaces).
  std::vector<std::pair<uint32_t, uint8_t>> site_words_;
  events::DocumentAnnotations title_annotations_;  // the title as a document; its places resolved on demand
  bool title_places_resolved_ = false;             // title_annotations_.places are this document's
  std::vector<events::Event> title_events_;
  places::PlaceResolver::Workspace place_workspace_;  // this Coder's, reused from document to document
};

}  // namespace evident::pipeline
