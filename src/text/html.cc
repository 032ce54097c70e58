#include "text/html.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/document.h"

namespace evident::text {
namespace {

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle) {
  if (needle.size() > haystack.size()) return false;
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (EqualsIgnoreCase(haystack.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || (c >= '0' && c <= '9'); }

// ---- Nesting estimate (CheckHtmlNesting) ----

bool NameIn(std::string_view name, std::initializer_list<std::string_view> list) {
  for (std::string_view item : list) {
    if (EqualsIgnoreCase(name, item)) return true;
  }
  return false;
}

// How much a start tag adds to the depth of the HTML tree: void elements and elements that
// close their open siblings (<p>, <li>, <td>, ...) add nothing, a table adds its implied
// tbody/tr/td levels.
size_t TagWeight(std::string_view name) {
  if (NameIn(name,
             {"area",    "base",  "br",       "col",    "embed", "hr",    "img",    "input",
              "link",    "meta",  "param",    "source", "track", "wbr",   "keygen", "basefont",
              "bgsound", "frame", "p",        "li",     "dt",    "dd",    "option", "optgroup",
              "tr",      "td",    "th",       "thead",  "tbody", "tfoot", "rb",     "rt",
              "rp",      "rtc",   "colgroup", "caption"})) {
    return 0;
  }
  if (EqualsIgnoreCase(name, "table")) return 4;
  return 1;
}

// Elements whose content is raw text up to "</name".
bool IsRawTextTag(std::string_view name) {
  return NameIn(name,
                {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"});
}

// Position of "</name" (case-insensitive) at or after `from`, or npos.
size_t FindEndTag(std::string_view html, std::string_view name, size_t from) {
  while (true) {
    size_t pos = html.find("</", from);
    if (pos == std::string_view::npos) return pos;
    if (EqualsIgnoreCase(html.substr(pos + 2, name.size()), name)) return pos;
    from = pos + 2;
  }
}

// ---- Text extraction ----

// Byte length of the whitespace character at s[i] (ASCII space or U+00A0), or 0.
size_t WhitespaceLength(std::string_view s, size_t i) {
  char c = s[i];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') return 1;
  if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') return 2;
  return 0;
}

// Accumulates text with collapsed whitespace and paragraph breaks. Separators are only
// written before the next visible text, so the result is trimmed.
class TextBuilder {
 public:
  void Append(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
      if (size_t ws = WhitespaceLength(s, i)) {
        pending_space_ = true;
        i += ws;
        continue;
      }
      size_t j = i + 1;
      while (j < s.size() && WhitespaceLength(s, j) == 0) ++j;
      if (!out_.empty()) {
        if (pending_break_) {
          out_ += "\n\n";
        } else if (pending_space_) {
          out_ += ' ';
        }
      }
      pending_break_ = pending_space_ = false;
      out_.append(s.substr(i, j - i));
      i = j;
    }
  }
  void Space() { pending_space_ = true; }
  void Break() { pending_break_ = true; }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  bool pending_space_ = false;
  bool pending_break_ = false;
};

const char* Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : nullptr;
}

bool AttrEquals(const GumboElement& e, const char* name, std::string_view value) {
  const char* v = Attr(e, name);
  return v && EqualsIgnoreCase(v, value);
}

// True if the whitespace-separated token list `list` holds `token` (case-insensitive).
bool HasToken(const char* list, std::string_view token) {
  if (!list) return false;
  std::string_view s(list);
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && WhitespaceLength(s, i) == 1) ++i;
    size_t j = i;
    while (j < s.size() && WhitespaceLength(s, j) != 1) ++j;
    if (j > i && EqualsIgnoreCase(s.substr(i, j - i), token)) return true;
    i = j;
  }
  return false;
}

// A set of tags: a bitmap indexed by GumboTag, built at compile time.
class TagSet {
 public:
  constexpr TagSet(std::initializer_list<GumboTag> tags) {
    for (GumboTag tag : tags) bits_[tag] = true;
  }
  bool Contains(GumboTag tag) const { return tag < GUMBO_TAG_LAST && bits_[tag]; }

