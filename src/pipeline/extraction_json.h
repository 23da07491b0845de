// The JSON contract of `sitrep extract` (docs/extract-json.md) written to
// any writer with JsonWriter's methods (BeginObject, EndObject, BeginArray,
// EndArray, Key, String, StringOrNull, Int, Double, Bool, Null, Span): the
// text writer (ToJsonString) and the Python binding's object builder
// (python/_sitrep.cc) share this one definition of the fields, their order
// and their values. Field order is fixed so that output diffs stay readable.
#ifndef SITREP_PIPELINE_EXTRACTION_JSON_H_
#define SITREP_PIPELINE_EXTRACTION_JSON_H_

#include <cmath>
#include <cstdio>
#include <string_view>
#include <vector>

#include "sitrep/sitrep.h"

namespace sitrep {
namespace extraction_json {

template <class Writer>
void Id(Writer& w, char prefix, int n) {
  char buf[16];
  int len = std::snprintf(buf, sizeof buf, "%c%d", prefix, n);
  w.String(std::string_view(buf, static_cast<size_t>(len)));
}

template <class Writer>
void IdList(Writer& w, char prefix, const std::vector<int>& ids) {
  w.BeginArray();
  for (int id : ids) Id(w, prefix, id);
  w.EndArray();
}

inline double Round(double v, int digits) {
  double f = std::pow(10.0, digits);
  return std::round(v * f) / f;
}

template <class Writer>
void WriteSpan(Writer& w, Span s) { w.Span(s.begin, s.end); }

}  // namespace extraction_json

// The parts of WriteExtraction, for writers that stream them
// (ExtractionJsonStream): the opening brace with "sitrep_version" and
// "document", then one element of each array.
template <class Writer>
void WriteHead(const DocumentMeta& m, Writer& w) {
  w.Key("sitrep_version");
  w.String(kVersion);

  w.Key("document");
  w.BeginObject();
  w.Key("published"), w.StringOrNull(m.published);
  w.Key("outlet"), w.StringOrNull(m.outlet);
  w.Key("title"), w.StringOrNull(m.title);
  w.Key("url"), w.StringOrNull(m.url);
  w.Key("language"), w.String(m.language);
  w.Key("format"), w.String(m.format);
  w.Key("bytes"), w.Int(static_cast<int64_t>(m.bytes));
  w.Key("sha256"), w.String(m.sha256);
  w.Key("forwarded_from"), w.StringOrNull(m.forwarded_from);
  w.Key("reply_to"), w.StringOrNull(m.reply_to);
  w.Key("warnings");
  w.BeginArray();
  for (const std::string& s : m.warnings) w.String(s);
  w.EndArray();
  w.EndObject();
}

template <class Writer>
void WriteClaim(const Claim& c, Writer& w) {
  using extraction_json::Id;
  using extraction_json::IdList;
  using extraction_json::Round;
  using extraction_json::WriteSpan;
  w.BeginObject();
  w.Key("id"), Id(w, 'c', c.id);
  w.Key("text"), w.String(c.text);
  w.Key("span"), WriteSpan(w, c.span);
  w.Key("kind"), w.String(ToString(c.kind));
  w.Key("speaker");
  if (c.speaker) {
    const Speaker& s = *c.speaker;
    w.BeginObject();
    w.Key("name"), w.String(s.name);
    w.Key("role"), w.StringOrNull(s.role);
    w.Key("side"), w.String(s.side);
    w.Key("country"), w.StringOrNull(s.country);
    w.Key("span"), WriteSpan(w, s.span);
    w.Key("person");
    if (s.person_id > 0) Id(w, 'p', s.person_id); else w.Null();
    w.Key("anonymous"), w.Bool(s.anonymous);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("cue"), w.StringOrNull(c.cue);
  w.Key("cue_span");
  if (c.cue.empty()) w.Null(); else WriteSpan(w, c.cue_span);
  w.Key("status"), w.String(ToString(c.status));
  w.Key("status_cue");
  if (c.status_cue) {
    w.BeginObject();
    w.Key("text"), w.String(c.status_cue->text);
    w.Key("span"), WriteSpan(w, c.status_cue->span);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("date");
  if (c.date) w.String(c.date->ToString()); else w.Null();
  w.Key("date_range");
  if (c.date_range) {
    w.BeginArray();
    w.String(c.date_range->first.ToString());
    w.String(c.date_range->second.ToString());
    w.EndArray();
  } else {
    w.Null();
  }
  w.Key("time_precision");
  if (c.time_precision > 0) w.Int(c.time_precision); else w.Null();
  w.Key("date_from_context"), w.Bool(c.date_from_context);
  w.Key("places"), IdList(w, 'l', c.places);
  w.Key("quantities"), IdList(w, 'q', c.quantities);
  w.Key("people"), IdList(w, 'p', c.people);
  w.Key("event");
  if (c.event) {
    const Event& e = *c.event;
    w.BeginObject();
    w.Key("type"), w.String(e.type);
    w.Key("sub_type"), w.StringOrNull(e.sub_type);
    w.Key("actor1"), w.StringOrNull(e.actor1);
    w.Key("actor2"), w.StringOrNull(e.actor2);
    w.Key("place");
    if (e.place_id > 0) Id(w, 'l', e.place_id); else w.Null();
    w.Key("place_basis"), w.StringOrNull(e.place_basis);
    w.Key("trigger"), w.String(e.trigger);
    w.Key("trigger_span"), WriteSpan(w, e.trigger_span);
    w.Key("confidence"), w.Double(Round(e.confidence, 2));
    w.EndObject();
  } else {
    w.Null();
  }
  w.EndObject();
}

template <class Writer>
void WritePerson(const Person& p, Writer& w) {
  using extraction_json::Id;
  using extraction_json::WriteSpan;
  w.BeginObject();
  w.Key("id"), Id(w, 'p', p.id);
  w.Key("name"), w.String(p.name);
  w.Key("aliases");
  w.BeginArray();
  for (const std::string& a : p.aliases) w.String(a);
  w.EndArray();
  w.Key("role"), w.StringOrNull(p.role);
  w.Key("country"), w.StringOrNull(p.country);
  w.Key("side"), w.String(p.side);
  w.Key("spans");
  w.BeginArray();
  for (Span s : p.spans) WriteSpan(w, s);
  w.EndArray();
  w.EndObject();
}

template <class Writer>
void WritePlace(const Place& p, Writer& w) {
  using extraction_json::Id;
  using extraction_json::Round;
  using extraction_json::WriteSpan;
  w.BeginObject();
  w.Key("id"), Id(w, 'l', p.id);
  w.Key("mention"), w.String(p.mention);
  w.Key("span"), WriteSpan(w, p.span);
  w.Key("name"), w.String(p.name);
  w.Key("kind"), w.String(p.kind);
  w.Key("country"), w.String(p.country);
  w.Key("admin1"), w.StringOrNull(p.admin1);
  w.Key("lat"), w.Double(Round(p.lat, 4));
  w.Key("lon"), w.Double(Round(p.lon, 4));
  w.Key("geo_precision"), w.Int(p.geo_precision);
  w.Key("confidence"), w.Double(Round(p.confidence, 2));
  w.Key("metonym_for"), w.StringOrNull(p.metonym_for);
  w.Key("resolution"), w.String(p.resolution);
  w.Key("gazetteer_id"), w.String(p.gazetteer_id);
  w.EndObject();
}

template <class Writer>
void WriteQuantity(const Quantity& q, Writer& w) {
  using extraction_json::Id;
  using extraction_json::Round;
  using extraction_json::WriteSpan;
  w.BeginObject();
  w.Key("id"), Id(w, 'q', q.id);
  w.Key("text"), w.String(q.text);
  w.Key("span"), WriteSpan(w, q.span);
  w.Key("value"), w.Double(q.value);
  w.Key("unit"), w.StringOrNull(q.unit);
  w.Key("si_value");
  if (q.value_in_si) w.Double(Round(*q.value_in_si, 3)); else w.Null();
  w.Key("si_unit"), w.StringOrNull(q.si_unit);
  w.Key("bound"), w.String(ToString(q.bound));
  w.EndObject();
}

template <class Writer>
void WriteDate(const DateMention& d, Writer& w) {
  using extraction_json::WriteSpan;
  w.BeginObject();
  w.Key("text"), w.String(d.text);
  w.Key("span"), WriteSpan(w, d.span);
  if (d.range()) {
    w.Key("range");
    w.BeginArray();
    w.String(d.from.ToString());
    w.String(d.to.ToString());
    w.EndArray();
  } else {
    w.Key("date"), w.String(d.from.ToString());
  }
  w.Key("time_precision"), w.Int(d.time_precision);
  w.EndObject();
}

template <class Writer>
void WriteExtraction(const Extraction& x, Writer& w) {
  w.BeginObject();
  WriteHead(x.document, w);
  w.Key("claims");
  w.BeginArray();
  for (const Claim& c : x.claims) WriteClaim(c, w);
  w.EndArray();
  w.Key("people");
  w.BeginArray();
  for (const Person& p : x.people) WritePerson(p, w);
  w.EndArray();
  w.Key("places");
  w.BeginArray();
  for (const Place& p : x.places) WritePlace(p, w);
  w.EndArray();
  w.Key("quantities");
  w.BeginArray();
  for (const Quantity& q : x.quantities) WriteQuantity(q, w);
  w.EndArray();
  w.Key("dates");
  w.BeginArray();
  for (const DateMention& d : x.dates) WriteDate(d, w);
  w.EndArray();
  w.EndObject();
}

}  // namespace sitrep

#endif  // SITREP_PIPELINE_EXTRACTION_JSON_H_
