// `sitrep train attribution TRAIN_DIR -o FILE [--dev DEV_DIR]` and `sitrep train events
// IPE.jsonl -o FILE [--sentences TSV]`: train a learned model and write its file.
#include <chrono>
#include <iostream>
#include <sstream>

#include "sitrep/sitrep.h"
#include "sitrep/train.h"
#include "tools/sitrep/commands.h"

namespace sitrep::cli {

namespace {

// Says what a training wrote and how long it took.
int Wrote(const Result<TrainedModel>& model, const std::string& path, std::chrono::steady_clock::time_point start) {
  if (!model.ok()) {
    Fail(model.status().message());
    return 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cerr << "wrote " << path << ": " << model->feature_count << " features, " << seconds << " s\n";
  return 0;
}

// The learner's options that are not the defaults, for the provenance (the
// default command's provenance, and so its file, stays as it was).
std::string Learner(const TrainArgs& args) {
  const TrainArgs defaults;
  std::ostringstream out;
  if (args.pa_max_step != defaults.pa_max_step) out << " --pa " << args.pa_max_step;
  if (args.min_weight != defaults.min_weight) out << " --min-weight " << args.min_weight;
  if (args.cost != defaults.cost) out << " --cost " << args.cost;
  if (args.loss_scale != defaults.loss_scale) out << " --loss-scale " << args.loss_scale;
  if (args.ensemble != defaults.ensemble) out << " --ensemble " << args.ensemble;
  if (args.crf) out << " --crf --lr " << args.crf_learning_rate << " --l2 " << args.crf_l2;
  return out.str();
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
  args->cmd->add_option("--cost", args->cost, "Loss-augmented decoding while training: a wrong label scores this more")
      ->capture_default_str();
  args->cmd->add_option("--pa", args->pa_max_step,
                        "Passive-aggressive (1-best MIRA) steps capped at this; 0: the perceptron's steps of 1")
      ->capture_default_str();
  args->cmd->add_option("--loss-scale", args->loss_scale, "Passive-aggressive: the loss of one wrong label")
      ->capture_default_str();
  args->cmd->add_option("--min-weight", args->min_weight,
                        "Features whose averaged weights all stay below this are dropped")
      ->capture_default_str();
  args->cmd->add_option("--ensemble", args->ensemble, "The mean of this many models (seeds seed, seed + 1, ...)")
      ->capture_default_str()->check(CLI::Range(1, 16));
  args->cmd->add_flag("--crf", args->crf,
                      "A linear-chain CRF trained by SGD on the L2-regularised log-loss instead of the perceptron "
                      "(its weights are of the order of 1: set --min-weight too)");
  args->cmd->add_option("--lr", args->crf_learning_rate,
                        "CRF: the first SGD step; the t-th sentence's is this / (1 + t / sentences)")
      ->capture_default_str()->check(CLI::PositiveNumber);
  args->cmd->add_option("--l2", args->crf_l2, "CRF: the Gaussian prior, l2 / 2 times the squared norm of the weights")
      ->capture_default_str()->check(CLI::NonNegativeNumber);
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
  if (args.crf && args.cmd->get_option("--min-weight")->count() == 0) {
    Fail("--crf needs --min-weight: the default (6) is the perceptron's and drops every CRF weight; 0.15 keeps "
         "about 160,000 features (docs/models.md)");
    return 2;
  }
  auto start = std::chrono::steady_clock::now();
  AttributionTraining training;
  training.train_dir = args.train_dir;
  training.dev_dir = args.dev_dir;
  training.epochs = args.epochs;
  training.seed = args.seed;
  training.cost = args.cost;
  training.pa_max_step = args.pa_max_step;
  training.loss_scale = args.loss_scale;
  training.min_weight = args.min_weight;
  training.ensemble = args.ensemble;
  training.crf = args.crf;
  training.crf_learning_rate = args.crf_learning_rate;
  training.crf_l2 = args.crf_l2;
  training.output = args.output;
  training.provenance = [&args](size_t train_articles) {
    return "sitrep " + std::string(kVersion) + "; `sitrep train attribution --epochs " + std::to_string(args.epochs) +
           " --seed " + std::to_string(args.seed) + Learner(args) + "` on PolNeAR v1.0.0 train split (" +
           std::to_string(train_articles) + " articles; Newell, Margolin and Ruths, LREC 2018)";
  };
  auto log = [](const std::string& line) { std::cerr << line << "\n"; };
  return Wrote(TrainAttributionModel(training, log), args.output, start);
}

int RunTrainEvents(const TrainArgs& args) {
  auto start = std::chrono::steady_clock::now();
  EventTraining training;
  training.ipe_file = args.ipe_file;
  training.sentences_file = args.sentences_file;
  training.train_until = args.train_until;
  training.epochs = args.event_epochs;
  training.seed = args.seed;
  training.output = args.output;
  training.provenance = [&args](size_t train_articles, size_t sentences) {
    return "sitrep " + std::string(kVersion) + "; `sitrep train events --train-until " + args.train_until +
           " --epochs " + std::to_string(args.event_epochs) + " --seed " + std::to_string(args.seed) +
           "` on IndiaPoliceEvents (Halterman et al. 2021) articles up to " + args.train_until + " (" +
           std::to_string(train_articles) + ") and " + std::to_string(sentences) +
           " labelled sentences written for sitrep";
  };
  auto log = [](const std::string& line) { std::cerr << line << "\n"; };
  return Wrote(TrainEventClassifier(training, log), args.output, start);
}

}  // namespace sitrep::cli
