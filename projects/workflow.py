"""The lifecycle of a revision: draft → submitted → published → superseded / withdrawn.

Each step is one function that checks who may take it and from which state, writes in one
transaction, and raises ``WorkflowError`` (in Chinese, for the person at the screen) when the
step is not allowed. Publishing freezes the revision: from then on the models and, on
PostgreSQL, the database refuse every change to it (see ``models.FrozenRevisionError``).
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from budget import checks
from budget.checks import Severity

from . import history, pagedoc, public_version, publishing, selectors, services
from .models import (
    LineItem,
    Project,
    SourceNote,
    Status,
)


class WorkflowError(Exception):
    """A lifecycle step that cannot be taken; the message says why."""


def findings(project: Project) -> list[checks.Finding]:
    tree = selectors.with_tree(Project.objects.filter(pk=project.pk)).get()
    return selectors.project_findings(tree)


def _locked(project: Project, *expected: Status) -> Project:
    """The project row, locked for this transaction, in one of the expected states."""
    current = Project.objects.select_for_update().get(pk=project.pk)
    if current.status not in expected:
        allowed = "、".join(Status(s).label for s in expected)
        raise WorkflowError(
            f"“{current.name}”当前状态为“{current.get_status_display()}”，只有“{allowed}”状态才能进行此操作。"
        )
    return current


def _refuse_namesake(project: Project) -> None:
    """The same project entered twice (imported, or saved before this rule) goes no further."""
    other = project.namesake()
    if other is not None:
        raise WorkflowError(
            f"本公开文本中已有同名项目（第{other.sequence}项，{other.get_status_display()}）："
            "同一项目录入两次会在各项合计中重复计算。请删除重复的一项，或在名称中加以区分。"
        )


def keep_as_written(project: Project, explanations: Mapping[tuple[str, str, str], str]) -> None:
    """The unit states that errors are in the published text itself (原文如此): for each
    error (by ``Finding.key``) the explanation the reviewer and the public will read beside
    it; an empty one takes the statement back. Only a draft's notes change, and only for
    errors the checks find now: one whose figures changed meanwhile is left open, to be
    looked at again."""
    with transaction.atomic():
        project = _locked(project, Status.DRAFT)
        errors = {f.key for f in findings(project) if f.severity == Severity.ERROR}
        stored = {(n.code, n.place, n.message): n for n in project.source_notes.all()}
        for key, explanation in explanations.items():
            explanation = explanation.strip()
            note = stored.get(key)
            if key not in errors or (note is not None and note.explanation == explanation):
                continue
            if not explanation:
                if note is not None:
                    note.delete()
                continue
            if note is None:
                code, place, message = key
                note = SourceNote(project=project, code=code, place=place, message=message)
            note.explanation = explanation
            try:
                note.full_clean(exclude=["project"])
            except ValidationError as error:
                raise WorkflowError("原文如此说明：" + "；".join(error.messages)) from None
            note.save()


def _drop_stale_notes(project: Project, found: list[checks.Finding]) -> None:
    """Notes that answer no finding any more (the figure was corrected, or changed) go: what
    is submitted states only what the reviewer will see."""
    current = {f.key for f in found}
    for note in project.source_notes.all():
        if (note.code, note.place, note.message) not in current:
            note.delete()


def submit(project: Project, user) -> Project:
    """A clerk hands a draft over for review. Errors of the checks block it, unless the unit
    stated that the published text itself has them (``keep_as_written``). From now on
    nobody can change it until it is published or returned; the digest of its content is
    kept, and publishing compares against it."""
    with transaction.atomic():
        project = _locked(project, Status.DRAFT)
        _refuse_namesake(project)
        found = findings(project)
        _drop_stale_notes(project, found)
        errors = [f for f in found if f.blocking]
        if errors:
            raise WorkflowError(
                "核对发现错误，改正后才能提交（如原文即如此，请在该错误旁写明原文如此的说明）："
                + "；".join(f.message for f in errors)
            )
        project.status = Status.SUBMITTED
        project.submitted_at = timezone.now()
        project.submitted_by = user
        project.review_comment = ""
        project.submitted_digest = selectors.content_digest(project)
        project.save()
        services.refresh_summary(project)
    return project


def return_to_draft(project: Project, user, comment: str) -> Project:
    """A reviewer sends a submission back with a comment for the clerk, who sees it on the
    project's page and may change the draft again."""
    if not comment.strip():
        raise WorkflowError("退回时请写明意见，告诉录入员需要修改什么。")
    with transaction.atomic():
        project = _locked(project, Status.SUBMITTED)
        project.status = Status.DRAFT
        project.review_comment = comment.strip()
        project.save(update_fields=["status", "review_comment", "updated_at"])
    return project


