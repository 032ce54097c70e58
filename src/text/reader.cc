#include "text/reader.h"

#include <fcntl.h>
#include <simdjson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "common/date.h"
#include "common/utf8.h"
#include "text/html.h"
#include "text/warc.h"

namespace evident::text {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kStdinName = "stdin";

// PERF: 1 MiB reads; JSONL lines are mostly under 64 KiB, so a read holds many of them.
constexpr size_t kReadChunkBytes = 1u << 20;

// ---- Small helpers ----

Status IoError(std::string_view action, const std::error_code& ec, const std::string& where) {
  std::string message = std::string(action) + ": " + ec.message();
  if (ec == std::errc::no_such_file_or_directory) {
    message += "; check the path";
  } else if (ec == std::errc::permission_denied) {
    message += "; check the permissions";
  }
  return Status(ErrorCode::kIoError, std::move(message), where);
}

Status IoError(std::string_view action, int err, const std::string& where) {
  return IoError(action, std::error_code(err, std::generic_category()), where);
}

ReadItem Rejected(const std::string& id, const std::string& origin, Status status) {
  ReadItem item;
  item.doc.id = id;
  item.doc.origin = origin;
  item.status = std::move(status);
  return item;
}

void ApplyDefaultPublished(Document* doc, const ReadOptions& options) {
  if (doc->published.empty()) doc->published = options.default_published;
}

bool IsBlankLine(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t'; });
}

InputFormat FormatFor(const fs::path& path, const ReadOptions& options) {
  if (options.format != InputFormat::kAuto) return options.format;
  std::string ext = path.extension().string();
  for (char& c : ext) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  if (ext == ".jsonl" || ext == ".ndjson") return InputFormat::kJsonl;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return InputFormat::kHtml;
  return InputFormat::kText;
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ > STDIN_FILENO) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

// read(2) that retries on EINTR. Returns bytes read, 0 at end, -1 on error (errno set).
ssize_t ReadSome(int fd, char* buf, size_t size) {
  while (true) {
    ssize_t n = ::read(fd, buf, size);
    if (n >= 0 || errno != EINTR) return n;
  }
}

// Reads all of `fd` into *out. *total is the input size; when it exceeds `limit`, *out is
// left empty and the rest of the input is only counted (a regular file is not read at all).
// Returns errno on a read error, 0 otherwise.
int ReadWhole(int fd, size_t limit, std::string* out, size_t* total) {
  out->clear();
  *total = 0;
  struct stat st;
  size_t initial = 64 * 1024;  // pipes and devices: grown by doubling
  bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (regular) {
    size_t expected = static_cast<size_t>(st.st_size);
    if (expected > limit) {
      *total = expected;
      return 0;
    }
    // PERF: one read of the known size, then one more to see the end.
    initial = expected + 1;
  }
  out->resize(initial);
  size_t size = 0;
  while (true) {
    if (size == out->size()) out->resize(std::min(out->size() * 2, limit + 1));
    ssize_t n = ReadSome(fd, out->data() + size, out->size() - size);
    if (n < 0) return errno;
    if (n == 0) break;
    size += static_cast<size_t>(n);
    if (size > limit) {
      // Over the limit: count the rest so the message can give the size.
      std::vector<char> scratch(kReadChunkBytes);
      while ((n = ReadSome(fd, scratch.data(), scratch.size())) > 0) size += static_cast<size_t>(n);
      if (n < 0) return errno;
      out->clear();
      out->shrink_to_fit();
      *total = size;
      return 0;
    }
  }
  out->resize(size);
  // Documents may wait in a queue: do not keep a 64 KiB buffer for a 200-byte text.
  if (out->capacity() > size + size / 4 + 4096) out->shrink_to_fit();
  *total = size;
  return 0;
}

// Splits a stream into lines without holding more than the current line (plus one read) in
// memory. Each line returned lies in a buffer with at least SIMDJSON_PADDING readable bytes
// after it, so simdjson parses it in place.
class LineReader {
 public:
  explicit LineReader(int fd) : fd_(fd), buf_(InitialCapacity(fd) + simdjson::SIMDJSON_PADDING) {}

