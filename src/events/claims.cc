#include "events/claims.h"

#include "events/claim_builder.h"

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

namespace claim_internal {

ClaimBuilder::ClaimBuilder(const DocContext& ctx, const ClaimOptions& o) : x_(ctx), a_(ctx.a), o_(o) {
  used_.assign(a_.token_count(), false);
  claimed_.assign(a_.token_count(), false);
  sentence_claims_.assign(a_.seg.sentences.size(), 0);
  sentence_cue_.assign(a_.seg.sentences.size(), false);
  sentence_quantity_.assign(a_.seg.sentences.size(), false);
  quotes_closing_.resize(a_.seg.sentences.size());
  quote_draft_.assign(x_.quotes.size(), -1);
  for (size_t m = 0; m < x_.entities.mentions.size(); ++m) {
    const EntityMention& e = x_.entities.mentions[m];
    if (e.kind != EntityKind::kPerson || e.person <= 0) continue;
    for (size_t k = e.token_begin; k < e.token_end; ++k) {
      if (x_.entities.At(k) == &e && !InQuote(k)) person_tokens_.push_back(k);
    }
  }
  std::sort(person_tokens_.begin(), person_tokens_.end());  // bare surnames are listed after the rest
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
    if (dateline_place_ == 0) dateline_place_ = DatelinePlace(s.token_begin, start_[p.sentence_begin]);
  }
}

// The town or region a dateline names ("KHARKIV, Ukraine —" gives Kharkiv),
// or 0.
int ClaimBuilder::DatelinePlace(size_t begin, size_t end) const {
  auto [lo, hi] = ItemsIn(x_.places, begin, end);
  for (size_t i = lo; i < hi; ++i) {
    const PlaceFound& p = x_.places[i];
    if (p.token_end <= end && p.place.metonym_for.empty() && p.place.kind != "country") return static_cast<int>(i) + 1;
  }
  return 0;
}

std::vector<Claim> ClaimBuilder::Run() {
  for (uint32_t p = 0; p < a_.seg.paragraphs.size(); ++p) {
    const Paragraph& para = a_.seg.paragraphs[p];
    for (uint32_t s = para.sentence_begin; s < para.sentence_end; ++s) {
      if (a_.headline[s]) {
        ColonAttribution(s, /*headline=*/true);
        Learned(s);  // "Mayor Says Bridge Will Open in Spring": the tagger's attribution
        continue;
      }
      Sentence(s);
    }
  }
  if (a_.Slavic()) SourceLine();
  std::sort(drafts_.begin(), drafts_.end(), [](const Draft& x, const Draft& y) { return x.tb < y.tb; });
  if (a_.Slavic()) BodyAnaphors();
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
  if (a_.Slavic()) DemonstrativeDenials();
  Verification();
  Statuses();
  Dates();
  Attach();
  std::vector<Claim> out;
  out.reserve(drafts_.size());
  for (Draft& d : drafts_) {
    d.c.id = static_cast<int>(out.size()) + 1;
    out.push_back(std::move(d.c));
  }
  return out;
}

}  // namespace claim_internal

std::vector<Claim> BuildClaims(const DocContext& ctx, const ClaimOptions& options) {
  return claim_internal::ClaimBuilder(ctx, options).Run();
}

}  // namespace sitrep
