#include "places/gazetteer.h"

#include <emmintrin.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <unordered_map>
#include <utility>

#include "common/countries.h"
#include "common/huge_pages.h"
#include "places/aliases.h"

namespace evident::places {

static_assert(std::endian::native == std::endian::little, "the gazetteer file is little-endian and mapped as is");

namespace {

constexpr char kMagic[8] = {'E', 'V', 'I', 'D', 'G', 'A', 'Z', '\n'};
constexpr uint32_t kHeaderSize = 160;
constexpr const char* kRebuildHint =
    "rebuild it: npm ci --prefix web && cmake --build build (scripts/build_gazetteer.js)";

// The header as stored (docs/places.md). Read with memcpy; all fields little-endian.
struct Header {
  char magic[8];
  uint32_t version;
  uint32_t header_size;
  uint32_t record_size;
  uint32_t key_size;
  uint32_t candidate_size;
  uint32_t flags;
  uint32_t num_records;
  uint32_t num_countries;
  uint32_t num_admin1;
  uint32_t num_cities;
  uint32_t num_buckets;
  uint32_t num_keys;
  uint32_t num_candidates;
  uint32_t strings_size;
  uint32_t source;
  uint32_t num_within;  // (section, containing city) pairs

  uint64_t records_offset;
  uint64_t buckets_offset;
  uint64_t keys_offset;
  uint64_t candidates_offset;
  uint64_t strings_offset;
  uint64_t total_size;
  uint64_t within_offset;
  uint64_t filters_offset;  // NameFilter words: keys, first words, prefixes, one after another
  uint32_t key_filter_words;
  uint32_t first_word_filter_words;
  uint32_t prefix_filter_words;
  uint32_t reserved32;
  uint64_t reserved64;
};
static_assert(sizeof(Header) == kHeaderSize);

// Distance in km between two points, equirectangular (exact enough within a city's radius; the
// same formula as scripts/build_gazetteer.js).
double ContainerDistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRad = 3.14159265358979323846 / 180.0;
  double x = (lon2 - lon1) * kRad * std::cos((lat1 + lat2) * 0.5 * kRad);
  double y = (lat2 - lat1) * kRad;
  return 6371.0 * std::sqrt(x * x + y * y);
}

}  // namespace

// The bytes of a gazetteer: a copy in huge pages, a read-only mapping of the file, or an 8-byte
// aligned heap copy.
struct Gazetteer::Storage {
  const char* data = nullptr;
  size_t size = 0;
  void* mapping = nullptr;  // of the file, `size` bytes
  HugePageCopy copy;        // or the file's bytes in huge pages
  std::unique_ptr<uint64_t[]> heap;

  Storage() = default;
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;
  ~Storage() {
    if (mapping != nullptr) munmap(mapping, size);
    ReleaseHugePages(copy);
  }
};

uint32_t NameKeyHash(std::string_view key) { return NameKeyHashUpdate(kNameKeyHashSeed, key); }

uint32_t NameFilter::WordsFor(size_t values) {
  uint32_t words = 16;
  while (uint64_t{words} * 64 < uint64_t{values} * 16) words <<= 1;
  return words;
}

namespace {
bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// The length of the Arabic article a loose key drops from the start of k ("al ", "el ", "ad ",
// "ar ", "as ", "an ", "at ", "ash ", "az ", "ed ", "es ", "ez "), or 0. PERF: tested byte by byte
// (a loop of string comparisons over the twelve articles, a memcmp call each, was half of the
// loose keys' cost, 2% of the coding's instructions).
size_t LooseArticleLength(std::string_view k) {
  if (k.size() < 3) return 0;
  const char a = k[0], b = k[1];
  if (k[2] == ' ') {
    if (a == 'a') return b == 'l' || b == 'd' || b == 'r' || b == 's' || b == 'n' || b == 't' || b == 'z' ? 3 : 0;
    if (a == 'e') return b == 'l' || b == 'd' || b == 's' || b == 'z' ? 3 : 0;
    return 0;
  }
  return k.size() >= 4 && a == 'a' && b == 's' && k[2] == 'h' && k[3] == ' ' ? 4 : 0;
}
}  // namespace

// PERF: transformed in place, no string of its own (three temporaries at first, then one
// string per key: 3% of the coding time, then 2% of its instructions).
size_t LooseKeyInPlace(char* s, size_t n) {
  size_t w = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = s[i];
    if (c == '\'') continue;
    if (c == 'y') c = 'i';
    if (c == 'u' && w > 0 && s[w - 1] == 'o') {
      s[w - 1] = 'u';
      continue;
    }
    s[w++] = c;
  }
  const size_t start = LooseArticleLength(std::string_view(s, w));
  // Doubled letters single; s[k - 1] is the last letter kept.
  size_t k = 0;
  for (size_t i = start; i < w; ++i) {
    char c = s[i];
    if (c >= 'a' && c <= 'z' && k > 0 && s[k - 1] == c) continue;
    s[k++] = c;
  }
  // A final h after a vowel dropped, at the end of every word.
  size_t r = 0;
  char prev = 0;
  for (size_t i = 0; i < k; ++i) {
    char c = s[i];
    bool at_end = i + 1 == k || s[i + 1] == ' ';
    bool drop = c == 'h' && at_end && i > 0 && IsVowel(prev);
    prev = c;
    if (!drop) s[r++] = c;
  }
  return r;
}

