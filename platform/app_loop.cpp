#include "platform/app_loop.h"

#include <imgui.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "platform/screenshot.h"
#include "ui/action_dispatch.h"
#include "ui/screens.h"

namespace orlive::platform {

namespace {

constexpr int kFramesAfterChange = 3;       // let hover/active states settle after input
constexpr int kScreenshotFrames = 4;        // fonts upload on the first; layout settles after
// Other processes' writes wake the loop through LoopOptions::watching_files; without a watcher
// the loop polls once a second, with one it only checks now and then in case an event was lost.
constexpr TimeMs kPollWithoutWatcherMs = 1000;
constexpr TimeMs kPollWithWatcherMs = 60000;
constexpr TimeMs kNothingDueMs = 3600 * 1000;

TimeMs next_whole(TimeMs now, TimeMs step) { return (now / step + 1) * step; }

// A countdown in seconds is on screen: the undo bar, a pending post's "sends in N s" in the
// feed, or a PIN pad locked out for N more seconds.
bool seconds_countdown_visible(Session& session, const SessionSnapshot& snapshot, TimeMs now) {
    if (snapshot.undoable) return true;
    if (snapshot.admin.locked_until > now || snapshot.compliance.locked_until > now) return true;
    auto deadline = session.next_deadline();
    return deadline.has_value() && *deadline > now;
}

// The next time something on screen changes on its own: the next second of a countdown, the
// next minute of the elapsed clock (it shows hours and minutes), the end of an undo window,
// or the feedback line vanishing.
TimeMs next_visible_change(Session& session, const ui::UiState& state, TimeMs now) {
    const SessionSnapshot& snapshot = session.snapshot();
    TimeMs due = now + kNothingDueMs;
    if (seconds_countdown_visible(session, snapshot, now)) {
        // "N s" left changes when a whole second is left before the deadline, not on the clock's.
        auto deadline = session.next_deadline();
        const TimeMs step = deadline && *deadline > now ? (*deadline - now - 1) % 1000 + 1 : next_whole(now, 1000) - now;
        due = std::min(due, now + step);
    }
    if (snapshot.active) {
        const TimeMs started = snapshot.active->started_at;
        due = std::min(due, started + next_whole(std::max<TimeMs>(0, now - started), 60000));
    }
    // A deadline already past is released by the next tick; look again in a second, never spin.
    if (auto deadline = session.next_deadline()) due = std::min(due, *deadline > now ? *deadline : now + 1000);
    const TimeMs feedback_end = ui::feedback_expires_at(state);
    if (feedback_end > now) due = std::min(due, feedback_end);
    return due;
}

void draw_frame(Session& session, Window& window, ui::UiState& state, const ui::Fonts& fonts,
                const LoopOptions& options) {
    window.begin_frame();
    std::vector<ui::Action> actions;
    ui::draw_ui(session.snapshot(), state, fonts, actions);
    window.park_pointer_after_release();
    if (!actions.empty()) ui::apply_actions(session, state, actions, session.snapshot().now, {options.check_accounts});
}

}  // namespace

int run_app(Session& session, Window& window, ui::UiState& state, const ui::Fonts& fonts, const LoopOptions& options) {
    session.tick();
    if (options.screenshot) {
        for (int i = 0; i < kScreenshotFrames; ++i) {
            window.wait_events(0);
            draw_frame(session, window, state, fonts, options);
            const bool last = i == kScreenshotFrames - 1;
            window.end_frame(!last);
        }
        Status saved = write_png(*options.screenshot, window.read_back_buffer());
        if (!saved) {
            std::fprintf(stderr, "orlive: %s\n", saved.error().message.c_str());
            return 2;
        }
        return 0;
    }

    const TimeMs poll_ms = options.watching_files ? kPollWithWatcherMs : kPollWithoutWatcherMs;
    LoopStats stats;
    int frames_left = kFramesAfterChange;
    TimeMs redraw_at = 0;  // something on screen changes on its own then (set after each frame)
    int last_unsent = -1;
    std::uint64_t seen_input = window.input_events();
    for (;;) {
        if (state.quit_requested) break;
        if (options.stop_requested && options.stop_requested->load()) break;
        if (window.should_close()) {
            if (!options.kiosk) break;
            window.cancel_close();  // Alt+F4 or a stray close request: the kiosk stays up
        }
        const TimeMs before = session.snapshot().now;
        const TimeMs due = std::min(redraw_at, before + poll_ms);
        window.wait_events(frames_left > 0 ? 0.0 : static_cast<double>(std::max<TimeMs>(1, due - before)) / 1000.0);
        ++stats.wakeups;
        // Input wakes us for the frames after it; a cross-thread wake-up (the sync worker, a
        // database write by another process) only redraws when the session says it changed.
        if (window.input_events() != seen_input) {
            seen_input = window.input_events();
            frames_left = std::max(frames_left, kFramesAfterChange);
        }

        if (options.connectivity) session.set_connectivity(options.connectivity());
        if (options.account_health) session.set_account_health(options.account_health());
        if (session.tick()) frames_left = std::max(frames_left, 1);
        const SessionSnapshot& snapshot = session.snapshot();
        if (snapshot.queue.unsent != last_unsent) {
            last_unsent = snapshot.queue.unsent;
            if (options.outbox_changed) options.outbox_changed();
        }
        if (snapshot.now >= redraw_at) frames_left = std::max(frames_left, 1);
        if (frames_left == 0) continue;

        draw_frame(session, window, state, fonts, options);
        window.end_frame(true);
        ++stats.frames;
        redraw_at = next_visible_change(session, state, session.snapshot().now);
        --frames_left;
        // A press, a release or a moving pointer seen in this frame needs the frames after it:
        // a tap whose release frame is never drawn would be lost behind the next one.
        const ImGuiIO& io = ImGui::GetIO();
        if (ImGui::IsAnyMouseDown() || io.MouseReleased[0] || io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f)
            frames_left = std::max(frames_left, kFramesAfterChange);
    }
    if (options.on_exit) options.on_exit(stats);
    return 0;
}

}  // namespace orlive::platform
