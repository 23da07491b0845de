// Extractor: opening its data fails with a Status (the process goes on), and
// one Extractor serves many threads with the same results as one.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "extract/lexicons.h"
#include "geoparse/gazetteer_builder.h"
#include "geoparse/gazetteer_format.h"
#include "sitrep/sitrep.h"
#include "tests/test_util.h"

namespace sitrep {
namespace data {
extern const std::string_view kData_event_ruled_out;
extern const std::string_view kData_event_context;
}  // namespace data
namespace {

// A gazetteer of one invented country and town, built here so that the
// damaged copies below are small.
std::string TinyGazetteer() {
  constexpr char kTable[] =
      "# version 3\n"
      "c-XAA\tcountry\tXAA\t10.0\t20.0\t5000000\t\tAlderia\t\t\tXA\n"
      "t-karvel\tcity\tXAA\t10.1\t20.1\t1200000\tXAA\tKarvel\t\t\t\n";
  std::unordered_set<std::string> common;
  GazetteerSources src{kTable, "", "test fixture", &common};
  auto bytes = BuildGazetteer(src, nullptr);
  EXPECT_TRUE(bytes.ok()) << bytes.status().message();
  return bytes.ok() ? *bytes : std::string();
}

Result<std::unique_ptr<Extractor>> OpenWith(const std::string& gazetteer_path) {
  ExtractorOptions o;
  o.gazetteer_path = gazetteer_path;
  return Extractor::Open(o);
}

// The point: an embedding program learns that the file is missing and can
// carry on (here: open a good one next).
TEST(ExtractorOpen, AMissingGazetteerIsAnErrorAndTheProcessGoesOn) {
  testing::TempDir dir;
  auto missing = OpenWith(dir / "none.bin");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("none.bin"), std::string::npos) << missing.status().message();

  testing::WriteFile(dir / "tiny.bin", TinyGazetteer());
  auto good = OpenWith(dir / "tiny.bin");
  ASSERT_TRUE(good.ok()) << good.status().message();
  EXPECT_EQ((*good)->gazetteer_path(), dir / "tiny.bin");
  EXPECT_EQ((*good)->CountryName("XAA"), "Alderia");
  EXPECT_EQ((*good)->CountryName("XZZ"), "XZZ");
}

TEST(ExtractorOpen, ATruncatedGazetteerIsAnError) {
  testing::TempDir dir;
  std::string bytes = TinyGazetteer();
  testing::WriteFile(dir / "short.bin", bytes.substr(0, bytes.size() / 2));
  auto x = OpenWith(dir / "short.bin");
  ASSERT_FALSE(x.ok());
  EXPECT_EQ(x.status().code(), StatusCode::kDataError) << x.status().ToString();
  EXPECT_NE(x.status().message().find("short.bin"), std::string::npos) << x.status().message();
}

TEST(ExtractorOpen, AFileWithTheWrongMagicOrVersionIsAnError) {
  testing::TempDir dir;
  std::string magic = TinyGazetteer();
  magic.replace(0, 8, "NOTAGAZ!");
  testing::WriteFile(dir / "magic.bin", magic);
  auto x = OpenWith(dir / "magic.bin");
  ASSERT_FALSE(x.ok());
  EXPECT_EQ(x.status().code(), StatusCode::kDataError) << x.status().ToString();

  std::string version = TinyGazetteer();
  version[offsetof(gz::Header, format_version)] += 1;
  testing::WriteFile(dir / "version.bin", version);
  auto y = OpenWith(dir / "version.bin");
  ASSERT_FALSE(y.ok());
  EXPECT_EQ(y.status().code(), StatusCode::kDataError) << y.status().ToString();
}

TEST(ExtractorOpen, ADamagedAttributionModelIsAnError) {
  testing::TempDir dir;
  testing::WriteFile(dir / "model.bin", "not a model at all, just some bytes");
  ExtractorOptions o;
  o.attribution_model_path = dir / "model.bin";
  auto x = Extractor::Open(o);
  ASSERT_FALSE(x.ok());
  EXPECT_NE(x.status().message().find("model.bin"), std::string::npos) << x.status().message();
  o.attribution_model_path = dir / "none.model";
  EXPECT_FALSE(Extractor::Open(o).ok());
}

// The point: Extract() is const and shares nothing mutable, so threads on
// one Extractor get what a single thread gets.
TEST(ExtractorThreads, TwoThreadsOnOneExtractorGiveTheResultsOfOne) {
  auto extractor = Extractor::Open();
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  const Extractor& ex = **extractor;
  const std::vector<std::string> texts = {
      "Russian forces shelled Kharkiv on Monday night, the regional governor said.",
      "The ministry said its air defences shot down 12 drones over the Belgorod region.",
      "\"We have taken the village,\" a commander told reporters in Pokrovsk on Tuesday.",
      "According to reports, at least six regions were targeted last week."};
  std::vector<Document> docs;
  for (const std::string& t : texts) {
    auto d = LoadDocument(t, {.published = "2024-08-13"});
    ASSERT_TRUE(d.ok()) << d.status().message();
    docs.push_back(std::move(d).value());
  }
  auto run = [&](std::vector<std::string>* out) {
    for (int round = 0; round < 5; ++round) {
      for (const Document& d : docs) {
        Result<Extraction> x = ex.Extract(d);
        out->push_back(x.ok() ? ToJsonString(*x, -1) : "error: " + x.status().message());
      }
    }
  };
  std::vector<std::string> alone, first, second;
  run(&alone);
  std::thread t1(run, &first), t2(run, &second);
  t1.join();
  t2.join();
  ASSERT_EQ(alone.size(), texts.size() * 5);
  EXPECT_NE(alone[0].find("Kharkiv"), std::string::npos) << alone[0];
  EXPECT_EQ(first, alone);
  EXPECT_EQ(second, alone);
}

// The point: a malformed row in a word list is refused with its file and
// line instead of ending the program.
TEST(LexiconsLoad, AMalformedRowIsRefusedWithItsFileAndLine) {
  LexiconSources ok = LexiconSources::Embedded();
  ASSERT_TRUE(Lexicons::Load(ok).ok());

  LexiconSources short_row = ok;
  short_row.roles = "# a comment\npresident\tPresident\tgovernment\nchief\tChief\n";
  auto a = Lexicons::Load(short_row);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kDataError);
  EXPECT_NE(a.status().message().find("roles.tsv line 3"), std::string::npos) << a.status().message();

