#include "core/audit/compliance_desk.h"

#include <fstream>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/audit/log_export.h"
#include "core/base/time_format.h"

namespace orlive {

namespace {

TimeMs start_of_local_day(TimeMs now) {
    std::time_t seconds = static_cast<std::time_t>(now / 1000);
    std::tm parts{};
    localtime_r(&seconds, &parts);
    parts.tm_hour = parts.tm_min = parts.tm_sec = 0;
    return static_cast<TimeMs>(std::mktime(&parts)) * 1000;
}

}  // namespace

ComplianceDesk::ComplianceDesk(Database& db, std::string pin, const Clock& clock)
    : db_(db), pin_(std::move(pin), &db, "compliance"), clock_(clock) {
    state_.pin_configured = pin_.configured();
}

Status ComplianceDesk::unlock(const std::string& pin) {
    const TimeMs now = clock_.now_ms();
    if (!pin_.configured()) return make_error("No compliance PIN is set: IT sets it with: orlivectl pin set compliance");
    // Who looked at the log, and every wrong PIN, is itself part of the audit trail.
    auto audit = [&](const char* action, std::string detail) {
        LogEntry entry;
        entry.at = now;
        entry.action = action;
        entry.detail = std::move(detail);
        (void)append_log(db_, {entry});
    };
    const bool was_locked_out = pin_.locked_until() > now;
    Status checked = pin_.check(pin, now);
    state_.failed_attempts = pin_.failed_attempts();
    state_.locked_until = pin_.locked_until();
    if (!checked) {
        if (!was_locked_out) audit(log_action::kPinFailed, "wrong compliance PIN");
        return checked;
    }
    state_.unlocked = true;
    touched_at_ = now;
    audit(log_action::kReviewOpened, "compliance screen unlocked");
    return verify();
}

void ComplianceDesk::set_pin(std::string pin) {
    pin_ = PinLock(std::move(pin), &db_, "compliance");
    state_.pin_configured = pin_.configured();
}

void ComplianceDesk::lock() {
    state_.unlocked = false;
    state_.rows.clear();
}

bool ComplianceDesk::lock_if_idle() {
    if (!state_.unlocked || clock_.now_ms() - touched_at_ < kIdleLockMs) return false;
    lock();
    return true;
}

void ComplianceDesk::set_filter(const LogFilter& filter) {
    state_.filter = filter;
    touched_at_ = clock_.now_ms();
}

Status ComplianceDesk::verify() {
    if (!state_.unlocked) return make_error("Unlock with the compliance PIN first");
    touched_at_ = clock_.now_ms();
    auto report = verify_log(db_);
    if (!report) return report.error();
    state_.verify = *report;
    state_.verified_at = clock_.now_ms();
    return Ok{};
}

Status ComplianceDesk::sign_off_through(std::int64_t seq) {
    if (!state_.unlocked) return make_error("Unlock with the compliance PIN first");
    touched_at_ = clock_.now_ms();
    LogEntry entry;
    entry.at = clock_.now_ms();
    entry.action = log_action::kSignOff;
    entry.detail = "entries 1-" + std::to_string(seq) + " reviewed on the compliance screen";
    return append_log(db_, {entry});
}

Result<std::string> ComplianceDesk::export_csv() {
    if (!state_.unlocked) return make_error("Unlock with the compliance PIN first");
    touched_at_ = clock_.now_ms();
    const std::filesystem::path dir = db_.data_dir() / "exports";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::string stamp = format_iso8601_utc(clock_.now_ms());
    for (char& c : stamp) {
        if (c == ':') c = '-';
    }
    const std::filesystem::path file = dir / ("redaction-log-" + stamp + ".csv");
    std::ofstream out(file, std::ios::trunc);
    if (!out) return make_error("cannot write " + file.string());
    auto report = write_log_export(db_, LogQuery{}, ExportFormat::Csv, out);
    if (!report) return report.error();
    state_.last_export = file.string();
    return file.string();
}

ComplianceView ComplianceDesk::view() {
    ComplianceView view = state_;
    if (!state_.unlocked) return view;
    const TimeMs now = clock_.now_ms();
    LogQuery query;
    query.newest_first = true;
    query.limit = kRowsShown;
    query.action = state_.filter.action;
    query.category = state_.filter.category;
    if (state_.filter.range == LogRange::Today) query.since = start_of_local_day(now);
    if (state_.filter.range == LogRange::Week) query.since = now - 7LL * 24 * 3600 * 1000;
    if (auto rows = query_log(db_, query)) {
        try {
            SQLite::Statement text(db_.sql(), "SELECT text FROM posts WHERE id = ?");
            for (StoredLogEntry& stored : *rows) {
                LogRow row{std::move(stored), ""};
                if (row.stored.entry.post_id) {
                    text.bind(1, *row.stored.entry.post_id);
                    if (text.executeStep()) row.post_text = text.getColumn(0).getString();
                    text.reset();
                }
                view.rows.push_back(std::move(row));
            }
            view.head_seq = db_.sql().execAndGet("SELECT coalesce(max(seq), 0) FROM redaction_log").getInt64();
            SQLite::Statement signed_off(db_.sql(),
                                         "SELECT detail FROM redaction_log WHERE action = 'sign-off' ORDER BY seq DESC LIMIT 1");
            if (signed_off.executeStep()) {
                const std::string detail = signed_off.getColumn(0).getString();
                auto dash = detail.find('-');
                if (dash != std::string::npos) view.last_signed_off = std::atoll(detail.c_str() + dash + 1);
            }
        } catch (const SQLite::Exception&) {
            // The view is best effort; verify() reports real damage.
        }
    }
    return view;
}

}  // namespace orlive
