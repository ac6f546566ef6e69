#include "platform/qr_code.h"

#include <qrencode.h>

namespace orlive::platform {

QrMatrix encode_qr(const std::string& text) {
    QrMatrix matrix;
    QRcode* code = QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M);
    if (!code) return matrix;
    matrix.size = code->width;
    matrix.dark.resize(static_cast<std::size_t>(code->width) * static_cast<std::size_t>(code->width));
    // Bit 0 of each byte is the module's colour; the other bits are libqrencode's bookkeeping.
    for (std::size_t i = 0; i < matrix.dark.size(); ++i) matrix.dark[i] = code->data[i] & 1u;
    QRcode_free(code);
    return matrix;
}

}  // namespace orlive::platform
