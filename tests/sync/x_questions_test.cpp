// Followers' questions on X, against the X-behaving loopback server that checks every OAuth
// 1.0a signature (the search's query parameters included): the tweets of a case's conversation
// (GET /2/tweets/search/recent, every page, since_id after the first read) that are not ours
// become questions with the right post and author; an answer is a tweet replying to the
// follower's (in_reply_to_tweet_id) on that account only; an answer with a phone number never
// reaches the server; a 429 waits for x-rate-limit-reset without failing anything.
#include "peers/fake_x.h"
#include "questions_fixture.h"
#include "sync/x_publisher.h"

namespace orlive::testing {
namespace {

class XQuestions : public QuestionsFixture {
protected:
    void SetUp() override {
        QuestionsFixture::SetUp();
        if (HasFatalFailure()) return;
        const Account account = x_account(peer.base_url());
        engine = engine_with_other(account, std::make_unique<XPublisher>(account, *http, test_timeouts()));
    }
    std::string inject_reply(const std::string& on, const std::string& who, const std::string& text) override {
        return peer.inject_reply(on, who, text);
    }
    std::vector<std::string> peer_texts() override {
        std::vector<std::string> all;
        for (const FakeTweet& t : peer.tweets()) all.push_back(t.text);
        return all;
    }
    // The tweet our account posted with `text` replies to; empty when there is none.
    std::string our_reply_to(const std::string& text) {
        for (const FakeTweet& t : peer.tweets()) {
            if (t.text == text && t.username.empty()) return t.in_reply_to;
        }
        return "";
    }

    FakeX peer;
};

TEST_F(XQuestions, TwoFollowerRepliesBecomeQuestionsWithTheRightPostAndAuthor) {
    thread_with_two_replies("@testhospital How long & why?");  // X serves it as &amp;
    expect_alice_and_bob("x", "@alice", "@bob");
    EXPECT_EQ(list_questions(*db, case_id)->at(0).text, "@testhospital How long & why?");
    EXPECT_EQ(peer.bad_signatures(), 0) << "the search's query was not signed as X expects";
    // Read with since_id from now on: only what is newer, and that is found.
    const std::string dave = peer.inject_reply(remote_id_of(second), "dave", "And after?");
    const std::vector<QuestionRecord> questions = poll(1);
    ASSERT_EQ(questions.size(), 3u);
    EXPECT_EQ(questions.back().remote_id, dave);
}

TEST_F(XQuestions, AnAnswerRepliesToTheFollowersTweetOnThatAccountOnly) {
    thread_with_two_replies();
    answer_and_drain(0, "About an hour, start to finish.");
    EXPECT_EQ(our_reply_to("About an hour, start to finish."), alice);
}

TEST_F(XQuestions, AnAnswerCarryingAPhoneNumberNeverPutsTheNumberOnTheServer) {
    thread_with_two_replies();
    const std::vector<QuestionRecord> questions = poll(2);
    ASSERT_EQ(questions.size(), 2u);
    EXPECT_EQ(our_reply_to(expect_held_answer_never_leaks(questions[1].id)), bob);
}

TEST_F(XQuestions, EveryPageOfTheConversationIsRead) {
    expect_every_page_read(230, [this] { return peer.search_requests(); }, 3);  // 100 a page
}

TEST_F(XQuestions, A429WaitsForTheRateLimitReset) {
    expect_rate_limit_backs_off(
        [this](TimeMs now) {
            peer.set_rate_limit_reset(now / 1000 + 3 * 60);
            peer.push_listing_fault(PlatformFault::RateLimit);
        },
        [this] { return peer.search_requests(); }, 3 * 60 * 1000);
}

}  // namespace
}  // namespace orlive::testing
