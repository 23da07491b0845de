// Windowed extraction of long documents (ExtractOptions::window_bytes): a
// document longer than the window is cut at paragraph breaks, each window
// goes through the pipeline, and what must cross a cut (the people named,
// the publication date) does.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/windows.h"
#include "sitrep/sitrep.h"
#include "tests/test_util.h"

namespace sitrep {
namespace {

// A small window, so that a few short paragraphs make a "long" document.
constexpr size_t kWindow = 400;

Document Load(const std::string& text) {
  LoadOptions lo;
  lo.published = "2024-08-13";
  Result<Document> doc = LoadDocument(text, lo);
  EXPECT_TRUE(doc.ok()) << doc.status().ToString();
  return doc.ok() ? *doc : Document{};
}

Extraction ExtractWindowed(const std::string& text, size_t window_bytes) {
  ExtractOptions o;
  o.window_bytes = window_bytes;
  Result<Extraction> x = testing::TestExtractor().Extract(Load(text), o);
  EXPECT_TRUE(x.ok()) << x.status().ToString();
  return x.ok() ? *x : Extraction{};
}

// Paragraphs that each stand alone: a full name, a place and a date of
// their own.
std::string StandAloneReport() {
  const std::vector<std::string> paragraphs = {
      "Russian forces shelled Kharkiv overnight, the regional governor Oleh Syniehubov said on Monday.",
      "Two civilians were wounded in Izium, police said, and a school was damaged.",
      "The Ukrainian air force said it shot down 12 drones over the Odesa region on Sunday.",
      "Mayor Ihor Terekhov said power was restored to most of Kharkiv by the evening.",
      "Russia's defence ministry said its troops had captured a village near Pokrovsk.",
      "Ukrainian officials denied the claim and said fighting continued near the village.",
      "A spokesman for the Ukrainian navy, Dmytro Pletenchuk, said two Russian ships left port.",
      "Prosecutors in Zaporizhzhia said a missile strike killed three people on Saturday.",
  };
  std::string text;
  for (const std::string& p : paragraphs) text += p + "\n\n";
  return text;
}

TEST(ExtractionWindows, CutAtBlankLinesAndCoverTheText) {
  const std::string text = StandAloneReport();
  std::vector<Span> w = ExtractionWindows(text, kWindow);
  ASSERT_GE(w.size(), 2u);
  EXPECT_EQ(w.front().begin, 0u);
  EXPECT_EQ(w.back().end, text.size());
  for (size_t i = 0; i < w.size(); ++i) {
    EXPECT_LE(w[i].end - w[i].begin, kWindow);
    if (i + 1 < w.size()) {
      EXPECT_EQ(w[i].end, w[i + 1].begin);
      EXPECT_EQ(text.substr(w[i].end - 2, 2), "\n\n") << "window " << i;
    }
  }
  EXPECT_EQ(ExtractionWindows(text, 0).size(), 1u);
  EXPECT_EQ(ExtractionWindows(text, text.size()).size(), 1u);
  // No blank line, no line end: after a sentence end.
  std::string one_line;
  for (int i = 0; i < 30; ++i) one_line += "Shelling was reported again. ";
  for (Span s : ExtractionWindows(one_line, 200)) {
    if (s.end < one_line.size()) {
      EXPECT_EQ(one_line.substr(s.end - 2, 2), ". ");
    }
  }
}

// The point: cutting a document changes nothing for paragraphs that stand
// alone: the same claims, with the same byte spans, as each window gives
// extracted by itself.
TEST(WindowedExtract, SameClaimsAsTheWindowsAlone) {
  const std::string text = StandAloneReport();
  Extraction whole = ExtractWindowed(text, kWindow);
  std::vector<Claim> expected;
  for (Span w : ExtractionWindows(text, kWindow)) {
    Extraction part = ExtractWindowed(text.substr(w.begin, w.end - w.begin), 0);
    for (Claim& c : part.claims) {
      c.span = {c.span.begin + w.begin, c.span.end + w.begin};
      expected.push_back(c);
    }
  }
  ASSERT_GE(expected.size(), 6u);
  ASSERT_EQ(whole.claims.size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(whole.claims[i].id, static_cast<int>(i) + 1);
    EXPECT_EQ(whole.claims[i].text, expected[i].text);
    EXPECT_EQ(whole.claims[i].span.begin, expected[i].span.begin) << expected[i].text;
    EXPECT_EQ(whole.claims[i].span.end, expected[i].span.end) << expected[i].text;
    EXPECT_EQ(whole.claims[i].cue, expected[i].cue) << expected[i].text;
    EXPECT_EQ(whole.claims[i].status, expected[i].status) << expected[i].text;
    EXPECT_EQ(whole.claims[i].date, expected[i].date) << expected[i].text;
    EXPECT_EQ(whole.claims[i].speaker.has_value(), expected[i].speaker.has_value()) << expected[i].text;
    if (whole.claims[i].speaker && expected[i].speaker) {
      EXPECT_EQ(whole.claims[i].speaker->name, expected[i].speaker->name);
    }
  }
  // Place and quantity ids run on from window to window and the claims
  // name the document's ids.
  for (size_t i = 0; i < whole.places.size(); ++i) EXPECT_EQ(whole.places[i].id, static_cast<int>(i) + 1);
  for (const Claim& c : whole.claims) {
    for (int id : c.places) {
      ASSERT_GE(id, 1);
      ASSERT_LE(id, static_cast<int>(whole.places.size()));
      // In the claim's own window, not one of the same id in another.
      const Span p = whole.places[id - 1].span;
      EXPECT_LE(p.begin, c.span.end + 200) << c.text;
      EXPECT_GE(p.end + 200, c.span.begin) << c.text;
    }
  }
}

std::string FillerParagraphs(int n) {
  std::string text;
  for (int i = 0; i < n; ++i) text += "The weather in the region stayed dry and windy for most of the week.\n\n";
  return text;
}

TEST(WindowedExtract, ARelativeDateInALaterWindowUsesThePublicationDate) {
  const std::string later = "Police said two people were wounded in a shelling of Kherson on Monday.\n";
  const std::string text = FillerParagraphs(12) + later;
  ASSERT_GT(text.size(), kWindow * 2);
  Extraction whole = ExtractWindowed(text, kWindow);
  const Claim* c = testing::FindClaim(whole, "two people were wounded");
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->date.has_value());
  EXPECT_EQ(c->date->ToString(), "2024-08-12");  // the Monday before 13 August 2024
  EXPECT_EQ(testing::SpanText(text, c->span).find("two people"), 0u) << testing::SpanText(text, c->span);
}

TEST(WindowedExtract, ASurnameInALaterWindowIsThePersonNamedBefore) {
  const std::string text = "Colonel Marta Vyshneva said the bridge over the river was hit.\n\n" +
                           FillerParagraphs(12) + "Vyshneva said the repairs would take a month.\n";
  ASSERT_GT(ExtractionWindows(text, kWindow).size(), 2u);
  Extraction whole = ExtractWindowed(text, kWindow);
  const Claim* first = testing::FindClaim(whole, "bridge over the river");
  const Claim* later = testing::FindClaim(whole, "repairs would take");
  ASSERT_NE(first, nullptr);
  ASSERT_NE(later, nullptr);
  ASSERT_TRUE(first->speaker && later->speaker);
  ASSERT_GT(first->speaker->person_id, 0);
  EXPECT_EQ(later->speaker->person_id, first->speaker->person_id);
  EXPECT_EQ(later->speaker->name, "Marta Vyshneva");
  ASSERT_EQ(whole.people.size(), 1u);
  // The person's spans are the document's: one in the first window, one in
  // the last.
  ASSERT_EQ(whole.people[0].spans.size(), 2u);
  EXPECT_EQ(testing::SpanText(text, whole.people[0].spans[1]), "Vyshneva");
  EXPECT_GT(whole.people[0].spans[1].begin, kWindow * 2);
}

// `sitrep extract` writes each window as it comes: the text is the same as
// that of the whole extraction.
TEST(WindowedExtract, StreamedJsonIsTheWholeExtractionsJson) {
  const std::string text = StandAloneReport();
  Document doc = Load(text);
  ExtractOptions o;
  o.window_bytes = kWindow;
  Result<Extraction> whole = testing::TestExtractor().Extract(doc, o);
  ASSERT_TRUE(whole.ok());
  for (int indent : {-1, 1}) {
    std::FILE* f = std::tmpfile();
    ASSERT_NE(f, nullptr);
    ExtractionJsonStream stream(f, indent);
    Result<Extraction> rest =
        testing::TestExtractor().ExtractWindows(doc, o, [&](Extraction& x) { stream.Window(x); });
    ASSERT_TRUE(rest.ok());
    ASSERT_TRUE(stream.Finish(*rest));
    std::string got(static_cast<size_t>(std::ftell(f)), '\0');
    std::rewind(f);
    ASSERT_EQ(std::fread(got.data(), 1, got.size(), f), got.size());
    std::fclose(f);
    EXPECT_EQ(got, ToJsonString(*whole, indent)) << "indent " << indent;
  }
}


// The JSON of ExtractWindows, as `sitrep extract` writes it.
template <typename Source>
std::string StreamedJson(Source& source, const ExtractOptions& o) {
  std::FILE* f = std::tmpfile();
  EXPECT_NE(f, nullptr);
  if (f == nullptr) return "";
  ExtractionJsonStream stream(f, -1);
  Result<Extraction> rest =
      testing::TestExtractor().ExtractWindows(source, o, [&](Extraction& x) { stream.Window(x); });
  EXPECT_TRUE(rest.ok()) << rest.status().ToString();
  EXPECT_TRUE(rest.ok() && stream.Finish(*rest));
  std::string got(static_cast<size_t>(std::ftell(f)), '\0');
  std::rewind(f);
  EXPECT_EQ(std::fread(got.data(), 1, got.size(), f), got.size());
  std::fclose(f);
  return got;
}

// A file read as it is extracted gives what the loaded document gives: the
// same metadata (size, SHA-256, front block, language, warnings), windows and
// JSON, whatever the window.
TEST(DocumentStream, ExtractsAsTheLoadedDocument) {
  testing::TempDir dir;
  const std::string with_front = "---\ntitle: Overnight strikes\noutlet: Test Wire\n---\n" + StandAloneReport();
  for (const std::string& text : {StandAloneReport(), with_front}) {
    const std::string path = dir / "report.txt";
    testing::WriteFile(path, text);
    for (size_t window : {size_t{0}, size_t{150}, kWindow, size_t{1000}}) {
      LoadOptions lo;
      std::unique_ptr<DocumentStream> stream = DocumentStream::Open(path, lo);
      ASSERT_NE(stream, nullptr);
      Result<Document> doc = LoadDocument(text, lo);
      ASSERT_TRUE(doc.ok());
      EXPECT_EQ(stream->meta().sha256, doc->meta.sha256);
      EXPECT_EQ(stream->meta().bytes, doc->meta.bytes);
      EXPECT_EQ(stream->meta().title, doc->meta.title);
      EXPECT_EQ(stream->meta().warnings, doc->meta.warnings);
      ExtractOptions o;
      o.window_bytes = window;
      const std::string got = StreamedJson(*stream, o);
      EXPECT_EQ(got, StreamedJson(*doc, o)) << "window " << window;
      EXPECT_EQ(got.find("Test Wire") != std::string::npos, text.starts_with("---")) << "window " << window;
    }
  }
}

// A character cut by the end of the stream's first pass's chunk (1 MiB) is
// whole UTF-8, and Read() gives the text exactly.
TEST(DocumentStream, ACharacterAcrossAChunkIsNoBadByte) {
  testing::TempDir dir;
  std::string text(size_t{1} << 20, 'a');
  text[(size_t{1} << 20) - 2] = '\n';
  text.replace((size_t{1} << 20) - 1, 1, "\xD0\x9A");  // К across the chunk's end
  text += "\xD0\xB8\xD1\x97\xD0\xB2 is a city.\n";
  const std::string path = dir / "long.txt";
  testing::WriteFile(path, text);
  std::unique_ptr<DocumentStream> stream = DocumentStream::Open(path);
  ASSERT_NE(stream, nullptr);
  EXPECT_TRUE(stream->meta().warnings.size() == 1);  // no date, and no invalid bytes
  std::string read;
  while (true) {
    Result<size_t> n = stream->Read(70000, &read);
    ASSERT_TRUE(n.ok());
    if (*n == 0) break;
  }
  EXPECT_EQ(read, text);
}

// What LoadDocument must load whole (it repairs, decodes or refuses with a
// message) gives no stream.
TEST(DocumentStream, NoStreamForWhatMustBeLoadedWhole) {
  testing::TempDir dir;
  const std::vector<std::string> inputs = {
      "Kyiv said the talks failed \xFF\xFE and more.\n",             // not UTF-8: repaired and flagged
      "<html><body><p>Kyiv said the talks failed.</p></body></html>",  // HTML
      "---\ntitle: never closed\nKyiv said the talks failed.\n",      // not a front block
      " \n\t\n",                                                        // empty
      std::string("Kyiv\0said", 9),                                      // binary
  };
  for (size_t i = 0; i < inputs.size(); ++i) {
    const std::string path = dir / ("input" + std::to_string(i) + ".txt");
    testing::WriteFile(path, inputs[i]);
    EXPECT_EQ(DocumentStream::Open(path), nullptr) << i;
  }
  EXPECT_EQ(DocumentStream::Open("-"), nullptr);
  EXPECT_EQ(DocumentStream::Open(dir / "missing.txt"), nullptr);
  EXPECT_EQ(DocumentStream::Open(dir / ""), nullptr);  // a folder
  LoadOptions bad_date;
  bad_date.published = "yesterday";
  testing::WriteFile(dir / "plain.txt", "Kyiv said the talks failed.\n");
  EXPECT_EQ(DocumentStream::Open(dir / "plain.txt", bad_date), nullptr);
  EXPECT_NE(DocumentStream::Open(dir / "plain.txt"), nullptr);
}

}  // namespace
}  // namespace sitrep
