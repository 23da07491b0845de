// Names in the text that are not places: actors (demonyms, countries used as
// actors, organisations), roles and titles, person names and pronouns.
#ifndef SITREP_EXTRACT_NAMES_H_
#define SITREP_EXTRACT_NAMES_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/analysis.h"
#include "extract/lexicons.h"

namespace sitrep {

enum class EntityKind { kActor, kRole, kPerson, kPronoun, kOrganisation };

struct EntityMention {
  EntityKind kind = EntityKind::kActor;
  size_t token_begin = 0, token_end = 0;
  const Actor* actor = nullptr;        // kActor
  const Role* role = nullptr;          // kRole
  int known_person = -1;               // kPerson: index into Lexicons::people(), or -1
  int person = 0;                      // kPerson: person id, set when people are clustered
  std::string org_category;            // kOrganisation: from its cue word
};

struct Entities {
  std::vector<EntityMention> mentions;  // in text order, not overlapping
  std::vector<int> at_token;            // per token: index into mentions, or -1
  const EntityMention* At(size_t token) const {
    return token < at_token.size() && at_token[token] >= 0 ? &mentions[at_token[token]] : nullptr;
  }
};

// `is_place[t]` marks tokens already resolved as places: they are not people,
// but may still be actors ("the Kremlin said").
// `outlet` is the publishing outlet's name: the text naming it ("Example
// Wire could not verify") is the outlet speaking, not a person.
Entities FindEntities(const Analysis& a, const std::vector<bool>& is_place, std::string_view outlet = {});

}  // namespace sitrep

#endif  // SITREP_EXTRACT_NAMES_H_
