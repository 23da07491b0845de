#include "geoparse/place_resolver.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/utf8.h"
#include "extract/lexicons.h"

namespace sitrep {

int GeoPrecision(std::string_view kind) {
  if (IsSettlement(kind) || kind == "landmark") return 1;
  return 3;
}

namespace {

bool IsRegionWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "oblast", "region", "province", "krai", "kray", "republic", "voivodeship", "governorate", "state",
      "область", "области", "регион", "край", "області", "oblasti"};
  return kWords.count(w) > 0;
}

bool IsRegionPlural(std::string_view w) {
  return w == "oblasts" || w == "regions" || w == "provinces" || w == "republics" || w == "krais" ||
         w == "governorates" || w == "states" || w == "области" || w == "областях" || w == "областей";
}

bool NameToken(const Analysis& a, size_t i) {
  return a.IsWord(i) && a.token(i).capitalized;
}

// Lower-case words allowed inside a multi-word name ("Bosnia and
// Herzegovina", "Rostov-on-Don", "Stratford upon Avon").
bool IsNameConnector(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "of", "and", "on", "upon", "de", "del", "la", "le", "les", "du", "des", "da", "do", "dos", "el",
      "al", "am", "an", "der", "im", "sur", "y", "i", "na", "nad", "pod", "the", "-", ".", "'", "&"};
  return kWords.count(w) > 0;
}

// Words before a name that say it is a place: "in Sumy", "near Pokrovsk".
bool IsPlacePreposition(std::string_view w) {
  static const std::unordered_set<std::string_view> kPreps = {
      "in", "at", "near", "to", "into", "from", "outside", "around", "across", "toward", "towards",
      "through", "via", "beyond", "within", "throughout", "inside", "downtown", "central", "northern",
      "southern", "eastern", "western", "northeastern", "northwestern", "southeastern", "southwestern",
      "greater", "entered", "reached", "visited", "visiting", "outskirts", "suburb", "suburbs", "в", "у",
      "під", "под", "біля", "возле", "north", "south", "east", "west", "northeast", "northwest",
      "southeast", "southwest"};
  return kPreps.count(w) > 0;
}

// "the city of X", "the village of X".
bool IsSettlementNoun(std::string_view w) {
  static const std::unordered_set<std::string_view> kNouns = {
      "city", "town", "village", "settlement", "hamlet", "township", "borough", "municipality",
      "capital", "port", "suburb", "outskirts", "community", "село", "селе", "город", "городе", "місто",
      "місті", "поселок", "селище"};
  return kNouns.count(w) > 0;
}

// Titles and honorifics before a surname: "Mr. Lincoln", "Gov. Perry".
bool IsPersonTitle(std::string_view w) {
  static const std::unordered_set<std::string_view> kTitles = {
      "mr", "mrs", "ms", "miss", "dr", "sir", "gov", "sen", "rep", "gen", "lt", "col", "sgt", "capt",
      "maj", "adm", "cpl", "pvt", "det", "insp", "supt", "rev", "prof", "judge", "coach", "officer",
      "deputy", "president", "senator", "governor", "mayor", "minister", "general", "colonel",
      "sergeant", "captain", "lieutenant", "detective", "commissioner", "sheriff", "chief", "saint", "st"};
  return kTitles.count(w) > 0;
}

// Capitalised words that may follow a place name inside the name of an
// organisation or a facility that the place locates: "Gainesville Police
// Department", "Kharkiv Regional Military Administration".
bool IsOrganisationWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "police", "department", "county", "city", "university", "college", "school", "high", "council",
      "regional", "military", "administration", "airport", "hospital", "fire", "sheriff", "sheriff's",
      "board", "community", "district", "municipal", "state", "public", "metropolitan", "region",
      "oblast", "court", "township", "village", "town", "area", "chamber", "library", "museum", "zoo",
      "station", "port", "harbor", "harbour", "bay", "river", "lake", "valley", "mountains", "street",
      "road", "avenue", "church", "cathedral", "mosque", "center", "centre", "times", "post", "herald",
      "tribune", "journal", "news", "daily", "gazette", "observer", "group", "authority", "mall",
      "international", "nuclear", "power", "plant", "thermal", "hydroelectric", "dam", "bridge",
      "square", "park", "stadium", "hall", "jail", "prison", "circuit", "superior",
      "elementary", "middle", "academy", "institute", "bureau", "office", "agency", "commission",
      "republic", "people's", "governorate", "province", "provincial", "national", "guard", "army",
      "brigade", "battalion", "division", "operational", "direction", "front", "forces"};
  return kWords.count(w) > 0;
}

