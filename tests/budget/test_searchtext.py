"""Search keys and n-grams: what the index stores must cover every substring a reader types."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from budget.searchtext import (
    SEPARATOR,
    ngrams,
    query_grams,
    search_document,
    search_key,
    search_terms,
    tsquery_literal,
    tsvector_literal,
)

# Chinese, full-width and half-width ASCII, brackets of 文号, spaces and line breaks.
ALPHABET = st.sampled_from(
    list("慰问金培训干部澄办发号〔〕【】（）()ａＡaA１1 \u3000\n\t'\\:&|!ßﬁ")
)
TEXTS = st.text(alphabet=ALPHABET, max_size=40)


def test_key_is_half_width_upper_case_and_one_line():
    assert search_key("ａｂｃ２０２４年") == "ABC2024年"
    assert search_key("Abc\nDef\u3000g") == "ABC DEF G"
    assert search_key("澄办发（2014）104号") == "澄办发(2014)104号"
    # The brackets of a standard 文号 are not ASCII forms and stay as they are.
    assert search_key("澄办发〔2014〕104号") == "澄办发〔2014〕104号"


def test_ngrams_are_the_distinct_unigrams_and_bigrams_without_spaces():
    assert ngrams("慰问金") == {"慰", "问", "金", "慰问", "问金"}
    assert ngrams("培训 培训") == {"培", "训", "培训"}
    assert ngrams("") == set()


def test_query_grams_are_bigrams_with_a_unigram_only_where_no_bigram_covers_it():
    assert query_grams("慰") == {"慰"}
    assert query_grams("慰问") == {"慰问"}
    assert query_grams("慰问金") == {"慰问", "问金"}
    assert query_grams("A B") == {"A", "B"}
    assert query_grams("慰问 金") == {"慰问", "金"}


def test_search_terms_add_the_standard_form_of_a_document_number():
    assert search_terms("澄办发【2014】104号") == ["澄办发【2014】104号", "澄办发〔2014〕104号"]
    assert search_terms("澄办发〔2014〕104号") == ["澄办发〔2014〕104号"]
    assert search_terms("ａｂ") == ["AB"]
    assert search_terms("\u3000") == []


def test_document_keys_each_field_and_adds_standard_document_numbers():
    document = search_document(["慰问金", "", "根据澄办发（2004）5号文件", "abc"])
    assert document.text.split(SEPARATOR) == [
        "慰问金",
        "根据澄办发(2004)5号文件",
        "ABC",
        "澄办发〔2004〕5号",
    ]
    assert "〔2" in document.grams
    # No gram spans two fields.
    assert "金根" not in document.grams
    assert "金" + SEPARATOR not in document.grams


def test_literals_quote_every_lexeme():
    assert tsvector_literal({"慰问", "a'b", "c\\d"}) == "'a''b' 'c\\\\d' '慰问'"
    assert tsquery_literal({"慰问", "问金"}) == "'慰问' & '问金'"
    assert tsquery_literal({"&"}) == "'&'"
    with pytest.raises(ValueError):
        tsquery_literal(set())


@given(TEXTS, st.data())
def test_every_substring_has_its_grams_in_the_text(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    query = search_key(text[start:end])
    assert query in search_key(text)
    assert query_grams(query) <= ngrams(query) <= ngrams(search_key(text))


@given(st.lists(TEXTS, max_size=4), st.data())
def test_a_substring_of_any_field_is_found_in_the_document(fields, data):
    document = search_document(fields)
    present = [field for field in fields if field]
    if not present:
        assert document.text == ""
        return
    field = data.draw(st.sampled_from(present))
    start = data.draw(st.integers(0, len(field)))
    end = data.draw(st.integers(start, len(field)))
    query = search_key(field[start:end])
    assert query in document.text
    assert query_grams(query) <= document.grams


@given(TEXTS)
def test_keys_never_hold_the_separator_and_are_idempotent(text):
    key = search_key(text)
    assert SEPARATOR not in key
    assert search_key(key) == key


@given(st.one_of(TEXTS, st.text(max_size=2)), TEXTS)
def test_grams_are_exact_for_one_and_two_characters(query, text):
    """A query key of at most two characters is in a text exactly when its grams are.

    (Keys are stripped, as search_terms does, so such a key has no white space.)
    """
    key, haystack = search_key(query).strip(), search_key(text)
    assume(0 < len(key) <= 2)
    assert (key in haystack) == (query_grams(key) <= ngrams(haystack))
