#include "extract/lexicons.h"

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <optional>

#include "core/fnv.h"
#include "core/tsv.h"
#include "core/utf8.h"
#include "extract/morphology.h"
#include "text/segmenter.h"

namespace sitrep::data {
extern const std::string_view kData_speech_verbs;
extern const std::string_view kData_roles;
extern const std::string_view kData_actors;
extern const std::string_view kData_people;
extern const std::string_view kData_event_triggers;
extern const std::string_view kData_conflicts;
extern const std::string_view kData_section_labels;
extern const std::string_view kData_function_words;
extern const std::string_view kData_numbers;
extern const std::string_view kData_calendar;
extern const std::string_view kData_units;
extern const std::string_view kData_quantity_bounds;
}  // namespace sitrep::data

namespace sitrep {

template <typename T>
void PhraseTable<T>::Add(const std::string& phrase, T value) {
  int words = 1;
  for (char c : phrase) words += c == ' ';
  max_words_ = std::max(max_words_, words);
  int& longest = first_words_[phrase.substr(0, phrase.find(' '))];
  longest = std::max(longest, words);
  map_.emplace(phrase, std::move(value));
}

template <typename T>
const T* PhraseTable<T>::Find(std::string_view phrase) const {
  auto it = map_.find(phrase);
  return it == map_.end() ? nullptr : &it->second;
}

template <typename T>
int PhraseTable<T>::Match(const std::vector<std::string>& words, size_t start, size_t end,
                          const T** out) const {
  // Most words start no phrase: one lookup rejects them.
  auto first = first_words_.find(std::string_view(words[start]));
  if (first == first_words_.end()) return 0;
  int best = 0;
  auto one = map_.find(std::string_view(words[start]));
  if (one != map_.end()) {
    best = 1;
    *out = &one->second;
  }
  std::string key = words[start];
  for (int n = 2; n <= first->second && start + n <= end; ++n) {
    key.push_back(' ');
    key += words[start + n - 1];
    auto it = map_.find(key);
    if (it != map_.end()) {
      best = n;
      *out = &it->second;
    }
  }
  return best;
}

template class PhraseTable<SpeechVerb>;
template class PhraseTable<Role>;
template class PhraseTable<Actor>;
template class PhraseTable<int>;

namespace {

// A malformed row: the file and line, and what is wrong with it.
Status BadRow(const char* file, int line, const std::string& why) {
  return Status::DataError(std::string("data/lexicon/") + file + " line " + std::to_string(line) + ": " + why);
}

std::optional<SpeechClass> ParseClass(std::string_view s) {
  if (s == "say") return SpeechClass::kSay;
  if (s == "confirm") return SpeechClass::kConfirm;
  if (s == "deny") return SpeechClass::kDeny;
  if (s == "allege") return SpeechClass::kAllege;
  if (s == "report") return SpeechClass::kReport;
  if (s == "urge") return SpeechClass::kUrge;
  if (s == "assess") return SpeechClass::kAssess;
  return std::nullopt;
}

// Cyrillic letters are two bytes, 0xD0 or 0xD1 then one of 64: a bucket
// per first letter.
size_t CyrillicBucket(std::string_view w) {
  if (w.size() < 2) return 0;
  return ((static_cast<unsigned char>(w[0]) & 1u) << 6) | (static_cast<unsigned char>(w[1]) & 0x3Fu);
}

// The Cyrillic rows of the phrase tables are stored under stems.
std::string PhraseKey(std::string_view phrase) {
  return IsCyrillicWord(NameKey(phrase)) ? Lexicons::StemKey(phrase) : NameKey(phrase);
}

std::string Trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

LexiconSources LexiconSources::Embedded() {
  return {data::kData_speech_verbs,   data::kData_roles,     data::kData_actors,        data::kData_people,
          data::kData_event_triggers, data::kData_conflicts, data::kData_section_labels,
          data::kData_function_words, data::kData_numbers,   data::kData_calendar,      data::kData_units,
          data::kData_quantity_bounds};
}

std::string Lexicons::StemKey(std::string_view phrase) {
  thread_local RussianStemmer stemmer;
  std::string key = NameKey(phrase);
  std::string out;
  size_t start = 0;
  while (start <= key.size()) {
    size_t sp = key.find(' ', start);
    if (sp == std::string::npos) sp = key.size();
    if (!out.empty()) out.push_back(' ');
    out += stemmer.Stem(std::string_view(key).substr(start, sp - start));
    start = sp + 1;
  }
  return out;
}

Result<std::unique_ptr<Lexicons>> Lexicons::Load(const LexiconSources& sources) {
  auto lexicons = std::make_unique<Lexicons>();
  if (Status s = lexicons->Parse(sources); !s.ok()) return s;
  lexicons->BuildClasses();
  return lexicons;
}

namespace {

// The classes of function_words.tsv by name.
constexpr std::pair<std::string_view, FunctionClass> kFunctionClasses[] = {
      {"stop", FunctionClass::kStop},
      {"aux", FunctionClass::kAux},
      {"he", FunctionClass::kHe},
      {"she", FunctionClass::kShe},
      {"that", FunctionClass::kThat},
      {"not", FunctionClass::kNot},
      {"clause_break", FunctionClass::kClauseBreak},
      {"narration_split", FunctionClass::kNarrationSplit},
      {"np_modifier", FunctionClass::kNpModifier},
      {"object", FunctionClass::kObject},
      {"takes_object", FunctionClass::kTakesObject},
      {"preposition", FunctionClass::kPreposition},
      {"hedge", FunctionClass::kHedge},
      {"date_prep", FunctionClass::kDatePreposition},
      {"impersonal_cue", FunctionClass::kImpersonalCue},
      {"in", FunctionClass::kIn},
      {"message", FunctionClass::kMessage},
      {"according", FunctionClass::kAccording},
      {"according_opinion", FunctionClass::kAccordingOpinion},
      {"opinion", FunctionClass::kOpinion},
      {"source_noun", FunctionClass::kSourceNoun},
      {"hedged_source", FunctionClass::kHedgedSource},
      {"source_adjective", FunctionClass::kSourceAdjective},
      {"possessive", FunctionClass::kPossessive},
      {"citing_with", FunctionClass::kCitingWith},
      {"citing", FunctionClass::kCiting},
      {"citing_to", FunctionClass::kCitingTo},
      {"per", FunctionClass::kPer},
      {"per_with", FunctionClass::kPerWith},
      {"per_noun", FunctionClass::kPerNoun},
      {"as", FunctionClass::kAs},
      {"source_label", FunctionClass::kSourceLabel},
      {"about", FunctionClass::kAbout},
      {"about_this", FunctionClass::kAboutThis},
      {"fake", FunctionClass::kFake},
      {"reality", FunctionClass::kReality},
      {"verify", FunctionClass::kVerify},
      {"impossible", FunctionClass::kImpossible},
      {"need", FunctionClass::kNeed},
      {"verify_noun", FunctionClass::kVerifyNoun},
      {"negation_before", FunctionClass::kNegationBefore},
      {"negation_after", FunctionClass::kNegationAfter},
      {"claim_noun", FunctionClass::kClaimNoun},
      {"no_content", FunctionClass::kNoContent},
      {"modal", FunctionClass::kModal},
      {"permission", FunctionClass::kPermission},
      {"intention", FunctionClass::kIntention},
      {"call", FunctionClass::kCall},
      {"clause_opener", FunctionClass::kClauseOpener},
      {"finite", FunctionClass::kFinite},
      {"act_object", FunctionClass::kActObject},
      {"range_from", FunctionClass::kRangeFrom},
      {"range_to", FunctionClass::kRangeTo},
      {"night_of", FunctionClass::kNightOf},
      {"year_in", FunctionClass::kYearIn},
      {"month_before", FunctionClass::kMonthBefore},
      {"night_alone", FunctionClass::kNightAlone},
      {"night_over", FunctionClass::kNightOver},
      {"period_over", FunctionClass::kPeriodOver},
      {"since_start", FunctionClass::kSinceStart},
      {"this_week", FunctionClass::kThisWeek},
      {"of_total", FunctionClass::kOfTotal},
      {"ago", FunctionClass::kAgo},
      {"speaker_preposition", FunctionClass::kSpeakerPreposition},
      {"his", FunctionClass::kHis},
    {"locative", FunctionClass::kLocative},
    {"body_anaphor", FunctionClass::kBodyAnaphor},
    {"demonstrative", FunctionClass::kDemonstrative},
  };

}  // namespace

Status Lexicons::ParseSpeechVerbs(std::string_view table) {
  for (const TsvRow& r : ParseTsv(table)) {
    if (r.fields.size() < 4) return BadRow("speech_verbs.tsv", r.line, "needs 4 columns");
    std::optional<SpeechClass> cls = ParseClass(r.field(2));
    if (!cls) return BadRow("speech_verbs.tsv", r.line, "unknown class '" + std::string(r.field(2)) + "'");
    speech_.Add(FoldCase(r.field(0)), {std::string(r.field(1)), *cls, r.field(3) == "that"});
  }
  return Status::Ok();
}

Status Lexicons::ParseRoles(std::string_view table) {
  for (const TsvRow& r : ParseTsv(table)) {
    if (r.fields.size() < 3) return BadRow("roles.tsv", r.line, "needs 3 columns");
    roles_.Add(PhraseKey(r.field(0)), {std::string(r.field(1)), std::string(r.field(2))});
  }
  return Status::Ok();
}

Status Lexicons::ParseActors(std::string_view table) {
  for (const TsvRow& r : ParseTsv(table)) {
    if (r.fields.size() < 5) return BadRow("actors.tsv", r.line, "needs 5 columns");
    actors_.Add(PhraseKey(r.field(0)), {Trimmed(r.field(1)), std::string(r.field(2)),
                                       std::string(r.field(3)), std::string(r.field(4))});
  }
  return Status::Ok();
}

Status Lexicons::ParsePeople(std::string_view table) {
  for (const TsvRow& r : ParseTsv(table)) {
    if (r.fields.size() < 5) return BadRow("people.tsv", r.line, "needs 5 columns");
    KnownPerson p{std::string(r.field(0)), {}, std::string(r.field(2)), Trimmed(r.field(3)),
                  std::string(r.field(4))};
    int index = static_cast<int>(people_.size());
    person_aliases_.Add(PhraseKey(p.name), index);
    for (auto a : SplitList(r.field(1))) {
      p.aliases.emplace_back(a);
      person_aliases_.Add(PhraseKey(a), index);
    }
    people_.push_back(std::move(p));
  }
  return Status::Ok();
}

Status Lexicons::ParseConflicts(std::string_view table) {
  for (const TsvRow& r : ParseTsv(table)) {
    if (r.fields.size() < 2) return BadRow("conflicts.tsv", r.line, "needs 2 sides");
    conflicts_.emplace_back(std::string(r.field(0)), std::string(r.field(1)));
  }
  return Status::Ok();
}

Status Lexicons::ParseSectionLabels(std::string_view table) {
  for (const TsvRow& r : ParseTsv(table)) {
    if (r.fields.size() < 2) return BadRow("section_labels.tsv", r.line, "needs 2 columns");
    section_labels_.insert(NameKey(r.field(0)));
  }
  return Status::Ok();
}

Status Lexicons::ParseEventTriggers(std::string_view table) {
  for (const TsvRow& r : ParseTsv(table)) {
    if (r.fields.size() < 3) return BadRow("event_triggers.tsv", r.line, "needs 3 columns");
    TriggerPattern t;
    for (auto w : SplitList(r.field(0), ' ')) t.words.emplace_back(w);
    t.type = std::string(r.field(1));
    t.sub_type = std::string(r.field(2));
    t.not_event = t.type == "-";
    for (auto flag : SplitList(r.field(3), ' ')) {
      if (flag == "generic") {
        t.generic = true;
      } else if (flag == "conflict") {
        t.needs_conflict = true;
      } else if (flag == "weapon") {
        t.needs_attack = true;
      } else if (flag == "verbal") {
        t.verbal = true;
      } else if (!flag.empty()) {
        return BadRow("event_triggers.tsv", r.line, "an unknown flag (generic, conflict, weapon, verbal)");
      }
    }
    if (t.words.empty() || t.words[0].empty()) return BadRow("event_triggers.tsv", r.line, "an empty pattern");
    const std::string& first = t.words[0];
    const int index = static_cast<int>(triggers_.size());
    const bool cyrillic = IsCyrillicWord(first);
    const bool ascii_start = static_cast<unsigned char>(first[0]) < 128;
    if (!cyrillic && !ascii_start) {
      return BadRow("event_triggers.tsv", r.line, "a pattern starts with an ASCII or a Cyrillic word");
    }
    (cyrillic ? cyrillic_triggers_[CyrillicBucket(first)] : triggers_by_letter_[static_cast<unsigned char>(first[0])])
        .push_back(index);
    if (first == "?" || first.back() == '*') {
      (cyrillic ? open_cyrillic_triggers_[CyrillicBucket(first)]
                : open_triggers_by_letter_[static_cast<unsigned char>(first[0])])
          .push_back(index);
    } else if (cyrillic != ascii_start) {
      // Only a word equal to `first` can match, and MatchTrigger looks in the
      // bucket of the text's word: one starting with an ASCII byte in the
      // letter buckets, any other in the Cyrillic ones.
      triggers_by_word_[first].push_back(index);
      trigger_word_lengths_[static_cast<unsigned char>(first[0])] |= uint64_t{1} << std::min<size_t>(first.size(), 63);
    }
    triggers_.push_back(std::move(t));
  }
  return Status::Ok();
}

Status Lexicons::ParseFunctionWords(std::string_view table) {
  for (const TsvRow& r : ParseTsv(table)) {
    if (r.fields.size() < 3) return BadRow("function_words.tsv", r.line, "needs 3 columns");
    std::string_view c = r.field(1);
    auto known = std::find_if(std::begin(kFunctionClasses), std::end(kFunctionClasses),
                              [c](const auto& k) { return k.first == c; });
    if (known == std::end(kFunctionClasses))
      return BadRow("function_words.tsv", r.line, "unknown class '" + std::string(c) + "'");
    function_words_[FoldCase(r.field(0))].push_back(known->second);
  }
  return Status::Ok();
}

Status Lexicons::ParseNumbers(std::string_view table) {
  for (const TsvRow& r : ParseTsv(table)) {
    if (r.fields.size() < 4) return BadRow("numbers.tsv", r.line, "needs 4 columns");
    NumberWord n;
    n.value = std::strtod(std::string(r.field(1)).c_str(), nullptr);
    std::string_view k = r.field(2);
    if (k == "number") n.kind = NumberWord::Kind::kNumber;
    else if (k == "scale") n.kind = NumberWord::Kind::kScale;
    else if (k == "vague") n.kind = NumberWord::Kind::kVague;
    else return BadRow("numbers.tsv", r.line, "unknown kind '" + std::string(k) + "'");
    if (n.value <= 0) return BadRow("numbers.tsv", r.line, "value must be positive");
    numbers_.emplace(FoldCase(r.field(0)), n);
  }
  return Status::Ok();
}

Status Lexicons::ParseCalendar(std::string_view table) {
  for (const TsvRow& r : ParseTsv(table)) {
    if (r.fields.size() < 4) return BadRow("calendar.tsv", r.line, "needs 4 columns");
    static const std::pair<std::string_view, CalendarWord::Kind> kKinds[] = {
        {"month", CalendarWord::Kind::kMonth},         {"weekday", CalendarWord::Kind::kWeekday},
        {"year", CalendarWord::Kind::kYear},           {"days_ago", CalendarWord::Kind::kDaysAgo},
        {"night", CalendarWord::Kind::kNight},         {"day_period", CalendarWord::Kind::kDayPeriod},
        {"part_of_day", CalendarWord::Kind::kPartOfDay}, {"week", CalendarWord::Kind::kWeek},
        {"last", CalendarWord::Kind::kLast},           {"future", CalendarWord::Kind::kFuture}};
    CalendarWord c;
    bool known = false;
    for (const auto& [name, kind] : kKinds) {
      if (r.field(1) == name) c.kind = kind, known = true;
    }
    if (!known) return BadRow("calendar.tsv", r.line, "unknown kind '" + std::string(r.field(1)) + "'");
    c.value = std::atoi(std::string(r.field(2)).c_str());
    const bool english_date = r.field(3) == "en" && c.kind != CalendarWord::Kind::kFuture;
    (english_date ? english_calendar_ : calendar_).Insert(FoldCase(r.field(0)), c);
  }
  return Status::Ok();
}

Status Lexicons::ParseUnits(std::string_view table) {
  for (const TsvRow& r : ParseTsv(table)) {
    if (r.fields.size() < 5) return BadRow("units.tsv", r.line, "needs 5 columns");
    units_.emplace(NameKey(r.field(0)), UnitWord{std::string(r.field(1)), Trimmed(r.field(2)),
                                                 std::strtod(std::string(r.field(3)).c_str(), nullptr)});
  }
  return Status::Ok();
}

Status Lexicons::Parse(const LexiconSources& sources) {
  if (Status s = ParseSpeechVerbs(sources.speech_verbs); !s.ok()) return s;
  if (Status s = ParseRoles(sources.roles); !s.ok()) return s;
  if (Status s = ParseActors(sources.actors); !s.ok()) return s;
  if (Status s = ParsePeople(sources.people); !s.ok()) return s;
  if (Status s = ParseConflicts(sources.conflicts); !s.ok()) return s;
  if (Status s = ParseSectionLabels(sources.section_labels); !s.ok()) return s;
  if (Status s = ParseEventTriggers(sources.event_triggers); !s.ok()) return s;
  if (Status s = ParseFunctionWords(sources.function_words); !s.ok()) return s;
  if (Status s = ParseNumbers(sources.numbers); !s.ok()) return s;
  if (Status s = ParseCalendar(sources.calendar); !s.ok()) return s;
  if (Status s = ParseUnits(sources.units); !s.ok()) return s;
  return ParseQuantityBounds(sources.quantity_bounds);
}

Status Lexicons::ParseQuantityBounds(std::string_view table) {
  for (const TsvRow& r : ParseTsv(table)) {
    if (r.fields.size() < 3) return BadRow("quantity_bounds.tsv", r.line, "needs 3 columns");
    // "none": the phrase is no bound, although a shorter phrase inside it is.
    const bool none = r.field(1) == "none";
    std::optional<QuantityBound> bound = none ? QuantityBound::kExact : ParseQuantityBound(r.field(1));
    if (!bound) return BadRow("quantity_bounds.tsv", r.line, "unknown bound '" + std::string(r.field(1)) + "'");
    std::string phrase = FoldCase(r.field(0));
    std::string language(r.field(2));
    const std::vector<std::string_view> words = SplitList(phrase, ' ');
    if (words.empty()) return BadRow("quantity_bounds.tsv", r.line, "an empty phrase");
    const int n = static_cast<int>(words.size());
    max_bound_words_ = std::max(max_bound_words_, n);
    if (words[0].size() > 1 && words[0].back() == '*') {
      std::string rest = phrase.substr(words[0].size());
      prefix_bounds_.push_back({language, std::string(words[0].substr(0, words[0].size() - 1)), rest, n, *bound, none});
    } else {
      bounds_.emplace(language + "\t" + phrase, BoundRow{{n, *bound}, none});
    }
  }
  return Status::Ok();
}

BoundMatch Lexicons::MatchBoundBefore(const std::vector<std::string>& words, size_t i,
                                      std::initializer_list<std::string_view> languages) const {
  // Longest first: "no more than" is at most, not the "more than" inside it.
  for (int n = std::min<int>(max_bound_words_, static_cast<int>(std::min(i, words.size()))); n > 0; --n) {
    std::string rest;  // the words after the first, each after a space
    for (size_t k = i - n + 1; k < i; ++k) rest += " " + words[k];
    const std::string& first = words[i - n];
    for (std::string_view language : languages) {
      auto it = bounds_.find(std::string(language) + "\t" + first + rest);
      if (it != bounds_.end()) return it->second.none ? BoundMatch{} : it->second.match;
    }
    for (const PrefixBound& p : prefix_bounds_) {
      if (p.words != n || p.rest != rest || !first.starts_with(p.prefix)) continue;
      for (std::string_view language : languages) {
        if (p.language == language) return p.none ? BoundMatch{} : BoundMatch{n, p.bound};
      }
    }
  }
  return {};
}

// Word lists kept beside the code that reads them.
const std::vector<std::string_view>& StopWordList();
const std::vector<std::string_view>& AuxiliaryWordList();
const std::vector<std::string_view>& DateStartWords();
const std::vector<std::string_view>& NumberWords();

void Lexicons::BuildClasses() {
  auto mark = [&](std::string_view w, uint32_t bit) { classes_[w] |= bit; };
  for (auto w : StopWordList()) mark(w, kStopWord);
  for (auto w : AuxiliaryWordList()) mark(w, kAuxWord);
  for (auto w : DateStartWords()) mark(w, kDateStart);
  for (auto w : NumberWords()) mark(w, kNumberWord);
  speech_.ForEachFirstWord([&](const std::string& w) { mark(w, kSpeechWord); });
  actors_.ForEachFirstWord([&](const std::string& w) { mark(w, kActorStart); });
  roles_.ForEachFirstWord([&](const std::string& w) { mark(w, kRoleStart); });
  person_aliases_.ForEachFirstWord([&](const std::string& w) { mark(w, kPersonStart); });
  function_words_.ForEach([&](std::string_view w, const std::vector<FunctionClass>& classes) {
    for (FunctionClass c : classes) {
      if (c == FunctionClass::kStop) mark(w, kStopWord);
      if (c == FunctionClass::kAux) mark(w, kAuxWord);
      if (c == FunctionClass::kFinite) mark(w, kFiniteWord);
    }
  });
  for (const auto& [w, n] : numbers_) mark(w, kNumberWord);
  // Of a word's lemmas, Analysis keeps one the lists know ("загинула" ->
  // "загинути", not "загинулий").
  for (const auto& bucket : cyrillic_triggers_) {
    for (int index : bucket) mark(triggers_[index].words[0], kTriggerWord);
  }
  english_calendar_.ForEach([&](std::string_view w, const CalendarWord&) { mark(w, kDateStart); });
  calendar_.ForEach([&](std::string_view w, const CalendarWord& c) {
    if (c.kind != CalendarWord::Kind::kFuture) mark(w, kDateStart);  // "will" starts no date
  });
}

uint64_t Lexicons::LatinClassesFingerprint() const {
  std::vector<std::pair<std::string_view, uint32_t>> entries;
  classes_.ForEach([&entries](std::string_view w, uint32_t c) {
    if (!IsCyrillicWord(w)) entries.emplace_back(w, c);
  });
  std::sort(entries.begin(), entries.end());
  uint64_t h = kFnvOffset;  // FNV-1a over "word\0" and the four bytes of its classes
  auto add = [&h](unsigned char b) { h = FnvStep(h, b); };
  for (const auto& [w, c] : entries) {
    for (unsigned char b : w) add(b);
    add(0);
    for (int k = 0; k < 4; ++k) add(static_cast<unsigned char>(c >> (8 * k)));
  }
  return h;
}

int Lexicons::MatchTrigger(const std::vector<std::string>& words, size_t start, size_t end,
                           const TriggerPattern** out) const {
  int best = 0;
  if (start >= end || words[start].empty()) return 0;
  const std::string& word = words[start];
  unsigned char first = static_cast<unsigned char>(word[0]);
  // The patterns of the word's bucket that can match it (those whose first
  // word is a prefix or "?", and those whose first word is this word), in
  // file order: of two matches of the same length the earlier one wins.
  const std::vector<int>& open =
      first < 128 ? open_triggers_by_letter_[first] : open_cyrillic_triggers_[CyrillicBucket(word)];
  static const std::vector<int> kNoPatterns;
  const bool may_be_first = (trigger_word_lengths_[first] >> std::min<size_t>(word.size(), 63)) & 1;
  auto found = may_be_first ? triggers_by_word_.find(word) : triggers_by_word_.end();
  const std::vector<int>& exact = found == triggers_by_word_.end() ? kNoPatterns : found->second;
  for (size_t i = 0, j = 0; i < open.size() || j < exact.size();) {
    const int index = j == exact.size() || (i < open.size() && open[i] < exact[j]) ? open[i++] : exact[j++];
    const TriggerPattern& t = triggers_[index];
    size_t n = t.words.size();
    if (static_cast<int>(n) <= best || start + n > end) continue;
    bool ok = true;
    for (size_t k = 0; k < n && ok; ++k) {
      const std::string& p = t.words[k];
      const std::string& w = words[start + k];
      if (p.size() == 1 && p[0] == '?') continue;
      if (!p.empty() && p.back() == '*') {
        ok = w.size() >= p.size() - 1 && w.compare(0, p.size() - 1, p, 0, p.size() - 1) == 0;
      } else {
        ok = w == p;
      }
    }
    if (ok) {
      best = static_cast<int>(n);
      *out = &t;
    }
  }
  return best > 0 && (*out)->not_event ? -best : best;
}

}  // namespace sitrep
