#include "events/event_rules.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <optional>
#include <string>

#include "events/event_classifier.h"
#include "extract/analysis.h"
#include "extract/lexicons.h"
#include "tests/test_util.h"

namespace sitrep {
namespace {

// Why the first token folding to `trigger` in `sentence` (published
// `published`, or undated) is ruled out, or "" when it stands.
std::string Reason(const std::string& sentence, const std::string& trigger, const char* published = "2024-08-13") {
  Analysis a(sentence, published ? CivilDate::Parse(published) : std::nullopt, testing::TestLexicons());
  for (size_t k = 0; k < a.token_count(); ++k) {
    if (a.folded[k] != trigger) continue;
    std::optional<EventContext> c = RuledOut(a, 0, a.token_count(), k, 1);
    return c ? std::string(EventContextName(c.value())) : "";
  }
  ADD_FAILURE() << "no '" << trigger << "' in " << sentence;
  return "?";
}

// A field's vocabulary rules a trigger out; an armed group, the military or
// a crowd in the same sentence makes it political again.
TEST(EventRules, CrimeBusinessSportsAndAccidentsNeedAPoliticalActor) {
  EXPECT_EQ(Reason("Police arrested a man after a burglary at a shop.", "arrested"), "crime");
  EXPECT_EQ(Reason("Militants robbed a bank and arrested its guards.", "arrested"), "");
  EXPECT_EQ(Reason("The company signed an agreement with its investors.", "agreement"),
            "business");
  EXPECT_EQ(Reason("The team captured the trophy in extra time.", "captured"), "sports");
  EXPECT_EQ(Reason("A gas explosion at the bakery injured three.", "explosion"),
            "accident");
  EXPECT_EQ(Reason("Soldiers fired on the car after a crash at the checkpoint.", "fired"), "");
}

// A crowd's violence is an event whatever the quarrel; the same quarrel
// with the police alone is ordinary crime.
TEST(EventRules, ACrowdMakesCrimeAnEvent) {
  EXPECT_EQ(Reason("Villagers lynched a man accused of stealing cattle.", "lynched"), "");
  EXPECT_EQ(Reason("Police arrested a man accused of stealing cattle.", "arrested"), "crime");
}

TEST(EventRules, FiguresOfSpeechPlansAndGenericStatements) {
  EXPECT_EQ(Reason("The parents are locked in a custody battle.", "battle"), "figurative");
  EXPECT_EQ(Reason("Police usually use tear gas on crowds here.", "tear"), "generic");
  EXPECT_EQ(Reason("Experts fear a drone strike on the dam would flood the valley.", "strike"),
            "hypothetical");
  // A modal far from the trigger says nothing about it.
  EXPECT_EQ(Reason("Police arrested forty activists on Monday and said on Tuesday that the courts would hear them.",
                   "arrested"),
            "");
}

// A report is about conflict when it says so in words of its own ("troops",
// "protesters", "shelling"); the actor words a crime story shares ("an armed
// robbery", "a birthday party") do not make it one. A language with no
// conflict words in the table is not judged.
TEST(EventRules, AConflictDocumentSaysSoInItsOwnWords) {
  auto conflict = [](const std::string& text) {
    Analysis a(text, CivilDate::Parse("2024-08-13"), testing::TestLexicons());
    return ConflictDocument(a);
  };
  EXPECT_TRUE(conflict("Troops moved into the valley. A man was found dead near the road."));
  EXPECT_TRUE(conflict("Protesters gathered outside the ministry on Friday."));
  EXPECT_FALSE(conflict("A man was charged with armed robbery after a birthday party on Elm Street."));
  EXPECT_FALSE(conflict("The council met on Monday and approved the budget for the new library."));
  Analysis ru("Вчера вечером в городе было тихо.", std::nullopt, testing::TestLexicons(), nullptr, Language::kRussian);
  EXPECT_TRUE(ConflictDocument(ru));
}

// An actor anywhere in the trigger's sentence counts, not only in its clause.
TEST(EventRules, AnActorAnywhereInTheSentence) {
  Analysis a("Armed men stopped the bus, and later they kidnapped the driver.", std::nullopt,
             testing::TestLexicons());
  Analysis b("A neighbour stopped the bus, and later he drove the driver home.", std::nullopt,
             testing::TestLexicons());
  EXPECT_TRUE(ActorInSentence(a, a.token_count() - 3));
  EXPECT_FALSE(ActorInSentence(b, b.token_count() - 3));
}

// A trigger row's flags are "generic" and "conflict"; anything else is a
// mistake in the table, reported with its line.
TEST(EventRules, ATriggerRowWithAnUnknownFlagIsRefused) {
  LexiconSources src = LexiconSources::Embedded();
  src.event_triggers = "stabbed\tViolence against civilians\tAttack\tgeneric conflict\n";
  auto lex = Lexicons::Load(src);
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  src.event_triggers = "stabbed\tViolence against civilians\tAttack\tgeneric\nstruck\tBattles\tArmed clash\tconflcit\n";
  auto bad = Lexicons::Load(src);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("event_triggers.tsv line 2"), std::string::npos) << bad.status().message();
}

// A year long before publication is history; a number of rounds is no year.
TEST(EventRules, AYearLongBeforePublicationIsHistory) {
  EXPECT_EQ(Reason("In 1944 troops captured the town.", "captured"), "history");
  EXPECT_EQ(Reason("In 1944 troops captured the town.", "captured", nullptr), "history");
  EXPECT_EQ(Reason("In 2024 troops captured the town.", "captured"), "");
  EXPECT_EQ(Reason("Police fired 1649 rounds at the mobs.", "fired"), "");
}

// The event model's features of the clause `sentence`, its trigger the
// first token folding to `trigger`.
std::vector<learn::FeatureId> FeaturesOf(const std::string& sentence, const std::string& trigger) {
  Analysis a(sentence, CivilDate::Parse("2024-08-13"), testing::TestLexicons());
  for (size_t k = 0; k < a.token_count(); ++k) {
    if (a.folded[k] != trigger) continue;
    Event e;
    e.type = "Strategic developments";
    return EventFeatures(a, 0, a.token_count(), k, k + 1, e, false);
  }
  ADD_FAILURE() << "no '" << trigger << "' in " << sentence;
  return {};
}

// "May" written as a month mid-sentence is a date to the event model, not
// the modal "may" (whose context class marks plans and hypotheses); other
// months are their own words.
TEST(EventFeatures, AMonthIsADateNotAModal) {
  EXPECT_NE(FeaturesOf("The government in May reversed its ban.", "reversed"),
            FeaturesOf("The government in may reversed its ban.", "reversed"));
  EXPECT_EQ(FeaturesOf("The government in March reversed its ban.", "reversed"),
            FeaturesOf("The government in march reversed its ban.", "reversed"));
  // At the start of a sentence "May" is the modal as often as the month.
  EXPECT_EQ(FeaturesOf("May the Government reverse its ban?", "reverse"),
            FeaturesOf("may the Government reverse its ban?", "reverse"));
}

}  // namespace
}  // namespace sitrep
