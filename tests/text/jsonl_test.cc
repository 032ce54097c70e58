// ParseJsonlLine: one JSONL line -> one ReadItem.
#include <gtest/gtest.h>

#include <string>

#include "common/utf8.h"
#include "text/reader.h"

namespace evident::text {
namespace {

ReadItem Parse(std::string_view line, const ReadOptions& options = {}) {
  return ParseJsonlLine(line, "news.jsonl:3", options);
}

TEST(ParseJsonlLine, ReadsAllFields) {
  ReadItem item =
      Parse(R"({"id":"a-1","text":"Police said \"no\".\nDone.","published":"2020-05-09",)"
            R"("title":"Clash","url":"https://example.org/x"})");
  ASSERT_TRUE(item.status.ok()) << item.status.ToString();
  EXPECT_EQ(item.doc.id, "a-1");
  EXPECT_EQ(item.doc.text, "Police said \"no\".\nDone.");
  EXPECT_EQ(item.doc.published, "2020-05-09");
  EXPECT_EQ(item.doc.title, "Clash");
  EXPECT_EQ(item.doc.url, "https://example.org/x");
  EXPECT_EQ(item.doc.origin, "news.jsonl:3");
  EXPECT_TRUE(item.doc.warnings.empty());
}

TEST(ParseJsonlLine, DecodesEscapesToUtf8) {
  ReadItem item = Parse(R"({"text":"caf\u00e9 \ud83d\ude00 \t tab"})");
  ASSERT_TRUE(item.status.ok());
  EXPECT_EQ(item.doc.text, "caf\xC3\xA9 \xF0\x9F\x98\x80 \t tab");
}

TEST(ParseJsonlLine, IgnoresUnknownFields) {
  ReadItem item = Parse(R"({"types":["PROTEST"],"counts":[{"role":"x"}],"text":"Hello"})");
  ASSERT_TRUE(item.status.ok()) << item.status.ToString();
  EXPECT_EQ(item.doc.text, "Hello");
}

TEST(ParseJsonlLine, NumericIdBecomesDecimalText) {
  EXPECT_EQ(Parse(R"({"id":12345,"text":"x"})").doc.id, "12345");
  EXPECT_EQ(Parse(R"({"id":-7,"text":"x"})").doc.id, "-7");
  EXPECT_EQ(Parse(R"({"id":18446744073709551615,"text":"x"})").doc.id, "18446744073709551615");
  EXPECT_EQ(Parse(R"({"id":2.5,"text":"x"})").doc.id, "2.5");
}

TEST(ParseJsonlLine, MissingOrNullIdUsesOrigin) {
  EXPECT_EQ(Parse(R"({"text":"x"})").doc.id, "news.jsonl:3");
  EXPECT_EQ(Parse(R"({"id":null,"text":"x"})").doc.id, "news.jsonl:3");
  ReadItem empty_id = Parse(R"({"id":"","text":"x"})");
  EXPECT_EQ(empty_id.doc.id, "news.jsonl:3");
  EXPECT_EQ(empty_id.doc.warnings.size(), 1u);
}

TEST(ParseJsonlLine, RejectsIdOfWrongType) {
  ReadItem item = Parse(R"({"id":["a"],"text":"x"})");
  EXPECT_EQ(item.status.code(), ErrorCode::kBadField);
  EXPECT_EQ(item.status.where(), "news.jsonl:3");
  EXPECT_NE(item.status.message().find("\"id\" is an array"), std::string::npos);
  EXPECT_EQ(item.doc.id, "news.jsonl:3");
}

TEST(ParseJsonlLine, PublishedTimestampKeepsDate) {
  EXPECT_EQ(Parse(R"({"text":"x","published":"2020-05-09T10:00:00Z"})").doc.published,
            "2020-05-09");
  EXPECT_EQ(Parse(R"({"text":"x","published":"2020-05-09 10:00:00"})").doc.published, "2020-05-09");
}

TEST(ParseJsonlLine, InvalidPublishedWarnsAndKeepsDocument) {
  for (const char* line :
       {R"({"text":"x","published":"09/05/2020"})", R"({"text":"x","published":"2020-02-30"})",
        R"({"text":"x","published":20200509})"}) {
    ReadItem item = Parse(line);
    ASSERT_TRUE(item.status.ok()) << line;
    EXPECT_EQ(item.doc.published, "") << line;
    ASSERT_EQ(item.doc.warnings.size(), 1u) << line;
    EXPECT_NE(item.doc.warnings[0].find("published"), std::string::npos);
  }
}

TEST(ParseJsonlLine, EmptyOrNullPublishedIsAbsent) {
  ReadItem item = Parse(R"({"text":"x","published":""})");
  EXPECT_TRUE(item.doc.warnings.empty());
  item = Parse(R"({"text":"x","published":null})");
  EXPECT_TRUE(item.doc.warnings.empty());
  EXPECT_EQ(item.doc.published, "");
}

TEST(ParseJsonlLine, DefaultPublishedFillsMissingOnly) {
  ReadOptions options;
  options.default_published = "2021-01-02";
  EXPECT_EQ(Parse(R"({"text":"x"})", options).doc.published, "2021-01-02");
  EXPECT_EQ(Parse(R"({"text":"x","published":"2020-05-09"})", options).doc.published, "2020-05-09");
  EXPECT_EQ(Parse(R"({"text":"x","published":"soon"})", options).doc.published, "2021-01-02");
}

TEST(ParseJsonlLine, NonStringTitleWarns) {
  ReadItem item = Parse(R"({"text":"x","title":5,"url":null})");
  ASSERT_TRUE(item.status.ok());
  EXPECT_EQ(item.doc.title, "");
  ASSERT_EQ(item.doc.warnings.size(), 1u);
  EXPECT_NE(item.doc.warnings[0].find("\"title\" is a number"), std::string::npos);
}

TEST(ParseJsonlLine, RejectsBadJsonWithFragment) {
  ReadItem item = Parse(R"({"id":"q","text":"unterminated)");
  EXPECT_EQ(item.status.code(), ErrorCode::kBadJson);
  EXPECT_EQ(item.status.where(), "news.jsonl:3");
  EXPECT_NE(item.status.message().find("{\"id\":\"q\",\"text\":\"unterminated"), std::string::npos)
      << item.status.message();
  EXPECT_EQ(item.doc.id, "news.jsonl:3");
  EXPECT_EQ(item.doc.origin, "news.jsonl:3");
}

TEST(ParseJsonlLine, RejectsTrailingGarbageAndSecondObject) {
  EXPECT_EQ(Parse(R"({"text":"a"} x)").status.code(), ErrorCode::kBadJson);
  EXPECT_EQ(Parse(R"({"text":"a"}{"text":"b"})").status.code(), ErrorCode::kBadJson);
  EXPECT_EQ(Parse(R"({"text":"a",})").status.code(), ErrorCode::kBadJson);
}

TEST(ParseJsonlLine, RejectsJsonThatIsNotAnObject) {
  ReadItem item = Parse(R"(["text","x"])");
  EXPECT_EQ(item.status.code(), ErrorCode::kBadJson);
  EXPECT_NE(item.status.message().find("an array, not a JSON object"), std::string::npos)
      << item.status.message();
  EXPECT_EQ(Parse(R"("just a string")").status.code(), ErrorCode::kBadJson);
  EXPECT_EQ(Parse("42").status.code(), ErrorCode::kBadJson);
}

TEST(ParseJsonlLine, MissingTextNamesTheFieldsFound) {
  ReadItem item = Parse(R"({"id":"k","body":"Police said"})");
  EXPECT_EQ(item.status.code(), ErrorCode::kMissingText);
  EXPECT_EQ(item.doc.id, "k");
  EXPECT_NE(item.status.message().find("fields: id, body"), std::string::npos)
      << item.status.message();
  EXPECT_EQ(Parse("{}").status.code(), ErrorCode::kMissingText);
}

TEST(ParseJsonlLine, NonStringTextIsMissingText) {
  ReadItem item = Parse(R"({"id":"k","text":null})");
  EXPECT_EQ(item.status.code(), ErrorCode::kMissingText);
  EXPECT_NE(item.status.message().find("\"text\" is null"), std::string::npos);
}

TEST(ParseJsonlLine, EmptyTextIsRejectedWithItsId) {
  ReadItem item = Parse(R"({"id":"e1","text":"  \n ","published":"2020-05-09"})");
  EXPECT_EQ(item.status.code(), ErrorCode::kEmptyDocument);
  EXPECT_EQ(item.doc.id, "e1");
  EXPECT_EQ(item.doc.origin, "news.jsonl:3");
  EXPECT_EQ(item.doc.published, "2020-05-09");
}

TEST(ParseJsonlLine, TextWithNulEscapeIsBinary) {
  EXPECT_EQ(Parse(R"({"text":"a\u0000b"})").status.code(), ErrorCode::kBinaryInput);
}

TEST(ParseJsonlLine, RepairsInvalidUtf8InTheLine) {
  ReadItem item = Parse("{\"id\":\"u\",\"text\":\"caf\xE9 ok\"}");
  ASSERT_TRUE(item.status.ok()) << item.status.ToString();
  EXPECT_EQ(item.doc.text, "caf\xEF\xBF\xBD ok");
  ASSERT_EQ(item.doc.warnings.size(), 1u);
  EXPECT_EQ(item.doc.warnings[0],
            "invalid UTF-8: 1 sequence replaced with U+FFFD (first at byte 21 of the JSONL line)");
}

TEST(ParseJsonlLine, LineFromALargerBufferIsParsedAlone) {
  std::string buffer = R"({"text":"first"}{"text":"second"})";
  ReadItem item = Parse(std::string_view(buffer).substr(0, 16));
  ASSERT_TRUE(item.status.ok()) << item.status.ToString();
  EXPECT_EQ(item.doc.text, "first");
}

}  // namespace
}  // namespace evident::text
