// The JSON contract of `sitrep extract`; docs/extract-json.md describes it.
// Field order is fixed (ordered_json) so that output diffs stay readable.
#include <cmath>

#include "sitrep/sitrep.h"

namespace sitrep {

namespace {

using Json = nlohmann::ordered_json;

Json SpanJson(Span s) { return Json::array({s.begin, s.end}); }
Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
std::string Id(char prefix, int n) { return std::string(1, prefix) + std::to_string(n); }

Json IdList(char prefix, const std::vector<int>& ids) {
  Json out = Json::array();
  for (int id : ids) out.push_back(Id(prefix, id));
  return out;
}

double Round(double v, int digits) {
  double f = std::pow(10.0, digits);
  return std::round(v * f) / f;
}

}  // namespace

nlohmann::ordered_json ToJson(const Extraction& x) {
  Json doc;
  const DocumentMeta& m = x.document;
  doc["published"] = OrNull(m.published);
  doc["outlet"] = OrNull(m.outlet);
  doc["title"] = OrNull(m.title);
  doc["url"] = OrNull(m.url);
  doc["language"] = m.language;
  doc["format"] = m.format;
  doc["bytes"] = m.bytes;
  doc["sha256"] = m.sha256;
  doc["warnings"] = m.warnings;

  Json claims = Json::array();
  for (const Claim& c : x.claims) {
    Json j;
    j["id"] = Id('c', c.id);
    j["text"] = c.text;
    j["span"] = SpanJson(c.span);
    j["kind"] = ToString(c.kind);
    if (c.speaker) {
      const Speaker& s = *c.speaker;
      j["speaker"] = Json{{"name", s.name},
                          {"role", OrNull(s.role)},
                          {"side", s.side},
                          {"country", OrNull(s.country)},
                          {"span", SpanJson(s.span)},
                          {"person", s.person_id > 0 ? Json(Id('p', s.person_id)) : Json(nullptr)}};
    } else {
      j["speaker"] = nullptr;
    }
    j["cue"] = OrNull(c.cue);
    j["cue_span"] = c.cue.empty() ? Json(nullptr) : SpanJson(c.cue_span);
    j["status"] = ToString(c.status);
    j["status_cue"] = c.status_cue ? Json{{"text", c.status_cue->text}, {"span", SpanJson(c.status_cue->span)}}
                                   : Json(nullptr);
    j["date"] = c.date ? Json(c.date->ToString()) : Json(nullptr);
    j["date_range"] = c.date_range ? Json::array({c.date_range->first.ToString(), c.date_range->second.ToString()})
                                   : Json(nullptr);
    j["time_precision"] = c.time_precision > 0 ? Json(c.time_precision) : Json(nullptr);
    j["date_from_context"] = c.date_from_context;
    j["places"] = IdList('l', c.places);
    j["quantities"] = IdList('q', c.quantities);
    j["people"] = IdList('p', c.people);
    if (c.event) {
      const Event& e = *c.event;
      j["event"] = Json{{"type", e.type},
                        {"sub_type", OrNull(e.sub_type)},
                        {"actor1", OrNull(e.actor1)},
                        {"actor2", OrNull(e.actor2)},
                        {"place", e.place_id > 0 ? Json(Id('l', e.place_id)) : Json(nullptr)},
                        {"trigger", e.trigger},
                        {"trigger_span", SpanJson(e.trigger_span)}};
    } else {
      j["event"] = nullptr;
    }
    claims.push_back(std::move(j));
  }

  Json people = Json::array();
  for (const Person& p : x.people) {
    Json spans = Json::array();
    for (Span s : p.spans) spans.push_back(SpanJson(s));
    people.push_back(Json{{"id", Id('p', p.id)},
                          {"name", p.name},
                          {"aliases", p.aliases},
                          {"role", OrNull(p.role)},
                          {"country", OrNull(p.country)},
                          {"side", p.side},
                          {"spans", spans}});
  }

  Json places = Json::array();
  for (const Place& p : x.places) {
    places.push_back(Json{{"id", Id('l', p.id)},
                          {"mention", p.mention},
                          {"span", SpanJson(p.span)},
                          {"name", p.name},
                          {"kind", p.kind},
                          {"country", p.country},
                          {"lat", Round(p.lat, 4)},
                          {"lon", Round(p.lon, 4)},
                          {"geo_precision", p.geo_precision},
                          {"confidence", Round(p.confidence, 2)},
                          {"metonym_for", OrNull(p.metonym_for)},
                          {"resolution", p.resolution},
                          {"gazetteer_id", p.gazetteer_id}});
  }

  Json quantities = Json::array();
  for (const Quantity& q : x.quantities) {
    quantities.push_back(Json{{"id", Id('q', q.id)},
                              {"text", q.text},
                              {"span", SpanJson(q.span)},
                              {"value", q.value},
                              {"unit", OrNull(q.unit)},
                              {"si_value", q.value_in_si ? Json(Round(*q.value_in_si, 3)) : Json(nullptr)},
                              {"si_unit", OrNull(q.si_unit)},
                              {"bound", q.bound}});
  }

  Json dates = Json::array();
  for (const DateMention& d : x.dates) {
    Json j{{"text", d.text}, {"span", SpanJson(d.span)}};
    if (d.range()) {
      j["range"] = Json::array({d.from.ToString(), d.to.ToString()});
    } else {
      j["date"] = d.from.ToString();
    }
    j["time_precision"] = d.time_precision;
    dates.push_back(std::move(j));
  }

  Json out;
  out["sitrep_version"] = kVersion;
  out["document"] = std::move(doc);
  out["claims"] = std::move(claims);
  out["people"] = std::move(people);
  out["places"] = std::move(places);
  out["quantities"] = std::move(quantities);
  out["dates"] = std::move(dates);
  return out;
}

}  // namespace sitrep
