#include "verify/minhash.h"

#include <vector>

#include "core/fnv.h"

namespace sitrep {

namespace {

constexpr int kShingleWords = 4;

uint64_t Mix(uint64_t x) {  // splitmix64 finaliser
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

}  // namespace

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
  MinHashSignature sig;
  sig.fill(UINT32_MAX);
  size_t n = words.size() < kShingleWords ? (words.empty() ? 0 : 1) : words.size() - kShingleWords + 1;
  for (size_t i = 0; i < n; ++i) {
    uint64_t s = 0;
    for (size_t k = i; k < std::min(words.size(), i + kShingleWords); ++k) s = Mix(s ^ words[k]);
    for (int p = 0; p < kMinHashSize; ++p) {
      uint32_t v = static_cast<uint32_t>(Mix(s + static_cast<uint64_t>(p) * 0x632be59bd9b4e019ull) >> 32);
      if (v < sig[p]) sig[p] = v;
    }
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
