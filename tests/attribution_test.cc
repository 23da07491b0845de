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

const char kStrikeReport[] =
    "Ukraine Says It Struck Russian Airbase in Crimea\n\n"
    "Ukraine's military said on Wednesday it had struck a Russian airbase near Saky in occupied Crimea, "
    "destroying two fighter jets.\n\n"
    "\"The operation was carried out by the Navy together with the Security Service,\" said Dmytro Pletenchuk, "
    "a spokesman for Ukraine's navy. He did not say which weapons were used.\n\n"
    "Satellite images reviewed by Example Wire appeared to show scorch marks near the runway, but the damage "
    "could not be confirmed.\n\n"
    "Mikhail Razvozhayev, the Russian-installed governor of Sevastopol, wrote on Telegram that air defences had "
    "repelled an attack and that there were no casualties.\n\n"
    "The strike came days after Russia pounded Ukraine's power grid with more than 120 missiles, according to "
    "Ukrenergo, the national grid operator.\n\n"
    "An adviser to President Volodymyr Zelensky, Mykhailo Podolyak, said Kyiv would \"continue to take the war "
    "back to Russia.\" Zelensky himself has said little about the strike.\n";

TEST(StrikeReport, AttributionAcrossCommonConstructions) {
  Extraction x = ExtractText(kStrikeReport, "2024-09-12", "Example Wire");
  const Claim* military = FindClaim(x, "struck a Russian airbase");
  ASSERT_NE(military, nullptr);
  EXPECT_EQ(military->kind, ClaimKind::kReportedSpeech);  // "said on Wednesday it had struck"
  ASSERT_TRUE(military->speaker.has_value());
  EXPECT_EQ(military->speaker->country, "UKR");

  const Claim* quote = FindClaim(x, "carried out by the Navy");
  ASSERT_NE(quote, nullptr);
  ASSERT_TRUE(quote->speaker.has_value());
  EXPECT_EQ(quote->speaker->name, "Dmytro Pletenchuk");  // "…," said NAME, a spokesman for …
  EXPECT_EQ(quote->speaker->country, "UKR");

  EXPECT_EQ(FindClaim(x, "which weapons"), nullptr);  // "did not say" claims nothing

  const Claim* images = FindClaim(x, "scorch marks");
  ASSERT_NE(images, nullptr);
  EXPECT_EQ(images->status, ClaimStatus::kUnverified);

  const Claim* governor = FindClaim(x, "air defences had repelled");
  ASSERT_NE(governor, nullptr);
  ASSERT_TRUE(governor->speaker.has_value());
  EXPECT_EQ(governor->speaker->name, "Mikhail Razvozhayev");  // a long apposition

  const Claim* grid = FindClaim(x, "pounded Ukraine's power grid");
  ASSERT_NE(grid, nullptr);
  ASSERT_TRUE(grid->speaker.has_value());
  EXPECT_EQ(grid->speaker->name, "Ukrenergo");  // according to a name sitrep does not know

  const Claim* partial = FindClaim(x, "take the war back");
  ASSERT_NE(partial, nullptr);
  ASSERT_TRUE(partial->speaker.has_value());
  EXPECT_EQ(partial->speaker->name, "Mykhailo Podolyak");  // a quotation inside reported speech
  EXPECT_EQ(partial->speaker->role, "adviser");
  EXPECT_EQ(FindClaim(x, "little about"), nullptr);
}

const char kDepotReport[] =
    "Drone Strike Sparks Fire at Russian Oil Depot\n\n"
    "MOSCOW — A Ukrainian drone attack set an oil depot on fire in Russia's Bryansk region early Tuesday, the "
    "regional governor said, in the latest of a string of long-range strikes on Russian energy facilities.\n\n"
    "Governor Alexander Bogomaz said in a post on Telegram that the fire had been contained and that no one was "
    "hurt.\n\n"
    "A source in Ukraine's security service told Reuters that the SBU was behind the attack. The source, who "
    "spoke on condition of anonymity, said the depot supplied fuel to Russian units fighting in Ukraine.\n\n"
    "Videos circulating on social media purportedly showed a large fire at the site.\n";

