#include "sync/graph_api.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "sync/platform_error.h"
#include "sync/retry_policy.h"

namespace orlive {

using nlohmann::json;

namespace {

// A revoked token will not mend by itself: check again now and then in case it was replaced.
constexpr TimeMs kReauthorisationRecheckMs = 15 * 60 * 1000;
// Graph throttling lasts minutes to an hour; without a header say five minutes.
constexpr TimeMs kDefaultThrottleMs = 5 * 60 * 1000;
constexpr TimeMs kMaxThrottleMs = 24LL * 60 * 60 * 1000;

std::optional<long> json_long(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_number_integer()) return std::nullopt;
    return it->get<long>();
}

// The largest estimated_time_to_regain_access (minutes) anywhere in a usage header.
std::optional<long> regain_minutes(const json& usage) {
    std::optional<long> most;
    auto consider = [&](const json& entry) {
        if (!entry.is_object()) return;
        if (auto minutes = json_long(entry, "estimated_time_to_regain_access"); minutes && *minutes >= 0)
            most = std::max(most.value_or(0), *minutes);
    };
    consider(usage);
    if (!usage.is_object()) return most;
    for (const auto& [business, entries] : usage.items()) {
        if (!entries.is_array()) continue;
        for (const json& entry : entries) consider(entry);
    }
    return most;
}

}  // namespace

std::optional<GraphError> parse_graph_error(const std::string& body) {
    const json root = json::parse(body, nullptr, false);
    if (!root.is_object()) return std::nullopt;
    auto it = root.find("error");
    if (it == root.end() || !it->is_object()) return std::nullopt;
    GraphError error;
    error.code = json_long(*it, "code").value_or(0);
    error.subcode = json_long(*it, "error_subcode").value_or(0);
    error.message = json_string_member(*it, "message").value_or("");
    return error;
}

bool is_graph_rate_limit(long code) {
    return code == 4 || code == 17 || code == 32 || code == 613 || (code >= 80001 && code <= 80014);
}

std::optional<TimeMs> graph_regain_access_at(const HttpResponse& response, TimeMs now) {
    std::optional<long> minutes;
    for (const char* header : {"x-business-use-case-usage", "x-app-usage", "x-page-usage"}) {
        const std::string value = response.header(header);
        if (value.empty()) continue;
        if (auto found = regain_minutes(json::parse(value, nullptr, false)))
            minutes = std::max(minutes.value_or(0), *found);
    }
    if (!minutes) return std::nullopt;
    return now + std::min<TimeMs>(std::max<TimeMs>(*minutes * 60000, 1000), kMaxThrottleMs);
}

PublishOutcome graph_failure(const HttpResponse& response, const std::string& platform, TimeMs now) {
    const std::optional<GraphError> error = parse_graph_error(response.body);
    if (!error) return failure_outcome(response, platform, platform_error_text(response.body), std::nullopt, now);
    std::string text = platform + " answered " + std::to_string(response.status) + " (code " +
                       std::to_string(error->code) + ")";
    if (!error->message.empty()) text += ": " + platform_error_text(json{{"error", error->message}}.dump());
    if (error->code == kGraphTokenInvalid) {
        PublishOutcome outcome = PublishOutcome::transient(text + "; the account needs re-authorisation");
        outcome.needs_reauthorisation = true;
        outcome.account_wide = true;
        outcome.retry_at = now + kReauthorisationRecheckMs;
        return outcome;
    }
    if (is_graph_rate_limit(error->code)) {
        PublishOutcome outcome = PublishOutcome::transient(text);
        outcome.account_wide = true;
        outcome.retry_at = graph_regain_access_at(response, now).value_or(now + kDefaultThrottleMs);
        return outcome;
    }
    if (error->code == 1 || error->code == 2 || is_transient_status(response.status)) {
        PublishOutcome outcome = failure_outcome(response, platform, "", std::nullopt, now);
        outcome.error = text;
        return outcome;
    }
    return PublishOutcome::permanent(text);
}

std::optional<TimeMs> parse_graph_time(const std::string& value) {
    std::string text = value;
    // +hhmm at the end: the colon parse_iso8601 wants.
    if (text.size() > 5 && (text[text.size() - 5] == '+' || text[text.size() - 5] == '-') &&
        text.find(':', text.size() - 5) == std::string::npos)
        text.insert(text.size() - 2, ":");
    return parse_iso8601(text);
}

std::optional<std::string> json_string_member(const json& object, const char* key) {
    if (!object.is_object()) return std::nullopt;
    auto it = object.find(key);
    if (it == object.end()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return it->dump();
    return std::nullopt;
}

}  // namespace orlive
