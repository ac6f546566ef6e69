#include "core/privacy/patient_entry.h"

#include <cctype>
#include <cstdio>
#include <vector>

#include "core/base/utf8.h"

namespace orlive {

namespace {

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

bool real_date(int year, int month, int day) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1900 || year > 2100 || month < 1 || month > 12 || day < 1) return false;
    return day <= kDays[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
}

// The runs of digits in `text`, and whether anything but digits, separators and spaces is there.
std::vector<std::string> digit_groups(std::string_view text, bool& other) {
    std::vector<std::string> groups;
    std::string current;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            current += c;
            continue;
        }
        if (c != '/' && c != '-' && c != '.' && c != ' ') other = true;
        if (!current.empty()) groups.push_back(current);
        current.clear();
    }
    if (!current.empty()) groups.push_back(current);
    return groups;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && static_cast<unsigned char>(text.front()) <= 0x20) text.remove_prefix(1);
    while (!text.empty() && static_cast<unsigned char>(text.back()) <= 0x20) text.remove_suffix(1);
    return text;
}

}  // namespace

Result<std::string> dob_from_entry(std::string_view typed) {
    bool other = false;
    const std::vector<std::string> g = digit_groups(trimmed(typed), other);
    int year = 0, month = 0, day = 0;
    if (!other && g.size() == 3 && g[0].size() == 4) {
        year = std::stoi(g[0]), month = std::stoi(g[1]), day = std::stoi(g[2]);
    } else if (!other && g.size() == 3 && g[2].size() == 4 && g[0].size() <= 2 && g[1].size() <= 2) {
        month = std::stoi(g[0]), day = std::stoi(g[1]), year = std::stoi(g[2]);
    } else if (!other && g.size() == 1 && g[0].size() == 8) {
        month = std::stoi(g[0].substr(0, 2)), day = std::stoi(g[0].substr(2, 2)), year = std::stoi(g[0].substr(4));
    } else {
        return make_error("the date of birth must be written MM/DD/YYYY or YYYY-MM-DD");
    }
    if (!real_date(year, month, day)) return make_error("that date of birth is not a real date; check month and day");
    char out[48];
    std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
    return std::string(out);
}

Result<std::string> mrn_from_entry(std::string_view typed) {
    std::string mrn;
    for (char c : trimmed(typed)) {
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f) mrn += c;
    }
    if (!is_valid_utf8(mrn)) return make_error("the MRN is not readable text; scan or type it again");
    bool digit = false;
    for (char c : mrn) digit = digit || std::isdigit(static_cast<unsigned char>(c));
    if (!digit) return make_error("an MRN has digits; scan the wristband or type it again");
    if (mrn.size() > 32) return make_error("that is too long for an MRN; scan the wristband or type it again");
    return mrn;
}

Result<std::string> name_from_entry(std::string_view typed) {
    std::string name;
    for (char c : trimmed(typed)) {
        if (c == ' ' && (name.empty() || name.back() == ' ')) continue;
        name += c;
    }
    if (!is_valid_utf8(name)) return make_error("the name is not readable text; type it again");
    std::size_t letters = 0;
    for (char c : name) letters += std::isalpha(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) >= 0x80);
    if (letters < 2) return make_error("type the patient's name, at least two letters");
    if (name.size() > 80) return make_error("that name is too long; type the name the wristband shows");
    return name;
}

}  // namespace orlive
