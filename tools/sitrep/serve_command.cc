// `sitrep serve`: the HTTP API over a database, until Ctrl-C.
#include <csignal>
#include <cstdio>
#include <filesystem>

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
  a->cmd = app->add_subcommand("serve", "Serve the database over HTTP: the web map (docs/web.md) and a read-only JSON API (docs/api.md)");
  ServeOptions& o = a->options;
  a->cmd->add_option("--db", o.db_path, "Database file")->capture_default_str();
  a->cmd->add_option("--host", o.host, "Address to listen on (loopback by default; 0.0.0.0 exposes it)")
      ->capture_default_str();
  a->cmd->add_option("--port", o.port, "Port (0: any free port, printed)")->capture_default_str()->check(CLI::Range(0, 65535));
  a->cmd->add_option("--web", o.web_root,
                     "Folder of the web map's files (default: the one built beside this binary, " SITREP_BUILD_WEB
                     ", else the installed one)");
}

int RunServe(const ServeArgs& args) {
  ServeArgs a = args;
  if (a.options.web_root.empty()) {
    for (const char* dir : {SITREP_BUILD_WEB, SITREP_INSTALLED_WEB}) {
      if (std::filesystem::exists(std::filesystem::path(dir) / "index.html")) {
        a.options.web_root = dir;
        break;
      }
    }
    if (a.options.web_root.empty()) {
      std::fprintf(stderr, "sitrep serve: no web map files at %s or %s (build the 'web' target); serving the API only\n",
                   SITREP_BUILD_WEB, SITREP_INSTALLED_WEB);
    }
  }
  Result<std::unique_ptr<Server>> s = Server::Create(a.options);
  if (!s.ok()) {
    Fail("serve: " + s.status().message());
    return s.status().code() == StatusCode::kInvalidArgument ? 2 : 1;
  }
  g_server = s->get();
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  const std::string base = "http://" + a.options.host + ":" + std::to_string((*s)->port());
  if (a.options.web_root.empty()) {
    std::printf("sitrep serve: API at %s/api/stats (database %s; Ctrl-C stops)\n", base.c_str(),
                a.options.db_path.c_str());
  } else {
    std::printf("sitrep serve: map at %s/ and API at %s/api/stats (database %s; Ctrl-C stops)\n", base.c_str(),
                base.c_str(), a.options.db_path.c_str());
  }
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
