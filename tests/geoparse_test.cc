#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "core/tsv.h"
#include "pipeline/extractor_data.h"
#include "sitrep/sitrep.h"
#include "tests/test_util.h"

namespace sitrep {
namespace data {
extern const std::string_view kData_place_cues;  // data/place_cues.tsv, compiled in
}  // namespace data
namespace {

using testing::ExtractText;

const Place* FindPlace(const Extraction& x, const std::string& mention, int nth = 0) {
  for (const Place& p : x.places) {
    if (p.mention == mention && nth-- == 0) return &p;
  }
  return nullptr;
}

TEST(Gazetteer, LoadsTheDefaultAndFindsAlternateNames) {
  const Gazetteer& g = *testing::TestExtractor().data().gazetteer;
  EXPECT_GT(g.size(), 150000u);
  auto kharkiv = g.NamesAt(g.Find("харків"));
  ASSERT_FALSE(kharkiv.empty());
  EXPECT_EQ(g.entry(Gazetteer::EntryOf(kharkiv[0])).name, "Kharkiv");
  EXPECT_FALSE(g.NamesAt(g.Find("kharkov")).empty());
  EXPECT_FALSE(g.StemsAt(g.Find("kursk")).empty());
  ASSERT_NE(g.Country("RUS"), nullptr);
  EXPECT_EQ(g.Country("RUS")->name, "Russia");
}

TEST(Geoparse, RegionWordsPickTheRegion) {
  auto x = ExtractText("Shelling hit the Sumy oblast and Kharkiv region on Monday, officials said.");
  const Place* sumy = FindPlace(x, "Sumy oblast");
  ASSERT_NE(sumy, nullptr);
  EXPECT_EQ(sumy->kind, "admin1");
  EXPECT_EQ(sumy->geo_precision, 3);
  const Place* kharkiv = FindPlace(x, "Kharkiv region");
  ASSERT_NE(kharkiv, nullptr);
  EXPECT_EQ(kharkiv->name, "Kharkiv Oblast");
}

TEST(Geoparse, APluralRegionWordMakesAListOfRegions) {
  auto x = ExtractText("Drones hit the Bryansk, Oryol and Voronezh oblasts overnight.");
  for (const char* name : {"Bryansk", "Oryol", "Voronezh"}) {
    const Place* p = FindPlace(x, name);
    ASSERT_NE(p, nullptr) << name;
    EXPECT_EQ(p->kind, "admin1") << name;
  }
}

TEST(Geoparse, OneSensePerDocumentForCityOrRegion) {
  auto city = ExtractText("A drone hit an apartment block in Kursk, the mayor said.");
  ASSERT_NE(FindPlace(city, "Kursk"), nullptr);
  EXPECT_EQ(FindPlace(city, "Kursk")->kind, "city");
  auto region = ExtractText("Fighting spread across the Kursk region. Evacuations in Kursk continued.");
  ASSERT_NE(FindPlace(region, "Kursk"), nullptr);
  EXPECT_EQ(FindPlace(region, "Kursk")->kind, "admin1");
}

TEST(Geoparse, MisspellingsInAListResolve) {
  auto x = ExtractText("Drones hit the Bryansk, Lipestk and Belgorod oblasts.");
  const Place* p = FindPlace(x, "Lipestk");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->name, "Lipetsk Oblast");
  EXPECT_EQ(p->resolution, "fuzzy");
}

TEST(Geoparse, OrdinaryCapitalisedWordsAreNotMisspelledPlaces) {
  auto x = ExtractText("Though analysts disagreed, George said the Pentagon would respond. Washington stayed quiet.");
  for (const Place& p : x.places) {
    EXPECT_NE(p.resolution, "fuzzy") << p.mention << " -> " << p.name;
  }
}

TEST(Geoparse, TransliterationsAndCyrillic) {
  auto x = ExtractText("Kharkov and Zaporozhye were shelled, and Харків lost power.");
  ASSERT_NE(FindPlace(x, "Kharkov"), nullptr);
  EXPECT_EQ(FindPlace(x, "Kharkov")->name, "Kharkiv");
  ASSERT_NE(FindPlace(x, "Zaporozhye"), nullptr);
  EXPECT_EQ(FindPlace(x, "Zaporozhye")->name, "Zaporizhzhia");
  ASSERT_NE(FindPlace(x, "Харків"), nullptr);
  EXPECT_EQ(FindPlace(x, "Харків")->country, "UKR");
}

TEST(Geoparse, CapitalsAsGovernments) {
  auto x = ExtractText(
      "Moscow declared an emergency. Kyiv has targeted refineries. The move fits Washington's policy. "
      "Residents in Moscow heard explosions. Drones flew over Kyiv, Kharkiv and Odesa.");
  ASSERT_NE(FindPlace(x, "Moscow", 0), nullptr);
  EXPECT_EQ(FindPlace(x, "Moscow", 0)->metonym_for, "government of Russia");
  EXPECT_EQ(FindPlace(x, "Kyiv", 0)->metonym_for, "government of Ukraine");
  EXPECT_EQ(FindPlace(x, "Washington", 0)->metonym_for, "government of United States");
  EXPECT_EQ(FindPlace(x, "Moscow", 1)->metonym_for, "");  // in Moscow: a place
  EXPECT_EQ(FindPlace(x, "Kyiv", 1)->metonym_for, "");    // a list of cities
}

// A demonym is its country's (or region's) mention, marked as standing for
// its people so that no event is placed there.
TEST(Geoparse, DemonymsStandForTheirPlaceButLocateNothing) {
  auto x = ExtractText("Ukrainian and Russian officials met. Texans and Europeans watched.");
  const Place* ua = FindPlace(x, "Ukrainian");
  ASSERT_NE(ua, nullptr);
  EXPECT_EQ(ua->kind, "country");
  EXPECT_EQ(ua->country, "UKR");
  EXPECT_EQ(ua->resolution, "demonym");
  EXPECT_EQ(ua->metonym_for, "people of Ukraine");
  ASSERT_NE(FindPlace(x, "Russian"), nullptr);
  EXPECT_EQ(FindPlace(x, "Russian")->country, "RUS");
  ASSERT_NE(FindPlace(x, "Texans"), nullptr);
  EXPECT_EQ(FindPlace(x, "Texans")->name, "Texas");
  ASSERT_NE(FindPlace(x, "Europeans"), nullptr);
  EXPECT_EQ(FindPlace(x, "Europeans")->kind, "continent");
}

TEST(Geoparse, ALanguageIsNotAPlace) {
  auto x = ExtractText("The statement was published in French, and she speaks German. The Spanish language is taught.");
  EXPECT_EQ(FindPlace(x, "French"), nullptr);
  EXPECT_EQ(FindPlace(x, "German"), nullptr);
  EXPECT_EQ(FindPlace(x, "Spanish"), nullptr);
}

// News gold sets and most geocoded data put a country at GeoNames' own
// point, not at its centroid (the United States: 39.76, -98.5).
TEST(Geoparse, CountriesSitAtGeoNamesPoints) {
  auto x = ExtractText("Officials in the United States and Canada said so.");
  const Place* us = FindPlace(x, "United States");
  ASSERT_NE(us, nullptr);
  EXPECT_NEAR(us->lat, 39.76, 0.01);
  EXPECT_NEAR(us->lon, -98.5, 0.01);
  ASSERT_NE(FindPlace(x, "Canada"), nullptr);
  EXPECT_NEAR(FindPlace(x, "Canada")->lon, -113.64, 0.01);
}

TEST(Geoparse, RegionsTheTableLackedAreAdded) {
  auto x = ExtractText("Floods hit Sichuan and Hubei, and rain fell across England.");
  ASSERT_NE(FindPlace(x, "Sichuan"), nullptr);
  EXPECT_EQ(FindPlace(x, "Sichuan")->kind, "admin1");
  EXPECT_EQ(FindPlace(x, "Sichuan")->country, "CHN");
  ASSERT_NE(FindPlace(x, "England"), nullptr);
  EXPECT_EQ(FindPlace(x, "England")->kind, "admin1");
  EXPECT_EQ(FindPlace(x, "England")->country, "GBR");
}

// "Paris-based", "Iran-Iraq": the part is the place, and the word stays one
// token for the other stages ("the Washington-based think tank").
TEST(Geoparse, PartsOfHyphenatedWordsArePlaces) {
  auto x = ExtractText("A Paris-based group met near the Iran-Iraq border.");
  const Place* paris = FindPlace(x, "Paris");
  ASSERT_NE(paris, nullptr);
  EXPECT_EQ(paris->country, "FRA");
  EXPECT_EQ(paris->span.end - paris->span.begin, 5u);
  auto y = ExtractText("A Dallas-area charity helped.");
  ASSERT_NE(FindPlace(y, "Dallas"), nullptr);
  EXPECT_EQ(FindPlace(y, "Dallas")->country, "USA");
  ASSERT_NE(FindPlace(x, "Iran"), nullptr);
  ASSERT_NE(FindPlace(x, "Iraq"), nullptr);
  EXPECT_EQ(FindPlace(x, "Iraq")->kind, "country");
}

// A party's initials before a legislator's home town ("DFL-Chisholm"), and
// twin towns ("Fargo-Moorhead"); a name of two capitalised words that are
// not both places ("Hartsfield-Jackson") is not split.
TEST(Geoparse, HyphenatedHomeTownsAndTwinTowns) {
  EXPECT_NE(FindPlace(ExtractText("Sen. Ann Roe, DFL-Chisholm, spoke on Monday."), "Chisholm"), nullptr);
  auto x = ExtractText("Flooding hit the Fargo-Moorhead area.");
  ASSERT_NE(FindPlace(x, "Fargo"), nullptr);
  ASSERT_NE(FindPlace(x, "Moorhead"), nullptr);
  EXPECT_EQ(FindPlace(x, "Moorhead")->country, "USA");
  EXPECT_TRUE(ExtractText("Delays hit Hartsfield-Jackson on Monday.").places.empty());
}

TEST(Geoparse, AHyphenatedSeatOfGovernmentStandsForIt) {
  auto x = ExtractText("Pro-Kremlin bloggers and Moscow-backed officials met Moscow-based reporters.");
  ASSERT_NE(FindPlace(x, "Kremlin"), nullptr);
  EXPECT_EQ(FindPlace(x, "Kremlin")->metonym_for, "government of Russia");
  ASSERT_NE(FindPlace(x, "Moscow"), nullptr);
  EXPECT_EQ(FindPlace(x, "Moscow")->metonym_for, "government of Russia");
  ASSERT_NE(FindPlace(x, "Moscow", 1), nullptr);
  EXPECT_EQ(FindPlace(x, "Moscow", 1)->metonym_for, "");
}

// "US" in capitals is the country, though "us" is a function word; a short
// acronym is not a village that shares it ("EU", "Eu" in France).
TEST(Geoparse, AnAcronymIsTheCountryNotAVillage) {
  auto x = ExtractText("The US and the EU imposed sanctions.");
  ASSERT_NE(FindPlace(x, "US"), nullptr);
  EXPECT_EQ(FindPlace(x, "US")->country, "USA");
  EXPECT_EQ(FindPlace(x, "EU"), nullptr);
  auto y = ExtractText("Give us the report.");
  EXPECT_TRUE(y.places.empty());
}

// Small places share their names with people and businesses: without a
// cue ("in", "near", a list) they need the document's region or country.
TEST(Geoparse, ASmallPlaceWithoutACueOrContextIsAName) {
  EXPECT_TRUE(ExtractText("Residents walked from the local Webb store.").places.empty());  // villages called Webb
  EXPECT_TRUE(ExtractText("Crews ate at McDonald's near the river.").places.empty());
  auto x = ExtractText("Honda opened a plant near Columbus, Ohio, on Monday.");
  EXPECT_EQ(FindPlace(x, "Honda"), nullptr);  // a town in Colombia
  ASSERT_NE(FindPlace(x, "Columbus"), nullptr);
  EXPECT_EQ(FindPlace(x, "Columbus")->country, "USA");
  // A cue keeps a small place: Robotyne has a few hundred people.
  EXPECT_NE(FindPlace(ExtractText("Fighting continued near Robotyne."), "Robotyne"), nullptr);
}

// A county with no town of its name lies among the report's towns in its
// region, not at the region's point (Texas's is 300 km from Collin County).
TEST(Geoparse, ACountyLiesAmongTheReportsTowns) {
  auto x = ExtractText("Deputies from Plano and McKinney, Texas, searched Collin County on Monday.");
  const Place* county = FindPlace(x, "Collin County");
  ASSERT_NE(county, nullptr);
  EXPECT_EQ(county->kind, "admin2");
  EXPECT_EQ(county->admin1, "Texas");
  EXPECT_NEAR(county->lat, 33.1, 0.2);
  EXPECT_NEAR(county->lon, -96.65, 0.2);
}

TEST(Geoparse, AMonthIsNotAMisspelledPlace) {
  auto x = ExtractText("Commissioners in Ohio were appointed in August 2005.");
  EXPECT_EQ(FindPlace(x, "August"), nullptr);  // not Augusta, one letter away
  EXPECT_NE(FindPlace(x, "Ohio"), nullptr);
}

TEST(Geoparse, WordBoundariesAreRespected) {
  auto x = ExtractText("The Sumyland festival opened, and Kharkivska Street was closed.");
  EXPECT_EQ(FindPlace(x, "Sumy"), nullptr);
  for (const Place& p : x.places) EXPECT_NE(p.name, "Sumy") << p.mention;
}

TEST(Geoparse, SpellingVariantsResolveToOnePlace) {
  auto x = ExtractText(
      "Strikes hit Zaporizhia overnight. Later, shelling in Zaporozhye and Zaporizhzhia city was reported.");
  ASSERT_NE(FindPlace(x, "Zaporizhia"), nullptr);
  ASSERT_NE(FindPlace(x, "Zaporozhye"), nullptr);
  ASSERT_NE(FindPlace(x, "Zaporizhzhia"), nullptr);
  EXPECT_EQ(FindPlace(x, "Zaporizhia")->gazetteer_id, FindPlace(x, "Zaporozhye")->gazetteer_id);
  EXPECT_EQ(FindPlace(x, "Zaporozhye")->gazetteer_id, FindPlace(x, "Zaporizhzhia")->gazetteer_id);
  EXPECT_EQ(FindPlace(x, "Zaporizhia")->country, "UKR");
}

TEST(Geoparse, OrdinaryWordsThatAreTownsSomewhereAreNotPlaces) {
  auto x = ExtractText(
      "Mobile networks failed across the region. Reading the statement, the spokesman paused. "
      "In March, Police said the Nice weather helped.");
  for (const Place& p : x.places) ADD_FAILURE() << p.mention << " -> " << p.name << " (" << p.country << ")";
}

TEST(Geoparse, PeopleNamedLikeTownsAreNotPlaces) {
  auto x = ExtractText(
      "Former President Bill Clinton visited the plant. Clinton praised the workers, and Mr. Lincoln "
      "agreed. Jones said the line would reopen.");
  for (const Place& p : x.places) ADD_FAILURE() << p.mention << " -> " << p.name << " (" << p.country << ")";
}

TEST(Geoparse, AStateAfterACommaPicksTheTown) {
  auto x = ExtractText("The plant in Springfield, Ill., closed, while a plant in Springfield, Mass., stayed open.");
  const Place* il = FindPlace(x, "Springfield", 0);
  const Place* ma = FindPlace(x, "Springfield", 1);
  ASSERT_NE(il, nullptr);
  ASSERT_NE(ma, nullptr);
  EXPECT_EQ(il->admin1, "Illinois");
  EXPECT_EQ(ma->admin1, "Massachusetts");
  EXPECT_EQ(il->geo_precision, 1);
  ASSERT_NE(FindPlace(x, "Ill."), nullptr);
  EXPECT_EQ(FindPlace(x, "Ill.")->kind, "admin1");
}

TEST(Geoparse, TheDocumentsOtherPlacesDisambiguate) {
  auto fr = ExtractText("Protesters marched in Paris on Saturday, police said.");
  ASSERT_NE(FindPlace(fr, "Paris"), nullptr);
  EXPECT_EQ(FindPlace(fr, "Paris")->country, "FRA");
  auto tx = ExtractText(
      "A storm hit Lamar County in Texas. Residents of Paris and Tyler lost power, and roads near Dallas flooded.");
  ASSERT_NE(FindPlace(tx, "Paris"), nullptr);
  EXPECT_EQ(FindPlace(tx, "Paris")->country, "USA");
  EXPECT_EQ(FindPlace(tx, "Paris")->admin1, "Texas");
  auto us = ExtractText("Storms moved from Atlanta toward Macon and Savannah, leaving Georgia soaked.");
  ASSERT_NE(FindPlace(us, "Georgia"), nullptr);
  EXPECT_EQ(FindPlace(us, "Georgia")->kind, "admin1");
  auto ge = ExtractText("Protests continued in Tbilisi and Batumi as Georgia's parliament met.");
  ASSERT_NE(FindPlace(ge, "Georgia"), nullptr);
  EXPECT_EQ(FindPlace(ge, "Georgia")->kind, "country");
  auto ru = ExtractText("Drones were downed over Kursk, Belgorod and Bryansk, the ministry said.");
  ASSERT_NE(FindPlace(ru, "Kursk"), nullptr);
  EXPECT_EQ(FindPlace(ru, "Kursk")->country, "RUS");
}

TEST(Geoparse, PlacesOpeningOrganisationNamesAreLocatedDeliberately) {
  auto x = ExtractText("The Kharkiv Regional Military Administration reported two wounded.");
  const Place* p = FindPlace(x, "Kharkiv");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->resolution, "in-name");
  EXPECT_EQ(p->country, "UKR");
}

