#include "text/document.h"

#include <gtest/gtest.h>

#include <string>

#include "common/utf8.h"

namespace evident::text {
namespace {

Document Doc(std::string text) {
  Document doc;
  doc.id = "doc-1";
  doc.origin = "news.txt";
  doc.text = std::move(text);
  return doc;
}

TEST(PrepareText, AcceptsTextAndKeepsItByteForByte) {
  // CR and CRLF stay: offsets must match the input.
  Document doc = Doc("Police said.\r\nTwo people were held.\rEnd.\n");
  Status s = PrepareText(&doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(doc.text, "Police said.\r\nTwo people were held.\rEnd.\n");
  EXPECT_TRUE(doc.warnings.empty());
}

TEST(PrepareText, RejectsEmptyText) {
  Document doc = Doc("");
  Status s = PrepareText(&doc);
  EXPECT_EQ(s.code(), ErrorCode::kEmptyDocument);
  EXPECT_EQ(s.where(), "news.txt");
  EXPECT_NE(s.message().find("empty"), std::string::npos) << s.message();
}

TEST(PrepareText, RejectsWhitespaceOnlyIncludingUnicodeSpaces) {
  Document doc = Doc(" \n\t\r\f\xC2\xA0\xE3\x80\x80 ");  // NBSP, ideographic space
  Status s = PrepareText(&doc);
  EXPECT_EQ(s.code(), ErrorCode::kEmptyDocument);
  EXPECT_NE(s.message().find("only whitespace"), std::string::npos) << s.message();
}

TEST(PrepareText, UsesIdAsWhereWithoutOrigin) {
  Document doc;
  doc.id = "x-7";
  Status s = PrepareText(&doc);
  EXPECT_EQ(s.code(), ErrorCode::kEmptyDocument);
  EXPECT_EQ(s.where(), "x-7");
}

TEST(PrepareText, RejectsNulBytesAndSaysWhere) {
  std::string text = "Some text";
  text += '\0';
  text += "more";
  Document doc = Doc(text);
  Status s = PrepareText(&doc);
  EXPECT_EQ(s.code(), ErrorCode::kBinaryInput);
  EXPECT_NE(s.message().find("NUL byte at byte 9"), std::string::npos) << s.message();
}

TEST(PrepareText, RejectsManyControlCharacters) {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "ab\x01\x02\x7f";
  Document doc = Doc(text);
  Status s = PrepareText(&doc);
  EXPECT_EQ(s.code(), ErrorCode::kBinaryInput);
  EXPECT_NE(s.message().find("control characters (first at byte 2)"), std::string::npos)
      << s.message();
}

TEST(PrepareText, AcceptsFewControlCharactersAndFormFeeds) {
  std::string text = "Page one.\fPage two.\x1b is an escape ";
  text += std::string(200, 'x');
  Document doc = Doc(text);
  EXPECT_TRUE(PrepareText(&doc).ok());
}

// A text is binary when more than a tenth of its first bytes are control characters; line
// breaks, tabs and form feeds are text. The count must be exact wherever the controls fall.
TEST(PrepareText, ControlCharacterThresholdIsExact) {
  for (size_t size : {size_t{330}, size_t{337}, size_t{4096}}) {
    for (bool over : {false, true}) {
      std::string text(size, 'a');
      // Line breaks, tabs and form feeds everywhere: never counted.
      for (size_t i = 5; i < size; i += 7) text[i] = "\n\t\r\f"[i % 4];
      // size / 10 controls (not binary), or one more (binary), spread over every position modulo 16.
      const size_t controls = size / 10 + (over ? 1 : 0);
      size_t placed = 0;
      for (size_t i = 0; placed < controls; i += 3) {
        ASSERT_LT(i, size);
        if (text[i] != 'a') continue;
        text[i] = placed % 2 ? '\x7f' : '\x01';
        ++placed;
      }
      // Exactly a tenth is still text when size is a multiple of ten.
      const bool binary = controls * 10 > size;
      Document doc = Doc(text);
      Status s = PrepareText(&doc);
      EXPECT_EQ(s.code() == ErrorCode::kBinaryInput, binary) << size << " bytes, " << controls << " controls";
    }
  }
}

TEST(PrepareText, BinaryMessageRecognisesUtf16) {
  Document doc = Doc(std::string("\xFF\xFEh\0i\0", 6));
  Status s = PrepareText(&doc);
  EXPECT_EQ(s.code(), ErrorCode::kBinaryInput);
  EXPECT_NE(s.message().find("UTF-16"), std::string::npos) << s.message();
}

TEST(PrepareText, RejectsTooLargeAndGivesSizeAndLimit) {
  Document doc = Doc(std::string(kMaxDocumentBytes + 1, 'a'));
  Status s = PrepareText(&doc);
  EXPECT_EQ(s.code(), ErrorCode::kTooLarge);
  EXPECT_NE(s.message().find(std::to_string(kMaxDocumentBytes + 1) + " bytes"), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find(std::to_string(kMaxDocumentBytes)), std::string::npos);
}

TEST(PrepareText, AcceptsTextAtTheLimit) {
  Document doc = Doc(std::string(kMaxDocumentBytes, 'a'));
  EXPECT_TRUE(PrepareText(&doc).ok());
}

TEST(PrepareText, DropsLeadingBom) {
  Document doc = Doc("\xEF\xBB\xBFHello \xEF\xBB\xBF");
  ASSERT_TRUE(PrepareText(&doc).ok());
  EXPECT_EQ(doc.text, "Hello \xEF\xBB\xBF");  // only the leading one is a BOM
}

TEST(PrepareText, BomOnlyIsEmpty) {
  Document doc = Doc("\xEF\xBB\xBF");
  EXPECT_EQ(PrepareText(&doc).code(), ErrorCode::kEmptyDocument);
}

TEST(PrepareText, RepairsInvalidUtf8WithWarning) {
  Document doc =
      Doc("abc\xFF"
          "def \xC3 ok \xE2\x82");
  Status s = PrepareText(&doc);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(FindInvalidUtf8(doc.text), std::string_view::npos);
  EXPECT_EQ(doc.text,
            "abc\xEF\xBF\xBD"
            "def \xEF\xBF\xBD ok \xEF\xBF\xBD");
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0], "invalid UTF-8: 3 sequences replaced with U+FFFD (first at byte 3)");
}

TEST(PrepareText, InvalidUtf8OffsetCountsAfterBom) {
  Document doc =
      Doc("\xEF\xBB\xBF"
          "ab\x80");
  ASSERT_TRUE(PrepareText(&doc).ok());
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0], "invalid UTF-8: 1 sequence replaced with U+FFFD (first at byte 2)");
  EXPECT_EQ(doc.text, "ab\xEF\xBF\xBD");
}

