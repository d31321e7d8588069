"""The admin's flat listing of articles across sections and languages, for the desk."""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.models import Page, Revision, WorkflowState

from articles.models import ArticleIndexPage, ArticlePage
from cms.editorial.explorer import AnnotatedPageOfRowsMixin, TitleSearchMixin, explorable
from cms.taxonomy.models import Category, Country


class LocalisedChoiceField(django_filters.fields.ModelChoiceField):
    """Taxonomy and sections exist once per language, so each choice names its language."""

    def label_from_instance(self, obj):
        return f"{obj} ({obj.locale.language_code})"


class LocalisedChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = LocalisedChoiceField


def object_id_of_page():
    # Revisions and workflow states point at pages through a text object_id.
    return Cast(OuterRef("pk"), output_field=CharField())


class ArticleFilterSet(WagtailFilterSet):
    """Filters of the article listing; the locale filter (by language code) is Wagtail's."""

    STATUS_CHOICES = [
        ("live", _("Live")),
        ("draft", _("Draft")),
        ("scheduled", _("Scheduled")),
        ("in_workflow", _("In moderation")),
    ]

    section = LocalisedChoiceFilter(
        label=_("Section"),
        queryset=ArticleIndexPage.objects.select_related("locale").order_by("locale", "path"),
        method="filter_section",
    )
    category = LocalisedChoiceFilter(
        label=_("Category"),
        queryset=Category.objects.select_related("locale").order_by("locale", "name"),
    )
    country = LocalisedChoiceFilter(
        label=_("Country"),
        queryset=Country.objects.select_related("locale").order_by("locale", "name"),
        field_name="country_links__country",
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_CHOICES, method="filter_status"
    )

    class Meta:
        model = ArticlePage
        fields = []

    def filter_section(self, queryset, name, section):
        return queryset.child_of(section)

    def filter_status(self, queryset, name, status):
        if status == "live":
            return queryset.filter(live=True)
        if status == "draft":
            return queryset.filter(live=False)
        if status == "scheduled":
            approved_schedule = Revision.page_revisions.exclude(
                approved_go_live_at__isnull=True
            ).filter(object_id=object_id_of_page())
            return queryset.filter(Exists(approved_schedule))
        if status == "in_workflow":
            active_workflow = WorkflowState.objects.active().filter(
                base_content_type=ContentType.objects.get_for_model(Page),
                object_id=object_id_of_page(),
            )
            return queryset.filter(Exists(active_workflow))
        return queryset


def country_names(article):
    return ", ".join(str(country) for country in article.countries)


class ArticleTitleColumn(PageTitleColumn):
    # wagtail-localize's "Translate" and "Sync" entries in each row's "More" menu cost three
    # queries a row; here the title links to the editor, which carries every page action.
    cell_template_name = "editorial/listing/article_title_cell.html"


class ArticleIndexView(TitleSearchMixin, AnnotatedPageOfRowsMixin, IndexView):
    def get_base_queryset(self):
        # Wagtail filters by a subquery over every page the user may explore; a few ranges
        # of the tree's path index say the same.
        pages = self.model._default_manager.filter(depth__gt=1)
        pages = explorable(pages, self.permission_policy, self.request.user)
        return self.annotate_queryset(pages)

    def annotate_rows(self, pages):
        # The category and country columns read these; without them a row costs queries.
        return pages.select_related("category", for_specific_subqueries=True).prefetch_related(
            "country_links__country", for_specific_subqueries=True
        )


class ArticleListingViewSet(PageListingViewSet):
    """Every article in every section and language, filterable by section and taxonomy."""

    model = ArticlePage
    index_view_class = ArticleIndexView
    filterset_class = ArticleFilterSet
    icon = "doc-full"
    menu_label = _("Articles")
    menu_order = 150
    add_to_admin_menu = True
    columns = [
        ArticleTitleColumn("title", label=_("Title"), sort_key="title", classname="title")
        if column.name == "title"
        else column
        for column in IndexView.base_columns
    ] + [
        Column("category", label=_("Category"), accessor="category"),
        Column("countries", label=_("Countries"), accessor=country_names),
    ]


article_listing_viewset = ArticleListingViewSet("article_listing", url_prefix="articles")
