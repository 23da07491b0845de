#include "geoparse/gazetteer.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "core/utf8.h"
#include "geoparse/gazetteer_format.h"

#ifndef SITREP_BUILD_GAZETTEER
#define SITREP_BUILD_GAZETTEER ""
#endif
#ifndef SITREP_INSTALLED_GAZETTEER
#define SITREP_INSTALLED_GAZETTEER ""
#endif

namespace sitrep {

struct Gazetteer::Storage {
  // Either a read-only mapping of a file or bytes held in memory.
  const unsigned char* data = nullptr;
  size_t size = 0;
  void* mapping = nullptr;
  std::string bytes;
  std::string origin;  // file name for messages
  const gz::Header* header = nullptr;
  const char* strings = nullptr;
  const gz::EntryRecord* entries = nullptr;
  const uint32_t* postings = nullptr;
  size_t postings_count = 0;
  const gz::WordRecord* words = nullptr;
  const uint32_t* word_hash = nullptr;
  size_t word_hash_size = 0;
  const gz::NodeRecord* nodes = nullptr;
  const gz::EdgeRecord* edges = nullptr;
  size_t edge_count = 0;
  const gz::FuzzyRecord* fuzzy = nullptr;
  size_t fuzzy_count = 0;

  ~Storage() {
    if (mapping != nullptr) munmap(mapping, size);
  }
  std::string_view String(gz::StringRef r) const { return {strings + r.offset, r.size}; }
};

Gazetteer::Gazetteer() : storage_(std::make_unique<Storage>()) {}
Gazetteer::~Gazetteer() = default;

namespace {

std::string_view Padded(const char* p, size_t n) { return {p, strnlen(p, n)}; }

// The codes are copied whole from the file's records.
static_assert(sizeof(GazetteerEntry::country.bytes) == sizeof(gz::EntryRecord::country));
static_assert(sizeof(GazetteerEntry::admin1.bytes) == sizeof(gz::EntryRecord::admin1));
static_assert(sizeof(GazetteerEntry::feature_code.bytes) == sizeof(gz::EntryRecord::feature_code));
static_assert(sizeof(GazetteerEntry::capital_of.bytes) == sizeof(gz::EntryRecord::capital_of));
static_assert(sizeof(GazetteerEntry) == 96, "the entry table holds one per place: keep it small");

}  // namespace

Result<std::unique_ptr<Gazetteer>> Gazetteer::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError("cannot open gazetteer " + path + ": " + std::strerror(errno));
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::IoError("gazetteer " + path + " is not a regular file");
  }
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->storage_->origin = path;
  g->storage_->size = static_cast<size_t>(st.st_size);
  if (st.st_size > 0) {
    void* m = mmap(nullptr, g->storage_->size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED) {
      ::close(fd);
      return Status::IoError("cannot map gazetteer " + path + ": " + std::strerror(errno));
    }
    g->storage_->mapping = m;
    g->storage_->data = static_cast<const unsigned char*>(m);
  }
  ::close(fd);
  if (Status s = g->Init(); !s.ok()) return s;
  return g;
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::FromBytes(std::string bytes) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  g->storage_->origin = "gazetteer in memory";
  g->storage_->bytes = std::move(bytes);
  // std::string's buffer is suitably aligned for the records (new[] alignment).
  g->storage_->data = reinterpret_cast<const unsigned char*>(g->storage_->bytes.data());
  g->storage_->size = g->storage_->bytes.size();
  if (Status s = g->Init(); !s.ok()) return s;
  return g;
}

namespace {

// The checksum of everything after the header. A mapped file is read in
// chunks, each dropped from this process once read (it stays in the page
// cache): checking the file must not make all of it resident at once.
uint64_t ChecksumOf(const unsigned char* data, size_t size, const void* mapping) {
  const unsigned char* p = data + sizeof(gz::Header);
  const uint64_t n = size - sizeof(gz::Header);
  if (mapping == nullptr) return gz::Checksum(p, n);
  constexpr uint64_t kChunk = uint64_t{8} << 20;  // a multiple of 8 and of the page size
  const uintptr_t base = reinterpret_cast<uintptr_t>(mapping);
  const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
  uint64_t h = gz::kChecksumSeed;
  uintptr_t dropped = base;
  for (uint64_t off = 0; off < n; off += kChunk) {
    const uint64_t len = std::min(kChunk, n - off);
    h = gz::ChecksumUpdate(h, p + off, len);
    const uintptr_t done = (reinterpret_cast<uintptr_t>(p + off + len)) / page * page;
    if (done > dropped) {
      madvise(reinterpret_cast<void*>(dropped), done - dropped, MADV_DONTNEED);
      dropped = done;
    }
  }
  return h;
}

}  // namespace

