// Followers' questions on a Facebook Page, against the Graph-behaving loopback server: the
// comments under a case's Page post (filter=stream, every page) that are not the Page's own
// become questions with the right post and author; an answer is a comment on the follower's
// comment (on the top-level comment when the follower's is a reply, as Facebook nests one level)
// and goes to that account only; an answer with a phone number never reaches the server; a
// rate-limited listing waits for the usage headers' time without failing anything.
#include "peers/fake_facebook.h"
#include "questions_fixture.h"
#include "sync/facebook_publisher.h"

namespace orlive::testing {
namespace {

class FacebookQuestions : public QuestionsFixture {
protected:
    void SetUp() override {
        QuestionsFixture::SetUp();
        if (HasFatalFailure()) return;
        const Account account = facebook_account(peer.base_url());
        engine = engine_with_other(account, std::make_unique<FacebookPublisher>(account, *http, test_timeouts()));
    }
    std::string inject_reply(const std::string& on, const std::string& who, const std::string& text) override {
        return peer.inject_reply(on, who, text);
    }
    std::vector<std::string> peer_texts() override {
        std::vector<std::string> all;
        for (const FakeGraphObject& o : peer.objects()) all.push_back(o.message);
        return all;
    }
    // Where the comment with `text` is (its parent), empty when there is none.
    std::string comment_on(const std::string& text) {
        for (const FakeGraphObject& o : peer.objects()) {
            if (o.message == text && o.from_id == "1001") return o.parent_id;
        }
        return "";
    }

    FakeFacebook peer;
};

// Bob replied to our second post, which is the Page's own comment: his comment is a reply to
// it, and our thread's comments (the Page's) are not questions.
TEST_F(FacebookQuestions, TwoFollowerCommentsBecomeQuestionsWithTheRightPostAndAuthor) {
    thread_with_two_replies("How long does it take & why?");
    expect_alice_and_bob("facebook", "alice", "bob");
    EXPECT_EQ(list_questions(*db, case_id)->at(0).text, "How long does it take & why?");
}

TEST_F(FacebookQuestions, AnAnswerIsACommentOnTheFollowersCommentOnThatAccountOnly) {
    thread_with_two_replies();
    answer_and_drain(0, "About an hour, start to finish.");
    EXPECT_EQ(comment_on("About an hour, start to finish."), alice);
}

TEST_F(FacebookQuestions, AnAnswerToAReplyGoesOnTheTopLevelCommentItIsUnder) {
    thread_with_two_replies();
    answer_and_drain(1, "Yes, through the navel.");
    EXPECT_EQ(comment_on("Yes, through the navel."), remote_id_of(second));
}

// Graph has no idempotency keys: the retry looks among the follower's comment's replies.
TEST_F(FacebookQuestions, AnAnswerWhoseOutcomeWasLostIsFoundNotPostedTwice) {
    thread_with_two_replies();
    peer.push_fault(PlatformFault::DropAfter);
    answer_and_drain(0, "About an hour.");
    int seen = 0;
    for (const std::string& text : peer_texts()) seen += text == "About an hour.";
    EXPECT_EQ(seen, 1);
    EXPECT_EQ(comment_on("About an hour."), alice);
}

TEST_F(FacebookQuestions, AnAnswerCarryingAPhoneNumberNeverPutsTheNumberOnTheServer) {
    thread_with_two_replies();
    const std::vector<QuestionRecord> questions = poll(2);
    ASSERT_EQ(questions.size(), 2u);
    EXPECT_EQ(comment_on(expect_held_answer_never_leaks(questions[0].id)), alice);
}

TEST_F(FacebookQuestions, EveryPageOfCommentsIsRead) {
    expect_every_page_read(230, [this] { return peer.list_requests(); }, 3);  // 100 a page
}

TEST_F(FacebookQuestions, ARateLimitedListingWaitsForTheUsageHeadersTime) {
    // The peer's usage header says two minutes, longer than the poll's own interval then.
    expect_rate_limit_backs_off([this](TimeMs) { peer.push_listing_fault(PlatformFault::RateLimit); },
                                [this] { return peer.list_requests(); }, 2 * 60 * 1000);
}

}  // namespace
}  // namespace orlive::testing
