#!/usr/bin/env python3
"""Writes the trivselsmåling instrument files under Instruments/trivsel/ from shared/specs/trivsel.md.

The JSON files are the product's data; this script keeps the three files consistent. Re-run after
changing a table here, then review the diff. The question texts are public (BEK 1167/2015, bilag
1-2) and are shipped as wording.

What is NOT known (spec: "(unknown)") is never filled in silently:
- items whose position in STIL's pupil data is unknown get an id but no position;
- the item -> indicator memberships are not officially documented: every indicator is
  `verified: false` (computed only with --include-unverified, flagged in output) and its `source`
  says which of the official items it holds;
- the answer scale of each 4.-9. question is inferred from its wording (see NOTES_4_9).
"""
import json, os

OUT = os.path.join(os.path.dirname(__file__), "..", "Instruments", "trivsel")
SPEC = "Kortlæg shared/specs/trivsel.md (uvm.dk 'Trivselsmålinger' 2023; BEK 1167/2015 bilag 1-2; BEK 525/2019; folkeskoleloven § 56 b)"
ENTERED = "Kortlæg 2026-11 (issue 6)"
LICENCE = "Public question texts from BEK 1167/2015 (Danish law text, no copyright under ophavsretsloven § 9)."

NO_ANSWER = {"code": 0, "label": {"da": "Jeg ønsker ikke at svare", "en": "I do not want to answer"}}

# 4.-9. klasse: coded 1-5 with 5 = the "most"/"agree" pole, which is the best answer for a
# positively worded question; negatively worded questions are reversed (6 - code) in scales.
SCALES_4_9 = [
    {"id": "tit5", "kind": "ordinal", "codes": [
        {"code": 5, "label": {"da": "Meget tit", "en": "Very often"}},
        {"code": 4, "label": {"da": "Tit", "en": "Often"}},
        {"code": 3, "label": {"da": "En gang imellem", "en": "Sometimes"}},
        {"code": 2, "label": {"da": "Sjældent", "en": "Rarely"}},
        {"code": 1, "label": {"da": "Aldrig", "en": "Never"}}],
     "missingCodes": [NO_ANSWER]},
    {"id": "enig5", "kind": "ordinal", "codes": [
        {"code": 5, "label": {"da": "Helt enig", "en": "Strongly agree"}},
        {"code": 4, "label": {"da": "Enig", "en": "Agree"}},
        {"code": 3, "label": {"da": "Hverken enig eller uenig", "en": "Neither agree nor disagree"}},
        {"code": 2, "label": {"da": "Uenig", "en": "Disagree"}},
        {"code": 1, "label": {"da": "Helt uenig", "en": "Strongly disagree"}}],
     "missingCodes": [NO_ANSWER]},
    {"id": "altid5", "kind": "ordinal", "codes": [
        {"code": 5, "label": {"da": "Altid", "en": "Always"}},
        {"code": 4, "label": {"da": "For det meste", "en": "Most of the time"}},
        {"code": 3, "label": {"da": "Nogle gange", "en": "Sometimes"}},
        {"code": 2, "label": {"da": "Sjældent", "en": "Rarely"}},
        {"code": 1, "label": {"da": "Aldrig", "en": "Never"}}],
     "missingCodes": [NO_ANSWER],
     "verified": False,
     "note": "Only 'Altid' and 'For det meste' are confirmed (spec); 'Nogle gange', 'Sjældent', 'Aldrig' are unconfirmed. Codes and scoring do not depend on the labels."},
]

