// The audit witness: every redaction-log entry, also sent (by app/sync's AuditForwarder) as an
// RFC 5424 syslog message to the hospital's collector (settings "audit_syslog"), so the log
// cannot be rolled back on the device alone. This file holds what needs no network: the
// endpoint setting, the message bytes, the forwarding cursor in the database, and the check of
// the log against what a collector wrote (`orlivectl log verify --witness FILE`).
// The message text is `orlive-log seq=N hash=HEX action=A category=C`: no PHI, no detail text.
// Functions take the caller's Database (one connection per thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/audit/redaction_log.h"
#include "core/base/result.h"

namespace orlive {

class Database;

struct SyslogEndpoint {
    bool tcp = false;  // tcp: octet-counted frames (RFC 6587 3.4.1); udp: one datagram each
    std::string host;
    std::string port;
};

// "udp://HOST:PORT" or "tcp://HOST:PORT" (HOST may be [IPv6]); anything else is an error
// naming the setting.
Result<SyslogEndpoint> parse_syslog_endpoint(const std::string& url);

// `orlive-log seq=N hash=HEX action=A category=C` (C is "-" for an entry without a category).
std::string witness_text(const StoredLogEntry& stored);
// One RFC 5424 message: <109>1 TIMESTAMP HOST orlive PROCID redaction-log - TEXT
// (facility 13 "log audit", severity 5 "notice"). `hostname` is cleaned to PRINTUSASCII.
std::string rfc5424_message(const StoredLogEntry& stored, const std::string& hostname, long procid);

// The last entry the collector took; 0 before the first.
Result<std::int64_t> witness_cursor(Database& db);
Status set_witness_cursor(Database& db, std::int64_t seq);

struct WitnessReport {
    bool intact = true;
    std::int64_t lines = 0;    // orlive-log lines read from the file
    std::string problem;       // names the first entry the witness saw that the log lost or changed
};
// Every `orlive-log seq=N hash=HEX` line of `file` must name an entry of the log with that hash.
Result<WitnessReport> check_witness(Database& db, const std::filesystem::path& file);

}  // namespace orlive
