"""Bytes to text: disclosures come as UTF-8 (with or without BOM), UTF-16 or GB18030/GBK.

Exported Word and PDF texts on Chinese government sites are mostly UTF-8 or GBK; GB18030 is
a superset of GBK, so one strict decode covers both. Detection is by trying strict decodes
in that order: UTF-8 is self-checking (a GBK text almost never decodes as UTF-8), and a
binary file fails both, or decodes to control characters, which is checked too.
"""

from __future__ import annotations

from dataclasses import dataclass

from budget.text import cleaned

MAX_BYTES = 20 * 1024 * 1024
"""The largest input read (20 MB); a real disclosure text is well below 1 MB."""

# Control characters other than tab, newline, carriage return and form feed mean the bytes
# were not text, whatever they happened to decode to.
_ALLOWED_CONTROLS = {"\t", "\n", "\r", "\f"}
_MAX_CONTROL_SHARE = 0.001


class DecodeError(ValueError):
    """Bytes that are not a disclosure text; the message says why, in Chinese."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-16" or "gb18030"


def _controls(text: str) -> int:
    return sum(1 for char in text if char < " " and char not in _ALLOWED_CONTROLS)


def check_size(data: bytes) -> None:
    """:class:`DecodeError` for a file that is empty or larger than :data:`MAX_BYTES`."""
    if len(data) > MAX_BYTES:
        raise DecodeError(
            f"文件过大（{len(data) / 1024 / 1024:.1f} MB），最多可导入 "
            f"{MAX_BYTES // 1024 // 1024} MB。"
        )
    if not data.strip():
        raise DecodeError("文件为空。")


def decode_bytes(data: bytes) -> Decoded:
    """The text of ``data``, or :class:`DecodeError` for empty, oversized or binary input."""
    check_size(data)
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DecodeError("文件不是文本（含有二进制内容），请先从 Word 或 PDF 导出为文本。")
    attempts = (
        ("utf-16", data.startswith((b"\xff\xfe", b"\xfe\xff"))),
        ("utf-8-sig", True),
        ("gb18030", True),
    )
    for encoding, applies in attempts:
        if not applies:
            continue
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _controls(text) > max(1, len(text) * _MAX_CONTROL_SHARE):
            raise DecodeError("文件不是文本（含有控制字符），请先从 Word 或 PDF 导出为文本。")
        name = "utf-8" if encoding == "utf-8-sig" else encoding
        # Conversion debris (form feeds at page breaks, zero-width spaces, bidi marks) goes
        # here, by the rule every entrance applies (budget.text).
        text = cleaned(text.replace("\r\n", "\n").replace("\r", "\n"))
        return Decoded(text=text, encoding=name)
    raise DecodeError("无法识别文件编码：既不是 UTF-8，也不是 GB18030/GBK。请另存为 UTF-8 文本。")
