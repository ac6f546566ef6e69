#include "core/audit/audit_witness.h"

#include <ctime>
#include <fstream>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <re2/re2.h>

#include "core/store/database.h"

namespace orlive {

Result<SyslogEndpoint> parse_syslog_endpoint(const std::string& url) {
    const Error bad = make_error("\"audit_syslog\" must be udp://HOST:PORT or tcp://HOST:PORT, got '" + url + "'");
    SyslogEndpoint endpoint;
    std::string rest;
    if (url.rfind("udp://", 0) == 0) {
        rest = url.substr(6);
    } else if (url.rfind("tcp://", 0) == 0) {
        endpoint.tcp = true;
        rest = url.substr(6);
    } else {
        return bad;
    }
    const std::size_t colon = rest.rfind(':');
    if (colon == std::string::npos || colon == 0) return bad;
    endpoint.host = rest.substr(0, colon);
    endpoint.port = rest.substr(colon + 1);
    if (endpoint.host.front() == '[') {
        if (endpoint.host.size() < 3 || endpoint.host.back() != ']') return bad;
        endpoint.host = endpoint.host.substr(1, endpoint.host.size() - 2);
    }
    if (endpoint.host.find_first_of("/ @?#[]") != std::string::npos) return bad;
    if (endpoint.port.empty() || endpoint.port.size() > 5 ||
        endpoint.port.find_first_not_of("0123456789") != std::string::npos)
        return bad;
    const int port = std::stoi(endpoint.port);
    if (port < 1 || port > 65535) return bad;
    return endpoint;
}

std::string witness_text(const StoredLogEntry& stored) {
    return "orlive-log seq=" + std::to_string(stored.seq) + " hash=" + stored.hash +
           " action=" + stored.entry.action + " category=" +
           (stored.entry.category.empty() ? std::string("-") : stored.entry.category);
}

namespace {

// RFC 5424 TIMESTAMP with milliseconds, UTC: 2026-11-25T14:05:09.123Z
std::string rfc3339_ms(TimeMs at) {
    const std::time_t seconds = static_cast<std::time_t>(at / 1000);
    std::tm utc{};
    ::gmtime_r(&seconds, &utc);
    char text[40];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
    char millis[8];
    std::snprintf(millis, sizeof millis, ".%03dZ", static_cast<int>(at % 1000));
    return std::string(text) + millis;
}

// HOSTNAME is 1*255PRINTUSASCII (33-126); "-" when nothing is left.
std::string header_field(const std::string& value, std::size_t max) {
    std::string out;
    for (char c : value) {
        if (c > 32 && c < 127 && out.size() < max) out += c;
    }
    return out.empty() ? "-" : out;
}

}  // namespace

std::string rfc5424_message(const StoredLogEntry& stored, const std::string& hostname, long procid) {
    return "<109>1 " + rfc3339_ms(stored.entry.at) + " " + header_field(hostname, 255) + " orlive " +
           std::to_string(procid) + " redaction-log - " + witness_text(stored);
}

Result<std::int64_t> witness_cursor(Database& db) {
    try {
        SQLite::Statement row(db.sql(), "SELECT sent_through FROM audit_witness WHERE id = 1");
        return row.executeStep() ? row.getColumn(0).getInt64() : std::int64_t{0};
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot read the audit witness cursor: ") + e.getErrorStr());
    }
}

Status set_witness_cursor(Database& db, std::int64_t seq) {
    try {
        SQLite::Statement update(db.sql(),
                                 "INSERT INTO audit_witness (id, sent_through) VALUES (1, ?) "
                                 "ON CONFLICT (id) DO UPDATE SET sent_through = excluded.sent_through");
        update.bind(1, seq);
        update.exec();
        return Ok{};
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot save the audit witness cursor: ") + e.getErrorStr());
    }
}

Result<WitnessReport> check_witness(Database& db, const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) return make_error("cannot read the witness file " + file.string());
    static const RE2 line_pattern(R"(orlive-log seq=(\d{1,18}) hash=([0-9a-f]+))");
    WitnessReport report;
    try {
        SQLite::Statement at(db.sql(), "SELECT hash FROM redaction_log WHERE seq = ?");
        std::string line;
        while (std::getline(in, line)) {
            std::int64_t seq = 0;
            std::string hash;
            if (!RE2::PartialMatch(line, line_pattern, &seq, &hash)) continue;
            ++report.lines;
            at.reset();
            at.bind(1, seq);
            const bool held = at.executeStep();
            if (held && at.getColumn(0).getString() == hash) continue;
            report.intact = false;
            report.problem = "entry " + std::to_string(seq) +
                             (held ? " differs from what the witness " + file.string() + " recorded (hash " + hash + ")"
                                   : ", which the witness " + file.string() + " recorded, is missing from the log");
            return report;
        }
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot read the redaction log: ") + e.getErrorStr());
    }
    return report;
}

}  // namespace orlive
