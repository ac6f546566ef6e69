#include "core/audit/log_export.h"

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/base/time_format.h"

namespace orlive {

using nlohmann::json;

namespace {

// A text cell a spreadsheet would run as a formula (=, +, -, @, or a leading tab or CR that
// some of them skip before looking) gets a leading apostrophe: shown as text, never evaluated.
// Numbers are written as numbers and never pass through here.
std::string csv_field(const std::string& value) {
    const bool formula_like = !value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos;
    const std::string cell = formula_like ? "'" + value : value;
    if (cell.find_first_of(",\"\n\r") == std::string::npos) return cell;
    std::string out = "\"";
    for (char c : cell) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string id_text(const std::optional<std::int64_t>& id) { return id ? std::to_string(*id) : std::string(); }

void write_entry(const StoredLogEntry& stored, ExportFormat format, std::ostream& out) {
    const LogEntry& e = stored.entry;
    if (format == ExportFormat::Csv) {
        out << stored.seq << "," << format_iso8601_utc(e.at) << "," << id_text(e.case_id) << "," << id_text(e.post_id)
            << "," << csv_field(e.category) << "," << csv_field(e.rule) << "," << csv_field(e.action) << "," << e.start
            << "," << e.end << "," << csv_field(e.span_hmac) << "," << csv_field(e.detail) << ","
            << csv_field(stored.prev_hash) << "," << csv_field(stored.hash)
            << "\n";
        return;
    }
    out << json{{"seq", stored.seq},
                {"time", format_iso8601_utc(e.at)},
                {"case_id", e.case_id ? json(*e.case_id) : json(nullptr)},
                {"post_id", e.post_id ? json(*e.post_id) : json(nullptr)},
                {"category", e.category},
                {"rule", e.rule},
                {"action", e.action},
                {"start", e.start},
                {"end", e.end},
                {"span_hmac", e.span_hmac},
                {"detail", e.detail},
                {"prev_hash", stored.prev_hash},
                {"hash", stored.hash}}
               .dump(-1, ' ', false, json::error_handler_t::replace)
        << "\n";
}

}  // namespace

Result<VerifyReport> write_log_export(Database& db, LogQuery query, ExportFormat format, std::ostream& out) {
    auto report = verify_log(db);
    if (!report) return report.error();
    if (format == ExportFormat::Csv)
        out << "seq,time,case_id,post_id,category,rule,action,start,end,span_hmac,detail,prev_hash,hash\n";
    query.newest_first = false;
    if (query.limit <= 0) query.limit = 10000;
    for (;;) {
        auto page = query_log(db, query);
        if (!page) return page.error();
        for (const StoredLogEntry& stored : *page) write_entry(stored, format, out);
        if (static_cast<int>(page->size()) < query.limit) break;
        query.after_seq = page->back().seq;
    }
    if (format == ExportFormat::Csv) {
        out << "# sealed head: entry " << report->head_seq << " " << report->head_hash << "; chain "
            << (report->intact ? "intact" : "BROKEN: " + report->problem) << "\n";
    } else {
        out << json{{"seal",
                     {{"seq", report->head_seq},
                      {"hash", report->head_hash},
                      {"intact", report->intact},
                      {"problem", report->problem}}}}
                   .dump(-1, ' ', false, json::error_handler_t::replace)
            << "\n";
    }
    if (!out) return make_error("the export could not be written completely (disk full?)");
    return report;
}

}  // namespace orlive
