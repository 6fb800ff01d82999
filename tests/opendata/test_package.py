"""The bulk download: a streamed zip that is a valid Fiscal Data Package, with its data
dictionary, whose numbers are the records'; and ``manage.py export_data`` writes the same."""

import csv
import hashlib
import io
import json
import zipfile
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from frictionless import validate

from opendata import bulk, package
from opendata.tables import TABLES
from projects.models import Citation, FundingSource, LineItem, Project, Status, SubItem
from tests.conftest import force_status

pytestmark = pytest.mark.django_db


def download(client, url) -> zipfile.ZipFile:
    response = client.get(url)
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def rows(archive, name):
    data = archive.read(name)
    assert data.startswith("\ufeff".encode())  # Excel and WPS read UTF-8 with its mark
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


@pytest.fixture
def year_zip(client, seed):
    return download(client, reverse("opendata:year-data", args=[2024]))


def test_package_passes_frictionless_validation(year_zip, tmp_path):
    year_zip.extractall(tmp_path)
    report = validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    # Every table was read, with rows: the validation looked at data, not only at a descriptor.
    stats = {task.name: task.to_descriptor()["stats"].get("rows", 0) for task in report.tasks}
    assert stats["projects"] == 2
    assert stats["lines"] == LineItem.objects.count()


def test_descriptor_describes_the_fiscal_model(year_zip):
    descriptor = json.loads(year_zip.read("datapackage.json"))
    assert descriptor["fiscalPeriod"] == {"start": "2024-01-01", "end": "2024-12-31"}
    column_types = {
        field.get("columnType")
        for resource in descriptor["resources"]
        for field in resource["schema"]["fields"]
    }
    assert {
        "value",
        "date:fiscal-year",
        "administrative-classification:generic:level1:label",
        "administrative-classification:generic:level2:label",
        "administrative-classification:generic:level3:label",
        "fin-source:generic:label",
    } <= column_types
    sub_items = next(r for r in descriptor["resources"] if r["name"] == "sub_items")
    assert {"name": "currency", "constant": "CNY"}.items() <= sub_items["schema"]["extraFields"][
        0
    ].items()
    # The measure is where rows add up without counting an amount twice: not on the lines,
    # whose parents and children are both rows.
    measures = {
        (resource["name"], field["name"])
        for resource in descriptor["resources"]
        for field in resource["schema"]["fields"]
        if field.get("columnType") == "value"
    }
    assert ("sub_items", "细化金额（元）") in measures
    assert not any(resource == "lines" for resource, _ in measures)


def test_summing_the_packages_measure_gives_each_projects_itemised_total(year_zip, tmp_path):
    from frictionless import Package

    year_zip.extractall(tmp_path)
    data = Package(tmp_path / "datapackage.json")
    resource = data.get_resource("sub_items")
    measure = next(f.name for f in resource.schema.fields if f.custom.get("columnType") == "value")
    sums: dict[str, Decimal] = {}
    for row in resource.read_rows():
        sums[row["项目标识"]] = sums.get(row["项目标识"], Decimal(0)) + Decimal(
            str(row[measure] or 0)
        )
    projects = {str(p.lineage): p for p in Project.objects.published()}
    assert sums == {key: project.itemised_total for key, project in projects.items()}
    assert Decimal("2967336.69") in sums.values()  # the seed's P1, as its page says
    # The lines say which rows a sum of lines may add: those without children.
    leaves = [r for r in data.get_resource("lines").read_rows() if r["末级明细"]]
    assert len(leaves) == LineItem.objects.filter(children=None).count()


