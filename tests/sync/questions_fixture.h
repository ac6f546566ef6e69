// Shared by the followers'-questions tests (one per platform): the post pipeline's templates and
// filter (an answer is a post), answering a question, a second account "other" on a
// Mastodon-behaving peer so a test sees an answer go to the question's account only, and the
// checks every platform must pass the same way: an answer with a phone number is held and never
// reaches the server, and a rate-limited listing delays the next poll without failing anything.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/compose/post_pipeline.h"
#include "core/store/question_store.h"
#include "peers/fake_mastodon.h"
#include "sync_fixture.h"

namespace orlive::testing {

class QuestionsFixture : public SyncFixture {
protected:
    void SetUp() override {
        SyncFixture::SetUp();
        if (HasFatalFailure()) return;
        load_catalog_and_filter(catalog, filter);
    }

    // The platform under test, as each platform's fixture reaches its peer: a follower's reply
    // to `on` (its id), and the text of everything on the peer.
    virtual std::string inject_reply(const std::string& on, const std::string& who, const std::string& text) = 0;
    virtual std::vector<std::string> peer_texts() = 0;

    // A thread of two posts on "main" and "other"; `alice` replies to the first, "bob" to the
    // second, and "carol" to Alice (a reply to a follower, not a question to us).
    void thread_with_two_replies(const std::string& alice_says = "How long does it take?") {
        case_id = new_case();
        first = queue_post(case_id, "Time-out complete. #SurgEd", {"main", "other"});
        second = queue_post(case_id, "Incision made.", {"main", "other"});
        drain(*engine);
        alice = inject_reply(remote_id_of(first), "alice", alice_says);
        bob = inject_reply(remote_id_of(second), "bob", "Is the camera inside?");
        ASSERT_FALSE(alice.empty() || bob.empty());
        ASSERT_FALSE(inject_reply(alice, "carol", "Good question alice").empty());
    }

    // The next poll, and the case's questions after it.
    std::vector<QuestionRecord> poll(int expected_new) {
        clock.advance_ms(QuestionPoller::kMaxIntervalMs);
        auto pass = engine->run_pass();
        EXPECT_TRUE(pass.ok()) << pass.error().message;
        if (pass.ok()) {
            EXPECT_EQ(pass->questions, expected_new);
        }
        auto questions = list_questions(*db, case_id);
        EXPECT_TRUE(questions.ok());
        return questions.ok() ? *questions : std::vector<QuestionRecord>{};
    }

    // Alice's and Bob's replies are the questions, with the right post and author, our own
    // posts are not, and a second read stores nothing again.
    void expect_alice_and_bob(const std::string& platform, const std::string& alice_as, const std::string& bob_as) {
        const std::vector<QuestionRecord> questions = poll(2);
        ASSERT_EQ(questions.size(), 2u);
        EXPECT_EQ(questions[0].author, alice_as);
        EXPECT_EQ(questions[0].reply_to_post, first);
        EXPECT_EQ(questions[0].remote_id, alice);
        EXPECT_EQ(questions[0].platform, platform);
        EXPECT_EQ(questions[0].account, "main");
        EXPECT_EQ(questions[1].author, bob_as);
        EXPECT_EQ(questions[1].reply_to_post, second);
        EXPECT_EQ(questions[1].remote_id, bob);
        EXPECT_EQ(poll(0).size(), 2u);
    }

    // Answers question `index` of Alice's and Bob's, on "main" only; then, read again, our
    // answer is not a question.
    std::int64_t answer_and_drain(std::size_t index, const std::string& text) {
        const std::vector<QuestionRecord> questions = poll(2);
        EXPECT_EQ(questions.size(), 2u);
        if (questions.size() != 2u) return 0;
        auto outcome = answer(questions[index].id, text);
        EXPECT_TRUE(outcome.ok()) << outcome.error().message;
        drain(*engine);
        EXPECT_TRUE(other_never_got(text));
        EXPECT_EQ((*find_question(*db, questions[index].id))->state, QuestionState::Answered);
        EXPECT_EQ(poll(0).size(), 2u);
        return questions[index].id;
    }

    // `replies` followers' replies to a one-post thread are all read in `pages` requests
    // (counted by `requests`), and stored oldest first.
    void expect_every_page_read(int replies, const std::function<int()>& requests, int pages) {
        case_id = new_case();
        first = queue_post(case_id, "Time-out complete.", {"main"});
        drain(*engine);
        for (int i = 0; i < replies; ++i) inject_reply(remote_id_of(first), "f" + std::to_string(i), "q" + std::to_string(i));
        const int before = requests();
        const std::vector<QuestionRecord> questions = poll(replies);
        EXPECT_EQ(requests(), before + pages);
        ASSERT_EQ(questions.size(), static_cast<std::size_t>(replies));
        EXPECT_EQ(questions.front().text, "q0");
        EXPECT_EQ(questions.back().text, "q" + std::to_string(replies - 1));
    }

