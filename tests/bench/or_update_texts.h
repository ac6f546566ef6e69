// Realistic OR updates for the filter benchmark: the mix a coordinator's free-text notes and
// rendered templates give in a day, about 150 bytes each, roughly one in four with an
// identifier (so the benchmark pays for both the quick "nothing here" path and redaction).
// The case context they are filtered against is or_update_context().
#pragma once

#include <string>
#include <vector>

#include "core/privacy/phi_filter.h"

namespace orlive::bench {

inline const std::vector<std::string>& short_or_updates() {
    static const std::vector<std::string> texts = {
        "Laparoscopic cholecystectomy: surgical safety time-out complete, team and plan confirmed. Step 2 of 9. #SurgEd #LapChole Next update in about 20 minutes.",
        "Abdomen insufflated with CO2 to create the working space, typically at 12-15 mmHg. Camera in. Step 3 of 9. #SurgEd Family informed at the desk.",
        "Critical view of safety achieved and photographed. Cystic duct and artery clipped and divided. Step 6 of 9. #SurgEd All observations within normal limits.",
        "Gallbladder removed in a retrieval bag through the umbilical port. Haemostasis checked. Step 7 of 9. #LapChole Team doing well, on schedule.",
        "Update for Maria's family: incision at 08:15, all stable, Dr. Rivera expects to finish around 10:30. #SurgEd #ORLive Next update after closure.",
        "Patient Maria Lopez is in OR 7, Dr. Rivera scrubbing in. Anaesthesia induced at 07:40, airway secured. Next update in about 20 minutes. Family informed at the desk.",
        "CABG: sternotomy done, left internal mammary artery harvested. On bypass at 09:12, cross-clamp on. #CardiacSurgery All observations within normal limits.",
        "Distal anastomoses complete (3 grafts). Rewarming started, off bypass expected within 20 min. Step 8 of 11. #CABG Team doing well, on schedule.",
        "Total knee arthroplasty: tourniquet up at 08:05, medial parapatellar approach, bone cuts under way. #Ortho #SurgEd #ORLive Next update after closure.",
        "Trial components in, good range of motion and balance. Cementing now, tourniquet time 52 min. #TKA #SurgEd Next update in about 20 minutes. Family informed at the desk.",
        "Robotic partial nephrectomy: docked, renal hilum dissected, artery clamped at 10:02 (warm ischaemia clock started). All observations within normal limits.",
        "Tumour excised with clear margin on frozen section. Renorrhaphy done, unclamped at 10:21, warm ischaemia 19 min. Team doing well, on schedule.",
        "Caesarean section: Pfannenstiel incision at 14:03, baby delivered 14:09, Apgar 8 and 9. Mother and baby well. #SurgEd #ORLive Next update after closure.",
        "Uterus closed in two layers, EBL 600 mL, oxytocin infusion running. Skin closure under way. #Obstetrics Next update in about 20 minutes. Family informed at the desk.",
        "Appendix base secured with two endoloops, specimen out in a bag. Port sites closed. Step 6 of 7. #LapAppy All observations within normal limits.",
        "Call the daughter, Ana, on 555-867-5309 when he is in recovery; she is waiting in the family lounge. Team doing well, on schedule. #SurgEd #ORLive",
        "MRN 12-345-678 confirmed at time-out with the wristband. Consent form and site marking checked. Next update after closure. Next update in about 20 minutes.",
        "Confirmed DOB 03/05/1958 with the patient before induction; allergies: penicillin (rash). Family informed at the desk. All observations within normal limits.",
        "Mrs. Okonkwo's husband asked for updates at j.okonkwo@example.com - please do not post this, for the desk only. Team doing well, on schedule.",
        "Reverse Trendelenburg, left tilt. Adhesions from previous surgery divided with Bovie and Allis clamps. #SurgEd #SurgEd #ORLive Next update after closure.",
        "Kocher manoeuvre performed, duodenum mobilised. Whipple reconstruction planned next. Step 5 of 12. Next update in about 20 minutes. Family informed at the desk.",
        "Nissen fundoplication wrap completed over a 56 Fr bougie, hiatus closed with two sutures. #UpperGI All observations within normal limits. Team doing well, on schedule.",
        "Foley catheter in, urine clear. Bair Hugger on, temperature 36.4 C. Positioned supine, pressure areas padded. #SurgEd #ORLive Next update after closure.",
        "BP 118/76, HR 72, SpO2 98%, EtCO2 35. Stable throughout. Antibiotic prophylaxis given at 07:35. Next update in about 20 minutes. Family informed at the desk.",
        "Mr. Jonathan Hale, 92 years old, transferred from Riverside ICU; his son is on his way from 42 Elm Street. All observations within normal limits.",
        "Specimen out at 11:47 and sent to pathology. Closing now, expected in PACU by 12:15. #SurgEd #LapChole Team doing well, on schedule. #SurgEd #ORLive",
        "Hospital status at 16:00: ED wait 45 minutes, 12 inpatient beds available, 3 ORs running. #RiversideGeneral Next update after closure. Next update in about 20 minutes.",
        "ED wait now 90 minutes; two trauma calls in the last hour. Elective list running on time in ORs 1-4. Family informed at the desk. All observations within normal limits.",
        "Team huddle done. Scrub nurse Sam Okafor and Dr. Rivera confirmed instrument count correct: 32 of 32. Team doing well, on schedule. #SurgEd #ORLive",
        "Bleeding from the cystic artery stump controlled with a clip; EBL 150 mL. No conversion to open needed. Next update after closure. Next update in about 20 minutes.",
        "Drain placed in Morison's pouch. Ports removed under vision, fascia closed at the umbilicus. #SurgEd Family informed at the desk. All observations within normal limits.",
        "Patient's wife Linda called from (312) 555-0147 asking about timing; told her the team will call after closure. Team doing well, on schedule.",
        "Implant serial SN-4471-X82-9931 recorded in the implant log; lot number checked against the chart. #SurgEd #ORLive Next update after closure.",
        "Room turnover in OR 3 took 28 minutes. Next case: robotic prostatectomy, anaesthesia team ready. #OROps Next update in about 20 minutes. Family informed at the desk.",
        "Conversion to open: dense adhesions, Kocher incision made at 09:55. Case now expected to run 2 hours more. All observations within normal limits.",
        "Bone cement set; components seated well. Tourniquet down at 09:20, total tourniquet time 75 minutes. #TKA Team doing well, on schedule. #SurgEd #ORLive",
        "Her account number 0048213377 was on the whiteboard - wiped before the photo. Please re-check the room. Next update after closure. Next update in about 20 minutes.",
        "Sponge and needle counts correct. Dressings on. Handover to PACU nurse at 13:10 with Dr. Rivera present. Family informed at the desk. All observations within normal limits.",
        "Graft flows checked with transit-time probe, all above 30 mL/min. Protamine given. Chest closing. #CABG Team doing well, on schedule. #SurgEd #ORLive",
        "Baby girl born 14:09, 3.4 kg, crying well. Skin-to-skin in theatre while closure continues. #Obstetrics Next update after closure. Next update in about 20 minutes.",
        "Ureter identified and protected throughout. No urine leak on methylene blue test. Drain left. #Urology Family informed at the desk. All observations within normal limits.",
        "Mayo scissors and Babcock forceps on the back table for the appendix; Crohn's disease excluded on inspection. Team doing well, on schedule. #SurgEd #ORLive",
        "Patient from 2200 W Harrison St, Chicago, IL 60612 - transport booked for 15:30 via the east entrance. Next update after closure. Next update in about 20 minutes.",
        "Surgical site infection bundle complete: chlorhexidine prep, normothermia, glucose 6.2 mmol/L. #SurgEd Family informed at the desk. All observations within normal limits.",
        "Delayed start: waiting for blood products, crossmatch done, 2 units available. New start time 09:45. Team doing well, on schedule. #SurgEd #ORLive",
        "Car with plate 7ABC123 parked in the ambulance bay belongs to the patient's brother - security informed. Next update after closure. Next update in about 20 minutes.",
        "Hemostasis secured, irrigation clear. Closing the fascia with looped PDS. Expected finish in 25 min. Family informed at the desk. All observations within normal limits.",
        "Anaesthesia: spinal in at 13:48, block to T4 confirmed, patient comfortable. Partner present in theatre. Team doing well, on schedule. #SurgEd #ORLive",
        "Images uploaded to http://pacs.riverside.local/study/88213 for the MDT tomorrow at 08:00. Next update after closure. Next update in about 20 minutes.",
        "All done: patient awake, extubated, moving all limbs, on the way to recovery at 12:02. Thank you team! #SurgEd Family informed at the desk. All observations within normal limits.",
    };
    return texts;
}

// The active case these texts are filtered against: one patient, two allow-listed staff.
inline FilterContext or_update_context() {
    FilterContext context;
    context.patient.names = {"Maria Lopez"};
    context.patient.mrn = "12345678";
    context.patient.dob = "1958-03-05";
    context.allow = {"Dr. Rivera", "Sam Okafor"};
    return context;
}

}  // namespace orlive::bench
