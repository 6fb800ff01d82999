"""Backup and restore: everything dumped, restored into an empty database and storage, and
every record and every PDF checksum found identical."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import uuid
from contextlib import closing
from pathlib import Path

import psycopg2
import pytest
from django.core.management import call_command
from django.db import connection

from portal.backup import BackupError, restore, row_counts
from publications.models import Rendition

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.django_db(transaction=True)


def connect(dbname: str):
    settings = connection.settings_dict
    return psycopg2.connect(
        dbname=dbname,
        host=settings["HOST"],
        port=settings["PORT"],
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
    )


def table_digests(dbname: str) -> dict[str, tuple[int, str]]:
    """Every public table's row count and a digest of all its rows."""
    # closing(): a psycopg2 connection's own "with" ends the transaction, not the connection,
    # which kept a session open on the test database when pytest-django came to drop it.
    with closing(connect(dbname)) as db, db.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        tables = sorted(row[0] for row in cursor.fetchall())
        digests = {}
        for table in tables:
            cursor.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                f'FROM "{table}" t'
            )
            digests[table] = cursor.fetchone()
    return digests


@pytest.fixture
def empty_database():
    name = f"restore_{uuid.uuid4().hex[:12]}"
    admin = connect(connection.settings_dict["NAME"])
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def test_backup_then_restore_into_an_empty_database_gives_everything_back(
    seed, tmp_path, empty_database
):
    call_command("render_pdfs", verbosity=0)
    renditions = {r.file.name: r.sha256 for r in Rendition.objects.all()}
    assert len(renditions) >= 3  # two projects and the department's document

    archive = tmp_path / "portal.tar"
    call_command("backup", str(archive), verbosity=0)
    source = table_digests(connection.settings_dict["NAME"])

    settings = connection.settings_dict
    url = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{empty_database}"
    restored_media = tmp_path / "restored-media"
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=REPO,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.test",
            "DATABASE_URL": url,
            "MEDIA_ROOT": str(restored_media),
        },
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "checksums and row counts match" in result.stdout

    # Every table, row for row.
    assert table_digests(empty_database) == source
    # Every PDF, byte for byte, under its stored name.
    with closing(connect(empty_database)) as db, db.cursor() as cursor:
        cursor.execute("SELECT file, sha256 FROM publications_rendition")
        restored = dict(cursor.fetchall())
    assert restored == renditions
    for name, sha in restored.items():
        assert hashlib.sha256((restored_media / name).read_bytes()).hexdigest() == sha

    # The published revisions are as frozen in the restored database as in the first.
    with closing(connect(empty_database)) as db, db.cursor() as cursor:
        with pytest.raises(psycopg2.Error):
            cursor.execute("UPDATE projects_project SET name = 'x' WHERE status = 'published'")


def test_restore_refuses_a_database_that_is_not_empty(seed, tmp_path):
    archive = tmp_path / "portal.tar"
    call_command("backup", str(archive), verbosity=0)
    before = row_counts()
    with pytest.raises(BackupError, match="not empty"):
        restore(archive)
    assert row_counts() == before


def test_restore_refuses_what_is_not_an_archive(tmp_path):
    junk = tmp_path / "junk.tar"
    junk.write_bytes(b"not a tar file at all")
    with pytest.raises(BackupError, match="not a backup archive"):
        restore(junk)
