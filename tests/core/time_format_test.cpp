// The header clock shows hours and minutes only, so the app redraws it once a minute.
#include "core/base/time_format.h"

#include <gtest/gtest.h>

namespace {

TEST(ElapsedClock, ShowsHoursAndMinutesOnly) {
    EXPECT_EQ(orlive::format_elapsed_clock(0), "0:00");
    EXPECT_EQ(orlive::format_elapsed_clock(59'999), "0:00");
    EXPECT_EQ(orlive::format_elapsed_clock(60'000), "0:01");
    EXPECT_EQ(orlive::format_elapsed_clock((3600 + 5 * 60 + 9) * 1000LL), "1:05");
    EXPECT_EQ(orlive::format_elapsed_clock(-5000), "0:00");
}

}  // namespace
