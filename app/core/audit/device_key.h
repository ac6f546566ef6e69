// DeviceKey: the per-device secret (DATA_DIR/device.key, 32 random bytes, mode 0600, created on
// first run). It keys the redaction log's span fingerprints and hash chain, so the log proves
// what was caught without holding it, and cannot be re-chained without the key.
// Immutable after load; safe to share between threads.
#pragma once

#include <array>
#include <filesystem>
#include <string>
#include <string_view>

#include "core/base/result.h"

namespace orlive {

class DeviceKey {
public:
    static constexpr std::size_t kBytes = 32;

    // Loads DIR/device.key, creating it when missing. Refuses a key file of the wrong size or
    // readable by others, rather than silently replacing it.
    static Result<DeviceKey> load_or_create(const std::filesystem::path& data_dir);
    static DeviceKey from_bytes(const std::array<unsigned char, kBytes>& bytes);

    // Lower-case hex HMAC-SHA-256 of `message` under this key.
    std::string hmac_hex(std::string_view message) const;

private:
    std::array<unsigned char, kBytes> bytes_{};
};

std::string sha256_hex(std::string_view message);

}  // namespace orlive
