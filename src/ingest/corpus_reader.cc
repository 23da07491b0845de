#include "ingest/corpus_reader.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/utf8.h"

namespace sitrep {

namespace fs = std::filesystem;

namespace {

enum class FileKind { kArticle, kJsonLines, kJson, kFeed, kUnknown };

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

FileKind KindByExtension(const fs::path& p) {
  std::string ext = Lower(p.extension().string());
  if (ext == ".txt" || ext == ".text" || ext == ".md" || ext == ".html" || ext == ".htm") return FileKind::kArticle;
  if (ext == ".jsonl" || ext == ".ndjson") return FileKind::kJsonLines;
  if (ext == ".json") return FileKind::kJson;
  if (ext == ".xml" || ext == ".rss" || ext == ".atom") return FileKind::kFeed;
  return FileKind::kUnknown;
}

// A feed announces itself in its first kilobyte.
bool LooksLikeFeed(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 1024);
  return head.find("<rss") != std::string_view::npos || head.find("<feed") != std::string_view::npos ||
         head.find("<rdf:RDF") != std::string_view::npos;
}

std::string Canonical(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  return ec ? p.string() : c.string();
}

// One file: an article, or a container of many documents.
void ReadFile(const fs::path& path, bool named, const CorpusReaderOptions& options,
              const std::function<bool(SourceRecord&&)>& all_records,
              const std::function<void(const RecordProblem&)>& all_problems, CorpusWalkStats* stats,
              uint64_t* ordinal, bool* stop) {
  const std::string name = path.string();
  FileKind kind = KindByExtension(path);
  if (kind == FileKind::kUnknown && !named) {
    ++stats->ignored_files;
    return;
  }
  ++stats->files;
  const uint64_t shards = static_cast<uint64_t>(options.shard_count);
  const uint64_t shard = static_cast<uint64_t>(options.shard_index);
  if (kind == FileKind::kJsonLines) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      if (shard == 0) all_problems({name, "cannot open the file"});
      return;
    }
    CorpusReaderOptions o = options;
    if (shards > 1) {  // shard i of k: the lines that start in the i-th k-th of the bytes
      std::error_code ec;
      const uint64_t size = static_cast<uint64_t>(fs::file_size(path, ec));
      o.json_lines_begin = ec ? 0 : size / shards * shard + std::min(shard, size % shards);
      o.json_lines_end = ec ? 0 : size / shards * (shard + 1) + std::min(shard + 1, size % shards);
      if (ec && shard == 0) o.json_lines_end = std::numeric_limits<uint64_t>::max();
    }
    ReadJsonLines(in, name, o,
                  [&](SourceRecord&& r) { return (*stop = !all_records(std::move(r)), !*stop); }, all_problems, stats);
    return;
  }
  // Other files, shard i of k: every k-th record of the walk, and the
  // problems of reading them once, by shard 0.
  auto on_record = [&](SourceRecord&& r) {
    if ((*ordinal)++ % shards != shard) return true;
    return all_records(std::move(r));
  };
  auto on_problem = [&](const RecordProblem& p) {
    if (shard == 0) all_problems(p);
  };
  auto forward = [&](SourceRecord&& r) { return (*stop = !on_record(std::move(r)), !*stop); };
  uint64_t limit = kind == FileKind::kJson   ? options.max_container_bytes
                   : kind == FileKind::kFeed ? options.max_feed_bytes
                                             : options.max_document_bytes;
  if (kind == FileKind::kJson || kind == FileKind::kFeed) {
    std::error_code ec;
    const uint64_t size = static_cast<uint64_t>(fs::file_size(path, ec));
    if (!ec && size > limit) {
      on_problem({name, std::string(kind == FileKind::kJson ? "a Telegram export" : "a feed") + " of " +
                            std::to_string(size >> 20) + " MiB, over the limit of " + std::to_string(limit >> 20) +
                            " MiB for one such file; split it, or write its items as JSON Lines (.jsonl)"});
      return;
    }
  }
  if (kind == FileKind::kJson) {  // read as it is parsed, never whole
    ReadTelegramExportFile(path.string(), name, options, forward, on_problem, stats);
    return;
  }
  Result<std::string> bytes = ReadInput(name, limit);
  if (!bytes.ok()) {
    on_problem({name, bytes.status().message()});
    return;
  }
  if (kind == FileKind::kFeed || (kind == FileKind::kUnknown && LooksLikeFeed(*bytes))) {
    ReadFeed(*bytes, name, options, forward, on_problem, stats);
    return;
  }
  SourceRecord r;
  r.origin = name;
  r.fallback_key = "file:" + Canonical(path);
  r.bytes = std::move(bytes).value();
  forward(std::move(r));
}

}  // namespace

