// Small files written whole: the one way ORLive writes a file it must not leave half-written.
// The promise: after a crash the file is the old one or the new one, never a mix, and once
// the call returns Ok the new one survives power loss (file and directory synced).
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <string>

#include "core/base/result.h"

namespace orlive {

// Writes to a temporary name in the same directory, syncs, renames over `file`, syncs the dir.
Status write_file_atomically(const std::filesystem::path& file, const std::string& bytes, mode_t mode);
Status fsync_dir(const std::filesystem::path& dir);

}  // namespace orlive
