// PinLock: a PIN with lockout after repeated failures (5 wrong PINs lock it for 5 minutes).
// Compares in constant time. Plain state, main thread only.
#pragma once

#include <string>

#include "core/base/clock.h"
#include "core/base/result.h"

namespace orlive {

class PinLock {
public:
    static constexpr int kMaxAttempts = 5;
    static constexpr TimeMs kLockoutMs = 5 * 60 * 1000;

    explicit PinLock(std::string pin) : pin_(std::move(pin)) {}

    bool configured() const { return !pin_.empty(); }
    // Ok when `pin` is right; otherwise why not, for the person at the keypad.
    Status check(const std::string& pin, TimeMs now);
    int failed_attempts() const { return failed_; }
    TimeMs locked_until() const { return locked_until_; }

private:
    std::string pin_;
    int failed_ = 0;
    TimeMs locked_until_ = 0;
};

}  // namespace orlive
