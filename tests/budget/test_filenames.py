"""Safe file names: any text in, one path component out that every common system accepts."""

import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from budget.filenames import MAX_BYTES, UniqueNames, safe_component, safe_filename

WINDOWS_FORBIDDEN = set('/\\:*?"<>|')
RESERVED = {"CON", "PRN", "AUX", "NUL"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(10)}
# Text an attacker would write, mixed with what a budget unit writes.
HOSTILE = st.lists(
    st.one_of(
        st.text(alphabet=st.characters(codec="utf-8"), max_size=20),
        st.sampled_from(
            [
                *'/\\:*?"<>|. \t\r\n\x00\x07\x1f\x7f\u200b\u200d\u202e\u2066\ufeff\u3000',
                *["..", "CON", "nul", "COM1", "／", "＼", "项目", "培训", "\u0301", "\ufffe"],
            ]
        ),
    ),
    max_size=60,
).map("".join)


def assert_safe(name: str, max_bytes: int = MAX_BYTES) -> None:
    assert name, "empty"
    assert not WINDOWS_FORBIDDEN & set(name), name
    assert name not in (".", "..")
    assert name == name.strip(" ."), "leading or trailing dot or space"
    assert name == name.strip(), "leading or trailing white space"
    assert all(unicodedata.category(c) not in ("Cc", "Cf", "Cs") for c in name), name
    assert name.split(".")[0].rstrip(" ").upper() not in RESERVED, name
    assert len(name.encode("utf-8")) <= max_bytes
    assert unicodedata.is_normalized("NFC", name)


@settings(max_examples=500)
@given(HOSTILE)
@example("培训/../../../x")
@example("..")
@example("e\u200b\u0301")  # removing the zero-width space lets the accent compose
@example("中" * 61)
@example("CON")
@example("com1.txt")
def test_any_text_becomes_a_safe_component(text):
    name = safe_component(text)
    assert_safe(name)
    assert safe_component(name) == name  # idempotent


@given(HOSTILE, st.integers(min_value=16, max_value=255))
def test_the_byte_bound_holds_for_any_bound(text, max_bytes):
    name = safe_component(text, max_bytes=max_bytes)
    assert_safe(name, max_bytes)
    assert safe_component(name, max_bytes=max_bytes) == name


@given(HOSTILE, st.sampled_from(["pdf", "csv", "xlsx", "json", "zip", "tar.gz"]))
def test_filenames_keep_their_extension(stem, extension):
    name = safe_filename(stem, extension)
    assert_safe(name)
    assert name.endswith("." + extension)
    assert safe_component(name) == name


def test_chinese_stays_readable():
    assert safe_component("澄江市委组织部2024年-项目1-干部教育培训专项资金-第1版.pdf") == (
        "澄江市委组织部2024年-项目1-干部教育培训专项资金-第1版.pdf"
    )
    # Full-width punctuation that Chinese text uses is kept, ASCII look-alikes replaced.
    assert (
        safe_component("关于印发《意见》的通知：第（一）条？")
        == "关于印发《意见》的通知：第（一）条？"
    )
    assert safe_component('a/b\\c:d*e?f"g<h>i|j') == "a_b_c_d_e_f_g_h_i_j"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("项目/../../../x", "项目_.._.._.._x"),
        ("..", "未命名"),
        ("...  ", "未命名"),
        ("", "未命名"),
        ("CON", "_CON"),
        ("nul.pdf", "_nul.pdf"),
        ("COM1 .txt", "_COM1 .txt"),
        ("CONSOLE.pdf", "CONSOLE.pdf"),
        ("项目\x07名称", "项目名称"),
        ("名称\t\n换行", "名称 换行"),
        ("abc\u202egpj.exe", "abcgpj.exe"),  # no right-to-left override
        ("零\u200b宽", "零宽"),
        (" .隐藏. ", "隐藏"),
        ("a／..＼b", "a_.._b"),  # best-fit turns these into / and \ on Windows
    ],
)
def test_examples(text, expected):
    assert safe_component(text) == expected


def test_long_names_are_cut_between_characters():
    name = safe_component("中" * 100)
    assert name == "中" * 60  # 180 bytes, three per character
    name = safe_filename("中" * 100, "xlsx")
    assert name == "中" * 58 + ".xlsx" and len(name.encode()) <= MAX_BYTES


def test_unique_names_number_collisions_before_the_extension():
    names = UniqueNames(["SHA256SUMS.txt"])
    folder = names.folder("澄江/组织部")
    assert folder == "澄江_组织部"
    assert names.file("项目.pdf", folder) == "澄江_组织部/项目.pdf"
    assert names.file("项目.pdf", folder) == "澄江_组织部/项目-2.pdf"
    assert names.file("项目.PDF", folder) == "澄江_组织部/项目-3.PDF"  # case-insensitive systems
    assert names.folder("澄江:组织部") == "澄江_组织部-2"
    assert names.file("sha256sums.txt") == "sha256sums-2.txt"
    assert names.folder("SHA256SUMS.txt") == "SHA256SUMS.txt-2"


@given(st.lists(HOSTILE, min_size=1, max_size=30))
def test_unique_names_are_unique_and_safe(texts):
    names = UniqueNames()
    folder = names.folder(texts[0])
    paths = [names.file(text, folder) for text in texts]
    keys = [unicodedata.normalize("NFC", p).casefold() for p in paths]
    assert len(set(keys)) == len(keys)
    for path in paths:
        head, name = path.split("/")
        assert head == folder
        assert_safe(name)


def test_a_long_name_stays_within_the_bound_when_numbered():
    names = UniqueNames()
    first = names.file(safe_filename("中" * 100, "pdf"))
    second = names.file(safe_filename("中" * 100, "pdf"))
    assert first != second and second.endswith("-2.pdf")
    assert len(second.encode()) <= MAX_BYTES