// Words that often open a capitalised phrase without being part of a name:
// "North Carolina" is a name, but "Northern Kharkiv" is a direction.
bool IsDirectionWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
      "greater", "downtown", "upper", "lower", "occupied", "liberated", "russian-occupied",
      "russian-controlled", "ukrainian-controlled", "suburban", "rural", "urban", "metro"};
  return kWords.count(w) > 0;
}

// Capitalised words that are towns somewhere but, alone, almost never mean
// one in the news: months, holidays, religious and generic words,
// directions, peoples and languages.
bool IsNeverAPlaceAlone(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "christmas", "easter", "ramadan", "god", "jesus", "christ", "allah", "lord", "church", "college",
      "university", "city", "county", "state", "central", "north", "south", "east", "west", "northeast",
      "northwest", "southeast", "southwest", "police", "army", "navy", "english", "arab", "arabic",
      "french", "german", "spanish", "latin", "jewish", "muslim", "christian", "catholic", "islamic",
      "democrat", "republican", "liberty", "union", "federal", "national", "international", "president",
      "senate", "congress", "parliament", "government", "ministry", "office", "court", "main", "general",
      "independence", "victory", "freedom", "hope", "unity", "progress", "justice", "peace", "truth",
      "gateway", "valley", "lake", "river", "mount", "fort", "port", "beach", "park"};
  return kWords.count(w) > 0;
}

// How likely a place is to be meant when nothing in the text decides:
// countries, then regions, then towns by size; capitals and regional
// centres get a little more.
double Prior(const GazetteerEntry& e) {
  if (e.kind == "country") return 14;
  if (e.kind == "admin1") return 12;
  if (e.kind == "landmark") return 9;
  double p = std::log10(static_cast<double>(e.population) + 10);
  if (!e.capital_of.empty()) p += 1.0;
  if (e.feature_code == "PPLA") p += 0.5;
  return p;
}

void FillPlace(const Analysis& a, const Gazetteer& g, size_t b, size_t e, const GazetteerEntry* entry,
               const char* how, double confidence, PlaceFound* out) {
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
  p.admin1 = entry->admin1_entry != UINT32_MAX ? std::string(g.entry(entry->admin1_entry).name) : std::string();
  p.lat = entry->lat;
  p.lon = entry->lon;
  p.geo_precision = GeoPrecision(entry->kind);
  p.confidence = confidence;
  p.resolution = how;
}

// A name found in the text with the places it may be.
struct Candidate {
  size_t begin = 0, end = 0;  // end includes a region word
  uint32_t node = Gazetteer::kNoNode;
  std::vector<const GazetteerEntry*> options;
  bool region = false;      // a region stem cued by a region word or list
  bool strong = false;      // the context says it is a place
  bool accepted = false;
  bool in_name = false;     // opens an organisation's name
  int qualifier = -1;       // "Springfield, Ill.": index of the candidate after the comma
  std::unordered_set<uint32_t> alternates;  // options named by an alternate name
  bool alternate_only = false;              // only small towns' Latin alternate names match
  std::string_view vote_country;            // what this name says the document is about
  double vote_country_w = 0;
  uint32_t vote_admin1 = UINT32_MAX;
  double vote_admin1_w = 0;
  const GazetteerEntry* chosen = nullptr;
  double margin = 0;
  const char* how = "exact";

  // True when every place the name may be is a town: then it must be shown
  // to be a place at all.
  bool SettlementsOnly() const {
    return std::all_of(options.begin(), options.end(), [](const GazetteerEntry* x) { return IsSettlement(x->kind); });
  }
};

// Most places a name may be that are weighed (the most populous).
constexpr size_t kMaxOptions = 64;

}  // namespace

