"""Downloads seen from the attacker's side (issue 19): a published project whose texts were
written to hurt whoever opens its data, requested as a reader would, and what must not happen.

- XLSX: a text that starts with ``=`` never becomes a live formula, in any workbook we make;
- CSV: a text cell that a spreadsheet would run starts with an apostrophe, in every CSV;
  amounts stay numbers; JSON keeps the text as written;
- zips and ``Content-Disposition``: no name climbs out of its folder or breaks extraction on
  Windows, and names within an archive are unique;
- control characters: already-stored texts holding them (past any entrance) never make a
  download fail, nor stop a zip half-way.

The texts are stored past the entrances (``guards_off``: model guards and triggers off), as
data already in the database or a path around the admin would be.
"""

import csv
import io
import json
import os
import re
import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path
from urllib.parse import unquote
from xml.etree import ElementTree

import openpyxl
import pytest
from django.urls import reverse
from frictionless import validate

from opendata.tables import TABLES
from projects import public_version
from projects.models import (
    Citation,
    Comparator,
    Department,
    Disclosure,
    Factor,
    FundingSource,
    IndicatorLevel,
    LineItem,
    PerformanceIndicator,
    Project,
    SubItem,
)

pytestmark = pytest.mark.django_db

# What a spreadsheet would run, one per place a text can sit.
LINE_NAME = '=HYPERLINK("http://x","点击")'
FACTOR_LABEL = "=cmd|'/c calc'!A1"
SUB_ITEM_NAME = "@SUM(1+1)*cmd|' /C calc'!A0"
SUB_ITEM_CONTENT = "\t=1+2"
CITATION = "-2+3+cmd|' /C calc'!A0"
FUNDING_NAME = "+1+cmd|' /C notepad'!A0"
FUNDING_TEXT = "-1000元"
ERROR_VALUE = "#N/A"  # openpyxl would store it as an error value, not as text
INDICATOR_NAME = "=1+1"
PROJECT_2_NAME = "=2+5"
PROJECT_2_UNIT = "\r=1+3"
# In project 1's downloads (project 2's texts only in the disclosure's and the year's).
PROJECT_1_TEXTS = {
    LINE_NAME,
    FACTOR_LABEL,
    SUB_ITEM_NAME,
    SUB_ITEM_CONTENT,
    CITATION,
    FUNDING_NAME,
    FUNDING_TEXT,
    ERROR_VALUE,
    INDICATOR_NAME,
}
ALL_TEXTS = PROJECT_1_TEXTS | {PROJECT_2_NAME, PROJECT_2_UNIT}
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _stored(queryset, **values):
    """Write past the entrances (the caller has ``guards_off``)."""
    from django.db.models import QuerySet

    QuerySet.update(queryset, **values)
    public_version.bump(public_version.SITE)


@pytest.fixture
def hostile(seed, guards_off):
    """The seed disclosure, its texts rewritten to run in a spreadsheet."""
    first = Project.objects.published().get(disclosure=seed, sequence=1)
    second = Project.objects.published().get(disclosure=seed, sequence=2)
    line = LineItem.objects.filter(sub_item__project=first, factors__isnull=False).first()
    _stored(LineItem.objects.filter(pk=line.pk), name=LINE_NAME)
    _stored(Factor.objects.filter(pk=line.factors.first().pk), label=FACTOR_LABEL)
    _stored(
        SubItem.objects.filter(pk=line.sub_item_id), name=SUB_ITEM_NAME, content=SUB_ITEM_CONTENT
    )
    _stored(Citation.objects.filter(pk=first.citations.first().pk), cited_text=CITATION)
    FundingSource.objects.create(
        project=first,
        sequence=1,
        name=FUNDING_NAME,
        amount=Decimal("1000.00"),
        amount_text=FUNDING_TEXT,
    )
    FundingSource.objects.create(
        project=first, sequence=2, name=ERROR_VALUE, amount=Decimal("0.00")
    )
    PerformanceIndicator.objects.create(
        project=first,
        sequence=1,
        level1=IndicatorLevel.OUTPUT,
        level2="数量指标",
        name=INDICATOR_NAME,
        comparator=Comparator.EQ,  # shown as "=", a text like any other
        target="95",
        unit="%",
    )
    _stored(Project.objects.filter(pk=second.pk), name=PROJECT_2_NAME)
    _stored(Project.objects.filter(pk=second.pk), implementing_unit=PROJECT_2_UNIT)
    public_version.bump(public_version.SITE)
    return Project.objects.get(pk=first.pk)


