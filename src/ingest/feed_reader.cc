// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one document per item or entry,
// its body the item's content (often HTML), the feed's title as outlet.
#include <pugixml.hpp>

#include <filesystem>

#include "ingest/corpus_reader.h"

namespace sitrep {

namespace {

std::string Child(const pugi::xml_node& n, const char* name) {
  pugi::xml_node c = n.child(name);
  if (!c) return "";
  std::string s = c.text().get();
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string FirstOf(const pugi::xml_node& n, std::initializer_list<const char*> names) {
  for (const char* name : names) {
    std::string s = Child(n, name);
    if (!s.empty()) return s;
  }
  return "";
}

std::string AtomLink(const pugi::xml_node& entry) {
  std::string any;
  for (pugi::xml_node l : entry.children("link")) {
    std::string rel = l.attribute("rel").as_string("alternate");
    std::string href = l.attribute("href").as_string();
    if (rel == "alternate" && !href.empty()) return href;
    if (any.empty()) any = href;
  }
  return any;
}

size_t LineOf(std::string_view s, ptrdiff_t offset) {
  if (offset < 0) return 0;
  size_t end = std::min<size_t>(static_cast<size_t>(offset), s.size());
  return 1 + static_cast<size_t>(std::count(s.begin(), s.begin() + static_cast<ptrdiff_t>(end), '\n'));
}

}  // namespace

void ReadFeed(std::string_view xml, const std::string& name, const CorpusReaderOptions& options,
              const std::function<bool(SourceRecord&&)>& on_record,
              const std::function<void(const RecordProblem&)>& on_problem, CorpusWalkStats* stats) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_cdata);
  if (!parsed) {
    on_problem({name + ":" + std::to_string(LineOf(xml, parsed.offset)),
                std::string("not well-formed XML: ") + parsed.description()});
    return;
  }
  pugi::xml_node root = doc.document_element();
  std::string root_name = root.name();
  bool atom = root_name == "feed";
  pugi::xml_node channel = root_name == "rss" ? root.child("channel") : root;
  if (root_name == "rdf:RDF") channel = root.child("channel");
  if (!atom && root_name != "rss" && root_name != "rdf:RDF") {
    on_problem({name, "not an RSS or Atom feed (its root element is <" + root_name + ">)"});
    return;
  }
  std::string outlet = Child(atom ? root : channel, "title");
  const std::string file_name = std::filesystem::path(name).filename().string();
  pugi::xml_node items = root_name == "rss" ? channel : root;
  size_t index = 0;
  for (pugi::xml_node item : items.children(atom ? "entry" : "item")) {
    ++index;
    std::string origin = name + "#item " + std::to_string(index);
    SourceRecord r;
    r.origin = origin;
    r.load.title = Child(item, "title");
    std::string link = atom ? AtomLink(item) : Child(item, "link");
    std::string guid = FirstOf(item, {"guid", "id"});
    r.load.url = link;
    if (!link.empty()) r.links.push_back(link);
    r.load.outlet = outlet;
    std::string body = atom ? FirstOf(item, {"content", "summary"})
                            : FirstOf(item, {"content:encoded", "description"});
    if (body.empty()) {
      on_problem({origin, "item has no text (no content, description or summary)"});
      continue;
    }
    if (body.size() > options.max_document_bytes) {
      on_problem({origin, "item text is larger than the document limit (--max-bytes)"});
      continue;
    }
    std::string date = FirstOf(item, {"pubDate", "dc:date", "published", "updated"});
    if (!date.empty()) {
      if (auto d = NormalizePublished(date)) {
        r.load.published = *d;
      } else {
        r.warnings.push_back("item date '" + date + "' is not a date; stored without one");
      }
    }
    r.fallback_key = !guid.empty() ? "feed:" + guid : "feed:" + file_name + "#" + std::to_string(index);
    r.bytes = std::move(body);
    if (!on_record(std::move(r))) return;
  }
  if (index == 0) ++stats->skipped_records;  // an empty feed is not an error
}

}  // namespace sitrep
