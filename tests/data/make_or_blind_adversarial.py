#!/usr/bin/env python3
"""Generate tests/data/or_blind_adversarial.jsonl from readable markup.

Blind adversarial evaluation set for the PHI filter (see BLIND_SET.md).
Written from the categories of issue 11 only, without reading the filter code.
Do NOT use these lines in unit tests or for tuning.

Markup: "Pt [[NAME:Maria Lopez]] in OR 7" -> text without the brackets plus a
span {start, end, category} in UTF-8 byte offsets (end exclusive).

Gold conventions:
  * a name is marked without its title (Dr./Mrs./M./Sra.); hashtag/handle
    names mark the name part only (#Team[MariaLopez], @[maria_lopez]);
    board style "LOPEZ, Maria" is one span;
  * invisible characters (zero-width, soft hyphen, word joiner) inside a
    name are part of the span; bidi controls around a name are not;
  * AGE marks the number (or number words) only: "[95]f", "[97] yrs",
    "[99th] birthday"; ages <= 89 are never spans;
  * DATE marks the date itself, without "the"/"on";
  * OTHER_ID marks the number of a bed/room/pager/accession, not the word
    "bed"/"rm"; VEHICLE keeps a state prefix glued to the plate.
"""
import json
import os
import re
import sys

CATS = {"NAME", "DATE", "AGE", "PHONE", "EMAIL", "SSN", "MRN", "ACCOUNT",
        "ADDRESS", "URL", "IP", "DEVICE_ID", "VEHICLE", "OTHER_ID"}

MARK = re.compile(r"\[\[([A-Z_]+):(.*?)\]\]", re.S)


def ctx(names, mrn, dob, allow, hospital):
    return {"patient": {"names": names, "mrn": mrn, "dob": dob},
            "allow": allow, "hospital": hospital}


GROUPS = []

# ---------------------------------------------------------------- A
GROUPS.append((ctx(["Maria Lopez"], "40918273", "1958-03-05",
                   ["Dr. Rivera", "Sam Okafor"], "Henry Ford Hospital"), [
    "Time-out complete ✅ OR 7, Whipple for today's teaching case #ORLive #HPB",
    "Incision at 08:14 — Dr. Rivera on the knife, Sam Okafor first assist 🔪",
    "pt [[NAME:maria lopez]] prepped n draped, pain 3/10 pre-op",
    "board: [[NAME:LOPEZ, Maria]] / OR 7 / bed [[OTHER_ID:13A]] / NPO since 00:00",
    "[[NAME:Henry Lopez]] (husband) is in the family lounge, we'll update him at 10",
    "[[NAME:Sam Rivera]], her brother, asked for a pic of the team 📸",
    "Huge thanks to the Henry Ford Hospital periop crew 💙 #HenryFord #TeachingOR",
    "#Team[[NAME:MariaLopez]] we got u 💪💪",
    "get well soon @[[NAME:maria_lopez]] 🌹🌹",
    "specimen out 10:42 → path, accession [[OTHER_ID:S24-018873]]",
    "she's from [[ADDRESS:dearborn]], daughter drove in at 5am",
    "transferred from [[ADDRESS:Beaumont Royal Oak]] overnight for this case",
    "Kelly clamp, Foley in, BP 120/80, HR 72, GCS 15 pre-induction",
    "MRN [[MRN:4091 8273]] read back at time-out",
    "ＭＲＮ：[[MRN:４０９１８２７３]] (wristband scanned)",
    "DOB [[DATE:3/5/58]] confirmed w/ pt",
    "her bday is [[DATE:march 5th]], she wants to be home for it 🎂",
    "[[NAME:Ma\u200bria Lo\u200bpez]] is doing great in PACU",
    "Closing 🧵 EBL 150 mL, UOP 300, counts correct x2",
    "step 4 of 7 done, pancreaticojejunostomy next #Whipple",
    "son says call him at [[PHONE:313.555.0148]] if anything changes",
    "dr rivera says thx to the whole crew 🙏 5/5 strength all ext post-block",
    "ED wait 4h 30m, 12 boarders, capacity 98% — pls be patient ❤️",
    "pt [[NAME:ML]] extubated in OR 7 at 12:05, to PACU",
    "after PACU she goes to rm [[OTHER_ID:5123]] on 4W",
    "mrn \u202e[[MRN:37281904]]\u202c on the sticker, pls fix",
    "family email is [[EMAIL:maria dot lopez58 at gmail dot com]] if u want pics",
    "her fb [[URL:facebook.com/maria.lopez.5858]] has the GoFundMe link",
]))

