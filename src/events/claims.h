// Claims: who says what, with what status. Built from the mentions of a
// document: quotations and their speakers, reported speech, unnamed reports,
// the outlet's own narration; statuses from attribution and verification
// cues; dates, places, quantities, people and an event attached to each.
#ifndef SITREP_EVENTS_CLAIMS_H_
#define SITREP_EVENTS_CLAIMS_H_

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "events/event_classifier.h"
#include "events/people.h"
#include "extract/analysis.h"
#include "extract/attribution_tagger.h"
#include "extract/mentions.h"
#include "extract/names.h"
#include "geoparse/place_resolver.h"
#include "sitrep/extraction.h"

namespace sitrep {

// Everything the claim builder reads, with per-token indexes into it.
struct DocContext {
  const Analysis& a;
  const std::vector<QuoteMention>& quotes;
  const std::vector<DateFound>& dates;
  const std::vector<QuantityFound>& quantities;
  const std::vector<PlaceFound>& places;   // place ids are index + 1
  const Entities& entities;
  const People& people;
  std::vector<std::string> parties;        // the sides of the conflict, ISO alpha-3
  // The learned tagger's cue, source and content spans, in text order; empty
  // when no attribution model is loaded (then only the rules find claims).
  std::vector<AttributionSpan> attributions;
  // The event model: each rule-proposed event gets its confidence, and is
  // dropped below event_threshold. Without a model every rule event stays,
  // with confidence 1.
  const EventClassifier* event_model = nullptr;
  double event_threshold = 0;
  // Training: called with every rule-proposed event (spans in Analysis
  // offsets) and its features, before the threshold.
  std::function<void(const Event&, const std::vector<learn::FeatureId>&)> event_candidates;
  std::vector<int> quote_at;               // per token: quote index (marks included), or -1
  std::vector<int> date_at;                // per token: date index, or -1
  std::vector<int> place_at;               // per token: place index, or -1

  DocContext(const Analysis& a, const std::vector<QuoteMention>& quotes,
             const std::vector<DateFound>& dates, const std::vector<QuantityFound>& quantities,
             const std::vector<PlaceFound>& places, const Entities& entities, const People& people);
  // ISO alpha-3 of the side a token stands for (a demonym, a country, an
  // organisation, a place, a person), or empty.
  std::string CountryAt(size_t token) const;
  // Whether the report is about armed conflict or political violence
  // (ConflictDocument), worked out the first time a trigger asks.
  bool InConflictDocument() const;

 private:
  mutable std::optional<bool> conflict_document_;
};

struct ClaimOptions {
  int date_context_paragraphs = 2;
  int verification_lookback_paragraphs = 3;
  int pronoun_lookback_paragraphs = 4;
};

// Indexes [first, last) of the items of `v` (sorted by token_begin) that
// start in tokens [begin, end).
template <typename T>
std::pair<size_t, size_t> ItemsIn(const std::vector<T>& v, size_t begin, size_t end) {
  auto lo = std::lower_bound(v.begin(), v.end(), begin,
                             [](const T& item, size_t t) { return item.token_begin < t; });
  auto hi = std::lower_bound(lo, v.end(), end, [](const T& item, size_t t) { return item.token_begin < t; });
  return {static_cast<size_t>(lo - v.begin()), static_cast<size_t>(hi - v.begin())};
}

// Claims in text order, ids from 1, spans in Analysis text offsets.
std::vector<Claim> BuildClaims(const DocContext& ctx, const ClaimOptions& options);

// The first event trigger in tokens [begin, end) with its ACLED type, actors
// and place (a place id, or 0). Triggers under an irrealis cue, inside a
// name, or ruled out by their context (events/event_rules.h) are passed over.
std::optional<Event> TypeEvent(const DocContext& ctx, size_t begin, size_t end, bool skip_quotes);

// Whether a proposed event in the clause of tokens [begin, end) is kept: sets
// its confidence from the event model (when there is one), hands it to
// ctx.event_candidates, and says whether it reaches ctx.event_threshold.
bool JudgeEvent(const DocContext& ctx, size_t begin, size_t end, bool in_quote, Event* event);

}  // namespace sitrep

#endif  // SITREP_EVENTS_CLAIMS_H_
