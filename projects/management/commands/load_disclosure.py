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

    def handle(self, *paths, **options):
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
                self.stdout.write(f"“{result.disclosure}”已存在，未重复载入。")
