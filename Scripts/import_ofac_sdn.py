#!/usr/bin/env python3
"""Import the OFAC SDN XML (legacy "sdnList" format) into Gavel designation lists.

Stdlib only. Reads an SDN XML file (default: ../shared/data/lists/ofac/sdn.xml beside the repository,
Publish_Date 05/07/2024) and writes, below Policies/lists/:

  us-sdgt.jsonl        every SDN entry carrying program SDGT (EO 13224), one
                       Gavel list entry per line; names = primary name + STRONG
                       a.k.a.s; identifiers.domain = the entry's "Website" ids.
  us-sdgt-weak.jsonl   the WEAK a.k.a.s of the same entries (OFAC marks them
                       "weak"; per OFAC guidance they are too broad for
                       automatic action), for the review-band rule only.
  us-fto.jsonl         the SDN entries carrying program FTO (the State
                       Department FTO list has no machine-readable feed; OFAC's
                       [FTO] tag is the proxy), same shape.

The SDN XML carries no designation dates. `listed` is set only where a date is
known and given in DESIGNATION_DATES below (with its source); every other
entry has no `listed` and is treated by Gavel as in force from the start.
Dates marked "unverified" in DESIGNATION_DATES are from memory of the public
record and are flagged as such in Policies/README.md.

Usage: python3 Scripts/import_ofac_sdn.py [SDN_XML] [OUT_DIR]
"""
import json
import re
import os
import sys
import xml.etree.ElementTree as ET

NS = "{https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML}"

# uid -> {program: (date, note)}. Sources: trust-safety.md §2.2 / §4 (State Dept
# FTO designations of 8 Oct 1997; al-Shabaab 18 Mar 2008; TTP 1 Sep 2010;
# Kata'ib Hizballah 2 Jul 2009; Taliban SDGT via EO 13268 2 Jul 2002).
DESIGNATION_DATES = {
    "4695": {"FTO": ("1997-10-08", "verified: trust-safety.md §2.2 (State Dept, 8 Oct 1997)"),
             "SDGT": ("2001-10-31", "unverified: FTOs designated SDGT under EO 13224 on 31 Oct 2001")},
    "4697": {"FTO": ("1997-10-08", "verified: trust-safety.md §2.2"),
             "SDGT": ("2001-10-31", "unverified: FTOs designated SDGT 31 Oct 2001")},
    "4702": {"FTO": ("1997-10-08", "verified: trust-safety.md §2.2 (PKK)"),
             "SDGT": ("2001-10-31", "unverified: FTOs designated SDGT 31 Oct 2001")},
    "4707": {"FTO": ("1997-10-08", "verified: trust-safety.md §2.2 (PIJ)"),
             "SDGT": ("2001-10-31", "unverified: FTOs designated SDGT 31 Oct 2001")},
    "4709": {"FTO": ("1997-10-08", "verified: trust-safety.md §2.2 (PFLP)"),
             "SDGT": ("2001-10-31", "unverified: FTOs designated SDGT 31 Oct 2001")},
    "6366": {"FTO": ("1999-10-08", "unverified: al-Qa'ida FTO 8 Oct 1999"),
             "SDGT": ("2001-09-23", "verified: EO 13224 annex, 23 Sep 2001 (trust-safety.md §2.2)")},
    "6636": {"SDGT": ("2002-07-02", "verified: EO 13268 added the Taliban to the EO 13224 annex (trust-safety.md §2.2, §4 case 8)")},
    "7200": {"FTO": ("2002-03-27", "unverified: al-Aqsa Martyrs Brigade FTO 27 Mar 2002")},
    "10761": {"FTO": ("2008-03-18", "verified: trust-safety.md §2.2 (al-Shabaab)"),
              "SDGT": ("2008-02-26", "unverified: al-Shabaab SDGT 26 Feb 2008")},
    "11462": {"FTO": ("2009-07-02", "verified: trust-safety.md §4 case 7 (Kata'ib Hizballah SDN and FTO since 2009-07-02)"),
              "SDGT": ("2009-07-02", "verified: trust-safety.md §4 case 7")},
    "12206": {"FTO": ("2010-09-01", "verified: trust-safety.md §2.2 (TTP)"),
              "SDGT": ("2010-09-01", "unverified: TTP SDGT same day as FTO")},
    "8759": {"FTO": ("2004-12-17", "unverified: designated as al-Qa'ida in Iraq 17 Dec 2004, renamed ISIL 2014"),
             "SDGT": ("2004-10-15", "unverified: AQI (JTJ) SDGT 15 Oct 2004")},
}

