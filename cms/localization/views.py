"""The translation status report: per locale, what is translated, out of date, missing."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.core.admin_access import forbidden

from .roles import status_report_locales, translation_locales
from .status import MISSING, OUT_OF_DATE, TRANSLATED, translation_status, translations_of

SORT_KEYS = {
    "locale": lambda status: status.locale.get_display_name(),
    "translated": lambda status: status.translated,
    "out_of_date": lambda status: status.out_of_date,
    "missing": lambda status: status.missing,
    "percent": lambda status: status.percent_translated,
}
ROWS_PER_PAGE = 50
STATES = {TRANSLATED: _("Translated"), OUT_OF_DATE: _("Out of date"), MISSING: _("Missing")}


def may_read_status(user):
    """Translators, editors, chief editors: the report names drafts and their titles."""
    return bool(status_report_locales(user))


def status_overview(request):
    locale_ids = status_report_locales(request.user)
    if not locale_ids:
        return forbidden(request)
    ordering = request.GET.get("ordering", "locale")
    key = SORT_KEYS.get(ordering.lstrip("-"))
    if key is None:
        ordering, key = "locale", SORT_KEYS["locale"]
    statuses = sorted(
        translation_status(locale_ids),
        key=key,
        reverse=ordering.startswith("-"),
    )
    columns = [
        (name, label, ordering == name)
        for name, label in [
            ("locale", _("Language")),
            ("translated", _("Translated")),
            ("out_of_date", _("Out of date")),
            ("missing", _("Missing")),
            ("percent", _("% translated")),
        ]
    ]
    return render(
        request,
        "localization/status_overview.html",
        {"statuses": statuses, "columns": columns, "ordering": ordering},
    )


def status_of_locale(request, language_code):
    locale_ids = status_report_locales(request.user)
    if not locale_ids:
        return forbidden(request)
    locale = (
        Locale.objects.exclude(language_code=settings.LANGUAGE_CODE)
        .filter(language_code=language_code)
        .first()
    )
    if locale is None:
        messages.error(
            request, _("There is no language “%(code)s” on this site.") % {"code": language_code}
        )
        return redirect("translation_status")
    if locale.pk not in locale_ids:
        return forbidden(request)
    (status,) = translation_status([locale.pk])
    may_start = locale.pk in translation_locales(request.user)
    state = request.GET.get("state", OUT_OF_DATE)
    if state not in STATES:
        state = OUT_OF_DATE
    # Tens of thousands of pages at a newsroom's size: one page of rows at a time, counted
    # by the report's own figures rather than a second COUNT.
    paginator = Paginator(status.pages(state), ROWS_PER_PAGE)
    paginator.count = status.count(state)
    page_of_rows = paginator.get_page(request.GET.get("p"))
    translations = translations_of(page_of_rows, locale)
    rows = []
    for source in page_of_rows:
        translation = translations.get(source.translation_key)
        rows.append(
            {
                "source": source,
                "translation": translation,
                "action_url": _action_url(source, translation, locale, may_start),
            }
        )
    return render(
        request,
        "localization/status_of_locale.html",
        {
            "status": status,
            "state": state,
            "states": [(key, label, status.count(key)) for key, label in STATES.items()],
            "rows": rows,
            "items": page_of_rows,
            "elided_page_range": paginator.get_elided_page_range(page_of_rows.number),
        },
    )


def _action_url(source, translation, locale, may_start):
    """Where a translator goes next: the translation editor, or the form that starts one
    (for those who translate into the language; an editor asks them)."""
    if translation is not None:
        return reverse("wagtailadmin_pages:edit", args=[translation.pk])
    if may_start:
        url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
        return f"{url}?select_locale={locale.language_code}"
    return None
