// The compiled gazetteer: built from small tables written for this test,
// checked when loaded, and refused with a clear error when damaged.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include <algorithm>

#include "geoparse/declension.h"
#include "geoparse/gazetteer.h"
#include "geoparse/gazetteer_builder.h"
#include "geoparse/transliteration.h"
#include "geoparse/us_counties.h"
#include "geoparse/gazetteer_format.h"
#include "pipeline/data_paths.h"

namespace sitrep {
namespace data {
extern const std::string_view kData_toponym_declension;  // data/toponym_declension.tsv, compiled in
}  // namespace data
namespace {

// Columns as data/places.tsv. Invented regions and towns of an invented
// country, so that nothing here depends on real data.
constexpr char kTable[] =
    "# version 7\n"
    "c-XAA\tcountry\tXAA\t10.0\t20.0\t5000000\t\tAlderia\t\tAlderland|Альдерия\tXA\n"
    "c-XBB\tcountry\tXBB\t12.0\t24.0\t3000000\t\tBrevia\t\t\tXB\n"
    "r-north\tadmin1\tXAA\t11.0\t20.5\t900000\t\tNorth Marches Oblast\tNorth Marches\tNordmark\t\n"
    "r-south\tadmin1\tXAA\t9.0\t19.5\t800000\t\tSouthmoor Oblast\tSouthmoor\t\t\n"
    "t-capital\tcity\tXAA\t10.1\t20.1\t1200000\tXAA\tKarvel\t\tKarvell|Карвель\t\n";

// GeoNames dump rows (id, name, ascii, alternates, lat, lon, class, code,
// country, cc2, admin1, admin2, admin3, admin4, population, ...).
constexpr char kGeoNames[] =
    "101\tKarvel\tKarvel\tKarwel\t10.11\t20.12\tP\tPPLC\tXA\t\t01\t\t\t\t1100000\t\t50\tX/Y\t2024-01-01\n"
    "102\tOstrava Nova\tOstrava Nova\t\t11.1\t20.6\tP\tPPLA\tXA\t\t01\t\t\t\t45000\t\t50\tX/Y\t2024-01-01\n"
    "103\tOstrava Nova\tOstrava Nova\t\t12.1\t24.1\tP\tPPL\tXB\t\t03\t\t\t\t700\t\t50\tX/Y\t2024-01-01\n"
    "104\tSudrino\tSudrino\tSoudrino,Судрино\t9.1\t19.6\tP\tPPL\tXA\t\t02\t\t\t\t6000\t\t50\tX/Y\t2024-01-01\n"
    "105\tMobile\tMobile\t\t9.2\t19.7\tP\tPPL\tXA\t\t02\t\t\t\t2000\t\t50\tX/Y\t2024-01-01\n"
    "106\tNorthtown\tNorthtown\t\t11.2\t20.4\tP\tPPL\tXA\t\t01\t\t\t\t3000\t\t50\tX/Y\t2024-01-01\n"
    "107\tNorthvale\tNorthvale\t\t11.3\t20.3\tP\tPPL\tXA\t\t01\t\t\t\t3000\t\t50\tX/Y\t2024-01-01\n"
    "broken line without tabs\n"
    "108\tNowhere\tNowhere\t\t10.0\t20.0\tP\tPPL\tZZ\t\t01\t\t\t\t900\t\t50\tX/Y\t2024-01-01\n";

std::string Build(GazetteerBuildReport* report = nullptr) {
  std::unordered_set<std::string> common = {"mobile"};
  GazetteerSources src{kTable, kGeoNames, "test fixture", &common};
  auto bytes = BuildGazetteer(src, report);
  EXPECT_TRUE(bytes.ok()) << bytes.status().message();
  return bytes.ok() ? *bytes : std::string();
}

const GazetteerEntry* Only(const Gazetteer& g, std::string_view key) {
  auto names = g.NamesAt(g.Find(key));
  if (names.size() != 1) return nullptr;
  return &g.entry(Gazetteer::EntryOf(names[0]));
}

TEST(GazetteerBuild, MergesTableAndGeoNamesAndReportsBadRows) {
  GazetteerBuildReport report;
  auto g = Gazetteer::FromBytes(Build(&report));
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(report.geonames_rows, 9u);
  EXPECT_EQ(report.geonames_skipped, 2u);  // the broken line and the unknown country ZZ
  ASSERT_EQ(report.warnings.size(), 2u);
  EXPECT_NE(report.warnings[0].find("line 8"), std::string::npos) << report.warnings[0];
  EXPECT_NE(report.warnings[1].find("'ZZ'"), std::string::npos) << report.warnings[1];
  // The table's Karvel and GeoNames' are one entry with both sets of names.
  EXPECT_EQ(report.table_cities_merged, 1u);
  const GazetteerEntry* karvel = Only(**g, "karvel");
  ASSERT_NE(karvel, nullptr);
  EXPECT_EQ(karvel->id, "geonames:101");
  EXPECT_EQ(karvel->capital_of, "XAA");
  EXPECT_EQ(Only(**g, "karwel"), karvel);
  EXPECT_EQ(Only(**g, "карвель"), karvel);
  EXPECT_EQ((*g)->data_version(), 7u);
  EXPECT_EQ((*g)->source(), "test fixture");
  EXPECT_EQ((*g)->size(), 5u + 7u - 1u);  // 5 table rows, 7 GeoNames rows kept, Karvel merged
}

TEST(GazetteerBuild, EntriesCarryKindCountryRegionAndNames) {
  auto g = Gazetteer::FromBytes(Build());
  ASSERT_TRUE(g.ok());
  const GazetteerEntry* s = Only(**g, "sudrino");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(KindName(s->place_kind), "village");
  EXPECT_EQ(s->country, "XAA");
  EXPECT_EQ(s->admin1, "02");
  EXPECT_EQ(s->population, 6000);
  EXPECT_DOUBLE_EQ(s->lat, 9.1);
  // Its region is the table's Southmoor Oblast, whose code was derived
  // from the towns nearest its centre.
  ASSERT_NE(s->admin1_entry, UINT32_MAX);
  EXPECT_EQ((*g)->entry(s->admin1_entry).name, "Southmoor Oblast");
  // A village keeps its Cyrillic alternate name, not its Latin ones.
  EXPECT_EQ(Only(**g, "судрино"), s);
  EXPECT_EQ((*g)->Find("soudrino"), Gazetteer::kNoNode);
  // Two towns of one name, in two countries.
  EXPECT_EQ((*g)->NamesAt((*g)->Find("ostrava nova")).size(), 2u);
  // Regions are found by their stems too ("North Marches" + "region").
  EXPECT_EQ((*g)->StemsAt((*g)->Find("north marches")).size(), 1u);
  ASSERT_NE((*g)->Country("XBB"), nullptr);
  EXPECT_EQ((*g)->Country("XBB")->name, "Brevia");
  EXPECT_EQ((*g)->Country("XCC"), nullptr);
}

TEST(GazetteerBuild, FlagsOrdinaryWordsAndMarksAlternateNames) {
  auto g = Gazetteer::FromBytes(Build());
  ASSERT_TRUE(g.ok());
  EXPECT_NE((*g)->NodeFlags((*g)->Find("mobile")) & Gazetteer::kCommonWord, 0u);
  EXPECT_EQ((*g)->NodeFlags((*g)->Find("karvel")) & Gazetteer::kCommonWord, 0u);
  auto alderland = (*g)->NamesAt((*g)->Find("alderland"));
  ASSERT_EQ(alderland.size(), 1u);
  EXPECT_TRUE(Gazetteer::IsAlternate(alderland[0]));
  EXPECT_FALSE(Gazetteer::IsAlternate((*g)->NamesAt((*g)->Find("alderia"))[0]));
}

TEST(GazetteerBuild, FuzzyLookupFindsNearMissesOfMajorNames) {
  auto g = Gazetteer::FromBytes(Build());
  ASSERT_TRUE(g.ok());
  auto hits = (*g)->FuzzyLookup("karvle", 1);  // transposition
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].entry->name, "Karvel");
  // Villages are not fuzzy targets: too many near misses of surnames.
  EXPECT_TRUE((*g)->FuzzyLookup("sudrono", 1).empty());
}

