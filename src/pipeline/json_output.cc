// The JSON contract of `sitrep extract` as text; the fields are written by
// WriteExtraction (pipeline/extraction_json.h), docs/extract-json.md
// describes them.
#include "pipeline/extraction_json.h"
#include "pipeline/json_writer.h"
#include "sitrep/json.h"
#include "sitrep/sitrep.h"

namespace sitrep {

std::string ToJsonString(const Extraction& x, int indent) {
  std::string out;
  out.reserve(4096 + x.claims.size() * 700 + x.places.size() * 300);
  JsonWriter w(&out, indent);
  WriteExtraction(x, w);
  return out;
}

nlohmann::ordered_json ToJson(const Extraction& x) { return nlohmann::ordered_json::parse(ToJsonString(x, -1)); }

}  // namespace sitrep

namespace sitrep {

namespace {

constexpr size_t kFlushBytes = 1 << 20;

bool Flush(std::string* buf, std::FILE* to) {
  bool ok = buf->empty() || std::fwrite(buf->data(), 1, buf->size(), to) == buf->size();
  buf->clear();
  return ok;
}

// One of the arrays after "people": written at the depth it has in the
// whole object, behind a throwaway "{" so that its text can follow the
// people as it is.
struct HeldArray {
  HeldArray(const char* key, int indent) : w(&buf, indent), file(std::tmpfile()) {
    w.BeginObject();
    buf.clear();
    w.Key(key);
    w.BeginArray();
  }
  ~HeldArray() {
    if (file != nullptr) std::fclose(file);
  }
  void MaybeFlush() {
    if (file != nullptr && buf.size() >= kFlushBytes) ok = Flush(&buf, file) && ok;
  }
  // Closes the array and copies its text to `out`.
  bool CopyTo(std::FILE* out) {
    w.EndArray();
    if (file == nullptr) return Flush(&buf, out) && ok;
    ok = Flush(&buf, file) && ok;
    std::rewind(file);
    char chunk[1 << 16];
    size_t n;
    while ((n = std::fread(chunk, 1, sizeof chunk, file)) > 0) ok = std::fwrite(chunk, 1, n, out) == n && ok;
    return ok && !std::ferror(file);
  }
  std::string buf;
  JsonWriter w;
  std::FILE* file;
  bool ok = true;
};

}  // namespace

struct ExtractionJsonStream::Impl {
  Impl(std::FILE* o, int indent)
      : out(o), w(&buf, indent), places("places", indent), quantities("quantities", indent), dates("dates", indent) {}
  void Start(const DocumentMeta& meta) {
    w.BeginObject();
    WriteHead(meta, w);
    w.Key("claims");
    w.BeginArray();
    started = true;
  }
  std::FILE* out;
  std::string buf;
  JsonWriter w;
  HeldArray places, quantities, dates;
  bool started = false;
  bool ok = true;
};

ExtractionJsonStream::ExtractionJsonStream(std::FILE* out, int indent) : impl_(std::make_unique<Impl>(out, indent)) {}
ExtractionJsonStream::~ExtractionJsonStream() = default;

void ExtractionJsonStream::Window(const Extraction& x) {
  Impl& s = *impl_;
  if (!s.started) s.Start(x.document);
  for (const Claim& c : x.claims) {
    WriteClaim(c, s.w);
    if (s.buf.size() >= kFlushBytes) s.ok = Flush(&s.buf, s.out) && s.ok;
  }
  for (const Place& p : x.places) WritePlace(p, s.places.w), s.places.MaybeFlush();
  for (const Quantity& q : x.quantities) WriteQuantity(q, s.quantities.w), s.quantities.MaybeFlush();
  for (const DateMention& d : x.dates) WriteDate(d, s.dates.w), s.dates.MaybeFlush();
}

bool ExtractionJsonStream::Finish(const Extraction& rest) {
  Impl& s = *impl_;
  if (!s.started) s.Start(rest.document);
  s.w.EndArray();
  s.w.Key("people");
  s.w.BeginArray();
  for (const Person& p : rest.people) WritePerson(p, s.w);
  s.w.EndArray();
  for (HeldArray* held : {&s.places, &s.quantities, &s.dates}) {
    s.buf.push_back(',');
    s.ok = Flush(&s.buf, s.out) && s.ok;
    s.ok = held->CopyTo(s.out) && s.ok;
  }
  // The object's closing brace: its writer has seen every member before
  // "people", so it closes on a new line as WriteExtraction does.
  s.w.EndObject();
  s.ok = Flush(&s.buf, s.out) && s.ok;
  return s.ok && std::fflush(s.out) == 0;
}

}  // namespace sitrep
