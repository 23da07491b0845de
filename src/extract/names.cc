#include "extract/names.h"

#include <unordered_set>

#include "core/flat_string_map.h"
#include "extract/morphology.h"
#include "text/segmenter.h"

namespace sitrep {

namespace {

// Words that make a capitalised chain an organisation, not a person.
const char* OrgCategory(std::string_view w) {
  static const std::pair<std::string_view, const char*> kCues[] = {
      {"ministry", "government"}, {"institute", "analyst"}, {"council", "government"},
      {"agency", "government"}, {"army", "military"}, {"forces", "military"}, {"command", "military"},
      {"service", "government"}, {"committee", "government"}, {"organization", "international"},
      {"organisation", "international"}, {"party", "government"}, {"group", "armed_group"},
      {"university", "analyst"}, {"news", "media"}, {"times", "media"}, {"post", "media"},
      {"administration", "government"}, {"office", "government"}, {"department", "government"},
      {"bank", "official"}, {"union", "international"}, {"brigade", "military"},
      {"battalion", "military"}, {"regiment", "military"}, {"corps", "military"}, {"guard", "military"},
      {"team", "analyst"}, {"center", "analyst"}, {"centre", "analyst"}, {"foundation", "analyst"},
      {"commission", "government"}, {"court", "official"}, {"parliament", "government"},
      {"government", "government"}, {"staff", "military"}, {"navy", "military"}, {"fleet", "military"},
      {"police", "government"}, {"network", "media"}, {"channel", "media"}, {"press", "media"},
      {"journal", "media"}, {"tribune", "media"}, {"herald", "media"}, {"gazette", "media"},
      {"television", "media"}, {"radio", "media"}, {"agency", "media"}, {"watch", "analyst"},
      {"monitor", "analyst"}, {"project", "analyst"}, {"academy", "analyst"}, {"company", "official"},
      {"corporation", "official"}, {"inc", "official"}, {"ltd", "official"}, {"plant", "official"},
      {"station", "official"}, {"airport", "official"}, {"base", "military"}, {"division", "military"},
      {"directorate", "military"}, {"headquarters", "military"}, {"cabinet", "government"},
      {"duma", "government"}, {"senate", "government"}, {"congress", "government"},
      {"assembly", "government"}, {"federation", "government"}, {"republic", "government"}};
  // Looked up for every capitalised word of a chain: one hash, not a
  // comparison with each cue (the first of a repeated cue wins).
  static const FlatStringMap<const char*> kByCue = [] {
    FlatStringMap<const char*> m;
    for (const auto& [cue, cat] : kCues) m.Insert(cue, cat);
    return m;
  }();
  const char* const* cat = kByCue.Find(w);
  return cat != nullptr ? *cat : nullptr;
}

bool IsConnector(std::string_view w) {
  return w == "of" || w == "for" || w == "the" || w == "and" || w == "on" || w == "de" || w == "al" ||
         w == "'s";
}

bool IsPronoun(std::string_view w) { return w == "he" || w == "she"; }

// Russian and Ukrainian patronymics: "Владимирович", "Олександрівна".
bool IsPatronymic(std::string_view w) {
  for (std::string_view e : {"вич", "вна", "ична", "івна", "ївна", "ьич"}) {
    if (w.ends_with(e)) return true;
  }
  return false;
}

// Calendar words are capitalised but never names: "on Tuesday signaled".
bool IsCalendarWord(std::string_view w) {
  static const std::unordered_set<std::string_view> kWords = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
      "nov", "dec", "christmas", "easter", "ramadan"};
  return kWords.count(w) > 0;
}

class EntityFinder {
 public:
  EntityFinder(const Analysis& a, const std::vector<bool>& is_place, std::string_view outlet)
      : a_(a), is_place_(is_place) {
    if (!outlet.empty()) {
      std::string key = NameKey(outlet);
      size_t start = 0;
      while (start <= key.size()) {
        outlet_words_.push_back(key.substr(start, key.find(' ', start) - start));
        size_t sp = key.find(' ', start);
        if (sp == std::string::npos) break;
        start = sp + 1;
      }
    }
  }

  Entities Run() {
    Entities e;
    e.at_token.assign(a_.token_count(), -1);
    const Lexicons& lex = a_.lex;
    for (size_t si = 0; si < a_.seg.sentences.size(); ++si) {
      const Sentence& s = a_.seg.sentences[si];
      in_headline_ = a_.headline[si];
      for (size_t i = s.token_begin; i < s.token_end;) {
        size_t n = MatchAt(i, s.token_end, lex, &e);
        i += n > 0 ? n : 1;
      }
    }
    return e;
  }

 private:
  const Analysis& a_;
  const std::vector<bool>& is_place_;
  std::vector<std::string> outlet_words_;
  bool in_headline_ = false;

