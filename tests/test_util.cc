#include "tests/test_util.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "pipeline/extractor_data.h"

namespace sitrep::testing {

TempDir::TempDir(const std::string& name) {
  std::string label = name;
  if (label.empty()) {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    label = std::string(info->test_suite_name()) + "-" + info->name();
  }
  path_ = std::filesystem::temp_directory_path() / ("sitrep-" + label + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

const Extractor& TestExtractor() {
  Result<const Extractor*> x = DefaultExtractor();
  if (!x.ok()) {
    // Every caller needs the data: stop the test program with the reason.
    std::fprintf(stderr, "sitrep tests: cannot open the Extractor: %s\n", x.status().message().c_str());
    std::abort();
  }
  return **x;
}

const Lexicons& TestLexicons() { return *TestExtractor().data().lexicons; }

Extraction ExtractText(const std::string& text, const std::string& published, const std::string& outlet) {
  LoadOptions lo;
  lo.published = published;
  lo.outlet = outlet;
  Result<Document> doc = LoadDocument(text, lo);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  if (!doc.ok()) return {};
  Result<Extraction> x = Extract(*doc);
  EXPECT_TRUE(x.ok()) << x.status().ToString();
  return x.ok() ? *x : Extraction{};
}

const Claim* FindClaim(const Extraction& x, const std::string& needle) {
  for (const Claim& c : x.claims) {
    if (c.text.find(needle) != std::string::npos) return &c;
  }
  return nullptr;
}

std::string SpanText(const std::string& raw, Span s) { return raw.substr(s.begin, s.end - s.begin); }

}  // namespace sitrep::testing
