#!/usr/bin/env python3
"""Writes the SDQ instrument files under Instruments/sdq/ from the tables in shared/specs/sdq.md.

The JSON files are the product's data; this script only keeps the ten SDQ variants consistent.
Re-run after changing a table here, then review the diff. No SDQ item wording is written
(youthinmind's copyright): ids, variable names, short names and scoring rules only.
"""
import json, os

OUT = os.path.join(os.path.dirname(__file__), "..", "Instruments", "sdq")
SPEC = "Kortlæg shared/specs/sdq.md, from youthinmind 'Scoring the SDQ for age 4-17' (2014/2016) and sdqinfo.org c1-c3, c9"

# (position, id, scale, reversed, en, da)
ITEMS = [
    (1, "consid", "prosoc", False, "Considerate", "Hensynsfuld"),
    (2, "restles", "hyper", False, "Restless", "Rastløs"),
    (3, "somatic", "emotion", False, "Somatic symptoms", "Somatiske klager"),
    (4, "shares", "prosoc", False, "Shares readily", "Deler gerne"),
    (5, "tantrum", "conduct", False, "Tantrums or hot tempers", "Raserianfald"),
    (6, "loner", "peer", False, "Rather solitary", "Enspænder"),
    (7, "obeys", "conduct", True, "Generally obedient", "Lydig"),
    (8, "worries", "emotion", False, "Many worries", "Mange bekymringer"),
    (9, "caring", "prosoc", False, "Helpful if someone hurt", "Hjælpsom hvis nogen er kommet til skade"),
    (10, "fidgety", "hyper", False, "Fidgety", "Uro i kroppen"),
    (11, "friend", "peer", True, "Has good friend", "Har en god ven"),
    (12, "fights", "conduct", False, "Fights or bullies", "Slås eller mobber"),
    (13, "unhappy", "emotion", False, "Often unhappy", "Ofte ked af det"),
    (14, "popular", "peer", True, "Generally liked", "Generelt vellidt"),
    (15, "distrac", "hyper", False, "Easily distracted", "Let at distrahere"),
    (16, "clingy", "emotion", False, "Nervous or clingy", "Nervøs eller klæbende"),
    (17, "kind", "prosoc", False, "Kind to younger children", "Venlig mod yngre børn"),
    (18, "lies", "conduct", False, "Lies or cheats", "Lyver eller snyder"),
    (19, "bullied", "peer", False, "Picked on or bullied", "Bliver drillet eller mobbet"),
    (20, "helpout", "prosoc", False, "Often volunteers", "Tilbyder ofte hjælp"),
    (21, "reflect", "hyper", True, "Thinks things out", "Tænker sig om"),
    (22, "steals", "conduct", False, "Steals", "Stjæler"),
    (23, "oldbest", "peer", False, "Better with adults", "Bedre med voksne end børn"),
    (24, "afraid", "emotion", False, "Many fears", "Mange bekymringer og frygt"),
    (25, "attends", "hyper", True, "Good attention span", "God koncentrationsevne"),
]
ITEMS_2_4 = {18: ("argues", "Argumentative with adults", "Diskuterer med voksne"),
             22: ("spite", "Can be spiteful", "Kan være ondskabsfuld")}

SCALES = [
    ("emotion", "Emotional symptoms", "Score for følelsesmæssige symptomer", "lowerIsBetter"),
    ("conduct", "Conduct problems", "Score for adfærdsmæssige symptomer", "lowerIsBetter"),
    ("hyper", "Hyperactivity/inattention", "Score for hyperaktivitet/opmærksomhedsvanskeligheder", "lowerIsBetter"),
    ("peer", "Peer relationship problems", "Score for vanskeligheder i forhold til jævnaldrende", "lowerIsBetter"),
    ("prosoc", "Prosocial behaviour", "Score for sociale styrkesider", "higherIsBetter"),
]