# Domains that identify a platform, not the listed party; never used as identifiers.
SHARED_PLATFORMS = {"facebook.com", "twitter.com", "x.com", "t.me", "telegram.me", "youtube.com",
                    "instagram.com", "vk.com", "linkedin.com", "gmail.com", "yahoo.com",
                    "hotmail.com", "blogspot.com", "wordpress.com"}


def text(e, tag):
    x = e.find(NS + tag)
    return x.text.strip() if x is not None and x.text else ""


def full_name(e):
    first, last = text(e, "firstName"), text(e, "lastName")
    return f"{first} {last}".strip() if first else last


def domain_of(value):
    v = re.sub(r"^[a-z][a-z0-9+.-]*://", "", value.strip(), flags=re.I)
    v = v.split("/")[0].split("@")[-1].split(":")[0].lower().strip().strip(".")
    if v.startswith("www."):
        v = v[4:]
    return v


TYPES = {"Individual": "individual", "Entity": "organization", "Vessel": "vessel", "Aircraft": "other"}


def entry(e, program, names_strong=True):
    uid = text(e, "uid")
    programs = [p.text for p in e.find(NS + "programList")]
    strong, weak = [], []
    akas = e.find(NS + "akaList")
    for a in (akas if akas is not None else []):
        (strong if text(a, "category") == "strong" else weak).append(full_name(a))
    domains = []
    ids = e.find(NS + "idList")
    for i in (ids if ids is not None else []):
        if text(i, "idType") == "Website":
            d = domain_of(text(i, "idNumber"))
            if d and d not in SHARED_PLATFORMS and d not in domains:
                domains.append(d)
    out = {"id": f"ofac-{uid}" if names_strong else f"ofac-{uid}-weak"}
    if names_strong:
        out["name"] = full_name(e)
        out["aliases"] = strong
    else:
        if not weak:
            return None
        out["name"], out["aliases"] = weak[0], weak[1:]
    out["type"] = TYPES.get(text(e, "sdnType"), "other")
    date = DESIGNATION_DATES.get(uid, {}).get(program)
    if date:
        out["listed"] = date[0]
    out["delisted"] = None
    out["identifiers"] = {"domain": domains if names_strong else []}
    out["programs"] = programs
    return out



def shared_data(relative):
    """A file of the team's data folder, found beside the repository
    (`../shared/data` from the repository root); exits with a clear message
    when it is not there rather than reading something else."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", relative)
    path = os.path.normpath(path)
    if not os.path.exists(path):
        sys.exit(f"{path}: not found; pass the official file as an argument")
    return path

def main():
    src = sys.argv[1] if len(sys.argv) > 1 else shared_data("lists/ofac/sdn.xml")
    out_dir = sys.argv[2] if len(sys.argv) > 2 else "Policies/lists"
    root = ET.parse(src).getroot()
    entries = root.findall(NS + "sdnEntry")
    files = {
        "us-sdgt.jsonl": [entry(e, "SDGT") for e in entries
                          if "SDGT" in [p.text for p in e.find(NS + "programList")]],
        "us-sdgt-weak.jsonl": [entry(e, "SDGT", names_strong=False) for e in entries
                               if "SDGT" in [p.text for p in e.find(NS + "programList")]],
        "us-fto.jsonl": [entry(e, "FTO") for e in entries
                         if "FTO" in [p.text for p in e.find(NS + "programList")]],
    }
    for name, rows in files.items():
        rows = [r for r in rows if r]
        with open(f"{out_dir}/{name}", "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")
        print(f"{name}: {len(rows)} entries")


if __name__ == "__main__":
    main()