// GeoNames' points move the table's places and add those it lacks;
// demonyms are posted as names of their place, marked.
TEST(GazetteerBuild, PointsMovePlacesAndDemonymsAreMarkedNames) {
  std::unordered_set<std::string> common;
  constexpr char kPoints[] =
      "country\tXA\t\t10.5\t20.5\t\t\n"
      "admin1\tXA\t07\t8.0\t18.0\tWestmark\tWestmarch\n"
      "continent\t\t\t5.0\t15.0\tMidland\t\n";
  constexpr char kDemonyms[] =
      "Alderian|Alderians\tXA\ten\n"
      "Westmarcher\tXA.07\ten\n"
      "Midlander\tMidland\ten\n";
  GazetteerSources src{kTable, kGeoNames, "test fixture", &common, kPoints, kDemonyms};
  GazetteerBuildReport report;
  auto bytes = BuildGazetteer(src, &report);
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  auto g = Gazetteer::FromBytes(*bytes);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(report.points_moved, 1u);
  EXPECT_EQ(report.points_added, 2u);
  EXPECT_DOUBLE_EQ((*g)->Country("XAA")->lat, 10.5);
  const GazetteerEntry* west = Only(**g, "westmarch");
  ASSERT_NE(west, nullptr);
  EXPECT_EQ(KindName(west->place_kind), "admin1");
  EXPECT_EQ(west->admin1, "07");
  auto alderians = (*g)->NamesAt((*g)->Find("alderians"));
  ASSERT_EQ(alderians.size(), 1u);
  EXPECT_TRUE(Gazetteer::IsDemonym(alderians[0]));
  EXPECT_EQ((*g)->entry(Gazetteer::EntryOf(alderians[0])).name, "Alderia");
  EXPECT_EQ(Only(**g, "westmarcher"), west);
  ASSERT_NE(Only(**g, "midlander"), nullptr);
  EXPECT_EQ(KindName(Only(**g, "midlander")->place_kind), "continent");
  // A demonym of no known place is an error with its line.
  GazetteerSources bad{kTable, kGeoNames, "x", nullptr, "", "Zedish\tZZ\ten\n"};
  auto failed = BuildGazetteer(bad, nullptr);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("demonyms table line 1"), std::string::npos) << failed.status().message();
}

