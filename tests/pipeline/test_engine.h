// Shared helpers for the pipeline tests: one Engine for the whole test binary (lexicons are
// loaded once), coding a string as a document, and checking every span of the JSON output
// against the document text.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/engine.h"
#include "pipeline/json_writer.h"
#include "text/document.h"

namespace evident::pipeline::testing {

// The engine on the project's data/, created on first use and shared by all tests.
inline const Engine& SharedEngine() {
  static const Engine* engine = [] {
    auto e = Engine::Create({});
    if (!e.ok()) {
      ADD_FAILURE() << "Engine::Create: " << e.status().ToString();
      std::abort();
    }
    return std::move(e).value().release();
  }();
  return *engine;
}

inline nlohmann::json ToJson(const CodedDocument& cd) {
  std::string line;
  AppendJsonLine(cd, &line);
  return nlohmann::json::parse(line);
}

inline bool IsUtf8Continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Checks one SPAN object: its text is the document's bytes [start, end), and it neither starts
// nor ends inside a UTF-8 sequence.
inline void ExpectSpanMatchesText(const nlohmann::json& span, std::string_view text, const std::string& what) {
  ASSERT_TRUE(span.contains("start") && span.contains("end") && span.contains("text")) << what << ": " << span;
  uint64_t start = span["start"].get<uint64_t>();
  uint64_t end = span["end"].get<uint64_t>();
  ASSERT_LE(start, end) << what;
  ASSERT_LE(end, text.size()) << what;
  EXPECT_EQ(span["text"].get<std::string>(), std::string(text.substr(start, end - start))) << what;
  if (start < text.size()) {
    EXPECT_FALSE(IsUtf8Continuation(text[start])) << what << " starts inside a character";
  }
  if (end < text.size()) {
    EXPECT_FALSE(IsUtf8Continuation(text[end])) << what << " ends inside a character";
  }
}

// Every span of every event of `cd`, as written by AppendJsonLine: into the text, or into the
// title for an event `from` the title and for a location with basis "title".
inline void ExpectAllSpansMatchText(const CodedDocument& cd) {
  nlohmann::json j = ToJson(cd);
  for (const auto& e : j["events"]) {
    std::string id = e["id"].get<std::string>();
    ASSERT_TRUE(e["from"] == "text" || e["from"] == "title") << id << ": " << e["from"];
    std::string_view text = e["from"] == "title" ? std::string_view(cd.doc.title) : std::string_view(cd.doc.text);
    ExpectSpanMatchesText(e["trigger"], text, id + ".trigger");
    EXPECT_FALSE(e["trigger"]["text"].get<std::string>().empty()) << id;
    ExpectSpanMatchesText(e["sentence"], text, id + ".sentence");
    EXPECT_LE(e["sentence"]["start"].get<uint64_t>(), e["trigger"]["start"].get<uint64_t>()) << id;
    EXPECT_GE(e["sentence"]["end"].get<uint64_t>(), e["trigger"]["end"].get<uint64_t>()) << id;
    for (const char* field : {"actor", "target", "source"})
      if (!e[field].is_null()) ExpectSpanMatchesText(e[field], text, id + "." + field);
    if (!e["location"].is_null()) {
      const auto& l = e["location"];
      std::string_view in = l["basis"] == "title"     ? std::string_view(cd.doc.title)
                            : l["basis"] == "dateline" || l["basis"] == "document" ? std::string_view(cd.doc.text)
                                                                                   : text;
      ExpectSpanMatchesText(l, in, id + ".location");
    }
    for (size_t c = 0; c < e["counts"].size(); ++c) {
      ExpectSpanMatchesText(e["counts"][c], text, id + ".counts[" + std::to_string(c) + "]");
      EXPECT_FALSE(e["counts"][c]["text"].get<std::string>().empty()) << id << " count " << c;
    }
    if (!e["date"].is_null()) {
      ExpectSpanMatchesText(e["date"], text, id + ".date");
      if (e["date"]["basis"] == "published") {
        EXPECT_EQ(e["date"]["start"], 0) << id;
        EXPECT_EQ(e["date"]["end"], 0) << id;
      } else {
        EXPECT_FALSE(e["date"]["text"].get<std::string>().empty()) << id;
      }
    }
  }
}

// Codes a document as read (id, origin, text, title, published set): through
// text::PrepareText like a reader's output, then the shared engine; all spans are checked.
inline CodedDocument CodeDocument(CodedDocument cd) {
  cd.status = text::PrepareText(&cd.doc);
  EXPECT_TRUE(cd.status.ok()) << cd.status.ToString();
  if (!cd.status.ok()) return cd;
  Coder coder(SharedEngine());
  coder.Code(&cd);
  ExpectAllSpansMatchText(cd);
  return cd;
}

// Codes `text` as one document published on `published` ("" for none).
inline CodedDocument CodeText(std::string text, std::string published = "2026-03-14", std::string id = "doc-1") {
  CodedDocument cd;
  cd.doc.id = std::move(id);
  cd.doc.origin = "test";
  cd.doc.text = std::move(text);
  cd.doc.published = std::move(published);
  return CodeDocument(std::move(cd));
}

// Codes `text` with the title `title`, published 2026-03-14 (spans into the text or the title).
inline CodedDocument CodeWithTitle(std::string title, std::string text) {
  CodedDocument cd;
  cd.doc.id = "doc-title";
  cd.doc.origin = "test";
  cd.doc.title = std::move(title);
  cd.doc.text = std::move(text);
  cd.doc.published = "2026-03-14";
  return CodeDocument(std::move(cd));
}

// Codes a page whose text is only a paywall note, so that its title states the story.
inline CodedDocument CodeTitleOnly(std::string title) {
  return CodeWithTitle(std::move(title), "Subscribe to keep reading. Already a subscriber? Log in to your account.");
}

}  // namespace evident::pipeline::testing
