#include <iostream>

#include "core/store/data_paths.h"
#include "core/compose/template_catalog.h"
#include "orlivectl/commands.h"

namespace orlive::cli {

namespace {
void print_problems(const std::vector<TemplateProblem>& problems) {
    for (const TemplateProblem& problem : problems) std::cerr << problem.describe() << "\n";
}
}  // namespace

int run_templates(CommandContext&, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config"});
    if (!unknown.empty()) return usage_error("templates does not take " + unknown.front());
    const std::string sub = args.words().size() > 1 ? args.words()[1] : "";
    std::vector<TemplateProblem> problems;
    if (sub == "list") {
        TemplateCatalog catalog = TemplateCatalog::load(assets_dir() / "templates", problems);
        for (const ProcedureTemplate& tpl : catalog.all()) {
            std::cout << tpl.id << "\t" << tpl.name << "\t"
                      << (tpl.kind == TemplateKind::HospitalStatus ? "status" : "procedure") << "\t" << tpl.milestones.size()
                      << " milestones\n";
        }
        print_problems(problems);
        return problems.empty() ? kExitOk : kExitError;
    }
    if (sub == "validate") {
        if (args.words().size() != 3) return usage_error("templates validate needs one FILE");
        auto tpl = load_template_file(args.words()[2], problems);
        print_problems(problems);
        if (!tpl) return kExitError;
        std::cout << args.words()[2] << ": ok, " << tpl->milestones.size() << " milestones\n";
        return kExitOk;
    }
    return usage_error("templates needs list or validate FILE");
}

}  // namespace orlive::cli
