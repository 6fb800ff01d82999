"""The JSON shape of the open data: what the API answers and what the JSON downloads hold.

A disclosure is the ``portal.disclosure-tree/1`` document (``projects.exports``), the same one
``manage.py load_disclosure`` reads back and every PDF carries. A project is its node of that
tree, with the department and disclosure it belongs to, as ``portal.project/1``.
"""

from __future__ import annotations

import json
from typing import Any

from projects import exports
from projects.models import Disclosure, Project

PROJECT_SCHEMA = "portal.project/1"


def department_block(disclosure: Disclosure) -> dict[str, Any]:
    department = disclosure.department
    return {
        "name": department.name,
        "short_name": department.short_name,
        "slug": department.slug,
        "region": exports._region_path(department.region),
    }


def project_document(project: Project, base_url: str = "") -> dict[str, Any]:
    """One public revision (tree prefetched) with its department and disclosure."""
    disclosure = project.disclosure
    return {
        "schema": PROJECT_SCHEMA,
        "department": department_block(disclosure),
        "disclosure": {
            "fiscal_year": disclosure.fiscal_year,
            "title": disclosure.title,
            "url": base_url + disclosure.get_absolute_url(),
        },
        "project": exports.project_node(project, base_url),
    }


def disclosure_document(
    disclosure: Disclosure, projects: list[Project], base_url: str = ""
) -> dict[str, Any]:
    """A disclosure with its live projects (trees prefetched), as the disclosure tree."""
    return exports.disclosure_tree(disclosure, projects, base_url)


def to_json(document: dict[str, Any]) -> bytes:
    """UTF-8 JSON, Chinese readable, the same bytes for the same records."""
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()
