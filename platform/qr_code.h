// Text into a QR code (libqrencode), for the kiosk's gallery screen: students scan the
// gallery's address instead of typing it.
#pragma once

#include <string>

#include "core/base/qr_matrix.h"

namespace orlive::platform {

// Medium error correction (a smudged screen still scans); an empty matrix if encoding fails.
QrMatrix encode_qr(const std::string& text);

}  // namespace orlive::platform
