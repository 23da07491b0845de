// The corpus database: readers, ingest (idempotence, versions, near-duplicates,
// problems), corroboration, queries and exports. Fixtures: tests/data/corpus.
#include <gtest/gtest.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "ingest/corpus_reader.h"
#include "sitrep/store.h"
#include "store/sql.h"
#include "store/store_internal.h"
#include "verify/corroboration.h"
#include "tests/test_util.h"
#include "verify/minhash.h"

namespace sitrep {
namespace {

namespace fs = std::filesystem;

const std::string kCorpus = std::string(SITREP_SOURCE_DIR) + "/tests/data/corpus";

using testing::TempDir;
using testing::WriteFile;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Ingested {
  IngestSummary summary;
  std::vector<IngestProblem> problems;
};

Ingested Ingest(const std::vector<std::string>& paths, const std::string& db, int jobs = 1) {
  Ingested r;
  IngestOptions o;
  o.db_path = db;
  o.jobs = jobs;
  o.batch_documents = 3;  // several transactions even for the small fixtures
  o.on_problem = [&](const IngestProblem& p) { r.problems.push_back(p); };
  Result<IngestSummary> s = IngestCorpus(paths, o);
  EXPECT_TRUE(s.ok()) << s.status().message();
  if (s.ok()) r.summary = *s;
  return r;
}

// The claims a filter selects, by value (safe in a range-for).
std::vector<ClaimRecord> Rows(Database& db, const QueryFilter& f) {
  Result<std::vector<ClaimRecord>> r = db.Claims(f);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? std::move(r).value() : std::vector<ClaimRecord>();
}

bool HasProblem(const Ingested& r, const std::string& origin_suffix, const std::string& reason_part) {
  for (const IngestProblem& p : r.problems) {
    if (p.origin.size() >= origin_suffix.size() &&
        p.origin.compare(p.origin.size() - origin_suffix.size(), origin_suffix.size(), origin_suffix) == 0 &&
        p.reason.find(reason_part) != std::string::npos) {
      return true;
    }
  }
  return false;
}

// The fixture corpus ingested once; the tests below only read it.
class FixtureCorpus : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir("fixture-corpus");
    ingested_ = new Ingested(Ingest({kCorpus}, *dir_ / "c.db"));
  }
  static void TearDownTestSuite() {
    delete ingested_;
    delete dir_;
  }
  void SetUp() override { ASSERT_TRUE(db_.ok()) << db_.status().message(); }
  static TempDir* dir_;
  static Ingested* ingested_;
  Result<Database> db_ = Database::Open(*dir_ / "c.db");
};
TempDir* FixtureCorpus::dir_ = nullptr;
Ingested* FixtureCorpus::ingested_ = nullptr;

TEST(CorpusReader, NormalizesPublicationDates) {
  EXPECT_EQ(NormalizePublished("2024-08-13"), "2024-08-13");
  EXPECT_EQ(NormalizePublished("2024-08-13T23:30:00+03:00"), "2024-08-13");
  EXPECT_EQ(NormalizePublished("Tue, 13 Aug 2024 10:00:00 GMT"), "2024-08-13");
  EXPECT_EQ(NormalizePublished("3 Sep 2024 06:00 +0000"), "2024-09-03");
  EXPECT_EQ(NormalizePublished("1723543200"), "2024-08-13");
  EXPECT_EQ(NormalizePublished("2024-02-30"), std::nullopt);
  EXPECT_EQ(NormalizePublished("someday"), std::nullopt);
  EXPECT_EQ(NormalizePublished("Tue, 13 Foo 2024"), std::nullopt);
  EXPECT_EQ(NormalizePublished(""), std::nullopt);
}

TEST(CorpusReader, TelegramTextArraysFlattenAndKeepLinks) {
  std::string json = R"({"name": "Chan", "id": 5, "messages": [
    {"id": 7, "type": "message", "date": "2024-09-05T07:40:12",
     "text": ["Strike in ", {"type": "bold", "text": "Sumy"}, ". ", {"type": "text_link", "text": "video", "href": "https://v.example/1"}, " ", {"type": "link", "text": "https://x.example"}]}]})";
  std::vector<SourceRecord> records;
  std::vector<RecordProblem> problems;
  CorpusWalkStats stats;
  ReadTelegramExport(json, "result.json", {}, [&](SourceRecord&& r) { records.push_back(std::move(r)); return true; },
                     [&](const RecordProblem& p) { problems.push_back(p); }, &stats);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_TRUE(problems.empty());
  EXPECT_EQ(records[0].bytes, "Strike in Sumy. video https://x.example");
  EXPECT_EQ(records[0].load.outlet, "Telegram: Chan");
  EXPECT_EQ(records[0].load.published, "2024-09-05");
  EXPECT_EQ(records[0].fallback_key, "telegram:5/7");
  EXPECT_EQ(records[0].links, (std::vector<std::string>{"https://v.example/1", "https://x.example"}));
  EXPECT_EQ(records[0].origin, "result.json#message 7");
}

// A forwarded post keeps the channel it came from; a reply the message it
// answers; a field of another type is flagged, the post kept.
TEST(CorpusReader, TelegramForwardsAndRepliesSayWhereTheyCameFrom) {
  std::string json = R"({"name": "Kharkiv Now", "id": 5, "messages": [
    {"id": 7, "type": "message", "date": "2024-09-10T07:40:12", "forwarded_from": "Frontline Digest",
     "text": "Ночью российские дроны атаковали Харьков."},
    {"id": 8, "type": "message", "date": "2024-09-10T08:00:00", "reply_to_message_id": 7,
     "text": "Уточнение: пострадавших нет."},
    {"id": 9, "type": "message", "date": "2024-09-10T09:00:00", "forwarded_from": 12, "reply_to_message_id": "7",
     "text": "Тревога в Харькове."},
    {"id": 10, "type": "message", "date": "2024-09-10T10:00:00", "forwarded_from": null, "text": "Отбой тревоги."}]})";
  std::vector<SourceRecord> records;
  std::vector<RecordProblem> problems;
  CorpusWalkStats stats;
  ReadTelegramExport(json, "result.json", {}, [&](SourceRecord&& r) { records.push_back(std::move(r)); return true; },
                     [&](const RecordProblem& p) { problems.push_back(p); }, &stats);
  EXPECT_TRUE(problems.empty());
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].load.outlet, "Telegram: Kharkiv Now");  // the channel is the outlet
  EXPECT_EQ(records[0].load.forwarded_from, "Frontline Digest");
  EXPECT_EQ(records[0].load.reply_to, "");
  EXPECT_EQ(records[1].load.forwarded_from, "");
  EXPECT_EQ(records[1].load.reply_to, "telegram:5/7");
  EXPECT_EQ(records[2].load.forwarded_from, "");
  EXPECT_EQ(records[2].load.reply_to, "");
  ASSERT_EQ(records[2].warnings.size(), 2u);
  EXPECT_NE(records[2].warnings[0].find("\"forwarded_from\" is not a string"), std::string::npos);
  EXPECT_NE(records[2].warnings[1].find("\"reply_to_message_id\" is not an integer"), std::string::npos);
  EXPECT_TRUE(records[3].warnings.empty());
}

TEST(CorpusReader, RefusesJsonThatIsNotATelegramExport) {
  std::vector<RecordProblem> problems;
  CorpusWalkStats stats;
  ReadTelegramExport(R"([{"text": "x"}])", "corpus.json", {}, [](SourceRecord&&) { return true; },
                     [&](const RecordProblem& p) { problems.push_back(p); }, &stats);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].reason.find("not a Telegram export"), std::string::npos);
}

// One field of the wrong JSON type (a number where Telegram writes a string)
// names that message and keeps the rest; it never throws out of the reader.
TEST(CorpusReader, TelegramFieldOfAWrongTypeIsReportedNotThrown) {
  std::string json = R"({"name": 42, "id": 5, "messages": [
    {"id": 1, "type": 7, "text": "Shelling reported in Sumy."},
    {"id": 2, "type": "message", "text": ["Drones over ", {"type": false, "text": "Kharkiv"}]},
    {"id": 3, "type": "message", "text": [{"type": "text_link", "text": "video", "href": 9}]},
    {"id": 4, "type": "message", "date": 1725000000, "text": "A strike on a depot near Izium."},
    {"id": 5, "type": "message", "text": "Air raid alert in Poltava."}]})";
  std::vector<SourceRecord> records;
  std::vector<RecordProblem> problems;
  CorpusWalkStats stats;
  ReadTelegramExport(json, "result.json", {}, [&](SourceRecord&& r) { records.push_back(std::move(r)); return true; },
                     [&](const RecordProblem& p) { problems.push_back(p); }, &stats);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0].origin, "result.json#message 1");
  EXPECT_NE(problems[0].reason.find("\"type\" is not a string"), std::string::npos);
  EXPECT_EQ(problems[1].origin, "result.json#message 2");
  EXPECT_EQ(problems[2].origin, "result.json#message 3");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].origin, "result.json#message 4");
  EXPECT_EQ(records[0].load.outlet, "Telegram");  // the channel name was not a string
  ASSERT_FALSE(records[0].warnings.empty());
  EXPECT_NE(records[0].warnings[0].find("\"name\" is not a string"), std::string::npos);
  EXPECT_EQ(records[1].bytes, "Air raid alert in Poltava.");
}

// The messages array itself of another type is the file's problem, said once.
TEST(CorpusReader, TelegramMessagesOfAWrongTypeIsAProblem) {
  for (const char* json : {R"({"messages": {"id": 1}})", R"({"messages": "x"})", R"("just a string")"}) {
    std::vector<RecordProblem> problems;
    CorpusWalkStats stats;
    ReadTelegramExport(json, "result.json", {}, [](SourceRecord&&) { return true; },
                       [&](const RecordProblem& p) { problems.push_back(p); }, &stats);
    ASSERT_EQ(problems.size(), 1u) << json;
  }
}

// The file reader parses as it goes, one message at a time, and must read
// what the whole-text reader reads: the same records and problems in the
// same order, with the channel's fields after the messages too; a stop
// asked by the caller ends it; a file broken at its end stores nothing.
TEST(CorpusReader, TelegramFileReadAsItGoesReadsWhatTheWholeTextReads) {
  TempDir tmp;
  const std::string json = R"({"type": "public_channel", "messages": [
    {"id": 1, "type": "message", "date": "2024-08-13T10:00:00", "text": ["Drones hit ", {"type": "text_link",
     "text": "Sumy", "href": "https://x.example/1"}, "."], "messages": [1, 2]},
    3,
    {"id": 4, "type": "service", "text": "joined"},
    [{"id": 5}],
    {"id": 6, "type": "message", "date": "2024-08-14T10:00:00", "text": "Shelling reported in Kharkiv."},
    {"type": "message", "text": "No id."}],
    "name": "Late Name", "id": 77})";
  WriteFile(tmp / "result.json", json);
  struct Read {
    std::vector<std::string> records, problems;
    CorpusWalkStats stats;
  };
  auto read = [&](bool from_file, size_t stop_after) {
    Read r;
    auto on_record = [&](SourceRecord&& rec) {
      r.records.push_back(rec.origin + " | " + rec.load.outlet + " | " + rec.fallback_key + " | " + rec.bytes + " | " +
                          (rec.links.empty() ? "" : rec.links[0]));
      return r.records.size() < stop_after;
    };
    auto on_problem = [&](const RecordProblem& p) { r.problems.push_back(p.origin + " | " + p.reason); };
    if (from_file) {
      ReadTelegramExportFile(tmp / "result.json", "result.json", {}, on_record, on_problem, &r.stats);
    } else {
      ReadTelegramExport(json, "result.json", {}, on_record, on_problem, &r.stats);
    }
    return r;
  };
  Read whole = read(false, 100), file = read(true, 100);
  ASSERT_EQ(whole.records.size(), 2u);
  EXPECT_EQ(whole.records[0],
            "result.json#message 1 | Telegram: Late Name | telegram:77/1 | Drones hit Sumy. | https://x.example/1");
  EXPECT_EQ(whole.problems.size(), 3u);  // 3, [{"id": 5}], no id
  EXPECT_EQ(whole.stats.skipped_records, 1u);
  EXPECT_EQ(file.records, whole.records);
  EXPECT_EQ(file.problems, whole.problems);
  EXPECT_EQ(file.stats.skipped_records, whole.stats.skipped_records);
  EXPECT_EQ(read(true, 1).records.size(), 1u);
  WriteFile(tmp / "result.json", json.substr(0, json.size() - 1));
  Read broken = read(true, 100);
  EXPECT_TRUE(broken.records.empty());
  ASSERT_EQ(broken.problems.size(), 1u);
  EXPECT_NE(broken.problems[0].find("not valid JSON"), std::string::npos);
}

