// Where the data files an Extractor opens are found when the caller names
// none. The only place the library reads the environment or asks where its
// executable is: Extractor::Open and the command line, never a stage.
#ifndef SITREP_PIPELINE_DATA_PATHS_H_
#define SITREP_PIPELINE_DATA_PATHS_H_

#include <string>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

// Where the default gazetteer file is looked for: $SITREP_GAZETTEER, then
// gazetteer.bin next to the running executable, then the build tree's copy,
// then the installed copy.
std::vector<std::string> GazetteerSearchPath();

// The gazetteer file to open: $SITREP_GAZETTEER when set (whether or not it
// exists: opening it names the problem), else the first of the others that
// exists; NotFound naming the paths tried when there is none.
Result<std::string> DefaultGazetteerPath();

// The same for the attribution model: $SITREP_ATTRIBUTION_MODEL, then
// attribution.model next to the executable, in the build tree, installed.
Result<std::string> DefaultAttributionModelPath();

// The same for the event model: $SITREP_EVENT_MODEL, then events.model
// next to the executable, in the build tree, installed.
Result<std::string> DefaultEventModelPath();

// The same for the GDAL plugin (store/gdal_plugin.h): $SITREP_GDAL_PLUGIN,
// then libsitrep_gdal.so next to the executable, in the build tree,
// installed.
Result<std::string> DefaultGdalPluginPath();

// The folder of the Hunspell dictionaries: $SITREP_HUNSPELL_DIR, else
// Debian's /usr/share/hunspell.
std::string DefaultHunspellDir();

}  // namespace sitrep

#endif  // SITREP_PIPELINE_DATA_PATHS_H_
