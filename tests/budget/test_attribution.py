"""Money a project's text ties to a document it cites (budget.attribution)."""

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from budget.attribution import attributed
from budget.tree import LineData, ProjectData, SubItemData

NUMBER = "玉老通〔2018〕15号"
TITLE = "关于明确离退休干部党组织工作经费保障标准的通知"


def project(content: str, lines=(), declared=None) -> ProjectData:
    return ProjectData(
        name="项目",
        fiscal_year=2024,
        sub_items=(
            SubItemData(
                sequence=1,
                name="子项目",
                declared=declared,
                lines=tuple(lines),
                texts=(("content", content), ("plan", "")),
            ),
        ),
    )


def line(marker: str, amount: str, name: str = "经费") -> LineData:
    return LineData(
        sequence=int("①②③④⑤".index(marker)) + 1, name=name, declared=Decimal(amount), marker=marker
    )


def test_a_line_whose_passage_names_the_document_is_attributed_its_amount():
    text = (
        "①慰问金3万元。②工作经费0.3万元。根据玉老通【2018】15号文件，每个支部每年1000元。"
        f"③补贴0.84万元，依据《{TITLE}》发放。"
    )
    data = project(text, [line("①", "30000"), line("②", "3000"), line("③", "8400")])
    found = attributed(data, number=NUMBER, title=TITLE)
    assert [(a.place.split()[0], a.amount) for a in found] == [
        ("②", Decimal("3000")),  # by its number, in any brackets
        ("③", Decimal("8400")),  # by its title in 《》
    ]


def test_a_sub_item_naming_the_document_outside_any_line_is_attributed_its_total():
    found = attributed(
        project("根据玉老通〔2018〕15号，补助支部工作经费。", declared=Decimal("60000")),
        number=NUMBER,
        title=TITLE,
    )
    assert [(a.sub_item, a.place, a.amount) for a in found] == [(1, "", Decimal("60000"))]


def test_a_text_that_only_cites_the_document_as_the_projects_basis_ties_no_money_to_it():
    data = project("①慰问金3万元。②工作经费0.3万元。", [line("①", "30000"), line("②", "3000")])
    assert attributed(data, number=NUMBER, title=TITLE) == []
    # Another document's number is not this one's.
    other = project("①经费3万元，根据玉老通〔2019〕15号。", [line("①", "30000")])
    assert attributed(other, number=NUMBER, title=TITLE) == []


@given(st.lists(st.tuples(st.booleans(), st.integers(1, 10**6)), min_size=1, max_size=5))
def test_the_money_attributed_is_exactly_the_named_lines(spec):
    markers = "①②③④⑤"
    text = "".join(
        f"{markers[i]}经费{amount}元。" + ("根据玉老通〔2018〕15号。" if named else "")
        for i, (named, amount) in enumerate(spec)
    )
    lines = [line(markers[i], str(amount)) for i, (_named, amount) in enumerate(spec)]
    found = attributed(project(text, lines), number=NUMBER, title=TITLE)
    assert sum((a.amount for a in found), Decimal(0)) == sum(
        (Decimal(amount) for named, amount in spec if named), Decimal(0)
    )
