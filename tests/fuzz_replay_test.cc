// Mutation replay: corrupted variants of the example reports (byte flips,
// cut UTF-8 sequences, stray quotation marks, dashes, tags, entities, front
// blocks, deletions, duplications) must never crash, must keep every span
// inside the input, and must print valid JSON. Telegram exports, JSON Lines and
// GeoJSON control layers with nodes of the wrong JSON type must never throw. Deterministic (fixed seed),
// so a failure reproduces; it runs under the sanitizer build too.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>

#include <nlohmann/json.hpp>

#include "geo/control_geojson.h"
#include "ingest/corpus_reader.h"
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

// ---- JSON of the wrong shape (issue 14) ---------------------------------
// A wrong JSON type anywhere (a number for a "type", an object for a
// "name") once aborted a whole ingest. The readers of outside JSON get their
// seed files with 1-3 nodes replaced by values of other types; none may
// throw, and every record they give or refuse comes with its text or reason.

std::string ReadSource(const std::string& relative) {
  std::ifstream in(fs::path(SITREP_SOURCE_DIR) / relative, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string MutateTypes(const std::string& text, std::mt19937& rng) {
  nlohmann::json root = nlohmann::json::parse(text);
  static const nlohmann::json kValues[] = {nullptr, true, 7, -1.5, "x", "message", "Feature", "Polygon",
                                           nlohmann::json::array(), nlohmann::json::array({1, "a"}),
                                           nlohmann::json::object(), nlohmann::json::object({{"type", 3}})};
  int edits = 1 + static_cast<int>(rng() % 3);
  for (int e = 0; e < edits; ++e) {
    std::vector<nlohmann::json*> nodes;
    std::function<void(nlohmann::json&)> walk = [&](nlohmann::json& n) {
      nodes.push_back(&n);
      if (n.is_structured()) {
        for (nlohmann::json& child : n) walk(child);
      }
    };
    walk(root);
    *nodes[rng() % nodes.size()] = kValues[rng() % std::size(kValues)];
  }
  return root.dump();
}

TEST(FuzzReplay, TelegramExportsOfAnyShapeNeverThrow) {
  const std::string seed = ReadSource("tests/data/corpus/channel/result.json");
  ASSERT_FALSE(seed.empty());
  std::mt19937 rng(20261130u);
  int records = 0, problems = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string input = MutateTypes(seed, rng);
    CorpusWalkStats stats;
    try {
      ReadTelegramExport(
          input, "result.json", {},
          [&](SourceRecord&& r) {
            ++records;
            EXPECT_FALSE(r.bytes.empty()) << input;
            return true;
          },
          [&](const RecordProblem& p) {
            ++problems;
            EXPECT_FALSE(p.reason.empty()) << input;
          },
          &stats);
    } catch (const std::exception& e) {
      ADD_FAILURE() << "round " << round << " threw " << e.what() << "\n" << input;
      return;
    }
  }
  EXPECT_GT(records, 0);
  EXPECT_GT(problems, 0);
}

TEST(FuzzReplay, JsonLinesOfAnyShapeNeverThrow) {
  std::vector<std::string> lines;
  std::istringstream corpus(ReadSource("tests/data/corpus/reports.jsonl"));
  for (std::string line; std::getline(corpus, line);) {
    if (nlohmann::json::accept(line)) lines.push_back(line);
  }
  ASSERT_FALSE(lines.empty());
  std::mt19937 rng(20261130u);
  int records = 0, problems = 0;
  for (int round = 0; round < 3000; ++round) {
    std::istringstream in(MutateTypes(lines[round % lines.size()], rng) + "\n" + lines[0]);
    CorpusWalkStats stats;
    try {
      ReadJsonLines(
          in, "c.jsonl", {}, [&](SourceRecord&&) { return ++records, true; },
          [&](const RecordProblem& p) {
            ++problems;
            EXPECT_FALSE(p.reason.empty());
          },
          &stats);
    } catch (const std::exception& e) {
      ADD_FAILURE() << "round " << round << " threw " << e.what();
      return;
    }
  }
  EXPECT_GE(records, 3000);  // the good line after each mutated one
  EXPECT_GT(problems, 0);
}

TEST(FuzzReplay, ControlLayersOfAnyShapeNeverThrow) {
  const std::vector<std::string> seeds = {ReadSource("examples/control/pokrovsk-advances-2024-09-15.geojson"),
                                          ReadSource("examples/control/pokrovsk-advances-2024-10-01.geojson")};
  std::mt19937 rng(20261130u);
  int kept = 0, refused = 0;
  for (int round = 0; round < 3000; ++round) {
    const std::string input = MutateTypes(seeds[round % seeds.size()], rng);
    std::vector<GeoJsonProblem> problems;
    try {
      Result<std::vector<ControlFeature>> r = ParseControlGeoJson(input, &problems, /*repair=*/round % 2 == 0);
      if (r.ok()) {
        kept += static_cast<int>(r->size());
      } else {
        ++refused;
        EXPECT_FALSE(r.status().message().empty());
      }
    } catch (const std::exception& e) {
      ADD_FAILURE() << "round " << round << " threw " << e.what() << "\n" << input;
      return;
    }
    for (const GeoJsonProblem& p : problems) EXPECT_FALSE(p.reason.empty()) << input;
  }
  EXPECT_GT(kept, 0);
  EXPECT_GT(refused, 0);
}

}  // namespace
}  // namespace sitrep
