#include "pipeline/windows.h"

namespace sitrep {

namespace {

// The end of the window that starts at `begin`: where the next one starts.
size_t CutAfter(std::string_view text, size_t begin, size_t window_bytes) {
  const size_t limit = begin + window_bytes;  // < text.size()
  const size_t half = begin + window_bytes / 2;
  std::string_view part = text.substr(0, limit);
  // A blank line: cut after it and the line ends that follow it.
  size_t at = part.rfind("\n\n");
  if (at != std::string_view::npos && at >= half) {
    at += 2;
    while (at < text.size() && at < limit && text[at] == '\n') ++at;
    return at;
  }
  at = part.rfind('\n');
  if (at != std::string_view::npos && at >= half) return at + 1;
  for (size_t k = limit - 1; k > half; --k) {
    const char c = text[k - 1];
    if ((c == '.' || c == '!' || c == '?') && text[k] == ' ') return k + 1;
  }
  at = limit;
  while (at > begin + 1 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

}  // namespace

std::vector<Span> ExtractionWindows(std::string_view text, size_t window_bytes) {
  std::vector<Span> out;
  size_t begin = 0;
  while (window_bytes > 0 && text.size() - begin > window_bytes) {
    const size_t end = CutAfter(text, begin, window_bytes);
    out.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    begin = end;
  }
  out.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(text.size())});
  return out;
}

}  // namespace sitrep
