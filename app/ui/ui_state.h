// Screen-local state: what the screens remember between frames that is not domain state
// (selections, confirmations, the last feedback line). Plain data, main thread only.
#pragma once

#include <map>
#include <string>

#include "core/base/clock.h"
#include "core/store/consent.h"
#include "ui/actions.h"

namespace orlive::ui {

// The patient's details the Case screen takes, so the filter knows whom to protect.
enum class PatientField { None, Name, Mrn, Dob };

struct CaseSetupState {
    std::string procedure_id;   // picked tile
    Consent consent = Consent::None;
    std::string release_digits; // typed on the on-screen keypad: "REL-" + digits
    std::string search;         // filters the procedure tiles by name
    bool searching = false;     // the on-screen keyboard is up for the search
    bool shift = false;
    // Patient details: shown only while being typed, masked once entered, never on any other
    // screen; cleared when the case starts.
    PatientField entering = PatientField::None;  // the keyboard is up for this field
    std::string entry;                            // what is being typed
    std::string entry_error;                      // why the last entry was refused (never the entry)
    PatientDetails patient;                       // names, MRN, DOB (YYYY-MM-DD) as accepted
    std::string scanned;                          // a barcode scanner's characters before its Enter
};

// What covers the milestone grid, if anything.
enum class CoordinatorPanel { None, NotePicker, Keyboard, HospitalStatus };

struct CoordinatorState {
    CaseSetupState setup;
    bool confirm_end = false;
    CoordinatorPanel panel = CoordinatorPanel::None;
    std::string note_milestone;           // the milestone whose notes are offered
    std::string draft;                    // free text typed on the on-screen keyboard
    bool shift = false;
    std::string status_update;            // the hospital-status update being filled in
    std::map<std::string, int> status_values;
};

// The Questions tab: which question is being answered, and how.
struct QuestionsScreenState {
    std::int64_t answering = 0;     // its pre-approved answers are offered
    bool typing = false;            // the on-screen keyboard is up for it
    std::string draft;
    bool shift = false;
    std::int64_t confirm_hide = 0;  // the question whose Hide waits for its second tap
};

struct ComplianceScreenState {
    std::string pin_digits;          // typed on the keypad, cleared after each attempt
    std::int64_t selected_seq = 0;   // the entry whose context is shown
    bool showing_cases = false;      // the recent cases (withdraw consent) instead of the log
    std::int64_t confirm_withdraw = 0;  // the case whose withdrawal waits for its second tap
};

// The first-run wizard's answers so far.
struct WizardState {
    int step = 0;
    bool dismissed = false;      // "Later": ask again at the next start
    std::string hospital;
    std::string hashtags;        // space-separated, '#' optional
    int undo_seconds = 10;
    std::string compliance_pin;
    std::string admin_pin;
    std::string pin_digits;      // the pad being typed on
    bool shift = false;
};

struct FeedbackLine {
    bool ok = true;
    std::string message;
    TimeMs shown_at = 0;
};

struct UiState {
    Screen screen = Screen::Coordinator;
    std::string admin_digits;     // the admin PIN pad's digits
    bool quit_requested = false;  // set only behind the admin PIN
    CoordinatorState coordinator;
    QuestionsScreenState questions;
    ComplianceScreenState compliance;
    WizardState wizard;
    FeedbackLine feedback;
};

}  // namespace orlive::ui
