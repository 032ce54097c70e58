#include "eval/scorer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

namespace evident::eval {
namespace {

// ordered_json keeps the keys in the order written (documents first), for people reading it.
using json = nlohmann::ordered_json;

// Thrown by the field readers below and turned into a Status at the AddGold/AddPrediction
// boundary; never leaves this file.
struct FieldError {
  std::string message;
};

std::string Describe(const json& value) { return Fragment(value.dump(), 40); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// `obj[key]` if present and not null, else nullptr.
const json* Field(const json& obj, const char* key) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<std::string> OptString(const json& obj, const char* key, const std::string& path) {
  const json* v = Field(obj, key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_string()) {
    throw FieldError{path + key + " is " + Describe(*v) + ", expected a string or null"};
  }
  return v->get<std::string>();
}

std::string RequiredString(const json& obj, const char* key, const std::string& path) {
  std::optional<std::string> s = OptString(obj, key, path);
  if (!s) throw FieldError{path + key + " is missing; expected a string"};
  return *s;
}

std::optional<double> OptNumber(const json& obj, const char* key, const std::string& path) {
  const json* v = Field(obj, key);
  if (v == nullptr) return std::nullopt;
  if (!v->is_number()) {
    throw FieldError{path + key + " is " + Describe(*v) + ", expected a number or null"};
  }
  return v->get<double>();
}

std::vector<std::string> OptStringList(const json& obj, const char* key) {
  std::vector<std::string> out;
  const json* v = Field(obj, key);
  if (v == nullptr) return out;
  if (!v->is_array()) throw FieldError{std::string(key) + " is " + Describe(*v) + ", expected a list"};
  for (size_t i = 0; i < v->size(); ++i) {
    const json& item = (*v)[i];
    if (!item.is_string()) {
      throw FieldError{fmt::format("{}[{}] is {}, expected a string", key, i, Describe(item))};
    }
    std::string s = item.get<std::string>();
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  }
  return out;
}

// Reads a "counts" list (gold or predicted); `path` prefixes field names in errors.
std::vector<CountFact> ReadCounts(const json& list, const std::string& path) {
  if (!list.is_array()) throw FieldError{path + " is " + Describe(list) + ", expected a list"};
  std::vector<CountFact> out;
  for (size_t i = 0; i < list.size(); ++i) {
    const json& c = list[i];
    std::string here = fmt::format("{}[{}].", path, i);
    if (!c.is_object()) {
      throw FieldError{fmt::format("{}[{}] is {}, expected an object", path, i, Describe(c))};
    }
    CountFact fact;
    fact.role = RequiredString(c, "role", here);
    fact.value = OptNumber(c, "value", here);
    fact.low = OptNumber(c, "low", here);
    fact.high = OptNumber(c, "high", here);
    fact.text = OptString(c, "text", here).value_or("");
    out.push_back(std::move(fact));
  }
  return out;
}

// The single number a predicted fact is scored by: its value, else the middle of low..high,
// else whichever bound it has. nullopt if it has no number at all.
std::optional<double> ScoredValue(const CountFact& f) {
  if (f.value) return f.value;
  if (f.low && f.high) return (*f.low + *f.high) / 2;
  if (f.low) return f.low;
  return f.high;
}

// A gold fact accepts a predicted number equal to its value or inside its [low, high] (a null
// bound is open; a fact with neither bound has no range, only its value).
bool ExactMatch(const CountFact& gold, double v) { return gold.value && *gold.value == v; }
bool RangeMatch(const CountFact& gold, double v) {
  if (!gold.low && !gold.high) return false;
  return (!gold.low || v >= *gold.low) && (!gold.high || v <= *gold.high);
}

std::string FormatNumber(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);
}

std::string FormatFact(const CountFact& f) {
  std::string s = f.role;
  if (f.value) s += "=" + FormatNumber(*f.value);
  bool exact = f.value && f.low && f.high && *f.low == *f.value && *f.high == *f.value;
  if (!exact && (f.low || f.high)) {
    s += fmt::format(" {}{}..{}", f.value ? "[" : "", f.low ? FormatNumber(*f.low) : "",
                     f.high ? FormatNumber(*f.high) : "");
    if (f.value) s += "]";
  }
  if (!f.text.empty()) s += " \"" + Fragment(f.text, 60) + "\"";
  return s;
}

double Round4(double x) { return std::round(x * 10000.0) / 10000.0; }

json PrfJson(const Prf& p) {
  return json{{"precision", Round4(p.Precision())},
              {"recall", Round4(p.Recall())},
              {"f1", Round4(p.F1())},
              {"support", p.Support()},
              {"tp", p.tp},
              {"fp", p.fp},
              {"fn", p.fn}};
}

json HitJson(const HitRate& h) { return json{{"hits", h.hits}, {"total", h.total}, {"rate", Round4(h.Rate())}}; }

json FactJson(const CountFact& f) {
  json j{{"role", f.role}, {"value", nullptr}, {"low", nullptr}, {"high", nullptr}};
  if (f.value) j["value"] = *f.value;
  if (f.low) j["low"] = *f.low;
  if (f.high) j["high"] = *f.high;
  if (!f.text.empty()) j["text"] = f.text;
  return j;
}

// P, R and F1 print "-" where undefined (nothing predicted, nothing in the gold).
std::string PrfRow(std::string_view label, const Prf& p) {
  bool has_p = p.tp + p.fp > 0, has_r = p.Support() > 0;
  auto num = [](bool defined, double x) { return defined ? fmt::format("{:.3f}", x) : "-"; };
  return fmt::format("  {:<16} {:>6} {:>6} {:>6} {:>8} {:>7} {:>7} {:>7}\n", label, num(has_p, p.Precision()),
                     num(has_r, p.Recall()), num(has_p && has_r, p.F1()), p.Support(), p.tp, p.fp, p.fn);
}

std::string HitRow(std::string_view label, const HitRate& h) {
  if (h.total == 0) return fmt::format("  {:<16} {:>6}   (no gold labels)\n", label, "n/a");
  return fmt::format("  {:<16} {:>6.3f} {:>8} / {}\n", label, h.Rate(), h.hits, h.total);
}

}  // namespace

double Prf::Precision() const { return tp + fp == 0 ? 0.0 : double(tp) / double(tp + fp); }
double Prf::Recall() const { return tp + fn == 0 ? 0.0 : double(tp) / double(tp + fn); }
double Prf::F1() const {
  double p = Precision(), r = Recall();
  return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
}
Prf& Prf::operator+=(const Prf& other) {
  tp += other.tp;
  fp += other.fp;
  fn += other.fn;
  return *this;
}

double HitRate::Rate() const { return total == 0 ? 0.0 : double(hits) / double(total); }

bool DocErrors::empty() const {
  return !missing_prediction && !rejected && type_fp.empty() && type_fn.empty() && missed_counts.empty() &&
         extra_counts.empty() && !country_gold && !location_gold && !date_gold;
}

Scorer::Scorer(const CountryTable& countries) : countries_(countries) {}

Status Scorer::AddGold(std::string_view line, const std::string& where) {
  if (Trim(line).empty()) return Status::Ok();
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Status(ErrorCode::kBadJson, "gold line is not a JSON object: '" + Fragment(line) + "'", where);
  }
  GoldDoc doc;
  doc.where = where;
  try {
    doc.id = RequiredString(j, "id", "");
    if (doc.id.empty()) throw FieldError{"id is empty"};
    doc.scored_types = OptStringList(j, "scored_types");
    doc.has_types = !doc.scored_types.empty();
    for (std::string& t : OptStringList(j, "types")) {
      if (std::find(doc.scored_types.begin(), doc.scored_types.end(), t) != doc.scored_types.end()) {
        doc.types.push_back(std::move(t));
      }
    }
    if (auto it = j.find("counts"); it != j.end()) {
      doc.has_counts = true;
      if (!it->is_null()) doc.counts = ReadCounts(*it, "counts");
      for (size_t i = 0; i < doc.counts.size(); ++i) {
        const CountFact& f = doc.counts[i];
        if (!f.value && !f.low && !f.high) {
          throw FieldError{fmt::format("counts[{}] ({}) has no value and no range", i, f.role)};
        }
      }
    }
    if (const json* t = Field(j, "totals_only")) {
      if (!t->is_boolean()) {
        throw FieldError{"totals_only is " + Describe(*t) + ", expected true, false or null"};
      }
      doc.totals_only = t->get<bool>();
    }
    if (auto country = OptString(j, "country", ""); country && !Trim(*country).empty()) {
      const std::string* code = countries_.CodeForName(*country);
      if (code == nullptr) {
        throw FieldError{"unknown country '" + Fragment(*country) +
                         "'; add the name as an alias in scripts/country_extras.tsv"};
      }
      doc.country = *code;
    }
    if (auto location = OptString(j, "location", ""); location && !Trim(*location).empty()) {
      doc.location = std::string(Trim(*location));
      const std::string want = FoldCaseAndAccents(*doc.location);
      for (const char* key : {"title", "text"}) {
        auto field = OptString(j, key, "");
        if (field && FoldCaseAndAccents(*field).find(want) != std::string::npos) {
          doc.location_written = true;
          break;
        }
      }
    }
    if (auto date = OptString(j, "date", ""); date && !date->empty()) doc.date = *date;
  } catch (const FieldError& e) {
    std::string id = doc.id.empty() ? "" : "document '" + Fragment(doc.id) + "': ";
    return Status(ErrorCode::kBadField, id + e.message, where);
  } catch (const json::exception& e) {
    return Status(ErrorCode::kBadField, std::string("unexpected JSON content: ") + e.what(), where);
  }
  ++gold_id_count_[doc.id];
  gold_.push_back(std::move(doc));
  return Status::Ok();
}