Status Gazetteer::Init() {
  Storage& s = *storage_;
  auto bad = [&](const std::string& why) {
    return Status::DataError("gazetteer " + s.origin + " is not usable: " + why +
                             " (rebuild it: scripts/build, or tools/gazetteer_build)");
  };
  if (s.size < sizeof(gz::Header)) return bad("file too short for a header (" + std::to_string(s.size) + " bytes)");
  const auto* h = reinterpret_cast<const gz::Header*>(s.data);
  if (std::memcmp(h->magic, gz::kMagic, sizeof(gz::kMagic)) != 0) return bad("wrong magic number");
  if (h->format_version != gz::kFormatVersion) {
    return bad("format version " + std::to_string(h->format_version) + ", this sitrep reads version " +
               std::to_string(gz::kFormatVersion));
  }
  if (h->file_size != s.size) {
    return bad("truncated or padded: header says " + std::to_string(h->file_size) + " bytes, file has " +
               std::to_string(s.size));
  }
  if (ChecksumOf(s.data, s.size, s.mapping) != h->checksum) return bad("checksum mismatch (corrupted)");
  static constexpr size_t kRecordSize[gz::kSectionCount] = {
      1, sizeof(gz::EntryRecord), sizeof(uint32_t), sizeof(gz::WordRecord), sizeof(uint32_t),
      sizeof(gz::NodeRecord), sizeof(gz::EdgeRecord), sizeof(gz::FuzzyRecord)};
  for (uint32_t i = 0; i < gz::kSectionCount; ++i) {
    const gz::SectionRef& r = h->sections[i];
    if (r.offset < sizeof(gz::Header) || r.offset > s.size || r.size > s.size - r.offset || r.offset % 8 != 0 ||
        r.size % kRecordSize[i] != 0) {
      return bad("section " + std::to_string(i) + " out of bounds");
    }
  }
  auto at = [&](gz::Section sec) { return s.data + h->sections[sec].offset; };
  auto count = [&](gz::Section sec) { return h->sections[sec].size / kRecordSize[sec]; };
  s.header = h;
  s.strings = reinterpret_cast<const char*>(at(gz::kStrings));
  s.entries = reinterpret_cast<const gz::EntryRecord*>(at(gz::kEntries));
  s.postings = reinterpret_cast<const uint32_t*>(at(gz::kPostings));
  s.postings_count = count(gz::kPostings);
  s.words = reinterpret_cast<const gz::WordRecord*>(at(gz::kWords));
  s.word_hash = reinterpret_cast<const uint32_t*>(at(gz::kWordHash));
  s.word_hash_size = count(gz::kWordHash);
  s.nodes = reinterpret_cast<const gz::NodeRecord*>(at(gz::kNodes));
  s.edges = reinterpret_cast<const gz::EdgeRecord*>(at(gz::kEdges));
  s.edge_count = count(gz::kEdges);
  s.fuzzy = reinterpret_cast<const gz::FuzzyRecord*>(at(gz::kFuzzy));
  s.fuzzy_count = count(gz::kFuzzy);
  if (count(gz::kEntries) != h->entry_count || count(gz::kWords) != h->word_count ||
      count(gz::kNodes) != uint64_t{h->node_count} + 1 || h->node_count == 0) {
    return bad("record counts disagree with the header");
  }
  if (s.word_hash_size == 0 || (s.word_hash_size & (s.word_hash_size - 1)) != 0) return bad("bad word hash size");
  // Every offset the lookups follow is checked once here, so a damaged file
  // is refused instead of read out of bounds. Each section of a mapped file
  // is dropped from this process once checked (as in ChecksumOf).
  auto drop = [&](gz::Section sec) {
    if (s.mapping == nullptr) return;
    const uintptr_t page = static_cast<uintptr_t>(sysconf(_SC_PAGESIZE));
    const uintptr_t b = (reinterpret_cast<uintptr_t>(at(sec)) + page - 1) / page * page;
    const uintptr_t e = (reinterpret_cast<uintptr_t>(at(sec)) + h->sections[sec].size) / page * page;
    if (e > b) madvise(reinterpret_cast<void*>(b), e - b, MADV_DONTNEED);
  };
  const uint64_t strings_size = h->sections[gz::kStrings].size;
  auto string_ok = [&](gz::StringRef r) { return r.offset <= strings_size && r.size <= strings_size - r.offset; };
  for (uint32_t i = 0; i < h->word_count; ++i) {
    if (!string_ok(s.words[i].text)) return bad("word " + std::to_string(i) + " out of bounds");
  }
  drop(gz::kWords);
  for (size_t i = 0; i < s.word_hash_size; ++i) {
    const uint32_t id = s.word_hash[i] & gz::kWordIdMask;
    if (s.word_hash[i] != 0 && (id == 0 || id > h->word_count)) return bad("word hash slot out of range");
  }
  drop(gz::kWordHash);
  // Each node's lists run to where the next node's begin, so they must not
  // go backwards; the closing record ends them at the sections' ends.
  if (s.nodes[0].edge_begin != 0 || s.nodes[0].names_begin != 0) return bad("name node 0 out of bounds");
  for (uint32_t i = 0; i < h->node_count; ++i) {
    const gz::NodeRecord& n = s.nodes[i];
    const gz::NodeRecord& next = s.nodes[i + 1];
    if (next.edge_begin < n.edge_begin || n.stems_begin < n.names_begin || next.names_begin < n.stems_begin) {
      return bad("name node " + std::to_string(i) + " out of bounds");
    }
  }
  const gz::NodeRecord& closing = s.nodes[h->node_count];
  if (closing.edge_begin != s.edge_count || closing.names_begin != s.postings_count ||
      closing.stems_begin != s.postings_count) {
    return bad("name nodes do not end with the edges and postings");
  }
  drop(gz::kNodes);
  for (size_t i = 0; i < s.edge_count; ++i) {
    if (s.edges[i].child >= h->node_count || s.edges[i].word == 0 || s.edges[i].word > h->word_count) {
      return bad("name edge " + std::to_string(i) + " out of range");
    }
  }
  drop(gz::kEdges);
  for (size_t i = 0; i < s.postings_count; ++i) {
    if (EntryOf(s.postings[i]) >= h->entry_count) return bad("posting " + std::to_string(i) + " out of range");
  }
  drop(gz::kPostings);
  for (size_t i = 0; i < s.fuzzy_count; ++i) {
    const gz::FuzzyRecord& f = s.fuzzy[i];
    if (f.node >= h->node_count || f.word == 0 || f.word > h->word_count) return bad("fuzzy record out of range");
  }
  drop(gz::kFuzzy);
  entries_.resize(h->entry_count);
  for (uint32_t i = 0; i < h->entry_count; ++i) {
    const gz::EntryRecord& r = s.entries[i];
    if (!string_ok(r.id) || !string_ok(r.name) ||
        r.kind >= gz::kKindCount || (r.admin1_entry != UINT32_MAX && r.admin1_entry >= h->entry_count)) {
      return bad("entry " + std::to_string(i) + " out of bounds");
    }
    GazetteerEntry& e = entries_[i];
    e.index = i;
    e.id = s.String(r.id);
    e.name = s.String(r.name);
    e.place_kind = static_cast<PlaceKind>(r.kind);  // checked against kKindCount above
    std::memcpy(e.country.bytes, r.country, sizeof(r.country));
    std::memcpy(e.admin1.bytes, r.admin1, sizeof(r.admin1));
    std::memcpy(e.feature_code.bytes, r.feature_code, sizeof(r.feature_code));
    std::memcpy(e.capital_of.bytes, r.capital_of, sizeof(r.capital_of));
    e.lat = r.lat;
    e.lon = r.lon;
    e.population = r.population;
    e.admin1_entry = r.admin1_entry;
    if (e.place_kind == PlaceKind::kCountry) countries_.push_back(&e);
  }
  drop(gz::kEntries);
  std::sort(countries_.begin(), countries_.end(),
            [](const GazetteerEntry* a, const GazetteerEntry* b) { return a->country < b->country; });
  return Status::Ok();
}