# (position or None, id, variable, answer scale, negatively worded, Danish wording, English label)
ITEMS_4_9 = [
    (1, "glad_skole", "spm1", "tit5", False, "Er du glad for din skole?", "Likes school"),
    (2, "glad_klasse", "spm2", "tit5", False, "Er du glad for din klasse?", "Likes class"),
    (3, "forstaa_venner", "spm3", "enig5", False, "Jeg prøver at forstå mine venner, når de er triste eller sure.", "Tries to understand friends"),
    (4, "samarbejde", "spm4", "enig5", False, "Jeg er god til at arbejde sammen med andre.", "Good at working with others"),
    (5, "siger_mening", "spm5", "enig5", False, "Jeg siger min mening, når jeg synes, at noget er uretfærdigt.", "Speaks up about unfairness"),
    (6, "finder_loesning", "spm6", "tit5", False, "Hvor tit kan du finde en løsning på problemer, bare du prøver hårdt nok?", "Finds solutions to problems"),
    (7, "klarer_maal", "spm7", "tit5", False, "Hvor tit kan du klare det, du sætter dig for?", "Achieves what they set out to do"),
    (8, "koncentration", "spm8", "altid5", False, "Kan du koncentrere dig i timerne?", "Can concentrate in lessons"),
    (9, "ensom", "spm9", "tit5", True, "Føler du dig ensom?", "Feels lonely"),
    (10, "ondt_i_maven", "spm10", "tit5", True, "Hvor tit har du ondt i maven?", "Stomach aches"),
    (14, "mobbet", "spm14", "tit5", True, "Er du blevet mobbet i dette skoleår?", "Bullied this school year"),
    (19, "kedelig_undervisning", "spm19", "tit5", True, "Er undervisningen kedelig?", "Teaching is boring"),
    (24, "let_at_hoere", "spm24", "altid5", False, "Er det let at høre, hvad læreren siger i timerne?", "Easy to hear the teacher"),
    (39, "lokaler", "spm39", "enig5", False, "Jeg synes godt om undervisningslokalerne på skolen.", "Likes the classrooms"),
    (None, "tryg", "spm_tryg", "altid5", False, "Hvor ofte føler du dig tryg i skolen?", "Feels safe at school"),
    (None, "hoerer_til", "spm_hoerer_til", "enig5", False, "Jeg føler, at jeg hører til på min skole.", "Belongs at school"),
    (None, "laerer_skaber_ro", "spm_ro", "enig5", False, "Hvis der er larm i klassen, kan lærerne hurtigt få skabt ro.", "Teachers quickly restore calm"),
    (None, "accepteret", "spm_accepteret", "enig5", False, "Andre elever accepterer mig, som jeg er.", "Accepted by other pupils"),
    (None, "toiletter", "spm_toiletter", "enig5", False, "Jeg synes, toiletterne på skolen er pæne og rene.", "Toilets are nice and clean"),
]
NEGATIVE_4_9 = {i[1] for i in ITEMS_4_9 if i[4]}

UNVERIFIED = ("Membership NOT officially documented (spec: which 29 items form the indicators is unknown). "
              "Kortlæg assigns the known questions by the indicator's published description ({about}); "
              "the official indicator has {official} items, this one has {ours}: not comparable with published figures.")

# (id, variable, Danish label, English label, published description, official item count, items)
INDICATORS = [
    ("social", "social_trivsel", "Social trivsel", "Social well-being",
     "belonging to school, class and community; safety; bullying", 10,
     ["glad_skole", "glad_klasse", "ensom", "mobbet", "tryg", "hoerer_til", "accepteret"]),
    ("faglig", "faglig_trivsel", "Faglig trivsel", "Academic well-being",
     "own academic abilities, concentration, problem solving", 8,
     ["finder_loesning", "klarer_maal", "koncentration"]),
    ("stoette", "stoette_inspiration", "Støtte og inspiration", "Support and inspiration",
     "motivation, co-determination, teachers' help", 7,
     ["kedelig_undervisning"]),
    ("ro_orden", "ro_og_orden", "Ro og orden", "Calm and order",
     "calm and noise in class, class management", 4,
     ["let_at_hoere", "laerer_skaber_ro"]),
]

HALF = {"minimumAnsweredFraction": 0.5}
BAND_LABELS = [
    ("cat1_2", "1–2", "1–2"),
    ("cat2_3", "over 2–3", "above 2–3"),
    ("cat3_4", "over 3–4", "above 3–4"),
    ("cat4_5", "over 4–5", "above 4–5"),
]
BINNING = ("Published categories are 1,0–2,0 · 2,1–3,0 · 3,1–4,0 · 4,1–5,0 (one decimal). Kortlæg bins the "
           "UNROUNDED mean as ≤2 | ≤3 | ≤4 | >4 (spec), so e.g. 2,04 (published as 2,0) is in over 2–3.")


# Child reports show each question's answer per occasion under one heading for all three forms.
REPORT_SECTION = {"heading": {"da": "Trivsel", "en": "Well-being"}, "shows": "answers"}


