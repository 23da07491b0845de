// The reviewed word lists under data/lexicon/, compiled into the library and
// parsed by Lexicons::Load() when an Extractor opens: speech verbs, roles,
// actors, known people, event triggers, conflicts. Stages read them through
// Analysis::lex.
#ifndef SITREP_EXTRACT_LEXICONS_H_
#define SITREP_EXTRACT_LEXICONS_H_

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/flat_string_map.h"
#include "core/string_map.h"
#include "sitrep/extraction.h"
#include "sitrep/status.h"

namespace sitrep {

// Classes of a word, as bits: computed once per token (Analysis::classes)
// so that stages test bits instead of hashing the word again.
enum WordClass : uint32_t {
  kStopWord = 1u << 0,      // Lexicons::IsStopWord
  kAuxWord = 1u << 1,       // an auxiliary or adverb between subject and verb ("has", "not")
  kSpeechWord = 1u << 2,    // a speech verb form
  kActorStart = 1u << 3,    // starts an actor phrase
  kRoleStart = 1u << 4,     // starts a role phrase
  kPersonStart = 1u << 5,   // starts a known person's name or alias
  kDateStart = 1u << 6,     // may start a date expression
  kNumberWord = 1u << 7,    // a number word or a vague amount ("hundreds")
  kTriggerWord = 1u << 9,   // Russian/Ukrainian: the first word of an event trigger (a lemma)
  kCommonWord = 1u << 8,    // Russian/Ukrainian: a dictionary word in lower case ("Обстрел" opening a sentence)
  kFiniteWord = 1u << 10,   // a finite auxiliary (function_words.tsv class `finite`: "is", "would", "has")
};

enum class SpeechClass { kSay, kConfirm, kDeny, kAllege, kReport, kUrge, kAssess };

struct SpeechVerb {
  std::string lemma;
  SpeechClass cls = SpeechClass::kSay;
  bool needs_that = false;  // attributes only a that-clause or a quote
};

struct Role {
  std::string canonical;
  std::string category;  // government | military | analyst | media | social_media | official | civil | group
};

struct Actor {
  std::string country;    // ISO alpha-3, may be empty
  std::string kind;       // demonym | country | org
  std::string canonical;
  std::string category;
};

struct KnownPerson {
  std::string name;
  std::vector<std::string> aliases;
  std::string role, country, category;
};

struct TriggerPattern {
  std::vector<std::string> words;  // a trailing '*' marks a prefix
  std::string type, sub_type;
  // A generic word ("killed", "attack", "shot"): used only when the clause
  // has no specific trigger ("killed when a drone hit" is a drone strike).
  bool generic = false;
  // Words that name an act of war only in a report about armed conflict or
  // political violence ("struck", "captured", "signed", "killed"): outside
  // one ("a car struck a pedestrian", "captured the title", "the mayor
  // signed the bill") they are passed over (events/event_rules.h
  // ConflictDocument).
  bool needs_conflict = false;
  // A weapon named bare ("missiles", "rockets", "artillery", "bombs"): an
  // event only when its sentence says what it did, with an `attack` word of
  // event_ruled_out.tsv ("fired", "hit", "exploded", "killed"); "an
  // anti-ballistic missile system" or "cluster bombs in the fields" are no
  // attack (events/event_rules.h AttackInSentence).
  bool needs_attack = false;
  // A word also used for words, not blows ("attacks on his rivals",
  // "attacking Mr. Dalton over his record"): no event when it is aimed at a
  // person or a political target and nothing in its sentence speaks of force
  // (events/event_typer.cc RhetoricalAttack).
  bool verbal = false;
  // A row of type "-": a phrase holding a trigger word that reports no event
  // ("riot police", "riot gear"); as the longest match it hides the trigger.
  bool not_event = false;
};

// A table of phrases of one or more words, matched longest first.
template <typename T>
class PhraseTable {
 public:
  void Add(const std::string& phrase, T value);
  // Calls f(first word) for every phrase's first word.
  template <typename F>
  void ForEachFirstWord(F f) const {
    for (const auto& [w, n] : first_words_) f(w);
  }
  // Number of words matched at words[start] (0 if none); *out gets the value.
  int Match(const std::vector<std::string>& words, size_t start, size_t end, const T** out) const;
  const T* Find(std::string_view phrase) const;

