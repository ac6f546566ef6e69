#include "core/store/data_paths.h"

#include <unistd.h>

#include <cstdlib>
#include <system_error>

namespace orlive {

namespace fs = std::filesystem;

namespace {
fs::path home_dir() {
    const char* home = std::getenv("HOME");
    return home && *home ? fs::path(home) : fs::path("/tmp");
}

fs::path xdg_dir(const char* variable, const char* fallback_under_home) {
    const char* value = std::getenv(variable);
    if (value && *value && fs::path(value).is_absolute()) return fs::path(value);
    return home_dir() / fallback_under_home;
}
}  // namespace

fs::path default_data_dir() { return xdg_dir("XDG_DATA_HOME", ".local/share") / "orlive"; }

fs::path default_config_file() {
    return xdg_dir("XDG_CONFIG_HOME", ".config") / "orlive" / "config.json";
}

Status ensure_data_dir(const fs::path& dir) {
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
        return make_error("data dir " + dir.string() + " exists but is not a directory");
    }
    fs::create_directories(dir, ec);
    if (ec) {
        return make_error("cannot create data dir " + dir.string() + ": " + ec.message());
    }
    if (::access(dir.c_str(), W_OK) != 0) {
        return make_error("data dir " + dir.string() + " is not writable; fix its permissions or pass --data-dir");
    }
    return Ok{};
}

fs::path assets_dir() {
    if (const char* overridden = std::getenv("ORLIVE_ASSETS_DIR"); overridden && *overridden) {
        return overridden;
    }
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path installed = exe.parent_path().parent_path() / "share" / "orlive";
        if (fs::is_directory(installed / "templates", ec)) return installed;
    }
    return ORLIVE_SOURCE_ASSETS_DIR;
}

}  // namespace orlive
