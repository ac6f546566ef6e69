// Followers' questions: replies to a case's thread fetched by the sync engine. They are
// untrusted public text that may hold PHI written by anyone: sanitised on the way in
// (core/base/untrusted_text.h), shown only on the coordinator's screen and by `orlivectl
// questions`, never on the gallery, never re-posted, never in the redaction log (hiding one logs
// its id only), and blanked in backups. Functions take the caller's Database (one connection per
// thread).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/store/database.h"

namespace orlive {

enum class QuestionState { New, Answered, Hidden };
std::string_view question_state_name(QuestionState state);

// As a platform delivered it (text already plain: a platform's markup stripped by the caller).
struct IncomingQuestion {
    std::int64_t case_id = 0;
    std::string account;            // our account the reply came to
    std::string platform;           // mastodon | bluesky | …
    std::string remote_id;          // the follower's status id (Bluesky: its at:// uri)
    std::string remote_uri;         // a web URL or at:// uri, when the platform has one
    std::string remote_cid;         // Bluesky: what a reply to it needs
    std::string author;             // the follower's handle, untrusted
    std::string text;               // untrusted
    std::optional<std::int64_t> reply_to_post;  // our post it replies to
    TimeMs received_at = 0;
};

struct QuestionRecord {
    std::int64_t id = 0;
    std::int64_t case_id = 0;
    std::string account;
    std::string platform;
    std::string remote_id;
    std::string remote_uri;
    std::string remote_cid;
    std::string author;
    std::string text;
    TimeMs received_at = 0;
    std::optional<std::int64_t> reply_to_post;
    QuestionState state = QuestionState::New;
    bool case_withdrawn = false;  // consent was withdrawn: no answer may go out
};

// Sanitises author and text and stores the question unless (account, remote_id) is already
// there. Returns whether it was new.
Result<bool> insert_question(Database& db, const IncomingQuestion& question);
// Every question (of one case), oldest first.
Result<std::vector<QuestionRecord>> list_questions(Database& db, std::optional<std::int64_t> case_id = {});
// What the Questions tab shows: not hidden, not erased (retention.h), newest first, at most
// `limit` (a flood of replies must not make every snapshot read them all).
Result<std::vector<QuestionRecord>> newest_shown_questions(Database& db, std::int64_t case_id, int limit);
Result<std::optional<QuestionRecord>> find_question(Database& db, std::int64_t question_id);
// Hidden from every screen; logged (`question-hidden`, the question's id, never its text).
Status hide_question(Database& db, std::int64_t question_id, TimeMs now);
// Inside the caller's open write transaction, when an answer is stored. Throws SQLite::Exception.
void mark_question_answered(Database& db, std::int64_t question_id);
// New (not hidden, not answered, not erased) questions of a case, for a count badge.
Result<int> count_new_questions(Database& db, std::int64_t case_id);

}  // namespace orlive
