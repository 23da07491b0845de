#include "eval/event_training.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <random>
#include <set>

#include <nlohmann/json.hpp>

#include "core/tsv.h"
#include "events/event_classifier.h"
#include "sitrep/sitrep.h"

namespace sitrep {

namespace {

const std::set<std::string> kViolentTypes = {"Battles", "Explosions/Remote violence", "Violence against civilians",
                                             "Riots"};
const std::set<std::string> kViolentSubTypes = {"Excessive force against protesters", "Protest with intervention"};

bool IsViolent(const EventExample& e) { return kViolentTypes.count(e.type) || kViolentSubTypes.count(e.sub_type); }
bool IsArrest(const EventExample& e) { return e.sub_type == "Arrests"; }

// Every rule-proposed event of a text, with its trigger's byte offset.
Result<std::vector<std::pair<size_t, EventExample>>> Propose(const std::string& text, const std::string& published) {
  LoadOptions lo;
  lo.published = published;
  lo.format = "text";
  Result<Document> doc = LoadDocument(text, lo);
  if (!doc.ok()) return doc.status();
  std::vector<std::pair<size_t, EventExample>> out;
  ExtractOptions eo;
  eo.event_candidates = [&](const Event& e, const std::vector<uint32_t>& features) {
    EventExample x;
    x.features = features;
    x.type = e.type;
    x.sub_type = e.sub_type;
    out.emplace_back(e.trigger_span.begin, std::move(x));
  };
  Result<Extraction> x = Extract(*doc, eo);
  if (!x.ok()) return x.status();
  return out;
}

bool HasLabel(const IpeArticle::Sentence& s, std::string_view l) {
  return std::find(s.labels.begin(), s.labels.end(), l) != s.labels.end();
}

}  // namespace

Result<std::vector<IpeArticle>> ReadIpeJsonl(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot open " + path);
  std::vector<IpeArticle> out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = path + ":" + std::to_string(number);
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) return Status::InvalidArgument(where + ": not a JSON object");
    IpeArticle a;
    auto str = [&](const char* key, std::string* v) {
      auto it = j.find(key);
      if (it == j.end() || !it->is_string()) return false;
      *v = it->get_ref<const std::string&>();
      return true;
    };
    if (!str("text", &a.text) || !str("published", &a.published)) {
      return Status::InvalidArgument(where + ": needs string 'text' and 'published'");
    }
    str("doc_id", &a.doc_id);
    auto sents = j.find("sentences");
    if (sents == j.end() || !sents->is_array()) return Status::InvalidArgument(where + ": needs array 'sentences'");
    for (const auto& s : *sents) {
      auto b = s.find("begin"), e = s.find("end"), l = s.find("labels");
      if (!s.is_object() || b == s.end() || e == s.end() || !b->is_number_unsigned() || !e->is_number_unsigned()) {
        return Status::InvalidArgument(where + ": a sentence needs numbers 'begin' and 'end'");
      }
      IpeArticle::Sentence sent;
      sent.begin = b->get<size_t>();
      sent.end = e->get<size_t>();
      if (l != s.end() && l->is_array()) {
        for (const auto& v : *l) {
          if (v.is_string()) sent.labels.push_back(v.get<std::string>());
        }
      }
      a.sentences.push_back(std::move(sent));
    }
    out.push_back(std::move(a));
  }
  return out;
}

Result<std::vector<LabelledSentence>> ReadLabelledSentences(const std::string& path) {
  Result<std::string> bytes = ReadInput(path);
  if (!bytes.ok()) return bytes.status();
  std::vector<LabelledSentence> out;
  for (const TsvRow& r : ParseTsv(*bytes)) {
    if (r.fields.size() < 2 || r.field(0).empty() || r.field(1).empty()) {
      return Status::InvalidArgument(path + ":" + std::to_string(r.line) + ": needs 'sentence<TAB>type or none'");
    }
    out.push_back({std::string(r.field(0)), std::string(r.field(1)), r.line});
  }
  return out;
}

