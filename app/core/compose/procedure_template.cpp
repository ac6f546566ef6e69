// Procedure templates: loading and validating a file, rendering a milestone's text.
// [SECTION] Small checks: slugs, hashtag words, placeholders
// [SECTION] Loading one file: header, milestones (notes, fields, placeholders)
// [SECTION] Rendering a template text
#include "core/compose/procedure_template.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/base/json_int.h"
#include "core/base/utf8.h"

namespace orlive {

namespace fs = std::filesystem;
using nlohmann::json;

// ==== [SECTION] Small checks ===============================================================

namespace {

constexpr std::size_t kMaxLabelBytes = 32;
constexpr std::size_t kMaxTextBytes = 400;

bool is_slug(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
}

bool is_hashtag_word(std::string_view tag) {
    if (tag.empty() || tag.front() == '#') return false;
    return std::none_of(tag.begin(), tag.end(), [](char c) {
        return c == ' ' || c == '#' || c == '\t' || c == ',';
    });
}

// Placeholder names in order of appearance; reports unbalanced braces.
std::vector<std::string> placeholders_in(std::string_view text, std::string& brace_problem) {
    std::vector<std::string> names;
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '}') {
            brace_problem = "unmatched '}' at byte " + std::to_string(i);
            return names;
        }
        if (text[i] != '{') {
            ++i;
            continue;
        }
        std::size_t close = text.find_first_of("{}", i + 1);
        if (close == std::string_view::npos || text[close] == '{') {
            brace_problem = "unclosed '{' at byte " + std::to_string(i);
            return names;
        }
        names.emplace_back(text.substr(i + 1, close - i - 1));
        i = close + 1;
    }
    return names;
}

