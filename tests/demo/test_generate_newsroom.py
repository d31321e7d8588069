import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from articles.models import ArticleIndexPage, ArticlePage
from cms.demo.synthetic import ArticleGenerator
from cms.taxonomy.models import PageCountry


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
        assert is_indexed(newest)


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


def generated(code, before):
    """The articles of a locale added since `before` (a primary key), oldest number first."""
    return list(
        ArticlePage.objects.filter(locale__language_code=code, pk__gt=before).order_by("pk")
    )


def last_page_pk():
    return Page.objects.order_by("-pk").values_list("pk", flat=True).first()


def is_indexed(page):
    return IndexEntry.objects.filter(
        object_id=str(page.pk), content_type__app_label__in=["wagtailcore", "articles"]
    ).exists()


@pytest.mark.django_db
def test_bulk_insert_leaves_a_valid_tree():
    section = ArticleIndexPage.objects.get(locale__language_code="ru", slug="news")
    children = section.get_children().count()

    call_command("generate_newsroom", articles=25, locales="ru", no_index=True, verbosity=0)

    assert Page.find_problems() == ([], [], [], [], [])
    section.refresh_from_db()
    assert section.numchild == section.get_children().count() == children + 25


@pytest.mark.django_db
def test_generated_articles_serve_under_their_section_and_open_in_the_admin(admin_client):
    before = last_page_pk()

    call_command("generate_newsroom", articles=4, locales="zh-hans", no_index=True, verbosity=0)

    articles = generated("zh-hans", before)
    assert len(articles) == 4
    section = ArticleIndexPage.objects.get(locale__language_code="zh-hans", slug="news")
    for article in articles:
        assert article.get_parent().specific == section
        response = admin_client.get(article.url)
        assert response.status_code == 200
        assert article.title in response.text
        assert article.lead in response.text
    assert admin_client.get(f"/admin/pages/{articles[0].pk}/edit/").status_code == 200
    # Each article is dated before the one generated just ahead of it.
    dates = [article.first_published_at for article in articles]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.django_db
def test_generated_articles_link_one_to_three_countries_of_their_locale():
    before = last_page_pk()

    call_command("generate_newsroom", articles=12, locales="ru", no_index=True, verbosity=0)

    for article in generated("ru", before):
        links = PageCountry.objects.filter(page=article).select_related("country")
        assert 1 <= len(links) <= 3
        assert {link.locale_id for link in links} == {article.locale_id}
        assert {link.country.locale_id for link in links} == {article.locale_id}
        assert article.category.locale_id == article.locale_id


@pytest.mark.django_db
def test_second_run_continues_numbering_with_unique_slugs():
    before = last_page_pk()

    call_command("generate_newsroom", articles=5, locales="en", no_index=True, verbosity=0)
    call_command("generate_newsroom", articles=5, locales="en", no_index=True, verbosity=0)

    numbers = [int(article.slug.rsplit("-", 1)[1]) for article in generated("en", before)]
    assert numbers == sorted(set(numbers))
    assert len(numbers) == 10
    section = ArticleIndexPage.objects.get(locale__language_code="en", slug="news")
    slugs = list(section.get_children().values_list("slug", flat=True))
    assert len(slugs) == len(set(slugs))


@pytest.mark.django_db
def test_same_seed_draws_the_same_articles(locales):
    def draw():
        generator = ArticleGenerator(locales["ru"], seed=7)
        articles = [generator.article() for _ in range(5)]
        return [(page.slug, page.category_id, countries) for page, countries in articles]

    assert draw() == draw()


@pytest.mark.django_db
def test_no_index_leaves_new_articles_out_of_the_search_index():
    before = last_page_pk()

    call_command("generate_newsroom", articles=2, locales="en", no_index=True, verbosity=0)

    assert not any(is_indexed(article) for article in generated("en", before))


@pytest.mark.django_db
def test_insert_queries_do_not_grow_with_the_article_count(locales):
    def queries(count):
        generator = ArticleGenerator(locales["en"], seed=1)
        with CaptureQueriesContext(connection) as captured:
            generator.generate(count)
        return len(captured)

    assert queries(5) == queries(30)
