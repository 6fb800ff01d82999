"""Texts in traditional characters, and pinyin left inline by the sites that convert them.

Copies of county notices on other sites are often converted to traditional characters, some
with each converted character's reading left after it (``建設(shè)``, ``鎮(zhèn)``). The
portal publishes in simplified characters, so such a text is read in simplified characters:
OpenCC's ``t2s`` tables convert it line for line (the line count stays, so every value still
points at its source line) and the readings are removed. A text is converted only where it
is plainly traditional (a share of its characters change), never a simplified text that
happens to hold one traditional character; the importer says that it converted.

Pure Python, no Django.
"""

from __future__ import annotations

import functools
import re

import opencc

# A reading in brackets after a character, with its tone marks: 建設(shè), 鎮（zhèn）. Plain
# letters in brackets (a model, PE160; a clause, (a)) carry no tone mark and stay.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_READING = re.compile(
    rf"(?<=[\u4e00-\u9fff])[(（](?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}[)）]"
)
_HAN = re.compile(r"[\u4e00-\u9fff]")

# Below this share of its characters changed by t2s, a text is simplified already (a name
# such as 乾县 or one traditional character quoted is no sign).
TRADITIONAL_SHARE = 0.03


@functools.cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def _convert(line: str) -> str:
    try:
        return _converter().convert(line)
    except UnicodeEncodeError:
        return line  # (a lone surrogate OpenCC cannot take: the line stays as written)


def readings_removed(text: str) -> tuple[str, int]:
    """``text`` without the pinyin readings left after its characters, and how many went."""
    return _READING.subn("", text)


def simplified(text: str, *, always: bool = False) -> tuple[str, bool]:
    """``text`` in simplified characters without inline readings, line for line, and whether
    anything was changed: a text plainly in traditional characters is converted, one in
    simplified characters is returned as it is (but for readings, which no text means).
    ``always``: converted whatever its share (a name taken out of a converted text)."""
    text, readings = readings_removed(text)
    han = _HAN.findall(text)
    if not han:
        return text, bool(readings)
    lines = text.split("\n")
    converted = [_convert(line) for line in lines]
    changed = sum(
        sum(1 for a, b in zip(line, new, strict=False) if a != b)
        for line, new in zip(lines, converted, strict=True)
    )
    if not changed or (not always and changed < max(5, len(han) * TRADITIONAL_SHARE)):
        return text, bool(readings)
    return "\n".join(converted), True
