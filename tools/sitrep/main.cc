// sitrep: the command line. Thin: parses flags, calls libsitrep, prints.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <optional>
#include <thread>
#include <iostream>

#include "sitrep/eval.h"
#include "sitrep/printable.h"
#include "sitrep/sitrep.h"
#include "tools/sitrep/commands.h"

namespace sitrep::cli {

// Messages quote input (file names, parameters, records): its control
// characters are escaped, so that a file name cannot drive the terminal.
void Fail(const std::string& message) {
  std::cerr << "sitrep: " << Printable(message, std::string_view::npos, /*one_line=*/false) << "\n";
}

namespace {

struct ExtractArgs {
  std::string file;
  std::string published;
  std::string outlet;
  std::string language;
  std::string format = "json";
  std::string input_format = "auto";
  bool compact = false;
  uint64_t max_bytes = kDefaultMaxBytes;
  std::optional<size_t> window_bytes;
};

int RunExtract(const ExtractArgs& args, const Extractor& extractor) {
  LoadOptions lo;
  lo.published = args.published;
  lo.outlet = args.outlet;
  lo.language = args.language;
  lo.format = args.input_format;
  lo.max_bytes = args.max_bytes;
  // The extraction reads the decoded text, never the input bytes (a long
  // document's are as big as its text).
  lo.keep_raw = false;
  ExtractOptions xo;
  if (args.window_bytes) xo.window_bytes = *args.window_bytes;
  // JSON of a plain-text file: read window by window as it is extracted and
  // written, never held whole (docs/performance.md); the same output.
  std::unique_ptr<DocumentStream> stream = args.format == "text" ? nullptr : DocumentStream::Open(args.file, lo);
  Result<Document> doc = Document{};
  if (stream == nullptr) {
    Result<std::string> bytes = ReadInput(args.file, args.max_bytes);
    if (!bytes.ok()) {
      Fail(bytes.status().message());
      return 1;
    }
    doc = LoadDocument(std::move(bytes).value(), lo);
    if (!doc.ok()) {
      Fail(args.file + ": " + doc.status().message());
      return 1;
    }
  }
  if (args.format == "text") {
    Result<Extraction> x = extractor.Extract(*doc, xo);
    if (!x.ok()) {
      Fail(args.file + ": " + x.status().message());
      return 1;
    }
    std::cout << ToText(*x);
    return std::cout.good() ? 0 : 1;
  }
  // JSON: written window by window, never held whole (docs/performance.md).
  std::cout.flush();
  ExtractionJsonStream out(stdout, args.compact ? -1 : 1);
  auto write = [&](Extraction& x) { out.Window(x); };
  Result<Extraction> rest = stream != nullptr ? extractor.ExtractWindows(*stream, xo, write)
                                              : extractor.ExtractWindows(*doc, xo, write);
  if (!rest.ok()) {
    Fail(args.file + ": " + rest.status().message());
    return 1;
  }
  return out.Finish(*rest) && std::fputs("\n", stdout) >= 0 && std::fflush(stdout) == 0 ? 0 : 1;
}

struct EvalArgs {
  std::vector<std::string> gold_files;
  bool quiet = false;
  std::string event_sentences;
  double min_precision = 0, min_recall = 0;
  // Gold files: fail when the share of claims with the right speaker and
  // status, of quantities, or of dates is below these (0-1).
  double min_claims = 0, min_quantities = 0, min_dates = 0;
};

// `sitrep eval --events FILE.tsv`: our labelled sentences (sentence, ACLED
// type or none) through the pipeline; precision and recall of "is an event".
int RunEvalEvents(const EvalArgs& args) {
  Result<std::vector<LabelledSentence>> sentences = ReadLabelledSentences(args.event_sentences);
  if (!sentences.ok()) {
    Fail("eval: " + sentences.status().message());
    return 1;
  }
  Result<SentenceScore> s = ScoreEventSentences(*sentences, ExtractOptions().event_threshold);
  if (!s.ok()) {
    Fail("eval: " + args.event_sentences + ": " + s.status().message());
    return 1;
  }
  if (!args.quiet) std::cout << s->report;
  std::printf("is an event: precision %.1f%% (%d/%d), recall %.1f%% (%d/%d); type right %d/%d; %zu sentences\n",
              100 * s->Precision(), s->true_events, s->true_events + s->false_events, 100 * s->Recall(),
              s->true_events, s->true_events + s->missed_events, s->right_type, s->true_events, sentences->size());
  if (s->Precision() < args.min_precision || s->Recall() < args.min_recall) {
    Fail("eval: below --min-precision " + std::to_string(args.min_precision) + " or --min-recall " +
         std::to_string(args.min_recall));
    return 1;
  }
  return 0;
}

int RunEval(const EvalArgs& args, const Extractor& extractor) {
  if (!args.event_sentences.empty()) return RunEvalEvents(args);
  if (args.gold_files.empty()) {
    Fail("eval: give one or more *.gold.json files (scripts/eval-seed finds the shared ones)");
    return 2;
  }
  Tally claims, found, speakers, statuses, dates, events, places, quantities, bounds, metonyms;
  for (const std::string& path : args.gold_files) {
    Result<GoldScore> s = ScoreGoldFile(path, extractor);
    if (!s.ok()) {
      Fail("eval: " + s.status().message());
      return 1;
    }
    std::cout << "== " << path << "\n";
    if (!args.quiet) std::cout << s->report;
    auto add = [](Tally* t, const Tally& u) {
      t->hit += u.hit;
      t->total += u.total;
    };
    add(&claims, s->claims);
    add(&found, s->claims_found);
    add(&speakers, s->speakers);
    add(&statuses, s->statuses);
    add(&dates, s->dates);
    add(&events, s->event_types);
    add(&places, s->places);
    add(&quantities, s->quantities);
    add(&bounds, s->quantity_bounds);
    add(&metonyms, s->metonyms);
  }
  auto line = [](const char* name, const Tally& t) {
    std::cout << "  " << name << ": " << t.hit << "/" << t.total << "\n";
  };
  std::cout << "total over " << args.gold_files.size() << " gold file(s)\n";
  line("claims with right speaker and status", claims);
  line("claims found (key phrases)", found);
  line("speakers", speakers);
  line("statuses", statuses);
  line("dates", dates);
  line("event types", events);
  line("places within tolerance", places);
  line("quantities (value and unit)", quantities);
  line("quantity bounds", bounds);
  line("metonyms", metonyms);
  auto share = [](const Tally& t) { return t.total == 0 ? 1.0 : static_cast<double>(t.hit) / t.total; };
  if (share(claims) < args.min_claims || share(quantities) < args.min_quantities || share(dates) < args.min_dates) {
    Fail("eval: below --min-claims " + std::to_string(args.min_claims) + ", --min-quantities " +
         std::to_string(args.min_quantities) + " or --min-dates " + std::to_string(args.min_dates));
    return 1;
  }
  return 0;
}

// Opens the Extractor (the gazetteer, the attribution model, the word lists)
// when `wanted`. False when it cannot and is `required`; otherwise the
// command goes on without it (countries given by ISO code).
bool OpenExtractor(bool required, bool wanted, std::unique_ptr<Extractor>* out) {
  if (!wanted) return true;
  Result<std::unique_ptr<Extractor>> opened = Extractor::Open();
  if (opened.ok()) {
    *out = std::move(opened).value();
    return true;
  }
  Fail(required ? opened.status().message() : "countries are given by ISO code: " + opened.status().message());
  return !required;
}

}  // namespace

}  // namespace sitrep::cli

