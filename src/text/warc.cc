#include "text/warc.h"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "common/utf8.h"
#include "text/html.h"

namespace evident::text {
namespace {

// PERF: 256 KiB reads and inflate steps; a Common Crawl News record is 10-100 KiB compressed.
constexpr size_t kChunkBytes = 256u << 10;
// A WARC or HTTP header block longer than this is treated as corrupt input.
constexpr size_t kMaxHeaderBytes = 256u << 10;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (Lower(a[i]) != Lower(b[i])) return false;
  return true;
}

bool IContains(std::string_view haystack, std::string_view needle) {
  if (needle.size() > haystack.size()) return false;
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i)
    if (IEquals(haystack.substr(i, needle.size()), needle)) return true;
  return false;
}

bool IStartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && IEquals(s.substr(0, prefix.size()), prefix);
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

ssize_t ReadSome(int fd, char* buf, size_t size) {
  while (true) {
    ssize_t n = ::read(fd, buf, size);
    if (n >= 0 || errno != EINTR) return n;
  }
}

// The decompressed bytes of a plain or gzip WARC file, with the offsets messages need. Bytes
// are produced on demand into a buffer; the caller looks at Available(), then Consume()s.
class ByteSource {
 public:
  ByteSource(int fd, const std::string& name) : fd_(fd), name_(name) {}
  ~ByteSource() {
    if (zlib_ready_) inflateEnd(&zs_);
  }
  ByteSource(const ByteSource&) = delete;
  ByteSource& operator=(const ByteSource&) = delete;

  // Makes at least `n` bytes available after the read position. False when the data ends (or
  // fails, see error()) first; Available() then holds what there is.
  bool Ensure(size_t n) {
    while (buf_.size() - begin_ < n) {
      if (!Produce()) return false;
    }
    return true;
  }

  std::string_view Available() const { return std::string_view(buf_).substr(begin_); }

  void Consume(size_t n) {
    begin_ += n;
    offset_ += n;
    if (begin_ == buf_.size()) {
      buf_.clear();
      begin_ = 0;
    } else if (begin_ >= kChunkBytes && begin_ * 2 >= buf_.size()) {
      buf_.erase(0, begin_);
      begin_ = 0;
    }
  }

  // Discards `n` bytes without holding them. Returns the number discarded (< n at the end).
  uint64_t Skip(uint64_t n) {
    uint64_t done = 0;
    while (done < n) {
      if (begin_ == buf_.size() && !Produce()) break;
      size_t take = static_cast<size_t>(std::min<uint64_t>(n - done, buf_.size() - begin_));
      Consume(take);
      done += take;
    }
    return done;
  }

  // True when no byte is left: nothing buffered and the input is exhausted (or failed).
  bool AtEnd() { return begin_ == buf_.size() && !Produce(); }

  bool gzip() const { return gzip_; }
  uint64_t offset() const { return offset_; }  // decompressed offset of the read position

  // Where the byte at the read position starts in the file: its own offset in a plain file,
  // the start of its gzip member in a gzip file. Call after Ensure() so the member is known.
  uint64_t FileOffset() {
    if (!gzip_) return offset_;
    while (members_.size() > 1 && members_[1].first <= offset_) members_.pop_front();
    return members_.empty() ? compressed_pos_ : members_.front().second;
  }

  const Status& error() const { return error_; }

