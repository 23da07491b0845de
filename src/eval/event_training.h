// Training and scoring the event classifier (events/event_classifier.h):
// reads IndiaPoliceEvents JSONL (sentence labels of police actions) and our
// own labelled sentences (TSV: sentence, expected ACLED type or "none"),
// runs the rules over each text to get the events they propose, labels each
// proposal from the gold, and trains a LinearModel on the proposals.
#ifndef SITREP_EVAL_EVENT_TRAINING_H_
#define SITREP_EVAL_EVENT_TRAINING_H_

#include <functional>
#include <string>
#include <vector>

#include "learn/linear_model.h"
#include "sitrep/eval.h"
#include "sitrep/status.h"
#include "sitrep/train.h"  // TrainEventClassifier: the whole of `sitrep train events`

namespace sitrep {

// One article of IndiaPoliceEvents (shared/data/events/README.md).
struct IpeArticle {
  std::string doc_id, published, text;
  struct Sentence {
    size_t begin = 0, end = 0;  // code point offsets into text
    std::vector<std::string> labels;  // ARREST, KILL, FORCE, FAIL, ANY_ACTION
  };
  std::vector<Sentence> sentences;
};

// Reads the JSONL; a malformed record is an error naming file:line.
Result<std::vector<IpeArticle>> ReadIpeJsonl(const std::string& path);

// LabelledSentence and ReadLabelledSentences, SentenceScore and
// ScoreEventSentences are public: sitrep/eval.h.

// One rule-proposed event with its features and gold label.
struct EventExample {
  std::vector<learn::FeatureId> features;
  int label = 0;                  // 1: a real event
  std::string type, sub_type;
  int sentence = -1;              // IPE: index of its sentence in the article
};

// The proposals in one IPE article, labelled from its sentence labels: an
// Arrests proposal is an event when its sentence is labelled ARREST; a
// violent one when KILL or FORCE; another when the sentence has any label.
// A violent proposal in an unlabelled sentence is left out (mob violence
// without police is a real event that IPE does not label).
// `keep_unlabelled` keeps every proposal (label 0) for scoring.
Result<std::vector<EventExample>> IpeExamples(const IpeArticle& article, bool keep_unlabelled);
// The proposals in one labelled sentence, each labelled by whether the
// sentence is an event.
Result<std::vector<EventExample>> SentenceExamples(const LabelledSentence& sentence);

struct EventTrainOptions {
  int epochs = 10;
  uint32_t seed = 1;
  float min_weight = 0.5f;  // features whose averaged weights stay below this are dropped
  std::string provenance;
};

Result<learn::LinearModel> TrainEventModel(const std::vector<EventExample>& train, const EventTrainOptions& options,
                                           const std::function<void(const std::string&)>& log);

// IPE scores at one threshold, as shared/tools/score_events_ipe.py counts them.
struct IpeScore {
  int arrest_tp = 0, arrest_fp = 0, arrest_fn = 0, violent_hit = 0, violent_total = 0;
  double ArrestF1() const;
  double ArrestP() const;
  double ArrestR() const;
  double ViolentR() const;
};
// `confidence` returns a proposal's confidence; a proposal counts when it is >= threshold.
IpeScore ScoreIpe(const std::vector<IpeArticle>& articles, const std::vector<std::vector<EventExample>>& examples,
                  const std::function<double(const EventExample&)>& confidence, double threshold);

}  // namespace sitrep

#endif  // SITREP_EVAL_EVENT_TRAINING_H_
