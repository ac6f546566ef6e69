#include "cli/cli_args.h"

namespace orlive::cli {

Args::Args(int argc, char** argv, const std::set<std::string>& switches) {
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg.rfind("--", 0) != 0 || arg == "--") {
            words_.push_back(arg);
            continue;
        }
        std::string flag = arg.substr(2);
        if (auto eq = flag.find('='); eq != std::string::npos) {
            values_.emplace(flag.substr(0, eq), flag.substr(eq + 1));
            continue;
        }
        if (switches.count(flag)) {
            values_.emplace(flag, "");
            continue;
        }
        if (i + 1 >= argc) {
            error_ = UsageError{"--" + flag + " needs a value"};
            return;
        }
        values_.emplace(flag, argv[++i]);
    }
}

std::optional<std::string> Args::get(const std::string& flag) const {
    auto it = values_.find(flag);
    if (it == values_.end()) return std::nullopt;
    return it->second;
}

std::vector<std::string> Args::all(const std::string& flag) const {
    std::vector<std::string> out;
    auto [first, last] = values_.equal_range(flag);
    for (auto it = first; it != last; ++it) out.push_back(it->second);
    return out;
}

std::vector<std::string> Args::unknown(const std::set<std::string>& known) const {
    std::vector<std::string> out;
    for (const auto& [flag, value] : values_) {
        if (!known.count(flag)) out.push_back("--" + flag);
    }
    return out;
}

}  // namespace orlive::cli
