"""二、立项依据 → preamble, ordered citations, closing sentence.

A citation is a title in 《》 with the document number (文号) written after it, in any
brackets or none (``《…》（云办发〔2006〕1号）``, ``《…》云办发〔2006〕1号``), or before it
(``玉组通〔2018〕3号《…》``, ``澄办发（2004）5号文件《…》``). Titles may hold nested 《》,
<>, 〈〉. Text between citations longer than a separator (a title cited without 《》, a
remark) becomes a citation of its own, kept as written and reported. The parts join back to
the section exactly: preamble + Σ(cited_text + separator) + closing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..docnumbers import DocNumber, find_doc_numbers

SEPARATOR_MAX = (
    10  # the database field's length  # Citation.separator is a short joiner: 、 ， 及 和 以及 …
)
# A joiner between two citations; in a numbered list it carries the next number (；\n2.).
_SEPARATOR = re.compile(
    r"^[\s、，,;；。及和与以及]*(?:[0-9]{1,2}[.．、]|[（(][0-9]{1,2}[）)]|[①-⑳])?\s*$"
)
_OPEN_TITLE = "《"
_CLOSE_TITLE = "》"
# Between a number and the title it precedes: nothing, a space, 文件, 号文, 的.
_BEFORE_TITLE = re.compile(r"^[】\]）)〕］]?\s*(?:文件|文)?\s*$")
_OPENING_BEFORE = "【[（(〔［"
_NOTE = re.compile(r"[（(][^（）()《》]{1,40}[）)]")
# Brackets that may enclose a number written after a title.
_ENCLOSE = {"（": "）", "(": ")", "[": "]", "【": "】", "〔": "〕", "［": "］"}


@dataclass(frozen=True)
class ParsedCitation:
    cited_text: str
    separator: str
    title: str
    document_number: str  # normalised 〔〕 form, "" when none
    bracketed_title: bool = True  # False: a title cited without 《》, kept as text


@dataclass(frozen=True)
class ParsedBasis:
    preamble: str
    citations: tuple[ParsedCitation, ...]
    closing: str
    problems: tuple[str, ...] = ()  # findings, in Chinese


def _title_spans(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """Top-level 《…》 spans (end exclusive) and problems with unbalanced brackets."""
    spans: list[tuple[int, int]] = []
    problems: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char == _OPEN_TITLE:
            if depth == 0:
                start = index
            depth += 1
        elif char == _CLOSE_TITLE:
            if depth == 0:
                problems.append(f"第{index + 1}个字符处的“》”没有对应的“《”，已按原文保留。")
                continue
            depth -= 1
            if depth == 0:
                spans.append((start, index + 1))
    if depth:
        problems.append(f"第{start + 1}个字符处的“《”没有对应的“》”，其后文字已按原文保留。")
    return spans, problems


def _number_after(text: str, position: int, limit: int) -> tuple[DocNumber, int] | None:
    """A document number right after ``position`` (in brackets or not): (number, end)."""
    window = text[position:limit]
    stripped = len(window) - len(window.lstrip())
    opening = window[stripped : stripped + 1]
    for number in find_doc_numbers(window):
        if number.start == stripped:
            if re.match(r"\s*(?:文件|文)?\s*《", text[position + number.end :]):
                # 《甲》玉组通〔2018〕3号《乙》: a bare number right before a title is that
                # title's (the way 玉组通〔2018〕3号《…》 is written), not the one before.
                return None
            return number, position + number.end
        if opening in _ENCLOSE and number.start == stripped + 1:
            closing = _ENCLOSE[opening]
            after = window[number.end : number.end + 1]
            end = number.end + (1 if after in (closing, "）", ")") else 0)
            return number, position + end
        break
    return None


def _number_before(text: str, start: int, title_start: int) -> DocNumber | None:
    """A document number ending right before ``title_start`` (``玉组通〔2018〕3号《…》``)."""
    window = text[start:title_start]
    found = find_doc_numbers(window)
    if not found:
        return None
    last = found[-1]
    if _BEFORE_TITLE.match(window[last.end :]) is None:
        return None
    begin = start + last.start
    if begin > start and text[begin - 1] in _OPENING_BEFORE and window[last.end : last.end + 1]:
        begin -= 1  # 【云财教〔2021〕88号】《…》: the brackets belong to the citation
    return DocNumber(
        issuer=last.issuer,
        year=last.year,
        serial=last.serial,
        text=last.text,
        brackets=last.brackets,
        start=begin,
        end=start + last.end,
    )


def _leading_joiner(text: str) -> int:
    """How many characters at the start of ``text`` are a separator (、，及 …)."""
    match = re.match(r"[\s、，,;；]*(?:以及|及|和|与)?[\s、，,;；]*", text)
    return match.end() if match else 0


def _bare(text: str) -> ParsedCitation:
    """Text between citations that is not a separator: kept as a citation of its own."""
    numbers = find_doc_numbers(text)
    number = numbers[0].normalised if len(numbers) == 1 else ""
    title = text
    if len(numbers) == 1:
        title = (text[: numbers[0].start] + text[numbers[0].end :]).strip(" （）()、，")
    return ParsedCitation(
        cited_text=text,
        separator="",
        title=title or text,
        document_number=number,
        bracketed_title=False,
    )


def parse_basis(text: str) -> ParsedBasis:
    """Split the 立项依据 text into preamble, citations and closing (see the module doc)."""
    spans, problems = _title_spans(text)
    if not spans:
        return ParsedBasis(preamble="", citations=(), closing=text, problems=tuple(problems))
    pieces: list[tuple[int, int, str, str]] = []  # (start, end, title, number)
    previous_end = 0
    for title_start, title_end in spans:
        begin = title_start
        before = _number_before(text, previous_end, title_start)
        number = ""
        if before is not None:
            begin = before.start
            number = before.normalised
        end = title_end
        if not number:
            following = spans[[s for s, _ in spans].index(title_start) + 1 :]
            limit = following[0][0] if following else len(text)
            after = _number_after(text, title_end, limit)
            if after is not None:
                number = after[0].normalised
                end = after[1]
            else:
                # A bracketed note that is not a 文号 (（农业农村部令2019年第4号）, （试行）)
                # stays with the citation it follows.
                note = _NOTE.match(text, title_end)
                if note is not None and note.end() <= limit:
                    end = note.end()
        # A title wrapped over two lines is one title (the citation keeps the break).
        title = re.sub(r"\s*\n\s*", "", text[title_start + 1 : title_end - 1])
        pieces.append((begin, end, title, number))
        previous_end = end

    # The preamble ends at the first citation; a long preamble with a bare title in it stays
    # the preamble (its field holds up to 200 characters).
    preamble = text[: pieces[0][0]]
    citations: list[ParsedCitation] = []
    for index, (begin, end, title, number) in enumerate(pieces):
        next_begin = pieces[index + 1][0] if index + 1 < len(pieces) else None
        citation = ParsedCitation(
            cited_text=text[begin:end], separator="", title=title, document_number=number
        )
        if next_begin is None:
            citations.append(citation)
            break
        gap = text[end:next_begin]
        if len(gap) <= SEPARATOR_MAX and _SEPARATOR.match(gap):
            citations.append(
                ParsedCitation(
                    cited_text=citation.cited_text,
                    separator=gap,
                    title=title,
                    document_number=number,
                )
            )
            continue
        # A bare title (or other words) between two citations: split off the joiners.
        lead = _leading_joiner(gap)
        trail_match = re.search(r"[\s、，,;；]*$", gap[lead:])
        trail = lead + trail_match.start() if trail_match else len(gap)
        middle = gap[lead:trail]
        if len(gap[:lead]) > SEPARATOR_MAX or len(gap[trail:]) > SEPARATOR_MAX:
            middle = gap
            lead, trail = 0, len(gap)
        citations.append(
            ParsedCitation(
                cited_text=citation.cited_text,
                separator=gap[:lead],
                title=title,
                document_number=number,
            )
        )
        bare = _bare(middle)
        citations.append(
            ParsedCitation(
                cited_text=bare.cited_text,
                separator=gap[trail:],
                title=bare.title,
                document_number=bare.document_number,
                bracketed_title=False,
            )
        )
        problems.append(f"“{middle[:40]}”未加书名号，已作为一条依据按原文保留。")
    closing = text[pieces[-1][1] :]
    return ParsedBasis(
        preamble=preamble,
        citations=tuple(citations),
        closing=closing,
        problems=tuple(problems),
    )
