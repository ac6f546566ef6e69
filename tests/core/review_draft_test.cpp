#include "core/privacy/review_draft.h"

#include <gtest/gtest.h>

namespace orlive {
namespace {

PhiSpan span_of(const std::string& source, const std::string& word, PhiCategory category, bool patient = false) {
    PhiSpan span;
    span.start = source.find(word);
    span.end = span.start + word.size();
    span.category = category;
    span.rule = "test";
    span.patient_match = patient;
    return span;
}

// "Kelly clamp on, Maria Lopez stable, call 555-201-3344" with Kelly taken for a name.
ReviewDraft kelly_draft() {
    ReviewDraft draft;
    draft.source = "Kelly clamp on, Maria Lopez stable, call 555-201-3344";
    draft.spans = {span_of(draft.source, "Kelly", PhiCategory::Name),
                   span_of(draft.source, "Maria Lopez", PhiCategory::Name, true),
                   span_of(draft.source, "555-201-3344", PhiCategory::Phone)};
    return draft;
}

TEST(ReviewDraft, RendersEverySpanAsItsCategory) {
    EXPECT_EQ(render_review(kelly_draft()), "[NAME] clamp on, [NAME] stable, call [PHONE]");
}

TEST(ReviewDraft, PiecesAreWordsAndChipsInOrder) {
    auto pieces = review_pieces(kelly_draft());
    std::vector<std::string> labels;
    for (const ReviewPiece& p : pieces) labels.push_back(p.label);
    EXPECT_EQ(labels, (std::vector<std::string>{"[NAME]", "clamp", "on,", "[NAME]", "stable,", "call", "[PHONE]"}));
    EXPECT_TRUE(pieces[0].redacted && pieces[0].restorable);
    EXPECT_TRUE(pieces[3].redacted);
    EXPECT_FALSE(pieces[3].restorable) << "the patient's own name";
    EXPECT_FALSE(pieces[6].restorable) << "a phone number";
    // A word's bytes leave its trailing comma out, so a hand redaction keeps the punctuation.
    const ReviewDraft draft = kelly_draft();
    EXPECT_EQ(draft.source.substr(pieces[4].start, pieces[4].end - pieces[4].start), "stable");
}

TEST(ReviewDraft, RestoringAFalseAlarmPutsTheWordBack) {
    ReviewDraft draft = kelly_draft();
    auto restored = restore_span(draft, 0);
    ASSERT_TRUE(restored.ok()) << restored.error().message;
    EXPECT_EQ(restored->category, PhiCategory::Name);
    EXPECT_EQ(render_review(draft), "Kelly clamp on, [NAME] stable, call [PHONE]");
}

TEST(ReviewDraft, ThePatientAndContactDetailsCannotBeRestored) {
    ReviewDraft draft = kelly_draft();
    auto patient = restore_span(draft, 1);
    ASSERT_FALSE(patient.ok());
    EXPECT_NE(patient.error().message.find("patient"), std::string::npos);
    auto phone = restore_span(draft, 2);
    ASSERT_FALSE(phone.ok());
    EXPECT_NE(phone.error().message.find("PHONE"), std::string::npos);
    EXPECT_FALSE(restore_span(draft, 9).ok());
    EXPECT_EQ(render_review(draft), render_review(kelly_draft())) << "a refused restore changes nothing";
}

TEST(ReviewDraft, RedactingAMissedWordByHand) {
    ReviewDraft draft;
    draft.source = "Tell kelly and bed 12 the news.";
    auto pieces = review_pieces(draft);
    ASSERT_EQ(pieces.size(), 7u);
    auto name = redact_by_hand(draft, pieces[1].start, pieces[1].end);
    ASSERT_TRUE(name.ok()) << name.error().message;
    EXPECT_EQ(name->category, PhiCategory::Name);
    EXPECT_EQ(name->rule, "coordinator");
    auto bed = redact_by_hand(draft, pieces[4].start, pieces[4].end);
    ASSERT_TRUE(bed.ok());
    EXPECT_EQ(bed->category, PhiCategory::OtherId) << "a word with a digit";
    EXPECT_EQ(render_review(draft), "Tell [NAME] and bed [OTHER_ID] the news.");
    EXPECT_FALSE(redact_by_hand(draft, pieces[1].start, pieces[1].end).ok()) << "already redacted";
    EXPECT_FALSE(redact_by_hand(draft, 3, 3).ok());
    EXPECT_FALSE(redact_by_hand(draft, 0, 999).ok());
}

TEST(ReviewDraft, SpansRoundTripThroughTheStoredJson) {
    const ReviewDraft draft = kelly_draft();
    auto back = spans_from_json(spans_to_json(draft.spans));
    ASSERT_TRUE(back.ok()) << back.error().message;
    ASSERT_EQ(back->size(), 3u);
    EXPECT_TRUE((*back)[1].patient_match);
    EXPECT_EQ((*back)[2].category, PhiCategory::Phone);
    EXPECT_EQ((*back)[2].start, draft.spans[2].start);
    EXPECT_FALSE(spans_from_json("{}").ok());
    EXPECT_FALSE(spans_from_json(R"([{"start":1,"end":2,"category":"NOPE"}])").ok());
    EXPECT_FALSE(spans_from_json(R"([{"start":-1,"end":2,"category":"NAME"}])").ok());
}

}  // namespace
}  // namespace orlive
