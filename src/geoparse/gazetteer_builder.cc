#include "geoparse/gazetteer_builder.h"

#include "core/distance.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <optional>
#include <unordered_map>

#include "core/string_map.h"
#include "core/tsv.h"
#include "core/utf8.h"
#include "geoparse/declension.h"
#include "geoparse/gazetteer.h"
#include "geoparse/gazetteer_format.h"
#include "geoparse/transliteration.h"
#include "geoparse/us_counties.h"
#include "text/segmenter.h"

namespace sitrep {

namespace {

struct Place {
  std::string id, name, ascii_name;
  uint16_t kind = gz::kVillage;
  std::string country, admin1, feature_code, capital_of;
  double lat = 0, lon = 0;
  int64_t population = 0;
  std::vector<std::string> names;  // every name (the primary first)
  std::vector<std::string> stems;
  std::vector<std::string> demonyms;  // "Polish", "Poles"
  uint32_t admin1_entry = UINT32_MAX;
  bool from_table = false;
};

uint16_t KindFromTable(std::string_view k) {
  if (k == "country") return gz::kCountry;
  if (k == "admin1") return gz::kAdmin1;
  if (k == "landmark") return gz::kLandmark;
  if (k == "city") return gz::kCity;
  if (k == "town") return gz::kTown;
  if (k == "village") return gz::kVillage;
  if (k == "continent") return gz::kContinent;
  if (k == "admin2") return gz::kAdmin2;
  return gz::kKindCount;
}

// GeoNames alternate names come in every script and include airport codes
// and historical forms. Kept: names written in Latin or Cyrillic letters
// (English, Russian, Ukrainian, transliterations), without digits, that are
// not all-capital codes ("HRK", "NYC").
bool KeepAlternateName(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  bool lower = false;
  int letters = 0;
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    int len = DecodeUtf8(s, i, &cp);
    if (len == 0) return false;
    i += len;
    if (IsDigit(cp)) return false;
    if (IsLetter(cp)) {
      bool latin = cp < 0x250 || (cp >= 0x1E00 && cp < 0x1F00);
      bool cyrillic = cp >= 0x400 && cp < 0x530;
      if (!latin && !cyrillic) return false;
      ++letters;
      if (!IsUpper(cp)) lower = true;
    }
  }
  return letters >= 2 && (lower || letters > 5);
}

void AddUnique(std::vector<std::string>* v, std::string_view s) {
  if (s.empty()) return;
  for (const std::string& x : *v) {
    if (x == s) return;
  }
  v->emplace_back(s);
}

void CopyPadded(char* dst, size_t n, std::string_view s) {
  std::memset(dst, 0, n);
  std::memcpy(dst, s.data(), std::min(n, s.size()));
}

// The table's place of a country ("PL"), a region ("US.TX", by its
// explicit GeoNames admin1 code) or a continent ("Europe"); -1 if none.
int FindTablePlace(const std::vector<Place>& places, const std::unordered_map<std::string, std::string>& iso3_of,
                   uint16_t kind, std::string_view iso2, std::string_view code, std::string_view name) {
  std::string iso3;
  if (kind != gz::kContinent) {
    auto it = iso3_of.find(std::string(iso2));
    if (it == iso3_of.end()) return -1;
    iso3 = it->second;
  }
  for (size_t i = 0; i < places.size(); ++i) {
    const Place& p = places[i];
    if (p.kind != kind) continue;
    if (kind == gz::kCountry && p.country == iso3) return static_cast<int>(i);
    if (kind == gz::kAdmin1 && p.country == iso3 && p.admin1 == code) return static_cast<int>(i);
    if (kind == gz::kContinent && p.name == name) return static_cast<int>(i);
  }
  return -1;
}

// GeoNames' own points: moves the table's countries and regions there, adds
// the regions and continents the table lacks (they then count as table rows).
Status ApplyPoints(std::string_view tsv, const std::unordered_map<std::string, std::string>& iso3_of,
                   std::vector<Place>* places, GazetteerBuildReport* rep) {
  for (const TsvRow& r : ParseTsv(tsv)) {
    auto bad = [&](const std::string& why) {
      return Status::DataError("points table line " + std::to_string(r.line) + ": " + why);
    };
    if (r.fields.size() < 5) return bad("needs at least 5 columns, has " + std::to_string(r.fields.size()));
    uint16_t kind = KindFromTable(r.field(0));
    if (kind != gz::kCountry && kind != gz::kAdmin1 && kind != gz::kContinent) {
      return bad("kind must be country, admin1 or continent, not '" + std::string(r.field(0)) + "'");
    }
    std::string lat(r.field(3)), lon(r.field(4));
    char* end = nullptr;
    double la = std::strtod(lat.c_str(), &end);
    if (end == lat.c_str() || la < -90 || la > 90) return bad("bad latitude '" + lat + "'");
    double lo = std::strtod(lon.c_str(), &end);
    if (end == lon.c_str() || lo < -180 || lo > 180) return bad("bad longitude '" + lon + "'");
    std::string_view iso2 = r.field(1), code = r.field(2), name = r.field(5);
    int at = FindTablePlace(*places, iso3_of, kind, iso2, code, name);
    if (at >= 0) {
      (*places)[at].lat = la;
      (*places)[at].lon = lo;
      ++rep->points_moved;
      continue;
    }
    if (kind == gz::kCountry) return bad("country '" + std::string(iso2) + "' is not in the places table");
    if (name.empty()) return bad("no place of the table has this code, and the row names none to add");
    Place p;
    p.from_table = true;
    p.kind = kind;
    if (kind == gz::kAdmin1) {
      auto it = iso3_of.find(std::string(iso2));
      if (it == iso3_of.end()) return bad("country '" + std::string(iso2) + "' is not in the places table");
      p.country = it->second;
      p.admin1 = std::string(code);
      p.id = "g-" + std::string(iso2) + "-" + p.admin1;
    } else {
      p.id = "g-" + std::string(name);
      for (char& c : p.id) c = c == ' ' ? '-' : c;
    }
    p.lat = la;
    p.lon = lo;
    p.name = p.ascii_name = std::string(name);
    p.names.push_back(p.name);
    for (auto a : SplitList(r.field(6))) AddUnique(&p.names, a);
    places->push_back(std::move(p));
    ++rep->points_added;
  }
  return Status::Ok();
}

// Demonyms and adjectives become names of their place, posted apart.
Status AddDemonyms(std::string_view tsv, const std::unordered_map<std::string, std::string>& iso3_of,
                   std::vector<Place>* places, GazetteerBuildReport* rep) {
  for (const TsvRow& r : ParseTsv(tsv)) {
    auto bad = [&](const std::string& why) {
      return Status::DataError("demonyms table line " + std::to_string(r.line) + ": " + why);
    };
    if (r.fields.size() < 2) return bad("needs at least 2 columns, has " + std::to_string(r.fields.size()));
    std::string_view key = r.field(1);
    int at;
    size_t dot = key.find('.');
    bool code = key.size() >= 2 && key[0] >= 'A' && key[0] <= 'Z' && key[1] >= 'A' && key[1] <= 'Z' &&
                (key.size() == 2 || dot == 2);
    if (code && dot == 2) {
      at = FindTablePlace(*places, iso3_of, gz::kAdmin1, key.substr(0, 2), key.substr(3), "");
    } else if (code) {
      at = FindTablePlace(*places, iso3_of, gz::kCountry, key, "", "");
    } else {
      at = FindTablePlace(*places, iso3_of, gz::kContinent, "", "", key);
    }
    if (at < 0)
      return bad("no place '" + std::string(key) + "' (a country's ISO alpha-2 code, CC.admin1, or a continent)");
    for (auto f : SplitList(r.field(0))) {
      AddUnique(&(*places)[at].demonyms, f);
      ++rep->demonyms;
    }
  }
  return Status::Ok();
}

// Russian names of a place in Ukraine, Russia or Belarus that GeoNames
// gives only in Latin letters, by BGN/PCGN's Russian system in reverse
// ("Velikaya Novoselka" -> "Великая Новоселка"), so that Russian text finds
// a Ukrainian village GeoNames names in Ukrainian only. Latin names that are
// the transliteration of one of its Ukrainian names are left out: in
// reverse they give no Russian word ("Velyka" -> "Велыка").
void AddRussianNames(const std::vector<std::string_view>& latin, Place* p, GazetteerBuildReport* rep) {
  if (p->country != "UKR" && p->country != "RUS" && p->country != "BLR") return;
  std::vector<std::string> ukrainian;  // folded Latin spellings of its Ukrainian names
  bool had_cyrillic = false;
  for (const std::string& n : p->names) {
    if (!HasCyrillic(n)) continue;
    had_cyrillic = true;
    for (NameLanguage l : CyrillicNameLanguages(n)) {
      if (l != NameLanguage::kUkrainian) continue;
      for (std::string& x : LatinSpellings(n, l)) ukrainian.push_back(std::move(x));
    }
  }
  // Russia's and Belarus's places have their Russian names in GeoNames
  // where they have any Cyrillic name.
  if (had_cyrillic && p->country != "UKR") return;
  size_t before = p->names.size();
  for (std::string_view l : latin) {
    std::string folded = FoldCase(l);
    std::erase(folded, '\'');
    if (std::find(ukrainian.begin(), ukrainian.end(), folded) != ukrainian.end()) continue;
    std::string cyrillic = RussianFromLatin(l);
    if (!cyrillic.empty()) AddUnique(&p->names, cyrillic);
  }
  if (p->names.size() > before) {
    rep->transliterated_names += p->names.size() - before;
    ++rep->transliterated_places;
    if (!had_cyrillic) ++rep->cyrillic_by_transliteration;
  }
}

// Places whose Cyrillic names are declined: in Ukraine, Russia and
// Belarus, the table's (countries, regions, cities) and cities elsewhere.
bool DeclinesNames(const Place& p) {
  return p.country == "UKR" || p.country == "RUS" || p.country == "BLR" || p.from_table || p.kind == gz::kCity;
}

// Seats of districts in Ukraine and Russia that districts are named after:
// regional, district and hromada seats (GeoNames PPLA, PPLA2, PPLA3), towns
// of 10,000+ people, and in Ukraine of 2,000+ (GeoNames marks few of the
// ~1,500 hromadas' seats, most of them villages of a few thousand people).
bool DistrictSeat(const Place& p) {
  if (p.country != "UKR" && p.country != "RUS") return false;
  if (p.kind != gz::kCity && p.kind != gz::kTown && p.kind != gz::kVillage) return false;
  return p.feature_code == "PPLA" || p.feature_code == "PPLA2" || p.feature_code == "PPLA3" ||
         p.feature_code == "PPLC" || p.population >= 10000 || (p.country == "UKR" && p.population >= 2000);
}

// The oblique forms of a place's Cyrillic names ("Курская" -> "Курской",
// ...), and the forms with е for ё that news text often writes.
void AddDeclinedForms(const Declension& d, const Place& p, std::vector<std::pair<std::string, std::string>>* names,
                      GazetteerBuildReport* rep) {
  if (!DeclinesNames(p)) return;
  std::vector<std::string> bases;
  for (const std::string& n : p.names) {
    if (HasCyrillic(n)) bases.push_back(n);
  }
  size_t first = names->size();
  for (const std::string& base : bases) {
    std::vector<std::string> variants = {base};
    // ё -> е, as news text often writes it.
    std::string plain = base;
    for (size_t at; (at = plain.find("ё")) != std::string::npos;) plain.replace(at, 2, "е");
    for (size_t at; (at = plain.find("Ё")) != std::string::npos;) plain.replace(at, 2, "Е");
    if (plain != base) {
      variants.push_back(plain);
      names->emplace_back(plain, base);
    }
    for (const std::string& v : variants) {
      for (std::string& f : d.Forms(v, p.country == "RUS" || p.country == "BLR"))
        names->emplace_back(std::move(f), base);
    }
  }
  rep->declined_forms += names->size() - first;
}

class Writer {
 public:
  size_t Align() {
    while (out_.size() % 8 != 0) out_.push_back('\0');
    return out_.size();
  }
  template <typename T>
  gz::SectionRef Records(const std::vector<T>& v) {
    size_t at = Align();
    out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
    return {at, v.size() * sizeof(T)};
  }
  gz::SectionRef Bytes(const std::string& s) {
    size_t at = Align();
    out_ += s;
    return {at, s.size()};
  }
  std::string& out() { return out_; }

