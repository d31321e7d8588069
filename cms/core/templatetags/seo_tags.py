"""Canonical address, OpenGraph, Twitter card and JSON-LD: {% page_seo as seo %} (seo.html).

It reads what the page's template reads anyway (category, countries, hero image and parent
are cached on the page, the hreflang links on the request); an article adds its tags' query.
"""

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from cms.bylines.addresses import AuthorPages
from cms.core import seo
from cms.core.pages import StoryPage
from cms.core.translations import page_in_each_locale

register = template.Library()
register.filter("json_ld", seo.json_ld)

PUBLISHER_LOGO = "core/publisher-logo.png"
PUBLISHER_LOGO_SIZE = (512, 512)
DESCRIPTION_LENGTH = 200  # as base.html's <meta name="description">
# OpenGraph names a locale language_TERRITORY: each language with the territory most of its
# readers are in (Facebook spells Arabic "ar_AR").
OG_LOCALES = {
    "en": "en_US",
    "ru": "ru_RU",
    "pt": "pt_BR",
    "zh-hans": "zh_CN",
    "hi": "hi_IN",
    "ar": "ar_AR",
    "fa": "fa_IR",
    "am": "am_ET",
}


@register.simple_tag(takes_context=True)
def page_seo(context):
    """The head's metadata for a Wagtail page or the search page; None for anything else."""
    request = context.get("request")
    if request is None:
        return None
    page = context.get("page")
    if isinstance(page, Page):
        return PageMetadata(context, request, page).as_dict()
    if getattr(request.resolver_match, "url_name", None) == "search":
        return SiteMetadata(context, request).as_dict()
    return None


class SiteMetadata:
    """What every page says: the site, the language, the publisher. Also the search page's."""

    og_type = "website"
    image = None
    alternate_locales = ()
    large_card = False

    def __init__(self, context, request):
        self.context, self.request = context, request
        self.language = get_language()
        home = context.get("home")  # a lazy object, None inside when the locale has no home
        self.home = home if home else None
        self.site_name = self.home.title if self.home else context.get("site_name", "")

    def absolute(self, url):
        return self.request.build_absolute_uri(url)

    @property
    def title(self):
        return gettext("Search")

    @property
    def description(self):
        # The footer's sentence, so every language already has it.
        return gettext(
            "Network News — news from the member countries of the network, in eight languages."
        )

    @property
    def canonical(self):
        # Every query and page of results is the search page: noindex, one address.
        return self.absolute(reverse("search"))

    @cached_property
    def publisher_logo(self):
        return seo.image_object(self.absolute(static(PUBLISHER_LOGO)), *PUBLISHER_LOGO_SIZE)

    @cached_property
    def publisher(self):
        url = self.home.get_url(self.request) if self.home else "/"
        return seo.organization(self.site_name, self.absolute(url), self.publisher_logo)

    def structured_data(self):
        return []

    def as_dict(self):
        return {
            "canonical": self.canonical,
            "site_name": self.site_name,
            "type": self.og_type,
            "title": self.title,
            "description": self.description,
            "locale": OG_LOCALES.get(self.language, self.language),
            "alternate_locales": self.alternate_locales,
            # Without a picture of its own, a page is shared with the logo, as a small card.
            "image": self.image or {**self.publisher_logo, "alt": self.site_name},
            "large_card": self.large_card,
            "article": None,
            "video": None,
            "structured_data": self.structured_data(),
        }