std::string string_field(const json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

const std::vector<std::string>& standard_placeholders() {
    static const std::vector<std::string> names = {"procedure", "elapsed",  "time",    "step",
                                                   "total",     "hashtags", "surgeon", "hospital"};
    return names;
}

std::string TemplateProblem::describe() const {
    std::string out = file;
    if (!milestone.empty()) out += ": milestone '" + milestone + "'";
    out += ": " + reason;
    return out;
}

const Milestone* ProcedureTemplate::find_milestone(std::string_view milestone_id) const {
    for (const Milestone& milestone : milestones) {
        if (milestone.id == milestone_id) return &milestone;
    }
    return nullptr;
}

int ProcedureTemplate::step_of(std::string_view milestone_id) const {
    for (std::size_t i = 0; i < milestones.size(); ++i) {
        if (milestones[i].id == milestone_id) return static_cast<int>(i) + 1;
    }
    return 0;
}

// ==== [SECTION] Loading one file ===========================================================

namespace {

// Collects one file's problems, each naming the milestone it concerns ("" for the file).
struct ProblemList {
    std::string file_name;
    std::vector<TemplateProblem>& out;
    void operator()(std::string milestone, std::string reason) const {
        out.push_back({file_name, std::move(milestone), std::move(reason)});
    }
};

std::optional<json> read_json_object(const fs::path& file, const ProblemList& problem) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        problem("", "cannot be read");
        return std::nullopt;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    // Checked before parsing so the problem names the byte, not the JSON parser's state.
    if (auto utf8 = require_utf8(text, "the file"); !utf8) {
        problem("", utf8.error().message);
        return std::nullopt;
    }
    json root;
    try {
        root = json::parse(text);
    } catch (const json::exception& e) {  // parse_error, and out_of_range for numbers like 1e999
        problem("", std::string("is not valid JSON: ") + e.what());
        return std::nullopt;
    }
    if (!root.is_object()) {
        problem("", "must be a JSON object");
        return std::nullopt;
    }
    return root;
}

// id, name, kind, specialty, update_minutes and hashtags: everything but the milestones.
void read_template_header(const json& root, const fs::path& file, ProcedureTemplate& tpl, const ProblemList& problem) {
    tpl.file = file;
    tpl.id = string_field(root, "id");
    tpl.name = string_field(root, "name");
    tpl.specialty = string_field(root, "specialty");
    if (!is_slug(tpl.id)) problem("", "\"id\" must be lowercase letters, digits and hyphens");
    else if (tpl.id != file.stem().string()) problem("", "\"id\" '" + tpl.id + "' must match the file name");
    if (tpl.name.empty()) problem("", "\"name\" is missing or empty");

    const std::string kind = root.contains("kind") ? string_field(root, "kind") : "procedure";
    if (kind == "procedure") tpl.kind = TemplateKind::Procedure;
    else if (kind == "status") tpl.kind = TemplateKind::HospitalStatus;
    else problem("", "\"kind\" must be \"procedure\" or \"status\"");

    if (root.contains("update_minutes")) {
        const std::optional<int> minutes = json_int(root["update_minutes"]);
        if (!minutes || *minutes < 1 || *minutes > 240) {
            problem("", "\"update_minutes\" must be a whole number from 1 to 240");
        } else {
            tpl.update_minutes = *minutes;
        }
    }

    if (!root.contains("hashtags") || !root["hashtags"].is_array()) {
        problem("", "\"hashtags\" must be an array of words without '#'");
        return;
    }
    for (const json& tag : root["hashtags"]) {
        if (!tag.is_string() || !is_hashtag_word(tag.get<std::string>())) {
            problem("", "hashtag " + tag.dump() + " must be one word without '#'");
        } else {
            tpl.hashtags.push_back(tag.get<std::string>());
        }
    }
}

// Pre-approved phrases: a milestone's "notes", a procedure's "answers" to followers.
void read_phrases(const json& entry, const char* key, const std::string& where, std::vector<std::string>& phrases,
                  const ProblemList& problem) {
    if (!entry.contains(key)) return;
    const std::string quoted = std::string("\"") + key + "\"";
    if (!entry[key].is_array()) {
        problem(where, quoted + " must be an array of phrases");
        return;
    }
    for (const json& phrase : entry[key]) {
        if (!phrase.is_string() || phrase.get<std::string>().empty())
            problem(where, "every one of " + quoted + " must be a non-empty string");
        else if (phrase.get<std::string>().size() > kMaxTextBytes)
            problem(where, "one of " + quoted + " is longer than " + std::to_string(kMaxTextBytes) + " bytes");
        else
            phrases.push_back(phrase.get<std::string>());
    }
}

// A status milestone's number fields; each field's id becomes an allowed placeholder.
void read_fields(const json& entry, const std::string& where, TemplateKind kind, Milestone& milestone,
                 std::set<std::string>& allowed, const ProblemList& problem) {
    if (!entry.contains("fields")) return;
    if (kind != TemplateKind::HospitalStatus) problem(where, "\"fields\" are only for status templates");
    if (!entry["fields"].is_array()) {
        problem(where, "\"fields\" must be an array");
        return;
    }
    for (const json& f : entry["fields"]) {
        // json_int, not value()/get<int>(): a string "step" would throw and a huge number
        // would wrap into range.
        const auto number = [&](const char* key) {
            return f.is_object() && f.contains(key) ? json_int(f[key]) : std::nullopt;
        };
        const std::optional<int> min = number("min"), max = number("max");
        if (!f.is_object() || !is_slug(string_field(f, "id")) || !min || !max ||
            (f.contains("step") && !number("step")) || (f.contains("default") && !number("default"))) {
            problem(where, "each field needs an \"id\", a \"label\", integer \"min\"/\"max\" and, if given, integer \"step\"/\"default\"");
            continue;
        }
        TemplateField field;
        field.id = string_field(f, "id");
        field.label = string_field(f, "label");
        field.min = *min;
        field.max = *max;
        field.step = number("step").value_or(1);
        field.default_value = number("default").value_or(field.min);
        if (field.min > field.max || field.default_value < field.min || field.default_value > field.max ||
            field.step < 1)
            problem(where, "field '" + field.id + "' needs min <= default <= max and step >= 1");
        allowed.insert(field.id);
        milestone.fields.push_back(field);
    }
}

void check_placeholders(const Milestone& milestone, const std::string& where, const std::set<std::string>& allowed,
                        const ProblemList& problem) {
    std::string brace_problem;
    for (const std::string& name : placeholders_in(milestone.text, brace_problem)) {
        if (!allowed.count(name)) {
            problem(where, "unknown placeholder {" + name + "}" +
                               (name.find("patient") != std::string::npos ? " (templates never carry patient details)"
                                                                          : ""));
        }
    }
    if (!brace_problem.empty()) problem(where, brace_problem);
}

// One entry of "milestones"; `where` names it in problems ("#N" until its id is known).
std::optional<Milestone> read_milestone(const json& entry, std::string where, TemplateKind kind,
                                        std::set<std::string>& seen_ids, const ProblemList& problem) {
    if (!entry.is_object()) {
        problem(where, "must be an object with id, label and text");
        return std::nullopt;
    }
    Milestone milestone;
    milestone.id = string_field(entry, "id");
    milestone.label = string_field(entry, "label");
    milestone.text = string_field(entry, "text");
    if (!milestone.id.empty()) where = milestone.id;
    if (!is_slug(milestone.id)) problem(where, "\"id\" must be lowercase letters, digits and hyphens");
    else if (!seen_ids.insert(milestone.id).second) problem(where, "duplicate milestone id");
    if (milestone.label.empty()) problem(where, "\"label\" is missing or empty");
    else if (milestone.label.size() > kMaxLabelBytes)
        problem(where, "\"label\" is longer than " + std::to_string(kMaxLabelBytes) + " bytes; it must fit a button");
    if (milestone.text.empty()) problem(where, "\"text\" is missing or empty");
    else if (milestone.text.size() > kMaxTextBytes)
        problem(where, "\"text\" is longer than " + std::to_string(kMaxTextBytes) + " bytes");

    read_phrases(entry, "notes", where, milestone.notes, problem);
    std::set<std::string> allowed(standard_placeholders().begin(), standard_placeholders().end());
    read_fields(entry, where, kind, milestone, allowed, problem);
    check_placeholders(milestone, where, allowed, problem);
    return milestone;
}

}  // namespace

