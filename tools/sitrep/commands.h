// The verbs of the `sitrep` command line; each returns the process exit code.
#ifndef SITREP_TOOLS_COMMANDS_H_
#define SITREP_TOOLS_COMMANDS_H_

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "sitrep/control.h"
#include "sitrep/extractor.h"
#include "sitrep/serve.h"
#include "sitrep/store.h"

namespace sitrep::cli {

// Sets how the process takes memory from the system (tools/sitrep/memory.cc:
// freed heap kept for reuse, huge pages for large blocks); call first.
void TuneAllocator();

struct BenchArgs {
  std::vector<std::string> files;
  double megabytes = 50;
  std::string published = "2024-08-13";
  std::string db;   // set: time filtered queries on this database instead
  int rounds = 20;
  // set: join FILES into one document of each of these sizes (MB) and
  // compare its rate with the per-document rate
  std::vector<double> long_mb;
};
// `extractor`: null with --db.
int RunBench(const BenchArgs& args, const Extractor* extractor);

// `sitrep train attribution`: the attribution tagger from a PolNeAR-format folder.
struct TrainArgs {
  CLI::App* cmd = nullptr;
  std::string train_dir, dev_dir, output;
  int epochs = 14;
  uint32_t seed = 1;
  float cost = 0, pa_max_step = 0, loss_scale = 1, min_weight = 6;
  int ensemble = 1;
  bool crf = false;
  float crf_learning_rate = 0.1f, crf_l2 = 1;
  // sitrep train events
  CLI::App* events = nullptr;
  std::string ipe_file, sentences_file, train_until = "2002-03-10";
  int event_epochs = 10;
};
void AddTrainCommand(CLI::App* app, TrainArgs* args);
int RunTrain(const TrainArgs& args);
int RunTrainEvents(const TrainArgs& args);

struct IngestArgs {
  std::vector<std::string> paths;
  std::string db = "sitrep.db";
  int jobs = 1;
  size_t batch = IngestOptions{}.batch_documents;
  uint64_t max_bytes = kDefaultMaxBytes;
  bool quiet = false;
  bool rebuild_groups = false;
  std::string published, outlet;
};
int RunIngest(const IngestArgs& args, const Extractor& extractor);

// Filters shared by claims, events and export.
struct FilterArgs {
  std::string db = "sitrep.db";
  QueryFilter filter;
  std::string near;
  std::string bbox;
  std::string format = "table";
  std::string output;  // export: file, or - for standard output
};
void AddFilterOptions(CLI::App* cmd, FilterArgs* f, bool paging);
int RunClaims(FilterArgs args, bool events);
// `names`: countries by name (else by ISO code).
int RunExport(FilterArgs args, const Extractor* names);

struct ShowArgs {
  std::string db = "sitrep.db";
  int64_t id = 0;
  bool plain = false;
};
int RunShow(const ShowArgs& args);
int RunStats(const std::string& db);

struct ControlArgs {
  CLI::App *import = nullptr, *show = nullptr, *diff = nullptr, *export_layers = nullptr;
  std::vector<std::string> paths;
  std::string db = "sitrep.db";
  ControlImportOptions options;
  std::string layer, date, format = "table", from, to;
  std::string export_format = "gpkg", output;
};
void AddControlCommands(CLI::App* app, ControlArgs* args);

struct VerifyArgs {
  CLI::App* cmd = nullptr;
  VerifyOptions options;
  bool all = false;
};
void AddVerifyCommand(CLI::App* app, VerifyArgs* args);
int RunVerify(const VerifyArgs& args);
int RunControl(const ControlArgs& args);

struct ServeArgs {
  CLI::App* cmd = nullptr;
  ServeOptions options;
  std::string token_file;  // the access token, read at start (else SITREP_TOKEN)
};
void AddServeCommand(CLI::App* app, ServeArgs* args);
int RunServe(const ServeArgs& args);

// Prints "sitrep: <message>" on stderr.
void Fail(const std::string& message);

}  // namespace sitrep::cli

#endif  // SITREP_TOOLS_COMMANDS_H_