std::string LooseKey(std::string_view key) {
  std::string k(key);
  k.resize(LooseKeyInPlace(k.data(), k.size()));
  return k;
}

// PERF: sixteen bytes per step with SSE2 (the byte loop was 250 instructions per key, 1% of
// the coding's instructions); the byte loop remains for keys longer than 64 bytes.
bool LooseKeyDiffers(std::string_view key) {
  if (LooseArticleLength(key) != 0) return true;
  const size_t n = key.size();
  if (n <= 64) {
    // buf[0] is the byte before the key (none: 0), then the key, then zeros: the byte after
    // the key's end reads as 0, like the end of the key.
    alignas(16) char buf[16 * 5 + 2] = {};
    std::memcpy(buf + 1, key.data(), n);
    const __m128i apos = _mm_set1_epi8('\''), y = _mm_set1_epi8('y'), o = _mm_set1_epi8('o'), u = _mm_set1_epi8('u'),
                  h = _mm_set1_epi8('h'), space = _mm_set1_epi8(' '), zero = _mm_setzero_si128(),
                  a_ = _mm_set1_epi8('a'), e_ = _mm_set1_epi8('e'), i_ = _mm_set1_epi8('i'),
                  last_letter = _mm_set1_epi8('z' - 'a');
    for (size_t k = 0; k < n; k += 16) {
      const __m128i prev = _mm_loadu_si128(reinterpret_cast<const __m128i*>(buf + k));
      const __m128i cur = _mm_loadu_si128(reinterpret_cast<const __m128i*>(buf + k + 1));
      const __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(buf + k + 2));
      // An apostrophe or a y.
      __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(cur, apos), _mm_cmpeq_epi8(cur, y));
      // "ou".
      hit = _mm_or_si128(hit, _mm_and_si128(_mm_cmpeq_epi8(prev, o), _mm_cmpeq_epi8(cur, u)));
      // A doubled letter a-z: cur - 'a' is at most 25 (unsigned).
      const __m128i off = _mm_sub_epi8(cur, a_);
      const __m128i is_letter = _mm_cmpeq_epi8(_mm_min_epu8(off, last_letter), off);
      hit = _mm_or_si128(hit, _mm_and_si128(is_letter, _mm_cmpeq_epi8(cur, prev)));
      // An h after a vowel at the end of a word.
      const __m128i vowel_before = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(prev, a_), _mm_cmpeq_epi8(prev, e_)),
          _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(prev, i_), _mm_cmpeq_epi8(prev, o)), _mm_cmpeq_epi8(prev, u)));
      const __m128i word_end = _mm_or_si128(_mm_cmpeq_epi8(next, space), _mm_cmpeq_epi8(next, zero));
      hit = _mm_or_si128(hit, _mm_and_si128(_mm_cmpeq_epi8(cur, h), _mm_and_si128(vowel_before, word_end)));
      // Only the key's own bytes count (the zeros after it match none of the tests above).
      if (_mm_movemask_epi8(hit) != 0) return true;
    }
    return false;
  }
  for (size_t i = 0; i < n; ++i) {
    char c = key[i];
    if (c == '\'' || c == 'y') return true;
    if (i > 0 && ((c == 'u' && key[i - 1] == 'o') || (c >= 'a' && c <= 'z' && key[i - 1] == c))) return true;
    if (c == 'h' && i > 0 && IsVowel(key[i - 1]) && (i + 1 == n || key[i + 1] == ' ')) return true;
  }
  return false;
}

