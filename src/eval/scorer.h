// Scorer: compares evident's output (JSONL, docs/output.md) with hand-labelled gold documents
// (JSONL, ../shared/data/README.md) and measures types, counts, country, location and date
// exactly as docs/eval.md describes.
//
// Lifecycle, like re2's Set: AddGold / AddPrediction in any order and interleaving (each line
// is parsed and checked at once; a bad line returns a Status naming it and changes nothing),
// then Finish() scores every gold document. A gold document without a prediction line counts
// as one that predicted nothing; predictions whose id is not in the gold are counted and
// otherwise ignored. An id may occur more than once (gva.jsonl has the same article labelled for
// two incidents): the k-th gold line with an id is paired with the k-th prediction line with
// that id, which is what evident's one-output-line-per-input-line order gives.
//
//   Scorer scorer(countries);
//   scorer.AddGold(R"({"id":"d1","text":"...","types":["ARREST"],"scored_types":["ARREST"],
//                      "counts":[{"role":"arrested","value":15,"low":15,"high":null}]})",
//                  "gold.jsonl:1");
//   scorer.AddPrediction(R"({"id":"d1","status":"ok","events":[{"type":"ARREST",
//       "status":"happened","part_of":null,"location":null,"date":null,
//       "counts":[{"role":"arrested","value":15,"low":15,"high":15}]}]})", "pred.jsonl:1");
//   EvalReport report = scorer.Finish();
//   // report.types_micro: tp 1; report.counts: tp 1, fp 0, fn 0
//   std::cout << FormatReport(report, "gold.jsonl");
//
// Only events with status "happened" are scored. The Scorer keeps a reference to the
// CountryTable, which must outlive it. Not thread-safe while adding; Finish() is const.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/countries.h"
#include "common/status.h"

namespace evident::eval {

// True/false positives and false negatives of one measure.
struct Prf {
  size_t tp = 0;
  size_t fp = 0;
  size_t fn = 0;

  // 0 when the denominator is 0.
  double Precision() const;
  double Recall() const;
  double F1() const;
  size_t Support() const { return tp + fn; }  // gold positives
  Prf& operator+=(const Prf& other);
};

// Hits over the documents that have the gold label.
struct HitRate {
  size_t hits = 0;
  size_t total = 0;
  double Rate() const;  // 0 when total is 0
};

// A count fact as read from gold or prediction lines. Values are doubles because a predicted
// range without a value is scored by its midpoint (200..999 => 599.5).
struct CountFact {
  std::string role;
  std::optional<double> value;
  std::optional<double> low;   // nullopt: open below
  std::optional<double> high;  // nullopt: open above
  std::string text;            // the number phrase (prediction "text" / gold "text"), may be empty
};

// What went wrong in one document, for error analysis (FormatErrors). Only documents with at
// least one error are listed in EvalReport::errors, in the order the gold lines were added.
struct DocErrors {
  std::string id;
  std::string where;                     // where the gold line came from ("gva.jsonl:12")
  bool missing_prediction = false;       // no prediction line for this id
  bool rejected = false;                 // the prediction line has status "rejected"
  std::vector<std::string> type_fp;      // predicted types that the gold does not have
  std::vector<std::string> type_fn;      // gold types that were not predicted
  std::vector<CountFact> missed_counts;  // gold facts without a matching prediction
  std::vector<CountFact> extra_counts;   // predicted facts counted as false positives
  // Set only when that label was missed: the gold value and what was predicted.
  std::optional<std::string> country_gold;  // ISO code
  std::string country_predicted;            // "" if no event had a country
  std::optional<std::string> location_gold;
  bool location_written = false;                 // the gold place is written in the title or text
  std::vector<std::string> locations_predicted;  // distinct names/texts, in event order
  std::optional<std::string> date_gold;
  std::vector<std::string> dates_predicted;  // distinct values, in event order

  bool empty() const;
};

// Per count role: Prf (support = gold facts of the role).
using RoleScores = std::map<std::string, Prf>;

struct EvalReport {
  // Documents.
  size_t gold_docs = 0;            // gold lines added
  size_t predicted_docs = 0;       // prediction lines added (including rejected, unknown ids)
  size_t missing_predictions = 0;  // gold docs without a prediction line
  size_t rejected = 0;             // gold docs whose prediction has status "rejected"
  size_t unknown_predictions = 0;  // prediction lines without a gold line to pair with
  size_t repeated_gold_ids = 0;    // gold lines whose id occurred on an earlier gold line

