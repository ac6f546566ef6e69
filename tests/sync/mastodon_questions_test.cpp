// Followers' questions on Mastodon, against the Mastodon-behaving loopback server: replies to a
// case's thread read from /api/v1/statuses/:id/context become questions with the right post
// and author; an answer goes out as a reply to the follower's status (and never into the
// thread); an answer carrying a phone number never puts the number on the server; polling backs
// off while nothing new arrives and stops for withdrawn cases and 24 h after a case ends.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "peers/fake_mastodon.h"
#include "questions_fixture.h"

namespace orlive::testing {
namespace {

class MastodonQuestions : public QuestionsFixture {
protected:
    void SetUp() override {
        QuestionsFixture::SetUp();
        if (HasFatalFailure()) return;
        settings.accounts = {mastodon_account(peer.base_url())};
    }
    const FakeStatus* status_with_text(const std::string& text) {
        seen = peer.statuses();
        for (const FakeStatus& s : seen) {
            if (s.text == text) return &s;
        }
        return nullptr;
    }
    std::string inject_reply(const std::string& on, const std::string& who, const std::string& text) override {
        return peer.inject_reply(on, who, "<p>" + text + "</p>");
    }
    std::vector<std::string> peer_texts() override {
        std::vector<std::string> all;
        for (const FakeStatus& s : peer.statuses()) all.push_back(s.text);
        return all;
    }
    // A thread of two posts, sent, and two followers' replies to it (one to each post); in
    // Mastodon's own HTML, unlike the fixture's plain one.
    void thread_with_two_replies() {
        case_id = new_case();
        first = queue_post(case_id, "Time-out complete. #SurgEd");
        second = queue_post(case_id, "Incision made.");
        engine = mastodon_engine(peer.base_url());
        drain(*engine);
        alice_status = peer.inject_reply(remote_id_of(first), "alice@med.example",
                                         "<p><span class=\"h-card\"><a href=\"https://x/@orlive\" class=\"u-url "
                                         "mention\">@<span>orlive</span></a></span> How long does it take&#8217;s "
                                         "&amp; why?</p>");
        peer.inject_reply(remote_id_of(second), "bob", "<p>Is the camera\u202E inside?</p>");
    }