Result<Gazetteer> Gazetteer::Load(const std::string& path) {
  int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status(ErrorCode::kIoError,
                  std::string("cannot open the gazetteer (") + std::strerror(errno) + "); " + kRebuildHint, path);
  }
  struct stat st {};
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    close(fd);
    return Status(ErrorCode::kIoError, "the gazetteer is not a regular file", path);
  }
  auto storage = std::make_shared<Storage>();
  storage->size = static_cast<size_t>(st.st_size);
  if (storage->size >= kHeaderSize) {
    // Mapped; in huge pages instead with EVIDENT_HUGE_PAGES=1 (common/huge_pages.h). PERF:
    // populated at once (Open's checks read every page: one call instead of ~260 page faults,
    // 0.9 ms of the CLI's 13 ms startup).
    HugePageCopy copy;
    if (HugePagesWanted() && ReadIntoHugePages(fd, storage->size, &copy)) {
      storage->copy = copy;
      storage->data = copy.data;
    } else if (void* m = mmap(nullptr, storage->size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0); m != MAP_FAILED) {
      storage->mapping = m;
      storage->data = static_cast<const char*>(m);
    }
  }
  if (storage->data == nullptr) {
    // Too small to map (the checks will say so) or mmap refused: read it in one go.
    storage->heap.reset(new uint64_t[storage->size / 8 + 1]);
    char* dst = reinterpret_cast<char*>(storage->heap.get());
    size_t done = 0;
    while (done < storage->size) {
      ssize_t n = read(fd, dst + done, storage->size - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    storage->size = done;
    storage->data = dst;
  }
  close(fd);
  return Open(std::move(storage), path);
}

Result<Gazetteer> Gazetteer::FromBytes(std::string_view bytes, const std::string& name) {
  auto storage = std::make_shared<Storage>();
  storage->heap.reset(new uint64_t[bytes.size() / 8 + 1]);
  char* dst = reinterpret_cast<char*>(storage->heap.get());
  if (!bytes.empty()) std::memcpy(dst, bytes.data(), bytes.size());
  storage->data = dst;
  storage->size = bytes.size();
  return Open(std::move(storage), name);
}

namespace {
// True if the filters of `g` hold every value `key` puts in them (NameFilter::ForEachValue).
bool FiltersHold(const Gazetteer& g, std::string_view key, uint32_t key_hash) {
  const NameFilter* filters[] = {&g.key_filter(), &g.first_word_filter(), &g.prefix_filter()};
  bool held = true;
  NameFilter::ForEachValue(key, key_hash, [&](NameFilter::Which w, uint32_t h) { held &= filters[w]->MayContain(h); });
  return held;
}
}  // namespace

namespace {
// PERF (startup): loops without branches or calls that the compiler vectorises (inside Open,
// among its error paths, it did not).
[[gnu::noinline]] bool AllAtMost(const uint32_t* v, uint32_t n, uint32_t max) {
  uint32_t over = 0;
  for (uint32_t i = 0; i < n; ++i) over |= static_cast<uint32_t>(v[i] > max);
  return over == 0;
}
[[gnu::noinline]] bool CandidateRecordsAtMost(const CandidateRef* c, uint32_t n, uint32_t max) {
  uint32_t over = 0;
  for (uint32_t i = 0; i < n; ++i) over |= static_cast<uint32_t>(c[i].record > max);
  return over == 0;
}
[[gnu::noinline]] bool RecordsOk(const PlaceRecord* records, uint32_t n, uint32_t countries, uint32_t admin1,
                                  uint32_t strings_size) {
  const uint32_t ends[] = {std::min(n, countries), std::min(n, countries + admin1), n};
  const PlaceKind kinds[] = {PlaceKind::kCountry, PlaceKind::kAdmin1, PlaceKind::kCity};
  uint32_t ok = 1;
  uint32_t i = 0;
  for (int part = 0; part < 3; ++part) {
    const uint8_t want = static_cast<uint8_t>(kinds[part]);
    for (; i < ends[part]; ++i) {
      const PlaceRecord& r = records[i];
      ok &= static_cast<uint32_t>(r.kind == want) & (r.name < strings_size) & (r.feature < strings_size) &
            (r.admin1_code < strings_size) & (r.admin1_name < strings_size) &
            ((r.admin1 == kNoRecord) | (r.admin1 < n)) & ((r.related == kNoRecord) | (r.related < n)) &
            (static_cast<uint8_t>(r.country[0] - 'A') < 26) & (static_cast<uint8_t>(r.country[1] - 'A') < 26);
    }
  }
  return ok != 0;
}
// Whether every one of n candidates is found by the loose key only (KeyFlag kLooseOnly).
bool AllLoose(const CandidateRef* c, uint32_t n) {
  for (uint32_t i = 0; i < n; ++i)
    if ((c[i].flags & kLoose) == 0) return false;
  return n > 0;
}
// A key: a string inside the table and a non-empty range of candidates. (Templates: the key
// entry is Gazetteer's own type.)
template <typename KeyEntry>
bool KeyOk(const KeyEntry& k, uint32_t num_candidates, uint32_t strings_size) {
  return (k.key < strings_size) & (uint64_t{k.cand_begin} + k.cand_count <= num_candidates) & (k.cand_count != 0);
}
template <typename KeyEntry>
[[gnu::noinline]] bool KeysOk(const KeyEntry* keys, uint32_t n, uint32_t num_candidates, uint32_t strings_size) {
  uint32_t ok = 1;
  for (uint32_t i = 0; i < n; ++i) ok &= static_cast<uint32_t>(KeyOk(keys[i], num_candidates, strings_size));
  return ok != 0;
}
}  // namespace

// Open checks the stored hash of every kKeyHashStride-th key, of every key up to kKeyHashAll.
constexpr uint32_t kKeyHashStride = 16, kKeyHashAll = 4096;

Result<Gazetteer> Gazetteer::Open(std::shared_ptr<const Storage> storage, const std::string& name) {
  auto bad = [&](uint64_t offset, const std::string& what) {
    return Status(ErrorCode::kLexiconError, "not a usable gazetteer: " + what + "; " + kRebuildHint,
                  name + ":" + std::to_string(offset));
  };
  const size_t size = storage->size;
  if (size < kHeaderSize) {
    return bad(0, "the file has " + std::to_string(size) + " bytes, less than the " + std::to_string(kHeaderSize) +
                      "-byte header (truncated)");
  }
  Header h;
  std::memcpy(&h, storage->data, sizeof(h));
  if (std::memcmp(h.magic, kMagic, sizeof(kMagic)) != 0) {
    return bad(0, "bad magic '" + Fragment(std::string_view(h.magic, 8)) +
                      "', expected 'EVIDGAZ\\n' (is this a gazetteer file?)");
  }
  if (h.version != kFormatVersion) {
    return bad(8, "format version " + std::to_string(h.version) + ", this build reads version " +
                      std::to_string(kFormatVersion));
  }
  if (h.header_size != kHeaderSize || h.record_size != sizeof(PlaceRecord) || h.key_size != sizeof(KeyEntry) ||
      h.candidate_size != sizeof(CandidateRef)) {
    return bad(12, "unexpected header, record, key or candidate size");
  }
  if (h.total_size != size) {
    return bad(size, "the header says the file has " + std::to_string(h.total_size) + " bytes but it has " +
                         std::to_string(size) + (size < h.total_size ? " (truncated)" : " (trailing bytes)"));
  }
  if (static_cast<uint64_t>(h.num_countries) + h.num_admin1 + h.num_cities != h.num_records) {
    return bad(32, "record counts do not add up");
  }
  if (h.num_buckets == 0 || (h.num_buckets & (h.num_buckets - 1)) != 0 || h.num_buckets <= h.num_keys) {
    return bad(48, "the bucket count must be a power of two above the key count");
  }
  struct Section {
    const char* what;
    uint64_t offset;
    uint64_t count;
    uint64_t item;
  };
  const Section sections[] = {
      {"records", h.records_offset, h.num_records, sizeof(PlaceRecord)},
      {"buckets", h.buckets_offset, h.num_buckets, sizeof(uint32_t)},
      {"keys", h.keys_offset, h.num_keys, sizeof(KeyEntry)},
      {"candidates", h.candidates_offset, h.num_candidates, sizeof(CandidateRef)},
      {"strings", h.strings_offset, h.strings_size, 1},
      {"within", h.within_offset, h.num_within, sizeof(WithinPair)},
      {"filters", h.filters_offset, uint64_t{h.key_filter_words} + h.first_word_filter_words + h.prefix_filter_words,
       sizeof(uint64_t)},
  };
  for (uint32_t words : {h.key_filter_words, h.first_word_filter_words, h.prefix_filter_words}) {
    if (words == 0 || (words & (words - 1)) != 0) return bad(136, "a name filter's size must be a power of two");
  }
  for (const Section& s : sections) {
    uint64_t bytes = s.count * s.item;  // counts are 32-bit: no overflow
    if (s.offset % 8 != 0 || s.offset < kHeaderSize || s.offset > size || bytes > size - s.offset) {
      return bad(s.offset, std::string("the ") + s.what + " section [" + std::to_string(s.offset) + ", +" +
                               std::to_string(bytes) + ") lies outside the file");
    }
  }

  Gazetteer g;
  const char* base = storage->data;
  g.records_ = reinterpret_cast<const PlaceRecord*>(base + h.records_offset);
  g.buckets_ = reinterpret_cast<const uint32_t*>(base + h.buckets_offset);
  g.keys_ = reinterpret_cast<const KeyEntry*>(base + h.keys_offset);
  g.candidates_ = reinterpret_cast<const CandidateRef*>(base + h.candidates_offset);
  g.strings_ = base + h.strings_offset;
  g.within_ = reinterpret_cast<const WithinPair*>(base + h.within_offset);
  g.num_within_ = h.num_within;
  g.num_records_ = h.num_records;
  g.num_countries_ = h.num_countries;
  g.num_admin1_ = h.num_admin1;
  g.num_cities_ = h.num_cities;
  g.num_buckets_ = h.num_buckets;
  g.num_keys_ = h.num_keys;
  g.num_candidates_ = h.num_candidates;
  g.strings_size_ = h.strings_size;
  const uint64_t* filters = reinterpret_cast<const uint64_t*>(base + h.filters_offset);
  g.key_filter_ = NameFilter(filters, h.key_filter_words);
  g.first_word_filter_ = NameFilter(filters + h.key_filter_words, h.first_word_filter_words);
  g.prefix_filter_ = NameFilter(filters + h.key_filter_words + h.first_word_filter_words, h.prefix_filter_words);

  // Strings: NUL-terminated, the table starts with "" and ends with a NUL, so every offset
  // inside it reads a terminated string.
  if (h.strings_size == 0 || g.strings_[0] != '\0' || g.strings_[h.strings_size - 1] != '\0') {
    return bad(h.strings_offset, "the string table must start and end with a NUL byte");
  }
  if (h.source >= h.strings_size) return bad(64, "the source string is outside the string table");
  g.source_ = h.source;

  auto string_ok = [&](uint32_t off) { return off < h.strings_size; };
  auto ref_ok = [&](uint32_t index) { return index == kNoRecord || index < h.num_records; };
  // PERF (startup, which waits for this thread): each table is first checked in one pass
  // without branches (records, keys, buckets and candidates were 15 M instructions of early
  // exits); only a table that fails is walked again to name its first bad entry.
  if (!RecordsOk(g.records_, h.num_records, h.num_countries, h.num_admin1, h.strings_size)) {
    for (uint32_t i = 0; i < h.num_records; ++i) {
      const PlaceRecord& r = g.records_[i];
      uint64_t at = h.records_offset + uint64_t{i} * sizeof(PlaceRecord);
      PlaceKind want = i < h.num_countries                  ? PlaceKind::kCountry
                       : i < h.num_countries + h.num_admin1 ? PlaceKind::kAdmin1
                                                            : PlaceKind::kCity;
      if (r.kind != static_cast<uint8_t>(want)) {
        return bad(at, "record " + std::to_string(i) + " has kind " + std::to_string(r.kind) +
                           "; records are countries, then subdivisions, then places");
      }
      if (!string_ok(r.name) || !string_ok(r.feature) || !string_ok(r.admin1_code) || !string_ok(r.admin1_name)) {
        return bad(at, "record " + std::to_string(i) + " points outside the string table");
      }
      if (!ref_ok(r.admin1) || !ref_ok(r.related)) {
        return bad(at, "record " + std::to_string(i) + " refers to a record that does not exist");
      }
      for (char c : r.country) {
        if (c < 'A' || c > 'Z') {
          return bad(at, "record " + std::to_string(i) + " has a country code that is not two capitals");
        }
      }
    }
  }
  const bool keys_ok = KeysOk(g.keys_, h.num_keys, h.num_candidates, h.strings_size);
  for (uint32_t i = 0; i < h.num_keys; ++i) {
    const KeyEntry& k = g.keys_[i];
    uint64_t at = h.keys_offset + uint64_t{i} * sizeof(KeyEntry);
    if (!keys_ok && !KeyOk(k, h.num_candidates, h.strings_size)) return bad(at, "key " + std::to_string(i) + " points outside the file");
    // PERF (startup): the hash of one key in 16 (every key of a small file), and that the
    // filters hold it: a hash that disagrees only makes its key unfindable, never reads
    // outside the file, and a builder hashing or filtering differently from this reader shows
    // on any sample. Hashing all 169,000 keys was 17 M instructions, a fifth of the startup.
    if (i % kKeyHashStride == 0 || h.num_keys <= kKeyHashAll) {
      std::string_view key = g.Str(k.key);
      if (NameKeyHash(key) != k.hash) return bad(at, "key '" + Fragment(key) + "' has a wrong hash");
      if (!FiltersHold(g, key, k.hash)) {
        return bad(h.filters_offset, "the name filters do not hold key '" + Fragment(key) + "'");
      }
      // The resolver trusts kLooseOnly instead of reading the candidates (KeyOk held: they
      // lie inside the file).
      if (((k.flags & kLooseOnly) != 0) != AllLoose(g.candidates_ + k.cand_begin, k.cand_count)) {
        return bad(at, "key '" + Fragment(key) + "' has a loose-only flag that its candidates contradict");
      }
    }
    // Past the sample, only a failed first pass needs the walk.
    if (keys_ok && h.num_keys > kKeyHashAll) i += kKeyHashStride - 1 - i % kKeyHashStride;
  }
  const bool buckets_ok = AllAtMost(g.buckets_, h.num_buckets, h.num_keys);
  for (uint32_t i = 0; !buckets_ok && i < h.num_buckets; ++i) {
    if (g.buckets_[i] > h.num_keys) {
      return bad(h.buckets_offset + uint64_t{i} * 4,
                 "bucket " + std::to_string(i) + " refers to a key that does not exist");
    }
  }
  const bool candidates_ok = h.num_records > 0 && CandidateRecordsAtMost(g.candidates_, h.num_candidates, h.num_records - 1);
  for (uint32_t i = 0; !candidates_ok && i < h.num_candidates; ++i) {
    if (g.candidates_[i].record >= h.num_records) {
      return bad(h.candidates_offset + uint64_t{i} * sizeof(CandidateRef),
                 "candidate " + std::to_string(i) + " refers to a record that does not exist");
    }
  }
  for (uint32_t i = 0; i < h.num_within; ++i) {
    const WithinPair& w = g.within_[i];
    const uint32_t first_city = h.num_countries + h.num_admin1;
    // A section is a place or a subdivision that is one city; a container is a place.
    if (w.section < h.num_countries || w.section >= h.num_records || w.container < first_city ||
        w.container >= h.num_records || w.container == w.section || (i > 0 && g.within_[i - 1].section >= w.section)) {
      return bad(
          h.within_offset + uint64_t{i} * sizeof(WithinPair),
          "containing-city pair " + std::to_string(i) +
              " must link a place or subdivision to a place, sorted by section without repeats");
    }
  }
  g.storage_ = std::move(storage);
  return g;
}

uint32_t Gazetteer::Container(uint32_t record) const {
  const WithinPair* end = within_ + num_within_;
  const WithinPair* it =
      std::lower_bound(within_, end, record, [](const WithinPair& w, uint32_t r) { return w.section < r; });
  return it != end && it->section == record ? it->container : kNoRecord;
}

std::string_view Gazetteer::Str(uint32_t offset) const {
  if (offset >= strings_size_) return {};
  return std::string_view(strings_ + offset);
}

size_t Gazetteer::file_size() const { return storage_ ? storage_->size : 0; }

LookupResult Gazetteer::Lookup(std::string_view key, uint32_t h) const {
  if (num_keys_ == 0 || key.find('\0') != std::string_view::npos) return {};
  const uint32_t mask = num_buckets_ - 1;
  for (uint32_t b = h & mask, probes = 0; probes < num_buckets_; b = (b + 1) & mask, ++probes) {
    uint32_t v = buckets_[b];
    if (v == 0) return {};
    const KeyEntry& e = keys_[v - 1];
    // Strings are NUL-terminated inside the table (checked at load): strncmp stops there.
    if (e.hash == h && std::strncmp(strings_ + e.key, key.data(), key.size()) == 0 &&
        strings_[e.key + key.size()] == '\0') {
      return LookupResult{std::span<const CandidateRef>(candidates_ + e.cand_begin, e.cand_count), e.flags};
    }
  }
  return {};
}

uint32_t Gazetteer::FindCountry(std::string_view code) const {
  const PlaceRecord* begin = records_;
  const PlaceRecord* end = records_ + num_countries_;
  auto it =
      std::lower_bound(begin, end, code, [](const PlaceRecord& r, std::string_view c) { return r.Country() < c; });
  if (it == end || it->Country() != code) return kNoRecord;
  return static_cast<uint32_t>(it - records_);
}

uint32_t Gazetteer::FindAdmin1(std::string_view code) const {
  const PlaceRecord* begin = records_ + num_countries_;
  const PlaceRecord* end = begin + num_admin1_;
  auto it = std::lower_bound(begin, end, code,
                             [this](const PlaceRecord& r, std::string_view c) { return Str(r.admin1_code) < c; });
  if (it == end || Str(it->admin1_code) != code) return kNoRecord;
  return static_cast<uint32_t>(it - records_);
}

// ---------------------------------------------------------------------------------------------

uint32_t GazetteerBuilder::Add(const Place& place) {
  uint32_t index = static_cast<uint32_t>(places_.size());
  places_.push_back(place);
  AddName(place.name, index, 0);
  return index;
}

void GazetteerBuilder::AddName(std::string_view name, uint32_t record, uint32_t flags) {
  if (IsAbbreviation(name)) flags |= kAbbreviation;
  std::string key = NameKey(name);
  if (!key.empty()) names_.emplace_back(std::move(key), CandidateRef{record, flags});
}

void GazetteerBuilder::MarkCommon(std::string_view name) { common_.push_back(NameKey(name)); }

Result<std::string> GazetteerBuilder::Build(std::string_view source) const {
  auto fail = [](const std::string& message) { return Status(ErrorCode::kInternal, "gazetteer builder: " + message); };
  // Order: countries by code, subdivisions by code, places by id.
  uint32_t num_countries = 0, num_admin1 = 0, num_cities = 0;
  std::unordered_map<std::string, uint32_t> country_index, admin1_index;
  for (uint32_t i = 0; i < places_.size(); ++i) {
    const Place& p = places_[i];
    if (p.country.size() != 2 || p.country[0] < 'A' || p.country[0] > 'Z' || p.country[1] < 'A' || p.country[1] > 'Z') {
      return fail("place '" + p.name + "' has a bad country code '" + p.country + "'");
    }
    int rank = p.kind == PlaceKind::kCountry ? 0 : p.kind == PlaceKind::kAdmin1 ? 1 : 2;
    int prev_rank = i == 0                                       ? 0
                    : places_[i - 1].kind == PlaceKind::kCountry ? 0
                    : places_[i - 1].kind == PlaceKind::kAdmin1  ? 1
                                                                 : 2;
    if (rank < prev_rank) return fail("add countries, then subdivisions, then places");
    if (rank == 0) {
      if (num_countries > 0 && places_[i - 1].country >= p.country) {
        return fail("countries must be added sorted by code, without duplicates");
      }
      country_index[p.country] = i;
      ++num_countries;
    } else if (rank == 1) {
      if (num_admin1 > 0 && places_[i - 1].admin1_code >= p.admin1_code) {
        return fail("subdivisions must be added sorted by code, without duplicates");
      }
      admin1_index[p.admin1_code] = i;
      ++num_admin1;
    } else {
      if (num_cities > 0 && places_[i - 1].geonames_id >= p.geonames_id) {
        return fail("places must be added sorted by GeoNames id, without duplicates");
      }
      ++num_cities;
    }
  }

  // Strings.
  std::string strings(1, '\0');
  std::unordered_map<std::string, uint32_t> string_offsets{{"", 0}};
  auto str = [&](const std::string& s) -> uint32_t {
    auto [it, inserted] = string_offsets.emplace(s, static_cast<uint32_t>(strings.size()));
    if (inserted) {
      strings += s;
      strings += '\0';
    }
    return it->second;
  };

  std::vector<PlaceRecord> records(places_.size());
  std::vector<uint64_t> population(places_.size(), 0);
  for (uint32_t i = 0; i < places_.size(); ++i) {
    const Place& p = places_[i];
    PlaceRecord& r = records[i];
    std::memset(&r, 0, sizeof(r));
    r.geonames_id = p.geonames_id;
    r.name = str(p.name);
    r.kind = static_cast<uint8_t>(p.kind);
    r.country[0] = p.country[0];
    r.country[1] = p.country[1];
    r.lat_e6 = static_cast<int32_t>(p.lat * 1e6 + (p.lat >= 0 ? 0.5 : -0.5));
    r.lon_e6 = static_cast<int32_t>(p.lon * 1e6 + (p.lon >= 0 ? 0.5 : -0.5));
    r.flags = p.has_coordinates ? PlaceRecord::kHasCoordinates : 0;
    r.population = p.population;
    r.admin1 = kNoRecord;
    r.related = kNoRecord;
    if (p.kind == PlaceKind::kCountry) {
      r.feature = str("PCLI");
    } else {
      auto c = country_index.find(p.country);
      if (c == country_index.end()) return fail("no country " + p.country + " for '" + p.name + "'");
      r.related = c->second;
      if (p.kind == PlaceKind::kAdmin1) {
        r.feature = str("ADM1");
        r.admin1_code = str(p.admin1_code);
        r.admin1_name = r.name;
      } else {
        r.feature = str(p.feature.empty() ? "PPL" : p.feature);
        r.admin1_code = str(p.admin1_code);
        if (auto a = admin1_index.find(p.admin1_code); a != admin1_index.end()) {
          r.admin1 = a->second;
          r.admin1_name = str(places_[a->second].name);
        }
        if (p.feature == "PPLC" && records[c->second].related == kNoRecord) {
          records[c->second].related = i;
        }
      }
    }
  }

  // Sections of towns and the cities containing them (WithinPair; the same rule as
  // scripts/build_gazetteer.js). Records are sorted, so the pairs are too.
  std::vector<WithinPair> within;
  for (uint32_t i = 0; i < places_.size(); ++i) {
    const Place& s = places_[i];
    if (s.kind != PlaceKind::kCity || s.feature != "PPLX" || !s.has_coordinates) continue;
    uint32_t best = kNoRecord;
    double best_depth = 1.0;
    for (uint32_t j = 0; j < places_.size(); ++j) {
      const Place& c = places_[j];
      if (j == i || c.kind != PlaceKind::kCity || c.feature == "PPLX" || !c.has_coordinates ||
          c.population < kContainerMinPopulation || c.population <= s.population || c.country != s.country ||
          c.admin1_code != s.admin1_code) {
        continue;
      }
      double depth = ContainerDistanceKm(s.lat, s.lon, c.lat, c.lon) /
                     (kContainerKmPerSqrtPopulation * std::sqrt(static_cast<double>(c.population)));
      if (depth <= best_depth) {
        best_depth = depth;
        best = j;
      }
    }
    if (best != kNoRecord) within.push_back(WithinPair{i, best});
  }

  // Keys: one candidate per (key, record); an official name wins over an alias spelling.
  std::map<std::string, std::vector<CandidateRef>> keys;
  for (const auto& name : names_) {
    const std::string& key = name.first;
    const CandidateRef cand = name.second;
    if (cand.record >= places_.size()) return fail("a name refers to an unknown record");
    auto& list = keys[key];
    auto it = std::find_if(list.begin(), list.end(), [&](const CandidateRef& c) { return c.record == cand.record; });
    if (it == list.end()) {
      list.push_back(cand);
    } else {
      it->flags &= cand.flags;
    }
  }
  uint32_t num_buckets = 1;
  while (num_buckets < keys.size() * 2 || num_buckets <= keys.size()) num_buckets *= 2;
  std::vector<uint32_t> buckets(num_buckets, 0);
  std::string key_bytes, cand_bytes;
  uint32_t num_candidates = 0;
  uint32_t key_index = 0;
  for (auto& [key, list] : keys) {
    std::sort(list.begin(), list.end(), [&](const CandidateRef& a, const CandidateRef& b) {
      if ((a.flags & kAlias) != (b.flags & kAlias)) return (a.flags & kAlias) < (b.flags & kAlias);
      if (records[a.record].kind != records[b.record].kind) {
        return records[a.record].kind > records[b.record].kind;
      }
      if (records[a.record].population != records[b.record].population) {
        return records[a.record].population > records[b.record].population;
      }
      return a.record < b.record;
    });
    if (list.size() > 0xFFFF) return fail("key '" + key + "' has too many candidates");
    uint16_t flags = std::find(common_.begin(), common_.end(), key) != common_.end() ? kCommonWord : 0;
    if (AllLoose(list.data(), static_cast<uint32_t>(list.size()))) flags |= kLooseOnly;
    Gazetteer::KeyEntry e{NameKeyHash(key), str(key), num_candidates, static_cast<uint16_t>(list.size()), flags};
    key_bytes.append(reinterpret_cast<const char*>(&e), sizeof(e));
    cand_bytes.append(reinterpret_cast<const char*>(list.data()), list.size() * sizeof(CandidateRef));
    num_candidates += static_cast<uint32_t>(list.size());
    uint32_t b = e.hash & (num_buckets - 1);
    while (buckets[b] != 0) b = (b + 1) & (num_buckets - 1);
    buckets[b] = ++key_index;
  }
  uint32_t source_offset = str(std::string(source));

  auto align = [](uint64_t n) { return (n + 7) & ~uint64_t{7}; };
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof(kMagic));
  h.version = Gazetteer::kFormatVersion;
  h.header_size = kHeaderSize;
  h.record_size = sizeof(PlaceRecord);
  h.key_size = sizeof(Gazetteer::KeyEntry);
  h.candidate_size = sizeof(CandidateRef);
  h.flags = num_cities > 0 ? 1 : 0;
  h.num_records = static_cast<uint32_t>(records.size());
  h.num_countries = num_countries;
  h.num_admin1 = num_admin1;
  h.num_cities = num_cities;
  h.num_buckets = num_buckets;
  h.num_keys = static_cast<uint32_t>(keys.size());
  h.num_candidates = num_candidates;
  h.strings_size = static_cast<uint32_t>(strings.size());
  h.source = source_offset;
  h.num_within = static_cast<uint32_t>(within.size());
  uint64_t at = kHeaderSize;
  h.records_offset = at;
  at = align(at + records.size() * sizeof(PlaceRecord));
  h.buckets_offset = at;
  at = align(at + buckets.size() * sizeof(uint32_t));
  h.keys_offset = at;
  at = align(at + key_bytes.size());
  h.candidates_offset = at;
  at = align(at + cand_bytes.size());
  h.strings_offset = at;
  at = align(at + strings.size());
  h.within_offset = at;
  at = align(at + within.size() * sizeof(WithinPair));
  // Filters: sized by the key count as scripts/build_gazetteer.js sizes them.
  h.key_filter_words = NameFilter::WordsFor(keys.size());
  h.first_word_filter_words = NameFilter::WordsFor(keys.size() / 2);
  h.prefix_filter_words = NameFilter::WordsFor(keys.size() / 4);
  std::vector<uint64_t> filters(uint64_t{h.key_filter_words} + h.first_word_filter_words + h.prefix_filter_words, 0);
  {
    std::span<uint64_t> all(filters);
    std::span<uint64_t> key_words = all.subspan(0, h.key_filter_words);
    std::span<uint64_t> first_words = all.subspan(h.key_filter_words, h.first_word_filter_words);
    std::span<uint64_t> prefixes = all.subspan(h.key_filter_words + h.first_word_filter_words);
    const std::span<uint64_t> words[] = {key_words, first_words, prefixes};
    for (const auto& entry : keys) {
      NameFilter::ForEachValue(entry.first, NameKeyHash(entry.first),
                               [&](NameFilter::Which w, uint32_t h) { NameFilter::Add(words[w], h); });
    }
  }
  h.filters_offset = at;
  at += filters.size() * sizeof(uint64_t);
  h.total_size = at;

  std::string out(at, '\0');
  std::memcpy(out.data(), &h, sizeof(h));
  if (!records.empty()) {
    std::memcpy(out.data() + h.records_offset, records.data(), records.size() * sizeof(PlaceRecord));
  }
  std::memcpy(out.data() + h.buckets_offset, buckets.data(), buckets.size() * sizeof(uint32_t));
  if (!key_bytes.empty()) std::memcpy(out.data() + h.keys_offset, key_bytes.data(), key_bytes.size());
  if (!cand_bytes.empty()) {
    std::memcpy(out.data() + h.candidates_offset, cand_bytes.data(), cand_bytes.size());
  }
  std::memcpy(out.data() + h.strings_offset, strings.data(), strings.size());
  if (!within.empty()) {
    std::memcpy(out.data() + h.within_offset, within.data(), within.size() * sizeof(WithinPair));
  }
  std::memcpy(out.data() + h.filters_offset, filters.data(), filters.size() * sizeof(uint64_t));
  return out;
}