Status Scorer::AddPrediction(std::string_view line, const std::string& where) {
  if (Trim(line).empty()) return Status::Ok();
  json j = json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Status(ErrorCode::kBadJson, "prediction line is not a JSON object: '" + Fragment(line) + "'", where);
  }
  std::string id;
  PredDoc doc;
  doc.where = where;
  try {
    id = RequiredString(j, "id", "");
    if (id.empty()) throw FieldError{"id is empty"};
    doc.rejected = OptString(j, "status", "").value_or("") == "rejected";
    const json* events = Field(j, "events");
    if (events == nullptr && !doc.rejected) {
      throw FieldError{"events is missing; expected a list (docs/output.md)"};
    }
    if (events != nullptr && !events->is_array()) {
      throw FieldError{"events is " + Describe(*events) + ", expected a list"};
    }
    for (size_t i = 0; events != nullptr && !doc.rejected && i < events->size(); ++i) {
      const json& e = (*events)[i];
      std::string path = fmt::format("events[{}].", i);
      if (!e.is_object()) {
        throw FieldError{fmt::format("events[{}] is {}, expected an object", i, Describe(e))};
      }
      PredEvent event;
      event.type = RequiredString(e, "type", path);
      std::string status = RequiredString(e, "status", path);
      if (const json* c = Field(e, "counts")) event.counts = ReadCounts(*c, path + "counts");
      if (const json* p = Field(e, "part_of")) {
        if (!p->is_string()) {
          throw FieldError{path + "part_of is " + Describe(*p) + ", expected a string or null"};
        }
        event.part_of = true;
      }
      if (const json* loc = Field(e, "location")) {
        if (!loc->is_object()) {
          throw FieldError{path + "location is " + Describe(*loc) + ", expected an object or null"};
        }
        for (const char* key : {"name", "text"}) {
          auto s = OptString(*loc, key, path + "location.");
          if (s && !Trim(*s).empty()) event.location_names.emplace_back(Trim(*s));
        }
        if (auto country = OptString(*loc, "country", path + "location."); country && !Trim(*country).empty()) {
          const std::string* code = countries_.CodeForName(*country);
          event.country = code != nullptr ? *code : std::string(Trim(*country));
        }
      }
      if (const json* d = Field(e, "date")) {
        if (!d->is_object()) {
          throw FieldError{path + "date is " + Describe(*d) + ", expected an object or null"};
        }
        event.date = OptString(*d, "value", path + "date.").value_or("");
      }
      if (status == "happened") doc.events.push_back(std::move(event));
    }
  } catch (const FieldError& e) {
    std::string prefix = id.empty() ? "" : "document '" + Fragment(id) + "': ";
    return Status(ErrorCode::kBadField, prefix + e.message, where);
  } catch (const json::exception& e) {
    return Status(ErrorCode::kBadField, std::string("unexpected JSON content: ") + e.what(), where);
  }
  predictions_[id].push_back(std::move(doc));
  ++prediction_lines_;
  return Status::Ok();
}

