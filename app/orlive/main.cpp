// orlive: the touchscreen app. Parses flags, opens the session and the window, runs the loop.

#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/cli_args.h"
#include "core/store/data_paths.h"
#include "core/session/session.h"
#include "orlive/version.h"
#include "platform/app_loop.h"
#include "sync/curl_global.h"
#include "sync/sync_worker.h"
#include "platform/window.h"
#include "ui/theme.h"

namespace {

constexpr const char* kHelp = R"(usage: orlive [options]

  --screen coordinator|feed|compliance|settings|gallery   screen to open (default coordinator);
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

int usage(const std::string& message) {
    std::cerr << "orlive: " << message << " (see orlive --help)\n";
    return 1;
}

std::optional<orlive::ui::Screen> parse_screen(const std::string& name) {
    using orlive::ui::Screen;
    if (name == "coordinator") return Screen::Coordinator;
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

}  // namespace

int main(int argc, char** argv) {
    using namespace orlive;
    if (auto invalid = cli::invalid_utf8_argument(argc, argv)) {
        std::cerr << "orlive: " << *invalid << "\n";
        return 2;
    }
    cli::Args args(argc, argv, {"help", "version", "fullscreen"});
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

    ui::UiState state;
    if (auto screen = args.get("screen")) {
        auto parsed = parse_screen(*screen);
        if (!parsed) return usage("--screen must be coordinator, feed, compliance, settings or gallery");
        state.screen = *parsed;
    }
    platform::WindowOptions window_options;
    if (auto size = args.get("size"); size && !parse_size(*size, window_options.width, window_options.height))
        return usage("--size must be WIDTHxHEIGHT, e.g. 1280x800");
    window_options.fullscreen = args.has("fullscreen");

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
    auto filter = load_phi_filter(assets_dir());
    if (!filter) return fail(filter.error().message);

    const float override_scale = settings->ui_scale;
    SystemClock clock;
    const Settings sync_settings = settings.value();  // the worker keeps its own copy
    Session session(std::move(db.value()), std::move(catalog), std::move(filter.value()), std::move(settings.value()),
                    clock);

    session.set_settings_file(config_file, first_run);

    auto window = platform::Window::create(window_options);
    if (!window) return fail(window.error().message);
    std::unique_ptr<platform::Window> owned(*window);
    const float scale = ui::choose_ui_scale(static_cast<float>(owned->framebuffer_width()),
                                            static_cast<float>(owned->framebuffer_height()), owned->content_scale(),
                                            override_scale);
    ui::Fonts fonts = ui::load_fonts("/usr/share/fonts/truetype/dejavu", scale);
    ui::apply_theme(scale);

    platform::LoopOptions loop;
    if (auto screenshot = args.get("screenshot")) loop.screenshot = *screenshot;
    loop.kiosk = window_options.fullscreen;
    // Delivery runs on its own thread with its own connection; a screenshot run stays offline.
    SyncWorker worker(args.get("data-dir").value_or(default_data_dir().string()), sync_settings,
                      [] { platform::Window::post_wake(); });
    if (!loop.screenshot) {
        worker.start();
        loop.connectivity = [&worker] { return worker.connectivity(); };
        loop.outbox_changed = [&worker] { worker.wake(); };
        loop.check_accounts = [&worker] { worker.check_accounts(); };
    }
    int status = platform::run_app(session, *owned, state, fonts, loop);
    worker.stop();  // before the window goes: the worker's callback posts to it
    owned.reset();
    return status;
}
