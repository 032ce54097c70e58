// ExtractArticle: HTML page -> article text, title, publication date. Pages are invented.
#include "text/html.h"

#include <gtest/gtest.h>

#include <string>

namespace evident::text {
namespace {

std::string Page(std::string_view head, std::string_view body) {
  return "<!DOCTYPE html><html><head>" + std::string(head) + "</head><body>" + std::string(body) +
         "</body></html>";
}

TEST(ExtractArticle, KeepsArticleAndDropsBoilerplate) {
  HtmlArticle a = ExtractArticle(Page(
      "<style>p{color:red}</style><script>var x = '<p>no</p>';</script>",
      "<header><a href=/>Daily Bugle</a></header><nav><ul><li>World</li><li>Sport</li></ul></nav>"
      "<article><h1>Strike at the docks</h1><p>Workers walked out on Tuesday.</p>"
      "<script>track()</script><aside>Read more: other story</aside>"
      "<form><input name=q><button>Subscribe</button></form>"
      "<p>The union said 400 took part.</p></article>"
      "<aside>Most read</aside><footer>(c) Daily Bugle</footer><noscript>Enable JS</noscript>"));
  EXPECT_EQ(
      a.text,
      "Strike at the docks\n\nWorkers walked out on Tuesday.\n\nThe union said 400 took part.");
}

TEST(ExtractArticle, DecodesEntitiesAndCollapsesWhitespace) {
  HtmlArticle a = ExtractArticle(
      Page("",
           "<article><p>  Police&nbsp;said &quot;no&quot; &amp;\n\t left &#8212; &eacute;t&eacute;"
           " &lt;ok&gt;  </p></article>"));
  EXPECT_EQ(a.text, "Police said \"no\" & left \xE2\x80\x94 \xC3\xA9t\xC3\xA9 <ok>");
}

TEST(ExtractArticle, BlocksBecomeParagraphsInlineElementsDoNot) {
  HtmlArticle a = ExtractArticle(
      Page("",
           "<main><div>One <b>bold</b> <a href=#>link</a>.</div><div><div>Two</div></div>"
           "Three<br>Four<ul><li>Five</li><li>Six</li></ul><blockquote>Seven</blockquote>"
           "<table><tr><td>8</td><td>nine</td></tr><tr><th>10</th></tr></table></main>"));
  EXPECT_EQ(a.text,
            "One bold link.\n\nTwo\n\nThree\n\nFour\n\nFive\n\nSix\n\nSeven\n\n8 nine\n\n10");
}

TEST(ExtractArticle, PrefersArticleBodyItemprop) {
  HtmlArticle a =
      ExtractArticle(Page("",
                          "<article><h1>Headline</h1><div class=byline>By A. Writer</div>"
                          "<div itemprop=\"articleBody\"><p>Body text.</p></div></article>"));
  EXPECT_EQ(a.text, "Body text.");
}

TEST(ExtractArticle, ChoosesTheLongestArticle) {
  HtmlArticle a = ExtractArticle(
      Page("",
           "<article><p>Teaser one.</p></article>"
           "<article><p>The main story, which is a good deal longer than the teasers.</p></article>"
           "<article><p>Teaser two.</p></article>"));
  EXPECT_EQ(a.text, "The main story, which is a good deal longer than the teasers.");
}

TEST(ExtractArticle, UsesMainThenBody) {
  EXPECT_EQ(ExtractArticle(Page("", "<p>outside</p><div role=main><p>inside</p></div>")).text,
            "inside");
  EXPECT_EQ(ExtractArticle(Page("", "<nav>menu</nav><p>Just a body.</p><footer>f</footer>")).text,
            "Just a body.");
  EXPECT_EQ(ExtractArticle("Bare text, no tags").text, "Bare text, no tags");
}

TEST(ExtractArticle, EmptyArticleFallsBackToBody) {
  HtmlArticle a =
      ExtractArticle(Page("", "<article><script>x()</script></article><p>Real text.</p>"));
  EXPECT_EQ(a.text, "Real text.");
}

TEST(ExtractArticle, PageWrappedInFormFallsBackToLenient) {
  // Some sites wrap the whole page in one <form>.
  HtmlArticle a =
      ExtractArticle(Page("", "<form id=aspnetForm><div><p>Story text.</p></div></form>"));
  EXPECT_EQ(a.text, "Story text.");
}

TEST(ExtractArticle, DropsHiddenElements) {
  HtmlArticle a = ExtractArticle(
      Page("",
           "<article><p>Seen.</p><p hidden>Hidden.</p><div aria-hidden=\"true\">Aria.</div>"
           "<div style=\"display: none\">Styled.</div><div role=navigation>Nav.</div>"
           "<svg><text>svg text</text></svg></article>"));
  EXPECT_EQ(a.text, "Seen.");
}

TEST(ExtractArticle, EmptyOrScriptOnlyPageHasNoText) {
  EXPECT_EQ(ExtractArticle("").text, "");
  EXPECT_EQ(ExtractArticle(Page("<title>T</title>", "<script>render()</script>")).text, "");
}

TEST(ExtractArticle, MalformedHtmlDoesNotBreak) {
  HtmlArticle a = ExtractArticle("<p>one<p>two<div><span>three</b></i><td>four<</table>&bogus;");
  // HTML5 parsing ignores the stray <td> and </table>; "<" and "&bogus;" stay as text.
  EXPECT_EQ(a.text, "one\n\ntwo\n\nthreefour<&bogus;");
}

TEST(ExtractArticle, TitleFromOgTitleThenTitleThenH1) {
  EXPECT_EQ(ExtractArticle(Page("<title>Page | Site</title>"
                                "<meta property=\"og:title\" content=\" Protest  in Velmora \">",
                                "<h1>H</h1>"))
                .title,
            "Protest in Velmora");
  EXPECT_EQ(ExtractArticle(Page("<title>\n  Page &amp; more | Site\n</title>", "<h1>H</h1>")).title,
            "Page & more | Site");
  EXPECT_EQ(
      ExtractArticle(Page("", "<header><h1>Heading <em>one</em></h1></header><p>x</p>")).title,
      "Heading one");
  EXPECT_EQ(ExtractArticle(Page("", "<p>x</p>")).title, "");
}

TEST(ExtractArticle, PublishedFromMetaTags) {
  struct Case {
    const char* head;
    const char* want;
  } cases[] = {
      {"<meta property=\"article:published_time\" content=\"2020-05-09T10:00:00+02:00\">",
       "2020-05-09"},
      {"<meta name=\"pubdate\" content=\"2019-12-31\">", "2019-12-31"},
      {"<meta name=\"date\" content=\"2018-01-02\">", "2018-01-02"},
      {"<meta itemprop=\"datePublished\" content=\"2017-03-04\">", "2017-03-04"},
      {"<meta name=\"DC.date.issued\" content=\"2016-05-06\">", "2016-05-06"},
      {"<meta name=\"parsely-pub-date\" content=\"2015-07-08T00:00:00Z\">", "2015-07-08"},
      // Preference: article:published_time beats a generic date, whatever the order.
      {"<meta name=\"date\" content=\"2001-01-01\">"
       "<meta property=\"article:published_time\" content=\"2002-02-02\">",
       "2002-02-02"},
      // An invalid value does not count.
      {"<meta property=\"article:published_time\" content=\"yesterday\">"
       "<meta name=\"date\" content=\"2003-03-03\">",
       "2003-03-03"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ExtractArticle(Page(c.head, "<p>x</p>")).published, c.want) << c.head;
  }
}

TEST(ExtractArticle, PublishedFromJsonLd) {
  HtmlArticle a = ExtractArticle(
      Page("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"dateModified\":"
           "\"2020-06-01\", \"datePublished\" : \"2020-05-30T07:00:00Z\"}</script>",
           "<p>x</p>"));
  EXPECT_EQ(a.published, "2020-05-30");
}

TEST(ExtractArticle, PublishedFromTimeElement) {
  EXPECT_EQ(ExtractArticle(Page("",
                                "<aside><time datetime=\"2010-01-01\">old</time></aside>"
                                "<article><time datetime=\"2011-02-03T04:05\">Feb 3</time>"
                                "<p>x</p></article>"))
                .published,
            "2011-02-03");
  EXPECT_EQ(ExtractArticle(Page("", "<time datetime=\"2012-04-05\">x</time><p>y</p>")).published,
            "2012-04-05");
  EXPECT_EQ(ExtractArticle(Page("",
                                "<span itemprop=datePublished content=\"2013-06-07\"></span>"
                                "<p>y</p>"))
                .published,
            "2013-06-07");
}

TEST(ExtractArticle, NoOrInvalidDateLeavesPublishedEmpty) {
  EXPECT_EQ(ExtractArticle(Page("", "<p>x</p>")).published, "");
  EXPECT_EQ(ExtractArticle(Page("<meta name=date content=\"9 May 2020\">",
                                "<time datetime=\"2020-13-01\">x</time>"))
                .published,
            "");
}

TEST(CheckHtmlNesting, AcceptsOrdinaryAndFlatPages) {
  std::string page;
  for (int i = 0; i < 100; ++i) page += "<div>";
  for (int i = 0; i < 20000; ++i) page += "<p>para<li>item<td>cell<br><img src=x>";
  page += "<svg>";
  for (int i = 0; i < 5000; ++i) page += "<path d=\"M0\"/>";
  page += "</svg><script>for (i = 0; i < n; i++) s += '<div>';</script>";
  EXPECT_TRUE(CheckHtmlNesting(page).ok());
  std::string nested;
  for (size_t i = 0; i < kMaxHtmlNesting; ++i) nested += "<span>";
  EXPECT_TRUE(CheckHtmlNesting(nested).ok());
  // Sloppy markup: the </div> also closes the <span> left open inside it.
  std::string sloppy;
  for (int i = 0; i < 5000; ++i) sloppy += "<div class=c><span>unclosed <b>x</div></b>";
  EXPECT_TRUE(CheckHtmlNesting(sloppy).ok());
}

TEST(CheckHtmlNesting, CountsSelfClosedHtmlElementsAsOpen) {
  // "<div/>" opens a div in HTML, so this is as deep as it looks.
  std::string page;
  for (size_t i = 0; i <= kMaxHtmlNesting; ++i) page += "<div/>";
  EXPECT_EQ(CheckHtmlNesting(page).code(), ErrorCode::kTooLarge);
}

TEST(CheckHtmlNesting, RejectsDeepNesting) {
  std::string page;
  for (int i = 0; i < 100000; ++i) page += "<div>";
  Status s = CheckHtmlNesting(page, "deep.html");
  EXPECT_EQ(s.code(), ErrorCode::kTooLarge);
  EXPECT_EQ(s.where(), "deep.html");
  EXPECT_NE(s.message().find("at byte " + std::to_string(kMaxHtmlNesting * 5)), std::string::npos)
      << s.message();
  EXPECT_EQ(ExtractArticle(page + "text").text, "");
}

TEST(ExtractArticle, NestingJustBelowTheLimitWorks) {
  std::string page;
  for (size_t i = 0; i < kMaxHtmlNesting; ++i) page += "<div>";
  EXPECT_EQ(ExtractArticle(page + "deep text").text, "deep text");
}

}  // namespace
}  // namespace evident::text
