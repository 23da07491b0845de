#include "text/html.h"

#include <array>
#include <cctype>
#include <cstring>

#include "core/utf8.h"

namespace sitrep {

namespace {

bool StartsWithNoCase(std::string_view s, size_t i, std::string_view prefix) {
  if (i + prefix.size() > s.size()) return false;
  for (size_t k = 0; k < prefix.size(); ++k) {
    char c = s[i + k];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c != prefix[k]) return false;
  }
  return true;
}

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

struct NamedEntity {
  const char* name;
  char32_t cp;
};
constexpr std::array<NamedEntity, 32> kEntities = {{
    {"amp", '&'},       {"lt", '<'},         {"gt", '>'},        {"quot", '"'},
    {"apos", '\''},     {"nbsp", 0xA0},      {"ndash", 0x2013},  {"mdash", 0x2014},
    {"lsquo", 0x2018},  {"rsquo", 0x2019},   {"ldquo", 0x201C},  {"rdquo", 0x201D},
    {"laquo", 0xAB},    {"raquo", 0xBB},     {"bdquo", 0x201E},  {"hellip", 0x2026},
    {"deg", 0xB0},      {"sup2", 0xB2},      {"eacute", 0xE9},   {"egrave", 0xE8},
    {"aacute", 0xE1},   {"oacute", 0xF3},    {"uuml", 0xFC},     {"ouml", 0xF6},
    {"auml", 0xE4},     {"ccedil", 0xE7},    {"copy", 0xA9},     {"reg", 0xAE},
    {"euro", 0x20AC},   {"pound", 0xA3},     {"middot", 0xB7},   {"shy", 0xAD},
}};

// Tags after which the text starts a new paragraph.
bool IsBlockTag(std::string_view name) {
  static constexpr std::string_view kBlock[] = {
      "p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
      "blockquote", "article", "section", "header", "footer", "tr", "table",
      "figcaption", "figure", "title", "hr", "aside", "main", "nav"};
  for (auto b : kBlock) {
    if (name == b) return true;
  }
  return false;
}

std::string AttributeValue(std::string_view tag, std::string_view attr) {
  std::string lower = LowerAscii(tag);
  std::string key = std::string(attr) + "=";
  size_t p = 0;
  while ((p = lower.find(key, p)) != std::string::npos) {
    if (p > 0 && lower[p - 1] != ' ' && lower[p - 1] != '\t' && lower[p - 1] != '\n') {
      p += key.size();
      continue;
    }
    size_t v = p + key.size();
    if (v >= tag.size()) return "";
    char q = tag[v];
    if (q == '"' || q == '\'') {
      size_t e = tag.find(q, v + 1);
      if (e == std::string_view::npos) return "";
      std::string out;
      std::string_view raw = tag.substr(v + 1, e - v - 1);
      for (size_t i = 0; i < raw.size();) {
        size_t n = raw[i] == '&' ? DecodeEntity(raw, i, &out) : 0;
        if (n == 0) {
          out.push_back(raw[i]);
          n = 1;
        }
        i += n;
      }
      return out;
    }
    size_t e = tag.find_first_of(" \t\n>", v);
    return std::string(tag.substr(v, e == std::string_view::npos ? std::string_view::npos : e - v));
  }
  return "";
}

}  // namespace

bool LooksLikeHtml(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 2048);
  for (std::string_view marker : {"<!doctype html", "<html", "<body", "<p>", "<p ", "<div", "<article", "<br"}) {
    for (size_t i = 0; i + marker.size() <= head.size(); ++i) {
      if (head[i] == '<' && StartsWithNoCase(head, i, marker)) return true;
    }
  }
  return false;
}

size_t DecodeEntity(std::string_view s, size_t i, std::string* out) {
  size_t semi = s.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12 || semi == i + 1) return 0;
  std::string_view body = s.substr(i + 1, semi - i - 1);
  if (body[0] == '#') {
    char32_t cp = 0;
    bool hex = body.size() > 1 && (body[1] == 'x' || body[1] == 'X');
    size_t k = hex ? 2 : 1;
    if (k >= body.size()) return 0;
    for (; k < body.size(); ++k) {
      char c = body[k];
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
        d = (c | 0x20) - 'a' + 10;
      } else {
        return 0;
      }
      cp = cp * (hex ? 16 : 10) + d;
      if (cp > 0x10FFFF) return 0;
    }
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    AppendUtf8(out, cp);
    return semi - i + 1;
  }
  for (const auto& e : kEntities) {
    if (body == e.name) {
      AppendUtf8(out, e.cp == 0xA0 ? U' ' : e.cp);
      return semi - i + 1;
    }
  }
  return 0;
}

