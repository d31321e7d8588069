"""robots.txt, the sitemap index and its sections, and each locale's Google News sitemap."""

from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation

from cms.caching import reader_facts
from cms.caching.page_cache import kept_for_readers
from cms.core.stories import story_models

from .sitemaps import locale_sitemaps, site_roots
from .stories import published

NEWS_WINDOW = timedelta(hours=48)
# Google News reads at most 1,000 addresses from one news sitemap.
NEWS_LIMIT = 1000
# Google News names Chinese by its region code; every other language by its ISO 639 code.
NEWS_LANGUAGES = {"zh-hans": "zh-cn"}


def robots_txt(request):
    sitemaps = [request.build_absolute_uri(reverse("sitemap_index"))]
    for code in site_roots(request):
        with translation.override(code):
            sitemaps.append(request.build_absolute_uri(reverse("news_sitemap")))
    return render(
        request,
        "distribution/robots.txt",
        {"sitemaps": sitemaps},
        content_type="text/plain; charset=utf-8",
    )


def sitemap_index(request):
    """Each locale's section with its newest change: a COUNT and a MAX over every locale's
    archive (over a second at 20,000 stories per locale), so the answer is a reader fact,
    kept until any page changes (cms/core/purge.py)."""
    key = reader_facts.key_for(f"sitemap-index:{request.scheme}:{request.get_host()}")
    kept = cache.get(key)
    if kept is not None:
        content, headers = kept
        return HttpResponse(content, headers=headers)
    response = sitemap_views.index(
        request, locale_sitemaps(request), sitemap_url_name="sitemap_section"
    )
    response.render()
    cache.set(key, (response.content, dict(response.headers)), reader_facts.TIMEOUT)
    return response


def sitemap_section(request, section):
    return sitemap_views.sitemap(
        request,
        locale_sitemaps(request),
        section=section,
        template_name="distribution/sitemap.xml",
    )


@kept_for_readers
@sitemap_views.x_robots_tag
def news_sitemap(request):
    """The locale's news (articles) first published in the last 48 hours, newest first."""
    language = translation.get_language()
    locale = reader_facts.locales().get(language)
    if locale is None:
        raise Http404(f"No locale {language}")
    home = reader_facts.home_pages().get(locale.pk)
    stories = []
    for model in story_models():
        if model.in_news_sitemap:
            stories.extend(
                published(model.objects.filter(locale=locale))
                .filter(first_published_at__gte=timezone.now() - NEWS_WINDOW)
                .defer_streamfields()
                .order_by("-first_published_at", "-pk")[:NEWS_LIMIT]
            )
    stories.sort(key=lambda story: (story.first_published_at, story.pk), reverse=True)
    entries = [
        {
            "location": request.build_absolute_uri(story.get_url(request)),
            "title": story.title,
            "published": story.first_published_at,
        }
        for story in stories[:NEWS_LIMIT]
    ]
    context = {
        "entries": entries,
        "publication": home.title if home else settings.WAGTAIL_SITE_NAME,
        "language": NEWS_LANGUAGES.get(language, language),
    }
    return render(
        request, "distribution/news_sitemap.xml", context, content_type="application/xml"
    )
