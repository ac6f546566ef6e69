#include <iostream>

#include "core/store/case_store.h"
#include "orlivectl/commands.h"

namespace orlive::cli {

namespace {

int case_start(CommandContext& context, const Args& args) {
    auto procedure = args.get("procedure");
    if (!procedure) return usage_error("case start needs --procedure ID (see orlivectl templates list)");
    auto catalog = context.catalog();
    if (!catalog) return fail(catalog.error().message);
    const ProcedureTemplate* tpl = (*catalog)->find(*procedure);
    if (!tpl || tpl->kind != TemplateKind::Procedure)
        return fail("unknown procedure '" + *procedure + "' (see orlivectl templates list)");

    CaseStart start;
    start.procedure_id = *procedure;
    std::string consent_text = args.get("consent").value_or("none");
    auto consent = parse_consent(consent_text);
    if (!consent) return usage_error("--consent must be none, deidentified or full");
    start.consent = *consent;
    start.release_ref = args.get("release-ref").value_or("");
    start.patient.names = args.all("patient-name");
    start.patient.mrn = args.get("mrn").value_or("");
    start.patient.dob = args.get("dob").value_or("");
    start.staff = args.all("staff");
    start.surgeon = args.get("surgeon").value_or("");
    for (std::string tag : args.all("hashtag")) {
        if (!tag.empty() && tag.front() == '#') tag.erase(0, 1);
        if (tag.empty() || tag.find(' ') != std::string::npos) return usage_error("--hashtag must be one word");
        start.hashtags.push_back(tag);
    }
    auto db = context.database();
    if (!db) return fail(db.error().message);
    auto id = start_case(**db, start, context.clock().now_ms());
    if (!id) return fail(id.error().message);
    std::cout << *id << "\n";
    return kExitOk;
}

int case_end(CommandContext& context) {
    auto db = context.database();
    if (!db) return fail(db.error().message);
    auto id = end_active_case(**db, context.clock().now_ms());
    if (!id) return fail(id.error().message);
    std::cout << "case " << *id << " ended\n";
    return kExitOk;
}

int case_consent(CommandContext& context, const Args& args) {
    if (args.words().size() < 3) return usage_error("case consent needs a level: none, deidentified or full");
    auto consent = parse_consent(args.words()[2]);
    if (!consent) return usage_error("consent must be none, deidentified or full");
    auto db = context.database();
    if (!db) return fail(db.error().message);
    auto cancelled = change_consent(**db, *consent, args.get("release-ref").value_or(""), context.clock().now_ms());
    if (!cancelled) return fail(cancelled.error().message);
    std::cout << "consent is now " << consent_name(*consent);
    if (*cancelled > 0) std::cout << "; " << *cancelled << " unsent post(s) cancelled";
    std::cout << "\n";
    return kExitOk;
}

int case_show(CommandContext& context) {
    auto db = context.database();
    if (!db) return fail(db.error().message);
    auto active = active_case(**db);
    if (!active) return fail(active.error().message);
    if (!active->has_value()) {
        std::cout << "no active case\n";
        return kExitOk;
    }
    const CaseRecord& record = active->value();
    std::cout << "case " << record.id << ": " << record.procedure_id << ", consent " << consent_name(record.consent)
              << (record.release_ref.empty() ? "" : " (release " + record.release_ref + ")") << "\n";
    return kExitOk;
}

}  // namespace

int run_case(CommandContext& context, const Args& args) {
    const std::string sub = args.words().size() > 1 ? args.words()[1] : "";
    if (sub == "start") {
        auto unknown = args.unknown({"data-dir", "config", "procedure", "consent", "release-ref", "patient-name",
                                     "mrn", "dob", "staff", "hashtag", "surgeon"});
        if (!unknown.empty()) return usage_error("case start does not take " + unknown.front());
        return case_start(context, args);
    }
    if (sub == "transcript") return run_transcript(context, args);
    auto unknown = args.unknown({"data-dir", "config", "release-ref"});
    if (!unknown.empty()) return usage_error("case " + sub + " does not take " + unknown.front());
    if (sub == "end") return case_end(context);
    if (sub == "consent") return case_consent(context, args);
    if (sub == "show") return case_show(context);
    return usage_error("case needs start, end, consent, show or transcript");
}

}  // namespace orlive::cli
