"""``manage.py import_disclosure``: drafts in one transaction, --dry-run, --json, bad input."""

import io
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from budget.importer.decode import MAX_BYTES
from projects.models import (
    Citation,
    Department,
    Disclosure,
    FundingSource,
    LineItem,
    PerformanceIndicator,
    Project,
    Status,
    SubItem,
)

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
SEED_TEXT = REPO / "fixtures/seed/source/000_9d70447241eac908.txt"
SAMPLES = Path(__file__).resolve().parent / "samples"


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_disclosure", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def nothing_written():
    return not (
        Department.objects.exists() or Disclosure.objects.exists() or Project.objects.exists()
    )


def test_seed_is_imported_as_drafts_and_stays_off_the_public_site(client):
    out, _ = run(SEED_TEXT)
    assert "2 个项目、17 个子项目、56 条立项依据" in out
    assert "已作为草稿导入" in out
    assert set(Project.objects.values_list("status", flat=True)) == {Status.DRAFT}
    assert not Project.objects.published().exists()
    assert SubItem.objects.count() == 17
    assert Citation.objects.count() == 56
    assert LineItem.objects.filter(amount_text="21.4450元").get().declared_amount == Decimal(
        "21.45"
    )
    project = Project.objects.get(sequence=2)
    assert client.get(project.get_absolute_url()).status_code == 404
    assert "引领乡村振兴" not in client.get(reverse("projects:projects")).content.decode()


def test_findings_are_printed_with_their_line_numbers():
    out, _ = run(SEED_TEXT)
    assert "[警告] 第45行 项目1：金额“21.4450元”精确到了分以下" in out
    assert "[核对·警告] 第13行 项目1：立项依据第25条：文号“云老发【2013】5号”不是标准写法" in out


def test_dry_run_writes_nothing():
    out, _ = run(SEED_TEXT, "--dry-run")
    assert "试运行，未写入" in out
    assert nothing_written()


def test_json_prints_the_tree_and_findings_and_keeps_stdout_clean():
    out, err = run(SEED_TEXT, "--json", "--dry-run")
    data = json.loads(out)
    assert data["schema"] == "portal.import/1"
    (document,) = data["documents"]
    assert document["status"] == "parsed"
    assert document["encoding"] == "utf-8"
    project = document["tree"]["projects"][1]
    assert project["name"] == "引领乡村振兴工作经费"
    assert project["declared_total_yuan"] == "4000000.00"
    assert project["citations"][9]["document_number"] == "云组通〔2017〕23号"
    line = project["sub_items"][9]["lines"][0]
    assert (line["formula"], line["factors"][0]["value"]) == ("1563名×260元", "1563")
    assert {"origin", "severity", "line", "project", "message"} <= set(document["findings"][0])
    summary = document["summary"]["projects"][0]
    assert (summary["name"], summary["funding_total_yuan"], summary["sub_items"]) == (
        "干部教育培训专项资金",
        "1500000.00",
        7,
    )
    assert summary["citations"][1] == {
        "title": "云南省老干部政治待遇的八项制度规定",
        "document_number": "云办发〔2006〕1号",
    }
    assert "已解析" in err
    assert nothing_written()


def test_gb18030_sample_is_read_and_its_funding_split_and_indicators_stored(tmp_path):
    run(SAMPLES / "gb18030_arabic_sections.txt", SAMPLES / "parens_funding_split.txt")
    assert Disclosure.objects.count() == 2
    assert Project.objects.filter(name="动物防疫补助经费", status=Status.DRAFT).exists()
    sources = FundingSource.objects.order_by("sequence").values_list("name", "amount")
    assert [(name, str(amount)) for name, amount in sources] == [
        ("市级财政", "800000.00"),
        ("区级财政", "600000.00"),
        ("自筹", "100000.00"),
    ]
    assert PerformanceIndicator.objects.count() == 4


def test_department_and_year_can_be_given(tmp_path):
    path = tmp_path / "untitled.txt"
    path.write_text("项目名称：道路养护经费\n资金安排情况：安排20万元。\n", encoding="utf-8")
    with pytest.raises(CommandError):
        run(path)
    assert nothing_written()
    run(path, "--department", "某县交通运输局", "--year", "2026")
    disclosure = Disclosure.objects.get()
    assert (disclosure.department.name, disclosure.fiscal_year) == ("某县交通运输局", 2026)
    assert Project.objects.get().declared_total == 200000


