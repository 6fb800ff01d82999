"""Import disclosure texts (财政项目文本公开 exported from Word or PDF) as draft projects.

The text is parsed by :mod:`budget.importer` (pure Python) into the tree that
``load_disclosure`` reads, then stored by :func:`projects.services.load_disclosure_tree` as
drafts, one document per transaction. ``--json`` prints the parsed trees with their findings
(docs/import-json.md); ``--dry-run`` stores nothing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from budget.importer import (
    DecodeError,
    TextImportError,
    decode_bytes,
    parse_disclosure,
)
from budget.importer.decode import MAX_BYTES
from projects.models import Department, Region
from projects.services import TreeError, load_disclosure_tree

JSON_SCHEMA = "portal.import/1"
_SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}


def _count_lines(lines: list[dict]) -> int:
    return sum(1 + _count_lines(line["children"]) for line in lines)


def _known_region(path: list[str]) -> list[str]:
    """The region path read from the unit's name, completed from a region already stored
    under the same name (澄江市 → 云南省 › 玉溪市 › 澄江市), so no duplicate tree grows."""
    matches = list(Region.objects.filter(name=path[-1])[:2])
    if len(matches) != 1:
        return path
    region, full = matches[0], []
    while region is not None:
        full.insert(0, region.name)
        region = region.parent
    return full


def _summary(tree: dict[str, Any]) -> dict[str, Any]:
    """The figures a reader checks first, in the words of the import issue: per project its
    name, unit, total (``funding_total_yuan`` = the tree's ``declared_total_yuan``), sources
    and citations."""
    return {
        "disclosure": tree["disclosure"],
        "department": tree["department"]["name"],
        "projects": [
            {
                "sequence": project["sequence"],
                "name": project["name"],
                "implementing_unit": project["implementing_unit"],
                "funding_total_yuan": project["declared_total_yuan"],
                "funding_sources": [
                    {"name": source["name"], "amount_yuan": source["amount_yuan"]}
                    for source in project["funding_sources"]
                ],
                "citations": [
                    {"title": c["title"], "document_number": c["document_number"]}
                    for c in project["citations"]
                ],
                "sub_items": len(project["sub_items"]),
                "lines": sum(_count_lines(sub["lines"]) for sub in project["sub_items"]),
                "performance_indicators": len(project["performance_indicators"]),
            }
            for project in tree["projects"]
        ],
    }


class Command(BaseCommand):
    help = (
        "导入财政项目文本公开的文本文件（UTF-8 或 GB18030/GBK），解析为项目、子项目、立项依据、"
        "测算明细，作为草稿保存（不会公开）。"
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="文本文件路径（.txt）")
        parser.add_argument("--department", help="预算单位全称（默认取标题中的单位）")
        parser.add_argument("--year", type=int, help="预算年度（默认取标题中的年份）")
        parser.add_argument("--dry-run", action="store_true", help="只解析和检查，不写入数据库")
        parser.add_argument(
            "--json",
            action="store_true",
            help="在标准输出打印解析结果（JSON，格式见 docs/import-json.md），摘要改写到标准错误",
        )
        parser.add_argument("--replace", action="store_true", help="替换该单位该年度已有的草稿项目")

    def handle(self, *args, **options):
        paths: list[Path] = options["paths"]
        as_json = options["json"]
        out = self.stderr if as_json else self.stdout
        documents: list[dict[str, Any]] = []
        failed = 0
        bar = tqdm(
            paths, desc="导入", unit="个文件", file=sys.stderr, disable=len(paths) < 2, leave=False
        )
        for path in bar:
            document = self._one(path, options)
            documents.append(document)
            self._report(out, document)
            if document["status"] == "failed":
                failed += 1
        bar.close()
        if as_json:
            self.stdout.write(
                json.dumps(
                    {"schema": JSON_SCHEMA, "documents": documents}, ensure_ascii=False, indent=2
                )
            )
        if failed:
            raise CommandError(f"{failed} 个文件未能导入，未写入任何内容。")

    def _one(self, path: Path, options) -> dict[str, Any]:
        document: dict[str, Any] = {
            "path": str(path),
            "encoding": None,
            "status": "failed",
            "error": None,
            "summary": None,
            "tree": None,
            "findings": [],
        }
        try:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise DecodeError(
                    f"文件过大（{size / 1024 / 1024:.1f} MB），最多可导入 "
                    f"{MAX_BYTES // 1024 // 1024} MB 的文本。"
                )
            decoded = decode_bytes(path.read_bytes())
            document["encoding"] = decoded.encoding
            result = parse_disclosure(
                decoded.text, department=options["department"], year=options["year"]
            )
        except OSError as error:
            document["error"] = f"无法读取文件：{error.strerror or error}"
            return document
        except (DecodeError, TextImportError) as error:
            document["error"] = str(error)
            return document
        except Exception as error:
            # A text the parser trips over must not stop the other files of the run; the
            # run still fails, and the message says which file and what happened.
            document["error"] = (
                f"解析时出错（{type(error).__name__}：{error}），请将该文件报告给维护人员。"
            )
            return document
        tree = result.tree
        if tree["disclosure"]["fiscal_year"] is None:
            document["findings"] = [finding.as_dict() for finding in result.findings]
            document["error"] = (
                "预算年度未能识别（标题、项目名称和文中标注都没有写明年份），请用 --year 指定。"
            )
            return document
        existing = Department.objects.filter(name=tree["department"]["name"]).first()
        if existing is not None:
            tree["department"]["slug"] = existing.slug
            tree["department"]["short_name"] = existing.short_name
        else:
            tree["department"]["region"] = _known_region(tree["department"]["region"])
        document["tree"] = tree
        document["summary"] = _summary(tree)
        document["findings"] = [finding.as_dict() for finding in result.findings]
        if result.errors:
            document["error"] = "文本中有无法导入的内容，见问题列表。"
            return document
        if options["dry_run"]:
            document["status"] = "parsed"
            return document
        try:
            loaded = load_disclosure_tree(tree, publish=False, replace=options["replace"])
        except TreeError as error:
            document["error"] = str(error)
            return document
        document["status"] = "imported" if loaded.created else "exists"
        return document

    def _report(self, out, document: dict[str, Any]) -> None:
        path = document["path"]
        if document["tree"] is None:
            out.write(self.style.ERROR(f"{path}：{document['error']}"))
            return
        tree = document["tree"]
        projects = tree["projects"]
        subs = sum(len(p["sub_items"]) for p in projects)
        citations = sum(len(p["citations"]) for p in projects)
        lines = sum(_count_lines(s["lines"]) for p in projects for s in p["sub_items"])
        status = {
            "imported": "已作为草稿导入",
            "parsed": "已解析（试运行，未写入）",
            "exists": "该单位该年度已有项目，未重复导入（可用 --replace 替换草稿）",
            "failed": f"未导入：{document['error']}",
        }[document["status"]]
        summary = (
            f"{path}（{document['encoding']}）：“{tree['disclosure']['title']}”，"
            f"{len(projects)} 个项目、{subs} 个子项目、{citations} 条立项依据、{lines} 条测算明细；"
            f"{status}"
        )
        style = self.style.ERROR if document["status"] == "failed" else self.style.SUCCESS
        out.write(style(summary))
        for finding in document["findings"]:
            where = []
            if finding["line"]:
                where.append(f"第{finding['line']}行")
            if finding["project"]:
                where.append(f"项目{finding['project']}")
            prefix = f"{' '.join(where)}：" if where else ""
            # Check findings (sums, 文号) are for reviewers; import findings are about the text.
            origin = "核对·" if finding["origin"] == "check" else ""
            label = f"{origin}{_SEVERITY[finding['severity']]}"
            out.write(f"  [{label}] {prefix}{finding['message']}")
