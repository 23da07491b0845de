// Paragraphs, sentences and tokens of a text, as byte offsets into it.
// Rule-based and linear in the text's length.
#ifndef SITREP_TEXT_SEGMENTER_H_
#define SITREP_TEXT_SEGMENTER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  uint32_t begin = 0, end = 0;
  TokenKind kind = TokenKind::kPunct;
  bool capitalized = false;  // first letter is upper case
  bool all_caps = false;     // every letter upper case (two or more letters)
  char32_t first = 0;        // first code point
  uint32_t size() const { return end - begin; }
};

struct Sentence {
  uint32_t begin = 0, end = 0;              // bytes
  uint32_t token_begin = 0, token_end = 0;  // token indexes, half-open
  uint32_t paragraph = 0;
};

struct Paragraph {
  uint32_t begin = 0, end = 0;
  uint32_t sentence_begin = 0, sentence_end = 0;
};

struct Segmentation {
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Paragraph> paragraphs;
};

Segmentation Segment(std::string_view text);

// The lookup key of a name or phrase: its tokens, case-folded, joined by one
// space ("St. Petersburg" -> "st . petersburg", "People's" -> "people 's").
// Lexicons and the gazetteer key their entries this way, and the pipeline
// joins a document's folded tokens the same way, so both sides agree.
std::string NameKey(std::string_view name);

// True for the code points news text uses as quotation marks.
bool IsOpeningQuote(char32_t cp);
bool IsClosingQuote(char32_t cp);

}  // namespace sitrep

#endif  // SITREP_TEXT_SEGMENTER_H_
