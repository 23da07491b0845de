#include <gtest/gtest.h>

#include "sitrep/sitrep.h"
#include "tests/test_util.h"

namespace sitrep {
namespace {

using testing::ExtractText;
using testing::FindClaim;

TEST(Claims, QuoteWithTrailingSpeakerAndTitle) {
  auto x = ExtractText(
      "Ukrainian President Volodymyr Zelenskyy spoke on Monday.\n\n"
      "“We will not give up a single village in the north,” Zelenskyy said in his address.\n\n"
      "“The border must be defended every single day,” the Ukrainian president said.");
  const Claim* a = FindClaim(x, "single village");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->kind, ClaimKind::kQuote);
  ASSERT_TRUE(a->speaker.has_value());
  EXPECT_EQ(a->speaker->name, "Volodymyr Zelenskyy");
  EXPECT_EQ(a->speaker->country, "UKR");
  EXPECT_EQ(a->status, ClaimStatus::kAsserted);
  const Claim* b = FindClaim(x, "defended every");
  ASSERT_NE(b, nullptr);
  ASSERT_TRUE(b->speaker.has_value());
  EXPECT_EQ(b->speaker->name, "Volodymyr Zelenskyy");
}

TEST(Claims, AQuotationParagraphThatContinuesASpeakerKeepsTheCueWords) {
  std::string text =
      "“The convoy reached the bridge before dawn,” Ukrainian President Volodymyr Zelenskyy said in his address.\n\n"
      "“Nobody was hurt, and the trucks are already on their way back.”";
  auto x = ExtractText(text);
  const Claim* c = FindClaim(x, "trucks are already");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->speaker.has_value());
  EXPECT_EQ(c->speaker->name, "Volodymyr Zelenskyy");
  // The cue stands in the paragraph before: its span points at "said", not at an empty span at 0.
  EXPECT_EQ(c->cue, "said");
  EXPECT_EQ(text.substr(c->cue_span.begin, c->cue_span.end - c->cue_span.begin), "said");
}

TEST(Claims, PronounSpeakerIsTheLastPersonWhoSpoke) {
  auto x = ExtractText(
      "Analyst Maria Kovalenko said Russian reserves were thin.\n\n"
      "“They cannot hold the line for long without new recruits,” she told reporters.");
  const Claim* q = FindClaim(x, "hold the line");
  ASSERT_NE(q, nullptr);
  ASSERT_TRUE(q->speaker.has_value());
  EXPECT_EQ(q->speaker->name, "Maria Kovalenko");
}

TEST(Claims, MisspelledSurnameJoinsThePerson) {
  auto x = ExtractText(
      "Defence Minister Rustem Umerov visited the front. Later Umerovv said that supplies were arriving on time.");
  ASSERT_EQ(x.people.size(), 1u);
  EXPECT_EQ(x.people[0].name, "Rustem Umerov");
  EXPECT_NE(std::find(x.people[0].aliases.begin(), x.people[0].aliases.end(), "Umerovv"),
            x.people[0].aliases.end());
}

// Text of about 24,000 tokens that names nobody: more than
// PeopleOptions::fuzzy_window_tokens.
std::string NamelessStretch() {
  std::string text;
  for (int i = 0; i < 1700; ++i) text += "it rained again in the valley that week and the roads were closed. ";
  return text;
}

TEST(Claims, AMisspellingFarFromThePersonIsSomeoneElseButTheExactSurnameIsNot) {
  auto x = ExtractText("Defence Minister Rustem Umerov visited the front.\n\n" + NamelessStretch() +
                       "\n\nLater Umerovv said that supplies were arriving on time. Umerov said the trucks were full.");
  ASSERT_EQ(x.people.size(), 2u);
  EXPECT_EQ(x.people[0].name, "Rustem Umerov");
  EXPECT_EQ(x.people[0].aliases, std::vector<std::string>{"Umerov"});
  EXPECT_EQ(x.people[0].spans.size(), 2u);
  EXPECT_EQ(x.people[1].name, "Umerovv");
}

