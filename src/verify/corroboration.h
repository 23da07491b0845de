// Claims against claims: claims from different documents that describe the
// same event are grouped; each group gets the number of independent sources
// behind it, the strongest status among them, and the disagreements in it.
#ifndef SITREP_VERIFY_CORROBORATION_H_
#define SITREP_VERIFY_CORROBORATION_H_

#include <cstdint>
#include <string>
#include <vector>

#include "sitrep/extraction.h"

namespace sitrep {

struct EvidenceQuantity {
  double value = 0;     // in si_unit when it has one, else in unit
  std::string unit;     // si_unit, else unit
  QuantityBound bound = QuantityBound::kExact;
};

// What grouping needs to know of one claim that describes an event.
struct ClaimEvidence {
  int64_t claim_id = 0;
  int64_t document_id = 0;
  int64_t cluster_id = 0;   // near-duplicate cluster of the document
  std::string outlet;       // '' when unknown: then the cluster alone identifies the source
  std::string event_type;
  ClaimStatus status = ClaimStatus::kReported;
  std::string speaker;
  int64_t day_from = 0, day_to = 0;  // days since 1970-01-01, inclusive
  bool has_place = false;
  std::string place_key;    // gazetteer id
  std::string region_key;   // country/admin1
  std::string place_name;
  double lat = 0, lon = 0;
  int geo_precision = 0;    // 1-2: a town or part of one, 3: a region or larger
  std::vector<EvidenceQuantity> quantities;
};

struct CorroborationOptions {
  int date_slack_days = 1;       // windows this close still overlap
  double same_place_km = 25;     // towns this close are the same place
  double contradiction_ratio = 3;  // quantities further apart than this are different events
  int max_window_days = 31;      // claims dated more vaguely are not grouped
  // A group spans at most this many days from its earliest to its latest
  // date: without a bound, daily reports of the same kind of strike on the
  // same town would chain into one group a year long.
  int max_group_span_days = 7;
};

struct ClaimGroup {
  std::vector<size_t> members;  // indices into the evidence vector
  std::string event_type;
  ClaimStatus status = ClaimStatus::kReported;  // strongest evidence
  int corroboration = 0;        // independent sources
  std::string contradiction;    // '' or a sentence saying what disagrees
  int64_t day_from = 0, day_to = 0;
  std::string place_name;
};

// Strength of evidence for the group status: confirmed > asserted >
// reported > alleged > unverified; a denial is a contradiction, and the
// status only when every claim in the group is a denial.
int StatusStrength(ClaimStatus s);

// Groups with claims from at least two documents. Claims describe the same
// event when: same event type; dates within the slack (and the group's dates
// within max_group_span_days); the same place, towns
// within same_place_km, or a region and a town in it; quantities in the same
// unit within contradiction_ratio of each other (closer values that still
// disagree beyond their bounds are kept together and flagged).
std::vector<ClaimGroup> GroupClaims(const std::vector<ClaimEvidence>& claims,
                                    const CorroborationOptions& options = {});

}  // namespace sitrep

#endif  // SITREP_VERIFY_CORROBORATION_H_
