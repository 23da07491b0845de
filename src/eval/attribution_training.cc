#include "eval/attribution_training.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <random>
#include <regex>
#include <sstream>

#include "core/utf8.h"
#include "extract/analysis.h"
#include "extract/attribution_tagger.h"
#include "extract/mentions.h"
#include "sitrep/sitrep.h"

namespace sitrep {

namespace fs = std::filesystem;

namespace {

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

bool ParseSize(std::string_view s, size_t* v) {
  if (s.empty() || s.size() > 9) return false;
  size_t x = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    x = x * 10 + (c - '0');
  }
  *v = x;
  return true;
}

// Brat standoff of one article: text-bound annotations (T) joined by events (E).
Result<std::vector<GoldAttribution>> ParseAnn(std::string_view ann, const std::vector<size_t>& cp_to_byte,
                                              const std::string& file) {
  std::map<std::string, std::vector<ByteSpan>, std::less<>> spans;
  std::vector<std::pair<int, std::string_view>> events;
  std::vector<std::string_view> lines = Split(ann, '\n');
  for (size_t ln = 0; ln < lines.size(); ++ln) {
    std::string_view line = lines[ln];
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    // A text field may run over several lines: only lines that start with
    // an annotation id ("T12", "E3") begin an annotation.
    if (line.size() < 2 || (line[0] != 'T' && line[0] != 'E') || line[1] < '0' || line[1] > '9') continue;
    std::vector<std::string_view> f = Split(line, '\t');
    auto bad = [&](const char* why) {
      return Status::DataError(file + ":" + std::to_string(ln + 1) + ": " + why);
    };
    if (f.size() < 2) return bad("expected tab-separated fields");
    if (f[0].front() == 'T') {
      size_t space = f[1].find(' ');
      if (space == std::string_view::npos) return bad("a text annotation needs a type and offsets");
      std::vector<ByteSpan> segs;
      for (std::string_view seg : Split(f[1].substr(space + 1), ';')) {
        std::vector<std::string_view> be = Split(seg, ' ');
        size_t b = 0, e = 0;
        if (be.size() != 2 || !ParseSize(be[0], &b) || !ParseSize(be[1], &e) || b > e || e >= cp_to_byte.size()) {
          return bad("offsets are not 'begin end' within the text");
        }
        segs.push_back({cp_to_byte[b], cp_to_byte[e]});
      }
      spans[std::string(f[0])] = std::move(segs);
    } else if (f[0].front() == 'E') {
      events.push_back({static_cast<int>(ln + 1), f[1]});
    }
  }
  std::vector<GoldAttribution> out;
  for (const auto& [ln, roles] : events) {
    GoldAttribution g;
    for (std::string_view part : Split(roles, ' ')) {
      size_t colon = part.find(':');
      if (colon == std::string_view::npos) continue;
      std::string_view role = part.substr(0, colon);
      while (!role.empty() && role.back() >= '0' && role.back() <= '9') role.remove_suffix(1);
      auto it = spans.find(part.substr(colon + 1));
      if (it == spans.end()) {
        return Status::DataError(file + ":" + std::to_string(ln) + ": event names an unknown annotation");
      }
      std::vector<ByteSpan>* into = role == "Cue" ? &g.cue : role == "Source" ? &g.source
                                  : role == "Content"                         ? &g.content
                                                                              : nullptr;
      if (into != nullptr) into->insert(into->end(), it->second.begin(), it->second.end());
    }
    if (!g.cue.empty() && !g.content.empty()) out.push_back(std::move(g));
  }
  return out;
}

struct Examples {
  std::vector<learn::FeatureRows> rows;  // one per sentence
  std::vector<std::vector<int>> labels;
};

// Gold BIO labels of every token: cue over source over content where
// attributions nest (a quotation that itself quotes someone).
void AddArticle(const AttributionArticle& art, const Lexicons& lexicons, const StringSet& cue_words, Examples* out) {
  LoadOptions lo;
  lo.published = art.published;
  lo.format = "text";
  Result<Document> doc = LoadDocument(art.text, lo);
  if (!doc.ok()) return;
  std::optional<CivilDate> published;
  if (!art.published.empty()) published = CivilDate::Parse(art.published);
  Analysis a(doc->text, published, lexicons);
  std::vector<QuoteMention> quotes = FindQuotes(a);
  std::vector<learn::FeatureRows> rows = AttributionFeatures(a, quotes, cue_words);

  // Per byte of the article and role: which attribution (1-based) covers it.
  const size_t n = art.text.size();
  std::vector<int> cover[3] = {std::vector<int>(n + 1, 0), std::vector<int>(n + 1, 0), std::vector<int>(n + 1, 0)};
  for (size_t i = 0; i < art.gold.size(); ++i) {
    const std::vector<ByteSpan>* roles[3] = {&art.gold[i].cue, &art.gold[i].source, &art.gold[i].content};
    for (int r = 0; r < 3; ++r) {
      for (const ByteSpan& s : *roles[r]) {
        for (size_t b = s.begin; b < s.end && b < n; ++b) {
          if (cover[r][b] == 0) cover[r][b] = static_cast<int>(i) + 1;
        }
      }
    }
  }
  for (uint32_t si = 0; si < a.seg.sentences.size(); ++si) {
    const Sentence& s = a.seg.sentences[si];
    std::vector<int> labels;
    int prev_role = -1, prev_id = 0;
    for (size_t k = s.token_begin; k < s.token_end; ++k) {
      Span raw = doc->offsets.ToRaw(a.TokenSpan(k, k + 1));
      int role = -1, id = 0;
      for (int r = 0; r < 3 && role < 0; ++r) {
        for (size_t b = raw.begin; b < raw.end && b < n; ++b) {
          if (cover[r][b] != 0) {
            role = r;
            id = cover[r][b];
            break;
          }
        }
      }
      if (role < 0) {
        labels.push_back(0);
      } else {
        bool begins = role != prev_role || id != prev_id;
        labels.push_back(1 + 2 * role + (begins ? 0 : 1));
      }
      prev_role = role;
      prev_id = id;
    }
    out->rows.push_back(std::move(rows[si]));
    out->labels.push_back(std::move(labels));
  }
}

Examples BuildExamples(const std::vector<AttributionArticle>& docs, const Lexicons& lexicons,
                       const StringSet& cue_words) {
  Examples ex;
  for (const AttributionArticle& d : docs) AddArticle(d, lexicons, cue_words, &ex);
  return ex;
}

// Words that are a gold cue at least `min_share` of the times they occur
// (and at least `min_count` times): "believes", "according", "announced",
// "accused", "wants" — PolNeAR's cues reach far past sitrep's speech verbs.
std::vector<std::string> LearnCueWords(const std::vector<AttributionArticle>& docs, const Lexicons& lexicons,
                                       int min_count, double min_share) {
  std::map<std::string, std::pair<int, int>> seen;  // folded word -> (as cue, all)
  for (const AttributionArticle& art : docs) {
    LoadOptions lo;
    lo.format = "text";
    Result<Document> doc = LoadDocument(art.text, lo);
    if (!doc.ok()) continue;
    Analysis a(doc->text, std::nullopt, lexicons);
    std::vector<bool> cue(art.text.size() + 1, false);
    for (const GoldAttribution& g : art.gold) {
      for (const ByteSpan& s : g.cue) {
        for (size_t b = s.begin; b < s.end && b < art.text.size(); ++b) cue[b] = true;
      }
    }
    for (size_t k = 0; k < a.token_count(); ++k) {
      if (!a.IsWord(k)) continue;
      Span raw = doc->offsets.ToRaw(a.TokenSpan(k, k + 1));
      auto& [as_cue, all] = seen[a.folded[k]];
      ++all;
      if (raw.begin < cue.size() && cue[raw.begin]) ++as_cue;
    }
  }
  std::vector<std::string> out;
  for (const auto& [w, n] : seen) {
    if (n.first >= min_count && n.first >= min_share * n.second) out.push_back(w);
  }
  return out;
}

// Spans of one role that overlap a span of that role in `other` (per sentence).
size_t Overlapping(const std::vector<AttributionSpan>& spans, const std::vector<AttributionSpan>& other, int role) {
  size_t n = 0;
  for (const AttributionSpan& s : spans) {
    if (static_cast<int>(s.role) != role) continue;
    for (const AttributionSpan& o : other) {
      if (static_cast<int>(o.role) == role && s.token_begin < o.token_end && o.token_begin < s.token_end) {
        ++n;
        break;
      }
    }
  }
  return n;
}

void AppendScore(std::ostringstream& out, const char* name, size_t pred, size_t gold, size_t pred_ok, size_t gold_ok) {
  double p = pred ? 100.0 * pred_ok / pred : 0, rc = gold ? 100.0 * gold_ok / gold : 0;
  out << name << " P " << p << " R " << rc << " F1 " << (p + rc > 0 ? 2 * p * rc / (p + rc) : 0);
}

std::string TokenScores(const learn::LinearModel& model, const Examples& ex) {
  // Per role: tokens tagged with it (predicted), tokens gold, both; spans
  // predicted and gold, and those overlapping one of the other side.
  size_t pred[3] = {}, gold[3] = {}, both[3] = {};
  size_t sp[3] = {}, sg[3] = {}, sp_ok[3] = {}, sg_ok[3] = {};
  for (size_t e = 0; e < ex.rows.size(); ++e) {
    std::vector<int> p = model.Decode(ex.rows[e]);
    for (size_t i = 0; i < p.size(); ++i) {
      int pr = p[i] == 0 ? -1 : (p[i] - 1) / 2, gr = ex.labels[e][i] == 0 ? -1 : (ex.labels[e][i] - 1) / 2;
      if (pr >= 0) ++pred[pr];
      if (gr >= 0) ++gold[gr];
      if (pr >= 0 && pr == gr) ++both[pr];
    }
    std::vector<AttributionSpan> ps = SpansFromLabels(p, 0, 0), gs = SpansFromLabels(ex.labels[e], 0, 0);
    for (int r = 0; r < 3; ++r) {
      for (const AttributionSpan& s : ps) sp[r] += static_cast<int>(s.role) == r;
      for (const AttributionSpan& s : gs) sg[r] += static_cast<int>(s.role) == r;
      sp_ok[r] += Overlapping(ps, gs, r);
      sg_ok[r] += Overlapping(gs, ps, r);
    }
  }
  std::ostringstream out;
  out.setf(std::ios::fixed);
  out.precision(1);
  const char* names[3] = {"cue", "source", "content"};
  for (int r = 0; r < 3; ++r) {
    out << (r ? "; " : "");
    AppendScore(out, names[r], pred[r], gold[r], both[r], both[r]);
  }
  out << "\n  spans (overlap): ";
  for (int r = 0; r < 3; ++r) {
    out << (r ? "; " : "");
    AppendScore(out, names[r], sp[r], sg[r], sp_ok[r], sg_ok[r]);
  }
  return out.str();
}

}  // namespace

