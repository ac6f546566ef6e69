#include "core/compose/template_catalog.h"

#include <algorithm>
#include <system_error>

namespace orlive {

namespace fs = std::filesystem;

TemplateCatalog TemplateCatalog::load(const fs::path& dir, std::vector<TemplateProblem>& problems) {
    TemplateCatalog catalog;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) {
        problems.push_back({dir.string(), "", "template directory not found"});
        return catalog;
    }
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        std::optional<ProcedureTemplate> tpl = load_template_file(file, problems);
        if (!tpl) continue;
        if (catalog.find(tpl->id)) {
            problems.push_back({file.filename().string(), "", "duplicate template id '" + tpl->id + "'"});
            continue;
        }
        catalog.templates_.push_back(std::move(*tpl));
    }
    return catalog;
}

const ProcedureTemplate* TemplateCatalog::find(std::string_view id) const {
    for (const ProcedureTemplate& tpl : templates_) {
        if (tpl.id == id) return &tpl;
    }
    return nullptr;
}

std::vector<const ProcedureTemplate*> TemplateCatalog::procedures() const {
    std::vector<const ProcedureTemplate*> out;
    for (const ProcedureTemplate& tpl : templates_) {
        if (tpl.kind == TemplateKind::Procedure) out.push_back(&tpl);
    }
    std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->name < b->name; });
    return out;
}

const ProcedureTemplate* TemplateCatalog::status_set() const {
    for (const ProcedureTemplate& tpl : templates_) {
        if (tpl.kind == TemplateKind::HospitalStatus) return &tpl;
    }
    return nullptr;
}

}  // namespace orlive
