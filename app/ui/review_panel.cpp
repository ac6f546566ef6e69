// The review panel: a held post as it would go out. Every word is a button (tap: redact it) and
// every redaction a chip (tap: restore it, where the kind may be restored), so a false alarm or a
// miss is fixed with one gloved tap instead of discarding the post. Send or Discard below.
#include <algorithm>
#include <string>

#include <imgui.h>

#include "ui/screens.h"
#include "ui/widgets.h"

namespace orlive::ui {

namespace {

// A word or chip as a touch target, wrapped onto the next line when it does not fit.
bool flow_button(const std::string& label, int id, float height, ImU32 fill, ImU32 text, float right_edge) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::CalcTextSize(label.c_str()).x + style.FramePadding.x * 4;
    const float last_end = ImGui::GetItemRectMax().x;
    if (id > 0 && last_end + style.ItemSpacing.x + width <= right_edge) ImGui::SameLine();
    ImGui::PushID(id);
    const bool tapped = big_button(label.c_str(), ImVec2(width, height), fill, text);
    ImGui::PopID();
    return tapped;
}

void draw_pieces(const PostView& view, const std::vector<ReviewPiece>& pieces, std::vector<Action>& actions) {
    const float right_edge = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    const float height = touch_height();
    int id = 0;
    for (const ReviewPiece& piece : pieces) {
        if (piece.redacted) {
            const ImU32 fill = piece.restorable ? colors::kWarning : colors::kDanger;
            const ImU32 text = piece.restorable ? colors::kBackground : colors::kText;
            if (flow_button(piece.label, id++, height, fill, text, right_edge) && piece.restorable)
                actions.push_back(RestoreRedaction{view.post.id, piece.span_index});
        } else if (flow_button(piece.label, id++, height, colors::kTile, colors::kText, right_edge) &&
                   piece.end > piece.start) {
            actions.push_back(RedactWord{view.post.id, piece.start, piece.end});
        }
    }
}

}  // namespace

void draw_review_panel(const SessionSnapshot& snapshot, const Fonts& fonts, std::vector<Action>& actions) {
    const PostView& view = *snapshot.held;
    ImGui::PushFont(fonts.large);
    wrapped_text("Review before sending", colors::kWarning);
    ImGui::PopFont();
    wrapped_text(view.post.reason, colors::kTextDim);
    if (!snapshot.held_pieces.empty()) {
        wrapped_text("Tap a word to redact it; tap a yellow mark to put the word back. Red marks stay.",
                     colors::kTextDim);
    }
    ImGui::Spacing();
    const float button_height = touch_height() * 1.3f;
    ImGui::BeginChild("review-text",
                      ImVec2(0, ImGui::GetContentRegionAvail().y - button_height - ImGui::GetStyle().ItemSpacing.y),
                      false);
    ImGui::PushFont(fonts.large);
    if (snapshot.held_pieces.empty()) {
        wrapped_text(view.post.text, colors::kText);  // held without a draft: shown as it goes out
    } else {
        draw_pieces(view, snapshot.held_pieces, actions);
    }
    ImGui::PopFont();
    ImGui::EndChild();
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    ImGui::PushFont(fonts.large);
    if (big_button("Send as shown", ImVec2(half, button_height), colors::kNext, colors::kText))
        actions.push_back(ApproveHeld{view.post.id});
    ImGui::SameLine();
    if (big_button("Discard", ImVec2(half, button_height), colors::kDanger, colors::kText))
        actions.push_back(DiscardHeld{view.post.id});
    ImGui::PopFont();
}

}  // namespace orlive::ui
