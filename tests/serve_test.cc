// The HTTP API: every endpoint, paging, bad parameters, read-only, and a
// database that does not exist. The server runs on a free loopback port.
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <string_view>
#include <thread>
#include <tuple>

#include <nlohmann/json.hpp>

#include "serve/server.h"
#include "sitrep/control.h"
#include "sitrep/store.h"
#include "tests/test_util.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;
const std::string kExamples = std::string(SITREP_SOURCE_DIR) + "/examples";

class ServeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new testing::TempDir("serve");
    db_ = new std::string(*dir_ / "c.db");
    IngestOptions io;
    io.db_path = *db_;
    std::vector<std::string> files;
    for (const auto& e : fs::directory_iterator(kExamples)) {
      if (e.path().extension() == ".txt" || e.path().extension() == ".html") files.push_back(e.path().string());
    }
    ASSERT_TRUE(IngestCorpus(files, io).ok());
    ControlImportOptions co;
    co.db_path = *db_;
    ASSERT_TRUE(ImportControl({kExamples + "/control"}, co).ok());
    fs::create_directories(*dir_ / "web");
    testing::WriteFile(*dir_ / "web/index.html", "<!doctype html><title>map page</title>");
    ServeOptions so;
    so.db_path = *db_;
    so.port = 0;
    so.web_root = *dir_ / "web";
    Result<std::unique_ptr<Server>> s = Server::Create(so);
    ASSERT_TRUE(s.ok()) << s.status().message();
    server_ = std::move(s).value().release();
    thread_ = new std::thread([] { (void)server_->Run(); });
    client_ = new httplib::Client("127.0.0.1", server_->port());
    for (int i = 0; i < 100 && !client_->Get("/api/stats"); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  static void TearDownTestSuite() {
    server_->Stop();
    thread_->join();
    delete thread_;
    delete client_;
    delete server_;
    delete dir_;
    delete db_;
  }
  static nlohmann::json Get(const std::string& path, int want_status) {
    httplib::Result r = client_->Get(path);
    EXPECT_TRUE(r) << path;
    if (!r) return nullptr;
    EXPECT_EQ(r->status, want_status) << path << ": " << r->body;
    return nlohmann::json::parse(r->body, nullptr, /*allow_exceptions=*/false);
  }
  static testing::TempDir* dir_;
  static std::string* db_;
  static Server* server_;
  static std::thread* thread_;
  static httplib::Client* client_;
};
testing::TempDir* ServeTest::dir_ = nullptr;
std::string* ServeTest::db_ = nullptr;
Server* ServeTest::server_ = nullptr;
std::thread* ServeTest::thread_ = nullptr;
httplib::Client* ServeTest::client_ = nullptr;

TEST_F(ServeTest, Stats) {
  nlohmann::json s = Get("/api/stats", 200);
  EXPECT_EQ(s["documents"], 4);  // examples/*.txt and *.html
  EXPECT_GT(s["claims"].get<int>(), 20);
}

TEST_F(ServeTest, ClaimsPageAndFilter) {
  nlohmann::json first = Get("/api/claims?limit=2", 200);
  nlohmann::json second = Get("/api/claims?limit=2&offset=2", 200);
  ASSERT_EQ(first["claims"].size(), 2u);
  ASSERT_EQ(second["claims"].size(), 2u);
  EXPECT_NE(first["claims"][0]["id"], second["claims"][0]["id"]);
  nlohmann::json kharkiv = Get("/api/claims?place=Kharkiv&status=asserted", 200);
  ASSERT_GT(kharkiv["count"].get<int>(), 0);
  for (const auto& c : kharkiv["claims"]) EXPECT_EQ(c["status"], "asserted");
  nlohmann::json battles = Get("/api/events?type=Battles", 200);
  ASSERT_GT(battles["events"].size(), 0u);
  for (const auto& e : battles["events"]) EXPECT_EQ(e["event"]["type"], "Battles");
  nlohmann::json near = Get("/api/events?near=48.28,37.18,10", 200);
  EXPECT_GT(near["count"].get<int>(), 0);
}

