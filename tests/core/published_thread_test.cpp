// The went-out rule and the transcript: only released posts of a case whose consent stands,
// oldest first, with steps; every rendering keeps post text literal.
#include "core/thread/published_thread.h"

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <nlohmann/json.hpp>

#include "core/base/html_escape.h"
#include "core/store/case_store.h"
#include "core/store/consent_change.h"
#include "core/store/outbox.h"
#include "core/thread/transcript.h"
#include "test_support.h"

namespace orlive {
namespace {

class PublishedThreadTest : public ::testing::Test {
protected:
    void SetUp() override {
        db = std::move(Database::open_in(dir.path()).value());
        std::vector<TemplateProblem> problems;
        catalog = TemplateCatalog::load(testing::source_assets() / "templates", problems);
        CaseStart start;
        start.procedure_id = "cabg";
        start.consent = Consent::Deidentified;
        start.patient.names = {"Jane Roe"};
        case_id = start_case(*db, start, 1000).value();
    }

    std::int64_t add(PostState state, const std::string& text, const std::string& milestone = "") {
        NewPost post;
        post.case_id = case_id;
        post.kind = milestone.empty() ? PostKind::Text : PostKind::Milestone;
        post.milestone_id = milestone;
        post.text = text;
        post.state = state;
        post.created_at = 2000 + static_cast<TimeMs>(next_++) * 60000;
        post.release_at = post.created_at + (state == PostState::Pending ? 300000 : 0);
        return enqueue_post(*db, post, {"main"}).value();
    }

    // Three released posts among one of every state that did not go out.
    void add_mixed_thread() {
        released = {add(PostState::Queued, "Time-out done", "time-out"),
                    add(PostState::Queued, "Sternotomy under way", "sternotomy")};
        add(PostState::Pending, "still undoable");
        add(PostState::Held, "waiting for review");
        add(PostState::Blocked, "refused by policy");
        add(PostState::Cancelled, "undone");
        released.push_back(add(PostState::Queued, "Family <b>informed</b> & \"calm\""));
    }

    PublishedThread thread() { return published_thread(*db, catalog, "St <Mary>", case_id).value().value(); }

