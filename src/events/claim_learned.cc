// The attribution tagger's spans turned into claims.
#include "events/claim_builder.h"

namespace sitrep::claim_internal {

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
std::pair<size_t, size_t> ClaimBuilder::TaggedIn(uint32_t s) {
  const std::vector<AttributionSpan>& spans = x_.attributions;
  while (next_tagged_ < spans.size() && spans[next_tagged_].sentence < s) ++next_tagged_;
  size_t last = next_tagged_;
  while (last < spans.size() && spans[last].sentence == s) ++last;
  return {next_tagged_, last};
}

void ClaimBuilder::Learned(uint32_t s) {
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
    // cue, "denied approval" is an act (a denial or confirmation that
    // attributes only a that-clause or a quotation; see ActUnlessThat).
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
    // A violent act the event lexicon names without doubt is no
    // attribution: "Police fired tear gas …", "Troops shelled the village"
    // (the tagger learned cues from their place between a subject and a
    // clause). Words that are also verbal ("attacked the plan", "signed",
    // "protested": generic or non-violent triggers) stay cues — but a protest
    // by a counted crowd is the act.
    if (sv == nullptr) {
      bool act = false;
      const bool cued_elsewhere = OtherCueInSentence(cue, s);
      for (size_t k = cue.token_begin; k < cue.token_end && !act; ++k) {
        const TriggerPattern* t = nullptr;
        if (a_.lex.MatchTrigger(a_.Lemmas(), k, sent_end(s), &t) <= 0) continue;
        act = ((!t->generic || cued_elsewhere) &&
               (ViolentType(*t) || (t->type == "Protests" && CountedBefore(cue, s)))) ||
              (t->generic && ViolentType(*t) && !SpeakerBeforeCue(first, last, cue, s));
      }
      if (act || (cued_elsewhere && TriggerNear(cue))) continue;
    }
    // The clause the rules take whole around a trailing attribution ("…,
    // the agency reported"; between commas, "The bridge, the governor
    // said, was destroyed", the sentence) wins over tagged content inside
    // it: the tagger cuts "late on Tuesday" or "Drones hit" off a clause.
    const std::pair<size_t, size_t> trailing = TrailingContent(first, last, cue, s);
    std::pair<size_t, size_t> content = TaggedContent(first, last, cue);
    if (content.first >= content.second ||
        (trailing.first < trailing.second && trailing.first <= content.first && content.second <= trailing.second) ||
        (trailing.first < trailing.second && trailing.second > cue.token_end)) {
      content = trailing;
    }
    if (content.first >= content.second) content = ColonContent(cue, s);
    if (content.first >= content.second) content = ClauseAfterTaggedSource(first, last, cue, s);
    if (content.first >= content.second) continue;
    // A content after its cue that stops inside a clause (the tagger left
    // out a word) runs on to the clause's end.
    if (content.first >= cue.token_end && content.second < sent_end(s) && a_.IsWord(content.second)) {
      content.second = std::max(content.second, ClauseEnd(content.first, sent_end(s)));
    }
    const AttributionSpan* source = LearnedSource(first, last, cue, content, s);
    if (sv != nullptr && sv->needs_that && !InQuote(content.first) && W(content.first) != "that" &&
        !ThatlessClause(head, cue, content) && (ActUnlessThat(*sv, head) || ActorIsAnEvent(source, cue, s))) {
      continue;
    }
    if (!KeepLearned(s, cue, content)) continue;
    SpeakerRef r =
        source != nullptr ? FromPhrase(source->token_begin, source->token_end) : UntaggedSpeaker(cue, content);
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

// A cue and its source tagged with no content ("residents fear", beliefs
// and intentions): the clause right after the cue, as the rules take a
// speech verb's, when the source stands before it and the cue is no event
// trigger.
std::pair<size_t, size_t> ClaimBuilder::ClauseAfterTaggedSource(size_t first, size_t last, const AttributionSpan& cue,
                                                                uint32_t s) const {
  const AttributionSpan* source = NearestTagged(first, last, cue, AttributionRole::kSource, /*after=*/false);
  if (source == nullptr || source->token_end > cue.token_begin) return {0, 0};
  // Without tagged content a cue that names an act ("Police arrested
  // dozens of activists") is the act, not a belief.
  if (TriggerIn(cue.token_begin, cue.token_end, sent_end(s))) return {0, 0};
  const size_t b = cue.token_end;
  if (b >= sent_end(s) || !a_.IsWord(b)) return {0, 0};
  const size_t e = ClauseEnd(b, sent_end(s));
  return e > b + 1 ? std::make_pair(b, e) : std::make_pair(size_t{0}, size_t{0});
}

// A that-frame verb the tagger marks with an object for content: a denial
// or confirmation is an act there ("denied approval for the convoy",
// "confirmed the appointment": no claim is denied or confirmed), and so is
// a declaration (function_words.tsv `act_object`: "declared a state of
// emergency"); other verbs attribute it as PolNeAR marks them ("accused
// Ukraine of shelling the station", "announced the capture of two
// villages", "signalled willingness to talk"; on dev 32 of the 52 cues
// this gate refused for all that-frame verbs were gold cues).
bool ClaimBuilder::ActUnlessThat(const SpeechVerb& sv, size_t head) const {
  return sv.cls == SpeechClass::kDeny || sv.cls == SpeechClass::kConfirm || Is(W(head), FunctionClass::kActObject);
}

// The one who "demands", "announces" or "claims" an object is an event's
// actor ("Thousands of demonstrators demanded the government's
// resignation", "Gunmen demanded a ransom"): an event trigger in the tagged
// source, or in the four words before the cue when none is tagged, keeps the
// sentence the narration that carries the event.
bool ClaimBuilder::ActorIsAnEvent(const AttributionSpan* source, const AttributionSpan& cue, uint32_t s) const {
  const auto [from, to] = SubjectOf(source, cue, s);
  return TriggerIn(from, to, to);
}

// The words that name who acts at `cue`: its tagged source, or the four
// words before it in its sentence when none is tagged.
std::pair<size_t, size_t> ClaimBuilder::SubjectOf(const AttributionSpan* source, const AttributionSpan& cue,
                                                  uint32_t s) const {
  if (source != nullptr) return {source->token_begin, source->token_end};
  return {std::max<size_t>(start_[s], cue.token_begin >= 4 ? cue.token_begin - 4 : 0), cue.token_begin};
}

// Whether the subject of `cue` (its tagged source, else the four words
// before it) names someone who speaks: a person, a pronoun, an organisation,
// a role or an actor that is not an armed force. "Trump attacked Clinton over
// her emails" is an attribution (PolNeAR marks it); "Militants attacked a
// bus", "Russian forces attacked the village", "Troops killed three" are the
// act, whatever the tagger learned from where "attacked" stands.
bool ClaimBuilder::SpeakerBeforeCue(size_t first, size_t last, const AttributionSpan& cue, uint32_t s) const {
  const AttributionSpan* source = NearestTagged(first, last, cue, AttributionRole::kSource, /*after=*/false);
  if (source != nullptr && source->token_end > cue.token_begin) source = nullptr;
  const auto [from, to] = SubjectOf(source, cue, s);
  for (size_t k = from; k < to; ++k) {
    const EntityMention* m = x_.entities.At(k);
    if (m == nullptr) continue;
    switch (m->kind) {
      case EntityKind::kRole:
        if (m->role->category != "military") return true;
        break;
      case EntityKind::kActor:
        if (m->actor->kind != "body" && m->actor->kind != "demonym" && m->actor->category != "military" &&
            m->actor->category != "armed_group") {
          return true;
        }
        break;
      default: return true;  // a person, a pronoun, an organisation
    }
  }
  return false;
}

// A violent event type: battles, explosions, violence against civilians, riots.
bool ClaimBuilder::ViolentType(const TriggerPattern& t) {
  return t.type == "Battles" || t.type == "Explosions/Remote violence" || t.type == "Violence against civilians" ||
         t.type == "Riots";
}

// A number before `cue` in its sentence: a counted crowd ("Thousands of
// people protested against the tax") marches; one speaker protests a decision.
bool ClaimBuilder::CountedBefore(const AttributionSpan& cue, uint32_t s) const {
  // Quantities come in token order (FindQuantities scans left to right).
  auto q = std::lower_bound(x_.quantities.begin(), x_.quantities.end(), start_[s],
                            [](const QuantityFound& f, size_t token) { return f.token_begin < token; });
  return q != x_.quantities.end() && q->token_end <= cue.token_begin;
}

// An event trigger among the words of `cue` or the two before it ("Drones
// hit": the weapon that acts, not a source that speaks).
bool ClaimBuilder::TriggerNear(const AttributionSpan& cue) const {
  return TriggerIn(cue.token_begin >= 2 ? cue.token_begin - 2 : 0, cue.token_end, cue.token_end);
}

// An event trigger starting at a word of [from, to) and ending by `end`.
bool ClaimBuilder::TriggerIn(size_t from, size_t to, size_t end) const {
  for (size_t k = from; k < to; ++k) {
    const TriggerPattern* t = nullptr;
    if (a_.lex.MatchTrigger(a_.Lemmas(), k, end, &t) > 0) return true;
  }
  return false;
}

// Another attribution in the sentence of `cue`: a speech verb outside it
// or "according to" ("Drones hit a school, according to the
// administration": "hit" is the act, not a cue).
bool ClaimBuilder::OtherCueInSentence(const AttributionSpan& cue, uint32_t s) const {
  for (size_t k = a_.seg.sentences[s].token_begin; k < sent_end(s); ++k) {
    if (k >= cue.token_begin && k < cue.token_end) continue;
    if (W(k) == "according" || SpeechAt(k) != nullptr) return true;
  }
  return false;
}

// A verb that attributes only a that-clause or a quotation ("denied
// approval" is an act) also attributes, right after it, a clause without
// "that" — a finite auxiliary among its first words: "announced it would
// end the incentives", "believes his efforts will be his legacy" — and,
// when it names an intention, an infinitive: "pledged to push for",
// "urges supporters to monitor".
bool ClaimBuilder::ThatlessClause(size_t head, const AttributionSpan& cue, std::pair<size_t, size_t> content) const {
  size_t gap = content.first;
  while (gap > cue.token_end && InDate(gap - 1)) --gap;
  if (content.first < cue.token_end || gap != cue.token_end) return false;
  const size_t look = std::min(content.second, content.first + 8);
  bool intention = Is(W(head), FunctionClass::kIntention);
  for (size_t k = content.first; k < look; ++k) {
    // Not in a clause of a noun ("comment on a policy that would ..."),
    // nor after "to" ("is estimated to have been built").
    if (Is(W(k), FunctionClass::kClauseOpener)) return false;
    if (Is(W(k), FunctionClass::kFinite) && (k == content.first || W(k - 1) != "to")) return true;
    if (intention && W(k) == "to" && k < content.first + 4) return true;
  }
  return false;
}

// The tagged source that names the speaker of `cue`: the nearest before
// it, else after it; right after an inverted cue; none inside the content
// (unless the cue is inside too) and no bare article.
const AttributionSpan* ClaimBuilder::LearnedSource(size_t first, size_t last, const AttributionSpan& cue,
                                                   std::pair<size_t, size_t> content, uint32_t s) const {
  const AttributionSpan* source = NearestTagged(first, last, cue, AttributionRole::kSource, /*after=*/false);
  // "…,” said Ann Lee." and "…, noted Ann Lee": after its content, a
  // cue that opens a clause is followed by its source.
  if (Inverted(cue, content)) {
    if (const AttributionSpan* after = SourceAfter(first, last, cue, s)) source = after;
  }
  // A source inside the content is not its speaker, unless the cue is
  // inside too (an attribution between commas).
  bool interposed = content.first < cue.token_begin && cue.token_end < content.second;
  if (source != nullptr && source->token_begin < content.second && content.first < source->token_end &&
      !interposed) {
    source = nullptr;
  }
  // A bare article is not a source ("a claim that could not be verified").
  if (source != nullptr && source->token_end == source->token_begin + 1 &&
      (W(source->token_begin) == "a" || W(source->token_begin) == "an" || W(source->token_begin) == "the")) {
    source = nullptr;
  }
  return source;
}

// The speaker of a tagged cue whose source the tagger did not mark, found
// as the rules find theirs: the subject before the cue ("It attacked the
// plan, saying …", "Protesters chanted …"), or, for a cue that follows
// its content after a comma or quotation ("…, said Ann Lee."), the name
// after it. None when those words are part of the content or name no one.
SpeakerRef ClaimBuilder::UntaggedSpeaker(const AttributionSpan& cue, std::pair<size_t, size_t> content) const {
  SpeakerRef r;
  if (Inverted(cue, content)) r = SpeakerAfter(cue.token_end - 1);
  if (!r.found) r = SpeakerBefore(cue.token_begin);
  if (!r.found || r.te <= r.tb || (r.tb < content.second && content.first < r.te)) return {};
  // Someone the text names (not "Reservations are requested", nor a date:
  // "trustees Tuesday approved").
  bool named = false;
  for (size_t k = r.tb; k < r.te; ++k) {
    if (InDate(k)) return {};
    named = named || x_.entities.At(k) != nullptr;
  }
  return named ? r : SpeakerRef{};
}

// A cue after its content that opens a clause, after a comma or a
// closing quotation mark: "…,” said Ann Lee", "…, noted the mayor".
bool ClaimBuilder::Inverted(const AttributionSpan& cue, std::pair<size_t, size_t> content) const {
  if (content.second > cue.token_begin || cue.token_begin == 0) return false;
  const size_t k = cue.token_begin - 1;
  return a_.IsPunct(k, U',') || (a_.token(k).kind == TokenKind::kPunct && IsClosingQuote(a_.token(k).first));
}

// The tagged source right after an inverted cue (dates aside), or null.
const AttributionSpan* ClaimBuilder::SourceAfter(size_t first, size_t last, const AttributionSpan& cue,
                                                 uint32_t s) const {
  size_t k = cue.token_end;
  while (k < sent_end(s) && InDate(k)) ++k;
  for (size_t i = first; i < last; ++i) {
    const AttributionSpan& t = x_.attributions[i];
    if (t.role == AttributionRole::kSource && t.token_begin >= cue.token_end && t.token_begin <= k) return &t;
  }
  return nullptr;
}

// Gives draft d the learned cue and the speaker its source names.
void ClaimBuilder::AttributeLearned(Draft* d, const SpeakerRef& r, const AttributionSpan& cue, const SpeechVerb* sv,
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
Draft* ClaimBuilder::UnattributedQuote(uint32_t s, std::pair<size_t, size_t> content) {
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
bool ClaimBuilder::KeepLearned(uint32_t s, const AttributionSpan& cue, std::pair<size_t, size_t> content) const {
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
// (dates aside) attribute what comes before the comma, tagged or not;
// between two commas ("The bridge, the governor said, was destroyed"),
// the whole sentence.
std::pair<size_t, size_t> ClaimBuilder::TrailingContent(size_t first, size_t last, const AttributionSpan& cue,
                                                        uint32_t s) const {
  const AttributionSpan* source = NearestTagged(first, last, cue, AttributionRole::kSource, /*after=*/false);
  // An inverted cue ("…, according to the administration", "…, said the
  // agency") has its source right after it, whatever source stands before.
  if (cue.token_begin > start_[s] && a_.IsPunct(cue.token_begin - 1, U',')) {
    if (const AttributionSpan* after = SourceAfter(first, last, cue, s)) source = after;
  }
  if (source == nullptr) return {0, 0};
  size_t from = std::min(source->token_begin, cue.token_begin), to = std::max(source->token_end, cue.token_end);
  if (to - from > source->token_end - source->token_begin + cue.token_end - cue.token_begin) return {0, 0};
  if (from <= start_[s] + 1 || !a_.IsPunct(from - 1, U',')) return {0, 0};
  for (size_t k = to; k < sent_end(s); ++k) {
    // "The bridge, the governor said, was destroyed overnight": between
    // commas, the attribution holds the sentence around it.
    if (a_.IsPunct(k, U',') && k + 1 < sent_end(s) && a_.IsWord(k + 1)) {
      size_t end = sent_end(s);
      while (end > k + 1 && a_.token(end - 1).kind == TokenKind::kPunct && !InQuote(end - 1)) --end;
      return {start_[s], end};
    }
    if (a_.token(k).kind != TokenKind::kPunct && !InDate(k)) return {0, 0};
  }
  return {start_[s], from - 1};
}

// "The governor added:" closing its paragraph, then what he said as a
// paragraph of its own: that paragraph is the content. A quotation there
// is the rules' (a quotation after "said:"), and so is a paragraph that
// names its own source.
std::pair<size_t, size_t> ClaimBuilder::ColonContent(const AttributionSpan& cue, uint32_t s) const {
  size_t k = cue.token_end;
  while (k < sent_end(s) && InDate(k)) ++k;
  const auto& sentences = a_.seg.sentences;
  if (k + 1 != sent_end(s) || !a_.IsPunct(k, U':') || s + 1 >= sentences.size()) return {0, 0};
  const Paragraph& para = a_.seg.paragraphs[sentences[s].paragraph];
  if (para.sentence_end != s + 1) return {0, 0};
  const Paragraph& next = a_.seg.paragraphs[sentences[s + 1].paragraph];
  size_t b = sentences[s + 1].token_begin, e = sentences[next.sentence_end - 1].token_end;
  if (b >= e || InQuote(b)) return {0, 0};
  for (size_t j = b; j < e; ++j) {
    if (SpeechAt(j) != nullptr) return {0, 0};
  }
  return {b, e};
}

// The tokens of the content tagged for `cue`: the tagged content spans
// after it up to the next cue (a content may be cut by a word the tagger
// left out), else those before it back to the previous cue.
std::pair<size_t, size_t> ClaimBuilder::TaggedContent(size_t first, size_t last, const AttributionSpan& cue) const {
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
const AttributionSpan* ClaimBuilder::NearestTagged(size_t first, size_t last, const AttributionSpan& cue,
                                                   AttributionRole role, bool after) const {
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
void ClaimBuilder::DropNarration(uint32_t s, size_t b, size_t e, size_t cue) {
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
void ClaimBuilder::SpeakerWords(Draft* d, size_t b, size_t e, bool anonymous) {
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
void ClaimBuilder::MarkAnonymous(Draft* d, size_t b, size_t e) {
  d->c.speaker.reset();
  SpeakerWords(d, b, e, /*anonymous=*/true);
}

// "Podolyak said Kyiv would “continue to take the war back to Russia.”":
// a quotation inside reported speech has that speech's speaker.
void ClaimBuilder::QuotesInsideSpeech() {
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

}  // namespace sitrep::claim_internal
