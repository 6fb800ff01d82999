"""Characters no text of a disclosure holds: one rule for every entrance.

A disclosure's texts are read by people, printed in PDFs and written into spreadsheets. Some
characters have no place in any of them:

- control characters (Unicode category Cc: NUL, BEL, ESC …) other than tab, line feed and
  carriage return, which only multi-line texts may hold: they print as boxes in a PDF, break
  XML (XLSX, the PDF's metadata) and PostgreSQL refuses NUL;
- invisible formatting characters (Cf): zero-width spaces and joiners, the bidi controls that
  make ``txt.exe`` read as ``exe.txt`` (U+202E), the byte-order mark, the soft hyphen. A 文号,
  a classification code or a title holding one looks like another and is not found by search;
- line and paragraph separators (U+2028, U+2029), lone surrogates and non-characters.

:func:`problem` says, in Chinese, which character is where, for a form or a loader to refuse
the text with; :func:`cleaned` removes them, for the importer, whose input is a document
exported from Word or a PDF, where such characters are conversion debris (a form feed at a
page break becomes a line break). The models apply :func:`problem` to every text field
(``projects.models.PlainText``), so the admin, the loader and anything else that validates
refuses the same characters the same way.

Pure Python, no Django.
"""

from __future__ import annotations

import unicodedata

__all__ = ["cleaned", "describe", "problem", "unwanted"]

# Multi-line texts (sections of the disclosure) keep their line structure.
MULTILINE_CONTROLS = frozenset("\t\n\r")
SINGLE_LINE_CONTROLS = frozenset("\t")
# Categories refused everywhere: control, invisible formatting, surrogate, line and paragraph
# separators.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})

_NAMES = {
    "\x00": "空字符 NUL",
    "\x07": "响铃字符",
    "\x08": "退格字符",
    "\x0b": "垂直制表符",
    "\x0c": "换页符",
    "\x1b": "转义字符",
    "\x7f": "删除字符",
    "\n": "换行符",
    "\r": "回车符",
    "\u00ad": "软连字符",
    "\u061c": "阿拉伯字母标记",
    "\u200b": "零宽空格",
    "\u200c": "零宽不连字",
    "\u200d": "零宽连字",
    "\u200e": "从左至右标记",
    "\u200f": "从右至左标记",
    "\u202a": "从左至右嵌入",
    "\u202b": "从右至左嵌入",
    "\u202c": "方向格式结束",
    "\u202d": "从左至右覆盖",
    "\u202e": "从右至左覆盖",
    "\u2028": "行分隔符",
    "\u2029": "段分隔符",
    "\u2060": "字连接符",
    "\u2066": "从左至右隔离",
    "\u2067": "从右至左隔离",
    "\u2068": "首强隔离",
    "\u2069": "方向隔离结束",
    "\ufeff": "零宽不换行空格（BOM）",
}


def _noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _refused(char: str, allowed: frozenset[str]) -> bool:
    if char in allowed:
        return False
    if char in "\n\r":  # control characters, refused in a single line
        return True
    code = ord(char)
    return unicodedata.category(char) in _REFUSED_CATEGORIES or _noncharacter(code)


def unwanted(text: str, *, multiline: bool) -> list[tuple[int, str]]:
    """Each refused character of ``text`` with its index, in order."""
    allowed = MULTILINE_CONTROLS if multiline else SINGLE_LINE_CONTROLS
    return [(index, char) for index, char in enumerate(text) if _refused(char, allowed)]


def describe(char: str) -> str:
    """``U+202E（从右至左覆盖）``: the character as a reader can look it up."""
    name = _NAMES.get(char)
    if name is None:
        category = unicodedata.category(char)
        name = {"Cc": "控制字符", "Cf": "不可见的格式字符", "Cs": "无效的代理字符"}.get(
            category, "不可见字符"
        )
    return f"U+{ord(char):04X}（{name}）"


def problem(text: str | None, *, multiline: bool) -> str | None:
    """Why ``text`` cannot be stored, in Chinese, naming the first refused character and
    where it is; None when every character may stay."""
    if not text:
        return None
    found = unwanted(text, multiline=multiline)
    if not found:
        return None
    index, char = found[0]
    more = f"（共{len(found)}个）" if len(found) > 1 else ""
    return (
        f"含有不可见或控制字符{more}：第{index + 1}个字符是 {describe(char)}。"
        "这类字符在页面上看不见，却会改变文字的含义或损坏下载文件，请删除后再保存"
        "（可将该处文字删掉后重新输入）。"
    )


# Form feeds and vertical tabs stand between pages and lines of a converted document.
_LINE_BREAKS = {"\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n"}


def cleaned(text: str, *, multiline: bool = True) -> str:
    """``text`` without the characters :func:`problem` refuses; in a multi-line text, form
    feeds, vertical tabs and line or paragraph separators become line breaks. Idempotent."""
    allowed = MULTILINE_CONTROLS if multiline else SINGLE_LINE_CONTROLS
    out = []
    for char in text:
        if multiline and char in _LINE_BREAKS:
            out.append(_LINE_BREAKS[char])
        elif not _refused(char, allowed):
            out.append(char)
    return "".join(out)