TEST(Geoparse, CountiesArePlacedInTheDocumentsRegion) {
  auto x = ExtractText("Flooding closed roads in Laurel County, Kentucky, and near Lexington and Somerset.");
  const Place* c = FindPlace(x, "Laurel County");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->kind, "admin2");
  EXPECT_EQ(c->admin1, "Kentucky");
  EXPECT_GE(c->geo_precision, 2);
  // The only Laurel County is Kentucky's; there are ten Henry Counties,
  // and with nothing in the report to say which, none is guessed.
  auto laurel = ExtractText("Flooding closed roads in Laurel County on Monday.");
  const Place* only = FindPlace(laurel, "Laurel County");
  ASSERT_NE(only, nullptr);
  EXPECT_EQ(only->admin1, "Kentucky");
  auto henry = ExtractText("Flooding closed roads in Henry County on Monday.");
  EXPECT_EQ(FindPlace(henry, "Henry County"), nullptr);
}


// --- Russian and Ukrainian: places in their declined forms (issue 15) ---

// Distance in km, to check a place is the one meant.
double Km(const Place& p, double lat, double lon) {
  constexpr double r = 3.14159265358979 / 180;
  double h = std::pow(std::sin((lat - p.lat) * r / 2), 2) +
             std::cos(lat * r) * std::cos(p.lat * r) * std::pow(std::sin((lon - p.lon) * r / 2), 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(h)));
}