TEST(DepotReport, DatelinesSourcesAndHedges) {
  Extraction x = ExtractText(kDepotReport, "2024-10-15", "Reuters");
  const Claim* fire = FindClaim(x, "set an oil depot on fire");
  ASSERT_NE(fire, nullptr);
  EXPECT_EQ(fire->text.find("MOSCOW"), std::string::npos);  // the dateline is not the claim
  ASSERT_TRUE(fire->speaker.has_value());
  EXPECT_EQ(fire->speaker->name, "Alexander Bogomaz");  // "the regional governor", named later
  ASSERT_TRUE(fire->event.has_value());
  ASSERT_GT(fire->event->place_id, 0);
  EXPECT_EQ(x.places[fire->event->place_id - 1].name, "Bryansk Oblast");

  const Claim* telegram = FindClaim(x, "fire had been contained");
  ASSERT_NE(telegram, nullptr);  // "said in a post on Telegram that"
  EXPECT_EQ(telegram->kind, ClaimKind::kReportedSpeech);

  const Claim* sbu = FindClaim(x, "SBU was behind");
  ASSERT_NE(sbu, nullptr);
  EXPECT_EQ(sbu->kind, ClaimKind::kReport);  // an anonymous source
  EXPECT_EQ(sbu->status, ClaimStatus::kReported);
  const Claim* fuel = FindClaim(x, "supplied fuel");
  ASSERT_NE(fuel, nullptr);
  EXPECT_EQ(fuel->kind, ClaimKind::kReport);

  const Claim* video = FindClaim(x, "purportedly showed");
  ASSERT_NE(video, nullptr);
  EXPECT_EQ(video->status, ClaimStatus::kAlleged);
}

const char kMarketReport[] =
    "Russian officials said on Thursday that a Ukrainian missile hit a market in the occupied city of Donetsk, "
    "killing 12 people, and claimed without evidence that Western instructors had helped plan the attack.\n\n"
    "Ukraine's General Staff did not comment directly, but said in its daily update that Russian forces had "
    "shelled Ukrainian positions along the Donetsk front 140 times over the previous day.\n\n"
    "Speaking to reporters in Brussels, NATO Secretary General Mark Rutte said the alliance had seen \"no "
    "evidence\" of Western involvement, adding that Moscow routinely blamed Kyiv for its own strikes.\n\n"
    "The United Nations human rights office said it was seeking access to the site.\n";

TEST(MarketReport, CoordinatedVerbsAndHedgedFrames) {
  Extraction x = ExtractText(kMarketReport, "2024-01-26");
  const Claim* hit = FindClaim(x, "missile hit a market");
  ASSERT_NE(hit, nullptr);
  EXPECT_NE(hit->text.back(), ',');  // "... killing 12 people", no trailing comma
  const Claim* instructors = FindClaim(x, "Western instructors");
  ASSERT_NE(instructors, nullptr);
  EXPECT_EQ(instructors->status, ClaimStatus::kAlleged);  // "claimed without evidence"
  ASSERT_TRUE(instructors->status_cue.has_value());
  EXPECT_EQ(instructors->status_cue->text, "without evidence");

  const Claim* shelled = FindClaim(x, "shelled Ukrainian positions");
  ASSERT_NE(shelled, nullptr);
  ASSERT_TRUE(shelled->speaker.has_value());  // "did not comment directly, but said"
  EXPECT_EQ(shelled->speaker->country, "UKR");

  const Claim* adding = FindClaim(x, "routinely blamed");
  ASSERT_NE(adding, nullptr);
  ASSERT_TRUE(adding->speaker.has_value());  // ", adding that"
  EXPECT_EQ(adding->speaker->name, "Mark Rutte");
  EXPECT_EQ(FindClaim(x, "no evidence")->text.find("adding"), std::string::npos);

  const Claim* un = FindClaim(x, "seeking access");
  ASSERT_NE(un, nullptr);
  ASSERT_TRUE(un->speaker.has_value());
  EXPECT_EQ(un->speaker->side, "third_party");
}

TEST(Pronouns, SheIsNotTheLastMaleSpeaker) {
  Extraction x = ExtractText(
      "Ukraine's foreign minister, Dmytro Kuleba, said the country needed more air defence.\n\n"
      "\"Every day of delay costs lives,\" he said.\n\n"
      "Russia's foreign ministry spokeswoman, Maria Zakharova, dismissed the appeal. She said Western weapons "
      "would \"change nothing on the battlefield\".\n",
      "2024-04-20");
  const Claim* c = FindClaim(x, "Western weapons");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker.has_value());
  EXPECT_EQ(c->speaker->name, "Maria Zakharova");
  const Claim* q = FindClaim(x, "change nothing");
  ASSERT_NE(q, nullptr);
  ASSERT_TRUE(q->speaker.has_value());
  EXPECT_EQ(q->speaker->name, "Maria Zakharova");
  const Claim* he = FindClaim(x, "costs lives");
  ASSERT_NE(he, nullptr);
  ASSERT_TRUE(he->speaker.has_value());
  EXPECT_EQ(he->speaker->name, "Dmytro Kuleba");
}

