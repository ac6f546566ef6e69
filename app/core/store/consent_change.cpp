#include "core/store/consent_change.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

namespace orlive {

namespace {

constexpr const char* kNeedsRelease =
    "full consent needs a release reference (the signed media release form's number)";

// Every post of the case that has not (entirely) gone out: in its undo window, held, or queued
// with a delivery still to make or in flight.
constexpr const char* kUnsentPosts =
    "case_id = ? AND (state IN ('pending', 'held') OR (state = 'queued' AND EXISTS (SELECT 1 FROM "
    "deliveries d WHERE d.post_id = posts.id AND d.state IN ('pending', 'queued', 'failed', 'sending'))))";

int cancel_unsent(Database& db, std::int64_t case_id, TimeMs now) {
    SQLite::Statement deliveries(db.sql(),
                                 "UPDATE deliveries SET state = 'cancelled', updated_at = ?, "
                                 "last_error = 'consent withdrawn' WHERE state IN ('pending', 'queued', "
                                 "'failed') AND post_id IN (SELECT id FROM posts WHERE case_id = ?)");
    deliveries.bind(1, static_cast<std::int64_t>(now));
    deliveries.bind(2, case_id);
    deliveries.exec();
    SQLite::Statement posts(db.sql(),
                            "UPDATE posts SET state = 'cancelled', reason = 'consent withdrawn' "
                            "WHERE case_id = ? AND state IN ('pending', 'queued', 'held') AND NOT EXISTS "
                            "(SELECT 1 FROM deliveries d WHERE d.post_id = posts.id AND d.state IN "
                            "('sending', 'sent'))");
    posts.bind(1, case_id);
    return posts.exec();
}

// A downgrade from full: what was released under the old level is looked at again. The post
// waits for the coordinator; its deliveries wait with it (an in-flight one settles on its own).
int hold_unsent(Database& db, const CaseRecord& record, Consent consent, TimeMs now, const ReviewUnder& review) {
    struct Unsent {
        std::int64_t id;
        std::string text;
    };
    std::vector<Unsent> unsent;
    SQLite::Statement pick(db.sql(), std::string("SELECT id, text FROM posts WHERE ") + kUnsentPosts);
    pick.bind(1, record.id);
    while (pick.executeStep()) unsent.push_back({pick.getColumn(0).getInt64(), pick.getColumn(1).getString()});

    const std::string lowered = "consent lowered to " + std::string(consent_name(consent));
    for (const Unsent& post : unsent) {
        ReviewedText reviewed{post.text, -1, "", {}};
        if (review) reviewed = review(record, post.text);
        SQLite::Statement update(db.sql(),
                                 "UPDATE posts SET state = 'held', text = ?, reason = ?, "
                                 "redactions = CASE WHEN ? < 0 THEN redactions ELSE ? END WHERE id = ?");
        update.bind(1, reviewed.text);
        update.bind(2, lowered + (reviewed.reason.empty() ? "" : ": " + reviewed.reason) +
                           "; review again before it is sent");
        update.bind(3, reviewed.redactions);
        update.bind(4, reviewed.redactions);
        update.bind(5, post.id);
        update.exec();
        SQLite::Statement deliveries(db.sql(),
                                     "UPDATE deliveries SET state = 'pending', updated_at = ? WHERE post_id = ? "
                                     "AND state IN ('pending', 'queued', 'failed')");
        deliveries.bind(1, static_cast<std::int64_t>(now));
        deliveries.bind(2, post.id);
        deliveries.exec();
        for (LogEntry& entry : reviewed.log) {
            entry.post_id = post.id;
            entry.case_id = record.id;
        }
        append_log_entries(db.sql(), db.device_key(), reviewed.log);
    }
    return static_cast<int>(unsent.size());
}

std::string change_detail(Consent previous, Consent consent, const ConsentChangeResult& result) {
    std::string detail = std::string(consent_name(previous)) + " -> " + std::string(consent_name(consent)) +
                         (consent == Consent::Full ? " (release on file)" : "") + "; " +
                         std::to_string(result.cancelled) + " unsent post(s) cancelled";
    if (result.held > 0) detail += ", " + std::to_string(result.held) + " held for review again";
    return detail;
}

}  // namespace

Result<ConsentChangeResult> change_consent(Database& db, const ConsentChange& change, TimeMs now,
                                           const ReviewUnder& review) {
    if (change.consent == Consent::Full && change.release_ref.empty()) return make_error(kNeedsRelease);
    try {
        SQLite::Transaction transaction(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        auto found = change.case_id ? find_case(db, *change.case_id) : active_case(db);
        if (!found) return found.error();
        if (!found->has_value()) {
            return make_error(change.case_id ? "case " + std::to_string(*change.case_id) + " does not exist"
                                             : std::string("no case is active (give --case ID for an ended one)"));
        }
        const CaseRecord& record = found->value();

        // withdrawn_at marks a withdrawal (to none from a level that let something out); a new
        // consent above none lifts it for what is posted from then on.
        SQLite::Statement update(db.sql(),
                                 "UPDATE cases SET consent = ?1, release_ref = ?2, withdrawn_at = CASE WHEN ?1 = "
                                 "'none' THEN coalesce(withdrawn_at, CASE WHEN consent <> 'none' THEN ?3 END) "
                                 "ELSE NULL END WHERE id = ?4");
        update.bind(1, std::string(consent_name(change.consent)));
        update.bind(2, change.consent == Consent::Full ? change.release_ref : std::string());
        update.bind(3, static_cast<std::int64_t>(now));
        update.bind(4, record.id);
        update.exec();

        ConsentChangeResult result;
        result.case_id = record.id;
        if (change.consent == Consent::None) {
            result.cancelled = cancel_unsent(db, record.id, now);
        } else if (record.consent == Consent::Full && change.consent != Consent::Full) {
            result.held = hold_unsent(db, record, change.consent, now, review);
        }
        LogEntry entry;
        entry.at = now;
        entry.case_id = record.id;
        entry.action = log_action::kConsentChange;
        entry.detail = change_detail(record.consent, change.consent, result);
        append_log_entries(db.sql(), db.device_key(), {entry});
        transaction.commit();
        seal_log_head(db);
        return result;
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot change consent: ") + e.getErrorStr());
    }
}

Result<int> change_consent(Database& db, Consent consent, const std::string& release_ref, TimeMs now) {
    auto changed = change_consent(db, ConsentChange{std::nullopt, consent, release_ref}, now);
    if (!changed) return changed.error();
    return changed->cancelled;
}

}  // namespace orlive
