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
