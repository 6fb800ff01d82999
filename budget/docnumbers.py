"""Chinese official document numbers (文号): parse one, find them in running prose.

A document number is the issuer's code, the year in brackets, the serial and 号, for
example ``澄办发〔2014〕104号``. GB/T 9704 writes the year between 六角括号 〔〕; real texts
also use 【】, （）, (), [], ［］, 〈〉 and a few look-alikes. :class:`DocNumber` keeps the
number exactly as written and gives its standard form (:attr:`DocNumber.normalised`).

In prose the issuer is the run of CJK characters right before the bracket, trimmed so that
it does not swallow the sentence around it: a leading 根据 / 按照 / 依据 / 及 / 和 … is
dropped, and so is anything up to a character that never occurs in an issuer's code
(的, 号, 年, 月 …), so ``2021年12月，玉溪市文明委（2021）10号`` gives ``玉溪市文明委`` and
``根据澄办发（2004）5号文件`` gives ``澄办发``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "STANDARD_BRACKETS",
    "DocNumber",
    "DocNumberError",
    "find_doc_numbers",
    "parse_doc_number",
]

STANDARD_BRACKETS = "〔〕"
MIN_YEAR = 1949
MAX_YEAR = 2100

# Opening and closing brackets met around the year. Any opening may pair with any closing:
# a mismatched pair is still a document number, only not a standard one.
_OPEN = "〔【（([［〈﹝〖〘{｛"
_CLOSE = "〕】）)]］〉﹞〗〙}｝"
_DIGITS = "[0-9０-９]"
_SPACE = "[ \t\u3000]*"

# Everything after the issuer: bracket, 4-digit year, bracket, optional 第, serial, 号.
_TAIL = re.compile(
    rf"(?P<open>[{re.escape(_OPEN)}]){_SPACE}(?P<year>{_DIGITS}{{4}}){_SPACE}"
    rf"(?P<close>[{re.escape(_CLOSE)}]){_SPACE}(?:第{_SPACE})?"
    rf"(?P<serial>{_DIGITS}{{1,6}}){_SPACE}号"
)

# The longest issuer run looked at; real codes are far shorter (玉溪市文明委 has 6).
_MAX_ISSUER = 20

# Characters and words that never occur in an issuer's code: the issuer starts after the
# last of them (文 alone does occur, in 文明委, so only 文件 breaks).
_BREAKS = (
    *"的了是将把被号年月日",
    *("文件", "通知", "精神", "规定", "办法", "意见", "要求", "印发", "转发"),
    # (a unit or a time, then 以 and the number it acts by: 市财政局近期以广财教〔2020〕53号)
    *("期以", "局以", "委以", "厅以", "府以", "已以", "现以"),
)

# Words that introduce a document number in prose; never the start of an issuer's code.
# Longest first, so that 以及 is tried before 及.
_LEADS = (
    *("根据", "按照", "依据", "依照", "参照", "遵照", "详见", "参见", "以及"),
    *("及", "和", "与", "并", "或", "按", "据", "见", "另", "又", "即", "如"),
)


class DocNumberError(ValueError):
    """A string that is not one document number; the message says why, in Chinese."""


@dataclass(frozen=True)
class DocNumber:
    """One document number as written, with where it was found.

    ``text`` is the number exactly as written (brackets and any spaces included),
    ``brackets`` the opening and closing bracket as written (``"【】"``), and ``start`` /
    ``end`` its span in the text searched (``text == searched[start:end]``).
    """

    issuer: str
    year: int
    serial: int
    text: str
    brackets: str
    start: int
    end: int

    @property
    def standard(self) -> bool:
        """Whether the year is between the standard 〔〕 of GB/T 9704."""
        return self.brackets == STANDARD_BRACKETS

    @property
    def normalised(self) -> str:
        """The standard form: ``云老发〔2013〕5号``."""
        return (
            f"{self.issuer}{STANDARD_BRACKETS[0]}{self.year}{STANDARD_BRACKETS[1]}{self.serial}号"
        )


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


def _issuer_start(text: str, bracket: int) -> int | None:
    """Where the issuer before ``text[bracket]`` starts, or None when there is none."""
    end = bracket
    while end > 0 and text[end - 1] in " \t\u3000":
        end -= 1
    start = end
    while start > 0 and end - start < _MAX_ISSUER and _is_cjk(text[start - 1]):
        start -= 1
    run = text[start:end]
    # A break, or a word introducing the number in prose (请你们严格按照舟财农〔2018〕18号):
    # the issuer's code starts after the last one.
    words = (*_BREAKS, *(lead for lead in _LEADS if len(lead) > 1))
    cut = max((run.rfind(word) + len(word) for word in words if word in run), default=0)
    start += cut
    stripped = True
    while stripped:
        stripped = False
        for lead in _LEADS:
            if text.startswith(lead, start) and end - start > len(lead):
                start += len(lead)
                stripped = True
                break
    return start if start < end else None


def _scan(text: str) -> list[DocNumber]:
    found: list[DocNumber] = []
    for match in _TAIL.finditer(text):
        year = int(match["year"])
        if not MIN_YEAR <= year <= MAX_YEAR:
            continue
        start = _issuer_start(text, match.start())
        if start is None:
            continue
        issuer = text[start : match.start()].rstrip(" \t\u3000")
        found.append(
            DocNumber(
                issuer=issuer,
                year=year,
                serial=int(match["serial"]),
                text=text[start : match.end()],
                brackets=match["open"] + match["close"],
                start=start,
                end=match.end(),
            )
        )
    return found


def find_doc_numbers(text: str) -> list[DocNumber]:
    """Every document number in running prose, in the order they are written.

    Bracketed years that are not followed by a serial and 号 (``（2021—2025年）``,
    ``（2023）实施``), years outside 1949–2100 and brackets with no issuer before them are
    not document numbers.
    """
    return _scan(text or "")


_EXAMPLE = "澄办发〔2014〕104号"


def parse_doc_number(text: str) -> DocNumber:
    """The one document number that ``text`` is, whole; raise :class:`DocNumberError` if not.

    Surrounding whitespace is ignored; the span is the one in ``text``.
    """
    source = text or ""
    stripped = source.strip()
    if not stripped:
        raise DocNumberError("文号为空。")
    offset = len(source) - len(source.lstrip())
    found = _scan(stripped)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(stripped):
        only = found[0]
        return DocNumber(
            issuer=only.issuer,
            year=only.year,
            serial=only.serial,
            text=only.text,
            brackets=only.brackets,
            start=only.start + offset,
            end=only.end + offset,
        )
    if found:
        raise DocNumberError(
            f"“{stripped}”中除文号外还有其他文字，文号应单独填写，例如“{_EXAMPLE}”。"
        )
    tail = _TAIL.search(stripped)
    if tail is not None:
        year = int(tail["year"])
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise DocNumberError(
                f"文号“{stripped}”中的年份 {year} 不在 {MIN_YEAR}—{MAX_YEAR} 年之间。"
            )
        raise DocNumberError(f"文号“{stripped}”缺少发文机关代字，例如“{_EXAMPLE}”中的“澄办发”。")
    raise DocNumberError(
        f"“{stripped}”不是有效的文号，应写成“发文机关代字〔年份〕序号号”，例如“{_EXAMPLE}”。"
    )
