"""Addresses of one shape, many times: ``reverse()`` once per process, then string work.

``reverse()`` takes some 40 µs, and the project page needs six addresses of its revision
(its permalink, its PDF, its JSON, CSV and XLSX files, its disclosure) on every uncached
view. ``address()`` reverses each name once (per script prefix and URL configuration, and
per value of its string arguments) with marked stand-ins for its UUIDs and integers, whose
text in a path is their own ``str()``, and later puts the values in their place. For
anything else (a string that is not slug-like, ``[-a-z0-9]``) it calls ``reverse()``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from uuid import UUID

from django.urls import get_script_prefix, get_urlconf, reverse

_SLUG = re.compile(r"[-a-z0-9]+\Z")


def _stand_in(index: int, kind):
    if kind is UUID:
        return UUID(int=0xF00D_0000 + index)
    if kind is int:
        return 1_987_654_300 + index  # within the num converter (projects/converters.py)
    return kind  # a string is part of the template's key, not stood in for


@lru_cache(maxsize=2048)
def _template(name: str, kinds: tuple[tuple[str, object], ...], prefix: str, urlconf):
    """The address of ``name`` as text between the names of the values that go into it
    (``["/projects/", "lineage", "/r", "revision", "/"]``); None where a stand-in's text is not
    in it exactly once."""
    stand_ins = {key: _stand_in(index, kind) for index, (key, kind) in enumerate(kinds)}
    text = reverse(name, urlconf=urlconf, kwargs=stand_ins)
    marks = {str(v): key for key, v in stand_ins.items() if isinstance(v, UUID | int)}
    if any(text.count(mark) != 1 for mark in marks):
        return None
    if not marks:
        return [text]
    # Split at the stand-ins: texts at even places, value names at odd ones.
    pieces = re.split("(" + "|".join(re.escape(mark) for mark in marks) + ")", text)
    return [marks[piece] if index % 2 else piece for index, piece in enumerate(pieces)]


def _kind(value):
    """UUIDs and integers are stood in for; a string is taken as it is."""
    kind = type(value)
    if kind is UUID or kind is int:
        return kind
    if kind is str and _SLUG.match(value):
        return value
    return None


def address(name: str, **kwargs) -> str:
    """``reverse(name, kwargs=kwargs)``: the same text (tests/test_addresses.py)."""
    kinds = tuple((key, _kind(value)) for key, value in kwargs.items())
    if any(kind is None for _, kind in kinds):
        return reverse(name, kwargs=kwargs)
    pieces = _template(name, kinds, get_script_prefix(), get_urlconf())
    if pieces is None:
        return reverse(name, kwargs=kwargs)
    return "".join(str(kwargs[piece]) if index % 2 else piece for index, piece in enumerate(pieces))
