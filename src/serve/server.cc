#include "serve/server.h"

#include <httplib.h>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <memory>
#include <ostream>
#include <set>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "serve/header_deadline.h"
#include "sitrep/control.h"
#include "sitrep/json.h"
#include "sitrep/store.h"

namespace sitrep {

namespace {

using nlohmann::ordered_json;

void SendJson(httplib::Response& res, int status, const ordered_json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void SendError(httplib::Response& res, int status, const std::string& message) {
  SendJson(res, status, ordered_json{{"error", message}});
}

int HttpStatus(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kDataError: return 503;  // the database is not usable
    default: return 500;
  }
}

// Query parameters -> QueryFilter; unknown names (other than the
// endpoint's own, `also_known`) and malformed values are the client's error,
// said precisely.
Status ParseFilter(const httplib::Request& req, int max_page, QueryFilter* f, const char* also_known = nullptr) {
  static const std::set<std::string> kKnown = {"status", "speaker", "place", "near", "bbox", "since", "until",
                                               "text", "type", "limit", "offset", "all_versions"};
  for (const auto& [name, value] : req.params) {
    if (!kKnown.count(name) && (also_known == nullptr || name != also_known)) {
      return Status::InvalidArgument("unknown parameter '" + Printable(name, kMessageExcerptBytes) +
                                     "'; known: status, speaker, place, near, bbox, since, until, text, type, "
                                     "limit, offset, all_versions");
    }
  }
  auto get = [&](const char* name) { return req.has_param(name) ? req.get_param_value(name) : std::string(); };
  f->status = get("status");
  f->speaker = get("speaker");
  f->place = get("place");
  f->since = get("since");
  f->until = get("until");
  f->text = get("text");
  f->event_type = get("type");
  f->all_versions = get("all_versions") == "1" || get("all_versions") == "true";
  auto integer = [&](const char* name, int* out, int lo, int hi) -> Status {
    std::string v = get(name);
    if (v.empty()) return Status::Ok();
    char* end = nullptr;
    long n = std::strtol(v.c_str(), &end, 10);
    if (*end != '\0' || n < lo || n > hi) {
      return Status::InvalidArgument(std::string(name) + " must be an integer from " + std::to_string(lo) + " to " +
                                     std::to_string(hi) + ", not '" + Printable(v, kMessageExcerptBytes) + "'");
    }
    *out = static_cast<int>(n);
    return Status::Ok();
  };
  f->limit = 100;
  if (Status s = integer("limit", &f->limit, 1, max_page); !s.ok()) return s;
  if (Status s = integer("offset", &f->offset, 0, 100000000); !s.ok()) return s;
  if (Status s = ParseNear(get("near"), f); !s.ok()) return s;
  if (Status s = ParseBbox(get("bbox"), f); !s.ok()) return s;
  return ValidateFilter(*f);
}

// 127.0.0.0/8, ::1, or 127.x.y.z mapped into IPv6.
bool IsLoopbackSockaddr(const sockaddr* a) {
  if (a->sa_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(a);
    return (ntohl(v4->sin_addr.s_addr) >> 24) == 127;
  }
  if (a->sa_family == AF_INET6) {
    const in6_addr& v6 = reinterpret_cast<const sockaddr_in6*>(a)->sin6_addr;
    if (IN6_IS_ADDR_LOOPBACK(&v6)) return true;
    return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
  }
  return false;
}

// Every address of `host` is a loopback one; `numeric_only` refuses names
// (a Host header is never looked up: that is what DNS rebinding abuses).
bool ResolvesToLoopbackOnly(const std::string& host, bool numeric_only) {
  if (host.empty()) return false;
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = numeric_only ? AI_NUMERICHOST : 0;
  addrinfo* list = nullptr;
  if (getaddrinfo(host.c_str(), nullptr, &hints, &list) != 0) return false;
  bool any = false, all = true;
  for (const addrinfo* a = list; a != nullptr; a = a->ai_next) {
    any = true;
    all = all && IsLoopbackSockaddr(a->ai_addr);
  }
  freeaddrinfo(list);
  return any && all;
}

// A Host header's name, port and brackets dropped, ASCII lower case:
// "LocalHost:8080" -> "localhost", "[::1]:80" -> "::1".
std::string HostName(const std::string& host) {
  std::string name = host;
  if (!name.empty() && name[0] == '[') {
    size_t close = name.find(']');
    name = close == std::string::npos ? std::string() : name.substr(1, close - 1);
  } else if (name.find(':') == name.rfind(':') && name.find(':') != std::string::npos) {
    name = name.substr(0, name.find(':'));  // one colon: name:port (a bare IPv6 has more)
  }
  for (char& ch : name) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');  // host names: ASCII
  }
  return name;
}

// "127.0.0.1:8080", "127.1", "localhost", "[::1]:8080" (a Host header) -> true.
bool IsLoopbackHost(const std::string& host) {
  const std::string name = HostName(host);
  return name == "localhost" || ResolvesToLoopbackOnly(name, /*numeric_only=*/true);
}

// Equal, in a time that does not depend on where they differ.
bool ConstantTimeEquals(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  const std::string& longer = a.size() >= b.size() ? a : b;
  for (size_t i = 0; i < longer.size(); ++i) {
    unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff |= static_cast<unsigned char>(x ^ y);
  }
  return diff == 0;
}

constexpr char kTokenCookie[] = "sitrep_token";

// The token a request carries: `Authorization: Bearer T`, else the cookie.
std::string RequestToken(const httplib::Request& req) {
  const std::string auth = req.get_header_value("Authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (auth.size() > kBearer.size() && auth.compare(0, kBearer.size(), kBearer) == 0) return auth.substr(kBearer.size());
  const std::string cookies = req.get_header_value("Cookie");
  size_t at = 0;
  while (at < cookies.size()) {
    size_t end = cookies.find(';', at);
    if (end == std::string::npos) end = cookies.size();
    std::string_view c(cookies.data() + at, end - at);
    while (!c.empty() && c.front() == ' ') c.remove_prefix(1);
    const std::string_view name = kTokenCookie;
    if (c.size() > name.size() && c.substr(0, name.size()) == name && c[name.size()] == '=') {
      return std::string(c.substr(name.size() + 1));
    }
    at = end + 1;
  }
  return "";
}

Status ValidateToken(const std::string& token) {
  if (token.size() < 16) return Status::InvalidArgument("the access token must be at least 16 characters");
  for (char ch : token) {
    const bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
                    std::string_view("._~+/=-").find(ch) != std::string_view::npos;
    if (!ok) return Status::InvalidArgument("the access token may hold only A-Z a-z 0-9 . _ ~ + / = -");
  }
  return Status::Ok();
}

// An ostream onto a chunked HTTP response, in 64 KiB chunks; goes bad when
// the client has gone, so that an export stops.
class ChunkBuffer : public std::streambuf {
 public:
  explicit ChunkBuffer(httplib::DataSink& sink) : sink_(sink), buffer_(64 * 1024) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  ~ChunkBuffer() override { sync(); }

 protected:
  int overflow(int ch) override {
    if (sync() != 0) return traits_type::eof();
    if (ch != traits_type::eof()) sputc(static_cast<char>(ch));
    return traits_type::not_eof(ch);
  }
  int sync() override {
    size_t n = static_cast<size_t>(pptr() - pbase());
    if (n == 0) return 0;
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return sink_.write(buffer_.data(), n) ? 0 : -1;
  }

 private:
  httplib::DataSink& sink_;
  std::vector<char> buffer_;
};

// A control layer's map: what /api/control puts in a feature's properties
// and /api/layers lists.
ordered_json LayerJson(const ControlLayerSummary& l) {
  return ordered_json{{"layer", l.layer},
                      {"date", l.date},
                      {"holder", l.holder},
                      {"features", l.features},
                      {"area_km2", l.area_km2},
                      {"area_sq_mi", l.area_km2 * kSquareMilesPerKm2},
                      {"boundary_km", l.perimeter_km}};
}

ordered_json StatsJson(const DatabaseStats& s) {
  return ordered_json{{"documents", s.documents},
                      {"latest_documents", s.latest_documents},
                      {"outlets", s.outlets},
                      {"claims", s.claims},
                      {"events", s.events},
                      {"places", s.places},
                      {"claim_groups", s.groups},
                      {"corroborated_groups", s.corroborated_groups},
                      {"contradictions", s.contradictions},
                      {"ingest_problems", s.problems},
                      {"first_date", s.first_date ? ordered_json(*s.first_date) : ordered_json()},
                      {"last_date", s.last_date ? ordered_json(*s.last_date) : ordered_json()}};
}

}  // namespace

struct Server::Impl {
  explicit Impl(std::unique_ptr<httplib::Server> s) : server(std::move(s)), http(*server) {}
  ServeOptions options;
  std::unique_ptr<httplib::Server> server;  // an httplib::SSLServer with a certificate
  httplib::Server& http;
  int port = 0;
  int listen_socket = -1;  // seen by the socket-options hook, before bind
  bool loopback = true;  // the bind address, parsed
  HeaderDeadline header_deadline;

