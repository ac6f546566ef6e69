#include "ui/patient_fields.h"

#include <imgui.h>

#include "core/privacy/patient_entry.h"
#include "ui/on_screen_keyboard.h"
#include "ui/widgets.h"

namespace orlive::ui {

namespace {

constexpr std::size_t kMaxScanned = 64;
constexpr std::size_t kMaxNames = 4;

// Characters from a physical keyboard or scanner this frame, as UTF-8.
std::string typed_characters() {
    std::string out;
    for (ImWchar c : ImGui::GetIO().InputQueueCharacters) {
        const unsigned cp = c;
        if (cp < 0x20 || cp == 0x7f) continue;
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

// Enter from a keyboard or scanner: the platform layer also queues it as '\n', since a
// scanner's key goes down and up between two frames.
bool enter_pressed() {
    for (ImWchar c : ImGui::GetIO().InputQueueCharacters) {
        if (c == '\n') return true;
    }
    for (ImGuiKey key : {ImGuiKey_Enter, ImGuiKey_KeyPadEnter}) {
        const int index = ImGui::GetKeyIndex(key);
        if (index >= 0 && ImGui::IsKeyPressed(index, false)) return true;
    }
    return false;
}

const char* hint_for(PatientField field) {
    switch (field) {
        case PatientField::Name: return "the patient's name as on the wristband; hidden once entered";
        case PatientField::Mrn: return "the MRN: scan the wristband or type it; hidden once entered";
        case PatientField::Dob: return "date of birth, MM/DD/YYYY; hidden once entered";
        case PatientField::None: break;
    }
    return "";
}

// Takes the entry into the patient's details, or says why not (and keeps the keyboard up).
void accept_entry(CaseSetupState& state) {
    Result<std::string> accepted = make_error("");
    if (state.entering == PatientField::Name) accepted = name_from_entry(state.entry);
    if (state.entering == PatientField::Mrn) accepted = mrn_from_entry(state.entry);
    if (state.entering == PatientField::Dob) accepted = dob_from_entry(state.entry);
    if (!accepted) {
        state.entry_error = accepted.error().message;
        return;
    }
    if (state.entering == PatientField::Name) state.patient.names.push_back(*accepted);
    if (state.entering == PatientField::Mrn) state.patient.mrn = *accepted;
    if (state.entering == PatientField::Dob) state.patient.dob = *accepted;
    state.entering = PatientField::None;
    state.entry.clear();
    state.entry_error.clear();
}

std::string masked_label(const char* what, bool entered, const char* empty_hint) {
    return std::string(what) + (entered ? ": \u2713 entered (hidden)" : empty_hint);
}

}  // namespace

bool draw_patient_entry(CaseSetupState& state, const Fonts& fonts) {
    if (state.entering == PatientField::None) return false;
    state.entry += typed_characters();
    const std::string hint = state.entry_error.empty() ? hint_for(state.entering) : state.entry_error;
    const KeyboardResult result = draw_on_screen_keyboard(state.entry, state.shift, fonts, "Done", hint);
    if (result == KeyboardResult::Post || (enter_pressed() && !state.entry.empty())) {
        accept_entry(state);
    } else if (result == KeyboardResult::Cancel) {
        state.entering = PatientField::None;
        state.entry.clear();
        state.entry_error.clear();
    }
    return true;
}

void draw_patient_row(CaseSetupState& state, const Fonts& fonts) {
    const PatientDetails& p = state.patient;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const float clear_width = ImGui::GetFontSize() * 5;
    const float width = (ImGui::GetContentRegionAvail().x - clear_width - 3 * spacing) / 3.0f;
    const ImVec2 size(width, touch_height());
    const std::string names = p.names.empty() ? "Patient name: add"
                                              : "Names: " + std::to_string(p.names.size()) + " entered (hidden)";
    const std::string mrn = masked_label("MRN", !p.mrn.empty(), ": scan or type");
    const std::string dob = masked_label("DOB", !p.dob.empty(), ": add");
    ImGui::PushFont(fonts.bold);
    auto field = [&](const std::string& label, const char* id, PatientField which, bool enabled) {
        if (big_button((label + id).c_str(), size, colors::kPanel, colors::kText, enabled)) {
            state.entering = which;
            state.entry.clear();
            state.entry_error.clear();
        }
    };
    field(names, "##patient-name", PatientField::Name, p.names.size() < kMaxNames);
    ImGui::SameLine();
    field(mrn, "##patient-mrn", PatientField::Mrn, true);
    ImGui::SameLine();
    field(dob, "##patient-dob", PatientField::Dob, true);
    ImGui::SameLine();
    const bool any = !p.names.empty() || !p.mrn.empty() || !p.dob.empty();
    if (big_button("Clear##patient", ImVec2(clear_width, touch_height()), colors::kPanel, colors::kText, any))
        state.patient = PatientDetails{};
    ImGui::PopFont();
    if (!state.entry_error.empty()) wrapped_text(state.entry_error, colors::kDangerText);
}

void take_scanned_mrn(CaseSetupState& state) {
    const std::string typed = typed_characters();
    if (state.scanned.size() + typed.size() <= kMaxScanned) state.scanned += typed;
    if (!enter_pressed() || state.scanned.empty()) return;
    auto mrn = mrn_from_entry(state.scanned);
    state.scanned.clear();
    if (mrn) state.patient.mrn = *mrn;
    state.entry_error = mrn ? "" : "Scan not read: " + mrn.error().message;
}

}  // namespace orlive::ui