 private:
  std::array<bool, GUMBO_TAG_LAST + 1> bits_{};
};

// Elements that start and end a paragraph.
constexpr TagSet kBlockTags = {
    GUMBO_TAG_P,          GUMBO_TAG_DIV,       GUMBO_TAG_H1,         GUMBO_TAG_H2,
    GUMBO_TAG_H3,         GUMBO_TAG_H4,        GUMBO_TAG_H5,         GUMBO_TAG_H6,
    GUMBO_TAG_LI,         GUMBO_TAG_TR,        GUMBO_TAG_SECTION,    GUMBO_TAG_ARTICLE,
    GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_UL,        GUMBO_TAG_OL,         GUMBO_TAG_TABLE,
    GUMBO_TAG_PRE,        GUMBO_TAG_FIGURE,    GUMBO_TAG_FIGCAPTION, GUMBO_TAG_DL,
    GUMBO_TAG_DT,         GUMBO_TAG_DD,        GUMBO_TAG_MAIN,       GUMBO_TAG_ADDRESS,
    GUMBO_TAG_CAPTION,    GUMBO_TAG_CENTER,    GUMBO_TAG_DETAILS,    GUMBO_TAG_SUMMARY,
    GUMBO_TAG_FIELDSET,   GUMBO_TAG_LEGEND,    GUMBO_TAG_HGROUP,     GUMBO_TAG_BODY,
    GUMBO_TAG_HTML,       GUMBO_TAG_THEAD,     GUMBO_TAG_TBODY,      GUMBO_TAG_TFOOT,
    GUMBO_TAG_LISTING,    GUMBO_TAG_PLAINTEXT, GUMBO_TAG_XMP,        GUMBO_TAG_HEADER,
    GUMBO_TAG_FOOTER,     GUMBO_TAG_NAV,       GUMBO_TAG_ASIDE,      GUMBO_TAG_FORM};

// Subtrees that are never article text.
constexpr TagSet kNonContentTags = {
    GUMBO_TAG_SCRIPT,   GUMBO_TAG_STYLE,  GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_HEAD,
    GUMBO_TAG_TITLE,    GUMBO_TAG_SVG,    GUMBO_TAG_MATH,     GUMBO_TAG_CANVAS,   GUMBO_TAG_IFRAME,
    GUMBO_TAG_OBJECT,   GUMBO_TAG_EMBED,  GUMBO_TAG_AUDIO,    GUMBO_TAG_VIDEO,    GUMBO_TAG_SELECT,
    GUMBO_TAG_TEXTAREA, GUMBO_TAG_BUTTON, GUMBO_TAG_DATALIST, GUMBO_TAG_NOFRAMES, GUMBO_TAG_NOEMBED,
    GUMBO_TAG_APPLET};

// Page chrome (forms are handled in IsDropped).
constexpr TagSet kChromeTags = {GUMBO_TAG_NAV,   GUMBO_TAG_HEADER, GUMBO_TAG_FOOTER,
                                GUMBO_TAG_ASIDE, GUMBO_TAG_MENU,   GUMBO_TAG_MENUITEM};

bool IsBlockTag(GumboTag tag) { return kBlockTags.Contains(tag); }

bool IsHidden(const GumboElement& e) {
  if (Attr(e, "hidden")) return true;
  if (AttrEquals(e, "aria-hidden", "true")) return true;
  if (const char* style = Attr(e, "style")) {
    std::string compact;
    for (const char* p = style; *p; ++p) {
      if (*p != ' ' && *p != '\t' && *p != '\n') compact += AsciiLower(*p);
    }
    if (compact.find("display:none") != std::string::npos) return true;
  }
  return false;
}

bool IsChromeRole(const GumboElement& e) {
  const char* role = Attr(e, "role");
  return role && (EqualsIgnoreCase(role, "navigation") || EqualsIgnoreCase(role, "banner") ||
                  EqualsIgnoreCase(role, "contentinfo") || EqualsIgnoreCase(role, "complementary"));
}

// `keep_forms`: the second try for pages that wrap everything in one <form>.
bool IsDropped(const GumboElement& e, bool keep_forms) {
  if (e.tag_namespace != GUMBO_NAMESPACE_HTML) return true;  // SVG or MathML
  if (kNonContentTags.Contains(e.tag) || IsHidden(e) || IsChromeRole(e)) return true;
  if (e.tag == GUMBO_TAG_FORM) return !keep_forms;
  return kChromeTags.Contains(e.tag);
}

// The visible text under `root` (see the rules in html.h); `root` itself is never dropped.
// Iterative: the tree can be deep.
std::string ExtractText(const GumboNode* root, bool keep_forms) {
  TextBuilder out;
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
  };
  std::vector<Frame> stack;
  auto enter = [&](const GumboNode* node) {
    switch (node->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
        out.Append(node->v.text.text);
        return;
      case GUMBO_NODE_WHITESPACE:
        out.Space();
        return;
      case GUMBO_NODE_COMMENT:
      case GUMBO_NODE_TEMPLATE:
        return;
      case GUMBO_NODE_DOCUMENT:
        stack.push_back({node, 0});
        return;
      case GUMBO_NODE_ELEMENT: {
        const GumboElement& e = node->v.element;
        if (IsDropped(e, keep_forms)) return;
        if (e.tag == GUMBO_TAG_BR || e.tag == GUMBO_TAG_HR) {
          out.Break();
          return;
        }
        if (IsBlockTag(e.tag)) out.Break();
        if (e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) out.Space();
        stack.push_back({node, 0});
        return;
      }
    }
  };
  if (root->type == GUMBO_NODE_ELEMENT || root->type == GUMBO_NODE_DOCUMENT) {
    stack.push_back({root, 0});
  } else {
    enter(root);
  }
  while (!stack.empty()) {
    Frame& top = stack.back();
    const GumboVector& children = top.node->type == GUMBO_NODE_DOCUMENT
                                      ? top.node->v.document.children
                                      : top.node->v.element.children;
    if (top.next_child < children.length) {
      const auto* child = static_cast<const GumboNode*>(children.data[top.next_child++]);
      enter(child);  // may invalidate `top`
      continue;
    }
    if (top.node->type == GUMBO_NODE_ELEMENT) {
      GumboTag tag = top.node->v.element.tag;
      if (IsBlockTag(tag)) out.Break();
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) out.Space();
    }
    stack.pop_back();
  }
  return out.Take();
}

