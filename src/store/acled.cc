// ACLED's columns for sitrep's events, from the tables under data/acled/.
#include "store/acled.h"

#include <map>
#include <optional>
#include <set>

#include "core/tsv.h"
#include "core/utf8.h"
#include "sitrep/extractor.h"

namespace sitrep {

namespace data {
extern const std::string_view kData_acled_countries;
extern const std::string_view kData_acled_actors;
extern const std::string_view kData_acled_sources;
extern const std::string_view kData_acled_tags;
}  // namespace data

namespace {

struct Country {
  int numeric = 0;
  std::string name, region;
};

struct ActorName {
  std::string alpha3;  // "*": every country
  ActorCategory category;
  std::string name;    // may hold {country}
  std::string from, to;  // YYYY-MM-DD, empty when open
};

enum class SourceScale { kFromCountry, kInternational, kNewMedia, kOther };

struct Source {
  std::string folded;  // the outlet, case-folded
  bool prefix = false;
  std::string country;
  SourceScale scale = SourceScale::kFromCountry;
};

struct Tables {
  std::map<std::string, Country, std::less<>> countries;
  std::vector<ActorName> actors;
  std::vector<Source> sources;
  std::set<std::string, std::less<>> crowd_units;
};

// The rows of a table after its "version" line, which must say 1.
Result<std::vector<TsvRow>> Rows(std::string_view text, std::string_view file, size_t columns) {
  std::vector<TsvRow> rows = ParseTsv(text);
  if (rows.empty() || rows[0].field(0) != "version" || rows[0].field(1) != "1") {
    return Status::DataError(std::string(file) + ": the first row must be 'version\\t1'");
  }
  rows.erase(rows.begin());
  for (const TsvRow& r : rows) {
    if (r.fields.size() > columns || r.field(0).empty()) {
      return Status::DataError(std::string(file) + ":" + std::to_string(r.line) + ": expected at most " +
                               std::to_string(columns) + " fields, the first not empty");
    }
  }
  return rows;
}

std::optional<ActorCategory> ParseCategory(std::string_view s) {
  if (s == "state_forces") return ActorCategory::kStateForces;
  if (s == "protesters") return ActorCategory::kProtesters;
  if (s == "rioters") return ActorCategory::kRioters;
  if (s == "civilians") return ActorCategory::kCivilians;
  if (s == "unidentified") return ActorCategory::kPoliticalMilitia;
  return std::nullopt;
}

Result<Tables> LoadTables() {
  Tables t;
  Result<std::vector<TsvRow>> countries = Rows(data::kData_acled_countries, "data/acled/acled_countries.tsv", 4);
  if (!countries.ok()) return countries.status();
  for (const TsvRow& r : *countries) {
    int numeric = 0;
    for (char ch : r.field(1)) numeric = ch >= '0' && ch <= '9' ? numeric * 10 + (ch - '0') : -1000000;
    if (numeric < 0 || r.field(2).empty() || r.field(3).empty()) {
      return Status::DataError("data/acled/acled_countries.tsv:" + std::to_string(r.line) +
                               ": needs alpha3, a number, a name and a region");
    }
    t.countries[std::string(r.field(0))] = {numeric, std::string(r.field(2)), std::string(r.field(3))};
  }
  Result<std::vector<TsvRow>> actors = Rows(data::kData_acled_actors, "data/acled/acled_actors.tsv", 5);
  if (!actors.ok()) return actors.status();
  for (const TsvRow& r : *actors) {
    std::optional<ActorCategory> category = ParseCategory(r.field(1));
    auto date_ok = [](std::string_view d) { return d.empty() || CivilDate::Parse(d).has_value(); };
    if (!category || r.field(2).empty() || !date_ok(r.field(3)) || !date_ok(r.field(4))) {
      return Status::DataError("data/acled/acled_actors.tsv:" + std::to_string(r.line) +
                               ": needs alpha3, a category, a name and optional dates YYYY-MM-DD");
    }
    t.actors.push_back({std::string(r.field(0)), *category, std::string(r.field(2)), std::string(r.field(3)),
                        std::string(r.field(4))});
  }
  Result<std::vector<TsvRow>> sources = Rows(data::kData_acled_sources, "data/acled/acled_sources.tsv", 3);
  if (!sources.ok()) return sources.status();
  for (const TsvRow& r : *sources) {
    Source s;
    std::string_view outlet = r.field(0);
    s.prefix = outlet.ends_with('*');
    if (s.prefix) outlet.remove_suffix(1);
    s.folded = FoldCase(outlet);
    s.country = std::string(r.field(1));
    std::string_view scale = r.field(2);
    if (scale == "International") {
      s.scale = SourceScale::kInternational;
    } else if (scale == "New media") {
      s.scale = SourceScale::kNewMedia;
    } else if (scale == "Other") {
      s.scale = SourceScale::kOther;
    } else if (!scale.empty() || s.country.empty()) {
      return Status::DataError("data/acled/acled_sources.tsv:" + std::to_string(r.line) +
                               ": the scale is International, New media or Other, or empty with a country");
    }
    t.sources.push_back(std::move(s));
  }
  Result<std::vector<TsvRow>> tags = Rows(data::kData_acled_tags, "data/acled/acled_tags.tsv", 2);
  if (!tags.ok()) return tags.status();
  for (const TsvRow& r : *tags) {
    if (r.field(0) != "crowd_unit" || r.field(1).empty()) {
      return Status::DataError("data/acled/acled_tags.tsv:" + std::to_string(r.line) + ": expected crowd_unit WORD");
    }
    t.crowd_units.insert(std::string(r.field(1)));
  }
  return t;
}

const Result<Tables>& GetTables() {
  static const Result<Tables> kTables = LoadTables();
  return kTables;
}

const Country* FindCountry(const Tables& t, const std::string& alpha3) {
  auto it = t.countries.find(alpha3);
  return it == t.countries.end() ? nullptr : &it->second;
}

// The country's ACLED name; the gazetteer's, else its code, for a code the
// table lacks.
std::string CountryName(const Tables& t, const std::string& alpha3, const Extractor* names) {
  if (alpha3.empty()) return "";
  if (const Country* c = FindCountry(t, alpha3)) return c->name;
  return names != nullptr ? names->CountryName(alpha3) : alpha3;
}

// The actor of `category` for the country on `date`: the country's own row
// whose period holds the date, else the '*' row with {country} filled in.
std::string ActorNameFor(const Tables& t, ActorCategory category, const std::string& alpha3, const std::string& date,
                         const Extractor* names) {
  const ActorName* generic = nullptr;
  for (const ActorName& a : t.actors) {
    if (a.category != category) continue;
    if (a.alpha3 == "*") {
      if (generic == nullptr) generic = &a;
      continue;
    }
    if (a.alpha3 != alpha3 || date.empty()) continue;
    if ((a.from.empty() || a.from <= date) && (a.to.empty() || date <= a.to)) return a.name;
  }
  if (generic == nullptr) return "";
  std::string name = generic->name;
  size_t at = name.find("{country}");
  if (at != std::string::npos) name.replace(at, 9, CountryName(t, alpha3, names));
  return name;
}

// ACLED's source_scale of an outlet for an event in `event_country`.
std::string SourceScaleOf(const Tables& t, const std::string& outlet, const std::string& event_country) {
  std::string folded = FoldCase(outlet);
  for (const Source& s : t.sources) {
    bool match = s.prefix ? folded.starts_with(s.folded) : folded == s.folded;
    if (!match) continue;
    switch (s.scale) {
      case SourceScale::kInternational: return "International";
      case SourceScale::kNewMedia: return "New media";
      case SourceScale::kOther: return "Other";
      case SourceScale::kFromCountry: break;
    }
    if (event_country.empty()) return "";
    if (s.country == event_country) return "National";
    const Country* home = FindCountry(t, s.country);
    const Country* there = FindCountry(t, event_country);
    if (home != nullptr && there != nullptr && home->region == there->region) return "Regional";
    return "International";
  }
  return "";
}

std::string DisorderType(const std::string& type, const std::string& sub_type) {
  if (type == "Battles" || type == "Explosions/Remote violence" || type == "Violence against civilians") {
    return "Political violence";
  }
  if (type == "Protests") {
    return sub_type == "Excessive force against protesters" ? "Political violence; Demonstrations" : "Demonstrations";
  }
  if (type == "Riots") return sub_type == "Mob violence" ? "Political violence; Demonstrations" : "Demonstrations";
  if (type == "Strategic developments") return "Strategic developments";
  return "";  // Displacement: not an ACLED event type
}

// Up to six decimals (0.1 m), trailing zeros dropped.
std::string Number(double v) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

// The event's date: the claim's own, else its report's publication date
// (then known to within the week before: time precision 2).
std::pair<std::string, int> EventDate(const ClaimRecord& c) {
  if (c.date_from) return {*c.date_from, c.time_precision > 0 ? c.time_precision : 1};
  if (c.published) return {*c.published, 2};
  return {"", 3};
}

struct Actor {
  std::string name;
  ActorCategory category = ActorCategory::kNone;
};

// A side (ISO alpha-3) as armed actor: its state forces, coded external (8)
// when they act outside their own country.
Actor StateForces(const Tables& t, const std::string& side, const std::string& country, const std::string& date,
                  const Extractor* names) {
  if (side.empty()) return {};
  ActorCategory category =
      country.empty() || side == country ? ActorCategory::kStateForces : ActorCategory::kExternal;
  return {ActorNameFor(t, ActorCategory::kStateForces, side, date, names), category};
}

// ACLED's actor1 and actor2 for the event: from its type and the sides
// sitrep knows (docs/acled.md, "actors").
std::pair<Actor, Actor> Actors(const Tables& t, const ClaimRecord& c, const std::string& type,
                               const std::string& country, const std::string& date, const Extractor* names) {
  const std::string& home = country.empty() ? c.actor1 : country;
  auto group = [&](ActorCategory category) -> Actor {
    if (home.empty()) return {};
    return {ActorNameFor(t, category, home, date, names), category};
  };
  if (type == "Protests" || type == "Riots") {
    Actor crowd = group(type == "Protests" ? ActorCategory::kProtesters : ActorCategory::kRioters);
    // A side named with a demonstration is the force that met it.
    return {crowd, StateForces(t, c.actor2, country, date, names)};
  }
  Actor a1 = StateForces(t, c.actor1, country, date, names);
  bool violent = type == "Battles" || type == "Explosions/Remote violence" || type == "Violence against civilians";
  if (a1.name.empty() && violent) a1 = group(ActorCategory::kPoliticalMilitia);  // Unidentified Armed Group (...)
  if (type == "Violence against civilians") {
    const std::string& victims = country.empty() ? c.actor2 : country;
    if (victims.empty()) return {a1, {}};
    return {a1, {ActorNameFor(t, ActorCategory::kCivilians, victims, date, names), ActorCategory::kCivilians}};
  }
  return {a1, StateForces(t, c.actor2, country, date, names)};
}

std::string Tags(const Tables& t, const ClaimRecord& c, const std::string& type) {
  if (type != "Protests" && type != "Riots") return "";
  for (size_t i = 0; i < c.quantities.size() && i < c.quantity_units.size(); ++i) {
    if (t.crowd_units.count(c.quantity_units[i])) return "crowd size=" + c.quantities[i];
  }
  return "crowd size=no report";
}

}  // namespace

size_t EventColumnIndex(std::string_view name) {
  const std::vector<ExportColumn>& columns = EventColumns();
  size_t i = 0;
  while (i < columns.size() && columns[i].name != name) ++i;
  return i;
}

const std::vector<ExportColumn>& EventColumns() {
  using F = FieldType;
  static const std::vector<ExportColumn> kColumns = {
      // ACLED's 31, in its order.
      {"event_id_cnty", F::kText, "event_id"},
      {"event_date", F::kDate, "event_date"},
      {"year", F::kInteger, "year"},
      {"time_precision", F::kInteger, "time_prec"},
      {"disorder_type", F::kText, "disorder"},
      {"event_type", F::kText, "event_type"},
      {"sub_event_type", F::kText, "sub_event"},
      {"actor1", F::kText, "actor1"},
      {"assoc_actor_1", F::kText, "assoc_act1"},
      {"inter1", F::kInteger, "inter1"},
      {"actor2", F::kText, "actor2"},
      {"assoc_actor_2", F::kText, "assoc_act2"},
      {"inter2", F::kInteger, "inter2"},
      {"interaction", F::kInteger, "interact"},
      {"civilian_targeting", F::kText, "civ_target"},
      {"iso", F::kInteger, "iso"},
      {"region", F::kText, "region"},
      {"country", F::kText, "country"},
      {"admin1", F::kText, "admin1"},
      {"admin2", F::kText, "admin2"},
      {"admin3", F::kText, "admin3"},
      {"location", F::kText, "location"},
      {"latitude", F::kReal, "latitude"},
      {"longitude", F::kReal, "longitude"},
      {"geo_precision", F::kInteger, "geo_prec"},
      {"source", F::kText, "source"},
      {"source_scale", F::kText, "src_scale"},
      {"notes", F::kText, "notes"},
      {"fatalities", F::kInteger, "fatalities"},
      {"tags", F::kText, "tags"},
      {"timestamp", F::kInteger64, "timestamp"},
      // sitrep's own.
      {"claim_status", F::kText, "status"},
      {"speaker", F::kText, "speaker"},
      {"corroboration", F::kInteger, "corrobor"},
      {"group_status", F::kText, "grp_status"},
      {"contradiction", F::kText, "contradict"},
      {"source_url", F::kText, "source_url"},
      {"source_span", F::kText, "src_span"},
      {"document_id", F::kInteger64, "doc_id"},
      {"claim_id", F::kInteger64, "claim_id"},
      {"map_check", F::kText, "map_check"},
      {"map_check_detail", F::kText, "map_detail"},
      {"event_date_to", F::kDate, "date_to"},
  };
  return kColumns;
}

int InteractionCode(ActorCategory a, ActorCategory b) {
  int x = static_cast<int>(a), y = static_cast<int>(b);
  if (x == 0 || y == 0) return 10 * (x + y);
  return x < y ? 10 * x + y : 10 * y + x;
}

Result<EventRow> AcledEventRow(const ClaimRecord& c, const Extractor* names) {
  const Result<Tables>& tables = GetTables();
  if (!tables.ok()) return tables.status();
  const Tables& t = *tables;
  EventRow row;
  const std::string type = c.event_type.value_or("");
  row.acled_type = !DisorderType(type, c.sub_event_type).empty();
  row.after_publication = c.date_from && c.published && *c.date_from > *c.published;
  auto [date, precision] = EventDate(c);
  const std::string& country = c.place_country;
  const Country* acled_country = FindCountry(t, country);
  auto [a1, a2] = Actors(t, c, type, country, date, names);
  // A stable id: the country's code and the claim's number (claim ids are
  // never reused in a database; docs/acled.md).
  std::string id = (country.empty() ? std::string("XXX") : country) + std::to_string(c.id);
  auto number = [](int v) { return std::to_string(v); };
  std::string date_to = c.date_to && c.date_to != c.date_from ? *c.date_to : "";
  row.values = {
      id,
      date,
      date.size() >= 4 ? date.substr(0, 4) : "",
      number(precision),
      DisorderType(type, c.sub_event_type),
      type,
      c.sub_event_type,
      a1.name,
      "",  // assoc_actor_1: sitrep does not tell associated actors
      a1.name.empty() ? "" : number(static_cast<int>(a1.category)),
      a2.name,
      "",  // assoc_actor_2
      number(static_cast<int>(a2.category)),
      a1.name.empty() ? "" : number(InteractionCode(a1.category, a2.category)),
      type == "Violence against civilians" ? "Civilian targeting" : "",
      acled_country != nullptr ? number(acled_country->numeric) : "",
      acled_country != nullptr ? acled_country->region : "",
      CountryName(t, country, names),
      c.place_admin1,
      "",  // admin2: the gazetteer has no second-level names
      "",  // admin3
      c.place,
      c.lat ? Number(*c.lat) : "",
      c.lon ? Number(*c.lon) : "",
      c.geo_precision > 0 ? number(c.geo_precision) : "",
      c.outlet,
      SourceScaleOf(t, c.outlet, country),
      c.text,
      number(c.fatalities ? static_cast<int>(*c.fatalities + 0.5) : 0),
      Tags(t, c, type),
      std::to_string(c.ingested_at),
      c.status,
      c.speaker,
      number(c.corroboration),
      c.group_status,
      c.contradiction,
      c.url,
      std::to_string(c.begin) + "-" + std::to_string(c.end),
      std::to_string(c.document_id),
      std::to_string(c.id),
      c.map_check,
      c.map_check_detail,
      date_to,
  };
  return row;
}

Status ForEachEventRow(Database& db, QueryFilter filter, const Extractor* names, ExportSummary* summary,
                       const std::function<bool(const ClaimRecord&, const EventRow&)>& fn) {
  filter.events_only = true;
  Status row_error;
  Status s = db.ForEachClaim(filter, [&](ClaimRecord&& c) {
    Result<EventRow> row = AcledEventRow(c, names);
    if (!row.ok()) {
      row_error = row.status();
      return false;
    }
    if (row->after_publication) {
      ++summary->after_publication;
      return true;
    }
    return fn(c, *row);
  });
  return row_error.ok() ? s : row_error;
}

}  // namespace sitrep
