// Finds toponyms in a document and resolves them against a Gazetteer:
// exact names and region stems first, misspellings of otherwise unexplained
// capitalised words last; then marks capitals used for their governments.
#ifndef SITREP_GEOPARSE_PLACE_RESOLVER_H_
#define SITREP_GEOPARSE_PLACE_RESOLVER_H_

#include <vector>

#include "extract/analysis.h"
#include "geoparse/gazetteer.h"
#include "sitrep/extraction.h"

namespace sitrep {

struct PlaceFound {
  Place place;  // span in Analysis text offsets; id unset
  size_t token_begin = 0, token_end = 0;
  const GazetteerEntry* entry = nullptr;
};

class PlaceResolver {
 public:
  explicit PlaceResolver(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {}

  // Exact names ("Sumy"), regions ("Kursk region", "the Bryansk and Oryol
  // oblasts"), one sense per document for names that are both a city and a
  // region. Returned in text order.
  std::vector<PlaceFound> Resolve(const Analysis& a) const;

  // Capitalised words that nothing else explained (`explained[t]`), within
  // a small edit distance of a name ("Lipestk" -> Lipetsk). Merged in order.
  void ResolveMisspellings(const Analysis& a, const std::vector<bool>& explained,
                           std::vector<PlaceFound>* places) const;

  // "Moscow declared", "Kyiv's intention", "pressed Washington": capitals and
  // seats of government standing for the government get metonym_for.
  void MarkMetonyms(const Analysis& a, std::vector<PlaceFound>* places) const;

 private:
  const Gazetteer& gazetteer_;
};

// ACLED geo_precision for a gazetteer kind: 1 town, 3 region or larger.
int GeoPrecision(std::string_view kind);

}  // namespace sitrep

#endif  // SITREP_GEOPARSE_PLACE_RESOLVER_H_