TEST(Claims, AMisspellingJoinsThePersonNamedJustBeforeItInALongDocument) {
  auto x = ExtractText("Defence Minister Rustem Umerov visited the front. Later Umerovv said that supplies were "
                       "arriving on time.\n\n" + NamelessStretch() +
                       "\n\nUmerov said the trucks were full. Then Umerovv said the roads were open.");
  ASSERT_EQ(x.people.size(), 1u);
  EXPECT_EQ(x.people[0].aliases, (std::vector<std::string>{"Umerovv", "Umerov"}));
  EXPECT_EQ(x.people[0].spans.size(), 4u);
}

// ClaimOptions::pronoun_lookback_paragraphs: four paragraphs back, no further.
TEST(Claims, APronounLooksBackAFewParagraphsForThePerson) {
  std::string filler = "It rained again in the valley that week and the roads were closed for hours.";
  auto text = [&](int paragraphs) {
    std::string t = "Analyst Maria Kovalenko spoke to students on Monday.\n\n";
    for (int i = 0; i < paragraphs; ++i) t += filler + "\n\n";
    return t + "“They cannot hold the line for long without new recruits,” she told reporters.";
  };
  auto near = ExtractText(text(3));
  const Claim* q = FindClaim(near, "hold the line");
  ASSERT_NE(q, nullptr);
  ASSERT_TRUE(q->speaker.has_value());
  EXPECT_EQ(q->speaker->name, "Maria Kovalenko");
  auto far = ExtractText(text(4));
  q = FindClaim(far, "hold the line");
  ASSERT_NE(q, nullptr);
  ASSERT_TRUE(q->speaker.has_value());
  EXPECT_EQ(q->speaker->name, "she");
}

TEST(Claims, ReportedSpeechWithThat) {
  auto x = ExtractText("Ukrainian General Oleksandr Syrskyi reported that troops had advanced three kilometres.");
  const Claim* c = FindClaim(x, "troops had advanced");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->kind, ClaimKind::kReportedSpeech);
  EXPECT_EQ(c->text, "troops had advanced three kilometres");
  ASSERT_TRUE(c->speaker.has_value());
  EXPECT_EQ(c->speaker->name, "Oleksandr Syrskyi");
  EXPECT_EQ(c->speaker->side, "party");
  EXPECT_EQ(c->status, ClaimStatus::kAsserted);
}

TEST(Claims, TrailingAttribution) {
  auto x = ExtractText("Russian forces shelled Nikopol overnight, killing two people, regional officials said.");
  const Claim* c = FindClaim(x, "shelled Nikopol");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->kind, ClaimKind::kReportedSpeech);
  ASSERT_TRUE(c->speaker.has_value());
  EXPECT_EQ(c->speaker->name, "regional officials");
  ASSERT_TRUE(c->event.has_value());
  EXPECT_EQ(c->event->type, "Explosions/Remote violence");
  EXPECT_EQ(c->event->actor1, "RUS");
}

TEST(Claims, OutletCouldNotVerifyAnEarlierClaim) {
  auto x = ExtractText(
      "Reports emerged on Monday suggesting that Ukrainian troops had reached the outskirts of Sudzha.\n\n"
      "Test Wire could not independently verify whether troops had reached Sudzha.",
      "2024-08-13", "Test Wire");
  const Claim* c = FindClaim(x, "outskirts of Sudzha");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->kind, ClaimKind::kReport);
  EXPECT_EQ(c->status, ClaimStatus::kUnverified);
  ASSERT_TRUE(c->status_cue.has_value());
  EXPECT_EQ(c->status_cue->text, "could not independently verify");
  EXPECT_EQ(x.people.size(), 0u);  // the outlet is not a person
}

TEST(Claims, AFigureThatCouldNotBeVerified) {
  auto x = ExtractText(
      "The air force said it had shot down 24 of 31 drones, a figure that could not be independently verified.");
  const Claim* c = FindClaim(x, "shot down");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, ClaimStatus::kUnverified);
  EXPECT_EQ(c->text.find("figure"), std::string::npos);
}

TEST(Claims, BloggersAreAlleged) {
  auto x = ExtractText("Pro-Kremlin military bloggers claimed that Russian units had crossed the river near Krynky.");
  const Claim* c = FindClaim(x, "crossed the river");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, ClaimStatus::kAlleged);
  ASSERT_TRUE(c->speaker.has_value());
  EXPECT_EQ(c->speaker->side, "social_media");
}