 private:
  StringMap<T> map_;
  StringMap<int> first_words_;  // first word -> most words of a phrase it starts
  int max_words_ = 1;
};

// A Russian or Ukrainian number word (numbers.tsv).
struct NumberWord {
  enum class Kind { kNumber, kScale, kVague };
  double value = 0;
  Kind kind = Kind::kNumber;
};

// A Russian or Ukrainian calendar word (calendar.tsv).
struct CalendarWord {
  enum class Kind { kMonth, kWeekday, kYear, kDaysAgo, kNight, kDayPeriod, kPartOfDay, kWeek, kLast, kFuture };
  Kind kind = Kind::kMonth;
  int value = 0;
};

// A Russian or Ukrainian unit after a number (units.tsv).
struct UnitWord {
  std::string unit, si_unit;
  double factor = 0;
};

// A bound phrase found before a number (quantity_bounds.tsv): its words
// and bound; words 0 when none (the number is exact).
struct BoundMatch {
  int words = 0;
  QuantityBound bound = QuantityBound::kExact;
};

// Classes of function words (function_words.tsv): Russian and Ukrainian
// ones, then the word classes the claim builder reads in any language.
enum class FunctionClass {
  kStop, kAux, kHe, kShe, kThat, kNot,
  kClauseBreak, kNarrationSplit, kNpModifier, kObject, kTakesObject, kPreposition, kHedge, kDatePreposition,
  // Russian and Ukrainian sourcing phrases (src/events/claim_slavic.cc).
  kImpersonalCue, kIn, kMessage, kAccording, kAccordingOpinion, kOpinion, kSourceNoun, kHedgedSource,
  kSourceAdjective, kPossessive, kCitingWith, kCiting, kCitingTo, kPer, kPerWith, kPerNoun, kAs, kSourceLabel,
  kAbout, kAboutThis, kFake, kReality,
  // Russian and Ukrainian: a verification verb's lemma ("проверить"), and
  // "невозможно" that negates it; a negation before or after an event
  // trigger ("не пострадал", "пострадавших нет").
  kVerify, kImpossible, kNeed, kVerifyNoun, kNegationBefore, kNegationAfter,
  // English: nouns of claims a denial names ("denied reports that"), words
  // that are no speech verb's content ("said so", "said little"), and the
  // irrealis cues before an event trigger (src/events/event_typer.cc).
  kClaimNoun, kNoContent, kModal, kPermission, kIntention, kCall, kClauseOpener, kFinite, kActObject,
  // Russian and Ukrainian words around a date (src/extract/dates.cc).
  kRangeFrom, kRangeTo, kNightOf, kYearIn, kMonthBefore, kNightAlone, kNightOver, kPeriodOver, kSinceStart,
  kThisWeek,
  // Russian and Ukrainian: "25 із 30" (of a total), "два года назад" (a
  // time, not a count), a preposition between a speaker and its verb
  // ("Гладков в своем телеграм-канале написал"), "его"/"його" (his).
  kOfTotal, kAgo, kSpeakerPreposition, kHis,
  // Any language: a preposition before a place that makes it where an
  // event happens, not who acts ("troops in Kursk", "в Курске").
  kLocative,
  // Russian and Ukrainian: a noun that names the body spoken of before
  // ("по информации ведомства", "у відомстві").
  kBodyAnaphor,
  // Russian and Ukrainian: "это", "це" as a denial's object ("У Силах
  // оборони це спростовують"): the claim before is denied.
  kDemonstrative
};

// The TSV text of each table (data/lexicon/NAME.tsv).
struct LexiconSources {
  std::string_view speech_verbs, roles, actors, people, event_triggers, conflicts, section_labels;
  std::string_view function_words, numbers, calendar, units, quantity_bounds;
  // The tables compiled into the library.
  static LexiconSources Embedded();
};

class Lexicons {
 public:
  // Parses the tables. DataError naming the file and line of the first
  // malformed row (too few columns, an unknown class).
  static Result<std::unique_ptr<Lexicons>> Load(const LexiconSources& sources = LexiconSources::Embedded());
  // Empty tables: no word is known.
  Lexicons() = default;

  const SpeechVerb* FindSpeechVerb(std::string_view folded) const { return speech_.Find(folded); }
  // WordClass bits of a folded word; 0 for most words.
  uint32_t Classes(std::string_view folded) const {
    const uint32_t* c = classes_.Find(folded);
    return c == nullptr ? 0 : *c;
  }
  const PhraseTable<Role>& roles() const { return roles_; }
  const PhraseTable<Actor>& actors() const { return actors_; }
  const PhraseTable<int>& person_aliases() const { return person_aliases_; }  // -> people() index
  const std::vector<KnownPerson>& people() const { return people_; }
  // Known pairs of warring sides (ISO alpha-3), from conflicts.tsv.
  const std::vector<std::pair<std::string, std::string>>& conflicts() const { return conflicts_; }
  // True for a label such as "UPDATE" or "Editor's note" (its NameKey) that
  // ends in a colon without naming a speaker.
  bool IsSectionLabel(std::string_view key) const { return section_labels_.count(key) > 0; }
  // Lower-case function words, sentence openers and the like: never names.
  bool IsStopWord(std::string_view folded) const { return (Classes(folded) & kStopWord) != 0; }
  // A 64-bit hash of Classes() of every word not written in Cyrillic, in
  // word order: what the attribution tagger's features read from the word
  // lists. A model trained on lists with another fingerprint sees other
  // features than it was trained on (docs/models.md, reproducing the model).
  uint64_t LatinClassesFingerprint() const;
  // The longest trigger pattern at words[start]; returns words matched, or
  // minus the words matched when the longest is a not-an-event phrase
  // (TriggerPattern::not_event): callers skip those words.
  // Russian and Ukrainian patterns match lemmas (Analysis::Lemmas()).
  int MatchTrigger(const std::vector<std::string>& words, size_t start, size_t end,
                   const TriggerPattern** out) const;

