from django.apps import AppConfig


class BylinesConfig(AppConfig):
    name = "cms.bylines"
    label = "bylines"
    verbose_name = "Bylines"
