#include "events/event_classifier.h"

#include <string_view>
#include <unordered_map>

#include "core/tsv.h"
#include "extract/lexicons.h"

namespace sitrep {

namespace data {
extern const std::string_view kData_event_context;
}  // namespace data

using learn::Feature;
using learn::FeatureId;
using learn::HashString;

namespace {

// Feature templates. Their numbers are part of the model file's meaning:
// change one and bump EventClassifier::kFeatureVersion.
enum Template : uint32_t {
  kBias = 1,
  kPattern, kType, kSubType, kTriggerToken,
  kPrev1, kPrev2, kNext1, kNext2, kPrevBigram, kNextBigram,
  kClauseWord, kClassInClause, kClassNear, kClassBefore, kClassByType,
  kTriggerCase, kActors, kInQuote, kClauseLength, kPassive, kTriggerAtStart, kYear,
};

constexpr uint64_t kNone = 0x5a5a5a5a;
constexpr size_t kNear = 4;          // tokens either side that count as "near" the trigger
constexpr size_t kMaxClauseWords = 80;

// The context classes of data/lexicon/event_context.tsv, by word and by prefix.
struct ContextWords {
  std::unordered_map<std::string, uint32_t> exact;  // word -> class bits
  std::vector<std::pair<std::string, uint32_t>> prefixes;
  std::vector<std::string> class_names;             // bit i -> name

