"""File names made from what people wrote: safe on every common system, still readable.

Project names, disclosure titles and department names end up as file names: in
``Content-Disposition`` headers and as the names of files inside the zips. Written as they
are, a name like ``培训/../../../x`` makes a naive extractor write outside its folder, and
``<>:"|?*``, control characters, a trailing dot or a name like ``CON`` break extraction on
Windows. :func:`safe_component` turns any text into one path component that every common
system (Windows, macOS, Linux, zip tools) takes as it is, keeping the Chinese readable;
:class:`UniqueNames` keeps the names within one archive apart (``-2``, ``-3`` …).

Pure Python, no Django: the views and the zip writers call it with the texts of the records.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["MAX_BYTES", "UniqueNames", "safe_component", "safe_filename"]

# Bytes, in UTF-8, of one component: ext4 and most file systems allow 255, Windows 255 UTF-16
# units; 180 leaves room for a "-2" and for tools that add their own suffix.
MAX_BYTES = 180
FALLBACK = "未命名"
REPLACEMENT = "_"

# Forbidden on Windows (and "/" everywhere), plus the look-alike slashes that Windows' best-fit
# conversion to a legacy code page turns back into "/" or "\" in tools using the ANSI API.
_FORBIDDEN = frozenset('/\\:*?"<>|' + "\uff0f\uff3c\u2215\u2216\u2044\u29f8\u29f9\ufe68")
# Windows reserves these stems whatever the extension ("con.txt", "COM1.pdf"), superscript
# digits included.
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{port}{n}" for port in ("COM", "LPT") for n in "0123456789¹²³"}
)
_SPACES = re.compile(r"\s+")
_EDGES = re.compile(r"^[\s.]+|[\s.]+$")


def _is_noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def _character(char: str) -> str:
    """What one character becomes: itself, a space, the replacement, or nothing."""
    if char in _FORBIDDEN:
        return REPLACEMENT
    if char.isspace():
        return " "  # tab, new line, ideographic space …: one space, collapsed below
    category = unicodedata.category(char)
    # Cc: control characters; Cf: invisible formatting (bidi overrides, zero-width, BOM, soft
    # hyphen); Cs: lone surrogates. They make a name look like another, or break tools.
    if category in ("Cc", "Cf", "Cs") or _is_noncharacter(ord(char)):
        return ""
    return char


def _cut(text: str, max_bytes: int) -> str:
    """The longest prefix of ``text`` whose UTF-8 form fits ``max_bytes``, cut between
    characters."""
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    return encoded[:max_bytes].decode("utf-8", errors="ignore")


def _tidy(text: str) -> str:
    # NFC after the removals: a removed character may have stood between two that compose.
    text = unicodedata.normalize("NFC", text)
    return _EDGES.sub("", _SPACES.sub(" ", text))


def _reserved(text: str) -> bool:
    return text.split(".", 1)[0].rstrip(" ").upper() in _RESERVED


def safe_component(text: str, *, max_bytes: int = MAX_BYTES, fallback: str = FALLBACK) -> str:
    """``text`` as one path component safe on every common system.

    - no ``/ \\ : * ? " < > |`` (nor the slashes that turn into them): each becomes ``_``;
    - no control, invisible formatting (bidi, zero-width) or non-characters: dropped; every
      kind of white space becomes one space;
    - no leading or trailing dots or spaces, never ``.`` or ``..``;
    - no Windows reserved name (``CON``, ``NUL``, ``COM1`` …, with any extension): prefixed
      with ``_``;
    - at most ``max_bytes`` bytes in UTF-8, cut between characters;
    - never empty (``fallback`` when nothing is left), NFC, and the same when made safe again.
    """
    if max_bytes < 16:
        raise ValueError("max_bytes must leave room for a name")
    cleaned = _tidy("".join(_character(c) for c in unicodedata.normalize("NFC", text)))
    cleaned = _tidy(_cut(cleaned, max_bytes))
    if not cleaned:
        cleaned = safe_component(fallback, max_bytes=max_bytes) if fallback else REPLACEMENT
    if _reserved(cleaned):
        cleaned = REPLACEMENT + _tidy(_cut(cleaned, max_bytes - len(REPLACEMENT)))
    return cleaned


_EXTENSION = re.compile(r"[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*")


def safe_filename(stem: str, extension: str, *, max_bytes: int = MAX_BYTES) -> str:
    """``stem.extension`` as a safe component: a long stem is cut, the extension (the code's
    own, such as ``pdf`` or ``tar.gz``) is kept."""
    if not _EXTENSION.fullmatch(extension):
        raise ValueError(f"not an extension: {extension!r}")
    room = max(max_bytes - len(extension) - 1, 16)
    return safe_component(
        f"{safe_component(stem, max_bytes=room)}.{extension}", max_bytes=max_bytes
    )


class UniqueNames:
    """The names given out within one archive, kept apart.

    Two paths that a case-insensitive file system takes as one (``A.pdf``, ``a.pdf``) count
    as the same; the later becomes ``a-2.pdf``, then ``a-3.pdf`` … A folder and a file cannot
    share a path either. Every name is made safe with :func:`safe_component`.
    """

    def __init__(self, taken=(), *, max_bytes: int = MAX_BYTES):
        self.max_bytes = max_bytes
        self._taken = {self._key(path) for path in taken}

    @staticmethod
    def _key(path: str) -> str:
        return unicodedata.normalize("NFC", path).casefold()

    def _numbered(self, name: str, n: int, *, extension: bool) -> str:
        stem, dot, ext = name.rpartition(".") if extension else ("", "", "")
        if not dot or not stem:
            stem, ext = name, ""
        suffix = f"-{n}" + (f".{ext}" if ext else "")
        room = self.max_bytes - len(suffix.encode("utf-8"))
        return safe_component(_cut(stem, room) + suffix, max_bytes=self.max_bytes)

    def _claim(self, name: str, folder: str, *, extension: bool) -> str:
        prefix = f"{folder}/" if folder else ""
        name = safe_component(name, max_bytes=self.max_bytes)
        candidate, n = name, 1
        while self._key(prefix + candidate) in self._taken:
            n += 1
            candidate = self._numbered(name, n, extension=extension)
        self._taken.add(self._key(prefix + candidate))
        return prefix + candidate

    def file(self, name: str, folder: str = "") -> str:
        """A file's path in ``folder`` (a path from :meth:`folder`, or the root): the name made
        safe, numbered before its extension if the path is taken."""
        return self._claim(name, folder, extension=True)

    def folder(self, name: str, parent: str = "") -> str:
        """A new folder's path in ``parent``: the name made safe, numbered if taken."""
        return self._claim(name, parent, extension=False)
