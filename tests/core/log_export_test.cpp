// CSV exports of the redaction log: a cell that looks like a formula is shown as text.
#include "core/audit/log_export.h"

#include <sstream>

#include "test_support.h"

namespace orlive {
namespace {

TEST(LogExport, FormulaLookingCellsAreNeutralisedAndPlainOnesKept) {
    testing::TempDir dir;
    auto db = Database::open_in(dir.path());
    ASSERT_TRUE(db.ok()) << db.error().message;
    const std::vector<std::string> risky = {"=HYPERLINK(\"http://x\")", "+1+2", "-3", "@SUM(A1)", "\tcmd", "\rcmd"};
    std::vector<LogEntry> entries;
    for (const std::string& text : risky) {
        LogEntry e;
        e.action = log_action::kSignOff;
        e.detail = text;
        entries.push_back(e);
    }
    LogEntry plain;
    plain.action = log_action::kSignOff;
    plain.detail = "entries 1-3 reviewed by Kim";
    entries.push_back(plain);
    ASSERT_TRUE(append_log(**db, entries));

    std::ostringstream csv;
    ASSERT_TRUE(write_log_export(**db, LogQuery{}, ExportFormat::Csv, csv));
    std::istringstream lines(csv.str());
    std::string line;
    std::getline(lines, line);  // header
    std::size_t risky_seen = 0;
    while (std::getline(lines, line) && line.rfind("#", 0) != 0) {
        if (line.find("reviewed by Kim") != std::string::npos) {
            EXPECT_NE(line.find(",entries 1-3 reviewed by Kim,"), std::string::npos) << line;
            continue;
        }
        // The detail cell, with or without quotes, starts with the apostrophe.
        EXPECT_TRUE(line.find(",'") != std::string::npos || line.find(",\"'") != std::string::npos) << line;
        ++risky_seen;
    }
    EXPECT_EQ(risky_seen, risky.size());  // getline splits at \n only: one line per entry
    EXPECT_EQ(csv.str().find(",=HYPERLINK"), std::string::npos);
    EXPECT_EQ(csv.str().find(",\"=HYPERLINK"), std::string::npos);
    EXPECT_EQ(csv.str().find(",@SUM"), std::string::npos);
    EXPECT_EQ(csv.str().find(",\tcmd"), std::string::npos);
    // Numbers stay numbers: an entry without a span has start and end -1, unquoted.
    EXPECT_NE(csv.str().find(",-1,-1,"), std::string::npos);
}

}  // namespace
}  // namespace orlive
