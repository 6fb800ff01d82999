"""infra/addresses.py gives exactly what reverse() gives, without reversing each time."""

from __future__ import annotations

from uuid import UUID

import pytest
from django.urls import reverse, set_script_prefix
from hypothesis import given, settings
from hypothesis import strategies as st

from infra import addresses

uuids = st.uuids()
revisions = st.integers(min_value=1, max_value=2**31 - 1)  # the num converter's range
slugs = st.from_regex(r"[a-z][-a-z0-9]{0,30}", fullmatch=True)


@settings(deadline=None)  # the first call of a name reverses it
@given(lineage=uuids, revision=revisions, fmt=st.sampled_from(["json", "csv", "xlsx"]))
def test_a_revisions_addresses_are_reverses(lineage, revision, fmt):
    for name, kwargs in [
        ("projects:project", {"lineage": lineage}),
        ("projects:project-revision", {"lineage": lineage, "revision": revision}),
        ("publications:project-revision-pdf", {"lineage": lineage, "revision": revision}),
        ("opendata:project-revision-data", {"lineage": lineage, "revision": revision, "fmt": fmt}),
    ]:
        assert addresses.address(name, **kwargs) == reverse(name, kwargs=kwargs)


@settings(deadline=None)  # the first call of a name reverses it
@given(department=slugs, year=st.integers(min_value=1900, max_value=9999))
def test_a_disclosures_address_is_its_reverse(department, year):
    kwargs = {"department": department, "year": year}
    assert addresses.address("projects:disclosure", **kwargs) == reverse(
        "projects:disclosure", kwargs=kwargs
    )


def test_a_value_that_looks_like_a_stand_in_is_put_in_once():
    # The stand-ins' own texts as values: put in once each, never read again as stand-ins.
    lineage = UUID(int=0xF00D_0000 + 1)
    got = addresses.address("projects:project-revision", lineage=lineage, revision=1_987_654_300)
    assert got == reverse(
        "projects:project-revision", kwargs={"lineage": lineage, "revision": 1_987_654_300}
    )


def test_a_script_prefix_is_kept():
    lineage = UUID(int=7)
    try:
        set_script_prefix("/portal/")
        assert addresses.address("projects:project", lineage=lineage) == (
            f"/portal/projects/{lineage}/"
        )
    finally:
        set_script_prefix("/")
    assert addresses.address("projects:project", lineage=lineage) == f"/projects/{lineage}/"


def test_other_values_are_reversed_as_they_are(monkeypatch):
    calls = []
    monkeypatch.setattr(addresses, "reverse", lambda *a, **k: calls.append(k) or "/x/")
    assert addresses.address("projects:disclosure", department="带中文", year=2024) == "/x/"
    assert calls == [{"kwargs": {"department": "带中文", "year": 2024}}]


def test_a_wrong_value_fails_as_reverse_does():
    with pytest.raises(Exception) as ours:
        addresses.address(
            "opendata:project-revision-data", lineage=UUID(int=1), revision=1, fmt="pdf"
        )
    with pytest.raises(Exception) as django:
        reverse(
            "opendata:project-revision-data",
            kwargs={"lineage": UUID(int=1), "revision": 1, "fmt": "pdf"},
        )
    assert type(ours.value) is type(django.value)
