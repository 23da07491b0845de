#include "geoparse/place_resolver.h"

#include <algorithm>
#include <bitset>
#include <initializer_list>
#include <cmath>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/distance.h"
#include "core/tsv.h"
#include "core/utf8.h"
#include "extract/lexicons.h"
#include "geoparse/declension.h"
#include "geoparse/transliteration.h"

namespace sitrep {

int GeoPrecision(std::string_view kind) {
  if (IsSettlement(kind) || kind == "landmark") return 1;
  if (kind == "admin2") return 2;
  return 3;
}

namespace {

// A small fixed set of words, asked about most tokens of a document: a
// bitmap over (first byte, last byte, length) rules out most words before
// any hashing.
class WordSet {
 public:
  WordSet() = default;
  WordSet(std::initializer_list<std::string_view> words) {
    for (std::string_view w : words) insert(w);
  }
  void insert(std::string_view w) {
    if (w.empty()) return;
    set_.emplace(w);
    bits_.set(Key(w));
  }
  // Most words fail the bit test (first and last letter, length) without
  // hashing: the sets are read for every capitalised word.
  bool contains(std::string_view w) const { return !w.empty() && bits_.test(Key(w)) && set_.find(w) != set_.end(); }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view w) const { return std::hash<std::string_view>{}(w); }
  };
  static size_t Key(std::string_view w) {
    return (static_cast<unsigned char>(w.front()) * 131u + static_cast<unsigned char>(w.back()) * 31u + w.size()) &
           (kBits - 1);
  }
  static constexpr size_t kBits = 4096;
  std::unordered_set<std::string, Hash, std::equal_to<>> set_;
  std::bitset<kBits> bits_;
};

// Token t's folded form is w (std::string's == with a literal calls
// compare out of line; a view compares the sizes first).
bool FoldedIs(const Analysis& a, size_t t, std::string_view w) { return std::string_view(a.folded[t]) == w; }

// The word begins with a letter outside ASCII (Cyrillic here).
bool StartsCyrillic(std::string_view w) { return !w.empty() && static_cast<unsigned char>(w.front()) >= 0x80; }
bool IsCyrillicWord(const Analysis& a, size_t t) { return StartsCyrillic(a.folded[t]); }

}  // namespace

namespace data {
extern const std::string_view kData_place_cues;
}  // namespace data

