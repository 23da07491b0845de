// The claim builder's parts, shared by the files that implement it:
// claims.cc (the order of the passes), claim_speakers.cc, claim_attribution.cc,
// claim_slavic.cc, claim_learned.cc, claim_statuses.cc. Private to src/events.
#ifndef SITREP_EVENTS_CLAIM_BUILDER_H_
#define SITREP_EVENTS_CLAIM_BUILDER_H_

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/utf8.h"
#include "events/claims.h"
#include "extract/lexicons.h"

namespace sitrep::claim_internal {

struct SpeakerRef {
  bool found = false;
  size_t tb = 0, te = 0;
  Speaker speaker;
  std::string category;
  bool unnamed = false;  // "sources", "reports"
};

struct Draft {
  Claim c;
  size_t tb = 0, te = 0;  // tokens of the claim's text
  uint32_t sentence = 0;  // the sentence that carries its attribution
  uint32_t sentence_first = 0, sentence_last = 0;  // sentences it spans
  uint32_t paragraph = 0;
  std::string category;   // the speaker's category
  SpeechClass verb = SpeechClass::kSay;
  std::optional<Span> denied_by;  // ", which X denied"
};

class ClaimBuilder {
 public:
  ClaimBuilder(const DocContext& ctx, const ClaimOptions& o);
  std::vector<Claim> Run();

 private:
  const DocContext& x_;
  const Analysis& a_;
  const ClaimOptions& o_;
  std::vector<Draft> drafts_;
  std::vector<bool> used_;       // tokens used as attribution (speech verb, speaker)
  // Indexes that keep every step linear in the document's length.
  std::vector<bool> claimed_;                      // per token: inside a non-quote claim
  std::vector<int> sentence_claims_;               // per sentence: claims that touch it
  std::vector<bool> sentence_cue_;                 // per sentence: has a verification cue
  std::vector<bool> sentence_quantity_;            // per sentence: has a quantity outside quotes
  std::vector<std::vector<size_t>> quotes_closing_;  // per sentence: speech quotes closing in it
  std::vector<int> quote_draft_;                   // per quote: its draft, or -1
  std::vector<size_t> transcript_labels_;  // first token of each "NAME:" label ColonAttribution took
  int last_speaker_draft_ = -1;                    // the last draft given a speaker
  std::vector<int> owner_;                         // per token, after sorting: its draft, or -1
  std::vector<size_t> start_;                      // per sentence: first token after a dateline
  int dateline_place_ = 0;                         // the document's first dateline's place (1-based), or 0
  int last_person_speaker_ = 0;  // for "he said"
  uint32_t last_person_paragraph_ = 0;
  std::vector<std::pair<Span, int>> verification_cues_;  // cue span, sentence
  std::vector<size_t> person_tokens_;  // tokens of person mentions outside quotations, ascending (pronouns)
  // PersonByTitle's answers by role and country (a long document asks again
  // for every title phrase), and the people's roles case-folded.
  mutable std::map<std::pair<const Role*, std::string>, int> person_by_title_;
  mutable std::vector<std::string> folded_roles_;
  size_t next_tagged_ = 0;                               // Learned(): first tagged span not yet passed

