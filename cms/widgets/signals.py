"""One signal for "what the widgets show has changed": their fragments and the pages miss."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver

from cms.caching.generations import Generation
from cms.core.purge import purge_widgets

from .models import City, ExchangeRate, WeatherReport

widgets_refreshed = Signal()

FRAGMENTS = Generation("widgets:version")


def cache_version():
    return FRAGMENTS.current()


@receiver(widgets_refreshed)
def widgets_changed(sender, **kwargs):
    # A new version makes every language's cached fragment miss at once; the pages that
    # show them go too.
    FRAGMENTS.move_on()
    purge_widgets()


def connect_model_signals():
    def changed(sender, **kwargs):
        widgets_refreshed.send(sender=sender)

    for model in (ExchangeRate, City, WeatherReport):
        post_save.connect(
            changed, sender=model, weak=False, dispatch_uid=f"widgets-{model.__name__}-save"
        )
        post_delete.connect(
            changed, sender=model, weak=False, dispatch_uid=f"widgets-{model.__name__}-delete"
        )