TEST_F(ServeTest, BadParametersAre400WithAReason) {
  EXPECT_NE(Get("/api/claims?status=rumoured", 400)["error"].get<std::string>().find("status"), std::string::npos);
  EXPECT_NE(Get("/api/claims?limit=0", 400)["error"].get<std::string>().find("limit"), std::string::npos);
  EXPECT_NE(Get("/api/claims?limit=5000", 400)["error"].get<std::string>().find("limit"), std::string::npos);
  EXPECT_NE(Get("/api/claims?near=48,37", 400)["error"].get<std::string>().find("near"), std::string::npos);
  EXPECT_NE(Get("/api/claims?since=2024-02-30", 400)["error"].get<std::string>().find("since"), std::string::npos);
  for (const char* endpoint : {"claims", "events", "points", "timeline"}) {
    EXPECT_NE(
        Get(std::string("/api/") + endpoint + "?text=%22open", 400)["error"].get<std::string>().find("text query"),
        std::string::npos)
        << endpoint;
  }
  EXPECT_NE(Get("/api/claims?bogus=1", 400)["error"].get<std::string>().find("unknown parameter"), std::string::npos);
  Get("/api/documents/abc", 400);
  Get("/api/documents/999999", 404);
  Get("/api/control", 400);
  Get("/api/control?date=yesterday", 400);
  Get("/api/nothing-here", 404);
  httplib::Result post = client_->Post("/api/claims", "{}", "application/json");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->status, 405);
}

TEST_F(ServeTest, PointsAndTimelineForTheMap) {
  nlohmann::json p = Get("/api/points", 200);
  ASSERT_GT(p["count"].get<int>(), 3);
  EXPECT_EQ(p["columns"][2], "lat");
  for (const auto& row : p["points"]) {
    EXPECT_GT(row[1].get<int64_t>(), 0);  // its document
    EXPECT_TRUE(row[2].is_number() && row[3].is_number());
    EXPECT_FALSE(row[4].get<std::string>().empty());  // its place
    EXPECT_FALSE(row[5].get<std::string>().empty());  // town, region, country...
    EXPECT_FALSE(row[7].get<std::string>().empty());  // every point is an event
  }
  // Each point is the event of the same id, column by column.
  nlohmann::json all_events = Get("/api/events?limit=1000", 200)["events"];
  for (const auto& row : p["points"]) {
    auto e =
        std::find_if(all_events.begin(), all_events.end(), [&](const nlohmann::json& x) { return x["id"] == row[0]; });
    ASSERT_NE(e, all_events.end());
    EXPECT_EQ((*e)["document_id"], row[1]);
    EXPECT_NEAR((*e)["place"]["lat"].get<double>(), row[2].get<double>(), 1e-5);
    EXPECT_NEAR((*e)["place"]["lon"].get<double>(), row[3].get<double>(), 1e-5);
    EXPECT_EQ((*e)["place"]["name"], row[4]);
    EXPECT_EQ((*e)["place"]["kind"], row[5]);
    EXPECT_EQ((*e)["event"]["type"], row[7]);
    EXPECT_EQ((*e)["status"], row[9]);
    EXPECT_EQ((*e)["corroboration"], row[10]);
  }
  // The map's view: a box around Kharkiv holds its events and nothing far away.
  nlohmann::json box = Get("/api/points?bbox=35.5,49.5,37,50.5", 200);
  ASSERT_GT(box["count"].get<int>(), 0);
  EXPECT_LT(box["count"].get<int>(), p["count"].get<int>());
  for (const auto& row : box["points"]) {
    EXPECT_GE(row[2].get<double>(), 49.5);
    EXPECT_LE(row[2].get<double>(), 50.5);
  }
  EXPECT_EQ(Get("/api/claims?bbox=-10,-10,-5,-5", 200)["count"], 0);
  EXPECT_NE(Get("/api/points?bbox=30,52,40,46", 400)["error"].get<std::string>().find("south"), std::string::npos);
  EXPECT_NE(Get("/api/points?bbox=30,46,40", 400)["error"].get<std::string>().find("WEST,SOUTH,EAST,NORTH"),
            std::string::npos);
  EXPECT_EQ(Get("/api/points?limit=2", 200)["points"].size(), 2u);
  Get("/api/points?limit=60000", 400);
  nlohmann::json t = Get("/api/timeline", 200);
  int total = 0;
  for (const auto& d : t["days"]) total += d["count"].get<int>();
  nlohmann::json events = Get("/api/events?limit=1000", 200);
  int dated = 0;
  for (const auto& e : events["events"]) dated += !e["date_from"].is_null() || !e["source"]["published"].is_null();
  EXPECT_EQ(total, dated);
  nlohmann::json battles = Get("/api/timeline?type=Battles", 200);
  for (const auto& d : battles["days"]) EXPECT_EQ(d["event_type"], "Battles");
}

