#include <cstdlib>
#include <optional>
#include <string>
#include <unordered_set>

#include "extract/lexicons.h"
#include "extract/mentions.h"

namespace sitrep {

namespace {

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[m - 1];
}

// An integer token ("12", "2024"), or -1.
int IntToken(const Analysis& a, size_t i) {
  if (i >= a.token_count() || a.token(i).kind != TokenKind::kNumber) return -1;
  std::string_view t = a.TokenText(i);
  if (t.size() > 4) return -1;
  int v = 0;
  for (char c : t) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

int YearToken(const Analysis& a, size_t i) {
  int y = IntToken(a, i);
  return (y >= 1900 && y <= 2100) ? y : -1;
}

// "15.03.2025" or "24.02.22" (two-digit years are 2000-2099), or nothing.
std::optional<CivilDate> DottedDate(std::string_view t) {
  int parts[3] = {0, 0, 0};
  int digits[3] = {0, 0, 0};
  int p = 0;
  for (char c : t) {
    if (c == '.') {
      if (++p > 2) return std::nullopt;
    } else if (c >= '0' && c <= '9') {
      if (++digits[p] > 4) return std::nullopt;  // no part has more (and a long run would overflow)
      parts[p] = parts[p] * 10 + (c - '0');
    } else {
      return std::nullopt;
    }
  }
  if (p != 2 || digits[0] < 1 || digits[0] > 2 || digits[1] != 2 || (digits[2] != 2 && digits[2] != 4)) {
    return std::nullopt;
  }
  int y = digits[2] == 2 ? 2000 + parts[2] : parts[2];
  if (parts[1] < 1 || parts[1] > 12 || parts[0] < 1 || parts[0] > DaysInMonth(y, parts[1])) return std::nullopt;
  return CivilDate{y, parts[1], parts[0]};
}

class DateFinder {
 public:
  explicit DateFinder(const Analysis& a) : a_(a) {}

  std::vector<DateFound> Run() {
    std::vector<DateFound> out;
    for (size_t i = 0; i < a_.token_count();) {
      DateFound d;
      size_t n = MatchAt(i, &d);
      if (n > 0) {
        d.mention.span = a_.TokenSpan(d.token_begin, d.token_end);
        d.mention.text = std::string(a_.SpanText(d.mention.span));
        out.push_back(d);
        i = d.token_end;
      } else {
        ++i;
      }
    }
    if (a_.Slavic()) JoinSlavicRanges(&out);
    return out;
  }

  // "с 1 по 10 марта" is read as two dates; "с 24.02.22 по 15.03.25", "з 1
  // по 7 квітня", "от ... до ...": one range from the first to the second.
  void JoinSlavicRanges(std::vector<DateFound>* dates) const {
    std::vector<DateFound> out;
    for (size_t i = 0; i < dates->size(); ++i) {
      DateFound d = (*dates)[i];
      bool opens = d.token_begin > 0 && Fn(d.token_begin - 1, FunctionClass::kRangeFrom);
      if (opens && i + 1 < dates->size()) {
        const DateFound& e = (*dates)[i + 1];
        bool closes = e.token_begin == d.token_end + 1 && Fn(d.token_end, FunctionClass::kRangeTo);
        if (closes && d.mention.time_precision == 1 && e.mention.time_precision == 1 &&
            !(e.mention.from < d.mention.from)) {
          d.token_end = e.token_end;
          d.mention.to = e.mention.to;
          d.mention.time_precision = PrecisionForDays(d.mention.to.ToDays() - d.mention.from.ToDays());
          d.mention.span = a_.TokenSpan(d.token_begin, d.token_end);
          d.mention.text = std::string(a_.SpanText(d.mention.span));
          ++i;
        }
      }
      out.push_back(d);
    }
    *dates = std::move(out);
  }

 private:
  const Analysis& a_;
  const std::string& W(size_t i) const {
    static const std::string kEmpty;
    return i < a_.folded.size() ? a_.folded[i] : kEmpty;
  }
  bool Pub() const { return a_.published.has_value(); }
  // A Russian or Ukrainian word of a class of function_words.tsv at i.
  bool Fn(size_t i, FunctionClass c) const { return a_.lex.IsFunctionWord(W(i), c); }
  // A future marker ("will", "scheduled", "будет", "планує": calendar.tsv's
  // future rows) among the few words before token i in its sentence: a
  // weekday there is the coming one, not the last ("talks will resume on
  // Friday"). A few words only: "will never forget what happened on Monday".
  bool FutureBefore(size_t i) const {
    constexpr size_t kWindow = 5;
    const size_t start = a_.seg.sentences[a_.sentence_of[i]].token_begin;
    for (size_t j = i; j > start && j + kWindow > i; --j) {
      if (Cal(j - 1, CalendarWord::Kind::kFuture)) return true;
    }
    return false;
  }
  CivilDate P() const { return *a_.published; }
  static CivilDate Add(CivilDate d, int days) { return CivilDate::FromDays(d.ToDays() + days); }

  static void SetDay(DateFound* d, CivilDate day) {
    d->mention.from = d->mention.to = day;
    d->mention.time_precision = 1;
  }
  static void SetRange(DateFound* d, CivilDate from, CivilDate to, int precision) {
    d->mention.from = from;
    d->mention.to = to;
    d->mention.time_precision = precision;
  }
  static int PrecisionForDays(int64_t days) { return days <= 1 ? 1 : days <= 10 ? 2 : 3; }

  // Part of a month: "early June", "the beginning of June", "mid-June".
  enum class Part { kWhole, kBeginning, kMiddle, kEnd };
  void SetMonth(DateFound* d, int y, int m, Part part) {
    int last = DaysInMonth(y, m);
    switch (part) {
      case Part::kWhole: SetRange(d, {y, m, 1}, {y, m, last}, 3); break;
      case Part::kBeginning: SetRange(d, {y, m, 1}, {y, m, 10}, 2); break;
      case Part::kMiddle: SetRange(d, {y, m, 11}, {y, m, 20}, 2); break;
      case Part::kEnd: SetRange(d, {y, m, 21}, {y, m, last}, 2); break;
    }
  }
  // The most recent month m not after publication.
  int YearForMonth(int m) const { return m <= P().month ? P().year : P().year - 1; }

  // Most tokens cannot start a date: one bit rejects them.
  bool MayStart(size_t i) const {
    return a_.token(i).kind == TokenKind::kNumber || a_.Has(i, kDateStart);
  }

  size_t MatchAt(size_t i, DateFound* d) {
    if (!MayStart(i)) return 0;
    if (a_.Slavic()) {
      if (size_t n = SlavicCore(i, d); n > 0) {
        d->token_begin = i;
        d->token_end = i + n;
        return n;
      }
    }
    size_t start = i;
    if (W(i) == "since") {
      d->since = true;
      ++i;
    }
    Part part = Part::kWhole;
    size_t j = i;
    if (W(j) == "the" && (W(j + 1) == "beginning" || W(j + 1) == "start" || W(j + 1) == "end" ||
                          W(j + 1) == "middle") && W(j + 2) == "of") {
      part = W(j + 1) == "end" ? Part::kEnd : W(j + 1) == "middle" ? Part::kMiddle : Part::kBeginning;
      j += 3;
    } else if (W(j) == "early") {
      part = Part::kBeginning;
      ++j;
    } else if (W(j) == "late") {
      part = Part::kEnd;
      ++j;
    } else if (W(j) == "mid") {
      part = Part::kMiddle;
      ++j;
      if (a_.IsPunct(j, U'-')) ++j;
    }
    size_t n = MatchCore(j, part, d);
    if (n == 0 && j != i) {
      // "early" without a month is not a date; try the bare form.
      n = MatchCore(i, Part::kWhole, d);
      j = i;
    }
    if (n == 0) {
      d->since = false;
      return 0;
    }
    d->token_begin = start;
    d->token_end = j + n;
    if (d->since && Pub()) {
      d->mention.to = P();
      d->mention.time_precision = 3;
    }
    return d->token_end - start;
  }

  // An English month (1-12) or weekday (0 = Monday) named by w
  // (calendar.tsv); -1 when it names none.
  int EnglishCalendar(std::string_view w, CalendarWord::Kind kind) const {
    const CalendarWord* c = a_.lex.FindEnglishCalendar(w);
    return c != nullptr && c->kind == kind ? c->value : -1;
  }
  int MonthIndex(std::string_view w) const { return EnglishCalendar(w, CalendarWord::Kind::kMonth); }
  int WeekdayIndex(std::string_view w) const { return EnglishCalendar(w, CalendarWord::Kind::kWeekday); }

  // A Russian or Ukrainian calendar word at i (calendar.tsv), or null.
  const CalendarWord* Cal(size_t i, CalendarWord::Kind kind) const {
    if (i >= a_.token_count() || !a_.IsWord(i)) return nullptr;
    const CalendarWord* c = a_.lex.FindCalendar(W(i));
    return c != nullptr && c->kind == kind ? c : nullptr;
  }

  // "2024 года", "2024 року", "2024 г.": tokens after the year's number.
  size_t YearWord(size_t i) const {
    if (!Cal(i, CalendarWord::Kind::kYear)) return 0;
    return a_.IsPunct(i + 1, U'.') && W(i).size() <= 2 ? 2 : 1;
  }

  // Russian and Ukrainian dates: "3 марта", "12 жовтня 2024 року", "в марте
  // 2024 года", "в ночь на 3 марта", "у ніч на четвер", "в четверг",
  // "вчера", "за сутки", "минулої доби", "на прошлой неделе", "в 2023 году".
  // Returns tokens matched at i (0 if none).
  size_t SlavicCore(size_t i, DateFound* d) {
    using K = CalendarWord::Kind;
    // "ночь на 3 марта", "ніч на 15 квітня", "в ночь на четверг": the night
    // before the day named, dated by that day (as the reports date it).
    if (Cal(i, K::kNight) && Fn(i + 1, FunctionClass::kNightOf)) {
      DateFound inner;
      size_t n = SlavicCore(i + 2, &inner);
      if (n > 0 && inner.mention.time_precision == 1) {
        d->mention = inner.mention;
        return n + 2;
      }
      return 0;
    }
    if (a_.token(i).kind == TokenKind::kNumber) {
      // "15.03.2025", "24.02.22": day, month, year.
      if (auto dotted = DottedDate(a_.TokenText(i))) {
        SetDay(d, *dotted);
        return 1 + YearWord(i + 1);
      }
      int day = IntToken(a_, i);
      const CalendarWord* m = Cal(i + 1, K::kMonth);
      if (day >= 1 && day <= 31 && m != nullptr) {
        size_t n = 2;
        int y = YearToken(a_, i + 2);
        if (y > 0) {
          n = 3 + YearWord(i + 3);
        } else if (Pub()) {
          y = YearForMonth(m->value);
        } else {
          return 0;
        }
        if (day > DaysInMonth(y, m->value)) return 0;
        SetDay(d, {y, m->value, day});
        return n;
      }
      // "в 2023 году", "у 2024 році".
      int y = YearToken(a_, i);
      if (y > 0 && (Cal(i + 1, K::kYear) || Fn(i + 1, FunctionClass::kYearIn))) {
        SetRange(d, {y, 1, 1}, {y, 12, 31}, 3);
        return 1 + (Cal(i + 1, K::kYear) ? YearWord(i + 1) : 1);
      }
      return 0;
    }
    // "марта 2024 года", "в марте".
    if (const CalendarWord* m = Cal(i, K::kMonth)) {
      int y = YearToken(a_, i + 1);
      if (y > 0) {
        SetMonth(d, y, m->value, Part::kWhole);
        return 2 + YearWord(i + 2);
      }
      bool in = i > 0 && Fn(i - 1, FunctionClass::kMonthBefore);
      if (in && Pub()) {
        SetMonth(d, YearForMonth(m->value), m->value, Part::kWhole);
        return 1;
      }
      return 0;
    }
    if (!Pub()) return 0;
    CivilDate p = P();
    if (const CalendarWord* wd = Cal(i, K::kWeekday)) {
      int back = (p.Weekday() - wd->value + 7) % 7;
      size_t n = 1;
      if (Cal(i + 1, K::kPartOfDay) || Cal(i + 1, K::kNight)) ++n;
      SetDay(d, Add(p, FutureBefore(i) && back > 0 ? 7 - back : -back));
      return n;
    }
    if (const CalendarWord* ago = Cal(i, K::kDaysAgo)) {
      size_t n = 1;
      if (Cal(i + 1, K::kPartOfDay) || Cal(i + 1, K::kNight)) ++n;
      SetDay(d, Add(p, -ago->value));
      return n;
    }
    // "ночью", "вночі", "этой ночью", "минулої ночі": the night before publication.
    size_t k = i;
    while (Cal(k, K::kLast) && k < i + 2) ++k;
    if (Cal(k, K::kNight) && !Fn(k + 1, FunctionClass::kNightOf) &&
        (k > i || Fn(k, FunctionClass::kNightAlone) || (i > 0 && Fn(i - 1, FunctionClass::kNightOver)))) {
      SetDay(d, Add(p, -1));
      return k + 1 - i;
    }
    // "с начала суток", "від початку доби": today so far.
    if (Cal(i, K::kDayPeriod) && i > 0 && Fn(i - 1, FunctionClass::kSinceStart)) {
      SetDay(d, p);
      return 1;
    }
    // "за сутки", "за минувшие сутки", "минулої доби", "протягом доби".
    if (Cal(k, K::kDayPeriod)) {
      bool framed = k > i || (i > 0 && Fn(i - 1, FunctionClass::kPeriodOver));
      if (!framed) return 0;
      SetRange(d, Add(p, -1), p, 1);
      return k + 1 - i;
    }
    // "на прошлой неделе", "минулого тижня", "на этой неделе".
    if (k > i && Cal(k, K::kWeek)) {
      CivilDate monday = Add(p, -p.Weekday());
      bool this_week = Fn(i, FunctionClass::kThisWeek);
      if (this_week) SetRange(d, monday, p, 2);
      else SetRange(d, Add(monday, -7), Add(monday, -1), 2);
      return k + 1 - i;
    }
    return 0;
  }

  // Returns tokens matched at i (0 if none).
  size_t MatchCore(size_t i, Part part, DateFound* d) {
    const std::string& w = W(i);
    if (w.empty()) return 0;
    if (a_.token(i).kind == TokenKind::kNumber) return NumberFirst(i, d);
    // Month names need a capital letter ("May", not "may").
    if (int m = MonthIndex(w); m > 0 && a_.token(i).capitalized) return MonthFirst(i, m, part, d);
    if (int s = SeasonIndex(w); s >= 0) return Season(i, s, d);
    if (!Pub()) return 0;
    if (size_t n = Weekday(i, d)) return n;
    if (size_t n = RelativeDay(i, d)) return n;
    if (size_t n = PastSpan(i, d)) return n;
    if (size_t n = CalendarUnit(i, d)) return n;
    return Ago(i, d);
  }

  // ISO 8601 ("2024-08-12"), "12 August 2024", "12 Aug", "in 2022".
  size_t NumberFirst(size_t i, DateFound* d) {
    // ISO 8601: 2024-08-12.
    if (auto iso = CivilDate::Parse(a_.TokenText(i))) {
      SetDay(d, *iso);
      return 1;
    }
    // "12 August 2024", "12 Aug".
    int day = IntToken(a_, i);
    int m = MonthIndex(W(i + 1));
    if (day >= 1 && day <= 31 && m > 0 && a_.token(i + 1).capitalized) {
      size_t n = 2;
      if (a_.IsPunct(i + 2, U'.')) ++n;
      int y = YearToken(a_, i + n);
      if (y > 0) {
        ++n;
      } else if (Pub()) {
        y = YearForMonth(m);
      } else {
        return 0;
      }
      if (day > DaysInMonth(y, m)) return 0;
      SetDay(d, {y, m, day});
      return n;
    }
    // "in 2022", "since 2022".
    int y = YearToken(a_, i);
    if (y > 0 && i > 0 && (W(i - 1) == "in" || W(i - 1) == "since" || W(i - 1) == "of" ||
                           W(i - 1) == "until" || W(i - 1) == "by" || W(i - 1) == "from")) {
      SetRange(d, {y, 1, 1}, {y, 12, 31}, 3);
      return 1;
    }
    return 0;
  }

  // "August 12, 2024", "Aug. 12", "May 2024", "in May".
  size_t MonthFirst(size_t i, int m, Part part, DateFound* d) {
    const std::string& w = W(i);
    size_t n = 1;
    if (a_.IsPunct(i + 1, U'.') && w.size() <= 4) ++n;
    int day = IntToken(a_, i + n);
    if (day >= 1 && day <= 31 && YearToken(a_, i + n) < 0) {
      size_t k = n + 1;
      if (a_.IsPunct(i + k, U',')) ++k;
      int y = YearToken(a_, i + k);
      if (y > 0) {
        k++;
      } else if (Pub()) {
        y = YearForMonth(m);
        k = n + 1;
      } else {
        return 0;
      }
      if (day > DaysInMonth(y, m)) return 0;
      SetDay(d, {y, m, day});
      return k;
    }
    int y = YearToken(a_, i + n);
    // "May" alone is too often the verb: take it with a year or after a preposition.
    bool prep = i > 0 && (W(i - 1) == "in" || W(i - 1) == "since" || W(i - 1) == "of" ||
                          W(i - 1) == "until" || W(i - 1) == "early" || W(i - 1) == "late" ||
                          W(i - 1) == "mid" || W(i - 1) == "-" || W(i - 1) == "by" || W(i - 1) == "from" ||
                          W(i - 1) == "last" || W(i - 1) == "this");
    if (y > 0) {
      SetMonth(d, y, m, part);
      return n + 1;
    }
    if ((prep || m != 5) && Pub() && !a_.SentenceInitial(i)) {
      bool last = i > 0 && W(i - 1) == "last";
      int year = YearForMonth(m);
      if (last && m == P().month) --year;
      SetMonth(d, year, m, part);
      return n;
    }
    return 0;
  }

  // Seasons: "Fall 2022" (a season needs its year).
  static int SeasonIndex(std::string_view w) {
    static constexpr std::string_view kSeasons[] = {"spring", "summer", "fall", "autumn", "winter"};
    for (int s = 0; s < 5; ++s) {
      if (w == kSeasons[s]) return s;
    }
    return -1;
  }

  size_t Season(size_t i, int s, DateFound* d) {
    int y = YearToken(a_, i + 1);
    if (y < 0) return 0;
    static constexpr int kStart[] = {3, 6, 9, 9, 12};
    int sm = kStart[s];
    CivilDate from{y, sm, 1};
    int em = sm + 2;
    int ey = y;
    if (em > 12) {
      em -= 12;
      ++ey;
    }
    SetRange(d, from, {ey, em, DaysInMonth(ey, em)}, 3);
    return 2;
  }

  // The rules below date by the publication date (the caller checked it).
  // Weekdays: "Monday", "on Tuesday", "last Friday", "Monday night".
  size_t Weekday(size_t i, DateFound* d) {
    const std::string& w = W(i);
    const CivilDate p = P();
    int wd = WeekdayIndex(w);
    bool last = w == "last" || w == "this" || w == "next";
    if (last) wd = WeekdayIndex(W(i + 1));
    if (wd >= 0) {
      size_t n = last ? 2 : 1;
      int back = (p.Weekday() - wd + 7) % 7;
      CivilDate day;
      if (w == "next") {
        int fwd = (wd - p.Weekday() + 7) % 7;
        day = Add(p, fwd == 0 ? 7 : fwd);
      } else if (w != "last" && back > 0 && FutureBefore(i)) {
        day = Add(p, 7 - back);  // "Russia will strike on Friday": the coming one
      } else {
        if (w == "last" && back == 0) back = 7;
        day = Add(p, -back);
      }
      if (W(i + n) == "night" || W(i + n) == "morning" || W(i + n) == "evening" ||
          W(i + n) == "afternoon") {
        ++n;
      }
      SetDay(d, day);
      return n;
    }
    return 0;
  }

  // "yesterday", "today", "tonight", "overnight", "last night", "this morning".
  size_t RelativeDay(size_t i, DateFound* d) {
    const std::string& w = W(i);
    const CivilDate p = P();
    if (w == "yesterday") {
      SetDay(d, Add(p, -1));
      return 1;
    }
    if (w == "today" || w == "tonight") {
      SetDay(d, p);
      return 1;
    }
    if (w == "overnight") {
      SetDay(d, Add(p, -1));
      return 1;
    }
    if (w == "last" && W(i + 1) == "night") {
      SetDay(d, Add(p, -1));
      return 2;
    }
    if (w == "this" && (W(i + 1) == "morning" || W(i + 1) == "afternoon" || W(i + 1) == "evening")) {
      SetDay(d, p);
      return 2;
    }
    return 0;
  }

  // "over the last week", "in the past month", "the past 24 hours".
  size_t PastSpan(size_t i, DateFound* d) {
    const CivilDate p = P();
    size_t k = i;
    if ((W(k) == "over" || W(k) == "in" || W(k) == "during" || W(k) == "within") && W(k + 1) == "the") k += 2;
    else if (W(k) == "the") k += 1;
    if (k != i || W(k) == "past") {
      if (W(k) == "past" || W(k) == "last") {
        size_t u = k + 1;
        int count = 1;
        int v = IntToken(a_, u);
        double nw = NumberWordValue(W(u));
        if (v > 0 || nw > 0) {
          count = v > 0 ? v : static_cast<int>(nw);
          ++u;
        }
        int unit_days = W(u) == "day" || W(u) == "days" ? 1 : W(u) == "week" || W(u) == "weeks" ? 7
                      : W(u) == "month" || W(u) == "months" ? 30 : W(u) == "hours" ? 0 : -1;
        if (unit_days == 0 && count <= 48) {
          SetRange(d, Add(p, -1), p, 1);
          return u + 1 - i;
        }
        if (unit_days > 0) {
          int span = unit_days * count;
          SetRange(d, Add(p, -span), p, PrecisionForDays(span));
          return u + 1 - i;
        }
      }
    }
    return 0;
  }

  // "last week", "this week", "last month", "this month", "last year", "this
  // year", "earlier this month".
  size_t CalendarUnit(size_t i, DateFound* d) {
    const std::string& w = W(i);
    const CivilDate p = P();
    size_t e = i;
    if (w == "earlier" && W(i + 1) == "this") e = i + 1;
    if (W(e) == "last" || W(e) == "this") {
      bool is_last = W(e) == "last";
      const std::string& unit = W(e + 1);
      if (unit == "week") {
        CivilDate monday = Add(p, -p.Weekday());
        if (is_last) SetRange(d, Add(monday, -7), Add(monday, -1), 2);
        else SetRange(d, monday, p, 2);
        return e + 2 - i;
      }
      if (unit == "month") {
        if (is_last) {
          int y = p.month == 1 ? p.year - 1 : p.year;
          int mo = p.month == 1 ? 12 : p.month - 1;
          SetRange(d, {y, mo, 1}, {y, mo, DaysInMonth(y, mo)}, 3);
        } else {
          SetRange(d, {p.year, p.month, 1}, p, 3);
        }
        return e + 2 - i;
      }
      if (unit == "year") {
        if (is_last) SetRange(d, {p.year - 1, 1, 1}, {p.year - 1, 12, 31}, 3);
        else SetRange(d, {p.year, 1, 1}, p, 3);
        return e + 2 - i;
      }
    }
    return 0;
  }

  // "three days ago", "a week ago".
  size_t Ago(size_t i, DateFound* d) {
    const std::string& w = W(i);
    const CivilDate p = P();
    int count = IntToken(a_, i);
    double nw = NumberWordValue(w);
    if (w == "a" || w == "an") nw = 1;
    if (count < 0 && nw > 0) count = static_cast<int>(nw);
    if (count > 0 && W(i + 2) == "ago") {
      const std::string& unit = W(i + 1);
      int unit_days = unit == "day" || unit == "days" ? 1 : unit == "week" || unit == "weeks" ? 7
                    : unit == "month" || unit == "months" ? 30 : -1;
      if (unit_days > 0) {
        CivilDate day = Add(p, -unit_days * count);
        SetDay(d, day);
        d->mention.time_precision = unit_days == 1 ? 1 : unit_days == 7 ? 2 : 3;
        return 3;
      }
    }
    return 0;
  }
};

}  // namespace

std::vector<DateFound> FindDates(const Analysis& a) { return DateFinder(a).Run(); }

const std::vector<std::string_view>& DateStartWords() {
  static const std::vector<std::string_view> kStarts = {
      "since", "the", "early", "late", "mid", "over", "in", "during", "within", "past", "last",
      "this", "next", "earlier", "yesterday", "today", "tonight", "overnight", "a", "an", "spring",
      "summer", "fall", "autumn", "winter", "one", "two", "three", "four", "five", "six", "seven",
      "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty"};  // months, weekdays: calendar.tsv
  return kStarts;
}

}  // namespace sitrep
