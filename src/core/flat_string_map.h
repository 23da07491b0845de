// A hash map from strings to small values for word lists that are built once
// and then read for every token: open addressing with linear probing in one
// array, an inline FNV-1a hash, and a tag of the hash in each slot so that a
// probe compares text only when the tags agree. Cheaper per lookup than
// StringMap (std::hash's out-of-line murmur hash, a prime modulus and a node
// per entry).
#ifndef SITREP_CORE_FLAT_STRING_MAP_H_
#define SITREP_CORE_FLAT_STRING_MAP_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/fnv.h"

namespace sitrep {

template <typename V>
class FlatStringMap {
 public:
  // The value of `key`, inserted value-initialised when absent.
  V& operator[](std::string_view key) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    const uint64_t h = Hash(key);
    Slot* s = Probe(key, h);
    if (s->tag == 0) {
      s->tag = Tag(h);
      s->key = std::string(key);
      s->value = V{};
      ++size_;
    }
    return s->value;
  }
  // Adds `key` with `value` unless present (as std::unordered_map::emplace);
  // true when added.
  bool Insert(std::string_view key, V value) {
    if (Find(key) != nullptr) return false;
    (*this)[key] = std::move(value);
    return true;
  }
  // The value of `key`, or null.
  const V* Find(std::string_view key) const {
    if (slots_.empty()) return nullptr;
    const uint64_t h = Hash(key);
    const uint32_t tag = Tag(h);
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.tag == 0) return nullptr;
      if (s.tag == tag && std::string_view(s.key) == key) return &s.value;
    }
  }
  V* Find(std::string_view key) { return const_cast<V*>(std::as_const(*this).Find(key)); }
  size_t size() const { return size_; }
  // f(key, value) for every entry, in no particular order.
  template <typename F>
  void ForEach(F f) const {
    for (const Slot& s : slots_) {
      if (s.tag != 0) f(std::string_view(s.key), s.value);
    }
  }

 private:
  struct Slot {
    uint32_t tag = 0;  // 0: empty
    V value{};
    std::string key;
  };
  static uint64_t Hash(std::string_view key) {
    const uint64_t h = Fnv1a(key);
    return h ^ (h >> 32);
  }
  static uint32_t Tag(uint64_t h) { return static_cast<uint32_t>(h >> 32) | 1u; }
  Slot* Probe(std::string_view key, uint64_t h) {
    const uint32_t tag = Tag(h);
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.tag == 0 || (s.tag == tag && s.key == key)) return &s;
    }
  }
  void Grow() {
    std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(slots_.empty() ? 64 : slots_.size() * 2));
    for (Slot& s : old) {
      if (s.tag == 0) continue;
      Slot* t = Probe(s.key, Hash(s.key));
      *t = std::move(s);
    }
  }

  std::vector<Slot> slots_;
  size_t size_ = 0;
};

}  // namespace sitrep

#endif  // SITREP_CORE_FLAT_STRING_MAP_H_
