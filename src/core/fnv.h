// FNV-1a (64-bit), the one hash behind the word lists' fingerprint, the
// models' features and checksums, the gazetteer's checksum and word keys,
// near-duplicate signatures and the flat string map. Its values are written
// into the model and gazetteer files: they must never change.
#ifndef SITREP_CORE_FNV_H_
#define SITREP_CORE_FNV_H_

#include <cstdint>
#include <string_view>

namespace sitrep {

inline constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
inline constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

// The hash `h` continued by one more unit: a byte, or a 64-bit word where a
// checksum takes eight bytes at a time.
constexpr uint64_t FnvStep(uint64_t h, uint64_t unit) { return (h ^ unit) * kFnvPrime; }

// The hash of `s`, or `h` continued over it.
constexpr uint64_t Fnv1a(std::string_view s, uint64_t h = kFnvOffset) {
  for (unsigned char c : s) h = FnvStep(h, c);
  return h;
}

}  // namespace sitrep

#endif  // SITREP_CORE_FNV_H_
