// What the Case screen's patient fields accept, typed on the on-screen keyboard or sent by a
// USB barcode scanner (which types the wristband's MRN like a keyboard, then Enter). Pure
// functions; the errors never repeat what was typed, since it is the patient's.
#pragma once

#include <string>
#include <string_view>

#include "core/base/result.h"

namespace orlive {

// A date of birth as people write it: YYYY-MM-DD, MM/DD/YYYY (US order, '/', '-' or '.'),
// M/D/YYYY, or eight digits MMDDYYYY; as YYYY-MM-DD. A real calendar date in 1900..2100.
Result<std::string> dob_from_entry(std::string_view typed);

// An MRN from the keyboard or a scanner: surrounding spaces and control characters (a
// scanner's prefix or suffix codes) removed; it must hold a digit, at most 32 characters.
Result<std::string> mrn_from_entry(std::string_view typed);

// A patient's name: trimmed, inner runs of spaces made one; at least two letters, at most 80.
Result<std::string> name_from_entry(std::string_view typed);

}  // namespace orlive
