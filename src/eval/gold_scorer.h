// Scores an extraction against a hand-made reference annotation
// (`*.gold.json`, as in shared/seed/): claims (key phrases, speaker, status,
// date, event type), places within tolerance, quantities and metonyms.
#ifndef SITREP_EVAL_GOLD_SCORER_H_
#define SITREP_EVAL_GOLD_SCORER_H_

#include <string>

#include <nlohmann/json.hpp>

#include "core/distance.h"  // DistanceKm, used by the scorer and its tests
#include "sitrep/eval.h"
#include "sitrep/extraction.h"
#include "sitrep/status.h"

namespace sitrep {

// GoldScore and ScoreGoldFile (a gold file with its text) are public:
// sitrep/eval.h.
Result<GoldScore> ScoreAgainstGold(const nlohmann::json& gold, const Extraction& extraction);

}  // namespace sitrep

#endif  // SITREP_EVAL_GOLD_SCORER_H_
