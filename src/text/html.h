// HTML -> article text. Keeps the main article text (paragraphs, headings, list items of the
// article body), drops boilerplate (script, style, nav, header, footer, aside, form, menus),
// decodes entities, and reads the title and publication date from the usual meta tags
// (og:title, article:published_time, datePublished in JSON-LD, <time datetime>, ...).
#pragma once

#include <string>
#include <string_view>

namespace evident::text {

struct HtmlArticle {
  std::string text;       // paragraphs separated by blank lines
  std::string title;
  std::string published;  // "YYYY-MM-DD" or empty
};

HtmlArticle ExtractArticle(std::string_view html);

}  // namespace evident::text
