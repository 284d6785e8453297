// What the CLI tests share: reading the JSON-lines files the subcommands
// write.
#ifndef THREADLINE_TESTS_CLI_CLI_TEST_UTIL_H_
#define THREADLINE_TESTS_CLI_CLI_TEST_UTIL_H_

#include <fstream>
#include <string>
#include <vector>

namespace threadline::testing_cli {

// ReadLines: the non-empty lines of the file at `path` (none when it cannot
// be read).
inline std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

}  // namespace threadline::testing_cli

#endif  // THREADLINE_TESTS_CLI_CLI_TEST_UTIL_H_
