// What every orlivectl command needs, opened on demand from the common flags.
#pragma once

#include <filesystem>
#include <memory>

#include "core/base/clock.h"
#include "core/store/database.h"
#include "core/privacy/phi_filter.h"
#include "core/base/result.h"
#include "core/compose/settings.h"
#include "core/compose/template_catalog.h"
#include "cli/cli_args.h"

namespace orlive::cli {

// Exit statuses (README, "The contract"): 0 success, 1 bad usage, 2 any other error.
constexpr int kExitOk = 0;
constexpr int kExitUsage = 1;
constexpr int kExitError = 2;

class CommandContext {
public:
    explicit CommandContext(const Args& args);

    Result<Database*> database();
    Result<const Settings*> settings();
    // The settings for a command that talks to the platforms (sync, account test): an error,
    // naming the file and who may read it, when this user may not read the secrets file.
    Result<const Settings*> credentials();
    Result<const TemplateCatalog*> catalog();
    Result<const PhiFilter*> filter();
    const Clock& clock() const { return clock_; }
    const std::filesystem::path& data_dir() const { return data_dir_; }
    const std::filesystem::path& config_file() const { return config_file_; }
    // Reads one line of stdin (the PIN) and checks it against the settings' compliance PIN,
    // with the persisted lockout; a wrong PIN is logged. Ok, or why not.
    Status require_compliance_pin();

private:
    std::filesystem::path data_dir_;
    std::filesystem::path config_file_;
    bool config_explicit_ = false;
    SystemClock clock_;
    std::unique_ptr<Database> db_;
    std::unique_ptr<Settings> settings_;
    std::unique_ptr<TemplateCatalog> catalog_;
    std::unique_ptr<PhiFilter> filter_;
};

// One clear line on stderr, and the error exit status.
int fail(const std::string& message);
int usage_error(const std::string& message);

}  // namespace orlive::cli
