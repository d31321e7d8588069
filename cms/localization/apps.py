from django.apps import AppConfig


class LocalizationConfig(AppConfig):
    name = "cms.localization"
    label = "localization"
    verbose_name = "Localization"

    def ready(self):
        from . import signals

        signals.connect()
