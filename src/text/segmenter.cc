#include "text/segmenter.h"

#include <string>

#include "core/utf8.h"

namespace sitrep {

bool IsOpeningQuote(char32_t cp) {
  return cp == U'"' || cp == 0x201C || cp == 0x00AB || cp == 0x201E || cp == 0x2018;
}

bool IsClosingQuote(char32_t cp) {
  return cp == U'"' || cp == 0x201D || cp == 0x00BB || cp == 0x2019 || cp == 0x201C;
}

namespace {

bool IsHyphen(char32_t cp) { return cp == U'-' || cp == 0x2010 || cp == 0x2011; }
bool IsApostrophe(char32_t cp) { return cp == U'\'' || cp == 0x2019 || cp == 0x02BC; }
bool IsWordChar(char32_t cp) {
  if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
  return IsLetter(cp) || IsDigit(cp) || (cp >= 0x300 && cp < 0x370);  // combining marks
}

inline char32_t At(std::string_view s, size_t i, int* len) {
  if (i >= s.size()) {
    *len = 0;
    return 0;
  }
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    *len = 1;
    return c;
  }
  char32_t cp;
  *len = DecodeUtf8(s, i, &cp);
  if (*len == 0) *len = 1;
  return cp;
}

inline bool IsSpaceFast(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' || cp == '\f' || cp == '\v';
  return IsSpace(cp);
}

// Words after which a period does not end a sentence.
bool IsAbbreviation(std::string_view word) {
  static constexpr std::string_view kAbbr[] = {
      "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "sgt", "capt", "gov", "sen", "rep",
      "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      "no", "vs", "etc", "inc", "co", "corp", "jr", "sr", "prof", "adm", "cmdr", "approx", "est",
      "pres", "sgt", "pvt", "cpl", "ft", "mt", "vol", "fig", "gov", "atty", "rev", "hon"};
  if (word.size() > 6) return false;
  std::string lower;
  for (char c : word) lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  for (auto a : kAbbr) {
    if (lower == a) return true;
  }
  return false;
}

void Tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>* tokens) {
  size_t i = begin;
  while (i < end) {
    int len;
    char32_t cp = At(text, i, &len);
    if (IsSpaceFast(cp)) {
      i += len;
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(i);
    t.first = cp;
    if (IsWordChar(cp)) {
      bool number = IsDigit(cp);
      int letters = 0, uppers = 0;
      size_t j = i;
      while (j < end) {
        int l;
        char32_t c = At(text, j, &l);
        if (IsWordChar(c)) {
          if (c < 0x80 ? !(c >= '0' && c <= '9') : IsLetter(c)) {
            ++letters;
            if (c < 0x80 ? (c >= 'A' && c <= 'Z') : IsUpper(c)) ++uppers;
          }
          j += l;
          continue;
        }
        int l2 = 0;
        char32_t next = j + l < end ? At(text, j + l, &l2) : 0;
        if (IsHyphen(c) && IsWordChar(next)) {
          j += l;
          continue;
        }
        if (IsApostrophe(c) && IsLetter(next)) {
          // "Ukraine's" splits off "'s"; "O'Brien", "don't" stay whole.
          int l3;
          char32_t after = j + l + l2 < end ? At(text, j + l + l2, &l3) : 0;
          if ((next == U's' || next == U'S') && !IsWordChar(after)) break;
          j += l;
          continue;
        }
        if (number && (c == U',' || c == U'.') && IsDigit(next)) {
          j += l;
          continue;
        }
        // "U.S." and "U.K.": single letters joined by periods.
        if (c == U'.' && !number && j - t.begin <= 3 && letters <= 2 && IsLetter(next) &&
            (j + l + l2 >= end || text[j + l + l2] == '.')) {
          j += l;
          continue;
        }
        if (c == U'.' && !number && letters >= 1 && j >= t.begin + 2 && text[j - 2] == '.') {
          j += l;  // the final period of "U.S."
          break;
        }
        break;
      }
      t.end = static_cast<uint32_t>(j);
      t.kind = number ? TokenKind::kNumber : TokenKind::kWord;
      t.capitalized = IsUpper(cp);
      t.all_caps = letters >= 2 && uppers == letters;
      tokens->push_back(t);
      i = j;
      continue;
    }
    if (IsApostrophe(cp)) {
      // A possessive "'s" after a word.
      int l2 = 0;
      char32_t next = At(text, i + len, &l2);
      int l3;
      char32_t after = i + len + l2 < end ? At(text, i + len + l2, &l3) : 0;
      if ((next == U's' || next == U'S') && !IsWordChar(after) && !tokens->empty() &&
          tokens->back().end == i && tokens->back().kind != TokenKind::kPunct) {
        t.end = static_cast<uint32_t>(i + len + l2);
        t.kind = TokenKind::kWord;
        tokens->push_back(t);
        i = t.end;
        continue;
      }
    }
    t.end = static_cast<uint32_t>(i + len);
    t.kind = TokenKind::kPunct;
    tokens->push_back(t);
    i += len;
  }
}

bool EndsSentence(char32_t cp) { return cp == U'.' || cp == U'!' || cp == U'?' || cp == 0x2026; }
// Marks that may follow a sentence's final punctuation and still belong to it.
bool ClosesAfterEnd(char32_t cp) {
  return cp == U'"' || cp == 0x201D || cp == 0x00BB || cp == 0x2019 || cp == U')' || cp == U']';
}

}  // namespace

