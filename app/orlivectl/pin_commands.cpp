// orlivectl pin set compliance|admin: the new PIN on stdin (never in argv, where a process
// list shows it); only its salted slow hash reaches the settings file.
#include <iostream>

#include "core/compose/settings.h"
#include "orlivectl/commands.h"

namespace orlive::cli {

int run_pin(CommandContext& context, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config"});
    if (!unknown.empty()) return usage_error("pin does not take " + unknown.front());
    const auto& words = args.words();
    if (words.size() != 3 || words[1] != "set" || (words[2] != "compliance" && words[2] != "admin"))
        return usage_error("pin needs: pin set compliance|admin (the new PIN on stdin)");
    std::string pin;
    std::getline(std::cin, pin);
    if (!pin.empty() && pin.back() == '\r') pin.pop_back();
    if (pin.size() < 4 || pin.size() > 8 || pin.find_first_not_of("0123456789") != std::string::npos)
        return fail("the PIN on stdin must be 4 to 8 digits; nothing was changed");
    if (auto stored = store_pin_hash(context.config_file(), words[2], pin); !stored) return fail(stored.error().message);
    std::cout << words[2] << " PIN set in " << context.config_file().string() << " (only its hash is stored)\n";
    return kExitOk;
}

}  // namespace orlive::cli