  // Who may read (ServeOptions): the Host, then the token. Returns true
  // when the request was answered here (refused, or the token's cookie set).
  bool Refused(const httplib::Request& req, httplib::Response& res) const {
    const std::string host = req.get_header_value("Host");
    if (loopback) {
      // On the loopback, only a page loaded from the loopback may call: a
      // web site whose name is made to resolve to 127.0.0.1 (DNS rebinding)
      // would otherwise read the database through the visitor's browser.
      // (Browsers always send Host; a bare HTTP/1.0 client may not.)
      if (!host.empty() && !IsLoopbackHost(host)) {
        SendError(res, 403, "this server answers requests for 127.0.0.1 or localhost only");
        return true;
      }
    } else if (!options.allowed_hosts.empty()) {
      const std::string name = HostName(host);
      bool allowed = false;
      for (const std::string& a : options.allowed_hosts) allowed = allowed || HostName(a) == name;
      if (!allowed) {
        SendError(res, 403, "this server does not answer for the host name '" + Printable(name, kMessageExcerptBytes) +
                                "' (sitrep serve --allow-host lists the names)");
        return true;
      }
    }
    if (options.access_token.empty()) return false;
    // Opening /?token=T once keeps the token in a cookie (HttpOnly, for this
    // site only) and goes on to the page without the token in its address.
    if (req.path == "/" && req.has_param("token")) {
      if (!ConstantTimeEquals(req.get_param_value("token"), options.access_token)) {
        SendError(res, 401, "wrong access token");
        return true;
      }
      res.set_header("Set-Cookie", std::string(kTokenCookie) + "=" + options.access_token +
                                       "; Path=/; HttpOnly; SameSite=Strict" +
                                       (options.tls_cert.empty() ? "" : "; Secure"));
      res.set_redirect("/", 303);
      return true;
    }
    if (ConstantTimeEquals(RequestToken(req), options.access_token)) return false;
    res.set_header("WWW-Authenticate", "Bearer");
    SendError(res, 401,
              "this server needs its access token: open /?token=TOKEN once in the browser, or send "
              "'Authorization: Bearer TOKEN'");
    return true;
  }

