#include "learn/linear_model.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <numeric>
#include <unordered_map>

#include "core/fnv.h"

namespace sitrep::learn {

namespace {

constexpr char kMagic[8] = {'S', 'I', 'T', 'R', 'E', 'P', 'L', 'M'};
constexpr uint32_t kFormatVersion = 3;
constexpr uint32_t kOldestFormatVersion = 2;  // without Info::data_fingerprint
constexpr size_t kHeaderSize = 8 + 4 + 4 + 8 + 8;
constexpr size_t kMaxLabels = 256;

// FNV-1a over the payload, as the gazetteer checks its file.
uint64_t Checksum(std::string_view bytes) { return Fnv1a(bytes); }

template <typename T>
void Put(std::string* out, T v) {
  out->append(reinterpret_cast<const char*>(&v), sizeof v);
}
void PutString(std::string* out, std::string_view s) {
  Put<uint32_t>(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}

// Reads the payload front to back; every read is bounds-checked.
class Reader {
 public:
  explicit Reader(std::string_view b) : b_(b) {}
  template <typename T>
  bool Get(T* v) {
    if (b_.size() < sizeof(T)) return false;
    std::memcpy(v, b_.data(), sizeof(T));
    b_.remove_prefix(sizeof(T));
    return true;
  }
  bool GetString(std::string* s, size_t max) {
    uint32_t n = 0;
    if (!Get(&n) || n > max || n > b_.size()) return false;
    s->assign(b_.substr(0, n));
    b_.remove_prefix(n);
    return true;
  }
  size_t left() const { return b_.size(); }
  // The next n bytes (n <= left()), skipped.
  std::string_view Take(size_t n) {
    std::string_view t = b_.substr(0, n);
    b_.remove_prefix(t.size());
    return t;
  }

 private:
  std::string_view b_;
};

}  // namespace

LinearModel::LinearModel(Info info) : info_(std::move(info)) {
  slots_.assign(1024, Slot{});
  transitions_.assign((label_count() + 1) * label_count(), 0.f);
}

size_t LinearModel::FindSlot(FeatureId f) const {
  if (f == 0) f = 1;
  size_t mask = slots_.size() - 1;
  size_t i = Home(f);
  while (slots_[i].key != 0 && slots_[i].key != f) i = (i + 1) & mask;
  return i;
}

const float* LinearModel::FindRow(FeatureId f) const {
  if (slots_.empty()) return nullptr;
  size_t i = FindSlot(f);
  return slots_[i].key == 0 ? nullptr : &rows_[size_t{slots_[i].row} * label_count()];
}

float* LinearModel::Row(FeatureId f) {
  if (f == 0) f = 1;
  if (slots_.empty()) slots_.assign(1024, Slot{});
  if ((used_ + 1) * 2 > slots_.size()) {
    // Grow: re-insert every key into a table twice the size; rows stay.
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.size() * 2, Slot{});
    for (const Slot& o : old) {
      if (o.key != 0) slots_[FindSlot(o.key)] = o;
    }
  }
  size_t i = FindSlot(f);
  if (slots_[i].key == 0) {
    slots_[i] = {f, static_cast<uint32_t>(used_++)};
    rows_.resize(used_ * label_count(), 0.f);
  }
  return &rows_[size_t{slots_[i].row} * label_count()];
}

namespace {

// Sums the packed int16 weights of `features` into sum[0, n) (the layout of
// LinearModel::packed_: slots of stride 2 + n, key first). N is the label
// count when known at compile time (the attribution tagger's 7: the sum then
// stays in registers and the loop over labels unrolls), 0 for any n.
template <size_t N, typename Hash>
void SumPacked(const int16_t* packed, size_t mask, size_t n, std::span<const FeatureId> features, int32_t* sum,
               Hash hash) {
  if constexpr (N != 0) n = N;
  const size_t stride = 2 + n;
  // The table is larger than the caches: ask for every feature's slot
  // first, then add, so that the misses overlap instead of coming one after
  // another.
  constexpr size_t kBatch = 48;
  size_t home[kBatch];
  // For 7 labels, a slot's weights are read as 8 lanes (the 8th is the next
  // slot's key, or PackRows' padding after the last slot) and added 8 at a
  // time in unsigned lanes (wrapping, so the 8th lane's sum is harmless); the
  // first 7 lanes are the same integers as 7 separate sums.
  using I16x8 = int16_t __attribute__((vector_size(16)));
  using I32x8 = int32_t __attribute__((vector_size(32)));
  using U32x8 = uint32_t __attribute__((vector_size(32)));
  static_assert(N == 0 || N == 7);
  U32x8 local = {};
  for (size_t off = 0; off < features.size(); off += kBatch) {
    const size_t m = std::min(kBatch, features.size() - off);
    for (size_t i = 0; i < m; ++i) {
      home[i] = hash(features[off + i]) & mask;
      __builtin_prefetch(&packed[home[i] * stride]);
    }
    for (size_t i = 0; i < m; ++i) {
      const FeatureId f = features[off + i] == 0 ? 1 : features[off + i];
      for (size_t k = home[i];; k = (k + 1) & mask) {
        const int16_t* slot = &packed[k * stride];
        uint32_t key;
        std::memcpy(&key, slot, sizeof key);
        if (key == 0) break;
        if (key != f) continue;
        if constexpr (N != 0) {
          I16x8 w;
          std::memcpy(&w, slot + 2, sizeof w);
          local += reinterpret_cast<U32x8>(__builtin_convertvector(w, I32x8));
        } else {
          for (size_t l = 0; l < n; ++l) sum[l] += slot[2 + l];
        }
        break;
      }
    }
  }
  if constexpr (N != 0) {
    for (size_t l = 0; l < N; ++l) sum[l] = static_cast<int32_t>(local[l]);
  }
}

// The packed 7-label table's sums for every position of `rows` in one pass
// (what SumPacked<7> gives row by row, with the same integer sums and the
// same float operations after): the slot of the feature kAhead places on is
// prefetched while this one is added, across the rows' boundaries, instead
// of a call, a batch of homes and a pass per row.
template <typename Hash>
void ScorePacked7(const int16_t* packed, size_t mask, float scale, const FeatureRows& rows, float* score, Hash hash) {
  constexpr size_t kLabels = 7, kStride = 2 + kLabels, kAhead = 16;
  // Two native 4-lane sums: an int16 pair (w, w) read as one int32 and
  // shifted right by 16 is w sign-extended, so a slot's 8 lanes (the 8th is
  // the next key or padding, as in SumPacked) become two int32x4 with
  // shuffles and shifts instead of a 256-bit vector kept in memory.
  using I16x8 = int16_t __attribute__((vector_size(16)));
  using I32x4 = int32_t __attribute__((vector_size(16)));
  using U32x4 = uint32_t __attribute__((vector_size(16)));
  const FeatureId* ids = rows.ids().data();
  const size_t total = rows.ids().size();
  const std::span<const uint32_t> ends = rows.ends();
  auto home = [mask, hash](FeatureId f) { return static_cast<size_t>(hash(f)) & mask; };
  for (size_t j = 0; j < std::min(kAhead, total); ++j) __builtin_prefetch(&packed[home(ids[j]) * kStride]);
  size_t j = 0;
  for (size_t r = 0; r < ends.size(); ++r) {
    U32x4 lo = {}, hi = {};
    for (const size_t end = ends[r]; j < end; ++j) {
      if (j + kAhead < total) __builtin_prefetch(&packed[home(ids[j + kAhead]) * kStride]);
      const FeatureId f = ids[j] == 0 ? 1 : ids[j];
      for (size_t k = home(f);; k = (k + 1) & mask) {
        const int16_t* slot = &packed[k * kStride];
        uint32_t key;
        std::memcpy(&key, slot, sizeof key);
        if (key == f) {
          I16x8 w;
          std::memcpy(&w, slot + 2, sizeof w);
          I16x8 w_lo = __builtin_shufflevector(w, w, 0, 0, 1, 1, 2, 2, 3, 3);
          I16x8 w_hi = __builtin_shufflevector(w, w, 4, 4, 5, 5, 6, 6, 7, 7);
          lo += reinterpret_cast<U32x4>(reinterpret_cast<I32x4>(w_lo) >> 16);
          hi += reinterpret_cast<U32x4>(reinterpret_cast<I32x4>(w_hi) >> 16);
          break;
        }
        if (key == 0) break;
      }
    }
    float* out = &score[r * kLabels];
    for (size_t l = 0; l < 4; ++l) out[l] += static_cast<float>(static_cast<int32_t>(lo[l])) * scale;
    for (size_t l = 4; l < kLabels; ++l) out[l] += static_cast<float>(static_cast<int32_t>(hi[l - 4])) * scale;
  }
}

// ViterbiForward for 7 labels with the 7 "to" labels in the lanes of two
// 4-float vectors: each lane does the same float additions and comparisons
// in the same order of `p` as the scalar loop, so the scores and the labels
// are identical. `move` has (7 + 1) rows, so reading 8 floats from any of
// the first 7 stays inside it (the 8th lane is never used).
void ViterbiForward7(const float* move, size_t n, float* score, int* back) {
  constexpr size_t L = 7;
  using F4 = float __attribute__((vector_size(16)));
  using I4 = int32_t __attribute__((vector_size(16)));
  F4 row_lo[L], row_hi[L];
  for (size_t p = 0; p < L; ++p) {
    std::memcpy(&row_lo[p], &move[p * L], sizeof(F4));
    std::memcpy(&row_hi[p], &move[p * L + 4], sizeof(F4));
  }
  const float inf = std::numeric_limits<float>::infinity();
  for (size_t i = 1; i < n; ++i) {
    const float* before = &score[(i - 1) * L];
    F4 top_lo = {-inf, -inf, -inf, -inf}, top_hi = top_lo;
    I4 arg_lo = {}, arg_hi = {};
    for (size_t p = 0; p < L; ++p) {
      const F4 b = {before[p], before[p], before[p], before[p]};
      const I4 pv = {static_cast<int32_t>(p), static_cast<int32_t>(p), static_cast<int32_t>(p),
                     static_cast<int32_t>(p)};
      const F4 s_lo = b + row_lo[p], s_hi = b + row_hi[p];
      const I4 up_lo = s_lo > top_lo, up_hi = s_hi > top_hi;
      top_lo = up_lo ? s_lo : top_lo;
      top_hi = up_hi ? s_hi : top_hi;
      arg_lo = up_lo ? pv : arg_lo;
      arg_hi = up_hi ? pv : arg_hi;
    }
    float* now = &score[i * L];
    int* from = &back[i * L];
    for (size_t l = 0; l < 4; ++l) {
      now[l] += top_lo[l];
      from[l] = arg_lo[l];
    }
    for (size_t l = 4; l < L; ++l) {
      now[l] += top_hi[l - 4];
      from[l] = arg_hi[l - 4];
    }
  }
}

// Viterbi's forward pass over positions 1..n-1: score[i * L + l] gains the
// best score of a move from position i - 1, back[i * L + l] its label.
// `move` row p holds the scores of the moves from label p.
void ViterbiForward(const float* move, size_t n, size_t L, float* score, int* back) {
  for (size_t i = 1; i < n; ++i) {
    const float* before = &score[(i - 1) * L];
    float* now = &score[i * L];
    int* from = &back[i * L];
    for (size_t l = 0; l < L; ++l) {
      float top = -std::numeric_limits<float>::infinity();
      int arg = 0;
      for (size_t p = 0; p < L; ++p) {
        float s = before[p] + move[p * L + l];
        if (s > top) {
          top = s;
          arg = static_cast<int>(p);
        }
      }
      now[l] += top;
      from[l] = arg;
    }
  }
}

}  // namespace

void LinearModel::AddScores(std::span<const FeatureId> features, float* scores) const {
  const size_t n = label_count();
  if (!packed_.empty()) {
    // Integer sums: the order of the additions does not change them.
    int32_t sum[kMaxPackedLabels];
    std::fill_n(sum, n, 0);
    auto hash = [](FeatureId f) { return static_cast<uint32_t>(Hash(f)); };
    if (n == 7) {
      SumPacked<7>(packed_.data(), packed_mask_, n, features, sum, hash);
    } else {
      SumPacked<0>(packed_.data(), packed_mask_, n, features, sum, hash);
    }
    for (size_t l = 0; l < n; ++l) scores[l] += static_cast<float>(sum[l]) * packed_scale_;
    return;
  }
  constexpr size_t kBatch = 48;
  size_t home[kBatch];
  if (slots_.empty()) return;
  const float* rows[kBatch];
  for (size_t off = 0; off < features.size(); off += kBatch) {
    const size_t m = std::min(kBatch, features.size() - off);
    for (size_t i = 0; i < m; ++i) {
      home[i] = Home(features[off + i]);
      __builtin_prefetch(&slots_[home[i]]);
    }
    for (size_t i = 0; i < m; ++i) {
      FeatureId f = features[off + i] == 0 ? 1 : features[off + i];
      size_t k = home[i];
      while (slots_[k].key != 0 && slots_[k].key != f) k = (k + 1) & (slots_.size() - 1);
      rows[i] = slots_[k].key == 0 ? nullptr : &rows_[size_t{slots_[k].row} * n];
      if (rows[i] != nullptr) __builtin_prefetch(rows[i]);
    }
    for (size_t i = 0; i < m; ++i) {
      if (rows[i] == nullptr) continue;
      for (size_t l = 0; l < n; ++l) scores[l] += rows[i][l];
    }
  }
}

void LinearModel::PackRows(std::string_view rows, uint64_t count, float scale) {
  const size_t n = label_count();
  size_t capacity = 1024;
  while (capacity < count * 2) capacity *= 2;
  const size_t stride = 2 + n;
  // One int16 more than the slots: AddScores reads 8 weights from the last
  // slot of a 7-label table (docs in SumPacked).
  packed_.assign(capacity * stride + 1, 0);
  const size_t mask = capacity - 1;
  const size_t row_bytes = sizeof(uint32_t) + n * sizeof(int16_t);
  used_ = 0;
  for (uint64_t i = 0; i < count; ++i) {
    const char* row = rows.data() + i * row_bytes;
    uint32_t key;
    std::memcpy(&key, row, sizeof key);
    if (key == 0) key = 1;  // as Row() stores it
    size_t k = Hash(key) & mask;
    for (;; k = (k + 1) & mask) {
      uint32_t at;
      std::memcpy(&at, &packed_[k * stride], sizeof at);
      if (at == 0 || at == key) break;  // a repeated key keeps its last row, as Row() did
    }
    uint32_t was;
    std::memcpy(&was, &packed_[k * stride], sizeof was);
    used_ += was == 0;
    std::memcpy(&packed_[k * stride], &key, sizeof key);
    std::memcpy(&packed_[k * stride + 2], row + sizeof key, n * sizeof(int16_t));
  }
  packed_mask_ = mask;
  packed_scale_ = scale;
}

LinearModel LinearModel::Mean(const std::vector<LinearModel>& models, float min_weight) {
  if (models.empty()) return LinearModel();
  LinearModel sum(models.front().info());
  const size_t L = sum.label_count();
  const float inv = 1.f / static_cast<float>(models.size());
  for (const LinearModel& m : models) {
    for (const Slot& slot : m.slots_) {
      if (slot.key == 0) continue;
      float* row = sum.Row(slot.key);
      for (size_t l = 0; l < L; ++l) row[l] += m.rows_[size_t{slot.row} * L + l] * inv;
    }
    for (size_t t = 0; t < sum.transitions_.size(); ++t) sum.transitions_[t] += m.transitions_[t] * inv;
  }
  if (min_weight <= 0) return sum;
  LinearModel kept(sum.info());
  kept.transitions_ = sum.transitions_;
  for (const Slot& slot : sum.slots_) {  // in slot order: the file sorts its rows by key anyway
    if (slot.key == 0) continue;
    const float* w = &sum.rows_[size_t{slot.row} * L];
    float largest = 0;
    for (size_t l = 0; l < L; ++l) largest = std::max(largest, std::fabs(w[l]));
    if (largest < min_weight) continue;
    std::copy(w, w + L, kept.Row(slot.key));
  }
  return kept;
}

int LinearModel::Classify(std::span<const FeatureId> features) const {
  std::vector<float> scores(label_count(), 0.f);
  AddScores(features, scores.data());
  return static_cast<int>(std::max_element(scores.begin(), scores.end()) - scores.begin());
}

std::vector<double> LinearModel::Probabilities(std::span<const FeatureId> features, double temperature) const {
  std::vector<float> scores(label_count(), 0.f);
  AddScores(features, scores.data());
  std::vector<double> p(scores.size(), 0.0);
  if (scores.empty()) return p;
  if (!(temperature > 0)) temperature = 1;
  const double top = *std::max_element(scores.begin(), scores.end());
  double sum = 0;
  for (size_t l = 0; l < scores.size(); ++l) sum += p[l] = std::exp((scores[l] - top) / temperature);
  for (double& v : p) v /= sum;
  return p;
}

void LinearModel::ScoreRows(const FeatureRows& rows, float* score) const {
  if (!packed_.empty() && label_count() == 7) {
    ScorePacked7(packed_.data(), packed_mask_, packed_scale_, rows, score,
                 [](FeatureId f) { return static_cast<uint32_t>(Hash(f)); });
    return;
  }
  for (size_t i = 0; i < rows.size(); ++i) AddScores(rows[i], &score[i * label_count()]);
}

std::vector<int> LinearModel::Decode(const FeatureRows& rows) const {
  const size_t n = rows.size(), L = label_count();
  std::vector<int> best(n, 0);
  if (n == 0 || L == 0) return best;
  std::vector<float> score(n * L, 0.f);
  ScoreRows(rows, score.data());
  return DecodeScores(std::move(score));
}

std::vector<int> LinearModel::DecodeScores(std::vector<float> score) const {
  const size_t L = label_count();
  const size_t n = L == 0 ? 0 : score.size() / L;
  std::vector<int> best(n, 0);
  if (n == 0) return best;
  std::vector<int> back(n * L, 0);
  for (size_t l = 0; l < L; ++l) score[l] += Transition(-1, static_cast<int>(l));
  if (L == 7) {
    ViterbiForward7(transitions_.data(), n, score.data(), back.data());
  } else {
    ViterbiForward(transitions_.data(), n, L, score.data(), back.data());
  }
  const float* last = &score[(n - 1) * L];
  best[n - 1] = static_cast<int>(std::max_element(last, last + L) - last);
  for (size_t i = n - 1; i > 0; --i) best[i - 1] = back[i * L + best[i]];
  return best;
}

std::string LinearModel::Serialize() const {
  const size_t L = label_count();
  // Rows in key order, so that the same model always gives the same bytes;
  // all-zero rows are left out.
  std::vector<std::pair<uint32_t, std::vector<int16_t>>> entries;
  float scale = 1.f;
  if (!packed_.empty()) {
    scale = packed_scale_;
    const size_t stride = 2 + L;
    for (size_t k = 0; k <= packed_mask_; ++k) {
      uint32_t key;
      std::memcpy(&key, &packed_[k * stride], sizeof key);
      if (key != 0)
        entries.emplace_back(key, std::vector<int16_t>(&packed_[k * stride + 2], &packed_[k * stride + 2 + L]));
    }
  } else {
    float max_abs = 0;
    for (float w : rows_) max_abs = std::max(max_abs, std::fabs(w));
    scale = max_abs > 0 ? max_abs / 32767.f : 1.f;
    for (const Slot& slot : slots_) {
      if (slot.key == 0) continue;
      const float* row = &rows_[size_t{slot.row} * L];
      std::vector<int16_t> q(L);
      for (size_t l = 0; l < L; ++l) q[l] = static_cast<int16_t>(std::lround(row[l] / scale));
      entries.emplace_back(slot.key, std::move(q));
    }
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string rows;
  uint64_t kept = 0;
  for (const auto& [key, q] : entries) {
    if (std::all_of(q.begin(), q.end(), [](int16_t v) { return v == 0; })) continue;
    Put<uint32_t>(&rows, key);
    rows.append(reinterpret_cast<const char*>(q.data()), L * sizeof(int16_t));
    ++kept;
  }
  std::string payload;
  PutString(&payload, info_.kind);
  Put<uint32_t>(&payload, info_.feature_version);
  Put<uint32_t>(&payload, static_cast<uint32_t>(L));
  for (const std::string& l : info_.labels) PutString(&payload, l);
  Put<uint8_t>(&payload, info_.sequence ? 1 : 0);
  PutString(&payload, info_.provenance);
  Put<uint32_t>(&payload, static_cast<uint32_t>(info_.words.size()));
  for (const std::string& w : info_.words) PutString(&payload, w);
  Put<uint64_t>(&payload, info_.data_fingerprint);
  Put<float>(&payload, scale);
  Put<uint64_t>(&payload, kept);
  payload += rows;
  for (float t : transitions_) Put<float>(&payload, t);

  std::string out(kMagic, sizeof kMagic);
  Put<uint32_t>(&out, kFormatVersion);
  Put<uint32_t>(&out, 0);
  Put<uint64_t>(&out, payload.size());
  Put<uint64_t>(&out, Checksum(payload));
  return out + payload;
}

Status LinearModel::Save(const std::string& path) const {
  std::string bytes = Serialize();
  std::string tmp = path + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    if (!f) return Status::IoError("cannot write " + tmp);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!f) return Status::IoError("cannot write " + tmp);
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) return Status::IoError("cannot rename " + tmp + " to " + path);
  return Status::Ok();
}

