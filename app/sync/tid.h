// TID: the AT Protocol's timestamp identifier, used as a Bluesky record key. 13 characters of
// base32-sortable: 53 bits of microseconds since the epoch, then a 10-bit clock id. Pure.
#pragma once

#include <cstdint>
#include <string>

namespace orlive {

std::string make_tid(std::int64_t micros_since_epoch, std::uint32_t clock_id);
bool is_valid_tid(const std::string& text);

}  // namespace orlive
