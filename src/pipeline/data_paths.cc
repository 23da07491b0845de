#include "pipeline/data_paths.h"

#include <cstdlib>
#include <filesystem>

namespace sitrep {

namespace {

const char* GazetteerFromEnvironment() {
  const char* env = std::getenv("SITREP_GAZETTEER");
  return env != nullptr && *env != '\0' ? env : nullptr;
}

}  // namespace

std::vector<std::string> GazetteerSearchPath() {
  std::vector<std::string> paths;
  if (const char* env = GazetteerFromEnvironment()) paths.push_back(env);
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) paths.push_back((exe.parent_path() / "gazetteer.bin").string());
  if (*SITREP_BUILD_GAZETTEER != '\0') paths.push_back(SITREP_BUILD_GAZETTEER);
  if (*SITREP_INSTALLED_GAZETTEER != '\0') paths.push_back(SITREP_INSTALLED_GAZETTEER);
  return paths;
}

Result<std::string> DefaultGazetteerPath() {
  // $SITREP_GAZETTEER, when set, is the only one tried.
  if (const char* env = GazetteerFromEnvironment()) return std::string(env);
  std::string tried;
  for (const std::string& path : GazetteerSearchPath()) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) return path;
    tried += (tried.empty() ? "" : ", ") + path;
  }
  return Status::NotFound("no gazetteer found (tried " + tried +
                          "); build it with scripts/build or point SITREP_GAZETTEER at one");
}

}  // namespace sitrep
