// Who says it: speaker phrases, pronouns, titles, organisations.
#include "events/claim_builder.h"

namespace sitrep::claim_internal {

// ---------------------------------------------------------------- speakers

void ClaimBuilder::FillFromPerson(int id, SpeakerRef* r) const {
  const Person& p = x_.people.people[id - 1];
  r->speaker.name = p.name;
  r->speaker.role = p.role;
  r->speaker.country = p.country;
  r->speaker.person_id = id;
  r->category = x_.people.category[id - 1];
}

// "the Ukrainian president" -> the person with that role and country.
int ClaimBuilder::PersonByTitle(const Role* role, const std::string& country) const {
  auto [memo, added] = person_by_title_.try_emplace({role, country}, 0);
  if (!added) return memo->second;
  if (folded_roles_.size() != x_.people.people.size()) {
    folded_roles_.clear();
    for (const Person& p : x_.people.people) folded_roles_.push_back(FoldCase(p.role));  // Cyrillic roles too
  }
  int best = 0;
  const std::string want = FoldCase(role->canonical);
  const std::string inner = " " + want;
  for (size_t i = 0; i < x_.people.people.size(); ++i) {
    const Person& p = x_.people.people[i];
    const std::string& r = folded_roles_[i];
    if (r.rfind(want, 0) != 0 && r.find(inner) == std::string::npos) continue;
    if (!country.empty() && p.country != country) continue;
    best = p.id;  // the last named such person
  }
  memo->second = best;
  return best;
}

// "he" or "she" at token `at`: the last person who spoke, if the pronoun
// fits them; otherwise the most recent person named outside a quotation
// whom it fits. A person's gender is known only from titles, honorifics
// and first names; unknown fits both.
int ClaimBuilder::ResolvePronoun(size_t at) const {
  return ResolvePronoun(at, W(at) == "she" || Fn(at, FunctionClass::kShe) ? 'f' : 'm');
}

int ClaimBuilder::ResolvePronoun(size_t at, char want) const {
  auto gender = [&](int id) { return x_.people.gender[id - 1]; };
  auto paragraph = [&](size_t k) { return a_.seg.sentences[a_.sentence_of[k]].paragraph; };
  uint32_t para = paragraph(at);
  int speaker = last_person_speaker_ > 0 &&
                        para - last_person_paragraph_ <= static_cast<uint32_t>(o_.pronoun_lookback_paragraphs)
                    ? last_person_speaker_
                    : 0;
  if (speaker > 0 && gender(speaker) == want) return speaker;
  // A person the pronoun is known to fit beats one nothing is known about.
  int unknown = speaker > 0 && gender(speaker) == 0 ? speaker : 0;
  // The people named before, nearest first, back to the last token of the
  // paragraph before the lookback (paragraphs grow with the tokens).
  auto it = std::lower_bound(person_tokens_.begin(), person_tokens_.end(), at);
  while (it != person_tokens_.begin()) {
    const size_t k = *--it;
    if (k + 1 < at && paragraph(k + 1) + o_.pronoun_lookback_paragraphs < para) break;
    const int person = x_.entities.At(k)->person;
    if (gender(person) == want) return person;
    if (gender(person) == 0 && unknown == 0) unknown = person;
  }
  return unknown;
}

// Builds a speaker from the noun phrase in tokens [b, e).
// A title of one person ("Governor", "President": roles.tsv writes their
// canonical form capitalised), not a word for a body or a member of one
// ("ministry", "official"): "the governor" is never the police named before.
namespace {
bool IsPersonTitle(const Role& role) {
  return !role.canonical.empty() && role.canonical[0] >= 'A' && role.canonical[0] <= 'Z';
}
}  // namespace

SpeakerRef ClaimBuilder::FromPhrase(size_t b, size_t e) const {
  SpeakerRef r;
  const EntityMention* person = nullptr;
  const EntityMention* role = nullptr;
  const EntityMention* org = nullptr;
  const EntityMention* demonym = nullptr;
  const PlaceFound* place = nullptr;
  bool unknown_name = false;
  for (size_t k = b; k < e; ++k) {
    if (const EntityMention* m = x_.entities.At(k)) {
      switch (m->kind) {
        case EntityKind::kPerson: person = m; break;
        case EntityKind::kRole: if (role == nullptr) role = m; break;
        case EntityKind::kActor:
          if (m->actor->kind == "demonym") {
            if (demonym == nullptr) demonym = m;
          } else if (org == nullptr) {
            org = m;
          }
          break;
        case EntityKind::kOrganisation: if (org == nullptr) org = m; break;
        case EntityKind::kPronoun: {
          int id = ResolvePronoun(k);
          if (id > 0) {
            r.found = true;
            FillFromPerson(id, &r);
          }
          r.tb = b;
          r.te = e;
          r.speaker.span = a_.TokenSpan(b, e);
          return r;
        }
      }
      k = m->token_end - 1;
      continue;
    }
    if (x_.place_at[k] >= 0) {
      if (place == nullptr) place = &x_.places[x_.place_at[k]];
      k = x_.places[x_.place_at[k]].token_end - 1;
      continue;
    }
    // "the Washington-based think tank": a location modifier is no name.
    if (a_.IsWord(k) && a_.token(k).capitalized && !a_.Has(k, kStopWord) && !W(k).ends_with("-based")) {
      unknown_name = true;
    }
  }
  r.tb = b;
  r.te = e;
  size_t nb = b;
  while (nb < e && (W(nb) == "the" || W(nb) == "a" || W(nb) == "an")) ++nb;
  if (nb >= e) return SpeakerRef{};  // only a determiner
  r.speaker.span = a_.TokenSpan(nb, e);
  std::string phrase(a_.SpanText(r.speaker.span));
  std::string demonym_country = demonym != nullptr ? demonym->actor->country : "";
  // "the governor", "the regional governor": a determiner, modifiers and a
  // title, nothing else; such a phrase stands for someone named elsewhere.
  // Russian and Ukrainian have no articles: "сообщил губернатор".
  bool only_title = role != nullptr && (nb > b || (a_.Slavic() && role->token_begin == b)) && role->token_end == e;
  for (size_t k = nb; only_title && k < role->token_begin; ++k) {
    only_title = IsNpModifier(W(k));
  }
  if (person != nullptr && person->person > 0) {
    FillFromPerson(person->person, &r);
  } else if (role != nullptr && org == nullptr && place == nullptr && !unknown_name &&
             (demonym != nullptr || only_title) &&
             role->role->category != "social_media" && role->role->category != "group" &&
             role->role->category != "civil" && role->role->canonical.back() != 's' &&
             PersonByTitle(role->role, demonym_country) > 0) {
    // "the Ukrainian president", "the governor": a title standing for a
    // person named before.
    FillFromPerson(PersonByTitle(role->role, demonym_country), &r);
  } else if (role != nullptr && org == nullptr && place == nullptr && demonym == nullptr && nb > b &&
             !unknown_name && role->token_end == e && !IsPersonTitle(*role->role) &&
             OrganisationBefore(b, role->role->category)) {
    // "the think tank said", "the ministry said": the organisation named before.
    const EntityMention* m = OrganisationBefore(b, role->role->category);
    if (m->kind == EntityKind::kActor && m->actor->kind == "body") {
      // "Russia's Defense Ministry" ... "the ministry": keep whose it is.
      size_t s = m->token_begin;
      if (s > 0 && W(s - 1) == "'s") --s;
      std::string country;
      if (s > 0 && x_.place_at[s - 1] >= 0) {
        country = x_.places[x_.place_at[s - 1]].place.country;
        s = x_.places[x_.place_at[s - 1]].token_begin;
      } else if (s > 0 && x_.entities.At(s - 1) != nullptr && x_.entities.At(s - 1)->kind == EntityKind::kActor &&
                 x_.entities.At(s - 1)->actor->kind == "demonym") {
        country = x_.entities.At(s - 1)->actor->country;
        s = x_.entities.At(s - 1)->token_begin;
      } else {
        s = m->token_begin;
      }
      r.speaker.name = std::string(a_.SpanText(a_.TokenSpan(s, m->token_end)));
      r.speaker.country = country;
      r.category = m->actor->category;
    } else if (m->kind == EntityKind::kActor) {
      r.speaker.name = m->actor->canonical;
      r.speaker.country = m->actor->country;
      r.category = m->actor->category;
    } else {
      r.speaker.name = std::string(a_.SpanText(a_.TokenSpan(m->token_begin, m->token_end)));
      r.category = m->org_category;
    }
  } else if (role != nullptr) {
    r.speaker.name = phrase;
    r.speaker.role = role->role->canonical;
    r.category = role->role->category;
    if (org != nullptr && org->kind == EntityKind::kActor) {
      r.speaker.country = org->actor->country;
      // "officials at the Pentagon", "the UN human rights office": the
      // organisation says which side they speak for.
      if (r.category == "group" || r.category == "official") r.category = org->actor->category;
    } else if (place != nullptr) {
      r.speaker.country = place->place.country;
    }
    if (r.speaker.country.empty()) r.speaker.country = demonym_country;
    r.unnamed = role->role->category == "group";
  } else if (org != nullptr) {
    if (org->kind == EntityKind::kActor && org->actor->kind == "body") {
      // "Ukraine's air force", "the Russian Defence Ministry": the words
      // around a generic body say whose it is.
      r.speaker.name = phrase;
      r.category = org->actor->category;
      r.speaker.country = !demonym_country.empty() ? demonym_country
                          : place != nullptr      ? place->place.country
                                                  : "";
    } else if (org->kind == EntityKind::kActor && a_.Slavic() && IsCyrillicWord(W(org->token_begin))) {
      // A Russian or Ukrainian body keeps its name as written, with the
      // words around it ("Минобороны России", "Харківська ОВА").
      r.speaker.name = phrase;
      r.speaker.country = org->actor->country;
      r.category = org->actor->category;
    } else if (org->kind == EntityKind::kActor) {
      r.speaker.name = org->actor->canonical;
      r.speaker.country = org->actor->country;
      r.category = org->actor->category;
    } else {
      r.speaker.name = phrase;
      r.category = org->org_category;
      r.speaker.country = demonym_country;
      if (place != nullptr && r.speaker.country.empty()) r.speaker.country = place->place.country;
    }
  } else if (place != nullptr && (place->place.kind == "country" || !place->place.metonym_for.empty())) {
    // "Moscow said", "Russia claimed": the government speaks.
    r.speaker.name = place->place.mention;
    r.speaker.role = "government";
    r.speaker.country = place->place.country;
    r.category = "government";
  } else if (unknown_name) {
    r.speaker.name = phrase;
    r.category = "";
  } else {
    return SpeakerRef{};
  }
  r.found = true;
  return r;
}

// The most recent organisation before token `at`, within a few paragraphs,
// of the given category if one is ("the think tank" -> an analyst body).
const EntityMention* ClaimBuilder::OrganisationBefore(size_t at, const std::string& category) const {
  static const std::unordered_set<std::string_view> kOrgRoles = {"analyst", "international", "official",
                                                                 "government"};
  if (!kOrgRoles.count(category)) return nullptr;
  uint32_t para = a_.seg.sentences[a_.sentence_of[at]].paragraph;
  const EntityMention* any = nullptr;
  for (size_t k = at; k-- > 0;) {
    if (a_.seg.sentences[a_.sentence_of[k]].paragraph + o_.pronoun_lookback_paragraphs < para) break;
    const EntityMention* m = x_.entities.At(k);
    if (m == nullptr) continue;
    std::string cat;
    if (m->kind == EntityKind::kActor && (m->actor->kind == "org" || m->actor->kind == "body")) {
      cat = m->actor->category;
    }
    else if (m->kind == EntityKind::kOrganisation && m->org_category != "media") cat = m->org_category;
    else continue;
    if (cat == category) return m;
    if (any == nullptr) any = m;
    k = m->token_begin;
  }
  return category == "international" ? any : nullptr;
}

// The subject of the speech verb at v: "Ukrainian General Oleksandr
// Syrskyi reported", "Russian bloggers on Telegram have asserted",
// "the Ukrainian president said", "he told", "..., George Barros, said".
SpeakerRef ClaimBuilder::SpeakerBefore(size_t v) const {
  const size_t sb = SentenceBegin(v);
  if (v <= sb) return {};
  size_t k = v;  // one past the phrase's last token
  // "X was quoted as saying": the subject is before "was quoted as".
  if (W(v) == "saying" && v >= sb + 2 && W(v - 1) == "as" && W(v - 2) == "quoted") k = v - 2;
  while (k > sb) {
    size_t t = k - 1;
    if (a_.Has(t, kAuxWord) || x_.date_at[t] >= 0) {
      k = t;
      continue;
    }
    if ((W(t) == "earlier" || IsDatePreposition(t)) && InDate(t + 1)) {
      k = t;
      continue;
    }
    break;
  }
  if (k <= sb) return {};
  size_t end = k;
  // Apposition: "..., George Barros, said" and "Mikhail Razvozhayev, the
  // Russian-installed governor of Sevastopol, wrote".
  if (a_.IsPunct(end - 1, U',') && end >= 2) {
    auto speaker_at = [&](size_t t) -> const EntityMention* {
      const EntityMention* m = x_.entities.At(t);
      if (m != nullptr && (m->kind == EntityKind::kPerson || m->kind == EntityKind::kOrganisation ||
                           (m->kind == EntityKind::kActor && m->actor->kind != "demonym"))) {
        return m;
      }
      return nullptr;
    };
    if (const EntityMention* m = speaker_at(end - 2)) return FromPhrase(m->token_begin, m->token_end);
    for (size_t j = end - 2; j > sb && j + 16 > end; --j) {
      if (InQuote(j - 1)) break;
      if (!a_.IsPunct(j - 1, U',')) continue;
      if (j >= 2) {
        if (const EntityMention* m = speaker_at(j - 2)) {
          if (m->kind == EntityKind::kPerson) return FromPhrase(m->token_begin, m->token_end);
        }
        // "The source, who spoke on condition of anonymity, said".
        const EntityMention* r = x_.entities.At(j - 2);
        if (r != nullptr && r->kind == EntityKind::kRole && (W(j) == "who" || W(j) == "which")) {
          size_t b = r->token_begin;
          while (b > sb && (W(b - 1) == "the" || W(b - 1) == "a" || IsNpModifier(W(b - 1)))) --b;
          return FromPhrase(b, r->token_end);
        }
      }
      break;
    }
    return {};
  }
  size_t begin = end;
  int steps = 0;
  size_t t = end;
  while (t > sb && steps < 14) {
    size_t j = t - 1;
    ++steps;
    if (InQuote(j)) break;
    if (const EntityMention* m = x_.entities.At(j)) {
      begin = m->token_begin;
      t = begin;
      if (m->kind == EntityKind::kPronoun) break;
      continue;
    }
    if (x_.place_at[j] >= 0) {
      begin = x_.places[x_.place_at[j]].token_begin;
      t = begin;
      continue;
    }
    const std::string& w = W(j);
    if (w == "'s" || IsNpModifier(w)) {
      begin = j;
      t = j;
      continue;
    }
    // Lower-case modifiers between an organisation and its office: "the
    // United Nations human rights office".
    if (a_.IsWord(j) && !a_.Has(j, kStopWord) && begin < end && x_.entities.At(begin) != nullptr &&
        x_.entities.At(begin)->kind == EntityKind::kRole) {
      size_t k2 = j;
      while (k2 > sb && k2 + 3 > j && a_.IsWord(k2 - 1) && !a_.token(k2 - 1).capitalized &&
             !a_.Has(k2 - 1, kStopWord)) {
        --k2;
      }
      const EntityMention* m = k2 > sb ? x_.entities.At(k2 - 1) : nullptr;
      if (m != nullptr && m->kind == EntityKind::kActor && m->actor->kind == "org") {
        begin = k2;
        t = k2;
        continue;
      }
    }
    if (w == "the" || w == "a" || w == "an") {
      begin = j;
      break;
    }
    if ((w == "of" || w == "on" || w == "for" || w == "at" || w == "in") && begin < end && j > sb) {
      const EntityMention* m = x_.entities.At(j - 1);
      if (m != nullptr && (m->kind == EntityKind::kRole || m->kind == EntityKind::kOrganisation ||
                           m->kind == EntityKind::kActor)) {
        begin = j;
        t = j;
        continue;
      }
      break;
    }
    if (a_.IsWord(j) && a_.token(j).capitalized && !a_.IsStopWord(w)) {
      begin = j;
      t = j;
      continue;
    }
    break;
  }
  if (begin == end) return a_.Slavic() ? SlavicSpeakerBeforePhrase(v) : SpeakerRef{};
  SpeakerRef r = FromPhrase(begin, end);
  if (!r.found && a_.Slavic()) return SlavicSpeakerBeforePhrase(v);
  return r;
}

// Russian and Ukrainian put where and how one spoke between the subject
// and the verb: "Денис Пушилин в эфире телеканала «Россия 24» сказал",
// "Гладков в своем телеграм-канале написал". The subject before the
// prepositional phrase.
SpeakerRef ClaimBuilder::SlavicSpeakerBeforePhrase(size_t v) const {
  const size_t sb = SentenceBegin(v);
  for (size_t j = v; j > sb + 1 && j + 10 > v; --j) {
    if (a_.token(j - 1).kind == TokenKind::kPunct && !InQuote(j - 1)) return {};
    if (Fn(j - 1, FunctionClass::kSpeakerPreposition)) {
      const EntityMention* m = x_.entities.At(j - 2);
      if (m == nullptr && x_.place_at[j - 2] < 0 && !(a_.IsWord(j - 2) && a_.token(j - 2).capitalized)) return {};
      return SpeakerBefore(j - 1);
    }
  }
  return {};
}

// A known entity or place at token *k of a speaker phrase that began at
// `begin`: moves *k and *end past it. A pronoun after the phrase's first
// token ends the phrase (kStop); kNone when neither stands at *k.
ClaimBuilder::NamedStep ClaimBuilder::PassNamed(size_t begin, size_t* k, size_t* end) const {
  if (const EntityMention* m = x_.entities.At(*k)) {
    if (m->kind == EntityKind::kPronoun && *k != begin) return NamedStep::kStop;
    *k = *end = m->token_end;
    return NamedStep::kPassed;
  }
  if (x_.place_at[*k] >= 0) {
    *k = *end = x_.places[x_.place_at[*k]].token_end;
    return NamedStep::kPassed;
  }
  return NamedStep::kNone;
}

// A speaker after the verb: "said Zelenskyy", "said the Ukrainian president".
SpeakerRef ClaimBuilder::SpeakerAfter(size_t v) const {
  if (a_.Slavic()) return SlavicSpeakerFrom(v + 1);
  const size_t se = SentenceEnd(v);
  size_t k = v + 1;
  size_t begin = k;
  while (k < se && (W(k) == "the" || W(k) == "a" || W(k) == "an" || IsNpModifier(W(k)))) ++k;
  size_t end = k;
  while (k < se) {
    if (InQuote(k)) break;
    if (NamedStep step = PassNamed(begin, &k, &end); step != NamedStep::kNone) {
      if (step == NamedStep::kStop) break;
      continue;
    }
    if (W(k) == "'s") {
      ++k;
      continue;
    }
    if (a_.IsWord(k) && a_.token(k).capitalized && !a_.Has(k, kStopWord)) {
      end = ++k;  // a name sitrep does not know: "according to Ukrenergo"
      continue;
    }
    break;
  }
  if (end == begin) return {};
  return FromPhrase(begin, end);
}

// Russian and Ukrainian: the speaker named from token `from` on, up to a
// preposition, a punctuation mark or a verb: "губернатор Белгородской
// области Вячеслав Гладков", "Минобороны России", "у Повітряних силах".
SpeakerRef ClaimBuilder::SlavicSpeakerFrom(size_t from) const {
  const size_t se = from < a_.token_count() ? SentenceEnd(from) : from;
  size_t k = from;
  // "сообщили в Минобороны", "повідомили у Повітряних силах".
  if (k + 1 < se && Fn(k, FunctionClass::kIn) &&
      (x_.entities.At(k + 1) != nullptr || x_.place_at[k + 1] >= 0 || a_.token(k + 1).capitalized)) {
    ++k;
  }
  size_t begin = k, end = k;
  while (k < se && k < from + 12) {
    if (InQuote(k)) {
      // A name in quotation marks: "как сообщает «Суспільне»".
      const QuoteMention& q = x_.quotes[x_.quote_at[k]];
      if (k != begin || q.speech || q.words > 4 || !q.closed) break;
      k = q.token_end + 1;
      end = k;
      continue;
    }
    if (NamedStep step = PassNamed(begin, &k, &end); step != NamedStep::kNone) {
      if (step == NamedStep::kStop) break;
      continue;
    }
    if (a_.IsWord(k) && !a_.Has(k, kStopWord) && SpeechAt(k) == nullptr && !InDate(k)) {
      end = ++k;
      continue;
    }
    break;
  }
  if (end == begin) return {};
  SpeakerRef r = FromPhrase(begin, end);
  if (!r.found && end - begin <= 4) {
    // A body no list knows: "по данным регионального оперштаба".
    r.found = true;
    r.tb = begin;
    r.te = end;
    r.speaker.span = a_.TokenSpan(begin, end);
    // A quoted name is named without its quotation marks.
    size_t nb = begin, ne = end;
    while (nb < ne && a_.token(nb).kind == TokenKind::kPunct) ++nb;
    while (ne > nb && a_.token(ne - 1).kind == TokenKind::kPunct) --ne;
    r.speaker.name = std::string(a_.SpanText(a_.TokenSpan(nb, ne)));
  }
  return r;
}

// "за його словами", "по его данным": the person who spoke last.
SpeakerRef ClaimBuilder::PossessiveSpeaker(size_t k) const {
  SpeakerRef r;
  int id = ResolvePronoun(k, Fn(k, FunctionClass::kHis) ? 'm' : 'f');
  if (id <= 0) return r;
  r.found = true;
  FillFromPerson(id, &r);
  r.tb = k;
  r.te = k + 1;
  r.speaker.span = a_.TokenSpan(k, k + 1);
  return r;
}

void ClaimBuilder::NoteSpeaker(const SpeakerRef& r, size_t at) {
  if (r.speaker.person_id > 0) {
    last_person_speaker_ = r.speaker.person_id;
    last_person_paragraph_ = a_.seg.sentences[a_.sentence_of[at]].paragraph;
  }
}

}  // namespace sitrep::claim_internal
