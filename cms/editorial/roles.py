"""The newsroom's roles, set up by code so every installation has exactly the same ones.

Each group holds the rights of its row below and nothing else: running the set-up again
takes away any right added by hand. Wagtail's installer gives its "Editors" group rights
on the whole page tree and the root collection; we reuse the group, so those go too.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group
from wagtail.models import Page

from cms.core import page_permissions
from cms.core.group_rights import ADMIN_ACCESS, set_group_rights
from cms.core.stories import story_sections
from partners.models import PartnerIndexPage

REPORTERS, EDITORS, CHIEF_EDITORS = "Reporters", "Editors", "Chief editors"
WIDGET_MANAGERS, PARTNER_MANAGERS = "Widget managers", "Partner managers"

# Wagtail's installer creates it with publish rights on the root of every language's tree
# and change rights on everyone's pictures; it matches no newsroom role, so it goes (its
# approval task on the rest of the tree goes to the chief editors: workflows.py).
STOCK_GROUPS_REMOVED = ["Moderators"]

# Wagtail has no page "delete" right (adding or editing a page lets its owner, or anyone
# who may publish it, delete it); this model permission, which Wagtail does not read, is
# ours: without it no page is deleted (cms/core/page_permissions.py, wagtail_hooks.py).
DELETE_PAGES = page_permissions.DELETE_PAGES

# Pictures, documents and recordings are rights on the root collection. Whoever may add
# may change and delete what they uploaded (Wagtail's ownership rule); "change" reaches
# everyone's, so only chief editors hold it. wagtailmedia has no "choose" right: its
# chooser lists what one may change, so a reporter chooses among their own recordings.
UPLOADS = [
    ("wagtailimages", ["add_image", "choose_image"]),
    ("wagtaildocs", ["add_document", "choose_document"]),
    ("wagtailmedia", ["add_media"]),
]
LIBRARY = [
    ("wagtailimages", ["add_image", "change_image", "delete_image", "choose_image"]),
    ("wagtaildocs", ["add_document", "change_document", "delete_document", "choose_document"]),
    ("wagtailmedia", ["add_media", "change_media", "delete_media"]),
]
WRITE = ["add_page", "change_page"]
# The newsroom's authors (cms/bylines): editors and chief editors keep the list; everyone
# who writes a story chooses from it (Wagtail's snippet chooser asks no right).
AUTHORS = ("bylines", [f"{verb}_author" for verb in ("add", "change", "delete", "view")])


@dataclass
class Role:
    model: list = field(default_factory=list)
    collection: list = field(default_factory=list)
    pages: list = field(default_factory=list)
    scope: str = ""  # where the page rights sit: see sections()


ROLES = {
    # Write and submit to the review workflow; nothing goes live through them.
    REPORTERS: Role(collection=UPLOADS, pages=WRITE, scope="newsroom"),
    # Review: edit any English story, approve its first task, read the translation status
    # (translating is the translators' and the chief editors': cms/localization/roles.py).
    EDITORS: Role(
        model=[("wagtail_localize", ["view_translation"]), AUTHORS],
        collection=UPLOADS,
        pages=WRITE,
        scope="newsroom",
    ),
    # Approve, publish, delete, curate the front page; keep the library and the workflows.
    CHIEF_EDITORS: Role(
        model=[
            ("wagtail_localize", ["submit_translation", "view_translation"]),
            (
                "wagtailcore",
                ["delete_page", "add_workflow", "change_workflow", "add_task", "change_task"],
            ),
            # Subscribers are never added by hand (cms/newsletter/wagtail_hooks.py).
            ("newsletter", ["view_subscriber", "change_subscriber", "delete_subscriber"]),
            AUTHORS,
        ],
        collection=LIBRARY,
        pages=[*WRITE, "publish_page", "lock_page", "unlock_page"],
        scope="site",
    ),
    WIDGET_MANAGERS: Role(
        model=[
            (
                "widgets",
                [
                    f"{verb}_{model}"
                    for verb in ("add", "change", "delete")
                    for model in ("exchangerate", "city", "weatherreport")
                ],
            )
        ],
    ),
    # Partner pages and their logos; products, accounts and keys; the delivery log is
    # read, and resent from.
    PARTNER_MANAGERS: Role(
        model=[
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
        collection=[("wagtailimages", ["add_image", "choose_image"])],
        pages=[*WRITE, "publish_page"],
        scope="partners",
    ),
}


def sections(scope):
    """The pages a role's page permissions sit on."""
    if scope == "site":
        return list(Page.objects.filter(depth=2))
    if scope == "partners":
        return list(PartnerIndexPage.objects.all())
    if scope == "newsroom":
        # Stories are written and reviewed in English; each other language's pages are
        # its translators' (cms/localization/roles.py) and the chief editors'.
        return [section for section in story_sections() if is_source_locale(section.locale)]
    return []


def is_source_locale(locale):
    return locale.language_code == settings.LANGUAGE_CODE


def may_delete_pages(user):
    """Whether the user may delete the pages Wagtail's tree permissions let them delete."""
    return user.has_perm(DELETE_PAGES)


def setup_editorial_roles():
    """Create each role's group with exactly its rights; returns them by name. Idempotent."""
    groups = {}
    for name, role in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        set_group_rights(
            group,
            model=ADMIN_ACCESS + role.model,
            collection=role.collection,
            page_codenames=role.pages,
            pages=sections(role.scope),
        )
        groups[name] = group
    Group.objects.filter(name__in=STOCK_GROUPS_REMOVED).delete()
    return groups