TEST_F(ServeTest, DocumentCarriesItsTextAndClaimSpans) {
  nlohmann::json claims = Get("/api/claims?place=Kharkiv&limit=1", 200);
  ASSERT_EQ(claims["claims"].size(), 1u);
  int64_t id = claims["claims"][0]["document_id"];
  nlohmann::json d = Get("/api/documents/" + std::to_string(id), 200);
  std::string raw = d["raw"];
  ASSERT_GT(d["claims"].size(), 0u);
  for (const auto& c : d["claims"]) {
    size_t b = c["span"][0], e = c["span"][1];
    ASSERT_LE(e, raw.size());
    EXPECT_EQ(raw.substr(b, e - b), c["text"].get<std::string>());  // a text document: spans are the text
  }
}

TEST_F(ServeTest, ExportsWhatAFilterSelects) {
  Get("/api/export", 400);
  EXPECT_NE(Get("/api/export?format=xml", 400)["error"].get<std::string>().find("acled-csv"), std::string::npos);
  Get("/api/export?format=jsonl&bogus=1", 400);
  Get("/api/export?format=jsonl&since=2024-02-30", 400);
  // A malformed text query is a 400 with its reason, not a 200 empty file.
  EXPECT_NE(Get("/api/export?format=jsonl&text=%22unbalanced", 400)["error"].get<std::string>().find("text query"),
            std::string::npos);
  Get("/api/export?format=acled-csv&text=AND", 400);

  httplib::Result csv = client_->Get("/api/export?format=acled-csv");
  ASSERT_TRUE(csv);
  EXPECT_EQ(csv->status, 200);
  EXPECT_EQ(csv->get_header_value("Content-Type").rfind("text/csv", 0), 0u);
  EXPECT_NE(csv->get_header_value("Content-Disposition").find("sitrep-export.csv"), std::string::npos);
  ASSERT_FALSE(csv->body.empty());
  size_t header_end = csv->body.find('\n');
  EXPECT_NE(csv->body.substr(0, header_end).find("claim_status"), std::string::npos);
  size_t rows = std::count(csv->body.begin(), csv->body.end(), '\n') - 1;  // no field here spans lines
  // Every event but those ACLED does not code (Displacement) and those
  // dated after their report.
  size_t acled_events = 0;
  const nlohmann::json events = Get("/api/events?limit=1000", 200);
  for (const auto& e : events["events"]) {
    acled_events += e["event"]["type"] != "Displacement" && !e["date_after_publication"].get<bool>();
  }
  EXPECT_GT(acled_events, 0u);
  EXPECT_EQ(rows, acled_events);

  // GIS formats: whole files, each with its format's signature.
  const std::pair<const char*, std::string_view> kGis[] = {
      {"gpkg", "SQLite format 3"}, {"fgb", "fgb\x03"}, {"shp", "PK\x03\x04"}};
  for (const auto& [format, magic] : kGis) {
    httplib::Result gis = client_->Get(std::string("/api/export?format=") + format);
    ASSERT_TRUE(gis);
    EXPECT_EQ(gis->status, 200) << format;
    EXPECT_EQ(gis->body.rfind(magic, 0), 0u) << format;
    EXPECT_NE(gis->get_header_value("Content-Disposition").find("sitrep-export."), std::string::npos) << format;
  }
  EXPECT_NE(client_->Get("/api/export?format=gpkg")->get_header_value("Content-Type").find("geopackage"),
            std::string::npos);
  Get("/api/export?format=kml", 400);

  httplib::Result geo = client_->Get("/api/export?format=geojson");
  ASSERT_TRUE(geo);
  nlohmann::json fc = nlohmann::json::parse(geo->body, nullptr, false);
  ASSERT_TRUE(fc.is_object());
  EXPECT_EQ(fc["features"].size(), Get("/api/points", 200)["count"].get<size_t>());

  httplib::Result lines = client_->Get("/api/export?format=jsonl&status=asserted");
  ASSERT_TRUE(lines);
  std::istringstream in(lines->body);
  size_t n = 0;
  for (std::string line; std::getline(in, line); ++n) {
    EXPECT_EQ(nlohmann::json::parse(line)["status"], "asserted");
  }
  EXPECT_GT(n, 0u);
  EXPECT_EQ(n, Get("/api/claims?status=asserted&limit=1000", 200)["count"].get<size_t>());
}