ANSWER_SCALES = [
    {"id": "sdq-truth", "kind": "ordinal", "codes": [
        {"code": 0, "label": {"en": "Not true", "da": "Passer ikke"}},
        {"code": 1, "label": {"en": "Somewhat true", "da": "Passer delvist"}},
        {"code": 2, "label": {"en": "Certainly true", "da": "Passer godt"}}]},
    {"id": "sdq-difficulties", "kind": "ordinal", "codes": [
        {"code": 0, "label": {"en": "No", "da": "Nej"}},
        {"code": 1, "label": {"en": "Yes - minor difficulties", "da": "Ja, mindre vanskeligheder"}},
        {"code": 2, "label": {"en": "Yes - definite difficulties", "da": "Ja, tydelige vanskeligheder"}},
        {"code": 3, "label": {"en": "Yes - severe difficulties", "da": "Ja, alvorlige vanskeligheder"}}]},
    {"id": "sdq-impact", "kind": "ordinal", "codes": [
        {"code": 0, "label": {"en": "Not at all", "da": "Slet ikke"}},
        {"code": 1, "label": {"en": "Only a little", "da": "Kun lidt"}},
        {"code": 2, "label": {"en": "Quite a lot", "da": "Ret meget"}},
        {"code": 3, "label": {"en": "A great deal", "da": "Virkelig meget"}}]},
    {"id": "sdq-chronicity", "kind": "ordinal", "codes": [
        {"code": 0, "label": {"en": "Less than a month", "da": "Under en måned"}},
        {"code": 1, "label": {"en": "1-5 months", "da": "1-5 måneder"}},
        {"code": 2, "label": {"en": "6-12 months", "da": "6-12 måneder"}},
        {"code": 3, "label": {"en": "Over a year", "da": "Over et år"}}]},
    {"id": "sdq-followup-change", "kind": "ordinal", "codes": [
        {"code": 0, "label": {"en": "Much worse", "da": "Meget værre"}},
        {"code": 1, "label": {"en": "A bit worse", "da": "Lidt værre"}},
        {"code": 2, "label": {"en": "About the same", "da": "Nogenlunde det samme"}},
        {"code": 3, "label": {"en": "A bit better", "da": "Lidt bedre"}},
        {"code": 4, "label": {"en": "Much better", "da": "Meget bedre"}}]},
]

BAND_LABELS = [
    ("normal", "normal", "normalt"), ("borderline", "borderline", "grænseområde"), ("abnormal", "abnormal", "afvigende"),
    ("closeToAverage", "close to average", "tæt på gennemsnittet"), ("slightlyRaised", "slightly raised", "let forhøjet"),
    ("high", "high", "højt"), ("veryHigh", "very high", "meget højt"),
    ("slightlyLowered", "slightly lowered", "let sænket"), ("low", "low", "lavt"), ("veryLow", "very low", "meget lavt"),
]

