"""The analyser folds, segments and stems the same way for pages and for queries."""

import pytest

from search.analysis import analyzer, fold


@pytest.mark.parametrize(
    "variant,plain,language",
    [
        ("ＡＢＣ", "abc", "en"),
        ("الاقتصادُ", "الاقتصاد", "ar"),
        ("أحمد", "احمد", "ar"),
        ("كتاب", "کتاب", "fa"),
        ("علي", "علی", "fa"),
        ("۱۴۰۳", "1403", "fa"),
        ("२०२४", "2024", "hi"),
        ("ሠላም", "ሰላም", "am"),
    ],
)
def test_variants_fold_to_one_form(variant, plain, language):
    assert fold(variant, language) == fold(plain, language)


def test_unspaced_text_is_indexed_as_characters_and_pairs():
    terms = analyzer("zh-hans").terms("经济增长")

    assert terms == ["经", "济", "增", "长", "经济", "济增", "增长"]
    assert analyzer("zh-hans").query_terms("经济") == ["经济"]
    assert analyzer("zh-hans").query_terms("经") == ["经"]


@pytest.mark.parametrize(
    "language,forms",
    [
        ("en", ["economy", "economies"]),
        ("ru", ["экономика", "экономики", "экономикой"]),
        ("pt", ["exportação", "exportações"]),
    ],
)
def test_inflected_forms_share_a_stem(language, forms):
    stems = {tuple(analyzer(language).terms(form)) for form in forms}
    assert len(stems) == 1


def test_query_syntax_is_not_passed_through():
    terms = analyzer("en").query_terms('"port" AND (rail* OR title:x) -NEAR')

    assert all(term.isalnum() for term in terms)
