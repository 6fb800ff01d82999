"""Load disclosure trees (JSON, schema portal.disclosure-tree/1) into the database."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from projects.services import TreeError, load_disclosure_tree


class Command(BaseCommand):
    help = "载入结构化的公开文本（JSON，格式 portal.disclosure-tree/1）。"

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="JSON 文件路径")
        parser.add_argument(
            "--publish",
            action="store_true",
            help="作为已公开的第 1 版载入（用于已经公开过的文本，如种子数据）；默认载入为草稿。",
        )
        parser.add_argument(
            "--replace", action="store_true", help="替换该单位该年度已有的草稿项目。"
        )
        parser.add_argument(
            "--skip-existing",
            action="store_true",
            help="项目已存在的文件跳过而不报错（如重复运行演示）；默认报错。",
        )

    def handle(self, *paths, **options):
        skipped = []
        for path in options["paths"]:
            try:
                tree = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
                raise CommandError(f"无法读取 {path}：{error}") from error
            try:
                result = load_disclosure_tree(
                    tree, publish=options["publish"], replace=options["replace"]
                )
            except TreeError as error:
                raise CommandError(f"{path}：{error}") from error
            if result.created:
                self.stdout.write(
                    self.style.SUCCESS(f"已载入“{result.disclosure}”：{result.projects} 个项目。")
                )
            else:
                self.stdout.write(f"{path}：“{result.disclosure}”中已有这些项目，未重复载入。")
                skipped.append(str(path))
        if skipped and not options["skip_existing"]:
            # A file not loaded is not a success: a rebuild that skipped one is incomplete.
            raise CommandError(
                f"{len(skipped)} 个文件未载入（其项目已存在）：{'、'.join(skipped)}。"
                "如需替换草稿，请用 --replace。"
            )