def category_table(score_ids, low=1.0, high=5.0):
    bands = [
        {"minimum": 1, "maximum": 2, "label": "cat1_2", "level": 3},
        {"minimum": 2, "maximum": 3, "minimumExclusive": True, "label": "cat2_3", "level": 2},
        {"minimum": 3, "maximum": 4, "minimumExclusive": True, "label": "cat3_4", "level": 1},
        {"minimum": 4, "maximum": 5, "minimumExclusive": True, "label": "cat4_5", "level": 0},
    ]
    return {
        "id": "trivsel-kategorier", "columnSuffix": "kategori",
        "normSet": "Trivselsmålingens svarkategorier (Børne- og Undervisningsministeriet)",
        "label": {"da": "Trivselskategori", "en": "Well-being category"},
        "source": SPEC + ". " + BINNING,
        "scores": {s: {"bands": bands, "verified": True, "note": BINNING} for s in score_ids},
    }


def item(position, id_, variable, scale, wording, label):
    doc = {"id": id_, "variable": variable}
    if position is not None:
        doc["position"] = position
    doc.update({"label": {"da": wording, "en": label}, "wording": {"da": wording}, "answerScale": scale})
    return doc


# The column names under which aggregated results files (Uddannelsesstatistik, municipal
# pipelines, the public school sample) publish each indicator's mean, the official name first:
# a scale with resultColumns is a trivselsmåling indicator (Kortlæg's TrivselIndicators).
RESULT_COLUMNS = {
    "social": ["Social trivsel"],
    "faglig": ["Faglig trivsel"],
    "stoette": ["Støtte og inspiration", "Stoette og inspiration"],
    "ro_orden": ["Ro og orden"],
    "generel": ["Generel trivsel", "Generel skoletrivsel"],
}
def mean_scale(id_, variable, da, en, items, negative, low, high, verified, source, key=None, columns=None):
    doc = {"id": id_, "variable": variable, "label": {"da": da, "en": en}, "items": items}
    reversed_ = [i for i in items if i in negative]
    if reversed_:
        doc["reversed"] = reversed_
    doc.update({"method": "mean", "missing": HALF, "rounding": "none",
                "range": {"minimum": low, "maximum": high, "integer": False}, "direction": "higherIsBetter"})
    if key:
        doc["equivalenceKey"] = key
    doc["verified"] = verified
    doc["source"] = source
    if columns:
        doc["resultColumns"] = columns
    return doc


def trivsel_4_9():
    scales = []
    for id_, variable, da, en, about, official, items in INDICATORS:
        scales.append(mean_scale(id_, variable, da, en, items, NEGATIVE_4_9, 1, 5, False,
                                 UNVERIFIED.format(about=about, official=official, ours=len(items)),
                                 columns=RESULT_COLUMNS[id_]))
    general = [i for ind in INDICATORS for i in ind[6]]
    scales.append(mean_scale(
        "generel", "generel_trivsel", "Generel trivsel", "General well-being", general, NEGATIVE_4_9, 1, 5, False,
        "Official definition: mean of all 29 items of the four indicators (spec). The 29 items are NOT officially "
        f"documented; this mean uses the {len(general)} items Kortlæg assigned to the four indicators: not comparable "
        "with published figures.", columns=RESULT_COLUMNS["generel"]))
    return {
        "format": 1, "id": "trivsel-4-9", "version": "1.0.0", "family": "trivsel",
        "title": {"da": "Den nationale trivselsmåling, 4.–9. klasse", "en": "National well-being survey, grades 4–9"},
        "informant": "child", "ageRange": {"minimum": 9, "maximum": 16}, "kind": "survey",
        "reportSection": REPORT_SECTION,
        "answerScales": SCALES_4_9,
        "items": [item(p, i, v, s, w, l) for p, i, v, s, _, w, l in ITEMS_4_9],
        "scales": scales,
        "scoreOrder": ["social", "faglig", "stoette", "ro_orden", "generel"],
        "bandLabels": [{"id": i, "label": {"da": da, "en": en}} for i, da, en in BAND_LABELS],
        "bandTables": [category_table(["social", "faglig", "stoette", "ro_orden", "generel"])],
        "provenance": {
            "publisher": "Børne- og Undervisningsministeriet / STIL",
            "sources": [SPEC, "Uddannelsesstatistik, TRIV/TRIVIND documentation"],
            "licence": LICENCE,
            "entered": ENTERED,
            "notes": [
                "The survey has 40 questions; only the 19 whose Danish text is known from the spec are here.",
                "Positions are STIL's pupil-data positions. Five questions have no known position and carry none: "
                "tryg, hoerer_til, laerer_skaber_ro, accepteret, toiletter.",
                "The answer scale of each question is inferred from its wording (statements -> Enig5; 'Hvor ofte føler du "
                "dig tryg', 'Kan du koncentrere dig', 'Er det let at høre' -> Altid5; other questions -> Tit5). All three "
                "are coded 5 = most/agree, so the inference changes labels, not scores. A 4-point answer type exists; "
                "which question uses it is unknown.",
                "Altid5's last three labels are unconfirmed (answer scale verified = false).",
                "All five indicators are verified = false: the item memberships are not officially documented "
                "(only the item counts 10/8/7/4 are derived from public school-level data). Computed only with "
                "--include-unverified and flagged in every output.",
                "Coding: 1-5, 5 = best; negatively worded questions (ensom, ondt_i_maven, mobbet, kedelig_undervisning) "
                "reversed as 6 - code; 0 ('Jeg ønsker ikke at svare') and blank = not answered; a score needs at least "
                "ceil(n/2) answered items.",
                BINNING,
            ],
        },
    }


