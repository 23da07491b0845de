// A readable summary of an extraction for a terminal.
#include <cstdio>
#include <sstream>

#include "sitrep/sitrep.h"

namespace sitrep {

namespace {

std::string DateText(const Claim& c) {
  std::string out;
  if (c.date) out = c.date->ToString();
  if (c.date_range) out = c.date_range->first.ToString() + " .. " + c.date_range->second.ToString();
  if (!out.empty() && c.date_from_context) out += " (from context)";
  return out;
}

// Wraps `text` at `width` columns (counted in bytes, which is close enough for
// a summary), indenting continuation lines.
std::string Wrap(const std::string& text, size_t width, const std::string& indent) {
  std::string out, line;
  std::istringstream words(text);
  std::string w;
  while (words >> w) {
    if (!line.empty() && line.size() + 1 + w.size() > width) {
      out += indent + line + "\n";
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += w;
  }
  if (!line.empty()) out += indent + line + "\n";
  return out;
}

}  // namespace

std::string ToText(const Extraction& x) {
  std::ostringstream o;
  const DocumentMeta& m = x.document;
  o << (m.title.empty() ? "(untitled)" : m.title) << "\n";
  o << "  published " << (m.published.empty() ? "unknown" : m.published) << ", outlet "
    << (m.outlet.empty() ? "unknown" : m.outlet) << ", " << m.bytes << " bytes (" << m.format << ")\n";
  for (const std::string& w : m.warnings) o << "  warning: " << w << "\n";
  o << "  " << x.claims.size() << " claims, " << x.people.size() << " people, " << x.places.size()
    << " places, " << x.quantities.size() << " quantities, " << x.dates.size() << " dates\n\n";
  for (const Claim& c : x.claims) {
    o << "[c" << c.id << "] " << ToString(c.kind) << " | " << ToString(c.status);
    std::string date = DateText(c);
    if (!date.empty()) o << " | " << date;
    o << "\n";
    if (c.speaker) {
      o << "     " << c.speaker->name;
      std::string about;
      if (!c.speaker->role.empty()) about += c.speaker->role;
      if (!c.speaker->country.empty()) about += (about.empty() ? "" : ", ") + c.speaker->country;
      about += (about.empty() ? "" : ", ") + c.speaker->side;
      o << " (" << about << ") " << c.cue << ":\n";
    } else if (!c.cue.empty()) {
      o << "     " << c.cue << ":\n";
    }
    o << Wrap(c.kind == ClaimKind::kQuote ? "\"" + c.text + "\"" : c.text, 88, "       ");
    if (c.status_cue) o << "     status from: \"" << c.status_cue->text << "\"\n";
    if (c.event) {
      o << "     event: " << c.event->type;
      if (!c.event->sub_type.empty()) o << " / " << c.event->sub_type;
      if (!c.event->actor1.empty()) o << ", by " << c.event->actor1;
      if (!c.event->actor2.empty()) o << " against " << c.event->actor2;
      if (c.event->place_id > 0) o << ", at " << x.places[c.event->place_id - 1].name;
      o << "\n";
    }
    if (!c.quantities.empty()) {
      o << "     amounts:";
      for (int q : c.quantities) {
        const Quantity& qq = x.quantities[q - 1];
        o << " \"" << qq.text << "\" = " << qq.value << " " << qq.unit << " (" << ToString(qq.bound) << ")";
        if (qq.value_in_si && qq.si_unit != qq.unit) {
          char buf[64];
          std::snprintf(buf, sizeof buf, " ~ %.0f %s", *qq.value_in_si, qq.si_unit.c_str());
          o << buf;
        }
        o << ";";
      }
      o << "\n";
    }
  }
  if (!x.people.empty()) {
    o << "\nPeople\n";
    for (const Person& p : x.people) {
      o << "  " << p.name;
      if (!p.role.empty()) o << ", " << p.role;
      if (!p.country.empty()) o << " (" << p.country << ")";
      o << " [" << p.side << "]";
      if (!p.aliases.empty()) {
        o << " also:";
        for (const auto& a : p.aliases) o << " " << a;
      }
      o << "\n";
    }
  }
  if (!x.places.empty()) {
    o << "\nPlaces\n";
    for (const Place& p : x.places) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "%.2f, %.2f", p.lat, p.lon);
      o << "  \"" << p.mention << "\" -> " << p.name << " (" << p.kind << ", " << p.country << ") " << buf;
      if (!p.metonym_for.empty()) o << " as " << p.metonym_for;
      if (p.resolution == "fuzzy") o << " [spelling corrected]";
      o << "\n";
    }
  }
  return o.str();
}

}  // namespace sitrep
