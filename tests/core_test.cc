#include <gtest/gtest.h>

#include "core/flat_string_map.h"
#include "core/tsv.h"
#include "core/utf8.h"
#include "sitrep/extraction.h"
#include "sitrep/status.h"

namespace sitrep {
namespace {

TEST(FlatStringMap, FindsWhatWasAddedAndKeepsTheFirstInsert) {
  FlatStringMap<int> m;
  EXPECT_EQ(m.Find("kyiv"), nullptr);  // empty: no slots yet
  // Enough words to grow the table several times.
  for (int i = 0; i < 1000; ++i) m[std::string(1, 'w').append(std::to_string(i))] += i;
  m["w7"] += 100;
  EXPECT_EQ(m.size(), 1000u);
  ASSERT_NE(m.Find("w7"), nullptr);
  EXPECT_EQ(*m.Find("w7"), 107);
  ASSERT_NE(m.Find("w999"), nullptr);
  EXPECT_EQ(*m.Find("w999"), 999);
  EXPECT_EQ(m.Find("w1000"), nullptr);
  EXPECT_EQ(m.Find(""), nullptr);
  EXPECT_EQ(m.Find("w"), nullptr);
  EXPECT_TRUE(m.Insert("", -1));     // the empty word is a key like any other
  EXPECT_FALSE(m.Insert("w7", 0));   // as emplace: the first value stays
  EXPECT_EQ(*m.Find("w7"), 107);
  EXPECT_EQ(*m.Find(""), -1);
  int seen = 0;
  long sum = 0;
  m.ForEach([&](std::string_view, int v) {
    ++seen;
    sum += v;
  });
  EXPECT_EQ(seen, 1001);
  EXPECT_EQ(sum, 999 * 1000 / 2 + 100 - 1);
}

TEST(Utf8, DecodesAndRejects) {
  char32_t cp;
  EXPECT_EQ(DecodeUtf8("Х", 0, &cp), 2);
  EXPECT_EQ(cp, U'Х');
  EXPECT_EQ(DecodeUtf8("\xE2\x80\x9C", 0, &cp), 3);
  EXPECT_EQ(cp, 0x201C);
  EXPECT_EQ(DecodeUtf8("\xC0\xAF", 0, &cp), 0);  // overlong
  EXPECT_EQ(DecodeUtf8("\xED\xA0\x80", 0, &cp), 0);  // surrogate
  EXPECT_EQ(DecodeUtf8("\xE2\x80", 0, &cp), 0);  // truncated
}

TEST(Utf8, RepairKeepsLengthAndReportsFirstBadByte) {
  std::string s = "ok \xFF\xFE then Київ";
  size_t before = s.size();
  Utf8Repair r = RepairUtf8(&s);
  EXPECT_EQ(s.size(), before);
  EXPECT_EQ(r.bad_bytes, 2u);
  EXPECT_EQ(r.first_bad_offset, 3u);
  EXPECT_EQ(s.substr(0, 6), "ok ?? ");
  EXPECT_NE(s.find("Київ"), std::string::npos);
}

TEST(Utf8, FoldCaseHandlesCyrillicDiacriticsAndApostrophes) {
  EXPECT_EQ(FoldCase("KHARKIV"), "kharkiv");
  EXPECT_EQ(FoldCase("Харків"), "харків");
  EXPECT_EQ(FoldCase("ХАРЬКОВ"), "харьков");
  EXPECT_EQ(FoldCase("Türkiye"), "turkiye");
  EXPECT_EQ(FoldCase("Ukraine’s"), "ukraine's");
  EXPECT_EQ(FoldCase("Київ"), "київ");  // й is not stripped to и
  EXPECT_EQ(FoldCase("Йошкар"), "йошкар");
}

// What reaches a terminal or a message from input: no control characters,
// no invalid bytes, at most an excerpt; text (Cyrillic too) unchanged.
TEST(Utf8, PrintableEscapesControlsAndCutsAtACodePoint) {
  EXPECT_EQ(Printable("Сумы \x1b[31mred\x07"), "Сумы \\x1b[31mred\\x07");
  EXPECT_EQ(Printable("a\nb\tc"), "a\\x0ab\\x09c");
  EXPECT_EQ(Printable("a\r\nb\tc\rd", std::string_view::npos, /*one_line=*/false), "a\r\nb\tc\\x0dd");
  EXPECT_EQ(Printable("\xc2\x9b" "2J \x7f \xff"), "\\xc2\\x9b2J \\x7f \\xff");  // C1 CSI, DEL, a bad byte
  EXPECT_EQ(Printable("Київ", 5), "Ки\u2026");  // 5 bytes: a third letter would make 6
  EXPECT_EQ(Printable(std::string(100000, 'a'), kMessageExcerptBytes).size(), kMessageExcerptBytes + 3);
}

TEST(Utf8, EditDistanceCountsTranspositionsOnce) {
  EXPECT_EQ(EditDistance("lipestk", "lipetsk", 2), 1);
  EXPECT_EQ(EditDistance("zelenksyy", "zelenskyy", 2), 1);
  EXPECT_EQ(EditDistance("kharkiv", "kharkov", 2), 1);
  EXPECT_EQ(EditDistance("kyiv", "kiev", 2), 2);
  EXPECT_EQ(EditDistance("sumy", "moscow", 2), 3);  // capped at max + 1
  EXPECT_EQ(EditDistance("суджа", "суджа", 1), 0);
}

TEST(CivilDate, RoundTripsAndKnowsWeekdays) {
  CivilDate d{2024, 8, 13};
  EXPECT_EQ(CivilDate::FromDays(d.ToDays()), d);
  EXPECT_EQ(d.Weekday(), 1);  // a Tuesday
  EXPECT_EQ((CivilDate{1970, 1, 1}).ToDays(), 0);
  EXPECT_EQ(CivilDate::FromDays(d.ToDays() - 13).ToString(), "2024-07-31");
  EXPECT_TRUE(CivilDate::Parse("2024-02-29").has_value());
  EXPECT_FALSE(CivilDate::Parse("2023-02-29").has_value());
  EXPECT_FALSE(CivilDate::Parse("2024-13-01").has_value());
  EXPECT_FALSE(CivilDate::Parse("13/08/2024").has_value());
}

TEST(Tsv, SkipsCommentsAndKeepsLineNumbers) {
  auto rows = ParseTsv("# header\nа\tb\n\nc\td\te\r\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].line, 2);
  EXPECT_EQ(rows[0].field(0), "а");
  EXPECT_EQ(rows[1].fields.size(), 3u);
  EXPECT_EQ(rows[1].field(2), "e");
  EXPECT_EQ(rows[1].field(7), "");
  EXPECT_EQ(SplitList("a||b|"), (std::vector<std::string_view>{"a", "b"}));
}

// The point: reading the value of an error is caught where it happens (in
// debug builds), not as garbage further on.
TEST(Result, ValueOfAnErrorAsserts) {
#ifdef NDEBUG
  GTEST_SKIP() << "asserts are compiled out of release builds";
#else
  Result<std::string> r = Status::NotFound("no such thing");
  EXPECT_DEATH((void)r.value(), "check ok\\(\\) first");
  EXPECT_DEATH((void)r->size(), "check ok\\(\\) first");
  EXPECT_DEATH((void)*r, "check ok\\(\\) first");
  Result<std::string> v = std::string("value");
  EXPECT_EQ(*v, "value");
#endif
}

}  // namespace
}  // namespace sitrep
