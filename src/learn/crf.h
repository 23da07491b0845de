// A linear-chain conditional random field (Lafferty et al. 2001) over the
// same scores as LinearModel::Decode(): the score of a label sequence is the
// sum of its labels' feature weights and of its transitions, and its
// probability that score's exp over the sum of every sequence's (the
// partition function, by the forward-backward algorithm in log space).
// Trained by stochastic gradient descent on the L2-regularised negative
// log-likelihood, the weights averaged over the steps; the result is an ordinary LinearModel, so tagging with it
// is the same Viterbi and the same file.
#ifndef SITREP_LEARN_CRF_H_
#define SITREP_LEARN_CRF_H_

#include <random>
#include <span>
#include <vector>

#include "learn/linear_model.h"

namespace sitrep::learn {

// log p(gold | rows) under `m` read as a CRF. When `gradient` is not null,
// adds `step` times the gradient of that log-probability with respect to
// every weight and transition of `m` (the gold sequence's feature counts
// minus their expectation under the model) into it: a model of the same
// labels, which may be `m` itself (every score is read before anything is
// added).
double SequenceLogLikelihood(const LinearModel& m, const FeatureRows& rows, const std::vector<int>& gold,
                             LinearModel* gradient = nullptr, float step = 1);

struct CrfOptions {
  // The step of the t-th sentence is learning_rate / (1 + t / N), N the
  // sentences of an epoch: it halves after the first epoch, a third after
  // the second, ... (Bottou's schedule, which SGD needs to settle).
  float learning_rate = 0.1f;
  // The Gaussian prior: the objective is sum over sentences of log p minus
  // l2 / 2 times the squared norm of the weights (spread over the sentences
  // of an epoch as a shrink of every weight by a factor 1 - step * l2 / N).
  float l2 = 1;
  // The saved weights are the average over every sentence seen (as the
  // perceptron's): the last ones swing with the last sentences' steps.
  bool average = true;
};

// SGD for a CRF: each sentence moves the weights by the step times the
// gradient of its log-likelihood; the prior's shrink of every weight is
// gathered and applied every kShrinkEvery sentences (so a step touches only
// the sentence's features). Deterministic for a given seed; single-threaded.
class CrfTrainer {
 public:
  CrfTrainer(LinearModel::Info info, CrfOptions options);

  // One pass over tagged sequences in an order shuffled by `rng`; returns
  // the mean negative log-likelihood per sentence during the pass.
  double Epoch(const std::vector<FeatureRows>& rows, const std::vector<std::vector<int>>& gold, std::mt19937& rng);

  // The averaged (or, without CrfOptions::average, the last) weights, without the rows whose weights all stay below
  // `min_weight` in magnitude (every feature seen in training has a row: the expected counts move all its labels).
  LinearModel Model(float min_weight = 0) const;

 private:
  static constexpr size_t kShrinkEvery = 1024;
  // Multiplies every weight by shrink_ (and sets it to 1).
  void Shrink();

  CrfOptions options_;
  LinearModel w_;      // current weights
  LinearModel u_;      // sum of c_ times each change, for the average
  double shrink_ = 1;  // the product of the prior's shrinks since the last Shrink()
  double t_ = 0;       // sentences seen
  double c_ = 1;       // sentences seen + 1: the average is w_ - u_ / c_
};

}  // namespace sitrep::learn

#endif  // SITREP_LEARN_CRF_H_
