// The verbs of the `sitrep` command line; each returns the process exit code.
#ifndef SITREP_TOOLS_COMMANDS_H_
#define SITREP_TOOLS_COMMANDS_H_

#include <cstdint>
#include <string>
#include <vector>

namespace sitrep::cli {

struct BenchArgs {
  std::vector<std::string> files;
  double megabytes = 50;
  std::string published = "2024-08-13";
};
int RunBench(const BenchArgs& args);

// Prints "sitrep: <message>" on stderr.
void Fail(const std::string& message);

}  // namespace sitrep::cli

#endif  // SITREP_TOOLS_COMMANDS_H_
