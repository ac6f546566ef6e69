// A Session in the state a coordinator's screen is usually in mid-case: a lap-chole case with
// de-identified consent, five milestones done (one with a note), the newest still in its undo
// window and a redacted free-text post held for review. Built through the real core APIs, so
// the snapshot the benchmarks draw is the one the app would draw.
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "core/session/session.h"

namespace orlive::bench {

inline Settings realistic_settings() {
    Settings settings;
    settings.hospital_name = "Riverside General";
    settings.accounts = {Account{"main", AccountKind::Mastodon, "https://x", "t", "", "", "", "", ""},
                         Account{"team", AccountKind::Webhook, "", "", "", "", "", "https://h", "json"}};
    return settings;
}

// Opens DIR's database and wraps it in a Session; throws on setup failure (a benchmark bug).
inline std::unique_ptr<Session> open_session(const std::filesystem::path& dir, const Clock& clock) {
    auto db = Database::open_in(dir);
    if (!db) throw std::runtime_error(db.error().message);
    std::vector<TemplateProblem> problems;
    TemplateCatalog catalog =
        TemplateCatalog::load(std::filesystem::path(ORLIVE_SOURCE_ASSETS_DIR) / "templates", problems);
    auto filter = load_phi_filter(ORLIVE_SOURCE_ASSETS_DIR);
    if (!filter) throw std::runtime_error(filter.error().message);
    return std::make_unique<Session>(std::move(db.value()), std::move(catalog), std::move(filter.value()),
                                     realistic_settings(), clock);
}

// Starts the case and makes the taps over the last 40 minutes of `clock`, which must be the
// Session's clock; leaves it at the end, with the last tap 3 s old (inside its undo window).
inline void play_realistic_case(Session& session, ManualClock& clock) {
    auto check = [](const Feedback& feedback) {
        if (!feedback.ok) throw std::runtime_error(feedback.message);
    };
    auto tap = [&session](const std::string& milestone, const std::string& note) {
        PostRequest request;
        request.milestone_id = milestone;
        request.note = note;
        return session.post(request);
    };
    const TimeMs end = clock.now_ms();
    clock.set_ms(end - 40 * 60'000);
    check(session.start_case("lap-chole", Consent::Deidentified, ""));
    const char* taps[] = {"anaesthesia", "time-out", "pneumoperitoneum", "ports-placed", "critical-view"};
    for (const char* milestone : taps) {
        clock.advance_ms(6 * 60'000);
        session.tick();  // releases the previous tap, as the app's loop would
        const bool with_note = std::string(milestone) == "critical-view";
        check(tap(milestone, with_note ? "Anatomy clearly displayed" : ""));
    }
    clock.advance_ms(60'000);
    PostRequest free_text;
    free_text.free_text = "Family update requested, call 555-201-7788";
    (void)session.post(free_text);  // held: redacted
    clock.set_ms(end - 3'000);
    check(tap("cystic-structures", ""));
    clock.set_ms(end);
    session.tick();
}

}  // namespace orlive::bench
