"""Sets a group's rights to exactly the listed ones: whatever is not listed is taken away.

Wagtail keeps a group's rights in three places, and each must be set: model permissions
(snippets, settings, workflows), collection permissions (images, documents, media: Wagtail
reads these, not the model permissions of those models) and page permissions on a tree.
"""

from django.contrib.auth.models import Permission
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

# Every newsroom group signs in to the admin.
ADMIN_ACCESS = [("wagtailadmin", ["access_admin"])]


def permissions(rights):
    """The Permission rows of [(app_label, [codename, ...]), ...]; a name that matches no
    permission fails loudly instead of granting nothing."""
    wanted = {(app_label, codename) for app_label, codenames in rights for codename in codenames}
    query = Q(pk__in=[])
    for app_label, codename in wanted:
        query |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.filter(query).select_related("content_type"))
    missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
    if missing:
        raise ImproperlyConfigured(f"No such permissions: {sorted(missing)}")
    return found


def set_group_rights(group, *, model=(), collection=(), page_codenames=(), pages=()):
    """Give `group` exactly these rights and no other.

    model and collection: [(app_label, [codename, ...])], the collection ones on the root
    collection; page_codenames (wagtailcore's) on each of `pages` and their descendants.
    """
    group.permissions.set(permissions(model))

    root = Collection.get_first_root_node()
    kept = [
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )[0].pk
        for permission in permissions(collection)
    ]
    GroupCollectionPermission.objects.filter(group=group).exclude(pk__in=kept).delete()

    page_permissions = permissions([("wagtailcore", page_codenames)]) if pages else []
    kept = []
    for page in pages:
        for permission in page_permissions:
            row, _ = GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=permission
            )
            kept.append(row.pk)
    GroupPagePermission.objects.filter(group=group).exclude(pk__in=kept).delete()
