// Valid UTF-8 or a clear refusal: the one validator, the settings file and template files
// (the pipeline and a case's details: post_pipeline_test.cpp).
#include <fstream>
#include <sstream>

#include "core/base/utf8.h"
#include "core/compose/procedure_template.h"
#include "core/compose/settings.h"
#include "test_support.h"

namespace orlive {
namespace {

TEST(Utf8, AcceptsEveryValidFormAndFindsTheFirstBadByte) {
    for (const char* ok : {"", "plain", "Jos\xc3\xa9 Mu\xc3\xb1oz", "Nguy\xe1\xbb\x85n", "\xf0\x9f\x91\xa9\xe2\x80\x8d\xe2\x9a\x95",
                           "\xf4\x8f\xbf\xbf", "\xed\x9f\xbf"}) {
        EXPECT_TRUE(is_valid_utf8(ok)) << ok;
    }
    EXPECT_EQ(first_invalid_utf8("All good \xf1 team"), 9u);       // a lead byte with no continuation
    EXPECT_EQ(first_invalid_utf8("ab\xc0\xaf"), 2u);                // overlong '/'
    EXPECT_EQ(first_invalid_utf8("\xe0\x80\xaf"), 0u);              // overlong, three bytes
    EXPECT_EQ(first_invalid_utf8("x\xed\xa0\x80"), 1u);             // a UTF-16 surrogate
    EXPECT_EQ(first_invalid_utf8("\xf4\x90\x80\x80"), 0u);          // past U+10FFFF
    EXPECT_EQ(first_invalid_utf8("caf\xc3"), 3u);                   // cut mid-character
    EXPECT_EQ(first_invalid_utf8("\x80"), 0u);                      // a lone continuation byte
    EXPECT_EQ(first_invalid_utf8("\xff"), 0u);
    const Status refused = require_utf8("All good \xf1 team", "the text");
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().message.rfind("the text is not valid UTF-8 text (byte 10)", 0), 0u);
}

TEST(Utf8, RepairAndPrefixAlwaysGiveValidText) {
    EXPECT_EQ(repair_utf8("a\xf1z"), "a\xef\xbf\xbdz");
    std::string euros;
    for (int i = 0; i < 10; ++i) euros += "\xe2\x82\xac";
    for (std::size_t cut = 0; cut <= euros.size(); ++cut) {
        const std::string prefix = utf8_prefix(euros, cut);
        EXPECT_TRUE(is_valid_utf8(prefix)) << cut;
        EXPECT_LE(prefix.size(), cut);
        EXPECT_EQ(prefix.size() % 3, 0u);
    }
}

TEST(Utf8Files, ASettingsFileThatIsNotUtf8IsRefusedNamingTheByte) {
    testing::TempDir dir;
    const auto file = dir.path() / "config.json";
    std::ofstream(file) << "{\"hospital_name\": \"Riverside \xf1 General\"}";
    auto loaded = load_settings(file, false);
    ASSERT_FALSE(loaded.ok());
    EXPECT_NE(loaded.error().message.find("is not valid UTF-8 text (byte 30)"), std::string::npos)
        << loaded.error().message;
    Settings bad;
    bad.hospital_name = "Riverside \xf1";
    EXPECT_FALSE(save_settings(bad, dir.path() / "saved.json").ok());  // refused, not thrown
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "saved.json"));
}

TEST(Utf8Files, ATemplateFileThatIsNotUtf8IsAProblemNotACrash) {
    testing::TempDir dir;
    std::ifstream in(testing::source_assets() / "templates" / "lap-chole.json");
    std::stringstream original;
    original << in.rdbuf();
    std::string text = original.str();
    text.insert(text.find("\"name\"") + 9, "\xf1");
    const auto file = dir.path() / "lap-chole.json";
    std::ofstream(file) << text;
    std::vector<TemplateProblem> problems;
    EXPECT_FALSE(load_template_file(file, problems).has_value());
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].reason.find("not valid UTF-8"), std::string::npos) << problems[0].describe();
}

}  // namespace
}  // namespace orlive
