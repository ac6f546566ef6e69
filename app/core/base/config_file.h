// replace_config_file: rewriting a settings or secrets file an administrator owns. The bytes go
// through write_file_atomically (complete or absent, durable); an existing file keeps its owner
// and group when root rewrites it, and its mode within `max_mode`, so `sudo orlivectl account
// add` on /etc/orlive leaves config.json readable by the services' group and secrets.json by
// orlive-sync alone. A new file gets `new_mode`. Threading: as write_file_atomically.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string_view>

#include "core/base/result.h"

namespace orlive {

Status replace_config_file(const std::filesystem::path& file, std::string_view bytes, mode_t new_mode,
                           mode_t max_mode);

}  // namespace orlive
