#!/usr/bin/env python3
"""Writes the synthetic SDQ sample files in SampleData/ (deterministic; seed fixed).

Children are fake ("barn-0001" …), never CPR-shaped. A latent difficulty level per child drives
the answers so scores spread over the bands, T2 is slightly better than T1 on average, some
answers are blank and a few rows carry invalid codes (3, 'x') so the rejects report has content.
"""
import csv, os, random

random.seed(20261123)
ROOT = os.path.join(os.path.dirname(__file__), "..", "SampleData")
ITEMS = ["consid", "restles", "somatic", "shares", "tantrum", "loner", "obeys", "worries", "caring", "fidgety",
         "friend", "fights", "unhappy", "popular", "distrac", "clingy", "kind", "lies", "bullied", "helpout",
         "reflect", "steals", "oldbest", "afraid", "attends"]
POSITIVE = {"consid", "shares", "caring", "kind", "helpout", "obeys", "friend", "popular", "reflect", "attends"}
IMPACT = {"p": ["distres", "imphome", "impfrie", "impclas", "impleis"], "t": ["distres", "impfrie", "impclas"],
          "s": ["distres", "imphome", "impfrie", "impclas", "impleis"]}
N = 240


def answer(level, positive):
    p = min(max(level, 0.02), 0.95)
    if positive:
        p = 1 - p
    r = random.random()
    return 2 if r < p * p else (1 if r < p * p + 2 * p * (1 - p) else 0)


def write(prefix, occasion, levels, ages, classes, sexes):
    rows = []
    for i, level in enumerate(levels, start=1):
        if ages[i - 1] < 11 and prefix == "s":
            continue
        if occasion == "T2":
            level = max(0.0, level - random.uniform(0.0, 0.15))
        row = {"barn_id": f"barn-{i:04d}", "klasse": classes[i - 1], "koen": sexes[i - 1]}
        for item in ITEMS:
            row[prefix + item] = "" if random.random() < 0.03 else str(answer(level, item in POSITIVE))
        difficulties = 0 if level < 0.25 else min(3, int(level * 4))
        row[prefix + "ebddiff"] = "" if random.random() < 0.04 else str(difficulties)
        for item in IMPACT[prefix]:
            row[prefix + item] = "" if difficulties == 0 else str(min(3, max(0, int(random.gauss(level * 4, 0.8)))))
        rows.append(row)
    # A few invalid rows (kept; kortlaeg score rejects them with row, column, value and reason).
    for index in random.sample(range(len(rows)), 3):
        rows[index][prefix + random.choice(ITEMS)] = random.choice(["3", "x"])
    name = {"p": "parent", "t": "teacher", "s": "self"}[prefix]
    path = os.path.join(ROOT, f"sdq-{name}-{occasion}.csv")
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()), delimiter=";" if prefix == "t" else ",",
                                lineterminator="\r\n" if prefix == "t" else "\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


if __name__ == "__main__":
    os.makedirs(ROOT, exist_ok=True)
    levels = [random.betavariate(1.6, 4.0) for _ in range(N)]
    ages = [random.randint(8, 14) for _ in range(N)]
    classes = [random.choice(["4A", "4B", "5A", "5B", "6A", "6B", "7A", "7B"]) for _ in range(N)]
    sexes = [random.choice(["dreng", "pige"]) for _ in range(N)]
    for prefix in ["p", "t", "s"]:
        for occasion in ["T1", "T2"]:
            print("wrote", write(prefix, occasion, levels, ages, classes, sexes))
