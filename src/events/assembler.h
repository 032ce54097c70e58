// EventAssembler: per-sentence annotations (trigger, noun and cue matches, quantities, dates)
// -> Events with status, counts, actors, part_of, date, source.
//
//   "512 were found guilty, 301 of whom were jailed, while 140 were fined."
//   => CONVICT{convicted 512}, SENTENCE/jail{jailed 301, part_of CONVICT},
//      SENTENCE/fine{fined 140, part_of CONVICT}
//
// How counts attach (docs/design.md has the full rules): a count-bearing trigger takes the
// number phrase that is its subject when the verb is passive, intransitive or a state
// ("15 were arrested", "3 died", "10 arrested", "two people dead"), its object when the verb is
// active ("arrested 15 people", "killing 8"), or the phrase around an event noun ("15 arrests",
// "the release of 11 activists", "death toll rose to 9"). PROTEST triggers count their
// subject ("2,500 interns protested") and "a rally of 300 people"; nouns for protesters
// ("some 3,000 marchers") count participants. "a man", "the victim", "he" count one person
// for roles that befall individuals (killed, arrested, ...).
//
// Status comes from cue words in the clause before the trigger: negation ("no one was
// arrested"), future ("will hold a rally"), modal ("could face jail"), demand ("demanding the
// release"), attempt ("tried to arrest"), denial.
//
// Thread-safe: Assemble() is const and keeps no state between calls.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "events/event.h"
#include "extract/dates.h"
#include "extract/numbers.h"
#include "lexicon/lexicon.h"
#include "match/phrase_matcher.h"
#include "places/resolver.h"
#include "tokens/tokenizer.h"

namespace evident::events {

// Everything the earlier stages found in one sentence.
struct SentenceAnnotations {
  uint32_t index = 0;  // into TokenizedText::sentences
  std::vector<match::Match> triggers;
  std::vector<match::Match> nouns;
  std::vector<match::Match> cues;
  std::vector<match::Match> places;  // country names, aliases and demonyms (phrase -> code)
  std::vector<extract::Quantity> quantities;
  std::vector<extract::DateMention> dates;
};

struct DocumentAnnotations {
  const tokens::TokenizedText* text = nullptr;
  std::optional<CivilDate> published;
  std::vector<SentenceAnnotations> sentences;  // only sentences worth assembling, in order
  std::vector<places::PlaceMention> places;    // every resolved place mention, in text order
  std::string title_country;                   // the country the title's places point to (fallback only)
  std::string style_country;                   // the country the wording points to (last fallback)
  // The text is a headline (a document's title), which drops its articles: "Boy dies of
  // gunshot wound" counts one person as "A boy dies" does.
  bool headline = false;
  // The first town the title names ("Boy, 8, shot in Saginaw"), null if none: places events
  // only when nothing nearer does (basis "title"). Read through TitleTown(): when
  // find_title_town is set, the first call asks it (PERF: it resolves the title's places, and
  // most documents' events are placed without them).
  const places::PlaceMention* TitleTown() const {
    if (find_title_town) {
      title_town = find_title_town();
      find_title_town = nullptr;
    }
    return title_town;
  }
  mutable const places::PlaceMention* title_town = nullptr;
  // The title's town stands in the site's name after the headline ("... - WQRT News 9
  // Tarboro"): where the station is, which the text's own town comes before. Set by
  // find_title_town.
  mutable bool title_town_in_site_name = false;
  mutable std::function<const places::PlaceMention*()> find_title_town;
  // The town of the station the story names by its call letters ("(Photo Source: WQRT Action
  // News 5)"; data/us_tv_stations.tsv), when the text names no US town; null otherwise. Places
  // the events nothing else places, before the country alone.
  const places::PlaceMention* station_town = nullptr;
};

// Country name lookup for place matches: phrase index -> ISO code. Provided by the engine.
struct PlaceTable {
  const lexicon::PhraseTable* phrases = nullptr;
  std::vector<std::string> code_of_entry;  // per entry of `phrases`
  std::vector<bool> is_demonym;            // per entry
};

class EventAssembler {
 public:
  EventAssembler(const lexicon::Lexicon& lexicon, const match::PhraseMatcher& triggers,
                 const match::PhraseMatcher& nouns, const match::PhraseMatcher& cues, const PlaceTable* places);

  void Assemble(const DocumentAnnotations& doc, std::vector<Event>* out) const;
  // Assemble in two halves, for a caller that resolves place names only for documents with
  // events (the engine): FindEvents reads no place mentions (DocumentAnnotations::places,
  // title_country, style_country); PlaceEvents dates and places the events it found.
  void FindEvents(const DocumentAnnotations& doc, std::vector<Event>* out) const;
  void PlaceEvents(const DocumentAnnotations& doc, std::vector<Event>* out) const { AttachDatesAndPlaces(doc, out); }
  // Where the document as a whole places an event no sentence places: its dateline, the town
  // it names most, the title's town, else its country (basis "dateline", "document", "title").
  std::optional<LocationRef> DocumentLocation(const DocumentAnnotations& doc) const;