  // One handler per endpoint (docs/api.md), registered by Routes().
  using Method = void (Impl::*)(const httplib::Request&, httplib::Response&);
  httplib::Server::Handler Handler(Method m) {
    return [this, m](const httplib::Request& req, httplib::Response& res) { (this->*m)(req, res); };
  }

  // /api/claims and /api/events: a page of claims, or of events only.
  void Claims(const httplib::Request& req, httplib::Response& res, bool events) {
    QueryFilter f;
    if (Status s = ParseFilter(req, options.max_page, &f); !s.ok()) return SendError(res, 400, s.message());
    f.events_only = events;
    Result<Database> db = Database::Open(options.db_path);
    if (!db.ok()) return SendError(res, HttpStatus(db.status()), db.status().message());
    Result<std::vector<ClaimRecord>> rows = db->Claims(f);
    if (!rows.ok()) return SendError(res, HttpStatus(rows.status()), rows.status().message());
    ordered_json list = ordered_json::array();
    for (const ClaimRecord& c : *rows) list.push_back(ToJson(c));
    SendJson(res, 200,
             ordered_json{{"limit", f.limit}, {"offset", f.offset}, {"count", rows->size()},
                          {events ? "events" : "claims", list}});
  }

  void Stats(const httplib::Request&, httplib::Response& res) {
    Result<Database> db = Database::Open(options.db_path);
    if (!db.ok()) return SendError(res, HttpStatus(db.status()), db.status().message());
    Result<DatabaseStats> s = db->Stats();
    if (!s.ok()) return SendError(res, HttpStatus(s.status()), s.status().message());
    SendJson(res, 200, StatsJson(*s));
  }

