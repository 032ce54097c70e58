#include "match/phrase_matcher.h"

#include <algorithm>
#include <cstdint>
#include <stdexcept>

namespace evident::match {
namespace {

constexpr uint64_t kSeed = 0x51ED270B7A4E1C3DULL;
constexpr uint32_t kBloomBits = 1u << 16;

inline uint32_t BloomIndex(uint64_t h) { return static_cast<uint32_t>(h >> 48) & (kBloomBits - 1); }

// Adds the keys of phrase `p` and of its proper prefixes (marked `continues`) with
// add(key, number of tokens), and its first word to the filter; returns the entry of the whole
// phrase.
template <typename Add>
auto& AddPhraseKeys(const lexicon::Phrase& p, std::vector<uint64_t>* bloom, uint32_t* max_len, Add&& add) {
  uint64_t key = kSeed;
  for (size_t k = 0; k + 1 < p.words.size(); ++k) {
    key = tokens::HashCombine(key, tokens::HashToken(p.words[k]));
    add(key, k + 1).continues = true;
  }
  key = tokens::HashCombine(key, tokens::HashToken(p.words.back()));
  uint64_t first = tokens::HashToken(p.words[0]);
  (*bloom)[BloomIndex(first) / 64] |= 1ULL << (BloomIndex(first) % 64);
  if (p.words.size() > *max_len) *max_len = static_cast<uint32_t>(p.words.size());
  return add(key, p.words.size());
}

template <typename Entry>
Entry& AddPhrase(const lexicon::Phrase& p, internal::KeyTable<Entry>* keys, std::vector<uint64_t>* bloom,
                 uint32_t* max_len) {
  return AddPhraseKeys(p, bloom, max_len, [&](uint64_t key, size_t) -> Entry& { return keys->Add(key); });
}

}  // namespace

PhraseMatcher::PhraseMatcher(const lexicon::PhraseTable& table) : table_(&table), first_bloom_(kBloomBits / 64, 0) {
  size_t words = 0;
  for (const auto& p : table.phrases) words += p.words.size();
  keys_.Reserve(words);  // every key of every prefix
  for (uint32_t i = 0; i < table.phrases.size(); ++i)
    AddPhrase(table.phrases[i], &keys_, &first_bloom_, &max_len_).ids.push_back(i);
}

void PhraseMatcher::Find(const tokens::TokenizedText& doc, uint32_t begin_token, uint32_t end_token,
                         std::vector<Match>* out) const {
  const auto& toks = doc.tokens;
  for (uint32_t i = begin_token; i < end_token; ++i) {
    uint64_t h = toks[i].hash;
    uint32_t b = BloomIndex(h);
    if (!(first_bloom_[b / 64] & (1ULL << (b % 64)))) continue;
    uint64_t key = kSeed;
    const std::vector<uint32_t>* best = nullptr;
    uint32_t best_end = 0;
    uint32_t limit = std::min<uint32_t>(end_token, i + max_len_);
    for (uint32_t j = i; j < limit; ++j) {
      key = tokens::HashCombine(key, toks[j].hash);
      const Entry* entry = keys_.Find(key);
      if (entry == nullptr) break;
      if (!entry->ids.empty()) {
        best = &entry->ids;
        best_end = j + 1;
      }
      if (!entry->continues) break;
    }
    if (!best) continue;
    for (uint32_t id : *best) out->push_back(Match{i, best_end, id});
  }
}

const std::vector<uint32_t>* PhraseMatcher::Lookup(const tokens::TokenizedText& doc, uint32_t begin,
                                                   uint32_t end) const {
  uint64_t key = kSeed;
  for (uint32_t j = begin; j < end; ++j) key = tokens::HashCombine(key, doc.tokens[j].hash);
  const Entry* entry = keys_.Find(key);
  return entry == nullptr || entry->ids.empty() ? nullptr : &entry->ids;
}

MultiPhraseMatcher::MultiPhraseMatcher(const std::vector<const lexicon::PhraseTable*>& tables)
    : num_tables_(tables.size()), first_bloom_(kBloomBits / 64, 0), longer_bloom_(kBloomBits / 64, 0) {
  if (tables.size() > kMaxTables) throw std::invalid_argument("MultiPhraseMatcher: more than 8 tables");
  struct Entry {
    std::vector<std::pair<uint8_t, uint32_t>> ids;
    uint8_t tables = 0;
    bool continues = false;
  };
  size_t words = 0;
  for (const auto* table : tables)
    for (const auto& p : table->phrases) words += p.words.size();
  internal::KeyTable<Entry> keys;
  keys.Reserve(words);  // every key of every prefix
  std::vector<uint64_t> order[2];  // the keys of one token and of more, in the order first added
  auto add = [&](uint64_t key, size_t length) -> Entry& {
    if (keys.Find(key) == nullptr) order[length > 1].push_back(key);
    return keys.Add(key);
  };
  for (size_t t = 0; t < tables.size(); ++t) {
    const auto& table = *tables[t];
    for (uint32_t i = 0; i < table.phrases.size(); ++i) {
      Entry& entry = AddPhraseKeys(table.phrases[i], &first_bloom_, &max_len_, add);
      entry.ids.emplace_back(static_cast<uint8_t>(t), i);
      entry.tables |= static_cast<uint8_t>(1u << t);
    }
  }
  // Flatten: each key's slot holds its flags and a range of ids_.
  for (int length = 0; length < 2; ++length) {
    Table& table = by_length_[length];
    size_t slots = 16;
    while (slots < 2 * order[length].size() + 2) slots <<= 1;
    table.slots.assign(slots, Slot{});
    table.mask = slots - 1;
    for (uint64_t key : order[length]) {
      const Entry& e = *keys.Find(key);
      if (length == 1) longer_bloom_[BloomIndex(key) / 64] |= 1ULL << (BloomIndex(key) % 64);
      if (e.ids.size() > UINT16_MAX) throw std::invalid_argument("MultiPhraseMatcher: too many phrases of one key");
      uint64_t s = (key ^ (key >> 29)) & table.mask;
      while (table.slots[s].state & kUsed) s = (s + 1) & table.mask;
      Slot& slot = table.slots[s];
      slot.key = key;
      slot.ids_begin = static_cast<uint32_t>(ids_.size());
      slot.ids_count = static_cast<uint16_t>(e.ids.size());
      slot.tables = e.tables;
      slot.state = static_cast<uint8_t>(kUsed | (e.continues ? kContinues : 0));
      ids_.insert(ids_.end(), e.ids.begin(), e.ids.end());
    }
  }
}

void MultiPhraseMatcher::Find(const tokens::TokenizedText& doc, uint32_t begin_token, uint32_t end_token,
                              std::vector<Match>* const* outs) const {
  const auto& toks = doc.tokens;
  for (uint32_t i = begin_token; i < end_token; ++i) {
    uint64_t h = toks[i].hash;
    uint32_t b = BloomIndex(h);
    if (!(first_bloom_[b / 64] & (1ULL << (b % 64)))) continue;
    // Per table: the slot of its longest phrase from i, and where that phrase ends.
    const Slot* best[kMaxTables];
    uint32_t best_end[kMaxTables];
    uint8_t found = 0;
    uint64_t key = kSeed;
    uint32_t limit = std::min<uint32_t>(end_token, i + max_len_);
    for (uint32_t j = i; j < limit; ++j) {
      key = tokens::HashCombine(key, toks[j].hash);
      if (j > i && !(longer_bloom_[BloomIndex(key) / 64] & (1ULL << (BloomIndex(key) % 64)))) break;
      const Slot* slot = by_length_[j > i].Find(key);
      if (slot == nullptr) break;
      for (uint8_t bits = slot->tables; bits != 0; bits &= static_cast<uint8_t>(bits - 1)) {
        const int t = __builtin_ctz(bits);
        best[t] = slot;
        best_end[t] = j + 1;
      }
      found |= slot->tables;
      if (!(slot->state & kContinues)) break;
    }
    for (uint8_t bits = found; bits != 0; bits &= static_cast<uint8_t>(bits - 1)) {
      const int t = __builtin_ctz(bits);
      if (outs[t] == nullptr) continue;
      const auto* id = ids_.data() + best[t]->ids_begin;
      for (const auto* end = id + best[t]->ids_count; id != end; ++id)
        if (id->first == t) outs[t]->push_back(Match{i, best_end[t], id->second});
    }
  }
}

}  // namespace evident::match