Result<std::vector<AttributionArticle>> ReadAttributionFolder(const std::string& dir) {
  fs::path text_dir = fs::path(dir) / "text", ann_dir = fs::path(dir) / "attributions";
  std::error_code ec;
  if (!fs::is_directory(text_dir, ec) || !fs::is_directory(ann_dir, ec)) {
    return Status::NotFound(dir + " is not a PolNeAR-format folder (needs text/ and attributions/)");
  }
  std::map<std::string, std::string> first_ann;  // article name -> first annotator's file
  for (const auto& e : fs::directory_iterator(ann_dir, ec)) {
    std::string f = e.path().filename().string();
    size_t us = f.rfind('_');
    if (us == std::string::npos || e.path().extension() != ".ann") continue;
    std::string name = f.substr(0, us);
    auto it = first_ann.find(name);
    if (it == first_ann.end() || f < it->second) first_ann[name] = f;
  }
  std::vector<fs::path> texts;
  for (const auto& e : fs::directory_iterator(text_dir, ec)) {
    if (e.path().extension() == ".txt") texts.push_back(e.path());
  }
  std::sort(texts.begin(), texts.end());
  static const std::regex kDate("_(\\d{4}-\\d{2}-\\d{2})_");
  std::vector<AttributionArticle> out;
  for (const fs::path& t : texts) {
    AttributionArticle art;
    art.name = t.stem().string();
    auto ann = first_ann.find(art.name);
    if (ann == first_ann.end()) continue;
    Result<std::string> text = ReadInput(t.string());
    if (!text.ok()) return text.status();
    art.text = std::move(text).value();
    std::smatch m;
    if (std::regex_search(art.name, m, kDate)) art.published = m[1];
    std::vector<size_t> cp_to_byte;
    for (size_t i = 0; i < art.text.size();) {
      cp_to_byte.push_back(i);
      char32_t cp = 0;
      int len = DecodeUtf8(art.text, i, &cp);
      i += len > 0 ? len : 1;
    }
    cp_to_byte.push_back(art.text.size());
    Result<std::string> bytes = ReadInput((ann_dir / ann->second).string());
    if (!bytes.ok()) return bytes.status();
    Result<std::vector<GoldAttribution>> gold = ParseAnn(*bytes, cp_to_byte, (ann_dir / ann->second).string());
    if (!gold.ok()) return gold.status();
    art.gold = std::move(gold).value();
    out.push_back(std::move(art));
  }
  if (out.empty()) return Status::NotFound("no annotated articles in " + dir);
  return out;
}

