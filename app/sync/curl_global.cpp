#include "sync/curl_global.h"

#include <curl/curl.h>

namespace orlive {

CurlGlobal::CurlGlobal() { curl_global_init(CURL_GLOBAL_DEFAULT); }
CurlGlobal::~CurlGlobal() { curl_global_cleanup(); }

}  // namespace orlive
