// Faults the Facebook, X and Threads peers inject on demand into their next "create" request
// (a Page post or comment, a tweet, a Threads publish), as real platforms fail: errors before
// anything was made, rate limits with the platform's own headers, an expired token, and
// connections dropped before or after the post was created (the client cannot tell which).
#pragma once

#include <httplib.h>

#include <deque>
#include <mutex>
#include <optional>
#include <random>
#include <string>

namespace orlive::testing {

enum class PlatformFault {
    Status500,     // before creating
    Status503,     // before creating
    RateLimit,     // before creating, with the platform's rate-limit headers
    TokenExpired,  // before creating: the token is refused
    DropBefore,    // the connection closes before anything was created
    DropAfter,     // created, then the connection closes without an answer
};

// "500", "503", "rate", "token", "drop-before", "drop-after".
std::optional<PlatformFault> parse_platform_fault(const std::string& name);

// A queue of faults, thread-safe: tests and the /_peer/fault endpoint push, handlers pop.
// With a random rate, an empty queue still gives a fault that often: 500, 503 or a dropped
// connection before or after creating (the ones that need no waiting for a clock).
class FaultQueue {
public:
    void push(PlatformFault fault, int times = 1);
    std::optional<PlatformFault> pop();
    void set_random_rate(double rate, unsigned seed);
    int random_faults() const;

private:
    mutable std::mutex mutex_;
    std::deque<PlatformFault> faults_;
    double rate_ = 0.0;
    std::mt19937 rng_;
    int random_faults_ = 0;
};

// The connection closes after the headers, with no body: the client has no answer.
void drop_connection(httplib::Response& response);
// POST /_peer/fault?kind=K&times=N on `server`, into `faults`.
void serve_fault_endpoint(httplib::Server& server, FaultQueue& faults);

}  // namespace orlive::testing
