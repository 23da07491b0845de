#include "tests/test_util.h"

#include <gtest/gtest.h>

namespace sitrep::testing {

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
