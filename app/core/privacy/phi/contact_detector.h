// ContactDetector: phone and fax numbers (US and international, with extensions), e-mail
// addresses, URLs and bare web domains, IPv4 and IPv6 addresses.
// Immutable after construction; find() is const and safe from any thread.
#pragma once

#include <re2/re2.h>

#include <memory>
#include <string_view>
#include <vector>

#include "core/privacy/phi/span_resolver.h"

namespace orlive {

class ContactDetector {
public:
    ContactDetector();
    ~ContactDetector();
    ContactDetector(const ContactDetector&) = delete;
    ContactDetector& operator=(const ContactDetector&) = delete;

    bool ok() const;
    void find(std::string_view text, std::vector<Candidate>& out) const;

private:
    void find_web(std::string_view text, std::vector<Candidate>& out) const;
    void find_ip(std::string_view text, std::vector<Candidate>& out) const;
    void find_phones(std::string_view text, std::vector<Candidate>& out) const;
    void find_loose_phones(std::string_view text, std::vector<Candidate>& out) const;
    void find_short_phones(std::string_view text, std::vector<Candidate>& out) const;

    std::unique_ptr<RE2> email_;
    std::unique_ptr<RE2> email_spelled_;  // "maria(at)gmail(dot)com"
    std::unique_ptr<RE2> url_;
    std::unique_ptr<RE2> domain_;
    std::unique_ptr<RE2> ipv4_;
    std::unique_ptr<RE2> ipv6_;
    std::unique_ptr<RE2> phone_us_;
    std::unique_ptr<RE2> phone_intl_;
    std::unique_ptr<RE2> phone_keyword_;
    std::unique_ptr<RE2> phone_loose_;
    std::unique_ptr<RE2> phone_area_;
    std::unique_ptr<RE2> phone_trunk_;
    std::unique_ptr<RE2> phone_local_;     // 555-2368
    std::unique_ptr<RE2> pager_;           // pager 4471, ext 204
    std::unique_ptr<RE2> spelled_digits_;  // six one seven five five five ...
};

}  // namespace orlive