    testing::TempDir dir;
    std::unique_ptr<Database> db;
    TemplateCatalog catalog;
    std::int64_t case_id = 0;
    std::vector<std::int64_t> released;
    int next_ = 0;
};

TEST_F(PublishedThreadTest, WentOutIsReleasedWithConsentStanding) {
    EXPECT_TRUE(went_out(PostState::Queued, Consent::Deidentified));
    EXPECT_TRUE(went_out(PostState::Queued, Consent::Full));
    EXPECT_FALSE(went_out(PostState::Queued, Consent::None));
    for (PostState state : {PostState::Pending, PostState::Held, PostState::Blocked, PostState::Cancelled})
        EXPECT_FALSE(went_out(state, Consent::Full));
}

TEST_F(PublishedThreadTest, ListsExactlyTheReleasedPostsOldestFirstWithSteps) {
    add_mixed_thread();
    PublishedThread t = thread();
    ASSERT_EQ(t.posts.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(t.posts[i].id, released[i]);
    EXPECT_EQ(t.posts[0].step, 1);
    EXPECT_EQ(t.posts[1].step, 2);
    EXPECT_EQ(t.posts[2].step, 0);
    EXPECT_EQ(post_label(t.posts[1]).rfind("Step 2 \u00b7 ", 0), 0u);
    EXPECT_EQ(t.procedure, "Coronary artery bypass grafting");
    EXPECT_EQ(t.hospital, "St <Mary>");
}

TEST_F(PublishedThreadTest, WithdrawalTakesEveryPostBack) {
    add_mixed_thread();
    ASSERT_EQ(thread().posts.size(), 3u);  // positive control
    // Sent posts stay queued after withdrawal (their deletion is the sync engine's job): only
    // the consent half of the rule can hide them.
    db->sql().exec("UPDATE deliveries SET state = 'sent' WHERE post_id IN (SELECT id FROM posts WHERE state = 'queued')");
    ASSERT_TRUE(change_consent(*db, Consent::None, "", 9000).ok());
    ASSERT_EQ(db->sql().execAndGet("SELECT count(*) FROM posts WHERE state = 'queued'").getInt(), 3);
    EXPECT_TRUE(thread().posts.empty());
}

TEST_F(PublishedThreadTest, ActiveThreadIsTheActiveCaseOnly) {
    add_mixed_thread();
    ASSERT_TRUE(active_published_thread(*db, catalog, "").value().has_value());
    ASSERT_TRUE(end_active_case(*db, 9000).ok());
    EXPECT_FALSE(active_published_thread(*db, catalog, "").value().has_value());
    EXPECT_EQ(latest_ended_case(*db).value(), std::optional<std::int64_t>(case_id));
    EXPECT_EQ(thread().posts.size(), 3u);  // an ended case's transcript is still there
}

TEST_F(PublishedThreadTest, MarkdownTranscriptInOrderAndNothingElse) {
    add_mixed_thread();
    const std::string md = render_transcript(thread(), TranscriptFormat::Markdown);
    const auto first = md.find("Time-out done"), second = md.find("Sternotomy under way"), third = md.find("Family");
    ASSERT_NE(first, std::string::npos);
    ASSERT_NE(second, std::string::npos);
    ASSERT_NE(third, std::string::npos);
    EXPECT_LT(first, second);
    EXPECT_LT(second, third);
    EXPECT_NE(md.find("Step 2"), std::string::npos);
    EXPECT_NE(md.find("Family \\<b\\>informed\\</b\\>"), std::string::npos);
    for (const char* hidden : {"still undoable", "waiting for review", "refused by policy", "undone", "Jane"})
        EXPECT_EQ(md.find(hidden), std::string::npos) << hidden;
}

TEST_F(PublishedThreadTest, HtmlTranscriptEscapesAndPrints) {
    add_mixed_thread();
    const std::string html = render_transcript(thread(), TranscriptFormat::Html);
    EXPECT_NE(html.find("Family &lt;b&gt;informed&lt;/b&gt; &amp; &quot;calm&quot;"), std::string::npos);
    EXPECT_EQ(html.find("<b>informed"), std::string::npos);
    EXPECT_NE(html.find("St &lt;Mary&gt;"), std::string::npos);
    EXPECT_NE(html.find("@page"), std::string::npos);
    EXPECT_NE(html.find("@media print"), std::string::npos);
    EXPECT_EQ(html.find("still undoable"), std::string::npos);
}

TEST_F(PublishedThreadTest, JsonTranscriptCarriesStepsAndTimes) {
    add_mixed_thread();
    auto root = nlohmann::json::parse(render_transcript(thread(), TranscriptFormat::Json));
    ASSERT_EQ(root["posts"].size(), 3u);
    EXPECT_EQ(root["case_id"], case_id);
    EXPECT_EQ(root["posts"][1]["step"], 2);
    EXPECT_EQ(root["posts"][2]["text"], "Family <b>informed</b> & \"calm\"");
    EXPECT_EQ(root["posts"][0]["at"], "1970-01-01T00:00:02Z");
    EXPECT_EQ(root["posts"][0]["local_time"].get<std::string>().size(), 5u);
}

TEST(HtmlEscape, EscapesEveryMarkupCharacter) {
    EXPECT_EQ(html_escape("<a href=\"x\" title='y'>&</a>"),
              "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    EXPECT_EQ(html_escape("plain text \u00e9"), "plain text \u00e9");
}

TEST(TranscriptFormat, ParsesTheThreeNames) {
    EXPECT_EQ(parse_transcript_format("md"), TranscriptFormat::Markdown);
    EXPECT_EQ(parse_transcript_format("html"), TranscriptFormat::Html);
    EXPECT_EQ(parse_transcript_format("json"), TranscriptFormat::Json);
    EXPECT_FALSE(parse_transcript_format("pdf").has_value());
}

}  // namespace
}  // namespace orlive
