// Telegram Desktop's channel export (result.json): {"name", "type", "id",
// "messages": [{"id", "type": "message" | "service", "date", "edited",
// "forwarded_from", "reply_to_message_id",
// "text": "..." | ["...", {"type": "text_link", "text", "href"}, ...]}]}.
// An edited post carries its latest text: ingesting a later export stores
// it as a new version of the same document (same key).
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

}  // namespace

void ReadTelegramExport(std::string_view text, const std::string& name, const CorpusReaderOptions& options,
                        const std::function<bool(SourceRecord&&)>& on_record,
                        const std::function<void(const RecordProblem&)>& on_problem, CorpusWalkStats* stats) {
  json root;
  try {
    root = json::parse(text);
  } catch (const json::exception& e) {
    std::string what = e.what();
    on_problem({name, "not valid JSON (" + Printable(what.substr(what.find(']') + 2), kMessageExcerptBytes) + ")"});
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
  std::string channel;
  std::string channel_warning;
  if (!OptionalString(root, "name", &channel)) {
    channel_warning = "the export's channel \"name\" is not a string; stored under the outlet \"Telegram\"";
  }
  auto root_id = root.find("id");
  std::string channel_id = root_id != root.end() ? root_id->dump() : "";
  if (channel_id.empty() || channel_id == "null") channel_id = channel;
  const std::string outlet = channel.empty() ? "Telegram" : "Telegram: " + channel;
  size_t index = 0;
  for (const json& m : *messages) {
    ++index;
    auto m_id = m.is_object() ? m.find("id") : m.end();
    std::string id = m.is_object() && m_id != m.end() ? m_id->dump() : "";
    std::string origin = name + "#message " + (id.empty() ? "at index " + std::to_string(index) : id);
    if (!m.is_object()) {
      on_problem({origin, "message is not a JSON object"});
      continue;
    }
    std::string type;
    if (!OptionalString(m, "type", &type)) {
      on_problem({origin, "message \"type\" is not a string"});
      continue;
    }
    if (!type.empty() && type != "message") {  // joins, pins, title changes
      ++stats->skipped_records;
      continue;
    }
    if (id.empty()) {
      on_problem({origin, "message has no \"id\""});
      continue;
    }
    SourceRecord r;
    r.origin = origin;
    if (!channel_warning.empty()) r.warnings.push_back(channel_warning);
    std::string body;
    auto m_text = m.find("text");
    if (m_text == m.end() || !FlattenText(*m_text, &body, &r.links)) {
      on_problem(
          {origin,
           "\"text\" is neither a string nor an array of strings and {\"type\", \"text\"} objects with string fields"});
      continue;
    }
    if (body.find_first_not_of(" \t\r\n") == std::string::npos) {  // a photo or sticker with no caption
      ++stats->skipped_records;
      continue;
    }
    if (body.size() > options.max_document_bytes) {
      on_problem({origin, "text is larger than the document limit (--max-bytes)"});
      continue;
    }
    std::string date;
    if (!OptionalString(m, "date", &date)) date.clear();  // not a string: stored without a date, said below
    if (auto d = NormalizePublished(date)) {
      r.load.published = *d;
    } else {
      r.warnings.push_back("message date '" + date + "' is not a date; stored without one");
    }
    r.load.outlet = outlet;
    // A forwarded post: its source is the channel it came from. A reply:
    // the message it answers, in this channel.
    std::string forwarded;
    if (!OptionalString(m, "forwarded_from", &forwarded)) {
      r.warnings.push_back("\"forwarded_from\" is not a string; stored as the channel's own post");
    }
    r.load.forwarded_from = forwarded;
    if (auto reply = m.find("reply_to_message_id"); reply != m.end() && !reply->is_null()) {
      if (reply->is_number_integer()) {
        r.load.reply_to = "telegram:" + channel_id + "/" + reply->dump();
      } else {
        r.warnings.push_back("\"reply_to_message_id\" is not an integer; the reply is stored without it");
      }
    }
    r.fallback_key = "telegram:" + channel_id + "/" + id;
    r.bytes = std::move(body);
    if (!on_record(std::move(r))) return;
  }
}

}  // namespace sitrep
