// ReadInputs over files, directories and stdin. Fixture files are written to a fresh temp
// directory per test; the test changes into it so that ids are short relative paths.
#include "text/reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "text/html.h"

namespace evident::text {
namespace {

namespace fs = std::filesystem;

class ReadInputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("evident_text_test_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    old_cwd_ = fs::current_path();
    fs::current_path(dir_);
  }
  void TearDown() override {
    fs::current_path(old_cwd_);
    std::error_code ec;
    fs::permissions(dir_ / "locked", fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }

  // Writes `content` to `path` (relative to the temp dir), creating parent directories.
  static void Write(const fs::path& path, std::string_view content) {
    if (path.has_parent_path()) fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
  }

  static std::vector<ReadItem> Read(const std::vector<std::string>& inputs,
                                    const ReadOptions& options = {}) {
    std::vector<ReadItem> items;
    Status s =
        ReadInputs(inputs, options, [&](ReadItem&& item) { items.push_back(std::move(item)); });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return items;
  }

  static std::vector<std::string> Ids(const std::vector<ReadItem>& items) {
    std::vector<std::string> ids;
    for (const ReadItem& item : items) ids.push_back(item.doc.id);
    return ids;
  }

  fs::path dir_;
  fs::path old_cwd_;
};

TEST_F(ReadInputsTest, TextFileIsOneDocumentWithPathAsId) {
  Write("examples/foo.txt", "Police detained 12 people.\r\nThey were released.\n");
  std::vector<ReadItem> items = Read({"examples/foo.txt"});
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(items[0].status.ok()) << items[0].status.ToString();
  EXPECT_EQ(items[0].doc.id, "examples/foo.txt");
  EXPECT_EQ(items[0].doc.origin, "examples/foo.txt");
  EXPECT_EQ(items[0].doc.text, "Police detained 12 people.\r\nThey were released.\n");
}

TEST_F(ReadInputsTest, DirectoryWalkIsSortedAndSkipsHiddenEntries) {
  Write("in/b.txt", "b");
  Write("in/a.txt", "a");
  Write("in/a/z.txt", "a/z");
  Write("in/a-b.txt", "a-b");
  Write("in/sub/deeper/c.txt", "c");
  Write("in/.hidden.txt", "hidden");
  Write("in/.git/config.txt", "hidden dir");
  Write("in/sub/.cache/x.txt", "hidden dir");
  std::vector<ReadItem> items = Read({"in"});
  // Byte order of the whole path: '-' < '.' < '/'.
  EXPECT_EQ(Ids(items), (std::vector<std::string>{"in/a-b.txt", "in/a.txt", "in/a/z.txt",
                                                  "in/b.txt", "in/sub/deeper/c.txt"}));
  for (const ReadItem& item : items) EXPECT_TRUE(item.status.ok()) << item.status.ToString();
  EXPECT_EQ(items[2].doc.text, "a/z");
}

TEST_F(ReadInputsTest, DirectoryWalkFollowsFileLinksNotDirectoryLinks) {
  Write("real/story.txt", "story");
  Write("in/a.txt", "a");
  fs::create_symlink(fs::absolute("real/story.txt"), "in/link.txt");
  fs::create_directory_symlink(fs::absolute("real"), "in/linked_dir");
  fs::create_symlink(fs::absolute("real/gone.txt"), "in/broken.txt");
  std::vector<ReadItem> items = Read({"in"});
  EXPECT_EQ(Ids(items), (std::vector<std::string>{"in/a.txt", "in/broken.txt", "in/link.txt"}));
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[1].status.code(), ErrorCode::kIoError);
  EXPECT_EQ(items[2].doc.text, "story");
}

TEST_F(ReadInputsTest, InputsKeepTheirOrder) {
  Write("z.txt", "z");
  Write("dir/y.txt", "y");
  Write("a.txt", "a");
  EXPECT_EQ(Ids(Read({"z.txt", "dir/", "a.txt"})),
            (std::vector<std::string>{"z.txt", "dir/y.txt", "a.txt"}));
}

TEST_F(ReadInputsTest, EmptyDirectoryYieldsNothing) {
  fs::create_directories("empty");
  EXPECT_TRUE(Read({"empty"}).empty());
}

TEST_F(ReadInputsTest, NonexistentPathIsRejectedAndReadingContinues) {
  Write("ok.txt", "fine");
  std::vector<ReadItem> items = Read({"missing.txt", "ok.txt"});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].status.code(), ErrorCode::kIoError);
  EXPECT_EQ(items[0].doc.id, "missing.txt");
  EXPECT_EQ(items[0].status.where(), "missing.txt");
  EXPECT_NE(items[0].status.message().find("No such file or directory"), std::string::npos)
      << items[0].status.message();
  EXPECT_TRUE(items[1].status.ok());
  EXPECT_EQ(items[1].doc.id, "ok.txt");
}

