#include "eval/scorer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace evident::eval {
namespace {

// A tiny fictional-enough table: the scorer only needs names, aliases and codes.
const CountryTable& Countries() {
  static const CountryTable* table = [] {
    Result<CountryTable> t = CountryTable::Parse(
        "IL\tIsrael\tState of Israel\tIsraeli\n"
        "PS\tPalestine, State of\tPalestine|Gaza\tPalestinian\n"
        "BY\tBelarus\t\tBelarusian\n"
        "CI\tCôte d'Ivoire\tIvory Coast\tIvorian\n"
        "US\tUnited States\tUSA\tAmerican\n",
        "scorer_test countries");
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return new CountryTable(std::move(t).value());
  }();
  return *table;
}

// Builders for prediction lines in the docs/output.md schema (fields the scorer ignores are
// left out).
std::string N(std::optional<int> v) { return v ? std::to_string(*v) : "null"; }

std::string Count(std::string_view role, std::optional<int> value, std::optional<int> low,
                  std::optional<int> high) {
  return "{\"role\":\"" + std::string(role) + "\",\"value\":" + N(value) + ",\"low\":" + N(low) +
         ",\"high\":" + N(high) + ",\"approximate\":false,\"text\":\"t\",\"start\":0,\"end\":1}";
}
std::string Exact(std::string_view role, int v) { return Count(role, v, v, v); }

struct Ev {
  std::string type = "ARREST";
  std::string status = "happened";
  std::vector<std::string> counts = {};
  std::string part_of = "null";
  std::string location = "null";
  std::string date = "null";
};

std::string Location(std::string_view name, std::string_view text, std::string_view country) {
  auto q = [](std::string_view s) {
    return s.empty() ? std::string("null") : "\"" + std::string(s) + "\"";
  };
  return "{\"text\":" + q(text) + ",\"start\":0,\"end\":1,\"name\":" + q(name) +
         ",\"country\":" + q(country) + "}";
}
std::string Date(std::string_view value) {
  return "{\"value\":\"" + std::string(value) +
         "\",\"precision\":\"day\",\"text\":\"\",\"start\":0,\"end\":0,\"basis\":\"published\"}";
}

std::string Pred(std::string_view id, const std::vector<Ev>& events) {
  std::string out = "{\"id\":\"" + std::string(id) + "\",\"status\":\"ok\",\"events\":[";
  for (size_t i = 0; i < events.size(); ++i) {
    const Ev& e = events[i];
    if (i) out += ",";
    out += "{\"id\":\"e" + std::to_string(i + 1) + "\",\"type\":\"" + e.type + "\",\"status\":\"" +
           e.status + "\",\"counts\":[";
    for (size_t k = 0; k < e.counts.size(); ++k) out += (k ? "," : "") + e.counts[k];
    out +=
        "],\"part_of\":" + e.part_of + ",\"location\":" + e.location + ",\"date\":" + e.date + "}";
  }
  return out + "],\"checks\":[]}";
}

// Adds lines, failing the test on any error.
void Gold(Scorer& s, const std::string& line) {
  Status st = s.AddGold(line, "gold:test");
  ASSERT_TRUE(st.ok()) << st.ToString();
}
void Predict(Scorer& s, const std::string& line) {
  Status st = s.AddPrediction(line, "pred:test");
  ASSERT_TRUE(st.ok()) << st.ToString();
}

const DocErrors* ErrorsFor(const EvalReport& r, std::string_view id) {
  for (const DocErrors& e : r.errors) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

// ---------------------------------------------------------------------------------------------
// types

TEST(ScorerTypes, RestrictedToScoredTypesAndHappenedEvents) {
  Scorer s(Countries());
  Gold(s, R"({"id":"d1","text":"x","types":["PROTEST","ARREST","CHARGE"],)"
          R"("scored_types":["PROTEST","ARREST","ASSAULT"]})");
  Predict(s, Pred("d1", {{.type = "PROTEST"},
                         {.type = "ASSAULT"},
                         {.type = "CHARGE"},                       // not scored here
                         {.type = "ARREST", .status = "negated"},  // not happened
                         {.type = "PROTEST", .status = "planned"}}));
  EvalReport r = s.Finish();
  EXPECT_EQ(r.type_docs, 1u);
  ASSERT_EQ(r.types.size(), 3u);
  EXPECT_EQ(r.types["PROTEST"].tp, 1u);
  EXPECT_EQ(r.types["ASSAULT"].fp, 1u);
  EXPECT_EQ(r.types["ARREST"].fn, 1u);
  EXPECT_FALSE(r.types.contains("CHARGE"));
  EXPECT_EQ(r.types_micro.tp, 1u);
  EXPECT_EQ(r.types_micro.fp, 1u);
  EXPECT_EQ(r.types_micro.fn, 1u);
  EXPECT_DOUBLE_EQ(r.types_micro.F1(), 0.5);
  const DocErrors* e = ErrorsFor(r, "d1");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->type_fp, std::vector<std::string>{"ASSAULT"});
  EXPECT_EQ(e->type_fn, std::vector<std::string>{"ARREST"});
}

TEST(ScorerTypes, LabelledNegativeAndUnscoredDocument) {
  Scorer s(Countries());
  Gold(s, R"({"id":"neg","text":"x","types":[],"scored_types":["ARREST"]})");
  Gold(s, R"({"id":"unscored","text":"x"})");
  Predict(s, Pred("neg", {}));
  Predict(s, Pred("unscored", {{.type = "ARREST"}}));
  EvalReport r = s.Finish();
  EXPECT_EQ(r.type_docs, 1u);
  EXPECT_EQ(r.types["ARREST"].tp + r.types["ARREST"].fp + r.types["ARREST"].fn, 0u);
  EXPECT_TRUE(r.errors.empty());
}

// ---------------------------------------------------------------------------------------------
// counts

TEST(ScorerCounts, ExactValuesRangesAndMidpoints) {
  Scorer s(Countries());
  Gold(s, R"({"id":"d","text":"x","counts":[)"
          R"({"role":"participants","value":20,"low":20,"high":null},)"    // at least 20
          R"({"role":"participants","value":null,"low":200,"high":999},)"  // hundreds
          R"({"role":"arrested","value":1000,"low":900,"high":999},)"      // nearly 1,000
          R"({"role":"killed","value":40,"low":41,"high":null}]})");       // more than 40
  Predict(s, Pred("d", {{.type = "PROTEST",
                         .counts = {Exact("participants", 35),  // in [20, inf)
                                    Count("participants", std::nullopt, 200, 999)}},  // 599.5
                        {.type = "ARREST", .counts = {Exact("arrested", 1000)}},      // = value
                        {.type = "ASSAULT", .counts = {Count("killed", 40, 41, std::nullopt)}}}));
  EvalReport r = s.Finish();
  EXPECT_EQ(r.count_docs, 1u);
  EXPECT_EQ(r.counts.tp, 4u);
  EXPECT_EQ(r.counts.fp, 0u);
  EXPECT_EQ(r.counts.fn, 0u);
  EXPECT_EQ(r.count_roles["participants"].tp, 2u);
  EXPECT_TRUE(r.errors.empty());
}

TEST(ScorerCounts, OpenBoundsOnBothSides) {
  Scorer s(Countries());
  Gold(s, R"({"id":"d","text":"x","counts":[)"
          R"({"role":"arrested","value":10,"low":null,"high":10},)"  // up to 10
          R"({"role":"injured","value":null,"low":3,"high":9}]})");  // several
  // Predicted value null with one bound: the bound is the number scored.
  Predict(s, Pred("d", {{.counts = {Count("arrested", std::nullopt, std::nullopt, 4),
                                    Count("injured", std::nullopt, 5, std::nullopt),
                                    Count("injured", std::nullopt, std::nullopt, std::nullopt)}}}));
  EvalReport r = s.Finish();
  EXPECT_EQ(r.counts.tp, 2u);
  EXPECT_EQ(r.counts.fp, 0u);  // a count with no number at all is not a fact
}

TEST(ScorerCounts, OutOfRangeAndWrongRoleAreFalsePositivesAndMisses) {
  Scorer s(Countries());
  Gold(s, R"({"id":"d","text":"x","counts":[{"role":"arrested","value":15,"low":15,"high":15}]})");
  Predict(s, Pred("d", {{.counts = {Exact("arrested", 16), Exact("detained", 15)}}}));
  EvalReport r = s.Finish();
  EXPECT_EQ(r.counts.tp, 0u);
  EXPECT_EQ(r.counts.fp, 2u);
  EXPECT_EQ(r.counts.fn, 1u);
  EXPECT_EQ(r.count_roles["arrested"].fn, 1u);
  EXPECT_EQ(r.count_roles["arrested"].fp, 1u);
  EXPECT_EQ(r.count_roles["detained"].fp, 1u);
  const DocErrors* e = ErrorsFor(r, "d");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->missed_counts.size(), 1u);
  EXPECT_EQ(e->missed_counts[0].role, "arrested");
  ASSERT_EQ(e->extra_counts.size(), 2u);
  EXPECT_EQ(e->extra_counts[0].value, 16.0);
}

