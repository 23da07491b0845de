#include "learn/crf.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>

namespace sitrep::learn {

namespace {

double LogSumExp(const double* v, size_t n) {
  const double top = *std::max_element(v, v + n);
  if (!std::isfinite(top)) return top;
  double sum = 0;
  for (size_t k = 0; k < n; ++k) sum += std::exp(v[k] - top);
  return top + std::log(sum);
}

// SequenceLogLikelihood, the gradient handed on to add_row(feature, deltas)
// and add_transition(prev, next, delta) (each times `step`) when `step` is
// not 0.
template <typename AddRow, typename AddTransition>
double LogLikelihood(const LinearModel& m, const FeatureRows& rows, const std::vector<int>& gold, double step,
                     AddRow add_row, AddTransition add_transition) {
  const size_t n = rows.size(), L = m.label_count();
  if (n == 0 || L == 0) return 0;
  // Emission scores (n x L) and transitions ((L + 1) x L, the start last).
  std::vector<float> raw(n * L, 0.f);
  for (size_t i = 0; i < n; ++i) m.AddScores(rows[i], &raw[i * L]);
  std::vector<double> e(n * L), trans((L + 1) * L);
  for (size_t x = 0; x < e.size(); ++x) e[x] = raw[x];
  for (size_t k = 0; k <= L; ++k) {
    for (size_t l = 0; l < L; ++l) {
      trans[k * L + l] = m.Transition(k == L ? -1 : static_cast<int>(k), static_cast<int>(l));
    }
  }
  // Forward: alpha[i][l] = log of the summed exp scores of every prefix
  // ending in l at i; backward: beta[i][k] = the same over every suffix after
  // label k at i.
  std::vector<double> alpha(n * L), beta(n * L, 0.0), terms(L);
  for (size_t l = 0; l < L; ++l) alpha[l] = trans[L * L + l] + e[l];
  for (size_t i = 1; i < n; ++i) {
    for (size_t l = 0; l < L; ++l) {
      for (size_t k = 0; k < L; ++k) terms[k] = alpha[(i - 1) * L + k] + trans[k * L + l];
      alpha[i * L + l] = LogSumExp(terms.data(), L) + e[i * L + l];
    }
  }
  for (size_t i = n - 1; i > 0; --i) {
    for (size_t k = 0; k < L; ++k) {
      for (size_t l = 0; l < L; ++l) terms[l] = trans[k * L + l] + e[i * L + l] + beta[i * L + l];
      beta[(i - 1) * L + k] = LogSumExp(terms.data(), L);
    }
  }
  const double log_z = LogSumExp(&alpha[(n - 1) * L], L);
  double gold_score = 0;
  for (size_t i = 0; i < n; ++i) {
    const size_t prev = i == 0 ? L : static_cast<size_t>(gold[i - 1]);
    gold_score += e[i * L + gold[i]] + trans[prev * L + gold[i]];
  }
  if (step == 0) return gold_score - log_z;
  // The gradient: gold counts minus marginals. Positions' label marginals
  // for the emission weights and the start, pair marginals for transitions.
  std::vector<float> delta(L);
  for (size_t i = 0; i < n; ++i) {
    for (size_t l = 0; l < L; ++l) {
      const double p = std::exp(alpha[i * L + l] + beta[i * L + l] - log_z);
      delta[l] = static_cast<float>(step * ((static_cast<int>(l) == gold[i] ? 1.0 : 0.0) - p));
    }
    for (FeatureId f : rows[i]) add_row(f, std::span<const float>(delta));
    if (i == 0) {
      for (size_t l = 0; l < L; ++l) add_transition(-1, static_cast<int>(l), delta[l]);
      continue;
    }
    for (size_t k = 0; k < L; ++k) {
      for (size_t l = 0; l < L; ++l) {
        const double p = std::exp(alpha[(i - 1) * L + k] + trans[k * L + l] + e[i * L + l] + beta[i * L + l] - log_z);
        const double g = (static_cast<int>(k) == gold[i - 1] && static_cast<int>(l) == gold[i]) ? 1.0 : 0.0;
        add_transition(static_cast<int>(k), static_cast<int>(l), static_cast<float>(step * (g - p)));
      }
    }
  }
  return gold_score - log_z;
}

}  // namespace

double SequenceLogLikelihood(const LinearModel& m, const FeatureRows& rows, const std::vector<int>& gold,
                             LinearModel* gradient, float step) {
  return LogLikelihood(
      m, rows, gold, gradient == nullptr ? 0.0 : step,
      [gradient](FeatureId f, std::span<const float> delta) { gradient->AddToRow(f, delta); },
      [gradient](int prev, int next, float delta) { gradient->AddTransition(prev, next, delta); });
}

CrfTrainer::CrfTrainer(LinearModel::Info info, CrfOptions options) : options_(options), w_(info), u_(std::move(info)) {}

void CrfTrainer::Shrink() {
  const float by = static_cast<float>(shrink_ - 1), c = static_cast<float>(c_);
  for (size_t x = 0; x < w_.rows_.size(); ++x) {
    // u_ has the same rows in the same order: every update adds to both.
    const float d = by * w_.rows_[x];
    w_.rows_[x] += d;
    u_.rows_[x] += c * d;
  }
  for (size_t x = 0; x < w_.transitions_.size(); ++x) {
    const float d = by * w_.transitions_[x];
    w_.transitions_[x] += d;
    u_.transitions_[x] += c * d;
  }
  shrink_ = 1;
}

double CrfTrainer::Epoch(const std::vector<FeatureRows>& rows, const std::vector<std::vector<int>>& gold,
                         std::mt19937& rng) {
  std::vector<size_t> order(rows.size());
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  const double n = static_cast<double>(rows.size());
  double loss = 0;
  size_t since_shrink = 0;
  for (size_t e : order) {
    const double step = options_.learning_rate / (1 + t_ / n);
    // The prior's share of this sentence (a factor very close to 1; never
    // below a half, which only a learning rate and l2 far too large reach).
    shrink_ *= std::max(0.5, 1 - step * options_.l2 / n);
    const float c = static_cast<float>(c_);
    loss -= LogLikelihood(
        w_, rows[e], gold[e], step,
        [&](FeatureId f, std::span<const float> delta) {
          w_.AddToRow(f, delta);
          float* u = u_.Row(f);
          for (size_t l = 0; l < delta.size(); ++l) u[l] += c * delta[l];
        },
        [&](int prev, int next, float delta) {
          w_.AddTransition(prev, next, delta);
          u_.AddTransition(prev, next, c * delta);
        });
    t_ += 1;
    c_ += 1;
    if (++since_shrink == kShrinkEvery) {
      Shrink();
      since_shrink = 0;
    }
  }
  Shrink();
  return rows.empty() ? 0 : loss / n;
}

LinearModel CrfTrainer::Model(float min_weight) const {
  LinearModel out(w_.info());
  const size_t L = w_.label_count();
  const float inv = static_cast<float>(1.0 / c_);
  std::vector<float> avg(L);
  for (const LinearModel::Slot& slot : w_.slots_) {
    if (slot.key == 0) continue;
    const float* w = &w_.rows_[size_t{slot.row} * L];
    const float* u = &u_.rows_[size_t{slot.row} * L];
    float largest = 0;
    for (size_t l = 0; l < L; ++l) {
      avg[l] = options_.average ? w[l] - u[l] * inv : w[l];
      largest = std::max(largest, std::fabs(avg[l]));
    }
    if (largest < min_weight || largest == 0) continue;
    std::copy(avg.begin(), avg.end(), out.Row(slot.key));
  }
  for (size_t t = 0; t < w_.transitions_.size(); ++t) {
    out.transitions_[t] = options_.average ? w_.transitions_[t] - u_.transitions_[t] * inv : w_.transitions_[t];
  }
  return out;
}

}  // namespace sitrep::learn
