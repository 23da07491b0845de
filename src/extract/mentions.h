// Mentions found in a document's text before claims are built: quotations,
// dates and quantities, each with its token range in the Analysis.
#ifndef SITREP_EXTRACT_MENTIONS_H_
#define SITREP_EXTRACT_MENTIONS_H_

#include <vector>

#include "extract/analysis.h"
#include "sitrep/extraction.h"

namespace sitrep {

struct QuoteMention {
  Span outer;                   // with the quotation marks
  Span inner;                   // without them
  size_t token_begin = 0, token_end = 0;  // tokens inside the marks
  int words = 0;
  bool speech = false;          // long enough to be speech, not a scare quote
  bool closed = true;           // false when the paragraph ended first
  uint32_t paragraph = 0;
};

// Quotations in “curly”, "straight", «guillemet» and „low-high“ marks.
std::vector<QuoteMention> FindQuotes(const Analysis& a);

struct DateFound {
  DateMention mention;
  size_t token_begin = 0, token_end = 0;
  bool since = false;  // "since X": the range's end is the time of the statement
};

// Absolute and relative dates, resolved against a.published when needed
// (relative ones are skipped when there is no publication date).
std::vector<DateFound> FindDates(const Analysis& a);

struct QuantityFound {
  Quantity quantity;
  size_t token_begin = 0, token_end = 0;
};

// Counts and measures with their unit and bound; tokens inside `dates` are
// not quantities.
std::vector<QuantityFound> FindQuantities(const Analysis& a, const std::vector<DateFound>& dates);

// The value of a number word ("six" -> 6, "thousand" -> 1000), or -1.
double NumberWordValue(std::string_view folded);

}  // namespace sitrep

#endif  // SITREP_EXTRACT_MENTIONS_H_
