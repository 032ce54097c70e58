// libFuzzer target for the input readers: every input is fed to ParseJsonlLine, ExtractArticle,
// PrepareText and, through a memfd, to ReadInputs as a JSONL file (the line splitter). Checks
// the invariants the later stages rely on, not just the absence of crashes:
//   - an accepted document has non-blank, valid UTF-8 text without NUL bytes, within the limit;
//   - every item has an id and an origin;
//   - published is empty or a real YYYY-MM-DD date.
// Build and run: see fuzz/CMakeLists.txt.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "common/date.h"
#include "common/utf8.h"
#include "text/document.h"
#include "text/html.h"
#include "text/reader.h"

namespace {

using evident::text::Document;
using evident::text::ReadItem;

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "reader_fuzz: invariant broken: %s\n", what);
    std::abort();
  }
}

void CheckPublished(const std::string& published) {
  Check(published.empty() || evident::ParseIsoDate(published).has_value(),
        "published is empty or YYYY-MM-DD");
}

void CheckItem(const ReadItem& item) {
  const Document& doc = item.doc;
  Check(!doc.id.empty(), "item has an id");
  Check(!doc.origin.empty(), "item has an origin");
  CheckPublished(doc.published);
  if (!item.status.ok()) {
    Check(!item.status.message().empty(), "a rejection has a message");
    return;
  }
  Check(!doc.text.empty(), "accepted text is not empty");
  Check(doc.text.size() <= 3 * evident::text::kMaxDocumentBytes, "accepted text within limit");
  Check(evident::FindInvalidUtf8(doc.text) == std::string_view::npos, "accepted text is UTF-8");
  Check(doc.text.find('\0') == std::string::npos, "accepted text has no NUL");
}

// A memfd holding the input, read back through ReadInputs as a JSONL file.
void FuzzJsonlFile(std::string_view input) {
  static int fd = memfd_create("reader_fuzz", 0);
  if (fd < 0) return;
  if (ftruncate(fd, 0) != 0 ||
      pwrite(fd, input.data(), input.size(), 0) != static_cast<ssize_t>(input.size())) {
    return;
  }
  evident::text::ReadOptions options;
  options.format = evident::text::InputFormat::kJsonl;
  options.default_published = "2020-01-01";
  std::string path = "/proc/self/fd/" + std::to_string(fd);
  size_t items = 0;
  evident::Status status = evident::text::ReadInputs({path}, options, [&](ReadItem&& item) {
    CheckItem(item);
    Check(!item.doc.published.empty(), "default_published is applied");
    ++items;
  });
  Check(status.ok(), "ReadInputs does not fail");
  Check(items <= input.size() / 2 + 1, "at most one item per line");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);

  evident::text::ReadOptions options;
  CheckItem(evident::text::ParseJsonlLine(input, "fuzz.jsonl:1", options));

  evident::text::HtmlArticle article = evident::text::ExtractArticle(input);
  CheckPublished(article.published);
  if (!article.text.empty()) {
    Check(article.text.front() != ' ' && article.text.back() != ' ', "HTML text is trimmed");
    Check(article.text.find("  ") == std::string::npos, "HTML whitespace is collapsed");
  }

  Document doc;
  doc.id = "fuzz";
  doc.text.assign(input);
  evident::Status status = evident::text::PrepareText(&doc);
  if (status.ok()) {
    ReadItem item{std::move(doc), status};
    item.doc.origin = "fuzz";
    CheckItem(item);
  }

  FuzzJsonlFile(input);
  return 0;
}
