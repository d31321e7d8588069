"""Rates and weather shown on the site: values are data, labels are translatable."""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

currency_code = RegexValidator(r"^[A-Z]{3}$", _("Three capital letters (ISO 4217), e.g. RUB."))


class Freshness(models.Model):
    """When a value was last obtained, and whether an editor pinned it."""

    source = models.CharField(_("source"), max_length=40, blank=True)
    fetched_at = models.DateTimeField(_("last refreshed"), null=True, blank=True)
    is_pinned = models.BooleanField(
        _("pinned by an editor"),
        default=False,
        help_text=_("Automatic refreshes leave a pinned value as the editor set it."),
    )

    stale_after_setting = ""

    class Meta:
        abstract = True

    def is_stale(self, now=None):
        if self.is_pinned:
            return False
        if self.fetched_at is None:
            return True
        hours = getattr(settings, self.stale_after_setting)
        return (now or timezone.now()) - self.fetched_at > timedelta(hours=hours)


class ExchangeRate(Freshness):
    """One unit of the base currency in the quote currency: RUB/USD 0.0111."""

    base_currency = models.CharField(
        _("currency"), max_length=3, validators=[currency_code], help_text=_("e.g. RUB")
    )
    quote_currency = models.CharField(
        _("priced in"), max_length=3, default="USD", validators=[currency_code]
    )
    rate = models.DecimalField(
        _("rate"),
        max_digits=24,
        decimal_places=12,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    as_of = models.DateField(_("as of"), null=True, blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    stale_after_setting = "NEWSROOM_RATES_STALE_AFTER_HOURS"

    panels = [
        MultiFieldPanel([FieldPanel("base_currency"), FieldPanel("quote_currency")], _("Pair")),
        MultiFieldPanel(
            [FieldPanel("rate"), FieldPanel("as_of"), FieldPanel("is_pinned")], _("Value")
        ),
        FieldPanel("sort_order"),
    ]

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["sort_order", "base_currency"]
        constraints = [
            models.UniqueConstraint(
                fields=["base_currency", "quote_currency"], name="unique_currency_pair"
            )
        ]

    def __str__(self):
        return self.pair

    @property
    def pair(self):
        return f"{self.base_currency}/{self.quote_currency}"


class City(TranslatableMixin, models.Model):
    """A city whose weather the site shows; its name is translated, its place is not."""

    name = models.CharField(_("name"), max_length=100)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=4,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=4,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("latitude"),
        FieldPanel("longitude"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("latitude", overridable=False),
        SynchronizedField("longitude", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class WeatherReport(Freshness):
    """The latest weather of a city, shared by every language of that city."""

    city_key = models.UUIDField(
        _("city"),
        unique=True,
        editable=False,
        help_text=_("The translation key shared by every language of the city."),
    )
    temperature_c = models.DecimalField(
        _("temperature, °C"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(60)],
    )
    condition = models.PositiveSmallIntegerField(
        _("condition (WMO code)"), null=True, blank=True, validators=[MaxValueValidator(99)]
    )
    observed_at = models.DateTimeField(_("observed at"), null=True, blank=True)

    stale_after_setting = "NEWSROOM_WEATHER_STALE_AFTER_HOURS"

    panels = [
        FieldPanel("temperature_c"),
        FieldPanel("condition"),
        FieldPanel("observed_at"),
        FieldPanel("is_pinned"),
    ]

    class Meta:
        verbose_name = _("weather report")
        verbose_name_plural = _("weather reports")

    def __str__(self):
        city = City.objects.filter(translation_key=self.city_key).order_by("id").first()
        return str(city or self.city_key)