  // Compact event points for the map: up to 50,000 a request.
  void Points(const httplib::Request& req, httplib::Response& res) {
    QueryFilter f;
    if (Status s = ParseFilter(req, 50000, &f); !s.ok()) return SendError(res, 400, s.message());
    if (!req.has_param("limit")) f.limit = 10000;
    Result<Database> db = Database::Open(options.db_path);
    if (!db.ok()) return SendError(res, HttpStatus(db.status()), db.status().message());
    Result<std::vector<Database::EventPoint>> points = db->EventPoints(f);
    if (!points.ok()) return SendError(res, HttpStatus(points.status()), points.status().message());
    // Written directly: a tree of 10,000 JSON arrays took longer to build
    // than the query. Coordinates to 5 decimals (about a metre).
    std::string body =
        R"({"columns":["id","document_id","lat","lon","place","place_kind","date","event_type","sub_event_type",)"
        R"("status","corroboration","map_check","confidence"],"count":)" +
        std::to_string(points->size()) + R"(,"points":[)";
    body.reserve(body.size() + points->size() * 120);
    auto text = [&body](const std::string& s) {
      body += nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    char number[96];
    for (size_t i = 0; i < points->size(); ++i) {
      const Database::EventPoint& p = (*points)[i];
      std::snprintf(number, sizeof number, "%s[%lld,%lld,%.5f,%.5f,", i ? "," : "", static_cast<long long>(p.id),
                    static_cast<long long>(p.document_id), p.lat, p.lon);
      body += number;
      for (const std::string* s : {&p.place, &p.place_kind, &p.date, &p.event_type, &p.sub_event_type, &p.status}) {
        text(*s);
        body += ',';
      }
      body += std::to_string(p.corroboration) + ',';
      text(p.map_check);
      if (p.confidence) {
        std::snprintf(number, sizeof number, ",%.3f]", *p.confidence);
        body += number;
      } else {
        body += ",null]";
      }
    }
    body += "]}";
    res.status = 200;
    res.set_content(body, "application/json");
  }

  void Timeline(const httplib::Request& req, httplib::Response& res) {
    QueryFilter f;
    if (Status s = ParseFilter(req, options.max_page, &f); !s.ok()) return SendError(res, 400, s.message());
    Result<Database> db = Database::Open(options.db_path);
    if (!db.ok()) return SendError(res, HttpStatus(db.status()), db.status().message());
    Result<std::vector<Database::DayCount>> days = db->Timeline(f);
    if (!days.ok()) return SendError(res, HttpStatus(days.status()), days.status().message());
    ordered_json rows = ordered_json::array();
    for (const Database::DayCount& d : *days)
      rows.push_back({{"date", d.date}, {"event_type", d.event_type}, {"count", d.count}});
    SendJson(res, 200, ordered_json{{"days", rows}});
  }

  void DocumentById(const httplib::Request& req, httplib::Response& res) {
    const std::string id_text = req.matches[1];
    char* end = nullptr;
    long long id = std::strtoll(id_text.c_str(), &end, 10);
    if (id_text.empty() || *end != '\0' || id <= 0) {
      return SendError(
          res, 400, "document id must be a positive integer, not '" + Printable(id_text, kMessageExcerptBytes) + "'");
    }
    Result<Database> db = Database::Open(options.db_path);
    if (!db.ok()) return SendError(res, HttpStatus(db.status()), db.status().message());
    Result<DocumentRecord> d = db->Document(id);
    if (!d.ok()) return SendError(res, HttpStatus(d.status()), d.status().message());
    ordered_json claims_json = ordered_json::array();
    for (const ClaimRecord& c : d->claims) claims_json.push_back(ToJson(c));
    ordered_json near = ordered_json::array();
    for (const auto& [other, sim] : d->near_duplicates) near.push_back({{"document_id", other}, {"similarity", sim}});
    SendJson(
        res, 200,
        ordered_json{{"id", d->id},
                     {"title", d->title},
                     {"outlet", d->outlet},
                     {"url", d->url},
                     {"published", d->published ? ordered_json(*d->published) : ordered_json()},
                     {"language", d->language},
                     {"forwarded_from", d->forwarded_from.empty() ? ordered_json() : ordered_json(d->forwarded_from)},
                     {"reply_to", d->reply_to.empty() ? ordered_json() : ordered_json(d->reply_to)},
                     {"format", d->format},
                     {"version", d->version},
                     {"is_latest", d->is_latest},
                     {"near_duplicates", near},
                     {"warnings", d->warnings},
                     {"raw", d->raw},
                     {"claims", claims_json}});
  }

  void Control(const httplib::Request& req, httplib::Response& res) {
    for (const auto& [name, value] : req.params) {
      if (name != "date" && name != "layer")
        return SendError(res, 400,
                         "unknown parameter '" + Printable(name, kMessageExcerptBytes) + "'; known: date, layer");
    }
    if (!req.has_param("date")) return SendError(res, 400, "date=YYYY-MM-DD is required");
    Result<Database> db = Database::Open(options.db_path);
    if (!db.ok()) return SendError(res, HttpStatus(db.status()), db.status().message());
    Result<std::vector<ControlLayerShape>> layers =
        ControlLayersOn(*db, req.get_param_value("date"), req.has_param("layer") ? req.get_param_value("layer") : "");
    if (!layers.ok()) return SendError(res, HttpStatus(layers.status()), layers.status().message());
    // A FeatureCollection, one MultiPolygon a layer.
    std::string body = "{\"type\":\"FeatureCollection\",\"features\":[";
    for (size_t i = 0; i < layers->size(); ++i) {
      const ControlLayerShape& l = (*layers)[i];
      body += std::string(i ? "," : "") + "{\"type\":\"Feature\",\"properties\":" + LayerJson(l.summary).dump() +
              ",\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":" + l.coordinates + "}}";
    }
    body += "]}";
    res.status = 200;
    res.set_content(body, "application/geo+json");
  }

