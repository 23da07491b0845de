#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "extract/lexicons.h"
#include "extract/mentions.h"
#include "extract/morphology.h"
#include "text/segmenter.h"

namespace sitrep {

namespace {

const std::unordered_map<std::string_view, double>& NumberWordTable() {
  static const std::unordered_map<std::string_view, double> kWords = {
      {"one", 1},        {"two", 2},          {"three", 3},      {"four", 4},       {"five", 5},
      {"six", 6},        {"seven", 7},        {"eight", 8},      {"nine", 9},       {"ten", 10},
      {"eleven", 11},    {"twelve", 12},      {"thirteen", 13},  {"fourteen", 14},  {"fifteen", 15},
      {"sixteen", 16},   {"seventeen", 17},   {"eighteen", 18},  {"nineteen", 19},  {"twenty", 20},
      {"thirty", 30},    {"forty", 40},       {"fifty", 50},     {"sixty", 60},     {"seventy", 70},
      {"eighty", 80},    {"ninety", 90},      {"hundred", 100},  {"thousand", 1000}, {"million", 1e6},
      {"billion", 1e9},  {"dozen", 12}};
  return kWords;
}

}  // namespace

const std::vector<std::string_view>& NumberWords() {
  static const std::vector<std::string_view> kList = [] {
    std::vector<std::string_view> v = {"dozens", "hundreds", "thousands", "millions", "tens"};
    for (const auto& [w, n] : NumberWordTable()) v.push_back(w);
    return v;
  }();
  return kList;
}

double NumberWordValue(std::string_view w) {
  const auto& kWords = NumberWordTable();
  auto it = kWords.find(w);
  if (it != kWords.end()) return it->second;
  // "twenty-five"
  size_t dash = w.find('-');
  if (dash != std::string_view::npos) {
    auto a = kWords.find(w.substr(0, dash));
    auto b = kWords.find(w.substr(dash + 1));
    if (a != kWords.end() && b != kWords.end() && a->second >= 20 && a->second < 100 && b->second < 10) {
      return a->second + b->second;
    }
  }
  return -1;
}

namespace {

struct UnitInfo {
  const char* unit;
  const char* si_unit;  // empty: not converted
  double factor;
};

// Units of measure, keyed by NameKey of their spellings.
const std::unordered_map<std::string, UnitInfo>& Units() {
  static const auto* units = [] {
    auto* m = new std::unordered_map<std::string, UnitInfo>();
    auto add = [&](std::initializer_list<const char*> names, UnitInfo u) {
      for (const char* n : names) m->emplace(NameKey(n), u);
    };
    add({"square miles", "square mile", "sq mi", "sq. mi.", "sq miles", "square-mile", "square-miles"},
        {"sq mi", "km2", 2.589988110336});
    add({"square kilometers", "square kilometres", "square kilometer", "square kilometre", "sq km",
         "km2", "km²", "square km", "square-kilometer", "square-kilometre"},
        {"km2", "km2", 1});
    add({"hectares", "hectare", "ha"}, {"ha", "km2", 0.01});
    add({"acres", "acre"}, {"acres", "km2", 0.00404685642});
    add({"kilometers", "kilometres", "kilometer", "kilometre", "km"}, {"km", "km", 1});
    add({"miles", "mile", "mi"}, {"mi", "km", 1.609344});
    add({"meters", "metres", "meter", "metre", "m"}, {"m", "km", 0.001});
    add({"feet", "foot", "ft"}, {"ft", "km", 0.0003048});
    add({"tons", "tonnes", "ton", "tonne"}, {"t", "kg", 1000});
    add({"kilograms", "kilogram", "kg"}, {"kg", "kg", 1});
    add({"years", "year"}, {"years", "", 0});
    add({"months", "month"}, {"months", "", 0});
    add({"weeks", "week"}, {"weeks", "", 0});
    add({"days", "day"}, {"days", "", 0});
    add({"hours", "hour"}, {"hours", "", 0});
    add({"minutes", "minute"}, {"minutes", "", 0});
    add({"percent", "per cent", "%"}, {"percent", "", 0});
    add({"dollars", "dollar", "usd"}, {"USD", "", 0});
    add({"euros", "euro"}, {"EUR", "", 0});
    add({"rubles", "roubles"}, {"RUB", "", 0});
    add({"hryvnias", "hryvnia", "hryvnia"}, {"UAH", "", 0});
    return m;
  }();
  return *units;
}

bool IsPeopleNoun(std::string_view w) {
  static constexpr std::string_view kPeople[] = {
      "people", "civilians", "residents", "persons", "soldiers", "troops", "servicemen",
      "fighters", "refugees", "children", "women", "men", "casualties", "dead", "wounded",
      "killed", "injured", "prisoners", "pows", "evacuees", "inhabitants", "citizens",
      "personnel", "lives", "troopers", "conscripts", "recruits", "migrants", "hostages",
      "volunteers", "mercenaries", "militants", "victims", "workers", "students", "patients"};
  for (auto p : kPeople) {
    if (w == p) return true;
  }
  return false;
}

// Words that end the noun phrase after a number.
bool EndsNounPhrase(std::string_view w) {
  static constexpr std::string_view kStops[] = {
      "in", "on", "at", "to", "from", "near", "across", "with", "by", "for", "since", "into",
      "over", "after", "before", "during", "were", "was", "have", "has", "had", "are", "is",
      "be", "been", "who", "which", "that", "as", "than", "per", "while", "along", "around",
      "against", "inside", "including", "under", "or", "but", "when", "where", "within", "this",
      "its", "their", "his", "her", "said", "says", "according", "without", "remain", "remained",
      "remains", "will", "would", "could", "can", "may", "might", "must", "should", "did", "do",
      "does", "not", "also", "still", "only", "each", "more", "less", "of", "before", "since",
      "now", "left", "fell", "rose", "died", "across", "out", "off", "up", "down", "back"};
  for (auto s : kStops) {
    if (w == s) return true;
  }
  return w.size() > 4 && (w.ends_with("ing") || w.ends_with("ed"));
}

// The bound words just before the number at token i (quantity_bounds.tsv),
// matched longest first: English ones, or Russian and Ukrainian ones.
BoundMatch BoundBefore(const Analysis& a, size_t i, std::initializer_list<std::string_view> languages) {
  return a.lex.MatchBoundBefore(a.folded, i, languages);
}

// A numeral in a token: "2,000" -> 2000, "1.5" -> 1.5; -1 when not one.
double NumberToken(std::string_view t) {
  std::string digits;
  for (char c : t) {
    if (c == ',') continue;
    if ((c < '0' || c > '9') && c != '.') return -1;
    digits.push_back(c);
  }
  if (digits.empty() || digits.front() == '.' || digits.back() == '.') return -1;
  return std::strtod(digits.c_str(), nullptr);
}

class QuantityFinder {
 public:
  QuantityFinder(const Analysis& a, const std::vector<DateFound>& dates) : a_(a) {
    in_date_.assign(a.token_count(), false);
    for (const DateFound& d : dates) {
      for (size_t k = d.token_begin; k < d.token_end; ++k) in_date_[k] = true;
    }
  }

