#include "geoparse/place_resolver.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/utf8.h"
#include "extract/lexicons.h"

namespace sitrep {

int GeoPrecision(const std::string& kind) {
  if (kind == "city" || kind == "landmark") return 1;
  return 3;
}

namespace {

bool IsRegionWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "oblast", "region", "province", "krai", "kray", "republic", "voivodeship", "governorate",
      "область", "области", "регион", "край", "області", "oblasti"};
  return kWords.count(w) > 0;
}

bool IsRegionPlural(std::string_view w) {
  return w == "oblasts" || w == "regions" || w == "provinces" || w == "republics" || w == "krais" ||
         w == "governorates" || w == "области" || w == "областях" || w == "областей";
}

bool NameToken(const Analysis& a, size_t i) {
  return a.IsWord(i) && a.token(i).capitalized;
}

// Rank of a candidate when nothing in the text decides: countries first,
// then regions, then towns by population.
int64_t Rank(const GazetteerEntry* e) {
  int64_t kind = e->kind == "country" ? 3 : e->kind == "admin1" ? 2 : e->kind == "landmark" ? 1 : 0;
  return kind * 10'000'000'000LL + e->population;
}

void FillPlace(const Analysis& a, size_t b, size_t e, const GazetteerEntry* entry, const char* how,
               double confidence, PlaceFound* out) {
  out->token_begin = b;
  out->token_end = e;
  out->entry = entry;
  Place& p = out->place;
  p.span = a.TokenSpan(b, e);
  p.mention = std::string(a.SpanText(p.span));
  p.gazetteer_id = entry->id;
  p.name = entry->name;
  p.kind = entry->kind;
  p.country = entry->country;
  p.lat = entry->lat;
  p.lon = entry->lon;
  p.geo_precision = GeoPrecision(entry->kind);
  p.confidence = confidence;
  p.resolution = how;
}

}  // namespace

std::vector<PlaceFound> PlaceResolver::Resolve(const Analysis& a) const {
  const size_t n = a.token_count();
  // Pass 1: tokens listed before a plural region word ("the Bryansk, Oryol
  // and Kursk oblasts") are regions.
  std::vector<bool> region_listed(n, false);
  for (size_t r = 1; r < n; ++r) {
    if (!IsRegionPlural(a.folded[r])) continue;
    size_t k = r;
    while (k > 0) {
      size_t name = k - 1;
      if (!NameToken(a, name)) break;
      region_listed[name] = true;
      if (name == 0) break;
      const std::string& sep = a.folded[name - 1];
      if (sep == "," || sep == "and" || sep == "or" || sep == "&") {
        k = name - 1;
        if (k > 0 && a.folded[k - 1] == "," && (sep == "and" || sep == "or")) --k;  // Oxford comma
        continue;
      }
      break;
    }
  }
  // Pass 2: candidates at each capitalised token, longest name first.
  std::vector<PlaceFound> found;
  std::set<std::string> cued_regions;  // admin1 ids named with a region word somewhere
  const int max_words = gazetteer_.max_name_words();
  for (size_t i = 0; i < n;) {
    if (!NameToken(a, i) && !(a.IsWord(i) && a.token(i).all_caps)) {
      ++i;
      continue;
    }
    size_t sentence_end = a.seg.sentences[a.sentence_of[i]].token_end;
    size_t matched = 0;
    std::string key;
    std::string best_key;
    int longest = std::min(max_words, gazetteer_.WordsStartingWith(a.folded[i]));
    for (int w = 1; w <= longest && i + w <= sentence_end; ++w) {
      if (w > 1) key.push_back(' ');
      key += a.folded[i + w - 1];
      if (!gazetteer_.Lookup(key).empty() || !gazetteer_.LookupStem(key).empty()) {
        matched = w;
        best_key = key;
      }
    }
    if (matched == 0) {
      ++i;
      continue;
    }
    size_t end = i + matched;
    const auto& names = gazetteer_.Lookup(best_key);
    const auto& stems = gazetteer_.LookupStem(best_key);
    PlaceFound p;
    bool region_word = end < sentence_end && IsRegionWord(a.folded[end]);
    if (!stems.empty() && (region_word || region_listed[end - 1] || (end < n && IsRegionPlural(a.folded[end])))) {
      const GazetteerEntry* e = *std::max_element(stems.begin(), stems.end(),
                                                  [](auto* x, auto* y) { return Rank(x) < Rank(y); });
      FillPlace(a, i, region_word ? end + 1 : end, e, "region", 0.95, &p);
      cued_regions.insert(e->id);
    } else if (!names.empty()) {
      const GazetteerEntry* e = *std::max_element(names.begin(), names.end(),
                                                  [](auto* x, auto* y) { return Rank(x) < Rank(y); });
      FillPlace(a, i, end, e, "exact", names.size() == 1 ? 0.9 : 0.7, &p);
      if (e->kind == "admin1") cued_regions.insert(e->id);
      // "Kursk" could be the city or the region: remember the alternative.
      if (!stems.empty() && e->kind == "city") p.place.resolution = "exact-city-or-region";
    } else {
      // A bare regional stem with no region word ("Tatarstan", "Crimea").
      const GazetteerEntry* e = stems.front();
      FillPlace(a, i, end, e, "exact", 0.85, &p);
    }
    found.push_back(std::move(p));
    i = found.back().token_end;
  }
  // Pass 3: one sense per document. A name that is both a city and a region
  // means the region when the document names that region with a region word.
  for (PlaceFound& p : found) {
    if (p.place.resolution != "exact-city-or-region") continue;
    std::string key;
    for (size_t k = p.token_begin; k < p.token_end; ++k) {
      if (!key.empty()) key.push_back(' ');
      key += a.folded[k];
    }
    p.place.resolution = "exact";
    for (const GazetteerEntry* e : gazetteer_.LookupStem(key)) {
      if (cued_regions.count(e->id)) {
        FillPlace(a, p.token_begin, p.token_end, e, "context", 0.8, &p);
        break;
      }
    }
  }
  return found;
}

