#include "extract/attribution_tagger.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "core/fnv.h"
#include "core/utf8.h"

namespace sitrep {

using learn::Feature;
using learn::FeatureId;
using learn::HashString;

namespace {

enum Label : int { kO, kBCue, kICue, kBSrc, kISrc, kBCon, kICon, kLabelCount };

// Feature templates. Their numbers are part of the model file's meaning:
// change one and bump AttributionTagger::kFeatureVersion.
enum Template : uint32_t {
  kBias = 1,
  kWord, kWordPrev, kWordNext, kWordPrev2, kWordNext2,
  kBigramPrev, kBigramNext,
  kShape, kShapeWindow,
  kSuffix3, kSuffix2, kPrefix3,
  kClasses, kClassesPrev, kClassesNext,
  kInQuote, kQuoteWord,
  kSpeechLeft, kSpeechRight, kSpeechBoth,
  kSpeechLeftWord, kSpeechRightWord,
  kPosition, kInitialCap,
  kCommasFromSpeech, kThatAfterSpeech,
  kWordLeftSpeech, kWordRightSpeech,
  kSentenceHasQuote, kColonBefore,
  // Feature version 3: a crude lemma of the word and its neighbours, and the
  // lemma with what stands before it and the frame after it.
  kLemma, kLemmaPrev, kLemmaNext, kLemmaSubject, kLemmaFollows, kLemmaFrame,
};

constexpr uint64_t kNone = 0x5a5a5a5a;

// The shape character of each ASCII byte: what IsDigit, IsLetter and
// IsUpper say, without three calls.
constexpr std::array<char, 128> kAsciiShape = [] {
  std::array<char, 128> t{};
  for (int c = 0; c < 128; ++c) {
    t[c] = c >= '0' && c <= '9' ? 'd' : c >= 'a' && c <= 'z' ? 'x' : c >= 'A' && c <= 'Z' ? 'X' : static_cast<char>(c);
  }
  return t;
}();

// The hash of a word's shape: "Xxxx", "xxxx", "XXXX", "dd", "." with runs
// collapsed (computed without building the string).
uint64_t ShapeHash(std::string_view w) {
  uint64_t h = kFnvOffset;
  char last = 0;
  for (size_t i = 0; i < w.size();) {
    char32_t cp = static_cast<unsigned char>(w[i]);
    char c;
    if (cp < 0x80) {
      ++i;
      c = kAsciiShape[cp];
    } else {
      int n = DecodeUtf8(w, i, &cp);
      i += n > 0 ? n : 1;
      c = IsDigit(cp) ? 'd' : IsLetter(cp) ? (IsUpper(cp) ? 'X' : 'x') : static_cast<char>(cp < 128 ? cp : '~');
    }
    if (c == last) continue;
    last = c;
    h = FnvStep(h, static_cast<unsigned char>(c));
  }
  return h;
}

// The first or last n code points of a folded word.
std::string_view Affix(std::string_view w, size_t n, bool suffix) {
  if (suffix) {
    size_t i = w.size(), k = 0;
    while (i > 0 && k < n) {
      --i;
      while (i > 0 && (static_cast<unsigned char>(w[i]) & 0xC0) == 0x80) --i;
      ++k;
    }
    return w.substr(i);
  }
  size_t i = 0, k = 0;
  while (i < w.size() && k < n) {
    ++i;
    while (i < w.size() && (static_cast<unsigned char>(w[i]) & 0xC0) == 0x80) ++i;
    ++k;
  }
  return w.substr(0, i);
}

uint64_t DistanceBucket(size_t d) {
  if (d <= 3) return d;
  if (d <= 5) return 4;
  if (d <= 8) return 5;
  if (d <= 15) return 6;
  return 7;
}

// Per token of sentence `s`, bits of what stands after it (a verb's argument
// frame): 1 a quotation later in the sentence, 2 "that" within 3 tokens,
// 4 a finite auxiliary within 8 ("announced it would"), 8 "to" and a word.
void ArgumentFrames(const Analysis& a, const Sentence& s, const std::vector<uint8_t>& in_quote,
                    std::vector<uint8_t>* frame) {
  frame->assign(s.token_end - s.token_begin, 0);
  size_t next_that = SIZE_MAX, next_finite = SIZE_MAX;
  bool quote_after = false;
  for (size_t k = s.token_end; k-- > s.token_begin;) {
    uint8_t f = 0;
    if (quote_after) f |= 1;
    if (next_that != SIZE_MAX && next_that - k <= 3) f |= 2;
    if (next_finite != SIZE_MAX && next_finite - k <= 8) f |= 4;
    if (a.Is(k + 1, "to") && k + 2 < s.token_end && a.IsWord(k + 2)) f |= 8;
    (*frame)[k - s.token_begin] = f;
    quote_after = quote_after || in_quote[k] != 0;
    if (a.Is(k, "that")) next_that = k;
    if (a.Has(k, kFiniteWord)) next_finite = k;
  }
}

// 1 when a subject-like word stands within 3 tokens before k in its sentence:
// a capitalised word that does not open it, or the start of a role, actor or
// known person.
uint64_t SubjectBefore(const Analysis& a, const Sentence& s, size_t k) {
  for (size_t j = k > s.token_begin + 3 ? k - 3 : s.token_begin; j < k; ++j) {
    if ((a.token(j).capitalized && j > s.token_begin) || a.Has(j, kRoleStart | kActorStart | kPersonStart)) return 1;
  }
  return 0;
}

// What follows token k: 0 the sentence's end, 1 a quotation mark, 2 a colon,
// 3 "that", 4 "to", 5 a comma, 6 a capitalised word, 7 anything else.
uint64_t WhatFollows(const Analysis& a, const Sentence& s, size_t k, const std::vector<uint8_t>& in_quote) {
  if (k + 1 >= s.token_end) return 0;
  if (in_quote[k + 1] != 0 && !a.IsWord(k + 1)) return 1;
  if (a.IsPunct(k + 1, U':')) return 2;
  if (a.Is(k + 1, "that")) return 3;
  if (a.Is(k + 1, "to")) return 4;
  if (a.IsPunct(k + 1, U',')) return 5;
  return a.token(k + 1).capitalized ? 6 : 7;
}

}  // namespace

namespace {

// CrudeLemma of a word of 4 to 40 bytes, written into buf[0, returned size).
size_t CrudeLemmaInto(std::string_view w, char* buf) {
  size_t n = w.size();
  for (size_t i = 0; i < n; ++i) buf[i] = w[i];
  auto ends = [&](std::string_view suf) { return n >= suf.size() + 3 && std::string_view(buf, n).ends_with(suf); };
  bool verbal = false;
  if (ends("ies") || ends("ied")) {
    n -= 3;
    buf[n++] = 'y';
  } else if (ends("ing")) {
    n -= 3;
    verbal = true;
  } else if (ends("ed")) {
    n -= 2;
    verbal = true;
  } else if (ends("sses") || ends("xes") || ends("zes") || ends("ches") || ends("shes")) {
    n -= 2;
  } else if (ends("s") && !ends("ss") && !ends("us") && !ends("is")) {
    n -= 1;
  }
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; };
  if (verbal && n >= 3 && buf[n - 1] == buf[n - 2] && !vowel(buf[n - 1]) && buf[n - 1] != 'l' && buf[n - 1] != 's' &&
      buf[n - 1] != 'z') {
    --n;
  }
  if (n >= 4 && buf[n - 1] == 'e') --n;
  return n;
}

// The hash of CrudeLemma(w) without building the string; `word` is the
// hash of w itself.
uint64_t CrudeLemmaHash(std::string_view w, uint64_t word) {
  if (w.size() < 4 || w.size() > 40) return word;
  char buf[48];
  return HashString(std::string_view(buf, CrudeLemmaInto(w, buf)));
}

// The ids of the features whose values are a few small numbers, computed
// once instead of for every token.
struct SmallFeatures {
  std::array<FeatureId, 3> in_quote;
  std::array<FeatureId, 10> left, right;     // DistanceBucket, or 9: none
  std::array<FeatureId, 1000> both;          // left * 100 + right * 10 + in_quote
  std::array<FeatureId, 6> position;         // the `where` of a token
  std::array<FeatureId, 4> initial_cap, commas;
  std::array<FeatureId, 2> that_after, has_quote;

