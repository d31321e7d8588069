"""The newsroom's roles, set up by code so every installation has the same ones."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from articles.models import ArticleIndexPage
from interviews.models import InterviewIndexPage
from partners.models import PartnerIndexPage

REPORTERS, EDITORS, CHIEF_EDITORS = "Reporters", "Editors", "Chief editors"
WIDGET_MANAGERS, PARTNER_MANAGERS = "Widget managers", "Partner managers"

# Page permissions per role, on which sections of every locale's tree.
PAGE_RIGHTS = {
    REPORTERS: (["add_page", "change_page"], "newsroom"),
    EDITORS: (["add_page", "change_page"], "newsroom"),
    CHIEF_EDITORS: (
        ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "site",
    ),
    PARTNER_MANAGERS: (["add_page", "change_page", "publish_page"], "partners"),
}
IMAGE_RIGHTS = ["add_image", "change_image", "choose_image"]
MODEL_RIGHTS = {
    REPORTERS: [("wagtailimages", IMAGE_RIGHTS)],
    EDITORS: [("wagtailimages", IMAGE_RIGHTS)],
    CHIEF_EDITORS: [
        ("wagtailimages", IMAGE_RIGHTS),
        ("wagtailcore", ["add_workflow", "change_workflow", "add_task", "change_task"]),
        # Subscribers are never added by hand (cms/newsletter/wagtail_hooks.py).
        ("newsletter", ["view_subscriber", "change_subscriber", "delete_subscriber"]),
    ],
    WIDGET_MANAGERS: [
        (
            "widgets",
            [
                f"{verb}_{model}"
                for verb in ("add", "change", "delete")
                for model in ("exchangerate", "city", "weatherreport")
            ],
        ),
    ],
    PARTNER_MANAGERS: [
        ("wagtailimages", IMAGE_RIGHTS),
        # Products, accounts and keys; the delivery log is read, and resent from.
        (
            "syndication",
            [
                f"{verb}_{model}"
                for verb in ("add", "change", "delete", "view")
                for model in ("product", "partneraccount")
            ]
            + ["add_apikey", "change_apikey", "view_apikey"]
            + ["view_delivery", "change_delivery", "view_deliveryattempt"],
        ),
    ],
}


def sections(scope):
    """The pages a role's page permissions sit on, in every locale."""
    if scope == "site":
        return list(Page.objects.filter(depth=2))
    if scope == "partners":
        return list(PartnerIndexPage.objects.all())
    return [*ArticleIndexPage.objects.all(), *InterviewIndexPage.objects.all()]


def _permissions(app_label, codenames):
    return Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)


def setup_editorial_roles():
    """Create or complete every role's group; returns them by name. Idempotent."""
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    groups = {}
    for name in (REPORTERS, EDITORS, CHIEF_EDITORS, WIDGET_MANAGERS, PARTNER_MANAGERS):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(admin_access)
        for app_label, codenames in MODEL_RIGHTS.get(name, []):
            group.permissions.add(*_permissions(app_label, codenames))
        granted = []
        if name in PAGE_RIGHTS:
            codenames, scope = PAGE_RIGHTS[name]
            page_permissions = list(_permissions("wagtailcore", codenames))
            for page in sections(scope):
                for permission in page_permissions:
                    granted.append(
                        GroupPagePermission.objects.get_or_create(
                            group=group, page=page, permission=permission
                        )[0].pk
                    )
        # Wagtail's installer gives its own "Editors" group rights on the whole tree.
        GroupPagePermission.objects.filter(group=group).exclude(pk__in=granted).delete()
        groups[name] = group
    return groups
