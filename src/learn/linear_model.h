// Linear models over hashed sparse features, the one machinery behind
// sitrep's learned judgments: a multiclass classifier (argmax of summed
// weights) and a first-order linear-chain tagger (Viterbi over the same
// scores plus label-to-label transitions). Trained by the averaged
// perceptron (Collins 2002), saved as a versioned, checksummed file.
//
// Features are 32-bit ids (Feature() hashes a template number and a value);
// the weights of a feature are one row of `label_count` floats. A model is
// immutable after loading and safe to share between threads.
#ifndef SITREP_LEARN_LINEAR_MODEL_H_
#define SITREP_LEARN_LINEAR_MODEL_H_

#include <cstdint>
#include <initializer_list>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/fnv.h"
#include "sitrep/status.h"

namespace sitrep::learn {

using FeatureId = uint32_t;

// 64-bit FNV-1a of a string: the value part of a feature.
inline uint64_t HashString(std::string_view s) { return Fnv1a(s); }

// The feature "template `t` has value `v`" (v a HashString or a small number).
inline FeatureId Feature(uint32_t t, uint64_t v) {
  uint64_t h = (v ^ (static_cast<uint64_t>(t) * 0x9e3779b97f4a7c15ULL)) * 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 29;
  return static_cast<FeatureId>(h);
}

// The features of a sequence of positions (a sentence's tokens) or of a set
// of examples, stored contiguously: position i's ids are operator[](i).
class FeatureRows {
 public:
  FeatureRows() = default;
  FeatureRows(std::initializer_list<std::vector<FeatureId>> rows) {
    for (const auto& r : rows) Add(r);
  }
  // Starts the next position; Push() adds to the last one started.
  void NewRow() { ends_.push_back(static_cast<uint32_t>(ids_.size())); }
  void Push(FeatureId f) {
    ids_.push_back(f);
    ends_.back() = static_cast<uint32_t>(ids_.size());
  }
  void Add(std::span<const FeatureId> row) {
    ids_.insert(ids_.end(), row.begin(), row.end());
    ends_.push_back(static_cast<uint32_t>(ids_.size()));
  }
  void Reserve(size_t rows, size_t ids) {
    ends_.reserve(rows);
    ids_.reserve(ids);
  }
  void Clear() {  // keeps the capacity
    ids_.clear();
    ends_.clear();
  }
  size_t size() const { return ends_.size(); }
  bool empty() const { return ends_.empty(); }
  // Every position's ids, one after another; position i's end at ends()[i].
  std::span<const FeatureId> ids() const { return ids_; }
  std::span<const uint32_t> ends() const { return ends_; }
  std::span<const FeatureId> operator[](size_t i) const {
    size_t b = i == 0 ? 0 : ends_[i - 1];
    return {ids_.data() + b, ends_[i] - b};
  }

 private:
  std::vector<FeatureId> ids_;
  std::vector<uint32_t> ends_;  // end of each position's ids in ids_
};

class LinearModel {
 public:
  // What the model decides, written into its file and checked on load so that
  // a tagger never reads a classifier's file or an older feature set.
  struct Info {
    std::string kind;               // e.g. "attribution-tagger"
    uint32_t feature_version = 0;   // bumped whenever the features change
    std::vector<std::string> labels;
    bool sequence = false;          // true: uses transitions (a tagger)
    std::string provenance;         // corpus, split, command, date: free text
    // Words the features treat specially, learned with the weights (for the
    // attribution tagger: words that are often a cue in the training data).
    std::vector<std::string> words;
    // A hash of the other data the features read (for the attribution
    // tagger: Lexicons::LatinClassesFingerprint() at training time), so that
    // a test can tell when the file no longer matches what training it again
    // would give. 0: not recorded (files of format 2).
    uint64_t data_fingerprint = 0;
  };

  LinearModel() = default;
  explicit LinearModel(Info info);

  const Info& info() const { return info_; }
  size_t label_count() const { return info_.labels.size(); }
  size_t feature_count() const { return used_; }

  // Adds the weights of each feature to scores[0, label_count).
  void AddScores(std::span<const FeatureId> features, float* scores) const;
  // Score of moving from label `prev` (or from the start when prev < 0) to `next`.
  float Transition(int prev, int next) const {
    return transitions_[TransitionIndex(prev, next)];
  }
  // The weight of feature `f` for `label` (0 when the feature has none), and
  // adding to it or to a transition: for trainers and tests, on a model
  // being built (a loaded model's weights are packed and not read here).
  float Weight(FeatureId f, int label) const {
    const float* row = FindRow(f);
    return row == nullptr ? 0.f : row[label];
  }
  void AddToRow(FeatureId f, std::span<const float> delta) {
    float* row = Row(f);
    for (size_t l = 0; l < delta.size() && l < label_count(); ++l) row[l] += delta[l];
  }
  void AddTransition(int prev, int next, float delta) {
    transitions_[TransitionIndex(prev, next)] += delta;
  }
  // The mean of `models` (same labels), without the rows whose mean weights
  // all stay below `min_weight` in magnitude; info and words of the first.
  static LinearModel Mean(const std::vector<LinearModel>& models, float min_weight = 0);
  // The best label of one set of features.
  int Classify(std::span<const FeatureId> features) const;
  // The softmax of the class scores divided by `temperature` (> 0): one
  // probability-like number per label, summing to 1, for a confidence.
  // Perceptron scores are not calibrated; the temperature spreads them.
  std::vector<double> Probabilities(std::span<const FeatureId> features, double temperature = 1) const;
  // The best label sequence (Viterbi).
  std::vector<int> Decode(const FeatureRows& rows) const;
  // The same from emission scores already summed (n x labels, row-major;
  // training adds a cost to them first).
  std::vector<int> DecodeScores(std::vector<float> score) const;

