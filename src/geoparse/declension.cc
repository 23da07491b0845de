#include "geoparse/declension.h"

#include <algorithm>
#include <cstdlib>

#include "core/tsv.h"
#include "core/utf8.h"

namespace sitrep {

namespace data {
extern const std::string_view kData_toponym_declension;
}  // namespace data

namespace {

constexpr size_t kCases = 5;
// Alternatives per case of a whole name: "Часов Яр" has two per word.
constexpr size_t kMaxFormsPerCase = 8;

std::u32string Decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    int len = DecodeUtf8(s, i, &cp);
    if (len == 0) len = 1;
    out.push_back(cp);
    i += len;
  }
  return out;
}

bool IsCyrillic(char32_t cp) { return cp >= 0x400 && cp < 0x530; }

// Endings and their replacements are whole UTF-8 strings, so a byte suffix
// that matches one always starts on a code point.
bool EndsWith(std::string_view word, std::string_view ending) { return word.ends_with(ending); }

// Code points in a string.
size_t Length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Cyrillic letters (or an apostrophe), the first upper-case and the rest
// lower-case, or with `lower` all lower-case ("район", "Яр" after
// "Часів"): a word we decline. "СБУ", "de" are not.
bool Declinable(std::string_view word, bool lower = false) {
  std::u32string w = Decode(word);
  if (w.size() < 2 || !IsCyrillic(w[0]) || !(IsUpper(w[0]) || lower)) return false;
  if (w.size() < 3 && !IsUpper(w[0])) return false;
  for (size_t i = 1; i < w.size(); ++i) {
    if (w[i] == U'\'' || w[i] == 0x2019 || w[i] == 0x02BC) continue;
    if (!IsCyrillic(w[i]) || !IsLetter(w[i]) || IsUpper(w[i])) return false;
  }
  return true;
}

std::vector<std::string_view> SplitOn(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t b = 0;
  while (true) {
    size_t e = s.find(sep, b);
    out.push_back(s.substr(b, e == std::string_view::npos ? std::string_view::npos : e - b));
    if (e == std::string_view::npos) break;
    b = e + 1;
  }
  return out;
}

}  // namespace

bool HasCyrillic(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    int len = DecodeUtf8(s, i, &cp);
    if (len == 0) return false;
    if (IsCyrillic(cp) && IsLetter(cp)) return true;
    i += len;
  }
  return false;
}

std::vector<NameLanguage> CyrillicNameLanguages(std::string_view name) {
  bool cyrillic = false, uk = false, ru = false;
  for (char32_t cp : Decode(name)) {
    if (IsCyrillic(cp)) cyrillic = true;
    // і ї є ґ (either case) and the apostrophe of "Куп'янськ".
    if (cp == 0x456 || cp == 0x406 || cp == 0x457 || cp == 0x407 || cp == 0x454 || cp == 0x404 || cp == 0x491 ||
        cp == 0x490 || cp == U'\'' || cp == 0x2019 || cp == 0x02BC) {
      uk = true;
    }
    // ы э ъ ё.
    if (cp == 0x44B || cp == 0x42B || cp == 0x44D || cp == 0x42D || cp == 0x44A || cp == 0x42A || cp == 0x451 ||
        cp == 0x401) {
      ru = true;
    }
  }
  if (!cyrillic) return {};
  if (!uk && !ru) {
    // Endings only one language writes ("Покровск", "Покровськ").
    const Result<Declension>& d = Declension::Builtin();
    if (d.ok()) {
      for (std::string_view w : SplitOn(name, ' ')) {
        for (const auto& [lang, ending] : d->hints_) {
          if (!w.ends_with(ending)) continue;
          (lang == NameLanguage::kUkrainian ? uk : ru) = true;
        }
      }
    }
  }
  if (uk && !ru) return {NameLanguage::kUkrainian};
  if (ru && !uk) return {NameLanguage::kRussian};
  return {NameLanguage::kRussian, NameLanguage::kUkrainian};
}