  // Next line without its '\n'. Returns false at the end of input or on a read error (see
  // error()). A line over kMaxJsonlLineBytes is skipped: *too_long is set, *line is empty and
  // *length holds the line's size.
  bool Next(std::string_view* line, size_t* length, bool* too_long) {
    *too_long = false;
    while (true) {
      if (scan_ < end_) {
        if (const void* nl = std::memchr(buf_.data() + scan_, '\n', end_ - scan_)) {
          size_t pos = static_cast<const char*>(nl) - buf_.data();
          *line = std::string_view(buf_.data() + begin_, pos - begin_);
          *length = line->size();
          begin_ = scan_ = pos + 1;
          return true;
        }
        scan_ = end_;
      }
      if (eof_) {
        if (begin_ == end_) return false;
        *line = std::string_view(buf_.data() + begin_, end_ - begin_);
        *length = line->size();
        begin_ = scan_ = end_;
        return true;
      }
      Compact();
      if (end_ == Capacity()) {
        if (Capacity() >= kMaxJsonlLineBytes) {
          *line = {};
          *length = SkipRestOfLine();
          *too_long = true;
          return true;
        }
        buf_.resize(std::min(Capacity() * 2, kMaxJsonlLineBytes) + simdjson::SIMDJSON_PADDING);
      }
      Fill();
    }
  }

  int error() const { return error_; }

 private:
  // A small file gets a buffer of its size (many small JSONL files are common), anything else
  // one read chunk.
  static size_t InitialCapacity(int fd) {
    struct stat st;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
      return std::clamp<size_t>(static_cast<size_t>(st.st_size) + 1, 4096, kReadChunkBytes);
    }
    return kReadChunkBytes;
  }

  size_t Capacity() const { return buf_.size() - simdjson::SIMDJSON_PADDING; }

  void Compact() {
    if (begin_ == 0) return;
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    end_ -= begin_;
    scan_ -= begin_;
    begin_ = 0;
  }

  void Fill() {
    ssize_t n = ReadSome(fd_, buf_.data() + end_, Capacity() - end_);
    if (n < 0) {
      error_ = errno;
      eof_ = true;
    } else if (n == 0) {
      eof_ = true;
    } else {
      end_ += static_cast<size_t>(n);
    }
    // The padding after the data is blank, so a last line without '\n' ends in whitespace.
    std::memset(buf_.data() + end_, ' ', simdjson::SIMDJSON_PADDING);
  }

  // The buffer is full with one unfinished line: drops it and the rest of it up to the next
  // '\n'. Returns the line's length.
  size_t SkipRestOfLine() {
    size_t length = end_ - begin_;
    begin_ = scan_ = end_ = 0;
    while (!eof_) {
      Fill();
      if (const void* nl = std::memchr(buf_.data(), '\n', end_)) {
        size_t pos = static_cast<const char*>(nl) - buf_.data();
        length += pos;
        begin_ = scan_ = pos + 1;
        return length;
      }
      length += end_;
      end_ = 0;
    }
    return length;
  }

  int fd_;
  std::vector<char> buf_;
  size_t begin_ = 0;  // start of the current line
  size_t scan_ = 0;   // bytes before this hold no '\n'
  size_t end_ = 0;    // end of data read
  bool eof_ = false;
  int error_ = 0;
};

// ---- JSONL ----

std::string_view JsonTypeName(simdjson::dom::element_type type) {
  using T = simdjson::dom::element_type;
  switch (type) {
    case T::ARRAY:
      return "an array";
    case T::OBJECT:
      return "an object";
    case T::INT64:
    case T::UINT64:
    case T::DOUBLE:
      return "a number";
    case T::STRING:
      return "a string";
    case T::BOOL:
      return "a boolean";
    case T::NULL_VALUE:
      return "null";
  }
  return "a value";
}

// Decimal text of a JSON number id: 42 -> "42", 4.5 -> "4.5".
std::string NumberText(simdjson::dom::element value) {
  using T = simdjson::dom::element_type;
  switch (value.type()) {
    case T::INT64:
      return std::to_string(value.get_int64().value_unsafe());
    case T::UINT64:
      return std::to_string(value.get_uint64().value_unsafe());
    default: {
      char buf[64];
      auto result = std::to_chars(buf, buf + sizeof buf, value.get_double().value_unsafe());
      return std::string(buf, result.ptr);
    }
  }
}

bool IsNumber(simdjson::dom::element_type type) {
  using T = simdjson::dom::element_type;
  return type == T::INT64 || type == T::UINT64 || type == T::DOUBLE;
}

std::string Quoted(std::string_view s) { return "\"" + Fragment(s) + "\""; }