  // The file: magic "SITREPLM", format version, Info, the weights (int16,
  // one scale), transitions, and a checksum of everything after the header.
  // Format 3 adds Info::data_fingerprint after the words; format 2 files
  // (without it) are still read.
  std::string Serialize() const;
  Status Save(const std::string& path) const;
  // Refuses a truncated or corrupt file, another format version, and (when
  // given) another kind or feature version, with a message that says which.
  static Result<LinearModel> Parse(std::string_view bytes, std::string_view expect_kind = {},
                                   uint32_t expect_feature_version = 0);
  static Result<LinearModel> Load(const std::string& path, std::string_view expect_kind = {},
                                  uint32_t expect_feature_version = 0);

 private:
  friend class PerceptronTrainer;
  friend class CrfTrainer;
  // Where the transition from `prev` (-1: the start) to `next` is kept.
  size_t TransitionIndex(int prev, int next) const {
    return (prev < 0 ? label_count() : static_cast<size_t>(prev)) * label_count() + static_cast<size_t>(next);
  }
  // Open addressing over feature ids (id 0 is stored as 1; 0 marks an empty
  // slot); each used slot holds the index of its row in the dense rows_.
  size_t FindSlot(FeatureId f) const;
  float* Row(FeatureId f);  // inserts
  const float* FindRow(FeatureId f) const;

  // A loaded model's weights packed for lookup: open addressing over
  // feature ids, slot i at packed_[i * (2 + L)] = key (two int16, 0 for an
  // empty slot), then the L int16 weights, so that a lookup touches one place
  // in memory instead of a slot and then a row (the table is larger than the
  // caches: the tagger's lookups were a fifth of extraction). Scores are
  // summed as integers and scaled once. PackRows fills it straight from a
  // file's `count` rows (a key, then label_count int16 weights each).
  void PackRows(std::string_view rows, uint64_t count, float scale);
  // Decode's first step: score[i * L + l] += the weights of rows[i] for
  // label l (AddScores per row; the packed 7-label table in one pass).
  void ScoreRows(const FeatureRows& rows, float* score) const;
  std::vector<int16_t> packed_;
  size_t packed_mask_ = 0;
  float packed_scale_ = 0;
  static constexpr size_t kMaxPackedLabels = 64;

  Info info_;
  struct Slot {
    FeatureId key = 0;  // 0: empty
    uint32_t row = 0;   // index of its row in rows_
  };
  static size_t Hash(FeatureId f) { return (f == 0 ? 1 : f) * 0x9e3779b1u; }
  size_t Home(FeatureId f) const { return Hash(f) & (slots_.size() - 1); }
  std::vector<Slot> slots_;
  std::vector<float> rows_;         // used_ x label_count, in insertion order
  std::vector<float> transitions_;  // (label_count + 1) x label_count
  size_t used_ = 0;
};

// How PerceptronTrainer::SequenceEpoch moves the weights after a sentence.
struct SequenceUpdate {
  // Loss-augmented decoding: while training, every label but the gold one
  // scores `cost` more at each position, so a sentence is updated until
  // the gold labels win by a margin (0: plain decoding).
  float cost = 0;
  // 0: the perceptron's step of 1. Above 0: passive-aggressive (1-best
  // MIRA, Crammer et al. 2006, PA-I) steps of min(max_step, (loss - margin)
  // / |d|^2), the loss the number of wrong labels times `loss_scale`, the
  // margin the gold sequence's score minus the predicted one's and d the
  // difference of their feature counts.
  float max_step = 0;
  float loss_scale = 1;
};

// Averaged perceptron training for a LinearModel: each mistake moves the
// weights of the gold labels' features up and the predicted ones' down; the
// saved weights are the average over every example seen, which generalises
// far better than the last ones. Deterministic for a given seed.
class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(LinearModel::Info info);

  // One pass over tagged sequences (in an order shuffled by `rng`); returns
  // the share of positions predicted wrongly during the pass.
  double SequenceEpoch(const std::vector<FeatureRows>& rows, const std::vector<std::vector<int>>& gold,
                       std::mt19937& rng, const SequenceUpdate& how = {});
  // One pass over classified examples.
  double ClassifyEpoch(const FeatureRows& examples, const std::vector<int>& gold, std::mt19937& rng);

  // The averaged model, without the rows whose weights are all smaller than
  // `min_weight` in magnitude (rare features that barely moved: dropping
  // them shrinks the file several times at no measurable cost).
  LinearModel Averaged(float min_weight = 0) const;
  // The current (not averaged) model, for decoding during training.
  const LinearModel& current() const { return w_; }

 private:
  void Update(std::span<const FeatureId> features, int label, float delta);
  void UpdateTransition(int prev, int next, float delta);
  // One sentence of SequenceEpoch: returns the number of wrong labels.
  size_t SequenceStep(const FeatureRows& rows, const std::vector<int>& gold, const SequenceUpdate& how);
  // The step of a passive-aggressive update from `pred` to `gold`.
  float PassiveAggressiveStep(const FeatureRows& rows, const std::vector<int>& gold, const std::vector<int>& pred,
                              const std::vector<float>& emission, const SequenceUpdate& how) const;

  LinearModel w_;                   // current weights
  LinearModel u_;                   // sum of (step * update), same layout
  double step_ = 1;
};

}  // namespace sitrep::learn

#endif  // SITREP_LEARN_LINEAR_MODEL_H_
