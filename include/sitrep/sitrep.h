// sitrep's public API: load a document, extract its claims, write them out.
//
//   auto bytes = sitrep::ReadInput("report.txt", {});
//   auto doc = sitrep::LoadDocument(*std::move(bytes), {.published = "2024-08-13"});
//   auto extractor = sitrep::Extractor::Open();   // once: loads the gazetteer
//   auto result = (*extractor)->Extract(*doc);      // from any thread
//   std::cout << sitrep::ToJsonString(*result);
// (Check each Result's ok() first; sitrep/extractor.h has the details.)
#ifndef SITREP_SITREP_H_
#define SITREP_SITREP_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/extraction.h"
#include "sitrep/extractor.h"
#include "sitrep/status.h"

namespace sitrep {

inline constexpr const char* kVersion = "0.1.0";
inline constexpr uint64_t kDefaultMaxBytes = 32ull << 20;

// Reads a whole file, or standard input for "-". Refuses directories, missing
// files and inputs larger than max_bytes, with a message that says so.
Result<std::string> ReadInput(const std::string& path, uint64_t max_bytes = kDefaultMaxBytes);

struct LoadOptions {
  std::string published;        // YYYY-MM-DD; overrides the document's own
  std::string outlet;           // overrides the document's own
  std::string title;            // used when the document has none of its own
  std::string url;              // used when the document has none of its own
  std::string language;         // overrides the document's own (and the guess)
  std::string format = "auto";  // auto | text | html
  std::string forwarded_from;   // DocumentMeta::forwarded_from
  std::string reply_to;         // DocumentMeta::reply_to
  uint64_t max_bytes = kDefaultMaxBytes;
  // false: Document::raw is left empty and the bytes become the text, so a
  // long document is held once (`sitrep extract`, which never reads raw).
  bool keep_raw = true;
};

// Validates and decodes the bytes of one document: front block
// ("---\npublished: 2024-08-13\noutlet: ...\n---"), HTML or plain text.
// Empty and binary input is refused; invalid UTF-8 is repaired and flagged in
// meta.warnings; the result's spans still point into the original bytes.
Result<Document> LoadDocument(std::string bytes, const LoadOptions& options = {});

// A plain-text file extracted as it is read, so that a long document is never
// held whole (`sitrep extract FILE`; Extractor::ExtractWindows). Open() reads
// the file once, a chunk at a time, for what LoadDocument would check and
// give (size, SHA-256, front block, language, warnings); Read() then hands
// over the text. The extraction is the same as that of LoadDocument's
// Document. Open() gives no stream (nullptr) when the file must be loaded
// whole instead: standard input or not a regular file, HTML, bytes that are
// not UTF-8 (LoadDocument repairs and flags them), a front block that does not
// end in the first 64 kB, or anything LoadDocument would refuse (it says why).
class DocumentStream {
 public:
  static std::unique_ptr<DocumentStream> Open(const std::string& path, const LoadOptions& options = {});
  ~DocumentStream();
  DocumentStream(const DocumentStream&) = delete;
  DocumentStream& operator=(const DocumentStream&) = delete;

  const DocumentMeta& meta() const { return meta_; }
  const OffsetMap& offsets() const { return offsets_; }
  // Appends up to `n` more bytes of the text to `out`: how many (0 at the end).
  Result<size_t> Read(size_t n, std::string* out);

 private:
  DocumentStream() = default;
  std::FILE* file_ = nullptr;
  DocumentMeta meta_;
  OffsetMap offsets_;
  uint64_t left_ = 0;  // bytes of text not yet read
};

// The JSON contract of `sitrep extract` (docs/extract-json.md), written
// directly: `indent` < 0 gives one line, otherwise that many spaces a level.
// (sitrep/json.h gives it as a JSON value.)
std::string ToJsonString(const Extraction& extraction, int indent = 1);

// ToJsonString's text written as Extractor::ExtractWindows hands over each
// window: the head and the claims go to `out` at once, places, quantities
// and dates wait in temporary files (in memory if none can be made) until
// the people, known only at the end, are written. A long document's JSON is
// about five times its text, so `sitrep extract` never holds it whole.
class ExtractionJsonStream {
 public:
  ExtractionJsonStream(std::FILE* out, int indent);
  ~ExtractionJsonStream();
  ExtractionJsonStream(const ExtractionJsonStream&) = delete;
  ExtractionJsonStream& operator=(const ExtractionJsonStream&) = delete;
  // One window's part (the first call writes the document's head).
  void Window(const Extraction& window);
  // The people and the rest of ExtractWindows' result, then the held
  // arrays and the closing brace (no newline). False when a write failed.
  bool Finish(const Extraction& rest);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A readable summary for a terminal.
std::string ToText(const Extraction& extraction);

}  // namespace sitrep

#endif  // SITREP_SITREP_H_