TEST(GazetteerBuild, ABadTableRowIsAnErrorWithItsLine) {
  GazetteerSources src{"c-XAA\tcountry\tXAA\tnorth\t20\t1\t\tAlderia\t\t\tXA\n", "", "x", nullptr};
  auto bytes = BuildGazetteer(src, nullptr);
  ASSERT_FALSE(bytes.ok());
  EXPECT_NE(bytes.status().message().find("line 1"), std::string::npos);
  EXPECT_NE(bytes.status().message().find("latitude"), std::string::npos);
}


// --- Russian and Ukrainian declension (data/toponym_declension.tsv) ---

bool Has(const std::vector<std::string>& v, std::string_view s) { return std::find(v.begin(), v.end(), s) != v.end(); }

const Declension& Rules() {
  const Result<Declension>& d = Declension::Builtin();
  EXPECT_TRUE(d.ok()) << d.status().message();
  return *d;
}

TEST(Declension, ConsonantEndingsTakeTheirCases) {
  auto torets = Rules().Forms("Торецк");
  for (const char* f : {"Торецка", "Торецку", "Торецком", "Торецке"}) EXPECT_TRUE(Has(torets, f)) << f;
  auto kharkov = Rules().Forms("Харьков");
  EXPECT_TRUE(Has(kharkov, "Харькове"));
  EXPECT_TRUE(Has(kharkov, "Харькову"));
  // Ukrainian: -ськ has its locative in -у, -ів alternates to -ов-.
  EXPECT_TRUE(Has(Rules().Forms("Покровськ"), "Покровську"));
  EXPECT_TRUE(Has(Rules().Forms("Харків"), "Харкові"));
  EXPECT_TRUE(Has(Rules().Forms("Кривий Ріг"), "Кривому Розі"));
  // Fleeting vowels.
  EXPECT_TRUE(Has(Rules().Forms("Марганець"), "Марганці"));
  EXPECT_TRUE(Has(Rules().Forms("Марганец"), "Марганце"));
}

