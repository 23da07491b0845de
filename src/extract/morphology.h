// Morphology of Russian and Ukrainian words, from Debian packages: lemmas
// from Hunspell's dictionaries (hunspell-ru, hunspell-uk) and stems from
// Snowball's Russian stemmer (libstemmer). Debian 12's libstemmer 2.2 has no
// Ukrainian algorithm (sb_stemmer_list: arabic ... russian, serbian, ...
// yiddish), so Ukrainian lemmas come from Hunspell alone, and Snowball's
// Russian stems serve only as a match key for lexicon phrases (their words
// are listed in the forms they take, so both sides stem alike).
#ifndef SITREP_EXTRACT_MORPHOLOGY_H_
#define SITREP_EXTRACT_MORPHOLOGY_H_

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sitrep/status.h"

struct sb_stemmer;

namespace sitrep {

// The languages whose own rules and word lists sitrep has.
enum class Language { kEnglish, kRussian, kUkrainian };

// "ru" -> kRussian, "uk" -> kUkrainian, anything else kEnglish (whose rules
// are the default).
Language LanguageFromCode(std::string_view code);

// True when the word's first letter is Cyrillic.
bool IsCyrillicWord(std::string_view word);

// Snowball's Russian stemmer over a lower-case UTF-8 word. Not thread-safe:
// one per thread or per document (creating one costs microseconds).
class RussianStemmer {
 public:
  RussianStemmer();
  ~RussianStemmer();
  RussianStemmer(const RussianStemmer&) = delete;
  RussianStemmer& operator=(const RussianStemmer&) = delete;
  // The stem of a Cyrillic word; any other word comes back unchanged.
  std::string Stem(std::string_view folded);

 private:
  sb_stemmer* stemmer_ = nullptr;
};

// A word's analysis: its lemma, and whether the dictionary knows its lower
// case form (then a capital at a sentence's start is no sign of a name).
struct WordAnalysis {
  std::string lemma;          // lower case; the word itself when unknown
  bool common = false;        // the lower-case form is a dictionary word
  std::vector<std::string> lemmas;  // every lemma Hunspell gives, first = lemma
};

// Hunspell's lemmas for Russian and Ukrainian. The dictionaries load on the
// first Cyrillic word (an English-only run never pays for them); analyses
// are cached. Thread-safe: Analyze() may be called from any thread.
class Morphology {
 public:
  // Checks that the four dictionary files exist under `hunspell_dir`
  // (ru_RU.aff/.dic, uk_UA.aff/.dic); NotFound naming the Debian package
  // otherwise.
  static Result<std::unique_ptr<Morphology>> Open(const std::string& hunspell_dir);
  ~Morphology();

  // The analysis of a lower-case Cyrillic word in `language`'s dictionary,
  // then the other one's. `capitalized` also tries the word with a capital
  // first letter (proper nouns: "россии" is unknown, "России" -> "россия").
  WordAnalysis Analyze(std::string_view folded, bool capitalized, Language language) const;

 private:
  Morphology() = default;
  struct Handles;
  std::string dir_;
  mutable std::mutex mu_;
  mutable std::unique_ptr<Handles> handles_;  // loaded on first use, under mu_
  mutable std::unordered_map<std::string, WordAnalysis> cache_;
};

}  // namespace sitrep

#endif  // SITREP_EXTRACT_MORPHOLOGY_H_