// ---------------------------------------------------------------------------------------------

Result<Gazetteer> Gazetteer::BuildFallback(const CountryTable& countries, const PlaceAliases& aliases) {
  GazetteerBuilder builder;
  std::map<std::string, const PlaceAlias*> country_lines, admin1_lines;
  for (const PlaceAlias& a : aliases.entries()) {
    if (a.kind == PlaceAlias::Kind::kCountry) country_lines[a.target] = &a;
    if (a.kind == PlaceAlias::Kind::kAdmin1) admin1_lines[a.target] = &a;
  }
  std::vector<const CountryTable::Entry*> sorted;
  for (const auto& e : countries.entries()) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(), [](const auto* a, const auto* b) { return a->code < b->code; });
  std::map<std::string, uint32_t> country_record;
  for (const CountryTable::Entry* e : sorted) {
    GazetteerBuilder::Place p;
    p.kind = PlaceKind::kCountry;
    p.country = e->code;
    p.name = e->name;
    auto line = country_lines.find(e->code);
    if (line != country_lines.end() && !line->second->name.empty() && line->second->name != "-") {
      p.name = line->second->name;
    }
    uint32_t i = builder.Add(p);
    country_record[e->code] = i;
    builder.AddName(e->name, i, 0);
    for (const auto& a : e->aliases) builder.AddName(a, i, kAlias);
    for (const auto& d : e->demonyms) {
      builder.AddName(d, i, kDemonym);
      if (NameKey(d).back() != 's') builder.AddName(d + "s", i, kDemonym);
    }
    if (line != country_lines.end()) {
      for (const auto& a : line->second->aliases) builder.AddName(a, i, kAlias);
    }
  }
  for (const auto& [code, line] : admin1_lines) {
    if (country_record.count(code.substr(0, 2)) == 0) continue;
    GazetteerBuilder::Place p;
    p.kind = PlaceKind::kAdmin1;
    p.country = code.substr(0, 2);
    p.admin1_code = code;
    p.name = line->name;
    uint32_t i = builder.Add(p);
    for (const auto& a : line->aliases) builder.AddName(a, i, kAlias);
  }
  for (const PlaceAlias& a : aliases.entries()) {
    if (a.kind == PlaceAlias::Kind::kCommon) {
      for (const auto& w : a.aliases) builder.MarkCommon(w);
    }
    auto country = country_record.find(a.target);
    if (a.kind == PlaceAlias::Kind::kActor && country != country_record.end()) {
      for (const auto& w : a.aliases) builder.AddName(w, country->second, kActor);
    }
  }
  auto bytes = builder.Build("countries-only fallback: data/countries.tsv, data/place_aliases.tsv");
  if (!bytes.ok()) return bytes.status();
  return FromBytes(bytes.value(), "(countries-only gazetteer)");
}

Result<Gazetteer> Gazetteer::LoadOrFallback(const std::string& path, const std::string& data_dir,
                                            std::string* warning) {
  struct stat st {};
  if (!path.empty() && stat(path.c_str(), &st) == 0) return Load(path);
  auto countries = CountryTable::Load(data_dir + "/countries.tsv");
  if (!countries.ok()) return countries.status();
  auto aliases = PlaceAliases::Load(data_dir + "/place_aliases.tsv");
  if (!aliases.ok()) return aliases.status();
  auto g = BuildFallback(countries.value(), aliases.value());
  if (g.ok() && warning != nullptr) {
    *warning = "no compiled gazetteer at '" + path +
               "': places are resolved to countries and listed subdivisions only (no cities); "
               "install it with: npm ci --prefix web && cmake --build build";
  }
  return g;
}

}  // namespace evident::places