TEST(MediaReports, CitingSourcesChannelsAndDenials) {
  Extraction x = ExtractText(
      "Russia has lost around 700,000 troops since the beginning of its full-scale invasion on Feb. 24, 2022, "
      "the General Staff of Ukraine's Armed Forces reported on Nov. 4.\n\n"
      "Ukrainska Pravda reported, citing sources in the Defense Intelligence, that a drone strike hit an "
      "ammunition depot in Russia's Voronezh Oblast overnight.\n\n"
      "Russian Telegram channels reported explosions near the city of Kursk.\n\n"
      "Russian media outlets claimed that Ukrainian forces had withdrawn from the village of Kurakhove, which "
      "Ukraine's military denied.\n",
      "2024-11-04", "The Kyiv Independent");
  const Claim* losses = FindClaim(x, "700,000 troops");
  ASSERT_NE(losses, nullptr);
  ASSERT_TRUE(losses->date_range.has_value());  // since Feb. 24, 2022, up to the report
  EXPECT_EQ(losses->date_range->first.ToString(), "2022-02-24");
  EXPECT_EQ(losses->date_range->second.ToString(), "2024-11-04");

  const Claim* depot = FindClaim(x, "ammunition depot");
  ASSERT_NE(depot, nullptr);
  ASSERT_TRUE(depot->speaker.has_value());  // "reported, citing sources ..., that"
  EXPECT_EQ(depot->speaker->name, "Ukrainska Pravda");
  EXPECT_EQ(depot->speaker->side, "media");
  EXPECT_EQ(depot->status, ClaimStatus::kReported);

  const Claim* blasts = FindClaim(x, "explosions near");
  ASSERT_NE(blasts, nullptr);
  EXPECT_EQ(blasts->status, ClaimStatus::kAlleged);  // Telegram channels

  const Claim* withdrawn = FindClaim(x, "had withdrawn");
  ASSERT_NE(withdrawn, nullptr);
  EXPECT_EQ(withdrawn->status, ClaimStatus::kDenied);  // ", which Ukraine's military denied"
  EXPECT_EQ(withdrawn->text.find("which"), std::string::npos);

  Extraction y =
      ExtractText("Russia's Defense Ministry claimed it had \"liberated\" the village, a claim denied by Kyiv.");
  const Claim* liberated = FindClaim(y, "liberated");
  ASSERT_NE(liberated, nullptr);
  EXPECT_EQ(liberated->status, ClaimStatus::kDenied);
  EXPECT_EQ(liberated->text.find("a claim"), std::string::npos);
}

TEST(Quoted, PassiveAttributionAndUnverifiableFigures) {
  Extraction x = ExtractText(
      "The acting governor of the Kursk region, Alexei Smirnov, was quoted as saying by state news agency TASS "
      "that more than 120,000 people had been evacuated from border districts.\n\n"
      "Ukraine's commander-in-chief, Oleksandr Syrskyi, said on Tuesday that his troops now controlled about "
      "1,000 square kilometres of Russian territory, a figure that was impossible to verify independently.\n\n"
      "Two days later, a video showed soldiers raising a flag in Sudzha.\n",
      "2024-08-15");
  const Claim* evacuated = FindClaim(x, "had been evacuated");
  ASSERT_NE(evacuated, nullptr);
  ASSERT_TRUE(evacuated->speaker.has_value());  // "was quoted as saying"
  EXPECT_EQ(evacuated->speaker->name, "Alexei Smirnov");
  const Claim* area = FindClaim(x, "1,000 square kilometres");
  ASSERT_NE(area, nullptr);
  EXPECT_EQ(area->status, ClaimStatus::kUnverified);
  for (const Quantity& q : x.quantities) EXPECT_NE(q.text, "Two days");  // a time, not a count
}

TEST(Trailing, AttributionWithAPlaceOrMedium) {
  Extraction x = ExtractText(
      "Russian troops have advanced up to three kilometres near Kupiansk in the Kharkiv region, the Institute "
      "for the Study of War said in its latest assessment.\n\n"
      "In Russia's Belgorod region, a drone hit a car near the village of Nekhoteevka, wounding two civilians, "
      "Governor Vyacheslav Gladkov wrote on Telegram.\n",
      "2024-09-09");
  const Claim* advance = FindClaim(x, "advanced up to three");
  ASSERT_NE(advance, nullptr);
  ASSERT_TRUE(advance->speaker.has_value());
  EXPECT_EQ(advance->speaker->name, "Institute for the Study of War");
  EXPECT_EQ(advance->text.find("Institute"), std::string::npos);
  const Claim* car = FindClaim(x, "drone hit a car");
  ASSERT_NE(car, nullptr);
  ASSERT_TRUE(car->speaker.has_value());
  EXPECT_EQ(car->speaker->name, "Vyacheslav Gladkov");
  ASSERT_TRUE(car->event.has_value());
  EXPECT_EQ(car->event->sub_type, "Air/drone strike");
}

TEST(ScareQuotes, AreNotClaims) {
  auto x = ExtractText("Moscow calls the war a \"special military operation\" and denies targeting civilians.");
  for (const Claim& c : x.claims) EXPECT_NE(c.kind, ClaimKind::kQuote) << c.text;
}

}  // namespace
}  // namespace sitrep