Result<Declension> Declension::Parse(std::string_view tsv) {
  Declension d;
  for (const TsvRow& r : ParseTsv(tsv)) {
    auto bad = [&](const std::string& why) {
      return Status::DataError("declension rules line " + std::to_string(r.line) + ": " + why);
    };
    NameLanguage lang;
    if (r.field(0) == "ru") {
      lang = NameLanguage::kRussian;
    } else if (r.field(0) == "uk") {
      lang = NameLanguage::kUkrainian;
    } else {
      return bad("language must be ru or uk, not '" + std::string(r.field(0)) + "'");
    }
    std::string_view kind = r.field(1);
    if (kind == "hint") {
      if (r.field(2).empty()) return bad("no ending");
      d.hints_.emplace_back(lang, std::string(r.field(2)));
      continue;
    }
    if (kind == "district_noun") {
      std::string_view g = r.field(2);
      if (g != "m" && g != "f" && g != "n") return bad("gender must be m, f or n");
      if (r.field(3).empty()) return bad("no noun");
      d.district_nouns_.push_back({lang, g == "m" ? 0 : g == "f" ? 1 : 2, std::string(r.field(3)),
                                   std::strtoll(std::string(r.field(4)).c_str(), nullptr, 10),
                                   std::string(r.field(5))});
      continue;
    }
    Rule rule;
    rule.lang = lang;
    size_t cells = kCases;
    if (kind == "noun") {
      rule.kind = Kind::kNoun;
    } else if (kind == "adj") {
      rule.kind = Kind::kAdj;
    } else if (kind == "pre") {
      rule.kind = Kind::kPre;
    } else if (kind == "district") {
      rule.kind = Kind::kDistrict;
      cells = r.fields.size() > 5 ? 3 : 2;
    } else if (kind == "compound") {
      rule.kind = Kind::kCompound;
      cells = 1;
    } else {
      return bad("kind must be noun, adj, pre, district, compound or district_noun, not '" + std::string(kind) + "'");
    }
    if (r.fields.size() < 3 + cells) {
      return bad("needs " + std::to_string(3 + cells) + " columns, has " + std::to_string(r.fields.size()));
    }
    rule.ending = std::string(r.field(2));
    for (size_t c = 0; c < cells; ++c) {
      std::vector<std::string> alts;
      for (std::string_view a : SplitList(r.field(3 + c))) {
        if (a == "=") {
          alts.push_back(rule.ending);
        } else if (a == "-") {
          alts.emplace_back();
        } else {
          alts.emplace_back(a);
        }
      }
      rule.cells.push_back(std::move(alts));
    }
    d.rules_.push_back(std::move(rule));
  }
  return d;
}

const Result<Declension>& Declension::Builtin() {
  static const Result<Declension> kRules = Parse(data::kData_toponym_declension);
  return kRules;
}

const Declension::Rule* Declension::FindOf(NameLanguage lang, Kind kind, std::string_view word) const {
  const Rule* best = nullptr;
  for (const Rule& r : rules_) {
    if (r.lang != lang || r.kind != kind || !EndsWith(word, r.ending)) continue;
    // A stem is left: two letters after the empty ending ("Яр"), one
    // after another ("Ріг" -> "Р" + "огу").
    if (Length(word) < Length(r.ending) + (r.ending.empty() ? 2 : 1)) continue;
    if (best == nullptr || r.ending.size() > best->ending.size()) best = &r;
  }
  return best;
}

const Declension::Rule* Declension::Find(NameLanguage lang, std::string_view word, bool last) const {
  const Rule* adj = FindOf(lang, Kind::kAdj, word);
  if (last) {
    const Rule* noun = FindOf(lang, Kind::kNoun, word);
    if (noun == nullptr) return adj;
    if (adj == nullptr) return noun;
    return adj->ending.size() > noun->ending.size() ? adj : noun;
  }
  const Rule* pre = FindOf(lang, Kind::kPre, word);
  const Rule* best = pre;
  if (adj != nullptr && (best == nullptr || adj->ending.size() > best->ending.size())) best = adj;
  return best != nullptr ? best : FindOf(lang, Kind::kNoun, word);
}

std::vector<std::vector<std::string>> Declension::WordForms(NameLanguage lang, std::string_view word, bool last,
                                                            bool first) const {
  std::vector<std::vector<std::string>> out(kCases, std::vector<std::string>{std::string(word)});
  // "Ростов-на-Дону": the part before a lower-case part declines;
  // "Каменск-Шахтинский": every part.
  std::vector<std::string_view> parts = SplitOn(word, '-');
  if (parts.size() > 1) {
    // The parts before the first lower-case one decline, the rest stand.
    std::vector<std::vector<std::vector<std::string>>> per_part;
    bool frozen = false;
    for (std::string_view part : parts) {
      frozen = frozen || !Declinable(part);
      per_part.push_back(frozen ? std::vector<std::vector<std::string>>(kCases, {std::string(part)})
                                : WordForms(lang, part, true, true));
    }
    for (size_t c = 0; c < kCases; ++c) {
      std::vector<std::string> acc = {""};
      for (size_t p = 0; p < per_part.size(); ++p) {
        std::vector<std::string> next;
        for (const std::string& a : acc) {
          for (const std::string& f : per_part[p][c]) {
            if (next.size() < kMaxFormsPerCase) next.push_back(p == 0 ? f : a + "-" + f);
          }
        }
        acc = std::move(next);
      }
      out[c] = std::move(acc);
    }
    return out;
  }
  if (!Declinable(word, !first)) return out;
  const Rule* r = Find(lang, word, last);
  if (r == nullptr) return out;
  std::string_view stem = word.substr(0, word.size() - r->ending.size());
  for (size_t c = 0; c < kCases; ++c) {
    out[c].clear();
    for (const std::string& rep : r->cells[c]) out[c].push_back(std::string(stem) + rep);
    // An empty cell: no form in that case, the word stands.
    if (out[c].empty()) out[c].push_back(std::string(word));
  }
  return out;
}

