#!/usr/bin/env python3
"""End-to-end test of `kortlaeg serve` in Chromium (Selenium, headless).

Usage: web_e2e.py ADDRESS USER PASSWORD SAMPLE_DIR SCORES_CSV ARTEFACTS_DIR

Logs in, imports the parent and self-report T1 samples through the wizard (dry run, then import),
checks the missing-forms grid, imports the teacher T1 sample with one column renamed and fixes its
mapping through the wizard's drop-downs (no JavaScript: the form is posted and the preview
re-rendered), imports the parent T2 sample, opens barn-0001 by its id and compares
the numbers on its page with `kortlaeg score` (SCORES_CSV, the parent T1 file scored), checks the
trajectory charts, sets the staff's own label and finds the child by it, opens the parent version
and prints it (at most two A4 pages), exports a .sav and reads it back with pyreadstat, and logs
out. On the way it opens the progress page (the course T1 → T2, a table per score). A
screenshot of every page goes to ARTEFACTS_DIR.
"""
import base64, csv, glob, os, re, sys, time

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait
from selenium.common.exceptions import WebDriverException


def gone(element):
    """A wait condition: `element` left the document. While the old page is being replaced,
    Chromium may answer "Node with given id does not belong to the document" (a plain
    WebDriverException) instead of a stale-element error; both mean the node is gone, where
    Selenium's staleness_of fails on the first."""
    def condition(_driver):
        try:
            element.is_enabled()
            return False
        except WebDriverException:  # StaleElementReferenceException is one too
            return True
    return condition

address, user, password, samples, scores_csv, artefacts = sys.argv[1:7]
os.makedirs(artefacts, exist_ok=True)
downloads = os.path.join(artefacts, "downloads")
os.makedirs(downloads, exist_ok=True)

options = webdriver.ChromeOptions()
for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1400", "--lang=da"]:
    options.add_argument(argument)
options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
if os.path.exists("/usr/bin/chromium"):
    options.binary_location = "/usr/bin/chromium"
service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else None
driver = webdriver.Chrome(options=options, service=service) if service else webdriver.Chrome(options=options)
driver.set_page_load_timeout(60)


def shot(name):
    driver.save_screenshot(os.path.join(artefacts, f"{name}.png"))


def check(condition, message):
    if not condition:
        shot("failure")
        raise AssertionError(message)


def title_has(text, message):
    try:
        WebDriverWait(driver, 30).until(lambda d: text in d.title)
    except Exception:
        check(False, f"{message} (title: {driver.title})")


def no_cpr(text, where):
    masked = re.sub(r"[0-9a-fA-F]{32,}", "#", text)
    check(not re.search(r"(?<!\d)\d{6}-?\d{4}(?!\d)", masked), f"a CPR-shaped number on {where}")