TEST_F(ReadInputsTest, UnreadableFileAndDirectoryAreRejected) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads everything";
  Write("d/locked/x.txt", "x");
  Write("d/secret.txt", "s");
  Write("d/z.txt", "z");
  fs::permissions("d/secret.txt", fs::perms::none);
  fs::permissions("d/locked", fs::perms::none);
  std::vector<ReadItem> items = Read({"d"});
  fs::permissions("d/locked", fs::perms::owner_all);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].doc.id, "d/locked");
  EXPECT_EQ(items[0].status.code(), ErrorCode::kIoError);
  EXPECT_EQ(items[1].doc.id, "d/secret.txt");
  EXPECT_EQ(items[1].status.code(), ErrorCode::kIoError);
  EXPECT_TRUE(items[2].status.ok());
}

TEST_F(ReadInputsTest, DispatchesByExtension) {
  Write("d/a.jsonl", R"({"id":"j1","text":"from jsonl"})"
                     "\n");
  Write("d/b.NDJSON", R"({"id":"j2","text":"from ndjson"})"
                      "\n");
  Write("d/c.html", "<html><body><p>from html</p></body></html>");
  Write("d/d.htm", "<p>from htm</p>");
  Write("d/e.md", R"({"id":"not json","text":"x"})");
  std::vector<ReadItem> items = Read({"d"});
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(items[0].doc.id, "j1");
  EXPECT_EQ(items[1].doc.id, "j2");
  EXPECT_EQ(items[2].doc.text, "from html");
  EXPECT_EQ(items[3].doc.text, "from htm");
  EXPECT_EQ(items[4].doc.id, "d/e.md");
  EXPECT_EQ(items[4].doc.text, R"({"id":"not json","text":"x"})");
}

TEST_F(ReadInputsTest, FormatOptionOverridesExtension) {
  Write("lines.txt", R"({"id":"j1","text":"one"})"
                     "\n");
  Write("page.jsonl", "<p>Hello</p>");
  ReadOptions jsonl;
  jsonl.format = InputFormat::kJsonl;
  EXPECT_EQ(Ids(Read({"lines.txt"}, jsonl)), std::vector<std::string>{"j1"});
  ReadOptions html;
  html.format = InputFormat::kHtml;
  std::vector<ReadItem> items = Read({"page.jsonl"}, html);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].doc.text, "Hello");
  ReadOptions text;
  text.format = InputFormat::kText;
  items = Read({"lines.txt"}, text);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].doc.id, "lines.txt");
}

TEST_F(ReadInputsTest, JsonlSkipsBlankLinesAndNumbersLinesFromOne) {
  Write("n.jsonl",
        "\xEF\xBB\xBF{\"text\":\"one\"}\n"
        "\n"
        "   \n"
        "{\"text\":\"four\"}\r\n"
        "{\"id\":5,\"text\":\"five\"}\r\n"
        "{\"text\":\"last, no newline\"}");
  std::vector<ReadItem> items = Read({"n.jsonl"});
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(Ids(items), (std::vector<std::string>{"n.jsonl:1", "n.jsonl:4", "5", "n.jsonl:6"}));
  EXPECT_EQ(items[1].doc.text, "four");
  EXPECT_EQ(items[2].doc.origin, "n.jsonl:5");
  EXPECT_EQ(items[3].doc.text, "last, no newline");
  for (const ReadItem& item : items) EXPECT_TRUE(item.status.ok()) << item.status.ToString();
}

TEST_F(ReadInputsTest, JsonlBadLinesAreRejectedAndReadingContinues) {
  Write("m.jsonl",
        "{\"id\":\"a\",\"text\":\"good\"}\n"
        "{\"id\":\"b\",\"text\":\n"
        "{\"id\":\"c\"}\n"
        "{\"id\":\"d\",\"text\":\"\"}\n"
        "{\"id\":\"e\",\"text\":\"good again\"}\n");
  std::vector<ReadItem> items = Read({"m.jsonl"});
  ASSERT_EQ(items.size(), 5u);
  EXPECT_TRUE(items[0].status.ok());
  EXPECT_EQ(items[1].status.code(), ErrorCode::kBadJson);
  EXPECT_EQ(items[1].status.where(), "m.jsonl:2");
  EXPECT_EQ(items[2].status.code(), ErrorCode::kMissingText);
  EXPECT_EQ(items[2].doc.id, "c");
  EXPECT_EQ(items[3].status.code(), ErrorCode::kEmptyDocument);
  EXPECT_EQ(items[3].doc.id, "d");
  EXPECT_TRUE(items[4].status.ok());
}