ITEMS_0_3 = [
    (1, "glad_skole", "spm1", False, "Er du glad for din skole?", "Likes school"),
    (2, "glad_klasse", "spm2", False, "Er du glad for din klasse?", "Likes class"),
    (3, "alene", "spm3", True, "Føler du dig alene i skolen?", "Feels alone at school"),
    (4, "pauser", "spm4", False, "Kan du lide pauserne i skolen?", "Likes breaks"),
    (5, "glad_laerere", "spm5", False, "Er du glad for dine lærere?", "Likes teachers"),
    (6, "ondt_i_maven", "spm6", True, "Har du ondt i maven, når du er i skole?", "Stomach aches at school"),
    (7, "ondt_i_hovedet", "spm7", True, "Har du ondt i hovedet, når du er i skole?", "Headaches at school"),
    (8, "loese_problemer", "spm8", False, "Er du god til at løse dine problemer?", "Good at solving problems"),
    (9, "koncentration", "spm9", False, "Kan du koncentrere dig i timerne?", "Can concentrate in lessons"),
    (10, "hjaelpe_hinanden", "spm10", False, "Er I gode til at hjælpe hinanden i klassen?", "Class helps each other"),
    (11, "kan_lide_dig", "spm11", False, "Tror du, at de andre børn i klassen kan lide dig?", "Liked by classmates"),
    (12, "laerere_hjaelper", "spm12", False, "Er lærerne gode til at hjælpe dig i skolen?", "Teachers help"),
    (13, "drillet", "spm13", True, "Er der nogen, der driller dig, så du bliver ked af det?", "Teased until upset"),
    (16, "kedelige_timer", "spm16", True, "Er timerne kedelige?", "Lessons are boring"),
    (18, "svaert_at_hoere", "spm18", True, "Er det svært at høre, hvad læreren siger i timerne?", "Hard to hear the teacher"),
    (19, "rart_lokale", "spm19", False, "Er jeres klasselokale rart at være i?", "Classroom is pleasant"),
    (None, "rene_toiletter", "spm_toiletter", False, "Er toiletterne på skolen rene?", "Toilets are clean"),
]


