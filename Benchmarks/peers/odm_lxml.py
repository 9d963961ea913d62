#!/usr/bin/env python3
"""Peer of `kortlaeg import FILE.xml --profile redcap-xml-sdq-parent`: lxml iterparse of a CDISC
ODM file into one CSV row per form (subject, event, date, sdq_p01..sdq_p33), elements cleared
as they are read so memory stays flat. usage: odm_lxml.py IN.xml OUT.csv"""
import csv, sys
from lxml import etree

ns = "{http://www.cdisc.org/ns/odm/v1.3}"
src, dst = sys.argv[1], sys.argv[2]
names = ["sdq_date"] + [f"sdq_p{i:02d}" for i in range(1, 34)]
with open(dst, "w", newline="") as out:
    w = csv.writer(out)
    w.writerow(["subject", "event"] + names)
    subject = event = None
    values = {}
    for action, el in etree.iterparse(src, events=("start", "end")):
        tag = el.tag
        if action == "start":
            if tag == ns + "SubjectData":
                subject = el.get("SubjectKey")
            elif tag == ns + "StudyEventData":
                event = el.get("StudyEventOID")
                values = {}
            continue
        if tag == ns + "ItemData":
            values[el.get("ItemOID")] = el.get("Value")
        elif tag == ns + "StudyEventData":
            w.writerow([subject, event] + [values.get(n, "") for n in names])
        if tag in (ns + "StudyEventData", ns + "SubjectData"):
            el.clear()
            while el.getprevious() is not None:
                del el.getparent()[0]
