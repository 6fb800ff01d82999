"""The PDF as an auditor opens it: fonts, layout marks, archival metadata, attached data."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest
from django.utils.html import escape

from publications import render

from .conftest import pdf_text, reader

SEED_TEXT = (
    Path(__file__).resolve().parents[2] / "fixtures/seed/source/000_9d70447241eac908.txt"
).read_text(encoding="utf-8")
NOTO = re.compile(r"^/?[A-Z]{6}\+Noto-(Serif|Sans)-CJK-SC(-Bold)?$")


def to_unicode(font) -> dict[int, str]:
    """A Type 0 font's ToUnicode CMap: glyph code → text."""
    data = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    mapping: dict[int, str] = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for low, high, text in re.findall(
            r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
        ):
            start = int(text, 16)
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                mapping[code] = chr(start + offset)
    return mapping


def fonts(content: bytes) -> dict[str, dict[int, str]]:
    """Every font used on any page: base name → ToUnicode map; each must be embedded."""
    found = {}
    for page in reader(content).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font
            found.setdefault(str(font["/BaseFont"]), {}).update(to_unicode(font))
    return found


def seed_characters() -> set[str]:
    return {char for char in SEED_TEXT if not char.isspace()}


def test_every_seed_character_is_drawn_by_an_embedded_noto_cjk_face():
    """The whole seed text, in each of the four faces the stylesheet uses: each face embeds a
    real glyph for every character (nothing falls back to another font, nothing is .notdef)."""
    text = escape(SEED_TEXT)
    faces = [
        ("Noto Serif CJK SC", "normal"),
        ("Noto Serif CJK SC", "bold"),
        ("Noto Sans CJK SC", "normal"),
        ("Noto Sans CJK SC", "bold"),
    ]
    html = "".join(
        f"<p style=\"font-family:'{family}';font-weight:{weight}\">{text}</p>"
        for family, weight in faces
    )
    content, _, _ = render.write_pdf(f'<html lang="zh-CN"><body>{html}</body></html>')
    embedded = fonts(content)
    assert len(embedded) == 4, sorted(embedded)
    for name, mapping in embedded.items():
        assert NOTO.match(name), name
        assert 0 not in mapping, f"{name} draws .notdef"
        missing = seed_characters() - set("".join(mapping.values()))
        assert not missing, (name, sorted(missing))


def test_the_seed_pdfs_use_only_embedded_noto_cjk(seed_pdfs):
    for pdf in (seed_pdfs.project, seed_pdfs.disclosure):
        embedded = fonts(pdf.content)
        assert embedded, "no fonts"
        for name, mapping in embedded.items():
            assert NOTO.match(name), name
            assert 0 not in mapping


def test_sections_read_in_order_with_page_numbers_and_running_header(seed_pdfs):
    pdf = seed_pdfs.project
    text = pdf_text(pdf.content)
    headings = ["一、项目名称", "二、立项依据", "三、项目实施单位", "四、项目基本概况"]
    headings += ["五、项目实施内容", "六、资金安排情况", "七、项目实施计划", "八、项目实施成效"]
    positions = [text.index(h) for h in headings]
    assert positions == sorted(positions)
    for page in range(1, pdf.pages + 1):
        page_text = pdf_text(pdf.content, page, page)
        assert re.search(rf"—\s*{page}\s*—", page_text), page
        assert "中共澄江市委组织部 · 2024年度 · 项目1 第1版" in page_text


def test_long_tables_repeat_their_header_row_on_the_next_page(seed_pdfs):
    pdf = seed_pdfs.project
    continued = [
        page
        for page in range(2, pdf.pages + 1)
        if "计算过程" in (t := pdf_text(pdf.content, page, page)) and "测算明细" not in t
    ]
    assert continued, "no calculation table continues onto a new page with its header"


def test_disclosure_pdf_holds_every_project_in_order(seed_pdfs):
    pdf = seed_pdfs.disclosure
    cover = re.sub(r"\s+", "", pdf_text(pdf.content, 1, 1))
    assert "中共澄江市委组织部2024年预算重点领域财政项目文本公开" in cover
    assert (
        "项目1.干部教育培训专项资金" in cover and "项目2.引领乡村振兴工作经费" in cover
    )  # contents
    starts = {}
    for page in range(2, pdf.pages + 1):
        text = re.sub(r"\s+", "", pdf_text(pdf.content, page, page))
        for heading in ("项目1.干部教育培训专项资金", "项目2.引领乡村振兴工作经费"):
            if heading in text:
                starts.setdefault(heading, page)
    assert 2 == starts["项目1.干部教育培训专项资金"] < starts["项目2.引领乡村振兴工作经费"]
    assert "项目2第1版" in re.sub(r"\s+", "", pdf_text(pdf.content, pdf.pages, pdf.pages))


