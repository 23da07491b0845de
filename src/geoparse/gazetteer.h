// The gazetteer the geoparser resolves against: GeoNames' towns of 500+
// people (cities500) merged with sitrep's reviewed table of countries,
// first-level regions, cities and landmarks (data/places.tsv), compiled at
// build time by tools/gazetteer_build into one versioned binary file
// (geoparse/gazetteer_format.h) that is mapped into memory and checked when
// opened.
//
// Names are kept as a trie over words: every name's NameKey is a path of word
// ids from the root, and each node lists the entries whose name (or region
// stem: "Kursk" in "Kursk region") ends there. The geoparser maps each token
// of a document to its word id once and walks the trie from there.
#ifndef SITREP_GEOPARSE_GAZETTEER_H_
#define SITREP_GEOPARSE_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

// An entry's kind as a closed set (the same order as the file's codes).
enum class PlaceKind : uint8_t { kCountry, kAdmin1, kCity, kTown, kVillage, kLandmark, kContinent, kAdmin2 };

// The kind's name at the JSON/SQL boundary: "country", "admin1", ...
inline std::string_view KindName(PlaceKind kind) {
  static constexpr std::string_view kNames[] = {"country", "admin1",   "city",      "town",
                                                "village", "landmark", "continent", "admin2"};
  return kNames[static_cast<uint8_t>(kind)];
}

// A short NUL-padded code held inline (ISO alpha-3, GeoNames admin1 and
// feature codes): a few bytes instead of a 16-byte view into the file.
template <size_t N>
struct InlineCode {
  char bytes[N] = {};
  std::string_view view() const {
    size_t n = 0;
    while (n < N && bytes[n] != '\0') ++n;
    return {bytes, n};
  }
  operator std::string_view() const { return view(); }  // NOLINT: a code reads as its text
  bool empty() const { return bytes[0] == '\0'; }
  size_t size() const { return view().size(); }
  friend bool operator==(const InlineCode& a, std::string_view b) { return a.view() == b; }
  friend auto operator<=>(const InlineCode& a, std::string_view b) { return a.view() <=> b; }
};

// One place. `id` and `name` point into the gazetteer's mapped file. The
// table holds one of these per place (about 200,000), so it is kept small:
// 96 bytes each.
struct GazetteerEntry {
  std::string_view id;    // "geonames:706483", or a table id ("c-UKR")
  std::string_view name;  // "Kharkiv"
  double lat = 0, lon = 0;
  int64_t population = 0;
  uint32_t index = 0;
  uint32_t admin1_entry = UINT32_MAX;  // index of its first-level region, if known
  InlineCode<4> country;               // ISO alpha-3
  InlineCode<4> capital_of;            // ISO alpha-3 when it stands for a government
  InlineCode<8> admin1;                // GeoNames admin1 code ("07", "GA"); empty when unknown
  InlineCode<8> feature_code;          // GeoNames feature code ("PPLA", "PPLC"); "" for table rows
  PlaceKind place_kind = PlaceKind::kVillage;
};

inline bool IsSettlement(std::string_view kind) {
  return kind == "city" || kind == "town" || kind == "village";
}
inline bool IsSettlement(const GazetteerEntry& e) {
  return e.place_kind == PlaceKind::kCity || e.place_kind == PlaceKind::kTown || e.place_kind == PlaceKind::kVillage;
}

struct FuzzyHit {
  const GazetteerEntry* entry;
  int distance;
  bool via_stem;
};

class Gazetteer {
 public:
  static constexpr uint32_t kNoNode = UINT32_MAX;
  // A node's flags.
  static constexpr uint32_t kCommonWord = 1;  // the name is also an ordinary lower-case word

  // Opens a compiled gazetteer file (mapped, not copied) and checks it:
  // magic number, format version, size, checksum, and every internal offset.
  static Result<std::unique_ptr<Gazetteer>> Open(const std::string& path);
  // The same checks over bytes in memory (tests; gazetteers built on the fly).
  static Result<std::unique_ptr<Gazetteer>> FromBytes(std::string bytes);
  ~Gazetteer();
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // The word id of a folded token; 0 when no name contains that word.
  uint32_t WordId(std::string_view folded_word) const;
  uint32_t Root() const { return 0; }
  uint32_t Child(uint32_t node, uint32_t word_id) const;
  // Postings: entry indexes, with kAlternate set when the name is one of
  // the entry's alternate names rather than its own, and kDemonym when it
  // is a demonym or adjective of the place ("Polish", "Texans").
  static constexpr uint32_t kAlternate = 1u << 31;
  static constexpr uint32_t kDemonym = 1u << 30;
  // The name of a district named after the entry, its seat ("Покровський
  // район" for Pokrovsk).
  static constexpr uint32_t kDistrict = 1u << 29;
  static uint32_t EntryOf(uint32_t posting) { return posting & ~(kAlternate | kDemonym | kDistrict); }
  static bool IsDistrict(uint32_t posting) { return (posting & kDistrict) != 0; }
  static bool IsAlternate(uint32_t posting) { return (posting & kAlternate) != 0; }
  static bool IsDemonym(uint32_t posting) { return (posting & kDemonym) != 0; }
  std::span<const uint32_t> NamesAt(uint32_t node) const;
  std::span<const uint32_t> StemsAt(uint32_t node) const;
  uint32_t NodeFlags(uint32_t node) const;

  // The node of a whole NameKey ("st . petersburg"), or kNoNode.
  uint32_t Find(std::string_view key) const;

  const GazetteerEntry& entry(uint32_t index) const { return entries_[index]; }
  size_t size() const { return entries_.size(); }

  // Single-word names and stems of countries, regions and towns of 10,000+
  // people within `max_distance` edits of `folded` (same first two letters).
  std::vector<FuzzyHit> FuzzyLookup(std::string_view folded, int max_distance) const;

  const GazetteerEntry* Country(std::string_view iso3) const;

  // What the file says about itself.
  uint32_t format_version() const;
  uint32_t data_version() const;
  std::string_view source() const;
  size_t file_bytes() const;
  // Bytes of memory the loaded gazetteer holds beyond the file mapping.
  size_t heap_bytes() const;

 private:
  struct Storage;
  Gazetteer();
  Status Init();
  std::unique_ptr<Storage> storage_;
  std::vector<GazetteerEntry> entries_;
  std::vector<const GazetteerEntry*> countries_;  // sorted by ISO alpha-3
};

}  // namespace sitrep

#endif  // SITREP_GEOPARSE_GAZETTEER_H_
