// Hash maps keyed by std::string that can be searched with a string_view
// without building a temporary string (C++20 heterogeneous lookup).
#ifndef SITREP_CORE_STRING_MAP_H_
#define SITREP_CORE_STRING_MAP_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace sitrep {

struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

template <typename V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

}  // namespace sitrep

#endif  // SITREP_CORE_STRING_MAP_H_
