// Followers' questions on Bluesky, against the AT-Protocol-behaving loopback PDS: replies read
// with app.bsky.feed.getPostThread become questions with the right post and author, and an
// answer is written with reply.parent = the follower's post and reply.root = our thread's first.
#include "core/compose/post_pipeline.h"
#include "core/store/question_store.h"
#include "peers/fake_pds.h"
#include "sync/bluesky_publisher.h"
#include "sync_fixture.h"

namespace orlive::testing {
namespace {

class BlueskyQuestions : public SyncFixture {
protected:
    void SetUp() override {
        SyncFixture::SetUp();
        if (HasFatalFailure()) return;
        load_catalog_and_filter(catalog, filter);
        if (HasFatalFailure()) return;
        account.name = "sky";
        account.kind = AccountKind::Bluesky;
        account.service = pds.url();
        account.identifier = "or.test";
        account.app_password = "app-pass-1234";
        settings.accounts = {account};
        std::vector<NamedPublisher> publishers;
        publishers.push_back({"sky", std::make_unique<BlueskyPublisher>(account, *http, test_timeouts())});
        engine = engine_for(std::move(publishers));
    }
    std::string uri_of(std::int64_t post_id) { return deliveries_of(post_id).at(0).remote_uri; }
    const PdsRecord* record_with_text(const std::string& text) {
        seen = pds.records();
        for (const PdsRecord& r : seen) {
            if (r.value.value("text", "") == text && !r.deleted) return &r;
        }
        return nullptr;
    }

    TemplateCatalog catalog;
    std::unique_ptr<PhiFilter> filter;
    Settings settings;
    Account account;
    FakePds pds;
    std::vector<PdsRecord> seen;
    std::unique_ptr<SyncEngine> engine;
};

TEST_F(BlueskyQuestions, RepliesBecomeQuestionsAndAnAnswerRepliesToTheFollowersPost) {
    const auto case_id = new_case();
    const auto first = queue_post(case_id, "Time-out complete.", {"sky"});
    const auto second = queue_post(case_id, "Incision made.", {"sky"});
    drain(*engine);
    const std::string alice = pds.inject_reply(uri_of(first), "alice.bsky.social", "How long\u202E does it take?");
    const std::string bob = pds.inject_reply(uri_of(second), "bob.bsky.social", "Is it keyhole surgery?");
    pds.inject_reply(alice, "carol.bsky.social", "same question");  // to a follower: not ours
    ASSERT_FALSE(alice.empty());
    clock.advance_ms(QuestionPoller::kMaxIntervalMs);
    auto pass = engine->run_pass();
    ASSERT_TRUE(pass.ok()) << pass.error().message;
    EXPECT_EQ(pass->questions, 2);
    EXPECT_GE(pds.thread_requests(), 1);
    auto questions = list_questions(*db, case_id);
    ASSERT_TRUE(questions.ok());
    ASSERT_EQ(questions->size(), 2u);
    EXPECT_EQ(questions->at(0).author, "alice.bsky.social");
    EXPECT_EQ(questions->at(0).platform, "bluesky");
    EXPECT_EQ(questions->at(0).remote_id, alice);
    EXPECT_EQ(questions->at(0).reply_to_post, first);
    EXPECT_EQ(questions->at(0).text, "How long does it take?");
    EXPECT_EQ(questions->at(1).author, "bob.bsky.social");
    EXPECT_EQ(questions->at(1).reply_to_post, second);
    EXPECT_EQ(questions->at(1).remote_id, bob);

    PostPipeline pipeline(*db, catalog, *filter, settings, clock);
    PostRequest request;
    request.free_text = "About an hour.";
    request.answers_question = questions->at(0).id;
    request.undo_seconds = 0;
    auto outcome = pipeline.post(request);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    drain(*engine);
    const PdsRecord* answer = record_with_text("About an hour.");
    ASSERT_NE(answer, nullptr) << "the answer never arrived";
    EXPECT_EQ(answer->value["reply"]["parent"]["uri"], alice);
    EXPECT_EQ(answer->value["reply"]["root"]["uri"], uri_of(first));
    // The thread goes on under our own last post.
    queue_post(case_id, "Specimen out.", {"sky"});
    drain(*engine);
    const PdsRecord* next = record_with_text("Specimen out.");
    ASSERT_NE(next, nullptr);
    EXPECT_EQ(next->value["reply"]["parent"]["uri"], uri_of(second));
}

}  // namespace
}  // namespace orlive::testing
