#include "core/compose/procedure_template.h"

#include <fstream>

#include "core/compose/template_catalog.h"
#include "test_support.h"

namespace orlive {
namespace {

using testing::TempDir;

std::filesystem::path write(const TempDir& dir, const std::string& name, const std::string& content) {
    auto file = dir.path() / name;
    std::ofstream(file) << content;
    return file;
}

TEST(ShippedTemplates, AllValidWithFiveProceduresAndAStatusSet) {
    std::vector<TemplateProblem> problems;
    TemplateCatalog catalog = TemplateCatalog::load(testing::source_assets() / "templates", problems);
    for (const auto& p : problems) ADD_FAILURE() << p.describe();
    EXPECT_GE(catalog.procedures().size(), 5u);
    ASSERT_NE(catalog.status_set(), nullptr);
    for (const char* id : {"lap-chole", "cabg", "tka", "robotic-partial-nephrectomy", "caesarean-section"}) {
        const ProcedureTemplate* tpl = catalog.find(id);
        ASSERT_NE(tpl, nullptr) << id;
        EXPECT_GE(tpl->milestones.size(), 7u) << id;
    }
}

TEST(ShippedTemplates, EveryMilestoneRendersWithoutLeftoverBraces) {
    std::vector<TemplateProblem> problems;
    TemplateCatalog catalog = TemplateCatalog::load(testing::source_assets() / "templates", problems);
    RenderValues values;
    values.procedure = "Laparoscopic cholecystectomy";
    values.elapsed = "1 h 05 min";
    values.time = "14:05";
    values.step = 3;
    values.total = 10;
    values.hashtags = {"SurgEd"};
    for (const ProcedureTemplate& tpl : catalog.all()) {
        for (const Milestone& m : tpl.milestones) {
            RenderValues with_fields = values;
            for (const TemplateField& f : m.fields) with_fields.fields[f.id] = std::to_string(f.default_value);
            auto text = render_template_text(m.text, with_fields);
            ASSERT_TRUE(text.ok()) << tpl.id << "/" << m.id << ": " << text.error().message;
            EXPECT_EQ(text->find('{'), std::string::npos) << *text;
            EXPECT_NE(text->find("#SurgEd"), std::string::npos) << tpl.id << "/" << m.id;
        }
    }
}

TEST(TemplateValidation, ReportsEveryProblemWithFileMilestoneAndReason) {
    TempDir dir;
    auto file = write(dir, "bad.json", R"({
      "id": "bad", "name": "Bad", "hashtags": ["#NoHash", "ok"],
      "milestones": [
        {"id": "a", "label": "A", "text": "Patient {patient_name} in {room}"},
        {"id": "a", "label": "", "text": "fine {hashtags}"},
        {"id": "b", "label": "This label is far too long to fit on any button", "text": "open {brace"}
      ]})");
    std::vector<TemplateProblem> problems;
    EXPECT_FALSE(load_template_file(file, problems).has_value());
    std::vector<std::string> described;
    for (const auto& p : problems) described.push_back(p.describe());
    auto has = [&](const std::string& needle) {
        for (const auto& d : described)
            if (d.find(needle) != std::string::npos) return true;
        return false;
    };
    EXPECT_TRUE(has("bad.json: hashtag \"#NoHash\""));
    EXPECT_TRUE(has("bad.json: milestone 'a': unknown placeholder {patient_name} (templates never carry patient details)"));
    EXPECT_TRUE(has("milestone 'a': unknown placeholder {room}"));
    EXPECT_TRUE(has("milestone 'a': duplicate milestone id"));
    EXPECT_TRUE(has("milestone 'a': \"label\" is missing or empty"));
    EXPECT_TRUE(has("milestone 'b': \"label\" is longer than"));
    EXPECT_TRUE(has("milestone 'b': unclosed '{'"));
}

TEST(TemplateValidation, RejectsBrokenJsonAndMismatchedId) {
    TempDir dir;
    std::vector<TemplateProblem> problems;
    EXPECT_FALSE(load_template_file(write(dir, "broken.json", "{\"id\": "), problems));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].reason.find("not valid JSON"), std::string::npos);
    problems.clear();
    EXPECT_FALSE(load_template_file(
        write(dir, "other.json", R"({"id":"x","name":"X","hashtags":[],"milestones":[{"id":"m","label":"M","text":"t"}]})"),
        problems));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].reason.find("must match the file name"), std::string::npos);
}

