"""Backup and restore of everything the portal holds: the PostgreSQL database (pg_dump's custom
format, which pg_restore loads before it creates the triggers that freeze published revisions)
and every stored file (the PDFs), in one tar archive with a manifest of SHA-256 checksums.

An archive::

    MANIFEST.json        format, creation time, row counts per table, every file's size and SHA-256
    database.dump        pg_dump --format=custom --no-owner --no-privileges
    files/<name>         the default storage's files under their storage names
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.utils import timezone

FORMAT = "portal.backup/1"
BLOCK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why."""


def _tool(name: str) -> str:
    """pg_dump / pg_restore matching the newest server binaries installed, else from PATH."""
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    if candidates:
        return str(candidates[-1])
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} not found: install the PostgreSQL client programs.")
    return found


def _libpq_env() -> dict[str, str]:
    settings = connection.settings_dict
    env = dict(os.environ)
    for key, value in (
        ("PGHOST", settings.get("HOST")),
        ("PGPORT", settings.get("PORT")),
        ("PGUSER", settings.get("USER")),
        ("PGPASSWORD", settings.get("PASSWORD")),
        ("PGDATABASE", settings.get("NAME")),
    ):
        if value:
            env[key] = str(value)
    return env


def _require_postgresql() -> None:
    if connection.vendor != "postgresql":
        raise BackupError("Backup and restore work on PostgreSQL (set DATABASE_URL).")


def _sha256(stream) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(BLOCK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def _stored_names(storage, folder: str = "") -> list[str]:
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:  # a file-system storage whose folder does not exist yet
        return []
    names = [f"{folder}/{name}" if folder else name for name in files]
    for directory in directories:
        names.extend(_stored_names(storage, f"{folder}/{directory}" if folder else directory))
    return sorted(names)


def row_counts() -> dict[str, int]:
    """Rows per table of every installed model (what a restore must give back)."""
    counts = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.managed and not model._meta.proxy:
            counts[model._meta.db_table] = model._base_manager.count()
    return dict(sorted(counts.items()))


@dataclass(frozen=True)
class Summary:
    path: Path
    tables: int
    rows: int
    files: int
    bytes: int


def backup(path: Path, storage=default_storage) -> Summary:
    """Write the archive to ``path`` (written beside it first, then moved into place)."""
    _require_postgresql()
    path = Path(path)
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / "database.dump"
        result = subprocess.run(
            [_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", "-f", dump],
            env=_libpq_env(),
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
        files = {}
        for name in _stored_names(storage):
            with storage.open(name, "rb") as stream:
                sha, size = _sha256(stream)
            files[name] = {"size": size, "sha256": sha}
        counts = row_counts()
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(timespec="seconds"),
            "tables": counts,
            "files": files,
        }
        partial = path.with_name(path.name + ".partial")
        with tarfile.open(partial, "w") as archive:
            data = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
            info = tarfile.TarInfo("MANIFEST.json")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname="database.dump")
            for name, meta in files.items():
                info = tarfile.TarInfo(f"files/{name}")
                info.size = meta["size"]
                with storage.open(name, "rb") as stream:
                    archive.addfile(info, stream)
        partial.replace(path)
    return Summary(path, len(counts), sum(counts.values()), len(files), path.stat().st_size)


def restore(path: Path, storage=default_storage) -> Summary:
    """Load an archive into an empty database and storage; every file's checksum and every
    table's row count are checked against the manifest."""
    _require_postgresql()
    path = Path(path)
    if not tarfile.is_tarfile(path):
        raise BackupError(f"{path} is not a backup archive.")
    with tarfile.open(path, "r") as archive:
        manifest = json.loads(archive.extractfile("MANIFEST.json").read())
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Unknown archive format: {manifest.get('format')!r}.")
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            if cursor.fetchone()[0]:
                raise BackupError("The database is not empty: restore only into an empty one.")
        if _stored_names(storage):
            raise BackupError("The file storage is not empty: restore only into an empty one.")
        with tempfile.TemporaryDirectory() as work:
            dump = Path(work) / "database.dump"
            with archive.extractfile("database.dump") as source, dump.open("wb") as target:
                shutil.copyfileobj(source, target, BLOCK)
            connection.close()
            result = subprocess.run(
                [
                    _tool("pg_restore"),
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    "--single-transaction",
                    "-d",
                    _libpq_env()["PGDATABASE"],
                    dump,
                ],
                env=_libpq_env(),
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                raise BackupError(f"pg_restore failed: {result.stderr.strip()}")
        for name, meta in manifest["files"].items():
            content = archive.extractfile(f"files/{name}").read()
            if hashlib.sha256(content).hexdigest() != meta["sha256"]:
                raise BackupError(f"{name}: the checksum does not match the manifest.")
            saved = storage.save(name, ContentFile(content))
            if saved != name:
                raise BackupError(f"{name} was stored as {saved}.")
    counts = row_counts()
    if counts != manifest["tables"]:
        differ = sorted(t for t in manifest["tables"] if counts.get(t) != manifest["tables"][t])
        raise BackupError(f"Row counts differ from the manifest in: {', '.join(differ)}.")
    size = path.stat().st_size
    return Summary(path, len(counts), sum(counts.values()), len(manifest["files"]), size)