// US counties and parishes are in the gazetteer (the Census Bureau's
// boundaries, via us-atlas) at their centroids: the report's other places
// or a qualifier choose among the states that have one of that name, and
// the county votes for its state in turn.
TEST(Geoparse, CountiesOfTheSameNameAreToldApartByTheirState) {
  auto x = ExtractText("Deputies from Henry County, Tenn., and firefighters from Paris searched the lake.");
  const Place* henry = FindPlace(x, "Henry County");
  ASSERT_NE(henry, nullptr);
  EXPECT_EQ(henry->kind, "admin2");
  EXPECT_EQ(henry->admin1, "Tennessee");
  EXPECT_EQ(henry->geo_precision, 2);
  EXPECT_LT(Km(*henry, 36.33, -88.30), 30);
  ASSERT_NE(FindPlace(x, "Paris"), nullptr);
  EXPECT_EQ(FindPlace(x, "Paris")->admin1, "Tennessee");  // Henry County's seat, not France's capital
  auto y = ExtractText("Newark police said a barn burned in Licking County overnight.");
  const Place* licking = FindPlace(y, "Licking County");
  ASSERT_NE(licking, nullptr);
  EXPECT_EQ(licking->admin1, "Ohio");
  EXPECT_EQ(FindPlace(y, "Newark")->admin1, "Ohio");
  auto z = ExtractText("Both the sheriff and the Rapides Parish fire district responded.");
  const Place* parish = FindPlace(z, "Rapides Parish");
  ASSERT_NE(parish, nullptr);
  EXPECT_EQ(parish->admin1, "Louisiana");
}