// Whitespace runs -> one space, trimmed (titles, meta values).
std::string CollapseSpaces(std::string_view s) {
  TextBuilder b;
  b.Append(s);
  return b.Take();
}

// Single-line text of an element (titles from <title> or <h1>).
std::string InlineText(const GumboNode* node) {
  std::string text = ExtractText(node, /*keep_forms=*/true);
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += ' ';
    } else {
      out += text[i];
    }
  }
  return out;
}

// Names of meta tags (property=, name= or itemprop=) that give the publication date, best first.
int PublishedMetaRank(std::string_view key) {
  static constexpr std::string_view kKeys[] = {"article:published_time",
                                               "og:article:published_time",
                                               "datePublished",
                                               "DC.date.issued",
                                               "dcterms.issued",
                                               "parsely-pub-date",
                                               "pubdate",
                                               "publishdate",
                                               "date"};
  for (size_t i = 0; i < std::size(kKeys); ++i) {
    if (EqualsIgnoreCase(key, kKeys[i])) return static_cast<int>(i);
  }
  return -1;
}

// "datePublished": "2020-05-09T10:00:00Z" in JSON-LD text -> "2020-05-09".
std::string JsonLdPublished(std::string_view json) {
  constexpr std::string_view kKey = "\"datePublished\"";
  size_t from = 0;
  while (true) {
    size_t pos = json.find(kKey, from);
    if (pos == std::string_view::npos) return {};
    size_t i = pos + kKey.size();
    from = i;
    auto skip_space = [&] {
      while (i < json.size() &&
             (json[i] == ' ' || json[i] == '\t' || json[i] == '\n' || json[i] == '\r')) {
        ++i;
      }
    };
    skip_space();
    if (i >= json.size() || json[i] != ':') continue;
    ++i;
    skip_space();
    if (i >= json.size() || json[i] != '"') continue;
    ++i;
    size_t end = json.find('"', i);
    if (end == std::string_view::npos) return {};
    std::string date = PublishedDate(json.substr(i, end - i));
    if (!date.empty()) return date;
  }
}

