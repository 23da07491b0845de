// Groups person mentions into people: full names, bare surnames and
// misspellings ("Zelenksyy") become one Person with aliases, a role and a
// country taken from titles ("Ukrainian General Oleksandr Syrskyi"),
// appositions (", a spokesman for the Kremlin,") and the known-people list.
#ifndef SITREP_EVENTS_PEOPLE_H_
#define SITREP_EVENTS_PEOPLE_H_

#include <memory>
#include <string>
#include <vector>

#include "extract/analysis.h"
#include "extract/names.h"
#include "sitrep/extraction.h"

namespace sitrep {

struct PeopleOptions {
  int max_surname_edits_short = 1;  // surnames of up to 6 letters
  int max_surname_edits_long = 2;   // longer surnames
  // A misspelt surname is matched only to people mentioned within this many
  // tokens (an exact surname anywhere): an article is a few thousand tokens,
  // and a book-length document or a channel export would otherwise compare
  // every name with every person named before it.
  size_t fuzzy_window_tokens = 20000;
};

struct People {
  std::vector<Person> people;          // people[i].id == i + 1; side not yet set
  std::vector<std::string> category;   // per person: government, military, analyst, ...
  std::vector<char> gender;            // per person: 'f', 'm' or 0 when nothing says
};

// 'f', 'm' or 0 from a first name: Slavic and many other feminine first
// names end in -a ("Maria", "Olena", "Iryna"), with the common male
// exceptions ("Nikita", "Ilya", "Mykola") known.
char GenderOfFirstName(std::string_view folded);

// Assigns EntityMention::person for every person mention (ids from 1) and
// adds mentions for bare surnames of people already named in full.
// `explained[t]` marks tokens that are places or other entities;
// `place_country[t]` is the country of the place at token t, or empty
// ("Kharkiv Governor Oleh Syniehubov" is Ukrainian).
People ClusterPeople(const Analysis& a, const std::vector<bool>& explained,
                     const std::vector<std::string>& place_country, Entities* entities,
                     const PeopleOptions& options = {});

class PeopleClusterer;

// ClusterPeople over the windows of one long document in turn
// (pipeline/extractor.cc): a person named in one window keeps their id in
// the next, and a bare surname there still finds them.
class PeopleAcrossWindows {
 public:
  explicit PeopleAcrossWindows(const PeopleOptions& options = {});
  ~PeopleAcrossWindows();
  PeopleAcrossWindows(const PeopleAcrossWindows&) = delete;
  PeopleAcrossWindows& operator=(const PeopleAcrossWindows&) = delete;

  // Clusters one window's person mentions (its first token and byte are the
  // document's `token_base` and `byte_base`; entities->mentions get the
  // people's document-wide ids) and returns everyone named so far, without
  // their spans.
  People Add(const Analysis& a, const std::vector<bool>& explained, const std::vector<std::string>& place_country,
             Entities* entities, size_t token_base, uint32_t byte_base);
  // Everyone, with every span in the document's text offsets.
  People All(const Lexicons& lexicons) const;

 private:
  std::unique_ptr<PeopleClusterer> clusterer_;
};

// "party" | "third_party" | "analyst" | "media" | "social_media" | "unknown"
// for a speaker of `category` from `country`, given the parties to the
// conflict the document is about.
std::string SideOf(const std::string& category, const std::string& country,
                   const std::vector<std::string>& parties);

}  // namespace sitrep

#endif  // SITREP_EVENTS_PEOPLE_H_