# ---------------------------------------------------------------- B
GROUPS.append((ctx(["Nguyễn Thị Hoa", "Hoa Nguyen"], "7730021", "1931-11-02",
                   ["Dr. Patel", "Grace Kim"], "Mary Washington Hospital"), [
    "[[AGE:93]]F for lap chole, ASA 3, Mallampati 2",
    "pt is [[AGE:ninety-three]] and sharp as a tack 😄",
    "[[NAME:NGUYEN, HOA]] — pre-op bed [[OTHER_ID:7]]",
    "Mrs. [[NAME:Nguyễn Thị Hoa]] consented w/ vietnamese interpreter at 07:10",
    "[[NAME:Mary Nguyen]] is here for her mom, waiting in the lounge",
    "Grace Kim circulating, Dr. Patel at the console 🤖 #RoboticSurgery",
    "granddaughter [[NAME:Grace]] is waiting w/ snacks",
    "by the grace of the anesthesia gods we started on time 😂",
    "mrn [[MRN:773-0021]] matches band",
    "MRN [[MRN:77 300 21]]",
    "she turns [[AGE:94]] on [[DATE:nov 2]] !!",
    "home in [[ADDRESS:Fredericksburg]], 40 min drive for family",
    "lives in [[ADDRESS:falls church]] w/ her son",
    "Mary Washington Hospital PACU at capacity, holding 3 in OR",
    "[[NAME:Hoa]]'s son [[NAME:Minh]] says cảm ơn to the team",
    "her sister is 89 and came along, so sweet 💕",
    "Pt [[NAME:Nguуen]] to recovery 11:20",
    "interpreter booked 14:00 for post-op talk, pain 2/10",
    "Gallbladder out 🎉 specimen to path, accession [[OTHER_ID:SP-24-33107]]",
    "Dr. Patel: textbook critical view of safety ✔️ #LapChole",
    "call dtr [[PHONE:540 555 0163]] after closure pls",
    "pt [[NAME:N.T.H.]] vitals stable, T 36.9, RR 14",
    "grace kim & dr patel done by 10:55, 2 cases left",
    "dob [[DATE:02nov1931]] per band",
    "her son dr [[NAME:tran]] is a dentist lol, lots of q's",
]))

# ---------------------------------------------------------------- C
GROUPS.append((ctx(["William Hart"], "00562291", "1929-07-22",
                   ["Dr. Joseph Chen", "Ann Fowler"], "St. Joseph Mercy Ann Arbor"), [
    "[[NAME:Bill]] is [[AGE:95]] and gave the team a thumbs up 👍 before the spinal",
    "ok who left the parking bill on the scrub sink 😂",
    "[[AGE:95]]m for L hip ORIF, spinal, 2 mg midaz",
    "his [[AGE:95th]] birthday is [[DATE:7/22]], nurses made a card",
    "[[NAME:Joseph Hart]] (son) is on his way from [[ADDRESS:Toledo]]",
    "Dr. Joseph Chen + Ann Fowler scrubbed, Bovie 30/30, fluoro in",
    "wife [[NAME:Ann]] at bedside in pre-op",
    "St. Joseph Mercy Ann Arbor OR 12: case 2 of 4 rolling 🚀",
    "[[NAME:hart, william]] — rm [[OTHER_ID:5123]] post-op",
    "[[AGE:ninety five]] yr old gentleman, tolerated spinal well",
    "family liaison pager [[OTHER_ID:4417]] if u need updates",
    "transferred from [[ADDRESS:University of Michigan Hospital]] ED",
    "lives in [[ADDRESS:ypsilanti]] alone, dtr checks daily",
    "his truck [[VEHICLE:MI-CXK4471]] is still in the ED lot w/ lights on, security notified",
    "HR 62, SpO2 97%, T 36.8, EBL 200 mL",
    "Mr [[NAME:Hart]] awake & chatting, spinal working 😄",
    "[[NAME:Will]] (grandson) says go team",
    "will do closing at 11:40, staples to skin",
    "Ann Fowler running the counts, all correct",
    "mrn [[MRN:00562291]] / acct [[ACCOUNT:77120045]]",
    "[[NAME:W. Hart]] to PACU at 11:58",
    "implant serial [[DEVICE_ID:ZH88412290A]] logged",
    "dr joseph chen: cemented stem, 5/5 ankle DF post-op",
    "pt [[NAME:WH]] is a WWII vet 🫡",
    "consent signed by [[NAME:Wil\ufeffliam Hart]] himself",
]))

