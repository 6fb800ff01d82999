"""Django's own checks with the test settings, and no model change without its migration:
run inside the suite (one Django start instead of two processes of their own)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command


def test_system_checks_pass_at_warning_level():
    call_command("check", fail_level="WARNING", stdout=io.StringIO())


@pytest.mark.django_db
def test_every_model_change_has_its_migration():
    out = io.StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out)
    except SystemExit as exit:  # what --check does when a migration is missing
        pytest.fail(f"makemigrations would write a migration (exit {exit.code}):\n{out.getvalue()}")
    assert "No changes detected" in out.getvalue()
