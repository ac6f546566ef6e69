#include <algorithm>
#include <string>

#include "core/base/time_format.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace orlive::ui {

namespace {

// The code as squares on white with the 4-module quiet zone scanners need; `side` in pixels.
void draw_qr(const QrMatrix& qr, float side) {
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float module = side / static_cast<float>(qr.size + 8);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(origin, ImVec2(origin.x + side, origin.y + side), IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < qr.size; ++y) {
        for (int x = 0; x < qr.size; ++x) {
            if (!qr.at(x, y)) continue;
            const ImVec2 top(origin.x + static_cast<float>(x + 4) * module, origin.y + static_cast<float>(y + 4) * module);
            draw->AddRectFilled(top, ImVec2(top.x + module, top.y + module), IM_COL32(0, 0, 0, 255));
        }
    }
    ImGui::Dummy(ImVec2(side, side));
}

// Where students open the thread on their own phones: the code, the address, and a word when
// the gallery is not reachable from the network yet.
void draw_address(const SessionSnapshot& snapshot, const Fonts& fonts, float width) {
    if (snapshot.gallery_url.empty()) {
        wrapped_text("No network address: the gallery page is not reachable from phones.", colors::kTextDim);
        return;
    }
    ImGui::PushFont(fonts.large);
    wrapped_text("Follow on your phone", colors::kText);
    ImGui::PopFont();
    if (!snapshot.gallery_qr.empty()) draw_qr(snapshot.gallery_qr, width);
    wrapped_text(snapshot.gallery_url, colors::kAccent);
    if (snapshot.gallery_local_only)
        wrapped_text("Set gallery_listen (e.g. 0.0.0.0:8080) so phones can reach it.", colors::kWarning);
}

void draw_thread(const SessionSnapshot& snapshot, const Fonts& fonts) {
    if (!snapshot.gallery || snapshot.gallery->posts.empty()) {
        ImGui::PushFont(fonts.large);
        wrapped_text("Updates will appear here as the procedure goes on.", colors::kTextDim);
        ImGui::PopFont();
        return;
    }
    const auto& posts = snapshot.gallery->posts;
    for (auto post = posts.rbegin(); post != posts.rend(); ++post) {  // newest at the top
        ImGui::PushFont(fonts.large);
        wrapped_text(format_local_hhmm(post->at) + "  " + post_label(*post), colors::kAccent);
        wrapped_text(post->text, colors::kText);
        ImGui::PopFont();
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
    }
}

}  // namespace

// The wall display for students: the thread as it went out (the LAN gallery's rule) in large
// type, newest at the top, and the gallery page's address as a QR code. No controls.
void draw_gallery_screen(const SessionSnapshot& snapshot, const Fonts& fonts) {
    ImGui::PushFont(fonts.huge);
    if (snapshot.active) {
        ImGui::TextUnformatted(snapshot.active->procedure_name.c_str());
    } else {
        ImGui::TextUnformatted(snapshot.hospital_name.empty() ? "ORLive" : snapshot.hospital_name.c_str());
    }
    ImGui::PopFont();
    if (snapshot.active) {
        ImGui::PushFont(fonts.large);
        ImGui::Text("%s elapsed  \u00b7  step %d of %zu", format_elapsed(snapshot.now - snapshot.active->started_at).c_str(),
                    snapshot.active->done_count, snapshot.active->milestones.size());
        ImGui::PopFont();
    }
    ImGui::Separator();
    const float side = std::min(ImGui::GetContentRegionAvail().x * 0.3f, ImGui::GetContentRegionAvail().y * 0.62f);
    ImGui::BeginChild("thread", ImVec2(ImGui::GetContentRegionAvail().x - side - ImGui::GetFontSize(), 0), false);
    draw_thread(snapshot, fonts);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("address", ImVec2(0, 0), false);
    draw_address(snapshot, fonts, side);
    ImGui::EndChild();
}

}  // namespace orlive::ui