// A settlement the gazetteer lacks, whose only namesakes lie elsewhere: its
// qualifier's region or the place it is said to be near stands for it,
// instead of a namesake hundreds of km away.
TEST(Geoparse, AVillageOutsideItsQualifiersRegionIsPlacedInTheRegion) {
  // No Fairview of West Virginia is known.
  auto x = ExtractText("FAIRVIEW, W.Va. - The mine closed its gates on Friday.");
  const Place* p = FindPlace(x, "FAIRVIEW");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->resolution, "qualifier-region");
  EXPECT_EQ(p->kind, "locality");
  EXPECT_EQ(p->admin1, "West Virginia");
  EXPECT_EQ(p->geo_precision, 3);
  auto y = ExtractText("Штурмовые отряды заняли Гирник Донецкой Народной Республики.");  // only Lviv Oblast's is known
  const Place* q = FindPlace(y, "Гирник");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->admin1, "Donetsk Oblast");
  EXPECT_LT(Km(*q, 48.0, 37.8), 60);
  // A list is no qualifier: New York stays New York.
  auto z = ExtractText("Returns were filed in New York, New Jersey and Connecticut.");
  ASSERT_NE(FindPlace(z, "New York"), nullptr);
  EXPECT_NE(FindPlace(z, "New York")->resolution, "qualifier-region");
}

