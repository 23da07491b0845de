// `sitrep serve`: the HTTP API over a database, until Ctrl-C.
#include <csignal>
#include <cstdio>

#include "serve/server.h"
#include "tools/sitrep/commands.h"

namespace sitrep::cli {

namespace {

Server* g_server = nullptr;

void OnSignal(int) {
  if (g_server != nullptr) g_server->Stop();
}

}  // namespace

void AddServeCommand(CLI::App* app, ServeArgs* a) {
  a->cmd = app->add_subcommand("serve", "Serve the database over HTTP: a read-only JSON API (docs/api.md)");
  ServeOptions& o = a->options;
  a->cmd->add_option("--db", o.db_path, "Database file")->capture_default_str();
  a->cmd->add_option("--host", o.host, "Address to listen on (loopback by default; 0.0.0.0 exposes it)")
      ->capture_default_str();
  a->cmd->add_option("--port", o.port, "Port (0: any free port, printed)")->capture_default_str()->check(CLI::Range(0, 65535));
  a->cmd->add_option("--web", o.web_root, "Folder of static files to serve at /");
}

int RunServe(const ServeArgs& a) {
  Result<std::unique_ptr<Server>> s = Server::Create(a.options);
  if (!s.ok()) {
    Fail("serve: " + s.status().message());
    return s.status().code() == StatusCode::kInvalidArgument ? 2 : 1;
  }
  g_server = s->get();
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  std::printf("sitrep serve: http://%s:%d/api/stats (database %s; Ctrl-C stops)\n", a.options.host.c_str(),
              (*s)->port(), a.options.db_path.c_str());
  std::fflush(stdout);
  Status r = (*s)->Run();
  g_server = nullptr;
  if (!r.ok()) {
    Fail("serve: " + r.message());
    return 1;
  }
  return 0;
}

}  // namespace sitrep::cli
