#include "orlivectl/command_context.h"

#include <iostream>

#include "core/store/case_store.h"
#include "core/store/data_paths.h"

namespace orlive::cli {

CommandContext::CommandContext(const Args& args)
    : data_dir_(args.get("data-dir").value_or(default_data_dir().string())),
      config_file_(args.get("config").value_or(default_config_file().string())),
      config_explicit_(args.has("config")) {}

Result<Database*> CommandContext::database() {
    if (!db_) {
        auto opened = Database::open_in(data_dir_);
        if (!opened) return opened.error();
        db_ = std::move(opened.value());
        // Retention runs wherever the database is opened: patient details of a case that ended
        // over 24 h ago are erased even when the kiosk app is not running.
        // A busy database must not stop the command itself (a withdrawal above all); the next
        // open or the app's tick erases them.
        if (auto purged = purge_expired_patient_details(*db_, clock_.now_ms()); !purged)
            std::cerr << "orlivectl: warning: " << purged.error().message << "\n";
    }
    return db_.get();
}

Result<const Settings*> CommandContext::settings() {
    if (!settings_) {
        auto loaded = load_settings(config_file_, !config_explicit_);
        if (!loaded) return loaded.error();
        settings_ = std::make_unique<Settings>(std::move(loaded.value()));
    }
    return settings_.get();
}

Result<const TemplateCatalog*> CommandContext::catalog() {
    if (!catalog_) {
        std::vector<TemplateProblem> problems;
        auto loaded = TemplateCatalog::load(assets_dir() / "templates", problems);
        for (const TemplateProblem& problem : problems) {
            std::cerr << "warning: template " << problem.describe() << " (left out)\n";
        }
        catalog_ = std::make_unique<TemplateCatalog>(std::move(loaded));
    }
    return catalog_.get();
}

Result<const PhiFilter*> CommandContext::filter() {
    if (!filter_) {
        auto loaded = load_phi_filter(assets_dir());
        if (!loaded) return loaded.error();
        filter_ = std::move(loaded.value());
    }
    return filter_.get();
}

int fail(const std::string& message) {
    std::cerr << "orlivectl: " << message << "\n";
    return kExitError;
}

int usage_error(const std::string& message) {
    std::cerr << "orlivectl: " << message << " (see orlivectl --help)\n";
    return kExitUsage;
}

}  // namespace orlive::cli
