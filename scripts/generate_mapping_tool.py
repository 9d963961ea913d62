#!/usr/bin/env python3
"""Writes the mapping tool's own forms (Instruments/forms/) and the version-0 batteries
(Instruments/batteries/) for the three intervention models in the seeds.

The JSON files are the product's data; this script keeps them consistent. Every battery choice
cites the seed section it rests on; where a seed is silent the choice is marked as Kortlæg's.
"""
import json, os

ROOT = os.path.join(os.path.dirname(__file__), "..", "Instruments")
ENTERED = "Kortlæg 2026-11 (version 0, to be revised during the models' maturation)"


def text(da, en):
    return {"da": da, "en": en}


def write(folder, doc):
    path = os.path.join(ROOT, folder, f"{doc['id']}@{doc['version']}.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print("wrote", path)


TICK = {"id": "kv-tick", "kind": "checkbox", "codes": [
    {"code": 0, "label": text("Nej", "No")}, {"code": 1, "label": text("Ja", "Yes")}]}
FREE = {"id": "kv-text", "kind": "text"}
RATING = {"id": "kv-goal-progress", "kind": "ordinal", "codes": [
    {"code": 1, "label": text("Ingen fremgang", "No progress")},
    {"code": 2, "label": text("Lidt fremgang", "A little progress")},
    {"code": 3, "label": text("Nogen fremgang", "Some progress")},
    {"code": 4, "label": text("Stor fremgang", "Much progress")},
    {"code": 5, "label": text("Målet er nået", "Goal reached")}]}
MOTIVATION = {"id": "kv-motivation", "kind": "ordinal", "codes": [
    {"code": 1, "label": text("Meget lav", "Very low")}, {"code": 2, "label": text("Lav", "Low")},
    {"code": 3, "label": text("Middel", "Medium")}, {"code": 4, "label": text("Høj", "High")},
    {"code": 5, "label": text("Meget høj", "Very high")}]}

PROVENANCE_FORM = {
    "publisher": "Kortlæg (the mapping tool's own forms)",
    "sources": ["shared/seeds/000 kerneelement 2 (kortlægning af trivsel, adfærd, ressourcer og behov)",
                "shared/seeds/002 (start from the child's strengths; child and parent perspectives)",
                "shared/seeds/003 kerneelement 1 (systematisk afdækning; tosidede mål: et fagligt mål og et trivselsmål)",
                "shared/seeds/004 kerneelement 1 (afdæk ressourcer, udfordringer og motivation)"],
    "licence": "Kortlæg's own wording; may be shipped and translated.",
    "entered": ENTERED,
    "notes": ["Version 0: the checklists are Kortlæg's proposal for the shared mapping tool that the seeds say is developed during maturation; they are not a validated instrument.",
              "Free-text items are personal data: never scored, kept out of exports unless asked for."]}


def count_scale(sid, items, da, en):
    return {"id": sid, "variable": sid, "label": text(da, en), "items": items, "method": "count", "countCodes": [1],
            "missing": {"minimumAnswered": 1}, "rounding": "none",
            "range": {"minimum": 0, "maximum": len(items), "integer": True}, "direction": "higherIsBetter",
            "equivalenceKey": f"kv.{sid}", "source": "Kortlæg mapping tool version 0 (count of ticked items)"}


def resources_form():
    domains = {
        "barn": [("venskaber", "Har mindst én god ven", "Has at least one good friend"),
                 ("interesser", "Har interesser eller fritidsaktiviteter", "Has interests or leisure activities"),
                 ("motivation", "Er motiveret for at gå i skole", "Is motivated to go to school"),
                 ("udtrykke", "Kan sætte ord på egne behov og følelser", "Can put own needs and feelings into words"),
                 ("mestring", "Har et fag eller en aktivitet, hvor det går godt", "Has a subject or activity that goes well"),
                 ("hjaelp", "Tager imod hjælp fra voksne", "Accepts help from adults")],
        "hjem": [("engagement", "Forældrene er engagerede i barnets skolegang", "Parents are engaged in the child's schooling"),
                 ("samarbejde", "Forældrene samarbejder med skolen", "Parents cooperate with the school"),
                 ("netvaerk", "Familien har et netværk, der kan støtte", "The family has a supportive network"),
                 ("rutiner", "Der er faste rutiner i hjemmet", "There are regular routines at home")],
        "skole": [("relation", "Barnet har en god relation til mindst én voksen på skolen", "The child has a good relationship with at least one adult at school"),
                  ("klassemiljoe", "Klassen har et trygt og inkluderende miljø", "The class has a safe and inclusive environment"),
                  ("tilpasning", "Undervisningen kan tilpasses barnets behov", "Teaching can be adapted to the child's needs")],
    }
    names = {"barn": ("barnet", "the child"), "hjem": ("hjemmet", "home"), "skole": ("skolen", "school")}
    items, scales, position = [], [], 1
    for domain, entries in domains.items():
        ids = []
        for key, da, en in entries:
            iid = f"r_{domain}_{key}"
            items.append({"id": iid, "variable": iid, "position": position, "label": text(da, en),
                          "wording": text(da, en), "answerScale": "kv-tick"})
            ids.append(iid)
            position += 1
        items.append({"id": f"r_{domain}_tekst", "variable": f"r_{domain}_tekst", "position": position,
                      "label": text(f"Andre ressourcer hos {names[domain][0]} (fritekst)", f"Other resources of {names[domain][1]} (free text)"),
                      "answerScale": "kv-text", "personalData": True})
        position += 1
        scales.append(count_scale(f"ressourcer_{domain}", ids, f"Ressourcer hos {names[domain][0]}", f"Resources: {names[domain][1]}"))
    return {"format": 1, "id": "kv-ressourcer", "version": "0.1.0", "family": "kv-ressourcer",
            "title": text("Ressourcer og styrker", "Resources and strengths"), "informant": "professional",
            "kind": "form", "answerScales": [TICK, FREE], "items": items, "scales": scales,
            "provenance": PROVENANCE_FORM}


def needs_form():
    entries = [("faglig", "Behov for faglig støtte", "Needs academic support"),
               ("adfaerd", "Behov for støtte til adfærd og samspil", "Needs support with behaviour and interaction"),
               ("opmaerksomhed", "Behov for støtte til koncentration og opmærksomhed", "Needs support with concentration and attention"),
               ("trivsel", "Behov for støtte til trivsel", "Needs support with well-being"),
               ("faellesskab", "Behov for støtte til venskaber og fællesskab", "Needs support with friendships and belonging"),
               ("familie", "Behov for støtte til familien", "The family needs support"),
               ("overgang", "Behov for støtte ved overgange", "Needs support at transitions")]
    items = [{"id": f"b_{k}", "variable": f"b_{k}", "position": i + 1, "label": text(da, en), "wording": text(da, en),
              "answerScale": "kv-tick"} for i, (k, da, en) in enumerate(entries)]
    items.append({"id": "b_motivation", "variable": "b_motivation", "position": len(items) + 1,
                  "label": text("Barnets motivation for indsatsen", "The child's motivation for the intervention"),
                  "wording": text("Hvordan vurderes barnets motivation for indsatsen?", "How is the child's motivation for the intervention rated?"),
                  "answerScale": "kv-motivation"})
    items.append({"id": "b_tekst", "variable": "b_tekst", "position": len(items) + 1,
                  "label": text("Beskrivelse af behov (fritekst)", "Description of needs (free text)"),
                  "answerScale": "kv-text", "personalData": True})
    scales = [count_scale("behov_antal", [f"b_{k}" for k, _, _ in entries], "Antal støttebehov", "Number of support needs"),
              {"id": "motivation", "variable": "motivation", "label": text("Motivation", "Motivation"), "items": ["b_motivation"],
               "method": "mean", "missing": {"minimumAnswered": 1}, "rounding": "none",
               "range": {"minimum": 1, "maximum": 5, "integer": True}, "direction": "higherIsBetter",
               "equivalenceKey": "kv.motivation", "source": "shared/seeds/004 kerneelement 1 (motivation)"}]
    scales[0]["direction"] = "lowerIsBetter"
    return {"format": 1, "id": "kv-behov", "version": "0.1.0", "family": "kv-behov",
            "title": text("Behov", "Needs"), "informant": "professional", "kind": "form",
            "answerScales": [TICK, MOTIVATION, FREE], "items": items, "scales": scales, "provenance": PROVENANCE_FORM}


def goals_form():
    items = [
        {"id": "maal_faglig", "variable": "maal_faglig", "position": 1, "label": text("Fagligt mål (fritekst)", "Academic goal (free text)"),
         "answerScale": "kv-text", "personalData": True},
        {"id": "maal_faglig_status", "variable": "maal_faglig_status", "position": 2,
         "label": text("Fremgang mod det faglige mål", "Progress towards the academic goal"), "answerScale": "kv-goal-progress"},
        {"id": "maal_trivsel", "variable": "maal_trivsel", "position": 3, "label": text("Trivselsmål (fritekst)", "Well-being goal (free text)"),
         "answerScale": "kv-text", "personalData": True},
        {"id": "maal_trivsel_status", "variable": "maal_trivsel_status", "position": 4,
         "label": text("Fremgang mod trivselsmålet", "Progress towards the well-being goal"), "answerScale": "kv-goal-progress"},
    ]

    def rating(sid, item, da, en):
        return {"id": sid, "variable": sid, "label": text(da, en), "items": [item], "method": "mean",
                "missing": {"minimumAnswered": 1}, "rounding": "none", "range": {"minimum": 1, "maximum": 5, "integer": True},
                "direction": "higherIsBetter", "equivalenceKey": f"kv.{sid}",
                "source": "shared/seeds/003 (tosidede målsætninger: et fagligt mål og et trivselsmål; opfølgning ca. hver tredje måned)"}
    return {"format": 1, "id": "kv-maal", "version": "0.1.0", "family": "kv-maal",
            "title": text("Tosidede mål", "Two-sided goals"), "informant": "professional", "kind": "form",
            "answerScales": [RATING, FREE], "items": items,
            "scales": [rating("maal_faglig_fremgang", "maal_faglig_status", "Fremgang, fagligt mål", "Progress, academic goal"),
                       rating("maal_trivsel_fremgang", "maal_trivsel_status", "Fremgang, trivselsmål", "Progress, well-being goal")],
            # Each goal: its free-text item and the item rating progress towards it (reports and
            # 'kortlaeg child' read the pairs from here).
            "goals": [{"text": "maal_faglig", "rating": "maal_faglig_status"},
                      {"text": "maal_trivsel", "rating": "maal_trivsel_status"}],
            "provenance": PROVENANCE_FORM}


OCC_T1 = {"id": "T1", "kind": "initial", "label": text("Indledende kortlægning", "Initial mapping")}
OCC_T2 = {"id": "T2", "kind": "final", "label": text("Ny kortlægning", "Final mapping")}
PROVENANCE_BATTERY = {"publisher": "Kortlæg", "licence": "Kortlæg data; instruments keep their own licences.", "entered": ENTERED}


def battery(bid, title, model, ages, occasions, assignments, measures, sources, notes):
    return {"format": 1, "kind": "battery", "id": bid, "version": "0.1.0", "title": title, "model": model,
            "ageRange": {"minimum": ages[0], "maximum": ages[1]}, "occasions": occasions, "assignments": assignments,
            "classMeasures": measures, "provenance": dict(PROVENANCE_BATTERY, sources=sources, notes=notes)}


def form(instrument, basis, occasions=("T1", "T2"), informant="professional", ages=None):
    """One instrument assignment of a battery (by default the professional's form at T1 and T2)."""
    a = {"informant": informant, "instrument": instrument, "occasions": list(occasions), "basis": basis}
    if ages: a["ages"] = {"minimum": ages[0], "maximum": ages[1]}
    return a


def follow_up(every_weeks, da, en, basis):
    return {"id": "F", "kind": "followUp", "everyWeeks": every_weeks, "label": text(da, en), "basis": basis}


def sdq_assignments(basis, informants, child_ages, followup):
    out = []
    ids = {"parent": "sdq-p4-17", "teacher": "sdq-t4-17", "child": "sdq-s11-17"}
    for informant in informants:
        ages = child_ages if informant == "child" else None
        out.append(form(ids[informant] + "@1.0.0", basis, informant=informant, ages=ages))
        if followup:
            out.append(form(ids[informant] + "-fu@1.0.0",
                            basis + "; follow-up version of the SDQ at follow-ups (Kortlæg's choice: same scales, 'last month')",
                            occasions=("F",), informant=informant, ages=ages))
    return out


if __name__ == "__main__":
    write("forms", resources_form())
    write("forms", needs_form())
    write("forms", goals_form())

    s000 = "shared/seeds/000 kerneelement 2 (Tværfaglig udvælgelse, kortlægning og opfølgning)"
    write("batteries", battery(
        "kv-inklusion", text("Kortlægningsværktøj: Tværfaglig indsats for inklusion i skolen", "Mapping tool: Interdisciplinary inclusion in school"),
        {"id": "tvaerfaglig-inklusion", "name": text("Tværfaglig indsats for inklusion i skolen", "Interdisciplinary intervention for inclusion in school"),
         "modelVersion": "0", "source": "shared/seeds/000_5cf57790374d0e87.txt"},
        (9, 14),
        [OCC_T1, follow_up(8, "Opfølgning", "Follow-up",
                           s000 + ": 'løbende opfølgning på progressionen'; the seed gives no interval, 8 weeks is Kortlæg's default (the 6–8 weeks used elsewhere)"),
         dict(OCC_T2, basis=s000 + ": 'Ved forløbenes afslutning igangsætter de en ny kortlægning'")],
        sdq_assignments(s000 + ": perspectives of the child, the parents and the professionals; trivsel and adfærd", ["parent", "teacher", "child"], (11, 14), True)
        + [form("kv-ressourcer@0.1.0", s000 + ": ressourcer"), form("kv-behov@0.1.0", s000 + ": behov")],
        [{"id": "klasse-trivsel", "kind": "trivselResults", "label": text("Klassens trivselsmåling", "The class's well-being survey"),
          "occasions": ["T1", "T2"], "basis": s000 + ": 'eksisterende viden om klassen og familien fra trivselsundersøgelser'"},
         {"id": "klasse-sdq", "kind": "scoreOverview", "label": text("Klassens SDQ-overblik (lærer)", "Class SDQ overview (teacher)"),
          "instrument": "sdq-t4-17", "occasions": ["T1", "T2"], "basis": s000 + ": 'Kortlæg og analysér klassemiljøet'"}],
        [s000, "shared/seeds/001 (parent groups, also bilingual parents: Danish and English labels)"],
        ["Target group 9-14 years (seed 000 section 1, 'Modellens målgruppe'); the self-report SDQ only from 11 years (instrument age range)."]))

    s003 = "shared/seeds/003 kerneelement 1 (Systematisk afdækning, fælles målsætning og hyppig opfølgning)"
    write("batteries", battery(
        "kv-anbragte", text("Kortlægningsværktøj: Styrket læringsmiljø for anbragte børn og unge", "Mapping tool: Stronger learning environment for children in care"),
        {"id": "styrket-laeringsmiljoe-anbragte", "name": text("Styrket læringsmiljø for anbragte børn og unge", "Stronger learning environment for children and young people in care"),
         "modelVersion": "0", "source": "shared/seeds/003_02d2155c73ceea21.txt"},
        (6, 17),
        [OCC_T1, follow_up(13, "Opfølgningsmøde", "Follow-up meeting", s003 + ": 'opfølgningsmøder ca. hver tredje måned'"),
         dict(OCC_T2, basis="Kortlæg's choice: the seed describes continuous follow-up; a final mapping closes the course so progress can be measured")],
        sdq_assignments(s003 + ": sociale styrker og udfordringer samt trivsel; perspectives of foster parents and teachers", ["parent", "teacher", "child"], (11, 17), False)
        + [form("trivsel-udvalgte@1.0.0", "shared/seeds/003: one municipality used 'udvalgte spørgsmål fra den nationale trivselsmåling' to map and follow up on well-being; ages 10-16 (the 4.-9. klasse questions; the instrument covers 9-16)",
                occasions=("T1", "F", "T2"), informant="child", ages=(10, 16)),
           form("kv-ressourcer@0.1.0", s003 + ": faglige, kognitive og sociale styrker"),
           form("kv-maal@0.1.0", "shared/seeds/003: 'tosidede målsætninger, som både indeholder et fagligt mål og et trivselsmål', adjusted at each follow-up",
                occasions=("T1", "F", "T2"))],
        [],
        [s003],
        ["School-age children in care; 6-17 years is Kortlæg's reading of the target group (grundskole).",
         "The municipality chooses its tools but must keep the same tool throughout (seed 003): pin this battery version for a course."]))

    s004 = "shared/seeds/004 kerneelement 1 (Afdæk ressourcer og behov)"
    write("batteries", battery(
        "kv-mestring", text("Kortlægningsværktøj: Mestringsindsats", "Mapping tool: Coping intervention"),
        {"id": "mestringsindsats", "name": text("Mestringsindsats for børn med udviklings- og opmærksomhedsforstyrrelser", "Coping intervention for children with developmental and attention disorders"),
         "modelVersion": "0", "source": "shared/seeds/004_5018ae166d7efca1.txt"},
        (8, 14),
        [OCC_T1, dict(OCC_T2, basis="Kortlæg's choice: a final mapping after the ~10 group sessions to see what changed")],
        sdq_assignments(s004 + ": the child's and the parents' perspectives", ["parent", "child"], (11, 14), False)
        + [form("kv-ressourcer@0.1.0", s004 + ": ressourcer"), form("kv-behov@0.1.0", s004 + ": udfordringer og motivation")],
        [],
        [s004],
        ["Target group 8-14 years (seed 004); groups of 6-10 children, ~10 child sessions and ~5 adult sessions. Anchored in PPR."]))