  // The claims a filter selects, as a file: the command line's export
  // formats, streamed (a whole corpus is not held in memory).
  void Export(const httplib::Request& req, httplib::Response& res) {
    static const std::map<std::string, std::pair<ExportFormat, const char*>> kFormats = {
        {"acled-csv", {ExportFormat::kAcledCsv, "text/csv; charset=utf-8"}},
        {"geojson", {ExportFormat::kGeoJson, "application/geo+json"}},
        {"jsonl", {ExportFormat::kJsonLines, "application/x-ndjson"}},
        {"gpkg", {ExportFormat::kGeoPackage, "application/geopackage+sqlite3"}},
        {"fgb", {ExportFormat::kFlatGeobuf, "application/flatgeobuf"}},
        {"shp", {ExportFormat::kShapefile, "application/zip"}}};
    const std::string name = req.has_param("format") ? req.get_param_value("format") : "";
    auto format = kFormats.find(name);
    if (format == kFormats.end()) {
      return SendError(res, 400, "format must be acled-csv, geojson, jsonl, gpkg, fgb or shp");
    }
    QueryFilter f;
    if (Status s = ParseFilter(req, 1000000, &f, "format"); !s.ok()) return SendError(res, 400, s.message());
    if (!req.has_param("limit")) f.limit = 0;  // all
    // Opened here, so that a database that cannot be read is still an
    // error status; the body is written after this handler returns.
    Result<Database> opened = Database::Open(options.db_path);
    if (!opened.ok()) return SendError(res, HttpStatus(opened.status()), opened.status().message());
    auto db = std::make_shared<Database>(std::move(opened).value());
    // A malformed text query is found only when the query runs, which for
    // the stream is after the 200: ask for one claim first, so that it is
    // a 400 with its reason rather than an empty file.
    if (!f.text.empty()) {
      QueryFilter probe;
      probe.text = f.text;
      probe.limit = 1;
      Result<std::vector<ClaimRecord>> checked = db->Claims(probe);
      if (!checked.ok()) return SendError(res, HttpStatus(checked.status()), checked.status().message());
    }
    const std::string extension = name == "acled-csv" ? "csv" : name == "shp" ? "shp.zip" : name;
    const ExportFormat type = format->second.first;
    const Extractor* names = options.extractor;
    if (IsGisFormat(type)) {
      // GDAL writes a whole file (a GeoPackage is a database): built in
      // memory, then sent, so that a failure is still an error status.
      std::ostringstream file;
      Result<ExportSummary> r = ExportClaims(*db, f, type, file, names);
      if (!r.ok()) return SendError(res, HttpStatus(r.status()), r.status().message());
      res.status = 200;
      res.set_header("Content-Disposition", "attachment; filename=\"sitrep-export." + extension + "\"");
      res.set_content(file.str(), format->second.second);
      return;
    }
    res.set_header("Content-Disposition", "attachment; filename=\"sitrep-export." + extension + "\"");
    res.set_chunked_content_provider(format->second.second, [db, f, type, names](size_t, httplib::DataSink& sink) {
      ChunkBuffer buffer(sink);
      std::ostream out(&buffer);
      Result<ExportSummary> r = ExportClaims(*db, f, type, out, names);
      out.flush();
      if (!r.ok()) std::fprintf(stderr, "sitrep serve: export stopped: %s\n", r.status().message().c_str());
      sink.done();
      return true;
    });
  }

