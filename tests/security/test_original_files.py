"""Uploaded originals are not public. The attack: a photo uploaded for a story still in
draft (an embargoed picture, a leaked document) is read by guessing the path of its
original, /media/original_images/<the name it was uploaded with>, before anything is
published. Readers get renditions only; editors see originals through a checked view;
a document in a private collection is not read past its privacy by its /media/ path."""

import importlib.util
import re
import sys

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.rich_text import RichText
from wagtailmedia.models import Media

import cms.urls
from articles.models import ArticleIndexPage
from cms.taxonomy.models import Category
from tests.factories import make_article

EMBEDDED_URLS = "tests.security.embedded_default_urls"


@pytest.fixture
def embedded_default(settings):
    """The site's addresses as `make run` (DEBUG on) builds them, where Django serves /media/."""
    settings.DEBUG = True
    spec = importlib.util.spec_from_file_location(EMBEDDED_URLS, cms.urls.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    sys.modules[EMBEDDED_URLS] = module
    settings.ROOT_URLCONF = EMBEDDED_URLS
    yield
    del sys.modules[EMBEDDED_URLS]


def draft_only_image(name="embargoed-summit.jpg"):
    """A picture an editor uploaded for a story that is still a draft."""
    image = get_image_model().objects.create(
        title="Embargoed summit",
        file=get_test_image_file(filename=name),
        uploaded_by_user=get_user_model().objects.get(username="editor"),
    )
    make_article(news_section(), category=english_category(), image=image, live=False)
    return image


def news_section():
    return ArticleIndexPage.objects.filter(locale__language_code="en").order_by("path")[0]


def english_category():
    return Category.objects.filter(locale__language_code="en").order_by("pk")[0]


def staff_client(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def original_path(image):
    return f"/media/{image.file.name}"


@pytest.mark.django_db
def test_a_reader_guessing_an_originals_path_gets_a_404_but_renditions_are_served(
    client, embedded_default
):
    image = draft_only_image()
    rendition = image.get_rendition("width-400")
    original = original_path(image)
    folder, name = image.file.name.split("/", 1)

    assert client.get(rendition.url).status_code == 200
    for address in (
        original,
        f"/media//{image.file.name}",
        f"/media/images/../{image.file.name}",
        f"/media/./{folder}/{name}",
    ):
        assert client.get(address).status_code == 404, address


@pytest.mark.django_db
def test_where_a_web_server_serves_media_originals_are_still_checked_by_django(client):
    # Production (DEBUG off): the web server passes /media/original_images/ to the site.
    image = draft_only_image()

    assert staff_client("editor").get(original_path(image)).status_code == 200
    assert client.get(original_path(image)).status_code == 404
    assert staff_client("widgets").get(original_path(image)).status_code == 404


@pytest.mark.django_db
def test_an_originals_name_cannot_be_guessed_from_the_file_uploaded(embedded_default):
    # The admin's own renditions of a draft-only picture (its preview, its full-size
    # "original" rendition) are public files named after the original: they are as hard
    # to guess as it is.
    image = draft_only_image("embargoed-summit.jpg")
    recording = Media.objects.create(
        title="Embargoed interview",
        type="video",
        duration=5,
        file=ContentFile(b"not really a video", name="embargoed-interview.mp4"),
    )

    token = re.fullmatch(
        r"original_images/([A-Za-z0-9]{12})_embargoed-summit\.jpg", image.file.name
    )
    assert token, image.file.name
    for spec in ("original", "max-800x600", "max-165x165"):
        assert image.get_rendition(spec).url.startswith(f"/media/images/{token[1]}_"), spec
    assert re.fullmatch(r"media/[A-Za-z0-9]{12}_embargoed-interview\.mp4", recording.file.name)
    assert Client().get(f"/media/{recording.file.name}").status_code == 200


@pytest.mark.django_db
def test_an_editor_sees_the_image_in_the_admin_and_may_open_its_original(embedded_default):
    image = draft_only_image()
    editor = staff_client("editor")

    page = editor.get(f"/admin/images/{image.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert 'class="focal-point-chooser"' in html
    previews = re.findall(r'<img [^>]*src="(/media/images/[^"]+)"', html)
    assert previews and all(editor.get(url).status_code == 200 for url in previews)

    original = editor.get(original_path(image))
    assert original.status_code == 200
    with image.open_file() as uploaded:
        assert b"".join(original.streaming_content) == uploaded.read()
    assert original["Content-Security-Policy"] == "default-src 'none'"
    assert "private" in original["Cache-Control"]
    assert staff_client("widgets").get(original_path(image)).status_code == 404


@pytest.mark.django_db
def test_a_private_collections_document_is_not_read_by_its_media_path(client, embedded_default):
    root = Collection.get_first_root_node()
    legal = root.add_child(name="Legal (private)")
    CollectionViewRestriction.objects.create(
        collection=legal, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Court filing",
        collection=legal,
        file=ContentFile(b"sealed", name="court-filing.pdf"),
    )

    assert client.get(document.url).status_code == 302  # to the login page
    assert client.get(f"/media/{document.file.name}").status_code == 404


@pytest.mark.django_db
def test_reader_pages_feeds_and_the_api_name_no_original(client):
    hero = get_image_model().objects.create(title="Hero", file=get_test_image_file())
    inline = get_image_model().objects.create(title="Inline", file=get_test_image_file())
    article = make_article(news_section(), category=english_category(), image=hero)
    article.body = [
        ("paragraph", RichText("<p>A picture in the text.</p>")),
        ("image", {"image": inline, "caption": "In the text", "credit": ""}),
    ]
    article.save_revision().publish()

    addresses = [
        article.url,
        "/en/feeds/rss/",
        "/en/feeds/atom/",
        f"/api/v2/pages/{article.pk}/",
        f"/api/v2/images/{hero.pk}/",
        f"/api/v2/images/{inline.pk}/",
        "/api/v2/images/?limit=20",
    ]
    for address in addresses:
        response = client.get(address)
        assert response.status_code == 200, address
        assert "original_images/" not in response.content.decode(), address

    download = client.get(f"/api/v2/images/{hero.pk}/").json()["meta"]["download_url"]
    assert download.startswith("/media/images/")
    assert (
        client.get(f"/api/v2/pages/{article.pk}/").json()["hero_image"]["meta"]["download_url"]
        == download
    )