def project_url(project, fmt):
    return reverse("opendata:project-data", kwargs={"lineage": project.lineage, "fmt": fmt})


def disclosure_url(disclosure, fmt):
    return reverse(
        "opendata:disclosure-data",
        kwargs={
            "department": disclosure.department.slug,
            "year": disclosure.fiscal_year,
            "fmt": fmt,
        },
    )


def body(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def pdf_download(client, url):
    """A PDF or zip of PDFs as a reader gets it in the end: rendered by the queue's worker when
    the first answer says it is being made (503, Retry-After)."""
    response = client.get(url)
    if response.status_code == 503:
        from tests.jobs import run_queued_jobs

        run_queued_jobs()
        response = client.get(url)
    return response


def unzip(data: bytes) -> zipfile.ZipFile:
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.testzip() is None  # complete: every member's CRC checks
    return archive


# --- 3. XLSX: text is text, never a formula ---------------------------------------------------


def xlsx_downloads(client, project) -> dict[str, bytes]:
    year_zip = unzip(body(client.get(reverse("opendata:year-data", args=[2024]))))
    return {
        "project": body(client.get(project_url(project, "xlsx"))),
        "disclosure": body(client.get(disclosure_url(project.disclosure, "xlsx"))),
        "year zip": year_zip.read("budget-disclosures.xlsx"),
    }


def assert_no_formula(workbook: bytes) -> None:
    """No cell of any sheet is a formula or an error value, in the sheet XML itself."""
    with zipfile.ZipFile(io.BytesIO(workbook)) as parts:
        sheets = [n for n in parts.namelist() if n.startswith("xl/worksheets/")]
        assert sheets
        for name in sheets:
            root = ElementTree.fromstring(parts.read(name))
            for element in root.iter():
                assert element.tag.rsplit("}", 1)[-1] != "f", f"a formula in {name}"
                if element.tag.endswith("}c"):
                    assert element.get("t") != "e", f"an error value in {name}"


def cell_texts(workbook: bytes) -> set[str]:
    book = openpyxl.load_workbook(io.BytesIO(workbook))
    texts = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (cell.coordinate, cell.value)
                    texts.add(cell.value)
    return texts


def test_xlsx_texts_are_text_never_formulas(client, hostile):
    for where, workbook in xlsx_downloads(client, hostile).items():
        assert_no_formula(workbook)
        expected = PROJECT_1_TEXTS if where == "project" else ALL_TEXTS
        # Kept exactly, with no apostrophe; a line break is a line feed, as XML reads it.
        expected = {text.replace("\r", "\n") for text in expected}
        assert expected <= cell_texts(workbook), where


# --- 4. CSV: nothing a spreadsheet would run -------------------------------------------------


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def csv_downloads(client, project) -> dict[str, list[dict[str, str]]]:
    year_zip = unzip(body(client.get(reverse("opendata:year-data", args=[2024]))))
    downloads = {
        "project": csv_rows(body(client.get(project_url(project, "csv"))).decode()),
        "disclosure": csv_rows(
            body(client.get(disclosure_url(project.disclosure, "csv"))).decode()
        ),
        "list": csv_rows(body(client.get(reverse("projects:projects-csv"))).decode()),
        "filtered list": csv_rows(
            body(client.get(reverse("projects:projects-csv"), {"year": 2024})).decode()
        ),
    }
    for name in year_zip.namelist():
        if name.endswith(".csv"):
            downloads[name] = csv_rows(year_zip.read(name).decode())
    return downloads


def test_no_csv_cell_starts_like_a_formula(client, hostile):
    downloads = csv_downloads(client, hostile)
    for where, rows in downloads.items():
        assert rows, where
        for row in rows:
            for column, value in row.items():
                assert not value.startswith(FORMULA_PREFIXES), (where, column, value)
    cells = {where: {v for row in rows for v in row.values()} for where, rows in downloads.items()}
    # The texts are there, behind one apostrophe, and nothing else of them changed.
    assert {"'" + LINE_NAME, "'" + SUB_ITEM_NAME} <= cells["project"]
    assert {"'" + LINE_NAME, "'" + PROJECT_2_NAME} <= cells["disclosure"]
    assert "'" + PROJECT_2_NAME in cells["list"] and "'" + PROJECT_2_NAME in cells["filtered list"]
    assert {"'" + FACTOR_LABEL} <= cells["data/factors.csv"]
    assert {"'" + SUB_ITEM_NAME, "'" + SUB_ITEM_CONTENT} <= cells["data/sub_items.csv"]
    assert {"'" + CITATION} <= cells["data/citations.csv"]
    assert {"'" + FUNDING_NAME, "'" + FUNDING_TEXT, ERROR_VALUE} <= cells[
        "data/funding_sources.csv"
    ]
    assert {"'" + INDICATOR_NAME, "'="} <= cells["data/performance_indicators.csv"]
    assert {"'" + PROJECT_2_UNIT} <= cells["data/projects.csv"]


def test_csv_amounts_stay_numbers(client, hostile):
    downloads = csv_downloads(client, hostile)
    amount_columns = {
        "申报总额（元）",
        "细化合计（元）",
        "申报金额（元）",
        "计算金额（元）",
    } | {field.zh for table in TABLES for field in table.fields if field.amount}
    seen = 0
    for where, rows in downloads.items():
        for row in rows:
            for column in amount_columns & set(row):
                if row[column]:
                    assert Decimal(row[column]) >= 0, (where, column)  # no apostrophe
                    seen += 1
    assert seen


def test_the_package_stays_a_valid_fiscal_data_package(client, hostile, tmp_path):
    year_zip = unzip(body(client.get(reverse("opendata:year-data", args=[2024]))))
    year_zip.extractall(tmp_path)
    report = validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    descriptor = json.loads((tmp_path / "datapackage.json").read_text())
    assert "apostrophe" in descriptor["description"]  # the package says what it did


def test_json_keeps_the_text_as_written(client, hostile):
    """JSON is not a spreadsheet: the downloads and the API give the records' text."""
    project = json.loads(body(client.get(project_url(hostile, "json"))))
    disclosure = json.loads(body(client.get(disclosure_url(hostile.disclosure, "json"))))
    api = client.get(f"/api/v1/projects/{hostile.lineage}").json()
    for document in (project, disclosure, api):
        text = json.dumps(document, ensure_ascii=False)
        for hostile_text in PROJECT_1_TEXTS:
            assert json.dumps(hostile_text, ensure_ascii=False) in text
        assert "'" + LINE_NAME not in text


# --- 5. Names inside zips and in Content-Disposition ------------------------------------------

WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{port}{n}" for port in ("COM", "LPT") for n in "0123456789¹²³"
}


