#include <gtest/gtest.h>

#include "text/html.h"
#include "text/segmenter.h"

namespace sitrep {
namespace {

std::vector<std::string> Sentences(std::string_view text) {
  Segmentation s = Segment(text);
  std::vector<std::string> out;
  for (const Sentence& x : s.sentences) out.emplace_back(text.substr(x.begin, x.end - x.begin));
  return out;
}

TEST(Segmenter, SplitsSentencesButNotAbbreviations) {
  auto s = Sentences("Gen. Oleksandr Syrskyi spoke. The U.S. Army said so. Then it ended.");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "Gen. Oleksandr Syrskyi spoke.");
  EXPECT_EQ(s[1], "The U.S. Army said so.");
}

// Text published all in lower case has no capitals to start sentences: a
// period before a lower-case word ends one there, but not after an
// abbreviation; in ordinary text it does not ("5 km. from the border").
TEST(Segmenter, LowerCaseTextSplitsAtPeriodsBeforeLowerCaseWords) {
  auto s = Sentences(
      "police fired teargas shells near the station on tuesday. over 50 persons were arrested in the "
      "combing operation that followed, officials said. mr. patel, the commissioner, said the curfew "
      "would stay. the army was called in late at night.");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[1], "over 50 persons were arrested in the combing operation that followed, officials said.");
  EXPECT_EQ(s[2], "mr. patel, the commissioner, said the curfew would stay.");
  auto ordinary = Sentences("The shell fell 5 km. from the border near Sumy. The talks ended late.");
  ASSERT_EQ(ordinary.size(), 2u);
  EXPECT_EQ(ordinary[0], "The shell fell 5 km. from the border near Sumy.");
}

TEST(Segmenter, KeepsClosingQuoteWithItsSentence) {
  auto s = Sentences("“We need weapons,” he urged. “This is urgent.” Officials agreed.");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "“We need weapons,” he urged.");
  EXPECT_EQ(s[1], "“This is urgent.”");
}

TEST(Segmenter, BlankLinesAndFinalLineBreaksMakeParagraphs) {
  Segmentation s = Segment("Headline Without Period\nFirst sentence here.\n\nSecond paragraph.\nThird.");
  EXPECT_EQ(s.paragraphs.size(), 4u);
}

TEST(Segmenter, WrappedLinesStayInOneParagraph) {
  Segmentation s = Segment("Intro.\n\nA sentence that is wrapped\nover two lines.");
  EXPECT_EQ(s.paragraphs.size(), 2u);
  EXPECT_EQ(s.sentences.size(), 2u);
}

TEST(Segmenter, TokenizesPossessivesNumbersAndHyphens) {
  std::string text = "Ukraine’s 2,000 thousand-kilometer-long O'Brien";
  Segmentation s = Segment(text);
  std::vector<std::string> tokens;
  for (const Token& t : s.tokens) tokens.push_back(text.substr(t.begin, t.size()));
  EXPECT_EQ(tokens, (std::vector<std::string>{"Ukraine", "’s", "2,000", "thousand-kilometer-long", "O'Brien"}));
  EXPECT_EQ(s.tokens[2].kind, TokenKind::kNumber);
  EXPECT_TRUE(s.tokens[0].capitalized);
}

TEST(Segmenter, HandlesCyrillic) {
  std::string text = "Обстрел Харькова продолжается. Мэр сообщил.";
  auto s = Sentences(text);
  ASSERT_EQ(s.size(), 2u);
  Segmentation seg = Segment(text);
  EXPECT_TRUE(seg.tokens[1].capitalized);
}

TEST(NameKey, MatchesTokenization) {
  EXPECT_EQ(NameKey("St. Petersburg"), "st . petersburg");
  EXPECT_EQ(NameKey("Donetsk People's Republic"), "donetsk people 's republic");
  EXPECT_EQ(NameKey("U.S."), "u.s.");
}

TEST(Html, StripsTagsDecodesEntitiesAndMapsOffsets) {
  std::string html =
      "<html><head><title>Kyiv &amp; Kharkiv</title><script>var x = '<p>';</script>"
      "<meta property=\"article:published_time\" content=\"2024-10-02T08:00:00Z\"></head>"
      "<body><p>Hello&nbsp;&ldquo;world&rdquo;</p><p>Next</p></body></html>";
  ASSERT_TRUE(LooksLikeHtml(html));
  HtmlText h = HtmlToText(html);
  EXPECT_EQ(h.title, "Kyiv & Kharkiv");
  EXPECT_EQ(h.published, "2024-10-02");
  EXPECT_EQ(h.text, "Hello “world”\n\nNext");
  // "world" in the text maps back to "world" in the HTML.
  size_t at = h.text.find("world");
  Span raw = h.offsets.ToRaw({static_cast<uint32_t>(at), static_cast<uint32_t>(at + 5)});
  EXPECT_EQ(html.substr(raw.begin, raw.end - raw.begin), "world");
  // An entity maps to the whole entity.
  size_t q = h.text.find("“");
  Span qr = h.offsets.ToRaw({static_cast<uint32_t>(q), static_cast<uint32_t>(q + 3)});
  EXPECT_EQ(html.substr(qr.begin, qr.end - qr.begin), "&ldquo;");
}

TEST(Html, NumericEntitiesAndStrayAngleBrackets) {
  std::string out;
  EXPECT_EQ(DecodeEntity("&#8217;", 0, &out), 7u);
  EXPECT_EQ(out, "’");
  EXPECT_EQ(DecodeEntity("&#x41;", 0, &out), 6u);
  EXPECT_EQ(DecodeEntity("&bogus;", 0, &out), 0u);
  EXPECT_EQ(DecodeEntity("& alone", 0, &out), 0u);
  HtmlText h = HtmlToText("<p>a < b and c > d</p>");
  EXPECT_EQ(h.text, "a < b and c > d");
}

}  // namespace
}  // namespace sitrep
