// Exports of the redaction log (CSV or JSON Lines), each ending with the sealed head and the
// chain's verify result, so a recipient can later prove the log was not cut short.
#pragma once

#include <ostream>
#include <string_view>

#include "core/store/database.h"
#include "core/audit/redaction_log.h"

namespace orlive {

enum class ExportFormat { Csv, JsonLines };

// Streams every entry matching `query` (its limit is the page size). Returns the verify report
// that was sealed into the export.
Result<VerifyReport> write_log_export(Database& db, LogQuery query, ExportFormat format, std::ostream& out);

}  // namespace orlive
