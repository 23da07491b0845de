// `sitrep train attribution TRAIN_DIR -o FILE [--dev DEV_DIR]` and `sitrep train events
// IPE.jsonl -o FILE [--sentences TSV]`: train a learned model and write its file.
#include <chrono>
#include <cstdio>
#include <iostream>

#include "eval/attribution_training.h"
#include "eval/event_training.h"
#include "events/event_classifier.h"
#include "sitrep/sitrep.h"
#include "tools/sitrep/commands.h"

namespace sitrep::cli {

namespace {

// Writes a trained model and says what was written and how long it took.
int SaveModel(const learn::LinearModel& model, const std::string& path,
              std::chrono::steady_clock::time_point start) {
  if (Status s = model.Save(path); !s.ok()) {
    Fail(s.message());
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "wrote " << path << ": " << model.feature_count() << " features, " << seconds << " s\n";
  return 0;
}

}  // namespace

void AddTrainCommand(CLI::App* app, TrainArgs* args) {
  CLI::App* train = app->add_subcommand("train", "Train a learned model from an annotated corpus");
  train->require_subcommand(1);
  args->cmd = train->add_subcommand(
      "attribution", "The attribution tagger (cue, source, content) from a PolNeAR-format folder");
  args->cmd->add_option("TRAIN_DIR", args->train_dir, "Folder with text/ and attributions/ (brat standoff)")
      ->required();
  args->cmd->add_option("--output,-o", args->output, "Model file to write")->required();
  args->cmd->add_option("--dev", args->dev_dir, "Folder of the same format: token F1 after each epoch");
  args->cmd->add_option("--epochs", args->epochs, "Passes over the training data")
      ->capture_default_str()->check(CLI::Range(1, 100));
  args->cmd->add_option("--seed", args->seed, "Shuffling seed (the same seed gives the same model)")
      ->capture_default_str();
  args->cmd->footer(
      "The model written is what `sitrep extract` loads (data/models/attribution.model in the source tree; "
      "docs/models.md says how it was made). Training on PolNeAR's 840 train articles takes about a minute.");

  args->events = train->add_subcommand(
      "events", "The event classifier (is a rule-proposed event one an ACLED coder would code?)");
  args->events->add_option("IPE_JSONL", args->ipe_file, "IndiaPoliceEvents JSONL (shared/data/events/README.md)")
      ->required()->check(CLI::ExistingFile);
  args->events->add_option("--sentences", args->sentences_file,
                           "Our own labelled sentences, TSV: sentence<TAB>ACLED type or none")
      ->check(CLI::ExistingFile);
  args->events->add_option("--train-until", args->train_until,
                           "Articles published up to this day (YYYY-MM-DD) train; later ones are dev")
      ->capture_default_str();
  args->events->add_option("--output,-o", args->output, "Model file to write")->required();
  args->events->add_option("--epochs", args->event_epochs, "Passes over the training data")
      ->capture_default_str()->check(CLI::Range(1, 100));
  args->events->add_option("--seed", args->seed, "Shuffling seed (the same seed gives the same model)")
      ->capture_default_str();
  args->events->footer(
      "Trains on the IPE articles up to --train-until plus --sentences, prints arrest F1 and violent recall on "
      "the later (dev) articles for a range of thresholds, and writes the model `sitrep extract` loads "
      "(data/models/events.model; docs/events.md).");
}

int RunTrain(const TrainArgs& args) {
  auto start = std::chrono::steady_clock::now();
  Result<std::vector<AttributionArticle>> train = ReadAttributionFolder(args.train_dir);
  if (!train.ok()) {
    Fail(train.status().message());
    return 1;
  }
  std::vector<AttributionArticle> dev;
  if (!args.dev_dir.empty()) {
    Result<std::vector<AttributionArticle>> d = ReadAttributionFolder(args.dev_dir);
    if (!d.ok()) {
      Fail(d.status().message());
      return 1;
    }
    dev = std::move(d).value();
  }
  AttributionTrainOptions options;
  options.epochs = args.epochs;
  options.seed = args.seed;
  options.provenance = "sitrep " + std::string(kVersion) + "; `sitrep train attribution --epochs " +
                       std::to_string(args.epochs) + " --seed " + std::to_string(args.seed) +
                       "` on PolNeAR v1.0.0 train split (" + std::to_string(train->size()) +
                       " articles; Newell, Margolin and Ruths, LREC 2018)";
  Result<learn::LinearModel> model =
      TrainAttributionTagger(*train, dev, options, [](const std::string& line) { std::cerr << line << "\n"; });
  if (!model.ok()) {
    Fail(model.status().message());
    return 1;
  }
  return SaveModel(*model, args.output, start);
}

int RunTrainEvents(const TrainArgs& args) {
  auto start = std::chrono::steady_clock::now();
  auto log = [](const std::string& line) { std::cerr << line << "\n"; };
  Result<std::vector<IpeArticle>> ipe = ReadIpeJsonl(args.ipe_file);
  if (!ipe.ok()) {
    Fail(ipe.status().message());
    return 1;
  }
  std::vector<EventExample> train;
  std::vector<IpeArticle> dev;
  std::vector<std::vector<EventExample>> dev_examples;
  size_t train_articles = 0;
  for (const IpeArticle& a : *ipe) {
    const bool is_train = a.published <= args.train_until;
    Result<std::vector<EventExample>> x = IpeExamples(a, /*keep_unlabelled=*/!is_train);
    if (!x.ok()) {
      Fail(a.doc_id + ": " + x.status().message());
      return 1;
    }
    if (is_train) {
      ++train_articles;
      train.insert(train.end(), x->begin(), x->end());
    } else {
      dev.push_back(a);
      dev_examples.push_back(std::move(x).value());
    }
  }
  size_t sentences = 0;
  if (!args.sentences_file.empty()) {
    Result<std::vector<LabelledSentence>> own = ReadLabelledSentences(args.sentences_file);
    if (!own.ok()) {
      Fail(own.status().message());
      return 1;
    }
    sentences = own->size();
    for (const LabelledSentence& s : *own) {
      Result<std::vector<EventExample>> x = SentenceExamples(s);
      if (!x.ok()) {
        Fail(args.sentences_file + ":" + std::to_string(s.line) + ": " + x.status().message());
        return 1;
      }
      train.insert(train.end(), x->begin(), x->end());
    }
  }
  log("train: " + std::to_string(train_articles) + " IPE articles up to " + args.train_until + " + " +
      std::to_string(sentences) + " own sentences; dev: " + std::to_string(dev.size()) + " later IPE articles");
  EventTrainOptions options;
  options.epochs = args.event_epochs;
  options.seed = args.seed;
  options.provenance = "sitrep " + std::string(kVersion) + "; `sitrep train events --train-until " + args.train_until +
                       " --epochs " + std::to_string(args.event_epochs) + " --seed " + std::to_string(args.seed) +
                       "` on IndiaPoliceEvents (Halterman et al. 2021) articles up to " + args.train_until + " (" +
                       std::to_string(train_articles) + ") and " + std::to_string(sentences) +
                       " labelled sentences written for sitrep";
  Result<learn::LinearModel> model = TrainEventModel(train, options, log);
  if (!model.ok()) {
    Fail(model.status().message());
    return 1;
  }
  if (!dev.empty()) {
    EventClassifier classifier(*model);
    auto confidence = [&](const EventExample& x) { return classifier.Confidence(x.features); };
    for (double t : {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
      IpeScore s = ScoreIpe(dev, dev_examples, confidence, t);
      char line[200];
      std::snprintf(line, sizeof line, "dev (after %s) threshold %.1f: arrestF1 %.1f P %.1f R %.1f violentR %.1f%s",
                    args.train_until.c_str(), t, 100 * s.ArrestF1(), 100 * s.ArrestP(), 100 * s.ArrestR(),
                    100 * s.ViolentR(), t == 0 ? " (rules alone)" : "");
      log(line);
    }
  }
  return SaveModel(*model, args.output, start);
}

}  // namespace sitrep::cli