 private:
  // Appends more decompressed bytes to buf_. False at the end of the input or on an error.
  bool Produce() {
    if (done_) return false;
    if (!started_) {
      started_ = true;
      if (!ReadInput()) return Finish();
      gzip_ =
          in_.size() >= 2 && static_cast<unsigned char>(in_[0]) == 0x1f && static_cast<unsigned char>(in_[1]) == 0x8b;
      if (gzip_) {
        if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) {
          return Fail(Status(ErrorCode::kIoError, "cannot start the gzip decoder (out of memory?)", name_));
        }
        zlib_ready_ = true;
      }
    }
    return gzip_ ? Inflate() : CopyPlain();
  }

  bool Finish() {
    done_ = true;
    return false;
  }

  bool Fail(Status status) {
    error_ = std::move(status);
    return Finish();
  }

  // Reads the next chunk of the file into in_ (replacing what was consumed). False at the end.
  bool ReadInput() {
    size_t keep = in_.size() - in_pos_;
    in_.erase(0, in_pos_);
    in_pos_ = 0;
    in_.resize(keep + kChunkBytes);
    ssize_t n = ReadSome(fd_, in_.data() + keep, kChunkBytes);
    if (n < 0) {
      in_.resize(keep);
      Fail(Status(ErrorCode::kIoError,
                  "read failed at byte " + std::to_string(file_read_) + ": " + std::strerror(errno),
                  name_ + "@" + std::to_string(file_read_)));
      return false;
    }
    in_.resize(keep + static_cast<size_t>(n));
    file_read_ += static_cast<uint64_t>(n);
    return n > 0;
  }

  bool CopyPlain() {
    if (in_pos_ == in_.size() && !ReadInput()) return Finish();
    buf_.append(in_, in_pos_, std::string::npos);
    in_pos_ = in_.size();
    return true;
  }

  std::string Where(uint64_t at) const { return name_ + "@" + std::to_string(at); }

  bool Inflate() {
    while (true) {
      if (in_pos_ == in_.size() && !ReadInput()) {
        if (!error_.ok()) return Finish();
        if (in_member_) {
          return Fail(Status(ErrorCode::kIoError,
                             "truncated gzip data: the file ends inside the gzip member that starts at byte " +
                                 std::to_string(member_start_) + " (" +
                                 std::to_string(compressed_pos_ - member_start_) +
                                 " bytes of it present); the records before it were read; "
                                 "download the file again",
                             Where(member_start_)));
        }
        return Finish();
      }
      if (!in_member_) {
        // A new member: it must start with the gzip magic bytes.
        if (in_.size() - in_pos_ < 2 && !ReadInput() && !error_.ok()) return Finish();
        std::string_view rest = std::string_view(in_).substr(in_pos_);
        if (rest.size() < 2 || static_cast<unsigned char>(rest[0]) != 0x1f ||
            static_cast<unsigned char>(rest[1]) != 0x8b) {
          return Fail(Status(ErrorCode::kIoError,
                             "data after the last gzip member at byte " + std::to_string(compressed_pos_) +
                                 " is not gzip ('" + Fragment(rest, 16) +
                                 "'); the records before it were read; is the file damaged?",
                             Where(compressed_pos_)));
        }
        inflateReset(&zs_);
        in_member_ = true;
        member_start_ = compressed_pos_;
        members_.emplace_back(offset_ + (buf_.size() - begin_), member_start_);
      }
      size_t old_size = buf_.size();
      buf_.resize(old_size + kChunkBytes);
      zs_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
      zs_.avail_in = static_cast<uInt>(in_.size() - in_pos_);
      zs_.next_out = reinterpret_cast<Bytef*>(buf_.data() + old_size);
      zs_.avail_out = static_cast<uInt>(kChunkBytes);
      int ret = inflate(&zs_, Z_NO_FLUSH);
      size_t used = (in_.size() - in_pos_) - zs_.avail_in;
      size_t produced = kChunkBytes - zs_.avail_out;
      buf_.resize(old_size + produced);
      in_pos_ += used;
      compressed_pos_ += used;
      if (ret == Z_STREAM_END) {
        in_member_ = false;
      } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
        std::string why = zs_.msg ? zs_.msg : "zlib error " + std::to_string(ret);
        return Fail(Status(ErrorCode::kIoError,
                           "corrupt gzip data near byte " + std::to_string(compressed_pos_) +
                               " in the gzip member that starts at byte " + std::to_string(member_start_) + " (" + why +
                               "); the records before it were read",
                           Where(member_start_)));
      }
      if (produced > 0) return true;
    }
  }

  int fd_;
  const std::string& name_;
  std::string buf_;  // decompressed bytes; [begin_, size) not yet consumed
  size_t begin_ = 0;
  uint64_t offset_ = 0;  // decompressed offset of buf_[begin_]
  std::string in_;       // raw bytes read from the file; [in_pos_, size) not yet used
  size_t in_pos_ = 0;
  uint64_t file_read_ = 0;       // bytes read from the file
  uint64_t compressed_pos_ = 0;  // file offset of in_[in_pos_]
  bool started_ = false, done_ = false, gzip_ = false;
  z_stream zs_{};
  bool zlib_ready_ = false, in_member_ = false;
  uint64_t member_start_ = 0;
  // (decompressed offset, file offset) where each gzip member not yet fully consumed starts.
  std::deque<std::pair<uint64_t, uint64_t>> members_;
  Status error_;
};