namespace {

// The files of one folder, recursively, in name order; hidden files and
// folders are left out.
void WalkFolder(const std::string& folder, std::vector<fs::path>* files,
                const std::function<void(const RecordProblem&)>& on_problem) {
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) {
    on_problem({folder, "cannot read the folder: " + ec.message()});
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      on_problem({folder, "cannot read part of the folder: " + ec.message()});
      break;
    }
    const fs::path& f = it->path();
    bool hidden = !f.filename().empty() && f.filename().string()[0] == '.';
    if (hidden) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) files->push_back(f);
  }
  std::sort(files->begin(), files->end());
}

}  // namespace

Status ReadCorpus(const std::vector<std::string>& paths, const CorpusReaderOptions& options,
                  const std::function<bool(SourceRecord&&)>& on_record,
                  const std::function<void(const RecordProblem&)>& on_problem, CorpusWalkStats* stats) {
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) return Status::NotFound("no such file or folder: " + p);
  }
  if (options.shard_count < 1 || options.shard_index < 0 || options.shard_index >= options.shard_count) {
    return Status::InvalidArgument("shard " + std::to_string(options.shard_index) + " of " +
                                   std::to_string(options.shard_count) + ": the index must be in [0, count)");
  }
  bool stop = false;
  uint64_t ordinal = 0;  // of the record in the walk, for shards
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      ReadFile(p, /*named=*/true, options, on_record, on_problem, stats, &ordinal, &stop);
      if (stop) return Status::Ok();
      continue;
    }
    std::vector<fs::path> files;
    WalkFolder(p, &files, on_problem);
    for (const fs::path& f : files) {
      ReadFile(f, /*named=*/false, options, on_record, on_problem, stats, &ordinal, &stop);
      if (stop) return Status::Ok();
    }
  }
  return Status::Ok();
}

Result<std::vector<CorpusFile>> ListCorpusFiles(const std::vector<std::string>& paths,
                                                const std::function<void(const RecordProblem&)>& on_problem,
                                                CorpusWalkStats* stats) {
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::exists(p, ec)) return Status::NotFound("no such file or folder: " + p);
  }
  std::vector<CorpusFile> out;
  auto add = [&](const fs::path& f, bool named) {
    FileKind kind = KindByExtension(f);
    if (kind == FileKind::kUnknown && !named) {
      ++stats->ignored_files;
      return;
    }
    std::error_code ec;
    uintmax_t size = fs::file_size(f, ec);
    out.push_back({f.string(), ec ? 0 : static_cast<uint64_t>(size), kind != FileKind::kArticle});
  };
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      add(p, /*named=*/true);
      continue;
    }
    std::vector<fs::path> files;
    WalkFolder(p, &files, on_problem);
    for (const fs::path& f : files) add(f, /*named=*/false);
  }
  return out;
}

namespace {

// The next line of `in` (without its newline) into *line, holding at most
// `limit` bytes: a longer one is read past, not into memory, and *too_long
// says so. False at the end of the input.
bool ReadBoundedLine(std::istream& in, uint64_t limit, std::string* line, bool* too_long, uint64_t* consumed) {
  line->clear();
  *too_long = false;
  char chunk[64 * 1024];
  bool any = false;
  while (true) {
    in.getline(chunk, sizeof chunk);
    const std::streamsize got = in.gcount();
    *consumed += static_cast<uint64_t>(got);
    const bool full = in.fail() && !in.eof() && got == static_cast<std::streamsize>(sizeof chunk) - 1;
    if (got == 0 && !in) return any;
    any = true;
    // The newline, when it was read, is counted in gcount but not stored.
    const size_t stored = full || in.eof() ? static_cast<size_t>(got) : static_cast<size_t>(got) - 1;
    if (!*too_long) {
      if (line->size() + stored > limit) {
        *too_long = true;
        std::string().swap(*line);
      } else {
        line->append(chunk, stored);
      }
    }
    if (!full) return true;
    in.clear();  // a full chunk set failbit: the line goes on
  }
}

}  // namespace

