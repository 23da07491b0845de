// IngestCorpus: the reading thread batches records; `jobs` threads load,
// check and extract each batch; one writer thread commits each batch in one
// transaction while the next batch is extracted.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "ingest/corpus_reader.h"
#include "store/store_internal.h"

namespace sitrep {

namespace {

using Clock = std::chrono::steady_clock;

// A batch ends at --batch documents or at this much text, whichever comes
// first. At most four batches are held at once (one being extracted, two
// queued, one being written), with their text and extractions: at most
// 16 MiB of text in flight (it was 64 MiB). Short articles end their
// batches at --batch (1,024 of 1 kB are 1 MiB); articles of 4 kB and more at
// this bound.
constexpr uint64_t kBatchTextBytes = 4u << 20;

struct Batch {
  std::vector<SourceRecord> records;
  std::vector<ProcessedDocument> processed;  // one per record
  std::vector<bool> unchanged;               // known to be stored already
  std::vector<RecordProblem> read_problems;  // from the reader, before these records
};

// A queue of at most `capacity` batches between the extracting and the
// writing thread.
class BatchQueue {
 public:
  explicit BatchQueue(size_t capacity) : capacity_(capacity) {}
  void Push(Batch&& b) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return q_.size() < capacity_; });
    q_.push_back(std::move(b));
    not_empty_.notify_one();
  }
  // False when closed and drained.
  bool Pop(Batch* b) {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !q_.empty() || closed_; });
    if (q_.empty()) return false;
    *b = std::move(q_.front());
    q_.pop_front();
    not_full_.notify_one();
    return true;
  }
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Batch> q_;
  size_t capacity_;
  bool closed_ = false;
};

// Loads and extracts one record. Returns false when the document is already
// stored (nothing to extract).
bool Process(SourceRecord& r, const IngestOptions& options, const Extractor& extractor, sql::Statement* latest,
             ProcessedDocument* out) {
  out->origin = r.origin;
  out->links = std::move(r.links);
  out->warnings = std::move(r.warnings);
  LoadOptions lo = r.load;
  lo.max_bytes = options.max_bytes;
  Result<Document> doc = LoadDocument(std::move(r.bytes), lo);
  if (!doc.ok()) {
    out->failure = doc.status().message();
    return true;
  }
  out->doc = std::move(doc).value();
  if (out->doc.meta.published.empty() && !options.published.empty()) {
    out->doc.meta.published = options.published;
    std::erase_if(out->doc.meta.warnings, [](const std::string& w) { return w.rfind("no publication date", 0) == 0; });
  }
  if (out->doc.meta.outlet.empty()) out->doc.meta.outlet = options.outlet;
  out->key = out->doc.meta.url.empty() ? r.fallback_key : out->doc.meta.url;
  for (const std::string& w : out->doc.meta.warnings) {
    if (w.rfind("no publication date", 0) != 0) out->warnings.push_back(w);
  }
  if (latest != nullptr) {
    latest->Reset();
    latest->Bind(1, out->key);
    Status s;
    bool same = latest->Step(&s) && latest->Text(0) == out->doc.meta.sha256;
    latest->Reset();
    if (same) return false;
  }
  Result<Extraction> x = extractor.Extract(out->doc);
  if (!x.ok()) {
    out->failure = "extraction failed: " + x.status().message();
    return true;
  }
  out->extraction = std::move(x).value();
  out->signature = ComputeMinHash(out->doc.text);
  return true;
}

// What one batch did, added to the summary once it is committed.
struct BatchOutcome {
  uint64_t unchanged = 0, added = 0, new_versions = 0, near_duplicates = 0, claims = 0, warnings = 0;
  std::vector<IngestProblem> problems;  // in input order, warnings included
};