  LexiconSources bad_class = ok;
  bad_class.speech_verbs = "said\tsay\tsay\t\nwhispered\twhisper\tmurmur\t\n";
  auto b = Lexicons::Load(bad_class);
  ASSERT_FALSE(b.ok());
  EXPECT_NE(b.status().message().find("speech_verbs.tsv line 2"), std::string::npos) << b.status().message();
  EXPECT_NE(b.status().message().find("murmur"), std::string::npos) << b.status().message();
}

// A row written twice in a word list is harmless to the matcher but hides
// what the list holds (four trigger rows were repeated until 2 December):
// no table repeats a row, comments and blank lines aside.
TEST(LexiconsLoad, NoWordListRepeatsARow) {
  const LexiconSources e = LexiconSources::Embedded();
  const std::pair<const char*, std::string_view> tables[] = {
      {"speech_verbs", e.speech_verbs},     {"roles", e.roles},
      {"actors", e.actors},                 {"people", e.people},
      {"event_triggers", e.event_triggers}, {"conflicts", e.conflicts},
      {"section_labels", e.section_labels}, {"function_words", e.function_words},
      {"numbers", e.numbers},               {"calendar", e.calendar},
      {"units", e.units},                   {"quantity_bounds", e.quantity_bounds},
      {"event_ruled_out", data::kData_event_ruled_out}, {"event_context", data::kData_event_context}};
  for (const auto& [name, text] : tables) {
    ASSERT_FALSE(text.empty()) << name;
    std::map<std::string_view, size_t> first_line;
    size_t line = 0;
    for (size_t start = 0; start < text.size();) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      std::string_view row = text.substr(start, end - start);
      start = end + 1;
      ++line;
      if (row.empty() || row[0] == '#') continue;
      auto [it, fresh] = first_line.emplace(row, line);
      EXPECT_TRUE(fresh) << name << ".tsv line " << line << " repeats line " << it->second << ": " << row;
    }
  }
}

// The claim builder's word classes are data: each class is loaded from
// function_words.tsv, and a misspelt class is refused by name.
TEST(LexiconsLoad, ClaimBuilderWordClassesComeFromFunctionWords) {
  auto lex = Lexicons::Load(LexiconSources::Embedded());
  ASSERT_TRUE(lex.ok());
  EXPECT_TRUE((*lex)->IsFunctionWord("allegedly", FunctionClass::kHedge));
  EXPECT_TRUE((*lex)->IsFunctionWord("нібито", FunctionClass::kHedge));
  EXPECT_TRUE((*lex)->IsFunctionWord("reporters", FunctionClass::kObject));
  EXPECT_TRUE((*lex)->IsFunctionWord("warn", FunctionClass::kTakesObject));
  EXPECT_TRUE((*lex)->IsFunctionWord("whereas", FunctionClass::kClauseBreak));
  EXPECT_FALSE((*lex)->IsFunctionWord("reporters", FunctionClass::kHedge));

  LexiconSources src = LexiconSources::Embedded();
  src.function_words = "allegedly\thedge\ten\nreputedly\thedges\ten\n";
  auto bad = Lexicons::Load(src);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("function_words.tsv line 2"), std::string::npos) << bad.status().message();
  EXPECT_NE(bad.status().message().find("hedges"), std::string::npos) << bad.status().message();
}

// English months and weekdays are calendar.tsv rows, kept apart from the
// Russian and Ukrainian words so that "May" in a Russian text is no month.
TEST(LexiconsLoad, EnglishMonthsAndWeekdaysComeFromTheCalendar) {
  auto lex = Lexicons::Load(LexiconSources::Embedded());
  ASSERT_TRUE(lex.ok());
  const CalendarWord* sept = (*lex)->FindEnglishCalendar("sept");
  ASSERT_NE(sept, nullptr);
  EXPECT_EQ(sept->kind, CalendarWord::Kind::kMonth);
  EXPECT_EQ(sept->value, 9);
  const CalendarWord* friday = (*lex)->FindEnglishCalendar("friday");
  ASSERT_NE(friday, nullptr);
  EXPECT_EQ(friday->kind, CalendarWord::Kind::kWeekday);
  EXPECT_EQ(friday->value, 4);  // 0 = Monday
  EXPECT_EQ((*lex)->FindCalendar("may"), nullptr);
  EXPECT_NE((*lex)->FindCalendar("will"), nullptr);  // future words are read in any text
  EXPECT_NE((*lex)->Classes("march") & kDateStart, 0u);

  LexiconSources src = LexiconSources::Embedded();
  src.calendar = "brumaire\tmonth\t2\ten\n";
  auto added = Lexicons::Load(src);
  ASSERT_TRUE(added.ok());
  ASSERT_NE((*added)->FindEnglishCalendar("brumaire"), nullptr);
  EXPECT_EQ((*added)->FindEnglishCalendar("march"), nullptr);
}

}  // namespace
}  // namespace sitrep