try:
    driver.get(address + "login")
    title_has("Log ind", "the log-in page")
    shot("01-login")
    driver.find_element(By.ID, "name").send_keys(user)
    driver.find_element(By.ID, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    title_has("Overblik", "logged in to the overview")
    shot("02-empty-overview")

    def import_file(name, occasion):
        driver.get(address + "import")
        driver.find_element(By.ID, "file").send_keys(os.path.join(samples, name))
        Select(driver.find_element(By.ID, "occasion")).select_by_value(occasion)
        driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
        title_has("Prøvekørsel", f"the dry run of {name}")
        body = driver.find_element(By.TAG_NAME, "main").text
        check("intet er gemt endnu" in body, "the dry run says nothing is stored")
        counts = re.search(r"(\d+) læst, (\d+) gyldige, (\d+) afvist", body)
        check(counts and int(counts.group(1)) == sum(1 for _ in open(os.path.join(samples, name), encoding="utf-8")) - 1,
              f"the dry run counts every row of {name}")
        driver.find_element(By.ID, "result").location_once_scrolled_into_view
        shot(f"03-dry-run-{name[:-4]}")
        driver.find_element(By.CSS_SELECTOR, "button[name=import]").click()
        title_has("Indlæs", f"the import of {name}")
        check("Filen er indlæst." in driver.find_element(By.TAG_NAME, "main").text, f"{name} imported")
        shot(f"04-imported-{name[:-4]}")
        return int(counts.group(2))

    accepted = 0
    for name in ["sdq-parent-T1.csv", "sdq-self-T1.csv"]:
        accepted += import_file(name, "T1")

    # The teacher sample with its first item's column renamed: the wizard leaves it unmatched and
    # offers a drop-down; mapping it to item consid is done through the form alone.
    renamed = os.path.join(artefacts, "laerer-T1-omdoebt.csv")
    with open(os.path.join(samples, "sdq-teacher-T1.csv"), "rb") as source:
        content = source.read()
    with open(renamed, "wb") as target:
        target.write(content.replace(b"tconsid", b"spm_1", 1))
    teacher_rows = content.count(b"\n") - 1
    driver.get(address + "import")
    driver.find_element(By.ID, "file").send_keys(renamed)
    Select(driver.find_element(By.ID, "occasion")).select_by_value("T1")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    title_has("Prøvekørsel", "the wizard's preview of the renamed teacher file")
    body = driver.find_element(By.TAG_NAME, "main").text
    check("semikolon (;) som skilletegn" in body, "the preview names the encoding and the delimiter")
    check("Almindelig CSV" in body, "the preview names the detected format")
    check(len(driver.find_elements(By.CSS_SELECTOR, "table.sample tbody tr")) == 5, "the first five rows are shown")
    column = Select(driver.find_element(By.CSS_SELECTOR, "select[name='col:spm_1']"))
    check(column.first_selected_option.get_attribute("value") == "", "the renamed column starts unmatched (ignorér)")
    shot("03-wizard-unmatched-column")
    column.select_by_value("item:consid")
    before = driver.find_element(By.TAG_NAME, "main")
    driver.find_element(By.CSS_SELECTOR, "button[name=action][value=preview]").click()
    # The re-rendered page has the same title: wait for the old one to go.
    WebDriverWait(driver, 30).until(gone(before))
    title_has("Prøvekørsel", "the dry run with the mapping")
    column = Select(driver.find_element(By.CSS_SELECTOR, "select[name='col:spm_1']"))
    check(column.first_selected_option.get_attribute("value") == "item:consid", "the mapping is kept on the re-rendered page")
    body = driver.find_element(By.TAG_NAME, "main").text
    counts = re.search(r"(\d+) læst, (\d+) gyldige, (\d+) afvist", body)
    check(counts and int(counts.group(1)) == teacher_rows, f"the dry run counts every row of the teacher file ({body[:400]})")
    check("dry run" not in body and "/tmp" not in body and artefacts not in body, "the dry run is in Danish, without server paths")
    driver.find_element(By.ID, "result").location_once_scrolled_into_view
    shot("03-wizard-mapped-dry-run")
    driver.find_element(By.CSS_SELECTOR, "button[name=import]").click()
    title_has("Indlæs", "the import of the renamed teacher file")
    check("Filen er indlæst." in driver.find_element(By.TAG_NAME, "main").text, "the renamed teacher file imported")
    accepted += int(counts.group(2))
    shot("04-imported-teacher-mapped")

    driver.get(address)
    grid = driver.find_element(By.CSS_SELECTOR, "table.grid")
    missing = grid.find_elements(By.CSS_SELECTOR, "td.missing")
    rows = grid.find_elements(By.CSS_SELECTOR, "tbody tr")
    # Every stored response fills one cell, every other cell says "mangler".
    cells = grid.find_elements(By.CSS_SELECTOR, "tbody td.ok, tbody td.missing")
    check(len(rows) > 200, f"the sample's children in the grid (got {len(rows)})")
    check(len(missing) > 0, "some self-reports are missing")
    check(len(cells) - len(missing) == accepted,
          f"grid cells with a form ({len(cells) - len(missing)}) = responses stored ({accepted})")
    no_cpr(driver.page_source, "the overview")
    shot("05-overview-grid")

    # A second occasion, so that the child page draws the trajectory across occasions.
    import_file("sdq-parent-T2.csv", "T2")
    driver.get(address)
    rows = driver.find_elements(By.CSS_SELECTOR, "table.grid tbody tr")

    driver.find_element(By.ID, "child").send_keys("barn-0001")
    driver.find_element(By.CSS_SELECTOR, "form[action='/search'] button").click()
    title_has("Barn", "the child page")
    check("/child/" in driver.current_url and "barn" not in driver.current_url, "the child page, by pseudonym")
    page = driver.find_element(By.TAG_NAME, "main").text
    shot("06-child")
    # Every score `kortlaeg score` computed for barn-0001 appears on the child's page (Danish decimal comma).
    with open(scores_csv, newline="", encoding="utf-8") as handle:
        row = next(r for r in csv.DictReader(handle) if r[next(iter(r))] == "barn-0001")
    cells = {c.text.strip() for c in driver.find_elements(By.CSS_SELECTOR, "figure td.num")}
    compared = 0
    for column, value in row.items():
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue
        if column.lower().endswith(("_band", "band")):
            continue
        text = (f"{number:.1f}".rstrip("0").rstrip(".")).replace(".", ",")
        check(text in cells, f"score {column} = {value} of `kortlaeg score` is on the child's page (cells {sorted(cells)[:40]})")
        compared += 1
    check(compared >= 5, f"at least five scores compared (got {compared})")

    # The trajectory: one inline SVG per score, with a title and a description that reads the values.
    charts = driver.find_elements(By.CSS_SELECTOR, "svg.trajectory")
    check(len(charts) >= 5, f"trajectory charts on the child's page (got {len(charts)})")
    check(all(c.find_element(By.TAG_NAME, "desc").get_attribute("textContent").startswith("T1: ") for c in charts[:5]),
          "each chart describes its values")
    trajectories = driver.find_element(By.CSS_SELECTOR, "div.trajectories")
    trajectories.screenshot(os.path.join(artefacts, "06b-child-trajectory.png"))
    # The band column of every profile table is inside its figure (not clipped).
    for figure in driver.find_elements(By.CSS_SELECTOR, "main .informants figure"):
        table = figure.find_element(By.TAG_NAME, "table")
        check(table.size["width"] <= figure.size["width"] + 1,
              f"a profile table ({table.size['width']} px) is wider than its figure ({figure.size['width']} px)")
    # Three informants side by side: the page says whether they disagree (in words, not colour alone).
    said = driver.find_elements(By.CSS_SELECTOR, "main div.disagreements, main p.agree")
    check(said, "the child page says whether the informants disagree")
    if driver.find_elements(By.CSS_SELECTOR, "main div.disagreements"):
        box = driver.find_element(By.CSS_SELECTOR, "main div.disagreements")
        check("Uenighed mellem informanterne" in box.text and box.find_elements(By.TAG_NAME, "li"), "the disagreements in words")
        check(driver.find_elements(By.CSS_SELECTOR, "main tr.disagree .flag"), "the flagged rows carry a '!'")
        box.screenshot(os.path.join(artefacts, "06e-child-disagreements.png"))
    child_url = driver.current_url

    # The staff's own label, then the overview's search by it.
    label = driver.find_element(By.ID, "label")
    label.clear()
    label.send_keys("Testbarn Ærø")
    driver.find_element(By.CSS_SELECTOR, "form[action$='/label'] button").click()
    title_has("Testbarn Ærø", "the label in the child page's heading")
    driver.get(address)
    driver.find_element(By.ID, "label").send_keys("testbarn")
    driver.find_element(By.CSS_SELECTOR, "form[action='/search'] input#label ~ button").click()
    title_has("Testbarn Ærø", "the child found by its label")
    check(driver.current_url == child_url, "the label search opens the child's page")

    # The parent version: plain Danish, no versions or variable names, one or two A4 pages.
    driver.find_element(By.CSS_SELECTOR, "a[href$='/parent']").click()
    title_has("Sådan går det for", "the parent version")
    parent = driver.find_element(By.TAG_NAME, "main").text
    check("Det går godt" in parent and parent.index("Det går godt") < parent.index("Det vil vi gerne hjælpe med"),
          "strengths come first in the parent version")
    # Each area once: under "Det går godt" or under "Det vil vi gerne hjælpe med", never both.
    areas = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "main .parent ul:not(.answers) li > strong")]
    check(areas and len(areas) == len(set(areas)), f"an area appears under two headings of the parent version: {areas}")
    for jargon in ["sdq-", "@1.0", "pemotion", "afvigende"]:
        check(jargon not in driver.page_source, f"'{jargon}' in the parent version")
    no_cpr(driver.page_source, "the parent version")
    shot("06c-parent")
    from selenium.webdriver.common.print_page_options import PrintOptions
    printing = PrintOptions()
    printing.page_width, printing.page_height = 21.0, 29.7
    pdf = base64.b64decode(driver.print_page(printing))
    with open(os.path.join(artefacts, "06d-parent.pdf"), "wb") as handle:
        handle.write(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    check(1 <= pages <= 2, f"the parent version prints on one or two A4 pages (got {pages})")

    # The progress page: the course T1 → T2 of the parent form, one table per score with a row per occasion.
    driver.get(address + "progress?instrument=sdq-p4-17%401.0.0")
    title_has("Udvikling", "the progress page")
    tables = driver.find_elements(By.CSS_SELECTOR, "table.course")
    check(len(tables) >= 5, f"a course table per score on the progress page (got {len(tables)})")
    occasions = [r.get_attribute("data-occasion") for r in tables[0].find_elements(By.CSS_SELECTOR, "tbody tr")]
    check(occasions == ["T1", "T2"], f"the first table has a row per occasion (got {occasions})")
    check("Sådan læses tabellerne" in driver.find_element(By.TAG_NAME, "main").text, "the progress page explains its tables")
    no_cpr(driver.page_source, "the progress page")
    shot("07a-progress")

    driver.get(address + "exports")
    Select(driver.find_element(By.ID, "format")).select_by_value("sav")
    shot("07-exports")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    deadline = time.time() + 60
    while time.time() < deadline and not glob.glob(os.path.join(downloads, "*.sav")):
        time.sleep(0.5)
    files = glob.glob(os.path.join(downloads, "*.sav"))
    check(files, "the .sav was downloaded")
    import pyreadstat
    columns, meta = pyreadstat.read_sav(files[0], output_format="dict")
    frame = next(iter(columns.values()))
    check(len(frame) == len(rows), f"one row per child in the export ({len(rows)}; got {len(frame)})")
    for values in columns.values():
        for value in values:
            check("barn-" not in str(value), "no raw id in the export")

    driver.get(address + "audit")
    audit = driver.find_element(By.TAG_NAME, "main").text
    check("export" in audit and "view child" in audit and "(parent version)" in audit,
          "the export, the child page and the parent version are in the audit log")
    shot("08-audit")

    driver.find_element(By.CSS_SELECTOR, "form[action='/logout'] button").click()
    title_has("Log ind", "logged out")
    driver.get(address)
    check("Log ind" in driver.title, "after log-out the overview asks for a log-in")
    shot("09-logged-out")
    print(f"e2e: ok ({compared} scores compared, {len(charts)} charts, parent version {pages} page(s), {len(frame)} rows read back)")
finally:
    driver.quit()
