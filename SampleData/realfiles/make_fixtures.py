#!/usr/bin/env python3
"""Writes the fixtures of issue 13 ("real files in") next to this script.

    pip install openpyxl && python3 make_fixtures.py

- dansk-skema.csv: a Danish office's sheet as Excel saves it (Windows-1252, ';'): the child's
  name first, the CPR number in the third column, Danish headers, answers as Danish label texts
  (with the usual variants), 'NA' for a missing answer.
- dansk-skema.xlsx: the same sheet as an Excel workbook (CPR as text, dates as date cells,
  answers as shared strings, one number cell).
- surveyxact-baggrund/: a SurveyXact export (dataset, structure, labels) whose child id is the
  background variable 'cpr' rather than 'respondentid'.
- skoler.csv: a file whose 'id' column holds school names.
- dansk-skema.expected.csv: the codes each row of the sheet must give (child number, item, code),
  computed here from the SDQ answer scale (0 'Passer ikke', 1 'Passer delvist', 2 'Passer godt').
- koder.xlsx and koder.csv: the first 20 rows of ../sdq-parent-T1.csv for `kortlaeg score`, as a
  workbook whose data is on its second sheet 'Svar' (codes as number cells, ids as text) with
  some answers written as the missing codes 'NA' (text) and -99 (number), and as a CSV with
  those cells blank: scored with --sheet Svar --missing-codes NA,-99 the workbook must give the
  CSV's scores exactly.
- trivsel-kommune.xlsx: ../../Tests/KortlaegReadersTests/Fixtures/trivsel/kommune-wide-danish.csv
  as a workbook (figures as number cells, the bad cell '3,x' as text): read as the CSV is.
- trivsel-to-ark.xlsx: the same figures on the first sheet 'Resultater', and a second sheet 'Om'
  with a note and no indicator column: `trivsel --sheet` chooses by name or number, without it
  the first sheet is read and said so.

The ids in the CPR column are obviously fake (elev-0001, …): no committed file holds a CPR-shaped
number. Recognising CPR-shaped values by content is tested with values made inside the tests.
"""
import csv
import datetime
import os

HERE = os.path.dirname(os.path.abspath(__file__))

ITEMS = ["consid", "restles", "somatic", "shares", "tantrum", "loner", "obeys", "worries", "caring",
         "fidgety", "friend", "fights", "unhappy", "popular", "distrac", "clingy", "kind", "lies",
         "bullied", "helpout", "reflect", "steals", "oldbest", "afraid", "attends"]
# The texts a Danish sheet really holds for the codes 0, 1, 2 (variants on purpose).
TEXTS = [["Passer ikke", "passer ikke", "Passer  ikke."],
         ["Passer delvist", "Passer delvis", "passer delvis"],
         ["Passer godt", "PASSER GODT", "Passer godt "]]
CHILDREN = [
    ("Anna Hansen", "4.a", "elev-0001", "Pige", datetime.date(2015, 1, 1)),
    ("Bo Jensen", "4.a", "elev-0002", "Dreng", datetime.date(2015, 2, 2)),
    ("Clara Nielsen", "4.b", "elev-0003", "Pige", datetime.date(2015, 3, 3)),
    ("Dennis Møller", "4.b", "elev-0004", "Dreng", datetime.date(2015, 4, 4)),
    ("Emma Sørensen", "4.b", "elev-0005", "Pige", datetime.date(2015, 5, 5)),
    ("Frederik Åberg", "4.a", "elev-0006", "Dreng", datetime.date(2015, 6, 6)),
]
FILLED = datetime.date(2026, 9, 3)
HEADER = ["Barnets navn", "Klasse", "CPR", "Køn", "Fødselsdato", "Dato"] + ["p" + item for item in ITEMS]


def code(child, item):
    """The code of child `child` (0-based) for item `item` (0-based): a fixed pattern."""
    return (child + item) % 3


def missing(child, item):
    """Child 2 left 'worries' unanswered (NA)."""
    return child == 1 and ITEMS[item] == "worries"


def answer_text(child, item):
    if missing(child, item):
        return "NA"
    return TEXTS[code(child, item)][(child + 2 * item) % 3]


def danish_dates(child):
    """Birth date and fill-in date written as Danes do: 03-09-2026, 3.9.2026, 2026-09-03."""
    born = CHILDREN[child][4]
    styles = [lambda d: d.strftime("%d-%m-%Y"), lambda d: f"{d.day}.{d.month}.{d.year}", lambda d: d.isoformat()]
    style = styles[child % 3]
    return style(born), style(FILLED)


def write_csv():
    with open(os.path.join(HERE, "dansk-skema.csv"), "w", encoding="cp1252", newline="") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(HEADER)
        for child, (name, klasse, cpr, sex, _) in enumerate(CHILDREN):
            born, filled = danish_dates(child)
            writer.writerow([name, klasse, cpr, sex, born, filled] + [answer_text(child, i) for i in range(len(ITEMS))])