std::vector<NameLanguage> Declension::Languages(std::string_view name, bool russian_only) const {
  std::vector<NameLanguage> langs = CyrillicNameLanguages(name);
  if (russian_only && langs.size() == 2) langs = {NameLanguage::kRussian};
  return langs;
}

std::vector<std::string> Declension::Forms(std::string_view name, bool russian_only) const {
  std::vector<std::string> out;
  std::vector<NameLanguage> langs = Languages(name, russian_only);
  if (langs.empty()) return out;
  std::vector<std::string_view> words = SplitOn(name, ' ');
  if (words.size() > 3) return out;
  for (NameLanguage lang : langs) {
    std::vector<std::vector<std::vector<std::string>>> per_word;
    for (size_t w = 0; w < words.size(); ++w) {
      per_word.push_back(WordForms(lang, words[w], w + 1 == words.size(), w == 0));
    }
    for (size_t c = 0; c < kCases; ++c) {
      std::vector<std::string> acc = {""};
      for (size_t w = 0; w < per_word.size(); ++w) {
        std::vector<std::string> next;
        for (const std::string& a : acc) {
          for (const std::string& f : per_word[w][c]) {
            if (next.size() < kMaxFormsPerCase) next.push_back(w == 0 ? f : a + " " + f);
          }
        }
        acc = std::move(next);
      }
      for (std::string& f : acc) {
        if (f != name && std::find(out.begin(), out.end(), f) == out.end()) out.push_back(std::move(f));
      }
    }
  }
  return out;
}

std::vector<std::string> Declension::DistrictNames(std::string_view name, int64_t population,
                                                   std::string_view country) const {
  bool russian_only = country == "RUS";
  std::vector<std::string> out;
  std::vector<std::string_view> words = SplitOn(name, ' ');
  if (words.empty() || words.size() > 2 || name.find('-') != std::string_view::npos) return out;
  for (NameLanguage lang : Languages(name, russian_only)) {
    std::string prefix;
    std::string_view head = words.back();
    if (words.size() == 2) {
      // "Велика Писарівка" -> "Велико" + "писарівська".
      if (!Declinable(words[0])) continue;
      const Rule* c = FindOf(lang, Kind::kCompound, words[0]);
      if (c == nullptr || c->cells[0].empty()) continue;
      prefix = std::string(words[0].substr(0, words[0].size() - c->ending.size())) + c->cells[0][0];
    }
    if (!Declinable(head)) continue;
    const Rule* r = FindOf(lang, Kind::kDistrict, head);
    if (r == nullptr) continue;
    std::string stem(head.substr(0, head.size() - r->ending.size()));
    if (!prefix.empty()) stem = prefix + FoldCase(stem);
    for (const DistrictNoun& n : district_nouns_) {
      if (n.lang != lang || population < n.min_population || (!n.country.empty() && n.country != country)) continue;
      if (static_cast<size_t>(n.gender) >= r->cells.size()) continue;
      for (const std::string& rep : r->cells[n.gender]) {
        std::string d = stem + rep + " " + n.noun;
        if (std::find(out.begin(), out.end(), d) == out.end()) out.push_back(std::move(d));
      }
    }
  }
  return out;
}

std::vector<std::string> Declension::Lemmas(std::string_view word) const {
  std::vector<std::string> out = {std::string(word)};
  if (!Declinable(word)) return out;
  for (const Rule& r : rules_) {
    if (r.kind != Kind::kNoun && r.kind != Kind::kAdj) continue;
    for (const auto& cell : r.cells) {
      for (const std::string& rep : cell) {
        if (rep == r.ending || !EndsWith(word, rep)) continue;
        std::string lemma = std::string(word.substr(0, word.size() - rep.size())) + r.ending;
        if (Length(lemma) < 3) continue;
        if (std::find(out.begin(), out.end(), lemma) == out.end()) out.push_back(std::move(lemma));
      }
    }
  }
  return out;
}

}  // namespace sitrep