// Containers past their limit are refused by their size, before a byte is
// parsed, with a reason that says what to do; the articles beside them are
// read.
TEST(CorpusReader, ContainersOverTheirLimitAreRefusedBeforeParsing) {
  CorpusReaderOptions o;
  o.max_feed_bytes = 100;
  o.max_container_bytes = 100;
  std::vector<std::string> origins;
  std::vector<RecordProblem> problems;
  CorpusWalkStats stats;
  Status s = ReadCorpus({kCorpus}, o, [&](SourceRecord&& r) { origins.push_back(r.origin); return true; },
                        [&](const RecordProblem& p) { problems.push_back(p); }, &stats);
  ASSERT_TRUE(s.ok()) << s.message();
  int feeds = 0, exports = 0;
  for (const RecordProblem& p : problems) {
    feeds += p.reason.find("a feed of 0 MiB, over the limit") != std::string::npos;
    exports += p.reason.find("a Telegram export of 0 MiB, over the limit") != std::string::npos;
    EXPECT_EQ(p.reason.find("--max-bytes"), std::string::npos) << p.reason;
  }
  EXPECT_GE(feeds, 1);
  EXPECT_EQ(exports, 1);
  for (const std::string& origin : origins) {
    EXPECT_EQ(origin.find("#"), std::string::npos) << "a record of a refused container: " << origin;
  }
  EXPECT_FALSE(origins.empty());
}

// A whole run: a bad Telegram export beside a good article; the article is
// stored, the export's bad message is named, the run finishes.
TEST(Ingest, AWrongJsonTypeDoesNotAbortTheRun) {
  TempDir tmp;
  WriteFile(tmp / "a.txt", "---\npublished: 2024-08-13\noutlet: Daily Ledger\n---\nDepot fire\n\n"
                           "The governor said a fuel depot near Belgorod was hit overnight.\n");
  WriteFile(tmp / "result.json", R"({"name": ["x"], "messages": [{"id": 1, "type": {"a": 1}, "text": "Boom."},
    {"id": 2, "type": "message", "date": "2024-08-13T10:00:00", "text": ["Explosions near ", {"type": 3, "text": "Kursk"}]},
    {"id": 3, "type": "message", "date": "2024-08-13T11:00:00", "text": "The mayor said a school in Sumy was damaged."}]})");
  IngestOptions o;
  o.db_path = tmp / "t.db";
  Result<IngestSummary> r = IngestCorpus({tmp / "a.txt", tmp / "result.json"}, o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->added, 2u);
  EXPECT_EQ(r->problems, 2u);
}

// A JSON line past the document limit is refused before it is parsed (or
// held whole), and a parse error quotes only an excerpt of its line.
TEST(CorpusReader, AJsonLineOverTheLimitIsRefusedUnreadAndErrorsQuoteLittle) {
  const std::string huge = "{\"text\": \"" + std::string(300000, 'a');       // unterminated, past the limit
  const std::string long_bad = "{\"text\": \"" + std::string(5000, 'b');     // unterminated, within it
  std::istringstream in("{\"text\": \"Shelling in Sumy.\"}\n" + huge + "\n" + long_bad + "\n" +
                        "{\"text\": \"Drones over Kharkiv.\"}");
  CorpusReaderOptions o;
  o.max_document_bytes = 100000;
  std::vector<SourceRecord> records;
  std::vector<RecordProblem> problems;
  CorpusWalkStats stats;
  ReadJsonLines(in, "c.jsonl", o, [&](SourceRecord&& r) { records.push_back(std::move(r)); return true; },
                [&](const RecordProblem& p) { problems.push_back(p); }, &stats);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].bytes, "Drones over Kharkiv.");
  EXPECT_EQ(records[1].origin, "c.jsonl:4");
  ASSERT_EQ(problems.size(), 2u);
  EXPECT_EQ(problems[0].origin, "c.jsonl:2");
  EXPECT_NE(problems[0].reason.find("--max-bytes"), std::string::npos);
  EXPECT_EQ(problems[1].origin, "c.jsonl:3");
  EXPECT_NE(problems[1].reason.find("not valid JSON"), std::string::npos);
  EXPECT_LT(problems[1].reason.size(), 400u) << problems[1].reason.size();
}

// A flush writes full chunks of rows and then the rest as chunks of 2^k
// rows (statements prepared once and kept): every row goes in, once, in
// order, for counts around the chunk size (8192 parameters: 4096 rows of
// two columns), across several flushes of one buffer.
TEST(RowBuffer, EveryRowGoesInOnceInOrder) {
  TempDir tmp;
  Result<sql::Connection> c = sql::Connection::Open(tmp / "rows.db", sql::Connection::Mode::kCreate);
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_TRUE(c->Exec("CREATE TABLE t(seq INTEGER, value TEXT)").ok());
  RowBuffer buffer("INSERT INTO t(seq, value)", 2, "");
  int64_t next = 0;
  for (size_t rows : {size_t{1}, size_t{0}, size_t{7}, size_t{4095}, size_t{4096}, size_t{4097}, size_t{8192 + 3},
                      size_t{1000}, size_t{1}}) {
    for (size_t i = 0; i < rows; ++i, ++next) buffer.Add({next, std::string("v").append(std::to_string(next))});
    ASSERT_TRUE(buffer.Flush(&*c).ok());
    EXPECT_EQ(buffer.rows(), 0u);
  }
  Result<sql::Statement> s = c->Prepare("SELECT count(*), min(seq), max(seq), sum(value = 'v' || seq) FROM t");
  ASSERT_TRUE(s.ok());
  Status st;
  ASSERT_TRUE(s->Step(&st));
  EXPECT_EQ(s->Int(0), next);
  EXPECT_EQ(s->Int(1), 0);
  EXPECT_EQ(s->Int(2), next - 1);
  EXPECT_EQ(s->Int(3), next);
  // In order: SQLite numbers the rows as they are inserted.
  Result<sql::Statement> order = c->Prepare("SELECT count(*) FROM t WHERE rowid != seq + 1");
  ASSERT_TRUE(order.ok());
  ASSERT_TRUE(order->Step(&st));
  EXPECT_EQ(order->Int(0), 0);
}

// Killed after the documents were committed, before the groups were: the
// next run (even one that changes nothing) rebuilds them; so does
// --rebuild-groups on its own.
TEST(Ingest, GroupsAreRebuiltAfterARunThatDidNotFinish) {
  TempDir tmp;
  const std::string db = tmp / "g.db";
  Ingested first = Ingest({kCorpus}, db);
  ASSERT_GT(first.summary.groups, 0u);
  auto lose_groups = [&](bool unfinished_run) {
    Result<sql::Connection> c = sql::Connection::Open(db, sql::Connection::Mode::kReadWrite);
    ASSERT_TRUE(c.ok()) << c.status().message();
    ASSERT_TRUE(c->Exec("UPDATE claims SET group_id = NULL; DELETE FROM claim_groups;").ok());
    if (unfinished_run) {
      ASSERT_TRUE(c->Exec("INSERT INTO ingest_runs(started_at, arguments) VALUES (datetime('now'), 'killed')").ok());
    }
  };
  lose_groups(/*unfinished_run=*/true);
  Ingested again = Ingest({kCorpus}, db);
  EXPECT_EQ(again.summary.added, 0u);
  EXPECT_EQ(again.summary.groups, first.summary.groups);
  // A finished run that changed nothing leaves the groups alone...
  lose_groups(/*unfinished_run=*/false);
  EXPECT_EQ(Ingest({kCorpus}, db).summary.groups, 0u);
  // ...unless asked.
  IngestOptions o;
  o.db_path = db;
  o.rebuild_groups = true;
  Result<IngestSummary> r = IngestCorpus({}, o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->groups, first.summary.groups);
}

