// Near-duplicate detection: MinHash signatures over word 4-shingles, with
// locality-sensitive hashing bands so that candidates are found by lookup.
// Two documents whose shingle sets have Jaccard similarity s share at least
// one band with probability 1 - (1 - s^4)^16: 0.98 at s = 0.6, 0.05 at 0.2.
#ifndef SITREP_VERIFY_MINHASH_H_
#define SITREP_VERIFY_MINHASH_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep {

inline constexpr int kMinHashSize = 64;
inline constexpr int kMinHashBands = 16;  // of kMinHashSize / kMinHashBands rows each
inline constexpr double kNearDuplicateSimilarity = 0.5;

using MinHashSignature = std::array<uint32_t, kMinHashSize>;

// Signature of the words of `text` (ASCII letters folded to lower case,
// other letters kept as they are; punctuation separates words).
MinHashSignature ComputeMinHash(std::string_view text);

// The band keys to index and look up: one per band, band number mixed in.
std::array<int64_t, kMinHashBands> MinHashBandKeys(const MinHashSignature& s);

// Estimated Jaccard similarity: the fraction of equal positions.
double MinHashSimilarity(const MinHashSignature& a, const MinHashSignature& b);

namespace minhash_internal {
// Folds the signature positions' hashes of `n` shingle hashes into `sig`
// (kMinHashSize values, each kept at its minimum). The wide version needs
// AVX-512 (F and DQ): call it only when HasWideFold(); both give the same
// values, which the stored signatures depend on.
void FoldShinglesScalar(const uint64_t* shingles, size_t n, uint32_t* sig);
void FoldShinglesWide(const uint64_t* shingles, size_t n, uint32_t* sig);
bool HasWideFold();
}  // namespace minhash_internal

// Little-endian bytes for storage, and back (false when the size is wrong).
std::string SerializeMinHash(const MinHashSignature& s);
bool ParseMinHash(std::string_view bytes, MinHashSignature* s);

}  // namespace sitrep

#endif  // SITREP_VERIFY_MINHASH_H_
