// The compliance screen's recent cases, where consent is withdrawn for any case, ended or not:
// a first tap asks, a second confirms (a withdrawal deletes what went out).
#pragma once

#include <vector>

#include "core/audit/compliance_view.h"
#include "ui/actions.h"
#include "ui/theme.h"
#include "ui/ui_state.h"

namespace orlive::ui {

void draw_case_list(const ComplianceView& view, ComplianceScreenState& state, const Fonts& fonts,
                    std::vector<Action>& actions);

}  // namespace orlive::ui
