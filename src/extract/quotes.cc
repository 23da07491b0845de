#include "extract/mentions.h"

namespace sitrep {

namespace {

constexpr int kMinSpeechWords = 4;

bool Opens(char32_t cp) { return cp == 0x201C || cp == 0x00AB || cp == 0x201E; }
bool Closes(char32_t cp, char32_t opener) {
  if (opener == 0x00AB) return cp == 0x00BB;
  if (opener == 0x201E) return cp == 0x201C || cp == 0x201D;
  if (opener == U'"') return cp == U'"' || cp == 0x201D;
  return cp == 0x201D || cp == U'"';
}

}  // namespace

std::vector<QuoteMention> FindQuotes(const Analysis& a) {
  std::vector<QuoteMention> quotes;
  const auto& tokens = a.seg.tokens;
  for (uint32_t p = 0; p < a.seg.paragraphs.size(); ++p) {
    const Paragraph& para = a.seg.paragraphs[p];
    if (para.sentence_begin == para.sentence_end) continue;
    size_t tb = a.seg.sentences[para.sentence_begin].token_begin;
    size_t te = a.seg.sentences[para.sentence_end - 1].token_end;
    char32_t opener = 0;
    size_t open_at = 0;
    auto finish = [&](size_t close_at, bool closed) {
      QuoteMention q;
      q.token_begin = open_at + 1;
      q.token_end = close_at;
      q.outer = {tokens[open_at].begin, closed ? tokens[close_at].end : tokens[close_at - 1].end};
      q.inner = q.token_begin < q.token_end ? a.TokenSpan(q.token_begin, q.token_end)
                                            : Span{tokens[open_at].end, tokens[open_at].end};
      for (size_t k = q.token_begin; k < q.token_end; ++k) q.words += tokens[k].kind != TokenKind::kPunct;
      // Four words make speech; so do two or three that end a sentence or
      // clause inside the marks (“These are fabrications,” Peskov said),
      // unlike a scare quote ("so-called “liberation”").
      bool ends_inside = q.token_end > q.token_begin && tokens[q.token_end - 1].kind == TokenKind::kPunct &&
                         (tokens[q.token_end - 1].first == U',' || tokens[q.token_end - 1].first == U'.' ||
                          tokens[q.token_end - 1].first == U'!' || tokens[q.token_end - 1].first == U'?');
      q.speech = q.words >= kMinSpeechWords || (q.words >= 2 && ends_inside);
      q.closed = closed;
      q.paragraph = p;
      quotes.push_back(q);
      opener = 0;
    };
    for (size_t i = tb; i < te; ++i) {
      const Token& t = tokens[i];
      if (t.kind != TokenKind::kPunct) continue;
      if (opener != 0 && Closes(t.first, opener)) {
        finish(i, true);
        continue;
      }
      if (opener != 0) continue;
      bool straight_opens = t.first == U'"' && i + 1 < te && tokens[i + 1].begin == t.end &&
                            (i == tb || tokens[i - 1].end < t.begin || tokens[i - 1].first == U'(');
      if (Opens(t.first) || straight_opens) {
        opener = t.first;
        open_at = i;
      }
    }
    if (opener != 0 && open_at + 1 < te) finish(te, false);
  }
  return quotes;
}

}  // namespace sitrep
