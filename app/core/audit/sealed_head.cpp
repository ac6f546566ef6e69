#include "core/audit/sealed_head.h"

#include <fstream>
#include <sstream>

#include "core/audit/device_key.h"
#include "core/base/atomic_file.h"

namespace orlive {

namespace {

// Domain-separated from the chain's entry hashes, which use the same key.
std::string mac_of(const DeviceKey& key, std::int64_t seq, const std::string& hash) {
    return key.hmac_hex("orlive-sealed-head\x1f" + std::to_string(seq) + "\x1f" + hash);
}

// Equal length and every byte compared: timing does not tell how much of a forgery was right.
bool same_text(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    unsigned difference = 0;
    for (std::size_t i = 0; i < a.size(); ++i) difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

}  // namespace

std::string sealed_head_text(const DeviceKey& key, std::int64_t seq, const std::string& hash) {
    return std::to_string(seq) + " " + hash + " " + mac_of(key, seq, hash) + "\n";
}

std::optional<SealedHead> read_sealed_head(const std::filesystem::path& data_dir, const DeviceKey& key) {
    std::ifstream in(data_dir / kSealedHeadFile);
    if (!in) return std::nullopt;
    std::string line;
    std::getline(in, line);
    std::istringstream fields(line);
    SealedHead head;
    std::string mac, extra;
    if (!(fields >> head.seq >> head.hash)) return SealedHead{0, "", false, false};
    if (!(fields >> mac)) {
        head.legacy = true;
        return head;
    }
    head.authenticated = !(fields >> extra) && same_text(mac, mac_of(key, head.seq, head.hash));
    return head;
}

Status write_sealed_head(const std::filesystem::path& data_dir, const DeviceKey& key, std::int64_t seq,
                         const std::string& hash) {
    return write_file_atomically(data_dir / kSealedHeadFile, sealed_head_text(key, seq, hash), 0644);
}

}  // namespace orlive
