from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore


class Command(BaseCommand):
    help = "Load an archive made by `backup` into an empty database and file storage."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the archive written by `backup`")

    def handle(self, *args, path, **options):
        try:
            summary = restore(path)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"{summary.path}: restored {summary.tables} tables, {summary.rows} rows and "
            f"{summary.files} files; checksums and row counts match the manifest"
        )
