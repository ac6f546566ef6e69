#include "core/base/time_format.h"

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

std::string format_local_date(TimeMs at) {
    std::tm parts = to_tm(at, true);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday);
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
    // Hours and minutes only: the loop then redraws the clock once a minute, not each second.
    if (duration < 0) duration = 0;
    long long minutes = duration / 60000;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%lld:%02lld", minutes / 60, minutes % 60);
    return buffer;
}

std::string format_iso8601_utc(TimeMs at) {
    std::tm parts = to_tm(at, false);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buffer;
}

}  // namespace orlive

namespace orlive {

std::optional<TimeMs> parse_iso8601(std::string_view text) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    std::string value(text);
    int used = 0;
    if (std::sscanf(value.c_str(), "%4d-%2d-%2d%n", &year, &month, &day, &used) != 3 || used != 10) return std::nullopt;
    std::size_t at = 10;
    if (at < value.size() && (value[at] == 'T' || value[at] == ' ')) {
        int more = 0;
        if (std::sscanf(value.c_str() + at + 1, "%2d:%2d%n", &hour, &minute, &more) != 2 || more != 5)
            return std::nullopt;
        at += 6;
        if (at < value.size() && value[at] == ':') {
            if (std::sscanf(value.c_str() + at + 1, "%2d%n", &second, &more) != 1 || more != 2) return std::nullopt;
            at += 3;
        }
    }
    long offset_minutes = 0;
    if (at < value.size()) {
        if (value[at] == 'Z' && at + 1 == value.size()) {
            ++at;
        } else if ((value[at] == '+' || value[at] == '-') && value.size() == at + 6 && value[at + 3] == ':') {
            int oh = 0, om = 0;
            if (std::sscanf(value.c_str() + at + 1, "%2d:%2d", &oh, &om) != 2) return std::nullopt;
            offset_minutes = (value[at] == '+' ? 1 : -1) * (oh * 60 + om);
            at = value.size();
        } else {
            return std::nullopt;
        }
    }
    if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return std::nullopt;
    std::tm parts{};
    parts.tm_year = year - 1900;
    parts.tm_mon = month - 1;
    parts.tm_mday = day;
    parts.tm_hour = hour;
    parts.tm_min = minute;
    parts.tm_sec = second;
    std::time_t seconds = timegm(&parts);
    return (static_cast<TimeMs>(seconds) - offset_minutes * 60) * 1000;
}

}  // namespace orlive
