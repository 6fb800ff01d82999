"""Bulk downloads: every published record of a year (or of all years) as one zip, streamed.

The archive is written through an unseekable sink (``publications.bundles``) and handed out
as it grows; each file inside is written row by row (CSV, JSON) or copied in chunks from a
temporary file (XLSX), so neither the archive nor any whole table is held in memory. The zip
is a Fiscal Data Package: ``datapackage.json`` at its root, the CSV tables under ``data/``,
with the data dictionary, plus the same records as XLSX and as disclosure-tree JSON, and
``SHA256SUMS.txt`` for every file.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max, Q
from django.utils import timezone

from budget.filenames import UniqueNames, safe_filename
from projects.models import Project
from publications.bundles import CHUNK, ZipSink

from . import csvdata, documents, package, selection, xlsx
from .tables import TABLES

README = """重点领域财政项目文本公开数据（{scope}）

本压缩包只含已公开的项目（现行版本），与网站页面和 PDF 出自同一份记录。

datapackage.json   数据包说明（Frictionless 表格数据包，字段标注财政数据包概念），
                   可用 `frictionless validate datapackage.json` 校验
data/*.csv         各数据表，UTF-8 编码（带 BOM，Excel、WPS 可直接打开），表头为中文，
                   金额以元计、保留两位小数，时间为北京时间；
                   测算明细（lines）含上下级明细，不要对其金额直接求和；
                   求和请用子项目表的“细化金额（元）”（其合计即项目的细化金额合计）；
                   以 = + - @、制表符或回车开头的文本前加英文单引号（'），防止被当作公式
data/data_dictionary.csv  数据字典：每个字段的中文名称、英文标识、类型和英文含义
{xlsx}        同一数据的 Excel 工作簿，每张表一个工作表，金额为数值
json/*.json        每份公开文本的完整结构（portal.disclosure-tree/1）
SHA256SUMS.txt     以上每个文件的 SHA-256 校验值

网址：{base_url}/data/
"""
XLSX_NAME = "budget-disclosures.xlsx"
SUMS_NAME = "SHA256SUMS.txt"


@dataclass(frozen=True)
class Member:
    """A file of the archive: its name and a function giving its bytes, chunk by chunk."""

    name: str
    chunks: Callable[[], Iterable[bytes]]


def _encoded(lines: Iterable[str]) -> Iterator[bytes]:
    buffer: list[str] = []
    size = 0
    for line in lines:
        buffer.append(line)
        size += len(line)
        if size >= CHUNK // 4:
            yield "".join(buffer).encode()
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer).encode()


def stream_members(members: Iterable[Member], date_time: datetime) -> Iterator[bytes]:
    """The zip of these members, chunk by chunk, ending with SHA256SUMS.txt."""
    sink = ZipSink()
    stamp = date_time.timetuple()[:6]
    sums = []
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for member in members:
            info = zipfile.ZipInfo(member.name, stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            digest = hashlib.sha256()
            # force_zip64: the size is not known before the member is written.
            with archive.open(info, "w", force_zip64=True) as target:
                for chunk in member.chunks():
                    digest.update(chunk)
                    target.write(chunk)
                    yield sink.drain()
            sums.append(f"{digest.hexdigest()}  {member.name}\n")
            yield sink.drain()
        info = zipfile.ZipInfo(SUMS_NAME, stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, "".join(sums))
    yield sink.drain()


def _xlsx_chunks(projects, base_url: str, created: datetime) -> Iterator[bytes]:
    with tempfile.TemporaryFile() as file:
        xlsx.write_workbook(
            file, lambda: selection.iter_with_tree(projects), base_url, created=created
        )
        file.seek(0)
        while chunk := file.read(CHUNK):
            yield chunk


def _disclosure_members(year: int | None, base_url: str, names: UniqueNames) -> Iterator[Member]:
    folder = names.folder("json")
    for disclosure in selection.live_disclosures(year=year):
        # A slug is safe as the admin enters it; made safe all the same, as every name in a zip.
        name = names.file(
            safe_filename(f"{disclosure.department.slug}-{disclosure.fiscal_year}", "json"),
            folder,
        )

        def chunks(disclosure=disclosure):
            projects = list(selection.disclosure_projects(disclosure))
            yield documents.to_json(documents.disclosure_document(disclosure, projects, base_url))

        yield Member(name, chunks)


def last_published(projects) -> datetime | None:
    return projects.aggregate(last=Max("published_at"))["last"]


def _stamp(projects) -> datetime:
    """The archive's date: when its newest record was published (the same records, the same
    dates in the zip)."""
    return last_published(projects) or datetime(2000, 1, 1)


def members(year: int | None, base_url: str = "") -> Iterator[Member]:
    """Every file of the year's (or all years') package, in order.

    Each table is its own pass over the records. A project published while the archive is
    being written stays out of all of them (the cut-off), and one withdrawn or corrected
    meanwhile drops out of the tables still to come: a child row never outlives its parent's
    row in a table written before it, so the package's foreign keys hold.
    """
    cutoff = timezone.now()
    projects = selection.live_projects(year=year).filter(
        Q(published_at__lte=cutoff) | Q(published_at__isnull=True)
    )
    created = _stamp(projects)
    descriptor = package.descriptor(year=year, base_url=base_url)
    scope = f"{year}年" if year is not None else "全部年度"
    yield Member(
        "datapackage.json",
        lambda: [(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode()],
    )
    yield Member(
        "README.txt",
        lambda: [README.format(scope=scope, xlsx=XLSX_NAME.ljust(13), base_url=base_url).encode()],
    )
    for table in TABLES:
        yield Member(
            package.resource_path(table),
            lambda table=table: _encoded(
                # With a byte-order mark: Excel and WPS read UTF-8 only with one, and
                # frictionless and every CSV library take it as the encoding's mark.
                csvdata.table_csv(table, selection.iter_with_tree(projects), base_url, bom=True)
            ),
        )
    yield Member(package.DICTIONARY_PATH, lambda: [package.dictionary_csv(bom=True).encode()])
    yield Member(XLSX_NAME, lambda: _xlsx_chunks(projects, base_url, created))
    names = UniqueNames(
        [
            "datapackage.json",
            "README.txt",
            package.DATA_DIR,
            XLSX_NAME,
            SUMS_NAME,
            *(package.resource_path(t) for t in TABLES),
            package.DICTIONARY_PATH,
        ]
    )
    yield from _disclosure_members(year, base_url, names)


def stream_package(year: int | None, base_url: str = "") -> Iterator[bytes]:
    """The bulk zip of a year (or of everything), as it is written."""
    return stream_members(members(year, base_url), _stamp(selection.live_projects(year=year)))


def has_records(year: int | None) -> bool:
    return (
        Project.objects.published()
        .filter(**({"disclosure__fiscal_year": year} if year is not None else {}))
        .exists()
    )
