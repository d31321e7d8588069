from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from cms.caching import reader_facts


def _home_of_active_locale():
    return reader_facts.home_for_language(get_language())


def newsroom(request):
    """`home`: the front page of the reader's language, fetched only if a template asks."""
    return {
        "home": SimpleLazyObject(_home_of_active_locale),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
