// Followers' questions in core: the untrusted-text sanitiser, the store (idempotent by account
// and remote id, oldest first, hide logged without the text), answers through the pipeline
// (one account, held like any post, recorded on the post), and their words kept out of the
// redaction log and backups.
#include "core/store/question_store.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/base/untrusted_text.h"
#include "core/compose/post_pipeline.h"
#include "core/store/backup.h"
#include "core/store/case_store.h"
#include "core/store/retention.h"
#include "core/store/outbox.h"
#include "core/thread/published_thread.h"
#include "test_support.h"

namespace orlive {
namespace {

TEST(UntrustedText, RemovesControlsAndBidiOverridesAndFoldsLineBreaks) {
    EXPECT_EQ(sanitise_untrusted_text("a\x01" "b\x1b[31mc\x7f"), "ab[31mc");
    EXPECT_EQ(sanitise_untrusted_text("evil \u202Egnp.exe\u202C and \u2066x\u2069 \u200F!"), "evil gnp.exe and x !");
    EXPECT_EQ(sanitise_untrusted_text("  line one\n\n\tline\u2028two  "), "line one line two");
    EXPECT_EQ(sanitise_untrusted_text("zero\u200Bwidth\uFEFF"), "zerowidth");
    EXPECT_EQ(sanitise_untrusted_text("family \U0001F468\u200D\U0001F469\u200D\U0001F467"),
              "family \U0001F468\u200D\U0001F469\u200D\U0001F467");  // ZWJ sequences stay
    EXPECT_EQ(sanitise_untrusted_text("\n\t\u202E"), "");
}

TEST(UntrustedText, ReplacesInvalidUtf8AndComposes) {
    EXPECT_EQ(sanitise_untrusted_text("ok\xff\xc0\x80!"), "ok\uFFFD\uFFFD\uFFFD!");
    EXPECT_EQ(sanitise_untrusted_text("Jose\u0301"), "Jos\u00e9");  // NFC
}

TEST(UntrustedText, CapsTheLengthOnAGraphemeBoundary) {
    const std::string long_text(600, 'x');
    const std::string capped = sanitise_untrusted_text(long_text);
    EXPECT_EQ(capped, std::string(499, 'x') + "\u2026");
    // A flag is two code points: it is never cut in half.
    std::string flags;
    for (int i = 0; i < 10; ++i) flags += "\U0001F1EB\U0001F1F7";
    EXPECT_EQ(sanitise_untrusted_text(flags, 6), "\U0001F1EB\U0001F1F7\U0001F1EB\U0001F1F7\u2026");
    EXPECT_EQ(sanitise_untrusted_text("short", 500), "short");
}

class QuestionTest : public testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (HasFatalFailure()) return;
        std::vector<TemplateProblem> problems;
        catalog = TemplateCatalog::load(testing::source_assets() / "templates", problems);
        auto loaded = load_phi_filter(testing::source_assets());
        ASSERT_TRUE(loaded.ok()) << loaded.error().message;
        filter = std::move(loaded.value());
        Account main;
        main.name = "main";
        main.kind = AccountKind::Mastodon;
        main.base_url = "https://x";
        main.access_token = "t";
        Account team;
        team.name = "team";
        team.url = "https://h";
        team.format = "json";
        settings.accounts = {main, team};
        CaseStart start;
        start.procedure_id = "lap-chole";
        start.consent = Consent::Deidentified;
        start.patient.names = {"Maria Lopez"};
        auto id = start_case(*db, start, clock.now_ms());
        ASSERT_TRUE(id.ok()) << id.error().message;
        case_id = *id;
    }
    std::int64_t ask(const std::string& remote_id, const std::string& text, const std::string& account = "main") {
        IncomingQuestion q{case_id, account, "mastodon", remote_id, "", "", "alice@example.social", text, {},
                           clock.now_ms()};
        auto inserted = insert_question(*db, q);
        EXPECT_TRUE(inserted.ok() && *inserted);
        auto all = list_questions(*db, case_id);
        return all.ok() && !all->empty() ? all->back().id : 0;
    }
    Result<PostOutcome> answer(std::int64_t question, const std::string& text) {
        PostPipeline pipeline(*db, catalog, *filter, settings, clock);
        PostRequest request;
        request.free_text = text;
        request.answers_question = question;
        request.undo_seconds = 0;
        return pipeline.post(request);
    }
    std::string log_text() {
        std::string all;
        SQLite::Statement rows(db->sql(), "SELECT action || ' ' || detail || ' ' || category FROM redaction_log");
        while (rows.executeStep()) all += rows.getColumn(0).getString() + "\n";
        return all;
    }
    TemplateCatalog catalog;
    std::unique_ptr<PhiFilter> filter;
    Settings settings;
    ManualClock clock{1'800'000'000'000};
    std::int64_t case_id = 0;
};