Result<std::vector<EventExample>> IpeExamples(const IpeArticle& article, bool keep_unlabelled) {
  Result<std::vector<std::pair<size_t, EventExample>>> proposed = Propose(article.text, article.published);
  if (!proposed.ok()) return proposed.status();
  // Byte offsets to code points.
  std::vector<size_t> cp_at(article.text.size() + 1, 0);
  size_t cp = 0;
  for (size_t i = 0; i < article.text.size(); ++i) {
    cp_at[i] = cp;
    if ((static_cast<unsigned char>(article.text[i]) & 0xC0) != 0x80) ++cp;
  }
  cp_at[article.text.size()] = cp;
  std::vector<EventExample> out;
  for (auto& [byte, x] : *proposed) {
    const size_t c = cp_at[std::min(byte, article.text.size())];  // the trigger's first character
    for (size_t k = 0; k < article.sentences.size(); ++k) {
      const IpeArticle::Sentence& s = article.sentences[k];
      if (s.begin <= c && c < s.end) {
        x.sentence = static_cast<int>(k);
        break;
      }
    }
    const IpeArticle::Sentence* s = x.sentence >= 0 ? &article.sentences[x.sentence] : nullptr;
    bool labelled = true;
    if (s == nullptr) {
      labelled = false;
    } else if (IsArrest(x)) {
      x.label = HasLabel(*s, "ARREST");
    } else if (IsViolent(x)) {
      x.label = HasLabel(*s, "KILL") || HasLabel(*s, "FORCE");
      labelled = x.label == 1;
    } else {
      x.label = !s->labels.empty();
      labelled = x.label == 1;
    }
    if (labelled || keep_unlabelled) out.push_back(std::move(x));
  }
  return out;
}

Result<std::vector<EventExample>> SentenceExamples(const LabelledSentence& sentence) {
  Result<std::vector<std::pair<size_t, EventExample>>> proposed = Propose(sentence.text, "");
  if (!proposed.ok()) return proposed.status();
  std::vector<EventExample> out;
  for (auto& [byte, x] : *proposed) {
    x.label = sentence.type != "none";
    out.push_back(std::move(x));
  }
  return out;
}

Result<learn::LinearModel> TrainEventModel(const std::vector<EventExample>& train, const EventTrainOptions& options,
                                           const std::function<void(const std::string&)>& log) {
  if (train.empty()) return Status::InvalidArgument("no training examples: the rules proposed no events");
  learn::LinearModel::Info info;
  info.kind = EventClassifier::kKind;
  info.feature_version = EventClassifier::kFeatureVersion;
  info.labels = EventClassifier::Labels();
  info.provenance = options.provenance;
  learn::PerceptronTrainer trainer(info);
  learn::FeatureRows rows;
  std::vector<int> gold;
  int positives = 0;
  for (const EventExample& x : train) {
    rows.Add(x.features);
    gold.push_back(x.label);
    positives += x.label;
  }
  log("event examples: " + std::to_string(train.size()) + " (" + std::to_string(positives) + " events)");
  std::mt19937 rng(options.seed);
  for (int e = 1; e <= options.epochs; ++e) {
    double err = trainer.ClassifyEpoch(rows, gold, rng);
    log("epoch " + std::to_string(e) + ": training error " + std::to_string(100 * err).substr(0, 5) + "%");
  }
  return trainer.Averaged(options.min_weight);
}

double IpeScore::ArrestP() const { return arrest_tp / std::max(1.0, double(arrest_tp + arrest_fp)); }
double IpeScore::ArrestR() const { return arrest_tp / std::max(1.0, double(arrest_tp + arrest_fn)); }
double IpeScore::ArrestF1() const {
  double p = ArrestP(), r = ArrestR();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}
double IpeScore::ViolentR() const { return violent_hit / std::max(1.0, double(violent_total)); }

IpeScore ScoreIpe(const std::vector<IpeArticle>& articles, const std::vector<std::vector<EventExample>>& examples,
                  const std::function<double(const EventExample&)>& confidence, double threshold) {
  IpeScore s;
  for (size_t i = 0; i < articles.size() && i < examples.size(); ++i) {
    const IpeArticle& a = articles[i];
    std::vector<uint8_t> arrest(a.sentences.size(), 0), violent(a.sentences.size(), 0);
    for (const EventExample& x : examples[i]) {
      if (x.sentence < 0 || confidence(x) < threshold) continue;
      if (IsArrest(x)) arrest[x.sentence] = 1;
      if (IsViolent(x)) violent[x.sentence] = 1;
    }
    for (size_t k = 0; k < a.sentences.size(); ++k) {
      const bool ga = HasLabel(a.sentences[k], "ARREST");
      s.arrest_tp += ga && arrest[k];
      s.arrest_fp += !ga && arrest[k];
      s.arrest_fn += ga && !arrest[k];
      if (HasLabel(a.sentences[k], "KILL") || HasLabel(a.sentences[k], "FORCE")) {
        ++s.violent_total;
        s.violent_hit += violent[k];
      }
    }
  }
  return s;
}

