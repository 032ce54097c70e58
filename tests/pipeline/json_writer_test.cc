#include "pipeline/json_writer.h"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>

#include "pipeline/pretty_writer.h"
#include "test_engine.h"

namespace evident::pipeline {
namespace {

using nlohmann::json;
using testing::CodeText;
using testing::ToJson;

std::string JsonString(std::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

// Numbers are written with the digits std::to_chars writes, on either side of each path's
// bounds (one digit, two, three to six, then std::to_chars itself) and for negative values.
TEST(JsonWriter, IntegersAsToCharsWritesThem) {
  auto expect_same = [](int64_t v) {
    char a[32], b[32];
    const std::string mine(a, WriteInt(v, a));
    const std::string want(b, std::to_chars(b, b + sizeof b, v).ptr);
    ASSERT_EQ(mine, want) << "value " << v;
  };
  for (int64_t v = -1000; v <= 1001000; ++v) expect_same(v);
  for (int64_t v : {int64_t{9999999}, int64_t{10000000}, int64_t{4294967295}, int64_t{4294967296},
                    std::numeric_limits<int64_t>::max(), std::numeric_limits<int64_t>::min()})
    expect_same(v);
}

// Coordinates are written with the digits printf("%.5f") writes, whichever path formats them:
// whole microdegrees (the gazetteer's), values exactly halfway at the sixth decimal (0.015625 =
// 1/64 rounds half to even), negative values near zero, and any other double.
TEST(JsonWriter, FiveDecimalsAsPrintfWritesThem) {
  auto expect_same = [](double v) {
    char a[64], b[64];
    const std::string mine(a, WriteFixed5(v, a));
    const std::string want(b, std::to_chars(b, b + sizeof b, v, std::chars_format::fixed, 5).ptr);
    ASSERT_EQ(mine, want) << "value " << v;
  };
  for (int64_t m = -300000; m <= 300000; ++m) expect_same(static_cast<double>(m) / 1e6);
  for (int64_t m = -180000000; m <= 180000000; m += 7919) expect_same(static_cast<double>(m) / 1e6);
  for (int k = -4096; k <= 4096; ++k) {
    expect_same(k / 64.0);
    expect_same(k / 1024.0);
    expect_same(k / 131072.0);
  }
  for (double v : {0.0, -0.0, 1e-7, -1e-7, 0.000005, -0.000005, 0.0000051, -0.0000049, 12.015625, -12.015625,
                   179.999995, -179.999995, 1e9 + 0.123456, 1e15, 1e20})
    expect_same(v);
  std::mt19937_64 rng(20261126);
  std::uniform_real_distribution<double> any(-200.0, 200.0);
  for (int i = 0; i < 200000; ++i) expect_same(any(rng));
}

TEST(JsonWriter, WritesOneParsableLinePerDocument) {
  auto cd = CodeText("Kazakh police detained 12 activists in Almaty on Tuesday, the interior ministry said.");
  std::string out;
  AppendJsonLine(cd, &out);
  ASSERT_FALSE(out.empty());
  EXPECT_EQ(out.back(), '\n');
  EXPECT_EQ(out.find('\n'), out.size() - 1) << "exactly one line";
  json j = json::parse(out);
  EXPECT_EQ(j["id"], "doc-1");
  EXPECT_EQ(j["published"], "2026-03-14");
  EXPECT_EQ(j["status"], "ok");
  EXPECT_FALSE(j.contains("error"));
  EXPECT_TRUE(j["warnings"].is_array());
  ASSERT_EQ(j["events"].size(), 1u);
  const json& e = j["events"][0];
  EXPECT_EQ(e["id"], "e1");
  EXPECT_EQ(e["type"], "ARREST");
  EXPECT_TRUE(e["mode"].is_null());
  EXPECT_EQ(e["status"], "happened");
  EXPECT_EQ(e["trigger"]["text"], "detained");
  EXPECT_EQ(e["actor"]["text"], "Kazakh police");
  EXPECT_EQ(e["actor"]["sector"], "police");
  EXPECT_EQ(e["actor"]["country"], "KZ");
  ASSERT_EQ(e["counts"].size(), 1u);
  EXPECT_EQ(e["counts"][0]["role"], "arrested");
  EXPECT_EQ(e["counts"][0]["value"], 12);
  EXPECT_EQ(e["counts"][0]["low"], 12);
  EXPECT_EQ(e["counts"][0]["high"], 12);
  EXPECT_EQ(e["counts"][0]["approximate"], false);
  EXPECT_TRUE(e["part_of"].is_null());
  EXPECT_EQ(e["date"]["value"], "2026-03-10");
  EXPECT_EQ(e["date"]["precision"], "day");
  EXPECT_EQ(e["date"]["basis"], "relative");
  EXPECT_EQ(e["date"]["text"], "Tuesday");
  EXPECT_EQ(e["source"]["text"], "the interior ministry said");
  EXPECT_EQ(e["plover"]["event"], "COERCE");
  EXPECT_EQ(e["plover"]["mode"], "arrest");
  EXPECT_EQ(e["cameo"], "173");
  EXPECT_TRUE(j["checks"].is_array());
}

TEST(JsonWriter, WritesNullsForMissingValues) {
  auto cd = CodeText("Hundreds protested.", /*published=*/"");
  json j = ToJson(cd);
  EXPECT_TRUE(j["published"].is_null());
  ASSERT_EQ(j["events"].size(), 1u);
  const json& e = j["events"][0];
  EXPECT_TRUE(e["actor"].is_null());
  EXPECT_TRUE(e["target"].is_null());
  EXPECT_TRUE(e["date"].is_null());
  EXPECT_TRUE(e["location"].is_null());
  EXPECT_TRUE(e["source"].is_null());
  ASSERT_EQ(e["counts"].size(), 1u);
  EXPECT_TRUE(e["counts"][0]["value"].is_null());
  EXPECT_EQ(e["counts"][0]["low"], 200);
  EXPECT_EQ(e["counts"][0]["high"], 999);
  EXPECT_EQ(e["counts"][0]["approximate"], true);
}

// Events of one sentence and one place repeat the same "sentence" and "location" objects (the
// writer copies the earlier event's bytes); an event whose place differs in any field gets its
// own.
TEST(JsonWriter, RepeatedSentenceAndLocationAreWrittenAsTheirOwn) {
  auto cd = CodeText("Police in Varta, Kenya, arrested 12 protesters and fined 4 others on Monday.");
  ASSERT_GE(cd.events.size(), 2u);
  for (const auto& e : cd.events) ASSERT_TRUE(e.location.has_value());
  json j = ToJson(cd);
  for (size_t i = 1; i < cd.events.size(); ++i) {
    EXPECT_EQ(j["events"][i]["sentence"], j["events"][0]["sentence"]);
    EXPECT_EQ(j["events"][i]["location"], j["events"][0]["location"]);
  }
  CodedDocument renamed = cd;
  renamed.events.back().location->name = "Korvath";
  json r = ToJson(renamed);
  EXPECT_EQ(r["events"][cd.events.size() - 1]["location"]["name"], "Korvath");
  EXPECT_EQ(r["events"][0]["location"], j["events"][0]["location"]);
  CodedDocument moved = cd;
  moved.events.back().location->has_coordinates = true;
  moved.events.back().location->lat = 1.5;
  json m = ToJson(moved);
  EXPECT_EQ(m["events"][cd.events.size() - 1]["location"]["lat"], 1.5);
}

TEST(JsonWriter, EventIdsAreSequentialAndReferencesExist) {
  auto cd = CodeText("512 were found guilty, 301 of whom were jailed, while 140 were fined and 71 received warnings.");
  json j = ToJson(cd);
  ASSERT_EQ(j["events"].size(), 4u);
  std::set<std::string> ids;
  for (size_t i = 0; i < j["events"].size(); ++i) {
    EXPECT_EQ(j["events"][i]["id"], "e" + std::to_string(i + 1));
    ids.insert(j["events"][i]["id"].get<std::string>());
  }
  int parts = 0;
  for (const auto& e : j["events"]) {
    if (e["part_of"].is_null()) continue;
    ++parts;
    EXPECT_EQ(e["part_of"], "e1");
    EXPECT_TRUE(ids.count(e["part_of"].get<std::string>())) << e["part_of"];
    EXPECT_NE(e["part_of"], e["id"]);
  }
  EXPECT_EQ(parts, 3);
  ASSERT_EQ(j["checks"].size(), 1u);
  const json& check = j["checks"][0];
  EXPECT_EQ(check["kind"], "parts_sum");
  EXPECT_EQ(check["result"], "consistent");
  EXPECT_EQ(check["events"], json({"e1", "e2", "e3", "e4"}));
  for (const auto& id : check["events"]) EXPECT_TRUE(ids.count(id.get<std::string>()));
  EXPECT_EQ(check["message"], "jailed 301 + fined 140 + warned 71 = convicted 512");
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(JsonString("say \"hi\""), R"("say \"hi\"")");
  EXPECT_EQ(JsonString("a\\b"), R"("a\\b")");
  EXPECT_EQ(JsonString("l1\nl2\r\tx\b\f"), R"("l1\nl2\r\tx\b\f")");
  EXPECT_EQ(JsonString(std::string("\x01\x1f\x00", 3)), R"("\u0001\u001f\u0000")");
  EXPECT_EQ(JsonString("\x7f"), "\"\x7f\"");  // DEL needs no escape in JSON
  EXPECT_EQ(JsonString(""), R"("")");
  // UTF-8 passes through unchanged and parses back to the same bytes.
  std::string utf8 = "Zürich “quoted” — ok";
  EXPECT_EQ(JsonString(utf8), "\"" + utf8 + "\"");
  std::string all;
  for (int c = 0; c < 0x80; ++c) all += static_cast<char>(c);
  EXPECT_EQ(json::parse(JsonString(all)).get<std::string>(), all);
}

// Plain text is copied sixteen (SSE2) or eight bytes at a time: a character that needs escaping is found at
// every position of a word, and long runs of UTF-8 pass through.
TEST(JsonWriter, EscapesAtEveryPositionOfLongText) {
  const std::string base = "Protesters marched through Zürich on Sunday, police said.";
  for (char special : {'"', '\\', '\n', '\x01', '\x1f'}) {
    for (size_t at = 0; at < base.size(); ++at) {
      if (static_cast<unsigned char>(base[at]) >= 0x80) continue;  // keep the UTF-8 valid
      std::string text = base;
      text[at] = special;
      std::string written = JsonString(text);
      ASSERT_TRUE(json::accept(written)) << at;
      EXPECT_EQ(json::parse(written).get<std::string>(), text) << at;
    }
  }
}

TEST(JsonWriter, EscapesSpanTextAndIdsFromTheDocument) {
  // The quoted words and a control character sit inside the spans written out.
  CodedDocument cd = CodeText("Police said \"15 people\" were arrested\x01 on Tuesday.\n", "2026-03-14", "id \"7\"\t");
  std::string line;
  AppendJsonLine(cd, &line);
  EXPECT_EQ(line.find('\x01'), std::string::npos);
  EXPECT_EQ(line.find('\t'), std::string::npos);
  EXPECT_EQ(line.find('\n'), line.size() - 1);
  json j = json::parse(line);
  EXPECT_EQ(j["id"], "id \"7\"\t");
  ASSERT_FALSE(j["events"].empty());
  const json& e = j["events"][0];
  EXPECT_EQ(e["sentence"]["text"].get<std::string>().find('\x01') != std::string::npos, true);
  EXPECT_NE(e["sentence"]["text"].get<std::string>().find("\"15 people\""), std::string::npos);
}

TEST(JsonWriter, RejectedDocumentCarriesItsError) {
  CodedDocument cd;
  cd.doc.id = "news.jsonl:3";
  cd.doc.origin = "news.jsonl:3";
  cd.doc.published = "2026-03-14";
  cd.status = Status(ErrorCode::kEmptyDocument, "document text is empty", "news.jsonl:3");
  json j = ToJson(cd);
  EXPECT_EQ(j["id"], "news.jsonl:3");
  EXPECT_EQ(j["published"], "2026-03-14");
  EXPECT_EQ(j["status"], "rejected");
  EXPECT_EQ(j["error"]["code"], "empty_document");
  EXPECT_EQ(j["error"]["message"], "document text is empty");
  EXPECT_EQ(j["error"]["where"], "news.jsonl:3");
  EXPECT_EQ(j["events"], json::array());
  EXPECT_EQ(j["checks"], json::array());
  EXPECT_EQ(j["warnings"], json::array());
}

TEST(JsonWriter, ErrorWhereFallsBackToTheOrigin) {
  CodedDocument cd;
  cd.doc.id = "7";
  cd.doc.origin = "news.jsonl:9";
  cd.status = Status(ErrorCode::kBadJson, "line is not a JSON object: '{\"text\": '");
  json j = ToJson(cd);
  EXPECT_EQ(j["status"], "rejected");
  EXPECT_EQ(j["error"]["code"], "bad_json");
  EXPECT_EQ(j["error"]["where"], "news.jsonl:9");
  EXPECT_EQ(j["error"]["message"], "line is not a JSON object: '{\"text\": '");
  EXPECT_TRUE(j["published"].is_null());
}

TEST(JsonWriter, FailedDocumentIsMarkedFailed) {
  CodedDocument cd;
  cd.doc.id = "doc-9";
  cd.doc.origin = "in.jsonl:1";
  cd.failed = true;
  cd.status = Status(ErrorCode::kInternal, "engine fault: boom; retry the document", "in.jsonl:1");
  json j = ToJson(cd);
  EXPECT_EQ(j["status"], "failed");
  EXPECT_EQ(j["error"]["code"], "internal");
}

TEST(JsonWriter, WritesWarnings) {
  auto cd = CodeText("Police arrested 15 people in Caf\xe9 Square.");
  json j = ToJson(cd);
  ASSERT_EQ(j["warnings"].size(), 1u);
  EXPECT_NE(j["warnings"][0].get<std::string>().find("invalid UTF-8"), std::string::npos);
}

TEST(JsonWriter, AppendsWithoutClearing) {
  auto cd = CodeText("Police arrested 15 people.");
  std::string out = "previous\n";
  AppendJsonLine(cd, &out);
  AppendJsonLine(cd, &out);
  EXPECT_EQ(out.rfind("previous\n{", 0), 0u);
  size_t second = out.find('\n', 9);
  ASSERT_NE(second, std::string::npos);
  EXPECT_EQ(json::parse(out.substr(9, second - 9)), json::parse(out.substr(second + 1)));
}

TEST(PrettyWriter, ShowsEventsWithTheirEvidence) {
  auto cd = CodeText("Kazakh police detained 12 activists on Tuesday, the interior ministry said.");
  std::string out;
  AppendPretty(cd, &out);
  EXPECT_NE(out.find("doc-1 (published 2026-03-14): 1 event"), std::string::npos) << out;
  EXPECT_NE(out.find("e1 ARREST happened  \"detained\"  2026-03-10 (relative: \"Tuesday\")"), std::string::npos) << out;
  EXPECT_NE(out.find("arrested 12 \"12 activists\""), std::string::npos) << out;
  EXPECT_NE(out.find("actor police/KZ \"Kazakh police\""), std::string::npos) << out;
  EXPECT_NE(out.find("source: \"the interior ministry said\""), std::string::npos) << out;
}

TEST(PrettyWriter, ShowsARejectedDocumentsReason) {
  CodedDocument cd;
  cd.doc.id = "empty.txt";
  cd.status = Status(ErrorCode::kEmptyDocument, "document text is empty", "empty.txt");
  std::string out;
  AppendPretty(cd, &out);
  EXPECT_EQ(out, "empty.txt: REJECTED (empty_document): document text is empty\n\n");
}

}  // namespace
}  // namespace evident::pipeline
