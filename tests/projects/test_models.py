"""Database rules of the domain model: they hold on PostgreSQL whatever the caller does."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from projects.models import (
    Citation,
    Disclosure,
    Factor,
    FundingSource,
    LineItem,
    Milestone,
    PolicyDocument,
    Project,
    Status,
    SubItem,
)

from .factories import (
    CitationFactory,
    DisclosureFactory,
    LineItemFactory,
    ProjectFactory,
    SubItemFactory,
)

pytestmark = pytest.mark.django_db


def violates(callable_):
    with pytest.raises(IntegrityError), transaction.atomic():
        callable_()


def test_negative_amounts_are_rejected_by_the_database():
    project = ProjectFactory()
    sub_item = SubItemFactory(project=project)
    line = LineItemFactory(sub_item=sub_item)
    violates(lambda: Project.objects.filter(pk=project.pk).update(declared_total=Decimal("-1")))
    violates(
        lambda: SubItem.objects.filter(pk=sub_item.pk).update(declared_amount=Decimal("-0.01"))
    )
    violates(lambda: LineItem.objects.filter(pk=line.pk).update(declared_amount=Decimal("-5")))
    violates(lambda: Milestone.objects.create(sub_item=sub_item, sequence=1, amount=Decimal("-1")))
    violates(
        lambda: FundingSource.objects.create(
            project=project, sequence=1, name="自筹", amount=Decimal("-1")
        )
    )
    violates(lambda: Factor.objects.create(line=line, sequence=1, value=Decimal("-2")))


def test_zero_and_missing_amounts_are_allowed():
    project = ProjectFactory(declared_total=None)
    LineItemFactory(sub_item=SubItemFactory(project=project), declared_amount=Decimal("0"))
    assert LineItem.objects.filter(declared_amount=0).count() == 1


def test_sequence_numbers_are_unique_within_each_parent():
    project = ProjectFactory()
    sub_item = SubItemFactory(project=project, sequence=1)
    violates(lambda: SubItemFactory(project=project, sequence=1))
    SubItemFactory(sequence=1)  # another project may reuse it

    line = LineItemFactory(sub_item=sub_item, sequence=1)
    violates(lambda: LineItemFactory(sub_item=sub_item, sequence=1))
    LineItemFactory(sub_item=sub_item, parent=line, sequence=1)  # a child starts its own count
    violates(lambda: LineItemFactory(sub_item=sub_item, parent=line, sequence=1))

    CitationFactory(project=project, sequence=1)
    violates(lambda: CitationFactory(project=project, sequence=1))

    Factor.objects.create(line=line, sequence=1, value=Decimal("60"), unit="人")
    violates(lambda: Factor.objects.create(line=line, sequence=1, value=Decimal("2"), unit="天"))

    Milestone.objects.create(sub_item=sub_item, sequence=1)
    violates(lambda: Milestone.objects.create(sub_item=sub_item, sequence=1))


def test_one_live_revision_per_project():
    live = ProjectFactory(status=Status.PUBLISHED)
    # A different sequence number, so that only the one-live-revision rule can object.
    with pytest.raises(IntegrityError, match="project_one_live_revision"), transaction.atomic():
        ProjectFactory(
            disclosure=live.disclosure,
            lineage=live.lineage,
            revision=2,
            sequence=live.sequence + 1,
            status=Status.PUBLISHED,
        )
    # A correction draft of the same project may exist beside the live revision …
    ProjectFactory(
        disclosure=live.disclosure,
        lineage=live.lineage,
        revision=2,
        sequence=live.sequence,
        status=Status.DRAFT,
    )
    # … but only one open draft at a time, and revision numbers never repeat.
    violates(
        lambda: ProjectFactory(
            disclosure=live.disclosure, lineage=live.lineage, revision=3, status=Status.SUBMITTED
        )
    )
    violates(
        lambda: ProjectFactory(
            disclosure=live.disclosure, lineage=live.lineage, revision=1, status=Status.SUPERSEDED
        )
    )


def test_project_sequence_is_unique_among_live_projects_of_a_disclosure():
    disclosure = DisclosureFactory()
    ProjectFactory(disclosure=disclosure, sequence=1, status=Status.PUBLISHED)
    violates(lambda: ProjectFactory(disclosure=disclosure, sequence=1, status=Status.PUBLISHED))
    ProjectFactory(disclosure=disclosure, sequence=1, status=Status.SUPERSEDED)


def test_one_disclosure_per_department_and_year():
    disclosure = DisclosureFactory()
    violates(
        lambda: Disclosure.objects.create(
            department=disclosure.department, fiscal_year=2024, title="重复"
        )
    )


def test_milestone_month_must_be_a_month():
    sub_item = SubItemFactory()
    violates(lambda: Milestone.objects.create(sub_item=sub_item, sequence=1, due_month=13))
    violates(lambda: Milestone.objects.create(sub_item=sub_item, sequence=2, due_month=0))


def test_policy_documents_are_shared_and_unique_by_title_and_number():
    PolicyDocument.objects.create(title="干部档案工作条例")
    violates(lambda: PolicyDocument.objects.create(title="干部档案工作条例"))
    PolicyDocument.objects.create(title="干部档案工作条例", document_number="中办发〔2018〕1号")


@pytest.mark.usefixtures("guards_off")
def test_published_shows_only_live_revisions_and_never_drafts():
    live = ProjectFactory(status=Status.PUBLISHED)
    old = ProjectFactory(
        disclosure=live.disclosure,
        lineage=live.lineage,
        revision=2,
        sequence=live.sequence,
        status=Status.SUPERSEDED,
    )
    hidden = [
        ProjectFactory(disclosure=live.disclosure, status=status)
        for status in (Status.DRAFT, Status.SUBMITTED, Status.WITHDRAWN)
    ]
    assert list(Project.objects.published()) == [live]
    assert set(Project.objects.published(include_superseded=True)) == {live, old}
    for project in hidden:
        SubItemFactory(project=project)
        CitationFactory(project=project)
    assert SubItem.objects.published().count() == 0
    assert Citation.objects.published().count() == 0
    assert PolicyDocument.objects.published().count() == 0
    assert list(Disclosure.objects.published()) == [live.disclosure]


def test_nothing_is_public_when_every_project_is_a_draft():
    project = ProjectFactory(status=Status.DRAFT)
    LineItemFactory(sub_item=SubItemFactory(project=project))
    assert not Disclosure.objects.published().exists()
    assert not LineItem.objects.published().exists()
    assert not project.disclosure.department.__class__.objects.published().exists()


def test_a_child_line_must_belong_to_the_same_sub_item():
    from django.core.exceptions import ValidationError

    parent = LineItemFactory()
    stray = LineItem(sub_item=SubItemFactory(), parent=parent, sequence=1, name="错挂的明细")
    with pytest.raises(ValidationError) as error:
        stray.full_clean()
    assert "同一子项目" in str(error.value)


def test_withdrawing_a_project_hides_its_older_revisions_too():
    old = ProjectFactory(status=Status.SUPERSEDED)
    ProjectFactory(
        disclosure=old.disclosure,
        lineage=old.lineage,
        revision=2,
        sequence=old.sequence,
        status=Status.WITHDRAWN,
    )
    assert not Project.objects.published(include_superseded=True).exists()


# Each project's history as the statuses of its revisions 1, 2, …: live, corrected once or
# twice, corrected and then withdrawn, with a correction still a draft, a draft never published.
HISTORIES = [
    (Status.PUBLISHED,),
    (Status.SUPERSEDED, Status.PUBLISHED),
    (Status.SUPERSEDED, Status.SUPERSEDED, Status.PUBLISHED),
    (Status.SUPERSEDED, Status.WITHDRAWN),
    (Status.WITHDRAWN,),
    (Status.PUBLISHED, Status.DRAFT),
    (Status.SUPERSEDED, Status.PUBLISHED, Status.SUBMITTED),
    (Status.DRAFT,),
]


@pytest.mark.usefixtures("guards_off")
def test_the_project_page_reads_the_revisions_published_gives():
    """The page's one-query read of a project's revisions (``selectors.project_page``) gives,
    for every history, what ``published(include_superseded=True)`` gives for that project,
    oldest first; a project with none is a 404."""
    from django.http import Http404

    from projects import selectors

    disclosure = DisclosureFactory()
    lineages = []
    for number, history in enumerate(HISTORIES, start=1):
        first = ProjectFactory(disclosure=disclosure, sequence=number, status=history[0])
        for revision, status in enumerate(history[1:], start=2):
            ProjectFactory(
                disclosure=disclosure,
                lineage=first.lineage,
                revision=revision,
                sequence=number,
                status=status,
            )
        lineages.append(first.lineage)
    public = Project.objects.published(include_superseded=True)
    counts = []
    for lineage, history in zip(lineages, HISTORIES, strict=True):
        expected = list(public.filter(lineage=lineage).order_by("revision"))
        counts.append(len(expected))
        if not expected:
            with pytest.raises(Http404):
                selectors.project_page(lineage, 1)
            continue
        page = selectors.project_page(lineage, expected[-1].revision)
        assert page.revisions == expected, history
    assert counts == [1, 2, 3, 0, 0, 1, 2, 0]


def test_a_child_line_takes_its_parents_sub_item():
    parent = LineItemFactory()
    child = LineItem(parent=parent, sequence=1, name="自助餐费")
    child.full_clean()
    assert child.sub_item_id == parent.sub_item_id
