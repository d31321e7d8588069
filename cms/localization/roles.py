"""Who translates into which language.

One translator group per locale edits that locale's tree and nothing else; nothing they
write goes live without passing the section's review (no publish right: see review.py).
Chief editors translate into every language and publish directly.

wagtail-localize has one right for starting and updating translations, granted for every
language at once. Translators and chief editors hold it; `translation_locales` narrows it
to the languages whose whole tree the user may edit, and the views that start or update
translations (translation_views.py) offer and accept only those.
"""

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page
from wagtail.permissions import page_permission_policy

from cms.caching import reader_facts
from cms.core.group_rights import ADMIN_ACCESS, set_group_rights

TRANSLATOR_PAGE_PERMISSIONS = ["change_page"]
START_TRANSLATIONS = "wagtail_localize.submit_translation"
# wagtail-localize never reads it; here it lets editors read the status report of every
# language without translating into any.
READ_STATUS = "wagtail_localize.view_translation"


def translator_group_name(language_code):
    return f"Translators: {get_language_info(language_code)['name']}"


def setup_translator_groups():
    """Create each group with exactly its rights; returns them by language code. Idempotent.

    No pictures, documents or recordings: the translation editor translates their texts.
    """
    groups = {}
    for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE):
        group, _ = Group.objects.get_or_create(name=translator_group_name(locale.language_code))
        set_group_rights(
            group,
            model=ADMIN_ACCESS + [("wagtail_localize", ["submit_translation"])],
            page_codenames=TRANSLATOR_PAGE_PERMISSIONS,
            pages=Page.objects.filter(locale=locale, depth=2)[:1],
        )
        groups[locale.language_code] = group
    return groups


def target_locales():
    return Locale.objects.exclude(language_code=settings.LANGUAGE_CODE)


def translation_locales(user):
    """Ids of the languages the user may translate into: start and update translations,
    machine-translate, exchange PO files, submit. Chief editors: all; translators: theirs."""
    if user.is_superuser:
        return _target_locale_ids(user)
    if not user.is_active or not user.has_perm(START_TRANSLATIONS):
        return set()
    return _locales_of_whole_trees(user)


def status_report_locales(user):
    """Ids of the languages whose translation status the user may read (none: no report):
    every language for administrators and editors, their own for translators."""
    if user.is_superuser or (user.is_active and user.has_perm(READ_STATUS)):
        return _target_locale_ids(user)
    return translation_locales(user)


def target_locales_for(user):
    """The languages other than English, read once per request: several panels and the
    reports menu ask, on the request's own user object (as Django keeps permissions)."""
    if not hasattr(user, "_target_locales"):
        user._target_locales = [
            locale
            for code, locale in sorted(reader_facts.locales().items())
            if code != settings.LANGUAGE_CODE
        ]
    return user._target_locales


def _target_locale_ids(user):
    return {locale.pk for locale in target_locales_for(user)}


def _locales_of_whole_trees(user):
    trees = [
        permission.page
        for permission in page_permission_policy.get_cached_permissions_for_user(user)
        if permission.permission.codename == "change_page" and permission.page.depth <= 2
    ]
    if any(page.depth == 1 for page in trees):
        return _target_locale_ids(user)
    return _target_locale_ids(user) & {page.locale_id for page in trees}