def test_a_published_disclosure_is_neither_duplicated_nor_replaced(seed):
    out, _ = run(SEED_TEXT)
    assert "未重复导入" in out
    with pytest.raises(CommandError):
        run(SEED_TEXT, "--replace")
    assert Department.objects.count() == 1
    assert set(Project.objects.values_list("status", flat=True)) == {Status.PUBLISHED}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "文件为空"),
        (b"   \n\n", "文件为空"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "不是文本"),
        (b"\xff" * 40, "无法识别文件编码"),
        ("这是一段没有任何项目的文字。\n第二行。".encode(), "没有找到任何项目"),
    ],
    ids=["empty", "blank", "binary", "undecodable", "no-project"],
)
def test_bad_input_is_an_error_and_writes_nothing(tmp_path, content, message):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_disclosure", str(path), stdout=out, stderr=io.StringIO())
    assert message in out.getvalue()
    assert nothing_written()


def test_a_50_mb_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written to the disk
    assert path.stat().st_size > MAX_BYTES
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_disclosure", str(path), stdout=out, stderr=io.StringIO())
    assert "文件过大（50.0 MB）" in out.getvalue()
    assert nothing_written()


def test_unbalanced_brackets_are_kept_and_reported(tmp_path):
    path = tmp_path / "unbalanced.txt"
    text = SEED_TEXT.read_text(encoding="utf-8").replace(
        "《干部档案工作条例》", "《干部档案工作条例", 1
    )
    path.write_text(text, encoding="utf-8")
    out, _ = run(path)
    assert "没有对应的“》”" in out
    project = Project.objects.get(sequence=1)
    basis = (
        project.basis_preamble
        + "".join(c.cited_text + c.separator for c in project.citations.order_by("sequence"))
        + project.basis_closing
    )
    assert "《干部档案工作条例、玉组通〔2018〕3号" in basis


def test_one_bad_file_among_several_fails_the_run_but_not_the_others(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    good = tmp_path / "good.txt"
    shutil.copy(SEED_TEXT, good)
    out = io.StringIO()
    with pytest.raises(CommandError, match="1 个文件未能导入"):
        call_command("import_disclosure", str(bad), str(good), stdout=out, stderr=io.StringIO())
    assert Disclosure.objects.count() == 1


def test_a_new_unit_joins_a_region_already_stored(seed, tmp_path):
    path = tmp_path / "other.txt"
    path.write_text(
        "中共澄江市委宣传部2024年预算重点领域财政项目文本公开\n项目名称：宣传经费\n"
        "资金安排情况：安排10万元。\n",
        encoding="utf-8",
    )
    run(path)
    department = Department.objects.get(name="中共澄江市委宣传部")
    assert department.region == Department.objects.get(name="中共澄江市委组织部").region
    assert department.short_name == "澄江市委宣传部"


def test_a_bare_figure_of_a_wan_yuan_table_is_stored_in_yuan(tmp_path):
    path = tmp_path / "table.txt"
    path.write_text(
        "某县文化和旅游局2024年项目文本公开\n项目名称：文物保护经费\n资金安排情况（单位：万元）\n"
        "项目\t金额\n文物修缮\t100\n合计\t150\n",
        encoding="utf-8",
    )
    run(path)
    project = Project.objects.get()
    assert (project.declared_total, project.declared_total_text) == (Decimal("1500000.00"), "")
    assert "合计\t150" in project.funding_text


def test_a_parser_failure_on_one_file_is_reported_and_the_others_imported(monkeypatch, tmp_path):
    from projects.management.commands import import_disclosure

    real = import_disclosure.parse_disclosure

    def parse(text, **options):
        if "坏" in text:
            raise IndexError("boom")
        return real(text, **options)

    monkeypatch.setattr(import_disclosure, "parse_disclosure", parse)
    bad = tmp_path / "bad.txt"
    bad.write_text("坏\n项目名称：甲", encoding="utf-8")
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_disclosure", str(bad), str(SEED_TEXT), stdout=out, stderr=io.StringIO()
        )
    assert "解析时出错（IndexError：boom）" in out.getvalue()
    assert Project.objects.count() == 2