// Readers coming and going (a server polled while ingest runs) must not
// leave the WAL behind: at the end of the run it is checkpointed and
// truncated while they go on. (It was left whole: the checkpoint failed at
// once on a statement of the writer's own still pending.)
TEST(Ingest, TheWalIsTruncatedWhileReadersComeAndGo) {
  TempDir tmp;
  const std::string db = tmp / "w.db";
  Ingest({kCorpus}, db);
  std::atomic<bool> stop{false};
  std::atomic<int> reads{0};
  auto reader = [&](int delay_ms) {
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    Result<sql::Connection> c = sql::Connection::Open(db, sql::Connection::Mode::kReadOnly);
    if (!c.ok()) return;
    while (!stop) {
      // A reader that fails (busy) ends its transaction and tries again: one
      // left open would hold its snapshot and block the checkpoint for good.
      if (!c->Exec("BEGIN; SELECT count(*) FROM claims;").ok()) {
        (void)c->Exec("ROLLBACK");
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        continue;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      (void)c->Exec("COMMIT");
      ++reads;
      // A poll, not a reader that never lets go: two readers each holding a
      // snapshot 30 ms of every 35 left the truncating checkpoint (which
      // must find a moment with no reader of an old snapshot) waiting out
      // its busy timeout on a loaded machine (seen twice under load).
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  };
  std::thread a(reader, 0), b(reader, 15);
  while (reads < 2) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  Ingested second = Ingest({std::string(SITREP_SOURCE_DIR) + "/examples"}, db);
  std::error_code ec;
  const uintmax_t wal = std::filesystem::file_size(db + "-wal", ec);
  const int reads_during = reads;
  stop = true;
  a.join();
  b.join();
  EXPECT_GT(second.summary.added, 0u);
  EXPECT_GT(reads_during, 2);
  EXPECT_FALSE(ec) << "the readers keep the WAL file open";
  EXPECT_EQ(wal, 0u);
}

// A distributed ingest (sitrep.dask): shards of one JSON Lines file, each
// ingested by its own call without corroboration, then one corroboration
// pass, store what one call stores; the bad line is reported once, by
// shard 0, and the shard runs stay unfinished until the pass.
TEST(Ingest, ShardsWithoutCorroborationThenOnePassEqualOneRun) {
  TempDir tmp;
  std::string lines;
  const char* towns[] = {"Sumy", "Kharkiv", "Kupiansk", "Izium", "Pokrovsk"};
  for (int i = 0; i < 10; ++i) {
    lines += "{\"url\": \"https://example.org/" + std::to_string(i) + "\", \"published\": \"2024-03-0" +
             std::to_string(1 + i % 3) + "\", \"outlet\": \"Wire " + std::to_string(i % 4) +
             "\", \"text\": \"Officials said " + std::to_string(2 + i % 2) + " drones hit " + towns[i % 5] +
             " overnight.\"}\n";
    if (i == 4) lines += "{not json\n";
  }
  WriteFile(tmp / "c.jsonl", lines);
  IngestOptions whole;
  whole.db_path = tmp / "whole.db";
  Result<IngestSummary> one = IngestCorpus({tmp / "c.jsonl"}, whole);
  ASSERT_TRUE(one.ok()) << one.status().message();
  ASSERT_EQ(one->added, 10u);
  ASSERT_EQ(one->problems, 1u);

  IngestOptions part;
  part.db_path = tmp / "shards.db";
  part.corroborate = false;
  part.shard_count = 3;
  uint64_t added = 0, problems = 0, records = 0, files = 0;
  for (int i = 0; i < 3; ++i) {
    part.shard_index = i;
    Result<IngestSummary> r = IngestCorpus({tmp / "c.jsonl"}, part);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_GT(r->records, 1u) << "shard " << i;  // a third of the bytes each
    EXPECT_EQ(r->groups, 0u) << "no corroboration in shard " << i;
    added += r->added;
    problems += r->problems;
    records += r->records;
    files += r->files;
  }
  EXPECT_EQ(added, 10u);
  EXPECT_EQ(records, 10u);
  EXPECT_EQ(problems, 1u);
  EXPECT_EQ(files, 1u);
  {
    Result<sql::Connection> c = sql::Connection::Open(tmp / "shards.db", sql::Connection::Mode::kReadOnly);
    ASSERT_TRUE(c.ok());
    Result<sql::Statement> s = c->Prepare("SELECT count(*) FROM ingest_runs WHERE finished_at IS NULL");
    ASSERT_TRUE(s.ok());
    Status st;
    ASSERT_TRUE(s->Step(&st));
    EXPECT_EQ(s->Int(0), 3) << "runs without their corroboration pass are not finished";
  }
  IngestOptions pass;
  pass.db_path = tmp / "shards.db";
  pass.rebuild_groups = true;
  Result<IngestSummary> r = IngestCorpus({}, pass);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->groups, one->groups);
  EXPECT_GT(r->groups, 0u);

  part.shard_index = 3;
  EXPECT_EQ(IngestCorpus({tmp / "c.jsonl"}, part).status().code(), StatusCode::kInvalidArgument);
}

// Shards of a walk: a JSON Lines file is cut by bytes (each line read by the
// shard its first byte falls in, with its own line number), other files by
// record; together the shards read each record and report each problem
// once, whatever the count.
TEST(CorpusReader, ShardsReadEveryRecordAndProblemOnce) {
  TempDir tmp;
  std::string lines;
  for (int i = 0; i < 40; ++i) {
    lines += i % 9 == 4 ? std::string("{broken\n")
                        : "{\"text\": \"Report " + std::to_string(i) + std::string(i % 7 * 13, 'x') + ".\"}\n";
  }
  WriteFile(tmp / "c.jsonl", lines);
  std::filesystem::create_directories(tmp / "f");
  for (int i = 0; i < 5; ++i) WriteFile(tmp / ("f/" + std::to_string(i) + ".txt"), "Article " + std::to_string(i));
  WriteFile(tmp / "f/empty.jsonl", "");
  auto read = [&](int index, int count) {
    CorpusReaderOptions o;
    o.shard_index = index;
    o.shard_count = count;
    std::vector<std::string> seen;
    CorpusWalkStats st;
    Status s = ReadCorpus({tmp / "c.jsonl", tmp / "f"}, o,
                          [&](SourceRecord&& r) { seen.push_back(r.origin + " " + r.bytes); return true; },
                          [&](const RecordProblem& p) { seen.push_back(p.origin + " problem"); }, &st);
    EXPECT_TRUE(s.ok()) << s.message();
    return seen;
  };
  std::vector<std::string> whole = read(0, 1);
  ASSERT_EQ(whole.size(), 45u);
  std::sort(whole.begin(), whole.end());
  for (int count : {2, 3, 7, 64}) {
    std::vector<std::string> all;
    for (int i = 0; i < count; ++i) {
      std::vector<std::string> part = read(i, count);
      all.insert(all.end(), part.begin(), part.end());
    }
    std::sort(all.begin(), all.end());
    EXPECT_EQ(all, whole) << count << " shards";
  }
  CorpusReaderOptions bad;
  bad.shard_count = 0;
  CorpusWalkStats st;
  EXPECT_EQ(ReadCorpus({tmp / "c.jsonl"}, bad, [](SourceRecord&&) { return true; }, [](const RecordProblem&) {}, &st)
                .code(),
            StatusCode::kInvalidArgument);
}

// ListCorpusFiles names the files ReadCorpus reads, in its order, each of
// which read on its own gives the same records; unknown types in folders
// are counted, not listed.
TEST(CorpusReader, ListedFilesReadAsTheirFolder) {
  TempDir tmp;
  std::filesystem::create_directories(tmp / "f/sub");
  WriteFile(tmp / "f/b.txt", "Shelling in Sumy, officials said.");
  WriteFile(tmp / "f/sub/a.html", "<p>Drones over Kharkiv, the mayor said.</p>");
  WriteFile(tmp / "f/c.jsonl", "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n");
  WriteFile(tmp / "f/notes.bin", "unknown");
  WriteFile(tmp / "f/.hidden.txt", "hidden");
  std::vector<RecordProblem> problems;
  CorpusWalkStats stats;
  Result<std::vector<CorpusFile>> files =
      ListCorpusFiles({tmp / "f"}, [&](const RecordProblem& p) { problems.push_back(p); }, &stats);
  ASSERT_TRUE(files.ok()) << files.status().message();
  ASSERT_EQ(files->size(), 3u);
  EXPECT_EQ((*files)[0].path, tmp / "f/b.txt");
  EXPECT_EQ((*files)[1].path, tmp / "f/c.jsonl");
  EXPECT_TRUE((*files)[1].container);
  EXPECT_FALSE((*files)[0].container);
  EXPECT_EQ((*files)[2].path, tmp / "f/sub/a.html");
  EXPECT_EQ((*files)[0].bytes, 33u);
  EXPECT_EQ(stats.ignored_files, 1u);
  EXPECT_TRUE(problems.empty());

  auto origins = [](const std::vector<std::string>& paths) {
    std::vector<std::string> out;
    CorpusWalkStats st;
    Status s = ReadCorpus(
        paths, {},
        [&](SourceRecord&& r) {
          out.push_back(r.origin + "=" + r.fallback_key);
          return true;
        },
        [](const RecordProblem&) {}, &st);
    EXPECT_TRUE(s.ok());
    return out;
  };
  std::vector<std::string> listed;
  for (const CorpusFile& f : *files) listed.push_back(f.path);
  EXPECT_EQ(origins(listed), origins({tmp / "f"}));
  EXPECT_EQ(ListCorpusFiles({tmp / "missing"}, [](const RecordProblem&) {}, &stats).status().code(),
            StatusCode::kNotFound);
}

TEST(CorpusReader, AtomEntriesTakeTheirAlternateLink) {
  std::vector<SourceRecord> records;
  CorpusWalkStats stats;
  ReadFeed(ReadFile(kCorpus + "/feeds/monitor.atom"), "monitor.atom", {},
           [&](SourceRecord&& r) { records.push_back(std::move(r)); return true; }, [](const RecordProblem&) {},
           &stats);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].load.url, "https://monitor.example/88");
  EXPECT_EQ(records[0].load.outlet, "Conflict Monitor");
  EXPECT_EQ(records[0].load.published, "2024-09-06");
  EXPECT_NE(records[0].bytes.find("<p>Russian forces shelled Nikopol"), std::string::npos);
}

TEST(MinHash, SimilarityTracksOverlap) {
  std::string a = ReadFile(kCorpus + "/articles/sumy-wire.txt");
  std::string other =
      "Parliament adopted the budget for next year after a long debate about pensions, schools and road "
      "repairs in the western provinces, with the opposition voting against it.";
  MinHashSignature sa = ComputeMinHash(a);
  EXPECT_EQ(MinHashSimilarity(sa, ComputeMinHash(a)), 1.0);
  EXPECT_LT(MinHashSimilarity(sa, ComputeMinHash(other)), 0.1);
  // The same story with a sentence dropped and one added.
  std::string edited = a;
  edited.erase(edited.find("Emergency crews"),
               std::string("Emergency crews worked through the morning to clear debris from the street.").size());
  edited += "\nThis story was distributed by Northern Wire.\n";
  EXPECT_GE(MinHashSimilarity(sa, ComputeMinHash(edited)), kNearDuplicateSimilarity);
  MinHashSignature round;
  ASSERT_TRUE(ParseMinHash(SerializeMinHash(sa), &round));
  EXPECT_EQ(round, sa);
  EXPECT_FALSE(ParseMinHash("short", &round));
}

// The signature is stored: databases written before must keep matching.
// Both folds (the AVX-512 one where the CPU has it) give the values of the
// definition: position p holds the least top half of splitmix64(shingle +
// p * 0x632be59bd9b4e019) over the text's 4-word shingles.
TEST(MinHash, BothFoldsGiveTheDefinitionsValues) {
  auto mix = [](uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
  };
  std::vector<uint64_t> shingles;
  uint64_t state = 12345;
  for (int i = 0; i < 1000; ++i) shingles.push_back(state = mix(state));
  std::array<uint32_t, kMinHashSize> want;
  want.fill(UINT32_MAX);
  for (uint64_t s : shingles) {
    for (int p = 0; p < kMinHashSize; ++p) {
      want[p] =
          std::min(want[p], static_cast<uint32_t>(mix(s + static_cast<uint64_t>(p) * 0x632be59bd9b4e019ull) >> 32));
    }
  }
  for (size_t n : {size_t{0}, size_t{1}, size_t{7}, shingles.size()}) {
    std::array<uint32_t, kMinHashSize> scalar, wide;
    scalar.fill(UINT32_MAX);
    wide.fill(UINT32_MAX);
    minhash_internal::FoldShinglesScalar(shingles.data(), n, scalar.data());
    if (n == shingles.size()) {
      EXPECT_EQ(scalar, want);
    }
    if (!minhash_internal::HasWideFold()) continue;
    minhash_internal::FoldShinglesWide(shingles.data(), n, wide.data());
    EXPECT_EQ(wide, scalar) << n << " shingles";
  }
  // A signature of a text: its words folded to lower case and FNV-1a hashed,
  // each shingle mix(mix(mix(mix(w0) ^ w1) ^ w2) ^ w3) from 0.
  auto fnv = [](std::string_view w) {
    uint64_t h = 14695981039346656037ull;
    for (unsigned char c : w) h = (h ^ c) * 1099511628211ull;
    return h;
  };
  std::vector<uint64_t> w = {fnv("drones"), fnv("struck"), fnv("the"), fnv("port"), fnv("overnight")};
  std::array<uint32_t, kMinHashSize> text_want;
  text_want.fill(UINT32_MAX);
  for (size_t i = 0; i + 4 <= w.size(); ++i) {
    uint64_t s = 0;
    for (size_t k = i; k < i + 4; ++k) s = mix(s ^ w[k]);
    for (int p = 0; p < kMinHashSize; ++p) {
      text_want[p] = std::min(text_want[p],
                              static_cast<uint32_t>(mix(s + static_cast<uint64_t>(p) * 0x632be59bd9b4e019ull) >> 32));
    }
  }
  MinHashSignature got = ComputeMinHash("Drones struck the PORT, overnight.");
  EXPECT_TRUE(std::equal(got.begin(), got.end(), text_want.begin()));
}

ClaimEvidence Evidence(int64_t id, int64_t doc, const std::string& outlet, const std::string& date,
                       double lat = 50.92, double lon = 34.80) {
  ClaimEvidence e;
  e.claim_id = id;
  e.document_id = doc;
  e.cluster_id = doc;
  e.outlet = outlet;
  e.event_type = "Explosions/Remote violence";
  e.status = ClaimStatus::kAsserted;
  e.day_from = e.day_to = CivilDate::Parse(date)->ToDays();
  e.has_place = true;
  e.place_key = "geonames:692194";
  e.region_key = "UKR/Sumy Oblast";
  e.place_name = "Sumy";
  e.lat = lat;
  e.lon = lon;
  e.geo_precision = 1;
  return e;
}

