"""Path converters for numbers in public addresses: a number the database cannot hold (a
revision of 20 digits, a year of 10) does not match, so the address answers 404 like any other
that names nothing, never a 500 from the query."""

from __future__ import annotations

from django.urls import register_converter

# PostgreSQL's integer, the widest column any of these numbers is compared with.
LARGEST = 2**31 - 1


class BoundedIntConverter:
    """Like Django's ``int``, for 1 to 10 digits and values up to ``LARGEST``."""

    regex = "[0-9]{1,10}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > LARGEST:
            raise ValueError(value)  # no match: 404
        return number

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(BoundedIntConverter, "num")