std::vector<PlaceFound> PlaceResolver::Resolve(const Analysis& a) const {
  const Gazetteer& g = gazetteer_;
  const size_t n = a.token_count();
  // Each token's word id, looked up once; 0 for words in no name.
  std::vector<uint32_t> word(n, 0);
  for (size_t i = 0; i < n; ++i) word[i] = g.WordId(a.folded[i]);
  // Tokens listed before a plural region word ("the Bryansk, Oryol and
  // Kursk oblasts") are regions.
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
  // 1. Candidates: from each capitalised token, the longest path of the
  // name trie that the following tokens spell.
  std::vector<Candidate> cands;
  for (size_t i = 0; i < n;) {
    bool caps = a.IsWord(i) && a.token(i).all_caps;
    if ((!NameToken(a, i) && !caps) || word[i] == 0) {
      ++i;
      continue;
    }
    const size_t sentence_end = a.seg.sentences[a.sentence_of[i]].token_end;
    uint32_t node = g.Child(g.Root(), word[i]);
    size_t best_end = 0;
    uint32_t best_node = Gazetteer::kNoNode;
    for (size_t k = i + 1; node != Gazetteer::kNoNode; ++k) {
      bool ends_name = a.IsWord(k - 1) || a.folded[k - 1] == ".";
      if (ends_name && (!g.NamesAt(node).empty() || !g.StemsAt(node).empty())) {
        best_end = k;
        best_node = node;
      }
      if (k >= sentence_end || word[k] == 0) break;
      bool ok = NameToken(a, k) || (a.IsWord(k) && a.token(k).all_caps) || IsNameConnector(a.folded[k]) ||
                a.folded[k] == "," || a.folded[k] == "'s";
      if (!ok) break;
      node = g.Child(node, word[k]);
    }
    // A function word opens a name only as part of a longer one ("The
    // Hague", not a village called "In").
    if (best_end == 0 || (best_end == i + 1 && (a.Has(i, kStopWord) || IsNeverAPlaceAlone(a.folded[i])))) {
      ++i;
      continue;
    }
    Candidate c;
    c.begin = i;
    c.end = best_end;
    c.node = best_node;
    auto names = g.NamesAt(best_node);
    auto stems = g.StemsAt(best_node);
    bool region_word = best_end < sentence_end && IsRegionWord(a.folded[best_end]);
    bool region_plural = best_end < n && IsRegionPlural(a.folded[best_end]);
    if (!stems.empty() && (region_word || region_listed[best_end - 1] || region_plural)) {
      for (uint32_t x : stems) c.options.push_back(&g.entry(x));
      c.region = c.strong = true;
      c.how = "region";
      if (region_word) c.end = best_end + 1;
    } else {
      // A small town's Latin alternate names are often other spellings and
      // people's names in GeoNames ("Wilson"): when only they match, the
      // context must say it is a place.
      bool latin = static_cast<unsigned char>(a.folded[i][0]) < 0x80;
      c.alternate_only = true;
      for (uint32_t x : names) {
        const GazetteerEntry* e = &g.entry(Gazetteer::EntryOf(x));
        if (Gazetteer::IsAlternate(x)) {
          c.alternates.insert(e->index);
        }
        if (!Gazetteer::IsAlternate(x) || !latin || !IsSettlement(e->kind) || e->population >= 100000) {
          c.alternate_only = false;
        }
        c.options.push_back(e);
      }
      if (c.options.empty()) {
        for (uint32_t x : stems) c.options.push_back(&g.entry(x));
      }
    }
    if (c.options.size() > kMaxOptions) {
      std::partial_sort(c.options.begin(), c.options.begin() + kMaxOptions, c.options.end(),
                        [](auto* x, auto* y) { return Prior(*x) > Prior(*y); });
      c.options.resize(kMaxOptions);
    }
    // All-capital words are names only when they are big ones ("US", "KYIV"
    // in a dateline), not any village that shares an acronym.
    if (caps && !NameToken(a, i)) {
      std::erase_if(c.options, [](const GazetteerEntry* e) { return IsSettlement(e->kind) && e->population < 100000; });
    }
    if (c.options.empty()) {
      ++i;
      continue;
    }
    cands.push_back(std::move(c));
    i = best_end;
  }

  // 2. Is each candidate a place at all? Countries, regions and landmarks
  // are; a town's name must not be a person's ("Mr. Lincoln", "Lincoln
  // said"), part of another name ("Abraham Lincoln") or an ordinary word
  // ("Reading", "Mobile") unless the context says it is a place.
  std::vector<int> cand_at(n, -1);
  for (size_t k = 0; k < cands.size(); ++k) {
    for (size_t t = cands[k].begin; t < cands[k].end; ++t) cand_at[t] = static_cast<int>(k);
  }
  for (size_t k = 0; k < cands.size(); ++k) {
    Candidate& c = cands[k];
    const size_t e = c.end;
    // "Springfield, Ill.": a region or country after a comma qualifies the name.
    if (e + 1 < n && a.folded[e] == "," && cand_at[e + 1] >= 0 && cands[cand_at[e + 1]].begin == e + 1) {
      const Candidate& q = cands[cand_at[e + 1]];
      bool qualifies = std::any_of(q.options.begin(), q.options.end(), [](const GazetteerEntry* x) {
        return x->kind == "admin1" || x->kind == "country";
      });
      if (qualifies) c.qualifier = cand_at[e + 1];
    }
  }
  // Words that name people in this document: the last of two capitalised
  // words ("Bill Clinton") or a titled name ("Mr. Jones"). Alone later,
  // they are that person, not a town of the same name.
  std::unordered_set<std::string_view> surnames;
  for (size_t t = 1; t + 1 <= n; ++t) {
    if (!NameToken(a, t) || (t + 1 < n && NameToken(a, t + 1))) continue;
    if (cand_at[t] >= 0 && cands[cand_at[t]].begin < t) continue;  // inside "New York"
    size_t p = t - 1;
    bool titled = IsPersonTitle(a.folded[p]) || (p > 0 && a.folded[p] == "." && IsPersonTitle(a.folded[p - 1]));
    // Both words in one sentence: a headline ending "... strike Sumy" and a
    // dateline "SUMY, Ukraine" below it are not a name.
    bool first_name = a.sentence_of[p] == a.sentence_of[t] && NameToken(a, p) && !a.Has(p, kStopWord) &&
                      !IsDirectionWord(a.folded[p]) &&
                      !IsOrganisationWord(a.folded[t]) && !a.headline[a.sentence_of[t]] &&
                      (cand_at[p] < 0 || cands[cand_at[p]].SettlementsOnly());
    if (titled || first_name) surnames.insert(a.folded[t]);
  }
  for (size_t k = 0; k < cands.size(); ++k) {
    Candidate& c = cands[k];
    const size_t b = c.begin, e = c.end;
    const bool big = std::any_of(c.options.begin(), c.options.end(),
                                 [](const GazetteerEntry* x) { return x->population >= 1000000; });
    const std::string* prev = b > 0 ? &a.folded[b - 1] : nullptr;
    const std::string* prev2 = b > 1 ? &a.folded[b - 2] : nullptr;
    if (prev != nullptr && *prev == "the" && prev2 != nullptr) {
      prev = prev2;
      prev2 = b > 2 ? &a.folded[b - 3] : nullptr;
    }
    bool locative = prev != nullptr && IsPlacePreposition(*prev);
    bool settlement_cue = prev != nullptr && *prev == "of" && prev2 != nullptr && IsSettlementNoun(*prev2);
    bool listed = false;
    if (b >= 2 && (a.folded[b - 1] == "," || a.folded[b - 1] == "and" || a.folded[b - 1] == "or") &&
        cand_at[b - 2] >= 0 && !IsSettlement(cands[cand_at[b - 2]].options.front()->kind)) {
      listed = true;
    }
    if (e + 1 < n && (a.folded[e] == "," || a.folded[e] == "and") && cand_at[e + 1] >= 0 &&
        !IsSettlement(cands[cand_at[e + 1]].options.front()->kind)) {
      listed = true;
    }
    c.strong = c.strong || locative || settlement_cue || c.qualifier >= 0 || listed;
    if (!c.SettlementsOnly()) {
      c.accepted = true;
      continue;
    }
    // Negative evidence.
    bool person = false;
    if (b > 0 && a.IsWord(b - 1) && IsPersonTitle(a.folded[b - 1])) person = true;
    if (b > 1 && a.folded[b - 1] == "." && IsPersonTitle(a.folded[b - 2])) person = true;
    // "Lincoln said": a town name as the subject of a speech verb, unless a
    // big city standing for its authorities.
    if (e < n && a.Has(e, kSpeechWord) && !big && !c.strong) person = true;
    if (a.Has(b, kPersonStart)) person = true;
    // Inside a longer capitalised name: "Abraham Lincoln", "Camp David".
    // A neighbouring candidate counts as another name unless it is a
    // country or region ("George Barros": two towns' names make a person).
    auto other_name = [&](size_t t) {
      if (!NameToken(a, t) || a.Has(t, kStopWord)) return false;
      return cand_at[t] < 0 || cands[cand_at[t]].SettlementsOnly();
    };
    bool inside_name = b > 0 && other_name(b - 1) && !a.SentenceInitial(b) && !IsDirectionWord(a.folded[b - 1]) &&
                       !a.headline[a.sentence_of[b]];
    bool followed_by_name = e < n && other_name(e) && !a.headline[a.sentence_of[b]];
    if (followed_by_name) {
      // "Gainesville Police Department"; "Kharkiv Governor Oleh Syniehubov".
      if (IsOrganisationWord(a.folded[e]) || IsPersonTitle(a.folded[e]) || a.Has(e, kRoleStart)) {
        c.in_name = true;
        followed_by_name = false;
      }
    }
    bool capital = std::any_of(c.options.begin(), c.options.end(),
                               [](const GazetteerEntry* x) { return !x->capital_of.empty(); });
    if (e == b + 1 && surnames.count(a.folded[b]) && !c.strong && !capital) person = true;
    if (c.alternate_only && !c.strong) continue;
    if (person || inside_name) continue;
    if (followed_by_name && !c.strong) continue;
    bool common = (g.NodeFlags(c.node) & Gazetteer::kCommonWord) != 0;
    bool initial = a.SentenceInitial(b) || a.headline[a.sentence_of[b]];
    if (common && !(c.strong && !initial)) continue;
    if (initial && !c.strong && !big) {
      // A sentence's first word is capitalised anyway: a town's name there
      // needs support ("Sudzha was ...") from the rest of the document.
      c.how = "exact-initial";
    }
    c.accepted = true;
  }
  // Names accepted somewhere in the body are accepted everywhere in the
  // document ("Sudzha" in a headline or opening a sentence).
  {
    std::unordered_set<uint32_t> body;
    for (const Candidate& c : cands) {
      if (c.accepted && std::string_view(c.how) != "exact-initial") body.insert(c.node);
    }
    for (Candidate& c : cands) {
      if (std::string_view(c.how) == "exact-initial") {
        c.how = "exact";
        bool pop = std::any_of(c.options.begin(), c.options.end(),
                               [](const GazetteerEntry* x) { return x->population >= 10000; });
        c.accepted = body.count(c.node) > 0 || pop;
      }
    }
  }

  // 3. What the document is about: the countries and regions of its
  // names, a full vote where all of a name's places agree, half a vote for
  // the place a name most likely is otherwise ("Macon": Macon, Georgia).
  std::unordered_map<std::string_view, double> country_votes;
  std::unordered_map<uint32_t, double> admin1_votes;
  auto region_of = [](const GazetteerEntry* x) { return x->kind == "admin1" ? x->index : x->admin1_entry; };
  auto votes_of = [&](Candidate& c) {
    const GazetteerEntry* top = nullptr;
    double best = -1e9, second = -1e9;
    bool same_country = true, same_region = true;
    for (const GazetteerEntry* x : c.options) {
      double p = Prior(*x) + (IsSettlement(x->kind) && !c.alternates.count(x->index) ? 1.5 : 0);
      if (p > best) {
        second = best;
        best = p;
        top = x;
      } else if (p > second) {
        second = p;
      }
      same_country = same_country && x->country == c.options.front()->country;
      same_region = same_region && region_of(x) == region_of(c.options.front());
    }
    double w = best - second >= 1 ? 0.5 : 0;
    c.vote_country = top->country;
    c.vote_country_w = same_country ? 1 : w;
    c.vote_admin1 = region_of(top);
    c.vote_admin1_w = c.vote_admin1 == UINT32_MAX ? 0 : same_region ? 1 : w;
  };
  // Country names vote for nothing: "U.S." in a report on Ukraine does not
  // make its "Georgia" the state; towns and regions vote.
  auto votes = [](const Candidate& c) {
    return std::any_of(c.options.begin(), c.options.end(), [](const GazetteerEntry* x) { return x->kind != "country"; });
  };
  for (Candidate& c : cands) {
    if (!c.accepted || !votes(c)) continue;
    votes_of(c);
    country_votes[c.vote_country] += c.vote_country_w;
    if (c.vote_admin1 != UINT32_MAX) admin1_votes[c.vote_admin1] += c.vote_admin1_w;
  }

  // 4. Choose each name's place.
  for (Candidate& c : cands) {
    if (!c.accepted) continue;
    const Candidate* q = c.qualifier >= 0 ? &cands[c.qualifier] : nullptr;
    double best = -1e9, second = -1e9;
    for (const GazetteerEntry* x : c.options) {
      double s = Prior(*x);
      // A town's own name rather than an alternate one ("Augusta" is
      // Augusta, Georgia before it is Augsburg's Latin name).
      if (IsSettlement(x->kind) && !c.alternates.count(x->index)) s += 1.5;
      // Votes from the document's other names, not this one's own.
      double cv = country_votes.count(x->country) ? country_votes[x->country] : 0;
      if (x->country == c.vote_country) cv -= c.vote_country_w;
      if (cv > 0.25) s += 1.5 * std::min(cv, 4.0);
      uint32_t r = region_of(x);
      if (r != UINT32_MAX) {
        double av = admin1_votes.count(r) ? admin1_votes[r] : 0;
        if (r == c.vote_admin1) av -= c.vote_admin1_w;
        if (av > 0.25) s += x->kind == "admin1" ? 1.5 : av >= 2 ? 6 : 4;
      }
      if (q != nullptr) {
        for (const GazetteerEntry* y : q->options) {
          if ((y->kind == "admin1" && x->admin1_entry == y->index) || (y->kind == "country" && x->country == y->country)) {
            s += 12;
            break;
          }
        }
      }
      if (s > best) {
        second = best;
        best = s;
        c.chosen = x;
      } else if (s > second) {
        second = s;
      }
    }
    c.margin = c.options.size() == 1 ? 10 : best - second;
  }
  // A qualifier resolves as the region or country that its name fits.
  for (Candidate& c : cands) {
    if (!c.accepted || c.qualifier < 0) continue;
    Candidate& q = cands[c.qualifier];
    for (const GazetteerEntry* y : q.options) {
      if ((y->kind == "admin1" && c.chosen->admin1_entry == y->index) ||
          (y->kind == "country" && y->country == c.chosen->country && q.options.size() > 1)) {
        q.chosen = y;
        q.margin = std::max(q.margin, 5.0);
      }
    }
  }
  // 5. One sense per document: a name means what its best-supported
  // mention means; a city that shares its name with a region named with a
  // region word elsewhere ("Kursk" after "the Kursk region") is the region.
  std::unordered_map<uint32_t, const Candidate*> sense;
  std::unordered_set<uint32_t> cued_regions;
  for (const Candidate& c : cands) {
    if (!c.accepted) continue;
    if (c.region || c.chosen->kind == "admin1") cued_regions.insert(c.chosen->index);
    auto [it, fresh] = sense.try_emplace(c.node, &c);
    if (!fresh && !c.region && c.margin > it->second->margin) it->second = &c;
  }
  // 6. Counties and parishes ("Laurel County", "Rapides Parish") are not in
  // the gazetteer: they are placed in the region the document is about,
  // at a town of the same name there if there is one (precision 2), else
  // at the region's centre (precision 3). Without such a region they are
  // left out rather than guessed.
  uint32_t focus = UINT32_MAX;
  double focus_votes = 0.75;  // at least one name in the region
  for (const auto& [r, v] : admin1_votes) {
    if (v > focus_votes || (v == focus_votes && r < focus)) {
      focus = r;
      focus_votes = v;
    }
  }
  std::vector<PlaceFound> counties;
  std::vector<bool> in_county(n, false);
  for (size_t t = 1; t < n && focus != UINT32_MAX; ++t) {
    if (!NameToken(a, t) || (a.folded[t] != "county" && a.folded[t] != "parish")) continue;
    size_t s0 = t;
    while (s0 > 0 && t - s0 < 3 && (NameToken(a, s0 - 1) || a.folded[s0 - 1] == ".") && !a.Has(s0 - 1, kStopWord) &&
           !(s0 - 1 < n && IsPersonTitle(a.folded[s0 - 1]) && s0 - 1 + 1 == t)) {
      --s0;
    }
    if (s0 == t || !NameToken(a, s0)) continue;
    const GazetteerEntry* region = &g.entry(focus);
    const GazetteerEntry* town = nullptr;
    uint32_t node = g.Root();
    for (size_t k = s0; k < t && node != Gazetteer::kNoNode; ++k) node = g.Child(node, word[k]);
    for (uint32_t x : g.NamesAt(node)) {
      const GazetteerEntry& e = g.entry(Gazetteer::EntryOf(x));
      if (IsSettlement(e.kind) && e.admin1_entry == focus && (town == nullptr || e.population > town->population)) {
        town = &e;
      }
    }
    PlaceFound p;
    FillPlace(a, g, s0, t + 1, town != nullptr ? town : region, "county", town != nullptr ? 0.5 : 0.4, &p);
    p.place.name = std::string(a.SpanText(a.TokenSpan(s0, t + 1)));
    p.place.kind = "admin2";
    p.place.admin1 = std::string(region->name);
    p.place.geo_precision = town != nullptr ? 2 : 3;
    for (size_t k = s0; k <= t; ++k) in_county[k] = true;
    counties.push_back(std::move(p));
  }
  std::vector<PlaceFound> found;
  size_t next_county = 0;
  for (Candidate& c : cands) {
    while (next_county < counties.size() && counties[next_county].token_begin <= c.begin) {
      found.push_back(std::move(counties[next_county++]));
    }
    if (!c.accepted || in_county[c.begin]) continue;
    const GazetteerEntry* chosen = c.chosen;
    const char* how = c.how;
    double margin = c.margin;
    if (!c.region) {
      const Candidate* best = sense[c.node];
      if (best != &c && best->margin > c.margin && c.qualifier < 0) {
        chosen = best->chosen;
        margin = best->margin;
        how = "context";
      }
      if (IsSettlement(chosen->kind)) {
        for (uint32_t r : g.StemsAt(c.node)) {
          if (cued_regions.count(r)) {
            chosen = &g.entry(r);
            how = "context";
            margin = 3;
            break;
          }
        }
      }
    }
    double confidence = margin >= 10 ? 0.9 : margin >= 3 ? 0.85 : margin >= 1 ? 0.7 : 0.55;
    if (c.region) confidence = 0.95;
    if (c.in_name && std::string_view(how) == "exact") how = "in-name";
    PlaceFound p;
    FillPlace(a, g, c.begin, c.end, chosen, how, confidence, &p);
    found.push_back(std::move(p));
  }
  while (next_county < counties.size()) found.push_back(std::move(counties[next_county++]));
  return found;
}

