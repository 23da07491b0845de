#include <openssl/evp.h>

#include <sys/stat.h>

#include <cstdio>
#include <memory>

#include "core/utf8.h"
#include "sitrep/sitrep.h"
#include "text/html.h"

namespace sitrep {

namespace {

std::string Hex(const unsigned char* bytes, unsigned int n) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < n; ++i) {
    out.push_back(kHex[bytes[i] >> 4]);
    out.push_back(kHex[bytes[i] & 15]);
  }
  return out;
}

std::string Sha256Hex(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md, &len, EVP_sha256(), nullptr);
  return Hex(md, len);
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

// The rest of the metadata once the text is known: the options over the
// document's own values, the language (the options', the front block's or
// a guess from the text), and the publication date checked.
Status FinishMeta(std::string_view text, bool language_given, const LoadOptions& options, DocumentMeta* meta) {
  if (!options.published.empty()) meta->published = options.published;
  if (meta->title.empty()) meta->title = options.title;
  if (meta->url.empty()) meta->url = options.url;
  if (!options.language.empty()) {
    meta->language = options.language;
  } else if (!language_given) {
    meta->language = GuessLanguage(text);
  }
  if (!options.outlet.empty()) {
    meta->outlet = options.outlet;
    RepairUtf8(&meta->outlet);
  }
  meta->forwarded_from = options.forwarded_from;
  RepairUtf8(&meta->forwarded_from);
  meta->reply_to = options.reply_to;
  RepairUtf8(&meta->reply_to);
  if (!meta->published.empty() && !CivilDate::Parse(meta->published)) {
    return Status::InvalidArgument("publication date '" + meta->published + "' is not a date (YYYY-MM-DD)");
  }
  if (meta->published.empty()) {
    meta->warnings.push_back(
        "no publication date: relative dates (\"last week\", \"on Monday\") are left unresolved; give --published "
        "YYYY-MM-DD");
  }
  return Status::Ok();
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
  if (Status st = FinishMeta(doc.text, language_given, options, &doc.meta); !st.ok()) return st;
  return doc;
}

// The stream reads the file twice: once here, a chunk at a time, for what
// LoadDocument would check and say (size, SHA-256, emptiness, binary bytes,
// UTF-8, front block, language), and then for the text as it is extracted.
// Whatever the stream cannot give exactly as LoadDocument would is left to
// LoadDocument: no stream.
std::unique_ptr<DocumentStream> DocumentStream::Open(const std::string& path, const LoadOptions& options) {
  constexpr size_t kChunk = size_t{1} << 20;
  constexpr size_t kHead = size_t{1} << 16;  // the front block must end within it
  if (path == "-" || options.format == "html") return nullptr;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return nullptr;
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  if (size > options.max_bytes || size > UINT32_MAX / 2) return nullptr;
  std::unique_ptr<DocumentStream> s(new DocumentStream());
  s->file_ = std::fopen(path.c_str(), "rb");
  if (s->file_ == nullptr) return nullptr;
  EVP_MD_CTX* sha = EVP_MD_CTX_new();
  if (sha == nullptr || EVP_DigestInit_ex(sha, EVP_sha256(), nullptr) != 1) {
    EVP_MD_CTX_free(sha);
    return nullptr;
  }
  std::string chunk, pending;  // pending: the start of a UTF-8 sequence cut by the chunk's end
  std::string head;            // the first kChunk bytes
  uint64_t read = 0;
  bool blank = true, valid = true;
  while (valid) {
    chunk.resize(kChunk);
    const size_t n = std::fread(chunk.data(), 1, kChunk, s->file_);
    chunk.resize(n);
    if (n == 0) break;
    read += n;
    EVP_DigestUpdate(sha, chunk.data(), n);
    if (head.empty()) head = chunk;
    if (blank) blank = chunk.find_first_not_of(" \t\r\n\f\v") == std::string::npos;
    std::string_view bytes = chunk;
    if (!pending.empty()) {
      pending += chunk;
      bytes = pending;
    }
    // An invalid sequence in the last three bytes may be one cut by the
    // chunk's end: decided with the next chunk.
    const size_t bad = InvalidUtf8At(bytes);
    valid = bad == bytes.size() || bytes.size() - bad < 4;
    pending = valid ? std::string(bytes.substr(bad)) : std::string();
  }
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int md_len = 0;
  EVP_DigestFinal_ex(sha, md, &md_len);
  EVP_MD_CTX_free(sha);
  if (std::ferror(s->file_) || read != size || blank || !valid || !pending.empty() || LooksBinary(head)) {
    return nullptr;
  }
  DocumentMeta& meta = s->meta_;
  meta.bytes = size;
  meta.sha256 = Hex(md, md_len);
  meta.language.clear();
  std::string_view head_view = std::string_view(head).substr(0, kHead);
  const size_t front = ParseFrontBlock(head_view, &meta);
  if (front == 0 && head_view.substr(0, 3) == "---") return nullptr;  // a front block longer than the head, or none
  const bool language_given = !meta.language.empty();
  std::string_view body = std::string_view(head).substr(front);
  if (options.format == "auto" && LooksLikeHtml(body)) return nullptr;
  meta.format = "text";
  s->offsets_.set_raw_shift(static_cast<uint32_t>(front));
  if (!FinishMeta(body, language_given, options, &meta).ok()) return nullptr;
  if (std::fseek(s->file_, static_cast<long>(front), SEEK_SET) != 0) return nullptr;
  s->left_ = size - front;
  return s;
}

DocumentStream::~DocumentStream() {
  if (file_ != nullptr) std::fclose(file_);
}

Result<size_t> DocumentStream::Read(size_t n, std::string* out) {
  const size_t k = static_cast<size_t>(std::min<uint64_t>(n, left_));
  if (k == 0) return size_t{0};
  const size_t old = out->size();
  out->resize(old + k);
  const size_t got = std::fread(out->data() + old, 1, k, file_);
  out->resize(old + got);
  if (got != k) return Status::IoError("the file changed or could not be read while it was extracted");
  left_ -= k;
  return k;
}

}  // namespace sitrep
