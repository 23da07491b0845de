#include "pipeline/data_paths.h"

#include <cstdlib>
#include <filesystem>

namespace sitrep {

namespace {

// One data file's default places.
struct DataFile {
  const char* env;        // the variable that names it
  const char* file_name;  // beside the executable
  const char* build;      // the build tree's copy
  const char* installed;  // the installed copy
  const char* what;       // for messages
};

constexpr DataFile kGazetteer = {"SITREP_GAZETTEER", "gazetteer.bin", SITREP_BUILD_GAZETTEER,
                                 SITREP_INSTALLED_GAZETTEER, "gazetteer"};
constexpr DataFile kAttributionModel = {"SITREP_ATTRIBUTION_MODEL", "attribution.model",
                                        SITREP_BUILD_ATTRIBUTION_MODEL, SITREP_INSTALLED_ATTRIBUTION_MODEL,
                                        "attribution model"};
constexpr DataFile kEventModel = {"SITREP_EVENT_MODEL", "events.model", SITREP_BUILD_EVENT_MODEL,
                                  SITREP_INSTALLED_EVENT_MODEL, "event model"};
constexpr DataFile kGdalPlugin = {"SITREP_GDAL_PLUGIN", "libsitrep_gdal.so", SITREP_BUILD_GDAL_PLUGIN,
                                  SITREP_INSTALLED_GDAL_PLUGIN, "GDAL plugin"};

const char* FromEnvironment(const DataFile& f) {
  const char* env = std::getenv(f.env);
  return env != nullptr && *env != '\0' ? env : nullptr;
}

std::vector<std::string> SearchPath(const DataFile& f) {
  std::vector<std::string> paths;
  if (const char* env = FromEnvironment(f)) paths.push_back(env);
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) paths.push_back((exe.parent_path() / f.file_name).string());
  if (*f.build != '\0') paths.push_back(f.build);
  if (*f.installed != '\0') paths.push_back(f.installed);
  return paths;
}

Result<std::string> DefaultPath(const DataFile& f) {
  // The environment's file, when set, is the only one tried.
  if (const char* env = FromEnvironment(f)) return std::string(env);
  std::string tried;
  for (const std::string& path : SearchPath(f)) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) return path;
    tried += (tried.empty() ? "" : ", ") + path;
  }
  return Status::NotFound(std::string("no ") + f.what + " found (tried " + tried +
                          "); build it with scripts/build or point " + f.env + " at one");
}

}  // namespace

std::vector<std::string> GazetteerSearchPath() { return SearchPath(kGazetteer); }

Result<std::string> DefaultGazetteerPath() { return DefaultPath(kGazetteer); }

Result<std::string> DefaultAttributionModelPath() { return DefaultPath(kAttributionModel); }

Result<std::string> DefaultEventModelPath() { return DefaultPath(kEventModel); }

Result<std::string> DefaultGdalPluginPath() { return DefaultPath(kGdalPlugin); }

std::string DefaultHunspellDir() {
  const char* env = std::getenv("SITREP_HUNSPELL_DIR");
  return env != nullptr && *env != '\0' ? env : "/usr/share/hunspell";
}

}  // namespace sitrep
