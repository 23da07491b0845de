// `sitrep bench`: whole-pipeline throughput. Documents are loaded before the
// clock starts; the timed loop runs Extract and the JSON writer.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "sitrep/sitrep.h"
#include "sitrep/store.h"
#include "tools/sitrep/commands.h"

namespace sitrep::cli {

namespace {

// Latency of filtered claim queries on an existing database: each query runs
// once to warm the page cache, then `rounds` times; median and slowest.
int RunQueryBench(const BenchArgs& args) {
  Result<Database> db = Database::Open(args.db);
  if (!db.ok()) {
    Fail("bench: " + db.status().message());
    return 1;
  }
  Result<DatabaseStats> stats = db->Stats();
  if (!stats.ok()) {
    Fail("bench: " + stats.status().message());
    return 1;
  }
  std::printf("sitrep bench --db %s: %lld claims (%lld events) in %lld documents; %d rounds a query, limit 100\n",
              DisplayDatabaseName(args.db).c_str(), static_cast<long long>(stats->claims),
              static_cast<long long>(stats->events), static_cast<long long>(stats->documents), args.rounds);
  struct Named {
    const char* name;
    QueryFilter f;
  };
  std::vector<Named> queries(9);
  queries[0].name = "newest claims";
  queries[1].name = "--status confirmed";
  queries[1].f.status = "confirmed";
  queries[2].name = "--since 2024-08-01 --until 2024-08-31";
  queries[2].f.since = "2024-08-01", queries[2].f.until = "2024-08-31";
  queries[3].name = "--place Kharkiv";
  queries[3].f.place = "Kharkiv";
  queries[4].name = "--near 50.0,36.23,30";
  queries[4].f.near_lat = 50.0, queries[4].f.near_lon = 36.23, queries[4].f.near_km = 30;
  queries[5].name = "--text drone*";
  queries[5].f.text = "drone*";
  queries[6].name = "--speaker zelensky";
  queries[6].f.speaker = "zelensky";
  queries[7].name = "--status asserted --place Pokrovsk --since 2024-06-01 --until 2024-06-30";
  queries[7].f.status = "asserted", queries[7].f.place = "Pokrovsk";
  queries[7].f.since = "2024-06-01", queries[7].f.until = "2024-06-30";
  queries[8].name = "events --type Battles --since 2024-12-01";
  queries[8].f.events_only = true, queries[8].f.event_type = "Battles", queries[8].f.since = "2024-12-01";
  using Clock = std::chrono::steady_clock;
  std::printf("  %-75s %8s %8s %6s\n", "query", "median", "slowest", "rows");
  for (Named& q : queries) {
    std::vector<double> ms;
    size_t rows = 0;
    for (int r = 0; r <= args.rounds; ++r) {
      auto t0 = Clock::now();
      Result<std::vector<ClaimRecord>> c = db->Claims(q.f);
      auto t1 = Clock::now();
      if (!c.ok()) {
        Fail("bench: " + std::string(q.name) + ": " + c.status().message());
        return 1;
      }
      rows = c->size();
      if (r > 0) ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("  %-75s %6.1f ms %6.1f ms %6zu\n", q.name, ms[ms.size() / 2], ms.back(), rows);
  }
  return 0;
}

using Clock = std::chrono::steady_clock;

// Seconds to extract `d` once.
Result<double> TimeExtract(const Extractor& extractor, const Document& d) {
  auto t0 = Clock::now();
  Result<Extraction> x = extractor.Extract(d);
  auto t1 = Clock::now();
  if (!x.ok()) return x.status();
  return std::chrono::duration<double>(t1 - t0).count();
}

// Whether some stage grows faster than the text: the FILES one by one (at
// least 2 MB of them), then joined into one document of each size.
int RunLongBench(const BenchArgs& args, const Extractor& extractor, const std::vector<Document>& docs) {
  uint64_t bytes = 0;
  double seconds = 0;
  while (bytes < 2'000'000) {
    for (const Document& d : docs) {
      Result<double> t = TimeExtract(extractor, d);
      if (!t.ok()) {
        Fail("bench: " + t.status().message());
        return 1;
      }
      seconds += *t;
      bytes += d.text.size();
    }
  }
  const double per_document = bytes / 1e6 / seconds;
  std::printf("sitrep bench --long: %zu files one by one, then joined into one document of each size; one thread\n",
              docs.size());
  std::printf("  %-22s %8.1f MB/s  (%.1f MB)\n", "one by one", per_document, bytes / 1e6);
  for (double mb : args.long_mb) {
    const size_t target = static_cast<size_t>(mb * 1e6);
    std::string text;
    for (size_t i = 0; text.size() < target; i = (i + 1) % docs.size()) {
      if (!text.empty()) text += "\n\n";
      text += docs[i].text;
    }
    // Cut at the last paragraph break before the size (never inside a
    // UTF-8 sequence).
    size_t cut = text.rfind("\n\n", target);
    text.resize(cut == std::string::npos || cut == 0 ? target : cut);
    while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
    LoadOptions lo;
    lo.published = args.published;
    lo.format = "text";  // the documents' decoded texts
    Result<Document> d = LoadDocument(std::move(text), lo);
    if (!d.ok()) {
      Fail("bench: the joined document: " + d.status().message());
      return 1;
    }
    Result<double> t = TimeExtract(extractor, *d);
    if (!t.ok()) {
      Fail("bench: " + t.status().message());
      return 1;
    }
    const double rate = d->text.size() / 1e6 / *t;
    std::printf("  %-22s %8.1f MB/s  (%.2fx the one-by-one rate; %.1f s)\n",
                (std::to_string(d->text.size() / 1000) + " kB document").c_str(), rate, rate / per_document, *t);
  }
  return 0;
}

}  // namespace

int RunBench(const BenchArgs& args, const Extractor* extractor) {
  if (!args.db.empty()) return RunQueryBench(args);
  std::vector<std::string> files = args.files;
  if (files.empty()) {
    std::error_code ec;
    for (const auto& e : std::filesystem::directory_iterator("examples", ec)) {
      if (e.path().extension() == ".txt" || e.path().extension() == ".html") files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) {
      Fail("bench: no FILES given and no examples/*.txt here; run it from the repository or name files");
      return 2;
    }
  }
  std::vector<Document> docs;
  for (const std::string& f : files) {
    Result<std::string> bytes = ReadInput(f);
    if (!bytes.ok()) {
      Fail("bench: " + bytes.status().message());
      return 1;
    }
    LoadOptions lo;
    Result<Document> d = LoadDocument(std::move(bytes).value(), lo);
    if (!d.ok()) {
      Fail("bench: " + f + ": " + d.status().message());
      return 1;
    }
    if (d->meta.published.empty()) d->meta.published = args.published;
    docs.push_back(std::move(d).value());
  }
  // Setup stays outside the timed loop: one untimed pass loads what the
  // Extractor reads on first use (the Russian and Ukrainian dictionaries).
  for (const Document& d : docs) {
    if (Result<Extraction> x = extractor->Extract(d); !x.ok()) {
      Fail("bench: " + x.status().message());
      return 1;
    }
  }
  if (!args.long_mb.empty()) return RunLongBench(args, *extractor, docs);
  const uint64_t target = static_cast<uint64_t>(args.megabytes * 1e6);
  uint64_t bytes = 0, count = 0, claims = 0, json_bytes = 0;
  Clock::duration extract_time{}, json_time{};
  while (bytes < target) {
    for (const Document& d : docs) {
      auto t0 = Clock::now();
      Result<Extraction> x = extractor->Extract(d);
      auto t1 = Clock::now();
      if (!x.ok()) {
        Fail("bench: " + x.status().message());
        return 1;
      }
      json_bytes += ToJsonString(*x, /*indent=*/-1).size();
      auto t2 = Clock::now();
      extract_time += t1 - t0;
      json_time += t2 - t1;
      claims += x->claims.size();
      bytes += d.text.size();
      ++count;
      if (bytes >= target) break;
    }
  }
  double ex = std::chrono::duration<double>(extract_time).count();
  double all = ex + std::chrono::duration<double>(json_time).count();
  std::printf("sitrep bench: %llu documents (%zu distinct, repeated), %.1f MB of text, one thread\n",
              static_cast<unsigned long long>(count), docs.size(), bytes / 1e6);
  std::printf("  extract         %6.2f s  %6.1f MB/s  %8.0f documents/s\n", ex, bytes / 1e6 / ex, count / ex);
  std::printf("  extract + JSON  %6.2f s  %6.1f MB/s  %8.0f documents/s\n", all, bytes / 1e6 / all, count / all);
  std::printf("  %.1f claims/document, %.1f MB of JSON\n", static_cast<double>(claims) / count, json_bytes / 1e6);
  return 0;
}

}  // namespace sitrep::cli