// Writes one batch in one transaction and commits it. In the fast path a
// document the database refuses aborts the batch (DataError: retry
// carefully); in the careful path each document has a savepoint and a refused
// one is reported while the rest are kept.
Status WriteBatch(const Batch& b, bool careful, int64_t run_id, sql::Connection* db, DocumentWriter* writer,
                  sql::Statement* problem_insert, BatchOutcome* out) {
  auto report = [&](const std::string& origin, const std::string& reason, bool skipped) -> Status {
    out->warnings += !skipped;
    out->problems.push_back({origin, reason, skipped});
    problem_insert->Reset();
    return problem_insert->Bind(1, run_id).Bind(2, origin).Bind(3, reason).Bind(4, skipped ? 1 : 0).Run();
  };
  Result<sql::Transaction> txn = sql::Transaction::Begin(db);
  Status s = txn.status();
  for (const RecordProblem& p : b.read_problems) {
    if (s.ok()) s = report(p.origin, p.reason, true);
  }
  for (size_t i = 0; i < b.processed.size() && s.ok(); ++i) {
    const ProcessedDocument& p = b.processed[i];
    if (b.unchanged[i]) {
      ++out->unchanged;
      continue;
    }
    if (!p.failure.empty()) {
      s = report(p.origin, p.failure, true);
      continue;
    }
    std::optional<Result<sql::Savepoint>> doc;
    if (careful) doc.emplace(sql::Savepoint::Begin(db));
    if (doc && !doc->ok()) {
      s = doc->status();
      break;
    }
    bool near = false;
    Result<WriteOutcome> w = writer->Write(p, &near);
    // Careful: the document's buffered rows go in inside its savepoint, so
    // that a row the database refuses is reported as this document's.
    if (careful && w.ok()) {
      if (Status f = writer->Flush(); !f.ok()) w = f;
    }
    if (!w.ok()) {
      if (!careful) {
        txn->Rollback();
        writer->RolledBack();
        return Status::DataError(w.status().message());
      }
      (*doc)->Rollback();
      writer->RolledBack();  // forget locations that document created
      s = report(p.origin, "not stored: " + w.status().message(), true);
      continue;
    }
    if (careful) s = (*doc)->Release();
    if (*w == WriteOutcome::kUnchanged) {
      ++out->unchanged;
      continue;
    }
    ++(*w == WriteOutcome::kAdded ? out->added : out->new_versions);
    out->near_duplicates += near;
    out->claims += p.extraction.claims.size();
    for (const std::string& warning : p.warnings) {
      if (s.ok()) s = report(p.origin, warning, false);
    }
  }
  if (s.ok() && !careful) {
    // Fast: the batch's buffered rows; a refusal sends the batch to the
    // careful path.
    if (Status f = writer->Flush(); !f.ok()) {
      txn->Rollback();
      writer->RolledBack();
      return Status::DataError(f.message());
    }
  }
  if (s.ok()) s = txn->Commit();
  if (!s.ok()) {
    if (txn.ok()) txn->Rollback();
    writer->RolledBack();
    return Status::IoError(s.message());  // not a document's fault: stop
  }
  writer->Committed();
  db->dialect().AfterCommit();
  return Status::Ok();
}

// Refuses options that cannot work, before anything is opened.
Status CheckIngestOptions(const std::vector<std::string>& paths, const IngestOptions& options) {
  if (Status s = CheckIngestOptions(paths, options); !s.ok()) return s;
  return Status::Ok();
}

// Each extracting thread checks with its own read connection whether a
// document is stored already, so that a rerun skips the work.
struct LatestReaders {
  std::vector<sql::Connection> connections;
  std::vector<sql::Statement> latest;  // SELECT sha256 of a key's latest version, one per thread
};

Result<LatestReaders> OpenLatestReaders(const std::string& db_path, int jobs) {
  LatestReaders r;
  for (int i = 0; i < jobs; ++i) {
    Result<sql::Connection> c = sql::Connection::Open(db_path, sql::Connection::Mode::kReadOnly);
    if (!c.ok()) return c.status();
    r.connections.push_back(std::move(c).value());
  }
  for (sql::Connection& c : r.connections) {
    Result<sql::Statement> s = c.Prepare("SELECT sha256 FROM documents WHERE doc_key = ? AND is_latest = 1");
    if (!s.ok()) return s.status();
    r.latest.push_back(std::move(s).value());
  }
  return r;
}

// This run's row in ingest_runs, and whether the run before it stopped
// before its end (its documents may be committed without the corroboration
// groups that come after them).
struct RunStart {
  int64_t run_id = 0;
  bool previous_unfinished = false;
};

Result<RunStart> StartRun(sql::Connection* db, const std::string& arguments) {
  RunStart run;
  {
    Result<sql::Statement> s = db->Prepare("SELECT finished_at IS NULL FROM ingest_runs ORDER BY id DESC LIMIT 1");
    if (!s.ok()) return s.status();
    Status st;
    run.previous_unfinished = s->Step(&st) && s->Int(0) != 0;
    if (!st.ok()) return st;
  }
  Result<sql::Statement> s = db->Prepare("INSERT INTO ingest_runs(started_at, arguments) VALUES (?, ?) RETURNING id");
  if (!s.ok()) return s.status();
  Result<std::optional<int64_t>> id = s->Bind(1, SqlNow()).Bind(2, arguments).RunReturningId();
  if (!id.ok()) return id.status();
  if (!*id) return Status::Internal("database: no ingest run row");
  run.run_id = **id;
  return run;
}

