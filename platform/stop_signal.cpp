#include "platform/stop_signal.h"

#include <pthread.h>
#include <signal.h>

#include "platform/window.h"

namespace orlive::platform {

namespace {
sigset_t stop_signals() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    return set;
}
}  // namespace

StopSignal::StopSignal() {
    const sigset_t set = stop_signals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    thread_ = std::thread([this] {
        const sigset_t waited = stop_signals();
        int signal_number = 0;
        sigwait(&waited, &signal_number);
        if (stopping_) return;
        requested_ = true;
        Window::post_wake();
    });
}

StopSignal::~StopSignal() { stop(); }

void StopSignal::stop() {
    if (!thread_.joinable()) return;
    stopping_ = true;
    pthread_kill(thread_.native_handle(), SIGTERM);  // blocked, so sigwait takes it
    thread_.join();
}

}  // namespace orlive::platform
