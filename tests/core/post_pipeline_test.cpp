#include "core/compose/post_pipeline.h"
#include "core/compose/length_limits.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/session/session.h"
#include "core/store/backup.h"
#include "core/store/case_store.h"
#include "core/store/retention.h"
#include "core/store/held_review.h"
#include "core/store/outbox.h"
#include "test_support.h"

namespace orlive {
namespace {

class PipelineTest : public testing::DatabaseTest {
protected:
    void SetUp() override {
        DatabaseTest::SetUp();
        if (HasFatalFailure()) return;
        std::vector<TemplateProblem> problems;
        catalog = TemplateCatalog::load(testing::source_assets() / "templates", problems);
        ASSERT_TRUE(problems.empty());
        auto loaded = load_phi_filter(testing::source_assets());
        ASSERT_TRUE(loaded.ok()) << loaded.error().message;
        filter = std::move(loaded.value());
        settings.hospital_name = "Riverside General";
        settings.accounts = {Account{"main", AccountKind::Mastodon, "https://x", "t", "", "", "", "", ""},
                             Account{"team", AccountKind::Webhook, "", "", "", "", "", "https://h", "json"}};
    }
    void start(Consent consent) {
        CaseStart start;
        start.procedure_id = "lap-chole";
        start.consent = consent;
        start.release_ref = consent == Consent::Full ? "REL-1" : "";
        start.patient.names = {"Maria Lopez"};
        start.patient.mrn = "12345678";
        start.surgeon = "Dr. Rivera";
        ASSERT_TRUE(start_case(*db, start, clock.now_ms() - 65 * 60 * 1000).ok());
    }
    PostOutcome post(PostRequest request) {
        PostPipeline pipeline(*db, catalog, *filter, settings, clock);
        auto outcome = pipeline.post(request);
        EXPECT_TRUE(outcome.ok()) << outcome.error().message;
        return outcome.ok() ? outcome.value() : PostOutcome{};
    }
    TemplateCatalog catalog;
    std::unique_ptr<PhiFilter> filter;
    Settings settings;
    ManualClock clock{1'800'000'000'000};
};

TEST_F(PipelineTest, MilestoneTapRendersTheTemplateAndWritesADeliveryPerAccount) {
    start(Consent::None);
    PostRequest request;
    request.milestone_id = "critical-view";
    PostOutcome outcome = post(request);
    EXPECT_EQ(outcome.state, PostState::Pending);
    EXPECT_EQ(outcome.redactions, 0);
    EXPECT_NE(outcome.text.find("Step 5 of 10"), std::string::npos) << outcome.text;
    EXPECT_NE(outcome.text.find("#SurgEd"), std::string::npos);
    EXPECT_EQ(outcome.release_at, clock.now_ms() + 10'000);
    auto stored = find_post(*db, outcome.id);
    ASSERT_TRUE(stored.ok() && stored->has_value());
    EXPECT_EQ((*stored)->text, outcome.text);
    EXPECT_EQ((*stored)->deliveries.size(), 2u);
}

// A post X cannot take (over 280 weighted characters) is stored and goes out elsewhere; its X
// delivery is failed at once with the reason, not discovered after the undo window.
TEST_F(PipelineTest, ATextTooLongForOnePlatformIsRefusedThereWhenComposed) {
    Account x;
    x.name = "x";
    x.kind = AccountKind::X;
    settings.accounts.push_back(x);
    start(Consent::Deidentified);
    PostRequest request;
    request.free_text = std::string(200, 'a') + " \u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57\u6f22\u5b57 " +
                        std::string(60, 'b');  // 272 code points, 282 as X weighs them
    PostOutcome outcome = post(request);
    ASSERT_EQ(outcome.too_long.size(), 1u);
    EXPECT_EQ(outcome.too_long[0], "x: too long for X: 282 of 280 characters as X counts them; not sent there");
    auto stored = find_post(*db, outcome.id);
    ASSERT_TRUE(stored.ok() && stored->has_value());
    for (const DeliveryRecord& d : (*stored)->deliveries) {
        if (d.account == "x") {
            EXPECT_EQ(d.state, "failed");
            EXPECT_NE(d.last_error.find("too long for X"), std::string::npos);
        } else {
            EXPECT_EQ(d.state, "pending") << d.account << ": a platform it fits was refused too";
        }
    }
    request.free_text = std::string(270, 'a');
    EXPECT_TRUE(post(request).too_long.empty()) << "control: 270 fits X";
}

TEST(LengthLimits, EachPlatformCountsByItsOwnRule) {
    const std::string url = "https://example.org/" + std::string(100, 'p');
    EXPECT_EQ(count_for(AccountKind::X, "hi " + url)->length, 3u + 23u);
    EXPECT_EQ(count_for(AccountKind::Mastodon, "hi " + url)->length, 3u + 23u);
    EXPECT_EQ(count_for(AccountKind::Bluesky, "hi " + url)->length, 3u + url.size());
    EXPECT_EQ(count_for(AccountKind::Bluesky, "\U0001F468\u200D\U0001F469\u200D\U0001F467")->length, 1u);
    EXPECT_EQ(count_for(AccountKind::Threads, "\U0001F468\u200D\U0001F469\u200D\U0001F467")->length, 5u);
    EXPECT_EQ(count_for(AccountKind::X, "\u6f22")->length, 2u);
    EXPECT_FALSE(count_for(AccountKind::Webhook, "anything"));
    auto counts = counts_for({AccountKind::Mastodon, AccountKind::Webhook, AccountKind::Mastodon, AccountKind::X}, "hi");
    ASSERT_EQ(counts.size(), 2u) << "one counter per platform";
    EXPECT_EQ(counts[0].limit, 500u);
    EXPECT_EQ(counts[1].limit, 280u);
}

TEST_F(PipelineTest, UndoSecondsZeroQueuesAtOnce) {
    start(Consent::None);
    PostRequest request;
    request.milestone_id = "time-out";
    request.undo_seconds = 0;
    EXPECT_EQ(post(request).state, PostState::Queued);
}

TEST_F(PipelineTest, NoConsentBlocksANoteNamingThePatient) {
    start(Consent::None);
    PostRequest request;
    request.milestone_id = "time-out";
    request.note = "Maria is comfortable";
    PostOutcome outcome = post(request);
    EXPECT_EQ(outcome.state, PostState::Blocked);
    EXPECT_NE(outcome.reason.find("patient"), std::string::npos);
    EXPECT_EQ(outcome.text.find("Maria"), std::string::npos) << "the stored text never holds the PHI";
    EXPECT_EQ((*find_post(*db, outcome.id))->deliveries[0].state, "cancelled");
}

TEST_F(PipelineTest, DeidentifiedHoldsRedactedTextForReview) {
    start(Consent::Deidentified);
    PostRequest request;
    request.free_text = "Family of Maria Lopez can call 555-201-3344 for news";
    PostOutcome outcome = post(request);
    EXPECT_EQ(outcome.state, PostState::Held);
    EXPECT_EQ(outcome.text.find("Maria"), std::string::npos);
    EXPECT_EQ(outcome.text.find("555-201-3344"), std::string::npos);
    EXPECT_NE(outcome.text.find("[PHONE]"), std::string::npos);
    EXPECT_GE(outcome.redactions, 2);
}

TEST_F(PipelineTest, FullConsentLetsTheNameOutButNeverContactDetails) {
    start(Consent::Full);
    PostRequest request;
    request.free_text = "Maria Lopez says hello, reach her at 555-201-3344";
    PostOutcome outcome = post(request);
    EXPECT_NE(outcome.text.find("Maria Lopez"), std::string::npos) << outcome.text;
    EXPECT_NE(outcome.text.find("[PHONE]"), std::string::npos);
    EXPECT_EQ(outcome.state, PostState::Held);
}

TEST_F(PipelineTest, FullConsentRedactsAThirdPartysNameAndDate) {
    start(Consent::Full);
    PostRequest request;
    request.free_text = "Maria Lopez is awake; her husband John Smith and Mr. Delgado in bay 3 (DOB 4/5/1950) say hi";
    PostOutcome outcome = post(request);
    EXPECT_NE(outcome.text.find("Maria Lopez"), std::string::npos) << outcome.text;
    EXPECT_EQ(outcome.text.find("John Smith"), std::string::npos) << outcome.text;
    EXPECT_EQ(outcome.text.find("Delgado"), std::string::npos) << outcome.text;
    EXPECT_EQ(outcome.text.find("4/5/1950"), std::string::npos) << outcome.text;
    EXPECT_EQ(outcome.state, PostState::Held);
}

TEST_F(PipelineTest, DowngradeFromFullHoldsUnsentPostsRedactedUnderTheNewLevel) {
    start(Consent::Full);
    PostRequest request;
    request.free_text = "Maria Lopez is awake";
    request.undo_seconds = 0;
    PostOutcome queued = post(request);
    ASSERT_EQ(queued.state, PostState::Queued);
    ASSERT_NE(queued.text.find("Maria Lopez"), std::string::npos);

    PostPipeline pipeline(*db, catalog, *filter, settings, clock);
    auto changed = pipeline.change_consent(ConsentChange{std::nullopt, Consent::Deidentified, ""});
    ASSERT_TRUE(changed.ok()) << changed.error().message;
    EXPECT_EQ(changed->held, 1);
    auto stored = find_post(*db, queued.id);
    ASSERT_TRUE(stored.ok() && stored->has_value());
    EXPECT_EQ((*stored)->state, PostState::Held);
    EXPECT_EQ((*stored)->text.find("Maria"), std::string::npos) << (*stored)->text;
    EXPECT_NE((*stored)->reason.find("consent lowered to deidentified"), std::string::npos);
    for (const DeliveryRecord& d : (*stored)->deliveries) EXPECT_EQ(d.state, "pending");
}

// The filter runs between reading the case and storing the post; a withdrawal committed by
// another process at that moment must not leave the post deliverable under the old level.
class WithdrawingFilter final : public PhiFilter {
public:
    WithdrawingFilter(const PhiFilter& inner, const std::filesystem::path& dir) : inner_(inner), dir_(dir) {}
    std::vector<PhiSpan> find(std::string_view text, const FilterContext& context) const override {
        auto other = Database::open_in(dir_);
        if (other.ok()) {
            (*other)->sql().setBusyTimeout(0);  // the pipeline may hold the write lock: then wait for it below
            withdrew_ = change_consent(**other, Consent::None, "", 1).ok();
        }
        return inner_.find(text, context);
    }
    mutable bool withdrew_ = false;

private:
    const PhiFilter& inner_;
    std::filesystem::path dir_;
};

TEST_F(PipelineTest, ATapRacingAWithdrawalIsNeverSavedUnderTheOldLevel) {
    start(Consent::Full);
    WithdrawingFilter racing(*filter, dir.path());
    PostPipeline pipeline(*db, catalog, racing, settings, clock);
    PostRequest request;
    request.free_text = "Maria Lopez is awake";
    request.undo_seconds = 0;
    auto outcome = pipeline.post(request);
    ASSERT_TRUE(outcome.ok()) << outcome.error().message;
    // The withdrawal either came first (and the post saw it) or waited for the post's commit.
    if (!racing.withdrew_) {
        ASSERT_TRUE(change_consent(*db, Consent::None, "", 2).ok());
    }
    auto stored = find_post(*db, outcome->id);
    ASSERT_TRUE(stored.ok() && stored->has_value());
    EXPECT_NE((*stored)->state, PostState::Queued) << (*stored)->text;
    EXPECT_NE((*stored)->state, PostState::Pending) << (*stored)->text;
    for (const DeliveryRecord& d : (*stored)->deliveries) EXPECT_EQ(d.state, "cancelled");
}

TEST_F(PipelineTest, MilestonesNeedAnActiveCaseButStatusUpdatesDoNot) {
    PostPipeline pipeline(*db, catalog, *filter, settings, clock);
    PostRequest request;
    request.milestone_id = "critical-view";
    auto refused = pipeline.post(request);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("no case is active"), std::string::npos);

    request.milestone_id = "ed-wait";
    request.fields["ed_wait_minutes"] = "45";
    auto status = pipeline.post(request);
    ASSERT_TRUE(status.ok()) << status.error().message;
    EXPECT_NE(status->text.find("45"), std::string::npos) << status->text;
    request.fields["ed_wait_minutes"] = "-3";
    EXPECT_FALSE(pipeline.post(request).ok());
}

TEST_F(PipelineTest, UnknownMilestoneIsAClearError) {
    start(Consent::None);
    PostPipeline pipeline(*db, catalog, *filter, settings, clock);
    PostRequest request;
    request.milestone_id = "sternotomy";
    auto refused = pipeline.post(request);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("not part of Laparoscopic cholecystectomy"), std::string::npos);
}

TEST_F(PipelineTest, SessionSnapshotMarksDoneAndNextMilestones) {
    start(Consent::None);
    std::vector<TemplateProblem> problems;
    auto opened = Database::open_in(dir.path());
    ASSERT_TRUE(opened.ok());
    Session session(std::move(opened.value()), TemplateCatalog::load(testing::source_assets() / "templates", problems),
                    std::move(filter), settings, clock);
    PostRequest tap;
    tap.milestone_id = "time-out";
    EXPECT_TRUE(session.post(tap).ok);
    const SessionSnapshot& snapshot = session.snapshot();
    ASSERT_TRUE(snapshot.active);
    const auto& milestones = snapshot.active->milestones;
    ASSERT_GE(milestones.size(), 3u);
    EXPECT_EQ(milestones[1].id, "time-out");
    EXPECT_TRUE(milestones[1].done);
    EXPECT_TRUE(milestones[2].next);
    EXPECT_FALSE(milestones[0].next);
    ASSERT_TRUE(snapshot.undoable);
    EXPECT_TRUE(session.undo(snapshot.undoable->post.id).ok);
    EXPECT_FALSE(session.snapshot().active->milestones[1].done);
    EXPECT_TRUE(session.snapshot().active->milestones[0].next);
}

// Bytes that are not UTF-8 would abort every serialiser downstream: refused, nothing stored.
TEST_F(PipelineTest, ThePipelineRefusesTextOrANoteThatIsNotUtf8AndStoresNothing) {
    PostRequest text;
    text.free_text = "All good \xf1 team";
    auto refused = PostPipeline(*db, catalog, *filter, settings, clock).post(text);
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("not valid UTF-8"), std::string::npos) << refused.error().message;
    CaseStart start;
    start.procedure_id = "lap-chole";
    ASSERT_TRUE(start_case(*db, start, clock.now_ms()).ok());
    PostRequest note;
    note.milestone_id = "anaesthesia";
    note.note = "team \xc3";
    EXPECT_FALSE(PostPipeline(*db, catalog, *filter, settings, clock).post(note).ok());
    EXPECT_EQ(list_posts(*db, PostQuery{})->size(), 0u);
    text.free_text = "All good, team";
    post(text);  // positive control: the same path stores valid text
    EXPECT_EQ(list_posts(*db, PostQuery{})->size(), 1u);
}

