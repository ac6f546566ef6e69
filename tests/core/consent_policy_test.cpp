// The consent policy on its own: what each level lets out, and that a full release covers the
// case's own patient only.
#include "core/privacy/consent_policy.h"

#include "core/privacy/phi/safe_harbor_filter.h"
#include "test_support.h"

namespace orlive {
namespace {

PhiSpan span(std::string_view text, std::string_view part, PhiCategory category, bool patient,
             const char* rule = "test") {
    PhiSpan s;
    s.start = text.find(part);
    s.end = s.start + part.size();
    s.category = category;
    s.rule = rule;
    s.patient_match = patient;
    return s;
}

TEST(ConsentPolicy, FullReleasesThePatientsOwnNameAndDateOfBirth) {
    const std::string text = "Ana Okafor (born 1950-04-05) says hi";
    std::vector<PhiSpan> spans = {span(text, "Ana Okafor", PhiCategory::Name, true, "patient-name"),
                                  span(text, "1950-04-05", PhiCategory::Date, true, "patient-dob")};
    PolicyDecision decision = apply_consent_policy(Consent::Full, text, spans);
    EXPECT_EQ(decision.text, text);
    EXPECT_EQ(decision.released.size(), 2u);
    EXPECT_EQ(decision.state, PostState::Pending);
}

TEST(ConsentPolicy, FullRedactsAThirdPartysNameDateAndAge) {
    const std::string text = "Ana and her husband John Smith (DOB 4/5/1950, 91 years old)";
    std::vector<PhiSpan> spans = {span(text, "Ana", PhiCategory::Name, true, "patient-name"),
                                  span(text, "John Smith", PhiCategory::Name, false, "name-full"),
                                  span(text, "4/5/1950", PhiCategory::Date, false, "date-numeric"),
                                  span(text, "91 years old", PhiCategory::Age, false, "age-over-89")};
    PolicyDecision decision = apply_consent_policy(Consent::Full, text, spans, ReleaseScope{76});
    EXPECT_EQ(decision.text, "Ana and her husband [NAME] (DOB [DATE], [AGE])");
    EXPECT_EQ(decision.released.size(), 1u);
    EXPECT_EQ(decision.state, PostState::Held);
}

TEST(ConsentPolicy, FullReleasesAnAgeOnlyWhenItIsThePatients) {
    const std::string text = "Our 91-year-old patient";
    std::vector<PhiSpan> spans = {span(text, "91-year-old", PhiCategory::Age, false, "age-over-89")};
    EXPECT_EQ(apply_consent_policy(Consent::Full, text, spans, ReleaseScope{91}).text, text);
    EXPECT_EQ(apply_consent_policy(Consent::Full, text, spans, ReleaseScope{92}).text, "Our [AGE] patient");
    EXPECT_EQ(apply_consent_policy(Consent::Full, text, spans).text, "Our [AGE] patient") << "no DOB, no age";
}

TEST(ConsentPolicy, FullNeverReleasesThePatientsRecordNumber) {
    const std::string text = "MRN 12345678";
    std::vector<PhiSpan> spans = {span(text, "12345678", PhiCategory::Mrn, true, "patient-mrn")};
    EXPECT_EQ(apply_consent_policy(Consent::Full, text, spans).text, "MRN [MRN]");
}

TEST(ConsentPolicy, DeidentifiedRedactsThePatientToo) {
    const std::string text = "Ana Okafor is awake";
    std::vector<PhiSpan> spans = {span(text, "Ana Okafor", PhiCategory::Name, true, "patient-name")};
    PolicyDecision decision = apply_consent_policy(Consent::Deidentified, text, spans);
    EXPECT_EQ(decision.text, "[NAME] is awake");
    EXPECT_EQ(decision.state, PostState::Held);
}

TEST(ConsentPolicy, NoneBlocksOnlyWhenThePatientIsNamed) {
    const std::string text = "Ana Okafor and John Smith";
    std::vector<PhiSpan> patient = {span(text, "Ana Okafor", PhiCategory::Name, true, "patient-name")};
    std::vector<PhiSpan> other = {span(text, "John Smith", PhiCategory::Name, false, "name-full")};
    EXPECT_EQ(apply_consent_policy(Consent::None, text, patient).state, PostState::Blocked);
    EXPECT_EQ(apply_consent_policy(Consent::None, text, other).state, PostState::Held);
}

TEST(ConsentPolicy, AgeOnCountsWholeYearsAndRefusesBadDates) {
    // 2026-12-02 12:00 UTC: a birthday later in December has not come yet.
    const TimeMs now = 1'796'212'800'000;
    EXPECT_EQ(age_on("1950-04-05", now), 76);
    EXPECT_EQ(age_on("1950-12-25", now), 75);
    EXPECT_FALSE(age_on("05/04/1950", now));
    EXPECT_FALSE(age_on("", now));
}

// The issue's own sentence through the real filter: under full consent the patient's name goes
// out, the husband, Mr. Delgado and the third party's date of birth do not.
TEST(ConsentPolicy, TheShippedFilterAttributesOnlyThePatient) {
    auto filter = load_phi_filter(testing::source_assets());
    ASSERT_TRUE(filter.ok()) << filter.error().message;
    FilterContext context;
    context.patient.names = {"Ana Okafor"};
    context.patient.dob = "1962-07-19";
    const std::string text = "Ana Okafor is awake. Her husband John Smith and Mr. Delgado in bay 3 "
                             "(DOB 4/5/1950) say hi";
    PolicyDecision decision = apply_consent_policy(Consent::Full, text, (*filter)->find(text, context));
    EXPECT_NE(decision.text.find("Ana Okafor is awake"), std::string::npos) << decision.text;
    EXPECT_EQ(decision.text.find("John Smith"), std::string::npos) << decision.text;
    EXPECT_EQ(decision.text.find("Delgado"), std::string::npos) << decision.text;
    EXPECT_EQ(decision.text.find("4/5/1950"), std::string::npos) << decision.text;
    EXPECT_EQ(decision.state, PostState::Held);
}

}  // namespace
}  // namespace orlive