  const std::string& W(size_t i) const {
    static const std::string kEmpty;
    return i < a_.folded.size() ? a_.folded[i] : kEmpty;
  }
  size_t SentenceBegin(size_t i) const { return start_.empty() ? a_.seg.sentences[a_.sentence_of[i]].token_begin
                                                                 : start_[a_.sentence_of[i]]; }
  size_t SentenceEnd(size_t i) const { return a_.seg.sentences[a_.sentence_of[i]].token_end; }
  bool InQuote(size_t i) const { return i < x_.quote_at.size() && x_.quote_at[i] >= 0; }
  bool InDate(size_t i) const { return i < x_.date_at.size() && x_.date_at[i] >= 0; }
  const SpeechVerb* SpeechAt(size_t i) const {
    return a_.Has(i, kSpeechWord) ? a_.lex.FindSpeechVerb(a_.L(i)) : nullptr;
  }
  // Russian and Ukrainian function words (function_words.tsv).
  bool Fn(size_t i, FunctionClass c) const { return a_.Slavic() && a_.lex.IsFunctionWord(W(i), c); }
  // "that", or Russian "что", Ukrainian "що": opens a speech verb's clause.
  bool IsThat(size_t i) const { return W(i) == "that" || Fn(i, FunctionClass::kThat); }
  bool IsDash(size_t i) const {
    return i < a_.token_count() && a_.token(i).kind == TokenKind::kPunct &&
           (a_.token(i).first == 0x2014 || a_.token(i).first == 0x2013 || a_.token(i).first == U'-');
  }
  // A word of a claim-builder class (function_words.tsv); a Russian or
  // Ukrainian word counts only in a Russian or Ukrainian text.
  bool Is(std::string_view w, FunctionClass c) const {
    return a_.lex.IsFunctionWord(w, c) && (a_.Slavic() || w.empty() || static_cast<unsigned char>(w[0]) < 0x80);
  }
  bool IsClauseBreakWord(std::string_view w) const { return Is(w, FunctionClass::kClauseBreak); }
  bool IsNarrationSplitWord(std::string_view w) const { return Is(w, FunctionClass::kNarrationSplit); }
  bool IsNpModifier(std::string_view w) const { return Is(w, FunctionClass::kNpModifier); }
  bool IsObjectWord(std::string_view w) const { return Is(w, FunctionClass::kObject); }
  bool TakesObject(std::string_view lemma) const { return Is(lemma, FunctionClass::kTakesObject); }
  bool IsPreposition(std::string_view w) const { return Is(w, FunctionClass::kPreposition); }
  // "on"/"in" before a date ("said on Friday"); Russian and Ukrainian "в",
  // "у", "за" ("заявил в субботу").
  bool IsDatePreposition(size_t i) const { return Is(W(i), FunctionClass::kDatePreposition); }
  // Hedges in the outlet's own voice: "allegedly", "якобы", "нібито".
  bool IsHedge(size_t k) const { return Is(W(k), FunctionClass::kHedge); }


  // claim_speakers.cc: who says it: speaker phrases, pronouns, titles, organisations
  void FillFromPerson(int id, SpeakerRef* r) const;
  int PersonByTitle(const Role* role, const std::string& country) const;
  int ResolvePronoun(size_t at) const;
  int ResolvePronoun(size_t at, char want) const;
  SpeakerRef FromPhrase(size_t b, size_t e) const;
  const EntityMention* OrganisationBefore(size_t at, const std::string& category) const;
  SpeakerRef SpeakerBefore(size_t v) const;
  SpeakerRef SlavicSpeakerBeforePhrase(size_t v) const;
  enum class NamedStep { kNone, kPassed, kStop };
  NamedStep PassNamed(size_t begin, size_t* k, size_t* end) const;
  SpeakerRef SpeakerAfter(size_t v) const;
  SpeakerRef SlavicSpeakerFrom(size_t from) const;
  SpeakerRef PossessiveSpeaker(size_t k) const;
  void NoteSpeaker(const SpeakerRef& r, size_t at);

  // claim_attribution.cc: claims and their attribution: quotes, reported speech, trailing and colon attribution,
  // reports, narration
  Draft& NewDraft(ClaimKind kind, size_t tb, size_t te, uint32_t sentence);
  void SetSpeaker(Draft* d, const SpeakerRef& r, size_t verb);
  bool AttributeQuote(const QuoteMention& q, size_t q_index, Draft* d);
  void Quotes(uint32_t s);
  bool BareAttribution(size_t v) const;
  size_t ClauseEnd(size_t from, size_t se) const;
  bool Complement(size_t v, const SpeechVerb& sv, size_t* cb, size_t* ce) const;
  void ReportedSpeech(uint32_t s);
  SpeakerRef SubjectOfEarlierVerb(size_t v) const;
  SpeakerRef ParticipleSubject(uint32_t s, size_t v);
  void Trailing(size_t v, uint32_t s);
  void Reports(uint32_t s);
  void AccordingTo(size_t k, uint32_t s);
  bool Negated(size_t v) const;
  bool IsVerificationVerb(size_t k) const;
  size_t SlavicVerificationStart(size_t k) const;
  void Narration(uint32_t s);
  void FindVerificationCues(uint32_t s);
  void TrailingDenials();
  void Sentence(uint32_t s);
  void TaggedSpeakerSpans(uint32_t s);
  void ColonAttribution(uint32_t s, bool headline);

