// Document: what ingest hands to the pipeline. The pipeline reads `text`
// (decoded, tags stripped); every span it reports is mapped back through
// `offsets` to byte offsets into `raw`, the bytes exactly as given.
#ifndef SITREP_DOCUMENT_H_
#define SITREP_DOCUMENT_H_

#include <cstdint>
#include <string>
#include <vector>

namespace sitrep {

// A half-open byte range [begin, end).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return end <= begin; }
  bool Contains(Span o) const { return begin <= o.begin && o.end <= end; }
  bool Overlaps(Span o) const { return begin < o.end && o.begin < end; }
  friend bool operator==(Span a, Span b) = default;
};

// Maps offsets in a derived text back to offsets in the bytes it came from.
// Built from runs: a copied run maps byte for byte; a replaced run (an HTML
// entity, a stripped tag) maps as a whole to its source range.
class OffsetMap {
 public:
  // Identity: text == raw.
  OffsetMap() = default;
  void AddCopied(uint32_t text_begin, uint32_t raw_begin, uint32_t length);
  void AddReplaced(uint32_t text_begin, uint32_t text_length,
                   uint32_t raw_begin, uint32_t raw_length);
  // Shifts every mapped offset by `delta` raw bytes (text after a front block).
  void set_raw_shift(uint32_t delta) { raw_shift_ = delta; }
  bool identity() const { return runs_.empty(); }
  Span ToRaw(Span text_span) const;

 private:
  struct Run {
    uint32_t text_begin, text_length, raw_begin, raw_length;
    bool copied;
  };
  uint32_t MapBegin(uint32_t offset) const;
  uint32_t MapEnd(uint32_t offset) const;
  const Run* Find(uint32_t offset) const;
  std::vector<Run> runs_;
  uint32_t raw_shift_ = 0;
};

struct DocumentMeta {
  std::string published;  // YYYY-MM-DD, or empty when unknown
  std::string outlet;
  std::string title;
  std::string url;
  std::string language = "en";
  std::string format;     // "text" or "html"
  uint64_t bytes = 0;     // size of raw
  std::string sha256;     // of raw, lowercase hex
  std::vector<std::string> warnings;  // recoverable problems with the input
  // A forwarded Telegram post: the channel it was first posted in (the
  // source; `outlet` is the channel that forwarded it). Empty otherwise.
  std::string forwarded_from;
  // A reply: the key of the message it answers ("telegram:CHANNEL/ID").
  std::string reply_to;
};

struct Document {
  std::string raw;   // the input bytes, unchanged (empty when loaded without LoadOptions::keep_raw)
  std::string text;  // what the pipeline reads (valid UTF-8)
  OffsetMap offsets; // text offsets -> raw offsets
  DocumentMeta meta;
};

}  // namespace sitrep

#endif  // SITREP_DOCUMENT_H_
