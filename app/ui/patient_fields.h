// The Case screen's patient fields: names, MRN and date of birth typed on the on-screen
// keyboard, or the MRN from a USB barcode scanner (it types like a keyboard, then Enter).
// What was entered is masked on screen; the errors never repeat it.
#pragma once

#include "ui/theme.h"
#include "ui/ui_state.h"

namespace orlive::ui {

// The keyboard for the field being entered; returns false when no field is being entered.
bool draw_patient_entry(CaseSetupState& state, const Fonts& fonts);

// One row of three buttons (names, MRN, DOB), each showing only whether it is entered.
void draw_patient_row(CaseSetupState& state, const Fonts& fonts);

// Characters a scanner typed while no keyboard is up go to the MRN when its Enter arrives.
void take_scanned_mrn(CaseSetupState& state);

}  // namespace orlive::ui