TEST_F(ServeTest, ServesThePageBesideTheApi) {
  httplib::Result page = client_->Get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("map page"), std::string::npos);
  EXPECT_EQ(page->get_header_value("Content-Type").rfind("text/html", 0), 0u);
  httplib::Result missing = client_->Get("/no-such-script.js");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  Get("/api/no-such-endpoint", 404);  // still a JSON error
}

TEST(ServeCreate, RefusesAMissingWebFolder) {
  testing::TempDir dir("serve-web");
  IngestOptions io;
  io.db_path = dir / "c.db";
  ASSERT_TRUE(IngestCorpus({kExamples + "/kharkiv-strikes.txt"}, io).ok());
  ServeOptions so;
  so.db_path = io.db_path;
  so.port = 0;
  so.web_root = dir / "nowhere";
  Result<std::unique_ptr<Server>> s = Server::Create(so);
  EXPECT_EQ(s.status().code(), StatusCode::kNotFound);
  EXPECT_NE(s.status().message().find("nowhere"), std::string::npos);
}

TEST_F(ServeTest, AnswersOnlyForLoopbackNames) {
  // DNS rebinding: a page from evil.example resolving to 127.0.0.1.
  httplib::Result r = client_->Get("/api/claims", {{"Host", "evil.example:8080"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  EXPECT_NE(r->body.find("127.0.0.1 or localhost"), std::string::npos);
  for (const char* host : {"localhost", "LOCALHOST:8080", "127.0.0.1:1", "[::1]:8080"}) {
    httplib::Result ok = client_->Get("/api/stats", {{"Host", host}});
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->status, 200) << host;
  }
}

TEST_F(ServeTest, NoCompressionOnTheLoopback) {
  // Brotli at the library's setting took seconds for a page of map points.
  client_->set_decompress(false);
  httplib::Result r = client_->Get("/api/points", {{"Accept-Encoding", "gzip, deflate, br"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_FALSE(r->has_header("Content-Encoding"));
  EXPECT_TRUE(nlohmann::json::parse(r->body, nullptr, false).is_object());
}

TEST_F(ServeTest, ControlLayersOnADate) {
  nlohmann::json fc = Get("/api/control?date=2024-10-05", 200);
  ASSERT_EQ(fc["type"], "FeatureCollection");
  ASSERT_EQ(fc["features"].size(), 1u);
  EXPECT_EQ(fc["features"][0]["properties"]["date"], "2024-10-01");
  EXPECT_NEAR(fc["features"][0]["properties"]["area_km2"].get<double>(), 477, 1);
  EXPECT_EQ(fc["features"][0]["geometry"]["type"], "MultiPolygon");
  EXPECT_EQ(Get("/api/control?date=2024-09-20", 200)["features"][0]["properties"]["date"], "2024-09-15");
  EXPECT_EQ(Get("/api/control?date=2024-01-01", 200)["features"].size(), 0u);
  nlohmann::json layers = Get("/api/layers", 200)["layers"];
  ASSERT_EQ(layers.size(), 2u);
  EXPECT_EQ(layers[0]["date"], "2024-09-15");
  EXPECT_EQ(layers[1]["date"], "2024-10-01");
  EXPECT_GT(layers[1]["area_km2"].get<double>(), layers[0]["area_km2"].get<double>());
  EXPECT_EQ(Get("/api/layers?layer=none", 200)["layers"].size(), 0u);
  Get("/api/layers?date=2024-10-01", 400);
  // The stored layers as a file: GeoJSON (RFC 7946) or a GeoPackage.
  httplib::Result geojson = client_->Get("/api/layers/export?format=geojson");
  ASSERT_TRUE(geojson);
  EXPECT_EQ(geojson->status, 200);
  nlohmann::json exported = nlohmann::json::parse(geojson->body, nullptr, false);
  ASSERT_TRUE(exported.is_object());
  ASSERT_EQ(exported["features"].size(), 2u);
  EXPECT_EQ(exported["features"][1]["properties"]["date"], "2024-10-01");
  EXPECT_NEAR(exported["features"][1]["properties"]["area_km2"].get<double>(), 477, 1);
  httplib::Result gpkg = client_->Get("/api/layers/export?format=gpkg");
  ASSERT_TRUE(gpkg);
  EXPECT_EQ(gpkg->body.rfind("SQLite format 3", 0), 0u);
  Get("/api/layers/export?format=shp", 400);
  Get("/api/layers/export?format=gpkg&date=2024-10-01", 400);
}

// ---- who may read (issue 14) -------------------------------------------

// "Loopback" is the parsed address, not its spelling.
TEST(ServeAccess, LoopbackIsDecidedFromTheParsedAddress) {
  for (const char* h : {"127.0.0.1", "127.1", "127.9.8.7", "::1", "localhost"})
    EXPECT_TRUE(IsLoopbackBindAddress(h)) << h;
  for (const char* h : {"0.0.0.0", "::", "10.1.2.3", "128.0.0.1", "", "no-such-host.invalid"}) {
    EXPECT_FALSE(IsLoopbackBindAddress(h)) << h;
  }
}

// A server on its own on a free port, run until the object goes.
class RunningServer {
 public:
  static std::unique_ptr<RunningServer> Start(ServeOptions so) {
    so.port = 0;
    Result<std::unique_ptr<Server>> s = Server::Create(so);
    EXPECT_TRUE(s.ok()) << s.status().message();
    if (!s.ok()) return nullptr;
    auto r = std::make_unique<RunningServer>();
    r->server = std::move(s).value();
    r->thread = std::thread([p = r->server.get()] { (void)p->Run(); });
    r->client = std::make_unique<httplib::Client>("127.0.0.1", r->server->port());
    for (int i = 0; i < 100 && !r->client->Get("/api/stats", {{"Host", "localhost"}}); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return r;
  }
  ~RunningServer() {
    server->Stop();
    thread.join();
  }
  std::unique_ptr<Server> server;
  std::thread thread;
  std::unique_ptr<httplib::Client> client;
};

ServeOptions ExampleServeOptions(const testing::TempDir& dir) {
  IngestOptions io;
  io.db_path = dir / "c.db";
  EXPECT_TRUE(IngestCorpus({kExamples + "/kharkiv-strikes.txt"}, io).ok());
  ServeOptions so;
  so.db_path = io.db_path;
  return so;
}

constexpr char kToken[] = "s3cret-token-0123456789";

// 127.1 is the loopback: a foreign Host is refused there as on 127.0.0.1.
TEST(ServeAccess, AnotherSpellingOfTheLoopbackStillChecksHost) {
  testing::TempDir dir("serve-127-1");
  ServeOptions so = ExampleServeOptions(dir);
  so.host = "127.1";
  auto s = RunningServer::Start(so);
  ASSERT_NE(s, nullptr);
  httplib::Result r = s->client->Get("/api/stats", {{"Host", "evil.example"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  for (const char* host : {"127.1:8080", "127.0.0.1", "localhost:1", "[::1]"}) {
    r = s->client->Get("/api/stats", {{"Host", host}});
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << host;
  }
  // Names are never looked up: one that resolves to the loopback is foreign.
  r = s->client->Get("/api/stats", {{"Host", "localhost.example"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
}

TEST(ServeAccess, EveryInterfaceWithoutATokenIsRefusedAtStart) {
  testing::TempDir dir("serve-any");
  ServeOptions so = ExampleServeOptions(dir);
  so.host = "0.0.0.0";
  so.port = 0;
  Result<std::unique_ptr<Server>> s = Server::Create(so);
  EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(s.status().message().find("not a loopback address"), std::string::npos) << s.status().message();
  EXPECT_NE(s.status().message().find("--token-file"), std::string::npos);
  so.access_token = "short";
  EXPECT_EQ(Server::Create(so).status().code(), StatusCode::kInvalidArgument);
  so.access_token = "a token with spaces in it";
  EXPECT_EQ(Server::Create(so).status().code(), StatusCode::kInvalidArgument);
  so.access_token.clear();
  so.insecure_no_auth = true;  // said explicitly: allowed
  EXPECT_TRUE(Server::Create(so).ok());
}

TEST(ServeAccess, ATokenIsNeededOnEveryRequest) {
  testing::TempDir dir("serve-token");
  ServeOptions so = ExampleServeOptions(dir);
  so.host = "0.0.0.0";
  so.access_token = kToken;
  auto s = RunningServer::Start(so);
  ASSERT_NE(s, nullptr);
  httplib::Result r = s->client->Get("/api/stats");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  EXPECT_NE(r->body.find("access token"), std::string::npos);
  r = s->client->Get("/api/stats", {{"Authorization", std::string("Bearer ") + kToken + "x"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  r = s->client->Get("/api/export?format=jsonl");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  r = s->client->Get("/api/stats", {{"Authorization", std::string("Bearer ") + kToken}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  // The browser's way: /?token= sets an HttpOnly cookie and goes to /.
  r = s->client->Get(std::string("/?token=") + kToken);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 303);
  EXPECT_EQ(r->get_header_value("Location"), "/");
  const std::string cookie = r->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  r = s->client->Get("/api/stats", {{"Cookie", "other=1; " + cookie.substr(0, cookie.find(';'))}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  r = s->client->Get("/?token=wrong-token-0123456789");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 401);
  EXPECT_FALSE(r->has_header("Set-Cookie"));
}

TEST(ServeAccess, OffTheLoopbackTheHostAllowListIsKept) {
  testing::TempDir dir("serve-allow");
  ServeOptions so = ExampleServeOptions(dir);
  so.host = "0.0.0.0";
  so.access_token = kToken;
  so.allowed_hosts = {"sitrep.example"};
  auto s = RunningServer::Start(so);
  ASSERT_NE(s, nullptr);
  const std::string bearer = std::string("Bearer ") + kToken;
  httplib::Result r = s->client->Get("/api/stats", {{"Host", "evil.example"}, {"Authorization", bearer}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 403);
  r = s->client->Get("/api/stats", {{"Host", "Sitrep.Example:8443"}, {"Authorization", bearer}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST_F(ServeTest, SecurityHeadersOnEveryResponse) {
  for (const auto& [path, host, status] : std::vector<std::tuple<std::string, std::string, int>>{
           {"/api/stats", "localhost", 200}, {"/", "localhost", 200}, {"/api/none", "localhost", 404},
           {"/api/claims?limit=x", "localhost", 400}, {"/api/stats", "evil.example", 403}}) {
    httplib::Result r = client_->Get(path, {{"Host", host}});
    ASSERT_TRUE(r) << path;
    EXPECT_EQ(r->status, status) << path;
    EXPECT_NE(r->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos) << path;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(r->get_header_value("X-Frame-Options"), "DENY") << path;
    EXPECT_EQ(r->get_header_value("Referrer-Policy"), "no-referrer") << path;
  }
}

// A connection to the server on the loopback that has sent `bytes` (the
// start of a request): its socket, or -1.
int ConnectAndSend(int port, std::string_view bytes) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(bytes.size())) {
    ::close(fd);
    return -1;
  }
  return fd;
}

// Slow clients (headers a byte at a time, never finished) must not starve
// the others: 20 of them open, then every normal request answered in 1 s.
TEST(ServeAccess, SlowClientsDoNotStarveTheOthers) {
  testing::TempDir dir("serve-slow");
  auto s = RunningServer::Start(ExampleServeOptions(dir));
  ASSERT_NE(s, nullptr);
  std::vector<int> slow;
  for (int i = 0; i < 20; ++i) {
    const int fd = ConnectAndSend(s->server->port(), "GET /api/stats HTTP/1.1\r\nHo");
    ASSERT_GE(fd, 0);
    slow.push_back(fd);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // every slow one taken by a worker
  for (int i = 0; i < 20; ++i) {
    httplib::Client c("127.0.0.1", s->server->port());
    c.set_connection_timeout(1, 0);
    c.set_read_timeout(1, 0);
    auto t0 = std::chrono::steady_clock::now();
    httplib::Result r = c.Get("/api/stats");
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    ASSERT_TRUE(r) << "request " << i << " not answered within 1 s";
    EXPECT_EQ(r->status, 200);
    EXPECT_LT(ms, 1000) << "request " << i;
  }
  for (int fd : slow) ::close(fd);
}

// A client that sends its request head a byte at a time, for ever, is cut
// off at the header deadline (each byte arrives well within the read
// timeout, so without the deadline it would hold its worker for good); a
// request sent whole on a fresh connection is still answered.
TEST(ServeAccess, AHeadThatNeverEndsIsCutOffAtTheDeadline) {
  testing::TempDir dir("serve-deadline");
  ServeOptions so = ExampleServeOptions(dir);
  so.header_deadline_ms = 1000;
  auto s = RunningServer::Start(so);
  ASSERT_NE(s, nullptr);
  const int fd = ConnectAndSend(s->server->port(), "GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
  ASSERT_GE(fd, 0);
  auto t0 = std::chrono::steady_clock::now();
  bool closed = false;
  double seconds = 0;
  while (!closed && seconds < 8) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 200) > 0) {
      char c;
      closed = ::recv(fd, &c, 1, MSG_DONTWAIT) <= 0;
    }
    if (!closed) closed = ::send(fd, "x", 1, MSG_NOSIGNAL) < 0;
    seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  ::close(fd);
  EXPECT_TRUE(closed) << "the slow connection was still open after " << seconds << " s";
  EXPECT_GE(seconds, 0.9);
  EXPECT_LT(seconds, 4.0);
  httplib::Client c("127.0.0.1", s->server->port());
  httplib::Result r = c.Get("/api/stats");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

// One address may keep only so many connections waiting for their head:
// of 40 slow ones, all but 16 are closed within seconds, long before the
// deadline.
TEST(ServeAccess, SlowConnectionsOfOneAddressAreBounded) {
  testing::TempDir dir("serve-slow-bound");
  ServeOptions so = ExampleServeOptions(dir);
  so.header_deadline_ms = 60000;
  so.slow_connections_per_address = 16;
  auto s = RunningServer::Start(so);
  ASSERT_NE(s, nullptr);
  std::vector<int> slow;
  for (int i = 0; i < 40; ++i) {
    const int fd = ConnectAndSend(s->server->port(), "GET /api/stats HTTP/1.1\r\nHo");
    ASSERT_GE(fd, 0);
    slow.push_back(fd);
  }
  int open = 40;
  for (int round = 0; round < 40 && open > 16; ++round) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    open = 0;
    for (int fd : slow) {
      char c;
      const ssize_t n = ::recv(fd, &c, 1, MSG_DONTWAIT | MSG_PEEK);
      open += n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
    }
  }
  for (int fd : slow) ::close(fd);
  EXPECT_EQ(open, 16);
  httplib::Client c("127.0.0.1", s->server->port());
  httplib::Result r = c.Get("/api/stats");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
}

TEST(ServeCreate, RefusesAMissingDatabase) {
  ServeOptions so;
  so.db_path = (fs::temp_directory_path() / "sitrep-no-such.db").string();
  so.port = 0;
  Result<std::unique_ptr<Server>> s = Server::Create(so);
  EXPECT_EQ(s.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace sitrep
