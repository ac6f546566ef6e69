// QuestionPoller: fetches followers' replies to each case's thread while the case is active and
// for kFollowHoursAfterEnd after it ends (never for a withdrawn case), per account whose
// publisher reads replies, and stores the new ones as questions (core/store/question_store.h).
// One request per case and account per poll (the thread's first post's whole reply tree); the
// interval starts at kMinIntervalMs and doubles up to kMaxIntervalMs while nothing new arrives,
// so an idle appliance asks rarely; a platform's Retry-After or rate-limit reset is honoured.
// Threading: one thread, the engine's; the Database belongs to it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/store/database.h"
#include "sync/publisher.h"

namespace orlive {

class QuestionPoller {
public:
    static constexpr TimeMs kMinIntervalMs = 30 * 1000;
    static constexpr TimeMs kMaxIntervalMs = 5 * 60 * 1000;
    static constexpr TimeMs kFollowAfterEndMs = 24LL * 60 * 60 * 1000;

    explicit QuestionPoller(Database& db) : db_(db) {}

    // Polls every case of `account` that is due; returns how many new questions were stored.
    // A platform that fails only delays that case's next poll.
    Result<int> poll_account(const std::string& account, Publisher& publisher, TimeMs now);
    // The earliest next poll of `account`'s followed cases; nothing when none is followed.
    std::optional<TimeMs> next_poll_at(const std::string& account) const;

private:
    struct Followed {
        TimeMs next_at = 0;
        TimeMs interval = kMinIntervalMs;
        bool seen = false;  // still followed at the last look
    };
    struct OurPost {
        std::int64_t post_id = 0;
        RemoteRef remote;
        bool answer = false;
    };
    // Sent posts of every followed case on `account`, by case, oldest first.
    Result<std::map<std::int64_t, std::vector<OurPost>>> followed_posts(const std::string& account, TimeMs now);
    Result<int> poll_case(const std::string& account, Publisher& publisher, std::int64_t case_id,
                          const std::vector<OurPost>& posts, TimeMs now);
    void schedule(Followed& followed, const PublishOutcome& status, int fresh, TimeMs now);

    Database& db_;
    std::map<std::pair<std::string, std::int64_t>, Followed> followed_;
};

}  // namespace orlive
