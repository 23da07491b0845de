// Telegram Desktop's channel export (result.json): {"name", "type", "id",
// "messages": [{"id", "type": "message" | "service", "date", "edited",
// "text": "..." | ["...", {"type": "text_link", "text", "href"}, ...]}]}.
#include <nlohmann/json.hpp>

#include "ingest/corpus_reader.h"

namespace sitrep {

namespace {

// The text of a message and the links in it. Returns false when `text` has
// a shape Telegram does not write.
bool FlattenText(const nlohmann::json& text, std::string* out, std::vector<std::string>* links) {
  if (text.is_string()) {
    *out = text.get<std::string>();
    return true;
  }
  if (!text.is_array()) return false;
  for (const nlohmann::json& part : text) {
    if (part.is_string()) {
      *out += part.get<std::string>();
      continue;
    }
    if (!part.is_object()) return false;
    auto t = part.find("text");
    if (t == part.end() || !t->is_string()) return false;
    const std::string& s = t->get_ref<const std::string&>();
    *out += s;
    std::string type = part.value("type", "");
    if (type == "text_link" && part.contains("href") && part["href"].is_string()) {
      links->push_back(part["href"].get<std::string>());
    } else if (type == "link") {
      links->push_back(s);
    }
  }
  return true;
}

}  // namespace

void ReadTelegramExport(std::string_view json, const std::string& name, const CorpusReaderOptions& options,
                        const std::function<bool(SourceRecord&&)>& on_record,
                        const std::function<void(const RecordProblem&)>& on_problem, CorpusWalkStats* stats) {
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(json);
  } catch (const nlohmann::json::exception& e) {
    std::string what = e.what();
    on_problem({name, "not valid JSON (" + what.substr(what.find(']') + 2) + ")"});
    return;
  }
  if (!root.is_object() || !root.contains("messages") || !root["messages"].is_array()) {
    on_problem({name, "not a Telegram export: no \"messages\" array (a corpus of articles goes in JSON Lines, .jsonl)"});
    return;
  }
  std::string channel = root.value("name", "");
  if (!root.contains("name") || !root["name"].is_string()) channel.clear();
  std::string channel_id = root.contains("id") ? root["id"].dump() : "";
  if (channel_id.empty() || channel_id == "null") channel_id = channel;
  const std::string outlet = channel.empty() ? "Telegram" : "Telegram: " + channel;
  size_t index = 0;
  for (const nlohmann::json& m : root["messages"]) {
    ++index;
    std::string id = m.is_object() && m.contains("id") ? m["id"].dump() : "";
    std::string origin = name + "#message " + (id.empty() ? "at index " + std::to_string(index) : id);
    if (!m.is_object()) {
      on_problem({origin, "message is not a JSON object"});
      continue;
    }
    if (m.value("type", "message") != "message") {  // joins, pins, title changes
      ++stats->skipped_records;
      continue;
    }
    if (id.empty()) {
      on_problem({origin, "message has no \"id\""});
      continue;
    }
    SourceRecord r;
    r.origin = origin;
    std::string text;
    if (!m.contains("text") || !FlattenText(m["text"], &text, &r.links)) {
      on_problem({origin, "\"text\" is neither a string nor an array of strings and {\"type\", \"text\"} objects"});
      continue;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {  // a photo or sticker with no caption
      ++stats->skipped_records;
      continue;
    }
    if (text.size() > options.max_document_bytes) {
      on_problem({origin, "text is larger than the document limit (--max-bytes)"});
      continue;
    }
    std::string date = m.contains("date") && m["date"].is_string() ? m["date"].get<std::string>() : "";
    if (auto d = NormalizePublished(date)) {
      r.load.published = *d;
    } else {
      r.warnings.push_back("message date '" + date + "' is not a date; stored without one");
    }
    r.load.outlet = outlet;
    r.fallback_key = "telegram:" + channel_id + "/" + id;
    r.bytes = std::move(text);
    if (!on_record(std::move(r))) return;
  }
}

}  // namespace sitrep
