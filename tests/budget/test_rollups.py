"""Totals of a project tree: lines, sub-items, the itemised project total."""

import random
from dataclasses import replace
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from budget.amounts import round_yuan
from budget.rollups import (
    children_total,
    computed_amount,
    itemised_total,
    line_amount,
    lines_total,
    sub_item_total,
    total,
    unitemised_sub_items,
)
from budget.tree import FactorData, LineData, ProjectData, SubItemData

D = Decimal


def factor(value: str, unit: str = "") -> FactorData:
    return FactorData(value=D(value), unit=unit)


# Project 1, sub-item 1, line ⑥ of the seed: 3万元 made of four parts, three with factors.
RETIREMENT_TRAINING = LineData(
    sequence=6,
    marker="⑥",
    name="退休适应性培训费",
    declared=D("30000.00"),
    amount_text="3万元",
    children=(
        LineData(
            sequence=1,
            name="自助餐费",
            declared=D("12000.00"),
            amount_text="1.2万元",
            factors=(factor("60", "人"), factor("100", "元"), factor("2", "天")),
        ),
        LineData(
            sequence=2,
            name="讲课费",
            declared=D("8000.00"),
            amount_text="0.8万元",
            factors=(factor("2000", "元"), factor("4", "人")),
        ),
        LineData(
            sequence=3,
            name="租车费",
            declared=D("2000.00"),
            amount_text="0.2万元",
            factors=(factor("2", "辆"), factor("1000", "元")),
        ),
        LineData(sequence=4, name="场租费、材料费", declared=D("8000.00"), amount_text="0.8万元"),
    ),
)

# Project 2, sub-item 6 of the seed: 51.67万元 from five calculations.
TWO_NEW_ORGANISATIONS = (
    LineData(
        sequence=1,
        name="党委工作补助经费",
        declared=D("30000.00"),
        factors=(factor("6", "个"), factor("5000", "元/年")),
    ),
    LineData(
        sequence=2,
        name="党总支工作补助经费",
        declared=D("27000.00"),
        factors=(factor("9", "个"), factor("3000", "元/年")),
    ),
    LineData(
        sequence=3,
        name="党支部工作补助经费",
        declared=D("168000.00"),
        factors=(factor("112", "个"), factor("1500", "元/年")),
    ),
    LineData(
        sequence=4,
        name="党组织书记岗位补贴",
        declared=D("228000.00"),
        factors=(factor("95", "名"), factor("200", "元/月"), factor("12", "月")),
    ),
    LineData(
        sequence=5,
        name="党员教育培训补助经费",
        declared=D("63700.00"),
        factors=(factor("1274", "人"), factor("50", "元/年")),
    ),
)


def test_total_ignores_none_and_is_zero_for_nothing():
    assert total([]) == D("0.00")
    assert str(total([])) == "0.00"
    assert total([None, None]) == D("0.00")
    assert total([D("1.10"), None, D("2.20")]) == D("3.30")
    assert total(iter([D("5")])) == D("5")


def test_computed_amount_is_the_product_of_factors():
    buffet = RETIREMENT_TRAINING.children[0]
    assert computed_amount(buffet) == D("12000.00")
    assert computed_amount(LineData(sequence=1, name="x")) is None


def test_computed_amount_reads_wan_and_yi_units():
    rent = LineData(
        sequence=1, name="租房补贴", factors=(factor("2", "人"), factor("1.2", "万元/人"))
    )
    assert computed_amount(rent) == D("24000.00")
    big = LineData(sequence=1, name="x", factors=(factor("0.5", "亿元"),))
    assert computed_amount(big) == D("50000000.00")
    # 万 alone (not 万元) is a count, not money; units are compared after stripping spaces.
    assert computed_amount(LineData(sequence=1, name="x", factors=(factor("3", "万人"),))) == D("3")
    spaced = LineData(sequence=1, name="x", factors=(factor("1", " 万元"),))
    assert computed_amount(spaced) == D("10000.00")


