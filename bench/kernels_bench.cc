// Google Benchmark kernels: each stage over the bundled example reports
// (loaded once, outside the timed loop). `sitrep bench` measures the whole
// pipeline over a large corpus; this shows where the time goes.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <cmath>

#include "extract/analysis.h"
#include "extract/attribution_tagger.h"
#include "geo/geometry.h"
#include "geo/point_index.h"
#include "extract/mentions.h"
#include "extract/names.h"
#include "geoparse/place_resolver.h"
#include "pipeline/data_paths.h"
#include "pipeline/extractor_data.h"
#include "sitrep/sitrep.h"
#include "text/segmenter.h"
#include "verify/minhash.h"

namespace sitrep {
namespace {

// The data every stage reads, opened once; a benchmark without it is moot.
const Extractor& Loaded() {
  Result<const Extractor*> x = DefaultExtractor();
  if (!x.ok()) {
    std::fprintf(stderr, "sitrep_bench: %s\n", x.status().message().c_str());
    std::exit(1);
  }
  return **x;
}
const Lexicons& Lex() { return *Loaded().data().lexicons; }

const std::vector<Document>& Corpus() {
  static const std::vector<Document>* docs = [] {
    auto* out = new std::vector<Document>();
    for (const auto& e : std::filesystem::directory_iterator(std::string(SITREP_SOURCE_DIR) + "/examples")) {
      if (e.path().extension() != ".txt" && e.path().extension() != ".html") continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      Result<Document> d = LoadDocument(ss.str());
      if (d.ok()) out->push_back(std::move(d).value());
    }
    return out;
  }();
  return *docs;
}

size_t CorpusBytes() {
  size_t n = 0;
  for (const Document& d : Corpus()) n += d.text.size();
  return n;
}

void BM_Segment(benchmark::State& state) {
  for (auto _ : state) {
    for (const Document& d : Corpus()) benchmark::DoNotOptimize(Segment(d.text));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
}
BENCHMARK(BM_Segment);

void BM_Analysis(benchmark::State& state) {
  for (auto _ : state) {
    for (const Document& d : Corpus()) {
      Analysis a(d.text, CivilDate::Parse(d.meta.published), Lex());
      benchmark::DoNotOptimize(a.folded.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
}
BENCHMARK(BM_Analysis);

void BM_DatesAndQuantities(benchmark::State& state) {
  std::vector<Analysis> analyses;
  for (const Document& d : Corpus()) analyses.emplace_back(d.text, CivilDate::Parse(d.meta.published), Lex());
  for (auto _ : state) {
    for (const Analysis& a : analyses) {
      auto dates = FindDates(a);
      benchmark::DoNotOptimize(FindQuantities(a, dates));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
}
BENCHMARK(BM_DatesAndQuantities);

void BM_Geoparse(benchmark::State& state) {
  std::vector<Analysis> analyses;
  for (const Document& d : Corpus()) analyses.emplace_back(d.text, CivilDate::Parse(d.meta.published), Lex());
  PlaceResolver resolver(*Loaded().data().gazetteer);
  for (auto _ : state) {
    for (const Analysis& a : analyses) benchmark::DoNotOptimize(resolver.Resolve(a));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
}
BENCHMARK(BM_Geoparse);

// The learned attribution tagger (features and Viterbi) alone; items = tokens.
void BM_AttributionTagger(benchmark::State& state) {
  std::vector<Analysis> analyses;
  std::vector<std::vector<QuoteMention>> quotes;
  size_t tokens = 0;
  for (const Document& d : Corpus()) {
    analyses.emplace_back(d.text, CivilDate::Parse(d.meta.published), Lex());
    quotes.push_back(FindQuotes(analyses.back()));
    tokens += analyses.back().token_count();
  }
  const AttributionTagger& tagger = *Loaded().data().attribution;
  for (auto _ : state) {
    for (size_t i = 0; i < analyses.size(); ++i) benchmark::DoNotOptimize(tagger.Tag(analyses[i], quotes[i]));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * tokens));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
}
BENCHMARK(BM_AttributionTagger);

// The near-duplicate signature the ingest computes for every document
// (ComputeMinHash); label: which fold this CPU runs.
void BM_MinHash(benchmark::State& state) {
  for (auto _ : state) {
    for (const Document& d : Corpus()) benchmark::DoNotOptimize(ComputeMinHash(d.text));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
  state.SetLabel(minhash_internal::HasWideFold() ? "AVX-512 fold" : "scalar fold");
}
BENCHMARK(BM_MinHash);

// Opening the compiled gazetteer: map, check the checksum and every offset,
// build the entry table. Counters: the file's size and the memory the
// entry table takes beside the mapping.
void BM_GazetteerOpen(benchmark::State& state) {
  Result<std::string> found = DefaultGazetteerPath();
  if (!found.ok()) {
    state.SkipWithError(found.status().message().c_str());
    return;
  }
  const std::string path = *found;
  size_t bytes = 0, heap = 0;
  for (auto _ : state) {
    auto g = Gazetteer::Open(path);
    if (!g.ok()) {
      state.SkipWithError(g.status().message().c_str());
      return;
    }
    bytes = (*g)->file_bytes();
    heap = (*g)->heap_bytes();
    benchmark::DoNotOptimize(g);
  }
  state.counters["file_MiB"] = static_cast<double>(bytes) / (1 << 20);
  state.counters["heap_MiB"] = static_cast<double>(heap) / (1 << 20);
}
BENCHMARK(BM_GazetteerOpen)->Unit(benchmark::kMillisecond);

// Loading the attribution model: read the file, check its checksum, build
// the feature table (what Extractor::Open adds for it).
void BM_AttributionModelLoad(benchmark::State& state) {
  Result<std::string> found = DefaultAttributionModelPath();
  if (!found.ok()) {
    state.SkipWithError(found.status().message().c_str());
    return;
  }
  size_t features = 0;
  for (auto _ : state) {
    Result<AttributionTagger> t = AttributionTagger::Load(*found);
    if (!t.ok()) {
      state.SkipWithError(t.status().message().c_str());
      return;
    }
    features = t->model().feature_count();
    benchmark::DoNotOptimize(t);
  }
  state.counters["features"] = static_cast<double>(features);
}
BENCHMARK(BM_AttributionModelLoad)->Unit(benchmark::kMillisecond);

void BM_Extract(benchmark::State& state) {
  for (auto _ : state) {
    for (const Document& d : Corpus()) benchmark::DoNotOptimize(Loaded().Extract(d));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
  state.counters["docs/s"] =
      benchmark::Counter(static_cast<double>(state.iterations() * Corpus().size()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Extract);

}  // namespace
}  // namespace sitrep

namespace sitrep {
namespace {

void BM_EntitiesAndMisspellings(benchmark::State& state) {
  std::vector<Analysis> analyses;
  for (const Document& d : Corpus()) analyses.emplace_back(d.text, CivilDate::Parse(d.meta.published), Lex());
  PlaceResolver resolver(*Loaded().data().gazetteer);
  for (auto _ : state) {
    for (const Analysis& a : analyses) {
      auto places = resolver.Resolve(a);
      std::vector<bool> is_place(a.token_count(), false);
      for (const auto& p : places) {
        for (size_t k = p.token_begin; k < p.token_end; ++k) is_place[k] = true;
      }
      Entities e = FindEntities(a, is_place);
      std::vector<bool> explained = is_place;
      for (size_t k = 0; k < a.token_count(); ++k) explained[k] = explained[k] || e.at_token[k] >= 0;
      resolver.ResolveMisspellings(a, explained, &places);
      benchmark::DoNotOptimize(places.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * CorpusBytes()));
}
BENCHMARK(BM_EntitiesAndMisspellings);

// A front-line-like polygon of `n` vertices around (35.5, 51.3): a wobbly
// ring some 60 km across, concave everywhere.
MultiPolygon Wobbly(int n) {
  Ring r;
  for (int i = 0; i < n; ++i) {
    double t = 2 * M_PI * i / n;
    double radius = 0.5 + 0.05 * std::sin(37 * t) + 0.02 * std::sin(311 * t);
    r.push_back({35.5 + radius * std::cos(t) * 1.6, 51.3 + radius * std::sin(t)});
  }
  r.push_back(r.front());
  return {Polygon{r, {}}};
}

// Target: a 100,000-vertex polygon's geodesic area in under 50 ms.
void BM_GeodesicArea100k(benchmark::State& state) {
  MultiPolygon shape = Wobbly(100000);
  double km2 = 0;
  for (auto _ : state) {
    km2 = Measure(shape).area_km2;
    benchmark::DoNotOptimize(km2);
  }
  state.counters["km2"] = km2;
}
BENCHMARK(BM_GeodesicArea100k)->Unit(benchmark::kMillisecond);

void BM_PointIndexBuild100k(benchmark::State& state) {
  MultiPolygon shape = Wobbly(100000);
  for (auto _ : state) {
    PointInPolygonIndex idx(shape);
    benchmark::DoNotOptimize(idx.edge_count());
  }
}
BENCHMARK(BM_PointIndexBuild100k)->Unit(benchmark::kMillisecond);

// Target: over a million points a second against a day's layer. One
// iteration tests 1,000,000 points spread over the polygon's box and around.
void BM_PointInPolygon1M(benchmark::State& state) {
  PointInPolygonIndex idx(Wobbly(100000));
  std::vector<LonLat> points(1000000);
  uint64_t x = 88172645463325252ull;
  for (LonLat& p : points) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    p.lon = 34.5 + 2.0 * static_cast<double>(x % 1000003) / 1000003.0;
    p.lat = 50.6 + 1.4 * static_cast<double>((x >> 20) % 1000033) / 1000033.0;
  }
  size_t inside = 0;
  for (auto _ : state) {
    inside = 0;
    for (const LonLat& p : points) inside += idx.Contains(p.lon, p.lat);
    benchmark::DoNotOptimize(inside);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * points.size()));
  state.counters["inside_share"] = static_cast<double>(inside) / points.size();
}
BENCHMARK(BM_PointInPolygon1M)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep
