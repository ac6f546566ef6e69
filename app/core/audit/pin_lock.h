// PinLock: a PIN with lockout after repeated failures (5 wrong PINs lock it for 5 minutes).
// It holds what the settings file holds (a PIN hash, see pin_hash.h, or an old plain PIN) and
// never the PIN itself. With a database it keeps the wrong-PIN count and the lock-until time
// in table pin_attempts under its name, re-read before every check, so neither a restart nor
// a second process resets the lockout. Plain state, one thread (the main thread in the app).
#pragma once

#include <string>

#include "core/base/clock.h"
#include "core/base/result.h"

namespace orlive {

class Database;

class PinLock {
public:
    static constexpr int kMaxAttempts = 5;
    static constexpr TimeMs kLockoutMs = 5 * 60 * 1000;

    // `stored`: the hash (or old plain PIN) from the settings; empty: no PIN set. `db` may be
    // null (nothing persisted); `name` is "compliance" or "admin".
    explicit PinLock(std::string stored, Database* db = nullptr, std::string name = {});

    bool configured() const { return !stored_.empty(); }
    // Ok when `pin` is right; otherwise why not, for the person at the keypad.
    Status check(const std::string& pin, TimeMs now);
    int failed_attempts() const { return failed_; }
    TimeMs locked_until() const { return locked_until_; }

private:
    void load();
    void save();

    std::string stored_;
    Database* db_;
    std::string name_;
    int failed_ = 0;
    TimeMs locked_until_ = 0;
};

}  // namespace orlive
