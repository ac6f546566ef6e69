#include "core/audit/pin_lock.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/audit/pin_hash.h"
#include "core/store/database.h"

namespace orlive {

PinLock::PinLock(std::string stored, Database* db, std::string name)
    : stored_(std::move(stored)), db_(db), name_(std::move(name)) {
    load();
}

// Best effort both ways: a database that cannot be read or written leaves the in-memory count,
// which still locks this process out.
void PinLock::load() {
    if (!db_) return;
    try {
        SQLite::Statement row(db_->sql(), "SELECT failed, locked_until FROM pin_attempts WHERE pin = ?");
        row.bind(1, name_);
        if (row.executeStep()) {
            failed_ = row.getColumn(0).getInt();
            locked_until_ = row.getColumn(1).getInt64();
        }
    } catch (const SQLite::Exception&) {
    }
}

void PinLock::save() {
    if (!db_) return;
    try {
        SQLite::Statement upsert(db_->sql(),
                                 "INSERT INTO pin_attempts (pin, failed, locked_until) VALUES (?, ?, ?) "
                                 "ON CONFLICT (pin) DO UPDATE SET failed = excluded.failed, "
                                 "locked_until = excluded.locked_until");
        upsert.bind(1, name_);
        upsert.bind(2, failed_);
        upsert.bind(3, static_cast<std::int64_t>(locked_until_));
        upsert.exec();
    } catch (const SQLite::Exception&) {
    }
}

Status PinLock::check(const std::string& pin, TimeMs now) {
    if (stored_.empty()) return make_error("No PIN is set: IT sets it with 'orlivectl pin set'");
    load();
    if (locked_until_ > now) {
        long long seconds = (locked_until_ - now + 999) / 1000;
        return make_error("Locked after " + std::to_string(kMaxAttempts) + " wrong PINs: try again in " +
                          std::to_string(seconds / 60) + ":" + (seconds % 60 < 10 ? "0" : "") +
                          std::to_string(seconds % 60));
    }
    if (!pin_matches(stored_, pin)) {
        ++failed_;
        if (failed_ >= kMaxAttempts) {
            locked_until_ = now + kLockoutMs;
            failed_ = 0;
            save();
            return make_error("Wrong PIN. Locked for 5 minutes");
        }
        save();
        return make_error("Wrong PIN (" + std::to_string(kMaxAttempts - failed_) + " attempts left)");
    }
    failed_ = 0;
    save();
    return Ok{};
}

}  // namespace orlive
