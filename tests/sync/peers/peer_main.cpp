// orlive_test_peer: a loopback platform peer as a process, for the e2e scripts.
//   orlive_test_peer --kind mastodon|bluesky|webhook|facebook|x|threads --port-file FILE [--port N]
//                    [--lifetime S] [--token T] [--latency-ms N] [--fault-rate P]
// facebook: Page 1001, token page-token; x: FakeX::test_keys(); threads: user 17841400000,
// token threads-token. --fault-rate P (facebook, x, threads): that share of create requests
// fail at random (500, 503, dropped before or after creating). A follower's reply comes in
// with POST /_peer/reply on every kind but bluesky and webhook (parameters: its peer's header).
// Writes its port to FILE once listening; stops on SIGTERM/SIGINT or after S seconds
// (default 300), so a failed script never leaves it behind.
//   orlive_test_peer --get URL | --post URL
// A tiny HTTP client for the scripts (so they need no curl): prints the body, exit 0 on 2xx.
#include <signal.h>

#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "peers/fake_facebook.h"
#include "peers/fake_mastodon.h"
#include "peers/fake_pds.h"
#include "peers/fake_threads.h"
#include "peers/fake_webhook.h"
#include "peers/fake_x.h"

namespace {

// http://127.0.0.1:PORT/path?query only: the peers live on loopback.
int fetch(const std::string& method, const std::string& url) {
    const std::string prefix = "http://";
    if (url.rfind(prefix, 0) != 0) {
        std::cerr << "orlive_test_peer: only http:// URLs\n";
        return 1;
    }
    const std::size_t slash = url.find('/', prefix.size());
    const std::string host_port = url.substr(prefix.size(), slash - prefix.size());
    const std::string path = slash == std::string::npos ? "/" : url.substr(slash);
    httplib::Client client("http://" + host_port);
    client.set_read_timeout(30, 0);
    auto result = method == "GET" ? client.Get(path.c_str()) : client.Post(path.c_str(), "", "text/plain");
    if (!result) {
        std::cerr << "orlive_test_peer: no answer from " << url << "\n";
        return 2;
    }
    std::cout << result->body;
    return result->status >= 200 && result->status < 300 ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::strcmp(argv[1], "--get") == 0) return fetch("GET", argv[2]);
    if (argc == 3 && std::strcmp(argv[1], "--post") == 0) return fetch("POST", argv[2]);
    std::string kind = "mastodon", port_file, token = "test-token";
    int lifetime = 300, latency = 0, port = 0;
    double fault_rate = 0.0;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--kind") kind = value;
        else if (flag == "--port-file") port_file = value;
        else if (flag == "--port") port = std::stoi(value);
        else if (flag == "--lifetime") lifetime = std::stoi(value);
        else if (flag == "--token") token = value;
        else if (flag == "--latency-ms") latency = std::stoi(value);
        else if (flag == "--fault-rate") fault_rate = std::stod(value);
        else {
            std::cerr << "orlive_test_peer: unknown flag " << flag << "\n";
            return 1;
        }
    }
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before the server's threads start

    std::unique_ptr<orlive::testing::FakeMastodon> mastodon;
    std::unique_ptr<orlive::testing::FakeWebhook> webhook;
    std::unique_ptr<orlive::testing::FakePds> pds;
    std::unique_ptr<orlive::testing::FakeFacebook> facebook;
    std::unique_ptr<orlive::testing::FakeX> x;
    std::unique_ptr<orlive::testing::FakeThreads> threads;
    const auto seed = static_cast<unsigned>(std::time(nullptr));
    int bound = 0;
    if (kind == "mastodon") {
        mastodon = std::make_unique<orlive::testing::FakeMastodon>(token, port);
        mastodon->set_latency_ms(latency);
        bound = mastodon->port();
    } else if (kind == "bluesky") {
        // Account or.test with app password app-pass-1234.
        pds = std::make_unique<orlive::testing::FakePds>("or.test", "app-pass-1234", port);
        pds->set_latency_ms(latency);
        bound = pds->port();
    } else if (kind == "webhook") {
        webhook = std::make_unique<orlive::testing::FakeWebhook>(port);
        bound = webhook->port();
    } else if (kind == "facebook") {
        facebook = std::make_unique<orlive::testing::FakeFacebook>("1001", "page-token", port);
        facebook->set_fault_rate(fault_rate, seed);
        bound = facebook->port();
    } else if (kind == "x") {
        x = std::make_unique<orlive::testing::FakeX>(orlive::testing::FakeX::test_keys(), port);
        x->set_fault_rate(fault_rate, seed);
        bound = x->port();
    } else if (kind == "threads") {
        threads = std::make_unique<orlive::testing::FakeThreads>("17841400000", "threads-token", port);
        threads->set_fault_rate(fault_rate, seed);
        bound = threads->port();
    } else {
        std::cerr << "orlive_test_peer: --kind must be mastodon, bluesky, webhook, facebook, x or threads\n";
        return 1;
    }
    if (bound <= 0) {
        std::cerr << "orlive_test_peer: cannot listen on 127.0.0.1:" << port << "\n";
        return 2;
    }
    if (!port_file.empty()) {
        std::ofstream(port_file + ".tmp") << bound << "\n";
        std::rename((port_file + ".tmp").c_str(), port_file.c_str());
    }
    timespec wait{lifetime, 0};
    sigtimedwait(&signals, nullptr, &wait);
    return 0;
}
