// Russian and Ukrainian sourcing: impersonal cues, "сообщает X", citing outlets, source lines.
#include "events/claim_builder.h"

namespace sitrep::claim_internal {

// ---------------------------------------------------------------- Russian and Ukrainian

// "говорится в сообщении", "йдеться у повідомленні": a statement speaks
// without a subject.
bool ClaimBuilder::IsImpersonalCue(size_t k) const {
  return k < a_.token_count() && Fn(k, FunctionClass::kImpersonalCue);
}

// Who a statement is from: "в сообщении Минобороны", "у повідомленні
// Генштабу", "в телеграм-канале губернатора"; not found when it names no one.
SpeakerRef ClaimBuilder::MessageSource(size_t k) const {
  if (Fn(k, FunctionClass::kIn)) ++k;
  if (!Fn(k, FunctionClass::kMessage)) return {};
  return SlavicSpeakerFrom(k + 1);
}

// The claim of a Russian or Ukrainian source phrase, from its cue's
// tokens [cue_b, cue_e) and the source named after it (when r.found).
void ClaimBuilder::SourcedClaim(uint32_t s, size_t cue_b, size_t cue_e, const SpeakerRef& r, SpeechClass cls) {
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
bool ClaimBuilder::CitingOutlet(uint32_t s, size_t cue_b, size_t after_source) {
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
void ClaimBuilder::SlavicSources(uint32_t s) {
  using F = FunctionClass;
  const ::sitrep::Sentence& sent = a_.seg.sentences[s];
  for (size_t k = start_[s]; k < sent.token_end; ++k) {
    if (used_[k] || InQuote(k) || claimed_[k]) continue;
    size_t cue_e = 0;
    SpeechClass cls = SpeechClass::kReport;
    SpeakerRef r;
    const bool opinion = Fn(k, F::kAccordingOpinion);
    if (opinion || Fn(k, F::kAccording)) {
      size_t j = k + 1;
      size_t possessive = SIZE_MAX;
      if (Fn(j, F::kPossessive)) possessive = j++;
      if (Fn(j, F::kHedgedSource)) {
        cls = SpeechClass::kAllege;
        ++j;
      } else if (Fn(j, F::kSourceAdjective)) {
        ++j;
      }
      bool noun = opinion ? Fn(j, F::kOpinion) : Fn(j, F::kSourceNoun);
      if (!noun) continue;
      cue_e = j + 1;
      r = possessive != SIZE_MAX ? PossessiveSpeaker(possessive) : SlavicSpeakerFrom(cue_e);
      if (r.found && !r.unnamed && cls == SpeechClass::kReport) cls = SpeechClass::kSay;
    } else if (Fn(k, F::kCitingWith) && Fn(k + 1, F::kCiting) && Fn(k + 2, F::kCitingTo)) {
      cue_e = k + 3;
      r = SlavicSpeakerFrom(cue_e);
      if (CitingOutlet(s, k, r.found ? r.te : cue_e)) return;
    } else if (Fn(k, F::kPer)) {
      size_t j = k + 1;
      if (Fn(j, F::kPerWith)) ++j;
      if (Fn(j, F::kPerNoun)) ++j;
      cue_e = j;
      r = SlavicSpeakerFrom(cue_e);
      if (!r.found) continue;
    } else if (Fn(k, F::kAs) && k + 1 < sent.token_end) {
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
void ClaimBuilder::SourceLine() {
  for (const Paragraph& p : a_.seg.paragraphs) {
    if (p.sentence_begin == p.sentence_end) continue;
    size_t b = a_.seg.sentences[p.sentence_begin].token_begin;
    size_t e = a_.seg.sentences[p.sentence_end - 1].token_end;
    if (!Fn(b, FunctionClass::kSourceLabel) || !a_.IsPunct(b + 1, U':') || e > b + 10) continue;
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

// "По информации ведомства", "у відомстві повідомили": the body that spoke
// last (an organisation named by a claim before, within three paragraphs)
// speaks again. Runs on drafts_ in text order.
void ClaimBuilder::BodyAnaphors() {
  const Draft* body = nullptr;
  for (Draft& d : drafts_) {
    if (!d.c.speaker) continue;
    const Speaker& sp = *d.c.speaker;
    bool anaphor = false;
    if (sp.person_id == 0 && sp.span.end > sp.span.begin) {
      size_t b = a_.TokenAt(sp.span.begin), e = a_.TokenAt(sp.span.end);
      for (size_t k = b; k < e && k < b + 3 && k < a_.token_count() && !anaphor; ++k) {
        anaphor = Fn(k, FunctionClass::kBodyAnaphor) || a_.lex.IsFunctionWord(a_.L(k), FunctionClass::kBodyAnaphor);
      }
    }
    if (!anaphor) {
      if (sp.person_id == 0 && !sp.anonymous && !sp.name.empty()) body = &d;
      continue;
    }
    if (body == nullptr || body->paragraph + 3 < d.paragraph) continue;
    Span span = sp.span;
    d.c.speaker = body->c.speaker;
    d.c.speaker->span = span;
    d.category = body->category;
  }
}

// "Российские паблики утверждают, что ... . В ВСУ это опровергают.", "У
// Силах оборони це спростовують": a denial whose object is "это"/"це" and
// that makes no claim of its own denies the claim before it (in its
// paragraph or the one before). Runs on drafts_ in text order.
void ClaimBuilder::DemonstrativeDenials() {
  for (uint32_t s = 0; s < a_.seg.sentences.size(); ++s) {
    const ::sitrep::Sentence& sent = a_.seg.sentences[s];
    size_t verb = SIZE_MAX;
    for (size_t k = sent.token_begin; k < sent.token_end && verb == SIZE_MAX; ++k) {
      const SpeechVerb* sv = InQuote(k) ? nullptr : SpeechAt(k);
      if (sv == nullptr || sv->cls != SpeechClass::kDeny) continue;
      for (size_t j = k > sent.token_begin + 2 ? k - 2 : sent.token_begin; j < k + 3 && j < sent.token_end; ++j) {
        if (j != k && Fn(j, FunctionClass::kDemonstrative)) verb = k;
      }
    }
    if (verb == SIZE_MAX) continue;
    Draft* before = nullptr;
    bool own = false;
    for (Draft& d : drafts_) {
      if (d.sentence == s || (d.tb >= sent.token_begin && d.tb < sent.token_end)) own = true;
      if (d.te <= sent.token_begin && d.paragraph + 1 >= a_.seg.sentences[s].paragraph) before = &d;
    }
    if (own || before == nullptr || before->denied_by) continue;
    before->denied_by = a_.TokenSpan(verb, verb + 1);
  }
}

// "Об этом сообщил губернатор X.", "Про це повідомили в ОВА.", "Об этом
// говорится в сообщении Минобороны.": the sentence before says what.
void ClaimBuilder::AboutThis(uint32_t s) {
  const size_t sb = start_[s], se = a_.seg.sentences[s].token_end;
  if (s == 0 || sb + 3 > se) return;
  bool about = Fn(sb, FunctionClass::kAbout) && Fn(sb + 1, FunctionClass::kAboutThis);
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

}  // namespace sitrep::claim_internal
