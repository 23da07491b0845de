// The learned-model machinery (learn/linear_model.h) and the attribution
// tagger's model file: training reaches what it was shown, a saved model
// reads back the same, and a damaged or foreign file is refused.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <limits>
#include <random>

#include "eval/attribution_training.h"
#include "extract/attribution_tagger.h"
#include "extract/lexicons.h"
#include "learn/crf.h"
#include "learn/linear_model.h"
#include "tests/test_util.h"

namespace sitrep {
namespace {

using learn::Feature;
using learn::FeatureRows;
using learn::HashString;
using learn::LinearModel;
using testing::TempDir;
using testing::WriteFile;

// A toy tagging task: after the word "says" every word is content (2), the
// word itself is a cue (1), everything else is outside (0). Only the word
// and the previous label tell; the transitions must learn "stay in content".
FeatureRows Row(const std::vector<std::string>& words) {
  FeatureRows rows;
  for (const std::string& w : words) rows.Add(std::vector<learn::FeatureId>{Feature(1, HashString(w)), Feature(2, 0)});
  return rows;
}

LinearModel::Info ToyInfo() {
  LinearModel::Info info;
  info.kind = "toy-tagger";
  info.feature_version = 7;
  info.labels = {"O", "CUE", "CONTENT"};
  info.sequence = true;
  info.provenance = "tests/learn_test.cc";
  return info;
}

LinearModel TrainToy() {
  std::vector<FeatureRows> rows = {Row({"the", "minister", "says", "rain", "fell"}),
                                   Row({"a", "source", "says", "troops", "left", "town"}),
                                   Row({"rain", "fell", "in", "town"}),
                                   Row({"troops", "says", "minister", "left"})};
  std::vector<std::vector<int>> gold = {{0, 0, 1, 2, 2}, {0, 0, 1, 2, 2, 2}, {0, 0, 0, 0}, {0, 1, 2, 2}};
  learn::PerceptronTrainer t(ToyInfo());
  std::mt19937 rng(1);
  for (int e = 0; e < 20; ++e) (void)t.SequenceEpoch(rows, gold, rng);
  return t.Averaged();
}

TEST(LinearModel, TrainingOnATinyCorpusReachesItsTags) {
  LinearModel m = TrainToy();
  // Words never seen after "says" are content because of the transitions.
  EXPECT_EQ(m.Decode(Row({"officials", "says", "the", "town", "fell"})), (std::vector<int>{0, 1, 2, 2, 2}));
  EXPECT_EQ(m.Decode(Row({"rain", "fell", "in", "town"})), (std::vector<int>{0, 0, 0, 0}));
}

TEST(LinearModel, TrainingIsDeterministicForASeed) {
  EXPECT_EQ(TrainToy().Serialize(), TrainToy().Serialize());
}

// The score of `labels` for `rows` under `m`: emissions plus transitions.
double SequenceScore(const LinearModel& m, const FeatureRows& rows, const std::vector<int>& labels) {
  double s = 0;
  for (size_t i = 0; i < labels.size(); ++i) {
    std::vector<float> e(m.label_count(), 0.f);
    m.AddScores(rows[i], e.data());
    s += e[labels[i]] + m.Transition(i == 0 ? -1 : labels[i - 1], labels[i]);
  }
  return s;
}

// Passive-aggressive (1-best MIRA): one step on one sentence from zero
// weights moves them just far enough that the gold labels beat what was
// predicted (every label 0, the first of the tied ones) by the loss — the
// number of wrong labels times the loss scale — and no further.
TEST(LinearModel, PassiveAggressiveStepMakesTheMarginTheLoss) {
  FeatureRows rows = Row({"the", "minister", "says", "rain", "fell"});
  std::vector<int> gold = {0, 0, 1, 2, 2}, predicted = {0, 0, 0, 0, 0};
  for (float scale : {1.f, 3.f}) {
    learn::SequenceUpdate how;
    how.max_step = 100;
    how.loss_scale = scale;
    learn::PerceptronTrainer t(ToyInfo());
    std::mt19937 rng(1);
    EXPECT_DOUBLE_EQ(t.SequenceEpoch({rows}, {gold}, rng, how), 3.0 / 5);
    const double margin = SequenceScore(t.current(), rows, gold) - SequenceScore(t.current(), rows, predicted);
    EXPECT_NEAR(margin, 3 * scale, 1e-4);
    // A cap below the step this needs stops short of it.
    how.max_step = 0.01f;
    learn::PerceptronTrainer capped(ToyInfo());
    (void)capped.SequenceEpoch({rows}, {gold}, rng, how);
    EXPECT_LT(SequenceScore(capped.current(), rows, gold) - SequenceScore(capped.current(), rows, predicted),
              margin / 2);
  }
}

// Loss-augmented decoding: a sentence tagged right, but by less than the
// cost of its wrong labels, still moves the weights; without the cost it
// does not.
TEST(LinearModel, LossAugmentedDecodingUpdatesUntilTheGoldWinsByTheCost) {
  FeatureRows rows = Row({"a", "source", "says", "troops", "left"});
  std::vector<int> gold = {0, 0, 1, 2, 2};
  learn::PerceptronTrainer t(ToyInfo());
  std::mt19937 rng(1);
  for (int e = 0; e < 3; ++e) (void)t.SequenceEpoch({rows}, {gold}, rng);
  ASSERT_EQ(t.current().Decode(rows), gold);
  const std::string before = t.current().Serialize();
  EXPECT_EQ(t.SequenceEpoch({rows}, {gold}, rng), 0.0);
  EXPECT_EQ(t.current().Serialize(), before);
  learn::SequenceUpdate how;
  how.cost = 1000;
  EXPECT_GT(t.SequenceEpoch({rows}, {gold}, rng, how), 0);
  EXPECT_NE(t.current().Serialize(), before);
}

// Trained by passive-aggressive steps, the toy corpus reaches its tags.
TEST(LinearModel, PassiveAggressiveTrainingReachesTheToyTags) {
  std::vector<FeatureRows> rows = {Row({"the", "minister", "says", "rain", "fell"}),
                                   Row({"a", "source", "says", "troops", "left", "town"}),
                                   Row({"rain", "fell", "in", "town"}),
                                   Row({"troops", "says", "minister", "left"})};
  std::vector<std::vector<int>> gold = {{0, 0, 1, 2, 2}, {0, 0, 1, 2, 2, 2}, {0, 0, 0, 0}, {0, 1, 2, 2}};
  learn::SequenceUpdate how;
  how.max_step = 1;
  how.cost = 1;
  learn::PerceptronTrainer t(ToyInfo());
  std::mt19937 rng(1);
  for (int e = 0; e < 20; ++e) (void)t.SequenceEpoch(rows, gold, rng, how);
  LinearModel m = t.Averaged();
  for (size_t i = 0; i < rows.size(); ++i) EXPECT_EQ(m.Decode(rows[i]), gold[i]) << i;
  // Words never seen after "says" are content because of the transitions.
  EXPECT_EQ(m.Decode(Row({"officials", "says", "snow", "fell"})), (std::vector<int>{0, 1, 2, 2}));
}

std::vector<FeatureRows> ToyRows() {
  return {Row({"the", "minister", "says", "rain", "fell"}), Row({"a", "source", "says", "troops", "left", "town"}),
          Row({"rain", "fell", "in", "town"}), Row({"troops", "says", "minister", "left"})};
}
std::vector<std::vector<int>> ToyGold() { return {{0, 0, 1, 2, 2}, {0, 0, 1, 2, 2, 2}, {0, 0, 0, 0}, {0, 1, 2, 2}}; }

LinearModel TrainToyCrf(uint32_t seed, bool average = true) {
  learn::CrfTrainer t(ToyInfo(), learn::CrfOptions{.learning_rate = 0.5f, .l2 = 0.1f, .average = average});
  std::mt19937 rng(seed);
  double first = 0, last = 0;
  for (int e = 0; e < 30; ++e) {
    last = t.Epoch(ToyRows(), ToyGold(), rng);
    if (e == 0) first = last;
  }
  EXPECT_LT(last, first / 4);  // the log-loss falls
  return t.Model();
}

// Trained as a CRF on the log-loss, the toy corpus reaches its tags with
// the averaged weights and with the last ones, and the same seed gives the
// same file.
TEST(LinearModel, CrfTrainingReachesTheToyTags) {
  for (bool average : {true, false}) {
    LinearModel m = TrainToyCrf(1, average);
    for (size_t i = 0; i < ToyRows().size(); ++i) EXPECT_EQ(m.Decode(ToyRows()[i]), ToyGold()[i]) << i;
    // Words never seen after "says" are content because of the transitions.
    EXPECT_EQ(m.Decode(Row({"officials", "says", "snow", "fell"})), (std::vector<int>{0, 1, 2, 2}));
    EXPECT_EQ(m.Serialize(), TrainToyCrf(1, average).Serialize());
  }
  EXPECT_NE(TrainToyCrf(1, true).Serialize(), TrainToyCrf(1, false).Serialize());
}

// A model with some weight on every feature and transition of the toy
// corpus (one epoch of CRF training, then nudged off any symmetry).
LinearModel SomeCrfWeights() {
  learn::CrfTrainer t(ToyInfo(), learn::CrfOptions{.learning_rate = 0.3f, .l2 = 0.1f});
  std::mt19937 rng(3);
  (void)t.Epoch(ToyRows(), ToyGold(), rng);
  LinearModel m = t.Model();
  for (int k = -1; k < 3; ++k) {
    for (int l = 0; l < 3; ++l) m.AddTransition(k, l, 0.1f * static_cast<float>((k + 2) * (l + 1) % 5) - 0.2f);
  }
  return m;
}

// The probabilities are a distribution: summed over every label sequence
// of a sentence (27 of 3 labels over 3 words) they make 1, and the gold's is
// the largest after training.
TEST(LinearModel, CrfLogLikelihoodIsALogProbability) {
  LinearModel m = SomeCrfWeights();
  FeatureRows rows = Row({"troops", "says", "rain"});
  double total = 0, best = -1e9;
  std::vector<int> argmax;
  for (int a = 0; a < 3; ++a) {
    for (int b = 0; b < 3; ++b) {
      for (int c = 0; c < 3; ++c) {
        const double ll = learn::SequenceLogLikelihood(m, rows, {a, b, c});
        total += std::exp(ll);
        if (ll > best) {
          best = ll;
          argmax = {a, b, c};
        }
      }
    }
  }
  EXPECT_NEAR(total, 1.0, 1e-5);
  EXPECT_EQ(m.Decode(rows), argmax);  // Viterbi finds the most probable sequence
}

// The gradient SequenceLogLikelihood adds is the slope of the
// log-likelihood: central finite differences of every weight of the
// sentence's features and of every transition agree with it.
TEST(LinearModel, CrfGradientMatchesFiniteDifferences) {
  const LinearModel m = SomeCrfWeights();
  const FeatureRows rows = Row({"a", "source", "says", "troops", "left"});
  const std::vector<int> gold = {0, 0, 1, 0, 2};  // not what m predicts: a gradient far from 0
  LinearModel gradient(ToyInfo());
  (void)learn::SequenceLogLikelihood(m, rows, gold, &gradient);
  const float eps = 1e-2f;
  size_t checked = 0;
  double largest = 0;
  for (size_t i = 0; i < rows.size(); ++i) {
    for (learn::FeatureId f : rows[i]) {
      for (int l = 0; l < 3; ++l) {
        std::vector<float> d(3, 0.f);
        d[l] = eps;
        LinearModel up = m, down = m;
        up.AddToRow(f, d);
        d[l] = -eps;
        down.AddToRow(f, d);
        const double slope = (learn::SequenceLogLikelihood(up, rows, gold) -
                              learn::SequenceLogLikelihood(down, rows, gold)) / (2 * eps);
        EXPECT_NEAR(gradient.Weight(f, l), slope, 2e-3) << "feature of word " << i << ", label " << l;
        largest = std::max(largest, std::fabs(slope));
        ++checked;
      }
    }
  }
  for (int k = -1; k < 3; ++k) {
    for (int l = 0; l < 3; ++l) {
      LinearModel up = m, down = m;
      up.AddTransition(k, l, eps);
      down.AddTransition(k, l, -eps);
      const double slope =
          (learn::SequenceLogLikelihood(up, rows, gold) - learn::SequenceLogLikelihood(down, rows, gold)) / (2 * eps);
      EXPECT_NEAR(gradient.Transition(k, l), slope, 2e-3) << "transition " << k << " -> " << l;
      largest = std::max(largest, std::fabs(slope));
      ++checked;
    }
  }
  EXPECT_EQ(checked, 5 * 2 * 3 + 12u);
  EXPECT_GT(largest, 0.3);  // a gradient that matters, not zeros matching zeros
}

// The mean of models averages every weight and transition; rows whose mean
// stays below the threshold are dropped.
TEST(LinearModel, MeanOfModelsAveragesTheirWeights) {
  learn::PerceptronTrainer a(ToyInfo()), b(ToyInfo());
  std::mt19937 rng(1);
  FeatureRows says = Row({"says", "rain"});
  (void)a.SequenceEpoch({says}, {{1, 2}}, rng);
  (void)b.SequenceEpoch({says}, {{1, 0}}, rng);
  LinearModel mean = LinearModel::Mean({a.current(), b.current()});
  for (size_t i = 0; i < says.size(); ++i) {
    std::vector<float> ea(3, 0.f), eb(3, 0.f), em(3, 0.f);
    a.current().AddScores(says[i], ea.data());
    b.current().AddScores(says[i], eb.data());
    mean.AddScores(says[i], em.data());
    for (size_t l = 0; l < 3; ++l) EXPECT_FLOAT_EQ(em[l], (ea[l] + eb[l]) / 2) << i << " " << l;
  }
  for (int p = -1; p < 3; ++p) {
    for (int n = 0; n < 3; ++n) {
      EXPECT_FLOAT_EQ(mean.Transition(p, n), (a.current().Transition(p, n) + b.current().Transition(p, n)) / 2);
    }
  }
  // "rain" moved by 1 in one model (+1 for CONTENT) and not in the other: a
  // mean of 0.5, dropped at a threshold of 0.6, kept at 0.4.
  EXPECT_EQ(LinearModel::Mean({a.current(), b.current()}, 0.6f).feature_count(),
            LinearModel::Mean({a.current(), b.current()}, 0.4f).feature_count() - 1);
}

// A confidence is the softmax of the class scores: it sums to one, favours
// the label Classify() picks, and a higher temperature pulls it toward even.
TEST(LinearModel, ProbabilitiesAreASoftmaxThatFavoursTheClassifiedLabel) {
  LinearModel::Info info;
  info.kind = "toy-classifier";
  info.labels = {"no", "yes"};
  learn::PerceptronTrainer t(info);
  // Both share a bias feature, so learning "bomb" moves "cake" too and it must be learned back.
  FeatureRows examples = {{Feature(1, HashString("bomb")), Feature(2, 0)},
                          {Feature(1, HashString("cake")), Feature(2, 0)}};
  std::vector<int> gold = {1, 0};
  std::mt19937 rng(3);
  for (int e = 0; e < 5; ++e) (void)t.ClassifyEpoch(examples, gold, rng);
  LinearModel m = t.Averaged();
  std::vector<double> p = m.Probabilities(examples[0]);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_NEAR(p[0] + p[1], 1.0, 1e-9);
  EXPECT_GT(p[1], 0.5);
  EXPECT_EQ(m.Classify(examples[0]), 1);
  EXPECT_LT(m.Probabilities(examples[1])[1], 0.5);
  EXPECT_LT(m.Probabilities(examples[0], 100)[1], p[1]);
}

TEST(LinearModel, SavedModelReadsBackTheSame) {
  LinearModel m = TrainToy();
  TempDir dir("learn");
  std::string path = dir / "toy.model";
  ASSERT_TRUE(m.Save(path).ok());
  Result<LinearModel> back = LinearModel::Load(path, "toy-tagger", 7);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->info().labels, m.info().labels);
  EXPECT_EQ(back->info().provenance, "tests/learn_test.cc");
  FeatureRows probe = Row({"a", "minister", "says", "rain", "left", "town"});
  EXPECT_EQ(back->Decode(probe), m.Decode(probe));
  // Weights survive to within the int16 quantisation.
  std::vector<float> a(3, 0.f), b(3, 0.f);
  m.AddScores(probe[2], a.data());
  back->AddScores(probe[2], b.data());
  for (int l = 0; l < 3; ++l) EXPECT_NEAR(a[l], b[l], 1e-3 * (1 + std::fabs(a[l])));
  // A loaded model (its weights packed for lookup) writes the same bytes it
  // was read from.
  EXPECT_EQ(back->Serialize(), m.Serialize());
}

// Viterbi written plainly from AddScores (per position) and Transition():
// what Decode must give, whichever faster path it takes.
std::vector<int> PlainViterbi(const LinearModel& m, const FeatureRows& rows) {
  const size_t n = rows.size(), L = m.label_count();
  std::vector<float> score(n * L, 0.f);
  std::vector<int> back(n * L, 0), best(n, 0);
  for (size_t i = 0; i < n; ++i) m.AddScores(rows[i], &score[i * L]);
  for (size_t l = 0; l < L; ++l) score[l] += m.Transition(-1, static_cast<int>(l));
  for (size_t i = 1; i < n; ++i) {
    for (size_t l = 0; l < L; ++l) {
      float top = -std::numeric_limits<float>::infinity();
      int arg = 0;
      for (size_t p = 0; p < L; ++p) {
        float v = score[(i - 1) * L + p] + m.Transition(static_cast<int>(p), static_cast<int>(l));
        if (v > top) top = v, arg = static_cast<int>(p);
      }
      score[i * L + l] += top;
      back[i * L + l] = arg;
    }
  }
  best[n - 1] = static_cast<int>(std::max_element(&score[(n - 1) * L], &score[n * L]) - &score[(n - 1) * L]);
  for (size_t i = n - 1; i > 0; --i) best[i - 1] = back[i * L + best[i]];
  return best;
}

// The attribution tagger's 7 labels take a faster path (a sentence's weights
// summed in one pass over the packed table, Viterbi in vector lanes): the
// labels must be those of the plain computation, for the trained model and
// for the same model read back from its file (packed), on sequences with
// empty positions, feature id 0 and features the model never saw.
TEST(LinearModel, SevenLabelDecodeIsPlainViterbi) {
  LinearModel::Info info = ToyInfo();
  info.labels = {"O", "B-CUE", "I-CUE", "B-SRC", "I-SRC", "B-CON", "I-CON"};
  std::mt19937 rng(7);
  auto sequence = [&rng](uint32_t vocabulary) {
    FeatureRows rows;
    const size_t n = 1 + rng() % 40;
    for (size_t i = 0; i < n; ++i) {
      std::vector<learn::FeatureId> row;
      const size_t k = rng() % 6 == 0 ? 0 : 1 + rng() % 35;
      for (size_t j = 0; j < k; ++j) row.push_back(rng() % 50 == 0 ? 0 : Feature(1, rng() % vocabulary));
      rows.Add(row);
    }
    return rows;
  };
  std::vector<FeatureRows> train;
  std::vector<std::vector<int>> gold;
  for (int e = 0; e < 60; ++e) {
    train.push_back(sequence(400));
    std::vector<int> labels(train.back().size());
    for (int& l : labels) l = static_cast<int>(rng() % 7);
    gold.push_back(labels);
  }
  learn::PerceptronTrainer t(info);
  for (int e = 0; e < 3; ++e) (void)t.SequenceEpoch(train, gold, rng);
  LinearModel m = t.Averaged();
  Result<LinearModel> packed = LinearModel::Parse(m.Serialize());
  ASSERT_TRUE(packed.ok()) << packed.status().message();
  size_t not_all_outside = 0;
  for (int probe = 0; probe < 200; ++probe) {
    FeatureRows rows = sequence(600);  // a third of the ids never trained
    std::vector<int> want = PlainViterbi(*packed, rows);
    ASSERT_EQ(packed->Decode(rows), want) << "probe " << probe;
    ASSERT_EQ(m.Decode(rows), PlainViterbi(m, rows)) << "probe " << probe;
    not_all_outside += std::any_of(want.begin(), want.end(), [](int l) { return l != 0; });
  }
  EXPECT_GT(not_all_outside, 100u);  // the labels vary: the comparison is not of constants
}

TEST(LinearModel, DamagedOrForeignFilesAreRefused) {
  std::string bytes = TrainToy().Serialize();
  // Corrupt one byte of the payload.
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x20;
  Result<LinearModel> r = LinearModel::Parse(flipped);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("corrupt"), std::string::npos);
  // Truncated.
  r = LinearModel::Parse(std::string_view(bytes).substr(0, bytes.size() - 9));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("truncated"), std::string::npos);
  // Not a model at all.
  EXPECT_FALSE(LinearModel::Parse("SITREPGZ and then some bytes of a gazetteer").ok());
  EXPECT_FALSE(LinearModel::Parse("").ok());
  // Another kind, another feature version.
  r = LinearModel::Parse(bytes, "attribution-tagger", 7);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("toy-tagger"), std::string::npos);
  r = LinearModel::Parse(bytes, "toy-tagger", 8);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("feature version 7"), std::string::npos);
  // A missing file names itself.
  r = LinearModel::Load("/nonexistent/attribution.model");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/nonexistent/attribution.model"), std::string::npos);
}

