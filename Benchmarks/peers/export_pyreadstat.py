#!/usr/bin/env python3
"""Peer of `kortlaeg export --project P --format sav`: read every stored score of every child and
occasion from the project store (SQLite, read-only), pivot with pandas to one row per child and
write an SPSS .sav file with pyreadstat. usage: export_pyreadstat.py P OUT.sav"""
import sqlite3, sys
import pandas as pd
import pyreadstat

src, dst = sys.argv[1], sys.argv[2]
db = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
frame = pd.read_sql_query("""
    SELECT c.pseudonym AS child, o.code || '_' || s.variable AS name, s.value
    FROM score s JOIN response r ON r.id = s.responseId JOIN child c ON c.id = r.childId
    JOIN occasion o ON o.id = r.occasionId""", db)
wide = frame.pivot_table(index="child", columns="name", values="value", aggfunc="first").reset_index()
wide.columns = [str(c) for c in wide.columns]
pyreadstat.write_sav(wide, dst)
