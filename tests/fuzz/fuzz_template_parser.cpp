// Fuzzes the template loader: any bytes as a template file (the parser reads from disk, so the
// input is written to a per-process temp file), then renders every milestone of a template that
// loads, and the raw input as template text. The file is named after the input's "id" when it
// has a plain one, so real templates (the seeds) pass the id == file name check and load.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/compose/procedure_template.h"
#include "fuzz_check.h"

namespace {

namespace fs = std::filesystem;

const fs::path& temp_dir() {
    static const fs::path dir = [] {
        fs::path made = fs::temp_directory_path() / ("orlive-fuzz-template-" + std::to_string(getpid()));
        fs::create_directories(made);
        return made;
    }();
    return dir;
}

// The input's "id" when it is short lowercase letters, digits and hyphens; else "fuzz-case".
std::string file_stem_for(const std::string& input) {
    const auto root = nlohmann::json::parse(input, nullptr, /*allow_exceptions=*/false);
    if (root.is_object() && root.contains("id") && root["id"].is_string()) {
        const std::string id = root["id"].get<std::string>();
        if (!id.empty() && id.size() <= 64 && id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos)
            return id;
    }
    return "fuzz-case";
}

orlive::RenderValues render_values(const orlive::Milestone& milestone) {
    orlive::RenderValues values;
    values.procedure = "Laparoscopic cholecystectomy";
    values.elapsed = "1 h 05 min";
    values.time = "08:15";
    values.step = 3;
    values.total = 9;
    values.hashtags = {"SurgEd", "LapChole"};
    values.surgeon = "Dr. Rivera";
    for (const auto& field : milestone.fields) values.fields[field.id] = std::to_string(field.default_value);
    return values;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    const fs::path file = temp_dir() / (file_stem_for(input) + ".json");
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out << input;
    }
    std::vector<orlive::TemplateProblem> problems;
    const auto loaded = orlive::load_template_file(file, problems);
    fs::remove(file);
    FUZZ_CHECK(loaded.has_value() == problems.empty(), "a template loads exactly when it has no problems");
    for (const auto& problem : problems) (void)problem.describe();
    if (loaded) {
        FUZZ_CHECK(!loaded->milestones.empty(), "a loaded template has milestones");
        for (const auto& milestone : loaded->milestones) {
            // Validation accepted every placeholder, so rendering with all values set must work.
            auto text = orlive::render_template_text(milestone.text, render_values(milestone));
            FUZZ_CHECK(text.ok(), "a validated milestone renders");
        }
    }
    (void)orlive::render_template_text(input, render_values(orlive::Milestone{}));
    return 0;
}