TEST(AttributionTagger, ShippedModelLoadsAndIsTheTaggersKind) {
  Result<AttributionTagger> t =
      AttributionTagger::Load(std::string(SITREP_SOURCE_DIR) + "/data/models/attribution.model");
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->model().info().feature_version, AttributionTagger::kFeatureVersion);
  EXPECT_NE(t->model().info().provenance.find("PolNeAR"), std::string::npos);
  // A classifier's file, or the toy tagger, is not an attribution model.
  TempDir dir("learn");
  ASSERT_TRUE(TrainToy().Save(dir / "toy.model").ok());
  EXPECT_FALSE(AttributionTagger::Load(dir / "toy.model").ok());
}

TEST(AttributionTagger, CrudeLemmaJoinsAVerbsForms) {
  // The tagger's lemma features give these forms one weight.
  for (const char* w : {"warns", "warned", "warning", "warn"}) EXPECT_EQ(CrudeLemma(w), "warn") << w;
  for (const char* w : {"plans", "planned", "planning", "plan"}) EXPECT_EQ(CrudeLemma(w), "plan") << w;
  for (const char* w : {"announces", "announced", "announcing", "announce"}) {
    EXPECT_EQ(CrudeLemma(w), "announc") << w;
  }
  for (const char* w : {"pushes", "pushed", "pushing"}) EXPECT_EQ(CrudeLemma(w), "push") << w;
  for (const char* w : {"calls", "called", "calling"}) EXPECT_EQ(CrudeLemma(w), "call") << w;
  for (const char* w : {"denies", "denied"}) EXPECT_EQ(CrudeLemma(w), "deny") << w;
  // Short words, and -ss, -us, -is, stay as they are.
  for (const char* w : {"is", "was", "has", "press", "campus", "analysis"}) EXPECT_EQ(CrudeLemma(w), w) << w;
}

