// libFuzzer targets for the readers of outside input, one binary each
// (SITREP_FUZZ_TARGET names it): JSON Lines corpora, Telegram exports,
// RSS/Atom feeds, GeoJSON control layers and the API's query parameters.
// Nothing may crash or throw; every record kept has bytes and every refusal
// a reason.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>

#include "geo/control_geojson.h"
#include "ingest/corpus_reader.h"
#include "sitrep/store.h"

namespace {

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

[[maybe_unused]] void ReadWith(int reader, std::string_view input) {
  sitrep::CorpusReaderOptions options;
  options.max_document_bytes = 1 << 16;
  auto record = [](sitrep::SourceRecord&& r) {
    Check(!r.origin.empty());
    return true;
  };
  auto problem = [](const sitrep::RecordProblem& p) { Check(!p.origin.empty() && !p.reason.empty()); };
  sitrep::CorpusWalkStats stats;
  if (reader == 0) {
    std::istringstream in{std::string(input)};
    sitrep::ReadJsonLines(in, "fuzz.jsonl", options, record, problem, &stats);
  } else if (reader == 1) {
    sitrep::ReadTelegramExport(input, "result.json", options, record, problem, &stats);
  } else {
    sitrep::ReadFeed(input, "fuzz.xml", options, record, problem, &stats);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
#if SITREP_FUZZ_TARGET == 0 || SITREP_FUZZ_TARGET == 1 || SITREP_FUZZ_TARGET == 2
  ReadWith(SITREP_FUZZ_TARGET, input);
#elif SITREP_FUZZ_TARGET == 3
  std::vector<sitrep::GeoJsonProblem> problems;
  for (bool repair : {false, true}) {
    auto features = sitrep::ParseControlGeoJson(input, &problems, repair);
    if (!features.ok()) continue;
    for (const auto& f : *features) {
      std::string stored = sitrep::ToMultiPolygonCoordinates(f.shape);
      Check(sitrep::ParseMultiPolygonCoordinates(stored).ok());
    }
  }
#elif SITREP_FUZZ_TARGET == 4
  // The API's query values and a publication time as corpora write it.
  std::string text(input);
  sitrep::QueryFilter f;
  (void)sitrep::ParseNear(text, &f);
  (void)sitrep::ParseBbox(text, &f);
  f.text = text;
  f.since = text;
  f.until = text;
  (void)sitrep::ValidateFilter(f);
  if (auto d = sitrep::NormalizePublished(input)) Check(d->size() == 10);
#else
#error "SITREP_FUZZ_TARGET: 0 jsonl, 1 telegram, 2 feed, 3 geojson, 4 query"
#endif
  return 0;
}
