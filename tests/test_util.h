// Helpers shared by the tests.
#ifndef SITREP_TESTS_TEST_UTIL_H_
#define SITREP_TESTS_TEST_UTIL_H_

#include <filesystem>
#include <string>

#include "sitrep/sitrep.h"

namespace sitrep {
class Lexicons;
}

namespace sitrep::testing {

// The default Extractor (DefaultExtractor()); a test fails when it cannot
// be opened.
const Extractor& TestExtractor();
// Its word lists, for tests of single stages.
const Lexicons& TestLexicons();

// Loads `text` as a document published on `published` and extracts it; a
// failure in either step fails the calling test.
Extraction ExtractText(const std::string& text, const std::string& published = "2024-08-13",
                       const std::string& outlet = "");

// The claim whose text contains `needle`, or nullptr.
const Claim* FindClaim(const Extraction& x, const std::string& needle);

// The text a span covers in `raw`.
std::string SpanText(const std::string& raw, Span s);

// A fresh folder under the system's temporary folder, removed with the
// object; named after the running test (and the process), or `name`.
class TempDir {
 public:
  explicit TempDir(const std::string& name = "");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string operator/(const std::string& file) const { return (path_ / file).string(); }

 private:
  std::filesystem::path path_;
};

// Writes `text` to `path`, replacing it.
void WriteFile(const std::string& path, const std::string& text);

}  // namespace sitrep::testing

#endif  // SITREP_TESTS_TEST_UTIL_H_
