"""A reader finds pages written in their language, in every script, and nothing else."""

import pytest
from wagtail.models import Page

from articles.models import ArticlePage
from search.indexing import index_pages

SLUG = "novosibirsk-rail-container-hub"

# Each query differs from the title's own spelling the way readers' queries do: another
# inflection, native or Arabic letter variants, a word inside unspaced Chinese text.
QUERIES = {
    "en": "terminals",  # title: "terminal"
    "ru": "Новосибирск",  # title: "Новосибирском"
    "pt": "ferroviários",  # title: "ferroviário"
    "zh-hans": "集装箱",  # inside "发往中国的集装箱班列"
    "hi": "नोवोसिबिर्स्क",
    "ar": "نُوفُوسِيبِيرْسْك",  # with harakat the title does not have
    "fa": "نووسيبيرسك",  # Arabic yeh and kaf; the title has Persian ones
    "am": "ኖቮሲቢርስክ",  # title: "የኖቮሲቢርስክ" ("of Novosibirsk")
}


def search(client, language, **params):
    response = client.get(f"/{language}/search/results.json", params)
    assert response.status_code == 200
    return response.json()


@pytest.mark.django_db
@pytest.mark.parametrize("language,query", QUERIES.items())
def test_a_query_in_each_language_finds_its_page_and_no_other_language(client, language, query):
    expected = ArticlePage.objects.get(locale__language_code=language, slug=SLUG)

    data = search(client, language, q=query)

    ids = [result["id"] for result in data["results"]]
    assert expected.pk in ids
    languages = set(
        Page.objects.filter(pk__in=ids).values_list("locale__language_code", flat=True)
    )
    assert languages == {language}
    assert {result["language"] for result in data["results"]} == {language}


@pytest.mark.django_db
@pytest.mark.parametrize("word", ["货运", "班列", "中国"])
def test_two_character_chinese_words_inside_a_sentence_are_found(client, word):
    expected = ArticlePage.objects.get(locale__language_code="zh-hans", slug=SLUG)
    assert word in expected.title and f" {word} " not in f" {expected.title} "

    data = search(client, "zh-hans", q=word)

    assert expected.pk in [result["id"] for result in data["results"]]


@pytest.mark.django_db
def test_amharic_homophone_letters_match_either_spelling(client):
    expected = ArticlePage.objects.get(locale__language_code="am", slug=SLUG)
    # ሲ and ሢ are the same sound written with two letter series.
    data = search(client, "am", q="ኖቮሢቢርስክ")

    assert expected.pk in [result["id"] for result in data["results"]]


@pytest.mark.django_db
def test_stemming_matches_other_forms_of_a_word(client):
    english = search(client, "en", q="terminal capacities")
    russian = search(client, "ru", q="терминалы мощность")

    assert "novosibirsk" in " ".join(result["url"] for result in english["results"])
    assert "novosibirsk" in " ".join(result["url"] for result in russian["results"])


@pytest.mark.django_db
def test_all_languages_option_searches_every_locale(client):
    only_english = search(client, "en", q="Novosibirsk")
    everywhere = search(client, "en", q="Novosibirsk", lang="all")

    assert {result["language"] for result in only_english["results"]} == {"en"}
    assert {"en", "pt"} <= {result["language"] for result in everywhere["results"]}
    assert everywhere["total"] > only_english["total"]


@pytest.mark.django_db
def test_matches_are_highlighted_in_the_reader_spelling(client):
    data = search(client, "en", q="terminals")

    result = next(r for r in data["results"] if SLUG in r["url"])
    assert "<mark>terminal</mark>" in result["title_html"]
    chinese = search(client, "zh-hans", q="集装箱")
    assert any("<mark>集装箱</mark>" in r["title_html"] for r in chinese["results"])


@pytest.mark.django_db
def test_a_persian_word_with_a_zero_width_non_joiner_is_found(client):
    article = ArticlePage.objects.live().filter(locale__language_code="fa").first()
    article.title = "پیشنهاد مهم\u200cتر برای بندر"
    article.save_revision().publish()
    index_pages([article.pk])

    data = search(client, "fa", q="مهم\u200cتر")
    assert article.pk in [result["id"] for result in data["results"]]