  // The stored control layers as a GIS file (`sitrep control export`).
  void LayersExport(const httplib::Request& req, httplib::Response& res) {
    for (const auto& [name, value] : req.params) {
      if (name != "layer" && name != "format") {
        return SendError(res, 400,
                         "unknown parameter '" + Printable(name, kMessageExcerptBytes) + "'; known: format, layer");
      }
    }
    const std::string name = req.has_param("format") ? req.get_param_value("format") : "";
    std::optional<ControlExportFormat> format = ParseControlExportFormat(name);
    if (!format) return SendError(res, 400, "format must be gpkg or geojson");
    Result<Database> db = Database::Open(options.db_path);
    if (!db.ok()) return SendError(res, HttpStatus(db.status()), db.status().message());
    std::ostringstream file;
    Result<int> r =
        ExportControl(*db, req.has_param("layer") ? req.get_param_value("layer") : "", "", *format, file);
    if (!r.ok()) return SendError(res, HttpStatus(r.status()), r.status().message());
    res.status = 200;
    res.set_header("Content-Disposition", "attachment; filename=\"sitrep-control." + name + "\"");
    res.set_content(file.str(), *format == ControlExportFormat::kGeoJson ? "application/geo+json"
                                                                          : "application/geopackage+sqlite3");
  }

  // Every stored layer and date (the page's date slider marks them).
  void Layers(const httplib::Request& req, httplib::Response& res) {
    for (const auto& [name, value] : req.params) {
      if (name != "layer")
        return SendError(res, 400, "unknown parameter '" + Printable(name, kMessageExcerptBytes) + "'; known: layer");
    }
    Result<Database> db = Database::Open(options.db_path);
    if (!db.ok()) return SendError(res, HttpStatus(db.status()), db.status().message());
    Result<std::vector<ControlLayerSummary>> layers =
        ListControlLayers(*db, req.has_param("layer") ? req.get_param_value("layer") : "", "");
    if (!layers.ok()) return SendError(res, HttpStatus(layers.status()), layers.status().message());
    ordered_json rows = ordered_json::array();
    for (const ControlLayerSummary& l : *layers) {
      ordered_json row = LayerJson(l);
      row["source"] = l.source;
      rows.push_back(std::move(row));
    }
    SendJson(res, 200, ordered_json{{"layers", rows}});
  }

