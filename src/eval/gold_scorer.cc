#include "eval/gold_scorer.h"

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include "core/utf8.h"
#include "sitrep/sitrep.h"

namespace sitrep {

namespace {

using Json = nlohmann::json;

// Members of a gold file, each of its type or empty: a gold file is input
// too, and a field of another type must not throw.
std::string Str(const Json& j, const char* key) {
  if (!j.is_object()) return "";
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

const Json& Array(const Json& j, const char* key) {
  static const Json kEmpty = Json::array();
  if (!j.is_object()) return kEmpty;
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? *it : kEmpty;
}

double Number(const Json& j, const char* key, double fallback) {
  if (!j.is_object()) return fallback;
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

// The strings of an array, others skipped.
std::vector<std::string> Strings(const Json& array) {
  std::vector<std::string> out;
  for (const Json& s : array) {
    if (s.is_string()) out.push_back(s.get<std::string>());
  }
  return out;
}

// Folded, with typographic quotes and dashes made plain, for phrase search.
std::string Norm(std::string_view s) {
  std::string f = FoldCase(s);
  std::string out;
  for (size_t i = 0; i < f.size();) {
    char32_t cp;
    int len = DecodeUtf8(f, i, &cp);
    if (len == 0) len = 1;
    if (cp == 0x201C || cp == 0x201D) out.push_back('"');
    else if (cp == 0x2013 || cp == 0x2014) out.push_back('-');
    else out.append(f, i, len);
    i += len;
  }
  return out;
}

void Count(Tally* t, bool hit) {
  ++t->total;
  t->hit += hit ? 1 : 0;
}

}  // namespace

Result<GoldScore> ScoreAgainstGold(const Json& gold, const Extraction& x) {
  if (!gold.is_object() || !gold.contains("claims") || !gold["claims"].is_array()) {
    return Status::InvalidArgument("gold file has no \"claims\" array");
  }
  GoldScore score;
  std::ostringstream r;

  // Aliases of each gold person, folded.
  std::vector<std::set<std::string>> aliases;
  auto names_of = [&](const std::string& speaker) {
    std::set<std::string> out = {Norm(speaker)};
    for (const Json& p : Array(gold, "people")) {
      std::set<std::string> all = {Norm(Str(p, "name"))};
      for (const std::string& a : Strings(Array(p, "aliases"))) all.insert(Norm(a));
      if (all.count(Norm(speaker))) out.insert(all.begin(), all.end());
    }
    return out;
  };
  auto speaker_matches = [&](const Claim& c, const std::string& gold_speaker) {
    if (gold_speaker.empty()) return true;  // narration or unnamed reports: any attribution
    if (!c.speaker) return false;
    std::set<std::string> want = names_of(gold_speaker);
    std::vector<std::string> have = {Norm(c.speaker->name)};
    if (c.speaker->person_id > 0 && c.speaker->person_id <= static_cast<int>(x.people.size())) {
      const Person& p = x.people[c.speaker->person_id - 1];
      have.push_back(Norm(p.name));
      for (const auto& a : p.aliases) have.push_back(Norm(a));
    }
    for (const std::string& h : have) {
      for (const std::string& w : want) {
        if (h == w || (h.size() >= 4 && w.find(h) != std::string::npos) ||
            (w.size() >= 4 && h.find(w) != std::string::npos)) {
          return true;
        }
      }
    }
    return false;
  };

  r << "claims\n";
  std::set<int> used;
  for (const Json& g : Array(gold, "claims")) {
    std::vector<std::string> keys;
    for (const std::string& k : Strings(Array(g, "key"))) keys.push_back(Norm(k));
    std::string gold_speaker = Str(g, "speaker");
    std::string gold_status = Str(g, "status");
    const Claim* best = nullptr;
    int best_rank = -1;
    for (const Claim& c : x.claims) {
      if (used.count(c.id)) continue;
      std::string text = Norm(c.text);
      bool all = !keys.empty();
      for (const auto& k : keys) all = all && text.find(k) != std::string::npos;
      if (!all) continue;
      int rank = (speaker_matches(c, gold_speaker) ? 2 : 0) + (ToString(c.status) == gold_status ? 1 : 0);
      if (rank > best_rank) {
        best = &c;
        best_rank = rank;
      }
    }
    std::string id = Str(g, "id");
    Count(&score.claims_found, best != nullptr);
    if (best == nullptr) {
      Count(&score.claims, false);
      Count(&score.speakers, false);
      Count(&score.statuses, false);
      r << "  MISS " << id << ": no claim contains";
      for (const auto& k : keys) r << " \"" << k << "\"";
      r << "\n";
      continue;
    }
    used.insert(best->id);
    bool sp = speaker_matches(*best, gold_speaker);
    bool st = ToString(best->status) == gold_status;
    Count(&score.speakers, sp);
    Count(&score.statuses, st);
    Count(&score.claims, sp && st);
    std::string extra;
    if (std::string date = Str(g, "date"); !date.empty()) {
      bool ok = best->date && best->date->ToString() == date;
      Count(&score.dates, ok);
      if (!ok) extra += " date " + (best->date ? best->date->ToString() : std::string("none")) + " != " + date + ";";
    }
    if (std::vector<std::string> range = Strings(Array(g, "date_range")); range.size() == 2) {
      bool ok = best->date_range && best->date_range->first.ToString() == range[0] &&
                best->date_range->second.ToString() == range[1];
      Count(&score.dates, ok);
      if (!ok) {
        extra += " range ";
        extra += best->date_range ? best->date_range->first.ToString() + ".." + best->date_range->second.ToString()
                                  : std::string("none");
        extra += " != " + range[0] + ".." + range[1] + ";";
      }
    }
    if (g.is_object() && g.contains("event") && g["event"].is_object()) {
      bool ok = best->event && best->event->type == Str(g["event"], "type");
      Count(&score.event_types, ok);
      if (!ok)
        extra += " event " + (best->event ? best->event->type : std::string("none")) +
                 " != " + Str(g["event"], "type") + ";";
    }
    r << "  " << (sp && st ? "HIT  " : "MISS ") << id << " -> c" << best->id << ": speaker "
      << (best->speaker ? best->speaker->name : std::string("none"))
      << (sp ? " ok" : " WRONG (want " + gold_speaker + ")") << ", status " << ToString(best->status)
      << (st ? " ok" : " WRONG (want " + gold_status + ")") << ";" << extra << "\n";
  }

  r << "places\n";
  for (const Json& g : Array(gold, "places")) {
    std::string mention = Norm(Str(g, "mention"));
    std::string first = mention.substr(0, mention.find(' '));
    double lat = Number(g, "lat", 0.0), lon = Number(g, "lon", 0.0), tol = Number(g, "tolerance_km", 161.0);
    double best_d = -1;
    std::string best_name;
    for (const Place& p : x.places) {
      if (!p.metonym_for.empty()) continue;
      if (Norm(p.mention).find(first) == std::string::npos) continue;
      double d = DistanceKm(lat, lon, p.lat, p.lon);
      if (best_d < 0 || d < best_d) {
        best_d = d;
        best_name = p.name;
      }
    }
    bool ok = best_d >= 0 && best_d <= tol;
    Count(&score.places, ok);
    char buf[200];
    if (best_d < 0) {
      std::snprintf(buf, sizeof buf, "  MISS %s: not found\n", Str(g, "mention").c_str());
    } else {
      std::snprintf(buf, sizeof buf, "  %s %s -> %s, %.0f km off (tolerance %.0f)\n", ok ? "HIT " : "MISS",
                    Str(g, "mention").c_str(), best_name.c_str(), best_d, tol);
    }
    r << buf;
  }

  r << "quantities\n";
  for (const Json& g : Array(gold, "quantities")) {
    double value = Number(g, "value", 0.0);
    std::string unit = Str(g, "unit");
    const Quantity* found = nullptr;
    for (const Quantity& q : x.quantities) {
      if (std::fabs(q.value - value) <= std::fabs(value) * 0.005 && q.unit == unit) found = &q;
    }
    Count(&score.quantities, found != nullptr);
    if (found != nullptr) Count(&score.quantity_bounds, ToString(found->bound) == Str(g, "bound"));
    r << "  " << (found ? "HIT  " : "MISS ") << "\"" << Str(g, "text") << "\" = " << value << " " << unit;
    if (found) {
      const std::string bound = ToString(found->bound);
      r << " (bound " << bound << (bound == Str(g, "bound") ? " ok" : " want " + Str(g, "bound")) << ")";
    }
    r << "\n";
  }

  r << "metonyms\n";
  for (const Json& g : Array(gold, "metonyms")) {
    std::string mention = Norm(Str(g, "mention"));
    if (mention.rfind("the ", 0) == 0) mention = mention.substr(4);
    bool ok = false;
    for (const Place& p : x.places) {
      std::string pm = Norm(p.mention);
      if (pm.rfind("the ", 0) == 0) pm = pm.substr(4);
      if (pm == mention && !p.metonym_for.empty()) ok = true;
    }
    Count(&score.metonyms, ok);
    r << "  " << (ok ? "HIT  " : "MISS ") << Str(g, "mention") << " as " << Str(g, "means") << "\n";
  }
  score.report = r.str();
  return score;
}

Result<GoldScore> ScoreGoldFile(const std::string& gold_path, const Extractor& extractor) {
  std::ifstream in(gold_path);
  if (!in) return Status::IoError("cannot open " + gold_path);
  Json gold;
  try {
    gold = Json::parse(in);
  } catch (const Json::exception& e) {
    return Status::DataError(gold_path + " is not valid JSON: " + e.what());
  }
  const std::string suffix = ".gold.json";
  if (gold_path.size() <= suffix.size() ||
      gold_path.compare(gold_path.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return Status::InvalidArgument(gold_path + " does not end in .gold.json, so its text file cannot be found");
  }
  const std::string text_path = gold_path.substr(0, gold_path.size() - suffix.size()) + ".txt";
  Result<std::string> bytes = ReadInput(text_path);
  if (!bytes.ok()) return bytes.status();
  LoadOptions lo;
  if (gold.contains("document")) {
    const Json& document = gold["document"];
    lo.published = Str(document, "published");
    lo.outlet = Str(document, "outlet");
    lo.language = Str(document, "language");
  }
  Result<Document> doc = LoadDocument(std::move(bytes).value(), lo);
  if (!doc.ok()) return Status::DataError(text_path + ": " + doc.status().message());
  Result<Extraction> x = extractor.Extract(*doc);
  if (!x.ok()) return x.status();
  Result<GoldScore> score = ScoreAgainstGold(gold, *x);
  if (!score.ok()) return Status::DataError(gold_path + ": " + score.status().message());
  return score;
}

}  // namespace sitrep
