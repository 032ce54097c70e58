// PhraseMatcher: compiled PhraseTable -> longest whole-token matches in a token range.
//
// Phrases are keyed by the combined hashes of their tokens (tokens::HashToken), so matching is
// a hash probe per start token and n-gram length: no regex compile step, word-bounded by
// construction. At each start token only the longest matching phrase length is reported (all
// phrases of that length, e.g. "arrest" as a verb and as a noun); matches may overlap when they
// start at different tokens.
//
//   table: "take/v into custody", "arrest/v"
//   "Police took two men into custody" -> no match ("two men" breaks the phrase)
//   "were taken into custody"          -> Match{tokens [1,4), phrase "taken into custody"}
//
// Immutable after construction; Match() is thread-safe.
#pragma once

#include <cstdint>
#include <vector>

#include "lexicon/lexicon.h"
#include "tokens/tokenizer.h"

namespace evident::match {

struct Match {
  uint32_t begin_token = 0;
  uint32_t end_token = 0;
  uint32_t phrase = 0;  // index into PhraseTable::phrases
};

namespace internal {

// Open addressing over 64-bit keys (power-of-two size, at most half full), each with an Entry.
// PERF: a std::unordered_map divided by a prime on every probe; this was 9% of the coding time.
template <typename Entry>
class KeyTable {
 public:
  // Room for `keys` keys: no rehash, and entries never move while they are added.
  void Reserve(size_t keys) {
    size_t slots = 16;
    while (slots < 2 * keys + 2) slots <<= 1;
    slots_.assign(slots, Slot{});
    mask_ = slots - 1;
    entries_.reserve(keys);
  }
  const Entry* Find(uint64_t key) const {
    for (uint64_t s = (key ^ (key >> 29)) & mask_;; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (slot.entry == 0) return nullptr;
      if (slot.key == key) return &entries_[slot.entry - 1];
    }
  }
  // The entry of `key`, added empty if new.
  Entry& Add(uint64_t key) {
    for (uint64_t s = (key ^ (key >> 29)) & mask_;; s = (s + 1) & mask_) {
      Slot& slot = slots_[s];
      if (slot.entry == 0) {
        entries_.emplace_back();
        slot = Slot{key, static_cast<uint32_t>(entries_.size())};
        return entries_.back();
      }
      if (slot.key == key) return entries_[slot.entry - 1];
    }
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t entry = 0;  // index into entries_ + 1; 0 = empty
  };
  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
  uint64_t mask_ = 0;
};

}  // namespace internal

class PhraseMatcher {
 public:
  explicit PhraseMatcher(const lexicon::PhraseTable& table);

  // Appends matches in [begin_token, end_token) to `out`, ordered by start token.
  void Find(const tokens::TokenizedText& doc, uint32_t begin_token, uint32_t end_token, std::vector<Match>* out) const;
  // Phrases matching exactly tokens [begin, end); empty when none.
  const std::vector<uint32_t>* Lookup(const tokens::TokenizedText& doc, uint32_t begin, uint32_t end) const;

  const lexicon::PhraseTable& table() const { return *table_; }

 private:
  const lexicon::PhraseTable* table_;
  // Key of every phrase and of every proper prefix of one: the phrases with exactly these
  // tokens (empty for a prefix only) and whether some longer phrase continues it. PERF: the
  // search from a start token stops at the first n-gram no phrase begins with.
  struct Entry {
    std::vector<uint32_t> ids;
    bool continues = false;
  };
  internal::KeyTable<Entry> keys_;
  std::vector<uint64_t> first_bloom_;  // 64K-bit filter on first-token hashes
  uint32_t max_len_ = 0;
};

// MultiPhraseMatcher: several PhraseTables matched in one pass over the tokens. Find() gives
// each table exactly the matches PhraseMatcher(table).Find() gives it (the longest phrase of
// that table at each start token), into that table's output vector.
//
// PERF: the engine matches four tables (triggers, nouns, cues, country names) in every
// sentence; four passes over the tokens, each with its own filter test per token, were 7.6% of
// the wall-clock samples, more than their share of instructions (the probes miss the cache).
//
// Immutable after construction; Find() is thread-safe.
class MultiPhraseMatcher {
 public:
  static constexpr size_t kMaxTables = 8;
  explicit MultiPhraseMatcher(const std::vector<const lexicon::PhraseTable*>& tables);

  size_t size() const { return num_tables_; }
  // outs[t] receives the matches of table t in [begin_token, end_token), ordered by start
  // token; a null outs[t] skips that table's matches.
  void Find(const tokens::TokenizedText& doc, uint32_t begin_token, uint32_t end_token,
            std::vector<Match>* const* outs) const;

 private:
  // A key and what it says, in one 16-byte slot of an open-addressing table. PERF: one cache
  // line per probe (a slot pointing to an entry holding a vector of ids took three loads, and
  // the matcher had the most L1 misses of the coding: 2.4 million over the development set).
  struct Slot {
    uint64_t key = 0;
    uint32_t ids_begin = 0;  // into ids_: (table, phrase) pairs, by table, then phrase
    uint16_t ids_count = 0;
    uint8_t tables = 0;  // bit t: some phrase of table t ends here
    uint8_t state = 0;   // kUsed, kContinues (a longer phrase of some table goes on)
  };
  static constexpr uint8_t kUsed = 1, kContinues = 2;
  // Table 0 holds the keys of one token (every search starts there, and most end there), table 1
  // the longer ones. PERF: the first is small enough to stay in the L2 cache.
  struct Table {
    std::vector<Slot> slots;
    uint64_t mask = 0;
    const Slot* Find(uint64_t key) const {
      for (uint64_t s = (key ^ (key >> 29)) & mask;; s = (s + 1) & mask) {
        const Slot& slot = slots[s];
        if (!(slot.state & kUsed)) return nullptr;
        if (slot.key == key) return &slot;
      }
    }
  };
  size_t num_tables_ = 0;
  Table by_length_[2];
  std::vector<std::pair<uint8_t, uint32_t>> ids_;
  std::vector<uint64_t> first_bloom_;  // 64K-bit filter on the first-token hashes of all tables
  // 64K-bit filter on the keys of two tokens or more (table 1). PERF: nine in ten probes of
  // table 1 find nothing (a common first word, "police", then a word no phrase has after it);
  // each missed the L1 cache.
  std::vector<uint64_t> longer_bloom_;
  uint32_t max_len_ = 0;
};

}  // namespace evident::match