// The writer thread: writes each batch the queue hands over (the whole
// batch in one transaction; a batch the database refuses again document
// by document) and adds its counts to the summary. After a failure it
// drains the queue, so that the reader never blocks.
void WriteBatches(BatchQueue* queue, int64_t run_id, sql::Connection* db, DocumentWriter* writer,
                  const IngestOptions& options, IngestSummary* summary, std::atomic<uint64_t>* stored,
                  Status* writer_status) {
  Result<sql::Statement> problem_insert =
      db->Prepare("INSERT INTO ingest_problems(run_id, origin, reason, skipped) VALUES (?, ?, ?, ?)");
  if (!problem_insert.ok()) *writer_status = problem_insert.status();
  Batch b;
  while (queue->Pop(&b)) {
    if (!writer_status->ok()) continue;
    // Fast path: the whole batch in one transaction. Savepoints would make
    // FTS5 flush its pending index at every document (a third of the
    // writer's time, measured with perf), so they are used only to find
    // the document the database refuses, on a second pass.
    BatchOutcome out;
    Status s = WriteBatch(b, /*careful=*/false, run_id, db, writer, &*problem_insert, &out);
    if (!s.ok() && s.code() == StatusCode::kDataError) {
      out = BatchOutcome();
      s = WriteBatch(b, /*careful=*/true, run_id, db, writer, &*problem_insert, &out);
    }
    if (!s.ok()) {
      *writer_status = s;
      continue;
    }
    summary->unchanged += out.unchanged;
    summary->added += out.added;
    summary->new_versions += out.new_versions;
    summary->near_duplicates += out.near_duplicates;
    summary->claims += out.claims;
    summary->problems += out.problems.size() - out.warnings;
    summary->warnings += out.warnings;
    stored->fetch_add(out.added + out.new_versions, std::memory_order_relaxed);
    if (options.on_problem) {
      for (const IngestProblem& p : out.problems) options.on_problem(p);
    }
  }
}

// Corroboration is over the whole corpus: rebuilt when anything changed,
// when the last run stopped before it, or when asked. Then the run's row
// is closed (finished only with its corroboration pass:
// IngestOptions::corroborate), all in one transaction.
Status FinishRun(sql::Connection* db, const RunStart& run, const IngestOptions& options, IngestSummary* summary) {
  Result<sql::Transaction> txn = sql::Transaction::Begin(db);
  if (!txn.ok()) return txn.status();
  const bool changed = summary->added + summary->new_versions > 0 || run.previous_unfinished;
  if ((changed && options.corroborate) || options.rebuild_groups) {
    Result<uint64_t> groups = RebuildClaimGroups(db);
    if (!groups.ok()) return groups.status();
  }
  {
    // Scoped: a statement still pending would make the checkpoint after the
    // run fail.
    Result<sql::Statement> count = db->Prepare("SELECT count(*) FROM claim_groups");
    Status s;
    if (count.ok() && count->Step(&s)) summary->groups = static_cast<uint64_t>(count->Int(0));
  }
  Result<sql::Statement> fin = db->Prepare(
      "UPDATE ingest_runs SET finished_at = ?, documents = ?, problems = ? WHERE id = ?");
  if (!fin.ok()) return fin.status();
  if (options.corroborate || options.rebuild_groups) {
    fin->Bind(1, SqlNow());
  } else {
    fin->BindNull(1);
  }
  fin->Bind(2, static_cast<int64_t>(summary->added + summary->new_versions))
      .Bind(3, static_cast<int64_t>(summary->problems))
      .Bind(4, run.run_id);
  if (Status r = fin->Run(); !r.ok()) return r;
  return txn->Commit();
}

}  // namespace