TEST(Claims, ConfirmationNeedsAThirdParty) {
  auto x = ExtractText(
      "The Pentagon confirmed that Ukrainian troops used American vehicles in the Kursk region.\n\n"
      "The Kremlin confirmed that Russian forces had withdrawn from two villages in the Kursk region.");
  const Claim* us = FindClaim(x, "American vehicles");
  ASSERT_NE(us, nullptr);
  EXPECT_EQ(us->status, ClaimStatus::kConfirmed);
  const Claim* ru = FindClaim(x, "had withdrawn");
  ASSERT_NE(ru, nullptr);
  EXPECT_EQ(ru->status, ClaimStatus::kAsserted);  // a party confirming its own news asserts it
}

TEST(Claims, DenialAndAnActNamedDenied) {
  auto x = ExtractText(
      "Russia's Defence Ministry denied that its missiles struck the hospital in Kyiv.\n\n"
      "Washington has repeatedly denied approval for long-range strikes.");
  const Claim* c = FindClaim(x, "missiles struck");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->status, ClaimStatus::kDenied);
  const Claim* act = FindClaim(x, "approval");  // refusing approval is an act, not a denial
  EXPECT_TRUE(act == nullptr || act->status != ClaimStatus::kDenied);
}

TEST(Claims, AccordingToReportsIsReported) {
  auto x = ExtractText(
      "According to media reports, Ukrainian drones struck an oil depot in the Bryansk region on Sunday.");
  const Claim* c = FindClaim(x, "oil depot");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->kind, ClaimKind::kReport);
  EXPECT_EQ(c->status, ClaimStatus::kReported);
  EXPECT_FALSE(c->speaker.has_value());
  ASSERT_TRUE(c->date.has_value());
  EXPECT_EQ(c->date->ToString(), "2024-08-11");
}

// (The first sentence makes this a report about a war: evacuations after a
// flood are no event.)
TEST(Claims, NarrationSplitsAtEventClauses) {
  auto x = ExtractText(
      "Ukrainian troops crossed the border on Tuesday. Authorities declared a state of emergency in the Belgorod "
      "region, prompting thousands of residents to "
      "evacuate.");
  const Claim* a = FindClaim(x, "state of emergency");
  const Claim* b = FindClaim(x, "evacuate");
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  EXPECT_NE(a, b);
  ASSERT_TRUE(b->event.has_value());
  EXPECT_EQ(b->event->type, "Displacement");
  EXPECT_GT(b->event->place_id, 0);  // the sentence's region
}

TEST(Claims, SpansPointAtTheirText) {
  std::string text =
      "“Our troops are holding,” Gen. Oleksandr Tarnavskyi said. Shelling killed three people in Kherson.";
  auto x = ExtractText(text);
  ASSERT_FALSE(x.claims.empty());
  for (const Claim& c : x.claims) EXPECT_EQ(testing::SpanText(text, c.span), c.text);
  for (const Place& p : x.places) EXPECT_EQ(testing::SpanText(text, p.span), p.mention);
  for (const Quantity& q : x.quantities) EXPECT_EQ(testing::SpanText(text, q.span), q.text);
}

// What a claim wants, asks for, threatens or permits has not happened: no
// event. What it says happened has one, whatever modal is near it.
TEST(Claims, NoEventForRequestsThreatsAndPermissions) {
  struct Case {
    const char* sentence;
    const char* claim;
  };
  for (const Case& k : std::initializer_list<Case>{
           {"Zelensky has called on allies to allow his forces to strike military airfields in Russia, officials said.",
            "allow his forces"},
           {"Moscow threatened to bomb the government quarter in Kyiv, the Kremlin said.", "bomb the government"},
           {"The Pentagon said it does not approve the use of long-range missile strikes inside Russia.",
            "does not approve"},
           {"It is only fair to destroy the launchers where they fire from, the general said.", "fair to destroy"},
           {"The defence minister said the army must shell the crossings before the spring.", "must shell"},
       }) {
    auto x = ExtractText(k.sentence);
    const Claim* c = FindClaim(x, k.claim);
    ASSERT_NE(c, nullptr) << k.sentence;
    EXPECT_FALSE(c->event.has_value()) << k.sentence << " -> " << c->event->type << " (" << c->event->trigger << ")";
  }
}

