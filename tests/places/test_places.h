// Builders for the invented and real places that the places tests put in small gazetteers.
#ifndef EVIDENT_TESTS_PLACES_TEST_PLACES_H_
#define EVIDENT_TESTS_PLACES_TEST_PLACES_H_

#include <cstdint>
#include <string>

#include "places/gazetteer.h"

namespace evident::places::testing {

inline GazetteerBuilder::Place Country(const std::string& code, const std::string& name, uint32_t population) {
  GazetteerBuilder::Place p;
  p.kind = PlaceKind::kCountry;
  p.country = code;
  p.name = name;
  p.population = population;
  return p;
}

// `code` is the ISO 3166-2 code ("US-VA"); the country is its first two letters.
inline GazetteerBuilder::Place Admin1(const std::string& code, const std::string& name, uint32_t population) {
  GazetteerBuilder::Place p;
  p.kind = PlaceKind::kAdmin1;
  p.country = code.substr(0, 2);
  p.admin1_code = code;
  p.name = name;
  p.population = population;
  return p;
}

// A populated place (GeoNames feature code `feature`: PPL, PPLA, PPLX...) with coordinates.
inline GazetteerBuilder::Place City(int64_t id, const std::string& name, const std::string& country,
                                    const std::string& admin1, const std::string& feature, uint32_t population,
                                    double lat, double lon) {
  GazetteerBuilder::Place p;
  p.geonames_id = id;
  p.name = name;
  p.country = country;
  p.admin1_code = admin1;
  p.feature = feature;
  p.population = population;
  p.lat = lat;
  p.lon = lon;
  p.has_coordinates = true;
  return p;
}

}  // namespace evident::places::testing

#endif  // EVIDENT_TESTS_PLACES_TEST_PLACES_H_
