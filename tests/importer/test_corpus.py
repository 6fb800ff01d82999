"""The importer on real texts of other provinces and layouts (tests/importer/corpus/): no text
crashes it, and the share of values read right does not fall below what it was when last
raised, nor the silent errors rise above it. Raise the floors as the importer improves
(``make importer-score`` prints the figures)."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.importer.score import FLAGGED, RIGHT, WRONG, corpus_files, score_corpus

# Measured with `make importer-score`; each one may only move the right way while the corpus
# stays as it is (a held-out round added to it is scored first and may lower them).
RIGHT_AT_LEAST = 0.771  # (0.80 until the forty-second round was added; 77.14 % in session 31)
WRONG_AT_MOST = 509  # 1144 texts (64–1176 held out first) and 6 office copies; 11, once
# refused, is read since session 27 with two counts it cannot flag (sub-items, citations)


@pytest.fixture(scope="module")
def scores():
    return score_corpus()


def test_the_corpus_has_twenty_real_texts_of_eight_provinces_in_every_layout():
    files = corpus_files()
    assert len(files) >= 20
    assert len({expected["province"] for _, expected in files}) >= 8
    assert {"a", "b", "c", "d", "e"} <= {expected["layout"] for _, expected in files}
    assert all(expected["source"].startswith("http") for _, expected in files)


def test_the_corpus_holds_word_pdf_and_excel_files_that_read_no_worse_than_their_text(scores):
    """The re-typeset office files (``corpus/retypeset.py``) go through their format's reader:
    each must be read at least as well as the stored text it was made from."""
    by_name = {score.name: score for score in scores}
    office = [name for name in by_name if not name.endswith(".txt")]
    assert {name.rsplit(".", 1)[1] for name in office} == {"docx", "pdf", "xlsx"}
    for name in office:
        text = by_name[name.rsplit(".", 1)[0] + ".txt"]

        def counts(score):
            return Counter(verdict for _, verdict, _ in score.verdicts)

        assert counts(by_name[name])[RIGHT] >= counts(text)[RIGHT], name
        assert counts(by_name[name])[WRONG] <= counts(text)[WRONG], name


def test_no_text_crashes_the_importer(scores):
    crashed = [score.name for score in scores if score.error.startswith("崩溃")]
    assert not crashed


def test_every_line_of_every_text_is_kept_so_each_can_be_stored():
    """Nothing lost on real texts: a line no rule placed is kept as unplaced text, so no text
    ends with an import error (此行未能保留…) that would keep it from being stored."""
    from budget.importer import TextImportError, parse_disclosure
    from sourcefiles import read_file

    blocked = []
    for path, _expected in corpus_files():
        text = read_file(path.name, path.read_bytes()).text
        try:
            result = parse_disclosure(text)
        except TextImportError:
            continue  # a refusal says why; it loses nothing
        blocked += [(path.name, finding.line) for finding in result.errors]
    assert blocked == []


def test_the_score_does_not_fall(scores):
    counts = Counter(verdict for score in scores for _, verdict, _ in score.verdicts)
    total = sum(counts.values())
    assert set(counts) <= {RIGHT, FLAGGED, WRONG}
    assert counts[RIGHT] / total >= RIGHT_AT_LEAST, counts
    assert counts[WRONG] <= WRONG_AT_MOST, counts


def test_a_project_missed_early_does_not_take_the_place_of_one_read_by_name():
    from tests.importer.score import _match_projects

    expected = [{"name": "甲村道路"}, {"name": "乙村水池"}, {"name": "丙村库房"}]
    got = [{"name": "乙村水池"}, {"name": "丙村库房"}]
    pairs = _match_projects(expected, got)
    assert [(w["name"], g and g["name"]) for w, g in pairs] == [
        ("甲村道路", None),
        ("乙村水池", "乙村水池"),
        ("丙村库房", "丙村库房"),
    ]
    # Unnamed alike, a project is paired by its place.
    pairs = _match_projects([{"name": "甲"}, {"name": "乙"}], [{"name": "A"}, {"name": "B"}])
    assert [g["name"] for _w, g in pairs] == ["A", "B"]


def test_the_quantities_of_a_calculation_are_its_numbers_but_years_and_models():
    from decimal import Decimal

    from tests.importer.score import _numbers

    assert _numbers("2019年种植3060亩,每亩补贴资金500元") == [Decimal("3060"), Decimal("500")]
    assert _numbers("3km(PE160),17万元/km") == [Decimal("3"), Decimal("17")]
    assert _numbers("10人x60工作日x530元") == [Decimal("10"), Decimal("60"), Decimal("530")]
    assert _numbers("１２００人，每人２０００元") == [Decimal("1200"), Decimal("2000")]
    # a count in 万 of its unit is ten-thousands of it; a sum in 万元 stays in 万元
    assert _numbers("6.88万亩,按亩均投资1500元") == [Decimal("68800"), Decimal("1500")]
    assert _numbers("150场,每场演出补助1.5万元") == [Decimal("150"), Decimal("1.5")]
    # an age says who is counted: no quantity
    assert _numbers("12906名80—99周岁老人,600元/人/年") == [Decimal("12906"), Decimal("600")]
    # a sum of 万 and more yuan is in 万元, as written
    assert _numbers("3万余元") == [Decimal("3")]
    # quantities in traditional characters are read as the importer reads them
    assert _numbers("800萬畝,20元/畝") == [Decimal("8000000"), Decimal("20")]


def test_a_calculation_is_read_by_its_quantities_or_by_factors_that_make_its_amount():
    from tests.importer.score import _calculation_found

    def line(amount, *factors):
        return {
            "amount_yuan": amount,
            "factors": [{"value": value, "unit": unit} for value, unit in factors],
        }

    read = [line("22085000.00", ("4417", "户"), ("5000", "元"))]
    # every quantity among the factors, the amount as stated
    assert _calculation_found(["改造", "22085000.00", "4417户,每户5000元"], read)
    assert not _calculation_found(["改造", "22000000.00", "4417户,每户5000元"], read)
    # words around the calculation copied with it (10个试点村): the factors, a part of
    # the quantities, make its amount exactly
    assert _calculation_found(["改造", "22085000.00", "10个试点村共4417户,每户5000元"], read)
    # ... and only then: a product that is not the amount, or a single factor, is no reading
    assert not _calculation_found(
        ["改造", "22085000.00", "10个试点村共4417户,每户5000元"],
        [line("22085000.00", ("4417", "户"), ("10", "个"))],
    )
    assert not _calculation_found(
        ["改造", "50000.00", "10个村,每村5000元"], [line("50000.00", ("10", "个"))]
    )
    # ... nor where the line states another amount than the one its factors make
    assert not _calculation_found(
        ["改造", "22085000.00", "10个试点村共4417户,每户5000元"],
        [line("99999.00", ("4417", "户"), ("5000", "元"))],
    )
    # nor without a stated amount, where a part of the quantities proves nothing
    assert not _calculation_found(["改造", None, "10个村共4417户,每户5000元"], read)
    # money factors in 万元 count as 元 in the product
    assert _calculation_found(
        ["补助", "300000.00", "全镇5个村中3个村,每村10万元"],
        [line("300000.00", ("3", "个"), ("10", "万元"))],
    )


# Reads every text of the corpus and prints one digest of every tree and finding.
_DIGEST = """
import hashlib, json, sys
from pathlib import Path
from budget.importer import TextImportError, parse_disclosure
from sourcefiles import read_file
digest = hashlib.sha256()
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    try:
        result = parse_disclosure(read_file(path.name, path.read_bytes()).text)
        found = [result.tree, [(f.severity, f.message, f.line, f.project) for f in result.findings]]
    except TextImportError as error:
        found = str(error)
    digest.update(json.dumps(found, ensure_ascii=False, sort_keys=True, default=str).encode())
print(digest.hexdigest())
"""


@pytest.mark.slow
def test_a_text_reads_the_same_whatever_order_python_keeps_its_sets_in():
    # Python orders a set of strings by a hash seeded afresh in every process: a rule that
    # takes the first of a set read one upload differently from the next (a name said twice
    # in a title was once joined to itself). Every text, read in processes seeded apart.
    import os
    import subprocess
    import sys
    from pathlib import Path

    from tests.importer.score import CORPUS

    root = Path(__file__).resolve().parents[2]
    digests = {
        subprocess.run(
            [sys.executable, "-c", _DIGEST, str(CORPUS)],
            capture_output=True,
            text=True,
            check=True,
            cwd=root,
            env=os.environ | {"PYTHONHASHSEED": seed, "PYTHONPATH": str(root)},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1