Result<LinearModel> LinearModel::Parse(std::string_view bytes, std::string_view expect_kind,
                                       uint32_t expect_feature_version) {
  if (bytes.size() < kHeaderSize || std::memcmp(bytes.data(), kMagic, sizeof kMagic) != 0) {
    return Status::DataError("not a sitrep model file (no SITREPLM header)");
  }
  Reader h(bytes.substr(sizeof kMagic));
  uint32_t format = 0, reserved = 0;
  uint64_t size = 0, checksum = 0;
  (void)(h.Get(&format) && h.Get(&reserved) && h.Get(&size) && h.Get(&checksum));
  if (format < kOldestFormatVersion || format > kFormatVersion) {
    return Status::DataError("model file format " + std::to_string(format) + ", this sitrep reads formats " +
                             std::to_string(kOldestFormatVersion) + " to " + std::to_string(kFormatVersion) +
                             ": retrain it with this version");
  }
  std::string_view payload = bytes.substr(kHeaderSize);
  if (payload.size() != size) {
    return Status::DataError("model file is truncated or padded (" + std::to_string(payload.size()) +
                             " bytes of payload, header says " + std::to_string(size) + ")");
  }
  if (Checksum(payload) != checksum) return Status::DataError("model file is corrupt (checksum mismatch)");

  Info info;
  Reader r(payload);
  uint32_t L = 0;
  auto bad = [] { return Status::DataError("model file is malformed"); };
  if (!r.GetString(&info.kind, 256) || !r.Get(&info.feature_version) || !r.Get(&L) || L == 0 || L > kMaxLabels) {
    return bad();
  }
  info.labels.resize(L);
  for (std::string& l : info.labels) {
    if (!r.GetString(&l, 256)) return bad();
  }
  uint8_t sequence = 0;
  float scale = 0;
  uint64_t count = 0;
  uint32_t word_count = 0;
  if (!r.Get(&sequence) || !r.GetString(&info.provenance, 1 << 20) || !r.Get(&word_count) ||
      word_count > r.left() / 4) {
    return bad();
  }
  info.words.resize(word_count);
  for (std::string& w : info.words) {
    if (!r.GetString(&w, 1024)) return bad();
  }
  if (format >= 3 && !r.Get(&info.data_fingerprint)) return bad();
  if (!r.Get(&scale) || !r.Get(&count)) return bad();
  info.sequence = sequence != 0;
  if (!expect_kind.empty() && info.kind != expect_kind) {
    return Status::DataError("model file holds a '" + info.kind + "' model, not '" + std::string(expect_kind) + "'");
  }
  if (expect_feature_version != 0 && info.feature_version != expect_feature_version) {
    return Status::DataError("model file has feature version " + std::to_string(info.feature_version) +
                             ", this sitrep computes version " + std::to_string(expect_feature_version) +
                             ": retrain it with `sitrep train`");
  }
  const uint64_t row_bytes = 4 + uint64_t{L} * 2;
  const uint64_t transition_bytes = (uint64_t{L} + 1) * L * 4;
  if (count > r.left() / row_bytes || r.left() != count * row_bytes + transition_bytes) return bad();

  LinearModel m(std::move(info));
  if (L <= kMaxPackedLabels && count > 0 && scale > 0) {
    // Straight into the packed table the lookups read: no float rows and
    // slot table to build first and throw away (they were twice its size).
    std::vector<Slot>().swap(m.slots_);
    m.PackRows(r.Take(count * row_bytes), count, scale);
  } else {
    size_t capacity = 1024;
    while (capacity < count * 2 + 2) capacity *= 2;
    m.slots_.assign(capacity, Slot{});
    m.rows_.reserve(count * L);
    std::vector<int16_t> q(L);
    for (uint64_t i = 0; i < count; ++i) {
      uint32_t key = 0;
      r.Get(&key);
      for (int16_t& v : q) r.Get(&v);
      float* row = m.Row(key);
      for (size_t l = 0; l < L; ++l) row[l] = q[l] * scale;
    }
  }
  for (float& t : m.transitions_) r.Get(&t);
  return m;
}

