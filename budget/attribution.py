"""Money a project's text ties to one of the documents it cites.

A project cites documents in 二、立项依据 as its basis as a whole; the registry of documents
must not credit each of them with the project's whole total. Where the text ties money to a
document itself (``⑤…经费0.3万元。根据玉老通〔2018〕15号文件…``), that money is the
document's: a line item whose passage (its ①…⑳ segment of the sub-item's content or plan)
names the document, by its number or its title in 《》, is attributed its amount; a sub-item
whose text names it outside any line's passage is attributed its total. Nothing else is.

Pure Python, no Django.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from .docnumbers import find_doc_numbers
from .rollups import line_amount, sub_item_total
from .tree import ProjectData, SubItemData

_SEGMENT = re.compile(r"[①-⑳]")


@dataclass(frozen=True)
class Attributed:
    """Money the text ties to a document: where (子项目1 ⑤) and how much (元)."""

    sub_item: int
    place: str  # "⑤ 名称" for a line, "" for the whole sub-item
    amount: Decimal


def _names(text: str, number: str, title: str) -> bool:
    if title and f"《{title}》" in text:
        return True
    return bool(number) and any(found.normalised == number for found in find_doc_numbers(text))


def passages(texts) -> tuple[str, dict[str, str]]:
    """(the text of ``texts`` — (field, text) pairs — outside any ①…⑳ passage, each passage
    by its marker, a marker's passages in several texts joined)."""
    outside, found = "", {}
    for _field, text in texts:
        marks = list(_SEGMENT.finditer(text))
        outside += text[: marks[0].start()] if marks else text
        for mark, following in zip(marks, [*marks[1:], None], strict=False):
            end = following.start() if following else len(text)
            found[mark.group()] = found.get(mark.group(), "") + text[mark.end() : end]
    return outside, found


def _sub_item(sub: SubItemData, number: str, title: str) -> list[Attributed]:
    outside, found = passages(sub.texts)
    lines = [
        Attributed(sub.sequence, f"{line.marker} {line.name}".strip(), amount)
        for line in sub.lines
        if line.marker in found
        and _names(found[line.marker], number, title)
        and (amount := line_amount(line)) is not None
    ]
    if lines:
        return lines
    total = sub_item_total(sub)
    if total is not None and _names(outside, number, title):
        return [Attributed(sub.sequence, "", total)]
    return []


def attributed(project: ProjectData, *, number: str, title: str) -> list[Attributed]:
    """The money ``project``'s text ties to the document of ``number`` (〔〕 form, or "")
    and ``title`` (without 《》); [] when the text ties none to it."""
    return [item for sub in project.sub_items for item in _sub_item(sub, number, title)]
