"""What the importer's tests ask of a parse again and again."""

from __future__ import annotations

from budget.importer import parse_disclosure


def names_and_totals(text: str, **given) -> list[tuple[str, str | None]]:
    """Each project's name and declared total (元, as the tree writes it) that ``text`` reads
    as; ``given`` as :func:`parse_disclosure` takes it (department, year)."""
    return [
        (project["name"], project["declared_total_yuan"])
        for project in parse_disclosure(text, **given).tree["projects"]
    ]