Result<LinearModel> LinearModel::Load(const std::string& path, std::string_view expect_kind,
                                      uint32_t expect_feature_version) {
  // Read once into a buffer of the file's size (a stringstream copy held
  // the file twice, in a buffer grown by doubling).
  std::ifstream f(path, std::ios::binary | std::ios::ate);
  if (!f) return Status::NotFound("cannot open model file " + path);
  const std::streamoff size = f.tellg();
  if (size < 0) return Status::IoError("cannot read model file " + path);
  std::string bytes(static_cast<size_t>(size), '\0');
  f.seekg(0);
  if (!f.read(bytes.data(), size)) return Status::IoError("cannot read model file " + path);
  Result<LinearModel> m = Parse(bytes, expect_kind, expect_feature_version);
  if (!m.ok()) return Status::DataError(path + ": " + m.status().message());
  return m;
}

PerceptronTrainer::PerceptronTrainer(LinearModel::Info info) : w_(info), u_(std::move(info)) {}

void PerceptronTrainer::Update(std::span<const FeatureId> features, int label, float delta) {
  for (FeatureId f : features) {
    w_.Row(f)[label] += delta;
    u_.Row(f)[label] += static_cast<float>(step_) * delta;
  }
}

void PerceptronTrainer::UpdateTransition(int prev, int next, float delta) {
  const size_t i = w_.TransitionIndex(prev, next);
  w_.transitions_[i] += delta;
  u_.transitions_[i] += static_cast<float>(step_) * delta;
}

