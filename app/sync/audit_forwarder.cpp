#include "sync/audit_forwarder.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "core/store/database.h"

namespace orlive {

namespace {

// Closes the socket however a send leaves.
class Socket {
public:
    explicit Socket(int fd) : fd_(fd) {}
    ~Socket() {
        if (fd_ >= 0) ::close(fd_);
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    int fd() const { return fd_; }

private:
    int fd_;
};

std::string local_hostname() {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0) return "-";
    return name;
}

bool send_all(int fd, const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

// After our half close, the collector closing its side means it read everything we sent.
bool collector_closed(int fd) {
    char scratch[512];
    for (;;) {
        pollfd ready{fd, POLLIN, 0};
        int n = ::poll(&ready, 1, AuditForwarder::kTimeoutMs);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        ssize_t got = ::recv(fd, scratch, sizeof scratch, 0);
        if (got == 0) return true;
        if (got < 0 && errno != EINTR) return false;
    }
}

}  // namespace

AuditForwarder::AuditForwarder(SyslogEndpoint endpoint)
    : endpoint_(std::move(endpoint)), hostname_(local_hostname()) {}

Status AuditForwarder::send_batch(const std::string& bytes) {
    const std::string where = std::string(endpoint_.tcp ? "tcp://" : "udp://") + endpoint_.host + ":" + endpoint_.port;
    addrinfo hints{};
    hints.ai_socktype = endpoint_.tcp ? SOCK_STREAM : SOCK_DGRAM;
    addrinfo* found = nullptr;
    if (int rc = ::getaddrinfo(endpoint_.host.c_str(), endpoint_.port.c_str(), &hints, &found); rc != 0)
        return make_error("audit collector " + where + ": " + ::gai_strerror(rc));
    std::string why = "no address";
    for (addrinfo* address = found; address; address = address->ai_next) {
        Socket socket(::socket(address->ai_family, address->ai_socktype | SOCK_CLOEXEC, address->ai_protocol));
        if (socket.fd() < 0) continue;
        // On Linux SO_SNDTIMEO bounds connect() too.
        timeval timeout{kTimeoutMs / 1000, 0};
        ::setsockopt(socket.fd(), SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        if (::connect(socket.fd(), address->ai_addr, address->ai_addrlen) != 0) {
            why = std::strerror(errno);
            continue;
        }
        const bool sent = send_all(socket.fd(), bytes);
        why = std::strerror(errno);
        if (sent && (!endpoint_.tcp || (::shutdown(socket.fd(), SHUT_WR) == 0 && collector_closed(socket.fd())))) {
            ::freeaddrinfo(found);
            return Ok{};
        }
        if (sent) why = "the collector did not acknowledge the batch (no close after reading it)";
    }
    ::freeaddrinfo(found);
    return make_error("audit collector " + where + ": " + why + "; the entries wait and go out when it answers");
}

Result<int> AuditForwarder::forward_pending(Database& db) {
    int taken = 0;
    for (;;) {
        auto cursor = witness_cursor(db);
        if (!cursor) return cursor.error();
        LogQuery query;
        query.after_seq = *cursor;
        query.limit = kBatch;
        auto entries = query_log(db, query);
        if (!entries) return entries.error();
        if (entries->empty()) return taken;
        const long procid = static_cast<long>(::getpid());
        if (endpoint_.tcp) {
            std::string frames;
            for (const StoredLogEntry& stored : *entries) {
                const std::string message = rfc5424_message(stored, hostname_, procid);
                frames += std::to_string(message.size()) + " " + message;
            }
            if (auto sent = send_batch(frames); !sent) return sent.error();
        } else {
            for (const StoredLogEntry& stored : *entries) {
                if (auto sent = send_batch(rfc5424_message(stored, hostname_, procid)); !sent) {
                    if (auto saved = set_witness_cursor(db, stored.seq - 1); !saved) return saved.error();
                    return sent.error();
                }
            }
        }
        if (auto saved = set_witness_cursor(db, entries->back().seq); !saved) return saved.error();
        taken += static_cast<int>(entries->size());
        if (static_cast<int>(entries->size()) < kBatch) return taken;
    }
}

std::unique_ptr<AuditForwarder> make_audit_forwarder(const Settings& settings) {
    if (settings.audit_syslog.empty()) return nullptr;
    auto endpoint = parse_syslog_endpoint(settings.audit_syslog);
    if (!endpoint) return nullptr;  // load_settings refused it already
    return std::make_unique<AuditForwarder>(*endpoint);
}

}  // namespace orlive
