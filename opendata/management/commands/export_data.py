"""Write the open data of a year (or of all years) to files, as the site serves it."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from budget.filenames import UniqueNames, safe_filename
from opendata import bulk, documents, selection, xlsx
from projects import exports

FORMATS = ("zip", "json", "csv", "xlsx")


class Command(BaseCommand):
    help = (
        "导出已公开的数据：zip（财政数据包，与网站批量下载相同）、json（每份公开文本一个文件）、"
        "csv（每行一条测算明细）或 xlsx。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="预算年度；不写则导出全部年度")
        parser.add_argument("--format", choices=FORMATS, default="zip", help="导出格式")
        parser.add_argument(
            "--output", required=True, help="输出文件（zip、csv、xlsx）或目录（json）"
        )
        parser.add_argument(
            "--unpacked",
            action="store_true",
            help="zip 格式：不打包，直接把数据包写入 --output 目录",
        )

    def handle(self, *args, year=None, format="zip", output, unpacked=False, **options):
        base_url = settings.PORTAL["base_url"]
        if not bulk.has_records(year):
            raise CommandError(
                "没有已公开的项目。" if year is None else f"{year}年没有已公开的项目。"
            )
        target = Path(output)
        projects = selection.live_projects(year=year)
        if format == "zip" and unpacked:
            target.mkdir(parents=True, exist_ok=True)
            for member in bulk.members(year, base_url):
                path = target / member.name
                path.parent.mkdir(parents=True, exist_ok=True)
                with path.open("wb") as file:
                    for chunk in member.chunks():
                        file.write(chunk)
        elif format == "zip":
            with target.open("wb") as file:
                for chunk in bulk.stream_package(year, base_url):
                    file.write(chunk)
        elif format == "json":
            target.mkdir(parents=True, exist_ok=True)
            names = UniqueNames()
            for disclosure in selection.live_disclosures(year=year):
                tree = documents.disclosure_document(
                    disclosure, list(selection.disclosure_projects(disclosure)), base_url
                )
                name = names.file(
                    safe_filename(f"{disclosure.department.slug}-{disclosure.fiscal_year}", "json")
                )
                (target / name).write_bytes(documents.to_json(tree))
        elif format == "csv":
            with target.open("w", encoding="utf-8", newline="") as file:
                for line in exports.lines_csv(selection.iter_with_tree(projects), base_url):
                    file.write(line)
        else:
            created = bulk.last_published(projects)
            xlsx.write_workbook(
                target, lambda: selection.iter_with_tree(projects), base_url, created=created
            )
        self.stdout.write(f"已导出：{target}")
