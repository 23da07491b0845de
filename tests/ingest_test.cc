#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "sitrep/sitrep.h"
#include "tests/test_util.h"

namespace sitrep {
namespace {

TEST(LoadDocument, RefusesEmptyInput) {
  for (std::string empty : {"", "   \n\t\n"}) {
    Result<Document> d = LoadDocument(empty);
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.status().code(), StatusCode::kDataError);
    EXPECT_NE(d.status().message().find("empty"), std::string::npos);
  }
}

TEST(LoadDocument, RefusesBinaryGarbage) {
  std::string junk;
  for (int i = 0; i < 4096; ++i) junk.push_back(static_cast<char>((i * 7919) % 256));
  Result<Document> d = LoadDocument(junk);
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("binary"), std::string::npos);
}

TEST(LoadDocument, RefusesTextThatIsNotUtf8) {
  std::string latin1;
  for (int i = 0; i < 200; ++i) latin1 += "caf\xE9 \xE0 ";
  Result<Document> d = LoadDocument(latin1);
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.status().message().find("UTF-8"), std::string::npos);
}

TEST(LoadDocument, RepairsAndFlagsSomeInvalidUtf8WithSpansIntact) {
  std::string text =
      "Officials in Sumy said \xFF the shelling continued. “We are ready to defend the city,” Ivan Petrenko said.";
  LoadOptions lo;
  lo.published = "2024-08-13";
  Result<Document> d = LoadDocument(text, lo);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->meta.warnings.size(), 1u);
  EXPECT_NE(d->meta.warnings[0].find("byte 23"), std::string::npos);
  Result<Extraction> x = Extract(*d);
  ASSERT_TRUE(x.ok());
  const Claim* q = testing::FindClaim(*x, "We are ready");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(testing::SpanText(text, q->span), "We are ready to defend the city,");
}

TEST(LoadDocument, ReadsAFrontBlockAndCountsSpansFromTheFirstByte) {
  std::string text = "---\npublished: 2024-06-20\noutlet: Test Wire\n---\nIn Kharkiv, shelling killed two people.\n";
  Result<Document> d = LoadDocument(text);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->meta.published, "2024-06-20");
  EXPECT_EQ(d->meta.outlet, "Test Wire");
  Result<Extraction> x = Extract(*d);
  ASSERT_TRUE(x.ok());
  ASSERT_FALSE(x->places.empty());
  EXPECT_EQ(testing::SpanText(text, x->places[0].span), "Kharkiv");
}

// Without keep_raw the bytes are not kept (a long document is held once);
// the text, metadata, warnings and spans are the same.
TEST(LoadDocument, WithoutTheRawBytesTheTextAndSpansAreTheSame) {
  const std::string inputs[] = {
      "---\npublished: 2024-06-20\noutlet: Test Wire\n---\nIn Kharkiv, \xFF shelling killed two people.\n",
      "<html><head><title>Strikes</title></head><body><p>In Sumy, shelling killed two people.</p></body></html>",
      "In Kherson, officials said \xC3 a drone hit a bus."};
  for (const std::string& text : inputs) {
    Result<Document> kept = LoadDocument(text);
    LoadOptions lo;
    lo.keep_raw = false;
    Result<Document> dropped = LoadDocument(text, lo);
    ASSERT_TRUE(kept.ok() && dropped.ok()) << text;
    EXPECT_EQ(kept->raw, text);
    EXPECT_TRUE(dropped->raw.empty());
    EXPECT_EQ(dropped->text, kept->text);
    EXPECT_EQ(dropped->meta.sha256, kept->meta.sha256);
    EXPECT_EQ(dropped->meta.bytes, text.size());
    EXPECT_EQ(dropped->meta.warnings, kept->meta.warnings);
    EXPECT_EQ(dropped->meta.published, kept->meta.published);
    EXPECT_EQ(dropped->meta.title, kept->meta.title);
    Result<Extraction> a = Extract(*kept), b = Extract(*dropped);
    ASSERT_TRUE(a.ok() && b.ok());
    EXPECT_EQ(ToJsonString(*b), ToJsonString(*a)) << text;
    ASSERT_FALSE(b->places.empty()) << text;
    EXPECT_NE(testing::SpanText(text, b->places[0].span).find_first_of("KS"), std::string::npos);
  }
}

