from django.apps import AppConfig


class BenchConfig(AppConfig):
    name = "cms.bench"
    label = "bench"
    verbose_name = "Benchmarks of the reader's pages"
