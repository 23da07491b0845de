// Claims and their attribution: quotes, reported speech, trailing and colon attribution, reports, narration.
#include "events/claim_builder.h"

namespace sitrep::claim_internal {

// ---------------------------------------------------------------- claims

Draft& ClaimBuilder::NewDraft(ClaimKind kind, size_t tb, size_t te, uint32_t sentence) {
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

void ClaimBuilder::SetSpeaker(Draft* d, const SpeakerRef& r, size_t verb) {
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

namespace {

// The first token at or after `k` (before `n`) that a line break precedes:
// where the line of token k - 1 ends; n when the line runs on to n.
size_t LineEnd(const Analysis& a, size_t k, size_t n) {
  for (; k < n; ++k) {
    if (k == 0) continue;
    std::string_view gap = a.text.substr(a.token(k - 1).end, a.token(k).begin - a.token(k - 1).end);
    if (gap.find('\n') != std::string_view::npos) return k;
  }
  return n;
}

}  // namespace

// The speech verb and speaker of a quotation, after or before its marks.
bool ClaimBuilder::AttributeQuote(const QuoteMention& q, size_t q_index, Draft* d) {
  size_t after = q.token_end + (q.closed ? 1 : 0);
  // Only the quotation's own paragraph can name its speaker after it.
  const Paragraph& para = a_.seg.paragraphs[q.paragraph];
  size_t n = std::min<size_t>(a_.token_count(), a_.seg.sentences[para.sentence_end - 1].token_end);
  bool crosses = after < n && a_.sentence_of[after] != a_.sentence_of[q.token_end > 0 ? q.token_end - 1 : 0];
  // "“…” ― Sonya Herridge" or "“…” — Ivan Petrenko, a farmer": a dash and
  // a name (with at most a short apposition) close the paragraph, or the
  // line in a list of such quotations, one a line (each name goes with the
  // quotation before it).
  if (after + 1 < n && a_.token(after).kind == TokenKind::kPunct &&
      (a_.token(after).first == 0x2015 || a_.token(after).first == 0x2014 || a_.token(after).first == 0x2013)) {
    size_t name_end = after + 1;
    while (name_end < n && name_end < after + 7 && a_.token(name_end).capitalized &&
           (a_.IsWord(name_end) || a_.IsPunct(name_end, U'.'))) {
      ++name_end;
    }
    const size_t line_end = LineEnd(a_, name_end, n);
    bool closes = line_end - name_end <= 10 &&
                  (name_end == line_end || a_.IsPunct(name_end, U',') || a_.IsPunct(name_end, U'.'));
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

void ClaimBuilder::Quotes(uint32_t s) {
  // Each quotation once, in the sentence where it closes.
  for (size_t qi : quotes_closing_[s]) {
    const QuoteMention& q = x_.quotes[qi];
    // A quoted transcript line ("\"WALLACE: …") is the colon's claim already.
    if (std::find(transcript_labels_.begin(), transcript_labels_.end(), q.token_begin) != transcript_labels_.end()) {
      continue;
    }
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
        dd.c.cue_span = prev->c.cue_span;  // the cue's words where they stand, not an empty span at 0
        dd.category = prev->category;
      }
    }
  }
}

// True when nothing but an object, a time or a place follows the verb at
// v: "he said.", "Voloshyn told reporters.", "she said in an interview."
bool ClaimBuilder::BareAttribution(size_t v) const {
  const size_t se = SentenceEnd(v);
  size_t k = v + 1;
  while (k < se && (x_.entities.At(k) != nullptr || IsObjectWord(W(k)))) ++k;  // "told Digital"
  if (k >= se || a_.token(k).kind == TokenKind::kPunct) return true;
  return x_.date_at[k] >= 0 || (IsPreposition(W(k)) && W(k) != "that");
}

// Where the clause after `from` ends: ";" or ", but".
size_t ClaimBuilder::ClauseEnd(size_t from, size_t se) const {
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
bool ClaimBuilder::Complement(size_t v, const SpeechVerb& sv, size_t* cb, size_t* ce) const {
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
    size_t k = c;
    if (W(k) == "the" || W(k) == "media" || W(k) == "western") ++k;
    if (Is(W(k), FunctionClass::kClaimNoun) && W(k + 1) == "that") c = k + 1;
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
  if (!has_that && (IsPreposition(W(c)) || Is(W(c), FunctionClass::kNoContent))) return false;
  size_t e = ClauseEnd(c, se);
  // In Russian and Ukrainian a count is a word of the clause: "повідомив,
  // що відбито 38 атак".
  int words = 0;
  for (size_t k = c; k < e; ++k) {
    bool counted = a_.IsWord(k) || (a_.Slavic() && a_.token(k).kind == TokenKind::kNumber);
    words += counted && x_.date_at[k] < 0;
  }
  if (words < 3) return false;
  *cb = c;
  *ce = e;
  return true;
}

void ClaimBuilder::ReportedSpeech(uint32_t s) {
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
    // "X claimed … and denied …", "did not comment, but said …",
    // "X said …, adding that …": the subject of the earlier verb. A
    // participle after a comma has the main clause's subject, not the
    // name before the comma ("spoke on Telegram, saying …").
    bool participle = v > sent.token_begin && a_.IsPunct(v - 1, U',') && W(v).ends_with("ing");
    bool coordinated = v > sent.token_begin && (W(v - 1) == "and" || W(v - 1) == "but" || participle);
    SpeakerRef r = participle ? ParticipleSubject(s, v) : SpeakerRef{};
    if (!r.found) r = SpeakerBefore(v);
    if (!r.found && coordinated) r = SubjectOfEarlierVerb(v);
    if (!r.found) continue;
    Draft& d = NewDraft(r.unnamed ? ClaimKind::kReport : ClaimKind::kReportedSpeech, cb, ce, s);
    SetSpeaker(&d, r, v);
    NoteSpeaker(r, v);
    if (r.unnamed) MarkAnonymous(&d, r.tb, r.te);
    v = ce;
  }
}

// The speaker of a participle after a comma ("The mayor spoke on
// Telegram, saying …"): the subject of an earlier speech verb, else the
// first source the tagger marks in the sentence before it.
SpeakerRef ClaimBuilder::ParticipleSubject(uint32_t s, size_t v) {
  SpeakerRef r = SubjectOfEarlierVerb(v);
  if (r.found) return r;
  auto [first, last] = TaggedIn(s);
  for (size_t i = first; i < last; ++i) {
    const AttributionSpan& t = x_.attributions[i];
    if (t.token_begin >= v) break;
    if (t.role == AttributionRole::kSource && t.token_begin >= SentenceBegin(v))
      return FromPhrase(t.token_begin, t.token_end);
  }
  // Untagged: a person, role, organisation or pronoun opening the sentence.
  size_t b = SentenceBegin(v);
  if (W(b) == "the" && b + 1 < v) ++b;
  const EntityMention* m = x_.entities.At(b);
  if (m == nullptr || m->token_begin != b || m->token_end >= v) return {};
  if (m->kind == EntityKind::kActor && m->actor->kind == "demonym") return {};
  return FromPhrase(m->token_begin, m->token_end);
}

// "X and said Y": the subject of the sentence's earlier verb speaks again.
SpeakerRef ClaimBuilder::SubjectOfEarlierVerb(size_t v) const {
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
void ClaimBuilder::Trailing(size_t v, uint32_t s) {
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
void ClaimBuilder::Reports(uint32_t s) {
  const ::sitrep::Sentence& sent = a_.seg.sentences[s];
  const size_t sb = sent.token_begin, se = sent.token_end;
  for (size_t k = sb; k < se; ++k) {
    if (used_[k] || InQuote(k)) continue;
    std::string_view w = W(k);  // compared with literals below: no out-of-line compare() each
    size_t cue_b = k, cue_e = 0, cb = 0, ce = 0;
    bool alleged = false;
    if (w == "reports" || w == "report") {
      alleged = k > sb && (W(k - 1) == "unconfirmed" || W(k - 1) == "unverified");
      size_t limit = std::min(se, k + 6);
      for (size_t v = k + 1; v < limit; ++v) {
        std::string_view vw = W(v);
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
void ClaimBuilder::AccordingTo(size_t k, uint32_t s) {
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
bool ClaimBuilder::Negated(size_t v) const {
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

bool ClaimBuilder::IsVerificationVerb(size_t k) const {
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
// перевірити", "неможливо підтвердити", "требует проверки": where the cue
// starts (its "не" or "требует"),
// or SIZE_MAX when the word at k is no negated verification verb.
size_t ClaimBuilder::SlavicVerificationStart(size_t k) const {
  if (k >= a_.token_count()) return SIZE_MAX;
  size_t sb = SentenceBegin(k);
  // "Информация требует проверки", "дані потребують підтвердження".
  if (a_.lex.IsFunctionWord(a_.L(k), FunctionClass::kVerifyNoun)) {
    for (size_t j = k; j > sb && j + 3 > k; --j) {
      if (Fn(j - 1, FunctionClass::kNeed) || a_.lex.IsFunctionWord(a_.L(j - 1), FunctionClass::kNeed)) return j - 1;
      if (a_.token(j - 1).kind == TokenKind::kPunct) break;
    }
    return SIZE_MAX;
  }
  if (!a_.lex.IsFunctionWord(a_.L(k), FunctionClass::kVerify)) return SIZE_MAX;
  for (size_t j = k; j > sb && j + 6 > k; --j) {
    if (Fn(j - 1, FunctionClass::kNot) || Fn(j - 1, FunctionClass::kImpossible)) return j - 1;
    if (a_.token(j - 1).kind == TokenKind::kPunct) break;
  }
  // "Подтвердить эти данные пока невозможно", "перевірити це неможливо".
  size_t se = SentenceEnd(k);
  for (size_t j = k + 1; j < se && j < k + 6; ++j) {
    if (Fn(j, FunctionClass::kImpossible)) return k;
    if (a_.token(j).kind == TokenKind::kPunct) break;
  }
  return SIZE_MAX;
}

// Narration: the outlet's own statements of events and numbers.
void ClaimBuilder::Narration(uint32_t s) {
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

void ClaimBuilder::FindVerificationCues(uint32_t s) {
  const ::sitrep::Sentence& sent = a_.seg.sentences[s];
  for (size_t k = sent.token_begin; k < sent.token_end; ++k) {
    if (InQuote(k)) continue;
    std::string_view w = W(k);  // compared with literals below: no out-of-line compare() each
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
void ClaimBuilder::TrailingDenials() {
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

void ClaimBuilder::Sentence(uint32_t s) {
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
void ClaimBuilder::TaggedSpeakerSpans(uint32_t s) {
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
// nor does a place ("KYIV:" is a dateline) unless a quotation mark opens
// the line ("\"WALLACE: …", a quoted transcript: no dateline is quoted,
// and many surnames are also towns). Outside headlines a label in
// Title Case counts only when it names a known person or body ("Pence:").
void ClaimBuilder::ColonAttribution(uint32_t s, bool headline) {
  const ::sitrep::Sentence& sent = a_.seg.sentences[s];
  const Paragraph& para = a_.seg.paragraphs[sent.paragraph];
  if (para.sentence_begin != s) return;
  size_t b = sent.token_begin;
  while (b < sent.token_end && a_.token(b).kind == TokenKind::kPunct && IsOpeningQuote(a_.token(b).first)) ++b;
  const bool quoted_line = b > sent.token_begin;
  size_t colon = b;
  while (colon < sent.token_end && colon <= b + 4 && !a_.IsPunct(colon, U':')) ++colon;
  if (colon == b || colon >= sent.token_end || !a_.IsPunct(colon, U':')) return;
  std::string key;
  bool caps = true, lower = false;
  for (size_t k = b; k < colon; ++k) {
    const Token& t = a_.token(k);
    if (x_.place_at[k] >= 0 && !quoted_line) return;
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
  if (quoted_line) transcript_labels_.push_back(b);
}

}  // namespace sitrep::claim_internal
