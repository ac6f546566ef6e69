#include <string>

#include "core/base/time_format.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace orlive::ui {

namespace {
// Viewers see only what actually went out: not what is still undoable, held or withdrawn.
bool went_out(const PostRecord& post) { return post.state == PostState::Queued; }
}  // namespace

// The wall display for students: the thread in large type, newest at the top, no controls.
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
    ImGui::BeginChild("thread", ImVec2(0, 0), false);
    bool any = false;
    for (const PostView& view : snapshot.feed) {
        if (!went_out(view.post)) continue;
        any = true;
        ImGui::PushFont(fonts.large);
        wrapped_text(format_local_hhmm(view.post.created_at) + "  " + view.title, colors::kAccent);
        wrapped_text(view.post.text, colors::kText);
        ImGui::PopFont();
        ImGui::Spacing();
        ImGui::Separator();
        ImGui::Spacing();
    }
    if (!any) {
        ImGui::PushFont(fonts.large);
        wrapped_text("Updates will appear here as the procedure goes on.", colors::kTextDim);
        ImGui::PopFont();
    }
    ImGui::EndChild();
}

}  // namespace orlive::ui