Result<SentenceScore> ScoreEventSentences(const std::vector<LabelledSentence>& sentences, double threshold) {
  SentenceScore score;
  ExtractOptions eo;
  eo.event_threshold = threshold;
  for (const LabelledSentence& s : sentences) {
    LoadOptions lo;
    lo.format = "text";
    Result<Document> doc = LoadDocument(s.text, lo);
    if (!doc.ok()) return Status::InvalidArgument("line " + std::to_string(s.line) + ": " + doc.status().message());
    Result<Extraction> x = Extract(*doc, eo);
    if (!x.ok()) return x.status();
    const Event* first = nullptr;
    for (const Claim& c : x->claims) {
      if (c.event) {
        first = &*c.event;
        break;
      }
    }
    const bool gold = s.type != "none";
    std::string why;
    if (gold && first != nullptr) {
      ++score.true_events;
      if (first->type == s.type) {
        ++score.right_type;
      } else {
        why = "type " + first->type + ", expected " + s.type;
      }
    } else if (gold) {
      ++score.missed_events;
      why = "missed " + s.type;
    } else if (first != nullptr) {
      ++score.false_events;
      char conf[16];
      std::snprintf(conf, sizeof conf, "%.2f", first->confidence);
      why = "not an event, typed " + first->type + " (\"" + first->trigger + "\", " + conf + ")";
    } else {
      ++score.true_none;
    }
    if (!why.empty()) score.report += "line " + std::to_string(s.line) + ": " + why + ": " + s.text + "\n";
  }
  return score;
}

Result<TrainedModel> TrainEventClassifier(const EventTraining& training, const TrainingLog& log) {
  Result<std::vector<IpeArticle>> ipe = ReadIpeJsonl(training.ipe_file);
  if (!ipe.ok()) return ipe.status();
  std::vector<EventExample> train;
  std::vector<IpeArticle> dev;
  std::vector<std::vector<EventExample>> dev_examples;
  size_t train_articles = 0;
  for (const IpeArticle& a : *ipe) {
    const bool is_train = a.published <= training.train_until;
    Result<std::vector<EventExample>> x = IpeExamples(a, /*keep_unlabelled=*/!is_train);
    if (!x.ok()) return Status::DataError(a.doc_id + ": " + x.status().message());
    if (is_train) {
      ++train_articles;
      train.insert(train.end(), x->begin(), x->end());
    } else {
      dev.push_back(a);
      dev_examples.push_back(std::move(x).value());
    }
  }
  size_t sentences = 0;
  if (!training.sentences_file.empty()) {
    Result<std::vector<LabelledSentence>> own = ReadLabelledSentences(training.sentences_file);
    if (!own.ok()) return own.status();
    sentences = own->size();
    for (const LabelledSentence& s : *own) {
      Result<std::vector<EventExample>> x = SentenceExamples(s);
      if (!x.ok()) {
        return Status::DataError(training.sentences_file + ":" + std::to_string(s.line) + ": " +
                                 x.status().message());
      }
      train.insert(train.end(), x->begin(), x->end());
    }
  }
  log("train: " + std::to_string(train_articles) + " IPE articles up to " + training.train_until + " + " +
      std::to_string(sentences) + " own sentences; dev: " + std::to_string(dev.size()) + " later IPE articles");
  EventTrainOptions options;
  options.epochs = training.epochs;
  options.seed = training.seed;
  if (training.provenance) options.provenance = training.provenance(train_articles, sentences);
  Result<learn::LinearModel> model = TrainEventModel(train, options, log);
  if (!model.ok()) return model.status();
  if (!dev.empty()) {
    EventClassifier classifier(*model);
    auto confidence = [&](const EventExample& x) { return classifier.Confidence(x.features); };
    for (double t : {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
      IpeScore s = ScoreIpe(dev, dev_examples, confidence, t);
      char line[200];
      std::snprintf(line, sizeof line, "dev (after %s) threshold %.1f: arrestF1 %.1f P %.1f R %.1f violentR %.1f%s",
                    training.train_until.c_str(), t, 100 * s.ArrestF1(), 100 * s.ArrestP(), 100 * s.ArrestR(),
                    100 * s.ViolentR(), t == 0 ? " (rules alone)" : "");
      log(line);
    }
  }
  if (Status s = model->Save(training.output); !s.ok()) return s;
  return TrainedModel{model->feature_count()};
}

}  // namespace sitrep