TEST(ScorerCounts, RepeatsOfAMatchedFactAreNotFalsePositives) {
  Scorer s(Countries());
  Gold(s, R"({"id":"d","text":"x","counts":[{"role":"arrested","value":15,"low":15,"high":15}]})");
  Predict(
      s, Pred("d", {{.counts = {Exact("arrested", 15)}},
                    {.type = "CUSTODY", .counts = {Exact("arrested", 15), Exact("arrested", 7)}}}));
  EvalReport r = s.Finish();
  EXPECT_EQ(r.counts.tp, 1u);
  EXPECT_EQ(r.counts.fp, 1u);  // only the 7
  EXPECT_EQ(r.count_exempt_repeats, 1u);
}

TEST(ScorerCounts, OnePredictedFactMatchesOneGoldFact) {
  Scorer s(Countries());
  // Two groups of two arrested; evident found one.
  Gold(s, R"({"id":"d","text":"x","counts":[{"role":"arrested","value":2,"low":2,"high":2},)"
          R"({"role":"arrested","value":2,"low":2,"high":2}]})");
  Predict(s, Pred("d", {{.counts = {Exact("arrested", 2)}}}));
  EvalReport r = s.Finish();
  EXPECT_EQ(r.counts.tp, 1u);
  EXPECT_EQ(r.counts.fn, 1u);
  EXPECT_EQ(r.count_roles["arrested"].Support(), 2u);
}

