// A small flag parser for the subcommands of the `threadline` command:
// "--name value", "--name=value", boolean "--name", repeatable flags, and a
// --help text generated from the declarations.
#ifndef THREADLINE_SRC_CLI_FLAGS_H_
#define THREADLINE_SRC_CLI_FLAGS_H_

#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "threadline/types.h"

namespace threadline::cli {

class FlagSet {
 public:
  // `usage` is the first lines of --help ("threadline link [--in FILE] …"
  // and a sentence on what the command does).
  explicit FlagSet(std::string usage) : usage_(std::move(usage)) {}

  // Declares "--name VALUE" storing into *value; `help` explains it and its
  // default.
  void String(std::string name, std::string value_name, std::string help,
              std::string* value);
  // Declares "--name N": an integer from `min` to `max` (by default any
  // non-negative one); Parse names the flag and the range for another.
  void Int(std::string name, std::string value_name, std::string help,
           long long* value, long long min = 0,
           long long max = std::numeric_limits<long long>::max());
  // Declares a boolean "--name".
  void Bool(std::string name, std::string help, bool* value);
  // Declares a repeatable "--name VALUE", appending to *values.
  void Repeated(std::string name, std::string value_name, std::string help,
                std::vector<std::string>* values);

  // Parse: reads args (without the program and subcommand names). Returns
  // InvalidArgument naming the flag for an unknown flag, a missing value or
  // a bad number. Sets help_requested() on --help or -h.
  absl::Status Parse(const std::vector<std::string>& args);
  bool help_requested() const { return help_requested_; }

  // Help: the usage text and one line per flag.
  std::string Help() const;

 private:
  struct Flag {
    std::string name;
    std::string value_name;  // empty for a boolean flag
    std::string help;
    std::function<absl::Status(const std::string&)> set;
  };
  const Flag* Find(const std::string& name) const;

  std::string usage_;
  std::vector<Flag> flags_;
  bool help_requested_ = false;
};

// ParseIdentityFlag: a "KIND:VALUE" flag value ("TWITTER:@AcmeCare", kind
// in any letter case) as a raw Identity. InvalidArgument naming the flag and
// the value when there is no colon or the kind is unknown.
absl::Status ParseIdentityFlag(const char* flag_name, const std::string& flag,
                               Identity* out);

}  // namespace threadline::cli

#endif  // THREADLINE_SRC_CLI_FLAGS_H_