Result<learn::LinearModel> TrainAttributionTagger(const std::vector<AttributionArticle>& train,
                                                  const std::vector<AttributionArticle>& dev,
                                                  const AttributionTrainOptions& options,
                                                  const std::function<void(const std::string&)>& log) {
  if (options.epochs < 1) return Status::InvalidArgument("epochs must be at least 1");
  Result<std::unique_ptr<Lexicons>> lexicons = Lexicons::Load();
  if (!lexicons.ok()) return lexicons.status();
  std::vector<std::string> cue_list =
      LearnCueWords(train, **lexicons, options.cue_word_min_count, options.cue_word_min_share);
  StringSet cue_words(cue_list.begin(), cue_list.end());
  log("cue words learned: " + std::to_string(cue_list.size()));
  Examples tr = BuildExamples(train, **lexicons, cue_words);
  Examples dv = BuildExamples(dev, **lexicons, cue_words);
  size_t tokens = 0;
  for (const auto& l : tr.labels) tokens += l.size();
  log("train: " + std::to_string(train.size()) + " articles, " + std::to_string(tr.rows.size()) + " sentences, " +
      std::to_string(tokens) + " tokens");
  learn::LinearModel::Info info;
  info.kind = AttributionTagger::kKind;
  info.feature_version = AttributionTagger::kFeatureVersion;
  info.labels = AttributionTagger::Labels();
  info.sequence = true;
  info.provenance = options.provenance;
  info.words = cue_list;
  info.data_fingerprint = (*lexicons)->LatinClassesFingerprint();
  if (options.ensemble < 1) return Status::InvalidArgument("ensemble must be at least 1");
  std::vector<learn::LinearModel> members;
  for (int k = 0; k < options.ensemble; ++k) {
    std::mt19937 rng(options.seed + static_cast<uint32_t>(k));
    const float keep = options.ensemble == 1 ? options.min_weight : 0.f;
    if (options.crf) {
      learn::CrfTrainer trainer(info, options.crf_options);
      for (int e = 1; e <= options.epochs; ++e) {
        double loss = trainer.Epoch(tr.rows, tr.labels, rng);
        std::string line = "epoch " + std::to_string(e) + ": train log-loss " + std::to_string(loss) + " a sentence";
        if (!dv.rows.empty()) line += "; dev tokens: " + TokenScores(trainer.Model(options.min_weight), dv);
        log(line);
      }
      members.push_back(trainer.Model(keep));
    } else {
      learn::PerceptronTrainer trainer(info);
      for (int e = 1; e <= options.epochs; ++e) {
        double err = trainer.SequenceEpoch(tr.rows, tr.labels, rng, options.update);
        std::string line = "epoch " + std::to_string(e) + ": train token error " + std::to_string(100 * err) + "%";
        if (!dv.rows.empty()) line += "; dev tokens: " + TokenScores(trainer.Averaged(options.min_weight), dv);
        log(line);
      }
      members.push_back(trainer.Averaged(keep));
    }
    if (options.ensemble == 1) return std::move(members.front());
  }
  learn::LinearModel mean = learn::LinearModel::Mean(members, options.min_weight);
  if (!dv.rows.empty())
    log("mean of " + std::to_string(members.size()) + " models; dev tokens: " + TokenScores(mean, dv));
  return mean;
}