TEST(AttributionTagger, ShippedModelWasTrainedOnTodaysWordLists) {
  // The tagger's features read the word classes of the word lists: when
  // those change, the committed model no longer is what its command gives.
  Result<AttributionTagger> t =
      AttributionTagger::Load(std::string(SITREP_SOURCE_DIR) + "/data/models/attribution.model");
  ASSERT_TRUE(t.ok()) << t.status().message();
  Result<std::unique_ptr<Lexicons>> lex = Lexicons::Load();
  ASSERT_TRUE(lex.ok()) << lex.status().message();
  EXPECT_EQ(t->model().info().data_fingerprint, (*lex)->LatinClassesFingerprint())
      << "the English word lists changed since data/models/attribution.model was trained: retrain it with the "
         "command in docs/models.md and update its figures there";
}

// Articles written for this test, with their attributions as byte spans.
AttributionArticle Article(std::string text, std::string_view source, std::string_view cue,
                           std::string_view content) {
  AttributionArticle a;
  a.name = "own";
  a.published = "2016-10-01";
  auto span = [&text](std::string_view part) {
    size_t b = text.find(part);
    return ByteSpan{b, b + part.size()};
  };
  a.gold.push_back({{span(cue)}, {span(source)}, {span(content)}});
  a.text = std::move(text);
  return a;
}

