// Control maps in the database and claims checked against them. The layers
// are the illustrative ones in examples/control and small ones written here.
#include <gtest/gtest.h>
#include <filesystem>
#include <fstream>

#include "sitrep/control.h"
#include "sitrep/store.h"
#include "geo/control_geojson.h"
#include "store/sql.h"
#include "tests/test_util.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;
const std::string kExamples = std::string(SITREP_SOURCE_DIR) + "/examples";

using testing::TempDir;
using testing::WriteFile;

TEST(ControlStore, ImportsShowsAndDiffsLayers) {
  TempDir tmp;
  ControlImportOptions o;
  o.db_path = tmp / "c.db";
  Result<ControlImportSummary> r = ImportControl({kExamples + "/control"}, o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->layers.size(), 2u);
  EXPECT_TRUE(r->problems.empty());
  EXPECT_EQ(r->layers[0].layer, "russian_advances_pokrovsk");
  EXPECT_EQ(r->layers[0].holder, "RUS");
  EXPECT_NEAR(r->layers[1].area_km2, 477.0, 1.0);
  // Imported again: replaced, not added.
  ASSERT_TRUE(ImportControl({kExamples + "/control"}, o).ok());
  Result<Database> db = Database::Open(o.db_path);
  ASSERT_TRUE(db.ok()) << db.status().message();
  Result<std::vector<ControlLayerSummary>> all = ListControlLayers(*db, "", "");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 2u);
  Result<std::vector<ControlChange>> d = DiffControl(*db, "2024-09-15", "2024-10-01", "");
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->size(), 1u);
  const ControlChange& c = (*d)[0];
  EXPECT_NEAR(c.to_km2 - c.from_km2, c.gained_km2 - c.lost_km2, 0.5);  // net change two ways
  EXPECT_GT(c.gained_km2, 150);
  EXPECT_GT(c.lost_km2, 5);  // the hole
  // A date before every map: the layer is left out; after both: the later.
  EXPECT_TRUE(DiffControl(*db, "2024-01-01", "2024-02-01", "")->empty());
  EXPECT_EQ((*DiffControl(*db, "2024-09-20", "2025-01-01", ""))[0].to_date, "2024-10-01");
  EXPECT_EQ(DiffControl(*db, "2024-09-20", "2025-01-01", "nope").status().code(), StatusCode::kNotFound);
}

TEST(ControlStore, ReportsBadFeaturesAndNeedsADate) {
  TempDir tmp;
  WriteFile(tmp / "layer.geojson", R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[35,51],[36,51],[36,52],[35,52],[35,51]]]}},
    {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[35,51],[36,52],[36,51],[35,52],[35,51]]]}},
    {"type": "Feature", "properties": {}, "geometry": null}]})");
  ControlImportOptions o;
  o.db_path = tmp / "c.db";
  Result<ControlImportSummary> r = ImportControl({tmp / "layer.geojson"}, o);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->layers.empty());
  ASSERT_EQ(r->problems.size(), 3u);  // no date for the valid one; a bow-tie; a null geometry
  o.date = "2024-08-12";
  o.repair = true;
  r = ImportControl({tmp / "layer.geojson"}, o);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->layers.size(), 1u);
  EXPECT_EQ(r->layers[0].features, 2);  // the bow-tie repaired and kept
  int kept = 0;
  for (const ControlProblem& p : r->problems) kept += p.kept;
  EXPECT_EQ(kept, 1);
  EXPECT_EQ(r->layers[0].layer, "layer");  // from the file name
  o.date = "2024-13-01";
  EXPECT_EQ(ImportControl({tmp / "layer.geojson"}, o).status().code(), StatusCode::kInvalidArgument);
}

// A "type" (or any member) of the wrong JSON type is that feature's problem,
// or the file's, never an exception out of the parser.
TEST(ControlGeoJson, AWrongJsonTypeIsAProblemNotAThrow) {
  const std::string square = R"([[[35,51],[36,51],[36,52],[35,52],[35,51]]])";
  std::vector<GeoJsonProblem> problems;
  Result<std::vector<ControlFeature>> r = ParseControlGeoJson(
      R"({"type": "FeatureCollection", "features": [
        {"type": 1, "properties": {}, "geometry": {"type": "Polygon", "coordinates": )" +
          square + R"(}},
        {"type": "Feature", "properties": {}, "geometry": {"type": ["Polygon"], "coordinates": )" +
          square + R"(}},
        {"type": "Feature", "properties": 5, "geometry": {"type": "GeometryCollection", "geometries": 3}},
        {"type": "Feature", "properties": {"date": 20240812, "holder": {}}, "geometry": {"type": "Polygon", "coordinates": )" +
          square + R"(}}]})",
      &problems, false);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].feature, 1u);
  EXPECT_EQ(problems[1].feature, 2u);
  EXPECT_EQ(problems[2].feature, 3u);
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].date, "");  // not a string: no date, which the import then reports
  EXPECT_EQ((*r)[0].holder, "");
  for (const char* bad :
       {R"({"type": 7})", R"({"type": null})", R"({"type": "FeatureCollection", "features": {}})", "[1]"}) {
    problems.clear();
    EXPECT_EQ(ParseControlGeoJson(bad, &problems, false).status().code(), StatusCode::kDataError) << bad;
  }
}

