// LoopbackServer: the base of every test peer (Mastodon, PDS, webhook, ...): one cpp-httplib
// server bound to 127.0.0.1 only, serving on its own thread, stopped when the peer goes.
//
// A peer registers its routes on server() in its constructor, then calls start(port) last;
// its destructor calls stop() first, so no handler runs while the peer's members are being
// destroyed (the base destructor would be too late for that). Keep-alive is short so a test
// ends at once even with a client still connected.
#pragma once

#include <httplib.h>

#include <string>
#include <thread>

namespace orlive::testing {

class LoopbackServer {
public:
    LoopbackServer(const LoopbackServer&) = delete;
    LoopbackServer& operator=(const LoopbackServer&) = delete;

    // The bound port; -1 when the port asked for was taken.
    int port() const { return port_; }
    std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    std::string url(const std::string& path) const { return base_url() + path; }

protected:
    LoopbackServer();
    ~LoopbackServer();

    httplib::Server& server() { return server_; }
    // Binds 127.0.0.1:port (0: any free port) and serves until stop(); returns once serving.
    void start(int port = 0);
    // Stops serving and joins the thread; safe to call twice.
    void stop();

private:
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
};

}  // namespace orlive::testing