def publish(project: Project, user, *, explanation: str = "", correction_note: str = "") -> Project:
    """A reviewer publishes a submission exactly as it was submitted; a correction supersedes
    the live revision.

    Four eyes, superusers included: nobody publishes a revision they submitted or whose
    content they changed. The content must still be what was submitted (its digest), and the
    checks must find no error but those the unit kept as written in the source (原文如此);
    warnings need a written explanation, which the public page shows.
    """
    with transaction.atomic():
        project = _locked(project, Status.SUBMITTED)
        if project.submitted_by_id == user.pk:
            raise WorkflowError("不能公开自己提交的项目，请由另一位审核人员审核公开。")
        if user.pk in history.content_editors(project.pk):
            raise WorkflowError(
                "您修改过本版本的内容，不能由您审核公开（四眼原则）；请由另一位审核人员审核公开。"
            )
        if not project.submitted_digest or (
            selectors.content_digest(project) != project.submitted_digest
        ):
            raise WorkflowError(
                "本项目提交审核后内容有变动，与提交时不一致，不能公开；请退回录入员核对后重新提交。"
            )
        _refuse_namesake(project)
        found = findings(project)
        if any(f.blocking for f in found):
            raise WorkflowError("核对发现错误，不能公开；请退回录入员改正。")
        if any(f.severity == Severity.WARNING for f in found) and not explanation.strip():
            raise WorkflowError("核对发现警告：公开前请写明说明，公众将在核对结果旁看到它。")
        live = (
            Project.objects.select_for_update()
            .filter(lineage=project.lineage, status=Status.PUBLISHED)
            .exclude(pk=project.pk)
            .first()
        )
        if live is not None and not correction_note.strip():
            raise WorkflowError("这是更正版本：请写明更正说明，告诉公众改了什么、为什么。")
        if live is not None:
            live.status = Status.SUPERSEDED
            live.save(update_fields=["status", "updated_at"])
        project.warning_explanation = explanation.strip()
        project.correction_note = correction_note.strip()
        project.status = Status.PUBLISHED
        project.published_at = timezone.now()
        project.published_by = user
        project.save(
            update_fields=[
                "warning_explanation",
                "correction_note",
                "status",
                "published_at",
                "published_by",
                "updated_at",
            ]
        )
        services.refresh_summary(project)
        # Its page document, so that its first reader gets the page as fast as the next.
        pagedoc.documents([project])
        publishing.after_publication([project])
    return project


def withdraw(project: Project, user, reason: str) -> Project:
    """Takes a published project (and its older revisions) off the public site, with a reason."""
    if not reason.strip():
        raise WorkflowError("撤回已公开的项目时，请写明向公众说明的原因。")
    with transaction.atomic():
        project = _locked(project, Status.PUBLISHED)
        project.status = Status.WITHDRAWN
        project.withdrawal_reason = reason.strip()
        project.save(update_fields=["status", "withdrawal_reason", "updated_at"])
        public_version.project_changed(project)  # its pages, PDFs and data leave the site
    return project


def create_correction(project: Project, user) -> Project:
    """A new draft revision cloned from the live one, children and all, ready to be edited."""
    with transaction.atomic():
        source = _locked(project, Status.PUBLISHED)
        if Project.objects.filter(
            lineage=source.lineage, status__in=[Status.DRAFT, Status.SUBMITTED]
        ).exists():
            raise WorkflowError("本项目已有一个未公开的更正版本，请在该版本上修改。")
        tree = selectors.with_tree(Project.objects.filter(pk=source.pk)).get()
        copy = Project.objects.get(pk=source.pk)
        copy.pk = None
        copy._stored_status = None
        copy.revision = source.revision + 1
        copy.status = Status.DRAFT
        for field in ("published_at", "published_by", "submitted_at", "submitted_by"):
            setattr(copy, field, None)
        for field in ("correction_note", "withdrawal_reason", "review_comment"):
            setattr(copy, field, "")
        copy.warning_explanation = ""
        copy.submitted_digest = ""
        _mark_copied(copy, user)
        copy.save()
        _clone_children(tree, copy, user)
        services.refresh_summary(copy)
    return copy


def _mark_copied(instance, user) -> None:
    """The edit history records the copy as made by ``user``, and as a copy: copying the
    published text is not authoring it (``history.content_editors``)."""
    instance._history_user = user
    instance._change_reason = history.CLONED


def _clone(instance, user, **changes):
    instance.pk = None
    instance.id = None
    for name, value in changes.items():
        setattr(instance, name, value)
    _mark_copied(instance, user)
    instance.save()
    return instance


def _clone_children(source: Project, target: Project, user) -> None:
    for citation in source.citations.all():
        _clone(citation, user, project=target)
    for funding in source.funding_sources.all():
        _clone(funding, user, project=target)
    for indicator in source.performance_indicators.all():
        _clone(indicator, user, project=target)
    for note in source.source_notes.all():
        _clone(note, user, project=target)
    for sub_item in source.sub_items.all():
        lines = list(sub_item.lines.all())
        milestones = list(sub_item.milestones.all())
        new_sub = _clone(sub_item, user, project=target)
        for milestone in milestones:
            _clone(milestone, user, sub_item=new_sub)
        new_ids: dict[int, LineItem] = {}
        # Parents before children: a line's parent is cloned before the line.
        pending = sorted(lines, key=lambda line: line.parent_id is not None)
        while pending:
            waiting = []
            for line in pending:
                if line.parent_id is not None and line.parent_id not in new_ids:
                    waiting.append(line)
                    continue
                factors = list(line.factors.all())
                old_pk = line.pk
                new_line = _clone(line, user, sub_item=new_sub, parent=new_ids.get(line.parent_id))
                new_ids[old_pk] = new_line
                for factor in factors:
                    _clone(factor, user, line=new_line)
            if len(waiting) == len(pending):
                raise WorkflowError("测算明细的上下级关系有环，无法复制。")
            pending = waiting
