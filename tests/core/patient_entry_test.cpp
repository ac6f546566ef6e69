// The Case screen's patient fields: dates of birth as people write them, MRNs as scanners send
// them, names as typed; refusals that never repeat what was typed.
#include "core/privacy/patient_entry.h"

#include <gtest/gtest.h>

namespace orlive {
namespace {

TEST(PatientEntry, DatesOfBirthInTheWaysPeopleWriteThem) {
    for (const char* typed : {"04/05/1950", "4/5/1950", "04-05-1950", "1950-04-05", " 04051950 ", "4.5.1950"}) {
        auto dob = dob_from_entry(typed);
        ASSERT_TRUE(dob.ok()) << typed << ": " << dob.error().message;
        EXPECT_EQ(*dob, "1950-04-05") << typed;
    }
    EXPECT_EQ(*dob_from_entry("02/29/2000"), "2000-02-29");
}

TEST(PatientEntry, ImpossibleDatesAreRefusedWithoutRepeatingThem) {
    for (const char* typed : {"02/30/1950", "13/01/1950", "02/29/1900", "1950", "april 5 1950", "04/05/50", ""}) {
        auto dob = dob_from_entry(typed);
        ASSERT_FALSE(dob.ok()) << typed;
        if (*typed) {
            EXPECT_EQ(dob.error().message.find(typed), std::string::npos) << dob.error().message;
        }
    }
}

TEST(PatientEntry, AScannersControlCodesAreDroppedFromTheMrn) {
    EXPECT_EQ(*mrn_from_entry("\x02MRN00482913\x03\r"), "MRN00482913");
    EXPECT_EQ(*mrn_from_entry("  0048-2913 "), "0048-2913");
    EXPECT_FALSE(mrn_from_entry("ABCDEF").ok()) << "an MRN has digits";
    EXPECT_FALSE(mrn_from_entry(std::string(40, '7')).ok());
    EXPECT_FALSE(mrn_from_entry("12\xff").ok());
}

TEST(PatientEntry, NamesAreTrimmedAndNeedLetters) {
    EXPECT_EQ(*name_from_entry("  Ana   Okafor "), "Ana Okafor");
    EXPECT_EQ(*name_from_entry("Zo\xc3\xab Kr\xc3\xbcger"), "Zo\xc3\xab Kr\xc3\xbcger");
    EXPECT_FALSE(name_from_entry(" A ").ok());
    EXPECT_FALSE(name_from_entry("1234").ok());
}

}  // namespace
}  // namespace orlive
