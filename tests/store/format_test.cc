// Output formats: CSV escaping, count figures, JSON and PLOVER records, the marked document.
#include "store/format.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace evident::store {
namespace {

std::string Csv(std::string_view field) {
  std::string out;
  AppendCsvField(field, &out);
  return out;
}

TEST(Csv, QuotesOnlyWhenNeededAndDoublesQuotes) {
  EXPECT_EQ(Csv("plain"), "plain");
  EXPECT_EQ(Csv(""), "");
  EXPECT_EQ(Csv("a,b"), "\"a,b\"");
  EXPECT_EQ(Csv("He said \"no\", twice"), "\"He said \"\"no\"\", twice\"");
  EXPECT_EQ(Csv("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(Csv("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(Csv(" padded "), "\" padded \"");
  EXPECT_EQ(Csv("Zürich"), "Zürich");
}

EventRecord Sample() {
  EventRecord e;
  e.doc_id = 7;
  e.source_id = "feed:1";
  e.published = "2024-02-27";
  e.event_id = "e2";
  e.type = "ARREST";
  e.status = "happened";
  e.trigger = {true, "detained", 19, 27};
  e.sentence = {true, "Police in Varnholm detained 14 people, \"officials\" said.", 0, 56};
  e.actor.span = {true, "Police", 0, 6};
  e.actor.sector = "police";
  e.date_value = "2024-02-26";
  e.date_precision = "day";
  e.date_basis = "relative";
  e.date = {true, "on Monday", 40, 49};
  e.has_location = true;
  e.location = {true, "Varnholm", 10, 18};
  e.location_name = "Varnholm";
  e.location_country = "VH";
  e.location_admin1_code = "VH-01";
  e.location_admin1_name = "North Province";
  e.location_lat = 48.8534;
  e.location_lon = -2.3488;
  e.location_geonames_id = 2988507;
  e.location_precision = "city";
  e.location_basis = "same sentence";
  e.country = "VH";
  e.plover_event = "COERCE";
  e.plover_mode = "arrest";
  e.cameo = "173";
  CountRecord c;
  c.role = "arrested";
  c.value = 14;
  c.low = 14;
  c.high = 14;
  c.span = {true, "14 people", 28, 37};
  e.counts.push_back(c);
  return e;
}

TEST(CountFigure, ValuesRangesAndBounds) {
  CountRecord c;
  c.value = 1500;
  EXPECT_EQ(CountFigure(c), "1,500");
  c.approximate = true;
  EXPECT_EQ(CountFigure(c), "~1,500");
  c = {};
  c.low = 200;
  c.high = 999;
  c.approximate = true;
  EXPECT_EQ(CountFigure(c), "~200-999");
  c = {};
  c.low = 20;
  EXPECT_EQ(CountFigure(c), ">=20");
}

TEST(EventCsv, HeaderAndRowHaveTheSameColumns) {
  std::string header = EventsCsvHeader();
  std::string row;
  AppendEventCsv(Sample(), &row);
  // Count fields outside quotes.
  auto fields = [](const std::string& line) {
    size_t n = 1;
    bool quoted = false;
    for (char c : line) {
      if (c == '"')
        quoted = !quoted;
      else if (c == ',' && !quoted)
        ++n;
    }
    return n;
  };
  EXPECT_EQ(fields(header), fields(row));
  EXPECT_NE(row.find(",arrested 14,,14,"), std::string::npos) << row;  // counts, participants, arrested
  // Where: country, subdivision code, coordinates in degrees with six decimals, precision.
  EXPECT_NE(row.find(",VH,VH-01,48.853400,-2.348800,city,"), std::string::npos) << row;
  EXPECT_NE(header.find(",location_country,location_admin1,location_lat,location_lon,location_precision,"),
            std::string::npos);
  EXPECT_NE(row.find("\"Police in Varnholm detained 14 people, \"\"officials\"\" said.\"\n"), std::string::npos) << row;
}

TEST(EventJson, FollowsTheOutputSchema) {
  std::string line;
  AppendEventJson(Sample(), &line);
  auto j = nlohmann::json::parse(line);
  EXPECT_EQ(j["doc_id"], 7);
  EXPECT_EQ(j["id"], "e2");
  EXPECT_EQ(j["trigger"]["start"], 19);
  EXPECT_EQ(j["counts"][0]["role"], "arrested");
  EXPECT_EQ(j["date"]["basis"], "relative");
  EXPECT_EQ(j["location"]["country"], "VH");
  EXPECT_EQ(j["location"]["admin1"]["code"], "VH-01");
  EXPECT_EQ(j["location"]["admin1"]["name"], "North Province");
  EXPECT_DOUBLE_EQ(j["location"]["lat"].get<double>(), 48.8534);
  EXPECT_DOUBLE_EQ(j["location"]["lon"].get<double>(), -2.3488);
  EXPECT_EQ(j["location"]["geonames_id"], 2988507);
  EXPECT_EQ(j["location"]["precision"], "city");
  EXPECT_EQ(j["location"]["basis"], "same sentence");
  EXPECT_TRUE(j["target"].is_null());
  EXPECT_EQ(j["plover"]["event"], "COERCE");
}

TEST(EventPlover, OneRecordWithPloverFields) {
  std::string line;
  AppendEventPlover(Sample(), &line);
  auto j = nlohmann::json::parse(line);
  EXPECT_EQ(j["id"], "7-e2");
  EXPECT_EQ(j["event_date"], "2024-02-26");
  EXPECT_EQ(j["event_type"], "COERCE");
  EXPECT_EQ(j["mode"], "arrest");
  EXPECT_EQ(j["actor_name"], "Police");
  EXPECT_EQ(j["actor_sector"], "police");
  EXPECT_TRUE(j["recipient_name"].is_null());
  EXPECT_EQ(j["location"]["name"], "Varnholm");
  EXPECT_EQ(j["counts"][0]["value"], 14);
  EXPECT_EQ(j["source"]["source_id"], "feed:1");
  EXPECT_EQ(j["evidence"]["trigger"], "detained");
  EXPECT_EQ(j["cameo"], "173");
}

TEST(FormatDocument, MarksTriggersAndCountsAndListsEvents) {
  DocumentRecord doc;
  doc.doc_id = 7;
  doc.source_id = "feed:1";
  doc.status = "ok";
  doc.text = Sample().sentence.text;
  std::string out = FormatDocument(doc, {Sample()}, /*ansi=*/false);
  EXPECT_NE(out.find("Police in Varnholm [[detained]]{e2} [[14 people]]{e2 arrested}, \"officials\" said."),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("e2  ARREST  happened  date 2024-02-26 (day, relative: \"on Monday\")"), std::string::npos) << out;
  std::string ansi = FormatDocument(doc, {Sample()}, /*ansi=*/true);
  EXPECT_NE(ansi.find("\x1b[4mdetained\x1b[24m"), std::string::npos);
}

TEST(FormatDocument, OverlappingMarksAreLeftOut) {
  EventRecord a = Sample();
  EventRecord b = Sample();
  b.event_id = "e3";
  b.counts.clear();
  b.trigger = {true, "detained 14", 19, 30};  // overlaps e2's marks
  DocumentRecord doc;
  doc.text = a.sentence.text;
  std::string out = FormatDocument(doc, {a, b}, false);
  EXPECT_NE(out.find("[[detained 14]]{e3}"), std::string::npos) << out;  // the longer one at the same start
  EXPECT_EQ(out.find("{e2}"), std::string::npos) << out;
}

TEST(Thousands, GroupsDigits) {
  EXPECT_EQ(Thousands(0), "0");
  EXPECT_EQ(Thousands(999), "999");
  EXPECT_EQ(Thousands(1000), "1,000");
  EXPECT_EQ(Thousands(-1234567), "-1,234,567");
}

}  // namespace
}  // namespace evident::store
