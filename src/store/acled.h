// ACLED's export schema for sitrep's events: the 31 columns of ACLED's
// export in ACLED's order and meaning, then sitrep's own, each with its
// type; the reviewed tables under data/acled/ that map sitrep's sides,
// countries and outlets onto ACLED's names and codes. docs/acled.md gives
// the mapping column by column, with ACLED's codebook as the reference.
#ifndef SITREP_STORE_ACLED_H_
#define SITREP_STORE_ACLED_H_

#include <charconv>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"
#include "sitrep/store.h"
#include "store/field_type.h"

namespace sitrep {

class Extractor;

struct ExportColumn {
  std::string_view name;        // ACLED's name, or sitrep's
  FieldType type;
  std::string_view short_name;  // at most 10 characters: a shapefile's field name
};

// A number field of an event row read back for GeoJSON and GIS formats;
// nullopt when it is empty or no number (never an exception).
template <typename T>
std::optional<T> ParseField(std::string_view v) {
  T x{};
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), x);
  if (v.empty() || ec != std::errc() || end != v.data() + v.size()) return std::nullopt;
  return x;
}

// ACLED's 31 columns, then sitrep's.
inline constexpr size_t kAcledColumnCount = 31;
const std::vector<ExportColumn>& EventColumns();
// The index of the column named `name` in EventColumns() (its size if none).
size_t EventColumnIndex(std::string_view name);

// ACLED's actor categories, numbered as its inter1/inter2 codes (0: no actor).
enum class ActorCategory {
  kNone = 0,
  kStateForces = 1,
  kRebels = 2,
  kPoliticalMilitia = 3,
  kIdentityMilitia = 4,
  kRioters = 5,
  kProtesters = 6,
  kCivilians = 7,
  kExternal = 8,
};

// ACLED's interaction code: the two actors' codes, the smaller first
// (1 and 8: 18); one actor alone: its code times ten (60).
int InteractionCode(ActorCategory a, ActorCategory b);

// One event as export values, in EventColumns() order; an empty text is a
// missing value (NULL in GIS formats).
struct EventRow {
  std::vector<std::string> values;
  // The claim's own date starts after its report was published: a plan or
  // a forecast ("by 2030"), not an event of that day. Left out of event
  // exports and counted.
  bool after_publication = false;
  // The event type is one of ACLED's (not sitrep's Displacement).
  bool acled_type = true;
};

// Builds the row of an event claim. The tables are compiled in; an error
// means a table does not parse (a build defect), with its line.
Result<EventRow> AcledEventRow(const ClaimRecord& c, const Extractor* names);

// Every event claim the filter selects, with its row, for the event
// exports: events dated after their report are counted in
// summary->after_publication and left out; fn sees the others in the
// filter's order and returns false to stop. The error of a row that cannot
// be built, else the query's.
Status ForEachEventRow(Database& db, QueryFilter filter, const Extractor* names, ExportSummary* summary,
                       const std::function<bool(const ClaimRecord&, const EventRow&)>& fn);

}  // namespace sitrep

#endif  // SITREP_STORE_ACLED_H_
