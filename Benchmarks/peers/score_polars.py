#!/usr/bin/env python3
"""Peer of `kortlaeg score --instrument sdq-p4-17`: the same SDQ parent scores with polars.

The five scales prorated (at least 3 of 5 answered: round half up of 5 x mean), total,
externalising, internalising, impact (0,0,1,2 recode; 0 when ebddiff = 0) and one 3-band
label per score, written as CSV. Rows with a code outside the scale get status 'rejected'.
A researcher's script, not Kortlæg's oracle: it exists to be timed.
usage: score_polars.py IN.csv OUT.csv
"""
import sys
import polars as pl

src, dst = sys.argv[1], sys.argv[2]
items = ["consid", "restles", "somatic", "shares", "tantrum", "loner", "obeys", "worries", "caring", "fidgety",
         "friend", "fights", "unhappy", "popular", "distrac", "clingy", "kind", "lies", "bullied", "helpout",
         "reflect", "steals", "oldbest", "afraid", "attends", "ebddiff", "distres", "imphome", "impfrie", "impclas", "impleis"]
scales = {
    "pemotion": (["somatic", "worries", "unhappy", "clingy", "afraid"], []),
    "pconduct": (["tantrum", "obeys", "fights", "lies", "steals"], ["obeys"]),
    "phyper": (["restles", "fidgety", "distrac", "reflect", "attends"], ["reflect", "attends"]),
    "ppeer": (["loner", "friend", "popular", "bullied", "oldbest"], ["friend", "popular"]),
    "pprosoc": (["consid", "shares", "caring", "kind", "helpout"], []),
}
bands = {"pemotion": (3, 4), "pconduct": (2, 3), "phyper": (5, 6), "ppeer": (2, 3), "pebdtot": (13, 16), "pimpact": (0, 1)}
df = pl.read_csv(src, schema_overrides={"p" + i: pl.Int8 for i in items})
valid = pl.all_horizontal([pl.col("p" + i).is_null() | pl.col("p" + i).is_between(0, 3 if i in items[25:] else 2) for i in items])
exprs = []
for name, (its, rev) in scales.items():
    cols = [(2 - pl.col("p" + i)) if i in rev else pl.col("p" + i) for i in its]
    answered = pl.sum_horizontal([pl.col("p" + i).is_not_null().cast(pl.Int32) for i in its])
    total = pl.sum_horizontal(cols)
    exprs.append(pl.when(answered >= 3).then(((total * 5 * 2 + answered) // (2 * answered))).otherwise(None).alias(name))
df = df.with_columns(exprs)
recode = lambda c: pl.col(c).replace_strict({0: 0, 1: 0, 2: 1, 3: 2}, default=None)
impact = pl.sum_horizontal([recode("p" + i) for i in ["distres", "imphome", "impfrie", "impclas", "impleis"]])
df = df.with_columns(
    (pl.col("pemotion") + pl.col("pconduct") + pl.col("phyper") + pl.col("ppeer")).alias("pebdtot"),
    pl.when(pl.col("pebddiff") == 0).then(0).otherwise(impact).alias("pimpact"),
    (pl.col("pconduct") + pl.col("phyper")).alias("pextern"),
    (pl.col("pemotion") + pl.col("ppeer")).alias("pintern"),
)
df = df.with_columns([
    pl.when(pl.col(s).is_null()).then(None).when(pl.col(s) <= lo).then(pl.lit("normal"))
      .when(pl.col(s) <= hi).then(pl.lit("borderline")).otherwise(pl.lit("abnormal")).alias(s + "_band3")
    for s, (lo, hi) in bands.items()
])
score_cols = ["pemotion", "pconduct", "phyper", "ppeer", "pprosoc", "pebdtot", "pimpact", "pextern", "pintern"]
df = df.with_columns(pl.when(valid).then(pl.lit("complete")).otherwise(pl.lit("rejected")).alias("status"))
df.select(["id"] + score_cols + [s + "_band3" for s in bands] + ["status"]).write_csv(dst)
