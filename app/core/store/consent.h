// Consent: what the patient agreed may go out about their case (a value type; the policy that
// applies it is core/privacy/consent_policy.h).
#pragma once

#include <optional>
#include <string_view>

namespace orlive {

enum class Consent { None, Deidentified, Full };

std::string_view consent_name(Consent consent);                 // "none" | "deidentified" | "full"
std::optional<Consent> parse_consent(std::string_view text);

}  // namespace orlive
