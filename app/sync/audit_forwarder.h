// AuditForwarder: store and forward of the redaction log to the hospital's syslog collector
// (settings "audit_syslog", see core/audit/audit_witness.h). Each pass sends every entry after
// the cursor kept in the database, oldest first, and moves the cursor only past entries the
// collector took, so none is skipped while it is down: they go out when it is back.
//
// What "took" means: over tcp, the frames (RFC 6587 octet counting) are followed by a half
// close, and the batch counts as taken when the collector closes its side after reading to
// the end (rsyslog's imtcp, syslog-ng and most SIEM inputs do); a batch not acknowledged that
// way is sent again, so a collector may see an entry twice (the witness check allows that).
// Over udp a datagram the kernel accepted counts as taken: a collector that is down loses it.
// Use tcp where the trail must be complete.
// Plain POSIX sockets: no Debian package offers an RFC 5424 sender library (liblogging-stdlog
// writes to the local syslog only), and the framing is a few lines.
// Threading: one thread (the sync engine's); the Database belongs to it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/audit/audit_witness.h"
#include "core/base/result.h"
#include "core/compose/settings.h"

namespace orlive {

class Database;

class AuditForwarder {
public:
    static constexpr int kBatch = 500;          // entries per connection
    static constexpr int kTimeoutMs = 5000;     // connect, send and the collector's close

    explicit AuditForwarder(SyslogEndpoint endpoint);

    // Sends what the collector has not taken yet. Returns how many entries it took; an error
    // (collector down, refused) leaves the cursor where it was.
    Result<int> forward_pending(Database& db);

private:
    Status send_batch(const std::string& bytes);

    SyslogEndpoint endpoint_;
    std::string hostname_;
};

// The forwarder for settings.audit_syslog; nullptr when it is not set (validated on load).
std::unique_ptr<AuditForwarder> make_audit_forwarder(const Settings& settings);

}  // namespace orlive