# ---------------------------------------------------------------- D
GROUPS.append((ctx(["Oluwaseun Adeyemi-Okonkwo"], "GM-448120", "1990-12-12",
                   ["Dr. Amara Eze", "Kofi Mensah"], "Grady Memorial Hospital"), [
    "pt [[NAME:adeyemi-okonkwo, oluwaseun]] to OR 3 for ex-lap, GSW abd",
    "[[NAME:Seun]] is tough 💪 MAP holding at 70",
    "#PrayFor[[NAME:Seun]] #GradyStrong",
    "dob [[DATE:12dec1990]] per trauma band",
    "zip is [[ADDRESS:30310]], social work following",
    "lives at [[ADDRESS:221 ralph david abernathy blvd]]",
    "mom's number [[PHONE:404/555/0172]]",
    "friend asked us to forward to [[EMAIL:seun.adeyemi90@gmail.com]]",
    "family set up [[URL:https://gofundme.com/f/help-seun-heal]] 🙏",
    "Kofi Mensah scrubbed in, Dr. Amara Eze attending, MTP activated",
    "[[NAME:Kofi Adeyemi]] (dad) wants updates q1h",
    "Grady Memorial trauma bays full, ED wait 6h+, diverting ALS",
    "2u PRBC + 2 FFP, TXA 1 g, lactate 4.1 → 2.3",
    "acct [[ACCOUNT:00448120-7]] flagged for charity care",
    "moved from trauma bay [[OTHER_ID:T-4]] to SICU bed [[OTHER_ID:12]]",
    "Dr Eze: damage control done, temporary closure 🩹 #TraumaSurgery",
    "[[NAME:Oluwaseun Adeyemi‑Okonkwo]] back from CT",
    "SICU at 100%, 4 holds in PACU",
    "his girlfriend [[NAME:Chiamaka]] is here, asked us not to post his name",
    "MRN [[MRN:GM–448–120]] on the blood bank slip",
    "cousin [[NAME:Tunde Okonkwo]] came from [[ADDRESS:Decatur]]",
    "his car [[VEHICLE:GA-RTX4492]] got towed from the scene",
    "chest tube 24Fr L side, output 200 mL",
    "pt [[NAME:OAO]] stable for now",
]))

# ---------------------------------------------------------------- E
GROUPS.append((ctx(["Jean-Luc de la Fontaine"], "J5501937", "1934-05-03",
                   ["Dr. Priya Raman", "Luc Bernard"], "Johns Hopkins Hospital"), [
    "M. [[NAME:de la Fontaine]] in OR 9 for Whipple, [[AGE:90]] yo",
    "board: [[NAME:DE LA FONTAINE, JEAN-LUC]] / OR 9 / ASA 3",
    "his birthday is the [[DATE:3rd of May]], he'll be [[AGE:91]]",
    "bday [[DATE:third of may]] fyi for the card",
    "[[AGE:90]] yo, frail but game 💪",
    "Pringle maneuver ready, Kocher done, step 3 of 8",
    "Johns Hopkins Hospital teaching OR, residents rotating today",
    "[[NAME:Peter Johns]] (his neighbor) is at the desk",
    "Mr. [[NAME:Fοntaine]] doing fine in recovery",
    "[[NAME:Jean-Luc de la Fon\u00adtaine]] to SICU",
    "Luc Bernard closing skin, Dr. Priya Raman dictating",
    "grandson [[NAME:Luc Fontaine]] flew in from [[ADDRESS:Montréal]]",
    "mrn [[MRN:J 550 1937]]",
    "Roux-en-Y recon done #Whipple #HPB #Hopkins",
    "from [[ADDRESS:towson]], wife drove",
    "wife [[NAME:Hélène]] says merci ❤️",
    "EBL 400, Cell Saver 150 back, UOP 0.5 mL/kg/h",
    "Specimen out 13:02, accession [[OTHER_ID:SP 24 117 093]]",
    "call [[PHONE:410-555-0121]] (wife cell)",
    "dr raman: frozen section margin neg ✅",
    "pt [[NAME:JLdlF]] lol that's a mouthful",
    "[[NAME:jean luc]] [[AGE:90]] and still teaching us french 🇫🇷",
    "pt is [[AGE:ninety]] yrs young",
    "Pancreas soft, duct 3 mm, 5-0 PDS",
]))

# ---------------------------------------------------------------- F
GROUPS.append((ctx(["Sofía Ramírez García"], "3318840", "1928-10-15",
                   ["Dr. Kelly Brooks", "Rosa Díaz"], "Cedars-Sinai Medical Center"), [
    "[[AGE:96]]F for lap appy?? yes really 😅",
    "pt's bday [[DATE:10/15]], she'll be [[AGE:97]]",
    "[[NAME:Rosa Ramírez]] (sister) on FaceTime",
    "[[NAME:sofia ramirez]] intubated 09:02, grade 1 view",
    "Sra. [[NAME:Sofi\u0301a Rami\u0301rez]] tolerando bien",
    "[[NAME:ＲＡＭＩＲＥＺ, ＳＯＦＩＡ]] — OR 4",
    "she's from [[ADDRESS:Boyle Heights]], 4 kids 11 grandkids",
    "dtr cell [[PHONE:323 555 0199]]",
    "home # [[PHONE:555-0142]] no area code",
    "la señora [[NAME:Ramírez]] says gracias 🙏",
    "Kelly clamp & Metzenbaum scissors pls, 3-0 vicryl",
    "Dr. Kelly Brooks closing, Rosa Díaz counting",
    "[[NAME:Kelly]] (granddaughter) says hi to the OR 👋",
    "Cedars-Sinai ED holding 40, wait 7h",
    "transferred from [[ADDRESS:White Memorial]] this am",
    "[[NAME:GARCÍA, Sofía Ramírez]]",
    "[[AGE:ninety-six]] años y fuerte 💪",
    "pain 0/10 in PACU, 10/10 would recommend this team 😂",
    "mrn [[MRN:331 8840]]",
    "rose-colored fluid from drain, 30 mL",
    "[[NAME:Rose]] (neighbor) brought flowers 🌹",
    "#Abuela[[NAME:Sofia]] #Fuerza[[NAME:Sofia]]",
    "appendix out 10:15, specimen to path, closing w/ 4-0 monocryl",
    "[[NAME:sofía]] wants her rosary back, it's in the belongings bag",
    "updates on [[URL:www.caringbridge.org/visit/sofiaramirez]]",
]))