HtmlText HtmlToText(std::string_view html) {
  HtmlText r;
  std::string& out = r.text;
  out.reserve(html.size() / 2);
  bool pending_break = false;
  auto emit_break = [&](uint32_t raw_at) {
    // Two newlines: a paragraph break, mapped to the tag that caused it.
    if (!out.empty() && out.back() != '\n') {
      r.offsets.AddReplaced(static_cast<uint32_t>(out.size()), 2, raw_at, 0);
      out += "\n\n";
    }
  };
  size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    // A tag starts with '<' and a letter, '/', '!' or '?'; "a < b" is text.
    char next = i + 1 < html.size() ? html[i + 1] : ' ';
    bool tag_start = std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!' || next == '?';
    if (c == '<' && tag_start) {
      if (html.compare(i, 4, "<!--") == 0) {
        size_t e = html.find("-->", i + 4);
        i = e == std::string_view::npos ? html.size() : e + 3;
        continue;
      }
      size_t close = html.find('>', i + 1);
      if (close == std::string_view::npos) {
        // A stray '<': keep it as text.
        r.offsets.AddCopied(static_cast<uint32_t>(out.size()), static_cast<uint32_t>(i), 1);
        out.push_back('<');
        ++i;
        continue;
      }
      std::string_view tag = html.substr(i + 1, close - i - 1);
      bool closing = !tag.empty() && tag[0] == '/';
      size_t name_start = closing ? 1 : 0;
      size_t name_end = name_start;
      while (name_end < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[name_end])))) ++name_end;
      std::string name = LowerAscii(tag.substr(name_start, name_end - name_start));
      if (!closing && (name == "script" || name == "style" || name == "noscript")) {
        std::string end_tag = "</" + name;
        size_t e = close;
        while (true) {
          e = html.find("</", e);
          if (e == std::string_view::npos || StartsWithNoCase(html, e, end_tag)) break;
          e += 2;
        }
        size_t gt = e == std::string_view::npos ? std::string_view::npos : html.find('>', e);
        i = gt == std::string_view::npos ? html.size() : gt + 1;
        continue;
      }
      if (name == "meta" && !closing) {
        std::string prop = LowerAscii(AttributeValue(tag, "property") + AttributeValue(tag, "name") +
                                      AttributeValue(tag, "itemprop"));
        std::string content = AttributeValue(tag, "content");
        if ((prop.find("published_time") != std::string::npos || prop == "datepublished" ||
             prop == "pubdate" || prop == "date") && r.published.empty()) {
          r.published = content.substr(0, 10);
        } else if (prop == "og:site_name" && r.outlet.empty()) {
          r.outlet = content;
        } else if (prop == "og:url" && r.url.empty()) {
          r.url = content;
        }
      }
      if (name == "link" && !closing && LowerAscii(AttributeValue(tag, "rel")) == "canonical") {
        r.url = AttributeValue(tag, "href");  // the page's own statement of its address wins
      }
      if (name == "title" && !closing) {
        // The title is metadata; the page's <h1> carries the headline.
        size_t e = close;
        while (true) {
          e = html.find("</", e);
          if (e == std::string_view::npos || StartsWithNoCase(html, e, "</title")) break;
          e += 2;
        }
        std::string_view raw = html.substr(close + 1, e == std::string_view::npos ? 0 : e - close - 1);
        for (size_t k = 0; k < raw.size();) {
          size_t m = raw[k] == '&' ? DecodeEntity(raw, k, &r.title) : 0;
          if (m == 0) {
            r.title.push_back(raw[k] == '\n' ? ' ' : raw[k]);
            m = 1;
          }
          k += m;
        }
        size_t gt = e == std::string_view::npos ? std::string_view::npos : html.find('>', e);
        i = gt == std::string_view::npos ? html.size() : gt + 1;
        continue;
      }
      if (IsBlockTag(name)) pending_break = true;
      i = close + 1;
      continue;
    }
    if (pending_break) {
      emit_break(static_cast<uint32_t>(i));
      pending_break = false;
    }
    if (c == '&') {
      size_t before = out.size();
      size_t n = DecodeEntity(html, i, &out);
      if (n > 0) {
        r.offsets.AddReplaced(static_cast<uint32_t>(before), static_cast<uint32_t>(out.size() - before),
                              static_cast<uint32_t>(i), static_cast<uint32_t>(n));
        i += n;
        continue;
      }
    }
    // Collapse runs of white space to one space (HTML rendering rules).
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      size_t j = i;
      while (j < html.size() && (html[j] == ' ' || html[j] == '\n' || html[j] == '\t' || html[j] == '\r')) ++j;
      if (!out.empty() && out.back() != ' ' && out.back() != '\n') {
        r.offsets.AddReplaced(static_cast<uint32_t>(out.size()), 1, static_cast<uint32_t>(i),
                              static_cast<uint32_t>(j - i));
        out.push_back(' ');
      }
      i = j;
      continue;
    }
    size_t j = i + 1;  // at least one byte, so that a literal '<' moves on
    while (j < html.size() && html[j] != '<' && html[j] != '&' && html[j] != ' ' && html[j] != '\n' &&
           html[j] != '\t' && html[j] != '\r') {
      ++j;
    }
    r.offsets.AddCopied(static_cast<uint32_t>(out.size()), static_cast<uint32_t>(i), static_cast<uint32_t>(j - i));
    out.append(html.substr(i, j - i));
    i = j;
  }
  // Trim the title's white space.
  while (!r.title.empty() && (r.title.back() == ' ' || r.title.back() == '\n')) r.title.pop_back();
  size_t t = r.title.find_first_not_of(" \n");
  r.title = t == std::string::npos ? "" : r.title.substr(t);
  return r;
}

}  // namespace sitrep
