"""Page listings of the admin that cost the same at 20 pages a section as at 20,000.

Wagtail's page listings annotate every row (workflow states, approved schedules, site
roots, untranslated languages) and filter it by the user's explorable pages before they
order and slice: on a news section of 20,000 stories the database works out all of that
for every story to show fifty. Here a listing is ordered and sliced bare, and only the
rows on the screen are read again with Wagtail's annotations.
"""

import os

from django.db.models import Q
from wagtail import hooks
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.models import Page

from cms.core.stories import story_models
from cms.core.translation_buttons import note_translation_facts

from .review_messages import NewsroomPageViewSet

# The page actions that let a user open a page's children in the explorer (Wagtail's
# explorable_instances).
EXPLORING = {
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "bulk_delete_page",
}


class AnnotatedPageOfRowsMixin:
    """For page listing views: Wagtail's per-row annotations on the shown rows only."""

    annotating_rows = False

    def annotate_queryset(self, pages):
        if not self.annotating_rows:
            return pages
        return self.annotate_rows(super().annotate_queryset(pages))

    def annotate_rows(self, pages):
        """What the columns of the shown rows read, beyond Wagtail's annotations."""
        return pages

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        ids = [row.pk for row in rows]
        self.annotating_rows = True
        try:
            annotated = self.annotate_queryset(
                self.model._default_manager.filter(pk__in=ids)
            ).select_related("content_type", "locale", for_specific_subqueries=True)
            by_id = {row.pk: row for row in annotated}
        finally:
            self.annotating_rows = False
        page.object_list = [by_id[pk] for pk in ids if pk in by_id]
        # wagtail-localize's row menu, shown to those who translate, asks three questions a
        # row unless told the answers for all rows at once.
        if self.request.user.has_perm("wagtail_localize.submit_translation"):
            note_translation_facts(page.object_list)
        return paginator, page, page.object_list, is_paginated


class TitleSearchMixin:
    """For page listing views: their search box matches titles with the readers' language
    analysis, as the admin's page search does ("елка" finds "Ёлка"): the search app's
    titles index, offered by its "filter_pages_by_title" hook. Newest edit first unless
    the editor sorts by a column."""

    def search_queryset(self, queryset):
        matchers = hooks.get_hooks("filter_pages_by_title")
        if not (self.is_searching and matchers):
            return super().search_queryset(queryset)
        return matchers[0](queryset, self.search_query).order_by(
            "-latest_revision_created_at", "-pk"
        )


def last_path_under(path):
    """The greatest tree path a page under `path` may have: paths are made of the
    alphabet's digits and capitals, so all those under `path` sort between it and it
    followed by as many Zs as a path may hold (a range the path index answers)."""
    return path + "Z" * (Page._meta.get_field("path").max_length - len(path))


def permission_paths(policy, user, codenames=None):
    """Tree paths of the pages on which `user` holds a page permission (of `codenames`)."""
    return sorted(
        {
            permission.page.path
            for permission in policy.get_cached_permissions_for_user(user)
            if codenames is None or permission.permission.codename in codenames
        }
    )


def explores_whole_subtree(policy, user, page):
    """Whether every page under `page` is explorable by `user`: an exploring permission
    on the page or one of its ancestors covers them all."""
    if not user.is_active:
        return False
    if user.is_superuser:
        return True
    paths = permission_paths(policy, user, EXPLORING)
    return any(page.path.startswith(path) for path in paths)


def explorable(pages, policy, user):
    """`pages` narrowed to those `user` may explore, as Wagtail's explorable_instances
    decides (the pages under an exploring permission, and the ancestors of every page that
    carries a permission, below the first ancestor those pages share), by ranges of the
    tree's path index rather than a subquery over every page."""
    if not user.is_active:
        return pages.none()
    if user.is_superuser:
        return pages
    step = Page.steplen
    condition = Q()
    for path in permission_paths(policy, user, EXPLORING):
        condition |= Q(path__gte=path, path__lte=last_path_under(path))
    carrying = permission_paths(policy, user)
    shared = os.path.commonprefix([path[:-step] for path in carrying]) if carrying else ""
    shared = shared[: len(shared) - len(shared) % step] or Page.get_first_root_node().path
    ancestors = {
        path[:end]
        for path in carrying
        for end in range(step, len(path), step)
        if path[:end].startswith(shared)
    }
    if ancestors:
        condition |= Q(path__in=ancestors)
    return pages.filter(condition) if condition else pages.none()


class SectionExplorerView(TitleSearchMixin, AnnotatedPageOfRowsMixin, ExplorableIndexView):
    """The explorer of a section's stories."""

    @property
    def parent_page(self):
        return self._parent_page

    @parent_page.setter
    def parent_page(self, page):
        # Wagtail reads the section, then its own type, then its language and its two
        # revisions (the status panel) one query each: here its own type comes with them.
        if type(page) is Page and "specific" not in page.__dict__:
            page.specific = with_header_facts(page)
        self._parent_page = page

    def get_base_queryset(self):
        if self.is_searching or self.is_filtering:
            return super().get_base_queryset()
        parent = self.parent_page
        # The children by a range of the tree's path index: Wagtail's child_of is a LIKE
        # that SQLite answers by reading the whole page table.
        pages = self.model._default_manager.filter(
            depth=parent.depth + 1, path__gt=parent.path, path__lte=last_path_under(parent.path)
        )
        if not explores_whole_subtree(self.permission_policy, self.request.user, parent):
            pages = explorable(pages, self.permission_policy, self.request.user)
        return self.annotate_queryset(pages)


def with_header_facts(page):
    """`page` as its own type, with what the explorer's header and status panel read, and
    what Wagtail had read with it (its workflow states)."""
    section = (
        page.specific_class._default_manager.select_related(
            "locale", "latest_revision", "live_revision"
        ).get(pk=page.pk)
        if page.specific_class
        else page
    )
    for name, value in page.__dict__.items():
        section.__dict__.setdefault(name, value)
    return section


class StoryPageViewSet(NewsroomPageViewSet):
    """A story type's admin views: the newsroom's, with a cheap explorer of its section
    (Wagtail lists a section's children with the viewset of the type it holds)."""

    index_view_class = SectionExplorerView


def story_page_viewsets():
    return [StoryPageViewSet(model=model) for model in story_models()]