TEST(LoadDocument, CommandLineMetadataWinsOverTheFrontBlock) {
  LoadOptions lo;
  lo.published = "2024-01-02";
  Result<Document> d = LoadDocument("---\npublished: 2024-06-20\n---\nText here.", lo);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->meta.published, "2024-01-02");
}

TEST(LoadDocument, RejectsAMalformedPublicationDate) {
  LoadOptions lo;
  lo.published = "13 August";
  Result<Document> d = LoadDocument("Some text.", lo);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
}

TEST(LoadDocument, WarnsWithoutAPublicationDate) {
  Result<Document> d = LoadDocument("Shelling hit Sumy on Monday.");
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->meta.warnings.size(), 1u);
  Result<Extraction> x = Extract(*d);
  ASSERT_TRUE(x.ok());
  EXPECT_TRUE(x->dates.empty());  // "Monday" cannot be resolved
}

TEST(LoadDocument, DecodesHtmlAndMapsSpansIntoTheMarkup) {
  std::string html =
      "<html><body><p>Officials said &ldquo;the front line in Donetsk Oblast held firm overnight,&rdquo; "
      "Governor Vadym Filashkin said.</p></body></html>";
  LoadOptions lo;
  lo.published = "2024-08-13";
  Result<Document> d = LoadDocument(html, lo);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->meta.format, "html");
  Result<Extraction> x = Extract(*d);
  ASSERT_TRUE(x.ok());
  bool found = false;
  for (const Place& p : x->places) {
    if (p.name == "Donetsk Oblast") {
      found = true;
      EXPECT_EQ(testing::SpanText(html, p.span), "Donetsk Oblast");
    }
  }
  EXPECT_TRUE(found);
}

TEST(ReadInput, NamesTheProblem) {
  Result<std::string> missing = ReadInput("/nonexistent/report.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find("/nonexistent/report.txt"), std::string::npos);

  Result<std::string> dir = ReadInput(std::filesystem::temp_directory_path().string());
  ASSERT_FALSE(dir.ok());
  EXPECT_NE(dir.status().message().find("directory"), std::string::npos);
}

TEST(ReadInput, RefusesFilesOverTheLimit) {
  auto path = std::filesystem::temp_directory_path() / "sitrep_read_limit.txt";
  {
    std::ofstream f(path);
    f << std::string(2000, 'a');
  }
  Result<std::string> r = ReadInput(path.string(), 1000);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("--max-bytes"), std::string::npos);
  EXPECT_TRUE(ReadInput(path.string(), 4000).ok());
  std::filesystem::remove(path);
}

// A 50 MB document: refused by default with a clear message, and processed in
// linear time when the limit is raised (skipped under sanitizers, which make
// it slow; the release build runs it).
TEST(LargeInput, FiftyMegabytes) {
  std::string para =
      "Russian forces shelled Kharkiv overnight, killing at least two civilians, regional officials said. "
      "“We will rebuild,” the mayor said on Tuesday.\n\n";
  std::string big;
  big.reserve(50'000'000 + para.size());
  while (big.size() < 50'000'000) big += para;
  LoadOptions lo;
  lo.published = "2024-08-13";
  Result<Document> refused = LoadDocument(big, lo);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("--max-bytes"), std::string::npos);
#ifndef SITREP_SANITIZED
  lo.max_bytes = 64ull << 20;
  Result<Document> d = LoadDocument(big, lo);
  ASSERT_TRUE(d.ok());
  Result<Extraction> x = Extract(*d);
  ASSERT_TRUE(x.ok());
  EXPECT_GT(x->claims.size(), 100000u);
#endif
}

}  // namespace
}  // namespace sitrep
