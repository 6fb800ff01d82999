"""Uploaded disclosure files → a preview staff check → drafts (the 导入公开文本 page).

:func:`receive` keeps one uploaded file, with its SHA-256, after the checks that need no
reading (a bad type, size, an old format, encryption: a Chinese message and nothing stored),
and queues its reading: :func:`read_upload`, a job in the worker like every PDF render, since
a 100-page PDF of tables takes tens of seconds, longer than a request may (docs/import.md).
:func:`read` reads and parses it (:mod:`sourcefiles`, :mod:`budget.importer`) and keeps what
was read for the preview, or, for a file that turns out unreadable, the reason, removing the
stored file. :func:`confirm` applies what staff corrected in the preview and stores the
projects as drafts through :func:`projects.services.load_disclosure_tree`, the loader every
import uses, in the department and year staff chose; their first history record names the
file. :func:`cancel` removes an upload that was not confirmed, file and all.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django_tasks import task

from budget.importer import TextImportError, default_title, parse_disclosure
from budget.importer.decode import MAX_BYTES  # the largest upload read (the admin's bound)
from sourcefiles import UnreadableFile, check_file, read_file

from .forms import AmountField
from .models import Department, Project, SourceFile
from .services import TreeError, load_disclosure_tree

__all__ = ["MAX_BYTES", "IngestError", "cancel", "confirm", "preview", "read", "receive"]

log = logging.getLogger(__name__)


class IngestError(ValueError):
    """An upload that cannot be read or stored; the message says why, in Chinese."""


def receive(name: str, data: bytes, user) -> SourceFile:
    """Keep one uploaded file and queue its reading (:func:`read_upload`), or raise
    :class:`IngestError` having stored nothing: what can be refused without reading the file
    (its type, size, an old format, encryption, a broken container) is refused here."""
    try:
        kind = check_file(name, data)
    except UnreadableFile as error:
        raise IngestError(str(error)) from None
    digest = hashlib.sha256(data).hexdigest()
    record = SourceFile(
        name=PurePath(name).name[:255] or "未命名",
        sha256=digest,
        size=len(data),
        format=kind,
        uploaded_by=user,
        state=SourceFile.State.READING,
    )
    # Stored under its digest, never under the name it was sent with.
    suffix = PurePath(name).suffix.lower()[:8]
    record.file.save(f"{digest}{suffix}", ContentFile(data), save=False)
    try:
        with transaction.atomic():
            record.save()
            read_upload.enqueue(record.pk)  # in the same transaction: read, or not stored
    except Exception:
        record.file.delete(save=False)  # no file without its row
        raise
    return record


def read(record: SourceFile) -> None:
    """Read and parse a kept upload: its state becomes ``preview`` with what was read, or
    ``failed`` with the reason, its stored file removed (nothing is kept of a file that
    cannot be read)."""
    try:
        with record.file.open("rb") as stored:
            data = stored.read()
    except OSError:
        log.exception("upload %s: its stored file cannot be read", record.pk)
        _failed(record, "上传的文件在服务器上无法读取，请重新上传。")
        return
    try:
        source = read_file(record.name, data)
        parsed = parse_disclosure(source.text)
    except (UnreadableFile, TextImportError) as error:
        _failed(record, str(error))
        return
    except Exception as error:
        log.exception("reading upload %s failed", record.pk)
        _failed(record, f"解析时出错（{type(error).__name__}），请将该文件报告给维护人员。")
        return
    record.result = {
        "tree": parsed.tree,
        "findings": [finding.as_dict() for finding in parsed.findings],
        "sources": parsed.sources,
        "document_sources": parsed.document_sources,
        "lines": [[line.text, line.place] for line in source.lines],
        "notes": list(source.notes),
        "encoding": source.encoding,
    }
    record.format = source.format
    record.state = SourceFile.State.PREVIEW
    # Only a file still waiting to be read is updated: cancelled meanwhile, it is gone.
    SourceFile.objects.filter(pk=record.pk, state=SourceFile.State.READING).update(
        result=record.result, format=record.format, state=record.state
    )


def _failed(record: SourceFile, reason: str) -> None:
    stored = record.file
    with transaction.atomic():
        updated = SourceFile.objects.filter(pk=record.pk, state=SourceFile.State.READING).update(
            state=SourceFile.State.FAILED, error=reason[:2000], file=""
        )
        if updated:
            transaction.on_commit(lambda: stored.delete(save=False))
    record.state, record.error = SourceFile.State.FAILED, reason


@task()
def read_upload(source_file_id: int) -> str:
    """Read one upload (in the worker, ``manage.py db_worker``)."""
    record = SourceFile.objects.filter(pk=source_file_id, state=SourceFile.State.READING).first()
    if record is None:
        return "gone"  # cancelled before it was read
    read(record)
    return record.state


@dataclass(frozen=True)
class Value:
    """One value of the preview with where it was read: the file's line (its text and place,
    e.g. 表1 第3行) or nothing, and whether the importer flagged it (未能识别)."""

    key: str
    label: str
    value: Any
    line: int | None
    text: str
    place: str
    flag: str
    seek: str = ""  # the value as the line writes it (天阳楼小区, 418万元)

    @property
    def excerpt(self) -> tuple[str, str, str] | None:
        """(before, the value, after) of a long line, cut to the words around where it writes
        the value (a paragraph listing eight projects shows each its own part); None where the
        line is short or does not write it as given (shown whole)."""
        at = self.text.find(self.seek) if self.seek else -1
        # (written more than once in the line, 300万元 twice: which is this value's cannot be
        # told, so the line is shown whole)
        if len(self.text) <= _LONG_LINE or at < 0 or self.text.count(self.seek) > 1:
            return None
        start, end = max(0, at - _AROUND), min(len(self.text), at + len(self.seek) + _AROUND)
        return (
            ("…" if start else "") + self.text[start:at],
            self.seek,
            self.text[at + len(self.seek) : end] + ("…" if end < len(self.text) else ""),
        )


# A line longer than this is shown cut to the words around the value read from it.
_LONG_LINE = 120
_AROUND = 40


def _source_line(record: SourceFile, number: int | None) -> tuple[str, str]:
    lines = record.result.get("lines", [])
    if number is None or not 0 < number <= len(lines):
        return "", ""
    text, place = lines[number - 1]
    return text, place


def preview(record: SourceFile) -> dict[str, Any]:
    """What the preview page shows: the document's and each project's values beside the
    lines they were read from, flags, and the lines kept as unplaced text."""
    result = record.result
    findings = result.get("findings", [])

    def flag(field: str, project: int | None) -> str:
        return next(
            (
                f["message"]
                for f in findings
                if f.get("field") == field and (project is None or f.get("project") == project)
            ),
            "",
        )

    def value(key, label, current, line, project=None, seek=""):
        text, place = _source_line(record, line)
        return Value(key, label, current, line, text, place, flag(key, project), seek)

    tree = result["tree"]
    document = result.get("document_sources", {})
    head = [
        value("department", "预算单位", tree["department"]["name"], document.get("department")),
        value(
            "fiscal_year",
            "预算年度",
            tree["disclosure"]["fiscal_year"],
            document.get("fiscal_year"),
        ),
        value("title", "公开文本标题", tree["disclosure"]["title"], document.get("title")),
        value(
            "source_published_on",
            "原文公开日期",
            tree["disclosure"].get("source_published_on"),
            document.get("source_published_on"),
        ),
    ]
    projects = []
    sources = result.get("sources", [])
    for index, node in enumerate(tree["projects"]):
        where = sources[index] if index < len(sources) else {}
        number = node["sequence"]
        projects.append(
            {
                "sequence": number,
                "values": [
                    value(
                        "name", "项目名称", node["name"], where.get("name"), number, node["name"]
                    ),
                    value(
                        "implementing_unit",
                        "项目实施单位",
                        node["implementing_unit"],
                        where.get("implementing_unit"),
                        number,
                        node["implementing_unit"],
                    ),
                    value(
                        "declared_total",
                        "项目金额（元）",
                        node["declared_total_yuan"],
                        where.get("declared_total"),
                        number,
                        node.get("declared_total_text") or "",
                    ),
                ],
                "sub_items": len(node["sub_items"]),
                "citations": len(node["citations"]),
                "lines": sum(len(sub["lines"]) for sub in node["sub_items"]),
                "details": _details(record, node, where),
                "findings": [
                    f for f in findings if f.get("project") == number and f["severity"] != "info"
                ],
            }
        )
    # (a line the importer cut in pieces, a form's glued cells, is shown once: each entry
    # shows the whole line of the file)
    kept = dict.fromkeys(f["line"] for f in findings if f.get("line") and _kept_as_written(f))
    unplaced = [
        {"line": line, "text": text, "place": place}
        for line in kept
        for text, place in [_source_line(record, line)]
    ]
    return {
        "head": head,
        "projects": projects,
        "unplaced": unplaced,
        "notes": result.get("notes", []),
        # What the text as a whole needs: read as one project where it may hold several.
        "structure": [f for f in findings if f.get("field") in ("projects", "rows", "groups")],
        # Document findings other than those shown beside their field above.
        "general": [
            f
            for f in findings
            if f.get("project") is None and f["severity"] != "info" and not f.get("field")
        ],
    }


def _yuan(amount: str | None) -> str:
    return f"{amount}元" if amount else "未写明金额"


def _details(record: SourceFile, node: dict, where: dict) -> list[Value]:
    """The rest of what was read for one project, each beside its line: every sub-item,
    its line items (with their formula) and every citation. Corrected in the editor after
    confirming; shown here so staff see where each came from."""
    subs = where.get("sub_items", [])
    lines = where.get("lines", [])
    citations = where.get("citations", [])

    def at(places: list, index: int) -> int | None:
        return places[index] if index < len(places) else None

    rows = []
    for i, sub in enumerate(node["sub_items"]):
        number = at(subs, i)
        text, place = _source_line(record, number)
        rows.append(
            Value(
                f"sub{i + 1}",
                f"子项目{i + 1}",
                f"{sub['name']}：{_yuan(sub['declared_amount_yuan'])}",
                number,
                text,
                place,
                "",
                sub["name"],
            )
        )
        for j, line in enumerate(sub["lines"]):
            number = at(at(lines, i) or [], j)
            text, place = _source_line(record, number)
            formula = f"（{line['formula']}）" if line.get("formula") else ""
            rows.append(
                Value(
                    f"sub{i + 1}-line{j + 1}",
                    f"子项目{i + 1} 测算{j + 1}",
                    f"{line['name']}：{_yuan(line.get('amount_yuan'))}{formula}",
                    number,
                    text,
                    place,
                    "",
                    line.get("amount_text") or line["name"],
                )
            )
    for k, citation in enumerate(node["citations"]):
        number = at(citations, k)
        text, place = _source_line(record, number)
        rows.append(
            Value(
                f"citation{k + 1}",
                f"立项依据{k + 1}",
                citation["cited_text"],
                number,
                text,
                place,
                "",
                citation["cited_text"],
            )
        )
    return rows


def _amount(text: str, where: str) -> str | None:
    """An amount staff typed in the preview, read as on every form (``AmountField``)."""
    try:
        value = AmountField(required=False).clean(text)
    except ValidationError as error:
        raise IngestError(f"{where}：{'；'.join(error.messages)}") from None
    return None if value is None else f"{value:.2f}"


def confirm(
    record: SourceFile,
    *,
    department: Department,
    fiscal_year: int,
    title: str,
    corrections: dict[int, dict[str, str]],
    user,
    source_published_on=None,
    source_url: str = "",
    dropped: Collection[int] = (),
) -> list[Project]:
    """Store the file's projects as drafts in ``department``'s disclosure of ``fiscal_year``,
    with staff's corrections (per project sequence: name, implementing_unit, declared_total
    as typed, 元 or 万元); after any projects the disclosure already has.

    The projects whose sequences are in ``dropped`` are left out (what the importer read as a
    project and staff say is none: a fund's total, a line of a table's sum); the others are
    numbered again from 1. The lines kept as written with the first project go with the first
    one kept, so that nothing of the file is lost by dropping it."""
    if not 2000 <= fiscal_year <= 2100:
        raise IngestError("预算年度应在2000至2100之间。")
    tree = record.result["tree"]
    dropped = set(dropped) & {node["sequence"] for node in tree["projects"]}
    if len(dropped) == len(tree["projects"]):
        raise IngestError("请至少保留一个项目；一个也不导入，请点“取消导入”。")
    # A title the importer made up by the text's department and year, unknown when it read
    # them, is made up again by the ones staff chose (预算重点领域财政项目文本公开 → 某县
    # 农业农村局2024年预算重点领域财政项目文本公开).
    read = tree["disclosure"]
    if title.strip() == default_title(tree["department"]["name"], read["fiscal_year"]):
        title = default_title(department.name, fiscal_year)
    tree = {
        **tree,
        "department": {**tree["department"], "name": department.name, "slug": department.slug},
        "disclosure": {"fiscal_year": fiscal_year, "title": title.strip()[:200]}
        # When and where the text was first published, as staff confirmed them.
        | ({"source_published_on": source_published_on.isoformat()} if source_published_on else {})
        | ({"source_url": source_url} if source_url else {}),
        "projects": [dict(node) for node in tree["projects"]],
    }
    if dropped:
        tree["projects"] = _without(record, tree["projects"], dropped)
    for number, node in enumerate(tree["projects"], start=1):
        # (corrections and messages by the preview's numbers; stored numbered from 1)
        fixed = corrections.get(node["sequence"], {})
        where = f"项目{node['sequence']}"
        name = fixed.get("name", node["name"]).strip()
        if not name:
            raise IngestError(f"{where}：请填写项目名称。")
        node["name"] = name[:200]
        node["implementing_unit"] = fixed.get(
            "implementing_unit", node["implementing_unit"]
        ).strip()[:200]
        if "declared_total" in fixed:
            typed = fixed["declared_total"]
            yuan = _amount(typed, f"{where}项目金额")
            if yuan != node["declared_total_yuan"]:
                node["declared_total_yuan"] = yuan
                node["declared_total_text"] = typed.strip()[:50] if yuan else ""
        node["sequence"] = number
    # The history's reason holds 100 characters: the file by its number and digest, whose
    # whole value its page shows, and the projects of the preview left out.
    note = f"从上传文件（第{record.pk}号，SHA-256 {record.sha256[:16]}…）导入"
    if dropped:
        note += _left_out(sorted(dropped), 100 - len(note))
    try:
        with transaction.atomic():
            # One confirmation per file, however often the button is pressed.
            locked = SourceFile.objects.select_for_update().get(pk=record.pk)
            if locked.state != SourceFile.State.PREVIEW:
                raise IngestError("该文件已导入，不能重复导入。")
            loaded = load_disclosure_tree(tree, append=True, user=user, history_note=note)
            projects = list(Project.objects.filter(pk__in=loaded.project_ids).order_by("sequence"))
            record.state = SourceFile.State.IMPORTED
            record.department = department
            record.result = {**record.result, "dropped": sorted(dropped)}
            record.save(update_fields=["state", "department", "result"])
            record.projects.set(projects)
    except TreeError as error:
        raise IngestError(str(error)) from None
    except IntegrityError:
        raise IngestError("该单位该年度的项目刚刚有人改动，请重新确认。") from None
    return projects


def _left_out(numbers: list[int], room: int) -> str:
    """The history's words on the projects of the preview left out, by the preview's numbers
    (the drafts are numbered again), as many as ``room`` holds, then how many in all."""
    for count in range(len(numbers), 0, -1):
        listed = "、".join(map(str, numbers[:count]))
        more = f"等{len(numbers)}个" if count < len(numbers) else ""
        said = f"，预览中的项目{listed}{more}未导入"
        if len(said) <= room:
            return said
    return f"，预览中的{len(numbers)}个项目未导入"[:room]


def _without(record: SourceFile, projects: list[dict], dropped: set[int]) -> list[dict]:
    """``projects`` without those of ``dropped``. The lines the importer kept as written with
    the first project (the words around a list, unplaced lines) go, as the file writes them,
    with the first project kept when the first is dropped."""
    kept = [node for node in projects if node["sequence"] not in dropped]
    # (numbered again by the caller, after staff's corrections by the preview's numbers)
    if projects[0]["sequence"] in dropped:
        # (only the lines the importer says it kept with project 1, never another project's
        # notes; and once: not a line the kept project already holds)
        lines = dict.fromkeys(
            finding["line"]
            for finding in record.result.get("findings", [])
            if finding.get("line") and finding.get("kind") in _KEPT_KINDS
        )
        texts = [
            text
            for line in lines
            if (text := _source_line(record, line)[0].strip()) and text not in kept[0]["outcomes"]
        ]
        kept[0]["outcomes"] = "\n".join(text for text in [kept[0]["outcomes"], *texts] if text)
    return kept


def cancel(record: SourceFile) -> None:
    """Remove an upload that was not imported: its row and its stored file (if any)."""
    if record.state not in SourceFile.WAITING:
        raise IngestError("已导入的文件作为草稿的来源保留，不能删除。")
    stored = record.file
    with transaction.atomic():
        record.delete()
        if stored:
            transaction.on_commit(lambda: stored.delete(save=False))


# Lines the importer kept as written with project 1 rather than in a field of their own.
_KEPT_KINDS = {"unplaced", "outside_list", "title_overflow"}


def _kept_as_written(finding: dict) -> bool:
    """Whether ``finding`` is about a line kept as written (highlighted in the preview): of a
    kind that says so, or, for notes without a kind (a section's lines kept as written, a
    preview stored before findings had kinds), worded so."""
    if finding.get("kind"):
        return finding["kind"] in _KEPT_KINDS
    return finding["severity"] == "info" and "保留" in finding["message"]
