// The gallery on the hospital network (CONTRACT.md "The gallery on the LAN"): GET / (the page),
// GET /feed.json, GET /events, and nothing else. Its only source is the active case's thread
// as it went out (core/thread/published_thread.h).
//
// Threads: start() spawns a poller, which owns the one database connection and only reads
// (PRAGMA data_version tells it another process committed), and the HTTP listener with its
// worker pool, which never touches SQLite: they read the GalleryModel. stop() ends both.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "core/base/listen_address.h"
#include "core/base/result.h"
#include "core/compose/template_catalog.h"
#include "core/store/database.h"
#include "gallery/gallery_model.h"

namespace httplib {
class Server;
}

namespace orlive::gallery {

struct GalleryOptions {
    std::filesystem::path data_dir;
    ListenAddress listen{"127.0.0.1", 8080};  // port 0: any free port (tests)
    std::string hospital;
    std::chrono::milliseconds poll_interval{250};
    std::chrono::seconds keepalive{15};       // an idle event stream gets a comment this often
};

class GalleryServer {
public:
    GalleryServer(GalleryOptions options, const TemplateCatalog& catalog);
    ~GalleryServer();
    GalleryServer(const GalleryServer&) = delete;
    GalleryServer& operator=(const GalleryServer&) = delete;

    // Opens the database, reads the thread once and binds; an error names what to fix.
    Status start();
    void stop();
    int port() const { return port_; }

private:
    void install_routes();
    void poll_loop();
    Status refresh();

    GalleryOptions options_;
    const TemplateCatalog& catalog_;
    std::unique_ptr<httplib::Server> http_;
    std::unique_ptr<Database> db_;
    GalleryModel model_;
    std::atomic<bool> stopping_{false};
    std::atomic<bool> listen_returned_{false};
    std::atomic<int> streams_{0};
    std::int64_t data_version_ = -1;
    int port_ = 0;
    std::mutex pause_mutex_;
    std::condition_variable pause_;  // cuts the poller's pause short on stop
    std::thread listener_;
    std::thread poller_;
};

}  // namespace orlive::gallery
