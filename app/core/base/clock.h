// Clock: the one source of "now" for the core, so tests can move time by hand.
// SystemClock is thread-safe; ManualClock is for single-threaded tests.
#pragma once

#include <chrono>
#include <cstdint>

namespace orlive {

// Milliseconds since the Unix epoch, UTC. Stored as-is in the database.
using TimeMs = std::int64_t;

class Clock {
public:
    virtual ~Clock() = default;
    virtual TimeMs now_ms() const = 0;
};

class SystemClock final : public Clock {
public:
    TimeMs now_ms() const override {
        using namespace std::chrono;
        return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    }
};

class ManualClock final : public Clock {
public:
    explicit ManualClock(TimeMs start) : now_(start) {}
    TimeMs now_ms() const override { return now_; }
    void advance_ms(TimeMs delta) { now_ += delta; }
    void set_ms(TimeMs value) { now_ = value; }

private:
    TimeMs now_;
};

}  // namespace orlive
