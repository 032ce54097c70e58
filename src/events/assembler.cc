#include "events/assembler.h"

#include <algorithm>
#include <cctype>
#include <array>
#include <unordered_map>

#include "common/bytes.h"

namespace evident::events {

using lexicon::Cue;
using lexicon::EventType;
using lexicon::Role;
using lexicon::Sector;
using tokens::Token;
using tokens::TokenKind;

std::string_view EventStatusName(EventStatus s) {
  switch (s) {
    case EventStatus::kHappened:
      return "happened";
    case EventStatus::kNegated:
      return "negated";
    case EventStatus::kPlanned:
      return "planned";
    case EventStatus::kHypothetical:
      return "hypothetical";
  }
  return "happened";
}

EventAssembler::EventAssembler(const lexicon::Lexicon& lexicon, const match::PhraseMatcher& triggers,
                               const match::PhraseMatcher& nouns, const match::PhraseMatcher& cues,
                               const PlaceTable* places)
    : lexicon_(lexicon), triggers_(triggers), nouns_(nouns), cues_(cues), places_(places) {
  for (const auto& e : triggers.table().entries) {
    TriggerInfo t;
    t.type = *lexicon::ParseEventType(e.fields[0]);
    t.mode = e.fields[1] == "-" ? std::string_view() : std::string_view(e.fields[1]);
    t.role = *lexicon::ParseRole(e.fields[2]);
    t.needs_person = e.fields[3] == "person";
    t.needs_road = e.fields[3] == "road";
    t.subject = e.fields[3] == "subject";
    t.noun_only = e.fields[3] == "noun";
    t.agent = e.fields[3] == "agent";
    t.needs_hospital = e.fields[3] == "hospital";
    t.needs_purpose = e.fields[3] == "purpose";
    t.needs_property = e.fields[3] == "property";
    t.needs_force = e.fields[3] == "force";
    t.needs_imposer = e.fields[3] == "imposed";
    t.needs_giver = e.fields[3] == "given";
    trigger_info_.push_back(t);
  }
  for (const auto& e : nouns.table().entries)
    noun_info_.push_back(
        NounInfo{*lexicon::ParseSector(e.fields[0]), e.fields[1] == "person", e.fields[1] != "person"});
  for (const auto& e : cues.table().entries) cue_info_.push_back(*lexicon::ParseCue(e.fields[0]));
  if (places_)
    for (size_t i = 0; i < places_->phrases->entries.size(); ++i) {
      const auto& e = places_->phrases->entries[i];
      if (!places_->is_demonym[i]) country_name_.emplace(e.fields[0], e.phrase);  // the first is the name
    }
}

namespace {

constexpr int kNone = -1;
// An event whose sentence and earlier sentences state no day takes the first day stated in the
// next sentences, this many at most ("A boy was shot. ... It happened on Sunday."): on gva,
// 1 -> 2361 date hits, 3 -> 2365, 5 -> 2363, any later sentence 2359 (farther sentences date
// funerals, hearings, other stories on the page).
constexpr uint32_t kLaterDateSentences = 3;

// A handful of words, compared by token hash: a word is tested with one integer comparison
// per member instead of a string comparison (PERF: IsAny with string lists was 3% of coding).
class WordSet {
 public:
  WordSet(std::initializer_list<std::string_view> words) : words_(words) {
    size_t slots = 4;
    while (slots < 2 * words_.size()) slots <<= 1;
    slots_.assign(slots, kEmpty);
    mask_slots_ = slots - 1;
    for (uint32_t i = 0; i < words_.size(); ++i) {
      const uint64_t h = tokens::HashToken(words_[i]);
      filter_[h >> 62] |= uint64_t{1} << ((h >> 56) & 63);
      size_t s = h & mask_slots_;
      while (slots_[s] != kEmpty) s = (s + 1) & mask_slots_;
      slots_[s] = i;
      hashes_.push_back(h);
    }
  }
  // PERF: one bit of 256 per word's hash, tested where Has is called, then an open-addressing
  // table: most tokens leave after the one test. (With 64 bits and a scan of the hashes, sets of
  // 40-60 words let half the tokens through to the scan: WordSet was 1.5% of the coding's
  // instructions; 1.4 million calls per development set.)
  [[gnu::always_inline]] bool Has(const Token& t) const {
    if (!((filter_[t.hash >> 62] >> ((t.hash >> 56) & 63)) & 1)) return false;
    return Find(t);
  }

 private:
  [[gnu::noinline]] bool Find(const Token& t) const {
    for (size_t s = t.hash & mask_slots_;; s = (s + 1) & mask_slots_) {
      const uint32_t i = slots_[s];
      if (i == kEmpty) return false;
      if (hashes_[i] == t.hash) return SameWord(t.norm, words_[i]);
    }
  }
  static constexpr uint32_t kEmpty = UINT32_MAX;
  std::vector<std::string_view> words_;
  std::vector<uint64_t> hashes_;
  std::vector<uint32_t> slots_;  // indexes into words_ and hashes_, at least half empty
  size_t mask_slots_ = 0;
  uint64_t filter_[4] = {};
};

// WORDS("a", "b") is a WordSet built once, where it is written.
#define WORDS(...)                                        \
  ([]() -> const WordSet& {                               \
    static const WordSet kWordSetAtCallSite{__VA_ARGS__}; \
    return kWordSetAtCallSite;                            \
  }())

bool IsAny(const Token& t, const WordSet& words) { return words.Has(t); }

// Verbs whose object stands before the rest of an arrest phrase: "took him into custody",
// "placed the driver under arrest".
bool IsTakeOrPlace(const Token& t) {
  return IsAny(t, WORDS("took", "take", "takes", "taking", "taken", "put", "puts", "putting", "placed", "place",
                        "places", "placing"));
}

// Words that begin no noun: after "a 17-year-old" or a single name they end the phrase ("the
// 15-year-old for the robbery", "Varrick at his apartment").
bool IsPrepositionOrAux(const Token& t) {
  return IsAny(t, WORDS("for", "with", "to", "by", "into", "as", "of", "during", "inside", "outside", "over", "under",
                        "since", "before", "until", "without", "within", "behind", "following", "amid", "but", "had",
                        "has", "have", "were", "are", "will", "would", "could", "later", "earlier", "last", "early",
                        "late", "this", "that", "whose", "whom", "because", "while", "yesterday", "today", "tonight",
                        "in", "at", "on", "after", "near", "who", "was", "is", "from"));
}

// Quantifiers that stand for people without naming or numbering them ("Most were freed",
// "Both have been charged", "Others fled"): no person's name, but the people of a passive.
bool IsPeopleQuantifier(const Token& t) {
  return IsAny(t, WORDS("all", "both", "some", "many", "most", "several", "few", "others", "half", "each"));
}

bool IsPunct(const Token& t) { return t.kind == TokenKind::kPunct; }

// A lowercase word for a part of a place before its name: "in downtown Port Kelmar", "in
// northwest Korvath".
bool IsPlacePartWord(const Token& t) {
  return IsAny(t, WORDS("downtown", "uptown", "north", "south", "east", "west", "northern", "southern", "eastern",
                        "western", "northeast", "northwest", "southeast", "southwest", "central", "rural"));
}

// Roles that befall one identifiable person, so "a man"/"the victim"/"he" count as 1.
bool CountsIndividuals(Role r) { return r != Role::kNone && r != Role::kParticipants; }

// Capitalized words that end names of places and organisations, not people.
// PERF: a WordSet (a linear scan with a string comparison per word of the same length was
// 20,000 calls of memcmp per 2,000 documents).
bool IsNameStopWord(const Token& t) {
  return IsAny(t, WORDS("hospital", "street", "road", "avenue", "county", "police", "department", "center",
                        "centre", "school", "park", "church", "university", "college", "office", "city", "state",
                        "court", "station", "apartments", "bar", "club", "store", "market", "mall", "square",
                        "bridge", "highway", "drive", "lane", "boulevard", "district", "province", "village",
                        "town", "ministry", "party", "army", "forces", "force", "council", "house", "hall",
                        "news", "times", "post", "tribune", "herald", "journal", "press", "agency", "group",
                        "company", "inc", "association", "union", "front", "movement", "committee", "airport",
                        "prison", "jail", "reported", "says", "said", "kills", "killed", "shot", "dies", "dead",
                        "sheriff", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                        "i", "the"));
}

bool SubjectRoleTrigger(EventType type, std::string_view mode, lexicon::Form form) {
  if (type == EventType::kProtest || type == EventType::kCustody) return true;
  if (type == EventType::kAssault && mode.empty()) return true;  // died, dead, injured
  return false;
}

}  // namespace

// Works on one sentence; holds per-token indexes of the annotations.
class SentenceAssembler {
 public:
  SentenceAssembler(const EventAssembler& a, const DocumentAnnotations& doc, const SentenceAnnotations& s,
                    std::vector<Event>* out)
      : a_(a), doc_(doc), s_(s), toks_(doc.text->tokens), out_(out) {
    const auto& sent = doc.text->sentences[s.index];
    begin_ = sent.begin_token;
    end_ = sent.end_token;
    size_t n = end_ - begin_;
    trigs_.clear();
    slots_.assign(n, TokenSlot{});
    for (size_t i = 0; i < s.nouns.size(); ++i) {
      const auto& m = s.nouns[i];
      uint32_t b = m.begin_token - begin_, e = m.end_token - 1 - begin_;
      if (slots_[e].noun_at_end == kNone || s.nouns[slots_[e].noun_at_end].begin_token > m.begin_token)
        slots_[e].noun_at_end = static_cast<int>(i);
      if (slots_[b].noun_at_begin == kNone) slots_[b].noun_at_begin = static_cast<int>(i);
    }
    for (const auto& d : s.dates)
      for (uint32_t k = d.begin_token; k < d.end_token; ++k) slots_[k - begin_].in_date = true;
    for (size_t i = 0; i < s.cues.size(); ++i) {
      const auto& m = s.cues[i];
      uint32_t b = m.begin_token - begin_;
      if (slots_[b].in_date) continue;  // "May 9" is a date, not the modal
      if ((toks_[m.begin_token].flags & tokens::kAllCaps) && m.end_token == m.begin_token + 1) continue;  // "IS"
      Cue c = Cue(a_.cue_info_[a_.cues_.table().phrases[m.phrase].entry]);
      if (c == Cue::kBlock) {
        for (uint32_t k = m.begin_token; k < m.end_token; ++k) slots_[k - begin_].blocked = true;
        continue;
      }
      if (c == Cue::kMedicalCare) {
        slots_[b].medical = true;
        continue;
      }
      // A one-word modal in -s is a plural noun after a determiner or possessive ("with their
      // faces covered", "despite the risks") or inside a capitalized name ("Protection against
      // Food Risks"): no "faces charges", "risks arrest".
      if (c == Cue::kModal && m.end_token == m.begin_token + 1 && m.begin_token > begin_ &&
          toks_[m.begin_token].norm.size() > 3 && toks_[m.begin_token].norm.back() == 's' &&
          (IsAny(toks_[m.begin_token - 1], WORDS("the", "their", "his", "her", "its", "our", "my", "your", "these",
                                                 "those", "of")) ||
           (toks_[m.begin_token].HasFlag(tokens::kCapitalized) &&
            toks_[m.begin_token - 1].HasFlag(tokens::kCapitalized) && m.begin_token - 1 > begin_)))
        continue;
      if (slots_[b].cue_at == kNone || m.end_token - begin_ > slots_[b].cue_end) {
        slots_[b].cue_at = static_cast<int>(c);
        slots_[b].cue_end = m.end_token - begin_;
      }
    }
    for (size_t i = 0; i < s.quantities.size(); ++i) {
      const auto& q = s.quantities[i];
      if (!q.IsCount()) {
        for (uint32_t k = q.begin_token; k < q.end_token; ++k) slots_[k - begin_].non_count = true;
        continue;
      }
      slots_[q.end_token - 1 - begin_].qty_at_end = static_cast<int>(i);
      slots_[q.begin_token - begin_].qty_at_begin = static_cast<int>(i);
    }
  }

  void Run();

 private:
  struct Trig {
    uint32_t b, e;  // token range
    EventAssembler::TriggerInfo info;
    lexicon::Form form;
    int event = kNone;  // index into out_ once created
    bool from_protester_noun = false;
  };
  struct NpCount {
    Count count;
    uint32_t np_begin = 0, np_end = 0;
    bool partitive = false;
    std::optional<ActorRef> who;
  };

  const Token& T(uint32_t k) const { return toks_[k]; }
  bool In(uint32_t k) const { return k >= begin_ && k < end_; }
  int CueAt(uint32_t k) const { return In(k) ? slots_[k - begin_].cue_at : kNone; }
  uint32_t CueEnd(uint32_t k) const { return slots_[k - begin_].cue_end + begin_; }
  int NounEndingAt(uint32_t k) const { return In(k) ? slots_[k - begin_].noun_at_end : kNone; }
  int NounStartingAt(uint32_t k) const { return In(k) ? slots_[k - begin_].noun_at_begin : kNone; }
  const EventAssembler::NounInfo& Noun(int i) const {
    return a_.noun_info_[a_.nouns_.table().phrases[s_.nouns[i].phrase].entry];
  }
  // Whether the first person noun after k (before punctuation, within four words) heads no
  // people but their picture or name: "a suspect sketch", "the victims' names".
  // A word for a picture, a name or a record of people: "sketch", "names", "identities".
  static bool IsPictureWord(const Token& t) {
    return IsAny(t, WORDS("sketch", "sketches", "photo", "photos", "image", "images", "video", "videos", "name",
                          "names", "identity", "identities", "description", "details", "information", "footage",
                          "mugshot", "mugshots", "report", "reports"));
  }
  bool ObjectIsAPicture(uint32_t k) const {
    for (uint32_t j = k; j < k + 4 && In(j) && !IsPunct(T(j)); ++j) {
      int n = NounStartingAt(j);
      if (n == kNone || !Noun(n).person) continue;
      uint32_t after = s_.nouns[n].end_token;
      if (In(after) && (T(after).norm == "'s" || T(after).norm == "'")) ++after;
      return In(after) && IsPictureWord(T(after));
    }
    return false;
  }
  // Patient "property": seizing and destroying act on things. A person acted on makes the verb
  // something else ("seized two fighters" is a capture, "burned a man" violence): the object of
  // an active verb (which must have one: "the hut burned" is no arson), the subject of a passive.
  // A participle after a determiner describes its noun and states no act ("a stolen car").
  // Punctuation that ends a phrase: not a hyphen inside a word ("a three-day curfew").
  bool PhraseBreak(uint32_t k) const { return IsPunct(T(k)) && !(T(k).norm == "-" && !T(k).HasFlag(tokens::kSpaceBefore)); }
  bool ActsOnProperty(const Trig& t, bool passive) const {
    if (t.form == lexicon::Form::kSingular || t.form == lexicon::Form::kPlural) return true;
    // A fire, a storm or a flood destroys without anyone acting: "a fire broke out ... destroying
    // the motel", "floods destroyed 40 homes".
    for (uint32_t k = t.b; k > begin_ && t.b - k < 9; --k)
      if (IsAny(T(k - 1), WORDS("fire", "fires", "blaze", "flames", "wildfire", "storm", "storms", "flood", "floods",
                                "flooding", "earthquake", "cyclone", "hurricane", "tornado", "rains", "landslide")))
        return false;
    // A participle or gerund that describes its noun states no act: "a stolen car", "the badly
    // burned body", "a burning car", "reported stolen".
    const bool adjective_form = t.form == lexicon::Form::kParticiple || t.form == lexicon::Form::kPastOrParticiple ||
                                (t.form == lexicon::Form::kGerund && t.e == t.b + 1);
    if (adjective_form && t.b > begin_) {
      uint32_t p = t.b - 1;
      while (p > begin_ && T(p).norm.size() > 4 && T(p).norm.ends_with("ly")) --p;  // "badly", "partially"
      if (IsAny(T(p), WORDS("a", "an", "the", "his", "her", "their", "its", "this", "that", "these", "those", "reported")))
        return false;
    }
    // A participle spelled apart from the past before its noun, with no auxiliary: "receiving
    // stolen property", "items of stolen property" (not "had stolen two guns", "items stolen from").
    if (t.form == lexicon::Form::kParticiple && t.b > begin_ && In(t.e) && T(t.e).kind == TokenKind::kWord &&
        !T(t.e).HasFlag(tokens::kCapitalized) && !IsPrepositionOrAux(T(t.e)) && CueAt(t.e) == kNone &&
        CueAt(t.b - 1) != static_cast<int>(Cue::kAux) &&
        !IsAny(T(t.b - 1), WORDS("had", "has", "have", "was", "were", "been", "being", "be", "is", "are", "got")) &&
        !IsAny(T(t.e), WORDS("and", "or", "by", "a", "an", "the", "his", "her", "their", "its", "two", "three")) &&
        slots_[t.e - begin_].qty_at_begin == kNone)
      return false;
    // People, their bodies and their lives are no property: "burned the body", "destroyed a family".
    const auto person_word = [](const Token& w) {
      return IsAny(w, WORDS("he", "she", "they", "him", "her", "them", "who", "himself", "herself", "themselves", "body",
                            "bodies", "corpse", "corpses", "remains", "family", "families", "life", "lives"));
    };
    if (passive) {
      for (uint32_t k = t.b; k > begin_ && t.b - k < 6 && !PhraseBreak(k - 1); --k)
        if ((IsPersonNounEnd(k - 1) && !(k < t.b && NamesWhose(k))) || person_word(T(k - 1))) return false;
      return true;
    }
    uint32_t k = t.e;
    if (!In(k) || IsPunct(T(k)) || IsPrepositionOrAux(T(k)) || CueAt(k) != kNone) return false;
    for (uint32_t j = k; j < k + 4 && In(j) && !PhraseBreak(j); ++j) {
      if (person_word(T(j))) return false;
      const int n = NounStartingAt(j);
      if (n == kNone || !IsPeople(Noun(n))) continue;
      if (!NamesWhose(s_.nouns[n].end_token)) return false;
    }
    return true;
  }
  // People: a person noun, or a group noun for a crowd or a force ("riot police", "the army",
  // "protesters"), not an institution ("the ministry", "the court").
  static bool IsPeople(const EventAssembler::NounInfo& n) {
    return n.person || (n.group && (n.sector == Sector::kPolice || n.sector == Sector::kMilitary ||
                                    n.sector == Sector::kRebels || n.sector == Sector::kProtesters ||
                                    n.sector == Sector::kWorkers));
  }
  // A person noun before another word names whose or what kind the thing is: "40 civilian
  // houses", "the fighters' weapons", "a student hostel", "a farmer's barn" (`after`: the token
  // after the noun).
  bool NamesWhose(uint32_t after) const {
    return In(after) && ((T(after).kind == TokenKind::kWord && !IsPrepositionOrAux(T(after)) && CueAt(after) == kNone &&
                          !IsAny(T(after), WORDS("and", "or", "who"))) ||
                         T(after).norm == "'s" || T(after).norm == "'");
  }
  // Patient "force": what moves is armed forces or police. An active verb with an object moves
  // its object ("deployed 300 troops", not "deployed tear gas"); a passive, intransitive or noun
  // trigger a force next to it ("soldiers were deployed", "a deployment of police", "the army
  // deployed along the border"; not "the airbag deployed").
  bool MovesAForce(const Trig& t, bool passive) const {
    const auto force = [&](int n) {
      return n != kNone && (Noun(n).sector == Sector::kPolice || Noun(n).sector == Sector::kMilitary ||
                            Noun(n).sector == Sector::kRebels);
    };
    const bool noun = t.form == lexicon::Form::kSingular || t.form == lexicon::Form::kPlural;
    // A noun naming the next one ("patrol officers", "a patrol car") or a duty ("officers on
    // patrol") moves no one.
    if (noun && ((In(t.e) && T(t.e).kind == TokenKind::kWord && !IsPrepositionOrAux(T(t.e)) && CueAt(t.e) == kNone &&
                  !IsAny(T(t.e), WORDS("and", "or", "took", "entered", "arrived", "reached", "was", "were"))) ||
                 (t.b > begin_ && T(t.b - 1).norm == "on")))
      return false;
    const bool object = !noun && !passive && In(t.e) && T(t.e).kind == TokenKind::kWord && !IsPrepositionOrAux(T(t.e)) &&
                        CueAt(t.e) == kNone;
    for (uint32_t j = t.e; j < t.e + 5 && In(j) && !PhraseBreak(j); ++j)
      if (force(NounStartingAt(j))) return true;
    if (object) return false;
    for (uint32_t k = t.b; k > begin_ && t.b - k < 7 && !PhraseBreak(k - 1); --k)
      if (force(NounEndingAt(k - 1))) return true;
    return false;
  }
  // Patient "imposed": a restriction ("curfew", "lockdown") is an act when someone imposes it: a
  // verb of imposing up to six words before it in its clause ("declared a three-day curfew",
  // "began enforcing a lockdown", "placed under lockdown") or a passive after it ("a curfew was
  // imposed"); not "a curfew violation", "lockdown rules".
  bool Imposed(const Trig& t) const {
    const WordSet& kImpose = WORDS(
        "impose", "imposes", "imposed", "imposing", "declare", "declares", "declared", "declaring", "announce",
        "announces", "announced", "announcing", "order", "orders", "ordered", "ordering", "enforce", "enforces",
        "enforced", "enforcing", "extend", "extends", "extended", "extending", "introduce", "introduces",
        "introduced", "introducing", "placed", "put", "under", "slapped", "reimposed", "tightened", "instituted",
        "imposition");
    return VerbBeforeOrPassiveAfter(
        t, kImpose, WORDS("imposed", "declared", "announced", "ordered", "enforced", "extended", "introduced"));
  }
  // A verb of `before` up to six words before the trigger in its clause, or a participle of
  // `after` up to three words after it (its passive): who imposed, who gave (patients "imposed",
  // "given").
  bool VerbBeforeOrPassiveAfter(const Trig& t, const WordSet& before, const WordSet& after) const {
    for (uint32_t k = t.b; k > begin_ && t.b - k < 7 && !PhraseBreak(k - 1); --k)
      if (before.Has(T(k - 1))) return true;
    for (uint32_t k = t.e; k < t.e + 4 && In(k) && !PhraseBreak(k); ++k)
      if (after.Has(T(k))) return true;
    return false;
  }
  // Patient "given": aid ("food packages", "relief supplies") is an act when someone hands it
  // out: a verb of giving up to six words before it in its clause ("delivered food packages",
  // "handed out boxes of food") or a passive after it ("food parcels were distributed"); not
  // "the price of food packages", "food aid had been cut".
  bool Given(const Trig& t) const {
    const WordSet& kGive = WORDS("deliver", "delivers", "delivered", "delivering", "distribute", "distributes",
                                 "distributed", "distributing", "donate", "donates", "donated", "donating", "provide",
                                 "provides", "provided", "providing", "give", "gives", "gave", "giving", "hand",
                                 "hands", "handed", "handing", "airdrop", "airdropped", "airdropping", "dispatch",
                                 "dispatched", "send", "sends", "sent", "sending");
    return VerbBeforeOrPassiveAfter(t, kGive,
                                    WORDS("delivered", "distributed", "donated", "provided", "given", "handed",
                                          "airdropped", "dispatched", "sent"));
  }
  // The passive's subject is a picture, a name or a record of people, not people: "the
  // victims' names were not released", "Identities for the two other victims have not been
  // released", "autopsy reports for all six victims were released".
  bool SubjectIsAPicture(uint32_t trigger) const {
    uint32_t k = trigger;
    while (k > begin_ && (CueAt(k - 1) == static_cast<int>(Cue::kAux) || CueAt(k - 1) == static_cast<int>(Cue::kNegation) ||
                          CueAt(k - 1) == static_cast<int>(Cue::kAdverb) ||
                          IsAny(T(k - 1), WORDS("not", "yet", "been", "be", "being", "have", "has", "had", "was", "were",
                                                "is", "are", "will", "immediately"))))
      --k;
    if (k > begin_ && IsPictureWord(T(k - 1))) return true;
    // "names of the three wounded marchers", "reports for all six victims": the subject's
    // head before "of" or "for".
    for (uint32_t j = k; j > begin_ + 1 && k - j < 8;) {
      --j;
      if (T(j).kind != TokenKind::kWord && T(j).kind != TokenKind::kNumber) break;
      if (IsAny(T(j), WORDS("of", "for"))) return IsPictureWord(T(j - 1));
    }
    return false;
  }
  // "A man and a woman", "a man and his son", "Aldo Varrick and Nila Dorn": two phrases of one
  // person each, coordinated (`a` the earlier, `b` the later). Each is counted, never summed
  // (the labelling guideline: "A truck driver and helper were injured" is 1 + 1). Names only
  // for the sanctions: victims' names mostly follow their total, whose parts they become.
  bool CoordinatedPersons(const NpCount& a, const NpCount& b) const {
    const bool names = a.count.role != Role::kKilled && a.count.role != Role::kInjured;
    auto person = [&](const NpCount& x) {
      const bool named = IsNameWord(x.np_begin) ||
                         (x.np_begin + 1 < end_ && IsNameWord(x.np_begin + 1) && T(x.np_begin).kind == TokenKind::kWord &&
                          !T(x.np_begin).HasFlag(tokens::kCapitalized));
      return x.count.individual && !x.partitive && x.count.value == 1 && x.np_begin >= begin_ && (names || !named);
    };
    if (!person(a) || !person(b) || a.np_end == 0 || !JoinedByAnd(a.np_end, b.np_begin)) return false;
    // Only two: "him, another boy and a teenager" lists more.
    return !(a.np_begin > begin_ && T(a.np_begin - 1).norm == ",");
  }
  // Whether tokens k.. are an age given after a name, between commas: ", 24,".
  bool AgeAppositionAt(uint32_t k) const {
    return In(k + 2) && T(k).norm == "," && T(k + 1).kind == TokenKind::kNumber && T(k + 2).norm == ",";
  }
  // Whether "and" joins a phrase ending before token `end` to one starting at `begin`, also after
  // an age given with the first ("Aldo Varrick, 24, and Nila Dorn").
  bool JoinedByAnd(uint32_t end, uint32_t begin) const {
    uint32_t k = end;
    if (k + 3 < begin && AgeAppositionAt(k)) k += 3;
    return k + 1 == begin && T(k).norm == "and";
  }
  // How many modifiers stand between a determiner and token k ("the fatal shooting", "a brutal
  // early-morning stabbing": 1 and 4): up to four lowercase words, hyphens or numbers that are
  // no noun, cue or trigger; 0 when no determiner is found.
  uint32_t ModifiersAfterDeterminer(uint32_t k) const {
    for (uint32_t j = k; j > begin_ && k - j < 5; --j) {
      const Token& w = T(j - 1);
      if (j < k && IsAny(w, WORDS("the", "a", "an", "his", "her", "their", "its", "this", "that", "'s", "another")))
        return k - j;
      const bool word = w.kind == TokenKind::kWord && !w.HasFlag(tokens::kCapitalized) && CueAt(j - 1) == kNone &&
                        NounEndingAt(j - 1) == kNone && slots_[j - 1 - begin_].trig_at == kNone &&
                        !IsPrepositionOrAux(w) && !IsAny(w, WORDS("to", "and", "or", "nor", "not", "no"));
      if (!word && w.norm != "-" && w.kind != TokenKind::kNumber) return 0;
    }
    return 0;
  }
  // Patient "purpose": people who gathered somewhere protested when the clause says what for.
  // A place word right after the trigger ("gathered outside", "in front of", "at"), then up
  // to the clause's end (at most 25 words) a demand ("to demand", "demanding", "calling for")
  // or a word of protest or opposition ("against", "denouncing", "in solidarity with",
  // "chanting"): not "gathered evidence", "gathered at the mosque for prayers".
  bool ProtestPurposeAfter(uint32_t k) const {
    if (!In(k) || !IsAny(T(k), WORDS("at", "outside", "in", "near", "before", "opposite", "on", "around", "inside")))
      return false;
    for (uint32_t j = k + 1; In(j) && j < k + 25; ++j) {
      if (IsAny(T(j), WORDS(".", ";", ":"))) return false;
      if (CueAt(j) == static_cast<int>(Cue::kDemand)) return true;
      if (IsAny(T(j), WORDS("against", "denounce", "denouncing", "condemn", "condemning", "solidarity", "chanting",
                            "chanted", "slogans", "protest", "protesting", "demonstration", "denounced", "condemned",
                            "rejecting", "reject", "rejection", "oppose", "opposing", "pressure")))
        return true;
    }
    return false;
  }
  // An "attack" trigger at [b, e) whose object is no person or place: a freedom, a right, a law,
  // a website ("an attack on the freedom of the press", "attacks the rights of workers", "attack on the
  // independence of judges and on democracy"), or whose attacker is a pest or a blight ("a
  // locust attack"). The object is looked for in the four words after "on", "upon", "against"
  // (or after the verb), and its word must end its noun phrase: "freedom fighters" are people.
  bool AttackOnAThing(uint32_t b, uint32_t e) const {
    if (b > begin_ && IsAny(T(b - 1), WORDS("locust", "locusts", "pest", "pests", "rust", "insect", "insects",
                                            "virus", "termite", "termites", "worm", "armyworm", "blight")))
      return true;
    uint32_t k = e;
    if (In(k) && IsAny(T(k), WORDS("on", "upon", "against"))) ++k;
    for (uint32_t j = k; In(j) && j < k + 4; ++j) {
      const Token& w = T(j);
      if (w.kind != TokenKind::kWord) return false;
      if (!IsAny(w, WORDS("freedom", "freedoms", "democracy", "rights", "constitution", "sovereignty", "independence",
                          "dignity", "liberty", "liberties", "speech", "expression", "autonomy", "privacy",
                          "website", "websites", "webpage", "servers", "values", "secularism", "judiciary")))
        continue;
      return !In(j + 1) || T(j + 1).kind != TokenKind::kWord || IsPrepositionOrAux(T(j + 1)) ||
             IsAny(T(j + 1), WORDS("and", "or", "which", "by"));
    }
    return false;
  }
  bool IsPersonNounEnd(uint32_t k) const {
    int n = NounEndingAt(k);
    return n != kNone && Noun(n).person;
  }
  // Token k ends a cue of kind c; returns the cue's first token via *start.
  bool CueEndingAt(uint32_t k, Cue c, uint32_t* start) const {
    for (uint32_t b = k + 1 > begin_ + 4 ? k - 3 : begin_; b <= k; ++b)
      if (slots_[b - begin_].cue_at == static_cast<int>(c) && CueEnd(b) == k + 1) {
        *start = b;
        return true;
      }
    return false;
  }

  Count FromQuantity(const extract::Quantity& q, Role role) const {
    Count c;
    c.role = role;
    c.value = q.value;
    c.low = q.low;
    c.high = q.high;
    c.approximate = q.approximate();
    c.span = q.span;
    c.quantity_token = q.begin_token;
    return c;
  }
  Count One(Role role, Span span, uint32_t tok) const {
    Count c;
    c.role = role;
    c.value = c.low = c.high = 1;
    c.span = span;
    c.quantity_token = tok;
    c.individual = true;
    return c;
  }

  // A capitalized word that can be part of a person's name (not a known noun, cue, date,
  // place-like word or country).
  bool IsNameWord(uint32_t k) const {
    if (!In(k)) return false;
    const Token& t = T(k);
    if (t.kind != TokenKind::kWord || !t.HasFlag(tokens::kCapitalized) || (t.flags & tokens::kAllCaps)) return false;
    if (NounStartingAt(k) != kNone || NounEndingAt(k) != kNone || CueAt(k) != kNone || slots_[k - begin_].in_date)
      return false;
    if (IsNameStopWord(t) || slots_[k - begin_].trig_at != kNone) return false;
    for (const auto& m : s_.places)
      if (m.begin_token <= k && k < m.end_token) return false;
    return !IsPeopleQuantifier(t) &&
           !IsAny(t, WORDS("they", "it", "we", "you", "this", "that", "these", "those", "there", "his", "her", "their",
                           "its", "our", "an", "a", "and", "but", "in", "on", "at", "after", "when", "police",
                           "officers", "authorities", "one", "no", "anyone", "anybody", "everyone", "everybody",
                           "nobody", "whoever", "none", "either", "neither", "any", "every", "more", "fewer"));
  }
  // Whether the capitalized word at k stands earlier in the text inside a name of two or three
  // capitalized words ("Aldo Varrick" before "Varrick"): how news refers again to a person it
  // has named.
  bool NamedEarlier(uint32_t k) const {
    auto cap = [&](uint32_t i) {
      return i < toks_.size() && toks_[i].kind == TokenKind::kWord && toks_[i].HasFlag(tokens::kCapitalized) &&
             !(toks_[i].flags & tokens::kAllCaps);
    };
    const Token& w = T(k);
    for (uint32_t j = 0; j < k; ++j) {
      if (toks_[j].hash != w.hash || toks_[j].norm != w.norm) continue;
      if ((j > 0 && cap(j - 1) && !toks_[j].HasFlag(tokens::kNewlineBefore)) ||
          (cap(j + 1) && !toks_[j + 1].HasFlag(tokens::kNewlineBefore)))
        return true;
    }
    return false;
  }
  std::optional<NpCount> SentenceSubject(uint32_t limit, Role role) const;
  std::optional<NpCount> AgeAndName(uint32_t p, Role role) const;
  std::optional<NpCount> ProtestGroup(const Trig& t) const;
  // "Boy dies of gunshot wound", "12-year-old Kelbrook boy dies", "Kelbrook teenager found dead":
  // a headline drops its articles; a singular person noun opening it (after an age or place
  // words only, an age apposition after it) right before token k is the person the death or
  // wound befell, as "A boy dies" is. It makes the event; it gives no count, the headline
  // stating none (GVA facts precision fell 0.404 -> 0.403 when it counted one: the pages whose
  // text is a paywall note state no fact the labellers counted).
  bool HeadlinePerson(uint32_t k) const {
    if (!doc_.headline || k <= begin_) return false;
    uint32_t e = k;
    // "Boy, 8, dies"
    if (e >= begin_ + 4 && T(e - 1).norm == "," && T(e - 2).kind == TokenKind::kNumber && T(e - 3).norm == ",") e -= 3;
    const int noun = NounEndingAt(e - 1);
    if (noun == kNone || !Noun(noun).person) return false;
    const uint32_t nb = s_.nouns[noun].begin_token;
    const std::string_view head = T(e - 1).norm;
    if (head.back() == 's' || IsAny(T(e - 1), WORDS("people", "men", "women", "children", "police"))) return false;
    for (uint32_t j = begin_; j < nb; ++j) {
      const Token& w = T(j);
      if (w.kind == TokenKind::kNumber || w.norm == "-" || IsAny(w, WORDS("year", "old", "area")) ||
          (w.kind == TokenKind::kWord && w.HasFlag(tokens::kCapitalized))) {
        continue;
      }
      return false;
    }
    return true;
  }

