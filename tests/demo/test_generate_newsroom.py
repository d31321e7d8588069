import pytest
from django.core.management import CommandError, call_command

from articles.models import ArticlePage


@pytest.mark.django_db
def test_generator_adds_live_articles_in_each_locale(client):
    before = {
        code: ArticlePage.objects.filter(locale__language_code=code).count()
        for code in ("en", "zh-hans")
    }

    call_command("generate_newsroom", articles=3, locales="en,zh-hans", verbosity=0)

    for code, count in before.items():
        articles = ArticlePage.objects.live().filter(locale__language_code=code)
        assert articles.count() == count + 3
        newest = articles.order_by("-pk").first()
        assert newest.category.locale.language_code == code
        response = client.get(newest.url)
        assert response.status_code == 200
        assert f'lang="{code}"' in response.text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "options,message",
    [
        ({"articles": 2, "locales": "en,xx"}, "Unknown language xx"),
        ({"articles": 0, "locales": "en"}, "at least 1"),
    ],
)
def test_generator_refuses_bad_options(options, message):
    with pytest.raises(CommandError, match=message):
        call_command("generate_newsroom", verbosity=0, **options)