TEST(Geoparse, AVillageFarFromThePlaceItIsNearIsPlacedThere) {
  auto x = ExtractText("Russian troops entered Stepove near Avdiivka on Tuesday.");  // the known Stepoves are by Odesa
  const Place* p = FindPlace(x, "Stepove");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->resolution, "near");
  EXPECT_EQ(p->geo_precision, 2);
  EXPECT_LT(Km(*p, 48.14, 37.74), 5);
  auto y = ExtractText("Захисники відбили атаки поблизу Ганнівки на Курахівському напрямку.");
  const Place* q = FindPlace(y, "Ганнівки");
  ASSERT_NE(q, nullptr);
  EXPECT_LT(Km(*q, 47.98, 37.28), 5);  // Kurakhove, the direction's town
  // A namesake close to the place it is near is kept.
  auto z = ExtractText("Shelling hit Selydove near Avdiivka.");
  const Place* r = FindPlace(z, "Selydove");
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->resolution, "exact");
  EXPECT_LT(Km(*r, 48.15, 37.30), 5);
}

TEST(GeoparseCyrillic, OblastAdjectivesInEveryCaseAreTheRegion) {
  auto x = ExtractText("В Белгородской области сбиты дроны, а над Курской работала ПВО. У Запорізькій тривога.");
  for (auto [mention, name] : {std::pair{"Белгородской области", "Belgorod Oblast"},
                               std::pair{"Курской", "Kursk Oblast"}, std::pair{"Запорізькій", "Zaporizhzhia Oblast"}}) {
    const Place* p = FindPlace(x, mention);
    ASSERT_NE(p, nullptr) << mention;
    EXPECT_EQ(p->name, name);
    EXPECT_EQ(p->kind, "admin1");
  }
}

