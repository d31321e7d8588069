"""A partner's feed imported as drafts in "From partners": once, credited, bad feeds skipped."""

import logging

import pytest
from django.core.management import CommandError, call_command

from articles.models import ArticleIndexPage, ArticlePage
from cms.inbound.importer import import_partner_feeds
from cms.inbound.models import ImportedEntry, PartnerFeed
from cms.inbound.section import SECTION_SLUG
from cms.inbound.tasks import import_partner_feeds_job
from cms.taxonomy.models import Category

from .conftest import PartnerSite

pytestmark = pytest.mark.django_db
FEED_TITLES = [
    "Porto de Itajaí bate recorde de contêineres em outubro",
    "Feira de agricultura familiar volta à praça central de Joinville",
    "Estudantes de Florianópolis criam aplicativo para alertar sobre ressacas",
]


def imported_pages(feed):
    return ArticlePage.objects.filter(
        pk__in=ImportedEntry.objects.filter(feed=feed).values("page")
    ).order_by("title")


def test_a_feed_fetched_twice_is_imported_once(partner_site, register_feed):
    feed = register_feed(f"{partner_site}/folha-do-litoral.rss")

    [first] = import_partner_feeds()
    [second] = import_partner_feeds()

    assert len(first.imported) == 3 and first.error == ""
    assert second.imported == [] and second.skipped == 3
    assert sorted(imported_pages(feed).values_list("title", flat=True)) == sorted(FEED_TITLES)
    assert ArticlePage.objects.filter(title=FEED_TITLES[0]).count() == 1
    assert PartnerSite.requests_seen == ["/folha-do-litoral.rss"] * 2


def test_entries_land_as_drafts_in_from_partners_with_the_source_credited(
    partner_site, register_feed, partner, client
):
    feed = register_feed(f"{partner_site}/folha-do-litoral.rss")
    import_partner_feeds()

    pages = list(imported_pages(feed))
    section = ArticleIndexPage.objects.get(slug=SECTION_SLUG, locale__language_code="pt")
    for page in pages:
        assert not page.live and page.has_unpublished_changes
        assert page.get_parent().pk == section.pk
        assert page.locale.language_code == "pt"
        assert client.get(f"/pt/{section.slug}/{page.slug}/").status_code == 404

    port = next(page for page in pages if page.title == FEED_TITLES[0])
    body = str(port.body)
    assert partner.title in body
    link = "https://folhadolitoral.example.com.br/economia/2026/11/24/porto-de-itajai-recorde"
    assert f'href="{link}-conteineres"' in body
    assert "142 mil contêineres" in body
    assert port.lead.startswith("Movimentação cresceu 14%")
    # "Economia" is our economics category in Portuguese; "Cidades" is none of ours.
    assert port.category.slug == "economics"
    fair = next(page for page in pages if page.title == FEED_TITLES[1])
    assert fair.category == feed.category


def test_a_partners_markup_is_reduced_to_its_text(partner_site, register_feed):
    feed = register_feed(f"{partner_site}/folha-do-litoral.rss")
    import_partner_feeds()

    bodies = " ".join(str(page.body) for page in imported_pages(feed))
    assert "<script" not in bodies and "alert(" not in bodies
    assert "onclick" not in bodies and "track()" not in bodies
    assert "nova estrutura" in bodies


def test_a_malformed_feed_is_logged_and_skipped(partner_site, register_feed, caplog):
    broken = register_feed(f"{partner_site}/malformed.rss")
    good = register_feed(f"{partner_site}/folha-do-litoral.rss", language="ru")

    with caplog.at_level(logging.WARNING, logger="cms.inbound.importer"):
        reports = {report.feed.pk: report for report in import_partner_feeds()}

    assert reports[broken.pk].imported == [] and reports[broken.pk].error
    assert len(reports[good.pk].imported) == 3
    broken.refresh_from_db()
    assert broken.last_error and broken.last_fetched_at
    assert not ImportedEntry.objects.filter(feed=broken).exists()
    assert f"Partner feed {broken.pk}" in caplog.text


@pytest.mark.parametrize("path", ["/status/500", "/status/404", "/no-such-feed.rss"])
def test_an_http_error_is_logged_and_skipped(partner_site, register_feed, path):
    feed = register_feed(partner_site + path)

    [report] = import_partner_feeds()

    assert report.imported == [] and "could not be fetched" in report.error
    feed.refresh_from_db()
    assert "could not be fetched" in feed.last_error


def test_an_unreachable_server_is_logged_and_skipped(register_feed, loopback_partners):
    register_feed("http://127.0.0.1:9/feed.rss")
    [report] = import_partner_feeds()
    assert "could not be fetched" in report.error


def test_a_successful_fetch_clears_the_last_error(partner_site, register_feed):
    feed = register_feed(f"{partner_site}/folha-do-litoral.rss", last_error="old failure")
    import_partner_feeds()
    feed.refresh_from_db()
    assert feed.last_error == ""


def test_inactive_feeds_are_not_fetched(partner_site, register_feed):
    register_feed(f"{partner_site}/folha-do-litoral.rss", is_active=False)
    assert import_partner_feeds() == []
    assert PartnerSite.requests_seen == []


def test_every_locale_gets_its_own_section_sharing_one_translation_key(
    partner_site, register_feed
):
    register_feed(f"{partner_site}/folha-do-litoral.rss", language="pt")
    register_feed(f"{partner_site}/folha-do-litoral.rss", language="ru")
    import_partner_feeds()

    sections = ArticleIndexPage.objects.filter(slug=SECTION_SLUG)
    assert sorted(sections.values_list("locale__language_code", flat=True)) == ["pt", "ru"]
    assert len({section.translation_key for section in sections}) == 1
    assert not any(section.live for section in sections)


def test_the_periodic_job_and_the_command_import(partner_site, register_feed, capsys):
    register_feed(f"{partner_site}/folha-do-litoral.rss")
    assert import_partner_feeds_job() == 3

    call_command("import_partner_feeds")
    assert "0 imported as drafts, 3 already imported" in capsys.readouterr().out


def test_the_command_refuses_an_unknown_feed():
    with pytest.raises(CommandError, match="no partner feed with id 999999"):
        call_command("import_partner_feeds", feed=[999999])


def portuguese_category(slug="society"):
    return Category.objects.get(slug=slug, locale__language_code="pt")


def test_admin_registers_a_feed(admin_client, partner, locales):
    response = admin_client.post(
        "/admin/snippets/inbound/partnerfeed/add/",
        {
            "partner": partner.pk,
            "url": "https://folhadolitoral.example.com.br/rss",
            "locale": locales["pt"].pk,
            "category": portuguese_category().pk,
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    feed = PartnerFeed.objects.get(url="https://folhadolitoral.example.com.br/rss")
    assert feed.partner == partner and feed.locale == locales["pt"] and feed.is_active
    listing = admin_client.get("/admin/snippets/inbound/partnerfeed/")
    assert "folhadolitoral.example.com.br/rss" in listing.content.decode()


@pytest.mark.parametrize(
    "url, category_language, message",
    [
        ("ftp://example.org/feed", "pt", "http:// or https:// address."),
        ("https://example.org/feed", "ru", "Choose a category in the language of the stories."),
    ],
)
def test_admin_refuses_a_feed_it_could_not_import(
    admin_client, partner, locales, url, category_language, message
):
    category = Category.objects.filter(locale__language_code=category_language).first()
    response = admin_client.post(
        "/admin/snippets/inbound/partnerfeed/add/",
        {"partner": partner.pk, "url": url, "locale": locales["pt"].pk, "category": category.pk},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PartnerFeed.objects.exists()