def test_milestones_factors_and_times_open_as_numbers_and_dates_in_a_spreadsheet(year_zip):
    from openpyxl import load_workbook

    from projects.models import Milestone

    milestones = rows(year_zip, "data/milestones.csv")
    assert len(milestones) == Milestone.objects.count() > 0
    workbook = load_workbook(io.BytesIO(year_zip.read(bulk.XLSX_NAME)), read_only=True)
    factors = list(workbook["计算因子"].iter_rows(min_row=2, values_only=True))
    assert factors and all(isinstance(row[4], int | float) for row in factors)  # PRODUCT() works
    projects = list(workbook["项目"].iter_rows(values_only=True))
    column = projects[0].index("公开时间")
    published = {str(p.lineage): p.published_at for p in Project.objects.published()}
    from django.utils import timezone

    for row in projects[1:]:
        beijing = timezone.localtime(published[row[projects[0].index("项目标识")]])
        assert row[column] == beijing.replace(tzinfo=None, microsecond=0)  # Beijing time
    # The CSV's times are Beijing time as spreadsheets parse a date and time (no T, no offset).
    for row in rows(year_zip, "data/projects.csv"):
        beijing = timezone.localtime(published[row["项目标识"]])
        assert row["公开时间"] == beijing.strftime("%Y-%m-%d %H:%M:%S")


def test_data_dictionary_describes_every_field(year_zip):
    dictionary = rows(year_zip, package.DICTIONARY_PATH)
    described = {(r["数据表"], r["字段"], r["字段标识"]) for r in dictionary}
    assert described == {(t.name, f.zh, f.name) for t in TABLES for f in t.fields}
    assert all(r["类型"] and r["含义（英文）"] for r in dictionary)


def test_every_csv_has_the_chinese_header_excel_shows(year_zip):
    """Excel and WPS show the first row as it is: each table's header is its fields' Chinese
    names (the package names the fields the same way, so frictionless reads them)."""
    descriptor = json.loads(year_zip.read("datapackage.json"))
    for table in TABLES:
        data = year_zip.read(package.resource_path(table)).decode("utf-8-sig")
        header = next(csv.reader(io.StringIO(data)))
        assert header == table.header
        assert all(not name.isascii() for name in header)
        resource = next(r for r in descriptor["resources"] if r["name"] == table.name)
        assert [f["name"] for f in resource["schema"]["fields"]] == header


def test_tables_hold_the_records_numbers(year_zip):
    projects = {str(p.lineage): p for p in Project.objects.published()}
    for row in rows(year_zip, "data/projects.csv"):
        project = projects[row["项目标识"]]
        assert Decimal(row["申报总额（元）"]) == project.declared_total
        assert Decimal(row["细化金额合计（元）"]) == project.itemised_total
    sub_items = rows(year_zip, "data/sub_items.csv")
    assert len(sub_items) == SubItem.objects.count()
    lines = rows(year_zip, "data/lines.csv")
    assert len(lines) == LineItem.objects.count()
    declared = sorted(Decimal(r["申报金额（元）"]) for r in lines if r["申报金额（元）"] != "")
    assert declared == sorted(
        LineItem.objects.exclude(declared_amount=None).values_list("declared_amount", flat=True)
    )
    assert len(rows(year_zip, "data/citations.csv")) == Citation.objects.count()
    assert len(rows(year_zip, "data/funding_sources.csv")) == FundingSource.objects.count()


def test_zip_carries_xlsx_json_readme_and_checksums(year_zip):
    names = set(year_zip.namelist())
    assert {"README.txt", bulk.XLSX_NAME, "json/chengjiang-zzb-2024.json"} <= names
    sums = dict(
        reversed(line.split("  ", 1))
        for line in year_zip.read("SHA256SUMS.txt").decode().split("\n")
        if line
    )
    assert set(sums) == names - {"SHA256SUMS.txt"}
    for name, digest in sums.items():
        assert hashlib.sha256(year_zip.read(name)).hexdigest() == digest
    tree = json.loads(year_zip.read("json/chengjiang-zzb-2024.json"))
    assert tree["schema"] == "portal.disclosure-tree/1"


def test_zip_is_streamed_in_pieces(seed):
    chunks = list(bulk.stream_package(2024, "http://portal.test"))
    assert len(chunks) > len(TABLES)  # written and handed out file by file, not at the end
    assert max(len(c) for c in chunks) < sum(len(c) for c in chunks) / 2


