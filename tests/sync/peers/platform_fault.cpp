#include "peers/platform_fault.h"

#include <map>

namespace orlive::testing {

std::optional<PlatformFault> parse_platform_fault(const std::string& name) {
    static const std::map<std::string, PlatformFault> names = {
        {"500", PlatformFault::Status500},      {"503", PlatformFault::Status503},
        {"rate", PlatformFault::RateLimit},     {"token", PlatformFault::TokenExpired},
        {"drop-before", PlatformFault::DropBefore}, {"drop-after", PlatformFault::DropAfter}};
    auto it = names.find(name);
    if (it == names.end()) return std::nullopt;
    return it->second;
}

void FaultQueue::push(PlatformFault fault, int times) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (int i = 0; i < times; ++i) faults_.push_back(fault);
}

void FaultQueue::set_random_rate(double rate, unsigned seed) {
    std::lock_guard<std::mutex> lock(mutex_);
    rate_ = rate;
    rng_.seed(seed);
}

int FaultQueue::random_faults() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return random_faults_;
}

std::optional<PlatformFault> FaultQueue::pop() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (faults_.empty() && rate_ > 0 && std::uniform_real_distribution<double>(0, 1)(rng_) < rate_) {
        static const PlatformFault quick[] = {PlatformFault::Status500, PlatformFault::Status503,
                                              PlatformFault::DropBefore, PlatformFault::DropAfter};
        ++random_faults_;
        return quick[std::uniform_int_distribution<int>(0, 3)(rng_)];
    }
    if (faults_.empty()) return std::nullopt;
    PlatformFault fault = faults_.front();
    faults_.pop_front();
    return fault;
}

void drop_connection(httplib::Response& response) {
    response.set_chunked_content_provider("application/json", [](size_t, httplib::DataSink&) { return false; });
}

void serve_fault_endpoint(httplib::Server& server, FaultQueue& faults) {
    server.Post("/_peer/fault", [&faults](const httplib::Request& q, httplib::Response& r) {
        const std::optional<PlatformFault> fault = parse_platform_fault(q.get_param_value("kind"));
        if (!fault) {
            r.status = 400;
            return r.set_content(R"({"error":"unknown fault"})", "application/json");
        }
        int times = 1;
        try {
            if (q.has_param("times")) times = std::stoi(q.get_param_value("times"));
        } catch (const std::exception&) {
        }
        faults.push(*fault, times);
        r.set_content("{}", "application/json");
    });
    server.Get("/_peer/faults", [&faults](const httplib::Request&, httplib::Response& r) {
        r.set_content("{\"random_faults\":" + std::to_string(faults.random_faults()) + "}", "application/json");
    });
}

}  // namespace orlive::testing
