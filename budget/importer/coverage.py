"""Nothing lost: the input lines not found anywhere in the tree."""

from __future__ import annotations

import re
from typing import Any

from ..normalize import halfwidth, squash
from . import outline as o
from .lines import (
    sentence_stops,
)
from .numbering import LIST_MARKER

_PUNCTUATION = r"\s，,。；;：:、！!？?“”\"'（）()《》<>〈〉【】〔〕\[\]①-⑳"


_SPLIT = re.compile(rf"(?:[{_PUNCTUATION}]|(?<=[{_PUNCTUATION}])[0-9]{{1,2}}[.、])+")


def _texts(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [text for key, value in node.items() if key != "slug" for text in _texts(value)]
    if isinstance(node, list):
        return [text for value in node for text in _texts(value)]
    return []


def uncovered_lines(text: str, tree: dict) -> list[int]:
    """Line numbers of non-blank input lines not found in ``tree``.

    A line is found when each of its pieces (split at punctuation and list markers, the
    leading ``项目1.`` / ``一、`` / ``1.`` label and a recognised section keyword removed) is
    a substring of some text in the tree (whitespace and full-width forms aside).
    """
    texts = _texts(tree)
    for project in tree.get("projects", []):
        # 二 as written: preamble + Σ(cited_text + separator) + closing (docs/disclosure-tree.md)
        texts.append(
            project.get("basis_preamble", "")
            + "".join(c["cited_text"] + c["separator"] for c in project.get("citations", []))
            + project.get("basis_closing", "")
        )
    corpus = "\u0000".join(squash(part) for part in texts)
    missing = []
    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        heading = o.classify_heading(stripped)
        rest = heading.inline if heading else stripped
        if heading is None and o.project_marker(stripped) is not None:
            rest = o.project_marker(stripped)[1]
        rest = sentence_stops(LIST_MARKER.sub("", halfwidth(rest).strip()))
        pieces = [piece for piece in _SPLIT.split(rest) if piece]
        if any(squash(piece) not in corpus for piece in pieces):
            missing.append(number)
    return missing
