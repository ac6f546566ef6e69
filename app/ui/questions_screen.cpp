// The Questions tab: followers' replies to the case's thread, newest first. Their text is
// untrusted public text: drawn unformatted (no markup), on this screen only. An answer is a post
// like any other (filter, consent, log, undo window) that goes out as a reply on the follower's
// own platform; a held answer is reviewed here as on the Case tab.
#include <string>

#include "core/base/time_format.h"
#include "ui/on_screen_keyboard.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace orlive::ui {

namespace {

const QuestionView* find_question(const SessionSnapshot& snapshot, std::int64_t id) {
    for (const QuestionView& q : snapshot.questions) {
        if (q.id == id) return &q;
    }
    return nullptr;
}

std::string byline(const QuestionView& q) {
    std::string line = q.author.empty() ? "A follower" : q.author;
    line += " on " + q.platform + " \u00b7 " + format_local_hhmm(q.received_at);
    if (!q.replying_to.empty()) line += " \u00b7 replying to \"" + q.replying_to + "\"";
    return line;
}

void answer(QuestionsScreenState& state, std::int64_t id, const std::string& text, std::vector<Action>& actions) {
    actions.push_back(AnswerQuestion{id, text});
    state = QuestionsScreenState{};
}

// The question quoted, then one large button per pre-approved answer: one tap answers.
void draw_answer_panel(const SessionSnapshot& snapshot, const QuestionView& q, QuestionsScreenState& state,
                       const Fonts& fonts, std::vector<Action>& actions) {
    ImGui::PushFont(fonts.large);
    wrapped_text("Answer " + (q.author.empty() ? std::string("this follower") : q.author), colors::kText);
    ImGui::PopFont();
    wrapped_text(byline(q), colors::kTextDim);
    wrapped_text("\u201c" + q.text + "\u201d", colors::kText);
    ImGui::Spacing();
    wrapped_text("Pre-approved answers go out as a reply on " + q.platform +
                     " only, through the PHI filter and the undo window.",
                 colors::kTextDim);
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = touch_height() * 1.1f;
    ImGui::PushFont(fonts.bold);
    for (const std::string& phrase : snapshot.answer_phrases) {
        std::string id = phrase + "##answer";
        if (big_button(id.c_str(), ImVec2(width, height), colors::kTile, colors::kText)) answer(state, q.id, phrase, actions);
    }
    ImGui::PopFont();
    const float half = (width - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (big_button("Type an answer", ImVec2(half, height), colors::kNext, colors::kText)) state.typing = true;
    ImGui::SameLine();
    if (big_button("Cancel", ImVec2(half, height), colors::kPanel, colors::kText)) state = QuestionsScreenState{};
}

void draw_answer_keyboard(const QuestionView& q, QuestionsScreenState& state, const Fonts& fonts,
                          std::vector<Action>& actions) {
    const std::string hint = "Reply to " + (q.author.empty() ? std::string("the follower") : q.author) + " on " +
                             q.platform + ": it goes through the PHI filter like any post";
    switch (draw_on_screen_keyboard(state.draft, state.shift, fonts, "Answer", hint, &q.platform_kind)) {
        case KeyboardResult::Post:
            if (!state.draft.empty()) answer(state, q.id, state.draft, actions);
            break;
        case KeyboardResult::Cancel: state.typing = false; break;
        case KeyboardResult::Typing: break;
    }
}

// Answer and Hide, or why no answer can go out. Hide asks for a second tap: it cannot be undone.
void draw_card_buttons(const QuestionView& q, QuestionsScreenState& state, std::vector<Action>& actions) {
    const ImVec2 size(ImGui::GetFontSize() * 7, ImGui::GetFontSize() * 2.4f);
    ImGui::PushID(static_cast<int>(q.id));
    if (q.answerable) {
        if (big_button(q.answered ? "Answer again" : "Answer", size, colors::kNext, colors::kText)) {
            state = QuestionsScreenState{};
            state.answering = q.id;
        }
        ImGui::SameLine();
    } else {
        chip("Consent withdrawn: no answer can go out", colors::kWarning, colors::kBackground);
        ImGui::SameLine();
    }
    const bool confirming = state.confirm_hide == q.id;
    if (big_button(confirming ? "Tap to hide" : "Hide", size, confirming ? colors::kDanger : colors::kTile, colors::kText)) {
        if (confirming) actions.push_back(HideQuestion{q.id});
        else state.confirm_hide = q.id;
    }
    ImGui::PopID();
}

void draw_question_card(const QuestionView& q, QuestionsScreenState& state, const Fonts& fonts,
                        std::vector<Action>& actions) {
    const Card card = begin_card();
    ImGui::PushFont(fonts.bold);
    ImGui::PushTextWrapPos(card.top.x + card.width - card.pad - ImGui::GetWindowPos().x);
    ImGui::TextUnformatted(byline(q).c_str());
    ImGui::PopFont();
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted(q.text.c_str());
    ImGui::PopFont();
    ImGui::PopTextWrapPos();
    if (q.answered) {
        chip("\u2713 Answered", colors::kTile, colors::kText);
        ImGui::SameLine();
    }
    draw_card_buttons(q, state, actions);
    end_card(card, q.answered ? colors::kDone : colors::kPanel);
}

void draw_question_list(const SessionSnapshot& snapshot, QuestionsScreenState& state, const Fonts& fonts,
                        std::vector<Action>& actions) {
    if (snapshot.questions.empty()) {
        ImGui::PushFont(fonts.large);
        wrapped_text(snapshot.active || snapshot.transcript_case
                         ? "No questions yet. Followers' replies to this case's posts appear here."
                         : "No case yet. Followers' replies to a case's posts appear here.",
                     colors::kTextDim);
        ImGui::PopFont();
        wrapped_text("They are public text: shown only on this screen, never on the gallery, never re-posted.",
                     colors::kTextDim);
        return;
    }
    const float bottom = snapshot.undoable ? touch_height() * 1.3f + ImGui::GetStyle().ItemSpacing.y : 0.0f;
    ImGui::BeginChild("questions", ImVec2(0, -bottom), false);
    touch_scroll();
    for (const QuestionView& q : snapshot.questions) draw_question_card(q, state, fonts, actions);
    ImGui::Dummy(ImVec2(1, 1));
    ImGui::EndChild();
}

}  // namespace

void draw_questions_screen(const SessionSnapshot& snapshot, QuestionsScreenState& state, const Fonts& fonts,
                           std::vector<Action>& actions) {
    if (snapshot.held) {
        draw_review_panel(snapshot, fonts, actions);
        return;
    }
    const QuestionView* answering = state.answering ? find_question(snapshot, state.answering) : nullptr;
    if (state.answering && (!answering || !answering->answerable)) state = QuestionsScreenState{};
    if (answering && answering->answerable) {
        if (state.typing) draw_answer_keyboard(*answering, state, fonts, actions);
        else draw_answer_panel(snapshot, *answering, state, fonts, actions);
        return;
    }
    draw_question_list(snapshot, state, fonts, actions);
    if (snapshot.undoable) draw_undo_bar(snapshot, fonts, actions);
}

}  // namespace orlive::ui
