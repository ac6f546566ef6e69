// Screenshots: write a read-back frame as PNG (stb_image_write from Debian's libstb).
#pragma once

#include <filesystem>

#include "core/base/result.h"
#include "platform/window.h"

namespace orlive::platform {

Status write_png(const std::filesystem::path& file, const Pixels& pixels);

}  // namespace orlive::platform
