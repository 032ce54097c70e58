// The WARC reader on small archives written at test time: plain and gzip (one member per
// record, and the whole file in one member), which records become documents, and the errors
// for truncated or inconsistent files (with the byte offset, and everything before kept).
#include "text/warc.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "text/reader.h"

namespace evident::text {
namespace {

namespace fs = std::filesystem;

std::string Record(const std::string& type, const std::string& uri, const std::string& date,
                   const std::string& content_type, const std::string& block, const std::string& id) {
  std::string r = "WARC/1.0\r\nWARC-Type: " + type + "\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + uri + "\r\n";
  r += "WARC-Date: " + date + "\r\nWARC-Record-ID: <urn:uuid:" + id + ">\r\n";
  if (!content_type.empty()) r += "Content-Type: " + content_type + "\r\n";
  r += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + block + "\r\n\r\n";
  return r;
}

std::string Http(const std::string& status, const std::string& headers, const std::string& body) {
  return "HTTP/1.1 " + status + "\r\n" + headers + "\r\n" + body;
}

std::string Page(const std::string& title, const std::string& text, const std::string& published = "") {
  std::string head = "<title>" + title + "</title>";
  if (!published.empty()) head += "<meta property=\"article:published_time\" content=\"" + published + "\">";
  return "<!DOCTYPE html><html><head>" + head + "</head><body><nav>Menu</nav><article><p>" + text +
         "</p></article></body></html>";
}

// One gzip member holding `data`.
std::string GzipMember(const std::string& data) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, Z_BEST_SPEED, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, data.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

// The archive used by most tests: 7 records, 3 of which are documents.
struct Archive {
  std::vector<std::string> records;
  Archive() {
    records.push_back(Record("warcinfo", "", "2024-03-01T00:00:00Z", "application/warc-fields",
                             "software: test\r\nformat: WARC File Format 1.0\r\n", "info-1"));
    records.push_back(Record("request", "https://news.example/a", "2024-03-01T10:00:00Z",
                             "application/http; msgtype=request", "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
                             "req-1"));
    records.push_back(Record(
        "response", "https://news.example/a", "2024-03-01T10:00:01Z", "application/http; msgtype=response",
        Http("200 OK", "Content-Type: text/html; charset=utf-8\r\n",
             Page("Protest in Varnholm", "Police in Varnholm detained 14 people on Monday.", "2024-02-26T08:00:00Z")),
        "resp-1"));
    records.push_back(Record("metadata", "https://news.example/a", "2024-03-01T10:00:01Z", "application/warc-fields",
                             "fetchTimeMs: 120\r\n", "meta-1"));
    records.push_back(Record(
        "response", "https://news.example/logo.png", "2024-03-01T10:00:02Z", "application/http; msgtype=response",
        Http("200 OK", "Content-Type: image/png\r\n", std::string("\x89PNG\r\n\x1a\n", 8)), "resp-2"));
    records.push_back(
        Record("response", "https://news.example/gone", "2024-03-01T10:00:03Z", "application/http; msgtype=response",
               Http("404 Not Found", "Content-Type: text/html\r\n", Page("Not found", "No such page.")), "resp-3"));
    // No date in the page: the WARC-Date stands in. Chunked and gzip-encoded payload.
    std::string body = GzipMember(Page("Court in Lorvik", "A court in Lorvik jailed three activists."));
    std::string chunked;
    for (size_t i = 0; i < body.size(); i += 10) {
      std::string part = body.substr(i, 10);
      char size[16];
      std::snprintf(size, sizeof size, "%zx", part.size());
      chunked += std::string(size) + "\r\n" + part + "\r\n";
    }
    chunked += "0\r\n\r\n";
    records.push_back(Record(
        "response", "https://news.example/b", "2024-03-02T11:30:00Z", "application/http; msgtype=response",
        Http("200 OK", "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n", chunked),
        "resp-4"));
    records.push_back(Record("resource", "file:///saved/c.html", "2024-03-03T09:00:00Z", "text/html",
                             Page("Release in Sundby", "Twelve detainees were released in Sundby."), "res-1"));
  }
  std::string Plain() const {
    std::string out;
    for (const auto& r : records) out += r;
    return out;
  }
  // One member per record; `offsets` gets each member's offset.
  std::string Gzip(std::vector<size_t>* offsets = nullptr) const {
    std::string out;
    for (const auto& r : records) {
      if (offsets) offsets->push_back(out.size());
      out += GzipMember(r);
    }
    return out;
  }
};

class WarcTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() / ("evident_warc_test_" + std::to_string(::getpid()) + "_" + info->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  static std::vector<ReadItem> Read(const std::string& path, const ReadOptions& options = {}) {
    std::vector<ReadItem> items;
    Status s = ReadInputs({path}, options, [&](ReadItem&& item) { items.push_back(std::move(item)); });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return items;
  }

  fs::path dir_;
};

void ExpectTheThreeDocuments(const std::vector<ReadItem>& items, size_t n) {
  ASSERT_GE(items.size(), n);
  if (n >= 1) {
    const Document& a = items[0].doc;
    EXPECT_TRUE(items[0].status.ok()) << items[0].status.ToString();
    EXPECT_EQ(a.id, "urn:uuid:resp-1");
    EXPECT_EQ(a.url, "https://news.example/a");
    EXPECT_EQ(a.title, "Protest in Varnholm");
    EXPECT_EQ(a.published, "2024-02-26");  // the page's own date beats the crawl date
    EXPECT_EQ(a.text, "Police in Varnholm detained 14 people on Monday.");
  }
  if (n >= 2) {
    const Document& b = items[1].doc;
    EXPECT_TRUE(items[1].status.ok()) << items[1].status.ToString();
    EXPECT_EQ(b.id, "urn:uuid:resp-4");
    EXPECT_EQ(b.published, "2024-03-02");  // WARC-Date when the page has none
    EXPECT_EQ(b.text, "A court in Lorvik jailed three activists.");
  }
  if (n >= 3) {
    const Document& c = items[2].doc;
    EXPECT_TRUE(items[2].status.ok()) << items[2].status.ToString();
    EXPECT_EQ(c.id, "urn:uuid:res-1");
    EXPECT_EQ(c.url, "file:///saved/c.html");
    EXPECT_EQ(c.text, "Twelve detainees were released in Sundby.");
  }
}

TEST(IsWarcPath, MatchesWarcAndWarcGzInAnyCase) {
  EXPECT_TRUE(IsWarcPath("a/CC-NEWS-2024.warc.gz"));
  EXPECT_TRUE(IsWarcPath("x.WARC"));
  EXPECT_TRUE(IsWarcPath("x.Warc.GZ"));
  EXPECT_FALSE(IsWarcPath("x.warc.gz.txt"));
  EXPECT_FALSE(IsWarcPath("x.gz"));
  EXPECT_FALSE(IsWarcPath("warc"));
}

TEST_F(WarcTest, PlainWarcYieldsHtmlResponsesAndResourcesOnly) {
  Archive archive;
  std::string path = Write("crawl.warc", archive.Plain());
  std::vector<ReadItem> items = Read(path);
  ASSERT_EQ(items.size(), 3u);
  ExpectTheThreeDocuments(items, 3);
  // origin: the record's byte offset in the file.
  size_t offset = archive.records[0].size() + archive.records[1].size();
  EXPECT_EQ(items[0].doc.origin, path + "@" + std::to_string(offset));
}

TEST_F(WarcTest, GzipWithOneMemberPerRecordGivesMemberOffsets) {
  Archive archive;
  std::vector<size_t> offsets;
  std::string path = Write("crawl.warc.gz", archive.Gzip(&offsets));
  std::vector<ReadItem> items = Read(path);
  ASSERT_EQ(items.size(), 3u);
  ExpectTheThreeDocuments(items, 3);
  EXPECT_EQ(items[0].doc.origin, path + "@" + std::to_string(offsets[2]));
  EXPECT_EQ(items[1].doc.origin, path + "@" + std::to_string(offsets[6]));
  EXPECT_EQ(items[2].doc.origin, path + "@" + std::to_string(offsets[7]));
}

TEST_F(WarcTest, WholeFileInOneGzipMember) {
  Archive archive;
  std::string path = Write("single.warc.gz", GzipMember(archive.Plain()));
  std::vector<ReadItem> items = Read(path);
  ASSERT_EQ(items.size(), 3u);
  ExpectTheThreeDocuments(items, 3);
  EXPECT_EQ(items[0].doc.origin, path + "@0");  // all records are in the member at byte 0
}

TEST_F(WarcTest, GzipIsDetectedByContentNotName) {
  Archive archive;
  std::string path = Write("mislabelled.warc", archive.Gzip());
  EXPECT_EQ(Read(path).size(), 3u);
}

TEST_F(WarcTest, TruncatedGzipKeepsEarlierRecordsAndNamesTheMemberOffset) {
  Archive archive;
  std::vector<size_t> offsets;
  std::string gz = archive.Gzip(&offsets);
  // Cut in the middle of the 7th member (the second document).
  size_t cut = offsets[6] + (offsets[7] - offsets[6]) / 2;
  std::string path = Write("cut.warc.gz", gz.substr(0, cut));
  std::vector<ReadItem> items = Read(path);
  ASSERT_EQ(items.size(), 2u);
  ExpectTheThreeDocuments(items, 1);
  const ReadItem& error = items[1];
  EXPECT_EQ(error.status.code(), ErrorCode::kIoError);
  std::string at = std::to_string(offsets[6]);
  EXPECT_EQ(error.status.where(), path + "@" + at);
  EXPECT_EQ(error.doc.id, path + "@" + at);
  EXPECT_NE(error.status.message().find("truncated gzip data"), std::string::npos) << error.status.message();
  EXPECT_NE(error.status.message().find("starts at byte " + at), std::string::npos) << error.status.message();
}

TEST_F(WarcTest, CorruptGzipDataIsAnErrorWithOffset) {
  Archive archive;
  std::vector<size_t> offsets;
  std::string gz = archive.Gzip(&offsets);
  for (size_t i = offsets[2] + 12; i < offsets[2] + 40; ++i) gz[i] = static_cast<char>(gz[i] ^ 0x5a);
  std::vector<ReadItem> items = Read(Write("bad.warc.gz", gz));
  ASSERT_FALSE(items.empty());
  const ReadItem& last = items.back();
  EXPECT_FALSE(last.status.ok());
  EXPECT_NE(last.status.where().find("@" + std::to_string(offsets[2])), std::string::npos) << last.status.where();
}

TEST_F(WarcTest, TooShortContentLengthStopsTheFileWithItsOffset) {
  Archive archive;
  std::string bad = archive.records[6];
  size_t pos = bad.find("Content-Length: ");
  size_t end = bad.find("\r\n", pos);
  size_t length = std::stoul(bad.substr(pos + 16, end - pos - 16));
  bad.replace(pos + 16, end - pos - 16, std::to_string(length - 5));
  std::string plain;
  for (int i = 0; i < 6; ++i) plain += archive.records[i];
  size_t offset = plain.size();
  plain += bad + archive.records[7];
  std::string path = Write("badlen.warc", plain);
  std::vector<ReadItem> items = Read(path);
  ASSERT_EQ(items.size(), 2u);
  ExpectTheThreeDocuments(items, 1);
  EXPECT_EQ(items[1].status.where(), path + "@" + std::to_string(offset));
  EXPECT_NE(items[1].status.message().find("bad Content-Length"), std::string::npos) << items[1].status.message();
}

TEST_F(WarcTest, FileEndingInsideABlockIsTruncation) {
  Archive archive;
  std::string plain = archive.records[0] + archive.records[1] + archive.records[2];
  size_t offset = plain.size();
  plain += archive.records[6].substr(0, archive.records[6].size() - 60);
  std::vector<ReadItem> items = Read(Write("short.warc", plain));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_NE(items[1].status.message().find("declares Content-Length"), std::string::npos) << items[1].status.message();
  EXPECT_NE(items[1].status.where().find("@" + std::to_string(offset)), std::string::npos);
}

TEST_F(WarcTest, MissingContentLengthAndNonWarcDataAreErrors) {
  std::string no_length = "WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n";
  std::vector<ReadItem> items = Read(Write("nolen.warc", no_length));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_NE(items[0].status.message().find("no Content-Length"), std::string::npos) << items[0].status.message();

  items = Read(Write("notwarc.warc", "<html><body>not an archive</body></html>\r\n\r\n"));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_NE(items[0].status.message().find("expected a WARC record"), std::string::npos) << items[0].status.message();
  EXPECT_NE(items[0].status.where().find("@0"), std::string::npos);
}

TEST_F(WarcTest, EmptyArticleAndUnsupportedEncodingRejectOnlyThatRecord) {
  Archive archive;
  std::string plain =
      Record("response", "https://x.example/empty", "2024-03-01T00:00:00Z", "application/http",
             Http("200 OK", "Content-Type: text/html\r\n", "<html><body><nav>menu</nav></body></html>"), "e-1") +
      Record("response", "https://x.example/br", "2024-03-01T00:00:00Z", "application/http",
             Http("200 OK", "Content-Type: text/html\r\nContent-Encoding: br\r\n", "\x1b\x02\x00"), "e-2") +
      archive.records[2];
  std::vector<ReadItem> items = Read(Write("mixed.warc", plain));
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].status.code(), ErrorCode::kEmptyDocument);
  EXPECT_EQ(items[0].doc.url, "https://x.example/empty");
  EXPECT_EQ(items[1].status.code(), ErrorCode::kBadField);
  EXPECT_NE(items[1].status.message().find("Content-Encoding 'br'"), std::string::npos);
  EXPECT_TRUE(items[2].status.ok());
}

TEST_F(WarcTest, DirectoriesDispatchWarcFilesByName) {
  Archive archive;
  Write("a.txt", "Police detained two people.");
  Write("b.warc.gz", archive.Gzip());
  std::vector<ReadItem> items = Read(dir_.string());
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].doc.text, "Police detained two people.");
  EXPECT_EQ(items[1].doc.id, "urn:uuid:resp-1");
}

TEST_F(WarcTest, EmptyFileHasNoDocuments) { EXPECT_TRUE(Read(Write("empty.warc.gz", "")).empty()); }

}  // namespace
}  // namespace evident::text
