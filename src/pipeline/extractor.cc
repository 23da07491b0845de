// Extractor: Open() loads the data, Extract() runs every stage in order over
// one document.
#include <algorithm>
#include <map>

#include "events/claims.h"
#include "events/people.h"
#include "extract/analysis.h"
#include "extract/lexicons.h"
#include "extract/mentions.h"
#include "extract/names.h"
#include "geoparse/gazetteer.h"
#include "geoparse/place_resolver.h"
#include "pipeline/data_paths.h"
#include "pipeline/extractor_data.h"
#include "pipeline/windows.h"
#include "sitrep/sitrep.h"

namespace sitrep {

namespace {

// Adds to `count`, per country, the places, demonyms, organisations and
// people of one window.
void CountParties(const std::vector<PlaceFound>& places, const Entities& entities, const People& people,
                  std::map<std::string, int>* count) {
  for (const PlaceFound& p : places) (*count)[p.place.country] += 1;
  for (const EntityMention& m : entities.mentions) {
    if (m.kind == EntityKind::kActor) (*count)[m.actor->country] += 1;
    if (m.kind == EntityKind::kPerson && m.person > 0) (*count)[people.people[m.person - 1].country] += 1;
  }
}

// The two sides most often named (CountParties): the parties to the
// conflict the document is about.
std::vector<std::string> FindParties(std::map<std::string, int> count, const Lexicons& lexicons) {
  count.erase("");
  // A known conflict whose two sides are both named wins: "the Pentagon
  // confirmed" is a third party in a report on Ukraine and Russia even when
  // the United States is named more often than one of them.
  int best = 0;
  std::vector<std::string> known;
  for (const auto& [x, y] : lexicons.conflicts()) {
    auto cx = count.find(x), cy = count.find(y);
    if (cx == count.end() || cy == count.end()) continue;
    if (cx->second + cy->second > best) {
      best = cx->second + cy->second;
      known = {x, y};
    }
  }
  if (!known.empty()) return known;
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [c, n] : count) ranked.push_back({n, c});
  std::sort(ranked.begin(), ranked.end(), [](const auto& x, const auto& y) {
    return x.first != y.first ? x.first > y.first : x.second < y.second;
  });
  std::vector<std::string> parties;
  for (size_t i = 0; i < ranked.size() && i < 2; ++i) parties.push_back(ranked[i].second);
  return parties;
}

// Tokens that are places, or (when given) other entities.
std::vector<bool> Explained(size_t n, const std::vector<PlaceFound>& places, const Entities* entities) {
  std::vector<bool> out(n, false);
  for (const PlaceFound& p : places) {
    for (size_t k = p.token_begin; k < p.token_end; ++k) out[k] = true;
  }
  if (entities != nullptr) {
    for (size_t k = 0; k < n; ++k) out[k] = out[k] || entities->at_token[k] >= 0;
  }
  return out;
}

// Per token, the country of the place at it, or empty (a temporary: freed
// as soon as people are clustered).
std::vector<std::string> PlaceCountries(const Analysis& a, const std::vector<PlaceFound>& places) {
  std::vector<std::string> out(a.token_count());
  for (const PlaceFound& p : places) {
    for (size_t k = p.token_begin; k < p.token_end; ++k) out[k] = p.place.country;
  }
  return out;
}

}  // namespace

namespace {

// `given`, or the default search's file when it is empty.
Result<std::string> PathOr(const std::string& given, Result<std::string> (*search)()) {
  if (!given.empty()) return given;
  return search();
}

}  // namespace