TEST(ScorerCounts, ZerosAreNotFalsePositives) {
  Scorer s(Countries());
  Gold(s, R"({"id":"d","text":"x","counts":[]})");
  Predict(s, Pred("d", {{.type = "ASSAULT", .counts = {Exact("injured", 0), Exact("killed", 2)}}}));
  EvalReport r = s.Finish();
  EXPECT_EQ(r.count_docs, 1u);  // an empty list is still labelled
  EXPECT_EQ(r.counts.fp, 1u);   // the 2 killed
  EXPECT_EQ(r.count_exempt_zeros, 1u);
}

TEST(ScorerCounts, MatchingIsMaximumNotGreedy) {
  Scorer s(Countries());
  // Gold "several" (3..9) and "at least 5" (5..); predictions 5 and 100. A greedy pass that
  // tries exact values first gives the 5 to "at least 5" and leaves "several" unmatched; the
  // maximum matching matches both: several=5, at least 5=100.
  Gold(s, R"({"id":"d","text":"x","counts":[{"role":"arrested","value":null,"low":3,"high":9},)"
          R"({"role":"arrested","value":5,"low":5,"high":null}]})");
  Predict(s, Pred("d", {{.counts = {Exact("arrested", 5), Exact("arrested", 100)}}}));
  EvalReport r = s.Finish();
  EXPECT_EQ(r.counts.tp, 2u);
  EXPECT_EQ(r.counts.fp, 0u);
}

TEST(ScorerCounts, PartOfEventsSkippedOnlyWhenTotalsOnly) {
  Scorer s(Countries());
  Gold(s, R"({"id":"totals","text":"x","totals_only":true,)"
          R"("counts":[{"role":"killed","value":3,"low":3,"high":3}]})");
  Gold(s, R"({"id":"all","text":"x","totals_only":false,)"
          R"("counts":[{"role":"killed","value":3,"low":3,"high":3},)"
          R"({"role":"killed","value":1,"low":1,"high":1}]})");
  const std::vector<Ev> events = {
      {.type = "ASSAULT", .counts = {Exact("killed", 3)}},
      {.type = "ASSAULT", .counts = {Exact("killed", 1)}, .part_of = "\"e1\""}};
  Predict(s, Pred("totals", events));
  Predict(s, Pred("all", events));
  EvalReport r = s.Finish();
  EXPECT_EQ(r.count_docs, 2u);
  EXPECT_EQ(r.counts.tp, 3u);  // 1 in "totals" (the part is not scored), 2 in "all"
  EXPECT_EQ(r.counts.fp, 0u);  // the part's 1 killed is no FP in "totals"
  EXPECT_EQ(r.counts.fn, 0u);
}