 private:
  std::string out_;
};

// A node of the name trie while it is built.
struct BuildNode {
  std::vector<uint32_t> names, stems;
  uint32_t flags = 0;
  uint32_t word = 0;
};

// One build of the gazetteer file: the state its phases share, named as
// the phases name it. Each phase is a method, in the order Build calls them.
struct GazetteerBuild {
  GazetteerBuild(const GazetteerSources& sources, GazetteerBuildReport& report) : src(sources), rep(report) {}

  Result<std::string> Build();
  Status ReadTable();
  void ReadGeoNames();
  Status AddUsCounties();
  void MergeTableCities();
  void AssignRegions();
  void Renumber();
  Status BuildTrie();
  void Records();
  std::string File();

  // The trie's strings, words and nodes.
  gz::StringRef AddString(std::string_view s);
  uint32_t NodeFor(std::string_view key);
  static void Post(std::vector<uint32_t>* v, uint32_t e) {
    if (std::find(v->begin(), v->end(), e) == v->end()) v->push_back(e);
  }

  const GazetteerSources& src;
  GazetteerBuildReport& rep;
  std::vector<Place> places;
  std::unordered_map<std::string, std::string> iso3_of;  // ISO alpha-2 -> alpha-3
  uint32_t data_version = 0;
  size_t table_count = 0;          // places from the reviewed table come first
  std::vector<bool> dropped;       // table cities merged into a GeoNames town
  std::vector<uint32_t> new_index; // place -> entry, UINT32_MAX when dropped
  std::vector<Place*> kept;        // the entries, in order
  std::string strings;
  StringMap<uint32_t> word_ids;
  std::vector<gz::WordRecord> words;
  std::vector<BuildNode> nodes = std::vector<BuildNode>(1);
  std::unordered_map<uint64_t, uint32_t> edges;  // (parent << 32 | word) -> child
  std::optional<Declension> declension;
  std::vector<gz::EntryRecord> entry_records;
  std::vector<gz::NodeRecord> node_records;
  std::vector<gz::EdgeRecord> edge_records;
  std::vector<uint32_t> postings;
  std::vector<uint32_t> word_hash;
  std::vector<gz::FuzzyRecord> fuzzy;
};

gz::StringRef GazetteerBuild::AddString(std::string_view s) {
  gz::StringRef r{static_cast<uint32_t>(strings.size()), static_cast<uint32_t>(s.size())};
  strings.append(s);
  return r;
}

uint32_t GazetteerBuild::NodeFor(std::string_view key) {
  uint32_t node = 0;
  for (size_t i = 0; i <= key.size();) {
    size_t sp = key.find(' ', i);
    if (sp == std::string_view::npos) sp = key.size();
    std::string_view w = key.substr(i, sp - i);
    i = sp + 1;
    if (w.empty()) continue;
    auto [wit, fresh_word] = word_ids.try_emplace(std::string(w), static_cast<uint32_t>(words.size() + 1));
    if (fresh_word) words.push_back({AddString(w)});
    uint64_t ek = (static_cast<uint64_t>(node) << 32) | wit->second;
    auto [eit, fresh_edge] = edges.try_emplace(ek, static_cast<uint32_t>(nodes.size()));
    if (fresh_edge) {
      nodes.emplace_back();
      nodes.back().word = wit->second;
    }
    node = eit->second;
  }
  return node;
}

Result<std::string> GazetteerBuild::Build() {
  if (Status st = ReadTable(); !st.ok()) return st;
  ReadGeoNames();
  if (Status st = AddUsCounties(); !st.ok()) return st;
  MergeTableCities();
  AssignRegions();
  Renumber();
  if (Status st = BuildTrie(); !st.ok()) return st;
  if (words.size() > gz::kWordIdMask) {
    return Status::DataError("the names hold " + std::to_string(words.size()) + " distinct words; the format holds " +
                             std::to_string(gz::kWordIdMask));
  }
  Records();
  return File();
}

// The reviewed table.
Status GazetteerBuild::ReadTable() {
  for (size_t at = 0; at < src.places_tsv.size();) {
    size_t nl = src.places_tsv.find('\n', at);
    std::string_view line = src.places_tsv.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
    if (line.starts_with("# version "))
      data_version = static_cast<uint32_t>(std::atoi(std::string(line.substr(10)).c_str()));
    if (nl == std::string_view::npos) break;
    at = nl + 1;
  }
  for (const TsvRow& r : ParseTsv(src.places_tsv)) {
    auto bad = [&](const std::string& why) {
      return Status::DataError("places table line " + std::to_string(r.line) + ": " + why);
    };
    if (r.fields.size() < 8) return bad("needs at least 8 columns, has " + std::to_string(r.fields.size()));
    Place p;
    p.from_table = true;
    p.id = std::string(r.field(0));
    p.kind = KindFromTable(r.field(1));
    if (p.kind == gz::kKindCount) return bad("unknown kind '" + std::string(r.field(1)) + "'");
    p.country = std::string(r.field(2));
    if (p.country.size() != 3) return bad("country must be an ISO alpha-3 code");
    char* end = nullptr;
    std::string lat(r.field(3)), lon(r.field(4));
    p.lat = std::strtod(lat.c_str(), &end);
    if (end == lat.c_str() || p.lat < -90 || p.lat > 90) return bad("bad latitude '" + lat + "'");
    p.lon = std::strtod(lon.c_str(), &end);
    if (end == lon.c_str() || p.lon < -180 || p.lon > 180) return bad("bad longitude '" + lon + "'");
    p.population = std::strtoll(std::string(r.field(5)).c_str(), nullptr, 10);
    p.capital_of = std::string(r.field(6));
    p.name = std::string(r.field(7));
    p.ascii_name = p.name;
    p.names.push_back(p.name);
    for (auto s : SplitList(r.field(8))) AddUnique(&p.stems, s);
    for (auto a : SplitList(r.field(9))) AddUnique(&p.names, a);
    std::string code(r.field(10));
    if (p.kind == gz::kCountry) {
      if (code.size() != 2) return bad("a country needs its ISO alpha-2 code in column 11");
      iso3_of[code] = p.country;
    } else if (p.kind == gz::kAdmin1) {
      p.admin1 = code;
    }
    places.push_back(std::move(p));
  }
  rep.table_rows = places.size();
  if (Status st = ApplyPoints(src.points_tsv, iso3_of, &places, &rep); !st.ok()) return st;
  if (Status st = AddDemonyms(src.demonyms_tsv, iso3_of, &places, &rep); !st.ok()) return st;
  table_count = places.size();
  return Status::Ok();
}

// GeoNames towns.
void GazetteerBuild::ReadGeoNames() {
  for (size_t at = 0, line_no = 1; at < src.geonames.size(); ++line_no) {
    size_t nl = src.geonames.find('\n', at);
    std::string_view line = src.geonames.substr(at, nl == std::string_view::npos ? std::string_view::npos : nl - at);
    at = nl == std::string_view::npos ? src.geonames.size() : nl + 1;
    if (line.empty()) continue;
    std::vector<std::string_view> f;
    for (size_t b = 0;;) {
      size_t t = line.find('\t', b);
      f.push_back(line.substr(b, t == std::string_view::npos ? std::string_view::npos : t - b));
      if (t == std::string_view::npos) break;
      b = t + 1;
    }
    ++rep.geonames_rows;
    auto skip = [&](const std::string& why) {
      ++rep.geonames_skipped;
      if (rep.warnings.size() < 50) rep.warnings.push_back("GeoNames line " + std::to_string(line_no) + ": " + why);
    };
    if (f.size() < 15) {
      skip("expected 19 tab-separated columns, found " + std::to_string(f.size()));
      continue;
    }
    Place p;
    p.id = "geonames:" + std::string(f[0]);
    p.name = std::string(f[1]);
    p.ascii_name = std::string(f[2]);
    std::string lat(f[4]), lon(f[5]);
    char* end = nullptr;
    p.lat = std::strtod(lat.c_str(), &end);
    bool ok = end != lat.c_str();
    p.lon = std::strtod(lon.c_str(), &end);
    ok = ok && end != lon.c_str() && p.lat >= -90 && p.lat <= 90 && p.lon >= -180 && p.lon <= 180;
    if (!ok || p.name.empty()) {
      skip("bad name or coordinates");
      continue;
    }
    p.feature_code = std::string(f[7]);
    auto c = iso3_of.find(std::string(f[8]));
    if (c == iso3_of.end()) {
      skip("country code '" + std::string(f[8]) + "' is not in the places table");
      continue;
    }
    p.country = c->second;
    p.admin1 = std::string(f[10]);
    p.population = std::strtoll(std::string(f[14]).c_str(), nullptr, 10);
    p.kind = p.population >= 100000 || p.feature_code == "PPLC" ? gz::kCity
             : p.population >= 10000                             ? gz::kTown
                                                                 : gz::kVillage;
    if (p.feature_code == "PPLC") p.capital_of = p.country;
    p.names.push_back(p.name);
    AddUnique(&p.names, p.ascii_name);
    // GeoNames' Latin alternate names of villages are mostly other
    // villages' spellings and people's names ("George"); villages keep
    // their Cyrillic names only.
    std::vector<std::string_view> latin;  // every Latin name, villages' too
    latin.push_back(p.ascii_name);
    for (auto a : SplitList(f[3], ',')) {
      if (!KeepAlternateName(a)) continue;
      if (static_cast<unsigned char>(a[0]) < 0xC0) latin.push_back(a);
      if (p.kind == gz::kVillage && static_cast<unsigned char>(a[0]) < 0xC0) continue;
      AddUnique(&p.names, a);
    }
    if (!src.declension_tsv.empty()) AddRussianNames(latin, &p, &rep);
    places.push_back(std::move(p));
  }
}

// US counties and parishes, in the state of their name.
Status GazetteerBuild::AddUsCounties() {
  if (src.us_counties_topojson.empty()) return Status::Ok();
  auto counties = ReadUsCounties(src.us_counties_topojson);
  if (!counties.ok()) return counties.status();
  std::unordered_map<std::string, std::string> state_code;  // name -> admin1 code
  for (size_t i = 0; i < table_count; ++i) {
    const Place& s = places[i];
    if (s.kind != gz::kAdmin1 || s.country != "USA" || s.admin1.empty()) continue;
    for (const auto* list : {&s.names, &s.stems}) {
      for (const std::string& n : *list) state_code.try_emplace(n, s.admin1);  // "New York State", "New York"
    }
  }
  for (const UsCounty& c : *counties) {
    auto code = state_code.find(c.state);
    if (code == state_code.end())
      return Status::DataError("us-atlas: state '" + c.state + "' is not in the places table");
    Place p;
    p.id = "us-county:" + c.fips;
    p.name = p.ascii_name = c.name;
    p.names.push_back(c.name);
    p.kind = gz::kAdmin2;
    p.country = "USA";
    p.admin1 = code->second;
    p.feature_code = "ADM2";
    p.lat = c.lat;
    p.lon = c.lon;
    places.push_back(std::move(p));
    ++rep.us_counties;
  }
  return Status::Ok();
}

// Table cities that GeoNames has too become one entry: the GeoNames
// town of that name (or any of the table's names) nearest within 40 km.
void GazetteerBuild::MergeTableCities() {
  StringMap<std::vector<uint32_t>> by_key;
  for (uint32_t i = table_count; i < places.size(); ++i) {
    for (const std::string& n : places[i].names) {
      auto& v = by_key[NameKey(n)];
      if (v.empty() || v.back() != i) v.push_back(i);
    }
  }
  dropped.assign(places.size(), false);
  for (uint32_t t = 0; t < table_count; ++t) {
    Place& tp = places[t];
    if (tp.kind != gz::kCity) continue;
    uint32_t best = UINT32_MAX;
    double best_d = 40;
    for (const std::string& n : tp.names) {
      auto it = by_key.find(NameKey(n));
      if (it == by_key.end()) continue;
      for (uint32_t g : it->second) {
        const Place& gp = places[g];
        if (gp.country != tp.country) continue;
        double d = DistanceKm(tp.lat, tp.lon, gp.lat, gp.lon);
        if (d < best_d || (d == best_d && best != UINT32_MAX && gp.population > places[best].population)) {
          best_d = d;
          best = g;
        }
      }
    }
    if (best == UINT32_MAX) continue;
    Place& gp = places[best];
    // The reviewed English name is the one shown ("Zaporizhzhia", not
    // GeoNames' "Zaporizhzhya"); GeoNames' stays an alternate name.
    std::vector<std::string> names = tp.names;
    for (const std::string& n : gp.names) AddUnique(&names, n);
    gp.names = std::move(names);
    gp.name = tp.name;
    for (const std::string& s : tp.stems) AddUnique(&gp.stems, s);
    if (!tp.capital_of.empty()) gp.capital_of = tp.capital_of;
    if (gp.kind != gz::kCity && tp.population >= 100000) gp.kind = gz::kCity;
    gp.population = std::max(gp.population, tp.population);
    dropped[t] = true;
    ++rep.table_cities_merged;
  }
}

// First-level regions: the table's own code, else the code most of the
// 15 GeoNames towns nearest its centroid carry.
void GazetteerBuild::AssignRegions() {
  std::unordered_map<std::string, std::vector<uint32_t>> towns_of;  // by country
  for (uint32_t i = table_count; i < places.size(); ++i) {
    if (places[i].feature_code != "PPLX" && places[i].kind != gz::kAdmin2 && !places[i].admin1.empty())
      towns_of[places[i].country].push_back(i);
  }
  auto vote = [&](const Place& p, int k, int* votes) -> std::string {
    auto it = towns_of.find(p.country);
    if (it == towns_of.end()) return "";
    std::vector<std::pair<double, uint32_t>> near;
    for (uint32_t g : it->second) near.push_back({DistanceKm(p.lat, p.lon, places[g].lat, places[g].lon), g});
    size_t n = std::min<size_t>(k, near.size());
    std::partial_sort(near.begin(), near.begin() + n, near.end());
    // Nearer towns weigh more (1 / (distance + 5 km)).
    std::map<std::string, double> weight;
    std::map<std::string, int> count;
    for (size_t i = 0; i < n; ++i) {
      weight[places[near[i].second].admin1] += 1.0 / (near[i].first + 5.0);
      ++count[places[near[i].second].admin1];
    }
    auto best = std::max_element(weight.begin(), weight.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    *votes = count[best->first];
    return best->first;
  };
  std::map<std::pair<std::string, std::string>, uint32_t> admin1_index;  // (iso3, code) -> place
  for (uint32_t t = 0; t < table_count; ++t) {
    Place& p = places[t];
    if (p.kind == gz::kCountry || p.kind == gz::kContinent || dropped[t]) continue;
    if (p.admin1.empty()) {
      int votes = 0;
      p.admin1 = vote(p, p.kind == gz::kAdmin1 ? 15 : 5, &votes);
      if (p.kind == gz::kAdmin1 && !p.admin1.empty()) {
        ++rep.admin1_derived;
        rep.derived.push_back(p.id + " (" + p.name + ") -> " + p.admin1 + " (" + std::to_string(votes) +
                              " of the nearest towns)");
      }
    }
    if (p.kind != gz::kAdmin1 || p.admin1.empty()) continue;
    auto [it, fresh] = admin1_index.try_emplace({p.country, p.admin1}, t);
    if (!fresh) {
      rep.warnings.push_back("regions " + places[it->second].id + " and " + p.id + " both get admin1 code " +
                             p.admin1 + "; towns link to the first");
    }
  }
  for (uint32_t i = 0; i < places.size(); ++i) {
    Place& p = places[i];
    if (p.kind == gz::kCountry || p.kind == gz::kAdmin1 || p.admin1.empty()) continue;
    auto it = admin1_index.find({p.country, p.admin1});
    if (it != admin1_index.end()) p.admin1_entry = it->second;
  }
}

// Renumber without the merged table cities.
void GazetteerBuild::Renumber() {
  new_index.assign(places.size(), UINT32_MAX);
  for (uint32_t i = 0; i < places.size(); ++i) {
    if (dropped[i]) continue;
    new_index[i] = static_cast<uint32_t>(kept.size());
    kept.push_back(&places[i]);
  }
}

// The name trie over word ids.
Status GazetteerBuild::BuildTrie() {
  if (!src.declension_tsv.empty()) {
    Result<Declension> d = Declension::Parse(src.declension_tsv);
    if (!d.ok()) return d.status();
    declension = std::move(d).value();
  }
  for (uint32_t i = 0; i < kept.size(); ++i) {
    const std::string primary = NameKey(kept[i]->name), ascii = NameKey(kept[i]->ascii_name);
    // Every name, and with declension rules the oblique forms of its
    // Cyrillic names, each with the name it comes from.
    std::vector<std::pair<std::string, std::string>> names;  // (form, its name)
    for (const std::string& n : kept[i]->names) {
      names.emplace_back(n, n);
      // "Ts'khinvali", "Kam’yanka": transliterations' apostrophes are often
      // left out in news ("Tskhinvali").
      std::string bare;
      for (size_t k = 0; k < n.size(); ++k) {
        if (n[k] == '\'') continue;
        if (n.compare(k, 3, "\u2019") == 0 || n.compare(k, 2, "\u02bc") == 0) {
          k += n.compare(k, 3, "\u2019") == 0 ? 2 : 1;
          continue;
        }
        bare.push_back(n[k]);
      }
      if (bare.size() != n.size() && !HasCyrillic(n)) names.emplace_back(bare, n);
    }
    if (declension) AddDeclinedForms(*declension, *kept[i], &names, &rep);
    for (const auto& [n, base] : names) {
      std::string key = NameKey(n);
      if (key.empty()) continue;
      uint32_t node = NodeFor(key);
      // Postings of alternate names carry Gazetteer::kAlternate; a name
      // that is both is posted once, as primary.
      std::string base_key = NameKey(base);
      bool alternate = base_key != primary && base_key != ascii;
      auto& list = nodes[node].names;
      if (std::find(list.begin(), list.end(), i) != list.end()) continue;
      if (alternate && std::find(list.begin(), list.end(), i | Gazetteer::kAlternate) != list.end()) continue;
      if (!alternate) std::erase(list, i | Gazetteer::kAlternate);
      list.push_back(alternate ? i | Gazetteer::kAlternate : i);
      if (src.common_words != nullptr && key.find(' ') == std::string::npos && src.common_words->count(key) > 0) {
        nodes[node].flags |= Gazetteer::kCommonWord;
      }
    }
    for (const std::string& s : kept[i]->stems) {
      std::string key = NameKey(s);
      if (!key.empty()) Post(&nodes[NodeFor(key)].stems, i);
      // "Курской", "Запорізькій": a region's stem in every case.
      if (!declension || !HasCyrillic(s)) continue;
      for (const std::string& f : declension->Forms(s)) {
        std::string fk = NameKey(f);
        if (fk.empty()) continue;
        Post(&nodes[NodeFor(fk)].stems, i);
        ++rep.declined_forms;
      }
    }
    for (const std::string& d : kept[i]->demonyms) {
      std::string key = NameKey(d);
      if (!key.empty()) Post(&nodes[NodeFor(key)].names, i | Gazetteer::kDemonym);
    }
    if (declension && DistrictSeat(*kept[i])) {
      for (const std::string& n : kept[i]->names) {
        bool russia = kept[i]->country == "RUS";
        for (const std::string& d : declension->DistrictNames(n, kept[i]->population, kept[i]->country)) {
          std::vector<std::string> forms = declension->Forms(d, russia);
          forms.insert(forms.begin(), d);
          for (const std::string& f : forms) {
            std::string key = NameKey(f);
            if (key.empty()) continue;
            auto& list = nodes[NodeFor(key)].names;
            if (std::find(list.begin(), list.end(), i | Gazetteer::kDistrict) != list.end()) continue;
            list.push_back(i | Gazetteer::kDistrict);
            ++rep.district_names;
          }
        }
      }
    }
  }
  // Single-word Cyrillic names that are ordinary words ("там", "мирное"),
  // unless a city of 100,000+ people or a region has that name.
  if (src.common_cyrillic) {
    std::vector<std::string_view> word_text(words.size() + 1);
    for (uint32_t id = 1; id <= words.size(); ++id)
      word_text[id] = std::string_view(strings).substr(words[id - 1].text.offset, words[id - 1].text.size);
    for (const auto& [k, child] : edges) {
      if ((k >> 32) != 0) continue;  // a first word: single-word names hang off the root
      BuildNode& node = nodes[child];
      if (node.names.empty() || (node.flags & Gazetteer::kCommonWord) != 0) continue;
      std::string_view w = word_text[static_cast<uint32_t>(k)];
      if (!HasCyrillic(w)) continue;
      bool major = std::any_of(node.names.begin(), node.names.end(), [&](uint32_t x) {
        const Place& p = *kept[Gazetteer::EntryOf(x)];
        return !(p.kind == gz::kCity || p.kind == gz::kTown || p.kind == gz::kVillage) || p.population >= 100000;
      });
      if (major || !src.common_cyrillic(w)) continue;
      node.flags |= Gazetteer::kCommonWord;
      ++rep.common_cyrillic;
    }
  }
  return Status::Ok();
}

// Records.
void GazetteerBuild::Records() {
  entry_records.resize(kept.size());
  for (uint32_t i = 0; i < kept.size(); ++i) {
    const Place& p = *kept[i];
    gz::EntryRecord& r = entry_records[i];
    std::memset(&r, 0, sizeof(r));
    r.id = AddString(p.id);
    r.name = AddString(p.name);
    CopyPadded(r.country, sizeof(r.country), p.country);
    CopyPadded(r.admin1, sizeof(r.admin1), p.admin1);
    CopyPadded(r.feature_code, sizeof(r.feature_code), p.feature_code);
    CopyPadded(r.capital_of, sizeof(r.capital_of), p.capital_of);
    r.lat = p.lat;
    r.lon = p.lon;
    r.population = p.population;
    r.admin1_entry = p.admin1_entry == UINT32_MAX ? UINT32_MAX : new_index[p.admin1_entry];
    r.kind = p.kind;
  }
  std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> edge_list;  // parent, word, child
  edge_list.reserve(edges.size());
  for (const auto& [k, child] : edges)
    edge_list.emplace_back(static_cast<uint32_t>(k >> 32), static_cast<uint32_t>(k), child);
  std::sort(edge_list.begin(), edge_list.end());
  node_records.resize(nodes.size() + 1);
  edge_records.reserve(edge_list.size());
  size_t e = 0;
  for (uint32_t n = 0; n < nodes.size(); ++n) {
    gz::NodeRecord& r = node_records[n];
    std::memset(&r, 0, sizeof(r));
    r.edge_begin = static_cast<uint32_t>(edge_records.size());
    while (e < edge_list.size() && std::get<0>(edge_list[e]) == n) {
      edge_records.push_back({std::get<1>(edge_list[e]), std::get<2>(edge_list[e])});
      ++e;
    }
    r.names_begin = static_cast<uint32_t>(postings.size());
    postings.insert(postings.end(), nodes[n].names.begin(), nodes[n].names.end());
    r.stems_begin = static_cast<uint32_t>(postings.size());
    postings.insert(postings.end(), nodes[n].stems.begin(), nodes[n].stems.end());
    r.flags = nodes[n].flags;
    if (!nodes[n].names.empty() || !nodes[n].stems.empty()) ++rep.names;
  }
  gz::NodeRecord& closing = node_records.back();
  std::memset(&closing, 0, sizeof(closing));
  closing.edge_begin = static_cast<uint32_t>(edge_records.size());
  closing.names_begin = closing.stems_begin = static_cast<uint32_t>(postings.size());
  size_t hash_size = 16;
  while (hash_size < words.size() + words.size() / 2) hash_size *= 2;  // at most two thirds full
  word_hash.assign(hash_size, 0);
  for (uint32_t id = 1; id <= words.size(); ++id) {
    std::string_view w(strings.data() + words[id - 1].text.offset, words[id - 1].text.size);
    const uint64_t hash = gz::WordHash(w);
    size_t slot = hash & (hash_size - 1);
    while (word_hash[slot] != 0) slot = (slot + 1) & (hash_size - 1);
    word_hash[slot] = id | (gz::WordTag(hash) << gz::kWordIdBits);
  }
  // Misspelling candidates: single-word names of countries, regions (and
  // region stems) and towns of 10,000+ people, four letters or more.
  for (size_t i = 0; i < node_records[1].edge_begin; ++i) {
    const gz::EdgeRecord& edge = edge_records[node_records[0].edge_begin + i];
    const BuildNode& n = nodes[edge.child];
    bool major = !n.stems.empty();
    for (uint32_t x : n.names) {
      const Place& p = *kept[Gazetteer::EntryOf(x)];
      major = major || p.kind == gz::kCountry || p.kind == gz::kAdmin1 || p.population >= 10000;
    }
    std::string_view w(strings.data() + words[edge.word - 1].text.offset, words[edge.word - 1].text.size);
    uint32_t cps = 0;
    for (unsigned char c : w) cps += (c & 0xC0) != 0x80;
    if (!major || cps < 4) continue;
    fuzzy.push_back({gz::FuzzyBucket(w), edge.word, edge.child, cps});
  }
  std::sort(fuzzy.begin(), fuzzy.end(), [](const gz::FuzzyRecord& a, const gz::FuzzyRecord& b) {
    return std::tie(a.bucket, a.code_points, a.word) < std::tie(b.bucket, b.code_points, b.word);
  });
}

// The file.
std::string GazetteerBuild::File() {
  Writer w;
  gz::Header header;
  std::memset(&header, 0, sizeof(header));
  w.out().assign(sizeof(gz::Header), '\0');
  header.sections[gz::kStrings] = w.Bytes(strings);
  header.sections[gz::kEntries] = w.Records(entry_records);
  header.sections[gz::kPostings] = w.Records(postings);
  header.sections[gz::kWords] = w.Records(words);
  header.sections[gz::kWordHash] = w.Records(word_hash);
  header.sections[gz::kNodes] = w.Records(node_records);
  header.sections[gz::kEdges] = w.Records(edge_records);
  header.sections[gz::kFuzzy] = w.Records(fuzzy);
  w.Align();
  std::memcpy(header.magic, gz::kMagic, sizeof(header.magic));
  header.format_version = gz::kFormatVersion;
  header.data_version = data_version;
  CopyPadded(header.source, sizeof(header.source) - 1, src.source_label);
  header.entry_count = static_cast<uint32_t>(entry_records.size());
  header.word_count = static_cast<uint32_t>(words.size());
  header.node_count = static_cast<uint32_t>(node_records.size() - 1);
  std::string& out = w.out();
  header.file_size = out.size();
  header.checksum = gz::Checksum(reinterpret_cast<const unsigned char*>(out.data()) + sizeof(gz::Header),
                                 out.size() - sizeof(gz::Header));
  std::memcpy(out.data(), &header, sizeof(header));
  return std::move(out);
}

}  // namespace

Result<std::string> BuildGazetteer(const GazetteerSources& src, GazetteerBuildReport* report) {
  GazetteerBuildReport local;
  return GazetteerBuild(src, report != nullptr ? *report : local).Build();
}

}  // namespace sitrep
