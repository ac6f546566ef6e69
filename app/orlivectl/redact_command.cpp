// orlivectl redact: the filter as a JSON Lines filter (README, "The contract"). One output line per input
// line, in order; a bad line gets an error object and the rest go on.
#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/base/json_dump.h"
#include "core/base/utf8.h"
#include "orlivectl/commands.h"

namespace orlive::cli {

using nlohmann::json;

namespace {

Result<std::vector<std::string>> string_list(const json& value, const char* what) {
    if (!value.is_array()) return make_error(std::string(what) + " must be an array of strings");
    std::vector<std::string> out;
    for (const json& item : value) {
        if (!item.is_string()) return make_error(std::string(what) + " must be an array of strings");
        out.push_back(item.get<std::string>());
    }
    return out;
}

Result<FilterContext> parse_context(const json& value) {
    if (!value.is_object()) return make_error("context must be an object");
    FilterContext context;
    if (value.contains("patient")) {
        const json& patient = value["patient"];
        if (!patient.is_object()) return make_error("context.patient must be an object");
        if (patient.contains("names")) {
            auto names = string_list(patient["names"], "context.patient.names");
            if (!names) return names.error();
            context.patient.names = std::move(names.value());
        }
        for (const char* key : {"mrn", "dob"}) {
            if (!patient.contains(key)) continue;
            if (!patient[key].is_string()) return make_error(std::string("context.patient.") + key + " must be a string");
            (std::string(key) == "mrn" ? context.patient.mrn : context.patient.dob) = patient[key].get<std::string>();
        }
    }
    if (value.contains("allow")) {
        auto allow = string_list(value["allow"], "context.allow");
        if (!allow) return allow.error();
        context.allow = std::move(allow.value());
    }
    // The hospital's own name, as the app passes it from settings: an organisation, never a person.
    if (value.contains("hospital")) {
        if (!value["hospital"].is_string()) return make_error("context.hospital must be a string");
        context.allow.push_back(value["hospital"].get<std::string>());
    }
    return context;
}

}  // namespace

int run_redact(CommandContext& context, const Args& args) {
    auto unknown = args.unknown({"data-dir", "config", "context"});
    if (!unknown.empty()) return usage_error("redact does not take " + unknown.front());
    FilterContext defaults;
    if (auto file = args.get("context")) {
        std::ifstream in(*file);
        if (!in) return fail("cannot read context file " + *file);
        json parsed = json::parse(in, nullptr, false);
        if (parsed.is_discarded()) return fail("context file " + *file + " is not valid JSON");
        auto loaded = parse_context(parsed);
        if (!loaded) return fail("context file " + *file + ": " + loaded.error().message);
        defaults = std::move(loaded.value());
    }
    auto filter = context.filter();
    if (!filter) return fail(filter.error().message);

    std::string line;
    long line_number = 0;
    while (std::getline(std::cin, line)) {
        ++line_number;
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        // Checked before parsing, so a bad byte gets its own reason rather than "not valid JSON".
        const Status utf8 = require_utf8(line, "the line");
        json input = utf8 ? json::parse(line, nullptr, false) : json(json::value_t::discarded);
        json id = input.is_object() && input.contains("id") ? input["id"] : json(nullptr);
        auto error = [&](const std::string& message) {
            std::cout << dump_json({{"id", id}, {"error", "line " + std::to_string(line_number) + ": " + message}})
                      << std::endl;
        };
        if (!utf8) {
            error(utf8.error().message);
            continue;
        }
        if (input.is_discarded()) {
            error("not valid JSON");
            continue;
        }
        if (!input.is_object() || !input.contains("text") || !input["text"].is_string()) {
            error("needs a \"text\" string");
            continue;
        }
        FilterContext line_context = defaults;
        if (input.contains("context") && !input["context"].is_null()) {
            auto parsed = parse_context(input["context"]);
            if (!parsed) {
                error(parsed.error().message);
                continue;
            }
            line_context = std::move(parsed.value());
        }
        const std::string text = input["text"].get<std::string>();
        std::vector<PhiSpan> spans = (*filter)->find(text, line_context);
        json out_spans = json::array();
        for (const PhiSpan& span : spans) {
            out_spans.push_back({{"start", span.start},
                                 {"end", span.end},
                                 {"category", category_name(span.category)},
                                 {"rule", span.rule}});
        }
        json out = {{"id", id}, {"redacted", apply_redactions(text, spans)}, {"spans", out_spans}};
        std::cout << dump_json(out) << std::endl;
    }
    return kExitOk;
}

}  // namespace orlive::cli