  // Russian and Ukrainian words, by folded form or lemma; null when unknown.
  const NumberWord* FindNumber(std::string_view word) const { return Find(numbers_, word); }
  const CalendarWord* FindCalendar(std::string_view word) const { return Find(calendar_, word); }
  // English months ("march", "sept") and weekdays, by folded word; null when unknown.
  const CalendarWord* FindEnglishCalendar(std::string_view word) const { return Find(english_calendar_, word); }
  const UnitWord* FindUnit(std::string_view words) const { return Find(units_, words); }
  bool IsFunctionWord(std::string_view word, FunctionClass cls) const {
    const std::vector<FunctionClass>* v = Find(function_words_, word);
    return v != nullptr && std::find(v->begin(), v->end(), cls) != v->end();
  }
  // The longest bound phrase of one of `languages` ("en", "ru", "uk") that
  // ends just before words[i] (folded words): "no more than" before "5".
  BoundMatch MatchBoundBefore(const std::vector<std::string>& words, size_t i,
                              std::initializer_list<std::string_view> languages) const;
  // The key Russian and Ukrainian lexicon phrases are stored under: each
  // Cyrillic word replaced by its Snowball Russian stem (NameKey otherwise).
  static std::string StemKey(std::string_view phrase);

 private:
  Status Parse(const LexiconSources& sources);
  // One table each (data/lexicon/NAME.tsv).
  Status ParseSpeechVerbs(std::string_view table);
  Status ParseRoles(std::string_view table);
  Status ParseActors(std::string_view table);
  Status ParsePeople(std::string_view table);
  Status ParseConflicts(std::string_view table);
  Status ParseSectionLabels(std::string_view table);
  Status ParseEventTriggers(std::string_view table);
  Status ParseFunctionWords(std::string_view table);
  Status ParseNumbers(std::string_view table);
  Status ParseCalendar(std::string_view table);
  Status ParseUnits(std::string_view table);
  Status ParseQuantityBounds(std::string_view table);
  void BuildClasses();
  PhraseTable<SpeechVerb> speech_;
  PhraseTable<Role> roles_;
  PhraseTable<Actor> actors_;
  PhraseTable<int> person_aliases_;
  std::vector<KnownPerson> people_;
  std::vector<std::pair<std::string, std::string>> conflicts_;
  FlatStringMap<uint32_t> classes_;  // read for every token
  StringSet section_labels_;
  std::vector<TriggerPattern> triggers_;
  std::vector<int> triggers_by_letter_[128];  // by the first byte of the first word
  std::vector<int> cyrillic_triggers_[128];   // Cyrillic first words, by CyrillicBucket
  // What MatchTrigger reads: the same buckets split into the patterns whose
  // first word is a prefix ("airstrike*") or "?", still by bucket, and those
  // whose first word must equal the text's, by that word (one lookup instead
  // of comparing every pattern of the letter).
  std::vector<int> open_triggers_by_letter_[128];
  std::vector<int> open_cyrillic_triggers_[128];
  StringMap<std::vector<int>> triggers_by_word_;
  // Per first byte of those first words, a bit per byte length (63 for 63
  // and longer): most words of a text have no pattern of their first byte
  // and length, and are not hashed.
  uint64_t trigger_word_lengths_[256] = {};
  StringMap<NumberWord> numbers_;
  FlatStringMap<CalendarWord> calendar_;          // Russian and Ukrainian words, and future words of any language
  FlatStringMap<CalendarWord> english_calendar_;  // English months and weekdays
  StringMap<UnitWord> units_;
  FlatStringMap<std::vector<FunctionClass>> function_words_;
  // Bound phrases by "language\tphrase"; those whose first word is a prefix
  // ("зрос* до") apart, with the prefix without its '*'.
  // none: the phrase is no bound ("no more than" holds "more than").
  struct PrefixBound {
    std::string language, prefix, rest;  // rest: the words after the first, with a leading space
    int words = 0;
    QuantityBound bound = QuantityBound::kExact;
    bool none = false;
  };
  struct BoundRow {
    BoundMatch match;
    bool none = false;
  };
  StringMap<BoundRow> bounds_;
  std::vector<PrefixBound> prefix_bounds_;
  int max_bound_words_ = 0;
  template <typename T>
  static const T* Find(const StringMap<T>& m, std::string_view w) {
    auto it = m.find(w);
    return it == m.end() ? nullptr : &it->second;
  }
  template <typename T>
  static const T* Find(const FlatStringMap<T>& m, std::string_view w) {
    return m.Find(w);
  }
};

}  // namespace sitrep

#endif  // SITREP_EXTRACT_LEXICONS_H_
