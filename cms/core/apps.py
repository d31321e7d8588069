from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = "Newsroom core"

    def ready(self):
        from . import purge

        purge.connect_signals()
