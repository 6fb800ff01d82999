"""Text cells for spreadsheets: what the records say, written so a spreadsheet never runs it.

Every CSV and XLSX the portal writes holds texts that budget units (or anyone who got past the
admin) wrote. Two things can go wrong when such a file is opened:

- a CSV cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return is taken by Excel,
  WPS and LibreOffice for a formula (``=HYPERLINK(…)``, ``=cmd|'/c calc'!A1``): CSV injection.
  :func:`csv_text` prefixes such a text with an apostrophe, as OWASP advises, which spreadsheets
  show as text; numbers are never passed through it;
- an XLSX is XML, which cannot hold most control characters (openpyxl refuses them with
  ``IllegalCharacterError``). :func:`xlsx_text` replaces each with U+FFFD (�), so the file is
  always written and a reader sees that the record holds a character the format cannot carry.
  A carriage return is legal, but every XML reader turns it into a line feed: it is written as
  one, so the cell holds what a reader gets. (XLSX cells are written as text cells, never
  formulas, so they need no apostrophe.)

A yes-or-no field is written 是/否 in every CSV (:func:`yes_no`), as people read it.

Pure Python, no Django: used by every CSV and XLSX writer (``projects.exports``,
``opendata.csvdata``, ``opendata.package``, ``opendata.xlsx``).
"""

from __future__ import annotations

import re

__all__ = ["FORMULA_PREFIXES", "XLSX_ILLEGAL", "csv_text", "xlsx_text"]

# OWASP, CSV Injection: the characters a cell must not start with.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# What XML 1.0 cannot carry: the C0 controls but tab, new line and carriage return (the set
# openpyxl's ILLEGAL_CHARACTERS_RE refuses), lone surrogates and the non-characters U+FFFE and
# U+FFFF (which openpyxl lets through into a file Excel will not open).
XLSX_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"


def csv_text(text: str) -> str:
    """A text cell of a CSV: ``text``, with a leading apostrophe when a spreadsheet would take
    it for a formula. For text columns only: amounts and counts go out as numbers."""
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def xlsx_text(text: str) -> str:
    """A text cell of an XLSX: ``text`` with every character XML cannot hold replaced by
    U+FFFD, and line breaks written as line feeds (as XML reads them back)."""
    return XLSX_ILLEGAL.sub(REPLACEMENT, text.replace("\r\n", "\n").replace("\r", "\n"))


def yes_no(value: bool) -> str:
    """A yes-or-no field in a CSV: 是 or 否 (the package declares them its true and false)."""
    return "是" if value else "否"