bool IsInside(const GumboNode* node, const GumboNode* ancestor) {
  for (; node; node = node->parent) {
    if (node == ancestor) return true;
  }
  return false;
}

// What one pass over the whole tree finds.
struct PageFacts {
  const GumboNode* body = nullptr;
  std::vector<const GumboNode*> article_bodies;  // itemprop="articleBody"
  std::vector<const GumboNode*> articles;
  std::vector<const GumboNode*> mains;
  const GumboNode* title_element = nullptr;
  const GumboNode* first_h1 = nullptr;
  std::string og_title;
  std::string meta_published;
  int meta_published_rank = 1 << 30;
  std::string json_ld_published;
  std::string pubdate_time;                                     // <time pubdate datetime=...>
  std::vector<std::pair<const GumboNode*, std::string>> times;  // <time datetime>, page order
};

void CollectFacts(const GumboNode* document, PageFacts* facts) {
  std::vector<const GumboNode*> stack = {document};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    const GumboVector* kids = nullptr;
    if (node->type == GUMBO_NODE_DOCUMENT) {
      kids = &node->v.document.children;
    } else if (node->type == GUMBO_NODE_ELEMENT) {  // not templates: never rendered
      const GumboElement& e = node->v.element;
      kids = &e.children;
      bool html = e.tag_namespace == GUMBO_NAMESPACE_HTML;
      if (html) {
        switch (e.tag) {
          case GUMBO_TAG_BODY:
            if (!facts->body) facts->body = node;
            break;
          case GUMBO_TAG_ARTICLE:
            facts->articles.push_back(node);
            break;
          case GUMBO_TAG_MAIN:
            facts->mains.push_back(node);
            break;
          case GUMBO_TAG_TITLE:
            if (!facts->title_element) facts->title_element = node;
            break;
          case GUMBO_TAG_H1:
            if (!facts->first_h1) facts->first_h1 = node;
            break;
          case GUMBO_TAG_META: {
            const char* content = Attr(e, "content");
            if (!content) break;
            const char* property = Attr(e, "property");
            const char* name = Attr(e, "name");
            if (facts->og_title.empty() && property && EqualsIgnoreCase(property, "og:title")) {
              facts->og_title = CollapseSpaces(content);
            }
            for (const char* key : {property, name, Attr(e, "itemprop")}) {
              if (!key) continue;
              int rank = PublishedMetaRank(key);
              if (rank < 0 || rank >= facts->meta_published_rank) continue;
              std::string date = PublishedDate(content);
              if (date.empty()) continue;
              facts->meta_published = std::move(date);
              facts->meta_published_rank = rank;
            }
            break;
          }
          case GUMBO_TAG_SCRIPT: {
            const char* type = Attr(e, "type");
            if (type && ContainsIgnoreCase(type, "ld+json") && facts->json_ld_published.empty()) {
              for (unsigned i = 0; i < e.children.length; ++i) {
                const auto* child = static_cast<const GumboNode*>(e.children.data[i]);
                if (child->type != GUMBO_NODE_TEXT && child->type != GUMBO_NODE_CDATA &&
                    child->type != GUMBO_NODE_WHITESPACE) {
                  continue;
                }
                facts->json_ld_published = JsonLdPublished(child->v.text.text);
                if (!facts->json_ld_published.empty()) break;
              }
            }
            break;
          }
          case GUMBO_TAG_TIME: {
            std::string date = PublishedDate(Attr(e, "datetime") ? Attr(e, "datetime") : "");
            if (date.empty()) break;
            if (Attr(e, "pubdate") && facts->pubdate_time.empty()) facts->pubdate_time = date;
            facts->times.emplace_back(node, std::move(date));
            break;
          }
          default:
            break;
        }
        if (e.tag != GUMBO_TAG_MAIN && AttrEquals(e, "role", "main")) facts->mains.push_back(node);
        if (HasToken(Attr(e, "itemprop"), "articleBody")) facts->article_bodies.push_back(node);
        // itemprop="datePublished" on a non-meta element: <time itemprop=... datetime=...>.
        if (e.tag != GUMBO_TAG_META && HasToken(Attr(e, "itemprop"), "datePublished")) {
          const char* value = Attr(e, "datetime") ? Attr(e, "datetime") : Attr(e, "content");
          int rank = PublishedMetaRank("datePublished");
          std::string date = PublishedDate(value ? value : "");
          if (!date.empty() && rank < facts->meta_published_rank) {
            facts->meta_published = std::move(date);
            facts->meta_published_rank = rank;
          }
        }
      }
    }
    if (!kids) continue;
    // Push in reverse so that children are visited in document order.
    for (unsigned i = kids->length; i-- > 0;) {
      stack.push_back(static_cast<const GumboNode*>(kids->data[i]));
    }
  }
}

