#!/usr/bin/env python3
"""Writes a REDCap-style CDISC ODM 1.3.1 file of synthetic SDQ parent answers.

ItemOIDs sdq_p01..sdq_p33 and events baseline_arm_1 / followup_arm_1, as the shipped
profile `redcap-xml-sdq-parent` expects. Deterministic (seeded). Subject keys are synthetic.

usage: generate_sdq_odm.py OUT.xml [--subjects N | --megabytes M] [--bad-every K]
  --bad-every K: every K-th form gets an invalid code (5) in sdq_p01, to exercise rejections.
"""
import random
import sys


def main():
    args = sys.argv[1:]
    out = args[0]
    subjects = int(args[args.index("--subjects") + 1]) if "--subjects" in args else None
    megabytes = float(args[args.index("--megabytes") + 1]) if "--megabytes" in args else None
    bad_every = int(args[args.index("--bad-every") + 1]) if "--bad-every" in args else 0
    rng = random.Random(20261123)
    limit = int(megabytes * 1024 * 1024) if megabytes else None
    written = 0
    forms = 0
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        def w(text):
            nonlocal written
            f.write(text)
            written += len(text)
        w('<?xml version="1.0" encoding="UTF-8" ?>\n')
        w('<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" xmlns:redcap="https://projectredcap.org" '
          'FileType="Snapshot" FileOID="000-00-0000" ODMVersion="1.3.1" SourceSystem="REDCap" '
          'SourceSystemVersion="14.7.3">\n')
        w('<ClinicalData StudyOID="Project.SDQ" MetaDataVersionOID="Metadata.SDQ">\n')
        n = 0
        while True:
            n += 1
            if subjects is not None and n > subjects:
                break
            if limit is not None and written >= limit:
                break
            w(f'<SubjectData SubjectKey="S{n:07d}" redcap:RecordIdField="record_id">\n')
            for event, day in (("baseline_arm_1", "2026-01-15"), ("followup_arm_1", "2026-06-15")):
                forms += 1
                w(f'<StudyEventData StudyEventOID="Event.{event}" StudyEventRepeatKey="1" redcap:UniqueEventName="{event}">\n')
                w('<FormData FormOID="Form.sdq_parent" FormRepeatKey="1">\n')
                w('<ItemGroupData ItemGroupOID="sdq_parent.sdq_date" ItemGroupRepeatKey="1">\n')
                w(f'<ItemData ItemOID="sdq_date" Value="{day}"/>\n')
                for position in range(1, 34):
                    top = 2 if position <= 25 else 3
                    value = rng.randint(0, top)
                    if position == 1 and bad_every and forms % bad_every == 0:
                        value = 5
                    w(f'<ItemData ItemOID="sdq_p{position:02d}" Value="{value}"/>\n')
                w('</ItemGroupData>\n</FormData>\n</StudyEventData>\n')
            w('</SubjectData>\n')
        w('</ClinicalData>\n</ODM>\n')
    print(f"{out}: {n - 1} subjects, {forms} forms, {written} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
