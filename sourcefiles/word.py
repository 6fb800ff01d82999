"""Word (.docx) through python-docx: paragraphs and tables in reading order, with the numbers
Word draws in front of numbered paragraphs (一、 （二） 3. ①), which are not in the text."""

from __future__ import annotations

import io

from budget.importer.numbering import CIRCLED, chinese_number

from .lines import Line, SourceText, UnreadableFile, row_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

_STEMS = "甲乙丙丁戊己庚辛壬癸"


def _roman(n: int) -> str:
    out = ""
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    # Word repeats the letter past z: a … z, aa … zz.
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """Counter ``n`` in Word's number format ``fmt`` (ECMA-376 ST_NumberFormat)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified"):
        return chinese_number(n) if 0 < n < 1000 else str(n)
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= 20:
        return CIRCLED[n - 1]
    if fmt == "ideographTraditional" and 0 < n <= 10:
        return _STEMS[n - 1]
    if fmt == "decimalFullWidth":
        return str(n).translate({ord(d): 0xFF10 + int(d) for d in "0123456789"})
    if fmt == "lowerLetter":
        return _letters(n)
    if fmt == "upperLetter":
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


class _Numbering:
    """The labels of numbered paragraphs, counted as Word counts them: per list, a level's
    counter going up resets the levels below it."""

    def __init__(self, document) -> None:
        self.levels: dict[tuple[str, int], tuple[int, str, str]] = {}
        self.counters: dict[str, list[int | None]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for node in root.iter(f"{_W}abstractNum"):
            levels = {}
            for lvl in node.iter(f"{_W}lvl"):
                start = lvl.find(f"{_W}start")
                fmt = lvl.find(f"{_W}numFmt")
                text = lvl.find(f"{_W}lvlText")
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = (
                    int(start.get(f"{_W}val", "1")) if start is not None else 1,
                    fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal",
                    text.get(f"{_W}val", "") if text is not None else "",
                )
            abstract[node.get(f"{_W}abstractNumId")] = levels
        for num in root.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            levels = dict(abstract.get(ref.get(f"{_W}val") if ref is not None else None, {}))
            for override in num.iter(f"{_W}lvlOverride"):
                level = int(override.get(f"{_W}ilvl", "0"))
                start = override.find(f"{_W}startOverride")
                if start is not None and level in levels:
                    _, fmt, text = levels[level]
                    levels[level] = (int(start.get(f"{_W}val", "1")), fmt, text)
            for level, spec in levels.items():
                self.levels[(num.get(f"{_W}numId"), level)] = spec

    def label(self, paragraph) -> str:
        num_id, level = _num_pr(paragraph)
        if num_id is None or (num_id, level) not in self.levels:
            return ""
        counters = self.counters.setdefault(num_id, [None] * 9)
        start = self.levels[(num_id, level)][0]
        current = counters[level]
        counters[level] = start if current is None else current + 1
        for deeper in range(level + 1, 9):
            counters[deeper] = None
        _, fmt, text = self.levels[(num_id, level)]
        if fmt in ("bullet", "none"):
            return ""
        for shown in range(level + 1):
            spec = self.levels.get((num_id, shown))
            value = counters[shown]
            if value is None:
                value = spec[0] if spec else 1
            text = text.replace(f"%{shown + 1}", format_number(value, spec[1] if spec else fmt))
        return text


def _num_pr(paragraph) -> tuple[str | None, int]:
    """The list and level of a paragraph: its own, or its style's (one level of styles)."""
    for holder in (paragraph._p.pPr, _style_ppr(paragraph)):
        if holder is None:
            continue
        num_pr = holder.find(f"{_W}numPr")
        if num_pr is None:
            continue
        num_id = num_pr.find(f"{_W}numId")
        level = num_pr.find(f"{_W}ilvl")
        value = num_id.get(f"{_W}val") if num_id is not None else None
        if value in (None, "0"):  # numId 0 switches numbering off
            return None, 0
        return value, int(level.get(f"{_W}val", "0")) if level is not None else 0
    return None, 0


def _style_ppr(paragraph):
    try:
        style = paragraph.style
    except (KeyError, ValueError):
        return None
    return style.element.pPr if style is not None else None


def _cells(row) -> list[str]:
    """A row's cells, each once: a cell merged across columns is one cell in python-docx's
    list, repeated."""
    seen, texts = set(), []
    for cell in row.cells:
        if id(cell._tc) in seen:
            continue
        seen.add(id(cell._tc))
        texts.append(" ".join(p.text.strip() for p in cell.paragraphs if p.text.strip()))
    return texts


def read_docx(data: bytes) -> SourceText:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise UnreadableFile("Word 文件已损坏，无法打开。") from error
    except Exception as error:  # lxml's XMLSyntaxError and kin: a damaged part
        raise UnreadableFile("Word 文件已损坏，无法打开。") from error
    numbering = _Numbering(document)
    lines: list[Line] = []
    paragraphs = tables = 0
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            tables += 1
            for number, row in enumerate(block.rows, 1):
                text = row_text(_cells(row))
                if text:
                    lines.append(Line(text, f"表{tables} 第{number}行"))
            continue
        paragraphs += 1
        label = numbering.label(block)  # an empty numbered paragraph takes a number too
        text = block.text.strip()
        if not text:
            continue
        for part in (label + text).split("\n"):  # a line break inside a paragraph
            if part.strip():
                lines.append(Line(part.strip(), f"第{paragraphs}段"))
    return SourceText("docx", tuple(lines))