  // "of|from|after|due" (+ up to 3 words) + a non-violent cause within the next 16 tokens
  // ("died of the disease", "died due to negligence"). Not "in": a death in a hunting accident
  // is a shooting the Gun Violence Archive records.
  bool NonviolentCauseAfter(uint32_t k) const {
    for (uint32_t j = k; j < end_ && j < k + 16; ++j) {
      if (!IsAny(T(j), WORDS("of", "from", "after", "due"))) continue;
      for (uint32_t c = j + 1; c < end_ && c < j + 5; ++c)
        if (CueAt(c) == static_cast<int>(Cue::kNonviolentCause)) return true;
    }
    return false;
  }
  // Out of medical care, not out of custody: "released from the hospital", "released from
  // Mercy Hospital on Monday", "was treated and released".
  bool MedicalRelease(const Trig& t) const {
    if (t.b >= begin_ + 2 && T(t.b - 1).norm == "and" &&
        IsAny(T(t.b - 2), WORDS("treated", "examined", "evaluated", "stabilized", "stabilised", "checked")))
      return true;
    // A sentence about care and nothing about custody: "All four victims were treated at the
    // hospital and were released", "one teen is still hospitalized, while two others have
    // been released".
    bool care = false, custody = false;
    for (uint32_t k = begin_; k < end_ && !custody; ++k) {
      care |= slots_[k - begin_].medical || IsAny(T(k), WORDS("treated", "hospitalized", "hospitalised", "examination"));
      custody |= IsAny(T(k), WORDS("jail", "jailed", "prison", "custody", "bail", "bond", "detention", "detained",
                                   "arrested", "arrest", "cell", "cells", "lockup", "remand", "remanded", "charged",
                                   "charges", "charge", "police", "station", "detainees", "detainee", "prisoners",
                                   "prisoner", "protesters", "court", "sentence", "arrests"));
    }
    if (care && !custody) return true;
    if (!In(t.e) || T(t.e).norm != "from") return false;
    // The care is what "from" names: only determiners, a few modifiers and names stand
    // between ("from a local hospital", "from UAB Hospital"; not "from custody to a hospital").
    for (uint32_t c = t.e + 1; c < end_ && c < t.e + 6; ++c) {
      if (slots_[c - begin_].medical) return true;
      const Token& w = T(c);
      if (w.kind != TokenKind::kWord) return false;
      if (!w.HasFlag(tokens::kCapitalized) &&
          !IsAny(w, WORDS("the", "a", "an", "local", "area", "nearby", "regional", "his", "her", "their", "its")))
        return false;
    }
    return false;
  }
  // A period that makes a number of killings a statistic: "this year", "last month",
  // "annually", "per year", "in 2014", "since 2010" ("so far" alone is an event's toll: "30
  // deaths so far").
  bool AggregatePeriod() const {
    for (uint32_t k = begin_; k < end_; ++k) {
      const Token& a = T(k);
      if (a.norm == "annually") return true;
      if (k + 1 == end_) break;
      const Token& b = T(k + 1);
      if (IsAny(a, WORDS("this", "last", "past", "previous")) && IsAny(b, WORDS("year", "month", "decade")))
        return true;
      if (IsAny(a, WORDS("per", "a", "each")) && b.norm == "year") return true;
      if (IsAny(a, WORDS("in", "during", "since", "for")) && b.kind == TokenKind::kNumber && b.norm.size() == 4 &&
          (b.norm.starts_with("19") || b.norm.starts_with("20")))
        return true;
    }
    return false;
  }
  // A round-up of several incidents: "in (three|separate|other) shootings", "in shootings
  // across the city", "citywide", "across the city". Not one incident ("in a shooting", "in the
  // shootings", "across the street").
  bool RoundUp() const {
    for (uint32_t k = begin_; k < end_; ++k) {
      const Token& a = T(k);
      if (IsAny(a, WORDS("citywide", "city-wide"))) return true;
      if (a.norm == "across" && k + 2 < end_ && T(k + 1).norm == "the" && IsAny(T(k + 2), WORDS("city", "county")))
        return true;
      if (!IsAny(a, WORDS("in", "during", "following", "after"))) continue;
      for (uint32_t j = k + 1; j < end_ && j <= k + 4; ++j) {
        const Token& b = T(j);
        if (IsAny(b, WORDS("shootings", "stabbings"))) return true;
        if (!(slots_[j - begin_].qty_at_begin != kNone || b.kind == TokenKind::kNumber ||
              IsAny(b, WORDS("separate", "unrelated", "different", "other", "weekend", "overnight", "two", "three",
                             "four", "five", "six", "seven", "eight", "nine", "ten", "shooting"))))
          break;
      }
    }
    return false;
  }
  // A number right before a plural noun of killings ("44 homicides", "25 murders", "168
  // shootings"): with a period (AggregatePeriod) it counts a city's or a year's killings, no
  // event ("last month's murders of eight people" is one).
  bool KillingStatistic(const Trig& t) const {
    return t.form == lexicon::Form::kPlural && t.e == t.b + 1 && t.b > begin_ &&
           slots_[t.b - 1 - begin_].qty_at_end != kNone &&
           IsAny(T(t.b), WORDS("homicides", "murders", "killings", "shootings", "stabbings", "deaths", "fatalities",
                               "slayings")) &&
           AggregatePeriod();
  }
  // The stated parts of a counted group, each its own event of the group's type, part_of the
  // group's event `parent`: "At least 30 people, including four journalists and a lawyer, were
  // arrested", "were detained in Velmora on Monday, including two minors", "Police held 20
  // people, among them two minors", "Five people, two of them minors, were detained". The list
  // follows the group, or the trigger after the group, in the same clause (no other trigger or
  // number between); "arrested 17 people, 9 of them were charged" names no part here (the
  // partitive is the subject of its own verb).
  void AddParts(const NpCount& group, const Trig& t, size_t parent) {
    if (group.count.individual || group.partitive) return;
    const int64_t total = group.count.value ? *group.count.value : group.count.high.value_or(INT64_MAX);
    uint32_t k = group.np_end;
    if (k == 0 && slots_[group.np_begin - begin_].qty_at_begin != kNone)
      k = s_.quantities[slots_[group.np_begin - begin_].qty_at_begin].end_token;
    if (k <= group.np_begin) return;
    uint32_t start = 0;
    for (uint32_t j = k; j < end_ && j < k + 14 && start == 0; ++j) {
      const Token& w = T(j);
      if (IsAny(w, WORDS(";", ":", ")", "who", "which", "while", "whereas", "but"))) return;
      if (slots_[j - begin_].trig_at != kNone && !(j >= t.b && j < t.e)) return;
      if (w.norm == "including" && In(j + 1)) {
        start = j + 1;
      } else if (IsAny(w, WORDS("among", "amongst")) && In(j + 2) && IsAny(T(j + 1), WORDS("them", "whom"))) {
        start = j + 2;
      } else if (IsAny(w, WORDS(",", "(")) && In(j + 3) && slots_[j + 1 - begin_].qty_at_begin != kNone &&
                 [&] {
                   // ", two of them minors,": a part named by a person noun after "of them".
                   const uint32_t qe = s_.quantities[slots_[j + 1 - begin_].qty_at_begin].end_token;
                   return In(qe + 2) && T(qe).norm == "of" && T(qe + 1).norm == "them" && IsPersonNounStart(qe + 2);
                 }()) {
        start = j + 1;
      } else if (w.norm == ",") {
        if (In(j + 1) && slots_[j + 1 - begin_].qty_at_begin != kNone) return;  // ", 9 of them were charged"
      } else if (w.norm == "(") {
        // A remark in parentheses: "killed 3 villagers (beheaded), including a woman".
        uint32_t close = j + 1;
        while (close < end_ && close < j + 8 && T(close).norm != ")") ++close;
        if (close >= end_ || T(close).norm != ")") return;
        j = close;
      } else if (slots_[j - begin_].qty_at_begin != kNone) {
        return;  // another group: "30 were arrested and 12 injured, including two children"
      }
    }
    if (start == 0) return;
    const Event& pe = (*out_)[parent];
    for (uint32_t p = start, n = 0; n < 6 && In(p); ++n) {
      auto part = NpStartingAt(p, group.count.role);
      if (!part) break;
      uint32_t e = part->np_end;
      if (e == 0 && slots_[p - begin_].qty_at_begin != kNone) e = s_.quantities[slots_[p - begin_].qty_at_begin].end_token;
      if (part->partitive) e = p + 3;  // "two of them" (+ the noun after it)
      if (part->partitive && IsPersonNounStart(e)) e = s_.nouns[NounStartingAt(e)].end_token;
      if (e <= p) break;
      const int64_t v = part->count.value ? *part->count.value : part->count.low.value_or(0);
      if (v <= 0 || v >= total) break;
      Event ev;
      ev.type = pe.type;
      ev.mode = pe.mode;
      ev.status = pe.status;
      ev.trigger = pe.trigger;
      ev.sentence = pe.sentence;
      ev.sentence_index = pe.sentence_index;
      ev.trigger_token = pe.trigger_token;
      ev.actor = pe.actor;
      ev.source = pe.source;
      ev.target = part->who;
      ev.counts.push_back(part->count);
      ev.part_of = static_cast<int>(parent);
      out_->push_back(std::move(ev));
      p = e;
      const bool comma = In(p) && T(p).norm == ",";
      if (comma) ++p;
      if (In(p) && T(p).norm == "and") ++p;
      else if (!comma) break;
    }
  }
  bool IsPersonNounStart(uint32_t k) const {
    int n = NounStartingAt(k);
    return n != kNone && Noun(n).person;
  }
  // Removes event `e` of this sentence with the parts AddParts gave it (later in the list), and
  // renumbers part_of.
  void EraseEvent(size_t e) {
    auto erase_one = [&](size_t i) {
      out_->erase(out_->begin() + i);
      for (auto& ev : *out_)
        if (ev.part_of > static_cast<int>(i)) --ev.part_of;
    };
    for (size_t p = out_->size(); p-- > e + 1;)
      if ((*out_)[p].part_of == static_cast<int>(e)) erase_one(p);
    erase_one(e);
  }
  // The subject a participle at `t` shares with an earlier passive verb of the sentence it is
  // coordinated with ("were arrested on Monday and charged", "were detained and later
  // released", "were held, but released"): that event's first count, in `role`.
  std::optional<NpCount> CoordinatedSubject(const Trig& t, Role role) const {
    uint32_t k = t.b;
    while (k > begin_ && t.b - k < 3 && !IsAny(T(k - 1), WORDS("who", "which", "that", "whom")) &&
           (IsAny(T(k - 1), WORDS("later", "then", "subsequently", "eventually", "also", "were", "was", "been",
                                  "have", "has", "had")) ||
            CueAt(k - 1) == static_cast<int>(Cue::kAdverb)))
      --k;
    if (k <= begin_ + 1 || !IsAny(T(k - 1), WORDS("and", "but", ","))) return std::nullopt;
    // The nearest earlier verb with an event (nouns between are objects: "after the brawl").
    const Trig* earlier = nullptr;
    for (const Trig& p : trigs_)
      if (p.e < k && p.event != kNone && p.form != lexicon::Form::kSingular && p.form != lexicon::Form::kPlural &&
          (earlier == nullptr || p.b > earlier->b))
        earlier = &p;
    if (earlier == nullptr) return std::nullopt;
    // The earlier verb is a passive with its auxiliary ("were arrested", "have been held"; not
    // the active "youths demonstrated and clashed").
    bool aux = false;
    for (uint32_t j = earlier->b, guard = 0; j > begin_ && guard < 4; ++guard) {
      uint32_t cs;
      if (CueEndingAt(j - 1, Cue::kAux, &cs)) {
        aux = !IsAny(T(j - 1), WORDS("has", "have", "had"));
        break;
      }
      if (!CueEndingAt(j - 1, Cue::kAdverb, &cs) && !CueEndingAt(j - 1, Cue::kNegation, &cs)) break;
      j = cs;
    }
    if (!aux) return std::nullopt;
    // The participle is a verb, not "a convicted felon": what follows it is a preposition, a
    // date, a number, punctuation or nothing.
    if (In(t.e) && !IsPunct(T(t.e)) && !slots_[t.e - begin_].in_date && slots_[t.e - begin_].qty_at_begin == kNone &&
        !IsAny(T(t.e), WORDS("with", "of", "to", "on", "in", "at", "for", "after", "by", "over", "from", "under",
                             "and", "without", "later", "the", "last", "this", "early", "late", "yesterday", "today")))
      return std::nullopt;
    // No other subject in between: "The officer was injured, the citizens fled but were
    // captured" (the agent after "by" is no subject).
    for (uint32_t j = earlier->e; j + 1 < k; ++j) {
      // "by police", "by the magistrate", "by a local court"
      bool agent = false;
      for (uint32_t b = j; b > begin_ && j - b < 3 && !IsPunct(T(b - 1)) && !agent; --b) agent = T(b - 1).norm == "by";
      if (!agent && ((NounStartingAt(j) != kNone && Noun(NounStartingAt(j)).person) ||
                     IsAny(T(j), WORDS("he", "she", "they", "we", "i", "you", "it"))))
        return std::nullopt;
    }
    const Event& ev = (*out_)[earlier->event];
    if (ev.status != EventStatus::kHappened || ev.counts.empty()) return std::nullopt;
    // The earlier verb's count must be its subject (before it): "Police detained 12 men and
    // released them" is active, its count an object.
    const Count& c = ev.counts.front();
    if (c.span.end > T(earlier->b).span.begin) return std::nullopt;
    NpCount r;
    r.count = c;
    r.count.role = role;
    r.np_begin = c.quantity_token;
    r.np_end = c.quantity_token;
    r.who = ev.target;
    return r;
  }
  // "they", "them", "the protesters", "the group" referring to the last numbered group of
  // people in the document ("6 members ... staged a demonstration. Police arrested them").
  std::optional<NpCount> Coreferent(uint32_t k, Role role) const {
    if (!last_group_ || !last_group_->value || !In(k)) return std::nullopt;
    if (!IsAny(T(k), WORDS("they", "them", "protesters", "demonstrators", "protestors", "participants", "group")))
      return std::nullopt;
    if (T(k).norm != "they" && T(k).norm != "them" && !(k > begin_ && T(k - 1).norm == "the")) return std::nullopt;
    NpCount r;
    r.count = *last_group_;
    r.count.role = role;
    r.np_begin = k;
    r.np_end = k + 1;
    return r;
  }
  const Count* last_group_ = nullptr;

 public:
  void SetLastGroup(const Count* c) { last_group_ = c; }
  std::optional<Count> NewGroup() const { return new_group_; }

 private:
  std::optional<Count> new_group_;
  std::optional<NpCount> SubjectBefore(uint32_t k, Role role) const;
  std::optional<NpCount> ObjectAfter(uint32_t k, Role role) const;
  std::optional<NpCount> NpEndingAt(uint32_t last, Role role, bool allow_bare) const;
  std::optional<NpCount> NpStartingAt(uint32_t first, Role role) const;
  EventStatus StatusOf(const Trig& t, size_t trig_index) const;
  EventStatus LocalStatus(const Trig& t, size_t trig_index) const;
  EventStatus ScopedStatus(const Trig& t, size_t trig_index) const;
  [[gnu::noinline]] bool NamedAfterARelation(const Trig& t) const;
  bool NoSubjectOf(const Trig& t, uint32_t no) const;
  bool IsPassive(const Trig& t) const;
  std::optional<ActorRef> ActorOf(const Trig& t, bool passive) const;
  std::optional<ActorRef> NounActor(int noun_index) const;
  std::optional<Span> Source() const;
  std::string CountryBefore(uint32_t k) const;