EvalReport Scorer::Finish() const {
  EvalReport report;
  report.gold_docs = gold_.size();
  report.predicted_docs = prediction_lines_;
  for (const auto& [id, preds] : predictions_) {
    auto it = gold_id_count_.find(id);
    size_t paired = it == gold_id_count_.end() ? 0 : std::min(it->second, preds.size());
    report.unknown_predictions += preds.size() - paired;
  }
  std::unordered_map<std::string_view, size_t> occurrence;  // id -> gold lines seen so far
  for (const GoldDoc& gold : gold_) {
    size_t k = occurrence[gold.id]++;
    if (k > 0) ++report.repeated_gold_ids;
    auto it = predictions_.find(gold.id);
    const PredDoc* pred = it != predictions_.end() && k < it->second.size() ? &it->second[k] : nullptr;
    ScoreDoc(gold, pred, &report);
  }
  for (const auto& [type, prf] : report.types) report.types_micro += prf;
  return report;
}

void Scorer::ScoreDoc(const GoldDoc& gold, const PredDoc* pred, EvalReport* report) const {
  static const std::vector<PredEvent> kNoEvents;
  const std::vector<PredEvent>& events = pred != nullptr ? pred->events : kNoEvents;
  DocErrors errors;
  errors.id = gold.id;
  errors.where = gold.where;
  if (pred == nullptr) {
    ++report->missing_predictions;
    errors.missing_prediction = true;
  } else if (pred->rejected) {
    ++report->rejected;
    errors.rejected = true;
  }

  // types
  if (gold.has_types) {
    ++report->type_docs;
    std::set<std::string_view> predicted;
    for (const PredEvent& e : events) predicted.insert(e.type);
    for (const std::string& type : gold.scored_types) {
      bool in_gold = std::find(gold.types.begin(), gold.types.end(), type) != gold.types.end();
      bool in_pred = predicted.contains(type);
      Prf& prf = report->types[type];
      if (in_gold && in_pred) {
        ++prf.tp;
      } else if (in_pred) {
        ++prf.fp;
        errors.type_fp.push_back(type);
      } else if (in_gold) {
        ++prf.fn;
        errors.type_fn.push_back(type);
      }
    }
  }

  // counts
  if (gold.has_counts) {
    ++report->count_docs;
    struct Predicted {
      const CountFact* fact;
      double value;
    };
    std::vector<Predicted> predicted;
    for (const PredEvent& e : events) {
      if (gold.totals_only && e.part_of) continue;
      for (const CountFact& f : e.counts) {
        if (auto v = ScoredValue(f)) predicted.push_back({&f, *v});
      }
    }
    // Maximum bipartite matching (Kuhn's augmenting paths) between gold facts and predicted
    // facts of the same role. Each gold fact tries exact-value candidates before in-range
    // ones, in prediction order; the result does not depend on the order of gold facts.
    const size_t ng = gold.counts.size();
    std::vector<std::vector<size_t>> candidates(ng);
    for (size_t g = 0; g < ng; ++g) {
      const CountFact& gf = gold.counts[g];
      for (int pass = 0; pass < 2; ++pass) {
        for (size_t p = 0; p < predicted.size(); ++p) {
          if (predicted[p].fact->role != gf.role) continue;
          bool exact = ExactMatch(gf, predicted[p].value);
          if (pass == 0 ? exact : (!exact && RangeMatch(gf, predicted[p].value))) {
            candidates[g].push_back(p);
          }
        }
      }
    }
    std::vector<int> pred_match(predicted.size(), -1);  // predicted -> gold index
    std::vector<char> visited;
    std::function<bool(size_t)> augment = [&](size_t g) {
      for (size_t p : candidates[g]) {
        if (visited[p]) continue;
        visited[p] = 1;
        if (pred_match[p] < 0 || augment(static_cast<size_t>(pred_match[p]))) {
          pred_match[p] = static_cast<int>(g);
          return true;
        }
      }
      return false;
    };
    std::vector<char> gold_matched(ng, 0);
    for (size_t g = 0; g < ng; ++g) {
      visited.assign(predicted.size(), 0);
      augment(g);
    }
    std::set<std::pair<std::string_view, double>> matched_values;
    for (size_t p = 0; p < predicted.size(); ++p) {
      if (pred_match[p] < 0) continue;
      gold_matched[static_cast<size_t>(pred_match[p])] = 1;
      matched_values.emplace(predicted[p].fact->role, predicted[p].value);
    }
    for (size_t g = 0; g < ng; ++g) {
      Prf& role = report->count_roles[gold.counts[g].role];
      if (gold_matched[g]) {
        ++role.tp;
        ++report->counts.tp;
      } else {
        ++role.fn;
        ++report->counts.fn;
        errors.missed_counts.push_back(gold.counts[g]);
      }
    }
    for (size_t p = 0; p < predicted.size(); ++p) {
      if (pred_match[p] >= 0) continue;
      const CountFact& f = *predicted[p].fact;
      if (predicted[p].value == 0) {
        ++report->count_exempt_zeros;
      } else if (matched_values.contains({f.role, predicted[p].value})) {
        ++report->count_exempt_repeats;
      } else {
        ++report->count_roles[f.role].fp;
        ++report->counts.fp;
        CountFact shown = f;
        if (!shown.value) shown.value = predicted[p].value;  // show the number that was scored
        errors.extra_counts.push_back(std::move(shown));
      }
    }
  }

  // country: the most frequent predicted country, ties to the first seen.
  if (gold.country) {
    ++report->country.total;
    std::vector<std::pair<std::string_view, size_t>> tally;  // in first-seen order
    for (const PredEvent& e : events) {
      if (e.country.empty()) continue;
      auto it = std::find_if(tally.begin(), tally.end(), [&](const auto& t) { return t.first == e.country; });
      if (it == tally.end()) {
        tally.emplace_back(e.country, 1);
      } else {
        ++it->second;
      }
    }
    std::string_view best;
    size_t best_n = 0;
    for (const auto& [country, n] : tally) {
      if (n > best_n) {
        best = country;
        best_n = n;
      }
    }
    if (best == *gold.country) {
      ++report->country.hits;
    } else {
      errors.country_gold = gold.country;
      errors.country_predicted = std::string(best);
    }
  }

  // location: any event's location name or text, case- and accent-insensitive.
  if (gold.location) {
    ++report->location.total;
    std::string want = FoldCaseAndAccents(*gold.location);
    bool hit = false;
    std::vector<std::string> seen;
    for (const PredEvent& e : events) {
      for (const std::string& name : e.location_names) {
        if (FoldCaseAndAccents(name) == want) hit = true;
        if (std::find(seen.begin(), seen.end(), name) == seen.end()) seen.push_back(name);
      }
    }
    if (gold.location_written) ++report->location_written.total;
    if (hit) {
      ++report->location.hits;
      if (gold.location_written) ++report->location_written.hits;
    } else {
      errors.location_gold = gold.location;
      errors.location_written = gold.location_written;
      errors.locations_predicted = std::move(seen);
    }
  }

  // date: any event's date.value.
  if (gold.date) {
    ++report->date.total;
    bool hit = false;
    std::vector<std::string> seen;
    for (const PredEvent& e : events) {
      if (e.date.empty()) continue;
      if (e.date == *gold.date) hit = true;
      if (std::find(seen.begin(), seen.end(), e.date) == seen.end()) seen.push_back(e.date);
    }
    if (hit) {
      ++report->date.hits;
    } else {
      errors.date_gold = gold.date;
      errors.dates_predicted = std::move(seen);
    }
  }

  if (!errors.empty()) report->errors.push_back(std::move(errors));
}