TEST(Corroboration, CountsIndependentSourcesOnce) {
  std::vector<ClaimEvidence> c = {Evidence(1, 1, "A", "2024-09-04"), Evidence(2, 2, "B", "2024-09-05"),
                                  Evidence(3, 3, "B", "2024-09-04"), Evidence(4, 4, "C", "2024-09-04")};
  c[3].cluster_id = 1;  // a near-duplicate of document 1: the same source
  std::vector<ClaimGroup> g = GroupClaims(c);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].members.size(), 4u);
  EXPECT_EQ(g[0].corroboration, 2);  // A (with its copy in C) and B
  EXPECT_EQ(g[0].status, ClaimStatus::kAsserted);
  EXPECT_EQ(g[0].contradiction, "");
}

TEST(Corroboration, SeparatesOtherTypesPlacesAndDates) {
  std::vector<ClaimEvidence> c = {Evidence(1, 1, "A", "2024-09-04"), Evidence(2, 2, "B", "2024-09-04"),
                                  Evidence(3, 3, "C", "2024-09-04", 49.99, 36.23),  // Kharkiv, 145 km away
                                  Evidence(4, 4, "D", "2024-09-10"),                // a week later
                                  Evidence(5, 5, "E", "2024-09-04")};
  c[1].event_type = "Battles";
  c[2].place_key = "geonames:706483";
  c[2].region_key = "UKR/Kharkiv Oblast";
  std::vector<ClaimGroup> g = GroupClaims(c);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].members, (std::vector<size_t>{0, 4}));
}

TEST(Corroboration, DailyReportsDoNotChainIntoOneGroup) {
  // The same kind of strike on the same town reported every day for a month
  // by two outlets: groups of a few days, not one group a month long.
  std::vector<ClaimEvidence> c;
  for (int d = 0; d < 30; ++d) {
    std::string date = CivilDate::FromDays(CivilDate::Parse("2024-09-01")->ToDays() + d).ToString();
    c.push_back(Evidence(2 * d + 1, 2 * d + 1, "A", date));
    c.push_back(Evidence(2 * d + 2, 2 * d + 2, "B", date));
  }
  std::vector<ClaimGroup> g = GroupClaims(c);
  ASSERT_GE(g.size(), 4u);
  for (const ClaimGroup& group : g) EXPECT_LE(group.day_to - group.day_from, 7);
}

TEST(Corroboration, ClaimsInOneDocumentAreNotCorroboration) {
  std::vector<ClaimEvidence> c = {Evidence(1, 1, "A", "2024-09-04"), Evidence(2, 1, "A", "2024-09-04")};
  EXPECT_TRUE(GroupClaims(c).empty());
}

TEST(Corroboration, RegionAndTownInItMatch) {
  std::vector<ClaimEvidence> c = {Evidence(1, 1, "A", "2024-09-04"), Evidence(2, 2, "B", "2024-09-04", 50.75, 33.5)};
  c[1].geo_precision = 3;
  c[1].place_key = "a-UKR-21";
  c[1].place_name = "Sumy Oblast";
  ASSERT_EQ(GroupClaims(c).size(), 1u);
  c[1].region_key = "UKR/Kharkiv Oblast";
  EXPECT_TRUE(GroupClaims(c).empty());
}

TEST(Corroboration, StrongestStatusWinsAndDenialsAreFlagged) {
  std::vector<ClaimEvidence> c = {Evidence(1, 1, "A", "2024-09-04"), Evidence(2, 2, "B", "2024-09-04"),
                                  Evidence(3, 3, "C", "2024-09-04")};
  c[0].status = ClaimStatus::kAlleged;
  c[1].status = ClaimStatus::kConfirmed;
  c[2].status = ClaimStatus::kDenied;
  c[2].speaker = "Defence Ministry";
  std::vector<ClaimGroup> g = GroupClaims(c);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].status, ClaimStatus::kConfirmed);
  EXPECT_EQ(g[0].contradiction, "denied by Defence Ministry");
  EXPECT_GT(StatusStrength(ClaimStatus::kConfirmed), StatusStrength(ClaimStatus::kAsserted));
}

TEST(Corroboration, QuantitiesFlagOrSplit) {
  std::vector<ClaimEvidence> c = {Evidence(1, 1, "A", "2024-09-04"), Evidence(2, 2, "B", "2024-09-04")};
  c[0].quantities = {{4, "people", QuantityBound::kExact}};
  c[1].quantities = {{6, "people", QuantityBound::kExact}};
  std::vector<ClaimGroup> g = GroupClaims(c);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].contradiction, "quantities differ: 4 vs 6 people");
  c[1].quantities = {{5, "people", QuantityBound::kAtLeast}};  // "at least 5" vs "4": disagree
  ASSERT_EQ(GroupClaims(c).size(), 1u);
  c[1].quantities = {{3, "people", QuantityBound::kAtLeast}};  // "at least 3" allows 4
  g = GroupClaims(c);
  ASSERT_EQ(g.size(), 1u);
  EXPECT_EQ(g[0].contradiction, "");
  c[1].quantities = {{40, "people", QuantityBound::kExact}};  // ten times as many: another event
  EXPECT_TRUE(GroupClaims(c).empty());
}

TEST(StoreIngest, ReadsEveryFormatAndReportsEveryBadRecord) {
  TempDir tmp;
  Ingested r = Ingest({kCorpus}, tmp / "c.db");
  const IngestSummary& s = r.summary;
  EXPECT_EQ(s.records, 9u);
  EXPECT_EQ(s.added, 9u);
  EXPECT_EQ(s.files, 7u);
  EXPECT_EQ(s.ignored_files, 1u);    // articles/notes.bin
  EXPECT_EQ(s.skipped_records, 2u);  // a service message, a photo without caption
  EXPECT_EQ(s.near_duplicates, 1u);  // the wire story reprinted
  EXPECT_EQ(s.problems, 8u);
  EXPECT_EQ(s.warnings, 1u);
  EXPECT_TRUE(HasProblem(r, "reports.jsonl:3", "not valid JSON"));
  EXPECT_TRUE(HasProblem(r, "reports.jsonl:4", "no \"text\""));
  EXPECT_TRUE(HasProblem(r, "reports.jsonl:6", "not a JSON object"));
  EXPECT_TRUE(HasProblem(r, "reports.jsonl:7", "\"url\" is not a string"));
  EXPECT_TRUE(HasProblem(r, "reports.jsonl:5", "'someday' is not a date"));
  EXPECT_TRUE(HasProblem(r, "result.json#message 4", "neither a string nor an array"));
  EXPECT_TRUE(HasProblem(r, "result.json#message at index 5", "no \"id\""));
  EXPECT_TRUE(HasProblem(r, "broken.xml:4", "not well-formed XML"));
  EXPECT_TRUE(HasProblem(r, "ledger.xml#item 2", "no text"));
  Result<Database> db = Database::Open(tmp / "c.db");
  ASSERT_TRUE(db.ok()) << db.status().message();
  Result<DatabaseStats> st = db->Stats();
  ASSERT_TRUE(st.ok());
  EXPECT_EQ(st->documents, 9);
  EXPECT_EQ(st->problems, 9);  // the 8 not stored and the warning, kept in ingest_problems
  EXPECT_EQ(st->outlets, 6);   // Northern Wire, Daily Ledger, Borderland Post, Telegram, two feeds
}

TEST(StoreIngest, IsIdempotentAndGivesTheSameResultOnTwoThreads) {
  TempDir tmp;
  Ingested first = Ingest({kCorpus}, tmp / "c.db");
  Ingested again = Ingest({kCorpus}, tmp / "c.db", /*jobs=*/2);
  EXPECT_EQ(again.summary.added, 0u);
  EXPECT_EQ(again.summary.unchanged, 9u);
  EXPECT_EQ(again.summary.claims, 0u);
  Ingested two = Ingest({kCorpus}, tmp / "two.db", /*jobs=*/2);
  auto all = [](const std::string& path) {
    Result<Database> db = Database::Open(path);
    EXPECT_TRUE(db.ok());
    QueryFilter f;
    f.limit = 0;
    std::vector<std::string> rows;
    for (const ClaimRecord& c : Rows(*db, f)) {
      rows.push_back(std::to_string(c.id) + c.text + c.status + c.place + std::to_string(c.corroboration));
    }
    return rows;
  };
  std::vector<std::string> one = all(tmp / "c.db");
  EXPECT_EQ(one.size(), first.summary.claims);
  EXPECT_EQ(one, all(tmp / "two.db"));
}