def assert_safe_component(name: str) -> None:
    assert name and name not in (".", ".."), repr(name)
    assert not set('/\\:*?"<>|') & set(name), repr(name)
    assert name == name.strip(" ."), repr(name)
    assert all(unicodedata.category(c) not in ("Cc", "Cf") for c in name), repr(name)
    assert name.split(".")[0].rstrip(" ").upper() not in WINDOWS_RESERVED, repr(name)
    assert len(name.encode("utf-8")) <= 180, repr(name)


def attachment_name(response) -> str:
    header = response["Content-Disposition"]
    assert header.startswith("attachment")
    assert not any(unicodedata.category(c) == "Cc" for c in header)
    encoded = re.search(r"filename\*=utf-8''([^;\s]+)", header, re.IGNORECASE)
    if encoded:
        return unquote(encoded.group(1), errors="strict")
    plain = re.search(r'filename="((?:[^"\\]|\\.)*)"', header)
    return re.sub(r"\\(.)", r"\1", plain.group(1))


TRAVERSAL = '../../../../evil\x07<>:"|?*\u202egpj.exe/'


@pytest.fixture
def hostile_names(seed, guards_off):
    """Names that climb out of folders, break Windows, pose as another name, or collide."""
    from publications.views import project_filename

    _stored(Project.objects.filter(disclosure=seed, sequence=1), name=TRAVERSAL)
    _stored(Department.objects.filter(pk=seed.department_id), short_name="CON")
    first = Project.objects.get(disclosure=seed, sequence=1)
    # The disclosure's own PDF would be called just like project 1's.
    _stored(
        Disclosure.objects.filter(pk=seed.pk),
        title=project_filename(first).removesuffix(".pdf"),
    )
    return Project.objects.get(pk=first.pk)