TEST_F(PipelineTest, ACaseWithDetailsThatAreNotUtf8IsNotStarted) {
    CaseStart start;
    start.procedure_id = "lap-chole";
    start.surgeon = "Dr. Rivera \xf1";
    auto refused = start_case(*db, start, clock.now_ms());
    ASSERT_FALSE(refused.ok());
    EXPECT_NE(refused.error().message.find("the surgeon's name is not valid UTF-8"), std::string::npos);
    start.surgeon = "Dr. Rivera";
    for (auto* field : {&start.release_ref, &start.patient.mrn}) {
        *field = "\xff";
        EXPECT_FALSE(start_case(*db, start, clock.now_ms()).ok());
        field->clear();
    }
    start.staff = {"Ana \xed\xa0\x80"};
    EXPECT_FALSE(start_case(*db, start, clock.now_ms()).ok());
    start.staff.clear();
    start.hashtags = {"MedEd\xc0"};
    EXPECT_FALSE(start_case(*db, start, clock.now_ms()).ok());
    start.hashtags.clear();
    start.patient.names = {"Maria \xf1"};
    EXPECT_FALSE(start_case(*db, start, clock.now_ms()).ok());
    auto active = active_case(*db);
    ASSERT_TRUE(active.ok());
    EXPECT_FALSE(active->has_value());
    start.patient.names = {"Maria Lopez"};
    EXPECT_TRUE(start_case(*db, start, clock.now_ms()).ok());  // positive control
}