  // claim_slavic.cc: Russian and Ukrainian sourcing: impersonal cues, "сообщает X", citing outlets, source lines
  bool IsImpersonalCue(size_t k) const;
  SpeakerRef MessageSource(size_t k) const;
  void SourcedClaim(uint32_t s, size_t cue_b, size_t cue_e, const SpeakerRef& r, SpeechClass cls);
  bool CitingOutlet(uint32_t s, size_t cue_b, size_t after_source);
  void SlavicSources(uint32_t s);
  void SourceLine();
  void BodyAnaphors();
  void DemonstrativeDenials();
  void AboutThis(uint32_t s);

  // claim_learned.cc: the attribution tagger's spans turned into claims
  std::pair<size_t, size_t> TaggedIn(uint32_t s);
  void Learned(uint32_t s);
  void AttributeLearned(Draft* d, const SpeakerRef& r, const AttributionSpan& cue, const SpeechVerb* sv,
                        const AttributionSpan* source);
  const AttributionSpan* LearnedSource(size_t first, size_t last, const AttributionSpan& cue,
                                      std::pair<size_t, size_t> content, uint32_t s) const;
  bool Inverted(const AttributionSpan& cue, std::pair<size_t, size_t> content) const;
  const AttributionSpan* SourceAfter(size_t first, size_t last, const AttributionSpan& cue, uint32_t s) const;
  SpeakerRef UntaggedSpeaker(const AttributionSpan& cue, std::pair<size_t, size_t> content) const;
  Draft* UnattributedQuote(uint32_t s, std::pair<size_t, size_t> content);
  bool KeepLearned(uint32_t s, const AttributionSpan& cue, std::pair<size_t, size_t> content) const;
  std::pair<size_t, size_t> TrailingContent(size_t first, size_t last, const AttributionSpan& cue, uint32_t s) const;
  std::pair<size_t, size_t> ColonContent(const AttributionSpan& cue, uint32_t s) const;
  size_t sent_end(uint32_t s) const { return a_.seg.sentences[s].token_end; }
  std::pair<size_t, size_t> TaggedContent(size_t first, size_t last, const AttributionSpan& cue) const;
  bool ThatlessClause(size_t head, const AttributionSpan& cue, std::pair<size_t, size_t> content) const;
  bool OtherCueInSentence(const AttributionSpan& cue, uint32_t s) const;
  bool TriggerNear(const AttributionSpan& cue) const;
  bool TriggerIn(size_t from, size_t to, size_t end) const;
  bool CountedBefore(const AttributionSpan& cue, uint32_t s) const;
  bool ActUnlessThat(const SpeechVerb& sv, size_t head) const;
  bool ActorIsAnEvent(const AttributionSpan* source, const AttributionSpan& cue, uint32_t s) const;
  bool SpeakerBeforeCue(size_t first, size_t last, const AttributionSpan& cue, uint32_t s) const;
  std::pair<size_t, size_t> SubjectOf(const AttributionSpan* source, const AttributionSpan& cue, uint32_t s) const;
  static bool ViolentType(const TriggerPattern& t);
  std::pair<size_t, size_t> ClauseAfterTaggedSource(size_t first, size_t last, const AttributionSpan& cue,
                                                    uint32_t s) const;
  const AttributionSpan* NearestTagged(size_t first, size_t last, const AttributionSpan& cue, AttributionRole role,
                                       bool after) const;
  void DropNarration(uint32_t s, size_t b, size_t e, size_t cue);
  void SpeakerWords(Draft* d, size_t b, size_t e, bool anonymous);
  void MarkAnonymous(Draft* d, size_t b, size_t e);
  void QuotesInsideSpeech();

  // claim_statuses.cc: statuses (verification, denial), dates and links to places, quantities and people
  std::map<std::string, int> ContentStems(size_t b, size_t e) const;
  void Verification();
  bool SlavicDenial(Draft& d);
  void Statuses();
  void ApplyDate(Draft* d, const DateMention& m);
  void Dates();
  void Attach();
  int DatelinePlace(size_t begin, size_t end) const;
};

}  // namespace sitrep::claim_internal

#endif  // SITREP_EVENTS_CLAIM_BUILDER_H_
