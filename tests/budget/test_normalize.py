"""budget.normalize: half-width forms and cited titles blanked, positions kept."""

from hypothesis import given
from hypothesis import strategies as st

from budget.normalize import blank_titles, halfwidth, squash


def test_cited_titles_are_blanked_and_the_texts_own_words_kept():
    text = "根据《关于下达２０１７年资金的通知》，２０２４年安排３个项目"
    blanked = blank_titles(text)
    assert "2017" not in blanked
    assert blanked.endswith("2024年安排3个项目")
    assert blanked.index("2024") == text.index("２０２４")


@given(st.text(alphabet="《》年项目２0１9 ，,关于的通知", max_size=60))
def test_blanking_keeps_every_position(text):
    blanked = blank_titles(text)
    assert len(blanked) == len(text)
    assert all(a == b for a, b in zip(blanked, halfwidth(text), strict=True) if a != "\u3000")


def test_squash_compares_words_whatever_their_spacing_and_width():
    assert squash(" 总 投 资（万元）\t\u3000") == "总投资(万元)"
    assert squash("") == ""
