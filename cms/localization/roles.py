"""One translator group per locale, allowed to edit and publish that locale's pages only."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page
from wagtail.permissions import page_permission_policy

from cms.core.group_rights import ADMIN_ACCESS, set_group_rights

TRANSLATOR_PAGE_PERMISSIONS = ["change_page", "publish_page"]
# Whoever may start and sync translations (editors, chief editors) follows every language.
START_TRANSLATIONS = "wagtail_localize.submit_translation"


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
            model=ADMIN_ACCESS,
            page_codenames=TRANSLATOR_PAGE_PERMISSIONS,
            pages=Page.objects.filter(locale=locale, depth=2)[:1],
        )
        groups[locale.language_code] = group
    return groups


def status_report_locales(user):
    """Ids of the languages whose translation status the user may read (none: no report).

    Every language for administrators and whoever starts translations; for anyone else
    (a translator), the languages whose whole tree they may edit.
    """
    targets = Locale.objects.exclude(language_code=settings.LANGUAGE_CODE)
    if user.is_superuser or user.has_perm(START_TRANSLATIONS):
        return set(targets.values_list("pk", flat=True))
    trees = [
        permission.page
        for permission in page_permission_policy.get_cached_permissions_for_user(user)
        if permission.permission.codename == "change_page" and permission.page.depth <= 2
    ]
    if not trees:
        return set()
    if any(page.depth == 1 for page in trees):
        return set(targets.values_list("pk", flat=True))
    return set(
        targets.filter(pk__in=[page.locale_id for page in trees]).values_list("pk", flat=True)
    )
