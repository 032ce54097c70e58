#include "tokens/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace evident::tokens {
namespace {

std::vector<std::string> Norms(const TokenizedText& t) {
  std::vector<std::string> out;
  for (const auto& tok : t.tokens) out.emplace_back(tok.norm);
  return out;
}

TEST(Tokenizer, SplitsWordsNumbersAndPunctuationWithByteSpans) {
  Tokenizer tz;
  TokenizedText t;
  std::string text = "Police detained 1,500 people in Almaty.";
  tz.Tokenize(text, &t);
  EXPECT_EQ(Norms(t), (std::vector<std::string>{"police", "detained", "1,500", "people", "in", "almaty", "."}));
  EXPECT_EQ(t.tokens[2].kind, TokenKind::kNumber);
  EXPECT_EQ(t.tokens[2].span.Of(text), "1,500");
  EXPECT_TRUE(t.tokens[0].HasFlag(kCapitalized));
  ASSERT_EQ(t.sentences.size(), 1u);
}

// The tokenizer counts the words and the capitalized ones (the engine tells lowercase
// archives by them); numbers, punctuation and the possessive's word are counted as tokens are.
TEST(Tokenizer, CountsWordsAndCapitalizedWords) {
  Tokenizer tz;
  TokenizedText t;
  tz.Tokenize("Police in Kelbrook's Old Town held 12 men; a U.S. envoy said so.", &t);
  size_t words = 0, capitalized = 0;
  for (const auto& tok : t.tokens) {
    words += tok.kind == TokenKind::kWord;
    capitalized += tok.kind == TokenKind::kWord && tok.HasFlag(kCapitalized);
  }
  EXPECT_EQ(t.words, words);
  EXPECT_EQ(t.capitalized_words, capitalized);
  EXPECT_EQ(t.capitalized_words, 5u);  // Police, Kelbrook, Old, Town, U.S.
  // Counted afresh for each text.
  tz.Tokenize("all lowercase here", &t);
  EXPECT_EQ(t.words, 3u);
  EXPECT_EQ(t.capitalized_words, 0u);
}

// Every table keyed by token hashes is built with HashToken: a token's hash must be
// HashToken(norm) wherever the token stands (the tokenizer reads whole words of the
// lowercase copy when eight bytes follow, and the exact bytes near the end of the text), for
// words of every length from 1 to 20 bytes, and for literal norms ("'s", "...").
TEST(Tokenizer, TokenHashIsHashTokenOfTheNormAnywhereInTheText) {
  Tokenizer tz;
  TokenizedText t;
  std::string words;
  for (int len = 1; len <= 20; ++len)
    words += std::string(static_cast<size_t>(len), static_cast<char>('a' + len)) + " ";
  // Each word in the middle of a long text and at its very end (fewer than eight bytes after).
  for (int len = 1; len <= 20; ++len) {
    std::string last(static_cast<size_t>(len), static_cast<char>('A' + len));
    std::string text = words + "Officers’s ... " + last;
    tz.Tokenize(text, &t);
    for (const Token& tok : t.tokens) EXPECT_EQ(tok.hash, HashToken(tok.norm)) << "'" << tok.norm << "' in " << text;
    EXPECT_EQ(t.tokens.back().norm, std::string(static_cast<size_t>(len), static_cast<char>('a' + len)));
  }
  // Different words, different hashes (the masked load keeps no byte of the next word).
  tz.Tokenize("ab abc abd abcdefgh abcdefgi abcdefghi", &t);
  for (size_t i = 0; i < t.tokens.size(); ++i)
    for (size_t j = i + 1; j < t.tokens.size(); ++j) EXPECT_NE(t.tokens[i].hash, t.tokens[j].hash);
  tz.Tokenize("ab ab. ab", &t);
  EXPECT_EQ(t.tokens[0].hash, t.tokens[1].hash);
  EXPECT_EQ(t.tokens[0].hash, t.tokens[3].hash);
}

// The place resolver uses a plain word as its own gazetteer key, without Unicode folding.
TEST(Tokenizer, MarksWordsOfPlainAsciiLettersAndDigits) {
  Tokenizer tz;
  TokenizedText t;
  std::string text = "Rocky Mount M23 Zürich don't Kyiv's U.S. 45";
  tz.Tokenize(text, &t);
  ASSERT_EQ(Norms(t),
            (std::vector<std::string>{"rocky", "mount", "m23", "zürich", "don't", "kyiv", "'s", "u.s.", "45"}));
  std::vector<bool> plain;
  for (const auto& tok : t.tokens) plain.push_back(tok.HasFlag(kPlainAscii));
  EXPECT_EQ(plain, (std::vector<bool>{true, true, true, false, false, true, false, false, false}));
}

// Words are scanned eight bytes at a time: every letter, digit and boundary byte at every
// position of the eight-byte steps ends a word exactly where a byte-wise scan would.
TEST(Tokenizer, WordEndsAtEveryOffsetOfALongWord) {
  Tokenizer tz;
  TokenizedText t;
  const std::string boundaries[] = {" ", ",", "-", "@", "[", "`", "{", "/", ":", "\x7f", "\xc3\xa9", "\t"};
  for (size_t len = 1; len <= 24; ++len) {
    std::string word;
    for (size_t k = 0; k < len; ++k) word += "aZ09mzAQ"[k % 8];
    for (const std::string& b : boundaries) {
      std::string text = word + b + "x";
      tz.Tokenize(text, &t);
      ASSERT_FALSE(t.tokens.empty()) << text;
      // A letter after the word (é) continues it; everything else ends it.
      size_t expected = b == "\xc3\xa9" ? len + b.size() + 1 : len;
      EXPECT_EQ(t.tokens[0].span.size(), expected) << len << " '" << b << "'";
    }
  }
}

TEST(Tokenizer, KeepsAcronymsAndAbbreviationsInOneSentence) {
  Tokenizer tz;
  TokenizedText t;
  std::string text = "Mr. Smith met Gen. Petraeus in the U.S. on Monday. He left at 7 p.m. Tuesday.";
  tz.Tokenize(text, &t);
  ASSERT_EQ(t.sentences.size(), 2u);
  EXPECT_EQ(t.sentences[0].span.Of(text), "Mr. Smith met Gen. Petraeus in the U.S. on Monday.");
}

TEST(Tokenizer, NormalizesTypographicQuotesAndSplitsPossessive) {
  Tokenizer tz;
  TokenizedText t;
  std::string text =
      "The ministry\xE2\x80\x99s statement \xE2\x80\x9C"
      "ended\xE2\x80\x9D in 2020\xE2\x80\x93"
      "2021.";
  tz.Tokenize(text, &t);
  EXPECT_EQ(Norms(t), (std::vector<std::string>{"the", "ministry", "'s", "statement", "\"", "ended", "\"", "in", "2020",
                                                "-", "2021", "."}));
  EXPECT_EQ(t.tokens[2].span.Of(text), "\xE2\x80\x99s");
}

TEST(Tokenizer, HyphenatedPiecesAreMarkedAsJoined) {
  Tokenizer tz;
  TokenizedText t;
  std::string text = "a 21-year-old man";
  tz.Tokenize(text, &t);
  EXPECT_EQ(Norms(t), (std::vector<std::string>{"a", "21", "-", "year", "-", "old", "man"}));
  EXPECT_FALSE(t.tokens[2].HasFlag(kSpaceBefore));
  EXPECT_TRUE(t.tokens[6].HasFlag(kSpaceBefore));
}

TEST(Tokenizer, BreaksSentencesAtParagraphsAndGluedSentences) {
  Tokenizer tz;
  TokenizedText t;
  std::string text = "Headline without stop\n\nFirst sentence reported.Major General Smith died.";
  tz.Tokenize(text, &t);
  ASSERT_EQ(t.sentences.size(), 3u);
  EXPECT_EQ(t.sentences[1].span.Of(text), "First sentence reported.");
  EXPECT_EQ(t.sentences[2].paragraph, 1u);
}

TEST(Tokenizer, LowercaseTextStillSplitsAtPeriods) {
  Tokenizer tz;
  TokenizedText t;
  std::string text = "police arrested two men on friday. the accused were produced in court.";
  tz.Tokenize(text, &t);
  EXPECT_EQ(t.sentences.size(), 2u);
}

TEST(Tokenizer, EmptyAndWhitespaceOnlyTextGiveNoTokens) {
  Tokenizer tz;
  TokenizedText t;
  tz.Tokenize("", &t);
  EXPECT_TRUE(t.tokens.empty());
  tz.Tokenize(" \n\t ", &t);
  EXPECT_TRUE(t.tokens.empty());
  EXPECT_TRUE(t.sentences.empty());
}

}  // namespace
}  // namespace evident::tokens