TEST(ScorerCounts, NonHappenedEventsAndUnlabelledDocumentsGiveNoFacts) {
  Scorer s(Countries());
  Gold(s,
       R"({"id":"labelled","text":"x","counts":[{"role":"arrested","value":4,"low":4,"high":4}]})");
  Gold(s, R"({"id":"unlabelled","text":"x"})");
  Predict(s, Pred("labelled", {{.status = "negated", .counts = {Exact("arrested", 4)}},
                               {.status = "hypothetical", .counts = {Exact("arrested", 9)}}}));
  Predict(s, Pred("unlabelled", {{.counts = {Exact("arrested", 9)}}}));
  EvalReport r = s.Finish();
  EXPECT_EQ(r.count_docs, 1u);
  EXPECT_EQ(r.counts.tp, 0u);
  EXPECT_EQ(r.counts.fp, 0u);
  EXPECT_EQ(r.counts.fn, 1u);
}

// ---------------------------------------------------------------------------------------------
// country, location, date

TEST(ScorerLabels, CountryByNameAliasOrCodeMostFrequentFirstSeenOnTies) {
  Scorer s(Countries());
  Gold(s, R"({"id":"name","text":"x","country":"Israel"})");
  Gold(s, R"({"id":"code","text":"x","country":"BY"})");
  Gold(s, R"({"id":"alias","text":"x","country":"Ivory Coast"})");
  Gold(s, R"({"id":"tie","text":"x","country":"Israel"})");
  Gold(s, R"({"id":"none","text":"x","country":"United States"})");
  Gold(s, R"({"id":"negated","text":"x","country":"Israel"})");
  auto at = [](std::string_view country) { return Location("Somewhere", "Somewhere", country); };
  Predict(s,
          Pred("name", {{.location = at("PS")}, {.location = at("IL")}, {.location = at("IL")}}));
  Predict(s, Pred("code", {{.location = at("BY")}}));
  Predict(s, Pred("alias", {{.location = at("CI")}}));
  Predict(s, Pred("tie", {{.location = at("PS")}, {.location = at("IL")}}));
  Predict(s, Pred("none", {{}}));
  Predict(s, Pred("negated", {{.status = "negated", .location = at("IL")}}));
  EvalReport r = s.Finish();
  EXPECT_EQ(r.country.total, 6u);
  EXPECT_EQ(r.country.hits, 3u);
  const DocErrors* tie = ErrorsFor(r, "tie");
  ASSERT_NE(tie, nullptr);
  EXPECT_EQ(tie->country_gold, "IL");
  EXPECT_EQ(tie->country_predicted, "PS");
  const DocErrors* none = ErrorsFor(r, "none");
  ASSERT_NE(none, nullptr);
  EXPECT_EQ(none->country_predicted, "");
  EXPECT_NE(ErrorsFor(r, "negated"), nullptr);
}

TEST(ScorerLabels, LocationIsCaseAndAccentInsensitiveOnNameOrText) {
  Scorer s(Countries());
  Gold(s, R"({"id":"accent","text":"x","location":"Bogota"})");
  Gold(s, R"({"id":"case","text":"x","location":"SAO PAULO"})");
  Gold(s, R"({"id":"text","text":"x","location":"Babruysk"})");
  Gold(s, R"({"id":"miss","text":"x","location":"Haifa"})");
  Predict(s, Pred("accent", {{.location = Location("Bogotá", "", "")}}));
  Predict(s, Pred("case", {{.location = Location("", "São Paulo", "")}}));
  Predict(s, Pred("text", {{.location = Location("Minsk", "Babruysk", "BY")}}));
  Predict(s, Pred("miss", {{.location = Location("Tel Aviv", "Tel Aviv", "IL")}}));
  EvalReport r = s.Finish();
  EXPECT_EQ(r.location.total, 4u);
  EXPECT_EQ(r.location.hits, 3u);
  const DocErrors* miss = ErrorsFor(r, "miss");
  ASSERT_NE(miss, nullptr);
  EXPECT_EQ(miss->location_gold, "Haifa");
  EXPECT_EQ(miss->locations_predicted, std::vector<std::string>{"Tel Aviv"});
}

