// A small streaming JSON writer: objects, arrays, strings, numbers, with
// optional indentation. Faster than building a DOM for output we only print.
#ifndef SITREP_PIPELINE_JSON_WRITER_H_
#define SITREP_PIPELINE_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

class JsonWriter {
 public:
  // indent < 0: one line; otherwise that many spaces per level.
  JsonWriter(std::string* out, int indent) : out_(out), indent_(indent) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view k);
  void String(std::string_view s);
  void StringOrNull(std::string_view s) { s.empty() ? Null() : String(s); }
  void Int(int64_t v);
  void Double(double v);
  void Bool(bool v) { Value(v ? "true" : "false"); }
  void Null() { Value("null"); }
  void Span(uint32_t begin, uint32_t end);

 private:
  void Open(char c);
  void Close(char c);
  void Value(std::string_view raw);
  void Quoted(std::string_view s);  // a string literal, escaped
  void BeforeValue();
  void Newline();
  std::string* out_;
  int indent_;
  struct Level {
    bool first = true;
  };
  std::vector<Level> stack_;
  bool after_key_ = false;
};

}  // namespace sitrep

#endif  // SITREP_PIPELINE_JSON_WRITER_H_
