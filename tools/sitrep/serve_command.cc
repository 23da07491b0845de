// `sitrep serve`: the HTTP API over a database, until Ctrl-C.
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sitrep/serve.h"
#include "tools/sitrep/commands.h"

namespace sitrep::cli {

namespace {

Server* g_server = nullptr;

void OnSignal(int) {
  if (g_server != nullptr) g_server->Stop();
}

}  // namespace

void AddServeCommand(CLI::App* app, ServeArgs* a) {
  a->cmd = app->add_subcommand(
      "serve", "Serve the database over HTTP: the web map (docs/web.md) and a read-only JSON API (docs/api.md)");
  ServeOptions& o = a->options;
  a->cmd->add_option("--db", o.db_path, "Database: a SQLite file or a postgresql:// URI")->capture_default_str();
  a->cmd->add_option("--host", o.host,
                     "Address to listen on. A loopback address (127.x.y.z, ::1, localhost) answers only requests "
                     "whose Host names the loopback; any other (0.0.0.0: every interface) needs an access token")
      ->capture_default_str();
  a->cmd->add_option("--port", o.port, "Port (0: any free port, printed)")
      ->capture_default_str()
      ->check(CLI::Range(0, 65535));
  a->cmd->add_option("--web", o.web_root,
                     "Folder of the web map's files (default: the one built beside this binary, " SITREP_BUILD_WEB
                     ", else the installed one)");
  a->cmd->add_option("--token-file", a->token_file,
                     "File holding the access token (16+ characters of A-Z a-z 0-9 . _ ~ + / = -); else the "
                     "SITREP_TOKEN environment variable. When set, every request needs it: "
                     "'Authorization: Bearer TOKEN', or open /?token=TOKEN once in the browser (it sets a cookie)");
  a->cmd->add_flag("--insecure-no-auth", o.insecure_no_auth,
                   "Serve a non-loopback address without a token: anyone who can reach the port reads every "
                   "document and the whole corpus (a warning is printed)");
  a->cmd->add_option("--allow-host", o.allowed_hosts,
                     "Off the loopback, a Host name this server answers for (repeatable; any port); "
                     "without one, any name");
  a->cmd->add_option("--tls-cert", o.tls_cert,
                     "PEM certificate (chain) for HTTPS; with --tls-key every connection is TLS")
      ->check(CLI::ExistingFile);
  a->cmd->add_option("--tls-key", o.tls_key, "PEM private key of --tls-cert")->check(CLI::ExistingFile);
}

int RunServe(const ServeArgs& args) {
  ServeArgs a = args;
  if (!a.token_file.empty()) {
    std::ifstream in(a.token_file, std::ios::binary);
    if (!in) {
      Fail("serve: cannot read the token file " + a.token_file);
      return 2;
    }
    std::ostringstream text;
    text << in.rdbuf();
    a.options.access_token = text.str();
    while (!a.options.access_token.empty() && std::string_view(" \t\r\n").find(a.options.access_token.back()) !=
                                                  std::string_view::npos) {
      a.options.access_token.pop_back();  // the file's final newline
    }
    if (a.options.access_token.empty()) {
      Fail("serve: the token file " + a.token_file + " is empty");
      return 2;
    }
  } else if (const char* env = std::getenv("SITREP_TOKEN"); env != nullptr && *env != '\0') {
    a.options.access_token = env;
  }
  if (a.options.web_root.empty()) {
    for (const char* dir : {SITREP_BUILD_WEB, SITREP_INSTALLED_WEB}) {
      if (std::filesystem::exists(std::filesystem::path(dir) / "index.html")) {
        a.options.web_root = dir;
        break;
      }
    }
    if (a.options.web_root.empty()) {
      std::fprintf(stderr,
                   "sitrep serve: no web map files at %s or %s (build the 'web' target); serving the API only\n",
                   SITREP_BUILD_WEB, SITREP_INSTALLED_WEB);
    }
  }
  Result<std::unique_ptr<Server>> s = Server::Create(a.options);
  if (!s.ok()) {
    Fail("serve: " + s.status().message());
    return s.status().code() == StatusCode::kInvalidArgument ? 2 : 1;
  }
  const bool loopback = IsLoopbackBindAddress(a.options.host);
  if (!loopback && a.options.access_token.empty()) {
    std::fprintf(stderr,
                 "sitrep serve: WARNING: %s is not a loopback address and --insecure-no-auth is given: anyone who "
                 "can reach port %d reads every document, the whole corpus (/api/export) and the paths the maps "
                 "were imported from\n",
                 a.options.host.c_str(), (*s)->port());
  }
  g_server = s->get();
  std::signal(SIGINT, OnSignal);
  std::signal(SIGTERM, OnSignal);
  const bool v6 = a.options.host.find(':') != std::string::npos;
  const std::string base = (a.options.tls_cert.empty() ? "http://" : "https://") +
                           (v6 ? "[" + a.options.host + "]" : a.options.host) + ":" + std::to_string((*s)->port());
  if (a.options.web_root.empty()) {
    std::printf("sitrep serve: API at %s/api/stats (database %s; Ctrl-C stops)\n", base.c_str(),
                DisplayDatabaseName(a.options.db_path).c_str());
  } else {
    std::printf("sitrep serve: map at %s/ and API at %s/api/stats (database %s; Ctrl-C stops)\n", base.c_str(),
                base.c_str(), DisplayDatabaseName(a.options.db_path).c_str());
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
