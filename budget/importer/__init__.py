"""The text importer: disclosure text (财政项目文本公开) → disclosure tree, findings.

Pure Python, no Django: :func:`parse_disclosure` gives the tree that ``manage.py
load_disclosure`` reads (``portal.disclosure-tree/1``, docs/disclosure-tree.md), and
``manage.py import_disclosure`` writes it as drafts. :func:`decode_bytes` reads UTF-8,
UTF-16 and GB18030/GBK input.
"""

from .build import ImportResult, TextImportError, default_title, parse_disclosure, uncovered_lines
from .decode import DecodeError, decode_bytes

__all__ = [
    "DecodeError",
    "ImportResult",
    "TextImportError",
    "decode_bytes",
    "default_title",
    "parse_disclosure",
    "uncovered_lines",
]