std::string FormatReport(const EvalReport& r, std::string_view title) {
  std::string out = fmt::format("== evident eval: {} ==\n", title);
  out += fmt::format("documents: {} gold, {} predicted, {} missing predictions, {} rejected, {} not in gold\n",
                     r.gold_docs, r.predicted_docs, r.missing_predictions, r.rejected, r.unknown_predictions);
  if (r.repeated_gold_ids > 0) {
    out +=
        fmt::format("  ({} gold lines repeat an earlier id; paired with predictions by order)\n", r.repeated_gold_ids);
  }
  const std::string header = fmt::format("  {:<16} {:>6} {:>6} {:>6} {:>8} {:>7} {:>7} {:>7}\n", "", "P", "R", "F1",
                                         "support", "tp", "fp", "fn");

  out += fmt::format("\ntypes ({} docs with scored_types)\n", r.type_docs);
  if (r.types.empty()) {
    out += "  (no documents with scored_types)\n";
  } else {
    out += header;
    for (const auto& [type, prf] : r.types) out += PrfRow(type, prf);
    out += PrfRow("micro", r.types_micro);
  }

  out += fmt::format("\ncounts ({} docs with counts)\n", r.count_docs);
  if (r.count_docs == 0) {
    out += "  (no documents with counts)\n";
  } else {
    out += header;
    out += PrfRow("all facts", r.counts);
    for (const auto& [role, prf] : r.count_roles) out += PrfRow(role, prf);
    out += fmt::format("  not false positives: {} repeats of matched facts, {} zeros\n", r.count_exempt_repeats,
                       r.count_exempt_zeros);
  }

  out += fmt::format("\nlabels {:<10} {:>6} {:>8}   docs\n", "", "rate", "hits");
  out += HitRow("country", r.country);
  out += HitRow("location", r.location);
  if (r.location.total > 0) out += HitRow("  written in doc", r.location_written);
  out += HitRow("date", r.date);
  return out;
}