namespace {

// The score of the labels `y` given the emission scores (n x L).
double PathScore(const LinearModel& w, const std::vector<float>& emission, const std::vector<int>& y) {
  const size_t L = w.label_count();
  double s = 0;
  for (size_t i = 0; i < y.size(); ++i) {
    s += emission[i * L + static_cast<size_t>(y[i])] + w.Transition(i == 0 ? -1 : y[i - 1], y[i]);
  }
  return s;
}

}  // namespace

float PerceptronTrainer::PassiveAggressiveStep(const FeatureRows& rows, const std::vector<int>& gold,
                                               const std::vector<int>& pred, const std::vector<float>& emission,
                                               const SequenceUpdate& how) const {
  // |d|^2: the squared norm of the difference of the two sequences' feature
  // counts (a feature seen at several wrong positions counts once per
  // position, as the updates add it).
  std::unordered_map<uint64_t, float> d;
  size_t wrong = 0;
  for (size_t i = 0; i < gold.size(); ++i) {
    const int gp = i == 0 ? -1 : gold[i - 1], pp = i == 0 ? -1 : pred[i - 1];
    if (gold[i] != pred[i]) {
      ++wrong;
      for (FeatureId f : rows[i]) {
        d[(uint64_t{f} << 8) | static_cast<uint64_t>(gold[i])] += 1;
        d[(uint64_t{f} << 8) | static_cast<uint64_t>(pred[i])] -= 1;
      }
    }
    if (gold[i] != pred[i] || gp != pp) {  // transitions: keys above every feature's
      d[(uint64_t{1} << 40) | static_cast<uint64_t>((gp + 1) * 256 + gold[i])] += 1;
      d[(uint64_t{1} << 40) | static_cast<uint64_t>((pp + 1) * 256 + pred[i])] -= 1;
    }
  }
  double norm2 = 0;
  for (const auto& [key, v] : d) norm2 += static_cast<double>(v) * v;
  if (wrong == 0 || norm2 == 0) return 0;
  const double margin = PathScore(w_, emission, gold) - PathScore(w_, emission, pred);
  const double tau = (static_cast<double>(wrong) * how.loss_scale - margin) / norm2;
  return static_cast<float>(std::clamp(tau, 0.0, static_cast<double>(how.max_step)));
}

