#include "events/claims.h"

#include <algorithm>
#include <map>
#include <unordered_set>

#include "core/utf8.h"
#include "extract/lexicons.h"

namespace sitrep {

DocContext::DocContext(const Analysis& an, const std::vector<QuoteMention>& q, const std::vector<DateFound>& d,
                       const std::vector<QuantityFound>& qty, const std::vector<PlaceFound>& p,
                       const Entities& e, const People& ppl)
    : a(an), quotes(q), dates(d), quantities(qty), places(p), entities(e), people(ppl) {
  const size_t n = a.token_count();
  quote_at.assign(n, -1);
  date_at.assign(n, -1);
  place_at.assign(n, -1);
  for (size_t i = 0; i < quotes.size(); ++i) {
    size_t from = quotes[i].token_begin - 1;
    size_t to = std::min(n, quotes[i].token_end + (quotes[i].closed ? 1 : 0));
    for (size_t k = from; k < to; ++k) quote_at[k] = static_cast<int>(i);
  }
  for (size_t i = 0; i < dates.size(); ++i) {
    for (size_t k = dates[i].token_begin; k < dates[i].token_end; ++k) date_at[k] = static_cast<int>(i);
  }
  for (size_t i = 0; i < places.size(); ++i) {
    for (size_t k = places[i].token_begin; k < places[i].token_end; ++k) place_at[k] = static_cast<int>(i);
  }
}

std::string DocContext::CountryAt(size_t k) const {
  if (k >= a.token_count()) return "";
  if (place_at[k] >= 0) return places[place_at[k]].place.country;
  const EntityMention* e = entities.At(k);
  if (e == nullptr) return "";
  if (e->kind == EntityKind::kActor) return e->actor->country;
  if (e->kind == EntityKind::kPerson && e->person > 0) return people.people[e->person - 1].country;
  return "";
}

namespace {

struct SpeakerRef {
  bool found = false;
  size_t tb = 0, te = 0;
  Speaker speaker;
  std::string category;
  bool unnamed = false;  // "sources", "reports"
};

struct Draft {
  Claim c;
  size_t tb = 0, te = 0;  // tokens of the claim's text
  uint32_t sentence = 0;  // the sentence that carries its attribution
  uint32_t sentence_first = 0, sentence_last = 0;  // sentences it spans
  uint32_t paragraph = 0;
  std::string category;   // the speaker's category
  SpeechClass verb = SpeechClass::kSay;
  std::optional<Span> denied_by;  // ", which X denied"
};

bool IsClauseBreakWord(std::string_view w) {
  return w == "but" || w == "while" || w == "though" || w == "although" || w == "whereas" || w == "yet";
}

bool IsNarrationSplitWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "prompting", "as", "while", "but", "which", "forcing", "leaving", "causing", "sparking",
      "triggering", "after", "amid", "and", "killing", "injuring", "wounding", "destroying"};
  return kWords.count(w) > 0;
}

bool IsNpModifier(std::string_view w) {
  static const std::unordered_set<std::string_view> kMods = {
      "senior", "former", "top", "local", "unnamed", "anonymous", "unidentified", "some", "several",
      "many", "two", "three", "other", "military", "regional", "acting", "deputy", "chief", "pro-kremlin",
      "pro-russian", "pro-ukrainian", "prominent", "leading", "independent", "western", "foreign",
      "defense", "defence", "intelligence", "security", "government", "administration", "state",
      "ukraine's", "russia's", "expert", "press", "war", "opposition", "frontline", "official",
      "ministry", "european", "us", "u.s."};
  return kMods.count(w) > 0;
}

bool IsObjectWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kObjects = {
      "reporters", "journalists", "the", "a", "an", "his", "her", "their", "them", "him", "us", "me",
      "lawmakers", "parliament", "audience", "viewers", "supporters", "troops", "residents", "allies",
      "partners", "interviewers", "colleagues", "newspaper", "broadcaster", "press", "media", "outlet",
      "agency", "conference", "news"};
  return kObjects.count(w) > 0;
}

bool TakesObject(std::string_view lemma) {
  return lemma == "tell" || lemma == "warn" || lemma == "urge" || lemma == "ask" || lemma == "assure" ||
         lemma == "inform" || lemma == "remind" || lemma == "promise";
}

bool IsPreposition(std::string_view w) {
  static const std::unordered_set<std::string_view> kPreps = {
      "in", "on", "at", "during", "after", "before", "while", "when", "of", "for", "to", "with",
      "by", "from", "late", "early", "earlier", "later", "last", "this", "on", "as",
      "through", "via", "over", "under", "afterwards", "again", "too", "so"};
  return kPreps.count(w) > 0;
}

// Words near a content word overlap test: prefixes of five letters, so that
// "appointment" meets "appointed" and "digging" meets "dig".
std::string Stem(std::string_view w) { return std::string(w.substr(0, std::min<size_t>(w.size(), 5))); }

class ClaimBuilder {
 public:
  ClaimBuilder(const DocContext& ctx, const ClaimOptions& o) : x_(ctx), a_(ctx.a), o_(o) {
    used_.assign(a_.token_count(), false);
    claimed_.assign(a_.token_count(), false);
    sentence_claims_.assign(a_.seg.sentences.size(), 0);
    sentence_cue_.assign(a_.seg.sentences.size(), false);
    sentence_quantity_.assign(a_.seg.sentences.size(), false);
    quotes_closing_.resize(a_.seg.sentences.size());
    quote_draft_.assign(x_.quotes.size(), -1);
    for (size_t qi = 0; qi < x_.quotes.size(); ++qi) {
      const QuoteMention& q = x_.quotes[qi];
      if (q.speech && q.token_begin < q.token_end) quotes_closing_[a_.sentence_of[q.token_end - 1]].push_back(qi);
    }
    for (const QuantityFound& q : x_.quantities) {
      if (!InQuote(q.token_begin)) sentence_quantity_[a_.sentence_of[q.token_begin]] = true;
    }
    // A dateline ("MOSCOW —", "KYIV, Ukraine (AP) —") says where the reporter
    // is, not what happened: claims start after it.
    start_.resize(a_.seg.sentences.size());
    for (size_t s = 0; s < a_.seg.sentences.size(); ++s) start_[s] = a_.seg.sentences[s].token_begin;
    for (const Paragraph& p : a_.seg.paragraphs) {
      if (p.sentence_begin == p.sentence_end) continue;
      const ::sitrep::Sentence& s = a_.seg.sentences[p.sentence_begin];
      if (!a_.token(s.token_begin).all_caps) continue;
      for (size_t k = s.token_begin + 1; k < s.token_end && k < s.token_begin + 10; ++k) {
        char32_t c = a_.token(k).first;
        if (a_.token(k).kind == TokenKind::kPunct && (c == 0x2014 || c == 0x2013 || c == U'-')) {
          if (k + 1 < s.token_end) start_[p.sentence_begin] = k + 1;
          break;
        }
      }
    }
  }

  std::vector<Claim> Run() {
    for (uint32_t p = 0; p < a_.seg.paragraphs.size(); ++p) {
      const Paragraph& para = a_.seg.paragraphs[p];
      for (uint32_t s = para.sentence_begin; s < para.sentence_end; ++s) {
        if (a_.headline[s]) {
          ColonAttribution(s, /*headline=*/true);
          continue;
        }
        Sentence(s);
      }
    }
    if (a_.Slavic()) SourceLine();
    std::sort(drafts_.begin(), drafts_.end(), [](const Draft& x, const Draft& y) { return x.tb < y.tb; });
    // Each token's claim; where a quotation sits inside reported speech, the
    // reported speech owns it.
    owner_.assign(a_.token_count(), -1);
    for (bool quotes : {true, false}) {
      for (size_t i = 0; i < drafts_.size(); ++i) {
        if ((drafts_[i].c.kind == ClaimKind::kQuote) != quotes) continue;
        for (size_t k = drafts_[i].tb; k < drafts_[i].te; ++k) owner_[k] = static_cast<int>(i);
      }
    }
    QuotesInsideSpeech();
    TrailingDenials();
    Verification();
    Statuses();
    Dates();
    Attach();
    std::vector<Claim> out;
    for (Draft& d : drafts_) {
      d.c.id = static_cast<int>(out.size()) + 1;
      out.push_back(std::move(d.c));
    }
    return out;
  }

 private:
  const DocContext& x_;
  const Analysis& a_;
  const ClaimOptions& o_;
  std::vector<Draft> drafts_;
  std::vector<bool> used_;       // tokens used as attribution (speech verb, speaker)
  // Indexes that keep every step linear in the document's length.
  std::vector<bool> claimed_;                      // per token: inside a non-quote claim
  std::vector<int> sentence_claims_;               // per sentence: claims that touch it
  std::vector<bool> sentence_cue_;                 // per sentence: has a verification cue
  std::vector<bool> sentence_quantity_;            // per sentence: has a quantity outside quotes
  std::vector<std::vector<size_t>> quotes_closing_;  // per sentence: speech quotes closing in it
  std::vector<int> quote_draft_;                   // per quote: its draft, or -1
  int last_speaker_draft_ = -1;                    // the last draft given a speaker
  std::vector<int> owner_;                         // per token, after sorting: its draft, or -1
  std::vector<size_t> start_;                      // per sentence: first token after a dateline
  int last_person_speaker_ = 0;  // for "he said"
  uint32_t last_person_paragraph_ = 0;
  std::vector<std::pair<Span, int>> verification_cues_;  // cue span, sentence
  size_t next_tagged_ = 0;                               // Learned(): first tagged span not yet passed

  const std::string& W(size_t i) const {
    static const std::string kEmpty;
    return i < a_.folded.size() ? a_.folded[i] : kEmpty;
  }
  size_t SentenceBegin(size_t i) const { return start_.empty() ? a_.seg.sentences[a_.sentence_of[i]].token_begin
                                                                 : start_[a_.sentence_of[i]]; }
  size_t SentenceEnd(size_t i) const { return a_.seg.sentences[a_.sentence_of[i]].token_end; }
  bool InQuote(size_t i) const { return i < x_.quote_at.size() && x_.quote_at[i] >= 0; }
  bool InDate(size_t i) const { return i < x_.date_at.size() && x_.date_at[i] >= 0; }
  const SpeechVerb* SpeechAt(size_t i) const {
    return a_.Has(i, kSpeechWord) ? a_.lex.FindSpeechVerb(a_.L(i)) : nullptr;
  }
  // Russian and Ukrainian function words (function_words.tsv).
  bool Fn(size_t i, FunctionClass c) const { return a_.Slavic() && a_.lex.IsFunctionWord(W(i), c); }
  // "that", or Russian "что", Ukrainian "що": opens a speech verb's clause.
  bool IsThat(size_t i) const { return W(i) == "that" || Fn(i, FunctionClass::kThat); }
  bool IsDash(size_t i) const {
    return i < a_.token_count() && a_.token(i).kind == TokenKind::kPunct &&
           (a_.token(i).first == 0x2014 || a_.token(i).first == 0x2013 || a_.token(i).first == U'-');
  }
  // "on"/"in" before a date ("said on Friday"); Russian and Ukrainian "в",
  // "у", "за" ("заявил в субботу").
  bool IsDatePreposition(size_t i) const {
    const std::string& w = W(i);
    return w == "on" || w == "in" || (a_.Slavic() && (w == "в" || w == "во" || w == "у" || w == "за" || w == "на"));
  }
  // Hedges in the outlet's own voice: "allegedly", "якобы", "нібито".
  bool IsHedge(size_t k) const {
    const std::string& w = W(k);
    if (w == "allegedly" || w == "purportedly" || w == "supposedly") return true;
    return a_.Slavic() && (w == "якобы" || w == "нібито" || w == "начебто" || w == "будто" || w == "яко" ||
                           w == "мовляв" || w == "предположительно" || w == "імовірно" || w == "ймовірно");
  }

  // ---------------------------------------------------------------- speakers

  void FillFromPerson(int id, SpeakerRef* r) const {
    const Person& p = x_.people.people[id - 1];
    r->speaker.name = p.name;
    r->speaker.role = p.role;
    r->speaker.country = p.country;
    r->speaker.person_id = id;
    r->category = x_.people.category[id - 1];
  }