std::string FormatErrors(const EvalReport& r, size_t max_docs) {
  std::string out;
  size_t shown = 0;
  auto join = [](const std::vector<std::string>& items, std::string_view sep, bool quote) {
    std::string s;
    for (const std::string& item : items) {
      if (!s.empty()) s += sep;
      s += quote ? "\"" + Fragment(item, 60) + "\"" : item;
    }
    return s;
  };
  for (const DocErrors& e : r.errors) {
    if (shown == max_docs) break;
    ++shown;
    out += fmt::format("{} ({}){}{}\n", e.id, e.where, e.missing_prediction ? " [no prediction]" : "",
                       e.rejected ? " [rejected]" : "");
    if (!e.type_fp.empty() || !e.type_fn.empty()) {
      std::string s;
      if (!e.type_fp.empty()) s += "FP " + join(e.type_fp, " ", false);
      if (!e.type_fn.empty()) s += (s.empty() ? "" : " | ") + ("FN " + join(e.type_fn, " ", false));
      out += fmt::format("  {:<9} {}\n", "types", s);
    }
    for (const CountFact& f : e.missed_counts) {
      out += fmt::format("  {:<9} missed {}\n", "counts", FormatFact(f));
    }
    for (const CountFact& f : e.extra_counts) {
      out += fmt::format("  {:<9} extra  {}\n", "counts", FormatFact(f));
    }
    if (e.country_gold) {
      out += fmt::format("  {:<9} gold {}, predicted {}\n", "country", *e.country_gold,
                         e.country_predicted.empty() ? "nothing" : e.country_predicted);
    }
    if (e.location_gold) {
      out += fmt::format("  {:<9} gold \"{}\"{}, predicted {}\n", "location", Fragment(*e.location_gold, 60),
                         e.location_written ? "" : " (not in the document)",
                         e.locations_predicted.empty() ? "nothing" : join(e.locations_predicted, ", ", true));
    }
    if (e.date_gold) {
      out += fmt::format("  {:<9} gold {}, predicted {}\n", "date", *e.date_gold,
                         e.dates_predicted.empty() ? "nothing" : join(e.dates_predicted, ", ", false));
    }
  }
  if (shown < r.errors.size()) {
    out += fmt::format("... and {} more documents with errors\n", r.errors.size() - shown);
  }
  return out;
}

