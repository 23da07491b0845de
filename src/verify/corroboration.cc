#include "verify/corroboration.h"

#include "core/distance.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <unordered_map>

namespace sitrep {

namespace {

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t Find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Union(size_t a, size_t b) {
    a = Find(a), b = Find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};


// The values a quantity allows, given its bound.
std::pair<double, double> Interval(const EvidenceQuantity& q) {
  double v = q.value;
  switch (q.bound) {
    case QuantityBound::kAtLeast:
    case QuantityBound::kMoreThan:
      return {v, INFINITY};
    case QuantityBound::kAtMost:
    case QuantityBound::kLessThan:
      return {0, v};
    case QuantityBound::kAtMostApprox:
      return {0.85 * v, v * 1.02};
    case QuantityBound::kApprox:
      return {0.8 * v, 1.2 * v};
    case QuantityBound::kExact:
      break;
  }
  return {v * 0.98, v * 1.02};
}

enum class QuantityFit { kAgree, kDisagree, kDifferentEvents };

// Compares the quantities of units both claims state exactly once.
QuantityFit CompareQuantities(const ClaimEvidence& a, const ClaimEvidence& b, double ratio, std::string* why) {
  QuantityFit fit = QuantityFit::kAgree;
  for (const EvidenceQuantity& qa : a.quantities) {
    if (std::count_if(a.quantities.begin(), a.quantities.end(), [&](const auto& q) { return q.unit == qa.unit; }) != 1)
      continue;
    const EvidenceQuantity* qb = nullptr;
    int n = 0;
    for (const EvidenceQuantity& q : b.quantities) {
      if (q.unit == qa.unit) qb = &q, ++n;
    }
    if (n != 1) continue;
    auto [alo, ahi] = Interval(qa);
    auto [blo, bhi] = Interval(*qb);
    if (alo <= bhi && blo <= ahi) continue;
    double lo = std::min(qa.value, qb->value), hi = std::max(qa.value, qb->value);
    if (lo <= 0 || hi / lo > ratio) return QuantityFit::kDifferentEvents;
    fit = QuantityFit::kDisagree;
    if (why != nullptr) {
      char buf[160];
      std::snprintf(buf, sizeof buf, "quantities differ: %g vs %g %s", qa.value, qb->value, qa.unit.c_str());
      *why = buf;
    }
  }
  return fit;
}

bool RegionLevel(const ClaimEvidence& c) { return c.geo_precision >= 3; }

bool SamePlace(const ClaimEvidence& a, const ClaimEvidence& b, double km) {
  if (!a.place_key.empty() && a.place_key == b.place_key) return true;
  if (RegionLevel(a) && RegionLevel(b)) return false;  // different regions (same ones matched above)
  if (RegionLevel(a) || RegionLevel(b)) return !a.region_key.empty() && a.region_key == b.region_key;
  return DistanceKm(a.lat, a.lon, b.lat, b.lon) <= km;
}

}  // namespace

int StatusStrength(ClaimStatus s) {
  switch (s) {
    case ClaimStatus::kConfirmed: return 5;
    case ClaimStatus::kAsserted: return 4;
    case ClaimStatus::kReported: return 3;
    case ClaimStatus::kAlleged: return 2;
    case ClaimStatus::kUnverified: return 1;
    case ClaimStatus::kDenied: return 0;
  }
  return 0;
}

std::vector<ClaimGroup> GroupClaims(const std::vector<ClaimEvidence>& claims, const CorroborationOptions& options) {
  const size_t n = claims.size();
  UnionFind uf(n);
  // The date span of each group, kept at its root.
  std::vector<int64_t> span_from(n), span_to(n);
  for (size_t i = 0; i < n; ++i) span_from[i] = claims[i].day_from, span_to[i] = claims[i].day_to;
  auto join = [&](size_t i, size_t j) {
    size_t a = uf.Find(i), b = uf.Find(j);
    int64_t from = std::min(span_from[a], span_from[b]), to = std::max(span_to[a], span_to[b]);
    if (to - from > options.max_group_span_days) return;
    uf.Union(a, b);
    size_t r = uf.Find(a);
    span_from[r] = from, span_to[r] = to;
  };
  // Buckets of representatives: (type, place cell or region, day) -> claims
  // that were the first of their group to land there. A new claim is
  // compared with one representative per group, not with every claim.
  std::unordered_map<std::string, std::vector<size_t>> buckets;
  const double cell_deg = options.same_place_km / 111.0 * 1.6;
  auto cell_key = [&](const std::string& type, long cx, long cy, int64_t day) {
    return type + "|c" + std::to_string(cx) + "," + std::to_string(cy) + "|" + std::to_string(day);
  };
  auto region_key = [&](const std::string& type, const std::string& region, int64_t day) {
    return type + "|r" + region + "|" + std::to_string(day);
  };
  auto compatible = [&](size_t i, size_t j) {
    const ClaimEvidence& a = claims[i];
    const ClaimEvidence& b = claims[j];
    if (a.document_id == b.document_id || a.event_type != b.event_type) return false;
    if (a.day_from > b.day_to + options.date_slack_days || b.day_from > a.day_to + options.date_slack_days)
      return false;
    if (!SamePlace(a, b, options.same_place_km)) return false;
    return CompareQuantities(a, b, options.contradiction_ratio, nullptr) != QuantityFit::kDifferentEvents;
  };
  std::vector<size_t> order;
  for (size_t i = 0; i < n; ++i) {
    const ClaimEvidence& c = claims[i];
    if (c.event_type.empty() || !c.has_place || c.day_to < c.day_from) continue;
    if (c.day_to - c.day_from > options.max_window_days) continue;
    if (c.geo_precision >= 3 && c.region_key.empty() && c.place_key.empty()) continue;
    order.push_back(i);
  }
  std::vector<std::string> keys;
  for (size_t i : order) {
    const ClaimEvidence& c = claims[i];
    long cx = std::lround(std::floor(c.lat / cell_deg)), cy = std::lround(std::floor(c.lon / cell_deg));
    keys.clear();
    // Look up: neighbouring cells and days within the slack.
    for (int64_t d = c.day_from - options.date_slack_days; d <= c.day_to + options.date_slack_days; ++d) {
      if (!RegionLevel(c)) {
        for (long dx = -1; dx <= 1; ++dx) {
          for (long dy = -1; dy <= 1; ++dy) keys.push_back(cell_key(c.event_type, cx + dx, cy + dy, d));
        }
      }
      if (!c.region_key.empty()) keys.push_back(region_key(c.event_type, c.region_key, d));
      if (RegionLevel(c) && !c.place_key.empty()) keys.push_back(region_key(c.event_type, "=" + c.place_key, d));
    }
    for (const std::string& k : keys) {
      auto it = buckets.find(k);
      if (it == buckets.end()) continue;
      for (size_t j : it->second) {
        if (uf.Find(j) != uf.Find(i) && compatible(i, j)) join(i, j);
      }
    }
    // Insert into this claim's own cell, region and days, once per group.
    auto insert = [&](const std::string& k) {
      std::vector<size_t>& reps = buckets[k];
      size_t root = uf.Find(i);
      for (size_t j : reps) {
        if (uf.Find(j) == root) return;
      }
      reps.push_back(i);
    };
    for (int64_t d = c.day_from; d <= c.day_to; ++d) {
      if (!RegionLevel(c)) insert(cell_key(c.event_type, cx, cy, d));
      if (!c.region_key.empty()) insert(region_key(c.event_type, c.region_key, d));
      if (RegionLevel(c) && !c.place_key.empty()) insert(region_key(c.event_type, "=" + c.place_key, d));
    }
  }
  std::unordered_map<size_t, std::vector<size_t>> by_root;
  for (size_t i : order) by_root[uf.Find(i)].push_back(i);
  std::vector<ClaimGroup> groups;
  for (auto& [root, members] : by_root) {
    std::sort(members.begin(), members.end());
    bool several_documents = false;
    for (size_t m : members) several_documents |= claims[m].document_id != claims[members[0]].document_id;
    if (!several_documents) continue;
    ClaimGroup g;
    g.members = members;
    g.event_type = claims[members[0]].event_type;
    // Independent sources: documents of one outlet, or of one near-duplicate
    // cluster, count once.
    std::unordered_map<std::string, size_t> node;
    UnionFind sources(members.size() * 3);
    const size_t member_count = members.size();  // (clang 14 captures no structured binding)
    auto node_of = [&](const std::string& k) {
      auto [it, fresh] = node.emplace(k, node.size() + member_count);
      return it->second;
    };
    int strongest = -1, denials = 0;
    const ClaimEvidence* denial = nullptr;
    const ClaimEvidence* best_place = nullptr;
    g.day_from = INT64_MAX, g.day_to = INT64_MIN;
    for (size_t k = 0; k < members.size(); ++k) {
      const ClaimEvidence& c = claims[members[k]];
      sources.Union(k, node_of("c" + std::to_string(c.cluster_id)));
      if (!c.outlet.empty()) sources.Union(k, node_of("o" + c.outlet));
      if (c.status == ClaimStatus::kDenied) {
        ++denials;
        denial = &c;
      } else if (StatusStrength(c.status) > strongest) {
        strongest = StatusStrength(c.status);
        g.status = c.status;
      }
      g.day_from = std::min(g.day_from, c.day_from);
      g.day_to = std::max(g.day_to, c.day_to);
      if (best_place == nullptr || c.geo_precision < best_place->geo_precision) best_place = &c;
    }
    std::vector<size_t> roots;
    for (size_t k = 0; k < members.size(); ++k) roots.push_back(sources.Find(k));
    std::sort(roots.begin(), roots.end());
    g.corroboration = static_cast<int>(std::unique(roots.begin(), roots.end()) - roots.begin());
    g.place_name = best_place->place_name;
    if (denials == static_cast<int>(members.size())) g.status = ClaimStatus::kDenied;
    std::vector<std::string> disagreements;
    if (denials > 0 && denials < static_cast<int>(members.size())) {
      disagreements.push_back("denied" + (denial->speaker.empty() ? std::string() : " by " + denial->speaker));
    }
    // Quantities: the first disagreement found among the first members (a
    // bound on the work for very large groups).
    const size_t checked = std::min<size_t>(members.size(), 64);
    std::string why;
    for (size_t a = 0; a < checked && why.empty(); ++a) {
      for (size_t b = a + 1; b < checked && why.empty(); ++b) {
        if (CompareQuantities(claims[members[a]], claims[members[b]], options.contradiction_ratio, &why) !=
            QuantityFit::kDisagree) {
          why.clear();
        }
      }
    }
    if (!why.empty()) disagreements.push_back(why);
    for (const std::string& d : disagreements) g.contradiction += (g.contradiction.empty() ? "" : "; ") + d;
    groups.push_back(std::move(g));
  }
  std::sort(groups.begin(), groups.end(),
            [](const ClaimGroup& a, const ClaimGroup& b) { return a.members[0] < b.members[0]; });
  return groups;
}

}  // namespace sitrep