Result<std::unique_ptr<Extractor>> Extractor::Open(const ExtractorOptions& options) {
  auto data = std::make_unique<Data>();
  Result<std::string> gazetteer_path = PathOr(options.gazetteer_path, DefaultGazetteerPath);
  if (!gazetteer_path.ok()) return gazetteer_path.status();
  data->gazetteer_path = *gazetteer_path;
  Result<std::unique_ptr<Gazetteer>> gazetteer = Gazetteer::Open(data->gazetteer_path);
  if (!gazetteer.ok()) return gazetteer.status();
  data->gazetteer = std::move(gazetteer).value();
  Result<std::string> model_path = PathOr(options.attribution_model_path, DefaultAttributionModelPath);
  if (!model_path.ok()) return model_path.status();
  data->attribution_model_path = *model_path;
  Result<AttributionTagger> tagger = AttributionTagger::Load(data->attribution_model_path);
  if (!tagger.ok()) return tagger.status();
  data->attribution = std::make_unique<AttributionTagger>(std::move(tagger).value());
  Result<std::string> events_path = PathOr(options.events_model_path, DefaultEventModelPath);
  if (!events_path.ok()) return events_path.status();
  data->events_model_path = *events_path;
  Result<EventClassifier> events = EventClassifier::Load(data->events_model_path);
  if (!events.ok()) return events.status();
  data->events = std::make_unique<EventClassifier>(std::move(events).value());
  Result<std::unique_ptr<Lexicons>> lexicons = Lexicons::Load();
  if (!lexicons.ok()) return lexicons.status();
  data->lexicons = std::move(lexicons).value();
  Result<std::unique_ptr<Morphology>> morphology =
      Morphology::Open(options.hunspell_dir.empty() ? DefaultHunspellDir() : options.hunspell_dir);
  if (!morphology.ok()) return morphology.status();
  data->morphology = std::move(morphology).value();
  return std::unique_ptr<Extractor>(new Extractor(std::move(data)));
}

Extractor::Extractor(std::unique_ptr<Data> data) : data_(std::move(data)) {}
Extractor::~Extractor() = default;

const std::string& Extractor::gazetteer_path() const { return data_->gazetteer_path; }
const std::string& Extractor::attribution_model_path() const { return data_->attribution_model_path; }

std::string Extractor::CountryName(std::string_view iso3) const {
  const GazetteerEntry* e = data_->gazetteer->Country(iso3);
  return std::string(e != nullptr ? e->name : iso3);
}

Result<const Extractor*> DefaultExtractor() {
  static const Result<std::unique_ptr<Extractor>> opened = Extractor::Open();
  if (!opened.ok()) return opened.status();
  return opened.value().get();
}

Result<Extraction> Extract(const Document& document, const ExtractOptions& options) {
  Result<const Extractor*> extractor = DefaultExtractor();
  if (!extractor.ok()) return extractor.status();
  return (*extractor)->Extract(document, options);
}

