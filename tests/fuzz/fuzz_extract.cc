// libFuzzer target: any bytes as a document (text or HTML, with or without
// a front block) through LoadDocument, Extract and the JSON writer. Every
// span must lie inside the input; nothing may crash or throw.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sitrep/extractor.h"
#include "sitrep/sitrep.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const sitrep::Extractor* extractor = [] {
    auto e = sitrep::DefaultExtractor();
    Check(e.ok());  // the fuzz script points SITREP_GAZETTEER at a built gazetteer
    return *e;
  }();
  std::string bytes(reinterpret_cast<const char*>(data), size);
  sitrep::Result<sitrep::Document> doc = sitrep::LoadDocument(bytes);
  if (!doc.ok()) return 0;
  sitrep::Result<sitrep::Extraction> x = extractor->Extract(*doc);
  if (!x.ok()) return 0;
  const uint32_t n = static_cast<uint32_t>(doc->raw.size());
  auto inside = [n](const sitrep::Span& s) { return s.begin <= s.end && s.end <= n; };
  for (const sitrep::Claim& c : x->claims) Check(inside(c.span) && inside(c.cue_span));
  for (const sitrep::Place& p : x->places) Check(inside(p.span));
  for (const sitrep::Quantity& q : x->quantities) Check(inside(q.span));
  for (const sitrep::DateMention& d : x->dates) Check(inside(d.span));
  Check(!sitrep::ToJsonString(*x).empty());
  return 0;
}