    FakeMastodon peer;
    std::vector<FakeStatus> seen;
    std::string alice_status;
};

TEST_F(MastodonQuestions, TwoFollowerRepliesBecomeQuestionsWithTheRightPostAndAuthor) {
    thread_with_two_replies();
    // Not questions to us: a reply to a follower, a direct message, and our own status.
    peer.inject_reply(alice_status, "carol", "<p>Good question alice</p>");
    peer.inject_reply(remote_id_of(first), "dave", "<p>private note</p>", "direct");
    clock.advance_ms(QuestionPoller::kMaxIntervalMs);
    auto pass = engine->run_pass();
    ASSERT_TRUE(pass.ok()) << pass.error().message;
    EXPECT_EQ(pass->questions, 2);
    auto questions = list_questions(*db, case_id);
    ASSERT_TRUE(questions.ok());
    ASSERT_EQ(questions->size(), 2u);
    EXPECT_EQ(questions->at(0).author, "alice@med.example");
    EXPECT_EQ(questions->at(0).reply_to_post, first);
    EXPECT_EQ(questions->at(0).remote_id, alice_status);
    EXPECT_EQ(questions->at(0).platform, "mastodon");
    EXPECT_EQ(questions->at(0).account, "main");
    EXPECT_EQ(questions->at(0).text, "@orlive How long does it take\u2019s & why?");  // no markup
    EXPECT_EQ(questions->at(1).author, "bob");
    EXPECT_EQ(questions->at(1).reply_to_post, second);
    EXPECT_EQ(questions->at(1).text, "Is the camera inside?");  // bidi override removed
    // Fetched again later: still two (idempotent by account and status id).
    clock.advance_ms(QuestionPoller::kMaxIntervalMs);
    ASSERT_TRUE(engine->run_pass().ok());
    EXPECT_EQ(list_questions(*db, case_id)->size(), 2u);
}

TEST_F(MastodonQuestions, AnAnswerArrivesAsAReplyToTheFollowersStatusAndNotInTheThread) {
    thread_with_two_replies();
    clock.advance_ms(QuestionPoller::kMaxIntervalMs);
    ASSERT_TRUE(engine->run_pass().ok());
    auto questions = list_questions(*db, case_id);
    ASSERT_TRUE(questions.ok() && !questions->empty());
    auto outcome = answer(questions->at(0).id, "About an hour, start to finish.");
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    EXPECT_EQ(outcome->state, PostState::Queued);
    drain(*engine);
    const FakeStatus* sent = status_with_text("About an hour, start to finish.");
    ASSERT_NE(sent, nullptr) << "the answer never arrived";
    EXPECT_EQ(sent->in_reply_to_id, alice_status);
    EXPECT_EQ((*find_question(*db, questions->at(0).id))->state, QuestionState::Answered);
    // The thread goes on under our own last post, not under the answer.
    queue_post(case_id, "Specimen out.");
    drain(*engine);
    const FakeStatus* next = status_with_text("Specimen out.");
    ASSERT_NE(next, nullptr);
    EXPECT_EQ(next->in_reply_to_id, remote_id_of(second));
}

TEST_F(MastodonQuestions, AnAnswerCarryingAPhoneNumberNeverPutsTheNumberOnTheServer) {
    thread_with_two_replies();
    clock.advance_ms(QuestionPoller::kMaxIntervalMs);
    ASSERT_TRUE(engine->run_pass().ok());
    auto questions = list_questions(*db, case_id);
    ASSERT_TRUE(questions.ok() && questions->size() == 2u);
    const std::string text = expect_held_answer_never_leaks(questions->at(1).id);
    const FakeStatus* sent = status_with_text(text);
    ASSERT_NE(sent, nullptr) << "the redacted answer did not arrive";
    EXPECT_EQ(sent->in_reply_to_id, questions->at(1).remote_id);
}

TEST_F(MastodonQuestions, AWithdrawalDeletesTheAnswersToo) {
    thread_with_two_replies();
    clock.advance_ms(QuestionPoller::kMaxIntervalMs);
    ASSERT_TRUE(engine->run_pass().ok());
    auto questions = list_questions(*db, case_id);
    ASSERT_TRUE(questions.ok() && !questions->empty());
    auto outcome = answer(questions->at(0).id, "About an hour.");
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    drain(*engine);
    const FakeStatus* sent = status_with_text("About an hour.");
    ASSERT_NE(sent, nullptr);
    EXPECT_FALSE(sent->deleted);
    ASSERT_TRUE(change_consent(*db, Consent::None, "", clock.now_ms()).ok());
    drain(*engine);
    sent = status_with_text("About an hour.");
    ASSERT_NE(sent, nullptr);
    EXPECT_TRUE(sent->deleted) << "the answer stayed up after consent was withdrawn";
    EXPECT_TRUE(status_with_text("Incision made.")->deleted);
}

TEST_F(MastodonQuestions, AFloodOfRepliesIsStoredOnceEachInOnePoll) {
    case_id = new_case();
    first = queue_post(case_id, "Time-out complete.");
    // A thousand replies in one context answer: more than test_timeouts()' 700 ms under ASan
    // on a loaded machine.
    engine = mastodon_engine(peer.base_url(), "test-token", {2000, 10000});
    drain(*engine);
    const std::string root = remote_id_of(first);
    for (int i = 0; i < 1000; ++i) peer.inject_reply(root, "f" + std::to_string(i), "<p>q" + std::to_string(i) + "</p>");
    clock.advance_ms(QuestionPoller::kMaxIntervalMs);
    auto pass = engine->run_pass();
    ASSERT_TRUE(pass.ok()) << pass.error().message;
    EXPECT_EQ(pass->questions, 1000);
    auto questions = list_questions(*db, case_id);
    ASSERT_TRUE(questions.ok());
    ASSERT_EQ(questions->size(), 1000u);
    EXPECT_EQ(questions->front().text, "q0");  // oldest first
    EXPECT_EQ(questions->back().text, "q999");
    clock.advance_ms(QuestionPoller::kMaxIntervalMs);
    ASSERT_TRUE(engine->run_pass().ok());
    EXPECT_EQ(list_questions(*db, case_id)->size(), 1000u);
}

TEST_F(MastodonQuestions, PollingBacksOffWhileNothingNewArrives) {
    thread_with_two_replies();  // the drain polled once already, before the replies
    std::vector<TimeMs> gaps;
    TimeMs last = clock.now_ms();
    for (int i = 0; i < 7; ++i) {
        auto wake = engine->next_wake();
        ASSERT_TRUE(wake.ok() && wake->has_value()) << "a followed case must schedule its next poll";
        gaps.push_back(**wake - last);
        last = **wake;
        clock.set_ms(**wake);
        const int before = peer.context_requests();
        ASSERT_TRUE(engine->run_pass().ok());
        EXPECT_EQ(peer.context_requests(), before + 1);
        ASSERT_TRUE(engine->run_pass().ok());  // not due again at once: no request
        EXPECT_EQ(peer.context_requests(), before + 1);
    }
    // The first poll finds the two replies (the shortest interval again); then it doubles
    // while nothing new comes, up to the longest.
    const TimeMs shortest = QuestionPoller::kMinIntervalMs;
    EXPECT_EQ(gaps, (std::vector<TimeMs>{shortest, shortest, shortest, 2 * shortest, 4 * shortest, 8 * shortest,
                                         QuestionPoller::kMaxIntervalMs}));
    EXPECT_EQ(list_questions(*db, case_id)->size(), 2u);
}

TEST_F(MastodonQuestions, NoPollingForAWithdrawnCaseOrADayAfterTheEnd) {
    thread_with_two_replies();
    ASSERT_TRUE(end_active_case(*db, clock.now_ms()).ok());
    clock.advance_ms(QuestionPoller::kFollowAfterEndMs - QuestionPoller::kMaxIntervalMs);
    int before = peer.context_requests();
    ASSERT_TRUE(engine->run_pass().ok());
    EXPECT_EQ(peer.context_requests(), before + 1);  // still followed 23 h 55 min after the end
    EXPECT_EQ(list_questions(*db, case_id)->size(), 2u);
    clock.advance_ms(2 * QuestionPoller::kMaxIntervalMs);
    before = peer.context_requests();
    ASSERT_TRUE(engine->run_pass().ok());
    EXPECT_EQ(peer.context_requests(), before);
    auto wake = engine->next_wake();
    ASSERT_TRUE(wake.ok());
    EXPECT_FALSE(wake->has_value()) << "nothing to follow any more, nothing to wake for";

    auto other = new_case("cabg");
    queue_post(other, "B1");
    drain(*engine);
    const int after_post = peer.context_requests();
    ASSERT_TRUE(change_consent(*db, Consent::None, "", clock.now_ms()).ok());
    drain(*engine);  // the withdrawal's deletion
    clock.advance_ms(QuestionPoller::kMaxIntervalMs);
    ASSERT_TRUE(engine->run_pass().ok());
    EXPECT_EQ(peer.context_requests(), after_post);
}

}  // namespace
}  // namespace orlive::testing