void ReadJsonLines(std::istream& in, const std::string& name, const CorpusReaderOptions& options,
                   const std::function<bool(SourceRecord&&)>& on_record,
                   const std::function<void(const RecordProblem&)>& on_problem, CorpusWalkStats* stats) {
  std::string line;
  uint64_t number = 0;
  const std::string file_name = fs::path(name).filename().string();
  bool too_long = false;
  // A shard (options.json_lines_begin/end): the lines before it are counted,
  // not parsed, so that origins keep their line numbers; a line that starts
  // before the shard's first byte belongs to the shard before.
  uint64_t offset = 0;
  if (options.json_lines_begin > 0) {
    char chunk[64 * 1024];
    char last = '\n';
    while (offset < options.json_lines_begin && in) {
      in.read(chunk, static_cast<std::streamsize>(std::min<uint64_t>(sizeof chunk, options.json_lines_begin - offset)));
      const std::streamsize got = in.gcount();
      if (got <= 0) break;
      number += static_cast<uint64_t>(std::count(chunk, chunk + got, '\n'));
      last = chunk[got - 1];
      offset += static_cast<uint64_t>(got);
    }
    if (last != '\n') {  // inside a line: it is the previous shard's
      ++number;
      in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
      offset += static_cast<uint64_t>(in.gcount());
    }
  }
  // A line is a record: one past the document limit is refused unparsed
  // (a 300 MB unterminated line once took 2 GB to parse and fail).
  while (offset < options.json_lines_end &&
         ReadBoundedLine(in, options.max_document_bytes, &line, &too_long, &offset)) {
    ++number;
    std::string origin = name + ":" + std::to_string(number);
    if (too_long) {
      on_problem({origin, "line is larger than the document limit (--max-bytes); not read"});
      continue;
    }
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::exception& e) {
      std::string what = e.what();
      on_problem({origin, "not valid JSON (" + Printable(what.substr(what.find(']') + 2), kMessageExcerptBytes) + ")"});
      continue;
    }
    if (!j.is_object()) {
      on_problem(
          {origin,
           "not a JSON object; each line must be {\"id\", \"url\", \"outlet\", \"published\", \"title\", \"text\"}"});
      continue;
    }
    auto text = j.find("text");
    if (text == j.end() || !text->is_string()) {
      on_problem({origin, "no \"text\" string"});
      continue;
    }
    if (text->get_ref<const std::string&>().size() > options.max_document_bytes) {
      on_problem({origin, "\"text\" is larger than the document limit (--max-bytes)"});
      continue;
    }
    SourceRecord r;
    r.origin = origin;
    auto str = [&](const char* key, std::string* out) -> bool {
      auto v = j.find(key);
      if (v == j.end() || v->is_null()) return true;
      if (v->is_string()) {
        *out = v->get<std::string>();
        return true;
      }
      if (v->is_number_integer() && std::string_view(key) == "id") {
        *out = std::to_string(v->get<long long>());
        return true;
      }
      if (v->is_number() && std::string_view(key) == "published") {
        *out = std::to_string(v->get<long long>());
        return true;
      }
      on_problem({origin, std::string("\"") + key + "\" is not a string"});
      return false;
    };
    std::string id, published;
    if (!str("id", &id) || !str("url", &r.load.url) || !str("outlet", &r.load.outlet) ||
        !str("published", &published) || !str("title", &r.load.title) || !str("language", &r.load.language)) {
      continue;
    }
    if (!published.empty()) {
      if (auto d = NormalizePublished(published)) {
        r.load.published = *d;
      } else {
        r.warnings.push_back("\"published\" '" + published + "' is not a date; stored without one");
      }
    }
    r.fallback_key = id.empty() ? "jsonl:" + file_name + ":" + std::to_string(number) : "jsonl:" + file_name + "#" + id;
    r.bytes = text->get<std::string>();
    if (!on_record(std::move(r))) return;
  }
  if (in.bad()) on_problem({name, "read error after line " + std::to_string(number)});
  (void)stats;
}

}  // namespace sitrep
