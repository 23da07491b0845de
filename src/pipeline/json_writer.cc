#include "pipeline/json_writer.h"

#include <charconv>
#include <cmath>

#include "core/utf8.h"

namespace sitrep {

void JsonWriter::Newline() {
  if (indent_ < 0) return;
  out_->push_back('\n');
  out_->append(stack_.size() * static_cast<size_t>(indent_), ' ');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  if (!stack_.back().first) out_->push_back(',');
  stack_.back().first = false;
  Newline();
}

void JsonWriter::Open(char c) {
  BeforeValue();
  out_->push_back(c);
  stack_.push_back({});
}

void JsonWriter::Close(char c) {
  bool empty = stack_.back().first;
  stack_.pop_back();
  if (!empty) Newline();
  out_->push_back(c);
}

void JsonWriter::Key(std::string_view k) {
  // Keys are sitrep's own identifiers: nothing to escape.
  BeforeValue();
  out_->push_back('"');
  out_->append(k);
  out_->push_back('"');
  out_->append(indent_ < 0 ? ":" : ": ");
  after_key_ = true;
}

void JsonWriter::Value(std::string_view raw) {
  BeforeValue();
  out_->append(raw);
}

void JsonWriter::String(std::string_view s) {
  BeforeValue();
  Quoted(s);
}

void JsonWriter::Quoted(std::string_view s) {
  out_->push_back('"');
  static const char* kHex = "0123456789abcdef";
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // Never emit ill-formed UTF-8: an invalid byte becomes U+FFFD.
      char32_t cp;
      int len = DecodeUtf8(s, i, &cp);
      if (len > 0) {
        i += len - 1;
        continue;
      }
      out_->append(s.substr(run, i - run));
      out_->append("\xEF\xBF\xBD");
      run = i + 1;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_->append(s.substr(run, i - run));
    run = i + 1;
    switch (c) {
      case '"': out_->append("\\\""); break;
      case '\\': out_->append("\\\\"); break;
      case '\n': out_->append("\\n"); break;
      case '\t': out_->append("\\t"); break;
      case '\r': out_->append("\\r"); break;
      case '\b': out_->append("\\b"); break;
      case '\f': out_->append("\\f"); break;
      default:
        out_->append("\\u00");
        out_->push_back(kHex[c >> 4]);
        out_->push_back(kHex[c & 15]);
    }
  }
  out_->append(s.substr(run));
  out_->push_back('"');
}

void JsonWriter::Int(int64_t v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  Value(std::string_view(buf, r.ptr - buf));
}

void JsonWriter::Double(double v) {
  if (!std::isfinite(v)) {
    Null();
    return;
  }
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  Value(std::string_view(buf, r.ptr - buf));
}

void JsonWriter::Span(uint32_t begin, uint32_t end) {
  BeforeValue();
  char a[16], b[16];  // a uint32_t has at most 10 digits
  auto ra = std::to_chars(a, a + sizeof a, begin);
  auto rb = std::to_chars(b, b + sizeof b, end);
  out_->push_back('[');
  out_->append(a, ra.ptr);
  out_->push_back(',');
  out_->append(b, rb.ptr);
  out_->push_back(']');
}

}  // namespace sitrep
