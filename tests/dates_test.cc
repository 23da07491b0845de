#include <gtest/gtest.h>

#include "extract/analysis.h"
#include "extract/mentions.h"
#include "tests/test_util.h"

namespace sitrep {
namespace {

// The first date found in `text` published on `published`, as "from..to" or "day".
std::string FirstDate(const std::string& text, const std::string& published = "2024-08-13",
                      int* precision = nullptr) {
  Analysis a(text, CivilDate::Parse(published), testing::TestLexicons());
  auto dates = FindDates(a);
  if (dates.empty()) return "none";
  const DateMention& m = dates[0].mention;
  if (precision != nullptr) *precision = m.time_precision;
  return m.range() ? m.from.ToString() + ".." + m.to.ToString() : m.from.ToString();
}

TEST(Dates, WeekdaysResolveToTheMostRecentOne) {
  // 2024-08-13 is a Tuesday.
  EXPECT_EQ(FirstDate("He spoke on Monday night."), "2024-08-12");
  EXPECT_EQ(FirstDate("The report came on Tuesday."), "2024-08-13");
  EXPECT_EQ(FirstDate("It began on Wednesday."), "2024-08-07");
  EXPECT_EQ(FirstDate("It began last Tuesday."), "2024-08-06");
  EXPECT_EQ(FirstDate("Talks resume next Monday."), "2024-08-19");
}

// After a future marker a few words before it, a weekday is the coming one:
// "Russia will strike Kharkiv on Friday" is not an event of last Friday.
TEST(Dates, WeekdaysAfterAFutureMarkerAreTheComingOne) {
  // 2024-08-13 is a Tuesday.
  EXPECT_EQ(FirstDate("Russia will strike Kharkiv on Friday."), "2024-08-16");
  EXPECT_EQ(FirstDate("The vote is scheduled for Monday."), "2024-08-19");
  EXPECT_EQ(FirstDate("The talks will resume today, on Tuesday."), "2024-08-13");
  // Too far before the weekday, or in another sentence: the last one.
  EXPECT_EQ(FirstDate("He will never forget what happened on Friday."), "2024-08-09");
  EXPECT_EQ(FirstDate("They will return. Shelling hit Izium on Friday."), "2024-08-09");
}

TEST(Dates, RelativeDaysAndWeeks) {
  int p = 0;
  EXPECT_EQ(FirstDate("Drones attacked overnight.", "2024-08-13", &p), "2024-08-12");
  EXPECT_EQ(p, 1);
  EXPECT_EQ(FirstDate("It happened yesterday."), "2024-08-12");
  EXPECT_EQ(FirstDate("Moscow declared it last week.", "2024-08-13", &p), "2024-08-05..2024-08-11");
  EXPECT_EQ(p, 2);
  EXPECT_EQ(FirstDate("Reports emerged this week."), "2024-08-12..2024-08-13");
  EXPECT_EQ(FirstDate("According to reports over the last week, drones hit."), "2024-08-06..2024-08-13");
  EXPECT_EQ(FirstDate("In the past 24 hours, 30 rockets fell."), "2024-08-12..2024-08-13");
  EXPECT_EQ(FirstDate("It was seized three days ago."), "2024-08-10");
  EXPECT_EQ(FirstDate("Prices rose last month.", "2024-08-13", &p), "2024-07-01..2024-07-31");
  EXPECT_EQ(p, 3);
}

TEST(Dates, MonthsAndSinceRanges) {
  EXPECT_EQ(FirstDate("The administration in May reversed course."), "2024-05-01..2024-05-31");
  EXPECT_EQ(FirstDate("Strikes continued in October."), "2023-10-01..2023-10-31");
  EXPECT_EQ(FirstDate("Since the beginning of June, shelling intensified."), "2024-06-01..2024-08-13");
  EXPECT_EQ(FirstDate("It started in early June."), "2024-06-01..2024-06-10");
  EXPECT_EQ(FirstDate("as they have treated it since Fall 2022"), "2022-09-01..2024-08-13");
  EXPECT_EQ(FirstDate("The offensive began in 2022."), "2022-01-01..2022-12-31");
}

TEST(Dates, AbsoluteDates) {
  EXPECT_EQ(FirstDate("On August 6, 2024, troops crossed the border."), "2024-08-06");
  EXPECT_EQ(FirstDate("On 6 August 2024 troops crossed."), "2024-08-06");
  EXPECT_EQ(FirstDate("By Aug. 12 they had advanced."), "2024-08-12");
  EXPECT_EQ(FirstDate("Data as of 2024-07-31 show it."), "2024-07-31");
  EXPECT_EQ(FirstDate("It happened on February 30, 2024."), "none");
}

TEST(Dates, ModalMayIsNotAMonth) {
  EXPECT_EQ(FirstDate("Russia may respond soon."), "none");
  EXPECT_EQ(FirstDate("May brought heavy fighting."), "none");  // ambiguous at a sentence start
}

TEST(Dates, RelativeDatesNeedAPublicationDate) {
  Analysis a("He spoke on Monday night. The war began in February 2022.", std::nullopt, testing::TestLexicons());
  auto dates = FindDates(a);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].mention.from.ToString(), "2022-02-01");
}

// A date after publication ("next Monday", "by 2030") is its own claim's:
// the next paragraph's claim, which gives no date, is not dated by it.
TEST(ClaimDates, ADateAfterPublicationIsNotHandedOn) {
  Extraction x = testing::ExtractText(
      "Ukrainian drones will strike Belgorod next Monday, a military blogger claimed.\n\n"
      "Russian troops attacked Vovchansk, officials said.\n");
  ASSERT_GE(x.claims.size(), 2u);
  ASSERT_TRUE(x.claims[0].date.has_value());
  EXPECT_EQ(x.claims[0].date->ToString(), "2024-08-19");  // its own, after 2024-08-13
  const Claim& next = x.claims[1];
  EXPECT_FALSE(next.date.has_value() && next.date->ToString() == "2024-08-19") << next.text;
  EXPECT_FALSE(next.date_from_context);
  // A past date still carries over to the next paragraph.
  Extraction y = testing::ExtractText(
      "Russian forces shelled Kharkiv on Monday, the governor said.\n\n"
      "Russian troops attacked Vovchansk, officials said.\n");
  ASSERT_GE(y.claims.size(), 2u);
  ASSERT_TRUE(y.claims[1].date.has_value());
  EXPECT_EQ(y.claims[1].date->ToString(), "2024-08-12");
  EXPECT_TRUE(y.claims[1].date_from_context);
}

}  // namespace
}  // namespace sitrep
