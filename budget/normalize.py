"""Text normalisation that keeps positions: one character in, one character out.

Chinese documents mix full-width (全角) and half-width (半角) forms of the same characters:
``２０万元`` and ``20万元``, ``60人＊100元``, ``３，５１６，３４４元``. The parsers of this
package read the half-width form; because :func:`halfwidth` maps every character to exactly
one character, an index into its result is the same index into the text as written, so an
error can point at the character the reader typed.
"""

from __future__ import annotations

import re

__all__ = ["blank_titles", "excerpt", "halfwidth", "position_phrase", "squash"]

EXCERPT_LIMIT = 60

_IDEOGRAPHIC_SPACE = "\u3000"

# U+FF01..U+FF5E (！..～) are the full-width forms of ASCII U+0021..U+007E, same order.
_FULLWIDTH_FIRST = 0xFF01
_FULLWIDTH_LAST = 0xFF5E
_ASCII_OFFSET = 0xFF01 - 0x21

_TABLE: dict[int, int] = {
    code: code - _ASCII_OFFSET for code in range(_FULLWIDTH_FIRST, _FULLWIDTH_LAST + 1)
}
_TABLE[ord(_IDEOGRAPHIC_SPACE)] = ord(" ")


def halfwidth(text: str) -> str:
    """Return ``text`` with full-width ASCII forms replaced by their half-width forms.

    Full-width digits, Latin letters and ASCII punctuation (``０``-``９``, ``Ａ``-``ｚ``,
    ``，．＊＝（）／－`` …, the block U+FF01-U+FF5E) become ASCII, and the ideographic
    space U+3000 becomes an ASCII space. Nothing else changes: CJK characters, the
    brackets ``〔〕【】《》``, ``×``, circled numbers ``①②``, ``、。`` and the yuan sign
    ``￥`` stay as they are.

    The result has the same length as ``text`` (one character in, one character out), so
    positions in the result are positions in ``text``. The function is idempotent.
    """
    return text.translate(_TABLE)


def squash(text: str) -> str:
    """``text`` half-width and without whitespace, to compare a cell or a line with words
    whatever its spacing (``总 投 资（万元）`` → ``总投资(万元)``); positions are not kept."""
    return re.sub(r"\s+", "", halfwidth(text))


_CITED_TITLE = re.compile(r"《[^《》]*》")


def blank_titles(text: str) -> str:
    """``text`` half-width, each document title it cites (《…》) blanked out with spaces of
    the same length: what the text itself says (its years, its counts), at the same
    positions, without the words of the documents it names."""
    return _CITED_TITLE.sub(lambda cited: _IDEOGRAPHIC_SPACE * len(cited.group()), halfwidth(text))


def excerpt(text: str, limit: int = EXCERPT_LIMIT) -> str:
    """The text as quoted in an error message: a long text is cut with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def position_phrase(text: str, position: int | None) -> str:
    """Where in ``text`` a problem is, as a reader counts: ``第3个字符“三”`` or ``末尾``."""
    if position is None:
        return ""
    if position >= len(text):
        return "末尾"
    char = text[position]
    if char.isspace():
        return f"第{position + 1}个字符（空格）"
    return f"第{position + 1}个字符“{char}”"


def split_outside_brackets(words: str, marks: str = "、") -> list[str]:
    """``words`` split at each of ``marks`` outside brackets (B(甲片区、乙片区) stays one)."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(words):
        depth += char in "(（"
        depth -= char in ")）"
        if char in marks and depth == 0:
            parts.append(words[start:index])
            start = index + 1
    return [*parts, words[start:]]
