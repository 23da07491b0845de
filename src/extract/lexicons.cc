#include "extract/lexicons.h"

#include <optional>

#include "core/tsv.h"
#include "core/utf8.h"
#include "text/segmenter.h"

namespace sitrep::data {
extern const std::string_view kData_speech_verbs;
extern const std::string_view kData_roles;
extern const std::string_view kData_actors;
extern const std::string_view kData_people;
extern const std::string_view kData_event_triggers;
extern const std::string_view kData_conflicts;
extern const std::string_view kData_section_labels;
}  // namespace sitrep::data

namespace sitrep {

template <typename T>
void PhraseTable<T>::Add(const std::string& phrase, T value) {
  int words = 1;
  for (char c : phrase) words += c == ' ';
  max_words_ = std::max(max_words_, words);
  int& longest = first_words_[phrase.substr(0, phrase.find(' '))];
  longest = std::max(longest, words);
  map_.emplace(phrase, std::move(value));
}

template <typename T>
const T* PhraseTable<T>::Find(std::string_view phrase) const {
  auto it = map_.find(phrase);
  return it == map_.end() ? nullptr : &it->second;
}

template <typename T>
int PhraseTable<T>::Match(const std::vector<std::string>& words, size_t start, size_t end,
                          const T** out) const {
  // Most words start no phrase: one lookup rejects them.
  auto first = first_words_.find(std::string_view(words[start]));
  if (first == first_words_.end()) return 0;
  int best = 0;
  auto one = map_.find(std::string_view(words[start]));
  if (one != map_.end()) {
    best = 1;
    *out = &one->second;
  }
  std::string key = words[start];
  for (int n = 2; n <= first->second && start + n <= end; ++n) {
    key.push_back(' ');
    key += words[start + n - 1];
    auto it = map_.find(key);
    if (it != map_.end()) {
      best = n;
      *out = &it->second;
    }
  }
  return best;
}

template class PhraseTable<SpeechVerb>;
template class PhraseTable<Role>;
template class PhraseTable<Actor>;
template class PhraseTable<int>;

namespace {

// A malformed row: the file and line, and what is wrong with it.
Status BadRow(const char* file, int line, const std::string& why) {
  return Status::DataError(std::string("data/lexicon/") + file + " line " + std::to_string(line) + ": " + why);
}

std::optional<SpeechClass> ParseClass(std::string_view s) {
  if (s == "say") return SpeechClass::kSay;
  if (s == "confirm") return SpeechClass::kConfirm;
  if (s == "deny") return SpeechClass::kDeny;
  if (s == "allege") return SpeechClass::kAllege;
  if (s == "report") return SpeechClass::kReport;
  if (s == "urge") return SpeechClass::kUrge;
  if (s == "assess") return SpeechClass::kAssess;
  return std::nullopt;
}

std::string Trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

LexiconSources LexiconSources::Embedded() {
  return {data::kData_speech_verbs,   data::kData_roles,     data::kData_actors,        data::kData_people,
          data::kData_event_triggers, data::kData_conflicts, data::kData_section_labels};
}

Result<std::unique_ptr<Lexicons>> Lexicons::Load(const LexiconSources& sources) {
  auto lexicons = std::make_unique<Lexicons>();
  if (Status s = lexicons->Parse(sources); !s.ok()) return s;
  lexicons->BuildClasses();
  return lexicons;
}

Status Lexicons::Parse(const LexiconSources& sources) {
  for (const TsvRow& r : ParseTsv(sources.speech_verbs)) {
    if (r.fields.size() < 4) return BadRow("speech_verbs.tsv", r.line, "needs 4 columns");
    std::optional<SpeechClass> cls = ParseClass(r.field(2));
    if (!cls) return BadRow("speech_verbs.tsv", r.line, "unknown class '" + std::string(r.field(2)) + "'");
    speech_.Add(FoldCase(r.field(0)), {std::string(r.field(1)), *cls, r.field(3) == "that"});
  }
  for (const TsvRow& r : ParseTsv(sources.roles)) {
    if (r.fields.size() < 3) return BadRow("roles.tsv", r.line, "needs 3 columns");
    roles_.Add(NameKey(r.field(0)), {std::string(r.field(1)), std::string(r.field(2))});
  }
  for (const TsvRow& r : ParseTsv(sources.actors)) {
    if (r.fields.size() < 5) return BadRow("actors.tsv", r.line, "needs 5 columns");
    actors_.Add(NameKey(r.field(0)), {Trimmed(r.field(1)), std::string(r.field(2)),
                                       std::string(r.field(3)), std::string(r.field(4))});
  }
  for (const TsvRow& r : ParseTsv(sources.people)) {
    if (r.fields.size() < 5) return BadRow("people.tsv", r.line, "needs 5 columns");
    KnownPerson p{std::string(r.field(0)), {}, std::string(r.field(2)), Trimmed(r.field(3)),
                  std::string(r.field(4))};
    int index = static_cast<int>(people_.size());
    person_aliases_.Add(NameKey(p.name), index);
    for (auto a : SplitList(r.field(1))) {
      p.aliases.emplace_back(a);
      person_aliases_.Add(NameKey(a), index);
    }
    people_.push_back(std::move(p));
  }
  for (const TsvRow& r : ParseTsv(sources.conflicts)) {
    if (r.fields.size() < 2) return BadRow("conflicts.tsv", r.line, "needs 2 sides");
    conflicts_.emplace_back(std::string(r.field(0)), std::string(r.field(1)));
  }
  for (const TsvRow& r : ParseTsv(sources.section_labels)) {
    if (r.fields.size() < 2) return BadRow("section_labels.tsv", r.line, "needs 2 columns");
    section_labels_.insert(NameKey(r.field(0)));
  }
  for (const TsvRow& r : ParseTsv(sources.event_triggers)) {
    if (r.fields.size() < 3) return BadRow("event_triggers.tsv", r.line, "needs 3 columns");
    TriggerPattern t;
    for (auto w : SplitList(r.field(0), ' ')) t.words.emplace_back(w);
    t.type = std::string(r.field(1));
    t.sub_type = std::string(r.field(2));
    t.generic = r.field(3) == "generic";
    if (t.words.empty() || t.words[0].empty() || static_cast<unsigned char>(t.words[0][0]) >= 128) {
      return BadRow("event_triggers.tsv", r.line, "a pattern starts with an ASCII word");
    }
    triggers_by_letter_[static_cast<unsigned char>(t.words[0][0])].push_back(static_cast<int>(triggers_.size()));
    triggers_.push_back(std::move(t));
  }
  return Status::Ok();
}

// Word lists kept beside the code that reads them.
const std::vector<std::string_view>& StopWordList();
const std::vector<std::string_view>& AuxiliaryWordList();
const std::vector<std::string_view>& DateStartWords();
const std::vector<std::string_view>& NumberWords();

void Lexicons::BuildClasses() {
  auto mark = [&](std::string_view w, uint32_t bit) { classes_[std::string(w)] |= bit; };
  for (auto w : StopWordList()) mark(w, kStopWord);
  for (auto w : AuxiliaryWordList()) mark(w, kAuxWord);
  for (auto w : DateStartWords()) mark(w, kDateStart);
  for (auto w : NumberWords()) mark(w, kNumberWord);
  speech_.ForEachFirstWord([&](const std::string& w) { mark(w, kSpeechWord); });
  actors_.ForEachFirstWord([&](const std::string& w) { mark(w, kActorStart); });
  roles_.ForEachFirstWord([&](const std::string& w) { mark(w, kRoleStart); });
  person_aliases_.ForEachFirstWord([&](const std::string& w) { mark(w, kPersonStart); });
}

int Lexicons::MatchTrigger(const std::vector<std::string>& words, size_t start, size_t end,
                           const TriggerPattern** out) const {
  int best = 0;
  if (start >= end || words[start].empty()) return 0;
  unsigned char first = static_cast<unsigned char>(words[start][0]);
  if (first >= 128) return 0;
  for (int index : triggers_by_letter_[first]) {
    const TriggerPattern& t = triggers_[index];
    size_t n = t.words.size();
    if (static_cast<int>(n) <= best || start + n > end) continue;
    bool ok = true;
    for (size_t k = 0; k < n && ok; ++k) {
      const std::string& p = t.words[k];
      const std::string& w = words[start + k];
      if (p == "?") continue;
      if (!p.empty() && p.back() == '*') {
        ok = w.size() >= p.size() - 1 && w.compare(0, p.size() - 1, p, 0, p.size() - 1) == 0;
      } else {
        ok = w == p;
      }
    }
    if (ok) {
      best = static_cast<int>(n);
      *out = &t;
    }
  }
  return best;
}

}  // namespace sitrep
