// The gazetteer interface the geoparser resolves against. Today's
// implementation is a small reviewed table (TableGazetteer); the GeoNames
// gazetteer of issue 3 replaces it behind this interface.
#ifndef SITREP_GEOPARSE_GAZETTEER_H_
#define SITREP_GEOPARSE_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

struct GazetteerEntry {
  std::string id;
  std::string name;
  std::string kind;      // country | admin1 | city | landmark
  std::string country;   // ISO alpha-3
  double lat = 0, lon = 0;
  int64_t population = 0;
  std::string capital_of;  // ISO alpha-3 when it stands for a government
};

struct FuzzyHit {
  const GazetteerEntry* entry;
  int distance;
  bool via_stem;
};

class Gazetteer {
 public:
  virtual ~Gazetteer() = default;
  using Entries = std::vector<const GazetteerEntry*>;
  // Entries with a name or alternate name whose NameKey is `key`.
  virtual const Entries& Lookup(std::string_view key) const = 0;
  // First-level regions whose bare name ("kursk") has that key; they match
  // when a region word follows ("Kursk region", "the Kursk and Sumy oblasts").
  virtual const Entries& LookupStem(std::string_view key) const = 0;
  // Most words of any name or stem that starts with `word`; 0 when none does.
  virtual int WordsStartingWith(std::string_view word) const = 0;
  // Names and stems within `max_distance` edits of `folded` (same first letter).
  virtual std::vector<FuzzyHit> FuzzyLookup(std::string_view folded, int max_distance) const = 0;
  // Most words in any name.
  virtual int max_name_words() const = 0;
  virtual const GazetteerEntry* Country(std::string_view iso3) const = 0;
  virtual size_t size() const = 0;
};

// The table compiled from data/places.tsv; loaded once, shared, immutable.
const Gazetteer& DefaultGazetteer();

}  // namespace sitrep

#endif  // SITREP_GEOPARSE_GAZETTEER_H_
