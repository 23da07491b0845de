#include <gtest/gtest.h>

#include "extract/analysis.h"
#include "extract/lexicons.h"
#include "extract/mentions.h"
#include "tests/test_util.h"

namespace sitrep {
namespace {

std::vector<Quantity> Quantities(const std::string& text) {
  Analysis a(text, CivilDate{2024, 8, 13}, testing::TestLexicons());
  auto dates = FindDates(a);
  std::vector<Quantity> out;
  for (const QuantityFound& q : FindQuantities(a, dates)) out.push_back(q.quantity);
  return out;
}

TEST(Quantities, AreaWithUpperBoundAndConversion) {
  auto q = Quantities("Troops had captured nearly 400 square miles of Russian territory.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "nearly 400 square miles");
  EXPECT_EQ(q[0].value, 400);
  EXPECT_EQ(q[0].unit, "sq mi");
  EXPECT_EQ(q[0].bound, QuantityBound::kAtMostApprox);
  ASSERT_TRUE(q[0].value_in_si.has_value());
  EXPECT_NEAR(*q[0].value_in_si, 1036.0, 0.5);
  EXPECT_EQ(q[0].si_unit, "km2");
}

TEST(Quantities, VagueAmountsAreLowerBounds) {
  auto q = Quantities("prompting hundreds of thousands of Russian civilians to evacuate");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "hundreds of thousands");
  EXPECT_EQ(q[0].value, 200000);
  EXPECT_EQ(q[0].unit, "people");
  EXPECT_EQ(q[0].bound, QuantityBound::kAtLeast);
  auto t = Quantities("Tens of thousands of residents fled.");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].value, 20000);
  auto d = Quantities("dozens of glide bombs fell");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].unit, "bombs");
}

TEST(Quantities, HeadNounOfACoordinatedList) {
  auto q = Quantities("bombarded with over 2,000 drone, artillery, and mortar strikes originating from Kursk");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "over 2,000");
  EXPECT_EQ(q[0].value, 2000);
  EXPECT_EQ(q[0].unit, "strikes");
  EXPECT_EQ(q[0].bound, QuantityBound::kMoreThan);
}

TEST(Quantities, NumberWordsAndBounds) {
  auto q = Quantities("Kyiv has targeted at least six western Russian regions on or near the border.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].value, 6);
  EXPECT_EQ(q[0].unit, "regions");
  EXPECT_EQ(q[0].bound, QuantityBound::kAtLeast);
  auto n = Quantities("nearly a dozen Patriot systems were needed");
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(n[0].text, "nearly a dozen");
  EXPECT_EQ(n[0].value, 12);
  EXPECT_EQ(n[0].bound, QuantityBound::kAtMostApprox);
  auto f = Quantities("fewer than 20,000 residents remain in the city");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].bound, QuantityBound::kLessThan);
  EXPECT_EQ(f[0].unit, "people");
}

// The point: bound phrases match longest first, so the "more than" inside
// "no more than" does not win (quantity_bounds.tsv).
TEST(Quantities, NoMoreThanIsAnUpperBound) {
  auto q = Quantities("The strike killed no more than 5 people.");
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].text, "no more than 5");
  EXPECT_EQ(q[0].value, 5);
  EXPECT_EQ(q[0].bound, QuantityBound::kAtMost);
  auto f = Quantities("No fewer than 12 soldiers died.");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].text, "No fewer than 12");
  EXPECT_EQ(f[0].bound, QuantityBound::kAtLeast);
  auto l = Quantities("They lost no less than 300 square kilometres.");
  ASSERT_EQ(l.size(), 1u);
  EXPECT_EQ(l[0].bound, QuantityBound::kAtLeast);
  auto m = Quantities("Troops fired more than 5 missiles.");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].text, "more than 5");
  EXPECT_EQ(m[0].bound, QuantityBound::kMoreThan);
}

// Bound words come from quantity_bounds.tsv: a row added there is read, and
// a row with an unknown bound is refused with its line.
TEST(Quantities, BoundPhrasesAreData) {
  LexiconSources src = LexiconSources::Embedded();
  src.quantity_bounds = "# test\nupward of\tmore_than\ten\nnot over\tat_most\ten\n";
  auto lex = Lexicons::Load(src);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  std::vector<std::string> words = {"not", "over", "5"};
  BoundMatch m = (*lex)->MatchBoundBefore(words, 2, {"en"});
  EXPECT_EQ(m.words, 2);
  EXPECT_EQ(m.bound, QuantityBound::kAtMost);
  EXPECT_EQ((*lex)->MatchBoundBefore(words, 2, {"ru"}).words, 0);  // an English row, not a Russian one
  src.quantity_bounds = "upward of\tmore_than\ten\nabout\taproximate\ten\n";
  auto bad = Lexicons::Load(src);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("quantity_bounds.tsv line 2"), std::string::npos) << bad.status().message();
}

TEST(Quantities, HyphenatedCompounds) {
  auto q = Quantities("the thousand-kilometer-long border and the more than two-year-long war");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].value, 1000);
  EXPECT_EQ(q[0].unit, "km");
  EXPECT_EQ(q[0].bound, QuantityBound::kApprox);
  EXPECT_EQ(q[1].text, "more than two-year-long");
  EXPECT_EQ(q[1].value, 2);
  EXPECT_EQ(q[1].unit, "years");
  EXPECT_EQ(q[1].bound, QuantityBound::kMoreThan);
}

TEST(Quantities, MultipliersAndMetricAreas) {
  auto q = Quantities("About 1.5 million people left, and some 480 square kilometres were lost.");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_EQ(q[0].value, 1.5e6);
  EXPECT_EQ(q[0].unit, "people");
  EXPECT_EQ(q[0].bound, QuantityBound::kApprox);
  EXPECT_EQ(q[1].unit, "km2");
  EXPECT_EQ(*q[1].value_in_si, 480);
}

TEST(Quantities, YearsDatesAndPronounsAreNotCounts) {
  EXPECT_TRUE(Quantities("Since Fall 2022 the line held.").empty());
  EXPECT_TRUE(Quantities("He is one of the officials.").empty());
  EXPECT_TRUE(Quantities("It happened on August 6, 2024.").empty());
}

}  // namespace
}  // namespace sitrep
