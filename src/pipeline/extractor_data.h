// What an Extractor loads in Open() and every stage reads: the pipeline's
// data, passed down explicitly (no stage reaches a global).
#ifndef SITREP_PIPELINE_EXTRACTOR_DATA_H_
#define SITREP_PIPELINE_EXTRACTOR_DATA_H_

#include <memory>
#include <string>

#include "events/event_classifier.h"
#include "extract/attribution_tagger.h"
#include "extract/lexicons.h"
#include "extract/morphology.h"
#include "geoparse/gazetteer.h"
#include "sitrep/extractor.h"

namespace sitrep {

// To add a loaded file (a learned model): a path in ExtractorOptions, a
// member here, one Open call in Extractor::Open, and the stage takes it as
// an argument from Extractor::Extract.
struct Extractor::Data {
  std::string gazetteer_path;
  std::unique_ptr<Gazetteer> gazetteer;
  std::string attribution_model_path;
  std::unique_ptr<AttributionTagger> attribution;
  std::string events_model_path;
  std::unique_ptr<EventClassifier> events;
  std::unique_ptr<Lexicons> lexicons;
  std::unique_ptr<Morphology> morphology;
};

}  // namespace sitrep

#endif  // SITREP_PIPELINE_EXTRACTOR_DATA_H_
