"""The front page of one locale, with the category and country listings under it."""

from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from cms.bylines.models import Author, story_ids_by
from cms.caching.lifetimes import keep_until
from cms.core.listing import NEWEST_FIRST, paginate, specific_stories
from cms.core.page_permissions import ChiefEditorsDeleteMixin
from cms.core.page_workflow import NearestWorkflowMixin
from cms.core.stories import story_models
from cms.privacy import ViewRestrictionsMixin, public
from cms.taxonomy.models import Category, Country
from partners.models import PartnerPage

from .curation import shown_on_front_page
from .front_page import FrontPageForm, FrontPageMixin


class HomePage(
    FrontPageMixin,
    ChiefEditorsDeleteMixin,
    NearestWorkflowMixin,
    ViewRestrictionsMixin,
    RoutablePageMixin,
    Page,
):
    """One per locale: top stories, latest news, interviews and partners."""

    edit_handler = TabbedInterface(
        [
            ObjectList(Page.content_panels, heading=_("Content")),
            ObjectList(FrontPageMixin.front_page_panels, heading=_("Front page")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ],
        base_form_class=FrontPageForm,
    )

    parent_page_types = ["wagtailcore.Page"]
    # Its sections are the page types that name the home page as their parent (every
    # SectionPage does): a new section type needs no change here.
    listing_parameters = ("page",)  # of the category and country listings

    class Meta:
        verbose_name = _("home page")

    @path("")
    def front_page(self, request):
        shown = shown_on_front_page(self, timezone.now())
        context = {
            "top_story": shown.top_story,
            "more_top_stories": shown.more_top_stories,
            "latest_news": shown.latest_news,
            "interviews": shown.interviews,
            "breaking_news": shown.banner,
            "shown_stories": shown.story_ids,
            "partners": public(PartnerPage.objects.live())
            .filter(locale_id=self.locale_id)
            .select_related("country")
            .order_by("title")[:6],
        }
        response = self.render(request, context_overrides=context)
        # Readers must not be served a pick or banner past its time from a cache.
        keep_until(response, shown.changes_at)
        return response

    def stories_tagged(self, **filters):
        """Live public articles and interviews of this locale matching the taxonomy filter."""
        models = story_models()
        pages = (
            public(Page.objects.live())
            .filter(locale=self.locale)
            .type(*models)
            .filter(**filters)
            .order_by(*NEWEST_FIRST)
        )
        return pages, models

    def _listing(self, request, heading, filters, extra, template="home/taxonomy_listing.html"):
        pages, models = self.stories_tagged(**filters)
        # The page's stories are read, as their own types, only for cards missing from the
        # cache: most pages need no more than the ids.
        page_of_results = paginate(
            request,
            pages,
            relations=lambda rows: specific_stories(rows.only("content_type"), models),
        )
        context = {
            "heading": heading,
            "page_of_results": page_of_results,
            "stories": page_of_results,
            # The same listing under every locale's home: /ru/categories/x/ ~ /en/categories/x/
            "locale_route": request.path[len(self.get_url(request)) :],
        }
        context.update(extra)
        return self.render(request, context_overrides=context, template=template)

    @path("categories/<slug:slug>/", name="category")
    def category_listing(self, request, slug):
        category = get_object_or_404(Category, slug=slug, locale=self.locale)
        return self._listing(
            request, category.name, {"pk__in": _story_ids_in(category)}, {"category": category}
        )

    @path("countries/<str:code>/", name="country")
    def country_listing(self, request, code):
        if len(code) != 2 or not code.isalpha():
            raise Http404
        country = get_object_or_404(Country, code=code.upper(), locale=self.locale)
        partners = public(PartnerPage.objects.live()).filter(country=country).order_by("title")
        filters = {"country_links__country": country}
        return self._listing(
            request, country.name, filters, {"country": country, "partners": partners}
        )

    @path("authors/<slug:slug>/", name="author")
    def author_listing(self, request, slug):
        """An author's page: who they are, and the stories they sign in this language."""
        authors = Author.objects.select_related("photo")
        author = get_object_or_404(authors, slug=slug, locale_id=self.locale_id)
        filters = {"pk__in": story_ids_by(author)}
        return self._listing(
            request, author.name, filters, {"author": author}, "bylines/author_page.html"
        )


def _story_ids_in(category):
    """Ids of stories of any type in the category (each type keeps its own column)."""
    condition = Q()
    for model in story_models():
        condition |= Q(**{f"{model._meta.model_name}__category": category})
    return Page.objects.filter(condition).values("pk")
