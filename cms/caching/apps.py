from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "cms.caching"
    label = "caching"
    verbose_name = "Page and front-end caching"