// The writer keeps a batch's mentions, claims and links and writes them with
// multi-row statements, giving their ids itself: a batch of many documents
// (more claims than one statement holds) stores the same rows, with the same
// ids, as one document a batch.
TEST(StoreIngest, ABatchStoresTheSameRowsAsOneDocumentAtATime) {
  TempDir tmp;
  const char* towns[] = {"Kharkiv", "Sumy", "Izium", "Kupiansk", "Pokrovsk", "Kramatorsk"};
  std::string lines;
  for (int i = 0; i < 150; ++i) {
    std::string a = towns[i % 6], b = towns[(i / 6) % 6];
    const std::string n = std::to_string(i);
    std::string text = "Officials said " + std::to_string(3 + i % 40) + " drones struck " + a + " on Monday. ";
    text += "Oleh Syniehubov, the governor of Kharkiv region, said " + std::to_string(1 + i % 9) +
            " people were wounded in " + b + ". ";
    text += "Police reported that a school in " + a + " was damaged, according to witnesses. ";
    text += "Russian officials denied that " + std::to_string(10 + i) + " soldiers were killed near " + b + ".";
    nlohmann::json j = {{"id", "r" + n},
                        {"url", "https://example.org/report/" + n},
                        {"outlet", i % 2 ? "Example Wire" : "Daily Ledger"},
                        {"published", "2024-05-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(1 + i % 28)},
                        {"title", "Report " + n},
                        {"text", text}};
    lines += j.dump() + "\n";
  }
  const std::string corpus = tmp / "reports.jsonl";
  WriteFile(corpus, lines);
  auto ingest = [&](const std::string& db, int batch) {
    IngestOptions o;
    o.db_path = db;
    o.batch_documents = batch;
    Result<IngestSummary> r = IngestCorpus({corpus}, o);
    EXPECT_TRUE(r.ok()) << r.status().message();
  };
  ingest(tmp / "batch.db", 256);
  ingest(tmp / "single.db", 1);
  auto rows = [](const std::string& path, const std::string& query) {
    Result<sql::Connection> c = sql::Connection::Open(path, sql::Connection::Mode::kReadOnly);
    EXPECT_TRUE(c.ok());
    Result<sql::Statement> st = c->Prepare(query);
    EXPECT_TRUE(st.ok()) << query;
    std::vector<std::string> out;
    Status s;
    while (st.ok() && st->Step(&s)) out.push_back(st->Text(0));
    EXPECT_TRUE(s.ok()) << s.message();
    return out;
  };
  const std::string queries[] = {
      "SELECT c.id || '|' || document_id || '|' || claim_text(text, document_id, begin_byte, end_byte) || '|' || "
      "begin_byte || '|' || status || '|' || f.kind || '|' || f.speaker || '|' || f.cue || '|' || form_id || '|' || "
      "COALESCE(date_from, '') || '|' || COALESCE(event_type, '') || '|' || COALESCE(place_id, '') || '|' || "
      "is_latest || '|' || COALESCE(when_from, '') FROM claims c JOIN claim_forms f ON f.id = c.form_id "
      "ORDER BY c.id",
      "SELECT p.id || '|' || p.document_id || '|' || r.mention || '|' || p.begin_byte || '|' || r.name || '|' || "
      "COALESCE(r.location_id, '') || '|' || r.lat FROM places p JOIN resolved_places r ON r.id = p.resolved_id "
      "ORDER BY p.id",
      "SELECT q.id || '|' || document_id || '|' || text || '|' || value || '|' || unit || '|' || bound || '|' || "
      "COALESCE(si_value, '') FROM quantities q JOIN quantity_forms f ON f.id = q.form_id ORDER BY q.id",
      "SELECT id || '|' || document_id || '|' || name || '|' || role FROM people ORDER BY id",
      "SELECT claim_id || '|' || place_id FROM claim_places ORDER BY 1",
      "SELECT claim_id || '|' || quantity_id FROM claim_quantities ORDER BY 1",
      "SELECT claim_id || '|' || person_id FROM claim_people ORDER BY 1",
      "SELECT rowid || '|' || text FROM claims_fts WHERE claims_fts MATCH 'drones' ORDER BY rowid",
  };
  for (const std::string& q : queries) {
    std::vector<std::string> batch = rows(tmp / "batch.db", q);
    EXPECT_FALSE(batch.empty()) << q;
    EXPECT_EQ(batch, rows(tmp / "single.db", q)) << q;
  }
  // More claims than one statement of 8,192 parameters holds (16 columns:
  // 512 rows), so that a batch was written in several statements.
  EXPECT_GT(rows(tmp / "batch.db", "SELECT id FROM claims").size(), 512u);
  EXPECT_EQ(rows(tmp / "batch.db", "SELECT count(*) FROM claim_places cp LEFT JOIN places p ON p.id = cp.place_id "
                                   "WHERE p.id IS NULL"),
            std::vector<std::string>{"0"});
}

// Two channels are one source when one forwards the other's post: the
// forward counts under the channel it came from. A reply is stored with the
// message it answers.
TEST(StoreIngest, AForwardedTelegramPostIsItsOriginalChannelsSource) {
  TempDir tmp;
  std::filesystem::create_directories(tmp / "a");
  std::filesystem::create_directories(tmp / "b");
  std::filesystem::create_directories(tmp / "c");
  WriteFile(tmp / "a/result.json", R"({"name": "Frontline Digest", "id": 100, "messages": [
    {"id": 1, "type": "message", "date": "2024-09-11T07:00:00",
     "text": "Russian drones struck a school in Kharkiv on Tuesday night, regional governor Oleh Syniehubov said."}]})");
  WriteFile(tmp / "b/result.json", R"({"name": "Kharkiv Now", "id": 200, "messages": [
    {"id": 5, "type": "message", "date": "2024-09-11T08:00:00", "forwarded_from": "Frontline Digest",
     "text": "Drones hit a school building in Kharkiv overnight into Wednesday; nobody was hurt, according to the regional administration."},
    {"id": 6, "type": "message", "date": "2024-09-11T09:00:00", "reply_to_message_id": 5,
     "text": "Residents say the sirens sounded twice."}]})");
  WriteFile(tmp / "c/result.json", R"({"name": "Eastern Watch", "id": 300, "messages": [
    {"id": 9, "type": "message", "date": "2024-09-11T10:00:00",
     "text": "A drone attack damaged a school in Kharkiv late on Tuesday, the city's mayor Ihor Terekhov said."}]})");
  Ingested r = Ingest({tmp / "a/result.json", tmp / "b/result.json", tmp / "c/result.json"}, tmp / "t.db");
  EXPECT_EQ(r.summary.added, 4u);
  Result<Database> db = Database::Open(tmp / "t.db");
  ASSERT_TRUE(db.ok());
  QueryFilter f;
  f.events_only = true;
  std::vector<ClaimRecord> events = Rows(*db, f);
  ASSERT_EQ(events.size(), 3u);
  for (const ClaimRecord& e : events) {
    EXPECT_EQ(e.corroboration, 2) << e.text;  // Frontline Digest (and its forward), Eastern Watch
    Result<DocumentRecord> d = db->Document(e.document_id);
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->forwarded_from, d->outlet == "Telegram: Kharkiv Now" ? "Frontline Digest" : "");
  }
  bool reply_found = false;
  for (int64_t id = 1; id <= 4; ++id) {
    Result<DocumentRecord> d = db->Document(id);
    ASSERT_TRUE(d.ok());
    if (d->reply_to == "telegram:200/5") reply_found = true;
  }
  EXPECT_TRUE(reply_found);
}

// A report whose event sentence names no place is placed at its dateline,
// but only as a guess: shown at region precision, not one of the places the
// claim names, and never grouped with another outlet's event there.
TEST(StoreIngest, ADatelinePlaceIsAGuessNotANamedPlace) {
  TempDir tmp;
  WriteFile(tmp / "r.jsonl",
            R"({"id": "a", "outlet": "Steppe Wire", "published": "2024-09-10T09:00:00Z", "title": "Strike", )"
            R"("text": "KHARKIV, Ukraine — A Russian missile strike killed three people on Monday.\n\n)"
            R"(Rescuers worked through the night."})"
            "\n"
            R"({"id": "b", "outlet": "River Daily", "published": "2024-09-10T10:00:00Z", "title": "Kharkiv", )"
            R"("text": "A Russian missile strike killed three people in Kharkiv on Monday, officials said."})"
            "\n");
  Ingested r = Ingest({tmp / "r.jsonl"}, tmp / "t.db");
  EXPECT_EQ(r.summary.added, 2u);
  Result<Database> db = Database::Open(tmp / "t.db");
  ASSERT_TRUE(db.ok());
  QueryFilter f;
  f.events_only = true;
  std::vector<ClaimRecord> events = Rows(*db, f);
  ASSERT_EQ(events.size(), 2u);
  int datelined = 0;
  for (const ClaimRecord& e : events) {
    EXPECT_EQ(e.place, "Kharkiv") << e.text;
    EXPECT_EQ(e.corroboration, 1) << e.text;  // the guess groups with nothing
    ASSERT_TRUE(e.event_confidence.has_value());
    EXPECT_GE(*e.event_confidence, 0.5);  // stored events passed the model's threshold
    EXPECT_LE(*e.event_confidence, 1.0);
    if (e.outlet != "Steppe Wire") {
      EXPECT_EQ(e.place_basis, "claim");
      EXPECT_EQ(e.geo_precision, 1);
      continue;
    }
    ++datelined;
    EXPECT_EQ(e.place_basis, "dateline");
    EXPECT_EQ(e.geo_precision, 3);
  }
  EXPECT_EQ(datelined, 1);
  f.place = "Kharkiv";
  std::vector<ClaimRecord> named = Rows(*db, f);
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0].outlet, "River Daily");
}

TEST(StoreIngest, AChangedDocumentBecomesANewVersion) {
  TempDir tmp;
  const std::string article = tmp / "report.txt";
  WriteFile(article,
            "---\npublished: 2024-09-05\noutlet: Test Wire\nurl: https://test.example/a\n---\n"
            "Russian forces shelled Nikopol on Thursday, killing two people, regional officials said.\n");
  Ingested v1 = Ingest({article}, tmp / "c.db");
  EXPECT_EQ(v1.summary.added, 1u);
  WriteFile(article,
            "---\npublished: 2024-09-05\noutlet: Test Wire\nurl: https://test.example/a\n---\n"
            "Russian forces shelled Nikopol on Thursday, killing three people, regional officials said.\n");
  Ingested v2 = Ingest({article}, tmp / "c.db");
  EXPECT_EQ(v2.summary.added, 0u);
  EXPECT_EQ(v2.summary.new_versions, 1u);
  Result<Database> db = Database::Open(tmp / "c.db");
  ASSERT_TRUE(db.ok());
  QueryFilter f;
  std::vector<ClaimRecord> latest = *db->Claims(f);
  ASSERT_EQ(latest.size(), 1u);
  EXPECT_NE(latest[0].text.find("three"), std::string::npos);
  f.all_versions = true;
  EXPECT_EQ(db->Claims(f)->size(), 2u);
  Result<DocumentRecord> d = db->Document(latest[0].document_id);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->version, 2);
  EXPECT_TRUE(d->is_latest);
  EXPECT_EQ(d->doc_key, "https://test.example/a");
  Result<DocumentRecord> old = db->Document(latest[0].document_id - 1);
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->version, 1);
  EXPECT_FALSE(old->is_latest);
  // The same document under another name is a copy: linked, not a version.
  const std::string copy = tmp / "copy.txt";
  WriteFile(copy, "Russian forces shelled Nikopol on Thursday, killing three people, regional officials said.\n");
  WriteFile(tmp / "copy2.txt", ReadFile(copy));
  Ingested c = Ingest({copy, tmp / "copy2.txt"}, tmp / "c.db");
  EXPECT_EQ(c.summary.added, 2u);
  // copy.txt is the new version's text without its front block (similar),
  // copy2.txt the same bytes as copy.txt (identical): both linked.
  EXPECT_EQ(c.summary.near_duplicates, 2u);
}

TEST(StoreIngest, AnHtmlPageIsKnownByItsCanonicalUrl) {
  TempDir tmp;
  auto page = [](const std::string& body) {
    return "<html><head><link rel=\"canonical\" href=\"https://paper.example/story/7\">"
           "<meta property=\"og:url\" content=\"https://paper.example/amp/7\">"
           "<meta property=\"article:published_time\" content=\"2024-09-05\"></head><body><p>" +
           body + "</p></body></html>";
  };
  WriteFile(tmp / "saved-monday.html", page("Russian forces shelled Nikopol on Thursday, officials said."));
  Ingest({tmp / "saved-monday.html"}, tmp / "c.db");
  // Saved again later under another name, edited: a new version of the same page.
  WriteFile(tmp / "saved-tuesday.html",
            page("Russian forces shelled Nikopol and Marhanets on Thursday, officials said."));
  Ingested again = Ingest({tmp / "saved-tuesday.html"}, tmp / "c.db");
  EXPECT_EQ(again.summary.new_versions, 1u);
  Result<Database> db = Database::Open(tmp / "c.db");
  ASSERT_TRUE(db.ok());
  Result<DocumentRecord> d = db->Document(2);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->doc_key, "https://paper.example/story/7");
  EXPECT_EQ(d->url, "https://paper.example/story/7");
  EXPECT_EQ(d->version, 2);
}

TEST_F(FixtureCorpus, LinksNearDuplicatesIntoOneCluster) {
  Result<Database>& db = db_;
  QueryFilter f;
  f.place = "Sumy";
  f.limit = 0;
  std::map<std::string, int64_t> doc_of_outlet;
  for (const ClaimRecord& c : Rows(*db, f)) doc_of_outlet[c.outlet] = c.document_id;
  ASSERT_TRUE(doc_of_outlet.count("Northern Wire") && doc_of_outlet.count("Daily Ledger"));
  Result<DocumentRecord> ledger = db->Document(doc_of_outlet["Daily Ledger"]);
  Result<DocumentRecord> wire = db->Document(doc_of_outlet["Northern Wire"]);
  ASSERT_TRUE(ledger.ok() && wire.ok());
  EXPECT_EQ(ledger->cluster_id, wire->cluster_id);
  ASSERT_EQ(wire->near_duplicates.size(), 1u);
  EXPECT_EQ(wire->near_duplicates[0].first, ledger->id);
  EXPECT_GE(wire->near_duplicates[0].second, kNearDuplicateSimilarity);
  Result<DocumentRecord> police = db->Document(doc_of_outlet["Borderland Post"]);
  ASSERT_TRUE(police.ok());
  EXPECT_NE(police->cluster_id, wire->cluster_id);
}

TEST_F(FixtureCorpus, GroupsTheSameEventAcrossSources) {
  Result<Database>& db = db_;
  QueryFilter f;
  f.place = "Sumy";
  f.events_only = true;
  std::vector<ClaimRecord> sumy = *db->Claims(f);
  ASSERT_GE(sumy.size(), 4u);
  int64_t group = sumy[0].group_id;
  ASSERT_NE(group, 0);
  for (const ClaimRecord& c : sumy) {
    EXPECT_EQ(c.group_id, group) << c.text;
    // The wire story and its reprint, the police via Borderland Post, the
    // Telegram channel: three independent sources.
    EXPECT_EQ(c.corroboration, 3) << c.text;
    EXPECT_EQ(c.group_status, "asserted");
    EXPECT_NE(c.contradiction.find("denied by Russian officials"), std::string::npos) << c.contradiction;
    EXPECT_NE(c.contradiction.find("4 vs 6 people"), std::string::npos) << c.contradiction;
  }
  // Belgorod is another event.
  f.place = "Belgorod";
  for (const ClaimRecord& c : Rows(*db, f)) EXPECT_NE(c.group_id, group);
}

