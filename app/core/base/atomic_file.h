// write_file_atomically: the one way ORLive replaces a small file (settings, device key, the
// redaction log's sealed head, a restored key).
//
// Promise, once it returns Ok: `file` holds exactly `bytes` with `mode`, and that survives a
// power cut. The bytes go to a temporary file in the same directory, which is fsync'ed, then
// renamed (or, with IfExists::Keep, hard-linked) onto `file`, then the directory is fsync'ed so
// the new name itself is durable. A crash at any point leaves the old file or the new one,
// never a short or mixed one. On an error nothing replaced `file` and the temporary is removed.
// With `owner`, the temporary is chown'ed before it takes the name, so root rewriting a file
// another user owns (`orlivectl account add` on /etc/orlive) leaves it that user's.
// Threading: safe from any thread; temporary names are unique per process and call.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string_view>

#include "core/base/result.h"

namespace orlive {

enum class IfExists {
    Replace,  // rename over whatever is there
    Keep,     // fail with the message atomic_write::kExists, leaving another writer's file as it is
};

namespace atomic_write {
// The message of the error returned when IfExists::Keep finds the file already there.
inline constexpr std::string_view kExists = "already exists";
}  // namespace atomic_write

struct FileOwner {
    uid_t uid = 0;
    gid_t gid = 0;
};

Status write_file_atomically(const std::filesystem::path& file, std::string_view bytes, mode_t mode,
                             IfExists if_exists = IfExists::Replace, std::optional<FileOwner> owner = std::nullopt);

// fsync of a directory, so a rename or link inside it survives a power cut.
Status fsync_directory(const std::filesystem::path& dir);

}  // namespace orlive
