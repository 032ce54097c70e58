#include "pipeline/engine.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <future>

#include "common/date.h"
#include "events/checks.h"

namespace evident::pipeline {
namespace {

// Where a title's site name begins: the first part after the headline, parts being separated by
// a dash or bar between spaces, that names a news site or station ("Teen shot - WQRT News 9
// Tarboro, North Carolina", "... - Action News 5 - Memphis, Tennessee", "... | KQXB.com"); the
// site name runs to the end. The title's size in tokens when there is none.
uint32_t SiteNameBegin(const tokens::TokenizedText& title) {
  const auto& toks = title.tokens;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  auto separator = [&](uint32_t i) {
    std::string_view w = toks[i].norm;
    return (w == "-" || w == "|" || w == "\xe2\x80\x93" || w == "\xe2\x80\x94") &&
           toks[i].HasFlag(tokens::kSpaceBefore) && i + 1 < n && toks[i + 1].HasFlag(tokens::kSpaceBefore);
  };
  auto site_word = [&](uint32_t i) {
    std::string_view w = toks[i].norm;
    if (w == "news" || w == "com" || w == "tv" || w == "newschannel") return true;
    // Call letters: "WQRT", "KQXB".
    return toks[i].HasFlag(tokens::kAllCaps) && places::CallLetterShape(w);
  };
  uint32_t part = n;  // start of the current part after the headline
  for (uint32_t i = 1; i < n; ++i) {
    if (separator(i)) {
      part = i + 1;
    } else if (part < n && site_word(i)) {
      return part;
    }
  }
  return n;
}

// Whether the words of town mention `m` in `text` are its state's name, case aside ("New York"
// for New York City in New York; "Oaxaca" for Oaxaca de Juárez): the name of the state too.
bool WrittenAsItsState(const tokens::TokenizedText& text, const places::PlaceMention& m) {
  std::string_view state = m.admin1_name;
  if (state.empty()) return false;
  size_t at = 0;
  for (uint32_t k = m.begin_token; k < m.end_token && k < text.tokens.size(); ++k) {
    std::string_view w = text.tokens[k].norm;
    if (k > m.begin_token) {
      if (at >= state.size() || state[at] != ' ') return false;
      ++at;
    }
    if (state.size() - at < w.size()) return false;
    for (char c : w)
      if (std::tolower(static_cast<unsigned char>(state[at++])) != static_cast<unsigned char>(c)) return false;
  }
  return at == state.size();
}

// Whether the title is a headline in title case ("Two Men Shot Outside Kelmora Bowling
// Alley"): every word of four letters or more capitalized, three such words at least, not all
// in capitals (as the place resolver's Headline reads a line).
bool TitleCaseHeadline(const tokens::TokenizedText& title) {
  uint32_t long_words = 0, mixed = 0;
  for (const auto& t : title.tokens) {
    // The normalized form: "Parent’s" ends in a word "’s" of four bytes.
    if (t.kind != tokens::TokenKind::kWord || t.norm.size() < 4) continue;
    if (!t.HasFlag(tokens::kCapitalized)) return false;
    ++long_words;
    mixed += !t.HasFlag(tokens::kAllCaps);
  }
  return long_words >= 3 && mixed > 0;
}

// The US local-news wording of a title (places::UsStyleCues, at most 3), or one cue for a
// station's call letters in its site name ("... - WQRT Channel 7", "... | KQXB"); 0 without a
// title.
int TitleUsCues(const tokens::TokenizedText* title) {
  if (title == nullptr) return 0;
  if (int cues = places::UsStyleCues(*title, nullptr, 3); cues > 0) return cues;
  const uint32_t site = SiteNameBegin(*title);
  for (uint32_t i = site; i < title->tokens.size(); ++i) {
    const auto& t = title->tokens[i];
    if (t.HasFlag(tokens::kAllCaps) && places::CallLetterShape(t.norm)) return 1;
  }
  return 0;
}

}  // namespace

std::string DefaultDataDir() {
  if (const char* env = std::getenv("EVIDENT_DATA_DIR"); env && *env) return env;
  return EVIDENT_DATA_DIR;
}

Result<std::unique_ptr<Engine>> Engine::Create(const EngineOptions& options) {
  std::unique_ptr<Engine> e(new Engine());
  std::string dir = options.data_dir.empty() ? DefaultDataDir() : options.data_dir;
  // PERF: the gazetteer is opened and checked, and the resolver's filters built, on a second
  // thread while the lexicons load (startup ~22 -> ~14 ms on this machine).
  std::string gazetteer_path = options.gazetteer.empty() ? EVIDENT_GAZETTEER_PATH : options.gazetteer;
  if (const char* env = std::getenv("EVIDENT_GAZETTEER"); env && *env && options.gazetteer.empty())
    gazetteer_path = env;
  struct Loaded {
    Status status;
    std::string warning;
    std::unique_ptr<places::PlaceResolver> resolver;
  };
  auto places = std::async(std::launch::async, [gazetteer_path, dir] {
    Loaded out;
    auto gazetteer = places::Gazetteer::LoadOrFallback(gazetteer_path, dir, &out.warning);
    if (!gazetteer.ok()) {
      out.status = gazetteer.status();
      return out;
    }
    out.resolver = std::make_unique<places::PlaceResolver>(std::move(gazetteer).value());
    out.status = out.resolver->LoadCountySeats(dir + "/us_county_seats.tsv", dir + "/us_county_seats_small.tsv");
    if (out.status.ok()) out.status = out.resolver->LoadStations(dir + "/us_tv_stations.tsv");
    return out;
  });
  auto lex = lexicon::Lexicon::Load(dir);
  auto countries = CountryTable::Load(dir + "/countries.tsv");
  if (!lex.ok() || !countries.ok()) {
    std::string msg = "cannot load the lexicons in " + dir + ":";
    if (!lex.ok()) msg += "\n  " + lex.status().message();
    if (!countries.ok()) msg += "\n  " + countries.status().ToString();
    return Status(ErrorCode::kLexiconError, msg);
  }
  e->lexicon_ = std::move(lex).value();
  e->countries_ = std::move(countries).value();

  // Country names, aliases and demonyms as one phrase table: entry fields {code}.
  auto& pt = e->place_table_;
  pt.name = "countries.tsv";
  auto add = [&](const std::string& code, const std::string& phrase, bool demonym) {
    lexicon::Entry entry;
    entry.fields = {code};
    entry.phrase = phrase;
    entry.file = "countries.tsv";
    uint32_t idx = static_cast<uint32_t>(pt.entries.size());
    pt.entries.push_back(entry);
    e->places_.code_of_entry.push_back(code);
    e->places_.is_demonym.push_back(demonym);
    lexicon::Phrase p;
    p.words = lexicon::SplitPhrase(phrase);
    p.entry = idx;
    if (p.words.empty()) return;
    pt.phrases.push_back(p);
    if (demonym && p.words.back().back() != 's') {
      p.words.back() += "s";  // "Kazakhs", "Iraqis"
      pt.phrases.push_back(p);
    }
  };
  for (const auto& c : e->countries_.entries()) {
    add(c.code, c.name, false);
    for (const auto& a : c.aliases) add(c.code, a, false);
    for (const auto& d : c.demonyms) add(c.code, d, true);
  }
  e->places_.phrases = &e->place_table_;

  e->triggers_ = std::make_unique<match::PhraseMatcher>(e->lexicon_.triggers());
  e->nouns_ = std::make_unique<match::PhraseMatcher>(e->lexicon_.nouns());
  e->cues_ = std::make_unique<match::PhraseMatcher>(e->lexicon_.cues());
  e->place_matcher_ = std::make_unique<match::PhraseMatcher>(e->place_table_);
  // Order: the outputs of Coder::AnnotateSentences.
  e->all_phrases_ = std::make_unique<match::MultiPhraseMatcher>(std::vector<const lexicon::PhraseTable*>{
      &e->lexicon_.triggers(), &e->place_table_, &e->lexicon_.nouns(), &e->lexicon_.cues()});
  // PERF: per noun phrase, once (a string comparison per noun matched in every sentence).
  const auto& nouns = e->lexicon_.nouns();
  for (const auto& p : nouns.phrases) e->protester_noun_.push_back(nouns.entries[p.entry].fields[0] == "protesters");
  e->assembler_ =
      std::make_unique<events::EventAssembler>(e->lexicon_, *e->triggers_, *e->nouns_, *e->cues_, &e->places_);

  Loaded loaded = places.get();
  if (!loaded.status.ok()) return loaded.status;
  e->warning_ = std::move(loaded.warning);
  e->places_resolver_ = std::move(loaded.resolver);
  return e;
}

// Matches triggers, nouns, cues, country names, numbers and dates in each sentence of `text`
// into ann->sentences (only the sentences worth assembling, in order).
void Coder::AnnotateSentences(const tokens::TokenizedText& text, bool lowercase_text,
                              events::DocumentAnnotations* ann) {
  const Engine& e = engine_;
  auto& sents = ann->sentences;
  // PERF: annotations of sentences dropped from earlier documents wait in spare_sentences_ with
  // their vectors' capacity, so that the matches of the next documents need no allocation.
  while (sents.size() < text.sentences.size() && !spare_sentences_.empty()) {
    sents.push_back(std::move(spare_sentences_.back()));
    spare_sentences_.pop_back();
  }
  // More kept from the document before than this one has sentences: the rest wait too (PERF:
  // resize() dropped them with their vectors, 12,000 allocations per 2,000 documents).
  while (sents.size() > text.sentences.size()) {
    spare_sentences_.push_back(std::move(sents.back()));
    sents.pop_back();
  }
  sents.resize(text.sentences.size());
  size_t used = 0;
  for (uint32_t i = 0; i < text.sentences.size(); ++i) {
    const auto& s = text.sentences[i];
    auto& a = sents[used];
    a.index = i;
    a.triggers.clear();
    a.nouns.clear();
    a.cues.clear();
    a.places.clear();
    a.quantities.clear();
    a.dates.clear();
    // One pass for the four tables (PERF: see MultiPhraseMatcher); nouns and cues are kept
    // only where they are used (below).
    std::vector<match::Match>* outs[] = {&a.triggers, &a.places, &a.nouns, &a.cues};
    e.all_phrases_->Find(text, s.begin_token, s.end_token, outs);
    e.dates_.Extract(text, s.begin_token, s.end_token, ann->published, &a.dates);
    if (!lowercase_text) {
      // Country names are proper nouns: "US" the country, not "us".
      std::erase_if(a.places,
                    [&](const match::Match& m) { return !text.tokens[m.begin_token].HasFlag(tokens::kCapitalized); });
    }
    if (a.triggers.empty()) {
      // Sentences without a trigger only need their dates and places (context for events
      // elsewhere), and nouns and cues for protester counts ("3,000 marchers").
      bool protesters = false;
      for (const auto& m : a.nouns) protesters |= e.protester_noun_[m.phrase] != 0;
      if (!protesters) {
        a.nouns.clear();
        a.cues.clear();
      }
      if (!protesters && a.dates.empty() && a.places.empty()) continue;
      // PERF: numbers only where a count can attach.
      if (protesters) e.numbers_.Extract(text, s.begin_token, s.end_token, &a.quantities);
      ++used;
      continue;
    }
    e.numbers_.Extract(text, s.begin_token, s.end_token, &a.quantities);
    ++used;
  }
  while (sents.size() > used) {
    spare_sentences_.push_back(std::move(sents.back()));
    sents.pop_back();
  }
}

void Coder::Code(CodedDocument* out) {
  out->events.clear();
  out->checks.clear();
  const Engine& e = engine_;
  const auto& doc = out->doc;
  e.tokenizer_.Tokenize(doc.text, &tokens_);
  annotations_.text = &tokens_;
  annotations_.published.reset();
  if (auto p = ParseIsoDate(doc.published)) annotations_.published = *p;
  // Mostly-lowercase text (some archives): names are not capitalized, so don't require it.
  // PERF: the words counted by the tokenizer (a pass over the tokens here was 0.5% of the time).
  const size_t caps = tokens_.capitalized_words, words = tokens_.words;
  bool lowercase_text = words > 20 && caps * 50 < words;

  AnnotateSentences(tokens_, lowercase_text, &annotations_);
  // The events first: finding them needs no place names.
  annotations_.places.clear();
  annotations_.title_country.clear();
  annotations_.style_country.clear();
  e.assembler_->FindEvents(annotations_, &out->events);
  // The title is coded too: an event it states of a type (and status) the text does not
  // report is kept ("Five hurt in drive-by shooting" over a text that is only a paywall note),
  // dated and placed within the title when the title names the place.
  title_events_.clear();
  title_annotations_.places.clear();
  bool title_resolved = false, title_events_need_text = false;
  if (!doc.title.empty()) {
    e.tokenizer_.Tokenize(doc.title, &title_tokens_);
    title_annotations_.text = &title_tokens_;
    title_annotations_.published = annotations_.published;
    title_annotations_.headline = true;
    // "5 People Injured By Man With A Shotgun In Kelmora": in a headline in title case the
    // capitals say nothing about names ("Men Shot" is no person): its events are found as in the
    // same words in lower case; its places are still read from the capitals (below). Acronyms
    // in capitals stay ("NOPD").
    const bool headline = TitleCaseHeadline(title_tokens_);
    if (headline) {
      title_flags_.clear();
      for (auto& t : title_tokens_.tokens) {
        title_flags_.push_back(t.flags);
        if (t.kind == tokens::TokenKind::kWord && !t.HasFlag(tokens::kAllCaps)) t.flags &= ~tokens::kCapitalized;
      }
    }
    AnnotateSentences(title_tokens_, /*lowercase_text=*/false, &title_annotations_);
    e.assembler_->FindEvents(title_annotations_, &title_events_);
    if (headline)
      for (size_t i = 0; i < title_flags_.size(); ++i) title_tokens_.tokens[i].flags = title_flags_[i];
    KeepTitleOnlyEvents(out->events, &title_events_);
    if (!title_events_.empty()) {
      ResolveTitlePlaces();
      title_resolved = true;
      e.assembler_->PlaceEvents(title_annotations_, &title_events_);
      for (const auto& t : title_events_)
        if (!t.location || t.location->basis != "same sentence") title_events_need_text = true;
    }
  }
  // PERF: place names are resolved only for documents with events (a tenth of the development
  // documents have none), and only where they can place an event: sentences with a trigger and
  // their neighbours, and the first three (dateline, lede). Resolving every sentence of long
  // articles tripled the coding time.
  const bool has_events = !out->events.empty() || title_events_need_text;
  if (has_events) {
    place_mask_.assign(tokens_.sentences.size(), false);
    for (size_t i = 0; i < place_mask_.size() && i < 3; ++i) place_mask_[i] = true;
    for (const auto& a : annotations_.sentences) {
      if (a.triggers.empty()) continue;
      for (long k = static_cast<long>(a.index) - 1; k <= static_cast<long>(a.index) + 1; ++k)
        if (k >= 0 && k < static_cast<long>(place_mask_.size())) place_mask_[k] = true;
    }
    // "It happened on Kelvin Mill Road in Thurmond." further down: a sentence saying where it
    // happened places the events (EventAssembler::SceneTown) wherever it stands.
    // So does a city's police named further down ("Tarboro Police Chief Mark Kell asked ..."):
    // EventAssembler places an event its sentence places only in that city's state there.
    static const uint64_t kPolice = tokens::HashToken("police");
    static const uint64_t kHappened = tokens::HashToken("happened"), kOccurred = tokens::HashToken("occurred"),
                          kUnfolded = tokens::HashToken("unfolded"), kTook = tokens::HashToken("took"),
                          kPlace = tokens::HashToken("place");
    // PERF: one bit of each word's hash in a 64-bit mask: most tokens leave after one test.
    static const uint64_t kMask = [] {
      uint64_t m = 0;
      for (uint64_t h : {kPolice, kHappened, kOccurred, kUnfolded, kPlace}) m |= uint64_t{1} << (h & 63);
      return m;
    }();
    for (size_t si = 0; si < place_mask_.size(); ++si) {
      if (place_mask_[si]) continue;
      const auto& sent = tokens_.sentences[si];
      for (uint32_t k = sent.begin_token; k < sent.end_token; ++k) {
        const uint64_t h = tokens_.tokens[k].hash;
        if (((kMask >> (h & 63)) & 1) == 0) continue;
        if (h == kPolice && k > sent.begin_token && tokens_.tokens[k - 1].HasFlag(tokens::kCapitalized) &&
            tokens_.tokens[k - 1].norm != "county") {
          place_mask_[si] = true;
          break;
        }
        if (h == kHappened || h == kOccurred || h == kUnfolded ||
            (h == kPlace && k > sent.begin_token && tokens_.tokens[k - 1].hash == kTook)) {
          // Only with "in" and a capitalized word after the verb, as SceneTown reads it (not
          // "told police what happened").
          // Or with a capitalized word before "home" ("at the family's Greenville home").
          for (uint32_t j = k + 1; j + 1 < sent.end_token; ++j) {
            std::string_view w = tokens_.tokens[j].norm;
            if (((w == "in" || w == "near" || w == "outside" || w == "of") &&
                 tokens_.tokens[j + 1].HasFlag(tokens::kCapitalized)) ||
                (tokens_.tokens[j].HasFlag(tokens::kCapitalized) &&
                 (tokens_.tokens[j + 1].norm == "home" || tokens_.tokens[j + 1].norm == "residence"))) {
              place_mask_[si] = true;
              break;
            }
          }
          break;
        }
      }
    }
    // The title's US wording ("- WQRT Channel 7") counts with the text's.
    const int title_cues = TitleUsCues(doc.title.empty() ? nullptr : &title_tokens_);
    e.places_resolver_->Resolve(tokens_, &annotations_.places, &place_mask_, /*explain=*/false, &place_workspace_,
                                title_cues);
    // No place near the events names a country ("It happened at an apartment complex on
    // Saginaw's southeast side" four sentences down): the whole text is read for one. A few
    // percent of the documents with events.
    // The mentions DocumentCountry counts (listed ones and counties), without its vote count.
    auto names_country = [](const places::PlaceMention& m) {
      return !m.country.empty() && (m.listed || m.precision == places::Precision::kAdmin2);
    };
    if (std::none_of(annotations_.places.begin(), annotations_.places.end(), names_country) &&
        std::find(place_mask_.begin(), place_mask_.end(), false) != place_mask_.end()) {
      e.places_resolver_->Resolve(tokens_, &annotations_.places, nullptr, /*explain=*/false, &place_workspace_,
                                  title_cues);
    }
  }
  // A title ("Shooting at Gary seniors' club ...") places the story when the text names no
  // place (its country), and its town places the events nothing nearer places, before a town the
  // text names in passing ("His grandmother drove from Tarboro").
  annotations_.title_town = nullptr;
  annotations_.title_town_in_site_name = false;
  annotations_.find_title_town = nullptr;
  // A demonym alone ("outside a Thai restaurant": a cuisine, someone's origin) names no place:
  // the title's country and US wording come before it (EventAssembler::DocumentCountry).
  const bool text_has_place = has_events && places::NamesAPlace(annotations_.places);
  if (has_events && !doc.title.empty()) {
    // PERF: the title's places are resolved when they are first asked for (most documents'
    // events are placed without the title's town).
    auto resolve_title = [this, title_resolved]() {
      if (!title_resolved && !title_places_resolved_) ResolveTitlePlaces();
      title_places_resolved_ = true;
    };
    title_places_resolved_ = false;
    if (!text_has_place) {
      resolve_title();
      if (places::NamesAPlace(title_annotations_.places))
        annotations_.title_country = places::DocumentCountry(title_annotations_.places);
    }
    annotations_.find_title_town = [this, resolve_title]() -> const places::PlaceMention* {
      resolve_title();
      // "Tarboro man charged in Rocky Mount shooting": a town before a person says where
      // someone lives; another town of the title says where it happened.
      auto residence = [&](const places::PlaceMention& m) {
        if (m.end_token >= title_tokens_.tokens.size()) return false;
        std::string_view w = title_tokens_.tokens[m.end_token].norm;
        return w == "man" || w == "woman" || w == "men" || w == "women" || w == "teen" || w == "teens" ||
               w == "boy" || w == "girl" || w == "resident" || w == "residents" || w == "couple";
      };
      // "... - WQRT News 9 Tarboro": a town in the site's name is where the station is, taken
      // last and marked so that the text's own town comes before it.
      const uint32_t site = SiteNameBegin(title_tokens_);
      const places::PlaceMention *lives = nullptr, *station = nullptr, *county = nullptr;
      // "In D.C., gunfire wounds three": a subdivision that is one city (its `within`) is a town.
      // "... in New York quadruple murder": a town written as its state's name may be the state
      // (New York City or New York State): no town (the text's own town places the events).
      auto town = [this](const places::PlaceMention& m) {
        if (m.precision == places::Precision::kCity) return !WrittenAsItsState(title_tokens_, m);
        return m.precision == places::Precision::kAdmin1 && !m.within.name.empty();
      };
      for (const auto& m : title_annotations_.places) {
        // "Sheriff: Iredell County man who fatally shot ...": a US county whose seat is known,
        // reported at its seat, when the title names no town.
        if (county == nullptr && m.precision == places::Precision::kAdmin2 && !m.seat.name.empty() &&
            m.country == "US" && m.begin_token < site) {
          county = &m;
        }
        // "In tiny Kelbrook, Mo.": a town the gazetteer lacks in the state qualifying it (a
        // namesake elsewhere) is a town too.
        const size_t k = static_cast<size_t>(&m - title_annotations_.places.data());
        const bool placed_namesake =
            !m.listed && m.namesake_country && !m.admin1_code.empty() && k + 1 < title_annotations_.places.size() &&
            title_annotations_.places[k + 1].qualifier &&
            title_annotations_.places[k + 1].begin_token == m.end_token + 1 &&
            title_annotations_.places[k + 1].admin1_code == m.admin1_code;
        if (town(m) && (m.listed || placed_namesake) && !m.demonym && !m.actor && !m.qualifier && !m.country.empty()) {
          if (m.begin_token >= site) {
            if (station == nullptr) station = &m;
            continue;
          }
          if (!residence(m)) return &m;
          if (lives == nullptr) lives = &m;
        }
      }
      if (lives != nullptr) return lives;
      if (county != nullptr && station == nullptr) return county;
      annotations_.title_town_in_site_name = station != nullptr;
      return station;
    };
    SeatCountiesByTitle(resolve_title);
  }
  annotations_.station_town = nullptr;
  if (has_events) PlaceByStation(!doc.title.empty());
  // No place names a country: wording typical of US local news ("Adams County", "sheriff",
  // "the 1400 block of") in the text or the title says the US. One cue is enough when nothing
  // else names a country (a Kenyan "Nakuru County" would have been a place of Kenya).
  if (has_events && !text_has_place && annotations_.title_country.empty() &&
      (places::UsStyleCues(tokens_, nullptr, 1) > 0 ||
       (!doc.title.empty() && places::UsStyleCues(title_tokens_, nullptr, 1) > 0))) {
    annotations_.style_country = "US";
  }
  e.assembler_->PlaceEvents(annotations_, &out->events);
  if (!title_events_.empty()) AppendTitleEvents(out);
  out->checks = events::CheckNumbers(out->events);
}

// "in Lincoln County" (a county of 24 states) in a text naming no state, under a title whose
// places lie in one state ("... - WQRT News - Jackson, MS"): the county is in that state, and
// gets its seat there (PlaceResolver::SeatCounty; docs/places.md, rule 12). The title is
// resolved only for a text with such a county.
void Coder::SeatCountiesByTitle(const std::function<void()>& resolve_title) {
  auto seatless = [](const places::PlaceMention& m) {
    return m.precision == places::Precision::kAdmin2 && !m.listed && m.seat.name.empty() && m.country == "US";
  };
  if (std::none_of(annotations_.places.begin(), annotations_.places.end(), seatless)) return;
  resolve_title();
  std::string_view state;
  for (const auto& m : title_annotations_.places) {
    if (!m.listed || m.demonym || m.actor || m.country != "US" || m.admin1_code.empty() ||
        (m.precision != places::Precision::kCity && m.precision != places::Precision::kAdmin1)) {
      continue;
    }
    if (!state.empty() && state != m.admin1_code) return;  // towns of two states: none
    state = m.admin1_code;
  }
  if (state.empty()) return;
  for (auto& m : annotations_.places)
    if (seatless(m)) engine_.places_resolver_->SeatCounty(state, &m);
}

void Coder::PlaceByStation(bool has_title) {
  // Only where it can matter: a US county without a seat, or no listed US town in a text that
  // names no place abroad either (PERF: most stories name their town).
  bool seatless = false, us_town = false, us = false, abroad = false, small_town = false;
  for (const auto& m : annotations_.places) {
    if (m.demonym || m.actor || m.country.empty()) continue;
    if (m.country != "US") {
      abroad = true;
      continue;
    }
    us = true;
    seatless |= m.precision == places::Precision::kAdmin2 && !m.listed && m.seat.name.empty();
    us_town |= m.listed && (m.precision == places::Precision::kCity || !m.within.name.empty());
    // A small town, which may be a namesake of a quarter of the station's city (EventAssembler).
    small_town |= m.listed && m.precision == places::Precision::kCity && m.population < 10000 && !m.qualifier;
  }
  if (!seatless && !small_town && (us_town || (abroad && !us))) return;
  // A station's call letters in capitals, not among other words in capitals (a transcript's
  // line: "WE ARE LIVE AT WQRT NEWS"): the text's first, else the title's.
  auto station_in = [this](const tokens::TokenizedText& t) -> const places::PlaceMention* {
    const auto& toks = t.tokens;
    const size_t n = toks.size();
    auto shouted = [&](size_t k) {
      return k < n && toks[k].kind == tokens::TokenKind::kWord && toks[k].HasFlag(tokens::kAllCaps);
    };
    for (size_t i = 0; i < n; ++i) {
      const auto& u = toks[i];
      if (u.kind != tokens::TokenKind::kWord || !u.HasFlag(tokens::kAllCaps) || !places::CallLetterShape(u.norm) ||
          (i > 0 && shouted(i - 1)) || shouted(i + 1)) {
        continue;
      }
      if (const places::PlaceMention* town = engine_.places_resolver_->StationTown(u.norm)) return town;
    }
    return nullptr;
  };
  const places::PlaceMention* town = station_in(tokens_);
  if (town == nullptr && has_title) town = station_in(title_tokens_);
  if (town == nullptr) {
    // "... - WQRT News 5 - Memphis, Tennessee": the town in the site's name is the station's.
    const places::PlaceMention* t = annotations_.TitleTown();
    if (t != nullptr && annotations_.title_town_in_site_name && t->precision == places::Precision::kCity &&
        t->country == "US") {
      town = t;
    }
  }
  if (town == nullptr) return;
  annotations_.station_town = town;
  for (auto& m : annotations_.places) {
    if (m.precision == places::Precision::kAdmin2 && !m.listed && m.seat.name.empty() && m.country == "US")
      engine_.places_resolver_->SeatCounty(town->admin1_code, &m);
  }
}

void Coder::ResolveTitlePlaces() {
  // "... - WQRT 41 Omaha News", "... | Omaha News, Weather", "... - WQRT News Omaha": in the
  // site's name "News" (or "Now") next to the station's town is no part of a longer name
  // (a newspaper's "Omaha News"): the words are resolved as if written in lower case.
  // So are a station's call letters before its town ("- FOX 8 WQRT Omaha News"): the
  // station's name, no part of the town's. And a site's kicker before the headline ("Omaha
  // News: 4 shot in northwest").
  const uint32_t site = SiteNameBegin(title_tokens_);
  site_words_.clear();
  const auto n = static_cast<uint32_t>(title_tokens_.tokens.size());
  for (uint32_t i = 0; i < n; ++i) {
    auto& t = title_tokens_.tokens[i];
    const bool kicker = i < site && i + 1 < n && i <= 3 && t.norm == "news" && title_tokens_.tokens[i + 1].norm == ":";
    if (i < site && !kicker) continue;
    if (((t.norm == "news" || t.norm == "now") && t.HasFlag(tokens::kCapitalized)) ||
        (!kicker && t.HasFlag(tokens::kAllCaps) && places::CallLetterShape(t.norm))) {
      site_words_.emplace_back(i, t.flags);
      t.flags &= ~(tokens::kCapitalized | tokens::kAllCaps);
    }
  }
  engine_.places_resolver_->Resolve(title_tokens_, &title_annotations_.places, nullptr, /*explain=*/false,
                                    &place_workspace_);
  for (auto [k, flags] : site_words_) title_tokens_.tokens[k].flags = flags;
}

void Coder::KeepTitleOnlyEvents(const std::vector<events::Event>& text_events,
                                std::vector<events::Event>* title_events) {
  // Kept: a title event of a type and status no text event has. Its part_of must point at a
  // kept event, else it is cleared.
  events::RemoveEvents(title_events, [&](const events::Event& t) {
    return std::any_of(text_events.begin(), text_events.end(),
                       [&](const events::Event& x) { return x.type == t.type && x.status == t.status; });
  });
  for (auto& t : *title_events) t.from_title = true;
}

void Coder::AppendTitleEvents(CodedDocument* out) {
  // Placed by a place in the title: basis "title", the span into the title. Else placed where
  // the text places the document (dateline, its town or country: spans into the text).
  // A place of the title in another country than the one the text places the document in is
  // a namesake ("Bethlehem woman charged" over a Pennsylvania story): the text's place wins.
  std::optional<events::LocationRef> fallback;
  bool fallback_done = false;
  auto text_location = [&]() -> const std::optional<events::LocationRef>& {
    if (!fallback_done) {
      fallback = engine_.assembler_->DocumentLocation(annotations_);
      fallback_done = true;
    }
    return fallback;
  };
  const int offset = static_cast<int>(out->events.size());
  for (auto& t : title_events_) {
    if (t.location && t.location->basis == "same sentence") {
      t.location->basis = "title";
      if (!annotations_.places.empty()) {
        const auto& text = text_location();
        if (text && !text->country.empty() && text->country != t.location->country) t.location = text;
      }
    } else {
      t.location = text_location();
    }
    if (t.part_of >= 0) t.part_of += offset;
    out->events.push_back(std::move(t));
  }
  title_events_.clear();
}

}  // namespace evident::pipeline
