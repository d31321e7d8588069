"""The admin's page search and the page chooser's search, matched on the page titles' index
(search/page_titles.py) and listed with the same number of queries at any archive size.

Wagtail's views match through its search backend and then ask, row by row, for each page's
parent; these fetch one page of matching ids first, then those pages and their parents at once.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Count, F, prefetch_related_objects
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from wagtail import hooks
from wagtail.admin.forms.search import SearchForm
from wagtail.admin.views import chooser
from wagtail.admin.views.pages.search import SearchView
from wagtail.models import Page
from wagtail.search.utils import separate_filters_from_query

from cms.core.translation_buttons import note_translation_facts

from .page_titles import filter_by_title, query_groups

# Most recently edited first when no order is asked for: titles matched by a prefix have
# no relevance worth ranking, and an editor looks for what they worked on lately.
RECENT_FIRST = (F("latest_revision_created_at").desc(nulls_last=True), "-pk")


def in_order(pages, page_ids):
    """The pages in the order of their ids (a page of results keeps its ranking)."""
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in page_ids if pk in by_id]


def rows_of(pages, page_ids):
    """A page of results in the order found, each row's parent fetched for all at once."""
    pages = in_order(pages, page_ids)
    Page.objects.annotate_parent_page(pages)
    for page in pages:
        # Where treebeard's get_parent() keeps the parent it fetched: the chooser's parent
        # column and each row's link ask it, row by row.
        page._cached_parent_obj = page._parent_page
    return pages


class PageTypeFacets(list):
    """A page of results for Wagtail's results template, which shows the page-type counts
    when its results say they can be faceted."""

    supports_facet = True


class PageSearchView(SearchView):
    """/admin/pages/search/: the pages the editor may explore whose titles match, every type,
    draft or live ("live:yes" / "live:no" in the query keep Wagtail's filter)."""

    def get_queryset(self):
        pages = Page.objects.all()
        if getattr(settings, "WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS", True):
            # Its conditions on the matched rows themselves (Wagtail asks whether each id is
            # in the set of every explorable page, which SQLite builds whole each time).
            pages = self.permission_policy.explorable_instances(self.request.user)
        filters, text = separate_filters_from_query(self.search_query or "")
        live = (filters.get("live") or filters.get("published") or "").lower()
        if live in ("yes", "true"):
            pages = pages.filter(live=True)
        elif live in ("no", "false"):
            pages = pages.filter(live=False)
        pages = filter_by_title(pages, text)
        self.content_types = self.page_type_counts(pages)
        # The counts give the template's and the paginator's totals: no COUNT query each.
        total = sum(count for _type, count in self.content_types)
        self.all_pages = {"count": total}
        self.matches = total
        if self.selected_content_type:
            pages = pages.filter(content_type=self.selected_content_type)
            self.matches = dict(self.content_types).get(self.selected_content_type, 0)
        order = (self.ordering,) if self.ordering else RECENT_FIRST
        return pages.order_by(*order).values_list("pk", flat=True)

    def page_type_counts(self, pages):
        counts = (
            pages.order_by()
            .values_list("content_type")
            .annotate(count=Count("pk"))
            .order_by("-count")
        )
        return [
            (ContentType.objects.get_for_id(content_type_id), count)
            for content_type_id, count in counts
        ]

    def get_paginator(self, queryset, per_page, *args, **kwargs):
        paginator = super().get_paginator(queryset, per_page, *args, **kwargs)
        paginator.count = self.matches
        return paginator

    def annotate_queryset(self, pages):
        # Rows of every page type come in one query, their own fields left unread: a row
        # shows only what every page has, and a query per type would grow with the types.
        return super().annotate_queryset(pages).specific(defer=True)

    def paginate_queryset(self, queryset, page_size):
        paginator, page, page_ids, is_paginated = super().paginate_queryset(queryset, page_size)
        pages = self.annotate_queryset(Page.objects.filter(pk__in=list(page_ids)))
        page.object_list = PageTypeFacets(note_translation_facts(rows_of(pages, page_ids)))
        return paginator, page, page.object_list, is_paginated


class ChooserSearchView(chooser.SearchView):
    """/admin/choose-page/search/: every page (but the root) of the types the chooser asks
    for whose titles match, as Wagtail's chooser offers them (its hooks still apply)."""

    per_page = 25

    def get(self, request):
        self.i18n_enabled = getattr(settings, "WAGTAIL_I18N_ENABLED", False)
        self.is_multiple_choice = request.GET.get("multiple")
        page_type_string = request.GET.get("page_type") or chooser.base_page_type_string
        try:
            desired_classes = chooser.page_models_from_string(page_type_string)
        except (ValueError, LookupError) as error:
            raise Http404 from error

        search_form = SearchForm(request.GET)
        text = search_form.cleaned_data["q"] if search_form.is_valid() else ""
        pages = Page.objects.none()
        if query_groups(text):
            pages = Page.objects.exclude(depth=1).type(*desired_classes)
            for hook in hooks.get_hooks("construct_page_chooser_queryset"):
                pages = hook(pages, request)
            pages = filter_by_title(pages, text).order_by(*RECENT_FIRST)

        paginator = Paginator(pages.values_list("pk", flat=True), per_page=self.per_page)
        page_of_ids = paginator.get_page(request.GET.get("p"))
        # What the status column reads of each row (schedule, workflow) comes with the rows.
        found = (
            Page.objects.filter(pk__in=list(page_of_ids))
            .specific(defer=True)
            .prefetch_related("locale")
            .annotate_approved_schedule()
            .prefetch_workflow_states()
        )
        page_of_ids.object_list = rows_of(found, page_of_ids)
        # The chooser labels each parent with its language.
        parents = [page._parent_page for page in page_of_ids if page._parent_page]
        prefetch_related_objects(parents, "locale")
        for page in page_of_ids:
            page.can_choose = True
            page.is_parent_page = False

        table = chooser.PageChooserTable(
            self.columns, page_of_ids, show_locale_labels=self.i18n_enabled
        )
        context = {
            "searchform": search_form,
            "table": table,
            "pages": page_of_ids,
            "page_type_string": page_type_string,
        }
        return TemplateResponse(
            request,
            "wagtailadmin/chooser/_search_results.html",
            chooser.shared_context(request, context),
        )


# A word in about one in five of the synthetic articles' titles (cms/demo/synthetic.py draws
# them from the demo's): a search as heavy as editors' common ones.
COMMON_TITLE_WORD = "indian"


def admin_search_addresses(word=COMMON_TITLE_WORD):
    """{name: path} of the admin's page search and page chooser search, for the benchmarks."""
    query = urlencode({"q": word})
    return {
        "admin page search": f"{reverse('wagtailadmin_pages:search')}?{query}",
        "page chooser search": f"{reverse('wagtailadmin_choose_page_search')}?{query}",
    }