namespace {

// Russian and Ukrainian words around place names (data/place_cues.tsv).
struct PlaceCues {
  WordSet before, weak_before, region_word, region_plural, conjunction, street, street_abbrev, route, near,
      settlement_noun, name_connector, person_title;
  static const PlaceCues& Get() {
    static const PlaceCues kCues = [] {
      PlaceCues c;
      for (const TsvRow& r : ParseTsv(data::kData_place_cues)) {
        WordSet* set = r.field(1) == "before"          ? &c.before
                                               : r.field(1) == "weak_before"   ? &c.weak_before
                                               : r.field(1) == "region_word"   ? &c.region_word
                                               : r.field(1) == "region_plural" ? &c.region_plural
                                               : r.field(1) == "conjunction"   ? &c.conjunction
                                               : r.field(1) == "street"        ? &c.street
                                               : r.field(1) == "street_abbrev" ? &c.street_abbrev
                                               : r.field(1) == "route"         ? &c.route
                                               : r.field(1) == "near"          ? &c.near
                                               : r.field(1) == "settlement_noun" ? &c.settlement_noun
                                               : r.field(1) == "name_connector"  ? &c.name_connector
                                               : r.field(1) == "person_title"    ? &c.person_title
                                                                               : nullptr;
        if (set == nullptr) continue;  // GeoparseCyrillic.EveryPlaceCueRowHasAKnownKind
        for (std::string_view w : SplitList(r.field(2))) set->insert(w);
      }
      return c;
    }();
    return kCues;
  }
};

// A Russian or Ukrainian place cue ("В", "Под", "Обстрел" opening a
// sentence): capitalised, it is still no part of a name.
bool IsCyrillicCue(std::string_view w) {
  return StartsCyrillic(w) &&
         (PlaceCues::Get().before.contains(w) || PlaceCues::Get().weak_before.contains(w));
}

// "у Сырского", "к Медведеву": before people as often as before places.
bool IsWeakCyrillicCue(std::string_view w) {
  return StartsCyrillic(w) &&
         PlaceCues::Get().weak_before.contains(w);
}

// "и", "та": between the names of a list (the English words are in the
// rules that read them).
bool IsCyrillicConjunction(std::string_view w) {
  return StartsCyrillic(w) &&
         PlaceCues::Get().conjunction.contains(w);
}

bool IsRegionWord(std::string_view w) { return PlaceCues::Get().region_word.contains(w); }

bool IsRegionPlural(std::string_view w) { return PlaceCues::Get().region_plural.contains(w); }

bool NameToken(const Analysis& a, size_t i) {
  return a.IsWord(i) && a.token(i).capitalized;
}

// Lower-case words allowed inside a multi-word name ("Bosnia and
// Herzegovina", "Rostov-on-Don", "Stratford upon Avon").
bool IsNameConnector(std::string_view w) { return PlaceCues::Get().name_connector.contains(w); }

// Words before a name that say it is a place: "in Sumy", "near Pokrovsk".
bool IsPlacePreposition(std::string_view w) { return PlaceCues::Get().before.contains(w); }

// "the city of X", "the village of X".
bool IsSettlementNoun(std::string_view w) { return PlaceCues::Get().settlement_noun.contains(w); }

// Titles and honorifics before a surname: "Mr. Lincoln", "Gov. Perry".
bool IsPersonTitle(std::string_view w) { return PlaceCues::Get().person_title.contains(w); }

// Capitalised words that may follow a place name inside the name of an
// organisation or a facility that the place locates: "Gainesville Police
// Department", "Kharkiv Regional Military Administration".
bool IsOrganisationWord(std::string_view w) {
  static const WordSet kWords = {
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
  return kWords.contains(w);
}

// Words that often open a capitalised phrase without being part of a name:
// "North Carolina" is a name, but "Northern Kharkiv" is a direction.
bool IsDirectionWord(std::string_view w) {
  static const WordSet kWords = {
      "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
      "greater", "downtown", "upper", "lower", "occupied", "liberated", "russian-occupied",
      "russian-controlled", "ukrainian-controlled", "suburban", "rural", "urban", "metro"};
  return kWords.contains(w);
}

// Capitalised words that are towns somewhere but, alone, almost never mean
// one in the news: months, holidays, religious and generic words,
// directions, peoples and languages.
bool IsNeverAPlaceAlone(std::string_view w) {
  static const WordSet kWords = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "christmas", "easter", "ramadan", "god", "jesus", "christ", "allah", "lord", "church", "college",
      "university", "city", "county", "state", "central", "north", "south", "east", "west", "northeast",
      "northwest", "southeast", "southwest", "police", "army", "navy", "english", "arab", "arabic",
      "latin", "jewish", "muslim", "christian", "catholic", "islamic",
      "democrat", "republican", "liberty", "union", "federal", "national", "international", "president",
      "senate", "congress", "parliament", "government", "ministry", "office", "court", "main", "general",
      "independence", "victory", "freedom", "hope", "unity", "progress", "justice", "peace", "truth",
      "gateway", "valley", "lake", "river", "mount", "fort", "port", "beach", "park"};
  return kWords.contains(w);
}

bool IsPlaceNoun(std::string_view w);  // below, with the metonymy rules

// Words around a demonym that say it names a language: "in French",
// "speaks German", "the Spanish language".
bool IsLanguageCueBefore(std::string_view w) {
  static const WordSet kWords = {
      "in", "into", "speak", "speaks", "spoke", "speaking", "spoken", "learn", "learned", "learning",
      "teach", "teaches", "taught", "study", "studied", "fluent", "translated", "translate"};
  return kWords.contains(w);
}
bool IsLanguageCueAfter(std::string_view w) {
  static const WordSet kWords = {
      "language", "languages", "speaker", "speakers", "speaking", "translation", "translator", "subtitles",
      "class", "classes", "teacher", "dictionary"};
  return kWords.contains(w);
}

// How likely a place is to be meant when nothing in the text decides:
// countries and continents, then regions, then towns by size; capitals and
// regional centres get a little more.
double Prior(const GazetteerEntry& e, const ResolverOptions& o) {
  if (e.place_kind == PlaceKind::kCountry) return o.country_prior;
  if (e.place_kind == PlaceKind::kContinent) return o.continent_prior;
  if (e.place_kind == PlaceKind::kAdmin1) return o.admin1_prior;
  if (e.place_kind == PlaceKind::kAdmin2) return o.admin2_prior;
  if (e.place_kind == PlaceKind::kLandmark) return o.landmark_prior;
  double p = std::log10(static_cast<double>(e.population) + 10);
  if (!e.capital_of.empty()) p += o.capital_bonus;
  if (e.feature_code == "PPLA") p += o.ppla_bonus;
  return p;
}

// `part`, when not empty, is the span of a part of the token ("Paris" in
// "Paris-based").
void FillPlace(const Analysis& a, const Gazetteer& g, size_t b, size_t e, const GazetteerEntry* entry,
               const char* how, double confidence, PlaceFound* out, Span part = {}) {
  out->token_begin = b;
  out->token_end = e;
  out->entry = entry;
  Place& p = out->place;
  p.span = part.end > part.begin ? part : a.TokenSpan(b, e);
  p.mention = std::string(a.SpanText(p.span));
  p.gazetteer_id = entry->id;
  p.name = entry->name;
  p.kind = KindName(entry->place_kind);
  p.country = entry->country;
  p.admin1 = entry->admin1_entry != UINT32_MAX ? std::string(g.entry(entry->admin1_entry).name) : std::string();
  p.lat = entry->lat;
  p.lon = entry->lon;
  p.geo_precision = GeoPrecision(p.kind);
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
  bool demonym = false;     // "Iraqi", "Texans": only demonym postings matched
  bool district = false;    // "в Покровском районе": a district named after its seat, the options
  bool needs_support = false;  // an ordinary Cyrillic word too: needs the document's places in its region
  Span part;                // a part of a hyphenated token ("Paris" in "Paris-based")
  bool part_lower_rest = false;  // the rest of that token is lower case ("-based")
  int qualifier = -1;       // "Springfield, Ill.": index of the candidate after the comma (or of
                            // a Cyrillic region in the genitive after the name)
  // Its qualifier names a region none of its places lies in ("Гирник
  // Донецкой Народной Республики" with only Lviv Oblast's Hirnyk known):
  // placed at the region (ChoosePlaces, Places).
  bool outside_qualifier = false;
  // The candidate it is said to be near, whose place stands for it
  // (Resolution::CheckAnchors); -1 when none or when its own place fits.
  int anchor = -1;
  std::vector<uint32_t> alternates;  // options named by an alternate name (entry indexes, sorted)
  bool alternate_only = false;              // only small towns' Latin alternate names match
  std::string_view vote_country;            // what this name says the document is about
  double vote_country_w = 0;
  uint32_t vote_admin1 = UINT32_MAX;
  double vote_admin1_w = 0;
  const GazetteerEntry* chosen = nullptr;
  double margin = 0;
  const char* how = "exact";

  bool Alternate(const GazetteerEntry* x) const {
    return std::binary_search(alternates.begin(), alternates.end(), x->index);
  }

  // True when every place the name may be is a town: then it must be shown
  // to be a place at all.
  bool SettlementsOnly() const {
    return std::all_of(options.begin(), options.end(), [](const GazetteerEntry* x) { return IsSettlement(*x); });
  }
  // True when every place the name may be is a first-level region.
  bool RegionsOnly() const {
    return !options.empty() && std::all_of(options.begin(), options.end(), [](const GazetteerEntry* x) {
      return x->place_kind == PlaceKind::kAdmin1;
    });
  }
};

// True when every byte of `w` is an ASCII capital letter ("DFL").
bool IsAllUpper(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

// Letters in a word (code points).
size_t Letters(std::string_view w) {
  size_t n = 0;
  for (unsigned char c : w) n += (c & 0xC0) != 0x80;
  return n;
}

// The places in Ukraine, Russia and Belarus whose Latin name a
// nominative of the Cyrillic word at token i transliterates to.
bool TransliterationCandidate(const Gazetteer& g, const Analysis& a, size_t i, Candidate* c) {
  const Result<Declension>& decl = Declension::Builtin();
  if (!decl.ok()) return false;
  std::string_view text = a.TokenText(i);
  if (!HasCyrillic(text)) return false;
  for (const std::string& lemma : decl->Lemmas(text)) {
    for (NameLanguage lang : CyrillicNameLanguages(lemma)) {
      for (const std::string& latin : LatinSpellings(lemma, lang)) {
        uint32_t wid = g.WordId(latin);
        uint32_t node = wid != 0 ? g.Child(g.Root(), wid) : Gazetteer::kNoNode;
        if (node == Gazetteer::kNoNode) continue;
        for (uint32_t x : g.NamesAt(node)) {
          if (Gazetteer::IsDemonym(x) || Gazetteer::IsDistrict(x)) continue;
          const GazetteerEntry* e = &g.entry(Gazetteer::EntryOf(x));
          if (e->country != "UKR" && e->country != "RUS" && e->country != "BLR") continue;
          if (std::find(c->options.begin(), c->options.end(), e) == c->options.end()) c->options.push_back(e);
          c->node = node;
        }
      }
    }
  }
  if (c->options.empty()) return false;
  c->begin = i;
  c->end = i + 1;
  c->strong = true;
  c->how = "transliteration";
  return true;
}

// One document's resolution: the state the phases of PlaceResolver::Resolve
// share, named as the phases name it (a: the document, g: the gazetteer,
// o: the options, n: its tokens).
struct Resolution {
  Resolution(const Analysis& analysis, const Gazetteer& gazetteer, const ResolverOptions& options)
      : a(analysis), g(gazetteer), o(options), n(analysis.token_count()) {}

  void FindCandidates();
  // Token i's word id in the gazetteer (0 for words in no name), looked up
  // the first time it is asked for: only capitalised tokens and the words
  // after them that may go on a name are, not every token.
  uint32_t Word(size_t i) {
    if (word[i] == kWordUnknown) word[i] = g.WordId(a.folded[i]);
    return word[i];
  }
  void HyphenParts(size_t i);
  void AcceptPlaces();
  void Judge(Candidate& c);
  void CountVotes();
  void ChoosePlaces();
  void OneSensePerDocument();
  void FindCounties();
  void FindStreets();
  void PlaceStreets();
  void CheckAnchors();
  std::pair<size_t, size_t> SentenceRun(size_t i) const;
  std::vector<PlaceFound> Places();

  void Fill(Candidate& c, uint32_t node, bool region_cue, bool latin) const;
  static uint32_t RegionOf(const GazetteerEntry* x) {
    return x->place_kind == PlaceKind::kAdmin1 ? x->index : x->admin1_entry;
  }

  const Analysis& a;
  const Gazetteer& g;
  const ResolverOptions& o;
  const size_t n;
  static constexpr uint32_t kWordUnknown = UINT32_MAX;
  std::vector<uint32_t> word;        // each token's word id (see Word()), or kWordUnknown
  std::vector<bool> region_listed;   // listed before a plural region word
  std::vector<Candidate> cands;
  std::vector<int> cand_at;          // each token's candidate, or -1
  std::unordered_set<std::string_view> surnames;
  std::unordered_map<std::string_view, double> country_votes;
  std::unordered_map<uint32_t, double> admin1_votes;
  std::unordered_map<uint32_t, const Candidate*> sense;
  std::unordered_set<uint32_t> cued_regions;
  std::vector<PlaceFound> counties;
  std::vector<bool> in_county;
  struct Street {
    size_t begin, end;
    bool route;  // "Highway 200": a road's number, not a street of one town
  };
  std::vector<Street> streets;
};

// The places a name (trie node) may be, or false when none is left.
void Resolution::Fill(Candidate& c, uint32_t node, bool region_cue, bool latin) const {
  auto names = g.NamesAt(node);
  auto stems = g.StemsAt(node);
  // "над Курской", "у Запорізькій": a region's adjective alone stands
  // for the region, not for a small town that shares the form.
  if (!stems.empty() && !region_cue && !latin) {
    region_cue = std::all_of(names.begin(), names.end(), [&](uint32_t x) {
      const GazetteerEntry& e = g.entry(Gazetteer::EntryOf(x));
      return IsSettlement(e) && e.population < 100000;
    });
  }
  if (!stems.empty() && region_cue) {
    for (uint32_t x : stems) c.options.push_back(&g.entry(x));
    c.region = c.strong = true;
    c.how = "region";
    return;
  }
  // A small town's Latin alternate names are often other spellings and
  // people's names in GeoNames ("Wilson"): when only they match, the
  // context must say it is a place.
  c.alternate_only = true;
  // "Покровский район": the district is placed at its seat (no other
  // place has a name that is a district's).
  if (std::any_of(names.begin(), names.end(), [](uint32_t x) { return Gazetteer::IsDistrict(x); })) {
    for (uint32_t x : names) {
      if (Gazetteer::IsDistrict(x)) c.options.push_back(&g.entry(Gazetteer::EntryOf(x)));
    }
    c.alternate_only = false;
    c.district = c.strong = true;
    c.how = "district";
    return;
  }
  // A demonym ("Polish", "Texans") stands for its place, not for a
  // village that shares the word.
  bool demonym = std::any_of(names.begin(), names.end(), [](uint32_t x) { return Gazetteer::IsDemonym(x); });
  for (uint32_t x : names) {
    if (demonym != Gazetteer::IsDemonym(x)) continue;
    const GazetteerEntry* e = &g.entry(Gazetteer::EntryOf(x));
    if (Gazetteer::IsAlternate(x) || demonym) c.alternates.push_back(e->index);
    if (demonym || !Gazetteer::IsAlternate(x) || !latin || !IsSettlement(*e) || e->population >= 100000) {
      c.alternate_only = false;
    }
    c.options.push_back(e);
  }
  std::sort(c.alternates.begin(), c.alternates.end());
  if (demonym) {
    c.demonym = true;
    c.how = "demonym";
  }
  if (c.options.empty()) {
    for (uint32_t x : stems) c.options.push_back(&g.entry(x));
  }
  if (c.options.size() > o.max_options) {
    // Each prior once ("Washington" has hundreds of places).
    std::vector<std::pair<double, const GazetteerEntry*>> ranked;
    ranked.reserve(c.options.size());
    for (const GazetteerEntry* x : c.options) ranked.emplace_back(-Prior(*x, o), x);
    std::partial_sort(ranked.begin(), ranked.begin() + o.max_options, ranked.end(),
                      [](const auto& x, const auto& y) { return x.first < y.first; });
    c.options.resize(o.max_options);
    for (size_t k = 0; k < o.max_options; ++k) c.options[k] = ranked[k].second;
  }
}

// 1. Candidates: from each capitalised token, the longest path of the
// name trie that the following tokens spell.
void Resolution::FindCandidates() {
  word.assign(n, kWordUnknown);
  // Tokens listed before a plural region word ("the Bryansk, Oryol and
  // Kursk oblasts") are regions.
  region_listed.assign(n, false);
  for (size_t r = 1; r < n; ++r) {
    if (!NameToken(a, r - 1) || !IsRegionPlural(a.folded[r])) continue;  // a name just before it, else no list
    size_t k = r;
    while (k > 0) {
      size_t name = k - 1;
      if (!NameToken(a, name)) break;
      region_listed[name] = true;
      if (name == 0) break;
      std::string_view sep = a.folded[name - 1];
      if (sep == "," || sep == "and" || sep == "or" || sep == "&" || IsCyrillicConjunction(sep)) {
        k = name - 1;
        if (k > 0 && FoldedIs(a, k - 1, ",") && (sep == "and" || sep == "or")) --k;  // Oxford comma
        continue;
      }
      break;
    }
  }
  cands.reserve(n / 16 + 4);
  for (size_t i = 0; i < n;) {
    bool caps = a.IsWord(i) && a.token(i).all_caps;
    // An all-capital word in a sentence that is not all capitals ("the US
    // said") is a name even when its lower-case form is a function word.
    bool caps_in_text = caps && !(i > 0 && a.IsWord(i - 1) && a.token(i - 1).all_caps) &&
                        !(i + 1 < n && a.IsWord(i + 1) && a.token(i + 1).all_caps);
    if (NameToken(a, i) && Word(i) == 0 && i > 0 && IsPlacePreposition(a.folded[i - 1]) &&
        IsCyrillicWord(a, i)) {
      // "в Урожайном": a Cyrillic word after a place cue that no name has
      // may be a declined form of a place GeoNames names only in Latin.
      Candidate c;
      if (TransliterationCandidate(g, a, i, &c)) {
        cands.push_back(std::move(c));
        ++i;
        continue;
      }
    }
    if ((!NameToken(a, i) && !caps) || Word(i) == 0) {
      // "Paris-based", "Iran-Iraq border": the parts of a hyphenated word
      // that is no name as a whole.
      if (NameToken(a, i) && Word(i) == 0 && a.folded[i].find('-') != std::string::npos) HyphenParts(i);
      ++i;
      continue;
    }
    const size_t sentence_end = a.seg.sentences[a.sentence_of[i]].token_end;
    uint32_t node = g.Child(g.Root(), Word(i));
    size_t best_end = 0;
    uint32_t best_node = Gazetteer::kNoNode;
    for (size_t k = i + 1; node != Gazetteer::kNoNode; ++k) {
      bool ends_name = a.IsWord(k - 1) || FoldedIs(a, k - 1, ".");
      if (ends_name && (!g.NamesAt(node).empty() || !g.StemsAt(node).empty())) {
        best_end = k;
        best_node = node;
      }
      if (k >= sentence_end || Word(k) == 0) break;
      // "в Покровском районе", "у Великописарівській громаді": a district's
      // name goes on in lower case.
      bool ok = NameToken(a, k) || (a.IsWord(k) && (a.token(k).all_caps || IsCyrillicWord(a, k))) ||
                IsNameConnector(a.folded[k]) || FoldedIs(a, k, ",") || FoldedIs(a, k, "'s");
      if (!ok) break;
      node = g.Child(node, Word(k));
    }
    // A function word opens a name only as part of a longer one ("The
    // Hague", not a village called "In").
    bool function_word = a.Has(i, kStopWord) && !caps_in_text;
    if (best_end == 0 || (best_end == i + 1 && (function_word || IsNeverAPlaceAlone(a.folded[i])))) {
      ++i;
      continue;
    }
    Candidate c;
    c.begin = i;
    c.end = best_end;
    c.node = best_node;
    bool region_word = best_end < sentence_end && IsRegionWord(a.folded[best_end]);
    bool region_plural = best_end < n && IsRegionPlural(a.folded[best_end]);
    Fill(c, best_node, region_word || region_listed[best_end - 1] || region_plural,
         static_cast<unsigned char>(a.folded[i][0]) < 0x80);
    if (c.region && region_word) c.end = best_end + 1;
    // All-capital words are names only when they are big ones ("US", "KYIV"
    // in a dateline), not any village that shares an acronym.
    if (caps && best_end == i + 1 && Letters(a.folded[i]) <= o.acronym_max_letters) {
      std::erase_if(c.options, [this](const GazetteerEntry* e) {
        return IsSettlement(*e) && e->population < o.acronym_min_population;
      });
    }
    if (c.options.empty()) {
      ++i;
      continue;
    }
    cands.push_back(std::move(c));
    i = best_end;
  }

}

// The parts of hyphenated word i that is no name as a whole ("Paris-based",
// "Iran-Iraq border"), as candidates.
void Resolution::HyphenParts(size_t i) {
    std::string_view text = a.SpanText(a.TokenSpan(i, i + 1));
    const std::string& folded = a.folded[i];
    size_t tb = 0, fb = 0;
    const uint32_t token_begin = a.token(i).begin;
    std::vector<Candidate> parts;
    bool lower_rest = true, party = false;
    while (tb <= text.size() && fb <= folded.size()) {
      size_t te = text.find('-', tb), fe = folded.find('-', fb);
      if (te == std::string_view::npos) te = text.size();
      if (fe == std::string::npos) fe = folded.size();
      std::string_view piece = text.substr(tb, te - tb);
      bool upper = !piece.empty() && static_cast<unsigned char>(piece[0]) < 0x80 && piece[0] >= 'A' && piece[0] <= 'Z';
      uint32_t wid = upper ? g.WordId(std::string_view(folded).substr(fb, fe - fb)) : 0;
      uint32_t node = wid != 0 ? g.Child(g.Root(), wid) : Gazetteer::kNoNode;
      if (node != Gazetteer::kNoNode && !g.NamesAt(node).empty() && Letters(piece) >= 3) {
        Candidate c;
        c.begin = i;
        c.end = i + 1;
        c.node = node;
        c.part = Span{token_begin + static_cast<uint32_t>(tb), token_begin + static_cast<uint32_t>(te)};
        Fill(c, node, false, true);
        if (!c.options.empty()) parts.push_back(std::move(c));
      } else if (upper && Letters(piece) <= o.acronym_max_letters && IsAllUpper(piece)) {
        party = true;
      } else if (upper) {
        // A party's initials ("R-Marshall", "DFL-Cook": a legislator's
        // home town) leave the rest a place; another capitalised word
        // ("Hartsfield-Jackson") does not.
        lower_rest = false;
      }
      if (te == text.size() || fe == folded.size()) break;
      tb = te + 1;
      fb = fe + 1;
    }
    // "Fargo-Moorhead": every capitalised part a place.
    for (Candidate& c : parts) {
      c.part_lower_rest = lower_rest;
      c.strong = lower_rest && party;
      cands.push_back(std::move(c));
    }
}

// 2. Is each candidate a place at all? Countries, regions and landmarks
// are; a town's name must not be a person's ("Mr. Lincoln", "Lincoln
// said"), part of another name ("Abraham Lincoln") or an ordinary word
// ("Reading", "Mobile") unless the context says it is a place.
void Resolution::AcceptPlaces() {
  cand_at.assign(n, -1);
  for (size_t k = 0; k < cands.size(); ++k) {
    for (size_t t = cands[k].begin; t < cands[k].end; ++t) cand_at[t] = static_cast<int>(k);
  }
  for (size_t k = 0; k < cands.size(); ++k) {
    Candidate& c = cands[k];
    const size_t e = c.end;
    // "Springfield, Ill.": a region or country after a comma qualifies the name.
    if (e + 1 < n && FoldedIs(a, e, ",") && cand_at[e + 1] >= 0 && cands[cand_at[e + 1]].begin == e + 1) {
      const Candidate& q = cands[cand_at[e + 1]];
      bool qualifies = std::any_of(q.options.begin(), q.options.end(), [](const GazetteerEntry* x) {
        return x->place_kind == PlaceKind::kAdmin1 || x->place_kind == PlaceKind::kCountry;
      });
      if (qualifies) c.qualifier = cand_at[e + 1];
    }
    // "Гирник Донецкой Народной Республики", "Мирне Херсонської області":
    // a region right after a Cyrillic name, in the genitive, qualifies it.
    if (e < n && cand_at[e] >= 0 && cands[cand_at[e]].begin == e && IsCyrillicWord(a, c.begin) &&
        cands[cand_at[e]].RegionsOnly())
      c.qualifier = cand_at[e];
  }
  // Words that name people in this document: the last of two capitalised
  // words ("Bill Clinton") or a titled name ("Mr. Jones"). Alone later,
  // they are that person, not a town of the same name.
  for (size_t t = 1; t + 1 <= n; ++t) {
    if (!NameToken(a, t) || (t + 1 < n && NameToken(a, t + 1))) continue;
    if (cand_at[t] >= 0 && cands[cand_at[t]].begin < t) continue;  // inside "New York"
    size_t p = t - 1;
    bool titled = IsPersonTitle(a.folded[p]) || (p > 0 && FoldedIs(a, p, ".") && IsPersonTitle(a.folded[p - 1]));
    // Both words in one sentence: a headline ending "... strike Sumy" and a
    // dateline "SUMY, Ukraine" below it are not a name.
    bool first_name = a.sentence_of[p] == a.sentence_of[t] && NameToken(a, p) && !a.Has(p, kStopWord) &&
                      !IsCyrillicCue(a.folded[p]) &&
                      !IsDirectionWord(a.folded[p]) &&
                      !IsOrganisationWord(a.folded[t]) && !a.headline[a.sentence_of[t]] &&
                      (cand_at[p] < 0 || cands[cand_at[p]].SettlementsOnly());
    // "Ashley L. Evans": a first name and a middle initial.
    bool initial = p >= 2 && FoldedIs(a, p, ".") && a.folded[p - 1].size() == 1 && NameToken(a, p - 1) &&
                   NameToken(a, p - 2) && !a.Has(p - 2, kStopWord) && a.sentence_of[p - 2] == a.sentence_of[t];
    if (titled || first_name || initial) surnames.insert(a.folded[t]);
  }
  for (Candidate& c : cands) Judge(c);
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

}

// Whether one candidate is a place: its cues ("in", a list, a qualifier)
// against the evidence that it is a person's name, part of a longer name
// or an ordinary word.
void Resolution::Judge(Candidate& c) {
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
  if (!locative && prev != nullptr && IsWeakCyrillicCue(*prev)) {
    // A town or a region, not a village alone: "к Медведеву" is a person.
    locative = std::any_of(c.options.begin(), c.options.end(), [this](const GazetteerEntry* x) {
      return x->place_kind != PlaceKind::kVillage || x->population >= o.village_max_population;
    });
  }
  bool settlement_cue = prev != nullptr && *prev == "of" && prev2 != nullptr && IsSettlementNoun(*prev2);
  bool listed = false;
  if (b >= 2 &&
      (FoldedIs(a, b - 1, ",") || FoldedIs(a, b - 1, "and") || FoldedIs(a, b - 1, "or") ||
       IsCyrillicConjunction(a.folded[b - 1])) &&
      cand_at[b - 2] >= 0 &&
      (!IsSettlement(*cands[cand_at[b - 2]].options.front()) || cands[cand_at[b - 2]].district)) {
    listed = true;
  }
  if (e + 1 < n && (FoldedIs(a, e, ",") || FoldedIs(a, e, "and") || IsCyrillicConjunction(a.folded[e])) &&
      cand_at[e + 1] >= 0 &&
      !IsSettlement(*cands[cand_at[e + 1]].options.front())) {
    listed = true;
  }
  // "Шевченково Купянского района", "Мирне Херсонської області": a
  // district or region right after a Cyrillic name qualifies it.
  bool qualified = e < n && cand_at[e] >= 0 && static_cast<size_t>(cands[cand_at[e]].begin) == e &&
                   IsCyrillicWord(a, b) &&
                   (cands[cand_at[e]].district ||
                    std::any_of(cands[cand_at[e]].options.begin(), cands[cand_at[e]].options.end(),
                                [](const GazetteerEntry* x) { return x->place_kind == PlaceKind::kAdmin1; }));
  c.strong = c.strong || locative || settlement_cue || c.qualifier >= 0 || listed || qualified;
  if (c.district) {
    c.accepted = true;
    return;
  }
  if (c.demonym) {
    // "in French", "speaks German", "the Spanish language": a language.
    bool language = (b > 0 && IsLanguageCueBefore(a.folded[b - 1])) || (e < n && IsLanguageCueAfter(a.folded[e]));
    c.accepted = !language;
    return;
  }
  if (c.part.end > c.part.begin) {
    // "Paris-based", "Iran-Iraq": a country, region or continent, or a
    // sizeable town before a lower-case rest ("Dallas-area").
    bool big_town = c.part_lower_rest && std::any_of(c.options.begin(), c.options.end(), [&](const GazetteerEntry* x) {
                      return x->population >= o.hyphen_part_min_population;
                    });
    c.accepted = !c.SettlementsOnly() || big_town || (c.part_lower_rest && c.strong);
    return;
  }
  // "250 B.C.": an era after a year, not British Columbia.
  if (b > 0 && a.token(b - 1).kind == TokenKind::kNumber) {
    std::string letters;
    for (char ch : a.folded[b]) {
      if (ch != '.') letters.push_back(ch);
    }
    if (letters == "bc" || letters == "ad" || letters == "bce" || letters == "ce") return;
  }
  const bool landmarks_only = std::all_of(c.options.begin(), c.options.end(), [](const GazetteerEntry* x) {
    return x->place_kind == PlaceKind::kLandmark;
  });
  if (c.SettlementsOnly() || landmarks_only) {
    // "Hamas", "NATO", "the Pentagon": an organisation sitrep's actor list
    // knows is not the village that shares its name, and a seat of
    // government ("the Kremlin said", "the White House") is the government
    // unless a locative word puts something there ("outside the Kremlin").
    const Actor* actor = nullptr;
    bool organisation = a.Has(b, kActorStart) &&
                        a.lex.actors().Match(a.Stems(), b, n, &actor) == static_cast<int>(e - b) && actor != nullptr &&
                        (actor->kind == "org" || actor->kind == "body");
    if (organisation && !(landmarks_only && locative)) return;
  }
  // A seat of government before a village of its name ("White House,
  // Tennessee") unless a locative word puts something there.
  bool seat = std::any_of(c.options.begin(), c.options.end(), [](const GazetteerEntry* x) {
    return x->place_kind == PlaceKind::kLandmark && !x->capital_of.empty();
  });
  if (seat && !locative) return;
  if (!c.SettlementsOnly()) {
    c.accepted = true;
    return;
  }
  // "Nov. 30": a month's abbreviation before a day.
  if (a.Has(b, kDateStart) && e < n && (FoldedIs(a, e, ".") || a.token(e).kind == TokenKind::kNumber)) return;
  // Negative evidence.
  bool person = false;
  if (b > 0 && a.IsWord(b - 1) && IsPersonTitle(a.folded[b - 1])) person = true;
  if (b > 1 && FoldedIs(a, b - 1, ".") && IsPersonTitle(a.folded[b - 2])) person = true;
  // "Lincoln said": a town name as the subject of a speech verb, unless a
  // big city standing for its authorities.
  if (e < n && a.Has(e, kSpeechWord) && !big && !c.strong) person = true;
  if (a.Has(b, kPersonStart)) person = true;
  // "according to Taylor": a source. "Stevens & Wilkinson": a firm.
  if (b > 1 && FoldedIs(a, b - 1, "to") && FoldedIs(a, b - 2, "according") && !(e < n && NameToken(a, e)))
    person = true;
  if (e + 1 < n && FoldedIs(a, e, "&") && NameToken(a, e + 1)) person = true;
  // "the Obama administration": a president's.
  if (e < n && FoldedIs(a, e, "administration")) person = true;
  // Inside a longer capitalised name: "Abraham Lincoln", "Camp David".
  // A neighbouring candidate counts as another name unless it is a
  // country or region ("George Barros": two towns' names make a person).
  auto other_name = [&](size_t t) {
    if (!NameToken(a, t) || a.Has(t, kStopWord) || IsNeverAPlaceAlone(a.folded[t]) || IsCyrillicCue(a.folded[t])) {
      return false;
    }
    if (cand_at[t] >= 0 && cands[cand_at[t]].district) return false;
    return cand_at[t] < 0 || cands[cand_at[t]].SettlementsOnly();
  };
  // A person's name is not followed by a district or region
  // ("Знеструмлено Мирне Херсонської області").
  bool inside_name = b > 0 && other_name(b - 1) && !a.SentenceInitial(b) && !IsDirectionWord(a.folded[b - 1]) &&
                     !a.headline[a.sentence_of[b]] && !qualified;
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
  if (c.alternate_only && !c.strong) return;
  if (person || inside_name) return;
  // A village's name followed by another capitalised word is part of a
  // longer name even after "at" ("at Cora Kelly Elementary").
  const bool village = std::all_of(c.options.begin(), c.options.end(), [this](const GazetteerEntry* x) {
    return x->place_kind == PlaceKind::kVillage && x->population < o.village_max_population;
  });
  if (followed_by_name && (!c.strong || village)) return;
  // "McDonald's", "Warden's home": a village's name in the possessive is
  // a person's or a business's, unless a place noun follows.
  if (village && e + 1 < n && FoldedIs(a, e, "'s") && !IsPlaceNoun(a.folded[e + 1])) return;
  bool common = (g.NodeFlags(c.node) & Gazetteer::kCommonWord) != 0;
  bool initial = a.SentenceInitial(b) || a.headline[a.sentence_of[b]];
  if (common && !c.strong && !initial && IsCyrillicWord(a, b)) {
    // "посетил Суджу" (Ukrainian "суджу", I judge): a Russian or
    // Ukrainian form that is also a word needs the document's other
    // places in its region, as a village does.
    c.needs_support = true;
    common = false;
  }
  if (common && !(c.strong && !initial)) return;
  if (initial && !c.strong && !big) {
    // A sentence's first word is capitalised anyway: a town's name there
    // needs support ("Sudzha was ...") from the rest of the document.
    c.how = "exact-initial";
  }
  c.accepted = true;
}

// 3. What the document is about: the countries and regions of its
// names, a full vote where all of a name's places agree, half a vote for
// the place a name most likely is otherwise ("Macon": Macon, Georgia).
void Resolution::CountVotes() {
  auto votes_of = [&](Candidate& c) {
    const GazetteerEntry* top = nullptr;
    double best = -1e9, second = -1e9;
    bool same_country = true, same_region = true;
    for (const GazetteerEntry* x : c.options) {
      double p = Prior(*x, o) + (IsSettlement(*x) && !c.Alternate(x) ? o.own_name_bonus : 0);
      if (p > best) {
        second = best;
        best = p;
        top = x;
      } else if (p > second) {
        second = p;
      }
      same_country = same_country && x->country == c.options.front()->country;
      same_region = same_region && RegionOf(x) == RegionOf(c.options.front());
    }
    double w = best - second >= 1 ? 0.5 : 0;
    c.vote_country = top->country;
    c.vote_country_w = same_country ? 1 : w;
    c.vote_admin1 = RegionOf(top);
    c.vote_admin1_w = c.vote_admin1 == UINT32_MAX ? 0 : same_region ? 1 : w;
  };
  // Country names vote for nothing: "U.S." in a report on Ukraine does not
  // make its "Georgia" the state; towns and regions vote.
  auto votes = [](const Candidate& c) {
    return std::any_of(c.options.begin(), c.options.end(), [](const GazetteerEntry* x) {
      return x->place_kind != PlaceKind::kCountry && x->place_kind != PlaceKind::kContinent;
    });
  };
  for (Candidate& c : cands) {
    if (!c.accepted || !votes(c)) continue;
    votes_of(c);
    country_votes[c.vote_country] += c.vote_country_w;
    if (c.vote_admin1 != UINT32_MAX) admin1_votes[c.vote_admin1] += c.vote_admin1_w;
  }

  // The document's other names' votes for a region, without this name's own.
  auto region_support = [&](const Candidate& c, const GazetteerEntry* x) {
    uint32_t r = RegionOf(x);
    if (r == UINT32_MAX) return 0.0;
    double av = admin1_votes.count(r) ? admin1_votes[r] : 0;
    if (r == c.vote_admin1) av -= c.vote_admin1_w;
    return av;
  };
  // A village with no cue ("in", "near", a list, a qualifier) needs the
  // document's other names in its region: alone, a small place's name is
  // more often a person's or a business's.
  for (Candidate& c : cands) {
    if (!c.accepted || c.strong || c.demonym || c.end != c.begin + 1) continue;
    bool village = std::all_of(c.options.begin(), c.options.end(), [this](const GazetteerEntry* x) {
      return x->place_kind == PlaceKind::kVillage && x->population < o.village_max_population;
    });
    if (!village && !c.needs_support) continue;
    bool supported = std::any_of(c.options.begin(), c.options.end(),
                                 [&](const GazetteerEntry* x) { return region_support(c, x) > 0.25; });
    if (!supported) c.accepted = false;
  }
  // A town with no cue in a country nothing else in the document is in
  // ("Obama" in a report from Ohio) is a person's or a company's name.
  // The names (trie nodes) of accepted candidates that may be in each country.
  // Built when first needed.
  std::unordered_map<std::string_view, std::unordered_set<uint32_t>> names_in_country;
  bool names_counted = false;
  auto count_names = [&] {
    names_counted = true;
    for (const Candidate& c : cands) {
      if (!c.accepted) continue;
      for (const GazetteerEntry* x : c.options) {
        if (x->place_kind != PlaceKind::kContinent) names_in_country[x->country].insert(c.node);
      }
    }
  };
  for (Candidate& c : cands) {
    if (!c.accepted || c.strong || c.demonym || c.end != c.begin + 1) continue;
    bool small_towns = std::all_of(c.options.begin(), c.options.end(), [this](const GazetteerEntry* x) {
      return IsSettlement(*x) && x->population < o.foreign_town_max_population && x->capital_of.empty();
    });
    if (!small_towns) continue;
    if (!names_counted) count_names();
    bool elsewhere = std::any_of(c.options.begin(), c.options.end(), [&](const GazetteerEntry* x) {
      if (country_votes.count(x->country) &&
          country_votes[x->country] - (x->country == c.vote_country ? c.vote_country_w : 0) > 0.25) {
        return true;
      }
      // Named by another name (a country, a region, a town).
      auto it = names_in_country.find(x->country);
      return it != names_in_country.end() && (it->second.size() > 1 || !it->second.count(c.node));
    });
    if (!elsewhere) c.accepted = false;
  }

}

// The candidates [first, last) in candidate i's sentence: candidates are in
// text order, so they are the run around i (not a scan of the document's
// candidates for each one, which grew with the square of its length).
std::pair<size_t, size_t> Resolution::SentenceRun(size_t i) const {
  const uint32_t sentence = a.sentence_of[cands[i].begin];
  size_t first = i, last = i + 1;
  while (first > 0 && a.sentence_of[cands[first - 1].begin] == sentence) --first;
  while (last < cands.size() && a.sentence_of[cands[last].begin] == sentence) ++last;
  return {first, last};
}

// 4. Choose each name's place.
void Resolution::ChoosePlaces() {
  for (size_t i = 0; i < cands.size(); ++i) {
    Candidate& c = cands[i];
    if (!c.accepted) continue;
    const Candidate* q = c.qualifier >= 0 ? &cands[c.qualifier] : nullptr;
    // Districts and regions named in the same sentence ("Бахмутського
    // району", "Донецкой области").
    std::vector<const Candidate*> context;
    if (c.options.size() > 1 && c.SettlementsOnly() && !c.district) {
      auto [before, after] = SentenceRun(i);
      for (size_t k = before; k < after; ++k) {
        const Candidate& d = cands[k];
        if (k == i || !d.accepted) continue;
        if (d.district || d.region) context.push_back(&d);
      }
    }
    double best = -1e9, second = -1e9;
    for (const GazetteerEntry* x : c.options) {
      double s = Prior(*x, o);
      for (const Candidate* d : context) {
        bool near = std::any_of(d->options.begin(), d->options.end(), [&](const GazetteerEntry* y) {
          return d->district ? DistanceKm(x->lat, x->lon, y->lat, y->lon) <= o.district_context_km
                             : x->admin1_entry == y->index;
        });
        if (near) {
          s += d->district ? o.district_context_bonus : o.region_context_bonus;
          break;
        }
      }
      // A town's own name rather than an alternate one.
      if (IsSettlement(*x) && !c.Alternate(x)) s += o.own_name_bonus;
      // Votes from the document's other names, not this one's own.
      double cv = country_votes.count(x->country) ? country_votes[x->country] : 0;
      if (x->country == c.vote_country) cv -= c.vote_country_w;
      if (cv > 0.25) s += o.country_vote_weight * std::min(cv, o.country_vote_cap);
      uint32_t r = RegionOf(x);
      if (r != UINT32_MAX) {
        double av = admin1_votes.count(r) ? admin1_votes[r] : 0;
        if (r == c.vote_admin1) av -= c.vote_admin1_w;
        if (av > 0.25)
          s += x->place_kind == PlaceKind::kAdmin1 ? o.admin1_vote_region
               : av >= 2                           ? o.admin1_vote_town_strong
                                                   : o.admin1_vote_town;
      }
      if (q != nullptr) {
        for (const GazetteerEntry* y : q->options) {
          if ((y->place_kind == PlaceKind::kAdmin1 && x->admin1_entry == y->index) ||
              (y->place_kind == PlaceKind::kCountry && x->country == y->country)) {
            s += o.qualifier_bonus;
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
    // "in New York, New Jersey and Connecticut": a list, not a qualifier.
    bool list = q != nullptr && q->end + 1 < n &&
                (FoldedIs(a, q->end, ",") || FoldedIs(a, q->end, "and") || FoldedIs(a, q->end, "or")) &&
                cand_at[q->end + 1] >= 0;
    if (q != nullptr && !list && q->RegionsOnly() && c.SettlementsOnly()) {
      c.outside_qualifier = std::none_of(q->options.begin(), q->options.end(),
                                         [&](const GazetteerEntry* y) { return c.chosen->admin1_entry == y->index; });
    }
    // "Henry County" with nothing in the document to say which state's:
    // left to FindCounties, which places it in the region the document
    // is about, or leaves it out.
    bool all_counties = std::all_of(c.options.begin(), c.options.end(),
                                [](const GazetteerEntry* x) { return x->place_kind == PlaceKind::kAdmin2; });
    if (all_counties && c.options.size() > 1 && c.margin < 1 && q == nullptr) c.accepted = false;
  }
  // A qualifier resolves as the region or country that its name fits.
  for (Candidate& c : cands) {
    if (!c.accepted || c.qualifier < 0) continue;
    Candidate& q = cands[c.qualifier];
    for (const GazetteerEntry* y : q.options) {
      if ((y->place_kind == PlaceKind::kAdmin1 && c.chosen->admin1_entry == y->index) ||
          (y->place_kind == PlaceKind::kCountry && y->country == c.chosen->country && q.options.size() > 1)) {
        q.chosen = y;
        q.margin = std::max(q.margin, 5.0);
      }
    }
  }
}

// 5. One sense per document: a name means what its best-supported
// mention means; a city that shares its name with a region named with a
// region word elsewhere ("Kursk" after "the Kursk region") is the region.
void Resolution::OneSensePerDocument() {
  for (const Candidate& c : cands) {
    if (!c.accepted) continue;
    if (c.region || c.chosen->place_kind == PlaceKind::kAdmin1) cued_regions.insert(c.chosen->index);
    auto [it, fresh] = sense.try_emplace(c.node, &c);
    if (!fresh && !c.region && c.margin > it->second->margin) it->second = &c;
  }
}

// 6. Counties and parishes ("Laurel County", "Rapides Parish") are not in
// the gazetteer: they are placed in the region the document is about,
// at a town of the same name there if there is one (precision 2), else
// at the region's centre (precision 3). Without such a region they are
// left out rather than guessed.
void Resolution::FindCounties() {
  uint32_t focus = UINT32_MAX;
  double focus_votes = 0.75;  // at least one name in the region
  for (const auto& [r, v] : admin1_votes) {
    if (v > focus_votes || (v == focus_votes && r < focus)) {
      focus = r;
      focus_votes = v;
    }
  }
  in_county.assign(n, false);
  if (focus == UINT32_MAX) return;
  // The tokens "County" and "Parish" (capitalised tests a bit before any
  // text is compared).
  std::vector<size_t> ends;
  for (size_t t = 1; t < n; ++t) {
    if (NameToken(a, t) && (FoldedIs(a, t, "county") || FoldedIs(a, t, "parish"))) ends.push_back(t);
  }
  if (ends.empty()) return;
  // Without a town of its name, a county in a local report lies among the
  // report's towns in that region rather than at the region's point (a big
  // state's point is hundreds of km from most of its counties): their
  // middle (the median latitude and longitude).
  std::vector<double> town_lats, town_lons;
  for (const Candidate& c : cands) {
    if (c.accepted && c.chosen != nullptr && IsSettlement(*c.chosen) && c.chosen->admin1_entry == focus) {
      town_lats.push_back(c.chosen->lat);
      town_lons.push_back(c.chosen->lon);
    }
  }
  auto median = [](std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
  };
  for (size_t t : ends) {
    // A county the gazetteer has, already placed.
    if (cand_at[t] >= 0 && cands[cand_at[t]].accepted &&
        cands[cand_at[t]].chosen->place_kind == PlaceKind::kAdmin2)
      continue;
    size_t s0 = t;
    while (s0 > 0 && t - s0 < 3 && (NameToken(a, s0 - 1) || FoldedIs(a, s0 - 1, ".")) && !a.Has(s0 - 1, kStopWord) &&
           !(s0 - 1 < n && IsPersonTitle(a.folded[s0 - 1]) && s0 - 1 + 1 == t)) {
      --s0;
    }
    if (s0 == t || !NameToken(a, s0)) continue;
    const GazetteerEntry* region = &g.entry(focus);
    const GazetteerEntry* town = nullptr;
    uint32_t node = g.Root();
    for (size_t k = s0; k < t && node != Gazetteer::kNoNode; ++k) node = g.Child(node, Word(k));
    for (uint32_t x : g.NamesAt(node)) {
      const GazetteerEntry& e = g.entry(Gazetteer::EntryOf(x));
      if (IsSettlement(e) && e.admin1_entry == focus && (town == nullptr || e.population > town->population)) {
        town = &e;
      }
    }
    PlaceFound p;
    FillPlace(a, g, s0, t + 1, town != nullptr ? town : region, "county", town != nullptr ? 0.5 : 0.4, &p);
    p.place.name = std::string(a.SpanText(a.TokenSpan(s0, t + 1)));
    p.place.kind = "admin2";
    p.place.admin1 = std::string(region->name);
    p.place.geo_precision = town != nullptr ? 2 : 3;
    if (town == nullptr && !town_lats.empty()) {
      p.place.lat = median(town_lats);
      p.place.lon = median(town_lons);
    }
    for (size_t k = s0; k <= t; ++k) in_county[k] = true;
    counties.push_back(std::move(p));
  }
}

// 6b. A village and the place it lies by: "Степовое под Авдеевкой", "X
// near Y", or the district or front direction named in its sentence
// ("поблизу Ганнівки" on the "Курахівському напрямку"). When every place
// its name may be lies far from that one, the gazetteer lacks it: it is
// placed at its anchor (Places) rather than at a namesake far away.
void Resolution::CheckAnchors() {
  const PlaceCues& cues = PlaceCues::Get();
  for (size_t i = 0; i < cands.size(); ++i) {
    Candidate& c = cands[i];
    if (!c.accepted || c.chosen == nullptr || c.district || c.region || c.qualifier >= 0 || !c.SettlementsOnly())
      continue;
    int anchor = -1;
    if (c.end + 1 < n && cues.near.contains(a.folded[c.end]) && cand_at[c.end + 1] >= 0 &&
        cands[cand_at[c.end + 1]].begin == c.end + 1) {
      anchor = cand_at[c.end + 1];
    } else {
      // The nearest district or direction in the sentence.
      auto [before, after] = SentenceRun(i);
      size_t best = SIZE_MAX;
      for (size_t k = before; k < after; ++k) {
        const Candidate& d = cands[k];
        if (!d.district) continue;
        size_t gap = d.begin > c.begin ? d.begin - c.begin : c.begin - d.begin;
        if (gap < best) {
          best = gap;
          anchor = static_cast<int>(k);
        }
      }
    }
    if (anchor < 0) continue;
    const Candidate& d = cands[anchor];
    if (!d.accepted || d.chosen == nullptr || (!d.district && !IsSettlement(*d.chosen))) continue;
    bool far = std::all_of(c.options.begin(), c.options.end(), [&](const GazetteerEntry* x) {
      return DistanceKm(x->lat, x->lon, d.chosen->lat, d.chosen->lon) > o.anchor_max_km;
    });
    if (far) c.anchor = anchor;
  }
}

// 7. Streets and roads ("Shamrock Street", "N. High St.", "Highway 200",
// "I-75") are not in the gazetteer: found by their last word or their
// number, the names inside them are no places of their own ("6016 Dublin
// Road" is not Dublin), and they are placed in the town the report puts
// them in (PlaceStreets).
void Resolution::FindStreets() {
  const PlaceCues& cues = PlaceCues::Get();
  std::vector<bool> in_street(n, false);
  auto direction = [&](size_t k) {
    static const WordSet kWords = {"north",     "south",     "east",      "west",
                                   "northeast", "northwest", "southeast", "southwest"};
    return k < n && NameToken(a, k) && kWords.contains(a.folded[k]);
  };
  // "N." "W." before a name, "40th", "Seventh": parts of a street's name.
  auto name_part = [&](size_t k) {
    if (NameToken(a, k)) return !a.Has(k, kStopWord) || a.folded[k].size() == 1;
    const std::string& f = a.folded[k];
    return f.size() >= 3 && std::isdigit(static_cast<unsigned char>(f[0])) &&
           (f.ends_with("st") || f.ends_with("nd") || f.ends_with("rd") || f.ends_with("th"));
  };
  auto number = [&](size_t k) { return k < n && a.token(k).kind == TokenKind::kNumber; };
  for (size_t t = 0; t < n; ++t) {
    // Every street and road name ends in (or is) a capitalised word.
    if (!a.IsWord(t) || !NameToken(a, t)) continue;
    std::string_view w = a.folded[t];
    size_t b = t, e = t;
    bool route = false;
    // "I-75", "US-24": one token.
    size_t dash = w.find('-');
    if (dash != std::string::npos && dash + 1 < w.size() && cues.route.contains(w.substr(0, dash)) &&
        std::all_of(w.begin() + static_cast<std::ptrdiff_t>(dash) + 1, w.end(),
                    [](char ch) { return std::isdigit(static_cast<unsigned char>(ch)); })) {
      e = t + 1;
      route = true;
    } else if (cues.route.contains(w) && number(t + 1)) {
      // "Highway 200", "County Road 43", "State Highway 360", "U.S. 1".
      if (w == "road" && !(t > 0 && NameToken(a, t - 1))) continue;
      e = t + 2;
      route = true;
      while (b > 0 && t - b < 2 && NameToken(a, b - 1) && !a.Has(b - 1, kStopWord) &&
             a.sentence_of[b - 1] == a.sentence_of[t])
        --b;
    } else if (cues.street.contains(w) ||
               (cues.street_abbrev.contains(w) && t + 1 < n && FoldedIs(a, t + 1, ".") &&
                !(t + 2 < n && NameToken(a, t + 2) && a.sentence_of[t + 2] == a.sentence_of[t]))) {
      // "Shamrock Street", "40th Avenue South", "E. Broad St.".
      while (b > 0 && t - b < 4 &&
             (name_part(b - 1) || (FoldedIs(a, b - 1, ".") && b >= 2 && a.folded[b - 2].size() == 1)))
        --b;
      while (b < t && (FoldedIs(a, b, ".") || a.Has(b, kStopWord))) ++b;
      if (b == t) continue;
      e = t + (cues.street_abbrev.contains(w) ? 2 : 1);
    } else {
      continue;
    }
    if (direction(e)) ++e;
    streets.push_back({b, e, route});
    for (size_t k = b; k < e; ++k) in_street[k] = true;
    t = e - 1;
  }
  for (Candidate& c : cands) {
    if (in_street[c.begin]) c.accepted = false;
  }
}

// A street is in the town named in its sentence (the nearest), else in the
// town the report names most often; without a town it is left out. A
// road's number is placed the same way but less precisely.
void Resolution::PlaceStreets() {
  std::unordered_map<const GazetteerEntry*, int> mentions;
  const GazetteerEntry* main_town = nullptr;
  for (const Candidate& c : cands) {
    if (!c.accepted || c.chosen == nullptr || !IsSettlement(*c.chosen) || in_county[c.begin]) continue;
    int m = ++mentions[c.chosen];
    if (main_town == nullptr || m > mentions[main_town]) main_town = c.chosen;
  }
  for (const Street& s : streets) {
    const GazetteerEntry* town = nullptr;
    size_t best = SIZE_MAX;
    // The candidates that begin in the street's sentence, in text order
    // (not every candidate of the document for every street).
    const auto& sentence = a.seg.sentences[a.sentence_of[s.begin]];
    for (size_t t = sentence.token_begin; t < sentence.token_end; ++t) {
      if (cand_at[t] < 0 || cands[cand_at[t]].begin != t) continue;
      const Candidate& c = cands[cand_at[t]];
      if (!c.accepted || c.chosen == nullptr || !IsSettlement(*c.chosen) || in_county[c.begin]) continue;
      size_t d = c.begin >= s.end ? c.begin - s.end : s.begin - c.end;
      if (d < best) {
        best = d;
        town = c.chosen;
      }
    }
    if (town == nullptr) town = main_town;
    if (town == nullptr) continue;
    PlaceFound p;
    FillPlace(a, g, s.begin, s.end, town, "street", 0.6, &p);
    p.place.name = std::string(a.SpanText(a.TokenSpan(s.begin, s.end)));
    p.place.kind = s.route ? "road" : "street";
    p.place.geo_precision = s.route ? 2 : 1;
    counties.push_back(std::move(p));
  }
  std::stable_sort(counties.begin(), counties.end(),
                   [](const PlaceFound& x, const PlaceFound& y) { return x.token_begin < y.token_begin; });
}

// The accepted names and the counties, in the order of the text.
std::vector<PlaceFound> Resolution::Places() {
  std::vector<PlaceFound> found;
  found.reserve(cands.size() + counties.size());
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
      if (IsSettlement(*chosen)) {
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
    if (c.district) {
      // Placed at its seat, as a part of the region around it.
      FillPlace(a, g, c.begin, c.end, chosen, how, confidence, &p);
      // A district, a hromada or a front's direction named after the town.
      p.place.name = std::string(chosen->name) + " area";
      p.place.kind = "admin2";
      p.place.geo_precision = 2;
      found.push_back(std::move(p));
      continue;
    }
    // A settlement the gazetteer lacks, at what stands for it: the place it
    // is near (precision 2), else the region its qualifier names (at the
    // region's point, as precisely as a region).
    const Candidate* stand_in = c.anchor >= 0 ? &cands[c.anchor]
                                : c.outside_qualifier && c.qualifier >= 0 && cands[c.qualifier].chosen != nullptr
                                    ? &cands[c.qualifier]
                                    : nullptr;
    if (stand_in != nullptr) {
      const bool near = c.anchor >= 0;
      FillPlace(a, g, c.begin, c.end, stand_in->chosen, near ? "near" : "qualifier-region", 0.5, &p);
      p.place.name = p.place.mention;
      p.place.kind = "locality";
      if (near) p.place.geo_precision = 2;
      else p.place.admin1 = std::string(stand_in->chosen->name);
      found.push_back(std::move(p));
      continue;
    }
    // A part of a hyphenated word marks no token as a place: "the
    // Washington-based think tank" stays one name for the other stages.
    bool part = c.part.end > c.part.begin;
    FillPlace(a, g, c.begin, part ? c.begin : c.end, chosen, how, confidence, &p, c.part);
    // "Russian forces", "Iraqi officials": the people or the state, not
    // where something happens.
    if (c.demonym) {
      p.place.metonym_for = "people of " + std::string(chosen->name);
    }
    found.push_back(std::move(p));
  }
  while (next_county < counties.size()) found.push_back(std::move(counties[next_county++]));
  return found;
}
}  // namespace

std::vector<PlaceFound> PlaceResolver::Resolve(const Analysis& a) const {
  Resolution r(a, gazetteer_, options_);
  r.FindCandidates();
  r.AcceptPlaces();
  r.FindStreets();
  r.CountVotes();
  r.ChoosePlaces();
  r.OneSensePerDocument();
  r.CheckAnchors();
  r.FindCounties();
  r.PlaceStreets();
  return r.Places();
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
    if (letters < 5 || a.Has(i, kStopWord) || IsNeverAPlaceAlone(w) || IsDirectionWord(w)) continue;
    // Inside a longer name ("North Fulton Regional Hospital") or a
    // possessive ("Carter's home"): a person's or a business's name.
    if (i + 1 < n && (FoldedIs(a, i + 1, "'s") || (NameToken(a, i + 1) && a.sentence_of[i + 1] == a.sentence_of[i])))
      continue;
    if (i > 0 && NameToken(a, i - 1) && !a.SentenceInitial(i) && a.sentence_of[i - 1] == a.sentence_of[i]) continue;
    bool listed = false;
    // In a list of places, or before a region word, a near miss is a place.
    if (i + 1 < n && (IsRegionWord(a.folded[i + 1]) || IsRegionPlural(a.folded[i + 1]))) listed = true;
    for (size_t k : {i - 1, i + 1}) {
      if (k >= n || i == 0) continue;
      size_t other = k == i - 1 ? (i >= 2 ? i - 2 : n) : i + 2;
      if ((FoldedIs(a, k, ",") || FoldedIs(a, k, "and")) && other < n && taken[other]) listed = true;
    }
    if (a.SentenceInitial(i) && !listed) continue;
    // Outside a list, only after a locative word ("in Kharkov") and only a
    // place in a country the document already names: a large gazetteer has
    // a near miss for most surnames ("Putin" is one letter from Putian).
    size_t before = i;
    if (before > 0 && FoldedIs(a, before - 1, "the")) --before;
    bool locative = before > 0 && IsPlacePreposition(a.folded[before - 1]);
    if (!listed && (!locative || a.headline[a.sentence_of[i]])) continue;
    int max_d = letters >= 9 ? 2 : 1;
    auto [it, fresh] = memo.try_emplace(w);
    if (fresh) it->second = gazetteer_.FuzzyLookup(w, max_d);
    const auto& hits = it->second;
    if (hits.empty()) continue;
    int best_d = max_d + 1;
    for (const FuzzyHit& h : hits) best_d = std::min(best_d, h.distance);
    // The name itself after a locative word: Resolve judged it and found
    // no place ("according to Taylor"); it is no misspelling of itself. In
    // a list of places it is one ("Jackson and Barrow counties").
    if (best_d == 0 && !listed) continue;
    const GazetteerEntry* best = nullptr;
    bool region = false;
    // Region-listed words prefer region stems; otherwise the best-ranked name.
    for (const FuzzyHit& h : hits) {
      if (h.distance != best_d) continue;
      if (!listed && !countries.count(h.entry->country)) continue;
      bool better = best == nullptr || (listed && h.via_stem && !region) ||
                    ((h.via_stem == region || !listed) && Prior(*h.entry, options_) > Prior(*best, options_));
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
  static const WordSet kPreps = {
      "in", "at", "on", "near", "to", "into", "from", "outside", "around", "over", "across",
      "toward", "towards", "through", "via", "above", "against", "of", "off", "past", "beyond",
      "within", "throughout", "between", "out", "inside", "onto", "upon", "under", "visit",
      "visited", "visiting", "reached", "entered", "hit", "struck", "targeted", "attacked", "shelled",
      "bombed", "downtown", "central", "northern", "southern", "eastern", "western", "greater"};
  return kPreps.contains(w);
}

// Verbs that take a government as object: "pressed Washington", "talks with Moscow".
bool TakesGovernmentObject(std::string_view w) {
  static const WordSet kVerbs = {
      "press", "pressed", "presses", "pressing", "urged", "urge", "urges", "warned", "accused",
      "told", "asked", "blamed", "criticized", "criticised", "condemned", "pressured", "with",
      "convince", "persuade", "lobbied", "lobbying", "between", "against", "and", "for", "forcing",
      "forced", "force", "forces", "pushing", "pushed", "push", "prompting", "prompted", "allowed"};
  return kVerbs.contains(w);
}

// Nouns after "X's" that describe a place rather than its government.
bool IsPlaceNoun(std::string_view w) {
  static const WordSet kNouns = {
      "streets", "residents", "outskirts", "suburbs", "centre", "center", "airport", "metro", "mayor",
      "skyline", "population", "districts", "district", "buildings", "infrastructure", "citizens",
      "people", "region", "oblast", "historic", "downtown", "subway", "river", "bridge", "port",
      "airspace", "air", "defences", "defenses", "power", "energy", "apartment", "houses"};
  return kNouns.contains(w);
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
    if (p.token_begin == p.token_end) {
      // A part of a hyphenated word: "pro-Kremlin", "Moscow-backed" stand
      // for the government, "Moscow-based" does not.
      std::string_view word = a.folded[p.token_begin];
      bool government =
          p.entry->place_kind == PlaceKind::kLandmark || word.starts_with("pro-") || word.starts_with("anti-");
      for (std::string_view rest : {"-backed", "-led", "-controlled", "-allied", "-aligned", "-friendly",
                                    "-appointed", "-installed", "-sponsored"}) {
        government = government || word.ends_with(rest);
      }
      if (government) {
        const GazetteerEntry* c = gazetteer_.Country(p.entry->capital_of);
        p.place.metonym_for = "government of " + std::string(c ? c->name : p.entry->capital_of);
      }
      continue;
    }
    size_t b = p.token_begin, e = p.token_end;
    size_t prev = b;
    if (prev > 0 && FoldedIs(a, prev - 1, "the")) --prev;
    const std::string* before = prev > 0 ? &a.folded[prev - 1] : nullptr;
    // Locative: "in Moscow", "strikes on Kyiv", "Kyiv, Kharkiv and Odesa".
    // A seat of government ("the Kremlin") is a place only where one can be:
    // "in the Kremlin", not "pressure on the Kremlin".
    // "within Washington's policy": a possessive with a government noun wins.
    bool possessive_government = e + 1 < n && FoldedIs(a, e, "'s") && !IsPlaceNoun(a.folded[e + 1]) &&
                                 !is_place[e + 1] && a.IsWord(e + 1);
    if (before != nullptr && p.entry->place_kind == PlaceKind::kLandmark) {
      const std::string& w = *before;
      if (w == "in" || w == "at" || w == "inside" || w == "near" || w == "outside" || w == "into") continue;
    } else if (before != nullptr && IsLocativePreposition(*before) && !possessive_government) {
      continue;
    }
    bool listed = (before != nullptr && (*before == "," || *before == "and") && prev >= 2 && is_place[prev - 2]) ||
                  (e + 1 < n && (FoldedIs(a, e, ",") || FoldedIs(a, e, "and")) && is_place[e + 1]);
    if (listed) continue;
    bool metonym = false;
    size_t k = e;
    if (k < n && FoldedIs(a, k, "'s")) {
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
      if (!metonym && p.entry->place_kind == PlaceKind::kLandmark) metonym = true;  // "the Kremlin chief"
    }
    if (metonym) {
      const GazetteerEntry* c = gazetteer_.Country(p.entry->capital_of);
      p.place.metonym_for = "government of " + std::string(c ? c->name : p.entry->capital_of);
    }
  }
}

}  // namespace sitrep
