#include <iostream>
#include <iterator>

#include "core/compose/post_pipeline.h"
#include "core/store/case_store.h"
#include "core/store/consent_change.h"
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
    if (args.has("patient-stdin")) {
        if (args.has("patient-name") || args.has("mrn") || args.has("dob"))
            return usage_error("--patient-stdin replaces --patient-name, --mrn and --dob; give one or the other");
        // On stdin, so the details never show in a process list or the shell's history.
        std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
        auto patient = parse_patient_json(text);
        if (!patient) return fail("--patient-stdin: " + patient.error().message);
        start.patient = std::move(patient.value());
    } else {
        start.patient.names = args.all("patient-name");
        start.patient.mrn = args.get("mrn").value_or("");
        start.patient.dob = args.get("dob").value_or("");
    }
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

Result<ConsentChangeResult> apply_consent_change(CommandContext& context, Database& db, const ConsentChange& change) {
    // Withdrawal needs nothing but the database, so a broken settings file cannot stop it; a
    // downgrade runs the filter again over the unsent posts.
    if (change.consent == Consent::None) return change_consent(db, change, context.clock().now_ms());
    auto settings = context.settings();
    if (!settings) return settings.error();
    auto catalog = context.catalog();
    if (!catalog) return catalog.error();
    auto filter = context.filter();
    if (!filter) return filter.error();
    PostPipeline pipeline(db, **catalog, **filter, **settings, context.clock());
    return pipeline.change_consent(change);
}

int case_consent(CommandContext& context, const Args& args) {
    if (args.words().size() < 3) return usage_error("case consent needs a level: none, deidentified or full");
    auto consent = parse_consent(args.words()[2]);
    if (!consent) return usage_error("consent must be none, deidentified or full");
    ConsentChange change;
    change.consent = *consent;
    change.release_ref = args.get("release-ref").value_or("");
    if (auto id = args.get("case")) {
        try {
            std::size_t used = 0;
            long long value = std::stoll(*id, &used);
            if (used != id->size() || value <= 0) throw std::invalid_argument("not an id");
            change.case_id = static_cast<std::int64_t>(value);
        } catch (const std::exception&) {
            return usage_error("--case must be a case id, got '" + *id + "'");
        }
    }
    auto db = context.database();
    if (!db) return fail(db.error().message);
    auto changed = apply_consent_change(context, **db, change);
    if (!changed) return fail(changed.error().message);
    std::cout << "case " << changed->case_id << ": consent is now " << consent_name(*consent);
    if (changed->cancelled > 0) std::cout << "; " << changed->cancelled << " unsent post(s) cancelled";
    if (changed->held > 0) std::cout << "; " << changed->held << " unsent post(s) held for review again";
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
                                     "mrn", "dob", "patient-stdin", "staff", "hashtag", "surgeon"});
        if (!unknown.empty()) return usage_error("case start does not take " + unknown.front());
        return case_start(context, args);
    }
    if (sub == "transcript") return run_transcript(context, args);
    auto unknown = args.unknown({"data-dir", "config", "release-ref", "case"});
    if (!unknown.empty()) return usage_error("case " + sub + " does not take " + unknown.front());
    if (sub == "end") return case_end(context);
    if (sub == "consent") return case_consent(context, args);
    if (sub == "show") return case_show(context);
    return usage_error("case needs start, end, consent, show or transcript");
}

}  // namespace orlive::cli
