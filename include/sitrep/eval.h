// Scoring the engine (`sitrep eval`): extractions against hand-made reference
// annotations (`*.gold.json` beside their `.txt`, as in shared/seed/), and
// event decisions against labelled sentences. Implemented in src/eval/.
#ifndef SITREP_EVAL_H_
#define SITREP_EVAL_H_

#include <algorithm>
#include <string>
#include <vector>

#include "sitrep/extractor.h"
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

// Reads the gold file `gold_path` (NAME.gold.json), loads its text (NAME.txt)
// with the publication date, outlet and language its "document" gives,
// extracts with `extractor` and scores the extraction against the gold.
// A gold file that cannot be read or parsed, or whose text cannot be loaded,
// is an error naming that file.
Result<GoldScore> ScoreGoldFile(const std::string& gold_path, const Extractor& extractor);

// A sentence we wrote and labelled: the ACLED type (or "Displacement") an
// ACLED coder would give it, or "none" when it is no event.
struct LabelledSentence {
  std::string text;
  std::string type;  // "none" when not an event
  int line = 0;
};

// Reads `text<TAB>type` lines ('#' comments and blank lines skipped).
Result<std::vector<LabelledSentence>> ReadLabelledSentences(const std::string& path);

// Our labelled sentences through the whole pipeline (`sitrep extract` with
// the shipped event model): a sentence is predicted an event when some claim
// in it has one; its type is the first event's.
struct SentenceScore {
  int true_events = 0, false_events = 0, missed_events = 0, true_none = 0, right_type = 0;
  std::string report;  // one line per mistake
  double Precision() const { return true_events / std::max(1.0, double(true_events + false_events)); }
  double Recall() const { return true_events / std::max(1.0, double(true_events + missed_events)); }
};
// A proposed event counts when its confidence is at least `threshold`
// (ExtractOptions::event_threshold).
Result<SentenceScore> ScoreEventSentences(const std::vector<LabelledSentence>& sentences, double threshold);

}  // namespace sitrep

#endif  // SITREP_EVAL_H_