TEST_F(FixtureCorpus, FiltersNarrowTheResult) {
  Result<Database>& db = db_;
  auto count = [&](QueryFilter f) {
    f.limit = 0;
    Result<std::vector<ClaimRecord>> r = db->Claims(f);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? r->size() : 0;
  };
  const size_t all = count({});
  EXPECT_GT(all, 10u);
  QueryFilter f;
  f.status = "denied";
  EXPECT_EQ(count(f), 1u);
  f = {};
  f.speaker = "artiukh";
  EXPECT_EQ(count(f), 4u);  // two claims in the wire story, two in its reprint
  f = {};
  f.near_lat = 50.92, f.near_lon = 34.80, f.near_km = 20;
  size_t near_sumy = count(f);
  EXPECT_GT(near_sumy, 3u);
  f.near_km = 1;
  f.near_lat = 47.57, f.near_lon = 34.39;  // Nikopol
  EXPECT_EQ(count(f), 2u);
  f = {};
  f.since = "2024-09-06";
  f.until = "2024-09-06";
  for (const ClaimRecord& c : Rows(*db, f)) {
    std::string d = c.date_from ? *c.date_from : *c.published;
    EXPECT_LE(d, "2024-09-06");
    EXPECT_GE(c.date_to ? *c.date_to : *c.published, "2024-09-06");
  }
  f = {};
  f.text = "rubble";
  EXPECT_EQ(count(f), 2u);
  f.text = "\"unbalanced";
  EXPECT_EQ(db->Claims(f).status().code(), StatusCode::kInvalidArgument);
  f = {};
  f.limit = 3;
  f.offset = 2;
  EXPECT_EQ(count(f) , all);  // count() lifts the limit
  EXPECT_EQ(db->Claims(f)->size(), 3u);
  f = {};
  f.status = "rumoured";
  EXPECT_EQ(ValidateFilter(f).code(), StatusCode::kInvalidArgument);
  f = {};
  f.since = "2024-13-01";
  EXPECT_EQ(ValidateFilter(f).code(), StatusCode::kInvalidArgument);
  f = {};
  f.near_lat = 95, f.near_lon = 0, f.near_km = 5;
  EXPECT_EQ(ValidateFilter(f).code(), StatusCode::kInvalidArgument);
}

TEST_F(FixtureCorpus, AcledCsvHasTheColumnsAndOneRowPerEvent) {
  Result<Database>& db = db_;
  std::ostringstream out;
  QueryFilter f;
  f.limit = 0;
  Result<ExportSummary> r = ExportClaims(*db, f, ExportFormat::kAcledCsv, out, &testing::TestExtractor());
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::istringstream lines(out.str());
  std::string header;
  std::getline(lines, header);
  // ACLED's 31 columns in ACLED's order, then sitrep's.
  EXPECT_EQ(header.rfind("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,"
                         "actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,"
                         "iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
                         "source,source_scale,notes,fatalities,tags,timestamp,claim_status,speaker,corroboration",
                         0),
            0u)
      << header;
  f.events_only = true;
  EXPECT_EQ(r->written + r->not_acled + r->after_publication, db->Claims(f)->size());
  // Russia's strike on Sumy (claim 14 of the fixture corpus): Russia's forces acting outside Russia
  // (external, 8), alone (80).
  EXPECT_NE(out.str().find("UKR14,2024-09-04,2024,1,Political violence,Explosions/Remote violence,Air/drone strike,"
                           "Military Forces of Russia (2000-),,8,,,0,80,,804,Europe,Ukraine,Sumy Oblast,,,Sumy,"),
            std::string::npos)
      << out.str();
}

// A cell a spreadsheet would run as a formula is shown as text; numbers,
// negative ones included, stay numbers.
TEST(CsvField, FormulaCellsArePrefixedNumbersAreNot) {
  EXPECT_EQ(CsvField("=HYPERLINK(\"http://x.example\",\"open\")"),
            "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"open\"\")\"");
  EXPECT_EQ(CsvField("+1+cmd|' /C calc'!A0"), "'+1+cmd|' /C calc'!A0");
  EXPECT_EQ(CsvField("-2+3"), "'-2+3");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("\t=1"), "'\t=1");
  EXPECT_EQ(CsvField("\r=1"), "\"'\r=1\"");
  EXPECT_EQ(CsvField("-12.5"), "-12.5");
  EXPECT_EQ(CsvField("+3"), "+3");
  EXPECT_EQ(CsvField("Daily Ledger"), "Daily Ledger");
  EXPECT_EQ(CsvField("a = b"), "a = b");
}

// End to end: an outlet named like a formula, exported as ACLED CSV.
TEST(Export, AcledCsvCarriesNoFormula) {
  TempDir tmp;
  WriteFile(tmp / "a.txt", "---\npublished: 2024-08-13\noutlet: =HYPERLINK(\"http://x.example\",\"open\")\n---\n"
                           "Depot fire\n\nA drone strike hit a fuel depot in Sumy on Monday, the governor said.\n");
  IngestOptions o;
  o.db_path = tmp / "t.db";
  ASSERT_TRUE(IngestCorpus({tmp / "a.txt"}, o).ok());
  Result<Database> db = Database::Open(o.db_path);
  ASSERT_TRUE(db.ok());
  std::ostringstream out;
  QueryFilter f;
  f.limit = 0;
  Result<ExportSummary> r = ExportClaims(*db, f, ExportFormat::kAcledCsv, out);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_GT(r->written, 0u) << out.str();
  EXPECT_EQ(out.str().find(",=HYPERLINK"), std::string::npos) << out.str();
  EXPECT_EQ(out.str().find(",\"=HYPERLINK"), std::string::npos) << out.str();
  EXPECT_NE(out.str().find("\"'=HYPERLINK"), std::string::npos) << out.str();
}

TEST_F(FixtureCorpus, GeoJsonFollowsTheSpecStructure) {
  Result<Database>& db = db_;
  std::ostringstream out;
  QueryFilter f;
  f.limit = 0;
  Result<ExportSummary> r = ExportClaims(*db, f, ExportFormat::kGeoJson, out, &testing::TestExtractor());
  ASSERT_TRUE(r.ok());
  nlohmann::json j = nlohmann::json::parse(out.str());
  // RFC 7946: a FeatureCollection has "features", an array of Features;
  // a Feature has "geometry" and "properties" (object or null); a Point's
  // coordinates are [longitude, latitude] numbers in range.
  ASSERT_EQ(j["type"], "FeatureCollection");
  ASSERT_TRUE(j["features"].is_array());
  EXPECT_EQ(j["features"].size(), r->written);
  EXPECT_GT(r->written, 5u);
  for (const auto& feature : j["features"]) {
    EXPECT_EQ(feature["type"], "Feature");
    ASSERT_TRUE(feature.contains("properties"));
    EXPECT_TRUE(feature["properties"].is_object());
    const auto& g = feature["geometry"];
    ASSERT_EQ(g["type"], "Point");
    ASSERT_TRUE(g["coordinates"].is_array());
    ASSERT_EQ(g["coordinates"].size(), 2u);
    double lon = g["coordinates"][0], lat = g["coordinates"][1];
    EXPECT_TRUE(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90);
    EXPECT_EQ(feature["properties"]["latitude"], lat);
    EXPECT_EQ(feature["properties"]["longitude"], lon);
  }
}

TEST_F(FixtureCorpus, JsonLinesCarriesEveryClaim) {
  Result<Database>& db = db_;
  std::ostringstream out;
  QueryFilter f;
  f.limit = 0;
  Result<ExportSummary> r = ExportClaims(*db, f, ExportFormat::kJsonLines, out);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->written, ingested_->summary.claims);
  std::istringstream lines(out.str());
  std::string line;
  size_t n = 0;
  while (std::getline(lines, line)) {
    nlohmann::json j = nlohmann::json::parse(line);
    EXPECT_TRUE(j["span"].is_array());
    EXPECT_TRUE(j["source"].is_object());
    ++n;
  }
  EXPECT_EQ(n, r->written);
}