  void Routes() {
    http.set_payload_max_length(options.max_request_bytes);
    // Debian's cpp-httplib compresses with Brotli whenever the client
    // accepts it, at Brotli's slowest setting: 3 s for the 1 MB of 10,000
    // map points that take 0.11 s plain (measured with curl). Compression
    // buys nothing on the loopback, so it is off there; elsewhere gzip only.
    // (The Request is the server's own non-const object, handed to this
    // hook as const.)
    // On every response: the page runs only its own scripts and styles
    // (served from here), is never framed, leaks no address, and its
    // files are taken for what their type says.
    http.set_default_headers({{"Content-Security-Policy",
                               "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                               "frame-ancestors 'none'"},
                              {"X-Content-Type-Options", "nosniff"},
                              {"X-Frame-Options", "DENY"},
                              {"Referrer-Policy", "no-referrer"}});
    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      header_deadline.HeadRead(req.remote_addr, req.remote_port);
      if (Refused(req, res)) return httplib::Server::HandlerResponse::Handled;
      auto& headers = const_cast<httplib::Request&>(req).headers;
      auto [begin, end] = headers.equal_range("Accept-Encoding");
      bool gzip = false;
      for (auto it = begin; it != end; ++it) gzip = gzip || it->second.find("gzip") != std::string::npos;
      headers.erase(begin, end);
      if (gzip && !this->loopback) headers.emplace("Accept-Encoding", "gzip");
      return httplib::Server::HandlerResponse::Unhandled;
    });
    // Called once a response is written: the connection waits for the next
    // request head from here.
    http.set_logger([this](const httplib::Request& req, const httplib::Response&) {
      header_deadline.ResponseSent(req.remote_addr, req.remote_port);
    });
    http.new_task_queue = [n = options.worker_threads] { return new httplib::ThreadPool(static_cast<size_t>(n)); };
    http.set_read_timeout(options.timeout_seconds, 0);
    http.set_write_timeout(options.timeout_seconds, 0);
    http.Get("/api/stats", Handler(&Impl::Stats));
    http.Get("/api/claims", [this](const httplib::Request& req, httplib::Response& res) { Claims(req, res, false); });
    http.Get("/api/points", Handler(&Impl::Points));
    http.Get("/api/timeline", Handler(&Impl::Timeline));
    http.Get("/api/events", [this](const httplib::Request& req, httplib::Response& res) { Claims(req, res, true); });
    http.Get(R"(/api/documents/([^/]+))", Handler(&Impl::DocumentById));
    http.Get("/api/control", Handler(&Impl::Control));
    http.Get("/api/export", Handler(&Impl::Export));
    http.Get("/api/layers/export", Handler(&Impl::LayersExport));
    http.Get("/api/layers", Handler(&Impl::Layers));
    // Read-only: anything but GET under /api is refused as such.
    auto refuse = [](const httplib::Request&, httplib::Response& res) {
      SendError(res, 405, "the API is read-only: GET only");
    };
    http.Post(R"(/api/.*)", refuse);
    http.Put(R"(/api/.*)", refuse);
    http.Delete(R"(/api/.*)", refuse);
    http.Patch(R"(/api/.*)", refuse);
    // A handler that throws is a bug: said on stderr, a plain 500 to the
    // client (cpp-httplib would otherwise put the exception's text in a
    // response header).
    http.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
      std::string what = "unknown exception";
      try {
        std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
      }
      std::fprintf(stderr, "sitrep serve: internal error on %s: %s\n",
                   Printable(req.path, kMessageExcerptBytes).c_str(), Printable(what, kMessageExcerptBytes).c_str());
      SendError(res, 500, "internal error");
    });
    http.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;  // a handler's own error, already said
      if (res.status == 404 && req.path.rfind("/api/", 0) == 0) {
        SendError(res, 404, "no such endpoint: " + req.path + " (see docs/api.md)");
      } else if (res.status == 413) {
        SendError(res, 413, "request too large");
      }
    });
    if (!options.web_root.empty()) http.set_mount_point("/", options.web_root);
  }
};