def test_computed_amount_rounds_once_half_up():
    line = LineData(sequence=1, name="x", factors=(factor("3", "个"), factor("0.335", "元")))
    assert computed_amount(line) == D("1.01")  # 1.005 → 1.01, half up
    line = LineData(sequence=1, name="x", factors=(factor("1.005"), factor("1")))
    assert computed_amount(line) == round_yuan(D("1.005"))


def test_line_amount_prefers_declared_then_factors_then_children():
    assert line_amount(RETIREMENT_TRAINING) == D("30000.00")
    no_declared = LineData(sequence=1, name="x", factors=(factor("30", "人"), factor("1000", "元")))
    assert line_amount(no_declared) == D("30000.00")
    parent = LineData(sequence=1, name="x", children=RETIREMENT_TRAINING.children)
    assert line_amount(parent) == D("30000.00")
    assert line_amount(LineData(sequence=1, name="x")) is None


def test_line_amount_keeps_a_declared_figure_that_disagrees():
    line = LineData(
        sequence=1, name="x", declared=D("13000.00"), factors=(factor("60"), factor("200"))
    )
    assert line_amount(line) == D("13000.00")
    assert computed_amount(line) == D("12000.00")


def test_line_amount_of_zero_is_zero_not_none():
    assert line_amount(LineData(sequence=1, name="x", declared=D("0.00"))) == D("0.00")
    zero_factor = LineData(sequence=1, name="x", factors=(factor("0", "人"), factor("100", "元")))
    assert line_amount(zero_factor) == D("0.00")


def test_children_total_needs_every_child_amount():
    assert children_total(RETIREMENT_TRAINING) == D("30000.00")
    partial = LineData(
        sequence=1,
        name="x",
        children=(LineData(sequence=1, name="a", declared=D("1")), LineData(sequence=2, name="b")),
    )
    assert children_total(partial) is None
    assert line_amount(partial) is None
    assert children_total(LineData(sequence=1, name="leaf")) is None


def test_three_levels_of_child_lines_roll_up():
    leaf = LineData(sequence=1, name="c", factors=(factor("2"), factor("50")))
    middle = LineData(
        sequence=1, name="b", children=(leaf, LineData(sequence=2, name="d", declared=D("5")))
    )
    top = LineData(sequence=1, name="a", children=(middle,))
    assert line_amount(leaf) == D("100.00")
    assert line_amount(middle) == D("105.00")
    assert line_amount(top) == D("105.00")


def test_sub_item_total_is_declared_else_sum_of_lines():
    sub = SubItemData(sequence=6, name="两新组织党建经费", lines=TWO_NEW_ORGANISATIONS)
    assert sub_item_total(sub) == D("516700.00")
    declared = SubItemData(sequence=6, name="x", declared=D("1.00"), lines=TWO_NEW_ORGANISATIONS)
    assert sub_item_total(declared) == D("1.00")


def test_sub_item_total_counts_lines_with_an_amount_only():
    sub = SubItemData(
        sequence=1,
        name="x",
        lines=(LineData(sequence=1, name="a", declared=D("10.00")), LineData(sequence=2, name="b")),
    )
    assert sub_item_total(sub) == D("10.00")
    assert (
        sub_item_total(SubItemData(sequence=1, name="x", lines=(LineData(sequence=1, name="b"),)))
        is None
    )
    assert sub_item_total(SubItemData(sequence=1, name="x")) is None
    assert lines_total(()) is None


def test_itemised_total_and_unitemised_sub_items():
    with_lines = SubItemData(sequence=1, name="a", lines=(RETIREMENT_TRAINING,))
    declared = SubItemData(sequence=2, name="b", declared=D("600000.00"))
    empty = SubItemData(sequence=3, name="c")
    project = ProjectData(
        name="p",
        fiscal_year=2024,
        declared_total=D("1500000.00"),
        sub_items=(with_lines, declared, empty),
    )
    assert itemised_total(project) == D("630000.00")
    assert unitemised_sub_items(project) == (empty,)


def test_empty_project_totals_nothing():
    project = ProjectData(name="p", fiscal_year=2024)
    assert itemised_total(project) == D("0.00")
    assert unitemised_sub_items(project) == ()


# --- properties -------------------------------------------------------------------------------