std::string ReportToJson(const EvalReport& r, bool with_errors) {
  json j;
  j["documents"] = {{"gold", r.gold_docs},
                    {"predicted", r.predicted_docs},
                    {"missing_predictions", r.missing_predictions},
                    {"rejected", r.rejected},
                    {"unknown_predictions", r.unknown_predictions},
                    {"repeated_gold_ids", r.repeated_gold_ids}};
  json per_type = json::object();
  for (const auto& [type, prf] : r.types) per_type[type] = PrfJson(prf);
  j["types"] = {{"docs", r.type_docs}, {"micro", PrfJson(r.types_micro)}, {"per_type", per_type}};
  json per_role = json::object();
  for (const auto& [role, prf] : r.count_roles) per_role[role] = PrfJson(prf);
  j["counts"] = {{"docs", r.count_docs},
                 {"all", PrfJson(r.counts)},
                 {"per_role", per_role},
                 {"exempt_repeats", r.count_exempt_repeats},
                 {"exempt_zeros", r.count_exempt_zeros}};
  j["country"] = HitJson(r.country);
  j["location"] = HitJson(r.location);
  j["location_written"] = HitJson(r.location_written);
  j["date"] = HitJson(r.date);
  if (with_errors) {
    json errors = json::array();
    for (const DocErrors& e : r.errors) {
      json d{{"id", e.id}, {"where", e.where}};
      if (e.missing_prediction) d["missing_prediction"] = true;
      if (e.rejected) d["rejected"] = true;
      if (!e.type_fp.empty()) d["type_fp"] = e.type_fp;
      if (!e.type_fn.empty()) d["type_fn"] = e.type_fn;
      if (!e.missed_counts.empty()) {
        d["missed_counts"] = json::array();
        for (const CountFact& f : e.missed_counts) d["missed_counts"].push_back(FactJson(f));
      }
      if (!e.extra_counts.empty()) {
        d["extra_counts"] = json::array();
        for (const CountFact& f : e.extra_counts) d["extra_counts"].push_back(FactJson(f));
      }
      if (e.country_gold) {
        d["country"] = {{"gold", *e.country_gold}, {"predicted", e.country_predicted}};
      }
      if (e.location_gold) {
        d["location"] = {
            {"gold", *e.location_gold}, {"written", e.location_written}, {"predicted", e.locations_predicted}};
      }
      if (e.date_gold) d["date"] = {{"gold", *e.date_gold}, {"predicted", e.dates_predicted}};
      errors.push_back(std::move(d));
    }
    j["errors"] = std::move(errors);
  }
  return j.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace evident::eval