TEST_F(ReadInputsTest, JsonlLinesAcrossReadBuffersAreIntact) {
  // More than one 1 MiB read, and one line bigger than the initial buffer.
  std::string content;
  std::vector<std::string> texts;
  for (int i = 0; i < 3000; ++i) {
    texts.push_back("doc " + std::to_string(i) + " " + std::string(500 + i % 97, 'a' + i % 26));
  }
  texts.push_back(std::string(3u << 20, 'q'));
  texts.push_back("after the big one");
  for (const std::string& t : texts) content += "{\"text\":\"" + t + "\"}\n";
  Write("big.jsonl", content);
  std::vector<ReadItem> items = Read({"big.jsonl"});
  ASSERT_EQ(items.size(), texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    ASSERT_TRUE(items[i].status.ok()) << i << ": " << items[i].status.ToString();
    ASSERT_EQ(items[i].doc.text, texts[i]) << i;
    ASSERT_EQ(items[i].doc.id, "big.jsonl:" + std::to_string(i + 1));
  }
}

TEST_F(ReadInputsTest, JsonlOverlongLineIsRejectedWithoutStoppingTheFile) {
  std::string content = "{\"text\":\"before\"}\n{\"text\":\"";
  content.append(kMaxJsonlLineBytes, 'x');
  content += "\"}\n{\"text\":\"after\"}\n";
  Write("long.jsonl", content);
  std::vector<ReadItem> items = Read({"long.jsonl"});
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(items[0].status.ok());
  EXPECT_EQ(items[1].status.code(), ErrorCode::kTooLarge);
  EXPECT_EQ(items[1].doc.id, "long.jsonl:2");
  EXPECT_NE(items[1].status.message().find(std::to_string(kMaxJsonlLineBytes + 11) + " bytes"),
            std::string::npos)
      << items[1].status.message();
  EXPECT_EQ(items[2].doc.text, "after");
  EXPECT_EQ(items[2].doc.id, "long.jsonl:3");
}

TEST_F(ReadInputsTest, EmptyAndBinaryAndOversizedFilesAreRejected) {
  Write("empty.txt", "");
  Write("blank.txt", "  \n\n");
  Write("bin.txt", std::string("\x7f"
                               "ELF\x02\x01\x01\0\0\0",
                               10));
  Write("huge.txt", std::string(kMaxDocumentBytes + 5, 'a'));
  std::vector<ReadItem> items = Read({"empty.txt", "blank.txt", "bin.txt", "huge.txt"});
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].status.code(), ErrorCode::kEmptyDocument);
  EXPECT_EQ(items[1].status.code(), ErrorCode::kEmptyDocument);
  EXPECT_EQ(items[2].status.code(), ErrorCode::kBinaryInput);
  EXPECT_EQ(items[3].status.code(), ErrorCode::kTooLarge);
  EXPECT_EQ(items[3].doc.id, "huge.txt");
  EXPECT_NE(items[3].status.message().find(std::to_string(kMaxDocumentBytes + 5)),
            std::string::npos);
  EXPECT_TRUE(items[3].doc.text.empty());
}

TEST_F(ReadInputsTest, InvalidUtf8InTextFileIsRepairedWithWarning) {
  Write("latin1.txt", "Caf\xE9 society");
  std::vector<ReadItem> items = Read({"latin1.txt"});
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].status.ok());
  EXPECT_EQ(items[0].doc.text, "Caf\xEF\xBF\xBD society");
  ASSERT_EQ(items[0].doc.warnings.size(), 1u);
  EXPECT_EQ(items[0].doc.warnings[0],
            "invalid UTF-8: 1 sequence replaced with U+FFFD (first at byte 3)");
}

TEST_F(ReadInputsTest, DefaultPublishedAppliesToTextFiles) {
  Write("t.txt", "text");
  ReadOptions options;
  options.default_published = "2019-06-13";
  std::vector<ReadItem> items = Read({"t.txt"}, options);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].doc.published, "2019-06-13");
}

TEST_F(ReadInputsTest, InvalidDefaultPublishedStopsBeforeReading) {
  Write("t.txt", "text");
  ReadOptions options;
  options.default_published = "13/06/2019";
  int calls = 0;
  Status s = ReadInputs({"t.txt"}, options, [&](ReadItem&&) { ++calls; });
  EXPECT_EQ(s.code(), ErrorCode::kUsage);
  EXPECT_NE(s.message().find("13/06/2019"), std::string::npos);
  EXPECT_EQ(calls, 0);
}

