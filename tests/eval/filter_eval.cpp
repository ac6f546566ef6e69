// filter_eval: scores SafeHarborFilter token by token on evaluation sets and prints, per set, a
// per-category table (recall, same-category recall, precision), the overall token-level figures
// and how many allow-listed names or eponyms were redacted.
//
// Usage: filter_eval [--assets DIR] [--errors] [--min-recall R] [--min-precision P]
//                    (--set FILE.jsonl | --presidio FILE.json)...
//   --set       a JSON Lines file in the gold format of tests/data/or_updates_gold.jsonl
//               ({"text", "context"?, "spans":[{"start","end","category"}]}, UTF-8 byte offsets)
//   --presidio  presidio-research's synthetic set (code-point offsets, converted to bytes here)
//   --min-recall / --min-precision apply to the sets named after them (until changed): such a set
//               is a gate; a --set gate also needs 0 allow-listed names or eponyms redacted.
// Exit 0 when every gate is met, 1 when one is not, 2 when a set is missing or unreadable (a
// missing set is never skipped) or the arguments are wrong.
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
    std::size_t held_for_review = 0;  // texts with a "review-..." span
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
    std::vector<PhiSpan> pred = filter.find(ex.text, ex.context);
    // "review-..." spans hold a post for a person (bidi controls, mixed scripts): counted apart.
    const auto review = std::remove_if(pred.begin(), pred.end(),
                                       [](const PhiSpan& s) { return s.rule.rfind("review-", 0) == 0; });
    if (review != pred.end()) ++score.held_for_review;
    pred.erase(review, pred.end());
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
    // Scored as `orlivectl redact` reads it: the hospital's name joins the allow list.
    if (j.contains("hospital")) ctx.allow.push_back(j["hospital"].get<std::string>());
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
    std::printf("texts held for review (bidi controls, mixed scripts): %zu\n", s.held_for_review);
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


struct EvalSet {
    std::filesystem::path path;
    bool presidio = false;
    double min_recall = 0.0;      // 0 = report only
    double min_precision = 0.0;
};

struct Options {
    std::filesystem::path assets = ORLIVE_SOURCE_ASSETS_DIR;
    bool show_errors = false;
    std::vector<EvalSet> sets;
};

int usage(const std::string& problem) {
    std::cerr << "filter_eval: " << problem
              << "\nusage: filter_eval [--assets DIR] [--errors] [--min-recall R] [--min-precision P]"
                 " (--set FILE.jsonl | --presidio FILE.json)...\n";
    return 2;
}

// Parses argv into options; returns an exit code (2) for bad arguments, or -1 to go on.
int parse_options(int argc, char** argv, Options& opt) {
    double min_recall = 0.0, min_precision = 0.0;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--errors") {
            opt.show_errors = true;
            continue;
        }
        if (i + 1 >= argc) return usage("missing value for " + a);
        const std::string v = argv[++i];
        if (a == "--assets") opt.assets = v;
        else if (a == "--set") opt.sets.push_back({v, false, min_recall, min_precision});
        else if (a == "--presidio") opt.sets.push_back({v, true, min_recall, min_precision});
        else if (a == "--min-recall") min_recall = std::stod(v);
        else if (a == "--min-precision") min_precision = std::stod(v);
        else return usage("unknown argument " + a);
    }
    if (opt.sets.empty()) return usage("name at least one --set or --presidio file");
    return -1;
}

// Scores one set, prints its table; returns whether its gate (if any) is met.
bool run_set(const orlive::PhiFilter& filter, const EvalSet& set, const std::set<std::string>& stopwords,
             bool show_errors) {
    std::map<std::string, std::size_t> skipped;
    const std::vector<Example> examples = set.presidio ? load_presidio(set.path, skipped) : load_gold(set.path);
    Score score;
    for (const Example& ex : examples) score_example(filter, ex, stopwords, score);
    print_table(set.path.filename().string() + " (" + std::to_string(examples.size()) + " texts)", score);
    if (!skipped.empty()) {
        std::printf("skipped gold spans (not Safe Harbor for us):");
        for (const auto& [t, n] : skipped) std::printf(" %s=%zu", t.c_str(), n);
        std::printf("\n");
    }
    if (show_errors) {
        for (const auto& e : score.errors) std::printf("  %s\n", one_line(e).c_str());
    }
    if (set.min_recall <= 0.0 && set.min_precision <= 0.0) return true;
    const Counts t = totals(score);
    const double recall = t.gold ? double(t.gold_hit) / double(t.gold) : 1.0;
    const double precision = t.pred ? double(t.pred_ok) / double(t.pred) : 1.0;
    const bool pass = recall >= set.min_recall && precision >= set.min_precision &&
                      (set.presidio || score.allow_or_eponym_redactions == 0);
    std::printf("gate (recall >= %.3f, precision >= %.3f%s): %s\n", set.min_recall, set.min_precision,
                set.presidio ? "" : ", 0 allow/eponym", pass ? "MET" : "NOT MET");
    return pass;
}

void print_throughput(const orlive::PhiFilter& filter, const std::vector<Example>& texts) {
    std::size_t calls = 0;
    const auto t0 = std::chrono::steady_clock::now();
    double elapsed = 0;
    while (elapsed < 1.0 && !texts.empty()) {
        for (const Example& ex : texts) calls += filter.find(ex.text, ex.context).empty() ? 1 : 1;
        elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }
    std::printf("\nthroughput: %.0f texts/s (first set, single thread)\n",
                elapsed > 0 ? double(calls) / elapsed : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    if (const int code = parse_options(argc, argv, opt); code >= 0) return code;
    for (const EvalSet& set : opt.sets) {
        if (!std::filesystem::is_regular_file(set.path)) {
            std::cerr << "filter_eval: evaluation set missing: " << set.path.string() << "\n";
            return 2;
        }
    }
    const auto t0 = std::chrono::steady_clock::now();
    auto loaded = orlive::load_safe_harbor_filter(opt.assets);
    if (!loaded) {
        std::cerr << loaded.error().message << "\n";
        return 2;
    }
    const auto load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    const orlive::PhiFilter& filter = *loaded.value();
    const auto stopwords = load_stopwords(opt.assets / "names" / "clinical_stopwords.txt");
    std::printf("filter loaded in %.0f ms\n", load_ms);
    bool all_met = true;
    try {
        for (const EvalSet& set : opt.sets) all_met = run_set(filter, set, stopwords, opt.show_errors) && all_met;
        std::map<std::string, std::size_t> unused;
        const EvalSet& first = opt.sets.front();
        print_throughput(filter, first.presidio ? load_presidio(first.path, unused) : load_gold(first.path));
    } catch (const std::exception& e) {
        std::cerr << "filter_eval: " << e.what() << "\n";
        return 2;
    }
    std::printf("gates: %s\n", all_met ? "MET" : "NOT MET");
    return all_met ? 0 : 1;
}
