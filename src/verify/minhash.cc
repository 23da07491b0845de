#include "verify/minhash.h"

#include <vector>

#include "core/fnv.h"

namespace sitrep {

namespace {

constexpr int kShingleWords = 4;

// splitmix64's finaliser: add kMixAdd, then xor-shift and multiply twice,
// then xor-shift (Mix, and FoldShinglesWide on eight lanes).
constexpr uint64_t kMixAdd = 0x9e3779b97f4a7c15ull;
constexpr uint64_t kMixMul1 = 0xbf58476d1ce4e5b9ull;
constexpr uint64_t kMixMul2 = 0x94d049bb133111ebull;

uint64_t Mix(uint64_t x) {
  x += kMixAdd;
  x = (x ^ (x >> 30)) * kMixMul1;
  x = (x ^ (x >> 27)) * kMixMul2;
  return x ^ (x >> 31);
}

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

}  // namespace

namespace minhash_internal {

// Position p's hash of a shingle is the top half of Mix(shingle + p * kStep):
// 64 independent mixes a shingle, the signature's whole cost.
constexpr uint64_t kStep = 0x632be59bd9b4e019ull;

void FoldShinglesScalar(const uint64_t* shingles, size_t n, uint32_t* sig) {
  for (size_t i = 0; i < n; ++i) {
    for (int p = 0; p < kMinHashSize; ++p) {
      uint32_t v = static_cast<uint32_t>(Mix(shingles[i] + static_cast<uint64_t>(p) * kStep) >> 32);
      if (v < sig[p]) sig[p] = v;
    }
  }
}

// The same arithmetic on eight 64-bit lanes at a time (AVX-512DQ has the
// 64-bit multiply; GCC's vector extensions, compiled for that target only).
__attribute__((target("avx512f,avx512dq"))) void FoldShinglesWide(const uint64_t* shingles, size_t n,
                                                                  uint32_t* sig) {
  using U64x8 = uint64_t __attribute__((vector_size(64)));
  constexpr int kVectors = kMinHashSize / 8;
  U64x8 offsets[kVectors];
  U64x8 low[kVectors];  // the running minimum, one 64-bit lane per position
  for (int k = 0; k < kVectors; ++k) {
    for (int j = 0; j < 8; ++j) {
      offsets[k][j] = static_cast<uint64_t>(k * 8 + j) * kStep + kMixAdd;
      low[k][j] = sig[k * 8 + j];
    }
  }
  for (size_t i = 0; i < n; ++i) {
    const uint64_t s = shingles[i];
    for (int k = 0; k < kVectors; ++k) {
      U64x8 x = offsets[k] + s;
      x = (x ^ (x >> 30)) * kMixMul1;
      x = (x ^ (x >> 27)) * kMixMul2;
      x = (x ^ (x >> 31)) >> 32;
      low[k] = x < low[k] ? x : low[k];
    }
  }
  for (int k = 0; k < kVectors; ++k) {
    for (int j = 0; j < 8; ++j) sig[k * 8 + j] = static_cast<uint32_t>(low[k][j]);
  }
}

bool HasWideFold() {
  static const bool has = __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq");
  return has;
}

}  // namespace minhash_internal

MinHashSignature ComputeMinHash(std::string_view text) {
  std::vector<uint64_t> words;
  uint64_t h = kFnvOffset;
  bool in_word = false;
  for (unsigned char c : text) {
    if (IsWordByte(c)) {
      if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c - 'A' + 'a');
      h = FnvStep(h, c);
      in_word = true;
    } else if (in_word) {
      words.push_back(h);
      h = kFnvOffset;
      in_word = false;
    }
  }
  if (in_word) words.push_back(h);
  size_t n = words.size() < kShingleWords ? (words.empty() ? 0 : 1) : words.size() - kShingleWords + 1;
  // Each shingle's hash in place of its first word's (read before it is
  // overwritten: shingle i reads words i..i+3).
  for (size_t i = 0; i < n; ++i) {
    uint64_t s = 0;
    for (size_t k = i; k < std::min(words.size(), i + kShingleWords); ++k) s = Mix(s ^ words[k]);
    words[i] = s;
  }
  MinHashSignature sig;
  sig.fill(UINT32_MAX);
  if (minhash_internal::HasWideFold()) {
    minhash_internal::FoldShinglesWide(words.data(), n, sig.data());
  } else {
    minhash_internal::FoldShinglesScalar(words.data(), n, sig.data());
  }
  return sig;
}

std::array<int64_t, kMinHashBands> MinHashBandKeys(const MinHashSignature& s) {
  constexpr int kRows = kMinHashSize / kMinHashBands;
  std::array<int64_t, kMinHashBands> keys;
  for (int b = 0; b < kMinHashBands; ++b) {
    uint64_t h = Mix(static_cast<uint64_t>(b) + 1);
    for (int r = 0; r < kRows; ++r) h = Mix(h ^ s[b * kRows + r]);
    keys[b] = static_cast<int64_t>(h);
  }
  return keys;
}

double MinHashSimilarity(const MinHashSignature& a, const MinHashSignature& b) {
  int same = 0;
  for (int i = 0; i < kMinHashSize; ++i) same += a[i] == b[i];
  return static_cast<double>(same) / kMinHashSize;
}

std::string SerializeMinHash(const MinHashSignature& s) {
  std::string out(kMinHashSize * 4, '\0');
  for (int i = 0; i < kMinHashSize; ++i) {
    for (int k = 0; k < 4; ++k) out[i * 4 + k] = static_cast<char>((s[i] >> (8 * k)) & 0xff);
  }
  return out;
}

bool ParseMinHash(std::string_view bytes, MinHashSignature* s) {
  if (bytes.size() != kMinHashSize * 4) return false;
  for (int i = 0; i < kMinHashSize; ++i) {
    uint32_t v = 0;
    for (int k = 0; k < 4; ++k) v |= static_cast<uint32_t>(static_cast<unsigned char>(bytes[i * 4 + k])) << (8 * k);
    (*s)[i] = v;
  }
  return true;
}

}  // namespace sitrep
