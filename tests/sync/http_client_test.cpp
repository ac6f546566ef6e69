#include "sync/http_client.h"

#include <chrono>
#include <thread>

#include "peers/loopback_server.h"

#include <gtest/gtest.h>

namespace orlive {
namespace {

// A real HTTP peer on loopback that stops when the test ends.
class EchoServer : public testing::LoopbackServer {
public:
    EchoServer() {
        server().Post("/echo", [](const httplib::Request& request, httplib::Response& response) {
            response.set_header("X-RateLimit-Remaining", "299");
            response.set_content(request.body + "|" + request.get_header_value("Authorization"), "text/plain");
        });
        server().Get("/slow", [](const httplib::Request&, httplib::Response& response) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1500));
            response.set_content("late", "text/plain");
        });
        server().Get("/endless", [](const httplib::Request&, httplib::Response& response) {
            // A body that never ends: only the client's cap stops it.
            response.set_chunked_content_provider("application/json", [](size_t, httplib::DataSink& sink) {
                static const std::string block(64 * 1024, 'x');
                return sink.write(block.data(), block.size());
            });
        });
        server().Get("/missing", [](const httplib::Request&, httplib::Response& response) {
            response.status = 404;
            response.set_content(R"({"error":"Record not found"})", "application/json");
        });
        start();
    }
    ~EchoServer() { stop(); }
};

TEST(HttpClient, PostsABodyWithHeadersAndReadsTheAnswer) {
    EchoServer server;
    HttpClient client;
    HttpRequest request;
    request.method = "POST";
    request.url = server.url("/echo");
    request.headers = {{"Authorization", "Bearer abc"}, {"Content-Type", "text/plain"}};
    request.body = "hello";
    auto response = client.perform(request);
    ASSERT_TRUE(response.ok()) << response.error().message;
    EXPECT_EQ(response->status, 200);
    EXPECT_EQ(response->body, "hello|Bearer abc");
    EXPECT_EQ(response->header("x-ratelimit-remaining"), "299");
}

TEST(HttpClient, AnHttpErrorIsAnAnswerNotATransportError) {
    EchoServer server;
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/missing");
    auto response = client.perform(request);
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(response->status, 404);
}

TEST(HttpClient, AnEndlessAnswerIsCutAtOneMebibyteAndTypedTooLarge) {
    EchoServer server;
    HttpClient client;
    HttpRequest request;
    request.url = server.url("/endless");
    auto response = client.perform(request);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.error().kind, TransportFailure::Kind::TooLarge);
    EXPECT_NE(response.error().message.find("larger than 1024 KiB"), std::string::npos) << response.error().message;
    HttpRequest small = request;  // positive control: the same client still reads normal answers
    small.url = server.url("/missing");
    auto answered = client.perform(small);
    ASSERT_TRUE(answered.ok()) << answered.error().message;
    EXPECT_EQ(answered->status, 404);
}

TEST(HttpClient, TimeoutsAndRefusedConnectionsAreTransportErrors) {
    EchoServer server;
    HttpClient client;
    HttpRequest slow;
    slow.url = server.url("/slow");
    slow.total_timeout_ms = 300;
    auto timed_out = client.perform(slow);
    ASSERT_FALSE(timed_out.ok());
    EXPECT_NE(timed_out.error().message.find("no answer"), std::string::npos);
    EXPECT_EQ(timed_out.error().kind, TransportFailure::Kind::NoAnswer);

    HttpRequest refused;
    refused.url = "http://127.0.0.1:1/";
    refused.headers = {{"Authorization", "Bearer s3cr3t"}};
    auto failed = client.perform(refused);
    ASSERT_FALSE(failed.ok());
    EXPECT_EQ(failed.error().message.find("s3cr3t"), std::string::npos);
}

}  // namespace
}  // namespace orlive