TEST(CheckDocumentSize, AcceptsLimitRejectsMore) {
  EXPECT_TRUE(CheckDocumentSize(kMaxDocumentBytes, "f").ok());
  Status s = CheckDocumentSize(kMaxDocumentBytes + 10, "big.txt");
  EXPECT_EQ(s.code(), ErrorCode::kTooLarge);
  EXPECT_EQ(s.where(), "big.txt");
}

TEST(PublishedDate, AcceptsDatesAndIsoTimestamps) {
  EXPECT_EQ(PublishedDate("2020-05-09"), "2020-05-09");
  EXPECT_EQ(PublishedDate("2020-05-09T10:00:00Z"), "2020-05-09");
  EXPECT_EQ(PublishedDate("2020-05-09T23:30:00-05:00"), "2020-05-09");
  EXPECT_EQ(PublishedDate("2020-05-09 10:00"), "2020-05-09");
  EXPECT_EQ(PublishedDate(" 2020-05-09"), "2020-05-09");
}

TEST(PublishedDate, RejectsOtherForms) {
  EXPECT_EQ(PublishedDate(""), "");
  EXPECT_EQ(PublishedDate("09/05/2020"), "");
  EXPECT_EQ(PublishedDate("2020-02-30"), "");
  EXPECT_EQ(PublishedDate("2020-05"), "");
  EXPECT_EQ(PublishedDate("2020-05-091"), "");
  EXPECT_EQ(PublishedDate("May 9, 2020"), "");
}

}  // namespace
}  // namespace evident::text
