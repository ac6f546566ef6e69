// Where ORLive keeps its data, settings and read-only assets (README, "The contract": "Common flags").
#pragma once

#include <filesystem>

#include "core/base/result.h"

namespace orlive {

// $XDG_DATA_HOME/orlive, else ~/.local/share/orlive.
std::filesystem::path default_data_dir();
// $XDG_CONFIG_HOME/orlive/config.json, else ~/.config/orlive/config.json.
std::filesystem::path default_config_file();
// Creates the directory (and parents) if missing; refuses a path that is not a writable directory.
Status ensure_data_dir(const std::filesystem::path& dir);
// Templates, name lists and fonts: $ORLIVE_ASSETS_DIR, else /usr/share/orlive next to an
// installed binary, else the source tree's assets/ the build was made from.
std::filesystem::path assets_dir();

}  // namespace orlive