  SmallFeatures() {
    auto fill = [](auto& ids, Template t) {
      for (size_t v = 0; v < ids.size(); ++v) ids[v] = Feature(t, v);
    };
    fill(in_quote, kInQuote);
    fill(left, kSpeechLeft);
    fill(right, kSpeechRight);
    fill(both, kSpeechBoth);
    fill(position, kPosition);
    fill(initial_cap, kInitialCap);
    fill(commas, kCommasFromSpeech);
    fill(that_after, kThatAfterSpeech);
    fill(has_quote, kSentenceHasQuote);
  }
};

}  // namespace

std::string CrudeLemma(std::string_view w) {
  if (w.size() < 4 || w.size() > 40) return std::string(w);
  char buf[48];
  return std::string(buf, CrudeLemmaInto(w, buf));
}

std::vector<std::string> AttributionTagger::Labels() {
  return {"O", "B-CUE", "I-CUE", "B-SRC", "I-SRC", "B-CON", "I-CON"};
}

Result<AttributionTagger> AttributionTagger::Load(const std::string& path) {
  Result<learn::LinearModel> m = learn::LinearModel::Load(path, kKind, kFeatureVersion);
  if (!m.ok()) return m.status();
  if (m->info().labels != Labels()) return Status::DataError(path + ": the model's labels are not the tagger's");
  return AttributionTagger(std::move(m).value());
}

