"""Search keys and character n-grams for substring search over Chinese text.

Chinese has no spaces between words, so search matches substrings: 慰问 must find 慰问金. A
database finds substrings fast only through an index, and the index this package feeds holds
the *character unigrams and bigrams* of a text: every substring ``q`` of a text has all its
n-grams in the text's set (see :func:`query_grams`), so the index answers "which rows may
contain ``q``" exactly for one and two characters — the common length of a Chinese query — and
narrows longer queries to a few rows that a ``LIKE`` then checks.

Both sides go through :func:`search_key` first: full-width forms become half-width and letters
upper case, so ``ＡＢＣ２０２４`` and ``abc2024`` are the same key. Each field of a record is
keyed on its own and the keys are joined by :data:`SEPARATOR`, which no key contains, so a
query never matches across two fields.

The ``*_literal`` helpers write PostgreSQL ``tsvector`` / ``tsquery`` input by hand, quoting
every lexeme, so that the grams are stored and matched exactly as given (never through a
text-search parser, which would split, fold and stem them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .docnumbers import find_doc_numbers
from .normalize import halfwidth

__all__ = [
    "SEPARATOR",
    "SearchDocument",
    "ngrams",
    "query_grams",
    "search_document",
    "search_key",
    "search_terms",
    "tsquery_literal",
    "tsvector_literal",
]

SEPARATOR = "\n"


# Line breaks and other control characters become spaces, so SEPARATOR never occurs in a key
# and a LIKE on the joined document stays within one field.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")


def search_key(text: str) -> str:
    """The form both a text and a query are compared in: half-width, upper case, one line.

    Every character maps on its own (``halfwidth``, ``str.upper``, control characters to a
    space), so the key of a substring is a substring of the key.
    """
    return _CONTROLS.sub(" ", halfwidth(text).upper())


def _bigrams(run: str) -> set[str]:
    return {run[i : i + 2] for i in range(len(run) - 1)}


def ngrams(key: str) -> set[str]:
    """The distinct unigrams and bigrams of ``key``, leaving out those with white space.

    White space carries nothing to search for; a query with inner spaces is still matched,
    by its other grams and the ``LIKE`` check.
    """
    grams: set[str] = set()
    for run in key.split():
        grams.update(run)
        grams |= _bigrams(run)
    return grams


def query_grams(key: str) -> set[str]:
    """The fewest grams whose presence a row must have to contain ``key``.

    The bigrams, and a unigram only for a character that is in none of them (a one-character
    query, or a character next to spaces). Always a subset of ``ngrams(key)``, so of the
    grams of any text containing ``key``. Exact for keys of one or two characters: a text has
    the bigram ``慰问`` exactly when it contains ``慰问``.
    """
    grams: set[str] = set()
    for run in key.split():
        # A run of one character has no bigram to stand for it.
        grams |= _bigrams(run) if len(run) > 1 else {run}
    return grams


def search_terms(query: str) -> list[str]:
    """The keys a query stands for: itself, and the standard 〔〕 form of each 文号 in it.

    So 澄办发【2014】104号 also looks for 澄办发〔2014〕104号. Empty keys are dropped; the order
    is kept and duplicates removed.
    """
    terms = [query, *(number.normalised for number in find_doc_numbers(query))]
    keys = [search_key(term).strip() for term in terms]
    return list(dict.fromkeys(key for key in keys if key))


@dataclass(frozen=True)
class SearchDocument:
    """What is stored for one record: the joined keys and their grams."""

    text: str
    grams: frozenset[str]


def search_document(fields: Iterable[str]) -> SearchDocument:
    """The searchable form of a record's fields.

    Each non-empty field is keyed on its own; the standard form of every 文号 written in any
    field is added as one more field, so a 文号 cited as 澄办发（2004）5号 is found by
    澄办发〔2004〕5号 as well.
    """
    keyed = [_keyed(field) for field in fields if field]
    numbers = dict.fromkeys(number for _, _, found in keyed for number in found)
    keys = [key for key, _, _ in keyed]
    grams: set[str] = set()
    for _, field_grams, _ in keyed:
        grams |= field_grams
    for number in numbers:
        key, field_grams, _ = _keyed(number)
        keys.append(key)
        grams |= field_grams
    return SearchDocument(text=SEPARATOR.join(keys), grams=frozenset(grams))


# Fields repeat from record to record (a cited document's title and 文号, a unit's name, a
# year's wording): each is keyed once, which keeps a bulk load (demo.generator) fast.
@lru_cache(maxsize=65_536)
def _keyed(text: str) -> tuple[str, frozenset[str], tuple[str, ...]]:
    """A field's key, its grams and the standard forms of the 文号 written in it."""
    key = search_key(text)
    numbers = tuple(number.normalised for number in find_doc_numbers(text))
    return key, frozenset(ngrams(key)), numbers


@lru_cache(maxsize=65_536)
def _quote(lexeme: str) -> str:
    # tsvector/tsquery input: inside single quotes a quote is doubled and a backslash escaped.
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(grams: Iterable[str]) -> str:
    """PostgreSQL ``tsvector`` input holding exactly these lexemes, without positions."""
    return " ".join(map(_quote, sorted(grams)))


def tsquery_literal(grams: Iterable[str]) -> str:
    """PostgreSQL ``tsquery`` input that matches a vector holding every one of these lexemes."""
    quoted = [_quote(gram) for gram in sorted(grams)]
    if not quoted:
        raise ValueError("a tsquery needs at least one lexeme")
    return " & ".join(quoted)