TEST(GeoparseCyrillic, ShchynaNamesAreTheRegion) {
  auto x = ExtractText("Ситуація на Харківщині складна, дрони летіли над Сумщиною.");
  ASSERT_NE(FindPlace(x, "Харківщині"), nullptr);
  EXPECT_EQ(FindPlace(x, "Харківщині")->name, "Kharkiv Oblast");
  ASSERT_NE(FindPlace(x, "Сумщиною"), nullptr);
  EXPECT_EQ(FindPlace(x, "Сумщиною")->name, "Sumy Oblast");
}

TEST(GeoparseCyrillic, TownsDeclineByTheirEnding) {
  auto x = ExtractText("Взрывы слышали в Торецке, в Харькове и в Мытищах. Помощь направили Харькову.");
  for (auto [mention, name] : {std::pair{"Торецке", "Toretsk"}, std::pair{"Харькове", "Kharkiv"},
                               std::pair{"Мытищах", "Mytishchi"}, std::pair{"Харькову", "Kharkiv"}}) {
    ASSERT_NE(FindPlace(x, mention), nullptr) << mention;
    EXPECT_EQ(FindPlace(x, mention)->name, name) << mention;
  }
}

TEST(GeoparseCyrillic, NamesInOBothKeptAndDeclined) {
  auto x = ExtractText("Детей вывезли из Сватово. В Сватове повреждена больница.");
  ASSERT_NE(FindPlace(x, "Сватово"), nullptr);
  ASSERT_NE(FindPlace(x, "Сватове"), nullptr);
  EXPECT_EQ(FindPlace(x, "Сватове")->name, "Svatove");
}