// The review screen's corrections (held_review.h): the text as written stays beside a held post
// so one tap restores a false alarm or redacts a miss; every edit is logged without the text.
int count(Database& db, const std::string& sql) { return db.sql().execAndGet(sql).getInt(); }

TEST_F(PipelineTest, AHeldPostCanBeCorrectedByRestoringAndRedactingThenSent) {
    start(Consent::Deidentified);
    PostRequest request;
    request.free_text = "Maria Lopez doing well; her brother John Smith and nurse tamsin vale say thanks";
    PostOutcome held = post(request);
    ASSERT_EQ(held.state, PostState::Held) << held.text;
    auto draft = load_held_review(*db, held.id);
    ASSERT_TRUE(draft.ok() && draft->has_value());
    ASSERT_EQ(render_review(**draft), held.text) << "the draft renders what is stored";

    // Restore every restorable span the filter found (John Smith, a third party), then
    // redact "vale" by hand if the filter missed it.
    std::size_t restored = 0;
    for (std::size_t k = (*draft)->spans.size(); k-- > 0;) {
        if (!can_restore((*draft)->spans[k])) continue;
        ASSERT_TRUE(edit_held_review(*db, held.id, ReviewEdit{ReviewEdit::Kind::Restore, k, 0, 0}, clock.now_ms()));
        ++restored;
    }
    EXPECT_GT(restored, 0u) << "John Smith is a general name";
    auto after = load_held_review(*db, held.id);
    ASSERT_TRUE(after.ok() && after->has_value());
    for (const ReviewPiece& piece : review_pieces(**after)) {
        if (piece.redacted || piece.label != "vale") continue;
        ASSERT_TRUE(edit_held_review(*db, held.id, ReviewEdit{ReviewEdit::Kind::Redact, 0, piece.start, piece.end},
                                     clock.now_ms()));
    }
    auto stored = find_post(*db, held.id);
    ASSERT_TRUE(stored.ok() && stored->has_value());
    EXPECT_EQ((*stored)->text.find("Maria"), std::string::npos) << "the patient stays redacted: " << (*stored)->text;
    EXPECT_EQ((*stored)->text.find("vale"), std::string::npos) << (*stored)->text;
    EXPECT_NE((*stored)->text.find("John Smith"), std::string::npos) << "restored: " << (*stored)->text;
    EXPECT_EQ(count(*db, "SELECT count(*) FROM redaction_log WHERE action = 'restored'"), static_cast<int>(restored));
    EXPECT_EQ(count(*db, "SELECT count(*) FROM redaction_log WHERE action = 'redacted-by-hand'"), 1);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM redaction_log WHERE detail LIKE '%vale%' OR detail LIKE '%Kelly%'"), 0)
        << "the log holds fingerprints, never the words";

    ASSERT_TRUE(approve_held_post(*db, held.id, clock.now_ms(), 0));
    EXPECT_EQ(count(*db, "SELECT count(*) FROM held_review"), 0) << "the text as written leaves with the hold";
    EXPECT_FALSE(edit_held_review(*db, held.id, ReviewEdit{}, clock.now_ms())) << "no edits once it left review";
}