TEST(Claims, EventsNearModalsThatDidHappen) {
  struct Case {
    const char* sentence;
    const char* claim;
    const char* type;
  };
  for (const Case& k : std::initializer_list<Case>{
           {"Russian forces continued shelling Kherson overnight, the governor said.", "shelling Kherson",
            "Explosions/Remote violence"},
           {"Russian troops managed to capture the village of Novohrodivka, the ministry said.", "capture the village",
            "Battles"},
           {"The ministry claimed that Russian troops had captured the village of Krasnohorivka, which Example Wire "
            "could not verify.",
            "captured the village", "Battles"},
           {"Moscow vowed to retaliate after Ukrainian drones struck an oil depot in Bryansk, officials said.",
            "drones struck", "Explosions/Remote violence"},
           {"The strikes came in May, when Russian missiles hit the power plant near Kharkiv, officials said.",
            "missiles hit", "Explosions/Remote violence"},
       }) {
    auto x = ExtractText(k.sentence);
    const Claim* c = FindClaim(x, k.claim);
    ASSERT_NE(c, nullptr) << k.sentence;
    ASSERT_TRUE(c->event.has_value()) << k.sentence;
    EXPECT_EQ(c->event->type, k.type) << k.sentence;
  }
}


// Police action is typed in ACLED's taxonomy whatever the case of the text:
// many outlets publish in lower case, Telegram channels in capitals.
TEST(Claims, PoliceActionIsTypedInLowerAndUpperCase) {
  struct Case {
    const char* sentence;
    const char* claim;
    const char* sub_type;
  };
  for (const Case& k : std::initializer_list<Case>{
           {"police arrested forty opposition workers who blocked the highway near the district office.",
            "arrested forty", "Arrests"},
           {"POLICE ARRESTED FORTY OPPOSITION WORKERS WHO BLOCKED THE HIGHWAY NEAR THE DISTRICT OFFICE.",
            "ARRESTED FORTY", "Arrests"},
           {"hundreds of party activists were rounded up by the police before the rally.", "rounded up", "Arrests"},
           {"police fired ten rounds to disperse a stone-throwing mob in the old city.", "fired ten rounds",
            "Violent demonstration"},
       }) {
    auto x = ExtractText(k.sentence);
    const Claim* c = FindClaim(x, k.claim);
    ASSERT_NE(c, nullptr) << k.sentence;
    ASSERT_TRUE(c->event.has_value()) << k.sentence;
    EXPECT_EQ(c->event->sub_type, k.sub_type) << k.sentence;
    EXPECT_GT(c->event->confidence, 0.0) << k.sentence;
    EXPECT_LE(c->event->confidence, 1.0) << k.sentence;
  }
}

// A capitalised trigger word inside an ordinary-case sentence is part of a
// name (a team, an operation), not an event; in all-caps text it still counts.
TEST(Claims, CapitalisedTriggerInsideOrdinaryTextIsAName) {
  auto x = ExtractText("On Tuesday the Rockets beat the Hornets by nine points at home.");
  const Claim* c = FindClaim(x, "beat the Hornets");
  ASSERT_NE(c, nullptr);
  EXPECT_FALSE(c->event.has_value()) << c->event->type << " (" << c->event->trigger << ")";
}

// A sentence full of names is not mostly lower case, yet a capitalised trigger
// between capitalised words is still a name; a title-case headline is not
// ordinary text, so its trigger still counts.
TEST(Claims, ACapitalisedTriggerBetweenNamesIsANameInANameHeavySentence) {
  auto x = ExtractText("Ninth-grade Spanish pupils at Battle Hill Primary School in West Oakford visited Lake Orrin.");
  for (const Claim& c : x.claims) {
    EXPECT_FALSE(c.event.has_value()) << c.event->type << " (" << c.event->trigger << ")";
  }
  auto headline = ExtractText("Rebels Attack Army Base Near Border Town, Killing Five");
  bool raid = false;
  for (const Claim& c : headline.claims) raid = raid || (c.event && c.event->trigger == "Attack");
  EXPECT_TRUE(raid);
}