// A gold place the document never writes ("Kansas City" over a story naming only a street, a
// labeller's "Cartersville (Euharlee)") is out of reach of any coder reading the text: such
// golds are counted apart, so that a report says how many of the reachable ones were hit.
TEST(ScorerLabels, LocationsWrittenInTheirDocumentAreCountedApart) {
  Scorer s(Countries());
  Gold(s, R"({"id":"text","text":"Shots rang out in Bogotá late on Friday.",)"
          R"("location":"Bogota"})");
  Gold(s, R"({"id":"title","title":"Two hurt in Haifa","text":"x","location":"Haifa"})");
  Gold(s, R"({"id":"street","text":"It happened near 38th Street.","location":"Kansas City"})");
  Gold(s, R"j({"id":"paren","text":"Shots in Euharlee.","location":"Cartersville (Euharlee)"})j");
  Predict(s, Pred("text", {{.location = Location("Bogotá", "Bogotá", "CO")}}));
  Predict(s, Pred("title", {{.location = Location("Tel Aviv", "Tel Aviv", "IL")}}));
  Predict(s, Pred("street", {{.location = Location("Kansas City", "", "US")}}));
  Predict(s, Pred("paren", {{.location = Location("Euharlee", "Euharlee", "US")}}));
  EvalReport r = s.Finish();
  EXPECT_EQ(r.location.total, 4u);
  EXPECT_EQ(r.location.hits, 2u);
  EXPECT_EQ(r.location_written.total, 2u);
  EXPECT_EQ(r.location_written.hits, 1u);
  const DocErrors* title = ErrorsFor(r, "title");
  ASSERT_NE(title, nullptr);
  EXPECT_TRUE(title->location_written);
  const DocErrors* paren = ErrorsFor(r, "paren");
  ASSERT_NE(paren, nullptr);
  EXPECT_FALSE(paren->location_written);
  EXPECT_NE(FormatReport(r, "t").find("written in doc  0.500        1 / 2"), std::string::npos)
      << FormatReport(r, "t");
  EXPECT_NE(FormatErrors(r, 10).find("gold \"Cartersville (Euharlee)\" (not in the document)"),
            std::string::npos)
      << FormatErrors(r, 10);
}

TEST(ScorerLabels, DateOfAnyHappenedEvent) {
  Scorer s(Countries());
  Gold(s, R"({"id":"hit","text":"x","date":"2020-05-09"})");
  Gold(s, R"({"id":"miss","text":"x","date":"2020-05-09"})");
  Predict(s, Pred("hit", {{.date = Date("2020-05-08")}, {.date = Date("2020-05-09")}}));
  Predict(s, Pred("miss", {{.date = Date("2020-05-08")},
                           {.status = "planned", .date = Date("2020-05-09")}}));
  EvalReport r = s.Finish();
  EXPECT_EQ(r.date.total, 2u);
  EXPECT_EQ(r.date.hits, 1u);
  EXPECT_EQ(ErrorsFor(r, "miss")->dates_predicted, std::vector<std::string>{"2020-05-08"});
}

// ---------------------------------------------------------------------------------------------
// documents

