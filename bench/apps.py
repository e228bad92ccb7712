from django.apps import AppConfig


class BenchConfig(AppConfig):
    """The benchmark's commands and floor view; installed only by bench.settings, never by the portal."""

    name = "bench"
    verbose_name = "Benchmark"
