// Followers' questions on Threads, against the Threads-behaving loopback server: the replies in
// a case's conversation (GET /{media}/conversation, every level, every page) that are not ours
// become questions with the right post and author; an answer is a reply container on the
// follower's reply (reply_to_id), published in two steps, on that account only; an answer with a
// phone number never reaches the server; a rate-limited listing waits for the usage headers'
// time without failing anything.
#include "peers/fake_threads.h"
#include "questions_fixture.h"
#include "sync/threads_publisher.h"

namespace orlive::testing {
namespace {

class ThreadsQuestions : public QuestionsFixture {
protected:
    void SetUp() override {
        QuestionsFixture::SetUp();
        if (HasFatalFailure()) return;
        const Account account = threads_account(peer.base_url());
        engine = engine_with_other(account, std::make_unique<ThreadsPublisher>(account, *http, test_timeouts()));
    }
    std::string inject_reply(const std::string& on, const std::string& who, const std::string& text) override {
        return peer.inject_reply(on, who, text);
    }
    std::vector<std::string> peer_texts() override {
        std::vector<std::string> all;
        for (const FakeThreadsPost& p : peer.published()) all.push_back(p.text);
        return all;
    }
    // What our published post with `text` replies to; empty when there is none.
    std::string our_reply_to(const std::string& text) {
        for (const FakeThreadsPost& p : peer.published()) {
            if (p.text == text) return p.reply_to;
        }
        return "";
    }

    FakeThreads peer;
};

TEST_F(ThreadsQuestions, TwoFollowerRepliesBecomeQuestionsWithTheRightPostAndAuthor) {
    thread_with_two_replies();
    expect_alice_and_bob("threads", "alice", "bob");
    EXPECT_EQ(list_questions(*db, case_id)->at(0).text, "How long does it take?");
}

TEST_F(ThreadsQuestions, AnAnswerRepliesToTheFollowersReplyOnThatAccountOnly) {
    thread_with_two_replies();
    answer_and_drain(1, "Yes, through the navel.");
    EXPECT_EQ(our_reply_to("Yes, through the navel."), bob);
}

TEST_F(ThreadsQuestions, AnAnswerCarryingAPhoneNumberNeverPutsTheNumberOnTheServer) {
    thread_with_two_replies();
    const std::vector<QuestionRecord> questions = poll(2);
    ASSERT_EQ(questions.size(), 2u);
    EXPECT_EQ(our_reply_to(expect_held_answer_never_leaks(questions[0].id)), alice);
}

TEST_F(ThreadsQuestions, EveryPageOfTheConversationIsRead) {
    expect_every_page_read(60, [this] { return peer.conversation_requests(); }, 3);  // 25 a page
}

TEST_F(ThreadsQuestions, ARateLimitedListingWaitsForTheUsageHeadersTime) {
    // Longer than the poll's own interval then, so only the usage header explains the wait.
    expect_rate_limit_backs_off(
        [this](TimeMs) {
            peer.set_regain_minutes(3);
            peer.push_listing_fault(PlatformFault::RateLimit);
        },
        [this] { return peer.conversation_requests(); }, 3 * 60 * 1000);
}

}  // namespace
}  // namespace orlive::testing
