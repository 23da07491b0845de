#include "events/event_rules.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/flat_string_map.h"
#include "core/tsv.h"

namespace sitrep {

namespace data {
extern const std::string_view kData_event_ruled_out;
}  // namespace data

namespace {

struct ContextPattern {
  std::vector<std::string> words;  // a trailing '*' marks a prefix
  EventContext context;
  Language language;
};

std::optional<EventContext> ParseContext(std::string_view name) {
  for (EventContext c : {EventContext::kActor, EventContext::kCrime, EventContext::kBusiness, EventContext::kSports,
                         EventContext::kAccident, EventContext::kIllness, EventContext::kFigurative,
                         EventContext::kGeneric, EventContext::kHypothetical, EventContext::kHistory,
                         EventContext::kYearPreposition, EventContext::kConflict, EventContext::kComparison,
                         EventContext::kAttack, EventContext::kArmed, EventContext::kPoliticalTarget}) {
    if (EventContextName(c) == name) return c;
  }
  return std::nullopt;
}

std::optional<Language> ParseLanguageCode(std::string_view code) {
  if (code == "en") return Language::kEnglish;
  if (code == "ru") return Language::kRussian;
  if (code == "uk") return Language::kUkrainian;
  return std::nullopt;
}

// Patterns by what can start them: the patterns whose first word is a word
// (one lookup), and the prefix patterns ("airstrike*") by the first byte
// of their prefix; each list in file order.
struct PatternIndex {
  FlatStringMap<std::vector<size_t>> by_first_word;
  std::array<std::vector<size_t>, 256> prefix_by_byte;

