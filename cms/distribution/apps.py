from django.apps import AppConfig


class DistributionConfig(AppConfig):
    name = "cms.distribution"
    label = "distribution"
    verbose_name = "Feeds and sitemaps"
