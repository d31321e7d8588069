"""wagtail-localize's buttons in a page listing's row menu ("Translate this page", "Sync
translated pages"), worked out for a whole page of rows at once.

Its own hook asks the database three questions for every row listed: a listing that calls
`note_translation_facts` on its rows asks them once for all, and rows it did not note are
still answered by wagtail-localize's hook.
"""

from collections import defaultdict

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import ListingButton
from wagtail.models import Locale, Page
from wagtail_localize import wagtail_hooks as localize_hooks
from wagtail_localize.models import TranslationSource

ANSWERED_BY_LOCALIZE = localize_hooks.page_listing_more_buttons


def note_translation_facts(pages):
    """Note on each page whether a locale still lacks its translation, and its translation
    source with translations still synced, if any: three queries for any number of pages."""
    keys = {page.translation_key for page in pages}
    translated = defaultdict(set)
    # Aliases are copies of another language's page, not translations (as wagtail-localize);
    # told apart here, not in SQL, where "no alias" would lead SQLite to scan every page.
    for key, locale_id, alias_of_id in (
        Page.objects.filter(translation_key__in=keys)
        .order_by()
        .values_list("translation_key", "locale_id", "alias_of_id")
    ):
        if alias_of_id is None:
            translated[key].add(locale_id)
    locale_ids = set(Locale.objects.values_list("pk", flat=True))
    synced_sources = {
        (key, locale_id): source_id
        for key, locale_id, source_id in TranslationSource.objects.filter(
            object_id__in=keys, translations__enabled=True
        ).values_list("object_id", "locale_id", "pk")
    }
    for page in pages:
        page.translation_facts = (
            bool(locale_ids - translated[page.translation_key]),
            synced_sources.get((page.translation_key, page.locale_id)),
        )
    return pages


def translation_buttons(page, user, view_name=None, next_url=None):
    """The row menu's translation buttons, from the noted facts when a listing noted them."""
    facts = getattr(page, "translation_facts", None)
    if facts is None:
        yield from ANSWERED_BY_LOCALIZE(page, user, view_name=view_name, next_url=next_url)
        return
    if page.is_root() or not user.has_perm("wagtail_localize.submit_translation"):
        return
    lacks_a_translation, synced_source_id = facts
    if lacks_a_translation:
        # An alias is translated through the page it copies.
        target = page.alias_of_id or page.pk
        yield ListingButton(
            _("Translate this page"),
            reverse("wagtail_localize:submit_page_translation", args=[target]),
            priority=60,
            icon_name="wagtail-localize-language",
        )
    if synced_source_id:
        url = reverse("wagtail_localize:update_translations", args=[synced_source_id])
        if next_url is not None:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(_("Sync translated pages"), url, priority=60, icon_name="resubmit")
