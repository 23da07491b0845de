#include "core/utf8.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <span>
#include <vector>

namespace sitrep {

int DecodeUtf8(std::string_view s, size_t i, char32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  unsigned char c = p[i];
  *cp = 0xFFFD;
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  int len;
  char32_t v;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    v = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    v = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    v = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > n) return 0;
  for (int k = 1; k < len; ++k) {
    unsigned char cc = p[i + k];
    if ((cc & 0xC0) != 0x80) return 0;
    v = (v << 6) | (cc & 0x3F);
  }
  // Reject overlong forms, surrogates and values past U+10FFFF.
  static constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  if (v < kMin[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
  *cp = v;
  return len;
}

void AppendUtf8(std::string* out, char32_t cp) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

size_t InvalidUtf8At(std::string_view s, size_t from) {
  size_t i = from;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp;
    const int len = DecodeUtf8(s, i, &cp);
    if (len == 0) return i;
    i += static_cast<size_t>(len);
  }
  return s.size();
}

Utf8Repair RepairUtf8(std::string* s) {
  Utf8Repair r;
  for (size_t i = InvalidUtf8At(*s); i < s->size(); i = InvalidUtf8At(*s, i + 1)) {
    if (r.bad_bytes == 0) r.first_bad_offset = i;
    ++r.bad_bytes;
    (*s)[i] = '?';
  }
  return r;
}

bool IsLetter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(cp));
}

bool IsUpper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}

bool IsDigit(char32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return u_isdigit(static_cast<UChar32>(cp));
}

bool IsSpace(char32_t cp) {
  if (cp < 0x80) return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v';
  return u_isUWhiteSpace(static_cast<UChar32>(cp));
}

namespace {

bool IsTypographicApostrophe(char32_t cp) {
  return cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x0060 || cp == 0x00B4;
}

}  // namespace

std::string FoldCase(std::string_view s) {
  bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii) {
    std::string out(s);
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
    return out;
  }
  std::string out;
  out.reserve(s.size());
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(err);
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    int len = DecodeUtf8(s, i, &cp);
    if (len == 0) len = 1;
    i += len;
    if (IsTypographicApostrophe(cp)) {
      out.push_back('\'');
      continue;
    }
    cp = static_cast<char32_t>(u_foldCase(static_cast<UChar32>(cp), U_FOLD_CASE_DEFAULT));
    // Strip diacritics from Latin letters only (é -> e, ž -> z).
    if (cp >= 0xC0 && cp < 0x250 && U_SUCCESS(err)) {
      icu::UnicodeString decomposed;
      UErrorCode e2 = U_ZERO_ERROR;
      nfd->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), decomposed, e2);
      if (U_SUCCESS(e2) && decomposed.length() > 0) {
        cp = static_cast<char32_t>(decomposed.char32At(0));
      }
    }
    AppendUtf8(&out, cp);
  }
  return out;
}

namespace {

std::u32string ToU32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    char32_t cp;
    int len = DecodeUtf8(s, i, &cp);
    i += len ? len : 1;
    out.push_back(cp);
  }
  return out;
}

}  // namespace

int EditDistance(std::string_view a8, std::string_view b8, int max_distance) {
  // Names are short: decode into stack buffers, fall back to the heap.
  constexpr size_t kStack = 64;
  char32_t abuf[kStack], bbuf[kStack];
  std::u32string aheap, bheap;
  std::u32string_view a, b;
  auto decode = [](std::string_view s, char32_t* buf, std::u32string* heap) -> std::u32string_view {
    if (s.size() > kStack) {
      *heap = ToU32(s);
      return *heap;
    }
    size_t n = 0;
    for (size_t i = 0; i < s.size();) {
      char32_t cp;
      int len = DecodeUtf8(s, i, &cp);
      i += len ? len : 1;
      buf[n++] = cp;
    }
    return {buf, n};
  };
  a = decode(a8, abuf, &aheap);
  b = decode(b8, bbuf, &bheap);
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  if (std::abs(n - m) > max_distance) return max_distance + 1;
  int rows[3][kStack + 1];
  std::vector<int> heap_rows;
  int* prev2_p = rows[0];
  int* prev_p = rows[1];
  int* cur_p = rows[2];
  if (static_cast<size_t>(m) > kStack) {
    heap_rows.assign(3 * (m + 1), 0);
    prev2_p = heap_rows.data();
    prev_p = prev2_p + m + 1;
    cur_p = prev_p + m + 1;
  }
  std::span<int> prev2(prev2_p, m + 1), prev(prev_p, m + 1), cur(cur_p, m + 1);
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      int v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, prev2[j - 2] + 1);
      }
      cur[j] = v;
      row_min = std::min(row_min, v);
    }
    if (row_min > max_distance) return max_distance + 1;
    std::span<int> t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return std::min(prev[m], max_distance + 1);
}

std::string Printable(std::string_view s, size_t max_bytes, bool one_line) {
  std::string out;
  out.reserve(std::min(s.size(), max_bytes) + 8);
  auto escape = [&out](unsigned char b) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\x";
    out += kHex[b >> 4];
    out += kHex[b & 15];
  };
  size_t i = 0;
  while (i < s.size()) {
    char32_t cp;
    int len = DecodeUtf8(s, i, &cp);
    if (i + std::max(len, 1) > max_bytes) {
      out += "\u2026";  // …
      return out;
    }
    if (len == 0) {
      escape(static_cast<unsigned char>(s[i]));
      ++i;
      continue;
    }
    const bool layout = cp == '\n' || cp == '\t' || (cp == '\r' && i + 1 < s.size() && s[i + 1] == '\n');
    if ((cp < 0x20 && !(layout && !one_line)) || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
      for (int k = 0; k < len; ++k) escape(static_cast<unsigned char>(s[i + k]));
    } else {
      out.append(s, i, len);
    }
    i += len;
  }
  return out;
}

}  // namespace sitrep
