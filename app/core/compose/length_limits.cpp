#include "core/compose/length_limits.h"

#include <algorithm>

#include "core/compose/text_length.h"

namespace orlive {

std::string LengthCount::describe() const {
    std::string out = std::to_string(length) + " of " + std::to_string(limit) + " characters";
    if (kind == AccountKind::X) out += " as X counts them";
    return out;
}

std::optional<LengthCount> count_for(AccountKind kind, std::string_view text) {
    switch (kind) {
        case AccountKind::Mastodon:
            return LengthCount{kind, mastodon_length(text, kMastodonCharactersPerUrl), kMastodonDefaultMaxCharacters};
        case AccountKind::Bluesky: return LengthCount{kind, count_graphemes(text), kBlueskyMaxGraphemes};
        case AccountKind::X: return LengthCount{kind, x_weighted_length(text), kXMaxWeightedLength};
        case AccountKind::Threads: return LengthCount{kind, count_code_points(text), kThreadsMaxCharacters};
        case AccountKind::Facebook: return LengthCount{kind, count_graphemes(text), kFacebookCommentLimit};
        case AccountKind::Webhook: return std::nullopt;
    }
    return std::nullopt;
}

std::vector<LengthCount> counts_for(const std::vector<AccountKind>& kinds, std::string_view text) {
    std::vector<LengthCount> counts;
    for (AccountKind kind : kinds) {
        const bool seen = std::any_of(counts.begin(), counts.end(), [&](const LengthCount& c) { return c.kind == kind; });
        if (seen) continue;
        if (auto count = count_for(kind, text)) counts.push_back(*count);
    }
    return counts;
}

}  // namespace orlive
