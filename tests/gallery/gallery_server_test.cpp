// The gallery server over real HTTP on 127.0.0.1 (cpp-httplib's client): what it serves, the
// headers it sets on everything, HTML escaping, and events for new and withdrawn posts.
#include "gallery/gallery_server.h"

#include <httplib.h>
#include <openssl/evp.h>

#include <nlohmann/json.hpp>

#include "core/store/case_store.h"
#include "core/store/consent_change.h"
#include "core/store/outbox.h"
#include "../core/test_support.h"

namespace orlive::gallery {
namespace {

std::string sha256_base64(const std::string& text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
    unsigned char encoded[128];
    const int written = EVP_EncodeBlock(encoded, digest, static_cast<int>(length));
    return std::string(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(written));
}

std::string between(const std::string& text, const std::string& open, const std::string& close) {
    const auto start = text.find(open);
    if (start == std::string::npos) return "";
    const auto end = text.find(close, start + open.size());
    return end == std::string::npos ? "" : text.substr(start + open.size(), end - start - open.size());
}

class GalleryServerTest : public ::testing::Test {
protected:
    void SetUp() override {
        db = std::move(Database::open_in(dir.path()).value());
        std::vector<TemplateProblem> problems;
        catalog = TemplateCatalog::load(testing::source_assets() / "templates", problems);
        CaseStart start;
        start.procedure_id = "cabg";
        start.consent = Consent::Deidentified;
        start.patient.names = {"Jane Roe"};
        start.patient.mrn = "MRN-998877";
        ASSERT_TRUE(start_case(*db, start, 1000).ok());
        released = {add(PostState::Queued, "Time-out done", "time-out"),
                    add(PostState::Queued, "<script>alert(1)</script> & 'quoted'"),
                    add(PostState::Queued, "Sternotomy", "sternotomy")};
        add(PostState::Pending, "still in its undo window");
        add(PostState::Held, "held for review");
    }
    void TearDown() override {
        if (server) server->stop();
    }

    std::int64_t add(PostState state, const std::string& text, const std::string& milestone = "") {
        NewPost post;
        post.case_id = active_case(*db).value()->id;
        post.kind = milestone.empty() ? PostKind::Text : PostKind::Milestone;
        post.milestone_id = milestone;
        post.text = text;
        post.state = state;
        post.created_at = 2000 + static_cast<TimeMs>(next_++) * 60000;
        post.release_at = post.created_at + (state == PostState::Pending ? 300000 : 0);
        return enqueue_post(*db, post, {}).value();
    }

    httplib::Client start_server() {
        GalleryOptions options;
        options.data_dir = dir.path();
        options.listen = {"127.0.0.1", 0};
        options.hospital = "St <Mary>";
        options.poll_interval = std::chrono::milliseconds(50);
        server = std::make_unique<GalleryServer>(options, catalog);
        EXPECT_TRUE(server->start().ok());
        httplib::Client client("127.0.0.1", server->port());
        client.set_read_timeout(60, 0);  // a stuck stream fails the test instead of hanging it
        return client;
    }

