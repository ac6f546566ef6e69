// A QR code as plain data: a square of modules, dark or light, for a screen to draw as squares.
// Encoding lives outside the UI (platform/qr_code.h); the screens only read this.
#pragma once

#include <cstdint>
#include <vector>

namespace orlive {

struct QrMatrix {
    int size = 0;                       // modules per side; 0: no code
    std::vector<std::uint8_t> dark;     // size * size, row by row, 1 = dark

    bool empty() const { return size == 0; }
    bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)] != 0; }
};

}  // namespace orlive
