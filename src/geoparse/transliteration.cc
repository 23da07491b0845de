#include "geoparse/transliteration.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <mutex>

#include "core/utf8.h"

namespace sitrep {

namespace {

// ICU transliterators are not thread-safe: one of each, behind a lock (the
// geoparser asks only about words nothing else explained).
struct Transforms {
  std::mutex mu;
  std::unique_ptr<icu::Transliterator> russian, ukrainian, from_latin;
  Transforms() {
    UErrorCode err = U_ZERO_ERROR;
    russian.reset(icu::Transliterator::createInstance("Russian-Latin/BGN", UTRANS_FORWARD, err));
    if (U_FAILURE(err)) russian.reset();
    err = U_ZERO_ERROR;
    ukrainian.reset(icu::Transliterator::createInstance("Ukrainian-Latin/BGN", UTRANS_FORWARD, err));
    if (U_FAILURE(err)) ukrainian.reset();
    err = U_ZERO_ERROR;
    from_latin.reset(icu::Transliterator::createInstance("Latin-Russian/BGN", UTRANS_FORWARD, err));
    if (U_FAILURE(err)) from_latin.reset();
  }
};

Transforms& Get() {
  static Transforms t;
  return t;
}

}  // namespace

std::vector<std::string> LatinSpellings(std::string_view word, NameLanguage lang) {
  std::vector<std::string> out;
  if (!HasCyrillic(word)) return out;
  std::vector<std::string> inputs = {std::string(word)};
  if (lang == NameLanguage::kUkrainian) {
    // й inside a word as і: the national system writes "i" where BGN writes "y".
    std::string alt(word);
    bool changed = false;
    for (size_t at = 2; (at = alt.find("й", at)) != std::string::npos;) {
      alt.replace(at, 2, "і");
      changed = true;
    }
    if (changed) inputs.push_back(alt);
  }
  Transforms& t = Get();
  std::lock_guard<std::mutex> lock(t.mu);
  icu::Transliterator* tr = lang == NameLanguage::kRussian ? t.russian.get() : t.ukrainian.get();
  if (tr == nullptr) return out;
  for (const std::string& in : inputs) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(in);
    tr->transliterate(u);
    std::string latin;
    u.toUTF8String(latin);
    // BGN's primes (ʹ ʺ) for ь and ъ: GeoNames drops them ("Pokrovsk") or
    // writes an apostrophe ("Yats'kivka").
    std::string dropped, apostrophe;
    for (size_t i = 0; i < latin.size();) {
      char32_t cp;
      int len = DecodeUtf8(latin, i, &cp);
      if (len == 0) break;
      i += len;
      if (cp == 0x02B9 || cp == 0x02BA) {
        apostrophe.push_back('\'');
        continue;
      }
      AppendUtf8(&dropped, cp);
      AppendUtf8(&apostrophe, cp);
    }
    for (const std::string& v : {dropped, apostrophe}) {
      std::string folded = FoldCase(v);
      if (std::find(out.begin(), out.end(), folded) == out.end()) out.push_back(std::move(folded));
    }
  }
  return out;
}

std::string RussianFromLatin(std::string_view latin) {
  // GeoNames writes BGN's prime (ʹ, the soft sign) as an apostrophe.
  std::string in;
  for (size_t i = 0; i < latin.size();) {
    char32_t cp;
    int len = DecodeUtf8(latin, i, &cp);
    if (len == 0) return "";
    i += len;
    if (cp == U'\'' || cp == 0x2019) cp = 0x02B9;
    if (cp == 0x201D) cp = 0x02BA;
    AppendUtf8(&in, cp);
  }
  Transforms& t = Get();
  std::lock_guard<std::mutex> lock(t.mu);
  if (t.from_latin == nullptr || t.russian == nullptr) return "";
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(in);
  t.from_latin->transliterate(u);
  std::string cyrillic;
  u.toUTF8String(cyrillic);
  // Back again: a name in another system ("Velyka") comes back the same
  // too, but one with letters BGN does not write does not.
  icu::UnicodeString back = u;
  t.russian->transliterate(back);
  std::string again;
  back.toUTF8String(again);
  std::string want = FoldCase(latin), got = FoldCase(again);
  std::erase(want, '\'');
  for (const char* prime : {"\u02B9", "\u02BA"}) {
    for (size_t at; (at = got.find(prime)) != std::string::npos;) got.erase(at, 2);
  }
  if (got != want) return "";
  for (size_t i = 0; i < cyrillic.size();) {
    char32_t cp;
    int len = DecodeUtf8(cyrillic, i, &cp);
    if (len == 0) return "";
    i += len;
    // Every letter Cyrillic: no Latin left over.
    if (IsLetter(cp) && !(cp >= 0x400 && cp < 0x530)) return "";
  }
  return cyrillic;
}

}  // namespace sitrep