def naive_extract(archive: zipfile.ZipFile, dest: Path) -> list[Path]:
    """What a careless tool does: join each member's name to the folder and write it. Where a
    file would land is checked before it is written, so a failure writes nothing outside."""
    written = []
    root = os.path.realpath(dest)
    for info in archive.infolist():
        target = os.path.realpath(os.path.join(dest, info.filename))
        assert os.path.commonpath([root, target]) == root, f"{info.filename!r} escapes"
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as file:
            file.write(archive.read(info))
        written.append(Path(target))
    return written


def assert_safe_archive(archive: zipfile.ZipFile, tmp_path: Path) -> None:
    names = archive.namelist()
    folded = [unicodedata.normalize("NFC", n).casefold() for n in names]
    assert len(set(folded)) == len(folded), "two members one file on Windows or macOS"
    for name in names:
        assert not name.startswith("/")
        for component in name.split("/"):
            assert_safe_component(component)
    dest = tmp_path / "extract" / "a" / "b" / "c" / "out"
    written = naive_extract(archive, dest)
    assert len(written) == len(names)  # nothing overwrote another member
    everything = [p for p in (tmp_path / "extract").rglob("*") if p.is_file()]
    assert sorted(everything) == sorted(written)
    assert all(dest in p.parents for p in everything)


def test_pdf_zip_names_are_safe_and_unique(client, hostile_names, tmp_path):
    response = pdf_download(client, reverse("publications:year-zip", args=[2024]))
    archive = unzip(body(response))
    assert_safe_archive(archive, tmp_path)
    pdfs = [n for n in archive.namelist() if n.endswith(".pdf")]
    assert len(pdfs) == 3  # the disclosure's, and one per project: none lost to a collision
    assert len({n.split("/")[0] for n in pdfs}) == 1  # one folder for the department
    # Still readable: the project's name is there, what was unsafe in it replaced.
    assert any("evil" in n and "项目1" in n and "第1版" in n for n in pdfs)
    assert any(n.endswith("-2.pdf") for n in pdfs)  # the colliding name was numbered
    sums = archive.read("SHA256SUMS.txt").decode().splitlines()
    assert sorted(line.split("  ", 1)[1] for line in sums) == sorted(pdfs)

    department = client.get(
        reverse(
            "publications:department-zip", args=[2024, hostile_names.disclosure.department.slug]
        )
    )
    assert_safe_component(attachment_name(department))
    assert_safe_archive(unzip(body(department)), tmp_path / "department")


def test_data_zip_names_are_safe_and_unique(client, hostile_names, tmp_path):
    response = client.get(reverse("opendata:year-data", args=[2024]))
    assert_safe_component(attachment_name(response))
    assert_safe_archive(unzip(body(response)), tmp_path)


def test_download_file_names_are_safe(client, hostile_names):
    project = hostile_names
    disclosure = project.disclosure
    responses = {
        "project pdf": pdf_download(
            client, reverse("publications:project-pdf", args=[project.lineage])
        ),
        "revision pdf": pdf_download(
            client,
            reverse("publications:project-revision-pdf", args=[project.lineage, project.revision]),
        ),
        "disclosure pdf": pdf_download(
            client, reverse("publications:disclosure-pdf", args=[disclosure.department.slug, 2024])
        ),
        "year zip": pdf_download(client, reverse("publications:year-zip", args=[2024])),
        "list csv": client.get(reverse("projects:projects-csv")),
        "all data": client.get(reverse("opendata:all-data")),
    }
    for fmt in ("json", "csv", "xlsx"):
        responses[f"project {fmt}"] = client.get(project_url(project, fmt))
        responses[f"disclosure {fmt}"] = client.get(disclosure_url(disclosure, fmt))
    names = {}
    for where, response in responses.items():
        assert response.status_code == 200, where
        names[where] = attachment_name(response)
        assert_safe_component(names[where])
    assert "evil" in names["project pdf"] and names["project pdf"].endswith("第1版.pdf")
    assert names["project xlsx"] == names["project pdf"].removesuffix(".pdf") + ".xlsx"


