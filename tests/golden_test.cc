// Golden tests: each example report's whole extraction, as canonical JSON,
// against tests/golden/<name>.json. A change in output fails here and shows
// where; if the change is an improvement, regenerate with
//   SITREP_UPDATE_GOLDEN=1 ctest -R Golden
// and review the diff in git before committing it.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sitrep/sitrep.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> Examples() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(SITREP_SOURCE_DIR) / "examples")) {
    if (e.path().extension() == ".txt" || e.path().extension() == ".html") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Golden, ExamplesMatchTheirReviewedOutput) {
  auto examples = Examples();
  ASSERT_GE(examples.size(), 3u) << "examples/ should hold the bundled reports";
  bool update = std::getenv("SITREP_UPDATE_GOLDEN") != nullptr;
  for (const fs::path& path : examples) {
    SCOPED_TRACE(path.filename().string());
    Result<Document> doc = LoadDocument(ReadFile(path));
    ASSERT_TRUE(doc.ok()) << doc.status().ToString();
    Result<Extraction> x = Extract(*doc);
    ASSERT_TRUE(x.ok());
    std::string got = ToJsonString(*x, 1) + "\n";
    fs::path golden = fs::path(SITREP_SOURCE_DIR) / "tests" / "golden" / (path.stem().string() + ".json");
    if (update) {
      std::ofstream(golden, std::ios::binary) << got;
      continue;
    }
    ASSERT_TRUE(fs::exists(golden)) << "no golden file " << golden << "; run with SITREP_UPDATE_GOLDEN=1";
    std::string want = ReadFile(golden);
    if (got != want) {
      // Point at the first differing line rather than dumping both files.
      std::istringstream g(got), w(want);
      std::string gl, wl;
      int line = 0;
      while (true) {
        bool gm = static_cast<bool>(std::getline(g, gl));
        bool wm = static_cast<bool>(std::getline(w, wl));
        ++line;
        if (!gm && !wm) break;
        if (gl != wl || gm != wm) {
          ADD_FAILURE() << golden.filename() << " differs first at line " << line << "\n  want: " << wl
                        << "\n  got:  " << gl;
          break;
        }
      }
    }
  }
}

}  // namespace
}  // namespace sitrep