# ---------------------------------------------------------------- G
GROUPS.append((ctx(["Zbigniew Wróblewski"], "60077123", "1931-01-30",
                   ["Dr. Addison Park", "Dr. Sokolov"], "Massachusetts General Hospital"), [
    "[[NAME:WROBLEWSKI, Zbigniew]] — OR 22 — CABG x3",
    "hx Addison's disease, stress-dose hydrocortisone 100 mg given",
    "Dr. Addison Park at the head of the bed, Dr. Sokolov on pump",
    "grandson [[NAME:Addison]] flew in from [[ADDRESS:Chicago]] last night",
    "zip [[ADDRESS:02139]] for the transport form",
    "lives at [[ADDRESS:14 elm st, cambridge]]",
    "pt [[NAME:ZW]] on bypass 09:40, x-clamp 10:02",
    "[[NAME:zbig]] (that's what he goes by) off pump 12:15",
    "[[NAME:Zbignіew]] to CVICU",
    "aged [[AGE:93]], EF 35%, EuroSCORE II 6.2",
    "[[NAME:Addison Wróblewski]] is his great-grandson, 6 yo 🥹",
    "MGH CVICU full, 2 holds in PACU",
    "[[AGE:93]] yrs, still shovels his own snow apparently ❄️",
    "Massachusetts General Hospital #HeartTeam 🫀 #CABG #ORLive",
    "mrn [[MRN:6007 7123]]",
    "[[DATE:jan 30]] is his bday, he wants cake",
    "LIMA to LAD, SVG x2, ACT 480",
    "ssn on the old chart [[SSN:078-05-1120]] pls shred",
    "from [[ADDRESS:somerville]], wife passed last yr",
    "daughter [[NAME:Ewa]] at [[PHONE:617.555.0190]]",
    "dr sokolov: best anastomosis of the week #CardiacSurgery",
    "transferred from [[ADDRESS:Lahey]] for this",
    "after OR he goes to CVICU bed [[OTHER_ID:14]]",
    "TEE: no SAM, LVEF 40% post-pump",
    "his home telemetry hub [[IP:fe80::1c2:44ff:fe11:9a2b]] keeps paging IT",
]))

# ---------------------------------------------------------------- H
GROUPS.append((ctx(["Kenji Watanabe", "渡辺健二"], "22041876", "1952-02-29",
                   ["Dr. Grace Liu", "Bill Turner"], "Rose Medical Center"), [
    "[[NAME:Rose Watanabe]] (wife) brought the kids to the lounge",
    "Rose Medical Center OR 5, lap Nissen, first case 07:30",
    "[[NAME:watanabe, kenji]] bed [[OTHER_ID:4B]] pre-op",
    "call [[PHONE:(720) 555-0133]] for family",
    "his home BP cuff uploads from [[IP:10.22.41.87]], IT says disable",
    "ICD serial [[DEVICE_ID:PJN448201S]], magnet on for bovie",
    "DOB [[DATE:02/29/1952]] — a leap-day baby 🐸",
    "[[NAME:渡辺健二]]さん、手術は順調です",
    "Dr. Grace Liu and Bill Turner starting the wrap",
    "rose gold scrub caps today lol 🌸",
    "Nissen fundoplication done, 360° wrap, bougie 54 Fr",
    "[[NAME:Kenji]] is 72, retired engineer",
    "[[NAME:Bill Watanabe]] (brother) on the phone",
    "Bill Turner prepping the next room",
    "lives in [[ADDRESS:Aurora]], 20 min out",
    "mrn [[MRN:2204 1876]]",
    "his CPAP [[DEVICE_ID:DS-2210-88417]] came up with him",
    "email results to [[EMAIL:kwatanabe52@comcast.net]]",
    "[[NAME:K.W.]] extubated, PONV ppx given, zofran 4 mg",
    "#Team[[NAME:Kenji]] 🙌 #NissenFundoplication",
    "@[[NAME:kenji.watanabe]] ur wife says hi",
    "Dr. Liu: hiatus 4 cm, crura closed x2",
    "PACU bay 6 open at 09:50",
    "pt's son [[NAME:Hiro]] drove down from [[ADDRESS:Boulder]]",
    "VIN [[VEHICLE:1HGCM82633A004352]] — his car in the 5 min zone",
]))