size_t PerceptronTrainer::SequenceStep(const FeatureRows& rows, const std::vector<int>& g,
                                       const SequenceUpdate& how) {
  const size_t n = g.size(), L = w_.label_count();
  std::vector<int> pred;
  std::vector<float> emission;
  if (how.cost == 0 && how.max_step == 0) {
    pred = w_.Decode(rows);
  } else {
    emission.assign(n * L, 0.f);
    for (size_t i = 0; i < n; ++i) w_.AddScores(rows[i], &emission[i * L]);
    std::vector<float> augmented = emission;
    for (size_t i = 0; i < n; ++i) {
      for (size_t l = 0; l < L; ++l) augmented[i * L + l] += static_cast<int>(l) == g[i] ? 0.f : how.cost;
    }
    pred = w_.DecodeScores(std::move(augmented));
  }
  size_t wrong = 0;
  for (size_t i = 0; i < n; ++i) wrong += g[i] != pred[i];
  const float step = how.max_step > 0 ? PassiveAggressiveStep(rows, g, pred, emission, how) : 1.f;
  if (wrong == 0 || step == 0) return wrong;
  for (size_t i = 0; i < n; ++i) {
    const int gp = i == 0 ? -1 : g[i - 1], pp = i == 0 ? -1 : pred[i - 1];
    if (g[i] != pred[i]) {
      Update(rows[i], g[i], step);
      Update(rows[i], pred[i], -step);
    }
    if (g[i] != pred[i] || gp != pp) {
      UpdateTransition(gp, g[i], step);
      UpdateTransition(pp, pred[i], -step);
    }
  }
  return wrong;
}