  std::vector<QuantityFound> Run() {
    std::vector<QuantityFound> out;
    for (size_t i = 0; i < a_.token_count();) {
      QuantityFound q;
      size_t next = MatchAt(i, &q);
      if (next > i) {
        q.quantity.span = a_.TokenSpan(q.token_begin, q.token_end);
        q.quantity.text = std::string(a_.SpanText(q.quantity.span));
        out.push_back(std::move(q));
        i = next;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  const Analysis& a_;
  std::vector<bool> in_date_;

  const std::string& W(size_t i) const {
    static const std::string kEmpty;
    return i < a_.folded.size() ? a_.folded[i] : kEmpty;
  }

  // A Russian or Ukrainian number word at i (numbers.tsv), by its folded
  // form or lemma; null when none.
  const NumberWord* Num(size_t i) const {
    if (i >= a_.token_count() || !a_.IsWord(i)) return nullptr;
    const NumberWord* n = a_.lex.FindNumber(W(i));
    return n != nullptr ? n : a_.lex.FindNumber(a_.L(i));
  }

  // Russian and Ukrainian adjectives and participles, by their endings:
  // they modify the counted noun ("семь украинских беспилотников").
  static bool LooksAdjective(std::string_view w) {
    static constexpr std::string_view kEndings[] = {
        "ых", "их", "ый", "ий", "ій", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому",
        "ему", "ым", "им", "ую", "юю", "ыми", "ими", "ої", "ня",
        // Ukrainian plurals: "приватні", "житлові", "російські"
        "ні", "ві", "кі"};
    if (w.size() < 6) return false;  // three letters at least
    for (auto e : kEndings) {
      if (w.ends_with(e) && !(e == "ня" && !w.ends_with("ння"))) return e != "ня";
    }
    return false;
  }

  // A modifier of the counted noun: an adjective by its ending, or a word
  // whose dictionary lemma is an adjective's ("керовану" -> керований).
  bool SlavicModifier(size_t k) const {
    if (LooksAdjective(W(k))) return true;
    if (!a_.Has(k, kCommonWord)) return false;
    const std::string& l = a_.L(k);
    return l != W(k) && l.size() >= 8 && (l.ends_with("ий") || l.ends_with("ій") || l.ends_with("ый"));
  }

  // "747 070 (+1 590) осіб": a bracketed change after a count stands
  // between the count and its noun. Returns the token after ')' or k.
  size_t SkipBracketedChange(size_t k) const {
    if (!a_.IsPunct(k, U'(')) return k;
    for (size_t j = k + 1; j < a_.token_count() && j < k + 6; ++j) {
      if (a_.IsPunct(j, U')')) return j > k + 1 ? j + 1 : k;
      if (a_.token(j).kind != TokenKind::kNumber && !a_.IsPunct(j, U'+') && !a_.IsPunct(j, U'-') &&
          !a_.IsPunct(j, 0x2212)) {
        return k;
      }
    }
    return k;
  }

  // True when token k follows token k - 1 after one space, no-break space
  // or narrow no-break space: a group of thousands ("893 340").
  bool GroupGap(size_t k) const {
    std::string_view gap = a_.text.substr(a_.token(k - 1).end, a_.token(k).begin - a_.token(k - 1).end);
    return gap == " " || gap == "\u00A0" || gap == "\u202F";
  }

  // Russian and Ukrainian counts and measures: "семь украинских
  // беспилотников" (unit беспилотник), "двое мирных жителей" (people), "25
  // тысяч", "1,5 млн гривен", "более 40 км". Ages ("40-летний") and clock
  // times ("в 14:30") are no quantities. Returns the token after the
  // quantity (== i when there is none).
  size_t SlavicMatchAt(size_t i, QuantityFound* q) {
    const Token& t = a_.token(i);
    double value = -1;
    bool vague = false, collective = false;
    size_t end = i + 1;
    if (t.kind == TokenKind::kNumber) {
      std::string_view text = a_.TokenText(i);
      if (text.find('-') != std::string_view::npos) {
        // "40-летний", "18-річний": an age; "5-этажный": a description.
        return i;
      }
      // Clock times: "14:30", "в 14.30".
      if (a_.IsPunct(i + 1, U':') || (i > 0 && a_.IsPunct(i - 1, U':') && i > 1 &&
                                      a_.token(i - 2).kind == TokenKind::kNumber)) {
        return i;
      }
      // "15.03.25" is a date the date finder did not take, not a number.
      if (std::count(text.begin(), text.end(), '.') > 1) return i;
      // A decimal comma: "1,5 млн".
      std::string digits(text);
      size_t comma = digits.rfind(',');
      if (comma != std::string::npos && digits.size() - comma - 1 != 3) digits[comma] = '.';
      value = NumberToken(digits);
      if (value < 0) return i;
      // Thousands written apart with a (no-break) space: "893 340".
      while (end < a_.token_count() && a_.token(end).kind == TokenKind::kNumber && a_.TokenText(end).size() == 3 &&
             GroupGap(end) && value < 1e6 && digits.find_first_of(".,") == std::string::npos) {
        double group = NumberToken(a_.TokenText(end));
        if (group < 0) break;
        value = value * 1000 + group;
        ++end;
      }
      if (end == i + 1 && value >= 1900 && value <= 2100 && text.size() == 4) return i;
    } else if (const NumberWord* n = Num(i)) {
      value = n->value;
      vague = n->kind == NumberWord::Kind::kVague;
      const std::string& l = a_.L(i);
      collective = n->kind == NumberWord::Kind::kNumber && n->value >= 2 && n->value <= 10 &&
                   (W(i).ends_with("ое") || W(i).ends_with("еро") || W(i).ends_with("оє") ||
                    W(i).ends_with("ерых") || W(i).ends_with("оих") || l.ends_with("еро"));
    } else {
      return i;
    }
    // "25 тысяч", "1,5 млн", "сотни тысяч".
    if (const NumberWord* scale = Num(end); scale != nullptr && scale->kind == NumberWord::Kind::kScale) {
      value *= scale->value;
      ++end;
      if (a_.IsPunct(end, U'.') && W(end - 1).size() <= 8) ++end;  // "тыс."
    }
    BoundMatch bound = BoundBefore(a_, i, {"ru", "uk"});
    QuantityBound bound_name = bound.bound;
    if (vague && bound.words == 0) bound_name = QuantityBound::kAtLeast;
    // The unit: a listed unit or person noun, else the counted noun.
    std::string unit;
    const UnitWord* info = nullptr;
    size_t u = SkipBracketedChange(end);
    // "25 із 30 ударних безпілотників": 25 counts what 30 does.
    bool of_total = a_.lex.IsFunctionWord(W(u), FunctionClass::kOfTotal) && u + 1 < a_.token_count() &&
                    a_.token(u + 1).kind == TokenKind::kNumber;
    if (of_total) u += 2;
    for (size_t n = 2; n >= 1 && info == nullptr; --n) {
      if (u + n > a_.token_count()) continue;
      std::string key;
      for (size_t k = 0; k < n; ++k) {
        if (!a_.IsWord(u + k) && !a_.IsPunct(u + k, U'%')) {
          key.clear();
          break;
        }
        if (k) key.push_back(' ');
        key += W(u + k);
      }
      if (key.empty()) continue;
      if ((info = a_.lex.FindUnit(key)) != nullptr && !of_total) end = u + n;
    }
    if (info == nullptr) {
      // Skip modifiers to the counted noun; stop at function words.
      size_t k = u;
      uint32_t sentence = a_.sentence_of[i];
      while (k < a_.token_count() && k < u + 4 && a_.sentence_of[k] == sentence && a_.IsWord(k) &&
             !a_.Has(k, kStopWord) && SlavicModifier(k) && IsCyrillicWord(W(k))) {
        ++k;
      }
      if (k < a_.token_count() && a_.sentence_of[k] == sentence && a_.IsWord(k) && !a_.Has(k, kStopWord) &&
          IsCyrillicWord(W(k)) && !in_date_[k] && a_.lex.FindSpeechVerb(a_.L(k)) == nullptr) {
        if (const UnitWord* person = a_.lex.FindUnit(W(k))) {
          info = person;
        } else {
          // A word the dictionary knows gets its lemma; an unknown one its
          // Snowball stem ("беспилотников" -> "беспилотник").
          unit = a_.Has(k, kCommonWord) ? a_.L(k) : a_.stem[k];
        }
      }
    }
    if (info != nullptr) {
      unit = info->unit;
      if (!info->si_unit.empty()) {
        q->quantity.value_in_si = value * info->factor;
        q->quantity.si_unit = info->si_unit;
      }
    }
    // "ранены двое", "шестеро госпитализированы": collective numbers count people.
    if (collective) unit = "people";
    // "два года назад", "три дня спустя": a time, not a count.
    if (a_.lex.IsFunctionWord(W(end), FunctionClass::kAgo)) return i;
    if (unit.empty() && bound.words == 0 && !vague) return i;
    q->quantity.unit = unit;
    q->quantity.value = value;
    q->quantity.bound = bound_name;
    q->token_begin = i - bound.words;
    q->token_end = end;
    return end;
  }

  // Returns the token after the quantity (== i when there is none).
  size_t MatchAt(size_t i, QuantityFound* q) {
    if (in_date_[i]) return i;
    if (a_.Slavic()) {
      if (a_.token(i).kind == TokenKind::kNumber || (a_.IsWord(i) && IsCyrillicWord(W(i)))) {
        return SlavicMatchAt(i, q);
      }
    }
    const Token& t = a_.token(i);
    const std::string& w = W(i);
    double value = -1;
    bool vague = false;  // "hundreds of thousands": a lower bound
    bool approx_word = false;
    size_t end = i + 1;
    std::string_view compound_rest;  // "kilometer-long" after "thousand-"
    if (t.kind == TokenKind::kNumber) {
      std::string_view text = a_.TokenText(i);
      size_t dash = text.find('-');
      if (dash != std::string_view::npos) {
        value = NumberToken(text.substr(0, dash));
        compound_rest = std::string_view(w).substr(dash + 1);
      } else {
        value = NumberToken(text);
      }
      if (value < 0) return i;
      // A bare year is a date, not a count.
      if (value >= 1900 && value <= 2100 && text.size() == 4 && compound_rest.empty()) return i;
    } else if (t.kind == TokenKind::kWord) {
      size_t dash = w.find('-');
      // Most words are not numbers: one bit rejects them ("twenty-five" and
      // "thousand-kilometer-long" have a hyphen and are looked at below).
      if (dash == std::string::npos && !a_.Has(i, kNumberWord)) return i;
      std::string_view head = dash == std::string::npos ? std::string_view(w) : std::string_view(w).substr(0, dash);
      double v = NumberWordValue(dash == std::string::npos ? std::string_view(w) : head);
      if (v < 0 && dash != std::string::npos) {
        // "twenty-five-mile"
        size_t dash2 = w.find('-', dash + 1);
        if (dash2 != std::string::npos) {
          v = NumberWordValue(std::string_view(w).substr(0, dash2));
          if (v > 0) dash = dash2;
        }
      }
      if (v < 0) {
        // "hundreds", "thousands", "dozens", "tens of thousands".
        if (w == "dozens") v = 24, vague = true;
        else if (w == "hundreds") v = 200, vague = true;
        else if (w == "thousands") v = 2000, vague = true;
        else if (w == "millions") v = 2e6, vague = true;
        else if (w == "tens" && W(i + 1) == "of" && W(i + 2) == "thousands") v = 20000, vague = true, end = i + 3;
        else return i;
        if (vague && W(end) == "of" && (W(end + 1) == "thousands" || W(end + 1) == "millions")) {
          v *= W(end + 1) == "thousands" ? 1000 : 1e6;
          end += 2;
        }
      } else {
        if (dash != std::string::npos) {
          compound_rest = std::string_view(w).substr(dash + 1);
        }
        // "one of the ...", "one another": not a count.
        if (v == 1 && dash == std::string::npos && (W(i + 1) == "of" || W(i + 1) == "another" || W(i + 1) == "side")) {
          return i;
        }
        // A bare "thousand"/"hundred" without a count is approximate.
        if ((head == "thousand" || head == "hundred" || head == "million") &&
            !(i > 0 && (W(i - 1) == "a" || W(i - 1) == "one"))) {
          approx_word = true;
        }
      }
      value = v;
    } else {
      return i;
    }
    size_t begin = i;
    // "a thousand", "nearly a dozen": the article belongs to the number.
    if (i > 0 && (W(i - 1) == "a" || W(i - 1) == "one") &&
        (w == "thousand" || w == "hundred" || w == "dozen" || w == "million")) {
      approx_word = false;
      begin = i - 1;
    }
    if (compound_rest.empty() && !vague) {
      double mult = W(end) == "thousand" ? 1e3 : W(end) == "million" ? 1e6 : W(end) == "billion" ? 1e9 : 0;
      if (mult > 0) {
        value *= mult;
        ++end;
      }
    }
    BoundMatch bound = BoundBefore(a_, begin, {"en"});
    if (begin < i && bound.words == 0) begin = i;  // a bare "a dozen": keep the span on the number
    begin -= bound.words;
    QuantityBound bound_name = bound.bound;
    if (vague && bound.words == 0) bound_name = QuantityBound::kAtLeast;
    if (approx_word && bound.words == 0) bound_name = QuantityBound::kApprox;
    if (W(i > 0 ? i - 1 : i) == "$" && i > 0) {
      begin = std::min(begin, i - 1);
      q->quantity.unit = "USD";
    }

    // The unit: inside a hyphenated compound, a unit of measure, or the head noun.
    std::string unit;
    const UnitInfo* info = nullptr;
    const auto& units = Units();
    if (!compound_rest.empty()) {
      std::string rest(compound_rest);
      for (const char* suffix : {"-long", "-wide", "-old", "-deep", "-high", "-strong", "-tall"}) {
        if (rest.ends_with(suffix)) rest.resize(rest.size() - std::string_view(suffix).size());
      }
      for (char& c : rest) {
        if (c == '-') c = ' ';
      }
      auto it = units.find(NameKey(rest));
      if (it != units.end()) {
        info = &it->second;
      } else if (!rest.empty()) {
        unit = rest;
      }
    } else {
      size_t u = end;
      if (vague && W(u) == "of") ++u;
      // A unit of measure of up to three words.
      for (size_t n = 3; n >= 1; --n) {
        if (u + n > a_.token_count()) continue;
        std::string key;
        for (size_t k = 0; k < n; ++k) {
          if (k) key.push_back(' ');
          key += W(u + k);
        }
        auto it = units.find(key);
        if (it != units.end()) {
          info = &it->second;
          end = u + n;
          break;
        }
      }
      if (info == nullptr) {
        size_t head = HeadNoun(u);
        // The head noun names what is counted but stays outside the span:
        // the span is "over 2,000", the unit "strikes".
        if (head != SIZE_MAX) unit = W(head);
      }
    }
    if (info != nullptr) {
      unit = info->unit;
      if (info->si_unit[0] != '\0') {
        q->quantity.value_in_si = value * info->factor;
        q->quantity.si_unit = info->si_unit;
      }
    } else if (IsPeopleNoun(unit)) {
      unit = "people";
    }
    // "Two days later" places a time, it counts nothing.
    if ((unit == "days" || unit == "weeks" || unit == "months" || unit == "years" || unit == "hours") &&
        (W(end) == "later" || W(end) == "earlier" || W(end) == "ago" || W(end) == "before" || W(end) == "after")) {
      return i;
    }
    // A bare number with no unit and no bound is too often a rank or a label.
    if (unit.empty() && q->quantity.unit.empty() && bound.words == 0 && !vague) return i;
    if (q->quantity.unit.empty()) q->quantity.unit = unit;
    q->quantity.value = value;
    q->quantity.bound = bound_name;
    q->token_begin = begin;
    q->token_end = end;
    return end;
  }

  // The head noun of the phrase starting at token u: its first plural noun
  // ("residents remain" -> residents), else the last word before a
  // preposition, verb or clause break ("drone, artillery, and mortar strikes").
  size_t HeadNoun(size_t u) const {
    size_t last = LastWordHead(u);
    if (last == SIZE_MAX) return last;
    for (size_t k = u; k <= last; ++k) {
      const std::string& w = W(k);
      if (a_.IsWord(k) && w.size() > 3 && w.back() == 's' && !w.ends_with("ss") && w != "its" &&
          w != "this" && w != "has" && w != "was" && w != "does") {
        return k;
      }
    }
    return last;
  }

  size_t LastWordHead(size_t u) const {
    size_t head = SIZE_MAX;
    size_t limit = std::min(a_.token_count(), u + 8);
    uint32_t sentence = u < a_.token_count() ? a_.sentence_of[u] : 0;
    for (size_t k = u; k < limit; ++k) {
      if (a_.sentence_of[k] != sentence) break;
      const Token& t = a_.token(k);
      const std::string& w = W(k);
      if (t.kind == TokenKind::kPunct) {
        // A comma continues only a list of modifiers: "drone, artillery, and mortar strikes".
        if (t.first == U',' && head != SIZE_MAX && k + 1 < limit && a_.token(k + 1).kind == TokenKind::kWord &&
            !EndsNounPhrase(W(k + 1)) && ListContinues(k + 1, limit)) {
          continue;
        }
        break;
      }
      if (t.kind == TokenKind::kNumber) break;
      if (w == "of" && head != SIZE_MAX && IsPeopleNoun(W(head))) break;
      if (w == "of" || w == "and" || w == "'s") {
        if (w == "of" && head != SIZE_MAX) break;
        if (w == "and" && head == SIZE_MAX) break;
        continue;
      }
      if (EndsNounPhrase(w) || w == "the" || w == "a" || w == "an") break;
      head = k;
    }
    return head;
  }

  // True when the comma at k-1 is followed by more modifiers and then "and"/"or".
  bool ListContinues(size_t k, size_t limit) const {
    for (size_t j = k; j < limit; ++j) {
      if (W(j) == "and" || W(j) == "or") return true;
      if (a_.token(j).kind == TokenKind::kPunct && a_.token(j).first != U',') return false;
    }
    return false;
  }
};

}  // namespace

std::vector<QuantityFound> FindQuantities(const Analysis& a, const std::vector<DateFound>& dates) {
  return QuantityFinder(a, dates).Run();
}

}  // namespace sitrep
