"""Readers' words for the WMO weather codes the providers report."""

from django.utils.translation import gettext_lazy as _

WMO_CONDITIONS = [
    ({0}, _("Clear sky")),
    ({1}, _("Mainly clear")),
    ({2}, _("Partly cloudy")),
    ({3}, _("Overcast")),
    ({45, 48}, _("Fog")),
    ({51, 53, 55, 56, 57}, _("Drizzle")),
    ({61, 63, 65, 66, 67, 80, 81, 82}, _("Rain")),
    ({71, 73, 75, 77, 85, 86}, _("Snow")),
    ({95, 96, 99}, _("Thunderstorm")),
]


def condition_label(code):
    if code is None:
        return ""
    return next((label for codes, label in WMO_CONDITIONS if code in codes), "")