TEST(Declension, NamesInOAreKeptAndDeclined) {
  auto svatovo = Rules().Forms("Сватово");
  EXPECT_TRUE(Has(svatovo, "Сватове"));  // "в Сватове"; "из Сватово" is the name itself
  EXPECT_TRUE(Has(svatovo, "Сватова"));
  EXPECT_FALSE(Has(svatovo, "Сватово"));  // the name is not one of its oblique forms
}

TEST(Declension, PluralsAndCompoundNamesDecline) {
  EXPECT_TRUE(Has(Rules().Forms("Мытищи"), "Мытищах"));
  EXPECT_TRUE(Has(Rules().Forms("Суми"), "Сумах"));
  auto chasiv = Rules().Forms("Часів Яр");
  EXPECT_TRUE(Has(chasiv, "Часового Яру"));
  EXPECT_TRUE(Has(Rules().Forms("Часов Яр"), "Часового Яра"));
  EXPECT_TRUE(Has(Rules().Forms("Великая Новосёлка"), "Великой Новосёлки"));
  EXPECT_TRUE(Has(Rules().Forms("Велика Новосілка"), "Великій Новосілці"));
  EXPECT_TRUE(Has(Rules().Forms("Ростов-на-Дону"), "Ростове-на-Дону"));
}

TEST(Declension, RegionAdjectivesAndShchynaNamesDecline) {
  auto belgorod = Rules().Forms("Белгородская область");
  EXPECT_TRUE(Has(belgorod, "Белгородской области"));
  EXPECT_TRUE(Has(belgorod, "Белгородскую область"));
  EXPECT_TRUE(Has(belgorod, "Белгородской областью"));
  auto zaporizka = Rules().Forms("Запорізька");
  EXPECT_TRUE(Has(zaporizka, "Запорізькій"));
  EXPECT_TRUE(Has(zaporizka, "Запорізьку"));
  auto kharkivshchyna = Rules().Forms("Харківщина");
  for (const char* f : {"Харківщині", "Харківщину", "Харківщини", "Харківщиною"}) {
    EXPECT_TRUE(Has(kharkivshchyna, f)) << f;
  }
}

TEST(Declension, DistrictsAreNamedAfterTheirSeat) {
  auto pokrovsk = Rules().DistrictNames("Покровск", 60000, "UKR");
  ASSERT_TRUE(Has(pokrovsk, "Покровский район"));
  EXPECT_TRUE(Has(Rules().Forms("Покровский район"), "Покровском районе"));
  // A front's direction only for a town.
  EXPECT_TRUE(Has(pokrovsk, "Покровское направление"));
  EXPECT_FALSE(Has(Rules().DistrictNames("Покровск", 800, "UKR"), "Покровское направление"));
  auto pysarivka = Rules().DistrictNames("Велика Писарівка", 5000, "UKR");
  ASSERT_TRUE(Has(pysarivka, "Великописарівська громада"));
  EXPECT_TRUE(Has(Rules().Forms("Великописарівська громада"), "Великописарівській громаді"));
  EXPECT_TRUE(Has(Rules().DistrictNames("Бахмут", 70000, "UKR"), "Бахмутський район"));
  EXPECT_TRUE(Has(Rules().Forms("Бахмутський район"), "Бахмутського району"));
  // Russia's okrugs, only in Russia.
  EXPECT_TRUE(Has(Rules().DistrictNames("Грайворон", 6000, "RUS"), "Грайворонский городской округ"));
  EXPECT_TRUE(Has(Rules().Forms("Грайворонский городской округ"), "Грайворонском городском округе"));
  EXPECT_FALSE(Has(Rules().DistrictNames("Покровск", 60000, "UKR"), "Покровский округ"));
}

