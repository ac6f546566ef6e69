// Fuzzes the PHI filter: any bytes as text, against the shipped case context or one taken from
// the input. The spans must be sorted, non-overlapping, non-empty and inside the text, and
// redacting them must work, whatever the input.
//
// Input: TEXT, optionally followed by NUL-separated context fields:
//   TEXT \0 PATIENT_NAME \0 MRN \0 DOB \0 ALLOWED_NAME \0 ALLOWED_NAME ...
// Without a NUL the whole input is the text (so the seeds are plain OR sentences) and the
// context is a realistic one, so the patient matcher runs on every input.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/privacy/phi_filter.h"
#include "fuzz_check.h"

namespace {

const orlive::PhiFilter& filter() {
    static const std::unique_ptr<orlive::PhiFilter> loaded = [] {
        auto result = orlive::load_phi_filter(ORLIVE_SOURCE_ASSETS_DIR);
        FUZZ_CHECK(result.ok(), "the filter's word lists load from assets/");
        return std::move(result.value());
    }();
    return *loaded;
}

orlive::FilterContext default_context() {
    orlive::FilterContext context;
    context.patient.names = {"Maria Lopez", "José Muñoz"};
    context.patient.mrn = "12345678";
    context.patient.dob = "1958-03-05";
    context.allow = {"Dr. Rivera", "Sam Okafor"};
    return context;
}

std::vector<std::string_view> split_on_nul(std::string_view input) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t nul; (nul = input.find('\0', start)) != std::string_view::npos; start = nul + 1)
        parts.push_back(input.substr(start, nul - start));
    parts.push_back(input.substr(start));
    return parts;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    const std::vector<std::string_view> parts = split_on_nul(input);
    const std::string_view text = parts[0];

    orlive::FilterContext context = default_context();
    if (parts.size() > 1) {
        context = {};
        context.patient.names = {std::string(parts[1])};
        if (parts.size() > 2) context.patient.mrn = parts[2];
        if (parts.size() > 3) context.patient.dob = parts[3];
        for (std::size_t i = 4; i < parts.size(); ++i) context.allow.emplace_back(parts[i]);
    }

    const std::vector<orlive::PhiSpan> spans = filter().find(text, context);
    for (std::size_t i = 0; i < spans.size(); ++i) {
        FUZZ_CHECK(spans[i].start < spans[i].end, "a span is non-empty");
        FUZZ_CHECK(spans[i].end <= text.size(), "a span ends inside the text");
        if (i > 0) FUZZ_CHECK(spans[i - 1].end <= spans[i].start, "spans are sorted and do not overlap");
    }
    const std::string redacted = orlive::apply_redactions(text, spans);
    if (spans.empty()) FUZZ_CHECK(redacted == text, "with no spans the text is unchanged");
    return 0;
}
