// orlivectl log verify | export | sign-off | find-span: the redaction log for compliance.
#include <iostream>

#include <nlohmann/json.hpp>

#include "core/redaction_log.h"
#include "core/time_format.h"
#include "orlivectl/commands.h"

namespace orlive::cli {

using nlohmann::json;

namespace {

std::string csv_field(const std::string& value) {
    if (value.find_first_of(",\"\n\r") == std::string::npos) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string id_text(const std::optional<std::int64_t>& id) { return id ? std::to_string(*id) : std::string(); }

int log_verify(Database& db) {
    auto report = verify_log(db, [](std::int64_t done) { std::cerr << "verified " << done << " entries...\n"; });
    if (!report) return fail(report.error().message);
    if (!report->intact) {
        std::cerr << "redaction log BROKEN: " << report->problem << "\n";
        return kExitError;
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
    auto report = verify_log(db);
    if (!report) return fail(report.error().message);
    if (format == "csv")
        std::cout << "seq,time,case_id,post_id,category,rule,action,start,end,span_hmac,detail,prev_hash,hash\n";
    query.limit = 10000;
    for (;;) {
        auto page = query_log(db, query);
        if (!page) return fail(page.error().message);
        for (const StoredLogEntry& stored : *page) {
            const LogEntry& e = stored.entry;
            if (format == "csv") {
                std::cout << stored.seq << "," << format_iso8601_utc(e.at) << "," << id_text(e.case_id) << ","
                          << id_text(e.post_id) << "," << e.category << "," << csv_field(e.rule) << "," << e.action
                          << "," << e.start << "," << e.end << "," << e.span_hmac << "," << csv_field(e.detail) << ","
                          << stored.prev_hash << "," << stored.hash << "\n";
            } else {
                std::cout << json{{"seq", stored.seq},       {"time", format_iso8601_utc(e.at)},
                                  {"case_id", e.case_id ? json(*e.case_id) : json(nullptr)},
                                  {"post_id", e.post_id ? json(*e.post_id) : json(nullptr)},
                                  {"category", e.category},  {"rule", e.rule},
                                  {"action", e.action},      {"start", e.start},
                                  {"end", e.end},            {"span_hmac", e.span_hmac},
                                  {"detail", e.detail},      {"prev_hash", stored.prev_hash},
                                  {"hash", stored.hash}}
                                 .dump()
                          << "\n";
            }
        }
        if (static_cast<int>(page->size()) < query.limit) break;
        query.after_seq = page->back().seq;
    }
    // The seal: anyone holding this export can later prove the log was not cut short.
    if (format == "csv") {
        std::cout << "# sealed head: entry " << report->head_seq << " " << report->head_hash << "; chain "
                  << (report->intact ? "intact" : "BROKEN: " + report->problem) << "\n";
    } else {
        std::cout << json{{"seal", {{"seq", report->head_seq}, {"hash", report->head_hash}, {"intact", report->intact},
                                    {"problem", report->problem}}}}
                         .dump()
                  << "\n";
    }
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
    auto unknown = args.unknown({"data-dir", "config", "format", "since", "until", "through", "by"});
    if (!unknown.empty()) return usage_error("log does not take " + unknown.front());
    const std::string sub = args.words().size() > 1 ? args.words()[1] : "";
    if (sub != "verify" && sub != "export" && sub != "sign-off" && sub != "find-span")
        return usage_error("log needs verify, export, sign-off or find-span");
    auto db = context.database();
    if (!db) return fail(db.error().message);
    if (sub == "verify") return log_verify(**db);
    if (sub == "export") return log_export(**db, args);
    if (sub == "sign-off") return log_sign_off(context, **db, args);
    return log_find_span(**db, args);
}

}  // namespace orlive::cli
