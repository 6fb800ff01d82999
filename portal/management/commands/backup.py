from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write the database and every stored file to one archive (see portal/backup.py)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the archive to write, e.g. portal.tar")

    def handle(self, *args, path, **options):
        try:
            summary = backup(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"{summary.path}: {summary.tables} tables, {summary.rows} rows, "
            f"{summary.files} files, {summary.bytes} bytes"
        )
