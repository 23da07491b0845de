// `sitrep serve`: a read-only HTTP JSON API over the database (and the web
// map's static files). docs/api.md lists the endpoints.
#ifndef SITREP_SERVE_SERVER_H_
#define SITREP_SERVE_SERVER_H_

#include <memory>
#include <string>

#include "sitrep/extractor.h"
#include "sitrep/status.h"

namespace sitrep {

struct ServeOptions {
  std::string db_path = "sitrep.db";
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                 // 0: any free port (see Server::port)
  std::string web_root;            // static files served at /, when set
  size_t max_request_bytes = 64 * 1024;
  int timeout_seconds = 10;        // reading a request, writing a response
  int max_page = 1000;             // largest `limit` a request may ask for
  // Names the countries in exports (ExportClaims); none: ISO codes. Not
  // owned; outlives the server.
  const Extractor* extractor = nullptr;
};

class Server {
 public:
  // Checks that the database opens, then binds. NotFound when there is no
  // database; IoError when the address cannot be bound.
  static Result<std::unique_ptr<Server>> Create(const ServeOptions& options);
  ~Server();
  int port() const;  // the bound port
  // Serves until Stop() (from another thread or a signal handler).
  Status Run();
  void Stop();

  struct Impl;

 private:
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace sitrep

#endif  // SITREP_SERVE_SERVER_H_
