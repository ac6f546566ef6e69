// The fuzzers' one assertion: print what broke and abort, so libFuzzer saves the input as a
// crash. Not <cassert>: it must hold in release builds too.
#pragma once

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition, what)                                              \
    do {                                                                         \
        if (!(condition)) {                                                      \
            std::fprintf(stderr, "FUZZ_CHECK failed: %s (%s)\n", what, #condition); \
            std::abort();                                                        \
        }                                                                        \
    } while (0)