TEST(ScorerDocuments, MissingRejectedAndUnknownPredictions) {
  Scorer s(Countries());
  const std::string gold_rest = R"(,"text":"x","types":["ARREST"],"scored_types":["ARREST"],)"
                                R"("counts":[{"role":"arrested","value":3,"low":3,"high":3}],)"
                                R"("country":"Belarus","location":"Minsk","date":"2020-05-09"})";
  Gold(s, R"({"id":"missing")" + gold_rest);
  Gold(s, R"({"id":"rejected")" + gold_rest);
  Gold(s, R"({"id":"ok")" + gold_rest);
  Predict(s,
          R"({"id":"rejected","published":null,"status":"rejected","error":{"code":)"
          R"("empty_document","message":"m","where":"w"},"warnings":[],"events":[],"checks":[]})");
  Predict(s, Pred("ok", {{.counts = {Exact("arrested", 3)},
                          .location = Location("Minsk", "Minsk", "BY"),
                          .date = Date("2020-05-09")}}));
  Predict(s, Pred("stranger", {{}}));
  EvalReport r = s.Finish();
  EXPECT_EQ(r.gold_docs, 3u);
  EXPECT_EQ(r.predicted_docs, 3u);
  EXPECT_EQ(r.missing_predictions, 1u);
  EXPECT_EQ(r.rejected, 1u);
  EXPECT_EQ(r.unknown_predictions, 1u);
  EXPECT_EQ(r.types_micro.tp, 1u);
  EXPECT_EQ(r.types_micro.fn, 2u);
  EXPECT_EQ(r.counts.tp, 1u);
  EXPECT_EQ(r.counts.fn, 2u);
  EXPECT_EQ(r.country.hits, 1u);
  EXPECT_EQ(r.country.total, 3u);
  EXPECT_EQ(r.location.hits, 1u);
  EXPECT_EQ(r.date.hits, 1u);
  ASSERT_EQ(r.errors.size(), 2u);  // "ok" has no errors; gold order kept
  EXPECT_EQ(r.errors[0].id, "missing");
  EXPECT_TRUE(r.errors[0].missing_prediction);
  EXPECT_EQ(r.errors[0].where, "gold:test");
  EXPECT_TRUE(r.errors[1].rejected);
}

TEST(ScorerDocuments, PerfectPredictionScoresOne) {
  Scorer s(Countries());
  Gold(s,
       R"({"id":"d","text":"x","types":["PROTEST","ARREST"],)"
       R"("scored_types":["PROTEST","ARREST","ASSAULT"],"country":"Belarus","location":"Babruysk",)"
       R"("date":"2020-05-09","counts":[{"role":"participants","value":20,"low":20,"high":null},)"
       R"({"role":"arrested","value":15,"low":15,"high":null}]})");
  Predict(s, Pred("d", {{.type = "PROTEST",
                         .counts = {Count("participants", 20, 20, std::nullopt)},
                         .location = Location("Babruysk", "Babruysk", "BY"),
                         .date = Date("2020-05-09")},
                        {.type = "ARREST",
                         .counts = {Count("arrested", 15, 15, std::nullopt)},
                         .location = Location("Babruysk", "in Babruysk", "BY")}}));
  EvalReport r = s.Finish();
  EXPECT_DOUBLE_EQ(r.types_micro.F1(), 1.0);
  EXPECT_DOUBLE_EQ(r.counts.F1(), 1.0);
  EXPECT_DOUBLE_EQ(r.country.Rate(), 1.0);
  EXPECT_DOUBLE_EQ(r.location.Rate(), 1.0);
  EXPECT_DOUBLE_EQ(r.date.Rate(), 1.0);
  EXPECT_TRUE(r.errors.empty());
}

TEST(ScorerDocuments, EmptyScorerReportsZerosWithoutDividingByZero) {
  Scorer s(Countries());
  EvalReport r = s.Finish();
  EXPECT_EQ(r.gold_docs, 0u);
  EXPECT_DOUBLE_EQ(r.counts.F1(), 0.0);
  EXPECT_DOUBLE_EQ(r.country.Rate(), 0.0);
  std::string text = FormatReport(r, "empty");
  EXPECT_NE(text.find("no documents with counts"), std::string::npos) << text;
}