std::optional<ProcedureTemplate> load_template_file(const fs::path& file,
                                                    std::vector<TemplateProblem>& problems) {
    const std::size_t problems_before = problems.size();
    const ProblemList problem{file.filename().string(), problems};
    std::optional<json> root = read_json_object(file, problem);
    if (!root) return std::nullopt;

    ProcedureTemplate tpl;
    read_template_header(*root, file, tpl, problem);
    read_phrases(*root, "answers", "", tpl.answers, problem);
    if (!root->contains("milestones") || !(*root)["milestones"].is_array() || (*root)["milestones"].empty()) {
        problem("", "\"milestones\" must be a non-empty array");
        return std::nullopt;
    }
    std::set<std::string> seen_ids;
    int index = 0;
    for (const json& entry : (*root)["milestones"]) {
        ++index;
        auto milestone = read_milestone(entry, "#" + std::to_string(index), tpl.kind, seen_ids, problem);
        if (milestone) tpl.milestones.push_back(std::move(*milestone));
    }
    if (problems.size() != problems_before) return std::nullopt;
    return tpl;
}

// ==== [SECTION] Rendering a template text ===================================================

Result<std::string> render_template_text(std::string_view text, const RenderValues& values) {
    std::string out;
    out.reserve(text.size() + 64);
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] != '{') {
            out.push_back(text[i++]);
            continue;
        }
        std::size_t close = text.find('}', i + 1);
        if (close == std::string_view::npos) return make_error("template text has an unclosed '{'");
        std::string name(text.substr(i + 1, close - i - 1));
        if (name == "procedure") out += values.procedure;
        else if (name == "elapsed") out += values.elapsed;
        else if (name == "time") out += values.time;
        else if (name == "step") out += std::to_string(values.step);
        else if (name == "total") out += std::to_string(values.total);
        else if (name == "hashtags") out += join_hashtags(values.hashtags);
        else if (name == "surgeon") out += values.surgeon.empty() ? "the surgical team" : values.surgeon;
        else if (name == "hospital") out += values.hospital.empty() ? "our hospital" : values.hospital;
        else if (auto it = values.fields.find(name); it != values.fields.end()) out += it->second;
        else return make_error("no value for placeholder {" + name + "}");
        i = close + 1;
    }
    // A placeholder that expands to nothing ({hashtags} with no tags) must not leave a dangling space.
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::string join_hashtags(const std::vector<std::string>& tags) {
    std::string out;
    for (const std::string& tag : tags) {
        if (!out.empty()) out += ' ';
        out += '#';
        out += tag;
    }
    return out;
}

}  // namespace orlive