TEST_F(ReadInputsTest, DashReadsStandardInput) {
  Write("stdin.jsonl", "{\"text\":\"one\"}\n{\"id\":\"x\",\"text\":\"two\"}\n");
  Write("stdin.txt", "plain words");
  int saved = ::dup(STDIN_FILENO);
  ASSERT_GE(saved, 0);
  ASSERT_NE(std::freopen("stdin.jsonl", "rb", stdin), nullptr);
  ReadOptions jsonl;
  jsonl.format = InputFormat::kJsonl;
  std::vector<ReadItem> items = Read({"-"}, jsonl);
  ASSERT_NE(std::freopen("stdin.txt", "rb", stdin), nullptr);
  std::vector<ReadItem> text_items = Read({"-"});
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  EXPECT_EQ(Ids(items), (std::vector<std::string>{"stdin:1", "x"}));
  ASSERT_EQ(text_items.size(), 1u);
  EXPECT_EQ(text_items[0].doc.id, "stdin");
  EXPECT_EQ(text_items[0].doc.text, "plain words");
}

TEST_F(ReadInputsTest, HtmlFileGivesArticleTitleAndDate) {
  Write("site/story.html",
        "<!doctype html><html><head><title>Ignored | Site</title>"
        "<meta property=\"og:title\" content=\"Crowd marches in Velmora\">"
        "<meta property=\"article:published_time\" content=\"2021-03-04T08:00:00Z\">"
        "</head><body><nav><a href=/>Home</a></nav>"
        "<article><h1>Crowd marches</h1><p>About 300 people marched &amp; sang.</p></article>"
        "<footer>Copyright</footer></body></html>");
  std::vector<ReadItem> items = Read({"site"});
  ASSERT_EQ(items.size(), 1u);
  const Document& doc = items[0].doc;
  ASSERT_TRUE(items[0].status.ok()) << items[0].status.ToString();
  EXPECT_EQ(doc.id, "site/story.html");
  EXPECT_EQ(doc.text, "Crowd marches\n\nAbout 300 people marched & sang.");
  EXPECT_EQ(doc.title, "Crowd marches in Velmora");
  EXPECT_EQ(doc.published, "2021-03-04");
}

TEST_F(ReadInputsTest, HtmlWithoutTextIsRejected) {
  Write("nav.html", "<html><body><nav>Home | News</nav><script>render()</script></body></html>");
  Write("none.html", "");
  std::vector<ReadItem> items = Read({"nav.html", "none.html"});
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].status.code(), ErrorCode::kEmptyDocument);
  EXPECT_NE(items[0].status.message().find("no article text"), std::string::npos);
  EXPECT_EQ(items[1].status.code(), ErrorCode::kEmptyDocument);
}

TEST_F(ReadInputsTest, HtmlInvalidUtf8AndBinaryAndDeepNesting) {
  Write("latin1.html", "<p>Caf\xE9</p>");
  Write("bin.html", std::string("<p>\0\0\0</p>", 10));
  std::string deep;
  for (size_t i = 0; i < kMaxHtmlNesting + 1; ++i) deep += "<div>";
  Write("deep.html", deep + "text");
  std::vector<ReadItem> items = Read({"latin1.html", "bin.html", "deep.html"});
  ASSERT_EQ(items.size(), 3u);
  ASSERT_TRUE(items[0].status.ok()) << items[0].status.ToString();
  EXPECT_EQ(items[0].doc.text, "Caf\xEF\xBF\xBD");
  ASSERT_EQ(items[0].doc.warnings.size(), 1u);
  EXPECT_NE(items[0].doc.warnings[0].find("first at byte 6 of the HTML file"), std::string::npos)
      << items[0].doc.warnings[0];
  EXPECT_EQ(items[1].status.code(), ErrorCode::kBinaryInput);
  EXPECT_EQ(items[2].status.code(), ErrorCode::kTooLarge);
  EXPECT_EQ(items[2].status.where(), "deep.html");
}

// The shared development sets (read in place, never copied): every line must be accepted.
TEST(ReadInputsSharedData, AcceptsEveryDevelopmentDocument) {
  fs::path dir = fs::path(EVIDENT_SHARED_DATA_DIR) / "dev";
  if (!fs::is_directory(dir)) GTEST_SKIP() << dir << " not present";
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".jsonl") continue;
    ++files;
    std::ifstream in(entry.path());
    size_t lines = 0;
    for (std::string line; std::getline(in, line);)
      lines += line.find_first_not_of(" \t\r") != std::string::npos;
    size_t items = 0;
    Status s = ReadInputs({entry.path().string()}, {}, [&](ReadItem&& item) {
      ++items;
      EXPECT_TRUE(item.status.ok()) << item.status.ToString();
      EXPECT_FALSE(item.doc.text.empty());
    });
    EXPECT_TRUE(s.ok());
    EXPECT_EQ(items, lines) << entry.path();
  }
  EXPECT_GT(files, 0u);
}

}  // namespace
}  // namespace evident::text