TEST(AttributionTraining, TheSameArticlesGiveTheSameFileTwice) {
  std::vector<AttributionArticle> train = {
      Article("The mayor said the bridge was closed.\n", "The mayor", "said", "the bridge was closed"),
      Article("Rebels claimed the town had fallen, a spokesman said.\n", "a spokesman", "said",
              "Rebels claimed the town had fallen"),
      Article("Officials told reporters that the road reopened.\n", "Officials", "told reporters",
              "that the road reopened"),
  };
  AttributionTrainOptions options;
  options.epochs = 3;
  options.min_weight = 0;
  options.cue_word_min_count = 1;
  auto quiet = [](const std::string&) {};
  Result<LinearModel> a = TrainAttributionTagger(train, {}, options, quiet);
  Result<LinearModel> b = TrainAttributionTagger(train, {}, options, quiet);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_GT(a->feature_count(), 0u);
  EXPECT_EQ(a->Serialize(), b->Serialize());
  // The file records the word lists it was trained with, and keeps it.
  Result<std::unique_ptr<Lexicons>> lex = Lexicons::Load();
  ASSERT_TRUE(lex.ok());
  EXPECT_EQ(a->info().data_fingerprint, (*lex)->LatinClassesFingerprint());
  Result<LinearModel> back = LinearModel::Parse(a->Serialize());
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->info().data_fingerprint, a->info().data_fingerprint);
}

