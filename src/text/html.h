// HTML to text: tags stripped (block tags become paragraph breaks), script
// and style dropped, entities decoded; with the offset map back to the HTML.
#ifndef SITREP_TEXT_HTML_H_
#define SITREP_TEXT_HTML_H_

#include <string>
#include <string_view>

#include "sitrep/document.h"

namespace sitrep {

// True when `bytes` looks like an HTML document or fragment.
bool LooksLikeHtml(std::string_view bytes);

struct HtmlText {
  std::string text;
  OffsetMap offsets;
  std::string title;  // <title>, decoded
  std::string published;  // from <meta property="article:published_time"> etc.
  std::string outlet;     // from <meta property="og:site_name">
  std::string url;        // from <link rel="canonical">, else <meta property="og:url">
};

HtmlText HtmlToText(std::string_view html);

// Decodes one entity starting at s[i] == '&'. Returns its length in `s` and
// appends the decoded text, or returns 0 when it is not an entity.
size_t DecodeEntity(std::string_view s, size_t i, std::string* out);

}  // namespace sitrep

#endif  // SITREP_TEXT_HTML_H_