uint32_t Gazetteer::WordId(std::string_view w) const {
  const Storage& s = *storage_;
  const size_t mask = s.word_hash_size - 1;
  const uint64_t hash = gz::WordHash(w);
  const uint32_t tag = gz::WordTag(hash);
  for (size_t slot = hash & mask, probes = 0; probes < s.word_hash_size; slot = (slot + 1) & mask, ++probes) {
    const uint32_t v = s.word_hash[slot];
    if (v == 0) return 0;
    if ((v >> gz::kWordIdBits) != tag) continue;
    const uint32_t id = v & gz::kWordIdMask;
    if (s.String(s.words[id - 1].text) == w) return id;
  }
  return 0;
}

uint32_t Gazetteer::Child(uint32_t node, uint32_t word_id) const {
  if (node == kNoNode || word_id == 0) return kNoNode;
  const gz::NodeRecord* n = storage_->nodes + node;
  const gz::EdgeRecord* b = storage_->edges + n[0].edge_begin;
  const gz::EdgeRecord* e = storage_->edges + n[1].edge_begin;
  const gz::EdgeRecord* it =
      std::lower_bound(b, e, word_id, [](const gz::EdgeRecord& r, uint32_t w) { return r.word < w; });
  return it != e && it->word == word_id ? it->child : kNoNode;
}