TEST(Declension, LanguagesAndLemmas) {
  using L = NameLanguage;
  EXPECT_EQ(CyrillicNameLanguages("Харків"), std::vector<L>{L::kUkrainian});
  EXPECT_EQ(CyrillicNameLanguages("Мытищи"), std::vector<L>{L::kRussian});
  EXPECT_EQ(CyrillicNameLanguages("Покровськ"), std::vector<L>{L::kUkrainian});  // by its ending
  EXPECT_EQ(CyrillicNameLanguages("Покровск"), std::vector<L>{L::kRussian});
  EXPECT_EQ(CyrillicNameLanguages("Суджа").size(), 2u);
  EXPECT_TRUE(CyrillicNameLanguages("Kursk").empty());
  EXPECT_TRUE(Has(Rules().Lemmas("Торецке"), "Торецк"));
  EXPECT_TRUE(Has(Rules().Lemmas("Яцьківці"), "Яцьківка"));
  // Latin names are left alone.
  EXPECT_TRUE(Rules().Forms("Kursk").empty());
}

TEST(Declension, BadRulesNameTheirLine) {
  auto bad = Declension::Parse("ru\tnoun\tа\tы\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("line 1"), std::string::npos) << bad.status().message();
  EXPECT_FALSE(Declension::Parse("xx\tnoun\tа\tы\tе\tу\tой\tе\n").ok());
  EXPECT_FALSE(Declension::Parse("ru\tverb\tа\tы\tе\tу\tой\tе\n").ok());
}

TEST(Transliteration, BgnBothWays) {
  auto urozhaine = LatinSpellings("Урожайне", NameLanguage::kUkrainian);
  EXPECT_TRUE(Has(urozhaine, "urozhayne"));
  EXPECT_TRUE(Has(urozhaine, "urozhaine"));  // the national system's й
  EXPECT_TRUE(Has(LatinSpellings("Яцьківка", NameLanguage::kUkrainian), "yats'kivka"));
  EXPECT_TRUE(Has(LatinSpellings("Торецк", NameLanguage::kRussian), "toretsk"));
  EXPECT_EQ(RussianFromLatin("Velikaya Novoselka"), "Великая Новоселка");
  EXPECT_EQ(RussianFromLatin("Bol'shaya Pisarevka"), "Большая Писаревка");
  EXPECT_EQ(RussianFromLatin("Janisal"), "");  // not BGN's Russian: no Latin j
}

// Invented places in Ukraine (the declension covers Ukraine, Russia and
// Belarus): declined forms, districts, Russian names from Latin ones and
// Cyrillic names that are ordinary words.
constexpr char kEastTable[] =
    "# version 1\n"
    "c-UKR\tcountry\tUKR\t49.0\t32.0\t41000000\t\tUkraine\t\tУкраїна|Украина\tUA\n"
    "r-dal\tadmin1\tUKR\t48.0\t37.0\t1000000\t\tDalna Oblast\tDalna|Дальнянська\tДальнянська область\t05\n";
constexpr char kEastGeoNames[] =
    "201\tKarvelivka\tKarvelivka\tKarvelevka,Karvelivka,Карвелівка\t48.1\t37."
    "1\tP\tPPLA2\tUA\t\t05\t\t\t\t9000\t\t50\tX/Y\t2024-01-01\n"
    "202\tLypove\tLypove\tLipovoye,Lypove,Липове\t48.2\t37.2\tP\tPPL\tUA\t\t05\t\t\t\t700\t\t50\tX/Y\t2024-01-01\n";

TEST(GazetteerBuild, CyrillicNamesAreDeclinedAndDistrictsNamed) {
  std::unordered_set<std::string> common;
  GazetteerSources src{kEastTable, kEastGeoNames, "test fixture", &common};
  src.declension_tsv = data::kData_toponym_declension;
  src.common_cyrillic = [](std::string_view w) { return w == "липове"; };
  GazetteerBuildReport report;
  auto bytes = BuildGazetteer(src, &report);
  ASSERT_TRUE(bytes.ok()) << bytes.status().message();
  auto g = Gazetteer::FromBytes(*bytes);
  ASSERT_TRUE(g.ok()) << g.status().message();
  const GazetteerEntry* karvelivka = Only(**g, "карвелівка");
  ASSERT_NE(karvelivka, nullptr);
  // A declined form is a name of the same place.
  EXPECT_EQ(Only(**g, "карвелівці"), karvelivka);
  // A Russian name made from GeoNames' Latin one, declined too.
  EXPECT_EQ(Only(**g, "карвелевка"), karvelivka);
  EXPECT_EQ(Only(**g, "карвелевке"), karvelivka);
  EXPECT_GT(report.transliterated_names, 0u);
  // The district of its seat, marked.
  auto district = (*g)->NamesAt((*g)->Find("карвелівського району"));
  ASSERT_EQ(district.size(), 1u);
  EXPECT_TRUE(Gazetteer::IsDistrict(district[0]));
  EXPECT_EQ(&(*g)->entry(Gazetteer::EntryOf(district[0])), karvelivka);
  // A region's adjective in every case is a stem of the region.
  EXPECT_EQ((*g)->StemsAt((*g)->Find("дальнянській")).size(), 1u);
  // A village whose name is an ordinary word is flagged; its forms are
  // looked up too.
  EXPECT_NE((*g)->NodeFlags((*g)->Find("липове")) & Gazetteer::kCommonWord, 0u);
  EXPECT_EQ((*g)->NodeFlags((*g)->Find("карвелівка")) & Gazetteer::kCommonWord, 0u);
  EXPECT_GT(report.declined_forms, 0u);
  // Without rules, no forms.
  GazetteerSources plain{kEastTable, kEastGeoNames, "test fixture", &common};
  auto g2 = Gazetteer::FromBytes(*BuildGazetteer(plain, nullptr));
  ASSERT_TRUE(g2.ok());
  EXPECT_EQ((*g2)->Find("карвелівці"), Gazetteer::kNoNode);
}

// us-atlas' TopoJSON, written for this test: quantized arcs (scale 0.5,
// translate 10, 20), delta-encoded; -3 is arc 2 reversed (~2). Arc 0 is a
// 4 x 4 square (in degrees, from 10, 20), arc 1 a 1 x 1 square far off,
// arc 2 a 2 x 2 square.
constexpr char kCounties[] = R"({"type":"Topology","transform":{"scale":[0.5,0.5],"translate":[10,20]},
  "arcs":[[[0,0],[8,0],[0,8],[-8,0],[0,-8]], [[40,40],[2,0],[0,2],[-2,0],[0,-2]], [[20,0],[4,0],[0,4],[-4,0],[0,-4]]],
  "objects":{
    "states":{"type":"GeometryCollection","geometries":[
      {"type":"Polygon","arcs":[[0]],"id":"39","properties":{"name":"Statea"}},
      {"type":"Polygon","arcs":[[2]],"id":"22","properties":{"name":"Stateb"}},
      {"type":"Polygon","arcs":[[2]],"id":"51","properties":{"name":"Statec"}}]},
    "counties":{"type":"GeometryCollection","geometries":[
      {"type":"MultiPolygon","arcs":[[[1]],[[0]]],"id":"39001","properties":{"name":"Alpha"}},
      {"type":"Polygon","arcs":[[-3]],"id":"22003","properties":{"name":"Beta"}},
      {"type":"Polygon","arcs":[[2]],"id":"51510","properties":{"name":"Gamma"}}]}}})";