    Result<PostOutcome> answer(std::int64_t question, const std::string& text) {
        PostPipeline pipeline(*db, catalog, *filter, settings, clock);
        PostRequest request;
        request.free_text = text;
        request.answers_question = question;
        request.undo_seconds = 0;
        return pipeline.post(request);
    }

    std::string remote_id_of(std::int64_t post_id, const std::string& account = "main") {
        for (const DeliveryRecord& d : deliveries_of(post_id)) {
            if (d.account == account) return d.remote_id;
        }
        ADD_FAILURE() << "post " << post_id << " has no delivery to " << account;
        return "";
    }

    // `main` (the platform under test) and Mastodon as "other", both in the settings.
    std::unique_ptr<SyncEngine> engine_with_other(const Account& primary, std::unique_ptr<Publisher> publisher) {
        Account other = mastodon_account(other_peer.base_url());
        other.name = "other";
        settings.accounts = {primary, other};
        std::vector<NamedPublisher> publishers;
        publishers.push_back({"main", std::move(publisher)});
        publishers.push_back({"other", std::make_unique<MastodonPublisher>(other, *http, test_timeouts())});
        return engine_for(std::move(publishers));
    }

    // The answer is held for its phone number; nothing reaches the peer (`texts` lists what the
    // peer has) until it is approved as shown, and then only the redacted text. Its text.
    std::string expect_held_answer_never_leaks(std::int64_t question) {
        auto outcome = answer(question, "Call the family desk at 555-201-3344 for that.");
        EXPECT_TRUE(outcome.ok()) << outcome.error().message;
        if (!outcome.ok()) return "";
        EXPECT_EQ(outcome->state, PostState::Held);
        const std::size_t before = peer_texts().size();
        drain(*engine);
        EXPECT_EQ(peer_texts().size(), before) << "held, yet something went out";
        EXPECT_TRUE(approve_held_post(*db, outcome->id, clock.now_ms(), 0).ok());  // send as shown
        drain(*engine);
        bool arrived = false;
        for (const std::string& text : peer_texts()) {
            arrived = arrived || text == outcome->text;
            EXPECT_EQ(text.find("201-3344"), std::string::npos) << text;
        }
        EXPECT_TRUE(arrived) << "the redacted answer did not arrive";  // positive control
        EXPECT_TRUE(other_never_got(outcome->text));
        return outcome->text;
    }

    // Under Alice's and Bob's replies, a rate-limited listing (set up by `limit`, told the
    // engine's time) waits out the platform's time, `wait_ms`: no listing request (counted by
    // `requests`) before it, a post still goes out meanwhile, and the poll after it stores both.
    void expect_rate_limit_backs_off(const std::function<void(TimeMs now)>& limit, const std::function<int()>& requests,
                                     TimeMs wait_ms) {
        thread_with_two_replies();
        clock.advance_ms(QuestionPoller::kMaxIntervalMs);
        limit(clock.now_ms());
        auto pass = engine->run_pass();
        ASSERT_TRUE(pass.ok()) << pass.error().message;
        EXPECT_EQ(pass->questions, 0);
        const int after_limit = requests();
        const TimeMs limited_at = clock.now_ms();
        const std::int64_t during = queue_post(case_id, "Closing now.");
        clock.set_ms(limited_at + wait_ms - 1000);
        ASSERT_TRUE(engine->run_pass().ok());
        EXPECT_EQ(requests(), after_limit) << "asked again before the platform's time";
        EXPECT_EQ(deliveries_of(during).at(0).state, "sent") << "the rate-limited listing held up a post";
        clock.set_ms(limited_at + wait_ms + 1000);
        pass = engine->run_pass();
        ASSERT_TRUE(pass.ok()) << pass.error().message;
        EXPECT_GT(requests(), after_limit);
        EXPECT_EQ(list_questions(*db, case_id)->size(), 2u);
    }

    bool other_never_got(const std::string& text) {
        for (const FakeStatus& s : other_peer.statuses()) {
            if (s.text == text) return false;
        }
        return true;
    }

    TemplateCatalog catalog;
    std::unique_ptr<PhiFilter> filter;
    Settings settings;
    FakeMastodon other_peer;
    std::unique_ptr<SyncEngine> engine;  // set by the platform's fixture
    std::int64_t case_id = 0, first = 0, second = 0;
    std::string alice, bob;
};

}  // namespace orlive::testing
