#!/usr/bin/env python3
"""Builds or_updates_gold.jsonl from the marked-up OR-update sentences below.

Markup: {text|CATEGORY} marks a gold PHI span. Byte offsets (UTF-8) are computed here, so the
sentences stay readable. A line "@ctx {json}" sets the FilterContext for the sentences after it
(until the next @ctx); "@ctx {}" clears it. Sentences without marks are traps: nothing in them
may be redacted. Run: python3 tests/data/make_or_updates_gold.py > tests/data/or_updates_gold.jsonl
and python3 tests/data/make_or_updates_gold.py --heldout > tests/data/or_updates_heldout.jsonl
"""
import json
import re
import sys

SENTENCES = r"""
@ctx {"patient": {"names": ["Maria Lopez"], "mrn": "12345678", "dob": "1958-03-05"}, "allow": ["Dr. Rivera", "Sam Okafor"]}
Patient {Maria Lopez|NAME} is in OR 7, Dr. Rivera scrubbing in.
{Maria|NAME} is asleep, time-out done at 07:42.
Update for {Maria|NAME}'s family: incision at 08:15, all stable.
{maria lopez|NAME} now in PACU, BP 118/76, HR 72, SpO2 98%.
MRN {12-345-678|MRN} confirmed at time-out.
Confirmed MRN: {1234 5678|MRN} and DOB {03/05/1958|DATE} with the patient.
Chart no. {12.345.678|MRN} checked by Sam Okafor.
DOB {March 5, 1958|DATE}, allergies reviewed, cefazolin 2 g given at 07:50.
Born {5 March 1958|DATE}; consent signed.
Ms. {Lopez|NAME} tolerated the procedure well, EBL 50 mL.
{Mria Lopez|NAME} moved to recovery at 11:20.
{LOPEZ|NAME}, {MARIA|NAME} - wheels in 07:30, OR 3.
The daughter, {Ana|NAME}, has been updated by Dr. Rivera.
{Maria|NAME}'s husband {John|NAME} is in the waiting room.
Her son {Will|NAME} asked for an update at 2:30 pm.
Patient initials {M.L.|NAME}, case started 08:05, Trendelenburg position.
{M. Lopez|NAME} extubated in the room, to PACU at 10:40.
Dr. Rivera and Sam Okafor closing now, Pfannenstiel incision, 2-0 Vicryl.
Kocher clamp and Allis clamps on the field; Foley placed.
Lap chole for {Lopez|NAME}: Hasson entry, Veress not used, EBL minimal.
DOB {3/5/58|DATE} verified, weight 72 kg.
Specimen labeled {Maria Lopez|NAME} {1958-03-05|DATE} sent to pathology.
@ctx {"patient": {"names": ["José Muñoz"], "mrn": "A-00998877", "dob": "1941-11-30"}, "allow": ["Dr. Chen"]}
{José Muñoz|NAME} is on the table, Dr. Chen starting the Whipple.
Update: {José|NAME} doing well, 2 h 10 min so far.
{jose munoz|NAME} to ICU after the case, Swan-Ganz in place.
{Muñoz|NAME} family updated at 15:10 by Dr. Chen.
MRN {A00998877|MRN} on the wristband; DOB {30 Nov 1941|DATE}.
Record # {A 0099 8877|MRN} double-checked.
Mr. {Munos|NAME} is stable, BP 132/84.
{Nov 30th, 1941|DATE} is his birthday, he turns 83 today.
Roux-en-Y reconstruction under way, Billroth II not needed.
@ctx {"patient": {"names": ["Nguyễn Thị Lan"], "mrn": "77 66 55", "dob": "1930-01-15"}, "allow": ["Dr. Patel", "Nurse Kim"]}
{Nguyễn Thị Lan|NAME} is in OR 2 for a hip hemiarthroplasty.
Mrs. {Nguyễn|NAME} is a {94|AGE}-year-old with a femoral neck fracture.
{nguyen thi lan|NAME} asleep at 09:00; Dr. Patel doing a spinal.
{Lan|NAME} tolerated the spinal, MAP 70.
DOB {15/01/1930|DATE}, MRN {776655|MRN}.
Her granddaughter {Linh|NAME} is waiting outside.
@ctx {"patient": {"names": ["Rose Grant"], "dob": "1950-07-04"}, "allow": ["Dr. Hope Williams"]}
{Rose|NAME} is doing great, Dr. Hope Williams is closing.
BP rose to 150/90 after incision, treated with labetalol 10 mg.
The grant application for the OR renovation was approved.
Ms. {Grant|NAME} to PACU at 12:05.
{Rose Grant|NAME} born {July 4, 1950|DATE}, allergies none.
Dr. Williams will update the family at 1 pm.
@ctx {"allow": ["Dr. Rivera", "Dr. Chen", "Dr. Patel"]}
Case 2 of the day: lap appy, Dr. {Nguyen|NAME} attending, wheels in 08:30.
Mrs. {Brown|NAME} is in recovery, vitals stable.
The patient's wife, {Grace|NAME}, asked us to call her at {555-201-3344|PHONE}.
Call the family at {(617) 555-0199 ext. 204|PHONE} after closure.
Fax the op note to {+44 20 7946 0958|PHONE}.
Daughter's mobile: {+1 415 555 0132|PHONE}.
Email updates to {ana.lopez88@gmail.com|EMAIL} as requested.
Family portal: {https://portal.example-health.org/case/8812|URL}
Pager {4-1234|PHONE} for anesthesia, HR 88.
SSN {123-45-6789|SSN} was on the old label, shredded.
Insurance member ID {XJH448812907|ACCOUNT} verified at admission.
Account number {00482291|ACCOUNT} flagged by billing.
Medicaid # {MC-88812-44|ACCOUNT} on file.
Pacemaker S/N {PJN4458812|DEVICE_ID} interrogated before cautery.
Implant serial no. {SN-7781-AX22|DEVICE_ID} recorded in the log.
Workstation {10.14.2.201|IP} lost connection, switched to backup.
Server at {2001:db8:85a3::8a2e:370:7334|IP} is down, using paper.
He lives at {1423 Maple Avenue, Springfield, IL 62704|ADDRESS}.
Home address {PO Box 7781, Austin, TX 78701|ADDRESS}.
Their house at {88 Ocean Drive Apt 4B|ADDRESS} is ready for discharge.
Mailing address zip code {02139-4307|ADDRESS} confirmed.
Patient is a {92|AGE}-year-old female, aged well, hip fracture.
{101|AGE} y/o male for hernia repair under local.
Patient aged {95|AGE}, ASA 3, for TURP.
Patient is a 67-year-old male for a lap chole.
Patient age 45, BMI 31, Nissen fundoplication going well.
A 6 year old for tonsillectomy, OR 5.
Surgery date {04/12/2024|DATE}, admitted {April 10, 2024|DATE}.
Admitted on {2024-03-02|DATE}, discharged {3/6/24|DATE}.
Scheduled for {Mar 5th|DATE} follow-up in clinic.
Born in {1931|DATE}, she has outlived all her siblings.
DOB: {1929|DATE} (per family).
License plate {7XYZ123|VEHICLE} car in the ED bay needs moving.
Ambulance VIN {1HGCM82633A004352|VEHICLE} logged for the transfer.
His driver's license {D1234567|OTHER_ID} was found in the gown.
NPI {1234567893|OTHER_ID} on the op note template.
Mr. {Jonathan Reyes|NAME} (77 M) is next, ages under 90 are not PHI.
Her husband {David|NAME} and son {Michael|NAME} are in the family lounge.
Spoke with {Carlos|NAME}, the patient's brother, at 16:00.
{Tom Hughes|NAME} (the father) brought the consent form.
Thanks to {Emily Park|NAME}'s family for the kind card!
Mr. and Mrs. {Okonkwo|NAME} were updated at 14:30.
{J. Smith|NAME} in bed 4 needs transport.
Patient {Kowalski|NAME} ready for induction, propofol 150 mg.
{Sarah|NAME} is going home tomorrow after her appendectomy.
Nice work by the team today #SurgEd #ORLife
Trendelenburg, then reverse Trendelenburg for the Nissen.
Mayo stand set up, Bovie on 30/30, Metzenbaum scissors ready.
Allis and Babcock clamps passed, then the DeBakey forceps.
Crohn's disease, ileocecal resection, Hartmann pouch considered.
Apgar 8 and 9 at 1 and 5 minutes, baby girl doing well.
Lichtenstein repair with mesh; Kelly clamp on the sac.
Deaver and Richardson retractors, Balfour self-retainer in.
Doppler signal present in the dorsalis pedis.
Swan-Ganz floated, PA pressures 32/14.
History of Cushing's and Addison's, stress-dose steroids given.
Glasgow Coma Scale 15, Gleason 7 on the biopsy.
Hodgkin lymphoma history, Parkinson's meds given at 06:00.
Alzheimer's dementia, daughter is the health care proxy.
Foley out at 05:00, voiding on his own.
EBL 200 mL, UOP 150 mL, LR 1.5 L.
BP 120/80, HR 72, SpO2 98% on room air.
Ondansetron 4 mg IV given at 10:30, dexamethasone 8 mg.
1 g cefazolin redosed at 11:45, next dose 15:45.
Case time 2 h 10 min, closure 25 min.
OR 7 turnover done in 22 minutes, Theatre 3 next.
Room 12 is open, Theatre 4 cleaning.
Anesthesia start 07:15, incision 07:48, close 09:55.
Tourniquet up at 10:05, down at 11:20, 75 minutes total.
Dr. Rivera and Dr. Chen covering the ED tonight.
Great teamwork from the OR crew — thank you all!
May the next case go as smoothly as this one.
Will update again after the frozen section comes back.
Grant funding for the new robot came through, Xi system arriving.
Long day in the OR, but a happy patient.
Bill the case to the trauma service.
Faith in the team: 4 cases done before noon.
Brown bag lunch in the break room at 12:30.
The Mark 2 retractor is broken, using the backup.
Young patient, healthy, quick recovery expected.
Price check on the stapler reloads requested by materials.
Case 3 pushed to 13:00 due to a Whipple running long.
Pfannenstiel incision closed with 4-0 Monocryl, Dermabond applied.
Veress needle entry at Palmer's point, Hasson port at umbilicus.
Kocher maneuver done, duodenum mobilised.
Billroth I anastomosis, hand-sewn.
Roux limb 150 cm, jejunojejunostomy stapled.
Nissen wrap 2 cm, floppy, bougie 56 Fr.
Hartmann procedure for perforated diverticulitis.
Trendelenburg 30 degrees, arms tucked, pressure points padded.
Pt positioned supine, Bair Hugger on, temp 36.4.
Sponge and needle counts correct x2.
Frozen section: benign, proceeding with closure.
Robot docked at 08:40, console time 1 h 50 min.
#MayoClinic fellows joined us today #SurgEd
Family updated by phone at 15:30 per the patient's request.
Heparin 5000 units subQ given at 06:00.
Blood glucose 142 mg/dL, insulin per protocol.
Platelets 180, INR 1.1, Hgb 12.4.
Tidal volume 450 mL, PEEP 5, FiO2 50%.
Second case: 3/4 of the mesh used, remaining 1/4 discarded.
Ratio 2:1 of the drip, 14:05 start of infusion.
Next case on at 2:30 pm in OR 4.
Dr. {Kelly|NAME} is covering call tonight.
Allen test normal before the radial art line.
Murphy's sign positive preop, lap chole went well.
Jackson-Pratt drain placed, 19 Fr.
The Penrose drain was removed on POD 2.
Patient in Fowler position for the shoulder case.
Mayfield pins applied, head fixed.
Whipple done in 6 h 30 min, pancreatic duct 3 mm.
Ivor Lewis esophagectomy in progress, thoracic phase.
The Allis was replaced with a Babcock.
Addison, Cushing and Crohn are eponyms, not patients.
Dr. {Hernandez|NAME} from GI will see her in PACU.
Mrs. {Lee|NAME}'s procedure went well, home by 18:00.
Nurse {Jessica|NAME} is handing over to the night team.
{Kevin|NAME} and {Laura|NAME} from the family waiting room were updated.
{Dawn|NAME}, the patient's sister, will drive him home.
Patient's son {Hunter|NAME} is on his way.
Her daughter {Summer|NAME} signed as a witness.
{Bob Martinez|NAME} had his knee replaced today, doing great.
{Priya Natarajan|NAME} going home after her lap band removal.
{Ahmed|NAME} asked for his prayer mat in PACU.
Case for {Wojciech Kowalczyk|NAME}: right hemicolectomy.
{Siobhan O'Brien|NAME} is awake and talking in PACU.
{Anne-Marie Dubois|NAME} is first case tomorrow.
Called {Hiroshi Tanaka|NAME}'s wife at {555.867.5309|PHONE}.
Appointment on Tuesday, {June 4|DATE} for the post-op check.
Transferred from {St. Mary's Hospital|ADDRESS} at 03:00.
Grace Hospital sent the imaging on a CD.
Sister Mary Joseph nodule noted, umbilical.
Drove in from {Ridgewood, NJ 07450|ADDRESS} this morning.
Lives at {27 Elm St|ADDRESS} with his wife.
Her old address was {450 W 42nd Street, New York, NY 10036|ADDRESS}.
Badge {E-448812|OTHER_ID} found in the locker room.
Claim #{CLM-2024-00871|ACCOUNT} submitted for the implant.
Policy number {HMO-4471-2291|ACCOUNT}, group {88123|ACCOUNT}.
Team huddle at 06:45, three cases, two robots, one Bovie down.
"""

