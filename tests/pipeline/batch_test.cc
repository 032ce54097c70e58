#include "pipeline/batch.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "pipeline/json_writer.h"
#include "test_engine.h"

namespace evident::pipeline {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::SharedEngine;

// A temporary folder removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("evident_batch_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter_++));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& content) const {
    fs::path p = path_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

struct Expected {
  std::string id;
  std::string status;  // ok | rejected
  std::string code;    // error code when rejected
};

// 20 documents: 16 good reports with ids, and 4 bad lines (not JSON, no text, empty text with
// an id, an id of the wrong type), spread over the chunks. Blank lines are not documents.
std::string MakeJsonl(const std::string& file, std::vector<Expected>* expected) {
  std::string out;
  int line = 0;
  auto add = [&](const std::string& text, const Expected& e) {
    out += text + "\n";
    ++line;
    expected->push_back(e);
  };
  for (int i = 0; i < 20; ++i) {
    std::string id = "d" + std::to_string(i);
    switch (i) {
      case 4:
        add("{\"id\": \"d4\", \"text\": \"unterminated",
            {file + ":" + std::to_string(line + 1), "rejected", "bad_json"});
        break;
      case 9:
        add("{\"id\": \"d9\", \"body\": \"Police arrested 3 people.\"}", {"d9", "rejected", "missing_text"});
        break;
      case 13:
        add("{\"id\": \"d13\", \"text\": \"   \"}", {"d13", "rejected", "empty_document"});
        break;
      case 17:
        add("{\"id\": [17], \"text\": \"Police arrested 3 people.\"}",
            {file + ":" + std::to_string(line + 1), "rejected", "bad_field"});
        break;
      default:
        // Each report states a different number, so a mix-up between documents would show.
        add("{\"id\": \"" + id + "\", \"published\": \"2026-03-14\", \"text\": \"Police arrested " +
                std::to_string(100 + i) + " people in Veloria on Tuesday.\"}",
            {id, "ok", ""});
    }
    if (i == 10) {
      out += "\n";  // a blank line: skipped, but counted for line numbers
      ++line;
    }
  }
  return out;
}

// news.jsonl in `dir`, made by MakeJsonl (its error locations name the file's path).
std::string WriteNews(TempDir& dir, std::vector<Expected>* expected) {
  std::string path = dir.Write("news.jsonl", "");
  dir.Write("news.jsonl", MakeJsonl(path, expected));
  return path;
}

struct BatchRun {
  RunReport report;
  std::vector<std::string> lines;
};

BatchRun CodeFile(const std::vector<std::string>& inputs, int threads, size_t chunk_docs) {
  BatchOptions options;
  options.threads = threads;
  options.chunk_docs = chunk_docs;
  BatchRun run;
  auto report = CodeInputs(SharedEngine(), inputs, options, [&](const CodedDocument& cd) {
    std::string line;
    AppendJsonLine(cd, &line);
    run.lines.push_back(line);
  });
  EXPECT_TRUE(report.ok()) << report.status().ToString();
  if (report.ok()) run.report = *report;
  return run;
}

TEST(CodeInputs, KeepsInputOrderOnTwoThreadsWithSmallChunks) {
  TempDir dir;
  std::vector<Expected> expected;
  std::string path = WriteNews(dir, &expected);
  ASSERT_EQ(expected.size(), 20u);

  BatchRun run = CodeFile({path}, /*threads=*/2, /*chunk_docs=*/3);
  ASSERT_EQ(run.lines.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    json j = json::parse(run.lines[i]);
    EXPECT_EQ(j["id"], expected[i].id) << "line " << i;
    EXPECT_EQ(j["status"], expected[i].status) << "line " << i;
    if (expected[i].status == "ok") {
      ASSERT_EQ(j["events"].size(), 1u) << run.lines[i];
      EXPECT_EQ(j["events"][0]["counts"][0]["value"], 100 + static_cast<int>(i)) << "line " << i;
      EXPECT_EQ(j["events"][0]["date"]["value"], "2026-03-10");
    } else {
      EXPECT_EQ(j["error"]["code"], expected[i].code) << run.lines[i];
      EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
      EXPECT_EQ(j["error"]["where"].get<std::string>().rfind(path + ":", 0), 0u) << run.lines[i];
      EXPECT_EQ(j["events"], json::array());
    }
  }
}

TEST(CodeInputs, SameOutputOnOneAndTwoThreads) {
  TempDir dir;
  std::vector<Expected> expected;
  std::string path = WriteNews(dir, &expected);
  BatchRun one = CodeFile({path}, 1, 512);
  BatchRun two = CodeFile({path}, 2, 3);
  EXPECT_EQ(one.lines, two.lines);
  EXPECT_EQ(one.report.events, two.report.events);
}

// More workers than documents per chunk: workers go on to the next chunk queued while others
// finish theirs, and the output keeps the input order whatever the split.
TEST(CodeInputs, SameOutputWithMoreWorkersThanChunkDocuments) {
  TempDir dir;
  std::vector<Expected> expected;
  std::string path = WriteNews(dir, &expected);
  BatchRun one = CodeFile({path}, 1, 512);
  for (size_t chunk : {size_t{1}, size_t{2}, size_t{7}}) {
    BatchRun many = CodeFile({path}, 4, chunk);
    EXPECT_EQ(one.lines, many.lines) << "chunks of " << chunk;
    EXPECT_EQ(many.report.read, expected.size());
    EXPECT_EQ(many.report.coded + many.report.rejected + many.report.failed, many.report.read);
  }
}

TEST(CodeInputs, AccountsForEveryDocument) {
  TempDir dir;
  std::vector<Expected> expected;
  std::string path = WriteNews(dir, &expected);
  // One thread reuses one CodedDocument: nothing of a document may stay for the next.
  for (int threads : {1, 2}) {
    SCOPED_TRACE("threads " + std::to_string(threads));
    BatchRun run = CodeFile({path}, threads, 3);
    const RunReport& r = run.report;
    EXPECT_EQ(r.read, 20u);
    EXPECT_EQ(r.coded, 16u);
    EXPECT_EQ(r.rejected, 4u);
    EXPECT_EQ(r.failed, 0u);
    EXPECT_EQ(r.read, r.coded + r.rejected + r.failed);
    ASSERT_EQ(r.read, run.lines.size());
    EXPECT_EQ(r.events, 16u);
    EXPECT_GT(r.bytes, 0u);
    for (size_t i = 0; i < run.lines.size(); ++i) {
      json j = json::parse(run.lines[i]);
      EXPECT_EQ(j["id"], expected[i].id);
      EXPECT_EQ(j["status"], expected[i].status);
      EXPECT_EQ(j["events"].size(), expected[i].status == "ok" ? 1u : 0u) << run.lines[i];
    }
  }
}

TEST(CodeInputs, RejectedLinesKeepTheirId) {
  TempDir dir;
  std::string path = dir.Write("in.jsonl",
                               "{\"id\": \"keep-me\", \"text\": \"\"}\n"
                               "{\"id\": 42, \"text\": \"\\u0000binary\"}\n"
                               "{\"id\": \"ok-1\", \"text\": \"Police arrested 5 people.\"}\n");
  BatchRun run = CodeFile({path}, 2, 1);
  ASSERT_EQ(run.lines.size(), 3u);
  json a = json::parse(run.lines[0]);
  EXPECT_EQ(a["id"], "keep-me");
  EXPECT_EQ(a["status"], "rejected");
  EXPECT_EQ(a["error"]["code"], "empty_document");
  json b = json::parse(run.lines[1]);
  EXPECT_EQ(b["id"], "42");
  EXPECT_EQ(b["status"], "rejected");
  EXPECT_EQ(b["error"]["code"], "binary_input");
  json c = json::parse(run.lines[2]);
  EXPECT_EQ(c["id"], "ok-1");
  EXPECT_EQ(c["status"], "ok");
}

TEST(CodeInputs, MissingInputIsRejectedAndTheRestIsRead) {
  TempDir dir;
  std::string good = dir.Write("a.txt", "Police arrested 5 people.");
  std::string missing = good + ".missing";
  BatchRun run = CodeFile({missing, good}, 1, 512);
  ASSERT_EQ(run.lines.size(), 2u);
  json a = json::parse(run.lines[0]);
  EXPECT_EQ(a["id"], missing);
  EXPECT_EQ(a["status"], "rejected");
  EXPECT_EQ(a["error"]["code"], "io_error");
  json b = json::parse(run.lines[1]);
  EXPECT_EQ(b["id"], good);
  EXPECT_EQ(b["status"], "ok");
  EXPECT_EQ(run.report.read, 2u);
  EXPECT_EQ(run.report.rejected, 1u);
  EXPECT_EQ(run.report.coded, 1u);
}

TEST(CodeInputs, DefaultPublishedAppliesToDocumentsWithoutOne) {
  TempDir dir;
  std::string path =
      dir.Write("in.jsonl",
                "{\"id\": \"a\", \"text\": \"Police arrested 5 people on Tuesday.\"}\n"
                "{\"id\": \"b\", \"published\": \"2026-03-20\", \"text\": \"Police arrested 5 people on Tuesday.\"}\n");
  BatchOptions options;
  options.read.default_published = "2026-03-14";
  std::vector<json> out;
  auto report =
      CodeInputs(SharedEngine(), {path}, options, [&](const CodedDocument& cd) { out.push_back(testing::ToJson(cd)); });
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0]["published"], "2026-03-14");
  EXPECT_EQ(out[0]["events"][0]["date"]["value"], "2026-03-10");
  EXPECT_EQ(out[1]["published"], "2026-03-20");
  EXPECT_EQ(out[1]["events"][0]["date"]["value"], "2026-03-17");
}

TEST(CodeInputs, BadDefaultPublishedFailsTheRun) {
  BatchOptions options;
  options.read.default_published = "14/03/2026";
  size_t emitted = 0;
  auto report = CodeInputs(SharedEngine(), {"-"}, options, [&](const CodedDocument&) { ++emitted; });
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), ErrorCode::kUsage);
  EXPECT_EQ(emitted, 0u);
}

TEST(CodeInputs, NoInputsReadNothing) {
  BatchRun run = CodeFile({}, 2, 3);
  EXPECT_TRUE(run.lines.empty());
  EXPECT_EQ(run.report.read, 0u);
}

}  // namespace
}  // namespace evident::pipeline
