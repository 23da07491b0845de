// The compiled gazetteer's file layout, shared by the builder and the loader.
// Little-endian, fixed-size records, every section 8-byte aligned:
//
//   Header     magic "SITREPGZ", format and data versions, source, counts,
//              file size, checksum of everything after the header, and the
//              offset and size of each section
//   strings    UTF-8 bytes that records point into
//   entries    EntryRecord[entry_count]
//   postings   uint32 entry indexes, the lists NodeRecord points at
//   words      WordRecord[word_count]: the vocabulary, word id = index + 1
//   word_hash  uint32 slots, open addressing on WordHash(): 0, or the word id
//              in the low kWordIdBits and WordTag() above them
//   nodes      NodeRecord[node_count + 1]: the name trie, node 0 is the root
//   edges      EdgeRecord, each node's children sorted by word id
//   fuzzy      FuzzyRecord, single-word names for misspellings, sorted by
//              bucket, then length in code points
#ifndef SITREP_GEOPARSE_GAZETTEER_FORMAT_H_
#define SITREP_GEOPARSE_GAZETTEER_FORMAT_H_

#include <cstdint>
#include <string_view>

#include "core/fnv.h"

namespace sitrep::gz {

inline constexpr char kMagic[8] = {'S', 'I', 'T', 'R', 'E', 'P', 'G', 'Z'};
// 2: continents, demonym postings; 3: district postings; 4: admin2; 5: nodes
// of 16 bytes, entries without their ASCII and alternate names (never read),
// word hash slots tagged with hash bits and the table at most two thirds full
// (it was at most half)
inline constexpr uint32_t kFormatVersion = 5;

enum Section : uint32_t { kStrings, kEntries, kPostings, kWords, kWordHash, kNodes, kEdges, kFuzzy, kSectionCount };

struct SectionRef {
  uint64_t offset;
  uint64_t size;
};

struct Header {
  char magic[8];
  uint32_t format_version;
  uint32_t data_version;  // the "# version N" of data/places.tsv
  char source[64];        // NUL-padded description of the GeoNames input
  uint32_t entry_count;
  uint32_t word_count;
  uint32_t node_count;
  uint32_t reserved;
  uint64_t file_size;
  uint64_t checksum;  // Checksum() of bytes [sizeof(Header), file_size)
  SectionRef sections[kSectionCount];
};

// The same order as sitrep::PlaceKind.
enum Kind : uint16_t { kCountry, kAdmin1, kCity, kTown, kVillage, kLandmark, kContinent, kAdmin2, kKindCount };

inline std::string_view KindName(uint16_t kind) {
  static constexpr std::string_view kNames[] = {"country", "admin1",   "city",     "town",
                                                "village", "landmark", "continent", "admin2"};
  return kind < kKindCount ? kNames[kind] : std::string_view("unknown");
}

struct StringRef {
  uint32_t offset;
  uint32_t size;
};

struct EntryRecord {
  StringRef id, name;
  char country[4];       // ISO alpha-3, NUL-padded
  char admin1[8];        // GeoNames admin1 code, NUL-padded
  char feature_code[8];  // NUL-padded
  char capital_of[4];    // ISO alpha-3 or empty
  double lat, lon;
  int64_t population;
  uint32_t admin1_entry;  // UINT32_MAX when unknown
  uint16_t kind;
  uint16_t reserved;
};

struct WordRecord {
  StringRef text;
};

// A node's lists end where the next node's begin: the section holds
// node_count + 1 records, the last one only closing the lists of the one
// before it (edges, then names, then stems, all in node order).
struct NodeRecord {
  uint32_t edge_begin;   // into edges; count = next node's edge_begin - edge_begin
  uint32_t names_begin;  // into postings; the names end where the stems begin
  uint32_t stems_begin;  // into postings; the stems end at the next node's names_begin
  uint32_t flags;        // Gazetteer::kCommonWord
};

struct EdgeRecord {
  uint32_t word;   // word id
  uint32_t child;  // node index
};

struct FuzzyRecord {
  uint32_t bucket;  // FuzzyBucket() of the word
  uint32_t word;    // word id
  uint32_t node;    // child of the root for that word
  uint32_t code_points;
};

// FNV-1a over 64-bit words (and the tail bytes); fast enough to check a
// whole file on every open.
// Checksum() continued over more bytes: Checksum(p, n) ==
// ChecksumUpdate(ChecksumUpdate(kChecksumSeed, p, k), p + k, n - k) when k
// is a multiple of 8.
inline constexpr uint64_t kChecksumSeed = kFnvOffset;
inline uint64_t ChecksumUpdate(uint64_t h, const unsigned char* p, uint64_t n) {
  uint64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w = 0;
    for (int b = 0; b < 8; ++b) w |= static_cast<uint64_t>(p[i + b]) << (8 * b);
    h = FnvStep(h, w);
  }
  for (; i < n; ++i) h = FnvStep(h, p[i]);
  return h;
}

inline uint64_t Checksum(const unsigned char* p, uint64_t n) { return ChecksumUpdate(kChecksumSeed, p, n); }

inline uint64_t WordHash(std::string_view w) {
  const uint64_t h = Fnv1a(w);
  return h ^ (h >> 29);
}

// A word hash slot holds the word's id and ten more bits of its hash, so a
// lookup rejects another word in the slot without reading that word's text.
inline constexpr uint32_t kWordIdBits = 22;
inline constexpr uint32_t kWordIdMask = (uint32_t{1} << kWordIdBits) - 1;
inline uint32_t WordTag(uint64_t word_hash) { return static_cast<uint32_t>(word_hash >> 54); }

// The first two code points of a folded word, packed: misspellings keep
// them ("Lipestk" for "Lipetsk"), so fuzzy candidates are bucketed by them.
inline uint32_t FuzzyBucket(std::string_view w) {
  size_t end = 0;
  for (int cp = 0; cp < 2 && end < w.size(); ++cp) {
    ++end;
    while (end < w.size() && (static_cast<unsigned char>(w[end]) & 0xC0) == 0x80) ++end;
  }
  return static_cast<uint32_t>(WordHash(w.substr(0, end)));
}

}  // namespace sitrep::gz

#endif  // SITREP_GEOPARSE_GAZETTEER_FORMAT_H_
