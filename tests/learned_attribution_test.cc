// Attribution on constructions the rules alone did not reach, found by the
// learned tagger (data/models/attribution.model) and resolved by the rules.
// Sentences are our own; each test names the construction it pins.
#include <gtest/gtest.h>

#include <algorithm>
#include <tuple>

#include "sitrep/sitrep.h"
#include "tests/test_util.h"

namespace sitrep {
namespace {

using testing::ExtractText;
using testing::FindClaim;

constexpr char kTitle[] = "Strikes on the Port\n\n";

// The claim containing `needle`, which must exist and have a speaker.
const Claim& Attributed(const Extraction& x, const std::string& needle) {
  const Claim* c = FindClaim(x, needle);
  static const Claim kNone;
  EXPECT_NE(c, nullptr) << "no claim contains: " << needle;
  if (c == nullptr) return kNone;
  EXPECT_TRUE(c->speaker.has_value()) << needle;
  EXPECT_FALSE(c->cue.empty()) << needle;
  return *c;
}

std::string SpeakerWords(const std::string& text, const Claim& c) {
  if (!c.speaker) return "";
  return text.substr(c.speaker->span.begin, c.speaker->span.end - c.speaker->span.begin);
}

TEST(LearnedAttribution, DescribedAsCondemnedSayingDenouncedWhatSheCalled) {
  std::string text =
      std::string(kTitle) +
      "The governor described the strike as an attempt to terrorise the city.\n\n"
      "The foreign minister condemned the shelling, saying \"this is a war crime against civilians.\"\n\n"
      "The mayor also denounced what she called a \"cowardly attack on sleeping people.\"\n";
  Extraction x = ExtractText(text, "2024-09-12");
  const Claim& described = Attributed(x, "attempt to terrorise");
  EXPECT_EQ(described.cue, "described");
  EXPECT_EQ(SpeakerWords(text, described), "The governor");
  const Claim& saying = Attributed(x, "war crime against civilians");
  EXPECT_EQ(SpeakerWords(text, saying), "The foreign minister");
  EXPECT_EQ(saying.status, ClaimStatus::kAsserted);
  // The quotation gets the speaker once: no second, unattributed copy.
  int copies = 0;
  for (const Claim& c : x.claims) copies += c.text.find("war crime") != std::string::npos;
  EXPECT_EQ(copies, 1);
  const Claim& denounced = Attributed(x, "cowardly attack");
  EXPECT_EQ(SpeakerWords(text, denounced), "The mayor");
}

TEST(LearnedAttribution, TrailingAgencyAndTheAgencyWithoutCitingSources) {
  std::string text = std::string(kTitle) +
                     "Two fishing boats were sunk near the harbour overnight, the country's state news agency "
                     "reported.\n\n"
                     "The agency said, without citing sources, that the navy had lost a patrol ship.\n";
  Extraction x = ExtractText(text, "2024-09-12");
  const Claim& boats = Attributed(x, "fishing boats were sunk");
  EXPECT_EQ(boats.cue, "reported");
  EXPECT_EQ(SpeakerWords(text, boats), "the country's state news agency");
  EXPECT_EQ(boats.text.find("agency"), std::string::npos);  // the attribution is not the content
  const Claim& ship = Attributed(x, "lost a patrol ship");
  EXPECT_EQ(ship.cue, "said");
  // "citing" sits between the cue and the content: no second claim from it.
  for (const Claim& c : x.claims) EXPECT_NE(c.cue, "citing") << c.text;
}

TEST(LearnedAttribution, DenialsAndAccusations) {
  Extraction x = ExtractText(std::string(kTitle) +
                             "The army's press office denied that a truce had been agreed.\n\n"
                             "The defence ministry accused Ukraine of shelling the power station.\n",
                             "2024-09-12");
  EXPECT_EQ(Attributed(x, "truce had been agreed").status, ClaimStatus::kDenied);
  const Claim& accused = Attributed(x, "shelling the power station");
  EXPECT_EQ(accused.cue, "accused");
  EXPECT_EQ(accused.status, ClaimStatus::kAlleged);  // an accusation is an allegation
}

// A that-frame verb ("announced", "pledged") attributes a clause without
// "that" and an intention's infinitive; used as an act ("denied approval")
// it still claims nothing.
TEST(LearnedAttribution, ThatFrameVerbsWithoutThat) {
  std::string text = std::string("Border Crossings\n\n") +
                     "The defence ministry announced it would close the border crossing at Kupiansk on Monday.\n\n"
                     "The regional governor pledged to rebuild the bridge over the river within a month.\n\n"
                     "The ministry denied approval for the aid convoy.\n";
  Extraction x = ExtractText(text, "2024-09-12");
  const Claim& announced = Attributed(x, "it would close the border crossing");
  EXPECT_EQ(announced.cue, "announced");
  EXPECT_EQ(SpeakerWords(text, announced), "The defence ministry");
  const Claim& pledged = Attributed(x, "to rebuild the bridge");
  EXPECT_EQ(pledged.cue, "pledged");
  EXPECT_EQ(SpeakerWords(text, pledged), "The regional governor");
  for (const Claim& c : x.claims) EXPECT_NE(c.cue, "denied") << c.text;
}

// A that-frame verb the tagger marks with an object for content attributes
// it, unless it denies or confirms ("denied approval" is an act): "announced
// the capture of …", "signaled willingness to …", "disclosed the losses".
TEST(LearnedAttribution, ThatFrameVerbsWithAnObject) {
  std::string text = std::string("Border Talks\n\n") +
                     "The defence ministry announced the capture of two villages near Pokrovsk on Monday.\n\n"
                     "The senator signaled willingness to change the bill before the vote.\n\n"
                     "The company disclosed the losses in a filing on Friday.\n\n"
                     "The ministry denied approval for the aid convoy.\n";
  Extraction x = ExtractText(text, "2024-09-12");
  const Claim& capture = Attributed(x, "the capture of two villages");
  EXPECT_EQ(capture.cue, "announced");
  EXPECT_EQ(SpeakerWords(text, capture), "The defence ministry");
  const Claim& willing = Attributed(x, "to change the bill");
  EXPECT_EQ(SpeakerWords(text, willing), "The senator");
  const Claim& losses = Attributed(x, "the losses in a filing");
  EXPECT_EQ(losses.cue, "disclosed");
  for (const Claim& c : x.claims) EXPECT_NE(c.cue, "denied") << c.text;
}

// A headline that names who says what ("Mayor Says …", "Zelensky says …")
// is a claim, as the tagger marks it in a body sentence.
TEST(LearnedAttribution, HeadlineSays) {
  for (const auto& [text, words, speaker] :
       {std::tuple<std::string, std::string, std::string>{
            "Mayor Says New Bridge Will Open in Spring\n\nThe city council met on Tuesday.\n",
            "New Bridge Will Open in Spring", "Mayor"},
        {"Zelensky says Russia is massing troops near Kharkiv\n\nFighting continued along the front on Monday.\n",
         "Russia is massing troops near Kharkiv", "Zelensky"}}) {
    Extraction x = ExtractText(text, "2024-09-12");
    const Claim& headline = Attributed(x, words);
    EXPECT_EQ(headline.cue, text.substr(speaker.size() + 1, 4));
    EXPECT_EQ(SpeakerWords(text, headline), speaker);
  }
}

// An attribution between commas holds the sentence around it, and its
// source stays its speaker.
TEST(LearnedAttribution, AttributionBetweenCommas) {
  std::string text = std::string("Front Line\n\n") +
                     "The bridge, the governor said, was destroyed overnight.\n\n"
                     "Colonel Petrenko said the front was calm for weeks.\n\n"
                     "All of this, he acknowledges, could be undone by a single strike.\n";
  Extraction x = ExtractText(text, "2024-09-12");
  const Claim& bridge = Attributed(x, "was destroyed overnight");
  EXPECT_EQ(bridge.cue, "said");
  EXPECT_EQ(SpeakerWords(text, bridge), "the governor");
  EXPECT_NE(bridge.text.find("The bridge"), std::string::npos);
  const Claim& undone = Attributed(x, "undone by a single strike");
  EXPECT_EQ(undone.cue, "acknowledges");
  EXPECT_EQ(SpeakerWords(text, undone), "he");
  EXPECT_NE(undone.speaker->name.find("Petrenko"), std::string::npos);  // the pronoun resolved
}

// The clause the rules take whole before a trailing attribution is the
// content, not the shorter span the tagger marks inside it: "late on Monday"
// stays in, and "Drones hit" (an act refused as a cue) is not cut off, so
// the claim keeps its event. A political "hit" stays a cue.
TEST(LearnedAttribution, TaggedContentDoesNotCutTheClauseBeforeATrailingSource) {
  Extraction x = ExtractText(
      "A drone attack damaged a kindergarten in Odesa late on Monday, the city's mayor Hennadiy Trukhanov said.\n",
      "2024-09-12");
  const Claim& damaged = Attributed(x, "A drone attack damaged");
  EXPECT_EQ(damaged.text, "A drone attack damaged a kindergarten in Odesa late on Monday");
  EXPECT_EQ(damaged.cue, "said");
  x = ExtractText(
      "Drones hit a hospital building in Sumy overnight into Thursday; nobody was hurt, according to the city "
      "council.\n",
      "2024-09-12");
  const Claim& hospital = Attributed(x, "hospital building");
  EXPECT_EQ(hospital.text, "Drones hit a hospital building in Sumy overnight into Thursday; nobody was hurt");
  EXPECT_EQ(hospital.cue, "according to");
  ASSERT_TRUE(hospital.event.has_value());
  EXPECT_EQ(hospital.event->sub_type, "Air/drone strike");
  // A political "attacked" stays a cue: LearnedAttribution.ArmedForcesWhoAttackAreTheAct.
}

// A counted crowd that protests marches: the sentence is a protest event, not
// an attribution to the crowd (the tagger learned "protested" as a cue from
// PolNeAR's politicians, who protest decisions).
TEST(LearnedAttribution, ACountedCrowdThatProtestsIsAnEventNotASpeaker) {
  for (const char* text : {"Thousands of people protested in the capital against the new tax.\n",
                           "About 300 students protested outside the ministry on Friday against the fee rise.\n"}) {
    Extraction x = ExtractText(text, "2024-09-12");
    ASSERT_EQ(x.claims.size(), 1u) << text;
    EXPECT_TRUE(x.claims[0].cue.empty()) << text << " cue: " << x.claims[0].cue;
    ASSERT_TRUE(x.claims[0].event.has_value()) << text;
    EXPECT_EQ(x.claims[0].event->type, "Protests");
  }
}

// Demonstrators who demand an object are the protest, not its speakers: a
// that-frame verb with an event trigger in its source keeps the sentence the
// narration that carries the event.
TEST(LearnedAttribution, DemonstratorsWhoDemandAreTheProtest) {
  for (const char* text : {"Thousands of demonstrators demanded the resignation of the government in Tbilisi on "
                           "Sunday.\n",
                           "Protesters demanded the release of the detained journalists.\n"}) {
    Extraction x = ExtractText(text, "2024-09-12");
    ASSERT_EQ(x.claims.size(), 1u) << text;
    EXPECT_TRUE(x.claims[0].cue.empty()) << text << " cue: " << x.claims[0].cue;
    ASSERT_TRUE(x.claims[0].event.has_value()) << text;
    EXPECT_EQ(x.claims[0].event->type, "Protests");
  }
}

// "attacked" is a cue of political news ("Trump attacked Clinton over …",
// PolNeAR marks it) and the act of an armed force: a generic violent trigger
// the tagger marks as a cue attributes only when a person, role or
// organisation stands before it.
TEST(LearnedAttribution, ArmedForcesWhoAttackAreTheAct) {
  for (const char* text : {"Militants attacked a police checkpoint near the border on Tuesday.\n",
                           "Militants attacked a bus carrying pilgrims, killing eleven.\n",
                           "Russian forces attacked the village overnight.\n"}) {
    Extraction x = ExtractText(text, "2024-09-12");
    ASSERT_FALSE(x.claims.empty()) << text;
    for (const Claim& c : x.claims) EXPECT_TRUE(c.cue.empty()) << text << " cue: " << c.cue;
    ASSERT_TRUE(x.claims[0].event.has_value()) << text;
  }
  for (const char* text : {"Trump attacked Clinton over her emails on Tuesday.\n",
                           "The senator attacked the plan as reckless.\n"}) {
    Extraction x = ExtractText(text, "2024-09-12");
    ASSERT_EQ(x.claims.size(), 1u) << text;
    EXPECT_EQ(x.claims[0].cue, "attacked") << text;
    EXPECT_FALSE(x.claims[0].event.has_value()) << text;
  }
}

// A belief whose cue and source the tagger marks but whose content it leaves
// out takes the clause after the cue, as a speech verb's would.
TEST(LearnedAttribution, ABeliefWithoutTaggedContentTakesTheClauseAfterItsCue) {
  Extraction x = ExtractText("Residents fear the dam could fail again.\n", "2024-09-12");
  const Claim& c = Attributed(x, "the dam could fail again");
  EXPECT_EQ(c.text, "the dam could fail again");
  EXPECT_EQ(c.cue, "fear");
  ASSERT_TRUE(c.speaker.has_value());
  EXPECT_EQ(c.speaker->name, "Residents");
  // An act the tagger took for a cue stays an act.
  x = ExtractText("Police arrested dozens of opposition activists on the eve of the vote.\n", "2024-09-12");
  ASSERT_EQ(x.claims.size(), 1u);
  EXPECT_TRUE(x.claims[0].cue.empty()) << x.claims[0].cue;
  ASSERT_TRUE(x.claims[0].event.has_value());
  EXPECT_EQ(x.claims[0].event->sub_type, "Arrests");
}

// A place leading a post before a colon is where the attributed event
// happened, as it is for the outlet's own sentences.
TEST(LearnedAttribution, AColonLeadPlaceIsTheAttributedEventsPlace) {
  Extraction x = ExtractText(
      "Overnight strikes\n\nKherson: local sources claim six people were killed when Russian drones struck a "
      "residential area on Tuesday night.\n",
      "2024-09-12");
  const Claim& c = Attributed(x, "six people were killed");
  EXPECT_EQ(c.cue, "claim");
  ASSERT_TRUE(c.event.has_value());
  ASSERT_GT(c.event->place_id, 0);
  EXPECT_EQ(x.places[c.event->place_id - 1].mention, "Kherson");
}

TEST(LearnedAttribution, GroupsAndUnnamedSourcesAreAnonymousSpeakers) {
  std::string text = std::string(kTitle) +
                     "Two militia spokesmen said the convoy had been ambushed near the bridge.\n\n"
                     "Another source said the commander had been replaced.\n\n"
                     "The source added that more troops were on the way.\n";
  Extraction x = ExtractText(text, "2024-09-12");
  const Claim& convoy = Attributed(x, "ambushed near the bridge");
  EXPECT_EQ(SpeakerWords(text, convoy), "Two militia spokesmen");
  EXPECT_TRUE(convoy.speaker->anonymous);
  EXPECT_EQ(convoy.status, ClaimStatus::kReported);  // no one is named
  const Claim& commander = Attributed(x, "commander had been replaced");
  EXPECT_TRUE(commander.speaker->anonymous);
  EXPECT_EQ(commander.status, ClaimStatus::kReported);
  const Claim& troops = Attributed(x, "more troops were on the way");
  EXPECT_EQ(troops.cue, "added");
  EXPECT_TRUE(troops.speaker->anonymous);
}

TEST(LearnedAttribution, PassiveSayingIsReportedNotAsserted) {
  Extraction x = ExtractText(std::string(kTitle) + "The victims were said to be off duty when the blast happened.\n",
                             "2024-09-12");
  const Claim* c = FindClaim(x, "off duty");
  ASSERT_NE(c, nullptr);
  EXPECT_NE(c->status, ClaimStatus::kAsserted);  // no one is named as saying it
}

TEST(LearnedAttribution, PollsPapersBeliefsAndIntentions) {
  std::string text = std::string(kTitle) +
                     "A survey shows that support for the war has fallen.\n\n"
                     "The paper has learned that the minister will resign.\n\n"
                     "The newspaper has been told that the base was evacuated.\n\n"
                     "The general thinks the offensive will stall before winter.\n";
  Extraction x = ExtractText(text, "2024-09-12");
  const Claim& survey = Attributed(x, "support for the war has fallen");
  EXPECT_EQ(SpeakerWords(text, survey), "A survey");
  EXPECT_EQ(Attributed(x, "minister will resign").cue, "has learned");
  EXPECT_TRUE(FindClaim(x, "base was evacuated") != nullptr);
  const Claim& thinks = Attributed(x, "offensive will stall");
  EXPECT_EQ(thinks.cue, "thinks");
  EXPECT_EQ(SpeakerWords(text, thinks), "The general");
}

TEST(LearnedAttribution, TranscriptLinesAndHeadlines) {
  std::string text =
      "Minister: talks will resume next week\n\n"
      "HOST: Let us start with the news from the front. It is not good.\n\n"
      "MINISTER: Well, the talks are serious and we expect progress.\n\n"
      "UPDATE: The bridge was closed to traffic on Tuesday after the strike.\n\n"
      "KYIV: Air raid sirens sounded across the capital on Tuesday night.\n";
  Extraction x = ExtractText(text, "2024-09-12");
  const Claim& headline = Attributed(x, "talks will resume next week");
  EXPECT_EQ(headline.cue, ":");
  EXPECT_EQ(SpeakerWords(text, headline), "Minister");
  const Claim& host = Attributed(x, "news from the front. It is not good");  // to the paragraph's end
  EXPECT_EQ(SpeakerWords(text, host), "HOST");
  EXPECT_EQ(host.kind, ClaimKind::kQuote);
  EXPECT_EQ(SpeakerWords(text, Attributed(x, "we expect progress")), "MINISTER");
  for (const Claim& c : x.claims) {
    if (!c.speaker) continue;
    EXPECT_NE(c.speaker->name, "UPDATE") << c.text;  // a section label
    EXPECT_NE(c.speaker->name, "KYIV") << c.text;    // a dateline
  }
}

// A transcript quoted line by line ("\"HOUSTON: …"): a speaker whose name
// is also a town's is no dateline inside a quotation.
TEST(LearnedAttribution, QuotedTranscriptLinesWhoseNameIsAlsoATown) {
  std::string text =
      "The governor spoke to the network on Sunday about the floods.\n\n"
      "Partial transcript:\n\n"
      "\"HOUSTON: Let us start with the floods in the valley. How many homes are still under water?\n\n"
      "\"GOVERNOR: About two hundred homes are still flooded, and the crews are pumping day and night.\n";
  Extraction x = ExtractText(text, "2024-09-12");
  const Claim& host = Attributed(x, "How many homes are still under water");
  EXPECT_EQ(SpeakerWords(text, host), "HOUSTON");
  EXPECT_EQ(host.cue, ":");
  EXPECT_EQ(SpeakerWords(text, Attributed(x, "crews are pumping")), "GOVERNOR");
}

TEST(LearnedAttribution, QuotationClosedByADashAndAName) {
  std::string text =
      std::string(kTitle) +
      "\u201cThe bridge is gone and the town is cut off from the region.\u201d \u2015 Olena Kovalenko\n\n"
      "\u201cWe have had no water since Monday and nobody came.\u201d \u2014 Ivan Petrenko, a farmer\n";
  Extraction x = ExtractText(text, "2024-09-12");
  EXPECT_EQ(Attributed(x, "bridge is gone").speaker->name, "Olena Kovalenko");
  EXPECT_EQ(Attributed(x, "no water since Monday").speaker->name, "Ivan Petrenko");
}

// A list of such quotations, one a line in one paragraph: each name goes
// with the quotation before it, not the one after.
TEST(LearnedAttribution, AListOfQuotationsEachClosedByADashAndAName) {
  std::string text =
      "Readers on the Ceasefire\n\n"
      "\u201cThe shelling has stopped for now. We can sleep again.\u201d \u2015 Olena Marchenko\n"
      "\u201cNobody here believes it will hold. The guns will be back.\u201d\u2015 Petro Savchuk\n"
      "\u201cMy son is still at the front. I want him home.\u201d \u2015 Iryna Koval\n";
  Extraction x = ExtractText(text, "2024-09-12");
  EXPECT_EQ(SpeakerWords(text, Attributed(x, "We can sleep again")), "Olena Marchenko");
  EXPECT_EQ(SpeakerWords(text, Attributed(x, "guns will be back")), "Petro Savchuk");
  EXPECT_EQ(SpeakerWords(text, Attributed(x, "I want him home")), "Iryna Koval");
}

// A violent act is no attribution cue ("Troops shelled the village"), and
// a person's title after it is that person, not the police named before.
TEST(LearnedAttribution, ActsAreNoCuesAndATitleIsNoOrganisation) {
  std::string text = std::string(kTitle) +
                     "Troops shelled the village overnight, the governor said.\n\n"
                     "Police fired tear gas at the crowd on Monday, the commissioner said.\n\n"
                     "The governor said two people were hurt.\n";
  Extraction x = ExtractText(text, "2024-09-12");
  for (const Claim& c : x.claims) {
    ASSERT_TRUE(c.speaker.has_value()) << c.text;
    EXPECT_NE(c.speaker->name, "Troops") << c.text;
    EXPECT_NE(c.speaker->name, "Police") << c.text;
  }
  const Claim& shelled = Attributed(x, "Troops shelled the village");
  EXPECT_EQ(SpeakerWords(text, shelled), "governor");
  // One claim of the shelling, not a second one "the village overnight" by "Troops".
  EXPECT_EQ(std::count_if(x.claims.begin(), x.claims.end(),
                          [](const Claim& c) { return c.text.find("village") != std::string::npos; }),
            1);
  EXPECT_EQ(SpeakerWords(text, Attributed(x, "two people were hurt")), "governor");
}

TEST(LearnedAttribution, RulesJudgmentsStand) {
  Extraction x = ExtractText(std::string(kTitle) +
                             "He did not say which weapons were used.\n\n"
                             "Washington has repeatedly denied approval for long-range strikes.\n\n"
                             "A video purportedly showed smoke rising over the depot.\n",
                             "2024-09-12");
  EXPECT_EQ(FindClaim(x, "which weapons"), nullptr);  // a negated cue claims nothing
  const Claim* act = FindClaim(x, "approval");
  EXPECT_TRUE(act == nullptr || act->status != ClaimStatus::kDenied);  // an act, not a denial
  const Claim* video = FindClaim(x, "purportedly showed");
  ASSERT_NE(video, nullptr);  // the outlet's own hedge keeps the sentence as alleged narration
  EXPECT_EQ(video->status, ClaimStatus::kAlleged);
}

// A cue the tagger marks without marking its source: the rules find the
// subject before it, as they do for their own cues.
TEST(LearnedAttribution, UntaggedSubjectIsTheSpeaker) {
  std::string text = std::string(kTitle) + "The defence ministry plans to rebuild the terminal by spring.\n";
  Extraction x = ExtractText(text, "2024-09-12");
  const Claim& plans = Attributed(x, "rebuild the terminal");
  EXPECT_EQ(plans.cue, "plans");
  EXPECT_EQ(SpeakerWords(text, plans), "defence ministry");
}

// "…, said Ann Lee": a cue after its content, opening its clause after a
// comma, has its source after it, not the content's subject before it.
TEST(LearnedAttribution, InvertedCueTakesTheSourceAfterIt) {
  std::string text = std::string(kTitle) +
                     "Port officials felt comfortable with the plan because the insurers would cover the repairs, "
                     "said Mr. Hrytsenko, the lawyer for the harbour board.\n";
  Extraction x = ExtractText(text, "2024-09-12");
  const Claim* said = nullptr;
  for (const Claim& c : x.claims) {
    if (c.cue == "said" && c.text.find("insurers would cover") != std::string::npos) said = &c;
  }
  ASSERT_NE(said, nullptr);
  EXPECT_EQ(SpeakerWords(text, *said).rfind("Mr. Hrytsenko", 0), 0U) << SpeakerWords(text, *said);
}

// "X spoke on Telegram, saying …": a participle after a comma has the
// main clause's subject, not the name just before the comma.
TEST(LearnedAttribution, ParticipleAfterACommaHasTheSubject) {
  std::string text = std::string(kTitle) +
                     "The mayor spoke on Telegram, saying that the shelters should stay open until the curfew ends.\n";
  Extraction x = ExtractText(text, "2024-09-12");
  const Claim& saying = Attributed(x, "shelters should stay open");
  EXPECT_EQ(saying.cue, "saying");
  EXPECT_EQ(SpeakerWords(text, saying), "mayor");
}

// "The governor added:" closing its paragraph: the next paragraph, not a
// quotation, is what he said.
TEST(LearnedAttribution, ColonClosingAParagraphAttributesTheNext) {
  std::string text = std::string(kTitle) +
                     "The governor added:\n\n"
                     "The bridge will not reopen this year. The repairs need steel that the region does not have.\n";
  Extraction x = ExtractText(text, "2024-09-12");
  const Claim& added = Attributed(x, "bridge will not reopen");
  EXPECT_EQ(added.cue, "added");
  EXPECT_EQ(SpeakerWords(text, added), "The governor");
  EXPECT_NE(added.text.find("steel"), std::string::npos);  // the whole paragraph
}

}  // namespace
}  // namespace sitrep
