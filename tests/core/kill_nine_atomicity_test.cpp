// Atomicity under kill -9 (a post and its delivery rows are one transaction): a post
// acknowledged before the kill is there after restart, and nothing is half-written. A child
// process enqueues as fast as it can and reports each committed id; the parent kills it at a
// random moment and checks the database.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>
#include <set>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "core/store/outbox.h"
#include "test_support.h"

namespace orlive {
namespace {

[[noreturn]] void enqueue_forever(const std::filesystem::path& dir, int report_fd) {
    auto db = Database::open_in(dir);
    if (!db.ok()) _exit(3);
    for (TimeMs i = 0;; ++i) {
        NewPost post;
        post.text = "Update " + std::to_string(i);
        post.state = PostState::Queued;
        post.created_at = i;
        post.release_at = i;
        auto id = enqueue_post(**db, post, {"main", "sky", "team"});
        if (!id.ok()) _exit(4);
        std::int64_t acknowledged = *id;
        if (write(report_fd, &acknowledged, sizeof acknowledged) != sizeof acknowledged) _exit(5);
    }
}

TEST(AtomicityUnderKillNine, AcknowledgedPostsSurviveAndNothingIsHalfWritten) {
    testing::TempDir dir;
    ASSERT_TRUE(Database::open_in(dir.path()).ok());  // create and migrate once
    std::mt19937 random(12345);
    std::set<std::int64_t> acknowledged;
    const int cycles = 20;
    for (int cycle = 0; cycle < cycles; ++cycle) {
        int fds[2];
        ASSERT_EQ(pipe(fds), 0);
        pid_t child = fork();
        ASSERT_GE(child, 0);
        if (child == 0) {
            close(fds[0]);
            enqueue_forever(dir.path(), fds[1]);
        }
        close(fds[1]);
        const int wait_for = std::uniform_int_distribution<int>(1, 40)(random);
        std::int64_t id = 0;
        for (int seen = 0; seen < wait_for && read(fds[0], &id, sizeof id) == sizeof id; ++seen) acknowledged.insert(id);
        kill(child, SIGKILL);
        // Ids already in the pipe were acknowledged before the kill: count them too.
        while (read(fds[0], &id, sizeof id) == sizeof id) acknowledged.insert(id);
        close(fds[0]);
        int status = 0;
        waitpid(child, &status, 0);
        ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped on its own with " << WEXITSTATUS(status);
    }

    auto db = Database::open_in(dir.path());
    ASSERT_TRUE(db.ok()) << db.error().message;
    EXPECT_EQ((*db)->sql().execAndGet("PRAGMA integrity_check").getString(), "ok");
    for (std::int64_t acked : acknowledged) {
        auto post = find_post(**db, acked);
        ASSERT_TRUE(post.ok() && post->has_value()) << "acknowledged post " << acked << " was lost";
    }
    SQLite::Statement partial((*db)->sql(),
                              "SELECT count(*) FROM posts p WHERE (SELECT count(*) FROM deliveries d "
                              "WHERE d.post_id = p.id) != 3");
    ASSERT_TRUE(partial.executeStep());
    EXPECT_EQ(partial.getColumn(0).getInt(), 0) << "a post was written without all its delivery rows";
    EXPECT_GE(acknowledged.size(), static_cast<std::size_t>(cycles));
}

}  // namespace
}  // namespace orlive