  // "the Ukrainian president" -> the person with that role and country.
  int PersonByTitle(const Role* role, const std::string& country) const {
    int best = 0;
    const std::string want = FoldCase(role->canonical);  // Cyrillic roles too
    for (const Person& p : x_.people.people) {
      const std::string r = FoldCase(p.role);
      if (r.rfind(want, 0) != 0 && r.find(" " + want) == std::string::npos) continue;
      if (!country.empty() && p.country != country) continue;
      best = p.id;  // the last named such person
    }
    return best;
  }

  // "he" or "she" at token `at`: the last person who spoke, if the pronoun
  // fits them; otherwise the most recent person named outside a quotation
  // whom it fits. A person's gender is known only from titles, honorifics
  // and first names; unknown fits both.
  int ResolvePronoun(size_t at) const {
    return ResolvePronoun(at, W(at) == "she" || Fn(at, FunctionClass::kShe) ? 'f' : 'm');
  }
  int ResolvePronoun(size_t at, char want) const {
    auto gender = [&](int id) { return x_.people.gender[id - 1]; };
    uint32_t para = a_.seg.sentences[a_.sentence_of[at]].paragraph;
    int speaker = last_person_speaker_ > 0 &&
                          para - last_person_paragraph_ <= static_cast<uint32_t>(o_.pronoun_lookback_paragraphs)
                      ? last_person_speaker_
                      : 0;
    if (speaker > 0 && gender(speaker) == want) return speaker;
    // A person the pronoun is known to fit beats one nothing is known about.
    int unknown = speaker > 0 && gender(speaker) == 0 ? speaker : 0;
    for (size_t k = at; k-- > 0;) {
      if (InQuote(k)) continue;
      const EntityMention* e = x_.entities.At(k);
      if (e != nullptr && e->kind == EntityKind::kPerson && e->person > 0) {
        if (gender(e->person) == want) return e->person;
        if (gender(e->person) == 0 && unknown == 0) unknown = e->person;
      }
      if (a_.seg.sentences[a_.sentence_of[k]].paragraph + o_.pronoun_lookback_paragraphs < para) break;
    }
    return unknown;
  }

