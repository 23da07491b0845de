// Extractor: the pipeline with its data loaded. Open it once, then extract
// from as many threads as you like:
//
//   auto extractor = sitrep::Extractor::Open({});   // finds gazetteer.bin
//   if (!extractor.ok()) { report extractor.status(); }
//   auto result = (*extractor)->Extract(doc);         // any thread
//
// Open() loads everything the stages read (the gazetteer, the word lists)
// and returns a Status when something is missing, damaged or of the wrong
// version; it never ends the process. Extract() reads only that loaded data
// and its arguments.
#ifndef SITREP_EXTRACTOR_H_
#define SITREP_EXTRACTOR_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/document.h"
#include "sitrep/extraction.h"
#include "sitrep/status.h"

namespace sitrep {

class DocumentStream;  // sitrep/sitrep.h

// What Open() loads. Each file is a path; empty means the default search,
// in order: the file the environment variable names (then the only one
// tried), the file next to the running executable, the build tree's copy,
// the installed copy (share/sitrep/). More loaded data gets its path here.
struct ExtractorOptions {
  // The compiled gazetteer (gazetteer.bin, docs/data.md; $SITREP_GAZETTEER).
  std::string gazetteer_path;
  // The learned attribution tagger (attribution.model, copied from
  // data/models/ by the build; $SITREP_ATTRIBUTION_MODEL).
  std::string attribution_model_path;
  // The learned event classifier (events.model, copied from data/models/ by
  // the build; $SITREP_EVENT_MODEL).
  std::string events_model_path;
  // The folder of Hunspell's ru_RU and uk_UA dictionaries (Debian's
  // hunspell-ru, hunspell-uk; $SITREP_HUNSPELL_DIR, else /usr/share/hunspell),
  // read on the first Russian or Ukrainian document.
  std::string hunspell_dir;
};

// Documents longer than this many bytes of text are extracted window by
// window (ExtractOptions::window_bytes). A window's working records cost
// about 80 bytes per byte of text (docs/performance.md, "Windowed
// extraction"): 256 kB windows keep that near 20 MB whatever the document's
// length, and every news article is shorter (their output is unchanged).
inline constexpr size_t kDefaultWindowBytes = 256 * 1024;

struct ExtractOptions {
  // A longer text is cut at paragraph breaks (a blank line; failing that, a
  // line end; failing that, a sentence end) into windows of at most about
  // this many bytes, each run through the pipeline in turn and the results
  // merged: people, the document's title and the sides of its conflict carry
  // over from window to window; claim, place and quantity ids run on. 0
  // never cuts.
  size_t window_bytes = kDefaultWindowBytes;
  // Claims with no date of their own take one from the previous claim within
  // this many paragraphs (news keeps its time frame from one paragraph to the
  // next); 0 turns inheritance off.
  int date_context_paragraphs = 2;
  // Rule-proposed events whose confidence (the event model's probability that
  // an ACLED coder would code them) is below this are not reported. Tuned on
  // IndiaPoliceEvents 11-15 March, which the model was not trained on
  // (docs/events.md); 0 keeps every rule event.
  double event_threshold = 0.5;
  // For training the event model: when set, the event model is not used,
  // every rule-proposed event is kept, and this is called with each (its
  // trigger span in the document's original bytes) and its features.
  std::function<void(const Event&, const std::vector<uint32_t>&)> event_candidates;
};

class Extractor {
 public:
  // Loads the gazetteer, the attribution model and the word lists. NotFound
  // when the default search finds no file (naming the paths tried); IoError
  // when a file cannot be opened; DataError when it is truncated, corrupt or
  // of another format version, or a word list has a malformed row. The
  // message names the file and says how to fix it.
  static Result<std::unique_ptr<Extractor>> Open(const ExtractorOptions& options = {});
  ~Extractor();
  Extractor(const Extractor&) = delete;
  Extractor& operator=(const Extractor&) = delete;

  // Runs every stage of the pipeline over one document. Const and
  // thread-safe: many threads may call it on one Extractor at once.
  // InvalidArgument when document.meta.published is not YYYY-MM-DD.
  Result<Extraction> Extract(const Document& document, const ExtractOptions& options = {}) const;

  // Extract() for output that need not be held whole: each window's claims,
  // places, quantities and dates (ids and spans already the document's)
  // go to `on_window` as soon as they are built, in text order; the first
  // call's `document` holds the metadata with the title. Returns the
  // document's metadata and its people (who span windows), with no claims,
  // places, quantities or dates. `sitrep extract` streams its JSON this way.
  Result<Extraction> ExtractWindows(const Document& document, const ExtractOptions& options,
                                    const std::function<void(Extraction& window)>& on_window) const;
  // The same over a file read as it is extracted: only the window being
  // extracted is held (sitrep/sitrep.h, DocumentStream).
  Result<Extraction> ExtractWindows(DocumentStream& stream, const ExtractOptions& options,
                                    const std::function<void(Extraction& window)>& on_window) const;

  // The gazetteer's name for a country ("Ukraine" for "UKR"); the code itself
  // when the gazetteer does not know it.
  std::string CountryName(std::string_view iso3) const;

  // The paths of the files in use.
  const std::string& gazetteer_path() const;
  const std::string& attribution_model_path() const;

  // The loaded data (src/pipeline/extractor_data.h), for the library's stages.
  struct Data;
  const Data& data() const { return *data_; }

 private:
  explicit Extractor(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

// A convenience over one Extractor opened on first use with the default
// options and shared by the process: its Open() error, if any, is returned
// here (and by every later call) instead of ending the process. Programs
// that can, open their own Extractor and keep it.
Result<const Extractor*> DefaultExtractor();

// Extract(document) on DefaultExtractor().
Result<Extraction> Extract(const Document& document, const ExtractOptions& options = {});

}  // namespace sitrep

#endif  // SITREP_EXTRACTOR_H_
