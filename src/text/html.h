// HTML -> article text. Keeps the main article text (paragraphs, headings, list items of the
// article body), drops boilerplate (script, style, nav, header, footer, aside, form, menus),
// decodes entities, and reads the title and publication date from the usual meta tags
// (og:title, article:published_time, datePublished in JSON-LD, <time datetime>, ...).
//
// Rules (docs/input.md has the full list):
// - Root: the element with itemprop="articleBody", else the <article> with the most text, else
//   <main> (or role="main"), else <body>. If that yields no text, <body>; if still nothing,
//   <body> keeping <form> content (some sites wrap the whole page in one <form>).
// - Dropped subtrees: script, style, noscript, template, nav, header, footer, aside, form,
//   button, select, textarea, iframe, object, embed, svg, math, canvas, audio, video, head,
//   and elements with the `hidden` attribute, aria-hidden="true", or role navigation, banner,
//   contentinfo, complementary.
// - Block elements (p, div, h1-h6, li, br, tr, section, article, blockquote, ul, ol, table, pre,
//   figure, figcaption, dl, dt, dd, main, address, hr, ...) separate paragraphs with "\n\n";
//   inside a block each run of whitespace (including U+00A0) becomes one space; table cells
//   are separated by a space. The text has no leading or trailing whitespace.
//   <p>Police&nbsp;said:</p><ul><li>one</li><li>two</li></ul> => "Police said:\n\none\n\ntwo"
// - Title: <meta property="og:title">, else <title>, else the first <h1>.
// - Published: meta article:published_time, itemprop=datePublished, DC.date.issued,
//   parsely-pub-date, pubdate, date (in that order of preference); else "datePublished" in a
//   <script type="application/ld+json">; else the first <time datetime> in the article root,
//   else in the page. Only values starting with a real YYYY-MM-DD count (first 10 chars).
//
// Offsets in the output refer to the extracted text, not to the HTML. Input should be UTF-8;
// gumbo replaces invalid bytes with U+FFFD. Thread-safe (no shared state).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "common/status.h"

namespace evident::text {

// Pages nested deeper than this (estimated from the tags) are refused: the HTML parser's cost
// grows with depth x tags (8 MiB at depth 1000: ~7 s) and its tree teardown recurses. Real
// news pages stay below 100.
inline constexpr size_t kMaxHtmlNesting = 1000;

struct HtmlArticle {
  std::string text;  // paragraphs separated by blank lines
  std::string title;
  std::string published;  // "YYYY-MM-DD" or empty
};

// Returns an empty article if CheckHtmlNesting fails.
HtmlArticle ExtractArticle(std::string_view html);

// kTooLarge if the page nests elements deeper than kMaxHtmlNesting (estimated with a linear
// scan of the tags), naming the byte where the limit was crossed. `where` goes into the Status.
Status CheckHtmlNesting(std::string_view html, std::string_view where = {});

}  // namespace evident::text
