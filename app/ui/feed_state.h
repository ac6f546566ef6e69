// The Feed screen's one line per post: where it is on its way out, or, once its case's consent
// is withdrawn, how far its deletion from the platforms has got. Pure; main thread.
#pragma once

#include <string>

#include <imgui.h>

#include "core/store/post_record.h"

namespace orlive::ui {

struct StateChip {
    std::string text;
    ImU32 fill;
};

StateChip delivery_chip(const PostRecord& post, TimeMs now);

}  // namespace orlive::ui