TEST(GeoparseCyrillic, CompoundNamesDeclineWordByWord) {
  auto x = ExtractText("Бої тривають біля Часового Яру. Войска атаковали у Великой Новосёлки.");
  ASSERT_NE(FindPlace(x, "Часового Яру"), nullptr);
  EXPECT_EQ(FindPlace(x, "Часового Яру")->name, "Chasiv Yar");
  // GeoNames names Velyka Novosilka in Ukrainian only: its Russian name
  // comes from the Latin "Velikaya Novoselka" by transliteration.
  ASSERT_NE(FindPlace(x, "Великой Новосёлки"), nullptr);
  EXPECT_EQ(FindPlace(x, "Великой Новосёлки")->name, "Velyka Novosilka");
}

TEST(GeoparseCyrillic, DistrictsAndHromadasAreAtTheirSeat) {
  auto x = ExtractText("Бои идут в Покровском районе. У Великописарівській громаді знеструмлено села.");
  const Place* raion = FindPlace(x, "Покровском районе");
  ASSERT_NE(raion, nullptr);
  EXPECT_EQ(raion->kind, "admin2");
  EXPECT_EQ(raion->geo_precision, 2);
  EXPECT_LT(Km(*raion, 48.28, 37.18), 5);  // Pokrovsk, Donetsk oblast, not Engels (once Pokrovsk)
  const Place* hromada = FindPlace(x, "Великописарівській громаді");
  ASSERT_NE(hromada, nullptr);
  EXPECT_LT(Km(*hromada, 50.42, 35.48), 5);
}

TEST(GeoparseCyrillic, TheDistrictOrRegionNamedChoosesAmongSameNameVillages) {
  // Six villages called Shevchenkove; the one in Kupiansk district.
  auto x = ExtractText("Шевченкове Куп'янського району залишилося без світла.");
  const Place* p = FindPlace(x, "Шевченкове");
  ASSERT_NE(p, nullptr);
  EXPECT_LT(Km(*p, 49.695, 37.175), 5);
  // Six called Myrne; the one GeoNames puts in Kherson oblast.
  auto y = ExtractText("Також знеструмлено Мирне Херсонської області.");
  const Place* m = FindPlace(y, "Мирне");
  ASSERT_NE(m, nullptr);
  EXPECT_LT(Km(*m, 46.25, 33.47), 5);
}

