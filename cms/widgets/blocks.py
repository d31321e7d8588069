"""The widgets as StreamField blocks, for any page's body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ExchangeRatesBlock(blocks.StaticBlock):
    class Meta:
        icon = "table"
        label = _("Exchange rates")
        admin_text = _("Shows the current exchange rates.")
        template = "widgets/blocks/exchange_rates_block.html"


class WeatherBlock(blocks.StaticBlock):
    class Meta:
        icon = "site"
        label = _("Weather")
        admin_text = _("Shows the weather in the member capitals.")
        template = "widgets/blocks/weather_block.html"