// `padded`: line.data() is followed by SIMDJSON_PADDING readable bytes (no copy needed).
ReadItem ParseJsonl(std::string_view line, bool padded, const std::string& origin,
                    const ReadOptions& options) {
  ReadItem item;
  Document& doc = item.doc;
  doc.id = origin;
  doc.origin = origin;
  ApplyDefaultPublished(&doc, options);

  // PERF: one parser per thread keeps its buffers across lines (no allocation per line). Its
  // buffers take ~14x the line size, so rare long lines get a parser of their own that is
  // freed afterwards (a 32 MiB line would otherwise pin ~450 MB).
  constexpr size_t kLongLineBytes = 1u << 20;
  thread_local simdjson::dom::parser line_parser;
  std::unique_ptr<simdjson::dom::parser> long_line_parser;
  simdjson::dom::parser* parser = &line_parser;
  if (line.size() > kLongLineBytes) {
    long_line_parser = std::make_unique<simdjson::dom::parser>();
    parser = long_line_parser.get();
  }
  simdjson::dom::element root;
  auto error = parser->parse(line.data(), line.size(), /*realloc_if_needed=*/!padded).get(root);
  std::string repaired;
  if (error == simdjson::UTF8_ERROR) {
    // Invalid bytes are all >= 0x80, so replacing them cannot change the JSON structure.
    size_t first = FindInvalidUtf8(line);
    repaired.assign(line);
    size_t count = RepairUtf8(repaired);
    doc.warnings.push_back(
        "invalid UTF-8: " + std::to_string(count) + (count == 1 ? " sequence" : " sequences") +
        " replaced with U+FFFD (first at byte " + std::to_string(first) + " of the JSONL line)");
    error = parser->parse(repaired.data(), repaired.size(), /*realloc_if_needed=*/true).get(root);
  }
  if (error) {
    item.status =
        Status(ErrorCode::kBadJson,
               std::string("not valid JSON (") + simdjson::error_message(error) + "): '" +
                   Fragment(line) + "'; each line must be one JSON object with a \"text\" field",
               origin);
    return item;
  }
  simdjson::dom::object object;
  if (root.get(object)) {
    item.status =
        Status(ErrorCode::kBadJson,
               "line is " + std::string(JsonTypeName(root.type())) + ", not a JSON object: '" +
                   Fragment(line) + "'; each line must be one JSON object with a \"text\" field",
               origin);
    return item;
  }

  bool has_text = false;
  std::string text_problem;  // set when "text" exists but is not a string
  std::string id_problem;    // set when "id" is neither string nor number
  size_t field_count = 0;
  for (auto field : object) {
    std::string_view key = field.key;
    simdjson::dom::element value = field.value;
    simdjson::dom::element_type type = value.type();
    ++field_count;
    if (key == "text") {
      if (type == simdjson::dom::element_type::STRING) {
        std::string_view text = value.get_string().value_unsafe();
        doc.text.assign(text.data(), text.size());
        has_text = true;
        text_problem.clear();
      } else {
        text_problem = "\"text\" is " + std::string(JsonTypeName(type)) +
                       ", expected a string with the article text";
      }
    } else if (key == "id") {
      if (type == simdjson::dom::element_type::STRING) {
        std::string_view id = value.get_string().value_unsafe();
        if (id.empty()) {
          doc.warnings.push_back("\"id\" is empty; using \"" + origin + "\"");
        } else {
          doc.id.assign(id.data(), id.size());
        }
      } else if (IsNumber(type)) {
        doc.id = NumberText(value);
      } else if (type != simdjson::dom::element_type::NULL_VALUE) {
        id_problem = "\"id\" is " + std::string(JsonTypeName(type)) +
                     "; give a string or a number, or leave it out to use \"file:line\"";
      }
    } else if (key == "published") {
      if (type == simdjson::dom::element_type::STRING) {
        std::string_view value_text = value.get_string().value_unsafe();
        if (value_text.empty()) continue;
        std::string date = PublishedDate(value_text);
        if (!date.empty()) {
          doc.published = std::move(date);
        } else {
          doc.warnings.push_back("\"published\" value " + Quoted(value_text) +
                                 " is not a date; write YYYY-MM-DD (or an ISO timestamp "
                                 "starting with it); ignored");
        }
      } else if (type != simdjson::dom::element_type::NULL_VALUE) {
        doc.warnings.push_back("\"published\" is " + std::string(JsonTypeName(type)) +
                               ", expected a \"YYYY-MM-DD\" string; ignored");
      }
    } else if (key == "title" || key == "url") {
      std::string& target = key == "title" ? doc.title : doc.url;
      if (type == simdjson::dom::element_type::STRING) {
        std::string_view s = value.get_string().value_unsafe();
        target.assign(s.data(), s.size());
      } else if (type != simdjson::dom::element_type::NULL_VALUE) {
        doc.warnings.push_back("\"" + std::string(key) + "\" is " +
                               std::string(JsonTypeName(type)) + ", expected a string; ignored");
      }
    }
  }
  if (!has_text) {
    // The field names for the message, built only now (PERF: not for every document).
    std::string field_names;
    size_t listed = 0;
    for (auto field : object) {
      if (++listed > 8) {
        field_names += ", ...";
        break;
      }
      field_names += (listed > 1 ? ", " : "") + Fragment(field.key, 20);
    }
    std::string message =
        !text_problem.empty() ? text_problem
        : field_count == 0
            ? "no \"text\" field (the object is empty); each line needs \"text\": \"<article>\""
            : "no \"text\" field (fields: " + field_names +
                  "); each line needs \"text\": \"<article>\"";
    item.status = Status(ErrorCode::kMissingText, std::move(message), origin);
    return item;
  }
  if (!id_problem.empty()) {
    item.status = Status(ErrorCode::kBadField, std::move(id_problem), origin);
    return item;
  }
  item.status = PrepareText(&doc);
  return item;
}

