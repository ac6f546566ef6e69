// filter_eval: scores SafeHarborFilter token by token on (1) the hand-written OR-update gold set
// (tests/data/or_updates_gold.jsonl, UTF-8 byte offsets) and (2) presidio-research's synthetic
// PII set (code-point offsets, converted to bytes here), and measures throughput.
//
// Usage: filter_eval [--assets DIR] [--gold FILE] [--presidio FILE] [--errors] [--min-recall R]
//                    [--min-precision P]
// Exit code 1 when the OR-update set misses the given targets or any allow-listed name or
// eponym is redacted.
//
// Token: a maximal run of ASCII letters/digits or non-ASCII bytes. A gold token is recalled if
// any predicted span overlaps it (whatever the category: it is protected). A predicted token is
// correct if it overlaps any gold span. Tokens inside gold spans of skipped presidio types
// (GPE, ORGANIZATION, TITLE, NRP, ages under 90, weekday/time/year-only DATE_TIME) count for
// neither side.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "core/privacy/phi/safe_harbor_filter.h"
#include "core/privacy/phi/utf8_text.h"

namespace {

using orlive::FilterContext;
using orlive::PhiSpan;

struct GoldSpan {
    std::size_t start = 0;
    std::size_t end = 0;
    std::string category;  // our category name, or "" for "ignore these tokens"
};

struct Example {
    std::string text;
    FilterContext context;
    std::vector<GoldSpan> spans;
};

struct Counts {
    std::size_t gold = 0, gold_hit = 0, gold_same_category = 0, pred = 0, pred_ok = 0;
};

struct Score {
    std::map<std::string, Counts> by_category;
    std::size_t allow_or_eponym_redactions = 0;
    std::vector<std::string> errors;
};

std::vector<std::pair<std::size_t, std::size_t>> word_tokens(const std::string& text) {
    std::vector<std::pair<std::size_t, std::size_t>> out;
    std::size_t i = 0;
    while (i < text.size()) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (std::isalnum(c) || c >= 0x80) {
            std::size_t j = i;
            while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) ||
                                       static_cast<unsigned char>(text[j]) >= 0x80)) {
                ++j;
            }
            out.emplace_back(i, j);
            i = j;
        } else {
            ++i;
        }
    }
    return out;
}

std::set<std::string> load_stopwords(const std::filesystem::path& file) {
    std::set<std::string> out;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        for (const auto& t : orlive::tokenize(line)) out.insert(t.key);
    }
    return out;
}

void score_example(const orlive::PhiFilter& filter, const Example& ex,
                   const std::set<std::string>& stopwords, Score& score) {
    const std::vector<PhiSpan> pred = filter.find(ex.text, ex.context);
    std::set<std::string> allowed;
    for (const std::string& a : ex.context.allow) {
        for (const auto& t : orlive::tokenize(a)) allowed.insert(t.key);
    }
    for (const auto& [ts, te] : word_tokens(ex.text)) {
        const GoldSpan* g = nullptr;
        for (const GoldSpan& s : ex.spans) {
            if (s.start < te && ts < s.end) {
                g = &s;
                break;
            }
        }
        const PhiSpan* p = nullptr;
        for (const PhiSpan& s : pred) {
            if (s.start < te && ts < s.end) {
                p = &s;
                break;
            }
        }
        if (g != nullptr && g->category.empty()) continue;  // skipped type
        if (g != nullptr) {
            Counts& c = score.by_category[g->category];
            ++c.gold;
            if (p != nullptr) ++c.gold_hit;
            if (p != nullptr && std::string(orlive::category_name(p->category)) == g->category) {
                ++c.gold_same_category;
            }
        }
        if (p != nullptr) {
            Counts& c = score.by_category[std::string(orlive::category_name(p->category))];
            ++c.pred;
            if (g != nullptr) {
                ++c.pred_ok;
            } else {
                score.errors.push_back("FP-token " + std::string(orlive::category_name(p->category)) + " [" +
                                       ex.text.substr(ts, te - ts) + "] rule=" + p->rule + " in: " + ex.text);
            }
        }
    }
    // Errors, and redactions of allow-listed staff or eponyms (spans overlapping no gold span).
    for (const PhiSpan& s : pred) {
        bool overlaps_gold = false;
        for (const GoldSpan& g : ex.spans) overlaps_gold = overlaps_gold || (g.start < s.end && s.start < g.end);
        if (overlaps_gold) continue;
        const std::string piece = ex.text.substr(s.start, s.end - s.start);
        bool protected_word = false;
        for (const auto& t : orlive::tokenize(piece)) {
            if (allowed.count(t.key) > 0 || stopwords.count(t.key) > 0) protected_word = true;
        }
        if (protected_word) ++score.allow_or_eponym_redactions;
        score.errors.push_back("FP " + std::string(orlive::category_name(s.category)) + " [" + piece +
                               "] rule=" + s.rule + " in: " + ex.text);
    }
    for (const GoldSpan& g : ex.spans) {
        if (g.category.empty()) continue;
        bool covered = true;
        std::string missed;  // the gold tokens no predicted span overlaps
        for (const auto& [ts, te] : word_tokens(ex.text)) {
            if (ts < g.start || te > g.end) continue;
            bool hit = false;
            for (const PhiSpan& s : pred) hit = hit || (s.start < te && ts < s.end);
            covered = covered && hit;
            if (!hit) missed += (missed.empty() ? "" : " ") + ex.text.substr(ts, te - ts);
        }
        if (!covered) {
            score.errors.push_back("FN " + g.category + " [" + ex.text.substr(g.start, g.end - g.start) +
                                   "] missed {" + missed + "} in: " + ex.text);
        }
    }
}