TEST(AttributionTagger, BioLabelsBecomeSpans) {
  // O B-CUE I-CUE B-SRC B-CON I-CON I-CON O; an I- without its B- starts a span.
  std::vector<AttributionSpan> s = SpansFromLabels({0, 1, 2, 3, 5, 6, 6, 0, 6}, 10, 3);
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0].role, AttributionRole::kCue);
  EXPECT_EQ(s[0].token_begin, 11u);
  EXPECT_EQ(s[0].token_end, 13u);
  EXPECT_EQ(s[1].role, AttributionRole::kSource);
  EXPECT_EQ(s[2].role, AttributionRole::kContent);
  EXPECT_EQ(s[2].token_end, 17u);
  EXPECT_EQ(s[3].token_begin, 18u);
  EXPECT_EQ(s[3].sentence, 3u);
}

TEST(AttributionTraining, ReadsBratStandoffWithMultiLineTextAndCodePointOffsets) {
  TempDir dir("polnear");
  std::filesystem::create_directories(dir / "text");
  std::filesystem::create_directories(dir / "attributions");
  // "é" is two bytes: code point offsets after it differ from byte offsets.
  WriteFile(dir / "text/wire_2016-10-01_x.txt", "Café owners said the road was closed.\n");
  WriteFile(dir / "attributions/wire_2016-10-01_x_b.ann",
            "T1\tSource 0 11\tCafé owners\nT2\tCue 12 16\tsaid\nT3\tContent 17 36\tthe road\nwas closed\n"
            "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n");
  // A second annotator's file sorts after the first and is not read.
  WriteFile(dir / "attributions/wire_2016-10-01_x_z.ann", "T1\tCue 0 4\tCafé\n");
  Result<std::vector<AttributionArticle>> r = ReadAttributionFolder(dir / ".");
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->size(), 1u);
  const AttributionArticle& a = r->front();
  EXPECT_EQ(a.published, "2016-10-01");
  ASSERT_EQ(a.gold.size(), 1u);
  EXPECT_EQ(a.text.substr(a.gold[0].cue[0].begin, a.gold[0].cue[0].end - a.gold[0].cue[0].begin), "said");
  EXPECT_EQ(a.text.substr(a.gold[0].source[0].begin, a.gold[0].source[0].end - a.gold[0].source[0].begin),
            "Café owners");

  WriteFile(dir / "attributions/wire_2016-10-01_x_b.ann", "T1\tCue 12 99\tsaid\n");
  r = ReadAttributionFolder(dir / ".");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("_b.ann:1"), std::string::npos);
  EXPECT_FALSE(ReadAttributionFolder(dir / "text").ok());
}

}  // namespace
}  // namespace sitrep
