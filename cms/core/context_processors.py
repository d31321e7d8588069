from django.conf import settings
from django.utils.functional import SimpleLazyObject
from wagtail.models import Locale


def _home_of_active_locale():
    from home.models import HomePage

    return HomePage.objects.live().filter(locale=Locale.get_active()).first()


def newsroom(request):
    """`home`: the front page of the reader's language, fetched only if a template asks."""
    return {
        "home": SimpleLazyObject(_home_of_active_locale),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
