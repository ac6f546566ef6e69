// orlive_test_peer: a loopback platform peer as a process, for the e2e scripts.
//   orlive_test_peer --kind mastodon|bluesky|webhook --port-file FILE [--port N] [--lifetime S]
//                    [--token T] [--latency-ms N]
// Writes its port to FILE once listening; stops on SIGTERM/SIGINT or after S seconds
// (default 300), so a failed script never leaves it behind.
#include <signal.h>

#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "peers/fake_mastodon.h"
#include "peers/fake_pds.h"
#include "peers/fake_webhook.h"

int main(int argc, char** argv) {
    std::string kind = "mastodon", port_file, token = "test-token";
    int lifetime = 300, latency = 0, port = 0;
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--kind") kind = value;
        else if (flag == "--port-file") port_file = value;
        else if (flag == "--port") port = std::stoi(value);
        else if (flag == "--lifetime") lifetime = std::stoi(value);
        else if (flag == "--token") token = value;
        else if (flag == "--latency-ms") latency = std::stoi(value);
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
    } else {
        std::cerr << "orlive_test_peer: --kind must be mastodon, bluesky or webhook\n";
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