  void Add(const ContextPattern& p, size_t index) {
    const std::string& first = p.words[0];
    if (first.back() != '*') {
      by_first_word[first].push_back(index);
    } else if (first.size() == 1) {
      for (std::vector<size_t>& list : prefix_by_byte) list.push_back(index);  // "*": any word
    } else {
      prefix_by_byte[static_cast<unsigned char>(first[0])].push_back(index);
    }
  }
  // f(pattern index) for the patterns that may start at `word`, those of
  // its first word before the prefix ones, until f returns true; whether it did.
  template <typename F>
  bool Any(const std::string& word, F f) const {
    if (const std::vector<size_t>* list = by_first_word.Find(word)) {
      for (size_t i : *list) {
        if (f(i)) return true;
      }
    }
    for (size_t i : prefix_by_byte[word.empty() ? 0 : static_cast<unsigned char>(word[0])]) {
      if (f(i)) return true;
    }
    return false;
  }
};

constexpr size_t kContexts = static_cast<size_t>(EventContext::kPoliticalTarget) + 1;

// The patterns of event_ruled_out.tsv, indexed all together and by class;
// rows with an unknown class or language are skipped (the lexicon test
// checks the file).
struct PatternTable {
  std::vector<ContextPattern> all;
  PatternIndex any;
  std::array<PatternIndex, kContexts> by_context;
  std::vector<Language> conflict_languages;  // languages with `conflict` words
};

const PatternTable& Patterns() {
  static const PatternTable table = [] {
    PatternTable t;
    std::vector<ContextPattern>& v = t.all;
    for (const TsvRow& r : ParseTsv(data::kData_event_ruled_out)) {
      if (r.fields.size() < 3) continue;
      std::optional<EventContext> c = ParseContext(r.field(1));
      std::optional<Language> lang = ParseLanguageCode(r.field(2));
      if (!c || !lang) continue;
      ContextPattern p{{}, *c, *lang};
      std::string_view phrase = r.field(0);
      while (!phrase.empty()) {
        size_t sp = phrase.find(' ');
        if (sp != 0) p.words.emplace_back(phrase.substr(0, sp));
        if (sp == std::string_view::npos) break;
        phrase.remove_prefix(sp + 1);
      }
      if (p.words.empty()) continue;
      t.any.Add(p, v.size());
      t.by_context[static_cast<size_t>(p.context)].Add(p, v.size());
      if (p.context == EventContext::kConflict &&
          std::find(t.conflict_languages.begin(), t.conflict_languages.end(), p.language) ==
              t.conflict_languages.end()) {
        t.conflict_languages.push_back(p.language);
      }
      v.push_back(std::move(p));
    }
    return t;
  }();
  return table;
}

bool MatchesAt(const ContextPattern& p, const std::vector<std::string>& words, size_t k, size_t end) {
  if (k + p.words.size() > end) return false;
  for (size_t i = 0; i < p.words.size(); ++i) {
    const std::string& w = words[k + i];
    const std::string& q = p.words[i];
    if (!q.empty() && q.back() == '*') {
      if (w.size() < q.size() - 1 || w.compare(0, q.size() - 1, q, 0, q.size() - 1) != 0) return false;
    } else if (w != q) {
      return false;
    }
  }
  return true;
}

// Whether the word before token k — or before its "the" — is a one-word
// pattern of class `c` in the text's language ("during the 1967 war",
// "since the Second World War").
bool AfterWordOf(const Analysis& a, size_t k, EventContext c) {
  if (k == 0) return false;
  size_t before = k - 1;
  if (a.Lemmas()[before] == "the" && before > 0) --before;
  const PatternTable& table = Patterns();
  const std::vector<size_t>* list = table.by_context[static_cast<size_t>(c)].by_first_word.Find(a.Lemmas()[before]);
  if (list == nullptr) return false;
  for (size_t i : *list) {
    const ContextPattern& p = table.all[i];
    if (p.language == a.language && p.words.size() == 1) return true;
  }
  return false;
}

// A four-digit year after a preposition ("in 1944", "the massacre of
// 1572", "during the 1967 war"; not "fired 1649 rounds", not "the worst
// since 1945") long enough before publication to be history.
bool HistoricalYear(const Analysis& a, size_t k, const EventRuleOptions& o) {
  std::string_view t = a.TokenText(k);
  if (t.size() != 4 || t.find_first_not_of("0123456789") != std::string_view::npos) return false;
  if (!AfterWordOf(a, k, EventContext::kYearPreposition)) return false;
  const int year = std::stoi(std::string(t));
  if (year < 1000) return false;
  if (a.published) return year <= a.published->year - o.history_years;
  return year < o.history_before;
}

// Whether a pattern of class `c` in the text's language starts at word k
// and ends by token `end`.
bool PatternAt(const Analysis& a, size_t k, size_t end, EventContext c) {
  if (!a.IsWord(k)) return false;
  const PatternTable& table = Patterns();
  const std::vector<std::string>& words = a.Lemmas();
  return table.by_context[static_cast<size_t>(c)].Any(words[k], [&](size_t i) {
    const ContextPattern& p = table.all[i];
    return p.language == a.language && MatchesAt(p, words, k, end);
  });
}

// Whether a pattern of class `c` in the text's language starts at a word of
// tokens [from, to).
bool ContextIn(const Analysis& a, size_t from, size_t to, EventContext c) {
  for (size_t k = from; k < to; ++k) {
    if (PatternAt(a, k, to, c)) return true;
  }
  return false;
}

}  // namespace

std::string_view EventContextName(EventContext c) {
  switch (c) {
    case EventContext::kActor: return "actor";
    case EventContext::kCrime: return "crime";
    case EventContext::kBusiness: return "business";
    case EventContext::kSports: return "sports";
    case EventContext::kAccident: return "accident";
    case EventContext::kIllness: return "illness";
    case EventContext::kFigurative: return "figurative";
    case EventContext::kGeneric: return "generic";
    case EventContext::kHypothetical: return "hypothetical";
    case EventContext::kHistory: return "history";
    case EventContext::kYearPreposition: return "year_preposition";
    case EventContext::kConflict: return "conflict";
    case EventContext::kComparison: return "comparison";
    case EventContext::kAttack: return "attack";
    case EventContext::kArmed: return "armed";
    case EventContext::kPoliticalTarget: return "political_target";
  }
  return "";
}

std::optional<EventContext> RuledOut(const Analysis& a, size_t begin, size_t end, size_t trigger, size_t length,
                                     const EventRuleOptions& options) {
  if (trigger >= a.token_count()) return std::nullopt;
  const Sentence& s = a.seg.sentences[a.sentence_of[trigger]];
  const size_t from = std::max(begin, static_cast<size_t>(s.token_begin));
  const size_t to = std::min(end, static_cast<size_t>(s.token_end));
  const std::vector<std::string>& words = a.Lemmas();
  bool actor = false;
  std::optional<EventContext> field, always;
  for (size_t k = from; k < to; ++k) {
    if (!always && HistoricalYear(a, k, options)) always = EventContext::kHistory;
    if (!a.IsWord(k)) continue;
    auto consider = [&](const ContextPattern& p) {
      if (p.language != a.language || !MatchesAt(p, words, k, to)) return;
      switch (p.context) {
        case EventContext::kActor:
          actor = true;
          break;
        case EventContext::kYearPreposition:
        case EventContext::kConflict:
        case EventContext::kComparison:
        case EventContext::kAttack:
        case EventContext::kArmed:
        case EventContext::kPoliticalTarget:
          break;
        case EventContext::kCrime:
        case EventContext::kSports:
        case EventContext::kBusiness:
        case EventContext::kAccident:
        case EventContext::kIllness:
          if (!field) field = p.context;
          break;
        case EventContext::kHypothetical:
          if (!always && k + options.hypothetical_reach >= trigger &&
              k < trigger + length + options.hypothetical_reach) {
            always = p.context;
          }
          break;
        case EventContext::kHistory:
          // "the largest attack since World War Two" measures today's news
          if (!always && !AfterWordOf(a, k, EventContext::kComparison)) always = p.context;
          break;
        case EventContext::kFigurative:
        case EventContext::kGeneric:
          if (!always) always = p.context;
          break;
      }
    };
    const PatternTable& table = Patterns();
    table.any.Any(words[k], [&](size_t i) {
      consider(table.all[i]);
      return false;
    });
  }
  if (always) return always;
  if (field && !actor) return field;
  return std::nullopt;
}

bool ActorInSentence(const Analysis& a, size_t trigger) {
  if (trigger >= a.token_count()) return false;
  const Sentence& s = a.seg.sentences[a.sentence_of[trigger]];
  return ContextIn(a, s.token_begin, s.token_end, EventContext::kActor);
}

bool AttackInSentence(const Analysis& a, size_t trigger, size_t length) {
  if (trigger >= a.token_count()) return false;
  const Sentence& s = a.seg.sentences[a.sentence_of[trigger]];
  return ContextIn(a, s.token_begin, trigger, EventContext::kAttack) ||
         ContextIn(a, std::min(trigger + length, static_cast<size_t>(s.token_end)), s.token_end, EventContext::kAttack);
}

bool ForceInSentence(const Analysis& a, size_t trigger, size_t length) {
  if (trigger >= a.token_count()) return false;
  const Sentence& s = a.seg.sentences[a.sentence_of[trigger]];
  return AttackInSentence(a, trigger, length) || ContextIn(a, s.token_begin, s.token_end, EventContext::kArmed);
}

bool ContextAt(const Analysis& a, size_t k, EventContext c) {
  if (k >= a.token_count()) return false;
  return PatternAt(a, k, a.seg.sentences[a.sentence_of[k]].token_end, c);
}

bool ConflictDocument(const Analysis& a) {
  const std::vector<Language>& known = Patterns().conflict_languages;
  if (std::find(known.begin(), known.end(), a.language) == known.end()) return true;
  return ContextIn(a, 0, a.token_count(), EventContext::kConflict);
}

}  // namespace sitrep