// "Суджу" is also Ukrainian for "I judge": Hunspell flags it; the region
// the document names makes it the town.
TEST(GeoparseCyrillic, AFormThatIsAlsoAWordNeedsTheRegionNamed) {
  const Gazetteer& g = *testing::TestExtractor().data().gazetteer;
  ASSERT_NE(g.NodeFlags(g.Find("суджу")) & Gazetteer::kCommonWord, 0u);
  auto x = ExtractText("Губернатор Курской области посетил Суджу.");
  ASSERT_NE(FindPlace(x, "Суджу"), nullptr);
  EXPECT_EQ(FindPlace(x, "Суджу")->name, "Sudzha");
  EXPECT_TRUE(ExtractText("Я вас не суджу. Суджу за вчинками.").places.empty());
}

// The resolver skips a row of another kind: none may be mistyped.
TEST(GeoparseCyrillic, EveryPlaceCueRowHasAKnownKind) {
  size_t rows = 0;
  for (const TsvRow& r : ParseTsv(data::kData_place_cues)) {
    ++rows;
    EXPECT_TRUE(r.field(0) == "ru" || r.field(0) == "uk" || r.field(0) == "en") << "line " << r.line;
    std::string_view k = r.field(1);
    EXPECT_TRUE(k == "before" || k == "weak_before" || k == "region_word" || k == "region_plural" ||
                k == "conjunction" || k == "street" || k == "street_abbrev" || k == "route" ||
                k == "near" || k == "settlement_noun" || k == "name_connector" || k == "person_title")
        << "line " << r.line << ": " << k;
    EXPECT_FALSE(SplitList(r.field(2)).empty()) << "line " << r.line;
  }
  EXPECT_GE(rows, 10u);
}

// "у Сырского", "к Медведеву": a preposition that comes before people as
// often as before places is no cue for a village alone.
TEST(GeoparseCyrillic, APersonAfterAPrepositionIsNotAVillage) {
  const Gazetteer& g = *testing::TestExtractor().data().gazetteer;
  ASSERT_NE(g.Find("сырского"), Gazetteer::kNoNode);  // Syrskoye, Lipetsk oblast, declined
  EXPECT_EQ(FindPlace(ExtractText("У Сырского нет резервов, сообщил Буданов."), "Сырского"), nullptr);
  // A town after the same preposition is a place.
  EXPECT_NE(FindPlace(ExtractText("Колонна шла к Курску."), "Курску"), nullptr);
}

TEST(GeoparseCyrillic, SentenceOpenersAndOrdinaryWordsAreNotPlaces) {
  const Gazetteer& g = *testing::TestExtractor().data().gazetteer;
  // Each is a town's name somewhere (Oni in Georgia, Tame in Colombia, Same in Tanzania).
  for (const char* w : {"они", "там", "саме"}) ASSERT_NE(g.Find(w), Gazetteer::kNoNode) << w;
  auto x = ExtractText("Они отступили. Там тихо. Саме тому евакуація триває.");
  EXPECT_TRUE(x.places.empty()) << x.places.front().mention;
  // A capitalised preposition or noun opening a sentence is no part of a name.
  auto y = ExtractText("Обстрел Шебекино продолжается. В Торецке взрывы.");
  EXPECT_NE(FindPlace(y, "Шебекино"), nullptr);
  EXPECT_NE(FindPlace(y, "Торецке"), nullptr);
}

TEST(GeoparseCyrillic, AWordNoNameHasIsTiedToALatinNameByTransliteration) {
  // GeoNames names Yats'kivka (Donetsk oblast) only in Latin letters.
  auto x = ExtractText("Обстріли біля Яцьківки тривали всю ніч.");
  const Place* p = FindPlace(x, "Яцьківки");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->resolution, "transliteration");
  EXPECT_LT(Km(*p, 49.18, 37.52), 5);
}

}  // namespace
}  // namespace sitrep
