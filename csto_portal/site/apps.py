from django.apps import AppConfig


class SiteConfig(AppConfig):
    """What assembles the portal across the domain apps: home, timeline, search, sitemaps, the API root, the URL
    wiring and the dataset loader. Nothing imports it; it may import every app."""

    name = "csto_portal.site"
    label = "site"
    verbose_name = "Site"
