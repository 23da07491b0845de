// The per-document working state the extract stages share: the text, its
// segmentation and each token's case-folded form. Offsets are into `text`.
#ifndef SITREP_EXTRACT_ANALYSIS_H_
#define SITREP_EXTRACT_ANALYSIS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/morphology.h"
#include "sitrep/extraction.h"
#include "text/segmenter.h"

namespace sitrep {

class Lexicons;

struct Analysis {
  // `morphology` (may be null) gives Russian and Ukrainian words their
  // lemmas and stems when `language` is one of them; English text is read
  // as before, with no morphology.
  Analysis(std::string_view text, std::optional<CivilDate> published, const Lexicons& lexicons,
           const Morphology* morphology = nullptr, Language language = Language::kEnglish);

  std::string_view text;
  const Lexicons& lex;                  // the word lists every stage reads
  std::optional<CivilDate> published;
  Segmentation seg;
  std::vector<std::string> folded;      // per token: FoldCase(token text)
  std::vector<uint32_t> sentence_of;    // per token: its sentence index
  std::vector<uint32_t> classes;        // per token: WordClass bits (extract/lexicons.h)
  std::vector<bool> headline;           // per sentence: FindHeadlines
  Language language = Language::kEnglish;
  // Russian and Ukrainian only (empty otherwise): per token, the lemma
  // (Hunspell's, "сбили" -> "сбить"; the folded word when unknown) and the
  // Snowball Russian stem (for lexicon phrases: "генштабу" -> "генштаб").
  // Non-Cyrillic tokens keep their folded form in both.
  std::vector<std::string> lemma, stem;

  bool Slavic() const { return !lemma.empty(); }
  // The words verbs, triggers, numbers and function words are matched on:
  // lemmas in Russian and Ukrainian text, folded words otherwise.
  const std::vector<std::string>& Lemmas() const { return lemma.empty() ? folded : lemma; }
  // The words lexicon phrases (actors, roles, people) are matched on.
  const std::vector<std::string>& Stems() const { return stem.empty() ? folded : stem; }
  const std::string& L(size_t i) const { return lemma.empty() ? folded[i] : lemma[i]; }

  size_t token_count() const { return seg.tokens.size(); }
  const Token& token(size_t i) const { return seg.tokens[i]; }
  std::string_view TokenText(size_t i) const {
    return text.substr(seg.tokens[i].begin, seg.tokens[i].size());
  }
  // True when token i exists and folds to `word`.
  bool Is(size_t i, std::string_view word) const { return i < folded.size() && folded[i] == word; }
  bool IsPunct(size_t i, char32_t cp) const {
    return i < seg.tokens.size() && seg.tokens[i].kind == TokenKind::kPunct && seg.tokens[i].first == cp;
  }
  bool IsWord(size_t i) const { return i < seg.tokens.size() && seg.tokens[i].kind == TokenKind::kWord; }
  bool Has(size_t i, uint32_t word_class) const { return i < classes.size() && (classes[i] & word_class) != 0; }
  // True when token i is the first token of its sentence.
  bool SentenceInitial(size_t i) const { return seg.sentences[sentence_of[i]].token_begin == i; }
  // The bytes of tokens [begin, end); an empty span where begin would be
  // when the range is empty.
  Span TokenSpan(size_t begin, size_t end) const {
    if (begin >= end || end > seg.tokens.size()) {
      uint32_t at = begin < seg.tokens.size() ? seg.tokens[begin].begin
                    : seg.tokens.empty()     ? 0
                                             : seg.tokens.back().end;
      return {at, at};
    }
    return {seg.tokens[begin].begin, seg.tokens[end - 1].end};
  }
  std::string_view SpanText(Span s) const { return text.substr(s.begin, s.end - s.begin); }
  // Lower-case function words, sentence openers and the like: never names.
  bool IsStopWord(std::string_view folded) const;
  // Index of the first token that starts at or after `offset`.
  size_t TokenAt(uint32_t offset) const;

 private:
  void AnalyzeWords(const Morphology& morphology);
};

// Per sentence: true for a headline (a one-sentence first paragraph with no
// final punctuation, followed by more text). Headlines are not claims and
// their Title Case is not a sign of names.
std::vector<bool> FindHeadlines(const Analysis& a);

// True for forms of "be" ("was", "been"): a passive follows ("was shelled").
bool IsBeForm(std::string_view folded);

}  // namespace sitrep

#endif  // SITREP_EXTRACT_ANALYSIS_H_
