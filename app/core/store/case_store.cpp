#include "core/store/case_store.h"

#include "core/base/utf8.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <nlohmann/json.hpp>

namespace orlive {

using nlohmann::json;

namespace {

bool is_iso_date(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
        if (text[i] < '0' || text[i] > '9') return false;
    }
    int month = std::stoi(text.substr(5, 2));
    int day = std::stoi(text.substr(8, 2));
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::string patient_to_json(const PatientDetails& patient) {
    return json{{"names", patient.names}, {"mrn", patient.mrn}, {"dob", patient.dob}}.dump();
}

std::vector<std::string> strings_from_json(const std::string& text);

// Tolerant of a damaged row: a field of the wrong type reads as empty rather than throwing.
PatientDetails patient_from_json(const std::string& text) {
    PatientDetails patient;
    json root = json::parse(text, nullptr, false);
    if (!root.is_object()) return patient;
    if (root.contains("names")) patient.names = strings_from_json(root["names"].dump());
    if (root.contains("mrn") && root["mrn"].is_string()) patient.mrn = root["mrn"].get<std::string>();
    if (root.contains("dob") && root["dob"].is_string()) patient.dob = root["dob"].get<std::string>();
    return patient;
}

std::vector<std::string> strings_from_json(const std::string& text) {
    json root = json::parse(text, nullptr, false);
    if (!root.is_array()) return {};
    std::vector<std::string> out;
    for (const json& item : root) {
        if (item.is_string()) out.push_back(item.get<std::string>());
    }
    return out;
}

CaseRecord read_case(SQLite::Statement& row) {
    CaseRecord record;
    record.id = row.getColumn(0).getInt64();
    record.procedure_id = row.getColumn(1).getString();
    record.consent = parse_consent(row.getColumn(2).getString()).value_or(Consent::None);
    record.release_ref = row.getColumn(3).getString();
    record.patient = patient_from_json(row.getColumn(4).getString());
    record.staff = strings_from_json(row.getColumn(5).getString());
    record.hashtags = strings_from_json(row.getColumn(6).getString());
    record.surgeon = row.getColumn(7).getString();
    record.started_at = row.getColumn(8).getInt64();
    if (!row.getColumn(9).isNull()) record.ended_at = row.getColumn(9).getInt64();
    return record;
}

constexpr const char* kCaseColumns =
    "id, procedure_id, consent, release_ref, patient_json, staff_json, hashtags_json, surgeon, "
    "started_at, ended_at";

Result<std::optional<CaseRecord>> query_case(Database& db, const std::string& where, std::int64_t id) {
    try {
        SQLite::Statement row(db.sql(), std::string("SELECT ") + kCaseColumns + " FROM cases WHERE " + where);
        if (where.find('?') != std::string::npos) row.bind(1, id);
        if (!row.executeStep()) return std::optional<CaseRecord>();
        return std::optional<CaseRecord>(read_case(row));
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot read cases: ") + e.getErrorStr());
    }
}

}  // namespace

Result<PatientDetails> parse_patient_json(const std::string& text) {
    json root = json::parse(text, nullptr, false);
    if (root.is_discarded() || !root.is_object())
        return make_error("patient details must be one JSON object {\"names\":[...],\"mrn\":\"...\",\"dob\":\"YYYY-MM-DD\"} "
                          "in UTF-8");
    PatientDetails patient;
    for (const auto& [key, value] : root.items()) {
        if (key == "names") {
            if (!value.is_array()) return make_error("patient \"names\" must be an array of strings");
            for (const json& name : value) {
                if (!name.is_string()) return make_error("patient \"names\" must be an array of strings");
                if (!name.get<std::string>().empty()) patient.names.push_back(name.get<std::string>());
            }
        } else if (key == "mrn" || key == "dob") {
            if (!value.is_string()) return make_error("patient \"" + key + "\" must be a string");
            (key == "mrn" ? patient.mrn : patient.dob) = value.get<std::string>();
        } else {
            return make_error("patient details do not take \"" + key + "\" (names, mrn, dob)");
        }
    }
    return patient;
}

std::string_view consent_name(Consent consent) {
    switch (consent) {
        case Consent::None: return "none";
        case Consent::Deidentified: return "deidentified";
        case Consent::Full: return "full";
    }
    return "none";
}

std::optional<Consent> parse_consent(std::string_view text) {
    if (text == "none") return Consent::None;
    if (text == "deidentified") return Consent::Deidentified;
    if (text == "full") return Consent::Full;
    return std::nullopt;
}

FilterContext CaseRecord::filter_context(const std::vector<std::string>& extra_allow) const {
    FilterContext context;
    context.patient = patient;
    context.allow = staff;
    if (!surgeon.empty()) context.allow.push_back(surgeon);
    context.allow.insert(context.allow.end(), extra_allow.begin(), extra_allow.end());
    return context;
}

namespace {

// Every text of a case is stored and later serialised; none may be invalid UTF-8.
Status require_utf8_case(const CaseStart& start) {
    std::vector<std::pair<std::string_view, const char*>> texts = {
        {start.procedure_id, "the procedure id"}, {start.release_ref, "the release reference"},
        {start.patient.mrn, "the MRN"},           {start.patient.dob, "the date of birth"},
        {start.surgeon, "the surgeon's name"}};
    for (const std::string& name : start.patient.names) texts.emplace_back(name, "a patient name");
    for (const std::string& name : start.staff) texts.emplace_back(name, "a staff name");
    for (const std::string& tag : start.hashtags) texts.emplace_back(tag, "a hashtag");
    for (const auto& [text, what] : texts) {
        if (auto utf8 = require_utf8(text, what); !utf8) return utf8;
    }
    return Ok{};
}

}  // namespace

Result<std::int64_t> start_case(Database& db, const CaseStart& start, TimeMs now) {
    if (auto utf8 = require_utf8_case(start); !utf8) return utf8.error();
    if (start.procedure_id.empty()) return make_error("a case needs a procedure");
    if (start.consent == Consent::Full && start.release_ref.empty())
        return make_error("full consent needs a release reference (the signed media release form's number)");
    if (!start.patient.dob.empty() && !is_iso_date(start.patient.dob))
        return make_error("date of birth must be YYYY-MM-DD, got '" + start.patient.dob + "'");
    try {
        SQLite::Transaction transaction(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement active(db.sql(), "SELECT id FROM cases WHERE ended_at IS NULL");
        if (active.executeStep()) {
            return make_error("case " + std::to_string(active.getColumn(0).getInt64()) +
                              " is still active; end it first");
        }
        SQLite::Statement insert(db.sql(),
                                 "INSERT INTO cases (procedure_id, consent, release_ref, patient_json, staff_json, "
                                 "hashtags_json, surgeon, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, start.procedure_id);
        insert.bind(2, std::string(consent_name(start.consent)));
        insert.bind(3, start.release_ref);
        insert.bind(4, patient_to_json(start.patient));
        insert.bind(5, json(start.staff).dump());
        insert.bind(6, json(start.hashtags).dump());
        insert.bind(7, start.surgeon);
        insert.bind(8, static_cast<std::int64_t>(now));
        insert.exec();
        std::int64_t id = db.sql().getLastInsertRowid();
        transaction.commit();
        return id;
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot start the case: ") + e.getErrorStr());
    }
}

Result<std::int64_t> end_active_case(Database& db, TimeMs now) {
    try {
        SQLite::Statement update(db.sql(), "UPDATE cases SET ended_at = ? WHERE ended_at IS NULL RETURNING id");
        update.bind(1, static_cast<std::int64_t>(now));
        if (!update.executeStep()) return make_error("no case is active");
        return update.getColumn(0).getInt64();
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot end the case: ") + e.getErrorStr());
    }
}

Result<std::optional<CaseRecord>> active_case(Database& db) {
    return query_case(db, "ended_at IS NULL", 0);
}

Result<std::optional<CaseRecord>> find_case(Database& db, std::int64_t case_id) {
    return query_case(db, "id = ?", case_id);
}

Result<std::vector<CaseSummary>> recent_cases(Database& db, int limit) {
    try {
        SQLite::Statement query(db.sql(),
                                "SELECT id, procedure_id, consent, started_at, ended_at FROM cases ORDER BY id DESC LIMIT ?");
        query.bind(1, limit);
        std::vector<CaseSummary> out;
        while (query.executeStep()) {
            CaseSummary c;
            c.id = query.getColumn(0).getInt64();
            c.procedure_id = query.getColumn(1).getString();
            c.consent = parse_consent(query.getColumn(2).getString()).value_or(Consent::None);
            c.started_at = query.getColumn(3).getInt64();
            if (!query.getColumn(4).isNull()) c.ended_at = query.getColumn(4).getInt64();
            out.push_back(std::move(c));
        }
        return out;
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot read the cases: ") + e.getErrorStr());
    }
}

Result<std::optional<std::int64_t>> latest_ended_case(Database& db) {
    try {
        SQLite::Statement query(db.sql(), "SELECT id FROM cases WHERE ended_at IS NOT NULL ORDER BY ended_at DESC, id DESC LIMIT 1");
        if (!query.executeStep()) return std::optional<std::int64_t>{};
        return std::optional<std::int64_t>(query.getColumn(0).getInt64());
    } catch (const SQLite::Exception& e) {
        return make_error(std::string("cannot read the cases: ") + e.getErrorStr());
    }
}

}  // namespace orlive