# Held-out sentences (written before the address, city and age rules were added, never tuned on). Emitted only with
# --heldout into or_updates_heldout.jsonl; not part of the gated or_updates_gold.jsonl.
HELDOUT = r"""
@ctx {"allow": ["Dr. Okafor", "Nurse Dana Whitfield"]}
Mrs. {Thandiwe Mthembu|NAME} is on the table for a lap chole, Dr. Okafor operating.
My name is {Oluwaseun|NAME} and I am the patient's nephew, please call me at {+234 803 555 0142|PHONE}.
{Teodor Wrzesniewski|NAME}, 64, was admitted overnight with a perforated ulcer.
Patient {Aurelio|NAME} is awake in PACU, pain 2/10.
Her grandson {Kwabena|NAME} drove up from {Cedar Rapids|ADDRESS}, Iowa to be here.
The family flew in from {Tucson|ADDRESS}, AZ last night.
He still lives in {Marblehead|ADDRESS} with his wife.
She is {ninety-four|AGE} and walked into pre-op on her own.
Our patient turned {102|AGE} last week and is already asking for lunch.
Born on the {3rd of May 1931|DATE}, she remembers when this hospital opened.
Admitted {12 Feb|DATE}, surgery today, home by Friday.
Her son in London can be reached on {020 7946 0321|PHONE}.
Please ring the daughter on {+33 1 42 68 53 00|PHONE} after closure.
Mobile for the wife: {0412 555 678|PHONE}.
Discharge address: {Flat 3, 21 Abbey Road, London NW8 9AY|ADDRESS}.
Post the discharge letter to {Rue de Rivoli 48, 75001 Paris|ADDRESS}.
He is visiting from {Hauptstraße 12, 10115 Berlin|ADDRESS} and needs a translator.
Wife's address on file: {742 Evergreen Terrace, Springfield, OR 97477|ADDRESS}.
The patient resides at {15 Harbour View Road, Cork|ADDRESS}.
Mr {Ogunleye|NAME} is next, right TKA in OR 5.
{Ngozi|NAME}'s mum says thank you to the whole team #ORLife
Spoke with the patient's partner, {Ilse Vandermeulen|NAME}, at 13:10.
Patient from {Fresno|ADDRESS}, 71, for a redo CABG.
Her last colonoscopy was in {March 2019|DATE}.
DOB {07.11.1948|DATE}, allergic to penicillin.
Family contact: {m.okonjo@outlook.com|EMAIL}.
Transfer from {Saint-Jean-sur-Richelieu|ADDRESS}, Quebec arrived at 04:30.
Visiting from {Gdańsk|ADDRESS}, {Zbigniew|NAME} needs a Polish interpreter at the bedside.
Update for Mrs. {Okonkwo-Reyes|NAME}: closing now, EBL 30 mL.
The patient's wife {Marisol|NAME} says he is {97|AGE}.
{Hamish|NAME} from {Inverness|ADDRESS} is our first robotic hernia today.
Mayo stand ready, Kocher and Foley on the back table, OR 7 at 14:05.
Whipple procedure started at 08:10, Dr. Okafor and Nurse Dana Whitfield scrubbed.
Time-out complete, cefazolin 2 g, BP 120/80, HR 64. #SurgEd
Paris classification 0-IIa polyp removed, Boston bowel prep score 8.
Virchow node palpable, Troisier sign noted preop.
Lisfranc fracture fixation, then a Chopart amputation on the other side.
Ranson 2, Glasgow-Imrie 3, Atlanta classification mild.
Room 12 turnover 18 min, next case 10:30, 5 mg morphine given.
Hartmann reversal planned in 3 months, stoma nurse to see her.
Went from OR 3 to PACU at 11:40, Aldrete 9.
Dr. Okafor presented the Richmond Agitation-Sedation Scale audit at grand rounds.
"""

CATEGORIES = {"NAME", "DATE", "AGE", "PHONE", "EMAIL", "SSN", "MRN", "ACCOUNT", "ADDRESS", "URL",
              "IP", "DEVICE_ID", "VEHICLE", "OTHER_ID"}
MARK = re.compile(r"\{([^{}|]+)\|([A-Z_]+)\}")


def convert(line, context):
    text = ""
    spans = []
    pos = 0
    for m in MARK.finditer(line):
        text += line[pos:m.start()]
        start = len(text.encode("utf-8"))
        text += m.group(1)
        end = len(text.encode("utf-8"))
        if m.group(2) not in CATEGORIES:
            raise SystemExit(f"unknown category {m.group(2)} in: {line}")
        spans.append({"start": start, "end": end, "category": m.group(2)})
        pos = m.end()
    text += line[pos:]
    record = {"text": text}
    if context:
        record["context"] = context
    record["spans"] = spans
    return record


def main():
    context = None
    source = HELDOUT if "--heldout" in sys.argv[1:] else SENTENCES
    for raw in source.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("@ctx "):
            context = json.loads(line[5:]) or None
            continue
        sys.stdout.write(json.dumps(convert(line, context), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