double PerceptronTrainer::SequenceEpoch(const std::vector<FeatureRows>& rows,
                                        const std::vector<std::vector<int>>& gold, std::mt19937& rng,
                                        const SequenceUpdate& how) {
  std::vector<size_t> order(rows.size());
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  size_t wrong = 0, total = 0;
  for (size_t e : order) {
    wrong += SequenceStep(rows[e], gold[e], how);
    total += gold[e].size();
    step_ += 1;
  }
  return total == 0 ? 0 : static_cast<double>(wrong) / total;
}

double PerceptronTrainer::ClassifyEpoch(const FeatureRows& examples, const std::vector<int>& gold,
                                        std::mt19937& rng) {
  std::vector<size_t> order(examples.size());
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  size_t wrong = 0;
  for (size_t e : order) {
    int pred = w_.Classify(examples[e]);
    if (pred != gold[e]) {
      ++wrong;
      Update(examples[e], gold[e], 1.f);
      Update(examples[e], pred, -1.f);
    }
    step_ += 1;
  }
  return examples.empty() ? 0 : static_cast<double>(wrong) / examples.size();
}

LinearModel PerceptronTrainer::Averaged(float min_weight) const {
  LinearModel avg(w_.info());
  const size_t L = w_.label_count();
  const float inv = static_cast<float>(1.0 / step_);
  for (const LinearModel::Slot& slot : w_.slots_) {
    if (slot.key == 0) continue;
    const float* u = u_.FindRow(slot.key);
    const float* w = &w_.rows_[size_t{slot.row} * L];
    float largest = 0;
    for (size_t l = 0; l < L; ++l) largest = std::max(largest, std::fabs(w[l] - (u != nullptr ? u[l] * inv : 0.f)));
    if (largest < min_weight || largest == 0) continue;
    float* row = avg.Row(slot.key);
    for (size_t l = 0; l < L; ++l) row[l] = w[l] - (u != nullptr ? u[l] * inv : 0.f);
  }
  for (size_t t = 0; t < w_.transitions_.size(); ++t) {
    avg.transitions_[t] = w_.transitions_[t] - u_.transitions_[t] * inv;
  }
  return avg;
}

}  // namespace sitrep::learn
