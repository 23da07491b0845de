// Attribution in wire-news constructions: a report written for this test.
#include <gtest/gtest.h>

#include "sitrep/sitrep.h"
#include "tests/test_util.h"

namespace sitrep {
namespace {

using testing::ExtractText;
using testing::FindClaim;

const char kWireReport[] =
    "Russia Claims Capture of Village Near Pokrovsk\n\n"
    "KYIV, Ukraine (AP) — Russia's Defense Ministry said Sunday its forces had taken control of the village of "
    "Novohrodivka in eastern Ukraine, a claim that could not be independently verified.\n\n"
    "\"Our units continue to advance in all directions,\" the ministry said in a statement on Telegram.\n\n"
    "Ukrainian military spokesman Nazar Voloshyn denied that the village had fallen. \"The fighting there "
    "continues, and our positions are holding,\" Voloshyn told The Associated Press.\n\n"
    "Meanwhile, a Russian missile attack on the city of Dnipro killed at least five people and injured 23 "
    "others, regional Gov. Serhii Lysak said on Saturday.\n\n"
    "According to the Institute for the Study of War, Russian forces have made marginal gains near Pokrovsk. "
    "The Washington-based think tank estimated that Moscow lost more than 1,000 soldiers a day in October.\n\n"
    "Kremlin spokesman Dmitry Peskov on Monday dismissed reports that Putin was preparing a new mobilization "
    "wave. \"These are fabrications,\" Peskov said.\n";

class WireReport : public ::testing::Test {
 protected:
  void SetUp() override { x_ = ExtractText(kWireReport, "2024-11-04"); }
  const Claim& Get(const std::string& needle) {
    const Claim* c = FindClaim(x_, needle);
    EXPECT_NE(c, nullptr) << needle;
    static const Claim kNone;
    return c != nullptr ? *c : kNone;
  }
  Extraction x_;
};

TEST_F(WireReport, AClaimThatCouldNotBeVerified) {
  const Claim& c = Get("taken control");
  EXPECT_EQ(c.status, ClaimStatus::kUnverified);
  ASSERT_TRUE(c.speaker.has_value());
  EXPECT_EQ(c.speaker->name, "Russia's Defense Ministry");
  EXPECT_EQ(c.speaker->side, "party");
  ASSERT_TRUE(c.date.has_value());
  EXPECT_EQ(c.date->ToString(), "2024-11-03");
}

TEST_F(WireReport, TheMinistryIsTheMinistryNamedBefore) {
  const Claim& c = Get("advance in all directions");
  ASSERT_TRUE(c.speaker.has_value());
  EXPECT_EQ(c.speaker->name, "Russia's Defense Ministry");
  EXPECT_EQ(c.speaker->country, "RUS");
}

TEST_F(WireReport, ASpokesmanDeniesAndIsQuoted) {
  const Claim& d = Get("the village had fallen");
  EXPECT_EQ(d.status, ClaimStatus::kDenied);
  ASSERT_TRUE(d.speaker.has_value());
  EXPECT_EQ(d.speaker->name, "Nazar Voloshyn");
  EXPECT_EQ(d.speaker->country, "UKR");  // "Ukrainian military spokesman"
  const Claim& q = Get("positions are holding");
  ASSERT_TRUE(q.speaker.has_value());
  EXPECT_EQ(q.speaker->name, "Nazar Voloshyn");
}

TEST_F(WireReport, AnAbbreviatedTitleClosingTheSentence) {
  const Claim& c = Get("missile attack on the city of Dnipro");
  EXPECT_EQ(c.kind, ClaimKind::kReportedSpeech);
  ASSERT_TRUE(c.speaker.has_value());
  EXPECT_EQ(c.speaker->name, "Serhii Lysak");
  ASSERT_TRUE(c.event.has_value());
  EXPECT_EQ(c.event->actor1, "RUS");
}

TEST_F(WireReport, ALocatedThinkTankIsTheOneNamedBefore) {
  const Claim& c = Get("lost more than 1,000 soldiers");
  ASSERT_TRUE(c.speaker.has_value());
  EXPECT_EQ(c.speaker->name, "Institute for the Study of War");
  EXPECT_EQ(c.speaker->side, "analyst");
  ASSERT_TRUE(c.date_range.has_value());
  EXPECT_EQ(c.date_range->first.ToString(), "2024-10-01");
}

TEST_F(WireReport, DismissingReportsDeniesThem) {
  const Claim& c = Get("new mobilization wave");
  EXPECT_EQ(c.status, ClaimStatus::kDenied);
  EXPECT_EQ(c.text, "Putin was preparing a new mobilization wave");
  ASSERT_TRUE(c.speaker.has_value());
  EXPECT_EQ(c.speaker->name, "Dmitry Peskov");
  EXPECT_EQ(c.speaker->country, "RUS");
}

TEST_F(WireReport, AShortQuotationWithItsSpeaker) {
  const Claim& c = Get("These are fabrications");
  EXPECT_EQ(c.kind, ClaimKind::kQuote);
  ASSERT_TRUE(c.speaker.has_value());
  EXPECT_EQ(c.speaker->name, "Dmitry Peskov");
}

TEST(ScareQuotes, AreNotClaims) {
  auto x = ExtractText("Moscow calls the war a \"special military operation\" and denies targeting civilians.");
  for (const Claim& c : x.claims) EXPECT_NE(c.kind, ClaimKind::kQuote) << c.text;
}

}  // namespace
}  // namespace sitrep
