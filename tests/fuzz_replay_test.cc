// Mutation replay: corrupted variants of the example reports (byte flips,
// cut UTF-8 sequences, stray quotation marks, dashes, tags, entities, front
// blocks, deletions, duplications) must never crash, must keep every span
// inside the input, and must print valid JSON. Deterministic (fixed seed),
// so a failure reproduces; it runs under the sanitizer build too.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <cstdlib>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "sitrep/sitrep.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> Seeds() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(fs::path(SITREP_SOURCE_DIR) / "examples")) {
    if (e.path().extension() != ".txt" && e.path().extension() != ".html") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string Mutate(std::string s, std::mt19937& rng) {
  static const std::vector<std::string> kInserts = {
      "\xE2\x80\x9C", "\xE2\x80\x9D", "\"", "\xC2\xAB", "\xC2\xBB", " \xE2\x80\x94 ", ".", ",", "\n", "\n\n",
      "<p>", "</p>", "&amp;", "&#8217;", "&bogus;", "<", ">", "\xFF", "\xE2\x80", "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2",
      " said ", " could not verify ", " according to reports ", " since ", " nearly 400 square miles ",
      "---\npublished: 2024-08-13\n---\n", " he told ", " Kursk region ", " the ", "'s", "Gen. ", " U.S. "};
  int edits = 1 + static_cast<int>(rng() % 6);
  for (int e = 0; e < edits && !s.empty(); ++e) {
    size_t at = rng() % (s.size() + 1);
    switch (rng() % 6) {
      case 0:  // flip a byte
        if (at < s.size()) s[at] = static_cast<char>(rng() % 256);
        break;
      case 1:  // insert a fragment
        s.insert(at, kInserts[rng() % kInserts.size()]);
        break;
      case 2: {  // delete a range
        size_t n = rng() % 40;
        if (at < s.size()) s.erase(at, n);
        break;
      }
      case 3: {  // duplicate a range
        size_t n = rng() % 200;
        if (at < s.size()) s.insert(at, s.substr(at, n));
        break;
      }
      case 4:  // truncate (may cut a UTF-8 sequence)
        s.resize(at);
        break;
      default:  // swap two bytes
        if (at + 1 < s.size()) std::swap(s[at], s[at + 1]);
        break;
    }
  }
  return s;
}

void CheckSpan(Span s, size_t size, const std::string& what) {
  EXPECT_LE(s.begin, s.end) << what;
  EXPECT_LE(s.end, size) << what;
}

TEST(FuzzReplay, MutatedReportsNeverBreakTheContract) {
  // SITREP_FUZZ_ROUNDS and SITREP_FUZZ_SEED widen a local run.
  const char* rounds_env = std::getenv("SITREP_FUZZ_ROUNDS");
  const char* seed_env = std::getenv("SITREP_FUZZ_SEED");
  const int rounds = rounds_env != nullptr ? std::atoi(rounds_env) : 2000;
  std::mt19937 rng(seed_env != nullptr ? static_cast<unsigned>(std::atoi(seed_env)) : 20261125u);
  std::vector<std::string> seeds = Seeds();
  ASSERT_FALSE(seeds.empty());
  int extracted = 0, refused = 0;
  for (int round = 0; round < rounds; ++round) {
    std::string input = Mutate(seeds[round % seeds.size()], rng);
    LoadOptions lo;
    lo.published = "2024-08-13";
    Result<Document> doc = LoadDocument(input, lo);
    if (!doc.ok()) {
      ++refused;
      EXPECT_FALSE(doc.status().message().empty());
      continue;
    }
    Result<Extraction> x = Extract(*doc);
    ASSERT_TRUE(x.ok()) << "round " << round;
    ++extracted;
    const size_t n = input.size();
    for (const Claim& c : x->claims) {
      CheckSpan(c.span, n, "claim");
      if (c.speaker) CheckSpan(c.speaker->span, n, "speaker");
      if (c.status_cue) CheckSpan(c.status_cue->span, n, "status cue");
      if (c.event) CheckSpan(c.event->trigger_span, n, "trigger");
    }
    for (const Place& p : x->places) CheckSpan(p.span, n, "place");
    for (const Quantity& q : x->quantities) CheckSpan(q.span, n, "quantity");
    for (const DateMention& d : x->dates) CheckSpan(d.span, n, "date");
    for (const Person& p : x->people) {
      for (Span s : p.spans) CheckSpan(s, n, "person");
    }
    // Valid JSON, and therefore valid UTF-8 in every string.
    std::string json = ToJsonString(*x, -1);
    try {
      auto parsed = nlohmann::json::parse(json);
      (void)parsed;
    } catch (const nlohmann::json::exception& e) {
      ADD_FAILURE() << "round " << round << ": " << e.what() << "\n" << json.substr(0, 400);
    }
    // In plain text without repairs, a claim's text is its span's bytes.
    if (doc->meta.format == "text" && doc->meta.warnings.size() <= 1) {
      for (const Claim& c : x->claims) {
        if (c.span.end <= n && doc->meta.warnings.empty()) {
          EXPECT_EQ(input.substr(c.span.begin, c.span.end - c.span.begin), c.text) << "round " << round;
        }
      }
    }
  }
  EXPECT_GT(extracted, rounds * 3 / 4);  // most mutations stay readable text
  std::cout << "fuzz replay: " << extracted << " extracted, " << refused << " refused with a message\n";
}

}  // namespace
}  // namespace sitrep
