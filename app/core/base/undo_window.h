// The undo window's one limit: settings, `post --undo-seconds` and the pipeline accept 0 to
// kMaxUndoSeconds, and the outbox uses the same bound to spot a wall clock set back.
#pragma once

#include "core/base/clock.h"

namespace orlive {

// The longest undo window there is (settings and --undo-seconds allow 0-300 s). A pending post
// due later than this from now means the wall clock was set back (NTP correcting by hours): its
// window counts as over, so a post is never held back, or undoable, for hours.
inline constexpr int kMaxUndoSeconds = 300;
inline constexpr TimeMs kMaxUndoWindowMs = kMaxUndoSeconds * TimeMs{1000};

}  // namespace orlive