TEST(ScorerDocuments, RepeatedIdsArePairedInOrder) {
  // The same article labelled for two incidents: evident writes one line per input line, so the
  // k-th gold line with an id goes with the k-th prediction line with that id.
  Scorer s(Countries());
  Gold(s, R"({"id":"d","text":"x","date":"2020-05-01"})");
  Gold(s, R"({"id":"d","text":"x","date":"2020-05-02"})");
  Gold(s, R"({"id":"d","text":"x","date":"2020-05-03"})");
  Predict(s, Pred("d", {{.date = Date("2020-05-01")}}));
  Predict(s, Pred("d", {{.date = Date("2020-05-02")}}));
  Predict(s, Pred("e", {{.date = Date("2020-05-02")}}));
  EvalReport r = s.Finish();
  EXPECT_EQ(r.gold_docs, 3u);
  EXPECT_EQ(r.predicted_docs, 3u);
  EXPECT_EQ(r.repeated_gold_ids, 2u);
  EXPECT_EQ(r.missing_predictions, 1u);  // the third "d"
  EXPECT_EQ(r.unknown_predictions, 1u);  // "e"
  EXPECT_EQ(r.date.hits, 2u);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_TRUE(r.errors[0].missing_prediction);
  EXPECT_EQ(r.errors[0].date_gold, "2020-05-03");
  EXPECT_NE(FormatReport(r, "t").find("2 gold lines repeat an earlier id"), std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// bad input: a Status naming the line, and nothing added

TEST(ScorerErrors, BadGoldLinesNameTheLine) {
  Scorer s(Countries());
  struct Case {
    std::string line;
    ErrorCode code;
    std::string message_part;
  };
  const Case cases[] = {
      {"{not json", ErrorCode::kBadJson, "not a JSON object"},
      {"[1,2]", ErrorCode::kBadJson, "not a JSON object"},
      {R"({"text":"x"})", ErrorCode::kBadField, "id is missing"},
      {R"({"id":7})", ErrorCode::kBadField, "id is 7"},
      {R"({"id":"d","types":"ARREST"})", ErrorCode::kBadField,
       "types is \"ARREST\", expected a list"},
      {R"({"id":"d","counts":[{"role":"killed","value":"two"}]})", ErrorCode::kBadField,
       "document 'd': counts[0].value is \"two\", expected a number or null"},
      {R"({"id":"d","counts":[{"value":2}]})", ErrorCode::kBadField, "counts[0].role is missing"},
      {R"({"id":"d","counts":[{"role":"killed","value":null,"low":null,"high":null}]})",
       ErrorCode::kBadField, "has no value and no range"},
      {R"({"id":"d","totals_only":"yes"})", ErrorCode::kBadField, "totals_only"},
      {R"({"id":"d","country":"Atlantis"})", ErrorCode::kBadField, "unknown country 'Atlantis'"},
  };
  for (const Case& c : cases) {
    Status st = s.AddGold(c.line, "gold.jsonl:7");
    EXPECT_EQ(st.code(), c.code) << c.line;
    EXPECT_EQ(st.where(), "gold.jsonl:7");
    EXPECT_NE(st.message().find(c.message_part), std::string::npos) << st.message();
  }
  EXPECT_TRUE(s.AddGold("   ", "gold.jsonl:8").ok());  // blank lines are ignored
  EXPECT_EQ(s.Finish().gold_docs, 0u);                 // nothing was added
}

TEST(ScorerErrors, BadPredictionLinesNameTheLine) {
  Scorer s(Countries());
  struct Case {
    std::string line;
    std::string message_part;
  };
  const Case cases[] = {
      {"nope", "not a JSON object"},
      {R"({"id":"d","status":"ok"})", "events is missing"},
      {R"({"id":"d","events":{}})", "events is {}, expected a list"},
      {R"({"id":"d","events":[{"status":"happened"}]})", "events[0].type is missing"},
      {R"({"id":"d","events":[7]})", "events[0] is 7, expected an object"},
      {R"({"id":"d","events":[{"type":"ARREST","status":"happened","counts":[1]}]})",
       "events[0].counts[0] is 1, expected an object"},
      {R"({"id":"d","events":[{"type":"ARREST","status":"happened","part_of":3}]})",
       "events[0].part_of is 3"},
      {R"({"id":"d","events":[{"type":"ARREST","status":"happened","location":"Minsk"}]})",
       "events[0].location is \"Minsk\", expected an object or null"},
      {R"({"id":"d","events":[{"type":"ARREST","status":"happened","date":{"value":5}}]})",
       "events[0].date.value is 5"},
      {R"({"id":"d","events":[{"type":"ARREST","status":"happened",)"
       R"("counts":[{"role":"x","low":"1"}]}]})",
       "events[0].counts[0].low is \"1\""},
  };
  for (const Case& c : cases) {
    Status st = s.AddPrediction(c.line, "pred.jsonl:3");
    EXPECT_FALSE(st.ok()) << c.line;
    EXPECT_EQ(st.where(), "pred.jsonl:3");
    EXPECT_NE(st.message().find(c.message_part), std::string::npos) << st.message();
  }
  EXPECT_EQ(s.Finish().predicted_docs, 0u);
}

// ---------------------------------------------------------------------------------------------
// output

TEST(ScorerOutput, ReportErrorsAndJson) {
  Scorer s(Countries());
  Gold(s, R"({"id":"d1","text":"Police held three in Haifa.","types":["ARREST"],)"
          R"("scored_types":["ARREST","PROTEST"],)"
          R"("counts":[{"role":"arrested","value":null,"low":3,"high":9}],"country":"IL",)"
          R"("location":"Haifa","date":"2020-05-09"})");
  Gold(s, R"({"id":"d2","text":"x","types":["ARREST"],"scored_types":["ARREST"]})");
  Gold(s, R"({"id":"d3","text":"x","types":["ARREST"],"scored_types":["ARREST"]})");
  Predict(s, Pred("d1", {{.type = "PROTEST",
                          .counts = {Count("participants", std::nullopt, 200, 999)},
                          .location = Location("Jaffa", "Jaffa", "IL")}}));
  EvalReport r = s.Finish();

  std::string report = FormatReport(r, "tiny.jsonl");
  EXPECT_NE(report.find("== evident eval: tiny.jsonl =="), std::string::npos) << report;
  EXPECT_NE(report.find("3 gold, 1 predicted, 2 missing predictions"), std::string::npos) << report;
  EXPECT_NE(report.find("  ARREST                -  0.000      -        3"), std::string::npos)
      << report;
  EXPECT_NE(report.find("  country           1.000        1 / 1"), std::string::npos) << report;
  EXPECT_NE(report.find("  location          0.000        0 / 1"), std::string::npos) << report;

  std::string errors = FormatErrors(r, 2);
  EXPECT_NE(errors.find("d1 (gold:test)\n"), std::string::npos) << errors;
  EXPECT_NE(errors.find("types     FP PROTEST | FN ARREST"), std::string::npos) << errors;
  EXPECT_NE(errors.find("counts    missed arrested 3..9"), std::string::npos) << errors;
  EXPECT_NE(errors.find("counts    extra  participants=599.5 [200..999] \"t\""), std::string::npos)
      << errors;
  EXPECT_NE(errors.find("location  gold \"Haifa\", predicted \"Jaffa\""), std::string::npos)
      << errors;
  EXPECT_NE(errors.find("date      gold 2020-05-09, predicted nothing"), std::string::npos)
      << errors;
  EXPECT_NE(errors.find("d2 (gold:test) [no prediction]"), std::string::npos) << errors;
  EXPECT_NE(errors.find("... and 1 more documents with errors"), std::string::npos) << errors;

  std::string json = ReportToJson(r);
  EXPECT_NE(json.find("\"missing_predictions\": 2"), std::string::npos) << json;
  EXPECT_NE(json.find("\"per_role\""), std::string::npos) << json;
  EXPECT_EQ(json.find("\"errors\""), std::string::npos);
  std::string with_errors = ReportToJson(r, /*with_errors=*/true);
  EXPECT_NE(with_errors.find("\"missing_prediction\": true"), std::string::npos) << with_errors;
  EXPECT_NE(with_errors.find("\"type_fp\""), std::string::npos) << with_errors;
}

// ---------------------------------------------------------------------------------------------
// the development sets parse (read at run time; never copied into the repository)

TEST(ScorerDevData, EveryGoldLineParsesWithTheRealCountryTable) {
  std::filesystem::path dev = std::filesystem::path(EVIDENT_SHARED_DATA_DIR) / "dev";
  if (!std::filesystem::is_directory(dev)) GTEST_SKIP() << "no shared data at " << dev;
  Result<CountryTable> countries =
      CountryTable::Load(std::string(EVIDENT_SOURCE_DIR) + "/data/countries.tsv");
  ASSERT_TRUE(countries.ok()) << countries.status().ToString();
  Scorer s(*countries);
  size_t lines = 0;
  for (const auto& file : std::filesystem::directory_iterator(dev)) {
    if (file.path().extension() != ".jsonl") continue;
    std::ifstream in(file.path());
    std::string line;
    size_t line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      Status st = s.AddGold(line, file.path().filename().string() + ":" + std::to_string(line_no));
      ASSERT_TRUE(st.ok()) << st.ToString();
      ++lines;
    }
  }
  EvalReport r = s.Finish();
  EXPECT_EQ(r.gold_docs, lines);
  EXPECT_EQ(r.missing_predictions, lines);
  EXPECT_GT(r.count_docs, 0u);
  EXPECT_GT(r.country.total, 0u);
  EXPECT_EQ(r.country.hits, 0u);
  EXPECT_DOUBLE_EQ(r.counts.Recall(), 0.0);
}

}  // namespace
}  // namespace evident::eval
