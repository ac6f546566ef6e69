// orlivectl serve: the gallery on the hospital network until SIGTERM/SIGINT, and
// orlivectl case transcript: the thread as it went out, as a file to keep.
#include <signal.h>

#include <iostream>

#include "core/thread/transcript.h"
#include "gallery/gallery_server.h"
#include "orlivectl/commands.h"

namespace orlive::cli {

int run_serve(CommandContext& context, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config", "listen"});
    if (!unknown.empty()) return usage_error("serve does not take " + unknown.front());
    if (args.words().size() != 1) return usage_error("serve takes no words, only --listen ADDR:PORT");
    auto settings = context.settings();
    if (!settings) return fail(settings.error().message);
    const std::string listen_text = args.get("listen").value_or(
        (*settings)->gallery_listen.empty() ? std::string(kDefaultGalleryListen) : (*settings)->gallery_listen);
    auto listen = parse_listen_address(listen_text);
    if (!listen) return usage_error("--listen: " + listen.error().message);
    auto catalog = context.catalog();
    if (!catalog) return fail(catalog.error().message);

    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    // Blocked before any thread starts, so only sigwait below ever sees them.
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    gallery::GalleryOptions options;
    options.data_dir = context.data_dir();
    options.listen = *listen;
    options.hospital = (*settings)->hospital_name;
    gallery::GalleryServer server(options, **catalog);
    if (auto started = server.start(); !started) return fail(started.error().message);
    ListenAddress bound = *listen;
    bound.port = server.port();
    std::cerr << "orlivectl serve: the gallery is at http://" << bound.to_string() << "/"
              << (bound.is_loopback() ? " (this machine only; set gallery_listen to reach the network)" : "") << "\n";
    int received = 0;
    sigwait(&signals, &received);
    server.stop();
    return kExitOk;
}

int run_transcript(CommandContext& context, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config", "format"});
    if (!unknown.empty()) return usage_error("case transcript does not take " + unknown.front());
    if (args.words().size() != 3) return usage_error("case transcript needs one case id");
    std::int64_t case_id = 0;
    try {
        std::size_t used = 0;
        case_id = std::stoll(args.words()[2], &used);
        if (used != args.words()[2].size() || case_id <= 0) throw std::invalid_argument("id");
    } catch (const std::exception&) {
        return usage_error("case transcript needs a case id (a number), not '" + args.words()[2] + "'");
    }
    auto format = parse_transcript_format(args.get("format").value_or("md"));
    if (!format) return usage_error("--format must be md, html or json");
    auto settings = context.settings();
    if (!settings) return fail(settings.error().message);
    auto catalog = context.catalog();
    if (!catalog) return fail(catalog.error().message);
    auto db = context.database();
    if (!db) return fail(db.error().message);
    auto thread = published_thread(**db, **catalog, (*settings)->hospital_name, case_id);
    if (!thread) return fail(thread.error().message);
    if (!thread->has_value()) return fail("no case " + std::to_string(case_id) + " (see orlivectl queue)");
    std::cout << render_transcript(thread->value(), *format);
    return kExitOk;
}

}  // namespace orlive::cli