// A control layer whose stored date is no date (written by hand or an older
// tool: imports check theirs) makes verify fail with a message, not read
// past an empty optional.
TEST(Verify, AStoredLayerWithABadDateIsAnError) {
  TempDir tmp;
  IngestOptions io;
  io.db_path = tmp / "c.db";
  ASSERT_TRUE(IngestCorpus({kExamples + "/pokrovsk-front.html"}, io).ok());
  ControlImportOptions co;
  co.db_path = io.db_path;
  ASSERT_TRUE(ImportControl({kExamples + "/control"}, co).ok());
  {
    Result<sql::Connection> c = sql::Connection::Open(io.db_path, sql::Connection::Mode::kReadWrite);
    ASSERT_TRUE(c.ok()) << c.status().message();
    ASSERT_TRUE(
        c->Exec("UPDATE control_layers SET date = 'last week' WHERE id = (SELECT MIN(id) FROM control_layers)").ok());
  }
  VerifyOptions vo;
  vo.db_path = io.db_path;
  Result<VerifySummary> v = VerifyClaims(vo);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), StatusCode::kDataError);
  EXPECT_NE(v.status().message().find("last week"), std::string::npos) << v.status().message();
}

TEST(Verify, AreaAndPlaceClaimsAgainstTheMap) {
  TempDir tmp;
  WriteFile(tmp / "a.txt",
            "---\npublished: 2024-10-02\noutlet: Test Wire\n---\n"
            "Russian forces captured more than 900 square kilometres near Pokrovsk by October 1, the Russian "
            "Defence Ministry said.\n\nUkrainian troops retook Toretsk on Monday, the General Staff said.\n");
  WriteFile(
      tmp / "toretsk.geojson",
      R"({"type": "Feature", "properties": {"date": "2024-09-25", "layer_type": "test_russian_held", "holder": "RUS"},
                "geometry": {"type": "Polygon", "coordinates": [[[37.75,48.33],[37.95,48.33],[37.95,48.45],[37.75,48.45],[37.75,48.33]]]}})");
  IngestOptions io;
  io.db_path = tmp / "c.db";
  ASSERT_TRUE(IngestCorpus({kExamples + "/pokrovsk-front.html", tmp / "a.txt"}, io).ok());
  ControlImportOptions co;
  co.db_path = io.db_path;
  ASSERT_TRUE(ImportControl({kExamples + "/control", tmp / "toretsk.geojson"}, co).ok());
  VerifyOptions vo;
  vo.db_path = io.db_path;
  Result<VerifySummary> v = VerifyClaims(vo);
  ASSERT_TRUE(v.ok()) << v.status().message();
  std::map<std::string, const ClaimCheck*> by_text;
  for (const ClaimCheck& c : v->checks) by_text[c.claim_text.substr(0, 30)] = &c;
  const ClaimCheck* roughly = by_text["Russian troops have captured r"];
  const ClaimCheck* more_than = by_text["Russian forces captured more t"];
  const ClaimCheck* toretsk = by_text["Ukrainian troops retook Torets"];
  ASSERT_TRUE(roughly && more_than && toretsk) << [&] {
    std::string all;
    for (const ClaimCheck& c : v->checks) all += c.claim_text.substr(0, 30) + " | ";
    return all;
  }();
  EXPECT_EQ(roughly->verdict, MapVerdict::kConsistent);      // "roughly 480 km²" vs 477 km²
  EXPECT_EQ(roughly->layer_date, "2024-10-01");
  EXPECT_NEAR(*roughly->measured_km2, 477, 1);
  EXPECT_EQ(more_than->verdict, MapVerdict::kOverstated);    // "more than 900 km²" vs 477 km²
  EXPECT_EQ(toretsk->kind, CheckKind::kPlace);
  EXPECT_EQ(toretsk->verdict, MapVerdict::kHeldByOther);   // in a RUS-held layer, claimed by UKR
  EXPECT_EQ(v->events_in_layers, 1u);
  // Stored with the claims, shown by queries.
  Result<Database> db = Database::Open(io.db_path);
  ASSERT_TRUE(db.ok());
  QueryFilter f;
  f.text = "retook";
  Result<std::vector<ClaimRecord>> claims = db->Claims(f);
  ASSERT_TRUE(claims.ok());
  ASSERT_EQ(claims->size(), 1u);
  EXPECT_EQ((*claims)[0].map_check, "held_by_other");
  // With no window, only a map of the claim's own day counts: "roughly 480"
  // (dated 2024-10-02) has none; "more than 900 ... by October 1" has one.
  vo.window_days = 0;
  v = VerifyClaims(vo);
  ASSERT_TRUE(v.ok());
  for (const ClaimCheck& c : v->checks) {
    if (c.claim_text.rfind("Russian troops have captured", 0) == 0) {
      EXPECT_EQ(c.verdict, MapVerdict::kNoMap) << c.detail;
      EXPECT_NE(c.detail.find("near it: russian_advances_pokrovsk (held by RUS"), std::string::npos) << c.detail;
    }
    if (c.claim_text.rfind("Russian forces captured", 0) == 0) {
      EXPECT_EQ(c.verdict, MapVerdict::kOverstated);
    }
  }
}

}  // namespace
}  // namespace sitrep
