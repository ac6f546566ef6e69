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

// The first argument that is not valid UTF-8, as a one-line message naming it (its flag when it
// is a flag's value); nothing when all are. Checked once in main(), before any command runs, so
// no command can store or print such bytes (exit 2, like any bad input that is not a usage slip).
std::optional<std::string> invalid_utf8_argument(int argc, char** argv);

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
