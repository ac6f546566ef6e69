// orlive: the touchscreen app. Parses flags, opens the session and the window, runs the loop.

#include <cstdio>
#include <cstdlib>
#include <future>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/cli_args.h"
#include "core/store/data_paths.h"
#include "core/session/session.h"
#include "core/base/listen_address.h"
#include "orlive/version.h"
#include "platform/app_loop.h"
#include "platform/qr_code.h"
#include "platform/file_watcher.h"
#include "platform/stop_signal.h"
#include "sync/curl_global.h"
#include "sync/sync_worker.h"
#include "platform/window.h"
#include "ui/theme.h"

namespace {

constexpr const char* kHelp = R"(usage: orlive [options]

  --screen coordinator|questions|feed|compliance|settings|gallery   screen to open (default coordinator);
                      gallery is the students' wall display
  --size WxH          window size (default 1280x800)
  --fullscreen        kiosk: full screen, no window chrome; quitting needs the admin PIN
  --screenshot FILE   render until settled, save the frame as PNG, exit
  --data-dir DIR      database and device key (default $XDG_DATA_HOME/orlive)
  --config FILE       settings JSON (default $XDG_CONFIG_HOME/orlive/config.json)
  --help, --version
Exit status: 0 success, 1 bad usage, 2 any other error.
)";

int fail(const std::string& message) {
    std::cerr << "orlive: " << message << "\n";
    return 2;
}

// The sync layer's per-account health, as the core's Admin view shows it.
std::vector<orlive::AccountStateView> account_states_of(const std::vector<orlive::AccountHealth>& health) {
    using State = orlive::AccountStateView::State;
    std::vector<orlive::AccountStateView> states;
    for (const orlive::AccountHealth& h : health) {
        const State state = h.needs_reauthorisation ? State::NeedsSignIn
                            : h.offline                ? State::Offline
                            : !h.checked               ? State::NotChecked
                                                       : State::Online;
        states.push_back({h.account, "", state, h.problem});
    }
    return states;
}

int usage(const std::string& message) {
    std::cerr << "orlive: " << message << " (see orlive --help)\n";
    return 1;
}

std::optional<orlive::ui::Screen> parse_screen(const std::string& name) {
    using orlive::ui::Screen;
    if (name == "coordinator") return Screen::Coordinator;
    if (name == "questions") return Screen::Questions;
    if (name == "feed") return Screen::Feed;
    if (name == "compliance") return Screen::Compliance;
    if (name == "settings") return Screen::Settings;
    if (name == "gallery") return Screen::Gallery;
    return std::nullopt;
}

bool parse_size(const std::string& text, int& width, int& height) {
    int w = 0, h = 0;
    char extra = 0;
    if (std::sscanf(text.c_str(), "%dx%d%c", &w, &h, &extra) != 2) return false;
    if (w < 320 || h < 240 || w > 8192 || h > 8192) return false;
    width = w;
    height = h;
    return true;
}

// --screen, --size, --fullscreen; the usage error when one is wrong.
std::optional<std::string> parse_screen_flags(const orlive::cli::Args& args, orlive::ui::UiState& state,
                                              orlive::platform::WindowOptions& window_options) {
    if (auto screen = args.get("screen")) {
        auto parsed = parse_screen(*screen);
        if (!parsed) return "--screen must be coordinator, feed, compliance, settings or gallery";
        state.screen = *parsed;
    }
    if (auto size = args.get("size"); size && !parse_size(*size, window_options.width, window_options.height))
        return "--size must be WIDTHxHEIGHT, e.g. 1280x800";
    window_options.fullscreen = args.has("fullscreen");
    return std::nullopt;
}

// ORLIVE_LOOP_STATS: the loop ends at SIGTERM/SIGINT and prints what it did.
void report_loop_stats(const orlive::platform::StopSignal& stop_signal, orlive::platform::LoopOptions& loop) {
    loop.stop_requested = &stop_signal.requested();
    loop.on_exit = [](const orlive::platform::LoopStats& stats) {
        std::fprintf(stderr, "orlive: loop stats: %lld frames, %lld wake-ups\n", stats.frames, stats.wakeups);
    };
}

struct OpenWindow {
    orlive::platform::Window* window = nullptr;  // owned by the caller
    orlive::ui::Fonts fonts;
};

// The window, the UI scale for its size, and the fonts at that scale, uploaded.
orlive::Result<OpenWindow> open_window(const orlive::platform::WindowOptions& options, float override_scale) {
    using namespace orlive;
    auto window = platform::Window::create(options);
    if (!window) return window.error();
    platform::Window& created = **window;
    const float scale = ui::choose_ui_scale(static_cast<float>(created.framebuffer_width()),
                                            static_cast<float>(created.framebuffer_height()), created.content_scale(),
                                            override_scale);
    OpenWindow opened{&created, ui::load_fonts("/usr/share/fonts/truetype/dejavu", scale)};
    created.upload_fonts();
    ui::apply_theme(scale);
    return opened;
}

