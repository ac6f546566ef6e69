#include "platform/app_loop.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "platform/screenshot.h"
#include "ui/action_dispatch.h"
#include "ui/screens.h"

namespace orlive::platform {

namespace {

constexpr int kFramesAfterChange = 3;       // let hover/active states settle after input
constexpr int kScreenshotFrames = 4;        // fonts upload on the first; layout settles after
constexpr double kMaxSleepSeconds = 1.0;    // notice other processes' writes within a second

// Something on screen changes on its own at this time: the next whole second of a running
// clock or countdown, the end of an undo window, or the feedback line vanishing.
double seconds_until_next_visible_change(Session& session, const ui::UiState& state, TimeMs now) {
    const SessionSnapshot& snapshot = session.snapshot();
    TimeMs due = now + static_cast<TimeMs>(kMaxSleepSeconds * 1000);
    if (snapshot.active || snapshot.undoable) due = std::min(due, (now / 1000 + 1) * 1000);
    if (auto deadline = session.next_deadline()) due = std::min(due, *deadline);
    const TimeMs feedback_end = ui::feedback_expires_at(state);
    if (feedback_end > now) due = std::min(due, feedback_end);
    return std::max(0.0, static_cast<double>(due - now) / 1000.0);
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

    int frames_left = kFramesAfterChange;
    long long shown_second = -1;
    int last_unsent = -1;
    for (;;) {
        if (state.quit_requested) break;
        if (window.should_close()) {
            if (!options.kiosk) break;
            window.cancel_close();  // Alt+F4 or a stray close request: the kiosk stays up
        }
        const TimeMs before = session.snapshot().now;
        const double timeout = frames_left > 0 ? 0.0 : seconds_until_next_visible_change(session, state, before);
        const auto wait_start = std::chrono::steady_clock::now();
        window.wait_events(timeout);
        const double waited =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - wait_start).count();
        // Woken before the deadline: input or a cross-thread wake-up arrived.
        if (timeout > 0 && waited + 0.002 < timeout) frames_left = std::max(frames_left, kFramesAfterChange);

        // The worker wakes us (Window::post_wake) when its status changes; it never draws.
        if (options.connectivity) session.set_connectivity(options.connectivity());
        if (session.tick()) frames_left = std::max(frames_left, 1);
        const SessionSnapshot& snapshot = session.snapshot();
        if (snapshot.queue.unsent != last_unsent) {
            last_unsent = snapshot.queue.unsent;
            if (options.outbox_changed) options.outbox_changed();
        }
        const long long second = snapshot.now / 1000;
        const bool clock_visible = snapshot.active || snapshot.undoable;
        if ((clock_visible && second != shown_second) || snapshot.now < ui::feedback_expires_at(state) + 1000)
            frames_left = std::max(frames_left, 1);
        if (frames_left == 0) continue;

        draw_frame(session, window, state, fonts, options);
        window.end_frame(true);
        shown_second = second;
        --frames_left;
        // A press, a release or a moving pointer seen in this frame needs the frames after it:
        // a tap whose release frame is never drawn would be lost behind the next one.
        const ImGuiIO& io = ImGui::GetIO();
        if (ImGui::IsAnyMouseDown() || io.MouseReleased[0] || io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f)
            frames_left = std::max(frames_left, kFramesAfterChange);
    }
    return 0;
}

}  // namespace orlive::platform
