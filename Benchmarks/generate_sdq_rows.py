#!/usr/bin/env python3
"""Writes N synthetic SDQ parent rows (official variable names) to stdout, for benchmarks.

Usage: generate_sdq_rows.py N [--invalid-every K] [--classes C] [--seed S]
Ids are fake (bench-000001); about 3 % of answers are blank. With --classes C a 'klasse'
column (C classes, child i in class i mod C) follows the id, for progress by group; --seed
gives another occasion's answers for the same children.
"""
import random, sys

args = sys.argv[1:]
n = int(args[0]) if args and not args[0].startswith("--") else 1_000_000
def option(name, default):
    return int(args[args.index(name) + 1]) if name in args else default
invalid_every = option("--invalid-every", 0)
classes = option("--classes", 0)
random.seed(option("--seed", 1))
items = ["consid", "restles", "somatic", "shares", "tantrum", "loner", "obeys", "worries", "caring", "fidgety",
         "friend", "fights", "unhappy", "popular", "distrac", "clingy", "kind", "lies", "bullied", "helpout",
         "reflect", "steals", "oldbest", "afraid", "attends", "ebddiff", "distres", "imphome", "impfrie", "impclas", "impleis"]
out = sys.stdout
out.write(",".join(["id"] + (["klasse"] if classes else []) + ["p" + i for i in items]) + "\n")
choices = ["0", "1", "2", "0", "1", "2", "0", "1", "2", "0", "1", "2", "0", "1", "2", "0", "1", "2", "0", "1", "2",
           "0", "1", "2", "0", "1", "2", "0", "1", "2", ""]
for row in range(1, n + 1):
    answers = [random.choice(choices) for _ in range(31)]
    if invalid_every and row % invalid_every == 0:
        answers[3] = "3"
    klasse = f"k{row % classes:05d}," if classes else ""
    out.write(f"bench-{row:06d}," + klasse + ",".join(answers) + "\n")
