// The database verbs: ingest, claims, events, show, export, stats.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "sitrep/json.h"
#include "sitrep/printable.h"
#include "sitrep/store.h"
#include "tools/sitrep/commands.h"

namespace sitrep::cli {

namespace {

std::string Thousands(uint64_t v) {
  std::string digits = std::to_string(v), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

// At most `width` code points of `s`, on one line, "…" when cut.
// At most `width` code points of `text`, its control characters escaped.
std::string Clip(const std::string& text, size_t width) {
  const std::string s = Printable(text);
  std::string out;
  size_t points = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if ((c & 0xC0) != 0x80) {
      if (points == width) {
        // Step back one code point for the ellipsis.
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (!out.empty()) out.pop_back();
        return out + "…";
      }
      ++points;
    }
    out.push_back(c == '\n' || c == '\r' || c == '\t' ? ' ' : s[i]);
  }
  return out;
}

std::string Pad(const std::string& s, size_t width) {
  std::string c = Clip(s, width);
  size_t points = 0;
  for (unsigned char ch : c) points += (ch & 0xC0) != 0x80;
  return c + std::string(width > points ? width - points : 0, ' ');
}

const char* StatusColour(const std::string& status) {
  if (status == "confirmed") return "\x1b[32m";
  if (status == "asserted") return "\x1b[34m";
  if (status == "reported") return "\x1b[36m";
  if (status == "alleged") return "\x1b[33m";
  if (status == "unverified") return "\x1b[35m";
  if (status == "denied") return "\x1b[31m";
  return "";
}

std::string DateOf(const ClaimRecord& c) {
  if (c.date_from && c.date_to && *c.date_from != *c.date_to) return *c.date_from + ".." + c.date_to->substr(5);
  if (c.date_from) return *c.date_from;
  return c.published ? "(" + *c.published + ")" : "";
}

void PrintTable(const std::vector<ClaimRecord>& claims, bool events) {
  bool checked = std::any_of(claims.begin(), claims.end(), [](const ClaimRecord& c) { return !c.map_check.empty(); });
  const size_t status_width = checked ? 24 : 10;
  std::printf("%-7s %-17s %-*s %-4s %-22s %-16s %-18s %s\n", "ID", "DATE", static_cast<int>(status_width),
              checked ? "STATUS/MAP" : "STATUS", "SRC",
              events ? "EVENT" : "KIND", "PLACE", "SPEAKER", "TEXT");
  for (const ClaimRecord& c : claims) {
    std::string what = events ? (c.sub_event_type.empty() ? c.event_type.value_or("") : c.sub_event_type) : c.kind;
    std::string corr = std::to_string(c.corroboration) + (c.contradiction.empty() ? "" : "!");
    // The map's verdict, when verify gave one, marks the status column.
    std::string status = c.map_check.empty() ? c.status : c.status + "/" + c.map_check;
    std::printf("%-7lld %s %s %s %s %s %s %s\n", static_cast<long long>(c.id), Pad(DateOf(c), 17).c_str(),
                Pad(status, status_width).c_str(), Pad(corr, 4).c_str(), Pad(what, 22).c_str(),
                Pad(c.place, 16).c_str(), Pad(c.speaker, 18).c_str(), Clip(c.text, 70).c_str());
  }
}


}  // namespace

void AddFilterOptions(CLI::App* cmd, FilterArgs* f, bool paging) {
  cmd->add_option("--db", f->db, "Database: a SQLite file or a postgresql:// URI")->capture_default_str();
  cmd->add_option("--status", f->filter.status, "asserted, reported, alleged, unverified, confirmed or denied")
      ->check(CLI::IsMember({"asserted", "reported", "alleged", "unverified", "confirmed", "denied"}));
  cmd->add_option("--speaker", f->filter.speaker, "Speaker name contains this (case-insensitive)");
  cmd->add_option("--place", f->filter.place, "Claims that name this place (resolved name or as written)");
  cmd->add_option("--near", f->near, "Claims with a place within KM of LAT,LON");
  cmd->add_option("--bbox", f->bbox, "Claims with a place inside WEST,SOUTH,EAST,NORTH (degrees)");
  cmd->add_option("--since", f->filter.since, "Dated on or after YYYY-MM-DD (undated claims: their report's date)");
  cmd->add_option("--until", f->filter.until, "Dated on or before YYYY-MM-DD");
  cmd->add_option(
      "--text", f->filter.text,
      "Full-text query over claim text and speaker (FTS5 syntax: words, \"a phrase\", AND, OR, NOT, prefix*)");
  cmd->add_option("--type", f->filter.event_type, "ACLED event type, e.g. \"Explosions/Remote violence\"");
  cmd->add_flag("--all-versions", f->filter.all_versions, "Include claims of superseded document versions");
  if (paging) {
    cmd->add_option("--limit", f->filter.limit, "At most this many rows (0: all)")->capture_default_str();
    cmd->add_option("--offset", f->filter.offset, "Skip this many rows first")->capture_default_str();
  }
}

int RunIngest(const IngestArgs& args, const Extractor& extractor) {
  if (args.paths.empty() && !args.rebuild_groups) {
    Fail("ingest: PATH is required (files or folders to read; or --rebuild-groups alone)");
    return 2;
  }
  IngestOptions o;
  o.extractor = &extractor;
  o.db_path = args.db;
  o.jobs = args.jobs;
  o.max_bytes = args.max_bytes;
  o.batch_documents = args.batch;
  o.published = args.published;
  o.outlet = args.outlet;
  o.rebuild_groups = args.rebuild_groups;
  for (const std::string& p : args.paths) o.arguments += (o.arguments.empty() ? "" : " ") + p;
  const bool tty = ::isatty(STDERR_FILENO) && !args.quiet;
  bool progress_shown = false;
  if (tty) {
    o.on_progress = [&](const IngestProgress& p) {
      double s = std::max(p.seconds, 1e-3);
      std::fprintf(stderr, "\r\x1b[K  %s documents  %.1f MB  %.0f docs/s  %.2f MB/s  stored %s",
                   Thousands(p.records).c_str(), p.bytes / 1e6, p.records / s, p.bytes / 1e6 / s,
                   Thousands(p.stored).c_str());
      progress_shown = true;
    };
  }
  uint64_t shown = 0;
  constexpr uint64_t kMaxShown = 20;
  o.on_problem = [&](const IngestProblem& p) {
    if (++shown > kMaxShown) return;
    if (progress_shown) std::fprintf(stderr, "\r\x1b[K");
    std::fprintf(stderr, "sitrep: %s%s: %s\n", p.skipped ? "" : "warning: ", Printable(p.origin).c_str(),
                 Printable(p.reason).c_str());
  };
  Result<IngestSummary> r = IngestCorpus(args.paths, o);
  if (progress_shown) std::fprintf(stderr, "\n");
  if (!r.ok()) {
    Fail("ingest: " + r.status().message());
    return r.status().code() == StatusCode::kInvalidArgument ? 2 : 1;
  }
  const IngestSummary& s = *r;
  if (shown > kMaxShown) {
    std::fprintf(stderr, "sitrep: ... and %s more; all are in the ingest_problems table of %s\n",
                 Thousands(shown - kMaxShown).c_str(), DisplayDatabaseName(args.db).c_str());
  }
  double secs = std::max(s.seconds, 1e-3);
  std::printf("ingested %s: %s documents read (%.1f MB) from %s files in %.1f s (%.0f docs/s, %.2f MB/s)\n",
              DisplayDatabaseName(args.db).c_str(), Thousands(s.records).c_str(), s.bytes / 1e6,
              Thousands(s.files).c_str(), s.seconds, s.records / secs, s.bytes / 1e6 / secs);
  std::printf("  added %s, new versions %s, unchanged %s, near-duplicates %s\n", Thousands(s.added).c_str(),
              Thousands(s.new_versions).c_str(), Thousands(s.unchanged).c_str(), Thousands(s.near_duplicates).c_str());
  std::printf("  claims written %s; claim groups (same event, several documents) %s\n", Thousands(s.claims).c_str(),
              Thousands(s.groups).c_str());
  std::printf(
      "  problems %s (not stored), warnings %s (stored, flagged), skipped %s (not documents), ignored files %s\n",
      Thousands(s.problems).c_str(), Thousands(s.warnings).c_str(), Thousands(s.skipped_records).c_str(),
      Thousands(s.ignored_files).c_str());
  return s.problems > 0 ? 3 : 0;
}

int RunClaims(FilterArgs args, bool events) {
  if (Status s = ParseNear(args.near, &args.filter); !s.ok()) {
    Fail("--" + s.message());
    return 2;
  }
  if (Status s = ParseBbox(args.bbox, &args.filter); !s.ok()) {
    Fail("--" + s.message());
    return 2;
  }
  args.filter.events_only = events;
  if (Status s = ValidateFilter(args.filter); !s.ok()) {
    Fail(s.message());
    return 2;
  }
  Result<Database> db = Database::Open(args.db);
  if (!db.ok()) {
    Fail(db.status().message());
    return 1;
  }
  Result<std::vector<ClaimRecord>> claims = db->Claims(args.filter);
  if (!claims.ok()) {
    Fail(claims.status().message());
    return claims.status().code() == StatusCode::kInvalidArgument ? 2 : 1;
  }
  if (args.format == "json") {
    std::cout << "[";
    bool first = true;
    for (const ClaimRecord& c : *claims) {
      std::cout << (first ? "\n" : ",\n") << ToJson(c).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
      first = false;
    }
    std::cout << "\n]\n";
  } else if (args.format == "csv") {
    std::cout << "id,document_id,date_from,date_to,status,kind,speaker,event_type,sub_event_type,place,lat,lon,"
                 "corroboration,group_status,contradiction,map_check,outlet,url,span_begin,span_end,text\n";
    for (const ClaimRecord& c : *claims) {
      std::cout << c.id << "," << c.document_id << "," << c.date_from.value_or("") << "," << c.date_to.value_or("")
                << "," << c.status << "," << c.kind << "," << CsvField(c.speaker) << ","
                << CsvField(c.event_type.value_or("")) << "," << CsvField(c.sub_event_type) << "," << CsvField(c.place)
                << "," << (c.lat ? std::to_string(*c.lat) : "") << "," << (c.lon ? std::to_string(*c.lon) : "") << ","
                << c.corroboration << "," << c.group_status << "," << CsvField(c.contradiction) << "," << c.map_check
                << "," << CsvField(c.outlet) << "," << CsvField(c.url) << "," << c.begin << "," << c.end << ","
                << CsvField(c.text) << "\n";
    }
  } else {
    PrintTable(*claims, events);
    if (::isatty(STDOUT_FILENO) && args.filter.limit > 0 && static_cast<int>(claims->size()) == args.filter.limit) {
      std::printf("(first %d; --limit and --offset page through more)\n", args.filter.limit);
    }
  }
  return std::cout.good() ? 0 : 1;
}

int RunShow(const ShowArgs& args) {
  Result<Database> db = Database::Open(args.db);
  if (!db.ok()) {
    Fail(db.status().message());
    return 1;
  }
  Result<DocumentRecord> d = db->Document(args.id);
  if (!d.ok()) {
    Fail(d.status().message());
    return 1;
  }
  const bool colour = ::isatty(STDOUT_FILENO) && !args.plain;
  // Everything from the input is printed through Printable: an escape
  // sequence in a report must not recolour, retitle or clear the terminal.
  auto safe = [](const std::string& s) { return Printable(s); };
  std::printf("document %lld (version %d%s) %s\n", static_cast<long long>(d->id), d->version,
              d->is_latest ? "" : ", superseded", safe(d->title).c_str());
  std::printf("  outlet %s, published %s, %s, from %s\n", d->outlet.empty() ? "(none)" : safe(d->outlet).c_str(),
              safe(d->published.value_or("(unknown)")).c_str(), d->url.empty() ? "no URL" : safe(d->url).c_str(),
              safe(d->origin).c_str());
  if (!d->forwarded_from.empty()) std::printf("  forwarded from %s\n", safe(d->forwarded_from).c_str());
  if (!d->reply_to.empty()) std::printf("  in reply to %s\n", safe(d->reply_to).c_str());
  for (const auto& [other, sim] : d->near_duplicates) {
    std::printf("  near-duplicate of document %lld (similarity %.2f)\n", static_cast<long long>(other), sim);
  }
  for (const std::string& w : d->warnings) std::printf("  warning: %s\n", safe(w).c_str());
  std::printf("\n");
  // The bytes as stored, each claim's span marked: colour on a terminal,
  // «...»[n] elsewhere. Overlapping claims: the first one is marked.
  std::string out;
  size_t pos = 0;
  int n = 0;
  auto text = [&](size_t begin, size_t end) {
    out += Printable(std::string_view(d->raw).substr(begin, end - begin), std::string_view::npos, /*one_line=*/false);
  };
  for (const ClaimRecord& c : d->claims) {
    ++n;
    if (c.begin < pos || c.end > d->raw.size()) continue;
    text(pos, c.begin);
    if (colour) {
      out += std::string("\x1b[4m") + StatusColour(c.status);
      text(c.begin, c.end);
      out += "\x1b[0m\x1b[2m[" + std::to_string(n) + "]\x1b[0m";
    } else {
      out += "«";
      text(c.begin, c.end);
      out += "»[" + std::to_string(n) + "]";
    }
    pos = c.end;
  }
  text(pos, d->raw.size());
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (!out.empty() && out.back() != '\n') std::printf("\n");
  std::printf("\nclaims\n");
  n = 0;
  for (const ClaimRecord& c : d->claims) {
    ++n;
    std::printf("  [%d] #%lld %s%s%s", n, static_cast<long long>(c.id), colour ? StatusColour(c.status) : "",
                c.status.c_str(), colour ? "\x1b[0m" : "");
    if (!c.speaker.empty()) std::printf(", %s", safe(c.speaker).c_str());
    if (!DateOf(c).empty()) std::printf(", %s", DateOf(c).c_str());
    if (c.event_type) std::printf(", %s", safe(c.sub_event_type.empty() ? *c.event_type : c.sub_event_type).c_str());
    if (!c.place.empty()) std::printf(", %s", safe(c.place).c_str());
    if (c.group_id) std::printf(", %d independent source(s), group %s", c.corroboration, c.group_status.c_str());
    if (!c.contradiction.empty()) std::printf(", contradiction: %s", safe(c.contradiction).c_str());
    if (!c.map_check.empty()) std::printf(", map: %s (%s)", c.map_check.c_str(), safe(c.map_check_detail).c_str());
    std::printf("\n");
  }
  return 0;
}

int RunExport(FilterArgs args, const Extractor* names) {
  if (Status s = ParseNear(args.near, &args.filter); !s.ok()) {
    Fail("--" + s.message());
    return 2;
  }
  if (Status s = ParseBbox(args.bbox, &args.filter); !s.ok()) {
    Fail("--" + s.message());
    return 2;
  }
  if (Status s = ValidateFilter(args.filter); !s.ok()) {
    Fail(s.message());
    return 2;
  }
  std::optional<ExportFormat> parsed = ParseExportFormat(args.format);
  if (!parsed) {
    Fail("export: unknown --format " + args.format);
    return 2;
  }
  const ExportFormat format = *parsed;
  Result<Database> db = Database::Open(args.db);
  if (!db.ok()) {
    Fail(db.status().message());
    return 1;
  }
  const bool to_file = !args.output.empty() && args.output != "-";
  Result<ExportSummary> r = Status::Internal("no export");
  std::ofstream file;
  if (to_file && IsGisFormat(format)) {
    // GDAL writes the file itself (a shapefile is several).
    r = ExportClaimsToFile(*db, args.filter, format, args.output, names);
  } else if (to_file) {
    file.open(args.output, std::ios::binary);
    if (!file) {
      Fail("export: cannot write " + args.output);
      return 1;
    }
  }
  if (!(to_file && IsGisFormat(format))) {
    std::ostream& out = file.is_open() ? static_cast<std::ostream&>(file) : std::cout;
    r = ExportClaims(*db, args.filter, format, out, names);
  }
  if (!r.ok()) {
    Fail("export: " + r.status().message());
    return r.status().code() == StatusCode::kInvalidArgument ? 2 : 1;
  }
  std::fprintf(stderr, "sitrep: exported %s %s", Thousands(r->written).c_str(),
               format == ExportFormat::kJsonLines ? "claims" : "events");
  if (r->without_coordinates > 0) {
    std::fprintf(stderr, "; %s events without coordinates left out", Thousands(r->without_coordinates).c_str());
  }
  if (r->after_publication > 0) {
    std::fprintf(stderr, "; %s events dated after their report's publication (plans, forecasts) left out",
                 Thousands(r->after_publication).c_str());
  }
  if (r->not_acled > 0) {
    std::fprintf(stderr, "; %s Displacement events left out (not an ACLED event type)",
                 Thousands(r->not_acled).c_str());
  }
  std::fprintf(stderr, "\n");
  return 0;
}

int RunStats(const std::string& db_path) {
  Result<Database> db = Database::Open(db_path);
  if (!db.ok()) {
    Fail(db.status().message());
    return 1;
  }
  Result<DatabaseStats> s = db->Stats();
  if (!s.ok()) {
    Fail(s.status().message());
    return 1;
  }
  std::printf("%s\n", DisplayDatabaseName(db_path).c_str());
  std::printf("  documents %s (%s latest versions) from %s outlets; %s near-duplicate clusters\n",
              Thousands(static_cast<uint64_t>(s->documents)).c_str(),
              Thousands(static_cast<uint64_t>(s->latest_documents)).c_str(),
              Thousands(static_cast<uint64_t>(s->outlets)).c_str(),
              Thousands(static_cast<uint64_t>(s->clusters_with_duplicates)).c_str());
  std::printf("  claims %s, of which events %s; places %s\n", Thousands(static_cast<uint64_t>(s->claims)).c_str(),
              Thousands(static_cast<uint64_t>(s->events)).c_str(), Thousands(static_cast<uint64_t>(s->places)).c_str());
  std::printf("  claim groups %s: corroborated by 2+ sources %s, with a contradiction %s\n",
              Thousands(static_cast<uint64_t>(s->groups)).c_str(),
              Thousands(static_cast<uint64_t>(s->corroborated_groups)).c_str(),
              Thousands(static_cast<uint64_t>(s->contradictions)).c_str());
  std::printf("  dates %s .. %s; ingest problems recorded %s\n", s->first_date.value_or("-").c_str(),
              s->last_date.value_or("-").c_str(), Thousands(static_cast<uint64_t>(s->problems)).c_str());
  return 0;
}

}  // namespace sitrep::cli