  // types: per type (every type in some document's scored_types) and micro-averaged.
  std::map<std::string, Prf> types;
  Prf types_micro;
  size_t type_docs = 0;  // gold docs with a non-empty scored_types

  // counts: over gold docs that have a "counts" key.
  Prf counts;
  RoleScores count_roles;  // every role seen in gold or among false positives
  size_t count_docs = 0;
  size_t count_exempt_repeats = 0;  // unmatched predicted facts excused as repeats
  size_t count_exempt_zeros = 0;    // unmatched predicted facts excused as zeros

  HitRate country;
  HitRate location;
  // location over the documents whose title or text writes the gold place (case- and
  // accent-insensitive): the golds a coder reading the text can reach. "Kansas City" over a
  // story naming only a street, or "Cartersville (Euharlee)", are not.
  HitRate location_written;
  HitRate date;

  std::vector<DocErrors> errors;
};

class Scorer {
 public:
  // `countries` resolves gold country names ("Ivory Coast", "BY") and predicted codes; it must
  // outlive the Scorer.
  explicit Scorer(const CountryTable& countries);

  // Adds one gold line (see ../shared/data/README.md). `where` names it in errors and in the
  // report ("dev/gva.jsonl:12"). Blank lines are ignored. Errors: kBadJson (not a JSON object),
  // kBadField (missing id, a field of the wrong type, a count fact without value and range, a
  // country the table does not know).
  Status AddGold(std::string_view gold_json_line, const std::string& where);

  // Adds one prediction line (docs/output.md). Errors as for AddGold; also a missing or
  // non-array "events" (unless status is "rejected"), an event without string type/status,
  // a location/date that is neither an object nor null.
  Status AddPrediction(std::string_view pred_json_line, const std::string& where);

  // Scores every gold document against its prediction (or against nothing).
  EvalReport Finish() const;

 private:
  struct GoldDoc {
    std::string id;
    std::string where;
    bool has_types = false;          // scored_types present and non-empty
    std::vector<std::string> types;  // gold types within scored_types
    std::vector<std::string> scored_types;
    bool has_counts = false;
    std::vector<CountFact> counts;
    bool totals_only = false;
    std::optional<std::string> country;  // resolved to an ISO code
    std::optional<std::string> location;
    bool location_written = false;  // the title or text contains location (FoldCaseAndAccents)
    std::optional<std::string> date;
  };
  struct PredEvent {
    std::string type;
    bool part_of = false;  // part_of is non-null
    std::vector<CountFact> counts;
    std::string country;                      // location.country resolved to a code, or raw, or ""
    std::vector<std::string> location_names;  // location.name and location.text, non-empty
    std::string date;                         // date.value or ""
  };
  struct PredDoc {
    std::string where;
    bool rejected = false;
    std::vector<PredEvent> events;  // happened events only
  };

  void ScoreDoc(const GoldDoc& gold, const PredDoc* pred, EvalReport* report) const;

  const CountryTable& countries_;
  std::vector<GoldDoc> gold_;
  std::unordered_map<std::string, size_t> gold_id_count_;  // id -> gold lines with it
  // id -> prediction lines with it, in the order added.
  std::unordered_map<std::string, std::vector<PredDoc>> predictions_;
  size_t prediction_lines_ = 0;
};

// A readable, aligned text report: documents; types per type P/R/F1/support/tp/fp/fn and
// micro; counts P/R/F1 and per role P/R/support/fp; country, location (also over the golds
// written in their document) and date hit rates with their denominators. `title` heads it
// (e.g. the gold file name).
std::string FormatReport(const EvalReport& report, std::string_view title);

// The first `max_docs` documents with errors, one block each:
//   gva-0123 (gva.jsonl:12)
//     types   FP ARREST | FN ASSAULT
//     counts  missed killed=2 | extra injured=3 "3 were hurt"
//     country gold US, predicted MX
// followed by "... and N more documents with errors" when cut.
std::string FormatErrors(const EvalReport& report, size_t max_docs);

// The report as JSON (nlohmann, 2-space indent): the numbers of FormatReport with P/R/F1
// computed, and with `with_errors` the per-document error lists.
std::string ReportToJson(const EvalReport& report, bool with_errors = false);

}  // namespace evident::eval
