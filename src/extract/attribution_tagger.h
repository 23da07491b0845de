// The learned attribution tagger: marks, sentence by sentence, the tokens
// that are an attribution's cue ("said", "according to", "believes"), its
// source ("the agency", "Two militia spokesmen", "he") and its content, as
// BIO tags from a linear-chain model (learn/linear_model.h) trained on
// PolNeAR. The claim builder (events/claims.cc) turns the spans into claims
// and resolves who the source is.
#ifndef SITREP_EXTRACT_ATTRIBUTION_TAGGER_H_
#define SITREP_EXTRACT_ATTRIBUTION_TAGGER_H_

#include <functional>
#include <string>
#include <vector>

#include "extract/analysis.h"
#include "extract/lexicons.h"
#include "extract/mentions.h"
#include "core/string_map.h"
#include "learn/linear_model.h"

namespace sitrep {

enum class AttributionRole : uint8_t { kCue, kSource, kContent };

struct AttributionSpan {
  AttributionRole role = AttributionRole::kCue;
  size_t token_begin = 0, token_end = 0;  // half-open, within one sentence
  uint32_t sentence = 0;
};

class AttributionTagger {
 public:
  static constexpr const char* kKind = "attribution-tagger";
  // Bumped whenever the features below change: an older model is refused.
  static constexpr uint32_t kFeatureVersion = 3;
  // O, B-CUE, I-CUE, B-SRC, I-SRC, B-CON, I-CON.
  static std::vector<std::string> Labels();

  explicit AttributionTagger(learn::LinearModel model);
  // Extractor::Open loads it (the default path: pipeline/data_paths.h).
  static Result<AttributionTagger> Load(const std::string& path);

  const learn::LinearModel& model() const { return model_; }

  // Every cue, source and content span of the document, in text order.
  std::vector<AttributionSpan> Tag(const Analysis& a, const std::vector<QuoteMention>& quotes) const;

 private:
  learn::LinearModel model_;
  StringSet cue_words_;  // model_.info().words
};

// A crude English lemma of a folded word, so that "warns", "warned" and
// "warning" share their weights in the tagger: strips -ies/-ied (to -y), -es
// after a sibilant, -s (not -ss, -us, -is), -ed and -ing with a doubled
// final consonant ("planned" -> "plan"), then a final -e ("announced" ->
// "announc"). Words of fewer than 4 bytes and longer than 40 stay whole.
std::string CrudeLemma(std::string_view w);

// The features of every token, one FeatureRows per sentence (the same for
// training and tagging).
// `cue_words`: words that, besides sitrep's speech verbs, anchor the
// distance-to-cue features (learned from the training data, kept in the
// model file).
std::vector<learn::FeatureRows> AttributionFeatures(const Analysis& a, const std::vector<QuoteMention>& quotes,
                                                    const StringSet& cue_words);
// The same, handed over one sentence at a time (its index and rows; the rows
// are reused for the next sentence).
void ForEachSentenceFeatures(const Analysis& a, const std::vector<QuoteMention>& quotes, const StringSet& cue_words,
                             const std::function<void(uint32_t, const learn::FeatureRows&)>& each);

// BIO labels (indexes into Labels()) back to spans of one sentence.
std::vector<AttributionSpan> SpansFromLabels(const std::vector<int>& labels, size_t token_begin, uint32_t sentence);

}  // namespace sitrep

#endif  // SITREP_EXTRACT_ATTRIBUTION_TAGGER_H_