std::string ScoreAttributionTokens(const learn::LinearModel& model, const std::vector<AttributionArticle>& docs) {
  Result<std::unique_ptr<Lexicons>> lexicons = Lexicons::Load();
  if (!lexicons.ok()) return "no word lists: " + lexicons.status().message();
  StringSet cue_words(model.info().words.begin(), model.info().words.end());
  return TokenScores(model, BuildExamples(docs, **lexicons, cue_words));
}

Result<TrainedModel> TrainAttributionModel(const AttributionTraining& training, const TrainingLog& log) {
  Result<std::vector<AttributionArticle>> train = ReadAttributionFolder(training.train_dir);
  if (!train.ok()) return train.status();
  std::vector<AttributionArticle> dev;
  if (!training.dev_dir.empty()) {
    Result<std::vector<AttributionArticle>> d = ReadAttributionFolder(training.dev_dir);
    if (!d.ok()) return d.status();
    dev = std::move(d).value();
  }
  AttributionTrainOptions options;
  options.epochs = training.epochs;
  options.seed = training.seed;
  options.update.cost = training.cost;
  options.update.max_step = training.pa_max_step;
  options.update.loss_scale = training.loss_scale;
  options.min_weight = training.min_weight;
  options.ensemble = training.ensemble;
  options.crf = training.crf;
  options.crf_options.learning_rate = training.crf_learning_rate;
  options.crf_options.l2 = training.crf_l2;
  if (training.provenance) options.provenance = training.provenance(train->size());
  Result<learn::LinearModel> model = TrainAttributionTagger(*train, dev, options, log);
  if (!model.ok()) return model.status();
  if (Status s = model->Save(training.output); !s.ok()) return s;
  return TrainedModel{model->feature_count()};
}

}  // namespace sitrep