TEST(UsCounties, NamedAsNewsNamesThemAtTheirLargestPartsCentroid) {
  auto counties = ReadUsCounties(kCounties);
  ASSERT_TRUE(counties.ok()) << counties.status().message();
  ASSERT_EQ(counties->size(), 2u);  // Virginia's independent city 51510 is a town, left out
  const UsCounty& a = (*counties)[0];
  EXPECT_EQ(a.name, "Alpha County");
  EXPECT_EQ(a.state, "Statea");
  EXPECT_EQ(a.fips, "39001");
  // The 4 x 4 square from (10, 20), not the small square far off.
  EXPECT_NEAR(a.lon, 12.0, 1e-9);
  EXPECT_NEAR(a.lat, 22.0, 1e-9);
  const UsCounty& b = (*counties)[1];
  EXPECT_EQ(b.name, "Beta Parish");  // Louisiana (22) has parishes
  EXPECT_NEAR(b.lon, 21.0, 1e-9);    // a reversed arc gives the same centroid
  EXPECT_NEAR(b.lat, 21.0, 1e-9);
}

TEST(UsCounties, MalformedFilesAreRefusedWithWhatIsWrong) {
  EXPECT_FALSE(ReadUsCounties("not json").ok());
  EXPECT_FALSE(ReadUsCounties(R"({"arcs":[],"objects":{}})").ok());  // no transform
  std::string bad_index = kCounties;
  bad_index.replace(bad_index.find("[[-3]]"), 6, "[[7]]");
  auto r = ReadUsCounties(bad_index);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("22003"), std::string::npos) << r.status().message();
  std::string no_state = kCounties;
  no_state.replace(no_state.find("\"id\":\"22\""), 9, "\"id\":\"23\"");
  r = ReadUsCounties(no_state);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("no listed state"), std::string::npos) << r.status().message();
}