bool IsLoopbackBindAddress(const std::string& host) { return ResolvesToLoopbackOnly(host, /*numeric_only=*/false); }

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Server::~Server() = default;

Result<std::unique_ptr<Server>> Server::Create(const ServeOptions& options) {
  if (Result<Database> db = Database::Open(options.db_path); !db.ok()) return db.status();
  if (!options.web_root.empty() && !std::filesystem::is_directory(options.web_root)) {
    return Status::NotFound("no web assets at " + options.web_root);
  }
  if (options.port < 0 || options.port > 65535) return Status::InvalidArgument("--port must be 0..65535");
  if (options.worker_threads < 1) return Status::InvalidArgument("worker_threads must be at least 1");
  if (options.tls_cert.empty() != options.tls_key.empty()) {
    return Status::InvalidArgument("HTTPS needs both a certificate and its key (--tls-cert and --tls-key)");
  }
  std::unique_ptr<httplib::Server> http;
  if (!options.tls_cert.empty()) {
    for (const std::string* f : {&options.tls_cert, &options.tls_key}) {
      if (!std::ifstream(*f)) return Status::NotFound("cannot read " + *f);
    }
    auto tls = std::make_unique<httplib::SSLServer>(options.tls_cert.c_str(), options.tls_key.c_str());
    if (!tls->is_valid()) {
      return Status::InvalidArgument("cannot use " + options.tls_cert + " and " + options.tls_key +
                                     " for HTTPS: not a PEM certificate and its matching private key");
    }
    http = std::move(tls);
  } else {
    http = std::make_unique<httplib::Server>();
  }
  auto impl = std::make_unique<Impl>(std::move(http));
  impl->options = options;
  impl->loopback = IsLoopbackBindAddress(options.host);
  if (!options.access_token.empty()) {
    if (Status s = ValidateToken(options.access_token); !s.ok()) return s;
  } else if (!impl->loopback && !options.insecure_no_auth) {
    return Status::InvalidArgument(
        options.host + " is not a loopback address: anyone who can reach it would read every document. Give an "
                       "access token (--token-file FILE or SITREP_TOKEN), or --insecure-no-auth to serve without one");
  }
  impl->Routes();
  // cpp-httplib (Debian's 0.11) listens with a backlog of 5: a burst of 200
  // connections overflows it, and the dropped ones wait for the client's
  // SYN retry (1 s; measured by scripts/load-test). The hook sees the
  // listening socket before bind, so that it can listen again with the
  // system's maximum after; and it reuses the address only, not the port.
  Impl* raw = impl.get();
  impl->http.set_socket_options([raw](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    raw->listen_socket = sock;
  });
  if (options.port == 0) {
    impl->port = impl->http.bind_to_any_port(options.host);
  } else {
    impl->port = impl->http.bind_to_port(options.host, options.port) ? options.port : -1;
  }
  if (impl->port > 0 && impl->listen_socket >= 0) (void)::listen(impl->listen_socket, SOMAXCONN);
  if (impl->port <= 0) {
    return Status::IoError("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                           " (in use, or not an address of this machine)");
  }
  impl->header_deadline.Start(impl->port, std::chrono::milliseconds(options.header_deadline_ms),
                              options.slow_connections_per_address);
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

int Server::port() const { return impl_->port; }

Status Server::Run() {
  if (!impl_->http.listen_after_bind()) return Status::IoError("the server stopped with an error");
  return Status::Ok();
}

void Server::Stop() { impl_->http.stop(); }

}  // namespace sitrep