// The triggers of the events extracted from `text`, in order.
std::vector<std::string> EventTriggers(const std::string& text) {
  std::vector<std::string> triggers;
  for (const Claim& c : ExtractText(text).claims) {
    if (c.event) triggers.push_back(c.event->trigger);
  }
  return triggers;
}

// Words that name an act of war only in a report about one ("struck",
// "signed", "stabbed", "fled") are no event in general news, unless their
// sentence names an armed group, the military or a crowd; the same words in a
// war report, and the words of war itself ("shelled"), are events anywhere.
TEST(Claims, AmbiguousTriggersNeedAConflictReportOrAnActor) {
  const std::string local =
      "The city signed an agreement with the county to buy the old jail. Commissioners appointed a new library "
      "director on Monday. Two women were struck as they crossed the road near the school.";
  EXPECT_TRUE(EventTriggers(local).empty()) << ::testing::PrintToString(EventTriggers(local));
  const std::vector<std::string> war = {"agreement", "appointed", "struck", "shelled"};
  EXPECT_EQ(EventTriggers(local + " Troops shelled the town overnight."), war);
  EXPECT_EQ(EventTriggers("Armed men kidnapped a teacher on the road to the school."),
            std::vector<std::string>{"kidnapped"});
}

// An arrest is an event an ACLED coder codes when it belongs to political
// violence or unrest, not when a local paper reports a police blotter; the
// sense of "demonstrate" that means "show", and a crisis that "struck" an
// economy, are no events at all.
TEST(Claims, ArrestsAndShowsAreEventsOnlyInTheirConflictSense) {
  const std::string blotter =
      "Deputies arrested a 34-year-old man at a motel on Tuesday night. He was taken into custody without "
      "incident. A paramedic visited the school to demonstrate how to treat a burn. The factory closed months "
      "after the financial crisis struck.";
  EXPECT_TRUE(EventTriggers(blotter).empty()) << ::testing::PrintToString(EventTriggers(blotter));
  EXPECT_EQ(EventTriggers("Police arrested 40 protesters outside parliament on Tuesday night."),
            std::vector<std::string>{"arrested"});
  EXPECT_EQ(EventTriggers("Thousands of students demonstrated outside the ministry on Friday."),
            std::vector<std::string>{"demonstrated"});
}

// A war of the last century is history even with "the" before its year, and
// a rocket launch, a struck nerve, an armed robbery or "the battlefield" are no acts of war in a
// report about one; "since" makes a war or a year the yardstick of today's
// news, which stays an event.
TEST(Claims, HistoryYardsticksAndLookalikesInAWarReport) {
  const std::string lookalikes =
      "Troops shelled the town overnight. Israel captured the Golan Heights during the 1967 war. Some 76,000 "
      "people were arrested during World War Two. The rocket lifted off from the Baikonur cosmodrome. The "
      "speech struck a sensitive nerve. He served six years for assault with a firearm during an armed robbery. "
      "The army has had successes on the battlefield this year. A Russian-American crew blasts off to the space "
      "station. He was wounded in an enemy attack during the first Gulf War. A falling booster rocket caused "
      "the scare. A population explosion of jellyfish followed.";
  EXPECT_EQ(EventTriggers(lookalikes), std::vector<std::string>{"shelled"});
  EXPECT_EQ(EventTriggers("Russia launched its largest missile attack since World War Two on Sunday. Rebels "
                          "shelled the city in the worst fighting since 1994."),
            (std::vector<std::string>{"missile attack", "shelled"}));
}

// Refugees are people, not an event: a story about a refugees' centre in a
// war codes nothing, while people who flee, cross or arrive as refugees are a
// displacement.
TEST(Claims, RefugeesAreDisplacedOnlyWhenTheyMove) {
  EXPECT_EQ(EventTriggers("Troops shelled the town overnight. The centre offers lessons to Syrian refugees, and "
                          "refugees run its kitchen. Many refugees cannot travel far from their homes."),
            std::vector<std::string>{"shelled"});
  EXPECT_EQ(EventTriggers("Troops shelled the town overnight. More than 20,000 refugees have crossed into Moldova "
                          "since Thursday."),
            (std::vector<std::string>{"shelled", "refugees have crossed"}));
}

