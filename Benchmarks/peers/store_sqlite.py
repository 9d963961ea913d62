#!/usr/bin/env python3
"""Peer of `kortlaeg import FILE.csv --project P --instrument sdq-p4-17 --occasion T1`: Python's
sqlite3 executemany into a children / responses / scores schema in one transaction (answers as
JSON, nine scores per response). usage: store_sqlite.py IN.csv OUT.db"""
import csv, json, os, sqlite3, sys

src, dst = sys.argv[1], sys.argv[2]
if os.path.exists(dst):
    os.remove(dst)
db = sqlite3.connect(dst)
db.executescript("""
CREATE TABLE child (id INTEGER PRIMARY KEY, key TEXT UNIQUE NOT NULL);
CREATE TABLE response (id INTEGER PRIMARY KEY, child INTEGER NOT NULL REFERENCES child(id), occasion TEXT NOT NULL,
  instrument TEXT NOT NULL, answers TEXT NOT NULL, UNIQUE (child, occasion, instrument));
CREATE TABLE score (response INTEGER NOT NULL REFERENCES response(id), name TEXT NOT NULL, value REAL,
  PRIMARY KEY (response, name));
""")
scales = [["psomatic", "pworries", "punhappy", "pclingy", "pafraid"], ["ptantrum", "pobeys", "pfights", "plies", "psteals"],
          ["prestles", "pfidgety", "pdistrac", "preflect", "pattends"], ["ploner", "pfriend", "ppopular", "pbullied", "poldbest"],
          ["pconsid", "pshares", "pcaring", "pkind", "phelpout"]]
names = ["pemotion", "pconduct", "phyper", "ppeer", "pprosoc", "pebdtot", "pimpact", "pextern", "pintern"]
with open(src, newline="") as f, db:
    reader = csv.reader(f)
    header = next(reader)
    children, responses, scores = [], [], []
    for number, row in enumerate(reader, 1):
        record = dict(zip(header, row))
        answers = {k: int(v) for k, v in record.items() if k != "id" and v != ""}
        values = []
        for items in scales:
            got = [answers[i] for i in items if i in answers]
            values.append((len(items) * sum(got) * 2 + len(got)) // (2 * len(got)) if len(got) >= 3 else None)
        total = None if None in values[:4] else sum(values[:4])
        values += [total, None, None, None]
        children.append((number, record["id"]))
        responses.append((number, number, "T1", "sdq-p4-17@1.0.0", json.dumps(answers)))
        scores.extend((number, n, v) for n, v in zip(names, values))
        if len(responses) == 10_000:
            db.executemany("INSERT INTO child VALUES (?, ?)", children)
            db.executemany("INSERT INTO response VALUES (?, ?, ?, ?, ?)", responses)
            db.executemany("INSERT INTO score VALUES (?, ?, ?)", scores)
            children, responses, scores = [], [], []
    db.executemany("INSERT INTO child VALUES (?, ?)", children)
    db.executemany("INSERT INTO response VALUES (?, ?, ?, ?, ?)", responses)
    db.executemany("INSERT INTO score VALUES (?, ?, ?)", scores)
