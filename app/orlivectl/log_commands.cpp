// orlivectl log verify | export | sign-off | find-span: the redaction log for compliance.
#include <iostream>

#include "core/audit/audit_witness.h"
#include "core/audit/log_export.h"
#include "core/audit/redaction_log.h"
#include "core/base/time_format.h"
#include "orlivectl/commands.h"

namespace orlive::cli {

namespace {

std::string id_text(const std::optional<std::int64_t>& id) { return id ? std::to_string(*id) : std::string(); }

int log_verify(Database& db, const Args& args) {
    auto report = verify_log(db, [](std::int64_t done) { std::cerr << "verified " << done << " entries...\n"; });
    if (!report) return fail(report.error().message);
    if (!report->intact) {
        std::cerr << "redaction log BROKEN: " << report->problem << "\n";
        return kExitError;
    }
    if (auto witness_file = args.get("witness")) {
        auto witnessed = check_witness(db, *witness_file);
        if (!witnessed) return fail(witnessed.error().message);
        if (!witnessed->intact) {
            std::cerr << "redaction log BROKEN: " << witnessed->problem << "\n";
            return kExitError;
        }
        std::cout << "witness " << *witness_file << ": all " << witnessed->lines << " entries it recorded are in the log\n";
    }
    std::cout << "redaction log intact: " << report->entries << " entries";
    if (report->entries > 0) std::cout << ", head entry " << report->head_seq << " " << report->head_hash;
    std::cout << "\n";
    return kExitOk;
}

int log_export(Database& db, const Args& args) {
    const std::string format = args.get("format").value_or("");
    if (format != "csv" && format != "jsonl") return usage_error("log export needs --format csv or --format jsonl");
    LogQuery query;
    for (const char* bound : {"since", "until"}) {
        if (auto text = args.get(bound)) {
            auto at = parse_iso8601(*text);
            if (!at) return usage_error(std::string("--") + bound + " must be an ISO-8601 time, e.g. 2026-11-25T08:00:00Z");
            (std::string(bound) == "since" ? query.since : query.until) = at;
        }
    }
    auto report = write_log_export(db, query, format == "csv" ? ExportFormat::Csv : ExportFormat::JsonLines, std::cout);
    if (!report) return fail(report.error().message);
    if (!report->intact) std::cerr << "redaction log BROKEN: " << report->problem << "\n";
    return report->intact ? kExitOk : kExitError;
}

int log_sign_off(CommandContext& context, Database& db, const Args& args) {
    auto through = args.get("through");
    if (!through) return usage_error("log sign-off needs --through SEQ (the last entry reviewed)");
    std::int64_t last = 0;
    try {
        last = std::stoll(*through);
    } catch (const std::exception&) {
        return usage_error("--through must be an entry number");
    }
    LogEntry entry;
    entry.at = context.clock().now_ms();
    entry.action = log_action::kSignOff;
    entry.detail = "entries 1-" + std::to_string(last) + " reviewed" +
                   (args.has("by") ? " by " + *args.get("by") : std::string());
    auto appended = append_log(db, {entry});
    if (!appended) return fail(appended.error().message);
    std::cout << "signed off entries 1-" << last << "\n";
    return kExitOk;
}

// "Was this exact string caught?" without the log holding it: compare fingerprints.
int log_find_span(Database& db, const Args& args) {
    if (args.words().size() != 3) return usage_error("log find-span needs the exact TEXT to look for");
    const std::string fingerprint = db.device_key().hmac_hex(args.words()[2]);
    LogQuery query;
    query.limit = 10000;
    int found = 0;
    for (;;) {
        auto page = query_log(db, query);
        if (!page) return fail(page.error().message);
        for (const StoredLogEntry& stored : *page) {
            if (stored.entry.span_hmac != fingerprint) continue;
            ++found;
            std::cout << "entry " << stored.seq << ": " << stored.entry.action << " " << stored.entry.category
                      << " in post " << id_text(stored.entry.post_id) << " at " << format_iso8601_utc(stored.entry.at)
                      << "\n";
        }
        if (static_cast<int>(page->size()) < query.limit) break;
        query.after_seq = page->back().seq;
    }
    if (found == 0) std::cout << "not in the log\n";
    return kExitOk;
}

}  // namespace

int run_log(CommandContext& context, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config", "format", "since", "until", "through", "by", "witness"});
    if (!unknown.empty()) return usage_error("log does not take " + unknown.front());
    const std::string sub = args.words().size() > 1 ? args.words()[1] : "";
    if (sub != "verify" && sub != "export" && sub != "sign-off" && sub != "find-span")
        return usage_error("log needs verify, export, sign-off or find-span");
    auto db = context.database();
    if (!db) return fail(db.error().message);
    if (sub == "verify") return log_verify(**db, args);
    if (sub == "export") return log_export(**db, args);
    // Sign-off and find-span speak for (or probe) what was redacted: behind the compliance PIN.
    if (auto allowed = context.require_compliance_pin(); !allowed) return fail(allowed.error().message);
    if (sub == "sign-off") return log_sign_off(context, **db, args);
    return log_find_span(**db, args);
}

}  // namespace orlive::cli