_values = st.decimals(min_value=D("0"), max_value=D("100000"), places=2, allow_nan=False)
_counts = st.integers(min_value=0, max_value=2000).map(D)
_money_units = st.sampled_from(["元", "元/人", "万元", "万元/人", "元/月", " 万元"])
_count_units = st.sampled_from(["人", "天", "个", "月", "次", ""])
# Realistic formulas: one price (in 元 or 万元) times up to three counts, e.g. 60人×100元×2天.
_factors = st.builds(
    lambda price, counts: [price, *counts],
    st.builds(FactorData, value=_values, unit=_money_units),
    st.lists(st.builds(FactorData, value=_counts, unit=_count_units), max_size=3),
)


@st.composite
def _lines(draw, depth: int = 0):
    sequence = draw(st.integers(1, 50))
    kind = draw(
        st.sampled_from(["declared", "factors", "none"] + (["children"] if depth < 2 else []))
    )
    if kind == "declared":
        return LineData(sequence=sequence, name="x", declared=draw(_values))
    if kind == "factors":
        return LineData(sequence=sequence, name="x", factors=tuple(draw(_factors)))
    if kind == "children":
        children = draw(st.lists(_lines(depth=depth + 1), min_size=1, max_size=3))
        return LineData(sequence=sequence, name="x", children=tuple(children))
    return LineData(sequence=sequence, name="x")


@given(st.lists(_lines(), max_size=8))
def test_sub_item_total_equals_the_sum_of_its_lines(lines):
    sub = SubItemData(sequence=1, name="s", lines=tuple(lines))
    amounts = [line_amount(line) for line in lines]
    if all(amount is None for amount in amounts):
        assert sub_item_total(sub) is None
    else:
        assert sub_item_total(sub) == sum(a for a in amounts if a is not None)


@given(st.lists(_lines(), max_size=8), st.randoms(use_true_random=False))
def test_permuting_lines_does_not_change_totals(lines, rnd: random.Random):
    shuffled = list(lines)
    rnd.shuffle(shuffled)
    first = SubItemData(sequence=1, name="s", lines=tuple(lines))
    second = SubItemData(sequence=1, name="s", lines=tuple(shuffled))
    assert sub_item_total(first) == sub_item_total(second)
    p1 = ProjectData(
        name="p", fiscal_year=2024, sub_items=(first, SubItemData(sequence=2, name="t"))
    )
    p2 = ProjectData(
        name="p", fiscal_year=2024, sub_items=(SubItemData(sequence=2, name="t"), second)
    )
    assert itemised_total(p1) == itemised_total(p2)


@given(_factors)
def test_line_amount_with_factors_is_the_rounded_product(factors):
    line = LineData(sequence=1, name="x", factors=tuple(factors))
    product = D(1)
    for f in factors:
        product *= f.value * (D(10000) if f.unit.strip().startswith("万元") else D(1))
    assert line_amount(line) == round_yuan(product)
    assert line_amount(line) == computed_amount(line)


@given(st.lists(_lines(), min_size=1, max_size=5))
def test_a_parent_without_declared_amount_is_its_children_total(children):
    parent = LineData(sequence=1, name="p", children=tuple(children))
    amounts = [line_amount(child) for child in children]
    if any(amount is None for amount in amounts):
        assert line_amount(parent) is None
    else:
        assert line_amount(parent) == total(amounts)


@given(st.lists(st.one_of(st.none(), _values), max_size=10))
def test_total_is_the_sum_of_the_given_amounts(values):
    assert total(values) == sum((v for v in values if v is not None), D("0.00"))


def test_a_part_is_not_the_whole():
    """其中: children that are only a part give no amount for the line."""
    part = LineData(
        sequence=1,
        name="农村党员教育培训经费",
        children=(LineData(sequence=1, name="玉溪市财政下达", declared=D("260000.00")),),
        partial=True,
    )
    assert children_total(part) is None
    assert line_amount(part) is None
    assert line_amount(replace(part, declared=D("742800.00"))) == D("742800.00")
    assert children_total(replace(part, partial=False)) == D("260000.00")