# ---------------------------------------------------------------- I
GROUPS.append((ctx(["Aleksandr Ivanov", "Александр Иванов"], "0034412", "1930-09-09",
                   ["Dr. Israel Cohen", "Beth Morales"], "Beth Israel Deaconess Medical Center"), [
    "[[NAME:Beth Ivanova]] (wife) wants a call after closure",
    "Dr. Israel Cohen + Beth Morales in OR 4 for TAVR",
    "[[NAME:Александр Иванов]] — нужен переводчик",
    "[[NAME:Ivаnov]] to cath recovery",
    "[[NAME:Sasha]] asked for his glasses back",
    "ssn [[SSN:219-09-9999]] was written on the consent?? removed",
    "ss# [[SSN:219 09 9999]]",
    "SSN [[SSN:２１９－０９－９９９９]]",
    "[[AGE:94]] yrs, TAVR via TF, 26 mm valve",
    "from [[ADDRESS:brookline]], lives w/ wife",
    "transferred from [[ADDRESS:Mount Auburn Hospital]] 2 days ago",
    "TOL PO, MAE x4, NAD, GU: voiding, GI: +BS",
    "BIDMC cath lab backed up, 3 cases waiting",
    "Beth Israel Deaconess #StructuralHeart #TAVR 🫀",
    "[[NAME:IVANOV, A.]] bed [[OTHER_ID:22]]",
    "mrn [[MRN:0034412]], double checked",
    "Mr [[NAME:Iva\u200bnov]] waking up",
    "valve deployed 11:03, gradient 8 mmHg, no PVL",
    "son [[NAME:Dmitri]] in [[ADDRESS:Brighton]], phone [[PHONE:617-555-0177]]",
    "ACT 250, heparin reversed w/ protamine",
    "dob [[DATE:9/9/1930]]",
    "born [[DATE:9 Sept 1930]] so he's [[AGE:94]]",
    "access site soft, 2+ DP pulses",
    "old pacemaker SN [[DEVICE_ID:RNB 229-0041]] to be explanted",
]))

# ---------------------------------------------------------------- J (nursing notes)
GROUPS.append((ctx(["Dolores Kowalczyk"], "5520014", "1927-06-18",
                   ["Dr. Hernandez", "Carol Baptiste"], "Mercy Hospital"), [
    "PT ALERT, ORIENTED X3. MAE. TOL PO. GI: BS+ X4. GU: FOLEY TO CD, UOP 40-60 CC/HR. NO PRN NEEDED.",
    "[[AGE:97]] yo F s/p lap chole [[DATE:7/22]], c/o pain 3/10, medicated w/ tylenol",
    "dtr [[NAME:Stella]] called, updated, # [[PHONE:412-555-0187]]",
    "MICU BOLUS 500 CC NS GIVEN, MAP >65",
    "[[NAME:KOWALCZYK, DOLORES]] BED [[OTHER_ID:13A]]",
    "seen by dr hernandez [[DATE:10/15]], plan d/c to [[ADDRESS:Kane Regional Center]]",
    "RM [[OTHER_ID:512]]: pt resting comfortably, call light in reach",
    "HOSP # [[MRN:552-0014]] ON ALL LABELS",
    "carol baptiste RN: 2200 VS 98.6 / 76 / 18 / 132/70 / 96% RA",
    "pt reports dtr lives in [[ADDRESS:McKeesport]], will visit am",
    "IVF @ 75/hr, ABX: ancef q8h, PRN dilaudid 0.5 mg",
    "[[AGE:ninety seven]] yr old, NKDA, DNR/DNI per HCP [[NAME:Stella Kowalczyk]]",
    "mrs [[NAME:k]] ate 50% of dinner",
    "0300: pt confused, reoriented x2, bed alarm on. MD aware.",
    "spoke w/ son [[NAME:Kazimierz]] re: plan, he is in [[ADDRESS:Erie PA]]",
    "DX: SBO? R/O. NPO, NGT to LIS, output 300 cc bilious",
    "pt states her [[AGE:98th]] bday is [[DATE:june 18]]",
    "accession # [[OTHER_ID:H25-004471]] pending",
    "WBC 12.4, HGB 9.8, K 3.6, CR 1.1",
    "pager [[OTHER_ID:2291]] for surgery PA",
    "MERCY HOSPITAL ED: WAIT 5 HRS, 18 PTS IN WR",
    "pt ID'd w/ 2 identifiers per policy",
    "pt [[NAME:DK]] up to chair x 20 min, tolerated well",
    "pain 10/10 at 0400, dr hernandez paged, 1 mg dilaudid given",
    "seen [[DATE:11/3]] by PT: strength 4/5 BLE, ambulated 20 ft w/ walker",
    "moved to rm [[OTHER_ID:five twelve]] after bed alarm issue",
    "[[AGE:97]] yrs, hx CHF, A-fib on eliquis (held)",
]))

