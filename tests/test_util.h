// Helpers shared by the tests.
#ifndef SITREP_TESTS_TEST_UTIL_H_
#define SITREP_TESTS_TEST_UTIL_H_

#include <string>

#include "sitrep/sitrep.h"

namespace sitrep::testing {

// Loads `text` as a document published on `published` and extracts it; a
// failure in either step fails the calling test.
Extraction ExtractText(const std::string& text, const std::string& published = "2024-08-13",
                       const std::string& outlet = "");

// The claim whose text contains `needle`, or nullptr.
const Claim* FindClaim(const Extraction& x, const std::string& needle);

// The text a span covers in `raw`.
std::string SpanText(const std::string& raw, Span s);

}  // namespace sitrep::testing

#endif  // SITREP_TESTS_TEST_UTIL_H_