def trivsel_0_3():
    items = [i[1] for i in ITEMS_0_3]
    negative = {i[1] for i in ITEMS_0_3 if i[3]}
    return {
        "format": 1, "id": "trivsel-0-3", "version": "1.0.0", "family": "trivsel",
        "title": {"da": "Den nationale trivselsmåling, 0.–3. klasse", "en": "National well-being survey, grades 0–3"},
        "informant": "child", "ageRange": {"minimum": 5, "maximum": 10}, "kind": "survey",
        "reportSection": REPORT_SECTION,
        "answerScales": [{"id": "ja3", "kind": "ordinal", "codes": [
            {"code": 3, "label": {"da": "Ja, meget / Ja, tit / Ja, for det meste", "en": "Yes, a lot / often / mostly"}},
            {"code": 2, "label": {"da": "Ja, lidt / Ja, nogle gange", "en": "Yes, a little / sometimes"}},
            {"code": 1, "label": {"da": "Nej", "en": "No"}}],
            "missingCodes": [NO_ANSWER],
            "note": "Three answers (spec); the wording of the first two depends on the question. Coded 1-3, 3 = 'Ja, meget' pole."}],
        "items": [item(p, i, v, "ja3", w, l) for p, i, v, _, w, l in ITEMS_0_3],
        "scales": [mean_scale(
            "gennemsnit_ikke_officiel", "gennemsnit_ikke_officiel",
            "Gennemsnit af de kendte spørgsmål (ikke officiel indikator)", "Mean of the known questions (not an official indicator)",
            items, negative, 1, 3, False,
            "NOT OFFICIAL: no official indicators exist for 0.-3. klasse (spec). Kortlæg's own mean of the 17 known questions "
            "coded 1-3 (negatively worded reversed as 4 - code), at least half answered. Opt-in only; never compare with 4.-9. indicators.")],
        "provenance": {
            "publisher": "Børne- og Undervisningsministeriet / STIL",
            "sources": [SPEC],
            "licence": LICENCE,
            "entered": ENTERED,
            "notes": [
                "The survey has 20 questions; the 17 known from the spec are here. 'Er toiletterne på skolen rene?' has "
                "no known position and carries none.",
                "Coded 1-3 (3 = best for positively worded questions), not stretched to 1-5: a three-answer scale mapped "
                "to 1/3/5 would invent a metric. Negatively worded questions (alene, ondt_i_maven, ondt_i_hovedet, "
                "drillet, kedelige_timer, svaert_at_hoere) are reversed as 4 - code.",
                "No official indicators exist for 0.-3. klasse; the only score is a non-official mean, verified = false "
                "(computed only with --include-unverified).",
            ],
        },
    }


SELECTED = ["glad_skole", "glad_klasse", "koncentration", "ensom", "mobbet", "tryg", "hoerer_til", "accepteret"]


def trivsel_udvalgte():
    by_id = {i[1]: i for i in ITEMS_4_9}
    items, scales = [], []
    for id_ in SELECTED:
        p, i, v, s, neg, w, l = by_id[id_]
        items.append(item(p, i, v, s, w, l))
        scales.append(mean_scale(
            id_, "t_" + id_, w, l, [id_], NEGATIVE_4_9, 1, 5, True,
            "One question scored 1-5, 5 = best" + (" (negatively worded: reversed, 6 - code)" if neg else "")
            + "; 0 and blank = no answer. Same coding as trivsel-4-9 (spec).",
            key="trivsel.spm." + id_))
    scales.append(mean_scale(
        "gennemsnit", "t_gennemsnit", "Gennemsnit af de udvalgte spørgsmål (uofficielt)",
        "Mean of the selected questions (unofficial)", SELECTED, NEGATIVE_4_9, 1, 5, True,
        "UNOFFICIAL: the municipality's own mean of the 8 selected questions, at least 4 answered; not a national "
        "indicator and not comparable with published figures.",
        key="trivsel-udvalgte.gennemsnit.v1"))
    return {
        "format": 1, "id": "trivsel-udvalgte", "version": "1.0.0", "family": "trivsel",
        "title": {"da": "Udvalgte trivselsspørgsmål (lokalt skema pr. barn)",
                  "en": "Selected well-being questions (local per-child form)"},
        "informant": "child", "ageRange": {"minimum": 9, "maximum": 16}, "kind": "form",
        "reportSection": REPORT_SECTION,
        "answerScales": SCALES_4_9,
        "items": items,
        "scales": scales,
        "provenance": {
            "publisher": "Kortlæg (local form built from the national trivselsmåling's public questions)",
            "sources": [SPEC, "Seed 003: 'Styrket læringsmiljø for anbragte børn og unge' (Socialstyrelsen) - selected "
                        "trivsel questions asked per child at T1 and follow-ups"],
            "licence": LICENCE,
            "entered": ENTERED,
            "notes": [
                "Questions 1, 2, 8, 9, 14 of the 4.-9. survey plus three safety/belonging questions whose position is unknown "
                "(tryg, hoerer_til, accepteret). Item ids, variables and coding are the same as in trivsel-4-9.",
                "Each question is its own score (equivalenceKey trivsel.spm.<id>) so T1 and follow-ups pair across versions.",
                "The mean is unofficial (labelled so); its key names version 1 of the item set: change the key when the set changes.",
                "Altid5's last three labels are unconfirmed (answer scale verified = false).",
            ],
        },
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    for doc in (trivsel_4_9(), trivsel_0_3(), trivsel_udvalgte()):
        path = os.path.join(OUT, f"{doc['id']}@{doc['version']}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=2)
            f.write("\n")
        print(path)


if __name__ == "__main__":
    main()
