#include <gtest/gtest.h>

#include "eval/gold_scorer.h"
#include "tests/test_util.h"

namespace sitrep {
namespace {

TEST(GoldScorer, CountsHitsAndMissesAndExplainsThem) {
  Extraction x = testing::ExtractText(
      "“We will hold the city of Sumy at any cost,” Governor Ivan Petrenko said on Monday.\n\n"
      "Reports emerged suggesting that Russian units had massed near the border.",
      "2024-08-13");
  nlohmann::json gold = nlohmann::json::parse(R"({
    "people": [{"name": "Ivan Petrenko", "aliases": ["Petrenko"]}],
    "claims": [
      {"id": "g1", "speaker": "Petrenko", "key": ["hold the city"], "status": "asserted", "date": "2024-08-12"},
      {"id": "g2", "speaker": null, "key": ["massed near the border"], "status": "reported"},
      {"id": "g3", "speaker": "Petrenko", "key": ["a sentence nobody wrote"], "status": "asserted"},
      {"id": "g4", "speaker": null, "key": ["massed"], "status": "confirmed"}
    ],
    "places": [{"mention": "Sumy", "lat": 50.91, "lon": 34.80, "tolerance_km": 50},
               {"mention": "Sumy", "lat": 10.0, "lon": 10.0, "tolerance_km": 50}],
    "quantities": []
  })");
  Result<GoldScore> s = ScoreAgainstGold(gold, x);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->claims.total, 4);
  EXPECT_EQ(s->claims.hit, 2);
  EXPECT_EQ(s->claims_found.hit, 2);  // g4's claim was taken by g2: one claim, one gold item
  EXPECT_EQ(s->dates.hit, 1);
  EXPECT_EQ(s->places.hit, 1);
  EXPECT_EQ(s->places.total, 2);
  EXPECT_NE(s->report.find("MISS g3"), std::string::npos);
}

// A gold file is input: members of another JSON type are skipped, never
// thrown out of the scorer.
TEST(GoldScorer, FieldsOfAWrongTypeAreSkippedNotThrown) {
  Extraction x = testing::ExtractText("Governor Ivan Petrenko said shelling hit Sumy on Monday.", "2024-08-13");
  nlohmann::json gold = nlohmann::json::parse(R"({
    "people": [{"name": 5, "aliases": ["Petrenko", 7]}, "not a person"],
    "claims": [{"id": "g1", "speaker": "Petrenko", "key": ["shelling", false], "status": "asserted",
                "date": 20240812, "date_range": [1, 2]}, 3],
    "places": [{"mention": "Sumy", "lat": "50.9", "lon": 34.8}],
    "quantities": {"value": 1},
    "metonyms": "none"
  })");
  Result<GoldScore> s = ScoreAgainstGold(gold, x);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->claims.total, 2);
  EXPECT_EQ(s->claims.hit, 1);
  EXPECT_EQ(s->dates.total, 0);  // a date that is not a string is not scored
}

TEST(GoldScorer, RejectsAGoldFileWithoutClaims) {
  Result<GoldScore> s = ScoreAgainstGold(nlohmann::json::object(), Extraction{});
  EXPECT_FALSE(s.ok());
}

TEST(GoldScorer, DistanceIsGreatCircle) {
  EXPECT_NEAR(DistanceKm(50.45, 30.52, 49.99, 36.23), 410, 10);  // Kyiv to Kharkiv
  EXPECT_NEAR(DistanceKm(0, 0, 0, 1), 111.2, 0.2);
}

}  // namespace
}  // namespace sitrep
