"""The pull API (outside the language prefix) and the per-partner feeds (inside it)."""

from django.urls import path

from . import api, feeds

# At /api/syndication/v1/.
api_patterns = [path("items/", api.items, name="syndication_items")]

# Inside i18n_patterns: /ru/feeds/partners/<partner's slug in Russian>/rss/.
feed_patterns = [
    path(
        f"feeds/partners/<str:slug>/{format_name}/",
        feeds.partner_feed,
        {"format_name": format_name},
        name=f"partner_feed_{format_name}",
    )
    for format_name in ("rss", "atom")
]
