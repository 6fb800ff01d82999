"""One pasted citation: ``《云南省老干部政治待遇的八项制度规定》（云办发〔2006〕1号）``.

Staff paste a citation as it stands in a 立项依据; :func:`parse_citation` splits it into the
document's title (without 《》) and its 文号 (standard form), whichever bracket the number was
written in and whether it comes before or after the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .docnumbers import DocNumber, find_doc_numbers

__all__ = ["CitationError", "PastedCitation", "parse_citation"]

_TITLE = re.compile(r"《([^《》]+)》")
# What may stand around a title and its number without being part of either.
_FILLER = re.compile(
    r"[\s　（）()〔〕【】\[\]［］,，、;；:：.。《》]|文件|的|和|及|以及|根据|按照|依据"
)


class CitationError(ValueError):
    """Text that is not one citation; the message says why, in Chinese."""


@dataclass(frozen=True)
class PastedCitation:
    title: str
    number: DocNumber | None

    @property
    def document_number(self) -> str:
        return self.number.normalised if self.number else ""


def parse_citation(text: str) -> PastedCitation:
    """The title and 文号 of one citation, or :class:`CitationError` saying what is wrong."""
    source = (text or "").strip()
    if not source:
        raise CitationError("引文为空。")
    if source.count("《") != source.count("》"):
        raise CitationError(f"“{source}”中的书名号《》不成对。")
    titles = _TITLE.findall(source)
    if not titles:
        raise CitationError(f"“{source}”中没有用书名号《》标出的文件标题。")
    if len(titles) > 1:
        raise CitationError(f"“{source}”中有 {len(titles)} 个文件标题，请一次粘贴一条引文。")
    title = titles[0].strip()
    if not title:
        raise CitationError("书名号《》中没有文件标题。")
    rest = _TITLE.sub(" ", source)
    numbers = find_doc_numbers(rest)
    if len(numbers) > 1:
        raise CitationError(f"“{source}”中有 {len(numbers)} 个文号，请一次粘贴一条引文。")
    leftover = rest
    if numbers:
        leftover = rest[: numbers[0].start] + rest[numbers[0].end :]
    if _FILLER.sub("", leftover):
        raise CitationError(
            f"“{source}”中除标题和文号外还有“{_FILLER.sub('', leftover)}”，请只粘贴一条引文。"
        )
    return PastedCitation(title=title, number=numbers[0] if numbers else None)