namespace {

// What the windows of one document pass on from one to the next.
struct WindowCarry {
  PeopleAcrossWindows people;
  std::map<std::string, int> party_count;  // FindParties' counts over the windows so far
  std::vector<std::string> parties;        // as of the latest window
  size_t tokens = 0;                       // tokens of the windows before
  int claims = 0, places = 0, quantities = 0;  // ids given so far
};

// The rule-proposed events go to options.event_candidates (training) or the
// event model judges them.
void SetEventModel(const Extractor::Data& data, const OffsetMap& offsets, const Analysis& a, uint32_t base,
                   const ExtractOptions& options, DocContext* ctx) {
  if (!options.event_candidates) {
    // The event model is trained on English clauses: on Russian and
    // Ukrainian ones it sees none of its word features and dropped triggers
    // the rules had right (docs/languages.md), so there the rules decide.
    ctx->event_model = a.Slavic() ? nullptr : data.events.get();
    ctx->event_threshold = options.event_threshold;
    return;
  }
  // Training the event model: every rule event, judged by no earlier model.
  ctx->event_model = nullptr;
  ctx->event_threshold = 0;
  ctx->event_candidates = [&offsets, &options, base](const Event& e,
                                                    const std::vector<learn::FeatureId>& features) {
    Event raw_event = e;
    raw_event.trigger_span = offsets.ToRaw({e.trigger_span.begin + base, e.trigger_span.end + base});
    options.event_candidates(raw_event, features);
  };
}

// Places, quantities, dates and claims of one window into `x`, every span
// mapped back to the original bytes and every id the document's.
void Assemble(const OffsetMap& offsets, uint32_t base, std::vector<PlaceFound>& places,
              std::vector<QuantityFound>& quantities, std::vector<DateFound>& dates, std::vector<Claim>& claims,
              WindowCarry* carry, Extraction* x) {
  auto raw = [&](Span s) { return offsets.ToRaw({s.begin + base, s.end + base}); };
  // Moved, not copied: a long document's records are tens of megabytes.
  x->places.reserve(places.size());
  for (size_t i = 0; i < places.size(); ++i) {
    Place p = std::move(places[i].place);
    p.id = carry->places + static_cast<int>(i) + 1;
    p.span = raw(p.span);
    x->places.push_back(std::move(p));
  }
  x->quantities.reserve(quantities.size());
  for (size_t i = 0; i < quantities.size(); ++i) {
    Quantity q = std::move(quantities[i].quantity);
    q.id = carry->quantities + static_cast<int>(i) + 1;
    q.span = raw(q.span);
    x->quantities.push_back(std::move(q));
  }
  x->dates.reserve(dates.size());
  for (DateFound& d : dates) {
    DateMention m = std::move(d.mention);
    m.span = raw(m.span);
    x->dates.push_back(std::move(m));
  }
  for (Claim& c : claims) {
    c.id += carry->claims;
    for (int& id : c.places) id += carry->places;
    for (int& id : c.quantities) id += carry->quantities;
    c.span = raw(c.span);
    c.cue_span = raw(c.cue_span);
    if (c.speaker) c.speaker->span = raw(c.speaker->span);
    if (c.status_cue) c.status_cue->span = raw(c.status_cue->span);
    if (c.event) {
      c.event->trigger_span = raw(c.event->trigger_span);
      if (c.event->place_id > 0) c.event->place_id += carry->places;
    }
  }
  x->claims = std::move(claims);
  carry->claims += static_cast<int>(x->claims.size());
  carry->places += static_cast<int>(x->places.size());
  carry->quantities += static_cast<int>(x->quantities.size());
}

// One window of a document: its text, which starts `base` bytes into the
// document's text.
struct Window {
  const DocumentMeta& meta;
  const OffsetMap& offsets;
  std::string_view text;
  uint32_t base;
};

// Every stage over one window.
Extraction ExtractWindow(const Extractor::Data& data, const Window& w, std::optional<CivilDate> published,
                         const ExtractOptions& options, WindowCarry* carry) {
  const Lexicons& lexicons = *data.lexicons;
  Analysis a(w.text, published, lexicons, data.morphology.get(), LanguageFromCode(w.meta.language));
  // Only the document's first paragraph can be its headline.
  if (w.base > 0) a.headline.assign(a.headline.size(), false);
  std::vector<QuoteMention> quotes = FindQuotes(a);
  std::vector<DateFound> dates = FindDates(a);
  std::vector<QuantityFound> quantities = FindQuantities(a, dates);

  PlaceResolver resolver(*data.gazetteer);
  std::vector<PlaceFound> places = resolver.Resolve(a);
  std::vector<bool> is_place = Explained(a.token_count(), places, nullptr);
  Entities entities = FindEntities(a, is_place, w.meta.outlet);
  resolver.ResolveMisspellings(a, Explained(a.token_count(), places, &entities), &places);
  People people = carry->people.Add(a, Explained(a.token_count(), places, &entities), PlaceCountries(a, places),
                                    &entities, carry->tokens, w.base);
  resolver.MarkMetonyms(a, &places);

  DocContext ctx(a, quotes, dates, quantities, places, entities, people);
  CountParties(places, entities, people, &carry->party_count);
  ctx.parties = carry->parties = FindParties(carry->party_count, lexicons);
  // The learned tagger's features are English words: on Russian and
  // Ukrainian text it tags English function-word patterns that are not there
  // (docs/languages.md has the measurement), so only the rules run.
  if (!a.Slavic()) ctx.attributions = data.attribution->Tag(a, quotes);
  SetEventModel(data, w.offsets, a, w.base, options, &ctx);
  ClaimOptions claim_options;
  claim_options.date_context_paragraphs = options.date_context_paragraphs;
  std::vector<Claim> claims = BuildClaims(ctx, claim_options);

  Extraction x;
  x.document = w.meta;
  if (x.document.title.empty()) {
    for (size_t s = 0; s < a.headline.size(); ++s) {
      if (!a.headline[s]) continue;
      const Sentence& h = a.seg.sentences[s];
      x.document.title = std::string(a.SpanText({h.begin, h.end}));
    }
  }
  carry->tokens += a.token_count();
  Assemble(w.offsets, w.base, places, quantities, dates, claims, carry, &x);
  return x;
}

Result<std::optional<CivilDate>> PublishedDate(const DocumentMeta& meta) {
  if (meta.published.empty()) return std::optional<CivilDate>();
  std::optional<CivilDate> published = CivilDate::Parse(meta.published);
  if (!published) return Status::InvalidArgument("publication date '" + meta.published + "' is not YYYY-MM-DD");
  return published;
}

// The document's people, who span windows, once every window is done.
void AddPeople(const Extractor::Data& data, const OffsetMap& offsets, WindowCarry& carry, Extraction* out) {
  People people = carry.people.All(*data.lexicons);
  out->people.reserve(people.people.size());
  for (size_t i = 0; i < people.people.size(); ++i) {
    Person p = std::move(people.people[i]);
    p.side = SideOf(people.category[i], p.country, carry.parties);
    for (Span& s : p.spans) s = offsets.ToRaw(s);
    out->people.push_back(std::move(p));
  }
}

}  // namespace

