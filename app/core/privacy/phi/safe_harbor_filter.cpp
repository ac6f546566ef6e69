#include "core/privacy/phi/safe_harbor_filter.h"

#include <algorithm>
#include <utility>

#include "core/privacy/phi/span_resolver.h"
#include "core/privacy/phi/text_normalizer.h"
#include "core/privacy/phi/utf8_text.h"

namespace orlive {
namespace {

bool digit_at(std::string_view t, std::size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; }

// End of "[ T]HH:MM[:SS]" right after an ISO date, or `end` when there is none.
std::size_t timestamp_end(std::string_view t, std::size_t end) {
    if (end >= t.size() || (t[end] != ' ' && t[end] != 'T')) return end;
    std::size_t k = end + 1;
    if (!(digit_at(t, k) && digit_at(t, k + 1) && k + 2 < t.size() && t[k + 2] == ':' &&
          digit_at(t, k + 3) && digit_at(t, k + 4))) {
        return end;
    }
    k += 5;
    if (k + 2 < t.size() + 0 && t[k] == ':' && digit_at(t, k + 1) && digit_at(t, k + 2)) k += 3;
    if (digit_at(t, k)) return end;
    return k;
}

}  // namespace

SafeHarborFilter::SafeHarborFilter(NameLexicon lexicon)
    : lexicon_(std::move(lexicon)), names_(lexicon_), patient_(lexicon_) {}

bool SafeHarborFilter::ok() const {
    return dates_.ok() && ages_.ok() && contacts_.ok() && identifiers_.ok() && addresses_.ok();
}

std::vector<PhiSpan> SafeHarborFilter::find(std::string_view original,
                                            const FilterContext& context) const {
    if (original.empty()) return {};
    const NormalizedText normalized = normalize_for_detection(original);
    std::vector<PhiSpan> spans = find_normalized(normalized.text, context);
    if (!normalized.identity) {
        for (PhiSpan& span : spans) {
            span.start = normalized.original_start(span.start);
            span.end = normalized.original_end(span.end);
        }
    }
    add_review_spans(normalized, spans);
    return spans;
}

// Bidi controls and mixed-script words: a span of their own (OTHER_ID, rule "review-...") where
// nothing else covers them, so the post is held for a person to look at.
// A directional override's run is redacted whole, over whatever was found inside it.
void SafeHarborFilter::add_review_spans(const NormalizedText& normalized, std::vector<PhiSpan>& spans) {
    if (normalized.suspicious.empty()) return;
    for (const NormalizedText::Suspicious& s : normalized.suspicious) {
        if (std::string_view(s.rule) != "review-bidi-override") continue;
        std::size_t start = s.start, end = s.end;
        std::erase_if(spans, [&](const PhiSpan& span) {
            if (!(span.start < s.end && s.start < span.end)) return false;
            start = std::min(start, span.start);
            end = std::max(end, span.end);
            return true;
        });
        PhiSpan run;
        run.start = start;
        run.end = end;
        run.category = PhiCategory::OtherId;
        run.rule = s.rule;
        spans.push_back(run);
    }
    for (const NormalizedText::Suspicious& s : normalized.suspicious) {
        bool covered = false;
        for (const PhiSpan& span : spans) covered = covered || (span.start < s.end && s.start < span.end);
        if (covered) continue;
        PhiSpan review;
        review.start = s.start;
        review.end = s.end;
        review.category = PhiCategory::OtherId;
        review.rule = s.rule;
        spans.push_back(review);
    }
    std::sort(spans.begin(), spans.end(), [](const PhiSpan& a, const PhiSpan& b) { return a.start < b.start; });
}

namespace {

// "transferred to St. Mary's" is another facility, unless St. Mary's is this hospital (its name
// is on the allow list): ours is not an identifier of the patient.
void keep_own_hospital(std::string_view text, const AllowList& allowed, std::vector<Candidate>& candidates) {
    if (allowed.organisations.empty()) return;
    std::erase_if(candidates, [&](const Candidate& c) {
        if (c.span.rule != "other-hospital") return false;
        std::vector<std::string> keys;
        for (const Token& t : tokenize(text.substr(c.span.start, c.span.end - c.span.start))) keys.push_back(t.key);
        return allowed.names_organisation(keys);
    });
}

}  // namespace

std::vector<PhiSpan> SafeHarborFilter::find_normalized(std::string_view text, const FilterContext& context) const {
    std::vector<Candidate> candidates;
    const std::vector<Token> tokens = tokenize(text);
    const std::vector<DateMatch> dates = dates_.find(text);
    const AllowList allowed = make_allow_list(context.allow);

    for (const DateMatch& d : dates) {
        PhiSpan span;
        span.start = d.start;
        span.end = d.end;
        // A timestamp's clock part belongs to its date ("2000-04-16 11:34:35"); a bare time of day
        // elsewhere is never redacted.
        if (std::string_view(d.rule) == "date-iso") span.end = timestamp_end(text, d.end);
        span.category = PhiCategory::Date;
        span.rule = d.rule;
        candidates.push_back({span, priority::kDate});
    }
    ages_.find(text, candidates);
    contacts_.find(text, candidates);
    identifiers_.find(text, candidates);
    addresses_.find(text, &lexicon_, candidates);
    keep_own_hospital(text, allowed, candidates);
    names_.find(text, tokens, allowed, candidates);
    patient_.find(text, tokens, dates, context.patient, allowed.keys, candidates);
    return resolve_candidates(text, std::move(candidates));
}

Result<std::unique_ptr<PhiFilter>> load_safe_harbor_filter(const std::filesystem::path& assets_dir) {
    auto lexicon = NameLexicon::load(assets_dir / "names");
    if (!lexicon) return lexicon.error();
    auto filter = std::make_unique<SafeHarborFilter>(std::move(lexicon).value());
    if (!filter->ok()) {
        return make_error("PHI filter: a built-in detection pattern failed to compile");
    }
    return std::unique_ptr<PhiFilter>(std::move(filter));
}

}  // namespace orlive