// To demonstrate a thing is to show it: a paramedic demonstrating a skill and
// a garden show's timed demonstrations are no protest; people who demonstrate
// in a place or against something are.
TEST(Claims, ShowingHowIsNoDemonstration) {
  const std::string shows =
      "A paramedic demonstrated how to stop bleeding. Chefs demonstrated their recipes in the kitchen. "
      "Visitors can watch timed demonstrations and cooking demonstrations all weekend.";
  EXPECT_TRUE(EventTriggers(shows).empty()) << ::testing::PrintToString(EventTriggers(shows));
  EXPECT_EQ(EventTriggers("Hundreds of students demonstrated outside the ministry on Monday. Demonstrators "
                          "demanded the release of the journalists."),
            (std::vector<std::string>{"demonstrated", "Demonstrators"}));
}

// A bomb squad is a police unit: called to a suspicious device it reports no
// explosion; a bomb that kills is one.
TEST(Claims, BombSquadsAreNoBombing) {
  const std::string squad =
      "The state police bomb squad responded to a storage unit after a report of a suspicious device. Bomb "
      "disposal teams and a bomb technician searched the station.";
  EXPECT_TRUE(EventTriggers(squad).empty()) << ::testing::PrintToString(EventTriggers(squad));
  EXPECT_EQ(EventTriggers("Troops shelled the town overnight. A car bomb killed three people near the bomb squad's "
                          "base."),
            (std::vector<std::string>{"shelled", "car bomb"}));
}

// A weapon named bare is no attack: a missile defence system, rockets in a
// budget or guns set up on a hill report nothing an ACLED coder codes, until
// the sentence says what the weapon did (fired, hit, exploded, killed).
TEST(Claims, AWeaponNamedBareIsNoAttack) {
  const std::string war = "Troops shelled the town overnight. ";
  const std::string bare =
      "The anti-ballistic missile defences are being built near the border. The new budget pays for rockets, "
      "artillery and mortars. Grad missile systems are set up beside the road.";
  EXPECT_EQ(EventTriggers(war + bare), std::vector<std::string>{"shelled"});
  EXPECT_EQ(EventTriggers(war + "Rockets hit a school near the border on Monday."),
            (std::vector<std::string>{"shelled", "Rockets"}));
  EXPECT_EQ(EventTriggers(war + "Militants fired mortars at the base."),
            (std::vector<std::string>{"shelled", "mortars"}));
}

// A bomb that explodes, goes off or lies by a road is an explosion in itself:
// "bomb" alone is a generic word the model doubts in a short sentence, so
// the phrase is a trigger of its own.
TEST(Claims, ABombThatExplodesIsAnExplosion) {
  EXPECT_EQ(EventTriggers("A roadside bomb exploded near the checkpoint."),
            std::vector<std::string>{"roadside bomb"});
  EXPECT_EQ(EventTriggers("Two bombs went off outside the ministry on Monday."),
            std::vector<std::string>{"bombs went off"});
}

// Words of war in another sense: a boom of marine life, a quarrel with one's
// family, goods that customs agents take, a lesson shown to students, people
// who have fought in wars, a land plot taken back at market value, a bill a
// parliament passes and sanctions are no events, even in a report about a war.
TEST(Claims, OtherSensesOfWarWordsAreNoEvents) {
  const std::string war = "Troops shelled the town overnight. ";
  const std::string senses =
      "The cold water caused an explosion of marine life off the coast. He was fighting with his brother at the "
      "party. Customs agents seized drugs and cash at the port. A paramedic came to demonstrate to the students how "
      "to clear an airway. The riders honour veterans who fought in wars abroad. The land plots were subject to "
      "withdrawal at market value. The Duma approved a bill on regional elections. The European Union imposed new "
      "sanctions on the regime.";
  EXPECT_EQ(EventTriggers(war + senses), std::vector<std::string>{"shelled"});
  EXPECT_EQ(EventTriggers(war + "Rebels seized the airport. Soldiers were fighting with rebels near the bridge."),
            (std::vector<std::string>{"shelled", "seized", "fighting"}));
}

