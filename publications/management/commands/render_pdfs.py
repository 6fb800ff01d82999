"""Render and store the PDF of every public revision and every department-year document that
has none yet (``--force``: render again and replace the stored records)."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from tqdm import tqdm

from projects.models import Disclosure, Project
from publications import services
from publications.models import Rendition


class Command(BaseCommand):
    help = "为所有已公开的版次和部门年度公开文本生成并保存 PDF。"

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="只处理该预算年度。")
        parser.add_argument(
            "--force", action="store_true", help="重新生成已有的 PDF（替换原有记录与文件）。"
        )

    def handle(self, *args, year=None, force=False, **options):
        projects = Project.objects.published(include_superseded=True).order_by("pk")
        disclosures = Disclosure.objects.published().order_by("pk")
        if year is not None:
            projects = projects.filter(disclosure__fiscal_year=year)
            disclosures = disclosures.filter(fiscal_year=year)
        if force:
            stale = Rendition.objects.filter(project__in=projects) | Rendition.objects.filter(
                disclosure__in=disclosures, kind="disclosure"
            )
            for rendition in stale:
                rendition.file.delete(save=False)
                rendition.delete()
        work = [("project", p) for p in projects] + [("disclosure", d) for d in disclosures]
        progress = tqdm(work, desc="生成 PDF", unit="份", disable=options["verbosity"] == 0)
        for kind, record in progress:
            if kind == "project":
                services.project_rendition(record)
            else:
                services.disclosure_rendition(record)
        self.stdout.write(
            self.style.SUCCESS(
                f"已处理 {len(work)} 份：{projects.count()} 个项目版次，"
                f"{disclosures.count()} 份部门年度公开文本。"
            )
        )
