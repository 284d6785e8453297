// The subcommands of the `threadline` command. Each takes its arguments
// (after the subcommand name) and returns the process exit code: 0 on
// success, 1 when the work failed, 2 for a usage error.
#ifndef THREADLINE_SRC_CLI_COMMANDS_H_
#define THREADLINE_SRC_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace threadline::cli {

int RunLink(const std::vector<std::string>& args);
int RunSimulate(const std::vector<std::string>& args);
int RunScore(const std::vector<std::string>& args);
int RunGuard(const std::vector<std::string>& args);
int RunSentiment(const std::vector<std::string>& args);
int RunInspect(const std::vector<std::string>& args);

}  // namespace threadline::cli

#endif  // THREADLINE_SRC_CLI_COMMANDS_H_