def test_a_long_name_is_cut_and_keeps_its_extension_and_revision(client, seed, guards_off):
    _stored(Project.objects.filter(disclosure=seed, sequence=1), name="很长的项目名称" * 28)
    project = Project.objects.get(disclosure=seed, sequence=1)
    for fmt in ("json", "csv", "xlsx"):
        name = attachment_name(client.get(project_url(project, fmt)))
        assert_safe_component(name)
        assert name.endswith(f"-第1版.{fmt}") and "很长的项目名称" in name


# --- 10. Control characters never break a download -------------------------------------------

BELL_NAME = "干部\x07教育培训专项资金"
CONTROL_TEXTS = {
    "name": BELL_NAME,
    "line": "自助餐费\x1b[31m",
    "content": "第一段\x0b第二段\x08",
    "label": "人数\x1f",
    "unit": "元\ufffe",
}


@pytest.fixture
def controls(seed, guards_off):
    """Texts holding characters an XLSX (XML) cannot carry, stored past every entrance."""
    project = Project.objects.get(disclosure=seed, sequence=1)
    line = LineItem.objects.filter(sub_item__project=project, factors__isnull=False).first()
    _stored(Project.objects.filter(pk=project.pk), name=CONTROL_TEXTS["name"])
    _stored(LineItem.objects.filter(pk=line.pk), name=CONTROL_TEXTS["line"])
    _stored(SubItem.objects.filter(pk=line.sub_item_id), content=CONTROL_TEXTS["content"])
    _stored(
        Factor.objects.filter(pk=line.factors.first().pk),
        label=CONTROL_TEXTS["label"],
        unit=CONTROL_TEXTS["unit"],
    )
    return Project.objects.get(pk=project.pk)


def test_xlsx_with_control_characters_is_written_and_opens(client, controls):
    for url in (project_url(controls, "xlsx"), disclosure_url(controls.disclosure, "xlsx")):
        response = client.get(url)
        assert response.status_code == 200, url
        texts = cell_texts(response.content)
        # Each character XML cannot hold is shown as U+FFFD; the rest of the text is kept.
        assert "干部\ufffd教育培训专项资金" in texts
        assert "自助餐费\ufffd[31m" in texts
        assert "第一段\ufffd第二段\ufffd" in texts
        assert "人数\ufffd" in texts
        assert "元\ufffd" in texts
        assert_safe_component(attachment_name(response))


def test_year_zip_with_control_characters_is_complete(client, controls, tmp_path):
    response = client.get(reverse("opendata:year-data", args=[2024]))
    assert response.status_code == 200 and response.streaming
    archive = unzip(body(response))
    names = archive.namelist()
    assert names[-1] == "SHA256SUMS.txt"  # written to its end
    summed = {
        line.split("  ", 1)[1] for line in archive.read("SHA256SUMS.txt").decode().split("\n")[:-1]
    }
    assert summed == set(names) - {"SHA256SUMS.txt"}
    assert "干部\ufffd教育培训专项资金" in cell_texts(archive.read("budget-disclosures.xlsx"))
    projects = csv_rows(archive.read("data/projects.csv").decode())
    assert BELL_NAME in {row["项目名称"] for row in projects}  # a CSV carries any character
    archive.extractall(tmp_path)
    report = validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_csv_and_json_with_control_characters(client, controls):
    rows = csv_rows(body(client.get(project_url(controls, "csv"))).decode())
    assert {row["项目名称"] for row in rows} == {BELL_NAME}
    assert CONTROL_TEXTS["line"] in {row["明细名称"] for row in rows}
    listed = csv_rows(body(client.get(reverse("projects:projects-csv"))).decode())
    assert BELL_NAME in {row["项目名称"] for row in listed}
    document = json.loads(body(client.get(project_url(controls, "json"))))
    assert document["project"]["name"] == BELL_NAME