    testing::TempDir dir;
    std::unique_ptr<Database> db;
    TemplateCatalog catalog;
    std::unique_ptr<GalleryServer> server;
    std::vector<std::int64_t> released;
    int next_ = 0;
};

TEST_F(GalleryServerTest, FeedListsExactlyTheReleasedPostsNewestFirst) {
    auto client = start_server();
    auto res = client.Get("/feed.json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Type").rfind("application/feed+json", 0), 0u);
    auto feed = nlohmann::json::parse(res->body);
    EXPECT_EQ(feed["version"], "https://jsonfeed.org/version/1.1");
    ASSERT_EQ(feed["items"].size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        const auto& item = feed["items"][i];
        EXPECT_EQ(item["id"], std::to_string(released[2 - i]));
        EXPECT_TRUE(item["content_text"].is_string());
        EXPECT_EQ(item["date_published"].get<std::string>().back(), 'Z');
    }
    EXPECT_EQ(feed["items"][1]["content_text"], "<script>alert(1)</script> & 'quoted'");
    EXPECT_EQ(res->body.find("undo window"), std::string::npos);
    EXPECT_EQ(res->body.find("held for review"), std::string::npos);
    EXPECT_EQ(res->body.find("Jane"), std::string::npos);
    EXPECT_EQ(res->body.find("998877"), std::string::npos);
}

TEST_F(GalleryServerTest, PageEscapesPostsAndItsPolicyAllowsOnlyItsOwnScriptAndStyle) {
    auto client = start_server();
    auto res = client.Get("/");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(res->body.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#39;quoted&#39;"), std::string::npos);
    EXPECT_EQ(res->body.find("<script>alert(1)"), std::string::npos);
    EXPECT_NE(res->body.find("St &lt;Mary&gt;"), std::string::npos);
    EXPECT_NE(res->body.find("aria-live=\"polite\""), std::string::npos);
    EXPECT_NE(res->body.find("prefers-color-scheme:dark"), std::string::npos);
    EXPECT_EQ(res->body.find("still in its undo window"), std::string::npos);

    const std::string csp = res->get_header_value("Content-Security-Policy");
    EXPECT_EQ(csp.rfind("default-src 'none';", 0), 0u);
    const std::string script = between(res->body, "<script>", "</script>");
    const std::string style = between(res->body, "<style>", "</style>");
    ASSERT_FALSE(script.empty());
    EXPECT_NE(csp.find("script-src 'sha256-" + sha256_base64(script) + "'"), std::string::npos);
    EXPECT_NE(csp.find("style-src 'sha256-" + sha256_base64(style) + "'"), std::string::npos);
    EXPECT_NE(csp.find("connect-src 'self'"), std::string::npos);
    EXPECT_EQ(csp.find("unsafe"), std::string::npos);
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(res->body.find("src=\"http"), std::string::npos);  // no outside resources
}

TEST_F(GalleryServerTest, ServesNoOtherFileAndHardensErrorsToo) {
    auto client = start_server();
    ASSERT_TRUE(client.Get("/feed.json"));  // positive control: the server answers
    for (const char* path : {"/orlive.db", "/device.key", "/../orlive.db", "/app.css", "/index.html", "/events/x"}) {
        auto res = client.Get(path);
        ASSERT_TRUE(res) << path;
        EXPECT_EQ(res->status, 404) << path;
        EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << path;
        EXPECT_EQ(res->get_header_value("Content-Security-Policy").rfind("default-src 'none';", 0), 0u) << path;
    }
}

// The stream is read in this thread; posts are written from its callback, on a second
// connection, as another process would.
TEST_F(GalleryServerTest, EventsForANewPostThenForEachWithdrawnOne) {
    auto client = start_server();
    std::string stream;
    std::int64_t fresh = 0;
    bool withdrew = false;
    auto res = client.Get("/events", [&](const char* data, std::size_t length) {
        stream.append(data, length);
        if (fresh == 0 && stream.find("retry:") != std::string::npos) fresh = add(PostState::Queued, "Closing now");
        if (fresh != 0 && !withdrew && stream.find("event: post") != std::string::npos) {
            EXPECT_TRUE(change_consent(*db, Consent::None, "", 9000).ok());
            withdrew = true;
        }
        std::size_t withdrawn = 0;
        for (auto at = stream.find("event: withdrawn"); at != std::string::npos; at = stream.find("event: withdrawn", at + 1))
            ++withdrawn;
        return withdrawn < 4;  // the three released before, and the new one
    });
    ASSERT_GT(fresh, 0);
    EXPECT_NE(stream.find("\"content_text\":\"Closing now\""), std::string::npos);
    EXPECT_NE(stream.find("\"id\":\"" + std::to_string(fresh) + "\""), std::string::npos);
    for (std::int64_t id : released) EXPECT_NE(stream.find("{\"id\":\"" + std::to_string(id) + "\"}"), std::string::npos);
    EXPECT_EQ(stream.find("still in its undo window"), std::string::npos);
    auto feed = nlohmann::json::parse(client.Get("/feed.json")->body);
    EXPECT_TRUE(feed["items"].empty());
}

TEST_F(GalleryServerTest, RefusesAPortInUseWithAMessage) {
    auto client = start_server();
    GalleryOptions options;
    options.data_dir = dir.path();
    options.listen = {"127.0.0.1", server->port()};
    GalleryServer second(options, catalog);
    auto started = second.start();
    ASSERT_FALSE(started.ok());
    EXPECT_NE(started.error().message.find("--listen"), std::string::npos);
}

}  // namespace
}  // namespace orlive::gallery
