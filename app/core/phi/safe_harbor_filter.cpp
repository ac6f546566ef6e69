#include "core/phi/safe_harbor_filter.h"

#include <utility>

#include "core/phi/span_resolver.h"
#include "core/phi/utf8_text.h"

namespace orlive {

SafeHarborFilter::SafeHarborFilter(NameLexicon lexicon)
    : lexicon_(std::move(lexicon)), names_(lexicon_), patient_(lexicon_) {}

bool SafeHarborFilter::ok() const {
    return dates_.ok() && ages_.ok() && contacts_.ok() && identifiers_.ok() && addresses_.ok();
}

std::vector<PhiSpan> SafeHarborFilter::find(std::string_view text,
                                            const FilterContext& context) const {
    if (text.empty()) return {};
    std::vector<Candidate> candidates;
    const std::vector<Token> tokens = tokenize(text);
    const std::vector<DateMatch> dates = dates_.find(text);
    const auto allowed = allow_keys(context.allow);

    for (const DateMatch& d : dates) {
        PhiSpan span;
        span.start = d.start;
        span.end = d.end;
        span.category = PhiCategory::Date;
        span.rule = d.rule;
        candidates.push_back({span, priority::kDate});
    }
    ages_.find(text, candidates);
    contacts_.find(text, candidates);
    identifiers_.find(text, candidates);
    addresses_.find(text, candidates);
    names_.find(text, tokens, allowed, candidates);
    patient_.find(text, tokens, dates, context.patient, allowed, candidates);
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