  // Builds a speaker from the noun phrase in tokens [b, e).
  SpeakerRef FromPhrase(size_t b, size_t e) const {
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
               !unknown_name && role->token_end == e && OrganisationBefore(b, role->role->category)) {
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
  const EntityMention* OrganisationBefore(size_t at, const std::string& category) const {
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
  SpeakerRef SpeakerBefore(size_t v) const {
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
      if ((W(t) == "on" || W(t) == "in" || W(t) == "earlier" || IsDatePreposition(t)) && InDate(t + 1)) {
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
  SpeakerRef SlavicSpeakerBeforePhrase(size_t v) const {
    const size_t sb = SentenceBegin(v);
    for (size_t j = v; j > sb + 1 && j + 10 > v; --j) {
      const std::string& w = W(j - 1);
      if (a_.token(j - 1).kind == TokenKind::kPunct && !InQuote(j - 1)) return {};
      if (w == "в" || w == "во" || w == "у" || w == "на" || w == "під" || w == "под" || w == "с" || w == "з" ||
          w == "із" || w == "по") {
        const EntityMention* m = x_.entities.At(j - 2);
        if (m == nullptr && x_.place_at[j - 2] < 0 && !(a_.IsWord(j - 2) && a_.token(j - 2).capitalized)) return {};
        return SpeakerBefore(j - 1);
      }
    }
    return {};
  }

  // A speaker after the verb: "said Zelenskyy", "said the Ukrainian president".
  SpeakerRef SpeakerAfter(size_t v) const {
    if (a_.Slavic()) return SlavicSpeakerFrom(v + 1);
    const size_t se = SentenceEnd(v);
    size_t k = v + 1;
    size_t begin = k;
    while (k < se && (W(k) == "the" || W(k) == "a" || W(k) == "an" || IsNpModifier(W(k)))) ++k;
    size_t end = k;
    while (k < se) {
      if (InQuote(k)) break;
      if (const EntityMention* m = x_.entities.At(k)) {
        if (m->kind == EntityKind::kPronoun && k != begin) break;
        k = m->token_end;
        end = k;
        continue;
      }
      if (x_.place_at[k] >= 0) {
        k = x_.places[x_.place_at[k]].token_end;
        end = k;
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
  SpeakerRef SlavicSpeakerFrom(size_t from) const {
    const size_t se = from < a_.token_count() ? SentenceEnd(from) : from;
    size_t k = from;
    // "сообщили в Минобороны", "повідомили у Повітряних силах".
    if (k + 1 < se && (W(k) == "в" || W(k) == "у" || W(k) == "во") &&
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
      if (const EntityMention* m = x_.entities.At(k)) {
        if (m->kind == EntityKind::kPronoun && k != begin) break;
        k = m->token_end;
        end = k;
        continue;
      }
      if (x_.place_at[k] >= 0) {
        k = x_.places[x_.place_at[k]].token_end;
        end = k;
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
  SpeakerRef PossessiveSpeaker(size_t k) const {
    SpeakerRef r;
    int id = ResolvePronoun(k, W(k) == "его" || W(k) == "його" ? 'm' : 'f');
    if (id <= 0) return r;
    r.found = true;
    FillFromPerson(id, &r);
    r.tb = k;
    r.te = k + 1;
    r.speaker.span = a_.TokenSpan(k, k + 1);
    return r;
  }

  void NoteSpeaker(const SpeakerRef& r, size_t at) {
    if (r.speaker.person_id > 0) {
      last_person_speaker_ = r.speaker.person_id;
      last_person_paragraph_ = a_.seg.sentences[a_.sentence_of[at]].paragraph;
    }
  }

  // ---------------------------------------------------------------- claims

  Draft& NewDraft(ClaimKind kind, size_t tb, size_t te, uint32_t sentence) {
    // A clause cut before "and denied …" or ", adding …" keeps no trailing comma.
    while (kind != ClaimKind::kQuote && te > tb + 1 && (a_.IsPunct(te - 1, U',') || a_.IsPunct(te - 1, U';'))) --te;
    drafts_.emplace_back();
    Draft& d = drafts_.back();
    d.c.kind = kind;
    d.tb = tb;
    d.te = te;
    d.sentence = sentence;
    d.sentence_first = a_.sentence_of[tb];
    d.sentence_last = a_.sentence_of[te - 1];
    d.paragraph = a_.seg.sentences[sentence].paragraph;
    d.c.span = a_.TokenSpan(tb, te);
    d.c.text = std::string(a_.SpanText(d.c.span));
    if (kind != ClaimKind::kQuote) {
      for (size_t k = tb; k < te; ++k) claimed_[k] = true;
    }
    for (uint32_t si = std::min(d.sentence_first, sentence); si <= std::max(d.sentence_last, sentence); ++si) {
      ++sentence_claims_[si];
    }
    return d;
  }

  void SetSpeaker(Draft* d, const SpeakerRef& r, size_t verb) {
    if (r.found && !r.speaker.name.empty()) {
      d->c.speaker = r.speaker;
      d->c.speaker->side = SideOf(r.category, r.speaker.country, x_.parties);
      d->category = r.category;
      last_speaker_draft_ = static_cast<int>(d - drafts_.data());
    }
    const SpeechVerb* sv = SpeechAt(verb);
    d->c.cue = W(verb);  // as written: "said", "told", "asserted"
    d->c.cue_span = a_.TokenSpan(verb, verb + 1);
    d->verb = sv != nullptr ? sv->cls : SpeechClass::kSay;
    used_[verb] = true;
    for (size_t k = r.tb; k < r.te; ++k) used_[k] = true;
  }

  // The speech verb and speaker of a quotation, after or before its marks.
  bool AttributeQuote(const QuoteMention& q, size_t q_index, Draft* d) {
    size_t after = q.token_end + (q.closed ? 1 : 0);
    // Only the quotation's own paragraph can name its speaker after it.
    const Paragraph& para = a_.seg.paragraphs[q.paragraph];
    size_t n = std::min<size_t>(a_.token_count(), a_.seg.sentences[para.sentence_end - 1].token_end);
    bool crosses = after < n && a_.sentence_of[after] != a_.sentence_of[q.token_end > 0 ? q.token_end - 1 : 0];
    // "“…” ― Sonya Herridge" or "“…” — Ivan Petrenko, a farmer": a dash and
    // a name (with at most a short apposition) close the paragraph.
    if (after + 1 < n && a_.token(after).kind == TokenKind::kPunct &&
        (a_.token(after).first == 0x2015 || a_.token(after).first == 0x2014 || a_.token(after).first == 0x2013)) {
      size_t name_end = after + 1;
      while (name_end < n && name_end < after + 7 && a_.token(name_end).capitalized &&
             (a_.IsWord(name_end) || a_.IsPunct(name_end, U'.'))) {
        ++name_end;
      }
      bool closes = n - name_end <= 10 && (name_end == n || a_.IsPunct(name_end, U',') || a_.IsPunct(name_end, U'.'));
      if (closes && name_end > after + 1) {
        SpeakerRef np = FromPhrase(after + 1, name_end);
        SetSpeaker(d, np, after);
        SpeakerWords(d, after + 1, name_end, /*anonymous=*/false);
        NoteSpeaker(np, after);
        return true;
      }
    }
    if (after < n && x_.quote_at[after] < 0) {
      // "..., Zelenskyy said", "..., he told Digital", "..., the Ukrainian president said".
      size_t k = after;
      if (a_.IsPunct(k, U',')) ++k;
      if (a_.Slavic() && IsDash(k)) ++k;  // «...», — сказал он
      SpeakerRef np;
      // Try "NP verb".
      size_t v = k;
      size_t limit = std::min(n, k + 12);
      while (v < limit && SpeechAt(v) == nullptr && !a_.IsPunct(v, U'.') &&
             x_.quote_at[v] < 0) {
        ++v;
      }
      size_t cb, ce;
      const SpeechVerb* sv = v < limit ? SpeechAt(v) : nullptr;
      // After a full stop, "Zelenskyy said." names the speaker; "Zelenskyy
      // said the talks failed." starts a claim of its own.
      // After a full stop, only a bare attribution ("Zelenskyy said." or
      // "he said in an address.") names the quotation's speaker.
      bool own_claim = crosses && sv != nullptr && (Complement(v, *sv, &cb, &ce) || !BareAttribution(v));
      if (sv != nullptr && v > k && !own_claim) {
        np = SpeakerBefore(v);
        if (np.found && np.tb >= k) {
          SetSpeaker(d, np, v);
          NoteSpeaker(np, v);
          return true;
        }
      }
      // Try "verb NP": "said Zelenskyy".
      if (SpeechAt(k) != nullptr) {
        np = SpeakerAfter(k);
        if (np.found) {
          SetSpeaker(d, np, k);
          NoteSpeaker(np, k);
          return true;
        }
      }
    }
    // "Zelenskyy said: “...”" / "Zelenskyy said that “...”".
    size_t open = q.token_begin - 1;
    if (open > 0) {
      size_t k = open;
      if (k > 0 && (a_.IsPunct(k - 1, U':') || a_.IsPunct(k - 1, U','))) --k;
      if (k > 0 && IsThat(k - 1)) --k;
      if (k > 0 && SpeechAt(k - 1) != nullptr && !used_[k - 1]) {
        SpeakerRef np = SpeakerBefore(k - 1);
        if (np.found) {
          SetSpeaker(d, np, k - 1);
          NoteSpeaker(np, k - 1);
          return true;
        }
      }
    }
    // A second quotation in the same paragraph continues the first speaker's.
    for (size_t j = q_index; j-- > 0;) {
      const QuoteMention& prev = x_.quotes[j];
      if (prev.paragraph != q.paragraph) break;
      int di = quote_draft_[j];
      if (di < 0 || !drafts_[di].c.speaker) continue;
      const Draft& it = drafts_[di];
      d->c.speaker = it.c.speaker;
      d->c.cue = it.c.cue;
      d->c.cue_span = it.c.cue_span;
      d->category = it.category;
      return true;
    }
    return false;
  }

  void Quotes(uint32_t s) {
    // Each quotation once, in the sentence where it closes.
    for (size_t qi : quotes_closing_[s]) {
      const QuoteMention& q = x_.quotes[qi];
      int before = last_speaker_draft_;
      NewDraft(ClaimKind::kQuote, q.token_begin, q.token_end, s);
      size_t index = drafts_.size() - 1;
      quote_draft_[qi] = static_cast<int>(index);
      bool ok = AttributeQuote(q, qi, &drafts_[index]);
      if (!ok) {
        // A paragraph that is only a quotation continues the previous speaker.
        Draft* prev = before >= 0 ? &drafts_[before] : nullptr;
        // Only a quotation that opens its paragraph; one inside a sentence
        // belongs to that sentence's speech (QuotesInsideSpeech).
        const Paragraph& para = a_.seg.paragraphs[q.paragraph];
        if (q.token_begin - 1 != a_.seg.sentences[para.sentence_begin].token_begin) prev = nullptr;
        Draft& dd = drafts_[index];
        if (prev != nullptr && prev->paragraph + 1 >= dd.paragraph && prev->c.speaker->person_id > 0) {
          dd.c.speaker = prev->c.speaker;
          dd.c.cue = prev->c.cue;
          dd.category = prev->category;
        }
      }
    }
  }

  // True when nothing but an object, a time or a place follows the verb at
  // v: "he said.", "Voloshyn told reporters.", "she said in an interview."
  bool BareAttribution(size_t v) const {
    const size_t se = SentenceEnd(v);
    size_t k = v + 1;
    while (k < se && (x_.entities.At(k) != nullptr || IsObjectWord(W(k)))) ++k;  // "told Digital"
    if (k >= se || a_.token(k).kind == TokenKind::kPunct) return true;
    return x_.date_at[k] >= 0 || (IsPreposition(W(k)) && W(k) != "that");
  }

  // Where the clause after `from` ends: ";" or ", but".
  size_t ClauseEnd(size_t from, size_t se) const {
    for (size_t k = from; k < se; ++k) {
      if (InQuote(k)) continue;
      if (a_.IsPunct(k, U';')) return k;
      if (a_.IsPunct(k, U',') && IsClauseBreakWord(W(k + 1))) return k;
      // "claimed that X and denied that Y", "said X, adding that Y": a second
      // verb of the same speaker.
      if (k > from && W(k) == "and" && SpeechAt(k + 1) != nullptr) return k;
      if (k > from && a_.IsPunct(k, U',') && SpeechAt(k + 1) != nullptr && W(k + 1).ends_with("ing")) return k;
    }
    // Leave out the final period.
    size_t e = se;
    while (e > from && a_.token(e - 1).kind == TokenKind::kPunct &&
           (a_.token(e - 1).first == U'.' || a_.token(e - 1).first == U'!' || a_.token(e - 1).first == U'?')) {
      --e;
    }
    return e;
  }

  // The complement clause of the speech verb at v; false when there is none.
  bool Complement(size_t v, const SpeechVerb& sv, size_t* cb, size_t* ce) const {
    const size_t se = SentenceEnd(v);
    size_t c = v + 1;
    bool has_that = false;
    if (TakesObject(sv.lemma)) {
      size_t limit = std::min(se, v + 6);
      size_t k = c;
      while (k < limit && W(k) != "that" && (x_.entities.At(k) != nullptr || IsObjectWord(W(k)) ||
                                             (a_.IsWord(k) && a_.token(k).capitalized))) {
        ++k;
      }
      c = k;
    }
    // "dismissed reports that ...", "denied claims that ...".
    if (sv.cls == SpeechClass::kDeny) {
      static const std::unordered_set<std::string_view> kClaimNouns = {
          "reports", "claims", "allegations", "suggestions", "rumors", "rumours", "accusations",
          "speculation", "assertions"};
      size_t k = c;
      if (W(k) == "the" || W(k) == "media" || W(k) == "western") ++k;
      if (kClaimNouns.count(W(k)) && W(k + 1) == "that") c = k + 1;
    }
    // "reported, citing sources in the Defense Intelligence, that ...".
    if (a_.IsPunct(c, U',')) {
      for (size_t k = c + 1; k + 1 < se && k < c + 16; ++k) {
        if (a_.IsPunct(k, U',') && W(k + 1) == "that") {
          c = k + 1;
          break;
        }
      }
    }
    // "claimed without evidence that ...": the hedge is the frame's (Statuses).
    if (W(c) == "without") {
      for (size_t k = c + 1; k < se && k < c + 4; ++k) {
        if (W(k) == "evidence" || W(k) == "proof") {
          c = k + 1;
          break;
        }
      }
    }
    // "said on Friday that ...", "said earlier this month that ...".
    size_t d = c;
    while (d < se && (x_.date_at[d] >= 0 || (IsDatePreposition(d) && InDate(d + 1)))) ++d;
    c = d;  // the date belongs to the frame
    // "wrote on Telegram that", "said in a statement that".
    if (IsPreposition(W(c)) && W(c) != "that") {
      for (size_t k = c + 1; k < se && k < c + 6; ++k) {
        if (a_.token(k).kind == TokenKind::kPunct) break;
        if (W(k) == "that") {
          c = k;
          break;
        }
      }
    }
    // "заявил, что ...": the comma before "что" belongs to the frame, and so
    // do the words told ("рассказал ТАСС, что", "сообщили журналистам, что").
    if (a_.Slavic()) {
      for (size_t k = c; k < se && k < c + 5; ++k) {
        if (a_.IsPunct(k, U',') && IsThat(k + 1)) {
          c = k + 1;
          break;
        }
        if (a_.token(k).kind == TokenKind::kPunct || IsThat(k)) break;
      }
    }
    if (W(c) == "that" || W(c) == "whether" || IsThat(c)) {
      has_that = true;
      ++c;
    }
    if (sv.needs_that && !has_that) return false;
    if (c >= se || InQuote(c)) return false;
    if (a_.token(c).kind == TokenKind::kPunct && a_.token(c).first != U'(') return false;
    static const std::unordered_set<std::string_view> kNoContent = {
        "so", "little", "nothing", "much", "more", "less", "something", "anything", "otherwise"};
    if (!has_that && (IsPreposition(W(c)) || kNoContent.count(W(c)))) return false;
    size_t e = ClauseEnd(c, se);
    int words = 0;
    for (size_t k = c; k < e; ++k) words += a_.IsWord(k) && x_.date_at[k] < 0;
    if (words < 3) return false;
    *cb = c;
    *ce = e;
    return true;
  }

  void ReportedSpeech(uint32_t s) {
    const ::sitrep::Sentence& sent = a_.seg.sentences[s];
    for (size_t v = sent.token_begin; v < sent.token_end; ++v) {
      if (used_[v] || InQuote(v)) continue;
      const SpeechVerb* sv = SpeechAt(v);
      if (sv == nullptr || sv->lemma == "according") continue;
      // Inside another claim's complement: nested speech belongs to it.
      if (claimed_[v]) continue;
      // Verification cues are not speech: "could not confirm".
      if (IsVerificationVerb(v)) continue;
      if (Negated(v)) continue;  // "did not say which weapons were used"
      size_t cb, ce;
      // "..., сообщил губернатор", "«...», — написал он": after a comma or
      // a dash a Russian or Ukrainian speech verb closes what came before.
      if (a_.Slavic() && v > sent.token_begin && (a_.IsPunct(v - 1, U',') || IsDash(v - 1))) {
        Trailing(v, s);
        continue;
      }
      if (!Complement(v, *sv, &cb, &ce)) {
        Trailing(v, s);
        continue;
      }
      SpeakerRef r = SpeakerBefore(v);
      // "X claimed … and denied …", "did not comment, but said …",
      // "X said …, adding that …": the subject of the earlier verb.
      bool coordinated = v > sent.token_begin &&
                         (W(v - 1) == "and" || W(v - 1) == "but" || (a_.IsPunct(v - 1, U',') && W(v).ends_with("ing")));
      if (!r.found && coordinated) r = SubjectOfEarlierVerb(v);
      if (!r.found) continue;
      Draft& d = NewDraft(r.unnamed ? ClaimKind::kReport : ClaimKind::kReportedSpeech, cb, ce, s);
      SetSpeaker(&d, r, v);
      NoteSpeaker(r, v);
      if (r.unnamed) MarkAnonymous(&d, r.tb, r.te);
      v = ce;
    }
  }

  // "X and said Y": the subject of the sentence's earlier verb speaks again.
  SpeakerRef SubjectOfEarlierVerb(size_t v) const {
    const size_t sb = SentenceBegin(v);
    for (size_t k = v - 1; k > sb; --k) {
      if (SpeechAt(k - 1) != nullptr) {
        SpeakerRef r = SpeakerBefore(k - 1);
        if (r.found) return r;
      }
    }
    return {};
  }

  // "X happened, regional officials said on Thursday." and "..., said the
  // ministry.": the attribution closes the sentence.
  void Trailing(size_t v, uint32_t s) {
    const size_t sb = SentenceBegin(v), se = SentenceEnd(v);
    SpeakerRef r;
    size_t comma;
    if (v > sb && (a_.IsPunct(v - 1, U',') || (a_.Slavic() && IsDash(v - 1)))) {
      r = SpeakerAfter(v);  // ", said the ministry"
      comma = v - 1;
      if (a_.Slavic() && IsDash(comma) && comma > sb && a_.IsPunct(comma - 1, U',')) --comma;
    } else {
      r = SpeakerBefore(v);
      if (!r.found || r.tb == sb || !a_.IsPunct(r.tb - 1, U',')) return;
      comma = r.tb - 1;
    }
    if (!r.found) return;
    // Nothing but dates may follow the verb, then the sentence's end or a
    // comma: "…, the regional governor said, in the latest of …".
    size_t k = std::max(v + 1, r.te);
    while (k < se && (x_.date_at[k] >= 0 || (IsDatePreposition(k) && InDate(k + 1)))) ++k;
    // "… said in its latest assessment.", "… wrote on Telegram."
    if (k < se && ((IsPreposition(W(k)) && W(k) != "that") || (a_.Slavic() && a_.Has(k, kStopWord)))) {
      size_t j = k + 1;
      while (j < se && j < k + 6 && a_.token(j).kind != TokenKind::kPunct) ++j;
      if (j >= se || a_.IsPunct(j, U'.') || a_.IsPunct(j, U',')) k = j;
    }
    bool closes = k >= se || a_.IsPunct(k, U',') || a_.IsPunct(k, U'.') || a_.IsPunct(k, U';') ||
                  (a_.token(k).kind == TokenKind::kPunct && k + 1 >= se);
    if (!closes) return;
    if (InQuote(comma) || comma <= sb) return;
    for (size_t j = sb; j < comma; ++j) {
      if (claimed_[j]) return;  // the sentence already has its claim
    }
    int words = 0;
    for (size_t j = sb; j < comma; ++j) words += a_.IsWord(j);
    if (words < 4) return;
    Draft& d = NewDraft(r.unnamed ? ClaimKind::kReport : ClaimKind::kReportedSpeech, sb, comma, s);
    SetSpeaker(&d, r, v);
    NoteSpeaker(r, v);
    if (r.unnamed) MarkAnonymous(&d, r.tb, r.te);
  }

  // "Reports emerged ... suggesting that X", "according to reports, X",
  // "X, reportedly".
  void Reports(uint32_t s) {
    const ::sitrep::Sentence& sent = a_.seg.sentences[s];
    const size_t sb = sent.token_begin, se = sent.token_end;
    for (size_t k = sb; k < se; ++k) {
      if (used_[k] || InQuote(k)) continue;
      const std::string& w = W(k);
      size_t cue_b = k, cue_e = 0, cb = 0, ce = 0;
      bool alleged = false;
      if (w == "reports" || w == "report") {
        alleged = k > sb && (W(k - 1) == "unconfirmed" || W(k - 1) == "unverified");
        size_t limit = std::min(se, k + 6);
        for (size_t v = k + 1; v < limit; ++v) {
          const std::string& vw = W(v);
          if (vw == "emerged" || vw.rfind("suggest", 0) == 0 || vw == "said" || vw == "say" || vw == "says" ||
              vw.rfind("indicat", 0) == 0 || vw == "claimed" || vw == "showed" || vw == "circulated" ||
              vw == "surfaced" || vw == "stated") {
            cue_e = v + 1;
            break;
          }
        }
        if (cue_e == 0) continue;
        size_t c = cue_e;
        for (size_t j = cue_e; j < std::min(se, cue_e + 6); ++j) {
          if (W(j) == "that") {
            c = j + 1;
            break;
          }
          if (W(j).rfind("suggest", 0) == 0 || W(j).rfind("indicat", 0) == 0 || x_.date_at[j] >= 0) c = j + 1;
        }
        cb = c;
        ce = ClauseEnd(cb, se);
      } else if (w == "according" && W(k + 1) == "to") {
        size_t j = k + 2;
        while (j < se && (IsNpModifier(W(j)) || W(j) == "media" || W(j) == "news" || W(j) == "unconfirmed" ||
                          W(j) == "the" || W(j) == "local" || W(j) == "some")) {
          if (W(j) == "unconfirmed") alleged = true;
          ++j;
        }
        if (W(j) != "reports" && W(j) != "report") {
          AccordingTo(k, s);
          continue;
        }
        cue_e = j + 1;
        if (k <= sb + 2) {
          // Cue first: the claim follows the next comma.
          size_t c = cue_e;
          while (c < se && !a_.IsPunct(c, U',')) ++c;
          cb = c < se ? c + 1 : cue_e;
          ce = ClauseEnd(cb, se);
        } else {
          cb = sb;
          ce = k;
          if (ce > cb && a_.IsPunct(ce - 1, U',')) --ce;
        }
      } else if (w == "reportedly") {
        cue_e = k + 1;
        cb = sb;
        ce = ClauseEnd(sb, se);
      } else {
        continue;
      }
      if (cb >= ce) continue;
      Draft& d = NewDraft(ClaimKind::kReport, cb, ce, s);
      d.c.cue = std::string(a_.SpanText(a_.TokenSpan(cue_b, cue_e)));
      d.c.cue_span = a_.TokenSpan(cue_b, cue_e);
      d.verb = alleged ? SpeechClass::kAllege : SpeechClass::kReport;
      for (size_t j = cue_b; j < cue_e; ++j) used_[j] = true;
      return;
    }
  }

  // "according to the Ukrainian military, X".
  void AccordingTo(size_t k, uint32_t s) {
    SpeakerRef r = SpeakerAfter(k + 1);
    if (!r.found) return;
    const size_t sb = SentenceBegin(k), se = SentenceEnd(k);
    size_t cb, ce;
    if (k <= sb + 2) {
      size_t c = r.te;
      while (c < se && !a_.IsPunct(c, U',')) ++c;
      cb = c < se ? c + 1 : r.te;
      ce = ClauseEnd(cb, se);
    } else {
      cb = sb;
      ce = k;
      if (ce > cb && a_.IsPunct(ce - 1, U',')) --ce;
    }
    if (cb >= ce) return;
    Draft& d = NewDraft(r.unnamed ? ClaimKind::kReport : ClaimKind::kReportedSpeech, cb, ce, s);
    SetSpeaker(&d, r, k);
    d.c.cue = "according to";
    d.c.cue_span = a_.TokenSpan(k, k + 2);
    if (r.unnamed) MarkAnonymous(&d, r.tb, r.te);
    used_[k + 1] = true;
  }

  // "did not say", "declined to say", "refused to confirm".
  bool Negated(size_t v) const {
    size_t sb = SentenceBegin(v);
    for (size_t k = v; k > sb && k + 4 > v; --k) {
      const std::string& w = W(k - 1);
      if (w == "not" || w == "n't" || w == "never" || w == "declined" || w == "refused" || w == "didn't" ||
          w == "won't" || w == "wouldn't" || Fn(k - 1, FunctionClass::kNot)) {
        return true;
      }
      if (!a_.Has(k - 1, kAuxWord) && w != "to") return false;
    }
    return false;
  }

  bool IsVerificationVerb(size_t k) const {
    if (a_.Slavic() && SlavicVerificationStart(k) != SIZE_MAX) return true;
    const std::string& w = W(k);
    if (w != "verify" && w != "verified" && w != "confirm" && w != "confirmed") return false;
    size_t sb = SentenceBegin(k);
    for (size_t j = k; j > sb && j + 7 > k; --j) {
      const std::string& p = W(j - 1);
      if (p == "not" || p == "n't" || p == "unable" || p == "cannot" || p == "never" || p == "couldn't" ||
          p == "impossible" || p == "difficult" || p == "hard") {
        return true;  // "could not verify", "impossible to verify independently"
      }
      if (a_.token(j - 1).kind == TokenKind::kPunct) break;
    }
    return false;
  }

  // Russian and Ukrainian: "не может оперативно проверить", "не вдалося
  // перевірити", "неможливо підтвердити": where the cue starts (its "не"),
  // or SIZE_MAX when the word at k is no negated verification verb.
  size_t SlavicVerificationStart(size_t k) const {
    static const std::unordered_set<std::string_view> kVerify = {
        "проверить", "проверять", "подтвердить", "подтверждать", "верифицировать", "подтвержденный",
        "подтверждённый", "проверенный", "перевірити", "перевіряти", "підтвердити", "підтверджувати",
        "верифікувати", "підтверджений", "перевірений", "верифікований"};
    if (!kVerify.count(a_.L(k))) return SIZE_MAX;
    size_t sb = SentenceBegin(k);
    for (size_t j = k; j > sb && j + 6 > k; --j) {
      const std::string& p = W(j - 1);
      if (Fn(j - 1, FunctionClass::kNot) || p == "невозможно" || p == "неможливо" || p == "нельзя") return j - 1;
      if (a_.token(j - 1).kind == TokenKind::kPunct) break;
    }
    // "Подтвердить эти данные пока невозможно", "перевірити це неможливо".
    size_t se = SentenceEnd(k);
    for (size_t j = k + 1; j < se && j < k + 6; ++j) {
      if (W(j) == "невозможно" || W(j) == "неможливо" || W(j) == "нельзя") return k;
      if (a_.token(j).kind == TokenKind::kPunct) break;
    }
    return SIZE_MAX;
  }

  // Narration: the outlet's own statements of events and numbers.
  void Narration(uint32_t s) {
    const ::sitrep::Sentence& sent = a_.seg.sentences[s];
    if (sentence_claims_[s] > 0) return;
    if (sentence_cue_[s]) {
      // "Images appeared to show scorch marks, but the damage could not be
      // confirmed": the clause before the cue is the claim it qualifies.
      size_t cue = sent.token_end;
      for (const auto& [span, cs] : verification_cues_) {
        if (static_cast<uint32_t>(cs) == s) cue = std::min<size_t>(cue, a_.TokenAt(span.begin));
      }
      size_t cut = cue;
      while (cut > start_[s] && !a_.IsPunct(cut - 1, U',')) --cut;
      if (cut > start_[s] + 4) NewDraft(ClaimKind::kNarration, start_[s], cut - 1, s);
      return;
    }
    // Clause starts at split points; a clause keeps its own claim only when
    // it has its own trigger.
    std::vector<size_t> starts = {start_[s]};
    std::vector<bool> has_trigger;
    for (size_t k = sent.token_begin; k < sent.token_end; ++k) {
      if (InQuote(k)) continue;
      if ((a_.IsPunct(k, U',') && IsNarrationSplitWord(W(k + 1))) || a_.IsPunct(k, U';') ||
          a_.IsPunct(k, 0x2013) || a_.IsPunct(k, 0x2014)) {
        starts.push_back(k + 1);
      }
    }
    // Narration keeps whole sentences (", but" does not split it).
    size_t end = sent.token_end;
    while (end > sent.token_begin && a_.token(end - 1).kind == TokenKind::kPunct &&
           (a_.token(end - 1).first == U'.' || a_.token(end - 1).first == U'!' || a_.token(end - 1).first == U'?')) {
      --end;
    }
    struct Piece {
      size_t b, e;
      bool trigger;
    };
    std::vector<Piece> pieces;
    for (size_t i = 0; i < starts.size(); ++i) {
      size_t b = starts[i];
      size_t e = i + 1 < starts.size() ? starts[i + 1] - 1 : end;
      if (b >= e) continue;
      bool trig = false;
      for (size_t k = b; k < e && !trig; ++k) {
        const TriggerPattern* t = nullptr;
        trig = !InQuote(k) && a_.lex.MatchTrigger(a_.Lemmas(), k, e, &t) > 0;
      }
      pieces.push_back({b, e, trig});
    }
    bool any_quantity = sentence_quantity_[s];
    bool any_trigger = false;
    for (const Piece& p : pieces) any_trigger = any_trigger || p.trigger;
    bool hedged = false;  // "Videos purportedly showed a fire": a claim, hedged
    for (size_t k = start_[s]; k < sent.token_end && !hedged; ++k) {
      hedged = IsHedge(k);
    }
    if (!any_trigger && !any_quantity && !hedged) return;
    // Merge pieces without a trigger into the one before (or after).
    std::vector<Piece> merged;
    for (const Piece& p : pieces) {
      if (!merged.empty() && (!p.trigger || !any_trigger)) {
        merged.back().e = p.e;
      } else if (!merged.empty() && !merged.back().trigger) {
        merged.back().e = p.e;
        merged.back().trigger = true;
      } else {
        merged.push_back(p);
      }
    }
    for (const Piece& p : merged) {
      size_t e = p.e;
      if (e > p.b && a_.IsPunct(e - 1, U',')) --e;
      if (e <= p.b) continue;
      NewDraft(ClaimKind::kNarration, p.b, e, s);
    }
  }

  void FindVerificationCues(uint32_t s) {
    const ::sitrep::Sentence& sent = a_.seg.sentences[s];
    for (size_t k = sent.token_begin; k < sent.token_end; ++k) {
      if (InQuote(k)) continue;
      const std::string& w = W(k);
      bool cue = false;
      size_t begin = k;
      if (w == "unverified" || w == "unconfirmed") {
        cue = true;
      } else if (a_.Slavic() && SlavicVerificationStart(k) != SIZE_MAX) {
        cue = true;
        begin = SlavicVerificationStart(k);
      } else if ((w == "verify" || w == "verified" || w == "confirm" || w == "confirmed") && IsVerificationVerb(k)) {
        cue = true;
        // The cue starts at the modal or auxiliary: "could not independently verify".
        while (begin > sent.token_begin && a_.IsWord(begin - 1) &&
               (a_.Has(begin - 1, kAuxWord) || W(begin - 1) == "able" || W(begin - 1) == "unable" ||
                W(begin - 1) == "impossible" || W(begin - 1) == "difficult" || W(begin - 1) == "hard" ||
                W(begin - 1) == "to" || W(begin - 1) == "cannot" || W(begin - 1) == "be" ||
                W(begin - 1) == "n't" || W(begin - 1) == "couldn't")) {
          --begin;
        }
      }
      if (!cue) continue;
      verification_cues_.push_back({a_.TokenSpan(begin, k + 1), static_cast<int>(s)});
      sentence_cue_[s] = true;
      used_[k] = true;
    }
  }

  // "X had withdrawn from Kurakhove, which Ukraine's military denied" and
  // "..., a claim denied by Kyiv": the claim is denied, and ends before the
  // comma.
  void TrailingDenials() {
    for (Draft& d : drafts_) {
      for (size_t k = d.tb + 1; k + 2 < d.te; ++k) {
        if (!a_.IsPunct(k, U',') || (W(k + 1) != "which" && W(k + 1) != "a" && W(k + 1) != "an")) continue;
        size_t v = k + 2;
        while (v < d.te && v < k + 9) {
          const SpeechVerb* sv = SpeechAt(v);
          if (sv != nullptr && sv->cls == SpeechClass::kDeny) break;
          ++v;
        }
        if (v >= d.te || v >= k + 9) continue;
        d.denied_by = a_.TokenSpan(k + 1, v + 1);
        d.te = k;
        d.c.span = a_.TokenSpan(d.tb, d.te);
        d.c.text = std::string(a_.SpanText(d.c.span));
        break;
      }
    }
  }

  // ---------------------------------------------------------------- Russian and Ukrainian

  // "говорится в сообщении", "йдеться у повідомленні": a statement speaks
  // without a subject.
  bool IsImpersonalCue(size_t k) const {
    static const std::unordered_set<std::string_view> kCues = {
        "говорится", "сказано", "сообщается", "отмечается", "указывается", "подчеркивается",
        "подчёркивается", "йдеться", "ідеться", "повідомляється", "зазначається", "наголошується",
        "йшлося", "говорилось", "говорилося"};
    return k < a_.token_count() && kCues.count(W(k)) > 0;
  }

  // Who a statement is from: "в сообщении Минобороны", "у повідомленні
  // Генштабу", "в телеграм-канале губернатора"; not found when it names no one.
  SpeakerRef MessageSource(size_t k) const {
    static const std::unordered_set<std::string_view> kMessages = {
        "сообщении", "заявлении", "пресс-релизе", "публикации", "сводке", "телеграм-канале", "telegram-канале",
        "повідомленні", "заяві", "зведенні", "дописі", "публікації", "телеграм-каналі", "telegram-каналі"};
    if (W(k) == "в" || W(k) == "у" || W(k) == "во") ++k;
    if (!kMessages.count(W(k))) return {};
    return SlavicSpeakerFrom(k + 1);
  }

  // The claim of a Russian or Ukrainian source phrase, from its cue's
  // tokens [cue_b, cue_e) and the source named after it (when r.found).
  void SourcedClaim(uint32_t s, size_t cue_b, size_t cue_e, const SpeakerRef& r, SpeechClass cls) {
    const size_t sb = start_[s], se = a_.seg.sentences[s].token_end;
    size_t cb, ce;
    // The words after the source: "По данным X, Y" and, inside commas,
    // "Там же, по информации ТАСС, уничтожены ...".
    size_t after = std::max(cue_e, r.found ? r.te : cue_e);
    while (after < se && !a_.IsPunct(after, U',') && a_.token(after).kind != TokenKind::kPunct) ++after;
    bool more = after < se && a_.IsPunct(after, U',');
    size_t after_b = more ? after + 1 : se;
    size_t after_e = more ? ClauseEnd(after_b, se) : se;
    int before_words = 0, after_words = 0;
    for (size_t j = sb; j < cue_b; ++j) before_words += a_.IsWord(j);
    for (size_t j = after_b; j < after_e; ++j) after_words += a_.IsWord(j);
    if (cue_b <= sb + 1 || (more && after_words > before_words)) {
      cb = after_b;
      ce = after_e;
    } else {
      // Cue last: "Y, по данным X."
      cb = sb;
      ce = cue_b;
      while (ce > cb && (a_.IsPunct(ce - 1, U',') || IsDash(ce - 1))) --ce;
    }
    if (cb >= ce) return;
    int words = 0;
    for (size_t j = cb; j < ce; ++j) words += a_.IsWord(j);
    if (words < 2) return;
    bool named = r.found && !r.unnamed && !r.speaker.name.empty();
    Draft& d = NewDraft(named ? ClaimKind::kReportedSpeech : ClaimKind::kReport, cb, ce, s);
    if (r.found) SetSpeaker(&d, r, cue_b);
    if (r.found) NoteSpeaker(r, cue_b);
    if (r.found && r.unnamed) MarkAnonymous(&d, r.tb, r.te);
    d.c.cue = std::string(a_.SpanText(a_.TokenSpan(cue_b, cue_e)));
    d.c.cue_span = a_.TokenSpan(cue_b, cue_e);
    d.verb = cls;
    for (size_t j = cue_b; j < cue_e; ++j) used_[j] = true;
  }

  // "Агентство Reuters з посиланням на джерела повідомляє, що ...": the
  // outlet before the cue speaks (it reports what its sources say), with the
  // speech verb after the cited source. False when the sentence is not so.
  bool CitingOutlet(uint32_t s, size_t cue_b, size_t after_source) {
    const size_t sb = start_[s], se = a_.seg.sentences[s].token_end;
    if (cue_b <= sb || cue_b > sb + 5) return false;
    size_t v = after_source;
    while (v < se && v < after_source + 4 && SpeechAt(v) == nullptr && !a_.IsPunct(v, U',')) ++v;
    const SpeechVerb* sv = v < se ? SpeechAt(v) : nullptr;
    if (sv == nullptr) return false;
    SpeakerRef outlet = FromPhrase(sb, cue_b);
    size_t cb, ce;
    if (!outlet.found || outlet.speaker.name.empty() || !Complement(v, *sv, &cb, &ce)) return false;
    Draft& d = NewDraft(ClaimKind::kReportedSpeech, cb, ce, s);
    SetSpeaker(&d, outlet, v);
    NoteSpeaker(outlet, v);
    for (size_t j = cue_b; j < after_source; ++j) used_[j] = true;
    return true;
  }

  // "По данным X, Y", "Y, по словам X", "со ссылкой на X", "Как сообщил X,
  // Y", "за даними X", "з посиланням на X", "як повідомив X", "Y, говорится
  // в сообщении X", "по непроверенным данным" (a hedge: alleged).
  void SlavicSources(uint32_t s) {
    static const std::unordered_set<std::string_view> kSourceNouns = {
        "данным", "словам", "информации", "сообщению", "сообщениям", "оценкам", "мнению", "даними", "словами",
        "інформацією", "повідомленням", "повідомленнями", "оцінками", "даних"};
    static const std::unordered_set<std::string_view> kHedgedAdjectives = {
        "непроверенным", "неподтвержденным", "неподтверждённым", "неофициальным", "неперевіреними",
        "непідтвердженими", "неофіційними"};
    static const std::unordered_set<std::string_view> kPlainAdjectives = {
        "предварительным", "уточненным", "уточнённым", "последним", "официальным", "оперативным",
        "имеющимся", "обновленным", "попередніми", "уточненими", "останніми", "офіційними", "оперативними",
        "наявними", "оновленими"};
    const ::sitrep::Sentence& sent = a_.seg.sentences[s];
    for (size_t k = start_[s]; k < sent.token_end; ++k) {
      if (used_[k] || InQuote(k) || claimed_[k]) continue;
      const std::string& w = W(k);
      size_t cue_e = 0;
      SpeechClass cls = SpeechClass::kReport;
      SpeakerRef r;
      if (w == "по" || w == "за" || w == "на") {
        size_t j = k + 1;
        size_t possessive = SIZE_MAX;
        if (W(j) == "его" || W(j) == "ее" || W(j) == "её" || W(j) == "його" || W(j) == "її") possessive = j++;
        if (kHedgedAdjectives.count(W(j))) {
          cls = SpeechClass::kAllege;
          ++j;
        } else if (kPlainAdjectives.count(W(j))) {
          ++j;
        }
        bool noun = w == "на" ? W(j) == "думку" : kSourceNouns.count(W(j)) > 0;
        if (!noun) continue;
        cue_e = j + 1;
        r = possessive != SIZE_MAX ? PossessiveSpeaker(possessive) : SlavicSpeakerFrom(cue_e);
        if (r.found && !r.unnamed && cls == SpeechClass::kReport) cls = SpeechClass::kSay;
      } else if ((w == "со" || w == "с" || w == "з" || w == "із" || w == "зі") &&
                 (W(k + 1) == "ссылкой" || W(k + 1) == "посиланням") && W(k + 2) == "на") {
        cue_e = k + 3;
        r = SlavicSpeakerFrom(cue_e);
        if (CitingOutlet(s, k, r.found ? r.te : cue_e)) return;
      } else if (w == "согласно" || w == "згідно") {
        size_t j = k + 1;
        if (W(j) == "з" || W(j) == "із") ++j;
        if (W(j) == "данным" || W(j) == "даними" || W(j) == "информации" || W(j) == "інформацією") ++j;
        cue_e = j;
        r = SlavicSpeakerFrom(cue_e);
        if (!r.found) continue;
      } else if ((w == "как" || w == "як") && k + 1 < sent.token_end) {
        size_t v = k + 1;
        while (v < sent.token_end && a_.Has(v, kAuxWord)) ++v;
        const SpeechVerb* sv = SpeechAt(v);
        if (sv == nullptr && !IsImpersonalCue(v)) continue;
        cue_e = v + 1;
        r = sv != nullptr ? SlavicSpeakerFrom(cue_e) : MessageSource(cue_e);
        cls = sv != nullptr ? sv->cls : SpeechClass::kReport;
        if (r.found && cls == SpeechClass::kReport) cls = SpeechClass::kSay;
      } else if (IsImpersonalCue(k) && k > start_[s] && (a_.IsPunct(k - 1, U',') || IsDash(k - 1))) {
        cue_e = k + 1;
        r = MessageSource(cue_e);
        if (r.found && !r.unnamed) cls = SpeechClass::kSay;
      } else {
        continue;
      }
      if (r.found && r.speaker.name.empty() && !r.unnamed) r = SpeakerRef{};
      SourcedClaim(s, k, cue_e, r, cls);
      return;
    }
  }

  // "Джерело: Харківська ОВА", "Источник: Минобороны России": a post's
  // source line names who says what the post tells in its own voice.
  void SourceLine() {
    for (const Paragraph& p : a_.seg.paragraphs) {
      if (p.sentence_begin == p.sentence_end) continue;
      size_t b = a_.seg.sentences[p.sentence_begin].token_begin;
      size_t e = a_.seg.sentences[p.sentence_end - 1].token_end;
      const std::string& w = W(b);
      if ((w != "джерело" && w != "источник" && w != "джерела") || !a_.IsPunct(b + 1, U':') || e > b + 10) continue;
      SpeakerRef r = SlavicSpeakerFrom(b + 2);
      if (!r.found || r.speaker.name.empty()) continue;
      for (Draft& d : drafts_) {
        if (d.c.kind != ClaimKind::kNarration || d.c.speaker) continue;
        d.c.kind = r.unnamed ? ClaimKind::kReport : ClaimKind::kReportedSpeech;
        SetSpeaker(&d, r, b);
        d.c.cue = std::string(a_.SpanText(a_.TokenSpan(b, b + 2)));
        d.c.cue_span = a_.TokenSpan(b, b + 2);
        d.verb = SpeechClass::kSay;
      }
      return;
    }
  }

  // "Об этом сообщил губернатор X.", "Про це повідомили в ОВА.", "Об этом
  // говорится в сообщении Минобороны.": the sentence before says what.
  void AboutThis(uint32_t s) {
    const size_t sb = start_[s], se = a_.seg.sentences[s].token_end;
    if (s == 0 || sb + 3 > se) return;
    bool about = (W(sb) == "об" || W(sb) == "о" || W(sb) == "про") &&
                 (W(sb + 1) == "этом" || W(sb + 1) == "это" || W(sb + 1) == "це" || W(sb + 1) == "том");
    if (!about) return;
    size_t v = sb + 2;
    while (v < se && (a_.Has(v, kAuxWord) || InDate(v))) ++v;
    if (v >= se) return;
    SpeakerRef r;
    const SpeechVerb* sv = SpeechAt(v);
    if (sv != nullptr) {
      r = SlavicSpeakerFrom(v + 1);
    } else if (IsImpersonalCue(v)) {
      r = MessageSource(v + 1);
    } else {
      return;
    }
    if (r.found && r.speaker.name.empty() && !r.unnamed) r = SpeakerRef{};
    if (r.found) NoteSpeaker(r, v);
    const uint32_t prev = s - 1;
    // Opening a paragraph, it speaks for the paragraphs before, back to the
    // last one that has an attributed claim (an official summary followed by
    // "Об этом говорится в сообщении Минобороны").
    const Paragraph& para = a_.seg.paragraphs[a_.seg.sentences[s].paragraph];
    uint32_t first = prev;
    if (para.sentence_begin == s) {
      first = a_.seg.paragraphs[a_.seg.sentences[prev].paragraph].sentence_begin;
      for (uint32_t p = a_.seg.sentences[prev].paragraph; p-- > 0;) {
        const Paragraph& earlier = a_.seg.paragraphs[p];
        bool attributed = false;
        for (const Draft& d : drafts_) {
          if (d.sentence >= earlier.sentence_begin && d.sentence < earlier.sentence_end &&
              d.c.kind != ClaimKind::kNarration) {
            attributed = true;
          }
        }
        bool headline = earlier.sentence_begin < earlier.sentence_end && a_.headline[earlier.sentence_begin];
        if (attributed || headline || earlier.sentence_begin == earlier.sentence_end) break;
        first = earlier.sentence_begin;
      }
    }
    bool named = r.found && !r.unnamed;
    bool any = false;
    for (size_t i = 0; i < drafts_.size(); ++i) {
      Draft& d = drafts_[i];
      if (d.sentence < first || d.sentence > prev || d.c.speaker || d.c.kind != ClaimKind::kNarration) continue;
      d.c.kind = named ? ClaimKind::kReportedSpeech : ClaimKind::kReport;
      if (r.found) SetSpeaker(&d, r, v);
      if (r.found && r.unnamed) MarkAnonymous(&d, r.tb, r.te);
      d.c.cue = W(v);
      d.c.cue_span = a_.TokenSpan(v, v + 1);
      d.verb = sv != nullptr ? sv->cls : SpeechClass::kReport;
      any = true;
    }
    if (!any && sentence_claims_[prev] == 0) {
      size_t pb = start_[prev], pe = a_.seg.sentences[prev].token_end;
      while (pe > pb && a_.token(pe - 1).kind == TokenKind::kPunct) --pe;
      if (pe > pb + 2) {
        Draft& d = NewDraft(named ? ClaimKind::kReportedSpeech : ClaimKind::kReport, pb, pe, prev);
        if (r.found) SetSpeaker(&d, r, v);
        if (r.found && r.unnamed) MarkAnonymous(&d, r.tb, r.te);
        d.c.cue = W(v);
        d.c.cue_span = a_.TokenSpan(v, v + 1);
        d.verb = sv != nullptr ? sv->cls : SpeechClass::kReport;
      }
    }
    for (size_t j = sb; j <= v; ++j) used_[j] = true;
    ++sentence_claims_[s];  // the attribution itself is no narration
  }

  void Sentence(uint32_t s) {
    ColonAttribution(s, /*headline=*/false);
    FindVerificationCues(s);
    Quotes(s);
    if (a_.Slavic()) {
      AboutThis(s);
      SlavicSources(s);
    }
    ReportedSpeech(s);
    Reports(s);
    Narration(s);
    Learned(s);
    TaggedSpeakerSpans(s);
  }

  // The rules' claims of sentence s keep the speaker they resolved, but the
  // words that name it come from this sentence: a quotation that continues
  // an earlier speaker's ("…,” he said" in the paragraph before), a relative
  // pronoun ("…, which reported"), a source no rule could name ("a source
  // said"). Where the tagger marks a source next to the claim's cue and the
  // claim has no speaker words in this sentence, those words are its
  // speaker's span (an anonymous speaker when it had none).
  void TaggedSpeakerSpans(uint32_t s) {
    const ::sitrep::Sentence& sent = a_.seg.sentences[s];
    auto [first, last] = TaggedIn(s);
    if (first == last) return;
    for (size_t i = drafts_.size(); i-- > 0;) {
      Draft& d = drafts_[i];
      if (d.sentence != s) break;
      if (d.c.cue.empty() || d.c.cue_span.begin < sent.begin || d.c.cue_span.end > sent.end) continue;
      if (d.c.speaker && d.c.speaker->span.begin >= sent.begin && d.c.speaker->span.end <= sent.end &&
          d.c.speaker->span.end > d.c.speaker->span.begin) {
        continue;
      }
      AttributionSpan cue;
      cue.role = AttributionRole::kCue;
      cue.token_begin = a_.TokenAt(d.c.cue_span.begin);
      cue.token_end = a_.TokenAt(d.c.cue_span.end);
      cue.sentence = s;
      const AttributionSpan* source = NearestTagged(first, last, cue, AttributionRole::kSource, /*after=*/false);
      if (source == nullptr || (source->token_begin < d.te && d.tb < source->token_end)) continue;
      SpeakerWords(&d, source->token_begin, source->token_end, /*anonymous=*/true);
    }
  }

  // "WALLACE: Let's start with the debate." (a transcript line, to the end
  // of its paragraph) and, in a headline, "Minister: talks will resume next
  // week": the words before the colon name who says what follows. A label
  // such as "UPDATE:" or "Editor's note:" names no one (section_labels.tsv),
  // nor does a place ("KYIV:" is a dateline). Outside headlines a label in
  // Title Case counts only when it names a known person or body ("Pence:").
  void ColonAttribution(uint32_t s, bool headline) {
    const ::sitrep::Sentence& sent = a_.seg.sentences[s];
    const Paragraph& para = a_.seg.paragraphs[sent.paragraph];
    if (para.sentence_begin != s) return;
    size_t b = sent.token_begin;
    while (b < sent.token_end && a_.token(b).kind == TokenKind::kPunct && IsOpeningQuote(a_.token(b).first)) ++b;
    size_t colon = b;
    while (colon < sent.token_end && colon <= b + 4 && !a_.IsPunct(colon, U':')) ++colon;
    if (colon == b || colon >= sent.token_end || !a_.IsPunct(colon, U':')) return;
    std::string key;
    bool caps = true, lower = false;
    for (size_t k = b; k < colon; ++k) {
      const Token& t = a_.token(k);
      if (x_.place_at[k] >= 0) return;
      if (k > b && a_.IsPunct(k, U'.')) continue;  // "MR. SMITH"
      // Russian and Ukrainian names of bodies are in lower case after their
      // first word ("Повітряні сили:"); FromPhrase must then find them.
      if (t.kind != TokenKind::kWord || (!t.capitalized && !(a_.Slavic() && k > b))) return;
      lower = lower || !t.capitalized;
      caps = caps && (t.all_caps || t.size() == 1);
      key += (key.empty() ? "" : " ") + W(k);
    }
    if (a_.lex.IsSectionLabel(key)) return;
    if ((!caps && !headline) || lower) {
      SpeakerRef named = FromPhrase(b, colon);
      if (!named.found || named.unnamed || named.speaker.name.empty()) return;
      // With lower-case words the label must name someone sitrep knows, not
      // a topic ("Разрушение Каховской ГЭС: что известно").
      if (lower && named.category.empty() && named.speaker.person_id == 0) return;
    }
    size_t end = headline ? sent.token_end : a_.seg.sentences[para.sentence_end - 1].token_end;
    while (end > colon + 1 && a_.token(end - 1).kind == TokenKind::kPunct && !IsClosingQuote(a_.token(end - 1).first)) {
      --end;
    }
    int words = 0;
    for (size_t k = colon + 1; k < end; ++k) words += a_.IsWord(k);
    if (words < 3) return;
    SpeakerRef r = FromPhrase(b, colon);
    Draft& d = NewDraft(ClaimKind::kQuote, colon + 1, end, s);
    SetSpeaker(&d, r, colon);
    SpeakerWords(&d, b, colon, /*anonymous=*/false);
    for (size_t k = b; k <= colon; ++k) used_[k] = true;
  }

  // ---------------------------------------------------------------- learned

  // Attributions the rules missed but the learned tagger marks: "X described
  // the strike as …", "…, the state news agency reported", "Two militia
  // spokesmen said …", "officials believe …". A tagged cue no rule used,
  // with the nearest tagged content of its sentence, becomes a claim; the
  // nearest tagged source names its speaker, resolved as the rules resolve
  // theirs (a person, a role, an organisation, a pronoun), or kept as an
  // anonymous source. Such a claim replaces the outlet's narration of the
  // same words.
  // Indexes [first, last) of sentence s's tagged spans; sentences come in
  // order, so the start only moves forward.
  std::pair<size_t, size_t> TaggedIn(uint32_t s) {
    const std::vector<AttributionSpan>& spans = x_.attributions;
    while (next_tagged_ < spans.size() && spans[next_tagged_].sentence < s) ++next_tagged_;
    size_t last = next_tagged_;
    while (last < spans.size() && spans[last].sentence == s) ++last;
    return {next_tagged_, last};
  }

  void Learned(uint32_t s) {
    const std::vector<AttributionSpan>& spans = x_.attributions;
    auto [first, last] = TaggedIn(s);
    for (size_t i = first; i < last; ++i) {
      const AttributionSpan& cue = spans[i];
      if (cue.role != AttributionRole::kCue || cue.token_begin < start_[s]) continue;
      bool taken = false;
      for (size_t k = cue.token_begin; k < cue.token_end && !taken; ++k) taken = used_[k];
      if (taken) continue;
      // The rules' judgment stands where they have one: "did not say which
      // weapons" claims nothing, "could not be confirmed" is a verification
      // cue, "denied approval" is an act (a verb that attributes only a
      // that-clause or a quotation).
      const SpeechVerb* sv = nullptr;
      size_t head = cue.token_begin;
      for (size_t k = cue.token_begin; k < cue.token_end && sv == nullptr; ++k) {
        sv = SpeechAt(k);
        head = k;
      }
      bool negated = Negated(cue.token_begin);
      for (size_t k = cue.token_begin; k < cue.token_end && !negated; ++k) {
        negated = W(k) == "not" || W(k) == "n't" || W(k) == "never";
      }
      if (negated || IsVerificationVerb(head)) continue;
      std::pair<size_t, size_t> content = TaggedContent(first, last, cue);
      if (content.first >= content.second) content = TrailingContent(first, last, cue, s);
      if (content.first >= content.second) continue;
      // A content after its cue that stops inside a clause (the tagger left
      // out a word) runs on to the clause's end.
      if (content.first >= cue.token_end && content.second < sent_end(s) && a_.IsWord(content.second)) {
        content.second = std::max(content.second, ClauseEnd(content.first, sent_end(s)));
      }
      if (sv != nullptr && sv->needs_that && !InQuote(content.first) && W(content.first) != "that") continue;
      if (!KeepLearned(s, cue, content)) continue;
      const AttributionSpan* source = NearestTagged(first, last, cue, AttributionRole::kSource, /*after=*/false);
      if (source != nullptr && source->token_begin < content.second && content.first < source->token_end) {
        source = nullptr;
      }
      // A bare article is not a source ("a claim that could not be verified").
      if (source != nullptr && source->token_end == source->token_begin + 1 &&
          (W(source->token_begin) == "a" || W(source->token_begin) == "an" || W(source->token_begin) == "the")) {
        source = nullptr;
      }
      SpeakerRef r;
      if (source != nullptr) r = FromPhrase(source->token_begin, source->token_end);
      // A quotation the rules kept without a speaker is this attribution's
      // content: it gets the cue and speaker instead of a second claim.
      if (Draft* q = UnattributedQuote(s, content)) {
        AttributeLearned(q, r, cue, sv, source);
        continue;
      }
      size_t attribution_begin = source != nullptr ? std::min(source->token_begin, cue.token_begin) : cue.token_begin;
      DropNarration(s, content.first, content.second, attribution_begin);
      bool quoted = InQuote(content.first) && InQuote(content.second - 1);
      Draft& d = NewDraft(quoted ? ClaimKind::kQuote : ClaimKind::kReportedSpeech, content.first, content.second, s);
      AttributeLearned(&d, r, cue, sv, source);
    }
  }

  // Gives draft d the learned cue and the speaker its source names.
  void AttributeLearned(Draft* d, const SpeakerRef& r, const AttributionSpan& cue, const SpeechVerb* sv,
                        const AttributionSpan* source) {
    SetSpeaker(d, r, cue.token_begin);
    for (size_t k = cue.token_begin; k < cue.token_end; ++k) used_[k] = true;
    d->verb = sv != nullptr ? sv->cls : SpeechClass::kSay;
    d->c.cue_span = a_.TokenSpan(cue.token_begin, cue.token_end);
    d->c.cue = std::string(a_.SpanText(d->c.cue_span));
    if (source != nullptr) {
      SpeakerWords(d, source->token_begin, source->token_end, /*anonymous=*/true);
      NoteSpeaker(r, cue.token_begin);
    }
  }

  // A quotation draft without cue or speaker whose words the tagged content
  // covers (the marks aside), or null.
  Draft* UnattributedQuote(uint32_t s, std::pair<size_t, size_t> content) {
    for (size_t j = drafts_.size(); j-- > 0;) {
      Draft& d = drafts_[j];
      if (d.sentence != s) break;
      if (d.c.kind != ClaimKind::kQuote || !d.c.cue.empty() || d.c.speaker) continue;
      if (d.tb + 1 >= content.first && d.te <= content.second + 1 && d.tb < content.second) return &d;
    }
    return nullptr;
  }

  // Where the rules already judged the same words, their judgment stands:
  // content that is (part of) an outlet's verification cue ("…, a claim
  // that could not be independently verified"), words an unnamed-reports
  // claim already holds ("Reports emerged suggesting that …"), and a
  // sentence the outlet hedges in its own voice ("A video purportedly
  // showed …", kept as alleged narration).
  bool KeepLearned(uint32_t s, const AttributionSpan& cue, std::pair<size_t, size_t> content) const {
    // Cues are found sentence by sentence: this sentence's are the last.
    for (size_t i = verification_cues_.size(); i-- > 0 && static_cast<uint32_t>(verification_cues_[i].second) == s;) {
      const Span& span = verification_cues_[i].first;
      size_t vb = a_.TokenAt(span.begin), ve = a_.TokenAt(span.end);
      if (vb < content.second && content.first < ve) return false;
    }
    for (size_t j = drafts_.size(); j-- > 0;) {
      const Draft& d = drafts_[j];
      if (d.sentence != s) break;
      if (d.c.kind == ClaimKind::kReport && d.tb < content.second && content.first < d.te) return false;
      // Between a rule's cue and its content: "said, without citing
      // sources, that …" is one attribution.
      if (!d.c.cue.empty() && d.c.cue_span.end <= a_.token(cue.token_begin).begin &&
          a_.token(cue.token_end - 1).end <= a_.token(d.tb).begin && d.tb < content.second && content.first < d.te) {
        return false;
      }
    }
    for (size_t k = start_[s]; k < std::min(cue.token_begin, content.first); ++k) {
      if (W(k) == "allegedly" || W(k) == "purportedly" || W(k) == "supposedly") return false;
    }
    return true;
  }

  // "…, the country's state news agency reported." and "…, said the
  // agency": a tagged source and cue after a comma that close the sentence
  // (dates aside) attribute what comes before the comma, tagged or not.
  std::pair<size_t, size_t> TrailingContent(size_t first, size_t last, const AttributionSpan& cue, uint32_t s) const {
    const AttributionSpan* source = NearestTagged(first, last, cue, AttributionRole::kSource, /*after=*/false);
    if (source == nullptr) return {0, 0};
    size_t from = std::min(source->token_begin, cue.token_begin), to = std::max(source->token_end, cue.token_end);
    if (to - from > source->token_end - source->token_begin + cue.token_end - cue.token_begin) return {0, 0};
    if (from <= start_[s] + 1 || !a_.IsPunct(from - 1, U',')) return {0, 0};
    for (size_t k = to; k < sent_end(s); ++k) {
      if (a_.token(k).kind != TokenKind::kPunct && !InDate(k)) return {0, 0};
    }
    return {start_[s], from - 1};
  }

  size_t sent_end(uint32_t s) const { return a_.seg.sentences[s].token_end; }

  // The tokens of the content tagged for `cue`: the tagged content spans
  // after it up to the next cue (a content may be cut by a word the tagger
  // left out), else those before it back to the previous cue.
  std::pair<size_t, size_t> TaggedContent(size_t first, size_t last, const AttributionSpan& cue) const {
    size_t b = SIZE_MAX, e = 0;
    for (size_t i = first; i < last; ++i) {
      const AttributionSpan& t = x_.attributions[i];
      if (t.token_begin < cue.token_end) continue;
      if (t.role == AttributionRole::kCue) break;
      if (t.role != AttributionRole::kContent) continue;
      b = std::min(b, t.token_begin);
      e = std::max(e, t.token_end);
    }
    if (b < e) return {b, e};
    for (size_t i = last; i-- > first;) {
      const AttributionSpan& t = x_.attributions[i];
      if (t.token_end > cue.token_begin) continue;
      if (t.role == AttributionRole::kCue) break;
      if (t.role != AttributionRole::kContent) continue;
      b = std::min(b, t.token_begin);
      e = std::max(e, t.token_end);
    }
    return b < e ? std::make_pair(b, e) : std::make_pair(size_t{0}, size_t{0});
  }

  // The tagged span of `role` nearest to `cue` in spans [first, last): the
  // first one after it, else the last one before it (or the reverse).
  const AttributionSpan* NearestTagged(size_t first, size_t last, const AttributionSpan& cue, AttributionRole role,
                                       bool after) const {
    const AttributionSpan* before_it = nullptr;
    const AttributionSpan* after_it = nullptr;
    for (size_t i = first; i < last; ++i) {
      const AttributionSpan& t = x_.attributions[i];
      if (t.role != role) continue;
      if (t.token_end <= cue.token_begin) before_it = &t;
      if (t.token_begin >= cue.token_end && after_it == nullptr) after_it = &t;
    }
    return after ? (after_it != nullptr ? after_it : before_it) : (before_it != nullptr ? before_it : after_it);
  }

  // Narration drafts are the last made for a sentence: a learned attribution
  // over the same words [b, e) takes their place. Narration of its own before
  // the cue keeps that part: "The administration reversed its opposition
  // and said Ukraine could use the weapons" is two claims.
  void DropNarration(uint32_t s, size_t b, size_t e, size_t cue) {
    while (!drafts_.empty() && drafts_.back().sentence == s && drafts_.back().c.kind == ClaimKind::kNarration &&
           drafts_.back().tb < e && b < drafts_.back().te) {
      Draft& d = drafts_.back();
      if (b > cue && d.tb < cue) {
        size_t end = cue;
        while (end > d.tb && (!a_.IsWord(end - 1) || W(end - 1) == "and")) --end;
        int words = 0;
        for (size_t k = d.tb; k < end; ++k) words += a_.IsWord(k);
        if (words >= 4) {
          for (size_t k = end; k < d.te; ++k) claimed_[k] = false;
          d.te = end;
          d.sentence_last = a_.sentence_of[end - 1];
          d.c.span = a_.TokenSpan(d.tb, d.te);
          d.c.text = std::string(a_.SpanText(d.c.span));
          return;
        }
      }
      for (size_t k = d.tb; k < d.te; ++k) claimed_[k] = false;
      for (uint32_t si = std::min(d.sentence_first, d.sentence); si <= std::max(d.sentence_last, d.sentence); ++si) {
        --sentence_claims_[si];
      }
      drafts_.pop_back();
    }
  }

  // The words [b, e) of the claim's sentence name its speaker: a speaker the
  // rules resolved keeps who it is and takes them as its span; without one,
  // the words are the speaker's name (`anonymous` when they name no one).
  void SpeakerWords(Draft* d, size_t b, size_t e, bool anonymous) {
    if (!d->c.speaker) {
      Speaker sp;
      sp.name = std::string(a_.SpanText(a_.TokenSpan(b, e)));
      sp.side = "unknown";
      sp.anonymous = anonymous;
      d->c.speaker = sp;
    }
    d->c.speaker->span = a_.TokenSpan(b, e);
  }

  // A source the text does not name ("officials", "a source", "the agency",
  // a pronoun no one is found for): a speaker all the same, marked anonymous.
  void MarkAnonymous(Draft* d, size_t b, size_t e) {
    d->c.speaker.reset();
    SpeakerWords(d, b, e, /*anonymous=*/true);
  }

  // "Podolyak said Kyiv would “continue to take the war back to Russia.”":
  // a quotation inside reported speech has that speech's speaker.
  void QuotesInsideSpeech() {
    for (Draft& q : drafts_) {
      if (q.c.kind != ClaimKind::kQuote || q.c.speaker) continue;
      int owner = owner_[q.tb];
      if (owner < 0) continue;
      Draft& host = drafts_[owner];
      if (&host == &q || !host.c.speaker || host.tb > q.tb || q.te > host.te) continue;
      q.c.speaker = host.c.speaker;
      q.c.cue = host.c.cue;
      q.c.cue_span = host.c.cue_span;
      q.category = host.category;
      q.verb = host.verb;
    }
  }

  // ---------------------------------------------------------------- statuses

  // Content words of tokens [b, e) as stems, with names counting twice.
  std::map<std::string, int> ContentStems(size_t b, size_t e) const {
    std::map<std::string, int> out;
    for (size_t k = b; k < e; ++k) {
      if (!a_.IsWord(k)) continue;
      const std::string& w = W(k);
      if (w.size() < 4 || a_.IsStopWord(w)) continue;
      static const std::unordered_set<std::string_view> kWeak = {
          "their", "own", "whether", "have", "begun", "started", "been", "able", "independently",
          "verify", "confirm", "could", "would", "there", "which", "were", "said", "reports"};
      if (kWeak.count(w)) continue;
      out[Stem(w)] += a_.token(k).capitalized ? 2 : 1;
    }
    return out;
  }

  // "Digital has not been able to confirm whether Ukrainian troops have
  // begun digging trenches": the claim the cue's object names, or the one
  // just before it, becomes unverified.
  void Verification() {
    for (const auto& [cue_span, s] : verification_cues_) {
      size_t cue_end = a_.TokenAt(cue_span.end);
      size_t se = a_.seg.sentences[s].token_end;
      size_t obj_end = ClauseEnd(cue_end, se);
      auto object = ContentStems(cue_end, obj_end);
      uint32_t para = a_.seg.sentences[s].paragraph;
      // Candidates: claims that start from a few paragraphs back up to the
      // end of the cue's sentence (drafts_ is sorted by start).
      uint32_t first_para = para > static_cast<uint32_t>(o_.verification_lookback_paragraphs)
                                ? para - o_.verification_lookback_paragraphs
                                : 0;
      size_t window_begin = a_.seg.sentences[a_.seg.paragraphs[first_para].sentence_begin].token_begin;
      auto by_start = [](const Draft& d, size_t t) { return d.tb < t; };
      size_t lo = std::lower_bound(drafts_.begin(), drafts_.end(), window_begin, by_start) - drafts_.begin();
      size_t hi = std::lower_bound(drafts_.begin(), drafts_.end(), se, by_start) - drafts_.begin();
      // "..., which Example Wire could not verify" / "..., a figure that could
      // not be independently verified": the claim around the cue.
      Draft* around = nullptr;
      for (size_t i = lo; i < hi; ++i) {
        Draft& d = drafts_[i];
        if (d.c.span.begin < cue_span.begin && cue_span.end <= d.c.span.end) around = &d;
      }
      if (around != nullptr) {
        size_t cut = a_.TokenAt(cue_span.begin);
        while (cut > around->tb && !a_.IsPunct(cut - 1, U',')) --cut;
        if (cut > around->tb + 1) {
          around->te = cut - 1;
          around->c.span = a_.TokenSpan(around->tb, around->te);
          around->c.text = std::string(a_.SpanText(around->c.span));
        }
        around->c.status = ClaimStatus::kUnverified;
        around->c.status_cue = StatusCue{std::string(a_.SpanText(cue_span)), cue_span};
        continue;
      }
      Draft* best = nullptr;
      int best_score = 0;
      Draft* nearest = nullptr;
      for (size_t i = lo; i < hi; ++i) {
        Draft& d = drafts_[i];
        if (d.c.span.begin >= cue_span.begin) continue;  // only what came before the cue
        if (d.paragraph + o_.verification_lookback_paragraphs < para) continue;
        auto stems = ContentStems(d.tb, d.te);
        int score = 0;
        for (const auto& [stem, weight] : object) {
          if (stems.count(stem)) score += weight;
        }
        // A third party's confirmation is set aside only by a clear
        // reference to it, not by one shared word.
        bool third_party_confirms = d.verb == SpeechClass::kConfirm && d.c.speaker && d.c.speaker->side != "party";
        if (third_party_confirms && score < 2) continue;
        nearest = &d;
        if (score > best_score || (score == best_score && score > 0)) {
          best = &d;
          best_score = score;
        }
      }
      // "unverified reports said ...": the claim in the same sentence.
      if (best == nullptr) {
        for (size_t i = lo; i < hi; ++i) {
          if (drafts_[i].sentence == static_cast<uint32_t>(s)) best = &drafts_[i];
        }
      }
      if (best == nullptr) best = nearest;
      if (best == nullptr) continue;
      best->c.status = ClaimStatus::kUnverified;
      best->c.status_cue = StatusCue{std::string(a_.SpanText(cue_span)), cue_span};
    }
  }

  // A Russian or Ukrainian claim its speaker calls false: "не соответствует
  // действительности", "не відповідає дійсності", "фейк" (in the claim or
  // just after it: "опроверг ..., назвав ее фейком"). Sets the status.
  bool SlavicDenial(Draft& d) {
    if (d.c.kind == ClaimKind::kNarration) return false;
    size_t end = std::min(SentenceEnd(d.te > d.tb ? d.te - 1 : d.tb), d.te + 6);
    for (size_t k = d.tb; k < end; ++k) {
      size_t e = 0;
      if (Fn(k, FunctionClass::kNot) && (W(k + 1).starts_with("соответству") || W(k + 1).starts_with("відповіда")) &&
          (W(k + 2) == "действительности" || W(k + 2) == "дійсності")) {
        e = k + 3;
      } else if (W(k) == "фейк" || W(k) == "фейком" || W(k) == "фейкові" || W(k) == "фейковая" ||
                 W(k) == "фейки" || W(k) == "неправда" || W(k) == "неправдою") {
        e = k + 1;
      }
      if (e == 0) continue;
      d.c.status = ClaimStatus::kDenied;
      d.c.status_cue = StatusCue{std::string(a_.SpanText(a_.TokenSpan(k, e))), a_.TokenSpan(k, e)};
      return true;
    }
    return false;
  }

  void Statuses() {
    for (Draft& d : drafts_) {
      // A party's denial in Russian or Ukrainian outweighs the outlet's
      // general "could not verify" (which names no claim of its own).
      if (d.c.status_cue && a_.Slavic() && SlavicDenial(d)) continue;
      if (d.c.status_cue) continue;  // set by a verification cue
      ClaimStatus st = ClaimStatus::kReported;
      if (d.c.kind == ClaimKind::kQuote || d.c.kind == ClaimKind::kReportedSpeech) {
        st = d.c.speaker && !d.c.speaker->anonymous ? ClaimStatus::kAsserted : ClaimStatus::kReported;
        const std::string side = d.c.speaker ? d.c.speaker->side : "";
        if (d.category == "social_media") st = ClaimStatus::kAlleged;
        if (d.category == "media") st = ClaimStatus::kReported;  // an outlet reports it
        if (d.verb == SpeechClass::kAllege) st = ClaimStatus::kAlleged;
        if (d.verb == SpeechClass::kDeny) st = ClaimStatus::kDenied;
        if (d.verb == SpeechClass::kConfirm && d.c.speaker && side != "party") st = ClaimStatus::kConfirmed;
        if (st != ClaimStatus::kAsserted && st != ClaimStatus::kReported) {
          d.c.status_cue = StatusCue{d.c.cue, d.c.cue_span};
        }
      } else if (d.verb == SpeechClass::kAllege) {
        st = ClaimStatus::kAlleged;
        d.c.status_cue = StatusCue{d.c.cue, d.c.cue_span};
      }
      // "claimed without evidence": the outlet's own hedge on the speaker.
      if (d.c.kind == ClaimKind::kReportedSpeech && !d.c.cue.empty()) {
        size_t from = a_.TokenAt(d.c.cue_span.end);
        for (size_t k = from; k + 1 < d.tb && k < from + 6; ++k) {
          if (W(k) == "without" && (W(k + 1) == "evidence" || W(k + 2) == "evidence" || W(k + 1) == "proof")) {
            st = ClaimStatus::kAlleged;
            size_t e = W(k + 1) == "evidence" || W(k + 1) == "proof" ? k + 2 : k + 3;
            d.c.status_cue = StatusCue{std::string(a_.SpanText(a_.TokenSpan(k, e))), a_.TokenSpan(k, e)};
            break;
          }
        }
      }
      // Hedges in the outlet's own voice: "allegedly", "purportedly"; in
      // Russian and Ukrainian also inside reported speech ("заявили, что
      // якобы ...", "стверджують, що нібито ...").
      if (d.c.kind == ClaimKind::kNarration || d.c.kind == ClaimKind::kReport ||
          (a_.Slavic() && d.c.kind == ClaimKind::kReportedSpeech)) {
        // "заявил, якобы ...": the hedge opens the clause, just before it.
        size_t from = a_.Slavic() && d.tb > 0 && IsHedge(d.tb - 1) ? d.tb - 1 : d.tb;
        // A speaker who denies or confirms a hedged report keeps that verb's status.
        bool judged = d.verb == SpeechClass::kDeny || d.verb == SpeechClass::kConfirm;
        for (size_t k = from; k < d.te && !judged; ++k) {
          if (IsHedge(k)) {
            st = ClaimStatus::kAlleged;
            d.c.status_cue = StatusCue{std::string(a_.TokenText(k)), a_.TokenSpan(k, k + 1)};
            break;
          }
        }
      }
      if (a_.Slavic() && SlavicDenial(d)) continue;
      if (d.denied_by) {
        st = ClaimStatus::kDenied;
        d.c.status_cue = StatusCue{std::string(a_.SpanText(*d.denied_by)), *d.denied_by};
      }
      d.c.status = st;
    }
  }

  // ---------------------------------------------------------------- dates

  void ApplyDate(Draft* d, const DateMention& m) {
    if (m.range()) {
      d->c.date_range = std::make_pair(m.from, m.to);
      d->c.date.reset();
    } else {
      d->c.date = m.from;
      d->c.date_range.reset();
    }
    d->c.time_precision = m.time_precision;
  }

  void Dates() {
    std::map<int, CivilDate> speaker_day;  // the last single day each person spoke on
    Draft* prev = nullptr;
    for (Draft& d : drafts_) {
      // Dates in the claim's own sentences, outside quotations; those inside
      // the claim's text first, then its attribution frame.
      const DateFound* inside = nullptr;
      const DateFound* frame = nullptr;
      uint32_t s_first = std::min(d.sentence_first, d.sentence);
      uint32_t s_last = std::max(d.sentence_last, d.sentence);
      auto [lo, hi] = ItemsIn(x_.dates, a_.seg.sentences[s_first].token_begin, a_.seg.sentences[s_last].token_end);
      int self = static_cast<int>(&d - drafts_.data());
      for (size_t i = lo; i < hi; ++i) {
        const DateFound& f = x_.dates[i];
        if (InQuote(f.token_begin)) continue;
        bool in_text = f.token_begin >= d.tb && f.token_end <= d.te;
        if (in_text && inside == nullptr) inside = &f;
        // A frame date belongs to this claim only if no other claim contains it.
        if (!in_text && frame == nullptr) {
          int owner = owner_[f.token_begin];
          if (owner < 0 || owner == self) frame = &f;
        }
      }
      const DateFound* chosen = inside != nullptr ? inside : frame;
      int person = d.c.speaker ? d.c.speaker->person_id : 0;
      bool speaks = d.c.kind == ClaimKind::kQuote || d.c.kind == ClaimKind::kReportedSpeech;
      if (chosen != nullptr) {
        DateMention m = chosen->mention;
        // "since the beginning of its invasion on Feb. 24, 2022": a "since"
        // a few words before a day makes a range from it.
        bool since = chosen->since;
        for (size_t k = chosen->token_begin; !since && k > d.tb && k + 9 > chosen->token_begin; --k) {
          if (a_.token(k - 1).kind == TokenKind::kPunct && !a_.IsPunct(k - 1, U',')) break;
          since = W(k - 1) == "since";
        }
        if (since && !chosen->since) {
          if (frame != nullptr && frame != chosen && !frame->mention.range()) {
            m.to = frame->mention.from;
          } else if (a_.published) {
            m.to = *a_.published;
          }
          m.time_precision = 3;
        }
        if (chosen->since && person > 0 && speaker_day.count(person)) m.to = speaker_day[person];
        ApplyDate(&d, m);
      } else if (o_.date_context_paragraphs > 0 && speaks && person > 0 && speaker_day.count(person)) {
        // A person quoted again without a date: most often the same statement.
        d.c.date = speaker_day[person];
        d.c.time_precision = 1;
        d.c.date_from_context = true;
      } else if (prev != nullptr && o_.date_context_paragraphs > 0 &&
                 d.paragraph <= prev->paragraph + static_cast<uint32_t>(o_.date_context_paragraphs)) {
        // News keeps its time frame from one paragraph to the next.
        d.c.date = prev->c.date;
        d.c.date_range = prev->c.date_range;
        d.c.time_precision = prev->c.time_precision;
        d.c.date_from_context = true;
      }
      // A date after publication ("next Monday", "by 2030": a plan or a
      // forecast) is this claim's own: never handed on to the claims after it.
      const std::optional<CivilDate> start = d.c.date ? d.c.date : d.c.date_range ? std::optional(d.c.date_range->first)
                                                                                   : std::nullopt;
      if (start && a_.published && *start > *a_.published) {
        prev = nullptr;
        continue;
      }
      if (person > 0 && d.c.date && !d.c.date_from_context) speaker_day[person] = *d.c.date;
      // Only a claim's own day or week is handed on; a months-long span is not.
      if (!d.c.date_from_context && d.c.time_precision > 0 && d.c.time_precision <= 2) prev = &d;
    }
  }

  // ---------------------------------------------------------------- links

  void Attach() {
    int prev_place = 0;
    uint32_t prev_para = UINT32_MAX;
    for (Draft& d : drafts_) {
      auto [pl, ph] = ItemsIn(x_.places, d.tb, d.te);
      for (size_t i = pl; i < ph; ++i) {
        if (x_.places[i].token_end <= d.te) d.c.places.push_back(static_cast<int>(i) + 1);
      }
      auto [ql, qh] = ItemsIn(x_.quantities, d.tb, d.te);
      for (size_t i = ql; i < qh; ++i) {
        if (x_.quantities[i].token_end <= d.te) d.c.quantities.push_back(static_cast<int>(i) + 1);
      }
      if (d.c.speaker && d.c.speaker->person_id > 0) d.c.people.push_back(d.c.speaker->person_id);
      for (size_t k = d.tb; k < d.te; ++k) {
        const EntityMention* m = x_.entities.At(k);
        if (m != nullptr && m->kind == EntityKind::kPerson && m->person > 0 &&
            std::find(d.c.people.begin(), d.c.people.end(), m->person) == d.c.people.end()) {
          d.c.people.push_back(m->person);
        }
      }
      d.c.event = TypeEvent(x_, d.tb, d.te, d.c.kind != ClaimKind::kQuote);
      if (d.c.event && !JudgeEvent(x_, d.tb, d.te, d.c.kind == ClaimKind::kQuote, &*d.c.event)) d.c.event.reset();
      // Where a speaker speaks ("told reporters in Brussels") is not where
      // the event happened: only the outlet's own sentences lend their places.
      bool lends = d.c.kind == ClaimKind::kNarration || d.c.kind == ClaimKind::kReport;
      if (d.c.event && d.c.event->place_id == 0 && d.c.speaker) {
        // "Authorities in Russia's Belgorod region said …": local officials
        // speak for the place their title names.
        size_t sb = a_.TokenAt(d.c.speaker->span.begin), se = a_.TokenAt(d.c.speaker->span.end);
        auto [spl, sph] = ItemsIn(x_.places, sb, se);
        for (size_t i = spl; i < sph; ++i) {
          const PlaceFound& p = x_.places[i];
          if (p.place.metonym_for.empty() && p.place.kind != "country") {
            d.c.event->place_id = static_cast<int>(i) + 1;
            break;
          }
        }
      }
      if (d.c.event && d.c.event->place_id == 0 && lends) {
        // The sentence's place, or the paragraph's last event place.
        const ::sitrep::Sentence& sent = a_.seg.sentences[d.sentence];
        int place = 0;
        auto [sl, sh] = ItemsIn(x_.places, sent.token_begin, sent.token_end);
        for (size_t i = sl; i < sh && place == 0; ++i) {
          const PlaceFound& p = x_.places[i];
          if (p.place.metonym_for.empty() && p.place.kind != "country") place = static_cast<int>(i) + 1;
        }
        if (place == 0 && prev_para == d.paragraph) place = prev_place;
        d.c.event->place_id = place;
      }
      if (d.c.event && d.c.event->place_id > 0) {
        prev_place = d.c.event->place_id;
        prev_para = d.paragraph;
      }
    }
  }
};

}  // namespace

std::vector<Claim> BuildClaims(const DocContext& ctx, const ClaimOptions& options) {
  return ClaimBuilder(ctx, options).Run();
}

}  // namespace sitrep
