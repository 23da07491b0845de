#include <algorithm>

#include "sitrep/document.h"

namespace sitrep {

void OffsetMap::AddCopied(uint32_t text_begin, uint32_t raw_begin, uint32_t length) {
  if (length == 0) return;
  if (!runs_.empty()) {
    Run& last = runs_.back();
    if (last.copied && last.text_begin + last.text_length == text_begin &&
        last.raw_begin + last.raw_length == raw_begin) {
      last.text_length += length;
      last.raw_length += length;
      return;
    }
  }
  runs_.push_back({text_begin, length, raw_begin, length, true});
}

void OffsetMap::AddReplaced(uint32_t text_begin, uint32_t text_length,
                            uint32_t raw_begin, uint32_t raw_length) {
  runs_.push_back({text_begin, text_length, raw_begin, raw_length, false});
}

const OffsetMap::Run* OffsetMap::Find(uint32_t offset) const {
  // The last run whose text_begin <= offset.
  auto it = std::upper_bound(runs_.begin(), runs_.end(), offset,
                             [](uint32_t o, const Run& r) { return o < r.text_begin; });
  if (it == runs_.begin()) return nullptr;
  return &*(it - 1);
}

uint32_t OffsetMap::MapBegin(uint32_t offset) const {
  const Run* r = Find(offset);
  if (r == nullptr) return 0;
  if (offset >= r->text_begin + r->text_length) return r->raw_begin + r->raw_length;
  if (r->copied) return r->raw_begin + (offset - r->text_begin);
  return r->raw_begin;
}

uint32_t OffsetMap::MapEnd(uint32_t offset) const {
  if (offset == 0) return MapBegin(0);
  const Run* r = Find(offset - 1);
  if (r == nullptr) return 0;
  if (offset - 1 >= r->text_begin + r->text_length) return r->raw_begin + r->raw_length;
  if (r->copied) return r->raw_begin + (offset - r->text_begin);
  return r->raw_begin + r->raw_length;
}

Span OffsetMap::ToRaw(Span s) const {
  if (runs_.empty()) return {s.begin + raw_shift_, s.end + raw_shift_};
  Span out{MapBegin(s.begin), s.end > s.begin ? MapEnd(s.end) : MapBegin(s.begin)};
  return {out.begin + raw_shift_, out.end + raw_shift_};
}

}  // namespace sitrep
