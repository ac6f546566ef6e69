// CurlGlobal: libcurl's process-wide setup, held by main() before any thread starts, so
// executables need not include curl.h themselves.
#pragma once

namespace orlive {

class CurlGlobal {
public:
    CurlGlobal();
    ~CurlGlobal();
    CurlGlobal(const CurlGlobal&) = delete;
    CurlGlobal& operator=(const CurlGlobal&) = delete;
};

}  // namespace orlive