  const EventAssembler& a_;
  const DocumentAnnotations& doc_;
  const SentenceAnnotations& s_;
  const std::vector<Token>& toks_;
  std::vector<Event>* out_;
  uint32_t begin_ = 0, end_ = 0;
  // PERF: the per-token tables live in one scratch per thread and keep their capacity from
  // sentence to sentence (allocating ten vectors per sentence was 2% of coding). Only one
  // SentenceAssembler is alive per thread at a time (EventAssembler::Assemble).
  // What the sentence's annotations say of each of its tokens (index: token - begin_).
  // PERF: one 32-byte slot per token, filled at once (eleven vectors, each assigned per
  // sentence, were 1.6% of the instructions with their memset calls).
  struct TokenSlot {
    int noun_at_end = kNone, noun_at_begin = kNone, cue_at = kNone, qty_at_end = kNone, qty_at_begin = kNone,
        trig_at = kNone;
    uint32_t cue_end = 0;
    // medical: a medical_care cue word (not in cue_at: "hospital doctors").
    uint8_t in_date = 0, blocked = 0, medical = 0, non_count = 0;
  };
  static_assert(sizeof(TokenSlot) == 32);
  struct Scratch {
    std::vector<TokenSlot> slots;
    std::vector<Trig> trigs;
  };
  static Scratch& ThreadScratch() {
    static thread_local Scratch scratch;
    return scratch;
  }
  Scratch& scratch_ = ThreadScratch();
  std::vector<TokenSlot>& slots_ = scratch_.slots;
  std::vector<Trig>& trigs_ = scratch_.trigs;
};

// A noun phrase ending at token `last` that states how many people: "at least 15 people",
// "Four protesters", "3 Other Russia members", "301 of whom", "10" (bare, when allowed),
// "a man", "the victim", "he".
std::optional<SentenceAssembler::NpCount> SentenceAssembler::NpEndingAt(uint32_t last, Role role,
                                                                        bool allow_bare) const {
  if (!In(last)) return std::nullopt;
  NpCount r;
  r.np_end = last + 1;
  // "301 of whom", "two of them"
  uint32_t pstart;
  if (CueEndingAt(last, Cue::kPartitive, &pstart) && IsAny(T(last), WORDS("whom", "them", "which")) &&
      pstart > begin_) {
    int q = slots_[pstart - 1 - begin_].qty_at_end;
    if (q != kNone) {
      r.count = FromQuantity(s_.quantities[q], role);
      r.np_begin = s_.quantities[q].begin_token;
      r.partitive = true;
      r.count.span = Span{s_.quantities[q].span.begin, T(last).span.end};
      return r;
    }
  }
  // "both of them", "both of whom": two people.
  if (IsAny(T(last), WORDS("them", "whom")) && last >= begin_ + 2 && T(last - 1).norm == "of" &&
      T(last - 2).norm == "both") {
    r.count.role = role;
    r.count.value = r.count.low = r.count.high = 2;
    r.count.span = Span{T(last - 2).span.begin, T(last).span.end};
    r.count.quantity_token = last - 2;
    r.np_begin = last - 2;
    return r;
  }
  // "Two of those arrested were charged", "Nine of those detained remain in custody": a part of
  // the people an earlier event concerns.
  // A part of a set counted by quantity `q`, the phrase ending at `last`.
  auto part_of = [&](const extract::Quantity& q) {
    r.count = FromQuantity(q, role);
    r.count.span = Span{q.span.begin, T(last).span.end};
    r.np_begin = q.begin_token;
    r.partitive = true;
    return r;
  };
  if (slots_[last - begin_].trig_at != kNone && last >= begin_ + 3 && IsAny(T(last - 1), WORDS("those", "the")) &&
      T(last - 2).norm == "of" && slots_[last - 3 - begin_].qty_at_end != kNone) {
    return part_of(s_.quantities[slots_[last - 3 - begin_].qty_at_end]);
  }
  // Bare number: "10 arrested", "6 were wounded".
  if (int q = slots_[last - begin_].qty_at_end; q != kNone) {
    if (!allow_bare) return std::nullopt;
    // "Tom Ardell, 27, and Mira Jost, 31 were arrested": an age after a name.
    uint32_t qb = s_.quantities[q].begin_token;
    // A capitalized word after a preposition is a place: "After the clashes in Dravenholt, 40
    // were arrested".
    if (qb >= begin_ + 2 && T(qb - 1).norm == "," && IsNameWord(qb - 2)) {
      uint32_t b = qb - 2;
      while (b > begin_ && qb - 2 - b < 2 && IsNameWord(b - 1)) --b;
      if (!(b > begin_ && IsAny(T(b - 1), WORDS("in", "at", "from", "near", "outside", "across", "of", "on"))))
        return std::nullopt;
    }
    // "Two of the eight were jailed": the first number counts, a part of the set named before.
    if (qb >= begin_ + 3 && T(qb - 1).norm == "the" && T(qb - 2).norm == "of" &&
        slots_[qb - 3 - begin_].qty_at_end != kNone) {
      return part_of(s_.quantities[slots_[qb - 3 - begin_].qty_at_end]);
    }
    r.count = FromQuantity(s_.quantities[q], role);
    r.np_begin = s_.quantities[q].begin_token;
    return r;
  }
  // "A 17-year-old died": an age with no noun is a person.
  if (CountsIndividuals(role) && T(last).norm == "old" && last >= begin_ + 4 && T(last - 1).norm == "-" &&
      T(last - 2).norm == "year" && slots_[last - 4 - begin_].non_count) {
    uint32_t b = last - 4;
    while (b > begin_ && slots_[b - 1 - begin_].non_count) --b;
    if (b > begin_ && IsAny(T(b - 1), WORDS("a", "an", "the", "another", "his", "her", "their"))) {
      r.count = One(role, Span{T(b - 1).span.begin, T(last).span.end}, b - 1);
      r.np_begin = b - 1;
      return r;
    }
  }
  // Pronouns for one person ("he was arrested"); restatements of a total become its parts.
  if (IsAny(T(last), WORDS("he", "she")) && CountsIndividuals(role)) {
    r.count = One(role, T(last).span, last);
    r.np_begin = last;
    return r;
  }
  // "took him into custody", "placed her under arrest": the object between the verb and the
  // rest of the phrase.
  if (IsAny(T(last), WORDS("him", "her")) && CountsIndividuals(role) && last > begin_ && IsTakeOrPlace(T(last - 1))) {
    r.count = One(role, T(last).span, last);
    r.np_begin = last;
    return r;
  }
  // "and another was injured", "a third was wounded": one more person.
  if (CountsIndividuals(role) && allow_bare &&
      (T(last).norm == "another" ||
       (last > begin_ && IsAny(T(last - 1), WORDS("a", "the")) &&
        IsAny(T(last), WORDS("second", "third", "fourth", "fifth", "sixth"))))) {
    const uint32_t b = T(last).norm == "another" ? last : last - 1;
    r.count = One(role, Span{T(b).span.begin, T(last).span.end}, b);
    r.np_begin = b;
    return r;
  }
  // Person noun head, walking left over modifiers to a quantity or determiner.
  int noun = NounEndingAt(last);
  if (noun == kNone && a_.places_) {
    // "7 Palestinians", "two wounded Kenyans": a demonym in the plural names people; "the
    // wounded Palestinian" one person.
    const bool plural_demonym = T(last).norm.back() == 's';
    for (const auto& m : s_.places)
      if (m.end_token == last + 1 && a_.places_->is_demonym[a_.places_->phrases->phrases[m.phrase].entry] &&
          m.begin_token > begin_) {
        uint32_t b = m.begin_token;
        for (int steps = 0; steps < 3 && b > begin_; ++steps) {
          if (int q = slots_[b - 1 - begin_].qty_at_end; q != kNone) {
            if (!plural_demonym) break;
            r.count = FromQuantity(s_.quantities[q], role);
            r.count.span = Span{s_.quantities[q].span.begin, T(last).span.end};
            r.np_begin = s_.quantities[q].begin_token;
            return r;
          }
          const Token& w = T(b - 1);
          if (!plural_demonym && CountsIndividuals(role) && IsAny(w, WORDS("a", "an", "the"))) {
            r.count = One(role, Span{w.span.begin, T(last).span.end}, b - 1);
            r.np_begin = b - 1;
            return r;
          }
          if (w.kind != TokenKind::kWord || w.HasFlag(tokens::kCapitalized) || CueAt(b - 1) != kNone ||
              NounEndingAt(b - 1) != kNone)
            break;
          --b;  // a modifier: "wounded", "young"
        }
      }
  }
  if (noun == kNone || !Noun(noun).person) {
    // A name: one to three capitalized words ("Christopher Roupe", "Maxwell"), for roles that
    // befall individuals.
    // A generational suffix ends a name: "Toney White II", "Rodney Kelm Jr." ("Jr." ends
    // with its dot).
    uint32_t name_last = last;
    // "Tomas Vane of Kelmora was arrested", "22-year-old Vane of Kelmora": the name before where
    // the person is from (a name of two words, or after an age: not "Bank of Kelmora").
    uint32_t name_end = last;
    {
      uint32_t j = last;
      while (j > begin_ + 1 && last - j < 3 && T(j).HasFlag(tokens::kCapitalized) && T(j).kind == TokenKind::kWord)
        --j;
      if (j < last && j >= begin_ + 2 && T(j).norm == "of" && IsNameWord(j - 1) &&
          (IsNameWord(j - 2) || T(j - 2).norm == "old"))
        name_last = name_end = j - 1;
    }
    if (name_end == last && last > begin_ + 1 && T(last).norm == "." && IsAny(T(last - 1), WORDS("jr", "sr")))
      --name_last;
    if (name_end == last && name_last > begin_ + 1 && IsAny(T(name_last), WORDS("ii", "iii", "iv", "jr", "sr")) &&
        T(name_last).HasFlag(tokens::kCapitalized) && IsNameWord(name_last - 1))
      --name_last;
    if (CountsIndividuals(role) && IsNameWord(name_last)) {
      uint32_t b = name_last;
      while (b > begin_ && name_last - b < 2 && IsNameWord(b - 1)) --b;
      if (b > begin_ && IsAny(T(b - 1), WORDS("the", "a", "an"))) return std::nullopt;  // "the Smith Center"
      // "Three men from Korvath were charged": a place or an organisation after a preposition,
      // also after a word for a part of it ("in downtown Port Kelmar").
      if (b > begin_ + 1 && IsPlacePartWord(T(b - 1))) --b;
      if (b > begin_ && IsAny(T(b - 1), WORDS("from", "in", "at", "of", "near", "outside", "across", "on")))
        return std::nullopt;
      // "22-year-old Tomas Vane": the age belongs to the phrase.
      if (b >= begin_ + 4 && T(b - 1).norm == "old" && T(b - 2).norm == "-" && T(b - 3).norm == "year" &&
          slots_[b - 4 - begin_].non_count) {
        b -= 4;
        while (b > begin_ && slots_[b - 1 - begin_].non_count) --b;
      }
      r.count = One(role, Span{T(b).span.begin, T(name_end).span.end}, b);
      r.np_begin = b;
      return r;
    }
    return std::nullopt;
  }
  uint32_t k = s_.nouns[noun].begin_token;
  bool plural =
      T(last).norm.back() == 's' || IsAny(T(last), WORDS("people", "men", "women", "children", "police", "staff"));
  int steps = 0;
  uint32_t head_begin = k;
  // "a man and woman were injured": two people under one determiner, each counted (the caller
  // counts "a man" before the "and"; the guideline's "a truck driver and helper" is 1 + 1). The
  // noun after the "and" is one person of its own.
  if (!plural && CountsIndividuals(role) && k > begin_ + 2 && T(k - 1).norm == "and" && IsPersonNounEnd(k - 2) &&
      T(k - 2).norm.back() != 's' && k == s_.nouns[noun].begin_token) {
    uint32_t d = s_.nouns[NounEndingAt(k - 2)].begin_token;
    while (d > begin_ && slots_[d - 1 - begin_].non_count) --d;
    if (d > begin_ && IsAny(T(d - 1), WORDS("a", "an", "the", "his", "her", "their"))) {
      r.count = One(role, Span{T(k).span.begin, T(last).span.end}, k);
      r.np_begin = k;
      return r;
    }
  }
  while (k > begin_ && steps < 8) {
    uint32_t p = k - 1;
    if (int q = slots_[p - begin_].qty_at_end; q != kNone) {
      // "8 of the 20 defendants": the first number counts, the second names the set.
      uint32_t qb = s_.quantities[q].begin_token;
      if (qb >= begin_ + 3 && T(qb - 1).norm == "the" && T(qb - 2).norm == "of" &&
          slots_[qb - 3 - begin_].qty_at_end != kNone)
        q = slots_[qb - 3 - begin_].qty_at_end;
      r.count = FromQuantity(s_.quantities[q], role);
      r.np_begin = s_.quantities[q].begin_token;
      r.count.span = Span{s_.quantities[q].span.begin, T(last).span.end};
      r.who = ActorRef{Span{T(head_begin).span.begin, T(last).span.end}, Noun(noun).sector, CountryBefore(head_begin)};
      return r;
    }
    const Token& t = T(p);
    // "Both organisers were detained", "both wounded men": two people; not "both police and
    // marchers" (a pair of groups of unknown size).
    if (t.norm == "both" && plural) {
      for (uint32_t j = p + 1; j <= last; ++j)
        if (IsAny(T(j), WORDS("and", "or", ",", "&"))) return std::nullopt;
      r.count.role = role;
      r.count.value = r.count.low = r.count.high = 2;
      r.count.span = Span{t.span.begin, T(last).span.end};
      r.count.quantity_token = p;
      r.np_begin = p;
      r.who = ActorRef{Span{T(head_begin).span.begin, T(last).span.end}, Noun(noun).sector, CountryBefore(head_begin)};
      return r;
    }
    if (IsAny(t, WORDS("a", "an", "one", "another"))) {
      if (plural || !CountsIndividuals(role)) return std::nullopt;
      r.count = One(role, Span{t.span.begin, T(last).span.end}, p);
      r.np_begin = p;
      r.who = ActorRef{Span{T(head_begin).span.begin, T(last).span.end}, Noun(noun).sector, CountryBefore(head_begin)};
      return r;
    }
    if (IsAny(t, WORDS("the", "these", "those", "their", "his", "her")) && p > begin_ && T(p - 1).norm == "of") {
      ++steps;
      k = p;
      continue;
    }
    if (IsAny(t, WORDS("the", "this", "that", "his", "her", "their"))) {
      // "the victim", "their leader": one person, but not "the protesters" (a group of unknown
      // size).
      if (plural || !CountsIndividuals(role)) return std::nullopt;
      r.count = One(role, Span{t.span.begin, T(last).span.end}, p);
      r.np_begin = p;
      return r;
    }
    // "hundreds of protesters", "two of the shooters", but not "two dozen relatives of people".
    if (t.norm == "of" && !(p > begin_ && (slots_[p - 1 - begin_].qty_at_end != kNone ||
                                           IsAny(T(p - 1), WORDS("group", "crowd", "number", "total", "dozens",
                                                                 "hundreds", "thousands", "scores", "both"))))) {
      return std::nullopt;
    }
    if (t.norm == "of" || t.norm == "other" || t.norm == "more" || t.norm == "-") {
      ++steps;
      k = p;
      continue;
    }
    if (slots_[p - begin_].non_count) {  // "a 17-year-old boy": the age is a modifier
      ++steps;
      k = p;
      continue;
    }
    if (IsPunct(t) || t.kind == TokenKind::kNumber || CueAt(p) != kNone) return std::nullopt;
    if (t.kind == TokenKind::kWord || t.kind == TokenKind::kAlnum) {
      ++steps;
      k = p;
      continue;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// The subject of a verb starting at token k: skip auxiliaries, adverbs and coordinated triggers
// ("were briefly detained and fined"), then read the noun phrase ending there.
std::optional<SentenceAssembler::NpCount> SentenceAssembler::SubjectBefore(uint32_t k, Role role) const {
  uint32_t p = k;
  int guard = 0;
  bool saw_aux = false;
  while (p > begin_ && guard++ < 12) {
    uint32_t q = p - 1;
    uint32_t cstart;
    // "ordered 14 of the students to remain in custody", "a boy was among those killed"
    if (T(q).norm == "to" && q > begin_) {
      p = q;
      continue;
    }
    if (IsAny(T(q), WORDS("those", "the")) && q > begin_ && T(q - 1).norm == "among") {
      p = q - 1;
      continue;
    }
    if (CueEndingAt(q, Cue::kAux, &cstart) || CueEndingAt(q, Cue::kAdverb, &cstart) ||
        CueEndingAt(q, Cue::kNegation, &cstart) || CueEndingAt(q, Cue::kFuture, &cstart) ||
        (CueEndingAt(q, Cue::kModal, &cstart) && cstart == q)) {
      if (IsAny(T(q), WORDS("who", "that", "which"))) {
        p = cstart;
        continue;
      }
      saw_aux = true;
      p = cstart;
      continue;
    }
    if (IsAny(T(q), WORDS("and", "or", ",")) && q > begin_ && slots_[q - 1 - begin_].trig_at != kNone) {
      // "detained and fined": skip the earlier coordinated trigger too. An event noun there is
      // an object ("were charged with murder and remain in custody": the clause's subject).
      const Trig& other = trigs_[slots_[q - 1 - begin_].trig_at];
      if (other.form == lexicon::Form::kSingular || other.form == lexicon::Form::kPlural) break;
      p = other.b;
      continue;
    }
    if (T(q).kind == TokenKind::kPunct && T(q).norm == "," && q > begin_) {
      // An age apposition: "Parish, 21, was shot".
      if (q >= begin_ + 3 && T(q - 2).norm == ",") {
        for (const auto& qq : s_.quantities)
          if (qq.begin_token == q - 1 && qq.not_count == extract::NotCount::kAge) {
            p = q - 2;
            goto next;
          }
      }
      break;
    }
    break;
  next:;
  }
  if (p == begin_) return std::nullopt;
  auto np = NpEndingAt(p - 1, role, /*allow_bare=*/true);
  // "The man who shot two people was arrested": the object of a relative clause's verb is not
  // the subject; the clause's antecedent is.
  if (np && np->np_begin > begin_ + 2 && slots_[np->np_begin - 1 - begin_].trig_at != kNone) {
    const Trig& verb = trigs_[slots_[np->np_begin - 1 - begin_].trig_at];
    if (verb.form != lexicon::Form::kSingular && verb.form != lexicon::Form::kPlural && verb.b > begin_ + 1 &&
        IsAny(T(verb.b - 1), WORDS("who", "that")))
      np = NpEndingAt(verb.b - 2, role, /*allow_bare=*/false);
  }
  // "Two guards including their commander were killed": the group before "including" is the
  // subject, the person a part of it (EventAssembler adds the part).
  std::optional<NpCount> listed;
  if (np && np->count.individual && np->np_begin > begin_ + 1 && T(np->np_begin - 1).norm == "including") {
    listed = np;
    np.reset();
  }
  // "Dana Kelm of Korvath died": a place after "of", "from", "in" or "at" is no subject (the
  // person before it is).
  // A locality word may end the place: "a man from Kelmora city died".
  const uint32_t place_end =
      p >= begin_ + 3 && IsAny(T(p - 1), WORDS("city", "town", "village", "district", "province", "camp", "county"))
          ? p - 1
          : p;
  const bool place_after_preposition =
      place_end >= begin_ + 2 && T(place_end - 1).HasFlag(tokens::kCapitalized) && [&] {
        uint32_t b = place_end - 1;
        while (b > begin_ && place_end - 1 - b < 3 && T(b - 1).kind == TokenKind::kWord &&
               T(b - 1).HasFlag(tokens::kCapitalized))
          --b;
        // "in downtown Port Kelmar", "in northwest Korvath County": a word for a part of the place.
        if (b > begin_ + 1 && IsPlacePartWord(T(b - 1))) --b;
        return b > begin_ && IsAny(T(b - 1), WORDS("of", "from", "in", "at", "on", "near", "outside"));
      }();
  if (!np && (saw_aux || place_after_preposition)) {
    // "4 journalists from a local radio were arrested": a noun phrase with a prepositional
    // phrase after its head.
    for (uint32_t j = p - 1; j > begin_ && p - 1 - j < (place_after_preposition ? 14u : 8u); --j) {
      // "more than 60 people detained during the protests were released"
      if (slots_[j - begin_].trig_at != kNone && trigs_[slots_[j - begin_].trig_at].b == j &&
          trigs_[slots_[j - begin_].trig_at].form == lexicon::Form::kPastOrParticiple) {
        // One person too when a phrase, not an object, follows the participle ("The boy shot
        // on Friday has died", "A marcher wounded during the clashes died"; not "a gunman shot
        // a guard").
        const Trig& part = trigs_[slots_[j - begin_].trig_at];
        const bool phrase_after =
            In(part.e) && IsAny(T(part.e), WORDS("on", "in", "at", "during", "by", "last", "yesterday", "earlier",
                                                 "outside", "near", "after", "following", "inside", "while"));
        if (auto inner = NpEndingAt(j - 1, role, /*allow_bare=*/false);
            inner && (!inner->count.individual || phrase_after)) {
          np = inner;
          break;
        }
      }
      // "15 of the arrested were charged": a part of the group counted before.
      if (T(j).norm == "of" && j > begin_ && slots_[j - 1 - begin_].qty_at_end != kNone && In(j + 1) &&
          T(j + 1).norm == "the") {
        const auto& q = s_.quantities[slots_[j - 1 - begin_].qty_at_end];
        NpCount r;
        r.count = FromQuantity(q, role);
        r.count.span = Span{q.span.begin, T(p - 1).span.end};
        r.np_begin = q.begin_token;
        r.partitive = true;
        np = r;
        break;
      }
      // "The girl who was shot at a house on Kelm Road has died", "Five protesters who were
      // arrested last week were freed": the relative clause's antecedent.
      if (T(j).norm == "who") {
        np = NpEndingAt(j - 1, role, /*allow_bare=*/false);
        break;
      }
      if (!IsAny(T(j), WORDS("from", "of", "in", "at", "with", "belonging", "near", "on", "including"))) continue;
      // "Dana Kelm, 26, of Korvath was killed": the age apposition before the phrase.
      uint32_t head = j - 1;
      if (head >= begin_ + 3 && T(head).norm == "," && slots_[head - 1 - begin_].non_count && T(head - 2).norm == ",")
        head -= 3;
      // "a suspect of drug trafficking was shot": one person too, when the phrase opens the
      // clause (not "the house of a man was attacked").
      if (auto inner = NpEndingAt(head, role, /*allow_bare=*/false);
          inner && (!inner->count.individual || inner->np_begin == begin_ || IsPunct(T(inner->np_begin - 1)) ||
                    IsAny(T(inner->np_begin - 1), WORDS("and", "but", "when", "after", "while")))) {
        np = inner;
        break;
      }
      // "while around 200 from federal prisons were set free": a bare number opening the
      // clause, with a phrase after it.
      if (int q = slots_[j - 1 - begin_].qty_at_end; q != kNone && T(j).norm != "of") {
        const uint32_t qb = s_.quantities[q].begin_token;
        if (qb == begin_ || IsPunct(T(qb - 1)) || IsAny(T(qb - 1), WORDS("and", "but", "while", "whereas"))) {
          np = NpEndingAt(j - 1, role, /*allow_bare=*/true);
          if (np) break;
        }
      }
    }
  }
  // "A man who was shot through a van window at a northwest Korvath County depot has died": the antecedent
  // of a relative clause further back than the phrase window, in the same clause.
  if (!np && !listed && saw_aux) {
    for (uint32_t j = p - 1; j > begin_ + 1 && p - 1 - j < 18 && !IsPunct(T(j)); --j)
      if (T(j).norm == "who") {
        np = NpEndingAt(j - 1, role, /*allow_bare=*/false);
        break;
      }
  }
  if (!np) np = listed;
  if (!np && p > begin_ + 1 && p < end_ && T(p).norm == "who") {
    // "a teenager from Kelmora, who was killed": the relative pronoun's antecedent, with a
    // phrase after its noun or without.
    // A place after "from", "in" or "at" is no antecedent ("a teenager from Kelmora").
    const uint32_t e = T(p - 1).norm == "," ? p - 2 : p - 1;
    for (uint32_t j = e; !np && j > begin_ + 1 && e - j < 6; --j) {
      if (IsPunct(T(j))) break;
      if (IsAny(T(j), WORDS("from", "in", "at"))) np = NpEndingAt(j - 1, role, /*allow_bare=*/false);
    }
    if (!np) np = NpEndingAt(e, role, /*allow_bare=*/false);
    // "demanding the release of their leader, who had been arrested": the antecedent is one
    // person even as the object of "of" (which NpEndingAt leaves to the number before it).
    if (!np && CountsIndividuals(role) && IsPersonNounEnd(e)) {
      const int n = NounEndingAt(e);
      const uint32_t b = s_.nouns[n].begin_token;
      const bool plural = T(e).norm.back() == 's' || IsAny(T(e), WORDS("people", "men", "women", "children", "police"));
      if (!plural && b > begin_ + 1 && IsAny(T(b - 1), WORDS("a", "an", "the", "his", "her", "their")) &&
          T(b - 2).norm == "of") {
        NpCount r;
        r.count = One(role, Span{T(b - 1).span.begin, T(e).span.end}, b - 1);
        r.np_begin = b - 1;
        r.np_end = e + 1;
        np = r;
      }
    }
  }
  if (!np && T(p - 1).norm == ",") {
    // "At least 15 people, including two OGP members, were arrested": skip the apposition.
    for (uint32_t j = p - 2; j > begin_ && p - 2 - j < 24; --j) {
      if (T(j).norm != ",") continue;
      // "The six, who had spent 18 months in prison, were freed"
      bool the_bare = j >= begin_ + 2 && slots_[j - 1 - begin_].qty_at_end != kNone && T(j - 2).norm == "the";
      np = NpEndingAt(j - 1, role, /*allow_bare=*/the_bare);
      break;
    }
  }
  if (!np) np = Coreferent(p - 1, role);
  if (!np && (T(p - 1).norm == "and" || IsAny(T(p - 1), WORDS("before", "after", "without", "while", "then")))) {
    // "The child was taken to hospital and later died": the subject of the first clause.
    np = SentenceSubject(p - 1, role);
  }
  return np;
}

// Who protested when the group is not next to the trigger: "about 1,000 members of
// anti-establishment groups including anarchists marched", "6 members of the movement staged
// a demonstration", "a car protest involving 40 people". The nearest numbered group of people
// before the trigger in its clause, else one introduced by "involving"/"of" just after it.
std::optional<SentenceAssembler::NpCount> SentenceAssembler::ProtestGroup(const Trig& t) const {
  auto group_at = [&](uint32_t j) -> std::optional<NpCount> {
    if (slots_[j - begin_].qty_at_begin == kNone) return std::nullopt;
    const auto& q = s_.quantities[slots_[j - begin_].qty_at_begin];
    auto np = NpStartingAt(j, Role::kParticipants);
    if (np && (np->who || np->np_end == 0)) {
      if (np->who && np->who->sector == Sector::kPolice) return std::nullopt;  // "200 police officers"
      return np;
    }
    // An unlisted plural noun after the number: "dozens of tailors", "2,000 nurses".
    uint32_t k = q.end_token;
    if (In(k) && T(k).norm == "of") ++k;
    for (uint32_t m = k; m < k + 3 && In(m); ++m) {
      const Token& w = T(m);
      if (w.kind != TokenKind::kWord || CueAt(m) != kNone || slots_[m - begin_].trig_at != kNone) break;
      if (w.norm.size() > 3 && w.norm.back() == 's' && !(w.flags & tokens::kCapitalized)) {
        NpCount r;
        r.count = FromQuantity(q, Role::kParticipants);
        r.count.span = Span{q.span.begin, w.span.end};
        r.np_begin = j;
        r.np_end = m + 1;
        return r;
      }
    }
    return std::nullopt;
  };
  for (uint32_t j = t.b; j > begin_ && t.b - j < 30;) {
    --j;
    if (IsAny(T(j), WORDS(";", ":"))) break;
    if (slots_[j - begin_].trig_at != kNone && trigs_[slots_[j - begin_].trig_at].info.type != EventType::kProtest &&
        trigs_[slots_[j - begin_].trig_at].info.type != EventType::kCustody &&
        !(j > begin_ && IsPersonNounEnd(j - 1) && trigs_[slots_[j - begin_].trig_at].info.type == EventType::kSentence &&
          trigs_[slots_[j - begin_].trig_at].form == lexicon::Form::kPastOrParticiple))
      break;
    if (j > begin_ && slots_[j - 1 - begin_].trig_at != kNone &&
        trigs_[slots_[j - 1 - begin_].trig_at].info.type != EventType::kProtest)
      continue;  // "detained 35 people at a picket": those are the arrested
    if (auto np = group_at(j)) {
      // A bare number only right before the verb: "hundreds protested", not "Three".
      if (!np->who && np->np_end == 0 && s_.quantities[slots_[j - begin_].qty_at_begin].end_token != t.b) continue;
      // "penalised nearly 600 people over last week's protests", "30 people were hurt during
      // the march": people tied to the protest by its cause or its time, not its marchers.
      const uint32_t group_end = np->np_end != 0 ? np->np_end : s_.quantities[slots_[j - begin_].qty_at_begin].end_token;
      bool tied = false;
      for (uint32_t k = group_end; k < t.b && !tied; ++k)
        tied = IsAny(T(k), WORDS("over", "after", "following", "during", "since", "before", "for"));
      if (tied) break;
      return np;
    }
  }
  // "a car protest in Novo-Kelmsk involving 40 people", "a rally in the square of Korvath
  // involving 60 people": past a place after the trigger (and "of" + a name).
  for (uint32_t j = t.e; j < end_ && j < t.e + 10; ++j) {
    if (j >= t.e + 6 && (IsAny(T(j), WORDS(",", ";", ":", "(")) || slots_[j - begin_].trig_at != kNone)) break;
    if (!IsAny(T(j), WORDS("involving", "of", "with", "by", "comprising"))) continue;
    if (In(j + 1))
      if (auto np = group_at(j + 1)) return np;
    if (T(j).norm == "of" && In(j + 1) && slots_[j + 1 - begin_].qty_at_begin == kNone) continue;
    break;
  }
  return std::nullopt;
}

// The first noun phrase of the sentence that is followed by its verb ("The victim, 53, died";
// "Police say the man was transported ... and died").
std::optional<SentenceAssembler::NpCount> SentenceAssembler::SentenceSubject(uint32_t limit, Role role) const {
  for (uint32_t k = begin_; k < limit; ++k) {
    if (!In(k + 1)) break;
    const Token& next = T(k + 1);
    bool verb_follows = CueAt(k + 1) == static_cast<int>(Cue::kAux) || CueAt(k + 1) == static_cast<int>(Cue::kAdverb) ||
                        slots_[k + 1 - begin_].trig_at != kNone || next.norm == ",";
    if (!verb_follows) continue;
    auto np = NpEndingAt(k, role, /*allow_bare=*/false);
    if (!np) np = Coreferent(k, role);  // "The protesters were detained ... before being charged"
    // "Twenty marchers in Korvath were questioned and released": the subject before a place
    // phrase (SubjectBefore reads it; its own fallback to here stops at a smaller limit).
    if (!np && CueAt(k + 1) == static_cast<int>(Cue::kAux) && IsNameWord(k) && k > begin_ + 1 &&
        IsAny(T(k - 1), WORDS("in", "from", "of", "at")))
      np = SubjectBefore(k + 1, role);
    if (np) return np;
  }
  return std::nullopt;
}

// A noun phrase starting at token `first`: "15 people", "at least 3", "a man", "two of them".
std::optional<SentenceAssembler::NpCount> SentenceAssembler::NpStartingAt(uint32_t first, Role role) const {
  if (!In(first)) return std::nullopt;
  NpCount r;
  if (int q = slots_[first - begin_].qty_at_begin; q != kNone) {
    const auto& qt = s_.quantities[q];
    uint32_t after = qt.end_token;
    if (In(after) && IsAny(T(after), WORDS("times", "rounds", "shots", "bullets", "counts", "years", "months", "days",
                                           "weeks", "hours", "minutes")))
      return std::nullopt;
    if (In(after + 1) && T(after).norm == "-" && IsAny(T(after + 1), WORDS("year", "month", "week", "day")))
      return std::nullopt;
    // What follows must be people (or nothing noun-like): "arrested 15 people", "killing 8.",
    // not "seized 15 cars".
    uint32_t k = after;
    if (In(k) && T(k).norm == "of" && In(k + 1) && IsAny(T(k + 1), WORDS("them", "whom", "those", "these"))) {
      r.count = FromQuantity(qt, role);  // "fined 18 of them": a part of a group named before
      r.count.span = Span{qt.span.begin, T(k + 1).span.end};
      r.np_begin = first;
      r.partitive = true;
      return r;
    }
    if (In(k) && T(k).norm == "of") ++k;
    if (In(k) && IsAny(T(k), WORDS("the", "these", "those", "his", "her", "their"))) {
      ++k;
      // "convicted six of the 10 defendants": the set's number is no modifier of the part.
      if (k > after + 1 && In(k) && slots_[k - begin_].qty_at_begin != kNone)
        k = s_.quantities[slots_[k - begin_].qty_at_begin].end_token;
    }
    for (int steps = 0; steps < 6 && In(k); ++steps, ++k) {
      int noun = NounStartingAt(k);
      if (noun != kNone && Noun(noun).person) {
        uint32_t ne = s_.nouns[noun].end_token;
        r.count = FromQuantity(qt, role);
        r.count.span = Span{qt.span.begin, T(ne - 1).span.end};
        r.np_begin = first;
        r.np_end = ne;
        r.who = ActorRef{Span{T(k).span.begin, T(ne - 1).span.end}, Noun(noun).sector, CountryBefore(k)};
        return r;
      }
      const Token& t = T(k);
      if (steps == 0 &&
          (IsPunct(t) ||
           IsAny(t, WORDS("and", "or", "in", "at", "on", "from", "during", "after", "while", "including", "as", "for",
                          "near", "when", "since", "by", "with", "following", "outside", "inside", "across", "over",
                          "others", "more", "were", "was", "have", "had", "are")) ||
           (role == Role::kJailed && t.norm == "to"))) {  // "sentencing 40 to prison terms"
        r.count = FromQuantity(qt, role);
        r.np_begin = first;
        return r;
      }
      if (t.norm == "-") continue;  // "10 pro-democracy activists"
      if (t.kind != TokenKind::kWord || CueAt(k) != kNone) break;
      // Capitalized words: an organisation or nationality ("3 Other Russia members").
    }
    return std::nullopt;
  }
  const Token& t = T(first);
  // "fined each of the 9 strikers", "all of the 12 detainees": the set's number.
  if (IsAny(t, WORDS("each", "all")) && In(first + 3) && T(first + 1).norm == "of" &&
      IsAny(T(first + 2), WORDS("the", "these", "those")) && slots_[first + 3 - begin_].qty_at_begin != kNone) {
    auto inner = NpStartingAt(first + 3, role);
    if (inner) {
      inner->count.span = Span{t.span.begin, inner->count.span.end};
      inner->np_begin = first;
    }
    return inner;
  }
  // "the three reporters", "all twelve", "these 40 people"
  if (IsAny(t, WORDS("the", "all", "these", "those", "another", "some")) && In(first + 1) &&
      slots_[first + 1 - begin_].qty_at_begin != kNone) {
    auto inner = NpStartingAt(first + 1, role);
    if (inner) inner->count.span = Span{t.span.begin, inner->count.span.end};
    return inner;
  }
  // "opposition leader Sami Roth", "activist Ana Ruiz": a title before a name is one person.
  if (CountsIndividuals(role)) {
    int noun = NounStartingAt(first);
    if (noun != kNone && Noun(noun).person) {
      uint32_t ne = s_.nouns[noun].end_token;
      if (IsNameWord(ne)) {
        uint32_t e = ne + 1;
        while (IsNameWord(e) && e < ne + 3) ++e;
        r.count = One(role, Span{t.span.begin, T(e - 1).span.end}, first);
        r.np_begin = first;
        r.np_end = e;
        r.who = ActorRef{Span{t.span.begin, T(ne - 1).span.end}, Noun(noun).sector, CountryBefore(first)};
        return r;
      }
    }
  }
  if (CountsIndividuals(role) && IsAny(t, WORDS("himself", "herself"))) {  // "shot himself"
    r.count = One(role, t.span, first);
    r.np_begin = first;
    r.np_end = first + 1;
    return r;
  }
  if (CountsIndividuals(role) && IsAny(t, WORDS("a", "an", "one", "the", "another", "his", "her", "their"))) {
    for (uint32_t k = first + 1; k < first + 7 && In(k); ++k) {
      int noun = NounStartingAt(k);
      if (noun != kNone && Noun(noun).person) {
        uint32_t ne = s_.nouns[noun].end_token;
        const Token& head = T(ne - 1);
        bool plural = head.norm.back() == 's' || IsAny(head, WORDS("people", "men", "women", "children", "police"));
        if (plural) return std::nullopt;
        if (In(ne) && T(ne).norm == "of" && t.norm == "one") return std::nullopt;  // "one of the ..."
        r.count = One(role, Span{t.span.begin, head.span.end}, first);
        r.np_begin = first;
        r.np_end = ne;
        r.who = ActorRef{Span{T(k).span.begin, head.span.end}, Noun(noun).sector, CountryBefore(k)};
        return r;
      }
      if (T(k).kind != TokenKind::kWord && !slots_[k - begin_].non_count && T(k).norm != "-") break;
      if (CueAt(k) != kNone || T(k).norm == "of") break;  // "the residence of the leader"
      // "a 3-year-old" with no noun after it is a person.
      if (T(k).norm == "old" && k >= first + 3 && T(k - 1).norm == "-" && T(k - 2).norm == "year" &&
          !(In(k + 1) &&
            (NounStartingAt(k + 1) != kNone ||
             (T(k + 1).kind == TokenKind::kWord && !T(k + 1).HasFlag(tokens::kCapitalized) && CueAt(k + 1) == kNone &&
              slots_[k + 1 - begin_].trig_at == kNone && !IsAny(T(k + 1), WORDS("and", "or")) &&
              !IsPrepositionOrAux(T(k + 1)))))) {
        r.count = One(role, Span{t.span.begin, T(k).span.end}, first);
        r.np_begin = first;
        r.np_end = k + 1;
        return r;
      }
    }
    return std::nullopt;
  }
  if (CountsIndividuals(role) && IsAny(t, WORDS("him", "her")) &&
      !(In(first + 1) && T(first + 1).kind == TokenKind::kWord && NounStartingAt(first + 1) != kNone)) {
    r.count = One(role, t.span, first);
    r.np_begin = first;
    return r;
  }
  // A name: "killing Sarah Davidson".
  if (CountsIndividuals(role) && IsNameWord(first) && IsNameWord(first + 1)) {
    uint32_t e = first + 2;
    if (IsNameWord(e)) ++e;
    r.count = One(role, Span{t.span.begin, T(e - 1).span.end}, first);
    r.np_begin = first;
    r.np_end = e;
    return r;
  }
  // A surname (or first name) alone, for a person the text named in full before ("Aldo
  // Varrick, 24, ... arrested Varrick at his apartment"), where the phrase ends after it: not
  // before a noun ("arrested Dorvani fighters"), a possessive, a quote or an abbreviation's dot
  // ("Mr. Varrick").
  auto phrase_ends = [&](uint32_t k) {
    if (!In(k)) return true;
    if (slots_[k - begin_].in_date || IsPrepositionOrAux(T(k))) return true;
    return IsAny(T(k), WORDS(",", ";", ")", "!", "?")) || (T(k).norm == "." && !In(k + 1));
  };
  if (CountsIndividuals(role) && first > begin_ && IsNameWord(first) &&
      phrase_ends(first + 1) && NamedEarlier(first)) {
    r.count = One(role, t.span, first);
    r.np_begin = first;
    r.np_end = first + 1;
    return r;
  }
  return std::nullopt;
}

// An age, then a person's name, from token p: "24-year-old Alex Kelm".
std::optional<SentenceAssembler::NpCount> SentenceAssembler::AgeAndName(uint32_t p, Role role) const {
  uint32_t e = p;
  while (In(e) && slots_[e - begin_].non_count) ++e;
  uint32_t n = e;
  while (IsNameWord(n)) ++n;
  if (n == e || e <= p + 2 || T(e - 1).norm != "old") return std::nullopt;
  NpCount r;
  r.count = One(role, Span{T(p).span.begin, T(n - 1).span.end}, p);
  r.np_begin = p;
  r.np_end = n;
  return r;
}

std::optional<SentenceAssembler::NpCount> SentenceAssembler::ObjectAfter(uint32_t k, Role role) const {
  uint32_t p = k;
  if (In(p) && IsAny(T(p), WORDS("each", "all")))  // "fined each of the 9 strikers"
    if (auto set = NpStartingAt(p, role)) return set;
  // "killed at least 8", "arrested a total of 15", "injuring two others"
  while (In(p) && (CueAt(p) == static_cast<int>(Cue::kAdverb)) && !IsAny(T(p), WORDS("who", "that", "which")))
    p = CueEnd(p);
  if (In(p + 2) && T(p).norm == "a" && IsAny(T(p + 1), WORDS("total")) && T(p + 2).norm == "of") p += 3;
  // "fined the remaining 27", "freed the other 12": the number after the determiner.
  if (In(p + 2) && T(p).norm == "the" && IsAny(T(p + 1), WORDS("other", "remaining")) &&
      slots_[p + 2 - begin_].qty_at_begin != kNone) {
    if (auto rest = NpStartingAt(p + 2, role)) {
      rest->count.span.begin = T(p).span.begin;
      rest->np_begin = p;
      return rest;
    }
  }
  auto np = NpStartingAt(p, role);
  // "picked up the uncle's pistol": a possessive person before a thing is no object; before a
  // person ("arrested the victim's brother") the count stands.
  if (np && np->count.individual) {
    uint32_t j = p;
    while (In(j) && T(j).span.begin < np->count.span.end) ++j;
    if (In(j) && T(j).norm == "'s") {
      bool person = false;
      for (uint32_t h = j + 1; In(h) && h <= j + 4 && !person && !IsPunct(T(h)); ++h) {
        if (IsAny(T(h), WORDS("in", "at", "on", "of", "with", "from", "to", "by", "and", "or"))) break;
        person = IsPersonNounStart(h) || (h == j + 1 && IsNameWord(h));
      }
      if (!person) np.reset();
    }
  }
  // "killed 24-year-old Alex Kelm": an age, then the person's name.
  if (!np && In(p) && slots_[p - begin_].non_count && CountsIndividuals(role)) np = AgeAndName(p, role);
  if (!np && In(p)) {
    uint32_t e = p;
    if (T(e).norm == "the" && In(e + 1)) ++e;
    if (IsAny(T(e), WORDS("them", "protesters", "demonstrators", "protestors", "participants", "group", "members")))
      np = Coreferent(e, role);
  }
  return np;
}

bool SentenceAssembler::IsPassive(const Trig& t) const {
  if (t.form != lexicon::Form::kPastOrParticiple && t.form != lexicon::Form::kParticiple &&
      t.form != lexicon::Form::kLiteral)
    return false;
  // A progressive is active, like the gerunds: "two ferrymen were fighting" (agents, not victims).
  if (t.form == lexicon::Form::kLiteral && t.e == t.b + 1 && T(t.b).norm.ends_with("ing")) return false;
  // An auxiliary within three tokens before: "were (briefly) arrested", "have been detained".
  for (uint32_t k = t.b; k > begin_ && t.b - k < 10;) {
    uint32_t q = k - 1;
    uint32_t cs;
    if (IsAny(T(q), WORDS("those", "the")) && q > begin_ && T(q - 1).norm == "among") {  // "was among those killed"
      k = q - 1;
      continue;
    }
    if (CueEndingAt(q, Cue::kAux, &cs)) return !IsAny(T(q), WORDS("has", "have", "had"));
    if (CueEndingAt(q, Cue::kAdverb, &cs) || CueEndingAt(q, Cue::kNegation, &cs)) {
      k = cs;
      continue;
    }
    if (IsAny(T(q), WORDS("and", "or", ",")) && q > begin_ && slots_[q - 1 - begin_].trig_at != kNone) {
      k = trigs_[slots_[q - 1 - begin_].trig_at].b;
      continue;
    }
    // "were held overnight and released": coordinated with a passive that is no event.
    if (T(q).norm == "and" && t.form == lexicon::Form::kPastOrParticiple &&
        !(In(t.e) && (slots_[t.e - begin_].qty_at_begin != kNone || IsPersonNounStart(t.e) ||
                      IsAny(T(t.e), WORDS("a", "an", "the", "him", "her", "them", "his", "their", "its", "himself",
                                          "herself", "themselves"))))) {
      for (uint32_t j = q; j > begin_ + 1 && q - j < 4;) {
        --j;
        if (T(j).kind != TokenKind::kWord || slots_[j - begin_].trig_at != kNone || NounEndingAt(j) != kNone) break;
        if ((T(j).norm.ends_with("ed") || IsAny(T(j), WORDS("held", "kept", "taken", "brought", "caught"))) &&
            IsAny(T(j - 1), WORDS("was", "were", "been", "being")))
          return true;
      }
    }
    break;
  }
  // Reduced relative or headline: "15 people arrested", "10 arrested". Not a phrase whose
  // subject acts on others ("Two gunmen opened fire", "Police pressed charges").
  const bool participle =
      t.form == lexicon::Form::kPastOrParticiple ||
      (t.form == lexicon::Form::kLiteral && (T(t.e - 1).norm.ends_with("ed") ||                // "shot and killed"
                                             (T(t.b).norm.ends_with("ed") && t.e > t.b + 2 &&  // "released on bail"
                                              IsAny(T(t.b + 1), WORDS("on", "in", "into", "to", "without", "under")))));
  if (participle && t.b > begin_ && !t.info.agent) {
    uint32_t q = t.b - 1;
    bool numbered = slots_[q - begin_].qty_at_end != kNone;
    if (!numbered && (IsPersonNounEnd(q) || T(q).norm == "old")) {
      // "15 people arrested", "A 16-year-old boy arrested on a murder charge", "the family of a
      // 17-year-old shot and killed by police", not "Soldiers opened fire".
      auto np = NpEndingAt(q, Role::kArrested, false);
      numbered = np && (!np->count.individual || IsAny(T(np->np_begin), WORDS("a", "an", "the", "another")));
    }
    if (numbered) {
      // ... unless an object follows ("2 gunmen killed 5 people").
      // ("2 gunmen killed 5 people", "shot and killed his wife", "charged Kelm Dorvan with").
      if (In(t.e) && (slots_[t.e - begin_].qty_at_begin != kNone ||
                      IsAny(T(t.e), WORDS("a", "an", "the", "him", "her", "them", "his", "their", "its", "both")) ||
                      (T(t.e).kind == TokenKind::kWord && T(t.e).HasFlag(tokens::kCapitalized) &&
                       !slots_[t.e - begin_].in_date && !T(t.e).HasFlag(tokens::kAllCaps))))
        return false;
      return true;
    }
  }
  if (t.form == lexicon::Form::kParticiple) return true;
  return false;
}

EventStatus SentenceAssembler::StatusOf(const Trig& t, size_t trig_index) const {
  const EventStatus status = ScopedStatus(t, trig_index);
  // PERF: asked only of events that did not happen (the test before LocalStatus kept the
  // assembler's loop from inlining it: 0.2% more instructions).
  if (status != EventStatus::kHappened && NamedAfterARelation(t)) return EventStatus::kHappened;
  return status;
}

// "could be related to the arrest of a gang leader", "may have been linked to the killing of":
// an event named with "the" after a relation is taken as known; a modal or a negation before
// the relation doubts the link, not the event.
bool SentenceAssembler::NamedAfterARelation(const Trig& t) const {
  return t.b >= begin_ + 3 && T(t.b - 1).norm == "the" && IsAny(T(t.b - 2), WORDS("to", "with")) &&
         IsAny(T(t.b - 3), WORDS("related", "linked", "connected", "tied", "connection", "relation"));
}

EventStatus SentenceAssembler::ScopedStatus(const Trig& t, size_t trig_index) const {
  EventStatus local = LocalStatus(t, trig_index);
  if (local != EventStatus::kHappened) return local;
  // A noun ("the release of the prisoners") stays in the scope of a demand or plan further
  // back in its clause: "to demand the restoration of the permits and the release of ...".
  bool nominal = t.form == lexicon::Form::kSingular || t.form == lexicon::Form::kPlural ||
                 (t.form == lexicon::Form::kBase && t.b > begin_ && T(t.b - 1).norm == "the");
  if (!nominal) return local;
  for (uint32_t k = t.b; k > begin_ && t.b - k < 30;) {
    --k;
    const Token& tok = T(k);
    if (IsAny(tok, WORDS(";", ":", ".", "but", "while", "after", "when", "because", "who", "which"))) break;
    if (slots_[k - begin_].trig_at != kNone) {
      const Trig& other = trigs_[slots_[k - begin_].trig_at];
      bool other_nominal = other.form == lexicon::Form::kSingular || other.form == lexicon::Form::kPlural;
      if (!other_nominal) break;  // a finite event verb starts another scope
    }
    int c = slots_[k - begin_].cue_at;
    if (c == static_cast<int>(Cue::kDemand) || c == static_cast<int>(Cue::kModal)) return EventStatus::kHypothetical;
    if (c == static_cast<int>(Cue::kFuture)) return EventStatus::kPlanned;
  }
  return local;
}

// "No suspect is in custody", "No marchers were detained", "no students have been arrested":
// "no" at token `no` and one or two words (the subject) before the trigger's auxiliaries.
bool SentenceAssembler::NoSubjectOf(const Trig& t, uint32_t no) const {
  auto auxiliary = [&](uint32_t k) {
    return IsAny(T(k), WORDS("is", "are", "was", "were", "been", "has", "have", "had", "being"));
  };
  uint32_t k = no + 1;
  while (k < t.b && k < no + 3 && T(k).kind == TokenKind::kWord && !auxiliary(k)) ++k;
  if (k == no + 1 || k >= t.b || !auxiliary(k)) return false;
  while (k < t.b && auxiliary(k)) ++k;
  return k == t.b;
}

EventStatus SentenceAssembler::LocalStatus(const Trig& t, size_t trig_index) const {
  // "to arrest him", "asked the government to arrest", "or arrest us": a verb in its base form
  // states no event that happened (news reports past events in the past tense). Headlines in
  // the present ("Police arrest 5 in Almaty") are the exception.
  // Protests and custody are exempt: "gathered to protest" reports a protest, "10 remain in
  // custody" a present state.
  if (t.form == lexicon::Form::kBase && t.info.type != EventType::kProtest && t.info.type != EventType::kCustody) {
    uint32_t k = t.b;
    while (k > begin_ && CueAt(k - 1) == static_cast<int>(Cue::kAdverb)) --k;
    bool headline = T(end_ - 1).kind != TokenKind::kPunct;
    // "were ordered to pay fines", "was sentenced to pay a fine": a penalty imposed.
    const bool imposed = t.info.type == EventType::kSentence && k >= begin_ + 3 && T(k - 1).norm == "to" &&
                         IsAny(T(k - 2), WORDS("ordered", "sentenced")) &&
                         IsAny(T(k - 3), WORDS("was", "were", "been", "also", "later", "each"));
    if (imposed) return EventStatus::kHappened;
    if (k > begin_ && IsAny(T(k - 1), WORDS("to", "or", "and", "not", "must", "should", "would", "could", "will", "can",
                                            "may", "might", "shall", "cannot")))
      return T(k - 1).norm == "not" ? EventStatus::kNegated : EventStatus::kHypothetical;
    if (!headline && k > begin_ && NounEndingAt(k - 1) == kNone && T(k - 1).kind == TokenKind::kWord &&
        !IsAny(T(k - 1), WORDS("did", "they", "we")))
      return EventStatus::kHypothetical;
  }
  // "working to make an arrest", "could make arrests soon": a light verb in its base form before
  // the noun, as the verb itself above ("were able to make an arrest" did happen).
  if ((t.form == lexicon::Form::kSingular || t.form == lexicon::Form::kPlural) && t.info.type != EventType::kProtest &&
      t.info.type != EventType::kCustody && t.b > begin_ + 1) {
    uint32_t k = t.b;
    if (IsAny(T(k - 1), WORDS("a", "an", "any", "more", "some", "further"))) --k;
    if (k > begin_ + 1 && T(k - 1).norm == "out" && T(k - 2).norm == "carry") --k;
    if (k > begin_ + 1 && IsAny(T(k - 1), WORDS("make", "carry", "conduct")) &&
        IsAny(T(k - 2), WORDS("to", "not", "must", "should", "would", "could", "will", "can", "may", "might")) &&
        !(T(k - 2).norm == "to" && k >= begin_ + 3 && T(k - 3).norm == "able"))
      return T(k - 2).norm == "not" ? EventStatus::kNegated : EventStatus::kHypothetical;
  }
  // "an alleged ongoing confrontation", "a suspected bombing": a claimed event, not a reported one.
  if ((t.form == lexicon::Form::kSingular || t.form == lexicon::Form::kPlural) && t.b > begin_) {
    for (uint32_t k = t.b; k > begin_ && t.b - k < 3;) {
      --k;
      if (IsAny(T(k), WORDS("alleged", "purported", "suspected", "possible", "planned", "attempted")))
        return T(k).norm == "planned" ? EventStatus::kPlanned : EventStatus::kHypothetical;
      if (T(k).kind != TokenKind::kWord) break;
    }
  }
  // "not a single activist ... has been arrested", "none of the attackers were arrested"
  for (uint32_t k = t.b; k > begin_ + 1 && t.b - k < 25;) {
    --k;
    if (IsAny(T(k), WORDS(";", ":"))) break;
    if (slots_[k - begin_].trig_at != kNone) break;
    if ((T(k).norm == "single" && T(k - 1).norm == "a" && k >= begin_ + 2 && T(k - 2).norm == "not") ||
        (T(k).norm == "of" && T(k - 1).norm == "none"))
      return EventStatus::kNegated;
  }
  // Left context: "the order of arresting the director", "warrants for the arrest of", "the
  // threat of arrest": an event ordered, threatened or feared, not one that happened.
  if (t.b >= begin_ + 2 && IsAny(T(t.b - 1), WORDS("of", "for")) &&
      IsAny(T(t.b - 2), WORDS("order", "orders", "warrant", "warrants", "threat", "threats", "risk", "fear", "fears",
                              "threatened", "threatening")))
    return EventStatus::kHypothetical;
  if (t.b >= begin_ + 3 && T(t.b - 1).norm == "the" && IsAny(T(t.b - 2), WORDS("of", "for")) &&
      IsAny(T(t.b - 3), WORDS("order", "orders", "warrant", "warrants", "threat", "threats")))
    return EventStatus::kHypothetical;
  // Right context: "arrest warrant", "release order"; "a march is planned for Monday".
  if (In(t.e) && IsAny(T(t.e), WORDS("warrant", "warrants", "order", "orders", "plea", "application", "petition")))
    return EventStatus::kHypothetical;
  if (In(t.e + 1) && IsAny(T(t.e), WORDS("is", "are", "was", "were", "has", "have"))) {
    uint32_t k = t.e + 1;
    if (In(k + 1) && T(k).norm == "been") ++k;
    if (IsAny(T(k), WORDS("planned", "scheduled", "expected", "due", "set", "announced", "slated")))
      return EventStatus::kPlanned;
  }
  uint32_t stop = begin_;
  if (trig_index > 0) {
    // Cues before an earlier trigger belong to it ("demanding the release of two men
    // arrested"), unless the two are coordinated ("not arrested or charged").
    const Trig& prev = trigs_[trig_index - 1];
    // Not a verb after a noun: "charged with murder and remain in custody".
    const auto nominal = [](const Trig& x) {
      return x.form == lexicon::Form::kSingular || x.form == lexicon::Form::kPlural;
    };
    bool coordinated =
        prev.e + 1 == t.b && IsAny(T(prev.e), WORDS("and", "or", ",")) && !(nominal(prev) && !nominal(t));
    if (!coordinated) stop = prev.e;
    // "No marchers were detained": the "no" before a protester noun denies the detention (the
    // noun's own status stays: the march was there).
    if (prev.from_protester_noun && prev.b > begin_ && T(prev.b - 1).norm == "no" && NoSubjectOf(t, prev.b - 1))
      return EventStatus::kNegated;
  }
  int window = 0;
  // A negation before a dash or a verb of saying or believing negates that verb, not the event:
  // "don't think the shooting was an accident", "isn't careful — and kills",
  // "aren't saying who fired". PERF: asked only when a negation is found.
  const auto negation_blocked = [&](uint32_t q) {
    for (uint32_t k = q; k < t.b; ++k)
      if (IsAny(T(k), WORDS("\xE2\x80\x94", "-", "believe", "believes", "think", "thinks", "know", "knows", "say",
                            "says", "saying", "expect", "expects")))
        return true;
    return false;
  };
  // A protest the police act on is there: "tried to contain the demonstration", "failed to
  // disperse the march" (the attempt or failure is the police's, not the protesters').
  if (t.info.type == EventType::kProtest &&
      (t.form == lexicon::Form::kSingular || t.form == lexicon::Form::kPlural) && t.b >= begin_ + 2 &&
      IsAny(T(t.b - 1), WORDS("the", "this", "that")) &&
      IsAny(T(t.b - 2), WORDS("contain", "disperse", "stop", "end", "quell", "suppress", "break", "up")))
    return EventStatus::kHappened;
  bool subject_closed = false, only_adverbs_after = true;
  for (uint32_t k = t.b; k > stop && window < 9; ++window) {
    uint32_t q = k - 1;
    const Token& tok = T(q);
    if (IsAny(tok, WORDS(";", ":", "but", "while", "although", "though", "because", "after", "before", "when",
                         "whereas", "since", "until")))
      break;
    // A comma and a new subject start the event's clause: "when they couldn't find him, they
    // arrested his brothers" (but "did not, however, arrest" stays negated).
    if (tok.norm == "," && q + 1 < t.b && IsAny(T(q + 1), WORDS("they", "he", "she", "we", "i", "police", "officers")))
      break;
    // Nor do they reach what a speaker states after a comma: "asked them to call a doctor,
    // saying that he had been stabbed twice" (he was).
    if (tok.norm == "," && q + 1 < t.b &&
        IsAny(T(q + 1), WORDS("stating", "saying", "adding", "claiming", "explaining", "insisting")))
      break;
    // The trigger's own "was"/"were" after a noun ends its subject: a demand, attempt or modal
    // further back is in the subject's relative clause ("farmers who had camped there to demand
    // fair prices were dispersed"). A negation still reaches ("whether anyone was arrested").
    if (only_adverbs_after && q > stop && IsAny(tok, WORDS("was", "were")) && T(q - 1).kind == TokenKind::kWord &&
        slots_[q - 1 - begin_].cue_at == kNone)
      subject_closed = true;
    if (CueAt(q) != static_cast<int>(Cue::kAdverb)) only_adverbs_after = false;
    // A clause set off by commas before the event describes its subject, not the event: "the
    // driver, who may have been drinking, was arrested", "Aldo Venn, wanted for a robbery, was
    // arrested". Its cues are skipped.
    if (tok.norm == "," && q > stop + 2) {
      uint32_t p = q - 1;
      while (p > stop + 1 && q - p < 16 && T(p).norm != "," && slots_[p - begin_].trig_at == kNone) --p;
      if (T(p).norm == "," && p + 1 < q && IsAny(T(p + 1), WORDS("who", "which", "whose", "wanted"))) {
        k = p;
        continue;
      }
    }
    // Find a cue ending at q.
    for (uint32_t b = q + 1 > stop + 4 ? q - 3 : stop; b <= q; ++b) {
      int c = slots_[b - begin_].cue_at;
      if (c == kNone || CueEnd(b) != q + 1) continue;
      if (subject_closed && (c == static_cast<int>(Cue::kDemand) || c == static_cast<int>(Cue::kAttempt) ||
                             c == static_cast<int>(Cue::kModal)))
        return EventStatus::kHappened;
      // An attempt reaches the verb it governs, not a participle describing a person further on:
      // "tries to save a boy shot in the head", "tried to help a woman shot outside" (the boy and
      // the woman were shot); "tried to have the man arrested" is still an attempt.
      if (c == static_cast<int>(Cue::kAttempt) && t.b > q + 2 && IsPersonNounEnd(t.b - 1) &&
          (t.form == lexicon::Form::kPastOrParticiple || t.form == lexicon::Form::kParticiple)) {
        bool causative = false;
        for (uint32_t j = q + 1; j < t.b && !causative; ++j)
          causative = IsAny(T(j), WORDS("have", "get", "see", "make"));
        if (!causative) continue;
      }
      switch (static_cast<Cue>(c)) {
        case Cue::kNegation:
          // "not only", "no longer" do not negate; "no" must be adjacent to a noun trigger, or
          // begin its subject ("No suspect is in custody", "no marchers were detained").
          if (tok.norm == "no" && q + 1 != t.b && !(q + 2 == t.b) && !NoSubjectOf(t, q)) break;
          if (tok.norm == "no" && t.from_protester_noun && trig_index + 1 < trigs_.size() &&
              NoSubjectOf(trigs_[trig_index + 1], q))
            break;
          if (negation_blocked(q)) break;
          return EventStatus::kNegated;
        case Cue::kDenial:
          return EventStatus::kNegated;
        case Cue::kFuture:
          return EventStatus::kPlanned;
        case Cue::kDemand:
          // "the most wanted list", "wanted for murder": a fugitive, not a demand.
          if (tok.norm == "wanted" &&
              ((q > begin_ && T(q - 1).norm == "most") || (q + 1 < t.b && IsAny(T(q + 1), WORDS("for", "list")))))
            break;
          return EventStatus::kHypothetical;
        case Cue::kModal:
        case Cue::kAttempt:
        case Cue::kConditional:
          return EventStatus::kHypothetical;
        default:
          break;
      }
    }
    k = q;
  }
  return EventStatus::kHappened;
}

std::string SentenceAssembler::CountryBefore(uint32_t k) const {
  // "Kazakh police", "Moroccan security forces": a demonym or country name right before.
  if (!a_.places_ || k <= begin_) return {};
  for (const auto& m : s_.places)
    if (m.end_token == k ||
        (m.end_token + 1 == k && T(k - 1).kind == TokenKind::kWord && !T(k - 1).HasFlag(tokens::kCapitalized)))
      return a_.places_->code_of_entry[a_.places_->phrases->phrases[m.phrase].entry];
  return {};
}

std::optional<ActorRef> SentenceAssembler::NounActor(int noun_index) const {
  const auto& m = s_.nouns[noun_index];
  ActorRef a;
  uint32_t b = m.begin_token, e = m.end_token;
  a.sector = Noun(noun_index).sector;
  // "Members of the Kelmar cartel", "supporters of the Dorvan Party", "members of the security
  // forces": the group its members belong to is the actor, named in full. Members of a group the
  // noun table knows take its sector; its supporters do not ("supporters of the police chief").
  const WordSet& kMembers = WORDS("member", "members", "supporter", "supporters", "element", "elements", "follower",
                                  "followers", "sympathizer", "sympathizers", "sympathiser", "sympathisers",
                                  "loyalist", "loyalists");
  constexpr uint32_t kNoToken = UINT32_MAX;
  uint32_t head = kNoToken, of = kNoToken;
  if (e + 1 < end_ && T(e).norm == "of" && kMembers.Has(T(e - 1))) {
    head = b;
    of = e;
  } else {
    // The noun inside the group's name: "Members of the security forces", "supporters of the
    // police chief" (the noun found is "security forces", "chief").
    for (uint32_t k = b; k > begin_ + 1 && b - k < 4; --k) {
      if (T(k - 1).norm == "of" && kMembers.Has(T(k - 2))) {
        head = k - 2;
        of = k - 1;
        break;
      }
      if (T(k - 1).kind != TokenKind::kWord || CueAt(k - 1) != kNone || slots_[k - 1 - begin_].trig_at != kNone) break;
    }
  }
  if (head != kNoToken) {
    // The group after "of": a determiner, then capitalized words, acronyms, joined pieces, the
    // words of group names ("cartel", "party", "militia") and nouns of the table.
    const WordSet& kGroupWords =
        WORDS("cartel", "gang", "group", "militia", "party", "movement", "union", "community", "organization",
              "organisation", "front", "brigade", "battalion", "army", "council", "committee", "association",
              "federation", "network", "alliance", "coalition", "tribe", "clan", "faction", "forces", "force",
              "chief", "leader", "president", "governor", "mayor");
    uint32_t k = of + 1;
    if (k < end_ && IsAny(T(k), WORDS("the", "a", "an"))) ++k;
    uint32_t last = 0;
    Sector group = Sector::kUnknown;
    while (k < end_ && k < of + 9) {
      const Token& w = T(k);
      if (int n = NounStartingAt(k); n != kNone && s_.nouns[n].end_token <= end_) {
        if (Noun(n).sector != Sector::kUnknown) group = Noun(n).sector;
        k = s_.nouns[n].end_token;
        last = k;
        continue;
      }
      const bool joined = (w.norm == "-" || w.norm == "'s") && last == k && !w.HasFlag(tokens::kSpaceBefore);
      if ((w.kind == TokenKind::kWord && (w.HasFlag(tokens::kCapitalized) || kGroupWords.Has(w)) &&
           slots_[k - begin_].trig_at == kNone && CueAt(k) == kNone) ||
          joined) {
        last = k + 1;
        ++k;
        continue;
      }
      break;
    }
    // A name going on past where the walk stopped ("members of the National Torch Movement", a
    // trigger word inside it) is not cut: the actor stays the noun found.
    const bool name_goes_on = k < end_ && k == last && T(k).kind == TokenKind::kWord &&
                              T(k).HasFlag(tokens::kCapitalized) && T(last - 1).HasFlag(tokens::kCapitalized);
    if (last > of + 1 && last >= e && T(last - 1).kind == TokenKind::kWord && !name_goes_on) {
      b = head;
      e = last;
      if (IsAny(T(head), WORDS("member", "members", "element", "elements"))) {
        if (group != Sector::kUnknown) a.sector = group;
      } else if (head != m.begin_token) {
        a.sector = Sector::kUnknown;  // supporters of the police chief: not the police
      }
    }
  }
  std::string country = CountryBefore(b);
  if (!country.empty()) {
    for (const auto& pm : s_.places)
      if (pm.end_token == b) b = pm.begin_token;
  }
  a.span = Span{T(b).span.begin, T(e - 1).span.end};
  a.country = country;
  return a;
}

std::optional<ActorRef> SentenceAssembler::ActorOf(const Trig& t, bool passive) const {
  if (passive) {
    // "arrested by (the) police"
    for (uint32_t k = t.e; k < end_ && k < t.e + 9; ++k) {
      if (IsAny(T(k), WORDS(";", ",", "and", "after", "when", "while"))) break;
      if (T(k).norm != "by") continue;
      for (uint32_t j = k + 1; j < end_ && j < k + 6; ++j) {
        if (IsPunct(T(j))) break;
        int n = NounStartingAt(j);
        if (n != kNone) {
          // Prefer the longest noun starting here.
          return NounActor(n);
        }
      }
      break;
    }
    return std::nullopt;
  }
  // Active: the nearest noun to the left in the clause: "Police detained", "security forces
  // opened fire".
  uint32_t skipped = 0;
  for (uint32_t k = t.b; k > begin_ && t.b - k - skipped < 8;) {
    uint32_t q = k - 1;
    if (IsAny(T(q), WORDS(";", ":", "."))) break;
    if (T(q).norm == ",") {
      // "The union federation, which says ..., will hold a strike": skip the relative clause.
      bool jumped = false;
      for (uint32_t j = q; j > begin_ + 1 && q - j < 25; --j) {
        if (T(j - 1).norm == "," && IsAny(T(j), WORDS("which", "who", "whose"))) {
          skipped += k - (j - 1);
          k = j - 1;
          jumped = true;
          break;
        }
      }
      if (jumped) continue;
    }
    // "Police detained a dozen demonstrators and freed all twelve": the subject of the first
    // verb acts in the second.
    if (IsAny(T(q), WORDS("and", "then")) && q > begin_) {
      for (uint32_t j = q; j > begin_ && q - j < 8; --j) {
        int ti = slots_[j - 1 - begin_].trig_at;
        if (ti != kNone && trigs_[ti].event >= 0 && trigs_[ti].event < static_cast<int>(out_->size()))
          return (*out_)[trigs_[ti].event].actor;
      }
    }
    int n = NounEndingAt(q);
    // "Police were accused of beating ...": "accused" here is the verb, not a person.
    if (n != kNone && !(T(q).norm == "accused" && q > begin_ && CueAt(q - 1) == static_cast<int>(Cue::kAux)))
      return NounActor(n);
    k = q;
  }
  return std::nullopt;
}

std::optional<Span> SentenceAssembler::Source() const {
  for (uint32_t k = begin_; k < end_; ++k) {
    int c = slots_[k - begin_].cue_at;
    if (c == static_cast<int>(Cue::kSourcePrep)) {
      uint32_t e = CueEnd(k);
      uint32_t j = e;
      while (j < end_ && j < e + 8 && !IsPunct(T(j))) ++j;
      if (j == e) continue;
      return Span{T(k).span.begin, T(j - 1).span.end};
    }
    if (c == static_cast<int>(Cue::kSourceVerb) &&
        (T(k).norm == "said" || T(k).norm == "told" || T(k).norm == "says" || T(k).norm == "reported" ||
         T(k).norm == "announced" || T(k).norm == "confirmed" || T(k).norm == "claimed" || T(k).norm == "stated")) {
      // "the interior ministry said", ", police said.", "a local rights group, Haki Watch, said"
      uint32_t b = k;
      int commas = 0;
      while (b > begin_ && k - b < 10) {
        const Token& t = T(b - 1);
        if (t.norm == "," && commas < 2 && b < k && IsNameWord(b) && b - 1 > begin_ &&
            (commas == 1 || (b + 1 < k && T(k - 1).norm == ","))) {
          // An apposition: step over the comma to the noun phrase it renames.
          ++commas;
          --b;
          continue;
        }
        if (t.norm == "," && b == k && k > begin_ + 1 && IsNameWord(k - 2)) {
          ++commas;
          --b;
          continue;
        }
        if (t.norm == "'" && b - 1 > begin_ && T(b - 2).norm.back() == 's') {  // "Teachers' Union"
          --b;
          continue;
        }
        if (IsPunct(t) || t.kind == TokenKind::kNumber) break;
        if (slots_[b - 1 - begin_].in_date && !t.HasFlag(tokens::kCapitalized)) break;
        if (IsAny(t, WORDS("and", "that", "which", "who", "it", "they", "he", "she", "we", "i")) && b == k) break;
        if (IsAny(t, WORDS("and", "that", "which", "who", "on", "in", "at", "had", "has", "have"))) break;
        --b;
      }
      if (b < k) {
        // Trim leading "The" is kept: "the interior ministry said".
        return Span{T(b).span.begin, T(k).span.end};
      }
      // "said police": the speaker after the verb.
      if (!In(k + 1) ||
          !(IsAny(T(k + 1), WORDS("the", "a", "an")) || NounStartingAt(k + 1) != kNone || IsNameWord(k + 1)))
        continue;
      uint32_t j = k + 1;
      while (j < end_ && j < k + 6 && !IsPunct(T(j)) && !IsAny(T(j), WORDS("that", "on", "in"))) ++j;
      if (j > k + 1) return Span{T(k).span.begin, T(j - 1).span.end};
    }
  }
  return std::nullopt;
}

void SentenceAssembler::Run() {
  const auto& tt = a_.triggers_.table();
  // 1. Choose triggers: at each token the longest match, no overlaps, none inside a date or a
  //    blocked phrase ("heart attack"). Same-span alternatives: the first entry in the file,
  //    except that an attributive participle before a person noun is a state ("jailed
  //    activists" -> CUSTODY).
  uint32_t covered = begin_;
  for (size_t i = 0; i < s_.triggers.size();) {
    const auto& m = s_.triggers[i];
    size_t j = i;
    size_t best = i;
    while (j < s_.triggers.size() && s_.triggers[j].begin_token == m.begin_token) {
      // Prefer a reading that needs no person ("attacks" the noun over the verb), then the
      // earlier line of the file.
      uint32_t ej = tt.phrases[s_.triggers[j].phrase].entry, eb = tt.phrases[s_.triggers[best].phrase].entry;
      bool pj = a_.trigger_info_[ej].needs_person, pb = a_.trigger_info_[eb].needs_person;
      if (pj < pb || (pj == pb && ej < eb)) best = j;
      ++j;
    }
    // "several arrests", "the arrest of", "no arrests": after a determiner or a number the
    // noun reading wins over the verb.
    if (m.begin_token > begin_) {
      const Token& prev = T(m.begin_token - 1);
      bool det = slots_[m.begin_token - 1 - begin_].qty_at_end != kNone ||
                 IsAny(prev, WORDS("the", "a", "an", "no", "his", "her", "their", "its", "several", "many", "mass",
                                   "multiple", "any", "further", "more", "new", "of", "recent", "illegal", "unjust",
                                   "arbitrary", "alleged", "violent", "peaceful", "'s"));
      // Also when nothing before it could be its subject or make it an infinitive: "a Houthi
      // attack", "an extensive arrest campaign".
      bool verbal =
          IsAny(prev,
                WORDS("to", "will", "would", "could", "can", "may", "might", "must", "should", "did", "not", "they",
                      "we", "i", "you", "who", "and", "or", "also", "police", "he", "she", "it", "that", "which")) ||
          NounEndingAt(m.begin_token - 1) != kNone || CueAt(m.begin_token - 1) == static_cast<int>(Cue::kAux) ||
          CueAt(m.begin_token - 1) == static_cast<int>(Cue::kAdverb) ||
          CueAt(m.begin_token - 1) == static_cast<int>(Cue::kNegation) ||
          (prev.kind == TokenKind::kWord && prev.HasFlag(tokens::kCapitalized) && !det && m.begin_token - 1 != begin_ &&
           tt.phrases[s_.triggers[best].phrase].form != lexicon::Form::kBase) ||
          slots_[m.begin_token - 1 - begin_].qty_at_end != kNone;
      if (slots_[m.begin_token - 1 - begin_].qty_at_end != kNone) verbal = !det;
      auto verb_form = tt.phrases[s_.triggers[best].phrase].form;
      bool base_like = verb_form == lexicon::Form::kBase || verb_form == lexicon::Form::kThird;
      if (det || (!verbal && base_like)) {
        for (size_t k = i; k < j; ++k) {
          auto f = tt.phrases[s_.triggers[k].phrase].form;
          if (f == lexicon::Form::kSingular || f == lexicon::Form::kPlural) {
            best = k;
            break;
          }
        }
      }
    }
    i = j;
    if (m.begin_token < covered) continue;
    bool bad = false;
    for (uint32_t k = m.begin_token; k < m.end_token; ++k)
      if (slots_[k - begin_].in_date || slots_[k - begin_].blocked) bad = true;
    if (bad) continue;
    const auto& ph = tt.phrases[s_.triggers[best].phrase];
    Trig t{m.begin_token, m.end_token, a_.trigger_info_[ph.entry], ph.form};
    // "the arrested", "the injured", "the dead": people, not a new event.
    if ((ph.form == lexicon::Form::kPastOrParticiple || ph.form == lexicon::Form::kParticiple) &&
        m.end_token == m.begin_token + 1 && m.begin_token > begin_ && T(m.begin_token - 1).norm == "the" &&
        (!In(m.end_token) || IsPunct(T(m.end_token)) || CueAt(m.end_token) == static_cast<int>(Cue::kAux) ||
         IsAny(T(m.end_token), WORDS("and", "were", "was", "in", "from"))))
      continue;
    // Patient "noun": the word is an event as a noun only ("a strike"); as the verb it is not
    // ("used a bat to strike the clerk", "stray bullet strikes girl", "the clock strikes twelve").
    // A single word that could be the verb: after "to", a modal or a subject pronoun, or before
    // an object, and after no determiner or noun modifier.
    if (t.info.noun_only && m.end_token == m.begin_token + 1 &&
        (ph.form == lexicon::Form::kSingular || ph.form == lexicon::Form::kPlural)) {
      const bool noun_before =
          m.begin_token > begin_ &&
          IsAny(T(m.begin_token - 1), WORDS("a", "an", "the", "this", "that", "their", "its", "his", "her", "our",
                                            "general", "nationwide", "indefinite", "hunger", "token", "partial", "day",
                                            "strike", "sit-down", "wildcat", "planned", "ongoing", "current"));
      const bool verb_before =
          m.begin_token > begin_ &&
          IsAny(T(m.begin_token - 1), WORDS("to", "can", "could", "will", "would", "may", "might", "should", "must",
                                            "and", "he", "she", "they", "it", "we", "i", "who", "which"));
      const bool object_after =
          In(m.end_token) &&
          (T(m.end_token).kind == TokenKind::kNumber || slots_[m.end_token - begin_].qty_at_begin != kNone ||
           IsAny(T(m.end_token), WORDS("the", "a", "an", "one", "his", "her", "their", "him", "them", "its", "terror",
                                       "fear", "twelve", "midnight")));
      if (!noun_before && (verb_before || object_after)) continue;
    }
    // "fine" the noun is a penalty ("were given fines", "a heavy fine"); the adjective is not
    // ("the weather was fine", "a fine line", "a fine drizzle"). A single "fine" must follow a
    // determiner or a size word and end its noun phrase.
    if (t.info.type == EventType::kSentence && m.end_token == m.begin_token + 1 && T(m.begin_token).norm == "fine") {
      const bool det = m.begin_token > begin_ &&
                       (IsAny(T(m.begin_token - 1), WORDS("a", "the", "heavy", "hefty", "small", "large", "stiff",
                                                          "nominal", "token", "cash", "spot", "his", "her", "their")) ||
                        slots_[m.begin_token - 1 - begin_].qty_at_end != kNone);
      const bool ends =
          !In(m.end_token) || IsPunct(T(m.end_token)) ||
          IsAny(T(m.end_token), WORDS("of", "for", "and", "or", "each", "to", "on", "from", "by", "in", "after", "was",
                                      "were", "is", "are", "has", "had", "but", "amounting", "worth"));
      if (!det || !ends) continue;
    }
    if (t.info.needs_hospital) {
      // "taken to Kelmora General Hospital", "airlifted to St. Vell's Medical Center": the name of
      // a hospital follows (the trigger's span takes it in); "taken to jail" is no injury.
      uint32_t e = m.end_token;
      while (e < end_ && e < m.end_token + 7 &&
             ((T(e).kind == TokenKind::kWord && T(e).HasFlag(tokens::kCapitalized)) || T(e).norm == "'s" ||
              (T(e).norm == "." && !T(e).HasFlag(tokens::kSpaceBefore))))
        ++e;
      const bool hospital = e > m.end_token && (T(e - 1).norm == "hospital" ||
                                                (e > m.end_token + 1 && IsAny(T(e - 1), WORDS("center", "centre")) &&
                                                 IsAny(T(e - 2), WORDS("medical", "trauma", "health"))));
      if (!hospital) continue;
      t.e = e;
    }
    if (t.info.needs_road) {
      // A number or a determiner before "block"/"barricade" makes it the noun: "in the 1300
      // block of Larchmont Avenue" (a US street address), "a block away", "two blocks south".
      if ((ph.form == lexicon::Form::kBase || ph.form == lexicon::Form::kThird) && m.begin_token > begin_) {
        const uint32_t p = m.begin_token - 1;
        if (T(p).kind == TokenKind::kNumber || slots_[p - begin_].qty_at_end != kNone ||
            IsAny(T(p), WORDS("a", "an", "the", "each", "every", "per", "this", "that", "city", "several", "few")))
          continue;
      }
      bool road = false;
      for (uint32_t k = m.end_token; k < end_ && k < m.end_token + 5 && !road; ++k)
        road = IsAny(T(k), WORDS("road", "roads", "street", "streets", "highway", "highways", "avenue", "railway",
                                 "railways", "junction", "bridge", "entrance", "entrances", "access", "route", "routes",
                                 "intersection", "traffic", "motorway", "expressway", "crossing", "border", "port",
                                 "gate", "gates", "path", "way", "rail", "tracks", "lanes", "thoroughfare"));
      if (!road) continue;
    }
    if (t.info.needs_purpose && !ProtestPurposeAfter(m.end_token)) continue;
    // A capitalized trigger inside a name ("March Street", "Strike Team", "Protest Park").
    {
      const Token& first = T(m.begin_token);
      bool caps = first.HasFlag(tokens::kCapitalized) && !(first.flags & tokens::kAllCaps);
      bool initial = m.begin_token == begin_ || T(m.begin_token - 1).kind == TokenKind::kPunct;
      bool name_next =
          In(m.end_token) && T(m.end_token).HasFlag(tokens::kCapitalized) && T(m.end_token).kind == TokenKind::kWord;
      bool name_prev = !initial && T(m.begin_token - 1).HasFlag(tokens::kCapitalized) &&
                       T(m.begin_token - 1).kind == TokenKind::kWord;
      if (caps && !initial && (name_next || name_prev)) continue;
      if (caps && initial && name_next && !(T(m.end_token).flags & tokens::kAllCaps)) {
        // "March Street crime scene" unless the whole line is in title case (a headline).
        bool title = true;
        for (uint32_t k = begin_; k < end_ && k < begin_ + 6; ++k)
          if (T(k).kind == TokenKind::kWord && !T(k).HasFlag(tokens::kCapitalized)) title = false;
        if (!title) continue;
      }
    }
    // Acquittals stated around their object: "found (Dana Kelm) not guilty", "cleared (the two
    // editors) of all charges". "not guilty" and "of all charges" are acquittals only after such
    // a verb, in the clause: not "pleaded not guilty", "he is not guilty", "convicted of all
    // charges".
    if (t.info.type == EventType::kAcquit &&
        (T(m.begin_token).norm == "of" || (T(m.begin_token).norm == "not" && m.end_token == m.begin_token + 2))) {
      const bool of = T(m.begin_token).norm == "of";
      bool verdict = false;
      for (uint32_t k = m.begin_token; k > begin_ && m.begin_token - k < 7 && !IsPunct(T(k - 1)) && !verdict; --k)
        verdict = of ? IsAny(T(k - 1), WORDS("cleared", "clears", "clearing"))
                     : IsAny(T(k - 1), WORDS("found", "finds", "finding", "declared", "declares", "ruled"));
      if (!verdict) continue;
    }
    // An attack whose object is a freedom, a right, a law or a website is no violence against
    // people ("an attack on the freedom of the press", "the decree attacks the rights of workers",
    // "an attack on the website"); nor is a pest's ("an armyworm attack").
    if (t.info.type == EventType::kAssault && t.info.mode == "attack" && AttackOnAThing(m.begin_token, m.end_token))
      continue;
    // A capitalized "March"/"Rally" inside a name is not an event; nor a month.
    trigs_.push_back(t);
    covered = t.e;
  }
  // "set three trucks on fire", "a school was set on fire": arson, the verb apart from its "on
  // fire" (a blocked phrase: no shooting). What stands between is what burned, and no person:
  // "set him on fire" is violence, not arson; "was set on fire" takes a subject that is no
  // person, as a passive of the patient "property" does.
  // PERF: asked of the blocked phrases only (a scan of every token was 0.5% of coding).
  for (const auto& m : s_.cues) {
    const uint32_t k = m.begin_token;
    if (m.end_token != k + 2 || k == begin_ || T(k).norm != "on" || T(k + 1).norm != "fire" ||
        a_.cue_info_[a_.cues_.table().phrases[m.phrase].entry] != Cue::kBlock)
      continue;
    uint32_t j = k;
    bool found = false;
    while (j > begin_ && k - j < 7 && !found) {
      --j;
      if (PhraseBreak(j)) break;
      found = IsAny(T(j), WORDS("set", "sets", "setting"));
    }
    if (!found) continue;
    bool overlaps = false;
    for (const auto& t : trigs_) overlaps |= t.b < k + 2 && j < t.e;
    if (overlaps) continue;
    Trig t{j, k + 2, {EventType::kDestroy, "arson", Role::kNone}, lexicon::Form::kLiteral};
    bool person = false;
    for (uint32_t q = j + 1; q < k && !person; ++q)
      person = IsAny(T(q), WORDS("him", "her", "them", "himself", "herself", "themselves", "man", "woman")) ||
               (NounEndingAt(q) != kNone && Noun(NounEndingAt(q)).person && q + 1 == k);
    if (person || (j + 1 == k && !ActsOnProperty(Trig{j, j + 1, t.info, lexicon::Form::kPastOrParticiple}, true)))
      continue;
    trigs_.push_back(t);
  }
  // Participant nouns with a number make a protest even without a protest verb.
  for (size_t i = 0; i < s_.nouns.size(); ++i) {
    const auto& m = s_.nouns[i];
    const auto& ni = Noun(static_cast<int>(i));
    if (ni.sector != Sector::kProtesters || !ni.person) continue;
    // With or without a number: "some 3,000 marchers", "a clash between demonstrators and
    // police" both report a protest.
    bool overlaps = false;
    for (const auto& t : trigs_)
      if (t.b < m.end_token && m.begin_token < t.e) overlaps = true;
    if (overlaps) continue;
    Trig t{m.begin_token,
           m.end_token,
           {EventType::kProtest, "demonstration", Role::kParticipants},
           lexicon::Form::kPlural};
    t.from_protester_noun = true;
    trigs_.push_back(t);
  }
  std::sort(trigs_.begin(), trigs_.end(), [](const Trig& x, const Trig& y) { return x.b < y.b; });
  for (size_t i = 0; i < trigs_.size(); ++i)
    for (uint32_t k = trigs_[i].b; k < trigs_[i].e; ++k) slots_[k - begin_].trig_at = static_cast<int>(i);

  const auto& sent = doc_.text->sentences[s_.index];
  std::optional<Span> source = Source();
  // "Of those, 312 were charged and 64 remain in detention": every count here is a part.
  bool partitive_sentence = In(begin_ + 1) && IsAny(T(begin_), WORDS("of", "among")) &&
                            IsAny(T(begin_ + 1), WORDS("those", "them", "these", "whom"));
  size_t first_event = out_->size();

  for (size_t i = 0; i < trigs_.size(); ++i) {
    Trig& t = trigs_[i];
    Role role = t.info.role;
    // "beaten to death", "fatally shot", "mortally wounded": a death.
    if (In(t.e + 1) && T(t.e).norm == "to" && T(t.e + 1).norm == "death" && t.info.type == EventType::kAssault)
      role = Role::kKilled;
    if (t.info.type == EventType::kAssault && t.b > begin_ && IsAny(T(t.b - 1), WORDS("fatally", "mortally")))
      role = Role::kKilled;
    if (t.info.type == EventType::kAssault && In(t.e) && IsAny(T(t.e), WORDS("fatally", "mortally")))
      role = Role::kKilled;
    // "the fatal shooting of a 13-year-old", "a deadly stabbing": its people died.
    // PERF: the modifiers are counted only when "fatal" or "deadly" stands within four words.
    if (t.info.type == EventType::kAssault && role == Role::kInjured) {
      for (uint32_t j = t.b; j > begin_ && t.b - j < 4; --j) {
        if (!IsAny(T(j - 1), WORDS("fatal", "deadly"))) continue;
        if (t.b - (j - 1) <= ModifiersAfterDeterminer(t.b)) role = Role::kKilled;
        break;
      }
    }
    EventType type = t.info.type;
    std::string_view mode = t.info.mode;
    // "sentenced 23 people to death": a death sentence, which has no count role. The same for a
    // penalty that sends nobody to jail ("sentenced to community service", "to two years of
    // probation", "to a suspended term") and a fine ("sentenced to a fine": fined): the verb takes
    // the penalty named after its "to", within the clause.
    if (t.info.type == EventType::kSentence && mode.empty()) {
      bool after_to = false;
      for (uint32_t k = t.e; k + 1 < end_ && k < t.e + 8; ++k) {
        if (IsPunct(T(k)) || IsAny(T(k), WORDS("and", "or", "but", "while", "whereas"))) break;
        if (T(k).norm == "to") after_to = true;
        if (!after_to) continue;
        if (T(k).norm == "to" && T(k + 1).norm == "death") {
          mode = "death";
          role = Role::kNone;
          break;
        }
        if (T(k).norm == "probation") {
          role = Role::kNone;
          break;
        }
        const int j = slots_[k - begin_].trig_at;
        if (j < 0 || static_cast<size_t>(j) <= i || trigs_[j].info.type != EventType::kSentence) continue;
        const std::string_view m = trigs_[j].info.mode;
        if (m == "community_service" || m == "suspended" || m == "fine") {
          mode = m;
          role = trigs_[j].info.role;
        }
        break;
      }
    }
    // "suspended two-year prison terms", "two years in prison, suspended for three years": a
    // suspended term sends nobody to jail.
    if (type == EventType::kSentence && (mode == "jail" || (mode.empty() && role == Role::kJailed))) {
      bool suspended = false;
      for (uint32_t k = t.b; k > begin_ && t.b - k < 5 && !suspended; --k) {
        const uint32_t q = k - 1;
        if (T(q).norm == "suspended") suspended = true;
        else if (!(slots_[q - begin_].non_count || T(q).norm == "-" || T(q).kind == TokenKind::kNumber)) break;
      }
      for (uint32_t k = t.e; k < end_ && k < t.e + 10 && !suspended; ++k) {
        if (IsAny(T(k), WORDS(".", ";", "and", "but", "while"))) break;
        if (slots_[k - begin_].trig_at != kNone && trigs_[slots_[k - begin_].trig_at].info.type == EventType::kSentence &&
            !trigs_[slots_[k - begin_].trig_at].info.mode.empty() && trigs_[slots_[k - begin_].trig_at].info.mode != "jail")
          break;  // another penalty: "jailed two and gave three suspended terms"
        if (T(k).norm == "suspended") suspended = true;
      }
      if (suspended) {
        mode = "suspended";
        role = Role::kNone;
      }
    }
    // "14 jailed activists", "imprisoned relatives": an attributive participle is a state.
    if ((type == EventType::kSentence || type == EventType::kArrest) &&
        (t.form == lexicon::Form::kPastOrParticiple || t.form == lexicon::Form::kLiteral) && In(t.e)) {
      uint32_t k = t.e;
      // A number after it is the object's: "warned nine others" (active).
      while (In(k) && k < t.e + 2 && NounStartingAt(k) == kNone && T(k).kind == TokenKind::kWord && CueAt(k) == kNone &&
             slots_[k - begin_].qty_at_begin == kNone)
        ++k;
      int n = NounStartingAt(k);
      // Only where a noun phrase starts: "14 jailed activists", "their imprisoned relatives",
      // not "the judge fined a second defendant".
      bool np_start = t.b == begin_ || slots_[t.b - 1 - begin_].qty_at_end != kNone ||
                      IsAny(T(t.b - 1), WORDS("the", "their", "his", "her", "its", "of", "and", ",", "for", "with"));
      bool determiner_between = false;
      for (uint32_t j = t.e; j < k; ++j)
        if (IsAny(T(j), WORDS("a", "an", "the", "his", "her", "their", "its"))) determiner_between = true;
      if (n != kNone && Noun(n).person && np_start && !determiner_between &&
          (type == EventType::kSentence || T(t.b).norm == "imprisoned")) {
        type = EventType::kCustody;
        mode = {};
        role = Role::kDetained;
      }
    }
    // "relatives of people imprisoned in Donbas": a participle after its noun is a state too.
    // Not an active verb with its object: "The judge jailed four men".
    if (type == EventType::kSentence && mode == "jail" && t.b > begin_ && IsPersonNounEnd(t.b - 1) &&
        (t.form == lexicon::Form::kPastOrParticiple || t.form == lexicon::Form::kLiteral) &&
        !(In(t.e) && (IsAny(T(t.e), WORDS("for", "to", "a", "an", "the", "his", "her", "their", "him", "them")) ||
                      slots_[t.e - begin_].qty_at_begin != kNone || IsPersonNounStart(t.e)))) {
      type = EventType::kCustody;
      mode = {};
      role = Role::kNone;
    }
    bool passive = IsPassive(t);
    EventStatus status = StatusOf(t, i);

    std::optional<NpCount> np;
    bool is_noun = t.form == lexicon::Form::kSingular || t.form == lexicon::Form::kPlural;
    if (role != Role::kNone) {
      if (is_noun) {
        // "15 arrests", "two deaths", "3,000 marchers" count people; "two shootings", "12
        // attacks", "three protests" count events, so a number before them is no count.
        // "two warnings", "three charges", "two convictions" count sanctions, not people.
        bool counts_people =
            type != EventType::kProtest && type != EventType::kSentence && type != EventType::kCharge &&
            type != EventType::kConvict &&
            !(type == EventType::kAssault && !mode.empty() && mode != "killing" && mode != "execution");
        if (t.info.type == EventType::kProtest && t.from_protester_noun) counts_people = true;
        // "handed all four suspended sentences", "gave 12 protesters fines": the recipients.
        if (type == EventType::kSentence && t.b > begin_ + 1) {
          for (uint32_t k = t.b - 1; k > begin_ && t.b - k < 5; --k)
            if (IsAny(T(k - 1), WORDS("handed", "gave", "given", "issued", "awarded", "handing", "giving"))) {
              counts_people = true;
              break;
            }
        }
        // "four murder suspects", "five homicide cases", "two murder counts": the number counts the
        // noun the event noun modifies, not victims.
        if (In(t.e) && IsAny(T(t.e), WORDS("suspect", "suspects", "defendants", "cases", "investigations", "charges",
                                           "counts", "trials", "scenes", "calls", "warrants", "convictions")))
          counts_people = false;
        if (t.b > begin_ && counts_people) {
          uint32_t p = t.b - 1;
          if (slots_[p - begin_].qty_at_end != kNone)
            np = NpEndingAt(p, role, true);
          else if (p > begin_ && T(p).kind == TokenKind::kWord && slots_[p - 1 - begin_].qty_at_end != kNone &&
                   CueAt(p) == kNone)
            np = NpEndingAt(p - 1, role, true);
          else if (p > begin_ && T(p).norm == "of" && slots_[p - 1 - begin_].qty_at_end != kNone)
            np = NpEndingAt(p - 1, role, true);  // "hundreds of protesters"
        }
        // "the arrest of 5 activists", "a rally of 300 people", "a sit-in held by at least 9 women"
        if (!np) {
          uint32_t k = t.e;
          if (In(k) && IsAny(T(k), WORDS("held", "staged", "organised", "organized", "attended", "joined", "led")) &&
              In(k + 1) && T(k + 1).norm == "by")
            k += 2;
          // "clashes with 200 protesters", "a shootout with two suspects": the other side of an
          // assault, not its victims; "a drive-by shooting by two gunmen": its authors.
          else if (In(k) && type == EventType::kAssault && (T(k).norm == "with" || T(k).norm == "by"))
            k = end_;
          else if (In(k) && IsAny(T(k), WORDS("of", "by", "involving", "with", "comprising", "to", "for", "against")))
            k += 1;
          else if (In(k) && type == EventType::kSentence && IsAny(T(k), WORDS("on", "upon")))
            k += 1;  // "imposed fines on 17 demonstrators", "jail terms on six activists"
          else if (In(k + 1) && IsAny(T(k), WORDS("toll")))
            k += 1;
          else
            k = end_;
          if (In(k) && k != end_) {
            // death toll rose to 9
            if (t.info.role == Role::kKilled && T(t.b).norm == "death" && t.e > t.b + 1) {
              for (uint32_t j = k; j < end_ && j < k + 6; ++j)
                if (slots_[j - begin_].qty_at_begin != kNone) {
                  np = NpStartingAt(j, role);
                  break;
                }
            } else {
              np = NpStartingAt(k, role);
              // "the shooting death of 20-year-old Nila Dorn": an age, then the name.
              if (!np && CountsIndividuals(role) && slots_[k - begin_].non_count) np = AgeAndName(k, role);
            }
          }
        }
        // "The cousin was under arrest", "placed the driver under arrest", "have made an arrest":
        // the arrested around the noun; "an arrest" made is one person (one still to make counts
        // nobody).
        if (!np && type == EventType::kArrest && t.e == t.b + 1 && T(t.b).norm == "arrest" && t.b > begin_ + 1) {
          const uint32_t p = t.b - 1;
          if (T(p).norm == "under") {
            if (IsAny(T(p - 1), WORDS("was", "were", "is", "are", "been", "be", "being"))) {
              np = SubjectBefore(p, role);
            } else if (auto object = NpEndingAt(p - 1, role, /*allow_bare=*/false);
                       object && object->np_begin > begin_ && IsTakeOrPlace(T(object->np_begin - 1))) {
              np = object;
            }
          } else if (IsAny(T(p), WORDS("an", "a")) && T(p - 1).norm == "made") {  // not "working to make an arrest"
            NpCount one;
            one.count = One(role, Span{T(p).span.begin, T(t.b).span.end}, p);
            one.np_begin = p;
            one.np_end = t.e;
            np = one;
          }
        }
        if (!np && t.e == t.b + 2 && T(t.b).norm == "death" && IsAny(T(t.b + 1), WORDS("toll", "tolls"))) {
          // "The death toll from three days of rioting in Kellmar rose to nine"
          for (uint32_t j = t.e; j < end_ && j < t.e + 16; ++j)
            if (slots_[j - begin_].qty_at_begin != kNone && j > begin_ &&
                IsAny(T(j - 1),
                      WORDS("to", "at", "reached", "hit", "of", "is", "was", "stands", "stood", "rose", "climbed"))) {
              np = NpStartingAt(j, role);
              break;
            }
        }
        if (!np && In(t.e + 1) && T(t.b).norm == "death" && T(t.e).norm == "toll") {
          for (uint32_t j = t.e + 1; j < end_ && j < t.e + 7; ++j)
            if (slots_[j - begin_].qty_at_begin != kNone) {
              np = NpStartingAt(j, role);
              break;
            }
        }
        // "two men suffered non-life threatening injuries", "found a man with multiple gunshot
        // wounds": the people who have the injuries.
        if (!np && role == Role::kInjured) {
          for (uint32_t j = t.b; j > begin_ && t.b - j < 6;) {
            --j;
            if (IsAny(T(j),
                      WORDS("suffered", "sustained", "suffering", "sustaining", "received", "suffers", "sustains"))) {
              np = SubjectBefore(j, role);
              break;
            }
            if (T(j).norm == "with" && j > begin_) {
              np = NpEndingAt(j - 1, role, false);
              break;
            }
            if (T(j).kind != TokenKind::kWord && T(j).norm != "-") break;
          }
        }
        // "Nineteen were sentenced, 11 to prison terms and eight to fines": the number before
        // "to" in a list after a sentence.
        if (!np && type == EventType::kSentence && t.b >= begin_ + 3 && T(t.b - 1).norm == "to" &&
            slots_[t.b - 2 - begin_].qty_at_end != kNone) {
          const uint32_t qb = s_.quantities[slots_[t.b - 2 - begin_].qty_at_end].begin_token;
          if (qb > begin_ && IsAny(T(qb - 1), WORDS(",", "and", ":", ";")))
            np = NpEndingAt(t.b - 2, role, /*allow_bare=*/true);
        }
        // "71 received warnings", "were handed fines"
        if (!np && t.b > begin_ + 1) {
          // ... also over a penalty's modifiers: "were given 10-day jail terms", "received a
          // five-year prison sentence"; "given", "handed" and "issued" only in the passive (the
          // subject of "issued a warning to gun owners" gives it).
          uint32_t k = t.b - 1;
          while (type == EventType::kSentence && k > begin_ + 1 && t.b - k < 6 &&
                 (slots_[k - begin_].non_count || T(k).norm == "-" ||
                  IsAny(T(k), WORDS("a", "an", "with", "heavy", "hefty", "long", "lengthy", "short", "suspended",
                                    "prison", "jail", "administrative", "harsh", "stiff", "minor", "small", "large",
                                    "further", "additional", "official", "formal", "written", "verbal", "final"))))
            --k;
          if (k != t.b - 1 && slots_[k - begin_].trig_at != kNone && trigs_[slots_[k - begin_].trig_at].b <= k &&
              trigs_[slots_[k - begin_].trig_at].e > k)
            k = t.b - 1;  // another event between
          const bool passive_giving = IsAny(T(k), WORDS("given", "handed", "issued")) &&
                                      (k == t.b - 1 || IsAny(T(k - 1), WORDS("was", "were", "been", "being", "is",
                                                                             "are", "be", "later", "also")));
          if (passive_giving || IsAny(T(k), WORDS("received", "got", "receive", "get")))
            np = SubjectBefore(k, role);
        }
      } else if (SubjectRoleTrigger(type, mode, t.form) || passive || t.info.subject) {
        np = SubjectBefore(t.b, role);
        // "released 14 of the 20 people detained at the rally": a participle right after
        // "N of the M <people>" tells what befell the M.
        if (np && passive && t.form == lexicon::Form::kPastOrParticiple && np->np_end == t.b &&
            IsPersonNounEnd(t.b - 1)) {
          for (uint32_t j = np->np_begin; j + 2 < t.b; ++j)
            if (slots_[j - begin_].qty_at_end != kNone && T(j + 1).norm == "of" && T(j + 2).norm == "the" && In(j + 3) &&
                slots_[j + 3 - begin_].qty_at_begin != kNone) {
              const auto& set = s_.quantities[slots_[j + 3 - begin_].qty_at_begin];
              np->count = FromQuantity(set, role);
              np->count.span = Span{set.span.begin, T(t.b - 1).span.end};
              np->np_begin = set.begin_token;
              np->partitive = false;
              break;
            }
        }
      } else {
        np = ObjectAfter(t.e, role);
        // "the fatal shooting of a 13-year-old", "a brutal stabbing of": the verb's -ing form
        // after a determiner and modifiers reads as the noun, whose "of" names its people.
        if (!np && t.form == lexicon::Form::kGerund && In(t.e + 1) && T(t.e).norm == "of" &&
            ModifiersAfterDeterminer(t.b) > 0)
          np = NpStartingAt(t.e + 1, role);
        // "shot four cyclists to death", "stabbed his neighbour to death": the object died.
        if (np && type == EventType::kAssault && np->count.role == Role::kInjured) {
          uint32_t j = t.e;
          while (In(j) && T(j).span.begin < np->count.span.end) ++j;
          if (In(j + 1) && T(j).norm == "to" && T(j + 1).norm == "death") np->count.role = Role::kKilled;
        }
      }
    }
    if (!np && type == EventType::kProtest && role == Role::kParticipants) np = ProtestGroup(t);
    // "Four strikers were ordered to pay fines": the subject of the order.
    if (!np && type == EventType::kSentence && role != Role::kNone && status == EventStatus::kHappened &&
        t.b >= begin_ + 3 && T(t.b - 1).norm == "to" && IsAny(T(t.b - 2), WORDS("ordered", "sentenced")))
      np = SubjectBefore(t.b - 2, role);
    // "Four people were arrested on Monday and charged with rioting", "Twelve protesters were
    // detained by police and later released": a participle coordinated with an earlier passive
    // verb shares its subject.
    if (!np && role != Role::kNone &&
        (t.form == lexicon::Form::kPastOrParticiple ||
         (t.form == lexicon::Form::kLiteral && t.e == t.b + 1 && T(t.b).norm.ends_with("ed")))) {
      if (auto shared = CoordinatedSubject(t, role)) {
        np = shared;
        passive = true;
      }
    }
    // "a dead man was found", "three handcuffed dead women", "two injured policemen"
    if (!np && type == EventType::kAssault && (role == Role::kKilled || role == Role::kInjured) &&
        IsAny(T(t.b), WORDS("dead", "injured", "wounded")) && t.e == t.b + 1) {
      int n = NounStartingAt(t.e);
      if (n != kNone && Noun(n).person)
        for (uint32_t j = t.b; j > begin_ && t.b - j < 4;) {
          --j;
          if (slots_[j - begin_].qty_at_begin != kNone || IsAny(T(j), WORDS("a", "an", "one"))) {
            np = NpStartingAt(j, role);
            break;
          }
          if (T(j).kind != TokenKind::kWord) break;
        }
    }
    // Death and injury words without a violent verb ("honor the dead", "injuries") say
    // something only with the number of people they concern; deaths from a disease or an
    // accident ("eight people died of the disease") are no assault.
    if (!np && type == EventType::kAssault && mode.empty() && !HeadlinePerson(t.b)) continue;
    if (type == EventType::kAssault && mode.empty() && NonviolentCauseAfter(t.e)) continue;
    if (type == EventType::kRelease && MedicalRelease(t)) continue;
    if (type == EventType::kAssault && KillingStatistic(t)) continue;
    if (t.info.needs_property && !ActsOnProperty(t, passive)) continue;
    if (t.info.needs_force && !MovesAForce(t, passive)) continue;
    if (t.info.needs_imposer && !Imposed(t)) continue;
    if (t.info.needs_giver && !Given(t)) continue;
    if (t.info.needs_person && passive && SubjectIsAPicture(t.b)) continue;
    // "picked up" is an arrest by the authorities ("Police picked up 12 students", "was picked
    // up on Wednesday"), not "a grandmother picked up her grandson", "picked up by passing cyclists".
    if (type == EventType::kArrest && IsAny(T(t.b), WORDS("picked", "pick", "picks", "picking"))) {
      const auto actor = ActorOf(t, passive);
      const bool authority = actor && (actor->sector == Sector::kPolice || actor->sector == Sector::kMilitary ||
                                       actor->sector == Sector::kGovernment || actor->sector == Sector::kJudiciary);
      if (passive ? actor && !authority : !authority) continue;
    }
    // "released a suspect sketch", "released the victims' names": a picture or a name of
    // people, no people.
    if (t.info.needs_person && !passive && ObjectIsAPicture(t.e)) continue;
    // Triggers that need a person to act on ("released a statement" is no release).
    if (t.info.needs_person && !np && !passive) {
      // Accept a person noun or pronoun object without a number: "released the detainees".
      bool person = false;
      // Violence: any lowercase plural object ("beat DPP monitors"), not a team ("beat Kessel
      // Rovers 3-1").
      if (type == EventType::kAssault)
        for (uint32_t k = t.e; k < t.e + 3 && In(k); ++k)
          if (T(k).kind == TokenKind::kWord && !T(k).HasFlag(tokens::kCapitalized) && T(k).norm.size() > 3 &&
              T(k).norm.back() == 's' && CueAt(k) == kNone)
            person = true;
      for (uint32_t k = t.e; k < t.e + 4 && In(k); ++k) {
        int n = NounStartingAt(k);
        // "locals warned the police": a warning to the authorities is no sanction.
        if (type == EventType::kSentence && n != kNone &&
            (Noun(n).sector == Sector::kPolice || Noun(n).sector == Sector::kMilitary ||
             Noun(n).sector == Sector::kGovernment || Noun(n).sector == Sector::kJudiciary))
          break;
        if ((n != kNone && (Noun(n).person || Noun(n).sector != Sector::kUnknown)) ||
            IsAny(T(k), WORDS("him", "her", "them", "all", "those"))) {
          person = true;
          break;
        }
        if (IsPunct(T(k))) break;
      }
      if (!person) continue;
    }
    if (t.info.needs_person && passive && !np && type != EventType::kAssault) {
      // "were released": a subject person is needed but may be unnumbered ("the detainees").
      bool person = false;
      for (uint32_t k = t.b; k > begin_ && t.b - k < 6; --k)
        if (IsPersonNounEnd(k - 1) || IsPeopleQuantifier(T(k - 1)) ||
            IsAny(T(k - 1), WORDS("he", "she", "they", "who", "rest", "remaining", "those"))) {
          person = true;
          break;
        }
      if (!person) continue;
    }

    // Merge a count-less trigger into an earlier event of the same type in this sentence.
    if (!np) {
      bool merged = false;
      for (size_t e = first_event; e < out_->size(); ++e) {
        Event& ev = (*out_)[e];
        if (ev.type == type && ev.status == status) {
          // "fired tear gas", "killed ... in clashes": the specific form of violence names the mode.
          if (ev.mode.empty() || (type == EventType::kAssault && !mode.empty() &&
                                  (mode == "crowd_control" || ev.mode == "killing" || ev.mode == "attack")))
            ev.mode = mode;
          merged = true;
          break;
        }
      }
      if (merged) continue;
    } else {
      // An event of the same type earlier in the sentence without a count of this role takes
      // it: "opened fire, killing two and injuring 37" is one assault.
      bool merged = false;
      for (size_t e = first_event; e < out_->size(); ++e) {
        Event& ev = (*out_)[e];
        // "A man was shot and wounded": both verbs count the same words; one assault.
        bool same_words = std::any_of(ev.counts.begin(), ev.counts.end(), [&](const Count& c) {
          return c.role == np->count.role && c.span.begin == np->count.span.begin && c.span.end == np->count.span.end;
        });
        if (ev.type == type && ev.status == status && same_words) {
          t.event = static_cast<int>(e);
          merged = true;
          break;
        }
        bool has_role =
            std::any_of(ev.counts.begin(), ev.counts.end(), [&](const Count& c) { return c.role == np->count.role; });
        if (ev.type == type && ev.status == status && !has_role && !ev.inferred &&
            (ev.counts.empty() || type == EventType::kAssault)) {
          ev.counts.push_back(np->count);
          if (!ev.target && np->who) ev.target = np->who;
          t.event = static_cast<int>(e);
          merged = true;
          AddParts(*np, t, e);
          break;
        }
      }
      if (merged) continue;
    }

    Event ev;
    ev.type = type;
    ev.mode = mode;
    ev.status = status;
    ev.trigger = Span{T(t.b).span.begin, T(t.e - 1).span.end};
    ev.sentence = sent.span;
    ev.sentence_index = s_.index;
    ev.trigger_token = t.b;
    {
      // The actor stands before the counted group when the group precedes the trigger
      // ("Police took 15 people into custody").
      Trig from = t;
      if (np && np->np_begin < t.b && np->np_begin >= begin_) from.b = np->np_begin;
      ev.actor = ActorOf(from, passive);
    }
    if (np) {
      ev.counts.push_back(np->count);
      ev.target = np->who;
      if (type == EventType::kProtest) {
        // The people who protest are its actor, not its target.
        if (np->who) ev.actor = np->who;
        ev.target.reset();
      }
      if (np->partitive || partitive_sentence) ev.part_of = -2;  // resolved below
      // "5 prisoners and 2 guards were injured", "He and two friends were arrested": each
      // conjunct before the counted subject is counted too, never summed. Not a group an
      // earlier trigger acts on ("police arrested 5 men and 2 women were hurt").
      for (uint32_t b = np->np_begin, n = 0; np->np_end <= t.b && !np->partitive && n < 4 && b >= begin_ + 2; ++n) {
        // A list ends with "and" ("A, B and C", "A, B, and C"); a comma alone is an apposition
        // or an opening phrase ("The suspect, Brian Kelm, was ...", "Instead, he was ...").
        if (n == 0 ? T(b - 1).norm != "and" : !IsAny(T(b - 1), WORDS("and", ","))) break;
        uint32_t last = b - 2;
        if (n == 0 && T(last).norm == "," && last > begin_) --last;  // the serial comma
        auto c = NpEndingAt(last, role, /*allow_bare=*/true);
        // "A man and a woman were shot", "Aldo Varrick, 24, and Nila Dorn were charged": each
        // person counted (CoordinatedPersons), the first also before its age.
        if (n == 0 && !c && last > begin_ + 2 && AgeAppositionAt(last - 1)) c = NpEndingAt(last - 2, role, true);
        if (n == 0 && c && CoordinatedPersons(*c, *np)) {
          ev.counts.push_back(c->count);
          break;
        }
        if (!c || c->partitive || c->count.individual || np->count.individual || c->np_begin >= b - 1 ||
            c->np_begin < begin_)
          break;
        if (c->np_begin > begin_ && slots_[c->np_begin - 1 - begin_].trig_at != kNone) break;
        bool used = false;
        for (size_t e = first_event; e < out_->size(); ++e)
          for (const Count& x : (*out_)[e].counts) used |= x.quantity_token == c->count.quantity_token;
        if (used) break;
        ev.counts.push_back(c->count);
        b = c->np_begin;
      }
      // "arrested five men and two women", "killed his cousin and two others": the conjunct
      // after the counted object is counted too, never summed (not a verb: "killed two and
      // injured five" is two events; not after a comma: "shot his wife, Nila Dorn," is one
      // person named twice).
      if (np->np_begin >= t.e && !np->partitive) {
        uint32_t e = np->np_begin;
        while (In(e) && T(e).span.begin < np->count.span.end) ++e;
        // "arrested Aldo Varrick, 24, and Nila Dorn": past the age given with the first.
        if (In(e + 3) && AgeAppositionAt(e)) e += 3;
        if (In(e + 1) && T(e).norm == "and" && slots_[e + 1 - begin_].trig_at == kNone) {
          auto c = NpStartingAt(e + 1, role);
          bool used = false;
          for (size_t f = first_event; c && f < out_->size(); ++f)
            for (const Count& x : (*out_)[f].counts) used |= x.quantity_token == c->count.quantity_token;
          // One person after the counted group or person: as CoordinatedPersons (no victims' names).
          const bool ok = c && !c->partitive && !used &&
                          (!c->count.individual || !np->count.individual || CoordinatedPersons(*np, *c)) &&
                          !(c->count.individual && (role == Role::kKilled || role == Role::kInjured) &&
                            IsNameWord(c->np_begin));
          if (ok) ev.counts.push_back(c->count);
        }
      }
    }
    ev.source = source;
    ev.inferred = t.from_protester_noun && !np;
    t.event = static_cast<int>(out_->size());
    out_->push_back(std::move(ev));
    if (np) AddParts(*np, t, t.event);
  }

  // "Three protesters were arrested": the protesters' number belongs to the arrest; the noun
  // alone does not make a separate protest count.
  for (size_t e = out_->size(); e-- > first_event;) {
    Event& ev = (*out_)[e];
    bool drop = false;
    bool from_noun = false;
    for (const auto& t : trigs_)
      if (t.event == static_cast<int>(e) && t.from_protester_noun) from_noun = true;
    // Likewise "released 30 detainees": the detainees are the released, not a custody count.
    if (ev.type == EventType::kCustody && ev.counts.size() == 1) {
      for (const auto& t : trigs_)
        if (t.event == static_cast<int>(e) && t.form == lexicon::Form::kPlural) from_noun = true;
    }
    if ((ev.type == EventType::kProtest || ev.type == EventType::kCustody) && ev.counts.size() == 1 && from_noun) {
      for (size_t f = first_event; f < out_->size(); ++f)
        if (f != e && (ev.type == EventType::kProtest || (*out_)[f].type == EventType::kRelease))
          for (const auto& c : (*out_)[f].counts)
            if (c.quantity_token == ev.counts[0].quantity_token) drop = true;
    }
    if (drop) EraseEvent(e);
  }
  // A mob that attacks one person is a lynching, not a riot: "a mob beat and injured a thief".
  for (size_t e = out_->size(); e-- > first_event;) {
    Event& ev = (*out_)[e];
    if (ev.type != EventType::kProtest || !IsAny(T(ev.trigger_token), WORDS("mob", "mobs"))) continue;
    bool individual_victim = false;
    for (uint32_t k = ev.trigger_token + 1; k < end_ && !individual_victim; ++k) {
      int ti = slots_[k - begin_].trig_at;
      if (ti == kNone || trigs_[ti].info.type != EventType::kAssault || trigs_[ti].b != k) continue;
      for (uint32_t j = trigs_[ti].e; j < end_ && j < trigs_[ti].e + 3; ++j) {
        if (!IsAny(T(j), WORDS("a", "an"))) continue;
        for (uint32_t m = j + 1; m < end_ && m < j + 5; ++m) {
          int n = NounStartingAt(m);
          if (n != kNone && Noun(n).person && T(s_.nouns[n].end_token - 1).norm.back() != 's') individual_victim = true;
        }
      }
    }
    for (uint32_t k = begin_; k < end_; ++k)
      if (T(k).norm == "lynch" || T(k).norm == "lynching" || T(k).norm == "lynched") individual_victim = true;
    if (individual_victim) EraseEvent(e);
  }
  // The last numbered group of people here, for "they"/"them" in later sentences.
  for (size_t e = first_event; e < out_->size(); ++e)
    for (const auto& c : (*out_)[e].counts)
      if (!c.individual && c.value && *c.value >= 2 && (*out_)[e].part_of < static_cast<int>(first_event))
        new_group_ = c;

  // "Four people were shot, one fatally", "five were stabbed, two of them fatally": the number
  // before "fatally" died; the assault before it in the sentence gets that killed count.
  for (uint32_t k = begin_ + 1; k < end_; ++k) {
    const int q = slots_[k - begin_].qty_at_begin;
    if (q == kNone || !IsAny(T(k - 1), WORDS(",", "and"))) continue;
    const auto& qt = s_.quantities[q];
    uint32_t after = qt.end_token;
    if (In(after + 1) && T(after).norm == "of" && IsAny(T(after + 1), WORDS("them", "whom"))) after += 2;
    if (!In(after) || !IsAny(T(after), WORDS("fatally", "mortally"))) continue;
    if (In(after + 1) && slots_[after + 1 - begin_].trig_at != kNone) continue;  // "fatally shot" counts itself
    for (size_t e = first_event; e < out_->size(); ++e) {
      Event& ev = (*out_)[e];
      if (ev.type != EventType::kAssault || ev.status != EventStatus::kHappened || ev.trigger_token >= k ||
          std::any_of(ev.counts.begin(), ev.counts.end(), [](const Count& c) { return c.role == Role::kKilled; }))
        continue;
      Count c = FromQuantity(qt, Role::kKilled);
      c.span = Span{qt.span.begin, T(after).span.end};
      // The dead are some of those shot, who are killed only (as one person shot who died):
      // "Five people were shot, two of them fatally" hurt three. An exact number of dead is taken
      // from the number shot and its bounds ("at least 12 ..., one fatally": at least 11).
      if (c.value && c.low == c.value && c.high == c.value) {
        for (auto& hurt : ev.counts) {
          if (hurt.role != Role::kInjured || hurt.individual || !hurt.value || *hurt.value <= *c.value ||
              hurt.quantity_token >= k)
            continue;
          *hurt.value -= *c.value;
          if (hurt.low) *hurt.low -= *c.value;
          if (hurt.high) *hurt.high -= *c.value;
          break;
        }
      }
      ev.counts.push_back(c);
      break;
    }
  }
  // "five people dead and 17 wounded in separate shootings across Korvath": the toll of
  // several incidents is no incident's; one person's death stays.
  const auto group_toll = [](const Count& c) {
    return (c.role == Role::kKilled || c.role == Role::kInjured) && !(c.value == 1 && c.high == 1);
  };
  // PERF: the sentence is read for a round-up only when it has such a toll to drop.
  if (std::any_of(out_->begin() + first_event, out_->end(),
                  [&](const Event& ev) {
                    return ev.type == EventType::kAssault && std::any_of(ev.counts.begin(), ev.counts.end(), group_toll);
                  }) &&
      RoundUp()) {
    for (size_t e = first_event; e < out_->size(); ++e) {
      Event& ev = (*out_)[e];
      if (ev.type == EventType::kAssault) std::erase_if(ev.counts, group_toll);
    }
  }
  // "shot Aldo Dorn twice, killing him": the pronoun after ", killing" is the person just shot,
  // who died: the shot person's count is killed, and the pronoun is not counted again.
  for (size_t e = first_event; e < out_->size(); ++e) {
    Event& ev = (*out_)[e];
    for (size_t i = 0; i < ev.counts.size(); ++i) {
      const Count& dead = ev.counts[i];
      const uint32_t q = dead.quantity_token;
      if (dead.role != Role::kKilled || q < begin_ + 2 || !IsAny(T(q), WORDS("him", "her")) ||
          T(q - 1).norm != "killing" || T(q - 2).norm != ",")
        continue;
      Count* shot = nullptr;  // the nearest injured count before the comma
      for (auto& c : ev.counts)
        if (c.role == Role::kInjured && c.span.end <= T(q - 2).span.begin &&
            (shot == nullptr || c.span.begin > shot->span.begin))
          shot = &c;
      if (shot == nullptr || !shot->individual) continue;
      shot->role = Role::kKilled;
      ev.counts.erase(ev.counts.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
  // A number counted as both killed and injured in one sentence ("was shot and killed") is a
  // death only.
  for (size_t e = first_event; e < out_->size(); ++e) {
    Event& ev = (*out_)[e];
    for (auto it = ev.counts.begin(); it != ev.counts.end();) {
      bool drop = false;
      if (it->role == Role::kInjured) {
        for (size_t f = first_event; f < out_->size(); ++f)
          for (const auto& c : (*out_)[f].counts)
            if (c.role == Role::kKilled && c.quantity_token == it->quantity_token) drop = true;
      }
      it = drop ? ev.counts.erase(it) : it + 1;
    }
  }
}

void EventAssembler::Assemble(const DocumentAnnotations& doc, std::vector<Event>* out) const {
  FindEvents(doc, out);
  AttachDatesAndPlaces(doc, out);
}

void EventAssembler::FindEvents(const DocumentAnnotations& doc, std::vector<Event>* out) const {
  out->clear();
  // PERF: room for an event per trigger up front (growing the vector moved every event, each a
  // few hundred bytes, several times per document).
  size_t triggers = 0;
  for (const auto& s : doc.sentences) triggers += s.triggers.size() + s.nouns.size();
  out->reserve(triggers);
  std::optional<Count> group;
  for (const auto& s : doc.sentences) {
    if (s.triggers.empty() && s.nouns.empty()) continue;
    SentenceAssembler sa(*this, doc, s, out);
    sa.SetLastGroup(group ? &*group : nullptr);
    sa.Run();
    if (auto g = sa.NewGroup()) group = g;
  }
  // part_of: a partitive count ("301 of whom") belongs to the nearest earlier event with a
  // larger count; later events of the same sentence with smaller counts of a sibling role
  // ("while 140 were fined") join the same group.
  // Two parts of one sentence are siblings, never one the set of the other ("Of those
  // detained, 14 have been released and 6 remain in custody").
  thread_local std::vector<char> was_part;  // PERF: kept per thread
  was_part.assign(out->size(), 0);
  for (size_t i = 0; i < out->size(); ++i) was_part[i] = (*out)[i].part_of == -2;
  for (size_t i = 0; i < out->size(); ++i) {
    Event& ev = (*out)[i];
    if (ev.part_of != -2) continue;
    ev.part_of = -1;
    int64_t v = ev.counts.empty() || !ev.counts[0].value ? 0 : *ev.counts[0].value;
    int nearest = -1;
    for (size_t j = i; j-- > 0;) {
      const Event& p = (*out)[j];
      if (p.counts.empty()) continue;
      if (was_part[j] && p.sentence_index == ev.sentence_index) continue;
      if (nearest < 0) nearest = static_cast<int>(j);
      // "dozens ... 17 of them": a vague set is compared by its upper bound.
      int64_t pv = p.counts[0].value ? *p.counts[0].value : p.counts[0].high.value_or(0);
      if (pv < v || pv == 0) continue;
      ev.part_of = static_cast<int>(j);
      break;
    }
    // "12 were arrested. 15 of them were charged": the text says subset; the numbers disagree,
    // which the subset check reports.
    if (ev.part_of < 0 && nearest >= 0 && (*out)[nearest].sentence_index + 1 >= ev.sentence_index) ev.part_of = nearest;
    if (ev.part_of < 0) continue;
    for (size_t k = i + 1; k < out->size(); ++k) {
      Event& sib = (*out)[k];
      if (sib.sentence_index != ev.sentence_index || sib.part_of != -1 || sib.counts.empty()) continue;
      if (sib.type != ev.type && !(sib.type == lexicon::EventType::kSentence)) continue;
      const Event& parent = (*out)[ev.part_of];
      int64_t pv = parent.counts[0].value ? *parent.counts[0].value : parent.counts[0].high.value_or(0);
      if (sib.counts[0].value && *sib.counts[0].value <= pv) sib.part_of = ev.part_of;
    }
  }
  // "the strikes" in a report of air strikes are the air strikes, not a labour strike.
  bool bombing = std::any_of(out->begin(), out->end(), [](const Event& e) {
    return e.type == lexicon::EventType::kAssault && e.mode == "bombing";
  });
  if (bombing) {
    const std::string_view text = doc.text->text;
    RemoveEvents(out, [&](const Event& e) {
      std::string_view w = e.trigger.Of(text);
      return e.type == lexicon::EventType::kProtest && e.counts.empty() && (w == "strikes" || w == "strike");
    });
  }
  // A protest inferred from "demonstrators" alone is dropped when the document reports one.
  bool reported_protest = std::any_of(
      out->begin(), out->end(), [](const Event& e) { return e.type == lexicon::EventType::kProtest && !e.inferred; });
  if (reported_protest) RemoveEvents(out, [](const Event& e) { return e.inferred; });
  // Individual victims restated one by one ("killing Sarah Davidson") are parts of a total
  // stated elsewhere in the document ("three people were killed").
  for (size_t i = 0; i < out->size(); ++i) {
    Event& ev = (*out)[i];
    if (ev.part_of >= 0 || ev.counts.size() != 1 || !ev.counts[0].individual) continue;
    if (ev.status != EventStatus::kHappened) continue;
    lexicon::Role role = ev.counts[0].role;
    if (role != lexicon::Role::kKilled && role != lexicon::Role::kInjured && role != lexicon::Role::kArrested) continue;
    int best = -1;
    int64_t best_value = 1;
    for (size_t j = 0; j < out->size(); ++j) {
      const Event& t = (*out)[j];
      if (j == i || t.status != EventStatus::kHappened || t.part_of >= 0) continue;
      for (const auto& c : t.counts) {
        if (c.role != ev.counts[0].role || c.individual) continue;
        int64_t v = c.value ? *c.value : c.high.value_or(0);
        if (v > best_value) {
          best_value = v;
          best = static_cast<int>(j);
        }
      }
    }
    if (best >= 0) ev.part_of = best;
  }
  // "Both men died" after "four people were shot dead": the pair is a part of a total of the
  // same role stated elsewhere (the largest one), not another group.
  const std::string_view text = doc.text->text;
  for (size_t i = 0; i < out->size(); ++i) {
    Event& ev = (*out)[i];
    if (ev.part_of >= 0 || ev.counts.size() != 1 || ev.status != EventStatus::kHappened) continue;
    const Count& pair = ev.counts[0];
    if (pair.value != 2 || pair.span.end - pair.span.begin < 5) continue;
    const std::string_view w = text.substr(pair.span.begin, 5);
    if (!((w[0] == 'b' || w[0] == 'B') && w.substr(1) == "oth ")) continue;
    int best = -1;
    int64_t best_value = 1;  // a total of two restated ("two men ... Both men") is one too
    for (size_t j = 0; j < out->size(); ++j) {
      const Event& t = (*out)[j];
      if (j == i || t.status != EventStatus::kHappened || t.part_of >= 0) continue;
      for (const auto& c : t.counts) {
        if (c.role != pair.role || c.individual) continue;
        int64_t v = c.value ? *c.value : c.high.value_or(0);
        if (v > best_value) {
          best_value = v;
          best = static_cast<int>(j);
        }
      }
    }
    if (best >= 0) ev.part_of = best;
  }
  DropInjuriesOfTheDead(doc, out);
  DropShotOfADeadlyStory(doc, out);
  ArrestsOfSuspectsInCustody(doc, out);
  MergeRestatements(doc, out);
}

// One person shot who then died is killed only (the labelling guideline: "beaten ... and later
// succumbed to his injuries" is killed, not also injured). The injured count of one person is
// dropped when a death names that person again: "he", "she" or "the victim" whose nearest
// earlier person is the injured one, alone in its sentence, up to two sentences on ("A man was shot ... He died
// at the hospital", "reached a clinic, where he died"); the same name ("Tomas Rell was
// shot ... Rell died"); or, for "himself"/"herself", a death in the same sentence ("is dead after
// accidentally shooting himself"). "A woman was shot ... Her husband was killed" keeps both.
namespace {
// "he", "she", "the victim", "the boy", "the 5-year-old child": a phrase that names again a
// victim just mentioned (not "the suspect", "the officer": other people of the story).
bool RestatesAVictim(std::string_view w) {
  if (w == "he" || w == "she") return true;
  if (!w.starts_with("the ") || w.starts_with("the other ")) return false;  // "the other victim"
  const size_t sp = w.rfind(' ');
  const std::string_view head = w.substr(sp + 1);
  static constexpr std::string_view kHeads[] = {"victim", "boy",     "girl", "man",    "woman", "child",
                                                "teen",   "teenager", "toddler", "baby", "infant", "youth"};
  return std::find(std::begin(kHeads), std::end(kHeads), head) != std::end(kHeads);
}
}  // namespace

void EventAssembler::DropInjuriesOfTheDead(const DocumentAnnotations& doc, std::vector<Event>* out) const {
  // PERF: only documents with one person killed get past this scan; each person's features are
  // read once, lowercased into a stack buffer (no allocation per pair).
  bool any = false;
  for (const auto& ev : *out)
    for (const auto& c : ev.counts) any |= c.role == lexicon::Role::kKilled && c.individual && !ev.from_title;
  if (!any) return;
  const std::string_view text = doc.text->text;
  struct Person {
    uint32_t begin;
    uint32_t event, count;
    char gender;     // 'f', 'm' or 0
    bool reflexive;  // "himself", "herself"
    bool refers;     // "he", "she", "the victim"
    bool restates;   // RestatesAVictim
  };
  std::vector<Person> people;
  for (size_t e = 0; e < out->size(); ++e) {
    const Event& ev = (*out)[e];
    if (ev.from_title || ev.status != EventStatus::kHappened) continue;
    for (size_t c = 0; c < ev.counts.size(); ++c) {
      const Count& n = ev.counts[c];
      if (!n.individual) continue;  // every person, as the nearest one before a pronoun
      char buf[64];
      const std::string_view src = n.span.Of(text);
      const size_t len = std::min(src.size(), sizeof buf);
      for (size_t i = 0; i < len; ++i) buf[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(src[i])));
      const std::string_view w(buf, len);
      Person p{n.span.begin, static_cast<uint32_t>(e), static_cast<uint32_t>(c), 0, false, false, false};
      p.reflexive = w == "himself" || w == "herself";
      p.refers = w == "he" || w == "she" || w == "the victim";
      p.restates = RestatesAVictim(w);
      // 'f' or 'm' when a word of the phrase says so ("the woman", "he", "his son").
      static constexpr std::string_view kF[] = {"she",      "her",    "herself", "woman", "girl",
                                                "mother",   "wife",   "daughter", "sister", "lady",
                                                "grandmother", "girlfriend", "aunt", "female"};
      static constexpr std::string_view kM[] = {"he",      "him",         "himself",   "man",   "boy",
                                                "father",  "husband",     "son",       "brother",
                                                "grandfather", "boyfriend", "uncle",   "male"};
      for (size_t i = 0; i < w.size();) {
        size_t j = i;
        while (j < w.size() && std::isalpha(static_cast<unsigned char>(w[j]))) ++j;
        const std::string_view x = w.substr(i, j - i);
        if (std::find(std::begin(kF), std::end(kF), x) != std::end(kF)) p.gender = 'f';
        if (std::find(std::begin(kM), std::end(kM), x) != std::end(kM)) p.gender = 'm';
        i = j == i ? i + 1 : j;
      }
      people.push_back(p);
    }
  }
  std::sort(people.begin(), people.end(), [](const Person& a, const Person& b) { return a.begin < b.begin; });
  // The same name: every capitalized word of the shorter phrase is in the longer one ("Tomas
  // Rell" and "Rell"; not "Sara Rell" and "Jon Rell").
  auto names = [&](const Count& c, std::string_view out_words[4]) {
    const std::string_view x = c.span.Of(text);
    size_t n = 0;
    for (size_t i = 0; i < x.size();) {
      size_t j = i;
      while (j < x.size() && std::isalpha(static_cast<unsigned char>(x[j]))) ++j;
      static constexpr std::string_view kNotNames[] = {"The", "An",  "His",  "Her",  "Their", "One", "Another",
                                                       "He",  "She", "This", "That", "Its",   "Our"};
      const std::string_view w = x.substr(i, j - i);
      if (j - i >= 2 && std::isupper(static_cast<unsigned char>(x[i])) &&
          std::find(std::begin(kNotNames), std::end(kNotNames), w) == std::end(kNotNames)) {
        if (n == 4) return size_t{0};
        out_words[n++] = w;
      }
      i = j == i ? i + 1 : j;
    }
    return n;
  };
  auto same_name = [&](const Count& a, const Count& b) {
    std::string_view wa[4], wb[4];
    size_t na = names(a, wa), nb = names(b, wb);
    if (na == 0 || nb == 0) return false;
    if (na > nb) {
      std::swap(na, nb);
      for (size_t i = 0; i < 4; ++i) std::swap(wa[i], wb[i]);
    }
    for (size_t i = 0; i < na; ++i)
      if (std::find(wb, wb + nb, wa[i]) == wb + nb) return false;
    return true;
  };
  auto sentence_of = [&](size_t i) { return (*out)[people[i].event].sentence_index; };
  std::vector<std::pair<uint32_t, uint32_t>> drop;  // (event, count)
  for (size_t k = 0; k < people.size(); ++k) {
    const Count& killed = (*out)[people[k].event].counts[people[k].count];
    if (killed.role != lexicon::Role::kKilled || killed.value != 1) continue;
    const uint32_t ks = sentence_of(k);
    for (size_t i = 0; i < people.size(); ++i) {
      if (i == k) continue;
      const Count& hurt = (*out)[people[i].event].counts[people[i].count];
      if (hurt.role != lexicon::Role::kInjured || hurt.value != 1) continue;
      if (people[i].gender != 0 && people[k].gender != 0 && people[i].gender != people[k].gender) continue;
      const uint32_t is = sentence_of(i);
      bool same = people[i].reflexive && is == ks;
      // The nearest person before the pronoun or "the victim" is the injured one, alone in its
      // sentence ("A girl was killed and another woman wounded ... she" is ambiguous).
      if (people[k].refers && i + 1 == k && is <= ks && ks <= is + 2 && !(i > 0 && sentence_of(i - 1) == is))
        same = true;
      // The dead restated as shot, after the death: "A nine-year-old boy was fatally shot ... the
      // boy was shot in the back", "... was killed. Her uncle said the child was shot".
      if (k + 1 == i && ks <= is && is <= ks + 2 && people[i].restates && !(k > 0 && sentence_of(k - 1) == ks))
        same = true;
      if (!same && same_name(hurt, killed)) same = true;
      if (same) drop.emplace_back(people[i].event, people[i].count);
    }
  }
  std::sort(drop.begin(), drop.end());
  drop.erase(std::unique(drop.begin(), drop.end()), drop.end());
  for (size_t d = drop.size(); d-- > 0;) {
    auto& counts = (*out)[drop[d].first].counts;
    counts.erase(counts.begin() + static_cast<std::ptrdiff_t>(drop[d].second));
  }
}

// "shot" does not say whether the person lived ("Dana Rell had been shot several times"), where
// "wounded", "injured" or "hurt" do. In a story that reports a death and no survivor, one person
// (no numeral) reported shot in an event of no death is one of the dead, whom the coreference
// of DropInjuriesOfTheDead did not reach ("Police found Dana Rell on the porch ... Rell had been
// shot ... The 31-year-old was pronounced dead"): the injured count is dropped. A survivor is
// any injured count of a word other than "shot", "shooting", "gunshot wound" or "shots"; or a
// word of surviving, care, a limb wound or another person in the person's sentence (being
// "taken" or "rushed to" a hospital is no survivor: the dead are taken there too) ("is in
// stable condition", "is still in the hospital", "was shot in the shoulder", "was also shot").
// The other side of the shooting ("the gunman was shot by a deputy") keeps its count. On GVA
// this removed 169 false facts and 9 true ones (survivors the story only calls shot).
namespace {
bool ShotWord(std::string_view w) { return w == "shot" || w == "shooting" || w == "gunshot" || w == "shots"; }
// "taken to Mercy Hospital", "rushed to the hospital": the dead are taken there too.
bool TakenToHospital(const Event& ev, const std::vector<tokens::Token>& tokens) {
  const std::string_view w = tokens[ev.trigger_token].norm;
  return (w == "taken" || w == "rushed" || w == "transported" || w == "airlifted" || w == "flown") &&
         ev.trigger_token + 1 < tokens.size() && tokens[ev.trigger_token + 1].norm == "to";
}
bool SurvivalWord(std::string_view w) {
  static constexpr std::string_view kPrefixes[] = {"surviv", "recover", "injur", "hospitali", "wound"};
  for (auto p : kPrefixes)
    if (w.starts_with(p)) return true;
  static constexpr std::string_view kWords[] = {
      "stable", "critical", "condition", "expected", "treated", "released", "hurt",     "leg",     "legs",
      "hospital", "also",   "another",
      "arm",    "arms",     "hand",      "hands",    "foot",    "feet",     "shoulder", "ankle",   "knee",
      "thigh",  "buttocks", "buttock",   "wrist",    "finger",  "hip",      "elbow",    "shoulders"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}
// The other side of a shooting, shot by police or a victim: never one of the story's dead by
// default.
bool OtherSideWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"suspect", "gunman", "shooter",  "officer",  "deputy",
                                                "trooper", "agent",  "robber",   "intruder", "attacker",
                                                "suspects", "burglar", "policeman"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}
}  // namespace

void EventAssembler::DropShotOfADeadlyStory(const DocumentAnnotations& doc, std::vector<Event>* out) {
  const auto& tokens = doc.text->tokens;
  bool death = false;
  for (const auto& ev : *out) {
    if (ev.status != EventStatus::kHappened) continue;
    for (const auto& c : ev.counts) {
      if (c.role == lexicon::Role::kKilled) death = true;
      // A survivor: hurt by a word that says so.
      if (c.role == lexicon::Role::kInjured && !ShotWord(tokens[ev.trigger_token].norm) &&
          !TakenToHospital(ev, tokens))
        return;
    }
  }
  if (!death) return;
  for (auto& ev : *out) {
    if (ev.status != EventStatus::kHappened || !ShotWord(tokens[ev.trigger_token].norm)) continue;
    if (std::any_of(ev.counts.begin(), ev.counts.end(),
                    [](const Count& c) { return c.role == lexicon::Role::kKilled; }))
      continue;
    const auto& sentence = doc.text->sentences[ev.sentence_index];
    bool survival = false;
    for (uint32_t k = sentence.begin_token; k < sentence.end_token && !survival; ++k)
      survival = SurvivalWord(tokens[k].norm);
    if (survival) continue;
    std::erase_if(ev.counts, [&](const Count& c) {
      if (c.role != lexicon::Role::kInjured || !c.individual || c.value != 1) return false;
      uint32_t last = c.quantity_token;  // the phrase's last word: its head
      while (last + 1 < sentence.end_token && tokens[last + 1].span.end <= c.span.end) ++last;
      return !OtherSideWord(tokens[last].norm);
    });
  }
}

// Police news reports an arrest by its result: "A suspect is in custody", "Three suspects are in
// custody", "A person of interest is in custody", "Police have a man in custody". Being "in
// custody" (or "in police custody") is an arrest, not only a custody state, when the people
// are suspects or persons of interest, or the police are the ones who have them, or the custody
// is tied to the event that caused it ("is in custody after the shooting", "in connection with
// the robbery"); the event becomes an arrest of those counted. Not "remains in custody" (a
// later state of an arrest reported before), "already in custody" (held on another matter),
// nor negated or uncertain custody (the event's status stays). So is any custody held on a
// bond or bail, or without one ("Dorn is being held on a $50,000 bond", "remains jailed on a
// $200,000 bond"): a court set it for a person arrested. On GVA: ARREST recall 0.663 -> 0.699
// with these rules, no false ARREST.
namespace {
void MakeArrest(Event* ev) {
  ev->type = EventType::kArrest;
  ev->mode = {};
  for (auto& c : ev->counts)
    if (c.role == lexicon::Role::kDetained) c.role = lexicon::Role::kArrested;
}
// "is being held on a $50,000 bond", "held without bail", "remains jailed in lieu of $1 million
// bond": within the clause after the custody trigger, "on", "without" or "lieu" and then
// "bond" or "bail" (at most 14 tokens on, past a jail's name; no comma between).
bool BondOrBailAfter(const DocumentAnnotations& doc, const Event& ev) {
  const auto& tokens = doc.text->tokens;
  const auto& sentence = doc.text->sentences[ev.sentence_index];
  uint32_t k = ev.trigger_token;
  while (k < sentence.end_token && tokens[k].span.end <= ev.trigger.end) ++k;
  bool opened = false;
  for (uint32_t end = std::min(sentence.end_token, k + 14); k < end; ++k) {
    const std::string_view w = tokens[k].norm;
    if (w == "," || w == ";") return false;
    if (w == "on" || w == "without" || w == "lieu") opened = true;
    if (opened && (w == "bond" || w == "bail")) return true;
  }
  return false;
}
}  // namespace

void EventAssembler::ArrestsOfSuspectsInCustody(const DocumentAnnotations& doc, std::vector<Event>* out) {
  const auto& tokens = doc.text->tokens;
  for (auto& ev : *out) {
    if (ev.type != EventType::kCustody || ev.status != EventStatus::kHappened) continue;
    if (BondOrBailAfter(doc, ev)) {
      MakeArrest(&ev);
      continue;
    }
    if (ev.counts.empty()) continue;
    const uint32_t t = ev.trigger_token;
    if (tokens[t].norm != "in") continue;
    const bool police_custody =
        t + 2 < tokens.size() && tokens[t + 1].norm == "police" && tokens[t + 2].norm == "custody";
    if (!(t + 1 < tokens.size() && tokens[t + 1].norm == "custody") && !police_custody) continue;
    if (t > 0 && tokens[t - 1].norm == "already") continue;
    bool arrest = ev.actor && ev.actor->sector == lexicon::Sector::kPolice && ev.actor->span.end <= ev.trigger.begin;
    // "A man is in custody after the shooting", "Two people are in custody in connection with the
    // robbery": custody tied to the event that caused it is its arrest.
    const auto& sentence = doc.text->sentences[ev.sentence_index];
    for (uint32_t k = t + (police_custody ? 3 : 2); k < sentence.end_token && k < t + 6 && !arrest; ++k) {
      const std::string_view w = tokens[k].norm;
      if (w == "," || w == ";") break;
      arrest = w == "after" || w == "following" || w == "connection" || w == "investigation";
    }
    for (const auto& c : ev.counts) {
      if (c.role != lexicon::Role::kDetained || !c.value || *c.value < 1) continue;
      uint32_t last = c.quantity_token;  // the phrase's last word: its head
      while (last + 1 < tokens.size() && tokens[last + 1].span.end <= c.span.end) ++last;
      const std::string_view head = tokens[last].norm;
      if (head == "suspect" || head == "suspects") arrest = true;
      // "a person of interest", "two persons of interest"
      if (last + 2 < tokens.size() && tokens[last + 1].norm == "of" && tokens[last + 2].norm == "interest")
        arrest = true;
    }
    if (arrest) MakeArrest(&ev);
  }
}

// A figure stated again in a later sentence for the same kind of event is one event with two
// mentions, not two events: "Two men were arrested on Friday. ... Police said the two men were
// arrested after a chase." The same for one person restated by name or pronoun ("John Smith
// was shot ... he was shot in the leg"). Restatements are kept in Event::restated.
void EventAssembler::MergeRestatements(const DocumentAnnotations& doc, std::vector<Event>* out) const {
  const std::string_view text = doc.text->text;
  auto lower = [](std::string_view s) {
    std::string r(s);
    for (char& c : r)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
  };
  thread_local std::vector<int> merged_into;  // PERF: kept per thread
  merged_into.assign(out->size(), -1);
  for (size_t i = 0; i < out->size(); ++i) {
    Event& ev = (*out)[i];
    if (ev.status != EventStatus::kHappened || ev.part_of >= 0 || ev.counts.size() != 1) continue;
    const Count& c = ev.counts[0];
    // A set of partitives keeps its own event; the parts of a list after the figure
    // ("including two children", the same trigger) follow it into the first event.
    bool referenced = false;
    for (const auto& o : *out)
      if (o.part_of == static_cast<int>(i) && o.trigger_token != ev.trigger_token) referenced = true;
    if (referenced) continue;
    for (size_t j = 0; j < i; ++j) {
      Event& first = (*out)[j];
      if (merged_into[j] >= 0 || first.status != EventStatus::kHappened || first.part_of >= 0) continue;
      if (first.type != ev.type || first.sentence_index == ev.sentence_index) continue;
      if (first.date && ev.date && !(first.date->value == ev.date->value) &&
          ev.date->basis != std::string_view("published"))
        continue;
      bool same = false;
      for (const auto& fc : first.counts) {
        if (fc.role != c.role) continue;
        if (c.individual && fc.individual) {
          std::string a = lower(c.span.Of(text)), b = lower(fc.span.Of(text));
          same = a == b || a == "he" || a == "she" || a == "him" || a == "her" ||
                 (b.size() > a.size() && b.compare(b.size() - a.size(), a.size(), a) == 0);  // "Smith" of "John Smith"
        } else if (!c.individual && !fc.individual && c.value && fc.value && *c.value == *fc.value && c.low == fc.low &&
                   c.high == fc.high && *c.value > 1) {
          same = true;
        }
        if (same) break;
      }
      if (!same) continue;
      first.restated.push_back(c);
      merged_into[i] = static_cast<int>(j);
      for (auto& o : *out)
        if (o.part_of == static_cast<int>(i)) o.part_of = static_cast<int>(j);
      break;
    }
  }
  size_t i = 0;
  RemoveEvents(out, [&](const Event&) { return merged_into[i++] >= 0; });

  // "A man was shot on Friday ... He died at the hospital": a person reported shot (injured)
  // and later dead is one death. An individual injured count whose words are a pronoun or a
  // name also given for a death is dropped.
  thread_local std::vector<std::string> dead;
  dead.clear();
  for (const auto& e : *out)
    for (const auto& c : e.counts)
      if (c.role == lexicon::Role::kKilled && c.individual && e.status == EventStatus::kHappened)
        dead.push_back(lower(c.span.Of(text)));
  if (dead.empty()) return;
  for (auto& e : *out) {
    std::erase_if(e.counts, [&](const Count& c) {
      if (c.role != lexicon::Role::kInjured || !c.individual) return false;
      std::string w = lower(c.span.Of(text));
      if (w == "he" || w == "she" || w == "him" || w == "her") return true;
      for (const auto& d : dead)
        if (d == w || (d.size() > w.size() && d.compare(d.size() - w.size(), w.size(), w) == 0) ||
            (w.size() > d.size() && w.compare(w.size() - d.size(), d.size(), d) == 0))
          return true;
      return false;
    });
  }
}

std::string EventAssembler::DocumentCountry(const DocumentAnnotations& doc) const {
  // The resolver's vote over the place mentions, else the country names and demonyms matched
  // in the text (the most frequent; the first on a tie), else the title's, else the wording's.
  // Demonyms alone ("a Thai restaurant") yield to the title's country and the wording's.
  std::string country = places::DocumentCountry(doc.places);
  if (!country.empty() && !places::NamesAPlace(doc.places)) {
    if (!doc.title_country.empty()) return doc.title_country;
    if (!doc.style_country.empty()) return doc.style_country;
  }
  if (!country.empty()) return country;
  if (places_) {
    std::unordered_map<std::string, int> votes;
    std::string first;
    for (const auto& s : doc.sentences)
      for (const auto& m : s.places) {
        const std::string& code = places_->code_of_entry[places_->phrases->phrases[m.phrase].entry];
        if (code.empty()) continue;
        if (first.empty()) first = code;
        ++votes[code];
      }
    int best = 0;
    country = first;
    for (const auto& [code, n] : votes)
      if (n > best || (n == best && code == first)) {
        best = n;
        country = code;
      }
  }
  if (country.empty()) country = doc.title_country;
  if (country.empty()) country = doc.style_country;
  return country;
}

const places::PlaceMention* EventAssembler::TitleTown(const DocumentAnnotations& doc, const std::string& doc_country) {
  // A town of the title in another country than the text's is a namesake or another story.
  const places::PlaceMention* town = doc.TitleTown();
  return town != nullptr && (doc_country.empty() || town->country == doc_country) ? town : nullptr;
}

std::optional<LocationRef> EventAssembler::DocumentLocation(const DocumentAnnotations& doc) const {
  const std::vector<uint8_t> usable_places = UsablePlaces(doc);
  const std::string country = DocumentCountry(doc);
  return FallbackLocation(doc, country, usable_places,
                          DocumentPlaces{DocumentTown(doc, usable_places, country),
                                         SceneTown(doc, usable_places, country), &doc, &country});
}

namespace {

// "Around 12 March 2026 (between 10 March - 13 March), gunmen killed ...": whether `d` lies in
// a parenthesis right after another mention of its sentence, which it glosses (the span of days
// it stands for); such a mention does not date an event, even when nearer its trigger.
bool GlossesADate(const std::vector<extract::DateMention>& dates, const extract::DateMention& d,
                  const std::vector<tokens::Token>& toks) {
  for (const auto& g : dates) {
    if (&g == &d) return false;  // only earlier mentions
    uint32_t open = g.end_token;
    if (open >= d.begin_token || open >= toks.size() || toks[open].norm != "(" || d.begin_token > open + 16) continue;
    bool closed = false;
    for (uint32_t k = open + 1; k < d.begin_token; ++k)
      if (toks[k].norm == ")") closed = true;
    if (!closed) return true;
  }
  return false;
}

// "Police said on Tuesday ...": whether `d` follows a source verb and so dates a statement.
bool DatesAStatement(const extract::DateMention& d, const std::vector<tokens::Token>& toks) {
  for (uint32_t k = d.begin_token; k > 0 && d.begin_token - k < 3;) {
    --k;
    if (IsAny(toks[k], WORDS("said", "says", "told", "announced", "reported", "stated", "confirmed", "added")))
      // "the shooting was reported Tuesday night": a passive dates the event, not a statement.
      return k == 0 || !IsAny(toks[k - 1], WORDS("was", "were", "is", "are", "been", "be"));
  }
  return false;
}

}  // namespace

void EventAssembler::AttachDatesAndPlaces(const DocumentAnnotations& doc, std::vector<Event>* out) const {
  const auto& toks = doc.text->tokens;
  // Per sentence: the date mentions, the running (last seen) date, and the country mentions.
  // PERF: the annotated sentences are in text order: found by binary search (a hash map of
  // them was built per document).
  auto annotations_of = [&](uint32_t index) -> const SentenceAnnotations* {
    auto it = std::lower_bound(doc.sentences.begin(), doc.sentences.end(), index,
                               [](const SentenceAnnotations& a, uint32_t i) { return a.index < i; });
    return it != doc.sentences.end() && it->index == index ? &*it : nullptr;
  };
  std::optional<DateRef> first_explicit;
  for (const auto& s : doc.sentences) {
    for (const auto& d : s.dates) {
      if (!first_explicit && d.basis == extract::DateBasis::kExplicit && d.precision == extract::DatePrecision::kDay)
        first_explicit =
            DateRef{d.value, extract::DatePrecisionName(d.precision), extract::DateBasisName(d.basis), d.span};
    }
  }

  // A dateline ("KELLMAR, March 14 (Wire) -", "FRANKLIN (Feb. 4, 2014) -") dates the report,
  // not its events: used only when nothing else dates an event.
  const extract::DateMention* dateline = nullptr;
  if (!doc.sentences.empty() && doc.sentences[0].index == 0 && !doc.sentences[0].dates.empty()) {
    const auto& d = doc.sentences[0].dates[0];
    const auto& first = toks[doc.text->sentences[0].begin_token];
    bool caps_start = (first.flags & tokens::kAllCaps) != 0;
    bool dash_after = false;
    for (uint32_t k = d.end_token; k < d.end_token + 6 && k < toks.size(); ++k)
      if (toks[k].norm == "-" || toks[k].norm == ":") dash_after = true;
    if (caps_start && dash_after && d.begin_token < doc.text->sentences[0].begin_token + 8) dateline = &d;
  }
  // The document's country: the resolver's vote over its place mentions, else the country
  // names and demonyms matched in the text.
  const std::vector<uint8_t> usable_places = UsablePlaces(doc);
  const std::string doc_country_resolved = DocumentCountry(doc);
  const std::vector<uint32_t> redirects = PlaceRedirects(doc);
  const DocumentPlaces doc_places{DocumentTown(doc, usable_places, doc_country_resolved),
                                  SceneTown(doc, usable_places, doc_country_resolved), &doc,
                                  &doc_country_resolved};
  for (auto& ev : *out) {
    const SentenceAnnotations* s = annotations_of(ev.sentence_index);
    // Date: the mention in the event's sentence nearest the trigger; else the latest mention in
    // an earlier sentence; else the first in the next sentences; else the dateline; else the
    // first explicit date; else the publication date.
    const extract::DateMention* best_date = nullptr;
    // An event the text reports as done cannot lie after publication: a relative mention read
    // ahead of it dates something else (a hearing, "next week"), unless it is a month-day
    // written without a year, whose past reading ("on March 29" -> the March 29 before) dates
    // the event in its own sentence.
    const bool happened = ev.status == EventStatus::kHappened && doc.published.has_value();
    const long published_days = happened ? DaysFromCivil(*doc.published) : 0;
    auto ahead = [&](const extract::DateMention& d) {
      return happened && d.basis == extract::DateBasis::kRelative && DaysFromCivil(d.value) > published_days;
    };
    if (s) {
      uint32_t best_dist = UINT32_MAX;
      // "On 1 May 2020, workers marched ... marking the revolution of October": a day fronting
      // the sentence dates its clause; another mention inside it does not beat it however near
      // the trigger, unless it directly follows the trigger ("arrested in January").
      const extract::DateMention* fronted = nullptr;
      if (!s->dates.empty() && &s->dates[0] != dateline && s->dates[0].precision == extract::DatePrecision::kDay) {
        const auto& f = s->dates[0];
        const uint32_t sb = doc.text->sentences[ev.sentence_index].begin_token;
        if (f.begin_token <= sb + 1 && f.end_token < toks.size() &&
            (toks[f.end_token].norm == "," || toks[f.end_token].norm == "("))
          fronted = &f;
      }
      for (const auto& d : s->dates) {
        if (&d == dateline || GlossesADate(s->dates, d, toks)) continue;
        if (ahead(d) && d.past_value.year == 0) continue;
        // "Police said on Tuesday they had arrested 15 people on Monday": the date after a
        // source verb dates the statement, so it counts only when nothing else is near.
        const bool statement = DatesAStatement(d, toks);
        uint32_t dist =
            d.begin_token > ev.trigger_token ? d.begin_token - ev.trigger_token : ev.trigger_token - d.begin_token;
        if (statement) dist += 1000;
        if (fronted != nullptr && &d != fronted &&
            !(d.begin_token > ev.trigger_token && d.begin_token - ev.trigger_token <= 3))
          dist += 500;
        // "protested after the previous day 40 prisoners were killed", "died Friday after being
        // shot Thursday": a subordinating word between trigger and date puts the date in
        // another clause, counted farther.
        {
          uint32_t lo = std::min(ev.trigger_token + 1, d.end_token), hi = std::max(ev.trigger_token, d.begin_token);
          for (uint32_t k = lo; k < hi; ++k)
            if (IsAny(toks[k], WORDS("after", "before", "since", "following", "when", "while", "until", "who", "which",
                                     "whose"))) {
              dist += 100;
              break;
            }
        }
        if (dist < best_dist) {
          best_dist = dist;
          best_date = &d;
        }
      }
    }
    if (!best_date) {
      bool best_statement = false;
      // The latest day-precise date of an earlier sentence (not "since May 2025").
      for (const auto& ps : doc.sentences) {
        if (ps.index >= ev.sentence_index) break;
        for (const auto& d : ps.dates)
          if (d.precision == extract::DatePrecision::kDay && &d != dateline && !ahead(d) &&
              !GlossesADate(ps.dates, d, toks)) {
            // "... on Wednesday evening, police said Thursday. The shooting was ...": a
            // statement's date only when no other is stated.
            const bool statement = DatesAStatement(d, toks);
            if (!statement || best_date == nullptr || best_statement) {
              best_date = &d;
              best_statement = statement;
            }
          }
      }
    }
    if (!best_date) {
      // The first day-precise date of one of the next sentences (see kLaterDateSentences).
      for (const auto& ps : doc.sentences) {
        if (ps.index <= ev.sentence_index) continue;
        if (ps.index > ev.sentence_index + kLaterDateSentences) break;
        for (const auto& d : ps.dates)
          if (d.precision == extract::DatePrecision::kDay && &d != dateline && !ahead(d) &&
              !GlossesADate(ps.dates, d, toks)) {
            best_date = &d;
            break;
          }
        if (best_date) break;
      }
    }
    if (!best_date && dateline) best_date = dateline;
    if (best_date) {
      ev.date = DateRef{ahead(*best_date) ? best_date->past_value : best_date->value,
                        extract::DatePrecisionName(best_date->precision), extract::DateBasisName(best_date->basis),
                        best_date->span};
      // "will hold a rally on Monday": a weekday of a planned event is the next one.
      if (ev.status == EventStatus::kPlanned && doc.published && best_date->basis == extract::DateBasis::kRelative &&
          best_date->precision == extract::DatePrecision::kDay &&
          DaysFromCivil(best_date->value) <= DaysFromCivil(*doc.published) &&
          DaysFromCivil(*doc.published) - DaysFromCivil(best_date->value) < 7) {
        bool weekday = false;
        for (uint32_t k = best_date->begin_token; k < best_date->end_token; ++k)
          if (IsAny(toks[k], WORDS("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")))
            weekday = true;
        if (weekday) ev.date->value = CivilFromDays(DaysFromCivil(best_date->value) + 7);
      }
    } else if (first_explicit) {
      ev.date = first_explicit;
    } else if (doc.published) {
      ev.date = DateRef{*doc.published, "day", "published", Span{}};
    }
    // Location: the place attached to the event in its sentence (the nearest place mention;
    // one after the trigger counts a little nearer: "arrested 15 people in Almaty"), else the
    // nearest earlier place in the same paragraph, else the dateline, else the document's
    // country (docs/places.md).
    ev.location = LocateEvent(doc, ev, doc_country_resolved, usable_places, redirects, doc_places);
    // "Two deputies were shot in Kelbrook County ... the two deputies were shot off Route 7 in Rock
    // Falls": an event placed only in a county or subdivision takes the town its restatement's
    // sentence places it in, in that country and the county's state, the more precise place (GVA
    // location 2168 -> 2170, acled-2020 3997 -> 3998).
    // The county's state: its own, else the state qualifying it ("Kelbrook County, Ill."), else
    // any (the town's).
    auto county_state = [&](const LocationRef& county, const LocationRef& town) -> std::string_view {
      if (!county.admin1_code.empty()) return county.admin1_code;
      for (size_t i = 0; i + 1 < doc.places.size(); ++i) {
        const auto& m = doc.places[i];
        if (m.span.begin != county.span.begin) continue;
        const auto& q = doc.places[i + 1];
        if (q.qualifier && q.precision == places::Precision::kAdmin1 && q.begin_token == m.end_token + 1 &&
            toks[m.end_token].norm == ",") {
          return q.admin1_code;
        }
        break;
      }
      return town.admin1_code;
    };
    if (ev.location && !ev.restated.empty() &&
        (ev.location->precision == places::PrecisionName(places::Precision::kAdmin2) ||
         ev.location->precision == places::PrecisionName(places::Precision::kAdmin1))) {
      const auto& sents = doc.text->sentences;
      for (const Count& r : ev.restated) {
        auto it = std::upper_bound(sents.begin(), sents.end(), r.quantity_token,
                                   [](uint32_t t, const tokens::Sentence& s) { return t < s.begin_token; });
        if (it == sents.begin()) continue;
        const auto si = static_cast<uint32_t>(it - sents.begin() - 1);
        if (si == ev.sentence_index) continue;
        Event probe;
        probe.type = ev.type;
        probe.sentence_index = si;
        probe.trigger_token = r.quantity_token;
        std::optional<LocationRef> town =
            LocateEvent(doc, probe, doc_country_resolved, usable_places, redirects, doc_places);
        if (town && town->basis == std::string_view("same sentence") &&
            town->precision == places::PrecisionName(places::Precision::kCity) &&
            town->country == ev.location->country && town->admin1_code == county_state(*ev.location, *town)) {
          ev.location = std::move(town);
          break;
        }
      }
    }
  }
  SplitOverListedPlaces(doc, doc_country_resolved, usable_places, out);
}

namespace {

// The token opening the parentheses that token `at` is inside, opened in its sentence (from
// `begin`), or UINT32_MAX.
uint32_t OpeningParenthesis(const tokens::TokenizedText& t, uint32_t begin, uint32_t at) {
  for (uint32_t k = at; k > begin; --k) {
    std::string_view w = t.tokens[k - 1].norm;
    if (w == ")") return UINT32_MAX;
    if (w == "(") return k - 1;
  }
  return UINT32_MAX;
}
// Whether token `at` is inside parentheses opened in its sentence (from `begin`).
bool InParentheses(const tokens::TokenizedText& t, uint32_t begin, uint32_t at) {
  return OpeningParenthesis(t, begin, at) != UINT32_MAX;
}

// Whether a word ends the name of a street or a venue rather than a town.
bool StreetOrVenueWord(std::string_view w) {
  return w == "street" || w == "st" || w == "avenue" || w == "ave" || w == "road" || w == "rd" || w == "drive" ||
         w == "boulevard" || w == "blvd" || w == "lane" || w == "way" || w == "court" || w == "place" ||
         w == "highway" || w == "pike" || w == "parkway" || w == "circle" || w == "terrace" || w == "trail" ||
         w == "bar" || w == "club" || w == "lounge" || w == "church" || w == "school" || w == "market" ||
         w == "center" || w == "centre" || w == "range" || w == "preserve" || w == "industries" || w == "hotel" ||
         w == "motel" || w == "restaurant" || w == "apartments" || w == "plaza" || w == "store" || w == "park" ||
         w == "square" || w == "hospital" || w == "prison" || w == "court" || w == "ministry" || w == "university" ||
         w == "bank" || w == "company" || w == "factory" || w == "headquarters" || w == "mosque";
}

// Whether a name the gazetteer lacks is a street's or a venue's: it ends like one ("Colchester
// Drive", "Go-Go Bar", "Excel Industries") or names the kind of venue first ("Club Zephyr",
// "Hotel Marlow", "Cafe Lune").
bool VenueName(const tokens::TokenizedText& t, const places::PlaceMention& m) {
  if (m.listed || m.end_token <= m.begin_token + 1) return false;
  if (StreetOrVenueWord(t.tokens[m.end_token - 1].norm)) return true;
  std::string_view first = t.tokens[m.begin_token].norm;
  return first == "club" || first == "hotel" || first == "motel" || first == "cafe" || first == "bar" ||
         first == "restaurant" || first == "lounge";
}

// Whether a mention names part of a town: "Fonseca neighborhood", "Linha community",
// "Colonia Jacinto Lopez", "Barrio Norte".
bool SubCity(const tokens::TokenizedText& t, const places::PlaceMention& m) {
  if (m.precision != places::Precision::kCity) return false;
  if (m.end_token < t.tokens.size()) {
    std::string_view w = t.tokens[m.end_token].norm;
    if (w == "neighborhood" || w == "neighbourhood" || w == "community" || w == "quarter" || w == "street" ||
        w == "avenue" || w == "square") {
      return true;
    }
  }
  if (m.begin_token > 0) {
    std::string_view w = t.tokens[m.begin_token - 1].norm;
    if (w == "colonia" || w == "barrio" || w == "bairro" || w == "barangay" || w == "neighborhood" ||
        w == "neighbourhood") {
      return true;
    }
  }
  std::string_view first = t.tokens[m.begin_token].norm;
  if (first == "colonia" || first == "barrio" || first == "bairro" || first == "barangay") return true;
  // A name the gazetteer lacks that ends like a street or a venue: "Colchester Drive", "Go-Go
  // Bar", "Sacred Heart Catholic Church", "Excel Industries"; or a venue named kind first.
  return VenueName(t, m);
}

// Whether a mention is a barangay ("Barangay Lumot", "in barangay Lumot") of a town under
// 100,000 people named right after it ("Barangay Lumot, Tulunan, Cotabato"): then it is a
// village of its own (the press and ACLED name it as the place), not a quarter of that town
// ("Barangay Lumot, Dumaguete": a quarter of the city).
bool VillageBarangay(const DocumentAnnotations& doc, const places::PlaceMention& m) {
  const auto& toks = doc.text->tokens;
  if (!((m.begin_token > 0 && toks[m.begin_token - 1].norm == "barangay") || toks[m.begin_token].norm == "barangay")) {
    return false;
  }
  size_t i = static_cast<size_t>(&m - doc.places.data());
  if (i + 1 >= doc.places.size() || m.end_token + 1 >= toks.size() || toks[m.end_token].norm != ",") return false;
  const auto& town = doc.places[i + 1];
  return town.begin_token == m.end_token + 1 && town.precision == places::Precision::kCity && town.listed &&
         town.population < 100000;
}
// SubCity, but a barangay of a small town is a village (VillageBarangay).
bool SubCityIn(const DocumentAnnotations& doc, const places::PlaceMention& m) {
  return SubCity(*doc.text, m) && !VillageBarangay(doc, m);
}

// Whether a word after a town's name makes it the area around it ("district", "township").
bool AreaAroundWord(std::string_view w) {
  return w == "district" || w == "region" || w == "province" || w == "governorate" || w == "township" ||
         w == "county" || w == "municipality" || w == "department" || w == "state" || w == "oblast" || w == "lga" ||
         w == "tehsil" || w == "division";
}
// Whether a town's name stands for the area around it: "Chora district", "Mindat District",
// "Paletwa Township", "Faskari LGA".
bool AreaAround(const tokens::TokenizedText& t, const places::PlaceMention& m) {
  if (m.precision != places::Precision::kCity || m.end_token >= t.tokens.size()) return false;
  return AreaAroundWord(t.tokens[m.end_token].norm);
}

// Whether the words after a place name it as a unit of several villages: a district, LGA,
// county, sub-county, municipality, commune, locality, tehsil, upazila or sector area.
bool UnitNounAfter(const tokens::TokenizedText& t, const places::PlaceMention& m, uint32_t sent_end) {
  if (m.end_token >= sent_end) return false;
  std::string_view w = t.tokens[m.end_token].norm;
  return w == "lga" || w == "district" || w == "county" || w == "subcounty" || w == "sub-county" ||
         w == "municipality" || w == "commune" || w == "locality" || w == "tehsil" || w == "upazila" ||
         w == "territory" ||
         (w == "sector" && m.end_token + 1 < sent_end && t.tokens[m.end_token + 1].norm == "area");
}

bool PluralPlaceNoun(std::string_view w) { return w == "villages" || w == "areas" || w == "localities"; }

// Whether the place is a unit after "in" that follows a list of two or more names: "raided
// Kelbara and Dorvane in Funtua LGA", "at Kelbara, Dorvane and Tashan Kelmo villages in Kelmor
// sector area" -> Funtua, Kelmor (acled-2020: the unit is the coded place in 7 such notes, a
// village in 1). The event over all of them is placed there, not in one village (as "Kelbara
// in Funtua LGA" is).
bool UnitAfterAList(const tokens::TokenizedText& t, const places::PlaceMention& m, uint32_t sent_begin,
                    uint32_t sent_end) {
  const auto& toks = t.tokens;
  auto capitalized = [&](uint32_t i) { return i >= sent_begin && (toks[i].flags & tokens::kCapitalized) != 0; };
  if (!UnitNounAfter(t, m, sent_end) || m.begin_token < sent_begin + 4 || toks[m.begin_token - 1].norm != "in") {
    return false;
  }
  uint32_t k = m.begin_token - 1;  // "in"
  // "in the villages of Kelbara, Dorvane and Kelmo, all in Kelmor territory"
  if (toks[k - 1].norm == "all" && k >= sent_begin + 5) {
    --k;
    if (toks[k - 1].norm == ",") --k;
  }
  if (PluralPlaceNoun(toks[k - 1].norm)) --k;
  if (!capitalized(k - 1)) return false;
  uint32_t j = k - 1;
  while (j > sent_begin && capitalized(j - 1)) --j;  // the last name of the list starts at j
  if (j < sent_begin + 2) return false;
  std::string_view joiner = toks[j - 1].norm;
  return (joiner == "and" || joiner == ",") && capitalized(j - 2);
}

// The unit after a list that place m is a member of ("Dorvane" in "raided Kelbara and Dorvane in
// Funtua LGA" -> Funtua), or nullptr.
const places::PlaceMention* UnitOfAList(const DocumentAnnotations& doc, const std::vector<uint8_t>& usable,
                                        const places::PlaceMention& m, uint32_t sent_begin, uint32_t sent_end) {
  const auto& toks = doc.text->tokens;
  auto joiner = [&](uint32_t i) { return i < sent_end && (toks[i].norm == "," || toks[i].norm == "and"); };
  auto capitalized = [&](uint32_t i) { return i < sent_end && (toks[i].flags & tokens::kCapitalized) != 0; };
  uint32_t i = m.end_token;
  while (joiner(i)) {
    uint32_t j = i + 1;
    if (toks[i].norm == "," && j < sent_end && toks[j].norm == "and") ++j;
    if (!capitalized(j)) break;
    while (capitalized(j)) ++j;
    i = j;
  }
  if (i < sent_end && PluralPlaceNoun(toks[i].norm)) ++i;
  if (i + 1 < sent_end && toks[i].norm == "," && toks[i + 1].norm == "all") i += 2;
  else if (i < sent_end && toks[i].norm == "all") ++i;
  if (i + 2 >= sent_end || toks[i].norm != "in") return nullptr;
  for (const auto& y : doc.places) {
    if (y.begin_token != i + 1) continue;
    if (!usable[&y - doc.places.data()] || !UnitAfterAList(*doc.text, y, sent_begin, sent_end)) return nullptr;
    return &y;
  }
  return nullptr;
}

// Whether a place names a crossing or square written after it in lowercase: "at the Kelbara
// junction in Mogadishu-Hodan district", "the Kelbara bridge east of Tikrit", "the Kelmor
// intersection in the Dorvane area": a spot inside the place named after it, where it happened
// (acled-2020: the place after it is coded in 19 such notes, the crossing's in none).
bool NamesACrossing(const tokens::TokenizedText& t, const places::PlaceMention& m) {
  if (m.end_token >= t.tokens.size() || (t.tokens[m.end_token].flags & tokens::kCapitalized)) return false;
  std::string_view w = t.tokens[m.end_token].norm;
  // Also a road named after one place ("blocked the Kelbara highway in Dorvane"), as one named
  // after the two towns it joins ranks after the place it is in (RoadEnd).
  if (w != "junction" && w != "roundabout" && w != "bridge" && w != "intersection" && w != "crossing" &&
      w != "triangle" && w != "square" && w != "highway" && w != "road") {
    return false;
  }
  // Only with the place holding it named next ("... junction road in X", "... bridge east of X"):
  // "blocked the Kelbara-Halba road at the Dorvane intersection" is at Dorvane.
  uint32_t k = m.end_token + 1;
  if (k < t.tokens.size() && t.tokens[k].norm == "road") ++k;
  if (k >= t.tokens.size()) return false;
  std::string_view next = t.tokens[k].norm;
  // "blocked the Kelbara highway at the Dorvane bridge": a spot on the road names it better.
  if (next == "at" && (w == "highway" || w == "road")) return true;
  return next == "in" || next == "near" || next == "of" || next == "outside" || next == "north" || next == "south" ||
         next == "east" || next == "west";
}

// Whether a place is part of a facility's name: "Mount Sinai Hospital", "Sanford Medical
// Center", "Tulane University", "Charlotte Douglas Airport".
bool NamesAFacility(const tokens::TokenizedText& t, const places::PlaceMention& m) {
  if (m.end_token >= t.tokens.size() || !(t.tokens[m.end_token].flags & tokens::kCapitalized)) return false;
  std::string_view w = t.tokens[m.end_token].norm;
  return w == "hospital" || w == "medical" || w == "health" || w == "university" || w == "college" || w == "airport" ||
         w == "clinic" || w == "mall" || w == "stadium" || w == "arena";
}

// The end of a site named after a place where something happened there: "in the area of
// Kharkiv Airport", "near Kharkiv Pumping Station", "clashed in Misrata Airport Road"
// (places::SiteNameEnd after "in", "at", "near", "on", "around", "outside" or "of"); the
// place's end when the words do not say so ("flew to Kharkiv Airport", "Kharkiv station").
uint32_t SiteEnd(const tokens::TokenizedText& t, const places::PlaceMention& m) {
  if (m.begin_token == 0 || m.precision != places::Precision::kCity) return m.end_token;
  std::string_view before = t.tokens[m.begin_token - 1].norm;
  if (before != "in" && before != "at" && before != "near" && before != "on" && before != "around" &&
      before != "outside" && before != "of") {
    return m.end_token;
  }
  return places::SiteNameEnd(t, m.end_token);
}

// Which end of a road named after the towns it joins a place is: 1 for the first ("the
// Kelbara-Zahle highway"), 2 for the second, 0 for a place naming no road's end. The road's
// towns name where it leads; "blocked the Kelbara-Zahle highway in Chtaura" happened in Chtaura,
// and a road with no other place is placed at its first town.
int RoadEnd(const tokens::TokenizedText& t, const places::PlaceMention& m) {
  if (places::JoinsRoadEnds(t, m.end_token)) return 1;
  if (m.begin_token > 0 && places::JoinsRoadEnds(t, m.begin_token - 1)) return 2;
  return 0;
}

// Whether a place is that of the hospital a victim was taken to, not where it happened: "at a
// Raleigh hospital", "an Atlanta area hospital", "a hospital in Greenville", "Memphis Medical
// Center", "flown to Fargo", "airlifted to Raleigh".
bool HospitalTown(const tokens::TokenizedText& t, const places::PlaceMention& m) {
  const auto& toks = t.tokens;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  uint32_t k = m.end_token;
  if (k + 1 < n && toks[k].norm == "-" && toks[k + 1].norm == "area") ++k;  // "a Charleston-area hospital"
  if (k < n && toks[k].norm == "area") ++k;
  if (k < n && (toks[k].norm == "hospital" || toks[k].norm == "hospitals")) return true;
  if (k + 1 < n && (toks[k].norm == "medical" || toks[k].norm == "trauma") && toks[k + 1].norm == "center") return true;
  if (m.begin_token < 2) return false;
  std::string_view prep = toks[m.begin_token - 1].norm, before = toks[m.begin_token - 2].norm;
  if ((prep == "in" || prep == "near") &&
      (before == "hospital" || before == "hospitals" ||
       (before == "center" && m.begin_token >= 3 &&
        (toks[m.begin_token - 3].norm == "medical" || toks[m.begin_token - 3].norm == "trauma")))) {
    return true;
  }
  return prep == "to" && (before == "flown" || before == "airlifted" || before == "taken" || before == "transported" ||
                          before == "rushed");
}

// Whether a place says where someone lives: "a Tarboro man", "two Tarboro teens", "John
// Smith, 41, of Tarboro", "a resident of Tarboro", "a 19-year-old from Tarboro", "a man from
// Tarboro", "rioters from Kelbara".
bool Residence(const tokens::TokenizedText& t, const places::PlaceMention& m) {
  const auto& toks = t.tokens;
  const uint32_t n = static_cast<uint32_t>(toks.size());
  auto person = [](std::string_view w) {
    return w == "man" || w == "woman" || w == "men" || w == "women" || w == "teen" || w == "teens" ||
           w == "teenager" || w == "teenagers" || w == "boy" || w == "boys" || w == "girl" || w == "girls" ||
           w == "resident" || w == "residents" || w == "couple" || w == "father" || w == "mother" || w == "native" ||
           w == "youth" || w == "student" || w == "students" || w == "toddler" || w == "male" || w == "female";
  };
  if (m.end_token < n && person(toks[m.end_token].norm)) return true;
  if (m.begin_token < 2) return false;
  std::string_view prep = toks[m.begin_token - 1].norm, before = toks[m.begin_token - 2].norm;
  // ", 41, of Tarboro", ", 41, from Tarboro": after a person's age.
  const bool after_age =
      m.begin_token >= 3 && before == "," && toks[m.begin_token - 3].kind == tokens::TokenKind::kNumber;
  if (prep == "from") {
    // Where people come from (not "fired from a car", "police from Tarboro"): "a man from
    // Tarboro", "a 19-year-old from Tarboro", "rioters from Kelbara marched to ...", "killed a
    // civilian from Kelbara in Dorvane", "forces coming from Kelbara".
    return after_age || (person(before) && before != "native") || before == "civilian" || before == "civilians" ||
           before == "villagers" || before == "people" || before == "rioters" || before == "protesters" ||
           before == "protestors" || before == "demonstrators" || before == "farmers" || before == "herders" ||
           before == "fighters" || before == "youths" || before == "workers" || before == "family" ||
           before == "families" || before == "coming" || before == "came" || before == "originally" ||
           before == "hailing" ||
           (before == "old" && m.begin_token >= 5 && toks[m.begin_token - 3].norm == "-" &&
            toks[m.begin_token - 4].norm == "year");
  }
  if (prep != "of" || m.begin_token < 3) return false;
  if (before == "resident" || before == "residents" || before == "native") return true;
  return after_age;
}

// The city whose police the story names ("Tarboro police said", "the Tarboro Police
// Department", "Tarboro Police Chief Mark Kell"; not a county's: "Pitt County police"), the
// first one, except that of several cities' police the town the story names most
// (`most_named`, DocumentTown) is taken ("Cincinnati police urge ... Hamilton police said" in
// a story about a Hamilton nightclub); null if none.
const places::PlaceMention* PoliceTown(const DocumentAnnotations& doc, const std::vector<uint8_t>& usable_places,
                                       const places::PlaceMention* most_named) {
  const auto& toks = doc.text->tokens;
  const places::PlaceMention* first = nullptr;
  for (const auto& m : doc.places) {
    if (!usable_places[&m - doc.places.data()] || !m.listed || m.qualifier || m.dateline ||
        m.precision != places::Precision::kCity || m.end_token >= toks.size() || toks[m.end_token].norm != "police") {
      continue;
    }
    if (most_named == nullptr || m.name == most_named->name) return &m;
    if (first == nullptr) first = &m;
  }
  return first;
}

bool NamesAnAgency(const tokens::TokenizedText& t, const places::PlaceMention& m);

// The large city a local story is told from: the dateline's town, else the city whose police
// investigate ("Omaha police said"), when it has 100,000 people or more, else (no dateline) the
// only such city the story names, written only before its people or institutions ("a
// heartbroken Omaha mother"); null otherwise. Its quarters
// are many and mostly missing from the gazetteer ("Kelbrook Glen", "the Kelvane Park
// neighborhood"); a small town's story names hamlets around it as often as parts of it.
const places::PlaceMention* StoryCity(const DocumentAnnotations& doc, const std::vector<uint8_t>& usable_places) {
  auto large = [](const places::PlaceMention& m) {
    return m.listed && m.precision == places::Precision::kCity && m.population >= 100000;
  };
  for (const auto& m : doc.places)
    if (m.dateline && usable_places[&m - doc.places.data()]) return large(m) ? &m : nullptr;
  for (const auto& m : doc.places) {
    if (usable_places[&m - doc.places.data()] && !m.qualifier && large(m) && NamesAnAgency(*doc.text, m)) return &m;
  }
  // "a heartbroken Omaha mother", "Omaha assistant police chief", "Omaha Children's Hospital": a
  // city written only as the name of its people and institutions is the story's own; one after
  // a preposition or before a region word ("fighting in Idlib", "the eastern Aleppo
  // countryside", "taken to Omaha") is a place the story locates others by.
  const auto& toks = doc.text->tokens;
  const auto n = static_cast<uint32_t>(toks.size());
  const places::PlaceMention* only = nullptr;
  for (const auto& m : doc.places) {
    if (!usable_places[&m - doc.places.data()] || m.qualifier || !large(m)) continue;
    if (only != nullptr && m.geonames_id != only->geonames_id) return nullptr;
    const uint32_t e = m.end_token;
    const bool institution = e < n && toks[e].kind == tokens::TokenKind::kWord &&
                             toks[e].HasFlag(tokens::kCapitalized) && !toks[e].HasFlag(tokens::kNewlineBefore);
    const bool police = e + 1 < n && (toks[e].norm == "police" || toks[e + 1].norm == "police");
    if (!institution && !police && !Residence(*doc.text, m) && !NamesAnAgency(*doc.text, m)) return nullptr;
    if (m.begin_token > 0) {
      std::string_view w = toks[m.begin_token - 1].norm;
      if (w == "in" || w == "at" || w == "near" || w == "of" || w == "from" || w == "to" || w == "outside") {
        return nullptr;
      }
    }
    only = &m;
  }
  return only;
}

// The US county a local story names whose seat has 100,000 people or more ("the Cook County
// medical examiner": Chicago), when the story has no dateline and names no other county with a
// seat; null otherwise. Its quarters are the seat's as a story city's are (StoryCity).
const places::PlaceMention* LargeSeatCounty(const DocumentAnnotations& doc, const std::vector<uint8_t>& usable_places) {
  const places::PlaceMention* county = nullptr;
  for (const auto& m : doc.places) {
    if (!usable_places[&m - doc.places.data()]) continue;
    if (m.dateline) return nullptr;
    if (m.precision != places::Precision::kAdmin2 || m.seat.name.empty()) continue;
    if (county != nullptr && county->seat.geonames_id != m.seat.geonames_id) return nullptr;
    county = &m;
  }
  return county != nullptr && county->seat.population >= 100000 ? county : nullptr;
}

// Whether a place is written as the name of an agency: "Santa Cruz deputy", "Chicago police",
// "Riverside Police Department", "Franklin officials".
bool NamesAnAgency(const tokens::TokenizedText& t, const places::PlaceMention& m) {
  uint32_t k = m.end_token;
  if (k < t.tokens.size() && (t.tokens[k].norm == "county" || t.tokens[k].norm == "city")) ++k;
  if (k >= t.tokens.size()) return false;
  std::string_view w = t.tokens[k].norm;
  return w == "police" || w == "deputy" || w == "deputies" || w == "sheriff" || w == "sheriff's" || w == "officers" ||
         w == "officer" || w == "officials" || w == "authorities" || w == "fire" || w == "detectives" ||
         w == "investigators" || w == "coroner" || w == "prosecutors";
}

// Whether a word after a place's name makes it part of a town or its countryside: "Borgi
// village", "Saleem Khil area", "Galo Branco neighborhood", "Degwar sector", "Kelbara front".
bool InnerPlaceNoun(std::string_view w) {
  return w == "village" || w == "villages" || w == "area" || w == "neighborhood" || w == "neighbourhood" ||
         w == "community" || w == "locality" || w == "sector" || w == "hamlet" || w == "camp" || w == "quarter" ||
         w == "colony" || w == "mohalla" || w == "ward" || w == "compound" || w == "square" || w == "street" ||
         w == "road" || w == "market" || w == "front" || w == "frontline" || w == "axis";
}

// Whether a word after a place's name makes it wider than a town: "Idleb countryside",
// "Sanaa governorate", "Rakhine State", "Lainya county".
bool WideAreaNoun(std::string_view w) {
  return w == "countryside" || w == "governorate" || w == "province" || w == "state" || w == "region" ||
         w == "oblast" || w == "department" || w == "county" || w == "division";
}

// Words that may stand between a place and the wider place holding it, after "in" or "of":
// "Tal Sabeen village in the north-western countryside of Ein Issa".
bool ContainerFiller(std::string_view w) {
  return w == "the" || w == "-" || w == "north" || w == "south" || w == "east" || w == "west" || w == "northern" ||
         w == "southern" || w == "eastern" || w == "western" || w == "central" || w == "rural" || w == "northwestern" ||
         w == "northeastern" || w == "southwestern" || w == "southeastern" || w == "north-western" ||
         w == "north-eastern" || w == "south-western" || w == "south-eastern" || w == "countryside" ||
         w == "outskirts" || w == "vicinity" || w == "suburbs" || w == "of" || w == "in";
}

// Whether a place is the name a coder's square brackets give ("near the Kelmir camp [Jabal
// Kelmir]", "a central Athens hospital [coded to Athens-Kelmora Quarter]"): where the note's
// coder placed its events (places rule 14); so is one name in parentheses between a place and
// "region" ("in Kelzap (Amadiya) region").
bool CodedInBrackets(const tokens::TokenizedText& t, const places::PlaceMention& m) {
  uint32_t k = m.begin_token;
  if (k >= 3 && t.tokens[k - 2].norm == "coded" &&
      (t.tokens[k - 1].norm == "to" || t.tokens[k - 1].norm == "as" || t.tokens[k - 1].norm == "at" ||
       t.tokens[k - 1].norm == "in")) {
    k -= 2;
  }
  const uint32_t e = m.end_token;
  // "Bate village, coded as Kelmor district", "coded in Kelbara (Al Dhaher, Sadah)", "(coded as
  // Kelmor LGA, Kaduna)": the coder's words name the place outside brackets too.
  if (k + 2 == m.begin_token && k > 0 && m.precision == places::Precision::kCity && !m.qualifier &&
      (t.tokens[k + 1].norm == "as" || t.tokens[k + 1].norm == "at" || t.tokens[k + 1].norm == "in" ||
       t.tokens[k + 1].norm == "to")) {
    return true;
  }
  if (k > 0 && k == m.begin_token && t.tokens[k - 1].norm == "(" && e + 1 < t.tokens.size() &&
      t.tokens[e].norm == ")" && t.tokens[e + 1].norm == "region" && !m.qualifier) {
    return true;
  }
  return k > 0 && t.tokens[k - 1].norm == "[" && e < t.tokens.size() && t.tokens[e].norm == "]";
}

// Whether a place before an event's trigger says where its actors stand: "forces located at
// Berd fired on ...", "troops stationed in nameless hills in Ijevan region shelled ...". A
// participle of position (located, stationed, positioned, based) up to six words before the
// place, and no comma between the place and the trigger. The place the sentence gives the
// target ("the positions ... near Kelbarli") is where the event happened.
bool ActorsPosition(const tokens::TokenizedText& t, const places::PlaceMention& m, uint32_t trigger) {
  if (m.begin_token >= trigger) return false;
  for (uint32_t k = m.end_token; k < trigger; ++k) {
    std::string_view w = t.tokens[k].norm;
    if (w == "," || w == ";" || w == "(") return false;
  }
  uint32_t stop = m.begin_token > 6 ? m.begin_token - 6 : 0;
  for (uint32_t k = m.begin_token; k > stop;) {
    std::string_view w = t.tokens[--k].norm;
    if (w == "located" || w == "stationed" || w == "positioned" || w == "based") return true;
    if (w == "," || w == ";" || w == ")" || w == ".") return false;
  }
  return false;
}

// A sentence's fronted place ("On <date>, in X, Y state, <clause>"): where the whole clause
// happened, also for events whose trigger is nearer another place of the clause (people "from
// Z", a venue or a road named after Z, the quarter "in Z" inside X). The first usable place of
// the sentence, a town after "in" that opens the sentence or follows one comma of an opening
// adverbial (a date), then only its qualifiers (capitalized words, locality nouns, connectors,
// commas, parentheses) up to the comma that ends the adverbial. Returns the mention's index and
// the token after that comma, or {SIZE_MAX, 0}.
std::pair<size_t, uint32_t> FrontedPlace(const DocumentAnnotations& doc, const std::vector<uint8_t>& usable,
                                         const tokens::Sentence& sent) {
  const auto& toks = doc.text->tokens;
  constexpr std::pair<size_t, uint32_t> kNone{SIZE_MAX, 0};
  // Places are in text order: the first one of the sentence by binary search (this runs per event).
  size_t i = std::lower_bound(doc.places.begin(), doc.places.end(), sent.begin_token,
                              [](const places::PlaceMention& p, uint32_t t) { return p.begin_token < t; }) -
             doc.places.begin();
  for (; i < doc.places.size() && !usable[i]; ++i) {
    if (doc.places[i].begin_token >= sent.end_token) return kNone;
  }
  if (i == doc.places.size()) return kNone;
  const auto& m = doc.places[i];
  if (m.begin_token >= sent.end_token || m.begin_token < sent.begin_token + 1 ||
      m.precision != places::Precision::kCity || SubCityIn(doc, m)) {
    return kNone;
  }
  uint32_t in = m.begin_token - 1;
  if (toks[in].norm != "in") return kNone;
  int commas = 0;
  for (uint32_t k = sent.begin_token; k < in; ++k) commas += toks[k].norm == ",";
  if (!(in == sent.begin_token || (commas == 1 && toks[in - 1].norm == ","))) return kNone;
  int depth = 0;
  for (uint32_t k = m.end_token; k < sent.end_token && k < m.end_token + 16; ++k) {
    std::string_view w = toks[k].norm;
    if (w == "(") {
      ++depth;
    } else if (w == ")") {
      if (--depth < 0) return kNone;
    } else if (depth > 0 || (toks[k].flags & tokens::kCapitalized) || w == "-" || WideAreaNoun(w) ||
               AreaAroundWord(w) || w == "city" || w == "town" || w == "de" || w == "del" || w == "do" || w == "da" ||
               w == "la" || w == "los" || w == "las" || w == "al" || w == "el") {
      continue;
    } else if (w == ",") {
      // The adverbial ends at a comma followed by the clause, not by another qualifier.
      if (k + 1 < sent.end_token && !(toks[k + 1].flags & tokens::kCapitalized)) return {i, k + 1};
      size_t j = i + 1;
      while (j < doc.places.size() && doc.places[j].begin_token < k + 1) ++j;
      bool place_next = j < doc.places.size() && doc.places[j].begin_token == k + 1;
      if (!place_next && k + 1 < sent.end_token) return {i, k + 1};
    } else {
      return kNone;
    }
  }
  return kNone;
}

// Whether `m` is in parentheses (opened in its sentence, from `begin`) that locate the usable
// place just before them, up to three words between: "in Brankhoek (City of Johannesburg,
// Gauteng)", "in Kelmora sector area (Uri, J&K)", "under Kelbara police station area (Gaya,
// Bihar)". That place is where the event happened, not the one in the parentheses.
bool LocatesAPlace(const DocumentAnnotations& doc, const std::vector<uint8_t>& usable, uint32_t begin,
                   const places::PlaceMention& m) {
  uint32_t open = OpeningParenthesis(*doc.text, begin, m.begin_token);
  if (open == UINT32_MAX) return false;
  for (size_t pi = static_cast<size_t>(&m - doc.places.data()); pi > 0;) {
    const auto& p = doc.places[--pi];
    if (p.end_token > open) continue;
    if (p.end_token + 3 < open || p.begin_token < begin) return false;
    return usable[pi] && !InParentheses(*doc.text, begin, p.begin_token);
  }
  return false;
}

// The mention an event placed at `m` takes (EventAssembler::PlaceRedirects), following a chain
// ("Tal Sabeen village in the countryside of Ein Issa in Ar-Raqqa": Ar-Raqqa -> Ein Issa ->
// Tal Sabeen) for a few steps.
const places::PlaceMention& Redirected(const DocumentAnnotations& doc, const std::vector<uint32_t>& to,
                                       const places::PlaceMention& m) {
  size_t i = static_cast<size_t>(&m - doc.places.data());
  for (int step = 0; step < 4 && to[i] != i; ++step) i = to[i];
  return doc.places[i];
}

}  // namespace

namespace {

// A place noun that may follow a place of a list, singular or plural: "on the Kelbara front",
// "in Kelbara and Dorvane districts".
bool ListPlaceNoun(const Token& t) {
  return IsAny(t, WORDS("village", "villages", "area", "areas", "neighborhood", "neighbourhood", "community",
                        "locality", "localities", "sector", "sectors", "hamlet", "camp", "quarter", "colony",
                        "mohalla", "ward", "compound", "square", "street", "road", "market", "front", "fronts",
                        "frontline", "frontlines", "axis", "town", "towns", "district", "districts", "province",
                        "provinces", "region", "regions", "hill", "hills", "township", "townships", "municipality",
                        "municipalities", "governorate", "governorates", "county", "counties", "commune",
                        "communes"));
}

// The token after a place of a list with its place nouns and the notes' parentheses that locate
// it: "Kelbara front (Kelmor, Lahij)" ends after ")".
uint32_t ListMemberEnd(const tokens::TokenizedText& t, const places::PlaceMention& m, uint32_t sent_end) {
  const auto& toks = t.tokens;
  uint32_t k = m.end_token;
  for (int n = 0; n < 2 && k < sent_end && ListPlaceNoun(toks[k]); ++n) ++k;
  if (k < sent_end && toks[k].norm == "(") {
    uint32_t close = k + 1;
    while (close < sent_end && close < k + 12 && toks[close].norm != ")" && toks[close].norm != "(") ++close;
    if (close >= sent_end || toks[close].norm != ")") return k;
    k = close + 1;
    for (int n = 0; n < 2 && k < sent_end && ListPlaceNoun(toks[k]); ++n) ++k;
  }
  return k;
}

// The other places of a list the place `chosen` is one of, in its sentence: "shelled Kelbara,
// Dorvane and Tashan Kelmo", "on the Kelbara (Kelmor, Lahij) and Dorvane (Kelmor, Lahij)
// fronts", "in Kelbara and Dorvane districts". Places joined by commas and a final "and"; a
// comma alone joins a place and the wider one holding it ("Kelbara, Kelmor"), no list.
std::vector<size_t> ListedWith(const DocumentAnnotations& doc, const std::vector<uint8_t>& usable, size_t chosen,
                               uint32_t sent_begin, uint32_t sent_end) {
  const auto& t = *doc.text;
  const auto& toks = t.tokens;
  auto member = [&](const places::PlaceMention& m) {
    size_t i = static_cast<size_t>(&m - doc.places.data());
    // "in Kelbara, Dorvane and Tashan Kelmo": a place after a comma reads as the qualifier of
    // the one before it until the "and" shows a list.
    const bool after_comma = m.begin_token > sent_begin && toks[m.begin_token - 1].norm == ",";
    return (usable[i] || (m.qualifier && after_comma)) && !m.demonym && !m.actor &&
           m.precision != places::Precision::kCountry && m.begin_token >= sent_begin && m.end_token <= sent_end;
  };
  std::vector<size_t> out;
  bool joined_by_and = false;
  // Forward.
  for (size_t i = chosen;;) {
    uint32_t k = ListMemberEnd(t, doc.places[i], sent_end);
    bool comma = k < sent_end && toks[k].norm == ",";
    if (comma) ++k;
    bool and_ = k < sent_end && toks[k].norm == "and";
    if (and_) ++k;
    if (!comma && !and_) break;
    size_t j = i + 1;
    while (j < doc.places.size() && doc.places[j].begin_token < k) ++j;
    if (j >= doc.places.size() || doc.places[j].begin_token != k || !member(doc.places[j])) break;
    out.push_back(j);
    joined_by_and = joined_by_and || and_;
    i = j;
    if (and_) break;
  }
  // Backward.
  for (size_t i = chosen; i > 0;) {
    uint32_t b = doc.places[i].begin_token;
    if (b <= sent_begin) break;
    bool and_ = toks[b - 1].norm == "and";
    uint32_t sep = and_ ? b - 1 : b;
    bool comma = sep > sent_begin && toks[sep - 1].norm == ",";
    if (comma) --sep;
    if (!comma && !and_) break;
    size_t j = i;
    bool found = false;
    while (j > 0) {
      --j;
      const auto& p = doc.places[j];
      if (p.end_token > sep) continue;
      if (p.begin_token < sent_begin) break;
      if (!member(p)) continue;
      found = ListMemberEnd(t, p, sent_end) == sep;
      break;
    }
    if (!found) break;
    out.push_back(j);
    joined_by_and = joined_by_and || and_;
    i = j;
  }
  if (!joined_by_and) out.clear();
  // "on the road between Kelbara and Dorvane", "between the towns of Kelbara and Dorvane": one
  // event at one spot, which the first place names (PlaceRedirects).
  uint32_t first = doc.places[chosen].begin_token;
  for (size_t j : out) first = std::min(first, doc.places[j].begin_token);
  if (first >= 3 && toks[first - 1].norm == "of" && toks[first - 3].norm == "the") first -= 3;
  if (first > sent_begin && toks[first - 1].norm == "between") out.clear();
  return out;
}

}  // namespace

void EventAssembler::SplitOverListedPlaces(const DocumentAnnotations& doc, const std::string& doc_country,
                                           const std::vector<uint8_t>& usable_places, std::vector<Event>* out) {
  // PERF: the new events are gathered first and appended at once (appending each grew the
  // vector, moving every event, a few hundred bytes each).
  thread_local std::vector<Event> added;
  added.clear();
  const size_t n = out->size();
  for (size_t e = 0; e < n; ++e) {
    if (!(*out)[e].location || (*out)[e].location->basis != "same sentence") continue;
    const auto& sent = doc.text->sentences[(*out)[e].sentence_index];
    const uint32_t at = (*out)[e].location->span.begin;
    size_t chosen = SIZE_MAX;
    // Places are in text order: the sentence's first one by binary search (this runs per event).
    size_t i = std::lower_bound(doc.places.begin(), doc.places.end(), sent.begin_token,
                                [](const places::PlaceMention& p, uint32_t t) { return p.begin_token < t; }) -
               doc.places.begin();
    for (; i < doc.places.size() && doc.places[i].begin_token < sent.end_token; ++i) {
      const auto& m = doc.places[i];
      if (usable_places[i] && m.end_token <= sent.end_token && m.span.begin <= at && at < m.span.end) {
        chosen = i;
        break;
      }
    }
    if (chosen == SIZE_MAX) continue;
    for (size_t j : ListedWith(doc, usable_places, chosen, sent.begin_token, sent.end_token)) {
      Event copy = (*out)[e];
      copy.counts.clear();
      copy.restated.clear();
      copy.part_of = static_cast<int>(e);
      copy.location = MakeLocation(doc, doc.places[j], "same sentence", doc_country);
      if (copy.location->name == (*out)[e].location->name) continue;
      added.push_back(std::move(copy));
    }
  }
  if (added.empty()) return;
  out->reserve(out->size() + added.size());
  for (auto& ev : added) out->push_back(std::move(ev));
  added.clear();
}

namespace {

// Whether a town bears the name of its first-level subdivision ("Ar Raqqah" in Ar Raqqah, "Homs"
// in Homs): in notes its name often means the province.
bool SeatNamedLikeItsProvince(const places::PlaceMention& m) {
  auto letters = [](std::string_view s) {
    std::string r;
    for (char c : s)
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) r += static_cast<char>(c | 0x20);
    return r;
  };
  return !m.admin1_name.empty() && letters(m.admin1_name) == letters(m.name);
}

}  // namespace

std::vector<uint8_t> EventAssembler::UsablePlaces(const DocumentAnnotations& doc) {
  // Demonyms and actors name no place. A qualifier of another place is not where the event
  // happened; one after a name that is not a place ("the Civil Hospital, Patiala (Punjab)") is.
  std::vector<uint8_t> usable(doc.places.size(), 1);
  const auto& toks = doc.text->tokens;
  for (size_t i = 0; i < doc.places.size(); ++i) {
    const auto& m = doc.places[i];
    if (m.demonym || m.actor || (NamesAFacility(*doc.text, m) && SiteEnd(*doc.text, m) == m.end_token)) {
      // "taken to Mount Sinai Hospital": a facility's name, where victims went, not the scene.
      usable[i] = 0;
    } else if (m.precision == places::Precision::kCountry && m.end_token < toks.size() &&
               !(toks[m.end_token].flags & tokens::kCapitalized) &&
               (toks[m.end_token].norm == "government" || toks[m.end_token].norm == "authorities" ||
                toks[m.end_token].norm == "embassy" || toks[m.end_token].norm == "officials")) {
      // "providing data to the United States government": a country's institution, an actor.
      usable[i] = 0;
    } else if (m.qualifier) {
      // "(Baramulla district, J&K)" after a locality the gazetteer lacks and the text does not
      // mark as one: usable too (with the parentheses' penalty in LocateEvent).
      bool after_place = i > 0 && doc.places[i - 1].end_token + 3 >= m.begin_token;
      std::string_view before = m.begin_token > 0 ? toks[m.begin_token - 1].norm : std::string_view();
      usable[i] = !after_place && (before == "," || before == "(");
    }
  }
  return usable;
}

std::vector<uint32_t> EventAssembler::PlaceRedirects(const DocumentAnnotations& doc) {
  // "X [noun] in|of [the ...] Y [noun]": Y holds X. The event is at X ("shelled Kinda in
  // Idleb", "in Dayr Nakhla city in Ar-Raqqa countryside"), unless X is part of the town Y: a
  // quarter, street or venue ("Al-Zaytun neighbourhood in Afrin city", "Barangay Lumot,
  // Dumaguete": a barangay of a city of 100,000 people or more, VillageBarangay; "outside the
  // Seray in Tripoli"), or a place inside what the text calls a town, city or district ("in Lazaka village in Shirqat
  // district"); then the town places the event better (one users can map; the part is rarely in the gazetteer). A wide
  // Y (a subdivision, "Idleb countryside", "in the countryside of Ein Issa") never takes the event from X.
  const auto& t = *doc.text;
  const auto& toks = t.tokens;
  std::vector<uint32_t> to(doc.places.size());
  for (size_t i = 0; i < to.size(); ++i) to[i] = static_cast<uint32_t>(i);
  for (size_t i = 0; i + 1 < doc.places.size(); ++i) {
    const auto& x = doc.places[i];
    const auto& y = doc.places[i + 1];
    if (x.demonym || x.actor || y.demonym || y.actor || x.precision == places::Precision::kCountry ||
        y.precision == places::Precision::kCountry || y.begin_token < x.end_token || y.begin_token - x.end_token > 12) {
      continue;
    }
    // "in Bismil district of Diyarbakir", "in Baharak district centre, Badakhshan", "Tamu
    // Township, Kale District, Sagaing Region": a district named by its seat town, in the wider
    // place after it, is the finer place: the event is there, not in the province or the city.
    // A municipality in a city is the city's own ("Libertador municipality in Caracas"); a name
    // after "the" is an institution's ("the Northern District of Ohio", "the School District
    // of Waukesha").
    if (AreaAround(t, x) && (x.country.empty() || y.country.empty() || x.country == y.country) &&
        !(x.begin_token > 0 && toks[x.begin_token - 1].norm == "the") &&
        !(toks[x.end_token].norm == "municipality" && y.precision == places::Precision::kCity)) {
      uint32_t k = x.end_token + 1;
      if (k < y.begin_token && (toks[k].norm == "center" || toks[k].norm == "centre")) ++k;
      if (k < y.begin_token && (toks[k].norm == "of" || toks[k].norm == "in" || toks[k].norm == ",")) {
        for (++k; k < y.begin_token && ContainerFiller(toks[k].norm);) ++k;
        if (k == y.begin_token) {
          to[i + 1] = static_cast<uint32_t>(i);
          continue;
        }
      }
    }
    // "in Mbingi village, near Tembura (Ezo, Western Equatoria)": the place the note's
    // parentheses locate is the one the event is placed by; a spot near it is only described.
    if (x.precision == places::Precision::kCity && y.precision == places::Precision::kCity &&
        (x.country.empty() || y.country.empty() || x.country == y.country)) {
      uint32_t k = x.end_token;
      if (k < y.begin_token && (InnerPlaceNoun(toks[k].norm) || toks[k].norm == "town")) ++k;
      if (k < y.begin_token && toks[k].norm == ",") ++k;
      uint32_t after = y.end_token;
      if (after < toks.size() &&
          (toks[after].norm == "town" || toks[after].norm == "village" || toks[after].norm == "city")) {
        ++after;
      }
      if (k + 1 == y.begin_token && toks[k].norm == "near" && after < toks.size() && toks[after].norm == "(") {
        to[i] = static_cast<uint32_t>(i + 1);
        continue;
      }
    }
    // A part of a town: a quarter, a street or venue, or a name after "the" (an institution
    // or a named area: "the Ministry of Education in Libreville").
    // "the Court of First Instance in Mahdia": the end of a longer name, an institution.
    bool part = SubCityIn(doc, x) || (x.begin_token > 0 && toks[x.begin_token - 1].norm == "the") ||
                (x.begin_token > 1 && toks[x.begin_token - 1].norm == "of" &&
                 (toks[x.begin_token - 2].flags & tokens::kCapitalized));
    uint32_t k = x.end_token;
    // "Beelow village neighbourhood in ...": one or two place nouns.
    for (int nouns = 0; nouns < 2 && k < y.begin_token &&
                        (InnerPlaceNoun(toks[k].norm) || toks[k].norm == "town" || toks[k].norm == "city");
         ++nouns) {
      ++k;
    }
    // "Kelbara and its outskirts in ...", "Kelbara and surrounding areas in ...": the place with
    // its surroundings.
    if (k + 3 < y.begin_token && toks[k].norm == "and") {
      std::string_view a = toks[k + 1].norm, b = toks[k + 2].norm;
      if (a == "its" && (b == "outskirts" || b == "surroundings" || b == "vicinity" || b == "environs")) {
        k += 3;
      } else {
        uint32_t n = k + (a == "the" ? 2 : 1);
        if (n + 1 < y.begin_token && toks[n].norm == "surrounding" &&
            (toks[n + 1].norm == "areas" || toks[n + 1].norm == "area" || toks[n + 1].norm == "villages")) {
          k = n + 2;
        }
      }
    }
    if (k >= y.begin_token) continue;
    // "blocked the Kelbara-Dorvane road in Halba", "the Kelbara road in Halba": a road's towns say
    // where it leads, not a spot in Y; the event stays at the town Y (LocateEvent ranks them
    // after it). Not in a seat named like its province ("the Kelbara - Dorvane road in
    // Ar-Raqqa": the province, more often), where the road's town is the finer place.
    if (y.precision == places::Precision::kCity &&
        (toks[x.end_token].norm == "road" || toks[x.end_token].norm == "highway" || RoadEnd(t, x) != 0) &&
        !SeatNamedLikeItsProvince(y)) {
      continue;
    }
    std::string_view link = toks[k].norm;
    bool holds = link == "in" || link == "of";
    if (!holds && !(part && (link == "near" || link == ","))) continue;
    // A county is a subdivision too ("the Tarboro area in Edgecombe County"), also one the
    // gazetteer lacks, kept as written (not a district named like its town: "in Gazipur city
    // (Gazipur, Dhaka)").
    bool wide = y.precision == places::Precision::kAdmin1 || toks[y.end_token - 1].norm == "county" ||
                toks[y.end_token - 1].norm == "parish";
    // "the village of Kelbara in Jabal al-Wusta in the eastern countryside of Hama": a name
    // that is no mention may stand between, itself in Y.
    bool named = false, relinked = false;
    bool rural = false;  // "Kelbara village in rural Dorvane"
    for (++k; k < y.begin_token; ++k) {
      std::string_view w = toks[k].norm;
      if (!named && (toks[k].flags & tokens::kCapitalized) && toks[k - 1].norm == "in") {
        named = true;
        continue;
      }
      if (named && !relinked) {
        if (w == "in" || w == "of") {
          relinked = true;
        } else if (!(toks[k].flags & tokens::kCapitalized) && w != "-" && w != "al" && w != "el") {
          break;
        }
        continue;
      }
      if (!ContainerFiller(w)) break;
      if (w == "countryside" || w == "outskirts" || w == "vicinity") wide = true;
      if (w == "rural") rural = true;
    }
    if (k != y.begin_token || named != relinked) continue;
    std::string_view after_y = y.end_token < toks.size() ? toks[y.end_token].norm : std::string_view();
    if (WideAreaNoun(after_y)) wide = true;
    bool y_town = after_y == "city" || after_y == "town" || after_y == "district" || after_y == "upazila" ||
                  after_y == "suburb" || after_y == "tehsil" || after_y == "taluka";
    // "in Kelbara village in Garabulli (Almargeb)": the note's parentheses locate the town Y,
    // the place the event is placed by (not a district or LGA Y: "Danhono in Chikun LGA (Kaduna)").
    uint32_t paren = y.end_token + ((after_y == "city" || after_y == "town" || after_y == "village") ? 1 : 0);
    bool y_noted =
        y.precision == places::Precision::kCity && !AreaAround(t, y) && paren < toks.size() && toks[paren].norm == "(";
    // "employees of Kelbara Company in Faryab": a venue or firm the gazetteer lacks, in a
    // province, is placed by the province.
    bool venue = VenueName(t, x);
    // "shelled Kelbara village in rural Dorvane": the village is named as a spot of the town's
    // rural area, which is the place coded (acled-2020: the town in 9 of 10 such notes; "in the
    // countryside of Dorvane" splits, 7 to 6, and keeps the village).
    const bool rural_town = rural && holds && !wide && y.precision == places::Precision::kCity &&
                            x.precision == places::Precision::kCity;
    if (((!wide || (venue && holds)) && (part || (holds && (y_town || y_noted)))) || rural_town) {
      to[i] = static_cast<uint32_t>(i + 1);
    } else if (holds && x.precision != places::Precision::kAdmin1 &&
               (x.country.empty() || y.country.empty() || x.country == y.country)) {
      // (X in another country than the place holding it is a namesake abroad.)
      to[i + 1] = static_cast<uint32_t>(i);
    }
  }
  // "in Kelbara area (Mukalla, Hadramawt), located 9km east of Mukalla", "at Kelmor (Bosaso,
  // Bari), south of Bosaso town": the place the note's parentheses locate is where the event is
  // coded; the town after the direction only says where it lies (acled-2020: 2 such notes, both
  // coded at the located place; without the parentheses coders split, 7 to 10).
  auto direction = [](std::string_view w) {
    return w == "north" || w == "south" || w == "east" || w == "west" || w == "northeast" || w == "northwest" ||
           w == "southeast" || w == "southwest";
  };
  for (size_t i = 0; i + 1 < doc.places.size(); ++i) {
    const auto& x = doc.places[i];
    if (x.precision != places::Precision::kCity || x.demonym || x.actor || x.qualifier || to[i] != i) continue;
    uint32_t k = x.end_token;
    if (k < toks.size() && InnerPlaceNoun(toks[k].norm)) ++k;
    if (k >= toks.size() || toks[k].norm != "(") continue;
    uint32_t close = k + 1;
    while (close < toks.size() && close < k + 12 && toks[close].norm != ")" && toks[close].norm != "(") ++close;
    if (close >= toks.size() || toks[close].norm != ")") continue;
    k = close + 1;
    if (k < toks.size() && toks[k].norm == ",") ++k;
    if (k < toks.size() && toks[k].norm == "located") ++k;
    if (k < toks.size() && (toks[k].norm == "about" || toks[k].norm == "some" || toks[k].norm == "around")) ++k;
    if (k < toks.size() && !toks[k].norm.empty() && toks[k].norm[0] >= '0' && toks[k].norm[0] <= '9') ++k;
    if (k < toks.size() && (toks[k].norm == "km" || toks[k].norm == "kilometres" || toks[k].norm == "kilometers")) ++k;
    if (k < toks.size() && direction(toks[k].norm)) {
      ++k;
      if (k + 1 < toks.size() && toks[k].norm == "-" && direction(toks[k + 1].norm)) k += 2;
    } else {
      continue;
    }
    if (k >= toks.size() || toks[k].norm != "of") continue;
    ++k;
    for (size_t j = i + 1; j < doc.places.size(); ++j) {
      const auto& y = doc.places[j];
      if (y.begin_token < k) continue;
      if (y.begin_token == k && y.precision == places::Precision::kCity && !y.demonym && !y.actor && to[j] == j &&
          (x.country.empty() || y.country.empty() || x.country == y.country)) {
        to[j] = static_cast<uint32_t>(i);
      }
      break;
    }
  }
  // "between Sousa and Uirauna", "on the road between the towns of Kahil, Dar'a, and Mseifra":
  // an event between two towns is placed at the first (the second's qualifiers aside).
  for (size_t i = 0; i + 1 < doc.places.size(); ++i) {
    const auto& x = doc.places[i];
    if (x.precision != places::Precision::kCity || x.demonym || x.actor || x.begin_token < 1) continue;
    uint32_t b = x.begin_token - 1;
    // "between the cities of": up to three words after "between".
    if (b >= 3 && toks[b].norm == "of" && toks[b - 2].norm == "the") b -= 3;
    if (toks[b].norm != "between") continue;
    size_t j = i + 1;
    while (j < doc.places.size() && doc.places[j].qualifier && doc.places[j].begin_token < x.end_token + 8) ++j;
    if (j == doc.places.size()) break;
    const auto& y = doc.places[j];
    if (y.precision != places::Precision::kCity || y.demonym || y.actor || y.begin_token > x.end_token + 8 ||
        toks[y.begin_token - 1].norm != "and" || to[j] != j) {
      continue;
    }
    to[j] = static_cast<uint32_t>(i);
  }
  return to;
}

const places::PlaceMention* EventAssembler::TownInCounty(const DocumentPlaces& doc_places,
                                                         const places::PlaceMention& m) {
  const places::PlaceMention* town = doc_places.town;
  if (m.precision != places::Precision::kAdmin2 || m.listed || town == nullptr || town->country != m.country ||
      (!m.admin1_code.empty() && town->admin1_code != m.admin1_code)) {
    return nullptr;
  }
  return town;
}

const places::PlaceMention* EventAssembler::DocumentTown(const DocumentAnnotations& doc,
                                                         const std::vector<uint8_t>& usable_places,
                                                         const std::string& doc_country) {
  // The town the document names most ("It happened Wednesday in Waitsfield", paragraphs after
  // the event's): a city-level place of the document's country, the earliest on a tie.
  struct Seen {
    std::string_view name;
    int count = 0;
    size_t first = 0;
  };
  // PERF: a few towns per document: a vector kept per thread, searched in order (a hash map
  // was built per document).
  thread_local std::vector<Seen> seen;
  seen.clear();
  for (size_t i = 0; i < doc.places.size(); ++i) {
    const auto& m = doc.places[i];
    // "D.C. police said": a subdivision that is one city counts as that city (Washington).
    const bool one_city = m.precision == places::Precision::kAdmin1 && !m.within.name.empty();
    if (!usable_places[i] || (m.precision != places::Precision::kCity && !one_city) || m.country.empty()) continue;
    if (!doc_country.empty() && m.country != doc_country) continue;
    const std::string_view name = one_city ? std::string_view(m.within.name) : std::string_view(m.name);
    auto it = std::find_if(seen.begin(), seen.end(), [&](const Seen& s) { return s.name == name; });
    if (it == seen.end()) {
      seen.push_back(Seen{name, 1, i});
    } else {
      ++it->count;
    }
  }
  const Seen* best = nullptr;
  for (const Seen& s : seen)
    if (best == nullptr || s.count > best->count || (s.count == best->count && s.first < best->first)) best = &s;
  return best == nullptr ? nullptr : &doc.places[best->first];
}

LocationRef EventAssembler::MakeLocation(const DocumentAnnotations& doc, const places::PlaceMention& m,
                                         std::string_view basis, const std::string& doc_country) {
  LocationRef l;
  l.span = m.span;
  l.name = m.name;
  l.country = m.country;
  l.admin1_code = m.admin1_code;
  l.admin1_name = m.admin1_name;
  l.lat = m.lat;
  l.lon = m.lon;
  l.has_coordinates = m.has_coordinates;
  l.geonames_id = m.geonames_id;
  l.precision = places::PrecisionName(m.precision);
  l.basis = basis;
  // "Barangay Lumot": a locality the gazetteer lacks, written with its unit's title; the
  // place is Lumot.
  if (const auto& toks = doc.text->tokens;
      !m.listed && m.end_token > m.begin_token + 1 && toks[m.begin_token].norm == "barangay") {
    l.span.begin = toks[m.begin_token + 1].span.begin;
    if (size_t space = m.name.find(' '); space != std::string::npos) l.name = m.name.substr(space + 1);
  }
  // "Kelbar Heights (Tovuz Region)": a locality the gazetteer lacks, named as coders name one
  // their gazetteer holds several times, with its region in parentheses (a name, then a
  // capitalized unit noun, and nothing else): the parentheses are part of its name and text.
  if (const auto& toks = doc.text->tokens;
      !m.listed && m.end_token + 3 < toks.size() && toks[m.end_token].norm == "(") {
    uint32_t k = m.end_token + 1;
    while (k < toks.size() && k < m.end_token + 5 && toks[k].kind == tokens::TokenKind::kWord &&
           toks[k].HasFlag(tokens::kCapitalized)) {
      ++k;
    }
    if (k >= m.end_token + 3 && k < toks.size() && toks[k].norm == ")") {
      const std::string_view unit = toks[k - 1].norm;
      if (unit == "region" || unit == "district" || unit == "province" || unit == "governorate" || unit == "county" ||
          unit == "state" || unit == "municipality" || unit == "township" || unit == "rayon" || unit == "raion" ||
          unit == "oblast") {
        l.span.end = toks[k].span.end;
        l.name = std::string(doc.text->text.substr(l.span.begin, l.span.end - l.span.begin));
      }
    }
  }
  // "in the area of Kharkiv Airport": the text is the site as written, the place its town.
  if (uint32_t e = SiteEnd(*doc.text, m); e > m.end_token) l.span.end = doc.text->tokens[e - 1].span.end;
  // "in Coast of Zwara": a coast named after its town, capitalized as a name of its own (coders
  // name such areas so); the text is the coast as written, the place its town.
  if (const auto& toks = doc.text->tokens;
      m.precision == places::Precision::kCity && m.begin_token >= 2 && l.span.begin == m.span.begin &&
      toks[m.begin_token - 1].norm == "of" && toks[m.begin_token - 2].norm == "coast" &&
      (toks[m.begin_token - 2].flags & tokens::kCapitalized) && !(toks[m.begin_token - 2].flags & tokens::kAllCaps)) {
    l.span.begin = toks[m.begin_token - 2].span.begin;
  }
  // "in Suisun City" (GeoNames "Suisun"): "City" written after a listed US town's name is part
  // of the words shown, as in the US names "Kansas City" or "Dodge City" (elsewhere "Kirkuk City"
  // is the city of Kirkuk, and labellers write "Kirkuk"); a name in capitals keeps its form.
  if (const auto& toks = doc.text->tokens;
      m.listed && m.country == "US" && m.end_token < toks.size() && l.span.end == m.span.end &&
      toks[m.end_token].norm == "city" && toks[m.end_token].HasFlag(tokens::kCapitalized) &&
      !toks[m.end_token].HasFlag(tokens::kAllCaps) && !toks[m.end_token].HasFlag(tokens::kNewlineBefore)) {
    l.span.end = toks[m.end_token].span.end;
  }
  if (l.country.empty()) l.country = doc_country;
  // The town an event placed in `m` reports (its name, id and coordinates); the text keeps the
  // words written.
  auto report_town = [&l](const places::PlaceMention::Within& town) {
    l.name = town.name;
    l.geonames_id = town.geonames_id;
    l.lat = town.lat;
    l.lon = town.lon;
    l.has_coordinates = true;
  };
  if (!m.within.name.empty()) {
    // "ROGERS PARK —": a section of a town; the event is in the city containing it. Same
    // country and admin1 by construction. So is "D.C.", a subdivision that is one city
    // (Washington).
    report_town(m.within);
    // "in D.C.": a subdivision that is one city places the event in the city.
    l.precision = places::PrecisionName(places::Precision::kCity);
  }
  if (!m.seat.name.empty()) {
    // "in their Stafford County home": a county named after its seat reports the seat town (and
    // its state); precision stays admin2, the unit the text states, and the text keeps the
    // county's words.
    report_town(m.seat);
    l.admin1_code = m.seat.admin1_code;
    l.admin1_name = m.seat.admin1_name;
  }
  // "the East Zone of Sao Paulo", "in Kelmora, Bogota": a part of a large city, named as coders
  // name it ("Sao Paulo-East Zone"); the place and its coordinates stay.
  if (!m.section_name.empty()) l.name = m.section_name;
  return l;
}

std::optional<LocationRef> EventAssembler::LocateEvent(const DocumentAnnotations& doc, const Event& ev,
                                                       const std::string& doc_country,
                                                       const std::vector<uint8_t>& usable_places,
                                                       const std::vector<uint32_t>& redirects,
                                                       const DocumentPlaces& doc_places) const {
  const auto& sents = doc.text->sentences;
  const auto& sent = sents[ev.sentence_index];
  auto usable = [&](const places::PlaceMention& m) { return usable_places[&m - doc.places.data()] != 0; };
  auto make = [&](const places::PlaceMention& m, std::string_view basis) {
    return MakeLocation(doc, m, basis, doc_country);
  };
  const places::PlaceMention* best = nullptr;
  const places::PlaceMention* residence = nullptr;  // the first town of the sentence saying where someone lives
  uint32_t best_dist = UINT32_MAX;
  for (const auto& m : doc.places) {
    if (!usable(m) || m.begin_token < sent.begin_token || m.begin_token >= sent.end_token) continue;
    // "at a Raleigh hospital", "flown to Fargo": where the victim of an assault was treated,
    // not the scene (a protest or a raid at a hospital is there: "doctors protested at the
    // hospital in Kelbara").
    if (ev.type == lexicon::EventType::kAssault && m.precision == places::Precision::kCity &&
        HospitalTown(*doc.text, m)) {
      continue;
    }
    uint32_t d =
        m.begin_token >= ev.trigger_token ? (m.begin_token - ev.trigger_token) : (ev.trigger_token - m.begin_token) + 1;
    // A known city names the place better than an unlisted locality, a subdivision or a
    // country in the same sentence ("in Paris Square of Haifa city" -> Haifa).
    // "in tambon Kelphet, Lam Sonthi district of Lop Buri": a Thai subdistrict the text names
    // as such is the finer place, listed or not.
    // A road's two towns rank by their order, listed or not, where notes space the hyphen ("the
    // Kelbara - Bama road": Kelbara).
    const int road_end = RoadEnd(*doc.text, m);
    const auto& rt = doc.text->tokens;
    const bool spaced_road =
        (road_end == 1 && m.end_token + 1 < rt.size() && rt[m.end_token + 1].HasFlag(tokens::kSpaceBefore)) ||
        (road_end == 2 && rt[m.begin_token].HasFlag(tokens::kSpaceBefore));
    if (!m.listed && !spaced_road && !(m.begin_token > 0 && doc.text->tokens[m.begin_token - 1].norm == "tambon")) {
      d += 20;
    }
    // "in Sao Goncalo, ... in the Rio do Ouro neighborhood", "Muaja (Ancuabe, Cabo Delgado)":
    // a neighbourhood inside a named town, and a place in the parentheses that locate another,
    // name the event's place less well than the town itself.
    if (InParentheses(*doc.text, sent.begin_token, m.begin_token)) {
      if (LocatesAPlace(doc, usable_places, sent.begin_token, m)) continue;
      d += 15;
    }
    if (SubCityIn(doc, m) || AreaAround(*doc.text, m)) d += 25;
    // "a county deputy near Watsonville": a place naming an agency is its jurisdiction; a
    // place after "in", "at" or "near" is where it happened.
    if (NamesAnAgency(*doc.text, m)) d += 12;
    // "A Tarboro man was shot ... near a bar in Greenville": where a victim lives ranks after
    // where it happened.
    if (Residence(*doc.text, m)) {
      d += 25;
      if (residence == nullptr) residence = &m;
    }
    if (road_end != 0) d += road_end == 1 ? 30 : 34;
    if (NamesACrossing(*doc.text, m)) d += 30;
    if (ActorsPosition(*doc.text, m, ev.trigger_token)) d += 45;
    if (m.precision == places::Precision::kAdmin2) d += 30;
    if (m.precision == places::Precision::kAdmin1) d += 40;
    if (m.precision == places::Precision::kCountry) d += 80;
    // The coder's bracketed name is where the sentence's events are coded.
    if (CodedInBrackets(*doc.text, m)) d = 0;
    if (d < best_dist) {
      best_dist = d;
      best = &m;
    }
  }
  // "raided Kelbara and Dorvane in Funtua LGA": the unit holding the villages of the list (not
  // redirected to the village, as "Kelbara in Funtua LGA" is).
  if (best != nullptr && best->precision == places::Precision::kCity) {
    if (UnitAfterAList(*doc.text, *best, sent.begin_token, sent.end_token)) return make(*best, "same sentence");
    if (const places::PlaceMention* unit = UnitOfAList(doc, usable_places, *best, sent.begin_token, sent.end_token)) {
      return make(*unit, "same sentence");
    }
  }
  // "in Sao Goncalo, Rio de Janeiro, police raided ... in the Galo Branco neighborhood": a
  // quarter of a town named earlier in the paragraph is placed by that town.
  auto town_of = [&](const places::PlaceMention& m) -> const places::PlaceMention& {
    if (!SubCityIn(doc, m)) return m;
    for (const places::PlaceMention* p = &m; p != doc.places.data();) {
      --p;
      uint32_t si = ev.sentence_index;
      while (si > 0 && sents[si].begin_token > p->begin_token) --si;
      if (sents[si].paragraph != sent.paragraph) break;
      if (usable(*p) && p->precision == places::Precision::kCity && !SubCityIn(doc, *p) &&
          (p->country.empty() || m.country.empty() || p->country == m.country)) {
        return *p;
      }
    }
    return m;
  };
  // "TULSA, Okla. - Two men were shot ... in Kelbrook Glen", "in the Kelvane Park
  // neighborhood ... Omaha police said": a quarter (named so, or a locality the gazetteer
  // lacks) with no town before it in the paragraph is a part of the story's large city
  // (StoryCity): the city is the event's place, the quarter its words. Not a township or
  // district, which is a place of its own, nor a name written in lowercase (in a mostly
  // lowercase document, "kochi: ... in ayodhya", a lowercase word is weak evidence of a place).
  auto locate = [&](const places::PlaceMention& m, std::string_view basis) {
    const places::PlaceMention& town = town_of(m);
    LocationRef l = make(town, basis);
    // "NORFOLK, Va. - A man was killed in an Ocean Kelby shooting": a name the gazetteer knows
    // only as a small town of another state, which the text does not qualify, is a quarter of
    // the story's large city (GVA location 2244 -> 2245).
    auto small_elsewhere = [&](const places::PlaceMention& c) {
      const auto& toks = doc.text->tokens;
      return m.listed && !SubCityIn(doc, m) && m.population < 10000 && m.country == c.country &&
             !m.admin1_code.empty() && !c.admin1_code.empty() && m.admin1_code != c.admin1_code &&
             (m.end_token >= toks.size() || (toks[m.end_token].norm != "," && toks[m.end_token].norm != "("));
    };
    const places::PlaceMention* story_city = nullptr;
    if (m.listed && !SubCityIn(doc, m)) {
      story_city = StoryCity(doc, usable_places);
      // "(WQRT) ... in the Hillview Village apartment complex": with no story city, the large
      // town of the station reporting the story is its city (docs/places.md, "Stations").
      if (story_city == nullptr && doc.station_town != nullptr && doc.station_town->population >= 100000) {
        story_city = doc.station_town;
      }
      if (story_city == nullptr || !small_elsewhere(*story_city)) return l;
    }
    if (&town != &m || m.precision != places::Precision::kCity || m.dateline || m.qualifier || !m.within.name.empty() ||
        AreaAround(*doc.text, m) || !doc.text->tokens[m.begin_token].HasFlag(tokens::kCapitalized) ||
        AreaAroundWord(doc.text->tokens[m.end_token - 1].norm)) {
      return l;
    }
    const places::PlaceMention* city = story_city != nullptr ? story_city : StoryCity(doc, usable_places);
    if (city == nullptr && m.country == "US") {
      // "in the Kelvane Park neighborhood ... the Cook County medical examiner": with no story
      // city, the seat of the story's county is, when it has 100,000 people or more.
      if (const places::PlaceMention* county = LargeSeatCounty(doc, usable_places)) {
        l.name = county->seat.name;
        l.admin1_code = county->seat.admin1_code;
        l.admin1_name = county->seat.admin1_name;
        l.lat = county->seat.lat;
        l.lon = county->seat.lon;
        l.has_coordinates = true;
        l.geonames_id = county->seat.geonames_id;
        return l;
      }
    }
    if (city == nullptr || city == &m || city->country != l.country ||
        (!m.listed && !m.admin1_code.empty() && m.admin1_code != city->admin1_code)) {
      return l;
    }
    l.name = city->name;
    l.admin1_code = city->admin1_code;
    l.admin1_name = city->admin1_name;
    l.lat = city->lat;
    l.lon = city->lon;
    l.has_coordinates = city->has_coordinates;
    l.geonames_id = city->geonames_id;
    return l;
  };
  // "TARBORO, N.C. - A father was arrested after ... at a home in Greenville": the dateline
  // opening the sentence is where the story was filed; a town after "in", "at" or "near" in
  // the sentence is where it happened.
  if (best != nullptr && best->dateline) {
    const auto& toks = doc.text->tokens;
    for (const auto& m : doc.places) {
      if (m.begin_token < sent.begin_token || m.begin_token >= sent.end_token || m.begin_token == 0) continue;
      if (&m == best || m.dateline || m.qualifier || !usable(m) || m.precision != places::Precision::kCity ||
          m.country != best->country || Residence(*doc.text, m) || HospitalTown(*doc.text, m) ||
          NamesAnAgency(*doc.text, m)) {
        continue;
      }
      std::string_view prep = toks[m.begin_token - 1].norm;
      // "in rural Foxhome", "in unincorporated Lake Villa": in the place's countryside.
      if ((prep == "rural" || prep == "unincorporated") && m.begin_token >= 2) prep = toks[m.begin_token - 2].norm;
      if (prep == "in" || prep == "at" || prep == "near") {
        best = &m;
        break;
      }
    }
  }
  // "FARMINGTON (AP) - ... a Flora Vista girl accidentally shot her sister": the victim's town
  // before the dateline, which is where the story was filed (as before a residence ranked after
  // other places).
  if (best != nullptr && best->dateline && residence != nullptr) best = residence;
  // "A Tarboro man was shot Saturday. It happened outside a bar in Greenville": a residence,
  // the only place of the sentence, yields to the town the story says it happened in.
  if (best != nullptr && doc_places.scene != nullptr && doc_places.scene != best && Residence(*doc.text, *best)) {
    return make(*doc_places.scene, "document");
  }
  // "STERLING, Ill. — A boy was shot ... The incident happened ... in Rock Falls": the
  // dateline opening the event's sentence is where the story was filed, not where it happened.
  if (best != nullptr && best->dateline) {
    if (doc_places.scene != nullptr) return make(*doc_places.scene, "document");
    if (const places::PlaceMention* town = TownInCounty(doc_places, *best)) return make(*town, "document");
    // "STERLING, Ill. - ... Rock Falls police Chief Dana Kell answered": a city of the dateline's
    // state whose police answered is where it happened (GVA location 2166 -> 2167).
    if (const places::PlaceMention* police = PoliceTown(doc, usable_places, doc_places.town);
        police != nullptr && police->name != best->name && police->country == best->country &&
        police->admin1_code == best->admin1_code) {
      return make(*police, "document");
    }
  }
  // "A boy was shot ... in Kelbrook County ... It happened ... in Rock Falls": an event its
  // sentence places only in a county or subdivision took place in the town the document says it
  // happened in, in that subdivision's country (and state, when known), the more precise place.
  if (best != nullptr && doc_places.scene != nullptr &&
      (best->precision == places::Precision::kAdmin2 || best->precision == places::Precision::kAdmin1) &&
      doc_places.scene->country == best->country &&
      (best->admin1_code.empty() || doc_places.scene->admin1_code == best->admin1_code)) {
    return make(*doc_places.scene, "document");
  }
  // "Boy, 10, killed in Rocky Mount shooting" over "killed ... in Edgecombe County": the title's
  // town in that county's country and state (the county's, else that of every place of the text
  // that has one: not Tulsa over "Edgecombe County, N.C.") is the more precise place.
  auto title_town_fits = [&](const places::PlaceMention& t, const places::PlaceMention& county) {
    if (t.country != county.country) return false;
    if (!county.admin1_code.empty()) return t.admin1_code == county.admin1_code;
    return std::none_of(doc.places.begin(), doc.places.end(), [&](const places::PlaceMention& m) {
      return m.country == t.country && !m.admin1_code.empty() && m.admin1_code != t.admin1_code;
    });
  };
  if (best != nullptr &&
      (best->precision == places::Precision::kAdmin2 || best->precision == places::Precision::kAdmin1)) {
    const places::PlaceMention* title_town = doc_places.TitleTown();
    // "... - KQXBNews.com - Jackson, MS": the station's town after the site's name is where the
    // station is; a county of its state keeps its seat (GVA location 2240 -> 2241).
    if (title_town != nullptr && doc.title_town_in_site_name && best->precision == places::Precision::kAdmin2 &&
        !best->seat.name.empty()) {
      title_town = nullptr;
    }
    if (title_town != nullptr && title_town_fits(*title_town, *best)) {
      LocationRef l = make(*title_town, "title");
      l.span = title_town->span;
      return l;
    }
  }
  // "On 8 May, in Kelmora (Biobio), lorries were burned ... raids across Biobio": an
  // event its sentence places only in a subdivision took place in the town of that subdivision
  // named before it in the paragraph, the more precise place.
  if (best != nullptr && best->precision == places::Precision::kAdmin1 && !best->admin1_code.empty()) {
    for (auto it = doc.places.rbegin(); it != doc.places.rend(); ++it) {
      const auto& m = *it;
      if (m.begin_token >= sent.begin_token) continue;
      uint32_t si = ev.sentence_index;
      while (si > 0 && sents[si].begin_token > m.begin_token) --si;
      if (sents[si].paragraph != sent.paragraph) break;
      if (usable(m) && !m.dateline && m.precision == places::Precision::kCity && m.admin1_code == best->admin1_code &&
          m.country == best->country) {
        return make(town_of(Redirected(doc, redirects, m)), "same paragraph");
      }
    }
  }
  // "A man was shot outside a bar in North Carolina ... Tarboro Police Chief Mark Kell asked":
  // a city's police investigate in their city; an event its sentence places only in that
  // city's state (or county) took place there.
  if (best != nullptr &&
      (best->precision == places::Precision::kAdmin2 || best->precision == places::Precision::kAdmin1)) {
    if (const places::PlaceMention* police = PoliceTown(doc, usable_places, doc_places.town);
        police != nullptr && police->country == best->country && !best->admin1_code.empty() &&
        police->admin1_code == best->admin1_code) {
      return make(*police, "document");
    }
  }
  // "shot while hunting in South Carolina ... the Union County Sheriff said": an event its
  // sentence places only in a US state took place in the county of that state the story names
  // (reported at its seat), when it names one such county only.
  if (best != nullptr && best->precision == places::Precision::kAdmin1 && best->country == "US" &&
      !best->admin1_code.empty()) {
    const places::PlaceMention* county = nullptr;
    bool one = true;
    for (const auto& m : doc.places) {
      if (m.precision != places::Precision::kAdmin2 || m.seat.name.empty() || !usable(m) ||
          m.seat.admin1_code != best->admin1_code) {
        continue;
      }
      if (county != nullptr && county->seat.geonames_id != m.seat.geonames_id) one = false;
      county = &m;
    }
    if (county != nullptr && one) return make(*county, "document");
  }
  if (best != nullptr) {
    // "On <date>, in X, Y state, traders from Z protested": X, not Z.
    if (auto [fi, after] = FrontedPlace(doc, usable_places, sent);
        fi != SIZE_MAX && ev.trigger_token >= after && best->begin_token >= after) {
      best = &doc.places[fi];
    }
    return locate(Redirected(doc, redirects, *best), "same sentence");
  }
  for (auto it = doc.places.rbegin(); it != doc.places.rend(); ++it) {
    const auto& m = *it;
    if (!usable(m) || m.begin_token >= sent.begin_token || m.dateline) continue;
    // The sentence holding the mention must be in the event's paragraph.
    uint32_t si = ev.sentence_index;
    while (si > 0 && sents[si].begin_token > m.begin_token) --si;
    if (sents[si].paragraph != sent.paragraph) break;
    if (m.precision == places::Precision::kCountry || LocatesAPlace(doc, usable_places, sents[si].begin_token, m)) {
      continue;
    }
    // "On 7 May, in Nova Iguacu, Rio de Janeiro, officers raided a house in Morro do Kelbara.
    // One gunman was shot dead.": the town fronting that sentence places its clause, and the
    // events the next sentences add to it.
    if (auto [fi, after] = FrontedPlace(doc, usable_places, sents[si]); fi != SIZE_MAX && m.begin_token >= after) {
      return make(doc.places[fi], "same paragraph");
    }
    return locate(Redirected(doc, redirects, m), "same paragraph");
  }
  return FallbackLocation(doc, doc_country, usable_places, doc_places);
}

// "The shooting happened Sunday in the 1400 block of Kelbrook Road in Rock Falls": the first
// known town after "in" in a sentence saying where it happened ("happened", "occurred",
// "unfolded", "took place" or an address's "block of" before it), in the document's country;
// null if none. Only towns the gazetteer lists: "The incident happened Monday in Kelbrook
// Park" is more often a neighbourhood of the dateline's city; a hamlet the gazetteer lacks only
// after a compass point and "of" ("in a field northwest of Kelbrook"). The sentence counts where its
// places are resolved (near the events, or anywhere for "happened" and the like: the engine's
// place mask).
const places::PlaceMention* EventAssembler::SceneTown(const DocumentAnnotations& doc,
                                                      const std::vector<uint8_t>& usable_places,
                                                      const std::string& doc_country) {
  const auto& toks = doc.text->tokens;
  const auto& sents = doc.text->sentences;
  size_t si = 0;
  // "at the family's Greenville home", "inside a Rock Falls residence": a town before a home
  // after "at", "inside" or "outside" (up to three words before it) says where, as "in" does.
  auto at_home = [&](const places::PlaceMention& m) {
    if (m.end_token >= toks.size()) return false;
    std::string_view w = toks[m.end_token].norm;
    if (w != "home" && w != "residence" && w != "apartment" && w != "house") return false;
    for (uint32_t k = m.begin_token; k > 0 && m.begin_token - k < 4;) {
      --k;
      std::string_view p = toks[k].norm;
      if (p == "at" || p == "inside" || p == "outside") return true;
      // "the family's X home", "the Osbornes' X home"
      if (toks[k].kind != tokens::TokenKind::kWord && p != "'s" && p != "'") return false;
    }
    return false;
  };
  // "about two miles west of Tarboro", "near Tarboro", "just outside Tarboro": near the town, as
  // good as in it for a story's place.
  auto near_town = [&](const places::PlaceMention& m) {
    // Not near a place named after it ("near Tarboro High School") or a crossing ("near
    // Douglas and Greenwich").
    if (m.end_token < toks.size() &&
        (toks[m.end_token].HasFlag(tokens::kCapitalized) || toks[m.end_token].norm == "and" ||
         toks[m.end_token].norm == "&")) {
      return false;
    }
    std::string_view p = toks[m.begin_token - 1].norm;
    if (p == "near" || p == "outside") return true;
    if (p != "of" || m.begin_token < 2) return false;
    std::string_view d = toks[m.begin_token - 2].norm;
    return d == "north" || d == "south" || d == "east" || d == "west" || d == "northeast" || d == "northwest" ||
           d == "southeast" || d == "southwest";
  };
  // "in the 200 block of Kelbrook Drive, Rock Falls.": the town of an address, after the street
  // (a qualifier of the street's name to the resolver), ending the clause (not "Kelbrook Drive,
  // Kelmar 911 records show"); GVA location 2167 -> 2168.
  auto address_town = [&](const places::PlaceMention& m) {
    if (m.begin_token < 2 || toks[m.begin_token - 1].norm != "," || !StreetOrVenueWord(toks[m.begin_token - 2].norm)) {
      return false;
    }
    if (m.end_token >= toks.size()) return true;
    std::string_view next = toks[m.end_token].norm;
    return next == "," || next == "." || next == ";";
  };
  // "northwest of Kelbrook": a hamlet the gazetteer lacks, named after a compass point and
  // "of", which no one writes of a neighbourhood (GVA location 2179 -> 2180).
  auto compass_hamlet = [&](const places::PlaceMention& m) {
    return !m.listed && m.begin_token >= 2 && toks[m.begin_token - 1].norm == "of" && near_town(m);
  };
  // "in the Town of West Kelbrook": a municipality the text names as such, listed or not, is a
  // place of its own (GVA location 2239 -> 2240).
  auto in_municipality = [&](const places::PlaceMention& m) {
    if (m.begin_token < 4 || toks[m.begin_token - 1].norm != "of" || toks[m.begin_token - 3].norm != "the" ||
        toks[m.begin_token - 4].norm != "in" || !toks[m.begin_token - 2].HasFlag(tokens::kCapitalized)) {
      return false;
    }
    std::string_view unit = toks[m.begin_token - 2].norm;
    if (unit != "town" && unit != "village" && unit != "township" && unit != "borough" && unit != "city") return false;
    // Not a development named after one ("in the Village of Kelbrook subdivision"): the name
    // ends the phrase.
    if (m.end_token >= toks.size() || toks[m.end_token].kind != tokens::TokenKind::kWord) return true;
    std::string_view next = toks[m.end_token].norm;
    return next == "on" || next == "around" || next == "at" || next == "about" || next == "near" || next == "just" ||
           next == "shortly" || next == "early" || next == "late" || next == "in";
  };
  // "in the 6900 block of Kelmar Road in Kelbrook": the town of an address, listed or not; in a
  // large city's story such a name is one of its quarters (StoryCity), which the city places.
  int no_story_city = -1;  // unknown yet
  auto block_town = [&](const places::PlaceMention& m) {
    if (m.begin_token < 4 || toks[m.begin_token - 1].norm != "in" || !StreetOrVenueWord(toks[m.begin_token - 2].norm)) {
      return false;
    }
    if (no_story_city < 0) no_story_city = StoryCity(doc, usable_places) == nullptr ? 1 : 0;
    if (no_story_city == 0) return false;
    for (uint32_t k = m.begin_token - 2; k > 0 && m.begin_token - k < 9;) {
      --k;
      if (toks[k].norm != "block" || toks[k + 1].norm != "of") continue;
      // Not where someone lives: "Dana Kell, of the 800 block of Kelmar Avenue in Kelbrook".
      return !(k >= 3 && (toks[k - 3].norm == "of" || toks[k - 3].norm == "from"));
    }
    return false;
  };
  // "pulled over on Kelmar Road in unincorporated Kelbrook": the countryside of a place, which
  // police name for where something happened (no one lives "in unincorporated" a town they name
  // as their home), is the scene wherever its sentence stands.
  auto countryside = [&](const places::PlaceMention& m) {
    if (m.begin_token < 2) return false;
    std::string_view w = toks[m.begin_token - 1].norm, p = toks[m.begin_token - 2].norm;
    return (w == "unincorporated" || w == "rural") && (p == "in" || p == "near");
  };
  // "Pitt County deputies say ... it happened on Highway 30 in Kelbrook": in a story naming no
  // listed town and no dateline, no town's quarter: a hamlet the gazetteer lacks.
  int no_listed_town = -1;  // unknown yet
  auto alone = [&](const places::PlaceMention& m) {
    if (m.listed) return false;
    if (no_listed_town < 0) {
      no_listed_town = std::none_of(doc.places.begin(), doc.places.end(), [&](const places::PlaceMention& p) {
        return usable_places[&p - doc.places.data()] && (p.dateline || (p.listed && p.precision == places::Precision::kCity));
      }) ? 1 : 0;
    }
    return no_listed_town == 1;
  };
  for (const auto& m : doc.places) {
    if (!usable_places[&m - doc.places.data()] || m.dateline || m.precision != places::Precision::kCity ||
        (!doc_country.empty() && m.country != doc_country) || m.begin_token == 0 ||
        (!m.listed && !compass_hamlet(m) && !in_municipality(m) && !block_town(m) && !at_home(m) &&
         !countryside(m) && !alone(m))) {
      continue;
    }
    if (countryside(m)) return &m;
    const bool address = address_town(m);
    if ((m.qualifier && !address) ||
        (toks[m.begin_token - 1].norm != "in" && !at_home(m) && !near_town(m) && !address && !in_municipality(m))) {
      continue;
    }
    while (si + 1 < sents.size() && sents[si].end_token <= m.begin_token) ++si;
    const uint32_t begin = si < sents.size() ? sents[si].begin_token : 0;
    for (uint32_t k = m.begin_token - 1; k > begin;) {
      --k;
      std::string_view w = toks[k].norm;
      // "in the 1400 block of Kelbrook Road in Rock Falls": an address's block, then its town,
      // says where as "happened" does (GVA location 2162 -> 2165).
      if (w == "happened" || w == "occurred" || w == "unfolded" ||
          (w == "place" && k > begin && toks[k - 1].norm == "took") || (w == "block" && toks[k + 1].norm == "of")) {
        return &m;
      }
    }
  }
  return nullptr;
}

std::optional<LocationRef> EventAssembler::FallbackLocation(const DocumentAnnotations& doc,
                                                            const std::string& doc_country,
                                                            const std::vector<uint8_t>& usable_places,
                                                            const DocumentPlaces& doc_places) const {
  auto usable = [&](const places::PlaceMention& m) { return usable_places[&m - doc.places.data()] != 0; };
  auto make = [&](const places::PlaceMention& m, std::string_view basis) {
    return MakeLocation(doc, m, basis, doc_country);
  };
  if (doc_places.scene != nullptr) return make(*doc_places.scene, "document");
  for (const auto& m : doc.places) {
    if (!m.dateline || !usable(m)) continue;
    // "HARRIS COUNTY, Texas -": a county filed from names no town; the town the story names
    // most, in the county's state, is the more precise place.
    if (const places::PlaceMention* town = TownInCounty(doc_places, m)) return make(*town, "document");
    return make(m, "dateline");
  }
  const places::PlaceMention* title_town = doc_places.TitleTown();
  // "... - WQRT News 9 Tarboro": the station's town comes after the text's town; so does the
  // title's county ("Iredell County man who shot ...", reported at its seat).
  if (title_town != nullptr && doc_places.town != nullptr &&
      (doc.title_town_in_site_name || title_town->precision == places::Precision::kAdmin2)) {
    title_town = nullptr;
  }
  if (title_town != nullptr) {
    // "... shooting at Kimball HS" over a Dallas station's story: a town of under 10,000 people
    // in another state than the station's large town is a namesake of a quarter of it.
    if (const places::PlaceMention* st = doc.station_town;
        st != nullptr && st->population >= 100000 && title_town->listed &&
        title_town->precision == places::Precision::kCity && title_town->population < 10000 &&
        title_town->country == st->country && !title_town->admin1_code.empty() &&
        title_town->admin1_code != st->admin1_code) {
      return make(*st, "document");
    }
    // "Boy, 8, shot in Saginaw" over a text that names no town, or names one only in passing:
    // the title's town (the span is into the title; no site words: those would be the text's
    // tokens).
    LocationRef l = make(*title_town, "title");
    l.span = title_town->span;
    return l;
  }
  // "Acworth Police Chief Wayne Dennard said": the city whose police investigate, before the
  // town the story names most ("Atlanta police", "The Atlanta Journal-Constitution").
  if (const places::PlaceMention* police = PoliceTown(doc, usable_places, doc_places.town);
      police != nullptr && (doc_country.empty() || police->country == doc_country)) {
    return make(*police, "document");
  }
  if (doc_places.town != nullptr) {
    // "... - WQRT News 5 - Memphis, Tennessee" over "at the Hillcrest Apartments": a town of under
    // 10,000 people in another state than the station's large town, which the text does not
    // qualify, is a namesake of a quarter of it.
    const places::PlaceMention& t = *doc_places.town;
    const places::PlaceMention* st = doc.station_town;
    const auto& toks = doc.text->tokens;
    if (st != nullptr && st->population >= 100000 && t.listed && t.precision == places::Precision::kCity &&
        t.population < 10000 && t.country == st->country && !t.admin1_code.empty() &&
        t.admin1_code != st->admin1_code &&
        (t.end_token >= toks.size() || (toks[t.end_token].norm != "," && toks[t.end_token].norm != "("))) {
      return make(*st, "document");
    }
    return make(t, "document");
  }
  // "The Harris County district attorney announced charges": a story that names no town but
  // names a county whose seat is known places the event in that county (reported at its seat),
  // not in the country alone; the first such county named.
  for (const auto& m : doc.places) {
    if (m.precision != places::Precision::kAdmin2 || m.seat.name.empty() || !usable(m)) continue;
    if (!doc_country.empty() && m.country != doc_country) continue;
    return make(m, "document");
  }
  // "(Photo Source: WQRT Action News 5)": a story naming no town happened in the area of the
  // station reporting it, reported at the station's town.
  if (doc.station_town != nullptr && (doc_country.empty() || doc_country == doc.station_town->country)) {
    return make(*doc.station_town, "document");
  }
  if (doc_country.empty()) return std::nullopt;
  LocationRef l;
  l.country = doc_country;
  l.precision = "country";
  l.basis = "document";
  if (auto it = country_name_.find(doc_country); it != country_name_.end()) l.name = it->second;
  return l;
}

}  // namespace evident::events
