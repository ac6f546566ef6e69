#include "platform/screenshot.h"

// libstb exports the implementation; include the header only.
#include <stb_image_write.h>

namespace orlive::platform {

Status write_png(const std::filesystem::path& file, const Pixels& pixels) {
    if (pixels.width <= 0 || pixels.height <= 0) return make_error("nothing was rendered to save");
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    if (!stbi_write_png(file.c_str(), pixels.width, pixels.height, 4, pixels.rgba.data(), pixels.width * 4)) {
        return make_error("cannot write screenshot " + file.string() + ": check the folder exists and is writable");
    }
    return Ok{};
}

}  // namespace orlive::platform