// A database of the previous schema version reads as it is and is upgraded
// in place the next time it is written.
TEST(StoreOpen, UpgradesAnOlderDatabaseInPlace) {
  TempDir tmp;
  IngestOptions o;
  o.db_path = tmp / "old.db";
  ASSERT_TRUE(IngestCorpus({kCorpus + "/reports.jsonl"}, o).ok());
  auto schema = [&](const std::string& query) {
    Result<sql::Connection> c = sql::Connection::Open(o.db_path, sql::Connection::Mode::kReadOnly);
    EXPECT_TRUE(c.ok());
    Result<sql::Statement> st = c->Prepare(query);
    EXPECT_TRUE(st.ok());
    Status s;
    return st->Step(&s) ? st->Int(0) : -1;
  };
  EXPECT_EQ(schema("PRAGMA user_version"), kSchemaVersion);
  {
    // What version 2 wrote: no index of current events (version 3), no
    // forwarded_from and reply_to of documents (version 4); and before
    // version 6, every claim's text copied, a full-text index of documents,
    // an index of every claim by event type, indexes by group and by date.
    Result<sql::Connection> c = sql::Connection::Open(o.db_path, sql::Connection::Mode::kReadWrite);
    ASSERT_TRUE(c.ok());
    // Before version 9, each claim row held its form (kind, speaker, cue, ...),
    // its status and event type as text, and its dates as YYYY-MM-DD.
    ASSERT_TRUE(
        c->Exec("CREATE TABLE old_claims (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, text TEXT NOT NULL, "
                "begin_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, "
                "speaker TEXT NOT NULL, speaker_role TEXT NOT NULL, speaker_side TEXT NOT NULL, "
                "speaker_country TEXT NOT NULL, cue TEXT NOT NULL, status_cue TEXT NOT NULL, date_from TEXT, "
                "date_to TEXT, time_precision INTEGER NOT NULL, date_from_context INTEGER NOT NULL, event_type TEXT, "
                "sub_event_type TEXT NOT NULL, actor1 TEXT NOT NULL, actor2 TEXT NOT NULL, place_id INTEGER, "
                "trigger_word TEXT NOT NULL, group_id INTEGER, is_latest INTEGER NOT NULL, when_from TEXT, "
                "when_to TEXT, place_basis TEXT NOT NULL DEFAULT '', event_confidence REAL); "
                "INSERT INTO old_claims SELECT c.id, c.document_id, c.text, c.begin_byte, c.end_byte, f.kind, "
                "s.status, f.speaker, f.speaker_role, f.speaker_side, f.speaker_country, f.cue, f.status_cue, "
                "sitrep_date(c.date_from), sitrep_date(c.date_to), f.time_precision, f.date_from_context, "
                "e.event_type, f.sub_event_type, f.actor1, f.actor2, c.place_id, f.trigger_word, c.group_id, "
                "c.is_latest, sitrep_date(c.when_from), sitrep_date(c.when_to), f.place_basis, c.event_confidence "
                "FROM claims c JOIN claim_forms f ON f.id = c.form_id JOIN claim_statuses s ON s.id = c.status "
                "LEFT JOIN event_types e ON e.id = c.event_type; "
                "DROP TABLE claims; DROP TABLE claim_forms; DROP TABLE claim_statuses; DROP TABLE event_types; "
                "ALTER TABLE old_claims RENAME TO claims; "
                "CREATE TABLE old_quantities (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, "
                "text TEXT NOT NULL, begin_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL, value REAL NOT NULL, "
                "unit TEXT NOT NULL, si_value REAL, si_unit TEXT NOT NULL, bound TEXT NOT NULL); "
                "INSERT INTO old_quantities SELECT q.id, q.document_id, f.text, q.begin_byte, q.end_byte, f.value, "
                "f.unit, f.si_value, f.si_unit, f.bound FROM quantities q JOIN quantity_forms f ON f.id = q.form_id; "
                "DROP TABLE quantities; DROP TABLE quantity_forms; ALTER TABLE old_quantities RENAME TO quantities; "
                "DROP INDEX documents_sha256; CREATE INDEX documents_sha256 ON documents(sha256); "
                "CREATE INDEX claims_document ON claims(document_id); CREATE INDEX claims_when ON claims(when_from); "
                "CREATE INDEX claims_status_when ON claims(status, when_from); "
                "CREATE INDEX claims_event_when ON claims(event_type, when_from) WHERE event_type IS NOT NULL; "
                "CREATE INDEX claims_latest_events_when ON claims(when_from, id) "
                "WHERE event_type IS NOT NULL AND is_latest = 1;")
            .ok());
    ASSERT_TRUE(
        c->Exec("DROP INDEX claims_latest_events_when; ALTER TABLE documents DROP COLUMN forwarded_from; "
                "ALTER TABLE documents DROP COLUMN reply_to; ALTER TABLE claims DROP COLUMN place_basis; "
                "ALTER TABLE claims DROP COLUMN event_confidence; "
                "UPDATE claims SET text = claim_text(text, document_id, begin_byte, end_byte); "
                "CREATE VIRTUAL TABLE documents_fts USING fts5(title, body, content=''); "
                "DROP INDEX claims_event_when; CREATE INDEX claims_event_when ON claims(event_type, when_from); "
                "CREATE INDEX claims_group ON claims(group_id); "
                "CREATE INDEX documents_published ON documents(published); "
                "PRAGMA user_version = 2;")
            .ok());
    // And before version 8, each place row held its resolution.
    ASSERT_TRUE(
        c->Exec(
             "CREATE TABLE old_places (id INTEGER PRIMARY KEY, document_id INTEGER NOT NULL, mention TEXT NOT NULL, "
             "begin_byte INTEGER NOT NULL, end_byte INTEGER NOT NULL, gazetteer_id TEXT NOT NULL, name TEXT NOT NULL, "
             "kind TEXT NOT NULL, country TEXT NOT NULL, admin1 TEXT NOT NULL, lat REAL, lon REAL, "
             "geo_precision INTEGER NOT NULL, confidence REAL NOT NULL, metonym_for TEXT NOT NULL, "
             "resolution TEXT NOT NULL, location_id INTEGER); "
             "INSERT INTO old_places SELECT p.id, p.document_id, r.mention, p.begin_byte, p.end_byte, r.gazetteer_id, "
             "r.name, r.kind, r.country, r.admin1, CASE WHEN r.location_id IS NOT NULL THEN r.lat END, "
             "CASE WHEN r.location_id IS NOT NULL THEN r.lon END, r.geo_precision, r.confidence, r.metonym_for, "
             "r.resolution, r.location_id FROM places p JOIN resolved_places r ON r.id = p.resolved_id; "
             "DROP TABLE places; DROP TABLE resolved_places; ALTER TABLE old_places RENAME TO places; "
             "CREATE INDEX places_document ON places(document_id); "
             "CREATE INDEX places_location ON places(location_id); "
             "CREATE INDEX places_name ON places(name COLLATE NOCASE); "
             "CREATE INDEX places_mention ON places(mention COLLATE NOCASE); "
             "CREATE INDEX quantities_document ON quantities(document_id); "
             "CREATE INDEX people_document ON people(document_id); "
             "CREATE INDEX document_links_document ON document_links(document_id);")
            .ok());
  }
  EXPECT_GT(schema("SELECT count(*) FROM places"), 0);
  EXPECT_EQ(schema("SELECT count(*) FROM claims WHERE text = ''"), 0);
  QueryFilter events;
  events.events_only = true;
  events.limit = 0;
  Result<Database> old_db = Database::Open(o.db_path);
  ASSERT_TRUE(old_db.ok()) << old_db.status().message();
  std::vector<ClaimRecord> before = Rows(*old_db, events);
  ASSERT_FALSE(before.empty());
  // A place's claims by name and within a box, read before the upgrade.
  auto at_place = [&](const std::string& place) {
    QueryFilter f;
    f.place = place;
    f.limit = 0;
    return f;
  };
  auto near = [&](double lat, double lon) {
    QueryFilter f;
    f.near_lat = lat, f.near_lon = lon, f.near_km = 30;
    f.limit = 0;
    return f;
  };
  auto located = std::find_if(before.begin(), before.end(), [](const ClaimRecord& r) { return r.lat.has_value(); });
  ASSERT_NE(located, before.end());
  const std::string place = located->place;
  std::string upper = place;  // --place ignores the case of ASCII letters
  for (char& ch : upper) ch = (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
  const double lat = *located->lat, lon = *located->lon;
  std::vector<ClaimRecord> before_place = Rows(*old_db, at_place(place)), before_near = Rows(*old_db, near(lat, lon));
  std::vector<ClaimRecord> before_upper = Rows(*old_db, at_place(upper));
  // A speaker's claims (claim_forms' speakers since version 9).
  auto spoken_by = [&](const std::string& speaker) {
    QueryFilter f;
    f.speaker = speaker;
    f.limit = 0;
    return f;
  };
  auto spoken = std::find_if(before.begin(), before.end(), [](const ClaimRecord& r) { return !r.speaker.empty(); });
  ASSERT_NE(spoken, before.end());
  const std::string speaker = spoken->speaker.substr(1);
  std::vector<ClaimRecord> before_speaker = Rows(*old_db, spoken_by(speaker));
  EXPECT_FALSE(before_speaker.empty());
  // Status, event type and dates (ids and days since version 9).
  QueryFilter typed;
  typed.status = before[0].status, typed.event_type = before[0].event_type.value_or("");
  typed.since = "2000-01-01", typed.until = "2100-01-01", typed.limit = 0;
  std::vector<ClaimRecord> before_typed = Rows(*old_db, typed);
  EXPECT_FALSE(before_typed.empty());
  auto days = [](Database& db) {
    std::vector<std::string> out;
    Result<std::vector<Database::DayCount>> t = db.Timeline(QueryFilter{});
    EXPECT_TRUE(t.ok());
    for (const auto& d : *t) out.push_back(d.date + " " + d.event_type + " " + std::to_string(d.count));
    return out;
  };
  const std::vector<std::string> before_days = days(*old_db);
  EXPECT_FALSE(before_days.empty());
  Result<DatabaseStats> before_stats = old_db->Stats();
  ASSERT_TRUE(before_stats.ok());
  ASSERT_TRUE(before_stats->first_date.has_value());
  EXPECT_FALSE(before_place.empty());
  EXPECT_FALSE(before_near.empty());
  EXPECT_EQ(before_upper.size(), before_place.size());
  {
    auto upgraded = IngestCorpus({kCorpus + "/reports.jsonl"}, o);  // nothing new: only the upgrade
    ASSERT_TRUE(upgraded.ok()) << upgraded.status().message();
  }
  EXPECT_EQ(schema("PRAGMA user_version"), kSchemaVersion);
  EXPECT_EQ(schema("SELECT count(*) FROM sqlite_master WHERE name = 'claims_latest_events_when'"), 1);
  EXPECT_EQ(schema("SELECT count(*) FROM pragma_table_info('documents') WHERE name IN ('forwarded_from', 'reply_to')"),
            2);
  EXPECT_EQ(schema("SELECT count(*) FROM pragma_table_info('claim_forms') WHERE name = 'place_basis'"), 1);
  EXPECT_EQ(schema("SELECT count(*) FROM pragma_table_info('claims') WHERE name = 'event_confidence'"), 1);
  // Version 9: each claim points to its form; the claim row holds none of it.
  EXPECT_EQ(schema("SELECT count(*) FROM pragma_table_info('claims') WHERE name IN ('kind', 'speaker', 'cue', "
                   "'place_basis')"),
            0);
  EXPECT_EQ(schema("SELECT count(*) FROM claims c LEFT JOIN claim_forms f ON f.id = c.form_id WHERE f.id IS NULL"), 0);
  EXPECT_EQ(schema("SELECT count(*) FROM quantities q LEFT JOIN quantity_forms f ON f.id = q.form_id "
                   "WHERE f.id IS NULL"),
            0);
  EXPECT_GT(schema("SELECT count(*) FROM quantity_forms"), 0);
  EXPECT_LE(schema("SELECT count(*) FROM quantity_forms"), schema("SELECT count(*) FROM quantities"));
  EXPECT_EQ(schema("SELECT count(*) FROM sqlite_master WHERE name = 'documents_sha256' AND sql LIKE '%substr%'"), 1);
  EXPECT_EQ(schema("SELECT count(*) FROM claims WHERE typeof(status) != 'integer' OR typeof(when_from) = 'text' "
                   "OR typeof(event_type) = 'text'"),
            0);
  EXPECT_FALSE(before[0].event_confidence.has_value());  // read from the old database as it was
  EXPECT_EQ(schema("SELECT count(*) FROM sqlite_master WHERE name IN ('documents_fts', 'claims_group', "
                   "'documents_published')"),
            0);
  EXPECT_EQ(schema("SELECT count(*) FROM sqlite_master WHERE name = 'claims_event_when' AND sql LIKE '%WHERE%'"), 1);
  Result<Database> new_db = Database::Open(o.db_path);
  ASSERT_TRUE(new_db.ok());
  std::vector<ClaimRecord> after = Rows(*new_db, events);
  ASSERT_EQ(after.size(), before.size());
  for (size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i].id, before[i].id);
    EXPECT_EQ(after[i].text, before[i].text);
    EXPECT_EQ(after[i].place, before[i].place);
    EXPECT_EQ(after[i].place_kind, before[i].place_kind);
    EXPECT_EQ(after[i].place_country, before[i].place_country);
    EXPECT_EQ(after[i].place_admin1, before[i].place_admin1);
    EXPECT_EQ(after[i].lat, before[i].lat);
    EXPECT_EQ(after[i].lon, before[i].lon);
    EXPECT_EQ(after[i].geo_precision, before[i].geo_precision);
    EXPECT_EQ(after[i].kind, before[i].kind);
    EXPECT_EQ(after[i].quantities, before[i].quantities);
    EXPECT_EQ(after[i].fatalities, before[i].fatalities);
    EXPECT_EQ(after[i].event_type, before[i].event_type);
    EXPECT_EQ(after[i].date_from, before[i].date_from);
    EXPECT_EQ(after[i].date_to, before[i].date_to);
    EXPECT_EQ(after[i].status, before[i].status);
    EXPECT_EQ(after[i].speaker, before[i].speaker);
    EXPECT_EQ(after[i].speaker_role, before[i].speaker_role);
    EXPECT_EQ(after[i].speaker_side, before[i].speaker_side);
    EXPECT_EQ(after[i].cue, before[i].cue);
    EXPECT_EQ(after[i].status_cue, before[i].status_cue);
    EXPECT_EQ(after[i].time_precision, before[i].time_precision);
    EXPECT_EQ(after[i].sub_event_type, before[i].sub_event_type);
    EXPECT_EQ(after[i].actor1, before[i].actor1);
    EXPECT_EQ(after[i].actor2, before[i].actor2);
  }
  // Version 8: each resolution once, the mentions pointing to it.
  EXPECT_EQ(schema("SELECT count(*) FROM pragma_table_info('places') WHERE name IN ('mention', 'name', 'lat', "
                   "'location_id')"),
            0);
  EXPECT_LT(schema("SELECT count(*) FROM resolved_places"), schema("SELECT count(*) FROM places"));
  EXPECT_EQ(schema("SELECT count(*) FROM sqlite_master WHERE name IN ('places_document', 'places_name', "
                   "'places_mention', 'quantities_document', 'people_document', 'document_links_document')"),
            0);
  auto ids = [](const std::vector<ClaimRecord>& rows) {
    std::vector<int64_t> out;
    for (const ClaimRecord& r : rows) out.push_back(r.id);
    return out;
  };
  EXPECT_EQ(ids(Rows(*new_db, at_place(place))), ids(before_place));
  EXPECT_EQ(ids(Rows(*new_db, at_place(upper))), ids(before_place));
  EXPECT_EQ(ids(Rows(*new_db, near(lat, lon))), ids(before_near));
  EXPECT_EQ(ids(Rows(*new_db, spoken_by(speaker))), ids(before_speaker));
  EXPECT_EQ(ids(Rows(*new_db, typed)), ids(before_typed));
  EXPECT_EQ(days(*new_db), before_days);
  Result<DatabaseStats> stats = new_db->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->first_date, before_stats->first_date);
  EXPECT_EQ(stats->last_date, before_stats->last_date);
  EXPECT_EQ(stats->events, before_stats->events);
  // The old claims keep their copied text; new ones store none.
  EXPECT_EQ(schema("SELECT count(*) FROM claims WHERE text = ''"), 0);
  WriteFile(tmp / "new.txt", "Officials said on Monday that two drones struck a depot in Kharkiv overnight.\n");
  ASSERT_TRUE(IngestCorpus({tmp / "new.txt"}, o).ok());
  EXPECT_GT(schema("SELECT count(*) FROM claims WHERE text = ''"), 0);
}

