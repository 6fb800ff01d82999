"""Texts in traditional characters, with pinyin readings left inline, read in simplified ones."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from budget.importer import parse_disclosure
from budget.importer.build import CONVERTED_MESSAGE
from budget.importer.script import readings_removed, simplified

# A county notice as a mirror site serves it: converted to traditional characters, each
# converted character's reading left after it.
MIRRORED = (
    "關于下達2025年鄉(xiāng)村振興(xīng)項目資金的通知\n"
    "一、項目名稱:鳳屯鎮(zhèn)農(nóng)村道路硬化項目\n"
    "二、實施單位:鳳屯鎮(zhèn)人民政府\n"
    "三、項目資金:120萬元\n"
)


def test_a_traditional_text_with_readings_is_read_in_simplified_characters_and_said_so():
    text, converted = simplified(MIRRORED)
    assert converted
    assert text.split("\n")[1] == "一、项目名称:凤屯镇农村道路硬化项目"
    assert text.count("\n") == MIRRORED.count("\n")  # line for line
    result = parse_disclosure(MIRRORED, year=2025)
    (project,) = result.tree["projects"]
    assert project["name"] == "凤屯镇农村道路硬化项目"
    assert project["implementing_unit"] == "凤屯镇人民政府"
    assert project["declared_total_yuan"] == "1200000.00"
    assert result.findings[0].message == CONVERTED_MESSAGE


def test_a_simplified_text_is_never_converted_nor_said_to_be():
    # 乾县 keeps its 乾, and one traditional character quoted in a simplified text is no sign.
    text = (
        "一、项目名称:乾县2025年高标准农田建设项目\n二、项目资金:120万元\n说明:原文写作“發展”。\n"
    )
    assert simplified(text) == (text, False)
    result = parse_disclosure(text, year=2025)
    assert all(f.message != CONVERTED_MESSAGE for f in result.findings)


def test_only_readings_with_tone_marks_are_removed():
    assert readings_removed("建設(shè)性質（zhì）") == ("建設性質", 2)
    # A model or a clause in letters carries no tone mark: it is part of the text.
    assert readings_removed("采购PE管(de200)及配件(a)") == ("采购PE管(de200)及配件(a)", 0)
    assert readings_removed("第(1)项") == ("第(1)项", 0)


_SIMPLIFIED = "项目资金万元镇村农业发展建设补助县区人民政府实施单位乾县合计每亩"


@given(st.text(alphabet=_SIMPLIFIED + "0123456789.,:、\n ", max_size=80))
def test_a_text_in_simplified_characters_comes_back_unchanged(text):
    assert simplified(text) == (text, False)


@given(st.text(alphabet="項目資金萬元鎮村農業發展建設補助縣區人民政府實施單位每畝0123456789\n"))
def test_conversion_keeps_the_line_count(text):
    converted, _ = simplified(text, always=True)
    assert converted.count("\n") == text.count("\n")


def test_a_line_opencc_cannot_take_stays_as_written():
    text = "項目資金\udc8b萬元\n鳳屯鎮人民政府組織實施農村道路硬化項目"
    converted, changed = simplified(text, always=True)
    assert changed
    assert converted.split("\n") == ["項目資金\udc8b萬元", "凤屯镇人民政府组织实施农村道路硬化项目"]
