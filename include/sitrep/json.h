// Opt-in: sitrep's values as nlohmann JSON values, for programs that want
// to inspect them. Including this header brings in <nlohmann/json.hpp>;
// sitrep.h and store.h do not (ToJsonString writes the same JSON as text).
#ifndef SITREP_JSON_H_
#define SITREP_JSON_H_

#include <nlohmann/json.hpp>

#include "sitrep/extraction.h"
#include "sitrep/store.h"

namespace sitrep {

// The JSON contract of `sitrep extract` (docs/extract-json.md) as a value.
nlohmann::ordered_json ToJson(const Extraction& extraction);

// One claim as the JSON object of `sitrep claims --format json`, the JSON
// Lines export and the server (docs/database.md).
nlohmann::ordered_json ToJson(const ClaimRecord& claim);

}  // namespace sitrep

#endif  // SITREP_JSON_H_
