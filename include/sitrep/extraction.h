// The result of `sitrep extract`: claims, and the people, places, quantities
// and dates they refer to. Spans are byte offsets into Document::raw.
// docs/extract-json.md documents the JSON form field by field.
#ifndef SITREP_EXTRACTION_H_
#define SITREP_EXTRACTION_H_

#include <optional>
#include <string>
#include <vector>

#include "sitrep/document.h"

namespace sitrep {

// A calendar date; valid() is false for the default value.
struct CivilDate {
  int year = 0, month = 0, day = 0;
  bool valid() const { return year != 0; }
  std::string ToString() const;  // YYYY-MM-DD
  static std::optional<CivilDate> Parse(std::string_view iso);
  int64_t ToDays() const;  // days since 1970-01-01
  static CivilDate FromDays(int64_t days);
  int Weekday() const;  // 0 = Monday ... 6 = Sunday
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

enum class ClaimKind { kQuote, kReportedSpeech, kReport, kNarration };
enum class ClaimStatus { kAsserted, kReported, kAlleged, kUnverified, kConfirmed, kDenied };
const char* ToString(ClaimKind k);
const char* ToString(ClaimStatus s);
// The inverse of ToString; nullopt for a name that is not a status.
std::optional<ClaimStatus> ParseClaimStatus(std::string_view name);

// How the words before a number bound it: "nearly 400" is at_most_approx,
// "more than 900" more_than, "about 480" approx, a bare number exact.
enum class QuantityBound { kExact, kApprox, kAtMostApprox, kAtLeast, kMoreThan, kAtMost, kLessThan };
// "exact", "approx", "at_most_approx", "at_least", "more_than", "at_most",
// "less_than": the names JSON and the database carry.
const char* ToString(QuantityBound b);
// The inverse of ToString; nullopt for another name.
std::optional<QuantityBound> ParseQuantityBound(std::string_view name);

struct Person {
  int id = 0;
  std::string name;                  // the fullest form seen
  std::vector<std::string> aliases;  // other forms, misspellings included
  std::string role;                  // "President", "General", "analyst"
  std::string country;               // ISO 3166-1 alpha-3, or empty
  std::string side;                  // see Speaker::side
  std::vector<Span> spans;
};

struct Place {
  int id = 0;
  std::string mention;      // the text as written
  Span span;
  std::string gazetteer_id;
  std::string name;         // the resolved name
  std::string kind;         // country | admin1 | city | landmark
  std::string country;      // ISO alpha-3
  std::string admin1;
  double lat = 0, lon = 0;
  int geo_precision = 0;    // ACLED: 1 town, 2 part of a region, 3 region or larger
  double confidence = 0;
  std::string metonym_for;  // "government of Russia" when "Moscow declared ..."
  std::string resolution;   // exact | alias | fuzzy | context
};

struct Quantity {
  int id = 0;
  std::string text;
  Span span;
  double value = 0;
  std::string unit;         // "sq mi", "km", "people", "strikes", ...
  std::optional<double> value_in_si;  // "si_value" in JSON (si_value is a libc macro)
  std::string si_unit;      // "km2", "km", "kg", "s" when converted
  QuantityBound bound = QuantityBound::kExact;
};

struct DateMention {
  std::string text;
  Span span;
  CivilDate from, to;       // from == to for a single day
  int time_precision = 1;   // ACLED: 1 day, 2 week, 3 month or longer
  bool range() const { return from != to; }
};

struct Speaker {
  std::string name;
  std::string role;
  // party (to the conflict) | third_party | analyst | media | social_media |
  // unknown
  std::string side;
  std::string country;
  Span span;
  int person_id = 0;  // 0 when the speaker is not a person (an organisation)
  // True for a source the text does not name: "officials", "a source",
  // "Two militia spokesmen", "the agency", or a pronoun no one is found for.
  bool anonymous = false;
};

struct StatusCue {
  std::string text;
  Span span;
};

// Event::place_basis of a place that is only the report's dateline.
inline constexpr std::string_view kDatelineBasis = "dateline";

struct Event {
  std::string type;      // ACLED event type, or "Displacement"
  std::string sub_type;  // ACLED sub-event type, may be empty
  std::string actor1;    // ISO alpha-3 of the acting side, or empty
  std::string actor2;
  int place_id = 0;      // 0 when no place
  // Where the place came from, most to least direct: "claim" (named in the
  // claim's own words), "speaker" (a local official's title: "authorities
  // in Belgorod said"), "sentence", "paragraph" (its last event place),
  // "dateline" (only where the reporter filed from: "KHARKIV, Ukraine —");
  // empty without one.
  std::string place_basis;
  std::string trigger;
  Span trigger_span;
  // 0..1: the event model's probability that an ACLED coder would code this
  // (docs/events.md); 1 when no model judged it.
  double confidence = 1;
};

struct Claim {
  int id = 0;
  std::string text;
  Span span;
  ClaimKind kind = ClaimKind::kNarration;
  std::optional<Speaker> speaker;
  std::string cue;       // the attribution word: said, told, reported, ...
  Span cue_span;
  ClaimStatus status = ClaimStatus::kReported;
  std::optional<StatusCue> status_cue;
  std::optional<CivilDate> date;
  std::optional<std::pair<CivilDate, CivilDate>> date_range;
  int time_precision = 0;  // 0 when no date
  bool date_from_context = false;  // inherited from a neighbouring sentence
  std::vector<int> places, quantities, people;
  std::optional<Event> event;
};

struct Extraction {
  DocumentMeta document;
  std::vector<Claim> claims;
  std::vector<Person> people;
  std::vector<Place> places;
  std::vector<Quantity> quantities;
  std::vector<DateMention> dates;
};

}  // namespace sitrep

#endif  // SITREP_EXTRACTION_H_
