// Years of use in a few seconds: past cases with their posts (delivered to two accounts) and
// redaction-log entries, written through the core APIs (start_case, enqueue_post,
// append_log_entries) so the rows are exactly what the app writes. Generation turns fsync off
// on this connection (synchronous=OFF) and restores FULL afterwards: it is test data, and
// 100k fsyncs would take minutes without changing a single row.
#pragma once

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Transaction.h>

#include "core/store/case_store.h"
#include "core/store/database.h"
#include "core/audit/device_key.h"
#include "core/store/outbox.h"
#include "core/audit/redaction_log.h"

namespace orlive::scale {

struct HistoryShape {
    std::int64_t posts = 100'000;
    std::int64_t log_entries = 1'000'000;
    int posts_per_case = 10;
    TimeMs ends_at = 1'790'000'000'000;  // the last generated post; the live case comes after
};

inline void must(bool ok, const std::string& what) {
    if (!ok) throw std::runtime_error("history generator: " + what);
}

inline void generate_posts(Database& db, const HistoryShape& shape) {
    db.sql().exec("PRAGMA synchronous = OFF");
    const TimeMs step = 3 * 60'000;  // a post every three minutes of past OR time
    TimeMs at = shape.ends_at - shape.posts * step;
    std::int64_t case_id = 0;
    for (std::int64_t i = 0; i < shape.posts; ++i, at += step) {
        if (i % shape.posts_per_case == 0) {
            if (i > 0) must(end_active_case(db, at).ok(), "end_active_case");
            CaseStart start;
            start.procedure_id = "lap-chole";
            start.consent = Consent::Deidentified;
            auto started = start_case(db, start, at);
            must(started.ok(), "start_case");
            case_id = *started;
        }
        NewPost post;
        post.case_id = case_id;
        post.milestone_id = "time-out";
        post.text = "Time-out complete: team confirmed patient, site and procedure. #SurgEd #" + std::to_string(i);
        post.state = PostState::Queued;
        post.created_at = at;
        post.release_at = at + 10'000;
        must(enqueue_post(db, post, {"main", "team"}).ok(), "enqueue_post");
    }
    if (shape.posts > 0) must(end_active_case(db, at).ok(), "end_active_case");
    // Past posts went out long ago. The sync engine (not merged yet) owns the API that records
    // a delivery, so this one statement stands in for it: the rows end as it would leave them.
    db.sql().exec("UPDATE deliveries SET state = 'sent', attempts = 1, remote_id = 'r' || id WHERE state = 'queued'");
    db.sql().exec("PRAGMA synchronous = FULL");
}

// Entries spread evenly over the generated posts, in transactions of 10,000.
inline void generate_log(Database& db, const HistoryShape& shape) {
    db.sql().exec("PRAGMA synchronous = OFF");
    const std::int64_t per_post = shape.posts > 0 ? std::max<std::int64_t>(1, shape.log_entries / shape.posts) : 1;
    const std::string span_hmac = db.device_key().hmac_hex("Maria Lopez");
    std::int64_t written = 0;
    while (written < shape.log_entries) {
        SQLite::Transaction transaction(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        std::vector<LogEntry> batch;
        for (int i = 0; i < 10'000 && written < shape.log_entries; ++i, ++written) {
            LogEntry entry;
            entry.post_id = shape.posts > 0 ? 1 + written / per_post : std::optional<std::int64_t>();
            entry.at = shape.ends_at - (shape.log_entries - written) * 1'000;
            entry.category = "NAME";
            entry.rule = "patient-name";
            entry.action = log_action::kRedacted;
            entry.start = 10;
            entry.end = 21;
            entry.span_hmac = span_hmac;
            batch.push_back(std::move(entry));
        }
        append_log_entries(db.sql(), db.device_key(), batch);
        transaction.commit();
    }
    seal_log_head(db);
    db.sql().exec("PRAGMA synchronous = FULL");
}

}  // namespace orlive::scale
