#include "core/time_format.h"

#include <cstdio>
#include <ctime>

namespace orlive {

namespace {
std::tm to_tm(TimeMs at, bool local) {
    std::time_t seconds = static_cast<std::time_t>(at / 1000);
    std::tm parts{};
    if (local) {
        localtime_r(&seconds, &parts);
    } else {
        gmtime_r(&seconds, &parts);
    }
    return parts;
}
}  // namespace

std::string format_local_hhmm(TimeMs at) {
    std::tm parts = to_tm(at, true);
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", parts.tm_hour, parts.tm_min);
    return buffer;
}

std::string format_elapsed(TimeMs duration) {
    if (duration < 0) duration = 0;
    long long minutes = duration / 60000;
    char buffer[32];
    if (minutes < 60) {
        std::snprintf(buffer, sizeof buffer, "%lld min", minutes);
    } else {
        std::snprintf(buffer, sizeof buffer, "%lld h %02lld min", minutes / 60, minutes % 60);
    }
    return buffer;
}

std::string format_elapsed_clock(TimeMs duration) {
    if (duration < 0) duration = 0;
    long long seconds = duration / 1000;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld:%02lld", seconds / 3600, (seconds / 60) % 60,
                  seconds % 60);
    return buffer;
}

std::string format_iso8601_utc(TimeMs at) {
    std::tm parts = to_tm(at, false);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buffer;
}

}  // namespace orlive