TEST(GazetteerLoad, RefusesTruncatedCorruptedAndForeignFiles) {
  const std::string good = Build();
  ASSERT_TRUE(Gazetteer::FromBytes(good).ok());
  auto message = [](std::string bytes) {
    auto g = Gazetteer::FromBytes(std::move(bytes));
    return g.ok() ? std::string("loaded") : g.status().message();
  };
  EXPECT_NE(message(good.substr(0, good.size() / 2)).find("truncated"), std::string::npos);
  EXPECT_NE(message(good.substr(0, 10)).find("too short"), std::string::npos);
  EXPECT_NE(message("").find("too short"), std::string::npos);
  std::string flipped = good;
  flipped[flipped.size() - 100] ^= 0x5A;
  EXPECT_NE(message(flipped).find("checksum"), std::string::npos);
  std::string magic = good;
  magic[0] = 'X';
  EXPECT_NE(message(magic).find("magic"), std::string::npos);
  std::string version = good;
  version[8] = 99;  // format_version follows the 8-byte magic
  EXPECT_NE(message(version).find("format version 99"), std::string::npos);
  // Every single-byte corruption of the body is caught (a sample of them).
  for (size_t at = sizeof(gz::Header); at < good.size(); at += 37) {
    std::string bad = good;
    bad[at] ^= 0x01;
    EXPECT_NE(message(bad), "loaded") << "byte " << at;
  }
}

TEST(GazetteerLoad, OpensAFileAndNamesItInErrors) {
  std::string path = ::testing::TempDir() + "sitrep-gazetteer-test.bin";
  {
    std::ofstream f(path, std::ios::binary);
    std::string good = Build();
    f.write(good.data(), static_cast<std::streamsize>(good.size() - 8));
  }
  auto g = Gazetteer::Open(path);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find(path), std::string::npos);
  auto missing = Gazetteer::Open(path + ".missing");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("cannot open"), std::string::npos);
  std::remove(path.c_str());
}

TEST(GazetteerLoad, TheDefaultGazetteerDescribesItself) {
  auto path = DefaultGazetteerPath();
  ASSERT_TRUE(path.ok()) << path.status().message();
  auto g = Gazetteer::Open(*path);
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ((*g)->format_version(), gz::kFormatVersion);
  EXPECT_GE((*g)->data_version(), 2u);
  EXPECT_NE((*g)->source().find("cities500"), std::string_view::npos);
  EXPECT_GT((*g)->size(), 190000u);
}

}  // namespace
}  // namespace sitrep
