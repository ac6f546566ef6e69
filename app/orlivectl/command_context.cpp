#include "orlivectl/command_context.h"

#include <iostream>

#include "core/audit/pin_lock.h"
#include "core/audit/redaction_log.h"
#include "core/store/case_store.h"
#include "core/store/retention.h"

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
        if (auto purged = purge_expired_case_data(*db_, clock_.now_ms()); !purged)
            std::cerr << "orlivectl: warning: " << purged.error().message << "\n";
    }
    return db_.get();
}

Result<const Settings*> CommandContext::settings() {
    if (!settings_) {
        auto loaded = load_settings(config_file_, !config_explicit_);
        if (!loaded) return loaded.error();
        settings_ = std::make_unique<Settings>(std::move(loaded.value()));
        for (const std::string& note : settings_->migration_notes) std::cerr << "orlivectl: " << note << "\n";
    }
    return settings_.get();
}

Result<const Settings*> CommandContext::credentials() {
    auto loaded = settings();
    if (!loaded || (*loaded)->secrets_readable) return loaded;
    return make_error("this user may not read the secrets file " +
                      secrets_file_path(**loaded, config_file_).string() +
                      ", so it holds no account credentials; deliver and test as the user of the orlive-sync "
                      "service (sudo -u orlive-sync orlivectl ...), which the package lets read it");
}

Status CommandContext::require_compliance_pin() {
    auto loaded = settings();
    if (!loaded) return loaded.error();
    auto db = database();
    if (!db) return db.error();
    if ((*loaded)->compliance_pin_secret().empty())
        return make_error("no compliance PIN is set; set one with: orlivectl pin set compliance");
    std::string pin;
    std::getline(std::cin, pin);
    if (!pin.empty() && pin.back() == '\r') pin.pop_back();
    PinLock lock((*loaded)->compliance_pin_secret(), *db, "compliance");
    const bool was_locked_out = lock.locked_until() > clock_.now_ms();
    Status checked = lock.check(pin, clock_.now_ms());
    if (!checked && !was_locked_out) {
        LogEntry entry;
        entry.at = clock_.now_ms();
        entry.action = log_action::kPinFailed;
        entry.detail = "wrong compliance PIN (orlivectl)";
        (void)append_log(**db, {entry});
    }
    if (!checked) return make_error("compliance PIN (on stdin): " + checked.error().message);
    return Ok{};
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
