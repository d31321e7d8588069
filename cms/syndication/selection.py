"""Which stories a partner receives: its products' filters, only in its languages."""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from cms.core.stories import story_models
from cms.distribution.stories import published
from cms.taxonomy.models import PageCountry


def includes(product, model):
    """Whether the product carries the story type: its switch `include_<kind>s` (a type
    the products have no switch for yet is carried)."""
    return getattr(product, f"include_{model.story_kind}s", True)


def receivable(queryset):
    """Live, public, not expired, and past any go-live time an editor set."""
    return published(queryset).exclude(go_live_at__gt=timezone.now())


class Selection:
    """The stories of one partner account, its products and languages read once."""

    def __init__(self, account):
        self.account = account
        self.languages = account.language_codes()
        self.products = list(
            account.products.prefetch_related("sections", "categories", "countries", "locales")
        )
        section_keys = {
            section.translation_key
            for product in self.products
            for section in product.sections.all()
        }
        # A section chosen in English stands for the same section in every language.
        self.section_paths = {}
        for key, path in Page.objects.filter(translation_key__in=section_keys).values_list(
            "translation_key", "path"
        ):
            self.section_paths.setdefault(key, []).append(path)

    def product_filter(self, product, model):
        if not includes(product, model):
            return None
        conditions = Q()
        if sections := list(product.sections.all()):
            paths = [p for s in sections for p in self.section_paths.get(s.translation_key, [])]
            conditions &= reduce(or_, (Q(path__startswith=path) for path in paths), Q(pk__in=[]))
        if categories := list(product.categories.all()):
            conditions &= Q(category__translation_key__in=[c.translation_key for c in categories])
        if countries := list(product.countries.all()):
            linked = PageCountry.objects.filter(
                country__translation_key__in=[c.translation_key for c in countries]
            )
            conditions &= Q(pk__in=linked.values("page_id"))
        if locales := list(product.locales.all()):
            conditions &= Q(locale__in=[locale.pk for locale in locales])
        return conditions

    def stories(self, model):
        """The stories of one type the partner receives, as a query set (not yet run)."""
        filters = [self.product_filter(product, model) for product in self.products]
        filters = [condition for condition in filters if condition is not None]
        if not filters or not self.languages:
            return model.objects.none()
        # An empty Q is a product with no filter, i.e. everything; Django would instead
        # drop it from an OR, so it wins outright.
        combined = Q() if not all(filters) else reduce(or_, filters)
        queryset = model.objects.filter(combined, locale__language_code__in=self.languages)
        return receivable(queryset)

    def receives(self, page):
        """Whether this story (an article or interview page) is one the partner receives."""
        model = page.specific_class
        if model not in story_models():
            return False
        return self.stories(model).filter(pk=page.pk).exists()
