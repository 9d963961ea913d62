#!/usr/bin/env python3
"""Peer of `kortlaeg export --project P --format sav`: read every stored score of every child and
occasion from the project store (SQLite, read-only; since schema step v8 a response's scores are
one text in its row: per score id, variable, value and bands separated by U+001F, scores by
U+001E), pivot with pandas to one row per child and write an SPSS .sav file with pyreadstat.
usage: export_pyreadstat.py P OUT.sav"""
import sqlite3, sys
import pandas as pd
import pyreadstat

src, dst = sys.argv[1], sys.argv[2]
db = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
children, names, values = [], [], []
for child, occasion, scores in db.execute("""
        SELECT c.pseudonym, o.code, r.scores
        FROM response r JOIN child c ON c.id = r.childId JOIN occasion o ON o.id = r.occasionId"""):
    if not scores:
        continue
    for score in scores.split("\x1e"):
        _, variable, value, _ = score.split("\x1f")
        children.append(child)
        names.append(occasion + "_" + variable)
        values.append(float(value) if value else None)
frame = pd.DataFrame({"child": children, "name": names, "value": values})
wide = frame.pivot_table(index="child", columns="name", values="value", aggfunc="first").reset_index()
wide.columns = [str(c) for c in wide.columns]
pyreadstat.write_sav(wide, dst)
