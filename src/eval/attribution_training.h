// Training and scoring the attribution tagger on a PolNeAR-format folder
// (brat standoff: DIR/text/NAME.txt, DIR/attributions/NAME_<annotator>.ann;
// see shared/data/attribution/README.md). Used by `sitrep train attribution`.
#ifndef SITREP_EVAL_ATTRIBUTION_TRAINING_H_
#define SITREP_EVAL_ATTRIBUTION_TRAINING_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "learn/crf.h"
#include "learn/linear_model.h"
#include "sitrep/status.h"
#include "sitrep/train.h"  // TrainAttributionModel: the whole of `sitrep train attribution`

namespace sitrep {

struct ByteSpan {
  size_t begin = 0, end = 0;
};

// One gold attribution: its cue, source (maybe none) and content segments,
// as byte offsets into the article.
struct GoldAttribution {
  std::vector<ByteSpan> cue, source, content;
};

struct AttributionArticle {
  std::string name;
  std::string text;
  std::string published;  // YYYY-MM-DD from the file name, or empty
  std::vector<GoldAttribution> gold;
};

// Reads every article of a PolNeAR-format folder with the alphabetically
// first annotator's file; a malformed line or offset is an error naming the
// file and line.
Result<std::vector<AttributionArticle>> ReadAttributionFolder(const std::string& dir);

struct AttributionTrainOptions {
  int epochs = 14;  // passes over train: dev F1 still rises a little up to ~14
  uint32_t seed = 1;  // shuffling order: the same seed gives the same model
  // A word becomes a cue word when it is a gold cue this often: rarer ones
  // add noise to the distance features.
  int cue_word_min_count = 5;
  double cue_word_min_share = 0.3;
  // Features whose averaged weights all stay below this are dropped (6 for
  // the perceptron's steps; about 0.04 for passive-aggressive ones).
  float min_weight = 6.0f;
  learn::SequenceUpdate update;  // the default: the perceptron's steps
  // A CRF trained by SGD on the regularised log-loss instead (`update` then
  // unused; its weights are of the order of 1: min_weight 0.15 keeps as
  // many features as the shipped file has).
  bool crf = false;
  learn::CrfOptions crf_options;
  int ensemble = 1;  // the mean of this many models, shuffled by seeds seed, seed + 1, ...
  std::string provenance;
};

// Trains the tagger on `train`; after each epoch, when `dev` is not empty,
// reports the averaged model's token-level F1 per role on it through `log`.
Result<learn::LinearModel> TrainAttributionTagger(const std::vector<AttributionArticle>& train,
                                                  const std::vector<AttributionArticle>& dev,
                                                  const AttributionTrainOptions& options,
                                                  const std::function<void(const std::string&)>& log);

// Token-level precision/recall/F1 of cue, source and content tags on `docs`.
std::string ScoreAttributionTokens(const learn::LinearModel& model, const std::vector<AttributionArticle>& docs);

}  // namespace sitrep

#endif  // SITREP_EVAL_ATTRIBUTION_TRAINING_H_