Result<IngestSummary> IngestCorpus(const std::vector<std::string>& paths, const IngestOptions& options) {
  if (paths.empty() && !options.rebuild_groups) {
    return Status::InvalidArgument("nothing to ingest: give files or folders");
  }
  if (options.jobs < 1 || options.jobs > 256) return Status::InvalidArgument("--jobs must be between 1 and 256");
  if (options.shard_count < 1 || options.shard_index < 0 || options.shard_index >= options.shard_count) {
    return Status::InvalidArgument("shard " + std::to_string(options.shard_index) + " of " +
                                   std::to_string(options.shard_count) + ": the index must be in [0, count)");
  }
  if (options.batch_documents < 1) return Status::InvalidArgument("batch size must be at least 1");
  if (!options.published.empty() && !CivilDate::Parse(options.published)) {
    return Status::InvalidArgument("--published '" + options.published + "' is not a date (YYYY-MM-DD)");
  }
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) return Status::NotFound("no such file or folder: " + p);
  }
  // One Extractor for every extracting thread.
  Result<const Extractor*> extractor = options.extractor;
  if (options.extractor == nullptr) extractor = DefaultExtractor();
  if (!extractor.ok()) return extractor.status();
  const auto started = Clock::now();
  Result<sql::Connection> db = OpenForWriting(options.db_path);
  if (!db.ok()) return db.status();
  Result<DocumentWriter> writer = DocumentWriter::Create(&*db);
  if (!writer.ok()) return writer.status();
  Result<LatestReaders> readers = OpenLatestReaders(options.db_path, options.jobs);
  if (!readers.ok()) return readers.status();
  std::vector<sql::Statement>& latest = readers->latest;
  Result<RunStart> run = StartRun(&*db, options.arguments);
  if (!run.ok()) return run.status();

  IngestSummary summary;
  std::atomic<uint64_t> stored{0};
  Status writer_status;
  BatchQueue queue(2);

  std::thread writer_thread(WriteBatches, &queue, run->run_id, &*db, &*writer, std::cref(options), &summary, &stored,
                            &writer_status);

  CorpusReaderOptions ro;
  ro.max_document_bytes = options.max_bytes;
  ro.shard_index = options.shard_index;
  ro.shard_count = options.shard_count;
  CorpusWalkStats walk;
  Batch batch;
  uint64_t batch_bytes = 0;
  const bool first_shard = options.shard_index == 0;
  auto last_progress = Clock::now();
  auto progress = [&](bool force) {
    if (!options.on_progress) return;
    auto now = Clock::now();
    if (!force && now - last_progress < std::chrono::milliseconds(options.progress_interval_ms)) return;
    last_progress = now;
    options.on_progress({summary.records, summary.bytes, stored.load(std::memory_order_relaxed),
                         std::chrono::duration<double>(now - started).count()});
  };
  auto flush = [&] {
    size_t n = batch.records.size();
    batch.processed.resize(n);
    batch.unchanged.assign(n, false);
    std::vector<char> unchanged(n, 0);
    std::atomic<size_t> next{0};
    auto work = [&](int t) {
      for (size_t i = next++; i < n; i = next++) {
        unchanged[i] = !Process(batch.records[i], options, **extractor, &latest[t], &batch.processed[i]);
      }
    };
    std::vector<std::thread> threads;
    for (int t = 1; t < options.jobs; ++t) threads.emplace_back(work, t);
    work(0);
    for (std::thread& t : threads) t.join();
    for (size_t i = 0; i < n; ++i) batch.unchanged[i] = unchanged[i] != 0;
    batch.records.clear();
    queue.Push(std::move(batch));
    batch = Batch();
    batch_bytes = 0;
    progress(false);
  };
  Status read_status = ReadCorpus(
      paths, ro,
      [&](SourceRecord&& r) {
        ++summary.records;
        summary.bytes += r.bytes.size();
        batch_bytes += r.bytes.size();
        batch.records.push_back(std::move(r));
        if (batch.records.size() >= options.batch_documents || batch_bytes >= kBatchTextBytes) flush();
        return writer_status.ok();
      },
      [&](const RecordProblem& p) { batch.read_problems.push_back(p); }, &walk);
  if (!batch.records.empty() || !batch.read_problems.empty()) flush();
  queue.Close();
  writer_thread.join();
  if (!read_status.ok()) return read_status;
  if (!writer_status.ok()) return writer_status;
  if (first_shard) {
    summary.files = walk.files;
    summary.ignored_files = walk.ignored_files;
    summary.skipped_records = walk.skipped_records;
  }

  if (Status r = FinishRun(&*db, *run, options, &summary); !r.ok()) return r;
  db->dialect().AfterLargeWrite();
  summary.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  progress(true);
  return summary;
}

}  // namespace sitrep
