// The Questions tab (the header's tabs: coordinator_screen_test.cpp): an answer is one tap on a
// pre-approved phrase, Hide takes two taps, and a withdrawn case's question offers no answer.
#include <gtest/gtest.h>

#include "screen_harness.h"

namespace orlive::ui::testing {
namespace {

SessionSnapshot with_questions() {
    SessionSnapshot snapshot;
    snapshot.now = 1'760'000'000'000;
    snapshot.connectivity = "Online";
    snapshot.accounts = {"main (Mastodon)"};
    CaseView active;
    active.id = 3;
    active.procedure_name = "Laparoscopic cholecystectomy";
    active.started_at = snapshot.now - 1'800'000;
    snapshot.active = active;
    snapshot.questions = {
        {12, "Mastodon", "main", "sam@med.school", "Why CO2 and not air?", snapshot.now - 60'000, "Pneumoperitoneum"},
        {11, "Bluesky", "sky", "ana.bsky.social", "How long does it take?", snapshot.now - 120'000, "Incision"},
    };
    snapshot.new_questions = 2;
    snapshot.answer_phrases = {"About an hour.", "Great question!"};
    return snapshot;
}

// Taps a coarse grid over the screen until `done` holds; returns every action seen on the way.
std::vector<Action> tap_until(ScreenHarness& harness, const SessionSnapshot& snapshot,
                              const std::function<bool(const std::vector<Action>&)>& done) {
    std::vector<Action> seen;
    for (float y = 100; y < 800; y += 16) {
        for (float x = 40; x < 1280; x += 80) {
            auto actions = harness.tap(snapshot, ImVec2(x, y));
            seen.insert(seen.end(), actions.begin(), actions.end());
            if (done(actions)) return seen;
        }
    }
    return seen;
}

template <typename T>
const T* find_action(const std::vector<Action>& actions) {
    for (const Action& action : actions) {
        if (const T* hit = std::get_if<T>(&action)) return hit;
    }
    return nullptr;
}

TEST(QuestionsScreen, OneTapOnAPreApprovedPhraseAnswersTheChosenQuestion) {
    ScreenHarness harness;
    harness.state.screen = Screen::Questions;
    const SessionSnapshot snapshot = with_questions();
    tap_until(harness, snapshot, [&](const std::vector<Action>&) { return harness.state.questions.answering != 0; });
    const std::int64_t chosen = harness.state.questions.answering;
    ASSERT_TRUE(chosen == 11 || chosen == 12) << "no Answer button on a question card";
    auto seen = tap_until(harness, snapshot, [](const std::vector<Action>& a) { return find_action<AnswerQuestion>(a); });
    const AnswerQuestion* answer = find_action<AnswerQuestion>(seen);
    ASSERT_NE(answer, nullptr) << "the answer panel offers no phrase";
    EXPECT_EQ(answer->question_id, chosen);
    EXPECT_TRUE(answer->text == "About an hour." || answer->text == "Great question!") << answer->text;
    EXPECT_EQ(harness.state.questions.answering, 0) << "back to the list after answering";
}

TEST(QuestionsScreen, HideTakesASecondTap) {
    ScreenHarness harness;
    harness.state.screen = Screen::Questions;
    const SessionSnapshot snapshot = with_questions();
    auto seen = tap_until(harness, snapshot, [&](const std::vector<Action>& a) {
        return harness.state.questions.confirm_hide != 0 || find_action<HideQuestion>(a);
    });
    EXPECT_EQ(find_action<HideQuestion>(seen), nullptr) << "one tap hid a question";
    const std::int64_t confirming = harness.state.questions.confirm_hide;
    ASSERT_NE(confirming, 0) << "no Hide button";
    seen = tap_until(harness, snapshot, [](const std::vector<Action>& a) { return find_action<HideQuestion>(a); });
    const HideQuestion* hide = find_action<HideQuestion>(seen);
    ASSERT_NE(hide, nullptr);
    EXPECT_EQ(hide->question_id, confirming);
}

TEST(QuestionsScreen, AWithdrawnCasesQuestionOffersNoAnswer) {
    ScreenHarness harness;
    harness.state.screen = Screen::Questions;
    SessionSnapshot snapshot = with_questions();
    for (QuestionView& q : snapshot.questions) q.answerable = false;
    snapshot.new_questions = 0;
    tap_until(harness, snapshot, [&](const std::vector<Action>&) { return harness.state.questions.answering != 0; });
    EXPECT_EQ(harness.state.questions.answering, 0) << "an answer could be started after consent was withdrawn";
}

}  // namespace
}  // namespace orlive::ui::testing
