#include "extract/morphology.h"

#include <hunspell/hunspell.h>
#include <libstemmer.h>

#include <filesystem>

#include "core/utf8.h"

namespace sitrep {

Language LanguageFromCode(std::string_view code) {
  if (code == "ru") return Language::kRussian;
  if (code == "uk") return Language::kUkrainian;
  return Language::kEnglish;
}

namespace {

constexpr size_t kMaxCachedWords = 1 << 20;

bool IsCyrillic(char32_t cp) { return cp >= 0x0400 && cp <= 0x052F; }

// The word with its first letter in upper case (Cyrillic only).
std::string Capitalize(std::string_view folded) {
  char32_t cp = 0;
  int len = DecodeUtf8(folded, 0, &cp);
  if (len <= 0) return std::string(folded);
  if (cp >= 0x0430 && cp <= 0x044F) cp -= 0x20;
  else if (cp >= 0x0450 && cp <= 0x045F) cp -= 0x50;
  else if (cp == 0x0491) cp = 0x0490;
  std::string out;
  AppendUtf8(&out, cp);
  out.append(folded.substr(len));
  return out;
}

}  // namespace

bool IsCyrillicWord(std::string_view word) {
  char32_t cp = 0;
  return !word.empty() && DecodeUtf8(word, 0, &cp) > 0 && IsCyrillic(cp);
}

RussianStemmer::RussianStemmer() : stemmer_(sb_stemmer_new("russian", "UTF_8")) {}
RussianStemmer::~RussianStemmer() {
  if (stemmer_ != nullptr) sb_stemmer_delete(stemmer_);
}

std::string RussianStemmer::Stem(std::string_view folded) {
  if (stemmer_ == nullptr || !IsCyrillicWord(folded)) return std::string(folded);
  const sb_symbol* s = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(folded.data()),
                                       static_cast<int>(folded.size()));
  if (s == nullptr) return std::string(folded);
  return std::string(reinterpret_cast<const char*>(s), static_cast<size_t>(sb_stemmer_length(stemmer_)));
}

struct Morphology::Handles {
  Hunhandle* ru = nullptr;
  Hunhandle* uk = nullptr;
  ~Handles() {
    if (ru != nullptr) Hunspell_destroy(ru);
    if (uk != nullptr) Hunspell_destroy(uk);
  }
};

Result<std::unique_ptr<Morphology>> Morphology::Open(const std::string& dir) {
  for (const char* name : {"ru_RU.aff", "ru_RU.dic", "uk_UA.aff", "uk_UA.dic"}) {
    std::error_code ec;
    std::string path = dir + "/" + name;
    if (!std::filesystem::is_regular_file(path, ec)) {
      const char* package = name[0] == 'r' ? "hunspell-ru" : "hunspell-uk";
      return Status::NotFound("Hunspell dictionary " + path + " not found: apt-get install " + package +
                              " (or run scripts/setup), or set SITREP_HUNSPELL_DIR");
    }
  }
  std::unique_ptr<Morphology> m(new Morphology());
  m->dir_ = dir;
  return m;
}

Morphology::~Morphology() = default;

WordAnalysis Morphology::Analyze(std::string_view folded, bool capitalized, Language language) const {
  std::string key(folded);
  key.push_back(language == Language::kUkrainian ? 'u' : 'r');
  key.push_back(capitalized ? 'C' : 'c');
  std::lock_guard<std::mutex> lock(mu_);
  auto it = cache_.find(key);
  if (it != cache_.end()) return it->second;
  if (handles_ == nullptr) {
    handles_ = std::make_unique<Handles>();
    handles_->ru = Hunspell_create((dir_ + "/ru_RU.aff").c_str(), (dir_ + "/ru_RU.dic").c_str());
    handles_->uk = Hunspell_create((dir_ + "/uk_UA.aff").c_str(), (dir_ + "/uk_UA.dic").c_str());
  }
  Hunhandle* first = language == Language::kUkrainian ? handles_->uk : handles_->ru;
  Hunhandle* second = language == Language::kUkrainian ? handles_->ru : handles_->uk;
  WordAnalysis out;
  auto stems = [&](Hunhandle* h, const std::string& word) {
    std::vector<std::string> found;
    if (h == nullptr) return found;
    char** list = nullptr;
    int n = Hunspell_stem(h, &list, word.c_str());
    for (int i = 0; i < n; ++i) found.push_back(FoldCase(list[i]));
    Hunspell_free_list(h, &list, n);
    return found;
  };
  std::string word(folded);
  for (Hunhandle* h : {first, second}) {
    out.lemmas = stems(h, word);
    if (!out.lemmas.empty()) {
      out.common = true;
      break;
    }
    if (capitalized) {
      out.lemmas = stems(h, Capitalize(folded));
      if (!out.lemmas.empty()) break;
    }
  }
  out.lemma = out.lemmas.empty() ? word : out.lemmas.front();
  // A word list of every form met is bounded by the languages' vocabulary,
  // but a corpus of typos and names is not: start over past a million.
  if (cache_.size() >= kMaxCachedWords) cache_.clear();
  cache_.emplace(std::move(key), out);
  return out;
}

}  // namespace sitrep
