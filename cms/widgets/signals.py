"""One signal for "what the widgets show has changed": caches listen to it."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

widgets_refreshed = Signal()

CACHE_VERSION_KEY = "widgets:version"


def cache_version():
    return cache.get_or_set(CACHE_VERSION_KEY, 1, timeout=None)


@receiver(widgets_refreshed)
def bump_widget_cache_version(sender, **kwargs):
    # A new version makes every language's cached fragment miss at once.
    try:
        cache.incr(CACHE_VERSION_KEY)
    except ValueError:
        cache.set(CACHE_VERSION_KEY, 2, timeout=None)


def connect_model_signals():
    from .models import City, ExchangeRate, WeatherReport

    def changed(sender, **kwargs):
        widgets_refreshed.send(sender=sender)

    for model in (ExchangeRate, City, WeatherReport):
        post_save.connect(
            changed, sender=model, weak=False, dispatch_uid=f"widgets-{model.__name__}-save"
        )
        post_delete.connect(
            changed, sender=model, weak=False, dispatch_uid=f"widgets-{model.__name__}-delete"
        )