  uint32_t Bit(std::string_view name) {
    for (size_t i = 0; i < class_names.size(); ++i) {
      if (class_names[i] == name) return 1u << i;
    }
    if (class_names.size() >= 32) return 0;
    class_names.emplace_back(name);
    return 1u << (class_names.size() - 1);
  }
  uint32_t Of(const std::string& w) const {
    uint32_t bits = 0;
    if (auto it = exact.find(w); it != exact.end()) bits |= it->second;
    for (const auto& [p, b] : prefixes) {
      if (w.size() >= p.size() && w.compare(0, p.size(), p) == 0) bits |= b;
    }
    return bits;
  }
};

const ContextWords& Context() {
  static const ContextWords* words = [] {
    auto* c = new ContextWords();
    for (const TsvRow& r : ParseTsv(data::kData_event_context)) {
      if (r.fields.size() < 2) continue;  // the build's lexicon test checks the columns
      std::string w(r.field(0));
      uint32_t bit = c->Bit(r.field(1));
      if (w.empty()) continue;
      if (w.back() == '*') {
        w.pop_back();
        c->prefixes.emplace_back(w, bit);
      } else {
        c->exact[w] |= bit;
      }
    }
    return c;
  }();
  return *words;
}

// A month written as one mid-sentence whose name is also a context word
// ("in May reversed": not the modal "may") is a date: the model sees it as
// "<month>" (a value no training word has) and it lends no context class.
// Other months keep their word, which the model learned as a date.
bool MonthName(const Analysis& a, size_t k) {
  std::string_view t = a.TokenText(k);
  if (t.size() < 2 || t[0] < 'A' || t[0] > 'Z' || t[1] < 'a' || t[1] > 'z' || a.SentenceInitial(k)) return false;
  const CalendarWord* c = a.lex.FindEnglishCalendar(a.folded[k]);
  return c != nullptr && c->kind == CalendarWord::Kind::kMonth && Context().Of(a.folded[k]) != 0;
}

uint64_t WordHash(const Analysis& a, size_t k) {
  return MonthName(a, k) ? HashString("<month>") : HashString(a.folded[k]);
}

}  // namespace

std::vector<std::string> EventClassifier::Labels() { return {"none", "event"}; }

Result<EventClassifier> EventClassifier::Load(const std::string& path) {
  Result<learn::LinearModel> m = learn::LinearModel::Load(path, kKind, kFeatureVersion);
  if (!m.ok()) return m.status();
  if (m->label_count() != 2) return Status::InvalidArgument(path + ": an event model has 2 labels");
  return EventClassifier(std::move(m).value());
}

double EventClassifier::Confidence(const std::vector<FeatureId>& features) const {
  return model_.Probabilities(features, kTemperature)[1];
}

std::vector<FeatureId> EventFeatures(const Analysis& a, size_t begin, size_t end, size_t trigger_begin,
                                     size_t trigger_end, const Event& event, bool in_quote) {
  const ContextWords& ctx = Context();
  std::vector<FeatureId> f;
  f.reserve(64);
  trigger_end = std::max(trigger_end, trigger_begin + 1);
  const uint64_t type = HashString(event.type);
  std::string pattern;
  for (size_t k = trigger_begin; k < trigger_end && k < end; ++k) {
    if (!pattern.empty()) pattern += ' ';
    pattern += a.folded[k];
    f.push_back(Feature(kTriggerToken, HashString(a.folded[k])));
  }
  f.push_back(Feature(kBias, 0));
  f.push_back(Feature(kPattern, HashString(pattern)));
  f.push_back(Feature(kType, type));
  f.push_back(Feature(kSubType, HashString(event.sub_type)));
  auto word = [&](size_t k) -> uint64_t { return k >= begin && k < end ? WordHash(a, k) : kNone; };
  const uint64_t p1 = trigger_begin > begin ? word(trigger_begin - 1) : kNone;
  const uint64_t p2 = trigger_begin > begin + 1 ? word(trigger_begin - 2) : kNone;
  const uint64_t n1 = word(trigger_end), n2 = word(trigger_end + 1);
  f.push_back(Feature(kPrev1, p1));
  f.push_back(Feature(kPrev2, p2));
  f.push_back(Feature(kNext1, n1));
  f.push_back(Feature(kNext2, n2));
  f.push_back(Feature(kPrevBigram, p2 * 31 + p1));
  f.push_back(Feature(kNextBigram, n1 * 31 + n2));
  // Words and context classes of the clause; classes also by where they
  // stand (near the trigger, before it) and with the proposed type.
  uint32_t in_clause = 0, near = 0, before = 0;
  size_t words = 0;
  bool lower = false, upper = false;
  for (size_t k = begin; k < end; ++k) {
    if (!a.IsWord(k)) continue;
    if (words++ < kMaxClauseWords) f.push_back(Feature(kClauseWord, WordHash(a, k)));
    std::string_view t = a.TokenText(k);
    if (!t.empty() && t[0] >= 'a' && t[0] <= 'z') lower = true;
    if (t.size() > 1 && t[0] >= 'A' && t[0] <= 'Z' && t[1] >= 'a' && t[1] <= 'z') upper = true;
    // A year in the clause ("in 1944", "the massacre of 1572") often marks history.
    if (t.size() == 4 && (t[0] == '1' || t[0] == '2') && t.find_first_not_of("0123456789") == std::string_view::npos) {
      f.push_back(Feature(kYear, 1));
    }
    if ((k >= trigger_begin && k < trigger_end) || MonthName(a, k)) continue;
    uint32_t bits = ctx.Of(a.folded[k]);
    if (bits == 0) continue;
    in_clause |= bits;
    if (k + kNear >= trigger_begin && k < trigger_end + kNear) near |= bits;
    if (k < trigger_begin) before |= bits;
  }
  for (size_t i = 0; i < ctx.class_names.size(); ++i) {
    const uint32_t bit = 1u << i;
    if (in_clause & bit) {
      f.push_back(Feature(kClassInClause, i));
      f.push_back(Feature(kClassByType, type * 64 + i));
    }
    if (near & bit) f.push_back(Feature(kClassNear, i));
    if (before & bit) f.push_back(Feature(kClassBefore, i));
  }
  // A capitalised trigger inside mixed-case text is often a name ("the
  // Rockets", "Operation Thunder"); in all-lower or all-caps text case says nothing.
  const bool mixed = lower && upper;
  const bool cap = a.token(trigger_begin).capitalized && !a.SentenceInitial(trigger_begin);
  f.push_back(Feature(kTriggerCase, mixed ? (cap ? 2 : 1) : 0));
  f.push_back(Feature(kActors, (event.actor1.empty() ? 0 : 1) + (event.actor2.empty() ? 0 : 2)));
  f.push_back(Feature(kInQuote, in_quote ? 1 : 0));
  f.push_back(Feature(kClauseLength, words <= 6 ? 0 : words <= 15 ? 1 : words <= 30 ? 2 : 3));
  bool passive = false;
  for (size_t k = trigger_begin; k > begin && k + 3 > trigger_begin; --k) passive |= IsBeForm(a.folded[k - 1]);
  f.push_back(Feature(kPassive, passive ? 1 : 0));
  f.push_back(Feature(kTriggerAtStart, trigger_begin == begin ? 1 : 0));
  return f;
}

}  // namespace sitrep
