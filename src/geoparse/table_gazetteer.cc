#include <cstdlib>
#include <iostream>
#include <unordered_map>

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
  }

  std::vector<const GazetteerEntry*> Lookup(std::string_view folded) const override {
    auto it = names_.find(std::string(folded));
    return it == names_.end() ? std::vector<const GazetteerEntry*>{} : it->second;
  }
  std::vector<const GazetteerEntry*> LookupStem(std::string_view folded) const override {
    auto it = stems_.find(std::string(folded));
    return it == stems_.end() ? std::vector<const GazetteerEntry*>{} : it->second;
  }
  std::vector<FuzzyHit> FuzzyLookup(std::string_view folded, int max_distance) const override {
    std::vector<FuzzyHit> hits;
    if (folded.empty()) return hits;
    for (bool stem : {false, true}) {
      for (const auto& [name, list] : stem ? stems_ : names_) {
        if (name.empty() || name[0] != folded[0]) continue;
        int d = EditDistance(folded, name, max_distance);
        if (d > max_distance) continue;
        for (const GazetteerEntry* e : list) hits.push_back({e, d, stem});
      }
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
  using NameMap = std::unordered_map<std::string, std::vector<const GazetteerEntry*>>;
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
