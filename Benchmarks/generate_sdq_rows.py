#!/usr/bin/env python3
"""Writes N synthetic SDQ parent rows (official variable names) to stdout, for benchmarks.

Usage: generate_sdq_rows.py N [--invalid-every K]
Ids are fake (bench-000001); about 3 % of answers are blank.
"""
import random, sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
invalid_every = int(sys.argv[sys.argv.index("--invalid-every") + 1]) if "--invalid-every" in sys.argv else 0
items = ["consid", "restles", "somatic", "shares", "tantrum", "loner", "obeys", "worries", "caring", "fidgety",
         "friend", "fights", "unhappy", "popular", "distrac", "clingy", "kind", "lies", "bullied", "helpout",
         "reflect", "steals", "oldbest", "afraid", "attends", "ebddiff", "distres", "imphome", "impfrie", "impclas", "impleis"]
random.seed(1)
out = sys.stdout
out.write(",".join(["id"] + ["p" + i for i in items]) + "\n")
choices = ["0", "1", "2", "0", "1", "2", "0", "1", "2", "0", "1", "2", "0", "1", "2", "0", "1", "2", "0", "1", "2",
           "0", "1", "2", "0", "1", "2", "0", "1", "2", ""]
for row in range(1, n + 1):
    answers = [random.choice(choices) for _ in range(31)]
    if invalid_every and row % invalid_every == 0:
        answers[3] = "3"
    out.write(f"bench-{row:06d}," + ",".join(answers) + "\n")