void ReadJsonl(int fd, const std::string& name, const ReadOptions& options, const ItemSink& sink) {
  LineReader reader(fd);
  std::string_view line;
  size_t length = 0;
  bool too_long = false;
  size_t line_number = 0;
  while (reader.Next(&line, &length, &too_long)) {
    ++line_number;
    std::string origin = name + ":" + std::to_string(line_number);
    if (too_long) {
      sink(Rejected(
          origin, origin,
          Status(ErrorCode::kTooLarge,
                 "JSONL line is " + std::to_string(length) + " bytes, over the limit of " +
                     std::to_string(kMaxJsonlLineBytes) + " bytes for one line; split the document",
                 origin)));
      continue;
    }
    if (line_number == 1 && line.starts_with(kUtf8Bom)) line.remove_prefix(kUtf8Bom.size());
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (IsBlankLine(line)) continue;
    sink(ParseJsonl(line, /*padded=*/true, origin, options));
  }
  if (reader.error() != 0) {
    std::string where = name + ":" + std::to_string(line_number + 1);
    sink(Rejected(
        where, where,
        IoError("read failed after line " + std::to_string(line_number), reader.error(), where)));
  }
}

// ---- Plain text and HTML ----

void ReadText(int fd, const std::string& name, const ReadOptions& options, const ItemSink& sink) {
  ReadItem item;
  item.doc.id = name;
  item.doc.origin = name;
  ApplyDefaultPublished(&item.doc, options);
  size_t total = 0;
  if (int err = ReadWhole(fd, kMaxDocumentBytes, &item.doc.text, &total)) {
    item.doc.text.clear();
    item.status = IoError("read failed", err, name);
  } else if (total > kMaxDocumentBytes) {
    item.status = CheckDocumentSize(total, name);
  } else {
    item.status = PrepareText(&item.doc);
  }
  sink(std::move(item));
}

// The checks PrepareText makes, on the raw page, so that offsets in messages refer to the file.
Status PrepareHtml(std::string* html, size_t total, const std::string& name,
                   std::vector<std::string>* warnings) {
  if (total > kMaxDocumentBytes) return CheckDocumentSize(total, name);
  size_t bom = html->starts_with(kUtf8Bom) ? kUtf8Bom.size() : 0;
  if (html->size() == bom) {
    return Status(ErrorCode::kEmptyDocument, "the HTML file is empty; there is nothing to code",
                  name);
  }
  if (Status s = CheckNotBinary(*html, name); !s.ok()) return s;
  html->erase(0, bom);
  size_t first = FindInvalidUtf8(*html);
  if (first != std::string_view::npos) {
    size_t count = RepairUtf8(*html);
    warnings->push_back("invalid UTF-8: " + std::to_string(count) +
                        (count == 1 ? " sequence" : " sequences") +
                        " replaced with U+FFFD (first at byte " + std::to_string(first + bom) +
                        " of the HTML file; is the page in another encoding?)");
  }
  return CheckHtmlNesting(*html, name);
}