def write_expected():
    with open(os.path.join(HERE, "dansk-skema.expected.csv"), "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["child", "variable", "code"])
        for child in range(len(CHILDREN)):
            for item in range(len(ITEMS)):
                writer.writerow([child + 1, "p" + ITEMS[item], "" if missing(child, item) else code(child, item)])


def write_xlsx():
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    sheet.title = "Besvarelser"
    sheet.append(HEADER)
    for child, (name, klasse, cpr, sex, born) in enumerate(CHILDREN):
        row = [name, klasse, cpr, sex, born, FILLED] + [answer_text(child, i) for i in range(len(ITEMS))]
        # One answer as a number cell (the code itself), as a sheet that mixes codes and texts.
        if child == 0:
            row[6] = code(0, 0)
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=2, min_col=5, max_col=6):
        for cell in cells:
            cell.number_format = "DD-MM-YYYY"
    other = book.create_sheet("Noter")
    other.append(["Note"])
    other.append(["Indtastet af PPR"])
    book.save(os.path.join(HERE, "dansk-skema.xlsx"))


def write_surveyxact():
    folder = os.path.join(HERE, "surveyxact-baggrund")
    os.makedirs(folder, exist_ok=True)
    items = ["s" + item for item in ITEMS]
    with open(os.path.join(folder, "structure.csv"), "w", encoding="cp1252", newline="") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(["questionName", "variableName", "questionType", "subType", "questionText", "choiceValue", "choiceText"])
        writer.writerow(["cpr", "cpr", "Background", "", "CPR-nummer", "", ""])
        writer.writerow(["klasse", "klasse", "Background", "", "Klasse", "", ""])
        for variable in items:
            for value, text in ((1, "Passer ikke"), (2, "Passer delvist"), (3, "Passer godt")):
                writer.writerow([variable, variable, "Closed", "Single", variable, value, text])
    with open(os.path.join(folder, "labels.csv"), "w", encoding="cp1252", newline="") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        for variable in items:
            for value, text in ((1, "Passer ikke"), (2, "Passer delvist"), (3, "Passer godt")):
                writer.writerow([variable, value, text])
    with open(os.path.join(folder, "dataset.csv"), "w", encoding="cp1252", newline="") as out:
        writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
        writer.writerow(["respondentid", "cpr", "klasse"] + items)
        for child, (_, klasse, cpr, _, _) in enumerate(CHILDREN):
            # SurveyXact codes the answers 1-3; the labels file turns them into the texts.
            writer.writerow([str(90001 + child), cpr, klasse] + [code(child, i) + 1 for i in range(len(ITEMS))])


def write_schools():
    schools = ["Nørreskolen", "Vestre Skole", "Åskolen"]
    with open(os.path.join(HERE, "skoler.csv"), "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["id"] + ["p" + item for item in ITEMS])
        for row in range(12):
            writer.writerow([schools[row % 3]] + [code(row, i) for i in range(len(ITEMS))])


def write_score_workbook():
    from openpyxl import Workbook
    with open(os.path.join(HERE, "..", "sdq-parent-T1.csv"), encoding="utf-8", newline="") as source:
        rows = list(csv.reader(source))
    header, data = rows[0], rows[1:21]
    # (row, column) cells written as a missing code in the workbook and blank in the CSV.
    missing = {(2, 5): "NA", (7, 10): -99, (11, 3): "na", (15, 30): -99}
    book = Workbook()
    about = book.active
    about.title = "Om"
    about.append(["Svar fra forældre, T1 (testdata)"])
    sheet = book.create_sheet("Svar")
    sheet.append(header)
    plain = [header]
    for index, row in enumerate(data):
        cells, text = [], []
        for column, value in enumerate(row):
            if (index, column) in missing:
                cells.append(missing[(index, column)])
                text.append("")
            elif column >= 3 and value.isdigit():
                cells.append(int(value))
                text.append(value)
            else:
                cells.append(value if value != "" else None)
                text.append(value)
        sheet.append(cells)
        plain.append(text)
    book.save(os.path.join(HERE, "koder.xlsx"))
    with open(os.path.join(HERE, "koder.csv"), "w", encoding="utf-8", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows(plain)


def write_trivsel_workbook(name="trivsel-kommune.xlsx", note_sheet=False):
    from openpyxl import Workbook
    path = os.path.join(HERE, "..", "..", "Tests", "KortlaegReadersTests", "Fixtures", "trivsel", "kommune-wide-danish.csv")
    with open(path, encoding="utf-8", newline="") as source:
        rows = list(csv.reader(source, delimiter=";"))
    book = Workbook()
    sheet = book.active
    sheet.title = "Resultater"
    if note_sheet:
        notes = book.create_sheet("Om")
        notes.append(["Trivselsmåling, kommunens skoler (testfil)"])
        notes.append(["Tallene står på arket Resultater."])
    sheet.append(rows[0])
    for row in rows[1:]:
        cells = []
        for column, value in enumerate(row):
            if column >= 3 and value != "":
                number = value.replace(".", "").replace(",", ".")
                try:
                    cells.append(int(number) if number.isdigit() else float(number))
                except ValueError:
                    cells.append(value)  # the bad cell stays text
            else:
                cells.append(value if value != "" else None)
        sheet.append(cells)
    book.save(os.path.join(HERE, name))


if __name__ == "__main__":
    write_csv()
    write_expected()
    write_xlsx()
    write_surveyxact()
    write_schools()
    write_score_workbook()
    write_trivsel_workbook()
    write_trivsel_workbook("trivsel-to-ark.xlsx", note_sheet=True)