std::span<const uint32_t> Gazetteer::NamesAt(uint32_t node) const {
  if (node == kNoNode) return {};
  const gz::NodeRecord& n = storage_->nodes[node];
  return {storage_->postings + n.names_begin, n.stems_begin - n.names_begin};
}

std::span<const uint32_t> Gazetteer::StemsAt(uint32_t node) const {
  if (node == kNoNode) return {};
  const gz::NodeRecord* n = storage_->nodes + node;
  return {storage_->postings + n[0].stems_begin, n[1].names_begin - n[0].stems_begin};
}

uint32_t Gazetteer::NodeFlags(uint32_t node) const { return node == kNoNode ? 0 : storage_->nodes[node].flags; }

uint32_t Gazetteer::Find(std::string_view key) const {
  uint32_t node = Root();
  size_t i = 0;
  while (i <= key.size() && node != kNoNode) {
    size_t sp = key.find(' ', i);
    if (sp == std::string_view::npos) sp = key.size();
    node = Child(node, WordId(key.substr(i, sp - i)));
    i = sp + 1;
  }
  return node == Root() ? kNoNode : node;
}

std::vector<FuzzyHit> Gazetteer::FuzzyLookup(std::string_view folded, int max_distance) const {
  std::vector<FuzzyHit> hits;
  if (folded.empty()) return hits;
  const Storage& s = *storage_;
  int len = 0;
  for (unsigned char c : folded) len += (c & 0xC0) != 0x80;
  uint32_t bucket = gz::FuzzyBucket(folded);
  const gz::FuzzyRecord* b = s.fuzzy;
  const gz::FuzzyRecord* e = s.fuzzy + s.fuzzy_count;
  // Records are sorted by (bucket, length): only lengths within
  // max_distance of the word's can be near it.
  const uint32_t min_len = static_cast<uint32_t>(std::max(0, len - max_distance));
  const uint32_t max_len = static_cast<uint32_t>(len + max_distance);
  const gz::FuzzyRecord* it = std::lower_bound(b, e, std::pair(bucket, min_len), [](const gz::FuzzyRecord& r, auto k) {
    return std::pair(r.bucket, r.code_points) < k;
  });
  // Letters the two words do not share bound the distance from below.
  int counts[26] = {0};
  for (char c : folded) {
    if (c >= 'a' && c <= 'z') ++counts[c - 'a'];
  }
  for (; it != e && it->bucket == bucket && it->code_points <= max_len; ++it) {
    std::string_view name = s.String(s.words[it->word - 1].text);
    int diff[26];
    std::copy(std::begin(counts), std::end(counts), diff);
    for (char c : name) {
      if (c >= 'a' && c <= 'z') --diff[c - 'a'];
    }
    int plus = 0, minus = 0;
    for (int d : diff) (d > 0 ? plus : minus) += std::abs(d);
    if (std::max(plus, minus) > max_distance) continue;
    int d = EditDistance(folded, name, max_distance);
    if (d > max_distance) continue;
    for (uint32_t x : NamesAt(it->node)) hits.push_back({&entries_[EntryOf(x)], d, false});
    for (uint32_t x : StemsAt(it->node)) hits.push_back({&entries_[x], d, true});
  }
  return hits;
}

const GazetteerEntry* Gazetteer::Country(std::string_view iso3) const {
  auto it = std::lower_bound(countries_.begin(), countries_.end(), iso3,
                             [](const GazetteerEntry* e, std::string_view k) { return e->country < k; });
  return it != countries_.end() && (*it)->country == iso3 ? *it : nullptr;
}

uint32_t Gazetteer::format_version() const { return storage_->header->format_version; }
uint32_t Gazetteer::data_version() const { return storage_->header->data_version; }
std::string_view Gazetteer::source() const {
  return Padded(storage_->header->source, sizeof(storage_->header->source));
}
size_t Gazetteer::file_bytes() const { return storage_->size; }
size_t Gazetteer::heap_bytes() const {
  return entries_.capacity() * sizeof(GazetteerEntry) + countries_.capacity() * sizeof(void*) +
         storage_->bytes.capacity();
}

}  // namespace sitrep