void ReadHtml(int fd, const std::string& name, const ReadOptions& options, const ItemSink& sink) {
  ReadItem item;
  Document& doc = item.doc;
  doc.id = name;
  doc.origin = name;
  std::string html;
  size_t total = 0;
  if (int err = ReadWhole(fd, kMaxDocumentBytes, &html, &total)) {
    item.status = IoError("read failed", err, name);
  } else {
    item.status = PrepareHtml(&html, total, name, &doc.warnings);
  }
  if (item.status.ok()) {
    HtmlArticle article = ExtractArticle(html);
    doc.text = std::move(article.text);
    doc.title = std::move(article.title);
    doc.published = std::move(article.published);
    if (doc.text.empty()) {
      item.status = Status(ErrorCode::kEmptyDocument,
                           "no article text found in the HTML (looked in itemprop=articleBody, "
                           "<article>, <main>, <body>); if the page builds its text with "
                           "JavaScript, save the rendered page or pass the text as plain text",
                           name);
    } else {
      item.status = PrepareText(&doc);
    }
  }
  ApplyDefaultPublished(&doc, options);
  sink(std::move(item));
}

void ReadStream(int fd, const std::string& name, InputFormat format, const ReadOptions& options,
                const ItemSink& sink) {
  switch (format) {
    case InputFormat::kJsonl:
      ReadJsonl(fd, name, options, sink);
      return;
    case InputFormat::kHtml:
      ReadHtml(fd, name, options, sink);
      return;
    case InputFormat::kAuto:
    case InputFormat::kText:
      ReadText(fd, name, options, sink);
      return;
  }
}

void ReadFile(const std::string& path, const ReadOptions& options, const ItemSink& sink) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    sink(Rejected(path, path, IoError("cannot open", errno, path)));
    return;
  }
  FileDescriptor file(fd);
  if (options.format == InputFormat::kAuto && IsWarcPath(path)) {
    ReadWarc(file.get(), path, options, sink);  // web archives (warc.h)
    return;
  }
  ReadStream(file.get(), path, FormatFor(path, options), options, sink);
}

// Files under `root` (hidden entries skipped, symlinked directories not followed), sorted by
// path, each read in turn. Unreadable directories and broken links become rejected items in
// their place in the order.
void ReadDirectory(const std::string& root, const ReadOptions& options, const ItemSink& sink) {
  struct Entry {
    std::string path;
    Status error;
  };
  std::vector<Entry> entries;
  std::vector<fs::path> pending = {fs::path(root)};
  while (!pending.empty()) {
    fs::path dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const fs::directory_entry& entry = *it;
      if (entry.path().filename().native().starts_with('.')) continue;
      std::string path = entry.path().string();
      std::error_code status_ec;
      fs::file_status st = entry.symlink_status(status_ec);
      bool is_link = !status_ec && fs::is_symlink(st);
      if (is_link) st = entry.status(status_ec);  // what the link points to
      if (status_ec) {
        entries.push_back({path, IoError("cannot read", status_ec, path)});
      } else if (fs::is_directory(st)) {
        if (!is_link) pending.push_back(entry.path());
      } else if (fs::is_regular_file(st)) {
        entries.push_back({std::move(path), Status::Ok()});
      }
      // Sockets, FIFOs and devices are not documents.
    }
    if (ec) {
      std::string path = dir.string();
      entries.push_back({path, IoError("cannot read directory", ec, path)});
    }
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.path < b.path; });
  for (Entry& entry : entries) {
    if (entry.error.ok()) {
      ReadFile(entry.path, options, sink);
    } else {
      sink(Rejected(entry.path, entry.path, std::move(entry.error)));
    }
  }
}

}  // namespace

ReadItem ParseJsonlLine(std::string_view line, const std::string& origin,
                        const ReadOptions& options) {
  return ParseJsonl(line, /*padded=*/false, origin, options);
}

Status ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                  const ItemSink& sink) {
  if (!options.default_published.empty() && !ParseIsoDate(options.default_published)) {
    return Status(ErrorCode::kUsage,
                  "default publication date '" + Fragment(options.default_published) +
                      "' is not a date; write YYYY-MM-DD",
                  "--published");
  }
  for (const std::string& input : inputs) {
    if (input == "-") {
      InputFormat format =
          options.format == InputFormat::kAuto ? InputFormat::kText : options.format;
      ReadStream(STDIN_FILENO, std::string(kStdinName), format, options, sink);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(input, ec);
    if (ec) {
      sink(Rejected(input, input, IoError("cannot read", ec, input)));
    } else if (fs::is_directory(st)) {
      ReadDirectory(input, options, sink);
    } else {
      ReadFile(input, options, sink);
    }
  }
  return Status::Ok();
}

}  // namespace evident::text
