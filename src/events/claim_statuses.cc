// Statuses (verification, denial), dates and links to places, quantities and people.
#include "events/claim_builder.h"

namespace sitrep::claim_internal {
namespace {

// Words near a content word overlap test: prefixes of five letters, so that
// "appointment" meets "appointed" and "digging" meets "dig".
std::string Stem(std::string_view w) { return std::string(w.substr(0, std::min<size_t>(w.size(), 5))); }

}  // namespace

// ---------------------------------------------------------------- statuses

// Content words of tokens [b, e) as stems, with names counting twice.
std::map<std::string, int> ClaimBuilder::ContentStems(size_t b, size_t e) const {
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
void ClaimBuilder::Verification() {
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
bool ClaimBuilder::SlavicDenial(Draft& d) {
  if (d.c.kind == ClaimKind::kNarration) return false;
  size_t end = std::min(SentenceEnd(d.te > d.tb ? d.te - 1 : d.tb), d.te + 6);
  for (size_t k = d.tb; k < end; ++k) {
    size_t e = 0;
    if (Fn(k, FunctionClass::kNot) && (W(k + 1).starts_with("соответству") || W(k + 1).starts_with("відповіда")) &&
        Fn(k + 2, FunctionClass::kReality)) {
      e = k + 3;
    } else if (Fn(k, FunctionClass::kFake)) {
      e = k + 1;
    }
    if (e == 0) continue;
    d.c.status = ClaimStatus::kDenied;
    d.c.status_cue = StatusCue{std::string(a_.SpanText(a_.TokenSpan(k, e))), a_.TokenSpan(k, e)};
    return true;
  }
  return false;
}

void ClaimBuilder::Statuses() {
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

void ClaimBuilder::ApplyDate(Draft* d, const DateMention& m) {
  if (m.range()) {
    d->c.date_range = std::make_pair(m.from, m.to);
    d->c.date.reset();
  } else {
    d->c.date = m.from;
    d->c.date_range.reset();
  }
  d->c.time_precision = m.time_precision;
}

void ClaimBuilder::Dates() {
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

void ClaimBuilder::Attach() {
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
    // A place that leads its sentence before a colon ("Sumy: local sources
    // claim six people were killed") is the outlet's, for every claim of it.
    if (d.c.event && d.c.event->place_id == 0 && !lends) {
      const ::sitrep::Sentence& sent = a_.seg.sentences[d.sentence];
      auto [ll, lh] = ItemsIn(x_.places, sent.token_begin, sent.token_end);
      if (ll < lh && x_.places[ll].token_begin == sent.token_begin && x_.places[ll].token_end < d.tb &&
          a_.IsPunct(x_.places[ll].token_end, U':') && x_.places[ll].place.metonym_for.empty()) {
        d.c.event->place_id = static_cast<int>(ll) + 1;
        d.c.event->place_basis = "sentence";
      }
    }
    if (d.c.event && d.c.event->place_id == 0 && d.c.speaker) {
      // "Authorities in Russia's Belgorod region said …": local officials
      // speak for the place their title names.
      size_t sb = a_.TokenAt(d.c.speaker->span.begin), se = a_.TokenAt(d.c.speaker->span.end);
      auto [spl, sph] = ItemsIn(x_.places, sb, se);
      for (size_t i = spl; i < sph; ++i) {
        const PlaceFound& p = x_.places[i];
        if (p.place.metonym_for.empty() && p.place.kind != "country") {
          d.c.event->place_id = static_cast<int>(i) + 1;
          d.c.event->place_basis = "speaker";
          break;
        }
      }
    }
    if (d.c.event && d.c.event->place_id == 0 && lends) {
      // The sentence's place (after its dateline), or the paragraph's last event place.
      const ::sitrep::Sentence& sent = a_.seg.sentences[d.sentence];
      int place = 0;
      auto [sl, sh] = ItemsIn(x_.places, start_[d.sentence], sent.token_end);
      for (size_t i = sl; i < sh && place == 0; ++i) {
        const PlaceFound& p = x_.places[i];
        if (p.place.metonym_for.empty() && p.place.kind != "country") place = static_cast<int>(i) + 1;
      }
      const char* basis = "sentence";
      if (place == 0 && prev_para == d.paragraph) {
        place = prev_place;
        basis = "paragraph";
      }
      d.c.event->place_id = place;
      if (place > 0) d.c.event->place_basis = basis;
    }
    if (d.c.event && d.c.event->place_id > 0) {
      prev_place = d.c.event->place_id;
      prev_para = d.paragraph;
    } else if (d.c.event && dateline_place_ > 0) {
      // Only then where the reporter filed from: a guess, which the store
      // neither maps as a named place nor groups by (basis "dateline").
      d.c.event->place_id = dateline_place_;
      d.c.event->place_basis = kDatelineBasis;
    }
  }
}

}  // namespace sitrep::claim_internal
