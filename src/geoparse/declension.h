// Russian and Ukrainian declension of place names, by ending, from the
// reviewed rules in data/toponym_declension.tsv (format described there).
// The gazetteer builder posts every form a Cyrillic name takes ("Курская" ->
// "Курской", "Курскую", ...) as a name of the same place; the geoparser's
// transliteration fallback asks for the nominatives a declined word may
// come from.
#ifndef SITREP_GEOPARSE_DECLENSION_H_
#define SITREP_GEOPARSE_DECLENSION_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/status.h"

namespace sitrep {

enum class NameLanguage : uint8_t { kRussian, kUkrainian };

class Declension {
 public:
  // Parses the rules; an error names the bad line.
  static Result<Declension> Parse(std::string_view tsv);
  // The rules compiled into the library (data/toponym_declension.tsv).
  static const Result<Declension>& Builtin();

  // The forms of a Cyrillic name in the five oblique cases, without the
  // name itself, each once ("Часів Яр" -> "Часового Яру", "Часовому Яру",
  // ...). Empty for a name that is not Cyrillic or has more than three
  // words.
  // `russian_only`: a name that may be in either language is declined as
  // Russian (a place in Russia).
  std::vector<std::string> Forms(std::string_view name, bool russian_only = false) const;

  // The nominative names of the districts (and front directions) a place
  // is the seat of, named after it: "Покровськ" -> "Покровський район",
  // "Покровська громада", "Покровський напрямок";
  // "Велика Писарівка" -> "Великописарівський район", "Великописарівська
  // громада". Nouns the rules reserve for bigger seats (a front's
  // direction) only when `population` is that big. Decline them with Forms().
  // `country` (ISO alpha-3): a seat in Russia gets Russian names only, and
  // nouns the rules keep to one country ("округ": Russia) only there.
  std::vector<std::string> DistrictNames(std::string_view name, int64_t population, std::string_view country) const;

  // Nominatives a declined Cyrillic word may come from, the word itself
  // first ("Торецке" -> "Торецке", "Торецк", ...).
  std::vector<std::string> Lemmas(std::string_view word) const;

  size_t rule_count() const { return rules_.size(); }

 private:
  enum class Kind : uint8_t { kNoun, kAdj, kPre, kDistrict, kCompound };
  struct Rule {
    NameLanguage lang;
    Kind kind;
    std::string ending;
    // Per case (genitive, dative, accusative, instrumental, locative), or
    // for a district rule [0] masculine, [1] feminine, [2] neuter: what
    // replaces the ending, each alternative.
    std::vector<std::vector<std::string>> cells;
  };
  struct DistrictNoun {
    NameLanguage lang;
    int gender;  // 0 masculine, 1 feminine, 2 neuter: the district rule's cell
    std::string noun;
    int64_t min_population;  // of a seat the noun is used for
    std::string country;     // the only country it is used in, or empty
  };
  // The rule for a word at the end of a name (`last`) or before another.
  const Rule* Find(NameLanguage lang, std::string_view word, bool last) const;
  const Rule* FindOf(NameLanguage lang, Kind kind, std::string_view word) const;
  // A word's forms per case; one entry (the word) per case when no rule fits.
  std::vector<NameLanguage> Languages(std::string_view name, bool russian_only) const;
  std::vector<std::vector<std::string>> WordForms(NameLanguage lang, std::string_view word, bool last,
                                                  bool first) const;

  std::vector<Rule> rules_;
  std::vector<DistrictNoun> district_nouns_;
  // Word endings only one language writes ("-ськ" Ukrainian, "-ск" Russian).
  std::vector<std::pair<NameLanguage, std::string>> hints_;
  friend std::vector<NameLanguage> CyrillicNameLanguages(std::string_view name);
};

// The languages a Cyrillic name may be in: Ukrainian with і ї є ґ or an
// apostrophe, Russian with ы э ъ ё, else by a word's ending (the hint rows
// of the compiled-in rules, Builtin(): "-ськ" Ukrainian, "-ск" Russian),
// else both; none for a name with no Cyrillic letter.
std::vector<NameLanguage> CyrillicNameLanguages(std::string_view name);

// True when `s` has a Cyrillic letter.
bool HasCyrillic(std::string_view s);

}  // namespace sitrep

#endif  // SITREP_GEOPARSE_DECLENSION_H_
