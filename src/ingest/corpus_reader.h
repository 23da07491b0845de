// Reading a corpus: files and folders of articles (text, HTML), JSON Lines
// corpora, Telegram Desktop channel exports (result.json) and RSS/Atom feeds,
// turned into one SourceRecord per document. Records that cannot be read are
// reported with where they are and why; reading goes on with the next one.
#ifndef SITREP_INGEST_CORPUS_READER_H_
#define SITREP_INGEST_CORPUS_READER_H_

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/sitrep.h"

namespace sitrep {

// One document as found in a corpus, before LoadDocument.
struct SourceRecord {
  std::string origin;        // "path", "path:LINE", "path#message ID", "path#item N"
  std::string fallback_key;  // identity across versions when the document has no URL
  std::string bytes;         // the document's bytes; spans will point here
  LoadOptions load;          // metadata the container gave (published, outlet, title, url)
  std::vector<std::string> links;
  std::vector<std::string> warnings;  // kept and flagged, e.g. an unreadable date
};

struct RecordProblem {
  std::string origin;
  std::string reason;
};

struct CorpusReaderOptions {
  uint64_t max_document_bytes = kDefaultMaxBytes;  // one article or record
  uint64_t max_container_bytes = 2ull << 30;       // a Telegram export (read as it is parsed)
  // A feed file is held in memory with its XML tree, about 3.6 times its
  // size (a 50 MB feed: 180 MB); real feeds are far below this.
  uint64_t max_feed_bytes = 64ull << 20;
  // Shard shard_index of shard_count (0-based), for walks shared out among
  // readers: of a JSON Lines file, the lines that start in the shard_index-th
  // shard_count-th of its bytes (the lines before are counted, not parsed);
  // of the other files, every shard_count-th record of the walk, with their
  // problems reported by shard 0 only. Together the shards read every
  // record and report every problem once.
  int shard_index = 0;
  int shard_count = 1;
  // ReadJsonLines: the lines that start in [begin, end) of the stream's
  // bytes (set from the shard by ReadCorpus).
  uint64_t json_lines_begin = 0;
  uint64_t json_lines_end = UINT64_MAX;
};

// Counts of what the walk saw, for the summary.
struct CorpusWalkStats {
  uint64_t files = 0;          // files read
  uint64_t ignored_files = 0;  // files in folders that are not a known type
  uint64_t skipped_records =
      0;  // records not ingested for a reason that is not a fault (service messages, empty posts)
};

// Walks `paths` (files, and folders recursively in name order) and calls
// on_record for each document; returning false from on_record stops the walk.
// A path that does not exist, or a shard outside [0, shard_count), is a
// Status error before anything is read.
Status ReadCorpus(const std::vector<std::string>& paths, const CorpusReaderOptions& options,
                  const std::function<bool(SourceRecord&&)>& on_record,
                  const std::function<void(const RecordProblem&)>& on_problem, CorpusWalkStats* stats);

// One file ReadCorpus would read, for callers that share the reading out
// (a distributed ingest gives each task some files, or one shard of a
// container): each named on its own to ReadCorpus reads as it would inside
// its folder.
struct CorpusFile {
  std::string path;
  uint64_t bytes = 0;
  bool container = false;  // JSON Lines, Telegram export or feed: many documents
};

// The files ReadCorpus(paths) reads, in the order it reads them; files of an
// unknown type inside folders are counted in stats->ignored_files and left
// out, unreadable folders go to on_problem. NotFound as ReadCorpus.
Result<std::vector<CorpusFile>> ListCorpusFiles(const std::vector<std::string>& paths,
                                                const std::function<void(const RecordProblem&)>& on_problem,
                                                CorpusWalkStats* stats);

// The readers ReadCorpus dispatches to, one container each (exposed for tests).
void ReadJsonLines(std::istream& in, const std::string& name, const CorpusReaderOptions& options,
                   const std::function<bool(SourceRecord&&)>& on_record,
                   const std::function<void(const RecordProblem&)>& on_problem, CorpusWalkStats* stats);
void ReadTelegramExport(std::string_view json, const std::string& name, const CorpusReaderOptions& options,
                        const std::function<bool(SourceRecord&&)>& on_record,
                        const std::function<void(const RecordProblem&)>& on_problem, CorpusWalkStats* stats);
// The same, reading the file at `path` as it goes: memory for one message,
// not the file (ReadCorpus's way).
void ReadTelegramExportFile(const std::string& path, const std::string& name, const CorpusReaderOptions& options,
                            const std::function<bool(SourceRecord&&)>& on_record,
                            const std::function<void(const RecordProblem&)>& on_problem, CorpusWalkStats* stats);
void ReadFeed(std::string_view xml, const std::string& name, const CorpusReaderOptions& options,
              const std::function<bool(SourceRecord&&)>& on_record,
              const std::function<void(const RecordProblem&)>& on_problem, CorpusWalkStats* stats);

// A publication time as corpora write it -> YYYY-MM-DD (the date as written,
// in the writer's time zone): ISO 8601 dates and date-times, RFC 822 feed
// dates ("Tue, 13 Aug 2024 10:00:00 GMT"), Unix seconds. nullopt otherwise.
std::optional<std::string> NormalizePublished(std::string_view value);

}  // namespace sitrep

#endif  // SITREP_INGEST_CORPUS_READER_H_
