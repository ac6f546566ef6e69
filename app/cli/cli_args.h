// A small command-line parser shared by orlive and orlivectl: positional words, "--flag value" options that may
// repeat, and boolean switches. Unknown flags are usage errors (exit 1).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace orlive::cli {

struct UsageError {
    std::string message;
};

class Args {
public:
    // `switches` take no value; every other --flag takes exactly one.
    Args(int argc, char** argv, const std::set<std::string>& switches);

    const std::vector<std::string>& words() const { return words_; }
    bool has(const std::string& flag) const { return values_.count(flag) > 0; }
    std::optional<std::string> get(const std::string& flag) const;
    std::vector<std::string> all(const std::string& flag) const;
    std::optional<UsageError> error() const { return error_; }
    // Flags the command did not ask about (reported as usage errors).
    std::vector<std::string> unknown(const std::set<std::string>& known) const;

private:
    std::vector<std::string> words_;
    std::multimap<std::string, std::string> values_;
    std::optional<UsageError> error_;
};

}  // namespace orlive::cli
