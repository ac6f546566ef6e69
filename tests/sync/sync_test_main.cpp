// sync_tests' main: curl_global_init once before any thread, as in the app.
#include <gtest/gtest.h>

#include "sync/curl_global.h"

int main(int argc, char** argv) {
    orlive::CurlGlobal curl;
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
