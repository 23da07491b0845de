// `sitrep train attribution TRAIN_DIR -o FILE [--dev DEV_DIR]`: trains the
// attribution tagger and writes its model file.
#include <chrono>
#include <iostream>

#include "eval/attribution_training.h"
#include "sitrep/sitrep.h"
#include "tools/sitrep/commands.h"

namespace sitrep::cli {

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
  if (Status s = model->Save(args.output); !s.ok()) {
    Fail(s.message());
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "wrote " << args.output << ": " << model->feature_count() << " features, " << seconds << " s\n";
  return 0;
}

}  // namespace sitrep::cli
