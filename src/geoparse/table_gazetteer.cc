#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <unordered_map>

#include "core/string_map.h"
#include "core/tsv.h"
#include "core/utf8.h"
#include "text/segmenter.h"
#include "geoparse/gazetteer.h"

namespace sitrep::data {
extern const std::string_view kData_places;
}  // namespace sitrep::data

namespace sitrep {

namespace {

class TableGazetteer : public Gazetteer {
 public:
  explicit TableGazetteer(std::string_view tsv) {
    std::vector<TsvRow> rows = ParseTsv(tsv);
    entries_.reserve(rows.size());
    for (const TsvRow& r : rows) {
      if (r.fields.size() < 8) {
        std::cerr << "sitrep: internal data error in places.tsv line " << r.line << ": needs 10 columns\n";
        std::abort();
      }
      GazetteerEntry e;
      e.id = std::string(r.field(0));
      e.kind = std::string(r.field(1));
      e.country = std::string(r.field(2));
      e.lat = std::strtod(std::string(r.field(3)).c_str(), nullptr);
      e.lon = std::strtod(std::string(r.field(4)).c_str(), nullptr);
      e.population = std::strtoll(std::string(r.field(5)).c_str(), nullptr, 10);
      e.capital_of = std::string(r.field(6));
      e.name = std::string(r.field(7));
      entries_.push_back(std::move(e));
    }
    for (size_t i = 0; i < rows.size(); ++i) {
      const GazetteerEntry* e = &entries_[i];
      AddName(NameKey(e->name), e, &names_);
      for (auto s : SplitList(rows[i].field(8))) AddName(NameKey(s), e, &stems_);
      for (auto a : SplitList(rows[i].field(9))) AddName(NameKey(a), e, &names_);
      if (e->kind == "country") countries_[e->country] = e;
    }
    for (bool stem : {false, true}) {
      for (const auto& [key, list] : stem ? stems_ : names_) {
        if (key.empty()) continue;
        fuzzy_[FuzzyBucket(key)].push_back({&key, &list, CodePoints(key), stem});
        int words = 1;
        for (char c : key) words += c == ' ';
        int& longest = first_words_[key.substr(0, key.find(' '))];
        longest = std::max(longest, words);
      }
    }
  }

  const Entries& Lookup(std::string_view key) const override {
    auto it = names_.find(key);
    return it == names_.end() ? kNone : it->second;
  }
  const Entries& LookupStem(std::string_view key) const override {
    auto it = stems_.find(key);
    return it == stems_.end() ? kNone : it->second;
  }
  int WordsStartingWith(std::string_view word) const override {
    auto it = first_words_.find(word);
    return it == first_words_.end() ? 0 : it->second;
  }
  std::vector<FuzzyHit> FuzzyLookup(std::string_view folded, int max_distance) const override {
    std::vector<FuzzyHit> hits;
    if (folded.empty()) return hits;
    int len = CodePoints(folded);
    auto bucket = fuzzy_.find(FuzzyBucket(folded));
    if (bucket == fuzzy_.end()) return hits;
    for (const FuzzyName& f : bucket->second) {
      if (std::abs(f.code_points - len) > max_distance) continue;
      int d = EditDistance(folded, *f.key, max_distance);
      if (d > max_distance) continue;
      for (const GazetteerEntry* e : *f.entries) hits.push_back({e, d, f.stem});
    }
    return hits;
  }
  int max_name_words() const override { return max_words_; }
  const GazetteerEntry* Country(std::string_view iso3) const override {
    auto it = countries_.find(std::string(iso3));
    return it == countries_.end() ? nullptr : it->second;
  }
  size_t size() const override { return entries_.size(); }

 private:
  using NameMap = StringMap<Entries>;
  // Misspellings keep their first two letters ("Lipestk" for "Lipetsk"):
  // names are bucketed by them.
  static std::string FuzzyBucket(std::string_view key) {
    size_t end = 0;
    for (int cp = 0; cp < 2 && end < key.size(); ++cp) {
      ++end;
      while (end < key.size() && (static_cast<unsigned char>(key[end]) & 0xC0) == 0x80) ++end;
    }
    return std::string(key.substr(0, end));
  }
  struct FuzzyName {
    const std::string* key;
    const Entries* entries;
    int code_points;
    bool stem;
  };
  static int CodePoints(std::string_view s) {
    int n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  }
  inline static const Entries kNone;
  StringMap<int> first_words_;
  StringMap<std::vector<FuzzyName>> fuzzy_;  // by FuzzyBucket
  void AddName(const std::string& folded, const GazetteerEntry* e, NameMap* map) {
    auto& list = (*map)[folded];
    for (const GazetteerEntry* x : list) {
      if (x == e) return;
    }
    list.push_back(e);
    int words = 1;
    for (char c : folded) words += c == ' ';
    if (words > max_words_) max_words_ = words;
  }

  std::vector<GazetteerEntry> entries_;
  NameMap names_, stems_;
  std::unordered_map<std::string, const GazetteerEntry*> countries_;
  int max_words_ = 1;
};

}  // namespace

const Gazetteer& DefaultGazetteer() {
  static const Gazetteer* g = new TableGazetteer(data::kData_places);
  return *g;
}

}  // namespace sitrep