# Band tables: informant -> score -> list of (min, max) in ascending order of score, verified flag.
# 3-band labels ascending for problem scores: normal, borderline, abnormal; prosocial reversed.
B3 = {
    "parent": {"ebdtot": ([(0, 13), (14, 16), (17, 40)], True), "emotion": ([(0, 3), (4, 4), (5, 10)], True),
               "conduct": ([(0, 2), (3, 3), (4, 10)], True), "hyper": ([(0, 5), (6, 6), (7, 10)], True),
               "peer": ([(0, 2), (3, 3), (4, 10)], True), "prosoc": ([(0, 4), (5, 5), (6, 10)], True),
               "impact": ([(0, 0), (1, 1), (2, 10)], False)},
    "teacher": {"ebdtot": ([(0, 11), (12, 15), (16, 40)], False), "emotion": ([(0, 4), (5, 5), (6, 10)], True),
                "conduct": ([(0, 2), (3, 3), (4, 10)], True), "hyper": ([(0, 5), (6, 6), (7, 10)], True),
                "peer": ([(0, 3), (4, 4), (5, 10)], True), "prosoc": ([(0, 4), (5, 5), (6, 10)], True),
                "impact": ([(0, 0), (1, 1), (2, 6)], False)},
    "child": {"ebdtot": ([(0, 15), (16, 19), (20, 40)], False), "emotion": ([(0, 5), (6, 6), (7, 10)], False),
              "conduct": ([(0, 3), (4, 4), (5, 10)], False), "hyper": ([(0, 5), (6, 6), (7, 10)], False),
              "peer": ([(0, 3), (4, 5), (6, 10)], False), "prosoc": ([(0, 4), (5, 5), (6, 10)], False),
              "impact": ([(0, 0), (1, 1), (2, 10)], False)},
}
B4 = {
    "parent": ({"ebdtot": [(0, 13), (14, 16), (17, 19), (20, 40)], "emotion": [(0, 3), (4, 4), (5, 6), (7, 10)],
                "conduct": [(0, 2), (3, 3), (4, 5), (6, 10)], "hyper": [(0, 5), (6, 7), (8, 8), (9, 10)],
                "peer": [(0, 2), (3, 3), (4, 4), (5, 10)], "prosoc": [(0, 5), (6, 6), (7, 7), (8, 10)],
                "impact": [(0, 0), (1, 1), (2, 2), (3, 10)]}, False),
    "teacher": ({"ebdtot": [(0, 11), (12, 15), (16, 18), (19, 40)], "emotion": [(0, 3), (4, 4), (5, 5), (6, 10)],
                 "conduct": [(0, 2), (3, 3), (4, 4), (5, 10)], "hyper": [(0, 5), (6, 7), (8, 8), (9, 10)],
                 "peer": [(0, 2), (3, 4), (5, 5), (6, 10)], "prosoc": [(0, 3), (4, 4), (5, 5), (6, 10)],
                 "impact": [(0, 0), (1, 1), (2, 2), (3, 6)]}, True),
    "child": ({"ebdtot": [(0, 14), (15, 17), (18, 19), (20, 40)], "emotion": [(0, 4), (5, 5), (6, 6), (7, 10)],
               "conduct": [(0, 3), (4, 4), (5, 5), (6, 10)], "hyper": [(0, 5), (6, 6), (7, 7), (8, 10)],
               "peer": [(0, 2), (3, 3), (4, 4), (5, 10)], "prosoc": [(0, 4), (5, 5), (6, 6), (7, 10)],
               "impact": [(0, 0), (1, 1), (2, 2), (3, 10)]}, False),
}
B3_PARENT_2_4 = {"ebdtot": [(0, 12), (13, 15), (16, 40)], "emotion": [(0, 2), (3, 3), (4, 10)],
                 "conduct": [(0, 3), (4, 4), (5, 10)], "hyper": [(0, 5), (6, 6), (7, 10)],
                 "peer": [(0, 2), (3, 3), (4, 10)], "prosoc": [(0, 5), (6, 6), (7, 10)]}


def bands(ranges, labels_ascending, levels_ascending):
    return [{"minimum": lo, "maximum": hi, "label": lab, "level": lev}
            for (lo, hi), lab, lev in zip(ranges, labels_ascending, levels_ascending)]


def band3(score, ranges):
    if score == "prosoc":
        return bands(ranges, ["abnormal", "borderline", "normal"], [2, 1, 0])
    return bands(ranges, ["normal", "borderline", "abnormal"], [0, 1, 2])


def band4(score, ranges):
    if score == "prosoc":
        return bands(ranges, ["veryLow", "low", "slightlyLowered", "closeToAverage"], [3, 2, 1, 0])
    return bands(ranges, ["closeToAverage", "slightlyRaised", "high", "veryHigh"], [0, 1, 2, 3])


PREFIX = {"parent": "p", "teacher": "t", "child": "s"}
IMPACT_ITEMS = {
    "parent": [("distres", "Upsets or distresses child", "Bekymrer eller belaster barnet", []),
               ("imphome", "Interferes with home life", "Påvirker hjemmelivet", []),
               ("impfrie", "Interferes with friendships", "Påvirker venskaber", []),
               ("impclas", "Interferes with classroom learning", "Påvirker læring i klassen", []),
               ("impleis", "Interferes with leisure activities", "Påvirker fritidsaktiviteter", [])],
    "teacher": [("distres", "Upsets or distresses child", "Bekymrer eller belaster barnet", []),
                ("impfrie", "Interferes with peer relationships", "Påvirker forholdet til jævnaldrende", ["timppeer"]),
                ("impclas", "Interferes with classroom learning", "Påvirker læring i klassen", [])],
}
IMPACT_ITEMS["child"] = IMPACT_ITEMS["parent"]


