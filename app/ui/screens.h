// The screens and their shared header. Each draws from the read-only snapshot and its own
// screen-local state, and appends Actions; none touches the database or the network.
#pragma once

#include <vector>

#include "core/session/snapshot.h"
#include "ui/actions.h"
#include "ui/theme.h"
#include "ui/ui_state.h"

namespace orlive::ui {

// The whole frame: header, the current screen and the feedback line, in one full-window panel.
void draw_ui(const SessionSnapshot& snapshot, UiState& state, const Fonts& fonts, std::vector<Action>& actions);

// When the feedback line disappears, so the loop can wake to redraw it.
TimeMs feedback_expires_at(const UiState& state);

void draw_header(const SessionSnapshot& snapshot, const UiState& state, const Fonts& fonts,
                 std::vector<Action>& actions);
void draw_coordinator_screen(const SessionSnapshot& snapshot, CoordinatorState& state, const Fonts& fonts,
                             std::vector<Action>& actions);
void draw_case_setup(const SessionSnapshot& snapshot, CoordinatorState& state, const Fonts& fonts,
                     std::vector<Action>& actions);
// The oldest held post: the text as it would go out, each word and redaction one tap to correct.
void draw_review_panel(const SessionSnapshot& snapshot, const Fonts& fonts, std::vector<Action>& actions);
// Followers' questions, newest first, each answered with a pre-approved phrase or typed text.
void draw_questions_screen(const SessionSnapshot& snapshot, QuestionsScreenState& state, const Fonts& fonts,
                           std::vector<Action>& actions);
// What was just posted, its countdown and one large UNDO button (the Case and Questions tabs).
void draw_undo_bar(const SessionSnapshot& snapshot, const Fonts& fonts, std::vector<Action>& actions);
void draw_feed_screen(const SessionSnapshot& snapshot, const Fonts& fonts, std::vector<Action>& actions);
void draw_gallery_screen(const SessionSnapshot& snapshot, const Fonts& fonts);
void draw_first_run_wizard(const SessionSnapshot& snapshot, WizardState& state, const Fonts& fonts,
                           std::vector<Action>& actions);
void draw_hospital_status_panel(const SessionSnapshot& snapshot, CoordinatorState& state, const Fonts& fonts,
                                std::vector<Action>& actions);
void draw_note_picker(const SessionSnapshot& snapshot, CoordinatorState& state, const Fonts& fonts,
                      std::vector<Action>& actions);
void draw_settings_screen(const SessionSnapshot& snapshot, UiState& state, const Fonts& fonts,
                          std::vector<Action>& actions);
void draw_compliance_screen(const SessionSnapshot& snapshot, ComplianceScreenState& state, const Fonts& fonts,
                            std::vector<Action>& actions);

}  // namespace orlive::ui