  // Length of a match at i of the outlet's name, or of its last words
  // ("Digital" for "Fox News Digital"); 0 when none.
  size_t OutletAt(size_t i, size_t end) const {
    if (outlet_words_.empty() || !Capitalized(i)) return 0;
    for (size_t skip = 0; skip < outlet_words_.size(); ++skip) {
      size_t n = outlet_words_.size() - skip;
      if (i + n > end) continue;
      if (n == 1 && outlet_words_.back().size() < 4) continue;
      bool all = true;
      for (size_t k = 0; k < n && all; ++k) all = a_.folded[i + k] == outlet_words_[skip + k];
      if (all) return n;
    }
    return 0;
  }  // Title Case there says nothing about names

  void Add(Entities* e, EntityMention m) {
    int index = static_cast<int>(e->mentions.size());
    for (size_t k = m.token_begin; k < m.token_end; ++k) e->at_token[k] = index;
    e->mentions.push_back(std::move(m));
  }

  bool Capitalized(size_t i) const { return a_.IsWord(i) && a_.token(i).capitalized; }

  // Russian and Ukrainian capitalise names, not Title Case: a capitalised
  // word the dictionary knows in lower case is an ordinary word opening a
  // sentence, a quotation or a line ("Обстрел Шебекино", "Они", "Саме"), or
  // an adjective of a place ("Белгородской"), unless it is a known person's.
  // Hunspell also knows some first names and surnames in lower case
  // ("иван", "петров"): next to another capitalised word, inside a sentence,
  // such a word is part of a name ("Иван Петров").
  bool CommonCapital(size_t i) const {
    if (!a_.Slavic() || !a_.Has(i, kCommonWord) || a_.Has(i, kPersonStart)) return false;
    bool opens = a_.SentenceInitial(i) || (i > 0 && a_.token(i - 1).kind == TokenKind::kPunct);
    if (opens) return true;
    bool next = Capitalized(i + 1);
    bool prev = i > 0 && Capitalized(i - 1) && !a_.SentenceInitial(i - 1);
    return !next && !prev;
  }

  // Tokens matched at i (0 if none).
  size_t MatchAt(size_t i, size_t end, const Lexicons& lex, Entities* e) {
    const std::string& w = a_.folded[i];
    if (a_.token(i).kind != TokenKind::kWord) return 0;
    if (IsPronoun(w) || (a_.Slavic() && (lex.IsFunctionWord(w, FunctionClass::kHe) ||
                                         lex.IsFunctionWord(w, FunctionClass::kShe)))) {
      Add(e, {EntityKind::kPronoun, i, i + 1});
      return 1;
    }
    // The outlet speaking of itself: "Example Wire could not verify".
    if (size_t n = OutletAt(i, end); n > 0) {
      EntityMention m{EntityKind::kOrganisation, i, i + n};
      m.org_category = "media";
      Add(e, m);
      return n;
    }
    // Actors: demonyms and organisations are capitalised in English; generic
    // bodies ("air force") are not.
    if (a_.Has(i, kActorStart)) {
      const Actor* actor = nullptr;
      int n = lex.actors().Match(a_.Stems(), i, end, &actor);
      // "US" is an actor, "us" is not; two-letter forms must be all caps.
      // Russian and Ukrainian write demonyms and many bodies in lower case.
      bool ok = n > 0 && (Capitalized(i) || actor->kind == "body" || (a_.Slavic() && IsCyrillicWord(w))) &&
                (actor->kind != "country" || w.size() > 2 || a_.token(i).all_caps);
      if (ok) {
        Add(e, {EntityKind::kActor, i, i + n, actor});
        return n;
      }
    }
    // Known people before roles: "General" is a role, "Gerasimov" a person.
    // A name never starts with "The", "But" or "However".
    if (Capitalized(i) && !is_place_[i] && !in_headline_ && !a_.IsStopWord(w) && !CommonCapital(i)) {
      size_t n = PersonChain(i, end, lex, e);
      if (n > 0) return n;
    }
    const Role* role = nullptr;
    int n = a_.Has(i, kRoleStart) ? lex.roles().Match(a_.Stems(), i, end, &role) : 0;
    if (n > 0) {
      // A capitalised role word at the start of a sentence may be a name
      // ("General Dynamics"); the lexicon's lower-case roles are common nouns.
      Add(e, {EntityKind::kRole, i, i + n, nullptr, role});
      return n;
    }
    return 0;
  }

