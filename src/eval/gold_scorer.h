// Scores an extraction against a hand-made reference annotation
// (`*.gold.json`, as in shared/seed/): claims (key phrases, speaker, status,
// date, event type), places within tolerance, quantities and metonyms.
#ifndef SITREP_EVAL_GOLD_SCORER_H_
#define SITREP_EVAL_GOLD_SCORER_H_

#include <string>

#include <nlohmann/json.hpp>

#include "core/distance.h"  // DistanceKm, used by the scorer and its tests
#include "sitrep/extraction.h"
#include "sitrep/status.h"

namespace sitrep {

struct Tally {
  int hit = 0, total = 0;
};

struct GoldScore {
  Tally claims;        // found with the right speaker and status
  Tally claims_found;  // key phrases found in some claim
  Tally speakers, statuses, dates, event_types;
  Tally places, quantities, quantity_bounds, metonyms;
  std::string report;  // one line per gold item: hit or miss, and why
};

Result<GoldScore> ScoreAgainstGold(const nlohmann::json& gold, const Extraction& extraction);

}  // namespace sitrep

#endif  // SITREP_EVAL_GOLD_SCORER_H_