Segmentation Segment(std::string_view text) {
  Segmentation seg;
  const uint32_t n = static_cast<uint32_t>(text.size());
  // 1. Paragraphs: a blank line, or a line break after sentence-final punctuation.
  std::vector<std::pair<uint32_t, uint32_t>> paras;
  uint32_t start = 0;
  bool first_line = true;
  for (uint32_t i = 0; i < n; ++i) {
    if (text[i] != '\n') continue;
    uint32_t j = i + 1;
    bool blank = false;
    while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n')) {
      if (text[j] == '\n') blank = true;
      ++j;
    }
    uint32_t k = i;
    while (k > start && (text[k - 1] == ' ' || text[k - 1] == '\r' || text[k - 1] == '\t')) --k;
    bool after_end = false;
    if (k > start) {
      // Walk back over one code point.
      uint32_t p = k - 1;
      while (p > start && (static_cast<unsigned char>(text[p]) & 0xC0) == 0x80) --p;
      int l;
      char32_t cp = At(text, p, &l);
      after_end = EndsSentence(cp) || ClosesAfterEnd(cp) || cp == U':';
    }
    if (blank || after_end || first_line) {
      paras.emplace_back(start, i);
      start = j;
      i = j - 1;
    }
    first_line = false;
  }
  if (start < n) paras.emplace_back(start, n);

  std::vector<std::pair<uint32_t, uint32_t>> para_tokens;
  for (auto [pb, pe] : paras) {
    uint32_t tb = static_cast<uint32_t>(seg.tokens.size());
    Tokenize(text, pb, pe, &seg.tokens);
    para_tokens.emplace_back(tb, static_cast<uint32_t>(seg.tokens.size()));
  }
  // Text published all in lower case (some wires and archives, transcripts):
  // a sentence cannot be told by its capital, so a period followed by a
  // lower-case word ends one too. Capitals are rare there; in ordinary prose
  // one word in ten or more has one.
  size_t words = 0, capitalized = 0;
  for (const Token& t : seg.tokens) {
    if (t.kind != TokenKind::kWord || !IsLetter(t.first)) continue;
    ++words;
    capitalized += t.capitalized;
  }
  const bool caseless = words >= 20 && capitalized * 100 < words * 2;

  for (auto [tb, te] : para_tokens) {
    if (tb == te) continue;
    Paragraph para;
    para.begin = seg.tokens[tb].begin;
    para.end = seg.tokens[te - 1].end;
    para.sentence_begin = static_cast<uint32_t>(seg.sentences.size());
    uint32_t sent_start = tb;
    auto close_sentence = [&](uint32_t last_token) {
      Sentence s;
      s.token_begin = sent_start;
      s.token_end = last_token + 1;
      s.begin = seg.tokens[sent_start].begin;
      s.end = seg.tokens[last_token].end;
      s.paragraph = static_cast<uint32_t>(seg.paragraphs.size());
      seg.sentences.push_back(s);
      sent_start = last_token + 1;
    };
    for (uint32_t t = tb; t < te; ++t) {
      const Token& tok = seg.tokens[t];
      if (tok.kind != TokenKind::kPunct || !EndsSentence(tok.first)) continue;
      if (tok.first == U'.' && t > sent_start) {
        const Token& prev = seg.tokens[t - 1];
        std::string_view w = text.substr(prev.begin, prev.size());
        if (prev.end == tok.begin && prev.kind == TokenKind::kWord &&
            (IsAbbreviation(w) || (prev.size() == 1 && prev.capitalized))) {
          continue;
        }
      }
      uint32_t last = t;
      while (last + 1 < te && seg.tokens[last + 1].kind == TokenKind::kPunct &&
             (ClosesAfterEnd(seg.tokens[last + 1].first) || EndsSentence(seg.tokens[last + 1].first))) {
        // A straight quote directly before a word opens the next sentence.
        if (seg.tokens[last + 1].first == U'"' && last + 2 < te &&
            seg.tokens[last + 2].begin == seg.tokens[last + 1].end) {
          break;
        }
        ++last;
      }
      if (last + 1 >= te) break;  // the paragraph's end closes it
      const Token& next = seg.tokens[last + 1];
      bool starts = next.capitalized || next.kind == TokenKind::kNumber || IsOpeningQuote(next.first) ||
                    next.first == U'(' || next.first == U'[' || next.first == 0x2014 || next.first == 0x2013 ||
                    (caseless && next.kind == TokenKind::kWord && IsLetter(next.first));
      if (!starts) continue;
      close_sentence(last);
      t = last;
    }
    if (sent_start < te) close_sentence(te - 1);
    para.sentence_end = static_cast<uint32_t>(seg.sentences.size());
    seg.paragraphs.push_back(para);
  }
  return seg;
}

std::string NameKey(std::string_view name) {
  std::vector<Token> tokens;
  Tokenize(name, 0, static_cast<uint32_t>(name.size()), &tokens);
  std::string key;
  for (const Token& t : tokens) {
    if (!key.empty()) key.push_back(' ');
    key += FoldCase(name.substr(t.begin, t.size()));
  }
  return key;
}

}  // namespace sitrep
