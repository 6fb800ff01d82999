#!/usr/bin/env python3
"""Re-typeset a few texts of tests/importer/corpus/ as the Word, PDF and Excel files their
publishers would have had, for scoring the importer's file readers (sourcefiles/).

Only the characters of each .txt are used: nothing is added, dropped, fixed or reordered. The
one change is that table rows flattened on the stored page (`a | b | ||||`, one line per row,
every `|` closing one cell) become real table rows again: one cell per cell, merged or empty
cells as empty cells, a row cut short by the page's truncation padded with empty cells.
Lines outside tables stay one paragraph (PDF: one <p>, Excel: one row in column A) each.

Each output is named as its source (NN_name.docx beside NN_name.txt), so tests/importer/score.py
scores it against the same NN_name.expected.json: the format's reader must give what the text
gives.

Run with the project's venv (python-docx, WeasyPrint and openpyxl installed there), from the
repository's root:
    .venv/bin/python tests/importer/corpus/retypeset.py [--corpus DIR] [--out DIR]
The output is deterministic in content (same text, same rows); the files' timestamps differ.
"""

from __future__ import annotations

import argparse
import html
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE

# Which lines (1-based, inclusive) of each source are table rows, table by table. Every other
# line is a paragraph. Checked below: each table line carries a `|`, except those listed in
# "cut_rows" (a last row the stored page cut before its first `|`).
SOURCES = {
    # Notice + three attached tables (附件1 5 cols, 附件2 3 cols, 附件3 8 cols); line 25 `龙门`
    # is the first cell of 附件3's next row, cut off by the stored page.
    "15_dehua_2020_shiji_fupin_dierpi_anpaibiao": {
        "format": "docx",
        "tables": [(8, 14), (15, 19), (20, 25)],
        "cut_rows": [25],
    },
    # Notice + one 18-column table (every full row has 18 `|`; the last is cut after 17 cells).
    "45_daye_2024_shengji_xianjie_zijin_tese_chanye_xiangmu_anpaibiao": {
        "format": "docx",
        "tables": [(13, 17)],
    },
    # A 13-column self-evaluation form and nothing else (every row has 13 `|` but the cut last).
    "59_nanhua_yeshengjun_jiagong_chejian_zipingbiao": {
        "format": "docx",
        "tables": [(1, 17)],
    },
    # Prose notice, no table. The last two lines (issuer, date) are the signature.
    "13_wenquan_taxiu_huanbao_lajixiang_gongshi": {
        "format": "pdf",
        "tables": [],
        "title_lines": [],
        "centered_lines": [],
        "signature_lines": [12, 13],
    },
    # Titled notice + attached one-row table (6 columns).
    "54_keqiao_2024_youcha_zhongzhi_jiangbu_gongshi": {
        "format": "pdf",
        "tables": [(13, 14)],
        "title_lines": [1],
        "centered_lines": [12],
        "signature_lines": [9, 10],
    },
    # Titled notice + attached 10-column list, flattened one cell per line ending ` |`: the
    # header is lines 8-17, the one project lines 18-27, the 合计 row lines 28-29.
    "31_huaibei_2023_turang_wuran_fangzhi_zijin_fenpei": {
        "format": "xlsx",
        "one_cell_per_line_rows": [(8, 17), (18, 27), (28, 29)],
        "title_lines": [1, 7],
    },
}


# ---------------------------------------------------------------------------- the text


def source_lines(stem: str, corpus: Path) -> list[str]:
    text = (corpus / f"{stem}.txt").read_text(encoding="utf-8")
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n")


def row_cells(line: str) -> list[str]:
    """A flattened row's cells: every `|` closes one cell (so `a | ||` is `a`, ``, ``); a row
    with no closing `|` (cut, or the flattener's last) keeps its last piece as a cell."""
    pieces = line.split("|")
    if line.rstrip().endswith("|"):
        pieces = pieces[:-1]
    return [piece.strip() for piece in pieces]


def blocks(stem: str, corpus: Path) -> list[tuple[str, object]]:
    """The text as ("p", line number, text) and ("table", [[cells]]) blocks, in order."""
    spec = SOURCES[stem]
    lines = source_lines(stem, corpus)
    out: list[tuple] = []
    table_at = {start: end for start, end in spec.get("tables", [])}
    cut = set(spec.get("cut_rows", []))
    number = 1
    while number <= len(lines):
        if number in table_at:
            rows = []
            for n in range(number, table_at[number] + 1):
                line = lines[n - 1]
                if "|" not in line and n not in cut:
                    raise SystemExit(f"{stem}: line {n} is in a table but has no `|`: {line!r}")
                rows.append(row_cells(line) if "|" in line else [line.strip()])
            width = max(len(row) for row in rows)
            out.append(("table", [row + [""] * (width - len(row)) for row in rows]))
            number = table_at[number] + 1
            continue
        if "|" in lines[number - 1]:
            raise SystemExit(f"{stem}: line {number} has a `|` but is not in a table")
        out.append(("p", number, lines[number - 1]))
        number += 1
    return out


# ---------------------------------------------------------------------------- Word


