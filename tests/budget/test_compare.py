"""Comparing two revisions: what changed, and a character diff that reads both ways."""

from hypothesis import given
from hypothesis import strategies as st

from budget.compare import compare, inline_diff


def read(pieces, side):
    keep = {"old": ("same", "removed"), "new": ("same", "added")}[side]
    return "".join(p.text for p in pieces if p.op in keep)


@given(st.text(max_size=60), st.text(max_size=60))
def test_the_diff_reads_as_the_old_and_as_the_new_text(old, new):
    pieces = inline_diff(old, new)
    assert read(pieces, "old") == old
    assert read(pieces, "new") == new


def test_a_changed_amount_in_chinese_text():
    pieces = inline_diff("每人每节慰问金500元", "每人每节慰问金800元")
    assert [(p.op, p.text) for p in pieces] == [
        ("same", "每人每节慰问金"),
        ("removed", "5"),
        ("added", "8"),
        ("same", "00元"),
    ]


def test_changed_added_and_removed_entries():
    old = {"name": ("一、项目名称", "甲"), "s/1": ("子项目1", "培训"), "s/2": ("子项目2", "慰问")}
    new = {"name": ("一、项目名称", "乙"), "s/1": ("子项目1", "培训"), "s/3": ("子项目3", "体检")}
    changes = compare(old, new)
    assert [(c.key, c.kind, c.old, c.new) for c in changes] == [
        ("name", "changed", "甲", "乙"),
        ("s/3", "added", "", "体检"),
        ("s/2", "removed", "慰问", ""),
    ]


@given(st.dictionaries(st.text(max_size=5), st.text(max_size=10), max_size=8))
def test_a_revision_compared_with_itself_has_no_changes(texts):
    entries = {k: (k, v) for k, v in texts.items()}
    assert compare(entries, entries) == []


def test_amounts_are_shown_whole():
    (change,) = compare(
        {"t": ("六、申报总额", "150万元")}, {"t": ("六、申报总额", "296.73万元")}, frozenset({"t"})
    )
    assert [(p.op, p.text) for p in change.pieces] == [
        ("removed", "150万元"),
        ("added", "296.73万元"),
    ]