TEST_F(QuestionTest, InsertIsIdempotentPerAccountAndRemoteIdAndListsOldestFirst) {
    IncomingQuestion q{case_id, "main", "mastodon", "900", "", "", "\u202Ealice", "How long\x07 does it take?", {},
                       clock.now_ms()};
    EXPECT_TRUE(*insert_question(*db, q));
    EXPECT_FALSE(*insert_question(*db, q));  // the same reply fetched again
    q.account = "other";
    EXPECT_TRUE(*insert_question(*db, q));   // the same id on another account is another reply
    q.account = "main";
    q.remote_id = "901";
    q.text = "Second";
    EXPECT_TRUE(*insert_question(*db, q));
    auto all = list_questions(*db, case_id);
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 3u);
    EXPECT_EQ(all->at(0).remote_id, "900");
    EXPECT_EQ(all->at(0).text, "How long does it take?");  // sanitised on the way in
    EXPECT_EQ(all->at(0).author, "alice");
    EXPECT_EQ(all->at(0).state, QuestionState::New);
    EXPECT_EQ(all->at(2).text, "Second");
    EXPECT_TRUE(list_questions(*db, case_id + 1)->empty());
    EXPECT_EQ(*count_new_questions(*db, case_id), 3);
}

TEST_F(QuestionTest, HideIsLoggedWithoutTheQuestionsText) {
    const auto id = ask("900", "Is that Maria Lopez from Elm Street?");
    ASSERT_TRUE(hide_question(*db, id, clock.now_ms()).ok());
    EXPECT_EQ((*find_question(*db, id))->state, QuestionState::Hidden);
    EXPECT_FALSE(hide_question(*db, id, clock.now_ms()).ok());
    EXPECT_FALSE(hide_question(*db, id + 100, clock.now_ms()).ok());
    const std::string log = log_text();
    EXPECT_NE(log.find("question-hidden question " + std::to_string(id)), std::string::npos) << log;
    EXPECT_EQ(log.find("Elm"), std::string::npos) << log;
    EXPECT_EQ(log.find("Lopez"), std::string::npos) << log;
    EXPECT_FALSE(answer(id, "We cannot say.").ok());  // a hidden question is not answered
}

TEST_F(QuestionTest, AnAnswerGoesOnlyToTheQuestionsAccountAndMarksItAnswered) {
    const auto id = ask("900", "How long does the operation take?");
    auto outcome = answer(id, "About an hour.");
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    EXPECT_EQ(outcome->state, PostState::Queued);
    auto stored = find_post(*db, outcome->id);
    ASSERT_TRUE(stored.ok() && stored->has_value());
    ASSERT_EQ((*stored)->deliveries.size(), 1u);
    EXPECT_EQ((*stored)->deliveries[0].account, "main");
    EXPECT_EQ((*stored)->case_id, case_id);
    SQLite::Statement row(db->sql(), "SELECT answers_question FROM posts WHERE id = ?");
    row.bind(1, outcome->id);
    ASSERT_TRUE(row.executeStep());
    EXPECT_EQ(row.getColumn(0).getInt64(), id);
    EXPECT_EQ((*find_question(*db, id))->state, QuestionState::Answered);
    auto unknown = answer(id + 100, "Hello");
    ASSERT_FALSE(unknown.ok());
    EXPECT_NE(unknown.error().message.find("no question"), std::string::npos);
}