# ---------------------------------------------------------------- K
GROUPS.append((ctx(["Clara Santos"], "11827364", "1933-04-01",
                   ["Dr. Miguel Santos", "Priya Nair"],
                   "Kaiser Permanente Santa Clara Medical Center"), [
    "Dr. Miguel Santos is attending today, Priya Nair scrub",
    "mrs [[NAME:santos]] did great, extubated 11:12",
    "[[NAME:Clara]]'s husband [[NAME:Miguel]] is in the lounge",
    "Kaiser Permanente Santa Clara OR 6, lap colectomy",
    "[[AGE:91]] y/o F, sigmoid ca, ASA 3",
    "mrn [[MRN:one one eight two seven three six four]] (she recited it lol)",
    "her son's cell is [[PHONE:four oh eight five five five zero one one two]]",
    "pt \u202e[[NAME:sotnaS aralC]]\u202c to PACU",
    "Pt \u2066[[NAME:Clara Santos]]\u2069 bed [[OTHER_ID:9]]",
    "Santa Clara county ED surge, wait 8h",
    "from [[ADDRESS:San Jose]], originally [[ADDRESS:Guadalajara]]",
    "[[NAME:SANTOS, CLARA]] / OR 6 / case 1 of 3",
    "Hartmann's avoided! primary anastomosis 🎉",
    "zip [[ADDRESS:95051]]",
    "[[AGE:91]]F, lives alone at [[ADDRESS:2207 monroe st]]",
    "Priya Nair & dr miguel santos: all counts correct",
    "[[NAME:Clara Sant\u00ados]] waking up",
    "[[NAME:Ｃｌａｒａ]] says hi 👋",
    "bday [[DATE:april 1st]], no joke 🤡",
    "EBL 50, no transfusion, drain x1",
    "#Team[[NAME:ClaraSantos]] 💜",
    "billing acct [[ACCOUNT:4400-1182-7364]]",
    "pt [[NAME:𝐂𝐥𝐚𝐫𝐚 𝐒𝐚𝐧𝐭𝐨𝐬]] 💐",
    "grandson's # [[PHONE:٤٠٨-٥٥٥-٠١١٣]]",
    "mrn [[MRN:११८२७३६४]] on the old label",
]))

# ---------------------------------------------------------------- L (crisis + Irish)
GROUPS.append((ctx(["Siobhán Ní Bhriain"], "90215573", "1944-08-08",
                   ["Dr. O'Brien", "Niamh Walsh"], "University Hospital"), [
    "ED update: wait 5h 10m, 31 in waiting room, 2 ambulances on divert 🚑",
    "MCI drill done at 14:00, thanks all #Preparedness",
    "[[NAME:Pádraig O'Brien]] (pt's husband) pls come to the front desk",
    "Dr. O'Brien & Niamh Walsh in OR 2, lap hernia",
    "[[NAME:siobhan ni bhriain]] to PACU 10:40",
    "[[NAME:NÍ BHRIAIN, Siobhán]]",
    "she's from [[ADDRESS:Galway]] originally, lives in [[ADDRESS:Quincy]] now",
    "[[NAME:Niamh Ní Bhriain]] (dtr) says thx",
    "capacity 104%, opening overflow unit 5B",
    "80 yo F, lap TEP, mesh 15x15",
    "ICU 0 beds, PACU holding 6, elective cases on hold",
    "hosp # [[MRN:9021 5573]]",
    "[[NAME:Shiv]] (her nickname) is awake & asking for tea ☕",
    "call [[PHONE:617 555 0144]] or [[PHONE:617/555/0145]]",
    "pt's husband's car [[VEHICLE:MA-4TR882]] is blocking the amb bay, pls move",
    "dob [[DATE:08/08/44]]",
    "her birthday's [[DATE:aug 8]] 🎂 nurses know",
    "ED: flu surge, masks required, 3 negative pressure rooms open",
    "[[NAME:Siobhán]] → grand job lads 🇮🇪",
    "dr o'brien: no complications, d/c home tmrw likely",
    "#GetWell[[NAME:Siobhan]] ☘️",
    "[[NAME:S. Ní Bhriain]] room [[OTHER_ID:6214]]",
    "lives on [[ADDRESS:hancock st]] near the T",
    "Boarding: 14 admits in ED, avg LOS 19h",
    "neighbor [[NAME:Eoghan Mac Giolla Phádraig]] dropped off her bag",
]))