// The candidate with the most text, and that text. Looks at the first few candidates only:
// nested candidates would make this quadratic.
std::pair<const GumboNode*, std::string> Longest(const std::vector<const GumboNode*>& nodes) {
  constexpr size_t kMaxCandidates = 32;
  std::pair<const GumboNode*, std::string> best{nullptr, {}};
  for (size_t i = 0; i < nodes.size() && i < kMaxCandidates; ++i) {
    std::string text = ExtractText(nodes[i], /*keep_forms=*/false);
    if (!best.first || text.size() > best.second.size()) best = {nodes[i], std::move(text)};
  }
  return best;
}

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

}  // namespace

Status CheckHtmlNesting(std::string_view html, std::string_view where) {
  // A light model of the tree builder: a stack of open elements, where an end tag closes the
  // nearest open element of its name and everything opened after it (as the parser does
  // with unclosed <span>s inside a closed <div>), and stray end tags are ignored.
  struct Open {
    uint32_t name;
    uint32_t weight;
    bool foreign_root;
  };
  std::vector<Open> stack;
  std::unordered_map<uint32_t, uint32_t> open_count;  // name -> entries in `stack`
  size_t depth = 0;
  size_t foreign = 0;  // open <svg>/<math>: inside them "/>" closes any element
  size_t i = 0;
  const size_t n = html.size();
  while (i < n) {
    size_t lt = html.find('<', i);
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    size_t tag_start = lt;
    i = lt + 1;
    if (html[i] == '!') {
      if (html.substr(i, 3) == "!--") {
        size_t end = html.find("-->", i + 3);
        i = end == std::string_view::npos ? n : end + 3;
      }
      continue;
    }
    bool closing = html[i] == '/';
    if (closing) ++i;
    if (i >= n || !IsAsciiAlpha(html[i])) continue;
    size_t name_start = i;
    uint32_t hash = 2166136261u;  // FNV-1a of the lower-case name
    while (i < n && (IsAsciiAlnum(html[i]) || html[i] == '-' || html[i] == ':')) {
      hash = (hash ^ static_cast<unsigned char>(AsciiLower(html[i]))) * 16777619u;
      ++i;
    }
    std::string_view name = html.substr(name_start, i - name_start);
    if (closing) {
      auto it = open_count.find(hash);
      if (it == open_count.end() || it->second == 0) continue;
      while (true) {
        Open top = stack.back();
        stack.pop_back();
        depth -= top.weight;
        --open_count[top.name];
        if (top.foreign_root) --foreign;
        if (top.name == hash) break;
      }
      continue;
    }
    size_t gt = html.find('>', i);
    if (gt == std::string_view::npos) break;
    bool self_closing = html[gt - 1] == '/';
    i = gt + 1;
    bool is_foreign_root = EqualsIgnoreCase(name, "svg") || EqualsIgnoreCase(name, "math");
    if (foreign == 0 && IsRawTextTag(name)) {
      size_t end = FindEndTag(html, name, i);
      i = end == std::string_view::npos ? n : end;
      continue;
    }
    // In HTML "<div/>" still opens a div; in SVG and MathML "/>" closes the element.
    if (self_closing && (foreign > 0 || is_foreign_root)) continue;
    uint32_t weight = foreign > 0 ? 1 : static_cast<uint32_t>(TagWeight(name));
    if (weight == 0) continue;
    stack.push_back({hash, weight, is_foreign_root});
    ++open_count[hash];
    if (is_foreign_root) ++foreign;
    depth += weight;
    if (depth > kMaxHtmlNesting) {
      return Status(ErrorCode::kTooLarge,
                    "HTML nests elements more than " + std::to_string(kMaxHtmlNesting) +
                        " deep (at byte " + std::to_string(tag_start) + ", '" +
                        Fragment(html.substr(tag_start)) +
                        "'); evident cannot extract the article from it: pass the article text "
                        "as plain text or JSONL",
                    std::string(where));
    }
  }
  return Status::Ok();
}

