// Training the learned models (`sitrep train`): the attribution tagger from a
// PolNeAR-format folder and the event classifier from IndiaPoliceEvents,
// each written as the model file Extractor::Open loads (docs/models.md,
// docs/events.md). Implemented in src/eval/.
#ifndef SITREP_TRAIN_H_
#define SITREP_TRAIN_H_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

#include "sitrep/status.h"

namespace sitrep {

// Progress and scores, one line at a time (`sitrep train` prints them on stderr).
using TrainingLog = std::function<void(const std::string&)>;

// The model file a training wrote.
struct TrainedModel {
  size_t feature_count = 0;
};

struct AttributionTraining {
  // Folders with text/NAME.txt and attributions/NAME_<annotator>.ann (brat
  // standoff; shared/data/attribution/README.md). With a dev folder, the
  // token F1 on it is logged after each epoch.
  std::string train_dir, dev_dir;
  int epochs = 14;    // passes over train: dev F1 still rises a little up to ~14
  uint32_t seed = 1;  // shuffling order: the same seed gives the same model
  // The provenance line stored in the model, given the number of training articles.
  std::function<std::string(size_t train_articles)> provenance;
  std::string output;  // the model file to write
  // The learner (docs/models.md): the averaged perceptron, as the shipped
  // model was made, or with pa_max_step > 0 averaged passive-aggressive
  // (1-best MIRA) steps, whose weights are some 200 times smaller than the
  // perceptron's (min_weight 0.04 keeps as many features as 6 does there).
  float cost = 0;         // loss-augmented decoding: a wrong label scores this more while training
  float pa_max_step = 0;  // > 0: passive-aggressive steps, capped at this; 0: perceptron steps of 1
  float loss_scale = 1;   // passive-aggressive: the loss of one wrong label
  float min_weight = 6;   // features whose averaged weights all stay below this are dropped
  int ensemble = 1;       // the mean of this many models, shuffled by seeds seed, seed + 1, ...
  // A linear-chain CRF trained by SGD on the L2-regularised log-loss instead
  // (cost, pa_max_step and loss_scale unused; weights of the order of 1).
  bool crf = false;
  float crf_learning_rate = 0.1f;  // the first step; the t-th sentence's is this / (1 + t / sentences)
  float crf_l2 = 1;                // the prior: l2 / 2 times the squared norm of the weights
};

// Reads the folders, trains the tagger and writes it to `output`. The error
// names the file or line at fault.
Result<TrainedModel> TrainAttributionModel(const AttributionTraining& training, const TrainingLog& log);

struct EventTraining {
  std::string ipe_file;  // IndiaPoliceEvents JSONL (shared/data/events/README.md)
  // Optional: our labelled sentences (TSV: sentence<TAB>ACLED type or none), trained on too.
  std::string sentences_file;
  // Articles published up to this day (YYYY-MM-DD) train; the later ones are
  // dev: arrest F1 and violent recall on them are logged for a range of thresholds.
  std::string train_until = "2002-03-10";
  int epochs = 10;
  uint32_t seed = 1;
  // The provenance line stored in the model, given the number of training
  // articles and labelled sentences.
  std::function<std::string(size_t train_articles, size_t sentences)> provenance;
  std::string output;  // the model file to write
};

// Reads the articles and sentences, trains the event classifier, logs its
// scores on the dev articles and writes it to `output`. The error names the
// article, file or line at fault.
Result<TrainedModel> TrainEventClassifier(const EventTraining& training, const TrainingLog& log);

}  // namespace sitrep

#endif  // SITREP_TRAIN_H_