// Schema version 6: a claim's text is stored only when it is not its
// document's bytes at its span (HTML: the span covers markup), and every
// reader gives the same text either way.
TEST(StoreIngest, StoresAClaimsTextOnlyWhenItIsNotItsSpan) {
  TempDir tmp;
  WriteFile(tmp / "plain.txt",
            "Ukrainian officials said on Monday that two drones struck a fuel depot in Kharkiv overnight.\n");
  WriteFile(tmp / "page.html",
            "<html><head><title>Depot</title></head><body><p>Ukrainian officials said on Monday that two "
            "<b>drones</b> struck a fuel depot in Kharkiv overnight &amp; at dawn.</p></body></html>\n");
  IngestOptions o;
  o.db_path = tmp / "c.db";
  ASSERT_TRUE(IngestCorpus({tmp / "plain.txt", tmp / "page.html"}, o).ok());
  Result<sql::Connection> c = sql::Connection::Open(o.db_path, sql::Connection::Mode::kReadOnly);
  ASSERT_TRUE(c.ok());
  Result<sql::Statement> st = c->Prepare(
      "SELECT d.format, c.text, claim_text(c.text, c.document_id, c.begin_byte, c.end_byte), "
      "CAST(substr(CAST(d.raw AS BLOB), c.begin_byte + 1, c.end_byte - c.begin_byte) AS TEXT) "
      "FROM claims c JOIN documents d ON d.id = c.document_id ORDER BY c.id");
  ASSERT_TRUE(st.ok());
  Status s;
  std::map<std::string, int> stored, spans;
  while (st->Step(&s)) {
    const std::string format = st->Text(0), text = st->Text(1), read = st->Text(2), span = st->Text(3);
    EXPECT_FALSE(read.empty());
    if (text.empty()) {
      EXPECT_EQ(read, span);
      ++spans[format];
    } else {
      EXPECT_EQ(read, text);
      EXPECT_NE(text, span);
      ++stored[format];
    }
  }
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_GT(spans["text"], 0);
  EXPECT_EQ(stored["text"], 0);
  EXPECT_GT(stored["html"], 0);
  // The store's readers give the text, not ''.
  Result<Database> db = Database::Open(o.db_path);
  ASSERT_TRUE(db.ok());
  QueryFilter all;
  all.limit = 0;
  std::vector<ClaimRecord> claims = Rows(*db, all);
  ASSERT_FALSE(claims.empty());
  for (const ClaimRecord& r : claims) EXPECT_NE(r.text.find("drones"), std::string::npos) << r.text;
  QueryFilter text = all;
  text.text = "\"fuel depot\"";
  EXPECT_EQ(Rows(*db, text).size(), claims.size());
}

TEST(StoreOpen, RefusesWhatIsNotASitrepDatabase) {
  TempDir tmp;
  EXPECT_EQ(Database::Open(tmp / "missing.db").status().code(), StatusCode::kNotFound);
  WriteFile(tmp / "text.db", "this is not a database, just text that is long enough to have a header........");
  Result<Database> text = Database::Open(tmp / "text.db");
  EXPECT_EQ(text.status().code(), StatusCode::kDataError) << text.status().message();
  IngestOptions o;
  o.db_path = tmp / "text.db";
  EXPECT_FALSE(IngestCorpus({kCorpus + "/reports.jsonl"}, o).ok());
  EXPECT_EQ(ReadFile(tmp / "text.db").substr(0, 12), "this is not ");  // left as it was
  o.db_path = tmp / "";
  EXPECT_EQ(IngestCorpus({kCorpus + "/reports.jsonl"}, o).status().code(), StatusCode::kInvalidArgument);
  o.db_path = tmp / "ok.db";
  EXPECT_EQ(IngestCorpus({tmp / "no-such-folder"}, o).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(IngestCorpus({}, o).status().code(), StatusCode::kInvalidArgument);
}

// The point: an error path that returns early without COMMIT leaves no
// half-written batch behind; a savepoint undoes only its own work.
TEST(SqlTransaction, RollsBackUnlessCommittedAndSavepointsUndoOnlyTheirWork) {
  Result<sql::Connection> db = sql::Connection::Open(":memory:", sql::Connection::Mode::kCreate);
  ASSERT_TRUE(db.ok()) << db.status().message();
  ASSERT_TRUE(db->Exec("CREATE TABLE t(x INTEGER)").ok());
  auto count = [&] {
    Result<sql::Statement> q = db->Prepare("SELECT count(*) FROM t");
    Status s;
    return q.ok() && q->Step(&s) ? q->Int(0) : -1;
  };
  {
    Result<sql::Transaction> txn = sql::Transaction::Begin(&*db);
    ASSERT_TRUE(txn.ok()) << txn.status().message();
    ASSERT_TRUE(db->Exec("INSERT INTO t VALUES (1)").ok());
  }  // no Commit: rolled back
  EXPECT_EQ(count(), 0);
  {
    Result<sql::Transaction> txn = sql::Transaction::Begin(&*db, sql::Transaction::Kind::kDeferred);
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE(db->Exec("INSERT INTO t VALUES (1)").ok());
    {
      Result<sql::Savepoint> sp = sql::Savepoint::Begin(&*db);
      ASSERT_TRUE(sp.ok()) << sp.status().message();
      ASSERT_TRUE(db->Exec("INSERT INTO t VALUES (2)").ok());
    }  // not released: only row 2 goes
    {
      Result<sql::Savepoint> sp = sql::Savepoint::Begin(&*db);
      ASSERT_TRUE(sp.ok());
      ASSERT_TRUE(db->Exec("INSERT INTO t VALUES (3)").ok());
      EXPECT_TRUE(sp->Release().ok());
    }
    EXPECT_TRUE(txn->Commit().ok());
    EXPECT_FALSE(txn->Commit().ok());  // over: a second commit is a bug, not a silent success
  }
  EXPECT_EQ(count(), 2);
  // A new transaction can begin: the guards left none open.
  Result<sql::Transaction> again = sql::Transaction::Begin(&*db);
  EXPECT_TRUE(again.ok()) << again.status().message();
}

// The PostgreSQL driver's pure parts: placeholders, redaction, full text.
TEST(SqlDriver, RewritesPlaceholdersOutsideLiteralsAndComments) {
  int n = 0;
  EXPECT_EQ(sql::RewritePlaceholders("SELECT a FROM t WHERE b = ? AND c = ?", &n),
            "SELECT a FROM t WHERE b = $1 AND c = $2");
  EXPECT_EQ(n, 2);
  // Numbered ones keep their number and may repeat; a bare ? after ?2 is 3, as in SQLite.
  EXPECT_EQ(sql::RewritePlaceholders("WHERE (?1 = '' OR l = ?1) AND d <= ?2 AND e = ?", &n),
            "WHERE ($1 = '' OR l = $1) AND d <= $2 AND e = $3");
  EXPECT_EQ(n, 3);
  // Not in strings (with doubled quotes), quoted identifiers or comments.
  EXPECT_EQ(sql::RewritePlaceholders(
                "SELECT '?', 'it''s ?', \"col?\" -- why?\n, x /* ? */ FROM t WHERE y LIKE ? ESCAPE '\\'", &n),
            "SELECT '?', 'it''s ?', \"col?\" -- why?\n, x /* ? */ FROM t WHERE y LIKE $1 ESCAPE '\\'");
  EXPECT_EQ(n, 1);
  EXPECT_EQ(sql::RewritePlaceholders("SELECT 1", &n), "SELECT 1");
  EXPECT_EQ(n, 0);
}

TEST(SqlDriver, RedactsPasswordsFromServerUris) {
  EXPECT_TRUE(sql::IsServerUri("postgresql://u@h/db"));
  EXPECT_TRUE(sql::IsServerUri("postgres://h/db"));
  EXPECT_FALSE(sql::IsServerUri("corpus.db"));
  EXPECT_FALSE(sql::IsServerUri("./postgresql://x"));
  EXPECT_EQ(sql::Redact("postgresql://analyst:s3cret@db.example:5433/war"), "postgresql://analyst@db.example:5433/war");
  EXPECT_EQ(sql::Redact("postgresql://analyst@db.example/war?password=s3cret&sslmode=require"),
            "postgresql://analyst@db.example/war?sslmode=require");
  EXPECT_EQ(sql::Redact("postgres://h/db?sslmode=require&password=x"), "postgres://h/db?sslmode=require");
  EXPECT_EQ(sql::Redact("postgres://h/db?password=x"), "postgres://h/db");
  EXPECT_EQ(sql::Redact("postgresql://sitrep@127.0.0.1:5432/sitrep"), "postgresql://sitrep@127.0.0.1:5432/sitrep");
  EXPECT_EQ(sql::Redact("my:file@name.db"), "my:file@name.db");  // a file path is not a URI
  EXPECT_EQ(DisplayDatabaseName("postgresql://a:b@h/d"), "postgresql://a@h/d");
  // Nor in an error: a server that is not there.
  Result<sql::Connection> c = sql::Connection::Open("postgresql://u:topsecret@127.0.0.1:1/none?connect_timeout=2",
                                                    sql::Connection::Mode::kReadOnly);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().message().find("topsecret"), std::string::npos) << c.status().message();
  EXPECT_NE(c.status().message().find("postgresql://u@127.0.0.1:1/none"), std::string::npos) << c.status().message();
}

TEST(SqlDriver, TranslatesFts5QueriesToTsquery) {
  auto ts = [](std::string_view q) {
    Result<std::string> r = sql::Fts5ToTsquery(q);
    return r.ok() ? *r : "error: " + r.status().message();
  };
  EXPECT_EQ(ts("drone strikes"), "'drone' & 'strikes'");
  EXPECT_EQ(ts("drone*"), "'drone':*");
  EXPECT_EQ(ts("\"air defence\" OR shelling"), "('air' <-> 'defence') | 'shelling'");
  EXPECT_EQ(ts("troops NOT Russian"), "'troops' & !'Russian'");
  EXPECT_EQ(ts("(Kharkiv OR Sumy) AND drone"), "('Kharkiv' | 'Sumy') & 'drone'");
  EXPECT_EQ(ts("O'Brien"), "'O''Brien'");
  for (const char* bad : {"", "OR drone", "drone AND", "\"open", "(drone", "drone)", "\"\""}) {
    EXPECT_FALSE(sql::Fts5ToTsquery(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace sitrep