void PlaceResolver::ResolveMisspellings(const Analysis& a, const std::vector<bool>& explained,
                                        std::vector<PlaceFound>* places) const {
  const size_t n = a.token_count();
  std::vector<bool> taken(n, false);
  for (const PlaceFound& p : *places) {
    for (size_t k = p.token_begin; k < p.token_end; ++k) taken[k] = true;
  }
  std::vector<PlaceFound> added;
  // A word repeated through a document is looked up once.
  std::unordered_map<std::string, std::vector<FuzzyHit>> memo;
  for (size_t i = 0; i < n; ++i) {
    if (taken[i] || explained[i] || !NameToken(a, i)) continue;
    const std::string& w = a.folded[i];
    size_t letters = 0;
    for (size_t k = 0; k < w.size(); ++k) letters += (static_cast<unsigned char>(w[k]) & 0xC0) != 0x80;
    if (letters < 5 || a.Has(i, kStopWord)) continue;
    bool listed = false;
    // In a list of places, or before a region word, a near miss is a place.
    if (i + 1 < n && (IsRegionWord(a.folded[i + 1]) || IsRegionPlural(a.folded[i + 1]))) listed = true;
    for (size_t k : {i - 1, i + 1}) {
      if (k >= n || i == 0) continue;
      size_t other = k == i - 1 ? (i >= 2 ? i - 2 : n) : i + 2;
      if ((a.folded[k] == "," || a.folded[k] == "and") && other < n && taken[other]) listed = true;
    }
    if (a.SentenceInitial(i) && !listed) continue;
    int max_d = letters >= 9 ? 2 : 1;
    auto [it, fresh] = memo.try_emplace(w);
    if (fresh) it->second = gazetteer_.FuzzyLookup(w, max_d);
    const auto& hits = it->second;
    if (hits.empty()) continue;
    int best_d = max_d + 1;
    for (const FuzzyHit& h : hits) best_d = std::min(best_d, h.distance);
    const GazetteerEntry* best = nullptr;
    bool region = false;
    // Region-listed words prefer region stems; otherwise the best-ranked name.
    for (const FuzzyHit& h : hits) {
      if (h.distance != best_d) continue;
      bool better = best == nullptr || (listed && h.via_stem && !region) ||
                    ((h.via_stem == region || !listed) && Rank(h.entry) > Rank(best));
      if (better) {
        best = h.entry;
        region = listed && h.via_stem;
      }
    }
    PlaceFound p;
    bool region_word = i + 1 < n && IsRegionWord(a.folded[i + 1]);
    FillPlace(a, i, region_word ? i + 2 : i + 1, best, "fuzzy", listed ? 0.75 : 0.55, &p);
    added.push_back(std::move(p));
  }
  if (added.empty()) return;
  places->insert(places->end(), added.begin(), added.end());
  std::sort(places->begin(), places->end(),
            [](const PlaceFound& x, const PlaceFound& y) { return x.token_begin < y.token_begin; });
}

