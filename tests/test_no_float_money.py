"""No float touches money: no float() call, float literal in money code, or FloatField anywhere."""

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ["budget", "infra", "projects", "publications", "portal", "opendata", "demo"]


def sources():
    for package in PACKAGES:
        for path in sorted((REPO / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


@pytest.mark.parametrize("path", list(sources()), ids=lambda p: str(p.relative_to(REPO)))
def test_module_uses_no_float(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    offences = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "float":
            offences.append(f"float() at line {node.lineno}")
        if isinstance(node, ast.Attribute) and node.attr == "FloatField":
            offences.append(f"FloatField at line {node.lineno}")
        if (
            path.parent.name == "budget"
            and isinstance(node, ast.Constant)
            and isinstance(node.value, float)
        ):
            offences.append(f"float literal {node.value!r} at line {node.lineno}")
    assert offences == []