# ---------------------------------------------------------------- M
GROUPS.append((ctx(["Chen Xiaoling", "Xiaoling Chen", "陈小玲"], "7731902", "1929-12-25",
                   ["Dr. Wei Zhang", "Dr. Chen"], "Mount Sinai Hospital"), [
    "Dr. Chen + Dr. Wei Zhang scrubbing for the lap gastrectomy",
    "Mrs. [[NAME:Chen]] is [[AGE:95]], oldest gastrectomy this yr 🏅",
    "[[NAME:陈小玲]]女士手术顺利",
    "[[NAME:CHEN, XIAOLING]] - OR 14 - ASA 3",
    "[[NAME:xiaoling chen]] extubated 10:20, to PACU",
    "dob [[DATE:25dec1929]] (christmas baby 🎄)",
    "her bday is [[DATE:dec 25]] lol the nurses love that",
    "[[NAME:Wei Chen]] (son) needs update, [[PHONE:212.555.0166]]",
    "Mount Sinai Hospital OR board: 18 cases, 2 add-ons",
    "transferred from [[ADDRESS:NYU Langone]] for 2nd opinion",
    "lives in [[ADDRESS:Flushing]], Mandarin interpreter booked",
    "D2 lymphadenectomy, Roux-en-Y recon, EBL 120",
    "[[AGE:95]]yo, BMI 19, albumin 3.1",
    "[[NAME:Ch\u200ben Xiao\u200bling]] to SICU",
    "mrn [[MRN:７７３１９０２]]",
    "pt [[NAME:Xiaolіng]] awake, asking for her son",
    "dr chen: margins look good 👍 #GastricCancer",
    "zip is [[ADDRESS:11354]]",
    "[[NAME:Lily Zhang]] (granddaughter) is here",
    "wei zhang closing, 4-0 monocryl subcuticular",
    "email [[EMAIL:lily.zhang.nyc@outlook.com]] for updates",
    "[[NAME:C.X.]] to SICU bed [[OTHER_ID:8]]",
    "ED: 9h wait, 60+ in department 😩 #MountSinai",
]))

# ---------------------------------------------------------------- N
GROUPS.append((ctx(["Thandiwe Mokoena-Dlamini"], "88120047", "1985-04-17",
                   ["Dr. Scott Reed", "Thandi Nkosi"],
                   "Baylor Scott & White Medical Center – Temple"), [
    "Dr. Scott Reed and Thandi Nkosi in OR 8, C-section → hyst",
    "[[NAME:Scott Dlamini]] (husband) in the family room",
    "[[NAME:thandiwe mokoena-dlamini]] stable post-op",
    "[[NAME:Thandi]] (the pt, not our scrub tech lol) asked for the baby pic",
    "baby girl out 09:14, Apgars 8/9 💕",
    "pt 39 yo G3P2, EBL 1800, MTP called",
    "they're from [[ADDRESS:Killeen]], 30 min south",
    "dob [[DATE:04/17/1985]]",
    "phone [[PHONE:254–555–0119]]",
    "baby [[NAME:Naledi]] in NICU bed [[OTHER_ID:3]]",
    "Baylor Scott & White – Temple L&D at capacity",
    "mrn [[MRN:BSW 8812 0047]]",
    "MRN [[MRN:8812-0047]]",
    "[[NAME:MOKOENA-DLAMINI, Thandiwe]]",
    "Pfannenstiel, Bakri balloon placed, TXA given",
    "#Strong[[NAME:Thandiwe]] #MamaBear",
    "pt [[NAME:Thаndiwe]] to ICU bed [[OTHER_ID:17]]",
    "scott reed: hemostasis ✅ uterine artery ligation ok",
    "her mom [[NAME:Nomsa Mokoena]] flying in from [[ADDRESS:Johannesburg]]",
    "insurance acct [[ACCOUNT:ACC-77120419]]",
    "ICU: 2 beds left, ED wait 3h",
    "lives at [[ADDRESS:4410 w. adams ave, apt 2B]]",
    "spelled out mrn: [[MRN:eight eight one two zero zero four seven]]",
]))

# ---------------------------------------------------------------- O
GROUPS.append((ctx(["Rosalind Abernathy-Quist"], "33041998", "1924-10-09",
                   ["Dr. Mary Okonjo", "Pete Vasquez"],
                   "Providence St. Mary Medical Center"), [
    "[[AGE:100]]M? no, [[AGE:100]]F 😂 centenarian for hernia repair",
    "she had her [[AGE:100th]] birthday last week, cake in the lounge",
    "[[NAME:Roz]] jokes she's only [[AGE:ninety nine]]",
    "Providence St. Mary OR 3, inguinal hernia, local + MAC",
    "[[NAME:Mary Abernathy-Quist]] (dtr-in-law) at the desk",
    "Dr. Mary Okonjo + Pete Vasquez ready to go",
    "[[NAME:Pete Quist]] (grandson) wants a selfie w/ the team",
    "[[NAME:ABERNATHY-QUIST, ROSALIND]]",
    "lives in [[ADDRESS:walla walla]] since 1951",
    "pain 1/10 after local, sats 99% RA",
    "aged [[AGE:100]], sharpest in the room",
    "mrn [[MRN:3304 1998]]",
    "bday is the [[DATE:9th of October]]",
    "dob [[DATE:09oct1924]]",
    "[[NAME:rosalind]] said don't post my name 🙈",
    "mesh placed, Lichtenstein repair, 2-0 prolene",
    "transferred from [[ADDRESS:Kadlec]] yesterday",
    "daughter's cell [[PHONE:509 555 0111]]",
    "[[NAME:Ros\u2060alind]] back to her room",
    "Glasgow 15, Aldrete 9, Trendelenburg not needed",
    "ninety-nine percent sure we finish by noon 🤞",
]))