def test_archival_metadata(seed_pdfs):
    pdf = reader(seed_pdfs.project.content)
    info = pdf.metadata
    assert info.title.startswith("中共澄江市委组织部2024年预算重点领域财政项目文本公开：项目1.")
    assert info.author == "中共澄江市委组织部"
    assert "2024" in info.subject
    assert "干部教育培训专项资金" in info["/Keywords"]
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "zh-CN"
    assert root["/MarkInfo"]["/Marked"].value is True
    assert "/StructTreeRoot" in root  # tagged PDF
    assert root["/OutputIntents"][0].get_object()["/S"] == "/GTS_PDFA1"
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfaid:part[^0-9]*3", xmp)
    assert re.search(r"pdfaid:conformance[^A-Z]*B", xmp)


def test_attached_data_is_the_record_sorted_by_name_and_its_checksums_are_printed(seed_pdfs):
    pdf = seed_pdfs.project
    files = {name: data[0] for name, data in reader(pdf.content).attachments.items()}
    names = list(files)
    assert (
        names
        == sorted(names)
        == ["chengjiang-zzb-2024-p1-r1.csv", "chengjiang-zzb-2024-p1-r1.json"]
    )
    assert json.loads(files["chengjiang-zzb-2024-p1-r1.json"]) == json.loads(
        json.dumps(seed_pdfs.tree)
    )
    assert files["chengjiang-zzb-2024-p1-r1.csv"].decode("utf-8").startswith("\ufeff年度,")
    last_page = pdf_text(pdf.content, pdf.pages, pdf.pages)
    for data in files.values():
        assert hashlib.sha256(data).hexdigest() in last_page.replace(" ", "")
    assert "第1版" in last_page and "公开日期" in last_page
    catalog = reader(pdf.content).trailer["/Root"]
    relationships = {str(spec.get_object()["/AFRelationship"]) for spec in catalog["/AF"]}
    assert relationships == {"/Data"}


@pytest.mark.django_db
@pytest.mark.render_afresh  # both renderings real: what the test run's copies rely on
def test_same_revision_gives_identical_bytes(seed):
    from projects import selectors
    from projects.models import Project

    project = selectors.with_tree(Project.objects.filter(sequence=1)).get()
    first = render.project_pdf(project)
    again = render.project_pdf(selectors.with_tree(Project.objects.filter(sequence=1)).get())
    assert first.content == again.content
    assert first.sha256 == again.sha256


def test_every_sub_item_name_and_line_amount_is_in_the_text(seed_pdfs, seed_tree):
    from decimal import Decimal

    from budget.amounts import format_yuan

    text = re.sub(r"\s+", "", pdf_text(seed_pdfs.project.content))
    project = seed_tree["projects"][0]
    for sub_item in project["sub_items"]:
        assert re.sub(r"\s+", "", sub_item["name"]) in text, sub_item["name"]

    def lines(nodes):
        for node in nodes:
            yield node
            yield from lines(node["children"])

    for sub_item in project["sub_items"]:
        for line in lines(sub_item["lines"]):
            if line["amount_yuan"] is not None:
                shown = format_yuan(Decimal(line["amount_yuan"]), unit=False)
                assert shown in text, (line["name"], shown)
    assert "150万元" in text and "296.733669万元" in text  # declared against itemised


def test_first_page_is_not_blank(seed_pdfs, tmp_path):
    source = tmp_path / "p.pdf"
    source.write_bytes(seed_pdfs.project.content)
    subprocess.run(
        ["pdftoppm", "-f", "1", "-l", "1", "-r", "30", "-gray", str(source), str(tmp_path / "p")],
        check=True,
    )
    (image,) = tmp_path.glob("p-*.pgm")
    header, _, pixels = image.read_bytes().partition(b"\n255\n")
    assert header.startswith(b"P5")
    inked = sum(1 for value in pixels if value < 200)
    assert inked > len(pixels) // 200  # antialiased text inks well over 0.5% of the page


