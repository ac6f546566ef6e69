#include <string>

#include "core/base/time_format.h"
#include "ui/feed_state.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace orlive::ui {

namespace {

// After a case: keep its thread, as it went out, as teaching material.
void draw_transcript_offer(const SessionSnapshot& snapshot, std::vector<Action>& actions) {
    if (!snapshot.transcript_case) return;
    const ImVec2 size(ImGui::GetFontSize() * 11, touch_height());
    if (big_button("Save transcript", size, colors::kTile, colors::kText))
        actions.push_back(SaveTranscript{*snapshot.transcript_case});
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    wrapped_text("Case " + std::to_string(*snapshot.transcript_case) + " as it went out, for teaching", colors::kTextDim);
}

// Touch-sized: a person decides what happens to what a platform refused.
ImVec2 decision_button_size() { return ImVec2(ImGui::GetFontSize() * 7, ImGui::GetFontSize() * 2.4f); }

// A failed delivery: each account's reason, then Retry or Discard.
void draw_failed_deliveries(const PostRecord& post, std::vector<Action>& actions) {
    bool any_failed = false;
    for (const DeliveryRecord& d : post.deliveries) {
        if (d.state != "failed") continue;
        any_failed = true;
        wrapped_text(d.account + ": " + d.last_error, colors::kDangerText);
    }
    if (!any_failed) return;
    if (big_button("Retry", decision_button_size(), colors::kNext, colors::kText)) actions.push_back(RetryDelivery{post.id});
    ImGui::SameLine();
    if (big_button("Discard", decision_button_size(), colors::kTile, colors::kText))
        actions.push_back(DiscardDelivery{post.id});
}

// A withdrawn post still on a platform: which account refused to delete it and why, and Retry.
void draw_failed_deletions(const PostRecord& post, std::vector<Action>& actions) {
    bool any_failed = false;
    for (const DeliveryRecord& d : post.deliveries) {
        if (d.deletion != "failed") continue;
        any_failed = true;
        wrapped_text(d.account + ": deletion failed: " + d.deletion_error, colors::kDangerText);
    }
    if (any_failed && big_button("Retry deletion", ImVec2(ImGui::GetFontSize() * 10, decision_button_size().y),
                                 colors::kNext, colors::kText))
        actions.push_back(RetryDeletion{post.id});
}

}  // namespace

void draw_feed_screen(const SessionSnapshot& snapshot, const Fonts& fonts, std::vector<Action>& actions) {
    draw_transcript_offer(snapshot, actions);
    if (snapshot.feed.empty()) {
        ImGui::PushFont(fonts.large);
        wrapped_text(snapshot.active ? "No posts yet. Tap a milestone to post the first update."
                                     : "No posts yet. Start a case on the Milestones screen.",
                     colors::kTextDim);
        ImGui::PopFont();
        return;
    }
    ImGui::BeginChild("feed", ImVec2(0, 0), false);
    touch_scroll();

    for (const PostView& view : snapshot.feed) {
        const PostRecord& post = view.post;
        const Card card = begin_card();
        ImGui::PushFont(fonts.large);
        ImGui::Text("%s  %s", format_local_hhmm(post.created_at).c_str(), view.title.c_str());
        ImGui::PopFont();
        StateChip state = delivery_chip(post, snapshot.now);
        ImGui::SameLine(card.width - chip_width(state.text) - card.pad);
        chip(state.text, state.fill, colors::kText);
        ImGui::PushTextWrapPos(card.top.x + card.width - card.pad - ImGui::GetWindowPos().x);
        ImGui::TextUnformatted(post.text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PushID(static_cast<int>(post.id));
        draw_failed_deliveries(post, actions);
        draw_failed_deletions(post, actions);
        ImGui::PopID();
        if (post.state == PostState::Blocked && !post.reason.empty()) wrapped_text(post.reason, colors::kDangerText);
        end_card(card, post.state == PostState::Cancelled ? colors::kDone : colors::kPanel);
    }
    ImGui::Dummy(ImVec2(1, 1));
    ImGui::EndChild();
}

}  // namespace orlive::ui