FilterContext parse_context(const nlohmann::json& j) {
    FilterContext ctx;
    if (j.contains("patient")) {
        const auto& p = j["patient"];
        if (p.contains("names")) ctx.patient.names = p["names"].get<std::vector<std::string>>();
        if (p.contains("mrn")) ctx.patient.mrn = p["mrn"].get<std::string>();
        if (p.contains("dob")) ctx.patient.dob = p["dob"].get<std::string>();
    }
    if (j.contains("allow")) ctx.allow = j["allow"].get<std::vector<std::string>>();
    return ctx;
}

std::vector<Example> load_gold(const std::filesystem::path& file) {
    std::vector<Example> out;
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        const auto j = nlohmann::json::parse(line);
        Example ex;
        ex.text = j["text"].get<std::string>();
        if (j.contains("context")) ex.context = parse_context(j["context"]);
        for (const auto& s : j["spans"]) {
            ex.spans.push_back({s["start"].get<std::size_t>(), s["end"].get<std::size_t>(),
                                s["category"].get<std::string>()});
        }
        out.push_back(std::move(ex));
    }
    return out;
}

// Byte offset of each code point index (plus one past the end).
std::vector<std::size_t> codepoint_offsets(const std::string& s) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) out.push_back(i);
    }
    out.push_back(s.size());
    return out;
}

bool has_month_and_day(const std::string& v) {
    static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                          "jul", "aug", "sep", "oct", "nov", "dec"};
    std::string lower;
    for (char c : v) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    const bool digit = std::any_of(v.begin(), v.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    bool month = false;
    for (const char* m : kMonths) month = month || lower.find(m) != std::string::npos;
    const bool numeric_date = std::count(v.begin(), v.end(), '/') >= 1 ||
                              std::count(v.begin(), v.end(), '-') >= 2 || std::count(v.begin(), v.end(), '.') >= 2;
    return digit && (month || numeric_date);
}

// Presidio entity type -> our category; "" = not PHI for us (skipped).
std::string map_presidio(const std::string& type, const std::string& value) {
    if (type == "PERSON") return "NAME";
    if (type == "STREET_ADDRESS" || type == "ZIP_CODE") return "ADDRESS";
    if (type == "PHONE_NUMBER") return "PHONE";
    if (type == "EMAIL_ADDRESS") return "EMAIL";
    if (type == "US_SSN") return "SSN";
    if (type == "IP_ADDRESS") return "IP";
    if (type == "DOMAIN_NAME") return "URL";
    if (type == "CREDIT_CARD" || type == "IBAN_CODE") return "ACCOUNT";
    if (type == "US_DRIVER_LICENSE") return "OTHER_ID";
    if (type == "AGE") {
        int age = 0;
        for (char c : value) {
            if (std::isdigit(static_cast<unsigned char>(c))) age = age * 10 + (c - '0');
        }
        return age >= 90 ? "AGE" : "";
    }
    if (type == "DATE_TIME") return has_month_and_day(value) ? "DATE" : "";
    return "";  // GPE, ORGANIZATION, TITLE, NRP
}

std::vector<Example> load_presidio(const std::filesystem::path& file, std::map<std::string, std::size_t>& skipped) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    const auto j = nlohmann::json::parse(in);
    std::vector<Example> out;
    for (const auto& item : j) {
        Example ex;
        ex.text = item["full_text"].get<std::string>();
        const auto cps = codepoint_offsets(ex.text);
        for (const auto& s : item["spans"]) {
            const std::string type = s["entity_type"].get<std::string>();
            const std::string value = s["entity_value"].get<std::string>();
            const std::size_t a = s["start_position"].get<std::size_t>();
            const std::size_t b = s["end_position"].get<std::size_t>();
            if (b >= cps.size() || a > b) continue;
            const std::string cat = map_presidio(type, value);
            if (cat.empty()) ++skipped[type];
            ex.spans.push_back({cps[a], cps[b], cat});
        }
        out.push_back(std::move(ex));
    }
    return out;
}

// One error per line: newlines and tabs in the text are shown escaped.
std::string one_line(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else out.push_back(c);
    }
    return out;
}