Result<Extraction> Extractor::ExtractWindows(const Document& doc, const ExtractOptions& options,
                                             const std::function<void(Extraction& window)>& on_window) const {
  Result<std::optional<CivilDate>> published = PublishedDate(doc.meta);
  if (!published.ok()) return published.status();
  WindowCarry carry;
  Extraction out;
  out.document = doc.meta;
  for (Span w : ExtractionWindows(doc.text, options.window_bytes)) {
    const Window window{doc.meta, doc.offsets, std::string_view(doc.text).substr(w.begin, w.end - w.begin), w.begin};
    Extraction x = ExtractWindow(*data_, window, *published, options, &carry);
    if (w.begin == 0) out.document = x.document;  // with the title
    on_window(x);
  }
  AddPeople(*data_, doc.offsets, carry, &out);
  return out;
}

// The windows are cut as ExtractionWindows() cuts the whole text: each cut
// depends only on the window_bytes + 1 bytes from the window's start.
Result<Extraction> Extractor::ExtractWindows(DocumentStream& stream, const ExtractOptions& options,
                                             const std::function<void(Extraction& window)>& on_window) const {
  const DocumentMeta& meta = stream.meta();
  Result<std::optional<CivilDate>> published = PublishedDate(meta);
  if (!published.ok()) return published.status();
  const size_t want = options.window_bytes == 0 ? SIZE_MAX : options.window_bytes + 1;
  WindowCarry carry;
  Extraction out;
  out.document = meta;
  std::string buffer;
  uint64_t base = 0;
  bool end = false;
  while (true) {
    while (!end && buffer.size() < want) {
      Result<size_t> n = stream.Read(std::min<size_t>(want - buffer.size(), size_t{1} << 20), &buffer);
      if (!n.ok()) return n.status();
      end = *n == 0;
    }
    const size_t cut = ExtractionWindows(buffer, options.window_bytes).front().end;
    const Window window{meta, stream.offsets(), std::string_view(buffer).substr(0, cut), static_cast<uint32_t>(base)};
    Extraction x = ExtractWindow(*data_, window, *published, options, &carry);
    if (base == 0) out.document = x.document;  // with the title
    on_window(x);
    buffer.erase(0, cut);
    base += cut;
    if (end && buffer.empty()) break;
  }
  AddPeople(*data_, stream.offsets(), carry, &out);
  return out;
}

Result<Extraction> Extractor::Extract(const Document& doc, const ExtractOptions& options) const {
  Extraction all;
  bool first = true;
  auto add = [&](Extraction& x) {
    if (first) {
      all = std::move(x);
      first = false;
      return;
    }
    auto append = [](auto& to, auto& from) { to.insert(to.end(), std::make_move_iterator(from.begin()),
                                                       std::make_move_iterator(from.end())); };
    append(all.claims, x.claims);
    append(all.places, x.places);
    append(all.quantities, x.quantities);
    append(all.dates, x.dates);
  };
  Result<Extraction> rest = ExtractWindows(doc, options, add);
  if (!rest.ok()) return rest.status();
  all.document = std::move(rest->document);
  all.people = std::move(rest->people);
  return all;
}

}  // namespace sitrep
