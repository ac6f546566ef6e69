// ComplianceDesk: the compliance officer's side of the app, behind a PIN. Unlocking, lockout
// after repeated wrong PINs, filtering the redaction log, verifying its chain, signing off a
// reviewed range (itself logged) and exporting. Main thread only, on the main connection.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/audit/compliance_view.h"
#include "core/base/clock.h"
#include "core/store/database.h"
#include "core/audit/pin_lock.h"
#include "core/audit/redaction_log.h"

namespace orlive {


class ComplianceDesk {
public:
    static constexpr int kMaxAttempts = PinLock::kMaxAttempts;
    static constexpr TimeMs kLockoutMs = PinLock::kLockoutMs;
    static constexpr int kRowsShown = 200;
    // The review screen locks itself after this long without a compliance action.
    static constexpr TimeMs kIdleLockMs = 2 * 60 * 1000;

    ComplianceDesk(Database& db, std::string pin, const Clock& clock);

    // Ok, or why not: wrong PIN (attempts left), locked out, no PIN configured.
    Status unlock(const std::string& pin);
    void set_pin(std::string pin);  // after first-run set-up
    void lock();
    // Locks when unlocked and untouched (no unlock, filter, verify, sign-off or export) for
    // kIdleLockMs. Returns whether it locked now.
    bool lock_if_idle();
    void set_filter(const LogFilter& filter);
    Status verify();
    Status sign_off_through(std::int64_t seq);
    Result<std::string> export_csv();  // path of the written file

    ComplianceView view();  // reads the page the filter selects (only while unlocked)
    bool unlocked() const { return state_.unlocked; }
    // Another compliance action taken through the desk's screen (a withdrawal): keeps it open.
    void touch() { touched_at_ = clock_.now_ms(); }

private:
    Database& db_;
    PinLock pin_;
    const Clock& clock_;
    ComplianceView state_;
    TimeMs touched_at_ = 0;
};

}  // namespace orlive
