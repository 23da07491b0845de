// Is this proposed event one an ACLED coder would code? The rules
// (data/lexicon/event_triggers.tsv, events/event_typer.cc) propose a trigger
// and its ACLED type; this learned classifier (learn/linear_model.h, two
// labels: none, event) reads the clause around the trigger — the trigger
// and its neighbours, the clause's words, who acts on whom (state forces,
// armed groups, crowds), negation, modality, future and hypothetical cues,
// and sports, business, crime, accident and figurative vocabulary
// (data/lexicon/event_context.tsv) — and gives the probability that it is a
// real event. Trained by `sitrep train events` (docs/events.md).
#ifndef SITREP_EVENTS_EVENT_CLASSIFIER_H_
#define SITREP_EVENTS_EVENT_CLASSIFIER_H_

#include <string>
#include <vector>

#include "extract/analysis.h"
#include "learn/linear_model.h"
#include "sitrep/extraction.h"

namespace sitrep {

class EventClassifier {
 public:
  static constexpr const char* kKind = "event-classifier";
  // Bumped whenever EventFeatures() changes: an older model is refused.
  static constexpr uint32_t kFeatureVersion = 1;
  // The softmax temperature that turns the two class scores into a
  // confidence; perceptron scores run to tens, this spreads them over (0, 1).
  static constexpr double kTemperature = 4.0;
  // "none", "event".
  static std::vector<std::string> Labels();

  explicit EventClassifier(learn::LinearModel model) : model_(std::move(model)) {}
  static Result<EventClassifier> Load(const std::string& path);

  const learn::LinearModel& model() const { return model_; }
  // The probability (0..1) that features of EventFeatures() are a real event.
  double Confidence(const std::vector<learn::FeatureId>& features) const;

 private:
  learn::LinearModel model_;
};

// The features of a proposed event: its trigger (tokens [trigger_begin,
// trigger_end)) and type inside the clause of tokens [begin, end). The same
// for training and deciding.
std::vector<learn::FeatureId> EventFeatures(const Analysis& a, size_t begin, size_t end, size_t trigger_begin,
                                            size_t trigger_end, const Event& event, bool in_quote);

}  // namespace sitrep

#endif  // SITREP_EVENTS_EVENT_CLASSIFIER_H_