def test_all_years_and_missing_year(client, seed):
    archive = download(client, reverse("opendata:all-data"))
    descriptor = json.loads(archive.read("datapackage.json"))
    assert "fiscalPeriod" not in descriptor
    assert client.get(reverse("opendata:year-data", args=[1999])).status_code == 404


def test_export_data_command_writes_the_same_package(seed, tmp_path, client):
    target = tmp_path / "2024.zip"
    call_command("export_data", "--year", "2024", "--output", str(target), stdout=io.StringIO())
    archive = zipfile.ZipFile(target)
    served = download(client, reverse("opendata:year-data", args=[2024]))
    for name in ("data/lines.csv", "data/projects.csv"):
        # Links differ only by the base address (settings vs the request's host).
        assert len(rows(archive, name)) == len(rows(served, name))
    unpacked = tmp_path / "unpacked"
    call_command(
        "export_data",
        "--year",
        "2024",
        "--unpacked",
        "--output",
        str(unpacked),
        stdout=io.StringIO(),
    )
    assert validate(unpacked / "datapackage.json").valid
    for fmt, name in (("csv", "lines.csv"), ("xlsx", "data.xlsx"), ("json", "trees")):
        call_command(
            "export_data", "--format", fmt, "--output", str(tmp_path / name), stdout=io.StringIO()
        )
    assert (tmp_path / "lines.csv").read_text(encoding="utf-8").startswith("\ufeff年度")
    assert (tmp_path / "trees" / "chengjiang-zzb-2024.json").exists()
    assert (tmp_path / "data.xlsx").read_bytes()[:2] == b"PK"


def test_validation_catches_a_broken_table(year_zip, tmp_path):
    """The validation is not a formality: a non-number amount or a line of an unknown project
    makes the package invalid."""
    year_zip.extractall(tmp_path)
    lines = tmp_path / "data" / "lines.csv"
    text = lines.read_text(encoding="utf-8")
    header, first, rest = text.split("\n", 2)
    fields = next(csv.reader([first]))
    broken = dict(zip(next(csv.reader([header])), fields, strict=True))
    broken["项目标识"] = "00000000-0000-0000-0000-000000000000"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(broken.values())
    lines.write_text("\n".join([header, out.getvalue().rstrip("\n"), rest]), encoding="utf-8")
    report = validate(tmp_path / "datapackage.json")
    assert not report.valid
    assert ["foreign-key"] in report.flatten(["type"])


@pytest.mark.parametrize("status", [Status.DRAFT, Status.SUBMITTED, Status.WITHDRAWN])
def test_export_data_leaves_out_hidden_projects(seed, tmp_path, status):
    """The command's files, every format, unpacked: the hidden project is in none of them."""
    hidden = Project.objects.get(sequence=2)
    force_status(Project.objects.filter(pk=hidden.pk), status)
    outputs = {
        "zip": tmp_path / "all.zip",
        "csv": tmp_path / "lines.csv",
        "xlsx": tmp_path / "all.xlsx",
        "json": tmp_path / "trees",
    }
    for fmt, path in outputs.items():
        call_command("export_data", "--format", fmt, "--output", str(path), stdout=io.StringIO())
    files = {p.name: p.read_bytes() for p in (tmp_path / "trees").iterdir()}
    files["lines.csv"] = outputs["csv"].read_bytes()
    for archive in ("zip", "xlsx"):
        with zipfile.ZipFile(outputs[archive]) as z:
            files |= {f"{archive}/{n}": z.read(n) for n in z.namelist()}
            if archive == "zip":
                with zipfile.ZipFile(io.BytesIO(z.read(bulk.XLSX_NAME))) as inner:
                    files |= {f"inner/{n}": inner.read(n) for n in inner.namelist()}
    live = Project.objects.get(sequence=1)
    assert any(live.name.encode() in data for data in files.values())
    for name, data in files.items():
        for needle in (hidden.name, str(hidden.lineage)):
            assert needle.encode() not in data, (name, needle)
