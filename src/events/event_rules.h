// Contexts in which an event trigger reports nothing an ACLED coder would
// code: ordinary crime, business and council business, sports, accidents
// and illness without a political actor; figures of speech ("a custody
// battle"), generic, hypothetical and historical statements. The words are
// data (data/lexicon/event_ruled_out.tsv); TypeEvent passes over a trigger
// ruled out here, so a later trigger of the clause may still stand.
#ifndef SITREP_EVENTS_EVENT_RULES_H_
#define SITREP_EVENTS_EVENT_RULES_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "extract/analysis.h"

namespace sitrep {

// The classes of event_ruled_out.tsv.
enum class EventContext {
  kActor,  // armed groups, the military, crowds, parties: not a verdict, lifts the field classes
  kCrime, kBusiness, kSports, kAccident, kIllness,        // ruled out unless an actor is in the sentence
  kFigurative, kGeneric, kHypothetical, kHistory,          // always ruled out
  kYearPreposition,  // "in", "of", "during": a year after one is a date (for the history rule)
  kConflict,  // "war", "troops", "protesters": what makes a report one about conflict
  kComparison,  // "since", "than": a history word or year after one is a yardstick, not history
  kAttack,  // "fired", "hit", "exploded", "killed": what a weapon did (for triggers marked `weapon`)
  kArmed,   // "gunmen", "troops", "knife", "stabbed": force in the sentence (for triggers marked `verbal`)
  kPoliticalTarget,  // "rivals", "critics", "record": what a rhetorical attack is aimed at
};

std::string_view EventContextName(EventContext c);

struct EventRuleOptions {
  // A year at least this many years before publication marks a history
  // lesson, not the news ("in 1944 troops captured the town").
  int history_years = 5;
  // Without a publication date: a year before this one is history (no
  // report sitrep is built for is older).
  int history_before = 2000;
  // Hypothetical words ("would", "if") count only this many tokens either
  // side of the trigger: "a strike on the dam would flood the valley", but
  // not "police said they would investigate" at the far end of a sentence.
  size_t hypothetical_reach = 6;
};

// Why the trigger at tokens [trigger, trigger + length) of the clause of
// tokens [begin, end) is no event, or nullopt when nothing rules it out.
// Only the trigger's own sentence inside the clause is read.
std::optional<EventContext> RuledOut(const Analysis& a, size_t begin, size_t end, size_t trigger, size_t length,
                                     const EventRuleOptions& options = {});

// Whether the sentence of the trigger at tokens [trigger, trigger + length)
// has an `armed` word of event_ruled_out.tsv (an armed actor, a weapon, a
// blow: "gunmen", "troops", "knife", "stabbed") or an `attack` word outside
// the trigger ("killed", "fired", "wounded").
bool ForceInSentence(const Analysis& a, size_t trigger, size_t length);

// Whether a pattern of class `c` starts at token k (its own sentence).
bool ContextAt(const Analysis& a, size_t k, EventContext c);

// Whether the report is about armed conflict or political violence: one of
// its words is a `conflict` word of event_ruled_out.tsv in its language
// ("troops", "militants", "protesters", "war", "shelling"; not the actor
// words a crime story has too, such as "armed" or "party"). A
// trigger marked `conflict` in event_triggers.tsv ("struck", "captured",
// "signed", "killed") is an event only in such a report: a crime or council
// story of general news has none of those words. A language with no such
// words in the table (Russian and Ukrainian today) gives true: nothing to
// judge by.
bool ConflictDocument(const Analysis& a);

// Whether the trigger's whole sentence (not only its claim's clause) names
// an `actor` of event_ruled_out.tsv: "Armed men kidnapped an aid worker",
// "a crowd attacked a mosque and set it on fire" need no report about a war
// around them.
bool ActorInSentence(const Analysis& a, size_t trigger);

// Whether the sentence of the trigger at tokens [trigger, trigger + length)
// has an `attack` word of event_ruled_out.tsv outside the trigger: a weapon
// named bare (a trigger marked `weapon`: "missiles", "rockets", "bombs") is
// an event only when the sentence says what it did ("rockets hit the town",
// "a bomb exploded", "missiles fired by Iran"), not in "an anti-ballistic
// missile system", "Grad missile systems are set up" or "a defence budget
// for missiles".
bool AttackInSentence(const Analysis& a, size_t trigger, size_t length);

}  // namespace sitrep

#endif  // SITREP_EVENTS_EVENT_RULES_H_
