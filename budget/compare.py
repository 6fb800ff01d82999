"""A readable comparison of two revisions: which texts and amounts changed, and how.

Each revision is given as an ordered mapping from a stable key (e.g. ``sub_item/3/name``) to
``(label, text)``; the result lists what was changed, added or removed, in the newer
revision's order (removed entries after), with a character-level diff for changed text, since
Chinese has no spaces to diff words by.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

Entries = dict[str, tuple[str, str]]
Kind = Literal["changed", "added", "removed"]


@dataclass(frozen=True)
class Piece:
    op: Literal["same", "removed", "added"]
    text: str


@dataclass(frozen=True)
class Change:
    key: str
    label: str
    kind: Kind
    old: str
    new: str
    whole: bool = False  # an amount: shown as old → new, never digit by digit

    @property
    def pieces(self) -> list[Piece]:
        if self.whole:
            return [p for p in (Piece("removed", self.old), Piece("added", self.new)) if p.text]
        return inline_diff(self.old, self.new)


def inline_diff(old: str, new: str) -> list[Piece]:
    """Pieces that read as the old text (same + removed) and as the new (same + added)."""
    pieces: list[Piece] = []
    matcher = SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(Piece("same", old[a1:a2]))
            continue
        if a2 > a1:
            pieces.append(Piece("removed", old[a1:a2]))
        if b2 > b1:
            pieces.append(Piece("added", new[b1:b2]))
    return pieces


def compare(old: Entries, new: Entries, whole: frozenset[str] = frozenset()) -> list[Change]:
    """The changes from ``old`` to ``new``; keys in ``whole`` are compared as whole values."""
    changes = []
    for key, (label, text) in new.items():
        if key not in old:
            changes.append(Change(key, label, "added", "", text, key in whole))
        elif old[key][1] != text:
            changes.append(Change(key, label, "changed", old[key][1], text, key in whole))
    for key, (label, text) in old.items():
        if key not in new:
            changes.append(Change(key, label, "removed", text, "", key in whole))
    return changes
