"""One translator group per locale, allowed to edit and publish that locale's pages only."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils.translation import get_language_info
from wagtail.models import GroupPagePermission, Locale, Page

TRANSLATOR_PAGE_PERMISSIONS = ["change_page", "publish_page"]


def translator_group_name(language_code):
    return f"Translators: {get_language_info(language_code)['name']}"


def setup_translator_groups():
    """Create or complete the groups; returns them by language code. Idempotent."""
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    page_permissions = list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=TRANSLATOR_PAGE_PERMISSIONS
        )
    )
    groups = {}
    for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE):
        group, _ = Group.objects.get_or_create(name=translator_group_name(locale.language_code))
        group.permissions.add(admin_access)
        root = Page.objects.filter(locale=locale, depth=2).first()
        if root is not None:
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root, permission=permission
                )
        groups[locale.language_code] = group
    return groups