// An attack in words: attacks on a person, "him", "her", "them" or a
// political target ("rivals", "critics") are no event when nothing in the
// sentence speaks of force; the same words with an armed actor, a weapon or
// a blow stay events. (The first three sentences gave an event before.)
TEST(Claims, ARhetoricalAttackIsNoEvent) {
  const std::string war = "Troops shelled the town overnight. ";
  EXPECT_EQ(EventTriggers(war + "He spent the whole debate attacking his rivals."),
            std::vector<std::string>{"shelled"});
  EXPECT_EQ(EventTriggers(war + "She refused to attack him during the debate."),
            std::vector<std::string>{"shelled"});
  EXPECT_EQ(EventTriggers(war + "Supporters cheered his attacks on his critics."),
            std::vector<std::string>{"shelled"});
  EXPECT_EQ(EventTriggers(war + "Gunmen attacked him outside his home."),
            (std::vector<std::string>{"shelled", "Gunmen"}));
  EXPECT_EQ(EventTriggers(war + "Soldiers attacked them near the checkpoint."),
            (std::vector<std::string>{"shelled", "attacked"}));
  EXPECT_EQ(EventTriggers(war + "Militants attacked her convoy on the road to the airport."),
            (std::vector<std::string>{"shelled", "attacked"}));
  EXPECT_EQ(EventTriggers(war + "The drone attack on Kharkiv wounded five people."),
            (std::vector<std::string>{"shelled", "drone attack"}));
  EXPECT_EQ(EventTriggers(war + "Russian forces attacked the positions of the brigade."),
            (std::vector<std::string>{"shelled", "attacked"}));
}

// To rally people around someone, and a market's rally, are no protest:
// rows of type "-" in event_triggers.tsv; a rally held, or people who come
// to rally outside parliament, are. (The first three gave an event before.)
TEST(Claims, RallyingSupportIsNoProtest) {
  const std::string war = "Troops shelled the town overnight. ";
  EXPECT_EQ(EventTriggers(war + "Democrats rallied around the nominee."), std::vector<std::string>{"shelled"});
  EXPECT_EQ(EventTriggers(war + "The speech was meant to rally voters behind him."),
            std::vector<std::string>{"shelled"});
  EXPECT_EQ(EventTriggers(war + "Oil prices staged a relief rally after the strike."),
            std::vector<std::string>{"shelled"});
  EXPECT_EQ(EventTriggers(war + "Supporters held a rally to support the jailed mayor."),
            (std::vector<std::string>{"shelled", "rally"}));
  EXPECT_EQ(EventTriggers(war + "Hundreds came to rally outside parliament against the law."),
            (std::vector<std::string>{"shelled", "rally"}));
}

// A full date long before publication makes a trigger history, as "in
// 2001" does: the report of 2024 mentions the attacks of 2001, it does not
// report them. A recent date does not. (The first gave an event before.)
TEST(Claims, ADateLongBeforePublicationIsHistory) {
  EXPECT_TRUE(
      EventTriggers("Shortly after the Sept. 11, 2001, terrorist attacks, the agency began a program.").empty());
  EXPECT_EQ(EventTriggers("On August 11, 2024, drones struck the port."), std::vector<std::string>{"drones struck"});
}

// Weapons, campaigns and factories named with war words: "assault weapons"
// and "advanced manufacturing" are rows of type "-" (other triggers of the
// clause stand), a "nomination battle" is a figure of speech. (Each of the
// first two gave an "assault" event before.)
TEST(Claims, AssaultWeaponsAndPoliticalBattlesAreNoBattles) {
  const std::string war = "Troops shelled the town overnight. ";
  EXPECT_EQ(EventTriggers(war + "The bill would ban assault weapons."), std::vector<std::string>{"shelled"});
  EXPECT_EQ(EventTriggers(war + "Gunmen armed with assault rifles killed five people at the market."),
            (std::vector<std::string>{"shelled", "Gunmen"}));
  EXPECT_EQ(EventTriggers(war + "The assault on the town began at dawn."),
            (std::vector<std::string>{"shelled", "assault"}));
  EXPECT_EQ(EventTriggers(war + "Fierce battles raged near the airport."),
            (std::vector<std::string>{"shelled", "battles"}));
}

