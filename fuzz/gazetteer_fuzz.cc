// Fuzzes the gazetteer loader (Gazetteer::FromBytes, the checks of Gazetteer::Load): a valid
// small gazetteer image, damaged by the input (pairs of a 16-bit offset and a byte XORed in
// there, header and sections alike), must either be refused with an error naming the file, or
// load and answer lookups, filter queries and containment without reading outside the image.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "places/gazetteer.h"
#include "test_places.h"  // tests/places: the small gazetteers' place builders

namespace {

using evident::places::Gazetteer;
using evident::places::GazetteerBuilder;
using evident::places::testing::Admin1;
using evident::places::testing::City;
using evident::places::testing::Country;

// Invented places: two countries, a subdivision, towns with multi-word names and a section of
// a town (a "within" pair), so that every section of the format is present.
const std::string& Image() {
  static const std::string image = [] {
    GazetteerBuilder b;  // countries by code, then subdivisions by code, then places by id
    b.Add(Country("OS", "Ostrand", 0));
    uint32_t k = b.Add(Country("VL", "Veloria", 0));
    b.AddName("Velorian", k, evident::places::kDemonym);
    b.Add(Admin1("VL-NM", "North Marches", 0));
    uint32_t port = b.Add(City(11, "Port Ardan", "VL", "VL-NM", "PPLA", 900000, 41.0, 19.0));
    b.AddName("Ardan Harbour", port, evident::places::kAlias);
    b.Add(City(12, "Kelmora de los Rios", "VL", "VL-NM", "PPL", 12000, 41.5, 19.5));
    b.Add(City(13, "Old Quay", "VL", "VL-NM", "PPLX", 20000, 41.05, 19.02));  // in Port Ardan
    b.Add(City(14, "Ardan", "OS", "", "PPL", 3000, 44.0, 22.0));
    auto bytes = b.Build("fuzz gazetteer");
    if (!bytes.ok()) std::abort();
    return bytes.value();
  }();
  return image;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string image = Image();
  for (size_t i = 0; i + 3 <= size; i += 3) {
    size_t at = (static_cast<size_t>(data[i]) | (static_cast<size_t>(data[i + 1]) << 8)) % image.size();
    image[at] = static_cast<char>(image[at] ^ data[i + 2]);
  }
  // A last odd byte cuts the image short: truncated files must be refused too.
  if (size % 3 == 1) image.resize(image.size() * data[size - 1] / 256);
  auto g = Gazetteer::FromBytes(image, "fuzz.bin");
  if (!g.ok()) {
    if (g.status().ToString().find("fuzz.bin") == std::string::npos) std::abort();
    return 0;
  }
  for (const char* name : {"port ardan", "ardan", "ardan harbour", "kelmora de los rios", "velorian", "veloria",
                           "north marches", "old quay", "ostrand", "nowhere", ""}) {
    const uint32_t hash = evident::places::NameKeyHash(name);
    (void)g->key_filter().MayContain(hash);
    (void)g->first_word_filter().MayContain(hash);
    (void)g->prefix_filter().MayContain(hash);
    for (const auto& c : g->Lookup(name).candidates) {
      if (c.record >= g->size()) std::abort();
      const auto& r = g->record(c.record);
      (void)g->Str(r.name).size();
      (void)g->Str(r.admin1_name).size();
      (void)g->Container(c.record);
    }
  }
  for (size_t i = 0; i < g->num_keys(); ++i) (void)g->KeyAt(i).size();
  (void)g->FindCountry("VL");
  (void)g->FindAdmin1("VL-NM");
  (void)g->source().size();
  return 0;
}
