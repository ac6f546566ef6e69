#!/usr/bin/env python3
"""Builds or_updates_dev.jsonl: dev sentences written for the categories the filter used to miss
(lowercase and ALL-CAPS names, titles in lowercase, word-names standing for a person, initials,
hashtags and handles, ages over 89 in words, dates without a year or in words, places after
"from"/"lives in", numbers of a patient's bed, pager, accession, split record numbers, Unicode
tricks) and the clinical traps that must stay (scores, readings, abbreviations, eponyms).
Same markup as make_or_updates_gold.py. Run:
python3 tests/data/make_or_updates_dev.py > tests/data/or_updates_dev.jsonl
"""
import json
import sys

from make_or_updates_gold import convert

DEV = r"""
@ctx {"patient": {"names": ["William Hartley"], "mrn": "55102938", "dob": "1931-07-14"}, "allow": ["Dr. Nwosu", "Priya Raman"]}
{bill|NAME} is comfortable in pacu, dr nwosu happy with the closure.
{Billy|NAME} asked for his glasses after extubation.
{HARTLEY|NAME}, {WILLIAM|NAME} to OR 2, Dr. Nwosu and Priya Raman in the room.
pt {WH|NAME} tolerated the block well.
mr {hartley|NAME} back on the ward at 15:10.
@ctx {"allow": ["Dr. Nwosu", "Priya Raman", "Henry Ford Hospital"]}
spoke with mrs {okonkwo|NAME} in the family room.
dr {tamsin vale|NAME} from the other team called about the bed.
{GUTIERREZ, Rosa|NAME} in bay 4, NPO since midnight.
Her daughter {Grace|NAME} is waiting downstairs.
{Rose|NAME} said she was cold, warm blanket given.
Tell {Kelly|NAME} her dad is out of surgery.
{Bill|NAME} and {Addison|NAME} brought flowers for their mother.
Mr. {Zwierzchowski|NAME} had a smooth induction.
{Anaïs Lefèvre-Dubois|NAME} went home after the day case.
{Ludwig van der Berg|NAME} arrived for his knee.
{Siobhán Ní Bhriain|NAME} consented for the scope.
Congrats to the team! #Team{MariaLopez|NAME} is cheering in the waiting room.
Family can follow @{maria_lopez|NAME} for updates.
{Henry Lopez|NAME} is the patient's brother.
{MARIA GONZALEZ|NAME} ARRIVED FROM HOME, NPO, CONSENT SIGNED.
Kelly clamp, Allis forceps and Foley in; Addison's disease on the history.
Grace period for the consent is over, Rose Bengal stain used.
Bill the implant to the trauma account.
Priya Raman circulating and Dr. Nwosu closing with 3-0 Monocryl, Henry Ford Hospital OR 5.
@ctx {}
Patient is {95f|AGE}, frail, for a hip.
{94F|AGE} with a fractured neck of femur.
Lovely lady, {97|AGE} yrs young.
Gentleman aged {93|AGE}, lives alone.
{100M|AGE} with an incarcerated hernia.
Celebrated her {99th|AGE} birthday on the ward.
She is {ninety-four|AGE} and sharp as a tack.
A {ninety nine|AGE} yr old for a pacemaker.
{91|AGE} y/o male, DNR, comfort focused.
Seen on {7/22|DATE}, back for the second stage.
Plan discussed {10/15|DATE} with the family.
Pain 3/10, strength 5/5, BP 120/80, GCS 15, score 10/10.
Surgery booked for the {3rd of May|DATE}.
He came in on the {third of may|DATE}.
Last seen {may 3|DATE}, follow-up {dec 12|DATE}.
DOB {05mar1960|DATE} confirmed.
Back from scan {3/14|DATE}, 1/2 tablet given, 2/3 of the mesh used.
Her husband drove in from {Wichita|ADDRESS} this morning.
She lives in {Duluth|ADDRESS} with her sister.
Transferred from {St. Agnes Medical Center|ADDRESS} overnight.
They are staying at home in {Kalamazoo|ADDRESS} until the op.
Lives at {27 maple st|ADDRESS} with her son.
Her zip is {02139|ADDRESS}.
Patient in bed {13A|OTHER_ID}, family updated.
Moved to rm {5123|OTHER_ID} after recovery.
Path accession {S24-18832|OTHER_ID} sent.
Page me on pager {4471|PHONE} if she wakes.
Hosp # {0098812|MRN} on the band.
Car with plate {MA 4XK-291|VEHICLE} left in the bay.
MRN {123 456 78|MRN} checked at time-out.
Record number {44–881–203|MRN} on the wristband.
Call the daughter at {617/555/0142|PHONE}.
Son's number {617 555 0199|PHONE}, wife {617.555.0176|PHONE}.
Ring the house on {555-2368|PHONE} after six.
Her number is {six one seven five five five zero one four two|PHONE}.
Full-width digits: MRN {１２３４５６７８|MRN}.
Patient {Мarіa Lopez|NAME} to holding.
{Ｍａｒｉａ Ｌｏｐｅｚ|NAME} in pre-op.
{Ma​ria Lo­pez|NAME} is awake.
Staff note: ‮evaC‬ done.
NEURO: A+OX3, MAE. RESP: LS CLEAR. GI: TOL PO. GU: FOLEY. PLAN: BOLUS NS, TRANSFER TO MICU.
neuro intact, resp on 2L nc, gi tol clears, gu voiding, id afebrile.
HR 88 NSR, SBP 110s, UOP 40cc/hr, K 3.9, MG 2.1 REPLETED.
Received from PACU on 4L NC, plan per surgery.
Whipple done, Trendelenburg off, Bovie settings 30/30, Mayo stand cleared.
"""


def main():
    context = None
    for raw in DEV.strip().splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("@ctx "):
            context = json.loads(line[5:]) or None
            continue
        sys.stdout.write(json.dumps(convert(line, context), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