int main(int argc, char** argv) {
  using namespace sitrep::cli;
  TuneAllocator();
  CLI::App app{
      "sitrep: turns war reporting into sourced claims: who says what happened, where, when, how much, "
      "and how well it is sourced.",
      "sitrep"};
  app.set_version_flag("--version", std::string("sitrep ") + sitrep::kVersion);
  app.require_subcommand(1);
  app.footer("Run 'sitrep COMMAND --help' for a command's options. Documentation: docs/.");

  ExtractArgs ex;
  CLI::App* extract = app.add_subcommand(
      "extract", "Extract claims, people, places, quantities and dates from one document; print JSON");
  extract->add_option("FILE", ex.file, "Plain text or HTML file; - reads standard input")->required();
  extract->add_option("--published", ex.published,
                      "Publication date YYYY-MM-DD; relative dates resolve against it (overrides a front block)");
  extract->add_option("--outlet", ex.outlet, "Outlet name (overrides a front block)");
  extract->add_option("--language", ex.language,
                      "en, ru or uk: whose rules read the text (overrides a front block and the guess from the script)")
      ->check(CLI::IsMember({"en", "ru", "uk"}));
  extract->add_option("--format", ex.format, "Output: json (the documented contract) or text (a summary)")
      ->check(CLI::IsMember({"json", "text"}));
  extract->add_option("--input", ex.input_format, "Input format: auto, text or html")
      ->check(CLI::IsMember({"auto", "text", "html"}));
  extract->add_flag("--compact", ex.compact, "JSON on one line");
  extract->add_option("--max-bytes", ex.max_bytes, "Refuse inputs larger than this many bytes")
      ->capture_default_str();
  extract->add_option("--window-bytes", ex.window_bytes,
                      "Extract a longer text window by window, cut at paragraph breaks (default " +
                          std::to_string(sitrep::kDefaultWindowBytes) + "; 0 never cuts; docs/performance.md)");
  extract->footer(
      "Spans are byte offsets [begin, end) into FILE as given. The JSON is described field by field in "
      "docs/extract-json.md. Places are resolved against the compiled gazetteer: gazetteer.bin beside the "
      "executable, or the file $SITREP_GAZETTEER names. A plain-text FILE is read window by window as its JSON "
      "is written, so a long one is never held whole. Exit status: 0 ok, 1 bad input (or no usable "
      "gazetteer), 2 bad usage.");

  EvalArgs ev;
  CLI::App* eval = app.add_subcommand(
      "eval", "Score extract against hand-made reference annotations (*.gold.json beside their .txt)");
  eval->add_option("GOLD", ev.gold_files, "Gold files")->check(CLI::ExistingFile);
  eval->add_flag("--quiet", ev.quiet, "Totals only");
  eval->add_option("--events", ev.event_sentences,
                   "Score event decisions on labelled sentences (TSV: sentence<TAB>ACLED type or none; "
                   "docs/events.md) instead of gold files")
      ->check(CLI::ExistingFile);
  eval->add_option("--min-precision", ev.min_precision, "With --events: fail below this precision (0-1)");
  eval->add_option("--min-recall", ev.min_recall, "With --events: fail below this recall (0-1)");
  eval->add_option("--min-claims", ev.min_claims,
                   "With gold files: fail below this share of claims with the right speaker and status (0-1)");
  eval->add_option("--min-quantities", ev.min_quantities, "With gold files: fail below this share of quantities (0-1)");
  eval->add_option("--min-dates", ev.min_dates, "With gold files: fail below this share of claim dates (0-1)");

  BenchArgs bench;
  CLI::App* b = app.add_subcommand(
      "bench", "Throughput of extract (MB/s, documents/s over FILES repeated); with --db, query latency");
  b->add_option("FILES", bench.files, "Documents to repeat (default: examples/*.txt)");
  b->add_option("--mb", bench.megabytes, "Corpus size in MB (10^6 bytes)")->capture_default_str();
  b->add_option("--published", bench.published, "Publication date for files without one")->capture_default_str();
  b->add_option("--db", bench.db, "Instead: latency of filtered claim queries on this database");
  b->add_option(
       "--long", bench.long_mb,
       "Instead: join FILES (blank line between them, repeated as needed) into one document of each size in MB "
       "(e.g. --long 0.2,2,20) and print its MB/s beside the rate of the FILES one by one")
      ->delimiter(',')
      ->allow_extra_args(false)
      ->check(CLI::Range(0.001, 1000.0));
  b->add_option("--rounds", bench.rounds, "With --db: timed runs of each query")
      ->capture_default_str()
      ->check(CLI::Range(1, 10000));

  IngestArgs in;
  in.jobs = std::max(1u, std::thread::hardware_concurrency());
  CLI::App* ingest = app.add_subcommand(
      "ingest", "Read articles, JSON Lines corpora, Telegram exports and RSS/Atom feeds into the database");
  ingest->add_option("PATH", in.paths, "Files and folders (folders are read recursively); none with --rebuild-groups");
  ingest
      ->add_option("--db", in.db,
                   "Database: a SQLite file (created when missing) or postgresql://USER@HOST:PORT/DB "
                   "(docs/database.md; password in ~/.pgpass, never in the URI)")
      ->capture_default_str();
  ingest->add_option("--jobs,-j", in.jobs, "Extraction threads (one writer besides)")
      ->capture_default_str()
      ->check(CLI::Range(1, 256));
  ingest->add_option("--batch", in.batch, "Documents per transaction")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  ingest->add_option("--max-bytes", in.max_bytes,
                     "Refuse documents, and JSON lines, larger than this many bytes (before parsing them)")
      ->capture_default_str();
  ingest->add_flag("--rebuild-groups", in.rebuild_groups,
                   "Rebuild the corroboration groups even when no document changed (done by itself after a run "
                   "that did not finish)");
  ingest->add_flag("--quiet,-q", in.quiet, "No progress line");
  ingest->add_option("--published", in.published, "Publication date YYYY-MM-DD for documents that give none");
  ingest->add_option("--outlet", in.outlet, "Outlet for documents that name none");
  ingest->footer(
      "Files: .txt/.md/.html articles (metadata from a front block or HTML meta tags), .jsonl corpora (one "
      "{id, url, outlet, published, title, text} a line), .json Telegram Desktop exports (result.json), "
      ".xml/.rss/.atom feeds. Ingesting again is safe: stored documents are skipped, changed ones become new "
      "versions, copies of one story in several outlets are linked as near-duplicates. Records that cannot be "
      "read are listed with file, line or message id and reason, and kept in the ingest_problems table. "
      "Exit status: 0 all stored, 3 done but some records were not stored, 1 error, 2 bad usage. "
      "docs/database.md describes the database.");

  FilterArgs cl;
  CLI::App* claims = app.add_subcommand("claims", "List claims in the database, filtered");
  AddFilterOptions(claims, &cl, /*paging=*/true);
  claims->add_option("--format", cl.format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  FilterArgs evs;
  CLI::App* events = app.add_subcommand("events", "List claims that describe an event (ACLED type), filtered");
  AddFilterOptions(events, &evs, /*paging=*/true);
  events->add_option("--format", evs.format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();

  ShowArgs sh;
  CLI::App* show = app.add_subcommand("show", "Print a stored document with its claims marked");
  show->add_option("DOC_ID", sh.id, "Document id (see the document_id of claims)")->required();
  show->add_option("--db", sh.db, "Database: a SQLite file or a postgresql:// URI")->capture_default_str();
  show->add_flag("--plain", sh.plain, "No colours even on a terminal");

  FilterArgs exf;
  exf.format = "acled-csv";
  exf.filter.limit = 0;
  CLI::App* exp = app.add_subcommand(
      "export", "Export events (ACLED CSV, GeoJSON, GeoPackage, FlatGeobuf, Shapefile) or all claims (JSON Lines)");
  AddFilterOptions(exp, &exf, /*paging=*/false);
  exp->add_option("--format", exf.format,
                  "acled-csv (ACLED's 31 columns in its order, then sitrep's), geojson, jsonl (every claim), "
                  "gpkg, fgb or shp (typed fields, WGS84)")
      ->check(CLI::IsMember({"acled-csv", "geojson", "jsonl", "gpkg", "fgb", "shp"}))->capture_default_str();
  exp->add_option("--output,-o", exf.output,
                  "Write to this file instead of standard output (shp: FILE.shp with its .shx/.dbf/.prj/.cpg, or "
                  "FILE.shp.zip; to standard output a zipped shapefile)");
  exp->footer("Events dated after their report's publication (a plan or a forecast: \"by 2030\") are left out of "
              "event exports and counted; jsonl keeps them, flagged date_after_publication. acled-csv leaves out "
              "sitrep's Displacement events (not an ACLED type); geojson and the GIS formats leave out events "
              "without coordinates. docs/acled.md maps every column.");

  ControlArgs ctl;
  AddControlCommands(&app, &ctl);
  VerifyArgs ver;
  AddVerifyCommand(&app, &ver);
  ServeArgs srv;
  AddServeCommand(&app, &srv);
  TrainArgs tr;
  AddTrainCommand(&app, &tr);

  std::string stats_db = "sitrep.db";
  CLI::App* stats = app.add_subcommand("stats", "Counts of what the database holds");
  stats->add_option("--db", stats_db, "Database: a SQLite file or a postgresql:// URI")->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  // Commands that extract open one Extractor before any work: a missing or
  // damaged file is an error up front, not in the middle. Exports and the
  // server name countries with its gazetteer; queries need none.
  const bool extracts = extract->parsed() || eval->parsed() || ingest->parsed() || tr.events->parsed() ||
                        (b->parsed() && bench.db.empty());
  std::unique_ptr<sitrep::Extractor> extractor;
  if (!OpenExtractor(extracts, extracts || exp->parsed() || srv.cmd->parsed(), &extractor)) return 1;
  srv.options.extractor = extractor.get();
  if (extract->parsed()) return RunExtract(ex, *extractor);
  if (ingest->parsed()) return RunIngest(in, *extractor);
  if (claims->parsed()) return RunClaims(cl, /*events=*/false);
  if (events->parsed()) return RunClaims(evs, /*events=*/true);
  if (show->parsed()) return RunShow(sh);
  if (exp->parsed()) return RunExport(exf, extractor.get());
  if (stats->parsed()) return RunStats(stats_db);
  if (ctl.import->parsed() || ctl.show->parsed() || ctl.diff->parsed() || ctl.export_layers->parsed())
    return RunControl(ctl);
  if (ver.cmd->parsed()) return RunVerify(ver);
  if (srv.cmd->parsed()) return RunServe(srv);
  if (eval->parsed()) return RunEval(ev, *extractor);
  if (tr.cmd->parsed()) return RunTrain(tr);
  if (tr.events->parsed()) return RunTrainEvents(tr);
  if (b->parsed()) return RunBench(bench, extractor.get());
  return 2;
}
