#include "core/privacy/phi_filter.h"

namespace orlive {

std::string_view category_name(PhiCategory category) {
    switch (category) {
        case PhiCategory::Name: return "NAME";
        case PhiCategory::Date: return "DATE";
        case PhiCategory::Age: return "AGE";
        case PhiCategory::Phone: return "PHONE";
        case PhiCategory::Email: return "EMAIL";
        case PhiCategory::Ssn: return "SSN";
        case PhiCategory::Mrn: return "MRN";
        case PhiCategory::Account: return "ACCOUNT";
        case PhiCategory::Address: return "ADDRESS";
        case PhiCategory::Url: return "URL";
        case PhiCategory::Ip: return "IP";
        case PhiCategory::DeviceId: return "DEVICE_ID";
        case PhiCategory::Vehicle: return "VEHICLE";
        case PhiCategory::OtherId: return "OTHER_ID";
    }
    return "OTHER_ID";
}

std::optional<PhiCategory> parse_category(std::string_view name) {
    for (int c = 0; c <= static_cast<int>(PhiCategory::OtherId); ++c) {
        if (category_name(static_cast<PhiCategory>(c)) == name) return static_cast<PhiCategory>(c);
    }
    return std::nullopt;
}

std::string apply_redactions(std::string_view text, const std::vector<PhiSpan>& spans) {
    std::string out;
    out.reserve(text.size());
    std::size_t cursor = 0;
    for (const PhiSpan& span : spans) {
        if (span.start < cursor || span.end > text.size() || span.start >= span.end) continue;
        out.append(text.substr(cursor, span.start - cursor));
        out.append("[").append(category_name(span.category)).append("]");
        cursor = span.end;
    }
    out.append(text.substr(cursor));
    return out;
}

}  // namespace orlive

#include "core/privacy/phi/safe_harbor_filter.h"

namespace orlive {

Result<std::unique_ptr<PhiFilter>> load_phi_filter(const std::filesystem::path& assets_dir) {
    return load_safe_harbor_filter(assets_dir);
}

}  // namespace orlive