  // A chain of capitalised words that names a person or an organisation.
  size_t PersonChain(size_t i, size_t end, const Lexicons& lex, Entities* e) {
    // Extend over capitalised words, and over connectors between them.
    size_t j = i;
    size_t last_cap = i;
    const char* org = nullptr;
    while (j < end) {
      if (Capitalized(j) && !is_place_[j]) {
        if (const char* cat = OrgCategory(a_.folded[j])) org = cat;
        last_cap = j;
        ++j;
        continue;
      }
      if (IsConnector(a_.folded[j]) && j + 1 < end && (Capitalized(j + 1) || is_place_[j + 1])) {
        ++j;
        continue;
      }
      if (is_place_[j] && org != nullptr) {  // "Ministry of Defence of Ukraine"
        last_cap = j;
        ++j;
        continue;
      }
      break;
    }
    size_t chain_end = last_cap + 1;
    if (org != nullptr) {
      EntityMention m{EntityKind::kOrganisation, i, chain_end};
      m.org_category = org;
      Add(e, m);
      return chain_end - i;
    }
    // Without an organisation cue a person's name has no connectors.
    chain_end = i;
    while (chain_end < end && Capitalized(chain_end) && !is_place_[chain_end] &&
           !IsCalendarWord(a_.folded[chain_end]) && !StartsActor(chain_end, end) &&
           a_.folded[chain_end].rfind("pro-", 0) != 0 && a_.folded[chain_end].rfind("anti-", 0) != 0) {
      // A role word ends the name: "Zelenskyy, President ..." never joins.
      const Role* r = nullptr;
      if (chain_end > i && a_.Has(chain_end, kRoleStart) &&
          lex.roles().Match(a_.Stems(), chain_end, chain_end + 1, &r) > 0) {
        break;
      }
      ++chain_end;
    }
    // Strip leading role words and stop words: "President Volodymyr Zelenskyy".
    size_t name_begin = i;
    while (name_begin < chain_end) {
      const Role* r = nullptr;
      if ((a_.Has(name_begin, kRoleStart) && lex.roles().Match(a_.Stems(), name_begin, chain_end, &r) > 0) ||
          a_.Has(name_begin, kStopWord)) {
        ++name_begin;
      } else {
        break;
      }
    }
    if (name_begin >= chain_end) return 0;  // only roles: let the role matcher take them
    if (name_begin > i) return 0;           // the role comes first; its own match handles it
    const int* known = nullptr;
    int kn =
        a_.Has(name_begin, kPersonStart) ? lex.person_aliases().Match(a_.Stems(), name_begin, chain_end, &known) : 0;
    size_t len = chain_end - name_begin;
    bool person = kn > 0 || len >= 2;
    if (!person && len == 1) {
      // A single unknown word: a person when a title precedes it or it speaks.
      const Role* r = nullptr;
      bool titled = name_begin > 0 && a_.Has(name_begin - 1, kRoleStart) &&
                    lex.roles().Match(a_.Stems(), name_begin - 1, name_begin, &r) > 0;
      bool speaks = SpeechVerbFollows(chain_end, end);
      person = (titled || speaks) && !a_.SentenceInitial(name_begin) ? true : speaks;
      if (a_.Has(name_begin, kStopWord)) person = false;
    }
    // A Russian or Ukrainian name is a first name and a surname, with a
    // patronymic between them at most; capitalised words before it are a
    // place in the genitive the gazetteer did not take ("Новой Каховки
    // Владимир Леонтьев").
    if (person && a_.Slavic() && kn == 0 && len > 3) {
      name_begin = chain_end - (IsPatronymic(a_.folded[chain_end - 2]) ? 3 : 2);
      len = chain_end - name_begin;
    } else if (person && a_.Slavic() && kn == 0 && len == 3 && !IsPatronymic(a_.folded[chain_end - 2])) {
      name_begin = chain_end - 2;
      len = 2;
    }
    if (!person) {
      // Remember the word as a possible later alias: a bare surname seen
      // before its full name is rare in news, so leave it unexplained.
      return 0;
    }
    EntityMention m{EntityKind::kPerson, name_begin, chain_end};
    m.known_person = kn > 0 ? *known : -1;
    Add(e, m);
    return chain_end - i;
  }

  bool StartsActor(size_t k, size_t end) const {
    const Actor* actor = nullptr;
    return a_.Has(k, kActorStart) && a_.lex.actors().Match(a_.Stems(), k, end, &actor) > 0;
  }

  bool SpeechVerbFollows(size_t k, size_t end) const {
    while (k < end && a_.Has(k, kAuxWord)) ++k;
    return k < end && a_.Has(k, kSpeechWord) && a_.lex.FindSpeechVerb(a_.L(k)) != nullptr;
  }
};

}  // namespace

Entities FindEntities(const Analysis& a, const std::vector<bool>& is_place, std::string_view outlet) {
  return EntityFinder(a, is_place, outlet).Run();
}

}  // namespace sitrep
