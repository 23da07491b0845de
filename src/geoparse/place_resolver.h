// Finds toponyms in a document and resolves them against a Gazetteer:
// exact names and region stems first, misspellings of otherwise unexplained
// capitalised words last; then marks capitals used for their governments.
#ifndef SITREP_GEOPARSE_PLACE_RESOLVER_H_
#define SITREP_GEOPARSE_PLACE_RESOLVER_H_

#include <vector>

#include "extract/analysis.h"
#include "geoparse/gazetteer.h"
#include "sitrep/extraction.h"

namespace sitrep {

struct PlaceFound {
  Place place;  // span in Analysis text offsets; id unset
  // Tokens of the name; empty (token_begin == token_end) for a part of a
  // hyphenated word ("Paris" in "Paris-based"), which marks no token.
  size_t token_begin = 0, token_end = 0;
  const GazetteerEntry* entry = nullptr;
};

// The weights with which a name's possible places are weighed, and the
// thresholds of the rules that decide whether a word is a place at all.
// Scores add up: the place with the highest score wins.
struct ResolverOptions {
  // Priors when nothing in the text decides. A country or continent named
  // is almost always the country meant (towns called "Canada" or "Europe"
  // are tiny); a region next ("Georgia" the state only with US context).
  // Towns score log10(population + 10), so a prior of 12 outweighs any town.
  double country_prior = 14;
  double continent_prior = 13;
  double admin1_prior = 12;
  // A US county or parish ("Licking County"): its name says what it is,
  // but many states have one of that name; the document's other places
  // choose, and with no vote between them it is placed as a county of the
  // region the document is about, or left out.
  double admin2_prior = 11;
  double landmark_prior = 9;
  double capital_bonus = 1.0;   // a national capital or seat of government
  double ppla_bonus = 0.5;      // a region's seat (GeoNames PPLA)
  // A town's own name over an alternate one ("Augusta" is Augusta, Georgia
  // before it is Augsburg's Latin name).
  double own_name_bonus = 1.5;
  // Per vote (up to country_vote_cap votes) from the document's other names
  // in the same country.
  double country_vote_weight = 1.5;
  double country_vote_cap = 4.0;
  // A region the document's other names are in: for the region itself, and
  // for a town in it (one vote, two or more).
  double admin1_vote_region = 1.5;
  double admin1_vote_town = 4;
  double admin1_vote_town_strong = 6;
  // "Springfield, Ill.": the region or country after the comma decides.
  double qualifier_bonus = 12;
  // "Новоолександрівка Бахмутського району", "Мирное Донецкой области":
  // a district or region named in the same sentence chooses among
  // same-name places: those within district_context_km of the district's
  // seat, or in the region, get these.
  double district_context_bonus = 10;
  double district_context_km = 60;
  double region_context_bonus = 8;
  // "Степовое под Авдеевкой", "поблизу Ганнівки" on the "Курахівському
  // напрямку": a village whose chosen namesake lies further than this from
  // the place it is said to be near (or from the district or front
  // direction of its sentence) is one the gazetteer lacks; it is placed at
  // that place, with precision 2, rather than hundreds of km away.
  double anchor_max_km = 150;
  // Most places a name may be that are weighed (the most populous).
  size_t max_options = 64;
  // All-capital words this short are acronyms ("EU", "NFL", "GOP") more
  // often than places: only towns this big may match them.
  size_t acronym_max_letters = 3;
  int64_t acronym_min_population = 100000;
  // "Paris-based", "Iran-Iraq": a part of a hyphenated word is a place when
  // it is a country, region or continent, or a town this big with a
  // lower-case rest ("Dallas-area").
  int64_t hyphen_part_min_population = 10000;
  // Villages (GeoNames populated places under this size) share their names
  // with people and businesses: they need a cue, and no other capitalised
  // word may follow them.
  int64_t village_max_population = 10000;
  // A town under this size with no cue must be in a country the document
  // names otherwise ("Obama", a Japanese town, in a report from Ohio).
  int64_t foreign_town_max_population = 100000;
};

class PlaceResolver {
 public:
  explicit PlaceResolver(const Gazetteer& gazetteer, ResolverOptions options = {})
      : gazetteer_(gazetteer), options_(options) {}

  // Exact names ("Sumy") and their Russian and Ukrainian declined forms
  // ("в Сумах", "Курской области", "біля Часового Яру"), districts named
  // after their seat ("в Покровском районе", precision 2), Cyrillic words
  // after a place cue that no name has, tied to GeoNames' Latin names of
  // places in Ukraine, Russia and Belarus by transliteration ("в Урожайном"
  // -> Urozhaine; resolution "transliteration"), regions ("Kursk region",
  // "the Bryansk and Oryol oblasts"), demonyms as their place ("Iraqi", "Texans"; resolution
  // "demonym", not a language: "in French"), parts of hyphenated words
  // ("Paris-based"; the span is the part), one sense per document for names
  // that are both a city and a region. Returned in text order.
  std::vector<PlaceFound> Resolve(const Analysis& a) const;

  // Capitalised words that nothing else explained (`explained[t]`), within
  // a small edit distance of a name ("Lipestk" -> Lipetsk). Merged in order.
  void ResolveMisspellings(const Analysis& a, const std::vector<bool>& explained,
                           std::vector<PlaceFound>* places) const;

  // "Moscow declared", "Kyiv's intention", "pressed Washington": capitals and
  // seats of government standing for the government get metonym_for.
  void MarkMetonyms(const Analysis& a, std::vector<PlaceFound>* places) const;

 private:
  const Gazetteer& gazetteer_;
  ResolverOptions options_;
};

// ACLED geo_precision for a gazetteer kind: 1 town, 3 region or larger.
int GeoPrecision(std::string_view kind);

}  // namespace sitrep

#endif  // SITREP_GEOPARSE_PLACE_RESOLVER_H_
