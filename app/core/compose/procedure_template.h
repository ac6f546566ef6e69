// Procedure templates (assets/templates/*.json, README, "The contract": "Templates"): parsing, validation
// and placeholder rendering. Pure data; safe to share read-only between threads.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/result.h"

namespace orlive {

// A number a coordinator picks for a status update ("beds available").
struct TemplateField {
    std::string id;
    std::string label;
    int min = 0;
    int max = 0;
    int step = 1;
    int default_value = 0;
};

struct Milestone {
    std::string id;
    std::string label;                 // short: it goes on a button
    std::string text;                  // the post, with {placeholders}
    std::vector<std::string> notes;    // pre-approved phrases a coordinator may append
    std::vector<TemplateField> fields; // status templates only
};

enum class TemplateKind { Procedure, HospitalStatus };

struct ProcedureTemplate {
    std::string id;
    std::string name;
    TemplateKind kind = TemplateKind::Procedure;
    std::string specialty;
    int update_minutes = 30;           // overdue-update reminder cadence
    std::vector<std::string> hashtags; // without '#'
    std::vector<Milestone> milestones;
    std::vector<std::string> answers;  // pre-approved answers to followers' questions
    std::filesystem::path file;

    const Milestone* find_milestone(std::string_view milestone_id) const;
    // 1-based position in procedure order, 0 when unknown.
    int step_of(std::string_view milestone_id) const;
};

struct TemplateProblem {
    std::string file;
    std::string milestone;  // empty when the problem is with the file as a whole
    std::string reason;

    std::string describe() const;  // "lap-chole.json: milestone 'incision': unknown placeholder {foo}"
};

// Parses and validates one file. Problems are appended; the template is returned when it is
// usable (no problems at all).
std::optional<ProcedureTemplate> load_template_file(const std::filesystem::path& file,
                                                    std::vector<TemplateProblem>& problems);

// The values a template's placeholders expand to.
struct RenderValues {
    std::string procedure;
    std::string elapsed;
    std::string time;
    int step = 0;
    int total = 0;
    std::vector<std::string> hashtags;  // without '#'
    std::string surgeon;
    std::string hospital;
    std::map<std::string, std::string> fields;  // status template numbers
};

// Expands {placeholders}. Fails, naming it, on an unknown or unset placeholder.
Result<std::string> render_template_text(std::string_view text, const RenderValues& values);

// The placeholders every template may use; status templates add their declared fields.
const std::vector<std::string>& standard_placeholders();

std::string join_hashtags(const std::vector<std::string>& tags);  // "#SurgEd #LapChole"

}  // namespace orlive
