#include "core/store/question_store.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "core/audit/redaction_log.h"
#include "core/base/untrusted_text.h"

namespace orlive {

namespace {

constexpr const char* kQuestionColumns =
    "q.id, q.case_id, q.account, q.platform, q.remote_id, q.remote_uri, q.remote_cid, q.author, q.text, "
    "q.received_at, q.reply_to_post, q.state, c.withdrawn_at IS NOT NULL";

Error db_error(const char* what, const SQLite::Exception& e) {
    return make_error(std::string(what) + ": " + e.getErrorStr());
}

QuestionState parse_state(const std::string& text) {
    if (text == "answered") return QuestionState::Answered;
    if (text == "hidden") return QuestionState::Hidden;
    return QuestionState::New;
}

QuestionRecord read_question(SQLite::Statement& row) {
    QuestionRecord q;
    q.id = row.getColumn(0).getInt64();
    q.case_id = row.getColumn(1).getInt64();
    q.account = row.getColumn(2).getString();
    q.platform = row.getColumn(3).getString();
    q.remote_id = row.getColumn(4).getString();
    q.remote_uri = row.getColumn(5).getString();
    q.remote_cid = row.getColumn(6).getString();
    q.author = row.getColumn(7).getString();
    q.text = row.getColumn(8).getString();
    q.received_at = row.getColumn(9).getInt64();
    if (!row.getColumn(10).isNull()) q.reply_to_post = row.getColumn(10).getInt64();
    q.state = parse_state(row.getColumn(11).getString());
    q.case_withdrawn = row.getColumn(12).getInt() != 0;
    return q;
}

}  // namespace

std::string_view question_state_name(QuestionState state) {
    switch (state) {
        case QuestionState::New: return "new";
        case QuestionState::Answered: return "answered";
        case QuestionState::Hidden: return "hidden";
    }
    return "new";
}

Result<bool> insert_question(Database& db, const IncomingQuestion& question) {
    if (question.remote_id.empty()) return make_error("a question needs the platform's id for it");
    try {
        SQLite::Statement insert(db.sql(),
                                 "INSERT OR IGNORE INTO questions (case_id, account, platform, remote_id, remote_uri, "
                                 "remote_cid, author, text, received_at, reply_to_post) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, question.case_id);
        insert.bind(2, question.account);
        insert.bind(3, question.platform);
        insert.bind(4, question.remote_id);
        insert.bind(5, question.remote_uri);
        insert.bind(6, question.remote_cid);
        insert.bind(7, sanitise_untrusted_text(question.author, kMaxAuthorCodePoints));
        insert.bind(8, sanitise_untrusted_text(question.text, kMaxQuestionCodePoints));
        insert.bind(9, static_cast<std::int64_t>(question.received_at));
        if (question.reply_to_post) insert.bind(10, *question.reply_to_post); else insert.bind(10);
        return insert.exec() == 1;
    } catch (const SQLite::Exception& e) {
        return db_error("cannot store a follower's question", e);
    }
}

Result<std::vector<QuestionRecord>> list_questions(Database& db, std::optional<std::int64_t> case_id) {
    try {
        SQLite::Statement rows(db.sql(), std::string("SELECT ") + kQuestionColumns +
                                             " FROM questions q JOIN cases c ON c.id = q.case_id" +
                                             (case_id ? " WHERE q.case_id = ?" : "") + " ORDER BY q.id");
        if (case_id) rows.bind(1, *case_id);
        std::vector<QuestionRecord> all;
        while (rows.executeStep()) all.push_back(read_question(rows));
        return all;
    } catch (const SQLite::Exception& e) {
        return db_error("cannot read the questions", e);
    }
}

Result<std::vector<QuestionRecord>> newest_shown_questions(Database& db, std::int64_t case_id, int limit) {
    try {
        SQLite::Statement rows(db.sql(), std::string("SELECT ") + kQuestionColumns +
                                             " FROM questions q JOIN cases c ON c.id = q.case_id WHERE q.case_id = ? "
                                             "AND q.state <> 'hidden' AND q.text <> '' ORDER BY q.id DESC LIMIT ?");
        rows.bind(1, case_id);
        rows.bind(2, limit);
        std::vector<QuestionRecord> shown;
        while (rows.executeStep()) shown.push_back(read_question(rows));
        return shown;
    } catch (const SQLite::Exception& e) {
        return db_error("cannot read the questions", e);
    }
}

Result<std::optional<QuestionRecord>> find_question(Database& db, std::int64_t question_id) {
    try {
        SQLite::Statement row(db.sql(), std::string("SELECT ") + kQuestionColumns +
                                            " FROM questions q JOIN cases c ON c.id = q.case_id WHERE q.id = ?");
        row.bind(1, question_id);
        if (!row.executeStep()) return std::optional<QuestionRecord>();
        return std::optional<QuestionRecord>(read_question(row));
    } catch (const SQLite::Exception& e) {
        return db_error("cannot read the question", e);
    }
}

Status hide_question(Database& db, std::int64_t question_id, TimeMs now) {
    try {
        SQLite::Transaction transaction(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement owner(db.sql(), "SELECT case_id, state FROM questions WHERE id = ?");
        owner.bind(1, question_id);
        if (!owner.executeStep())
            return make_error("there is no question " + std::to_string(question_id) + " (see orlivectl questions)");
        if (owner.getColumn(1).getString() == "hidden")
            return make_error("question " + std::to_string(question_id) + " is already hidden");
        LogEntry entry;
        entry.at = now;
        entry.case_id = owner.getColumn(0).getInt64();
        entry.action = log_action::kQuestionHidden;
        entry.detail = "question " + std::to_string(question_id);
        SQLite::Statement hide(db.sql(), "UPDATE questions SET state = 'hidden' WHERE id = ?");
        hide.bind(1, question_id);
        hide.exec();
        append_log_entries(db.sql(), db.device_key(), {entry});
        transaction.commit();
        seal_log_head(db);
        return Ok{};
    } catch (const SQLite::Exception& e) {
        return db_error("cannot hide the question", e);
    }
}

void mark_question_answered(Database& db, std::int64_t question_id) {
    SQLite::Statement update(db.sql(), "UPDATE questions SET state = 'answered' WHERE id = ? AND state = 'new'");
    update.bind(1, question_id);
    update.exec();
}

Result<int> count_new_questions(Database& db, std::int64_t case_id) {
    try {
        SQLite::Statement count(db.sql(), "SELECT count(*) FROM questions WHERE case_id = ? AND state = 'new' AND text <> ''");
        count.bind(1, case_id);
        count.executeStep();
        return count.getColumn(0).getInt();
    } catch (const SQLite::Exception& e) {
        return db_error("cannot count the questions", e);
    }
}

}  // namespace orlive
