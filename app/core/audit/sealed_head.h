// The redaction log's sealed head: DATA_DIR/redaction-log.head, one line "SEQ HASH MAC".
// SEQ and HASH name the last entry at sealing time; MAC is an HMAC-SHA-256 under the device key
// over both, so the file cannot be rewritten (to hide a truncated tail) without the key.
// Written with write_file_atomically (file and directory synced). ORLive before the MAC wrote
// "SEQ HASH"; such a legacy head is read, reported as unauthenticated, and replaced by the next
// seal when it is consistent with the log.
// Plain functions; safe from any thread (each call reads or writes the file once).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "core/base/result.h"

namespace orlive {

class DeviceKey;

// The one home of the head file's name (backup and restore carry it too).
inline constexpr const char* kSealedHeadFile = "redaction-log.head";

struct SealedHead {
    std::int64_t seq = 0;
    std::string hash;
    bool authenticated = false;  // MAC present and right under this device's key
    bool legacy = false;         // the old two-field format, no MAC at all
};

// The line written for (seq, hash), newline included.
std::string sealed_head_text(const DeviceKey& key, std::int64_t seq, const std::string& hash);
// nullopt when the file is missing; a head that parses as neither format is unauthenticated.
std::optional<SealedHead> read_sealed_head(const std::filesystem::path& data_dir, const DeviceKey& key);
Status write_sealed_head(const std::filesystem::path& data_dir, const DeviceKey& key, std::int64_t seq,
                         const std::string& hash);

}  // namespace orlive
