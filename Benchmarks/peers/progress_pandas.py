#!/usr/bin/env python3
"""Peer of `kortlaeg progress --t1 A --t2 B --instrument sdq-p4-17 --by klasse --format csv`:
pandas pairs the two score files by id, and per class and score SciPy gives the paired t-test,
the mean change and Cohen's d. usage: progress_pandas.py T1.csv T2.csv OUT.csv"""
import sys
import pandas as pd
from scipy import stats

t1, t2, dst = sys.argv[1:4]
scores = ["pemotion", "pconduct", "phyper", "ppeer", "pprosoc", "pebdtot", "pimpact", "pextern", "pintern"]
a = pd.read_csv(t1, usecols=["id", "klasse"] + scores)
b = pd.read_csv(t2, usecols=["id"] + scores)
pairs = a.merge(b, on="id", suffixes=("_1", "_2"))
rows = []
for klasse, group in pairs.groupby("klasse", sort=True):
    for s in scores:
        both = group[[s + "_1", s + "_2"]].dropna()
        n = len(both)
        if n < 5:
            rows.append((klasse, s, n, None, None, None))
            continue
        diff = both[s + "_2"] - both[s + "_1"]
        t = stats.ttest_rel(both[s + "_2"], both[s + "_1"])
        sd = diff.std(ddof=1)
        rows.append((klasse, s, n, diff.mean(), t.pvalue, diff.mean() / sd if sd > 0 else None))
pd.DataFrame(rows, columns=["klasse", "score", "n", "change", "p", "d"]).to_csv(dst, index=False)
