// `sitrep bench`: whole-pipeline throughput. Documents are loaded before the
// clock starts; the timed loop runs Extract and the JSON writer.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "sitrep/sitrep.h"
#include "tools/sitrep/commands.h"

namespace sitrep::cli {

int RunBench(const BenchArgs& args) {
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
  const uint64_t target = static_cast<uint64_t>(args.megabytes * 1e6);
  using Clock = std::chrono::steady_clock;
  uint64_t bytes = 0, count = 0, claims = 0, json_bytes = 0;
  Clock::duration extract_time{}, json_time{};
  while (bytes < target) {
    for (const Document& d : docs) {
      auto t0 = Clock::now();
      Result<Extraction> x = Extract(d);
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
