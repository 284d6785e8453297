#include "cli/flags.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <optional>

#include "absl/strings/str_cat.h"

namespace threadline::cli {

void FlagSet::String(std::string name, std::string value_name,
                     std::string help, std::string* value) {
  flags_.push_back({std::move(name), std::move(value_name), std::move(help),
                    [value](const std::string& v) {
                      *value = v;
                      return absl::OkStatus();
                    }});
}

void FlagSet::Int(std::string name, std::string value_name, std::string help,
                  long long* value, long long min, long long max) {
  std::string flag = name;
  flags_.push_back(
      {std::move(name), std::move(value_name), std::move(help),
       [value, flag, min, max](const std::string& v) {
         char* end = nullptr;
         errno = 0;
         long long n = std::strtoll(v.c_str(), &end, 10);
         const bool number = !v.empty() && *end == '\0' && errno == 0;
         if (number && min <= n && n <= max) {
           *value = n;
           return absl::OkStatus();
         }
         if (min == 0 && max == std::numeric_limits<long long>::max()) {
           return absl::InvalidArgumentError(absl::StrCat(
               "--", flag, " takes a non-negative integer, got \"", v, "\""));
         }
         return absl::InvalidArgumentError(
             absl::StrCat("--", flag, " takes ", min, " to ", max, ", got ",
                          number ? v : absl::StrCat("\"", v, "\"")));
       }});
}

void FlagSet::Bool(std::string name, std::string help, bool* value) {
  flags_.push_back({std::move(name), "", std::move(help),
                    [value](const std::string&) {
                      *value = true;
                      return absl::OkStatus();
                    }});
}

void FlagSet::Repeated(std::string name, std::string value_name,
                       std::string help, std::vector<std::string>* values) {
  flags_.push_back({std::move(name), std::move(value_name), std::move(help),
                    [values](const std::string& v) {
                      values->push_back(v);
                      return absl::OkStatus();
                    }});
}

const FlagSet::Flag* FlagSet::Find(const std::string& name) const {
  for (const Flag& f : flags_) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

absl::Status FlagSet::Parse(const std::vector<std::string>& args) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      help_requested_ = true;
      continue;
    }
    if (arg.size() < 3 || arg.compare(0, 2, "--") != 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("unexpected argument \"", arg, "\" (see --help)"));
    }
    std::string name = arg.substr(2);
    std::string value;
    bool has_value = false;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
      has_value = true;
    }
    const Flag* flag = Find(name);
    if (flag == nullptr) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown flag --", name, " (see --help)"));
    }
    if (flag->value_name.empty()) {
      if (has_value) {
        return absl::InvalidArgumentError(
            absl::StrCat("--", name, " takes no value"));
      }
    } else if (!has_value) {
      if (i + 1 >= args.size()) {
        return absl::InvalidArgumentError(absl::StrCat(
            "--", name, " needs a value (", flag->value_name, ")"));
      }
      value = args[++i];
    }
    if (absl::Status s = flag->set(value); !s.ok()) return s;
  }
  return absl::OkStatus();
}

std::string FlagSet::Help() const {
  std::string out = usage_;
  if (!out.empty() && out.back() != '\n') out += '\n';
  out += "\nFlags:\n";
  for (const Flag& f : flags_) {
    std::string left = absl::StrCat("  --", f.name);
    if (!f.value_name.empty()) absl::StrAppend(&left, " ", f.value_name);
    if (left.size() < 28) left.resize(28, ' ');
    else left += "  ";
    absl::StrAppend(&out, left, f.help, "\n");
  }
  absl::StrAppend(&out, "  --help                    show this help\n");
  return out;
}

absl::Status ParseIdentityFlag(const char* flag_name, const std::string& flag,
                               Identity* out) {
  const size_t colon = flag.find(':');
  if (colon == std::string::npos) {
    return absl::InvalidArgumentError(
        absl::StrCat("--", flag_name, " \"", flag,
                     "\" must be KIND:VALUE, e.g. PHONE:+18005550199"));
  }
  std::string kind_name = flag.substr(0, colon);
  for (char& c : kind_name) c = static_cast<char>(std::toupper(c));
  std::optional<IdentityKind> kind = ParseIdentityKind(kind_name);
  if (!kind || *kind == IdentityKind::kUnspecified) {
    return absl::InvalidArgumentError(absl::StrCat(
        "--", flag_name, " \"", flag, "\": unknown kind \"",
        flag.substr(0, colon),
        "\" (PHONE, EMAIL, TWITTER, FACEBOOK, INSTAGRAM, WHATSAPP, LINKEDIN, "
        "CHAT_VISITOR, ACCOUNT, OTHER)"));
  }
  *out = Identity{*kind, flag.substr(colon + 1)};
  return absl::OkStatus();
}

}  // namespace threadline::cli