def instrument(informant, ages, followup=False):
    p = PREFIX[informant]
    young = ages == (2, 4)
    code = {"parent": "p", "teacher": "t", "child": "s"}[informant]
    base_id = f"sdq-{code}{ages[0]}-{ages[1]}"
    iid = base_id + ("-fu" if followup else "")
    title_en = {"parent": "SDQ parent", "teacher": "SDQ teacher", "child": "SDQ self-report"}[informant]
    title_da = {"parent": "SDQ forældreskema", "teacher": "SDQ lærerskema", "child": "SDQ selvrapportering"}[informant]
    items = []
    for pos, iid_, scale, rev, en, da in ITEMS:
        if young and pos in ITEMS_2_4:
            iid_, en, da = ITEMS_2_4[pos]
        items.append({"id": iid_, "variable": p + iid_, "position": pos, "label": {"en": en, "da": da},
                      "answerScale": "sdq-truth"})
    items.append({"id": "ebddiff", "variable": p + "ebddiff", "position": 26,
                  "label": {"en": "Overall difficulties", "da": "Vanskeligheder samlet set"},
                  "answerScale": "sdq-difficulties"})
    pos = 27
    if not followup:
        items.append({"id": "chronic", "variable": p + "chronic", "position": pos,
                      "label": {"en": "How long (not scored)", "da": "Varighed (scores ikke)"}, "answerScale": "sdq-chronicity"})
        pos += 1
    impact = IMPACT_ITEMS[informant]
    for iid_, en, da, aliases in impact:
        item = {"id": iid_, "variable": p + iid_, "position": pos, "label": {"en": en, "da": da}, "answerScale": "sdq-impact"}
        if aliases:
            item["aliases"] = aliases
        items.append(item)
        pos += 1
    items.append({"id": "burden", "variable": p + "burden", "position": pos,
                  "label": {"en": "Burden (not scored)", "da": "Belastning (scores ikke)"}, "answerScale": "sdq-impact"})
    pos += 1
    if followup:
        items.append({"id": "fuchange", "variable": p + "fuchange", "position": pos,
                      "label": {"en": "Change since the start of the course (not scored)",
                                "da": "Ændring siden starten af forløbet (scores ikke)"}, "answerScale": "sdq-followup-change"})
        items.append({"id": "fuhelpful", "variable": p + "fuhelpful", "position": pos + 1,
                      "label": {"en": "Helpful in other ways (not scored)",
                                "da": "Gavnligt på andre måder (scores ikke)"}, "answerScale": "sdq-impact"})

    family = "sdq-2-4" if young else "sdq-4-17"
    eq = lambda s: f"{family}.{informant}.{s}"
    scales = []
    for sid, en, da, direction in SCALES:
        members = [it["id"] for it, spec in zip(items, ITEMS) if spec[2] == sid]
        rev = [it["id"] for it, spec in zip(items, ITEMS) if spec[2] == sid and spec[3]]
        scale = {"id": sid, "variable": p + sid, "label": {"en": en, "da": da}, "items": members,
                 "method": "sum", "missing": {"minimumAnswered": 3, "prorate": True}, "rounding": "halfUpToInteger",
                 "range": {"minimum": 0, "maximum": 10, "integer": True}, "direction": direction,
                 "equivalenceKey": eq(sid), "source": SPEC}
        if rev:
            scale["reversed"] = rev
        scales.append(scale)
    impact_max = 2 * len(impact)
    scales.append({
        "id": "impact", "variable": p + "impact",
        "label": {"en": "Impact", "da": "Score for påvirkning af trivsel og funktion"},
        "items": [i[0] for i in impact], "recode": {"0": 0, "1": 0, "2": 1, "3": 2},
        "method": "sum", "missing": {"minimumAnswered": 1, "unansweredCountsAs": 0}, "rounding": "none",
        "conditions": [
            {"name": "ebddiff = 0 (no difficulties): impact is 0", "when": {"item": "ebddiff", "codeIn": [0]},
             "then": {"value": 0}},
            {"name": "ebddiff unanswered: impact is missing (R syntax)", "when": {"item": "ebddiff", "unanswered": True},
             "then": {"missing": True}, "onlyWith": {"option": "impact-when-ebddiff-missing", "choice": "missing"}},
        ],
        "range": {"minimum": 0, "maximum": impact_max, "integer": True}, "direction": "lowerIsBetter",
        "equivalenceKey": eq("impact"), "source": SPEC})

    derived = [
        {"id": "ebdtot", "variable": p + "ebdtot", "label": {"en": "Total difficulties", "da": "Samlet problemscore"},
         "of": ["emotion", "conduct", "hyper", "peer"], "method": "sum",
         "range": {"minimum": 0, "maximum": 40, "integer": True}, "direction": "lowerIsBetter",
         "equivalenceKey": eq("ebdtot"), "source": SPEC},
        {"id": "extern", "variable": p + "extern", "label": {"en": "Externalising", "da": "Udadreagerende vanskeligheder"},
         "of": ["conduct", "hyper"], "method": "sum", "range": {"minimum": 0, "maximum": 20, "integer": True},
         "direction": "lowerIsBetter", "equivalenceKey": eq("extern"),
         "source": "Goodman, Lamping & Ploubidis 2010, J Abnorm Child Psychol 38:1179-1191"},
        {"id": "intern", "variable": p + "intern", "label": {"en": "Internalising", "da": "Indadreagerende vanskeligheder"},
         "of": ["emotion", "peer"], "method": "sum", "range": {"minimum": 0, "maximum": 20, "integer": True},
         "direction": "lowerIsBetter", "equivalenceKey": eq("intern"),
         "source": "Goodman, Lamping & Ploubidis 2010, J Abnorm Child Psychol 38:1179-1191"},
    ]

    tables = []
    if not young:
        t3 = {s: {"bands": band3(s, r), "verified": v} for s, (r, v) in B3[informant].items()}
        for s in t3:
            t3[s]["bands"] = [dict(b, maximum=min(b["maximum"], impact_max)) for b in t3[s]["bands"]] if s == "impact" else t3[s]["bands"]
        tables.append({"id": "uk-3band", "columnSuffix": "band3", "normSet": "UK community sample (youthinmind)",
                       "label": {"en": "Original three-band categorisation", "da": "Oprindelig inddeling i tre bånd"},
                       "source": "youthinmind / sdqinfo.org 'Scoring the SDQ' (original 3-band cut-offs); values marked unverified come from secondary sources (Kortlæg shared/specs/sdq.md)",
                       "scores": t3})
        b4, v4 = B4[informant]
        t4 = {s: {"bands": band4(s, r), "verified": v4} for s, r in b4.items()}
        tables.append({"id": "uk-4band", "columnSuffix": "band4", "normSet": "UK community sample (youthinmind)",
                       "label": {"en": "Newer four-band categorisation", "da": "Nyere inddeling i fire bånd"},
                       "source": "youthinmind 4-band categorisation; teacher column as quoted in PMC4830858, parent and self from secondary sources (verify)",
                       "scores": t4})
    elif informant == "parent":
        tables.append({"id": "uk-3band", "columnSuffix": "band3", "normSet": "SDQ 2-4 parent (secondary source)",
                       "label": {"en": "Three-band categorisation (2-4 years)", "da": "Inddeling i tre bånd (2-4 år)"},
                       "source": "BMC Pediatrics 2023, doi 10.1186/s12887-023-03837-1, Table 2 (secondary source, verify)",
                       "scores": {s: {"bands": band3(s, r), "verified": False} for s, r in B3_PARENT_2_4.items()}})

    norms = []
    if informant == "parent" and not young:
        vals = {"ebdtot": ((9.1, 6.0), (7.8, 5.5)), "emotion": ((1.8, 2.0), (2.0, 2.0)), "conduct": ((1.7, 1.8), (1.5, 1.6)),
                "hyper": ((4.0, 2.7), (2.9, 2.4)), "peer": ((1.5, 1.7), (1.4, 1.6)), "prosoc": ((8.4, 1.7), (8.9, 1.4)),
                "impact": ((0.5, 1.2), (0.3, 1.0))}
        norms.append({"id": "uk-1999-parent", "label": {"en": "UK 1999 parent norms", "da": "Britiske forældrenormer 1999"},
                      "source": "sdqinfo.org UK norms (1999 survey) via a secondary table; reliabilities to be entered from Goodman 2001, J Am Acad Child Adolesc Psychiatry 40:1337-1345",
                      "verified": False,
                      "scores": {s: {"bySex": {"male": {"mean": m[0], "sd": m[1], "n": 5153},
                                               "female": {"mean": f[0], "sd": f[1], "n": 5145}}}
                                 for s, (m, f) in vals.items()}})
    if informant == "teacher" and not young:
        vals = {"ebdtot": (6.6, 6.0), "emotion": (1.4, 1.9), "conduct": (0.9, 1.6), "hyper": (2.9, 2.8), "prosoc": (7.2, 2.4)}
        norms.append({"id": "uk-1999-teacher", "label": {"en": "UK 1999 teacher norms", "da": "Britiske lærernormer 1999"},
                      "source": "sdqinfo.org UKNorm1 as quoted in PMC4830858 Table 2 (n = 8208); peer not given; reliabilities to be entered from Goodman 2001",
                      "verified": False, "scores": {s: {"mean": m, "sd": sd} for s, (m, sd) in vals.items()}})

    notes = ["Item wording is not shipped (youthinmind copyright); labels are short names.",
             "Cut-offs and norms with verified = false come from secondary sources and must be checked against youthinmind's tables.",
             "Per-scale reliabilities (Goodman 2001) are not entered: the reliable change index needs --reliability or a norm file."]
    if followup:
        notes.append("Follow-up version: items about the last month; chronicity replaced by two unscored questions whose variable names (fuchange, fuhelpful) are Kortlæg's own.")
    if young:
        notes.append("Ages 2-4: item 18 is 'argues' and item 22 'spite' instead of 'lies' and 'steals'.")
    if informant == "teacher":
        notes.append("Teacher impact item on peer relationships is 'timpfrie' here; the alias 'timppeer' is accepted on import.")

    title_suffix_en = f" {ages[0]}-{ages[1]} years" + (", follow-up" if followup else "")
    title_suffix_da = f" {ages[0]}-{ages[1]} år" + (", opfølgning" if followup else "")
    avs = None
    if informant == "parent" and not young:
        avs = {"intercept": 2.3, "terms": [{"score": "ebdtot", "coefficient": 0.8}, {"score": "impact", "coefficient": 0.2},
                                           {"score": "emotion", "coefficient": -0.3}],
               "outcome": "ebdtot", "effectSizeDivisor": 5,
               "source": "Ford T, Hutchings J, Bywater T, Goodman A, Goodman R (2009) Br J Psychiatry 194:552-558 (coefficients via shared/specs/sdq.md; verify)",
               "verified": False, "note": "Meant for high-risk (clinic) groups; interpret with care in community samples."}

    doc = {
        "format": 1, "id": iid, "version": "1.0.0", "family": family,
        "title": {"en": title_en + title_suffix_en, "da": title_da + title_suffix_da},
        "informant": informant, "ageRange": {"minimum": ages[0], "maximum": ages[1]}, "kind": "questionnaire",
        "reportSection": {"heading": {"da": "SDQ-profil", "en": "SDQ profile"}, "shows": "profile"},
        "answerScales": [a for a in ANSWER_SCALES if followup or a["id"] != "sdq-followup-change"],
        "items": items, "scales": scales, "derivedScores": derived,
        "scoreOrder": ["emotion", "conduct", "hyper", "peer", "prosoc", "ebdtot", "impact", "extern", "intern"],
        "ruleOptions": [{"id": "impact-when-ebddiff-missing",
                         "description": "Impact score when the overall-difficulties question (ebddiff) is unanswered but impact items are answered; the official syntaxes differ.",
                         "choices": [{"id": "sum", "description": "Sum of the recoded impact items (youthinmind Stata and SPSS syntax)"},
                                     {"id": "missing", "description": "Impact missing (youthinmind R syntax)"}],
                         "defaultChoice": "sum"}],
        "bandLabels": [{"id": i, "label": {"en": en, "da": da}} for i, en, da in BAND_LABELS],
        "bandTables": tables, "normSets": norms,
        "provenance": {"publisher": "youthinmind Ltd (Robert Goodman)",
                       "sources": [SPEC, "Goodman R (1997) J Child Psychol Psychiatry 38:581-586",
                                   "Goodman R (2001) J Am Acad Child Adolesc Psychiatry 40:1337-1345"],
                       "licence": "SDQ questionnaires are copyright youthinmind; electronic versions need their permission. This file holds no item wording.",
                       "entered": "Kortlæg 2026-11", "notes": notes},
    }
    if avs:
        doc["addedValueScore"] = avs
    return iid, doc


VARIANTS = [("parent", (4, 17), False), ("teacher", (4, 17), False), ("child", (11, 17), False),
            ("parent", (2, 4), False), ("teacher", (2, 4), False),
            ("parent", (4, 17), True), ("teacher", (4, 17), True), ("child", (11, 17), True)]

if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    for informant, ages, fu in VARIANTS:
        iid, doc = instrument(informant, ages, fu)
        with open(os.path.join(OUT, f"{iid}@1.0.0.json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=2)
            f.write("\n")
        print("wrote", iid)