namespace {

bool IsLocativePreposition(std::string_view w) {
  static const std::unordered_set<std::string_view> kPreps = {
      "in", "at", "on", "near", "to", "into", "from", "outside", "around", "over", "across",
      "toward", "towards", "through", "via", "above", "against", "of", "off", "past", "beyond",
      "within", "throughout", "between", "out", "inside", "onto", "upon", "under", "visit",
      "visited", "visiting", "reached", "entered", "hit", "struck", "targeted", "attacked", "shelled",
      "bombed", "downtown", "central", "northern", "southern", "eastern", "western", "greater"};
  return kPreps.count(w) > 0;
}

// Verbs that take a government as object: "pressed Washington", "talks with Moscow".
bool TakesGovernmentObject(std::string_view w) {
  static const std::unordered_set<std::string_view> kVerbs = {
      "press", "pressed", "presses", "pressing", "urged", "urge", "urges", "warned", "accused",
      "told", "asked", "blamed", "criticized", "criticised", "condemned", "pressured", "with",
      "convince", "persuade", "lobbied", "lobbying", "between", "against", "and", "for", "forcing",
      "forced", "force", "forces", "pushing", "pushed", "push", "prompting", "prompted", "allowed"};
  return kVerbs.count(w) > 0;
}

// Nouns after "X's" that describe a place rather than its government.
bool IsPlaceNoun(std::string_view w) {
  static const std::unordered_set<std::string_view> kNouns = {
      "streets", "residents", "outskirts", "suburbs", "centre", "center", "airport", "metro", "mayor",
      "skyline", "population", "districts", "district", "buildings", "infrastructure", "citizens",
      "people", "region", "oblast", "historic", "downtown", "subway", "river", "bridge", "port",
      "airspace", "air", "defences", "defenses", "power", "energy", "apartment", "houses"};
  return kNouns.count(w) > 0;
}

}  // namespace

void PlaceResolver::MarkMetonyms(const Analysis& a, std::vector<PlaceFound>* places) const {
  const size_t n = a.token_count();
  std::vector<bool> is_place(n, false);
  for (const PlaceFound& p : *places) {
    for (size_t k = p.token_begin; k < p.token_end; ++k) is_place[k] = true;
  }
  for (PlaceFound& p : *places) {
    if (p.entry->capital_of.empty()) continue;
    size_t b = p.token_begin, e = p.token_end;
    size_t prev = b;
    if (prev > 0 && a.folded[prev - 1] == "the") --prev;
    const std::string* before = prev > 0 ? &a.folded[prev - 1] : nullptr;
    // Locative: "in Moscow", "strikes on Kyiv", "Kyiv, Kharkiv and Odesa".
    // A seat of government ("the Kremlin") is a place only where one can be:
    // "in the Kremlin", not "pressure on the Kremlin".
    // "within Washington's policy": a possessive with a government noun wins.
    bool possessive_government = e + 1 < n && a.folded[e] == "'s" && !IsPlaceNoun(a.folded[e + 1]) &&
                                 !is_place[e + 1] && a.IsWord(e + 1);
    if (before != nullptr && p.entry->kind == "landmark") {
      const std::string& w = *before;
      if (w == "in" || w == "at" || w == "inside" || w == "near" || w == "outside" || w == "into") continue;
    } else if (before != nullptr && IsLocativePreposition(*before) && !possessive_government) {
      continue;
    }
    bool listed = (before != nullptr && (*before == "," || *before == "and") && prev >= 2 && is_place[prev - 2]) ||
                  (e + 1 < n && (a.folded[e] == "," || a.folded[e] == "and") && is_place[e + 1]);
    if (listed) continue;
    bool metonym = false;
    size_t k = e;
    if (k < n && a.folded[k] == "'s") {
      metonym = k + 1 < n && !IsPlaceNoun(a.folded[k + 1]) && !is_place[k + 1];
    } else {
      bool passive = false;
      // Auxiliaries and adverbs: "Moscow has repeatedly denied", "Moscow
      // routinely blamed".
      while (k < n && (a.Has(k, kAuxWord) || (a.folded[k].size() > 4 && a.folded[k].ends_with("ly")))) {
        if (IsBeForm(a.folded[k])) passive = true;
        ++k;
      }
      // "Moscow declared", "Kyiv has targeted", "Washington says".
      if (k < n && a.IsWord(k) && !passive && !a.token(k).capitalized) {
        const std::string& v = a.folded[k];
        bool verb = Lexicons::Get().FindSpeechVerb(v) != nullptr || v.ends_with("ed") ||
                    (v.ends_with("s") && !v.ends_with("ss") && k > e) || v == "wants" || v == "says";
        if (v.ends_with("s") && k == e) {
          // "Kyiv says": a bare -s word straight after the name is a verb
          // unless it is a noun like "residents".
          verb = verb || !IsPlaceNoun(v);
        }
        metonym = verb && !IsPlaceNoun(v);
      }
      if (!metonym && before != nullptr && TakesGovernmentObject(*before)) metonym = true;
      if (!metonym && p.entry->kind == "landmark") metonym = true;  // "the Kremlin chief"
    }
    if (metonym) {
      const GazetteerEntry* c = gazetteer_.Country(p.entry->capital_of);
      p.place.metonym_for = "government of " + (c ? c->name : p.entry->capital_of);
    }
  }
}

}  // namespace sitrep
