// TemplateCatalog: every procedure and status template found in a directory, keyed by id.
// Loaded once at start; read-only afterwards, so safe to share between threads.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "core/compose/procedure_template.h"

namespace orlive {

class TemplateCatalog {
public:
    // Loads every *.json in `dir` (sorted by file name). Files with problems are left out and
    // their problems reported; a duplicate id is a problem of the later file.
    static TemplateCatalog load(const std::filesystem::path& dir, std::vector<TemplateProblem>& problems);

    const ProcedureTemplate* find(std::string_view id) const;
    const std::vector<ProcedureTemplate>& all() const { return templates_; }
    std::vector<const ProcedureTemplate*> procedures() const;  // kind == Procedure, by name
    const ProcedureTemplate* status_set() const;                // the first kind == Status

private:
    std::vector<ProcedureTemplate> templates_;
};

}  // namespace orlive
