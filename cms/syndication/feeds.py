"""Per-partner feeds on the reader site: what one partner republishes, in its languages."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from wagtail.models import Locale

from cms.core.stories import story_models
from cms.distribution.items import items_for_pages
from cms.distribution.stories import FEED_LENGTH
from partners.models import PartnerPage

from .formatters import get_formatter
from .models import PartnerAccount
from .selection import Selection


def newest_stories(selection, limit=FEED_LENGTH):
    stories = []
    for model in story_models():
        queryset = selection.stories(model).order_by("-last_published_at", "-pk")
        stories.extend(queryset.only("pk", "last_published_at")[:limit])
    stories.sort(key=lambda story: (story.last_published_at, story.pk), reverse=True)
    return stories[:limit]


def partner_feed(request, slug, format_name):
    """RSS or Atom of the partner's products, full text and credit line in each story."""
    partner = (
        PartnerPage.objects.live()
        .public()
        .filter(slug=slug, locale=Locale.get_active())
        .only("pk", "title", "translation_key")
        .first()
    )
    account = (
        PartnerAccount.objects.filter(partner_key=partner.translation_key, is_active=True).first()
        if partner
        else None
    )
    if account is None:
        raise Http404("No partner with a syndication account at this address")
    stories = newest_stories(Selection(account))
    formatter = get_formatter(format_name)
    body = formatter.render_items(
        items_for_pages(stories, base_url=request.build_absolute_uri("/")),
        title=_("Stories republished by %(partner)s") % {"partner": partner.title},
        url=request.build_absolute_uri(request.path),
    )
    return HttpResponse(body, content_type=f"{formatter.media_type}; charset=utf-8")