 private:
  struct TriggerInfo {
    lexicon::EventType type;
    std::string_view mode;
    lexicon::Role role;
    bool needs_person = false;
    bool needs_road = false;  // "blocked the highway", not "the 1300 block"
    bool subject = false;     // counts its subject even in the active voice ("walked free")
    bool noun_only = false;   // an event as a noun only: "a strike", not "to strike the victim"
    bool agent = false;       // the subject acts, never the people counted: "two gunmen opened fire"
    bool needs_hospital = false;  // "taken to" a hospital by its name: "taken to Kelmora General Hospital"
    bool needs_purpose = false;  // "gathered outside the depot to demand wages", not "gathered for prayers"
    bool needs_property = false;  // acts on things: "seized a truck", not "seized two fighters"
    bool needs_force = false;     // armed forces or police move: "troops were deployed", not "the airbag deployed"
    bool needs_imposer = false;   // a restriction imposed: "imposed a curfew", not "a curfew violation"
    bool needs_giver = false;     // aid given: "delivered food packages", not "the price of food packages"
  };
  struct NounInfo {
    lexicon::Sector sector;
    bool person;  // countable people noun
    bool group;
  };

  void AttachDatesAndPlaces(const DocumentAnnotations& doc, std::vector<Event>* out) const;
  // "shelled Kelbara, Dorvane and Tashan Kelmo": an event over several places listed is reported
  // once per place, as coders code it (one event for each location): the first keeps the counts,
  // the others are part_of it without counts.
  static void SplitOverListedPlaces(const DocumentAnnotations& doc, const std::string& doc_country,
                                    const std::vector<uint8_t>& usable_places, std::vector<Event>* out);
  void DropInjuriesOfTheDead(const DocumentAnnotations& doc, std::vector<Event>* out) const;
  // "shot" does not say whether the person lived: in a story of a death with no survivor, one
  // person reported shot is one of the dead (see the definition).
  static void DropShotOfADeadlyStory(const DocumentAnnotations& doc, std::vector<Event>* out);
  // "A suspect is in custody", "Police have a man in custody": an arrest told by its result.
  static void ArrestsOfSuspectsInCustody(const DocumentAnnotations& doc, std::vector<Event>* out);
  void MergeRestatements(const DocumentAnnotations& doc, std::vector<Event>* out) const;
  // Per place mention of `doc`: whether it can be an event's location (1) or not (0).
  static std::vector<uint8_t> UsablePlaces(const DocumentAnnotations& doc);
  // The town the document names most, or null (see LocateEvent's fallbacks).
  static const places::PlaceMention* DocumentTown(const DocumentAnnotations& doc,
                                                  const std::vector<uint8_t>& usable_places,
                                                  const std::string& doc_country);
  // Per place mention of `doc`: the index of the mention an event placed there takes instead,
  // or its own index. "shelled Kinda in Idleb": Idleb -> Kinda (a place inside a wider one);
  // "in Borgi village of Ahmadabad district": Borgi -> Ahmadabad (a village or quarter of a town).
  static std::vector<uint32_t> PlaceRedirects(const DocumentAnnotations& doc);
  // The country the document is about: the resolver's vote, else country names in the text,
  // else title_country, else style_country.
  std::string DocumentCountry(const DocumentAnnotations& doc) const;
  // doc.title_town unless it lies in another country than `doc_country`.
  static const places::PlaceMention* TitleTown(const DocumentAnnotations& doc, const std::string& doc_country);
  static LocationRef MakeLocation(const DocumentAnnotations& doc, const places::PlaceMention& m, std::string_view basis,
                                  const std::string& doc_country);
  // The town of a sentence saying where it happened ("The shooting happened ... in X"), or null;
  // LocateEvent's fallbacks take it before the dateline.
  static const places::PlaceMention* SceneTown(const DocumentAnnotations& doc,
                                               const std::vector<uint8_t>& usable_places,
                                               const std::string& doc_country);
  // The document's places that do not depend on the event (PERF: found once per document).
  struct DocumentPlaces {
    const places::PlaceMention* town = nullptr;   // DocumentTown
    const places::PlaceMention* scene = nullptr;  // SceneTown
    // TitleTown(*doc, *country), asked only where needed (it may resolve the title).
    const DocumentAnnotations* doc = nullptr;
    const std::string* country = nullptr;
    const places::PlaceMention* TitleTown() const { return EventAssembler::TitleTown(*doc, *country); }
  };
  // doc_places.town when `m` is a county the gazetteer lacks ("HARRIS COUNTY, Texas -") and the
  // town lies in its country and state (the more precise place); else null.
  static const places::PlaceMention* TownInCounty(const DocumentPlaces& doc_places, const places::PlaceMention& m);
  // LocateEvent's last resorts, after the event's sentence and paragraph.
  std::optional<LocationRef> FallbackLocation(const DocumentAnnotations& doc, const std::string& doc_country,
                                              const std::vector<uint8_t>& usable_places,
                                              const DocumentPlaces& doc_places) const;
  std::optional<LocationRef> LocateEvent(const DocumentAnnotations& doc, const Event& ev,
                                         const std::string& doc_country, const std::vector<uint8_t>& usable_places,
                                         const std::vector<uint32_t>& redirects, const DocumentPlaces& doc_places) const;

  const lexicon::Lexicon& lexicon_;
  const match::PhraseMatcher& triggers_;
  const match::PhraseMatcher& nouns_;
  const match::PhraseMatcher& cues_;
  const PlaceTable* places_;
  std::vector<TriggerInfo> trigger_info_;                      // per trigger entry
  std::vector<NounInfo> noun_info_;                            // per noun entry
  std::vector<lexicon::Cue> cue_info_;                         // per cue entry
  std::unordered_map<std::string, std::string> country_name_;  // ISO code -> English name

  friend class SentenceAssembler;
};

}  // namespace evident::events
