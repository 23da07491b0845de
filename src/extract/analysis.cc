#include "extract/analysis.h"

#include <algorithm>
#include <unordered_map>

#include "core/utf8.h"
#include "extract/lexicons.h"

namespace sitrep {

Analysis::Analysis(std::string_view t, std::optional<CivilDate> pub, const Lexicons& lexicons,
                   const Morphology* morphology, Language lang)
    : text(t), lex(lexicons), published(pub), seg(Segment(t)), language(lang) {
  folded.reserve(seg.tokens.size());
  classes.reserve(seg.tokens.size());
  for (const Token& tok : seg.tokens) {
    folded.push_back(FoldCase(t.substr(tok.begin, tok.size())));
    classes.push_back(tok.kind == TokenKind::kPunct ? 0 : lex.Classes(folded.back()));
  }
  if (language != Language::kEnglish && morphology != nullptr) AnalyzeWords(*morphology);
  headline = FindHeadlines(*this);
  sentence_of.assign(seg.tokens.size(), 0);
  for (uint32_t s = 0; s < seg.sentences.size(); ++s) {
    for (uint32_t i = seg.sentences[s].token_begin; i < seg.sentences[s].token_end; ++i) sentence_of[i] = s;
  }
}

void Analysis::AnalyzeWords(const Morphology& morphology) {
  RussianStemmer stemmer;
  lemma = folded;
  stem = folded;
  // One analysis per distinct word of the document, then per token a copy.
  std::unordered_map<std::string_view, std::pair<WordAnalysis, std::string>> seen;
  for (size_t i = 0; i < seg.tokens.size(); ++i) {
    const Token& tok = seg.tokens[i];
    if (tok.kind != TokenKind::kWord || !IsCyrillicWord(folded[i])) continue;
    auto it = seen.find(folded[i]);
    if (it == seen.end()) {
      WordAnalysis w = morphology.Analyze(folded[i], tok.capitalized, language);
      // Of several lemmas ("року" -> "рок", "рік"), one the word lists know.
      for (const std::string& l : w.lemmas) {
        if (lex.Classes(l) != 0) {
          w.lemma = l;
          break;
        }
      }
      it = seen.emplace(folded[i], std::make_pair(std::move(w), stemmer.Stem(folded[i]))).first;
    }
    const auto& [w, st] = it->second;
    lemma[i] = w.lemma;
    stem[i] = st;
    classes[i] |= lex.Classes(lemma[i]) | lex.Classes(stem[i]) | (w.common ? static_cast<uint32_t>(kCommonWord) : 0u);
  }
}

size_t Analysis::TokenAt(uint32_t offset) const {
  auto it = std::lower_bound(seg.tokens.begin(), seg.tokens.end(), offset,
                             [](const Token& t, uint32_t o) { return t.begin < o; });
  return static_cast<size_t>(it - seg.tokens.begin());
}

std::vector<bool> FindHeadlines(const Analysis& a) {
  std::vector<bool> headline(a.seg.sentences.size(), false);
  if (a.seg.paragraphs.size() < 2) return headline;
  const Paragraph& p0 = a.seg.paragraphs[0];
  if (p0.sentence_end - p0.sentence_begin != 1) return headline;
  const Sentence& s = a.seg.sentences[p0.sentence_begin];
  const Token& last = a.token(s.token_end - 1);
  bool ends = last.kind == TokenKind::kPunct &&
              (last.first == U'.' || last.first == U'!' || last.first == U'?' || last.first == 0x201D ||
               last.first == U'"');
  headline[p0.sentence_begin] = !ends;
  return headline;
}

const std::vector<std::string_view>& AuxiliaryWordList() {
  static const std::vector<std::string_view> kAux = {
      "has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "can", "may",
      "might", "must", "should", "did", "does", "do", "also", "again", "later", "then", "previously",
      "publicly", "repeatedly", "recently", "reportedly", "allegedly", "had", "already", "further",
      "not", "never", "once", "often", "firmly", "flatly", "categorically", "earlier", "separately",
      "privately", "officially", "explicitly", "openly", "independently", "subsequently", "initially",
      "still", "has", "been", "quickly", "immediately", "swiftly", "strongly", "himself", "herself",
      "itself", "themselves", "personally", "directly", "indirectly", "just", "even"};
  return kAux;
}


const std::vector<std::string_view>& StopWordList() {
  static const std::vector<std::string_view> kStop = {
      "the", "a", "an", "but", "however", "though", "although", "and", "or", "in", "on", "at",
      "for", "with", "by", "from", "to", "as", "this", "that", "these", "those", "it", "its",
      "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my", "your", "there",
      "here", "when", "while", "after", "before", "since", "if", "so", "yet", "still", "also",
      "meanwhile", "moreover", "instead", "then", "now", "earlier", "later", "last", "next",
      "some", "many", "most", "several", "both", "each", "every", "all", "no", "not",
      "according", "reports", "report", "one", "two", "what", "who", "which", "where", "why",
      "how", "such", "other", "another", "despite", "during", "over", "under", "among", "until",
      "because", "without", "within", "about", "around", "only", "even", "just", "more", "less",
      "first", "second", "new", "old", "said", "says", "is", "was", "are", "were", "be", "has",
      "have", "had", "do", "does", "did", "will", "would", "could", "should", "can", "may",
      "might", "must", "of", "into", "across", "through", "against", "than", "whether", "once",
      "asked", "mr", "mrs", "ms", "dr", "sir", "yes", "oh", "well", "please", "thank", "thanks",
      "we're", "it's", "i'm", "that's", "there's", "don't", "we've", "let", "let's", "nor",
      "very", "much", "any", "none", "same", "like", "unlike", "amid", "near", "toward",
      "towards", "upon", "via", "per", "following", "including", "following", "overall",
      "official", "officials", "sources", "analysts", "experts", "photo", "video", "read",
      "update", "updated", "breaking", "exclusive", "analysis", "opinion", "editor's", "note"};
  return kStop;
}

bool IsBeForm(std::string_view w) {
  return w == "is" || w == "was" || w == "were" || w == "are" || w == "been" || w == "being" || w == "be";
}

bool Analysis::IsStopWord(std::string_view w) const { return lex.IsStopWord(w); }

}  // namespace sitrep
