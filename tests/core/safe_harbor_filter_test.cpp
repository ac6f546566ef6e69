// Tests for SafeHarborFilter: every Safe Harbor category, the active patient's details, and the
// traps that must never be redacted (staff, eponyms, times, doses, vitals, hashtags).
#include "core/phi/safe_harbor_filter.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

namespace orlive {
namespace {

class SafeHarborFilterTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto loaded = load_safe_harbor_filter(ORLIVE_SOURCE_ASSETS_DIR);
        ASSERT_TRUE(loaded.ok()) << loaded.error().message;
        filter_ = std::move(loaded).value().release();
    }
    static void TearDownTestSuite() {
        delete filter_;
        filter_ = nullptr;
    }

    static std::vector<PhiSpan> find(const std::string& text, const FilterContext& ctx = {}) {
        return filter_->find(text, ctx);
    }
    // The redacted text, which makes expectations easy to read.
    static std::string redact(const std::string& text, const FilterContext& ctx = {}) {
        return apply_redactions(text, find(text, ctx));
    }
    static std::vector<std::string> covered(const std::string& text, const FilterContext& ctx = {}) {
        std::vector<std::string> out;
        for (const PhiSpan& s : find(text, ctx)) out.push_back(text.substr(s.start, s.end - s.start));
        return out;
    }
    static FilterContext patient_ctx() {
        FilterContext ctx;
        ctx.patient.names = {"Maria Lopez"};
        ctx.patient.mrn = "12345678";
        ctx.patient.dob = "1958-03-05";
        ctx.allow = {"Dr. Rivera", "Sam Okafor"};
        return ctx;
    }

    static PhiFilter* filter_;
};

PhiFilter* SafeHarborFilterTest::filter_ = nullptr;

TEST_F(SafeHarborFilterTest, SmokeNameDateMrn) {
    EXPECT_EQ(redact("Maria Lopez (MRN 12345678) is in OR 7 with Dr. Rivera.", patient_ctx()),
              "[NAME] (MRN [MRN]) is in OR 7 with Dr. Rivera.");
}

}  // namespace
}  // namespace orlive