// Found by fuzz_template_parser: 1e999 threw past the parse_error handler, a string "step"
// threw from json::value(), and 2^32 + 20 minutes wrapped into range.
TEST(TemplateValidation, OutOfRangeAndMistypedNumbersAreProblemsNotCrashes) {
    TempDir dir;
    std::vector<TemplateProblem> problems;
    EXPECT_FALSE(load_template_file(write(dir, "huge.json", R"({"id": "huge", "update_minutes": 1e999})"), problems));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].reason.find("not valid JSON"), std::string::npos);

    problems.clear();
    EXPECT_FALSE(load_template_file(write(dir, "wrap.json", R"({"id":"wrap","name":"W","hashtags":[],
        "update_minutes": 4294967316, "milestones":[{"id":"m","label":"M","text":"t"}]})"), problems));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].reason.find("update_minutes"), std::string::npos);

    problems.clear();
    EXPECT_FALSE(load_template_file(write(dir, "status.json", R"({"id":"status","name":"S","kind":"status",
        "hashtags":[],"milestones":[{"id":"beds","label":"Beds","text":"{beds} beds",
        "fields":[{"id":"beds","label":"Beds","min":0,"max":99,"step":"one"}]}]})"), problems));
    ASSERT_FALSE(problems.empty());
    EXPECT_NE(problems[0].reason.find("integer \"step\"/\"default\""), std::string::npos);
}

TEST(ShippedTemplates, EveryProcedureOffersAnswersToFollowers) {
    std::vector<TemplateProblem> problems;
    TemplateCatalog catalog = TemplateCatalog::load(testing::source_assets() / "templates", problems);
    for (const ProcedureTemplate* tpl : catalog.procedures()) EXPECT_GE(tpl->answers.size(), 3u) << tpl->id;
}

TEST(TemplateValidation, AnswersMustBeAnArrayOfPhrases) {
    TempDir dir;
    const std::string milestones = R"("hashtags":[],"milestones":[{"id":"m","label":"M","text":"t"}])";
    std::vector<TemplateProblem> problems;
    auto good = load_template_file(
        write(dir, "good.json", R"({"id":"good","name":"G","answers":["About an hour.","Yes"],)" + milestones + "}"),
        problems);
    ASSERT_TRUE(good.has_value()) << (problems.empty() ? "" : problems[0].describe());
    EXPECT_EQ(good->answers, (std::vector<std::string>{"About an hour.", "Yes"}));

    EXPECT_FALSE(load_template_file(write(dir, "bad.json", R"({"id":"bad","name":"B","answers":["ok", 7, ""],)" +
                                                                milestones + "}"),
                                    problems));
    ASSERT_EQ(problems.size(), 2u);
    EXPECT_EQ(problems[0].describe(), "bad.json: every one of \"answers\" must be a non-empty string");
    problems.clear();
    EXPECT_FALSE(load_template_file(write(dir, "str.json", R"({"id":"str","name":"S","answers":"Yes",)" + milestones + "}"),
                                    problems));
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_NE(problems[0].reason.find("\"answers\" must be an array"), std::string::npos);
}

TEST(TemplateRendering, ExpandsEveryStandardPlaceholder) {
    RenderValues v;
    v.procedure = "TKA";
    v.elapsed = "25 min";
    v.time = "09:10";
    v.step = 2;
    v.total = 8;
    v.hashtags = {"SurgEd", "Ortho"};
    v.surgeon = "Dr. Rivera";
    v.hospital = "St Elsewhere";
    auto text = render_template_text("{procedure} {elapsed} {time} {step}/{total} {surgeon} {hospital} {hashtags}", v);
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(*text, "TKA 25 min 09:10 2/8 Dr. Rivera St Elsewhere #SurgEd #Ortho");
    EXPECT_FALSE(render_template_text("{nope}", v).ok());
}

TEST(TemplateCatalog, LeavesOutDuplicatesAndMissingDirectories) {
    TempDir dir;
    std::vector<TemplateProblem> problems;
    TemplateCatalog::load(dir.path() / "missing", problems);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems[0].reason, "template directory not found");
}

}  // namespace
}  // namespace orlive
