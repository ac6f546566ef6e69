#include "gallery/gallery_server.h"

#include <httplib.h>

#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "gallery/gallery_page.h"

namespace orlive::gallery {

namespace {
// Each open page holds one worker for its event stream: room for a lecture hall, and a
// plain refusal (the page retries) beyond it rather than starving /feed.json.
constexpr int kWorkers = 160;
constexpr int kMaxStreams = 140;
}  // namespace

GalleryServer::GalleryServer(GalleryOptions options, const TemplateCatalog& catalog)
    : options_(std::move(options)), catalog_(catalog), http_(std::make_unique<httplib::Server>()) {}

GalleryServer::~GalleryServer() { stop(); }

Status GalleryServer::refresh() {
    auto thread = active_published_thread(*db_, catalog_, options_.hospital);
    if (!thread) return thread.error();
    model_.update(std::move(thread.value()));
    return Ok{};
}

Status GalleryServer::start() {
    auto db = Database::open_in(options_.data_dir);
    if (!db) return db.error();
    db_ = std::move(db.value());
    if (auto first = refresh(); !first) return first.error();
    install_routes();
    const std::string& host = options_.listen.host;
    if (host.find(':') != std::string::npos) http_->set_address_family(AF_INET6);
    port_ = options_.listen.port == 0 ? http_->bind_to_any_port(host)
                                      : (http_->bind_to_port(host, options_.listen.port) ? options_.listen.port : -1);
    if (port_ <= 0) {
        return make_error("cannot listen on " + options_.listen.to_string() +
                          " (in use, or not an address of this machine?); choose another with --listen or gallery_listen");
    }
    listener_ = std::thread([this] {
        http_->listen_after_bind();
        listen_returned_ = true;
    });
    // cpp-httplib's stop() does nothing until the listener runs: wait for it, so stop() right
    // after start() cannot leave a listener behind.
    while (!http_->is_running() && !listen_returned_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    if (!http_->is_running()) {
        listener_.join();
        return make_error("cannot serve on " + options_.listen.to_string());
    }
    poller_ = std::thread([this] { poll_loop(); });
    return Ok{};
}

void GalleryServer::stop() {
    if (stopping_.exchange(true)) return;
    model_.close();  // wakes every event stream, which then ends
    {
        std::lock_guard<std::mutex> lock(pause_mutex_);
        pause_.notify_all();
    }
    http_->stop();
    if (listener_.joinable()) listener_.join();
    if (poller_.joinable()) poller_.join();
}

// PRAGMA data_version changes when another connection commits: the thread is read again only
// then, so an idle gallery costs one tiny query per interval.
void GalleryServer::poll_loop() {
    while (!stopping_) {
        try {
            const std::int64_t version = db_->sql().execAndGet("PRAGMA data_version").getInt64();
            if (version != data_version_) {
                data_version_ = version;
                if (auto ok = refresh(); !ok) data_version_ = -1;  // busy or locked: try again next time
            }
        } catch (const SQLite::Exception&) {
            data_version_ = -1;
        }
        std::unique_lock<std::mutex> pause_lock(pause_mutex_);
        pause_.wait_for(pause_lock, options_.poll_interval, [this] { return stopping_.load(); });
    }
}

void GalleryServer::install_routes() {
    // Every answer, errors included: no sniffing, no framing, no caching, no referrer.
    http_->set_default_headers({{"Content-Security-Policy", content_security_policy()},
                                {"X-Content-Type-Options", "nosniff"},
                                {"X-Frame-Options", "DENY"},
                                {"Referrer-Policy", "no-referrer"},
                                {"Cache-Control", "no-store"}});
    http_->new_task_queue = [] { return new httplib::ThreadPool(kWorkers); };
    // cpp-httplib's default adds SO_REUSEPORT, which would let a second server share the port
    // and take half the pages: a port in use must be an error.
    http_->set_socket_options([](socket_t sock) {
        int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    http_->set_error_handler([](const httplib::Request&, httplib::Response& res) {
        res.set_content("not found\n", "text/plain; charset=utf-8");
    });
    http_->Get("/", [this](const httplib::Request&, httplib::Response& res) {
        res.set_content(render_page(model_.thread()), "text/html; charset=utf-8");
    });
    http_->Get("/feed.json", [this](const httplib::Request&, httplib::Response& res) {
        res.set_content(render_feed_json(model_.thread()), "application/feed+json; charset=utf-8");
    });
    http_->Get("/events", [this](const httplib::Request&, httplib::Response& res) {
        if (streams_.fetch_add(1) >= kMaxStreams) {
            streams_.fetch_sub(1);
            res.status = 503;
            res.set_header("Retry-After", "10");
            res.set_content("too many open pages\n", "text/plain; charset=utf-8");
            return;
        }
        struct Stream {
            std::uint64_t seq = 0;
            bool opened = false;
        };
        auto stream = std::make_shared<Stream>();
        stream->seq = model_.last_seq();
        res.set_header("X-Accel-Buffering", "no");
        res.set_chunked_content_provider(
            "text/event-stream",
            [this, stream](std::size_t, httplib::DataSink& sink) {
                if (model_.closed()) {
                    sink.done();
                    return true;
                }
                if (!stream->opened) {  // the first bytes at once: the page knows it is live
                    stream->opened = true;
                    const std::string hello = "retry: 2000\n\n";
                    return sink.write(hello.data(), hello.size());
                }
                std::string out;
                for (const GalleryEvent& event : model_.events_after(stream->seq, options_.keepalive)) {
                    out += render_event(event);
                    stream->seq = event.seq;
                }
                if (out.empty()) out = ": still here\n\n";  // also finds pages that have gone away
                return sink.write(out.data(), out.size());
            },
            [this](bool) { streams_.fetch_sub(1); });
    });
}

}  // namespace orlive::gallery
