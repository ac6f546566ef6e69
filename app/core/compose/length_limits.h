// Each platform's length rule, in one place: the publishers apply it before sending, the
// pipeline when a post is composed (a delivery that cannot fit is refused with the reason
// before anything is queued), and the on-screen keyboard as a counter per platform.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/compose/settings.h"

namespace orlive {

constexpr std::size_t kBlueskyMaxGraphemes = 300;
constexpr std::size_t kXMaxWeightedLength = 280;     // twitter-text weighted characters
constexpr std::size_t kThreadsMaxCharacters = 500;   // code points
constexpr std::size_t kFacebookPostLimit = 63206;
constexpr std::size_t kFacebookCommentLimit = 8000;
// Mastodon's default; an instance may allow more (its publisher reads the real limit), but
// a post composed here is held to the default so it fits any instance.
constexpr std::size_t kMastodonDefaultMaxCharacters = 500;
constexpr std::size_t kMastodonCharactersPerUrl = 23;

// One platform's count of a text, against its limit.
struct LengthCount {
    AccountKind kind = AccountKind::Webhook;
    std::size_t length = 0;
    std::size_t limit = 0;
    bool fits() const { return length <= limit; }
    // "312 of 280 characters as X counts them"
    std::string describe() const;
};

// Webhooks have no limit. Facebook is held to a comment's limit (every post but a case's first).
std::optional<LengthCount> count_for(AccountKind kind, std::string_view text);
// One count per distinct platform among `kinds`, in their order.
std::vector<LengthCount> counts_for(const std::vector<AccountKind>& kinds, std::string_view text);

}  // namespace orlive