void print_table(const std::string& title, const Score& s) {
    std::printf("\n== %s ==\n%-10s %7s %7s %8s %7s %9s\n", title.c_str(), "category", "gold", "recall",
                "cat-rec", "pred", "precision");
    Counts total;
    for (const auto& [cat, c] : s.by_category) {
        total.gold += c.gold;
        total.gold_hit += c.gold_hit;
        total.gold_same_category += c.gold_same_category;
        total.pred += c.pred;
        total.pred_ok += c.pred_ok;
        std::printf("%-10s %7zu %7.3f %8.3f %7zu %9.3f\n", cat.c_str(), c.gold,
                    c.gold ? double(c.gold_hit) / double(c.gold) : 1.0,
                    c.gold ? double(c.gold_same_category) / double(c.gold) : 1.0, c.pred,
                    c.pred ? double(c.pred_ok) / double(c.pred) : 1.0);
    }
    std::printf("%-10s %7zu %7.3f %8.3f %7zu %9.3f\n", "OVERALL", total.gold,
                total.gold ? double(total.gold_hit) / double(total.gold) : 1.0,
                total.gold ? double(total.gold_same_category) / double(total.gold) : 1.0, total.pred,
                total.pred ? double(total.pred_ok) / double(total.pred) : 1.0);
    std::printf("allow-listed names / eponyms wrongly redacted: %zu\n", s.allow_or_eponym_redactions);
}

Counts totals(const Score& s) {
    Counts t;
    for (const auto& [cat, c] : s.by_category) {
        t.gold += c.gold;
        t.gold_hit += c.gold_hit;
        t.pred += c.pred;
        t.pred_ok += c.pred_ok;
    }
    return t;
}

}  // namespace

int main(int argc, char** argv) {
    std::filesystem::path assets = ORLIVE_SOURCE_ASSETS_DIR;
    std::filesystem::path gold = std::filesystem::path(ORLIVE_SOURCE_TESTS_DIR) / "data" / "or_updates_gold.jsonl";
    std::filesystem::path presidio = "/work/shared/data/presidio-synth-v2/synth_dataset_v2.json";
    bool show_errors = false;
    double min_recall = 0.99, min_precision = 0.90;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << "missing value for " << a << "\n";
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--assets") assets = next();
        else if (a == "--gold") gold = next();
        else if (a == "--presidio") presidio = next();
        else if (a == "--errors") show_errors = true;
        else if (a == "--min-recall") min_recall = std::stod(next());
        else if (a == "--min-precision") min_precision = std::stod(next());
        else {
            std::cerr << "usage: filter_eval [--assets DIR] [--gold FILE] [--presidio FILE] [--errors]"
                         " [--min-recall R] [--min-precision P]\n";
            return 2;
        }
    }
    auto t0 = std::chrono::steady_clock::now();
    auto loaded = orlive::load_safe_harbor_filter(assets);
    if (!loaded) {
        std::cerr << loaded.error().message << "\n";
        return 2;
    }
    const auto load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    const orlive::PhiFilter& filter = *loaded.value();
    const auto stopwords = load_stopwords(assets / "names" / "clinical_stopwords.txt");
    std::printf("filter loaded in %.0f ms\n", load_ms);

    const std::vector<Example> or_set = load_gold(gold);
    Score or_score;
    for (const Example& ex : or_set) score_example(filter, ex, stopwords, or_score);
    print_table("OR updates (" + std::to_string(or_set.size()) + " texts, " + gold.filename().string() + ")", or_score);
    if (show_errors) {
        for (const auto& e : or_score.errors) std::printf("  %s\n", one_line(e).c_str());
    }

    if (std::filesystem::exists(presidio)) {
        std::map<std::string, std::size_t> skipped;
        const std::vector<Example> pset = load_presidio(presidio, skipped);
        Score p_score;
        for (const Example& ex : pset) score_example(filter, ex, stopwords, p_score);
        print_table("presidio synth v2 (" + std::to_string(pset.size()) + " texts)", p_score);
        std::printf("skipped gold spans (not Safe Harbor for us):");
        for (const auto& [t, n] : skipped) std::printf(" %s=%zu", t.c_str(), n);
        std::printf("\n");
        if (show_errors) {
            for (const auto& e : p_score.errors) std::printf("  %s\n", one_line(e).c_str());
        }
    } else {
        std::printf("\n(presidio set not found at %s, skipped)\n", presidio.string().c_str());
    }

    // Throughput on short posts.
    std::size_t calls = 0;
    t0 = std::chrono::steady_clock::now();
    double elapsed = 0;
    while (elapsed < 1.0) {
        for (const Example& ex : or_set) {
            calls += filter.find(ex.text, ex.context).empty() ? 1 : 1;
        }
        elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }
    std::printf("\nthroughput: %.0f texts/s (short OR posts, single thread)\n", double(calls) / elapsed);

    const Counts t = totals(or_score);
    const double recall = t.gold ? double(t.gold_hit) / double(t.gold) : 1.0;
    const double precision = t.pred ? double(t.pred_ok) / double(t.pred) : 1.0;
    const bool pass = recall >= min_recall && precision >= min_precision && or_score.allow_or_eponym_redactions == 0;
    std::printf("OR-update targets (recall >= %.2f, precision >= %.2f, 0 allow/eponym): %s\n", min_recall,
                min_precision, pass ? "MET" : "NOT MET");
    return pass ? 0 : 1;
}
