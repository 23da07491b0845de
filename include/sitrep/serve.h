// `sitrep serve`: a read-only HTTP JSON API over the database (and the web
// map's static files). docs/api.md lists the endpoints.
#ifndef SITREP_SERVE_H_
#define SITREP_SERVE_H_

#include <memory>
#include <string>
#include <vector>

#include "sitrep/extractor.h"
#include "sitrep/status.h"

namespace sitrep {

struct ServeOptions {
  std::string db_path = "sitrep.db";
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0: any free port (see Server::port)
  std::string web_root;            // static files served at /, when set
  size_t max_request_bytes = 64 * 1024;
  int timeout_seconds = 10;        // each read of a request, each write of a response
  // A connection that has not sent a whole request head this long after it
  // arrived (or after its last response, on keep-alive) is closed
  // (HeaderDeadline): a client sending its headers a byte at a time holds a
  // worker for at most this long. Zero or less: no deadline.
  int header_deadline_ms = 10000;
  // Of the connections from one address that have waited over a second for
  // their request head, at most this many are kept open (the newest).
  int slow_connections_per_address = 16;
  // Connections served at once. Slow clients hold one each until the header
  // deadline, so there are far more than cores: 12 slow clients starved
  // the library's default 8.
  int worker_threads = 64;
  int max_page = 1000;             // largest `limit` a request may ask for
  // Who may read. On a loopback address (127.0.0.0/8, ::1, localhost; decided
  // from the parsed address, not its spelling) only requests whose Host
  // names a loopback address or localhost are answered (DNS rebinding).
  // Elsewhere an access token is required unless insecure_no_auth says
  // otherwise, and `allowed_hosts`, when not empty, lists the Host names
  // (any port) answered. A token, when set, is required on every request
  // in any mode: `Authorization: Bearer TOKEN`, or the cookie set by opening
  // /?token=TOKEN once. At least 16 characters of A-Z a-z 0-9 . _ ~ + / = -.
  std::string access_token;
  bool insecure_no_auth = false;
  std::vector<std::string> allowed_hosts;
  // HTTPS: a PEM certificate (chain) and its private key, both or neither.
  // With them every connection is TLS (OpenSSL, through cpp-httplib) and
  // the token's cookie is marked Secure.
  std::string tls_cert, tls_key;
  // Names the countries in exports (ExportClaims); none: ISO codes. Not
  // owned; outlives the server.
  const Extractor* extractor = nullptr;
};

// True when every address `host` resolves to is a loopback address
// (127.0.0.0/8, ::1 or ::ffff:127.x.y.z): "127.0.0.1", "127.1", "::1",
// "localhost". False for "0.0.0.0", other addresses and names that do not
// resolve.
bool IsLoopbackBindAddress(const std::string& host);

class Server {
 public:
  // Checks that the database opens, then binds. NotFound when there is no
  // database; InvalidArgument for a non-loopback address without a token
  // (and without insecure_no_auth) or a malformed token; IoError when the
  // address cannot be bound.
  static Result<std::unique_ptr<Server>> Create(const ServeOptions& options);
  ~Server();
  int port() const;  // the bound port
  // Serves until Stop() (from another thread or a signal handler).
  Status Run();
  void Stop();

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep

#endif  // SITREP_SERVE_H_