AttributionTagger::AttributionTagger(learn::LinearModel model) : model_(std::move(model)) {
  for (const std::string& w : model_.info().words) cue_words_.insert(w);
}

void ForEachSentenceFeatures(const Analysis& a, const std::vector<QuoteMention>& quotes, const StringSet& cue_words,
                             const std::function<void(uint32_t, const learn::FeatureRows&)>& each) {
  static const SmallFeatures small;
  const size_t n = a.token_count();
  // Per token, once: hashes of the word, its shape and affixes, and whether
  // it stands inside a quotation.
  std::vector<uint64_t> word(n), shape(n), suf3(n), suf2(n), pre3(n);
  std::vector<uint8_t> in_quote(n, 0);
  std::vector<uint64_t> lemma(n);
  constexpr uint64_t kNumber = Fnv1a("<num>");
  for (size_t i = 0; i < n; ++i) {
    std::string_view f = a.folded[i];
    // FNV-1a runs left to right: the hash of the first 3 code points is
    // the word's hash part way.
    const std::string_view p3 = Affix(f, 3, false);
    pre3[i] = HashString(p3);
    const uint64_t whole = Fnv1a(f.substr(p3.size()), pre3[i]);
    const bool number = a.token(i).kind == TokenKind::kNumber;
    word[i] = number ? kNumber : whole;
    lemma[i] = number ? kNumber : CrudeLemmaHash(f, whole);
    shape[i] = ShapeHash(a.TokenText(i));
    const std::string_view s3 = Affix(f, 3, true);
    suf3[i] = HashString(s3);
    suf2[i] = HashString(Affix(s3, 2, true));
  }
  for (const QuoteMention& q : quotes) {
    for (size_t k = q.token_begin; k < q.token_end && k < n; ++k) in_quote[k] = q.speech ? 2 : 1;
  }
  auto lem = [&](size_t i, ptrdiff_t d) -> uint64_t {
    ptrdiff_t j = static_cast<ptrdiff_t>(i) + d;
    return j < 0 || j >= static_cast<ptrdiff_t>(n) ? kNone : lemma[j];
  };
  auto w = [&](size_t i, ptrdiff_t d) -> uint64_t {
    ptrdiff_t j = static_cast<ptrdiff_t>(i) + d;
    return j < 0 || j >= static_cast<ptrdiff_t>(n) ? kNone : word[j];
  };

  std::vector<size_t> speech;
  std::vector<uint8_t> frame;
  learn::FeatureRows rows;
  for (uint32_t si = 0; si < a.seg.sentences.size(); ++si) {
    const Sentence& s = a.seg.sentences[si];
    rows.Clear();
    rows.Reserve(s.token_end - s.token_begin, (s.token_end - s.token_begin) * 32);
    speech.clear();
    bool has_quote = false;
    for (size_t k = s.token_begin; k < s.token_end; ++k) {
      if (a.Has(k, kSpeechWord) || (a.IsWord(k) && cue_words.count(a.folded[k]) > 0)) speech.push_back(k);
      has_quote = has_quote || in_quote[k] == 2;
    }
    const size_t len = s.token_end - s.token_begin;
    ArgumentFrames(a, s, in_quote, &frame);
    size_t left = 0;  // speech words before k: speech[left - 1] is the nearest
    bool colon = false;
    size_t commas = 0;  // commas since the nearest speech word on the left
    // One token's features, gathered here and added to `rows` at once (at
    // most 37 of them: the pushes below).
    std::array<FeatureId, 40> row;
    size_t row_size = 0;
    for (size_t k = s.token_begin; k < s.token_end; ++k) {
      row_size = 0;
      auto push = [&row, &row_size](FeatureId id) { row[row_size++] = id; };
      while (left < speech.size() && speech[left] < k) {
        ++left;
        commas = 0;
      }
      size_t right = left;
      if (right < speech.size() && speech[right] == k) ++right;
      bool has_left = left > 0, has_right = right < speech.size();
      uint64_t dl = has_left ? DistanceBucket(k - speech[left - 1]) : 9;
      uint64_t dr = has_right ? DistanceBucket(speech[right] - k) : 9;
      uint64_t q = in_quote[k];
      size_t pos = k - s.token_begin;

      push(Feature(kBias, 0));
      push(Feature(kWord, word[k]));
      push(Feature(kWordPrev, w(k, -1)));
      push(Feature(kWordNext, w(k, 1)));
      push(Feature(kWordPrev2, w(k, -2)));
      push(Feature(kWordNext2, w(k, 2)));
      push(Feature(kBigramPrev, w(k, -1) * 31 + word[k]));
      push(Feature(kBigramNext, word[k] * 31 + w(k, 1)));
      push(Feature(kShape, shape[k]));
      push(Feature(kShapeWindow, (k > 0 ? shape[k - 1] : kNone) * 961 + shape[k] * 31 +
                                            (k + 1 < n ? shape[k + 1] : kNone)));
      push(Feature(kSuffix3, suf3[k]));
      push(Feature(kSuffix2, suf2[k]));
      push(Feature(kPrefix3, pre3[k]));
      push(Feature(kClasses, a.classes[k]));
      push(Feature(kClassesPrev, k > 0 ? a.classes[k - 1] : kNone));
      push(Feature(kClassesNext, k + 1 < n ? a.classes[k + 1] : kNone));
      push(small.in_quote[q]);
      push(Feature(kQuoteWord, word[k] * 3 + q));
      push(small.left[dl]);
      push(small.right[dr]);
      push(small.both[dl * 100 + dr * 10 + q]);
      push(Feature(kSpeechLeftWord, has_left ? word[speech[left - 1]] * 11 + dl : kNone));
      push(Feature(kSpeechRightWord, has_right ? word[speech[right]] * 11 + dr : kNone));
      uint64_t where = pos == 0 ? 0 : pos + 1 == len ? 1 : 2 + (4 * pos) / std::max<size_t>(len, 1);
      push(small.position[where]);
      push(small.initial_cap[(pos == 0 ? 2 : 0) + (a.token(k).capitalized ? 1 : 0)]);
      if (has_left) {
        push(small.commas[std::min<size_t>(commas, 3)]);
        push(small.that_after[a.Is(speech[left - 1] + 1, "that") ? 1 : 0]);
        push(Feature(kWordLeftSpeech, word[k] * 7 + std::min<uint64_t>(dl, 3)));
      }
      if (has_right) push(Feature(kWordRightSpeech, word[k] * 7 + std::min<uint64_t>(dr, 3)));
      push(small.has_quote[has_quote ? 1 : 0]);
      if (colon) push(Feature(kColonBefore, 1));
      push(Feature(kLemma, lemma[k]));
      push(Feature(kLemmaPrev, lem(k, -1)));
      push(Feature(kLemmaNext, lem(k, 1)));
      push(Feature(kLemmaSubject, lemma[k] * 3 + SubjectBefore(a, s, k)));
      push(Feature(kLemmaFollows, lemma[k] * 11 + WhatFollows(a, s, k, in_quote)));
      push(Feature(kLemmaFrame, lemma[k] * 17 + frame[pos]));
      colon = colon || a.IsPunct(k, U':');
      commas += a.IsPunct(k, U',');
      rows.Add({row.data(), row_size});
    }
    each(si, rows);
  }
}

