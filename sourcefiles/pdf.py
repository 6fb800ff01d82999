"""PDF through pdfplumber (on pdfminer.six): the text layer page by page, tables found by
their ruling lines and kept as rows, everything in reading order from the top of the page.

A PDF has no paragraphs, only printed lines: a line that runs to the right margin and is
followed by one starting at the left margin (not indented, as a Chinese paragraph's first
line is) continues the same paragraph and is joined to it. A page without text is a scanned
image; it is named in the notes, and a file of nothing but such pages is refused: the
portal does not guess text from pictures.
"""

from __future__ import annotations

import io
import re

from .lines import Line, SourceText, UnreadableFile, row_text

MAX_PAGES = 100

_CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


def joined(first: str, second: str) -> str:
    """Two pieces of one wrapped line: Chinese (and a number next to it) join with nothing
    between, Latin words with a space."""
    if not first or not second:
        return first + second
    if _CJK.match(first[-1]) or _CJK.match(second[0]):
        return first + second
    return first + " " + second


def _cell(text: str | None) -> str:
    pieces = [piece.strip() for piece in (text or "").split("\n") if piece.strip()]
    out = ""
    for piece in pieces:
        out = joined(out, piece)
    return out


def _inside(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    middle_x = (obj["x0"] + obj["x1"]) / 2
    middle_y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= middle_x <= x1 and top <= middle_y <= bottom for x0, top, x1, bottom in boxes)


def _line_text(chars: list[dict], char: float) -> tuple[str, float]:
    """A printed line's text, with `` | `` where a wide gap parts columns (a table drawn
    without ruling lines), and how much of its width its characters fill (prose is dense)."""
    chars = sorted(chars, key=lambda c: c["x0"])
    out, filled, previous = "", 0.0, None
    for c in chars:
        if previous is not None:
            gap = c["x0"] - previous["x1"]
            if gap > char * 2:
                out += " | "
            elif gap > char * 0.25 and not (_CJK.match(previous["text"]) or _CJK.match(c["text"])):
                out += " "
        out += c["text"]
        filled += c["x1"] - c["x0"]
        previous = c
    width = chars[-1]["x1"] - chars[0]["x0"] if chars else 0.0
    return out.strip(), (filled / width if width else 1.0)


def _paragraphs(lines: list[dict], page_width: float) -> list[tuple[float, str]]:
    """Printed lines joined into paragraphs (see the module's note), with each one's top.
    The right margin is taken at most as wide as the left one, so that a page of short lines
    (a title over a table) is not read as lines running on."""
    lines = [line for line in lines if line.get("chars")]
    if not lines:
        return []
    left = min(line["x0"] for line in lines)
    right = max(max(line["x1"] for line in lines), page_width - left)
    sizes = [c["x1"] - c["x0"] for line in lines for c in line["chars"] if c["text"].strip()]
    char = sorted(sizes)[len(sizes) // 2] if sizes else 10.0
    out: list[tuple[float, str]] = []
    open_paragraph = False
    for line in lines:
        text, filled = _line_text(line["chars"], char)
        if not text:
            continue
        starts_at_margin = line["x0"] - left < char * 0.8
        if open_paragraph and starts_at_margin and " | " not in text:
            top, previous = out[-1]
            out[-1] = (top, joined(previous, text))
        else:
            out.append((line["top"], text))
        # A line runs on into the next when it reaches the right margin filled with text;
        # a table row drawn without lines has gaps and stands alone.
        open_paragraph = right - line["x1"] < char * 1.5 and filled > 0.85 and " | " not in text
    return out


def check_pdf(data: bytes) -> None:
    """Refuse an encrypted, damaged or too long PDF without reading its pages' text."""
    with _open(data) as pdf:
        _pages(pdf)


def _pages(pdf) -> list:
    try:
        pages = pdf.pages
    except Exception as error:
        raise UnreadableFile("PDF 文件已损坏，无法读取页面。") from error
    if len(pages) > MAX_PAGES:
        raise UnreadableFile(f"PDF 有 {len(pages)} 页，最多可导入 {MAX_PAGES} 页。")
    return pages


def _open(data: bytes):
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise UnreadableFile(
            "PDF 设有打开密码（已加密），无法读取。请取消密码后再上传。"
        ) from error
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as error:
        raise UnreadableFile("PDF 文件已损坏，无法打开。") from error
    except Exception as error:  # pdfminer raises many kinds of its own on damaged files
        if "password" in str(error).lower() or "encrypt" in type(error).__name__.lower():
            raise UnreadableFile(
                "PDF 设有打开密码（已加密），无法读取。请取消密码后再上传。"
            ) from error
        raise UnreadableFile("PDF 文件已损坏，无法打开。") from error
    return pdf


def read_pdf(data: bytes) -> SourceText:
    lines: list[Line] = []
    empty_pages: list[int] = []
    with _open(data) as pdf:
        pages = _pages(pdf)
        for number, page in enumerate(pages, 1):
            try:
                lines += _page(page, number, empty_pages)
            except UnreadableFile:
                raise
            except Exception as error:
                raise UnreadableFile(f"PDF 第{number}页已损坏，无法读取。") from error
            page.close()
    if len(empty_pages) == len(pages):
        raise UnreadableFile(
            "PDF 中没有文字层（可能是扫描件或图片），无法读取文字。"
            "请上传 Word 文件，或带文字的 PDF（由 Word、WPS 直接导出的 PDF）。"
        )
    notes = tuple(f"第{n}页没有文字层（可能是扫描页），该页未读取。" for n in empty_pages)
    return SourceText("pdf", tuple(lines), notes=notes)


def _page(page, number: int, empty_pages: list[int]) -> list[Line]:
    if not page.chars:
        empty_pages.append(number)
        return []
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    blocks: list[tuple[float, list[Line]]] = [
        (top, [Line(text, f"第{number}页")])
        for top, text in _paragraphs(outside.extract_text_lines(return_chars=True), page.width)
    ]
    for index, table in enumerate(tables, 1):
        rows = []
        for row_number, row in enumerate(table.extract(), 1):
            text = row_text([_cell(cell) for cell in row])
            if text:
                rows.append(Line(text, f"第{number}页 表{index} 第{row_number}行"))
        blocks.append((table.bbox[1], rows))
    blocks.sort(key=lambda block: block[0])
    return [line for _, block in blocks for line in block]
