#include <sstream>
#include <string>

#include "ui/on_screen_keyboard.h"
#include "ui/pin_pad.h"
#include "ui/screens.h"
#include "ui/widgets.h"

namespace orlive::ui {

namespace {

enum Step { kWelcome, kHospital, kHashtags, kUndo, kCompliancePin, kAdminPin, kReview };

std::vector<std::string> hashtag_words(const std::string& text) {
    std::vector<std::string> words;
    std::istringstream in(text);
    std::string word;
    while (in >> word) {
        while (!word.empty() && word.front() == '#') word.erase(0, 1);
        if (!word.empty()) words.push_back(word);
    }
    return words;
}

void title(const Fonts& fonts, const std::string& text, int step) {
    ImGui::PushFont(fonts.large);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopFont();
    if (step > kWelcome && step < kReview)
        wrapped_text("Set-up step " + std::to_string(step) + " of 5", colors::kTextDim);
}

bool nav(const char* back, const char* next, bool next_enabled, WizardState& state) {
    const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    if (big_button(back, ImVec2(half, touch_height()), colors::kPanel, colors::kText)) --state.step;
    ImGui::SameLine();
    return big_button(next, ImVec2(half, touch_height()), colors::kNext, colors::kText, next_enabled);
}

}  // namespace

// First start with no settings file: hospital name, hashtags, undo window and the two PINs,
// all without a physical keyboard, saved with mode 0600. Accounts stay IT's job (the file).
void draw_first_run_wizard(const SessionSnapshot&, WizardState& state, const Fonts& fonts,
                           std::vector<Action>& actions) {
    switch (state.step) {
        case kWelcome: {
            title(fonts, "Welcome to ORLive: set up this device", state.step);
            wrapped_text("Five short steps: the hospital's name, its hashtags, the undo window, and two PINs "
                         "(compliance review, and admin). Social accounts are added by IT (orlivectl account add); "
                         "until then posts stay in the local feed.",
                         colors::kText);
            ImGui::Dummy(ImVec2(1, touch_height()));
            const float half = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
            if (big_button("Later", ImVec2(half, touch_height()), colors::kPanel, colors::kText)) state.dismissed = true;
            ImGui::SameLine();
            if (big_button("Start set-up", ImVec2(half, touch_height()), colors::kNext, colors::kText)) state.step = kHospital;
            return;
        }
        case kHospital:
        case kHashtags: {
            const bool hospital = state.step == kHospital;
            title(fonts, hospital ? "The hospital's name, as posts should show it" : "Hashtags on every post", state.step);
            std::string& text = hospital ? state.hospital : state.hashtags;
            switch (draw_on_screen_keyboard(text, state.shift, fonts, "Next",
                                            hospital ? "for example: Riverside General"
                                                     : "words separated by spaces, for example: MedEd SurgEd")) {
                case KeyboardResult::Post: ++state.step; break;
                case KeyboardResult::Cancel: --state.step; break;
                case KeyboardResult::Typing: break;
            }
            return;
        }
        case kUndo:
            title(fonts, "Undo window: seconds before a tapped post is released", state.step);
            number_picker("undo", "Seconds", state.undo_seconds, 0, 60, 1, fonts);
            ImGui::Dummy(ImVec2(1, touch_height()));
            if (nav("Back", "Next", true, state)) ++state.step;
            return;
        case kCompliancePin:
        case kAdminPin: {
            const bool compliance = state.step == kCompliancePin;
            PinPadView pad{compliance ? "Choose the compliance review PIN (4-8 digits)"
                                      : "Choose the admin PIN (4-8 digits): settings and quitting the kiosk",
                           "", true, 0, 0};
            if (auto pin = draw_pin_pad(pad, state.pin_digits, fonts, 0)) {
                (compliance ? state.compliance_pin : state.admin_pin) = *pin;
                ++state.step;
            }
            if (big_button("Back##pin", ImVec2(ImGui::GetFontSize() * 8, touch_height()), colors::kPanel, colors::kText))
                --state.step;
            return;
        }
        default: {
            title(fonts, "Check and save", state.step);
            ImGui::PushFont(fonts.bold);
            ImGui::Text("Hospital: %s", state.hospital.c_str());
            ImGui::Text("Hashtags: %s", state.hashtags.c_str());
            ImGui::Text("Undo window: %d s", state.undo_seconds);
            ImGui::Text("Compliance PIN: %zu digits, admin PIN: %zu digits", state.compliance_pin.size(),
                        state.admin_pin.size());
            ImGui::PopFont();
            wrapped_text("Saved to the settings file, readable only by this user (mode 0600).", colors::kTextDim);
            ImGui::Dummy(ImVec2(1, touch_height() * 0.5f));
            if (nav("Back", "Save", true, state)) {
                Settings chosen;
                chosen.hospital_name = state.hospital;
                chosen.default_hashtags = hashtag_words(state.hashtags);
                chosen.undo_seconds = state.undo_seconds;
                chosen.compliance_pin = state.compliance_pin;
                chosen.admin_pin = state.admin_pin;
                actions.push_back(CompleteFirstRun{chosen});
            }
            return;
        }
    }
}

}  // namespace orlive::ui
