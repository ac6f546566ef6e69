#include "cli/cli_args.h"

#include <string_view>

#include "core/base/utf8.h"

namespace orlive::cli {

std::optional<std::string> invalid_utf8_argument(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (is_valid_utf8(arg)) continue;
        std::string what = "argument " + std::to_string(i);
        const std::string_view previous = i > 1 ? std::string_view(argv[i - 1]) : std::string_view();
        const std::size_t eq = arg.find('=');
        if (arg.rfind("--", 0) == 0 && eq != std::string_view::npos && is_valid_utf8(arg.substr(0, eq)))
            what = "the value of " + std::string(arg.substr(0, eq));
        else if (previous.rfind("--", 0) == 0 && previous.find('=') == std::string_view::npos)
            what = "the value of " + std::string(previous);
        return require_utf8(arg, what).error().message;
    }
    return std::nullopt;
}

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