def make_docx(stem: str, corpus: Path, target: Path) -> None:
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "宋体"
    normal.font.size = Pt(12)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    for kind, *rest in blocks(stem, corpus):
        if kind == "p":
            _, text = rest
            # One paragraph per line, as typed; an empty line is an empty paragraph.
            document.add_paragraph(text.strip())
            continue
        (rows,) = rest
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for row, cells in zip(table.rows, rows, strict=True):
            for cell, text in zip(row.cells, cells, strict=False):
                cell.text = text  # an empty cell stays empty
    document.core_properties.title = stem
    document.save(target)


# ---------------------------------------------------------------------------- PDF

CJK_SERIF = "Noto Serif CJK SC"  # fc-list :lang=zh; WeasyPrint finds it through fontconfig
CJK_SANS = "Noto Sans CJK SC"

CSS = f"""
@page {{ size: A4; margin: 2.5cm 2.6cm; }}
body {{ font-family: "{CJK_SERIF}"; font-size: 12pt; line-height: 1.6; }}
p {{ margin: 0; text-indent: 2em; text-align: justify; }}
p.title {{ font-family: "{CJK_SANS}"; font-weight: bold; font-size: 16pt; text-align: center;
           text-indent: 0; margin: 0 0 0.8em; }}
p.center {{ text-align: center; text-indent: 0; font-weight: bold; margin: 0.6em 0 0.4em; }}
p.signature {{ text-align: right; text-indent: 0; }}
p.signature.first {{ margin-top: 1.2em; }}
table {{ border-collapse: collapse; width: 100%; margin-top: 0.4em; font-size: 10.5pt; }}
td {{ border: 0.75pt solid black; padding: 3pt 4pt; text-align: center; vertical-align: middle; }}
"""


def make_pdf(stem: str, corpus: Path, target: Path) -> None:
    from weasyprint import HTML

    spec = SOURCES[stem]
    signature = spec.get("signature_lines", [])
    body = []
    for kind, *rest in blocks(stem, corpus):
        if kind == "p":
            number, text = rest
            classes = []
            if number in spec.get("title_lines", []):
                classes.append("title")
            elif number in spec.get("centered_lines", []):
                classes.append("center")
            elif number in signature:
                classes += ["signature"] + (["first"] if number == signature[0] else [])
            attr = f' class="{" ".join(classes)}"' if classes else ""
            body.append(f"<p{attr}>{html.escape(text.strip())}</p>")
            continue
        (rows,) = rest
        cells = "\n".join(
            "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
            for row in rows
        )
        body.append(f"<table>\n{cells}\n</table>")
    page = (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        f"<title>{html.escape(stem)}</title><style>{CSS}</style></head>\n<body>\n"
        + "\n".join(body)
        + "\n</body></html>\n"
    )
    HTML(string=page).write_pdf(target)


# ---------------------------------------------------------------------------- Excel


def _number_or_text(text: str):
    """A cell as Excel would hold it: a number when the text is one and reads back the same
    (so `125` is 125, `2023` is 2023; `10.30` or `007` stay text), else the text."""
    if re.fullmatch(r"-?(0|[1-9][0-9]*)", text):
        return int(text)
    if re.fullmatch(r"-?(0|[1-9][0-9]*)\.[0-9]+", text):
        try:
            value = float(text)
        except (ValueError, InvalidOperation):
            return text
        if f"{value:.15g}" == text and Decimal(text) == Decimal(f"{value:.15g}"):
            return value
    return text


def make_xlsx(stem: str, corpus: Path, target: Path) -> None:
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side

    spec = SOURCES[stem]
    lines = source_lines(stem, corpus)
    row_at = {start: end for start, end in spec["one_cell_per_line_rows"]}
    width = max(end - start + 1 for start, end in spec["one_cell_per_line_rows"])
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    thin = Side(style="thin")
    grid = Border(left=thin, right=thin, top=thin, bottom=thin)
    row = 0
    number = 1
    while number <= len(lines):
        row += 1
        if number in row_at:
            end = row_at[number]
            for column, n in enumerate(range(number, end + 1), 1):
                line = lines[n - 1]
                if not line.rstrip().endswith("|") or line.count("|") != 1:
                    raise SystemExit(f"{stem}: line {n} is not one cell ending ` |`: {line!r}")
                cell = sheet.cell(row=row, column=column, value=_number_or_text(row_cells(line)[0]))
                cell.alignment = Alignment(wrap_text=True, vertical="center")
            for column in range(1, width + 1):
                sheet.cell(row=row, column=column).border = grid
            number = end + 1
            continue
        line = lines[number - 1]
        if "|" in line:
            raise SystemExit(f"{stem}: line {number} has a `|` but is not in a table row")
        cell = sheet.cell(row=row, column=1, value=line.strip() or None)
        if number in spec.get("title_lines", []):
            # A title over the table: centered across all its columns, as publishers set it.
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
            cell.alignment = Alignment(horizontal="center")
            cell.font = Font(bold=True, size=14)
        number += 1
    for column, size in zip("ABCDEFGHIJ", (6, 6, 12, 30, 6, 6, 6, 40, 16, 12), strict=True):
        sheet.column_dimensions[column].width = size
    book.save(target)


# ---------------------------------------------------------------------------- main

MAKERS = {"docx": make_docx, "pdf": make_pdf, "xlsx": make_xlsx}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=CORPUS)
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    for stem, spec in SOURCES.items():
        kind = spec["format"]
        target = options.out / f"{stem}.{kind}"
        MAKERS[kind](stem, options.corpus, target)
        print(f"{target.name:<75} <- {stem}.txt")


if __name__ == "__main__":
    main()