void PlaceResolver::ResolveMisspellings(const Analysis& a, const std::vector<bool>& explained,
                                        std::vector<PlaceFound>* places) const {
  const size_t n = a.token_count();
  std::vector<bool> taken(n, false);
  for (const PlaceFound& p : *places) {
    for (size_t k = p.token_begin; k < p.token_end; ++k) taken[k] = true;
  }
  std::unordered_set<std::string_view> countries;
  for (const PlaceFound& p : *places) countries.insert(p.entry->country);
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
    // Outside a list, only after a locative word ("in Kharkov") and only a
    // place in a country the document already names: a large gazetteer has
    // a near miss for most surnames ("Putin" is one letter from Putian).
    size_t before = i;
    if (before > 0 && a.folded[before - 1] == "the") --before;
    bool locative = before > 0 && IsPlacePreposition(a.folded[before - 1]);
    if (!listed && (!locative || a.headline[a.sentence_of[i]])) continue;
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
      if (!listed && !countries.count(h.entry->country)) continue;
      bool better = best == nullptr || (listed && h.via_stem && !region) ||
                    ((h.via_stem == region || !listed) && Prior(*h.entry) > Prior(*best));
      if (better) {
        best = h.entry;
        region = listed && h.via_stem;
      }
    }
    if (best == nullptr) continue;
    PlaceFound p;
    bool region_word = i + 1 < n && IsRegionWord(a.folded[i + 1]);
    FillPlace(a, gazetteer_, i, region_word ? i + 2 : i + 1, best, "fuzzy", listed ? 0.75 : 0.55, &p);
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
        bool verb = a.lex.FindSpeechVerb(v) != nullptr || v.ends_with("ed") ||
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
      p.place.metonym_for = "government of " + std::string(c ? c->name : p.entry->capital_of);
    }
  }
}

}  // namespace sitrep
