#include "ui/feed_state.h"

#include <algorithm>
#include <optional>

#include "ui/theme.h"

namespace orlive::ui {

namespace {

// "main, sky": the accounts it was deleted from, as the coordinator named them.
std::string deleted_from(const PostRecord& post) {
    std::string names;
    for (const DeliveryRecord& d : post.deliveries) {
        if (d.deletion != "deleted") continue;
        names += (names.empty() ? "" : ", ") + d.account;
    }
    return names;
}

// A withdrawn post that went out: how far its removal from the platforms has got.
std::optional<StateChip> deletion_chip(const PostRecord& post) {
    int asked = 0, deleted = 0, failed = 0;
    for (const DeliveryRecord& d : post.deliveries) {
        if (d.deletion.empty()) continue;
        ++asked;
        deleted += d.deletion == "deleted";
        failed += d.deletion == "failed";
    }
    if (asked == 0) return std::nullopt;
    const std::string of = " of " + std::to_string(asked);
    if (failed > 0) return StateChip{"Withdrawn: deleting failed on " + std::to_string(failed) + of, colors::kDanger};
    if (deleted == asked) return StateChip{"Withdrawn: deleted from " + deleted_from(post), colors::kDone};
    return StateChip{"Withdrawn: deleting, " + std::to_string(deleted) + of + " done", colors::kWarning};
}

}  // namespace

// One honest line per post: where it is on its way out (or, once withdrawn, back).
StateChip delivery_chip(const PostRecord& post, TimeMs now) {
    if (auto withdrawn = deletion_chip(post)) return *withdrawn;
    switch (post.state) {
        case PostState::Pending: {
            long long left = std::max<long long>(0, (post.release_at - now + 999) / 1000);
            return {"Undo window " + std::to_string(left) + " s", colors::kInfo};
        }
        case PostState::Held: return {"Needs review", colors::kWarning};
        case PostState::Blocked: return {"Blocked", colors::kDanger};
        case PostState::Cancelled: return {post.reason.empty() ? "Cancelled" : "Cancelled: " + post.reason, colors::kDone};
        case PostState::Queued: break;
    }
    if (post.deliveries.empty()) return {"Local feed", colors::kTile};
    int sent = 0, failed = 0;
    for (const DeliveryRecord& d : post.deliveries) {
        sent += d.state == "sent";
        failed += d.state == "failed";
    }
    const int total = static_cast<int>(post.deliveries.size());
    if (failed > 0) return {std::to_string(failed) + " of " + std::to_string(total) + " failed", colors::kDanger};
    if (sent == total) return {"Sent to " + std::to_string(total) + " account(s)", colors::kNext};
    return {"Queued: " + std::to_string(sent) + " of " + std::to_string(total) + " sent", colors::kTile};
}

}  // namespace orlive::ui
