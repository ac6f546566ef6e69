#include "core/store/remote_deletion.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace orlive {

Result<int> retry_failed_deletions(Database& db, std::int64_t post_id, const std::string& account, TimeMs now) {
    try {
        // The error stays until the next attempt replaces it: the Feed keeps saying why.
        SQLite::Statement retry(db.sql(),
                                "UPDATE remote_deletions SET state = 'queued', attempts = 0, next_attempt_at = ?1, "
                                "updated_at = ?1 WHERE state = 'failed' AND delivery_id IN (SELECT id FROM deliveries "
                                "WHERE post_id = ?2 AND (?3 = '' OR account = ?3))");
        retry.bind(1, static_cast<std::int64_t>(now));
        retry.bind(2, post_id);
        retry.bind(3, account);
        const int changed = retry.exec();
        if (changed == 0) {
            return make_error("post " + std::to_string(post_id) + (account.empty() ? "" : " on '" + account + "'") +
                              " has no failed deletion to retry");
        }
        return changed;
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot queue the deletion again: ") + e.getErrorStr());
    }
}

}  // namespace orlive