TEST_F(QuestionTest, AnswersStayOutOfTheGalleryAndTheTranscript) {
    const auto id = ask("900", "How long does the operation take?");
    PostPipeline pipeline(*db, catalog, *filter, settings, clock);
    PostRequest milestone;
    milestone.free_text = "Incision made.";
    milestone.undo_seconds = 0;
    ASSERT_TRUE(pipeline.post(milestone).ok());  // positive control: this one is shown
    ASSERT_TRUE(answer(id, "About an hour.").ok());
    auto thread = published_thread(*db, catalog, "Riverside General", case_id);
    ASSERT_TRUE(thread.ok() && thread->has_value());
    ASSERT_EQ((*thread)->posts.size(), 1u);
    EXPECT_EQ((*thread)->posts[0].text, "Incision made.");
}

TEST_F(QuestionTest, AnAnswerWithAPhoneNumberIsHeldAndADiscardGivesTheQuestionBack) {
    const auto id = ask("900", "Can I call someone?");
    auto outcome = answer(id, "Call the desk at 555-201-3344");
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    EXPECT_EQ(outcome->state, PostState::Held);
    EXPECT_EQ(outcome->text.find("555-201-3344"), std::string::npos) << outcome->text;
    EXPECT_GE(outcome->redactions, 1);
    EXPECT_EQ((*find_question(*db, id))->state, QuestionState::Answered);
    ASSERT_TRUE(discard_post(*db, outcome->id, clock.now_ms()).ok());
    EXPECT_EQ((*find_question(*db, id))->state, QuestionState::New);
}

TEST_F(QuestionTest, AQuestionToAnAccountNoLongerConfiguredCannotBeAnswered) {
    const auto id = ask("900", "Hello?", "gone");
    auto outcome = answer(id, "Hi");
    ASSERT_FALSE(outcome.ok());
    EXPECT_NE(outcome.error().message.find("'gone'"), std::string::npos) << outcome.error().message;
}

TEST_F(QuestionTest, AWithdrawnCaseTakesNoAnswers) {
    const auto id = ask("900", "Hello?");
    db->sql().exec("UPDATE cases SET consent = 'none', withdrawn_at = 1");
    auto outcome = answer(id, "Hi");
    ASSERT_FALSE(outcome.ok());
    EXPECT_NE(outcome.error().message.find("withdrawn"), std::string::npos);
}

TEST_F(QuestionTest, ABackupKeepsTheQuestionButNotItsWords) {
    const auto id = ask("900", "Is that Maria Lopez?");
    const auto file = dir.path() / "backup.orlive";
    ASSERT_TRUE(write_backup(*db, file).ok());
    SQLite::Database copy(file.string(), SQLite::OPEN_READONLY);
    SQLite::Statement row(copy, "SELECT text, author, remote_id FROM questions WHERE id = ?");
    row.bind(1, id);
    ASSERT_TRUE(row.executeStep());
    EXPECT_EQ(row.getColumn(0).getString(), "");
    EXPECT_EQ(row.getColumn(1).getString(), "");
    EXPECT_EQ(row.getColumn(2).getString(), "900");
    EXPECT_EQ((*find_question(*db, id))->text, "Is that Maria Lopez?");  // the live one keeps it
}

TEST_F(QuestionTest, AQuestionsWordsAndAuthorAreErasedADayAfterItsCaseEnds) {
    const auto id = ask("900", "Is that Maria Lopez from Revere?");
    ASSERT_TRUE(end_active_case(*db, clock.now_ms()).ok());
    ASSERT_TRUE(purge_expired_case_data(*db, clock.now_ms() + kPatientDetailsKeptMs - 1).ok());
    EXPECT_EQ((*find_question(*db, id))->text, "Is that Maria Lopez from Revere?");  // still answerable

    ASSERT_TRUE(purge_expired_case_data(*db, clock.now_ms() + kPatientDetailsKeptMs).ok());
    auto erased = find_question(*db, id);
    ASSERT_TRUE(erased.ok() && erased->has_value());
    EXPECT_EQ((*erased)->text, "");
    EXPECT_EQ((*erased)->author, "");
    EXPECT_EQ((*erased)->remote_id, "900");  // kept: the poller must not fetch it as new again
    const std::string bytes = testing::file_bytes(dir.path() / "orlive.db");
    EXPECT_EQ(bytes.find("from Revere"), std::string::npos);
}

}  // namespace
}  // namespace orlive
