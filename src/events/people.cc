#include "events/people.h"

#include <algorithm>
#include <bit>
#include <unordered_map>
#include <unordered_set>

#include "core/flat_string_map.h"
#include "core/utf8.h"

namespace sitrep {

char GenderOfFirstName(std::string_view w) {
  static const std::unordered_set<std::string_view> kMaleInA = {
      "nikita", "ilya", "illia", "mykola", "kuzma", "foma", "sasha", "misha", "dima", "vanya", "luca",
      "joshua", "andrea", "costa", "jonah", "noah", "elijah", "ezra", "kosta", "mustafa", "musa",
      "isa", "yahya", "zakaria", "zakariya", "hamza", "oleksa", "danylo"};
  static const std::unordered_set<std::string_view> kCyrillicMaleInA = {
      "никита", "илья", "ілля", "микола", "кузьма", "фома", "саша", "миша", "дима", "ваня", "лука", "олекса"};
  if (w.size() < 3 || kMaleInA.count(w) || kCyrillicMaleInA.count(w)) return w.size() < 3 ? 0 : 'm';
  // Cyrillic "а" or "я" at the end: Ольга, Мария, Юлія.
  if (w.ends_with("\xD0\xB0") || w.ends_with("\xD1\x8F")) return 'f';
  return w.back() == 'a' ? 'f' : 0;
}

std::string SideOf(const std::string& category, const std::string& country,
                   const std::vector<std::string>& parties) {
  if (category == "social_media") return "social_media";
  if (category == "media") return "media";
  if (category == "analyst") return "analyst";
  if (category == "international") return "third_party";
  if (category == "government" || category == "military" || category == "official" ||
      category == "armed_group" || category == "country") {
    if (country.empty()) return "unknown";
    bool party = std::find(parties.begin(), parties.end(), country) != parties.end();
    return party ? "party" : "third_party";
  }
  return "unknown";
}

namespace {

struct Cluster {
  Person person;
  char gender = 0;
  std::string surname;     // folded
  int surname_id = -1;     // in PeopleClusterer::surnames_
  std::string first_name;  // folded, may be empty
  int known = -1;
  std::string category;
  size_t name_tokens = 0;
  size_t last_token = 0;   // end of its latest mention
};

// Names shorter than this many code points are matched only exactly.
constexpr int kMinFuzzy = 5;

int CodePoints(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

// The clusters of one document, kept from one window of it to the next
// (PeopleAcrossWindows): token positions and spans are the document's.
class PeopleClusterer {
 public:
  explicit PeopleClusterer(const PeopleOptions& o) : o_(o) {}

  // Clusters the person mentions of one window whose first token and byte
  // are the document's `token_base` and `byte_base`.
  void Add(const Analysis& a, const std::vector<bool>& explained, const std::vector<std::string>& place_country,
           Entities* e, size_t token_base, uint32_t byte_base) {
    a_ = &a;
    place_country_ = &place_country;
    token_base_ = token_base;
    byte_base_ = byte_base;
    for (EntityMention& m : e->mentions) {
      if (m.kind == EntityKind::kPerson) Assign(m, *e);
    }
    AddBareSurnames(explained, e);
  }

  // Everyone so far, completed from the list of known people (the clusters
  // themselves stay as the text named them, for the next window).
  People Get(const Lexicons& lex, bool with_spans) const {
    People out;
    out.people.reserve(clusters_.size());
    for (const Cluster& c : clusters_) {
      Person p = with_spans ? c.person : WithoutSpans(c.person);
      std::string category = c.category;
      if (c.known >= 0) {
        const KnownPerson& k = lex.people()[c.known];
        if (p.role.empty()) p.role = k.role;
        if (p.country.empty()) p.country = k.country;
        // The list knows what a title in the text does not: a "Director
        // General" of the IAEA is international, not military.
        if (!k.category.empty()) category = k.category;
        if (c.name_tokens < 2) {
          AddAlias(&p, p.name);
          p.name = k.name;
        }
      }
      out.people.push_back(std::move(p));
      out.category.push_back(std::move(category));
      out.gender.push_back(c.gender);
    }
    return out;
  }

 private:
  const PeopleOptions o_;
  const Analysis* a_ = nullptr;
  const std::vector<std::string>* place_country_ = nullptr;
  size_t token_base_ = 0;
  uint32_t byte_base_ = 0;

  static Person WithoutSpans(const Person& p) {
    Person out;
    out.id = p.id;
    out.name = p.name;
    out.aliases = p.aliases;
    out.role = p.role;
    out.country = p.country;
    out.side = p.side;
    return out;
  }
  Span Shift(Span s) const { return {s.begin + byte_base_, s.end + byte_base_}; }
  std::vector<Cluster> clusters_;
  // Every surname a cluster has borne, once, with the letters it has and
  // the clusters that bear (or bore) it in ascending order; buckets list
  // those of at least kMinFuzzy code points by first byte and length (a
  // surname within max_d edits of another differs in length by at most
  // max_d).
  struct Surname {
    std::string text;
    int length = 0;        // code points
    uint64_t letters = 0;  // LetterMask
    std::vector<int> bearers;
  };
  std::vector<Surname> surnames_;
  std::unordered_map<uint32_t, std::vector<int>> buckets_;  // BucketKey -> surname ids, in order of first use
  // Per word looked up whose buckets hold some surname: the surnames it may
  // be a misspelling of, among those of its buckets already compared with
  // it (a word and a surname are compared once however often either recurs).
  struct Near {
    int length = 0;
    uint64_t letters = 0;
    std::vector<int> surnames;
  };
  std::vector<Near> near_;
  std::vector<uint32_t> near_checked_;  // per Near, per bucket from its length - MaxEdits(): surnames compared
  struct WordIds {
    int surname = -1;  // in surnames_
    int near = -1;     // in near_
  };
  FlatStringMap<WordIds> words_;
  std::vector<const std::vector<int>*> scratch_lists_;  // NearSurnames: its buckets
  std::unordered_map<int, int> first_with_known_;  // known person -> first cluster with it

  static void AddAlias(Cluster* c, const std::string& form) { AddAlias(&c->person, form); }
  static void AddAlias(Person* p, const std::string& form) {
    if (form == p->name) return;
    auto& al = p->aliases;
    if (std::find(al.begin(), al.end(), form) == al.end()) al.push_back(form);
  }

  bool SurnameMatches(std::string_view x, std::string_view y) const {
    if (x == y) return true;
    if (x.empty() || y.empty() || x[0] != y[0]) return false;
    int len = std::min(CodePoints(x), CodePoints(y));
    if (len < kMinFuzzy) return false;
    int max_d = len <= 6 ? o_.max_surname_edits_short : o_.max_surname_edits_long;
    return EditDistance(x, y, max_d) <= max_d;
  }

  // One bit per letter (code point modulo 64) that occurs in `s`. An edit
  // changes at most two bits, so two words whose masks differ in more than
  // 2 * max_d bits are more than max_d edits apart.
  static uint64_t LetterMask(std::string_view s) {
    uint64_t mask = 0;
    for (size_t i = 0; i < s.size();) {
      char32_t cp;
      int len = DecodeUtf8(s, i, &cp);
      i += len ? len : 1;
      mask |= uint64_t{1} << (cp & 63);
    }
    return mask;
  }

  // SurnameMatches(word, surname) for a word that is not the surname and
  // a surname of at least kMinFuzzy code points.
  bool Misspells(std::string_view word, const Near& n, const Surname& s) const {
    const int len = std::min(n.length, s.length);
    const int max_d = len <= 6 ? o_.max_surname_edits_short : o_.max_surname_edits_long;
    if (std::popcount(n.letters ^ s.letters) > 2 * max_d) return false;
    return SurnameMatches(word, s.text);
  }

  static uint32_t BucketKey(std::string_view surname, int length) {
    unsigned char first = surname.empty() ? 0 : static_cast<unsigned char>(surname[0]);
    return (uint32_t{first} << 24) | static_cast<uint32_t>(std::max(length, 0));
  }

  int MaxEdits() const { return std::max({o_.max_surname_edits_short, o_.max_surname_edits_long, 0}); }

  // The surnames (ids) `word` may be a misspelling of: those of its buckets
  // not yet compared with it are compared now. `near` is its entry or -1.
  const std::vector<int>& NearSurnames(const std::string& word, int near) {
    static const std::vector<int> kNone;
    const int r = MaxEdits(), length = near >= 0 ? near_[near].length : CodePoints(word);
    if (length < kMinFuzzy) return kNone;
    const int first_len = std::max(length - r, 0), count = length + r - first_len + 1;
    std::vector<const std::vector<int>*>& lists = scratch_lists_;
    lists.assign(count, nullptr);
    bool any = false;
    for (int k = 0; k < count; ++k) {
      auto it = buckets_.find(BucketKey(word, first_len + k));
      if (it != buckets_.end()) lists[k] = &it->second;
      any |= lists[k] != nullptr;
    }
    if (!any) return kNone;
    if (near < 0) {
      near = static_cast<int>(near_.size());
      words_[word].near = near;
      near_.push_back(Near{length, LetterMask(word), {}});
      near_checked_.resize(near_checked_.size() + (2 * r + 1), 0);
    }
    Near& n = near_[near];
    for (int k = 0; k < count; ++k) {
      if (lists[k] == nullptr) continue;
      uint32_t& checked = near_checked_[static_cast<size_t>(near) * (2 * r + 1) + k];
      for (; checked < lists[k]->size(); ++checked) {
        const int s = (*lists[k])[checked];
        if (surnames_[s].text != word && Misspells(word, n, surnames_[s])) n.surnames.push_back(s);
      }
    }
    return n.surnames;
  }

  // The first cluster below `limit` that bears surname `s` and passes
  // accept(cluster) (and, for a misspelling, was named within
  // options.fuzzy_window_tokens of token `at`); `limit` if none.
  template <typename Accept>
  int FirstBearer(int s, size_t at, bool misspelt, int limit, Accept accept) const {
    for (int i : surnames_[s].bearers) {
      if (i >= limit) break;
      const Cluster& c = clusters_[i];
      if (c.surname_id != s) continue;  // a renamed cluster stays listed
      if (misspelt && c.last_token + o_.fuzzy_window_tokens < at) continue;
      if (accept(c)) return i;
    }
    return limit;
  }

  // The first cluster (in order of creation, below `limit`) whose surname
  // matches at token `at` and that passes accept(cluster); `limit` if none.
  // A misspelling only matches someone named within
  // options.fuzzy_window_tokens.
  template <typename Accept>
  int FirstMatch(const std::string& surname, size_t at, int limit, Accept accept) {
    const WordIds* ids = words_.Find(surname);
    const WordIds known = ids != nullptr ? *ids : WordIds{};
    if (known.surname >= 0) limit = FirstBearer(known.surname, at, false, limit, accept);
    for (int s : NearSurnames(surname, known.near)) limit = FirstBearer(s, at, true, limit, accept);
    return limit;
  }

  Cluster* Find(const std::string& surname, const std::string& first, int known, size_t at) {
    int best = static_cast<int>(clusters_.size());
    if (known >= 0) {
      auto it = first_with_known_.find(known);
      if (it != first_with_known_.end()) best = it->second;
    }
    best = FirstMatch(surname, at, best, [&](const Cluster& c) {
      // Russian and Ukrainian decline first names too: "Вячеслава" is "Вячеслав".
      return first.empty() || c.first_name.empty() || first == c.first_name ||
             (a_->Slavic() && SurnameMatches(first, c.first_name));
    });
    return best < static_cast<int>(clusters_.size()) ? &clusters_[best] : nullptr;
  }

  // Lists cluster `index` under its surname (again when the surname changed:
  // the lists stay in ascending order).
  void Index(int index) {
    Cluster& c = clusters_[index];
    int& id = words_[c.surname].surname;
    if (id < 0) {
      id = static_cast<int>(surnames_.size());
      Surname& s = surnames_.emplace_back();
      s.text = c.surname;
      s.length = CodePoints(c.surname);
      s.letters = LetterMask(c.surname);
      if (s.length >= kMinFuzzy) buckets_[BucketKey(s.text, s.length)].push_back(id);
    }
    c.surname_id = id;
    std::vector<int>& list = surnames_[id].bearers;
    auto at = std::lower_bound(list.begin(), list.end(), index);
    if (at == list.end() || *at != index) list.insert(at, index);
  }

  void NoteKnown(int index) {
    int known = clusters_[index].known;
    if (known < 0) return;
    auto [it, added] = first_with_known_.try_emplace(known, index);
    if (!added) it->second = std::min(it->second, index);
  }

  void Assign(EntityMention& m, const Entities& e) {
    std::string surname = a_->folded[m.token_end - 1];
    std::string first = m.token_end - m.token_begin >= 2 ? a_->folded[m.token_begin] : "";
    Span span = a_->TokenSpan(m.token_begin, m.token_end);
    std::string form(a_->SpanText(span));
    Cluster* c = Find(surname, first, m.known_person, token_base_ + m.token_begin);
    if (c == nullptr) {
      clusters_.emplace_back();
      c = &clusters_.back();
      c->person.id = static_cast<int>(clusters_.size());
      c->person.name = form;
      c->surname = surname;
      c->first_name = first;
      c->known = m.known_person;
      c->name_tokens = m.token_end - m.token_begin;
      Index(static_cast<int>(clusters_.size()) - 1);
    } else if (m.token_end - m.token_begin > c->name_tokens ||
               (a_->Slavic() && m.token_end - m.token_begin == c->name_tokens && surname != c->surname &&
                c->surname.starts_with(surname))) {
      // The fuller name; in Russian and Ukrainian also the nominative, whose
      // surname is the shorter ("Гладков" after "Гладкова").
      AddAlias(c, c->person.name);
      c->person.name = form;
      c->name_tokens = m.token_end - m.token_begin;
      c->first_name = first;
      if (a_->Slavic() && c->surname != surname) {
        c->surname = surname;
        Index(static_cast<int>(c - clusters_.data()));
      }
    } else {
      AddAlias(c, form);
    }
    if (c->known < 0) c->known = m.known_person;
    NoteKnown(static_cast<int>(c - clusters_.data()));
    c->last_token = token_base_ + m.token_end;
    c->person.spans.push_back(Shift(span));
    m.person = c->person.id;
    Describe(m, e, c);
    if (c->gender == 0) c->gender = GenderAt(m);
  }

  // 'f' or 'm' from an honorific, a gendered title or the first name.
  char GenderAt(const EntityMention& m) const {
    size_t k = m.token_begin;
    for (size_t j = k; j > 0 && j + 4 > k; --j) {
      const std::string& w = a_->folded[j - 1];
      if (w == "mr" || w == "spokesman" || w == "chairman" || w == "sir") return 'm';
      if (w == "ms" || w == "mrs" || w == "miss" || w == "madam" || w == "spokeswoman" || w == "chairwoman") {
        return 'f';
      }
      if (a_->token(j - 1).kind == TokenKind::kPunct && !a_->IsPunct(j - 1, U'.') && !a_->IsPunct(j - 1, U',')) break;
    }
    if (m.token_end - m.token_begin >= 2) return GenderOfFirstName(a_->folded[m.token_begin]);
    return 0;
  }

  // Role and country from the words around a mention.
  void Describe(const EntityMention& m, const Entities& e, Cluster* c) {
    size_t k = m.token_begin;
    // "Ukrainian General Oleksandr Syrskyi", "Russian President Vladimir Putin".
    if (k > 0) {
      const EntityMention* before = e.At(k - 1);
      if (before != nullptr && before->kind == EntityKind::kRole) {
        if (c->person.role.empty()) c->person.role = before->role->canonical;
        if (c->category.empty()) c->category = before->role->category;
        size_t d = before->token_begin;
        // "Ukrainian military spokesman X": look through a generic body.
        while (d > 0 && e.At(d - 1) != nullptr && e.At(d - 1)->kind == EntityKind::kActor &&
               e.At(d - 1)->actor->kind == "body") {
          d = e.At(d - 1)->token_begin;
        }
        if (d > 0 && e.At(d - 1) != nullptr && e.At(d - 1)->kind == EntityKind::kActor &&
            e.At(d - 1)->actor->kind == "org" && c->person.country.empty()) {
          c->person.country = e.At(d - 1)->actor->country;  // "Kremlin spokesman X"
        }
        const EntityMention* demonym = d > 0 ? e.At(d - 1) : nullptr;
        if (demonym != nullptr && demonym->kind == EntityKind::kActor && c->person.country.empty()) {
          c->person.country = demonym->actor->country;
        } else if (d > 0 && !(*place_country_)[d - 1].empty() && c->person.country.empty()) {
          c->person.country = (*place_country_)[d - 1];  // "Kharkiv Governor ..."
        }
      } else if (before != nullptr && before->kind == EntityKind::kActor && before->actor->kind == "demonym" &&
                 c->person.country.empty()) {
        c->person.country = before->actor->country;
      }
    }
    // An apposition before the name: "..., analyst at X, George Barros, said".
    if (k >= 2 && a_->IsPunct(k - 1, U',') && c->person.role.empty()) {
      size_t sb = a_->seg.sentences[a_->sentence_of[k]].token_begin;
      size_t j = k - 1;
      size_t stop = j > 30 ? j - 30 : 0;
      stop = std::max(stop, sb);
      const EntityMention* role = nullptr;
      const EntityMention* org = nullptr;
      while (j > stop) {
        --j;
        if (a_->IsPunct(j, U',') || a_->IsPunct(j, U'.')) break;
        const EntityMention* x = e.At(j);
        if (x == nullptr) continue;
        // Scanning backwards, the last role seen is the apposition's head:
        // "An adviser to President Zelensky, Mykhailo Podolyak" is an adviser.
        if (x->kind == EntityKind::kRole) role = x;
        if (x->kind == EntityKind::kActor && x->actor->kind == "org") org = x;
      }
      Apply(role, org, c);
    }
    // An apposition after the name: "Dmitry Peskov, the Kremlin's spokesman,".
    if (m.token_end < a_->token_count() && a_->IsPunct(m.token_end, U',') && c->person.role.empty()) {
      size_t se = a_->seg.sentences[a_->sentence_of[k]].token_end;
      const EntityMention* role = nullptr;
      const EntityMention* org = nullptr;
      for (size_t j = m.token_end + 1; j < se && j < m.token_end + 12; ++j) {
        if (a_->IsPunct(j, U',') || a_->IsPunct(j, U'.')) break;
        if (!(*place_country_)[j].empty() && c->person.country.empty() && role != nullptr) {
          c->person.country = (*place_country_)[j];  // ", a spokesman for Ukraine's navy,"
        }
        const EntityMention* x = e.At(j);
        if (x == nullptr) continue;
        if (x->kind == EntityKind::kRole && role == nullptr) role = x;
        if (x->kind == EntityKind::kActor && org == nullptr) org = x;
      }
      Apply(role, org, c);
    }
  }

  void Apply(const EntityMention* role, const EntityMention* org, Cluster* c) {
    if (role != nullptr) {
      c->person.role = role->role->canonical;
      if (org != nullptr && org->actor->kind == "org") c->person.role += ", " + org->actor->canonical;
      if (c->category.empty()) c->category = role->role->category;
    }
    if (org != nullptr) {
      if (org->actor->kind == "org" && (org->actor->category == "analyst" || org->actor->category == "media")) {
        c->category = org->actor->category;
      }
      if (c->person.country.empty()) c->person.country = org->actor->country;
    }
  }

  // "Barros" after "George Barros"; "Zelenksyy" after "Zelenskyy".
  void AddBareSurnames(const std::vector<bool>& explained, Entities* e) {
    if (clusters_.empty()) return;
    for (size_t i = 0; i < a_->token_count(); ++i) {
      if (e->at_token[i] >= 0 || explained[i] || !a_->IsWord(i) || !a_->token(i).capitalized) continue;
      if (a_->Has(i, kStopWord)) continue;
      const int found = FirstMatch(a_->folded[i], token_base_ + i, static_cast<int>(clusters_.size()),
                                   [](const Cluster&) { return true; });
      if (found < static_cast<int>(clusters_.size())) {
        Cluster& c = clusters_[found];
        EntityMention m{EntityKind::kPerson, i, i + 1};
        m.person = c.person.id;
        m.known_person = c.known;
        Span span = a_->TokenSpan(i, i + 1);
        AddAlias(&c, std::string(a_->SpanText(span)));
        c.person.spans.push_back(Shift(span));
        c.last_token = token_base_ + i + 1;
        e->at_token[i] = static_cast<int>(e->mentions.size());
        e->mentions.push_back(m);
      }
    }
  }
};

People ClusterPeople(const Analysis& a, const std::vector<bool>& explained,
                     const std::vector<std::string>& place_country, Entities* entities,
                     const PeopleOptions& options) {
  PeopleClusterer clusterer(options);
  clusterer.Add(a, explained, place_country, entities, 0, 0);
  return clusterer.Get(a.lex, true);
}

PeopleAcrossWindows::PeopleAcrossWindows(const PeopleOptions& options)
    : clusterer_(std::make_unique<PeopleClusterer>(options)) {}
PeopleAcrossWindows::~PeopleAcrossWindows() = default;

People PeopleAcrossWindows::Add(const Analysis& a, const std::vector<bool>& explained,
                                const std::vector<std::string>& place_country, Entities* entities,
                                size_t token_base, uint32_t byte_base) {
  clusterer_->Add(a, explained, place_country, entities, token_base, byte_base);
  return clusterer_->Get(a.lex, false);
}

People PeopleAcrossWindows::All(const Lexicons& lexicons) const { return clusterer_->Get(lexicons, true); }

}  // namespace sitrep
