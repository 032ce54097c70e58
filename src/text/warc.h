// WARC reader: web archives (ISO 28500, WARC/1.0 and 1.1) as published by Common Crawl News,
// plain (".warc") or gzip-compressed (".warc.gz", one gzip member per record or the whole file
// in one member; detected from the magic bytes, not the name).
//
// Which records are documents:
// - `response` records whose HTTP status is 2xx and whose payload is HTML (the HTTP
//   Content-Type says html; without one, WARC-Identified-Payload-Type; without that, the
//   payload starts with "<!doctype html" or "<html"). The payload is de-chunked
//   (Transfer-Encoding: chunked) and inflated (Content-Encoding: gzip/deflate) when needed.
// - `resource` records with an HTML Content-Type (the block is the page itself).
// - Everything else (warcinfo, request, metadata, revisit, conversion, non-HTML or non-2xx
//   responses) is skipped: it is not an article.
//
// Each document goes through the same HTML path as an ".html" file (html.h): article text,
// title and publication date from the page. The document gets
//   id        the WARC-Record-ID without its angle brackets ("urn:uuid:..."), else the origin
//   origin    "<file>@<offset>": the byte offset of the record, which for a gzip file is the
//             offset of the gzip member holding it (what Common Crawl indexes give)
//   url       WARC-Target-URI
//   published the page's own date (meta tags, JSON-LD, <time>), else the date of WARC-Date
//             (the crawl time), else ReadOptions::default_published
//
// Bad input. A record problem that leaves the rest of the file readable (an HTML page over
// the size limit, an unsupported Content-Encoding, broken chunked encoding) rejects that record
// only. A problem that makes the position of the next record unknown stops the file: a
// truncated gzip member, corrupt gzip data, a record that does not start with "WARC/", a
// missing or bad Content-Length, a block not followed by CRLF CRLF (a wrong Content-Length), or
// the file ending inside a record. That produces one rejected item (ErrorCode::kIoError) whose
// message names the file and the byte offset; every document before it has been handed on.
//   "crawl.warc.gz@52881: truncated gzip data: the file ends inside the gzip member that
//    starts at byte 52881 (1024 bytes of it present); the records before it were read"
//
// Thread safety: no shared state; each call owns its buffers.
#pragma once

#include <string>
#include <string_view>

#include "text/reader.h"

namespace evident::text {

// A WARC record larger than this is skipped without being held in memory (HTML pages in it
// are rejected as kTooLarge). Blocks carry HTTP headers on top of the page, hence the margin.
inline constexpr size_t kMaxWarcBlockBytes = kMaxDocumentBytes + (1u << 20);

// True for names ending in ".warc" or ".warc.gz" (any case).
bool IsWarcPath(std::string_view path);

// Reads every record of the WARC file open on `fd` (`name` is used in ids and messages) and
// passes each document, rejected record and file-level error to `sink`, in file order.
void ReadWarc(int fd, const std::string& name, const ReadOptions& options, const ItemSink& sink);

}  // namespace evident::text