HtmlArticle ExtractArticle(std::string_view html) {
  HtmlArticle article;
  if (!CheckHtmlNesting(html).ok()) return article;
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are not reported; do not collect them
  std::unique_ptr<GumboOutput, GumboOutputDeleter> output(
      gumbo_parse_with_options(&options, html.data(), html.size()));
  if (!output) return article;

  PageFacts facts;
  CollectFacts(output->document, &facts);

  const GumboNode* root = nullptr;
  for (const auto* candidates : {&facts.article_bodies, &facts.articles, &facts.mains}) {
    if (candidates->empty()) continue;
    auto [node, text] = Longest(*candidates);
    if (!text.empty()) {
      root = node;
      article.text = std::move(text);
      break;
    }
  }
  const GumboNode* page = facts.body ? facts.body : output->document;
  if (article.text.empty()) {
    root = page;
    article.text = ExtractText(page, /*keep_forms=*/false);
  }
  if (article.text.empty()) article.text = ExtractText(page, /*keep_forms=*/true);

  if (!facts.og_title.empty()) {
    article.title = std::move(facts.og_title);
  } else if (facts.title_element) {
    article.title = InlineText(facts.title_element);
  }
  if (article.title.empty() && facts.first_h1) article.title = InlineText(facts.first_h1);

  if (!facts.meta_published.empty()) {
    article.published = std::move(facts.meta_published);
  } else if (!facts.json_ld_published.empty()) {
    article.published = std::move(facts.json_ld_published);
  } else if (!facts.pubdate_time.empty()) {
    article.published = std::move(facts.pubdate_time);
  } else if (!facts.times.empty()) {
    article.published = facts.times.front().second;
    for (const auto& [node, date] : facts.times) {
      if (root && IsInside(node, root)) {
        article.published = date;
        break;
      }
    }
  }
  return article;
}

}  // namespace evident::text
