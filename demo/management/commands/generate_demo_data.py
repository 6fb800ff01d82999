"""Generate synthetic published disclosures at scale (demo.generator)."""

import time
from decimal import Decimal, InvalidOperation

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from demo.generator import BATCH, BULK_FROM, DemoDataError, generate

PHASES = {
    "build": "生成记录",
    "search": "检索记录",
    "write": "写入",
    "finish": "外键核对",
    "indexes": "重建索引",
    "publish": "公开",
}


def ratio(text: str) -> Decimal:
    """A share of projects from 0 to 1, as written (0.02)."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise ValueError(text) from None
    if not 0 <= value <= 1:
        raise ValueError(text)
    return value


class Command(BaseCommand):
    help = (
        "生成演示用的公开文本：预算单位、年度公开文本和项目（含立项依据、子项目、测算明细、"
        "资金来源、绩效目标），同一随机种子生成相同的数据。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--departments", type=int, default=10, help="预算单位数（默认 10）")
        parser.add_argument("--projects", type=int, default=100, help="项目总数（默认 100）")
        parser.add_argument("--seed", type=int, default=1, help="随机种子（默认 1）")
        parser.add_argument("--year", type=int, default=2024, help="最后一个预算年度（默认 2024）")
        parser.add_argument(
            "--years", type=int, default=1, help="每个单位生成几个年度的公开文本（默认 1）"
        )
        parser.add_argument(
            "--draft-ratio",
            type=ratio,
            default=Decimal("0.02"),
            help="留作草稿、不公开的项目比例，0 到 1（默认 0.02）",
        )
        parser.add_argument(
            "--documents", type=int, default=400, help="被引用的政策文件库大小（默认 400）"
        )
        parser.add_argument(
            "--batch", type=int, default=BATCH, help=f"每批写入的项目数（默认 {BATCH}）"
        )
        bulk = parser.add_mutually_exclusive_group()
        bulk.add_argument(
            "--bulk",
            dest="bulk",
            action="store_true",
            default=None,
            help=(
                "PostgreSQL 批量模式：写入期间独占相关数据表，先删除 GIN 索引、暂停已公开版本保护"
                "触发器（只写入本次新建的草稿），写完后恢复触发器并重建索引；"
                f"{BULK_FROM} 个项目起默认启用"
            ),
        )
        bulk.add_argument(
            "--no-bulk", dest="bulk", action="store_false", help="不启用批量模式，逐行更新索引"
        )

    def handle(self, **options):
        started = time.perf_counter()
        with tqdm(
            total=options["projects"],
            unit="项目",
            disable=options["verbosity"] < 1,
            file=self.stderr,
        ) as bar:
            try:
                result = generate(
                    departments=options["departments"],
                    projects=options["projects"],
                    seed=options["seed"],
                    year=options["year"],
                    years=options["years"],
                    draft_ratio=options["draft_ratio"],
                    documents=options["documents"],
                    batch_size=options["batch"],
                    bulk=options["bulk"],
                    progress=bar.update,
                )
            except DemoDataError as error:
                raise CommandError(str(error)) from error
        seconds = time.perf_counter() - started
        self.stdout.write(
            self.style.SUCCESS(
                f"已生成 {result.departments} 个预算单位、{result.disclosures} 个公开文本、"
                f"{result.projects} 个项目（已公开 {result.published} 个），"
                f"{result.sub_items} 个子项目、{result.lines} 行测算明细、"
                f"{result.factors} 个计算因子、{result.citations} 条立项依据"
                f"（{result.documents} 份政策文件），用时 {seconds:.0f} 秒。"
            )
        )
        if options["verbosity"] >= 2:
            phases = "，".join(
                f"{PHASES.get(name, name)} {value:.1f} 秒" for name, value in result.timings.items()
            )
            self.stdout.write(phases)
