#include "core/audit/device_key.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <cerrno>
#include <cstring>

#include "core/base/atomic_file.h"
#include "core/base/hex.h"
#include "core/store/shared_data_dir.h"

namespace orlive {

Result<DeviceKey> DeviceKey::load_or_create(const std::filesystem::path& data_dir) {
    const std::filesystem::path file = data_dir / "device.key";
    DeviceKey key;
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
        if (RAND_bytes(key.bytes_.data(), static_cast<int>(kBytes)) != 1)
            return make_error("cannot create the device key: no secure random numbers available");
        // IfExists::Keep: a key another process created meanwhile wins; then use theirs.
        auto written = write_file_atomically(
            file, std::string_view(reinterpret_cast<const char*>(key.bytes_.data()), kBytes),
            data_file_mode(data_dir, 0600), IfExists::Keep);
        if (!written && written.error().message != atomic_write::kExists)
            return make_error("cannot write the device key: " + written.error().message);
        fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    }
    if (fd < 0) return make_error("cannot read the device key " + file.string() + ": " + std::strerror(errno));
    struct stat info {};
    ::fstat(fd, &info);
    ssize_t got = ::read(fd, key.bytes_.data(), kBytes);
    char extra = 0;
    bool longer = ::read(fd, &extra, 1) > 0;
    ::close(fd);
    if (got != static_cast<ssize_t>(kBytes) || longer)
        return make_error("device key " + file.string() + " is damaged (it must be exactly 32 bytes); restore it from backup");
    // A shared data dir's group (the package's two service users) may read it, nobody else.
    const mode_t allowed = is_shared_data_dir(data_dir) ? 040 : 0;
    if ((info.st_mode & 077 & ~allowed) != 0)
        return make_error("device key " + file.string() + " is readable by other users; run: chmod " +
                          (allowed ? "640 " : "600 ") + file.string());
    return key;
}

DeviceKey DeviceKey::from_bytes(const std::array<unsigned char, kBytes>& bytes) {
    DeviceKey key;
    key.bytes_ = bytes;
    return key;
}

std::string DeviceKey::hmac_hex(std::string_view message) const {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), bytes_.data(), static_cast<int>(kBytes), reinterpret_cast<const unsigned char*>(message.data()),
         message.size(), digest, &length);
    return to_hex(digest, length);
}

std::string sha256_hex(std::string_view message) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(message.data(), message.size(), digest, &length, EVP_sha256(), nullptr);
    return to_hex(digest, length);
}

}  // namespace orlive