// "Riot police" and "riot gear" are the police's name and kit, not a riot: the
// longer row of type "-" in event_triggers.tsv hides the trigger, and the
// sentence's own act is the event.
TEST(Claims, RiotPoliceAreNoRiot) {
  EXPECT_EQ(EventTriggers("Riot police arrested 40 protesters outside parliament on Tuesday night."),
            std::vector<std::string>{"arrested"});
  const std::string kit = "Officers in riot gear and riot-control vehicles lined the square on Tuesday.";
  EXPECT_TRUE(EventTriggers(kit).empty()) << ::testing::PrintToString(EventTriggers(kit));
  EXPECT_EQ(EventTriggers("Rioters torched cars outside parliament on Tuesday night."),
            std::vector<std::string>{"Rioters"});
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

// A capitalised trigger is part of a name only inside a sentence: the first
// word of a quotation starts one ("the Rockets" stays a team).
TEST(Events, ACapitalisedTriggerOpeningAQuotationIsAnEvent) {
  auto x = testing::ExtractText(
      "Strikes near Kharkiv\n\n"
      "\"Drones struck a fuel depot in Kharkiv overnight,\" the mayor said on Monday.\n\n"
      "The team lost when the Rockets struck twice in the final minutes of the game.",
      "2024-08-13");
  const Claim* depot = testing::FindClaim(x, "fuel depot");
  ASSERT_NE(depot, nullptr);
  ASSERT_TRUE(depot->event.has_value());
  EXPECT_EQ(depot->event->type, "Explosions/Remote violence");
  for (const Claim& c : x.claims) {
    if (c.text.find("Rockets") != std::string::npos) {
      EXPECT_FALSE(c.event.has_value()) << c.text;
    }
  }
}

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

// A continent is too broad to be where an event happened; the country is.
TEST(Events, AContinentIsNeverTheEventPlace) {
  auto x = testing::ExtractText(
      "Drones Hit Depot\n\n"
      "In Europe's largest such attack this year, drones struck a fuel depot in Poland overnight, officials said.",
      "2024-08-13");
  const Claim* c = testing::FindClaim(x, "fuel depot");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->event.has_value());
  ASSERT_GT(c->event->place_id, 0);
  EXPECT_EQ(x.places[c->event->place_id - 1].name, "Poland");
}

// The event place says where it came from; a dateline's place (where the
// reporter filed from) comes last, only for an event nothing else places,
// and says so (the store neither groups by it nor names it: StoreIngest).
TEST(Events, TheEventPlaceSaysItsBasisAndTheDatelineComesLast) {
  auto x = testing::ExtractText(
      "KHARKIV, Ukraine \u2014 Two missiles hit an apartment block overnight, killing three people, the governor "
      "said.\n\nIn a separate attack, a drone struck a gas station in Chuhuiv.\n\n"
      "Artillery shelled the outskirts of Vovchansk on Monday. Four people were wounded in the shelling.",
      "2024-08-13");
  auto event_of = [&](const std::string& needle) -> const Event& {
    const Claim* c = testing::FindClaim(x, needle);
    static const Event kNone;
    EXPECT_TRUE(c != nullptr && c->event.has_value()) << needle;
    return c != nullptr && c->event ? *c->event : kNone;
  };
  const Event& missiles = event_of("Two missiles hit");
  EXPECT_EQ(missiles.place_basis, "dateline");
  ASSERT_GT(missiles.place_id, 0);
  EXPECT_EQ(x.places[missiles.place_id - 1].name, "Kharkiv");
  const Event& drone = event_of("drone struck a gas station");
  EXPECT_EQ(drone.place_basis, "claim");
  ASSERT_GT(drone.place_id, 0);
  EXPECT_EQ(x.places[drone.place_id - 1].name, "Chuhuiv");
  const Event& wounded = event_of("Four people were wounded");
  EXPECT_EQ(wounded.place_basis, "paragraph");  // the sentence before it names Vovchansk
  ASSERT_GT(wounded.place_id, 0);
  EXPECT_EQ(x.places[wounded.place_id - 1].name, "Vovchansk");
}

}  // namespace
}  // namespace sitrep
