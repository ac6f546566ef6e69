#include "peers/loopback_server.h"

#include <chrono>

namespace orlive::testing {

LoopbackServer::LoopbackServer() {
    server_.set_keep_alive_timeout(1);  // tests end quickly even with a client connected
    server_.set_tcp_nodelay(true);      // as real servers do: no Nagle stall on small answers
}

LoopbackServer::~LoopbackServer() { stop(); }

void LoopbackServer::start(int port) {
    if (port == 0) {
        port_ = server_.bind_to_any_port("127.0.0.1");
    } else {
        port_ = server_.bind_to_port("127.0.0.1", port) ? port : -1;
    }
    if (port_ <= 0) return;  // nothing to serve; port() tells the caller
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

void LoopbackServer::stop() {
    if (!thread_.joinable()) return;
    server_.stop();
    thread_.join();
}

}  // namespace orlive::testing