std::vector<learn::FeatureRows> AttributionFeatures(const Analysis& a, const std::vector<QuoteMention>& quotes,
                                                    const StringSet& cue_words) {
  std::vector<learn::FeatureRows> out;
  out.reserve(a.seg.sentences.size());
  ForEachSentenceFeatures(a, quotes, cue_words, [&](uint32_t, const learn::FeatureRows& rows) { out.push_back(rows); });
  return out;
}

std::vector<AttributionSpan> SpansFromLabels(const std::vector<int>& labels, size_t token_begin, uint32_t sentence) {
  std::vector<AttributionSpan> spans;
  auto role_of = [](int l) {
    return l == kBCue || l == kICue ? AttributionRole::kCue
           : l == kBSrc || l == kISrc ? AttributionRole::kSource
                                      : AttributionRole::kContent;
  };
  for (size_t i = 0; i < labels.size(); ++i) {
    int l = labels[i];
    if (l == kO) continue;
    bool begins = l == kBCue || l == kBSrc || l == kBCon || spans.empty() ||
                  spans.back().token_end != token_begin + i || spans.back().role != role_of(l);
    if (begins) {
      spans.push_back({role_of(l), token_begin + i, token_begin + i + 1, sentence});
    } else {
      spans.back().token_end = token_begin + i + 1;
    }
  }
  return spans;
}

std::vector<AttributionSpan> AttributionTagger::Tag(const Analysis& a, const std::vector<QuoteMention>& quotes) const {
  // A sentence at a time: the features of a whole long document at once
  // took 12 MB for 500 KB of text (massif).
  std::vector<AttributionSpan> spans;
  ForEachSentenceFeatures(a, quotes, cue_words_, [&](uint32_t s, const learn::FeatureRows& rows) {
    std::vector<int> labels = model_.Decode(rows);
    std::vector<AttributionSpan> one = SpansFromLabels(labels, a.seg.sentences[s].token_begin, s);
    spans.insert(spans.end(), one.begin(), one.end());
  });
  return spans;
}

}  // namespace sitrep