# ---------------------------------------------------------------- P (mixed, pure traps + a few)
GROUPS.append((ctx(["Dawn Summers-Hope"], "61500273", "1949-02-14",
                   ["Dr. Frank Marks", "Joy Hunter"], "St. Luke's Hospital"), [
    "Dr. Frank Marks & Joy Hunter: site marked, time-out done",
    "frank blood in the NG, EBL 300, surgeon aware",
    "we hope all goes well, next update at dawn lol ☀️",
    "mark the incision at 2 cm above the umbilicus",
    "page anesthesia for PACU bed, then summer schedule meeting",
    "[[NAME:Dawn]] is awake and joking w/ Joy Hunter",
    "[[NAME:Hope Summers]] (sister) and [[NAME:Mark Summers]] (nephew) in the lounge",
    "St. Luke's Hospital OR 1 · Hartmann reversal · 3 of 5 steps done",
    "ORIF, ACDF, CABG, TURP all running today, #BusyDay",
    "pt 76M s/p TKA, ambulating POD 1, pain 4/10",
    "BP 132/84, HR 88, RR 16, SpO2 95%, T 37.1",
    "GCS 15, 5/5 motor, 2+ reflexes, 1/2 NS @ 100",
    "24/7 coverage this wk, 50/50 split on call",
    "Bovie, Yankauer, Deaver retractor, Babcock & Allis on the mayo stand",
    "Foley out POD 2, Jackson-Pratt drain 30 mL serous",
    "hx Crohn's, Graves' disease, on Hashimoto's meds",
    "McBurney's point tender, Rovsing's sign +, Murphy's sign -",
    "case 7/10 done for the day 💪",
    "Dr. Marks says 3/4 of the bowel looks healthy",
    "#ORLive #TeachingSurgery #Grateful #NursesWeek",
    "2 mg IV morphine, 4 mg ondansetron, 1 g cefazolin",
    "anastomosis 3-0 PDS, 14 min, closing 10:55",
    "[[NAME:DAWN S-H]] bed [[OTHER_ID:21]]",
    "dob [[DATE:2/14/49]], valentine's baby 💘",
    "[[NAME:dawn summers hope]] waking up 👋",
]))


def parse(markup):
    """Return (text, spans) with spans in UTF-8 byte offsets."""
    out = bytearray()
    spans = []
    pos = 0
    for m in MARK.finditer(markup):
        out += markup[pos:m.start()].encode("utf-8")
        cat, val = m.group(1), m.group(2)
        if cat not in CATS:
            raise ValueError("bad category %r in %r" % (cat, markup))
        start = len(out)
        out += val.encode("utf-8")
        spans.append({"start": start, "end": len(out), "category": cat,
                      "_val": val})
        pos = m.end()
    out += markup[pos:].encode("utf-8")
    text = out.decode("utf-8")
    if "[[" in text or "]]" in text:
        raise ValueError("unparsed markup in %r" % markup)
    return text, spans


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "or_blind_adversarial.jsonl")
    rows = []
    for context, lines in GROUPS:
        for markup in lines:
            text, spans = parse(markup)
            b = text.encode("utf-8")
            for s in spans:
                got = b[s["start"]:s["end"]].decode("utf-8")
                assert got == s.pop("_val"), (got, markup)
            rows.append({"text": text, "context": context, "spans": spans})
    texts = [r["text"] for r in rows]
    assert len(texts) == len(set(texts)), "duplicate line"
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    # re-read and verify
    counts = {}
    traps = 0
    n = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            n += 1
            b = r["text"].encode("utf-8")
            prev = 0
            for s in r["spans"]:
                assert 0 <= s["start"] < s["end"] <= len(b)
                assert s["start"] >= prev, "overlap"
                prev = s["end"]
                b[s["start"]:s["end"]].decode("utf-8")  # on char boundaries
                counts[s["category"]] = counts.get(s["category"], 0) + 1
            if not r["spans"]:
                traps += 1
    print("lines", n)
    print("trap lines (no spans)", traps)
    print("spans", sum(counts.values()))
    for k in sorted(counts, key=lambda k: -counts[k]):
        print("  %-10s %d" % (k, counts[k]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
