#include <openssl/evp.h>

#include <cstdio>

#include "core/utf8.h"
#include "sitrep/sitrep.h"
#include "text/html.h"

namespace sitrep {

namespace {

std::string Sha256Hex(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(kHex[md[i] >> 4]);
    out.push_back(kHex[md[i] & 15]);
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '"')) {
    s.remove_suffix(1);
  }
  return s;
}

// A front block: "---\nkey: value\n...\n---\n" at the very start. Returns its
// length in bytes (0 when there is none) and fills meta from it.
size_t ParseFrontBlock(std::string_view s, DocumentMeta* meta) {
  if (s.substr(0, 4) != "---\n" && s.substr(0, 5) != "---\r\n") return 0;
  size_t pos = s.find('\n') + 1;
  while (pos < s.size()) {
    size_t eol = s.find('\n', pos);
    if (eol == std::string_view::npos) return 0;  // unterminated: not a front block
    std::string_view line = Trim(s.substr(pos, eol - pos));
    pos = eol + 1;
    if (line == "---") return pos;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view key = Trim(line.substr(0, colon));
    std::string value(Trim(line.substr(colon + 1)));
    if (key == "published" || key == "date") {
      meta->published = value.substr(0, 10);
    } else if (key == "outlet" || key == "source") {
      meta->outlet = value;
    } else if (key == "title") {
      meta->title = value;
    } else if (key == "url") {
      meta->url = value;
    } else if (key == "language") {
      meta->language = value;
    }
  }
  return 0;
}

// "en" unless most letters are Cyrillic: then "uk" when letters only
// Ukrainian uses appear (і ї є ґ), else "ru". A script test, not a model: it
// tells the pipeline which lexicons can apply, nothing finer.
std::string GuessLanguage(std::string_view text) {
  size_t latin = 0, cyrillic = 0, ukrainian = 0;
  size_t probe = std::min<size_t>(text.size(), 1 << 14);
  for (size_t i = 0; i < probe; ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      ++latin;
    } else if ((c == 0xD0 || c == 0xD1 || c == 0xD2) && i + 1 < probe) {
      unsigned char d = static_cast<unsigned char>(text[i + 1]);
      ++cyrillic;
      // і І ї Ї є Є ґ Ґ
      if ((c == 0xD1 && (d == 0x96 || d == 0x97 || d == 0x94)) ||
          (c == 0xD0 && (d == 0x86 || d == 0x87 || d == 0x84)) || (c == 0xD2 && (d == 0x90 || d == 0x91))) {
        ++ukrainian;
      }
      ++i;
    }
  }
  if (cyrillic <= latin) return "en";
  return ukrainian * 200 >= cyrillic ? "uk" : "ru";
}

bool LooksBinary(std::string_view s) {
  size_t control = 0;
  size_t probe = std::min<size_t>(s.size(), 1 << 16);
  for (size_t i = 0; i < probe; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return control * 20 > probe;  // more than 5% control bytes
}

}  // namespace

Result<Document> LoadDocument(std::string bytes, const LoadOptions& options) {
  if (bytes.size() > options.max_bytes) {
    return Status::DataError("document is larger than the limit; raise --max-bytes");
  }
  if (bytes.size() > UINT32_MAX / 2) return Status::DataError("document is larger than 2 GiB");
  Document doc;
  doc.meta.bytes = bytes.size();
  doc.meta.sha256 = Sha256Hex(bytes);
  if (bytes.find_first_not_of(" \t\r\n\f\v") == std::string::npos) {
    return Status::DataError("document is empty (no text to extract from)");
  }
  if (LooksBinary(bytes)) {
    return Status::DataError(
        "document looks like binary data, not text (NUL or control bytes); give a plain-text or HTML file");
  }
  // Repair a copy (same length, so offsets hold) before reading anything
  // from it: front-block values end up in the output too. Without keep_raw
  // the bytes themselves are repaired: a long document is held once.
  std::string clean;
  if (options.keep_raw) {
    doc.raw = std::move(bytes);
    clean = doc.raw;
  } else {
    clean = std::move(bytes);
  }
  Utf8Repair repair = RepairUtf8(&clean);
  doc.meta.language.clear();
  size_t front = ParseFrontBlock(clean, &doc.meta);
  bool language_given = !doc.meta.language.empty();
  const size_t size = clean.size();
  clean.erase(0, front);
  std::string body = std::move(clean);
  // A few stray bytes are repaired and flagged; many (over 1%, as in a
  // Latin-1 or Windows-1251 file) mean the file is in another encoding.
  if (repair.bad_bytes > 16 && repair.bad_bytes * 100 > size) {
    return Status::DataError("document is not UTF-8 text (" + std::to_string(repair.bad_bytes) +
                             " of " + std::to_string(body.size()) +
                             " bytes invalid); convert it to UTF-8 first, e.g. with iconv");
  }
  if (repair.bad_bytes > 0) {
    doc.meta.warnings.push_back("invalid UTF-8: " + std::to_string(repair.bad_bytes) +
                                " byte(s) replaced by '?' for analysis, first at byte " +
                                std::to_string(repair.first_bad_offset));
  }
  bool html = options.format == "html" || (options.format == "auto" && LooksLikeHtml(body));
  if (html) {
    HtmlText h = HtmlToText(body);
    doc.text = std::move(h.text);
    doc.offsets = std::move(h.offsets);
    doc.meta.format = "html";
    if (doc.meta.title.empty()) doc.meta.title = h.title;
    if (doc.meta.published.empty()) doc.meta.published = h.published;
    if (doc.meta.outlet.empty()) doc.meta.outlet = h.outlet;
    if (doc.meta.url.empty()) doc.meta.url = h.url;
    if (doc.text.find_first_not_of(" \n") == std::string::npos) {
      return Status::DataError("HTML document has no text once its tags are removed");
    }
  } else {
    doc.text = std::move(body);
    doc.meta.format = "text";
  }
  doc.offsets.set_raw_shift(static_cast<uint32_t>(front));
  if (!options.published.empty()) doc.meta.published = options.published;
  if (doc.meta.title.empty()) doc.meta.title = options.title;
  if (doc.meta.url.empty()) doc.meta.url = options.url;
  if (!options.language.empty()) {
    doc.meta.language = options.language;
  } else if (!language_given) {
    doc.meta.language = GuessLanguage(doc.text);
  }
  if (!options.outlet.empty()) {
    doc.meta.outlet = options.outlet;
    RepairUtf8(&doc.meta.outlet);
  }
  doc.meta.forwarded_from = options.forwarded_from;
  RepairUtf8(&doc.meta.forwarded_from);
  doc.meta.reply_to = options.reply_to;
  RepairUtf8(&doc.meta.reply_to);
  if (!doc.meta.published.empty() && !CivilDate::Parse(doc.meta.published)) {
    return Status::InvalidArgument("publication date '" + doc.meta.published + "' is not a date (YYYY-MM-DD)");
  }
  if (doc.meta.published.empty()) {
    doc.meta.warnings.push_back(
        "no publication date: relative dates (\"last week\", \"on Monday\") are left unresolved; give --published "
        "YYYY-MM-DD");
  }
  return doc;
}

}  // namespace sitrep