// --help, --version and the flags: an exit status when main should stop here.
std::optional<int> read_flags(int argc, char** argv, orlive::cli::Args& args, orlive::ui::UiState& state,
                              orlive::platform::WindowOptions& window_options) {
    using namespace orlive;
    if (auto invalid = cli::invalid_utf8_argument(argc, argv)) {
        std::cerr << "orlive: " << *invalid << "\n";
        return 2;
    }
    if (args.has("help")) {
        std::cout << kHelp;
        return 0;
    }
    if (args.has("version")) {
        std::cout << "orlive " << kVersion << "\n";
        return 0;
    }
    if (auto error = args.error()) return usage(error->message);
    if (!args.words().empty()) return usage("unexpected argument '" + args.words().front() + "'");
    auto unknown = args.unknown({"screen", "size", "fullscreen", "screenshot", "data-dir", "config"});
    if (!unknown.empty()) return usage("unknown option " + unknown.front());
    if (auto bad = parse_screen_flags(args, state, window_options)) return usage(*bad);
    return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace orlive;
    cli::Args args(argc, argv, {"help", "version", "fullscreen"});
    ui::UiState state;
    platform::WindowOptions window_options;
    if (auto done = read_flags(argc, argv, args, state, window_options)) return *done;

    CurlGlobal curl;  // once, before any thread starts (the sync worker uses libcurl)
    const bool config_given = args.has("config");
    const std::filesystem::path config_file = args.get("config").value_or(default_config_file().string());
    std::error_code exists_error;
    const bool first_run = !std::filesystem::exists(config_file, exists_error);
    auto settings = load_settings(config_file, !config_given);
    if (!settings) return fail(settings.error().message);
    auto db = Database::open_in(args.get("data-dir").value_or(default_data_dir().string()));
    if (!db) return fail(db.error().message);
    std::vector<TemplateProblem> problems;
    TemplateCatalog catalog = TemplateCatalog::load(assets_dir() / "templates", problems);
    for (const TemplateProblem& problem : problems) std::cerr << "orlive: template " << problem.describe() << "\n";
    // ORLIVE_LOOP_STATS=1: SIGTERM/SIGINT end the loop cleanly and it prints its counters.
    std::unique_ptr<platform::StopSignal> stop_signal;
    if (std::getenv("ORLIVE_LOOP_STATS")) stop_signal = std::make_unique<platform::StopSignal>();  // before any thread
    // The PHI filter's lists take most of start-up: load them while the window and fonts come up.
    auto filter_loading = std::async(std::launch::async, [] { return load_phi_filter(assets_dir()); });
    auto window = open_window(window_options, settings->ui_scale);
    if (!window) return fail(window.error().message);
    std::unique_ptr<platform::Window> owned(window->window);
    auto filter = filter_loading.get();
    if (!filter) return fail(filter.error().message);

    const std::string gallery_listen = settings->gallery_listen.empty() ? kDefaultGalleryListen : settings->gallery_listen;
    SystemClock clock;
    const Settings sync_settings = settings.value();  // the worker keeps its own copy
    Session session(std::move(db.value()), std::move(catalog), std::move(filter.value()), std::move(settings.value()),
                    clock);
    session.set_settings_file(config_file, first_run);
    // The gallery screen's QR code: the address phones on the hospital network open.
    if (auto listen = parse_listen_address(gallery_listen)) {
        const std::string url = gallery_url(*listen).value_or("");
        session.set_gallery_address(url, url.empty() ? QrMatrix{} : platform::encode_qr(url), listen->is_loopback());
    }

    platform::LoopOptions loop;
    if (auto screenshot = args.get("screenshot")) loop.screenshot = *screenshot;
    loop.kiosk = window_options.fullscreen;
    // Delivery runs on its own thread with its own connection; a screenshot run stays offline.
    const std::filesystem::path data_dir = args.get("data-dir").value_or(default_data_dir().string());
    SyncWorker worker(data_dir, sync_settings, [] { platform::Window::post_wake(); });
    std::unique_ptr<platform::FileWatcher> watcher;
    if (stop_signal) report_loop_stats(*stop_signal, loop);
    if (!loop.screenshot) {
        // orlivectl's commits (and checkpoints) touch orlive.db*: wake the loop instead of polling.
        watcher = std::make_unique<platform::FileWatcher>(data_dir, "orlive.db", [] { platform::Window::post_wake(); });
        loop.watching_files = watcher->active();
        worker.start();
        loop.connectivity = [&worker] { return worker.connectivity(); };
        loop.account_health = [&worker] { return account_states_of(worker.account_health()); };
        loop.outbox_changed = [&worker] { worker.wake(); };
        loop.check_accounts = [&worker] { worker.check_accounts(); };
    }
    int status = platform::run_app(session, *owned, state, window->fonts, loop);
    worker.stop();  // before the window goes: the worker's callback posts to it
    watcher.reset();
    if (stop_signal) stop_signal->stop();
    owned.reset();
    return status;
}
