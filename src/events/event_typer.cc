#include <algorithm>
#include <initializer_list>
#include <set>
#include <string_view>

#include "events/claims.h"
#include "events/event_rules.h"
#include "extract/lexicons.h"

namespace sitrep {

namespace {

// A trigger under a request, threat, plan, permission or modal says what
// has not happened: "called on allies to allow strikes", "threatened to
// bomb", "does not approve the use of missile strikes", "must shell", "it is
// only fair to destroy". Looks back from the trigger to the start of its
// clause (punctuation, or a word opening another clause: "vowed to
// retaliate after drones struck" keeps "struck").
// The words are function_words.tsv's classes modal, permission, intention
// (only with an infinitive: "threatened to bomb", not "a threat"), call and
// clause_opener.
bool UnderIrrealisCue(const Analysis& a, size_t begin, size_t trigger) {
  using F = FunctionClass;
  static const std::set<std::string_view> kPunct = {",", ";", ":", ".", "(", ")", "—", "–", "\"", "“", "”"};
  constexpr size_t kReach = 12;  // tokens
  bool to_seen = false;
  for (size_t k = trigger; k > begin && trigger - k < kReach; --k) {
    const std::string& w = a.folded[k - 1];
    if (kPunct.count(w) || a.lex.IsFunctionWord(w, F::kClauseOpener)) return false;
    if (w == "to") to_seen = true;
    if (a.lex.IsFunctionWord(w, F::kModal) || a.lex.IsFunctionWord(w, F::kPermission)) return true;
    if (to_seen && a.lex.IsFunctionWord(w, F::kIntention)) return true;
    if (a.lex.IsFunctionWord(w, F::kCall) && k < trigger && (a.folded[k] == "on" || a.folded[k] == "for")) return true;
  }
  return false;
}

// A capitalised trigger inside a sentence written in ordinary case is part
// of a name: "the Rockets beat", "Operation Thunderbolt", "Battle Creek". In
// all-caps or all-lower-case text (some outlets, Telegram) case says nothing,
// so only a sentence whose words are mostly lower-case counts.
// A word that opens a quotation, or follows a colon or a dash, starts a
// sentence of its own ("\"Drones struck a depot,\" the mayor said").
bool PartOfName(const Analysis& a, size_t k) {
  if (!a.token(k).capitalized || a.SentenceInitial(k)) return false;
  if (k > 0 && a.token(k - 1).kind == TokenKind::kPunct) {
    char32_t c = a.token(k - 1).first;
    if (IsOpeningQuote(c) || c == U'"' || c == U':' || c == 0x2014 || c == 0x2013) return false;
  }
  const Sentence& s = a.seg.sentences[a.sentence_of[k]];
  size_t lower = 0, words = 0, long_lower = 0;
  for (size_t i = s.token_begin; i < s.token_end; ++i) {
    if (!a.IsWord(i)) continue;
    ++words;
    lower += !a.token(i).capitalized;
    long_lower += !a.token(i).capitalized && a.token(i).size() >= 5;
  }
  if (2 * lower > words) return true;
  // A sentence heavy with names ("students at Battle Ground Academy
  // celebrated Mardi Gras") is not mostly lower case, but unlike a title-case
  // headline it has lower-case words of five letters or more; there a trigger
  // next to a capitalised word is part of the name.
  if (long_lower < 2) return false;
  auto capital_word = [&](size_t i) {
    return i >= s.token_begin && i < s.token_end && a.IsWord(i) && a.token(i).capitalized && !a.SentenceInitial(i);
  };
  return capital_word(k + 1) || (k > s.token_begin && capital_word(k - 1));
}

// Russian and Ukrainian: a trigger that is denied happened not: "Пострадавших
// нет", "загиблих немає", "без пострадавших", "не пострадал".
bool NegatedSlavic(const Analysis& a, size_t k, size_t n) {
  if (!a.Slavic()) return false;
  auto is = [&](size_t i, FunctionClass c) { return i < a.token_count() && a.lex.IsFunctionWord(a.folded[i], c); };
  return is(k + n, FunctionClass::kNegationAfter) || (k > 0 && is(k - 1, FunctionClass::kNegationBefore));
}

// A rhetorical attack: "stepped up her attacks on Governor Reyes", "spent
// the debate attacking his rivals", "ads attacking Mr. Dalton". The trigger
// (or its "on" / "against") is followed by a person, a pronoun him, her or
// them, or a political target ("rivals", "critics", "record", "policies",
// also after "his", "her", "their", "the"), and nothing in the sentence
// speaks of force: no `armed` word (an armed actor, a weapon, a blow) and no
// `attack` word besides the trigger. "Gunmen attacked him outside his
// home" and "Militants attacked the governor's convoy" stay events.
bool RhetoricalAttack(const DocContext& x, size_t k, size_t n) {
  const Analysis& a = x.a;
  const Sentence& s = a.seg.sentences[a.sentence_of[k]];
  size_t j = k + n;
  if (j < s.token_end && (a.Is(j, "on") || a.Is(j, "against"))) ++j;
  if (j >= s.token_end) return false;
  bool aimed = false;
  if (const EntityMention* m = x.entities.At(j); m != nullptr && m->kind == EntityKind::kPerson) {
    aimed = x.place_at[j] < 0;
  } else if (a.Is(j, "him") || a.Is(j, "her") || a.Is(j, "them")) {
    aimed = true;
  } else {
    size_t t = j;
    if (t + 1 < s.token_end && (a.Is(t, "his") || a.Is(t, "her") || a.Is(t, "their") || a.Is(t, "the"))) ++t;
    aimed = ContextAt(a, t, EventContext::kPoliticalTarget);
  }
  return aimed && !ForceInSentence(a, k, n);
}

// A date in the clause long before publication makes the trigger history,
// as a year after a preposition does (RuledOut): "shortly after the Sept.
// 11, 2001, terrorist attacks" in a report of 2016. Only the trigger's own
// sentence inside the clause [begin, end) is read.
bool DatedLongBefore(const DocContext& x, size_t begin, size_t end, size_t k) {
  const Analysis& a = x.a;
  if (!a.published) return false;
  const Sentence& s = a.seg.sentences[a.sentence_of[k]];
  const int last_year = a.published->year - EventRuleOptions{}.history_years;
  for (size_t t = std::max(begin, static_cast<size_t>(s.token_begin));
       t < std::min(end, static_cast<size_t>(s.token_end)); ++t) {
    if (x.date_at[t] < 0) continue;
    const DateFound& d = x.dates[x.date_at[t]];
    if (d.mention.to.valid() && d.mention.to.year <= last_year) return true;
    t = std::max(t, d.token_end - 1);
  }
  return false;
}

}  // namespace

std::optional<Event> TypeEvent(const DocContext& x, size_t begin, size_t end, bool skip_quotes) {
  const Analysis& a = x.a;
  const Lexicons& lex = a.lex;
  size_t trigger = end;
  int trigger_len = 0;
  const TriggerPattern* pattern = nullptr;
  size_t generic_at = end;
  int generic_len = 0;
  const TriggerPattern* generic = nullptr;
  for (size_t k = begin; k < end; ++k) {
    if (skip_quotes && x.quote_at[k] >= 0) continue;
    if (!a.IsWord(k)) continue;
    const TriggerPattern* t = nullptr;
    int n = lex.MatchTrigger(a.Lemmas(), k, end, &t);
    if (n < 0) {  // "riot police": no event, and "police …" is not read on its own
      k += static_cast<size_t>(-n) - 1;
      continue;
    }
    if (n > 0 && ((t->needs_conflict && !x.InConflictDocument() && !ActorInSentence(a, k)) ||
                  (t->needs_attack && !AttackInSentence(a, k, static_cast<size_t>(n))) ||
                  (t->verbal && RhetoricalAttack(x, k, static_cast<size_t>(n))) ||
                  DatedLongBefore(x, begin, end, k) ||
                  UnderIrrealisCue(a, begin, k) ||
                  PartOfName(a, k) || NegatedSlavic(a, k, static_cast<size_t>(n)) ||
                  RuledOut(a, begin, end, k, static_cast<size_t>(n)))) {
      k += static_cast<size_t>(n) - 1;  // a later trigger may still stand
      continue;
    }
    if (n > 0 && t->generic) {
      if (generic == nullptr) generic_at = k, generic_len = n, generic = t;
      k += static_cast<size_t>(n) - 1;
      continue;
    }
    if (n > 0) {
      trigger = k;
      trigger_len = n;
      pattern = t;
      break;
    }
  }
  if (pattern == nullptr) {
    trigger = generic_at;
    trigger_len = generic_len;
    pattern = generic;
  }
  if (pattern == nullptr) return std::nullopt;
  Event e;
  e.type = pattern->type;
  e.sub_type = pattern->sub_type;
  e.trigger_span = a.TokenSpan(trigger, trigger + trigger_len);
  e.trigger = std::string(a.SpanText(e.trigger_span));
  // Passive: "Sumy has been bombarded ... from Kursk": the actor follows.
  bool passive = false;
  for (size_t k = trigger; k > begin && k + 3 > trigger; --k) {
    if (IsBeForm(a.folded[k - 1])) passive = true;
  }
  // A place after a locative preposition is where something happens, not
  // who does it: "Russian troops in Kursk captured" is by RUS, not by Kursk.
  auto actor_at = [&](size_t k) -> std::string {
    if (skip_quotes && x.quote_at[k] >= 0) return "";
    if (x.place_at[k] >= 0) {
      const PlaceFound& p = x.places[x.place_at[k]];
      size_t b = p.token_begin;
      if (b > 0 && a.folded[b - 1] == "the") --b;
      if (p.place.metonym_for.empty() && b > 0 && a.lex.IsFunctionWord(a.folded[b - 1], FunctionClass::kLocative)) {
        return "";
      }
    }
    return x.CountryAt(k);
  };
  auto first_country = [&](size_t from, size_t to, const std::string& skip) {
    for (size_t k = from; k < to; ++k) {
      std::string c = actor_at(k);
      if (!c.empty() && c != skip) return c;
    }
    return std::string();
  };
  // The actor nearest before the trigger: its subject or modifier
  // ("Ukrainian troops had captured", "a Russian missile strike").
  auto nearest_before = [&](size_t from, size_t to) {
    for (size_t k = to; k > from; --k) {
      std::string c = actor_at(k - 1);
      if (!c.empty()) return c;
    }
    return std::string();
  };
  if (passive) {
    for (size_t k = trigger + trigger_len; k + 1 < end; ++k) {
      if (a.folded[k] == "by" || a.folded[k] == "from") {
        std::string c = first_country(k + 1, std::min(end, k + 4), "");
        if (!c.empty()) {
          e.actor1 = c;
          break;
        }
      }
    }
    e.actor2 = first_country(begin, trigger, e.actor1);
  } else {
    e.actor1 = nearest_before(begin, trigger);
    e.actor2 = first_country(trigger + trigger_len, end, e.actor1);
  }
  // The place: the first named non-metonymic place below country level in
  // the clause, else the first country; never a continent (ACLED places an
  // event at a country at the broadest).
  int country_place = 0;
  auto [lo, hi] = ItemsIn(x.places, begin, end);
  for (size_t i = lo; i < hi; ++i) {
    const PlaceFound& p = x.places[i];
    if (p.token_end > end || !p.place.metonym_for.empty()) continue;
    if (skip_quotes && x.quote_at[p.token_begin] >= 0) continue;
    if (p.place.kind == "continent") continue;
    if (p.place.kind == "country") {
      if (country_place == 0) country_place = static_cast<int>(i) + 1;
      continue;
    }
    e.place_id = static_cast<int>(i) + 1;
    break;
  }
  if (e.place_id == 0) e.place_id = country_place;
  if (e.place_id > 0) e.place_basis = "claim";
  return e;
}

bool DocContext::InConflictDocument() const {
  if (!conflict_document_) conflict_document_ = ConflictDocument(a);
  return *conflict_document_;
}

bool JudgeEvent(const DocContext& x, size_t begin, size_t end, bool in_quote, Event* event) {
  if (x.event_model == nullptr && !x.event_candidates) return true;
  const size_t tb = x.a.TokenAt(event->trigger_span.begin);
  const size_t te = x.a.TokenAt(event->trigger_span.end);
  std::vector<learn::FeatureId> features = EventFeatures(x.a, begin, end, tb, te, *event, in_quote);
  if (x.event_model != nullptr) event->confidence = x.event_model->Confidence(features);
  if (x.event_candidates) x.event_candidates(*event, features);
  return event->confidence >= x.event_threshold;
}

}  // namespace sitrep