class PageMetadata(SiteMetadata):
    """A Wagtail page: its own title, picture, address in each language and structured data."""

    def __init__(self, context, request, page):
        super().__init__(context, request)
        self.page = page
        # A story says what it is and what it shares; other pages are the site's.
        self.is_story = isinstance(page, StoryPage)
        # A routable page's sub-page (a category listing) is /<home>/<route>.
        self.route = context.get("locale_route", "")

    @property
    def og_type(self):
        return self.page.og_type if self.is_story else "website"

    @property
    def title(self):
        if self.route and self.context.get("heading"):
            return self.context["heading"]
        return self.page.seo_title or self.page.title

    @property
    def description(self):
        for field in ("search_description", "lead", "description", "intro"):
            if text := getattr(self.page, field, ""):
                return Truncator(text).chars(DESCRIPTION_LENGTH)
        return super().description

    @cached_property
    def url(self):
        return self.absolute((self.page.get_url(self.request) or self.request.path) + self.route)

    @property
    def canonical(self):
        # A filtered section (?category=, ?tag=) shows a subset of the section itself.
        if self.context.get("filters"):
            return self.url
        number = getattr(self.context.get("page_of_results"), "number", 1)
        return f"{self.url}?page={number}" if number > 1 else self.url

    @property
    def alternate_locales(self):
        links = page_in_each_locale(self.page, self.request, self.route)
        return [
            OG_LOCALES.get(link["code"], link["code"])
            for link in links
            if link["is_translation"] and link["code"] != self.language
        ]

    @cached_property
    def picture(self):
        """The page's own picture (a story's hero, an interviewee's portrait, a logo)."""
        return getattr(self.page, "share_image", None)

    @cached_property
    def renditions(self):
        """The picture at the sizes we share: all three for a story, the first otherwise."""
        if self.picture is None:
            return []
        specs = seo.STORY_RENDITIONS if self.is_story else seo.STORY_RENDITIONS[:1]
        try:
            return list(self.picture.get_renditions(*specs).values())
        except SourceImageIOError:  # the file is lost: share the page without it
            return []

    @cached_property
    def image(self):
        if not self.renditions:
            return None
        rendition = self.renditions[0]
        image = seo.image_object(self.absolute(rendition.url), rendition.width, rendition.height)
        return {**image, "alt": getattr(self.page, "hero_caption", "") or self.page.title}

    @property
    def large_card(self):
        # A story's photo is shown wide; a partner's logo, like ours, as a small square.
        return self.is_story and self.image is not None

    @cached_property
    def authors(self):
        """(author, full address of their page) of each author signing the story."""
        authors = self.page.authors if self.is_story else []
        pages = AuthorPages(self.request)
        return [(author, pages.url(author)) for author in authors]

    @cached_property
    def keywords(self):
        return self.page.keywords if self.is_story else []

    @cached_property
    def video(self):
        video = self.page.shared_video() if self.is_story else None
        if video and video["url"]:
            return {**video, "url": self.absolute(video["url"])}
        return video

    def article_meta(self):
        if not self.is_story:
            return None
        page = self.page
        return {
            "published": seo.iso_datetime(page.first_published_at),
            "modified": seo.iso_datetime(page.modified_at),
            "section": page.category.name if page.category else "",
            "tags": self.keywords,
            "duration": page.video_duration,
            # OpenGraph's article:author (video:writer) are the authors' profile pages.
            "authors": [url for _author, url in self.authors if url],
        }

    def breadcrumb_trail(self):
        """(title, URL) from the home page down to this page; empty for the home page."""
        home, page = self.home, self.page
        if home is None or page.depth <= home.depth or not page.path.startswith(home.path):
            return []
        between = []
        if page.depth == home.depth + 2:
            # get_parent() is cached on the page, where the template's tag links find it.
            between = [page.get_parent()]
        elif page.depth > home.depth + 2:
            between = list(page.get_ancestors().filter(depth__gt=home.depth))
        trail = [home, *between]
        return [(p.title, self.absolute(p.get_url(self.request))) for p in trail] + [
            (page.title, self.url)
        ]

    def structured_data(self):
        if self.page.depth == getattr(self.home, "depth", None) and not self.route:
            search_url = self.absolute(reverse("search"))
            site = {"name": self.site_name, "url": self.url, "language": self.language}
            return [seo.website(**site, search_url=search_url, publisher=self.publisher)]
        data = self.story_data() if self.is_story else []
        if trail := self.breadcrumb_trail():
            data.append(seo.breadcrumb_list(trail))
        return data

    def story_data(self):
        """An interview's VideoObject, and the story's NewsArticle."""
        common = {"url": self.url, "language": self.language}
        images = [self.absolute(rendition.url) for rendition in self.renditions]
        data, video_id = [], None
        if self.video:
            video = seo.video_object(
                self.page,
                **common,
                thumbnails=images or [self.publisher_logo["url"]],
                content_url=self.video["url"],
                embed_url=self.video["embed"],
            )
            data.append(video)
            video_id = video["@id"]
        article = seo.news_article(
            self.page,
            **common,
            images=images,
            publisher=self.publisher,
            authors=[
                seo.author(author.name, url, person=author.is_person, same_as=author.link_urls)
                for author, url in self.authors
            ],
            keywords=self.keywords,
            video_id=video_id,
        )
        return [*data, article]

    def as_dict(self):
        return {**super().as_dict(), "article": self.article_meta(), "video": self.video}