def test_nothing_is_drawn_past_the_page_margins(seed_pdfs):
    """Every word of the whole document lies within pdf.css's @page margins (A4, 24 mm on the
    right, 26 mm on the left), the running header and page numbers included: a table column
    whose heading could not wrap once pushed 申报金额（万元） and the table's right border off the
    text block."""
    bbox = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"],
        input=seed_pdfs.disclosure.content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    points_per_mm = 72 / 25.4
    pages = re.findall(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', bbox, re.S)
    assert len(pages) > 5
    for number, (width, words) in enumerate(pages, start=1):
        right = float(width) - 24 * points_per_mm + 1  # a point of slack for rounding
        left = 26 * points_per_mm - 1
        number_ = r"-?[\d.]+"
        box = rf'<word xMin="({number_})" yMin="{number_}" xMax="({number_})" yMax="{number_}">'
        boxes = re.findall(box + "(.*?)</word>", words)
        assert len(boxes) == words.count("<word ")  # every word read, none skipped
        for x_min, x_max, word in boxes:
            assert left <= float(x_min) and float(x_max) <= right, (number, word, x_max)


def _struct_elements(pdf):
    """Every structure element of the tagged PDF, walked from its root."""
    root = pdf.trailer["/Root"]["/StructTreeRoot"].get_object()
    todo, seen = [root], []
    while todo:
        element = todo.pop()
        seen.append(element)
        kids = element.get("/K", [])
        kids = kids if isinstance(kids, list) else [kids]
        for kid in kids:
            if hasattr(kid, "get_object"):
                kid = kid.get_object()
            if isinstance(kid, dict) and kid.get("/Type", "/StructElem") == "/StructElem":
                if "/S" in kid:
                    todo.append(kid)
    return seen


@pytest.mark.parametrize("which", ["project", "disclosure"])
def test_the_pdfs_claim_pdf_ua_and_keep_what_it_asks_of_links_and_lists(seed_pdfs, which):
    pdf = reader(getattr(seed_pdfs, which).content)
    root = pdf.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    # PDF/UA-1 clause 5, declared as PDF/A-3 asks of a property outside its schemas; PDF/A
    # is still claimed.
    assert re.search(r'pdfuaid:part="1"', xmp)
    assert "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" in xmp
    assert re.search(r"pdfaid:part[^0-9]*3", xmp) and xmp.count("</rdf:RDF>") == 1
    # ISO 14289-1 7.18.5: each link annotation once, tagged Link (WeasyPrint annotates a
    # link twice when an element sits between <a> and its text, the copy tagged NonStruct).
    parents = root["/StructTreeRoot"]["/ParentTree"].get_object()["/Nums"]
    tagged = {parents[i]: parents[i + 1].get_object() for i in range(0, len(parents), 2)}
    links = 0
    for page in pdf.pages:
        seen = set()
        for annotation in page.get("/Annots", []) or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") != "/Link":
                continue
            links += 1
            assert tagged[annotation["/StructParent"]]["/S"] == "/Link"
            place = (tuple(float(x) for x in annotation["/Rect"]), str(annotation.get("/A")))
            assert place not in seen, place
            seen.add(place)
    assert links > 10  # the citations' links, at least
    # 7.2-20: a list item holds a label and a body, nothing else.
    items = [e for e in _struct_elements(pdf) if e.get("/S") == "/LI"]
    assert items
    for item in items:
        kids = item["/K"] if isinstance(item["/K"], list) else [item["/K"]]
        for kid in kids:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict) and "/S" in kid:
                assert kid["/S"] in ("/Lbl", "/LBody"), kid["/S"]


VERAPDF = os.environ.get("VERAPDF", "")


@pytest.mark.skipif(not VERAPDF, reason="set VERAPDF to a veraPDF command to run it")
@pytest.mark.parametrize("flavour", ["3b", "ua1"])
def test_verapdf_passes_the_pdfs(seed_pdfs, tmp_path, flavour):
    for which in ("project", "disclosure"):
        path = tmp_path / f"{which}.pdf"
        path.write_bytes(getattr(seed_pdfs, which).content)
        report = subprocess.run(
            [*shlex.split(VERAPDF), "-f", flavour, "--format", "text", str(path)],
            capture_output=True,
            text=True,
            timeout=600,
        ).stdout
        assert report.startswith("PASS"), report[:2000]
