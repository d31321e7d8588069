from django.apps import AppConfig


class WidgetsConfig(AppConfig):
    name = "cms.widgets"
    label = "widgets"
    verbose_name = "Rates and weather"

    def ready(self):
        from .signals import connect_model_signals

        connect_model_signals()
