#include "core/audit/pin_lock.h"

namespace orlive {

namespace {
// How long a wrong PIN takes must not tell how close it was.
bool same_pin(const std::string& a, const std::string& b) {
    unsigned difference = a.size() == b.size() ? 0u : 1u;
    for (std::size_t i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : '\0'));
    return difference == 0;
}
}  // namespace

Status PinLock::check(const std::string& pin, TimeMs now) {
    if (pin_.empty()) return make_error("No PIN is set: IT sets it in the settings file");
    if (locked_until_ > now) {
        long long seconds = (locked_until_ - now + 999) / 1000;
        return make_error("Locked after " + std::to_string(kMaxAttempts) + " wrong PINs: try again in " +
                          std::to_string(seconds / 60) + ":" + (seconds % 60 < 10 ? "0" : "") +
                          std::to_string(seconds % 60));
    }
    if (!same_pin(pin, pin_)) {
        ++failed_;
        if (failed_ >= kMaxAttempts) {
            locked_until_ = now + kLockoutMs;
            failed_ = 0;
            return make_error("Wrong PIN. Locked for 5 minutes");
        }
        return make_error("Wrong PIN (" + std::to_string(kMaxAttempts - failed_) + " attempts left)");
    }
    failed_ = 0;
    return Ok{};
}

}  // namespace orlive
