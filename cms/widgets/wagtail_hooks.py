from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import views
from .models import City, ExchangeRate, WeatherReport


class ExchangeRateViewSet(SnippetViewSet):
    model = ExchangeRate
    icon = "table"
    menu_label = _("Exchange rates")
    list_display = ["pair", "rate", "as_of", "source", "fetched_at", "is_pinned"]
    list_filter = ["is_pinned", "source"]
    ordering = ["sort_order", "base_currency"]


class CityViewSet(SnippetViewSet):
    model = City
    icon = "site"
    menu_label = _("Cities")
    list_display = ["name", "latitude", "longitude", "locale"]
    list_filter = ["locale"]


class WeatherReportViewSet(SnippetViewSet):
    model = WeatherReport
    icon = "snippet"
    menu_label = _("Weather reports")
    list_display = ["__str__", "temperature_c", "condition", "observed_at", "is_pinned"]
    list_filter = ["is_pinned"]


class WidgetsViewSetGroup(SnippetViewSetGroup):
    items = (ExchangeRateViewSet, CityViewSet, WeatherReportViewSet)
    menu_icon = "table"
    menu_label = _("Rates and weather")
    menu_name = "widgets"


register_snippet(WidgetsViewSetGroup)


@hooks.register("register_admin_urls")
def widget_admin_urls():
    return [path("widgets/refresh/", views.refresh_now, name="widgets_refresh")]


class StaleSourcesPanel(Component):
    """Dashboard panel: widget values older than their allowed age, with a refresh button;
    shown to those who may refresh them."""

    name = "stale_widget_sources"
    order = 90
    template_name = "widgets/admin/stale_sources_panel.html"

    def get_context_data(self, parent_context):
        stale_rates = [rate for rate in ExchangeRate.objects.all() if rate.is_stale()]
        stale_weather = [report for report in WeatherReport.objects.all() if report.is_stale()]
        # Named as WeatherReport.__str__ names them, with one query for all the cities.
        cities = {}
        for city in City.objects.filter(
            translation_key__in=[report.city_key for report in stale_weather]
        ).order_by("-id"):
            cities[city.translation_key] = city
        return {
            "stale_rates": stale_rates,
            "stale_weather": [
                (report, cities.get(report.city_key, report.city_key)) for report in stale_weather
            ],
            "refresh_url": reverse("widgets_refresh"),
            "request": parent_context.get("request"),
            # The refresh button is a form: without the request's token its POST is refused.
            "csrf_token": parent_context.get("csrf_token"),
        }


@hooks.register("construct_homepage_panels")
def add_stale_sources_panel(request, panels):
    if views.may_refresh(request.user):
        panels.append(StaleSourcesPanel())