// Header fields: "Name: value" lines; names compared case-insensitively.
struct Headers {
  std::string_view first_line;
  std::vector<std::pair<std::string_view, std::string_view>> fields;

  std::string_view Get(std::string_view name) const {
    for (const auto& [k, v] : fields)
      if (IEquals(k, name)) return v;
    return {};
  }
  bool Has(std::string_view name) const {
    for (const auto& [k, v] : fields)
      if (IEquals(k, name)) return true;
    return false;
  }
};

// Parses a header block (lines ended by CRLF or LF, without the blank line that ends it).
// Continuation lines (starting with a space or tab) are appended to nothing; they are rare and
// no field this reader uses is folded.
Headers ParseHeaders(std::string_view block) {
  Headers h;
  bool first = true;
  while (!block.empty()) {
    size_t nl = block.find('\n');
    std::string_view line = block.substr(0, nl);
    block = nl == std::string_view::npos ? std::string_view() : block.substr(nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (first) {
      h.first_line = line;
      first = false;
      continue;
    }
    if (line.empty() || line.front() == ' ' || line.front() == '\t') continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    h.fields.emplace_back(Trim(line.substr(0, colon)), Trim(line.substr(colon + 1)));
  }
  return h;
}

// Offset of the blank line ending a header block in `data`, and the size of the terminator
// ("\r\n\r\n" or "\n\n"). nullopt if not found.
std::optional<std::pair<size_t, size_t>> FindHeaderEnd(std::string_view data) {
  size_t crlf = data.find("\r\n\r\n");
  size_t lf = data.find("\n\n");
  if (crlf == std::string_view::npos && lf == std::string_view::npos) return std::nullopt;
  if (lf < crlf) return std::make_pair(lf, size_t{2});
  return std::make_pair(crlf, size_t{4});
}

std::optional<uint64_t> ParseLength(std::string_view s) {
  if (s.empty() || s.size() > 15) return std::nullopt;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  return v;
}

bool IsHtmlType(std::string_view content_type) {
  return IContains(content_type, "html");  // text/html, application/xhtml+xml
}

bool LooksLikeHtml(std::string_view payload) {
  size_t i = 0;
  if (payload.starts_with("\xEF\xBB\xBF")) i = 3;
  while (i < payload.size() && (payload[i] == ' ' || payload[i] == '\t' || payload[i] == '\r' || payload[i] == '\n'))
    ++i;
  std::string_view rest = payload.substr(i);
  return IStartsWith(rest, "<!doctype html") || IStartsWith(rest, "<html");
}

// Decodes Transfer-Encoding: chunked. False on malformed input.
bool Dechunk(std::string_view in, std::string* out) {
  out->clear();
  while (true) {
    size_t nl = in.find('\n');
    if (nl == std::string_view::npos) return false;
    std::string_view line = in.substr(0, nl);
    in.remove_prefix(nl + 1);
    size_t semi = line.find(';');  // chunk extensions
    line = Trim(line.substr(0, semi));
    if (line.empty() || line.size() > 12) return false;
    uint64_t size = 0;
    for (char c : line) {
      int d = (c >= '0' && c <= '9') ? c - '0' : (Lower(c) >= 'a' && Lower(c) <= 'f') ? Lower(c) - 'a' + 10 : -1;
      if (d < 0) return false;
      size = size * 16 + static_cast<uint64_t>(d);
    }
    if (size == 0) return true;  // trailers, if any, are ignored
    if (size > in.size()) return false;
    out->append(in.substr(0, size));
    in.remove_prefix(size);
    if (in.starts_with("\r\n"))
      in.remove_prefix(2);
    else if (in.starts_with("\n"))
      in.remove_prefix(1);
    else
      return false;
  }
}

// Inflates a gzip or zlib (Content-Encoding: gzip / deflate) payload, up to `limit` bytes.
// Returns an error message, or "" on success.
std::string InflateBody(std::string_view in, size_t limit, std::string* out) {
  z_stream zs{};
  if (inflateInit2(&zs, 32 + MAX_WBITS) != Z_OK) return "cannot start the decoder";  // gzip or zlib
  out->clear();
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  int ret = Z_OK;
  while (ret != Z_STREAM_END) {
    size_t old = out->size();
    if (old > limit) {
      inflateEnd(&zs);
      return "the decompressed page is over " + std::to_string(limit) + " bytes";
    }
    out->resize(old + kChunkBytes);
    zs.next_out = reinterpret_cast<Bytef*>(out->data() + old);
    zs.avail_out = static_cast<uInt>(kChunkBytes);
    ret = inflate(&zs, Z_NO_FLUSH);
    out->resize(old + (kChunkBytes - zs.avail_out));
    if (ret == Z_BUF_ERROR || (ret == Z_OK && zs.avail_in == 0 && zs.avail_out != 0)) {
      inflateEnd(&zs);
      return "the compressed page is truncated";
    }
    if (ret != Z_OK && ret != Z_STREAM_END) {
      std::string why = zs.msg ? zs.msg : "zlib error " + std::to_string(ret);
      inflateEnd(&zs);
      return why;
    }
  }
  inflateEnd(&zs);
  return "";
}

// The checks ReadHtml makes on a page (reader.cc), then article extraction and PrepareText.
void HtmlToItem(std::string html, ReadItem* item) {
  Document& doc = item->doc;
  const std::string& where = doc.origin;
  if (Status s = CheckDocumentSize(html.size(), where); !s.ok()) {
    item->status = s;
    return;
  }
  if (html.starts_with("\xEF\xBB\xBF")) html.erase(0, 3);
  if (Trim(html).empty()) {
    item->status = Status(ErrorCode::kEmptyDocument, "the HTML page in the WARC record is empty", where);
    return;
  }
  if (Status s = CheckNotBinary(html, where); !s.ok()) {
    item->status = s;
    return;
  }
  size_t first = FindInvalidUtf8(html);
  if (first != std::string_view::npos) {
    size_t count = RepairUtf8(html);
    doc.warnings.push_back("invalid UTF-8: " + std::to_string(count) + (count == 1 ? " sequence" : " sequences") +
                           " replaced with U+FFFD (first at byte " + std::to_string(first) +
                           " of the HTML page; is the page in another encoding?)");
  }
  if (Status s = CheckHtmlNesting(html, where); !s.ok()) {
    item->status = s;
    return;
  }
  HtmlArticle article = ExtractArticle(html);
  doc.text = std::move(article.text);
  doc.title = std::move(article.title);
  if (!article.published.empty()) doc.published = std::move(article.published);
  if (doc.text.empty()) {
    item->status = Status(ErrorCode::kEmptyDocument,
                          "no article text found in the HTML page of the WARC record (looked in "
                          "itemprop=articleBody, <article>, <main>, <body>)",
                          where);
    return;
  }
  item->status = PrepareText(&doc);
}

class WarcReader {
 public:
  WarcReader(int fd, const std::string& name, const ReadOptions& options, const ItemSink& sink)
      : src_(fd, name), name_(name), options_(options), sink_(sink) {}

  void Run() {
    while (NextRecord()) {
    }
    if (!src_.error().ok()) Stop(src_.error());
  }

 private:
  std::string Where(uint64_t at) const { return name_ + "@" + std::to_string(at); }

  // Reports a fault that ends the file: one rejected item, named after where it happened.
  void Stop(Status status) {
    ReadItem item;
    item.doc.id = status.where().empty() ? name_ : status.where();
    item.doc.origin = item.doc.id;
    item.status = std::move(status);
    sink_(std::move(item));
  }

  bool StopAt(uint64_t file_offset, std::string message) {
    std::string where = Where(file_offset);
    Stop(Status(ErrorCode::kIoError, std::move(message), where));
    return false;
  }

  std::string RecordName(uint64_t data_offset, uint64_t file_offset) const {
    if (!src_.gzip()) return "the record at byte " + std::to_string(data_offset);
    return "the record at byte " + std::to_string(data_offset) + " of the decompressed data (gzip member at byte " +
           std::to_string(file_offset) + ")";
  }

  // Reads one record. False at the end of the file or after a fault that stops it.
  bool NextRecord() {
    // Blank lines between records are tolerated.
    while (true) {
      if (!src_.Ensure(1)) return false;  // end of data, or an error reported by Run()
      char c = src_.Available()[0];
      if (c != '\r' && c != '\n') break;
      src_.Consume(1);
    }
    uint64_t data_offset = src_.offset();
    uint64_t file_offset = src_.FileOffset();
    // The header block.
    std::optional<std::pair<size_t, size_t>> end;
    size_t want = 4096;
    while (!(end = FindHeaderEnd(src_.Available().substr(0, kMaxHeaderBytes)))) {
      if (src_.Available().size() >= kMaxHeaderBytes) {
        return StopAt(file_offset, "no end of the WARC header within " + std::to_string(kMaxHeaderBytes) +
                                       " bytes in " + RecordName(data_offset, file_offset) +
                                       "; the records before it were read");
      }
      if (!src_.Ensure(src_.Available().size() + want)) {
        if (!src_.error().ok()) return false;
        std::string_view head = src_.Available();
        if (!head.starts_with("WARC/")) {
          return StopAt(file_offset, "expected a WARC record ('WARC/1.0') at byte " + std::to_string(data_offset) +
                                         ", found '" + Fragment(head) + "'; the records before it were read");
        }
        return StopAt(file_offset, "the file ends inside the WARC header of " + RecordName(data_offset, file_offset) +
                                       "; the records before it were read; is the file truncated?");
      }
      want *= 2;
    }
    std::string_view head = src_.Available().substr(0, end->first);
    if (!head.starts_with("WARC/")) {
      return StopAt(file_offset, "expected a WARC record ('WARC/1.0') at byte " + std::to_string(data_offset) +
                                     ", found '" + Fragment(head) + "'; the records before it were read");
    }
    Headers warc = ParseHeaders(head);
    std::string_view length_text = warc.Get("Content-Length");
    std::optional<uint64_t> length = ParseLength(length_text);
    if (!length) {
      return StopAt(file_offset,
                    std::string(warc.Has("Content-Length") ? "bad Content-Length '" + Fragment(length_text) + "'"
                                                           : "no Content-Length") +
                        " in " + RecordName(data_offset, file_offset) + "; the records before it were read");
    }
    std::string type(warc.Get("WARC-Type"));
    for (char& ch : type) ch = Lower(ch);
    std::string record_id(warc.Get("WARC-Record-ID"));
    if (record_id.size() >= 2 && record_id.front() == '<' && record_id.back() == '>')
      record_id = record_id.substr(1, record_id.size() - 2);
    std::string url(warc.Get("WARC-Target-URI"));
    std::string warc_date = PublishedDate(warc.Get("WARC-Date"));
    std::string content_type(warc.Get("Content-Type"));
    std::string payload_type(warc.Get("WARC-Identified-Payload-Type"));
    src_.Consume(end->first + end->second);

    bool wanted = type == "response" || type == "resource";
    std::string block;
    bool too_large = false;
    if (wanted && *length <= kMaxWarcBlockBytes) {
      if (!src_.Ensure(static_cast<size_t>(*length))) {
        if (!src_.error().ok()) return false;
        return StopAt(file_offset, RecordName(data_offset, file_offset) + " declares Content-Length " +
                                       std::to_string(*length) + " but the file ends after " +
                                       std::to_string(src_.Available().size()) +
                                       " bytes of its block; the records before it were read");
      }
      block.assign(src_.Available().substr(0, static_cast<size_t>(*length)));
      src_.Consume(static_cast<size_t>(*length));
    } else {
      // Not a document, or too large to hold: look at the start (for the HTTP headers), skip it.
      too_large = wanted;
      if (wanted) {
        src_.Ensure(std::min<size_t>(kMaxHeaderBytes, static_cast<size_t>(*length)));
        block.assign(src_.Available().substr(0, std::min<size_t>(kMaxHeaderBytes, static_cast<size_t>(*length))));
      }
      uint64_t skipped = src_.Skip(*length);
      if (skipped < *length) {
        if (!src_.error().ok()) return false;
        return StopAt(file_offset, RecordName(data_offset, file_offset) + " declares Content-Length " +
                                       std::to_string(*length) + " but the file ends after " + std::to_string(skipped) +
                                       " bytes of its block; the records before it were read");
      }
    }
    // The block must be followed by CRLF CRLF; anything else means the length was wrong.
    if (!src_.Ensure(4) || !src_.Available().starts_with("\r\n\r\n")) {
      if (!src_.error().ok()) return false;
      std::string_view after = src_.Available().substr(0, 16);
      // A last record followed by a single CRLF, or by nothing, is accepted at the end of file.
      bool at_end = after == "\r\n" || after.empty();
      if (!at_end) {
        return StopAt(file_offset, "bad Content-Length " + std::to_string(*length) + " in " +
                                       RecordName(data_offset, file_offset) +
                                       ": the block is not followed by CRLF CRLF (found '" + Fragment(after) +
                                       "'); the records before it were read");
      }
      src_.Consume(after.size());
    } else {
      src_.Consume(4);
    }

    if (!wanted) return true;
    ReadItem item;
    item.doc.origin = Where(file_offset);
    item.doc.id = record_id.empty() ? item.doc.origin : record_id;
    item.doc.url = url;
    item.doc.published = warc_date;  // the page's own date replaces it in HtmlToItem
    if (type == "resource") {
      if (!IsHtmlType(content_type) && !(content_type.empty() && LooksLikeHtml(block))) return true;
      if (too_large) {
        item.status = CheckDocumentSize(*length, item.doc.origin);
      } else {
        HtmlToItem(std::move(block), &item);
      }
    } else if (!Response(block, *length, too_large, payload_type, &item)) {
      return true;  // not an HTML page
    }
    if (item.doc.published.empty()) item.doc.published = options_.default_published;
    sink_(std::move(item));
    return true;
  }

  // Handles the block of a response record (HTTP status line, headers, payload). Returns false
  // when the record is not an HTML page with a 2xx status (skipped); otherwise fills *item.
  bool Response(const std::string& block, uint64_t length, bool too_large, const std::string& payload_type,
                ReadItem* item) {
    auto end = FindHeaderEnd(block);
    std::string_view http_head = end ? std::string_view(block).substr(0, end->first) : std::string_view(block);
    if (!http_head.starts_with("HTTP/")) return false;
    Headers http = ParseHeaders(http_head);
    std::string_view status_line = http.first_line;
    size_t sp = status_line.find(' ');
    std::string_view code = sp == std::string_view::npos ? std::string_view() : status_line.substr(sp + 1, 3);
    if (code.size() != 3 || code[0] != '2') return false;
    std::string_view payload = end ? std::string_view(block).substr(end->first + end->second) : std::string_view();
    std::string_view http_type = http.Get("Content-Type");
    bool html = !http_type.empty()      ? IsHtmlType(http_type)
                : !payload_type.empty() ? IsHtmlType(payload_type)
                                        : LooksLikeHtml(payload);
    if (!html) return false;
    const std::string& where = item->doc.origin;
    if (too_large) {
      item->status = CheckDocumentSize(length, where);
      return true;
    }
    if (!end) {
      item->status = Status(ErrorCode::kEmptyDocument, "the HTTP response has no end of headers, so no page", where);
      return true;
    }
    std::string decoded;
    if (IContains(http.Get("Transfer-Encoding"), "chunked")) {
      if (!Dechunk(payload, &decoded)) {
        item->status = Status(ErrorCode::kBadField,
                              "broken chunked transfer encoding in the HTTP response; the record is skipped", where);
        return true;
      }
      payload = decoded;
    }
    std::string_view encoding = Trim(http.Get("Content-Encoding"));
    std::string inflated;
    if (!encoding.empty() && !IEquals(encoding, "identity")) {
      if (!IEquals(encoding, "gzip") && !IEquals(encoding, "x-gzip") && !IEquals(encoding, "deflate")) {
        item->status = Status(ErrorCode::kBadField,
                              "unsupported Content-Encoding '" + Fragment(encoding) +
                                  "' in the HTTP response (gzip and deflate are supported); the record is skipped",
                              where);
        return true;
      }
      std::string why = InflateBody(payload, kMaxDocumentBytes, &inflated);
      if (!why.empty()) {
        item->status =
            Status(ErrorCode::kBadField,
                   "cannot decode the " + std::string(encoding) + " page in the HTTP response: " + why, where);
        return true;
      }
      payload = inflated;
    }
    HtmlToItem(std::string(payload), item);
    return true;
  }

  ByteSource src_;
  const std::string& name_;
  const ReadOptions& options_;
  const ItemSink& sink_;
};

}  // namespace

bool IsWarcPath(std::string_view path) {
  auto ends_with = [&](std::string_view suffix) {
    return path.size() >= suffix.size() && IEquals(path.substr(path.size() - suffix.size()), suffix);
  };
  return ends_with(".warc") || ends_with(".warc.gz");
}

void ReadWarc(int fd, const std::string& name, const ReadOptions& options, const ItemSink& sink) {
  WarcReader(fd, name, options, sink).Run();
}

}  // namespace evident::text