TEST_F(PipelineTest, ThePatientsOwnNameCannotBeRestored) {
    start(Consent::Deidentified);
    PostRequest request;
    request.free_text = "Maria Lopez is stable";
    PostOutcome held = post(request);
    ASSERT_EQ(held.state, PostState::Held);
    auto draft = load_held_review(*db, held.id);
    ASSERT_TRUE(draft.ok() && draft->has_value());
    for (std::size_t k = 0; k < (*draft)->spans.size(); ++k)
        EXPECT_FALSE(edit_held_review(*db, held.id, ReviewEdit{ReviewEdit::Kind::Restore, k, 0, 0}, clock.now_ms()));
    auto stored = find_post(*db, held.id);
    EXPECT_EQ((*stored)->text.find("Maria"), std::string::npos) << (*stored)->text;
}

TEST_F(PipelineTest, TheTextAsWrittenIsNeitherBackedUpNorKeptPastADay) {
    start(Consent::Deidentified);
    PostRequest request;
    request.free_text = "Family of Maria Lopez can call 555-201-3344";
    ASSERT_EQ(post(request).state, PostState::Held);
    ASSERT_EQ(count(*db, "SELECT count(*) FROM held_review"), 1);

    auto backup = write_backup(*db, dir.path() / "backup.db");
    ASSERT_TRUE(backup.ok()) << backup.error().message;
    SQLite::Database copy((dir.path() / "backup.db").string());
    EXPECT_EQ(copy.execAndGet("SELECT count(*) FROM held_review").getInt(), 0);

    ASSERT_TRUE(purge_expired_case_data(*db, clock.now_ms() + kPatientDetailsKeptMs - 1).ok());
    EXPECT_EQ(count(*db, "SELECT count(*) FROM held_review"), 1) << "kept within the day";
    ASSERT_TRUE(purge_expired_case_data(*db, clock.now_ms() + kPatientDetailsKeptMs + 1).ok());
    EXPECT_EQ(count(*db, "SELECT count(*) FROM held_review"), 0);
}

}  // namespace
}  // namespace orlive
