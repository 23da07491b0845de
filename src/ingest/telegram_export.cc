// Telegram Desktop's channel export (result.json): {"name", "type", "id",
// "messages": [{"id", "type": "message" | "service", "date", "edited",
// "forwarded_from", "reply_to_message_id",
// "text": "..." | ["...", {"type": "text_link", "text", "href"}, ...]}]}.
// An edited post carries its latest text: ingesting a later export stores
// it as a new version of the same document (same key).
#include <cstdio>
#include <memory>

#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "ingest/corpus_reader.h"

namespace sitrep {

namespace {

using nlohmann::json;

// The string at `key` of an object: true with "" when absent or null, true
// with the value when a string, false when some other type (the export is
// not what Telegram writes; never a get<>() that would throw).
bool OptionalString(const json& object, const char* key, std::string* out) {
  out->clear();
  auto it = object.find(key);
  if (it == object.end() || it->is_null()) return true;
  if (!it->is_string()) return false;
  *out = it->get_ref<const std::string&>();
  return true;
}

// The text of a message and the links in it. Returns false when `text` has
// a shape Telegram does not write.
bool FlattenText(const json& text, std::string* out, std::vector<std::string>* links) {
  if (text.is_string()) {
    *out = text.get<std::string>();
    return true;
  }
  if (!text.is_array()) return false;
  for (const json& part : text) {
    if (part.is_string()) {
      *out += part.get_ref<const std::string&>();
      continue;
    }
    if (!part.is_object()) return false;
    auto t = part.find("text");
    if (t == part.end() || !t->is_string()) return false;
    const std::string& s = t->get_ref<const std::string&>();
    *out += s;
    std::string type, href;
    if (!OptionalString(part, "type", &type) || !OptionalString(part, "href", &href)) return false;
    if (type == "text_link" && !href.empty()) {
      links->push_back(href);
    } else if (type == "link") {
      links->push_back(s);
    }
  }
  return true;
}

// What the export says of its channel, from the first pass.
struct Channel {
  std::string outlet, id, warning;
};

// One message of the export: a record, a problem, or skipped. False when
// on_record asked to stop.
bool ReadMessage(const json& m, size_t index, const Channel& channel, const std::string& name,
                 const CorpusReaderOptions& options, const std::function<bool(SourceRecord&&)>& on_record,
                 const std::function<void(const RecordProblem&)>& on_problem, CorpusWalkStats* stats) {
  auto m_id = m.is_object() ? m.find("id") : m.end();
  std::string id = m.is_object() && m_id != m.end() ? m_id->dump() : "";
  std::string origin = name + "#message " + (id.empty() ? "at index " + std::to_string(index) : id);
  if (!m.is_object()) {
    on_problem({origin, "message is not a JSON object"});
    return true;
  }
  std::string type;
  if (!OptionalString(m, "type", &type)) {
    on_problem({origin, "message \"type\" is not a string"});
    return true;
  }
  if (!type.empty() && type != "message") {  // joins, pins, title changes
    ++stats->skipped_records;
    return true;
  }
  if (id.empty()) {
    on_problem({origin, "message has no \"id\""});
    return true;
  }
  SourceRecord r;
  r.origin = origin;
  if (!channel.warning.empty()) r.warnings.push_back(channel.warning);
  std::string body;
  auto m_text = m.find("text");
  if (m_text == m.end() || !FlattenText(*m_text, &body, &r.links)) {
    on_problem(
        {origin,
         "\"text\" is neither a string nor an array of strings and {\"type\", \"text\"} objects with string fields"});
    return true;
  }
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) {  // a photo or sticker with no caption
    ++stats->skipped_records;
    return true;
  }
  if (body.size() > options.max_document_bytes) {
    on_problem({origin, "text is larger than the document limit (--max-bytes)"});
    return true;
  }
  std::string date;
  if (!OptionalString(m, "date", &date)) date.clear();  // not a string: stored without a date, said below
  if (auto d = NormalizePublished(date)) {
    r.load.published = *d;
  } else {
    r.warnings.push_back("message date '" + date + "' is not a date; stored without one");
  }
  r.load.outlet = channel.outlet;
  // A forwarded post: its source is the channel it came from. A reply:
  // the message it answers, in this channel.
  std::string forwarded;
  if (!OptionalString(m, "forwarded_from", &forwarded)) {
    r.warnings.push_back("\"forwarded_from\" is not a string; stored as the channel's own post");
  }
  r.load.forwarded_from = forwarded;
  if (auto reply = m.find("reply_to_message_id"); reply != m.end() && !reply->is_null()) {
    if (reply->is_number_integer()) {
      r.load.reply_to = "telegram:" + channel.id + "/" + reply->dump();
    } else {
      r.warnings.push_back("\"reply_to_message_id\" is not an integer; the reply is stored without it");
    }
  }
  r.fallback_key = "telegram:" + channel.id + "/" + id;
  r.bytes = std::move(body);
  return on_record(std::move(r));
}

// Parses the export in two passes, each with memory for one message at a
// time rather than the whole tree (a 140 MB export took 420 MB more as a
// tree): the first keeps only the channel's own fields and checks that the
// whole file is JSON (so a broken export stores nothing, as before); the
// second hands each message to ReadMessage as soon as it is parsed and
// drops it. `parse(callback)` parses the input from its start.
template <typename Parse>
void ReadExport(const Parse& parse, const std::string& name, const CorpusReaderOptions& options,
                const std::function<bool(SourceRecord&&)>& on_record,
                const std::function<void(const RecordProblem&)>& on_problem, CorpusWalkStats* stats) {
  // The messages array is the value of the root's key "messages" (depth 1);
  // its elements end at depth 2.
  struct Walk {
    bool in_messages = false, after_messages_key = false;
    // Returns true for an element of the messages array, just ended.
    bool Element(int depth, json::parse_event_t event, const json& parsed) {
      using E = json::parse_event_t;
      if (depth == 1 && event == E::key) {
        after_messages_key = parsed == "messages";
        return false;
      }
      if (depth == 1 && event == E::array_start) {
        in_messages = after_messages_key;
        return false;
      }
      if (depth == 1 && event == E::array_end) in_messages = false;
      return in_messages && depth == 2 && (event == E::object_end || event == E::array_end || event == E::value);
    }
  };
  // nlohmann's message without its "[json.exception...]" prefix, cut short
  // and escaped.
  auto not_json = [&](const json::exception& e) {
    std::string what = e.what();
    on_problem({name, "not valid JSON (" + Printable(what.substr(what.find(']') + 2), kMessageExcerptBytes) + ")"});
  };
  json root;
  try {
    Walk walk;
    root = parse([&walk](int depth, json::parse_event_t event, json& parsed) {
      return !walk.Element(depth, event, parsed);
    });
  } catch (const json::exception& e) {
    not_json(e);
    return;
  }
  auto messages = root.is_object() ? root.find("messages") : root.end();
  if (!root.is_object() || messages == root.end() || !messages->is_array()) {
    on_problem(
        {name, "not a Telegram export: no \"messages\" array (a corpus of articles goes in JSON Lines, .jsonl)"});
    return;
  }
  // A channel name of another type: the messages are kept, flagged, under
  // the plain outlet "Telegram".
  Channel channel;
  std::string channel_name;
  if (!OptionalString(root, "name", &channel_name)) {
    channel.warning = "the export's channel \"name\" is not a string; stored under the outlet \"Telegram\"";
  }
  auto root_id = root.find("id");
  channel.id = root_id != root.end() ? root_id->dump() : "";
  if (channel.id.empty() || channel.id == "null") channel.id = channel_name;
  channel.outlet = channel_name.empty() ? "Telegram" : "Telegram: " + channel_name;
  // Second pass. The first parsed the whole input, so this one does not
  // fail; a stop asked by on_record ends it early.
  struct Stop {};
  try {
    Walk walk;
    size_t index = 0;
    parse([&](int depth, json::parse_event_t event, json& parsed) {
      if (!walk.Element(depth, event, parsed)) return true;
      if (!ReadMessage(parsed, ++index, channel, name, options, on_record, on_problem, stats)) throw Stop();
      return false;
    });
  } catch (const Stop&) {
  } catch (const json::exception& e) {  // the file changed between the passes
    not_json(e);
  }
}

}  // namespace

void ReadTelegramExport(std::string_view text, const std::string& name, const CorpusReaderOptions& options,
                        const std::function<bool(SourceRecord&&)>& on_record,
                        const std::function<void(const RecordProblem&)>& on_problem, CorpusWalkStats* stats) {
  auto parse = [&](const json::parser_callback_t& callback) { return json::parse(text.begin(), text.end(), callback); };
  ReadExport(parse, name, options, on_record, on_problem, stats);
}

void ReadTelegramExportFile(const std::string& path, const std::string& name, const CorpusReaderOptions& options,
                            const std::function<bool(SourceRecord&&)>& on_record,
                            const std::function<void(const RecordProblem&)>& on_problem, CorpusWalkStats* stats) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) {
    on_problem({name, "cannot open the file"});
    return;
  }
  auto parse = [&](const json::parser_callback_t& callback) {
    std::rewind(file.get());
    return json::parse(file.get(), callback);
  };
  ReadExport(parse, name, options, on_record, on_problem, stats);
}

}  // namespace sitrep
